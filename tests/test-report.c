/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-country.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-record.h"
#include "cohort-report.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/*
 * The programme's report, on a programme built by hand where every number is known in
 * advance: two programmes (PC, the Primary Course, with runs in fiscal years 2022, 2023 and
 * 2024; MC, the Mid-Career Course, with one run in 2023), nineteen people of every gender and
 * a dozen nationalities, enrolments at every status, placements whose lengths are counted by
 * hand (one extended, one ended early, one cancelled, one proposed), careers verified recently
 * and long ago, an anonymised person (who still counts) and a deleted one (who does not), a
 * deleted enrolment, a deleted placement and a deleted career record, a run without a fiscal
 * year and a deleted run (none of which count).
 *
 * The report's day is 2025-06-30, so careers count as confirmed when verified on or after
 * 2024-06-30.
 */

#define TODAY "2025-06-30"

#define N NAN

/* One expected row: its label, whether it is a total, and the values of columns 1…n. */
typedef struct
{
  const char *label;
  gboolean    total;
  double      values[10];
} ExpectedRow;

typedef struct
{
  gint64 pc;          /* programme PC's course */
  gint64 mc;          /* programme MC's course */
  gint64 runs[6];     /* PC-2022, PC-2023, PC-2024, MC-2023, PC-NOFY, PC-DEL */
  gint64 persons[20]; /* 1…19 */
  gint64 undp, undp_juba, undp_kabul, unhcr, unhcr_dadaab, foundation;
} Fixture;

enum { PC_2022, PC_2023, PC_2024, MC_2023, PC_NOFY, PC_DEL };

/* Building */

static gint64
id_of (gpointer record)
{
  return cohort_record_get_id (COHORT_RECORD (record));
}

static gint64
add_person (CohortDatabase *db,
            const char     *code,
            const char     *gender,
            const char     *nationality)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();

  cohort_person_set_code (person, code);
  cohort_person_set_family_name (person, code);
  cohort_person_set_gender (person, gender);
  cohort_person_set_nationality (person, nationality);
  cohort_test_save (db, person);

  return id_of (person);
}

static gint64
add_course (CohortDatabase *db,
            const char     *programme_code)
{
  g_autoptr(CohortProgramme) programme = cohort_programme_new ();
  g_autoptr(CohortCourse) course = cohort_course_new ();
  g_autofree char *code = g_strconcat ("C-", programme_code, NULL);

  cohort_programme_set_code (programme, programme_code);
  cohort_programme_set_name (programme, programme_code);
  cohort_test_save (db, programme);

  cohort_course_set_code (course, code);
  cohort_course_set_title (course, code);
  cohort_course_set_programme_id (course, id_of (programme));
  cohort_test_save (db, course);

  return id_of (course);
}

static gint64
add_run (CohortDatabase *db,
         gint64          course_id,
         const char     *code,
         int             fiscal_year)
{
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();

  cohort_course_run_set_course_id (run, course_id);
  cohort_course_run_set_code (run, code);
  cohort_course_run_set_fiscal_year (run, fiscal_year);
  cohort_test_save (db, run);

  return id_of (run);
}

static gint64
enrol (CohortDatabase *db,
       Fixture        *fixture,
       guint           person,
       guint           run,
       const char     *status)
{
  g_autoptr(CohortEnrolment) enrolment = cohort_enrolment_new ();

  cohort_enrolment_set_person_id (enrolment, fixture->persons[person]);
  cohort_enrolment_set_run_id (enrolment, fixture->runs[run]);
  cohort_enrolment_set_status (enrolment, status);
  if (strcmp (status, "reserve") == 0)
    cohort_enrolment_set_reserve_rank (enrolment, 1);
  cohort_test_save (db, enrolment);

  return id_of (enrolment);
}

static gint64
add_organisation (CohortDatabase *db,
                  const char     *name,
                  const char     *acronym,
                  gint64          parent_id)
{
  g_autoptr(CohortOrganisation) organisation = cohort_organisation_new ();

  cohort_organisation_set_name (organisation, name);
  cohort_organisation_set_acronym (organisation, acronym);
  cohort_organisation_set_parent_id (organisation, parent_id);
  cohort_test_save (db, organisation);

  return id_of (organisation);
}

static gint64
place (CohortDatabase *db,
       Fixture        *fixture,
       guint           person,
       gint64          enrolment_id,
       const char     *status,
       gint64          host_id,
       gint64          office_id,
       const char     *country,
       const char     *modality,
       const char     *start_date,
       const char     *end_date,
       const char     *actual_end_date)
{
  g_autoptr(CohortPlacement) placement = cohort_placement_new ();

  cohort_placement_set_person_id (placement, fixture->persons[person]);
  cohort_placement_set_enrolment_id (placement, enrolment_id);
  cohort_placement_set_status (placement, status);
  cohort_placement_set_host_id (placement, host_id);
  cohort_placement_set_office_id (placement, office_id);
  cohort_placement_set_country (placement, country);
  cohort_placement_set_modality (placement, modality);
  cohort_placement_set_start_date (placement, start_date);
  cohort_placement_set_end_date (placement, end_date);
  cohort_placement_set_actual_end_date (placement, actual_end_date);
  cohort_test_save (db, placement);

  return id_of (placement);
}

static gint64
add_career (CohortDatabase *db,
            Fixture        *fixture,
            guint           person,
            const char     *start_date,
            const char     *sector,
            const char     *verified_on)
{
  g_autoptr(CohortCareerRecord) career = cohort_career_record_new ();

  cohort_career_record_set_person_id (career, fixture->persons[person]);
  cohort_career_record_set_start_date (career, start_date);
  cohort_career_record_set_sector (career, sector);
  cohort_career_record_set_verified_on (career, verified_on);
  cohort_test_save (db, career);

  return id_of (career);
}

static void
delete (CohortDatabase *db,
        GType           type,
        gint64          id)
{
  g_autoptr(GError) error = NULL;

  cohort_store_delete (db, type, id, &error);
  g_assert_no_error (error);
}

static void
build_programme (CohortDatabase *db)
{
  static const struct
  {
    const char *gender;
    const char *nationality;
  } people[] = {
    { NULL, NULL },
    { "female", "JP" }, { "male", "JP" }, { "female", "KE" }, { "male", "KE" },          /* 1–4 */
    { "other", "AF" }, { "undisclosed", "AF" }, { "female", "GH" }, { "male", "BR" },    /* 5–8 */
    { "female", "FR" }, { "female", "KE" }, { "male", "JP" }, { "female", NULL },        /* 9–12 */
    { "male", "XK" }, { "female", "JP" }, { "male", "VN" }, { "female", "FJ" },          /* 13–16 */
    { "male", "TH" }, { "female", "PH" }, { "male", "DE" },                              /* 17–19 */
  };
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  gint64 e[20][6] = { { 0 } };
  gint64 deleted_enrolment, deleted_placement, deleted_career;
  g_autoptr(GError) error = NULL;

  f->pc = add_course (db, "PC");
  f->mc = add_course (db, "MC");
  f->runs[PC_2022] = add_run (db, f->pc, "PC-2022", 2022);
  f->runs[PC_2023] = add_run (db, f->pc, "PC-2023", 2023);
  f->runs[PC_2024] = add_run (db, f->pc, "PC-2024", 2024);
  f->runs[MC_2023] = add_run (db, f->mc, "MC-2023", 2023);
  f->runs[PC_NOFY] = add_run (db, f->pc, "PC-NOFY", 0);
  f->runs[PC_DEL] = add_run (db, f->pc, "PC-DEL", 2023);

  for (guint i = 1; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *code = g_strdup_printf ("P%02u", i);

      f->persons[i] = add_person (db, code, people[i].gender, people[i].nationality);
    }

  /* FY2022 */
  e[1][PC_2022] = enrol (db, f, 1, PC_2022, "completed");
  e[2][PC_2022] = enrol (db, f, 2, PC_2022, "completed");
  e[3][PC_2022] = enrol (db, f, 3, PC_2022, "participated");
  e[4][PC_2022] = enrol (db, f, 4, PC_2022, "withdrawn");
  e[5][PC_2022] = enrol (db, f, 5, PC_2022, "rejected");
  e[6][PC_2022] = enrol (db, f, 6, PC_2022, "reserve");
  e[11][PC_2022] = enrol (db, f, 11, PC_2022, "completed");     /* deleted person */

  /* FY2023 */
  e[7][PC_2023] = enrol (db, f, 7, PC_2023, "completed");
  e[8][PC_2023] = enrol (db, f, 8, PC_2023, "enrolled");
  e[9][PC_2023] = enrol (db, f, 9, PC_2023, "selected");
  e[10][PC_2023] = enrol (db, f, 10, PC_2023, "completed");     /* anonymised person */
  e[12][PC_2023] = enrol (db, f, 12, PC_2023, "enrolled");      /* no nationality */
  e[13][PC_2023] = enrol (db, f, 13, PC_2023, "completed");
  e[1][PC_2023] = enrol (db, f, 1, PC_2023, "rejected");
  e[2][MC_2023] = enrol (db, f, 2, MC_2023, "completed");
  e[9][MC_2023] = enrol (db, f, 9, MC_2023, "participated");
  e[5][MC_2023] = enrol (db, f, 5, MC_2023, "completed");

  /* FY2024 */
  e[14][PC_2024] = enrol (db, f, 14, PC_2024, "completed");
  e[15][PC_2024] = enrol (db, f, 15, PC_2024, "withdrawn");
  e[16][PC_2024] = enrol (db, f, 16, PC_2024, "completed");
  e[3][PC_2024] = enrol (db, f, 3, PC_2024, "completed");
  e[6][PC_2024] = enrol (db, f, 6, PC_2024, "applied");
  e[17][PC_2024] = enrol (db, f, 17, PC_2024, "enrolled");
  e[18][PC_2024] = enrol (db, f, 18, PC_2024, "enrolled");
  e[19][PC_2024] = enrol (db, f, 19, PC_2024, "enrolled");
  deleted_enrolment = enrol (db, f, 8, PC_2024, "completed");

  /* Never counted: a run without a fiscal year, a deleted run. */
  enrol (db, f, 7, PC_NOFY, "completed");
  enrol (db, f, 4, PC_DEL, "completed");

  f->undp = add_organisation (db, "United Nations Development Programme", "UNDP", 0);
  f->undp_juba = add_organisation (db, "UNDP Juba", NULL, f->undp);
  f->undp_kabul = add_organisation (db, "UNDP Kabul", NULL, f->undp);
  f->unhcr = add_organisation (db, "Office of the UN High Commissioner for Refugees", "UNHCR",
                               0);
  f->unhcr_dadaab = add_organisation (db, "UNHCR Dadaab", NULL, f->unhcr);
  f->foundation = add_organisation (db, "Peace Foundation", NULL, 0);

  /* PL1: 364 days */
  place (db, f, 1, e[1][PC_2022], "completed", f->undp, f->undp_juba, "SS", "un_volunteer",
         "2022-04-01", "2023-03-31", NULL);
  /* PL2: extended, 548 days */
  place (db, f, 2, e[2][PC_2022], "extended", f->unhcr, f->unhcr_dadaab, "KE", "un_volunteer",
         "2022-05-01", "2023-04-30", "2023-10-31");
  /* PL3: ended early, 197 days */
  place (db, f, 3, e[3][PC_2022], "ended_early", f->undp, f->undp_kabul, "AF", "secondment",
         "2022-06-01", "2023-05-31", "2022-12-15");
  /* PL4: confirmed, no end date (no length), no office or country */
  place (db, f, 7, e[7][PC_2023], "confirmed", f->foundation, 0, NULL, "internship",
         "2023-09-01", NULL, NULL);
  /* PL5: 365 days */
  place (db, f, 10, e[10][PC_2023], "completed", f->unhcr, f->unhcr_dadaab, "KE", "un_volunteer",
         "2023-04-01", "2024-03-31", "2024-03-31");
  /* PL6: cancelled */
  place (db, f, 13, e[13][PC_2023], "cancelled", f->undp, 0, "SS", "un_volunteer",
         "2023-05-01", "2024-04-30", NULL);
  /* PL7: proposed */
  place (db, f, 5, e[5][MC_2023], "proposed", 0, 0, NULL, NULL, NULL, NULL, NULL);
  /* PL8: on assignment, 364 days planned, no modality */
  place (db, f, 14, e[14][PC_2024], "on_assignment", f->undp, f->undp_juba, "SS", NULL,
         "2024-04-01", "2025-03-31", NULL);
  /* PL9: completed after the planned end (an extension), 379 days */
  place (db, f, 16, e[16][PC_2024], "completed", f->undp, f->undp_juba, "SS", "un_volunteer",
         "2024-04-01", "2025-03-31", "2025-04-15");
  /* Not counted: a placement not linked to an enrolment, a deleted one, a deleted person's. */
  place (db, f, 12, 0, "completed", f->undp, 0, "SS", "un_volunteer",
         "2023-06-01", "2023-12-31", NULL);
  deleted_placement = place (db, f, 1, e[1][PC_2022], "completed", f->unhcr, 0, "KE",
                             "un_volunteer", "2023-06-01", "2023-09-30", NULL);
  place (db, f, 11, e[11][PC_2022], "completed", f->unhcr, 0, "KE", "un_volunteer",
         "2022-04-01", "2023-03-31", NULL);

  /* Careers: the latest record of each graduate, verified since 2024-06-30 or not. */
  add_career (db, f, 1, "2023-01", "ngo", "2025-01-10");
  add_career (db, f, 1, "2024-05", "un_international", "2025-05-01");      /* latest: UN */
  add_career (db, f, 2, "2023", "government", "2023-03-01");               /* too old */
  add_career (db, f, 3, "2024-09", "academia", "2024-06-30");              /* just in time */
  add_career (db, f, 7, "2024-01", "un_international", "2025-06-01");
  add_career (db, f, 10, "2024", "private_sector", "2024-12-01");
  add_career (db, f, 13, "2020", "government", "2025-01-01");              /* not the latest */
  add_career (db, f, 13, "2024-03", "student", "2024-06-29");              /* a day too old */
  add_career (db, f, 14, "2025-02", "development_agency", "2025-03-01");
  deleted_career = add_career (db, f, 14, "2025-05", "ngo", "2025-06-01");
  add_career (db, f, 16, "2024-10", "un_international", "2025-02-02");
  add_career (db, f, 12, "2024-01", "un_international", "2025-06-01");     /* not a graduate */

  delete (db, COHORT_TYPE_ENROLMENT, deleted_enrolment);
  delete (db, COHORT_TYPE_PLACEMENT, deleted_placement);
  delete (db, COHORT_TYPE_CAREER_RECORD, deleted_career);
  delete (db, COHORT_TYPE_COURSE_RUN, f->runs[PC_DEL]);
  delete (db, COHORT_TYPE_PERSON, f->persons[11]);
  cohort_store_anonymise_person (db, f->persons[10], &error);
  g_assert_no_error (error);
}

/* Checking */

static void
assert_value (CohortReportFigure *figure,
              guint               row,
              guint               column,
              double              expected)
{
  double value = cohort_report_figure_get_value (figure, row, column);

  if (isnan (expected))
    {
      if (!isnan (value))
        g_error ("%s, row “%s”, column %s: expected no value, got %g",
                 cohort_report_figure_get_id (figure),
                 cohort_report_figure_get_row_label (figure, row),
                 cohort_report_figure_get_column_key (figure, column), value);
      return;
    }

  if (isnan (value) || fabs (value - expected) > 1e-9)
    g_error ("%s, row “%s”, column %s: expected %.10g, got %.10g",
             cohort_report_figure_get_id (figure), cohort_report_figure_get_row_label (figure, row),
             cohort_report_figure_get_column_key (figure, column), expected, value);
}

/* Every cell of the figure, and its column keys. */
static void
assert_figure (CohortReport       *report,
               const char         *id,
               const char         *keys,
               const ExpectedRow  *rows,
               guint               n_rows)
{
  CohortReportFigure *figure = cohort_report_find_figure (report, id);
  g_auto(GStrv) expected_keys = g_strsplit (keys, " ", -1);
  guint n_columns;

  g_assert_nonnull (figure);
  g_assert_cmpstr (cohort_report_figure_get_id (figure), ==, id);
  g_assert_nonnull (cohort_report_figure_get_title (figure));

  n_columns = cohort_report_figure_get_n_columns (figure);
  g_assert_cmpuint (n_columns, ==, g_strv_length (expected_keys));
  for (guint c = 0; c < n_columns; c++)
    g_assert_cmpstr (cohort_report_figure_get_column_key (figure, c), ==, expected_keys[c]);

  g_assert_cmpuint (cohort_report_figure_get_n_rows (figure), ==, n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      g_assert_cmpstr (cohort_report_figure_get_row_label (figure, r), ==, rows[r].label);
      g_assert_cmpint (cohort_report_figure_row_is_total (figure, r), ==, rows[r].total);
      for (guint c = 1; c < n_columns; c++)
        assert_value (figure, r, c, rows[r].values[c - 1]);
    }
}

#define PIPELINE_KEYS "year applied selected reserve enrolled completed participated withdrawn " \
                      "rejected completion_rate"
#define GENDER_KEYS "stage female male other undisclosed total"
#define SHARE_KEYS "year share_female_applied share_female_selected share_female_completed"
#define LENGTH_KEYS "year placements measured average_days median_days extended ended_early"
#define SECTOR_KEYS "sector graduates female share"
#define CUMULATIVE_KEYS "year participants female new_participants"

/* The figures, in their order, and their column keys. */
static const struct
{
  const char *id;
  const char *keys;
} figures[] = {
  { "pipeline", PIPELINE_KEYS },
  { "gender-stages", GENDER_KEYS },
  { "women-share", SHARE_KEYS },
  { "nationalities", "country trainees female" },
  { "regions", "region trainees female" },
  { "placements-host", "host placements female" },
  { "placements-office", "office placements female" },
  { "placements-country", "country placements female" },
  { "placements-modality", "modality placements female" },
  { "placements-status", "status placements female" },
  { "placement-length", LENGTH_KEYS },
  { "graduate-sectors", SECTOR_KEYS },
  { "cumulative", CUMULATIVE_KEYS },
};

/* The expected rows of one figure. */
typedef struct
{
  const ExpectedRow *rows;
  guint              n_rows;
} ExpectedFigure;

#define EXPECT(rows) { rows, G_N_ELEMENTS (rows) }

/* Every figure of @report, @expected in the order of figures[]. */
static void
assert_figures (CohortReport         *report,
                const ExpectedFigure *expected,
                guint                 n_expected)
{
  g_assert_cmpuint (n_expected, ==, G_N_ELEMENTS (figures));
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    assert_figure (report, figures[i].id, figures[i].keys, expected[i].rows,
                   expected[i].n_rows);
}

#define ASSERT_FIGURES(report, ...) \
  G_STMT_START { \
    const ExpectedFigure expected_[] = { __VA_ARGS__ }; \
    assert_figures (report, expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

/* Tests */

static void
test_everything (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autoptr(CohortReport) report = NULL;
  CohortReportFigure *figure;
  static const ExpectedRow pipeline[] = {
    { "2022", FALSE, { 6, 4, 1, 3, 2, 1, 1, 1, 100.0 * 2 / 3 } },
    { "2023", FALSE, { 10, 9, 0, 8, 5, 1, 0, 1, 62.5 } },
    { "2024", FALSE, { 8, 7, 0, 6, 3, 0, 1, 0, 50 } },
    { "Total", TRUE, { 24, 20, 1, 17, 10, 2, 2, 2, 100.0 * 10 / 17 } },
  };
  static const ExpectedRow gender[] = {
    { "Applied", FALSE, { 12, 8, 2, 2, 24 } },
    { "Selected", FALSE, { 11, 8, 1, 0, 20 } },
    { "Reserve", FALSE, { 0, 0, 0, 1, 1 } },
    { "Enrolled", FALSE, { 10, 6, 1, 0, 17 } },
    { "Completed", FALSE, { 6, 3, 1, 0, 10 } },
    { "Participated only", FALSE, { 2, 0, 0, 0, 2 } },
    { "Withdrawn", FALSE, { 0, 2, 0, 0, 2 } },
    { "Rejected", FALSE, { 1, 0, 1, 0, 2 } },
  };
  static const ExpectedRow share[] = {
    { "2022", FALSE, { 100.0 * 2 / 6, 50, 50 } },
    { "2023", FALSE, { 60, 100.0 * 5 / 9, 40 } },
    { "2024", FALSE, { 50, 100.0 * 4 / 7, 100 } },
    { "All years", TRUE, { 50, 55, 60 } },
  };
  static const ExpectedRow nationalities[] = {
    { "Japan", FALSE, { 3, 2 } },
    { "Kenya", FALSE, { 2, 2 } },
    { "Afghanistan", FALSE, { 1, 0 } },
    { "Brazil", FALSE, { 1, 0 } },
    { "Fiji", FALSE, { 1, 1 } },
    { "France", FALSE, { 1, 1 } },
    { "Germany", FALSE, { 1, 0 } },
    { "Ghana", FALSE, { 1, 1 } },
    { "Philippines", FALSE, { 1, 1 } },
    { "Thailand", FALSE, { 1, 0 } },
    { "Other countries", FALSE, { 1, 0 } },  /* XK */
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 15, 9 } },
  };
  static const ExpectedRow regions[] = {
    { "Africa", FALSE, { 3, 3 } },
    { "Americas", FALSE, { 1, 0 } },
    { "Asia", FALSE, { 6, 3 } },
    { "Europe", FALSE, { 2, 1 } },
    { "Oceania", FALSE, { 1, 1 } },
    { "Unknown region", FALSE, { 1, 0 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 15, 9 } },
  };
  static const ExpectedRow hosts[] = {
    { "UNDP", FALSE, { 4, 4 } },
    { "UNHCR", FALSE, { 2, 1 } },
    { "Peace Foundation", FALSE, { 1, 1 } },
    { "Total", TRUE, { 7, 6 } },
  };
  static const ExpectedRow offices[] = {
    { "UNDP Juba", FALSE, { 3, 3 } },
    { "UNHCR Dadaab", FALSE, { 2, 1 } },
    { "UNDP Kabul", FALSE, { 1, 1 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 7, 6 } },
  };
  static const ExpectedRow countries[] = {
    { "South Sudan", FALSE, { 3, 3 } },
    { "Kenya", FALSE, { 2, 1 } },
    { "Afghanistan", FALSE, { 1, 1 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 7, 6 } },
  };
  static const ExpectedRow modalities[] = {
    { "UN Volunteer", FALSE, { 4, 3 } },
    { "Secondment", FALSE, { 1, 1 } },
    { "Internship", FALSE, { 1, 1 } },
    { "Junior Professional Officer", FALSE, { 0, 0 } },
    { "Consultant", FALSE, { 0, 0 } },
    { "Staff", FALSE, { 0, 0 } },
    { "Other", FALSE, { 0, 0 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 7, 6 } },
  };
  static const ExpectedRow statuses[] = {
    { "Proposed", FALSE, { 1, 0 } },
    { "Confirmed", FALSE, { 1, 1 } },
    { "On assignment", FALSE, { 1, 1 } },
    { "Extended", FALSE, { 1, 0 } },
    { "Completed", FALSE, { 3, 3 } },
    { "Ended early", FALSE, { 1, 1 } },
    { "Cancelled", FALSE, { 1, 0 } },
    { "Total", TRUE, { 9, 6 } },
  };
  static const ExpectedRow lengths[] = {
    /* 364, 548, 197: average 369.67, median 364 */
    { "2022", FALSE, { 3, 3, (364.0 + 548 + 197) / 3, 364, 1, 1 } },
    /* one without an end date; 365 */
    { "2023", FALSE, { 2, 1, 365, 365, 0, 0 } },
    /* 364, 379 (ended after the planned date: an extension) */
    { "2024", FALSE, { 2, 2, 371.5, 371.5, 1, 0 } },
    /* 197 364 364 365 379 548 */
    { "All years", TRUE, { 7, 6, (364.0 + 548 + 197 + 365 + 364 + 379) / 6, 364.5, 2, 1 } },
  };
  static const ExpectedRow sectors[] = {
    { "UN or other international organisation", FALSE, { 3, 3, 50 } },
    { "Government", FALSE, { 0, 0, 0 } },
    { "Development agency", FALSE, { 1, 1, 100.0 / 6 } },
    { "NGO", FALSE, { 0, 0, 0 } },
    { "Academia", FALSE, { 1, 1, 100.0 / 6 } },
    { "Private sector", FALSE, { 1, 1, 100.0 / 6 } },
    { "Student", FALSE, { 0, 0, 0 } },
    { "Other", FALSE, { 0, 0, 0 } },
    { "Confirmed graduates", TRUE, { 6, 6, 100 } },
  };
  static const ExpectedRow cumulative[] = {
    { "2022", FALSE, { 3, 2, 3 } },
    { "2023", FALSE, { 8, 5, 5 } },
    { "2024", FALSE, { 10, 7, 2 } },
  };

  build_programme (fixture->db);
  report = cohort_test_compute_report (fixture->db, NULL, 0, 0, TODAY);

  g_assert_cmpint (cohort_report_get_first_year (report), ==, 2022);
  g_assert_cmpint (cohort_report_get_last_year (report), ==, 2024);
  g_assert_nonnull (cohort_report_get_created_at (report));

  /* The figures, in their order. */
  g_assert_cmpuint (cohort_report_get_n_figures (report), ==, G_N_ELEMENTS (figures));
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    g_assert_cmpstr (cohort_report_figure_get_id (cohort_report_get_figure (report, i)), ==,
                     figures[i].id);

  ASSERT_FIGURES (report, EXPECT (pipeline), EXPECT (gender), EXPECT (share),
                  EXPECT (nationalities), EXPECT (regions), EXPECT (hosts), EXPECT (offices),
                  EXPECT (countries), EXPECT (modalities), EXPECT (statuses), EXPECT (lengths),
                  EXPECT (sectors), EXPECT (cumulative));

  /* How each is drawn. */
  figure = cohort_report_find_figure (report, "pipeline");
  g_assert_cmpint (cohort_report_figure_get_chart_kind (figure), ==, COHORT_REPORT_CHART_BARS);
  g_assert_true (cohort_report_figure_column_is_series (figure, 1));
  g_assert_false (cohort_report_figure_column_is_series (figure, 3));
  g_assert_cmpint (cohort_report_figure_get_column_kind (figure, 9), ==,
                   COHORT_REPORT_VALUE_PERCENT);
  figure = cohort_report_find_figure (report, "gender-stages");
  g_assert_cmpint (cohort_report_figure_get_chart_kind (figure), ==,
                   COHORT_REPORT_CHART_STACKED_BARS);
  g_assert_true (cohort_report_figure_column_is_series (figure, 4));
  g_assert_false (cohort_report_figure_column_is_series (figure, 5));
  g_assert_cmpint (cohort_report_figure_get_chart_kind (cohort_report_find_figure (report,
                                                                                   "women-share")),
                   ==, COHORT_REPORT_CHART_LINES);
  g_assert_cmpint (cohort_report_figure_get_chart_kind (cohort_report_find_figure (report,
                                                                                   "cumulative")),
                   ==, COHORT_REPORT_CHART_LINES);
  figure = cohort_report_find_figure (report, "placement-length");
  g_assert_cmpint (cohort_report_figure_get_chart_kind (figure), ==, COHORT_REPORT_CHART_NONE);
  g_assert_cmpint (cohort_report_figure_get_column_kind (figure, 3), ==, COHORT_REPORT_VALUE_DAYS);

  /* The notes say what was left out. */
  figure = cohort_report_find_figure (report, "graduate-sectors");
  g_assert_nonnull (strstr (cohort_report_figure_get_note (figure), "9 graduates completed"));
  g_assert_nonnull (strstr (cohort_report_figure_get_note (figure), "since 2024-06-30"));
  g_assert_nonnull (strstr (cohort_report_figure_get_note (figure),
                            "3 graduates not confirmed"));
  figure = cohort_report_find_figure (report, "placements-host");
  g_assert_nonnull (strstr (cohort_report_figure_get_note (figure),
                            "1 placement is not linked to an enrolment"));
}

static void
test_programme (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_autoptr(CohortReport) report = NULL;
  static const ExpectedRow pipeline[] = {
    { "2023", FALSE, { 3, 3, 0, 3, 2, 1, 0, 0, 100.0 * 2 / 3 } },
    { "Total", TRUE, { 3, 3, 0, 3, 2, 1, 0, 0, 100.0 * 2 / 3 } },
  };
  static const ExpectedRow gender[] = {
    { "Applied", FALSE, { 1, 1, 1, 0, 3 } },
    { "Selected", FALSE, { 1, 1, 1, 0, 3 } },
    { "Reserve", FALSE, { 0, 0, 0, 0, 0 } },
    { "Enrolled", FALSE, { 1, 1, 1, 0, 3 } },
    { "Completed", FALSE, { 0, 1, 1, 0, 2 } },
    { "Participated only", FALSE, { 1, 0, 0, 0, 1 } },
    { "Withdrawn", FALSE, { 0, 0, 0, 0, 0 } },
    { "Rejected", FALSE, { 0, 0, 0, 0, 0 } },
  };
  static const ExpectedRow share[] = {
    { "2023", FALSE, { 100.0 / 3, 100.0 / 3, 0 } },
    { "All years", TRUE, { 100.0 / 3, 100.0 / 3, 0 } },
  };
  static const ExpectedRow nationalities[] = {
    { "Afghanistan", FALSE, { 1, 0 } },
    { "France", FALSE, { 1, 1 } },
    { "Japan", FALSE, { 1, 0 } },
    { "Total", TRUE, { 3, 1 } },
  };
  static const ExpectedRow regions[] = {
    { "Africa", FALSE, { 0, 0 } },
    { "Americas", FALSE, { 0, 0 } },
    { "Asia", FALSE, { 2, 0 } },
    { "Europe", FALSE, { 1, 1 } },
    { "Oceania", FALSE, { 0, 0 } },
    { "Total", TRUE, { 3, 1 } },
  };
  static const ExpectedRow nothing[] = {
    { "Total", TRUE, { 0, 0 } },
  };
  static const ExpectedRow modalities[] = {
    { "UN Volunteer", FALSE, { 0, 0 } },
    { "Secondment", FALSE, { 0, 0 } },
    { "Internship", FALSE, { 0, 0 } },
    { "Junior Professional Officer", FALSE, { 0, 0 } },
    { "Consultant", FALSE, { 0, 0 } },
    { "Staff", FALSE, { 0, 0 } },
    { "Other", FALSE, { 0, 0 } },
    { "Total", TRUE, { 0, 0 } },
  };
  static const ExpectedRow statuses[] = {
    { "Proposed", FALSE, { 1, 0 } },
    { "Confirmed", FALSE, { 0, 0 } },
    { "On assignment", FALSE, { 0, 0 } },
    { "Extended", FALSE, { 0, 0 } },
    { "Completed", FALSE, { 0, 0 } },
    { "Ended early", FALSE, { 0, 0 } },
    { "Cancelled", FALSE, { 0, 0 } },
    { "Total", TRUE, { 1, 0 } },
  };
  static const ExpectedRow lengths[] = {
    { "2023", FALSE, { 0, 0, N, N, 0, 0 } },
    { "All years", TRUE, { 0, 0, N, N, 0, 0 } },
  };
  /* P02 and P05 completed; neither is confirmed: no shares. */
  static const ExpectedRow sectors[] = {
    { "UN or other international organisation", FALSE, { 0, 0, N } },
    { "Government", FALSE, { 0, 0, N } },
    { "Development agency", FALSE, { 0, 0, N } },
    { "NGO", FALSE, { 0, 0, N } },
    { "Academia", FALSE, { 0, 0, N } },
    { "Private sector", FALSE, { 0, 0, N } },
    { "Student", FALSE, { 0, 0, N } },
    { "Other", FALSE, { 0, 0, N } },
    { "Confirmed graduates", TRUE, { 0, 0, N } },
  };
  /* P02's Primary Course of 2022 is another programme's: within MC all three are new. */
  static const ExpectedRow cumulative[] = {
    { "2023", FALSE, { 3, 1, 3 } },
  };

  build_programme (fixture->db);
  report = cohort_test_compute_report (fixture->db, "MC", 0, 0, TODAY);

  g_assert_cmpint (cohort_report_get_first_year (report), ==, 2023);
  g_assert_cmpint (cohort_report_get_last_year (report), ==, 2023);
  g_assert_cmpstr (cohort_report_get_filter (report)->programme_code, ==, "MC");

  ASSERT_FIGURES (report, EXPECT (pipeline), EXPECT (gender), EXPECT (share),
                  EXPECT (nationalities), EXPECT (regions), EXPECT (nothing), EXPECT (nothing),
                  EXPECT (nothing), EXPECT (modalities), EXPECT (statuses), EXPECT (lengths),
                  EXPECT (sectors), EXPECT (cumulative));
}

static void
test_years (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  g_autoptr(CohortReport) report = NULL;
  static const ExpectedRow pipeline[] = {
    { "2023", FALSE, { 10, 9, 0, 8, 5, 1, 0, 1, 62.5 } },
    { "Total", TRUE, { 10, 9, 0, 8, 5, 1, 0, 1, 62.5 } },
  };
  static const ExpectedRow gender[] = {
    { "Applied", FALSE, { 6, 3, 1, 0, 10 } },
    { "Selected", FALSE, { 5, 3, 1, 0, 9 } },
    { "Reserve", FALSE, { 0, 0, 0, 0, 0 } },
    { "Enrolled", FALSE, { 4, 3, 1, 0, 8 } },
    { "Completed", FALSE, { 2, 2, 1, 0, 5 } },
    { "Participated only", FALSE, { 1, 0, 0, 0, 1 } },
    { "Withdrawn", FALSE, { 0, 0, 0, 0, 0 } },
    { "Rejected", FALSE, { 1, 0, 0, 0, 1 } },
  };
  static const ExpectedRow share[] = {
    { "2023", FALSE, { 60, 100.0 * 5 / 9, 40 } },
    { "All years", TRUE, { 60, 100.0 * 5 / 9, 40 } },
  };
  static const ExpectedRow nationalities[] = {
    { "Afghanistan", FALSE, { 1, 0 } },
    { "Brazil", FALSE, { 1, 0 } },
    { "France", FALSE, { 1, 1 } },
    { "Ghana", FALSE, { 1, 1 } },
    { "Japan", FALSE, { 1, 0 } },
    { "Kenya", FALSE, { 1, 1 } },
    { "XK", FALSE, { 1, 0 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 8, 4 } },
  };
  static const ExpectedRow regions[] = {
    { "Africa", FALSE, { 2, 2 } },
    { "Americas", FALSE, { 1, 0 } },
    { "Asia", FALSE, { 2, 0 } },
    { "Europe", FALSE, { 1, 1 } },
    { "Oceania", FALSE, { 0, 0 } },
    { "Unknown region", FALSE, { 1, 0 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 8, 4 } },
  };
  static const ExpectedRow hosts[] = {
    { "Peace Foundation", FALSE, { 1, 1 } },
    { "UNHCR", FALSE, { 1, 1 } },
    { "Total", TRUE, { 2, 2 } },
  };
  static const ExpectedRow offices[] = {
    { "UNHCR Dadaab", FALSE, { 1, 1 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 2, 2 } },
  };
  static const ExpectedRow countries[] = {
    { "Kenya", FALSE, { 1, 1 } },
    { "Not recorded", FALSE, { 1, 1 } },
    { "Total", TRUE, { 2, 2 } },
  };
  static const ExpectedRow modalities[] = {
    { "UN Volunteer", FALSE, { 1, 1 } },
    { "Secondment", FALSE, { 0, 0 } },
    { "Internship", FALSE, { 1, 1 } },
    { "Junior Professional Officer", FALSE, { 0, 0 } },
    { "Consultant", FALSE, { 0, 0 } },
    { "Staff", FALSE, { 0, 0 } },
    { "Other", FALSE, { 0, 0 } },
    { "Total", TRUE, { 2, 2 } },
  };
  static const ExpectedRow statuses[] = {
    { "Proposed", FALSE, { 1, 0 } },
    { "Confirmed", FALSE, { 1, 1 } },
    { "On assignment", FALSE, { 0, 0 } },
    { "Extended", FALSE, { 0, 0 } },
    { "Completed", FALSE, { 1, 1 } },
    { "Ended early", FALSE, { 0, 0 } },
    { "Cancelled", FALSE, { 1, 0 } },
    { "Total", TRUE, { 4, 2 } },
  };
  static const ExpectedRow lengths[] = {
    { "2023", FALSE, { 2, 1, 365, 365, 0, 0 } },
    { "All years", TRUE, { 2, 1, 365, 365, 0, 0 } },
  };
  /* Completed in 2023: P07 (UN), P10 (private sector), P13, P02 and P05 (not confirmed). */
  static const ExpectedRow sectors[] = {
    { "UN or other international organisation", FALSE, { 1, 1, 50 } },
    { "Government", FALSE, { 0, 0, 0 } },
    { "Development agency", FALSE, { 0, 0, 0 } },
    { "NGO", FALSE, { 0, 0, 0 } },
    { "Academia", FALSE, { 0, 0, 0 } },
    { "Private sector", FALSE, { 1, 1, 50 } },
    { "Student", FALSE, { 0, 0, 0 } },
    { "Other", FALSE, { 0, 0, 0 } },
    { "Confirmed graduates", TRUE, { 2, 2, 100 } },
  };
  /* Since the start: the three of 2022 are counted before. */
  static const ExpectedRow cumulative[] = {
    { "2023", FALSE, { 8, 5, 5 } },
  };
  CohortReportFigure *figure;

  build_programme (fixture->db);
  report = cohort_test_compute_report (fixture->db, NULL, 2023, 2023, TODAY);

  g_assert_cmpint (cohort_report_get_first_year (report), ==, 2023);
  g_assert_cmpint (cohort_report_get_last_year (report), ==, 2023);

  ASSERT_FIGURES (report, EXPECT (pipeline), EXPECT (gender), EXPECT (share),
                  EXPECT (nationalities), EXPECT (regions), EXPECT (hosts), EXPECT (offices),
                  EXPECT (countries), EXPECT (modalities), EXPECT (statuses), EXPECT (lengths),
                  EXPECT (sectors), EXPECT (cumulative));

  figure = cohort_report_find_figure (report, "graduate-sectors");
  g_assert_nonnull (strstr (cohort_report_figure_get_note (figure), "5 graduates completed"));
  g_assert_nonnull (strstr (cohort_report_figure_get_note (figure),
                            "3 graduates not confirmed"));

  /* A range without runs: no years, empty figures, totals of nothing. */
  g_clear_object (&report);
  report = cohort_test_compute_report (fixture->db, "PC", 2030, 2031, TODAY);
  g_assert_cmpint (cohort_report_get_first_year (report), ==, 0);
  g_assert_cmpint (cohort_report_get_last_year (report), ==, 0);
  figure = cohort_report_find_figure (report, "pipeline");
  g_assert_cmpuint (cohort_report_figure_get_n_rows (figure), ==, 1);
  g_assert_true (cohort_report_figure_row_is_total (figure, 0));
  assert_value (figure, 0, 1, 0);
  assert_value (figure, 0, 9, NAN);
  g_assert_cmpuint (cohort_report_figure_get_n_rows (cohort_report_find_figure (report,
                                                                                "cumulative")),
                    ==, 0);
}

static void
test_errors (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autoptr(GError) error = NULL;
  CohortReport *report;

  build_programme (fixture->db);

  filter->programme_code = g_strdup ("NOPE");
  report = cohort_report_compute (fixture->db, filter, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_assert_nonnull (strstr (error->message, "MC, PC"));
  g_assert_false (cohort_database_in_transaction (fixture->db));
  g_clear_error (&error);

  g_clear_pointer (&filter->programme_code, g_free);
  filter->from_year = 2024;
  filter->to_year = 2022;
  report = cohort_report_compute (fixture->db, filter, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  filter->from_year = 0;
  filter->to_year = 0;
  filter->today = g_strdup ("2025-02-30");
  report = cohort_report_compute (fixture->db, filter, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
  g_clear_error (&error);

  /* Cancelled before it starts: nothing, and no transaction left open. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_clear_pointer (&filter->today, g_free);
    g_cancellable_cancel (cancellable);
    report = cohort_report_compute (fixture->db, filter, cancellable, &error);
    g_assert_null (report);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_false (cohort_database_in_transaction (fixture->db));
  }
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CohortReport **out_report = user_data;
  g_autoptr(GError) error = NULL;

  *out_report = cohort_report_compute_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out_report);
}

static void
on_cancelled_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortReport) report = cohort_report_compute_finish (result, &error);

  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autoptr(CohortReport) sync = NULL;
  g_autoptr(CohortReport) async = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  build_programme (fixture->db);
  filter->today = g_strdup (TODAY);
  sync = cohort_test_compute_report (fixture->db, NULL, 0, 0, TODAY);

  cohort_report_compute_async (fixture->db, filter, NULL, on_computed_cb, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The worker's own connection sees the same numbers. */
  g_assert_cmpuint (cohort_report_get_n_figures (async), ==, cohort_report_get_n_figures (sync));
  for (guint i = 0; i < cohort_report_get_n_figures (sync); i++)
    {
      CohortReportFigure *a = cohort_report_get_figure (async, i);
      CohortReportFigure *s = cohort_report_get_figure (sync, i);

      g_assert_cmpstr (cohort_report_figure_get_id (a), ==, cohort_report_figure_get_id (s));
      g_assert_cmpuint (cohort_report_figure_get_n_rows (a), ==,
                        cohort_report_figure_get_n_rows (s));
      for (guint r = 0; r < cohort_report_figure_get_n_rows (s); r++)
        for (guint c = 1; c < cohort_report_figure_get_n_columns (s); c++)
          assert_value (a, r, c, cohort_report_figure_get_value (s, r, c));
    }

  g_cancellable_cancel (cancellable);
  cohort_report_compute_async (fixture->db, filter, cancellable, on_cancelled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_countries (void)
{
  g_assert_cmpstr (cohort_country_get_name ("KE"), ==, "Kenya");
  g_assert_cmpstr (cohort_country_get_name ("BO"), ==, "Bolivia");
  g_assert_null (cohort_country_get_name ("XK"));
  g_assert_null (cohort_country_get_name (NULL));
  g_assert_cmpint (cohort_country_get_region ("KE"), ==, COHORT_REGION_AFRICA);
  g_assert_cmpint (cohort_country_get_region ("EG"), ==, COHORT_REGION_AFRICA);
  g_assert_cmpint (cohort_country_get_region ("BR"), ==, COHORT_REGION_AMERICAS);
  g_assert_cmpint (cohort_country_get_region ("CA"), ==, COHORT_REGION_AMERICAS);
  g_assert_cmpint (cohort_country_get_region ("JP"), ==, COHORT_REGION_ASIA);
  g_assert_cmpint (cohort_country_get_region ("TR"), ==, COHORT_REGION_ASIA);
  g_assert_cmpint (cohort_country_get_region ("UA"), ==, COHORT_REGION_EUROPE);
  g_assert_cmpint (cohort_country_get_region ("FJ"), ==, COHORT_REGION_OCEANIA);
  g_assert_cmpint (cohort_country_get_region ("AQ"), ==, COHORT_REGION_NONE);
  g_assert_cmpint (cohort_country_get_region ("XK"), ==, COHORT_REGION_NONE);
  g_assert_cmpstr (cohort_region_get_name (COHORT_REGION_OCEANIA), ==, "Oceania");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/report/countries", test_countries);
  cohort_test_add ("/cohort/report/everything", test_everything);
  cohort_test_add ("/cohort/report/programme", test_programme);
  cohort_test_add ("/cohort/report/years", test_years);
  cohort_test_add ("/cohort/report/errors", test_errors);
  cohort_test_add ("/cohort/report/async", test_async);

  return g_test_run ();
}
