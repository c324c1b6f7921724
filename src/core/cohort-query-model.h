/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-database.h"

G_BEGIN_DECLS

/**
 * CohortQueryKind:
 * @COHORT_QUERY_KIND_PERSONS: everyone (#CohortPerson)
 * @COHORT_QUERY_KIND_TRAINEES: people with at least one enrolment (#CohortPerson)
 * @COHORT_QUERY_KIND_ORGANISATIONS: organisations (#CohortOrganisation)
 * @COHORT_QUERY_KIND_COURSES: the course catalogue (#CohortCourse)
 * @COHORT_QUERY_KIND_COURSE_RUNS: runs (intakes) of courses (#CohortCourseRun)
 * @COHORT_QUERY_KIND_ENROLMENTS: enrolments (#CohortEnrolment)
 * @COHORT_QUERY_KIND_PLACEMENTS: placements (#CohortPlacement)
 * @COHORT_QUERY_KIND_CAREER_RECORDS: career records (#CohortCareerRecord)
 * @COHORT_QUERY_KIND_GRADUATES: people with a completed enrolment (#CohortPerson)
 *
 * What a #CohortQueryModel lists.
 */
typedef enum
{
  COHORT_QUERY_KIND_PERSONS,
  COHORT_QUERY_KIND_TRAINEES,
  COHORT_QUERY_KIND_ORGANISATIONS,
  COHORT_QUERY_KIND_COURSES,
  COHORT_QUERY_KIND_COURSE_RUNS,
  COHORT_QUERY_KIND_ENROLMENTS,
  COHORT_QUERY_KIND_PLACEMENTS,
  COHORT_QUERY_KIND_CAREER_RECORDS,
  COHORT_QUERY_KIND_GRADUATES,
} CohortQueryKind;

/**
 * CohortQueryFilter:
 * @COHORT_QUERY_FILTER_NATIONALITY: persons, trainees, graduates: a country code (ISO 3166-1
 *   alpha-2), matching the main nationality or any other one
 * @COHORT_QUERY_FILTER_GENDER: persons, trainees, graduates: a gender code (`female`, …)
 * @COHORT_QUERY_FILTER_PROGRAMME: persons, trainees, graduates: enrolled (for graduates:
 *   completed) in a run of a course of this programme (id); courses: of this programme
 * @COHORT_QUERY_FILTER_FISCAL_YEAR: persons, trainees, graduates: enrolled (completed) in a run
 *   of this fiscal year; course runs: of this fiscal year
 * @COHORT_QUERY_FILTER_STATUS: persons, trainees: with an enrolment of this status; course runs,
 *   enrolments, placements: of this status (a status code)
 * @COHORT_QUERY_FILTER_HOST: placements: at this host organisation (id)
 * @COHORT_QUERY_FILTER_COUNTRY: placements, organisations: in this country (ISO 3166-1 alpha-2)
 * @COHORT_QUERY_FILTER_YEAR: placements: starting in this year
 * @COHORT_QUERY_FILTER_COURSE: course runs: of this course (id)
 * @COHORT_QUERY_FILTER_RUN: enrolments: in this run (id)
 * @COHORT_QUERY_FILTER_PERSON: enrolments, placements, career records: of this person (id)
 * @COHORT_QUERY_FILTER_SECTOR: career records: of this sector; graduates: whose latest career
 *   record is of this sector (a sector code)
 * @COHORT_QUERY_FILTER_NOT_CONFIRMED: graduates: any value keeps only those not confirmed for
 *   over a year (their latest career record was verified more than a year ago, or never)
 * @COHORT_QUERY_FILTER_ORGANISATION_KIND: organisations: of this kind (`un_agency`, …)
 *
 * The filters of a #CohortQueryModel.  Values are text; ids and years are decimal numbers.
 * Each kind accepts the filters listed for it (cohort_query_kind_supports_filter()).
 */
typedef enum
{
  COHORT_QUERY_FILTER_NATIONALITY,
  COHORT_QUERY_FILTER_GENDER,
  COHORT_QUERY_FILTER_PROGRAMME,
  COHORT_QUERY_FILTER_FISCAL_YEAR,
  COHORT_QUERY_FILTER_STATUS,
  COHORT_QUERY_FILTER_HOST,
  COHORT_QUERY_FILTER_COUNTRY,
  COHORT_QUERY_FILTER_YEAR,
  COHORT_QUERY_FILTER_COURSE,
  COHORT_QUERY_FILTER_RUN,
  COHORT_QUERY_FILTER_PERSON,
  COHORT_QUERY_FILTER_SECTOR,
  COHORT_QUERY_FILTER_NOT_CONFIRMED,
  COHORT_QUERY_FILTER_ORGANISATION_KIND,
} CohortQueryFilter;

/**
 * CohortQuerySort:
 * @COHORT_QUERY_SORT_FAMILY_NAME: persons, trainees, graduates: family name, then given name
 * @COHORT_QUERY_SORT_GIVEN_NAME: persons, trainees, graduates: given name, then family name
 * @COHORT_QUERY_SORT_LOCAL_NAME: persons, trainees, graduates: family then given name in the
 *   original script; people without one come last in either direction
 * @COHORT_QUERY_SORT_NATIONALITY: persons, trainees, graduates: nationality, then name
 * @COHORT_QUERY_SORT_GENDER: persons, trainees, graduates: gender, then name
 * @COHORT_QUERY_SORT_CREATED: persons, trainees: when the record was created
 * @COHORT_QUERY_SORT_UPDATED: persons, trainees: when the record was last changed
 * @COHORT_QUERY_SORT_CODE: persons, courses, course runs: code
 * @COHORT_QUERY_SORT_TITLE: courses: title; course runs: the course's title, then start date
 * @COHORT_QUERY_SORT_NAME: organisations: name
 * @COHORT_QUERY_SORT_START_DATE: course runs, placements, career records: start date;
 *   enrolments: the run's start date
 * @COHORT_QUERY_SORT_FISCAL_YEAR: course runs: fiscal year, then start date
 * @COHORT_QUERY_SORT_STATUS: course runs, enrolments, placements: status in the order of its
 *   life (planned before running before completed, …)
 * @COHORT_QUERY_SORT_PERSON: enrolments, placements, career records: the person's family and
 *   given name
 * @COHORT_QUERY_SORT_HOST: placements: the host organisation's name
 * @COHORT_QUERY_SORT_COUNTRY: placements, organisations: country
 * @COHORT_QUERY_SORT_SECTOR: career records: sector, in the ministry's order
 * @COHORT_QUERY_SORT_VERIFIED_ON: career records: when the record was last verified
 * @COHORT_QUERY_SORT_LAST_VERIFIED: graduates: when their latest career record was verified
 *   (never verified first)
 * @COHORT_QUERY_SORT_RESERVE_RANK: enrolments: reserve rank, people without one last
 *
 * The orders of a #CohortQueryModel.  Every order ends with the row id, so it is total and
 * stable; descending reverses the whole order.  Each kind accepts the orders listed for it
 * (cohort_query_kind_supports_sort()); the first listed for a kind is its default.
 */
typedef enum
{
  COHORT_QUERY_SORT_FAMILY_NAME,
  COHORT_QUERY_SORT_GIVEN_NAME,
  COHORT_QUERY_SORT_LOCAL_NAME,
  COHORT_QUERY_SORT_NATIONALITY,
  COHORT_QUERY_SORT_GENDER,
  COHORT_QUERY_SORT_CREATED,
  COHORT_QUERY_SORT_UPDATED,
  COHORT_QUERY_SORT_CODE,
  COHORT_QUERY_SORT_TITLE,
  COHORT_QUERY_SORT_NAME,
  COHORT_QUERY_SORT_START_DATE,
  COHORT_QUERY_SORT_FISCAL_YEAR,
  COHORT_QUERY_SORT_STATUS,
  COHORT_QUERY_SORT_PERSON,
  COHORT_QUERY_SORT_HOST,
  COHORT_QUERY_SORT_COUNTRY,
  COHORT_QUERY_SORT_SECTOR,
  COHORT_QUERY_SORT_VERIFIED_ON,
  COHORT_QUERY_SORT_LAST_VERIFIED,
  COHORT_QUERY_SORT_RESERVE_RANK,
} CohortQuerySort;

#define COHORT_TYPE_QUERY_MODEL (cohort_query_model_get_type ())

G_DECLARE_FINAL_TYPE (CohortQueryModel, cohort_query_model, COHORT, QUERY_MODEL, GObject)

GType             cohort_query_kind_get_item_type    (CohortQueryKind     kind);
gboolean          cohort_query_kind_supports_filter  (CohortQueryKind     kind,
                                                      CohortQueryFilter   filter);
gboolean          cohort_query_kind_supports_sort    (CohortQueryKind     kind,
                                                      CohortQuerySort     sort);
CohortQuerySort   cohort_query_kind_get_default_sort (CohortQueryKind     kind);

CohortQueryModel *cohort_query_model_new             (CohortDatabase     *database,
                                                      CohortQueryKind     kind);
CohortDatabase   *cohort_query_model_get_database    (CohortQueryModel   *self);
CohortQueryKind   cohort_query_model_get_kind        (CohortQueryModel   *self);
const char       *cohort_query_model_get_search      (CohortQueryModel   *self);
void              cohort_query_model_set_search      (CohortQueryModel   *self,
                                                      const char         *search);
const char       *cohort_query_model_get_filter      (CohortQueryModel   *self,
                                                      CohortQueryFilter   filter);
void              cohort_query_model_set_filter      (CohortQueryModel   *self,
                                                      CohortQueryFilter   filter,
                                                      const char         *value);
void              cohort_query_model_clear_filters   (CohortQueryModel   *self);
CohortQuerySort   cohort_query_model_get_sort        (CohortQueryModel   *self);
gboolean          cohort_query_model_get_descending  (CohortQueryModel   *self);
void              cohort_query_model_set_sort        (CohortQueryModel   *self,
                                                      CohortQuerySort     sort,
                                                      gboolean            descending);
gboolean          cohort_query_model_get_show_deleted (CohortQueryModel  *self);
void              cohort_query_model_set_show_deleted (CohortQueryModel  *self,
                                                       gboolean           show_deleted);
gboolean          cohort_query_model_get_loading     (CohortQueryModel   *self);
const GError     *cohort_query_model_get_error       (CohortQueryModel   *self);
void              cohort_query_model_refresh         (CohortQueryModel   *self);
gboolean          cohort_query_model_refresh_sync    (CohortQueryModel   *self,
                                                      GError            **error);
gint64            cohort_query_model_get_id          (CohortQueryModel   *self,
                                                      guint               position);
gboolean          cohort_query_model_find_id         (CohortQueryModel   *self,
                                                      gint64              id,
                                                      guint              *out_position);

G_END_DECLS
