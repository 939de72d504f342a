/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <string.h>

#include "heed-action-plan.h"
#include "heed-review-figures.h"
#include "heed-store-figures.h"
#include "heed-validate.h"

#define REVIEW_MONTHS 6

struct _HeedReviewFigures
{
  GObject            parent_instance;

  HeedReportFigures *figures;
  GDate              today;
  GPtrArray         *overdue_actions;  /* HeedActionPlanItem* */
  GPtrArray         *long_open_cases;  /* HeedReviewCase* */
};

G_DEFINE_FINAL_TYPE (HeedReviewFigures, heed_review_figures, G_TYPE_OBJECT)

void
heed_review_case_free (HeedReviewCase *item)
{
  if (item == NULL)
    return;
  g_free (item->reference);
  g_free (item->kind);
  g_free (item->status);
  g_free (item->handler);
  g_free (item);
}

static void
heed_review_figures_dispose (GObject *object)
{
  HeedReviewFigures *self = HEED_REVIEW_FIGURES (object);

  g_clear_object (&self->figures);
  G_OBJECT_CLASS (heed_review_figures_parent_class)->dispose (object);
}

static void
heed_review_figures_finalize (GObject *object)
{
  HeedReviewFigures *self = HEED_REVIEW_FIGURES (object);

  g_clear_pointer (&self->overdue_actions, g_ptr_array_unref);
  g_clear_pointer (&self->long_open_cases, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_review_figures_parent_class)->finalize (object);
}

static void
heed_review_figures_class_init (HeedReviewFiguresClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heed_review_figures_dispose;
  G_OBJECT_CLASS (klass)->finalize = heed_review_figures_finalize;
}

static void
heed_review_figures_init (HeedReviewFigures *self)
{
  g_date_clear (&self->today, 1);
  self->overdue_actions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) heed_action_plan_item_free);
  self->long_open_cases = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_review_case_free);
}

static int
whole_months_between (const GDate *from,
                      const GDate *to)
{
  int months = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12
               + (int) g_date_get_month (to) - (int) g_date_get_month (from);

  if (g_date_get_day (to) < g_date_get_day (from) && !g_date_is_last_of_month (to))
    months--;
  return MAX (months, 0);
}

/* Complaints and concerns not yet answered, closed, withdrawn or out of scope, received at
 * least six months before @today: the cases seed 000 asks to be looked at again. */
static gboolean
load_long_open_cases (HeedReviewFigures  *self,
                      HeedStore          *store,
                      GError            **error)
{
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GDate cutoff = self->today;

  g_date_subtract_months (&cutoff, REVIEW_MONTHS);
  g_date_add_days (&cutoff, 1);
  before = heed_format_date_iso (&cutoff);
  rows = heed_store_list_long_open_cases (store, before, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      HeedFiguresOpenCase *row = g_ptr_array_index (rows, i);
      g_autoptr(HeedReviewCase) item = g_new0 (HeedReviewCase, 1);
      g_autofree char *received = g_steal_pointer (&row->received_at);

      item->case_id = row->case_id;
      item->reference = g_steal_pointer (&row->reference);
      item->kind = g_steal_pointer (&row->kind);
      item->status = g_steal_pointer (&row->status);
      item->handler = g_steal_pointer (&row->handler);
      if (received == NULL || strlen (received) < 10)
        continue;
      received[10] = '\0';
      if (!heed_date_from_iso (received, &item->received))
        continue;
      item->months_open = whole_months_between (&item->received, &self->today);
      g_ptr_array_add (self->long_open_cases, g_steal_pointer (&item));
    }
  return TRUE;
}

HeedReviewFigures *
heed_review_figures_compute (HeedStore    *store,
                             const GDate  *from,
                             const GDate  *to,
                             const GDate  *today,
                             GError      **error)
{
  g_autoptr(HeedReviewFigures) self = NULL;
  g_autoptr(GPtrArray) actions = NULL;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HEED_TYPE_REVIEW_FIGURES, NULL);
  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    {
      g_date_clear (&self->today, 1);
      g_date_set_time_t (&self->today, time (NULL));
    }

  self->figures = heed_report_figures_compute (store, from, to, &self->today, error);
  if (self->figures == NULL)
    return NULL;
  /* The meeting is the practice's own: it needs the real numbers, however small. */
  heed_report_figures_set_suppress_small (self->figures, FALSE);

  actions = heed_report_list_actions (store, &self->today, error);
  if (actions == NULL)
    return NULL;
  for (guint i = 0; i < actions->len; i++)
    {
      HeedActionPlanItem *item = g_ptr_array_index (actions, i);

      if (item->state == HEED_ACTION_STATE_OVERDUE)
        g_ptr_array_add (self->overdue_actions, g_ptr_array_steal_index (actions, i--));
    }

  if (!load_long_open_cases (self, store, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
heed_review_parse_quarter (const char *text,
                           GDate      *from,
                           GDate      *to)
{
  guint64 year = 0, quarter = 0;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "-", 2);
  if (g_strv_length (parts) != 2 || strlen (parts[0]) != 4
      || (parts[1][0] != 'Q' && parts[1][0] != 'q')
      || !g_ascii_string_to_unsigned (parts[0], 10, 1900, 2200, &year, NULL)
      || !g_ascii_string_to_unsigned (parts[1] + 1, 10, 1, 4, &quarter, NULL))
    return FALSE;
  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, G_DATE_APRIL, (GDateYear) year);
  g_date_add_months (from, (guint) (quarter - 1) * 3);
  *to = *from;
  g_date_add_months (to, 3);
  g_date_subtract_days (to, 1);
  return TRUE;
}

void
heed_review_previous_quarter (const GDate *date,
                              GDate       *from,
                              GDate       *to)
{
  guint month;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (from != NULL && to != NULL);

  /* Financial quarters start in April, July, October and January, as calendar ones do. */
  month = ((g_date_get_month (date) - 1) / 3) * 3 + 1;
  g_date_clear (to, 1);
  g_date_set_dmy (to, 1, (GDateMonth) month, g_date_get_year (date));
  *from = *to;
  g_date_subtract_months (from, 3);
  g_date_subtract_days (to, 1);
}

HeedReportFigures *
heed_review_figures_get_figures (HeedReviewFigures *self)
{
  g_return_val_if_fail (HEED_IS_REVIEW_FIGURES (self), NULL);
  return self->figures;
}

const char *
heed_review_figures_get_practice (HeedReviewFigures *self)
{
  g_return_val_if_fail (HEED_IS_REVIEW_FIGURES (self), NULL);
  return heed_report_figures_get_practice (self->figures);
}

void
heed_review_figures_get_today (HeedReviewFigures *self,
                               GDate             *today)
{
  g_return_if_fail (HEED_IS_REVIEW_FIGURES (self));
  g_return_if_fail (today != NULL);
  *today = self->today;
}

gboolean
heed_review_figures_get_trend (HeedReviewFigures *self,
                               const char        *table_id,
                               const char        *row_id,
                               gint64            *now,
                               gint64            *before)
{
  const HeedReportTable *table;
  const HeedReportCell *cell;
  int row, this_column, previous_column;

  g_return_val_if_fail (HEED_IS_REVIEW_FIGURES (self), FALSE);

  table = heed_report_figures_find_table (self->figures, table_id);
  if (table == NULL)
    return FALSE;
  row = heed_report_table_find_row (table, row_id);
  this_column = heed_report_table_find_column (table, "this-period");
  previous_column = heed_report_table_find_column (table, "previous-period");
  if (row < 0 || this_column < 0 || previous_column < 0)
    return FALSE;
  cell = heed_report_table_get_cell (table, (guint) row, (guint) this_column);
  if (now != NULL)
    *now = cell->known ? (gint64) cell->value : 0;
  cell = heed_report_table_get_cell (table, (guint) row, (guint) previous_column);
  if (before != NULL)
    *before = cell->known ? (gint64) cell->value : 0;
  return TRUE;
}

GPtrArray *
heed_review_figures_get_overdue_actions (HeedReviewFigures *self)
{
  g_return_val_if_fail (HEED_IS_REVIEW_FIGURES (self), NULL);
  return self->overdue_actions;
}

GPtrArray *
heed_review_figures_get_long_open_cases (HeedReviewFigures *self)
{
  g_return_val_if_fail (HEED_IS_REVIEW_FIGURES (self), NULL);
  return self->long_open_cases;
}
