/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-test-utils.h"

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-query-model.h"
#include "cohort-record.h"
#include "cohort-search.h"

/*
 * The fixture, in the order each list sorts by default:
 *
 * people (family name): 3 Abdullah Mohammed (عبد الله محمد, AF, male), 7 Fernandez Alexander
 *   (ES, male), 6 Kim Min-jun "MJ" (김 민준, KR, male, works at WFP), 4 Smith Jane (GB and JP,
 *   female), 5 Smith Jane (KE, female), 2 Tanaka Hanako (田中 花子, JP, female), 1 Tanaka Taro
 *   (田中 太郎, JP, male); 8 Deleted Person is deleted.
 * organisations (name): 3 UNDP Kabul Office (AF, field office), 1 United Nations Development
 *   Programme (US), 2 World Food Programme (IT); 4 is deleted.
 * courses (code): 2 MC "Workshop for Mid-Career Professionals" (programme 2), 1 PC-CORE
 *   "Primary Course" (programme 1); 3 is deleted.
 * runs (start): 1 PC-2022 (course 1, 2022-08-01, FY2022, completed), 3 PC-MID-2023 (course 2,
 *   2023-03-01, no FY, planned), 2 PC-2023 (course 1, 2023-08-01, FY2023, running); 4 belongs to
 *   the deleted course.
 * enrolments: 1 p1 r1 completed, 2 p2 r2 enrolled, 3 p3 r1 completed, 4 p4 r3 applied, 5 p6 r2
 *   reserve #2, 6 p7 r2 reserve #1, 7 p8 r1 completed (deleted person), 8 p2 r1 withdrawn,
 *   9 p7 r1 completed.  Trainees: 1 2 3 4 6 7; graduates: 1 3 7.
 * placements (start): 1 p1 UNDP/Kabul SS 2022-10-01 on_assignment, 2 p3 WFP KE 2023-01-15
 *   extended, 3 p2 UNDP CD 2023-10-01 confirmed; 4 is deleted, 5 is the deleted person's.
 * career records (start): 2 p1 WFP ngo 2021 never verified, 1 p1 UNDP un_international 2023-10
 *   verified 30 days ago, 3 p3 WFP government 2024-01 verified 2000-01-01; 4 (p3, 2025) is
 *   deleted, 5 is the deleted person's.
 */
static const char fixture_sql[] =
  "INSERT INTO organisation (id, name, acronym, kind, parent_id, country, city, created_at,"
  " updated_at, deleted_at) VALUES"
  " (1, 'United Nations Development Programme', 'UNDP', 'un_agency', NULL, 'US', 'New York',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (2, 'World Food Programme', 'WFP', 'un_agency', NULL, 'IT', 'Rome',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (3, 'UNDP Kabul Office', NULL, 'field_office', 1, 'AF', 'Kabul',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (4, 'Defunct Agency', 'DA', 'ngo', NULL, 'FR', 'Paris',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z');"
  "INSERT INTO programme (id, code, name, created_at, updated_at) VALUES"
  " (1, 'PRIMARY', 'Primary Course', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (2, 'MIDCAREER', 'Mid-Career Course', '2024-01-01T00:00:00.000Z',"
  "  '2024-01-01T00:00:00.000Z');"
  "INSERT INTO course (id, code, title, programme_id, description, created_at, updated_at,"
  " deleted_at) VALUES"
  " (1, 'PC-CORE', 'Primary Course', 1, 'Coursework in Tokyo and Hiroshima',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (2, 'MC', 'Workshop for Mid-Career Professionals', 2, NULL,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (3, 'OLD', 'Archived course', 1, NULL,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z');"
  "INSERT INTO course_run (id, course_id, code, start_date, end_date, status, fiscal_year,"
  " created_at, updated_at) VALUES"
  " (1, 1, 'PC-2022', '2022-08-01', '2022-08-31', 'completed', 2022,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (2, 1, 'PC-2023', '2023-08-01', '2023-08-31', 'running', 2023,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (3, 2, 'PC-MID-2023', '2023-03-01', '2023-03-07', 'planned', NULL,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (4, 3, 'OLD-2019', '2019-08-01', '2019-08-31', 'completed', 2019,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');"
  "INSERT INTO person (id, code, family_name, given_name, family_name_local, given_name_local,"
  " gender, nationality, email, affiliation_id, created_at, updated_at, deleted_at) VALUES"
  " (1, 'P001', 'Tanaka', 'Taro', '田中', '太郎', 'male', 'JP', 'tanaka.taro@example.org', NULL,"
  "  '2024-01-05T00:00:00.000Z', '2024-01-05T00:00:00.000Z', NULL),"
  " (2, 'P002', 'Tanaka', 'Hanako', '田中', '花子', 'female', 'JP', 'hanako@example.jp', NULL,"
  "  '2024-01-03T00:00:00.000Z', '2024-02-01T00:00:00.000Z', NULL),"
  " (3, 'P003', 'Abdullah', 'Mohammed', 'عبد الله', 'محمد', 'male', 'AF',"
  "  'm.abdullah@example.af', NULL,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (4, 'P004', 'Smith', 'Jane', NULL, NULL, 'female', 'GB', 'jane.smith@example.com', NULL,"
  "  '2024-01-02T00:00:00.000Z', '2024-01-02T00:00:00.000Z', NULL),"
  " (5, 'P005', 'Smith', 'Jane', NULL, NULL, 'female', 'KE', 'jane.smith@example.ke', NULL,"
  "  '2024-01-02T00:00:00.000Z', '2024-01-02T00:00:00.000Z', NULL),"
  " (6, 'P006', 'Kim', 'Min-jun \"MJ\"', '김', '민준', 'male', 'KR', 'minjun.kim@example.kr', 2,"
  "  '2024-01-04T00:00:00.000Z', '2024-01-04T00:00:00.000Z', NULL),"
  " (7, 'P007', 'Fernandez', 'Alexander', NULL, NULL, 'male', 'ES',"
  "  'alex.fernandez@example.es', NULL,"
  "  '2024-01-06T00:00:00.000Z', '2024-01-06T00:00:00.000Z', NULL),"
  " (8, 'P008', 'Deleted', 'Person', NULL, NULL, 'female', 'JP', 'deleted@example.org', NULL,"
  "  '2024-01-07T00:00:00.000Z', '2024-01-07T00:00:00.000Z', '2024-03-01T00:00:00.000Z');"
  "INSERT INTO person_nationality (person_id, country) VALUES (4, 'JP');"
  "INSERT INTO enrolment (id, person_id, run_id, status, reserve_rank, created_at, updated_at)"
  " VALUES"
  " (1, 1, 1, 'completed', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (2, 2, 2, 'enrolled', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (3, 3, 1, 'completed', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (4, 4, 3, 'applied', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (5, 6, 2, 'reserve', 2, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (6, 7, 2, 'reserve', 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (7, 8, 1, 'completed', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (8, 2, 1, 'withdrawn', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'),"
  " (9, 7, 1, 'completed', NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');"
  "INSERT INTO placement (id, person_id, enrolment_id, host_id, office_id, country, start_date,"
  " status, created_at, updated_at, deleted_at) VALUES"
  " (1, 1, 1, 1, 3, 'SS', '2022-10-01', 'on_assignment',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (2, 3, 3, 2, NULL, 'KE', '2023-01-15', 'extended',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (3, 2, 2, 1, NULL, 'CD', '2023-10-01', 'confirmed',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (4, 1, NULL, 2, NULL, 'KE', '2021-01-01', 'completed',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'),"
  " (5, 8, 7, 2, NULL, 'KE', '2022-09-01', 'completed',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL);"
  "INSERT INTO career_record (id, person_id, organisation_id, sector, start_date, verified_on,"
  " created_at, updated_at, deleted_at) VALUES"
  " (1, 1, 1, 'un_international', '2023-10', date('now', '-30 days'),"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (2, 1, 2, 'ngo', '2021', NULL,"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (3, 3, 2, 'government', '2024-01', '2000-01-01',"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL),"
  " (4, 3, 1, 'academia', '2025', date('now'),"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'),"
  " (5, 8, 1, 'other', '2022', date('now'),"
  "  '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', NULL);";

static void
fill_fixture (CohortTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  cohort_database_exec (fixture->db, fixture_sql, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  cohort_test_fixture_set_up (fixture, user_data);
  fill_fixture (fixture);
}

#define add_test(path, func) \
  g_test_add (path, CohortTestFixture, NULL, fixture_set_up, func, cohort_test_fixture_tear_down)

/* The ids of the objects in @model, in order, as "3,7,6". */
static char *
dup_ids (GListModel *model)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortRecord) record = g_list_model_get_item (model, i);

      g_assert_nonnull (record);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, g_list_model_get_item_type (model)));
      g_assert_cmpint (cohort_record_get_id (record), ==,
                       cohort_query_model_get_id (COHORT_QUERY_MODEL (model), i));
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              cohort_record_get_id (record));
    }

  return g_string_free (ids, FALSE);
}

static char *
reverse_ids (const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids, ",", -1);
  guint n = g_strv_length (parts);
  GString *reversed = g_string_new (NULL);

  for (guint i = n; i > 0; i--)
    g_string_append_printf (reversed, "%s%s", i < n ? "," : "", parts[i - 1]);

  return g_string_free (reversed, FALSE);
}

static void
refresh (CohortQueryModel *model)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_query_model_refresh_sync (model, &error));
  g_assert_no_error (error);
}

static CohortQueryModel *
new_model (CohortTestFixture *fixture,
           CohortQueryKind    kind)
{
  CohortQueryModel *model = cohort_query_model_new (fixture->db, kind);

  refresh (model);
  return model;
}

static void
assert_model_ids (CohortQueryModel *model,
                  const char       *expected)
{
  g_autofree char *ids = dup_ids (G_LIST_MODEL (model));

  g_assert_cmpstr (ids, ==, expected);
}

static void
wait_until_loaded (CohortQueryModel *model)
{
  while (cohort_query_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);
}

/* Drops the last reference and lets any cancelled query still in a worker finish, so that the
 * model (and its hold on the database) is gone before the fixture closes it. */
static void
unref_and_wait (CohortQueryModel *model)
{
  GWeakRef ref;

  g_weak_ref_init (&ref, model);
  g_object_unref (model);

  for (;;)
    {
      GObject *alive = g_weak_ref_get (&ref);

      if (alive == NULL)
        break;
      g_object_unref (alive);
      g_main_context_iteration (NULL, TRUE);
    }
  g_weak_ref_clear (&ref);
}

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     ItemsChanged *changed)
{
  changed->n_emissions++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static void
test_count (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  static const struct {
    CohortQueryKind kind;
    guint           n_items;
    GType         (*item_type) (void);
  } cases[] = {
    { COHORT_QUERY_KIND_PERSONS, 7, cohort_person_get_type },
    { COHORT_QUERY_KIND_TRAINEES, 6, cohort_person_get_type },
    { COHORT_QUERY_KIND_GRADUATES, 3, cohort_person_get_type },
    { COHORT_QUERY_KIND_ORGANISATIONS, 3, cohort_organisation_get_type },
    { COHORT_QUERY_KIND_COURSES, 2, cohort_course_get_type },
    { COHORT_QUERY_KIND_COURSE_RUNS, 3, cohort_course_run_get_type },
    { COHORT_QUERY_KIND_ENROLMENTS, 8, cohort_enrolment_get_type },
    { COHORT_QUERY_KIND_PLACEMENTS, 3, cohort_placement_get_type },
    { COHORT_QUERY_KIND_CAREER_RECORDS, 3, cohort_career_record_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CohortQueryModel) model = cohort_query_model_new (fixture->db, cases[i].kind);
      guint n_items = G_MAXUINT;
      GType item_type = G_TYPE_INVALID;

      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == cases[i].item_type ());
      g_assert_true (cohort_query_kind_get_item_type (cases[i].kind) == cases[i].item_type ());
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

      refresh (model);
      g_object_get (model, "n-items", &n_items, "item-type", &item_type, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, cases[i].n_items);
      g_assert_cmpuint (n_items, ==, cases[i].n_items);
      g_assert_true (item_type == cases[i].item_type ());
      g_assert_true (cohort_query_model_get_kind (model) == cases[i].kind);
      g_assert_true (cohort_query_model_get_database (model) == fixture->db);
      g_assert_false (cohort_query_model_get_loading (model));
    }
}

static void
test_rows (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autoptr(CohortQueryModel) persons = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  g_autoptr(CohortQueryModel) placements = new_model (fixture, COHORT_QUERY_KIND_PLACEMENTS);
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortPlacement) placement = NULL;
  guint position = 0;

  /* The objects carry their row's columns. */
  person = g_list_model_get_item (G_LIST_MODEL (persons), 0);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (person)), ==, 3);
  g_assert_cmpstr (cohort_person_get_family_name (person), ==, "Abdullah");
  g_assert_cmpstr (cohort_person_get_family_name_local (person), ==, "عبد الله");
  g_assert_cmpstr (cohort_person_get_email (person), ==, "m.abdullah@example.af");
  g_assert_cmpstr (cohort_person_get_gender (person), ==, "male");
  g_assert_cmpstr (cohort_record_get_created_at (COHORT_RECORD (person)), ==,
                   "2024-01-01T00:00:00.000Z");
  g_assert_null (cohort_record_get_deleted_at (COHORT_RECORD (person)));

  placement = g_list_model_get_item (G_LIST_MODEL (placements), 0);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (placement)), ==, 1);
  g_assert_cmpint (cohort_placement_get_host_id (placement), ==, 1);
  g_assert_cmpint (cohort_placement_get_office_id (placement), ==, 3);
  g_assert_cmpstr (cohort_placement_get_country (placement), ==, "SS");
  g_assert_cmpstr (cohort_placement_get_status (placement), ==, "on_assignment");

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (persons), 7));
  g_assert_cmpint (cohort_query_model_get_id (persons, 7), ==, 0);
  g_assert_true (cohort_query_model_find_id (persons, 5, &position));
  g_assert_cmpuint (position, ==, 4);
  g_assert_false (cohort_query_model_find_id (persons, 8, NULL));
}

static void
test_paging (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortQueryModel) model = NULL;
  const guint n = 2000;
  static const guint positions[] = { 0, 1, 63, 64, 65, 999, 1000, 1998, 1999 };

  /* 2000 people whose names sort in the reverse of their ids: "F0001" has id 2000. */
  cohort_database_exec (fixture->db,
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                        " WHERE i < 2000)"
                        " INSERT INTO person (id, code, family_name, given_name, created_at,"
                        " updated_at) SELECT i, printf('Q%04d', i), printf('F%04d', 2001 - i),"
                        " 'G', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z' FROM n",
                        &error);
  g_assert_no_error (error);

  model = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(CohortPerson) person = g_list_model_get_item (G_LIST_MODEL (model),
                                                              positions[i]);
      g_autofree char *family = g_strdup_printf ("F%04u", positions[i] + 1);

      g_assert_nonnull (person);
      g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (person)), ==, n - positions[i]);
      g_assert_cmpstr (cohort_person_get_family_name (person), ==, family);
    }

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), G_MAXUINT));

  /* Down and up again: every page is loaded, evicted and loaded again. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        guint i = pass == 0 ? k : n - 1 - k;
        g_autoptr(CohortPerson) person = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (person)), ==, n - i);
      }

  /* Descending is the exact reverse. */
  cohort_query_model_set_sort (model, COHORT_QUERY_SORT_FAMILY_NAME, TRUE);
  refresh (model);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(CohortPerson) person = g_list_model_get_item (G_LIST_MODEL (model),
                                                              positions[i]);

      g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (person)), ==, positions[i] + 1);
    }
}

typedef struct
{
  CohortQueryKind  kind;
  CohortQuerySort  sort;
  const char      *ascending;
  const char      *descending; /* NULL: the exact reverse */
} SortCase;

static const SortCase sort_cases[] = {
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_FAMILY_NAME, "3,7,6,4,5,2,1", NULL },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_GIVEN_NAME, "7,2,4,5,6,3,1", NULL },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_LOCAL_NAME, "3,1,2,6,4,5,7", "6,2,1,3,7,5,4" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_NATIONALITY, "3,7,4,2,1,5,6", NULL },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_GENDER, "4,5,2,3,7,6,1", NULL },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_CREATED, "3,4,5,2,6,1,7", NULL },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_UPDATED, "3,4,5,6,1,7,2", NULL },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_SORT_CODE, "1,2,3,4,5,6,7", NULL },
  { COHORT_QUERY_KIND_TRAINEES, COHORT_QUERY_SORT_FAMILY_NAME, "3,7,6,4,2,1", NULL },
  { COHORT_QUERY_KIND_TRAINEES, COHORT_QUERY_SORT_GENDER, "4,2,3,7,6,1", NULL },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_SORT_FAMILY_NAME, "3,7,1", NULL },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_SORT_LAST_VERIFIED, "7,3,1", NULL },
  { COHORT_QUERY_KIND_ORGANISATIONS, COHORT_QUERY_SORT_NAME, "3,1,2", NULL },
  { COHORT_QUERY_KIND_ORGANISATIONS, COHORT_QUERY_SORT_COUNTRY, "3,2,1", NULL },
  { COHORT_QUERY_KIND_COURSES, COHORT_QUERY_SORT_CODE, "2,1", NULL },
  { COHORT_QUERY_KIND_COURSES, COHORT_QUERY_SORT_TITLE, "1,2", NULL },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_SORT_START_DATE, "1,3,2", NULL },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_SORT_CODE, "1,2,3", NULL },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_SORT_FISCAL_YEAR, "3,1,2", NULL },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_SORT_STATUS, "3,2,1", NULL },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_SORT_TITLE, "1,2,3", NULL },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_SORT_PERSON, "3,6,9,5,4,2,8,1", NULL },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_SORT_STATUS, "4,6,5,2,1,3,9,8", NULL },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_SORT_RESERVE_RANK, "6,5,1,2,3,4,8,9",
    "5,6,9,8,4,3,2,1" },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_SORT_START_DATE, "1,3,8,9,4,2,5,6", NULL },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_SORT_START_DATE, "1,2,3", NULL },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_SORT_PERSON, "2,3,1", NULL },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_SORT_HOST, "1,3,2", NULL },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_SORT_COUNTRY, "3,2,1", NULL },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_SORT_STATUS, "3,1,2", NULL },
  { COHORT_QUERY_KIND_CAREER_RECORDS, COHORT_QUERY_SORT_START_DATE, "2,1,3", NULL },
  { COHORT_QUERY_KIND_CAREER_RECORDS, COHORT_QUERY_SORT_SECTOR, "1,3,2", NULL },
  { COHORT_QUERY_KIND_CAREER_RECORDS, COHORT_QUERY_SORT_VERIFIED_ON, "2,3,1", NULL },
  { COHORT_QUERY_KIND_CAREER_RECORDS, COHORT_QUERY_SORT_PERSON, "3,2,1", NULL },
};

static void
test_sort (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_cases); i++)
    {
      const SortCase *c = &sort_cases[i];
      g_autoptr(CohortQueryModel) model = cohort_query_model_new (fixture->db, c->kind);
      g_autofree char *descending = c->descending ? g_strdup (c->descending)
                                                  : reverse_ids (c->ascending);

      g_test_message ("kind %d, sort %d", c->kind, c->sort);
      g_assert_true (cohort_query_kind_supports_sort (c->kind, c->sort));

      cohort_query_model_set_sort (model, c->sort, FALSE);
      refresh (model);
      g_assert_true (cohort_query_model_get_sort (model) == c->sort);
      g_assert_false (cohort_query_model_get_descending (model));
      assert_model_ids (model, c->ascending);

      cohort_query_model_set_sort (model, c->sort, TRUE);
      refresh (model);
      g_assert_true (cohort_query_model_get_descending (model));
      assert_model_ids (model, descending);
    }
}

static void
test_sort_default (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autoptr(CohortQueryModel) persons = new_model (fixture, COHORT_QUERY_KIND_PERSONS);

  g_assert_true (cohort_query_model_get_sort (persons) == COHORT_QUERY_SORT_FAMILY_NAME);
  g_assert_true (cohort_query_kind_get_default_sort (COHORT_QUERY_KIND_PLACEMENTS) ==
                 COHORT_QUERY_SORT_START_DATE);
  g_assert_false (cohort_query_kind_supports_sort (COHORT_QUERY_KIND_PERSONS,
                                                   COHORT_QUERY_SORT_HOST));

  /* An order the kind does not have is refused, and the model keeps its own. */
  g_test_expect_message ("cohort-query", G_LOG_LEVEL_CRITICAL, "*supports_sort*");
  cohort_query_model_set_sort (persons, COHORT_QUERY_SORT_HOST, FALSE);
  g_test_assert_expected_messages ();
  g_assert_true (cohort_query_model_get_sort (persons) == COHORT_QUERY_SORT_FAMILY_NAME);
}

typedef struct
{
  CohortQueryKind    kind;
  CohortQueryFilter  filter;
  const char        *value;
  const char        *expected;
} FilterCase;

static const FilterCase filter_cases[] = {
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_NATIONALITY, "JP", "4,2,1" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_NATIONALITY, "KE", "5" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_GENDER, "female", "4,5,2" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_PROGRAMME, "1", "3,7,6,2,1" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_PROGRAMME, "2", "4" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_FISCAL_YEAR, "2022", "3,7,2,1" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_FISCAL_YEAR, "2023", "7,6,2" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_STATUS, "reserve", "7,6" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_STATUS, "withdrawn", "2" },
  { COHORT_QUERY_KIND_PERSONS, COHORT_QUERY_FILTER_PROGRAMME, "not a number", "" },
  { COHORT_QUERY_KIND_TRAINEES, COHORT_QUERY_FILTER_GENDER, "male", "3,7,6,1" },
  { COHORT_QUERY_KIND_TRAINEES, COHORT_QUERY_FILTER_NATIONALITY, "JP", "4,2,1" },
  { COHORT_QUERY_KIND_TRAINEES, COHORT_QUERY_FILTER_STATUS, "completed", "3,7,1" },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_FILTER_NOT_CONFIRMED, "1", "3,7" },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_FILTER_SECTOR, "government", "3" },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_FILTER_SECTOR, "un_international", "1" },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_FILTER_SECTOR, "ngo", "" },
  { COHORT_QUERY_KIND_GRADUATES, COHORT_QUERY_FILTER_GENDER, "male", "3,7,1" },
  { COHORT_QUERY_KIND_ORGANISATIONS, COHORT_QUERY_FILTER_COUNTRY, "AF", "3" },
  { COHORT_QUERY_KIND_ORGANISATIONS, COHORT_QUERY_FILTER_ORGANISATION_KIND, "un_agency", "1,2" },
  { COHORT_QUERY_KIND_COURSES, COHORT_QUERY_FILTER_PROGRAMME, "2", "2" },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_FILTER_COURSE, "1", "1,2" },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_FILTER_FISCAL_YEAR, "2023", "2" },
  { COHORT_QUERY_KIND_COURSE_RUNS, COHORT_QUERY_FILTER_STATUS, "planned", "3" },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_FILTER_RUN, "2", "6,5,2" },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_FILTER_PERSON, "2", "2,8" },
  { COHORT_QUERY_KIND_ENROLMENTS, COHORT_QUERY_FILTER_STATUS, "completed", "3,9,1" },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_FILTER_HOST, "1", "1,3" },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_FILTER_COUNTRY, "KE", "2" },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_FILTER_STATUS, "confirmed", "3" },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_FILTER_YEAR, "2023", "2,3" },
  { COHORT_QUERY_KIND_PLACEMENTS, COHORT_QUERY_FILTER_PERSON, "1", "1" },
  { COHORT_QUERY_KIND_CAREER_RECORDS, COHORT_QUERY_FILTER_PERSON, "1", "2,1" },
  { COHORT_QUERY_KIND_CAREER_RECORDS, COHORT_QUERY_FILTER_SECTOR, "government", "3" },
};

static void
test_filter (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_cases); i++)
    {
      const FilterCase *c = &filter_cases[i];
      g_autoptr(CohortQueryModel) model = new_model (fixture, c->kind);
      g_autofree char *unfiltered = dup_ids (G_LIST_MODEL (model));

      g_test_message ("kind %d, filter %d = %s", c->kind, c->filter, c->value);
      g_assert_true (cohort_query_kind_supports_filter (c->kind, c->filter));

      cohort_query_model_set_filter (model, c->filter, c->value);
      g_assert_cmpstr (cohort_query_model_get_filter (model, c->filter), ==, c->value);
      refresh (model);
      assert_model_ids (model, c->expected);

      /* NULL clears it. */
      cohort_query_model_set_filter (model, c->filter, NULL);
      g_assert_null (cohort_query_model_get_filter (model, c->filter));
      refresh (model);
      assert_model_ids (model, unfiltered);
    }
}

static void
test_filter_combined (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortQueryModel) persons = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  g_autoptr(CohortQueryModel) enrolments = new_model (fixture, COHORT_QUERY_KIND_ENROLMENTS);

  /* One enrolment must match both: person 2 completed nothing in FY2022 (she withdrew). */
  cohort_query_model_set_filter (persons, COHORT_QUERY_FILTER_FISCAL_YEAR, "2022");
  cohort_query_model_set_filter (persons, COHORT_QUERY_FILTER_STATUS, "completed");
  refresh (persons);
  assert_model_ids (persons, "3,7,1");

  cohort_query_model_set_filter (persons, COHORT_QUERY_FILTER_GENDER, "male");
  cohort_query_model_set_filter (persons, COHORT_QUERY_FILTER_NATIONALITY, "JP");
  refresh (persons);
  assert_model_ids (persons, "1");

  /* A filter with a search and a sort. */
  cohort_query_model_clear_filters (persons);
  g_assert_null (cohort_query_model_get_filter (persons, COHORT_QUERY_FILTER_GENDER));
  cohort_query_model_set_filter (persons, COHORT_QUERY_FILTER_GENDER, "female");
  cohort_query_model_set_search (persons, "example");
  cohort_query_model_set_sort (persons, COHORT_QUERY_SORT_CREATED, TRUE);
  refresh (persons);
  assert_model_ids (persons, "2,5,4");

  /* The run's enrolments, searched and sorted. */
  cohort_query_model_set_filter (enrolments, COHORT_QUERY_FILTER_RUN, "1");
  refresh (enrolments);
  assert_model_ids (enrolments, "3,9,8,1");
  cohort_query_model_set_search (enrolments, "tanaka");
  cohort_query_model_set_sort (enrolments, COHORT_QUERY_SORT_STATUS, FALSE);
  refresh (enrolments);
  assert_model_ids (enrolments, "1,8");

  /* A filter the kind does not have is refused. */
  g_test_expect_message ("cohort-query", G_LOG_LEVEL_CRITICAL, "*supports_filter*");
  cohort_query_model_set_filter (enrolments, COHORT_QUERY_FILTER_HOST, "1");
  g_test_assert_expected_messages ();
}

typedef struct
{
  CohortQueryKind  kind;
  const char      *search;
  const char      *expected;
} SearchCase;

static const SearchCase search_cases[] = {
  /* Latin, in any case, anywhere in the name; words in any order */
  { COHORT_QUERY_KIND_PERSONS, "tanaka", "2,1" },
  { COHORT_QUERY_KIND_PERSONS, "TANAKA", "2,1" },
  { COHORT_QUERY_KIND_PERSONS, "  Tanaka  ", "2,1" },
  { COHORT_QUERY_KIND_PERSONS, "anak", "2,1" },
  { COHORT_QUERY_KIND_PERSONS, "Taro Tanaka", "1" },
  { COHORT_QUERY_KIND_PERSONS, "Tanaka Taro", "1" },
  { COHORT_QUERY_KIND_PERSONS, "Min-jun", "6" },
  /* short: the start of a name or code, ASCII case ignored */
  { COHORT_QUERY_KIND_PERSONS, "Sm", "4,5" },
  { COHORT_QUERY_KIND_PERSONS, "sm", "4,5" },
  { COHORT_QUERY_KIND_PERSONS, "J", "4,5" },
  { COHORT_QUERY_KIND_PERSONS, "mi", "6" },
  { COHORT_QUERY_KIND_PERSONS, "P0", "3,7,6,4,5,2,1" },
  { COHORT_QUERY_KIND_PERSONS, "an", "" },
  /* Japanese: two characters are a prefix, three or more a substring */
  { COHORT_QUERY_KIND_PERSONS, "田中", "2,1" },
  { COHORT_QUERY_KIND_PERSONS, "太郎", "1" },
  { COHORT_QUERY_KIND_PERSONS, "中", "" },
  { COHORT_QUERY_KIND_PERSONS, "田中太郎", "1" },
  { COHORT_QUERY_KIND_PERSONS, "中太郎", "1" },
  { COHORT_QUERY_KIND_PERSONS, "田中 花子", "2" },
  { COHORT_QUERY_KIND_PERSONS, "田中\xe3\x80\x80花子", "2" }, /* ideographic space */
  /* Arabic */
  { COHORT_QUERY_KIND_PERSONS, "عبد", "3" },
  { COHORT_QUERY_KIND_PERSONS, "بد ال", "3" },
  { COHORT_QUERY_KIND_PERSONS, "محمد عبد الله", "3" },
  { COHORT_QUERY_KIND_PERSONS, "عب", "3" },
  { COHORT_QUERY_KIND_PERSONS, "ليس", "" },
  /* Korean */
  { COHORT_QUERY_KIND_PERSONS, "김민준", "6" },
  /* email, organisation */
  { COHORT_QUERY_KIND_PERSONS, "hanako@example.jp", "2" },
  { COHORT_QUERY_KIND_PERSONS, "example.ke", "5" },
  { COHORT_QUERY_KIND_PERSONS, "jane.smith@", "4,5" },
  { COHORT_QUERY_KIND_PERSONS, "World Food", "6" },
  { COHORT_QUERY_KIND_PERSONS, "WFP", "6" },
  /* FTS5 and LIKE syntax is only text */
  { COHORT_QUERY_KIND_PERSONS, "\"MJ\"", "6" },
  { COHORT_QUERY_KIND_PERSONS, "\"", "" },
  { COHORT_QUERY_KIND_PERSONS, "\"\"", "" },
  { COHORT_QUERY_KIND_PERSONS, "\"\"\"", "" },
  { COHORT_QUERY_KIND_PERSONS, "Min-jun \"MJ", "6" },
  { COHORT_QUERY_KIND_PERSONS, "*", "" },
  { COHORT_QUERY_KIND_PERSONS, "tana*", "" },
  { COHORT_QUERY_KIND_PERSONS, "AND", "7" },
  { COHORT_QUERY_KIND_PERSONS, "tanaka AND smith", "" },
  { COHORT_QUERY_KIND_PERSONS, "tanaka OR smith", "" },
  { COHORT_QUERY_KIND_PERSONS, "NOT tanaka", "" },
  { COHORT_QUERY_KIND_PERSONS, "(", "" },
  { COHORT_QUERY_KIND_PERSONS, "(tanaka)", "" },
  { COHORT_QUERY_KIND_PERSONS, "NEAR(tanaka taro)", "" },
  { COHORT_QUERY_KIND_PERSONS, "name:tanaka", "" },
  { COHORT_QUERY_KIND_PERSONS, "^tanaka", "" },
  { COHORT_QUERY_KIND_PERSONS, "%", "" },
  { COHORT_QUERY_KIND_PERSONS, "_", "" },
  { COHORT_QUERY_KIND_PERSONS, "%a", "" },
  { COHORT_QUERY_KIND_PERSONS, "\\", "" },
  { COHORT_QUERY_KIND_PERSONS, "'; DROP TABLE person; --", "" },
  /* other kinds */
  { COHORT_QUERY_KIND_TRAINEES, "tanaka", "2,1" },
  { COHORT_QUERY_KIND_GRADUATES, "tanaka", "1" },
  { COHORT_QUERY_KIND_GRADUATES, "A", "3,7" },
  { COHORT_QUERY_KIND_ORGANISATIONS, "undp", "3,1" },
  { COHORT_QUERY_KIND_ORGANISATIONS, "food", "2" },
  { COHORT_QUERY_KIND_ORGANISATIONS, "kabul", "3" },
  { COHORT_QUERY_KIND_ORGANISATIONS, "UN", "3,1" },
  { COHORT_QUERY_KIND_ORGANISATIONS, "wf", "2" },
  { COHORT_QUERY_KIND_ORGANISATIONS, "Defunct", "" },
  { COHORT_QUERY_KIND_COURSES, "primary", "1" },
  { COHORT_QUERY_KIND_COURSES, "Hiroshima", "1" },
  { COHORT_QUERY_KIND_COURSES, "PC", "1" },
  { COHORT_QUERY_KIND_COURSES, "Wo", "2" },
  { COHORT_QUERY_KIND_COURSE_RUNS, "primary", "1,2" },
  { COHORT_QUERY_KIND_COURSE_RUNS, "PC", "1,3,2" },
  { COHORT_QUERY_KIND_COURSE_RUNS, "Wo", "3" },
  { COHORT_QUERY_KIND_ENROLMENTS, "tanaka", "2,8,1" },
  { COHORT_QUERY_KIND_ENROLMENTS, "ta", "2,8,1" },
  { COHORT_QUERY_KIND_PLACEMENTS, "tanaka", "1,3" },
  { COHORT_QUERY_KIND_PLACEMENTS, "World Food", "2" },
  { COHORT_QUERY_KIND_PLACEMENTS, "Kabul", "1" },
  { COHORT_QUERY_KIND_PLACEMENTS, "Wo", "2" },
  { COHORT_QUERY_KIND_PLACEMENTS, "田中", "1,3" },
  { COHORT_QUERY_KIND_CAREER_RECORDS, "tanaka", "2,1" },
  { COHORT_QUERY_KIND_CAREER_RECORDS, "World Food", "2,3" },
  { COHORT_QUERY_KIND_CAREER_RECORDS, "عبد", "3" },
};

static void
test_search (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      const SearchCase *c = &search_cases[i];
      g_autoptr(CohortQueryModel) model = new_model (fixture, c->kind);
      g_autofree char *everything = dup_ids (G_LIST_MODEL (model));

      g_test_message ("kind %d, search “%s”", c->kind, c->search);
      cohort_query_model_set_search (model, c->search);
      g_assert_cmpstr (cohort_query_model_get_search (model), ==, c->search);
      refresh (model);
      assert_model_ids (model, c->expected);

      cohort_query_model_set_search (model, "");
      g_assert_null (cohort_query_model_get_search (model));
      refresh (model);
      assert_model_ids (model, everything);
    }
}

static void
test_search_text (void)
{
  static const struct {
    const char *text;
    CohortSearchMode mode;
    const char *fts;
    const char *like;
  } cases[] = {
    { "tanaka", COHORT_SEARCH_MODE_FULL_TEXT, "\"tanaka\"", "tanaka%" },
    { " tanaka\t", COHORT_SEARCH_MODE_FULL_TEXT, "\"tanaka\"", "tanaka%" },
    { "Taro Tanaka", COHORT_SEARCH_MODE_FULL_TEXT, "\"Taro\" \"Tanaka\"", "Taro Tanaka%" },
    { "Li Na", COHORT_SEARCH_MODE_FULL_TEXT, "\"Li Na\"", "Li Na%" },
    { "a\"b", COHORT_SEARCH_MODE_FULL_TEXT, "\"a\"\"b\"", "a\"b%" },
    { "say \"hi\" now", COHORT_SEARCH_MODE_FULL_TEXT, "\"say\" \"\"\"hi\"\"\" \"now\"",
      "say \"hi\" now%" },
    { "say \"hi\"", COHORT_SEARCH_MODE_FULL_TEXT, "\"say\" \"\"\"hi\"\"\"", "say \"hi\"%" },
    { "say \"h", COHORT_SEARCH_MODE_FULL_TEXT, "\"say \"\"h\"", "say \"h%" },
    { "田中\xe3\x80\x80花子", COHORT_SEARCH_MODE_FULL_TEXT, "\"田中 花子\"", "田中 花子%" },
    { "a \t\n b", COHORT_SEARCH_MODE_FULL_TEXT, "\"a b\"", "a b%" },
    { "tanaka AND smith", COHORT_SEARCH_MODE_FULL_TEXT, "\"tanaka\" \"AND\" \"smith\"",
      "tanaka AND smith%" },
    { "田中", COHORT_SEARCH_MODE_PREFIX, "\"田中\"", "田中%" },
    { "田中太", COHORT_SEARCH_MODE_FULL_TEXT, "\"田中太\"", "田中太%" },
    { "%_", COHORT_SEARCH_MODE_PREFIX, "\"%_\"", "\\%\\_%" },
    { "a\\", COHORT_SEARCH_MODE_PREFIX, "\"a\\\"", "a\\\\%" },
    { "\"", COHORT_SEARCH_MODE_PREFIX, "\"\"\"\"", "\"%" },
  };

  g_assert_null (cohort_search_dup_normalised (NULL));
  g_assert_null (cohort_search_dup_normalised (""));
  g_assert_null (cohort_search_dup_normalised (" \t\n"));
  g_assert_null (cohort_search_dup_normalised ("\xff\xfe"));
  g_assert_true (cohort_search_get_mode (NULL) == COHORT_SEARCH_MODE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = cohort_search_dup_normalised (cases[i].text);
      g_autofree char *fts = cohort_search_dup_fts_query (normalised);
      g_autofree char *like = cohort_search_dup_like_prefix (normalised);

      g_assert_true (cohort_search_get_mode (normalised) == cases[i].mode);
      g_assert_cmpstr (fts, ==, cases[i].fts);
      g_assert_cmpstr (like, ==, cases[i].like);
    }
}

static void
test_items_changed_once (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(CohortQueryModel) model = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  ItemsChanged changed = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);

  /* Sync: one search, one emission replacing everything. */
  cohort_query_model_set_search (model, "tanaka");
  refresh (model);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 7);
  g_assert_cmpuint (changed.added, ==, 2);

  /* Async: a search, a filter and a sort changed together are one query and one emission. */
  changed.n_emissions = 0;
  cohort_query_model_set_search (model, "example");
  cohort_query_model_set_filter (model, COHORT_QUERY_FILTER_GENDER, "female");
  cohort_query_model_set_sort (model, COHORT_QUERY_SORT_GIVEN_NAME, FALSE);
  g_assert_true (cohort_query_model_get_loading (model));
  wait_until_loaded (model);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 2);
  g_assert_cmpuint (changed.added, ==, 3);
  assert_model_ids (model, "2,4,5");

  /* Each further change: one emission each. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const searches[] = { "smith", "tanaka", NULL };

      changed.n_emissions = 0;
      cohort_query_model_set_search (model, searches[i]);
      wait_until_loaded (model);
      g_assert_cmpuint (changed.n_emissions, ==, 1);
    }

  /* Setting what is already set changes nothing. */
  changed.n_emissions = 0;
  cohort_query_model_set_search (model, NULL);
  cohort_query_model_set_filter (model, COHORT_QUERY_FILTER_GENDER, "female");
  cohort_query_model_set_sort (model, COHORT_QUERY_SORT_GIVEN_NAME, FALSE);
  g_assert_false (cohort_query_model_get_loading (model));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed.n_emissions, ==, 0);
}

static void
test_deleted (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortQueryModel) persons = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  g_autoptr(CohortQueryModel) enrolments = new_model (fixture, COHORT_QUERY_KIND_ENROLMENTS);
  g_autoptr(CohortQueryModel) organisations = NULL;
  g_autoptr(CohortPerson) deleted = NULL;
  gboolean show_deleted = FALSE;

  assert_model_ids (persons, "3,7,6,4,5,2,1");
  g_assert_false (cohort_query_model_get_show_deleted (persons));

  cohort_query_model_set_show_deleted (persons, TRUE);
  g_object_get (persons, "show-deleted", &show_deleted, NULL);
  g_assert_true (show_deleted);
  refresh (persons);
  assert_model_ids (persons, "3,8,7,6,4,5,2,1");
  deleted = g_list_model_get_item (G_LIST_MODEL (persons), 1);
  g_assert_true (cohort_record_is_deleted (COHORT_RECORD (deleted)));

  /* The deleted person's enrolment is hidden with them. */
  g_assert_false (cohort_query_model_find_id (enrolments, 7, NULL));
  cohort_query_model_set_show_deleted (enrolments, TRUE);
  refresh (enrolments);
  g_assert_true (cohort_query_model_find_id (enrolments, 7, NULL));

  /* Deleting a person hides them from the lists that hide deleted rows. */
  cohort_query_model_set_show_deleted (persons, FALSE);
  refresh (persons);
  cohort_query_model_set_show_deleted (enrolments, FALSE);
  refresh (enrolments);
  cohort_database_exec (fixture->db,
                        "UPDATE person SET deleted_at = '2024-05-01T00:00:00.000Z' WHERE id = 4",
                        &error);
  g_assert_no_error (error);
  wait_until_loaded (persons);
  wait_until_loaded (enrolments);
  assert_model_ids (persons, "3,7,6,5,2,1");
  g_assert_false (cohort_query_model_find_id (enrolments, 4, NULL));

  /* Deleted organisations, courses and runs of deleted courses are hidden too. */
  organisations = new_model (fixture, COHORT_QUERY_KIND_ORGANISATIONS);
  assert_model_ids (organisations, "3,1,2");
  cohort_query_model_set_show_deleted (organisations, TRUE);
  refresh (organisations);
  assert_model_ids (organisations, "4,3,1,2");
}

static void
test_async (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  static const struct {
    CohortQueryKind kind;
    const char *search;
    CohortQueryFilter filter;
    const char *value;
    CohortQuerySort sort;
    gboolean descending;
  } cases[] = {
    { COHORT_QUERY_KIND_PERSONS, NULL, COHORT_QUERY_FILTER_GENDER, NULL,
      COHORT_QUERY_SORT_FAMILY_NAME, FALSE },
    { COHORT_QUERY_KIND_PERSONS, "tanaka", COHORT_QUERY_FILTER_GENDER, "female",
      COHORT_QUERY_SORT_GIVEN_NAME, TRUE },
    { COHORT_QUERY_KIND_PERSONS, "Sm", COHORT_QUERY_FILTER_NATIONALITY, "KE",
      COHORT_QUERY_SORT_CREATED, FALSE },
    { COHORT_QUERY_KIND_TRAINEES, "田中", COHORT_QUERY_FILTER_STATUS, NULL,
      COHORT_QUERY_SORT_LOCAL_NAME, FALSE },
    { COHORT_QUERY_KIND_GRADUATES, NULL, COHORT_QUERY_FILTER_NOT_CONFIRMED, "1",
      COHORT_QUERY_SORT_LAST_VERIFIED, TRUE },
    { COHORT_QUERY_KIND_ENROLMENTS, "ta", COHORT_QUERY_FILTER_RUN, "1",
      COHORT_QUERY_SORT_STATUS, FALSE },
    { COHORT_QUERY_KIND_PLACEMENTS, "World Food", COHORT_QUERY_FILTER_YEAR, "2023",
      COHORT_QUERY_SORT_HOST, FALSE },
    { COHORT_QUERY_KIND_CAREER_RECORDS, NULL, COHORT_QUERY_FILTER_PERSON, "1",
      COHORT_QUERY_SORT_SECTOR, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortQueryModel *sync = cohort_query_model_new (fixture->db, cases[i].kind);
      CohortQueryModel *async = cohort_query_model_new (fixture->db, cases[i].kind);
      g_autofree char *sync_ids = NULL;
      g_autofree char *async_ids = NULL;
      ItemsChanged changed = { 0 };

      g_signal_connect (async, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);

      cohort_query_model_set_search (sync, cases[i].search);
      cohort_query_model_set_filter (sync, cases[i].filter, cases[i].value);
      cohort_query_model_set_sort (sync, cases[i].sort, cases[i].descending);
      refresh (sync);
      sync_ids = dup_ids (G_LIST_MODEL (sync));

      /* The first query, scheduled when the model was made, runs with these settings. */
      cohort_query_model_set_search (async, cases[i].search);
      cohort_query_model_set_filter (async, cases[i].filter, cases[i].value);
      cohort_query_model_set_sort (async, cases[i].sort, cases[i].descending);
      g_assert_true (cohort_query_model_get_loading (async));
      wait_until_loaded (async);
      g_assert_null (cohort_query_model_get_error (async));
      async_ids = dup_ids (G_LIST_MODEL (async));

      g_assert_cmpstr (async_ids, ==, sync_ids);
      g_assert_cmpuint (changed.n_emissions, ==, sync_ids[0] != '\0' ? 1 : 0);

      unref_and_wait (sync);
      unref_and_wait (async);
    }
}

static void
test_async_cancel (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortQueryModel *model = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  ItemsChanged changed = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);

  for (guint round = 0; round < 20; round++)
    {
      changed.n_emissions = 0;

      /* Start a query in the worker, then ask for another before its result is taken. */
      cohort_query_model_set_search (model, "tanaka");
      g_assert_true (cohort_query_model_get_loading (model));
      g_main_context_iteration (NULL, FALSE);
      g_assert_true (cohort_query_model_get_loading (model));
      cohort_query_model_set_search (model, "smith");
      wait_until_loaded (model);

      /* Only the newer query's result arrived. */
      g_assert_cmpuint (changed.n_emissions, ==, 1);
      assert_model_ids (model, "4,5");

      /* A sync refresh also wins over a query in flight. */
      changed.n_emissions = 0;
      cohort_query_model_set_search (model, "tanaka");
      g_main_context_iteration (NULL, FALSE);
      cohort_query_model_set_search (model, NULL);
      refresh (model);
      g_assert_false (cohort_query_model_get_loading (model));
      g_assert_cmpuint (changed.n_emissions, ==, 1);
      assert_model_ids (model, "3,7,6,4,5,2,1");

      /* Nothing else arrives afterwards. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpuint (changed.n_emissions, ==, 1);
      assert_model_ids (model, "3,7,6,4,5,2,1");

      cohort_query_model_set_search (model, "initial");
      refresh (model);
      cohort_query_model_set_search (model, NULL);
      refresh (model);
    }

  unref_and_wait (model);
}

static void
test_changed (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortDatabase) other = NULL;
  CohortQueryModel *persons = new_model (fixture, COHORT_QUERY_KIND_PERSONS);
  CohortQueryModel *organisations = new_model (fixture, COHORT_QUERY_KIND_ORGANISATIONS);
  ItemsChanged changed = { 0 };

  g_signal_connect (persons, "items-changed", G_CALLBACK (on_items_changed_cb), &changed);

  /* A write on the model's own connection names the table: the list refreshes. */
  cohort_database_exec (fixture->db,
                        "INSERT INTO person (id, code, family_name, given_name, created_at,"
                        " updated_at) VALUES (20, 'P020', 'Aaberg', 'Ada',"
                        " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
                        &error);
  g_assert_no_error (error);
  g_assert_true (cohort_query_model_get_loading (persons));
  g_assert_false (cohort_query_model_get_loading (organisations));
  wait_until_loaded (persons);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  assert_model_ids (persons, "20,3,7,6,4,5,2,1");
  assert_model_ids (organisations, "3,1,2");

  /* An edit refreshes the rows too. */
  cohort_database_exec (fixture->db, "UPDATE person SET family_name = 'Zed' WHERE id = 20",
                        &error);
  g_assert_no_error (error);
  wait_until_loaded (persons);
  assert_model_ids (persons, "3,7,6,4,5,2,1,20");
  {
    g_autoptr(CohortPerson) zed = g_list_model_get_item (G_LIST_MODEL (persons), 7);

    g_assert_cmpstr (cohort_person_get_family_name (zed), ==, "Zed");
  }

  /* A write by another connection is noticed through PRAGMA data_version, which names no
   * table: every list refreshes. */
  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cohort_database_exec (other,
                        "INSERT INTO organisation (id, name, kind, country, created_at,"
                        " updated_at) VALUES (10, 'African Union Commission', 'regional_body',"
                        " 'ET', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
                        &error);
  g_assert_no_error (error);
  g_assert_false (cohort_query_model_get_loading (organisations));
  g_assert_true (cohort_database_check_external_changes (fixture->db));
  g_assert_true (cohort_query_model_get_loading (organisations));
  g_assert_true (cohort_query_model_get_loading (persons));
  wait_until_loaded (organisations);
  wait_until_loaded (persons);
  assert_model_ids (organisations, "10,3,1,2");
  g_clear_object (&other);

  unref_and_wait (persons);
  unref_and_wait (organisations);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/cohort/query-model/count", test_count);
  add_test ("/cohort/query-model/rows", test_rows);
  cohort_test_add ("/cohort/query-model/paging", test_paging);
  add_test ("/cohort/query-model/sort/each", test_sort);
  add_test ("/cohort/query-model/sort/default", test_sort_default);
  add_test ("/cohort/query-model/filter/each", test_filter);
  add_test ("/cohort/query-model/filter/combined", test_filter_combined);
  add_test ("/cohort/query-model/search/each", test_search);
  g_test_add_func ("/cohort/query-model/search/text", test_search_text);
  add_test ("/cohort/query-model/items-changed-once", test_items_changed_once);
  add_test ("/cohort/query-model/deleted", test_deleted);
  add_test ("/cohort/query-model/async/same-as-sync", test_async);
  add_test ("/cohort/query-model/async/newer-cancels-older", test_async_cancel);
  add_test ("/cohort/query-model/database-changed", test_changed);

  return g_test_run ();
}
