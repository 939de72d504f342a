/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-csv.h"
#include "heed-demo.h"
#include "heed-event.h"
#include "heed-exchange.h"
#include "heed-person.h"
#include "heed-safe-output.h"
#include "heed-staff.h"
#include "heed-store.h"
#include "heed-validate.h"

/* heed-cli: Heed without a window, for scripts, scheduled backups and tests. Its commands and
 * their output formats are a public contract (DESIGN.md): add to them, never change them.
 * Every failure is one line on stderr and a non-zero exit. */

#include "heed-cli-common.h"
#include "heed-store-duties.h"

/* create */

static int
command_create (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *nation_id = NULL;
  g_autofree char *anchors = NULL;
  g_autofree char *type_id = NULL;
  const char *type;
  HeedNation nation;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The practice’s name"), N_("NAME") },
    { "nation", 0, 0, G_OPTION_ARG_STRING, &nation_id,
      N_("england, wales, scotland or northern-ireland"), N_("NATION") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_id,
      N_("gp (default) or dental: a GP or a dental practice"), N_("TYPE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — make a new, empty practice file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("create needs exactly one FILE"));
  if (name == NULL)
    return cli_usage_error (context, _("create needs --name"));
  if (nation_id == NULL)
    return cli_usage_error (context, _("create needs --nation"));
  if (!cli_parse_nation_option (nation_id, &nation, &status)
      || !cli_parse_type_option (type_id, &type, &status))
    return status;

  store = heed_store_create (argv[1], name, nation, &error);
  if (store == NULL || !heed_store_set_setting (store, "practice-type", type, &error))
    return cli_fail_error (error);
  /* On a server, the practice's duties (heed-cli grant gives them to people). An owner who
   * may not make roles still has the practice; grant sets them up later. */
  if (heed_store_is_on_server (store) && !heed_store_setup_duties (store, &error))
    {
      g_printerr (_("The practice’s duties were not set up (%s); heed-cli grant, run by a role "
                    "that may make roles, sets them up.\n"),
                  error->message);
      g_clear_error (&error);
    }
  /* The new practice's first anchor; where the log cannot be written, closing says so. */
  anchors = heed_anchor_log_dup_default ();
  heed_store_write_anchor (store, anchors, "close", NULL, NULL);
  heed_store_set_anchor_log (store, anchors);
  g_print (_("Created %s for %s (%s).\n"), argv[1], name, heed_nation_get_name (nation));
  return EXIT_OK;
}

/* demo */

static int
command_demo (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nation_id = NULL;
  g_autofree char *type_id = NULL;
  const char *type;
  HeedDemoOptions options;
  HeedNation nation;
  int cases = 300, years = 3;
  gint64 seed = 1;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &cases, N_("How many cases (default 300)"), N_("N") },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Spread over this many years (default 3)"),
      N_("Y") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The same seed gives the same practice"),
      N_("S") },
    { "nation", 0, 0, G_OPTION_ARG_STRING, &nation_id,
      N_("england (default), wales, scotland or northern-ireland"), N_("NATION") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_id,
      N_("gp (default) or dental: a GP or a dental practice"), N_("TYPE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — a practice full of realistic, fictional cases"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("demo needs exactly one FILE"));
  if (cases < 0 || cases > 1000000)
    return cli_fail (_("--cases must be between 0 and 1,000,000, not %d."), cases);
  if (years < 1 || years > 50)
    return cli_fail (_("--years must be between 1 and 50, not %d."), years);
  if (seed < 0 || seed > G_MAXUINT32)
    return cli_fail (_("--seed must be a whole number from 0 to %u."), G_MAXUINT32);
  if (!cli_parse_nation_option (nation_id, &nation, &status)
      || !cli_parse_type_option (type_id, &type, &status))
    return status;

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      store = cli_open_store (argv[1], HEED_STORE_OPEN_DEFAULT, &status);
      if (store == NULL)
        return status;
      /* A practice already made keeps its own type unless --type says otherwise. */
      if (type_id != NULL && !heed_store_set_setting (store, "practice-type", type, &error))
        return cli_fail_error (error);
    }
  else
    {
      g_autofree char *anchors = heed_anchor_log_dup_default ();

      store = heed_store_create (argv[1], strcmp (type, "dental") == 0
                                          ? "Example Lane Dental Practice"
                                          : "Example Lane Surgery", nation, &error);
      if (store == NULL || !heed_store_set_setting (store, "practice-type", type, &error))
        return cli_fail_error (error);
      heed_store_set_anchor_log (store, anchors);
    }
  heed_store_set_staff_name (store, "heed-cli demo");

  heed_demo_options_init (&options);
  options.n_cases = (guint) cases;
  options.years = (guint) years;
  options.seed = (guint32) seed;
  if (!heed_demo_fill (store, &options, &error))
    return cli_fail_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s now holds %lld case.\n",
                        "%s now holds %lld cases.\n",
                        heed_store_count_cases (store, NULL, NULL)),
           argv[1], (long long) heed_store_count_cases (store, NULL, NULL));
  return EXIT_OK;
}

/* list */

typedef struct {
  GString  *line;
  gboolean  csv;
  gboolean  terminal;
  FILE     *out;
} ListOutput;

/* heed_csv_append_cell() writes the cell; on a terminal, what could act on it is shown
 * escaped too (into a file or a pipe the data goes as it is). */
static void
csv_field (ListOutput *output,
           const char *value,
           gboolean    last)
{
  g_autofree char *printable = output->terminal ? cli_dup_printable (value, NULL) : NULL;

  heed_csv_append_cell (output->line, printable != NULL ? printable : value);
  g_string_append (output->line, last ? "\r\n" : ",");
}

static gboolean
print_row (const HeedCaseRow *row,
           gpointer           user_data)
{
  ListOutput *output = user_data;
  GString *line = output->line;

  g_string_truncate (line, 0);
  if (output->csv)
    {
      csv_field (output, row->reference, FALSE);
      csv_field (output, row->kind, FALSE);
      csv_field (output, row->channel, FALSE);
      csv_field (output, row->status, FALSE);
      csv_field (output, row->received, FALSE);
      csv_field (output, row->name, FALSE);
      csv_field (output, row->risk, FALSE);
      csv_field (output, row->subject, FALSE);
      csv_field (output, row->summary, TRUE);
    }
  else
    {
      g_autofree char *summary = NULL;
      g_autofree char *shown_summary = NULL;
      g_autofree char *reference = cli_dup_printable (row->reference, NULL);
      g_autofree char *received = cli_dup_printable (row->received, NULL);
      g_autofree char *name = cli_dup_printable (row->name != NULL ? row->name : "—", NULL);
      const char *text = row->summary != NULL ? row->summary : "";

      /* g_utf8_substring reads past the end when asked for more than there is. */
      summary = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));
      shown_summary = cli_dup_printable (summary, NULL);
      g_string_printf (line, "%-13s %.10s  %-10s %-12s %-24s %s\n", reference, received,
                       row->kind, row->status, name, shown_summary);
    }
  return fwrite (line->str, 1, line->len, output->out) == line->len;
}

static int
command_list (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL, *kind = NULL, *status_id = NULL, *from = NULL, *to = NULL;
  g_autofree char *format = NULL;
  ListOutput output = { 0 };
  int year = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Words to find (names, text, reference)"),
      N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("complaint, concern, comment or compliment"), N_("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_id,
      N_("draft, logged, acknowledged, in-progress, responded, closed, withdrawn or "
         "out-of-scope"), N_("STATUS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Received on or after"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Received on or before"), N_("DATE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year,
      N_("Received in the financial year from 1 April YYYY"), N_("YYYY") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or csv"), N_("FORMAT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — list cases, oldest first"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("list needs exactly one FILE"));
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "csv") != 0)
    return cli_fail (_("--format must be text or csv, not “%s”."), format);
  if (kind != NULL && !g_strv_contains (heed_case_kinds, kind))
    return cli_fail (_("--kind must be complaint, concern, comment or compliment, not “%s”."), kind);
  if (status_id != NULL && !g_strv_contains (heed_case_statuses, status_id))
    return cli_fail (_("--status “%s” is not a status; see --help."), status_id);
  if (search != NULL && !g_utf8_validate (search, -1, NULL))
    return cli_fail (_("--search must be text."));
  if (!cli_parse_date_option ("--from", from, &query->from, &status)
      || !cli_parse_date_option ("--to", to, &query->to, &status))
    return status;
  if (year != 0)
    {
      if (from != NULL || to != NULL)
        return cli_fail (_("Give either --year or --from/--to, not both."));
      if (!cli_financial_year (year, &query->from, &query->to, &status))
        return status;
    }
  if (g_date_valid (&query->from) && g_date_valid (&query->to)
      && g_date_compare (&query->from, &query->to) > 0)
    return cli_fail (_("--from is after --to, so no case could match."));

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  query->search = g_steal_pointer (&search);
  query->kind = g_steal_pointer (&kind);
  query->status = g_steal_pointer (&status_id);
  if (heed_case_query_finds_nothing (query))
    g_printerr (_("heed-cli: note: --search has no letter or digit to look for, so no case "
                  "matches it.\n"));

  output.csv = g_strcmp0 (format, "csv") == 0;
  output.terminal = isatty (STDOUT_FILENO);
  output.out = stdout;
  output.line = g_string_sized_new (256);
  if (output.csv)
    fputs ("reference,kind,channel,status,received,name,risk,subject,summary\r\n", stdout);
  if (!heed_store_foreach_case_row (store, query, print_row, &output, &error))
    {
      g_string_free (output.line, TRUE);
      return cli_fail_error (error);
    }
  g_string_free (output.line, TRUE);
  if (fflush (stdout) != 0)
    return cli_fail (_("The list could not be written out."));
  return EXIT_OK;
}

/* show */

static void
print_record_fields (HeedStore  *store,
                     HeedRecord *record,
                     const char *indent)
{
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (!heed_record_is_set (record, i) || fields[i].type == HEED_VALUE_ID)
        continue;
      if (fields[i].type == HEED_VALUE_BOOL && !heed_record_get_bool (record, i))
        continue;
      if (fields[i].type == HEED_VALUE_MONEY)
        value = heed_format_money (heed_record_get_int (record, i));
      else if (fields[i].type == HEED_VALUE_BOOL)
        value = g_strdup (_("yes"));
      else
        value = heed_record_dup_string (record, i);
      {
        /* A long text keeps its lines, each indented below the label, so that none of them
         * can pass for a field of its own; anything that would act on a terminal is shown
         * escaped. */
        g_autofree char *more = g_strconcat (indent, "    ", NULL);
        g_autofree char *shown = cli_dup_printable (value, (fields[i].flags & HEED_FIELD_LONG)
                                                           ? more : NULL);

        g_print ("%s%s: %s\n", indent, _(fields[i].label), shown);
      }
    }
}

static void
print_person (HeedStore  *store,
              const char *role,
              gint64      id)
{
  g_autoptr(HeedPerson) person = NULL;

  if (id <= 0)
    return;
  person = heed_store_load (store, HEED_TYPE_PERSON, id, NULL);
  if (person == NULL)
    return;
  g_print ("\n%s\n", role);
  print_record_fields (store, HEED_RECORD (person), "  ");
}

static void
print_staff (HeedStore  *store,
             const char *label,
             gint64      id)
{
  g_autoptr(HeedStaff) staff = NULL;

  if (id <= 0)
    return;
  staff = heed_store_load (store, HEED_TYPE_STAFF, id, NULL);
  if (staff != NULL)
    {
      g_autofree char *name = cli_dup_printable (heed_record_get_text (HEED_RECORD (staff),
                                                                       HEED_STAFF_NAME),
                                                 NULL);

      g_print ("%s: %s\n", label, name);
    }
}

static int
command_show (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GArray) deadlines = NULL;
  g_autoptr(HeedCaseRow) row = NULL;
  HeedRecord *record;
  HeedDeadlineFacts facts;
  GDate today;
  int status = EXIT_OK;

  context = g_option_context_new (_("FILE REF — one case, everything about it"));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error (context, _("show needs a FILE and a case reference"));

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  kase = heed_store_find_case (store, argv[2], &error);
  if (kase == NULL)
    return cli_fail_error (error);
  record = HEED_RECORD (kase);

  {
    g_autofree char *reference = cli_dup_printable (heed_case_get_reference (kase), NULL);

    g_print ("%s — %s\n", reference, heed_case_kind_get_label (heed_case_get_kind (kase)));
  }
  print_record_fields (store, record, "");
  print_staff (store, _("Taken by"), heed_record_get_int (record, HEED_CASE_RECEIVED_BY));
  print_staff (store, _("Handled by"), heed_record_get_int (record, HEED_CASE_HANDLER));
  {
    g_autofree char *risk = heed_store_dup_risk (
      store, heed_record_get_text (record, HEED_CASE_SERIOUSNESS),
      heed_record_get_text (record, HEED_CASE_LIKELIHOOD));

    g_autofree char *shown = cli_dup_printable (risk, NULL);

    if (risk != NULL)
      g_print (_("Risk at receipt: %s\n"), shown);
  }
  {
    g_autofree char *risk = heed_store_dup_risk (
      store, heed_record_get_text (record, HEED_CASE_SERIOUSNESS_AFTER),
      heed_record_get_text (record, HEED_CASE_LIKELIHOOD_AFTER));

    g_autofree char *shown = cli_dup_printable (risk, NULL);

    if (risk != NULL)
      g_print (_("Risk after investigation: %s\n"), shown);
  }
  if (!heed_record_get_bool (record, HEED_CASE_ANONYMOUS))
    {
      print_person (store, _("From"), heed_record_get_int (record, HEED_CASE_COMPLAINANT));
      print_person (store, _("Person affected"), heed_record_get_int (record, HEED_CASE_AFFECTED));
    }
  else
    g_print ("\n%s\n", _("From: anonymous"));

  row = heed_store_load_case_row (store, heed_record_get_id (record), NULL);
  if (row != NULL)
    {
      cli_set_today (&today);
      heed_case_row_get_facts (row, &facts);
      deadlines = heed_deadlines_compute (heed_store_get_calendar (store), &facts, &today);
      if (deadlines->len > 0)
        g_print ("\n%s\n", _("Deadlines"));
      for (guint i = 0; i < deadlines->len; i++)
        {
          const HeedDeadline *deadline = &g_array_index (deadlines, HeedDeadline, i);
          g_autofree char *due = heed_format_date_iso (&deadline->due);
          g_autofree char *state = heed_deadline_describe (deadline);

          g_print ("  %-20s %s  %s\n", heed_deadline_kind_get_label (deadline->kind), due, state);
        }
      if (row->awaiting_consent)
        g_print ("  %s\n", _("Awaiting consent from the person affected"));
    }

  elements = heed_store_list (store, HEED_TYPE_CASE_ELEMENT, heed_record_get_id (record), NULL);
  for (guint i = 0; elements != NULL && i < elements->len; i++)
    {
      g_print ("\n%s %u\n", _("Element"), i + 1);
      print_record_fields (store, g_ptr_array_index (elements, i), "  ");
    }

  events = heed_store_list (store, HEED_TYPE_EVENT, heed_record_get_id (record), NULL);
  if (events != NULL && events->len > 0)
    g_print ("\n%s\n", _("Timeline"));
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      HeedRecord *event = g_ptr_array_index (events, i);
      g_autofree char *when = cli_dup_printable (heed_record_get_text (event,
                                                                       HEED_EVENT_OCCURRED_AT),
                                                 NULL);
      g_autofree char *summary = cli_dup_printable (heed_record_get_text (event,
                                                                          HEED_EVENT_SUMMARY),
                                                    NULL);

      g_print ("  %.16s  %-18s %s\n", when,
               heed_event_kind_get_label (heed_record_get_text (event, HEED_EVENT_KIND)),
               summary);
    }

  actions = heed_store_list (store, HEED_TYPE_ACTION, heed_record_get_id (record), NULL);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      g_print ("\n%s %u\n", _("Action"), i + 1);
      print_record_fields (store, g_ptr_array_index (actions, i), "  ");
    }
  return EXIT_OK;
}

/* deadlines */

typedef struct {
  HeedCalendar *calendar;
  GDate         today;
  GArray       *due;      /* PendingDeadline */
} DeadlineScan;

typedef struct {
  char         *reference;
  HeedDeadline  deadline;
} PendingDeadline;

static void
pending_deadline_clear (gpointer data)
{
  g_free (((PendingDeadline *) data)->reference);
}

static gboolean
scan_deadlines (const HeedCaseRow *row,
                gpointer           user_data)
{
  DeadlineScan *scan = user_data;
  g_autoptr(GArray) deadlines = NULL;
  HeedDeadlineFacts facts;

  heed_case_row_get_facts (row, &facts);
  deadlines = heed_deadlines_compute (scan->calendar, &facts, &scan->today);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const HeedDeadline *deadline = &g_array_index (deadlines, HeedDeadline, i);
      PendingDeadline pending;

      if (g_date_valid (&deadline->done))
        continue;
      pending.reference = g_strdup (row->reference);
      pending.deadline = *deadline;
      g_array_append_val (scan->due, pending);
      /* The next one only: later deadlines of the same case are not due yet in any sense
       * that needs action today, except the six-month review which stands on its own. */
      if (deadline->kind != HEED_DEADLINE_SIX_MONTHS)
        break;
    }
  return TRUE;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingDeadline *pa = a, *pb = b;
  int cmp = g_date_compare (&pa->deadline.due, &pb->deadline.due);

  return cmp != 0 ? cmp : strcmp (pa->reference, pb->reference);
}

static int
command_deadlines (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  DeadlineScan scan = { 0 };
  guint overdue = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Count from this date, not today"),
      N_("DATE") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — what is due and overdue, soonest first"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("deadlines needs exactly one FILE"));
  if (today_text != NULL)
    {
      if (!cli_parse_date_option ("--today", today_text, &scan.today, &status))
        return status;
    }
  else
    cli_set_today (&scan.today);

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  scan.calendar = heed_store_get_calendar (store);
  scan.due = g_array_new (FALSE, FALSE, sizeof (PendingDeadline));
  g_array_set_clear_func (scan.due, pending_deadline_clear);
  query->view = HEED_CASE_VIEW_OPEN;
  query->kind = g_strdup ("complaint");
  if (!heed_store_foreach_case_row (store, query, scan_deadlines, &scan, &error))
    {
      g_array_unref (scan.due);
      return cli_fail_error (error);
    }
  g_array_sort (scan.due, compare_pending);

  for (guint i = 0; i < scan.due->len; i++)
    {
      const PendingDeadline *pending = &g_array_index (scan.due, PendingDeadline, i);
      g_autofree char *due = heed_format_date_iso (&pending->deadline.due);
      g_autofree char *state = heed_deadline_describe (&pending->deadline);

      if (pending->deadline.state == HEED_DEADLINE_OVERDUE)
        overdue++;
      g_autofree char *reference = cli_dup_printable (pending->reference, NULL);

      g_print ("%-13s %-20s %s  %s\n", reference,
               heed_deadline_kind_get_label (pending->deadline.kind), due, state);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u deadline open, %u overdue.\n",
                        "%u deadlines open, %u overdue.\n", scan.due->len),
           scan.due->len, overdue);
  g_array_unref (scan.due);
  return EXIT_OK;
}

/* workdays */

static int
command_workdays (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nation_id = NULL, *from_text = NULL, *add_text = NULL, *result_text = NULL;
  HeedNation nation;
  GDate from, result;
  gint64 add = 0;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "nation", 0, 0, G_OPTION_ARG_STRING, &nation_id,
      N_("england, wales, scotland or northern-ireland"), N_("NATION") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The day to count from"), N_("DATE") },
    { "add", 0, 0, G_OPTION_ARG_STRING, &add_text,
      N_("How many working days to add (may be negative)"), N_("N") },
    { NULL }
  };

  context = g_option_context_new (_("— the date N working days after DATE"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return cli_usage_error (context, _("workdays takes no FILE"));
  if (nation_id == NULL || from_text == NULL || add_text == NULL)
    return cli_usage_error (context, _("workdays needs --nation, --from and --add"));
  if (!cli_parse_nation_option (nation_id, &nation, &status)
      || !cli_parse_date_option ("--from", from_text, &from, &status))
    return status;
  if (!g_ascii_string_to_signed (add_text, 10, -3650, 3650, &add, NULL))
    return cli_fail (_("--add must be a whole number of working days between -3650 and 3650, "
                   "not “%s”."),
                 add_text);

  calendar = heed_calendar_new (nation);
  if (!heed_calendar_try_add_working_days (calendar, &from, (int) add, &result, &error))
    return cli_fail_error (error);
  result_text = heed_format_date_iso (&result);
  g_print ("%s\n", result_text);
  return EXIT_OK;
}

/* check */

/* Where the window keeps its backups (Preferences), when its settings are installed. */
static char *
dup_backup_folder (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *folder = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backup-folder"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  folder = g_settings_get_string (settings, "backup-folder");
  return folder[0] != '\0' ? g_steal_pointer (&folder) : NULL;
}

static int
command_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_auto(GStrv) against = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *anchors = heed_anchor_log_dup_default ();
  gboolean rebuild_index = FALSE;
  HeedCheckOptions options = { 0 };
  int status = EXIT_OK;
  gboolean ok;
  GOptionEntry entries[] = {
    { "against", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &against,
      N_("Prove the trail extends this older copy’s unchanged (may be given more than once)"),
      N_("OLDER.heed") },
    { "backups", 0, 0, G_OPTION_ARG_FILENAME, &backups,
      N_("Where this practice’s backups are, to name the newest that checks clean (default: "
         "the folder chosen in Heed’s Preferences)"),
      N_("FOLDER") },
    { "rebuild-index", 0, 0, G_OPTION_ARG_NONE, &rebuild_index,
      N_("Make the search index again from the cases first"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — check the file’s integrity and its audit trail"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("check needs exactly one FILE"));

  store = cli_open_store (argv[1], rebuild_index ? HEED_STORE_OPEN_DEFAULT
                                                 : HEED_STORE_OPEN_READ_ONLY,
                          &status);
  if (store == NULL)
    return status;
  if (rebuild_index)
    {
      if (!heed_store_rebuild_search_index (store, &error))
        return cli_fail_error (error);
      g_print (_("Rebuilt the search index of %s from its cases.\n"), argv[1]);
    }
  /* Rows a duty may not see would look removed: the whole practice is for its owner's or a
   * manager's eyes. */
  if (heed_store_is_on_server (store) && !heed_store_is_owner (store)
      && (heed_store_get_duties (store) & HEED_DUTY_MANAGER) == 0)
    {
      g_autofree char *ids = heed_duties_dup_ids (heed_store_get_duties (store));

      return cli_fail (_("Your duty (%s) does not let you check the whole practice: its owner "
                         "or a manager can."),
                       *ids != '\0' ? ids : _("none"));
    }
  options.older = (const char *const *) against;
  options.anchor_log = anchors;
  options.is_practice = TRUE;
  ok = heed_store_check_with (store, &options, report, &error);
  if (error != NULL)
    return cli_fail_error (error);
  fputs (report->str, ok ? stdout : stderr);
  if (ok && heed_store_is_on_server (store))
    {
      g_autofree char *owner = heed_store_dup_trail_owner (store, NULL);

      if (owner != NULL)
        {
          g_autofree char *printable = cli_dup_printable (owner, NULL);

          g_print (_("The audit trail belongs to %s: Heed’s duties may only add to it.\n"),
                   printable);
        }
    }
  if (!ok)
    {
      g_autofree char *clean = NULL;

      if (backups == NULL)
        backups = dup_backup_folder ();
      if (backups == NULL)
        fprintf (stderr, "%s\n",
                 _("No backup was found: no backup folder is set (give one with --backups)."));
      else if ((clean = heed_store_find_clean_backup (store, backups)) != NULL)
        fprintf (stderr, _("The newest backup that checks clean: %s\n"), clean);
      else
        fprintf (stderr, _("No backup of this practice in %s checks clean.\n"), backups);
      return cli_fail (_("%s failed its check; restore it from a backup taken before the problem."),
                   argv[1]);
    }
  return EXIT_OK;
}

/* The head of the trail in the copy just made: the anchor a backup carries. */
static void
print_head (const char *path)
{
  g_autoptr(HeedStore) copy = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, NULL);
  g_autofree char *hash = NULL;
  gint64 entry = 0;

  if (copy != NULL && heed_store_get_head (copy, &entry, &hash, NULL))
    g_print (_("Audit trail: entry %lld, SHA-256 %s\n"), (long long) entry, hash);
}

/* backup and restore */

static int
command_backup (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("FILE DEST — copy the practice file while it may be in use"));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error (context, _("backup needs a FILE and a DEST"));
  if (g_file_test (argv[2], G_FILE_TEST_EXISTS) && !g_file_test (argv[2], G_FILE_TEST_IS_DIR))
    return cli_fail (_("There is already a file at “%s”; choose a new name for the backup."),
                 argv[2]);

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  if (!heed_store_backup (store, argv[2], &error))
    return cli_fail_error (error);
  g_print (_("Backed up %s to %s and checked the copy.\n"), heed_store_get_path (store),
           argv[2]);
  print_head (argv[2]);
  return EXIT_OK;
}

/* copy: a whole practice from one location to another, a file or a server either side */

static int
command_copy (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *hash = NULL;
  gint64 entry = 0;
  int status = EXIT_OK;

  context = g_option_context_new (_("SOURCE DEST — copy a whole practice, to a server or from "
                                    "one"));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error (context, _("copy needs a SOURCE and a DEST"));

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  if (!heed_store_copy (store, argv[2], &error))
    return cli_fail_error (error);
  shown = cli_dup_location_display (argv[2]);
  g_print (_("Copied %s to %s and checked the copy.\n"), heed_store_get_path (store), shown);
  copy = heed_store_open (argv[2], HEED_STORE_OPEN_READ_ONLY, NULL);
  if (copy != NULL && heed_store_get_head (copy, &entry, &hash, NULL))
    g_print (_("Audit trail: entry %lld, SHA-256 %s\n"), (long long) entry, hash);
  return EXIT_OK;
}

static int
command_restore (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) restored = NULL;
  g_autofree char *anchors = heed_anchor_log_dup_default ();
  gboolean force = FALSE;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing practice"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("BACKUP FILE — put a backup back as the practice file"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error (context, _("restore needs a BACKUP and a FILE"));
  if (!heed_store_restore (argv[1], argv[2], force, &error))
    return cli_fail_error (error);
  /* Put in place on purpose: the anchor log is told, so what it holds beyond this copy's end
   * is set aside rather than taken for entries removed. */
  restored = heed_store_open (argv[2], HEED_STORE_OPEN_READ_ONLY, NULL);
  if (restored != NULL)
    heed_store_write_anchor (restored, anchors, "restore", NULL, NULL);
  {
    g_autofree char *shown = cli_dup_location_display (argv[2]);

    g_print (_("Restored %s from %s.\n"), shown, argv[1]);
  }
  return EXIT_OK;
}

/* export and import */

static int
command_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedSafeOutput) out = NULL;
  g_autofree char *output = NULL;
  gboolean xml = FALSE, csv = FALSE, ok;
  int status = EXIT_OK;
  GOptionEntry entries[] = {
    { "xml", 0, 0, G_OPTION_ARG_NONE, &xml, N_("Everything, as XML (for moving or archiving)"),
      NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("One row per case, for a spreadsheet"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file"), N_("OUT") },
    { NULL }
  };

  context = g_option_context_new (_("FILE — export the practice as XML or CSV"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cli_usage_error (context, _("export needs exactly one FILE"));
  if (xml == csv)
    return cli_usage_error (context, _("export needs one of --xml or --csv"));
  if (output == NULL)
    return cli_usage_error (context, _("export needs -o OUT"));
  if (!cli_check_output (output, &status))
    return status;

  store = cli_open_store (argv[1], HEED_STORE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;

  /* Written under a temporary name and moved into place whole; never over a practice. */
  out = heed_safe_output_new (output, HEED_SAFE_OUTPUT_DEFAULT, &error);
  if (out == NULL)
    return cli_fail_error (error);
  ok = xml ? heed_exchange_export_xml (store, heed_safe_output_get_stream (out), &error)
           : heed_exchange_export_csv (store, heed_safe_output_get_stream (out), &error);
  if (!ok || !heed_safe_output_commit (out, &error))
    return cli_fail_error (error);
  return EXIT_OK;
}

static int
command_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = g_option_context_new (_("FILE IN.xml — import everything in IN.xml, or nothing"));
  if (!cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return cli_usage_error (context, _("import needs a FILE and an IN.xml"));

  store = cli_open_store (argv[1], HEED_STORE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;
  if (!heed_exchange_import_xml (store, argv[2], &error))
    return cli_fail (_("Nothing was imported: %s"), error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported; %s now holds %lld case.\n",
                        "Imported; %s now holds %lld cases.\n",
                        heed_store_count_cases (store, NULL, NULL)),
           argv[1], (long long) heed_store_count_cases (store, NULL, NULL));
  return EXIT_OK;
}

static const Command commands[] = {
  { "create", "FILE --name NAME --nation NATION [--type gp|dental]", N_("Make a new, empty practice file"),
    command_create },
  { "demo", "FILE [--cases N] [--years Y] [--seed S] [--nation NATION] [--type gp|dental]",
    N_("A practice full of realistic, fictional cases"), command_demo },
  { "list", "FILE [--search TEXT] [--kind K] [--status S] [--from DATE] [--to DATE] [--year YYYY] "
    "[--format text|csv]", N_("List cases"), command_list },
  { "show", "FILE REF", N_("Everything about one case"), command_show },
  { "deadlines", "FILE [--today DATE]", N_("What is due and overdue"), command_deadlines },
  { "workdays", "--nation NATION --from DATE --add N",
    N_("The date N working days after DATE"), command_workdays },
  { "letter", "FILE REF TEMPLATE -o OUT.pdf [--large-print]", N_("A letter as PDF"),
    cli_command_letter },
  { "timeline", "FILE [REF] -o OUT.pdf|OUT.png [--from DATE --to DATE]",
    N_("A case's timeline, or the practice's"),
    cli_command_timeline },
  { "publicity", "FILE --kind form|poster|leaflet [--size a4|a3] [--large-print] -o OUT.pdf",
    N_("The practice’s complaints poster, leaflet or blank complaint form"),
    cli_command_publicity },
  { "report", "FILE (--year YYYY | --from DATE --to DATE) --format pdf|html|csv -o OUT",
    N_("The annual report, or any period’s, as PDF, web page or CSV"), cli_command_report },
  { "ko41b", "FILE (--year YYYY | --quarter YYYY-Qn) [--format csv]",
    N_("The KO41(b) figures of written complaints"), cli_command_ko41b },
  { "export", "FILE --xml|--csv -o OUT", N_("Export everything"), command_export },
  { "import", "FILE IN.xml", N_("Import an export, all or nothing"), command_import },
  { "backup", "FILE DEST", N_("Copy the practice file safely, even while in use"),
    command_backup },
  { "restore", "BACKUP FILE [--force]", N_("Put a backup back"), command_restore },
  { "copy", "SOURCE DEST", N_("Copy a whole practice between a file and a server"),
    command_copy },
  { "check", "FILE [--against OLDER] [--backups FOLDER] [--rebuild-index]",
    N_("Check integrity and the audit trail"), command_check },
  { "add", "FILE --kind KIND --channel CHANNEL --summary TEXT [--received YYYY-MM-DDTHH:MM] "
    "[--title T --first-name F --surname S --phone P --email E --what-happened TEXT "
    "--wants TEXT] [--care nhs|private] [--handler ID] [--confidential] "
    "[--from-email MESSAGE.eml]",
    N_("Log one piece of feedback; prints its reference"), cli_command_add },
  { "import-table", "FILE SHEET.csv|.xlsx|.ods [--sheet NAME] [--map 'Heading=field' …] "
    "[--dry-run] [--skip-bad-rows]",
    N_("Import a spreadsheet log of complaints, all or nothing"), cli_command_import_table },
  { "grant", "LOCATION ROLE reception|handler|manager|reader [--staff ID]",
    N_("On a server: give a person’s role a duty"), cli_command_grant },
  { "revoke", "LOCATION ROLE [DUTY]", N_("On a server: take a duty, or every duty, away"),
    cli_command_revoke },
  { "duties", "LOCATION", N_("On a server: who has which duty"), cli_command_duties },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: heed-cli COMMAND [PRACTICE-FILE] [OPTIONS]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n             %s %s\n", commands[i].name, _(commands[i].summary),
             commands[i].name, commands[i].args);
  fprintf (out, "\n%s\n", _("Dates are written YYYY-MM-DD. Every command has --help."));
  fprintf (out, "%s\n", _("Wherever a practice FILE is taken, a practice on a PostgreSQL "
                          "server may be given instead: postgresql://USER@SERVER/DATABASE "
                          "(libpq’s own syntax; host=/socket/folder too)."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return cli_finish_stdout (EXIT_OK);
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("heed-cli %s\n", PACKAGE_VERSION);
      return cli_finish_stdout (EXIT_OK);
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          g_autofree char *program = g_strdup_printf ("heed-cli %s", commands[i].name);

          g_set_prgname (program);
          /* The command sees itself as argv[0]. */
          return cli_finish_stdout (commands[i].run (argc - 1, argv + 1));
        }
    }

  fprintf (stderr, "heed-cli: %s\n", _("unknown command; heed-cli --help lists them"));
  return EXIT_USAGE;
}
