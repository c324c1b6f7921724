/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-record-editor.h"

#include <glib/gi18n.h>

#include "cohort-career-record.h"
#include "cohort-enrolment.h"
#include "cohort-person-name.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-store.h"

/**
 * CohortRecordEditor:
 *
 * A window that edits one enrolment, placement or career record of a person, in a
 * #CohortRecordForm.  Saving goes through core, which validates; a refusal shows under the
 * field it concerns and nothing is saved.
 */

static const struct
{
  GType      (*get_type) (void);
  const char  *new_title;
  const char  *title;
} titles[] = {
  { cohort_enrolment_get_type, N_("New Enrolment"), N_("Enrolment") },
  { cohort_placement_get_type, N_("New Placement"), N_("Placement") },
  { cohort_career_record_get_type, N_("New Career Record"), N_("Career Record") },
};

struct _CohortRecordEditor
{
  AdwWindow           parent_instance;

  CohortDatabase     *database;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  CohortRecordForm   *form;
};

G_DEFINE_FINAL_TYPE (CohortRecordEditor, cohort_record_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (CohortRecordEditor *self,
              CohortRecord       *record)
{
  g_autoptr(CohortRecord) person = NULL;
  gint64 person_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (G_OBJECT_TYPE (record) == titles[i].get_type ())
      adw_window_title_set_title (self->window_title,
                                  cohort_record_get_id (record) == 0 ?
                                  _(titles[i].new_title) : _(titles[i].title));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));

  g_object_get (record, "person-id", &person_id, NULL);
  if (person_id != 0)
    person = cohort_store_load (self->database, COHORT_TYPE_PERSON, person_id, NULL);
  if (person != NULL)
    {
      g_autofree char *name = cohort_dup_person_display_name (COHORT_PERSON (person));

      adw_window_title_set_subtitle (self->window_title, name);
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cohort_record_editor_save (COHORT_RECORD_EDITOR (widget));
}

static void
cohort_record_editor_dispose (GObject *object)
{
  CohortRecordEditor *self = (CohortRecordEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), COHORT_TYPE_RECORD_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_record_editor_parent_class)->dispose (object);
}

static void
cohort_record_editor_class_init (CohortRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cohort_record_editor_dispose;

  /**
   * CohortRecordEditor::saved:
   * @record: the record as stored now
   *
   * The record was saved; the window closes next.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, COHORT_TYPE_RECORD);

  g_type_ensure (COHORT_TYPE_RECORD_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/cohort-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CohortRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CohortRecordEditor, form);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "record.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cohort_record_editor_init (CohortRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cohort_record_editor_new:
 * @parent: (nullable): the window it edits for
 * @record: a #CohortEnrolment, #CohortPlacement or #CohortCareerRecord as stored, or a new one
 *   (id 0) with its person set
 */
GtkWidget *
cohort_record_editor_new (GtkWindow      *parent,
                          CohortDatabase *database,
                          CohortRecord   *record)
{
  CohortRecordEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (COHORT_IS_ENROLMENT (record) || COHORT_IS_PLACEMENT (record) ||
                        COHORT_IS_CAREER_RECORD (record), NULL);

  self = g_object_new (COHORT_TYPE_RECORD_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);

  /* The person is the one the record was opened from. */
  cohort_record_form_build (self->form, database, G_OBJECT_TYPE (record), FALSE);
  cohort_record_form_set_record (self->form, record);
  update_title (self, record);

  return GTK_WIDGET (self);
}

/**
 * cohort_record_editor_get_form:
 *
 * Returns: (transfer none): the form of the record
 */
CohortRecordForm *
cohort_record_editor_get_form (CohortRecordEditor *self)
{
  g_return_val_if_fail (COHORT_IS_RECORD_EDITOR (self), NULL);

  return self->form;
}

/**
 * cohort_record_editor_save:
 *
 * Saves the form's values through core.  On success emits #CohortRecordEditor::saved and
 * closes the window; a refusal shows under the field it concerns and nothing is saved.
 *
 * Returns: whether the record was saved
 */
gboolean
cohort_record_editor_save (CohortRecordEditor *self)
{
  g_autoptr(CohortRecord) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COHORT_IS_RECORD_EDITOR (self), FALSE);

  cohort_record_form_clear_error (self->form);
  edited = cohort_record_form_dup_edited (self->form, &error);
  if (edited == NULL && error == NULL)
    return FALSE;
  if (edited == NULL || !cohort_store_save (self->database, edited, &error))
    {
      cohort_record_form_show_error (self->form, error);
      return FALSE;
    }

  cohort_record_form_set_record (self->form, edited);
  g_signal_emit (self, signals[SAVED], 0, edited);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
