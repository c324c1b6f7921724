/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cohort_format_date     (const char *iso);
char *cohort_format_sentence (const char *message);

G_END_DECLS
