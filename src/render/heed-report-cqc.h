/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-report-figures.h"

G_BEGIN_DECLS

/* The summary of complaints and the actions taken that the Care Quality Commission may ask
 * for (regulation 16; the practice has 28 days to send it): a short A4 document from the
 * annual figures of the 12 months up to a date, with what was received, what was found, the
 * subjects, timeliness, the Ombudsman, and the learning and actions the practice approved.
 * Like the annual report it names no person, and the practice, the period and the title are
 * on every page. */
HeedPageFlow *heed_report_cqc_new_flow (HeedReportFigures  *figures);
const char   *heed_report_cqc_get_title (void);

G_END_DECLS
