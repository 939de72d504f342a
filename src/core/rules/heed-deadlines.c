/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-deadlines.h"
#include "heed-procedure.h"
#include "heed-validate.h"

/* Deadlines are derived, never typed in (DOMAIN.md, "Deadlines"): from the received date, the
 * practice's nation and its working-day calendar. */

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  char buf[11];

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) < 10)
    return FALSE;
  memcpy (buf, text, 10);
  buf[10] = '\0';
  return heed_date_from_iso (buf, date);
}

static void
add_deadline (GArray           *deadlines,
              HeedCalendar     *calendar,
              HeedDeadlineKind  kind,
              const GDate      *due,
              const char       *done_text,
              const GDate      *today)
{
  HeedDeadline deadline = { 0 };

  deadline.kind = kind;
  deadline.due = *due;
  parse_day (done_text, &deadline.done);

  if (g_date_valid (&deadline.done))
    deadline.state = g_date_compare (&deadline.done, due) <= 0 ? HEED_DEADLINE_MET
                                                                : HEED_DEADLINE_MISSED;
  else
    {
      int cmp = g_date_compare (due, today);

      deadline.state = cmp > 0 ? HEED_DEADLINE_PENDING
                               : cmp == 0 ? HEED_DEADLINE_DUE_TODAY : HEED_DEADLINE_OVERDUE;
    }
  deadline.working_days = heed_calendar_working_days_between (calendar, today, due);
  g_array_append_val (deadlines, deadline);
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  return g_date_compare (&((const HeedDeadline *) a)->due, &((const HeedDeadline *) b)->due);
}

GArray *
heed_deadlines_compute (HeedCalendar            *calendar,
                        const HeedDeadlineFacts *facts,
                        const GDate             *today)
{
  GArray *deadlines = g_array_new (FALSE, TRUE, sizeof (HeedDeadline));
  GDate received, stage2, due;
  const HeedProcedure *procedure;
  gboolean in_stage2;
  const char *closed_or_responded;

  g_return_val_if_fail (HEED_IS_CALENDAR (calendar), deadlines);
  g_return_val_if_fail (facts != NULL, deadlines);

  if (heed_case_kind_from_id (facts->kind) != HEED_KIND_COMPLAINT || facts->oral_resolved
      || heed_case_status_from_id (facts->status) == HEED_STATUS_DRAFT
      || heed_case_status_from_id (facts->status) == HEED_STATUS_WITHDRAWN
      || heed_case_status_from_id (facts->status) == HEED_STATUS_OUT_OF_SCOPE
      || !parse_day (facts->received, &received))
    return deadlines;

  /* The rule set in force on the day it was received (data/procedures.ini). */
  procedure = heed_procedure_for (heed_calendar_get_nation (calendar), &received);
  closed_or_responded = facts->responded_on != NULL ? facts->responded_on : facts->closed_on;

  if (procedure->stages < 2)
    {
      /* The day of receipt not counted. */
      heed_calendar_add_working_days (calendar, &received, procedure->acknowledge, &due);
      add_deadline (deadlines, calendar, HEED_DEADLINE_ACKNOWLEDGE, &due,
                    facts->acknowledged_on, today);

      if (procedure->respond > 0)
        {
          heed_calendar_add_working_days (calendar, &received,
                                          facts->extended && procedure->respond_extended > 0
                                          ? procedure->respond_extended : procedure->respond,
                                          &due);
          add_deadline (deadlines, calendar, HEED_DEADLINE_RESPOND, &due, closed_or_responded,
                        today);
        }
      else if (parse_day (facts->agreed_response_date, &due))
        add_deadline (deadlines, calendar, HEED_DEADLINE_RESPOND, &due, closed_or_responded,
                      today);
    }
  else
    {
      /* Stage 1 runs from receipt; a case that goes to stage 2 starts a new clock then. */
      in_stage2 = parse_day (facts->stage2_on, &stage2);
      if (!in_stage2 && g_strcmp0 (facts->track, "closer-look") == 0)
        {
          stage2 = received;
          in_stage2 = TRUE;
        }

      if (!in_stage2 || g_date_compare (&stage2, &received) > 0)
        {
          GDate end_stage1;
          const char *resolved = in_stage2 ? facts->stage2_on : closed_or_responded;

          heed_calendar_add_working_days (calendar, &received,
                                          facts->extended && procedure->resolve_extended > 0
                                          ? procedure->resolve_extended : procedure->resolve,
                                          &end_stage1);
          add_deadline (deadlines, calendar, HEED_DEADLINE_RESOLVE, &end_stage1, resolved, today);
        }
      if (in_stage2)
        {
          heed_calendar_add_working_days (calendar, &stage2, procedure->acknowledge, &due);
          add_deadline (deadlines, calendar, HEED_DEADLINE_ACKNOWLEDGE, &due,
                        facts->acknowledged_on, today);
          if (!parse_day (facts->agreed_response_date, &due))
            heed_calendar_add_working_days (calendar, &stage2,
                                            facts->extended && procedure->respond_extended > 0
                                            ? procedure->respond_extended : procedure->respond,
                                            &due);
          add_deadline (deadlines, calendar, HEED_DEADLINE_RESPOND, &due, closed_or_responded,
                        today);
        }
    }

  /* Open six months: every nation reviews it; in England the complainant must be told why. */
  due = received;
  g_date_add_months (&due, procedure->review_months > 0 ? procedure->review_months : 6);
  add_deadline (deadlines, calendar, HEED_DEADLINE_SIX_MONTHS, &due, closed_or_responded, today);

  g_array_sort (deadlines, compare_deadlines);
  return deadlines;
}

const HeedDeadline *
heed_deadlines_next (GArray *deadlines)
{
  g_return_val_if_fail (deadlines != NULL, NULL);

  for (guint i = 0; i < deadlines->len; i++)
    {
      const HeedDeadline *deadline = &g_array_index (deadlines, HeedDeadline, i);

      if (!g_date_valid (&deadline->done))
        return deadline;
    }
  return NULL;
}

const char *
heed_deadline_kind_get_label (HeedDeadlineKind kind)
{
  switch (kind)
    {
    case HEED_DEADLINE_ACKNOWLEDGE:
      return _("Acknowledge");
    case HEED_DEADLINE_RESOLVE:
      return _("Resolve at stage 1");
    case HEED_DEADLINE_RESPOND:
      return _("Respond");
    case HEED_DEADLINE_SIX_MONTHS:
      return _("Six-month review");
    default:
      return "";
    }
}

char *
heed_deadline_describe (const HeedDeadline *deadline)
{
  int days;

  g_return_val_if_fail (deadline != NULL, NULL);

  switch (deadline->state)
    {
    case HEED_DEADLINE_MET:
      return g_strdup (_("met"));
    case HEED_DEADLINE_MISSED:
      return g_strdup (_("met late"));
    case HEED_DEADLINE_DUE_TODAY:
      return g_strdup (_("due today"));
    case HEED_DEADLINE_OVERDUE:
      days = MAX (1, -deadline->working_days);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %d working day",
                                           "overdue by %d working days", days),
                              days);
    case HEED_DEADLINE_PENDING:
    default:
      days = MAX (0, deadline->working_days);
      if (days == 0)
        {
          g_autofree char *date = heed_format_date_long (&deadline->due);

          /* TRANSLATORS: %s is a date such as "3 June 2025" */
          return g_strdup_printf (_("due %s"), date);
        }
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due in %d working day",
                                           "due in %d working days", days),
                              days);
    }
}
