/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-programme.h"

#include "cohort-utils.h"

/**
 * CohortProgramme:
 *
 * A training programme (Primary Course, Mid-Career Course, ...).
 * Its properties mirror the columns of the `programme` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortProgramme
{
  CohortRecord parent_instance;

  char   *code;
  char   *name;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortProgramme, cohort_programme, COHORT_TYPE_RECORD)

static void
cohort_programme_finalize (GObject *object)
{
  CohortProgramme *self = (CohortProgramme *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (cohort_programme_parent_class)->finalize (object);
}

static void
cohort_programme_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CohortProgramme *self = COHORT_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_programme_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CohortProgramme *self = COHORT_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_CODE:
      cohort_programme_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      cohort_programme_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_programme_class_init (CohortProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_programme_finalize;
  object_class->get_property = cohort_programme_get_property;
  object_class->set_property = cohort_programme_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_programme_init (CohortProgramme *self)
{
}

CohortProgramme *
cohort_programme_new (void)
{
  return g_object_new (COHORT_TYPE_PROGRAMME, NULL);
}

const char *
cohort_programme_get_code (CohortProgramme *self)
{
  g_return_val_if_fail (COHORT_IS_PROGRAMME (self), NULL);

  return self->code;
}

void
cohort_programme_set_code (CohortProgramme *self,
                           const char *code)
{
  g_return_if_fail (COHORT_IS_PROGRAMME (self));

  if (cohort_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
cohort_programme_get_name (CohortProgramme *self)
{
  g_return_val_if_fail (COHORT_IS_PROGRAMME (self), NULL);

  return self->name;
}

void
cohort_programme_set_name (CohortProgramme *self,
                           const char *name)
{
  g_return_if_fail (COHORT_IS_PROGRAMME (self));

  if (cohort_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}
