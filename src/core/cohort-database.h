/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-types.h"

G_BEGIN_DECLS

#define COHORT_DATABASE_ERROR (cohort_database_error_quark ())

typedef enum
{
  COHORT_DATABASE_ERROR_FAILED,
  COHORT_DATABASE_ERROR_NOT_FOUND,
  COHORT_DATABASE_ERROR_NOT_A_DATABASE,
  COHORT_DATABASE_ERROR_NOT_COHORT,
  COHORT_DATABASE_ERROR_TOO_NEW,
  COHORT_DATABASE_ERROR_READ_ONLY,
  COHORT_DATABASE_ERROR_LOCKED,
  COHORT_DATABASE_ERROR_CORRUPT,
  COHORT_DATABASE_ERROR_FULL,
  COHORT_DATABASE_ERROR_CONSTRAINT,
  COHORT_DATABASE_ERROR_MIGRATION,
  COHORT_DATABASE_ERROR_NEEDS_UPGRADE,
} CohortDatabaseError;

#define COHORT_DATABASE_DEFAULT_BACKUPS_TO_KEEP 10

typedef enum
{
  COHORT_DATABASE_OPEN_DEFAULT   = 0,
  COHORT_DATABASE_OPEN_READ_ONLY = 1 << 0,
  COHORT_DATABASE_OPEN_NO_CREATE = 1 << 1,
} CohortDatabaseOpenFlags;

#define COHORT_TYPE_DATABASE (cohort_database_get_type ())

G_DECLARE_FINAL_TYPE (CohortDatabase, cohort_database, COHORT, DATABASE, GObject)

GQuark          cohort_database_error_quark                 (void);

CohortDatabase *cohort_database_open                        (const char               *path,
                                                             CohortDatabaseOpenFlags   flags,
                                                             GError                  **error);
char           *cohort_database_dup_default_path            (void);
const char     *cohort_database_get_path                    (CohortDatabase           *self);
gboolean        cohort_database_is_read_only                (CohortDatabase           *self);
int             cohort_database_get_schema_version          (CohortDatabase           *self);
int             cohort_database_get_latest_schema_version   (void);
const char     *cohort_database_get_migration_backup_path   (CohortDatabase           *self);
void            cohort_database_set_busy_timeout            (CohortDatabase           *self,
                                                             guint                     msec);
void            cohort_database_set_default_busy_timeout    (guint                     msec);
char           *cohort_database_dup_user_actor              (const char               *face);
void            cohort_database_set_default_actor           (const char               *actor);
void            cohort_database_set_actor                   (CohortDatabase           *self,
                                                             const char               *actor);
const char     *cohort_database_get_actor                   (CohortDatabase           *self);

gboolean        cohort_database_begin                       (CohortDatabase           *self,
                                                             GError                  **error);
gboolean        cohort_database_commit                      (CohortDatabase           *self,
                                                             GError                  **error);
void            cohort_database_rollback                    (CohortDatabase           *self);
gboolean        cohort_database_in_transaction              (CohortDatabase           *self);
gboolean        cohort_database_defer_search_index          (CohortDatabase           *self,
                                                             GError                  **error);
gboolean        cohort_database_update_search_index         (CohortDatabase           *self,
                                                             GError                  **error);

gboolean        cohort_database_backup_to                   (CohortDatabase           *self,
                                                             const char               *dest_path,
                                                             GError                  **error);
gboolean        cohort_database_check_external_changes      (CohortDatabase           *self);
gboolean        cohort_database_is_file_lost                (CohortDatabase           *self);
void            cohort_database_watch                       (CohortDatabase           *self,
                                                             guint                     interval_msec);

gboolean        cohort_database_check_integrity             (CohortDatabase           *self,
                                                             GError                  **error);

char           *cohort_database_dup_backups_folder          (CohortDatabase           *self);
guint           cohort_database_get_backups_to_keep         (CohortDatabase           *self);
void            cohort_database_set_backups_to_keep         (CohortDatabase           *self,
                                                             guint                     n_backups);
void            cohort_database_set_default_backups_to_keep (guint                     n_backups);
char           *cohort_database_make_backup                 (CohortDatabase           *self,
                                                             const char               *reason,
                                                             GError                  **error);
gboolean        cohort_database_restore_from                (CohortDatabase           *self,
                                                             const char               *source_path,
                                                             char                    **out_kept,
                                                             GError                  **error);
CohortDatabase *cohort_database_open_backup                 (const char               *path,
                                                             GError                  **error);
GStrv           cohort_database_list_backups                (CohortDatabase           *self);

gboolean        cohort_database_is_private                  (CohortDatabase           *self,
                                                             gboolean                 *file_shared,
                                                             gboolean                 *dir_shared);
gboolean        cohort_database_make_private                (CohortDatabase           *self,
                                                             GError                  **error);

G_END_DECLS
