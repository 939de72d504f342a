/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* The three documents the Reports page offers in one list, each laid out from a practice file
 * and a period by one call: the annual report (published), the summary for the CQC (sent to
 * the regulator) and the quarterly review (internal, for the practice's meeting). */
typedef enum {
  HEED_REPORT_DOCUMENT_ANNUAL,
  HEED_REPORT_DOCUMENT_CQC,
  HEED_REPORT_DOCUMENT_QUARTERLY,
  HEED_REPORT_N_DOCUMENTS
} HeedReportDocument;

/* "annual", "cqc", "quarterly", as heed-cli's --kind takes them; FALSE for anything else.
 * @document may be NULL to only check. */
gboolean      heed_report_document_from_id            (const char          *id,
                                                       HeedReportDocument  *document);
const char   *heed_report_document_get_id             (HeedReportDocument   document);
/* "Annual report", "CQC summary", "Quarterly review", translated, for the dropdown. */
const char   *heed_report_document_get_label          (HeedReportDocument   document);
/* The period a document usually covers, seen from @today (NULL: the real today): the last
 * whole financial year, the 12 months up to @today, the last whole quarter. */
void          heed_report_document_get_default_period (HeedReportDocument   document,
                                                       const GDate         *today,
                                                       GDate               *from,
                                                       GDate               *to);
/* The first day of the 12 months that end on @to: the period the CQC asks about. */
void          heed_report_twelve_months_to            (const GDate         *to,
                                                       GDate               *from);
/* The document for @from – @to laid out on A4 pages, ready to preview, print or write as PDF;
 * @today decides what is pending or overdue (NULL: the real today). */
HeedPageFlow *heed_report_document_new_flow           (HeedReportDocument   document,
                                                       HeedStore           *store,
                                                       const GDate         *from,
                                                       const GDate         *to,
                                                       const GDate         *today,
                                                       GError             **error);

G_END_DECLS
