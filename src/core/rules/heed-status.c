/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-case.h"
#include "heed-status.h"
#include "heed-procedure.h"
#include "heed-store.h"

/* The ways a case may go (DOMAIN.md, "Statuses"). Complaints and concerns run the complaint
 * process; comments and compliments are logged and closed. Closed cases can be reopened. */

typedef struct {
  const char *from;
  const char *const to[6];
} Transition;

static const Transition complaint_transitions[] = {
  { "draft", { "logged", NULL } },
  /* An oral complaint resolved by the next working day may close straight from logged. */
  { "logged", { "acknowledged", "in-progress", "closed", "withdrawn", "out-of-scope", NULL } },
  { "acknowledged", { "in-progress", "responded", "withdrawn", "out-of-scope", NULL } },
  { "in-progress", { "responded", "withdrawn", "out-of-scope", NULL } },
  { "responded", { "closed", "in-progress", "withdrawn", NULL } },
  { "closed", { "in-progress", NULL } },
  { "withdrawn", { "in-progress", NULL } },
  { "out-of-scope", { "in-progress", NULL } },
};

static const Transition simple_transitions[] = {
  { "draft", { "logged", NULL } },
  { "logged", { "closed", "withdrawn", NULL } },
  { "closed", { "logged", NULL } },
  { "withdrawn", { "logged", NULL } },
};

gboolean
heed_status_is_simple_kind (const char *kind)
{
  HeedCaseKind value = heed_case_kind_from_id (kind);

  return value == HEED_KIND_COMMENT || value == HEED_KIND_COMPLIMENT;
}

const char *const *
heed_status_next (const char *kind,
                  const char *from)
{
  static const char *const none[] = { NULL };
  const Transition *table = heed_status_is_simple_kind (kind) ? simple_transitions
                                                              : complaint_transitions;
  guint n = heed_status_is_simple_kind (kind) ? G_N_ELEMENTS (simple_transitions)
                                  : G_N_ELEMENTS (complaint_transitions);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (table[i].from, from) == 0)
      return table[i].to;
  return none;
}

gboolean
heed_status_can_change (const char  *kind,
                        const char  *from,
                        const char  *to,
                        GError     **error)
{
  if (to == NULL || !g_strv_contains (heed_case_statuses, to))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is not a status Heed knows."), to != NULL ? to : "");
      return FALSE;
    }
  if (g_strcmp0 (from, to) == 0)
    return TRUE;
  if (g_strv_contains (heed_status_next (kind, from), to))
    return TRUE;

  {
    g_autofree char *what = g_utf8_strdown (heed_case_kind_get_label (kind), -1);

    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                 _("A %s that is “%s” cannot become “%s”."), what,
                 heed_case_status_get_label (from), heed_case_status_get_label (to));
  }
  return FALSE;
}

gboolean
heed_status_needs_reason (const char *from,
                          const char *to)
{
  if (heed_case_status_from_id (to) == HEED_STATUS_WITHDRAWN
      || heed_case_status_from_id (to) == HEED_STATUS_OUT_OF_SCOPE)
    return TRUE;
  return !heed_case_status_is_open (from) && heed_case_status_is_open (to);
}

/* DOMAIN.md: in England and Wales, a complaint made by phone or in person and resolved to the
 * person's satisfaction by the end of the next working day need not go through the complaint
 * process; it is kept for learning, outside the statutory counts. Scotland and Northern
 * Ireland have early resolution (stage 1) for that instead. */
gboolean
heed_status_can_close_as_oral (HeedCase     *kase,
                               HeedCalendar *calendar,
                               const GDate  *today)
{
  static const char *const oral_channels[] = { "in-person", "phone", "video-call", NULL };
  const char *channel;
  GDate received, last_day;

  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);

  channel = heed_record_get_text (HEED_RECORD (kase), HEED_CASE_CHANNEL);
  if (heed_status_is_simple_kind (heed_case_get_kind (kase))
      || heed_case_get_status_value (kase) != HEED_STATUS_LOGGED
      || channel == NULL || !g_strv_contains (oral_channels, channel)
      || !heed_case_get_received (kase, &received))
    return FALSE;
  /* England and Wales only: the procedure in force the day it was received says. */
  if (!heed_procedure_for (heed_calendar_get_nation (calendar), &received)->oral_next_day)
    return FALSE;
  heed_calendar_add_working_days (calendar, &received, 1, &last_day);
  return g_date_compare (today, &last_day) <= 0;
}
