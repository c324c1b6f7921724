/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-graduates-page-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-cell-factory.h"
#include "cohort-column-sort.h"
#include "cohort-format.h"
#include "cohort-list-results.h"
#include "cohort-list-view.h"
#include "cohort-lookup.h"
#include "cohort-organisation.h"
#include "cohort-person-name.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-utils.h"
#include "cohort-vocabulary.h"

/* The columns of the list, in the order of the view. */
typedef enum
{
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_POSITION,
  COLUMN_SECTOR,
  COLUMN_COUNTRY,
  COLUMN_VERIFIED,
  N_COLUMNS
} Column;

typedef struct
{
  CohortGraduatesPage *page;
  Column               column;
} ColumnCell;

struct _CohortGraduatesPage
{
  AdwBin              parent_instance;

  CohortDatabase     *database;
  CohortQueryModel   *model;
  GtkSingleSelection *selection;
  GHashTable         *latest;              /* person id → CohortCareerRecord, or NULL: none */
  GHashTable         *organisation_names;  /* id → name */

  gint64              chosen_id;       /* the person in the chosen row, or 0 */
  guint               n_rows_seen;     /* the rows of the view when it was last chosen again */
  guint               choosing : 1;
  guint               shown : 1;       /* mapped once: the lists have been read */
  guint               updating_filters : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *log_button;
  GtkLabel           *results_label;
  GtkSpinner         *spinner;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *organisation_column;
  GtkColumnViewColumn *position_column;
  GtkColumnViewColumn *sector_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *verified_column;
  AdwStatusPage      *empty_page;
  GtkCheckButton     *not_confirmed_check;
  GtkDropDown        *sector_dropdown;
  GtkPopover         *log_popover;
  GtkLabel           *log_heading;
  GtkEntry           *log_organisation_entry;
  GtkEntry           *log_position_entry;
  GtkDropDown        *log_sector_dropdown;
  GtkEntry           *log_country_entry;
  GtkEntry           *log_start_entry;
  GtkDropDown        *log_source_dropdown;
  GtkEntry           *log_verified_entry;
  GtkLabel           *log_error_label;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortGraduatesPage, cohort_graduates_page, ADW_TYPE_BIN)

static void update_actions (CohortGraduatesPage *self);

/* The cache of latest career records holds NULL for people without one. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The latest career record of the rows shown, read once and forgotten when the database
 * changes. */

static CohortCareerRecord *
lookup_latest (CohortGraduatesPage *self,
               gint64               person_id)
{
  g_autoptr(CohortCareerRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gpointer value = NULL;
  gint64 *key;

  if (g_hash_table_lookup_extended (self->latest, &person_id, NULL, &value))
    return value;

  if (!cohort_store_get_latest_career_record (self->database, person_id, &record, &error))
    {
      g_debug ("Could not read the career of %" G_GINT64_FORMAT ": %s", person_id,
               error->message);
      return NULL;
    }

  key = g_new (gint64, 1);
  *key = person_id;
  g_hash_table_insert (self->latest, key, g_steal_pointer (&record));

  return g_hash_table_lookup (self->latest, &person_id);
}

static const char *
lookup_organisation_name (CohortGraduatesPage *self,
                          gint64               id)
{
  g_autoptr(CohortRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gint64 *key;

  if (id == 0)
    return NULL;

  name = g_hash_table_lookup (self->organisation_names, &id);
  if (name != NULL)
    return name;

  record = cohort_store_load (self->database, COHORT_TYPE_ORGANISATION, id, &error);
  if (record == NULL)
    {
      g_debug ("Could not read organisation %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (self->organisation_names, key,
                       g_strdup (cohort_organisation_get_name (COHORT_ORGANISATION (record))));

  return g_hash_table_lookup (self->organisation_names, &id);
}

static void
on_database_changed_cb (CohortGraduatesPage *self,
                        const char * const  *tables,
                        CohortDatabase      *database)
{
  gboolean any = tables == NULL || tables[0] == NULL;

  if (any || g_strv_contains (tables, "career_record"))
    g_hash_table_remove_all (self->latest);
  if (any || g_strv_contains (tables, "organisation"))
    g_hash_table_remove_all (self->organisation_names);
}

static char *
dup_cell_text (CohortGraduatesPage *self,
               CohortPerson        *person,
               Column               column)
{
  CohortCareerRecord *record;
  const char *text = NULL;

  if (column == COLUMN_NAME)
    return cohort_dup_person_display_name (person);

  record = lookup_latest (self, cohort_record_get_id (COHORT_RECORD (person)));
  if (record == NULL)
    return g_strdup (column == COLUMN_VERIFIED ? _("Never") : "");

  switch (column)
    {
    case COLUMN_ORGANISATION:
      text = lookup_organisation_name (self, cohort_career_record_get_organisation_id (record));
      break;
    case COLUMN_POSITION:
      text = cohort_career_record_get_position_title (record);
      break;
    case COLUMN_SECTOR:
      text = cohort_vocabulary_get_label (COHORT_VOCABULARY_CAREER_SECTOR,
                                          cohort_career_record_get_sector (record));
      break;
    case COLUMN_COUNTRY:
      text = cohort_career_record_get_country (record);
      break;
    case COLUMN_VERIFIED:
      text = cohort_career_record_get_verified_on (record);
      if (cohort_str_empty_to_null (text) == NULL)
        text = _("Never");
      else
        return cohort_format_date (text);
      break;
    case COLUMN_NAME:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return g_strdup (text != NULL ? text : "");
}

static char *
dup_column_text (gpointer item,
                 gpointer user_data)
{
  ColumnCell *cell = user_data;

  if (cell->page->database == NULL)
    return NULL;

  return dup_cell_text (cell->page, item, cell->column);
}

static void
set_column_factory (CohortGraduatesPage *self,
                    GtkColumnViewColumn *view_column,
                    Column               column)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  ColumnCell *cell = g_new0 (ColumnCell, 1);
  CohortCellStyle style = COHORT_CELL_PLAIN;

  cell->page = self;
  cell->column = column;
  if (column == COLUMN_VERIFIED)
    style = COHORT_CELL_NUMERIC;
  else if (column == COLUMN_NAME)
    style = COHORT_CELL_HEADING;

  /* The columns are as wide as the page's template says. */
  factory = cohort_cell_factory_new_func (dup_column_text, cell, g_free, style, 8);
  gtk_column_view_column_set_factory (view_column, factory);
}

/* The list */

static gboolean
has_filters (CohortGraduatesPage *self)
{
  return cohort_str_empty_to_null (cohort_query_model_get_search (self->model)) != NULL ||
         cohort_query_model_get_filter (self->model, COHORT_QUERY_FILTER_SECTOR) != NULL ||
         cohort_query_model_get_filter (self->model, COHORT_QUERY_FILTER_NOT_CONFIRMED) != NULL;
}

static void
update_results (CohortGraduatesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;

  /* TRANSLATORS: the number of graduates listed, e.g. "1,234 graduates" */
  text = g_strdup_printf (g_dngettext (NULL, "%s graduate", "%s graduates", n), number);
  cohort_list_results_show (self->model, self->results_label, self->content_stack, text,
                            has_filters (self));
}

/* The rows take each new result set in place: the chosen row is the one of the person chosen
 * before, where she is now, or none when she is no longer listed. */
static void
choose_again (CohortGraduatesPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->chosen_id != 0 && !cohort_query_model_find_id (self->model, self->chosen_id,
                                                           &position))
    position = GTK_INVALID_LIST_POSITION;

  self->n_rows_seen = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  if (gtk_single_selection_get_selected (self->selection) != position)
    {
      self->choosing = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->choosing = FALSE;
    }
  update_actions (self);
}

static void
on_items_changed_cb (CohortGraduatesPage *self,
                     guint                position,
                     guint                removed,
                     guint                added,
                     GListModel          *model)
{
  choose_again (self);
  update_results (self);
}

static void
on_loading_changed_cb (CohortGraduatesPage *self,
                       GParamSpec          *pspec,
                       CohortQueryModel    *model)
{
  gboolean loading = cohort_query_model_get_loading (model);

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  update_results (self);
}

static void
on_selected_changed_cb (CohortGraduatesPage *self,
                        GParamSpec          *pspec,
                        GtkSingleSelection  *selection)
{
  CohortPerson *person = cohort_list_view_get_selected (selection);

  /* Chosen, or unchosen, by the reader.  Her row going with others (a result set with fewer
   * rows) unchooses her too, while the view is told of the change: choose_again() looks for
   * her after it. */
  if (self->choosing)
    ;
  else if (person != NULL)
    self->chosen_id = cohort_record_get_id (COHORT_RECORD (person));
  else if (g_list_model_get_n_items (G_LIST_MODEL (selection)) == self->n_rows_seen)
    self->chosen_id = 0;
  update_actions (self);
}

static void
on_search_changed_cb (CohortGraduatesPage *self,
                      GtkSearchEntry      *entry)
{
  if (self->model != NULL)
    cohort_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_filter_changed_cb (CohortGraduatesPage *self)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint selected;

  if (self->updating_filters || self->model == NULL)
    return;

  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_CAREER_SECTOR, &n_terms);
  selected = gtk_drop_down_get_selected (self->sector_dropdown);
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_SECTOR,
                                 selected == 0 || selected > n_terms ? NULL :
                                 terms[selected - 1].code);
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_NOT_CONFIRMED,
                                 gtk_check_button_get_active (self->not_confirmed_check) ?
                                 "1" : NULL);
}

/* Sorting: in SQL, by the column the view shows as sorted (see cohort-column-sort.h). */

static void
on_view_sorter_changed_cb (CohortGraduatesPage *self,
                           GtkSorterChange      change,
                           GtkSorter           *sorter)
{
  cohort_column_sort_apply (sorter, self->model);
}

static void
set_column_sort (CohortGraduatesPage *self,
                 GtkColumnViewColumn *column,
                 CohortQuerySort      sort)
{
  g_assert (cohort_query_kind_supports_sort (COHORT_QUERY_KIND_GRADUATES, sort));

  cohort_column_sort_attach (column, sort);
}

/* Log follow-up: a dated career record for the chosen graduate. */

static void
fill_vocabulary_dropdown (GtkDropDown      *dropdown,
                          CohortVocabulary  vocabulary,
                          const char       *first)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  if (first != NULL)
    gtk_string_list_append (labels, first);
  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (labels, cohort_vocabulary_term_get_label (&terms[i]));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
}

static const char *
dropdown_code (GtkDropDown      *dropdown,
               CohortVocabulary  vocabulary,
               gboolean          has_first)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint selected = gtk_drop_down_get_selected (dropdown);

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  if (has_first)
    {
      if (selected == 0 || selected > n_terms)
        return NULL;
      return terms[selected - 1].code;
    }

  return selected < n_terms ? terms[selected].code : NULL;
}

static CohortPerson *
get_selected_person (CohortGraduatesPage *self)
{
  return self->selection != NULL ? cohort_list_view_get_selected (self->selection) : NULL;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
show_log_error (CohortGraduatesPage *self,
                const char          *message)
{
  gtk_label_set_text (self->log_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->log_error_label), TRUE);
}

static void
on_log_popover_show_cb (CohortGraduatesPage *self,
                        GtkPopover          *popover)
{
  CohortPerson *person = get_selected_person (self);
  g_autofree char *today = dup_today ();
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  const char *default_sector = cohort_vocabulary_get_default (COHORT_VOCABULARY_CAREER_SECTOR);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  if (person == NULL)
    {
      gtk_label_set_text (self->log_heading, _("Choose a graduate in the list first"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->log_organisation_entry), FALSE);
      return;
    }

  name = cohort_dup_person_display_name (person);
  /* TRANSLATORS: %s is a person's name */
  heading = g_strdup_printf (_("Follow-up of %s"), name);
  gtk_label_set_text (self->log_heading, heading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->log_organisation_entry), TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->log_organisation_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->log_position_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->log_country_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->log_start_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->log_verified_entry), today);
  gtk_drop_down_set_selected (self->log_source_dropdown, 0);
  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_CAREER_SECTOR, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].code, default_sector) == 0)
      gtk_drop_down_set_selected (self->log_sector_dropdown, i);
  gtk_widget_set_visible (GTK_WIDGET (self->log_error_label), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->log_organisation_entry));
}

/* The focus leaves the popover before it closes: a text field hidden while it has the focus
 * goes on blinking its cursor. */
static void
move_focus_out_of_log (CohortGraduatesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->log_popover)))
    {
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->column_view)))
        gtk_root_set_focus (root, NULL);
    }
}

static void
on_log_popover_closed_cb (CohortGraduatesPage *self,
                          GtkPopover          *popover)
{
  move_focus_out_of_log (self);
}

static char *
dup_entry_text (GtkEntry *entry)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  return g_strstrip (text);
}

static void
save_follow_up_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CohortGraduatesPage *self = COHORT_GRADUATES_PAGE (widget);
  CohortPerson *person = get_selected_person (self);
  g_autoptr(CohortCareerRecord) record = NULL;
  g_autoptr(CohortOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation_name = dup_entry_text (self->log_organisation_entry);
  g_autofree char *position = dup_entry_text (self->log_position_entry);
  g_autofree char *country = NULL;
  g_autofree char *start = dup_entry_text (self->log_start_entry);
  g_autofree char *verified = dup_entry_text (self->log_verified_entry);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (person == NULL)
    {
      show_log_error (self, _("Choose a graduate in the list first."));
      return;
    }

  {
    g_autofree char *typed = dup_entry_text (self->log_country_entry);

    country = g_ascii_strup (typed, -1);
  }

  record = cohort_career_record_new ();
  cohort_career_record_set_person_id (record, cohort_record_get_id (COHORT_RECORD (person)));
  cohort_career_record_set_position_title (record, cohort_str_empty_to_null (position));
  cohort_career_record_set_sector (record, dropdown_code (self->log_sector_dropdown,
                                                         COHORT_VOCABULARY_CAREER_SECTOR,
                                                         FALSE));
  cohort_career_record_set_source (record, dropdown_code (self->log_source_dropdown,
                                                         COHORT_VOCABULARY_CAREER_SOURCE,
                                                         TRUE));
  cohort_career_record_set_country (record, cohort_str_empty_to_null (country));
  cohort_career_record_set_start_date (record, cohort_str_empty_to_null (start));
  cohort_career_record_set_verified_on (record, cohort_str_empty_to_null (verified));

  if (!cohort_database_begin (self->database, &error))
    {
      show_log_error (self, error->message);
      return;
    }

  /* The organisation is the one of that name, or a new one. */
  if (cohort_str_empty_to_null (organisation_name) != NULL)
    {
      if (!cohort_lookup_organisation_by_name (self->database, organisation_name, &organisation,
                                               &error))
        goto failed;

      if (organisation == NULL)
        {
          organisation = cohort_organisation_new ();
          cohort_organisation_set_name (organisation, organisation_name);
          if (!cohort_store_save (self->database, COHORT_RECORD (organisation), &error))
            goto failed;
        }

      cohort_career_record_set_organisation_id (record, cohort_record_get_id
                                                          (COHORT_RECORD (organisation)));
    }

  if (!cohort_store_save (self->database, COHORT_RECORD (record), &error) ||
      !cohort_database_commit (self->database, &error))
    goto failed;

  move_focus_out_of_log (self);
  gtk_popover_popdown (self->log_popover);
  name = cohort_dup_person_display_name (person);
  /* TRANSLATORS: %s is a person's name */
  title = g_strdup_printf (_("Follow-up of %s recorded"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  return;

failed:
  cohort_database_rollback (self->database);
  show_log_error (self, error->message);
}

static void
on_log_entry_activate_cb (CohortGraduatesPage *self,
                          GtkEntry            *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "graduates.save-follow-up", NULL);
}

static void
log_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortGraduatesPage *self = COHORT_GRADUATES_PAGE (widget);

  if (get_selected_person (self) == NULL)
    return;

  gtk_menu_button_popup (self->log_button);
}

static void
on_column_view_activate_cb (CohortGraduatesPage *self,
                            guint                position,
                            GtkColumnView       *column_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  log_follow_up_action (GTK_WIDGET (self), NULL, NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortGraduatesPage *self = COHORT_GRADUATES_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortGraduatesPage *self = COHORT_GRADUATES_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->sector_dropdown, 0);
  gtk_check_button_set_active (self->not_confirmed_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  cohort_query_model_clear_filters (self->model);
  cohort_query_model_set_search (self->model, NULL);
}

static void
update_actions (CohortGraduatesPage *self)
{
  gboolean chosen = get_selected_person (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graduates.log-follow-up", chosen);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "graduates.save-follow-up", chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->log_button), chosen);
}

/* Construction */

static void
describe_empty (CohortGraduatesPage *self)
{
  const char *path = cohort_database_get_path (self->database);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *quoted = g_shell_quote (display_path);
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the database file, as typed in a terminal */
  description = g_markup_printf_escaped (
    _("Graduates are the people who completed a course. Mark an enrolment as completed on the "
      "Trainees page, or load a demonstration programme by running “cohort --database %s "
      "demo” in a terminal."),
    quoted);
  adw_status_page_set_description (self->empty_page, description);
}

static void
cohort_graduates_page_constructed (GObject *object)
{
  CohortGraduatesPage *self = (CohortGraduatesPage *)object;

  G_OBJECT_CLASS (cohort_graduates_page_parent_class)->constructed (object);

  if (self->database == NULL)
    {
      g_critical ("A CohortGraduatesPage needs a database");
      return;
    }

  describe_empty (self);
  g_signal_connect_object (self->database, "changed", G_CALLBACK (on_database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->model = cohort_query_model_new (self->database, COHORT_QUERY_KIND_GRADUATES);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* A search or a sort replaces every row: the rows take the new people in place, a few a
   * frame, see cohort-list-view.c.  The person chosen stays chosen while she is listed: after
   * the list's own items-changed, and after each step. */
  self->selection = cohort_list_view_set_query_model (self->column_view, self->model);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (choose_again),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  update_actions (self);
}

static void
cohort_graduates_page_dispose (GObject *object)
{
  CohortGraduatesPage *self = (CohortGraduatesPage *)object;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_GRADUATES_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_graduates_page_parent_class)->dispose (object);
}

static void
cohort_graduates_page_finalize (GObject *object)
{
  CohortGraduatesPage *self = (CohortGraduatesPage *)object;

  g_clear_pointer (&self->latest, g_hash_table_unref);
  g_clear_pointer (&self->organisation_names, g_hash_table_unref);

  G_OBJECT_CLASS (cohort_graduates_page_parent_class)->finalize (object);
}

static void
cohort_graduates_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CohortGraduatesPage *self = COHORT_GRADUATES_PAGE (object);

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
cohort_graduates_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CohortGraduatesPage *self = COHORT_GRADUATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The lists are read when the page is first shown: a window opens on another page without
 * waiting for this one. */
static void
cohort_graduates_page_map (GtkWidget *widget)
{
  CohortGraduatesPage *self = (CohortGraduatesPage *)widget;

  GTK_WIDGET_CLASS (cohort_graduates_page_parent_class)->map (widget);

  if (!self->shown && self->model != NULL)
    {
      GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

      self->shown = TRUE;
      /* Sorting in SQL starts here too, from the column the view sorts by. */
      g_signal_connect_object (sorter, "changed", G_CALLBACK (on_view_sorter_changed_cb), self,
                               G_CONNECT_SWAPPED);
      on_view_sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT, sorter);
      cohort_query_model_refresh (self->model);
      on_loading_changed_cb (self, NULL, self->model);
    }
}

static void
cohort_graduates_page_class_init (CohortGraduatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_graduates_page_constructed;
  object_class->dispose = cohort_graduates_page_dispose;
  object_class->finalize = cohort_graduates_page_finalize;
  object_class->get_property = cohort_graduates_page_get_property;
  object_class->set_property = cohort_graduates_page_set_property;

  widget_class->map = cohort_graduates_page_map;

  /**
   * CohortGraduatesPage:database:
   *
   * The database the page lists.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-graduates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, organisation_column);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, sector_column);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, verified_column);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, not_confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_popover);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_heading);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage,
                                        log_organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_position_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_country_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_start_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_verified_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortGraduatesPage, log_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_log_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "graduates.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "graduates.log-follow-up", NULL,
                                   log_follow_up_action);
  gtk_widget_class_install_action (widget_class, "graduates.save-follow-up", NULL,
                                   save_follow_up_action);
  gtk_widget_class_install_action (widget_class, "graduates.clear-filters", NULL,
                                   clear_filters_action);
}

static GtkShortcut *
action_shortcut (guint            keyval,
                 GdkModifierType  modifiers,
                 const char      *action_name)
{
  return gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                           gtk_named_action_new (action_name));
}

static void
cohort_graduates_page_init (CohortGraduatesPage *self)
{
  GtkEventController *controller;
  g_autoptr(GtkStringList) sectors = gtk_string_list_new (NULL);

  self->latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        unref_if_set);
  self->organisation_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, COHORT_LIST_SEARCH_DELAY);

  set_column_factory (self, self->name_column, COLUMN_NAME);
  set_column_factory (self, self->organisation_column, COLUMN_ORGANISATION);
  set_column_factory (self, self->position_column, COLUMN_POSITION);
  set_column_factory (self, self->sector_column, COLUMN_SECTOR);
  set_column_factory (self, self->country_column, COLUMN_COUNTRY);
  set_column_factory (self, self->verified_column, COLUMN_VERIFIED);

  /* Only what core can order by in SQL is sortable. */
  set_column_sort (self, self->name_column, COHORT_QUERY_SORT_FAMILY_NAME);
  set_column_sort (self, self->verified_column, COHORT_QUERY_SORT_LAST_VERIFIED);

  fill_vocabulary_dropdown (self->sector_dropdown, COHORT_VOCABULARY_CAREER_SECTOR,
                            _("Any sector"));
  fill_vocabulary_dropdown (self->log_sector_dropdown, COHORT_VOCABULARY_CAREER_SECTOR, NULL);
  fill_vocabulary_dropdown (self->log_source_dropdown, COHORT_VOCABULARY_CAREER_SOURCE,
                            _("Not recorded"));
  g_signal_connect_object (self->log_popover, "show", G_CALLBACK (on_log_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->log_popover, "closed", G_CALLBACK (on_log_popover_closed_cb),
                           self, G_CONNECT_SWAPPED);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_f, GDK_CONTROL_MASK,
                                                         "graduates.find"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_l, GDK_CONTROL_MASK,
                                                         "graduates.log-follow-up"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

GtkWidget *
cohort_graduates_page_new (CohortDatabase *database)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_GRADUATES_PAGE, "database", database, NULL);
}

CohortDatabase *
cohort_graduates_page_get_database (CohortGraduatesPage *self)
{
  g_return_val_if_fail (COHORT_IS_GRADUATES_PAGE (self), NULL);

  return self->database;
}

/* Private: for tests. */

CohortQueryModel *
cohort_graduates_page_get_model (CohortGraduatesPage *self)
{
  g_return_val_if_fail (COHORT_IS_GRADUATES_PAGE (self), NULL);

  return self->model;
}

GtkSingleSelection *
cohort_graduates_page_get_selection (CohortGraduatesPage *self)
{
  g_return_val_if_fail (COHORT_IS_GRADUATES_PAGE (self), NULL);

  return self->selection;
}

/**
 * cohort_graduates_page_get_visible_state:
 *
 * Returns: what the list shows: "list", "no-match" or "empty"
 */
const char *
cohort_graduates_page_get_visible_state (CohortGraduatesPage *self)
{
  g_return_val_if_fail (COHORT_IS_GRADUATES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

gboolean
cohort_graduates_page_is_busy (CohortGraduatesPage *self)
{
  g_return_val_if_fail (COHORT_IS_GRADUATES_PAGE (self), FALSE);

  return cohort_query_model_get_loading (self->model) ||
         cohort_list_view_is_pacing (self->selection);
}

/**
 * cohort_graduates_page_dup_cell_text:
 * @column: the column, counted from 0 in the order of the view
 *
 * Returns: (transfer full) (nullable): the text the list shows for the graduate at @position
 */
char *
cohort_graduates_page_dup_cell_text (CohortGraduatesPage *self,
                                     guint                position,
                                     guint                column)
{
  g_autoptr(CohortPerson) person = NULL;

  g_return_val_if_fail (COHORT_IS_GRADUATES_PAGE (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  person = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (person == NULL)
    return NULL;

  return dup_cell_text (self, person, column);
}
