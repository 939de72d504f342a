/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-cli-common.h"
#include "heed-publicity.h"

int
cli_command_publicity (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *kind_id = NULL;
  g_autofree char *size_id = NULL;
  gboolean large_print = FALSE;
  HeedPublicityKind kind;
  HeedPaper paper = HEED_PAPER_A4;
  guint n_pages;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_id,
      N_("What to print: form, poster or leaflet"), N_("KIND") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_id, N_("Paper: a4 (default) or a3 (poster only)"),
      N_("SIZE") },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print, N_("Large print (16 pt or more)"),
      NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF here"),
      N_("OUT.pdf") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — the practice’s complaint form, poster or leaflet "
                                    "as PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("publicity needs one practice FILE"));
  if (kind_id == NULL)
    return cli_usage_error (context, _("publicity needs --kind form, poster or leaflet"));
  if (!heed_publicity_kind_from_id (kind_id, &kind))
    return cli_usage_error (context, _("--kind must be form, poster or leaflet, not “%s”"),
                            kind_id);
  if (size_id != NULL && !heed_paper_from_id (size_id, &paper))
    return cli_usage_error (context, _("--size must be a4 or a3, not “%s”"), size_id);
  if (paper == HEED_PAPER_A3 && kind != HEED_PUBLICITY_POSTER)
    return cli_usage_error (context, _("only the poster comes in A3; print the %s on A4"),
                            kind_id);
  if (output == NULL || *output == '\0')
    return cli_usage_error (context, _("publicity needs -o OUT.pdf"));
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return cli_fail (_("“%s” is a folder; give the name of the PDF to write."), output);
  if (!cli_check_output (output, &status))
    return status;

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  flow = heed_publicity_new_flow (store, kind, paper, large_print, HEED_LANGUAGE_INTERFACE,
                                  &error);
  if (flow == NULL)
    return cli_fail_error (error);
  n_pages = heed_page_flow_get_n_pages (flow);
  if (!heed_page_flow_write_pdf (flow, output, &error))
    return cli_fail_error (error);

  g_print (ngettext ("Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", n_pages), output,
           n_pages);
  return EXIT_OK;
}
