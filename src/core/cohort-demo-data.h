/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Only for cohort-demo.c: the reference data the demo programme is built from — name lists in
 * romanised and original script, the countries trainees come from, and real organisations and
 * duty stations.  Data, not user interface: none of it is translated. */

#include <glib.h>

G_BEGIN_DECLS

/* A name as written in the passport (romanised) and in its own script (NULL when the romanised
 * form is the original, as for names in Latin script). */
typedef struct
{
  const char *roman;
  const char *local;
} CohortDemoName;

typedef enum
{
  COHORT_DEMO_COMPOSE_FAMILY_GIVEN,   /* a family name and a given name */
  COHORT_DEMO_COMPOSE_PATRONYMIC,     /* the family name is the father's given name */
  COHORT_DEMO_COMPOSE_SYLLABLES,      /* no family name; two or three given syllables (Myanmar) */
  COHORT_DEMO_COMPOSE_DOUBLE_SURNAME, /* father's and mother's family names (Spanish) */
} CohortDemoCompose;

typedef struct
{
  const char           *id;
  CohortDemoCompose     compose;
  gboolean              family_first;     /* name_order 'family_first' */
  gboolean              gendered_family;  /* a woman's family name adds -a (Асанов, Асанова) */
  const CohortDemoName *family;
  guint                 n_family;
  const CohortDemoName *male;
  guint                 n_male;
  const CohortDemoName *female;
  guint                 n_female;
} CohortDemoCulture;

typedef enum
{
  COHORT_DEMO_REGION_JAPAN,
  COHORT_DEMO_REGION_ASIA,
  COHORT_DEMO_REGION_MIDDLE_EAST,
  COHORT_DEMO_REGION_AFRICA,
  COHORT_DEMO_REGION_LATIN_AMERICA,
  COHORT_DEMO_REGION_EUROPE,
  COHORT_DEMO_REGION_OTHER,
} CohortDemoRegion;

typedef struct
{
  const char              *code;          /* ISO 3166-1 alpha-2 */
  const char              *name;
  const char              *capital;       /* where the UN country offices sit */
  const char              *calling_code;  /* "+855" */
  CohortDemoRegion         region;
  const CohortDemoCulture *culture;       /* NULL: a duty station only, no trainees from it */
  guint                    eligible_from; /* first fiscal year its nationals may apply, or 0 */
} CohortDemoCountry;

typedef struct
{
  const char *acronym;
  const char *name;
  const char *country;
  const char *city;
  gboolean    mission;         /* a peace operation: field offices hang from it directly */
  const char *positions[5];    /* job titles of a placement there, NULL-terminated */
} CohortDemoAgency;

typedef struct
{
  const char *agency;   /* acronym of a CohortDemoAgency */
  const char *country;
  const char *city;
} CohortDemoDutyStation;

typedef struct
{
  const char *kind;     /* organisation.kind */
  const char *name;
  const char *acronym;
  const char *country;
  const char *city;
} CohortDemoOrganisation;

const CohortDemoCountry      *cohort_demo_data_get_countries       (guint *n_countries);
const CohortDemoCountry      *cohort_demo_data_get_japan           (void);
const CohortDemoAgency       *cohort_demo_data_get_agencies        (guint *n_agencies);
const CohortDemoDutyStation  *cohort_demo_data_get_duty_stations   (guint *n_stations);
const CohortDemoOrganisation *cohort_demo_data_get_organisations   (guint *n_organisations);

G_END_DECLS
