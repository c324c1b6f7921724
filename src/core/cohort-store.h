/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-career-record.h"
#include "cohort-database.h"
#include "cohort-person.h"
#include "cohort-types.h"

G_BEGIN_DECLS

gboolean      cohort_store_save                      (CohortDatabase      *db,
                                                      CohortRecord        *record,
                                                      GError             **error);
CohortRecord *cohort_store_load                      (CohortDatabase      *db,
                                                      GType                type,
                                                      gint64               id,
                                                      GError             **error);
gboolean      cohort_store_find_by_code              (CohortDatabase      *db,
                                                      GType                type,
                                                      const char          *code,
                                                      CohortRecord       **out_record,
                                                      GError             **error);
gboolean      cohort_store_delete                    (CohortDatabase      *db,
                                                      GType                type,
                                                      gint64               id,
                                                      GError             **error);
gboolean      cohort_store_undelete                  (CohortDatabase      *db,
                                                      GType                type,
                                                      gint64               id,
                                                      GError             **error);

gboolean      cohort_store_anonymise_person          (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      GError             **error);
char        **cohort_store_dup_person_nationalities  (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      GError             **error);
gboolean      cohort_store_set_person_nationalities  (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      const char * const  *countries,
                                                      GError             **error);

GPtrArray    *cohort_store_find_similar_persons      (CohortDatabase      *db,
                                                      CohortPerson        *candidate,
                                                      GError             **error);
gboolean      cohort_store_refresh_match_keys        (CohortDatabase      *db,
                                                      GError             **error);

GListStore   *cohort_store_list_enrolments           (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      GError             **error);
GListStore   *cohort_store_list_placements           (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      GError             **error);
GListStore   *cohort_store_list_career_records       (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      GError             **error);
gboolean      cohort_store_get_latest_career_record  (CohortDatabase      *db,
                                                      gint64               person_id,
                                                      CohortCareerRecord **out_record,
                                                      GError             **error);

G_END_DECLS
