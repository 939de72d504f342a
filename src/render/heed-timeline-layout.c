/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "heed-case.h"
#include "heed-timeline-layout.h"
#include "heed-validate.h"

/* How near (in pixels) the pointer must be to an item to be over it. */
#define HIT_SLOP 8.0

struct _HeedTimelineLayout
{
  gatomicrefcount   ref_count;
  HeedTimelineData *data;
  HeedCalendar     *calendar;
  GArray           *rows;    /* HeedTimelineRow */
  double            header_height;
  double            label_width;
  double            row_height;
};

G_DEFINE_BOXED_TYPE (HeedTimelineLayout, heed_timeline_layout, heed_timeline_layout_ref,
                     heed_timeline_layout_unref)

static void
row_clear (gpointer data)
{
  HeedTimelineRow *row = data;

  g_clear_pointer (&row->items, g_array_unref);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const HeedTimelineItem *x = a;
  const HeedTimelineItem *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  /* On one day the deadline comes first, so what was due is read before what was done. */
  if (x->kind != y->kind)
    return x->kind == HEED_TIMELINE_ITEM_DEADLINE ? -1 : 1;
  return (int) x->index - (int) y->index;
}

static HeedTimelineRow *
add_row (HeedTimelineLayout *self,
         guint               lane,
         int                 group)
{
  HeedTimelineRow row = { lane, group, g_array_new (FALSE, FALSE, sizeof (HeedTimelineItem)) };

  g_array_append_val (self->rows, row);
  return &g_array_index (self->rows, HeedTimelineRow, self->rows->len - 1);
}

static void
add_item (HeedTimelineRow      *row,
          HeedTimelineItemKind  kind,
          guint                 index,
          const GDate          *date)
{
  HeedTimelineItem item = { kind, index, g_date_get_julian (date) };

  g_array_append_val (row->items, item);
}

HeedTimelineLayout *
heed_timeline_layout_new (HeedTimelineData *data)
{
  HeedTimelineLayout *self;
  guint n_lanes;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (HeedTimelineLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->data = heed_timeline_data_ref (data);
  self->calendar = heed_calendar_new (heed_timeline_data_get_nation (data));
  self->rows = g_array_new (FALSE, FALSE, sizeof (HeedTimelineRow));
  g_array_set_clear_func (self->rows, row_clear);
  heed_timeline_layout_set_sizes (self, 44, 240, 40);

  n_lanes = heed_timeline_data_get_n_lanes (data);
  if (heed_timeline_data_is_case (data) && n_lanes == 1)
    {
      const HeedTimelineLane *lane = heed_timeline_data_get_lane (data, 0);
      HeedTimelineRow *deadlines;

      /* Every row first: adding rows moves them in memory. */
      add_row (self, 0, HEED_TIMELINE_ROW_DEADLINES);
      for (int group = 0; group < HEED_TIMELINE_N_GROUPS; group++)
        add_row (self, 0, group);
      deadlines = &g_array_index (self->rows, HeedTimelineRow, 0);
      for (guint i = 0; i < lane->deadlines->len; i++)
        add_item (deadlines, HEED_TIMELINE_ITEM_DEADLINE, i,
                  &g_array_index (lane->deadlines, HeedDeadline, i).due);
      for (guint i = 0; i < lane->entries->len; i++)
        {
          const HeedTimelineEntry *entry = &g_array_index (lane->entries, HeedTimelineEntry, i);

          add_item (&g_array_index (self->rows, HeedTimelineRow, 1 + entry->group),
                    HEED_TIMELINE_ITEM_ENTRY, i, &entry->date);
        }
      return self;
    }

  for (guint l = 0; l < n_lanes; l++)
    {
      const HeedTimelineLane *lane = heed_timeline_data_get_lane (data, l);
      HeedTimelineRow *row = add_row (self, l, HEED_TIMELINE_ROW_CASE);

      g_array_set_size (row->items, 0);
      for (guint i = 0; i < lane->entries->len; i++)
        add_item (row, HEED_TIMELINE_ITEM_ENTRY, i,
                  &g_array_index (lane->entries, HeedTimelineEntry, i).date);
      for (guint i = 0; i < lane->deadlines->len; i++)
        add_item (row, HEED_TIMELINE_ITEM_DEADLINE, i,
                  &g_array_index (lane->deadlines, HeedDeadline, i).due);
      g_array_sort (row->items, compare_items);
    }
  return self;
}

HeedTimelineLayout *
heed_timeline_layout_ref (HeedTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
heed_timeline_layout_unref (HeedTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->rows);
  g_object_unref (self->calendar);
  heed_timeline_data_unref (self->data);
  g_free (self);
}

HeedTimelineData *
heed_timeline_layout_get_data (HeedTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

HeedCalendar *
heed_timeline_layout_get_calendar (HeedTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->calendar;
}

guint
heed_timeline_layout_get_n_rows (HeedTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const HeedTimelineRow *
heed_timeline_layout_get_row (HeedTimelineLayout *self,
                              guint               row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return &g_array_index (self->rows, HeedTimelineRow, row);
}

const HeedTimelineLane *
heed_timeline_layout_get_lane (HeedTimelineLayout *self,
                               guint               row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return heed_timeline_data_get_lane (self->data,
                                      g_array_index (self->rows, HeedTimelineRow, row).lane);
}

void
heed_timeline_layout_set_sizes (HeedTimelineLayout *self,
                                double              header_height,
                                double              label_width,
                                double              row_height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (header_height >= 0 && label_width >= 0 && row_height > 0);

  self->header_height = header_height;
  self->label_width = label_width;
  self->row_height = row_height;
}

double
heed_timeline_layout_get_header_height (HeedTimelineLayout *self)
{
  return self->header_height;
}

double
heed_timeline_layout_get_label_width (HeedTimelineLayout *self)
{
  return self->label_width;
}

double
heed_timeline_layout_get_row_height (HeedTimelineLayout *self)
{
  return self->row_height;
}

double
heed_timeline_layout_get_rows_height (HeedTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len * self->row_height;
}

double
heed_timeline_layout_x_for_day (HeedTimelineLayout         *self,
                                const HeedTimelineViewport *viewport,
                                double                      julian)
{
  return self->label_width + (julian - viewport->first_day) * viewport->pixels_per_day;
}

double
heed_timeline_layout_day_for_x (HeedTimelineLayout         *self,
                                const HeedTimelineViewport *viewport,
                                double                      x)
{
  return viewport->first_day + (x - self->label_width) / viewport->pixels_per_day;
}

double
heed_timeline_layout_y_for_row (HeedTimelineLayout         *self,
                                const HeedTimelineViewport *viewport,
                                guint                       row)
{
  return self->header_height + row * self->row_height - viewport->scroll_y;
}

gboolean
heed_timeline_layout_visible_rows (HeedTimelineLayout         *self,
                                   const HeedTimelineViewport *viewport,
                                   guint                      *first,
                                   guint                      *last)
{
  double top, bottom;

  g_return_val_if_fail (self != NULL && viewport != NULL, FALSE);

  top = MAX (0, viewport->scroll_y);
  bottom = viewport->scroll_y + viewport->height - self->header_height;
  *first = MIN ((guint) (top / self->row_height), self->rows->len);
  *last = bottom <= 0 ? *first : MIN ((guint) ceil (bottom / self->row_height), self->rows->len);
  return *last > *first;
}

/* The first item of @items on or after @julian. */
static guint
lower_bound (GArray *items,
             double  julian)
{
  guint low = 0, high = items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (items, HeedTimelineItem, mid).julian < julian)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

void
heed_timeline_layout_items_between (HeedTimelineLayout *self,
                                    guint               row,
                                    double              from_day,
                                    double              to_day,
                                    guint              *first,
                                    guint              *last)
{
  GArray *items;

  g_return_if_fail (self != NULL && row < self->rows->len);

  items = g_array_index (self->rows, HeedTimelineRow, row).items;
  *first = lower_bound (items, floor (from_day));
  *last = MAX (*first, lower_bound (items, floor (to_day) + 1));
}

int
heed_timeline_layout_nearest_item (HeedTimelineLayout *self,
                                   guint               row,
                                   double              julian)
{
  GArray *items;
  guint after;

  g_return_val_if_fail (self != NULL && row < self->rows->len, -1);

  items = g_array_index (self->rows, HeedTimelineRow, row).items;
  if (items->len == 0)
    return -1;
  after = lower_bound (items, julian);
  if (after == items->len)
    return (int) items->len - 1;
  if (after > 0
      && julian - g_array_index (items, HeedTimelineItem, after - 1).julian
         < g_array_index (items, HeedTimelineItem, after).julian - julian)
    return (int) after - 1;
  return (int) after;
}

gboolean
heed_timeline_layout_hit (HeedTimelineLayout         *self,
                          const HeedTimelineViewport *viewport,
                          double                      x,
                          double                      y,
                          int                        *row,
                          int                        *item)
{
  double offset;
  guint first, last, r;
  double best = HIT_SLOP + 1;

  g_return_val_if_fail (self != NULL && viewport != NULL, FALSE);

  *row = -1;
  *item = -1;
  if (y < self->header_height || x < 0 || x > viewport->width || y > viewport->height)
    return FALSE;
  offset = y - self->header_height + viewport->scroll_y;
  if (offset < 0 || offset >= self->rows->len * self->row_height)
    return FALSE;
  r = (guint) (offset / self->row_height);
  *row = (int) r;
  if (x < self->label_width)
    return TRUE;

  heed_timeline_layout_items_between (self, r,
                                      heed_timeline_layout_day_for_x (self, viewport,
                                                                      x - HIT_SLOP) - 1,
                                      heed_timeline_layout_day_for_x (self, viewport,
                                                                      x + HIT_SLOP),
                                      &first, &last);
  for (guint i = first; i < last; i++)
    {
      const HeedTimelineItem *candidate = &g_array_index (g_array_index (self->rows,
                                                                         HeedTimelineRow,
                                                                         r).items,
                                                          HeedTimelineItem, i);
      double cx = heed_timeline_layout_x_for_day (self, viewport, candidate->julian + 0.5);

      if (fabs (cx - x) < best)
        {
          best = fabs (cx - x);
          *item = (int) i;
        }
    }
  return TRUE;
}

char *
heed_timeline_describe_deadline (const HeedDeadline *deadline)
{
  g_autofree char *due = heed_format_date_long (&deadline->due);
  g_autofree char *state = heed_deadline_describe (deadline);

  /* TRANSLATORS: a deadline, e.g. "Respond, due 28 June 2025: overdue by 3 working days" */
  return g_strdup_printf (_("%s, due %s: %s"), heed_deadline_kind_get_label (deadline->kind),
                          due, state);
}

char *
heed_timeline_layout_dup_row_name (HeedTimelineLayout *self,
                                   guint               row)
{
  const HeedTimelineRow *r;
  const HeedTimelineLane *lane;

  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);

  r = &g_array_index (self->rows, HeedTimelineRow, row);
  lane = heed_timeline_data_get_lane (self->data, r->lane);
  if (r->group == HEED_TIMELINE_ROW_DEADLINES)
    return g_strdup (_("Deadlines"));
  if (r->group >= 0)
    return g_strdup (heed_timeline_group_get_label (r->group));
  /* TRANSLATORS: a kind of feedback and its reference, e.g. "Complaint C-2025-041" */
  return g_strdup_printf (_("%s %s"), heed_case_kind_get_label (lane->kind), lane->reference);
}

char *
heed_timeline_layout_describe_row (HeedTimelineLayout *self,
                                   guint               row)
{
  const HeedTimelineRow *r;
  const HeedTimelineLane *lane;
  g_autoptr(GString) text = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);

  r = &g_array_index (self->rows, HeedTimelineRow, row);
  lane = heed_timeline_data_get_lane (self->data, r->lane);
  name = heed_timeline_layout_dup_row_name (self, row);
  text = g_string_new (name);

  if (r->group != HEED_TIMELINE_ROW_CASE)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                                 r->items->len),
                              r->items->len);
      if (r->group == HEED_TIMELINE_ROW_DEADLINES && lane->overdue)
        g_string_append_printf (text, ", %s", _("overdue"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_string_append_printf (text, ", %s", heed_timeline_risk_get_label (lane->risk));
  g_string_append_printf (text, ", %s", heed_case_status_get_label (lane->status));
  if (g_date_valid (&lane->start))
    {
      g_autofree char *date = heed_format_date_long (&lane->start);

      g_string_append (text, ", ");
      /* TRANSLATORS: "received 3 June 2025" */
      g_string_append_printf (text, _("received %s"), date);
    }
  for (guint i = 0; i < lane->deadlines->len; i++)
    {
      const HeedDeadline *deadline = &g_array_index (lane->deadlines, HeedDeadline, i);
      g_autofree char *words = heed_timeline_describe_deadline (deadline);

      g_string_append_printf (text, "; %s", words);
    }
  if (lane->overdue)
    g_string_append_printf (text, "; %s", _("overdue"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
heed_timeline_layout_describe_item (HeedTimelineLayout *self,
                                    guint               row,
                                    guint               item)
{
  const HeedTimelineRow *r;
  const HeedTimelineLane *lane;
  const HeedTimelineItem *it;
  const HeedTimelineEntry *entry;
  g_autofree char *date = NULL;
  g_autofree char *done = NULL;

  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);
  r = &g_array_index (self->rows, HeedTimelineRow, row);
  g_return_val_if_fail (item < r->items->len, NULL);

  lane = heed_timeline_data_get_lane (self->data, r->lane);
  it = &g_array_index (r->items, HeedTimelineItem, item);
  if (it->kind == HEED_TIMELINE_ITEM_DEADLINE)
    return heed_timeline_describe_deadline (&g_array_index (lane->deadlines, HeedDeadline,
                                                            it->index));

  entry = &g_array_index (lane->entries, HeedTimelineEntry, it->index);
  date = heed_format_date_long (&entry->date);
  if (entry->source != HEED_TIMELINE_SOURCE_ACTION)
    /* TRANSLATORS: an entry: its kind, date and summary, e.g. "Phone call, 4 June 2025: …" */
    return g_strdup_printf (_("%s, %s: %s"), heed_timeline_entry_get_label (entry), date,
                            entry->summary != NULL ? entry->summary : "");
  if (g_date_valid (&entry->done))
    {
      done = heed_format_date_long (&entry->done);
      /* TRANSLATORS: an action: due date, summary, completion date */
      return g_strdup_printf (_("Action due %s: %s; done %s"), date, entry->summary, done);
    }
  if (entry->overdue)
    /* TRANSLATORS: an action not done by its due date */
    return g_strdup_printf (_("Action due %s: %s; overdue"), date, entry->summary);
  return g_strdup_printf (_("Action due %s: %s"), date, entry->summary);
}
