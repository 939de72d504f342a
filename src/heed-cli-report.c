/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "heed-cli-common.h"
#include "heed-report-figures.h"
#include "heed-report-export.h"

/* report */

int
cli_command_report (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL, *to_text = NULL, *format = NULL, *output = NULL;
  g_autofree char *today_text = NULL;
  HeedReportFormat report_format;
  GDate from, to, today;
  int year = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("The financial year from 1 April YYYY to 31 March the year after"), N_("YYYY") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf, html or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file"), N_("OUT") },
    { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &today_text,
      N_("Count deadlines as of this day"), N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the annual report, or any period’s"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("report needs exactly one FILE"));
  if (format == NULL)
    return cli_usage_error (context, _("report needs --format pdf, html or csv"));
  if (!heed_report_format_from_id (format, &report_format))
    return cli_fail (_("--format must be pdf, html or csv, not “%s”."), format);
  if (output == NULL || output[0] == '\0')
    return cli_usage_error (context, _("report needs -o OUT"));
  if (year != 0 && (from_text != NULL || to_text != NULL))
    return cli_fail (_("Give either --year or --from and --to, not both."));
  if (year == 0 && (from_text == NULL || to_text == NULL))
    return cli_fail (_("Give the period: --year YYYY, or both --from and --to."));
  if (year != 0)
    {
      if (!cli_financial_year (year, &from, &to, &status))
        return status;
    }
  else if (!cli_parse_date_option ("--from", from_text, &from, &status)
           || !cli_parse_date_option ("--to", to_text, &to, &status))
    return status;
  if (g_date_compare (&from, &to) > 0)
    return cli_fail (_("--from is after --to: the period would have no days."));
  if (!cli_parse_date_option ("--today", today_text, &today, &status))
    return status;

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  figures = heed_report_figures_compute (store, &from, &to, g_date_valid (&today) ? &today : NULL,
                                         &error);
  if (figures == NULL || !heed_report_save (figures, report_format, output, &error))
    return cli_fail_error (error);
  return EXIT_OK;
}

/* ko41b */

/* "2025-Q1" is April to June 2025: the quarters of the financial year. */
static gboolean
parse_quarter (const char *text,
               GDate      *from,
               GDate      *to)
{
  guint64 year = 0, quarter = 0;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "-", 2);
  if (g_strv_length (parts) != 2 || strlen (parts[0]) != 4
      || (parts[1][0] != 'Q' && parts[1][0] != 'q')
      || !g_ascii_string_to_unsigned (parts[0], 10, 1900, 2200, &year, NULL)
      || !g_ascii_string_to_unsigned (parts[1] + 1, 10, 1, 4, &quarter, NULL))
    return FALSE;
  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, G_DATE_APRIL, (GDateYear) year);
  g_date_add_months (from, (guint) (quarter - 1) * 3);
  *to = *from;
  g_date_add_months (to, 3);
  g_date_subtract_days (to, 1);
  return TRUE;
}

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
  if (quarter != NULL && !parse_quarter (quarter, &from, &to))
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
