/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-xcri"

#include "config.h"

#include "cohort-xcri-schema.h"

#include "cohort-xml-safety.h"

G_LOCK_DEFINE_STATIC (schema);
static xmlSchemaPtr schema;
static char *schema_dir;

/**
 * cohort_xcri_schema_dup_dir:
 *
 * Returns: (transfer full): the folder holding Cohort's copies of the XML schemas: the
 *   environment variable `COHORT_XSD_DIR` when set (a build that is not installed, the tests),
 *   else the installed `$datadir/cohort/xsd`
 */
char *
cohort_xcri_schema_dup_dir (void)
{
  const char *dir = g_getenv ("COHORT_XSD_DIR");

  if (dir != NULL && dir[0] != '\0')
    return g_strdup (dir);

  return g_strdup (COHORT_XSD_DIR);
}

/**
 * cohort_xcri_schema_get:
 * @error: return location for a #GError
 *
 * Loads the XCRI-CAP 1.2 schemas (the catalog and terms schemas and the extensions feeds point
 * at, through `_local/xcri-cap-1.2-driver.xsd`) once per process.  Their imports of remote
 * addresses (`http://www.xcri.co.uk/bindings/…`, the W3C's `xml.xsd` and `xhtml1-strict.xsd`)
 * are loaded from the local copies; nothing is fetched from the network.
 *
 * Returns: (transfer none): the compiled schema, shared and never freed; %NULL on error
 */
xmlSchemaPtr
cohort_xcri_schema_get (GError **error)
{
  g_autofree char *dir = cohort_xcri_schema_dup_dir ();
  g_autofree char *bindings = NULL;
  g_autofree char *xml_xsd = NULL;
  g_autofree char *xhtml_xsd = NULL;
  g_autofree char *driver = NULL;
  xmlSchemaPtr loaded;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  G_LOCK (schema);

  if (schema != NULL && g_strcmp0 (schema_dir, dir) == 0)
    {
      loaded = schema;
      G_UNLOCK (schema);
      return loaded;
    }

  bindings = g_build_filename (dir, "xcri-cap-1.2", NULL);
  xml_xsd = g_build_filename (dir, "xcri-cap-1.2", "w3c", "xml.xsd", NULL);
  xhtml_xsd = g_build_filename (dir, "xcri-cap-1.2", "w3c", "xhtml1-strict.xsd", NULL);
  driver = g_build_filename (dir, "_local", "xcri-cap-1.2-driver.xsd", NULL);

  cohort_xml_add_url_mapping ("http://www.xcri.co.uk/bindings/", bindings);
  cohort_xml_add_url_mapping ("http://www.w3.org/2001/xml.xsd", xml_xsd);
  cohort_xml_add_url_mapping ("http://www.w3.org/2002/08/xhtml/xhtml1-strict.xsd", xhtml_xsd);

  loaded = cohort_xml_schema_load (driver, error);
  if (loaded != NULL)
    {
      /* A schema loaded from another folder before stays allocated: readers may still use it. */
      schema = loaded;
      g_free (schema_dir);
      schema_dir = g_strdup (dir);
    }

  G_UNLOCK (schema);

  return loaded;
}
