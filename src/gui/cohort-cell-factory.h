/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cohort-vocabulary.h"

G_BEGIN_DECLS

/**
 * CohortCellStyle:
 * @COHORT_CELL_PLAIN: plain text
 * @COHORT_CELL_FIRST_BOLD: the first property in bold (a family name)
 * @COHORT_CELL_NUMERIC: tabular figures (a code, a date)
 * @COHORT_CELL_HEADING: all the text in bold (a name)
 *
 * How a list cell shows its text.
 */
typedef enum
{
  COHORT_CELL_PLAIN,
  COHORT_CELL_FIRST_BOLD,
  COHORT_CELL_NUMERIC,
  COHORT_CELL_HEADING,
} CohortCellStyle;

/**
 * CohortCellTextFunc:
 * @item: (type GObject): the item of the cell's row
 * @user_data: what the factory was given
 *
 * Returns: (transfer full) (nullable): the text the cell shows
 */
typedef char * (*CohortCellTextFunc) (gpointer item,
                                      gpointer user_data);

GtkListItemFactory *cohort_cell_factory_new (const char      *first_property,
                                             const char      *second_property,
                                             CohortCellStyle  style,
                                             guint            width_chars);
GtkListItemFactory *cohort_cell_factory_new_vocabulary (const char       *property,
                                                        CohortVocabulary  vocabulary);
GtkListItemFactory *cohort_cell_factory_new_func       (CohortCellTextFunc text_func,
                                                        gpointer           user_data,
                                                        GDestroyNotify     destroy,
                                                        CohortCellStyle    style,
                                                        guint              width_chars);

G_END_DECLS
