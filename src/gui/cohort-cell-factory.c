/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-cell-factory.h"

#include <string.h>

#include "cohort-row.h"

/*
 * A list cell of one or two string properties of the row's item, in a GtkInscription built in
 * code.
 *
 * GTK 4.8 builds new row widgets whenever a list's rows are replaced (a search, a sort) and
 * while it scrolls; a GtkBuilderListItemFactory parses its XML for every cell it builds.  At
 * 100,000 trainees that parsing was most of the time a search's results took to appear, and
 * of each frame while paging through the list.  These cells cost a few allocations.
 *
 * The items may be #CohortRow (see cohort-row-model.c): the cell then shows the row's item,
 * and shows the next one when the list puts another item in the row.
 */

typedef struct
{
  char               *properties[2];
  CohortCellStyle     style;
  int                 vocabulary;  /* a CohortVocabulary whose label to show, or -1 */
  guint               width_chars; /* the column's natural width */
  CohortCellTextFunc  text_func;   /* or NULL: the text of the properties */
  gpointer            user_data;
  GDestroyNotify      destroy;
} CellSpec;

/* Set on a cell whose row took a new item while the cell was out of sight: see below. */
static GQuark stale_quark;

/* The record a cell shows, watched so that an edited record shows its new values at once, as
 * a bound property would.  (Lighter than a GSignalGroup: GTK builds hundreds of cells at once.) */
typedef struct
{
  GObject *record;
  gulong   notify_id;
  gulong   row_notify_id;  /* on the list's item, when it is a CohortRow */
} Watch;

static void on_record_notify_cb (GtkListItem *list_item);

static void
watch_clear (Watch *watch)
{
  if (watch->record != NULL)
    {
      g_signal_handler_disconnect (watch->record, watch->notify_id);
      g_clear_object (&watch->record);
      watch->notify_id = 0;
    }
}

static void
watch_free (gpointer data)
{
  watch_clear (data);
  g_free (data);
}

static void
watch_record (GtkListItem *list_item,
              GObject     *record)
{
  Watch *watch = g_object_get_data (G_OBJECT (list_item), "cohort-cell-watch");

  if (watch->record == record)
    return;

  watch_clear (watch);
  if (record != NULL)
    {
      watch->record = g_object_ref (record);
      watch->notify_id = g_signal_connect_swapped (record, "notify",
                                                   G_CALLBACK (on_record_notify_cb), list_item);
    }
}

static void
cell_spec_free (gpointer data)
{
  CellSpec *spec = data;

  g_free (spec->properties[0]);
  g_free (spec->properties[1]);
  if (spec->destroy != NULL)
    spec->destroy (spec->user_data);
  g_free (spec);
}

/* What the cell shows: the list's item, or the item now in the list's row. */
static GObject *
get_record (GtkListItem *list_item)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (COHORT_IS_ROW (item))
    return cohort_row_get_item (COHORT_ROW (item));

  return item;
}

/* Whether a paragraph of @text reads right to left: the direction of its first letter, as
 * Pango takes it, or @otherwise when it has none (a code, a date). */
static gboolean
reads_right_to_left (const char *text,
                     gboolean    otherwise)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      switch ((int) g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
        case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return otherwise;
}

/* How high a cell is, in its font's size: see cell_css below. */
#define CELL_HEIGHT_EM 2.1

/* GtkInscription 4.8 draws an ellipsized text at the top of the cell and any other in the
 * middle: a name too long for its column sat higher than the rest of its row.  Every line is
 * made as high as the cell, whatever its script, with the text in the middle of the line: at
 * the top of the cell or in its middle, it is in the same place. */
static int
cell_line_height (GtkWidget *cell)
{
  PangoContext *context = gtk_widget_get_pango_context (cell);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = font != NULL ? pango_font_description_get_size (font) : 0;

  /* In points, unless the size is in device units already. */
  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    {
      double resolution = pango_cairo_context_get_resolution (context);

      size = size * (resolution > 0 ? resolution : 96.0) / 72.0;
    }

  return (int) (CELL_HEIGHT_EM * size);
}

static PangoAttrList *
new_cell_attributes (GtkWidget *cell)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  int line_height = cell_line_height (cell);

  if (line_height > 0)
    pango_attr_list_insert (attrs, pango_attr_line_height_new_absolute (line_height));
  g_object_set_data (G_OBJECT (cell), "cohort-cell-line-height", GINT_TO_POINTER (line_height));

  return attrs;
}

/* The cell's lines as high as the cell, when its font changed or it never had them. */
static void
keep_line_height (GtkInscription *cell)
{
  PangoAttrList *attrs;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "cohort-cell-line-height")) ==
      cell_line_height (GTK_WIDGET (cell)))
    return;

  attrs = new_cell_attributes (GTK_WIDGET (cell));
  gtk_inscription_set_attributes (cell, attrs);
  pango_attr_list_unref (attrs);
}

/* Shows @text at the start of the cell as the window reads (the left, or the right under a
 * right-to-left language), as a label would.  An inscription aligns its text the way the text
 * itself reads, so the side is turned for a text that reads the other way. */
static void
set_cell_text (GtkInscription *cell,
               const char     *text)
{
  gboolean window_rtl = gtk_widget_get_direction (GTK_WIDGET (cell)) == GTK_TEXT_DIR_RTL;

  gtk_inscription_set_xalign (cell, reads_right_to_left (text, window_rtl) == window_rtl ? 0.0
                                                                                          : 1.0);
  gtk_inscription_set_text (cell, text);
  keep_line_height (cell);
}

static void
show_record (GtkListItem *list_item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (list_item), "cohort-cell-spec");
  GObject *item = get_record (list_item);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;

  g_object_set_qdata (G_OBJECT (list_item), stale_quark, NULL);
  watch_record (list_item, item);

  if (spec->text_func != NULL)
    {
      text = item != NULL ? spec->text_func (item, spec->user_data) : NULL;
      set_cell_text (cell, text != NULL ? text : "");
      return;
    }

  if (item != NULL)
    g_object_get (item, spec->properties[0], &first, NULL);
  if (item != NULL && spec->properties[1] != NULL)
    g_object_get (item, spec->properties[1], &second, NULL);

  if (spec->vocabulary >= 0)
    {
      const char *term = first != NULL ? cohort_vocabulary_get_label (spec->vocabulary, first) :
                                         NULL;

      set_cell_text (cell, term != NULL ? term : "");
      return;
    }

  if (first != NULL && first[0] != '\0' && second != NULL && second[0] != '\0')
    text = g_strconcat (first, " ", second, NULL);
  else if (first != NULL && first[0] != '\0')
    text = g_strdup (first);
  else
    text = g_strdup (second != NULL ? second : "");

  set_cell_text (cell, text);

  if (spec->style == COHORT_CELL_FIRST_BOLD)
    {
      PangoAttrList *attrs = new_cell_attributes (GTK_WIDGET (cell));
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = first != NULL ? strlen (first) : 0;
      pango_attr_list_insert (attrs, bold);
      gtk_inscription_set_attributes (cell, attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
on_record_notify_cb (GtkListItem *list_item)
{
  show_record (list_item);
}

/*
 * Cells out of sight.  GTK 4.8 keeps the widgets of some 200 rows around the ones in sight,
 * and maps only those in sight.  When a search's results take the rows in place, showing the
 * new text in all of them cost 20 ms and more of one frame, and as much again of each later
 * frame that laid out some of them.  The cells in sight show their new text at once; the others
 * are marked, and show theirs when they come into sight.  They are mapped while GTK lays the
 * list out, too late to change a cell's text in that pass: they change in the frame clock's layout
 * phase right after it, which GDK runs again (with the window's layout) before it paints.
 */

static GQueue mapped_stale_cells = G_QUEUE_INIT; /* GtkListItem, owned */

static void
on_frame_clock_layout_cb (GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  while (!g_queue_is_empty (&mapped_stale_cells))
    {
      g_autoptr(GtkListItem) list_item = g_queue_pop_head (&mapped_stale_cells);

      /* Not when it has been shown since (bound again). */
      if (g_object_get_qdata (G_OBJECT (list_item), stale_quark) != NULL)
        show_record (list_item);
    }
}

static void
on_cell_map_cb (GtkWidget   *cell,
                GtkListItem *list_item)
{
  GdkFrameClock *frame_clock;

  if (g_object_get_qdata (G_OBJECT (list_item), stale_quark) == NULL)
    return;

  g_queue_push_tail (&mapped_stale_cells, g_object_ref (list_item));
  frame_clock = gtk_widget_get_frame_clock (cell);
  if (frame_clock != NULL)
    gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* The list replaced the item in the cell's row: show the new one, and follow its changes. */
static void
on_row_item_notify_cb (GtkListItem *list_item)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GdkFrameClock *frame_clock;

  if (gtk_widget_get_mapped (cell))
    {
      show_record (list_item);
      return;
    }

  frame_clock = gtk_widget_get_frame_clock (cell);
  if (frame_clock == NULL)
    {
      show_record (list_item);
      return;
    }

  /* Once for each window: see above. */
  if (g_object_get_data (G_OBJECT (frame_clock), "cohort-cell-layout") == NULL)
    {
      g_signal_connect (frame_clock, "layout", G_CALLBACK (on_frame_clock_layout_cb), NULL);
      g_object_set_data (G_OBJECT (frame_clock), "cohort-cell-layout", GINT_TO_POINTER (TRUE));
    }
  g_object_set_qdata (G_OBJECT (list_item), stale_quark, GINT_TO_POINTER (TRUE));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CellSpec                 *spec)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  /* One inscription a cell, however many properties it shows: every widget costs when GTK
   * builds the rows.  An inscription, unlike a label, is as wide as the column says rather than
   * as its text: measuring it lays out no text. */
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), spec->width_chars);
  gtk_widget_add_css_class (cell, "cohort-cell");
  if (spec->style == COHORT_CELL_NUMERIC)
    gtk_widget_add_css_class (cell, "numeric");
  if (spec->style == COHORT_CELL_HEADING)
    gtk_widget_add_css_class (cell, "heading");

  gtk_list_item_set_child (list_item, cell);
  g_signal_connect_object (cell, "map", G_CALLBACK (on_cell_map_cb), list_item,
                           G_CONNECT_DEFAULT);

  g_object_set_data (G_OBJECT (list_item), "cohort-cell-spec", spec);
  g_object_set_data_full (G_OBJECT (list_item), "cohort-cell-watch", g_new0 (Watch, 1),
                          watch_free);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CellSpec                 *spec)
{
  Watch *watch = g_object_get_data (G_OBJECT (list_item), "cohort-cell-watch");
  GObject *item = gtk_list_item_get_item (list_item);

  /* Disconnected when unbound, while the list item still holds the row. */
  if (COHORT_IS_ROW (item))
    watch->row_notify_id = g_signal_connect_swapped (item, "notify::item",
                                                     G_CALLBACK (on_row_item_notify_cb),
                                                     list_item);

  show_record (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CellSpec                 *spec)
{
  Watch *watch = g_object_get_data (G_OBJECT (list_item), "cohort-cell-watch");
  GObject *item = gtk_list_item_get_item (list_item);

  if (watch->row_notify_id != 0)
    {
      g_signal_handler_disconnect (item, watch->row_notify_id);
      watch->row_notify_id = 0;
    }
  watch_record (list_item, NULL);
}

/* An inscription is one line of the widget's font high unless told otherwise.  Names in their
 * own script reach above and below that line (the stacked marks of Myanmar, Khmer or Thai,
 * Arabic vowel marks), and would be cut: room for them, in the font's own size. */
#define CELL_CSS(height) ".cohort-cell { min-height: " #height "em; }"
#define CELL_CSS_OF(height) CELL_CSS (height)
static const char cell_css[] = CELL_CSS_OF (CELL_HEIGHT_EM);

static void
add_cell_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  /* Once for each display. */
  if (display == NULL || g_object_get_data (G_OBJECT (display), "cohort-cell-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, cell_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data (G_OBJECT (display), "cohort-cell-style", GINT_TO_POINTER (TRUE));
}

static GtkListItemFactory *
factory_new (CellSpec *spec)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (stale_quark == 0)
    stale_quark = g_quark_from_static_string ("cohort-cell-stale");
  add_cell_style ();

  g_object_set_data_full (G_OBJECT (factory), "cohort-cell-spec", spec, cell_spec_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), spec);

  return factory;
}

/**
 * cohort_cell_factory_new:
 * @first_property: a string property of the items
 * @second_property: (nullable): another, shown after the first
 * @style: how the text looks
 * @width_chars: the column's natural width, in characters (text longer than the column is
 *   ellipsized)
 *
 * Returns: (transfer full): a factory for the cells of a column
 */
GtkListItemFactory *
cohort_cell_factory_new (const char      *first_property,
                         const char      *second_property,
                         CohortCellStyle  style,
                         guint            width_chars)
{
  CellSpec *spec;

  g_return_val_if_fail (first_property != NULL, NULL);

  spec = g_new0 (CellSpec, 1);
  spec->properties[0] = g_strdup (first_property);
  spec->properties[1] = g_strdup (second_property);
  spec->style = style;
  spec->vocabulary = -1;
  spec->width_chars = width_chars;

  return factory_new (spec);
}

/**
 * cohort_cell_factory_new_func:
 * @text_func: what a cell shows for an item
 * @user_data: for @text_func
 * @destroy: (nullable): frees @user_data with the factory
 * @style: how the text looks (%COHORT_CELL_FIRST_BOLD is taken as %COHORT_CELL_HEADING)
 * @width_chars: the column's natural width, in characters
 *
 * For a column whose text is more than properties of the item: a name looked up, a date in the
 * reader's format.  The cells show @text_func's text again when the item changes.
 *
 * Returns: (transfer full): a factory for the cells of a column
 */
GtkListItemFactory *
cohort_cell_factory_new_func (CohortCellTextFunc text_func,
                              gpointer           user_data,
                              GDestroyNotify     destroy,
                              CohortCellStyle    style,
                              guint              width_chars)
{
  CellSpec *spec;

  g_return_val_if_fail (text_func != NULL, NULL);

  spec = g_new0 (CellSpec, 1);
  spec->style = style == COHORT_CELL_FIRST_BOLD ? COHORT_CELL_HEADING : style;
  spec->vocabulary = -1;
  spec->width_chars = width_chars;
  spec->text_func = text_func;
  spec->user_data = user_data;
  spec->destroy = destroy;

  return factory_new (spec);
}

/**
 * cohort_cell_factory_new_vocabulary:
 * @property: a string property of the items that holds a code of @vocabulary
 * @vocabulary: the vocabulary
 *
 * Returns: (transfer full): a factory for the cells of a column that show the translated
 *   label of the code
 */
GtkListItemFactory *
cohort_cell_factory_new_vocabulary (const char       *property,
                                    CohortVocabulary  vocabulary)
{
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  CellSpec *spec;

  g_return_val_if_fail (property != NULL, NULL);

  spec = g_new0 (CellSpec, 1);
  spec->properties[0] = g_strdup (property);
  spec->style = COHORT_CELL_PLAIN;
  spec->vocabulary = vocabulary;

  /* As wide as the longest label in the reader's language. */
  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    spec->width_chars = MAX (spec->width_chars,
                             (guint) g_utf8_strlen (cohort_vocabulary_term_get_label (&terms[i]),
                                                    -1) + 1);

  return factory_new (spec);
}
