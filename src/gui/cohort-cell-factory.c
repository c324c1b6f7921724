/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-cell-factory.h"

#include <string.h>

/*
 * A list cell of one or two string properties of the row's item, in a label built in code.
 *
 * GTK 4.8 builds new row widgets whenever a list's rows are replaced (a search, a sort) and
 * while it scrolls; a GtkBuilderListItemFactory parses its XML for every cell it builds.  At
 * 100,000 trainees that parsing was most of the time a search's results took to appear, and
 * of each frame while paging through the list.  These cells cost a few allocations.
 */

typedef struct
{
  char            *properties[2];
  CohortCellStyle  style;
} CellSpec;

static void
cell_spec_free (gpointer data)
{
  CellSpec *spec = data;

  g_free (spec->properties[0]);
  g_free (spec->properties[1]);
  g_free (spec);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CellSpec                 *spec)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* One label a cell, however many properties it shows: every widget costs when GTK builds
   * the rows. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (spec->style == COHORT_CELL_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (list_item, label);
}

static void
show_item (GtkListItem *list_item,
           CellSpec    *spec)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;

  if (item != NULL)
    g_object_get (item, spec->properties[0], &first, NULL);
  if (item != NULL && spec->properties[1] != NULL)
    g_object_get (item, spec->properties[1], &second, NULL);

  if (first != NULL && first[0] != '\0' && second != NULL && second[0] != '\0')
    text = g_strconcat (first, " ", second, NULL);
  else if (first != NULL && first[0] != '\0')
    text = g_strdup (first);
  else
    text = g_strdup (second != NULL ? second : "");

  gtk_label_set_text (label, text);

  if (spec->style == COHORT_CELL_FIRST_BOLD)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = first != NULL ? strlen (first) : 0;
      pango_attr_list_insert (attrs, bold);
      gtk_label_set_attributes (label, attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
on_item_notify_cb (GObject     *item,
                   GParamSpec  *pspec,
                   GtkListItem *list_item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (list_item), "cohort-cell-spec");

  show_item (list_item, spec);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellSpec                 *spec)
{
  GObject *item = gtk_list_item_get_item (list_item);

  show_item (list_item, spec);

  /* An edited record shows its new values at once, as a bound property would. */
  if (item != NULL)
    {
      g_object_set_data (G_OBJECT (list_item), "cohort-cell-spec", spec);
      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), list_item,
                               G_CONNECT_DEFAULT);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellSpec                 *spec)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_notify_cb, list_item);
}

/**
 * cohort_cell_factory_new:
 * @first_property: a string property of the items
 * @second_property: (nullable): another, shown after the first
 * @style: how the text looks
 *
 * Returns: (transfer full): a factory for the cells of a column
 */
GtkListItemFactory *
cohort_cell_factory_new (const char      *first_property,
                         const char      *second_property,
                         CohortCellStyle  style)
{
  GtkListItemFactory *factory;
  CellSpec *spec;

  g_return_val_if_fail (first_property != NULL, NULL);

  spec = g_new0 (CellSpec, 1);
  spec->properties[0] = g_strdup (first_property);
  spec->properties[1] = g_strdup (second_property);
  spec->style = style;

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), "cohort-cell-spec", spec, cell_spec_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), spec);

  return factory;
}
