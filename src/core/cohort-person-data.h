/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-types.h"

G_BEGIN_DECLS

#define COHORT_TYPE_PERSON_DATA (cohort_person_data_get_type ())

G_DECLARE_FINAL_TYPE (CohortPersonData, cohort_person_data, COHORT, PERSON_DATA, GObject)

CohortPersonData *cohort_person_data_collect             (CohortDatabase    *db,
                                                          gint64             person_id,
                                                          GError           **error);
gint64            cohort_person_data_get_person_id       (CohortPersonData  *self);
const char       *cohort_person_data_get_made_at         (CohortPersonData  *self);
char             *cohort_person_data_dup_name            (CohortPersonData  *self);
char             *cohort_person_data_dup_name_local      (CohortPersonData  *self);

guint             cohort_person_data_get_n_sections      (CohortPersonData  *self);
const char       *cohort_person_data_get_section_name    (CohortPersonData  *self,
                                                          guint              section);
const char       *cohort_person_data_get_section_title   (CohortPersonData  *self,
                                                          guint              section);
guint             cohort_person_data_get_n_columns       (CohortPersonData  *self,
                                                          guint              section);
const char       *cohort_person_data_get_column_name     (CohortPersonData  *self,
                                                          guint              section,
                                                          guint              column);
const char       *cohort_person_data_get_column_label    (CohortPersonData  *self,
                                                          guint              section,
                                                          guint              column);
guint             cohort_person_data_get_n_rows          (CohortPersonData  *self,
                                                          guint              section);
const char       *cohort_person_data_get_value           (CohortPersonData  *self,
                                                          guint              section,
                                                          guint              row,
                                                          guint              column);
const char       *cohort_person_data_get_display_value   (CohortPersonData  *self,
                                                          guint              section,
                                                          guint              row,
                                                          guint              column);
guint             cohort_person_data_count               (CohortPersonData  *self,
                                                          const char        *section_name);

char             *cohort_person_data_to_json             (CohortPersonData  *self);

gboolean          cohort_person_data_erase               (CohortDatabase    *db,
                                                          gint64             person_id,
                                                          GError           **error);
gboolean          cohort_person_data_erase_full          (CohortDatabase    *db,
                                                          gint64             person_id,
                                                          guint             *out_n_cleaned,
                                                          char            ***out_not_cleaned,
                                                          GError           **error);

G_END_DECLS
