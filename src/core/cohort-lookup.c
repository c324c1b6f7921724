/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-lookup"

#include "config.h"

#include "cohort-lookup.h"

#include "cohort-database-private.h"
#include "cohort-utils.h"

/*
 * Look-ups by natural key for the importers, beside cohort_store_find_by_code() for the types
 * that have a code.
 */

/**
 * cohort_lookup_organisation_by_name:
 * @db: a database
 * @name: (nullable): the organisation's name, compared exactly
 * @out_organisation: (out) (transfer full) (nullable): the organisation, or %NULL
 * @error: return location for a #GError
 *
 * Finds the organisation named @name, as an importer matches a provider that has no code
 * Cohort keeps.  Deleted organisations are not found; of several with the same name, the
 * oldest is.
 *
 * Returns: %FALSE with @error set only when the database fails; %TRUE otherwise, with
 *   *@out_organisation %NULL when no organisation has @name (or @name is empty).
 */
gboolean
cohort_lookup_organisation_by_name (CohortDatabase      *db,
                                    const char          *name,
                                    CohortOrganisation **out_organisation,
                                    GError             **error)
{
  g_autoptr(CohortOrganisation) organisation = NULL;
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_organisation != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_organisation = NULL;

  if (cohort_str_empty_to_null (name) == NULL)
    return TRUE;

  stmt = cohort_database_prepare (db,
                                  "SELECT * FROM organisation "
                                  "WHERE name = :name AND deleted_at IS NULL "
                                  "ORDER BY id LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_text (stmt, ":name", name);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      organisation = cohort_organisation_new ();
      cohort_statement_fill_object (stmt, G_OBJECT (organisation));
    }
  cohort_statement_reset (stmt);

  *out_organisation = g_steal_pointer (&organisation);
  return TRUE;
}

/**
 * cohort_lookup_run_trainer:
 * @db: a database
 * @run_id: a course run
 * @person_id: a person
 * @role: (nullable): a `run_trainer.role` code (%NULL: `trainer`)
 * @out_found: (out): whether @person_id has @role in @run_id (not deleted)
 * @error: return location for a #GError
 *
 * Finds whether a trainer is already assigned, as an importer matches a membership.
 *
 * Returns: %FALSE with @error set only when the database fails
 */
gboolean
cohort_lookup_run_trainer (CohortDatabase  *db,
                           gint64           run_id,
                           gint64           person_id,
                           const char      *role,
                           gboolean        *out_found,
                           GError         **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_found != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_found = FALSE;

  stmt = cohort_database_prepare (db,
                                  "SELECT 1 FROM run_trainer "
                                  "WHERE run_id = :run_id AND person_id = :person_id "
                                  "AND role = coalesce(:role, 'trainer') "
                                  "AND deleted_at IS NULL LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":run_id", run_id);
  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  cohort_statement_bind_text (stmt, ":role", role);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;
  cohort_statement_reset (stmt);

  *out_found = has_row;
  return TRUE;
}

/**
 * CohortCodeSet:
 *
 * The codes an importer has met so far in a file, to find a code used twice.  They are kept
 * in a temporary table of the connection, in a temporary file with SQLite's bounded cache
 * rather than in memory, so that memory stays the same whatever the size of the file.
 */
struct _CohortCodeSet
{
  CohortDatabase *db;
};

/**
 * cohort_code_set_new:
 * @db: a database
 * @error: return location for a #GError
 *
 * Starts an empty set.  One set at a time per connection.  Made outside a transaction, the
 * set keeps the connection's temporary tables in a file rather than in memory while it lives
 * (SQLite allows that change only outside a transaction); freeing it outside a transaction
 * puts them back in memory.
 *
 * Returns: (transfer full): the set, or %NULL with @error set
 */
CohortCodeSet *
cohort_code_set_new (CohortDatabase  *db,
                     GError         **error)
{
  CohortCodeSet *set;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cohort_database_in_transaction (db) &&
      !cohort_database_exec (db, "PRAGMA temp_store = FILE", error))
    return NULL;

  if (!cohort_database_exec (db,
                             "CREATE TEMP TABLE IF NOT EXISTS import_seen_code ("
                             "  kind TEXT NOT NULL,"
                             "  code TEXT NOT NULL,"
                             "  line INTEGER NOT NULL,"
                             "  PRIMARY KEY (kind, code)) WITHOUT ROWID;"
                             "DELETE FROM temp.import_seen_code;",
                             error))
    return NULL;

  set = g_new0 (CohortCodeSet, 1);
  set->db = g_object_ref (db);
  return set;
}

/**
 * cohort_code_set_add:
 * @set: a set
 * @kind: what the code identifies (codes of different kinds do not meet)
 * @code: the code
 * @line: where it is in the file
 * @out_first_line: (out) (optional): when @code was met before, the line it was met on
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @code is new (and is now in the set); %FALSE when it was met before,
 *   with @error unset, or when the database fails, with @error set
 */
gboolean
cohort_code_set_add (CohortCodeSet  *set,
                     const char     *kind,
                     const char     *code,
                     guint           line,
                     guint          *out_first_line,
                     GError        **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (kind != NULL && code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = cohort_database_prepare (set->db,
                                  "INSERT INTO temp.import_seen_code (kind, code, line) "
                                  "VALUES (:kind, :code, :line) ON CONFLICT DO NOTHING",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_text (stmt, ":kind", kind);
  cohort_statement_bind_text (stmt, ":code", code);
  cohort_statement_bind_int64 (stmt, ":line", line);
  if (!cohort_statement_execute (stmt, error))
    return FALSE;

  if (cohort_database_changes (set->db) > 0)
    return TRUE;

  stmt = cohort_database_prepare (set->db,
                                  "SELECT line FROM temp.import_seen_code "
                                  "WHERE kind = :kind AND code = :code",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_text (stmt, ":kind", kind);
  cohort_statement_bind_text (stmt, ":code", code);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  if (out_first_line != NULL)
    *out_first_line = has_row ? (guint) cohort_statement_get_int64 (stmt, 0) : 0;
  cohort_statement_reset (stmt);

  return FALSE;
}

/**
 * cohort_code_set_free:
 * @set: (transfer full): a set
 *
 * Forgets the codes.  Call it outside a transaction, as cohort_code_set_new().
 */
void
cohort_code_set_free (CohortCodeSet *set)
{
  if (set == NULL)
    return;

  /* Back to the database's setting; changing it drops the table. */
  if (!cohort_database_in_transaction (set->db))
    cohort_database_exec (set->db, "PRAGMA temp_store = MEMORY", NULL);
  else
    cohort_database_exec (set->db, "DELETE FROM temp.import_seen_code", NULL);

  g_object_unref (set->db);
  g_free (set);
}
