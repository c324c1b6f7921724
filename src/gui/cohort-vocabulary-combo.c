/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-vocabulary-combo.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-utils.h"

/* A combo row over a vocabulary lists the translated labels in the vocabulary's order; an
 * optional one starts with "Not recorded", which stands for no code. */

/**
 * cohort_vocabulary_combo_fill:
 * @row: a combo row
 * @vocabulary: the list it chooses from
 * @optional: whether "Not recorded" comes first
 */
void
cohort_vocabulary_combo_fill (AdwComboRow      *row,
                              CohortVocabulary  vocabulary,
                              gboolean          optional)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (optional)
    gtk_string_list_append (labels, _("Not recorded"));

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (labels, cohort_vocabulary_term_get_label (&terms[i]));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

/**
 * cohort_vocabulary_combo_set_code:
 * @code: (nullable): the code to select; none selects "Not recorded", or the vocabulary's
 *   default when the row is not optional
 */
void
cohort_vocabulary_combo_set_code (AdwComboRow      *row,
                                  CohortVocabulary  vocabulary,
                                  gboolean          optional,
                                  const char       *code)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint position = 0;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (cohort_str_empty_to_null (code) == NULL && !optional)
    code = cohort_vocabulary_get_default (vocabulary);

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; code != NULL && i < n_terms; i++)
    if (strcmp (terms[i].code, code) == 0)
      position = optional ? i + 1 : i;

  adw_combo_row_set_selected (row, position);
}

/**
 * cohort_vocabulary_combo_get_code:
 *
 * Returns: (nullable): the code selected, or %NULL for "Not recorded"
 */
const char *
cohort_vocabulary_combo_get_code (AdwComboRow      *row,
                                  CohortVocabulary  vocabulary,
                                  gboolean          optional)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  selected = adw_combo_row_get_selected (row);
  if (optional)
    {
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      selected--;
    }

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);

  return selected < n_terms ? terms[selected].code : NULL;
}
