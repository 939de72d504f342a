/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "heed-cli-common.h"
#include "heed-report-figures.h"
#include "heed-report-documents.h"
#include "heed-report-export.h"
#include "heed-review-figures.h"

/* report */

/* The period of --kind cqc: --to alone is the 12 months up to that day, as the CQC asks. */
static gboolean
cqc_period (int         year,
            const char *from_text,
            const char *to_text,
            GDate      *from,
            GDate      *to,
            int        *status)
{
  if (year != 0 && (from_text != NULL || to_text != NULL))
    {
      *status = cli_fail (_("Give either --year or --to (with --from if you wish), not both."));
      return FALSE;
    }
  if (year != 0)
    return cli_financial_year (year, from, to, status);
  if (to_text == NULL)
    {
      *status = cli_fail (_("Give the period: --to DATE for the 12 months up to it, or --from "
                            "and --to, or --year YYYY."));
      return FALSE;
    }
  if (!cli_parse_date_option ("--to", to_text, to, status))
    return FALSE;
  if (from_text == NULL)
    {
      heed_report_twelve_months_to (to, from);
      return TRUE;
    }
  return cli_parse_date_option ("--from", from_text, from, status);
}

static gboolean
quarterly_period (int         year,
                  const char *quarter,
                  const char *from_text,
                  const char *to_text,
                  GDate      *from,
                  GDate      *to,
                  int        *status)
{
  if (year != 0)
    {
      *status = cli_fail (_("--year does not go with --kind quarterly: give --quarter YYYY-Qn, "
                            "or --from and --to."));
      return FALSE;
    }
  if (quarter != NULL && (from_text != NULL || to_text != NULL))
    {
      *status = cli_fail (_("Give either --quarter or --from and --to, not both."));
      return FALSE;
    }
  if (quarter != NULL)
    {
      if (heed_review_parse_quarter (quarter, from, to))
        return TRUE;
      *status = cli_fail (_("--quarter must be written YYYY-Qn, such as 2025-Q1 (April to June "
                            "2025), not “%s”."),
                          quarter);
      return FALSE;
    }
  if (from_text == NULL || to_text == NULL)
    {
      *status = cli_fail (_("Give the quarter: --quarter YYYY-Qn, or both --from and --to."));
      return FALSE;
    }
  return cli_parse_date_option ("--from", from_text, from, status)
         && cli_parse_date_option ("--to", to_text, to, status);
}

static gboolean
annual_period (int         year,
               const char *from_text,
               const char *to_text,
               GDate      *from,
               GDate      *to,
               int        *status)
{
  if (year != 0 && (from_text != NULL || to_text != NULL))
    {
      *status = cli_fail (_("Give either --year or --from and --to, not both."));
      return FALSE;
    }
  if (year == 0 && (from_text == NULL || to_text == NULL))
    {
      *status = cli_fail (_("Give the period: --year YYYY, or both --from and --to."));
      return FALSE;
    }
  if (year != 0)
    return cli_financial_year (year, from, to, status);
  return cli_parse_date_option ("--from", from_text, from, status)
         && cli_parse_date_option ("--to", to_text, to, status);
}

int
cli_command_report (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL, *format = NULL, *output = NULL;
  g_autofree char *today_text = NULL, *kind = NULL, *quarter = NULL;
  HeedReportDocument document = HEED_REPORT_DOCUMENT_ANNUAL;
  HeedReportFormat report_format;
  GDate from, to, today;
  int year = 0;
  int status = EXIT_OK;
  gboolean period_ok;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("annual (the default), cqc (the summary for the CQC) or quarterly (the review)"),
      N_("KIND") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The financial year from 1 April YYYY to 31 March the year after"), N_("YYYY") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
      N_("With --kind quarterly: a quarter of the financial year, 2025-Q1 is April to June "
         "2025"), N_("YYYY-Qn") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Last day of the period; with --kind cqc alone, the 12 months up to it"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("pdf, html or csv (cqc and quarterly: pdf, the default)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file"), N_("OUT") },
    { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &today_text,
      N_("Count deadlines as of this day"), N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the annual report, or any period’s; the CQC summary; "
                                    "the quarterly review"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("report needs exactly one FILE"));
  if (kind != NULL && !heed_report_document_from_id (kind, &document))
    return cli_fail (_("--kind must be annual, cqc or quarterly, not “%s”."), kind);
  if (format == NULL && document == HEED_REPORT_DOCUMENT_ANNUAL)
    return cli_usage_error (context, _("report needs --format pdf, html or csv"));
  if (format != NULL && !heed_report_format_from_id (format, &report_format))
    return cli_fail (_("--format must be pdf, html or csv, not “%s”."), format);
  if (format != NULL && document != HEED_REPORT_DOCUMENT_ANNUAL
      && report_format != HEED_REPORT_FORMAT_PDF)
    return cli_fail (_("--kind %s is made as a PDF only: give --format pdf or leave it out."),
                     kind);
  if (output == NULL || output[0] == '\0')
    return cli_usage_error (context, _("report needs -o OUT"));
  if (!cli_check_output (output, &status))
    return status;
  if (quarter != NULL && document != HEED_REPORT_DOCUMENT_QUARTERLY)
    return cli_fail (_("--quarter goes with --kind quarterly only."));

  switch (document)
    {
    case HEED_REPORT_DOCUMENT_CQC:
      period_ok = cqc_period (year, from_text, to_text, &from, &to, &status);
      break;
    case HEED_REPORT_DOCUMENT_QUARTERLY:
      period_ok = quarterly_period (year, quarter, from_text, to_text, &from, &to, &status);
      break;
    case HEED_REPORT_DOCUMENT_ANNUAL:
    case HEED_REPORT_N_DOCUMENTS:
    default:
      period_ok = annual_period (year, from_text, to_text, &from, &to, &status);
      break;
    }
  if (!period_ok)
    return status;
  if (g_date_compare (&from, &to) > 0)
    return cli_fail (_("--from is after --to: the period would have no days."));
  if (!cli_parse_date_option ("--today", today_text, &today, &status))
    return status;

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  if (document != HEED_REPORT_DOCUMENT_ANNUAL)
    {
      flow = heed_report_document_new_flow (document, store, &from, &to,
                                            g_date_valid (&today) ? &today : NULL, &error);
      if (flow == NULL || !heed_page_flow_write_pdf (flow, output, &error))
        return cli_fail_error (error);
      return EXIT_OK;
    }
  figures = heed_report_figures_compute (store, &from, &to, g_date_valid (&today) ? &today : NULL,
                                         &error);
  if (figures == NULL || !heed_report_save (figures, report_format, output, &error))
    return cli_fail_error (error);
  return EXIT_OK;
}

/* ko41b */

static void
print_table_text (HeedReportFigures     *figures,
                  const HeedReportTable *table,
                  GString               *out)
{
  g_string_append_printf (out, "\n%s\n", table->title);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *label = g_ptr_array_index (table->rows, r);
      glong pad = MAX (1, 44 - g_utf8_strlen (label, -1));

      g_string_append_printf (out, "  %s%*s", label, (int) pad, "");
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *value = heed_report_figures_format_cell (figures, table, r, c);

          g_string_append_printf (out, " %8s", value);
        }
      g_string_append_c (out, '\n');
    }
  if (table->note != NULL)
    g_string_append_printf (out, "  (%s)\n", table->note);
}

int
cli_command_ko41b (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quarter = NULL, *format = NULL, *text = NULL, *period = NULL;
  g_autoptr(GString) out = NULL;
  GDate from, to;
  int year = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The financial year from 1 April YYYY to 31 March the year after"), N_("YYYY") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter,
      N_("A quarter of the financial year: 2025-Q1 is April to June 2025, 2025-Q4 January to "
         "March 2026"), N_("YYYY-Qn") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or csv"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the KO41(b) figures of written complaints"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("ko41b needs exactly one FILE"));
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "csv") != 0)
    return cli_fail (_("--format must be text or csv, not “%s”."), format);
  if (year != 0 && quarter != NULL)
    return cli_fail (_("Give either --year or --quarter, not both."));
  if (year == 0 && quarter == NULL)
    return cli_fail (_("Give the period: --year YYYY or --quarter YYYY-Qn."));
  if (year != 0 && !cli_financial_year (year, &from, &to, &status))
    return status;
  if (quarter != NULL && !heed_review_parse_quarter (quarter, &from, &to))
    return cli_fail (_("--quarter must be written YYYY-Qn, such as 2025-Q1 (April to June "
                       "2025), not “%s”."),
                     quarter);

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  figures = heed_report_figures_compute_ko41b (store, &from, &to, &error);
  if (figures == NULL)
    return cli_fail_error (error);

  if (g_strcmp0 (format, "csv") == 0)
    {
      text = heed_report_figures_to_csv (figures);
      fputs (text, stdout);
    }
  else
    {
      out = g_string_new (NULL);
      period = heed_report_figures_dup_period_text (figures);
      g_string_append_printf (out, "%s\n%s\n%s\n", heed_report_figures_get_title (figures),
                              heed_report_figures_get_practice (figures), period);
      for (guint i = 0; i < heed_report_figures_get_n_tables (figures); i++)
        print_table_text (figures, heed_report_figures_get_table (figures, i), out);
      fputs (out->str, stdout);
    }
  if (fflush (stdout) != 0)
    return cli_fail (_("The figures could not be written out."));
  return EXIT_OK;
}
