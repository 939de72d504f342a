/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-report-cqc.h"
#include "heed-report-pdf-private.h"
#include "heed-validate.h"

/* A table of the annual figures under its own heading, with its note; nothing if the figures
 * have no such table.  No charts: the CQC asks for a summary, and the tables say it all. */
static void
add_figures (HeedDocument      *document,
             HeedReportFigures *figures,
             const char        *table_id,
             const char        *heading,
             gboolean           compact)
{
  const HeedReportTable *table = heed_report_figures_find_table (figures, table_id);

  if (table == NULL)
    return;
  heed_report_doc_add_heading (document, 2, heading != NULL ? heading : table->title);
  /* A short document: rows with nothing to say are left out, but the first always stays. */
  heed_report_doc_add_table_compact (document, figures, table, compact,
                                     table->row_ids->len > 0
                                     ? g_ptr_array_index (table->row_ids, 0) : NULL);
  if (table->note != NULL)
    heed_report_doc_add_paragraph (document, table->note, HEED_TEXT_ITALIC);
}

static char *
escaped_or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_markup_escape_text (text, -1) : g_strdup ("—");
}

/* The anonymised log inspectors ask for: a line per complaint received in the period, with no
 * name or other identifier (the figures take them out of the free text). */
static void
add_log (HeedDocument      *document,
         HeedReportFigures *figures)
{
  static const double widths[] = { 1.4, 1.5, 1.2, 1.25, 1.4, 0.75, 2.3 };
  GPtrArray *log = heed_report_figures_get_log (figures);
  HeedDocumentBlock *table;
  GPtrArray *row;
  const char *headings[] = {
    _("Received"), _("Subject"), _("Track"), _("Outcome"), _("Responded"),
    _("In time"), _("Learning and actions"),
  };

  heed_report_doc_add_heading (document, 2, _("Each complaint"));
  if (heed_report_figures_is_log_withheld (figures))
    {
      heed_report_doc_add_paragraph (document, _("The line for each complaint is left out: it "
                                                 "is made from the complaints’ own words, "
                                                 "which a reader’s duty does not show. The "
                                                 "practice manager can make the report with "
                                                 "it."),
                                     HEED_TEXT_PLAIN);
      return;
    }
  if (log->len == 0)
    {
      heed_report_doc_add_paragraph (document, _("No complaints were received in this period."),
                                     HEED_TEXT_PLAIN);
      return;
    }
  heed_report_doc_add_paragraph (document, _("One line for each complaint received in the "
                                             "period, oldest first. “In time” is whether the "
                                             "response (or the early resolution) met the "
                                             "timescale of the procedure, or the date agreed "
                                             "with the complainant. Names and references are "
                                             "left out."),
                                 HEED_TEXT_PLAIN);
  table = heed_document_add_table (document, 1);
  heed_document_table_set_widths (table, widths, G_N_ELEMENTS (widths));
  row = heed_document_table_add_row (table);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autofree char *cell = g_strdup_printf ("<b>%s</b>", headings[i]);

      heed_document_table_row_add_cell (row, cell);
    }
  for (guint i = 0; i < log->len; i++)
    {
      const HeedReportLogLine *line = g_ptr_array_index (log, i);
      g_autofree char *received = heed_format_date_long (&line->received);
      g_autofree char *responded = g_date_valid (&line->responded)
                                   ? heed_format_date_long (&line->responded) : NULL;
      g_autofree char *subject = escaped_or_dash (line->subject);
      g_autofree char *track = escaped_or_dash (line->track);
      g_autofree char *outcome = escaped_or_dash (line->outcome != NULL ? line->outcome
                                                                        : _("Open"));
      g_autofree char *responded_cell = escaped_or_dash (responded);
      g_autofree char *learning = NULL;
      g_autoptr(GString) said = g_string_new (NULL);

      if (line->learning != NULL)
        {
          g_autofree char *text = g_markup_escape_text (line->learning, -1);

          g_string_append (said, text);
        }
      if (line->actions != NULL)
        {
          g_auto(GStrv) actions = g_strsplit (line->actions, "\n", -1);

          for (guint a = 0; actions[a] != NULL; a++)
            {
              g_autofree char *text = g_markup_escape_text (actions[a], -1);

              /* TRANSLATORS: an action taken, in the CQC log; %s is what was done */
              g_string_append_printf (said, "%s", said->len > 0 ? "\n" : "");
              g_string_append_printf (said, _("Action: %s"), text);
            }
        }
      if (said->len > 0)
        learning = g_strdup (said->str);
      else
        learning = g_strdup (line->approved ? "—" : _("Not yet approved to share"));

      row = heed_document_table_add_row (table);
      heed_document_table_row_add_cell (row, received);
      heed_document_table_row_add_cell (row, subject);
      heed_document_table_row_add_cell (row, track);
      heed_document_table_row_add_cell (row, outcome);
      heed_document_table_row_add_cell (row, responded_cell);
      heed_document_table_row_add_cell (row, line->in_time > 0 ? _("Yes")
                                             : line->in_time == 0 ? _("No") : _("Not yet"));
      heed_document_table_row_add_cell (row, learning);
    }
}

const char *
heed_report_cqc_get_title (void)
{
  return _("Summary of complaints and actions taken");
}

static HeedDocument *
build_document (HeedReportFigures *figures)
{
  g_autofree char *period = heed_report_figures_dup_period_text (figures);
  g_autofree char *title = g_strdup_printf ("%s — %s", heed_report_figures_get_practice (figures),
                                            heed_report_cqc_get_title ());
  g_autofree char *purpose = NULL;
  g_autoptr(GPtrArray) summary = heed_report_figures_dup_summary (figures);
  HeedDocument *document = heed_document_new (title);
  HeedDocumentBlock *list;

  heed_report_doc_add_heading (document, 1, heed_report_cqc_get_title ());
  heed_report_doc_add_paragraph (document, heed_report_figures_get_practice (figures),
                                 HEED_TEXT_BOLD);
  heed_report_doc_add_paragraph (document, period, HEED_TEXT_PLAIN);
  if (heed_report_figures_get_trail_head (figures) != NULL)
    heed_report_doc_add_paragraph (document, heed_report_figures_get_trail_head (figures),
                                   HEED_TEXT_ITALIC);
  /* TRANSLATORS: %s is the period, "1 April 2025 to 31 March 2026" */
  purpose = g_strdup_printf (_("For the Care Quality Commission, as regulation 16 of the Health "
                               "and Social Care Act 2008 (Regulated Activities) Regulations "
                               "2014 asks: a summary of the complaints the practice received "
                               "from %s and of the actions it took."),
                             period);
  heed_report_doc_add_paragraph (document, purpose, HEED_TEXT_PLAIN);

  heed_report_doc_add_heading (document, 2, _("At a glance"));
  list = heed_document_add_list (document, FALSE);
  for (guint i = 0; i < summary->len; i++)
    {
      g_autofree char *item = heed_report_doc_markup (g_ptr_array_index (summary, i),
                                                      HEED_TEXT_PLAIN);

      heed_document_list_add_item (list, item);
    }
  if (heed_report_figures_get_suppress_small (figures))
    heed_report_doc_add_paragraph (document, _("So that no one can be identified, numbers from 1 "
                                               "to 4 are shown as “fewer than 5”."),
                                   HEED_TEXT_ITALIC);

  add_figures (document, figures, "received-by-kind", _("Complaints and other feedback received"),
               FALSE);
  add_figures (document, figures, "outcomes", _("What was found"), FALSE);
  add_figures (document, figures, "subjects", _("What complaints were about"), FALSE);
  add_figures (document, figures, "timeliness", _("Meeting the deadlines"), FALSE);
  add_figures (document, figures, "tracks", NULL, FALSE);
  add_figures (document, figures, "ombudsman", _("Complaints taken to the Ombudsman"), TRUE);
  add_figures (document, figures, "open-at-end", NULL, FALSE);

  heed_report_doc_add_heading (document, 2, _("What we learned"));
  heed_report_doc_add_items (document, figures, HEED_REPORT_ITEMS_LEARNING, _("Subject:"), NULL,
                             _("No learning was approved for publication in this period."));
  add_figures (document, figures, "actions", _("Actions taken"), FALSE);
  heed_report_doc_add_items (document, figures, HEED_REPORT_ITEMS_ACTIONS, NULL, NULL,
                             _("No action was approved for publication in this period."));

  add_log (document, figures);

  heed_report_doc_add_paragraph (document, _("This summary names no person. The practice keeps "
                                             "the records it was drawn from and can answer "
                                             "questions about any figure in it."),
                                 HEED_TEXT_ITALIC);
  return document;
}

HeedPageFlow *
heed_report_cqc_new_flow (HeedReportFigures *figures)
{
  g_autoptr(HeedDocument) document = NULL;
  g_autofree char *period = NULL;
  gboolean suppress;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);
  g_return_val_if_fail (heed_report_figures_get_kind (figures) == HEED_REPORT_ANNUAL, NULL);

  /* It goes to the regulator, not the public: exact numbers, not "fewer than 5". */
  suppress = heed_report_figures_get_suppress_small (figures);
  heed_report_figures_set_suppress_small (figures, FALSE);
  document = build_document (figures);
  heed_report_figures_set_suppress_small (figures, suppress);
  period = heed_report_figures_dup_period_text (figures);
  return heed_report_doc_new_flow (document, heed_report_figures_get_practice (figures), period,
                                   heed_report_cqc_get_title ());
}
