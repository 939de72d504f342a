/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-action-plan.h"
#include "heed-report-figures-private.h"

/* The action plan */

void
heed_action_plan_item_free (HeedActionPlanItem *item)
{
  if (item == NULL)
    return;
  g_free (item->case_reference);
  g_free (item->description);
  g_free (item->owner);
  g_free (item);
}

static int
compare_action_items (gconstpointer a,
                      gconstpointer b)
{
  const HeedActionPlanItem *x = *(HeedActionPlanItem *const *) a;
  const HeedActionPlanItem *y = *(HeedActionPlanItem *const *) b;
  static const int order[] = {
    [HEED_ACTION_STATE_OVERDUE] = 0,
    [HEED_ACTION_STATE_DUE_SOON] = 1,
    [HEED_ACTION_STATE_NOT_DUE] = 2,
    [HEED_ACTION_STATE_DONE] = 3,
  };

  if (order[x->state] != order[y->state])
    return order[x->state] - order[y->state];
  if (x->state == HEED_ACTION_STATE_DONE)
    return g_date_valid (&x->completed) && g_date_valid (&y->completed)
           ? g_date_compare (&y->completed, &x->completed) : 0;
  if (g_date_valid (&x->due) != g_date_valid (&y->due))
    return g_date_valid (&x->due) ? -1 : 1;
  if (g_date_valid (&x->due) && g_date_compare (&x->due, &y->due) != 0)
    return g_date_compare (&x->due, &y->due);
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
heed_report_list_actions (HeedStore    *store,
                          const GDate  *today,
                          GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GDate now, soon;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    _heed_report_set_today (&now);
  soon = now;
  g_date_add_days (&soon, DUE_SOON_DAYS);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_action_plan_item_free);
  actions = heed_store_list_plan_actions (store, error);
  if (actions == NULL)
    return NULL;
  for (guint i = 0; i < actions->len; i++)
    {
      HeedFiguresPlanAction *action = g_ptr_array_index (actions, i);
      HeedActionPlanItem *item = g_new0 (HeedActionPlanItem, 1);

      item->id = action->id;
      item->case_id = action->case_id;
      item->case_reference = g_steal_pointer (&action->case_reference);
      item->description = g_steal_pointer (&action->description);
      item->owner = g_steal_pointer (&action->owner);
      _heed_report_parse_day (action->start_date, &item->start);
      _heed_report_parse_day (action->due_date, &item->due);
      _heed_report_parse_day (action->review_date, &item->review);
      _heed_report_parse_day (action->completed_on, &item->completed);
      if (g_date_valid (&item->completed))
        item->state = HEED_ACTION_STATE_DONE;
      else if (g_date_valid (&item->due) && g_date_compare (&item->due, &now) < 0)
        item->state = HEED_ACTION_STATE_OVERDUE;
      else if (g_date_valid (&item->due) && g_date_compare (&item->due, &soon) <= 0)
        item->state = HEED_ACTION_STATE_DUE_SOON;
      else
        item->state = HEED_ACTION_STATE_NOT_DUE;
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_action_items);
  return g_steal_pointer (&items);
}

const char *
heed_action_state_get_label (HeedActionState state)
{
  switch (state)
    {
    case HEED_ACTION_STATE_OVERDUE:
      return _("Overdue");
    case HEED_ACTION_STATE_DUE_SOON:
      return _("Due soon");
    case HEED_ACTION_STATE_DONE:
      return _("Done");
    case HEED_ACTION_STATE_NOT_DUE:
    default:
      return _("Not yet due");
    }
}
