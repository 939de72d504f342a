/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* The action plan as the window lists it (this is internal, so it names owners). */
typedef enum {
  HEED_ACTION_STATE_NOT_DUE,
  HEED_ACTION_STATE_DUE_SOON,  /* due within 14 days */
  HEED_ACTION_STATE_OVERDUE,
  HEED_ACTION_STATE_DONE,
} HeedActionState;

typedef struct {
  gint64          id;
  gint64          case_id;      /* 0 for a practice-wide action */
  char           *case_reference;
  char           *description;
  char           *owner;        /* staff name, or NULL */
  GDate           start;        /* invalid when not set; likewise below */
  GDate           due;
  GDate           review;
  GDate           completed;
  HeedActionState state;
} HeedActionPlanItem;

void               heed_action_plan_item_free        (HeedActionPlanItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedActionPlanItem, heed_action_plan_item_free)

/* Every action, overdue first, then by due date, done last; @today NULL means today. */
GPtrArray         *heed_report_list_actions          (HeedStore    *store,
                                                      const GDate  *today,
                                                      GError      **error);
const char        *heed_action_state_get_label       (HeedActionState state);

G_END_DECLS
