/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-survey-response.h"
#include "heed-validate.h"
#include "heed-demo-private.h"

/* Comments and compliments: logged, then closed once passed on and answered. */
static void
plan_simple (Demo *d,
             Plan *p)
{
  add_working_days (d, &p->received, rnd (d, 0, 10), &p->close);
  forget_unless_reached (d, &p->close);
  p->status = g_date_valid (&p->close) ? "closed" : "logged";
}

/* An oral complaint resolved to their satisfaction by the end of the next working day. */
static void
plan_oral (Demo     *d,
           Plan     *p,
           gboolean  complaint)
{
  p->early = TRUE;
  add_working_days (d, &p->received, rnd (d, 0, 1), &p->close);
  forget_unless_reached (d, &p->close);
  p->status = g_date_valid (&p->close) ? "closed" : "logged";
  p->track = "early-resolution";
  if (g_date_valid (&p->close))
    {
      p->respond = p->close;
      p->outcome = complaint ? (chance (d, 0.6) ? "upheld" : "partly-upheld") : NULL;
    }
}

/* The track, and when it was acknowledged, taken to stage 2, started and due. */
static void
plan_dates (Demo     *d,
            Plan     *p,
            gboolean  complaint)
{
  gboolean two_stage = d->nation == HEED_NATION_SCOTLAND
                       || d->nation == HEED_NATION_NORTHERN_IRELAND;
  int ack_limit = d->nation == HEED_NATION_WALES ? 2 : 3;

  p->early = chance (d, complaint ? 0.4 : 0.85);
  p->escalated = p->early && chance (d, 0.12);
  p->extended = two_stage && p->early && !p->escalated && chance (d, 0.15);

  if (chance (d, 0.08))
    add_working_days (d, &p->received, rnd (d, ack_limit + 1, ack_limit + 6), &p->ack);
  else
    add_working_days (d, &p->received, chance (d, 0.15) ? 0 : rnd (d, 1, ack_limit), &p->ack);
  if (p->escalated)
    {
      add_working_days (d, &p->received, rnd (d, 3, 8), &p->stage2);
      if (g_date_compare (&p->stage2, &p->ack) <= 0)
        add_working_days (d, &p->ack, 1, &p->stage2);
    }
  if (p->early)
    p->start = p->ack;
  else
    add_working_days (d, &p->ack, rnd (d, 0, 8), &p->start);

  if (p->early && !p->escalated)
    add_working_days (d, &p->received, p->extended ? 10 : 5, &p->due);
  else if (two_stage)
    add_working_days (d, p->escalated ? &p->stage2 : &p->received, 20, &p->due);
  else if (d->nation == HEED_NATION_WALES)
    add_working_days (d, &p->received, 30, &p->due);
  else
    add_working_days (d, &p->ack, p->escalated ? rnd (d, 25, 40) : rnd (d, 20, 40), &p->due);
  if (complaint)
    p->agreed = p->due;
}

/* When it was answered, mostly in time, and closed after. */
static void
plan_response (Demo *d,
               Plan *p)
{
  double roll = g_rand_double (d->rand);

  if (p->early && !p->escalated)
    {
      if (roll < 0.9)
        add_working_days (d, &p->received, rnd (d, 1, p->extended ? 10 : 5), &p->respond);
      else
        {
          add_working_days (d, &p->due, rnd (d, 1, 10), &p->respond);
          p->late_response = TRUE;
        }
      if (g_date_compare (&p->respond, &p->ack) < 0)
        p->respond = p->ack;
    }
  else
    {
      const GDate *from = p->escalated ? &p->stage2 : &p->start;

      if (roll < 0.82)
        add_working_days (d, &p->due, -rnd (d, 0, 8), &p->respond);
      else if (roll < 0.97)
        add_working_days (d, &p->due, rnd (d, 3, 40), &p->respond);
      else
        add_working_days (d, &p->due, rnd (d, 60, 140), &p->respond);
      p->late_response = roll >= 0.82;
      if (g_date_compare (&p->respond, from) <= 0)
        add_working_days (d, from, 1, &p->respond);
    }
  add_working_days (d, &p->respond, rnd (d, 5, 25), &p->close);
}

/* Some are withdrawn or found to be out of scope on the way: the day it ended, if so. */
static void
plan_early_end (Demo  *d,
                Plan  *p,
                GDate *ended)
{
  double roll = g_rand_double (d->rand);

  if (roll < 0.02)
    {
      p->ended_as = "out-of-scope";
      add_working_days (d, &p->received, rnd (d, 1, 5), ended);
    }
  else if (roll < 0.05)
    {
      int span = heed_calendar_working_days_between (d->calendar, &p->received, &p->respond);

      p->ended_as = "withdrawn";
      add_working_days (d, &p->received, rnd (d, 1, MAX (1, span - 1)), ended);
    }
}

/* Ended early on @ended: only the steps before it happened. */
static void
end_early (Plan        *p,
           const GDate *ended)
{
  p->status_before_end = g_date_compare (ended, &p->ack) < 0     ? "logged"
                         : g_date_compare (ended, &p->start) < 0 ? "acknowledged"
                                                                 : "in-progress";
  p->status = p->ended_as;
  p->outcome = p->ended_as;
  if (g_date_compare (&p->ack, ended) > 0)
    {
      g_date_clear (&p->ack, 1);
      g_date_clear (&p->agreed, 1);
    }
  if (g_date_valid (&p->stage2) && g_date_compare (&p->stage2, ended) > 0)
    g_date_clear (&p->stage2, 1);
  if (g_date_compare (&p->start, ended) > 0)
    g_date_clear (&p->start, 1);
  g_date_clear (&p->respond, 1);
  p->close = *ended;
  p->late_response = FALSE;
}

/* The steps reached by today, the status they give, and a complaint's outcome once answered. */
static void
settle_by_today (Demo     *d,
                 Plan     *p,
                 gboolean  complaint)
{
  p->ended_as = NULL;
  forget_unless_reached (d, &p->ack);
  forget_unless_reached (d, &p->start);
  forget_unless_reached (d, &p->stage2);
  forget_unless_reached (d, &p->respond);
  forget_unless_reached (d, &p->close);
  if (!g_date_valid (&p->ack))
    g_date_clear (&p->agreed, 1);

  if (g_date_valid (&p->close))
    p->status = "closed";
  else if (g_date_valid (&p->respond))
    p->status = "responded";
  else if (g_date_valid (&p->start))
    p->status = "in-progress";
  else if (g_date_valid (&p->ack))
    p->status = "acknowledged";
  else
    p->status = "logged";

  if (complaint && g_date_valid (&p->respond))
    {
      double roll = g_rand_double (d->rand);

      p->outcome = roll < (p->early ? 0.4 : 0.25)   ? "upheld"
                   : roll < (p->early ? 0.7 : 0.55) ? "partly-upheld"
                                                    : "not-upheld";
    }
}

/* Works out which steps a case has reached by today, and when, following the status machine
 * and the nation's deadlines (DOMAIN.md, "Deadlines" and "Statuses"). */
void
_heed_demo_plan_progress (Demo *d,
                          Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;
  GDate ended;

  g_date_clear (&p->ack, 1);
  g_date_clear (&p->start, 1);
  g_date_clear (&p->stage2, 1);
  g_date_clear (&p->due, 1);
  g_date_clear (&p->agreed, 1);
  g_date_clear (&p->respond, 1);
  g_date_clear (&p->close, 1);
  g_date_clear (&ended, 1);

  if (!complaint && strcmp (p->kind, "concern") != 0)
    {
      plan_simple (d, p);
      return;
    }
  /* A phone log still being written up. */
  if (g_date_days_between (&p->received, &d->today) <= 5 && chance (d, 0.35))
    {
      p->status = "draft";
      return;
    }
  if (p->oral)
    {
      plan_oral (d, p, complaint);
      return;
    }

  plan_dates (d, p, complaint);
  plan_response (d, p);
  plan_early_end (d, p, &ended);
  if (p->ended_as != NULL && reached (d, &ended))
    end_early (p, &ended);
  else
    settle_by_today (d, p, complaint);

  if (g_date_valid (&p->ack))
    {
      if (p->escalated)
        p->track = g_date_valid (&p->stage2) ? "closer-look" : "early-resolution";
      else
        p->track = p->early ? "early-resolution" : "closer-look";
    }
}

/* The timeline
 * ============ */

typedef struct {
  const char *kind;
  const char *summary;
  const char *subject;  /* only for this subject; NULL: any */
  guint       practice;
} Step;

static const Step investigation_steps[] = {
  { "records", "Clinical records and appointment history reviewed", NULL, FOR_BOTH },
  { "records", "Call recording listened to", NULL, FOR_BOTH },
  { "records", "Prescription history checked", "prescribing", FOR_GP },
  { "statement", "Written account received from {staff}", NULL, FOR_BOTH },
  { "interview", "Spoke to {staff} about what happened", NULL, FOR_BOTH },
  { "call", "Phoned the complainant to agree the plan and a response date", NULL, FOR_BOTH },
  { "call", "Update call: the investigation is still under way", NULL, FOR_BOTH },
  { "meeting", "Meeting with the complainant and {staff}", NULL, FOR_BOTH },
  { "email-in", "Email from the complainant with further questions", NULL, FOR_BOTH },
  { "letter-in", "Further letter from the complainant", NULL, FOR_BOTH },
  { "expert-advice", "Independent clinical review requested from a GP at another practice",
    "clinical", FOR_GP },
  { "expert-advice", "Independent review requested from a dentist at another practice",
    "clinical", FOR_DENTAL },
  { "expert-advice", "Advice sought from the medicines optimisation team", "prescribing",
    FOR_GP },
  { "site-visit", "Checked the entrance, the parking and the waiting room", "facilities",
    FOR_BOTH },
  { "note", "Discussed at the practice meeting", NULL, FOR_BOTH },
  { "email-out", "Update sent to the complainant by email", NULL, FOR_BOTH },
};

static void
add_event_at (Demo        *d,
              const Plan  *p,
              const GDate *date,
              int          minute,
              guint        priority,
              const char  *kind,
              guint        staff,
              const char  *summary,
              const char  *detail)
{
  PendingEvent event = { 0 };

  if (!reached (d, date) || g_date_compare (date, &p->received) < 0)
    return;
  event.julian = g_date_get_julian (date);
  if (minute >= 0)
    event.minute = minute;
  else if (event.julian == g_date_get_julian (&p->received))
    {
      int later = p->minute + rnd (d, 5, 90);

      event.minute = MIN (later, 23 * 60 + 59);
    }
  else
    event.minute = rnd (d, 8 * 60 + 30, 17 * 60 + 45);
  event.priority = priority;
  event.order = d->event_order++;
  event.kind = kind;
  event.summary = g_strdup (summary);
  event.detail = g_strdup (detail);
  event.staff = staff < N_STAFF ? d->staff[staff] : 0;
  g_array_append_val (d->events, event);
}

static void
add_event (Demo        *d,
           const Plan  *p,
           const GDate *date,
           guint        priority,
           const char  *kind,
           guint        staff,
           const char  *summary,
           const char  *detail)
{
  add_event_at (d, p, date, -1, priority, kind, staff, summary, detail);
}

void
_heed_demo_clear_pending_event (gpointer data)
{
  PendingEvent *event = data;

  g_free (event->summary);
  g_free (event->detail);
}

static int
compare_by_priority (gconstpointer a,
                     gconstpointer b)
{
  const PendingEvent *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  const PendingEvent *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  if (x->minute != y->minute)
    return x->minute < y->minute ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* Saves the case's timeline: at most MAX_EVENTS entries, keeping the important ones. */
gboolean
_heed_demo_save_events (Demo    *d,
                        gint64   case_id,
                        GError **error)
{
  gboolean ok = TRUE;

  g_array_sort (d->events, compare_by_priority);
  if (d->events->len > MAX_EVENTS)
    g_array_set_size (d->events, MAX_EVENTS);
  g_array_sort (d->events, compare_by_time);

  for (guint i = 0; i < d->events->len && ok; i++)
    {
      PendingEvent *pending = &g_array_index (d->events, PendingEvent, i);
      g_autoptr(HeedEvent) event = heed_event_new ();
      HeedRecord *record = HEED_RECORD (event);
      char when[24];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, pending->julian);
      format_datetime (&date, pending->minute, when, sizeof when);
      heed_record_set_int (record, HEED_EVENT_CASE, case_id);
      heed_record_set_text (record, HEED_EVENT_KIND, pending->kind);
      heed_record_set_text (record, HEED_EVENT_OCCURRED_AT, when);
      heed_record_set_int (record, HEED_EVENT_STAFF, pending->staff);
      heed_record_set_text (record, HEED_EVENT_SUMMARY, pending->summary);
      heed_record_set_text (record, HEED_EVENT_DETAIL, pending->detail);
      ok = heed_store_save (d->store, record, error);
    }
  g_array_set_size (d->events, 0);
  d->event_order = 0;
  return ok;
}

static const char *
received_summary (const Plan *p)
{
  gboolean compliment = strcmp (p->kind, "compliment") == 0;

  if (strcmp (p->channel, "in-person") == 0)
    return compliment ? "Thanks given in person at reception" : "Raised in person at reception";
  if (strcmp (p->channel, "phone") == 0)
    return "Phone call to reception";
  if (strcmp (p->channel, "letter") == 0)
    return compliment ? "Card received" : "Letter received";
  if (strcmp (p->channel, "email") == 0)
    return "Email received";
  if (strcmp (p->channel, "online-form") == 0)
    return "Online form received";
  if (strcmp (p->channel, "video-call") == 0)
    return "Raised during a video consultation";
  if (strcmp (p->channel, "advocate") == 0)
    return "Letter received from the complainant's advocate";
  if (strcmp (p->channel, "commissioner") == 0)
    return "Passed on by the commissioner, with the complainant's consent";
  return "Letter forwarded by the MP's constituency office";
}


/* A comment or compliment: passed on, and answered unless anonymous. */
static void
events_of_simple (Demo *d,
                  Plan *p)
{
  static const char *const comment_notes[] = {
    "Discussed at the practice meeting", "Shared with the patient participation group",
    "Passed to the practice manager to consider",
  };
  g_autofree char *passed_on = NULL;
  GDate date;

  add_working_days (d, &p->received, rnd (d, 0, 2), &date);
  if (strcmp (p->kind, "compliment") == 0)
    {
      passed_on =
        g_strconcat ("Passed on to ", heed_demo_staff_seeds[p->named_staff].name, NULL);
      add_event (d, p, &date, 1, "note", p->handler, passed_on, NULL);
    }
  else
    add_event (d, p, &date, 1, "note", p->handler, PICK (d, comment_notes), NULL);
  if (g_date_valid (&p->close) && !p->anonymous)
    add_event (d, p, &p->close, 0, strcmp (p->channel, "email") == 0 ? "email-out"
                                                                      : "letter-out",
               p->handler,
               strcmp (p->kind, "compliment") == 0 ? "Thank-you reply sent"
                                                   : "Reply sent saying what the practice "
                                                     "will do",
               NULL);
}

/* Consent asked of the person affected, and their answer. */
static void
events_of_consent (Demo *d,
                   Plan *p)
{
  if (g_date_valid (&p->consent_requested))
    add_event (d, p, &p->consent_requested, 2, "consent", p->handler,
               "Consent form sent to the person affected", NULL);
  if (g_date_valid (&p->consent_answered))
    add_event (d, p, &p->consent_answered, 2, "consent", p->handler,
               strcmp (p->consent_status, "received") == 0
               ? "Signed consent received" : "The person affected refused consent", NULL);
}

/* The acknowledgement, a safeguarding referral, and a move to stage 2 or a closer look. */
static void
events_of_acknowledgement (Demo *d,
                           Plan *p)
{
  if (g_date_valid (&p->ack))
    {
      p->words.date = p->agreed;
      add_event (d, p, &p->ack, 1, "acknowledged", p->handler,
                 strcmp (p->channel, "email") == 0 || strcmp (p->channel, "online-form") == 0
                   ? "Acknowledged by email"
                   : "Acknowledgement letter sent",
                 g_date_valid (&p->agreed)
                   ? _heed_demo_expand (d, &p->words,
                                        "Response date of {date} proposed; details of the "
                                        "independent advocacy service enclosed.")
                   : "Details of the independent advocacy service enclosed.");
    }
  if (g_date_valid (&p->safeguarding_referred))
    add_event (d, p, &p->safeguarding_referred, 1, "safeguarding", p->handler,
               "Safeguarding referral made", NULL);
  if (g_date_valid (&p->stage2))
    add_event (d, p, &p->stage2, 2, "note", p->handler,
               d->nation == HEED_NATION_SCOTLAND || d->nation == HEED_NATION_NORTHERN_IRELAND
               ? "Not resolved at stage 1: moved to stage 2 for a closer look"
               : "Could not be settled quickly: moved to a closer look",
               NULL);
}

/* A holding letter when the response is going to be late. */
static void
events_of_holding_letter (Demo *d,
                          Plan *p)
{
  GDate date;

  if (p->late_response && g_date_valid (&p->start))
    {
      add_working_days (d, &p->due, -2, &date);
      if (g_date_compare (&date, &p->start) >= 0
          && (!g_date_valid (&p->respond) || g_date_compare (&date, &p->respond) < 0))
        {
          if (g_date_valid (&p->respond))
            p->words.date = p->respond;
          else
            add_working_days (d, &p->due, 15, &p->words.date);
          add_event (d, p, &date, 2, "letter-out", p->handler, "Holding letter: more time needed",
                     _heed_demo_expand (d, &p->words,
                                        "Sorry for the delay; new response date {date}."));
        }
    }
}

/* The response, as the track and the kind give it. */
static void
events_of_response (Demo *d,
                    Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;

  if (g_date_valid (&p->respond))
    {
      if (p->oral)
        add_event (d, p, &p->respond, 0, "call", p->handler,
                   "Resolved on the phone to the complainant's satisfaction", NULL);
      else if (!complaint)
        add_event (d, p, &p->respond, 0, "letter-out", p->handler,
                   "Reply to the concern sent", NULL);
      else if (p->early && !p->escalated)
        add_event (d, p, &p->respond, 0, "call", p->handler,
                   "Outcome discussed by phone and confirmed in writing", NULL);
      else
        {
          g_autofree char *detail =
            g_strconcat ("Signed by ", heed_demo_staff_seeds[STAFF_HART].name,
                         ". Each point answered; the Ombudsman's "
                         "details included.",
                         NULL);

          add_event (d, p, &p->respond, 0, "letter-out", STAFF_HART, "Final response sent",
                     detail);
        }
    }
}

/* An early end, or the closing after the response. */
static void
events_of_ending (Demo *d,
                  Plan *p)
{
  if (p->ended_as != NULL)
    {
      g_autofree char *summary = g_strdup_printf ("%s → %s",
                                                  heed_case_status_get_label (p->status_before_end),
                                                  heed_case_status_get_label (p->ended_as));

      add_event (d, p, &p->close, 0, "status", p->handler, summary,
                 strcmp (p->ended_as, "withdrawn") == 0
                 ? PICK_TEXT (d, heed_demo_withdrawal_reasons)
                 : "Out of scope: the reason is recorded on the case, and the complainant "
                   "was told.");
    }
  else if (strcmp (p->status, "closed") == 0)
    {
      const char *before = heed_case_status_get_label (p->oral ? "logged" : "responded");
      g_autofree char *summary = g_strdup_printf ("%s → %s", before,
                                                  heed_case_status_get_label ("closed"));

      add_event (d, p, &p->close, 0, "status", p->handler, summary,
                 p->oral ? "Resolved by the end of the next working day, so outside the "
                           "statutory procedure."
                         : "No further contact from the complainant after the response.");
    }
}

/* Six months on and still open; the Ombudsman; new contact arrangements. */
static void
events_after (Demo *d,
              Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;
  GDate date;

  date = p->received;
  g_date_add_months (&date, 6);
  if (complaint && (!g_date_valid (&p->close) || g_date_compare (&p->close, &date) > 0))
    add_event (d, p, &date, 3, "review", STAFF_WHITMORE, "Six-month review",
               d->nation == HEED_NATION_ENGLAND
               ? "Still open after six months: wrote to the complainant to explain why."
               : "Still open after six months: reviewed with the responsible person.");

  if (g_date_valid (&p->ombudsman_referred))
    {
      g_autofree char *summary = g_strconcat ("The complainant has gone to the ",
                                              _heed_demo_ombudsman_name (d), NULL);

      add_event (d, p, &p->ombudsman_referred, 1, "ombudsman", STAFF_WHITMORE, summary, NULL);
    }
  if (g_date_valid (&p->ombudsman_decided))
    add_event (d, p, &p->ombudsman_decided, 1, "ombudsman", STAFF_WHITMORE,
               "The Ombudsman's decision received", NULL);
  if (g_date_valid (&p->restriction_told))
    add_event (d, p, &p->restriction_told, 2, "letter-out", STAFF_WHITMORE,
               "Letter explaining the new contact arrangements", NULL);
}

/* The work in between the start and the response: records, accounts, calls and meetings;
 * and at least two entries in all. */
static void
events_of_investigation (Demo *d,
                         Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;
  GDate date, from, until;
  int wanted;

  from = g_date_valid (&p->start) ? p->start : g_date_valid (&p->ack) ? p->ack : p->received;
  if (g_date_valid (&p->respond))
    add_days (&p->respond, -1, &until);
  else if (p->ended_as != NULL)
    until = p->close;
  else
    until = d->today;
  if (g_date_compare (&until, &from) < 0)
    until = from;
  wanted = rnd (d, 2, MAX_EVENTS) - (int) d->events->len;
  if (!g_date_valid (&p->ack))
    wanted = MIN (wanted, 1);
  p->words.staff = heed_demo_staff_seeds[p->named_staff].name;
  for (int i = 0; i < wanted; i++)
    {
      const Step *step = &PICK (d, investigation_steps);
      int span = (int) (g_date_get_julian (&until) - g_date_get_julian (&from));

      if (!(step->practice & d->practice)
          || (step->subject != NULL && strcmp (step->subject, p->story->subject) != 0))
        continue;
      add_days (&from, rnd (d, 0, span), &date);
      add_event (d, p, &date, 4, step->kind,
                 strcmp (step->kind, "statement") == 0 ? p->named_staff : p->handler,
                 _heed_demo_expand (d, &p->words, step->summary), NULL);
    }
  /* Every case has at least two entries. */
  if (d->events->len < 2)
    add_event (d, p, &p->received, 4, "note", p->handler,
               complaint ? "Call-back booked to talk through the complaint"
                         : "Call-back booked to talk through the concern",
               NULL);
}

void
_heed_demo_plan_events (Demo *d,
                        Plan *p)
{
  gboolean complaint = strcmp (p->kind, "complaint") == 0;
  gboolean simple = !complaint && strcmp (p->kind, "concern") != 0;

  add_event_at (d, p, &p->received, p->minute, 0, "received", p->received_by,
                received_summary (p),
                is_oral_channel (p->channel) && !simple
                ? "Written down at the time and read back; a copy of the record was offered."
                : NULL);

  if (strcmp (p->status, "draft") == 0)
    {
      add_event (d, p, &p->received, 0, "note", p->received_by,
                 "Phone log started; details still to be completed", NULL);
      return;
    }
  if (simple)
    {
      events_of_simple (d, p);
      return;
    }
  events_of_consent (d, p);
  events_of_acknowledgement (d, p);
  events_of_holding_letter (d, p);
  events_of_response (d, p);
  events_of_ending (d, p);
  events_after (d, p);
  events_of_investigation (d, p);
}

