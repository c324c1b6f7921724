/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-core"

#include "config.h"

#include "cohort-properties.h"

static GMutex properties_mutex;

static GQuark
properties_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("cohort-properties"));

  return (GQuark) quark;
}

/**
 * cohort_properties_for_type:
 * @type: a #GObject type
 *
 * Returns: (transfer none): the properties of @type, kept for as long as the program runs
 *   (classes are never unloaded)
 */
const CohortProperties *
cohort_properties_for_type (GType type)
{
  CohortProperties *properties;

  g_return_val_if_fail (g_type_is_a (type, G_TYPE_OBJECT), NULL);

  properties = g_type_get_qdata (type, properties_quark ());
  if (properties != NULL)
    return properties;

  g_mutex_lock (&properties_mutex);
  properties = g_type_get_qdata (type, properties_quark ());
  if (properties == NULL)
    {
      GObjectClass *klass = g_type_class_ref (type);

      properties = g_new0 (CohortProperties, 1);
      properties->pspecs = g_object_class_list_properties (klass, &properties->n_pspecs);
      properties->columns = g_new0 (char *, properties->n_pspecs + 1);
      properties->by_column = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < properties->n_pspecs; i++)
        {
          char *column = g_strdup (properties->pspecs[i]->name);

          g_strdelimit (column, "-", '_');
          properties->columns[i] = column;
          g_hash_table_insert (properties->by_column, column, properties->pspecs[i]);
        }
      g_type_set_qdata (type, properties_quark (), properties);
      /* The class stays referenced: the specs belong to it. */
    }
  g_mutex_unlock (&properties_mutex);

  return properties;
}

/**
 * cohort_properties_find:
 * @column: a column's name, as `family_name`
 *
 * Returns: (nullable) (transfer none): the property for @column (`family-name`), or %NULL
 */
GParamSpec *
cohort_properties_find (const CohortProperties *properties,
                        const char             *column)
{
  return g_hash_table_lookup (properties->by_column, column);
}

/**
 * cohort_properties_get_value:
 * @value: a #GValue initialised to the property's type
 *
 * Reads @pspec from @object as g_object_get_property() does, without looking the property up
 * by its name (an overridden property still goes through GObject).
 */
void
cohort_properties_get_value (GObject    *object,
                             GParamSpec *pspec,
                             GValue     *value)
{
  GObjectClass *klass = g_type_class_peek (pspec->owner_type);

  g_return_if_fail (klass != NULL && (pspec->flags & G_PARAM_READABLE));
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));

  /* An overridden property is GObject's to resolve. */
  if (G_IS_PARAM_SPEC_OVERRIDE (pspec))
    {
      g_object_get_property (object, pspec->name, value);
      return;
    }

  klass->get_property (object, pspec->param_id, value, pspec);
}

/**
 * cohort_properties_set_value:
 * @value: (inout): the value, made valid for @pspec first
 *
 * Sets @pspec on @object as g_object_set_property() does, without looking the property up by
 * its name.  A property with %G_PARAM_EXPLICIT_NOTIFY notifies when its setter changes it (as
 * the model's setters do); any other is notified here.
 */
void
cohort_properties_set_value (GObject      *object,
                             GParamSpec   *pspec,
                             GValue       *value)
{
  GObjectClass *klass = g_type_class_peek (pspec->owner_type);

  g_return_if_fail (klass != NULL && (pspec->flags & G_PARAM_WRITABLE));
  g_return_if_fail (!(pspec->flags & G_PARAM_CONSTRUCT_ONLY));
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));

  if (G_IS_PARAM_SPEC_OVERRIDE (pspec))
    {
      g_object_set_property (object, pspec->name, value);
      return;
    }

  /* As GObject does: a value out of the property's range is brought into it. */
  g_param_value_validate (pspec, value);
  klass->set_property (object, pspec->param_id, value, pspec);
  if (!(pspec->flags & G_PARAM_EXPLICIT_NOTIFY))
    g_object_notify_by_pspec (object, pspec);
}
