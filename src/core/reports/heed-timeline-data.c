/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-event.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-store-figures.h"
#include "heed-timeline-data.h"
#include "heed-validate.h"

struct _HeedTimelineData
{
  gatomicrefcount ref_count;
  gboolean        is_case;
  GPtrArray      *lanes;       /* HeedTimelineLane* */
  GHashTable     *by_case;     /* case id -> lane index + 1 */
  GDate           today;
  HeedNation      nation;
  char           *practice_name;
};

G_DEFINE_BOXED_TYPE (HeedTimelineData, heed_timeline_data, heed_timeline_data_ref,
                     heed_timeline_data_unref)

static void
entry_clear (gpointer data)
{
  HeedTimelineEntry *entry = data;

  g_clear_pointer (&entry->kind, g_free);
  g_clear_pointer (&entry->summary, g_free);
}

static void
lane_free (gpointer data)
{
  HeedTimelineLane *lane = data;

  g_free (lane->reference);
  g_free (lane->kind);
  g_free (lane->status);
  g_free (lane->summary);
  g_free (lane->risk);
  g_clear_pointer (&lane->entries, g_array_unref);
  g_clear_pointer (&lane->deadlines, g_array_unref);
  g_free (lane);
}

static HeedTimelineData *
data_new (HeedStore   *store,
          gboolean     is_case,
          const GDate *today)
{
  HeedTimelineData *self = g_new0 (HeedTimelineData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->is_case = is_case;
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->by_case = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->today = *today;
  self->nation = heed_store_get_nation (store);
  self->practice_name = heed_store_dup_setting (store, "name");
  return self;
}

HeedTimelineData *
heed_timeline_data_ref (HeedTimelineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
heed_timeline_data_unref (HeedTimelineData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_case);
  g_ptr_array_unref (self->lanes);
  g_free (self->practice_name);
  g_free (self);
}

/* Reads the day of a stored date or date-time; @minute gets the time of day when there is one. */
static gboolean
parse_stamp (const char *text,
             GDate      *date,
             int        *minute)
{
  char day[11];

  g_date_clear (date, 1);
  if (minute != NULL)
    *minute = -1;
  if (text == NULL || strlen (text) < 10)
    return FALSE;
  memcpy (day, text, 10);
  day[10] = '\0';
  if (!heed_date_from_iso (day, date))
    return FALSE;
  if (minute != NULL && strlen (text) >= 16 && text[10] == 'T'
      && g_ascii_isdigit (text[11]) && g_ascii_isdigit (text[12])
      && g_ascii_isdigit (text[14]) && g_ascii_isdigit (text[15]))
    {
      int hours = (text[11] - '0') * 10 + (text[12] - '0');
      int minutes = (text[14] - '0') * 10 + (text[15] - '0');

      if (hours < 24 && minutes < 60)
        *minute = hours * 60 + minutes;
    }
  return TRUE;
}

HeedTimelineGroup
heed_timeline_group_for_kind (const char *kind)
{
  static const char *const contact[] = { "call", "meeting", "letter-out", "letter-in",
                                         "email-out", "email-in", NULL };
  static const char *const investigation[] = { "interview", "statement", "records",
                                               "site-visit", "expert-advice", NULL };

  if (kind == NULL)
    return HEED_TIMELINE_GROUP_PROGRESS;
  if (strcmp (kind, "action") == 0)
    return HEED_TIMELINE_GROUP_ACTIONS;
  if (g_strv_contains (contact, kind))
    return HEED_TIMELINE_GROUP_CONTACT;
  if (g_strv_contains (investigation, kind))
    return HEED_TIMELINE_GROUP_INVESTIGATION;
  return HEED_TIMELINE_GROUP_PROGRESS;
}

const char *
heed_timeline_group_get_label (HeedTimelineGroup group)
{
  switch (group)
    {
    case HEED_TIMELINE_GROUP_PROGRESS:
      return _("Progress");
    case HEED_TIMELINE_GROUP_CONTACT:
      return _("Contact");
    case HEED_TIMELINE_GROUP_INVESTIGATION:
      return _("Investigation");
    case HEED_TIMELINE_GROUP_ACTIONS:
      return _("Action plan");
    case HEED_TIMELINE_N_GROUPS:
    default:
      return "";
    }
}

const char *
heed_timeline_entry_get_label (const HeedTimelineEntry *entry)
{
  g_return_val_if_fail (entry != NULL, "");

  if (entry->source == HEED_TIMELINE_SOURCE_ACTION)
    return _("Action");
  return heed_event_kind_get_label (entry->kind);
}

const char *
heed_timeline_risk_get_label (const char *risk)
{
  if (g_strcmp0 (risk, "low") == 0)
    return _("Low risk");
  if (g_strcmp0 (risk, "moderate") == 0)
    return _("Moderate risk");
  if (g_strcmp0 (risk, "high") == 0)
    return _("High risk");
  if (g_strcmp0 (risk, "extreme") == 0)
    return _("Extreme risk");
  return _("Not graded");
}

static HeedTimelineLane *
add_lane (HeedTimelineData  *self,
          const HeedCaseRow *row)
{
  HeedTimelineLane *lane = g_new0 (HeedTimelineLane, 1);

  lane->case_id = row->id;
  lane->reference = g_strdup (row->reference);
  lane->kind = g_strdup (row->kind);
  lane->status = g_strdup (row->status);
  lane->summary = g_strdup (row->summary);
  lane->risk = g_strdup (row->risk);
  parse_stamp (row->received, &lane->start, NULL);
  if (!heed_case_status_is_open (row->status))
    {
      if (!parse_stamp (row->closed_on, &lane->end, NULL))
        parse_stamp (row->responded_on, &lane->end, NULL);
    }
  lane->entries = g_array_new (FALSE, TRUE, sizeof (HeedTimelineEntry));
  g_array_set_clear_func (lane->entries, entry_clear);
  g_ptr_array_add (self->lanes, lane);
  g_hash_table_insert (self->by_case, &lane->case_id, GUINT_TO_POINTER (self->lanes->len));
  return lane;
}

static HeedTimelineLane *
lane_for_case (HeedTimelineData *self,
               gint64            case_id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_case, &case_id));

  return index == 0 ? NULL : g_ptr_array_index (self->lanes, index - 1);
}

static void
add_event_from_row (HeedTimelineLane      *lane,
                    const HeedTimelineRow *row)
{
  HeedTimelineEntry entry = { 0 };

  if (!parse_stamp (row->occurred_at, &entry.date, &entry.minute))
    return;
  entry.source = HEED_TIMELINE_SOURCE_EVENT;
  entry.id = row->id;
  entry.kind = g_strdup (row->kind);
  entry.summary = g_strdup (row->text);
  entry.group = heed_timeline_group_for_kind (entry.kind);
  g_date_clear (&entry.done, 1);
  g_array_append_val (lane->entries, entry);
}

static void
add_action_from_row (HeedTimelineLane      *lane,
                     const HeedTimelineRow *row,
                     const GDate           *today)
{
  HeedTimelineEntry entry = { 0 };
  GDate start;

  /* An action with no due date is placed where it starts; with neither it has no place. */
  if (!parse_stamp (row->due_date, &entry.date, NULL))
    {
      if (!parse_stamp (row->start_date, &start, NULL))
        return;
      entry.date = start;
    }
  entry.minute = -1;
  entry.source = HEED_TIMELINE_SOURCE_ACTION;
  entry.group = HEED_TIMELINE_GROUP_ACTIONS;
  entry.id = row->id;
  entry.kind = g_strdup ("action");
  entry.summary = g_strdup (row->text);
  parse_stamp (row->completed_on, &entry.done, NULL);
  entry.overdue = !g_date_valid (&entry.done) && row->due_date != NULL
                  && g_date_compare (&entry.date, today) < 0;
  g_array_append_val (lane->entries, entry);
  if (entry.overdue)
    lane->overdue = TRUE;
}

/* A date kept on the case (acknowledged on, referred to the Ombudsman on…) shows as an entry
 * unless the practice logged an event for it that day. */
static void
add_milestone (HeedTimelineLane  *lane,
               const char        *date_text,
               const char        *kind,
               const char *const *covered_by,
               const char        *summary)
{
  HeedTimelineEntry entry = { 0 };

  if (!parse_stamp (date_text, &entry.date, &entry.minute))
    return;
  for (guint i = 0; i < lane->entries->len; i++)
    {
      const HeedTimelineEntry *other = &g_array_index (lane->entries, HeedTimelineEntry, i);

      if (other->source == HEED_TIMELINE_SOURCE_EVENT
          && g_date_compare (&other->date, &entry.date) == 0
          && (strcmp (other->kind, kind) == 0
              || (covered_by != NULL && g_strv_contains (covered_by, other->kind))))
        return;
    }
  entry.source = HEED_TIMELINE_SOURCE_MILESTONE;
  entry.kind = g_strdup (kind);
  entry.group = heed_timeline_group_for_kind (kind);
  entry.summary = g_strdup (summary);
  g_date_clear (&entry.done, 1);
  g_array_append_val (lane->entries, entry);
}

static const char *const response_kinds[] = { "letter-out", "email-out", "call", "meeting",
                                              "status", NULL };

static void
add_row_milestones (HeedTimelineLane  *lane,
                    const HeedCaseRow *row)
{
  add_milestone (lane, row->received, "received", NULL, _("Received"));
  add_milestone (lane, row->acknowledged_on, "acknowledged", NULL, _("Acknowledged"));
  add_milestone (lane, row->responded_on, "status", response_kinds, _("Response sent"));
  add_milestone (lane, row->closed_on, "status", NULL, _("Closed"));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const HeedTimelineEntry *x = a;
  const HeedTimelineEntry *y = b;
  int cmp = g_date_compare (&x->date, &y->date);

  if (cmp != 0)
    return cmp;
  /* Within a day, timed entries in time order and the rest after them. */
  if (x->minute != y->minute)
    return (x->minute < 0 ? 24 * 60 : x->minute) - (y->minute < 0 ? 24 * 60 : y->minute);
  if (x->source != y->source)
    return (int) x->source - (int) y->source;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
finish_lane (HeedTimelineLane  *lane,
             const HeedCaseRow *row,
             HeedCalendar      *calendar,
             const GDate       *today)
{
  HeedDeadlineFacts facts;

  g_array_sort (lane->entries, compare_entries);
  heed_case_row_get_facts (row, &facts);
  lane->deadlines = heed_deadlines_compute (calendar, &facts, today);
  for (guint i = 0; i < lane->deadlines->len; i++)
    if (g_array_index (lane->deadlines, HeedDeadline, i).state == HEED_DEADLINE_OVERDUE)
      lane->overdue = TRUE;
}

typedef struct {
  HeedTimelineData *self;
  gboolean          actions;
} StepRows;

static void
step_row (const HeedTimelineRow *row,
          gpointer               user_data)
{
  StepRows *step = user_data;
  HeedTimelineLane *lane = lane_for_case (step->self, row->case_id);

  if (lane == NULL)
    return;
  if (step->actions)
    add_action_from_row (lane, row, &step->self->today);
  else
    add_event_from_row (lane, row);
}

/* The events (or actions) of the case @case_id, or of the cases in the JSON array @ids. */
static gboolean
step_rows (HeedStore         *store,
           HeedTimelineData  *self,
           gint64             case_id,
           const char        *ids,
           gboolean           actions,
           GError           **error)
{
  StepRows step = { self, actions };

  return heed_store_foreach_timeline_row (store, actions, case_id, ids, step_row, &step, error);
}

HeedTimelineData *
heed_timeline_data_load_case (HeedStore    *store,
                              gint64        case_id,
                              const GDate  *today,
                              GError      **error)
{
  g_autoptr(HeedTimelineData) self = NULL;
  g_autoptr(HeedCaseRow) row = NULL;
  HeedTimelineLane *lane;
  HeedCaseMilestones milestones;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  row = heed_store_load_case_row (store, case_id, error);
  if (row == NULL)
    return NULL;
  self = data_new (store, TRUE, today);
  lane = add_lane (self, row);

  if (!step_rows (store, self, case_id, NULL, FALSE, error))
    return NULL;
  if (!step_rows (store, self, case_id, NULL, TRUE, error))
    return NULL;

  add_row_milestones (lane, row);
  if (!heed_store_load_case_milestones (store, case_id, &milestones, error))
    return NULL;
  add_milestone (lane, milestones.consent_requested, "consent", NULL, _("Consent requested"));
  add_milestone (lane, milestones.consent_received, "consent", NULL, _("Consent received"));
  add_milestone (lane, milestones.stage2_on, "status", response_kinds, _("Moved to stage 2"));
  add_milestone (lane, milestones.ombudsman_referred, "ombudsman", NULL,
                 _("Referred to the Ombudsman"));
  add_milestone (lane, milestones.ombudsman_decided, "ombudsman", NULL,
                 _("Ombudsman’s decision"));
  add_milestone (lane, milestones.safeguarding_referred, "safeguarding", NULL,
                 _("Safeguarding referral"));
  heed_case_milestones_clear (&milestones);

  finish_lane (lane, row, heed_store_get_calendar (store), today);
  return g_steal_pointer (&self);
}

typedef struct {
  HeedTimelineData *self;
  GPtrArray        *rows;
  const GDate      *closed_from;
  const GDate      *closed_to;
} CollectRows;

static gboolean
collect_row (const HeedCaseRow *row,
             gpointer           user_data)
{
  CollectRows *collect = user_data;
  HeedCaseRow *copy;

  if (!heed_case_status_is_open (row->status))
    {
      GDate closed;

      if (collect->closed_from == NULL)
        return TRUE;
      if (!parse_stamp (row->closed_on, &closed, NULL)
          && !parse_stamp (row->responded_on, &closed, NULL))
        return TRUE;
      if (g_date_compare (&closed, collect->closed_from) < 0
          || g_date_compare (&closed, collect->closed_to) > 0)
        return TRUE;
    }
  if (lane_for_case (collect->self, row->id) != NULL)
    return TRUE;

  copy = g_new0 (HeedCaseRow, 1);
  copy->id = row->id;
  copy->reference = g_strdup (row->reference);
  copy->kind = g_strdup (row->kind);
  copy->status = g_strdup (row->status);
  copy->received = g_strdup (row->received);
  copy->summary = g_strdup (row->summary);
  copy->risk = g_strdup (row->risk);
  copy->track = g_strdup (row->track);
  copy->acknowledged_on = g_strdup (row->acknowledged_on);
  copy->agreed_response_date = g_strdup (row->agreed_response_date);
  copy->responded_on = g_strdup (row->responded_on);
  copy->closed_on = g_strdup (row->closed_on);
  copy->stage2_on = g_strdup (row->stage2_on);
  copy->extended = row->extended;
  add_lane (collect->self, copy);
  g_ptr_array_add (collect->rows, copy);
  return TRUE;
}

static char *
ids_as_json (HeedTimelineData *self)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < self->lanes->len; i++)
    {
      const HeedTimelineLane *lane = g_ptr_array_index (self->lanes, i);

      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_printf (json, "%" G_GINT64_FORMAT, lane->case_id);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

HeedTimelineData *
heed_timeline_data_load_practice (HeedStore      *store,
                                  HeedCaseQuery  *query,
                                  const GDate    *closed_from,
                                  const GDate    *closed_to,
                                  const GDate    *today,
                                  GError        **error)
{
  g_autoptr(HeedTimelineData) self = NULL;
  g_autoptr(HeedCaseQuery) open = heed_case_query_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_case_row_free);
  g_autofree char *ids = NULL;
  gboolean with_closed;
  CollectRows collect;
  HeedCalendar *calendar;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  with_closed = closed_from != NULL && closed_to != NULL
                && g_date_valid (closed_from) && g_date_valid (closed_to);
  self = data_new (store, FALSE, today);

  /* The same filters as the case list, over open cases (and closed ones when asked). */
  if (query != NULL)
    {
      open->search = g_strdup (query->search);
      open->kind = g_strdup (query->kind);
      open->status = g_strdup (query->status);
      open->subject = g_strdup (query->subject);
      open->from = query->from;
      open->to = query->to;
    }
  open->view = with_closed ? HEED_CASE_VIEW_ALL : HEED_CASE_VIEW_OPEN;
  open->newest_first = FALSE;
  collect.self = self;
  collect.rows = rows;
  collect.closed_from = with_closed ? closed_from : NULL;
  collect.closed_to = with_closed ? closed_to : NULL;
  if (!heed_store_foreach_case_row (store, open, collect_row, &collect, error))
    return NULL;
  if (self->lanes->len == 0)
    return g_steal_pointer (&self);

  ids = ids_as_json (self);
  if (!step_rows (store, self, 0, ids, FALSE, error))
    return NULL;
  if (!step_rows (store, self, 0, ids, TRUE, error))
    return NULL;

  calendar = heed_store_get_calendar (store);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      HeedTimelineLane *lane = g_ptr_array_index (self->lanes, i);
      const HeedCaseRow *row = g_ptr_array_index (rows, i);

      add_row_milestones (lane, row);
      finish_lane (lane, row, calendar, today);
    }
  return g_steal_pointer (&self);
}

gboolean
heed_timeline_data_is_case (HeedTimelineData *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->is_case;
}

guint
heed_timeline_data_get_n_lanes (HeedTimelineData *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len;
}

const HeedTimelineLane *
heed_timeline_data_get_lane (HeedTimelineData *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, index);
}

int
heed_timeline_data_find_case (HeedTimelineData *self,
                              gint64            case_id)
{
  g_return_val_if_fail (self != NULL, -1);

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_case, &case_id)) - 1;
}

const GDate *
heed_timeline_data_get_today (HeedTimelineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->today;
}

HeedNation
heed_timeline_data_get_nation (HeedTimelineData *self)
{
  g_return_val_if_fail (self != NULL, HEED_NATION_ENGLAND);

  return self->nation;
}

const char *
heed_timeline_data_get_practice_name (HeedTimelineData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->practice_name;
}

static void
widen (GDate       *first,
       GDate       *last,
       const GDate *date)
{
  if (!g_date_valid (date))
    return;
  if (!g_date_valid (first) || g_date_compare (date, first) < 0)
    *first = *date;
  if (!g_date_valid (last) || g_date_compare (date, last) > 0)
    *last = *date;
}

void
heed_timeline_data_get_extent (HeedTimelineData *self,
                               GDate            *first,
                               GDate            *last)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (first != NULL && last != NULL);

  g_date_clear (first, 1);
  g_date_clear (last, 1);
  widen (first, last, &self->today);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      const HeedTimelineLane *lane = g_ptr_array_index (self->lanes, i);

      widen (first, last, &lane->start);
      widen (first, last, &lane->end);
      for (guint j = 0; j < lane->entries->len; j++)
        widen (first, last, &g_array_index (lane->entries, HeedTimelineEntry, j).date);
      for (guint j = 0; j < lane->deadlines->len; j++)
        widen (first, last, &g_array_index (lane->deadlines, HeedDeadline, j).due);
    }
}

guint
heed_timeline_data_count_entries (HeedTimelineData *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->lanes->len; i++)
    n += ((const HeedTimelineLane *) g_ptr_array_index (self->lanes, i))->entries->len;
  return n;
}

static char *
dup_staff_name (HeedStore *store,
                gint64     id)
{
  g_autoptr(HeedStaff) staff = NULL;

  if (id <= 0)
    return NULL;
  staff = heed_store_load (store, HEED_TYPE_STAFF, id, NULL);
  return staff != NULL ? heed_record_dup_string (HEED_RECORD (staff), HEED_STAFF_NAME) : NULL;
}

static char *
describe_when (const HeedTimelineEntry *entry)
{
  g_autofree char *day = heed_format_date_long (&entry->date);

  if (entry->minute < 0)
    return g_steal_pointer (&day);
  /* TRANSLATORS: a date and a time of day, e.g. "4 June 2025, 14:10" */
  return g_strdup_printf (_("%s, %02d:%02d"), day, entry->minute / 60, entry->minute % 60);
}

HeedTimelineEntryDetail *
heed_timeline_entry_load_detail (HeedStore                *store,
                                 const HeedTimelineLane   *lane,
                                 const HeedTimelineEntry  *entry,
                                 GError                  **error)
{
  g_autoptr(HeedTimelineEntryDetail) detail = NULL;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (lane != NULL && entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  detail = g_new0 (HeedTimelineEntryDetail, 1);
  detail->title = g_strdup (heed_timeline_entry_get_label (entry));
  detail->summary = g_strdup (entry->summary);
  detail->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_attachment_info_free);

  if (entry->source == HEED_TIMELINE_SOURCE_EVENT)
    {
      g_autoptr(HeedEvent) event = heed_store_load (store, HEED_TYPE_EVENT, entry->id, error);
      g_autoptr(GPtrArray) all = NULL;

      if (event == NULL)
        return NULL;
      detail->when = describe_when (entry);
      detail->detail = heed_record_dup_string (HEED_RECORD (event), HEED_EVENT_DETAIL);
      detail->staff = dup_staff_name (store, heed_record_get_int (HEED_RECORD (event),
                                                                  HEED_EVENT_STAFF));
      all = heed_store_list_attachments (store, lane->case_id, error);
      if (all == NULL)
        return NULL;
      for (guint i = 0; i < all->len; i++)
        {
          HeedAttachmentInfo *info = g_ptr_array_index (all, i);

          if (info->event_id == entry->id)
            g_ptr_array_add (detail->attachments, g_ptr_array_steal_index (all, i--));
        }
    }
  else if (entry->source == HEED_TIMELINE_SOURCE_ACTION)
    {
      g_autoptr(HeedAction) action = heed_store_load (store, HEED_TYPE_ACTION, entry->id, error);
      g_autofree char *due = heed_format_date_long (&entry->date);

      if (action == NULL)
        return NULL;
      if (g_date_valid (&entry->done))
        {
          g_autofree char *done = heed_format_date_long (&entry->done);

          /* TRANSLATORS: when an action was due and when it was done */
          detail->when = g_strdup_printf (_("Due %s; done %s"), due, done);
        }
      else
        detail->when = g_strdup_printf (entry->overdue ? _("Due %s; overdue") : _("Due %s"), due);
      detail->detail = heed_record_dup_string (HEED_RECORD (action), HEED_ACTION_STANDARD);
      detail->staff = dup_staff_name (store, heed_record_get_int (HEED_RECORD (action),
                                                                  HEED_ACTION_OWNER));
    }
  else
    {
      detail->when = describe_when (entry);
      /* A date kept on the case itself: nothing more to it than the date. */
      detail->detail = g_strdup (_("Recorded on the case itself; no entry was logged for it."));
    }
  return g_steal_pointer (&detail);
}

void
heed_timeline_entry_detail_free (HeedTimelineEntryDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->title);
  g_free (detail->when);
  g_free (detail->summary);
  g_free (detail->detail);
  g_free (detail->staff);
  g_clear_pointer (&detail->attachments, g_ptr_array_unref);
  g_free (detail);
}
