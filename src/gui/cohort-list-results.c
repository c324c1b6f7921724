/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-list-results.h"

/**
 * cohort_list_results_show:
 * @model: the list of the page
 * @results_label: says how many @model lists, or what went wrong reading it
 * @content_stack: a stack with the children "list", "no-match" and "empty"
 * @count_text: how many @model lists, in words (e.g. "1,234 trainees")
 * @filtered: whether a search or filter narrows @model
 *
 * Shows what @model holds once it has been read; while it is being read, leaves the page as it
 * is.
 */
void
cohort_list_results_show (CohortQueryModel *model,
                          GtkLabel         *results_label,
                          GtkStack         *content_stack,
                          const char       *count_text,
                          gboolean          filtered)
{
  const GError *error;

  g_return_if_fail (COHORT_IS_QUERY_MODEL (model));
  g_return_if_fail (GTK_IS_LABEL (results_label));
  g_return_if_fail (GTK_IS_STACK (content_stack));
  g_return_if_fail (count_text != NULL);

  if (cohort_query_model_get_loading (model))
    return;

  error = cohort_query_model_get_error (model);
  if (error != NULL)
    {
      gtk_label_set_text (results_label, error->message);
      return;
    }

  gtk_label_set_text (results_label, count_text);

  if (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    gtk_stack_set_visible_child_name (content_stack, "list");
  else if (filtered)
    gtk_stack_set_visible_child_name (content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (content_stack, "empty");
}
