/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-report-ko41b.h"
#include "heed-report-pdf-private.h"

/* NHS England's "Data on Written Complaints in the NHS" return is typed into its own
 * collection system; these pages are what the practice manager copies from and keeps. */

HeedPageFlow *
heed_report_ko41b_new_flow (HeedReportFigures *figures)
{
  g_autoptr(HeedDocument) document = heed_document_new (_("KO41(b) return"));
  g_autofree char *period = NULL;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);

  period = heed_report_figures_dup_period_text (figures);
  heed_report_doc_add_heading (document, 1, _("KO41(b) return: written complaints"));
  heed_report_doc_add_paragraph (document,
                                 _("The figures for NHS England’s collection of data on written "
                                   "complaints, by the collection’s own categories. Oral "
                                   "complaints resolved by the next working day, complaints "
                                   "found out of scope and complaints about private care are "
                                   "not counted."),
                                 HEED_TEXT_PLAIN);
  if (heed_report_figures_is_dental_collection (figures))
    heed_report_doc_add_paragraph (document,
                                   _("The dental collection: send it through the NHS Business "
                                     "Services Authority’s online form, one return for each "
                                     "NHS dental contract, even when there were no complaints "
                                     "(a nil return)."),
                                   HEED_TEXT_PLAIN);
  else
    heed_report_doc_add_paragraph (document,
                                   _("The GP collection: send it through NHS England’s "
                                     "Strategic Data Collection Service (SDCS)."),
                                   HEED_TEXT_PLAIN);
  for (guint i = 0; i < heed_report_figures_get_n_tables (figures); i++)
    {
      const HeedReportTable *table = heed_report_figures_get_table (figures, i);

      heed_report_doc_add_heading (document, 2, table->title);
      heed_report_doc_add_table (document, figures, table);
      if (table->note != NULL)
        heed_report_doc_add_paragraph (document, table->note, HEED_TEXT_ITALIC);
    }
  return heed_report_doc_new_flow (document, heed_report_figures_get_practice (figures), period,
                                   _("KO41(b) return"));
}
