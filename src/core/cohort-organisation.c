/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-organisation.h"

#include "cohort-utils.h"

/**
 * CohortOrganisation:
 *
 * An organisation: a UN agency, one of its country or field offices, a government, an NGO, a university, a regional body.
 * Its properties mirror the columns of the `organisation` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortOrganisation
{
  CohortRecord parent_instance;

  char   *name;
  char   *acronym;
  char   *kind;
  gint64  parent_id;
  char   *country;
  char   *city;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_ACRONYM,
  PROP_KIND,
  PROP_PARENT_ID,
  PROP_COUNTRY,
  PROP_CITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortOrganisation, cohort_organisation, COHORT_TYPE_RECORD)

static void
cohort_organisation_finalize (GObject *object)
{
  CohortOrganisation *self = (CohortOrganisation *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->acronym, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->city, g_free);

  G_OBJECT_CLASS (cohort_organisation_parent_class)->finalize (object);
}

static void
cohort_organisation_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CohortOrganisation *self = COHORT_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ACRONYM:
      g_value_set_string (value, self->acronym);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_CITY:
      g_value_set_string (value, self->city);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_organisation_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CohortOrganisation *self = COHORT_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cohort_organisation_set_name (self, g_value_get_string (value));
      break;

    case PROP_ACRONYM:
      cohort_organisation_set_acronym (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      cohort_organisation_set_kind (self, g_value_get_string (value));
      break;

    case PROP_PARENT_ID:
      cohort_organisation_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_COUNTRY:
      cohort_organisation_set_country (self, g_value_get_string (value));
      break;

    case PROP_CITY:
      cohort_organisation_set_city (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_organisation_class_init (CohortOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_organisation_finalize;
  object_class->get_property = cohort_organisation_get_property;
  object_class->set_property = cohort_organisation_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACRONYM] =
    g_param_spec_string ("acronym", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CITY] =
    g_param_spec_string ("city", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_organisation_init (CohortOrganisation *self)
{
}

CohortOrganisation *
cohort_organisation_new (void)
{
  return g_object_new (COHORT_TYPE_ORGANISATION, NULL);
}

const char *
cohort_organisation_get_name (CohortOrganisation *self)
{
  g_return_val_if_fail (COHORT_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
cohort_organisation_set_name (CohortOrganisation *self,
                              const char *name)
{
  g_return_if_fail (COHORT_IS_ORGANISATION (self));

  if (cohort_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
cohort_organisation_get_acronym (CohortOrganisation *self)
{
  g_return_val_if_fail (COHORT_IS_ORGANISATION (self), NULL);

  return self->acronym;
}

void
cohort_organisation_set_acronym (CohortOrganisation *self,
                                 const char *acronym)
{
  g_return_if_fail (COHORT_IS_ORGANISATION (self));

  if (cohort_set_str (&self->acronym, acronym))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACRONYM]);
}

const char *
cohort_organisation_get_kind (CohortOrganisation *self)
{
  g_return_val_if_fail (COHORT_IS_ORGANISATION (self), NULL);

  return self->kind;
}

void
cohort_organisation_set_kind (CohortOrganisation *self,
                              const char *kind)
{
  g_return_if_fail (COHORT_IS_ORGANISATION (self));

  if (cohort_set_str (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gint64
cohort_organisation_get_parent_id (CohortOrganisation *self)
{
  g_return_val_if_fail (COHORT_IS_ORGANISATION (self), 0);

  return self->parent_id;
}

void
cohort_organisation_set_parent_id (CohortOrganisation *self,
                                   gint64 parent_id)
{
  g_return_if_fail (COHORT_IS_ORGANISATION (self));

  if (self->parent_id != parent_id)
    {
      self->parent_id = parent_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
    }
}

const char *
cohort_organisation_get_country (CohortOrganisation *self)
{
  g_return_val_if_fail (COHORT_IS_ORGANISATION (self), NULL);

  return self->country;
}

void
cohort_organisation_set_country (CohortOrganisation *self,
                                 const char *country)
{
  g_return_if_fail (COHORT_IS_ORGANISATION (self));

  if (cohort_set_str (&self->country, country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

const char *
cohort_organisation_get_city (CohortOrganisation *self)
{
  g_return_val_if_fail (COHORT_IS_ORGANISATION (self), NULL);

  return self->city;
}

void
cohort_organisation_set_city (CohortOrganisation *self,
                              const char *city)
{
  g_return_if_fail (COHORT_IS_ORGANISATION (self));

  if (cohort_set_str (&self->city, city))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CITY]);
}
