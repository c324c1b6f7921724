/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cohort-types.h"

G_BEGIN_DECLS

#define COHORT_TYPE_RECORD (cohort_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (CohortRecord, cohort_record, COHORT, RECORD, GObject)

struct _CohortRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[4];
};

gint64      cohort_record_get_id         (CohortRecord *self);
void        cohort_record_set_id         (CohortRecord *self,
                                          gint64        id);
const char *cohort_record_get_created_at (CohortRecord *self);
void        cohort_record_set_created_at (CohortRecord *self,
                                          const char   *created_at);
const char *cohort_record_get_updated_at (CohortRecord *self);
void        cohort_record_set_updated_at (CohortRecord *self,
                                          const char   *updated_at);
const char *cohort_record_get_deleted_at (CohortRecord *self);
void        cohort_record_set_deleted_at (CohortRecord *self,
                                          const char   *deleted_at);
gboolean    cohort_record_is_deleted     (CohortRecord *self);

G_END_DECLS
