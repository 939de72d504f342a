/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "heed-cli-common.h"
#include "heed-email.h"
#include "heed-intake.h"
#include "heed-table-import.h"

/* add: one piece of feedback from a script (a practice's web form, a test), checked as the
 * window's form checks it. */

/* The option a problem is about: the intake's field names are the options' own. */
static int
fail_with_problem (const HeedProblem *problem)
{
  static const char *const options[] = {
    "kind", "channel", "received", "summary", "title", "first-name", "surname", "phone",
    "email", "what-happened", "wants", NULL
  };

  if (g_strv_contains (options, problem->field))
    return cli_fail ("--%s: %s", problem->field, problem->message);
  return cli_fail ("%s", problem->message);
}

static void
take_option (char **slot,
             char  *value)
{
  if (value != NULL)
    {
      g_free (*slot);
      *slot = value;
    }
}

int
cli_command_add (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedIntake) intake = heed_intake_new ();
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  char *kind = NULL, *channel = NULL, *received = NULL, *summary = NULL, *title = NULL;
  char *first_name = NULL, *surname = NULL, *phone = NULL, *email = NULL;
  char *what_happened = NULL, *wants = NULL;
  g_autofree char *from_email = NULL;
  g_autofree char *care = NULL;
  g_autofree char *handler = NULL;
  gboolean confidential = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("complaint, concern, comment or compliment"), N_("KIND") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("How it came in: in-person, phone, letter, email, online-form, video-call, advocate, "
         "commissioner or mp"), N_("CHANNEL") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("When it was received (default: now)"), N_("YYYY-MM-DDTHH:MM") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, N_("A line saying what it is about"),
      N_("TEXT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Their title (Mrs, Mr, Dr…)"), N_("T") },
    { "first-name", 0, 0, G_OPTION_ARG_STRING, &first_name, N_("Their first name"), N_("F") },
    { "surname", 0, 0, G_OPTION_ARG_STRING, &surname, N_("Their surname"), N_("S") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Their phone number"), N_("P") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Their email address"), N_("E") },
    { "what-happened", 0, 0, G_OPTION_ARG_STRING, &what_happened,
      N_("What happened, in their words"), N_("TEXT") },
    { "wants", 0, 0, G_OPTION_ARG_STRING, &wants, N_("What they would like to happen"),
      N_("TEXT") },
    { "care", 0, 0, G_OPTION_ARG_STRING, &care,
      N_("nhs (default) or private: private care goes to the Dental Complaints Service or "
         "ISCAS, not the Ombudsman, and is left out of the KO41(b)"), N_("CARE") },
    { "handler", 0, 0, G_OPTION_ARG_STRING, &handler,
      N_("The member of staff who handles it (their id)"), N_("ID") },
    { "confidential", 0, 0, G_OPTION_ARG_NONE, &confidential,
      N_("Confidential: on a server, only managers and its handler see it"), NULL },
    { "from-email", 0, 0, G_OPTION_ARG_FILENAME, &from_email,
      N_("Make it from an email message (.eml), kept with the case; the options above "
         "override what the message says"), N_("MESSAGE.eml") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — log one piece of feedback; prints its reference"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    goto out;
  if (argc != 2)
    {
      status = cli_usage_error (context, _("add needs exactly one FILE"));
      goto out;
    }
  if (from_email != NULL)
    {
      g_autoptr(HeedEmail) message = heed_email_read (from_email, &error);

      if (message == NULL)
        {
          status = cli_fail (_("Nothing was added: %s"), error->message);
          goto out;
        }
      heed_email_fill_intake (message, intake);
    }
  else if (kind == NULL || channel == NULL || summary == NULL)
    {
      status = cli_usage_error (context, _("add needs --kind, --channel and --summary"));
      goto out;
    }

  take_option (&intake->kind, g_steal_pointer (&kind));
  take_option (&intake->channel, g_steal_pointer (&channel));
  take_option (&intake->received, g_steal_pointer (&received));
  take_option (&intake->summary, g_steal_pointer (&summary));
  take_option (&intake->title, g_steal_pointer (&title));
  take_option (&intake->first_name, g_steal_pointer (&first_name));
  take_option (&intake->last_name, g_steal_pointer (&surname));
  take_option (&intake->phone, g_steal_pointer (&phone));
  take_option (&intake->email, g_steal_pointer (&email));
  take_option (&intake->what_happened, g_steal_pointer (&what_happened));
  take_option (&intake->outcome_wanted, g_steal_pointer (&wants));
  if (care != NULL)
    {
      if (strcmp (care, "nhs") != 0 && strcmp (care, "private") != 0)
        {
          status = cli_fail (_("--care must be nhs or private, not “%s”."), care);
          goto out;
        }
      heed_intake_add_case_value (intake, "care", care);
    }
  if (handler != NULL)
    {
      guint64 id = 0;

      if (!g_ascii_string_to_unsigned (handler, 10, 1, G_MAXINT64, &id, NULL))
        {
          status = cli_fail (_("--handler: “%s” is not a staff member’s id (a whole number)."),
                             handler);
          goto out;
        }
      heed_intake_add_case_value (intake, "handler", handler);
    }
  if (confidential)
    heed_intake_add_case_value (intake, "confidential", "true");

  /* Checked before the file is opened, so bad input never touches it. */
  problems = heed_intake_validate (intake, NULL);
  if (problems->len > 0)
    {
      status = fail_with_problem (g_ptr_array_index (problems, 0));
      goto out;
    }

  store = cli_open_store (argv[1], HEED_STORE_OPEN_DEFAULT, &status);
  if (store == NULL)
    goto out;
  heed_store_set_staff_name (store, "heed-cli add");
  kase = heed_intake_save (intake, store, &error);
  if (kase == NULL)
    {
      status = cli_fail_error (error);
      goto out;
    }
  g_print ("%s\n", heed_case_get_reference (kase));
  status = EXIT_OK;

out:
  g_free (kind);
  g_free (channel);
  g_free (received);
  g_free (summary);
  g_free (title);
  g_free (first_name);
  g_free (surname);
  g_free (phone);
  g_free (email);
  g_free (what_happened);
  g_free (wants);
  return status;
}

/* import-table: a practice's old spreadsheet log. */

static void
print_rows (GPtrArray *rows,
            gboolean   dry_run)
{
  for (guint i = 0; i < rows->len; i++)
    {
      HeedImportRow *row = g_ptr_array_index (rows, i);

      if (row->intake == NULL)
        {
          /* Blank rows say nothing. */
          if (!row->blank && row->left_out != NULL)
            g_print (_("Row %u: left out (%s)\n"), row->row, row->left_out);
          continue;
        }
      if (row->problems->len > 0)
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (row->problems, NULL);
          joined = g_strjoinv (" ", (char **) row->problems->pdata);
          g_ptr_array_remove_index (row->problems, row->problems->len - 1);
          g_print (_("Row %u: not imported: %s\n"), row->row, joined);
        }
      else if (dry_run)
        {
          g_autofree char *line = heed_import_row_describe (row, FALSE);

          g_print (_("Row %u: %s\n"), row->row, line);
        }
    }
}

int
cli_command_import_table (int    argc,
                          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedTableImport) import = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean dry_run = FALSE, skip_bad_rows = FALSE;
  guint n_imported = 0, n_bad = 0, n_good = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet to read (default: the first)"),
      N_("NAME") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Read the column with this heading as this field (“ignore” leaves it out); may be "
         "given again"), N_("HEADING=FIELD") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Print what each row would become, and change nothing"), NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
      N_("Import the good rows and report the others, instead of importing nothing"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE SHEET.csv|.xlsx|.ods — import a spreadsheet log of "
                                    "complaints, all or nothing"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Fields: reference, received, kind, channel, name, title, "
                                      "first-name, surname, phone, email, postcode, nhs-number, "
                                      "summary, what-happened, wants, subject, incident-date, "
                                      "acknowledged, responded, closed, status, outcome, "
                                      "apology, lessons. Without a kind column every row is a "
                                      "complaint; without a channel column, a letter."));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error (context, _("import-table needs a FILE and a SHEET file"));

  import = heed_table_import_new (argv[2], &error);
  if (import == NULL)
    return cli_fail (_("Nothing was imported: %s"), error->message);
  if (sheet != NULL && !heed_table_import_set_sheet (import, sheet, &error))
    return cli_fail (_("Nothing was imported: %s"), error->message);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!heed_table_import_map (import, maps[i], &error))
      return cli_fail (_("Nothing was imported: %s"), error->message);
  if (heed_table_import_get_heading_row (import) == 0)
    return cli_fail (_("Nothing was imported: the sheet “%s” is empty."),
                     heed_table_import_get_sheet (import));

  store = cli_open_store (argv[1], dry_run ? HEED_STORE_OPEN_READ_ONLY : HEED_STORE_OPEN_DEFAULT,
                          &status);
  if (store == NULL)
    return status;
  heed_store_set_staff_name (store, "heed-cli import-table");

  if (dry_run)
    {
      g_autoptr(GString) columns = g_string_new (NULL);

      for (guint c = 0; c < heed_table_import_get_n_columns (import); c++)
        {
          const char *heading = heed_table_import_get_heading (import, c);
          const char *field = heed_table_import_get_field (import, c);

          if (heading[0] == '\0' && field == NULL)
            continue;
          g_string_append_printf (columns, "%s“%s” → %s", columns->len > 0 ? ", " : "", heading,
                                  field != NULL ? field : _("not imported"));
        }
      g_print (_("Sheet “%s”, headings on row %u: %s\n"), heed_table_import_get_sheet (import),
               heed_table_import_get_heading_row (import), columns->str);
      rows = heed_table_import_check (import, store);
      print_rows (rows, TRUE);
      for (guint i = 0; i < rows->len; i++)
        {
          HeedImportRow *row = g_ptr_array_index (rows, i);

          if (row->intake != NULL)
            {
              if (row->problems->len > 0)
                n_bad++;
              else
                n_good++;
            }
        }
      g_print (g_dngettext (GETTEXT_PACKAGE, "Would import %u case", "Would import %u cases",
                            n_good),
               n_good);
      g_print (g_dngettext (GETTEXT_PACKAGE, "; %u row has problems.\n",
                            "; %u rows have problems.\n", n_bad),
               n_bad);
      if (n_bad > 0 && !skip_bad_rows)
        return cli_fail (_("As it is, nothing would be imported: put the rows right, or use "
                           "--skip-bad-rows."));
      if (n_good == 0)
        return cli_fail (_("There is nothing to import."));
      return EXIT_OK;
    }

  if (!heed_table_import_save (import, store, skip_bad_rows, &rows, &n_imported, &error))
    return cli_fail (_("Nothing was imported: %s"), error->message);
  print_rows (rows, FALSE);
  {
    gint64 total = heed_store_count_cases (store, NULL, NULL);

    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u case from %s; ",
                          "Imported %u cases from %s; ", n_imported),
             n_imported, heed_table_import_get_source_name (import));
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s now holds %lld case.\n",
                          "%s now holds %lld cases.\n", (gulong) total),
             argv[1], (long long) total);
  }
  return EXIT_OK;
}
