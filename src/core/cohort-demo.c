/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-demo"

#include "config.h"

#include "cohort-demo.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-database-private.h"
#include "cohort-demo-data.h"
#include "cohort-utils.h"

/*
 * The demo programme: a Primary Course and a Mid-Career Course with an intake every fiscal year
 * (April to March) since FY2007, and everything that follows from them — applications and
 * selections, reserves and withdrawals, placements at field offices, careers.
 *
 * Everything is drawn from one GRand seeded with the seed, in a fixed order, and no value comes
 * from the clock: timestamps (created_at, updated_at) are those of the events the rows record,
 * and statuses ("running", "on_assignment", "not verified for over a year") are decided against
 * the reference date given by the caller.  The same seed, number of trainees and reference date
 * therefore give the same rows, byte for byte.  (The audit log's `at` column is written by the
 * schema's triggers with SQLite's clock; it is the one value outside the generator's hands.)
 *
 * The number of trainees is the number of people who applied.  They are spread over the
 * intakes in proportion to the real programme (about 32 applicants for 23 places in a Primary
 * intake, about 50 for 36 places in a Mid-Career one), so at the default size the demo looks
 * like the real programme — over 1,000 participants since FY2007 — and at 100,000 every intake
 * is simply larger.  A few trainers and one supervisor per field office come on top.
 *
 * Rows are written with prepared statements inside one transaction: at 100,000 trainees that is
 * some 300,000 rows (and as many audit entries), and nothing is left behind if it fails or is
 * cancelled.
 */

#define FIRST_FISCAL_YEAR 2007
#define N_TRAINERS        12
#define CANCEL_CHECK_MASK 0xff

enum
{
  PRIMARY,
  MID_CAREER,
  N_COURSES
};

typedef enum
{
  OUTCOME_SELECTED,
  OUTCOME_RESERVE,
  OUTCOME_REJECTED,
} Outcome;

typedef enum
{
  PRECISION_DAY,
  PRECISION_MONTH,
  PRECISION_YEAR,
} Precision;

typedef enum
{
  SECTOR_UN,
  SECTOR_GOVERNMENT,
  SECTOR_DEVELOPMENT,
  SECTOR_NGO,
  SECTOR_ACADEMIA,
  SECTOR_PRIVATE,
  SECTOR_STUDENT,
  SECTOR_OTHER,
  N_SECTORS
} Sector;

static const char * const sector_codes[N_SECTORS] = {
  "un_international", "government", "development_agency", "ngo", "academia", "private_sector",
  "student", "other",
};

/* The ministry's figures: of the graduates with a known job, about 59 % at the UN or another
 * international organisation. */
static const guint graduate_sector_weights[N_SECTORS] = { 59, 9, 8, 11, 5, 4, 3, 1 };
static const guint mid_career_sector_weights[N_SECTORS] = { 30, 30, 12, 15, 8, 5, 0, 0 };

static const char * const sector_positions[N_SECTORS][7] = {
  { "Associate Protection Officer", "Programme Analyst", "Humanitarian Affairs Officer",
    "Field Officer", "Peacebuilding Specialist", "Monitoring and Evaluation Officer",
    "Head of Field Office" },
  { "Deputy Director", "Policy Officer", "Second Secretary", "First Secretary",
    "Researcher", "Programme Coordinator", "Director" },
  { "Project Formulation Advisor", "Programme Officer", "Project Expert", "Senior Advisor",
    "Country Representative", "Gender Advisor", "Evaluation Specialist" },
  { "Country Director", "Programme Manager", "Field Coordinator", "Project Officer",
    "Protection Coordinator", "Emergency Response Officer", "Advocacy Officer" },
  { "Research Fellow", "Lecturer", "Assistant Professor", "Associate Professor",
    "Project Researcher", "Visiting Researcher", "Professor" },
  { "Consultant", "Senior Consultant", "Analyst", "Sustainability Manager",
    "Risk Analyst", "Project Manager", "Manager" },
  { "Master's student", "PhD candidate", "Master's student", "PhD candidate",
    "Master's student", "Exchange student", "PhD candidate" },
  { "Independent consultant", "Freelance researcher", "Freelance interpreter",
    "Independent consultant", "Writer", "Freelance researcher", "Independent consultant" },
};

static const char * const withdrawal_reasons[] = {
  "Family reasons",
  "Health reasons",
  "Accepted a job offer before the course began",
  "Visa not issued in time",
  "Employer did not release the participant",
  "Security situation in the home country",
  "Personal reasons",
};

static const char * const evaluations[] = {
  "Excellent performance; the host office asked for an extension.",
  "Very good: took on reporting for the whole sub-office.",
  "Good; needs more experience in programme management.",
  "Strong field skills and good relations with partners.",
  "Met expectations.",
  "Outstanding contribution to the protection monitoring system.",
};

static const char * const early_endings[] = {
  "Ended early: evacuation of international staff after the security situation changed.",
  "Ended early: family emergency.",
  "Ended early: took up a staff post with another organisation.",
  "Ended early: medical reasons.",
};

static const char * const notes[] = {
  "Prefers to be contacted by email.",
  "Speaks Arabic and French.",
  "Recommended by the country office.",
  "Interested in the Mid-Career Course.",
  "Changed employer; address to be confirmed.",
};

static const char * const other_genders[] = {
  "non-binary", "genderqueer", "agender",
};

typedef struct
{
  gint64                   person_id;
  const CohortDemoCountry *country;
} Returning;

typedef struct
{
  guint      course;
  guint      fiscal_year;
  guint32    open;       /* applications open */
  guint32    close;      /* applications close */
  guint32    decide;     /* selection decided */
  guint32    start;
  guint32    end;
  const char *status;
  double     weight;     /* share of the trainees */
  guint      n_new;
  gint64     id;
  char       code[16];
  GArray    *returning;  /* Returning: people who applied to an earlier intake */
} Run;

typedef struct
{
  gint64      id;
  gint64      agency_id;
  guint       agency;
  const char *country;
  const char *city;
  gint64      supervisor_id;
} Station;

typedef struct
{
  gint64      organisation_id;
  const char *position;
  Sector      sector;
  const char *country;
  guint32     start;
  guint32     end;        /* 0: still there */
  Precision   precision;
  const char *source;
  guint32     verified;   /* 0: never verified */
} Career;

typedef struct
{
  const CohortDemoCountry *country;
  const char              *gender;
  const char              *gender_self;
  char                    *family;
  char                    *given;
  char                    *family_local;
  char                    *given_local;
  char                     birth_date[11];
  char                    *email;
  char                     phone[32];
  const char              *notes;
  gint64                   affiliation_id;
} Person;

typedef struct
{
  CohortDatabase          *db;
  GRand                   *rand;
  guint32                  today;
  guint                    today_fiscal_year;

  guint                    n_trainees;
  guint                    n_done;
  CohortDemoProgressFunc   progress;
  gpointer                 user_data;
  GCancellable            *cancellable;

  guint                    n_people;        /* for person codes */
  GHashTable              *emails;          /* the addresses already given */

  GPtrArray               *org_countries;   /* organisation id -> its country (static data) */
  GArray                  *agency_ids;      /* gint64, parallel to the agencies */
  GArray                  *stations;        /* Station */
  GArray                  *country_offices; /* gint64 */
  GArray                  *international;   /* agencies' headquarters, other international
                                               organisations, regional bodies */
  GArray                  *japan_government;
  GArray                  *development;
  GArray                  *ngos;
  GArray                  *universities;
  GArray                  *companies;
  GHashTable              *ministries;      /* country code -> its foreign ministry's id */
  gint64                   provider_id;
  gint64                   trainers[N_TRAINERS];

  Run                     *runs;
  guint                    n_runs;
  guint                    last_capacity[N_COURSES];

  const CohortDemoCountry *eligible[64];    /* this fiscal year's eligible countries */
  guint                    n_eligible;

  GArray                  *careers;         /* Career, scratch */
} Demo;

G_DEFINE_QUARK (cohort-demo-error-quark, cohort_demo_error)

/* Dates: Julian day numbers (day 1 is 0001-01-01), as GDate counts them. */

static guint32
julian (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static void
split_date (guint32  day,
            guint   *year,
            guint   *month,
            guint   *mday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *mday = g_date_get_day (&date);
}

static guint
fiscal_year_of (guint32 day)
{
  guint year, month, mday;

  split_date (day, &year, &month, &mday);
  return month >= 4 ? year : year - 1;
}

static guint32
monday_on_or_after (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return day + (8 - g_date_get_weekday (&date)) % 7;
}

static void
format_date (guint32  day,
             char     out[11])
{
  guint year, month, mday;

  split_date (day, &year, &month, &mday);
  g_snprintf (out, 11, "%04u-%02u-%02u", year, month, mday);
}

static void
format_partial_date (guint32    day,
                     Precision  precision,
                     char       out[11])
{
  format_date (day, out);
  if (precision == PRECISION_MONTH)
    out[7] = '\0';
  else if (precision == PRECISION_YEAR)
    out[4] = '\0';
}

/* The same form as cohort_dup_timestamp_now(): YYYY-MM-DDTHH:MM:SS.mmmZ. */
static void
format_timestamp (guint32  day,
                  guint    seconds,
                  char     out[32])
{
  char date[11];

  format_date (day, date);
  g_snprintf (out, 32, "%sT%02u:%02u:%02u.000Z", date, (seconds / 3600) % 24,
              (seconds / 60) % 60, seconds % 60);
}

/* Randomness: only ever from the seeded generator. */

static guint
rand_below (Demo  *demo,
            guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (demo->rand, 0, (gint32) n);
}

static guint
rand_between (Demo  *demo,
              guint  low,
              guint  high)
{
  g_assert (low <= high);
  return low + rand_below (demo, high - low + 1);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static guint
pick_weighted (Demo        *demo,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  r = rand_below (demo, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  g_assert_not_reached ();
}

/* A working hour, as seconds since midnight UTC. */
static guint
rand_office_time (Demo *demo)
{
  return rand_between (demo, 0, 9 * 3600 - 1);
}

static gint64
pick_id (Demo   *demo,
         GArray *ids)
{
  return g_array_index (ids, gint64, rand_below (demo, ids->len));
}

/* Writing */

static gboolean
execute (CohortStatement  *stmt,
         gint64           *out_id,
         Demo             *demo,
         GError          **error)
{
  if (!cohort_statement_execute (stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = cohort_database_last_insert_id (demo->db);

  return TRUE;
}

static void
bind_timestamps (CohortStatement *stmt,
                 guint32          created,
                 guint            created_seconds,
                 guint32          updated,
                 guint            updated_seconds)
{
  char created_at[32];
  char updated_at[32];

  if (updated < created || (updated == created && updated_seconds < created_seconds))
    {
      updated = created;
      updated_seconds = created_seconds;
    }

  format_timestamp (created, created_seconds, created_at);
  format_timestamp (updated, updated_seconds, updated_at);
  cohort_statement_bind_text (stmt, ":created_at", created_at);
  cohort_statement_bind_text (stmt, ":updated_at", updated_at);
}

static void
bind_date (CohortStatement *stmt,
           const char      *name,
           guint32          day)
{
  char text[11];

  if (day == 0)
    {
      cohort_statement_bind_null (stmt, name);
      return;
    }

  format_date (day, text);
  cohort_statement_bind_text (stmt, name, text);
}

static gboolean
insert_organisation (Demo        *demo,
                     const char  *kind,
                     const char  *name,
                     const char  *acronym,
                     gint64       parent_id,
                     const char  *country,
                     const char  *city,
                     gint64      *out_id,
                     GError     **error)
{
  CohortStatement *stmt;
  gint64 id;

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO organisation (name, acronym, kind, parent_id, "
                                  "country, city, created_at, updated_at) "
                                  "VALUES (:name, :acronym, :kind, :parent_id, :country, :city, "
                                  ":created_at, :updated_at)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_text (stmt, ":name", name);
  cohort_statement_bind_text (stmt, ":acronym", acronym);
  cohort_statement_bind_text (stmt, ":kind", kind);
  cohort_statement_bind_id (stmt, ":parent_id", parent_id);
  cohort_statement_bind_text (stmt, ":country", country);
  cohort_statement_bind_text (stmt, ":city", city);
  bind_timestamps (stmt, julian (FIRST_FISCAL_YEAR, 4, 2), 0, julian (FIRST_FISCAL_YEAR, 4, 2),
                   0);

  if (!execute (stmt, &id, demo, error))
    return FALSE;

  if (demo->org_countries->len <= id)
    g_ptr_array_set_size (demo->org_countries, (guint) id + 1);
  g_ptr_array_index (demo->org_countries, id) = (gpointer) country;

  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static const char *
organisation_country (Demo   *demo,
                      gint64  id)
{
  if (id <= 0 || id >= demo->org_countries->len)
    return NULL;

  return g_ptr_array_index (demo->org_countries, id);
}

/* People */

static void
person_clear (Person *person)
{
  g_clear_pointer (&person->family, g_free);
  g_clear_pointer (&person->given, g_free);
  g_clear_pointer (&person->family_local, g_free);
  g_clear_pointer (&person->given_local, g_free);
  g_clear_pointer (&person->email, g_free);
}

static const CohortDemoName *
pick_name (Demo                 *demo,
           const CohortDemoName *names,
           guint                 n_names)
{
  return &names[rand_below (demo, n_names)];
}

static void
compose_name (Demo                    *demo,
              const CohortDemoCulture *culture,
              gboolean                 female,
              Person                  *person)
{
  const CohortDemoName *given_names = female ? culture->female : culture->male;
  guint n_given = female ? culture->n_female : culture->n_male;
  const CohortDemoName *given = pick_name (demo, given_names, n_given);
  const CohortDemoName *family;

  switch (culture->compose)
    {
    case COHORT_DEMO_COMPOSE_FAMILY_GIVEN:
      family = pick_name (demo, culture->family, culture->n_family);
      if (culture->gendered_family && female)
        {
          person->family = g_strconcat (family->roman, "a", NULL);
          person->family_local = g_strconcat (family->local, "а", NULL);
        }
      else
        {
          person->family = g_strdup (family->roman);
          person->family_local = g_strdup (family->local);
        }
      person->given = g_strdup (given->roman);
      person->given_local = g_strdup (given->local);
      break;

    case COHORT_DEMO_COMPOSE_PATRONYMIC:
      family = pick_name (demo, culture->male, culture->n_male);
      person->family = g_strdup (family->roman);
      person->family_local = g_strdup (family->local);
      person->given = g_strdup (given->roman);
      person->given_local = g_strdup (given->local);
      break;

    case COHORT_DEMO_COMPOSE_DOUBLE_SURNAME:
      {
        const CohortDemoName *second;

        family = pick_name (demo, culture->family, culture->n_family);
        do
          second = pick_name (demo, culture->family, culture->n_family);
        while (second == family);
        person->family = g_strconcat (family->roman, " ", second->roman, NULL);
        person->given = g_strdup (given->roman);
      }
      break;

    case COHORT_DEMO_COMPOSE_SYLLABLES:
      {
        /* Burmese names are written without spaces, romanised with them. */
        GString *roman = g_string_new (given->roman);
        GString *local = g_string_new (given->local);
        const CohortDemoName *used[3] = { given, NULL, NULL };
        guint n_syllables = chance (demo, 0.6) ? 3 : 2;

        for (guint i = 1; i < n_syllables; i++)
          {
            const CohortDemoName *syllable;

            do
              syllable = pick_name (demo, given_names, n_given);
            while (syllable == used[0] || syllable == used[1]);
            used[i] = syllable;
            g_string_append_printf (roman, " %s", syllable->roman);
            g_string_append (local, syllable->local);
          }
        person->given = g_string_free (roman, FALSE);
        person->given_local = g_string_free (local, FALSE);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Lower-case ASCII letters and digits of a romanised name: "Gusmão" -> "gusmao". */
static char *
dup_email_part (const char *name)
{
  g_autofree char *ascii = NULL;
  GString *out;

  if (name == NULL)
    return NULL;

  ascii = g_str_to_ascii (name, "C");
  out = g_string_sized_new (strlen (ascii));
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static void
make_email (Demo   *demo,
            Person *person)
{
  g_autofree char *given = dup_email_part (person->given);
  g_autofree char *family = dup_email_part (person->family);
  g_autofree char *base = NULL;
  const char *domain = chance (demo, 0.5) ? "example.org" : "example.net";
  guint style = rand_below (demo, 10);
  char *email;

  if (given == NULL)
    given = g_strdup ("trainee");

  if (family == NULL)
    base = g_strdup (given);
  else if (style < 6)
    base = g_strdup_printf ("%s.%s", given, family);
  else if (style < 8)
    base = g_strdup_printf ("%s.%s", family, given);
  else
    base = g_strdup_printf ("%c%s", given[0], family);

  email = g_strdup_printf ("%s@%s", base, domain);
  for (guint n = 2; g_hash_table_contains (demo->emails, email); n++)
    {
      g_free (email);
      email = g_strdup_printf ("%s%u@%s", base, n, domain);
    }

  g_hash_table_add (demo->emails, email);
  person->email = g_strdup (email);
}

static void
make_phone (Demo                    *demo,
            const CohortDemoCountry *country,
            Person                  *person)
{
  if (g_strcmp0 (country->code, "JP") == 0)
    g_snprintf (person->phone, sizeof person->phone, "+81 %u0-%04u-%04u",
                rand_between (demo, 7, 9), rand_below (demo, 10000), rand_below (demo, 10000));
  else
    g_snprintf (person->phone, sizeof person->phone, "%s %02u %03u %04u", country->calling_code,
                rand_between (demo, 10, 99), rand_below (demo, 1000), rand_below (demo, 10000));
}

/* Someone from @country born between @born_from and @born_until (years). */
static void
draft_person (Demo                    *demo,
              const CohortDemoCountry *country,
              guint                    born_from,
              guint                    born_until,
              Person                  *person)
{
  guint roll = rand_below (demo, 1000);
  gboolean female;
  guint32 first_day, last_day;

  memset (person, 0, sizeof *person);
  person->country = country;

  /* About half women; a few people describe themselves otherwise or say nothing. */
  if (roll < 497)
    person->gender = "female";
  else if (roll < 985)
    person->gender = "male";
  else if (roll < 993)
    {
      person->gender = "other";
      person->gender_self = other_genders[rand_below (demo, G_N_ELEMENTS (other_genders))];
    }
  else
    person->gender = "undisclosed";

  if (g_str_equal (person->gender, "female"))
    female = TRUE;
  else if (g_str_equal (person->gender, "male"))
    female = FALSE;
  else
    female = chance (demo, 0.5);

  compose_name (demo, country->culture, female, person);

  if (chance (demo, 0.98))
    {
      first_day = julian (born_from, 1, 1);
      last_day = julian (born_until, 12, 31);
      format_date (rand_between (demo, first_day, last_day), person->birth_date);
    }

  if (chance (demo, 0.96))
    make_email (demo, person);
  if (chance (demo, 0.85))
    make_phone (demo, country, person);
  if (chance (demo, 0.03))
    person->notes = notes[rand_below (demo, G_N_ELEMENTS (notes))];
}

/* The keys the duplicate finder compares, as the store writes them: each name folded, family
 * name then given name, run together. */
static char *
dup_match_key (const char *family,
               const char *given)
{
  g_autofree char *a = cohort_dup_normalised_name (family);
  g_autofree char *b = cohort_dup_normalised_name (given);

  if (a == NULL && b == NULL)
    return NULL;

  return g_strconcat (a ? a : "", b ? b : "", NULL);
}

static gboolean
insert_person (Demo     *demo,
               Person   *person,
               guint32   created,
               guint     created_seconds,
               gint64   *out_id,
               GError  **error)
{
  g_autofree char *code = NULL;
  g_autofree char *match_name = NULL;
  g_autofree char *match_name_local = NULL;
  CohortStatement *stmt;

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO person (code, family_name, given_name, "
                                  "family_name_local, given_name_local, name_order, gender, "
                                  "gender_self, birth_date, nationality, email, phone, "
                                  "affiliation_id, notes, match_name, match_name_local, "
                                  "created_at, updated_at) "
                                  "VALUES (:code, :family_name, :given_name, "
                                  ":family_name_local, :given_name_local, :name_order, :gender, "
                                  ":gender_self, :birth_date, :nationality, :email, :phone, "
                                  ":affiliation_id, :notes, :match_name, :match_name_local, "
                                  ":created_at, :updated_at)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  code = g_strdup_printf ("P-%04u", ++demo->n_people);
  match_name = dup_match_key (person->family, person->given);
  match_name_local = dup_match_key (person->family_local, person->given_local);

  cohort_statement_bind_text (stmt, ":code", code);
  cohort_statement_bind_text (stmt, ":family_name", person->family);
  cohort_statement_bind_text (stmt, ":given_name", person->given);
  cohort_statement_bind_text (stmt, ":family_name_local", person->family_local);
  cohort_statement_bind_text (stmt, ":given_name_local", person->given_local);
  cohort_statement_bind_text (stmt, ":name_order",
                              person->country->culture->family_first ? "family_first"
                                                                     : "given_first");
  cohort_statement_bind_text (stmt, ":gender", person->gender);
  cohort_statement_bind_text (stmt, ":gender_self", person->gender_self);
  cohort_statement_bind_text (stmt, ":birth_date",
                              cohort_str_empty_to_null (person->birth_date));
  cohort_statement_bind_text (stmt, ":nationality", person->country->code);
  cohort_statement_bind_text (stmt, ":email", person->email);
  cohort_statement_bind_text (stmt, ":phone", cohort_str_empty_to_null (person->phone));
  cohort_statement_bind_id (stmt, ":affiliation_id", person->affiliation_id);
  cohort_statement_bind_text (stmt, ":notes", person->notes);
  cohort_statement_bind_text (stmt, ":match_name", match_name);
  cohort_statement_bind_text (stmt, ":match_name_local", match_name_local);
  bind_timestamps (stmt, created, created_seconds, created, created_seconds);

  return execute (stmt, out_id, demo, error);
}

static gboolean
insert_second_nationality (Demo        *demo,
                           gint64       person_id,
                           const char  *country,
                           GError     **error)
{
  CohortStatement *stmt;

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO person_nationality (person_id, country) "
                                  "VALUES (:person_id, :country)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  cohort_statement_bind_text (stmt, ":country", country);
  return execute (stmt, NULL, demo, error);
}

static const CohortDemoCountry *
pick_any_country (Demo *demo)
{
  const CohortDemoCountry *countries;
  guint n_countries;
  const CohortDemoCountry *country;

  countries = cohort_demo_data_get_countries (&n_countries);
  do
    country = &countries[rand_below (demo, n_countries)];
  while (country->culture == NULL);

  return country;
}

/* Organisations: the agencies, their country offices and field offices, and everyone else. */

static void
append_id (GArray *array,
           gint64  id)
{
  g_array_append_val (array, id);
}

static const CohortDemoCountry *
find_country (const char *code)
{
  const CohortDemoCountry *countries;
  guint n_countries;

  countries = cohort_demo_data_get_countries (&n_countries);
  for (guint i = 0; i < n_countries; i++)
    if (strcmp (countries[i].code, code) == 0)
      return &countries[i];

  if (strcmp (code, "JP") == 0)
    return cohort_demo_data_get_japan ();

  return NULL;
}

static gboolean
create_organisations (Demo    *demo,
                      GError **error)
{
  const CohortDemoAgency *agencies;
  const CohortDemoDutyStation *stations;
  const CohortDemoOrganisation *others;
  const CohortDemoCountry *countries;
  guint n_agencies, n_stations, n_others, n_countries;
  g_autoptr(GHashTable) country_offices = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                 g_free, NULL);

  agencies = cohort_demo_data_get_agencies (&n_agencies);
  stations = cohort_demo_data_get_duty_stations (&n_stations);
  others = cohort_demo_data_get_organisations (&n_others);
  countries = cohort_demo_data_get_countries (&n_countries);

  for (guint i = 0; i < n_agencies; i++)
    {
      gint64 id;

      if (!insert_organisation (demo, "un_agency", agencies[i].name, agencies[i].acronym, 0,
                                agencies[i].country, agencies[i].city, &id, error))
        return FALSE;
      append_id (demo->agency_ids, id);
      append_id (demo->international, id);
    }

  for (guint i = 0; i < n_stations; i++)
    {
      Station station = { 0 };
      const CohortDemoCountry *country = find_country (stations[i].country);
      g_autofree char *name = NULL;
      gint64 parent_id;

      for (station.agency = 0; station.agency < n_agencies; station.agency++)
        if (strcmp (agencies[station.agency].acronym, stations[i].agency) == 0)
          break;
      g_assert (station.agency < n_agencies);
      g_assert (country != NULL);

      station.agency_id = g_array_index (demo->agency_ids, gint64, station.agency);
      station.country = country->code;
      station.city = stations[i].city;

      if (agencies[station.agency].mission)
        {
          /* A peace operation's field offices belong to the mission itself. */
          parent_id = station.agency_id;
        }
      else
        {
          g_autofree char *key = g_strconcat (stations[i].agency, "/", country->code, NULL);
          gpointer found;

          if (g_hash_table_lookup_extended (country_offices, key, NULL, &found))
            parent_id = GPOINTER_TO_SIZE (found);
          else
            {
              g_autofree char *office_name = g_strdup_printf ("%s %s", stations[i].agency,
                                                              country->name);

              if (!insert_organisation (demo, "country_office", office_name, stations[i].agency,
                                        station.agency_id, country->code, country->capital,
                                        &parent_id, error))
                return FALSE;
              g_hash_table_insert (country_offices, g_steal_pointer (&key),
                                   GSIZE_TO_POINTER ((gsize) parent_id));
              append_id (demo->country_offices, parent_id);
            }
        }

      name = g_strdup_printf ("%s %s", stations[i].agency, stations[i].city);
      if (!insert_organisation (demo, "field_office", name, stations[i].agency, parent_id,
                                country->code, stations[i].city, &station.id, error))
        return FALSE;

      g_array_append_val (demo->stations, station);
    }

  for (guint i = 0; i < n_others; i++)
    {
      const CohortDemoOrganisation *org = &others[i];
      gint64 id;

      if (!insert_organisation (demo, org->kind, org->name, org->acronym, 0, org->country,
                                org->city, &id, error))
        return FALSE;

      if (g_str_equal (org->kind, "government"))
        append_id (demo->japan_government, id);
      else if (g_str_equal (org->kind, "development_agency"))
        append_id (demo->development, id);
      else if (g_str_equal (org->kind, "international_organisation") ||
               g_str_equal (org->kind, "regional_body"))
        append_id (demo->international, id);
      else if (g_str_equal (org->kind, "ngo"))
        append_id (demo->ngos, id);
      else if (g_str_equal (org->kind, "university"))
        append_id (demo->universities, id);
      else if (g_str_equal (org->kind, "private_sector"))
        append_id (demo->companies, id);

      /* The course provider is the first organisation of the list. */
      if (i == 0)
        demo->provider_id = id;
    }

  /* The foreign ministry of every country trainees come from. */
  for (guint i = 0; i < n_countries; i++)
    {
      g_autofree char *name = NULL;
      gint64 id;

      if (countries[i].culture == NULL)
        continue;

      name = g_strdup_printf ("Ministry of Foreign Affairs of %s", countries[i].name);
      if (!insert_organisation (demo, "government", name, NULL, 0, countries[i].code,
                                countries[i].capital, &id, error))
        return FALSE;
      g_hash_table_insert (demo->ministries, (gpointer) countries[i].code,
                           GSIZE_TO_POINTER ((gsize) id));
    }

  return TRUE;
}

/* Trainers, and one supervisor at each field office. */

static gboolean
create_staff (Demo    *demo,
              GError **error)
{
  guint32 created = julian (FIRST_FISCAL_YEAR, 4, 2);

  for (guint i = 0; i < N_TRAINERS; i++)
    {
      const CohortDemoCountry *country = i % 2 == 0 ? cohort_demo_data_get_japan ()
                                                    : pick_any_country (demo);
      Person person;
      gboolean ok;

      draft_person (demo, country, 1955, 1980, &person);
      /* The coordinators are the provider's own staff; the others come from universities,
       * agencies and the development agency. */
      if (i < 2)
        person.affiliation_id = demo->provider_id;
      else if (i % 3 == 0)
        person.affiliation_id = pick_id (demo, demo->universities);
      else if (i % 3 == 1)
        person.affiliation_id = pick_id (demo, demo->international);
      else
        person.affiliation_id = pick_id (demo, demo->development);

      ok = insert_person (demo, &person, created, rand_office_time (demo), &demo->trainers[i],
                          error);
      person_clear (&person);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < demo->stations->len; i++)
    {
      Station *station = &g_array_index (demo->stations, Station, i);
      const CohortDemoCountry *country = chance (demo, 0.1) ? cohort_demo_data_get_japan ()
                                                             : pick_any_country (demo);
      Person person;
      gboolean ok;

      draft_person (demo, country, 1960, 1985, &person);
      person.affiliation_id = station->id;
      ok = insert_person (demo, &person, created, rand_office_time (demo),
                          &station->supervisor_id, error);
      person_clear (&person);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Programmes, courses and their runs */

static const char *
run_status (Demo      *demo,
            const Run *run)
{
  if (demo->today > run->end)
    return "completed";
  if (demo->today >= run->start)
    return "running";
  if (demo->today >= run->close)
    return "selecting";
  if (demo->today >= run->open)
    return "open";
  return "planned";
}

static void
plan_runs (Demo *demo)
{
  guint last_fiscal_year = demo->today_fiscal_year + 1;
  double total_weight = 0;
  double cumulative = 0;
  guint allotted = 0;

  demo->n_runs = (last_fiscal_year - FIRST_FISCAL_YEAR + 1) * N_COURSES;
  demo->runs = g_new0 (Run, demo->n_runs);

  for (guint fy = FIRST_FISCAL_YEAR; fy <= last_fiscal_year; fy++)
    for (guint course = 0; course < N_COURSES; course++)
      {
        Run *run = &demo->runs[(fy - FIRST_FISCAL_YEAR) * N_COURSES + course];
        double variation = 0.85 + 0.3 * g_rand_double (demo->rand);

        run->course = course;
        run->fiscal_year = fy;
        run->returning = g_array_new (FALSE, FALSE, sizeof (Returning));

        if (course == PRIMARY)
          {
            /* Applications in spring; about four weeks of coursework from late August: a week
             * online, then Tokyo and Hiroshima. */
            run->open = julian (fy, 4, 8) + rand_below (demo, 10);
            run->close = julian (fy, 5, 31);
            run->decide = julian (fy, 6, 20) + rand_below (demo, 10);
            run->start = monday_on_or_after (julian (fy, 8, 18) + rand_below (demo, 10));
            run->end = run->start + 25;
            run->weight = 32 * variation;
            g_snprintf (run->code, sizeof run->code, "PC-FY%u", fy);
          }
        else
          {
            /* One week in Tokyo in February, at the end of the fiscal year. */
            run->open = julian (fy, 10, 1);
            run->close = julian (fy, 11, 15);
            run->decide = julian (fy, 12, 5) + rand_below (demo, 8);
            run->start = monday_on_or_after (julian (fy + 1, 1, 28) + rand_below (demo, 10));
            run->end = run->start + 4;
            run->weight = 50 * variation;
            g_snprintf (run->code, sizeof run->code, "MC-FY%u", fy);
          }

        run->status = run_status (demo, run);
        if (g_str_equal (run->status, "planned"))
          run->weight = 0;
        else if (g_str_equal (run->status, "open"))
          run->weight *= (double) (demo->today - run->open + 1) / (run->close - run->open + 1);

        total_weight += run->weight;
      }

  /* Share the trainees out in proportion, so that they add up exactly. */
  for (guint i = 0; i < demo->n_runs; i++)
    {
      guint until;

      cumulative += demo->runs[i].weight;
      until = (guint) (demo->n_trainees * (cumulative / total_weight) + 0.5);
      until = MIN (until, demo->n_trainees);
      if (i == demo->n_runs - 1)
        until = demo->n_trainees;
      demo->runs[i].n_new = until - allotted;
      allotted = until;
    }
}

static gboolean
create_courses (Demo     *demo,
                gint64    course_ids[N_COURSES],
                GError  **error)
{
  static const struct {
    const char *programme_code;
    const char *programme_name;
    const char *code;
    const char *title;
    const char *description;
    const char *url;
  } courses[N_COURSES] = {
    { "PC", "Primary Course", "PB-PRIMARY",
      "Primary Course in Peacebuilding and Development",
      "About four weeks of coursework (one week online, then Tokyo and Hiroshima) followed by "
      "about a year's assignment at a field office of an international organisation, usually "
      "as a UN Volunteer.",
      "https://example.org/courses/primary" },
    { "MC", "Mid-Career Course", "PB-MIDCAREER",
      "Mid-Career Course in Peacebuilding and Development",
      "One week in Tokyo for professionals with several years of experience, with career "
      "support afterwards.",
      "https://example.org/courses/mid-career" },
  };
  guint32 created = julian (FIRST_FISCAL_YEAR, 4, 2);

  for (guint i = 0; i < N_COURSES; i++)
    {
      CohortStatement *stmt;
      gint64 programme_id;

      stmt = cohort_database_prepare (demo->db,
                                      "INSERT INTO programme (code, name, created_at, "
                                      "updated_at) "
                                      "VALUES (:code, :name, :created_at, :updated_at)",
                                      error);
      if (stmt == NULL)
        return FALSE;

      cohort_statement_bind_text (stmt, ":code", courses[i].programme_code);
      cohort_statement_bind_text (stmt, ":name", courses[i].programme_name);
      bind_timestamps (stmt, created, 0, created, 0);
      if (!execute (stmt, &programme_id, demo, error))
        return FALSE;

      stmt = cohort_database_prepare (demo->db,
                                      "INSERT INTO course (code, title, programme_id, "
                                      "description, subject, provider_id, url, source, "
                                      "created_at, updated_at) "
                                      "VALUES (:code, :title, :programme_id, :description, "
                                      ":subject, :provider_id, :url, :source, :created_at, "
                                      ":updated_at)",
                                      error);
      if (stmt == NULL)
        return FALSE;

      cohort_statement_bind_text (stmt, ":code", courses[i].code);
      cohort_statement_bind_text (stmt, ":title", courses[i].title);
      cohort_statement_bind_int64 (stmt, ":programme_id", programme_id);
      cohort_statement_bind_text (stmt, ":description", courses[i].description);
      cohort_statement_bind_text (stmt, ":subject", "Peacebuilding and development");
      cohort_statement_bind_id (stmt, ":provider_id", demo->provider_id);
      cohort_statement_bind_text (stmt, ":url", courses[i].url);
      cohort_statement_bind_null (stmt, ":source");
      bind_timestamps (stmt, created, 0, created, 0);
      if (!execute (stmt, &course_ids[i], demo, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_run_trainer (Demo        *demo,
                    Run         *run,
                    gint64       person_id,
                    const char  *role,
                    guint32      created,
                    GError     **error)
{
  CohortStatement *stmt;

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO run_trainer (run_id, person_id, role, "
                                  "created_at, updated_at) "
                                  "VALUES (:run_id, :person_id, :role, :created_at, :updated_at)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":run_id", run->id);
  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  cohort_statement_bind_text (stmt, ":role", role);
  bind_timestamps (stmt, created, rand_office_time (demo), created, 0);
  return execute (stmt, NULL, demo, error);
}

static gboolean
insert_run (Demo     *demo,
            Run      *run,
            gint64    course_id,
            guint     capacity,
            GError  **error)
{
  static const char * const primary_roles[] = {
    "lead_trainer", "trainer", "trainer", "facilitator", "mentor", "guest_speaker",
  };
  static const char * const mid_career_roles[] = {
    "lead_trainer", "trainer", "facilitator",
  };
  const char * const *roles = run->course == PRIMARY ? primary_roles : mid_career_roles;
  guint n_roles = run->course == PRIMARY ? G_N_ELEMENTS (primary_roles)
                                         : G_N_ELEMENTS (mid_career_roles);
  gboolean online = run->fiscal_year == 2020 || run->fiscal_year == 2021;
  guint32 created = MIN (run->open - 45, demo->today);
  guint order[N_TRAINERS - 2];
  CohortStatement *stmt;

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO course_run (course_id, code, start_date, end_date, "
                                  "mode, venue, capacity, status, fiscal_year, created_at, "
                                  "updated_at) "
                                  "VALUES (:course_id, :code, :start_date, :end_date, :mode, "
                                  ":venue, :capacity, :status, :fiscal_year, :created_at, "
                                  ":updated_at)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":course_id", course_id);
  cohort_statement_bind_text (stmt, ":code", run->code);
  bind_date (stmt, ":start_date", run->start);
  bind_date (stmt, ":end_date", run->end);
  /* The pandemic years were taught online. */
  if (online)
    {
      cohort_statement_bind_text (stmt, ":mode", "online");
      cohort_statement_bind_text (stmt, ":venue", "Online");
    }
  else if (run->course == PRIMARY)
    {
      cohort_statement_bind_text (stmt, ":mode", "hybrid");
      cohort_statement_bind_text (stmt, ":venue", "Online, then Tokyo and Hiroshima");
    }
  else
    {
      cohort_statement_bind_text (stmt, ":mode", "in_person");
      cohort_statement_bind_text (stmt, ":venue", "Tokyo");
    }
  cohort_statement_bind_id (stmt, ":capacity", capacity);
  cohort_statement_bind_text (stmt, ":status", run->status);
  cohort_statement_bind_int64 (stmt, ":fiscal_year", run->fiscal_year);
  bind_timestamps (stmt, created, rand_office_time (demo),
                   MIN (MAX (run->decide, run->end), demo->today), rand_office_time (demo));
  if (!execute (stmt, &run->id, demo, error))
    return FALSE;

  /* The coordinator is always the provider's; the others change from intake to intake. */
  if (!insert_run_trainer (demo, run, demo->trainers[run->fiscal_year % 2], "coordinator",
                           created, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i + 2;
  for (guint i = G_N_ELEMENTS (order) - 1; i > 0; i--)
    {
      guint j = rand_below (demo, i + 1);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }

  for (guint i = 0; i < n_roles && i < G_N_ELEMENTS (order); i++)
    {
      gint64 trainer = demo->trainers[order[i]];

      if (!insert_run_trainer (demo, run, trainer, roles[i], created, error))
        return FALSE;
    }

  return TRUE;
}

/* Each fiscal year has its own list of eligible countries, drawn from Asia, Africa, the Middle
 * East and Latin America; Ukraine is on it from FY2022. */
static void
draw_eligible_countries (Demo  *demo,
                         guint  fiscal_year)
{
  const CohortDemoCountry *countries;
  const CohortDemoCountry *pool[64];
  guint n_countries, n_pool = 0, n_wanted;

  countries = cohort_demo_data_get_countries (&n_countries);
  for (guint i = 0; i < n_countries && n_pool < G_N_ELEMENTS (pool); i++)
    if (countries[i].culture != NULL && countries[i].eligible_from == 0)
      pool[n_pool++] = &countries[i];

  n_wanted = MIN (rand_between (demo, 16, 22), n_pool);
  for (guint i = 0; i < n_wanted; i++)
    {
      guint j = i + rand_below (demo, n_pool - i);
      const CohortDemoCountry *swap = pool[i];

      pool[i] = pool[j];
      pool[j] = swap;
    }

  demo->n_eligible = 0;
  for (guint i = 0; i < n_wanted; i++)
    demo->eligible[demo->n_eligible++] = pool[i];

  for (guint i = 0; i < n_countries; i++)
    if (countries[i].culture != NULL && countries[i].eligible_from != 0 &&
        fiscal_year >= countries[i].eligible_from)
      demo->eligible[demo->n_eligible++] = &countries[i];
}

/* Careers */

static Precision
pick_precision (Demo *demo)
{
  guint roll = rand_below (demo, 100);

  if (roll < 75)
    return PRECISION_DAY;
  if (roll < 93)
    return PRECISION_MONTH;
  return PRECISION_YEAR;
}

static const char *
pick_source (Demo *demo)
{
  static const char * const sources[] = { "survey", "self_report", "cv", "web", "other" };
  static const guint weights[] = { 45, 25, 15, 10, 5 };

  return sources[pick_weighted (demo, weights, G_N_ELEMENTS (weights))];
}

static gint64
pick_organisation (Demo                    *demo,
                   Sector                   sector,
                   const CohortDemoCountry *nationality,
                   gint64                   placement_office)
{
  guint roll;

  switch (sector)
    {
    case SECTOR_UN:
      /* Many stay with the office that hosted them. */
      if (placement_office > 0 && chance (demo, 0.5))
        return placement_office;
      roll = rand_below (demo, 100);
      if (roll < 40)
        return g_array_index (demo->stations, Station,
                              rand_below (demo, demo->stations->len)).id;
      if (roll < 65)
        return pick_id (demo, demo->country_offices);
      return pick_id (demo, demo->international);

    case SECTOR_GOVERNMENT:
      if (nationality == cohort_demo_data_get_japan ())
        return pick_id (demo, demo->japan_government);
      return GPOINTER_TO_SIZE (g_hash_table_lookup (demo->ministries, nationality->code));

    case SECTOR_DEVELOPMENT:
      return pick_id (demo, demo->development);

    case SECTOR_NGO:
      return pick_id (demo, demo->ngos);

    case SECTOR_ACADEMIA:
    case SECTOR_STUDENT:
      return pick_id (demo, demo->universities);

    case SECTOR_PRIVATE:
      return pick_id (demo, demo->companies);

    case SECTOR_OTHER:
    case N_SECTORS:
    default:
      return 0;
    }
}

/* When the record was last confirmed: for the current job, often within the year, sometimes
 * longer ago (the graduates "not confirmed for over a year"), sometimes never. */
static guint32
pick_verification (Demo    *demo,
                   guint32  start,
                   guint32  end,
                   gboolean current)
{
  guint32 last = end != 0 ? MIN (end, demo->today) : demo->today;
  guint roll = rand_below (demo, 100);

  if (start > last)
    return 0;

  if (!current)
    return roll < 50 ? rand_between (demo, start, last) : 0;

  if (roll < 15)
    return 0;

  if (roll < 50 && demo->today > 366 && start + 1 < demo->today - 366)
    {
      guint32 oldest = MAX (start, demo->today - 5 * 365);

      return rand_between (demo, MIN (oldest, demo->today - 367), demo->today - 367);
    }

  return rand_between (demo, MAX (start, demo->today - 365), demo->today);
}

static void
add_career (Demo                    *demo,
            Sector                   sector,
            const CohortDemoCountry *nationality,
            gint64                   placement_office,
            guint32                  start,
            guint32                  end)
{
  Career career = { 0 };
  const char *country;

  career.sector = sector;
  career.organisation_id = pick_organisation (demo, sector, nationality, placement_office);
  career.position = sector_positions[sector][rand_below (demo, 7)];
  country = organisation_country (demo, career.organisation_id);
  career.country = country != NULL ? country : nationality->code;
  career.start = start;
  career.end = end;
  career.precision = pick_precision (demo);
  career.source = pick_source (demo);
  career.verified = pick_verification (demo, start, end, end == 0);

  g_array_append_val (demo->careers, career);
}

/* After the programme: one to three jobs from @from on, the last one current. */
static void
plan_graduate_careers (Demo                    *demo,
                       const CohortDemoCountry *nationality,
                       guint32                  from,
                       gint64                   placement_office)
{
  static const guint count_weights[] = { 50, 35, 15 };
  guint n = 1 + pick_weighted (demo, count_weights, G_N_ELEMENTS (count_weights));
  guint32 start = from + rand_below (demo, 180);

  g_array_set_size (demo->careers, 0);

  for (guint i = 0; i < n && start <= demo->today; i++)
    {
      guint32 end = start + rand_between (demo, 365, 4 * 365) - 1;
      Sector sector = pick_weighted (demo, graduate_sector_weights, N_SECTORS);
      gboolean last = i == n - 1 || end >= demo->today;

      add_career (demo, sector, nationality, i == 0 ? placement_office : 0, start,
                  last ? 0 : end);
      if (last)
        break;
      start = end + 1 + rand_below (demo, 60);
    }
}

/* A mid-career professional: the jobs before the course (the last one current at the course),
 * and sometimes a move afterwards. */
static void
plan_mid_career_careers (Demo                    *demo,
                         const CohortDemoCountry *nationality,
                         guint32                  course_start)
{
  guint n_before = rand_between (demo, 1, 2);
  guint32 starts[2];
  guint32 start = course_start - rand_between (demo, 365, 8 * 365);

  g_array_set_size (demo->careers, 0);

  starts[n_before - 1] = start;
  if (n_before == 2)
    starts[0] = start - rand_between (demo, 2 * 365, 6 * 365);

  for (guint i = 0; i < n_before; i++)
    {
      Sector sector = pick_weighted (demo, mid_career_sector_weights, N_SECTORS);
      guint32 end = i + 1 < n_before ? starts[i + 1] - 1 - rand_below (demo, 30) : 0;

      add_career (demo, sector, nationality, 0, starts[i], end);
    }

  if (chance (demo, 0.35))
    {
      guint32 move = course_start + rand_between (demo, 200, 4 * 365);

      if (move <= demo->today)
        {
          Career *current = &g_array_index (demo->careers, Career, demo->careers->len - 1);

          current->end = move - 1;
          current->verified = pick_verification (demo, current->start, current->end, FALSE);
          add_career (demo, pick_weighted (demo, mid_career_sector_weights, N_SECTORS),
                      nationality, 0, move, 0);
        }
    }
}

/* Recorded no earlier than the person became known to the programme (@known). */
static gboolean
insert_careers (Demo     *demo,
                gint64    person_id,
                guint32   known,
                GError  **error)
{
  for (guint i = 0; i < demo->careers->len; i++)
    {
      Career *career = &g_array_index (demo->careers, Career, i);
      CohortStatement *stmt;
      char start[11], end[11];
      guint32 created = MIN (MAX (career->start, known), demo->today);
      guint32 updated;

      /* Confirmed by the programme, so not before it knew the person. */
      if (career->verified != 0 && career->verified < created)
        career->verified = created;
      updated = MIN (MAX (created, career->verified), demo->today);

      stmt = cohort_database_prepare (demo->db,
                                      "INSERT INTO career_record (person_id, organisation_id, "
                                      "position_title, sector, country, start_date, end_date, "
                                      "source, verified_on, created_at, updated_at) "
                                      "VALUES (:person_id, :organisation_id, :position_title, "
                                      ":sector, :country, :start_date, :end_date, :source, "
                                      ":verified_on, :created_at, :updated_at)",
                                      error);
      if (stmt == NULL)
        return FALSE;

      format_partial_date (career->start, career->precision, start);
      cohort_statement_bind_int64 (stmt, ":person_id", person_id);
      cohort_statement_bind_id (stmt, ":organisation_id", career->organisation_id);
      cohort_statement_bind_text (stmt, ":position_title", career->position);
      cohort_statement_bind_text (stmt, ":sector", sector_codes[career->sector]);
      cohort_statement_bind_text (stmt, ":country", career->country);
      cohort_statement_bind_text (stmt, ":start_date", start);
      if (career->end != 0)
        {
          format_partial_date (career->end, career->precision, end);
          cohort_statement_bind_text (stmt, ":end_date", end);
        }
      else
        cohort_statement_bind_null (stmt, ":end_date");
      cohort_statement_bind_text (stmt, ":source", career->source);
      bind_date (stmt, ":verified_on", career->verified);
      bind_timestamps (stmt, created, rand_office_time (demo), updated,
                       rand_office_time (demo));

      if (!execute (stmt, NULL, demo, error))
        return FALSE;
    }

  return TRUE;
}

/* Placements */

typedef struct
{
  const Station *station;
  guint32        start;
  guint32        end;          /* planned, after any extension */
  guint32        actual_end;   /* 0 until it is over */
  const char    *status;
  const char    *modality;
  const char    *position;
  const char    *evaluation;
  gboolean       extended;
  guint32        over;         /* the day it ended (or ends) in fact */
} Placement;

static void
plan_placement (Demo      *demo,
                const Run *run,
                Placement *placement)
{
  const CohortDemoAgency *agencies;
  guint n_agencies, n_positions = 0;
  guint32 planned_end, early_end = 0;
  guint roll = rand_below (demo, 100);

  agencies = cohort_demo_data_get_agencies (&n_agencies);
  memset (placement, 0, sizeof *placement);

  placement->station = &g_array_index (demo->stations, Station,
                                       rand_below (demo, demo->stations->len));
  while (agencies[placement->station->agency].positions[n_positions] != NULL)
    n_positions++;
  placement->position = agencies[placement->station->agency].positions[rand_below (demo,
                                                                                  n_positions)];

  if (roll < 85)
    placement->modality = "un_volunteer";
  else if (roll < 90)
    placement->modality = "internship";
  else if (roll < 95)
    placement->modality = "secondment";
  else
    placement->modality = "consultant";

  /* About a year, from one to three months after the coursework; some are extended when the
   * host pays, a few end early. */
  placement->start = run->end + rand_between (demo, 30, 100);
  planned_end = placement->start + 364;
  placement->end = planned_end;

  roll = rand_below (demo, 100);
  if (roll < 22)
    {
      guint32 extended_end = planned_end + rand_between (demo, 90, 365);

      /* An extension is agreed in the last months of the year, not before. */
      if (demo->today + 60 >= planned_end)
        {
          placement->extended = TRUE;
          placement->end = extended_end;
        }
    }
  else if (roll < 27)
    early_end = placement->start + rand_between (demo, 60, 300);

  placement->over = early_end != 0 ? early_end : placement->end;

  if (demo->today < placement->start)
    placement->status = placement->start - demo->today <= 60 ? "confirmed" : "proposed";
  else if (demo->today <= placement->over)
    placement->status = placement->extended && demo->today > planned_end ? "extended"
                                                                          : "on_assignment";
  else if (early_end != 0)
    {
      placement->status = "ended_early";
      placement->actual_end = early_end;
      placement->evaluation = early_endings[rand_below (demo, G_N_ELEMENTS (early_endings))];
    }
  else
    {
      placement->status = "completed";
      placement->actual_end = placement->end;
      if (chance (demo, 0.7))
        placement->evaluation = evaluations[rand_below (demo, G_N_ELEMENTS (evaluations))];
    }
}

static gboolean
insert_placement (Demo       *demo,
                  Placement  *placement,
                  gint64      person_id,
                  gint64      enrolment_id,
                  const Run  *run,
                  GError    **error)
{
  const CohortDemoAgency *agencies;
  const CohortDemoAgency *agency;
  g_autofree char *funded_by = NULL;
  CohortStatement *stmt;
  guint n_agencies;
  guint32 created = run->end + rand_between (demo, 1, 20);
  guint32 updated;

  agencies = cohort_demo_data_get_agencies (&n_agencies);
  agency = &agencies[placement->station->agency];

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO placement (person_id, enrolment_id, host_id, "
                                  "office_id, duty_station, country, position_title, modality, "
                                  "funded_by, supervisor_id, start_date, end_date, "
                                  "actual_end_date, status, evaluation, created_at, updated_at) "
                                  "VALUES (:person_id, :enrolment_id, :host_id, :office_id, "
                                  ":duty_station, :country, :position_title, :modality, "
                                  ":funded_by, :supervisor_id, :start_date, :end_date, "
                                  ":actual_end_date, :status, :evaluation, :created_at, "
                                  ":updated_at)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  if (placement->extended)
    funded_by = g_strdup_printf ("Government of Japan; extension funded by %s",
                                 agency->acronym);
  else
    funded_by = g_strdup ("Government of Japan");

  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  cohort_statement_bind_int64 (stmt, ":enrolment_id", enrolment_id);
  cohort_statement_bind_int64 (stmt, ":host_id", placement->station->agency_id);
  cohort_statement_bind_int64 (stmt, ":office_id", placement->station->id);
  cohort_statement_bind_text (stmt, ":duty_station", placement->station->city);
  cohort_statement_bind_text (stmt, ":country", placement->station->country);
  cohort_statement_bind_text (stmt, ":position_title", placement->position);
  cohort_statement_bind_text (stmt, ":modality", placement->modality);
  cohort_statement_bind_text (stmt, ":funded_by", funded_by);
  cohort_statement_bind_int64 (stmt, ":supervisor_id", placement->station->supervisor_id);
  bind_date (stmt, ":start_date", placement->start);
  bind_date (stmt, ":end_date", placement->end);
  bind_date (stmt, ":actual_end_date", placement->actual_end);
  cohort_statement_bind_text (stmt, ":status", placement->status);
  cohort_statement_bind_text (stmt, ":evaluation", placement->evaluation);

  created = MIN (created, demo->today);
  if (placement->actual_end != 0)
    updated = placement->actual_end;
  else if (demo->today >= placement->start)
    updated = placement->start;
  else
    updated = created;
  bind_timestamps (stmt, created, rand_office_time (demo), MIN (updated, demo->today),
                   rand_office_time (demo));

  return execute (stmt, NULL, demo, error);
}

/* Applications */

typedef struct
{
  const char *status;
  guint       reserve_rank;
  guint32     applied;
  guint32     decided;
  guint32     completed;
  guint32     withdrawn;
  const char *withdrawal_reason;
  char        certificate[24];
} Enrolment;

/* What became of an application with @outcome to @run, as things stand on the reference date. */
static void
plan_enrolment (Demo      *demo,
                const Run *run,
                Outcome    outcome,
                guint     *reserve_rank,
                guint     *certificate_serial,
                Enrolment *enrolment)
{
  guint32 last_application = MIN (run->close, demo->today);
  gboolean decided = demo->today >= run->decide;

  memset (enrolment, 0, sizeof *enrolment);
  enrolment->applied = rand_between (demo, run->open, MAX (run->open, last_application));

  if (!decided || g_str_equal (run->status, "open"))
    {
      enrolment->status = "applied";
      return;
    }

  enrolment->decided = MIN (run->decide + rand_below (demo, 4), demo->today);

  switch (outcome)
    {
    case OUTCOME_RESERVE:
      enrolment->status = "reserve";
      enrolment->reserve_rank = ++*reserve_rank;
      return;

    case OUTCOME_REJECTED:
      enrolment->status = "rejected";
      return;

    case OUTCOME_SELECTED:
    default:
      break;
    }

  if (g_str_equal (run->status, "completed"))
    {
      guint roll = rand_below (demo, 100);

      if (roll < 92)
        {
          enrolment->status = "completed";
          enrolment->completed = run->end;
          g_snprintf (enrolment->certificate, sizeof enrolment->certificate, "%.2s-%u-%04u",
                      run->code, run->fiscal_year, ++*certificate_serial);
          return;
        }
      if (roll < 96)
        {
          /* Attended, but missed part of the course. */
          enrolment->status = "participated";
          return;
        }
    }
  else if (chance (demo, 0.96))
    {
      enrolment->status = g_str_equal (run->status, "running") ? "enrolled" : "selected";
      return;
    }

  enrolment->status = "withdrawn";
  enrolment->withdrawn = rand_between (demo, enrolment->decided,
                                       MAX (enrolment->decided,
                                            MIN (run->start + 7, demo->today)));
  enrolment->withdrawal_reason =
    withdrawal_reasons[rand_below (demo, G_N_ELEMENTS (withdrawal_reasons))];
}

static gboolean
insert_enrolment (Demo       *demo,
                  Enrolment  *enrolment,
                  gint64      person_id,
                  const Run  *run,
                  gint64     *out_id,
                  GError    **error)
{
  CohortStatement *stmt;
  guint32 updated;

  stmt = cohort_database_prepare (demo->db,
                                  "INSERT INTO enrolment (person_id, run_id, status, "
                                  "reserve_rank, decided_on, completed_on, certificate_number, "
                                  "withdrawal_reason, created_at, updated_at) "
                                  "VALUES (:person_id, :run_id, :status, :reserve_rank, "
                                  ":decided_on, :completed_on, :certificate_number, "
                                  ":withdrawal_reason, :created_at, :updated_at)",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  cohort_statement_bind_int64 (stmt, ":run_id", run->id);
  cohort_statement_bind_text (stmt, ":status", enrolment->status);
  cohort_statement_bind_id (stmt, ":reserve_rank", enrolment->reserve_rank);
  bind_date (stmt, ":decided_on", enrolment->decided);
  bind_date (stmt, ":completed_on", enrolment->completed);
  cohort_statement_bind_text (stmt, ":certificate_number",
                              cohort_str_empty_to_null (enrolment->certificate));
  cohort_statement_bind_text (stmt, ":withdrawal_reason", enrolment->withdrawal_reason);

  updated = MAX (enrolment->applied, MAX (enrolment->decided, enrolment->withdrawn));
  if (enrolment->completed != 0)
    updated = MAX (updated, enrolment->completed);
  else if (g_str_equal (enrolment->status, "participated"))
    updated = MAX (updated, run->end);
  bind_timestamps (stmt, enrolment->applied, rand_office_time (demo), MIN (updated, demo->today),
                   rand_office_time (demo));

  return execute (stmt, out_id, demo, error);
}

static void
queue_returning (Demo                    *demo,
                 guint                    run_index,
                 gint64                   person_id,
                 const CohortDemoCountry *country)
{
  Returning returning = { person_id, country };
  Run *run;

  if (run_index >= demo->n_runs)
    return;

  run = &demo->runs[run_index];
  if (g_str_equal (run->status, "planned"))
    return;

  g_array_append_val (run->returning, returning);
}

static gboolean
report_progress (Demo     *demo,
                 gboolean  force,
                 GError  **error)
{
  if (!force && (demo->n_done & CANCEL_CHECK_MASK) != 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (demo->cancellable, error))
    return FALSE;

  if (demo->progress != NULL)
    demo->progress (demo->n_done, demo->n_trainees, demo->user_data);

  return TRUE;
}

/* One applicant to @run: a new person (@returning NULL) or someone who applied before. */
static gboolean
add_applicant (Demo            *demo,
               guint            run_index,
               Outcome          outcome,
               const Returning *returning,
               guint           *reserve_rank,
               guint           *certificate_serial,
               GError         **error)
{
  Run *run = &demo->runs[run_index];
  const CohortDemoCountry *country;
  Enrolment enrolment;
  Placement placement;
  gboolean has_placement = FALSE;
  gint64 person_id, enrolment_id;
  Person person = { 0 };
  gboolean ok = TRUE;

  plan_enrolment (demo, run, outcome, reserve_rank, certificate_serial, &enrolment);
  g_array_set_size (demo->careers, 0);

  if (returning != NULL)
    country = returning->country;
  else
    {
      double japanese = run->course == PRIMARY ? 0.56 : 0.5;
      guint age_from = run->course == PRIMARY ? 24 : 31;
      guint age_until = run->course == PRIMARY ? 38 : 52;

      country = chance (demo, japanese) ? cohort_demo_data_get_japan ()
                                        : demo->eligible[rand_below (demo, demo->n_eligible)];
      draft_person (demo, country, run->fiscal_year - age_until, run->fiscal_year - age_from,
                    &person);
    }

  /* What happens next: a placement and a career for graduates of the Primary Course, the jobs
   * of mid-career professionals. */
  if (run->course == PRIMARY && g_str_equal (enrolment.status, "completed"))
    {
      guint32 from = run->end + 1;

      if (chance (demo, 0.9))
        {
          plan_placement (demo, run, &placement);
          has_placement = TRUE;
          from = placement.over + 1;
        }
      if (from <= demo->today && chance (demo, 0.89))
        plan_graduate_careers (demo, country, from, has_placement ? placement.station->id : 0);
    }
  else if (run->course == PRIMARY && g_str_equal (enrolment.status, "participated") &&
           chance (demo, 0.5))
    plan_graduate_careers (demo, country, run->end + 1, 0);
  else if (run->course == MID_CAREER && returning == NULL &&
           !g_str_equal (enrolment.status, "applied") &&
           !g_str_equal (enrolment.status, "rejected"))
    plan_mid_career_careers (demo, country, run->start);

  if (returning == NULL)
    {
      /* Where they are now: the current job, or where they applied from. */
      if (demo->careers->len > 0 &&
          g_array_index (demo->careers, Career, demo->careers->len - 1).end == 0)
        person.affiliation_id = g_array_index (demo->careers, Career,
                                               demo->careers->len - 1).organisation_id;
      else if (chance (demo, 0.55))
        {
          guint roll = rand_below (demo, 4);

          if (roll == 0)
            person.affiliation_id = pick_id (demo, demo->universities);
          else if (roll == 1)
            person.affiliation_id = pick_id (demo, demo->ngos);
          else if (roll == 2)
            person.affiliation_id = pick_organisation (demo, SECTOR_GOVERNMENT, country, 0);
          else
            person.affiliation_id = pick_id (demo, demo->country_offices);
        }

      ok = insert_person (demo, &person, enrolment.applied, rand_office_time (demo), &person_id,
                          error);
      person_clear (&person);
      if (!ok)
        return FALSE;

      /* A few have a second passport. */
      if (chance (demo, 0.01))
        {
          const CohortDemoCountry *second = pick_any_country (demo);

          if (second != country &&
              !insert_second_nationality (demo, person_id, second->code, error))
            return FALSE;
        }
    }
  else
    person_id = returning->person_id;

  if (!insert_enrolment (demo, &enrolment, person_id, run, &enrolment_id, error))
    return FALSE;

  if (has_placement &&
      !insert_placement (demo, &placement, person_id, enrolment_id, run, error))
    return FALSE;

  if (!insert_careers (demo, person_id, enrolment.applied, error))
    return FALSE;

  /* Some who were turned down try again the next year; some graduates come back years later
   * for the Mid-Career Course. */
  if (g_str_equal (enrolment.status, "rejected") && chance (demo, 0.12))
    queue_returning (demo, run_index + N_COURSES, person_id, country);
  else if (run->course == PRIMARY && g_str_equal (enrolment.status, "completed") &&
           chance (demo, 0.05))
    queue_returning (demo, run_index + N_COURSES * rand_between (demo, 3, 8) + 1, person_id,
                     country);

  if (returning == NULL)
    {
      demo->n_done++;
      if (!report_progress (demo, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_run (Demo     *demo,
          guint     run_index,
          gint64    course_id,
          GError  **error)
{
  Run *run = &demo->runs[run_index];
  guint n_applicants = run->n_new + run->returning->len;
  guint n_selected = (n_applicants * 72 + 50) / 100;
  guint n_reserve, capacity;
  guint reserve_rank = 0, certificate_serial = 0;
  g_autofree Outcome *outcomes = NULL;

  if (n_applicants > 0 && n_selected == 0)
    n_selected = 1;
  n_reserve = MIN (n_applicants - n_selected, (n_applicants * 10 + 50) / 100);

  /* The places offered: the intake's size, or for an intake not yet open, the last one's. */
  if (n_applicants > 0)
    capacity = demo->last_capacity[run->course] = n_selected;
  else if (g_str_equal (run->status, "planned"))
    capacity = MAX (1, demo->last_capacity[run->course]);
  else
    capacity = 0;

  if (!insert_run (demo, run, course_id, capacity, error))
    return FALSE;

  if (n_applicants == 0)
    return TRUE;

  outcomes = g_new (Outcome, n_applicants);
  for (guint i = 0; i < n_applicants; i++)
    outcomes[i] = i < n_selected ? OUTCOME_SELECTED
                                 : i < n_selected + n_reserve ? OUTCOME_RESERVE
                                                              : OUTCOME_REJECTED;
  for (guint i = n_applicants - 1; i > 0; i--)
    {
      guint j = rand_below (demo, i + 1);
      Outcome swap = outcomes[i];

      outcomes[i] = outcomes[j];
      outcomes[j] = swap;
    }

  for (guint i = 0; i < n_applicants; i++)
    {
      const Returning *returning = NULL;

      if (i < run->returning->len)
        returning = &g_array_index (run->returning, Returning, i);

      if (!add_applicant (demo, run_index, outcomes[i], returning, &reserve_rank,
                          &certificate_serial, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
database_is_empty (Demo     *demo,
                   gboolean *out_empty,
                   GError  **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  stmt = cohort_database_prepare (demo->db,
                                  "SELECT EXISTS (SELECT 1 FROM person) "
                                  "OR EXISTS (SELECT 1 FROM organisation) "
                                  "OR EXISTS (SELECT 1 FROM programme) "
                                  "OR EXISTS (SELECT 1 FROM course) "
                                  "OR EXISTS (SELECT 1 FROM course_run)",
                                  error);
  if (stmt == NULL || !cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  *out_empty = has_row && cohort_statement_get_int64 (stmt, 0) == 0;
  cohort_statement_reset (stmt);
  return TRUE;
}

static gboolean
generate (Demo    *demo,
          GError **error)
{
  gint64 course_ids[N_COURSES];
  guint fiscal_year = 0;

  if (!create_organisations (demo, error) ||
      !create_staff (demo, error) ||
      !create_courses (demo, course_ids, error))
    return FALSE;

  plan_runs (demo);

  for (guint i = 0; i < demo->n_runs; i++)
    {
      Run *run = &demo->runs[i];

      if (run->fiscal_year != fiscal_year)
        {
          fiscal_year = run->fiscal_year;
          draw_eligible_countries (demo, fiscal_year);
        }

      if (!fill_run (demo, i, course_ids[run->course], error) ||
          !report_progress (demo, TRUE, error))
        return FALSE;
    }

  return TRUE;
}

static void
demo_clear (Demo *demo)
{
  for (guint i = 0; i < demo->n_runs; i++)
    g_array_unref (demo->runs[i].returning);
  g_clear_pointer (&demo->runs, g_free);
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->emails, g_hash_table_unref);
  g_clear_pointer (&demo->org_countries, g_ptr_array_unref);
  g_clear_pointer (&demo->agency_ids, g_array_unref);
  g_clear_pointer (&demo->stations, g_array_unref);
  g_clear_pointer (&demo->country_offices, g_array_unref);
  g_clear_pointer (&demo->international, g_array_unref);
  g_clear_pointer (&demo->japan_government, g_array_unref);
  g_clear_pointer (&demo->development, g_array_unref);
  g_clear_pointer (&demo->ngos, g_array_unref);
  g_clear_pointer (&demo->universities, g_array_unref);
  g_clear_pointer (&demo->companies, g_array_unref);
  g_clear_pointer (&demo->ministries, g_hash_table_unref);
  g_clear_pointer (&demo->careers, g_array_unref);
}

/**
 * cohort_demo_generate:
 * @db: an empty database
 * @n_trainees: how many people apply over the years (1 to %COHORT_DEMO_MAX_TRAINEES)
 * @seed: the seed of the random choices
 * @reference_date: the day, `YYYY-MM-DD`, that counts as today for every status (a run
 *   "running", a placement "on_assignment", a career record "not verified for over a year");
 *   the command line passes the current date, tests a fixed one
 * @progress: (nullable) (scope call): called from time to time
 * @user_data: data for @progress
 * @cancellable: (nullable): stops the work; nothing is written then
 * @error: return location for a #GError
 *
 * Writes a realistic demo programme into @db in one transaction: UN agencies with their
 * country and field offices in real duty stations, governments, NGOs, universities and
 * development agencies; a Primary Course and a Mid-Career Course with an intake every fiscal
 * year from FY2007 to the year after the reference date's; trainees from Japan and from each
 * year's eligible countries, with names in romanised and original script; their applications
 * and what came of them; placements, careers, trainers and supervisors.
 *
 * The same @seed, @n_trainees and @reference_date give the same rows (the audit log's
 * timestamps aside, which the schema's triggers take from the clock).  A database that
 * already holds people, organisations or courses is refused with
 * %COHORT_DEMO_ERROR_NOT_EMPTY and left as it was.
 *
 * Returns: %TRUE on success, or %FALSE with @error set (%G_IO_ERROR_CANCELLED when cancelled),
 *   and then nothing was written.
 */
gboolean
cohort_demo_generate (CohortDatabase          *db,
                      guint                    n_trainees,
                      guint64                  seed,
                      const char              *reference_date,
                      CohortDemoProgressFunc   progress,
                      gpointer                 user_data,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  Demo demo = { 0 };
  guint32 seed_words[2] = { (guint32) (seed & 0xffffffff), (guint32) (seed >> 32) };
  guint year, month, mday;
  gint64 started = g_get_monotonic_time ();
  gboolean empty = FALSE;
  gboolean ok;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reference_date != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_trainees == 0 || n_trainees > COHORT_DEMO_MAX_TRAINEES)
    {
      g_set_error (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_INVALID_ARGUMENT,
                   _("The demo programme needs between 1 and %u trainees"),
                   COHORT_DEMO_MAX_TRAINEES);
      return FALSE;
    }

  if (!cohort_date_is_valid (reference_date) ||
      strcmp (reference_date, "2008-04-01") < 0 || strcmp (reference_date, "2199-12-31") > 0)
    {
      g_set_error (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_INVALID_ARGUMENT,
                   _("“%s” cannot be the reference date of the demo programme: give a day "
                     "between 2008-04-01 and 2199-12-31, written like 2025-04-01"),
                   reference_date);
      return FALSE;
    }

  demo.db = db;
  demo.n_trainees = n_trainees;
  demo.progress = progress;
  demo.user_data = user_data;
  demo.cancellable = cancellable;
  demo.rand = g_rand_new_with_seed_array (seed_words, G_N_ELEMENTS (seed_words));
  year = (guint) g_ascii_strtoull (reference_date, NULL, 10);
  month = (guint) g_ascii_strtoull (reference_date + 5, NULL, 10);
  mday = (guint) g_ascii_strtoull (reference_date + 8, NULL, 10);
  demo.today = julian (year, month, mday);
  demo.today_fiscal_year = fiscal_year_of (demo.today);
  demo.emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.org_countries = g_ptr_array_new ();
  demo.agency_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.stations = g_array_new (FALSE, FALSE, sizeof (Station));
  demo.country_offices = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.international = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.japan_government = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.development = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.ngos = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.universities = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.companies = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.ministries = g_hash_table_new (g_str_hash, g_str_equal);
  demo.careers = g_array_new (FALSE, FALSE, sizeof (Career));

  /* A large page cache for the one large transaction, so that SQLite does not spill pages to
   * the write-ahead log and read them back; SQLite's default again afterwards. */
  if (!cohort_database_exec (db, "PRAGMA cache_size = -262144", error) ||
      !cohort_database_begin (db, error))
    {
      cohort_database_exec (db, "PRAGMA cache_size = -2000", NULL);
      demo_clear (&demo);
      return FALSE;
    }

  ok = database_is_empty (&demo, &empty, error);
  if (ok && !empty)
    {
      g_autofree char *display = g_filename_display_name (cohort_database_get_path (db));

      g_set_error (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_NOT_EMPTY,
                   _("The database “%s” already holds records; the demo programme is only "
                     "written into an empty database"), display);
      ok = FALSE;
    }

  /* Indexed for search once, at the end (see cohort_database_defer_search_index()). */
  ok = ok && cohort_database_defer_search_index (db, error) && generate (&demo, error) &&
       cohort_database_update_search_index (db, error);
  g_debug ("Demo programme written in %.2f s", (g_get_monotonic_time () - started) / 1e6);

  if (ok)
    ok = cohort_database_commit (db, error);
  else
    cohort_database_rollback (db);
  g_debug ("Demo programme committed after %.2f s", (g_get_monotonic_time () - started) / 1e6);

  cohort_database_exec (db, "PRAGMA cache_size = -2000", NULL);

  g_debug ("Demo programme: %u trainees, %u people, seed %" G_GUINT64_FORMAT ", as of %s",
           n_trainees, demo.n_people, seed, reference_date);
  demo_clear (&demo);

  return ok;
}
