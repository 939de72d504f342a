/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-report-figures.h"

G_BEGIN_DECLS

/* The report laid out on A4 pages with the page-flow engine: the practice's name and the
 * period at the top of every page, "Page N of M" at the foot, each chart as a drawn block with
 * its figures in a table under it, tagged for screen readers, the title in the metadata.
 * new_flow gives the laid-out pages for a preview or the print dialog; render gives the PDF. */
HeedPageFlow *heed_report_pdf_new_flow  (HeedReportFigures  *figures);
GBytes       *heed_report_pdf_render    (HeedReportFigures  *figures,
                                         GError            **error);

G_END_DECLS
