/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <string.h>

#include "heed-report-export.h"
#include "heed-report-html.h"
#include "heed-report-pdf.h"

gboolean
heed_report_format_from_id (const char       *id,
                            HeedReportFormat *format)
{
  static const struct { const char *id; HeedReportFormat format; } formats[] = {
    { "pdf", HEED_REPORT_FORMAT_PDF },
    { "html", HEED_REPORT_FORMAT_HTML },
    { "csv", HEED_REPORT_FORMAT_CSV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (id, formats[i].id) == 0)
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

GBytes *
heed_report_render (HeedReportFigures  *figures,
                    HeedReportFormat    format,
                    GError            **error)
{
  char *data;
  gsize length = 0;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case HEED_REPORT_FORMAT_PDF:
      return heed_report_pdf_render (figures, error);
    case HEED_REPORT_FORMAT_HTML:
      data = heed_report_html_render (figures, &length, error);
      return data != NULL ? g_bytes_new_take (data, length) : NULL;
    case HEED_REPORT_FORMAT_CSV:
    default:
      data = heed_report_figures_to_csv (figures);
      return g_bytes_new_take (data, strlen (data));
    }
}

gboolean
heed_report_save (HeedReportFigures  *figures,
                  HeedReportFormat    format,
                  const char         *path,
                  GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = heed_report_render (figures, format, error);
  return bytes != NULL && heed_report_write_file (path, g_bytes_get_data (bytes, NULL),
                                                  g_bytes_get_size (bytes), error);
}
