/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-cli-common.h"
#include "heed-timeline-data.h"
#include "heed-timeline-print.h"

/* heed-cli timeline FILE [REF] -o OUT.pdf|OUT.png [--from DATE --to DATE] [--dark]
 * [--closed] [--today DATE]: a case's timeline, or the practice's open cases. */

int
cli_command_timeline (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedTimelineData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *lower = NULL;
  gboolean dark = FALSE;
  gboolean closed = FALSE;
  gboolean pdf;
  GDate from, to, today;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file: .pdf to print, .png for a picture"), N_("OUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("Show from this date"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Show up to this date"), N_("DATE") },
    { "closed", 0, 0, G_OPTION_ARG_NONE, &closed,
      N_("The practice's timeline also shows cases closed in the period"), NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Draw a picture in dark colours"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Count deadlines as of this date rather than today"), N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE [REF] -o OUT.pdf|OUT.png — a case's timeline, or "
                                    "the practice's"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2 && argc != 3)
    return cli_usage_error (context, _("timeline needs a FILE, and a case reference for one "
                                       "case's timeline"));
  if (output == NULL)
    return cli_usage_error (context, _("timeline needs -o OUT.pdf or -o OUT.png"));
  lower = g_ascii_strdown (output, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    pdf = TRUE;
  else if (g_str_has_suffix (lower, ".png"))
    pdf = FALSE;
  else
    return cli_usage_error (context, _("-o must name a .pdf or .png file, not “%s”"), output);
  if (!cli_check_output (output, &status))
    return status;
  if (!cli_parse_date_option ("--from", from_text, &from, &status)
      || !cli_parse_date_option ("--to", to_text, &to, &status)
      || !cli_parse_date_option ("--today", today_text, &today, &status))
    return status;
  if (g_date_valid (&from) != g_date_valid (&to))
    return cli_usage_error (context, _("--from and --to go together: give both or neither"));
  if (g_date_valid (&from) && g_date_compare (&from, &to) > 0)
    return cli_usage_error (context, _("--from is after --to"));
  if (closed && argc == 3)
    return cli_usage_error (context, _("--closed is for the practice's timeline, not a case's"));
  if (closed && !g_date_valid (&from))
    return cli_usage_error (context, _("--closed needs the period: --from and --to"));
  if (dark && pdf)
    return cli_usage_error (context, _("--dark is for a .png picture; a PDF is printed on white"));
  if (!g_date_valid (&today))
    cli_set_today (&today);

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  if (argc == 3)
    {
      g_autoptr(HeedCase) kase = heed_store_find_case (store, argv[2], &error);

      if (kase == NULL)
        return cli_fail_error (error);
      data = heed_timeline_data_load_case (store, heed_record_get_id (HEED_RECORD (kase)),
                                           &today, &error);
    }
  else
    data = heed_timeline_data_load_practice (store, NULL, closed ? &from : NULL,
                                             closed ? &to : NULL, &today, &error);
  if (data == NULL)
    return cli_fail_error (error);

  if (pdf ? !heed_timeline_write_pdf (data, &from, &to, output, &error)
          : !heed_timeline_write_png (data, &from, &to, dark, output, &error))
    return cli_fail_error (error);
  return EXIT_OK;
}
