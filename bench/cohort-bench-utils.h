/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the benchmarks (bench/ only): summaries of a series of times. */

#include <glib.h>

G_BEGIN_DECLS

double cohort_bench_percentile (GArray *times,
                                double  p);
double cohort_bench_median     (GArray *times);

G_END_DECLS
