/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-report-figures.h"

G_BEGIN_DECLS

/* The report in each of the forms a practice keeps or publishes it, from one call, for the
 * window's Save button and for heed-cli. */
typedef enum {
  HEED_REPORT_FORMAT_PDF,
  HEED_REPORT_FORMAT_HTML,
  HEED_REPORT_FORMAT_CSV,
} HeedReportFormat;

/* "pdf", "html", "csv"; FALSE for anything else. @format may be NULL to only check. */
gboolean  heed_report_format_from_id (const char         *id,
                                      HeedReportFormat   *format);
GBytes   *heed_report_render         (HeedReportFigures  *figures,
                                      HeedReportFormat    format,
                                      GError            **error);
/* Writes to a temporary file renamed over @path, so a failure leaves @path as it was. */
gboolean  heed_report_save           (HeedReportFigures  *figures,
                                      HeedReportFormat    format,
                                      const char         *path,
                                      GError            **error);

G_END_DECLS
