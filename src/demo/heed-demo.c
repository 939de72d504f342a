/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-demo.h"
#include "heed-demo-private.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-survey-response.h"
#include "heed-validate.h"

/* The demonstration practice.  Everything random comes from one GRand seeded with the options'
 * seed, drawn in a fixed order, and every date is worked out from the options' today, so the
 * same seed and today always give the same cases.  The texts are fictional case content, not
 * interface, so they are not translated.
 *
 * Each case is planned first (which steps it has reached by today, and on which dates, from its
 * received date and the practice's working-day calendar), then saved through the store with its
 * people, elements, timeline and the rest, so every record is validated and audited like one
 * typed in by hand. */


/* Text */

static void
append_capitalised (GString    *out,
                    const char *value,
                    gboolean    capital)
{
  gsize start = out->len;

  g_string_append (out, value);
  if (capital && out->len > start)
    out->str[start] = g_ascii_toupper (out->str[start]);
}

static void
expand_key (const Words *w,
            const char  *key,
            gboolean     capital,
            GString     *out)
{
  char number[16];
  const char *value = NULL;

  if (strcmp (key, "rel") == 0)
    value = w->rel;
  else if (strcmp (key, "rels") == 0)
    {
      append_capitalised (out, w->rel, capital);
      g_string_append (out, "'s");
      return;
    }
  else if (strcmp (key, "they") == 0)
    value = w->rel_female ? "she" : "he";
  else if (strcmp (key, "them") == 0)
    value = w->rel_female ? "her" : "him";
  else if (strcmp (key, "their") == 0)
    value = w->rel_female ? "her" : "his";
  else if (strcmp (key, "cond") == 0)
    value = w->cond;
  else if (strcmp (key, "med") == 0)
    value = w->med;
  else if (strcmp (key, "test") == 0)
    value = w->test;
  else if (strcmp (key, "tooth") == 0)
    value = w->tooth;
  else if (strcmp (key, "treat") == 0)
    value = w->treat;
  else if (strcmp (key, "day") == 0)
    value = w->day;
  else if (strcmp (key, "time") == 0)
    value = w->time;
  else if (strcmp (key, "fee") == 0)
    value = w->fee;
  else if (strcmp (key, "hosp") == 0)
    value = w->hosp;
  else if (strcmp (key, "gp") == 0)
    value = w->gp;
  else if (strcmp (key, "nurse") == 0)
    value = w->nurse;
  else if (strcmp (key, "staff") == 0)
    value = w->staff != NULL ? w->staff : "the staff involved";
  else if (strcmp (key, "clin") == 0)
    value = w->gp[0] == 'D' ? "doctor" : "clinician";
  else if (strcmp (key, "town") == 0)
    value = heed_demo_towns[0].town;
  else if (strcmp (key, "date") == 0)
    {
      g_autofree char *date = g_date_valid (&w->date) ? heed_format_date_long (&w->date) : NULL;

      append_capitalised (out, date != NULL ? date : "the agreed date", capital);
      return;
    }
  else
    {
      int n;

      if (strcmp (key, "mins") == 0)
        n = w->mins;
      else if (strcmp (key, "days") == 0)
        n = w->days;
      else if (strcmp (key, "weeks") == 0)
        n = w->weeks;
      else if (strcmp (key, "n") == 0)
        n = w->n;
      else
        g_return_if_reached ();
      g_snprintf (number, sizeof number, "%d", n);
      value = number;
    }
  append_capitalised (out, value, capital);
}

/* Fills in a text's {placeholders}; the result is d->text, good until the next call. */
const char *
_heed_demo_expand (Demo        *d,
                   const Words *w,
                   const char  *text)
{
  const char *p = text;

  g_string_truncate (d->text, 0);
  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      char key[16];
      gsize len;

      if (open == NULL)
        {
          g_string_append (d->text, p);
          break;
        }
      g_string_append_len (d->text, p, open - p);
      close = strchr (open, '}');
      g_return_val_if_fail (close != NULL, d->text->str);
      len = MIN ((gsize) (close - open - 1), sizeof key - 1);
      memcpy (key, open + 1, len);
      key[len] = '\0';
      {
        gboolean capital = g_ascii_isupper (key[0]);

        key[0] = g_ascii_tolower (key[0]);
        expand_key (w, key, capital, d->text);
      }
      p = close + 1;
    }
  return d->text->str;
}

void
_heed_demo_set_expanded (Demo        *d,
                         HeedRecord  *record,
                         guint        field,
                         const Words *w,
                         const char  *text)
{
  heed_record_set_text (record, field, _heed_demo_expand (d, w, text));
}

static const Learning *
find_learning (const char *subject)
{
  for (guint i = 0; i < heed_demo_learnings_n; i++)
    if (strcmp (heed_demo_learnings[i].subject, subject) == 0)
      return &heed_demo_learnings[i];
  return &heed_demo_learnings[heed_demo_learnings_n - 1];
}

const char *
_heed_demo_ombudsman_name (Demo *d)
{
  switch (d->nation)
    {
    case HEED_NATION_WALES:
      return "Public Services Ombudsman for Wales";
    case HEED_NATION_SCOTLAND:
      return "Scottish Public Services Ombudsman";
    case HEED_NATION_NORTHERN_IRELAND:
      return "Northern Ireland Public Services Ombudsman";
    case HEED_NATION_ENGLAND:
    default:
      return "Parliamentary and Health Service Ombudsman";
    }
}

static const char *
ombudsman_prefix (Demo *d)
{
  switch (d->nation)
    {
    case HEED_NATION_WALES:
      return "PSOW";
    case HEED_NATION_SCOTLAND:
      return "SPSO";
    case HEED_NATION_NORTHERN_IRELAND:
      return "NIPSO";
    case HEED_NATION_ENGLAND:
    default:
      return "PHSO";
    }
}

/* The practice and its staff
 * ========================== */

static char *
staff_email (const char *name)
{
  GString *email = g_string_new (NULL);
  const char *p = g_str_has_prefix (name, "Dr ") ? name + 3 : name;

  for (; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append_c (email, '.');
      else if (g_ascii_isalpha (*p))
        g_string_append_c (email, g_ascii_tolower (*p));
    }
  g_string_append (email, "@example.org");
  return g_string_free (email, FALSE);
}

static gboolean
make_practice (Demo    *d,
               GError **error)
{
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;

  switch (d->nation)
    {
    case HEED_NATION_WALES:
      phone = g_strdup ("029 2018 0000");
      break;
    case HEED_NATION_SCOTLAND:
      phone = g_strdup ("0131 496 0000");
      break;
    case HEED_NATION_NORTHERN_IRELAND:
      phone = g_strdup ("028 9649 6000");
      break;
    case HEED_NATION_ENGLAND:
    default:
      phone = g_strdup ("01632 960000");
      break;
    }
  address = g_strdup ("1 Example Road\nExampleton\nExampleshire\nEA1 1BD");

  if (!heed_store_set_setting (d->store, "address", address, error)
      || !heed_store_set_setting (d->store, "phone", phone, error)
      || !heed_store_set_setting (d->store, "email", "practice@example.org", error)
      || !heed_store_set_setting (d->store, "complaints-manager",
                                  heed_demo_staff_seeds[STAFF_WHITMORE].name, error)
      || !heed_store_set_setting (d->store, "responsible-person",
                                  heed_demo_staff_seeds[STAFF_HART].name, error))
    return FALSE;

  for (guint i = 0; i < N_STAFF; i++)
    {
      g_autoptr(HeedStaff) staff = heed_staff_new ();
      HeedRecord *record = HEED_RECORD (staff);
      g_autofree char *email = staff_email (heed_demo_staff_seeds[i].name);

      heed_record_set_text (record, HEED_STAFF_NAME, heed_demo_staff_seeds[i].name);
      heed_record_set_text (record, HEED_STAFF_ROLE,
                            d->dental ? heed_demo_staff_seeds[i].dental_role
                                      : heed_demo_staff_seeds[i].gp_role);
      heed_record_set_text (record, HEED_STAFF_STAFF_GROUP,
                            d->dental ? heed_demo_staff_seeds[i].dental_group
                                      : heed_demo_staff_seeds[i].gp_group);
      heed_record_set_text (record, HEED_STAFF_EMAIL, email);
      heed_record_set_text (record, HEED_STAFF_PHONE, phone);
      heed_record_set_bool (record, HEED_STAFF_ACTIVE, heed_demo_staff_seeds[i].active);
      if (!heed_store_save (d->store, record, error))
        return FALSE;
      d->staff[i] = heed_record_get_id (record);
    }
  return TRUE;
}

/* A member of staff of @group who works here now, as an index into staff_seeds. */
/* A story's staff group as the practice's own KO41(b) collection names it: a dental practice's
 * nurses are dental nurses, its other clinicians hygienists and therapists. */
static const char *
practice_group (Demo       *d,
                const char *group)
{
  if (d->dental && g_strcmp0 (group, "nursing") == 0)
    return "dental-nurse";
  if (d->dental && g_strcmp0 (group, "other-clinical") == 0)
    return "hygienist-therapist";
  return group;
}

static guint
pick_staff_in_group (Demo       *d,
                     const char *group)
{
  guint candidates[N_STAFF];
  guint n = 0;

  group = practice_group (d, group);
  for (guint i = 0; i < N_STAFF; i++)
    {
      const char *g =
        d->dental ? heed_demo_staff_seeds[i].dental_group : heed_demo_staff_seeds[i].gp_group;

      if (heed_demo_staff_seeds[i].active && strcmp (g, group) == 0)
        candidates[n++] = i;
    }
  if (n == 0)
    return STAFF_WHITMORE;
  return candidates[rnd (d, 0, (int) n - 1)];
}

/* Who answers for an action about @group's work. */
static guint
action_owner (const char *group)
{
  if (strcmp (group, "admin-reception") == 0)
    return STAFF_FLETCHER;
  if (strcmp (group, "gp-dentist") == 0)
    return STAFF_HART;
  if (strcmp (group, "nursing") == 0 || strcmp (group, "dental-nurse") == 0)
    return STAFF_JENKINS;
  if (strcmp (group, "other-clinical") == 0 || strcmp (group, "hygienist-therapist") == 0)
    return STAFF_RAHMAN;
  if (strcmp (group, "other") == 0)
    return STAFF_LAWSON;
  return STAFF_WHITMORE;
}

static const char *
staff_role (Demo *d,
            guint index)
{
  return d->dental ? heed_demo_staff_seeds[index].dental_role
                   : heed_demo_staff_seeds[index].gp_role;
}

/* Cases
 * ===== */


static const char *
pick_channel (Demo       *d,
              const Plan *p,
              gboolean    working_day)
{
  /* in-person, phone, letter, email, online-form, video-call, advocate, commissioner, mp */
  static const guint complaint_weights[] = { 8, 30, 18, 22, 12, 2, 3, 3, 2 };
  static const guint compliment_weights[] = { 15, 15, 35, 20, 14, 1, 0, 0, 0 };
  static const guint comment_weights[] = { 10, 5, 15, 30, 39, 1, 0, 0, 0 };
  const guint *weights = complaint_weights;

  G_STATIC_ASSERT (G_N_ELEMENTS (complaint_weights) == 9);

  if (!working_day)
    return chance (d, 0.5) ? "email" : "online-form";
  if (p->anonymous)
    {
      static const char *const anonymous_channels[] = { "letter", "online-form", "email" };

      return PICK (d, anonymous_channels);
    }
  if (strcmp (p->kind, "compliment") == 0)
    weights = compliment_weights;
  else if (strcmp (p->kind, "comment") == 0)
    weights = comment_weights;
  return heed_case_channels[pick_weighted (d, weights, G_N_ELEMENTS (complaint_weights))];
}

static const Story *
pick_story (Demo        *d,
            const Story *list,
            guint        n,
            const Plan  *p,
            gboolean     child,
            gboolean     died)
{
  for (;;)
    {
      const Story *story = &list[rnd (d, 0, (int) n - 1)];

      if (!(story->flags & d->practice))
        continue;
      if (p->on_behalf)
        {
          if (story->flags & BY_SELF)
            continue;
          if (child && (story->flags & REL_ADULT))
            continue;
          if ((story->flags & REL_DIED) && !died)
            continue;
          /* Someone who has died is more often the subject of end-of-life care. */
          if (died && !(story->flags & REL_DIED) && chance (d, 0.4))
            continue;
        }
      else if (story->flags & BY_REL)
        continue;
      if (rnd (d, 1, 3) > (int) story->weight)
        continue;
      return story;
    }
}

static void
pick_words (Demo  *d,
            Words *w)
{
  static const guint gp_staff[] = { STAFF_HART, STAFF_PATEL, STAFF_OCONNOR, STAFF_OKAFOR };
  static const guint nurses[] = { STAFF_JENKINS, STAFF_BRENNAN };
  static const char *const family[][2] = {
    { "my mother", "my father" }, { "my wife", "my husband" }, { "my daughter", "my son" },
    { "my grandmother", "my grandfather" },
  };
  gboolean female = chance (d, 0.55);

  set_rel (w, family[rnd (d, 0, G_N_ELEMENTS (family) - 1)][female ? 0 : 1], female);
  w->cond = PICK_TEXT (d, heed_demo_conditions);
  w->med = PICK_TEXT (d, heed_demo_medicines);
  w->test = PICK_TEXT (d, heed_demo_tests);
  w->tooth = PICK_TEXT (d, heed_demo_teeth);
  w->treat = PICK_TEXT (d, heed_demo_treatments);
  w->day = PICK_TEXT (d, heed_demo_weekdays);
  w->time = PICK_TEXT (d, heed_demo_clock_times);
  w->fee = PICK_TEXT (d, heed_demo_fees);
  w->hosp = PICK_TEXT (d, heed_demo_hospitals);
  w->gp = heed_demo_staff_seeds[PICK (d, gp_staff)].known_as;
  w->nurse = heed_demo_staff_seeds[PICK (d, nurses)].known_as;
  w->mins = 5 * rnd (d, 5, 19);
  w->days = rnd (d, 3, 10);
  w->weeks = rnd (d, 2, 9);
  w->n = rnd (d, 2, 6);
  g_date_clear (&w->date, 1);
}

/* The parts of a complaint
 * ======================== */

static gboolean
save_elements (Demo       *d,
               const Plan *p,
               gint64      case_id,
               GError    **error)
{
  const Story *parts[3] = { p->story };
  gboolean decided = g_date_valid (&p->respond) && p->ended_as == NULL && p->outcome != NULL;
  gboolean any_not_upheld = FALSE;
  double roll = g_rand_double (d->rand);
  guint n = roll < 0.55 ? 1 : roll < 0.85 ? 2 : 3;

  for (guint i = 1; i < n; i++)
    {
      do
        parts[i] = pick_story (d, heed_demo_stories, heed_demo_stories_n, p,
                               g_strcmp0 (p->behalf_reason, "child") == 0,
                               g_strcmp0 (p->behalf_reason, "died") == 0);
      while (parts[i] == parts[0] || (i == 2 && parts[i] == parts[1]));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeedCaseElement) element = heed_case_element_new ();
      HeedRecord *record = HEED_RECORD (element);
      const Learning *learning = find_learning (parts[i]->subject);
      const char *outcome = NULL;
      const char *finding;
      guint response;

      heed_record_set_int (record, HEED_CASE_ELEMENT_CASE, case_id);
      heed_record_set_int (record, HEED_CASE_ELEMENT_POSITION, i + 1);
      _heed_demo_set_expanded (d, record, HEED_CASE_ELEMENT_DESCRIPTION, &p->words,
                               parts[i]->summary);
      heed_record_set_text (record, HEED_CASE_ELEMENT_SUBJECT, parts[i]->subject);
      heed_record_set_text (record, HEED_CASE_ELEMENT_STAFF_GROUP,
                            practice_group (d, parts[i]->staff_group));

      if (decided)
        {
          if (strcmp (p->outcome, "upheld") == 0)
            outcome = "upheld";
          else if (strcmp (p->outcome, "not-upheld") == 0)
            outcome = "not-upheld";
          else if (n == 1)
            outcome = "partly-upheld";
          else if (i == 0)
            outcome = chance (d, 0.5) ? "upheld" : "partly-upheld";
          else if (i == n - 1 && !any_not_upheld)
            outcome = "not-upheld";
          else
            {
              static const char *const any[] = { "upheld", "partly-upheld", "not-upheld" };

              outcome = PICK (d, any);
            }
          any_not_upheld = any_not_upheld || strcmp (outcome, "not-upheld") == 0;

          if (strcmp (outcome, "upheld") == 0)
            {
              finding =
                chance (d, 0.6) ? learning->upheld : PICK_TEXT (d, heed_demo_generic_upheld);
              response = 0;
            }
          else if (strcmp (outcome, "partly-upheld") == 0)
            {
              finding = PICK_TEXT (d, heed_demo_partly_findings);
              response = 1;
            }
          else
            {
              finding = chance (d, 0.6) ? learning->not_upheld
                                        : PICK_TEXT (d, heed_demo_generic_not_upheld);
              response = 2;
            }
          heed_record_set_text (record, HEED_CASE_ELEMENT_FINDING, finding);
          heed_record_set_text (record, HEED_CASE_ELEMENT_OUTCOME, outcome);
          heed_record_set_text (record, HEED_CASE_ELEMENT_RESPONSE,
                                heed_demo_element_responses[response]);
          heed_record_set_bool (record, HEED_CASE_ELEMENT_APOLOGY, response < 2);
        }
      if (!heed_store_save (d->store, record, error))
        return FALSE;
    }
  return TRUE;
}

/* SMART actions that came out of an upheld complaint. */
static gboolean
save_actions (Demo       *d,
              const Plan *p,
              gint64      case_id,
              GError    **error)
{
  static const char *const involvement[] = {
    "Told about the change in the final response.",
    "Invited to the patient participation group meeting where the results are shared.",
    "Will be written to when the action is complete.",
  };
  const Learning *learning = find_learning (p->story->subject);
  guint n = chance (d, 0.7) ? 1 : 2;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeedAction) action = heed_action_new ();
      HeedRecord *record = HEED_RECORD (action);
      GDate due, review, done;
      int days;

      heed_record_set_int (record, HEED_ACTION_CASE, case_id);
      heed_record_set_text (record, HEED_ACTION_DESCRIPTION,
                            i == 0 ? learning->action
                                   : "Share the learning from this complaint at the next "
                                     "whole-practice meeting");
      heed_record_set_int (record, HEED_ACTION_OWNER,
                           d->staff[i == 0 ? action_owner (p->story->staff_group)
                                           : STAFF_WHITMORE]);
      heed_record_set_date (record, HEED_ACTION_START_DATE, &p->respond);
      days = i == 0 ? rnd (d, 14, 90) : rnd (d, 7, 30);
      add_days (&p->respond, days, &due);
      heed_record_set_date (record, HEED_ACTION_DUE_DATE, &due);
      heed_record_set_text (record, HEED_ACTION_STANDARD,
                            i == 0 ? learning->standard
                                   : "Every member of staff has heard the learning");
      heed_record_set_text (record, HEED_ACTION_COMPLAINANT_INVOLVEMENT, PICK (d, involvement));
      add_days (&due, 28, &review);
      heed_record_set_date (record, HEED_ACTION_REVIEW_DATE, &review);
      if (chance (d, 0.85))
        {
          add_days (&p->respond, rnd (d, 3, days + 20), &done);
          if (reached (d, &done))
            heed_record_set_date (record, HEED_ACTION_COMPLETED_ON, &done);
        }
      heed_record_set_text (record, HEED_ACTION_MONITORING,
                            i == 0 ? learning->monitoring : "Minutes of the practice meeting");
      heed_record_set_text (record, HEED_ACTION_IMPACT,
                            i == 0 ? learning->impact
                                   : "Staff asked a month later can say what changed");
      if (!heed_store_save (d->store, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_survey (Demo       *d,
             const Plan *p,
             gint64      case_id,
             GError    **error)
{
  g_autoptr(HeedSurveyResponse) survey = NULL;
  HeedRecord *record;
  char answers[64];
  gsize len = 0;
  GDate date;
  int base;

  add_days (&p->close, rnd (d, 7, 40), &date);
  if (!reached (d, &date))
    return TRUE;
  base = strcmp (p->outcome, "upheld") == 0 ? 4 : strcmp (p->outcome, "partly-upheld") == 0 ? 3
                                                                                           : 2;
  for (int i = 1; i <= 12; i++)
    {
      int score = base + rnd (d, -1, 1);

      score += rnd (d, 0, 4) == 0 ? 1 : 0;
      score = CLAMP (score, 1, 5);

      len += (gsize) g_snprintf (answers + len, sizeof answers - len, "%s%d=%d",
                                 i > 1 ? ";" : "", i, score);
    }

  survey = heed_survey_response_new ();
  record = HEED_RECORD (survey);
  heed_record_set_int (record, HEED_SURVEY_RESPONSE_CASE, case_id);
  heed_record_set_date (record, HEED_SURVEY_RESPONSE_RESPONDED_ON, &date);
  heed_record_set_text (record, HEED_SURVEY_RESPONSE_ANSWERS, answers);
  if (chance (d, 0.7))
    heed_record_set_text (record, HEED_SURVEY_RESPONSE_COMMENT,
                          PICK_TEXT (d, heed_demo_survey_comments));
  return heed_store_save (d->store, record, error);
}

/* Unreasonable behaviour: the measure, why, until when, and when they were told. */
static gboolean
save_restriction (Demo    *d,
                  Plan    *p,
                  gint64   case_id,
                  GError **error)
{
  g_autoptr(HeedRestriction) restriction = NULL;
  const RestrictionText *text = &PICK_TEXT (d, heed_demo_restriction_texts);
  HeedRecord *record;
  GDate start, review, told;

  add_days (&p->received, rnd (d, 10, 60), &start);
  if (!reached (d, &start))
    return TRUE;
  restriction = heed_restriction_new ();
  record = HEED_RECORD (restriction);
  heed_record_set_int (record, HEED_RESTRICTION_CASE, case_id);
  heed_record_set_text (record, HEED_RESTRICTION_MEASURE, text->measure);
  heed_record_set_text (record, HEED_RESTRICTION_DETAIL, text->detail);
  heed_record_set_text (record, HEED_RESTRICTION_REASON, text->reason);
  heed_record_set_date (record, HEED_RESTRICTION_START_DATE, &start);
  review = start;
  g_date_add_months (&review, chance (d, 0.5) ? 3 : 6);
  heed_record_set_date (record, HEED_RESTRICTION_REVIEW_DATE, &review);
  add_days (&start, rnd (d, 0, 3), &told);
  if (reached (d, &told))
    {
      heed_record_set_date (record, HEED_RESTRICTION_TOLD_ON, &told);
      p->restriction_told = told;
    }
  return heed_store_save (d->store, record, error);
}

/* One case
 * ======== */

static const char *
pick_seriousness (Demo       *d,
                  guint       severity,
                  gboolean    concern)
{
  static const guint weights[3][4] = {
    { 70, 30, 0, 0 }, { 20, 60, 20, 0 }, { 0, 30, 60, 10 },
  };
  guint level = pick_weighted (d, weights[MIN (severity, 2)], 4);

  if (concern && level > 0)
    level--;
  return heed_seriousness_levels[level];
}

static guint
level_index (const char *const *levels,
             const char        *level)
{
  for (guint i = 0; levels[i] != NULL; i++)
    if (strcmp (levels[i], level) == 0)
      return i;
  return 0;
}

static void
fill_risk (Demo       *d,
           const Plan *p,
           HeedRecord *r,
           gboolean    actions)
{
  static const guint likelihood_weights[] = { 15, 35, 30, 15, 5 };
  const char *seriousness = pick_seriousness (d, p->story->severity,
                                              strcmp (p->kind, "concern") == 0);
  guint likelihood = pick_weighted (d, likelihood_weights, G_N_ELEMENTS (likelihood_weights));

  heed_record_set_text (r, HEED_CASE_SERIOUSNESS, seriousness);
  heed_record_set_text (r, HEED_CASE_LIKELIHOOD, heed_likelihood_levels[likelihood]);

  /* Graded again once investigated. */
  if (strcmp (p->status, "closed") == 0 && p->ended_as == NULL && p->outcome != NULL
      && chance (d, p->early ? 0.3 : 0.85))
    {
      guint s = level_index (heed_seriousness_levels, seriousness);

      if (strcmp (p->outcome, "not-upheld") == 0 && s > 0)
        s--;
      if (actions && likelihood > 0)
        {
          guint drop = (guint) rnd (d, 1, 2);

          likelihood -= MIN (likelihood, drop);
        }
      heed_record_set_text (r, HEED_CASE_SERIOUSNESS_AFTER, heed_seriousness_levels[s]);
      heed_record_set_text (r, HEED_CASE_LIKELIHOOD_AFTER, heed_likelihood_levels[likelihood]);
    }
}

static void
fill_dates (Demo       *d,
            Plan       *p,
            HeedRecord *r,
            gboolean    simple)
{
  GDate incident, aware;

  if (p->late)
    {
      incident = p->received;
      g_date_subtract_months (&incident, (guint) rnd (d, 13, 30));
      g_date_subtract_days (&incident, (guint) rnd (d, 0, 27));
      heed_record_set_date (r, HEED_CASE_INCIDENT_DATE, &incident);
      heed_record_set_text (r, HEED_CASE_LATE_REASON, PICK_TEXT (d, heed_demo_late_reasons));
      return;
    }
  if (!chance (d, simple ? 0.5 : 0.85))
    return;
  add_days (&p->received, chance (d, 0.3) ? 0 : -rnd (d, 1, 45), &incident);
  heed_record_set_date (r, HEED_CASE_INCIDENT_DATE, &incident);
  if (chance (d, 0.12))
    {
      int span = (int) (g_date_get_julian (&p->received) - g_date_get_julian (&incident));

      add_days (&incident, rnd (d, 0, span), &aware);
      heed_record_set_date (r, HEED_CASE_AWARE_DATE, &aware);
    }
}

static void
fill_ombudsman (Demo       *d,
                Plan       *p,
                HeedRecord *r)
{
  g_autofree char *reference = NULL;
  GDate referred, decided;
  int days;

  add_days (&p->close, rnd (d, 10, 120), &referred);
  if (!reached (d, &referred))
    return;
  p->ombudsman_referred = referred;
  reference = g_strdup_printf ("%s-%u-%05d", ombudsman_prefix (d),
                               (guint) g_date_get_year (&referred), rnd (d, 1000, 99999));
  heed_record_set_date (r, HEED_CASE_OMBUDSMAN_REFERRED, &referred);
  heed_record_set_text (r, HEED_CASE_OMBUDSMAN_REFERENCE, reference);

  days = (int) (g_date_get_julian (&d->today) - g_date_get_julian (&referred));
  if (days < 30)
    {
      heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "enquiry");
      return;
    }
  if (chance (d, 0.25))
    {
      heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "declined");
      return;
    }
  add_days (&referred, rnd (d, 120, 300), &decided);
  if (!reached (d, &decided))
    {
      heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "accepted");
      return;
    }
  {
    double roll = g_rand_double (d->rand);
    const char *decision = roll < 0.55 ? "not-upheld" : roll < 0.85 ? "partly-upheld" : "upheld";
    GDate deadline;

    p->ombudsman_decided = decided;
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_STATUS, "reported");
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_DECISION, decision);
    heed_record_set_date (r, HEED_CASE_OMBUDSMAN_DECIDED, &decided);
    if (strcmp (decision, "not-upheld") == 0)
      return;
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_RECOMMENDATIONS,
                          _heed_demo_expand (d, &p->words,
                                             PICK_TEXT (d, heed_demo_ombudsman_recommendations)));
    add_days (&decided, 90, &deadline);
    roll = g_rand_double (d->rand);
    heed_record_set_text (r, HEED_CASE_OMBUDSMAN_COMPLIED,
                          !reached (d, &deadline) ? "pending"
                          : roll < 0.85           ? "complied"
                          : roll < 0.95           ? "partly-complied"
                                                  : "not-complied");
  }
}

static gint64
financial_redress (Demo *d)
{
  /* A prescription charge, an NHS dental charge, or a goodwill payment, in pence. */
  static const gint64 gp_amounts[] = { 990, 2500, 5000, 10000, 25000 };
  static const gint64 dental_amounts[] = { 2740, 7530, 32670, 15000, 5000 };

  return d->dental ? PICK (d, dental_amounts) : PICK (d, gp_amounts);
}

/* Plans a case: its kind, when and how it came, who from, its story, how far it has got by
 * today, and who took it and handles it. */
static gboolean
plan_case (Demo        *d,
           const Slot  *slot,
           Plan        *p,
           GError     **error)
{
  static const guint front_desk[] = { STAFF_FLETCHER, STAFF_ADAMS, STAFF_CARTER, STAFF_LAWSON };
  static const guint back_office[] = { STAFF_CARTER, STAFF_LAWSON, STAFF_WHITMORE };
  gboolean complaint, concern, simple;
  double roll;

  /* Roughly 55% complaints, 15% concerns, 10% comments and 20% compliments. */
  roll = g_rand_double (d->rand);
  p->kind = roll < 0.55 ? "complaint" : roll < 0.70 ? "concern" : roll < 0.80 ? "comment"
                                                                             : "compliment";
  complaint = strcmp (p->kind, "complaint") == 0;
  concern = strcmp (p->kind, "concern") == 0;
  simple = !complaint && !concern;

  g_date_clear (&p->received, 1);
  g_date_set_julian (&p->received, slot->julian);
  p->minute = slot->minute;
  format_datetime (&p->received, p->minute, p->received_at, sizeof p->received_at);

  p->anonymous = chance (d, complaint ? 0.03
                           : concern ? 0.04
                           : strcmp (p->kind, "comment") == 0 ? 0.12 : 0.06);
  p->on_behalf = !p->anonymous && chance (d, complaint ? 0.2 : concern ? 0.1 : 0.0);
  p->channel = pick_channel (d, p, heed_calendar_is_working_day (d->calendar, &p->received));
  p->oral = !simple && is_oral_channel (p->channel) && strcmp (p->channel, "video-call") != 0
            && chance (d, complaint ? 0.12 : 0.3);
  pick_words (d, &p->words);

  if (p->on_behalf)
    {
      if (!_heed_demo_make_behalf_people (d, p, error))
        return FALSE;
    }
  else if (!p->anonymous && !_heed_demo_make_complainant (d, p, error))
    return FALSE;

  if (simple)
    p->story = strcmp (p->kind, "compliment") == 0
               ? pick_story (d, heed_demo_compliments, heed_demo_compliments_n, p, FALSE, FALSE)
               : pick_story (d, heed_demo_comments, heed_demo_comments_n, p, FALSE, FALSE);
  else
    p->story = pick_story (d, heed_demo_stories, heed_demo_stories_n, p,
                           g_strcmp0 (p->behalf_reason, "child") == 0,
                           g_strcmp0 (p->behalf_reason, "died") == 0);
  p->named_staff = pick_staff_in_group (d, p->story->staff_group);
  p->late = complaint && !p->oral && chance (d, 0.03);

  _heed_demo_plan_progress (d, p);

  if (is_oral_channel (p->channel))
    p->received_by = front_desk[rnd (d, 0, G_N_ELEMENTS (front_desk) - 1)];
  else if (strcmp (p->channel, "letter") == 0 || strcmp (p->channel, "email") == 0
           || strcmp (p->channel, "online-form") == 0)
    p->received_by = back_office[rnd (d, 0, G_N_ELEMENTS (back_office) - 1)];
  else
    p->received_by = STAFF_WHITMORE;
  roll = g_rand_double (d->rand);
  if (simple)
    p->handler = roll < 0.6 ? STAFF_LAWSON : STAFF_WHITMORE;
  else
    p->handler = roll < 0.7 ? STAFF_WHITMORE : roll < 0.95 ? STAFF_LAWSON : STAFF_HART;
  return TRUE;
}

/* Who took it, who handles it, who it is from and for, and what it is about. */
static void
fill_case (Demo       *d,
           Plan       *p,
           HeedRecord *r,
           gboolean    simple,
           gboolean    draft)
{
  /* A dental practice treats private patients too, whose complaints go to the Dental
   * Complaints Service and are left out of the KO41(b). */
  if (d->dental)
    heed_record_set_text (r, HEED_CASE_CARE, chance (d, 0.25) ? "private" : "nhs");
  heed_record_set_text (r, HEED_CASE_CHANNEL, p->channel);
  heed_record_set_text (r, HEED_CASE_STATUS, p->status);
  heed_record_set_text (r, HEED_CASE_TRACK, p->track);
  heed_record_set_text (r, HEED_CASE_RECEIVED_AT, p->received_at);
  heed_record_set_int (r, HEED_CASE_RECEIVED_BY, d->staff[p->received_by]);
  if (!draft)
    heed_record_set_int (r, HEED_CASE_HANDLER, d->staff[p->handler]);
  heed_record_set_int (r, HEED_CASE_COMPLAINANT, p->complainant);
  heed_record_set_int (r, HEED_CASE_AFFECTED, p->affected);
  if (p->on_behalf)
    {
      heed_record_set_bool (r, HEED_CASE_ON_BEHALF, TRUE);
      heed_record_set_text (r, HEED_CASE_RELATIONSHIP, p->relationship);
      heed_record_set_text (r, HEED_CASE_RELATIONSHIP_OTHER, p->relationship_other);
      heed_record_set_text (r, HEED_CASE_BEHALF_REASON, p->behalf_reason);
      heed_record_set_text (r, HEED_CASE_BEHALF_REASON_OTHER, p->behalf_reason_other);
      heed_record_set_text (r, HEED_CASE_CONSENT_STATUS, p->consent_status);
      heed_record_set_date (r, HEED_CASE_CONSENT_REQUESTED, &p->consent_requested);
      heed_record_set_date (r, HEED_CASE_CONSENT_RECEIVED, &p->consent_answered);
      if (g_strcmp0 (p->consent_status, "received") == 0)
        heed_record_set_date (r, HEED_CASE_AUTHORISED_ON, &p->consent_answered);
    }
  heed_record_set_bool (r, HEED_CASE_ANONYMOUS, p->anonymous);
  heed_record_set_bool (r, HEED_CASE_CONFIDENTIAL, chance (d, simple ? 0.01 : 0.05));
  _heed_demo_set_expanded (d, r, HEED_CASE_SUMMARY, &p->words, p->story->summary);
  if (!draft || chance (d, 0.5))
    _heed_demo_set_expanded (d, r, HEED_CASE_DESCRIPTION, &p->words, p->story->description);
  heed_record_set_text (r, HEED_CASE_SUBJECT, p->story->subject);
}

/* A complaint's or concern's details: who was involved, how it affected them, what they
 * want, where it happened, and a late complaint's decision. */
static void
fill_details (Demo       *d,
              Plan       *p,
              HeedRecord *r,
              gboolean    complaint,
              gboolean    draft)
{
  static const char *const gp_areas[] = {
    "Main surgery", "Branch surgery", "Telephone and online services", "Home visits",
  };
  static const char *const dental_areas[] = { "Main surgery", "Hygiene clinic" };

  if (chance (d, 0.5))
    {
      g_autofree char *involved = g_strdup_printf ("%s (%s)",
                                                   heed_demo_staff_seeds[p->named_staff].name,
                                                   staff_role (d, p->named_staff));

      heed_record_set_text (r, HEED_CASE_PEOPLE_INVOLVED, involved);
    }
  if (complaint && chance (d, 0.7))
    _heed_demo_set_expanded (d, r, HEED_CASE_HOW_AFFECTED, &p->words,
                             PICK_TEXT (d, heed_demo_how_affected));
  if (chance (d, complaint ? 0.85 : 0.4))
    {
      const char *subject = p->story->subject;
      const char *wanted = PICK_TEXT (d, heed_demo_outcomes_wanted);

      if (strcmp (subject, "records") == 0 && chance (d, 0.6))
        wanted = "To have my record corrected.";
      else if ((strcmp (subject, "administration") == 0 || strcmp (subject, "consent") == 0
                || (d->dental && strcmp (subject, "clinical") == 0))
               && chance (d, 0.5))
        wanted = "A refund of what I paid.";
      heed_record_set_text (r, HEED_CASE_OUTCOME_WANTED, wanted);
    }
  if (g_date_valid (&p->ack) && chance (d, 0.3))
    heed_record_set_text (r, HEED_CASE_OUTCOME_NOTES, PICK_TEXT (d, heed_demo_outcome_notes));
  if (chance (d, 0.5))
    heed_record_set_text (r, HEED_CASE_SERVICE_AREA,
                          d->dental ? PICK (d, dental_areas) : PICK (d, gp_areas));
  if (p->late && p->status != NULL && !draft && strcmp (p->status, "logged") != 0)
    heed_record_set_text (r, HEED_CASE_LATE_DECISION,
                          heed_case_status_from_id (p->ended_as) == HEED_STATUS_OUT_OF_SCOPE
                          ? "cannot-investigate" : "investigate");
}

/* How it is being handled: what was offered, the risk, safeguarding, scope, other
 * organisations, the plan and the dates; whether it gets actions. */
static gboolean
fill_handling (Demo       *d,
               Plan       *p,
               HeedRecord *r,
               gboolean    complaint,
               gboolean    decided)
{
  gboolean actions;

  heed_record_set_bool (r, HEED_CASE_CALLBACK_OFFERED, chance (d, 0.6));
  heed_record_set_bool (r, HEED_CASE_MEETING_OFFERED, !p->early && chance (d, 0.4));
  heed_record_set_bool (r, HEED_CASE_ADVOCACY_OFFERED,
                        g_date_valid (&p->ack) && chance (d, 0.9));
  heed_record_set_bool (r, HEED_CASE_COPY_OFFERED, is_oral_channel (p->channel));
  if (chance (d, 0.06))
    heed_record_set_text (r, HEED_CASE_NEEDS, PICK_TEXT (d, heed_demo_needs));

  actions = complaint && decided && g_date_valid (&p->respond)
            && strcmp (p->outcome, "not-upheld") != 0 && chance (d, 0.3);
  fill_risk (d, p, r, actions);

  if (chance (d, 0.01))
    {
      heed_record_set_bool (r, HEED_CASE_SAFEGUARDING, TRUE);
      heed_record_set_text (r, HEED_CASE_SAFEGUARDING_NOTE,
                            PICK_TEXT (d, heed_demo_safeguarding_notes));
      add_working_days (d, &p->received, rnd (d, 0, 1), &p->safeguarding_referred);
      forget_unless_reached (d, &p->safeguarding_referred);
      heed_record_set_date (r, HEED_CASE_SAFEGUARDING_REFERRED, &p->safeguarding_referred);
    }

  if (strcmp (p->status, "out-of-scope") == 0)
    heed_record_set_text (r, HEED_CASE_OUT_OF_SCOPE_REASON,
                          p->late ? "Made more than 12 months after the events, and the staff "
                                   "involved have since left, so it cannot be investigated "
                                   "fairly."
                                 : PICK_TEXT (d, heed_demo_out_of_scope_reasons));

  if (strcmp (p->story->subject, "integrated-care") == 0)
    {
      heed_record_set_text (r, HEED_CASE_OTHER_ORGANISATIONS,
                            "Exampleshire Hospitals NHS Foundation Trust");
      heed_record_set_text (r, HEED_CASE_LEAD_ORGANISATION,
                            chance (d, 0.6) ? d->practice_name
                                            : "Exampleshire Hospitals NHS Foundation Trust");
      heed_record_set_bool (r, HEED_CASE_CONSENT_TO_SHARE, chance (d, 0.85));
    }

  if (complaint && !p->early && g_date_valid (&p->start))
    {
      p->words.date = p->agreed;
      _heed_demo_set_expanded (d, r, HEED_CASE_PLAN, &p->words, PICK_TEXT (d, heed_demo_plans));
    }
  if (g_date_valid (&p->ack) && chance (d, 0.5))
    heed_record_set_text (r, HEED_CASE_UPDATE_ARRANGEMENTS,
                          PICK_TEXT (d, heed_demo_update_arrangements));
  heed_record_set_date (r, HEED_CASE_AGREED_RESPONSE_DATE, &p->agreed);
  heed_record_set_date (r, HEED_CASE_ACKNOWLEDGED_ON, &p->ack);
  heed_record_set_date (r, HEED_CASE_STAGE2_ON, &p->stage2);
  heed_record_set_bool (r, HEED_CASE_EXTENDED, p->extended);
  heed_record_set_date (r, HEED_CASE_RESPONDED_ON, &p->respond);
  return actions;
}

/* The outcome and what was put right. */
static void
fill_outcome (Demo       *d,
              Plan       *p,
              HeedRecord *r,
              gboolean    complaint,
              gboolean    concern,
              gboolean    decided,
              gboolean    actions)
{
  if (complaint && p->outcome != NULL)
    heed_record_set_text (r, HEED_CASE_OUTCOME, p->outcome);
  if (complaint && decided)
    {
      gboolean upheld = strcmp (p->outcome, "not-upheld") != 0;

      heed_record_set_bool (r, HEED_CASE_REMEDY_APOLOGY, chance (d, upheld ? 0.95 : 0.15));
      heed_record_set_bool (r, HEED_CASE_REMEDY_EXPLANATION, chance (d, 0.9));
      heed_record_set_bool (r, HEED_CASE_REMEDY_ACTION, actions || (upheld && chance (d, 0.3)));
      if (upheld && chance (d, d->dental ? 0.06 : 0.03))
        heed_record_set_int (r, HEED_CASE_REMEDY_FINANCIAL, financial_redress (d));
    }
  else if (concern && g_date_valid (&p->respond))
    {
      heed_record_set_bool (r, HEED_CASE_REMEDY_EXPLANATION, TRUE);
      heed_record_set_bool (r, HEED_CASE_REMEDY_APOLOGY, chance (d, 0.4));
    }
}

/* A closed complaint: perhaps the Ombudsman, and what was learned and may be published. */
static void
fill_learning (Demo       *d,
               Plan       *p,
               HeedRecord *r)
{
  const Learning *learning = find_learning (p->story->subject);
  gboolean upheld = strcmp (p->outcome, "not-upheld") != 0;

  if (chance (d, strcmp (p->outcome, "upheld") == 0 ? 0.01 : 0.045))
    fill_ombudsman (d, p, r);
  heed_record_set_bool (r, HEED_CASE_GENERAL_IMPORTANCE, chance (d, 0.05));
  if (upheld && chance (d, 0.6))
    {
      heed_record_set_text (r, HEED_CASE_LESSONS, learning->lesson);
      heed_record_set_bool (r, HEED_CASE_IN_REPORT, chance (d, 0.5));
      if (chance (d, 0.3))
        {
          heed_record_set_text (r, HEED_CASE_YOU_SAID, learning->you_said);
          heed_record_set_text (r, HEED_CASE_WE_DID, learning->we_did);
          heed_record_set_bool (r, HEED_CASE_PUBLICATION_APPROVED, chance (d, 0.7));
        }
    }
}

static gboolean
make_case (Demo        *d,
           const Slot  *slot,
           GError     **error)
{
  g_autoptr(HeedCase) kase = NULL;
  HeedRecord *r;
  Plan p = { 0 };
  gboolean complaint, concern, simple, draft, decided, actions = FALSE;
  gint64 case_id;

  if (!plan_case (d, slot, &p, error))
    return FALSE;
  complaint = strcmp (p.kind, "complaint") == 0;
  concern = strcmp (p.kind, "concern") == 0;
  simple = !complaint && !concern;
  draft = strcmp (p.status, "draft") == 0;
  decided = p.ended_as == NULL && p.outcome != NULL;

  kase = heed_case_new (p.kind);
  r = HEED_RECORD (kase);
  fill_case (d, &p, r, simple, draft);
  fill_dates (d, &p, r, simple);
  if (!simple)
    fill_details (d, &p, r, complaint, draft);
  if (!simple && !draft)
    actions = fill_handling (d, &p, r, complaint, decided);
  heed_record_set_date (r, HEED_CASE_CLOSED_ON, &p.close);
  heed_record_set_bool (r, HEED_CASE_ORAL_RESOLVED,
                        p.oral && strcmp (p.status, "closed") == 0);

  fill_outcome (d, &p, r, complaint, concern, decided, actions);
  if (complaint && decided && !p.oral && strcmp (p.status, "closed") == 0)
    fill_learning (d, &p, r);

  if (!heed_store_save (d->store, r, error))
    return FALSE;
  case_id = heed_record_get_id (r);

  if (complaint && !draft && !save_elements (d, &p, case_id, error))
    return FALSE;
  if (actions && !save_actions (d, &p, case_id, error))
    return FALSE;
  if (complaint && decided && !p.oral && strcmp (p.status, "closed") == 0 && chance (d, 0.1)
      && !save_survey (d, &p, case_id, error))
    return FALSE;
  if (complaint && !draft && strcmp (p.status, "logged") != 0
      && chance (d, p.reused_complainant ? 0.15 : 0.008)
      && !save_restriction (d, &p, case_id, error))
    return FALSE;

  _heed_demo_plan_events (d, &p);
  return _heed_demo_save_events (d, case_id, error);
}

/* The fill
 * ======== */

static void
get_real_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

void
heed_demo_options_init (HeedDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->n_cases = 300;
  options->years = 3;
  options->seed = 1;
  get_real_today (&options->today);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->minute < y->minute ? -1 : x->minute > y->minute;
}

/* When each piece of feedback arrived: spread over the years, a little more of it lately and
 * in winter, mostly on working days and in opening hours. */
static Slot *
make_slots (Demo  *d,
            guint  n,
            guint  years)
{
  Slot *slots = g_new (Slot, MAX (n, 1));
  GDate first = d->today;
  guint32 start, span;

  g_date_subtract_years (&first, years);
  g_date_add_days (&first, 1);
  start = g_date_get_julian (&first);
  span = g_date_get_julian (&d->today) - start + 1;

  for (guint i = 0; i < n; i++)
    {
      for (;;)
        {
          guint32 offset = (guint32) g_rand_int_range (d->rand, 0, (gint32) span);
          double weight = 0.8 + 0.4 * offset / span;
          GDate date;
          GDateMonth month;
          gboolean working;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, start + offset);
          month = g_date_get_month (&date);
          if (month == G_DATE_DECEMBER || month <= G_DATE_FEBRUARY)
            weight *= 1.15;
          if (g_rand_double (d->rand) * 1.2 * 1.15 > weight)
            continue;
          working = heed_calendar_is_working_day (d->calendar, &date);
          if (!working && chance (d, 0.85))
            continue;
          slots[i].julian = start + offset;
          slots[i].minute = (guint16) (working ? rnd (d, 8 * 60, 18 * 60 + 30)
                                               : rnd (d, 7 * 60, 22 * 60 + 30));
          break;
        }
    }
  qsort (slots, n, sizeof *slots, compare_slots);
  return slots;
}

gboolean
heed_demo_fill (HeedStore              *store,
                const HeedDemoOptions  *options,
                GError                **error)
{
  g_autofree Slot *slots = NULL;
  g_autofree char *practice_type = NULL;
  GDate real_today;
  Demo d = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&options->today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_return_val_if_fail (heed_store_get_calendar (store) != NULL, FALSE);

  get_real_today (&real_today);
  if (g_date_compare (&options->today, &real_today) > 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A demonstration practice cannot be made for a day in the future."));
      return FALSE;
    }
  if (options->years < 1 || options->years > 50)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A demonstration practice spans from 1 to 50 years."));
      return FALSE;
    }

  d.store = store;
  d.calendar = heed_store_get_calendar (store);
  d.nation = heed_store_get_nation (store);
  d.rand = g_rand_new_with_seed (options->seed);
  d.today = options->today;
  practice_type = heed_store_dup_setting (store, "practice-type");
  d.dental = g_strcmp0 (practice_type, "dental") == 0;
  d.practice = d.dental ? FOR_DENTAL : FOR_GP;
  d.practice_name = heed_store_dup_setting (store, "name");
  if (d.practice_name == NULL)
    d.practice_name = g_strdup ("The practice");
  d.text = g_string_sized_new (512);
  d.events = g_array_sized_new (FALSE, TRUE, sizeof (PendingEvent), 16);
  g_array_set_clear_func (d.events, _heed_demo_clear_pending_event);

  slots = make_slots (&d, options->n_cases, options->years);

  if (!heed_store_begin (store, error))
    goto out;
  if (!make_practice (&d, error))
    goto failed;
  for (guint i = 0; i < options->n_cases; i++)
    {
      if (i > 0 && i % BATCH_SIZE == 0)
        {
          if (!heed_store_commit (store, error) || !heed_store_begin (store, error))
            goto out;
        }
      if (!make_case (&d, &slots[i], error))
        goto failed;
    }
  ok = heed_store_commit (store, error);
  goto out;

failed:
  heed_store_rollback (store);
out:
  g_rand_free (d.rand);
  g_free (d.practice_name);
  g_string_free (d.text, TRUE);
  g_array_unref (d.events);
  return ok;
}
