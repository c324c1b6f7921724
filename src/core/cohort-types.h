/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CohortCareerRecord CohortCareerRecord;
typedef struct _CohortCourse       CohortCourse;
typedef struct _CohortCourseRun    CohortCourseRun;
typedef struct _CohortDatabase     CohortDatabase;
typedef struct _CohortEnrolment    CohortEnrolment;
typedef struct _CohortImportBatch  CohortImportBatch;
typedef struct _CohortOrganisation CohortOrganisation;
typedef struct _CohortPerson       CohortPerson;
typedef struct _CohortPlacement    CohortPlacement;
typedef struct _CohortProgramme    CohortProgramme;
typedef struct _CohortQueryModel   CohortQueryModel;
typedef struct _CohortRecord       CohortRecord;
typedef struct _CohortRunTrainer   CohortRunTrainer;
typedef struct _CohortStatement    CohortStatement;

G_END_DECLS
