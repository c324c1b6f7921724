/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-query-model.h"

G_BEGIN_DECLS

/**
 * CohortListWriterRowFunc:
 * @stream: the stream being written
 * @n_rows: the rows written so far
 * @n_total: the rows of the list
 * @user_data: the data given with the function
 * @error: return location for a #GError
 *
 * Called after each row, for example to hand what a memory stream holds on, or to show
 * progress.
 *
 * Returns: %FALSE, with @error set, to stop writing
 */
typedef gboolean (*CohortListWriterRowFunc) (GOutputStream  *stream,
                                             guint           n_rows,
                                             guint           n_total,
                                             gpointer        user_data,
                                             GError        **error);

gboolean cohort_list_writer_write_csv (CohortQueryModel         *model,
                                       GOutputStream            *stream,
                                       CohortListWriterRowFunc   row_func,
                                       gpointer                  user_data,
                                       GCancellable             *cancellable,
                                       guint                    *out_rows,
                                       GError                  **error);

G_END_DECLS
