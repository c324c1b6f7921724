/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* cohort_format_date() is in core: the report and the history show dates too. */
#include "cohort-utils.h"

G_BEGIN_DECLS

char *cohort_format_sentence (const char *message);

G_END_DECLS
