/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-bench"

#include "config.h"

#include "cohort-bench-utils.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * cohort_bench_percentile:
 * @times: (element-type double): the times, sorted in place
 * @p: the percentile, from 0 to 100
 *
 * Returns: the nearest-rank percentile of @times, or 0 when there are none
 */
double
cohort_bench_percentile (GArray *times,
                         double  p)
{
  guint rank;

  if (times->len == 0)
    return 0;

  g_array_sort (times, compare_doubles);
  rank = (guint) MAX (1.0, (p / 100.0) * times->len + 0.999999);

  return g_array_index (times, double, MIN (rank, times->len) - 1);
}

/**
 * cohort_bench_median:
 * @times: (element-type double): the times, at least one, sorted in place
 *
 * Returns: the median of @times (the mean of the two middle ones for an even count)
 */
double
cohort_bench_median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return times->len % 2 == 1
         ? g_array_index (times, double, times->len / 2)
         : (g_array_index (times, double, times->len / 2 - 1) +
            g_array_index (times, double, times->len / 2)) / 2;
}
