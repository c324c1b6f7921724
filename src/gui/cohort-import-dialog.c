/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-import-dialog-private.h"

#include <glib/gi18n.h>

#include "cohort-import-format.h"
#include "cohort-validation.h"

/*
 * Import: choose a file, see what importing it would do (the plan: new, updated with each
 * field's old and new value, unchanged, rejected with the reason and the file's line), then
 * import it in one transaction.  Reading and writing run in a worker with a connection of its
 * own; the window's lists notice the commit through the database's change signal.
 */

/* The formats of the format row, in its order. */
typedef enum
{
  CHOICE_XCRI,
  CHOICE_IMS,
  CHOICE_CSV_TRAINEES,
  CHOICE_CSV_ORGANISATIONS,
  CHOICE_CSV_PLACEMENTS,
} Choice;

#define PROGRESS_INTERVAL_MSEC 100

/* Shared with a worker, which may outlive the dialog. */
typedef struct
{
  int n_done;
  int n_total;
} Progress;

/* One line of the list: a record of the plan, a warning, or (as a child) a change or a
 * reason. */
#define COHORT_TYPE_IMPORT_ROW (cohort_import_row_get_type ())
G_DECLARE_FINAL_TYPE (CohortImportRow, cohort_import_row, COHORT, IMPORT_ROW, GObject)

struct _CohortImportRow
{
  GObject     parent_instance;

  char       *title;
  char       *subtitle;
  char       *badge;     /* nullable: the outcome, in words */
  const char *style;     /* nullable: a CSS class for the badge */
  GListStore *children;  /* nullable */
};

G_DEFINE_FINAL_TYPE (CohortImportRow, cohort_import_row, G_TYPE_OBJECT)

struct _CohortImportDialog
{
  AdwWindow             parent_instance;

  CohortDatabase       *database;
  GFile                *file;
  CohortImportPlan     *plan;
  Choice                choice;
  GCancellable         *cancellable;      /* set while a worker runs */
  Progress             *progress;         /* of the running worker */
  guint                 progress_source;
  GtkFileChooserNative *chooser;
  GListStore           *rows;
  GtkTreeListModel     *tree;
  char                 *error_text;
  char                 *summary;
  gboolean              committing;
  gboolean              setting_format;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *working_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  AdwComboRow          *format_row;
  AdwActionRow         *summary_row;
  GtkListView          *items_view;
  GtkSignalListItemFactory *items_factory;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CohortImportDialog, cohort_import_dialog, ADW_TYPE_WINDOW)

/* Rows */

static void
cohort_import_row_finalize (GObject *object)
{
  CohortImportRow *self = COHORT_IMPORT_ROW (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->badge);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (cohort_import_row_parent_class)->finalize (object);
}

static void
cohort_import_row_class_init (CohortImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cohort_import_row_finalize;
}

static void
cohort_import_row_init (CohortImportRow *self)
{
}

static CohortImportRow *
row_new (char       *title,
         char       *subtitle,
         const char *badge,
         const char *style)
{
  CohortImportRow *row = g_object_new (COHORT_TYPE_IMPORT_ROW, NULL);

  row->title = title;
  row->subtitle = subtitle;
  row->badge = g_strdup (badge);
  row->style = style;

  return row;
}

static void
row_add_child (CohortImportRow *row,
               CohortImportRow *child)
{
  if (row->children == NULL)
    row->children = g_list_store_new (COHORT_TYPE_IMPORT_ROW);
  g_list_store_append (row->children, child);
  g_object_unref (child);
}

/* Words */

/* "326 courses": the number, and the noun in the plural the number needs. */
static char *
dup_kind_count (CohortImportRecordKind kind,
                guint                  n)
{
  switch ((int) kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      return g_strdup_printf (ngettext ("%u organisation", "%u organisations", n), n);
    case COHORT_IMPORT_RECORD_COURSE:
      return g_strdup_printf (ngettext ("%u course", "%u courses", n), n);
    case COHORT_IMPORT_RECORD_IMS_PERSON:
    case COHORT_IMPORT_RECORD_PERSON:
      return g_strdup_printf (ngettext ("%u person", "%u people", n), n);
    case COHORT_IMPORT_RECORD_IMS_GROUP:
      return g_strdup_printf (ngettext ("%u group (course run)", "%u groups (course runs)", n),
                              n);
    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      return g_strdup_printf (ngettext ("%u membership", "%u memberships", n), n);
    case COHORT_IMPORT_RECORD_PLACEMENT:
      return g_strdup_printf (ngettext ("%u placement", "%u placements", n), n);
    case COHORT_IMPORT_RECORD_COURSE_RUN:
    default:
      return g_strdup_printf (ngettext ("%u course run", "%u course runs", n), n);
    }
}

static const CohortImportRecordKind all_kinds[] = {
  COHORT_IMPORT_RECORD_COURSE,
  COHORT_IMPORT_RECORD_COURSE_RUN,
  COHORT_IMPORT_RECORD_PERSON,
  COHORT_IMPORT_RECORD_IMS_PERSON,
  COHORT_IMPORT_RECORD_IMS_GROUP,
  COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
  COHORT_IMPORT_RECORD_PLACEMENT,
  COHORT_IMPORT_RECORD_ORGANISATION,
};

static const char *
outcome_badge (CohortImportOutcome outcome,
               const char        **out_style)
{
  switch (outcome)
    {
    case COHORT_IMPORT_OUTCOME_NEW:
      *out_style = "success";
      return C_("import outcome", "New");
    case COHORT_IMPORT_OUTCOME_UPDATED:
      *out_style = "accent";
      return C_("import outcome", "Updated");
    case COHORT_IMPORT_OUTCOME_UNCHANGED:
      *out_style = "dim-label";
      return C_("import outcome", "Unchanged");
    case COHORT_IMPORT_OUTCOME_REJECTED:
    default:
      *out_style = "error";
      return C_("import outcome", "Rejected");
    }
}

static char *
dup_location (guint line,
              guint column)
{
  if (line > 0 && column > 0)
    /* Translators: where a record is in the file */
    return g_strdup_printf (_("Line %u, column %u"), line, column);
  if (line > 0)
    /* Translators: where a record is in the file */
    return g_strdup_printf (_("Line %u"), line);

  return g_strdup (_("In the file"));
}

static CohortImportRow *
row_new_for_item (const CohortImportItem *item)
{
  const char *style = NULL;
  const char *badge = outcome_badge (item->outcome, &style);
  CohortImportRow *row;
  char *title;
  char *subtitle;

  if (item->code != NULL)
    /* Translators: a record of the file: "Course “ADVECDL”" */
    title = g_strdup_printf (_("%s “%s”"), cohort_import_record_kind_get_label (item->kind), item->code);
  else
    title = g_strdup (cohort_import_record_kind_get_label (item->kind));

  if (item->outcome == COHORT_IMPORT_OUTCOME_REJECTED && item->reason != NULL)
    subtitle = g_strdup (item->reason);
  else
    subtitle = g_strdup (item->label != NULL ? item->label : "");

  row = row_new (title, subtitle, badge, style);

  if (item->outcome == COHORT_IMPORT_OUTCOME_REJECTED)
    {
      char *where = dup_location (item->line, item->column);
      char *why;

      if (item->field != NULL)
        /* Translators: why a record cannot be imported: "Start date: is after the end date" */
        why = g_strdup_printf (_("%s: %s"), cohort_validation_get_field_label (item->field),
                               item->reason ? item->reason : "");
      else
        why = g_strdup (item->reason ? item->reason : "");

      row_add_child (row, row_new (where, why, NULL, NULL));
    }

  for (guint i = 0; item->changes != NULL && i < item->changes->len; i++)
    {
      CohortImportChange *change = g_ptr_array_index (item->changes, i);

      /* Translators: a change of one field: "“Old title” → “New title”"; an empty value is
       * shown as "(none)" */
      row_add_child (row, row_new (g_strdup (cohort_validation_get_field_label (change->field)),
                                   g_strdup_printf (_("“%s” → “%s”"),
                                                    change->old_value ? change->old_value
                                                                      : _("(none)"),
                                                    change->new_value ? change->new_value
                                                                      : _("(none)")),
                                   NULL, NULL));
    }

  return row;
}

static CohortImportRow *
row_new_for_issue (const CohortImportIssue *issue)
{
  return row_new (dup_location (issue->line, issue->column), g_strdup (issue->message),
                  C_("import outcome", "Warning"), "warning");
}

/* The order of the list: what needs a look first. */
static int
outcome_rank (CohortImportOutcome outcome)
{
  switch (outcome)
    {
    case COHORT_IMPORT_OUTCOME_REJECTED:
      return 0;
    case COHORT_IMPORT_OUTCOME_UPDATED:
      return 1;
    case COHORT_IMPORT_OUTCOME_NEW:
      return 2;
    case COHORT_IMPORT_OUTCOME_UNCHANGED:
    default:
      return 3;
    }
}

/* State */

static gboolean
is_busy (CohortImportDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_actions (CohortImportDialog *self)
{
  const char *state = gtk_stack_get_visible_child_name (self->stack);
  gboolean plan_shown = g_strcmp0 (state, "plan") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit",
                                 plan_shown && !is_busy (self) && self->plan != NULL &&
                                 cohort_import_plan_has_changes (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !is_busy (self));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), plan_shown);
}

static void
show_state (CohortImportDialog *self,
            const char         *state)
{
  gboolean working = g_strcmp0 (state, "working") == 0;

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_spinner_set_spinning (self->spinner, working);
  update_actions (self);
}

static void
stop_progress (CohortImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, g_atomic_rc_box_release);
}

static gboolean
on_progress_timeout_cb (gpointer user_data)
{
  CohortImportDialog *self = user_data;
  int n_done = g_atomic_int_get (&self->progress->n_done);
  int n_total = g_atomic_int_get (&self->progress->n_total);
  g_autofree char *text = NULL;

  if (n_total > 0)
    {
      /* Translators: records handled, of all the records of the file: "120 of 1,075" */
      text = g_strdup_printf (_("%'d of %'d"), n_done, n_total);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) n_done / n_total);
    }
  else
    {
      /* Translators: records read so far */
      text = g_strdup_printf (ngettext ("%'d record", "%'d records", n_done), n_done);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  gtk_progress_bar_set_text (self->progress_bar, text);

  return G_SOURCE_CONTINUE;
}

static void
start_progress (CohortImportDialog *self,
                const char         *what)
{
  stop_progress (self);

  self->progress = g_atomic_rc_box_new0 (Progress);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MSEC, on_progress_timeout_cb, self);

  gtk_label_set_text (self->working_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, "");
  show_state (self, "working");
}

/* Called from the worker. */
static void
on_plan_progress_cb (CohortImportPlan *plan,
                     guint             n_done,
                     guint             n_total,
                     gpointer          user_data)
{
  Progress *progress = user_data;

  g_atomic_int_set (&progress->n_done, (int) MIN (n_done, G_MAXINT));
  g_atomic_int_set (&progress->n_total, (int) MIN (n_total, G_MAXINT));
}

static void
show_error (CohortImportDialog *self,
            const char         *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  g_free (self->error_text);
  self->error_text = g_strdup (message);
  adw_status_page_set_description (self->error_page, markup);
  show_state (self, "error");
}

static Choice
choice_for (CohortImportFormat format,
            CohortCsvTarget    target)
{
  if (format == COHORT_IMPORT_FORMAT_XCRI)
    return CHOICE_XCRI;
  if (format == COHORT_IMPORT_FORMAT_IMS)
    return CHOICE_IMS;

  switch (target)
    {
    case COHORT_CSV_TARGET_ORGANISATIONS:
      return CHOICE_CSV_ORGANISATIONS;
    case COHORT_CSV_TARGET_PLACEMENTS:
      return CHOICE_CSV_PLACEMENTS;
    case COHORT_CSV_TARGET_TRAINEES:
    default:
      return CHOICE_CSV_TRAINEES;
    }
}

static char *
dup_summary (CohortImportPlan *plan)
{
  guint n_new = cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_NEW);
  guint n_updated = cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_UPDATED);
  guint n_unchanged = cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_UNCHANGED);
  guint n_rejected = cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_REJECTED);
  guint n_warnings = cohort_import_plan_get_issues (plan)->len;
  g_autofree char *warnings = NULL;

  /* Translators: the end of the summary of a file to import: "3 warnings" */
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  /* Translators: the summary of a file to import: "320 new, 2 updated, 0 unchanged,
   * 4 rejected, 3 warnings" */
  return g_strdup_printf (_("%u new, %u updated, %u unchanged, %u rejected, %s"),
                          n_new, n_updated, n_unchanged, n_rejected, warnings);
}

static char *
dup_kinds_description (CohortImportPlan *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      guint n = 0;
      g_autofree char *count = NULL;

      for (guint o = 0; o < COHORT_IMPORT_N_OUTCOMES; o++)
        n += cohort_import_plan_get_count (plan, all_kinds[i], o);
      if (n == 0)
        continue;

      count = dup_kind_count (all_kinds[i], n);
      if (text->len > 0)
        /* Translators: the separator of a list: "326 courses, 748 course runs" */
        g_string_append (text, _(", "));
      g_string_append (text, count);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The lines of the list, built in the worker: a plan may list 10,000 records.  Rejected
 * records first, then updated, new and unchanged ones, each in the file's order; then the
 * warnings. */
static GPtrArray *
build_rows (CohortImportPlan *plan)
{
  GPtrArray *items = cohort_import_plan_get_items (plan);
  GPtrArray *issues = cohort_import_plan_get_issues (plan);
  GPtrArray *rows = g_ptr_array_new_full (items->len + issues->len, g_object_unref);

  for (int rank = 0; rank <= 3; rank++)
    for (guint i = 0; i < items->len; i++)
      {
        CohortImportItem *item = g_ptr_array_index (items, i);

        if (outcome_rank (item->outcome) == rank)
          g_ptr_array_add (rows, row_new_for_item (item));
      }
  for (guint i = 0; i < issues->len; i++)
    g_ptr_array_add (rows, row_new_for_issue (g_ptr_array_index (issues, i)));

  return rows;
}

static void
show_plan (CohortImportDialog *self,
           GPtrArray          *rows)
{
  g_autofree char *kinds = dup_kinds_description (self->plan);
  guint n_unlisted = cohort_import_plan_get_n_unlisted (self->plan);

  g_free (self->summary);
  self->summary = dup_summary (self->plan);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), self->summary);
  if (!cohort_import_plan_has_changes (self->plan))
    {
      adw_action_row_set_subtitle (self->summary_row,
                                   _("Nothing to import: the database already holds everything "
                                     "in this file."));
    }
  else if (n_unlisted > 0)
    {
      g_autofree char *more = NULL;

      /* Translators: the records of a large file that the list leaves out */
      more = g_strdup_printf (ngettext ("%s; %u new or unchanged record is not listed",
                                        "%s; %u new or unchanged records are not listed",
                                        n_unlisted),
                              kinds, n_unlisted);
      adw_action_row_set_subtitle (self->summary_row, more);
    }
  else
    {
      adw_action_row_set_subtitle (self->summary_row, kinds);
    }

  /* One items-changed for the whole list. */
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  self->setting_format = TRUE;
  adw_combo_row_set_selected (self->format_row, self->choice);
  self->setting_format = FALSE;

  show_state (self, "plan");
}

/* Planning */

typedef struct
{
  char              *database_path;
  GFile             *file;
  gboolean           detect;
  CohortImportFormat format;
  CohortCsvTarget    target;
  CohortImportPlan  *plan;      /* for a commit */
  GPtrArray         *rows;      /* CohortImportRow, from a plan */
  Progress          *progress;
} Work;

static void
work_free (Work *work)
{
  g_free (work->database_path);
  g_clear_object (&work->file);
  g_clear_object (&work->plan);
  g_clear_pointer (&work->rows, g_ptr_array_unref);
  g_clear_pointer (&work->progress, g_atomic_rc_box_release);
  g_free (work);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (work->detect)
    {
      if (!cohort_import_format_detect (work->file, &work->format, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (work->format == COHORT_IMPORT_FORMAT_CSV)
        work->target = cohort_import_format_detect_csv_target (work->file);
    }

  /* A connection of its own: the window's belongs to the main thread. */
  database = cohort_database_open (work->database_path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (work->format == COHORT_IMPORT_FORMAT_IMS)
    plan = cohort_import_plan_new_for_ims (work->file);
  else if (work->format == COHORT_IMPORT_FORMAT_CSV)
    plan = cohort_import_plan_new_for_csv (work->file, work->target);
  else
    plan = cohort_import_plan_new_for_xcri (work->file, COHORT_XCRI_READER_DEFAULT);

  cohort_import_plan_set_progress_func (plan, on_plan_progress_cb,
                                        g_atomic_rc_box_acquire (work->progress),
                                        (GDestroyNotify) g_atomic_rc_box_release);

  if (!cohort_import_plan_build (plan, database, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cohort_import_plan_set_progress_func (plan, NULL, NULL, NULL);
  work->rows = build_rows (plan);
  g_task_return_pointer (task, g_steal_pointer (&plan), g_object_unref);
}

static void
on_plan_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (source_object);
  Work *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer plan replaced this one, or the dialog is closing (or closed). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->database == NULL)
    return;

  g_clear_object (&self->cancellable);
  stop_progress (self);

  if (plan == NULL)
    {
      g_strdelimit (error->message, "\n\r", ' ');
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->plan, plan);
  self->choice = choice_for (work->format, work->target);
  show_plan (self, work->rows);
}

static void
start_plan (CohortImportDialog *self,
            gboolean            detect)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  Work *work;

  g_assert (self->file != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  self->cancellable = g_cancellable_new ();

  name = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: %s is a file name */
  what = g_strdup_printf (_("Reading “%s”…"), name);
  start_progress (self, what);

  work = g_new0 (Work, 1);
  work->database_path = g_strdup (cohort_database_get_path (self->database));
  work->file = g_object_ref (self->file);
  work->detect = detect;
  work->progress = g_atomic_rc_box_acquire (self->progress);
  switch (self->choice)
    {
    case CHOICE_IMS:
      work->format = COHORT_IMPORT_FORMAT_IMS;
      break;
    case CHOICE_CSV_TRAINEES:
    case CHOICE_CSV_ORGANISATIONS:
    case CHOICE_CSV_PLACEMENTS:
      work->format = COHORT_IMPORT_FORMAT_CSV;
      work->target = self->choice == CHOICE_CSV_ORGANISATIONS ? COHORT_CSV_TARGET_ORGANISATIONS :
                     self->choice == CHOICE_CSV_PLACEMENTS ? COHORT_CSV_TARGET_PLACEMENTS :
                     COHORT_CSV_TARGET_TRAINEES;
      break;
    case CHOICE_XCRI:
    default:
      work->format = COHORT_IMPORT_FORMAT_XCRI;
      break;
    }

  /* The task keeps the dialog alive until its callback has run. */
  task = g_task_new (self, self->cancellable, on_plan_cb, NULL);
  g_task_set_source_tag (task, start_plan);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, plan_thread);
}

/* Committing */

static const char *
page_for (Choice choice)
{
  switch (choice)
    {
    case CHOICE_XCRI:
      return "courses";
    case CHOICE_CSV_PLACEMENTS:
      return "placements";
    case CHOICE_CSV_ORGANISATIONS:
      return "overview";
    case CHOICE_IMS:
    case CHOICE_CSV_TRAINEES:
    default:
      return "trainees";
    }
}

static char *
dup_imported_message (CohortImportPlan *plan)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      guint n = cohort_import_plan_get_count (plan, all_kinds[i], COHORT_IMPORT_OUTCOME_NEW) +
                cohort_import_plan_get_count (plan, all_kinds[i], COHORT_IMPORT_OUTCOME_UPDATED);
      g_autofree char *count = NULL;

      if (n == 0)
        continue;

      count = dup_kind_count (all_kinds[i], n);
      if (list->len > 0)
        g_string_append (list, _(", "));
      g_string_append (list, count);
    }

  /* Translators: %s is a list: "326 courses, 748 course runs" (new or updated) */
  return g_strdup_printf (_("Imported %s"), list->str);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = cohort_database_open (work->database_path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cohort_import_plan_set_progress_func (work->plan, on_plan_progress_cb,
                                        g_atomic_rc_box_acquire (work->progress),
                                        (GDestroyNotify) g_atomic_rc_box_release);

  /* One transaction: a failure or a cancel leaves the database as it was. */
  if (!cohort_import_plan_commit (work->plan, database, cancellable, &error))
    {
      cohort_import_plan_set_progress_func (work->plan, NULL, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cohort_import_plan_set_progress_func (work->plan, NULL, NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
on_commit_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Closed while importing: the commit was cancelled and rolled back. */
  if (self->database == NULL)
    return;

  g_clear_object (&self->cancellable);
  stop_progress (self);
  self->committing = FALSE;

  if (!ok)
    {
      /* Cancelled: back to the plan, nothing written. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_state (self, "plan");
          return;
        }

      g_strdelimit (error->message, "\n\r", ' ');
      {
        /* Translators: %s says what went wrong */
        g_autofree char *text = g_strdup_printf (_("Nothing was imported: %s"), error->message);

        show_error (self, text);
      }
      return;
    }

  /* The window's lists read the database through its own connection. */
  cohort_database_check_external_changes (self->database);

  message = dup_imported_message (self->plan);
  g_signal_emit (self, signals[IMPORTED], 0, page_for (self->choice), message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Work *work;

  if (self->plan == NULL || is_busy (self))
    return;

  self->cancellable = g_cancellable_new ();
  self->committing = TRUE;
  start_progress (self, _("Importing…"));

  work = g_new0 (Work, 1);
  work->database_path = g_strdup (cohort_database_get_path (self->database));
  work->plan = g_object_ref (self->plan);
  work->progress = g_atomic_rc_box_acquire (self->progress);

  /* The task keeps the dialog alive until its callback has run. */
  task = g_task_new (self, self->cancellable, on_commit_cb, NULL);
  g_task_set_source_tag (task, commit_action);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, commit_thread);
}

/* Cancel: stops a commit (nothing is written) or a reading; otherwise closes. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (widget);

  if (self->committing)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* Choosing a file */

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  CohortImportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        cohort_import_dialog_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (widget);
  static const char * const all_patterns[] = { "*.xml", "*.XML", "*.csv", "*.CSV", NULL };
  static const char * const xml_patterns[] = { "*.xml", "*.XML", NULL };
  static const char * const xml_types[] = { "application/xml", "text/xml", NULL };
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", NULL };
  static const char * const csv_types[] = { "text/csv", NULL };
  static const char * const any[] = { "*", NULL };

  if (self->chooser != NULL || is_busy (self))
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import a File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("XML and CSV files"), all_patterns, NULL);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("XML files (XCRI-CAP, IMS Enterprise)"),
              xml_patterns, xml_types);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV files"), csv_patterns, csv_types);
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("All files"), any, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The list */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  CohortImportRow *row = item;

  return row->children != NULL ? g_object_ref (G_LIST_MODEL (row->children)) : NULL;
}

static void
on_items_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption-heading");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_items_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  CohortImportRow *row = gtk_tree_list_row_get_item (tree_row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *badge = gtk_widget_get_next_sibling (texts);
  static const char * const styles[] = { "success", "accent", "dim-label", "error", "warning" };
  g_autofree char *description = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  gtk_label_set_text (GTK_LABEL (title), row->title);
  gtk_label_set_text (GTK_LABEL (subtitle), row->subtitle);
  gtk_widget_set_visible (subtitle, row->subtitle != NULL && row->subtitle[0] != '\0');
  gtk_label_set_text (GTK_LABEL (badge), row->badge != NULL ? row->badge : "");
  gtk_widget_set_visible (badge, row->badge != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (badge, styles[i]);
  if (row->style != NULL)
    gtk_widget_add_css_class (badge, row->style);

  /* Screen readers hear the whole line. */
  description = g_strjoin (", ", row->title, row->subtitle ? row->subtitle : "",
                           row->badge ? row->badge : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  g_object_unref (row);
}

static void
on_items_unbind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
on_format_row_selected_cb (AdwComboRow        *row,
                           GParamSpec         *pspec,
                           CohortImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->setting_format || self->file == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) self->choice)
    return;

  self->choice = (Choice) selected;
  start_plan (self, FALSE);
}

/* Overrides */

static gboolean
cohort_import_dialog_close_request (GtkWindow *window)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (window);

  /* A commit is stopped first (it rolls back); the window closes after. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (cohort_import_dialog_parent_class)->close_request (window);
}

static void
cohort_import_dialog_dispose (GObject *object)
{
  CohortImportDialog *self = (CohortImportDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_progress (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->tree);
  g_clear_object (&self->rows);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_import_dialog_parent_class)->dispose (object);
}

static void
cohort_import_dialog_finalize (GObject *object)
{
  CohortImportDialog *self = (CohortImportDialog *)object;

  g_free (self->error_text);
  g_free (self->summary);

  G_OBJECT_CLASS (cohort_import_dialog_parent_class)->finalize (object);
}

static void
cohort_import_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (object);

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
cohort_import_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CohortImportDialog *self = COHORT_IMPORT_DIALOG (object);

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
cohort_import_dialog_class_init (CohortImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cohort_import_dialog_dispose;
  object_class->finalize = cohort_import_dialog_finalize;
  object_class->get_property = cohort_import_dialog_get_property;
  object_class->set_property = cohort_import_dialog_set_property;
  window_class->close_request = cohort_import_dialog_close_request;

  /**
   * CohortImportDialog:database:
   *
   * The database to import into.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CohortImportDialog::imported:
   * @self: the dialog
   * @page: the window's page that shows what was imported (`courses`, `trainees`, …)
   * @message: what was imported, in words
   *
   * Emitted after a commit, just before the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, items_view);
  gtk_widget_class_bind_template_child (widget_class, CohortImportDialog, items_factory);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
cohort_import_dialog_init (CohortImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (COHORT_TYPE_IMPORT_ROW);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)), FALSE, FALSE,
                                        create_children_cb, NULL, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect (self->items_factory, "setup", G_CALLBACK (on_items_setup_cb), self);
  g_signal_connect (self->items_factory, "bind", G_CALLBACK (on_items_bind_cb), self);
  g_signal_connect (self->items_factory, "unbind", G_CALLBACK (on_items_unbind_cb), self);
  g_signal_connect (self->format_row, "notify::selected",
                    G_CALLBACK (on_format_row_selected_cb), self);

  show_state (self, "choose");
}

/**
 * cohort_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @database: the database to import into
 *
 * A dialog that starts by asking for a file.
 *
 * Returns: (transfer none): a new dialog, kept by GTK until it is destroyed
 */
CohortImportDialog *
cohort_import_dialog_new (GtkWindow      *parent,
                          CohortDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}

/**
 * cohort_import_dialog_new_for_file:
 * @parent: (nullable): the window the dialog belongs to
 * @database: the database to import into
 * @file: the file to import
 *
 * A dialog that starts reading @file (found by its content, dropped on the window).
 *
 * Returns: (transfer none): a new dialog, kept by GTK until it is destroyed
 */
CohortImportDialog *
cohort_import_dialog_new_for_file (GtkWindow      *parent,
                                   CohortDatabase *database,
                                   GFile          *file)
{
  CohortImportDialog *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = cohort_import_dialog_new (parent, database);
  g_return_val_if_fail (self != NULL, NULL);
  cohort_import_dialog_open_file (self, file);

  return self;
}

/**
 * cohort_import_dialog_open_file:
 * @self: a dialog
 * @file: the file to import
 *
 * Reads @file, in the format found from its content, and shows what importing it would do.
 */
void
cohort_import_dialog_open_file (CohortImportDialog *self,
                                GFile              *file)
{
  g_return_if_fail (COHORT_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->committing)
    return;

  g_set_object (&self->file, file);
  start_plan (self, TRUE);
}

/* Private: for tests. */

/**
 * cohort_import_dialog_get_visible_state:
 *
 * Returns: what the dialog shows: "choose", "working", "error" or "plan"
 */
const char *
cohort_import_dialog_get_visible_state (CohortImportDialog *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
cohort_import_dialog_is_busy (CohortImportDialog *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_DIALOG (self), FALSE);

  return is_busy (self);
}

CohortImportPlan *
cohort_import_dialog_get_plan (CohortImportDialog *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_DIALOG (self), NULL);

  return self->plan;
}

const char *
cohort_import_dialog_get_error_text (CohortImportDialog *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_DIALOG (self), NULL);

  return self->error_text;
}

const char *
cohort_import_dialog_get_summary (CohortImportDialog *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_DIALOG (self), NULL);

  return self->summary;
}

/**
 * cohort_import_dialog_get_items:
 *
 * Returns: (transfer none): the list, a #GtkTreeListModel of the plan's records
 */
GListModel *
cohort_import_dialog_get_items (CohortImportDialog *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->tree);
}
