/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-report"

#include "config.h"

#include "cohort-report.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cohort-country.h"
#include "cohort-database-private.h"
#include "cohort-utils.h"
#include "cohort-vocabulary.h"

/*
 * What the programme's report counts, and how.
 *
 * The scope.  A report covers the course runs that are not deleted, whose course is not
 * deleted, whose course belongs to the filter's programme (any programme, or none, when the
 * filter names none; a deleted programme's courses never count) and whose fiscal year
 * (course_run.fiscal_year) lies in the filter's range.  Runs without a fiscal year cannot be
 * placed in a year and are left out.  Enrolments and persons that are deleted never count;
 * anonymised persons do (their gender and nationality are kept for exactly this).
 *
 * The stages of the pipeline count enrolments (one application to one run), by the status
 * each enrolment has today:
 *
 *   applied       every enrolment, whatever its status
 *   selected      selected, enrolled, completed, participated, withdrawn (offered a place;
 *                 a withdrawal comes after selection)
 *   reserve       reserve (on the waiting list, not yet selected)
 *   enrolled      enrolled, completed, participated (started the course)
 *   completed     completed
 *   participated  participated (attended a course without assessment, or without completing it)
 *   withdrawn     withdrawn
 *   rejected      rejected
 *
 * and the completion rate is completed ÷ enrolled.
 *
 * Persons are counted once per figure where the figure is about people: nationalities and
 * regions count the trainees who were at least enrolled in a run of the scope (by their
 * nationality of record); graduates are the persons with a completed enrolment in the scope;
 * participants are the persons with a completed or participated enrolment, counted in the
 * fiscal year of their first one.
 *
 * Placements count when they follow an enrolment in the scope (placement.enrolment_id), in
 * that enrolment's fiscal year.  Where trainees served (host, office, country, modality) and
 * how long counts the placements that were confirmed or have begun: proposed and cancelled
 * ones are left out there, and shown only in the placements by status.
 *
 * Graduates by sector is built like the ministry's published table: the sector of each
 * graduate's latest career record (the latest start, the newest record among equals), counting
 * only the graduates whose latest record was verified within the year before the report's day;
 * the others are "not confirmed" and left out, and the figure's note says how many.
 */

#define TOP_COUNTRIES 10
#define TOP_PLACES    15

typedef enum
{
  STATUS_APPLIED,
  STATUS_SELECTED,
  STATUS_RESERVE,
  STATUS_REJECTED,
  STATUS_ENROLLED,
  STATUS_COMPLETED,
  STATUS_PARTICIPATED,
  STATUS_WITHDRAWN,
} Status;

typedef enum
{
  STAGE_APPLIED,
  STAGE_SELECTED,
  STAGE_RESERVE,
  STAGE_ENROLLED,
  STAGE_COMPLETED,
  STAGE_PARTICIPATED,
  STAGE_WITHDRAWN,
  STAGE_REJECTED,
  N_STAGES
} Stage;

typedef enum
{
  GENDER_FEMALE,
  GENDER_MALE,
  GENDER_OTHER,
  GENDER_UNDISCLOSED,
  N_GENDERS
} Gender;

#define BIT(status) (1u << (status))

static const struct
{
  const char *key;
  const char *title;
  guint       statuses;
  gboolean    is_series;
} stages[N_STAGES] = {
  [STAGE_APPLIED] = { "applied", NC_("report stage", "Applied"),
                      BIT (STATUS_APPLIED) | BIT (STATUS_SELECTED) | BIT (STATUS_RESERVE) |
                      BIT (STATUS_REJECTED) | BIT (STATUS_ENROLLED) | BIT (STATUS_COMPLETED) |
                      BIT (STATUS_PARTICIPATED) | BIT (STATUS_WITHDRAWN), TRUE },
  [STAGE_SELECTED] = { "selected", NC_("report stage", "Selected"),
                       BIT (STATUS_SELECTED) | BIT (STATUS_ENROLLED) | BIT (STATUS_COMPLETED) |
                       BIT (STATUS_PARTICIPATED) | BIT (STATUS_WITHDRAWN), TRUE },
  [STAGE_RESERVE] = { "reserve", NC_("report stage", "Reserve"), BIT (STATUS_RESERVE), FALSE },
  [STAGE_ENROLLED] = { "enrolled", NC_("report stage", "Enrolled"),
                       BIT (STATUS_ENROLLED) | BIT (STATUS_COMPLETED) |
                       BIT (STATUS_PARTICIPATED), TRUE },
  [STAGE_COMPLETED] = { "completed", NC_("report stage", "Completed"),
                        BIT (STATUS_COMPLETED), TRUE },
  [STAGE_PARTICIPATED] = { "participated", NC_("report stage", "Participated only"),
                           BIT (STATUS_PARTICIPATED), FALSE },
  [STAGE_WITHDRAWN] = { "withdrawn", NC_("report stage", "Withdrawn"),
                        BIT (STATUS_WITHDRAWN), FALSE },
  [STAGE_REJECTED] = { "rejected", NC_("report stage", "Rejected"), BIT (STATUS_REJECTED), FALSE },
};

#define ENROLLED_STATUSES (BIT (STATUS_ENROLLED) | BIT (STATUS_COMPLETED) | \
                           BIT (STATUS_PARTICIPATED))
#define PARTICIPATED_STATUSES (BIT (STATUS_COMPLETED) | BIT (STATUS_PARTICIPATED))

static const char * const gender_codes[N_GENDERS] = { "female", "male", "other", "undisclosed" };

/* The placements that were confirmed or have begun: where trainees served, and how long. */
static const char * const served_statuses[] = {
  "confirmed", "on_assignment", "extended", "completed", "ended_early",
};


static const char programme_sql[] =
  "SELECT id FROM programme WHERE code = :code AND deleted_at IS NULL";

static const char programme_codes_sql[] =
  "SELECT code FROM programme WHERE deleted_at IS NULL ORDER BY code";

static const char days_sql[] =
  "SELECT date(:today), date(:today, '-1 year')";

/* The runs of the scope up to the last year (the cumulative figure counts from the first year
 * on record): the few runs are kept in memory, and the enrolments and placements (many) are
 * matched to them there rather than joined row by row. */
static const char runs_sql[] =
  "SELECT r.id, r.fiscal_year FROM course_run AS r JOIN course AS c ON c.id = r.course_id"
  " WHERE r.deleted_at IS NULL AND r.fiscal_year IS NOT NULL AND r.fiscal_year <= :to"
  " AND c.deleted_at IS NULL AND (:programme IS NULL OR c.programme_id = :programme)"
  " AND (c.programme_id IS NULL OR EXISTS (SELECT 1 FROM programme AS pg"
  " WHERE pg.id = c.programme_id AND pg.deleted_at IS NULL))";

/* Every enrolment, ordered by person so that persons are counted in one pass. */
static const char enrolments_sql[] =
  "SELECT e.person_id, e.status, e.run_id, p.gender, p.nationality"
  " FROM enrolment AS e JOIN person AS p ON p.id = e.person_id"
  " WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL"
  " ORDER BY e.person_id";

static const char placements_sql[] =
  "SELECT pl.status, pl.host_id, coalesce(nullif(trim(h.acronym), ''), h.name),"
  " pl.office_id, o.name, pl.country, pl.modality,"
  " julianday(coalesce(pl.actual_end_date, pl.end_date)) - julianday(pl.start_date),"
  " pl.status = 'extended' OR pl.actual_end_date > pl.end_date,"
  " pl.status = 'ended_early' OR pl.actual_end_date < pl.end_date,"
  " e.run_id, p.gender"
  /* CROSS JOIN fixes the order: from each placement to its enrolment and person. */
  " FROM placement AS pl"
  " CROSS JOIN enrolment AS e ON e.id = pl.enrolment_id"
  " CROSS JOIN person AS p ON p.id = pl.person_id"
  " LEFT JOIN organisation AS h ON h.id = pl.host_id"
  " LEFT JOIN organisation AS o ON o.id = pl.office_id"
  " WHERE pl.deleted_at IS NULL AND p.deleted_at IS NULL AND e.deleted_at IS NULL";

static const char unlinked_placements_sql[] =
  "SELECT count(*) FROM placement AS pl JOIN person AS p ON p.id = pl.person_id"
  " WHERE pl.deleted_at IS NULL AND p.deleted_at IS NULL AND pl.enrolment_id IS NULL";

/* Each person's career records, latest first (the order of the Graduates page's "latest"). */
static const char careers_sql[] =
  "SELECT cr.person_id, cr.sector, cr.verified_on FROM career_record AS cr"
  " WHERE cr.deleted_at IS NULL"
  " ORDER BY cr.person_id DESC, cr.start_date DESC, cr.id DESC";

typedef struct
{
  gint64 person_id;
  int    year;
  guint8 status;
  guint8 gender;
  char   nationality[3];
} Enrolment;

typedef struct
{
  char    *status;
  char    *host_key;
  char    *host;
  char    *office_key;
  char    *office;
  char    *country;
  char    *modality;
  double   days;         /* NAN: no length */
  gboolean extended;
  gboolean ended_early;
  int      year;
  gboolean woman;
} Placement;

/* A person of the scope, as the figures about people need them. */
typedef struct
{
  gint64  id;
  guint8  gender;
  char    nationality[3];
  gboolean enrolled;         /* at least enrolled in a run of the years */
  gboolean graduate;         /* completed a run of the years */
  int      first_year;       /* of the first participation on record up to the last year; 0 */
} Person;

typedef struct
{
  CohortDatabase           *db;
  const CohortReportFilter *filter;
  gint64                    programme_id;
  int                       from;
  int                       to;
  int                       first_year;
  int                       last_year;
  char                     *today;
  char                     *since;
  GHashTable               *run_years;   /* run id (gint64*) -> fiscal year, runs in scope */
  GArray                   *enrolments;  /* Enrolment */
  GArray                   *persons;     /* Person, by id */
  GPtrArray                *placements;  /* Placement* */
  gint64                    n_unlinked;
} Context;

/* A tally of one kind of thing (a country, a host), for the ranked figures. */
typedef struct
{
  char  *key;
  char  *label;
  gint64 count;
  gint64 women;
} Tally;

static void
placement_free (gpointer data)
{
  Placement *placement = data;

  g_free (placement->status);
  g_free (placement->host_key);
  g_free (placement->host);
  g_free (placement->office_key);
  g_free (placement->office);
  g_free (placement->country);
  g_free (placement->modality);
  g_free (placement);
}

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_free (tally->key);
  g_free (tally->label);
  g_free (tally);
}

static void
context_clear (Context *context)
{
  g_free (context->today);
  g_free (context->since);
  g_clear_pointer (&context->run_years, g_hash_table_unref);
  g_clear_pointer (&context->enrolments, g_array_unref);
  g_clear_pointer (&context->persons, g_array_unref);
  g_clear_pointer (&context->placements, g_ptr_array_unref);
}

static Status
parse_status (const char *status)
{
  static const char * const codes[] = {
    [STATUS_APPLIED] = "applied", [STATUS_SELECTED] = "selected",
    [STATUS_RESERVE] = "reserve", [STATUS_REJECTED] = "rejected",
    [STATUS_ENROLLED] = "enrolled", [STATUS_COMPLETED] = "completed",
    [STATUS_PARTICIPATED] = "participated", [STATUS_WITHDRAWN] = "withdrawn",
  };

  if (status == NULL)
    return STATUS_APPLIED;

  /* Called for every enrolment: the first letter rules out all codes but one or two. */
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (status[0] == codes[i][0] && strcmp (status, codes[i]) == 0)
      return i;

  return STATUS_APPLIED;
}

static Gender
parse_gender (const char *gender)
{
  if (gender == NULL)
    return GENDER_UNDISCLOSED;

  for (guint i = 0; i < N_GENDERS; i++)
    if (gender[0] == gender_codes[i][0] && strcmp (gender, gender_codes[i]) == 0)
      return i;

  return GENDER_UNDISCLOSED;
}

static gboolean
in_years (Context *context,
          int      year)
{
  return year >= context->from && year <= context->to;
}

static double
share (gint64 part,
       gint64 whole)
{
  return whole > 0 ? 100.0 * (double) part / (double) whole : NAN;
}

/* How many fiscal years the report covers (0 when it has no runs). */
static int
count_years (Context *context)
{
  return context->first_year > 0 ? context->last_year - context->first_year + 1 : 0;
}

static char *
dup_year_label (int year)
{
  /* A year is a name, not a quantity: never grouped ("2024", not "2,024"). */
  return g_strdup_printf ("%d", year);
}

/* Reading */

/* The fiscal year of a run of the scope, or 0 when the run is not in it. */
static int
run_year (Context *context,
          gint64   run_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (context->run_years, &run_id));
}

static gboolean
read_days (Context  *context,
           GError  **error)
{
  CohortStatement *stmt;
  const char *today = context->filter != NULL ? context->filter->today : NULL;
  gboolean has_row = FALSE;

  stmt = cohort_database_prepare (context->db, days_sql, error);
  if (stmt == NULL)
    return FALSE;

  if (today != NULL && today[0] != '\0')
    cohort_statement_bind_text (stmt, ":today", today);
  else
    cohort_statement_bind_text (stmt, ":today", "now");

  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  if (!has_row || cohort_statement_is_null (stmt, 0) ||
      (today != NULL && today[0] != '\0' && !cohort_date_is_valid (today)))
    {
      cohort_statement_reset (stmt);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was given as the report's day */
                   _("“%s” is not a date: write it as YYYY-MM-DD, e.g. 2024-03-31"), today);
      return FALSE;
    }

  context->today = g_strdup (cohort_statement_get_text (stmt, 0));
  context->since = g_strdup (cohort_statement_get_text (stmt, 1));
  cohort_statement_reset (stmt);

  return TRUE;
}

static gboolean
read_programme (Context  *context,
                GError  **error)
{
  const char *code = context->filter != NULL ? context->filter->programme_code : NULL;
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  if (code == NULL || code[0] == '\0')
    return TRUE;

  stmt = cohort_database_prepare (context->db, programme_sql, error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_text (stmt, ":code", code);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_autoptr(GString) codes = g_string_new (NULL);
      gboolean ok;

      /* Say which codes there are. */
      stmt = cohort_database_prepare (context->db, programme_codes_sql, error);
      if (stmt == NULL)
        return FALSE;
      while ((ok = cohort_statement_step (stmt, &has_row, error)) && has_row)
        {
          if (codes->len > 0)
            g_string_append (codes, ", ");
          g_string_append (codes, cohort_statement_get_text (stmt, 0));
        }
      if (!ok)
        return FALSE;
      cohort_statement_reset (stmt);

      if (codes->len == 0)
        g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_FOUND,
                     /* Translators: %s is a programme's code */
                     _("There is no programme with the code “%s”: there are no programmes "
                       "yet"), code);
      else
        g_set_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_FOUND,
                     /* Translators: the first %s is a programme's code, the second a list of
                      * codes, e.g. "MC, PC" */
                     _("There is no programme with the code “%s”; the programmes are %s"),
                     code, codes->str);
      return FALSE;
    }

  context->programme_id = cohort_statement_get_int64 (stmt, 0);
  cohort_statement_reset (stmt);

  return TRUE;
}

typedef void (*ReadRowFunc) (Context         *context,
                             CohortStatement *stmt);

/* Calls @read_row for each row of @stmt (prepared and bound), then resets it. */
static gboolean
read_rows (Context          *context,
           CohortStatement  *stmt,
           ReadRowFunc       read_row,
           GError          **error)
{
  gboolean has_row = FALSE;
  gboolean ok;

  while ((ok = cohort_statement_step (stmt, &has_row, error)) && has_row)
    read_row (context, stmt);
  if (!ok)
    return FALSE;
  cohort_statement_reset (stmt);

  return TRUE;
}

static void
read_run (Context         *context,
          CohortStatement *stmt)
{
  gint64 *id = g_new (gint64, 1);
  int year = cohort_statement_get_int64 (stmt, 1);

  *id = cohort_statement_get_int64 (stmt, 0);
  g_hash_table_insert (context->run_years, id, GINT_TO_POINTER (year));

  /* The years the report covers: those of its runs, after the filter. */
  if (year >= context->from)
    {
      if (context->first_year == 0 || year < context->first_year)
        context->first_year = year;
      context->last_year = MAX (context->last_year, year);
    }
}

static gboolean
read_runs (Context  *context,
           GError  **error)
{
  CohortStatement *stmt;

  stmt = cohort_database_prepare (context->db, runs_sql, error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":to", context->to);
  cohort_statement_bind_id (stmt, ":programme", context->programme_id);

  return read_rows (context, stmt, read_run, error);
}

static void
read_enrolment (Context         *context,
                CohortStatement *stmt)
{
  Enrolment enrolment = { 0 };
  int year = run_year (context, cohort_statement_get_int64 (stmt, 2));
  const char *nationality;

  if (year == 0)
    return;

  nationality = cohort_statement_get_text (stmt, 4);
  enrolment.person_id = cohort_statement_get_int64 (stmt, 0);
  enrolment.status = parse_status (cohort_statement_get_text (stmt, 1));
  enrolment.year = year;
  enrolment.gender = parse_gender (cohort_statement_get_text (stmt, 3));
  if (nationality != NULL)
    g_strlcpy (enrolment.nationality, nationality, sizeof enrolment.nationality);
  g_array_append_val (context->enrolments, enrolment);
}

static gboolean
read_enrolments (Context  *context,
                 GError  **error)
{
  CohortStatement *stmt;

  stmt = cohort_database_prepare (context->db, enrolments_sql, error);

  return stmt != NULL && read_rows (context, stmt, read_enrolment, error);
}

static char *
dup_column (CohortStatement *stmt,
            int              column)
{
  return g_strdup (cohort_statement_get_text (stmt, column));
}

static void
read_placement (Context         *context,
                CohortStatement *stmt)
{
  int year = run_year (context, cohort_statement_get_int64 (stmt, 10));
  Placement *placement;

  if (year < MAX (context->from, 1))
    return;

  placement = g_new0 (Placement, 1);

  placement->status = dup_column (stmt, 0);
  placement->host_key = dup_column (stmt, 1);
  placement->host = dup_column (stmt, 2);
  placement->office_key = dup_column (stmt, 3);
  placement->office = dup_column (stmt, 4);
  placement->country = dup_column (stmt, 5);
  placement->modality = dup_column (stmt, 6);
  placement->days = cohort_statement_is_null (stmt, 7) ? NAN
                                                       : cohort_statement_get_double (stmt, 7);
  placement->extended = cohort_statement_get_int64 (stmt, 8) != 0;
  placement->ended_early = cohort_statement_get_int64 (stmt, 9) != 0;
  placement->year = year;
  placement->woman = parse_gender (cohort_statement_get_text (stmt, 11)) == GENDER_FEMALE;
  g_ptr_array_add (context->placements, placement);
}

static gboolean
read_placements (Context  *context,
                 GError  **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  stmt = cohort_database_prepare (context->db, placements_sql, error);
  if (stmt == NULL || !read_rows (context, stmt, read_placement, error))
    return FALSE;

  stmt = cohort_database_prepare (context->db, unlinked_placements_sql, error);
  if (stmt == NULL || !cohort_statement_step (stmt, &has_row, error))
    return FALSE;
  context->n_unlinked = has_row ? cohort_statement_get_int64 (stmt, 0) : 0;
  cohort_statement_reset (stmt);

  return TRUE;
}

/* Folds the enrolments (ordered by person) into persons. */
static void
collect_persons (Context *context)
{
  Person *person = NULL;

  for (guint i = 0; i < context->enrolments->len; i++)
    {
      Enrolment *enrolment = &g_array_index (context->enrolments, Enrolment, i);
      gboolean in_range = in_years (context, enrolment->year);

      if (person == NULL || person->id != enrolment->person_id)
        {
          Person fresh = { 0 };

          fresh.id = enrolment->person_id;
          fresh.gender = enrolment->gender;
          memcpy (fresh.nationality, enrolment->nationality, sizeof fresh.nationality);
          g_array_append_val (context->persons, fresh);
          person = &g_array_index (context->persons, Person, context->persons->len - 1);
        }

      if (in_range && (BIT (enrolment->status) & ENROLLED_STATUSES) != 0)
        person->enrolled = TRUE;
      if (in_range && enrolment->status == STATUS_COMPLETED)
        person->graduate = TRUE;
      if ((BIT (enrolment->status) & PARTICIPATED_STATUSES) != 0 &&
          (person->first_year == 0 || enrolment->year < person->first_year))
        person->first_year = enrolment->year;
    }
}

/* Figures */

static guint
add_count_column (CohortReportFigure *figure,
                  const char         *key,
                  const char         *title,
                  gboolean            is_series)
{
  return cohort_report_figure_add_column (figure, key, title, COHORT_REPORT_VALUE_COUNT,
                                          is_series);
}

static void
set_count (CohortReportFigure *figure,
           guint               row,
           guint               column,
           gint64              value)
{
  cohort_report_figure_set_value (figure, row, column, (double) value);
}

/* A row whose columns 1 and 2 hold a count and the women among it. */
static guint
add_count_row (CohortReportFigure *figure,
               const char         *label,
               gboolean            is_total,
               gint64              count,
               gint64              women)
{
  guint row = cohort_report_figure_add_row (figure, label, is_total);

  set_count (figure, row, 1, count);
  set_count (figure, row, 2, women);

  return row;
}

static CohortReportFigure *
build_pipeline (Context *context)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  int n_years = count_years (context);
  g_autofree gint64 *counts = g_new0 (gint64, (gsize) (n_years + 1) * N_STAGES);
  guint rate_column;

  figure = cohort_report_figure_new ("pipeline", _("Applicants to graduates by fiscal year"),
                                     COHORT_REPORT_CHART_BARS);
  cohort_report_figure_set_note (figure,
                                 _("Enrolments by their status today. Selected includes those "
                                   "who went on to enrol, complete, participate or withdraw; "
                                   "enrolled includes those who completed or participated. "
                                   "The completion rate is completed ÷ enrolled."));
  cohort_report_figure_add_column (figure, "year", _("Fiscal year"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  for (guint s = 0; s < N_STAGES; s++)
    add_count_column (figure, stages[s].key,
                      g_dpgettext2 (GETTEXT_PACKAGE, "report stage", stages[s].title),
                      stages[s].is_series);
  rate_column = cohort_report_figure_add_column (figure, "completion_rate",
                                                 _("Completion rate"),
                                                 COHORT_REPORT_VALUE_PERCENT, FALSE);

  for (guint i = 0; i < context->enrolments->len; i++)
    {
      Enrolment *enrolment = &g_array_index (context->enrolments, Enrolment, i);
      int index;

      if (!in_years (context, enrolment->year) || n_years == 0)
        continue;

      index = enrolment->year - context->first_year;
      for (guint s = 0; s < N_STAGES; s++)
        if ((stages[s].statuses & BIT (enrolment->status)) != 0)
          {
            counts[index * N_STAGES + s]++;
            counts[n_years * N_STAGES + s]++;
          }
    }

  for (int y = 0; y <= n_years; y++)
    {
      g_autofree char *label = y < n_years ? dup_year_label (context->first_year + y)
                                           : g_strdup (_("Total"));
      guint row = cohort_report_figure_add_row (figure, label, y == n_years);
      gint64 *year_counts = &counts[y * N_STAGES];

      for (guint s = 0; s < N_STAGES; s++)
        set_count (figure, row, 1 + s, year_counts[s]);
      cohort_report_figure_set_value (figure, row, rate_column,
                                      share (year_counts[STAGE_COMPLETED],
                                             year_counts[STAGE_ENROLLED]));
    }

  return g_steal_pointer (&figure);
}

static CohortReportFigure *
build_gender_stages (Context *context)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  gint64 counts[N_STAGES][N_GENDERS] = { { 0 } };
  guint total_column;

  figure = cohort_report_figure_new ("gender-stages", _("Women and men at each stage"),
                                     COHORT_REPORT_CHART_STACKED_BARS);
  cohort_report_figure_set_note (figure,
                                 _("Enrolments of the fiscal years of the report, by the "
                                   "gender the trainee reports."));
  cohort_report_figure_add_column (figure, "stage", _("Stage"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  for (guint g = 0; g < N_GENDERS; g++)
    add_count_column (figure, gender_codes[g],
                      cohort_vocabulary_get_label (COHORT_VOCABULARY_GENDER, gender_codes[g]),
                      TRUE);
  total_column = add_count_column (figure, "total", _("Total"), FALSE);

  for (guint i = 0; i < context->enrolments->len; i++)
    {
      Enrolment *enrolment = &g_array_index (context->enrolments, Enrolment, i);

      if (!in_years (context, enrolment->year))
        continue;

      for (guint s = 0; s < N_STAGES; s++)
        if ((stages[s].statuses & BIT (enrolment->status)) != 0)
          counts[s][enrolment->gender]++;
    }

  for (guint s = 0; s < N_STAGES; s++)
    {
      guint row = cohort_report_figure_add_row (figure,
                                                g_dpgettext2 (GETTEXT_PACKAGE, "report stage",
                                                              stages[s].title),
                                                FALSE);
      gint64 total = 0;

      for (guint g = 0; g < N_GENDERS; g++)
        {
          set_count (figure, row, 1 + g, counts[s][g]);
          total += counts[s][g];
        }
      set_count (figure, row, total_column, total);
    }

  return g_steal_pointer (&figure);
}

static CohortReportFigure *
build_women_share (Context *context)
{
  static const Stage shown[] = { STAGE_APPLIED, STAGE_SELECTED, STAGE_COMPLETED };
  g_autoptr(CohortReportFigure) figure = NULL;
  int n_years = count_years (context);
  /* per year (and the total last): per stage shown, women and everyone */
  g_autofree gint64 *women = g_new0 (gint64, (gsize) (n_years + 1) * G_N_ELEMENTS (shown));
  g_autofree gint64 *all = g_new0 (gint64, (gsize) (n_years + 1) * G_N_ELEMENTS (shown));
  const char *titles[] = {
    _("Women among applicants"), _("Women among the selected"), _("Women among graduates"),
  };
  const char *keys[] = { "share_female_applied", "share_female_selected",
                         "share_female_completed" };

  figure = cohort_report_figure_new ("women-share", _("Share of women by fiscal year"),
                                     COHORT_REPORT_CHART_LINES);
  cohort_report_figure_set_note (figure,
                                 _("The share of women among the enrolments at each stage "
                                   "(as in the pipeline), in percent."));
  cohort_report_figure_add_column (figure, "year", _("Fiscal year"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
    cohort_report_figure_add_column (figure, keys[k], titles[k], COHORT_REPORT_VALUE_PERCENT,
                                     TRUE);

  for (guint i = 0; i < context->enrolments->len && n_years > 0; i++)
    {
      Enrolment *enrolment = &g_array_index (context->enrolments, Enrolment, i);
      int index;

      if (!in_years (context, enrolment->year))
        continue;

      index = enrolment->year - context->first_year;
      for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
        if ((stages[shown[k]].statuses & BIT (enrolment->status)) != 0)
          {
            gboolean woman = enrolment->gender == GENDER_FEMALE;

            all[index * G_N_ELEMENTS (shown) + k]++;
            all[n_years * G_N_ELEMENTS (shown) + k]++;
            women[index * G_N_ELEMENTS (shown) + k] += woman;
            women[n_years * G_N_ELEMENTS (shown) + k] += woman;
          }
    }

  for (int y = 0; y <= n_years; y++)
    {
      g_autofree char *label = y < n_years ? dup_year_label (context->first_year + y)
                                           : g_strdup (_("All years"));
      guint row = cohort_report_figure_add_row (figure, label, y == n_years);

      for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
        cohort_report_figure_set_value (figure, row, 1 + k,
                                        share (women[y * G_N_ELEMENTS (shown) + k],
                                               all[y * G_N_ELEMENTS (shown) + k]));
    }

  return g_steal_pointer (&figure);
}

static void
tally_add (GHashTable *tallies,
           const char *key,
           const char *label,
           gboolean    woman)
{
  Tally *tally = g_hash_table_lookup (tallies, key);

  if (tally == NULL)
    {
      tally = g_new0 (Tally, 1);
      tally->key = g_strdup (key);
      tally->label = g_strdup (label);
      g_hash_table_insert (tallies, tally->key, tally);
    }

  tally->count++;
  tally->women += woman;
}

/* Names the tallies whose key is a country code (once per country, not once per person). */
static void
name_countries (GHashTable *tallies)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Tally *tally = value;

      cohort_set_str (&tally->label, cohort_country_get_name (tally->key));
    }
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *ta = *(const Tally * const *) a;
  const Tally *tb = *(const Tally * const *) b;
  int by_label;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;

  by_label = g_utf8_collate (ta->label, tb->label);
  return by_label != 0 ? by_label : strcmp (ta->key, tb->key);
}

/* Rows for the @top largest tallies (largest first, then by name), a row for the rest, a row
 * for @unknown (the things without a value) and a total; columns 1 and 2 hold the count and
 * the women. */
static void
add_ranked_rows (CohortReportFigure *figure,
                 GHashTable         *tallies,
                 guint               top,
                 const char         *other_label,
                 const Tally        *unknown)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  gint64 other = 0, other_women = 0, total = 0, total_women = 0;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Tally *tally = value;

      /* Something without a name is shown by its key (a code ISO does not know). */
      if (tally->label == NULL)
        tally->label = g_strdup (tally->key);
      g_ptr_array_add (sorted, tally);
    }
  g_ptr_array_sort (sorted, compare_tallies);
  for (guint i = 0; i < sorted->len; i++)
    {
      Tally *tally = g_ptr_array_index (sorted, i);

      total += tally->count;
      total_women += tally->women;
      if (i < top)
        {
          add_count_row (figure, tally->label, FALSE, tally->count, tally->women);
        }
      else
        {
          other += tally->count;
          other_women += tally->women;
        }
    }

  if (other > 0)
    {
      add_count_row (figure, other_label, FALSE, other, other_women);
    }

  if (unknown != NULL && unknown->count > 0)
    {
      add_count_row (figure, unknown->label, FALSE, unknown->count, unknown->women);
      total += unknown->count;
      total_women += unknown->women;
    }

  add_count_row (figure, _("Total"), TRUE, total, total_women);
}

/* The trainees at least enrolled in the fiscal years, each once, by their nationality of record;
 * @unknown counts those without one. */
static void
tally_nationalities (Context    *context,
                     GHashTable *tallies,
                     Tally      *unknown)
{
  for (guint i = 0; i < context->persons->len; i++)
    {
      Person *person = &g_array_index (context->persons, Person, i);
      gboolean woman = person->gender == GENDER_FEMALE;

      if (!person->enrolled)
        continue;

      if (person->nationality[0] == '\0')
        {
          unknown->count++;
          unknown->women += woman;
        }
      else
        {
          tally_add (tallies, person->nationality, NULL, woman);
        }
    }
}

static CohortReportFigure *
build_nationalities (Context *context)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         tally_free);
  Tally unknown = { NULL, (char *) C_("nationality", "Not recorded"), 0, 0 };
  g_autofree char *note = NULL;

  figure = cohort_report_figure_new ("nationalities", _("Trainees by nationality"),
                                     COHORT_REPORT_CHART_HBARS);
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Trainees who were at least enrolled in the fiscal years "
                                       "of the report, each counted once by their nationality "
                                       "of record; the %d country with the most trainees.",
                                       "Trainees who were at least enrolled in the fiscal years "
                                       "of the report, each counted once by their nationality "
                                       "of record; the %d countries with the most trainees.",
                                       TOP_COUNTRIES),
                          TOP_COUNTRIES);
  cohort_report_figure_set_note (figure, note);
  cohort_report_figure_add_column (figure, "country", _("Nationality"),
                                   COHORT_REPORT_VALUE_COUNT, FALSE);
  add_count_column (figure, "trainees", _("Trainees"), TRUE);
  add_count_column (figure, "female", _("Women"), FALSE);

  tally_nationalities (context, tallies, &unknown);
  name_countries (tallies);
  add_ranked_rows (figure, tallies, TOP_COUNTRIES, _("Other countries"), &unknown);

  return g_steal_pointer (&figure);
}

static CohortReportFigure *
build_regions (Context *context)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         tally_free);
  Tally unrecorded = { NULL, NULL, 0, 0 };
  gint64 counts[COHORT_N_REGIONS] = { 0 };
  gint64 women[COHORT_N_REGIONS] = { 0 };
  gint64 total, total_women;
  GHashTableIter iter;
  gpointer value;

  figure = cohort_report_figure_new ("regions", _("Trainees by world region"),
                                     COHORT_REPORT_CHART_BARS);
  cohort_report_figure_set_note (figure,
                                 _("The trainees of the nationalities figure by the world "
                                   "region (UN M49) of their nationality."));
  cohort_report_figure_add_column (figure, "region", _("Region"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  add_count_column (figure, "trainees", _("Trainees"), TRUE);
  add_count_column (figure, "female", _("Women"), TRUE);

  /* The same trainees as the nationalities figure, their countries summed by region. */
  tally_nationalities (context, tallies, &unrecorded);
  total = unrecorded.count;
  total_women = unrecorded.women;
  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Tally *tally = value;
      CohortRegion region = cohort_country_get_region (tally->key);

      counts[region] += tally->count;
      women[region] += tally->women;
      total += tally->count;
      total_women += tally->women;
    }

  for (CohortRegion region = COHORT_REGION_AFRICA; region < COHORT_N_REGIONS; region++)
    add_count_row (figure, cohort_region_get_name (region), FALSE, counts[region], women[region]);

  /* A code that is no country ISO knows (XK is used for Kosovo) has no region. */
  if (counts[COHORT_REGION_NONE] > 0)
    add_count_row (figure, cohort_region_get_name (COHORT_REGION_NONE), FALSE,
                   counts[COHORT_REGION_NONE], women[COHORT_REGION_NONE]);

  if (unrecorded.count > 0)
    add_count_row (figure, C_("nationality", "Not recorded"), FALSE,
                   unrecorded.count, unrecorded.women);

  add_count_row (figure, _("Total"), TRUE, total, total_women);

  return g_steal_pointer (&figure);
}

static gboolean
placement_served (const Placement *placement)
{
  for (guint i = 0; i < G_N_ELEMENTS (served_statuses); i++)
    if (g_strcmp0 (placement->status, served_statuses[i]) == 0)
      return TRUE;

  return FALSE;
}

static char *
dup_placements_note (Context    *context,
                     const char *counted)
{
  g_autofree char *unlinked = NULL;

  if (context->n_unlinked == 0)
    return g_strdup (counted);

  unlinked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%lld placement is not linked to an enrolment and is "
                                           "not counted.",
                                           "%lld placements are not linked to an enrolment and "
                                           "are not counted.",
                                           (gulong) context->n_unlinked),
                              (long long) context->n_unlinked);
  /* Translators: a figure's note: how it was counted, then what was left out */
  return g_strdup_printf (_("%s %s"), counted, unlinked);
}

/* A ranked figure of placements: a column that names the place or term, then the placements
 * and the women among them. */
static CohortReportFigure *
new_placements_figure (const char *key,
                       const char *title,
                       const char *column_key,
                       const char *column_title)
{
  CohortReportFigure *figure;

  figure = cohort_report_figure_new (key, title, COHORT_REPORT_CHART_HBARS);
  cohort_report_figure_add_column (figure, column_key, column_title,
                                   COHORT_REPORT_VALUE_COUNT, FALSE);
  add_count_column (figure, "placements", _("Placements"), TRUE);
  add_count_column (figure, "female", _("Women"), FALSE);

  return figure;
}

typedef enum
{
  PLACE_HOST,
  PLACE_OFFICE,
  PLACE_COUNTRY,
} PlaceKind;

static CohortReportFigure *
build_placements_by_place (Context   *context,
                           PlaceKind  kind)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         tally_free);
  g_autofree char *counted = NULL;
  g_autofree char *note = NULL;
  Tally unknown = { NULL, (char *) C_("placement", "Not recorded"), 0, 0 };
  const char *other_label = NULL;

  switch (kind)
    {
    case PLACE_HOST:
      figure = new_placements_figure ("placements-host", _("Placements by host organisation"),
                                      "host", _("Host organisation"));
      other_label = _("Other hosts");
      break;
    case PLACE_OFFICE:
      figure = new_placements_figure ("placements-office", _("Placements by field office"),
                                      "office", _("Field office"));
      other_label = _("Other offices");
      break;
    case PLACE_COUNTRY:
    default:
      figure = new_placements_figure ("placements-country", _("Placements by country"),
                                      "country", _("Country"));
      other_label = _("Other countries");
      break;
    }

  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Placements that were confirmed or have begun, after "
                                          "an enrolment in the fiscal years of the report; the "
                                          "%d most frequent.",
                                          "Placements that were confirmed or have begun, after "
                                          "an enrolment in the fiscal years of the report; the "
                                          "%d most frequent.",
                                          TOP_PLACES),
                             TOP_PLACES);
  note = dup_placements_note (context, counted);
  cohort_report_figure_set_note (figure, note);

  for (guint i = 0; i < context->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (context->placements, i);
      const char *key = NULL;
      const char *label = NULL;

      if (!placement_served (placement))
        continue;

      switch (kind)
        {
        case PLACE_HOST:
          key = placement->host_key;
          label = placement->host;
          break;
        case PLACE_OFFICE:
          key = placement->office_key;
          label = placement->office;
          break;
        case PLACE_COUNTRY:
        default:
          key = placement->country;
          break;
        }

      if (key == NULL)
        {
          unknown.count++;
          unknown.women += placement->woman;
        }
      else
        {
          tally_add (tallies, key, label, placement->woman);
        }
    }

  if (kind == PLACE_COUNTRY)
    name_countries (tallies);
  add_ranked_rows (figure, tallies, TOP_PLACES, other_label, &unknown);

  return g_steal_pointer (&figure);
}

/* Placements by a closed list (modality or status): every term in the list's order. */
static CohortReportFigure *
build_placements_by_term (Context          *context,
                          CohortVocabulary  vocabulary)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  const CohortVocabularyTerm *terms;
  g_autofree gint64 *counts = NULL;
  g_autofree gint64 *women = NULL;
  g_autofree char *note = NULL;
  gboolean by_status = vocabulary == COHORT_VOCABULARY_PLACEMENT_STATUS;
  gint64 unknown = 0, unknown_women = 0, total = 0, total_women = 0;
  guint n_terms = 0;

  terms = cohort_vocabulary_get_terms (vocabulary, &n_terms);
  counts = g_new0 (gint64, n_terms);
  women = g_new0 (gint64, n_terms);

  if (by_status)
    {
      figure = new_placements_figure ("placements-status", _("Placements by status"),
                                      "status", _("Status"));
      note = dup_placements_note (context,
                                  _("Every placement after an enrolment in the fiscal years "
                                    "of the report, by its status today."));
    }
  else
    {
      figure = new_placements_figure ("placements-modality", _("Placements by modality"),
                                      "modality", _("Modality"));
      note = dup_placements_note (context,
                                  _("Placements that were confirmed or have begun, after an "
                                    "enrolment in the fiscal years of the report."));
    }
  cohort_report_figure_set_note (figure, note);

  for (guint i = 0; i < context->placements->len; i++)
    {
      Placement *placement = g_ptr_array_index (context->placements, i);
      const char *code = by_status ? placement->status : placement->modality;
      gboolean found = FALSE;

      if (!by_status && !placement_served (placement))
        continue;

      for (guint t = 0; t < n_terms && !found; t++)
        if (g_strcmp0 (code, terms[t].code) == 0)
          {
            counts[t]++;
            women[t] += placement->woman;
            found = TRUE;
          }

      if (!found)
        {
          unknown++;
          unknown_women += placement->woman;
        }
      total++;
      total_women += placement->woman;
    }

  for (guint t = 0; t < n_terms; t++)
    {
      add_count_row (figure, cohort_vocabulary_term_get_label (&terms[t]), FALSE,
                     counts[t], women[t]);
    }

  if (unknown > 0)
    {
      add_count_row (figure, C_("placement", "Not recorded"), FALSE, unknown, unknown_women);
    }

  add_count_row (figure, _("Total"), TRUE, total, total_women);

  return g_steal_pointer (&figure);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;

  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);

  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static CohortReportFigure *
build_placement_length (Context *context)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  g_autoptr(GPtrArray) lengths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  int n_years = count_years (context);
  g_autofree gint64 *served = g_new0 (gint64, n_years + 1);
  g_autofree gint64 *extended = g_new0 (gint64, n_years + 1);
  g_autofree gint64 *ended_early = g_new0 (gint64, n_years + 1);
  g_autofree double *sums = g_new0 (double, n_years + 1);
  g_autofree char *note = NULL;

  figure = cohort_report_figure_new ("placement-length", _("Length of placements"),
                                     COHORT_REPORT_CHART_NONE);
  note = dup_placements_note (context,
                              _("Placements that were confirmed or have begun, by the fiscal "
                                "year of their enrolment. A length runs from the start date to "
                                "the actual end date, or to the planned end date while there "
                                "is none, over the placements that have both. A placement was "
                                "extended when its status says so or it ended after the "
                                "planned date, and ended early when its status says so or it "
                                "ended before."));
  cohort_report_figure_set_note (figure, note);
  cohort_report_figure_add_column (figure, "year", _("Fiscal year"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  add_count_column (figure, "placements", _("Placements"), FALSE);
  add_count_column (figure, "measured", _("With start and end dates"), FALSE);
  cohort_report_figure_add_column (figure, "average_days", _("Average length (days)"),
                                   COHORT_REPORT_VALUE_DAYS, FALSE);
  cohort_report_figure_add_column (figure, "median_days", _("Median length (days)"),
                                   COHORT_REPORT_VALUE_DAYS, FALSE);
  add_count_column (figure, "extended", _("Extended"), FALSE);
  add_count_column (figure, "ended_early", _("Ended early"), FALSE);

  for (int y = 0; y <= n_years; y++)
    g_ptr_array_add (lengths, g_array_new (FALSE, FALSE, sizeof (double)));

  for (guint i = 0; i < context->placements->len && n_years > 0; i++)
    {
      Placement *placement = g_ptr_array_index (context->placements, i);
      int index = placement->year - context->first_year;

      if (!placement_served (placement) || index < 0 || index >= n_years)
        continue;

      /* Its year's row and the row of all years. */
      for (guint k = 0; k < 2; k++)
        {
          int slot = k == 0 ? index : n_years;

          served[slot]++;
          extended[slot] += placement->extended;
          ended_early[slot] += placement->ended_early;
          if (!isnan (placement->days))
            {
              g_array_append_val (g_ptr_array_index (lengths, slot), placement->days);
              sums[slot] += placement->days;
            }
        }
    }

  for (int y = 0; y <= n_years; y++)
    {
      g_autofree char *label = y < n_years ? dup_year_label (context->first_year + y)
                                           : g_strdup (_("All years"));
      GArray *year_lengths = g_ptr_array_index (lengths, y);
      guint row = cohort_report_figure_add_row (figure, label, y == n_years);

      set_count (figure, row, 1, served[y]);
      set_count (figure, row, 2, year_lengths->len);
      cohort_report_figure_set_value (figure, row, 3,
                                      year_lengths->len > 0 ? sums[y] / year_lengths->len : NAN);
      cohort_report_figure_set_value (figure, row, 4, median (year_lengths));
      set_count (figure, row, 5, extended[y]);
      set_count (figure, row, 6, ended_early[y]);
    }

  return g_steal_pointer (&figure);
}

static CohortReportFigure *
build_graduate_sectors (Context  *context,
                        GError  **error)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  g_autoptr(GArray) graduates = g_array_new (FALSE, FALSE, sizeof (Person *));
  const CohortVocabularyTerm *terms;
  g_autofree gint64 *counts = NULL;
  g_autofree gint64 *women = NULL;
  g_autofree char *since = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *unconfirmed = NULL;
  g_autofree char *note = NULL;
  CohortStatement *stmt;
  gint64 confirmed = 0, confirmed_women = 0;
  gboolean has_row = FALSE;
  gboolean ok = TRUE;
  guint n_terms = 0;
  guint next;
  guint row;

  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_CAREER_SECTOR, &n_terms);
  counts = g_new0 (gint64, n_terms);
  women = g_new0 (gint64, n_terms);

  for (guint i = 0; i < context->persons->len; i++)
    {
      Person *person = &g_array_index (context->persons, Person, i);

      if (person->graduate)
        g_array_append_val (graduates, person);
    }

  /* The careers come latest first per person, persons by descending id: walk the graduates
   * (by ascending id) from the end alongside. */
  stmt = cohort_database_prepare (context->db, careers_sql, error);
  if (stmt == NULL)
    return NULL;

  next = graduates->len;
  while (next > 0 && (ok = cohort_statement_step (stmt, &has_row, error)) && has_row)
    {
      gint64 person_id = cohort_statement_get_int64 (stmt, 0);
      Person *graduate;
      const char *verified_on;

      while (next > 0 && g_array_index (graduates, Person *, next - 1)->id > person_id)
        next--;
      if (next == 0)
        break;

      graduate = g_array_index (graduates, Person *, next - 1);
      if (graduate->id != person_id)
        continue;

      /* The latest record of this graduate: the first row; the others are skipped. */
      next--;
      verified_on = cohort_statement_get_text (stmt, 2);
      if (verified_on == NULL || strcmp (verified_on, context->since) < 0)
        continue;

      for (guint t = 0; t < n_terms; t++)
        if (g_strcmp0 (cohort_statement_get_text (stmt, 1), terms[t].code) == 0)
          {
            gboolean woman = graduate->gender == GENDER_FEMALE;

            counts[t]++;
            women[t] += woman;
            confirmed++;
            confirmed_women += woman;
            break;
          }
    }
  cohort_statement_reset (stmt);
  if (!ok)
    return NULL;

  figure = cohort_report_figure_new ("graduate-sectors", _("Graduates by career sector"),
                                     COHORT_REPORT_CHART_HBARS);
  since = cohort_format_date (context->since);
  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u is a number of graduates, %s a
                                           * date */
                                          "%u graduate completed a course in the fiscal years of "
                                          "the report. Counting only careers verified since %s, "
                                          "by the sector of each graduate’s latest position;",
                                          "%u graduates completed a course in the fiscal years of "
                                          "the report. Counting only careers verified since %s, "
                                          "by the sector of each graduate’s latest position;",
                                          graduates->len),
                             graduates->len, since);
  unconfirmed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%lld graduate not confirmed for over a year (or "
                                              "never) is left out.",
                                              "%lld graduates not confirmed for over a year (or "
                                              "never) are left out.",
                                              (gulong) (graduates->len - confirmed)),
                                 (long long) graduates->len - confirmed);
  /* Translators: a figure's note: how it was counted, then what was left out */
  note = g_strdup_printf (_("%s %s"), counted, unconfirmed);
  cohort_report_figure_set_note (figure, note);
  cohort_report_figure_add_column (figure, "sector", _("Sector"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  add_count_column (figure, "graduates", _("Graduates"), TRUE);
  add_count_column (figure, "female", _("Women"), FALSE);
  cohort_report_figure_add_column (figure, "share", _("Share"), COHORT_REPORT_VALUE_PERCENT,
                                   FALSE);

  for (guint t = 0; t < n_terms; t++)
    {
      row = add_count_row (figure, cohort_vocabulary_term_get_label (&terms[t]), FALSE,
                           counts[t], women[t]);
      cohort_report_figure_set_value (figure, row, 3, share (counts[t], confirmed));
    }

  row = add_count_row (figure, _("Confirmed graduates"), TRUE, confirmed, confirmed_women);
  cohort_report_figure_set_value (figure, row, 3, share (confirmed, confirmed));

  return g_steal_pointer (&figure);
}

static CohortReportFigure *
build_cumulative (Context *context)
{
  g_autoptr(CohortReportFigure) figure = NULL;
  int n_years = count_years (context);
  g_autofree gint64 *fresh = g_new0 (gint64, n_years + 1);
  g_autofree gint64 *fresh_women = g_new0 (gint64, n_years + 1);
  gint64 before = 0, before_women = 0;

  figure = cohort_report_figure_new ("cumulative", _("Participants since the start"),
                                     COHORT_REPORT_CHART_LINES);
  cohort_report_figure_set_note (figure,
                                 _("People who completed or participated in a course, each "
                                   "counted once from the fiscal year of their first "
                                   "participation on record (earlier years than the report's "
                                   "included)."));
  cohort_report_figure_add_column (figure, "year", _("Fiscal year"), COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  add_count_column (figure, "participants", _("Participants to date"), TRUE);
  add_count_column (figure, "female", _("Women to date"), TRUE);
  add_count_column (figure, "new_participants", _("New participants"), FALSE);

  for (guint i = 0; i < context->persons->len && n_years > 0; i++)
    {
      Person *person = &g_array_index (context->persons, Person, i);
      gboolean woman = person->gender == GENDER_FEMALE;

      if (person->first_year == 0)
        continue;

      if (person->first_year < context->first_year)
        {
          before++;
          before_women += woman;
        }
      else if (person->first_year <= context->last_year)
        {
          fresh[person->first_year - context->first_year]++;
          fresh_women[person->first_year - context->first_year] += woman;
        }
    }

  for (int y = 0; y < n_years; y++)
    {
      g_autofree char *label = dup_year_label (context->first_year + y);
      guint row = cohort_report_figure_add_row (figure, label, FALSE);

      before += fresh[y];
      before_women += fresh_women[y];
      set_count (figure, row, 1, before);
      set_count (figure, row, 2, before_women);
      set_count (figure, row, 3, fresh[y]);
    }

  return g_steal_pointer (&figure);
}

/* Computing */

static gboolean
add_figure (CohortReport       *report,
            CohortReportFigure *figure,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(CohortReportFigure) owned = figure;

  if (owned == NULL)
    return FALSE;

  cohort_report_add_figure (report, owned);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static CohortReport *
compute_in_transaction (Context       *context,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(CohortReport) report = NULL;

  if (!read_days (context, error) ||
      !read_programme (context, error) ||
      !read_runs (context, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_enrolments (context, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !read_placements (context, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  collect_persons (context);

  report = cohort_report_new (context->filter, context->first_year, context->last_year);
  if (!add_figure (report, build_pipeline (context), cancellable, error) ||
      !add_figure (report, build_gender_stages (context), cancellable, error) ||
      !add_figure (report, build_women_share (context), cancellable, error) ||
      !add_figure (report, build_nationalities (context), cancellable, error) ||
      !add_figure (report, build_regions (context), cancellable, error) ||
      !add_figure (report, build_placements_by_place (context, PLACE_HOST), cancellable,
                   error) ||
      !add_figure (report, build_placements_by_place (context, PLACE_OFFICE), cancellable,
                   error) ||
      !add_figure (report, build_placements_by_place (context, PLACE_COUNTRY), cancellable,
                   error) ||
      !add_figure (report, build_placements_by_term (context,
                                                     COHORT_VOCABULARY_PLACEMENT_MODALITY),
                   cancellable, error) ||
      !add_figure (report, build_placements_by_term (context,
                                                     COHORT_VOCABULARY_PLACEMENT_STATUS),
                   cancellable, error) ||
      !add_figure (report, build_placement_length (context), cancellable, error) ||
      !add_figure (report, build_graduate_sectors (context, error), cancellable, error) ||
      !add_figure (report, build_cumulative (context), cancellable, error))
    return NULL;

  return g_steal_pointer (&report);
}

/**
 * cohort_report_compute:
 * @db: the database
 * @filter: (nullable): what to count; %NULL for everything, as of today
 * @cancellable: (nullable): checked between figures
 * @error: where to put an error
 *
 * Computes every figure of the programme's report in one read transaction, so that the
 * figures agree with each other even while someone else writes.  What each figure counts is
 * described at the top of this file and in each figure's note.
 *
 * Returns: (transfer full): the report, or %NULL with @error set (an unknown programme,
 *   a @filter->today that is not a date, %G_IO_ERROR_CANCELLED, or a database error)
 */
CohortReport *
cohort_report_compute (CohortDatabase            *db,
                       const CohortReportFilter  *filter,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  Context context = { 0 };
  CohortReport *report;
  gboolean own_transaction;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context.db = db;
  context.filter = filter;
  context.from = filter != NULL && filter->from_year > 0 ? filter->from_year : 0;
  context.to = filter != NULL && filter->to_year > 0 ? filter->to_year : G_MAXINT;
  context.enrolments = g_array_new (FALSE, FALSE, sizeof (Enrolment));
  context.persons = g_array_new (FALSE, FALSE, sizeof (Person));
  context.placements = g_ptr_array_new_with_free_func (placement_free);
  context.run_years = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (context.from > context.to)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: two fiscal years */
                   _("The first fiscal year (%d) is after the last (%d)"),
                   context.from, context.to);
      context_clear (&context);
      return NULL;
    }

  /* A read transaction: every figure sees the same data. */
  own_transaction = !cohort_database_in_transaction (db);
  if (own_transaction && !cohort_database_exec (db, "BEGIN DEFERRED", error))
    {
      context_clear (&context);
      return NULL;
    }

  report = compute_in_transaction (&context, cancellable, error);

  if (own_transaction)
    cohort_database_exec (db, report != NULL ? "COMMIT" : "ROLLBACK", NULL);

  context_clear (&context);

  return report;
}

typedef struct
{
  char               *path;
  CohortReportFilter *filter;
} ComputeData;

static void
compute_data_free (gpointer data)
{
  ComputeData *compute = data;

  g_free (compute->path);
  cohort_report_filter_free (compute->filter);
  g_free (compute);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *compute = task_data;
  g_autoptr(CohortDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  CohortReport *report;

  if (g_task_return_error_if_cancelled (task))
    return;

  reader = cohort_database_open (compute->path,
                                 COHORT_DATABASE_OPEN_READ_ONLY | COHORT_DATABASE_OPEN_NO_CREATE,
                                 &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report = cohort_report_compute (reader, compute->filter, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * cohort_report_compute_async:
 * @db: the database whose file is read
 * @filter: (nullable): what to count
 * @cancellable: (nullable): cancels the computation (between figures)
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Computes the report in a worker thread on a read-only connection of its own, so the main
 * loop goes on while it counts (WAL lets it read while others write).
 */
void
cohort_report_compute_async (CohortDatabase           *db,
                             const CohortReportFilter *filter,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ComputeData *compute;

  g_return_if_fail (COHORT_IS_DATABASE (db));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  compute = g_new0 (ComputeData, 1);
  compute->path = g_strdup (cohort_database_get_path (db));
  compute->filter = cohort_report_filter_copy (filter);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cohort_report_compute_async);
  g_task_set_name (task, "[cohort] report");
  g_task_set_task_data (task, compute, compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * cohort_report_compute_finish:
 * @result: the result given to the callback
 * @error: where to put an error
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
CohortReport *
cohort_report_compute_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cohort_report_compute_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
