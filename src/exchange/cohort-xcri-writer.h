/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"

G_BEGIN_DECLS

gboolean cohort_xcri_writer_write      (CohortDatabase  *db,
                                        GOutputStream   *output,
                                        GCancellable    *cancellable,
                                        GError         **error);
gboolean cohort_xcri_writer_write_file (CohortDatabase  *db,
                                        GFile           *file,
                                        GCancellable    *cancellable,
                                        GError         **error);

G_END_DECLS
