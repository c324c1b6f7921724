/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-csv-reader.h"
#include "cohort-database.h"
#include "cohort-import-record.h"
#include "cohort-xcri-reader.h"

G_BEGIN_DECLS

/**
 * CohortImportOutcome:
 * @COHORT_IMPORT_OUTCOME_NEW: the record is not in the database yet and will be added
 * @COHORT_IMPORT_OUTCOME_UPDATED: the record is in the database with other values, which
 *   will be replaced (see #CohortImportItem.changes)
 * @COHORT_IMPORT_OUTCOME_UNCHANGED: the record is in the database as the file has it
 * @COHORT_IMPORT_OUTCOME_REJECTED: the record cannot be imported (see
 *   #CohortImportItem.reason)
 *
 * What importing a record does.
 */
typedef enum
{
  COHORT_IMPORT_OUTCOME_NEW,
  COHORT_IMPORT_OUTCOME_UPDATED,
  COHORT_IMPORT_OUTCOME_UNCHANGED,
  COHORT_IMPORT_OUTCOME_REJECTED,
} CohortImportOutcome;

#define COHORT_IMPORT_N_OUTCOMES (COHORT_IMPORT_OUTCOME_REJECTED + 1)

/**
 * CohortImportChange:
 * @field: the column that changes (`title`, `start_date`); see
 *   cohort_validation_get_field_label() for its name in words
 * @old_value: (nullable): the value in the database, as text (a provider or course by its
 *   name or code)
 * @new_value: (nullable): the value from the file, as text
 */
typedef struct
{
  char *field;
  char *old_value;
  char *new_value;
} CohortImportChange;

/**
 * CohortImportItem:
 * @kind: what the record is (an organisation, a course, a course run)
 * @outcome: what importing it does
 * @code: (nullable): its identifier (for an organisation, its name)
 * @label: (nullable): what a person recognises it by: a title, a name, a start date
 * @line: where it is in the file, or 0
 * @column: where it is in the file, or 0
 * @reason: (nullable): for a rejected record, why
 * @field: (nullable): for a rejected record, the column the reason concerns, if any
 * @changes: (element-type CohortImportChange) (nullable): for an updated record, what changes
 *
 * One record of a plan.
 */
typedef struct
{
  CohortImportRecordKind  kind;
  CohortImportOutcome     outcome;
  char                   *code;
  char                   *label;
  guint                   line;
  guint                   column;
  char                   *reason;
  char                   *field;
  GPtrArray              *changes;
} CohortImportItem;

void cohort_import_item_free (CohortImportItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportItem, cohort_import_item_free)

#define COHORT_TYPE_IMPORT_PLAN (cohort_import_plan_get_type ())

G_DECLARE_FINAL_TYPE (CohortImportPlan, cohort_import_plan, COHORT, IMPORT_PLAN, GObject)

/**
 * CohortImportProgressFunc:
 * @plan: the plan being built or committed
 * @n_done: the records handled so far
 * @n_total: the records in the file, or 0 while that is not known (when building)
 * @user_data: the data given with the function
 *
 * Called after each record.  It may cancel the #GCancellable given to the build or the
 * commit, which then stops at the next record.
 */
typedef void (*CohortImportProgressFunc) (CohortImportPlan *plan,
                                          guint             n_done,
                                          guint             n_total,
                                          gpointer          user_data);

CohortImportPlan *cohort_import_plan_new_for_xcri       (GFile                     *file,
                                                         CohortXcriReaderFlags      flags);
CohortImportPlan *cohort_import_plan_new_for_xcri_bytes (GBytes                    *bytes,
                                                         const char                *file_name,
                                                         CohortXcriReaderFlags      flags);
CohortImportPlan *cohort_import_plan_new_for_ims        (GFile                     *file);
CohortImportPlan *cohort_import_plan_new_for_ims_bytes  (GBytes                    *bytes,
                                                         const char                *file_name);
CohortImportPlan *cohort_import_plan_new_for_csv        (GFile                     *file,
                                                         CohortCsvTarget            target);
CohortImportPlan *cohort_import_plan_new_for_csv_bytes  (GBytes                    *bytes,
                                                         const char                *file_name,
                                                         CohortCsvTarget            target);
void              cohort_import_plan_set_progress_func  (CohortImportPlan          *self,
                                                         CohortImportProgressFunc   func,
                                                         gpointer                   user_data,
                                                         GDestroyNotify             destroy);
gboolean          cohort_import_plan_build              (CohortImportPlan          *self,
                                                         CohortDatabase            *db,
                                                         GCancellable              *cancellable,
                                                         GError                   **error);
gboolean          cohort_import_plan_commit             (CohortImportPlan          *self,
                                                         CohortDatabase            *db,
                                                         GCancellable              *cancellable,
                                                         GError                   **error);

const char       *cohort_import_plan_get_file_name      (CohortImportPlan          *self);
const char       *cohort_import_plan_get_sha256         (CohortImportPlan          *self);
guint             cohort_import_plan_get_count          (CohortImportPlan          *self,
                                                         CohortImportRecordKind     kind,
                                                         CohortImportOutcome        outcome);
guint             cohort_import_plan_get_total          (CohortImportPlan          *self,
                                                         CohortImportOutcome        outcome);
gboolean          cohort_import_plan_has_changes        (CohortImportPlan          *self);
GPtrArray        *cohort_import_plan_get_items          (CohortImportPlan          *self);
guint             cohort_import_plan_get_n_unlisted     (CohortImportPlan          *self);
GPtrArray        *cohort_import_plan_get_issues         (CohortImportPlan          *self);
gboolean          cohort_import_plan_get_error_location (CohortImportPlan          *self,
                                                         guint                     *line,
                                                         guint                     *column);
gint64            cohort_import_plan_get_batch_id       (CohortImportPlan          *self);
const char       *cohort_import_plan_get_backup_path    (CohortImportPlan          *self);

G_END_DECLS
