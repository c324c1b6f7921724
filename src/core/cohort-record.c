/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-record.h"

#include "cohort-utils.h"

/**
 * CohortRecord:
 *
 * What every stored row has: an id (0 until the row is saved) and its timestamps.  The entity
 * classes (#CohortPerson, #CohortCourse, …) derive from it.
 */
typedef struct
{
  gint64  id;
  char   *created_at;
  char   *updated_at;
  char   *deleted_at;
} CohortRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CohortRecord, cohort_record, G_TYPE_OBJECT)

static void
cohort_record_finalize (GObject *object)
{
  CohortRecord *self = (CohortRecord *)object;
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);
  g_clear_pointer (&priv->deleted_at, g_free);

  G_OBJECT_CLASS (cohort_record_parent_class)->finalize (object);
}

static void
cohort_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CohortRecord *self = COHORT_RECORD (object);
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;

    case PROP_DELETED_AT:
      g_value_set_string (value, priv->deleted_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CohortRecord *self = COHORT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      cohort_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      cohort_record_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      cohort_record_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_DELETED_AT:
      cohort_record_set_deleted_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_record_class_init (CohortRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_record_finalize;
  object_class->get_property = cohort_record_get_property;
  object_class->set_property = cohort_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DELETED_AT] =
    g_param_spec_string ("deleted-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_record_init (CohortRecord *self)
{
}

gint64
cohort_record_get_id (CohortRecord *self)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_val_if_fail (COHORT_IS_RECORD (self), 0);

  return priv->id;
}

void
cohort_record_set_id (CohortRecord *self,
                      gint64        id)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_if_fail (COHORT_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
cohort_record_get_created_at (CohortRecord *self)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_val_if_fail (COHORT_IS_RECORD (self), NULL);

  return priv->created_at;
}

void
cohort_record_set_created_at (CohortRecord *self,
                              const char   *created_at)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_if_fail (COHORT_IS_RECORD (self));

  if (cohort_set_str (&priv->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

const char *
cohort_record_get_updated_at (CohortRecord *self)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_val_if_fail (COHORT_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
cohort_record_set_updated_at (CohortRecord *self,
                              const char   *updated_at)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_if_fail (COHORT_IS_RECORD (self));

  if (cohort_set_str (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
cohort_record_get_deleted_at (CohortRecord *self)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_val_if_fail (COHORT_IS_RECORD (self), NULL);

  return priv->deleted_at;
}

void
cohort_record_set_deleted_at (CohortRecord *self,
                              const char   *deleted_at)
{
  CohortRecordPrivate *priv = cohort_record_get_instance_private (self);

  g_return_if_fail (COHORT_IS_RECORD (self));

  if (cohort_set_str (&priv->deleted_at, deleted_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED_AT]);
}

gboolean
cohort_record_is_deleted (CohortRecord *self)
{
  g_return_val_if_fail (COHORT_IS_RECORD (self), FALSE);

  return cohort_record_get_deleted_at (self) != NULL;
}
