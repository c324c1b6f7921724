/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-toast.h"

#include <glib/gi18n.h>

/**
 * cohort_toast_show:
 * @overlay: where the toast shows
 * @title: what was done
 * @undo_action: (nullable): the action an Undo button activates, or %NULL for no button
 */
void
cohort_toast_show (AdwToastOverlay *overlay,
                   const char      *title,
                   const char      *undo_action)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (title != NULL);

  toast = adw_toast_new (title);
  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, undo_action);
    }

  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * cohort_toast_show_failure:
 * @overlay: where the toast shows
 * @error: what went wrong
 */
void
cohort_toast_show_failure (AdwToastOverlay *overlay,
                           const GError    *error)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (error != NULL);

  toast = adw_toast_new (error->message);
  /* The message says what went wrong in words; the toast keeps it in sight a while. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (overlay, toast);
}
