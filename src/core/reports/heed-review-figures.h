/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-action-plan.h"
#include "heed-report-figures.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* The quarterly review, seed 003's standing agenda item: what came in this quarter against the
 * quarter before (by kind and by subject), the actions past their due date, and the complaints
 * and concerns open more than six months.  It is for the practice's own meeting, so it names
 * the staff who own actions and handle cases, and shows small counts as they are; it never
 * names a complainant or a patient: cases appear by their reference only. */

typedef struct {
  gint64  case_id;
  char   *reference;
  char   *kind;       /* "complaint" or "concern" */
  char   *status;     /* a status id such as "in-progress" */
  char   *handler;    /* the staff member handling it, or NULL */
  GDate   received;
  int     months_open; /* whole months from receipt to the review's day */
} HeedReviewCase;

void heed_review_case_free (HeedReviewCase *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedReviewCase, heed_review_case_free)

#define HEED_TYPE_REVIEW_FIGURES (heed_review_figures_get_type ())
G_DECLARE_FINAL_TYPE (HeedReviewFigures, heed_review_figures, HEED, REVIEW_FIGURES, GObject)

/* The review of @from – @to (usually a quarter) against the period of the same length before
 * it; overdue actions and long-open cases as of @today (NULL: the real today). */
HeedReviewFigures *heed_review_figures_compute          (HeedStore          *store,
                                                         const GDate        *from,
                                                         const GDate        *to,
                                                         const GDate        *today,
                                                         GError            **error);

/* "2025-Q1" is April to June 2025: the quarters of the financial year, as in KO41(b). */
gboolean           heed_review_parse_quarter            (const char         *text,
                                                         GDate              *from,
                                                         GDate              *to);
/* The last whole financial quarter before @date: the one a review meeting looks back on. */
void               heed_review_previous_quarter         (const GDate        *date,
                                                         GDate              *from,
                                                         GDate              *to);

/* The figures of the period and of the one before, with small counts shown: the tables
 * "received-by-kind", "subjects", "staff-groups", "outcomes", "timeliness" and so on, each
 * with the columns "this-period" and "previous-period" where it compares. */
HeedReportFigures *heed_review_figures_get_figures      (HeedReviewFigures  *self);
const char        *heed_review_figures_get_practice     (HeedReviewFigures  *self);
void               heed_review_figures_get_today        (HeedReviewFigures  *self,
                                                         GDate              *today);
/* A row of a compared table: this period, the previous one; FALSE if there is no such row. */
gboolean           heed_review_figures_get_trend        (HeedReviewFigures  *self,
                                                         const char         *table_id,
                                                         const char         *row_id,
                                                         gint64             *now,
                                                         gint64             *before);
/* Borrowed arrays: HeedActionPlanItem* past their due date on the review's day, most overdue
 * first; HeedReviewCase* open more than six months, oldest first. */
GPtrArray         *heed_review_figures_get_overdue_actions (HeedReviewFigures *self);
GPtrArray         *heed_review_figures_get_long_open_cases (HeedReviewFigures *self);

G_END_DECLS
