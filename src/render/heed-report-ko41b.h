/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-report-figures.h"

G_BEGIN_DECLS

/* The KO41(b) figures (from heed_report_figures_compute_ko41b) as pages to check before
 * they are submitted, with the practice and the period on each. */
HeedPageFlow *heed_report_ko41b_new_flow (HeedReportFigures *figures);

G_END_DECLS
