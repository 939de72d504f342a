/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "heed-cli-common.h"
#include "heed-store-duties.h"

/* grant, revoke, duties: who may do what in a practice on a server. */

static const char *const file_refusal =
  N_("A practice file has no duties: the computer’s account is the only gate to it. Duties are "
     "given on a practice server.");

/* The practice, on a server; NULL (with *status) for a file or a failure. The file's refusal
 * comes before anything is opened, as it is decided by the location alone. */
static HeedStore *
open_server (const char *where, int *status)
{
  g_autoptr(HeedLocation) location = NULL;
  g_autoptr(HeedStore) store = NULL;

  location = heed_location_parse (where, NULL);
  if (location != NULL && !heed_location_is_server (location))
    {
      *status = cli_fail ("%s", _(file_refusal));
      return NULL;
    }
  store = cli_open_store (where, HEED_STORE_OPEN_DEFAULT, status);
  if (store != NULL && !heed_store_is_on_server (store))
    {
      *status = cli_fail ("%s", _(file_refusal));
      return NULL;
    }
  return g_steal_pointer (&store);
}

static gboolean
parse_duty (const char *text, HeedDuties *duty, int *status)
{
  if (heed_duty_from_id (text, duty))
    return TRUE;
  *status = cli_fail (_("“%s” is not a duty: give reception, handler, manager or reader."), text);
  return FALSE;
}

int
cli_command_grant (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *staff_text = NULL;
  gint64           staff_id = 0;
  HeedDuties       duty = HEED_DUTY_NONE;
  int              status = EXIT_OK;
  GOptionEntry     entries[] = {
        { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text,
          N_("The member of staff who signs in as ROLE (their id; a handler needs one)"), N_("ID") },
          { NULL } };

  context = g_option_context_new (_("LOCATION ROLE reception|handler|manager|reader — give a "
                                    "server role a duty"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return cli_usage_error (context, _("grant needs a LOCATION, a ROLE and a DUTY"));
  if (!parse_duty (argv[3], &duty, &status))
    return status;
  if (staff_text != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (staff_text, 10, 1, G_MAXINT64, &value, NULL))
        return cli_fail (_("--staff: “%s” is not a staff member’s id (a whole number)."),
                            staff_text);
      staff_id = (gint64) value;
    }

  store = open_server (argv[1], &status);
  if (store == NULL)
    return status;
  if (!heed_store_grant_duty (store, argv[2], duty, staff_id, &error))
    return cli_fail (_("Nothing was changed: %s"), error->message);
  g_print (_("%s now has the %s duty.\n"), argv[2], heed_duty_get_id (duty));
  return EXIT_OK;
}

int
cli_command_revoke (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HeedDuties duty = HEED_DUTY_NONE;
  int        status = EXIT_OK;

  context = g_option_context_new (_("LOCATION ROLE [DUTY] — take a duty (or every duty) away"));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3 && argc != 4)
    return cli_usage_error (context, _("revoke needs a LOCATION and a ROLE, and may name a DUTY"));
  if (argc == 4 && !parse_duty (argv[3], &duty, &status))
    return status;

  store = open_server (argv[1], &status);
  if (store == NULL)
    return status;
  if (!heed_store_revoke_duty (store, argv[2], duty, &error))
    return cli_fail (_("Nothing was changed: %s"), error->message);
  if (duty == HEED_DUTY_NONE)
    g_print (_("%s has no duty now.\n"), argv[2]);
  else
    g_print (_("%s no longer has the %s duty.\n"), argv[2], heed_duty_get_id (duty));
  return EXIT_OK;
}

int
cli_command_duties (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holders = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("LOCATION — who has which duty"));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("duties needs exactly one LOCATION"));

  store = open_server (argv[1], &status);
  if (store == NULL)
    return status;
  holders = heed_store_list_duties (store, &error);
  if (holders == NULL)
    return cli_fail_error (error);
  /* role <tab> duties <tab> staff id <tab> staff name: one line each, for scripts too. */
  for (guint i = 0; i < holders->len; i++)
    {
      HeedDutyHolder  *holder = g_ptr_array_index (holders, i);
      g_autofree char *ids = heed_duties_dup_ids (holder->duties);
      g_autofree char *role = cli_dup_printable (holder->role, NULL);
      g_autofree char *name = cli_dup_printable (holder->staff_name, NULL);

      if (holder->staff_id > 0)
        g_print ("%s\t%s\t%lld\t%s\n", role, ids, (long long) holder->staff_id, name);
      else
        g_print ("%s\t%s\t\t\n", role, ids);
    }
  if (holders->len == 0)
    g_printerr ("%s\n", _("Nobody has a duty in this practice yet (heed-cli grant gives one)."));
  return EXIT_OK;
}
