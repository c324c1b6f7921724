/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"
#include "cohort-types.h"

G_BEGIN_DECLS

GPtrArray *cohort_export_query_list_providers (CohortDatabase  *db,
                                               GError         **error);
GPtrArray *cohort_export_query_list_courses   (CohortDatabase  *db,
                                               GError         **error);
GPtrArray *cohort_export_query_list_runs      (CohortDatabase  *db,
                                               gint64           run_id,
                                               GError         **error);
GPtrArray *cohort_export_query_list_members   (CohortDatabase  *db,
                                               gint64           run_id,
                                               GError         **error);
GPtrArray *cohort_export_query_list_enrolments (CohortDatabase *db,
                                                gint64          run_id,
                                                GError        **error);
GPtrArray *cohort_export_query_list_trainers  (CohortDatabase  *db,
                                               gint64           run_id,
                                               GError         **error);

G_END_DECLS
