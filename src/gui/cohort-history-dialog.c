/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-history-dialog.h"

#include <glib/gi18n.h>

#include "cohort-history.h"

/*
 * The history of a person's record: every change the audit log holds about them and the rows
 * that are theirs, oldest first, in words — when (local time), what happened, and which fields
 * went from what to what.  The log of one person is short and indexed, so it is read at once.
 */

struct _CohortHistoryDialog
{
  AdwWindow       parent_instance;

  GListModel     *model;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (CohortHistoryDialog, cohort_history_dialog, ADW_TYPE_WINDOW)

static void
cohort_history_dialog_dispose (GObject *object)
{
  CohortHistoryDialog *self = COHORT_HISTORY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_HISTORY_DIALOG);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cohort_history_dialog_parent_class)->dispose (object);
}

static void
cohort_history_dialog_class_init (CohortHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohort_history_dialog_dispose;

  g_type_ensure (COHORT_TYPE_HISTORY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CohortHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CohortHistoryDialog, list_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cohort_history_dialog_init (CohortHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cohort_history_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @database: where the history is read
 * @person_id: whose history
 * @subtitle: (nullable): what to show under the title: the person's name or code
 *
 * Returns: (transfer full): a new dialog, not yet shown; if the history cannot be read, it says
 *   so instead of listing it
 */
CohortHistoryDialog *
cohort_history_dialog_new (GtkWindow      *parent,
                           CohortDatabase *database,
                           gint64          person_id,
                           const char     *subtitle)
{
  CohortHistoryDialog *self;
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  self = g_object_new (COHORT_TYPE_HISTORY_DIALOG, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  if (subtitle != NULL)
    adw_window_title_set_subtitle (self->window_title, subtitle);

  self->model = cohort_history_list_person (database, person_id, &error);
  if (self->model == NULL)
    {
      /* The database failed: an empty list, and the reason where the list would be. */
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The History Could Not Be Read"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_stack_add_named (self->stack, status, "error");
      gtk_stack_set_visible_child_name (self->stack, "error");
      self->model = G_LIST_MODEL (g_list_store_new (COHORT_TYPE_HISTORY_ENTRY));
      return self;
    }

  selection = gtk_no_selection_new (g_object_ref (self->model));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->model) > 0 ? "list"
                                                                               : "empty");

  return self;
}

/**
 * cohort_history_dialog_get_model:
 *
 * Returns: (transfer none): the entries listed, #CohortHistoryEntry objects
 */
GListModel *
cohort_history_dialog_get_model (CohortHistoryDialog *self)
{
  g_return_val_if_fail (COHORT_IS_HISTORY_DIALOG (self), NULL);

  return self->model;
}
