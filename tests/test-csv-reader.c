/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-csv-reader"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cohort-csv-reader.h"
#include "cohort-csv-writer.h"

/* CSV files as offices keep them: what Excel and LibreOffice write in English, French, Spanish
 * and Japanese settings, and what goes wrong with them. */

static CohortCsvReader *
reader_for (const char      *data,
            gssize           length,
            CohortCsvTarget  target)
{
  g_autoptr(GInputStream) stream = NULL;

  if (length < 0)
    length = (gssize) strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, (gsize) length), length,
                                                g_free);

  return cohort_csv_reader_new (stream, "list.csv", target);
}

/* Reads every record of @data, asserting the file is accepted. */
static GPtrArray *
read_records (const char       *data,
              CohortCsvTarget   target,
              CohortCsvReader **out_reader)
{
  g_autoptr(CohortCsvReader) reader = reader_for (data, -1, target);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = NULL;

  g_assert_true (cohort_csv_reader_read_all (reader, &records, NULL, &error));
  g_assert_no_error (error);

  if (out_reader != NULL)
    *out_reader = g_steal_pointer (&reader);
  return records;
}

/* Reads @data as plain rows, asserting the file is accepted. */
static GPtrArray *
read_rows (const char *data,
           gssize      length,
           GArray     *lines)
{
  g_autoptr(CohortCsvReader) reader = reader_for (data, length, COHORT_CSV_TARGET_TRAINEES);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;
  guint line;

  while ((row = cohort_csv_reader_next_row (reader, &line, NULL, &error)) != NULL)
    {
      g_ptr_array_add (rows, row);
      if (lines != NULL)
        g_array_append_val (lines, line);
    }
  g_assert_no_error (error);

  return rows;
}

/* Reads @data to its end and returns the error that refused it. */
static GError *
read_error (const char      *data,
            gssize           length,
            CohortCsvTarget  target)
{
  g_autoptr(CohortCsvReader) reader = reader_for (data, length, target);
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;

  g_assert_false (cohort_csv_reader_read_all (reader, &records, NULL, &error));
  g_assert_null (records);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);

  return error;
}

static gboolean
has_issue (CohortCsvReader *reader,
           guint            line,
           const char      *fragment)
{
  GPtrArray *issues = cohort_csv_reader_get_issues (reader);

  for (guint i = 0; i < issues->len; i++)
    {
      CohortImportIssue *issue = g_ptr_array_index (issues, i);

      if (issue->line == line && strstr (issue->message, fragment) != NULL)
        return TRUE;
    }

  return FALSE;
}

static CohortImportPerson *
person_at (GPtrArray *records,
           guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return COHORT_IMPORT_PERSON (g_ptr_array_index (records, index));
}

static void
test_rfc4180 (void)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  rows = read_rows ("a,b,c\n"
                    "\"quoted, with comma\",\"say \"\"hi\"\"\",plain\n"
                    "\"two\nlines\nhere\",,\"\"\n"
                    "last,\"x\",\n"
                    "after,the,break",
                    -1, lines);

  g_assert_cmpuint (rows->len, ==, 5);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[0], ==, "quoted, with comma");
  g_assert_cmpstr (row[1], ==, "say \"hi\"");
  g_assert_cmpstr (row[2], ==, "plain");

  /* A record that spans lines reports its first line; the next one knows where it is. */
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[0], ==, "two\nlines\nhere");
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 3);

  /* A trailing separator is an empty last cell. */
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[1], ==, "x");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_cmpuint (g_array_index (lines, guint, 3), ==, 6);

  /* The last line needs no line end. */
  row = g_ptr_array_index (rows, 4);
  g_assert_cmpstr (row[2], ==, "break");
  g_assert_cmpuint (g_array_index (lines, guint, 4), ==, 7);
}

static void
test_crlf (void)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) crlf = read_rows ("a,b\r\n\"x\r\ny\",2\r\n\r\nc,3\r\n", -1, lines);
  g_autoptr(GPtrArray) lf = read_rows ("a,b\n\"x\ny\",2\n\nc,3\n", -1, NULL);
  g_autoptr(GPtrArray) cr = read_rows ("a,b\r\"x\ry\",2\r\rc,3\r", -1, NULL);

  g_assert_cmpuint (crlf->len, ==, 3);
  g_assert_cmpuint (lf->len, ==, 3);
  g_assert_cmpuint (cr->len, ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      char **a = g_ptr_array_index (crlf, i);
      char **b = g_ptr_array_index (lf, i);
      char **c = g_ptr_array_index (cr, i);

      g_assert_true (g_strv_equal ((const char * const *) a, (const char * const *) b));
      g_assert_true (g_strv_equal ((const char * const *) a, (const char * const *) c));
    }

  /* The empty line is skipped but counted. */
  g_assert_cmpstr (((char **) g_ptr_array_index (crlf, 1))[0], ==, "x\ny");
  g_assert_cmpuint (g_array_index (lines, guint, 2), ==, 5);
}

static void
test_bom (void)
{
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CohortImportPerson *person;

  records = read_records ("\xEF\xBB\xBF" "family_name,given_name\r\nTanaka,Yuki\r\n",
                          COHORT_CSV_TARGET_TRAINEES, &reader);

  g_assert_true (cohort_csv_reader_get_had_bom (reader));
  g_assert_cmpstr (cohort_csv_reader_get_column_field (reader, 0), ==, "family_name");
  g_assert_cmpuint (records->len, ==, 1);
  person = person_at (records, 0);
  g_assert_cmpstr (person->family_name, ==, "Tanaka");
  g_assert_cmpstr (person->given_name, ==, "Yuki");
  g_assert_null (person->record.rejected);
  g_assert_cmpuint (person->record.line, ==, 2);
}

static void
test_semicolon (void)
{
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CohortImportPerson *person;

  /* Excel in a French or Spanish locale separates with semicolons and keeps commas in cells. */
  records = read_records ("Nom;Prénom;Date de naissance;Notes\r\n"
                          "Dupont;Marie;03/04/1990;\"Paris, France\"\r\n"
                          "Núñez;José;1988-12-31;a;b\r\n",
                          COHORT_CSV_TARGET_TRAINEES, &reader);

  g_assert_cmpint (cohort_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpuint (records->len, ==, 2);

  person = person_at (records, 0);
  g_assert_null (person->record.rejected);
  g_assert_cmpstr (person->family_name, ==, "Dupont");
  g_assert_cmpstr (person->given_name, ==, "Marie");
  g_assert_cmpstr (person->notes, ==, "Paris, France");
  /* DD/MM/YYYY is read, with a warning saying how. */
  g_assert_cmpstr (person->birth_date, ==, "1990-04-03");
  g_assert_true (has_issue (reader, 2, "day/month/year"));

  /* One cell too many: that row is rejected, with its line. */
  person = person_at (records, 1);
  g_assert_nonnull (person->record.rejected);
  g_assert_nonnull (strstr (person->record.rejected, "5 cells"));
  g_assert_cmpuint (person->record.line, ==, 3);
}

static void
test_utf16 (void)
{
  /* "family_name\n" in UTF-16 LE with its byte order mark, as "Unicode text" saves it. */
  static const char utf16[] = "\xFF\xFE" "f\0a\0m\0\n\0";
  static const char utf16_no_bom[] = "f\0a\0m\0\n\0";
  g_autoptr(GError) error = read_error (utf16, sizeof utf16 - 1, COHORT_CSV_TARGET_TRAINEES);
  g_autoptr(GError) error2 = NULL;

  g_assert_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  g_assert_true (g_str_has_prefix (error->message, "list.csv:1: "));
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_assert_nonnull (strstr (error->message, "CSV UTF-8"));

  error2 = read_error (utf16_no_bom, sizeof utf16_no_bom - 1, COHORT_CSV_TARGET_TRAINEES);
  g_assert_error (error2, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  g_assert_nonnull (strstr (error2->message, "CSV UTF-8"));
}

static void
test_invalid_utf8 (void)
{
  /* Saved as Latin-1: "é" is one byte 0xE9 on line 4 (the quoted cell starts on line 3). */
  g_autoptr(GError) error = read_error ("family_name,notes\n"
                                        "Dupont,ok\n"
                                        "Martin,\"first line\n"
                                        "d\xE9j\xE0 vu\"\n"
                                        "Durand,fine\n",
                                        -1, COHORT_CSV_TARGET_TRAINEES);

  g_assert_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  g_assert_true (g_str_has_prefix (error->message, "list.csv:4: "));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_ragged (void)
{
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = read_records ("family_name,given_name,email\n"
                          "Abe,Ken,ken@example.org\n"
                          "Short,Row\n"
                          "Long,Row,x@example.org,extra\n"
                          "Trailing,Empty,t@example.org,,\n"
                          ",,\n"
                          "Last,One,last@example.org\n",
                          COHORT_CSV_TARGET_TRAINEES, &reader);

  /* The row of nothing but separators is skipped; each other row has its own outcome. */
  g_assert_cmpuint (records->len, ==, 5);
  g_assert_null (person_at (records, 0)->record.rejected);

  g_assert_cmpuint (person_at (records, 1)->record.line, ==, 3);
  g_assert_nonnull (strstr (person_at (records, 1)->record.rejected, "2 cells"));

  g_assert_cmpuint (person_at (records, 2)->record.line, ==, 4);
  g_assert_nonnull (strstr (person_at (records, 2)->record.rejected, "4 cells"));

  /* Empty cells past the header's columns do no harm. */
  g_assert_null (person_at (records, 3)->record.rejected);
  g_assert_cmpstr (person_at (records, 3)->email, ==, "t@example.org");

  g_assert_null (person_at (records, 4)->record.rejected);
  g_assert_cmpuint (person_at (records, 4)->record.line, ==, 7);
}

static void
test_aliases (void)
{
  const char *files[] = {
    "Surname,First name,Sex,Date of birth,Nationality,E-mail\n"
    "Kato,Aiko,F,1991-05-06,Japan,aiko@example.org\n",
    "Nom de famille;Prénom;Sexe;Date de naissance;Nationalité;Courriel\n"
    "Kato;Aiko;Femme;1991-05-06;JP;aiko@example.org\n",
    "Apellido;Nombre;Sexo;Fecha de nacimiento;Nacionalidad;Correo electrónico\n"
    "Kato;Aiko;Mujer;1991-05-06;JPN;aiko@example.org\n",
    "姓,名,性別,生年月日,国籍,メールアドレス\n"
    "Kato,Aiko,女,1991年5月6日,日本,aiko@example.org\n",
    "FAMILY_NAME,given-name,GENDER,birth date,nationality,EMAIL\n"
    "Kato,Aiko,female,1991-05-06,jp,aiko@example.org\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(CohortCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = read_records (files[i], COHORT_CSV_TARGET_TRAINEES,
                                                   &reader);
      CohortImportPerson *person;

      g_test_message ("file %u", i);
      g_assert_cmpuint (records->len, ==, 1);
      person = person_at (records, 0);
      g_assert_null (person->record.rejected);
      g_assert_cmpstr (person->family_name, ==, "Kato");
      g_assert_cmpstr (person->given_name, ==, "Aiko");
      g_assert_cmpstr (person->gender, ==, "female");
      g_assert_cmpstr (person->birth_date, ==, "1991-05-06");
      g_assert_cmpstr (person->nationality, ==, "JP");
      g_assert_cmpstr (person->email, ==, "aiko@example.org");
      /* Every column was understood. */
      g_assert_cmpuint (cohort_csv_reader_get_issues (reader)->len, ==, 0);
    }
}

static void
test_exact_names_first (void)
{
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CohortImportPerson *person;

  /* "Surname" is an alias of family_name, but a column named family_name says it better. */
  records = read_records ("Surname,given_name,family_name\nX,Ken,Abe\n",
                          COHORT_CSV_TARGET_TRAINEES, &reader);

  person = person_at (records, 0);
  g_assert_cmpstr (person->family_name, ==, "Abe");
  g_assert_cmpstr (cohort_csv_reader_get_column_field (reader, 0), ==, NULL);
  g_assert_cmpstr (cohort_csv_reader_get_column_field (reader, 2), ==, "family_name");
  g_assert_true (has_issue (reader, 1, "Surname"));
}

static void
test_non_latin (void)
{
  g_autoptr(GPtrArray) records = NULL;
  CohortImportPerson *person;

  records = read_records ("family_name,given_name,姓（漢字）,名（漢字）,notes\n"
                          "Suzuki,Haruto,鈴木,陽翔,東京都渋谷区\n"
                          "Al-Hassan,Abd Allah,الحسن,عبد الله,\"مرحبا، عالم\"\n"
                          "Nguyễn,Thị Mai,,,Hà Nội\n",
                          COHORT_CSV_TARGET_TRAINEES, NULL);

  g_assert_cmpuint (records->len, ==, 3);
  person = person_at (records, 0);
  g_assert_cmpstr (person->family_name_local, ==, "鈴木");
  g_assert_cmpstr (person->given_name_local, ==, "陽翔");
  g_assert_cmpstr (person->notes, ==, "東京都渋谷区");

  person = person_at (records, 1);
  g_assert_cmpstr (person->family_name_local, ==, "الحسن");
  g_assert_cmpstr (person->given_name_local, ==, "عبد الله");
  g_assert_cmpstr (person->notes, ==, "مرحبا، عالم");

  person = person_at (records, 2);
  g_assert_cmpstr (person->family_name, ==, "Nguyễn");
  g_assert_cmpstr (person->given_name, ==, "Thị Mai");
  g_assert_null (person->family_name_local);
}

static void
test_formula_cells (void)
{
  g_autoptr(GPtrArray) records = NULL;
  CohortImportPerson *person;

  /* Whatever a cell looks like, it is text: nothing is evaluated or dropped. */
  records = read_records ("family_name,given_name,phone,notes\n"
                          "\"=HYPERLINK(\"\"http://evil\"\")\",@SUM(A1),+81 3 1234 5678,-5\n"
                          "\"'=1+1\",'@x,'+81 3,'plain\n",
                          COHORT_CSV_TARGET_TRAINEES, NULL);

  person = person_at (records, 0);
  g_assert_cmpstr (person->family_name, ==, "=HYPERLINK(\"http://evil\")");
  g_assert_cmpstr (person->given_name, ==, "@SUM(A1)");
  g_assert_cmpstr (person->phone, ==, "+81 3 1234 5678");
  g_assert_cmpstr (person->notes, ==, "-5");

  /* The quote that neutralises a formula on export comes off on import; another stays. */
  person = person_at (records, 1);
  g_assert_cmpstr (person->family_name, ==, "=1+1");
  g_assert_cmpstr (person->given_name, ==, "@x");
  g_assert_cmpstr (person->phone, ==, "+81 3");
  g_assert_cmpstr (person->notes, ==, "'plain");
}

static void
test_values (void)
{
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = read_records ("family_name,gender,birth_date,nationality\n"
                          "A,M,12/31/1988,Côte d'Ivoire\n"
                          "B,男性,1990/4/3,Ivory Coast\n"
                          "C,genderqueer,1990-04-03 00:00:00,United States\n"
                          "D,F,31/02/1990,KE\n"
                          "E,,soon,\n"
                          "F,X,,Narnia\n"
                          "G,Undisclosed,,Iran\n",
                          COHORT_CSV_TARGET_TRAINEES, &reader);

  g_assert_cmpuint (records->len, ==, 7);

  g_assert_cmpstr (person_at (records, 0)->gender, ==, "male");
  g_assert_cmpstr (person_at (records, 0)->birth_date, ==, "1988-12-31");
  g_assert_true (has_issue (reader, 2, "month/day/year"));
  g_assert_cmpstr (person_at (records, 0)->nationality, ==, "CI");

  g_assert_cmpstr (person_at (records, 1)->gender, ==, "male");
  g_assert_cmpstr (person_at (records, 1)->birth_date, ==, "1990-04-03");
  g_assert_cmpstr (person_at (records, 1)->nationality, ==, "CI");

  /* A word that is not a reporting category is kept as the person's own, with a warning. */
  g_assert_null (person_at (records, 2)->gender);
  g_assert_cmpstr (person_at (records, 2)->gender_self, ==, "genderqueer");
  g_assert_true (has_issue (reader, 4, "genderqueer"));
  g_assert_cmpstr (person_at (records, 2)->birth_date, ==, "1990-04-03");
  g_assert_cmpstr (person_at (records, 2)->nationality, ==, "US");
  g_assert_null (person_at (records, 2)->record.rejected);

  /* No 31 February; "soon" is no date; Narnia is no country. */
  g_assert_nonnull (strstr (person_at (records, 3)->record.rejected, "31/02/1990"));
  g_assert_nonnull (strstr (person_at (records, 4)->record.rejected, "soon"));
  g_assert_cmpstr (person_at (records, 5)->gender, ==, "other");
  g_assert_nonnull (strstr (person_at (records, 5)->record.rejected, "Narnia"));

  g_assert_cmpstr (person_at (records, 6)->gender, ==, "undisclosed");
  g_assert_cmpstr (person_at (records, 6)->nationality, ==, "IR");
}

static void
test_many_warnings (void)
{
  g_autoptr(GString) data = g_string_new ("family_name,birth_date\n");
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *issues;

  /* Every row needs a warning; past ten thousand, one says there are more. */
  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (data, "Row%u,03/04/1990\n", i);
  records = read_records (data->str, COHORT_CSV_TARGET_TRAINEES, &reader);

  g_assert_cmpuint (records->len, ==, 12000);
  g_assert_cmpstr (person_at (records, 11999)->birth_date, ==, "1990-04-03");
  issues = cohort_csv_reader_get_issues (reader);
  g_assert_cmpuint (issues->len, ==, 10001);
  g_assert_nonnull (strstr (((CohortImportIssue *) g_ptr_array_index (issues, 10000))->message,
                            "more warnings"));
}

static void
test_countries (void)
{
  const struct { const char *text; const char *code; } cases[] = {
    { "JP", "JP" }, { "jp", "JP" }, { "JPN", "JP" }, { "Japan", "JP" }, { " japan ", "JP" },
    { "South Sudan", "SS" }, { "Korea, Republic of", "KR" }, { "UK", "GB" },
    { "Viet Nam", "VN" }, { "Bolivia, Plurinational State of", "BO" },
    { "Democratic Republic of the Congo", "CD" }, { "Timor-Leste", "TL" },
    { "Narnia", NULL }, { "", NULL }, { "ZZ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *code = cohort_csv_dup_country_code (cases[i].text);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

static void
test_placements (void)
{
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  CohortImportPlacement *placement;

  records = read_records ("Person code,Host,Office,Duty station,Country,Position,Modality,"
                          "Start date,End date,Status,Unknown\n"
                          "P-0001,UNHCR,UNHCR Gambella,Gambella,Ethiopia,Protection Associate,"
                          "UNV,2024-09-01,2025-08-31,On assignment,x\n"
                          "P-0002,WFP,,Juba,SS,Logistics,un_volunteer,2024-09-01,2024-01-01,"
                          "completed,\n"
                          "P-0003,IOM,,Erbil,IQ,,Secondment,,,someday,\n"
                          ",UNDP,,,,,,,,,\n",
                          COHORT_CSV_TARGET_PLACEMENTS, &reader);

  g_assert_cmpuint (records->len, ==, 4);
  g_assert_true (has_issue (reader, 1, "Unknown"));

  placement = COHORT_IMPORT_PLACEMENT (g_ptr_array_index (records, 0));
  g_assert_null (placement->record.rejected);
  g_assert_cmpstr (placement->person_code, ==, "P-0001");
  g_assert_cmpstr (placement->host, ==, "UNHCR");
  g_assert_cmpstr (placement->office, ==, "UNHCR Gambella");
  g_assert_cmpstr (placement->duty_station, ==, "Gambella");
  g_assert_cmpstr (placement->country, ==, "ET");
  g_assert_cmpstr (placement->position_title, ==, "Protection Associate");
  g_assert_cmpstr (placement->modality, ==, "un_volunteer");
  g_assert_cmpstr (placement->start_date, ==, "2024-09-01");
  g_assert_cmpstr (placement->end_date, ==, "2025-08-31");
  g_assert_cmpstr (placement->status, ==, "on_assignment");

  placement = COHORT_IMPORT_PLACEMENT (g_ptr_array_index (records, 1));
  g_assert_nonnull (strstr (placement->record.rejected, "ends before it starts"));

  placement = COHORT_IMPORT_PLACEMENT (g_ptr_array_index (records, 2));
  g_assert_cmpstr (placement->modality, ==, "secondment");
  g_assert_nonnull (strstr (placement->record.rejected, "someday"));
  g_assert_cmpuint (placement->record.line, ==, 4);

  placement = COHORT_IMPORT_PLACEMENT (g_ptr_array_index (records, 3));
  g_assert_nonnull (strstr (placement->record.rejected, "whose placement"));
}

static void
test_organisations (void)
{
  g_autoptr(GPtrArray) records = NULL;
  CohortImportOrganisation *organisation;

  records = read_records ("Nombre;Siglas;Tipo;Parent;País;Ciudad\n"
                          "Programa Mundial de Alimentos;WFP;UN agency;;Italia;Roma\n"
                          "WFP South Sudan;;country_office;WFP;SS;Juba\n"
                          ";X;;;;\n",
                          COHORT_CSV_TARGET_ORGANISATIONS, NULL);

  g_assert_cmpuint (records->len, ==, 3);
  organisation = COHORT_IMPORT_ORGANISATION (g_ptr_array_index (records, 0));
  g_assert_null (organisation->record.rejected);
  g_assert_cmpstr (organisation->name, ==, "Programa Mundial de Alimentos");
  g_assert_cmpstr (organisation->acronym, ==, "WFP");
  g_assert_cmpstr (organisation->kind, ==, "un_agency");
  g_assert_cmpstr (organisation->country, ==, "IT");
  g_assert_cmpstr (organisation->city, ==, "Roma");

  organisation = COHORT_IMPORT_ORGANISATION (g_ptr_array_index (records, 1));
  g_assert_cmpstr (organisation->kind, ==, "country_office");
  g_assert_cmpstr (organisation->parent, ==, "WFP");

  organisation = COHORT_IMPORT_ORGANISATION (g_ptr_array_index (records, 2));
  g_assert_nonnull (organisation->record.rejected);
}

static void
test_refused (void)
{
  g_autoptr(GError) empty = read_error ("", 0, COHORT_CSV_TARGET_TRAINEES);
  g_autoptr(GError) no_name = read_error ("email,phone\nx@example.org,1\n", -1,
                                          COHORT_CSV_TARGET_TRAINEES);
  g_autoptr(GError) unclosed = read_error ("family_name,notes\nA,ok\nB,\"never\nclosed\n", -1,
                                           COHORT_CSV_TARGET_TRAINEES);

  g_assert_error (empty, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_WRONG_FORMAT);

  g_assert_error (no_name, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_WRONG_FORMAT);
  g_assert_true (g_str_has_prefix (no_name->message, "list.csv:1: "));
  g_assert_nonnull (strstr (no_name->message, "trainees"));

  g_assert_error (unclosed, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  g_assert_true (g_str_has_prefix (unclosed->message, "list.csv:3: "));
}

static void
test_limits (void)
{
  g_autoptr(GString) big = g_string_new ("family_name,notes\nA,\"");
  g_autoptr(GString) wide = g_string_new ("family_name");
  g_autoptr(GError) big_error = NULL;
  g_autoptr(GError) wide_error = NULL;

  for (guint i = 0; i < COHORT_CSV_MAX_FIELD_SIZE / 16 + 1; i++)
    g_string_append (big, "0123456789abcdef");
  g_string_append (big, "\"\n");
  big_error = read_error (big->str, (gssize) big->len, COHORT_CSV_TARGET_TRAINEES);
  g_assert_error (big_error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (big_error->message, "list.csv:2: "));

  for (guint i = 0; i < COHORT_CSV_MAX_COLUMNS; i++)
    g_string_append (wide, ",x");
  g_string_append (wide, "\n");
  wide_error = read_error (wide->str, (gssize) wide->len, COHORT_CSV_TARGET_TRAINEES);
  g_assert_error (wide_error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_TOO_LARGE);
}

static void
test_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cohort-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "trainees.csv", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(CohortCsvReader) none = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (path, "family_name,nationality\nAbe,XX\n", -1, &error));
  g_assert_no_error (error);

  reader = cohort_csv_reader_new_for_file (file, COHORT_CSV_TARGET_TRAINEES, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_csv_reader_get_file_name (reader), ==, path);
  g_assert_true (cohort_csv_reader_read_all (reader, &records, NULL, &error));
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_nonnull (strstr (person_at (records, 0)->record.rejected, "XX"));

  none = cohort_csv_reader_new_for_file (missing, COHORT_CSV_TARGET_TRAINEES, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_writer_round_trip (void)
{
  const char *cells[][4] = {
    { "code", "family_name", "notes", "phone" },
    { "P-1", "田中", "say \"hi\", then\nleave", "+81 3" },
    { "P-2", "عبد الله", "a;b", "" },
  };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CohortCsvWriter) writer = cohort_csv_writer_new (stream);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      cohort_csv_writer_write_row (writer, cells[i], 4, NULL, &error);
      g_assert_no_error (error);
    }

  rows = read_rows (g_memory_output_stream_get_data (memory),
                    (gssize) g_memory_output_stream_get_data_size (memory), NULL);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (row), ==, 4);
      for (guint c = 0; c < 4; c++)
        {
          /* The writer neutralises a formula-looking cell with a leading quote. */
          if (cells[i][c][0] == '+')
            {
              g_assert_cmpint (row[c][0], ==, '\'');
              g_assert_cmpstr (row[c] + 1, ==, cells[i][c]);
            }
          else
            g_assert_cmpstr (row[c], ==, cells[i][c]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/csv-reader/rfc4180", test_rfc4180);
  g_test_add_func ("/cohort/csv-reader/crlf", test_crlf);
  g_test_add_func ("/cohort/csv-reader/bom", test_bom);
  g_test_add_func ("/cohort/csv-reader/semicolon", test_semicolon);
  g_test_add_func ("/cohort/csv-reader/utf16-refused", test_utf16);
  g_test_add_func ("/cohort/csv-reader/invalid-utf8-refused", test_invalid_utf8);
  g_test_add_func ("/cohort/csv-reader/ragged-rows", test_ragged);
  g_test_add_func ("/cohort/csv-reader/header-aliases", test_aliases);
  g_test_add_func ("/cohort/csv-reader/exact-names-first", test_exact_names_first);
  g_test_add_func ("/cohort/csv-reader/non-latin", test_non_latin);
  g_test_add_func ("/cohort/csv-reader/formula-cells", test_formula_cells);
  g_test_add_func ("/cohort/csv-reader/values", test_values);
  g_test_add_func ("/cohort/csv-reader/many-warnings", test_many_warnings);
  g_test_add_func ("/cohort/csv-reader/countries", test_countries);
  g_test_add_func ("/cohort/csv-reader/placements", test_placements);
  g_test_add_func ("/cohort/csv-reader/organisations", test_organisations);
  g_test_add_func ("/cohort/csv-reader/refused", test_refused);
  g_test_add_func ("/cohort/csv-reader/limits", test_limits);
  g_test_add_func ("/cohort/csv-reader/file", test_file);
  g_test_add_func ("/cohort/csv-reader/writer-round-trip", test_writer_round_trip);

  return g_test_run ();
}
