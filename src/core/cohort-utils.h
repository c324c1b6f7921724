/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cohort_set_str             (char       **str_pointer,
                                      const char  *new_str);
char     *cohort_dup_timestamp_now   (void);
gboolean  cohort_date_is_valid       (const char  *date);
gboolean  cohort_partial_date_is_valid (const char *date);
gboolean  cohort_country_is_valid    (const char  *code);
char     *cohort_dup_normalised_name (const char  *name);
const char *cohort_str_empty_to_null (const char  *str);
char     *cohort_format_date         (const char  *iso);

G_END_DECLS
