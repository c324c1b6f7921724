/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-person.h"

#include "cohort-utils.h"

/**
 * CohortPerson:
 *
 * Anyone the programme knows: trainee, trainer, supervisor. Roles are derived from links.
 * Its properties mirror the columns of the `person` table (`a_column` is the property
 * `a-column`); the rules it must satisfy are checked by the store.
 */
struct _CohortPerson
{
  CohortRecord parent_instance;

  char   *code;
  char   *family_name;
  char   *given_name;
  char   *family_name_local;
  char   *given_name_local;
  char   *name_order;
  char   *gender;
  char   *gender_self;
  char   *birth_date;
  char   *nationality;
  char   *email;
  char   *phone;
  gint64  affiliation_id;
  char   *notes;
  char   *anonymised_at;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_FAMILY_NAME,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME_LOCAL,
  PROP_GIVEN_NAME_LOCAL,
  PROP_NAME_ORDER,
  PROP_GENDER,
  PROP_GENDER_SELF,
  PROP_BIRTH_DATE,
  PROP_NATIONALITY,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_AFFILIATION_ID,
  PROP_NOTES,
  PROP_ANONYMISED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CohortPerson, cohort_person, COHORT_TYPE_RECORD)

static void
cohort_person_finalize (GObject *object)
{
  CohortPerson *self = (CohortPerson *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->family_name_local, g_free);
  g_clear_pointer (&self->given_name_local, g_free);
  g_clear_pointer (&self->name_order, g_free);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->gender_self, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->nationality, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->anonymised_at, g_free);

  G_OBJECT_CLASS (cohort_person_parent_class)->finalize (object);
}

static void
cohort_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CohortPerson *self = COHORT_PERSON (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_FAMILY_NAME_LOCAL:
      g_value_set_string (value, self->family_name_local);
      break;

    case PROP_GIVEN_NAME_LOCAL:
      g_value_set_string (value, self->given_name_local);
      break;

    case PROP_NAME_ORDER:
      g_value_set_string (value, self->name_order);
      break;

    case PROP_GENDER:
      g_value_set_string (value, self->gender);
      break;

    case PROP_GENDER_SELF:
      g_value_set_string (value, self->gender_self);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;

    case PROP_NATIONALITY:
      g_value_set_string (value, self->nationality);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_AFFILIATION_ID:
      g_value_set_int64 (value, self->affiliation_id);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ANONYMISED_AT:
      g_value_set_string (value, self->anonymised_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CohortPerson *self = COHORT_PERSON (object);

  switch (prop_id)
    {
    case PROP_CODE:
      cohort_person_set_code (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      cohort_person_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_NAME:
      cohort_person_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME_LOCAL:
      cohort_person_set_family_name_local (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_NAME_LOCAL:
      cohort_person_set_given_name_local (self, g_value_get_string (value));
      break;

    case PROP_NAME_ORDER:
      cohort_person_set_name_order (self, g_value_get_string (value));
      break;

    case PROP_GENDER:
      cohort_person_set_gender (self, g_value_get_string (value));
      break;

    case PROP_GENDER_SELF:
      cohort_person_set_gender_self (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      cohort_person_set_birth_date (self, g_value_get_string (value));
      break;

    case PROP_NATIONALITY:
      cohort_person_set_nationality (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      cohort_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      cohort_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_AFFILIATION_ID:
      cohort_person_set_affiliation_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTES:
      cohort_person_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ANONYMISED_AT:
      cohort_person_set_anonymised_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_person_class_init (CohortPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_person_finalize;
  object_class->get_property = cohort_person_get_property;
  object_class->set_property = cohort_person_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FAMILY_NAME_LOCAL] =
    g_param_spec_string ("family-name-local", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GIVEN_NAME_LOCAL] =
    g_param_spec_string ("given-name-local", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME_ORDER] =
    g_param_spec_string ("name-order", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GENDER] =
    g_param_spec_string ("gender", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GENDER_SELF] =
    g_param_spec_string ("gender-self", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NATIONALITY] =
    g_param_spec_string ("nationality", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AFFILIATION_ID] =
    g_param_spec_int64 ("affiliation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANONYMISED_AT] =
    g_param_spec_string ("anonymised-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_person_init (CohortPerson *self)
{
}

CohortPerson *
cohort_person_new (void)
{
  return g_object_new (COHORT_TYPE_PERSON, NULL);
}

const char *
cohort_person_get_code (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->code;
}

void
cohort_person_set_code (CohortPerson *self,
                        const char *code)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
cohort_person_get_family_name (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->family_name;
}

void
cohort_person_set_family_name (CohortPerson *self,
                               const char *family_name)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->family_name, family_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
}

const char *
cohort_person_get_given_name (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->given_name;
}

void
cohort_person_set_given_name (CohortPerson *self,
                              const char *given_name)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->given_name, given_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
}

const char *
cohort_person_get_family_name_local (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->family_name_local;
}

void
cohort_person_set_family_name_local (CohortPerson *self,
                                     const char *family_name_local)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->family_name_local, family_name_local))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME_LOCAL]);
}

const char *
cohort_person_get_given_name_local (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->given_name_local;
}

void
cohort_person_set_given_name_local (CohortPerson *self,
                                    const char *given_name_local)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->given_name_local, given_name_local))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME_LOCAL]);
}

const char *
cohort_person_get_name_order (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->name_order;
}

void
cohort_person_set_name_order (CohortPerson *self,
                              const char *name_order)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->name_order, name_order))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_ORDER]);
}

const char *
cohort_person_get_gender (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->gender;
}

void
cohort_person_set_gender (CohortPerson *self,
                          const char *gender)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->gender, gender))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

const char *
cohort_person_get_gender_self (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->gender_self;
}

void
cohort_person_set_gender_self (CohortPerson *self,
                               const char *gender_self)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->gender_self, gender_self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER_SELF]);
}

const char *
cohort_person_get_birth_date (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->birth_date;
}

void
cohort_person_set_birth_date (CohortPerson *self,
                              const char *birth_date)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->birth_date, birth_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

const char *
cohort_person_get_nationality (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->nationality;
}

void
cohort_person_set_nationality (CohortPerson *self,
                               const char *nationality)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->nationality, nationality))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONALITY]);
}

const char *
cohort_person_get_email (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->email;
}

void
cohort_person_set_email (CohortPerson *self,
                         const char *email)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
cohort_person_get_phone (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->phone;
}

void
cohort_person_set_phone (CohortPerson *self,
                         const char *phone)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

gint64
cohort_person_get_affiliation_id (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), 0);

  return self->affiliation_id;
}

void
cohort_person_set_affiliation_id (CohortPerson *self,
                                  gint64 affiliation_id)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (self->affiliation_id != affiliation_id)
    {
      self->affiliation_id = affiliation_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION_ID]);
    }
}

const char *
cohort_person_get_notes (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->notes;
}

void
cohort_person_set_notes (CohortPerson *self,
                         const char *notes)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
cohort_person_get_anonymised_at (CohortPerson *self)
{
  g_return_val_if_fail (COHORT_IS_PERSON (self), NULL);

  return self->anonymised_at;
}

void
cohort_person_set_anonymised_at (CohortPerson *self,
                                 const char *anonymised_at)
{
  g_return_if_fail (COHORT_IS_PERSON (self));

  if (cohort_set_str (&self->anonymised_at, anonymised_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANONYMISED_AT]);
}
