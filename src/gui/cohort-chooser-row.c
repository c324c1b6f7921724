/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-chooser-row.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enums.h"
#include "cohort-organisation.h"
#include "cohort-person-name.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary-combo.h"

/**
 * CohortChooserRow:
 *
 * A row that says which person, organisation or course run a field refers to, with a button
 * that opens a searchable list of them.  An organisation that is not recorded yet can be added
 * from the same list: its name, acronym, kind, country and the organisation it is part of.
 */
struct _CohortChooserRow
{
  AdwActionRow        parent_instance;

  CohortDatabase     *database;
  CohortQueryKind     kind;
  gint64              id;
  gboolean            can_add;      /* organisations: can one be added on the spot */
  CohortQueryModel   *model;        /* created when first needed */

  GtkMenuButton      *button;
  GtkStack           *stack;
  GtkSearchEntry     *entry;
  GtkListView        *list;
  GtkWidget          *new_button;   /* organisations: "New Organisation…" */

  /* The form of a new organisation */
  AdwEntryRow        *name_row;
  AdwEntryRow        *acronym_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *country_row;
  CohortChooserRow   *parent_row;
  GtkLabel           *error_label;
  GtkWidget          *error_field;
};

G_DEFINE_FINAL_TYPE (CohortChooserRow, cohort_chooser_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KIND,
  PROP_CAN_ADD,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
item_type (CohortChooserRow *self)
{
  return cohort_query_kind_get_item_type (self->kind);
}

static void
update_subtitle (CohortChooserRow *self)
{
  g_autoptr(CohortRecord) record = NULL;
  g_autofree char *label = NULL;

  if (self->id != 0 && self->database != NULL)
    {
      g_autoptr(GError) error = NULL;

      record = cohort_store_load (self->database, item_type (self), self->id, &error);
      if (record == NULL)
        g_debug ("Could not read %" G_GINT64_FORMAT ": %s", self->id, error->message);
    }

  if (record != NULL)
    label = cohort_chooser_row_dup_label (self->database, G_OBJECT (record));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               label != NULL ? label :
                               self->id != 0 ? _("Unknown") : _("None"));
}

/* The list */

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Long names are cut short (the tooltip has them in full): the list keeps its width. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                CohortChooserRow         *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = cohort_chooser_row_dup_label (self->database, item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
on_choice_activate_cb (CohortChooserRow *self,
                       guint             position,
                       GtkListView      *list)
{
  cohort_chooser_row_set_id (self, cohort_query_model_get_id (self->model, position));
  gtk_menu_button_popdown (self->button);
}

static void
on_search_changed_cb (CohortChooserRow *self,
                      GtkSearchEntry   *entry)
{
  if (self->model != NULL)
    cohort_query_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Enter in the search entry takes the first one found. */
static void
on_search_activate_cb (CohortChooserRow *self,
                       GtkSearchEntry   *entry)
{
  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  on_choice_activate_cb (self, 0, self->list);
}

static void
on_popover_shown_cb (CohortChooserRow *self,
                     GtkPopover       *popover)
{
  CohortQueryModel *model = cohort_chooser_row_get_model (self);

  gtk_stack_set_visible_child_name (self->stack, "list");
  cohort_query_model_set_search (model, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  cohort_query_model_refresh (model);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* A new organisation */

static void
clear_form_error (CohortChooserRow *self)
{
  if (self->error_field != NULL)
    {
      gtk_widget_remove_css_class (self->error_field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->error_field),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      self->error_field = NULL;
    }

  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
new_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CohortChooserRow *self = COHORT_CHOOSER_ROW (widget);
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  if (self->name_row == NULL)
    return;

  clear_form_error (self);
  g_strstrip (name);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->acronym_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), "");
  cohort_vocabulary_combo_set_code (self->kind_row, COHORT_VOCABULARY_ORGANISATION_KIND, FALSE,
                                    NULL);
  cohort_chooser_row_set_id (self->parent_row, 0);
  gtk_stack_set_visible_child_name (self->stack, "new");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cancel_organisation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CohortChooserRow *self = COHORT_CHOOSER_ROW (widget);

  if (self->name_row == NULL)
    return;

  clear_form_error (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static char *
dup_form_text (AdwEntryRow *row)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  return g_strstrip (text);
}

/* Saved through core, which refuses what breaks a rule: the message shows in the form, under
 * the field it concerns, and nothing is recorded. */
static void
save_organisation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CohortChooserRow *self = COHORT_CHOOSER_ROW (widget);
  g_autoptr(CohortOrganisation) organisation = cohort_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_form_text (self->name_row);
  g_autofree char *acronym = dup_form_text (self->acronym_row);
  g_autofree char *country = dup_form_text (self->country_row);
  g_autofree char *upper = g_ascii_strup (country, -1);

  if (self->name_row == NULL)
    return;

  clear_form_error (self);
  cohort_organisation_set_name (organisation, cohort_str_empty_to_null (name));
  cohort_organisation_set_acronym (organisation, cohort_str_empty_to_null (acronym));
  cohort_organisation_set_country (organisation, cohort_str_empty_to_null (upper));
  cohort_organisation_set_kind (organisation,
                                cohort_vocabulary_combo_get_code (self->kind_row,
                                                                  COHORT_VOCABULARY_ORGANISATION_KIND,
                                                                  FALSE));
  cohort_organisation_set_parent_id (organisation, cohort_chooser_row_get_id (self->parent_row));

  if (!cohort_store_save (self->database, COHORT_RECORD (organisation), &error))
    {
      const char *field = error->domain == COHORT_VALIDATION_ERROR ?
                          cohort_validation_error_get_field (error) : NULL;
      GtkWidget *row = cohort_chooser_row_get_form_row (self, field != NULL ? field : "name");

      if (row == NULL)
        row = GTK_WIDGET (self->name_row);
      self->error_field = row;
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (row);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_stack_set_visible_child_name (self->stack, "list");
  cohort_chooser_row_set_id (self, cohort_record_get_id (COHORT_RECORD (organisation)));
  gtk_menu_button_popdown (self->button);
}

static void
on_name_activated_cb (CohortChooserRow *self,
                      AdwEntryRow      *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chooser.save-organisation", NULL);
}

static void
on_none_clicked_cb (CohortChooserRow *self,
                    GtkButton        *button)
{
  cohort_chooser_row_set_id (self, 0);
  gtk_menu_button_popdown (self->button);
}

/* The title names the field in the tooltip and for screen readers. */
static void
on_title_changed_cb (CohortChooserRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *choose = NULL;

  /* TRANSLATORS: %s is a field, e.g. "Host organisation" */
  choose = g_strdup_printf (_("Choose %s"), title != NULL ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), choose);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
}

/* Construction */

static GtkWidget *
build_list_page (CohortChooserRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *none = gtk_button_new_with_mnemonic (_("_None"));
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb),
                            self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  g_signal_connect_swapped (self->list, "activate", G_CALLBACK (on_choice_activate_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->new_button = gtk_button_new_with_mnemonic (_("New _Organisation…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button),
                                  "chooser.new-organisation");
  gtk_widget_set_tooltip_text (self->new_button,
                               _("Record an organisation that is not in the list"));
  gtk_box_append (GTK_BOX (box), self->new_button);

  g_signal_connect_swapped (none, "clicked", G_CALLBACK (on_none_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), none);

  return box;
}

static GtkWidget *
form_entry (GtkWidget  *list,
            const char *name,
            const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static GtkWidget *
build_new_page (CohortChooserRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("New Organisation"));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->name_row = ADW_ENTRY_ROW (form_entry (list, "name", _("Name")));
  self->acronym_row = ADW_ENTRY_ROW (form_entry (list, "acronym", _("Acronym")));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  gtk_widget_set_name (GTK_WIDGET (self->kind_row), "kind");
  cohort_vocabulary_combo_fill (self->kind_row, COHORT_VOCABULARY_ORGANISATION_KIND, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->kind_row));
  self->country_row = ADW_ENTRY_ROW (form_entry (list, "country",
                                                 _("Country (two-letter code, e.g. KE)")));
  g_signal_connect_swapped (self->name_row, "entry-activated",
                            G_CALLBACK (on_name_activated_cb), self);
  gtk_box_append (GTK_BOX (box), list);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 40);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_name (GTK_WIDGET (self->error_label), "error-message");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "chooser.cancel-organisation");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "chooser.save-organisation");
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), add);
  gtk_box_append (GTK_BOX (box), buttons);

  return box;
}

/* The parent chooser needs the database: it is built once the row has it. */
static void
build_parent_row (CohortChooserRow *self,
                  GtkWidget        *list)
{
  /* One level of adding on the spot is enough. */
  self->parent_row = COHORT_CHOOSER_ROW (g_object_new (COHORT_TYPE_CHOOSER_ROW,
                                                       "database", self->database,
                                                       "kind", COHORT_QUERY_KIND_ORGANISATIONS,
                                                       "can-add", FALSE,
                                                       "title", _("Part of"),
                                                       NULL));
  gtk_widget_set_name (GTK_WIDGET (self->parent_row), "parent_id");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->parent_row));
}

static void
cohort_chooser_row_constructed (GObject *object)
{
  CohortChooserRow *self = (CohortChooserRow *)object;
  GtkWidget *popover = gtk_popover_new ();

  G_OBJECT_CLASS (cohort_chooser_row_parent_class)->constructed (object);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_add_named (self->stack, build_list_page (self), "list");
  if (self->kind == COHORT_QUERY_KIND_ORGANISATIONS && self->can_add)
    {
      GtkWidget *page = build_new_page (self);

      build_parent_row (self, gtk_widget_get_parent (GTK_WIDGET (self->name_row)));
      gtk_stack_add_named (self->stack, page, "new");
    }
  else
    gtk_widget_set_visible (self->new_button, FALSE);

  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->stack));
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_shown_cb), self);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "document-edit-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));

  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
  on_title_changed_cb (self);
  update_subtitle (self);
}

static void
cohort_chooser_row_dispose (GObject *object)
{
  CohortChooserRow *self = (CohortChooserRow *)object;

  self->error_field = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_chooser_row_parent_class)->dispose (object);
}

static void
cohort_chooser_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CohortChooserRow *self = COHORT_CHOOSER_ROW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_CAN_ADD:
      g_value_set_boolean (value, self->can_add);
      break;

    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_chooser_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CohortChooserRow *self = COHORT_CHOOSER_ROW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_CAN_ADD:
      self->can_add = g_value_get_boolean (value);
      break;

    case PROP_ID:
      cohort_chooser_row_set_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_chooser_row_class_init (CohortChooserRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cohort_chooser_row_constructed;
  object_class->dispose = cohort_chooser_row_dispose;
  object_class->get_property = cohort_chooser_row_get_property;
  object_class->set_property = cohort_chooser_row_set_property;

  /**
   * CohortChooserRow:database:
   *
   * Where the choices are read, and a new organisation recorded.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CohortChooserRow:kind:
   *
   * What is chosen: %COHORT_QUERY_KIND_PERSONS, %COHORT_QUERY_KIND_ORGANISATIONS or
   * %COHORT_QUERY_KIND_COURSE_RUNS.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       COHORT_TYPE_QUERY_KIND, COHORT_QUERY_KIND_ORGANISATIONS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CohortChooserRow:can-add:
   *
   * Whether an organisation that is not recorded yet can be added from the list.
   */
  properties[PROP_CAN_ADD] =
    g_param_spec_boolean ("can-add", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CohortChooserRow:id:
   *
   * The row chosen, 0 for none.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chooser.new-organisation", NULL,
                                   new_organisation_action);
  gtk_widget_class_install_action (widget_class, "chooser.save-organisation", NULL,
                                   save_organisation_action);
  gtk_widget_class_install_action (widget_class, "chooser.cancel-organisation", NULL,
                                   cancel_organisation_action);
}

static void
cohort_chooser_row_init (CohortChooserRow *self)
{
  self->can_add = TRUE;
}

/**
 * cohort_chooser_row_new:
 * @kind: what is chosen
 * @title: the field, e.g. "Host organisation"
 */
GtkWidget *
cohort_chooser_row_new (CohortDatabase  *database,
                        CohortQueryKind  kind,
                        const char      *title)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind == COHORT_QUERY_KIND_PERSONS ||
                        kind == COHORT_QUERY_KIND_ORGANISATIONS ||
                        kind == COHORT_QUERY_KIND_COURSE_RUNS, NULL);

  return g_object_new (COHORT_TYPE_CHOOSER_ROW,
                       "database", database,
                       "kind", kind,
                       "title", title,
                       NULL);
}

CohortDatabase *
cohort_chooser_row_get_database (CohortChooserRow *self)
{
  g_return_val_if_fail (COHORT_IS_CHOOSER_ROW (self), NULL);

  return self->database;
}

CohortQueryKind
cohort_chooser_row_get_kind (CohortChooserRow *self)
{
  g_return_val_if_fail (COHORT_IS_CHOOSER_ROW (self), 0);

  return self->kind;
}

gint64
cohort_chooser_row_get_id (CohortChooserRow *self)
{
  g_return_val_if_fail (COHORT_IS_CHOOSER_ROW (self), 0);

  return self->id;
}

/**
 * cohort_chooser_row_set_id:
 * @id: the row to choose, 0 for none
 *
 * Chooses as a click in the list would.
 */
void
cohort_chooser_row_set_id (CohortChooserRow *self,
                           gint64            id)
{
  g_return_if_fail (COHORT_IS_CHOOSER_ROW (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * cohort_chooser_row_get_model:
 *
 * Returns: (transfer none): the list the popover searches
 */
CohortQueryModel *
cohort_chooser_row_get_model (CohortChooserRow *self)
{
  g_return_val_if_fail (COHORT_IS_CHOOSER_ROW (self), NULL);

  if (self->model == NULL)
    {
      GtkSingleSelection *selection;

      self->model = cohort_query_model_new (self->database, self->kind);
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
    }

  return self->model;
}

/**
 * cohort_chooser_row_get_form_row:
 * @field: (nullable): a column of `organisation`: `name`, `acronym`, `kind`, `country` or
 *   `parent_id`
 *
 * Returns: (transfer none) (nullable): the row of @field in the form of a new organisation
 */
GtkWidget *
cohort_chooser_row_get_form_row (CohortChooserRow *self,
                                 const char       *field)
{
  GtkWidget *rows[5];

  g_return_val_if_fail (COHORT_IS_CHOOSER_ROW (self), NULL);

  if (field == NULL || self->name_row == NULL)
    return NULL;

  rows[0] = GTK_WIDGET (self->name_row);
  rows[1] = GTK_WIDGET (self->acronym_row);
  rows[2] = GTK_WIDGET (self->kind_row);
  rows[3] = GTK_WIDGET (self->country_row);
  rows[4] = GTK_WIDGET (self->parent_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (strcmp (gtk_widget_get_name (rows[i]), field) == 0)
      return rows[i];

  return NULL;
}

/**
 * cohort_chooser_row_get_error_text:
 *
 * Returns: (nullable): why the new organisation was refused, or %NULL
 */
const char *
cohort_chooser_row_get_error_text (CohortChooserRow *self)
{
  g_return_val_if_fail (COHORT_IS_CHOOSER_ROW (self), NULL);

  if (self->error_label == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

/**
 * cohort_chooser_row_dup_label:
 * @item: a #CohortPerson, #CohortOrganisation or #CohortCourseRun
 *
 * Returns: (transfer full): how a list of choices names @item: a person with their code, an
 *   organisation with its acronym and country, a run with its course
 */
char *
cohort_chooser_row_dup_label (CohortDatabase *database,
                              GObject        *item)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (COHORT_IS_PERSON (item))
    {
      g_autofree char *name = cohort_dup_person_display_name (COHORT_PERSON (item));

      /* TRANSLATORS: a person's name, then their code in the database */
      return g_strdup_printf (C_("choice", "%s (%s)"), name,
                              cohort_person_get_code (COHORT_PERSON (item)));
    }

  if (COHORT_IS_ORGANISATION (item))
    {
      CohortOrganisation *organisation = COHORT_ORGANISATION (item);
      const char *name = cohort_organisation_get_name (organisation);
      const char *acronym = cohort_str_empty_to_null (cohort_organisation_get_acronym (organisation));
      const char *country = cohort_str_empty_to_null (cohort_organisation_get_country (organisation));
      g_autofree char *named = NULL;

      if (acronym != NULL && g_strcmp0 (acronym, name) != 0)
        /* TRANSLATORS: an organisation's name, then its acronym */
        named = g_strdup_printf (C_("choice", "%s (%s)"), name, acronym);
      else
        named = g_strdup (name != NULL ? name : "");

      if (country == NULL)
        return g_steal_pointer (&named);
      /* TRANSLATORS: an organisation, then its country code */
      return g_strdup_printf (C_("choice", "%s · %s"), named, country);
    }

  if (COHORT_IS_COURSE_RUN (item))
    {
      CohortCourseRun *run = COHORT_COURSE_RUN (item);
      g_autoptr(CohortRecord) course = NULL;

      course = cohort_store_load (database, COHORT_TYPE_COURSE,
                                  cohort_course_run_get_course_id (run), NULL);
      if (course == NULL)
        return g_strdup (cohort_course_run_get_code (run));
      /* TRANSLATORS: the code of a course run, then the course's title */
      return g_strdup_printf (C_("choice", "%s · %s"), cohort_course_run_get_code (run),
                              cohort_course_get_title (COHORT_COURSE (course)));
    }

  g_return_val_if_reached (NULL);
}
