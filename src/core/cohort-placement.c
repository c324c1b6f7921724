/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-placement.h"

#include "cohort-utils.h"

/**
 * CohortPlacement:
 *
 * An on-the-job assignment at a host organisation and field office.
 * Its properties mirror the columns of the `placement` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortPlacement
{
  CohortRecord parent_instance;

  gint64  person_id;
  gint64  enrolment_id;
  gint64  host_id;
  gint64  office_id;
  char   *duty_station;
  char   *country;
  char   *position_title;
  char   *modality;
  char   *funded_by;
  gint64  supervisor_id;
  char   *start_date;
  char   *end_date;
  char   *actual_end_date;
  char   *status;
  char   *evaluation;
};

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_ENROLMENT_ID,
  PROP_HOST_ID,
  PROP_OFFICE_ID,
  PROP_DUTY_STATION,
  PROP_COUNTRY,
  PROP_POSITION_TITLE,
  PROP_MODALITY,
  PROP_FUNDED_BY,
  PROP_SUPERVISOR_ID,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_ACTUAL_END_DATE,
  PROP_STATUS,
  PROP_EVALUATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortPlacement, cohort_placement, COHORT_TYPE_RECORD)

static void
cohort_placement_finalize (GObject *object)
{
  CohortPlacement *self = (CohortPlacement *)object;

  g_clear_pointer (&self->duty_station, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->position_title, g_free);
  g_clear_pointer (&self->modality, g_free);
  g_clear_pointer (&self->funded_by, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->actual_end_date, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->evaluation, g_free);

  G_OBJECT_CLASS (cohort_placement_parent_class)->finalize (object);
}

static void
cohort_placement_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CohortPlacement *self = COHORT_PLACEMENT (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_ENROLMENT_ID:
      g_value_set_int64 (value, self->enrolment_id);
      break;

    case PROP_HOST_ID:
      g_value_set_int64 (value, self->host_id);
      break;

    case PROP_OFFICE_ID:
      g_value_set_int64 (value, self->office_id);
      break;

    case PROP_DUTY_STATION:
      g_value_set_string (value, self->duty_station);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_POSITION_TITLE:
      g_value_set_string (value, self->position_title);
      break;

    case PROP_MODALITY:
      g_value_set_string (value, self->modality);
      break;

    case PROP_FUNDED_BY:
      g_value_set_string (value, self->funded_by);
      break;

    case PROP_SUPERVISOR_ID:
      g_value_set_int64 (value, self->supervisor_id);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_ACTUAL_END_DATE:
      g_value_set_string (value, self->actual_end_date);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_EVALUATION:
      g_value_set_string (value, self->evaluation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_placement_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CohortPlacement *self = COHORT_PLACEMENT (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      cohort_placement_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_ENROLMENT_ID:
      cohort_placement_set_enrolment_id (self, g_value_get_int64 (value));
      break;

    case PROP_HOST_ID:
      cohort_placement_set_host_id (self, g_value_get_int64 (value));
      break;

    case PROP_OFFICE_ID:
      cohort_placement_set_office_id (self, g_value_get_int64 (value));
      break;

    case PROP_DUTY_STATION:
      cohort_placement_set_duty_station (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      cohort_placement_set_country (self, g_value_get_string (value));
      break;

    case PROP_POSITION_TITLE:
      cohort_placement_set_position_title (self, g_value_get_string (value));
      break;

    case PROP_MODALITY:
      cohort_placement_set_modality (self, g_value_get_string (value));
      break;

    case PROP_FUNDED_BY:
      cohort_placement_set_funded_by (self, g_value_get_string (value));
      break;

    case PROP_SUPERVISOR_ID:
      cohort_placement_set_supervisor_id (self, g_value_get_int64 (value));
      break;

    case PROP_START_DATE:
      cohort_placement_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      cohort_placement_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_ACTUAL_END_DATE:
      cohort_placement_set_actual_end_date (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      cohort_placement_set_status (self, g_value_get_string (value));
      break;

    case PROP_EVALUATION:
      cohort_placement_set_evaluation (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_placement_class_init (CohortPlacementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_placement_finalize;
  object_class->get_property = cohort_placement_get_property;
  object_class->set_property = cohort_placement_set_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENROLMENT_ID] =
    g_param_spec_int64 ("enrolment-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HOST_ID] =
    g_param_spec_int64 ("host-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OFFICE_ID] =
    g_param_spec_int64 ("office-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUTY_STATION] =
    g_param_spec_string ("duty-station", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION_TITLE] =
    g_param_spec_string ("position-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODALITY] =
    g_param_spec_string ("modality", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FUNDED_BY] =
    g_param_spec_string ("funded-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUPERVISOR_ID] =
    g_param_spec_int64 ("supervisor-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTUAL_END_DATE] =
    g_param_spec_string ("actual-end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EVALUATION] =
    g_param_spec_string ("evaluation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_placement_init (CohortPlacement *self)
{
}

CohortPlacement *
cohort_placement_new (void)
{
  return g_object_new (COHORT_TYPE_PLACEMENT, NULL);
}

gint64
cohort_placement_get_person_id (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), 0);

  return self->person_id;
}

void
cohort_placement_set_person_id (CohortPlacement *self,
                                gint64 person_id)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
}

gint64
cohort_placement_get_enrolment_id (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), 0);

  return self->enrolment_id;
}

void
cohort_placement_set_enrolment_id (CohortPlacement *self,
                                   gint64 enrolment_id)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (self->enrolment_id != enrolment_id)
    {
      self->enrolment_id = enrolment_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENROLMENT_ID]);
    }
}

gint64
cohort_placement_get_host_id (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), 0);

  return self->host_id;
}

void
cohort_placement_set_host_id (CohortPlacement *self,
                              gint64 host_id)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (self->host_id != host_id)
    {
      self->host_id = host_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST_ID]);
    }
}

gint64
cohort_placement_get_office_id (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), 0);

  return self->office_id;
}

void
cohort_placement_set_office_id (CohortPlacement *self,
                                gint64 office_id)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (self->office_id != office_id)
    {
      self->office_id = office_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICE_ID]);
    }
}

const char *
cohort_placement_get_duty_station (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->duty_station;
}

void
cohort_placement_set_duty_station (CohortPlacement *self,
                                   const char *duty_station)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->duty_station, duty_station))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUTY_STATION]);
}

const char *
cohort_placement_get_country (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->country;
}

void
cohort_placement_set_country (CohortPlacement *self,
                              const char *country)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
cohort_placement_get_position_title (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->position_title;
}

void
cohort_placement_set_position_title (CohortPlacement *self,
                                     const char *position_title)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->position_title, position_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION_TITLE]);
}

const char *
cohort_placement_get_modality (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->modality;
}

void
cohort_placement_set_modality (CohortPlacement *self,
                               const char *modality)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->modality, modality))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODALITY]);
}

const char *
cohort_placement_get_funded_by (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->funded_by;
}

void
cohort_placement_set_funded_by (CohortPlacement *self,
                                const char *funded_by)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->funded_by, funded_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNDED_BY]);
}

gint64
cohort_placement_get_supervisor_id (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), 0);

  return self->supervisor_id;
}

void
cohort_placement_set_supervisor_id (CohortPlacement *self,
                                    gint64 supervisor_id)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (self->supervisor_id != supervisor_id)
    {
      self->supervisor_id = supervisor_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPERVISOR_ID]);
    }
}

const char *
cohort_placement_get_start_date (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->start_date;
}

void
cohort_placement_set_start_date (CohortPlacement *self,
                                 const char *start_date)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
cohort_placement_get_end_date (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->end_date;
}

void
cohort_placement_set_end_date (CohortPlacement *self,
                               const char *end_date)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

const char *
cohort_placement_get_actual_end_date (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->actual_end_date;
}

void
cohort_placement_set_actual_end_date (CohortPlacement *self,
                                      const char *actual_end_date)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->actual_end_date, actual_end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL_END_DATE]);
}

const char *
cohort_placement_get_status (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->status;
}

void
cohort_placement_set_status (CohortPlacement *self,
                             const char *status)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
cohort_placement_get_evaluation (CohortPlacement *self)
{
  g_return_val_if_fail (COHORT_IS_PLACEMENT (self), NULL);

  return self->evaluation;
}

void
cohort_placement_set_evaluation (CohortPlacement *self,
                                 const char *evaluation)
{
  g_return_if_fail (COHORT_IS_PLACEMENT (self));

  if (cohort_set_str (&self->evaluation, evaluation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATION]);
}
