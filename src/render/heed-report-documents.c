/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-report-cqc.h"
#include "heed-report-documents.h"
#include "heed-report-pdf.h"
#include "heed-review-pdf.h"

static const struct {
  const char *id;
  const char *label;
} documents[] = {
  [HEED_REPORT_DOCUMENT_ANNUAL] = { "annual", N_("Annual report") },
  [HEED_REPORT_DOCUMENT_CQC] = { "cqc", N_("CQC summary") },
  [HEED_REPORT_DOCUMENT_QUARTERLY] = { "quarterly", N_("Quarterly review") },
};

gboolean
heed_report_document_from_id (const char         *id,
                              HeedReportDocument *document)
{
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (g_strcmp0 (id, documents[i].id) == 0)
      {
        if (document != NULL)
          *document = (HeedReportDocument) i;
        return TRUE;
      }
  return FALSE;
}

const char *
heed_report_document_get_id (HeedReportDocument document)
{
  g_return_val_if_fail (document < HEED_REPORT_N_DOCUMENTS, NULL);
  return documents[document].id;
}

const char *
heed_report_document_get_label (HeedReportDocument document)
{
  g_return_val_if_fail (document < HEED_REPORT_N_DOCUMENTS, NULL);
  return _(documents[document].label);
}

void
heed_report_twelve_months_to (const GDate *to,
                              GDate       *from)
{
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (from != NULL);

  *from = *to;
  g_date_subtract_months (from, 12);
  g_date_add_days (from, 1);
}

void
heed_report_document_get_default_period (HeedReportDocument  document,
                                         const GDate        *today,
                                         GDate              *from,
                                         GDate              *to)
{
  GDate now;

  g_return_if_fail (document < HEED_REPORT_N_DOCUMENTS);
  g_return_if_fail (from != NULL && to != NULL);

  g_date_clear (&now, 1);
  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    g_date_set_time_t (&now, time (NULL));

  switch (document)
    {
    case HEED_REPORT_DOCUMENT_CQC:
      *to = now;
      heed_report_twelve_months_to (to, from);
      break;
    case HEED_REPORT_DOCUMENT_QUARTERLY:
      heed_review_previous_quarter (&now, from, to);
      break;
    case HEED_REPORT_DOCUMENT_ANNUAL:
    case HEED_REPORT_N_DOCUMENTS:
    default:
      {
        /* The financial year that ended last 31 March. */
        GDateYear year = g_date_get_year (&now);

        if (g_date_get_month (&now) < G_DATE_APRIL)
          year--;
        g_date_clear (from, 1);
        g_date_clear (to, 1);
        g_date_set_dmy (from, 1, G_DATE_APRIL, year - 1);
        g_date_set_dmy (to, 31, G_DATE_MARCH, year);
      }
      break;
    }
}

HeedPageFlow *
heed_report_document_new_flow (HeedReportDocument   document,
                               HeedStore           *store,
                               const GDate         *from,
                               const GDate         *to,
                               const GDate         *today,
                               GError             **error)
{
  g_return_val_if_fail (document < HEED_REPORT_N_DOCUMENTS, NULL);
  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (document == HEED_REPORT_DOCUMENT_QUARTERLY)
    {
      g_autoptr(HeedReviewFigures) review = heed_review_figures_compute (store, from, to, today,
                                                                         error);

      return review != NULL ? heed_review_new_flow (review) : NULL;
    }
  else
    {
      g_autoptr(HeedReportFigures) figures = heed_report_figures_compute (store, from, to, today,
                                                                          error);

      if (figures == NULL)
        return NULL;
      return document == HEED_REPORT_DOCUMENT_CQC ? heed_report_cqc_new_flow (figures)
                                                  : heed_report_pdf_new_flow (figures);
    }
}
