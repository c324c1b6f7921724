/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-course-run.h"

#include "cohort-utils.h"

/**
 * CohortCourseRun:
 *
 * One intake (cohort, XCRI presentation) of a course.
 * Its properties mirror the columns of the `course_run` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortCourseRun
{
  CohortRecord parent_instance;

  gint64  course_id;
  char   *code;
  char   *start_date;
  char   *end_date;
  char   *mode;
  char   *venue;
  int     capacity;
  char   *status;
  int     fiscal_year;
};

enum {
  PROP_0,
  PROP_COURSE_ID,
  PROP_CODE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_MODE,
  PROP_VENUE,
  PROP_CAPACITY,
  PROP_STATUS,
  PROP_FISCAL_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortCourseRun, cohort_course_run, COHORT_TYPE_RECORD)

static void
cohort_course_run_finalize (GObject *object)
{
  CohortCourseRun *self = (CohortCourseRun *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (cohort_course_run_parent_class)->finalize (object);
}

static void
cohort_course_run_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CohortCourseRun *self = COHORT_COURSE_RUN (object);

  switch (prop_id)
    {
    case PROP_COURSE_ID:
      g_value_set_int64 (value, self->course_id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;

    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_FISCAL_YEAR:
      g_value_set_int (value, self->fiscal_year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_course_run_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CohortCourseRun *self = COHORT_COURSE_RUN (object);

  switch (prop_id)
    {
    case PROP_COURSE_ID:
      cohort_course_run_set_course_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      cohort_course_run_set_code (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      cohort_course_run_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      cohort_course_run_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_MODE:
      cohort_course_run_set_mode (self, g_value_get_string (value));
      break;

    case PROP_VENUE:
      cohort_course_run_set_venue (self, g_value_get_string (value));
      break;

    case PROP_CAPACITY:
      cohort_course_run_set_capacity (self, g_value_get_int (value));
      break;

    case PROP_STATUS:
      cohort_course_run_set_status (self, g_value_get_string (value));
      break;

    case PROP_FISCAL_YEAR:
      cohort_course_run_set_fiscal_year (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_course_run_class_init (CohortCourseRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_course_run_finalize;
  object_class->get_property = cohort_course_run_get_property;
  object_class->set_property = cohort_course_run_set_property;

  properties[PROP_COURSE_ID] =
    g_param_spec_int64 ("course-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
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

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAPACITY] =
    g_param_spec_int ("capacity", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FISCAL_YEAR] =
    g_param_spec_int ("fiscal-year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_course_run_init (CohortCourseRun *self)
{
}

CohortCourseRun *
cohort_course_run_new (void)
{
  return g_object_new (COHORT_TYPE_COURSE_RUN, NULL);
}

gint64
cohort_course_run_get_course_id (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), 0);

  return self->course_id;
}

void
cohort_course_run_set_course_id (CohortCourseRun *self,
                                 gint64 course_id)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (self->course_id != course_id)
    {
      self->course_id = course_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_ID]);
    }
}

const char *
cohort_course_run_get_code (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), NULL);

  return self->code;
}

void
cohort_course_run_set_code (CohortCourseRun *self,
                            const char *code)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (cohort_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
cohort_course_run_get_start_date (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), NULL);

  return self->start_date;
}

void
cohort_course_run_set_start_date (CohortCourseRun *self,
                                  const char *start_date)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (cohort_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
cohort_course_run_get_end_date (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), NULL);

  return self->end_date;
}

void
cohort_course_run_set_end_date (CohortCourseRun *self,
                                const char *end_date)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (cohort_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

const char *
cohort_course_run_get_mode (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), NULL);

  return self->mode;
}

void
cohort_course_run_set_mode (CohortCourseRun *self,
                            const char *mode)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (cohort_set_str (&self->mode, mode))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

const char *
cohort_course_run_get_venue (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), NULL);

  return self->venue;
}

void
cohort_course_run_set_venue (CohortCourseRun *self,
                             const char *venue)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (cohort_set_str (&self->venue, venue))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

int
cohort_course_run_get_capacity (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), 0);

  return self->capacity;
}

void
cohort_course_run_set_capacity (CohortCourseRun *self,
                                int capacity)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (self->capacity != capacity)
    {
      self->capacity = capacity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
    }
}

const char *
cohort_course_run_get_status (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), NULL);

  return self->status;
}

void
cohort_course_run_set_status (CohortCourseRun *self,
                              const char *status)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (cohort_set_str (&self->status, status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
cohort_course_run_get_fiscal_year (CohortCourseRun *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE_RUN (self), 0);

  return self->fiscal_year;
}

void
cohort_course_run_set_fiscal_year (CohortCourseRun *self,
                                   int fiscal_year)
{
  g_return_if_fail (COHORT_IS_COURSE_RUN (self));

  if (self->fiscal_year != fiscal_year)
    {
      self->fiscal_year = fiscal_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
    }
}
