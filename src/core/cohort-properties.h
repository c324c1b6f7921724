/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The properties of a model class, looked up once per class and kept: the store, the
 * statements and the rules read and write every column of every record through them, and
 * GObject's lookups by name (a lock, a hash, a copy of the list) cost more than the work.
 */

typedef struct
{
  GParamSpec **pspecs;      /* as g_object_class_list_properties() */
  guint        n_pspecs;
  char       **columns;     /* each property's column: "family_name" for "family-name" */
  GHashTable  *by_column;   /* "family_name" -> GParamSpec of "family-name" */
} CohortProperties;

const CohortProperties *cohort_properties_for_type   (GType          type);
GParamSpec             *cohort_properties_find       (const CohortProperties *properties,
                                                      const char    *column);
void                    cohort_properties_get_value  (GObject       *object,
                                                      GParamSpec    *pspec,
                                                      GValue        *value);
void                    cohort_properties_set_value  (GObject       *object,
                                                      GParamSpec    *pspec,
                                                      GValue        *value);

G_END_DECLS
