/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-case-query.h"
#include "heed-deadlines.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* What the timelines draw: for one case, every dated thing that happened to it with its
 * deadlines; for the practice, one lane per case with its span, events and deadlines.  Loaded
 * in a few queries, never one per case, so 2,000 open cases cost two statements. */

/* Where an entry comes from. */
typedef enum {
  HEED_TIMELINE_SOURCE_EVENT,      /* a row of the case's timeline (events table) */
  HEED_TIMELINE_SOURCE_MILESTONE,  /* a date kept on the case itself with no event for it */
  HEED_TIMELINE_SOURCE_ACTION,     /* an action-plan item, placed at its due date */
} HeedTimelineSource;

/* The row a case's own timeline puts an entry in. */
typedef enum {
  HEED_TIMELINE_GROUP_PROGRESS,       /* received, acknowledged, status, consent, Ombudsman */
  HEED_TIMELINE_GROUP_CONTACT,        /* calls, meetings, letters and emails */
  HEED_TIMELINE_GROUP_INVESTIGATION,  /* interviews, statements, records, visits, advice */
  HEED_TIMELINE_GROUP_ACTIONS,        /* the action plan */
  HEED_TIMELINE_N_GROUPS
} HeedTimelineGroup;

typedef struct {
  GDate              date;
  int                minute;     /* minute of the day, or -1 when only the day is known */
  HeedTimelineSource source;
  HeedTimelineGroup  group;
  char              *kind;       /* an event kind id (heed_event_kinds), or "action" */
  char              *summary;
  gint64             id;         /* the event's or action's row id; 0 for a milestone */
  GDate              done;       /* actions: completed on; invalid while not done */
  gboolean           overdue;    /* actions: past their due date and not done */
} HeedTimelineEntry;

typedef struct {
  gint64   case_id;
  char    *reference;
  char    *kind;
  char    *status;
  char    *summary;
  char    *risk;       /* low, moderate, high, extreme, or NULL when not graded */
  GDate    start;      /* received */
  GDate    end;        /* closed (or responded); invalid while open */
  GArray  *entries;    /* HeedTimelineEntry in date order */
  GArray  *deadlines;  /* HeedDeadline in date order */
  gboolean overdue;    /* a deadline or an action is overdue */
} HeedTimelineLane;

typedef struct _HeedTimelineData HeedTimelineData;

#define HEED_TYPE_TIMELINE_DATA (heed_timeline_data_get_type ())
GType             heed_timeline_data_get_type    (void) G_GNUC_CONST;

/* One case's timeline: a single lane holding every entry of the case, as of @today. */
HeedTimelineData *heed_timeline_data_load_case   (HeedStore      *store,
                                                  gint64          case_id,
                                                  const GDate    *today,
                                                  GError        **error);
/* The practice timeline: the open cases that @query (may be NULL) lets through, and when
 * @closed_from and @closed_to are valid, the cases closed between them too; oldest first. */
HeedTimelineData *heed_timeline_data_load_practice (HeedStore     *store,
                                                    HeedCaseQuery *query,
                                                    const GDate   *closed_from,
                                                    const GDate   *closed_to,
                                                    const GDate   *today,
                                                    GError       **error);

HeedTimelineData *heed_timeline_data_ref         (HeedTimelineData *self);
void              heed_timeline_data_unref       (HeedTimelineData *self);

gboolean          heed_timeline_data_is_case     (HeedTimelineData *self);
guint             heed_timeline_data_get_n_lanes (HeedTimelineData *self);
const HeedTimelineLane *heed_timeline_data_get_lane (HeedTimelineData *self,
                                                     guint             index);
/* The lane of a case, or -1. */
int               heed_timeline_data_find_case   (HeedTimelineData *self,
                                                  gint64            case_id);
const GDate      *heed_timeline_data_get_today   (HeedTimelineData *self);
HeedNation        heed_timeline_data_get_nation  (HeedTimelineData *self);
const char       *heed_timeline_data_get_practice_name (HeedTimelineData *self);
/* The first and last dates anything falls on (entries, deadlines, today). */
void              heed_timeline_data_get_extent  (HeedTimelineData *self,
                                                  GDate            *first,
                                                  GDate            *last);
guint             heed_timeline_data_count_entries (HeedTimelineData *self);

HeedTimelineGroup heed_timeline_group_for_kind   (const char *kind);
/* Translated: "Progress", "Contact", "Investigation", "Action plan" */
const char       *heed_timeline_group_get_label  (HeedTimelineGroup group);
/* Translated name of an entry's kind: "Phone call", "Action", … */
const char       *heed_timeline_entry_get_label  (const HeedTimelineEntry *entry);
/* "Low risk", "Moderate risk", …, "Not graded"; translated. */
const char       *heed_timeline_risk_get_label   (const char *risk);

/* What selecting an entry shows: its words in full, who, and what is attached to it. */
typedef struct {
  char      *title;        /* "Phone call", "Action" */
  char      *when;         /* "4 June 2025, 14:10" */
  char      *summary;
  char      *detail;       /* the long text, or NULL */
  char      *staff;        /* by whom (an action's owner), or NULL */
  GPtrArray *attachments;  /* HeedAttachmentInfo*, the event's own */
} HeedTimelineEntryDetail;

HeedTimelineEntryDetail *heed_timeline_entry_load_detail (HeedStore               *store,
                                                          const HeedTimelineLane  *lane,
                                                          const HeedTimelineEntry *entry,
                                                          GError                 **error);
void              heed_timeline_entry_detail_free (HeedTimelineEntryDetail *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedTimelineData, heed_timeline_data_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedTimelineEntryDetail, heed_timeline_entry_detail_free)

G_END_DECLS
