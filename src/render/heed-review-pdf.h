/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-review-figures.h"

G_BEGIN_DECLS

/* The quarterly review laid out for the practice's meeting, on the same A4 pages as the
 * annual report: this quarter against the last by kind, subject, staff group and outcome, the
 * deadlines, the overdue actions and the cases open more than six months.  It is internal (it
 * names the staff who own actions and handle cases) and says so on its first page; cases are
 * given by reference, never by the complainant's or patient's name. */
HeedPageFlow *heed_review_new_flow  (HeedReviewFigures  *review);
const char   *heed_review_get_title (void);

G_END_DECLS
