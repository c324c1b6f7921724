/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-courses-page.h"
#include "cohort-database-actions.h"
#include "cohort-graduates-page.h"
#include "cohort-placements-page.h"
#include "cohort-reports-page.h"
#include "cohort-statistics.h"
#include "cohort-trainees-page.h"
#include "cohort-window-exchange.h"
#include "cohort-window-safety.h"

/* One row of the counts list: a table, what it holds, and how many. */
typedef struct
{
  const char   *table;  /* static, from core */
  AdwActionRow *row;    /* owned by its list */
  GtkLabel     *count;  /* owned by row */
} CountRow;

struct _CohortWindow
{
  AdwApplicationWindow  parent_instance;

  CohortDatabase       *database;
  GSettings            *settings;
  GCancellable         *refresh_cancellable;  /* set while counting */
  GArray               *count_rows;           /* CountRow, in core's order */

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AdwBin               *trainees_bin;
  AdwBin               *courses_bin;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkButton            *reload_button;
  AdwPreferencesGroup  *counts_group;
  GtkListBox           *counts_list;
  GtkListBox           *history_list;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortWindow, cohort_window, ADW_TYPE_APPLICATION_WINDOW)

/* A number as the user's locale writes it (grouped thousands). */
static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

/* A path as a person would type it in a terminal: quoted only when it needs to be. */
static char *
quote_for_shell (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+,:@%", *p) == NULL)
      return g_shell_quote (path);

  return g_strdup (path);
}

static gboolean
is_default_database (CohortDatabase *database)
{
  g_autofree char *default_path = cohort_database_dup_default_path ();
  g_autofree char *a = g_canonicalize_filename (default_path, NULL);
  g_autofree char *b = g_canonicalize_filename (cohort_database_get_path (database), NULL);

  return strcmp (a, b) == 0;
}

/* Tables that record what happened to the records rather than hold records. */
static gboolean
is_history (const char *table)
{
  return strcmp (table, "audit_log") == 0 || strcmp (table, "import_batch") == 0;
}

static void
count_tables_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GArray *counts;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A connection of its own: the window's belongs to the main thread.  Counting the history
   * of a large programme takes longer than a frame. */
  database = cohort_database_open (path,
                                   COHORT_DATABASE_OPEN_READ_ONLY |
                                   COHORT_DATABASE_OPEN_NO_CREATE,
                                   &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  counts = cohort_statistics_count_tables (database, &error);
  if (counts == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, counts, (GDestroyNotify) g_array_unref);
}

static CountRow *
ensure_count_row (CohortWindow           *self,
                  const CohortTableCount *count)
{
  CountRow new_row;

  for (guint i = 0; i < self->count_rows->len; i++)
    {
      CountRow *row = &g_array_index (self->count_rows, CountRow, i);

      if (strcmp (row->table, count->table) == 0)
        return row;
    }

  new_row.table = count->table;
  new_row.row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (new_row.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (new_row.row), count->label);
  gtk_widget_set_name (GTK_WIDGET (new_row.row), count->table);

  new_row.count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (new_row.count), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (new_row.count), "numeric");
  gtk_label_set_selectable (new_row.count, FALSE);
  adw_action_row_add_suffix (new_row.row, GTK_WIDGET (new_row.count));

  gtk_list_box_append (is_history (count->table) ? self->history_list : self->counts_list,
                       GTK_WIDGET (new_row.row));
  g_array_append_val (self->count_rows, new_row);

  return &g_array_index (self->count_rows, CountRow, self->count_rows->len - 1);
}

static void
show_count (CohortWindow           *self,
            const CohortTableCount *count)
{
  CountRow *row = ensure_count_row (self, count);
  g_autofree char *live = format_count (count->live);
  g_autofree char *deleted = NULL;
  g_autofree char *description = NULL;

  gtk_label_set_text (row->count, live);

  if (count->deleted > 0)
    {
      g_autofree char *number = format_count (count->deleted);

      /* TRANSLATORS: how many records of a kind are deleted (and can be restored) */
      deleted = g_strdup_printf (ngettext ("%s deleted", "%s deleted", (gulong) count->deleted),
                                 number);
    }

  adw_action_row_set_subtitle (row->row, deleted != NULL ? deleted : "");

  /* The number is a suffix: say it to screen readers with the row. */
  if (deleted != NULL)
    /* TRANSLATORS: a number of records, then how many of them are deleted */
    description = g_strdup_printf (C_("count with deleted", "%s, %s"), live, deleted);
  else
    description = g_strdup (live);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
show_counts (CohortWindow *self,
             GArray       *counts)
{
  gboolean empty = TRUE;

  for (guint i = 0; i < counts->len; i++)
    {
      const CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);

      if (!is_history (count->table) && (count->live > 0 || count->deleted > 0))
        empty = FALSE;

      show_count (self, count);
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "counts");
}

static void
show_error (CohortWindow *self,
            const GError *error)
{
  g_autofree char *description = NULL;

  description = g_markup_printf_escaped ("%s", error->message);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_count_tables_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CohortWindow *self = COHORT_WINDOW (source_object);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer count replaced this one, or the window is closing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->refresh_cancellable);

  if (counts == NULL)
    {
      g_debug ("Could not count the records of %s: %s",
                 cohort_database_get_path (self->database), error->message);
      show_error (self, error);
      return;
    }

  show_counts (self, counts);
}

static void
refresh (CohortWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_assert (COHORT_IS_WINDOW (self));

  if (self->database == NULL)
    return;

  /* A newer count cancels an older one. */
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();

  /* The task keeps the window alive until its callback has run. */
  task = g_task_new (self, self->refresh_cancellable, on_count_tables_cb, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, g_strdup (cohort_database_get_path (self->database)), g_free);
  g_task_run_in_thread (task, count_tables_thread);
}

static void
on_database_changed_cb (CohortDatabase     *database,
                        const char * const *tables,
                        gpointer            user_data)
{
  CohortWindow *self = user_data;

  refresh (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  refresh (COHORT_WINDOW (widget));
}

static void
show_database (CohortWindow *self)
{
  const char *path = cohort_database_get_path (self->database);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *where = NULL;
  g_autofree char *next_steps = NULL;

  adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title), display_path);

  {
    /* TRANSLATORS: the window's title in the window list: the database file, then the
     * application's name */
    g_autofree char *title = g_strdup_printf (_("%s — Cohort"), basename);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  /* TRANSLATORS: where the database file is, e.g. "Stored in /home/ana/cohort.db" */
  where = g_markup_printf_escaped (_("Stored in %s"), display_path);
  adw_preferences_group_set_description (self->counts_group, where);

  if (is_default_database (self->database))
    {
      next_steps = g_markup_escape_text (
        _("To see how Cohort works, load a demonstration programme by running “cohort demo” "
          "in a terminal."), -1);
    }
  else
    {
      g_autofree char *argument = quote_for_shell (display_path);

      /* TRANSLATORS: %s is the database file, as typed in a terminal */
      next_steps = g_markup_printf_escaped (
        _("To see how Cohort works, load a demonstration programme by running "
          "“cohort --database %s demo” in a terminal."),
        argument);
    }
  adw_status_page_set_description (self->empty_page, next_steps);
}

static void
cohort_window_constructed (GObject *object)
{
  CohortWindow *self = (CohortWindow *)object;

  G_OBJECT_CLASS (cohort_window_parent_class)->constructed (object);

  if (self->database == NULL)
    {
      g_critical ("A CohortWindow needs a database");
      return;
    }

  show_database (self);
  adw_bin_set_child (self->trainees_bin, cohort_trainees_page_new (self->database));
  adw_bin_set_child (self->courses_bin, cohort_courses_page_new (self->database));
  adw_bin_set_child (ADW_BIN (adw_view_stack_get_child_by_name (self->view_stack, "placements")),
                     cohort_placements_page_new (self->database));
  adw_bin_set_child (ADW_BIN (adw_view_stack_get_child_by_name (self->view_stack, "graduates")),
                     cohort_graduates_page_new (self->database));
  adw_bin_set_child (ADW_BIN (adw_view_stack_get_child_by_name (self->view_stack, "reports")),
                     cohort_reports_page_new (self->database));
  cohort_window_exchange_init (self);
  cohort_window_safety_init (self);
  g_signal_connect_object (self->database, "changed",
                           G_CALLBACK (on_database_changed_cb), self, G_CONNECT_DEFAULT);
  refresh (self);
}

static void
cohort_window_dispose (GObject *object)
{
  CohortWindow *self = (CohortWindow *)object;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_WINDOW);

  if (self->count_rows != NULL)
    g_array_set_size (self->count_rows, 0);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_window_parent_class)->dispose (object);
}

static void
cohort_window_finalize (GObject *object)
{
  CohortWindow *self = (CohortWindow *)object;

  g_clear_pointer (&self->count_rows, g_array_unref);

  G_OBJECT_CLASS (cohort_window_parent_class)->finalize (object);
}

static void
cohort_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CohortWindow *self = COHORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CohortWindow *self = COHORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_window_class_init (CohortWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_window_constructed;
  object_class->dispose = cohort_window_dispose;
  object_class->finalize = cohort_window_finalize;
  object_class->get_property = cohort_window_get_property;
  object_class->set_property = cohort_window_set_property;

  /**
   * CohortWindow:database:
   *
   * The database the window shows.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/cohort-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, trainees_bin);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, courses_bin);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, counts_group);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, counts_list);
  gtk_widget_class_bind_template_child (widget_class, CohortWindow, history_list);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  cohort_window_exchange_class_init (widget_class);
  cohort_window_safety_class_init (widget_class);
  cohort_database_actions_class_init (widget_class);

  /* GtkWindow has the action; the shortcut is ours.  Listed in gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
cohort_window_init (CohortWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->count_rows = g_array_new (FALSE, FALSE, sizeof (CountRow));

  /* The window's size is remembered between sessions. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * cohort_window_new:
 * @application: (nullable): the application the window belongs to
 * @database: the database to show
 *
 * Returns: (transfer none): a new window, kept by GTK until it is destroyed
 */
CohortWindow *
cohort_window_new (GtkApplication *application,
                   CohortDatabase *database)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

CohortDatabase *
cohort_window_get_database (CohortWindow *self)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);

  return self->database;
}

/* Private: for tests. */

gboolean
cohort_window_is_loading (CohortWindow *self)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), FALSE);

  return self->refresh_cancellable != NULL;
}

/**
 * cohort_window_get_visible_state:
 *
 * Returns: what the window shows: "loading", "empty", "error" or "counts"
 */
const char *
cohort_window_get_visible_state (CohortWindow *self)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
cohort_window_get_state_page (CohortWindow *self,
                              const char   *state)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  return gtk_stack_get_child_by_name (self->stack, state);
}

AdwActionRow *
cohort_window_get_count_row (CohortWindow *self,
                             const char   *table)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < self->count_rows->len; i++)
    {
      CountRow *row = &g_array_index (self->count_rows, CountRow, i);

      if (strcmp (row->table, table) == 0)
        return row->row;
    }

  return NULL;
}

GtkLabel *
cohort_window_get_count_label (CohortWindow *self,
                               const char   *table)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < self->count_rows->len; i++)
    {
      CountRow *row = &g_array_index (self->count_rows, CountRow, i);

      if (strcmp (row->table, table) == 0)
        return row->count;
    }

  return NULL;
}
