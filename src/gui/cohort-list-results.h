/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What a list page says about its list: how many it lists (or what went wrong), and whether it
 * shows the list, "no match" or "empty". */

#include <gtk/gtk.h>

#include "cohort-query-model.h"

G_BEGIN_DECLS

void cohort_list_results_show (CohortQueryModel *model,
                               GtkLabel         *results_label,
                               GtkStack         *content_stack,
                               const char       *count_text,
                               gboolean          filtered);

G_END_DECLS
