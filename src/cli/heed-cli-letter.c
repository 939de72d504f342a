/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "heed-cli-common.h"
#include "heed-letter-layout.h"
#include "heed-letter-template.h"
#include "heed-merged-letter.h"
#include "heed-validate.h"

/* --set NAME=TEXT, repeated: the free-text parts of a template. */
static GHashTable *
parse_free_texts (char **settings,
                  int   *status)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; settings != NULL && settings[i] != NULL; i++)
    {
      const char *equals = strchr (settings[i], '=');

      if (equals == NULL || equals == settings[i])
        {
          *status = cli_fail (_("--set must be written NAME=TEXT, such as --set "
                                "delay-reason=\"We are waiting for a report\", not “%s”."),
                              settings[i]);
          return NULL;
        }
      g_hash_table_insert (texts, g_strndup (settings[i], equals - settings[i]),
                           g_strdup (equals + 1));
    }
  return g_steal_pointer (&texts);
}

int
cli_command_letter (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;
  g_autoptr(HeedMergedLetter) letter = NULL;
  g_autoptr(HeedPerson) recipient = NULL;
  g_autofree char *needs = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GHashTable) free_texts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) settings = NULL;
  gboolean large_print = FALSE;
  const char *const *missing;
  GDate date;
  guint n_pages;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF here"),
      N_("OUT.pdf") },
    { "large-print", 0, 0, G_OPTION_ARG_NONE, &large_print, N_("Large print (16 pt)"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The letter’s date (default today)"),
      N_("DATE") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &settings,
      N_("Fill in one of the template’s free-text parts"), N_("NAME=TEXT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE REF TEMPLATE — a letter as PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Built-in templates: acknowledgement, consent-request, "
                                      "holding, final-response, compliment-thanks, "
                                      "you-said-we-did."));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return cli_usage_error (context, _("letter needs a FILE, a case reference and a TEMPLATE"));
  if (output == NULL || *output == '\0')
    return cli_usage_error (context, _("letter needs -o OUT.pdf"));
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return cli_fail (_("“%s” is a folder; give the name of the PDF to write."), output);
  if (!cli_check_output (output, &status))
    return status;
  if (!cli_parse_date_option ("--date", date_text, &date, &status))
    return status;
  free_texts = parse_free_texts (settings, &status);
  if (free_texts == NULL)
    return status;

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  kase = heed_store_find_case (store, argv[2], &error);
  if (kase == NULL)
    return cli_fail_error (error);
  template = heed_letter_template_load (store, argv[3], &error);
  if (template == NULL)
    return cli_fail_error (error);
  /* The letter comes out as the person it goes to asked: in Welsh, in large print. */
  recipient = heed_merged_letter_find_recipient (store, template,
                                                 heed_record_get_id (HEED_RECORD (kase)), NULL);
  if (recipient != NULL)
    {
      HeedLanguage language = heed_language_resolve (heed_person_get_letter_language (recipient));

      if (language != heed_letter_template_get_language (template))
        {
          g_clear_object (&template);
          template = heed_letter_template_load_in (store, argv[3], language, &error);
          if (template == NULL)
            return cli_fail_error (error);
        }
      large_print = large_print || heed_person_needs_large_print (recipient);
      needs = heed_person_dup_needs (recipient);
    }

  letter = heed_merged_letter_new (store, template, heed_record_get_id (HEED_RECORD (kase)),
                                   free_texts, g_date_valid (&date) ? &date : NULL, &error);
  if (letter == NULL)
    return cli_fail_error (error);

  flow = heed_letter_layout_new (letter, large_print);
  n_pages = heed_page_flow_layout (flow);
  if (!heed_page_flow_write_pdf (flow, output, &error))
    return cli_fail_error (error);

  g_print (ngettext ("Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", n_pages), output,
           n_pages);
  if (needs != NULL)
    fprintf (stderr, _("heed-cli: note: the person this letter is to has asked for: %s.\n"),
             needs);
  missing = heed_merged_letter_get_missing (letter);
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("; ", (char **) missing);

      fprintf (stderr, _("heed-cli: note: the letter shows placeholders for what the practice "
                         "file does not have: %s.\n"), list);
    }
  return EXIT_OK;
}
