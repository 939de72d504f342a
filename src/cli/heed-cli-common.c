/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "heed-cli-common.h"
#include "heed-location.h"
#include "heed-safe-output.h"
#include "heed-validate.h"

/* Characters that would act on a terminal rather than show: C0 controls, DEL, the C1 set
 * (whose CSI, U+009B, some terminals take as ESC [), and the direction marks and overrides
 * that make text read in an order other than the one it is stored in. */
static gboolean
is_terminal_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
}

char *
cli_dup_printable (const char *text,
                   const char *indent)
{
  GString *out;
  const char *p;
  const char *stop;

  if (text == NULL)
    return NULL;
  stop = text + strlen (text);
  out = g_string_sized_new ((gsize) (stop - text) + 8);
  for (p = text; *p != '\0';)
    {
      const char *end = NULL;
      gunichar c;

      if (!g_utf8_validate (p, MIN (stop - p, 4), &end) && end == p)
        {
          /* A byte that is not UTF-8. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (indent != NULL && c == '\n')
        {
          g_string_append_c (out, '\n');
          g_string_append (out, indent);
        }
      else if (indent != NULL && (c == '\t' || (c == '\r' && p[1] == '\n')))
        {
          if (c == '\t')
            g_string_append_c (out, '\t');
        }
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x100 && is_terminal_control (c))
        g_string_append_printf (out, "\\x%02x", (guint) c);
      else if (is_terminal_control (c))
        g_string_append_printf (out, "\\u%04x", (guint) c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

int G_GNUC_PRINTF (1, 2)
cli_fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line, whatever the message holds; a value from the file it names cannot act on the
   * terminal. */
  g_strdelimit (message, "\n\r", ' ');
  printable = cli_dup_printable (message, NULL);
  fprintf (stderr, "heed-cli: %s\n", printable);
  return EXIT_FAILED;
}

int
cli_fail_error (const GError *error)
{
  return cli_fail ("%s", error->message);
}

int G_GNUC_PRINTF (2, 3)
cli_usage_error (GOptionContext *context,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (message, "\n\r", ' ');
  printable = cli_dup_printable (message, NULL);
  /* Translators: %s is what was wrong with the command line */
  fprintf (stderr, _("heed-cli: %s (see --help)\n"), printable);
  return EXIT_USAGE;
}

/* Parses @argv for one command. Returns FALSE with the exit code in @status on --help or bad
 * options; the positional arguments are left in @argv. */
gboolean
cli_parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cli_usage_error (context, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_parse_date_option (const char *name,
                   const char *text,
                   GDate      *date,
                   int        *status)
{
  g_date_clear (date, 1);
  if (text == NULL)
    return TRUE;
  if (!heed_date_from_iso (text, date))
    {
      *status = cli_fail (_("%s must be a date written YYYY-MM-DD, such as 2025-06-03, not “%s”."),
                      name, text);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_parse_nation_option (const char *text,
                     HeedNation *nation,
                     int        *status)
{
  if (text == NULL)
    {
      *nation = HEED_NATION_ENGLAND;
      return TRUE;
    }
  if (!heed_nation_from_id (text, nation))
    {
      *status = cli_fail (_("--nation must be england, wales, scotland or northern-ireland, not "
                        "“%s”."),
                      text);
      return FALSE;
    }
  return TRUE;
}

gboolean
cli_parse_type_option (const char  *text,
                       const char **type,
                       int         *status)
{
  if (text == NULL || strcmp (text, "gp") == 0)
    {
      *type = "gp";
      return TRUE;
    }
  if (strcmp (text, "dental") == 0)
    {
      *type = "dental";
      return TRUE;
    }
  *status = cli_fail (_("--type must be gp or dental, not “%s”."), text);
  return FALSE;
}

char *
cli_dup_location_display (const char *where)
{
  g_autoptr(HeedLocation) location = heed_location_parse (where, NULL);

  if (location == NULL)
    return cli_dup_printable (where, NULL);
  return heed_location_dup_display (location);
}

HeedStore *
cli_open_store (const char         *path,
            HeedStoreOpenFlags  flags,
            int                *status)
{
  g_autoptr(GError) error = NULL;
  HeedStore *store;

  store = heed_store_open (path, flags, &error);
  if (store == NULL)
    *status = cli_fail_error (error);
  else
    {
      g_autofree char *anchors = heed_anchor_log_dup_default ();

      heed_store_set_staff_name (store, "heed-cli");
      /* A writing command leaves the trail's head in the anchor log when it closes. */
      heed_store_set_anchor_log (store, anchors);
    }
  return store;
}

/* Refuses, before any work is done, an output Heed would never write (a practice file, its
 * journal or lock, a link, a device, a pipe, a folder). The write itself checks again. */
gboolean
cli_check_output (const char *path,
                  int        *status)
{
  g_autoptr(GError) error = NULL;

  if (!heed_safe_output_check_target (path, HEED_SAFE_OUTPUT_DEFAULT, &error))
    {
      *status = cli_fail_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Whatever went to standard output must have reached it: a full disk or a closed pipe behind
 * it is a failure, not a success. */
int
cli_finish_stdout (int status)
{
  /* -1: a write failed earlier and its reason is gone. */
  int failed = fflush (stdout) != 0 ? errno : 0;

  if (failed == 0 && ferror (stdout))
    failed = -1;
  if (fclose (stdout) != 0 && failed == 0)
    failed = errno != 0 ? errno : -1;
  /* A command that failed has already said why, in its own line. */
  if (failed == 0 || status != EXIT_OK)
    return status;
  if (failed < 0)
    return cli_fail (_("Could not write everything to standard output: the disk may be full, "
                       "or what reads it stopped."));
  /* Translators: %s says why, such as "No space left on device" */
  return cli_fail (_("Could not write to standard output: %s."), g_strerror (failed));
}

/* The financial year YYYY runs from 1 April YYYY to 31 March YYYY+1. */
gboolean
cli_financial_year (int    year,
                GDate *from,
                GDate *to,
                int   *status)
{
  if (year < 1900 || year > 2200)
    {
      *status = cli_fail (_("--year must be a year such as 2025, not %d."), year);
      return FALSE;
    }
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, G_DATE_APRIL, year);
  g_date_set_dmy (to, 31, G_DATE_MARCH, year + 1);
  return TRUE;
}

void
cli_set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}


/* Commands of the contract that a later version provides. */

int
cli_command_not_yet (const char  *name,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  int status = EXIT_OK;

  g_option_context_set_ignore_unknown_options (context, TRUE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  return cli_fail (_("“%s” is not available in this version of Heed yet."), name);
}

