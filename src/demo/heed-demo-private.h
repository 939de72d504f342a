/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The demo generator's own parts, shared by its files: the demo being made, a case's plan, and
 * the small random and date helpers everything draws through (in one fixed order, so the same
 * seed makes the same practice). Private to the demo library. */

#include <glib.h>

#include "heed-calendar.h"
#include "heed-demo-texts.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define BATCH_SIZE 1000
#define MAX_EVENTS 8

/* The demo being made
 * =================== */

typedef struct {
  guint32 julian;  /* received day */
  guint16 minute;  /* received time, minutes after midnight */
} Slot;

typedef struct {
  guint32     julian;
  int         minute;
  guint       priority;  /* 0: always kept; higher ones go first when there are too many */
  guint       order;
  const char *kind;
  char       *summary;
  char       *detail;
  gint64      staff;
} PendingEvent;

/* The words of one case. */
typedef struct {
  char        rel[40];     /* "my mother" */
  gboolean    rel_female;
  const char *cond;
  const char *med;
  const char *test;
  const char *tooth;
  const char *treat;
  const char *day;
  const char *time;
  const char *fee;
  const char *hosp;
  const char *gp;
  const char *nurse;
  const char *staff;       /* {staff}: someone the complaint is about */
  int         mins;
  int         days;
  int         weeks;
  int         n;
  GDate       date;        /* {date}: the response date in a plan */
} Words;

typedef struct {
  HeedStore    *store;
  HeedCalendar *calendar;
  HeedNation    nation;
  GRand        *rand;
  GDate         today;
  gboolean      dental;
  guint         practice;  /* FOR_GP or FOR_DENTAL */
  char         *practice_name;
  gint64        staff[N_STAFF];
  GString      *text;      /* the last text expanded */
  GArray       *events;    /* PendingEvent of the case being made */
  guint         event_order;
  gint64        recent[64];  /* complainants of late, some of whom come back */
  guint         n_recent;
} Demo;

#define PICK(d, array) ((array)[g_rand_int_range ((d)->rand, 0, (gint32) G_N_ELEMENTS (array))])

typedef struct {
  const char  *kind;
  const char  *channel;
  const Story *story;
  Words        words;
  GDate        received;
  int          minute;
  char         received_at[24];

  gboolean     anonymous;
  gboolean     on_behalf;
  const char  *relationship;
  const char  *relationship_other;
  const char  *behalf_reason;
  const char  *behalf_reason_other;
  const char  *consent_status;
  GDate        consent_requested;
  GDate        consent_answered;
  gboolean     oral;
  gboolean     late;
  gboolean     safeguarding;
  GDate        safeguarding_referred;
  gboolean     reused_complainant;

  /* Where it has got to by today.  Dates not yet reached are invalid. */
  const char  *status;
  const char  *track;
  gboolean     early;         /* early resolution chosen at the start */
  gboolean     escalated;     /* early resolution that moved to a closer look */
  gboolean     extended;
  gboolean     late_response;
  const char  *ended_as;      /* withdrawn or out-of-scope */
  const char  *status_before_end;
  const char  *outcome;
  GDate        ack;
  GDate        start;
  GDate        stage2;
  GDate        due;           /* the response date the practice worked to */
  GDate        agreed;
  GDate        respond;
  GDate        close;

  GDate        ombudsman_referred;
  GDate        ombudsman_decided;
  GDate        restriction_told;

  gint64       complainant;
  gint64       affected;
  guint        handler;
  guint        received_by;
  guint        named_staff;   /* who the complaint is about, for people-involved */
} Plan;

/* A whole number from @lo to @hi, both included. */
static inline int
rnd (Demo *d,
     int   lo,
     int   hi)
{
  if (hi <= lo)
    return lo;
  return g_rand_int_range (d->rand, lo, hi + 1);
}

static inline gboolean
chance (Demo   *d,
        double  p)
{
  return g_rand_double (d->rand) < p;
}

/* An index into @weights, each as likely as its weight. */
static inline guint
pick_weighted (Demo        *d,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  int roll;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  roll = rnd (d, 0, (int) total - 1);
  for (guint i = 0; i < n; i++)
    {
      if (roll < (int) weights[i])
        return i;
      roll -= (int) weights[i];
    }
  return n - 1;
}

static inline void
add_working_days (Demo        *d,
                  const GDate *from,
                  int          n,
                  GDate       *result)
{
  heed_calendar_add_working_days (d->calendar, from, n, result);
}

static inline void
add_days (const GDate *from,
          int          n,
          GDate       *result)
{
  *result = *from;
  if (n >= 0)
    g_date_add_days (result, (guint) n);
  else
    g_date_subtract_days (result, (guint) -n);
}

/* Whether @date has come by the demo's today. */
static inline gboolean
reached (Demo        *d,
         const GDate *date)
{
  return g_date_valid (date) && g_date_compare (date, &d->today) <= 0;
}

static inline void
forget_unless_reached (Demo  *d,
                       GDate *date)
{
  if (!reached (d, date))
    g_date_clear (date, 1);
}

static inline void
format_datetime (const GDate *date,
                 int          minute,
                 char        *buf,
                 gsize        size)
{
  g_snprintf (buf, size, "%04u-%02u-%02uT%02d:%02d:00", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date), minute / 60,
              minute % 60);
}

static inline gboolean
is_oral_channel (const char *channel)
{
  return strcmp (channel, "phone") == 0 || strcmp (channel, "in-person") == 0
         || strcmp (channel, "video-call") == 0;
}

static inline void
set_rel (Words      *w,
         const char *phrase,
         gboolean    female)
{
  g_strlcpy (w->rel, phrase, sizeof w->rel);
  w->rel_female = female;
}

/* heed-demo.c */
const char *_heed_demo_ombudsman_name (Demo *d);
const char *_heed_demo_expand (Demo        *d,
                               const Words *w,
                               const char  *text);
void _heed_demo_set_expanded (Demo        *d,
                              HeedRecord  *record,
                              guint        field,
                              const Words *w,
                              const char  *text);

/* heed-demo-people.c */
gboolean _heed_demo_make_behalf_people (Demo    *d,
                                        Plan    *p,
                                        GError **error);
char *_heed_demo_make_landline (Demo *d);
char *_heed_demo_make_mobile (Demo *d);
gboolean _heed_demo_make_complainant (Demo    *d,
                                      Plan    *p,
                                      GError **error);

/* heed-demo-progress.c */
void _heed_demo_clear_pending_event (gpointer data);
void _heed_demo_plan_progress (Demo *d,
                               Plan *p);
void _heed_demo_plan_events (Demo *d,
                             Plan *p);
gboolean _heed_demo_save_events (Demo    *d,
                                 gint64   case_id,
                                 GError **error);

G_END_DECLS
