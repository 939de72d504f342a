/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-report-figures.h"

G_BEGIN_DECLS

/* The pieces the annual report, the CQC summary and the quarterly review are made of, so the
 * three look alike: A4, the same margins, the practice, the period and the document's title at
 * the top of every page and "Page N of M" at the foot. */

char         *heed_report_doc_markup            (const char            *text,
                                                 HeedTextStyle          style);
void          heed_report_doc_add_heading       (HeedDocument          *document,
                                                 guint                  level,
                                                 const char            *text);
void          heed_report_doc_add_paragraph     (HeedDocument          *document,
                                                 const char            *text,
                                                 HeedTextStyle          style);
/* A figures table with its heading row, labels wide and figures narrow. */
void          heed_report_doc_add_table         (HeedDocument          *document,
                                                 HeedReportFigures     *figures,
                                                 const HeedReportTable *table);
/* The same, leaving out rows that are all zero (but @keep_row_id) when @skip_zero_rows. */
void          heed_report_doc_add_table_compact (HeedDocument          *document,
                                                 HeedReportFigures     *figures,
                                                 const HeedReportTable *table,
                                                 gboolean               skip_zero_rows,
                                                 const char            *keep_row_id);
/* The table's chart, if it has one, as a drawing described for screen readers. */
void          heed_report_doc_add_chart         (HeedDocument          *document,
                                                 HeedReportFigures     *figures,
                                                 const HeedReportTable *table,
                                                 double                 content_width);
void          heed_report_doc_add_items         (HeedDocument          *document,
                                                 HeedReportFigures     *figures,
                                                 HeedReportItemList     list,
                                                 const char            *heading_label,
                                                 const char            *text_label,
                                                 const char            *empty);
double        heed_report_doc_get_content_width (void);
/* Lays @document out with the running header and footer. */
HeedPageFlow *heed_report_doc_new_flow          (HeedDocument          *document,
                                                 const char            *practice,
                                                 const char            *period,
                                                 const char            *title);

G_END_DECLS
