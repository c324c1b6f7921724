/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-course.h"

#include "cohort-utils.h"

/**
 * CohortCourse:
 *
 * A catalogue entry; its code is the XCRI identifier when imported.
 * Its properties mirror the columns of the `course` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortCourse
{
  CohortRecord parent_instance;

  char   *code;
  char   *title;
  gint64  programme_id;
  char   *description;
  char   *subject;
  gint64  provider_id;
  char   *url;
  char   *source;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_PROGRAMME_ID,
  PROP_DESCRIPTION,
  PROP_SUBJECT,
  PROP_PROVIDER_ID,
  PROP_URL,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortCourse, cohort_course, COHORT_TYPE_RECORD)

static void
cohort_course_finalize (GObject *object)
{
  CohortCourse *self = (CohortCourse *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (cohort_course_parent_class)->finalize (object);
}

static void
cohort_course_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CohortCourse *self = COHORT_COURSE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_PROVIDER_ID:
      g_value_set_int64 (value, self->provider_id);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_course_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CohortCourse *self = COHORT_COURSE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      cohort_course_set_code (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      cohort_course_set_title (self, g_value_get_string (value));
      break;

    case PROP_PROGRAMME_ID:
      cohort_course_set_programme_id (self, g_value_get_int64 (value));
      break;

    case PROP_DESCRIPTION:
      cohort_course_set_description (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      cohort_course_set_subject (self, g_value_get_string (value));
      break;

    case PROP_PROVIDER_ID:
      cohort_course_set_provider_id (self, g_value_get_int64 (value));
      break;

    case PROP_URL:
      cohort_course_set_url (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      cohort_course_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_course_class_init (CohortCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_course_finalize;
  object_class->get_property = cohort_course_get_property;
  object_class->set_property = cohort_course_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROGRAMME_ID] =
    g_param_spec_int64 ("programme-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROVIDER_ID] =
    g_param_spec_int64 ("provider-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_course_init (CohortCourse *self)
{
}

CohortCourse *
cohort_course_new (void)
{
  return g_object_new (COHORT_TYPE_COURSE, NULL);
}

const char *
cohort_course_get_code (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), NULL);

  return self->code;
}

void
cohort_course_set_code (CohortCourse *self,
                        const char *code)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (cohort_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
cohort_course_get_title (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), NULL);

  return self->title;
}

void
cohort_course_set_title (CohortCourse *self,
                         const char *title)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (cohort_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gint64
cohort_course_get_programme_id (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), 0);

  return self->programme_id;
}

void
cohort_course_set_programme_id (CohortCourse *self,
                                gint64 programme_id)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (self->programme_id != programme_id)
    {
      self->programme_id = programme_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMME_ID]);
    }
}

const char *
cohort_course_get_description (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), NULL);

  return self->description;
}

void
cohort_course_set_description (CohortCourse *self,
                               const char *description)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (cohort_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
cohort_course_get_subject (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), NULL);

  return self->subject;
}

void
cohort_course_set_subject (CohortCourse *self,
                           const char *subject)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (cohort_set_str (&self->subject, subject))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

gint64
cohort_course_get_provider_id (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), 0);

  return self->provider_id;
}

void
cohort_course_set_provider_id (CohortCourse *self,
                               gint64 provider_id)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (self->provider_id != provider_id)
    {
      self->provider_id = provider_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER_ID]);
    }
}

const char *
cohort_course_get_url (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), NULL);

  return self->url;
}

void
cohort_course_set_url (CohortCourse *self,
                       const char *url)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (cohort_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
cohort_course_get_source (CohortCourse *self)
{
  g_return_val_if_fail (COHORT_IS_COURSE (self), NULL);

  return self->source;
}

void
cohort_course_set_source (CohortCourse *self,
                          const char *source)
{
  g_return_if_fail (COHORT_IS_COURSE (self));

  if (cohort_set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}
