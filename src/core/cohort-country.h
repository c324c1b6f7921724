/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CohortRegion:
 * @COHORT_REGION_NONE: not a known country (or Antarctica)
 * @COHORT_REGION_AFRICA: Africa
 * @COHORT_REGION_AMERICAS: the Americas
 * @COHORT_REGION_ASIA: Asia
 * @COHORT_REGION_EUROPE: Europe
 * @COHORT_REGION_OCEANIA: Oceania
 *
 * The world regions of the UN Statistics Division's standard country codes (M49).
 */
typedef enum
{
  COHORT_REGION_NONE,
  COHORT_REGION_AFRICA,
  COHORT_REGION_AMERICAS,
  COHORT_REGION_ASIA,
  COHORT_REGION_EUROPE,
  COHORT_REGION_OCEANIA,
} CohortRegion;

#define COHORT_N_REGIONS (COHORT_REGION_OCEANIA + 1)

const char   *cohort_country_get_name  (const char   *code);
CohortRegion  cohort_country_get_region (const char   *code);
const char   *cohort_region_get_name   (CohortRegion  region);

G_END_DECLS
