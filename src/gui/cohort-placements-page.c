/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-placements-page-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-cell-factory.h"
#include "cohort-chooser-row.h"
#include "cohort-column-sort.h"
#include "cohort-course-run.h"
#include "cohort-enrolment.h"
#include "cohort-format.h"
#include "cohort-list-results.h"
#include "cohort-list-view.h"
#include "cohort-organisation.h"
#include "cohort-person-name.h"
#include "cohort-person.h"
#include "cohort-record-form.h"
#include "cohort-store.h"
#include "cohort-toast.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/* What Ctrl+Z takes back: only the last change. */
typedef enum
{
  UNDO_NONE,
  UNDO_CREATE,  /* undo_id was created: delete it */
  UNDO_EDIT,    /* undo_previous was the stored state of undo_id: save it back */
  UNDO_DELETE,  /* undo_id was deleted: restore it */
} UndoKind;

/* The columns of the list, in the order of the view. */
typedef enum
{
  COLUMN_PERSON,
  COLUMN_HOST,
  COLUMN_OFFICE,
  COLUMN_DUTY_STATION,
  COLUMN_COUNTRY,
  COLUMN_MODALITY,
  COLUMN_START,
  COLUMN_END,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

typedef struct
{
  CohortPlacementsPage *page;
  Column                column;
} ColumnCell;

struct _CohortPlacementsPage
{
  AdwBin              parent_instance;

  CohortDatabase     *database;
  CohortQueryModel   *model;
  GtkSingleSelection *selection;
  CohortQueryModel   *hosts;          /* for the host filter */
  GPtrArray          *host_codes;     /* the filter values of host_dropdown, NULL for "any" */
  GHashTable         *person_names;   /* id → display name, for the rows shown */
  GHashTable         *organisation_names;
  GHashTable         *host_names;     /* id → acronym, or name when there is none */

  CohortPlacement    *placement;      /* in the editor: as stored, or new */

  UndoKind            undo_kind;
  gint64              undo_id;
  CohortPlacement    *undo_previous;

  guint               shown : 1;       /* mapped once: the lists have been read */
  guint               selecting : 1;
  guint               updating_filters : 1;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkLabel           *results_label;
  GtkSpinner         *spinner;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *person_column;
  GtkColumnViewColumn *host_column;
  GtkColumnViewColumn *office_column;
  GtkColumnViewColumn *duty_station_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *modality_column;
  GtkColumnViewColumn *start_column;
  GtkColumnViewColumn *end_column;
  GtkColumnViewColumn *status_column;
  AdwStatusPage      *empty_page;
  GtkDropDown        *host_dropdown;
  GtkEntry           *country_entry;
  GtkDropDown        *status_dropdown;
  GtkEntry           *year_entry;
  GtkStack           *editor_stack;
  GtkButton          *back_button;
  GtkLabel           *heading;
  CohortRecordForm   *form;
};

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortPlacementsPage, cohort_placements_page, ADW_TYPE_BIN)

static void update_actions (CohortPlacementsPage *self);

/* Names: read once for the rows shown, forgotten when the database changes. */

static const char *
lookup_name (CohortPlacementsPage *self,
             GType                 type,
             gint64                id)
{
  GHashTable *cache = type == COHORT_TYPE_PERSON ? self->person_names : self->organisation_names;
  g_autoptr(CohortRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gint64 *key;

  if (id == 0)
    return NULL;

  name = g_hash_table_lookup (cache, &id);
  if (name != NULL)
    return name;

  record = cohort_store_load (self->database, type, id, &error);
  if (record == NULL)
    {
      g_debug ("Could not read record %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  key = g_new (gint64, 1);
  *key = id;
  if (type == COHORT_TYPE_PERSON)
    g_hash_table_insert (cache, key, cohort_dup_person_display_name (COHORT_PERSON (record)));
  else
    g_hash_table_insert (cache, key,
                         g_strdup (cohort_organisation_get_name (COHORT_ORGANISATION (record))));

  return g_hash_table_lookup (cache, &id);
}

/* A host is best known by its acronym (UNDP), which also fits a column. */
static const char *
lookup_host_name (CohortPlacementsPage *self,
                  gint64                id)
{
  g_autoptr(CohortRecord) record = NULL;
  const char *name;
  const char *acronym;
  gint64 *key;

  if (id == 0)
    return NULL;

  name = g_hash_table_lookup (self->host_names, &id);
  if (name != NULL)
    return name;

  record = cohort_store_load (self->database, COHORT_TYPE_ORGANISATION, id, NULL);
  if (record == NULL)
    return lookup_name (self, COHORT_TYPE_ORGANISATION, id);

  acronym = cohort_str_empty_to_null (cohort_organisation_get_acronym
                                        (COHORT_ORGANISATION (record)));
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (self->host_names, key,
                       g_strdup (acronym != NULL ? acronym :
                                 cohort_organisation_get_name (COHORT_ORGANISATION (record))));

  return g_hash_table_lookup (self->host_names, &id);
}

static void
on_database_changed_cb (CohortPlacementsPage *self,
                        const char * const   *tables,
                        CohortDatabase       *database)
{
  if (tables == NULL || tables[0] == NULL || g_strv_contains (tables, "person"))
    g_hash_table_remove_all (self->person_names);
  if (tables == NULL || tables[0] == NULL || g_strv_contains (tables, "organisation"))
    {
      g_hash_table_remove_all (self->organisation_names);
      g_hash_table_remove_all (self->host_names);
    }
}

static void
show_toast (CohortPlacementsPage *self,
            const char           *title,
            gboolean              with_undo)
{
  cohort_toast_show (self->toast_overlay, title, with_undo ? "placements.undo" : NULL);
}

static void
show_failure (CohortPlacementsPage *self,
              const GError         *error)
{
  cohort_toast_show_failure (self->toast_overlay, error);
}

/* Undo */

static void
forget_undo (CohortPlacementsPage *self)
{
  self->undo_kind = UNDO_NONE;
  self->undo_id = 0;
  g_clear_object (&self->undo_previous);
}

static void
remember_undo (CohortPlacementsPage *self,
               UndoKind              kind,
               gint64                id,
               CohortPlacement      *previous)
{
  forget_undo (self);
  self->undo_kind = kind;
  self->undo_id = id;
  g_set_object (&self->undo_previous, previous);
  update_actions (self);
}

/* The list */

static const CohortQueryFilter filters[] = {
  COHORT_QUERY_FILTER_HOST, COHORT_QUERY_FILTER_COUNTRY, COHORT_QUERY_FILTER_STATUS,
  COHORT_QUERY_FILTER_YEAR,
};

static gboolean
has_filters (CohortPlacementsPage *self)
{
  if (cohort_str_empty_to_null (cohort_query_model_get_search (self->model)) != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (cohort_query_model_get_filter (self->model, filters[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
update_results (CohortPlacementsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *number = g_strdup_printf ("%'u", n);
  g_autofree char *text = NULL;

  /* TRANSLATORS: the number of placements listed, e.g. "1,234 placements" */
  text = g_strdup_printf (g_dngettext (NULL, "%s placement", "%s placements", n), number);
  cohort_list_results_show (self->model, self->results_label, self->content_stack, text,
                            has_filters (self));
}

static void
select_editor_placement (CohortPlacementsPage *self)
{
  guint position = GTK_INVALID_LIST_POSITION;
  gint64 id = self->placement != NULL ? cohort_record_get_id (COHORT_RECORD (self->placement)) : 0;

  if (id != 0 && !cohort_query_model_find_id (self->model, id, &position))
    position = GTK_INVALID_LIST_POSITION;

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
on_items_changed_cb (CohortPlacementsPage *self,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     GListModel           *model)
{
  select_editor_placement (self);
  update_results (self);
}

static void
on_loading_changed_cb (CohortPlacementsPage *self,
                       GParamSpec           *pspec,
                       CohortQueryModel     *model)
{
  gboolean loading = cohort_query_model_get_loading (model);

  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  update_results (self);
}

/* Cells */

static char *
dup_cell_text (CohortPlacementsPage *self,
               CohortPlacement      *placement,
               Column                column)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_PERSON:
      text = lookup_name (self, COHORT_TYPE_PERSON, cohort_placement_get_person_id (placement));
      break;
    case COLUMN_HOST:
      text = lookup_host_name (self, cohort_placement_get_host_id (placement));
      break;
    case COLUMN_OFFICE:
      text = lookup_name (self, COHORT_TYPE_ORGANISATION,
                          cohort_placement_get_office_id (placement));
      break;
    case COLUMN_DUTY_STATION:
      text = cohort_placement_get_duty_station (placement);
      break;
    case COLUMN_COUNTRY:
      text = cohort_placement_get_country (placement);
      break;
    case COLUMN_MODALITY:
      text = cohort_vocabulary_get_label (COHORT_VOCABULARY_PLACEMENT_MODALITY,
                                          cohort_placement_get_modality (placement));
      break;
    case COLUMN_START:
      return cohort_format_date (cohort_placement_get_start_date (placement));
    case COLUMN_END:
      text = cohort_str_empty_to_null (cohort_placement_get_actual_end_date (placement));
      if (text == NULL)
        text = cohort_placement_get_end_date (placement);
      return cohort_format_date (text);
    case COLUMN_STATUS:
      text = cohort_vocabulary_get_label (COHORT_VOCABULARY_PLACEMENT_STATUS,
                                          cohort_placement_get_status (placement));
      break;
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
set_column_factory (CohortPlacementsPage *self,
                    GtkColumnViewColumn  *view_column,
                    Column                column)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  ColumnCell *cell = g_new0 (ColumnCell, 1);
  CohortCellStyle style = COHORT_CELL_PLAIN;

  cell->page = self;
  cell->column = column;
  if (column == COLUMN_START || column == COLUMN_END)
    style = COHORT_CELL_NUMERIC;
  else if (column == COLUMN_PERSON)
    style = COHORT_CELL_HEADING;

  /* The columns are as wide as the page's template says. */
  factory = cohort_cell_factory_new_func (dup_column_text, cell, g_free, style, 8);
  gtk_column_view_column_set_factory (view_column, factory);
}

/* Sorting: in SQL, by the column the view shows as sorted (see cohort-column-sort.h). */

static void
on_view_sorter_changed_cb (CohortPlacementsPage *self,
                           GtkSorterChange       change,
                           GtkSorter            *sorter)
{
  cohort_column_sort_apply (sorter, self->model);
}

static void
set_column_sort (CohortPlacementsPage *self,
                 GtkColumnViewColumn  *column,
                 CohortQuerySort       sort)
{
  g_assert (cohort_query_kind_supports_sort (COHORT_QUERY_KIND_PLACEMENTS, sort));

  cohort_column_sort_attach (column, sort);
}

/* Filters */

static void
fill_vocabulary_model (GtkStringList    *labels,
                       CohortVocabulary  vocabulary)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (labels, cohort_vocabulary_term_get_label (&terms[i]));
}

static const char *
vocabulary_code_at (CohortVocabulary vocabulary,
                    guint            index)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  if (index >= n_terms)
    return NULL;

  return terms[index].code;
}

static void
on_filter_changed_cb (CohortPlacementsPage *self)
{
  g_autofree char *country = NULL;
  const char *year;
  const char *host = NULL;
  guint selected;

  if (self->updating_filters || self->model == NULL)
    return;

  country = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->country_entry)), -1);
  g_strstrip (country);
  year = gtk_editable_get_text (GTK_EDITABLE (self->year_entry));

  selected = gtk_drop_down_get_selected (self->host_dropdown);
  if (self->host_codes != NULL && selected < self->host_codes->len)
    host = g_ptr_array_index (self->host_codes, selected);

  selected = gtk_drop_down_get_selected (self->status_dropdown);
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_STATUS,
                                 selected == 0 || selected == GTK_INVALID_LIST_POSITION ? NULL :
                                 vocabulary_code_at (COHORT_VOCABULARY_PLACEMENT_STATUS,
                                                     selected - 1));
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_HOST, host);
  /* Half a country code, or half a year, filters nothing yet. */
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_COUNTRY,
                                 strlen (country) == 2 ? country : NULL);
  cohort_query_model_set_filter (self->model, COHORT_QUERY_FILTER_YEAR,
                                 strlen (year) == 4 && g_ascii_isdigit (year[0]) &&
                                 g_ascii_isdigit (year[1]) && g_ascii_isdigit (year[2]) &&
                                 g_ascii_isdigit (year[3]) ? year : NULL);
}

static void
on_hosts_changed_cb (CohortPlacementsPage *self,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     GListModel           *hosts)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *current = NULL;
  guint selected = gtk_drop_down_get_selected (self->host_dropdown);
  guint chosen = 0;

  if (self->host_codes != NULL && selected < self->host_codes->len)
    current = g_ptr_array_index (self->host_codes, selected);

  g_ptr_array_add (codes, NULL);
  gtk_string_list_append (labels, _("Any host"));

  /* The model lists the organisations by name. */
  for (guint i = 0; i < g_list_model_get_n_items (hosts); i++)
    {
      g_autoptr(CohortOrganisation) organisation = g_list_model_get_item (hosts, i);
      char *code = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    cohort_record_get_id (COHORT_RECORD (organisation)));

      if (g_strcmp0 (code, current) == 0)
        chosen = codes->len;
      g_ptr_array_add (codes, code);
      gtk_string_list_append (labels, cohort_organisation_get_name (organisation));
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->host_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->host_dropdown, chosen);
  g_clear_pointer (&self->host_codes, g_ptr_array_unref);
  self->host_codes = g_ptr_array_ref (codes);
  self->updating_filters = FALSE;

  if (current != NULL && chosen == 0)
    on_filter_changed_cb (self);
}

static void
on_search_changed_cb (CohortPlacementsPage *self,
                      GtkSearchEntry       *entry)
{
  if (self->model != NULL)
    cohort_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The editor */

static void
fill_form (CohortPlacementsPage *self)
{
  CohortPlacement *placement = self->placement;
  gint64 id;

  if (placement == NULL)
    {
      cohort_record_form_clear_error (self->form);
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }

  id = cohort_record_get_id (COHORT_RECORD (placement));
  if (id == 0)
    gtk_label_set_text (self->heading, _("New Placement"));
  else
    {
      const char *name = lookup_name (self, COHORT_TYPE_PERSON,
                                      cohort_placement_get_person_id (placement));
      g_autofree char *heading = NULL;

      /* TRANSLATORS: the heading of the placement editor; %s is the person placed */
      heading = g_strdup_printf (_("Placement of %s"), name != NULL ? name : _("Unknown Person"));
      gtk_label_set_text (self->heading, heading);
    }

  cohort_record_form_set_record (self->form, COHORT_RECORD (placement));
  gtk_stack_set_visible_child_name (self->editor_stack, "form");
}

static void
open_placement (CohortPlacementsPage *self,
                CohortPlacement      *placement)
{
  g_set_object (&self->placement, placement);
  fill_form (self);
  select_editor_placement (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  update_actions (self);
}

static void
focus_first (CohortPlacementsPage *self)
{
  cohort_record_form_focus_first (self->form);
}

static void
on_selected_changed_cb (CohortPlacementsPage *self,
                        GParamSpec           *pspec,
                        GtkSingleSelection   *selection)
{
  CohortPlacement *item;

  if (self->selecting)
    return;

  item = cohort_list_view_get_selected (selection);
  if (item == NULL)
    return;

  if (self->placement != NULL &&
      cohort_record_get_id (COHORT_RECORD (self->placement)) ==
      cohort_record_get_id (COHORT_RECORD (item)))
    return;

  g_set_object (&self->placement, item);
  fill_form (self);
  update_actions (self);
}

static void
on_column_view_activate_cb (CohortPlacementsPage *self,
                            guint                 position,
                            GtkColumnView        *column_view)
{
  g_autoptr(CohortPlacement) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL)
    return;

  open_placement (self, item);
  focus_first (self);
}

/* Actions */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);
  g_autoptr(CohortPlacement) placement = cohort_placement_new ();

  open_placement (self, placement);
  focus_first (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);
  g_autoptr(CohortRecord) edited = NULL;
  g_autoptr(CohortRecord) previous = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->placement == NULL)
    return;

  cohort_record_form_clear_error (self->form);
  edited = cohort_record_form_dup_edited (self->form, &error);
  if (edited == NULL)
    {
      cohort_record_form_show_error (self->form, error);
      return;
    }

  id = cohort_record_get_id (edited);
  if (id != 0)
    {
      previous = cohort_store_load (self->database, COHORT_TYPE_PLACEMENT, id, &error);
      if (previous == NULL)
        {
          cohort_record_form_show_error (self->form, error);
          return;
        }
    }

  if (!cohort_store_save (self->database, edited, &error))
    {
      cohort_record_form_show_error (self->form, error);
      return;
    }

  remember_undo (self, id == 0 ? UNDO_CREATE : UNDO_EDIT,
                 cohort_record_get_id (COHORT_RECORD (edited)),
                 previous != NULL ? COHORT_PLACEMENT (previous) : NULL);
  g_set_object (&self->placement, COHORT_PLACEMENT (edited));
  fill_form (self);
  select_editor_placement (self);
  update_actions (self);
  show_toast (self, id == 0 ? _("Placement added") : _("Placement saved"), TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = self->placement != NULL ?
              cohort_record_get_id (COHORT_RECORD (self->placement)) : 0;

  if (id == 0)
    return;

  if (!cohort_store_delete (self->database, COHORT_TYPE_PLACEMENT, id, &error))
    {
      show_failure (self, error);
      return;
    }

  remember_undo (self, UNDO_DELETE, id, NULL);
  g_clear_object (&self->placement);
  fill_form (self);
  select_editor_placement (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  update_actions (self);
  show_toast (self, _("Placement deleted"), TRUE);
}

static void
reopen (CohortPlacementsPage *self,
        gint64                id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortRecord) placement = NULL;

  placement = cohort_store_load (self->database, COHORT_TYPE_PLACEMENT, id, &error);
  if (placement == NULL)
    {
      show_failure (self, error);
      return;
    }

  open_placement (self, COHORT_PLACEMENT (placement));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortPlacement) previous = g_steal_pointer (&self->undo_previous);
  UndoKind kind = self->undo_kind;
  gint64 id = self->undo_id;

  forget_undo (self);
  update_actions (self);

  switch (kind)
    {
    case UNDO_NONE:
      return;

    case UNDO_CREATE:
      if (!cohort_store_delete (self->database, COHORT_TYPE_PLACEMENT, id, &error))
        {
          show_failure (self, error);
          return;
        }
      g_clear_object (&self->placement);
      fill_form (self);
      select_editor_placement (self);
      break;

    case UNDO_EDIT:
      {
        g_autoptr(CohortRecord) current = NULL;

        current = cohort_store_load (self->database, COHORT_TYPE_PLACEMENT, id, &error);
        if (current == NULL)
          {
            show_failure (self, error);
            return;
          }
        cohort_record_set_updated_at (COHORT_RECORD (previous),
                                      cohort_record_get_updated_at (current));
        if (!cohort_store_save (self->database, COHORT_RECORD (previous), &error))
          {
            show_failure (self, error);
            return;
          }
        open_placement (self, previous);
      }
      break;

    case UNDO_DELETE:
      if (!cohort_store_undelete (self->database, COHORT_TYPE_PLACEMENT, id, &error))
        {
          show_failure (self, error);
          return;
        }
      reopen (self, id);
      break;

    default:
      g_assert_not_reached ();
    }

  update_actions (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->host_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->country_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->year_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating_filters = FALSE;

  cohort_query_model_clear_filters (self->model);
  cohort_query_model_set_search (self->model, NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_actions (CohortPlacementsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "placements.save", self->placement != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "placements.delete",
                                 self->placement != NULL &&
                                 cohort_record_get_id (COHORT_RECORD (self->placement)) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "placements.undo",
                                 self->undo_kind != UNDO_NONE);
}

/* Construction */

static void
describe_empty (CohortPlacementsPage *self)
{
  const char *path = cohort_database_get_path (self->database);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *quoted = g_shell_quote (display_path);
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the database file, as typed in a terminal */
  description = g_markup_printf_escaped (
    _("Placements are the assignments of trainees at host organisations. Add one with the New "
      "button, or load a demonstration programme by running “cohort --database %s demo” in a "
      "terminal."),
    quoted);
  adw_status_page_set_description (self->empty_page, description);
}

static void
cohort_placements_page_constructed (GObject *object)
{
  CohortPlacementsPage *self = (CohortPlacementsPage *)object;

  G_OBJECT_CLASS (cohort_placements_page_parent_class)->constructed (object);

  if (self->database == NULL)
    {
      g_critical ("A CohortPlacementsPage needs a database");
      return;
    }

  describe_empty (self);
  cohort_record_form_build (self->form, self->database, COHORT_TYPE_PLACEMENT, TRUE);
  g_signal_connect_object (self->database, "changed", G_CALLBACK (on_database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->model = cohort_query_model_new (self->database, COHORT_QUERY_KIND_PLACEMENTS);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_loading_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* A search or a sort replaces every row: the rows take the new placements in place, a few a
   * frame, see cohort-list-view.c.  The placement in the form is chosen again once the view
   * has the new rows: after the list's own items-changed, and after each step. */
  self->selection = cohort_list_view_set_query_model (self->column_view, self->model);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (select_editor_placement), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  gtk_column_view_sort_by_column (self->column_view, self->start_column, GTK_SORT_DESCENDING);

  self->hosts = cohort_query_model_new (self->database, COHORT_QUERY_KIND_ORGANISATIONS);
  g_signal_connect_object (self->hosts, "items-changed", G_CALLBACK (on_hosts_changed_cb), self,
                           G_CONNECT_SWAPPED);

}

static void
cohort_placements_page_dispose (GObject *object)
{
  CohortPlacementsPage *self = (CohortPlacementsPage *)object;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->hosts != NULL)
    g_signal_handlers_disconnect_by_data (self->hosts, self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_PLACEMENTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->hosts);
  g_clear_object (&self->placement);
  forget_undo (self);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_placements_page_parent_class)->dispose (object);
}

static void
cohort_placements_page_finalize (GObject *object)
{
  CohortPlacementsPage *self = (CohortPlacementsPage *)object;

  g_clear_pointer (&self->host_codes, g_ptr_array_unref);
  g_clear_pointer (&self->person_names, g_hash_table_unref);
  g_clear_pointer (&self->organisation_names, g_hash_table_unref);
  g_clear_pointer (&self->host_names, g_hash_table_unref);

  G_OBJECT_CLASS (cohort_placements_page_parent_class)->finalize (object);
}

static void
cohort_placements_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (object);

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
cohort_placements_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CohortPlacementsPage *self = COHORT_PLACEMENTS_PAGE (object);

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
cohort_placements_page_map (GtkWidget *widget)
{
  CohortPlacementsPage *self = (CohortPlacementsPage *)widget;

  GTK_WIDGET_CLASS (cohort_placements_page_parent_class)->map (widget);

  if (!self->shown && self->model != NULL)
    {
      GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

      self->shown = TRUE;
      /* Sorting in SQL starts here too, from the column the view sorts by. */
      g_signal_connect_object (sorter, "changed", G_CALLBACK (on_view_sorter_changed_cb), self,
                               G_CONNECT_SWAPPED);
      on_view_sorter_changed_cb (self, GTK_SORTER_CHANGE_DIFFERENT, sorter);
      cohort_query_model_refresh (self->model);
      cohort_query_model_refresh (self->hosts);
      on_loading_changed_cb (self, NULL, self->model);
    }
}

static void
cohort_placements_page_class_init (CohortPlacementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_placements_page_constructed;
  object_class->dispose = cohort_placements_page_dispose;
  object_class->finalize = cohort_placements_page_finalize;
  object_class->get_property = cohort_placements_page_get_property;
  object_class->set_property = cohort_placements_page_set_property;

  widget_class->map = cohort_placements_page_map;

  /**
   * CohortPlacementsPage:database:
   *
   * The database the page lists and edits.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COHORT_TYPE_RECORD_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-placements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, person_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, host_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, office_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, duty_station_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, country_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, modality_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, start_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, end_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, host_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, country_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, year_entry);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, heading);
  gtk_widget_class_bind_template_child (widget_class, CohortPlacementsPage, form);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "placements.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "placements.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "placements.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "placements.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "placements.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "placements.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "placements.back", NULL, back_action);

  /* Listed in gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "placements.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "placements.undo", NULL);
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
cohort_placements_page_init (CohortPlacementsPage *self)
{
  static const struct
  {
    Column          column;
    gsize           offset;
  } columns[] = {
    { COLUMN_PERSON, G_STRUCT_OFFSET (CohortPlacementsPage, person_column) },
    { COLUMN_HOST, G_STRUCT_OFFSET (CohortPlacementsPage, host_column) },
    { COLUMN_OFFICE, G_STRUCT_OFFSET (CohortPlacementsPage, office_column) },
    { COLUMN_DUTY_STATION, G_STRUCT_OFFSET (CohortPlacementsPage, duty_station_column) },
    { COLUMN_COUNTRY, G_STRUCT_OFFSET (CohortPlacementsPage, country_column) },
    { COLUMN_MODALITY, G_STRUCT_OFFSET (CohortPlacementsPage, modality_column) },
    { COLUMN_START, G_STRUCT_OFFSET (CohortPlacementsPage, start_column) },
    { COLUMN_END, G_STRUCT_OFFSET (CohortPlacementsPage, end_column) },
    { COLUMN_STATUS, G_STRUCT_OFFSET (CohortPlacementsPage, status_column) },
  };
  GtkEventController *controller;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) any_host = gtk_string_list_new (NULL);

  self->person_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->organisation_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->host_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, COHORT_LIST_SEARCH_DELAY);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    set_column_factory (self, G_STRUCT_MEMBER (GtkColumnViewColumn *, self, columns[i].offset),
                        columns[i].column);

  /* Only what core can order by in SQL is sortable. */
  set_column_sort (self, self->person_column, COHORT_QUERY_SORT_PERSON);
  set_column_sort (self, self->host_column, COHORT_QUERY_SORT_HOST);
  set_column_sort (self, self->country_column, COHORT_QUERY_SORT_COUNTRY);
  set_column_sort (self, self->start_column, COHORT_QUERY_SORT_START_DATE);
  set_column_sort (self, self->status_column, COHORT_QUERY_SORT_STATUS);

  gtk_string_list_append (statuses, _("Any status"));
  fill_vocabulary_model (statuses, COHORT_VOCABULARY_PLACEMENT_STATUS);
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_string_list_append (any_host, _("Any host"));
  gtk_drop_down_set_model (self->host_dropdown, G_LIST_MODEL (any_host));
  gtk_drop_down_set_expression (self->host_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_f, GDK_CONTROL_MASK,
                                                         "placements.find"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_n, GDK_CONTROL_MASK,
                                                         "placements.new"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_Delete, 0,
                                                         "placements.delete"));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  g_object_bind_property (self->leaflet, "folded",
                          self->column_view, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded",
                          self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  update_actions (self);
}

GtkWidget *
cohort_placements_page_new (CohortDatabase *database)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);

  return g_object_new (COHORT_TYPE_PLACEMENTS_PAGE, "database", database, NULL);
}

CohortDatabase *
cohort_placements_page_get_database (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return self->database;
}

/* Private: for tests. */

CohortQueryModel *
cohort_placements_page_get_model (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return self->model;
}

GtkSingleSelection *
cohort_placements_page_get_selection (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return self->selection;
}

/**
 * cohort_placements_page_get_visible_state:
 *
 * Returns: what the list shows: "list", "no-match" or "empty"
 */
const char *
cohort_placements_page_get_visible_state (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

gboolean
cohort_placements_page_is_busy (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), FALSE);

  return cohort_query_model_get_loading (self->model) ||
         cohort_query_model_get_loading (self->hosts) ||
         cohort_list_view_is_pacing (self->selection);
}

/**
 * cohort_placements_page_get_placement:
 *
 * Returns: (transfer none) (nullable): the placement in the editor, as stored (or new)
 */
CohortPlacement *
cohort_placements_page_get_placement (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return self->placement;
}

/**
 * cohort_placements_page_get_field_row:
 * @field: a column of the placement table, e.g. `start_date`
 *
 * Returns: (transfer none) (nullable): the editor's row of @field
 */
GtkWidget *
cohort_placements_page_get_field_row (CohortPlacementsPage *self,
                                      const char           *field)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return cohort_record_form_get_field_row (self->form, field);
}

/**
 * cohort_placements_page_choose:
 * @field: a person or organisation field, e.g. `host_id`
 * @id: the row chosen, 0 for none
 *
 * Chooses as a click in the field's list would.
 */
void
cohort_placements_page_choose (CohortPlacementsPage *self,
                               const char           *field,
                               gint64                id)
{
  GtkWidget *row;

  g_return_if_fail (COHORT_IS_PLACEMENTS_PAGE (self));
  g_return_if_fail (field != NULL);

  row = cohort_record_form_get_field_row (self->form, field);
  g_return_if_fail (COHORT_IS_CHOOSER_ROW (row));

  cohort_chooser_row_set_id (COHORT_CHOOSER_ROW (row), id);
}

/**
 * cohort_placements_page_get_error_field:
 *
 * Returns: (nullable): the field whose row shows the last refusal, if any
 */
const char *
cohort_placements_page_get_error_field (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return cohort_record_form_get_error_field (self->form);
}

const char *
cohort_placements_page_get_error_text (CohortPlacementsPage *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);

  return cohort_record_form_get_error_text (self->form);
}

/**
 * cohort_placements_page_dup_cell_text:
 * @column: the column, counted from 0 in the order of the view
 *
 * Returns: (transfer full): the text the list shows for the placement at @position
 */
char *
cohort_placements_page_dup_cell_text (CohortPlacementsPage *self,
                                      guint                 position,
                                      guint                 column)
{
  g_autoptr(CohortPlacement) placement = NULL;

  g_return_val_if_fail (COHORT_IS_PLACEMENTS_PAGE (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  placement = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (placement == NULL)
    return NULL;

  return dup_cell_text (self, placement, column);
}
