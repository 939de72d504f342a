/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-calendar.h"

G_BEGIN_DECLS

typedef enum {
  HEED_DEADLINE_ACKNOWLEDGE,   /* acknowledge the complaint */
  HEED_DEADLINE_RESOLVE,       /* stage 1 (early resolution) in Scotland and Northern Ireland */
  HEED_DEADLINE_RESPOND,       /* the response: agreed date, or the nation's period */
  HEED_DEADLINE_SIX_MONTHS,    /* open six months: review it; in England, write to explain */
} HeedDeadlineKind;

typedef enum {
  HEED_DEADLINE_PENDING,   /* not yet due */
  HEED_DEADLINE_DUE_TODAY,
  HEED_DEADLINE_OVERDUE,
  HEED_DEADLINE_MET,
  HEED_DEADLINE_MISSED,    /* done, but after the date */
} HeedDeadlineState;

typedef struct {
  HeedDeadlineKind  kind;
  GDate             due;
  GDate             done;   /* invalid while not done */
  HeedDeadlineState state;
  int               working_days;  /* from today to due (negative: overdue by) */
} HeedDeadline;

/* The facts about a case that its deadlines depend on: the same for a loaded case and a row
 * of the case list. Dates are "YYYY-MM-DD" (or a date-time, whose date part counts). */
typedef struct {
  const char *kind;
  const char *status;
  const char *track;
  const char *received;
  const char *acknowledged_on;
  const char *agreed_response_date;
  const char *responded_on;
  const char *closed_on;
  const char *stage2_on;
  gboolean    extended;
  gboolean    oral_resolved;
} HeedDeadlineFacts;

/* The deadlines of a case as of @today, in date order. Complaints only; others have none. */
GArray     *heed_deadlines_compute        (HeedCalendar            *calendar,
                                           const HeedDeadlineFacts *facts,
                                           const GDate             *today);
/* The first deadline not yet met, or NULL. */
const HeedDeadline *heed_deadlines_next   (GArray *deadlines);
const char *heed_deadline_kind_get_label  (HeedDeadlineKind kind);
/* "due in 2 working days", "overdue by 3 working days", "due today", "met" */
char       *heed_deadline_describe        (const HeedDeadline *deadline);

G_END_DECLS
