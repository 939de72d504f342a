/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-page-preview.h"
#include "heed-report-documents.h"
#include "heed-report-export.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_REPORT_PAGE (heed_report_page_get_type ())
G_DECLARE_FINAL_TYPE (HeedReportPage, heed_report_page, HEED, REPORT_PAGE, AdwBin)

GtkWidget       *heed_report_page_new         (void);
/* Offers the financial years from @earliest_year to the one now running, and shows that. */
void             heed_report_page_set_store   (HeedReportPage    *self,
                                               HeedStore         *store,
                                               int                earliest_year);
/* The report for April @year to March @year + 1. */
gboolean         heed_report_page_set_year    (HeedReportPage    *self,
                                               int                year);
/* The annual report, the CQC summary (12 months to today) or the quarterly review. */
gboolean         heed_report_page_set_document (HeedReportPage    *self,
                                                HeedReportDocument document);
/* The KO41(b) figures for the last whole quarter, to check and submit. */
gboolean         heed_report_page_show_ko41b  (HeedReportPage    *self);
gboolean         heed_report_page_save        (HeedReportPage    *self,
                                               HeedReportFormat   format,
                                               const char        *path,
                                               GError           **error);
HeedPagePreview *heed_report_page_get_preview (HeedReportPage    *self);

/* Opens the window to write the matters of general importance of the annual report shown;
 * NULL when another document is shown. */
GtkWindow      *heed_report_page_edit_general_importance (HeedReportPage *self);

G_END_DECLS
