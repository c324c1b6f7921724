/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-database"

#include "config.h"

#include "cohort-database-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cohort-properties.h"
#include "cohort-store.h"
#include "cohort-utils.h"

#define COHORT_APPLICATION_ID 1131374706 /* 'Cohr' */
#define DEFAULT_BUSY_TIMEOUT_MSEC 5000
#define MIGRATIONS_PATH RESOURCE_BASE "/sql/"
#define BACKUPS_FOLDER "backups"
#define STALE_PARTIAL_USEC (10 * G_TIME_SPAN_MINUTE)

/* Not a public flag: opens a file read-only whatever the age of its schema, to copy it. */
#define OPEN_ANY_OLDER_VERSION (1 << 16)

struct _CohortStatement
{
  CohortDatabase *db; /* unowned */
  sqlite3_stmt   *stmt;
};

struct _CohortDatabase
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *migration_backup_path;
  char       *actor;           /* what cohort_actor() returns: who writes through this connection */
  GHashTable *statements;      /* SQL text -> CohortStatement */
  GHashTable *changed_tables;  /* set of table names written since the last notification */
  guint       transaction_depth;
  gint64      data_version;
  guint       watch_source_id;
  int         schema_version;
  guint       backups_to_keep;
  guint64     file_device;
  guint64     file_inode;
  guint       read_only : 1;
  guint       file_lost : 1;
};

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  FILE_LOST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static guint default_busy_timeout_msec = DEFAULT_BUSY_TIMEOUT_MSEC;
static guint default_backups_to_keep = COHORT_DATABASE_DEFAULT_BACKUPS_TO_KEEP;
static GMutex default_actor_mutex;
static char *default_actor;

G_DEFINE_FINAL_TYPE (CohortDatabase, cohort_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (cohort-database-error-quark, cohort_database_error)

/* The tables whose changes are worth telling the rest of the application about. */
static const char * const notified_tables[] = {
  "career_record", "course", "course_run", "enrolment", "import_batch", "organisation",
  "person", "person_nationality", "placement", "programme", "run_trainer",
};

static void
statement_free (gpointer data)
{
  CohortStatement *stmt = data;

  sqlite3_finalize (stmt->stmt);
  g_free (stmt);
}

static const char *
intern_notified_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (notified_tables); i++)
    if (strcmp (table, notified_tables[i]) == 0)
      return notified_tables[i];

  return NULL;
}

static void
on_update_hook_cb (void          *user_data,
                   int            operation,
                   const char    *database_name,
                   const char    *table,
                   sqlite3_int64  rowid)
{
  CohortDatabase *self = user_data;

  cohort_database_note_changed (self, table);
}

static void
emit_changed (CohortDatabase *self)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (g_hash_table_size (self->changed_tables) == 0)
    return;

  tables = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (notified_tables); i++)
    if (g_hash_table_contains (self->changed_tables, notified_tables[i]))
      g_ptr_array_add (tables, (gpointer) notified_tables[i]);
  g_ptr_array_add (tables, NULL);
  g_hash_table_remove_all (self->changed_tables);

  g_signal_emit (self, signals[CHANGED], 0, (const char * const *) tables->pdata);
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return COHORT_DATABASE_ERROR_LOCKED;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return COHORT_DATABASE_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
      return COHORT_DATABASE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return COHORT_DATABASE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return COHORT_DATABASE_ERROR_FULL;
    case SQLITE_CONSTRAINT:
      return COHORT_DATABASE_ERROR_CONSTRAINT;
    default:
      return COHORT_DATABASE_ERROR_FAILED;
    }
}

static char *
message_for_sqlite (int         rc,
                    const char *path,
                    const char *detail)
{
  g_autofree char *display = g_filename_display_name (path ? path : "");

  switch (error_code_for_sqlite (rc))
    {
    case COHORT_DATABASE_ERROR_LOCKED:
      return g_strdup_printf (_("The database “%s” is busy in another program; "
                                "try again when that program has finished"), display);
    case COHORT_DATABASE_ERROR_READ_ONLY:
      return g_strdup_printf (_("The database “%s” cannot be written: "
                                "the file or its folder is read-only"), display);
    case COHORT_DATABASE_ERROR_NOT_A_DATABASE:
      return g_strdup_printf (_("“%s” is not a database"), display);
    case COHORT_DATABASE_ERROR_CORRUPT:
      return g_strdup_printf (_("The database “%s” is damaged; restore it from a backup"),
                              display);
    case COHORT_DATABASE_ERROR_FULL:
      return g_strdup_printf (_("The disk holding “%s” is full; nothing was saved"), display);
    default:
      return g_strdup_printf (_("The database “%s” reported an error: %s"), display,
                              detail ? detail : sqlite3_errstr (rc));
    }
}

gboolean
cohort_database_set_error (CohortDatabase  *self,
                           int              rc,
                           GError         **error)
{
  g_autofree char *message = NULL;
  const char *detail = self->handle ? sqlite3_errmsg (self->handle) : NULL;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    message = g_strdup (detail ? detail : sqlite3_errstr (rc));
  else
    message = message_for_sqlite (rc, self->path, detail);

  g_set_error_literal (error, COHORT_DATABASE_ERROR, error_code_for_sqlite (rc), message);
  return FALSE;
}

static gboolean
query_int (CohortDatabase  *self,
           const char      *sql,
           gint64          *out_value,
           GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  return TRUE;
}

static gint64
read_data_version (CohortDatabase *self)
{
  gint64 version = 0;

  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return -1;

  return version;
}

static gboolean
on_watch_timeout_cb (gpointer user_data)
{
  CohortDatabase *self = user_data;

  cohort_database_check_external_changes (self);

  return G_SOURCE_CONTINUE;
}

static void
cohort_database_dispose (GObject *object)
{
  CohortDatabase *self = (CohortDatabase *)object;

  g_clear_handle_id (&self->watch_source_id, g_source_remove);

  G_OBJECT_CLASS (cohort_database_parent_class)->dispose (object);
}

static void
cohort_database_finalize (GObject *object)
{
  CohortDatabase *self = (CohortDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->changed_tables, g_hash_table_unref);
  if (self->handle != NULL)
    {
      if (sqlite3_close (self->handle) != SQLITE_OK)
        g_warning ("Closing %s left statements open", self->path);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup_path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (cohort_database_parent_class)->finalize (object);
}

static void
cohort_database_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CohortDatabase *self = COHORT_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_database_class_init (CohortDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cohort_database_dispose;
  object_class->finalize = cohort_database_finalize;
  object_class->get_property = cohort_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CohortDatabase::changed:
   * @self: the database
   * @tables: (array zero-terminated=1): the tables that changed, or an empty list when another
   *   process changed the file and any table may have changed
   *
   * Emitted after a commit on this connection, and when cohort_database_check_external_changes()
   * sees a commit made by another connection or process.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  /**
   * CohortDatabase::file-lost:
   * @self: the database
   *
   * Emitted once when cohort_database_check_external_changes() finds that the file this
   * database was opened from has been moved, deleted or replaced by another file: what is
   * written from now on no longer reaches the file under that name.
   */
  signals[FILE_LOST] =
    g_signal_new ("file-lost",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
cohort_database_init (CohortDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
  self->changed_tables = g_hash_table_new (g_str_hash, g_str_equal);
  self->backups_to_keep = default_backups_to_keep;

  g_mutex_lock (&default_actor_mutex);
  self->actor = g_strdup (default_actor);
  g_mutex_unlock (&default_actor_mutex);
  if (self->actor == NULL)
    self->actor = cohort_database_dup_user_actor (NULL);
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, COHORT_DATABASE_ERROR,
                   (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
                     ? COHORT_DATABASE_ERROR_READ_ONLY : COHORT_DATABASE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Looks at the file before SQLite does, so that a file that is not a database is never touched
 * (SQLite would happily write a journal beside it) and so that a new file is created private. */
static gboolean
prepare_file (const char               *path,
              CohortDatabaseOpenFlags   flags,
              GError                  **error)
{
  g_autofree char *display = g_filename_display_name (path);
  static const char header[16] = "SQLite format 3";
  char buffer[16];
  GStatBuf st;
  ssize_t n_read;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != ENOENT)
        {
          g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_FAILED,
                       _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
          return FALSE;
        }

      if (flags & (COHORT_DATABASE_OPEN_NO_CREATE | COHORT_DATABASE_OPEN_READ_ONLY))
        {
          g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_FOUND,
                       _("There is no database at “%s”"), display);
          return FALSE;
        }

      if (!ensure_folder (path, error))
        return FALSE;

      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int open_errno = errno;

          g_set_error (error, COHORT_DATABASE_ERROR,
                       (open_errno == EACCES || open_errno == EROFS || open_errno == EPERM)
                         ? COHORT_DATABASE_ERROR_READ_ONLY : COHORT_DATABASE_ERROR_FAILED,
                       _("Could not create the database “%s”: %s"), display,
                       g_strerror (open_errno));
          return FALSE;
        }
      close (fd);
      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a database file"), display);
      return FALSE;
    }

  if (st.st_size == 0)
    return TRUE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, COHORT_DATABASE_ERROR,
                   saved_errno == EACCES ? COHORT_DATABASE_ERROR_READ_ONLY
                                         : COHORT_DATABASE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = read (fd, buffer, sizeof buffer);
  close (fd);

  if (n_read != (ssize_t) sizeof buffer || memcmp (buffer, header, sizeof buffer) != 0)
    {
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Cohort database (it is not an SQLite file at all)"),
                   display);
      return FALSE;
    }

  if (!(flags & COHORT_DATABASE_OPEN_READ_ONLY))
    {
      g_autofree char *folder = g_path_get_dirname (path);

      if (g_access (path, W_OK) != 0 || g_access (folder, W_OK) != 0)
        {
          g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_READ_ONLY,
                       _("The database “%s” cannot be written: the file or its folder is "
                         "read-only"), display);
          return FALSE;
        }
    }

  return TRUE;
}

static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *migrations;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  migrations = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_isdigit (names[i][0]))
      g_ptr_array_add (migrations, g_strdup (names[i]));

  return migrations;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
migration_version (const char *name)
{
  return (int) g_ascii_strtoll (name, NULL, 10);
}

/**
 * cohort_database_get_latest_schema_version:
 *
 * Returns: the schema version this build of Cohort writes: the number of its newest migration.
 */
int
cohort_database_get_latest_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations (NULL);
  int latest = 0;

  if (migrations == NULL)
    return 0;

  for (guint i = 0; i < migrations->len; i++)
    latest = MAX (latest, migration_version (g_ptr_array_index (migrations, i)));

  return latest;
}

static gboolean
copy_aside (CohortDatabase  *self,
            int              from_version,
            GError         **error)
{
  g_autofree char *reason = g_strdup_printf ("v%d", from_version);
  g_autofree char *dest = cohort_database_make_backup (self, reason, error);

  if (dest == NULL)
    {
      g_prefix_error (error, _("Could not keep a copy of the database before upgrading it: "));
      return FALSE;
    }

  cohort_set_str (&self->migration_backup_path, dest);
  return TRUE;
}

/* What a migration needs done in C, in the same transaction as its SQL: migration 2 adds the
 * match keys, which are folded in C (SQL cannot fold Unicode), so it fills them for the people
 * already there. */
static const struct {
  int        version;
  gboolean (*step) (CohortDatabase  *self,
                    GError         **error);
} migration_steps[] = {
  { 2, cohort_store_refresh_match_keys },
};

static gboolean
run_migration_step (CohortDatabase  *self,
                    int              version,
                    GError         **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (migration_steps); i++)
    if (migration_steps[i].version == version && !migration_steps[i].step (self, error))
      {
        g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
        return FALSE;
      }

  return TRUE;
}

static gboolean
migrate (CohortDatabase  *self,
         GError         **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations (error);
  int initial_version = self->schema_version;

  if (migrations == NULL)
    return FALSE;

  g_ptr_array_sort (migrations, compare_names);

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int version = migration_version (name);
      g_autofree char *resource_path = g_strconcat (MIGRATIONS_PATH, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      gint64 written_version = 0;
      char *errmsg = NULL;
      int rc;

      if (version <= self->schema_version)
        continue;

      /* A new database has nothing to keep; one that had data is copied once. */
      if (initial_version > 0 && self->migration_backup_path == NULL &&
          !copy_aside (self, self->schema_version, error))
        return FALSE;

      bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!cohort_database_begin (self, error))
        return FALSE;

      rc = sqlite3_exec (self->handle, sql, NULL, NULL, &errmsg);
      if (rc == SQLITE_OK)
        {
          if (!query_int (self, "PRAGMA user_version", &written_version, error))
            rc = SQLITE_ERROR;
          else if (written_version != version)
            {
              rc = SQLITE_ERROR;
              g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_MIGRATION,
                           "Migration %s left the schema at version %" G_GINT64_FORMAT,
                           name, written_version);
            }
          else if (!run_migration_step (self, version, error))
            {
              rc = SQLITE_ERROR;
            }
        }
      else
        {
          g_set_error (error, COHORT_DATABASE_ERROR,
                       (rc & 0xff) == SQLITE_FULL ? COHORT_DATABASE_ERROR_FULL
                                                  : COHORT_DATABASE_ERROR_MIGRATION,
                       _("Could not upgrade the database to version %d: %s"),
                       version, errmsg ? errmsg : sqlite3_errstr (rc));
        }
      sqlite3_free (errmsg);

      if (rc != SQLITE_OK)
        {
          cohort_database_rollback (self);
          return FALSE;
        }

      if (!cohort_database_commit (self, error))
        return FALSE;

      self->schema_version = version;
      g_debug ("Upgraded %s to schema version %d", self->path, version);
    }

  return TRUE;
}

static gboolean
has_tables (CohortDatabase  *self,
            gboolean        *out_has_tables,
            GError         **error)
{
  gint64 count = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &count, error))
    return FALSE;

  *out_has_tables = count > 0;
  return TRUE;
}

/* For tests of a full disk: with COHORT_TEST_DISK_FULL set, the file may not grow beyond the
 * pages it has when opened (SQLite raises a smaller maximum to the current size), so the first
 * write that needs a new page fails as on a full disk, with SQLITE_FULL. */
static gboolean
apply_test_disk_full (CohortDatabase  *self,
                      GError         **error)
{
  const char *value = g_getenv ("COHORT_TEST_DISK_FULL");

  if (value == NULL || value[0] == '\0')
    return TRUE;

  return cohort_database_exec (self, "PRAGMA max_page_count = 1", error);
}

static void
remember_file (CohortDatabase *self)
{
  GStatBuf st;

  if (g_stat (self->path, &st) == 0)
    {
      self->file_device = (guint64) st.st_dev;
      self->file_inode = (guint64) st.st_ino;
    }
}

/* cohort_actor(): the audit triggers record its text as who made the change. */
static void
actor_function (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  CohortDatabase *self = sqlite3_user_data (context);

  sqlite3_result_text (context, self->actor != NULL ? self->actor : "", -1, SQLITE_TRANSIENT);
}

static gboolean
open_handle (CohortDatabase           *self,
             CohortDatabaseOpenFlags   flags,
             GError                  **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  gint64 application_id = 0;
  gint64 user_version = 0;
  gboolean tables = FALSE;
  int latest = cohort_database_get_latest_schema_version ();
  int open_flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc;

  open_flags |= (flags & COHORT_DATABASE_OPEN_READ_ONLY) ? SQLITE_OPEN_READONLY
                                                         : SQLITE_OPEN_READWRITE;

  rc = sqlite3_open_v2 (self->path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, (int) default_busy_timeout_msec);

  /* Not deterministic: the actor can change while the connection is open.  Innocuous, so that
   * the schema's triggers may call it whatever the connection's trusted_schema setting. */
  rc = sqlite3_create_function_v2 (self->handle, "cohort_actor", 0,
                                   SQLITE_UTF8 | SQLITE_INNOCUOUS, self, actor_function,
                                   NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  if (!(flags & COHORT_DATABASE_OPEN_READ_ONLY) && sqlite3_db_readonly (self->handle, "main") == 1)
    return cohort_database_set_error (self, SQLITE_READONLY, error);

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error) ||
      !has_tables (self, &tables, error))
    return FALSE;

  if (application_id != COHORT_APPLICATION_ID && (application_id != 0 || tables))
    {
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_COHORT,
                   _("“%s” is a database of another program, not of Cohort"), display);
      return FALSE;
    }

  if (user_version > latest)
    {
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Cohort "
                     "(schema %d, this version knows up to %d); "
                     "update Cohort to open it"),
                   display, (int) user_version, latest);
      return FALSE;
    }

  self->schema_version = (int) user_version;

  if (flags & COHORT_DATABASE_OPEN_READ_ONLY)
    {
      self->read_only = TRUE;
      if (user_version < latest && !(flags & OPEN_ANY_OLDER_VERSION))
        {
          g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NEEDS_UPGRADE,
                       _("The database “%s” must be upgraded before it can be read"), display);
          return FALSE;
        }
    }
  else
    {
      if (!cohort_database_exec (self, "PRAGMA journal_mode = WAL", error))
        return FALSE;
      if (!migrate (self, error))
        return FALSE;
    }

  if (!cohort_database_exec (self,
                             "PRAGMA foreign_keys = ON;"
                             "PRAGMA synchronous = FULL;"
                             "PRAGMA temp_store = MEMORY;",
                             error))
    return FALSE;

  if (!self->read_only && !apply_test_disk_full (self, error))
    return FALSE;

  sqlite3_update_hook (self->handle, on_update_hook_cb, self);
  self->data_version = read_data_version (self);

  return TRUE;
}

/**
 * cohort_database_open:
 * @path: the database file; created (mode 0600, in a 0700 folder) when missing
 * @flags: how to open it
 * @error: return location for a #GError
 *
 * Opens a Cohort database, upgrading its schema to the newest version (each migration in one
 * transaction, after a copy of the file is kept beside it).  A file that is not an SQLite
 * database, a database of another program, a database from a newer Cohort and a read-only
 * file are refused with a #CohortDatabaseError and left exactly as they were.
 *
 * Returns: (transfer full): the open database, or %NULL with @error set.
 */
CohortDatabase *
cohort_database_open (const char               *path,
                      CohortDatabaseOpenFlags   flags,
                      GError                  **error)
{
  g_autoptr(CohortDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_file (path, flags, error))
    return NULL;

  self = g_object_new (COHORT_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!open_handle (self, flags, error))
    return NULL;

  remember_file (self);

  return g_steal_pointer (&self);
}

/**
 * cohort_database_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/org.peacetraining.Cohort/cohort.db`
 */
char *
cohort_database_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "cohort.db", NULL);
}

const char *
cohort_database_get_path (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
cohort_database_is_read_only (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), TRUE);

  return self->read_only;
}

int
cohort_database_get_schema_version (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * cohort_database_get_migration_backup_path:
 *
 * Returns: (nullable): the copy kept before this open upgraded the schema, if it did.
 */
const char *
cohort_database_get_migration_backup_path (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);

  return self->migration_backup_path;
}

void
cohort_database_set_busy_timeout (CohortDatabase *self,
                                  guint           msec)
{
  g_return_if_fail (COHORT_IS_DATABASE (self));

  sqlite3_busy_timeout (self->handle, (int) MIN (msec, G_MAXINT));
}

/**
 * cohort_database_set_default_busy_timeout:
 * @msec: how long a new connection waits for another writer before giving up
 *
 * Sets the wait for connections opened from now on (5 s unless changed; tests shorten it).
 */
void
cohort_database_set_default_busy_timeout (guint msec)
{
  default_busy_timeout_msec = MIN (msec, (guint) G_MAXINT);
}

/**
 * cohort_database_dup_user_actor:
 * @face: (nullable): how the user works with the database: "window", "command line: import"
 *
 * Returns: (transfer full): the user who runs this process, as the audit log names them: the
 *   login name, after the real name when the system knows it, and the face in brackets:
 *   "Amina Diallo — amina (window)", or "amina (window)"
 */
char *
cohort_database_dup_user_actor (const char *face)
{
  const char *login = g_get_user_name ();
  const char *real_name = g_get_real_name ();
  g_autofree char *who = NULL;

  /* GLib says "Unknown" when the system has no real name for the user. */
  if (real_name != NULL && real_name[0] != '\0' && strcmp (real_name, "Unknown") != 0 &&
      strcmp (real_name, login) != 0)
    who = g_strdup_printf ("%s — %s", real_name, login);
  else
    who = g_strdup (login);

  if (face == NULL || face[0] == '\0')
    return g_steal_pointer (&who);

  return g_strdup_printf ("%s (%s)", who, face);
}

/**
 * cohort_database_set_default_actor:
 * @actor: (nullable): who writes through the connections opened from now on, or %NULL for the
 *   user without a face (cohort_database_dup_user_actor() of %NULL)
 *
 * The window and the command line call it once at start, with
 * cohort_database_dup_user_actor() and their face, so that every connection they open, the
 * workers' too, names them in the audit log.
 */
void
cohort_database_set_default_actor (const char *actor)
{
  g_mutex_lock (&default_actor_mutex);
  g_free (default_actor);
  default_actor = g_strdup (actor);
  g_mutex_unlock (&default_actor_mutex);
}

/**
 * cohort_database_set_actor:
 * @actor: who makes the changes written through this connection from now on
 *
 * The audit log records @actor with each change (the triggers read it through the SQL
 * function `cohort_actor()`).  It names a member of staff, not the person a record is about,
 * so anonymising or erasing a person keeps it.
 */
void
cohort_database_set_actor (CohortDatabase *self,
                           const char     *actor)
{
  g_return_if_fail (COHORT_IS_DATABASE (self));
  g_return_if_fail (actor != NULL);

  cohort_set_str (&self->actor, actor);
}

/**
 * cohort_database_get_actor:
 *
 * Returns: who the audit log names for the changes written through this connection
 */
const char *
cohort_database_get_actor (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);

  return self->actor;
}

sqlite3 *
cohort_database_get_handle (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * cohort_database_exec:
 * @sql: one or more statements without parameters (fixed SQL text only)
 *
 * Runs SQL that takes no values.  Anything with a value goes through cohort_database_prepare().
 */
gboolean
cohort_database_exec (CohortDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  int rc;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  if (self->transaction_depth == 0)
    emit_changed (self);

  return TRUE;
}

/**
 * cohort_database_prepare:
 * @sql: a statement; the same text always gives the same prepared statement
 *
 * Returns a statement prepared once per connection and cached, reset and with its bindings
 * cleared.  It belongs to the database: do not free it, and do not use the same text again until
 * this use has finished stepping.
 *
 * Returns: (transfer none): the statement, or %NULL with @error set.
 */
CohortStatement *
cohort_database_prepare (CohortDatabase  *self,
                         const char      *sql,
                         GError         **error)
{
  CohortStatement *stmt;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      sqlite3_stmt *handle = NULL;
      int rc;

      rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &handle, NULL);
      if (rc != SQLITE_OK)
        {
          cohort_database_set_error (self, rc, error);
          return NULL;
        }

      stmt = g_new0 (CohortStatement, 1);
      stmt->db = self;
      stmt->stmt = handle;
      g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (handle), stmt);
    }

  cohort_statement_reset (stmt);

  return stmt;
}

void
cohort_database_note_changed (CohortDatabase *self,
                              const char     *table)
{
  const char *interned = intern_notified_table (table);

  if (interned != NULL)
    g_hash_table_add (self->changed_tables, (gpointer) interned);
}

gint64
cohort_database_last_insert_id (CohortDatabase *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

int
cohort_database_changes (CohortDatabase *self)
{
  return sqlite3_changes (self->handle);
}

/* Runs one statement that returns no row, prepared once: a savepoint is opened and released
 * around every record an import writes. */
static int
exec_prepared (CohortDatabase *self,
               const char     *sql)
{
  CohortStatement *stmt = cohort_database_prepare (self, sql, NULL);
  int rc;

  if (stmt == NULL)
    return sqlite3_errcode (self->handle);

  rc = sqlite3_step (stmt->stmt);
  sqlite3_reset (stmt->stmt);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/**
 * cohort_database_begin:
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`, so that a second writer waits at the start
 * rather than failing half-way), or a savepoint inside one already open.
 */
gboolean
cohort_database_begin (CohortDatabase  *self,
                       GError         **error)
{
  int rc;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  if (self->transaction_depth == 0)
    rc = sqlite3_exec (self->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  else
    rc = exec_prepared (self, "SAVEPOINT cohort_nested");

  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  self->transaction_depth++;
  return TRUE;
}

/**
 * cohort_database_commit:
 *
 * Commits the innermost transaction.  When the outermost one commits, #CohortDatabase::changed
 * is emitted with the tables it wrote.  On failure the transaction is rolled back.
 */
gboolean
cohort_database_commit (CohortDatabase  *self,
                        GError         **error)
{
  int rc;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    rc = sqlite3_exec (self->handle, "COMMIT", NULL, NULL, NULL);
  else
    rc = exec_prepared (self, "RELEASE cohort_nested");

  if (rc != SQLITE_OK)
    {
      cohort_database_set_error (self, rc, error);
      cohort_database_rollback (self);
      return FALSE;
    }

  self->transaction_depth--;
  if (self->transaction_depth == 0)
    emit_changed (self);

  return TRUE;
}

/**
 * cohort_database_rollback:
 *
 * Rolls back the innermost transaction.  Rolling back the outermost one forgets the changed
 * tables: nothing changed.
 */
void
cohort_database_rollback (CohortDatabase *self)
{
  g_return_if_fail (COHORT_IS_DATABASE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    {
      if (sqlite3_get_autocommit (self->handle) == 0)
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->changed_tables);
    }
  else
    {
      exec_prepared (self, "ROLLBACK TO cohort_nested");
      exec_prepared (self, "RELEASE cohort_nested");
    }

  self->transaction_depth--;
}

gboolean
cohort_database_in_transaction (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  return self->transaction_depth > 0;
}

static gboolean
exec_in_transaction (CohortDatabase  *self,
                     const char      *sql,
                     GError         **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  return TRUE;
}

/**
 * cohort_database_defer_search_index:
 *
 * Inside a transaction: from now on, the people, courses and organisations added or changed are
 * noted rather than indexed for search one by one; cohort_database_update_search_index() indexes
 * them all at once, and must be called before the transaction commits.  SQLite's full-text index
 * writes out what it holds after every statement of a transaction, so a large import that writes
 * row by row is many times faster this way (see schema version 5).  A rollback forgets both.
 */
gboolean
cohort_database_defer_search_index (CohortDatabase  *self,
                                    GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return exec_in_transaction (self, "INSERT OR IGNORE INTO search_deferral (id) VALUES (1)",
                              error);
}

/* One statement per index, each reading what to index from the views of schema version 5.  An
 * organisation's people are indexed with its name, so they follow it. */
static const char update_search_index_sql[] =
  "DELETE FROM search_deferral;"
  "DELETE FROM organisation_fts WHERE rowid IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'organisation');"
  "INSERT INTO organisation_fts (rowid, name, acronym, city) "
  "  SELECT id, name, acronym, city FROM organisation_search WHERE id IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'organisation');"
  "INSERT OR IGNORE INTO search_pending (table_name, row_id) "
  "  SELECT 'person', id FROM person WHERE affiliation_id IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'organisation');"
  "DELETE FROM person_fts WHERE rowid IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'person');"
  "INSERT INTO person_fts (rowid, name, name_local, email, organisation) "
  "  SELECT id, name, name_local, email, organisation FROM person_search WHERE id IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'person');"
  "DELETE FROM course_fts WHERE rowid IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'course');"
  "INSERT INTO course_fts (rowid, code, title, description, subject) "
  "  SELECT id, code, title, description, subject FROM course_search WHERE id IN "
  "  (SELECT row_id FROM search_pending WHERE table_name = 'course');"
  "DELETE FROM search_pending;";

/**
 * cohort_database_update_search_index:
 *
 * Indexes for search the rows noted since cohort_database_defer_search_index(), and goes back
 * to indexing each row as it is written.  Does nothing when indexing was not deferred.
 */
gboolean
cohort_database_update_search_index (CohortDatabase  *self,
                                     GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  return exec_in_transaction (self, update_search_index_sql, error);
}

/**
 * cohort_database_backup_to:
 * @dest_path: where to write the copy; replaced if it exists
 *
 * Copies the database with SQLite's online backup, consistent even while others write.  The
 * copy is written beside @dest_path first and renamed into place, so a failed backup never
 * leaves a half-written file under that name.
 */
gboolean
cohort_database_backup_to (CohortDatabase  *self,
                           const char      *dest_path,
                           GError         **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  guint n_busy = 0;
  int rc;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  display = g_filename_display_name (dest_path);
  tmp_path = g_strconcat (dest_path, ".partial", NULL);
  g_unlink (tmp_path);

  /* SQLite cannot copy from a connection in the middle of a write transaction: inside one,
   * the copy is read through a connection of its own, which sees the last committed state
   * (the state the transaction started from, as long as it has not written yet). */
  if (self->transaction_depth > 0)
    {
      rc = sqlite3_open_v2 (self->path, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            NULL);
      if (rc == SQLITE_OK)
        sqlite3_busy_timeout (source, (int) default_busy_timeout_msec);
    }
  else
    {
      rc = SQLITE_OK;
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (tmp_path, &dest,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                          NULL);
  if (rc == SQLITE_OK)
    {
      g_chmod (tmp_path, 0600);
      backup = sqlite3_backup_init (dest, "main", source ? source : self->handle, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          /* Another writer only delays a step; give up if it never lets go. */
          do
            {
              rc = sqlite3_backup_step (backup, 1024);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (10);
            }
          while (rc == SQLITE_OK ||
                 ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++n_busy < 1000));
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  sqlite3_close (dest);
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp_path);
      g_set_error (error, COHORT_DATABASE_ERROR, error_code_for_sqlite (rc),
                   _("Could not write the backup “%s”: %s"), display, sqlite3_errstr (rc));
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * cohort_database_check_external_changes:
 *
 * Asks SQLite whether another connection (another process, such as the command line while
 * the window is open) has committed since the last look, and if so emits
 * #CohortDatabase::changed with an empty list of tables.
 *
 * It also looks at the file itself: when it has been moved, deleted or replaced since it was
 * opened, #CohortDatabase::file-lost is emitted (once).
 *
 * Returns: %TRUE if something changed elsewhere
 */
gboolean
cohort_database_check_external_changes (CohortDatabase *self)
{
  const char * const no_tables[] = { NULL };
  gint64 version;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  if (!self->file_lost && self->file_inode != 0)
    {
      GStatBuf st;

      if (g_stat (self->path, &st) != 0 ||
          (guint64) st.st_dev != self->file_device || (guint64) st.st_ino != self->file_inode)
        {
          self->file_lost = TRUE;
          g_signal_emit (self, signals[FILE_LOST], 0);
        }
    }

  if (self->transaction_depth > 0)
    return FALSE;

  version = read_data_version (self);
  if (version < 0 || version == self->data_version)
    return FALSE;

  self->data_version = version;
  g_signal_emit (self, signals[CHANGED], 0, no_tables);

  return TRUE;
}

/**
 * cohort_database_watch:
 * @interval_msec: how often to look, or 0 to stop
 *
 * Calls cohort_database_check_external_changes() periodically from the thread-default main
 * context, so that open views notice what other processes write.
 */
void
cohort_database_watch (CohortDatabase *self,
                       guint           interval_msec)
{
  g_return_if_fail (COHORT_IS_DATABASE (self));

  g_clear_handle_id (&self->watch_source_id, g_source_remove);
  if (interval_msec > 0)
    self->watch_source_id = g_timeout_add (interval_msec, on_watch_timeout_cb, self);
}

/**
 * cohort_database_is_file_lost:
 *
 * Returns: %TRUE once cohort_database_check_external_changes() has found the file moved,
 *   deleted or replaced (see #CohortDatabase::file-lost)
 */
gboolean
cohort_database_is_file_lost (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  return self->file_lost;
}

static gboolean
query_text (CohortDatabase  *self,
            const char      *sql,
            char           **out_text,
            GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_text = NULL;
  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    return cohort_database_set_error (self, rc, error);

  return TRUE;
}

/**
 * cohort_database_check_integrity:
 *
 * Runs SQLite's `PRAGMA integrity_check` over the whole file.
 *
 * Returns: %TRUE if the file is sound; %FALSE with %COHORT_DATABASE_ERROR_CORRUPT (saying
 *   what SQLite found first) or another error if it could not be checked
 */
gboolean
cohort_database_check_integrity (CohortDatabase  *self,
                                 GError         **error)
{
  g_autofree char *result = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  if (!query_text (self, "PRAGMA integrity_check", &result, error))
    return FALSE;

  if (g_strcmp0 (result, "ok") == 0)
    return TRUE;

  display = g_filename_display_name (self->path);
  g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_CORRUPT,
               _("The database “%s” is damaged (%s); restore it from a backup"), display,
               result ? result : "?");
  return FALSE;
}

/* Backups */

/**
 * cohort_database_dup_backups_folder:
 *
 * Returns: (transfer full): the folder where the copies made before an upgrade, an import or a
 *   restore are kept: `backups` beside the database file
 */
char *
cohort_database_dup_backups_folder (CohortDatabase *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);

  folder = g_path_get_dirname (self->path);
  return g_build_filename (folder, BACKUPS_FOLDER, NULL);
}

guint
cohort_database_get_backups_to_keep (CohortDatabase *self)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (self), 0);

  return self->backups_to_keep;
}

/**
 * cohort_database_set_backups_to_keep:
 * @n_backups: how many of this database's automatic backups to keep (at least 1)
 *
 * When cohort_database_make_backup() has written a new copy, the oldest beyond @n_backups are
 * removed.
 */
void
cohort_database_set_backups_to_keep (CohortDatabase *self,
                                     guint           n_backups)
{
  g_return_if_fail (COHORT_IS_DATABASE (self));
  g_return_if_fail (n_backups > 0);

  self->backups_to_keep = n_backups;
}

/**
 * cohort_database_set_default_backups_to_keep:
 * @n_backups: at least 1
 *
 * Sets cohort_database_get_backups_to_keep() of the databases opened from now on, including
 * the copy kept when opening upgrades a database (%COHORT_DATABASE_DEFAULT_BACKUPS_TO_KEEP
 * unless changed; the window and the command line pass the `backups-to-keep` setting).
 */
void
cohort_database_set_default_backups_to_keep (guint n_backups)
{
  g_return_if_fail (n_backups > 0);

  default_backups_to_keep = n_backups;
}

typedef struct
{
  char   *path;
  gint64  mtime_usec;
} BackupFile;

static void
backup_file_clear (gpointer data)
{
  BackupFile *file = data;

  g_free (file->path);
}

static int
compare_backup_files (gconstpointer a,
                      gconstpointer b)
{
  const BackupFile *fa = a;
  const BackupFile *fb = b;

  gsize la = strlen (fa->path);
  gsize lb = strlen (fb->path);

  /* Newest first.  Copies made within the clock's resolution are told apart by the counter
   * that ends the later names: NAME.bak, then NAME-2.bak, …, NAME-10.bak. */
  if (fa->mtime_usec != fb->mtime_usec)
    return fa->mtime_usec < fb->mtime_usec ? 1 : -1;
  if (la != lb)
    return la < lb ? 1 : -1;

  return -strcmp (fa->path, fb->path);
}

static gint64
stat_mtime_usec (const GStatBuf *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

/* This database's automatic backups in @folder, newest first; with @remove_stale, copies that a
 * killed process left half-written long ago are removed on the way.  Files of other databases
 * in the folder are left alone. */
static GArray *
collect_backups (const char *folder,
                 const char *prefix,
                 gboolean    remove_stale)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GArray *files = g_array_new (FALSE, FALSE, sizeof (BackupFile));
  gint64 now = g_get_real_time ();
  const char *name;

  g_array_set_clear_func (files, backup_file_clear);
  if (dir == NULL)
    return files;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (g_str_has_suffix (name, ".bak"))
        {
          BackupFile file = { g_steal_pointer (&path), stat_mtime_usec (&st) };

          g_array_append_val (files, file);
        }
      else if (remove_stale && g_str_has_suffix (name, ".bak.partial") &&
               now - stat_mtime_usec (&st) > STALE_PARTIAL_USEC)
        {
          g_unlink (path);
        }
    }

  g_array_sort (files, compare_backup_files);

  return files;
}

/* Removes this database's automatic backups beyond the newest @keep, and copies that a killed
 * process left half-written long ago. */
static void
prune_backups (const char *folder,
               const char *prefix,
               guint       keep)
{
  g_autoptr(GArray) files = collect_backups (folder, prefix, TRUE);

  for (guint i = keep; i < files->len; i++)
    {
      BackupFile *file = &g_array_index (files, BackupFile, i);

      if (g_unlink (file->path) == 0)
        g_debug ("Removed the old backup %s", file->path);
    }
}

/**
 * cohort_database_list_backups:
 *
 * Returns: (transfer full): the paths of this database's automatic backups in its backups
 *   folder (see cohort_database_make_backup()), newest first; empty when there are none
 */
GStrv
cohort_database_list_backups (CohortDatabase *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GArray) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);

  folder = cohort_database_dup_backups_folder (self);
  base = g_path_get_basename (self->path);
  prefix = g_strconcat (base, ".", NULL);
  files = collect_backups (folder, prefix, FALSE);
  for (guint i = 0; i < files->len; i++)
    g_strv_builder_add (builder, g_array_index (files, BackupFile, i).path);

  return g_strv_builder_end (builder);
}

/**
 * cohort_database_make_backup:
 * @reason: what the copy is kept before, in the file name: `v3` (an upgrade from schema 3),
 *   `import`, `restore`
 *
 * Copies the database with cohort_database_backup_to() into the backups folder (see
 * cohort_database_dup_backups_folder(), created private when missing), as
 * `NAME.REASON-YYYYMMDDTHHMMSS.mmm.bak` (UTC), then removes this database's oldest automatic
 * backups beyond cohort_database_get_backups_to_keep().  Inside a transaction, the copy is the
 * database as that transaction sees it.
 *
 * Returns: (transfer full): the path of the copy, or %NULL with @error set
 */
char *
cohort_database_make_backup (CohortDatabase  *self,
                             const char      *reason,
                             GError         **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *date_part = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (COHORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (reason != NULL && strchr (reason, G_DIR_SEPARATOR) == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder = cohort_database_dup_backups_folder (self);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, COHORT_DATABASE_ERROR,
                   (saved_errno == EACCES || saved_errno == EROFS || saved_errno == EPERM)
                     ? COHORT_DATABASE_ERROR_READ_ONLY
                     : saved_errno == ENOSPC ? COHORT_DATABASE_ERROR_FULL
                                             : COHORT_DATABASE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }

  base = g_path_get_basename (self->path);
  prefix = g_strconcat (base, ".", NULL);
  /* To the millisecond, so that a name is not used again after pruning removed it. */
  date_part = g_date_time_format (now, "%Y%m%dT%H%M%S");
  stamp = g_strdup_printf ("%s.%03d", date_part, g_date_time_get_microsecond (now) / 1000);
  for (guint n = 1; dest == NULL || g_file_test (dest, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = NULL;

      g_free (dest);
      if (n == 1)
        name = g_strdup_printf ("%s%s-%s.bak", prefix, reason, stamp);
      else
        name = g_strdup_printf ("%s%s-%s-%u.bak", prefix, reason, stamp, n);
      dest = g_build_filename (folder, name, NULL);
    }

  if (!cohort_database_backup_to (self, dest, error))
    return NULL;

  prune_backups (folder, prefix, self->backups_to_keep);

  return g_steal_pointer (&dest);
}

static CohortDatabase *
open_source (const char  *path,
             GError     **error)
{
  g_autoptr(CohortDatabase) source = NULL;
  g_autofree char *display = NULL;

  if (!prepare_file (path, COHORT_DATABASE_OPEN_READ_ONLY, error))
    return NULL;

  source = g_object_new (COHORT_TYPE_DATABASE, NULL);
  source->path = g_strdup (path);

  if (!open_handle (source, COHORT_DATABASE_OPEN_READ_ONLY | OPEN_ANY_OLDER_VERSION, error))
    return NULL;

  /* An empty file, or an SQLite file without Cohort's tables, holds nothing to restore. */
  if (source->schema_version < 1)
    {
      display = g_filename_display_name (path);
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_COHORT,
                   _("“%s” is not a Cohort database"), display);
      return NULL;
    }

  return g_steal_pointer (&source);
}

/**
 * cohort_database_open_backup:
 * @path: a copy of a Cohort database
 *
 * Opens a copy to look at before restoring it: read-only, and whatever the age of its schema
 * (queries written for the newest schema may fail on an older one).  A file that is not a
 * Cohort database, or is from a newer Cohort, is refused as cohort_database_open() refuses it.
 *
 * Returns: (transfer full): the copy, or %NULL with @error set
 */
CohortDatabase *
cohort_database_open_backup (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_source (path, error);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * cohort_database_restore_from:
 * @source_path: a copy of a Cohort database (a backup)
 * @out_kept: (out) (optional) (transfer full): where the data it replaced was kept
 *
 * Replaces everything in the database with the content of @source_path.  The source is
 * checked first as cohort_database_open() checks a file (a file that is not a Cohort database
 * or comes from a newer Cohort is refused, and nothing changes); then the database is copied
 * into the backups folder (cohort_database_make_backup() with reason `restore`), and the
 * source is copied in with SQLite's online backup, into this open connection, so that other
 * connections to the file see the restored data at their next read.  A copy from an older
 * Cohort is upgraded.  #CohortDatabase::changed is emitted with an empty list of tables.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_database_restore_from (CohortDatabase  *self,
                              const char      *source_path,
                              char           **out_kept,
                              GError         **error)
{
  const char * const no_tables[] = { NULL };
  g_autoptr(CohortDatabase) source = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *display = NULL;
  gint64 user_version = 0;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->transaction_depth == 0, FALSE);

  display = g_filename_display_name (source_path);

  if (self->read_only)
    return cohort_database_set_error (self, SQLITE_READONLY, error);

  if (same_file (source_path, self->path))
    {
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_FAILED,
                   _("“%s” is the database itself; choose a backup to restore"), display);
      return FALSE;
    }

  source = open_source (source_path, error);
  if (source == NULL)
    return FALSE;

  backup_path = cohort_database_make_backup (self, "restore", error);
  if (backup_path == NULL)
    {
      g_prefix_error (error, _("Nothing was restored: could not keep a copy of the database "
                               "first: "));
      return FALSE;
    }

  backup = sqlite3_backup_init (self->handle, "main", source->handle, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (self->handle);
    }
  else
    {
      /* The busy timeout of this connection applies to each step. */
      do
        rc = sqlite3_backup_step (backup, -1);
      while (rc == SQLITE_OK);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_backup_finish (backup);
    }

  if (rc != SQLITE_OK)
    {
      cohort_database_set_error (self, rc, error);
      g_prefix_error (error, _("Could not restore “%s”: "), display);
      return FALSE;
    }

  /* The copy is a file of its own, not in WAL mode; this one stays in WAL mode. */
  if (!cohort_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !query_int (self, "PRAGMA user_version", &user_version, error))
    return FALSE;

  self->schema_version = (int) user_version;
  g_clear_pointer (&self->migration_backup_path, g_free);
  if (!migrate (self, error))
    return FALSE;

  if (out_kept != NULL)
    *out_kept = g_steal_pointer (&backup_path);

  self->data_version = read_data_version (self);
  g_hash_table_remove_all (self->changed_tables);
  g_signal_emit (self, signals[CHANGED], 0, no_tables);

  return TRUE;
}

/* Privacy */

/**
 * cohort_database_is_private:
 * @file_shared: (out) (optional): whether other users may read or write the file
 * @dir_shared: (out) (optional): whether other users may list or write its folder
 *
 * The file holds personal data: it should be readable by its owner alone (0600) in a folder
 * that others can neither list nor write (0700, or 0711).
 *
 * Returns: %TRUE if both the file and its folder are private
 */
gboolean
cohort_database_is_private (CohortDatabase *self,
                            gboolean       *file_shared,
                            gboolean       *dir_shared)
{
  g_autofree char *folder = NULL;
  gboolean is_file_shared = FALSE;
  gboolean is_dir_shared = FALSE;
  GStatBuf st;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  folder = g_path_get_dirname (self->path);
  if (g_stat (self->path, &st) == 0)
    is_file_shared = (st.st_mode & 0077) != 0;
  if (g_stat (folder, &st) == 0)
    is_dir_shared = (st.st_mode & 0066) != 0;

  if (file_shared != NULL)
    *file_shared = is_file_shared;
  if (dir_shared != NULL)
    *dir_shared = is_dir_shared;

  return !is_file_shared && !is_dir_shared;
}

static gboolean
make_mode_private (const char  *path,
                   mode_t       remove,
                   gboolean     must_exist,
                   GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = NULL;

      if (!must_exist && saved_errno == ENOENT)
        return TRUE;

      display = g_filename_display_name (path);
      g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_FAILED,
                   _("Could not make “%s” private: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if ((st.st_mode & remove) == 0)
    return TRUE;

  if (g_chmod (path, (int) (st.st_mode & 07777 & ~remove)) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, COHORT_DATABASE_ERROR,
                   saved_errno == EPERM || saved_errno == EROFS
                     ? COHORT_DATABASE_ERROR_READ_ONLY : COHORT_DATABASE_ERROR_FAILED,
                   _("Could not make “%s” private: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * cohort_database_make_private:
 *
 * Makes the database file, its journal files and its backups readable by their owner alone,
 * and its folder and backups folder closed to other users (see cohort_database_is_private()).
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_database_make_private (CohortDatabase  *self,
                              GError         **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *folder = NULL;
  g_autofree char *backups = NULL;

  g_return_val_if_fail (COHORT_IS_DATABASE (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);

      if (!make_mode_private (path, 0077, i == 0, error))
        return FALSE;
    }

  folder = g_path_get_dirname (self->path);
  if (!make_mode_private (folder, 0077, TRUE, error))
    return FALSE;

  backups = cohort_database_dup_backups_folder (self);
  if (!make_mode_private (backups, 0077, FALSE, error))
    return FALSE;

  return TRUE;
}

/* Statements */

static int
parameter_index (CohortStatement *stmt,
                 const char      *name)
{
  int index = sqlite3_bind_parameter_index (stmt->stmt, name);

  if (index == 0)
    g_critical ("Statement has no parameter %s: %s", name, sqlite3_sql (stmt->stmt));

  return index;
}

void
cohort_statement_bind_text (CohortStatement *stmt,
                            const char      *name,
                            const char      *value)
{
  int index = parameter_index (stmt, name);

  if (index == 0)
    return;

  if (value == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else
    sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
cohort_statement_bind_int64 (CohortStatement *stmt,
                             const char      *name,
                             gint64           value)
{
  int index = parameter_index (stmt, name);

  if (index != 0)
    sqlite3_bind_int64 (stmt->stmt, index, value);
}

/* Ids start at 1: 0 means "none" and binds NULL. */
void
cohort_statement_bind_id (CohortStatement *stmt,
                          const char      *name,
                          gint64           id)
{
  if (id <= 0)
    cohort_statement_bind_null (stmt, name);
  else
    cohort_statement_bind_int64 (stmt, name, id);
}

void
cohort_statement_bind_double (CohortStatement *stmt,
                              const char      *name,
                              double           value)
{
  int index = parameter_index (stmt, name);

  if (index != 0)
    sqlite3_bind_double (stmt->stmt, index, value);
}

void
cohort_statement_bind_null (CohortStatement *stmt,
                            const char      *name)
{
  int index = parameter_index (stmt, name);

  if (index != 0)
    sqlite3_bind_null (stmt->stmt, index);
}

/**
 * cohort_statement_bind_object:
 * @object: a model object
 *
 * Binds each `:column_name` parameter of @stmt from @object's property `column-name`.  Strings
 * bind as text (%NULL and "" as NULL); integer properties bind 0 as NULL (ids, ranks, years and
 * capacities start at 1).  A parameter without a property is left for the caller to bind.
 */
void
cohort_statement_bind_object (CohortStatement *stmt,
                              GObject         *object)
{
  const CohortProperties *columns = cohort_properties_for_type (G_OBJECT_TYPE (object));
  int n = sqlite3_bind_parameter_count (stmt->stmt);

  for (int i = 1; i <= n; i++)
    {
      const char *param = sqlite3_bind_parameter_name (stmt->stmt, i);
      g_auto(GValue) value = G_VALUE_INIT;
      GParamSpec *pspec;

      if (param == NULL || param[0] != ':')
        continue;

      pspec = cohort_properties_find (columns, param + 1);
      if (pspec == NULL || !(pspec->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, pspec->value_type);
      cohort_properties_get_value (object, pspec, &value);

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          {
            const char *str = g_value_get_string (&value);

            if (str == NULL || str[0] == '\0')
              sqlite3_bind_null (stmt->stmt, i);
            else
              sqlite3_bind_text (stmt->stmt, i, str, -1, SQLITE_TRANSIENT);
          }
          break;

        case G_TYPE_INT64:
          if (g_value_get_int64 (&value) == 0)
            sqlite3_bind_null (stmt->stmt, i);
          else
            sqlite3_bind_int64 (stmt->stmt, i, g_value_get_int64 (&value));
          break;

        case G_TYPE_INT:
          if (g_value_get_int (&value) == 0)
            sqlite3_bind_null (stmt->stmt, i);
          else
            sqlite3_bind_int (stmt->stmt, i, g_value_get_int (&value));
          break;

        case G_TYPE_UINT:
          if (g_value_get_uint (&value) == 0)
            sqlite3_bind_null (stmt->stmt, i);
          else
            sqlite3_bind_int64 (stmt->stmt, i, g_value_get_uint (&value));
          break;

        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (stmt->stmt, i, g_value_get_boolean (&value) ? 1 : 0);
          break;

        case G_TYPE_DOUBLE:
          sqlite3_bind_double (stmt->stmt, i, g_value_get_double (&value));
          break;

        default:
          g_critical ("Cannot bind property %s of type %s", pspec->name,
                      g_type_name (pspec->value_type));
        }
    }
}

/**
 * cohort_statement_step:
 * @out_has_row: (out): %TRUE when a row is ready, %FALSE when the statement is done
 *
 * Returns: %FALSE with @error set on failure, %TRUE otherwise.
 */
gboolean
cohort_statement_step (CohortStatement  *stmt,
                       gboolean         *out_has_row,
                       GError          **error)
{
  int rc = sqlite3_step (stmt->stmt);

  if (rc == SQLITE_ROW)
    {
      *out_has_row = TRUE;
      return TRUE;
    }

  *out_has_row = FALSE;

  if (rc == SQLITE_DONE)
    return TRUE;

  cohort_database_set_error (stmt->db, rc, error);
  sqlite3_reset (stmt->stmt);
  return FALSE;
}

/**
 * cohort_statement_execute:
 *
 * Runs @stmt to completion and resets it.  Outside a transaction, a write notifies
 * #CohortDatabase::changed at once.
 */
gboolean
cohort_statement_execute (CohortStatement  *stmt,
                          GError          **error)
{
  gboolean has_row = TRUE;

  while (has_row)
    if (!cohort_statement_step (stmt, &has_row, error))
      return FALSE;

  sqlite3_reset (stmt->stmt);

  if (stmt->db->transaction_depth == 0)
    emit_changed (stmt->db);

  return TRUE;
}

void
cohort_statement_reset (CohortStatement *stmt)
{
  sqlite3_reset (stmt->stmt);
  sqlite3_clear_bindings (stmt->stmt);
}

int
cohort_statement_get_n_columns (CohortStatement *stmt)
{
  return sqlite3_column_count (stmt->stmt);
}

const char *
cohort_statement_get_column_name (CohortStatement *stmt,
                                  int              column)
{
  return sqlite3_column_name (stmt->stmt, column);
}

gboolean
cohort_statement_is_null (CohortStatement *stmt,
                          int              column)
{
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

const char *
cohort_statement_get_text (CohortStatement *stmt,
                           int              column)
{
  return (const char *) sqlite3_column_text (stmt->stmt, column);
}

gint64
cohort_statement_get_int64 (CohortStatement *stmt,
                            int              column)
{
  return sqlite3_column_int64 (stmt->stmt, column);
}

double
cohort_statement_get_double (CohortStatement *stmt,
                             int              column)
{
  return sqlite3_column_double (stmt->stmt, column);
}

/**
 * cohort_statement_fill_object:
 * @object: a model object
 *
 * Sets each property of @object named like a column of the current row (`family_name` ->
 * `family-name`), the reverse of cohort_statement_bind_object().  Columns without a property
 * are ignored.
 */
void
cohort_statement_fill_object (CohortStatement *stmt,
                              GObject         *object)
{
  const CohortProperties *columns = cohort_properties_for_type (G_OBJECT_TYPE (object));
  int n = sqlite3_column_count (stmt->stmt);

  g_object_freeze_notify (object);

  for (int i = 0; i < n; i++)
    {
      GParamSpec *pspec = cohort_properties_find (columns,
                                                  sqlite3_column_name (stmt->stmt, i));
      gboolean is_null = sqlite3_column_type (stmt->stmt, i) == SQLITE_NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
        {
        case G_TYPE_STRING:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value,
                              is_null ? NULL : (const char *) sqlite3_column_text (stmt->stmt, i));
          break;

        case G_TYPE_INT64:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt->stmt, i));
          break;

        case G_TYPE_INT:
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, sqlite3_column_int (stmt->stmt, i));
          break;

        case G_TYPE_UINT:
          g_value_init (&value, G_TYPE_UINT);
          g_value_set_uint (&value, (guint) sqlite3_column_int64 (stmt->stmt, i));
          break;

        case G_TYPE_BOOLEAN:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt->stmt, i) != 0);
          break;

        case G_TYPE_DOUBLE:
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, sqlite3_column_double (stmt->stmt, i));
          break;

        default:
          continue;
        }

      /* A property whose type is derived (an enumeration's, say) is set as GObject would. */
      if (pspec->value_type != G_VALUE_TYPE (&value))
        g_object_set_property (object, pspec->name, &value);
      else
        cohort_properties_set_value (object, pspec, &value);
    }

  g_object_thaw_notify (object);
}
