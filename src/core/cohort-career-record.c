/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-career-record.h"

#include "cohort-utils.h"

/**
 * CohortCareerRecord:
 *
 * Where a graduate works, dated to the year, month or day.
 * Its properties mirror the columns of the `career_record` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortCareerRecord
{
  CohortRecord parent_instance;

  gint64  person_id;
  gint64  organisation_id;
  char   *position_title;
  char   *sector;
  char   *country;
  char   *start_date;
  char   *end_date;
  char   *source;
  char   *verified_on;
};

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_ORGANISATION_ID,
  PROP_POSITION_TITLE,
  PROP_SECTOR,
  PROP_COUNTRY,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_SOURCE,
  PROP_VERIFIED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortCareerRecord, cohort_career_record, COHORT_TYPE_RECORD)

static void
cohort_career_record_finalize (GObject *object)
{
  CohortCareerRecord *self = (CohortCareerRecord *)object;

  g_clear_pointer (&self->position_title, g_free);
  g_clear_pointer (&self->sector, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->verified_on, g_free);

  G_OBJECT_CLASS (cohort_career_record_parent_class)->finalize (object);
}

static void
cohort_career_record_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CohortCareerRecord *self = COHORT_CAREER_RECORD (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;

    case PROP_POSITION_TITLE:
      g_value_set_string (value, self->position_title);
      break;

    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_VERIFIED_ON:
      g_value_set_string (value, self->verified_on);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_career_record_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CohortCareerRecord *self = COHORT_CAREER_RECORD (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      cohort_career_record_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_ORGANISATION_ID:
      cohort_career_record_set_organisation_id (self, g_value_get_int64 (value));
      break;

    case PROP_POSITION_TITLE:
      cohort_career_record_set_position_title (self, g_value_get_string (value));
      break;

    case PROP_SECTOR:
      cohort_career_record_set_sector (self, g_value_get_string (value));
      break;

    case PROP_COUNTRY:
      cohort_career_record_set_country (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      cohort_career_record_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      cohort_career_record_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      cohort_career_record_set_source (self, g_value_get_string (value));
      break;

    case PROP_VERIFIED_ON:
      cohort_career_record_set_verified_on (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_career_record_class_init (CohortCareerRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_career_record_finalize;
  object_class->get_property = cohort_career_record_get_property;
  object_class->set_property = cohort_career_record_set_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANISATION_ID] =
    g_param_spec_int64 ("organisation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION_TITLE] =
    g_param_spec_string ("position-title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTOR] =
    g_param_spec_string ("sector", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERIFIED_ON] =
    g_param_spec_string ("verified-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_career_record_init (CohortCareerRecord *self)
{
}

CohortCareerRecord *
cohort_career_record_new (void)
{
  return g_object_new (COHORT_TYPE_CAREER_RECORD, NULL);
}

gint64
cohort_career_record_get_person_id (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), 0);

  return self->person_id;
}

void
cohort_career_record_set_person_id (CohortCareerRecord *self,
                                    gint64 person_id)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
}

gint64
cohort_career_record_get_organisation_id (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), 0);

  return self->organisation_id;
}

void
cohort_career_record_set_organisation_id (CohortCareerRecord *self,
                                          gint64 organisation_id)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (self->organisation_id != organisation_id)
    {
      self->organisation_id = organisation_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION_ID]);
    }
}

const char *
cohort_career_record_get_position_title (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->position_title;
}

void
cohort_career_record_set_position_title (CohortCareerRecord *self,
                                         const char *position_title)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->position_title, position_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION_TITLE]);
}

const char *
cohort_career_record_get_sector (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->sector;
}

void
cohort_career_record_set_sector (CohortCareerRecord *self,
                                 const char *sector)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->sector, sector))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

const char *
cohort_career_record_get_country (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->country;
}

void
cohort_career_record_set_country (CohortCareerRecord *self,
                                  const char *country)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
cohort_career_record_get_start_date (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->start_date;
}

void
cohort_career_record_set_start_date (CohortCareerRecord *self,
                                     const char *start_date)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
cohort_career_record_get_end_date (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->end_date;
}

void
cohort_career_record_set_end_date (CohortCareerRecord *self,
                                   const char *end_date)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

const char *
cohort_career_record_get_source (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->source;
}

void
cohort_career_record_set_source (CohortCareerRecord *self,
                                 const char *source)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
cohort_career_record_get_verified_on (CohortCareerRecord *self)
{
  g_return_val_if_fail (COHORT_IS_CAREER_RECORD (self), NULL);

  return self->verified_on;
}

void
cohort_career_record_set_verified_on (CohortCareerRecord *self,
                                      const char *verified_on)
{
  g_return_if_fail (COHORT_IS_CAREER_RECORD (self));

  if (cohort_set_str (&self->verified_on, verified_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIED_ON]);
}
