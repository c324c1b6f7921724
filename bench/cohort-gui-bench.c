/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui-bench"

#include "config.h"

/*
 * cohort-gui-bench: how the window feels on a big database.
 *
 *   cohort --database /tmp/demo.db demo --trainees 100000
 *   xvfb-run -a -s "-screen 0 1280x800x24" cohort-gui-bench --database /tmp/demo.db
 *
 * Runs the application as `cohort` does (the last database is the one given), and measures:
 * the time from the start of the process and from main() to the window's first frame, and to
 * the first frame with the Trainees list filled; typing 100 keystrokes into the Trainees search
 * (one character more every 120 ms, then the results; with --scrolled, each search starts with
 * the list scrolled half-way down): the longest main-loop block after each keystroke, and the
 * time from the last keystroke of a search to the list's items-changed with the results of the
 * whole text, or to the end of its query when the list stays as it was (nothing found, as for
 * the text before; results of a shorter text do not count); the longest block after clearing
 * the search; paging the Trainees list from top to bottom, one page a frame: each frame's work
 * (from before-paint to after-paint); and the peak resident memory.  With --page placements or
 * --page graduates, the typing and the paging are on that page.  Targets: first frame < 500 ms,
 * block p95 <= 16 ms, results p95 <= 50 ms after the last keystroke, frame p95 and max < 16 ms,
 * peak RSS < 200 MiB.  --verbose prints each keystroke's block; --startup measures the first
 * frames only.  Not run by CI: figures depend on the machine.
 */

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cohort-application.h"
#include "cohort-bench-utils.h"
#include "cohort-graduates-page.h"
#include "cohort-placements-page.h"
#include "cohort-query-model.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window.h"

#define KEY_GAP_MSEC 120
#define N_KEYSTROKES 100
#define SETTLE_MSEC 400
#define RESULTS_TIMEOUT_MSEC 3000

/* What a person might look for: names in Latin letters and in their own script, and an
 * organisation, typed one character at a time. */
static const char * const searches[] = {
  "Tanaka Aiko", "Mohammed", "Nguyen", "田中", "Suzuki", "UNDP", "Haddad", "小林舞",
  "Okafor", "Yamamoto", "Rahman", "Kabila", "Sato Yuki", "Mensah", "Silva", "Kim", "Ito",
};

typedef struct
{
  CohortWindow       *window;
  CohortTraineesPage *page;
  const char         *list_name;            /* the page typed into and paged: --page */
  GtkWidget          *list_page;
  GType               list_type;
  CohortQueryModel   *model;
  GtkEditable        *entry;
  GtkAdjustment      *vadjustment;
  GdkFrameClock      *frame_clock;

  gint64              main_time;
  double              process_age_at_main;  /* ms from exec to main(), or -1 */
  double              first_frame;          /* ms from main() */
  double              first_rows_frame;     /* ms from main() */

  /* The watchdog: a high-priority 1 ms timeout, and the longest gap between its runs. */
  gint64              last_watchdog;
  double              longest_gap;

  /* Typing */
  guint               search;
  guint               n_chars;
  guint               n_keys;
  gint64              last_key_time;
  char               *typed;                /* the text of the last keystroke */
  gint64              search_changed_time;
  gboolean            waiting_results;
  guint               results_timeout_id;
  guint               n_timeouts;
  GArray             *key_blocks;
  GArray             *clear_blocks;
  GArray             *results_from_key;
  GArray             *results_from_search;

  /* Paging */
  gboolean            paging;
  gint64              before_paint_time;
  GArray             *frames;
  guint               n_pages;
  guint               max_pages;
  gboolean            verbose;
  gboolean            scrolled;
  gboolean            startup_only;
  double              startup_gap;          /* with --startup: the watchdog runs from main() */
} Bench;

static Bench bench;

static double
since_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* How long ago the process was started, from /proc (10 ms resolution), or -1. */
static double
process_age_ms (void)
{
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;
  double start_ticks;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;

  /* The command name may hold spaces: the fields start after its closing parenthesis. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return -1;
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 20)
    return -1;

  /* Field 22 of the whole line is the 20th after the name. */
  start_ticks = g_ascii_strtod (fields[19], NULL);

  return (g_ascii_strtod (uptime, NULL) - start_ticks / sysconf (_SC_CLK_TCK)) * 1000.0;
}

static gboolean
on_watchdog_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (bench.last_watchdog != 0)
    bench.longest_gap = MAX (bench.longest_gap, (now - bench.last_watchdog) / 1000.0);
  bench.last_watchdog = now;

  return G_SOURCE_CONTINUE;
}

static void
reset_watchdog (void)
{
  bench.longest_gap = 0;
  bench.last_watchdog = g_get_monotonic_time ();
}

static gboolean start_paging_cb (gpointer user_data);
static gboolean start_typing_cb (gpointer user_data);

static GtkAdjustment *
get_vadjustment (void)
{
  GObject *column_view = gtk_widget_get_template_child (bench.list_page, bench.list_type,
                                                        "column_view");

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
}

static void
record_key_block (void)
{
  g_array_append_val (bench.key_blocks, bench.longest_gap);
  if (bench.verbose)
    g_print ("%-24s %7.1f ms %7u results\n", bench.typed, bench.longest_gap,
             g_list_model_get_n_items (G_LIST_MODEL (bench.model)));
}
static gboolean type_next_cb (gpointer user_data);

/* Typing */

static gboolean
start_next_search_cb (gpointer user_data)
{
  /* The block of clearing the search, which brings back the whole list. */
  if (bench.n_keys > 0)
    {
      g_array_append_val (bench.clear_blocks, bench.longest_gap);
      if (bench.verbose)
        g_print ("%-24s %7.1f ms %7u results\n", "(cleared)", bench.longest_gap,
                 g_list_model_get_n_items (G_LIST_MODEL (bench.model)));
    }
  reset_watchdog ();

  /* A search typed while the list is scrolled half-way: scrolling is not measured. */
  if (bench.scrolled)
    {
      GtkAdjustment *adjustment = get_vadjustment ();

      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                             gtk_adjustment_get_page_size (adjustment)) / 2);
    }
  g_timeout_add (KEY_GAP_MSEC, type_next_cb, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
clear_search_cb (gpointer user_data)
{
  /* The last keystroke's block: until its results are shown, and a while after. */
  record_key_block ();

  /* Clearing the search brings the whole list back: measured apart from the keystrokes. */
  reset_watchdog ();
  gtk_editable_set_text (bench.entry, "");

  if (bench.n_keys >= N_KEYSTROKES)
    g_timeout_add (SETTLE_MSEC * 3, start_paging_cb, NULL);
  else
    g_timeout_add (SETTLE_MSEC * 2, start_next_search_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
search_done (void)
{
  bench.waiting_results = FALSE;
  g_clear_handle_id (&bench.results_timeout_id, g_source_remove);
  bench.search = (bench.search + 1) % G_N_ELEMENTS (searches);
  bench.n_chars = 0;
  g_timeout_add (SETTLE_MSEC, clear_search_cb, NULL);
}

static gboolean
on_results_timeout_cb (gpointer user_data)
{
  bench.results_timeout_id = 0;
  bench.n_timeouts++;
  search_done ();

  return G_SOURCE_REMOVE;
}

/* The list shows the results of what was typed: it changed, or, when it holds what it held
 * (nothing found, as for the text before), its query is done.  Results of a shorter text
 * still on their way do not count. */
static void
results_shown (void)
{
  double from_key;
  double from_search;

  if (!bench.waiting_results ||
      g_strcmp0 (cohort_query_model_get_search (bench.model), bench.typed) != 0)
    return;

  from_key = since_ms (bench.last_key_time);
  from_search = bench.search_changed_time > bench.last_key_time ?
                since_ms (bench.search_changed_time) : from_key;
  g_array_append_val (bench.results_from_key, from_key);
  g_array_append_val (bench.results_from_search, from_search);

  search_done ();
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  results_shown ();
}

static void
on_loading_changed_cb (CohortQueryModel *model,
                       GParamSpec       *pspec,
                       gpointer          user_data)
{
  if (!cohort_query_model_get_loading (model))
    results_shown ();
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      gpointer        user_data)
{
  bench.search_changed_time = g_get_monotonic_time ();
}

static gboolean
type_next_cb (gpointer user_data)
{
  const char *word = searches[bench.search];
  glong n_word = g_utf8_strlen (word, -1);
  g_autofree char *text = NULL;

  /* The block after the previous keystroke. */
  if (bench.n_chars > 0)
    record_key_block ();
  reset_watchdog ();

  bench.n_chars++;
  bench.n_keys++;
  text = g_utf8_substring (word, 0, bench.n_chars);
  g_free (bench.typed);
  bench.typed = g_strdup (text);
  bench.last_key_time = g_get_monotonic_time ();
  gtk_editable_set_text (bench.entry, text);

  if ((glong) bench.n_chars < n_word && bench.n_keys < N_KEYSTROKES)
    return G_SOURCE_CONTINUE;

  bench.waiting_results = TRUE;
  bench.results_timeout_id = g_timeout_add (RESULTS_TIMEOUT_MSEC, on_results_timeout_cb, NULL);

  return G_SOURCE_REMOVE;
}

/* Paging */

static void
print_percentiles (const char *label,
                   GArray     *times)
{
  g_print ("%-58s %7.1f ms %7.1f ms %7.1f ms\n", label, cohort_bench_percentile (times, 50),
           cohort_bench_percentile (times, 95), cohort_bench_percentile (times, 100));
}

static void
print_results (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  g_print ("\n%-58s %10s %10s %10s\n", "what", "p50", "p95", "max");
  if (bench.process_age_at_main >= 0)
    g_print ("%-58s %10s %10s %8.0f ms\n", "first frame, from the start of the process", "",
             "", bench.first_frame + bench.process_age_at_main);
  g_print ("%-58s %10s %10s %8.0f ms\n", "first frame, from main()", "", "", bench.first_frame);
  g_print ("%-58s %10s %10s %8.0f ms\n", "first frame with the Trainees list, from main()", "",
           "", bench.first_rows_frame);
  print_percentiles ("typing: results, last keystroke -> items-changed", bench.results_from_key);
  print_percentiles ("typing: longest main-loop block per keystroke", bench.key_blocks);
  print_percentiles ("clearing the search: longest main-loop block", bench.clear_blocks);
  print_percentiles ("typing: (search-changed -> items-changed)", bench.results_from_search);
  print_percentiles ("paging: work per frame (before- to after-paint)", bench.frames);
  {
    guint n_over = 0;

    for (guint i = 0; i < bench.frames->len; i++)
      if (g_array_index (bench.frames, double, i) >= 16.0)
        n_over++;
    g_print ("%-58s %32u of %u\n", "paging: frames with 16 ms of work or more", n_over,
             bench.frames->len);
  }
  g_print ("%-58s %10s %10s %7.0f MiB\n", "peak RSS", "", "", usage.ru_maxrss / 1024.0);
  g_print ("\n%u keystrokes in %u searches%s (%u without results in %u ms); %u pages of %u "
           "rows of %s; search delay %u ms\n",
           bench.n_keys, bench.results_from_key->len + bench.n_timeouts,
           bench.scrolled ? ", each from half-way down the list" : "", bench.n_timeouts,
           RESULTS_TIMEOUT_MSEC, bench.n_pages,
           g_list_model_get_n_items (G_LIST_MODEL (bench.model)), bench.list_name,
           gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (bench.entry)));
}

static gboolean
quit_cb (gpointer user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (bench.window));

  print_results ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  bench.before_paint_time = g_get_monotonic_time ();
}

static void
on_paging_after_paint_cb (GdkFrameClock *clock,
                          gpointer       user_data)
{
  double work;

  if (!bench.paging || bench.before_paint_time == 0)
    return;

  work = since_ms (bench.before_paint_time);
  g_array_append_val (bench.frames, work);
  if (bench.verbose && work > 12)
    g_print ("page %-19u %7.1f ms\n", bench.n_pages, work);
}

static gboolean
page_down_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  GtkAdjustment *adjustment = bench.vadjustment;
  double value = gtk_adjustment_get_value (adjustment);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (value >= bottom || (bench.max_pages > 0 && bench.n_pages >= bench.max_pages))
    {
      bench.paging = FALSE;
      g_timeout_add (SETTLE_MSEC, quit_cb, NULL);
      return G_SOURCE_REMOVE;
    }

  bench.n_pages++;
  gtk_adjustment_set_value (adjustment,
                            MIN (bottom, value + gtk_adjustment_get_page_increment (adjustment)));

  return G_SOURCE_CONTINUE;
}

static gboolean
start_paging_cb (gpointer user_data)
{
  GtkWidget *column_view;

  column_view = GTK_WIDGET (gtk_widget_get_template_child (bench.list_page, bench.list_type,
                                                           "column_view"));
  bench.vadjustment = get_vadjustment ();
  gtk_adjustment_set_value (bench.vadjustment, 0);

  g_signal_connect (bench.frame_clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (bench.frame_clock, "after-paint", G_CALLBACK (on_paging_after_paint_cb),
                    NULL);
  bench.paging = TRUE;
  gtk_widget_add_tick_callback (column_view, page_down_cb, NULL, NULL);

  return G_SOURCE_REMOVE;
}

/* Start-up */

/* The list of the page typed into, once it has been read. */
static gboolean
start_typing_when_read_cb (gpointer user_data)
{
  if (cohort_query_model_get_loading (bench.model))
    return G_SOURCE_CONTINUE;

  g_timeout_add (SETTLE_MSEC, start_typing_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* The page typed into: Trainees, or another shown now (its list is read when it is first
 * shown). */
static gboolean
show_list_page_cb (gpointer user_data)
{
  AdwViewStack *view_stack;

  if (g_strcmp0 (bench.list_name, "trainees") == 0)
    {
      bench.list_page = GTK_WIDGET (bench.page);
      bench.list_type = COHORT_TYPE_TRAINEES_PAGE;
      return start_typing_cb (NULL);
    }

  view_stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (bench.window),
                                                              COHORT_TYPE_WINDOW,
                                                              "view_stack"));
  adw_view_stack_set_visible_child_name (view_stack, bench.list_name);
  bench.list_page = adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (
    view_stack, bench.list_name)));
  if (COHORT_IS_PLACEMENTS_PAGE (bench.list_page))
    {
      bench.list_type = COHORT_TYPE_PLACEMENTS_PAGE;
      bench.model = cohort_placements_page_get_model (COHORT_PLACEMENTS_PAGE (bench.list_page));
    }
  else
    {
      bench.list_type = COHORT_TYPE_GRADUATES_PAGE;
      bench.model = cohort_graduates_page_get_model (COHORT_GRADUATES_PAGE (bench.list_page));
    }
  g_timeout_add (50, start_typing_when_read_cb, NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
start_typing_cb (gpointer user_data)
{
  bench.entry = GTK_EDITABLE (gtk_widget_get_template_child (bench.list_page, bench.list_type,
                                                             "search_entry"));
  g_signal_connect (bench.entry, "search-changed", G_CALLBACK (on_search_changed_cb), NULL);
  g_signal_connect (bench.model, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
  g_signal_connect (bench.model, "notify::loading", G_CALLBACK (on_loading_changed_cb), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (bench.entry));

  g_timeout_add_full (G_PRIORITY_HIGH, 1, on_watchdog_cb, NULL, NULL);
  start_next_search_cb (NULL);

  return G_SOURCE_REMOVE;
}

/* --startup: the first frames only. */
static gboolean
quit_startup_cb (gpointer user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (bench.window));

  if (bench.process_age_at_main >= 0)
    g_print ("%-58s %8.0f ms\n", "first frame, from the start of the process",
             bench.first_frame + bench.process_age_at_main);
  g_print ("%-58s %8.0f ms\n", "first frame, from main()", bench.first_frame);
  g_print ("%-58s %8.0f ms\n", "first frame with the Trainees list, from main()",
           bench.first_rows_frame);
  g_print ("%-58s %8.0f ms\n", "longest main-loop block before the first frame",
           bench.startup_gap);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  if (bench.first_frame == 0)
    {
      bench.first_frame = since_ms (bench.main_time);
      bench.startup_gap = bench.longest_gap;
    }

  if (bench.first_rows_frame == 0 && bench.model != NULL &&
      !cohort_query_model_get_loading (bench.model) &&
      g_list_model_get_n_items (G_LIST_MODEL (bench.model)) > 0)
    {
      bench.first_rows_frame = since_ms (bench.main_time);
      g_signal_handlers_disconnect_by_func (clock, on_first_after_paint_cb, user_data);
      if (bench.startup_only)
        g_timeout_add (SETTLE_MSEC, quit_startup_cb, NULL);
      else
        g_timeout_add (SETTLE_MSEC * 2, show_list_page_cb, NULL);
    }
}

static void
on_window_realize_cb (GtkWidget *widget,
                      gpointer   user_data)
{
  bench.frame_clock = gtk_widget_get_frame_clock (widget);
  g_signal_connect (bench.frame_clock, "after-paint", G_CALLBACK (on_first_after_paint_cb),
                    NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (!COHORT_IS_WINDOW (window) || bench.window != NULL)
    return;

  bench.window = COHORT_WINDOW (window);
  bench.page = COHORT_TRAINEES_PAGE (adw_bin_get_child (ADW_BIN (
    gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW, "trainees_bin"))));
  bench.model = cohort_trainees_page_get_model (bench.page);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CohortApplication) app = NULL;
  g_autofree char *database = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *page = NULL;
  int max_pages = 0;
  char *app_argv[] = { argv[0], NULL };
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database to open", "PATH" },
    { "pages", 0, 0, G_OPTION_ARG_INT, &max_pages, "Stop paging after N pages", "N" },
    { "page", 0, 0, G_OPTION_ARG_STRING, &page, "The page to type into and page through: "
      "trainees (the default), placements or graduates", "NAME" },
    { "startup", 0, 0, G_OPTION_ARG_NONE, &bench.startup_only,
      "Measure the first frames only", NULL },
    { "scrolled", 0, 0, G_OPTION_ARG_NONE, &bench.scrolled,
      "Scroll the list half-way down before each search", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &bench.verbose,
      "Print each keystroke's block and the number of results", NULL },
    G_OPTION_ENTRY_NULL
  };
  int status;

  bench.main_time = g_get_monotonic_time ();
  bench.process_age_at_main = process_age_ms ();

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- measure the window on a big database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (database == NULL || !g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("Give an existing database with --database PATH\n");
      return EXIT_FAILURE;
    }

  /* The user's settings stay as they are: settings in memory, the build's schema. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_DATA_DIR, TRUE);

  if (page != NULL && g_strcmp0 (page, "trainees") != 0 && g_strcmp0 (page, "placements") != 0 &&
      g_strcmp0 (page, "graduates") != 0)
    {
      g_printerr ("--page is trainees, placements or graduates\n");
      return EXIT_FAILURE;
    }
  bench.list_name = page != NULL ? page : "trainees";
  bench.max_pages = (guint) MAX (0, max_pages);
  bench.key_blocks = g_array_new (FALSE, FALSE, sizeof (double));
  bench.clear_blocks = g_array_new (FALSE, FALSE, sizeof (double));
  bench.results_from_key = g_array_new (FALSE, FALSE, sizeof (double));
  bench.results_from_search = g_array_new (FALSE, FALSE, sizeof (double));
  bench.frames = g_array_new (FALSE, FALSE, sizeof (double));

  /* As `cohort` without arguments: the last database. */
  canonical = g_canonicalize_filename (database, NULL);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-database", canonical);

  app = g_object_new (COHORT_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_BASE,
                      NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  if (bench.startup_only)
    {
      reset_watchdog ();
      g_timeout_add_full (G_PRIORITY_HIGH, 1, on_watchdog_cb, NULL, NULL);
    }
  status = g_application_run (G_APPLICATION (app), 1, app_argv);

  g_array_unref (bench.key_blocks);
  g_array_unref (bench.clear_blocks);
  g_array_unref (bench.results_from_key);
  g_array_unref (bench.results_from_search);
  g_array_unref (bench.frames);
  g_free (bench.typed);

  return status;
}
