/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-types.h"

G_BEGIN_DECLS

#define COHORT_TYPE_HISTORY_ENTRY (cohort_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (CohortHistoryEntry, cohort_history_entry, COHORT, HISTORY_ENTRY, GObject)

const char *cohort_history_entry_get_at           (CohortHistoryEntry  *self);
const char *cohort_history_entry_get_actor        (CohortHistoryEntry  *self);
const char *cohort_history_entry_get_who          (CohortHistoryEntry  *self);
const char *cohort_history_entry_get_table_name   (CohortHistoryEntry  *self);
gint64      cohort_history_entry_get_row_id       (CohortHistoryEntry  *self);
const char *cohort_history_entry_get_action       (CohortHistoryEntry  *self);
const char *cohort_history_entry_get_changes      (CohortHistoryEntry  *self);
char       *cohort_history_entry_dup_when         (CohortHistoryEntry  *self);
char       *cohort_history_entry_dup_title        (CohortHistoryEntry  *self);
char       *cohort_history_entry_dup_details      (CohortHistoryEntry  *self);

char       *cohort_history_format_title           (const char          *table_name,
                                                   gint64               row_id,
                                                   const char          *action);
char       *cohort_history_format_details         (const char          *table_name,
                                                   const char          *changes);

GListModel *cohort_history_list_person            (CohortDatabase      *db,
                                                   gint64               person_id,
                                                   GError             **error);

G_END_DECLS
