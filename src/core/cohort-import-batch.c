/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-import-batch.h"

#include "cohort-utils.h"

/**
 * CohortImportBatch:
 *
 * One import of a file: what it was and what came of it.
 * Its properties mirror the columns of the `import_batch` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortImportBatch
{
  CohortRecord parent_instance;

  char   *file_name;
  char   *sha256;
  char   *format;
  char   *started_at;
  char   *finished_at;
  int     n_new;
  int     n_updated;
  int     n_unchanged;
  int     n_rejected;
  char   *outcome;
};

enum {
  PROP_0,
  PROP_FILE_NAME,
  PROP_SHA256,
  PROP_FORMAT,
  PROP_STARTED_AT,
  PROP_FINISHED_AT,
  PROP_N_NEW,
  PROP_N_UPDATED,
  PROP_N_UNCHANGED,
  PROP_N_REJECTED,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortImportBatch, cohort_import_batch, COHORT_TYPE_RECORD)

static void
cohort_import_batch_finalize (GObject *object)
{
  CohortImportBatch *self = (CohortImportBatch *)object;

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->started_at, g_free);
  g_clear_pointer (&self->finished_at, g_free);
  g_clear_pointer (&self->outcome, g_free);

  G_OBJECT_CLASS (cohort_import_batch_parent_class)->finalize (object);
}

static void
cohort_import_batch_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CohortImportBatch *self = COHORT_IMPORT_BATCH (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_STARTED_AT:
      g_value_set_string (value, self->started_at);
      break;

    case PROP_FINISHED_AT:
      g_value_set_string (value, self->finished_at);
      break;

    case PROP_N_NEW:
      g_value_set_int (value, self->n_new);
      break;

    case PROP_N_UPDATED:
      g_value_set_int (value, self->n_updated);
      break;

    case PROP_N_UNCHANGED:
      g_value_set_int (value, self->n_unchanged);
      break;

    case PROP_N_REJECTED:
      g_value_set_int (value, self->n_rejected);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_import_batch_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CohortImportBatch *self = COHORT_IMPORT_BATCH (object);

  switch (prop_id)
    {
    case PROP_FILE_NAME:
      cohort_import_batch_set_file_name (self, g_value_get_string (value));
      break;

    case PROP_SHA256:
      cohort_import_batch_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_FORMAT:
      cohort_import_batch_set_format (self, g_value_get_string (value));
      break;

    case PROP_STARTED_AT:
      cohort_import_batch_set_started_at (self, g_value_get_string (value));
      break;

    case PROP_FINISHED_AT:
      cohort_import_batch_set_finished_at (self, g_value_get_string (value));
      break;

    case PROP_N_NEW:
      cohort_import_batch_set_n_new (self, g_value_get_int (value));
      break;

    case PROP_N_UPDATED:
      cohort_import_batch_set_n_updated (self, g_value_get_int (value));
      break;

    case PROP_N_UNCHANGED:
      cohort_import_batch_set_n_unchanged (self, g_value_get_int (value));
      break;

    case PROP_N_REJECTED:
      cohort_import_batch_set_n_rejected (self, g_value_get_int (value));
      break;

    case PROP_OUTCOME:
      cohort_import_batch_set_outcome (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_import_batch_class_init (CohortImportBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_import_batch_finalize;
  object_class->get_property = cohort_import_batch_get_property;
  object_class->set_property = cohort_import_batch_set_property;

  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARTED_AT] =
    g_param_spec_string ("started-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FINISHED_AT] =
    g_param_spec_string ("finished-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_NEW] =
    g_param_spec_int ("n-new", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_UPDATED] =
    g_param_spec_int ("n-updated", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_UNCHANGED] =
    g_param_spec_int ("n-unchanged", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_REJECTED] =
    g_param_spec_int ("n-rejected", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_import_batch_init (CohortImportBatch *self)
{
}

CohortImportBatch *
cohort_import_batch_new (void)
{
  return g_object_new (COHORT_TYPE_IMPORT_BATCH, NULL);
}

const char *
cohort_import_batch_get_file_name (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), NULL);

  return self->file_name;
}

void
cohort_import_batch_set_file_name (CohortImportBatch *self,
                                   const char *file_name)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (cohort_set_str (&self->file_name, file_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

const char *
cohort_import_batch_get_sha256 (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), NULL);

  return self->sha256;
}

void
cohort_import_batch_set_sha256 (CohortImportBatch *self,
                                const char *sha256)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (cohort_set_str (&self->sha256, sha256))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

const char *
cohort_import_batch_get_format (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), NULL);

  return self->format;
}

void
cohort_import_batch_set_format (CohortImportBatch *self,
                                const char *format)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (cohort_set_str (&self->format, format))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

const char *
cohort_import_batch_get_started_at (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), NULL);

  return self->started_at;
}

void
cohort_import_batch_set_started_at (CohortImportBatch *self,
                                    const char *started_at)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (cohort_set_str (&self->started_at, started_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED_AT]);
}

const char *
cohort_import_batch_get_finished_at (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), NULL);

  return self->finished_at;
}

void
cohort_import_batch_set_finished_at (CohortImportBatch *self,
                                     const char *finished_at)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (cohort_set_str (&self->finished_at, finished_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED_AT]);
}

int
cohort_import_batch_get_n_new (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), 0);

  return self->n_new;
}

void
cohort_import_batch_set_n_new (CohortImportBatch *self,
                               int n_new)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (self->n_new != n_new)
    {
      self->n_new = n_new;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NEW]);
    }
}

int
cohort_import_batch_get_n_updated (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), 0);

  return self->n_updated;
}

void
cohort_import_batch_set_n_updated (CohortImportBatch *self,
                                   int n_updated)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (self->n_updated != n_updated)
    {
      self->n_updated = n_updated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UPDATED]);
    }
}

int
cohort_import_batch_get_n_unchanged (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), 0);

  return self->n_unchanged;
}

void
cohort_import_batch_set_n_unchanged (CohortImportBatch *self,
                                     int n_unchanged)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (self->n_unchanged != n_unchanged)
    {
      self->n_unchanged = n_unchanged;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNCHANGED]);
    }
}

int
cohort_import_batch_get_n_rejected (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), 0);

  return self->n_rejected;
}

void
cohort_import_batch_set_n_rejected (CohortImportBatch *self,
                                    int n_rejected)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (self->n_rejected != n_rejected)
    {
      self->n_rejected = n_rejected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REJECTED]);
    }
}

const char *
cohort_import_batch_get_outcome (CohortImportBatch *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_BATCH (self), NULL);

  return self->outcome;
}

void
cohort_import_batch_set_outcome (CohortImportBatch *self,
                                 const char *outcome)
{
  g_return_if_fail (COHORT_IS_IMPORT_BATCH (self));

  if (cohort_set_str (&self->outcome, outcome))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}
