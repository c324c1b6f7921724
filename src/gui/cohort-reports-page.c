/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-reports-page-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cohort-chart-view.h"
#include "cohort-chart.h"
#include "cohort-programme.h"
#include "cohort-report-document.h"
#include "cohort-report-writer.h"
#include "cohort-run-stats.h"
#include "cohort-toast.h"

/* The size charts are saved at: wide enough for a slide, in pixels (PNG) or points (SVG). */
#define SAVED_CHART_WIDTH 1000

/* One figure on the page: its title, note, chart and table. */
typedef struct
{
  CohortReportFigure *figure;
  GtkWidget          *box;    /* owned by figures_box */
  GtkWidget          *chart;  /* NULL for a table only */
  GtkGrid            *table;
} Section;

struct _CohortReportsPage
{
  AdwBin             parent_instance;

  CohortDatabase    *database;
  CohortReport      *report;       /* the one shown */
  GCancellable      *cancellable;  /* set while counting */
  GListStore        *programmes;   /* CohortProgramme, in the dropdown's order after "All" */
  GPtrArray         *sections;     /* Section* */
  guint              exporting;    /* PDFs being written */

  guint              shown : 1;        /* mapped once: the report has been asked for */
  guint              years_known : 1;  /* the year spin buttons hold the data's years */
  guint              updating : 1;     /* the filters are being set, not changed by the user */

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkFlowBox        *toolbar;
  GtkDropDown       *programme_dropdown;
  GtkSpinButton     *from_spin;
  GtkSpinButton     *to_spin;
  GtkSpinner        *spinner;
  GtkButton         *export_button;
  GtkButton         *print_button;
  GtkStack          *content_stack;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  GtkBox            *figures_box;
  GtkLabel          *filter_label;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortReportsPage, cohort_reports_page, ADW_TYPE_BIN)

static void
section_free (gpointer data)
{
  Section *section = data;

  g_clear_object (&section->figure);
  g_free (section);
}

static void
update_actions (CohortReportsPage *self)
{
  gboolean has_report = self->report != NULL &&
                        g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                   "report") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-pdf", has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", has_report);
}

/* Filters */

static void
load_programmes (CohortReportsPage *self)
{
  g_autoptr(GListStore) programmes = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_code = NULL;
  guint selected = gtk_drop_down_get_selected (self->programme_dropdown);
  guint n;

  if (self->programmes != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    {
      g_autoptr(CohortProgramme) programme =
        g_list_model_get_item (G_LIST_MODEL (self->programmes), selected - 1);

      if (programme != NULL)
        selected_code = g_strdup (cohort_programme_get_code (programme));
    }

  programmes = cohort_run_stats_list_programmes (self->database, &error);
  if (programmes == NULL)
    {
      g_debug ("Could not list the programmes: %s", error->message);
      programmes = g_list_store_new (COHORT_TYPE_PROGRAMME);
    }

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All programmes"));
  selected = 0;
  n = g_list_model_get_n_items (G_LIST_MODEL (programmes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortProgramme) programme = g_list_model_get_item (G_LIST_MODEL (programmes), i);
      const char *name = cohort_programme_get_name (programme);

      gtk_string_list_append (names, name != NULL && name[0] != '\0'
                                     ? name : cohort_programme_get_code (programme));
      if (g_strcmp0 (cohort_programme_get_code (programme), selected_code) == 0)
        selected = i + 1;
    }

  g_set_object (&self->programmes, programmes);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->programme_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->programme_dropdown, selected);
  self->updating = FALSE;
}

static CohortReportFilter *
dup_filter (CohortReportsPage *self)
{
  CohortReportFilter *filter = cohort_report_filter_new ();
  guint selected = gtk_drop_down_get_selected (self->programme_dropdown);

  if (self->programmes != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    {
      g_autoptr(CohortProgramme) programme =
        g_list_model_get_item (G_LIST_MODEL (self->programmes), selected - 1);

      if (programme != NULL)
        filter->programme_code = g_strdup (cohort_programme_get_code (programme));
    }

  if (self->years_known)
    {
      filter->from_year = gtk_spin_button_get_value_as_int (self->from_spin);
      filter->to_year = gtk_spin_button_get_value_as_int (self->to_spin);
    }

  return filter;
}

/* A figure's table */

static GtkWidget *
make_cell (const char *text,
           gboolean    bold,
           gboolean    number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable for copying with the pointer; the figure's menu copies the whole table from the
   * keyboard, so the cells are not each a stop of the Tab key. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (number)
    {
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_widget_set_hexpand (label, TRUE);
    }
  if (bold)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

static GtkGrid *
make_table (CohortReportFigure *figure)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  guint n_columns = cohort_report_figure_get_n_columns (figure);
  guint n_rows = cohort_report_figure_get_n_rows (figure);
  g_autofree char *name = NULL;

  gtk_grid_set_column_spacing (grid, 18);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_widget_set_valign (GTK_WIDGET (grid), GTK_ALIGN_START);
  gtk_widget_set_hexpand (GTK_WIDGET (grid), TRUE);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *header = make_cell (cohort_report_figure_get_column_title (figure, c), TRUE,
                                     c > 0);

      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (header), c > 0 ? 12 : 36);
      gtk_label_set_justify (GTK_LABEL (header), c > 0 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_grid_attach (grid, header, c, 0, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      gboolean total = cohort_report_figure_row_is_total (figure, r);

      gtk_grid_attach (grid, make_cell (cohort_report_figure_get_row_label (figure, r), total,
                                        FALSE),
                       0, r + 1, 1, 1);
      for (guint c = 1; c < n_columns; c++)
        {
          g_autofree char *value = cohort_report_figure_format_value (figure, r, c);

          gtk_grid_attach (grid, make_cell (value, total, TRUE), c, r + 1, 1, 1);
        }
    }

  if (n_rows == 0)
    {
      GtkWidget *none = gtk_label_new (_("No data for this selection"));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (grid, none, 0, 1, MAX (n_columns, 1), 1);
    }

  /* Translators: what screen readers call a figure's table, e.g. "Table: Trainees by year" */
  name = g_strdup_printf (_("Table: %s"), cohort_report_figure_get_title (figure));
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return grid;
}

static GMenuModel *
make_figure_menu (CohortReportFigure *figure)
{
  GMenu *menu = g_menu_new ();
  const char *id = cohort_report_figure_get_id (figure);
  struct { const char *label; const char *action; gboolean chart; } items[] = {
    { N_("Save Chart as _PNG…"), "reports.save-chart-png", TRUE },
    { N_("Save Chart as _SVG…"), "reports.save-chart-svg", TRUE },
    { N_("Save Table as _CSV…"), "reports.save-table-csv", FALSE },
    { N_("C_opy Table"), "reports.copy-table", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (items[i].chart && cohort_report_figure_get_chart_kind (figure) == COHORT_REPORT_CHART_NONE)
        continue;

      item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static Section *
make_section (CohortReportsPage  *self,
              CohortReportFigure *figure)
{
  Section *section = g_new0 (Section, 1);
  g_autoptr(GMenuModel) menu = make_figure_menu (figure);
  g_autofree char *menu_name = NULL;
  const char *note = cohort_report_figure_get_note (figure);
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *menu_button;
  GtkWidget *content;
  GtkWidget *table_scroller;

  section->figure = g_object_ref (figure);
  section->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (section->box, cohort_report_figure_get_id (figure));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (cohort_report_figure_get_title (figure));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (header), title);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Save or Copy"));
  /* Translators: the name of a figure's menu, e.g. "Save or copy “Trainees by year”" */
  menu_name = g_strdup_printf (_("Save or copy “%s”"), cohort_report_figure_get_title (figure));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name,
                                  -1);
  gtk_box_append (GTK_BOX (header), menu_button);
  gtk_box_append (GTK_BOX (section->box), header);

  if (note != NULL && note[0] != '\0')
    {
      GtkWidget *note_label = gtk_label_new (note);

      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_label_set_wrap (GTK_LABEL (note_label), TRUE);
      gtk_widget_add_css_class (note_label, "dim-label");
      gtk_box_append (GTK_BOX (section->box), note_label);
    }

  /* The chart and the table beside it when there is room, the table below when not */
  content = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (content), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (content), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (content), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (content), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (content), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (content), 12);

  if (cohort_report_figure_get_chart_kind (figure) != COHORT_REPORT_CHART_NONE)
    {
      section->chart = cohort_chart_view_new (figure);
      gtk_widget_set_hexpand (section->chart, TRUE);
      gtk_flow_box_append (GTK_FLOW_BOX (content), section->chart);
    }
  /* A table wider than the window scrolls sideways on its own; the page never does */
  section->table = make_table (figure);
  table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (table_scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller),
                                 GTK_WIDGET (section->table));
  gtk_flow_box_append (GTK_FLOW_BOX (content), table_scroller);

  for (GtkWidget *child = gtk_widget_get_first_child (content);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focusable (child, FALSE);
      gtk_widget_set_valign (child, GTK_ALIGN_START);
    }
  gtk_box_append (GTK_BOX (section->box), content);

  return section;
}

static void
clear_sections (CohortReportsPage *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      gtk_box_remove (self->figures_box, section->box);
    }
  g_ptr_array_set_size (self->sections, 0);
}

static gboolean
filter_is_everything (const CohortReportFilter *filter)
{
  return filter == NULL ||
         ((filter->programme_code == NULL || filter->programme_code[0] == '\0') &&
          filter->from_year == 0 && filter->to_year == 0);
}

static void
show_report (CohortReportsPage *self,
             CohortReport      *report)
{
  const CohortReportFilter *filter = cohort_report_get_filter (report);
  int first = cohort_report_get_first_year (report);
  int last = cohort_report_get_last_year (report);
  g_autofree char *description = cohort_report_filter_describe (filter);

  g_set_object (&self->report, report);
  clear_sections (self);

  /* Nothing at all to count: say what to do, not a page of empty charts. */
  if (first == 0 && last == 0 && (filter_is_everything (filter) || !self->years_known))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      update_actions (self);
      return;
    }

  if (!self->years_known && first > 0)
    {
      /* The years to choose from are the years with data */
      self->updating = TRUE;
      gtk_spin_button_set_range (self->from_spin, first, last);
      gtk_spin_button_set_range (self->to_spin, first, last);
      gtk_spin_button_set_value (self->from_spin, first);
      gtk_spin_button_set_value (self->to_spin, last);
      self->updating = FALSE;
      self->years_known = TRUE;
    }

  gtk_label_set_text (self->filter_label, description);

  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    {
      Section *section = make_section (self, cohort_report_get_figure (report, i));

      gtk_box_append (self->figures_box, section->box);
      g_ptr_array_add (self->sections, section);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "report");
  update_actions (self);
}

/* Counting */

static void
on_report_computed_cb (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CohortReportsPage) self = user_data;
  g_autoptr(CohortReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = cohort_report_compute_finish (result, &error);

  /* A newer request replaced this one, or the page is going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_set_spinning (self->spinner, self->exporting > 0);

  if (report == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      update_actions (self);
      return;
    }

  show_report (self, report);
}

static void
recompute (CohortReportsPage *self)
{
  g_autoptr(CohortReportFilter) filter = NULL;

  if (self->database == NULL || !self->shown)
    return;

  /* A newer request cancels an older one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  filter = dup_filter (self);
  gtk_spinner_start (self->spinner);
  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");

  /* The callback holds the page until it has run. */
  cohort_report_compute_async (self->database, filter, self->cancellable,
                               on_report_computed_cb, g_object_ref (self));
}

static void
on_filter_changed_cb (CohortReportsPage *self)
{
  if (!self->updating)
    recompute (self);
}

static void
on_from_changed_cb (CohortReportsPage *self)
{
  int from = gtk_spin_button_get_value_as_int (self->from_spin);

  if (self->updating)
    return;

  /* The years stay in order: moving the first past the last moves the last too. */
  if (from > gtk_spin_button_get_value_as_int (self->to_spin))
    {
      self->updating = TRUE;
      gtk_spin_button_set_value (self->to_spin, from);
      self->updating = FALSE;
    }
  self->years_known = TRUE;
  recompute (self);
}

static void
on_to_changed_cb (CohortReportsPage *self)
{
  int to = gtk_spin_button_get_value_as_int (self->to_spin);

  if (self->updating)
    return;

  if (to < gtk_spin_button_get_value_as_int (self->from_spin))
    {
      self->updating = TRUE;
      gtk_spin_button_set_value (self->from_spin, to);
      self->updating = FALSE;
    }
  self->years_known = TRUE;
  recompute (self);
}

static void
on_database_changed_cb (CohortDatabase     *database,
                        const char * const *tables,
                        gpointer            user_data)
{
  CohortReportsPage *self = user_data;

  GtkAdjustment *from;
  GtkAdjustment *to;

  if (!self->shown)
    return;

  /* Years the whole range covered: cover the new range (new years may have come) */
  from = gtk_spin_button_get_adjustment (self->from_spin);
  to = gtk_spin_button_get_adjustment (self->to_spin);
  if (gtk_adjustment_get_value (from) <= gtk_adjustment_get_lower (from) &&
      gtk_adjustment_get_value (to) >= gtk_adjustment_get_upper (to))
    self->years_known = FALSE;

  load_programmes (self);
  recompute (self);
}

/* Saving and printing */

static Section *
find_section (CohortReportsPage *self,
              const char        *figure_id)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (cohort_report_figure_get_id (section->figure), figure_id) == 0)
        return section;
    }

  return NULL;
}

static PangoDirection
page_direction (CohortReportsPage *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
         ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

static void
show_saved (CohortReportsPage *self,
            GFile             *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  /* Translators: %s is a file name */
  g_autofree char *title = g_strdup_printf (_("Saved “%s”"), display);

  cohort_toast_show (self->toast_overlay, title, NULL);
}

static char *
dup_table_text (CohortReportFigure *figure)
{
  GString *text = g_string_new (NULL);
  guint n_columns = cohort_report_figure_get_n_columns (figure);

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (text, '\t');
      g_string_append (text, cohort_report_figure_get_column_title (figure, c));
    }
  g_string_append_c (text, '\n');

  for (guint r = 0; r < cohort_report_figure_get_n_rows (figure); r++)
    {
      g_string_append (text, cohort_report_figure_get_row_label (figure, r));
      for (guint c = 1; c < n_columns; c++)
        {
          g_autofree char *value = cohort_report_figure_format_value (figure, r, c);

          g_string_append_c (text, '\t');
          g_string_append (text, value);
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static void
on_save_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(CohortReportsPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *figure_id = g_object_get_data (G_OBJECT (dialog), "figure-id");
  CohortReportsPageSave what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "what"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    {
      if (cohort_reports_page_save_figure (self, figure_id, what, file, &error))
        show_saved (self, file);
      else
        cohort_toast_show_failure (self->toast_overlay, error);
    }

  g_object_unref (dialog);
}

static void
ask_where_to_save (CohortReportsPage     *self,
                   const char            *figure_id,
                   CohortReportsPageSave  what)
{
  static const char *extensions[] = { "png", "svg", "csv" };
  Section *section = find_section (self, figure_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) file_filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title;

  if (section == NULL)
    return;

  switch (what)
    {
    case COHORT_REPORTS_PAGE_SAVE_PNG:
      title = _("Save Chart as PNG");
      gtk_file_filter_set_name (file_filter, _("PNG images"));
      gtk_file_filter_add_mime_type (file_filter, "image/png");
      break;
    case COHORT_REPORTS_PAGE_SAVE_SVG:
      title = _("Save Chart as SVG");
      gtk_file_filter_set_name (file_filter, _("SVG images"));
      gtk_file_filter_add_mime_type (file_filter, "image/svg+xml");
      break;
    case COHORT_REPORTS_PAGE_SAVE_CSV:
    default:
      title = _("Save Table as CSV");
      gtk_file_filter_set_name (file_filter, _("CSV files"));
      gtk_file_filter_add_mime_type (file_filter, "text/csv");
      break;
    }

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), file_filter);
  name = g_strdup_printf ("%s.%s", figure_id, extensions[what]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "figure-id", g_strdup (figure_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "what", GINT_TO_POINTER (what));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_chart_png_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_where_to_save (COHORT_REPORTS_PAGE (widget), g_variant_get_string (parameter, NULL),
                     COHORT_REPORTS_PAGE_SAVE_PNG);
}

static void
save_chart_svg_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_where_to_save (COHORT_REPORTS_PAGE (widget), g_variant_get_string (parameter, NULL),
                     COHORT_REPORTS_PAGE_SAVE_SVG);
}

static void
save_table_csv_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_where_to_save (COHORT_REPORTS_PAGE (widget), g_variant_get_string (parameter, NULL),
                     COHORT_REPORTS_PAGE_SAVE_CSV);
}

static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (widget);
  Section *section = find_section (self, g_variant_get_string (parameter, NULL));
  g_autofree char *text = NULL;

  if (section == NULL)
    return;

  /* Tab-separated: a spreadsheet pastes it into cells */
  text = dup_table_text (section->figure);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  cohort_toast_show (self->toast_overlay, _("Table copied"), NULL);
}

static void
save_pdf_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CohortReportDocument *document = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autoptr(GError) error = NULL;

  if (!cohort_report_document_save_pdf (document, file, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_pdf_saved_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (source_object);
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (result), "file");

  self->exporting--;
  if (self->exporting == 0)
    gtk_spinner_set_spinning (self->spinner, self->cancellable != NULL);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cohort_toast_show_failure (self->toast_overlay, error);
      return;
    }

  show_saved (self, file);
}

static void
save_pdf (CohortReportsPage *self,
          GFile             *file)
{
  g_autoptr(CohortReportDocument) document = cohort_report_document_new (self->report);
  g_autofree char *database_name = g_filename_display_basename (
    cohort_database_get_path (self->database));
  g_autoptr(GTask) task = NULL;

  cohort_report_document_set_database_name (document, database_name);
  cohort_report_document_set_direction (document, page_direction (self));

  /* The task holds the page until its callback has run; writing takes a moment, off the main
   * thread. */
  task = g_task_new (self, NULL, on_pdf_saved_cb, NULL);
  g_task_set_source_tag (task, save_pdf);
  g_task_set_task_data (task, g_steal_pointer (&document), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  self->exporting++;
  gtk_spinner_start (self->spinner);
  g_task_run_in_thread (task, save_pdf_thread);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(CohortReportsPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        save_pdf (self, file);
    }

  g_object_unref (dialog);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) file_filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (self->report == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Report as PDF"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (file_filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (file_filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), file_filter);
  /* Translators: the suggested file name of an exported report; keep the .pdf */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("programme-report.pdf"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_begin_print_cb (GtkPrintOperation    *operation,
                   GtkPrintContext      *context,
                   CohortReportDocument *document)
{
  guint n_pages = cohort_report_document_paginate (document,
                                                   gtk_print_context_get_cairo_context (context),
                                                   gtk_print_context_get_width (context),
                                                   gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page_cb (GtkPrintOperation    *operation,
                 GtkPrintContext      *context,
                 int                   page_nr,
                 CohortReportDocument *document)
{
  if (page_nr >= 0 && (guint) page_nr < cohort_report_document_get_n_pages (document))
    cohort_report_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                      page_nr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  CohortReportsPage       *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        cohort_toast_show_failure (self->toast_overlay, error);
    }
}

static GtkPrintOperation *
make_print_operation (CohortReportsPage *self)
{
  GtkPrintOperation *operation;
  g_autoptr(CohortReportDocument) document = NULL;
  g_autofree char *database_name = NULL;

  document = cohort_report_document_new (self->report);
  database_name = g_filename_display_basename (cohort_database_get_path (self->database));
  cohort_report_document_set_database_name (document, database_name);
  cohort_report_document_set_direction (document, page_direction (self));

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, _("Programme report"));
  /* The document draws its own margins, in points, from the paper's edge */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The operation keeps the document for as long as it prints */
  g_object_set_data_full (G_OBJECT (operation), "document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), document);

  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->report == NULL)
    return;

  operation = make_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    cohort_toast_show_failure (self->toast_overlay, error);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  recompute (COHORT_REPORTS_PAGE (widget));
}

/* Overrides */

static void
cohort_reports_page_map (GtkWidget *widget)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (cohort_reports_page_parent_class)->map (widget);

  /* Counted when first shown, not when the window opens on another page */
  if (!self->shown && self->database != NULL)
    {
      self->shown = TRUE;
      load_programmes (self);
      recompute (self);
    }
}

static void
cohort_reports_page_constructed (GObject *object)
{
  CohortReportsPage *self = (CohortReportsPage *)object;

  G_OBJECT_CLASS (cohort_reports_page_parent_class)->constructed (object);

  g_return_if_fail (COHORT_IS_DATABASE (self->database));

  g_signal_connect_object (self->database, "changed",
                           G_CALLBACK (on_database_changed_cb), self, G_CONNECT_DEFAULT);
}

static void
cohort_reports_page_dispose (GObject *object)
{
  CohortReportsPage *self = (CohortReportsPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->sections != NULL)
    g_ptr_array_set_size (self->sections, 0);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_REPORTS_PAGE);

  g_clear_object (&self->report);
  g_clear_object (&self->programmes);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_reports_page_parent_class)->dispose (object);
}

static void
cohort_reports_page_finalize (GObject *object)
{
  CohortReportsPage *self = (CohortReportsPage *)object;

  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (cohort_reports_page_parent_class)->finalize (object);
}

static void
cohort_reports_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (object);

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
cohort_reports_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CohortReportsPage *self = COHORT_REPORTS_PAGE (object);

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
cohort_reports_page_class_init (CohortReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_reports_page_constructed;
  object_class->dispose = cohort_reports_page_dispose;
  object_class->finalize = cohort_reports_page_finalize;
  object_class->get_property = cohort_reports_page_get_property;
  object_class->set_property = cohort_reports_page_set_property;

  widget_class->map = cohort_reports_page_map;

  /**
   * CohortReportsPage:database:
   *
   * The database the report counts.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COHORT_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, programme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, from_spin);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, to_spin);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CohortReportsPage, filter_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "reports.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "reports.save-chart-png", "s",
                                   save_chart_png_action);
  gtk_widget_class_install_action (widget_class, "reports.save-chart-svg", "s",
                                   save_chart_svg_action);
  gtk_widget_class_install_action (widget_class, "reports.save-table-csv", "s",
                                   save_table_csv_action);
  gtk_widget_class_install_action (widget_class, "reports.copy-table", "s", copy_table_action);
}

static void
cohort_reports_page_init (CohortReportsPage *self)
{
  self->sections = g_ptr_array_new_with_free_func (section_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The toolbar's groups are laid out by the flow box, not chosen from it */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->toolbar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  update_actions (self);
}

/* Public */

GtkWidget *
cohort_reports_page_new (CohortDatabase *database)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_REPORTS_PAGE, "database", database, NULL);
}

CohortDatabase *
cohort_reports_page_get_database (CohortReportsPage *self)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), NULL);

  return self->database;
}

CohortReport *
cohort_reports_page_get_report (CohortReportsPage *self)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), NULL);

  return self->report;
}

/* Private: for tests and the figure menu. */

gboolean
cohort_reports_page_is_busy (CohortReportsPage *self)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), FALSE);

  return self->cancellable != NULL || self->exporting > 0;
}

const char *
cohort_reports_page_get_visible_state (CohortReportsPage *self)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

guint
cohort_reports_page_get_n_sections (CohortReportsPage *self)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), 0);

  return self->sections->len;
}

GtkWidget *
cohort_reports_page_get_chart (CohortReportsPage *self,
                               guint              index)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return ((Section *) g_ptr_array_index (self->sections, index))->chart;
}

GtkGrid *
cohort_reports_page_get_table (CohortReportsPage *self,
                               guint              index)
{
  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return ((Section *) g_ptr_array_index (self->sections, index))->table;
}

gboolean
cohort_reports_page_save_figure (CohortReportsPage      *self,
                                 const char             *figure_id,
                                 CohortReportsPageSave   what,
                                 GFile                  *file,
                                 GError                **error)
{
  Section *section;
  g_autoptr(CohortChartStyle) style = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  double height;

  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (figure_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  section = find_section (self, figure_id);
  if (section == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a figure's stable name, e.g. "nationalities" */
                   _("The report has no figure “%s”"), figure_id);
      return FALSE;
    }

  if (what == COHORT_REPORTS_PAGE_SAVE_CSV)
    {
      g_autoptr(GError) local_error = NULL;

      /* Written whole in memory first: a failure leaves no half-written file */
      stream = g_memory_output_stream_new_resizable ();
      if (!cohort_report_write_csv_figure (section->figure, stream, &local_error) ||
          !g_output_stream_close (stream, NULL, &local_error) ||
          !g_file_replace_contents (file,
                                    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      /* Translators: %s is a file name */
                                      _("Could not save the table as %s: "), name);
          return FALSE;
        }
      return TRUE;
    }

  /* A saved chart goes into documents and slides: light, on white, whatever the window's style */
  style = cohort_chart_style_new (COHORT_CHART_SCHEME_LIGHT);
  cohort_chart_style_set_font (style, "Sans 12");
  style->direction = page_direction (self);
  height = cohort_chart_get_natural_height (section->figure, style, SAVED_CHART_WIDTH);

  if (what == COHORT_REPORTS_PAGE_SAVE_PNG)
    return cohort_chart_write_png (section->figure, style, SAVED_CHART_WIDTH, (int) ceil (height),
                                   file, error);

  return cohort_chart_write_svg (section->figure, style, SAVED_CHART_WIDTH, height, file, error);
}

gboolean
cohort_reports_page_print_to_file (CohortReportsPage  *self,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (COHORT_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  operation = make_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}
