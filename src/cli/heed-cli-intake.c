/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "heed-cli-common.h"
#include "heed-intake.h"

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
      status = cli_fail (_("--from-email is not ready yet."));
      goto out;
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
