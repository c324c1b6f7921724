/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-query"

#include "config.h"

#include "cohort-query-model.h"

#include <glib/gi18n-lib.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-enums.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-record.h"
#include "cohort-search.h"
#include "cohort-utils.h"

/**
 * CohortQueryModel:
 *
 * A #GListModel over a query: the rows of one kind (people, placements, …) that match a search
 * and filters, in an order, all worked out by SQLite.  The model holds only the matching row ids
 * (8 bytes a row) and builds the row objects on demand, a page of %PAGE_SIZE at a time with one
 * statement per page, keeping a few pages: scrolling 100,000 rows keeps memory flat.
 *
 * Changing the search, a filter, the sort or the deleted-rows switch schedules a new query that
 * runs in a worker thread on a read-only connection (WAL lets it read while the main connection
 * writes), one of at most %MAX_READERS that the models of a database share; the ids come back
 * to the main context and replace the old ones with one #GListModel::items-changed.  A newer query cancels an older one, whose result is dropped even
 * if it arrives.  The model re-queries when #CohortDatabase::changed names a table it shows, or
 * names none (another process changed the file).
 */

#define PAGE_SIZE 64
#define MAX_CACHED_PAGES 16
/* Read-only connections for the queries in the background, shared by all the models of one
 * database: at most this many, each with its page cache (below), however many lists the window
 * shows.  Two: a long query (the whole list) and a short one (a search) can run side by side; a
 * third waits for one of them, and a query that a newer one cancelled stops within a few
 * milliseconds. */
#define MAX_READERS 2
/* A worker connection's page cache: a full list reads a few megabytes of index, which SQLite's
 * default of 2 MiB would copy from the file again for every query.  Twice that keeps the people
 * lists' index pages; more (8 MiB was tried) did not make the lists faster, only bigger. */
#define READER_CACHE_PRAGMA "PRAGMA cache_size = -4096" /* KiB */
#define PROGRESS_INTERVAL 1000 /* SQLite virtual machine steps between looks at cancellation */
#define N_FILTERS (COHORT_QUERY_FILTER_ORGANISATION_KIND + 1)

typedef struct
{
  const char *param;
  gboolean    integer;
} FilterParam;

typedef struct
{
  CohortQueryFilter  filter;
  const char        *scope; /* an indexable condition added while the filter is set, or NULL */
} KindFilter;

typedef struct
{
  CohortQuerySort  sort;
  const char      *ascending;
  const char      *descending;
} KindSort;

typedef struct
{
  GType             (*get_item_type) (void);
  const char         *select;
  const char         *where;
  const char         *where_searching; /* replaces where while searching, or NULL */
  const char         *full_text;   /* restricts to the rows matching :match */
  const char         *prefix;      /* restricts to the rows matching :prefix */
  const char         *page;
  const KindFilter   *filters;
  guint               n_filters;
  const KindSort     *sorts;       /* the first is the default */
  guint               n_sorts;
  const char * const *tables;      /* the tables whose changes refresh the list */
  gboolean            uses_today;  /* binds :today */
} KindSpec;

/* Read-only connections for the worker threads, shared by the models of one database (kept on
 * the CohortDatabase object; see MAX_READERS). */
typedef struct
{
  GMutex     mutex;
  GCond      cond;     /* a connection was given back */
  char      *path;
  GPtrArray *idle;     /* CohortDatabase, not in use */
  guint      n_open;   /* in use and idle */
} ReaderPool;

/* One query, as the model stood when it was scheduled. */
typedef struct
{
  const KindSpec *spec;
  ReaderPool     *pool;
  char           *sql;
  char           *match;
  char           *prefix;
  char           *filters[N_FILTERS];
  char           *today;
  guint64         serial;
  gboolean        show_deleted;
} Query;

typedef struct
{
  GList    link; /* in CohortQueryModel.lru */
  guint    index;
  GObject *items[PAGE_SIZE];
} Page;

struct _CohortQueryModel
{
  GObject          parent_instance;

  CohortDatabase  *database;
  ReaderPool      *pool;
  GMainContext    *context;
  char            *search;
  char            *filters[N_FILTERS];
  GError          *error;
  GArray          *ids;         /* gint64 row ids, in order */
  GHashTable      *pages;       /* page index -> Page */
  GQueue           lru;         /* the Pages, most recently used first */
  GSource         *idle_source; /* a scheduled query not yet started */
  GCancellable    *cancellable; /* of the query in flight */
  guint64          serial;      /* of the newest query; older results are dropped */
  CohortQueryKind  kind;
  CohortQuerySort  sort;
  guint            descending : 1;
  guint            show_deleted : 1;
  guint            loading : 1;
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KIND,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_SEARCH,
  PROP_SHOW_DELETED,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CohortQueryModel, cohort_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/*
 * SQL
 *
 * Every statement this model runs is assembled only from the string literals in this section,
 * chosen by the kind, the search mode (none, full text, prefix), which filters are set, the sort
 * and its direction.  Nothing that comes from outside — search text, filter values, ids — is ever
 * part of SQL text: it is bound to the named parameters (:match, :prefix, :nationality, :ids, …).
 *
 * Each filter is written once, as static SQL with an optional parameter:
 * `(:gender IS NULL OR p.gender = :gender)`.  SQLite cannot use an index for such a condition,
 * so the common cases are driven otherwise: a search drives the query from the FTS5 index
 * (`p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH :match)`) or, under three
 * characters, from the NOCASE name indexes (`LIKE :prefix ESCAPE '\'`, several indexes joined
 * by SQLite's OR optimisation); the people lists without a search are read in order straight from
 * person_family_name_idx, which also holds the columns their filters test (migration 003); and
 * the filters that pick a handful of rows out of many (the enrolments of one run, the career
 * records of one person) add an indexable `e.run_id = :run` beside the optional form.
 */

#define LIKE_PREFIX(column) column " LIKE :prefix ESCAPE '\\'"

#define PERSON_FTS_IDS "SELECT rowid FROM person_fts WHERE person_fts MATCH :match"
#define ORGANISATION_FTS_IDS \
  "SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH :match"
#define COURSE_FTS_IDS "SELECT rowid FROM course_fts WHERE course_fts MATCH :match"

#define PERSON_PREFIX_IDS \
  "SELECT id FROM person WHERE " LIKE_PREFIX ("family_name") " OR " LIKE_PREFIX ("given_name") \
  " OR " LIKE_PREFIX ("family_name_local") " OR " LIKE_PREFIX ("given_name_local") \
  " OR " LIKE_PREFIX ("code")
#define ORGANISATION_PREFIX_IDS \
  "SELECT id FROM organisation WHERE " LIKE_PREFIX ("name") " OR " LIKE_PREFIX ("acronym")
#define COURSE_PREFIX_IDS \
  "SELECT id FROM course WHERE " LIKE_PREFIX ("code") " OR " LIKE_PREFIX ("title")

/* One page of rows: the page's ids as a JSON array, in their order (j.key is the index). */
#define PAGE_SQL(table) \
  "SELECT j.key AS page_index, t.* FROM json_each(:ids) AS j CROSS JOIN " table " AS t" \
  " ON t.id = j.value"

#define ASC_DESC2(a, b) \
  a " ASC, " b " ASC", \
  a " DESC, " b " DESC"
#define ASC_DESC3(a, b, c) \
  a " ASC, " b " ASC, " c " ASC", \
  a " DESC, " b " DESC, " c " DESC"
#define ASC_DESC4(a, b, c, d) \
  a " ASC, " b " ASC, " c " ASC, " d " ASC", \
  a " DESC, " b " DESC, " c " DESC, " d " DESC"

/* People */

#define PERSON_WHERE \
  "(:show_deleted OR p.deleted_at IS NULL)" \
  " AND (:nationality IS NULL OR p.nationality = :nationality OR EXISTS (SELECT 1 FROM" \
  " person_nationality AS pn WHERE pn.person_id = p.id AND pn.country = :nationality))" \
  " AND (:gender IS NULL OR p.gender = :gender)"

/* "p has an enrolment meeting condition, in a run of the filtered fiscal year and programme",
 * in two forms with the same meaning.  Listing (no search), the people who qualify are listed
 * once (one pass over enrolment_person_idx) and each person of the list is looked up in that
 * list; the unary + keeps SQLite reading the people in the order's index rather than driving
 * the query from that list.  Searching, only the few matching people are looked at, each with
 * one probe of the index.  The runs of the fiscal year and programme are listed once. */
#define IN_FILTERED_RUNS \
  "((:fiscal_year IS NULL AND :programme IS NULL) OR e.run_id IN (SELECT r.id FROM course_run" \
  " AS r JOIN course AS c ON c.id = r.course_id WHERE (:fiscal_year IS NULL OR" \
  " r.fiscal_year = :fiscal_year) AND (:programme IS NULL OR c.programme_id = :programme)))"
#define ENROLLED_LISTING(condition) \
  "+p.id IN (SELECT e.person_id FROM enrolment AS e WHERE e.deleted_at IS NULL AND " condition \
  " AND " IN_FILTERED_RUNS ")"
#define ENROLLED_SEARCHING(condition) \
  "EXISTS (SELECT 1 FROM enrolment AS e WHERE e.person_id = p.id AND e.deleted_at IS NULL" \
  " AND " condition " AND " IN_FILTERED_RUNS ")"

#define ENROLMENT_STATUS_FILTER "(:status IS NULL OR e.status = :status)"
#define ANY_ENROLMENT_FILTER_UNSET \
  "(:status IS NULL AND :fiscal_year IS NULL AND :programme IS NULL)"

#define GRADUATE_FILTERS \
  " AND (:sector IS NULL OR " LATEST_CAREER ("sector") " = :sector)" \
  " AND (:not_confirmed IS NULL OR coalesce(" LATEST_CAREER ("verified_on") ", '')" \
  " < date(:today, '-1 year'))"

/* A column of p's latest career record: the latest start, the newest record among equals. */
#define LATEST_CAREER(column) \
  "(SELECT lc." column " FROM career_record AS lc WHERE lc.person_id = p.id" \
  " AND lc.deleted_at IS NULL ORDER BY lc.start_date DESC, lc.id DESC LIMIT 1)"

#define FAMILY_NAME_ORDER "p.family_name COLLATE NOCASE"
#define GIVEN_NAME_ORDER  "p.given_name COLLATE NOCASE"

#define PERSON_SORTS \
  { COHORT_QUERY_SORT_FAMILY_NAME, ASC_DESC3 (FAMILY_NAME_ORDER, GIVEN_NAME_ORDER, "p.id") }, \
  { COHORT_QUERY_SORT_GIVEN_NAME, ASC_DESC3 (GIVEN_NAME_ORDER, FAMILY_NAME_ORDER, "p.id") }, \
  { COHORT_QUERY_SORT_LOCAL_NAME, \
    "p.family_name_local IS NULL, p.family_name_local ASC, p.given_name_local ASC, p.id ASC", \
    "p.family_name_local IS NULL, p.family_name_local DESC, p.given_name_local DESC," \
    " p.id DESC" }, \
  { COHORT_QUERY_SORT_NATIONALITY, \
    ASC_DESC4 ("p.nationality", FAMILY_NAME_ORDER, GIVEN_NAME_ORDER, "p.id") }, \
  { COHORT_QUERY_SORT_GENDER, \
    ASC_DESC4 ("p.gender", FAMILY_NAME_ORDER, GIVEN_NAME_ORDER, "p.id") }

static const char * const person_tables[] = {
  "person", "person_nationality", "organisation", "enrolment", "course_run", "course", NULL
};
static const char * const graduate_tables[] = {
  "person", "person_nationality", "organisation", "enrolment", "course_run", "course",
  "career_record", NULL
};

/* Organisations */

#define ORGANISATION_WHERE \
  "(:show_deleted OR o.deleted_at IS NULL)" \
  " AND (:country IS NULL OR o.country = :country)" \
  " AND (:organisation_kind IS NULL OR o.kind = :organisation_kind)"

static const char * const organisation_tables[] = { "organisation", NULL };

/* Courses and runs */

#define COURSE_WHERE \
  "(:show_deleted OR co.deleted_at IS NULL)" \
  " AND (:programme IS NULL OR co.programme_id = :programme)"

#define RUN_WHERE \
  "(:show_deleted OR (r.deleted_at IS NULL AND co.deleted_at IS NULL))" \
  " AND (:course IS NULL OR r.course_id = :course)" \
  " AND (:fiscal_year IS NULL OR r.fiscal_year = :fiscal_year)" \
  " AND (:status IS NULL OR r.status = :status)"

#define RUN_STATUS_RANK \
  "CASE r.status WHEN 'planned' THEN 0 WHEN 'open' THEN 1 WHEN 'selecting' THEN 2" \
  " WHEN 'running' THEN 3 WHEN 'completed' THEN 4 ELSE 5 END"

static const char * const course_tables[] = { "course", NULL };
static const char * const run_tables[] = { "course_run", "course", NULL };

/* Enrolments */

#define ENROLMENT_WHERE \
  "(:show_deleted OR (e.deleted_at IS NULL AND p.deleted_at IS NULL))" \
  " AND (:run IS NULL OR e.run_id = :run)" \
  " AND (:person IS NULL OR e.person_id = :person)" \
  " AND (:status IS NULL OR e.status = :status)"

#define ENROLMENT_STATUS_RANK \
  "CASE e.status WHEN 'applied' THEN 0 WHEN 'selected' THEN 1 WHEN 'reserve' THEN 2" \
  " WHEN 'enrolled' THEN 3 WHEN 'completed' THEN 4 WHEN 'participated' THEN 5" \
  " WHEN 'withdrawn' THEN 6 ELSE 7 END"

static const char * const enrolment_tables[] = { "enrolment", "person", "course_run", NULL };

/* Placements */

#define PLACEMENT_WHERE \
  "(:show_deleted OR (pl.deleted_at IS NULL AND p.deleted_at IS NULL))" \
  " AND (:host IS NULL OR pl.host_id = :host)" \
  " AND (:country IS NULL OR pl.country = :country)" \
  " AND (:status IS NULL OR pl.status = :status)" \
  " AND (:year IS NULL OR CAST(substr(pl.start_date, 1, 4) AS INTEGER) = :year)" \
  " AND (:person IS NULL OR pl.person_id = :person)"

#define PLACEMENT_STATUS_RANK \
  "CASE pl.status WHEN 'proposed' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'on_assignment' THEN 2" \
  " WHEN 'extended' THEN 3 WHEN 'completed' THEN 4 WHEN 'ended_early' THEN 5 ELSE 6 END"

static const char * const placement_tables[] = { "placement", "person", "organisation", NULL };

/* Career records */

#define CAREER_WHERE \
  "(:show_deleted OR (cr.deleted_at IS NULL AND p.deleted_at IS NULL))" \
  " AND (:person IS NULL OR cr.person_id = :person)" \
  " AND (:sector IS NULL OR cr.sector = :sector)"

#define SECTOR_RANK \
  "CASE cr.sector WHEN 'un_international' THEN 0 WHEN 'government' THEN 1" \
  " WHEN 'development_agency' THEN 2 WHEN 'ngo' THEN 3 WHEN 'academia' THEN 4" \
  " WHEN 'private_sector' THEN 5 WHEN 'student' THEN 6 ELSE 7 END"

static const char * const career_tables[] = { "career_record", "person", "organisation", NULL };

static const FilterParam filter_params[N_FILTERS] = {
  [COHORT_QUERY_FILTER_NATIONALITY] = { ":nationality", FALSE },
  [COHORT_QUERY_FILTER_GENDER] = { ":gender", FALSE },
  [COHORT_QUERY_FILTER_PROGRAMME] = { ":programme", TRUE },
  [COHORT_QUERY_FILTER_FISCAL_YEAR] = { ":fiscal_year", TRUE },
  [COHORT_QUERY_FILTER_STATUS] = { ":status", FALSE },
  [COHORT_QUERY_FILTER_HOST] = { ":host", TRUE },
  [COHORT_QUERY_FILTER_COUNTRY] = { ":country", FALSE },
  [COHORT_QUERY_FILTER_YEAR] = { ":year", TRUE },
  [COHORT_QUERY_FILTER_COURSE] = { ":course", TRUE },
  [COHORT_QUERY_FILTER_RUN] = { ":run", TRUE },
  [COHORT_QUERY_FILTER_PERSON] = { ":person", TRUE },
  [COHORT_QUERY_FILTER_SECTOR] = { ":sector", FALSE },
  [COHORT_QUERY_FILTER_NOT_CONFIRMED] = { ":not_confirmed", FALSE },
  [COHORT_QUERY_FILTER_ORGANISATION_KIND] = { ":organisation_kind", FALSE },
};

static const KindFilter person_filters[] = {
  { COHORT_QUERY_FILTER_NATIONALITY, NULL },
  { COHORT_QUERY_FILTER_GENDER, NULL },
  { COHORT_QUERY_FILTER_PROGRAMME, NULL },
  { COHORT_QUERY_FILTER_FISCAL_YEAR, NULL },
  { COHORT_QUERY_FILTER_STATUS, NULL },
};

static const KindSort person_sorts[] = {
  PERSON_SORTS,
  { COHORT_QUERY_SORT_CREATED, ASC_DESC2 ("p.created_at", "p.id") },
  { COHORT_QUERY_SORT_UPDATED, ASC_DESC2 ("p.updated_at", "p.id") },
  { COHORT_QUERY_SORT_CODE, ASC_DESC2 ("p.code", "p.id") },
};

static const KindFilter graduate_filters[] = {
  { COHORT_QUERY_FILTER_NATIONALITY, NULL },
  { COHORT_QUERY_FILTER_GENDER, NULL },
  { COHORT_QUERY_FILTER_PROGRAMME, NULL },
  { COHORT_QUERY_FILTER_FISCAL_YEAR, NULL },
  { COHORT_QUERY_FILTER_SECTOR, NULL },
  { COHORT_QUERY_FILTER_NOT_CONFIRMED, NULL },
};

static const KindSort graduate_sorts[] = {
  PERSON_SORTS,
  { COHORT_QUERY_SORT_LAST_VERIFIED, ASC_DESC2 (LATEST_CAREER ("verified_on"), "p.id") },
};

static const KindFilter organisation_filters[] = {
  { COHORT_QUERY_FILTER_COUNTRY, NULL },
  { COHORT_QUERY_FILTER_ORGANISATION_KIND, NULL },
};

static const KindSort organisation_sorts[] = {
  { COHORT_QUERY_SORT_NAME, ASC_DESC2 ("o.name COLLATE NOCASE", "o.id") },
  { COHORT_QUERY_SORT_COUNTRY, ASC_DESC3 ("o.country", "o.name COLLATE NOCASE", "o.id") },
};

static const KindFilter course_filters[] = {
  { COHORT_QUERY_FILTER_PROGRAMME, NULL },
};

static const KindSort course_sorts[] = {
  { COHORT_QUERY_SORT_CODE, ASC_DESC2 ("co.code", "co.id") },
  { COHORT_QUERY_SORT_TITLE, ASC_DESC2 ("co.title COLLATE NOCASE", "co.id") },
};

static const KindFilter run_filters[] = {
  { COHORT_QUERY_FILTER_COURSE, "r.course_id = :course" },
  { COHORT_QUERY_FILTER_FISCAL_YEAR, NULL },
  { COHORT_QUERY_FILTER_STATUS, NULL },
};

static const KindSort run_sorts[] = {
  { COHORT_QUERY_SORT_START_DATE, ASC_DESC2 ("r.start_date", "r.id") },
  { COHORT_QUERY_SORT_CODE, ASC_DESC2 ("r.code", "r.id") },
  { COHORT_QUERY_SORT_FISCAL_YEAR, ASC_DESC3 ("r.fiscal_year", "r.start_date", "r.id") },
  { COHORT_QUERY_SORT_STATUS, ASC_DESC3 (RUN_STATUS_RANK, "r.start_date", "r.id") },
  { COHORT_QUERY_SORT_TITLE, ASC_DESC3 ("co.title COLLATE NOCASE", "r.start_date", "r.id") },
};

static const KindFilter enrolment_filters[] = {
  { COHORT_QUERY_FILTER_RUN, "e.run_id = :run" },
  { COHORT_QUERY_FILTER_PERSON, "e.person_id = :person" },
  { COHORT_QUERY_FILTER_STATUS, NULL },
};

static const KindSort enrolment_sorts[] = {
  { COHORT_QUERY_SORT_PERSON, ASC_DESC3 (FAMILY_NAME_ORDER, GIVEN_NAME_ORDER, "e.id") },
  { COHORT_QUERY_SORT_STATUS, ASC_DESC3 (ENROLMENT_STATUS_RANK, "e.reserve_rank", "e.id") },
  { COHORT_QUERY_SORT_RESERVE_RANK,
    "e.reserve_rank IS NULL, e.reserve_rank ASC, e.id ASC",
    "e.reserve_rank IS NULL, e.reserve_rank DESC, e.id DESC" },
  { COHORT_QUERY_SORT_START_DATE, ASC_DESC2 ("r.start_date", "e.id") },
};

static const KindFilter placement_filters[] = {
  { COHORT_QUERY_FILTER_HOST, "pl.host_id = :host" },
  { COHORT_QUERY_FILTER_COUNTRY, NULL },
  { COHORT_QUERY_FILTER_STATUS, NULL },
  { COHORT_QUERY_FILTER_YEAR, NULL },
  { COHORT_QUERY_FILTER_PERSON, "pl.person_id = :person" },
};

static const KindSort placement_sorts[] = {
  { COHORT_QUERY_SORT_START_DATE, ASC_DESC2 ("pl.start_date", "pl.id") },
  { COHORT_QUERY_SORT_PERSON,
    ASC_DESC4 (FAMILY_NAME_ORDER, GIVEN_NAME_ORDER, "pl.start_date", "pl.id") },
  { COHORT_QUERY_SORT_HOST, ASC_DESC3 ("h.name COLLATE NOCASE", "pl.start_date", "pl.id") },
  { COHORT_QUERY_SORT_COUNTRY, ASC_DESC3 ("pl.country", "pl.start_date", "pl.id") },
  { COHORT_QUERY_SORT_STATUS, ASC_DESC3 (PLACEMENT_STATUS_RANK, "pl.start_date", "pl.id") },
};

static const KindFilter career_filters[] = {
  { COHORT_QUERY_FILTER_PERSON, "cr.person_id = :person" },
  { COHORT_QUERY_FILTER_SECTOR, NULL },
};

static const KindSort career_sorts[] = {
  { COHORT_QUERY_SORT_START_DATE, ASC_DESC2 ("cr.start_date", "cr.id") },
  { COHORT_QUERY_SORT_SECTOR, ASC_DESC3 (SECTOR_RANK, "cr.start_date", "cr.id") },
  { COHORT_QUERY_SORT_VERIFIED_ON, ASC_DESC2 ("cr.verified_on", "cr.id") },
  { COHORT_QUERY_SORT_PERSON,
    ASC_DESC4 (FAMILY_NAME_ORDER, GIVEN_NAME_ORDER, "cr.start_date", "cr.id") },
};

#define FILTERS(array) array, G_N_ELEMENTS (array)
#define SORTS(array) array, G_N_ELEMENTS (array)

static const KindSpec kinds[] = {
  [COHORT_QUERY_KIND_PERSONS] = {
    cohort_person_get_type,
    "SELECT p.id FROM person AS p",
    PERSON_WHERE " AND (" ANY_ENROLMENT_FILTER_UNSET " OR "
      ENROLLED_LISTING (ENROLMENT_STATUS_FILTER) ")",
    PERSON_WHERE " AND (" ANY_ENROLMENT_FILTER_UNSET " OR "
      ENROLLED_SEARCHING (ENROLMENT_STATUS_FILTER) ")",
    "p.id IN (" PERSON_FTS_IDS ")",
    "p.id IN (" PERSON_PREFIX_IDS ")",
    PAGE_SQL ("person"),
    FILTERS (person_filters), SORTS (person_sorts), person_tables, FALSE,
  },
  [COHORT_QUERY_KIND_TRAINEES] = {
    cohort_person_get_type,
    "SELECT p.id FROM person AS p",
    PERSON_WHERE " AND " ENROLLED_LISTING (ENROLMENT_STATUS_FILTER),
    PERSON_WHERE " AND " ENROLLED_SEARCHING (ENROLMENT_STATUS_FILTER),
    "p.id IN (" PERSON_FTS_IDS ")",
    "p.id IN (" PERSON_PREFIX_IDS ")",
    PAGE_SQL ("person"),
    FILTERS (person_filters), SORTS (person_sorts), person_tables, FALSE,
  },
  [COHORT_QUERY_KIND_ORGANISATIONS] = {
    cohort_organisation_get_type,
    "SELECT o.id FROM organisation AS o",
    ORGANISATION_WHERE, NULL,
    "o.id IN (" ORGANISATION_FTS_IDS ")",
    "o.id IN (" ORGANISATION_PREFIX_IDS ")",
    PAGE_SQL ("organisation"),
    FILTERS (organisation_filters), SORTS (organisation_sorts), organisation_tables, FALSE,
  },
  [COHORT_QUERY_KIND_COURSES] = {
    cohort_course_get_type,
    "SELECT co.id FROM course AS co",
    COURSE_WHERE, NULL,
    "co.id IN (" COURSE_FTS_IDS ")",
    "co.id IN (" COURSE_PREFIX_IDS ")",
    PAGE_SQL ("course"),
    FILTERS (course_filters), SORTS (course_sorts), course_tables, FALSE,
  },
  [COHORT_QUERY_KIND_COURSE_RUNS] = {
    cohort_course_run_get_type,
    "SELECT r.id FROM course_run AS r JOIN course AS co ON co.id = r.course_id",
    RUN_WHERE, NULL,
    "r.course_id IN (" COURSE_FTS_IDS ")",
    "(" LIKE_PREFIX ("r.code") " OR r.course_id IN (" COURSE_PREFIX_IDS "))",
    PAGE_SQL ("course_run"),
    FILTERS (run_filters), SORTS (run_sorts), run_tables, FALSE,
  },
  [COHORT_QUERY_KIND_ENROLMENTS] = {
    cohort_enrolment_get_type,
    "SELECT e.id FROM enrolment AS e LEFT JOIN person AS p ON p.id = e.person_id"
      " LEFT JOIN course_run AS r ON r.id = e.run_id",
    ENROLMENT_WHERE, NULL,
    "e.person_id IN (" PERSON_FTS_IDS ")",
    "e.person_id IN (" PERSON_PREFIX_IDS ")",
    PAGE_SQL ("enrolment"),
    FILTERS (enrolment_filters), SORTS (enrolment_sorts), enrolment_tables, FALSE,
  },
  [COHORT_QUERY_KIND_PLACEMENTS] = {
    cohort_placement_get_type,
    "SELECT pl.id FROM placement AS pl LEFT JOIN person AS p ON p.id = pl.person_id"
      " LEFT JOIN organisation AS h ON h.id = pl.host_id",
    PLACEMENT_WHERE, NULL,
    "(pl.person_id IN (" PERSON_FTS_IDS ") OR pl.host_id IN (" ORGANISATION_FTS_IDS ")"
      " OR pl.office_id IN (" ORGANISATION_FTS_IDS "))",
    "(pl.person_id IN (" PERSON_PREFIX_IDS ") OR pl.host_id IN (" ORGANISATION_PREFIX_IDS ")"
      " OR pl.office_id IN (" ORGANISATION_PREFIX_IDS "))",
    PAGE_SQL ("placement"),
    FILTERS (placement_filters), SORTS (placement_sorts), placement_tables, FALSE,
  },
  [COHORT_QUERY_KIND_CAREER_RECORDS] = {
    cohort_career_record_get_type,
    "SELECT cr.id FROM career_record AS cr LEFT JOIN person AS p ON p.id = cr.person_id",
    CAREER_WHERE, NULL,
    "(cr.person_id IN (" PERSON_FTS_IDS ") OR cr.organisation_id IN (" ORGANISATION_FTS_IDS "))",
    "(cr.person_id IN (" PERSON_PREFIX_IDS ")"
      " OR cr.organisation_id IN (" ORGANISATION_PREFIX_IDS "))",
    PAGE_SQL ("career_record"),
    FILTERS (career_filters), SORTS (career_sorts), career_tables, FALSE,
  },
  [COHORT_QUERY_KIND_GRADUATES] = {
    cohort_person_get_type,
    "SELECT p.id FROM person AS p",
    PERSON_WHERE " AND " ENROLLED_LISTING ("e.status = 'completed'") GRADUATE_FILTERS,
    PERSON_WHERE " AND " ENROLLED_SEARCHING ("e.status = 'completed'") GRADUATE_FILTERS,
    "p.id IN (" PERSON_FTS_IDS ")",
    "p.id IN (" PERSON_PREFIX_IDS ")",
    PAGE_SQL ("person"),
    FILTERS (graduate_filters), SORTS (graduate_sorts), graduate_tables, TRUE,
  },
};

#define N_KINDS G_N_ELEMENTS (kinds)

static void
reader_pool_clear (gpointer data)
{
  ReaderPool *pool = data;

  g_ptr_array_unref (pool->idle);
  g_free (pool->path);
  g_cond_clear (&pool->cond);
  g_mutex_clear (&pool->mutex);
}

static void
reader_pool_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, reader_pool_clear);
}

/* The pool of @database's models, made by the first of them. */
static ReaderPool *
reader_pool_ref_for (CohortDatabase *database)
{
  ReaderPool *pool = g_object_get_data (G_OBJECT (database), "cohort-query-model-readers");

  if (pool == NULL)
    {
      pool = g_atomic_rc_box_new0 (ReaderPool);
      g_mutex_init (&pool->mutex);
      g_cond_init (&pool->cond);
      pool->path = g_strdup (cohort_database_get_path (database));
      pool->idle = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (database), "cohort-query-model-readers", pool,
                              reader_pool_unref);
    }

  return g_atomic_rc_box_acquire (pool);
}

static CohortDatabase *
reader_pool_acquire (ReaderPool  *pool,
                     GError     **error)
{
  CohortDatabase *reader = NULL;

  g_mutex_lock (&pool->mutex);
  while (pool->idle->len == 0 && pool->n_open >= MAX_READERS)
    g_cond_wait (&pool->cond, &pool->mutex);
  if (pool->idle->len > 0)
    reader = g_ptr_array_steal_index_fast (pool->idle, pool->idle->len - 1);
  else
    pool->n_open++;
  g_mutex_unlock (&pool->mutex);

  if (reader == NULL)
    {
      reader = cohort_database_open (pool->path,
                                     COHORT_DATABASE_OPEN_READ_ONLY |
                                     COHORT_DATABASE_OPEN_NO_CREATE,
                                     error);
      if (reader != NULL && !cohort_database_exec (reader, READER_CACHE_PRAGMA, error))
        g_clear_object (&reader);

      if (reader == NULL)
        {
          g_mutex_lock (&pool->mutex);
          pool->n_open--;
          g_cond_signal (&pool->cond);
          g_mutex_unlock (&pool->mutex);
        }
    }

  return reader;
}

static void
reader_pool_release (ReaderPool     *pool,
                     CohortDatabase *reader)
{
  g_mutex_lock (&pool->mutex);
  g_ptr_array_add (pool->idle, reader);
  g_cond_signal (&pool->cond);
  g_mutex_unlock (&pool->mutex);
}

static void
query_free (gpointer data)
{
  Query *query = data;

  g_clear_pointer (&query->pool, reader_pool_unref);
  g_free (query->sql);
  g_free (query->match);
  g_free (query->prefix);
  for (guint i = 0; i < N_FILTERS; i++)
    g_free (query->filters[i]);
  g_free (query->today);
  g_free (query);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static const KindSort *
find_sort (const KindSpec  *spec,
           CohortQuerySort  sort)
{
  for (guint i = 0; i < spec->n_sorts; i++)
    if (spec->sorts[i].sort == sort)
      return &spec->sorts[i];

  return NULL;
}

/* Assembles the statement from the constant fragments above (see "SQL") and copies the values
 * to bind, so that the query can run in another thread while the model changes. */
static Query *
query_new (CohortQueryModel *self)
{
  const KindSpec *spec = &kinds[self->kind];
  const KindSort *sort = find_sort (spec, self->sort);
  g_autofree char *text = cohort_search_dup_normalised (self->search);
  Query *query = g_new0 (Query, 1);
  GString *sql = g_string_new (spec->select);

  g_assert (sort != NULL);

  query->spec = spec;
  query->show_deleted = self->show_deleted;
  query->pool = g_atomic_rc_box_acquire (self->pool);

  g_string_append (sql, " WHERE ");
  switch (cohort_search_get_mode (text))
    {
    case COHORT_SEARCH_MODE_FULL_TEXT:
      query->match = cohort_search_dup_fts_query (text);
      g_string_append (sql, spec->full_text);
      g_string_append (sql, " AND ");
      break;

    case COHORT_SEARCH_MODE_PREFIX:
      query->prefix = cohort_search_dup_like_prefix (text);
      g_string_append (sql, spec->prefix);
      g_string_append (sql, " AND ");
      break;

    case COHORT_SEARCH_MODE_NONE:
    default:
      break;
    }

  for (guint i = 0; i < spec->n_filters; i++)
    {
      const KindFilter *filter = &spec->filters[i];

      query->filters[filter->filter] = g_strdup (self->filters[filter->filter]);
      if (filter->scope != NULL && self->filters[filter->filter] != NULL)
        {
          g_string_append (sql, filter->scope);
          g_string_append (sql, " AND ");
        }
    }

  if (query->match != NULL || query->prefix != NULL)
    g_string_append (sql, spec->where_searching ? spec->where_searching : spec->where);
  else
    g_string_append (sql, spec->where);
  g_string_append (sql, " ORDER BY ");
  g_string_append (sql, self->descending ? sort->descending : sort->ascending);
  query->sql = g_string_free (sql, FALSE);
  g_debug ("Query: %s", query->sql);

  if (spec->uses_today)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      query->today = g_date_time_format (now, "%Y-%m-%d");
    }

  return query;
}

static void
bind_filter (CohortStatement   *stmt,
             CohortQueryFilter  filter,
             const char        *value)
{
  const FilterParam *param = &filter_params[filter];
  gint64 number;

  if (value == NULL)
    cohort_statement_bind_null (stmt, param->param);
  else if (param->integer &&
           g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    cohort_statement_bind_int64 (stmt, param->param, number);
  else
    cohort_statement_bind_text (stmt, param->param, value); /* a non-number matches nothing */
}

/* Runs @query on @db (the main connection, or a worker's own) and returns the ids in order. */
static GArray *
query_run (const Query     *query,
           CohortDatabase  *db,
           GError         **error)
{
  const KindSpec *spec = query->spec;
  g_autoptr(GArray) ids = NULL;
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  stmt = cohort_database_prepare (db, query->sql, error);
  if (stmt == NULL)
    return NULL;

  cohort_statement_bind_int64 (stmt, ":show_deleted", query->show_deleted ? 1 : 0);
  if (query->match != NULL)
    cohort_statement_bind_text (stmt, ":match", query->match);
  if (query->prefix != NULL)
    cohort_statement_bind_text (stmt, ":prefix", query->prefix);
  for (guint i = 0; i < spec->n_filters; i++)
    bind_filter (stmt, spec->filters[i].filter, query->filters[spec->filters[i].filter]);
  if (spec->uses_today)
    cohort_statement_bind_text (stmt, ":today", query->today);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 256);
  for (;;)
    {
      gint64 id;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      id = cohort_statement_get_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&ids);
}

static int
on_progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Query *query = task_data;
  CohortDatabase *reader;
  GError *error = NULL;
  GArray *ids;
  sqlite3 *handle;

  if (g_task_return_error_if_cancelled (task))
    return;

  reader = reader_pool_acquire (query->pool, &error);
  if (reader == NULL)
    {
      g_prefix_error (&error, _("Could not search the database: "));
      g_task_return_error (task, error);
      return;
    }

  /* Cancelled while it waited for a connection. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      reader_pool_release (query->pool, reader);
      g_task_return_error_if_cancelled (task);
      return;
    }

  /* Interrupts the statement as soon as a newer query cancels this one. */
  handle = cohort_database_get_handle (reader);
  sqlite3_progress_handler (handle, PROGRESS_INTERVAL, on_progress_cb, cancellable);
  ids = query_run (query, reader, &error);
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  reader_pool_release (query->pool, reader);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_pointer (&ids, g_array_unref);
      g_clear_error (&error);
      g_task_return_error_if_cancelled (task);
    }
  else if (ids == NULL)
    {
      g_task_return_error (task, error);
    }
  else
    {
      g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
    }
}

static void
page_free (gpointer data)
{
  Page *page = data;

  for (guint i = 0; i < PAGE_SIZE; i++)
    g_clear_object (&page->items[i]);
  g_free (page);
}

static void
clear_pages (CohortQueryModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_init (&self->lru);
}

/* Builds the objects of one page with one statement on the main connection.  A row that is gone
 * (deleted by someone else since the ids were read) becomes an empty object with its id, until
 * the re-query that the deletion causes replaces the ids.  Returns %FALSE if the page could not
 * be read, so that it is not cached. */
static gboolean
load_page (CohortQueryModel *self,
           Page             *page)
{
  const KindSpec *spec = &kinds[self->kind];
  GType item_type = spec->get_item_type ();
  guint start = page->index * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  g_autoptr(GString) json = g_string_sized_new (n * 8 + 2);
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  g_string_append_c (json, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (self->ids, gint64, start + i));
  g_string_append_c (json, ']');

  stmt = cohort_database_prepare (self->database, spec->page, &error);
  if (stmt != NULL)
    {
      cohort_statement_bind_text (stmt, ":ids", json->str);
      while (cohort_statement_step (stmt, &has_row, &error) && has_row)
        {
          gint64 slot = cohort_statement_get_int64 (stmt, 0);
          GObject *item;

          if (slot < 0 || slot >= (gint64) n || page->items[slot] != NULL)
            continue;

          item = g_object_new (item_type, NULL);
          cohort_statement_fill_object (stmt, item);
          page->items[slot] = item;
        }
      cohort_statement_reset (stmt);
    }

  if (error != NULL)
    g_warning ("Could not read rows %u to %u of a list: %s", start, start + n, error->message);

  for (guint i = 0; i < n; i++)
    if (page->items[i] == NULL)
      page->items[i] = g_object_new (item_type,
                                     "id", g_array_index (self->ids, gint64, start + i),
                                     NULL);

  return error == NULL;
}

static void
set_loading (CohortQueryModel *self,
             gboolean          loading)
{
  loading = !!loading;
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (CohortQueryModel *self,
           const GError     *error)
{
  if (self->error == NULL && error == NULL)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Takes @ids and tells the views, in one items-changed. */
static void
replace_ids (CohortQueryModel *self,
             GArray           *ids)
{
  guint old_n = self->ids->len;
  guint new_n = ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  clear_pages (self);

  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Whatever query is scheduled or running is out of date: drop its result. */
static void
forget_pending_queries (CohortQueryModel *self)
{
  self->serial++;

  if (self->idle_source != NULL)
    {
      g_source_destroy (self->idle_source);
      g_clear_pointer (&self->idle_source, g_source_unref);
    }

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

/* The task has no source object: the worker thread may drop the last reference to the task
 * after this callback, and the model must never be finalized there.  The callback owns the
 * reference to the model instead, and drops it in the main context. */
static void
on_query_done_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CohortQueryModel) self = user_data;
  Query *query = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  if (query->serial != self->serial)
    return; /* a newer query has replaced this one */

  g_clear_object (&self->cancellable);

  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Query failed: %s", error->message);
          set_error (self, error);
        }
      set_loading (self, FALSE);
      return;
    }

  set_error (self, NULL);
  replace_ids (self, g_steal_pointer (&ids));
  set_loading (self, FALSE);
}

static void
start_query (CohortQueryModel *self)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  forget_pending_queries (self);

  query = query_new (self);
  query->serial = self->serial;
  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, on_query_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_query);
  g_task_set_name (task, "[cohort] query model");
  g_task_set_task_data (task, query, query_free);
  g_task_run_in_thread (task, query_thread);
}

static gboolean
on_idle_cb (gpointer user_data)
{
  CohortQueryModel *self = user_data;

  /* The main loop holds its own reference while dispatching. */
  g_clear_pointer (&self->idle_source, g_source_unref);
  start_query (self);

  return G_SOURCE_REMOVE;
}

static void
on_database_changed_cb (CohortDatabase     *database,
                        const char * const *tables,
                        gpointer            user_data)
{
  CohortQueryModel *self = user_data;
  const KindSpec *spec = &kinds[self->kind];

  /* No tables: another process changed the file, and any table may have changed. */
  if (tables == NULL || tables[0] == NULL)
    {
      cohort_query_model_refresh (self);
      return;
    }

  for (guint i = 0; tables[i] != NULL; i++)
    if (g_strv_contains (spec->tables, tables[i]))
      {
        cohort_query_model_refresh (self);
        return;
      }
}

static GType
cohort_query_model_get_item_type (GListModel *model)
{
  CohortQueryModel *self = COHORT_QUERY_MODEL (model);

  return kinds[self->kind].get_item_type ();
}

static guint
cohort_query_model_get_n_items (GListModel *model)
{
  CohortQueryModel *self = COHORT_QUERY_MODEL (model);

  return self->ids->len;
}

static gpointer
cohort_query_model_get_item (GListModel *model,
                             guint       position)
{
  CohortQueryModel *self = COHORT_QUERY_MODEL (model);
  guint index = position / PAGE_SIZE;
  gpointer item;
  Page *page;

  if (position >= self->ids->len)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
      return g_object_ref (page->items[position % PAGE_SIZE]);
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->link.data = page;

  if (!load_page (self, page))
    {
      item = g_object_ref (page->items[position % PAGE_SIZE]);
      page_free (page);
      return item;
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);

  while (self->lru.length > MAX_CACHED_PAGES)
    {
      Page *oldest = g_queue_pop_tail_link (&self->lru)->data;

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }

  return g_object_ref (page->items[position % PAGE_SIZE]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cohort_query_model_get_item_type;
  iface->get_n_items = cohort_query_model_get_n_items;
  iface->get_item = cohort_query_model_get_item;
}

static void
cohort_query_model_constructed (GObject *object)
{
  CohortQueryModel *self = (CohortQueryModel *)object;

  G_OBJECT_CLASS (cohort_query_model_parent_class)->constructed (object);

  g_assert (COHORT_IS_DATABASE (self->database));
  g_assert (self->kind < N_KINDS);

  self->sort = kinds[self->kind].sorts[0].sort;
  self->pool = reader_pool_ref_for (self->database);
  g_signal_connect (self->database, "changed", G_CALLBACK (on_database_changed_cb), self);

  cohort_query_model_refresh (self);
}

static void
cohort_query_model_dispose (GObject *object)
{
  CohortQueryModel *self = (CohortQueryModel *)object;

  forget_pending_queries (self);
  clear_pages (self);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cohort_query_model_parent_class)->dispose (object);
}

static void
cohort_query_model_finalize (GObject *object)
{
  CohortQueryModel *self = (CohortQueryModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pool, reader_pool_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_error (&self->error);
  for (guint i = 0; i < N_FILTERS; i++)
    g_clear_pointer (&self->filters[i], g_free);

  G_OBJECT_CLASS (cohort_query_model_parent_class)->finalize (object);
}

static void
cohort_query_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CohortQueryModel *self = COHORT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, kinds[self->kind].get_item_type ());
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_SHOW_DELETED:
      g_value_set_boolean (value, self->show_deleted);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_query_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CohortQueryModel *self = COHORT_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_SEARCH:
      cohort_query_model_set_search (self, g_value_get_string (value));
      break;

    case PROP_SHOW_DELETED:
      cohort_query_model_set_show_deleted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cohort_query_model_class_init (CohortQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cohort_query_model_constructed;
  object_class->dispose = cohort_query_model_dispose;
  object_class->finalize = cohort_query_model_finalize;
  object_class->get_property = cohort_query_model_get_property;
  object_class->set_property = cohort_query_model_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         COHORT_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       COHORT_TYPE_QUERY_KIND,
                       COHORT_QUERY_KIND_PERSONS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_DELETED] =
    g_param_spec_boolean ("show-deleted", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cohort_query_model_init (CohortQueryModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, page_free);
  g_queue_init (&self->lru);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * cohort_query_kind_get_item_type:
 *
 * Returns: the class of the objects a model of @kind holds (#CohortPerson, …)
 */
GType
cohort_query_kind_get_item_type (CohortQueryKind kind)
{
  g_return_val_if_fail (kind < N_KINDS, G_TYPE_INVALID);

  return kinds[kind].get_item_type ();
}

gboolean
cohort_query_kind_supports_filter (CohortQueryKind   kind,
                                   CohortQueryFilter filter)
{
  g_return_val_if_fail (kind < N_KINDS, FALSE);

  for (guint i = 0; i < kinds[kind].n_filters; i++)
    if (kinds[kind].filters[i].filter == filter)
      return TRUE;

  return FALSE;
}

gboolean
cohort_query_kind_supports_sort (CohortQueryKind kind,
                                 CohortQuerySort sort)
{
  g_return_val_if_fail (kind < N_KINDS, FALSE);

  return find_sort (&kinds[kind], sort) != NULL;
}

CohortQuerySort
cohort_query_kind_get_default_sort (CohortQueryKind kind)
{
  g_return_val_if_fail (kind < N_KINDS, 0);

  return kinds[kind].sorts[0].sort;
}

/**
 * cohort_query_model_new:
 * @database: the database; rows are read from it, and the worker threads open their own
 *   read-only connections to the same file
 * @kind: what to list
 *
 * Creates a model and schedules its first query; run the main loop (or call
 * cohort_query_model_refresh_sync()) to fill it.
 *
 * Returns: (transfer full): a new model
 */
CohortQueryModel *
cohort_query_model_new (CohortDatabase  *database,
                        CohortQueryKind  kind)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return g_object_new (COHORT_TYPE_QUERY_MODEL,
                       "database", database,
                       "kind", kind,
                       NULL);
}

CohortDatabase *
cohort_query_model_get_database (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), NULL);

  return self->database;
}

CohortQueryKind
cohort_query_model_get_kind (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), 0);

  return self->kind;
}

const char *
cohort_query_model_get_search (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), NULL);

  return self->search;
}

/**
 * cohort_query_model_set_search:
 * @search: (nullable): what to look for, as typed; %NULL or "" lists everything
 *
 * Three characters or more match anywhere in the names (romanised and original script), email
 * and organisation of a person, in a course's code, title, description and subject, in an
 * organisation's name, acronym and city (the trigram index: any script, any case); shorter text
 * matches the start of a name, title or code.  Kinds without an index of their own (course runs,
 * enrolments, placements, career records) match their course, person or organisation.  The text
 * is always matched literally: `"`, `*`, `AND` or `(` are just characters.
 */
void
cohort_query_model_set_search (CohortQueryModel *self,
                               const char       *search)
{
  g_return_if_fail (COHORT_IS_QUERY_MODEL (self));

  if (!cohort_set_str (&self->search, cohort_str_empty_to_null (search)))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  cohort_query_model_refresh (self);
}

/**
 * cohort_query_model_get_filter:
 *
 * Returns: (nullable): the value of @filter, or %NULL when it is not set
 */
const char *
cohort_query_model_get_filter (CohortQueryModel  *self,
                               CohortQueryFilter  filter)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), NULL);
  g_return_val_if_fail (filter < N_FILTERS, NULL);

  return self->filters[filter];
}

/**
 * cohort_query_model_set_filter:
 * @filter: a filter the model's kind supports (cohort_query_kind_supports_filter())
 * @value: (nullable): the value to keep (a code, or an id or year in decimal), or %NULL (or "")
 *   to stop filtering on it
 */
void
cohort_query_model_set_filter (CohortQueryModel  *self,
                               CohortQueryFilter  filter,
                               const char        *value)
{
  g_return_if_fail (COHORT_IS_QUERY_MODEL (self));
  g_return_if_fail (cohort_query_kind_supports_filter (self->kind, filter));

  if (!cohort_set_str (&self->filters[filter], cohort_str_empty_to_null (value)))
    return;

  cohort_query_model_refresh (self);
}

void
cohort_query_model_clear_filters (CohortQueryModel *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (COHORT_IS_QUERY_MODEL (self));

  for (guint i = 0; i < N_FILTERS; i++)
    if (self->filters[i] != NULL)
      {
        g_clear_pointer (&self->filters[i], g_free);
        changed = TRUE;
      }

  if (changed)
    cohort_query_model_refresh (self);
}

CohortQuerySort
cohort_query_model_get_sort (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), 0);

  return self->sort;
}

gboolean
cohort_query_model_get_descending (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), FALSE);

  return self->descending;
}

/**
 * cohort_query_model_set_sort:
 * @sort: an order the model's kind supports (cohort_query_kind_supports_sort())
 * @descending: whether to reverse it
 */
void
cohort_query_model_set_sort (CohortQueryModel *self,
                             CohortQuerySort   sort,
                             gboolean          descending)
{
  g_return_if_fail (COHORT_IS_QUERY_MODEL (self));
  g_return_if_fail (cohort_query_kind_supports_sort (self->kind, sort));

  descending = !!descending;
  if (self->sort == sort && self->descending == (guint) descending)
    return;

  self->sort = sort;
  self->descending = descending;
  cohort_query_model_refresh (self);
}

gboolean
cohort_query_model_get_show_deleted (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), FALSE);

  return self->show_deleted;
}

/**
 * cohort_query_model_set_show_deleted:
 * @show_deleted: whether to list deleted rows (and, for enrolments, placements and career
 *   records, the rows of deleted people) too
 */
void
cohort_query_model_set_show_deleted (CohortQueryModel *self,
                                     gboolean          show_deleted)
{
  g_return_if_fail (COHORT_IS_QUERY_MODEL (self));

  show_deleted = !!show_deleted;
  if (self->show_deleted == (guint) show_deleted)
    return;

  self->show_deleted = show_deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DELETED]);
  cohort_query_model_refresh (self);
}

/**
 * cohort_query_model_get_loading:
 *
 * Returns: %TRUE from the moment a query is scheduled until its result (or failure) arrives
 */
gboolean
cohort_query_model_get_loading (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), FALSE);

  return self->loading;
}

/**
 * cohort_query_model_get_error:
 *
 * Returns: (nullable): why the last query in the background failed, or %NULL if it did not;
 *   the model keeps the rows it had
 */
const GError *
cohort_query_model_get_error (CohortQueryModel *self)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), NULL);

  return self->error;
}

/**
 * cohort_query_model_refresh:
 *
 * Schedules a query in a worker thread, cancelling any query in flight.  Queries asked for
 * within one main loop iteration are run once.  #CohortQueryModel:loading is %TRUE until the
 * new ids replace the old ones.
 */
void
cohort_query_model_refresh (CohortQueryModel *self)
{
  g_return_if_fail (COHORT_IS_QUERY_MODEL (self));

  if (self->idle_source == NULL)
    {
      forget_pending_queries (self);

      self->idle_source = g_idle_source_new ();
      g_source_set_priority (self->idle_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->idle_source, on_idle_cb, self, NULL);
      g_source_set_static_name (self->idle_source, "[cohort] query model refresh");
      g_source_attach (self->idle_source, self->context);
    }

  set_loading (self, TRUE);
}

/**
 * cohort_query_model_refresh_sync:
 *
 * Runs the query now, on the model's database connection, cancelling whatever query was
 * scheduled or in flight, and replaces the ids with one #GListModel::items-changed.
 *
 * Returns: %FALSE with @error set if the query failed (the model keeps its rows)
 */
gboolean
cohort_query_model_refresh_sync (CohortQueryModel  *self,
                                 GError           **error)
{
  g_autoptr(Query) query = NULL;
  GArray *ids;

  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  forget_pending_queries (self);

  query = query_new (self);
  ids = query_run (query, self->database, error);
  if (ids == NULL)
    {
      set_loading (self, FALSE);
      return FALSE;
    }

  set_error (self, NULL);
  replace_ids (self, ids);
  set_loading (self, FALSE);

  return TRUE;
}

/**
 * cohort_query_model_get_id:
 *
 * Returns: the id of the row at @position, without building its object, or 0 past the end
 */
gint64
cohort_query_model_get_id (CohortQueryModel *self,
                           guint             position)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * cohort_query_model_find_id:
 * @out_position: (out) (optional): where the row is
 *
 * Returns: %TRUE if the row with @id is in the list
 */
gboolean
cohort_query_model_find_id (CohortQueryModel *self,
                            gint64            id,
                            guint            *out_position)
{
  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      {
        if (out_position != NULL)
          *out_position = i;
        return TRUE;
      }

  return FALSE;
}
