/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-enrolment.h"

#include "cohort-utils.h"

/**
 * CohortEnrolment:
 *
 * A person in a course run, from application to completion.
 * Its properties mirror the columns of the `enrolment` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortEnrolment
{
  CohortRecord parent_instance;

  gint64  person_id;
  gint64  run_id;
  char   *status;
  int     reserve_rank;
  char   *decided_on;
  char   *completed_on;
  char   *certificate_number;
  char   *withdrawal_reason;
};

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_RUN_ID,
  PROP_STATUS,
  PROP_RESERVE_RANK,
  PROP_DECIDED_ON,
  PROP_COMPLETED_ON,
  PROP_CERTIFICATE_NUMBER,
  PROP_WITHDRAWAL_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortEnrolment, cohort_enrolment, COHORT_TYPE_RECORD)

static void
cohort_enrolment_finalize (GObject *object)
{
  CohortEnrolment *self = (CohortEnrolment *)object;

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->decided_on, g_free);
  g_clear_pointer (&self->completed_on, g_free);
  g_clear_pointer (&self->certificate_number, g_free);
  g_clear_pointer (&self->withdrawal_reason, g_free);

  G_OBJECT_CLASS (cohort_enrolment_parent_class)->finalize (object);
}

static void
cohort_enrolment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CohortEnrolment *self = COHORT_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_RUN_ID:
      g_value_set_int64 (value, self->run_id);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_RESERVE_RANK:
      g_value_set_int (value, self->reserve_rank);
      break;

    case PROP_DECIDED_ON:
      g_value_set_string (value, self->decided_on);
      break;

    case PROP_COMPLETED_ON:
      g_value_set_string (value, self->completed_on);
      break;

    case PROP_CERTIFICATE_NUMBER:
      g_value_set_string (value, self->certificate_number);
      break;

    case PROP_WITHDRAWAL_REASON:
      g_value_set_string (value, self->withdrawal_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_enrolment_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CohortEnrolment *self = COHORT_ENROLMENT (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      cohort_enrolment_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_RUN_ID:
      cohort_enrolment_set_run_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATUS:
      cohort_enrolment_set_status (self, g_value_get_string (value));
      break;

    case PROP_RESERVE_RANK:
      cohort_enrolment_set_reserve_rank (self, g_value_get_int (value));
      break;

    case PROP_DECIDED_ON:
      cohort_enrolment_set_decided_on (self, g_value_get_string (value));
      break;

    case PROP_COMPLETED_ON:
      cohort_enrolment_set_completed_on (self, g_value_get_string (value));
      break;

    case PROP_CERTIFICATE_NUMBER:
      cohort_enrolment_set_certificate_number (self, g_value_get_string (value));
      break;

    case PROP_WITHDRAWAL_REASON:
      cohort_enrolment_set_withdrawal_reason (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_enrolment_class_init (CohortEnrolmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_enrolment_finalize;
  object_class->get_property = cohort_enrolment_get_property;
  object_class->set_property = cohort_enrolment_set_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUN_ID] =
    g_param_spec_int64 ("run-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RESERVE_RANK] =
    g_param_spec_int ("reserve-rank", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DECIDED_ON] =
    g_param_spec_string ("decided-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPLETED_ON] =
    g_param_spec_string ("completed-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CERTIFICATE_NUMBER] =
    g_param_spec_string ("certificate-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WITHDRAWAL_REASON] =
    g_param_spec_string ("withdrawal-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_enrolment_init (CohortEnrolment *self)
{
}

CohortEnrolment *
cohort_enrolment_new (void)
{
  return g_object_new (COHORT_TYPE_ENROLMENT, NULL);
}

gint64
cohort_enrolment_get_person_id (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), 0);

  return self->person_id;
}

void
cohort_enrolment_set_person_id (CohortEnrolment *self,
                                gint64 person_id)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
}

gint64
cohort_enrolment_get_run_id (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), 0);

  return self->run_id;
}

void
cohort_enrolment_set_run_id (CohortEnrolment *self,
                             gint64 run_id)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (self->run_id != run_id)
    {
      self->run_id = run_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_ID]);
    }
}

const char *
cohort_enrolment_get_status (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), NULL);

  return self->status;
}

void
cohort_enrolment_set_status (CohortEnrolment *self,
                             const char *status)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (cohort_set_str (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
cohort_enrolment_get_reserve_rank (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), 0);

  return self->reserve_rank;
}

void
cohort_enrolment_set_reserve_rank (CohortEnrolment *self,
                                   int reserve_rank)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (self->reserve_rank != reserve_rank)
    {
      self->reserve_rank = reserve_rank;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESERVE_RANK]);
    }
}

const char *
cohort_enrolment_get_decided_on (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), NULL);

  return self->decided_on;
}

void
cohort_enrolment_set_decided_on (CohortEnrolment *self,
                                 const char *decided_on)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (cohort_set_str (&self->decided_on, decided_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED_ON]);
}

const char *
cohort_enrolment_get_completed_on (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), NULL);

  return self->completed_on;
}

void
cohort_enrolment_set_completed_on (CohortEnrolment *self,
                                   const char *completed_on)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (cohort_set_str (&self->completed_on, completed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED_ON]);
}

const char *
cohort_enrolment_get_certificate_number (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), NULL);

  return self->certificate_number;
}

void
cohort_enrolment_set_certificate_number (CohortEnrolment *self,
                                         const char *certificate_number)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (cohort_set_str (&self->certificate_number, certificate_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CERTIFICATE_NUMBER]);
}

const char *
cohort_enrolment_get_withdrawal_reason (CohortEnrolment *self)
{
  g_return_val_if_fail (COHORT_IS_ENROLMENT (self), NULL);

  return self->withdrawal_reason;
}

void
cohort_enrolment_set_withdrawal_reason (CohortEnrolment *self,
                                        const char *withdrawal_reason)
{
  g_return_if_fail (COHORT_IS_ENROLMENT (self));

  if (cohort_set_str (&self->withdrawal_reason, withdrawal_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITHDRAWAL_REASON]);
}
