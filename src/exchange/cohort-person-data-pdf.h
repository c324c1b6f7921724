/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-person-data.h"

G_BEGIN_DECLS

gboolean  cohort_person_data_write_pdf  (CohortPersonData  *data,
                                         const char        *path,
                                         GError           **error);

G_END_DECLS
