/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"
#include "cohort-organisation.h"

G_BEGIN_DECLS

gboolean cohort_lookup_organisation_by_name (CohortDatabase      *db,
                                             const char          *name,
                                             CohortOrganisation **out_organisation,
                                             GError             **error);

gboolean cohort_lookup_run_trainer         (CohortDatabase      *db,
                                             gint64               run_id,
                                             gint64               person_id,
                                             const char          *role,
                                             gboolean            *out_found,
                                             GError             **error);

typedef struct _CohortCodeSet CohortCodeSet;

CohortCodeSet *cohort_code_set_new  (CohortDatabase  *db,
                                     GError         **error);
gboolean       cohort_code_set_add  (CohortCodeSet   *set,
                                     const char      *kind,
                                     const char      *code,
                                     guint            line,
                                     guint           *out_first_line,
                                     GError         **error);
void           cohort_code_set_free (CohortCodeSet   *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortCodeSet, cohort_code_set_free)

G_END_DECLS
