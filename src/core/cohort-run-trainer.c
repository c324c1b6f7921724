/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-run-trainer.h"

#include "cohort-utils.h"

/**
 * CohortRunTrainer:
 *
 * Who taught a run, and in what role.
 * Its properties mirror the columns of the `run_trainer` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortRunTrainer
{
  CohortRecord parent_instance;

  gint64  run_id;
  gint64  person_id;
  char   *role;
};

enum {
  PROP_0,
  PROP_RUN_ID,
  PROP_PERSON_ID,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortRunTrainer, cohort_run_trainer, COHORT_TYPE_RECORD)

static void
cohort_run_trainer_finalize (GObject *object)
{
  CohortRunTrainer *self = (CohortRunTrainer *)object;

  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (cohort_run_trainer_parent_class)->finalize (object);
}

static void
cohort_run_trainer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CohortRunTrainer *self = COHORT_RUN_TRAINER (object);

  switch (prop_id)
    {
    case PROP_RUN_ID:
      g_value_set_int64 (value, self->run_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_run_trainer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CohortRunTrainer *self = COHORT_RUN_TRAINER (object);

  switch (prop_id)
    {
    case PROP_RUN_ID:
      cohort_run_trainer_set_run_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      cohort_run_trainer_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROLE:
      cohort_run_trainer_set_role (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_run_trainer_class_init (CohortRunTrainerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_run_trainer_finalize;
  object_class->get_property = cohort_run_trainer_get_property;
  object_class->set_property = cohort_run_trainer_set_property;

  properties[PROP_RUN_ID] =
    g_param_spec_int64 ("run-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_run_trainer_init (CohortRunTrainer *self)
{
}

CohortRunTrainer *
cohort_run_trainer_new (void)
{
  return g_object_new (COHORT_TYPE_RUN_TRAINER, NULL);
}

gint64
cohort_run_trainer_get_run_id (CohortRunTrainer *self)
{
  g_return_val_if_fail (COHORT_IS_RUN_TRAINER (self), 0);

  return self->run_id;
}

void
cohort_run_trainer_set_run_id (CohortRunTrainer *self,
                               gint64 run_id)
{
  g_return_if_fail (COHORT_IS_RUN_TRAINER (self));

  if (self->run_id != run_id)
    {
      self->run_id = run_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_ID]);
    }
}

gint64
cohort_run_trainer_get_person_id (CohortRunTrainer *self)
{
  g_return_val_if_fail (COHORT_IS_RUN_TRAINER (self), 0);

  return self->person_id;
}

void
cohort_run_trainer_set_person_id (CohortRunTrainer *self,
                                  gint64 person_id)
{
  g_return_if_fail (COHORT_IS_RUN_TRAINER (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
}

const char *
cohort_run_trainer_get_role (CohortRunTrainer *self)
{
  g_return_val_if_fail (COHORT_IS_RUN_TRAINER (self), NULL);

  return self->role;
}

void
cohort_run_trainer_set_role (CohortRunTrainer *self,
                             const char *role)
{
  g_return_if_fail (COHORT_IS_RUN_TRAINER (self));

  if (cohort_set_str (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}
