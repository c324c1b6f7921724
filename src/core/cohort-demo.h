/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"

G_BEGIN_DECLS

#define COHORT_DEMO_ERROR (cohort_demo_error_quark ())

typedef enum
{
  COHORT_DEMO_ERROR_NOT_EMPTY,
  COHORT_DEMO_ERROR_INVALID_ARGUMENT,
} CohortDemoError;

/* The number of trainees `cohort demo` writes when not told otherwise: about the size of the
 * real programme since FY2007 (over 1,000 participants among them). */
#define COHORT_DEMO_DEFAULT_TRAINEES 1600
#define COHORT_DEMO_MAX_TRAINEES     1000000

/**
 * CohortDemoProgressFunc:
 * @n_done: trainees written so far
 * @n_total: trainees to write
 * @user_data: the data given to cohort_demo_generate()
 *
 * Called from time to time while the demo programme is written.
 */
typedef void (*CohortDemoProgressFunc) (guint    n_done,
                                        guint    n_total,
                                        gpointer user_data);

GQuark   cohort_demo_error_quark (void);

gboolean cohort_demo_generate    (CohortDatabase          *db,
                                  guint                    n_trainees,
                                  guint64                  seed,
                                  const char              *reference_date,
                                  CohortDemoProgressFunc   progress,
                                  gpointer                 user_data,
                                  GCancellable            *cancellable,
                                  GError                 **error);

G_END_DECLS
