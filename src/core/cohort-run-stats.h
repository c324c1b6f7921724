/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"

G_BEGIN_DECLS

gboolean    cohort_run_stats_count_taken      (CohortDatabase  *db,
                                               gint64           run_id,
                                               guint           *out_taken,
                                               GError         **error);
GListStore *cohort_run_stats_list_programmes  (CohortDatabase  *db,
                                               GError         **error);
gboolean    cohort_run_stats_promote_reserve  (CohortDatabase  *db,
                                               gint64           run_id,
                                               gint64          *out_enrolment_id,
                                               GError         **error);

G_END_DECLS
