/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"

G_BEGIN_DECLS

/* The `sourcedid/source` of everything Cohort writes. */
#define COHORT_IMS_SOURCE "Cohort"

gboolean cohort_ims_writer_write      (CohortDatabase  *db,
                                       gint64           run_id,
                                       GOutputStream   *output,
                                       GCancellable    *cancellable,
                                       GError         **error);
gboolean cohort_ims_writer_write_file (CohortDatabase  *db,
                                       gint64           run_id,
                                       GFile           *file,
                                       GCancellable    *cancellable,
                                       GError         **error);

G_END_DECLS
