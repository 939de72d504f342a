/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-action-plan.h"
#include "heed-case.h"
#include "heed-report-pdf-private.h"
#include "heed-review-pdf.h"
#include "heed-validate.h"

const char *
heed_review_get_title (void)
{
  return _("Quarterly complaints review");
}

/* "+2", "−1" or "no change": which way a figure went since the last quarter. */
static char *
format_change (gint64 now,
               gint64 before)
{
  if (now == before)
    return g_strdup (_("no change"));
  if (now > before)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, now - before);
  return g_strdup_printf ("−%" G_GINT64_FORMAT, before - now);
}

static GPtrArray *
add_row (HeedDocumentBlock *block,
         const char        *first,
         HeedTextStyle      style)
{
  GPtrArray *row = heed_document_table_add_row (block);
  g_autofree char *cell = heed_report_doc_markup (first, style);

  heed_document_table_row_add_cell (row, cell);
  return row;
}

static void
add_cell (GPtrArray     *row,
          const char    *text,
          HeedTextStyle  style)
{
  g_autofree char *cell = heed_report_doc_markup (text != NULL ? text : "—", style);

  heed_document_table_row_add_cell (row, cell);
}

typedef struct {
  guint  row;
  gint64 now;
  gint64 before;
} TrendRow;

static int
compare_trend_rows (gconstpointer a,
                    gconstpointer b)
{
  const TrendRow *x = a, *y = b;

  if (x->now != y->now)
    return x->now > y->now ? -1 : 1;
  if (x->before != y->before)
    return x->before > y->before ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* A compared table as this quarter, the previous one and the change; @by_size puts the
 * biggest themes first, which is what a meeting looks at.  No chart: the change column says
 * more than two bars, and the review stays short. */
static void
add_trend_table (HeedDocument      *document,
                 HeedReviewFigures *review,
                 const char        *table_id,
                 const char        *heading,
                 gboolean           by_size,
                 const char        *empty)
{
  HeedReportFigures *figures = heed_review_figures_get_figures (review);
  const HeedReportTable *table = heed_report_figures_find_table (figures, table_id);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (TrendRow));
  HeedDocumentBlock *block;
  GPtrArray *row;
  static const double widths[] = { 3.0, 1.2, 1.2, 1.2 };

  if (table == NULL)
    return;
  heed_report_doc_add_heading (document, 2, heading);
  for (guint r = 0; r < table->rows->len; r++)
    {
      TrendRow trend = { r, 0, 0 };

      if (!heed_review_figures_get_trend (review, table_id, g_ptr_array_index (table->row_ids, r),
                                          &trend.now, &trend.before))
        continue;
      g_array_append_val (rows, trend);
    }
  if (rows->len == 0)
    {
      heed_report_doc_add_paragraph (document, empty, HEED_TEXT_PLAIN);
      return;
    }
  if (by_size)
    g_array_sort (rows, compare_trend_rows);

  block = heed_document_add_table (document, 1);
  heed_document_table_set_widths (block, widths, G_N_ELEMENTS (widths));
  row = add_row (block, table->row_heading, HEED_TEXT_BOLD);
  add_cell (row, _("This quarter"), HEED_TEXT_BOLD);
  add_cell (row, _("Previous quarter"), HEED_TEXT_BOLD);
  add_cell (row, _("Change"), HEED_TEXT_BOLD);
  for (guint i = 0; i < rows->len; i++)
    {
      const TrendRow *trend = &g_array_index (rows, TrendRow, i);
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, trend->now);
      g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT, trend->before);
      g_autofree char *change = format_change (trend->now, trend->before);

      row = add_row (block, g_ptr_array_index (table->rows, trend->row), HEED_TEXT_PLAIN);
      add_cell (row, now, HEED_TEXT_PLAIN);
      add_cell (row, before, HEED_TEXT_PLAIN);
      add_cell (row, change, trend->now > trend->before ? HEED_TEXT_BOLD : HEED_TEXT_PLAIN);
    }
  if (table->note != NULL)
    heed_report_doc_add_paragraph (document, table->note, HEED_TEXT_ITALIC);
}

static void
add_overdue_actions (HeedDocument      *document,
                     HeedReviewFigures *review)
{
  GPtrArray *actions = heed_review_figures_get_overdue_actions (review);
  static const double widths[] = { 3.0, 1.5, 1.5, 1.7, 1.2 };
  HeedDocumentBlock *block;
  GPtrArray *row;
  GDate today;

  heed_report_doc_add_heading (document, 2, _("Actions past their due date"));
  if (actions->len == 0)
    {
      heed_report_doc_add_paragraph (document, _("No action is past its due date."),
                                     HEED_TEXT_PLAIN);
      return;
    }
  heed_review_figures_get_today (review, &today);
  block = heed_document_add_table (document, 1);
  heed_document_table_set_widths (block, widths, G_N_ELEMENTS (widths));
  row = add_row (block, _("Action"), HEED_TEXT_BOLD);
  add_cell (row, _("Case"), HEED_TEXT_BOLD);
  add_cell (row, _("Owner"), HEED_TEXT_BOLD);
  add_cell (row, _("Due"), HEED_TEXT_BOLD);
  add_cell (row, _("Late by"), HEED_TEXT_BOLD);
  for (guint i = 0; i < actions->len; i++)
    {
      HeedActionPlanItem *item = g_ptr_array_index (actions, i);
      g_autofree char *due = heed_format_date_long (&item->due);
      int days = g_date_days_between (&item->due, &today);
      g_autofree char *late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day",
                                                            "%d days", (gulong) days),
                                               days);

      row = add_row (block, item->description, HEED_TEXT_PLAIN);
      /* TRANSLATORS: an action that belongs to no one case */
      add_cell (row, item->case_reference != NULL ? item->case_reference : _("Practice-wide"),
                HEED_TEXT_PLAIN);
      add_cell (row, item->owner != NULL ? item->owner : _("No owner"), HEED_TEXT_PLAIN);
      add_cell (row, due, HEED_TEXT_PLAIN);
      add_cell (row, late, HEED_TEXT_PLAIN);
    }
}

static void
add_long_open_cases (HeedDocument      *document,
                     HeedReviewFigures *review)
{
  GPtrArray *cases = heed_review_figures_get_long_open_cases (review);
  static const double widths[] = { 1.6, 1.3, 1.7, 1.8, 1.7, 1.2 };
  HeedDocumentBlock *block;
  GPtrArray *row;

  heed_report_doc_add_heading (document, 2, _("Open more than six months"));
  if (cases->len == 0)
    {
      heed_report_doc_add_paragraph (document, _("No complaint or concern has been open more "
                                                 "than six months."),
                                     HEED_TEXT_PLAIN);
      return;
    }
  heed_report_doc_add_paragraph (document, _("Each of these needs a look at why it is taking so "
                                             "long, and a letter to the complainant explaining "
                                             "the delay and giving a new date."),
                                 HEED_TEXT_PLAIN);
  block = heed_document_add_table (document, 1);
  heed_document_table_set_widths (block, widths, G_N_ELEMENTS (widths));
  row = add_row (block, _("Reference"), HEED_TEXT_BOLD);
  add_cell (row, _("Kind"), HEED_TEXT_BOLD);
  add_cell (row, _("Received"), HEED_TEXT_BOLD);
  add_cell (row, _("Status"), HEED_TEXT_BOLD);
  add_cell (row, _("Handled by"), HEED_TEXT_BOLD);
  add_cell (row, _("Open for"), HEED_TEXT_BOLD);
  for (guint i = 0; i < cases->len; i++)
    {
      HeedReviewCase *item = g_ptr_array_index (cases, i);
      g_autofree char *received = heed_format_date_long (&item->received);
      g_autofree char *months = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month",
                                                              "%d months",
                                                              (gulong) item->months_open),
                                                 item->months_open);

      row = add_row (block, item->reference, HEED_TEXT_PLAIN);
      add_cell (row, heed_case_kind_get_label (item->kind), HEED_TEXT_PLAIN);
      add_cell (row, received, HEED_TEXT_PLAIN);
      add_cell (row, heed_case_status_get_label (item->status), HEED_TEXT_PLAIN);
      add_cell (row, item->handler != NULL ? item->handler : _("No one yet"), HEED_TEXT_PLAIN);
      add_cell (row, months, HEED_TEXT_PLAIN);
    }
}

static char *
dup_period_text (HeedReviewFigures *review)
{
  HeedReportFigures *figures = heed_review_figures_get_figures (review);

  return heed_report_figures_dup_period_text (figures);
}

static HeedDocument *
build_document (HeedReviewFigures *review)
{
  HeedReportFigures *figures = heed_review_figures_get_figures (review);
  g_autofree char *period = dup_period_text (review);
  g_autofree char *title = g_strdup_printf ("%s — %s", heed_review_figures_get_practice (review),
                                            heed_review_get_title ());
  g_autofree char *previous_from = NULL, *previous_to = NULL, *as_of = NULL;
  g_autofree char *compared = NULL, *as_of_text = NULL;
  HeedDocument *document = heed_document_new (title);
  HeedDocumentBlock *list;
  GDate from, to, today;
  gint64 now = 0, before = 0;

  heed_report_figures_get_previous (figures, &from, &to);
  previous_from = heed_format_date_long (&from);
  previous_to = heed_format_date_long (&to);
  heed_review_figures_get_today (review, &today);
  as_of = heed_format_date_long (&today);

  heed_report_doc_add_heading (document, 1, heed_review_get_title ());
  heed_report_doc_add_paragraph (document, heed_review_figures_get_practice (review),
                                 HEED_TEXT_BOLD);
  /* TRANSLATORS: the quarter reviewed and the one before, "1 July 2025 to 30 September 2025,
   * compared with 1 April 2025 to 30 June 2025" */
  compared = g_strdup_printf (_("%s, compared with %s to %s"), period, previous_from,
                              previous_to);
  heed_report_doc_add_paragraph (document, compared, HEED_TEXT_PLAIN);
  as_of_text = g_strdup_printf (_("Actions and open cases as they stood on %s."), as_of);
  heed_report_doc_add_paragraph (document, as_of_text, HEED_TEXT_PLAIN);
  heed_report_doc_add_paragraph (document, _("For the practice’s own review meeting, not for "
                                             "publication: it names the staff who own actions "
                                             "and handle cases. No complainant or patient is "
                                             "named; cases are given by their reference."),
                                 HEED_TEXT_ITALIC);

  heed_report_doc_add_heading (document, 2, _("At a glance"));
  list = heed_document_add_list (document, FALSE);
  {
    g_autofree char *received = NULL, *actions = NULL, *open = NULL, *line = NULL;
    guint n_actions = heed_review_figures_get_overdue_actions (review)->len;
    guint n_open = heed_review_figures_get_long_open_cases (review)->len;

    heed_review_figures_get_trend (review, "received-by-kind", "complaint", &now, &before);
    received = g_strdup_printf (_("Complaints received: %lld (previous quarter: %lld)."),
                                (long long) now, (long long) before);
    line = heed_report_doc_markup (received, HEED_TEXT_PLAIN);
    heed_document_list_add_item (list, line);
    g_clear_pointer (&line, g_free);
    if (n_actions == 0)
      actions = g_strdup (_("No action is past its due date."));
    else
      actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action past its due date.",
                                              "%u actions past their due date.", n_actions),
                                 n_actions);
    line = heed_report_doc_markup (actions, HEED_TEXT_PLAIN);
    heed_document_list_add_item (list, line);
    g_clear_pointer (&line, g_free);
    if (n_open == 0)
      open = g_strdup (_("No complaint or concern has been open more than six months."));
    else
      open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u complaint or concern open more than six months.",
                                           "%u complaints or concerns open more than six "
                                           "months.",
                                           n_open),
                              n_open);
    line = heed_report_doc_markup (open, HEED_TEXT_PLAIN);
    heed_document_list_add_item (list, line);
  }

  add_trend_table (document, review, "received-by-kind", _("Feedback received"), FALSE,
                   _("Nothing was received."));
  add_trend_table (document, review, "subjects", _("Themes: what complaints were about"), TRUE,
                   _("No complaint was received in either quarter."));
  add_trend_table (document, review, "staff-groups", _("Staff groups complained about"), TRUE,
                   _("No complaint was received in either quarter."));
  add_trend_table (document, review, "outcomes", _("Complaints resolved, by outcome"), FALSE,
                   _("No complaint was resolved in either quarter."));
  {
    const HeedReportTable *timeliness = heed_report_figures_find_table (figures, "timeliness");

    if (timeliness != NULL)
      {
        heed_report_doc_add_heading (document, 2, _("Meeting the deadlines this quarter"));
        heed_report_doc_add_table (document, figures, timeliness);
      }
  }

  add_overdue_actions (document, review);
  add_long_open_cases (document, review);

  heed_report_doc_add_heading (document, 2, _("For the meeting to agree"));
  list = heed_document_add_list (document, FALSE);
  {
    /* Only the questions this quarter raises. */
    const struct {
      const char *text;
      gboolean    asked;
    } prompts[] = {
      { N_("Which themes are growing, and is there a common cause?"), TRUE },
      { N_("For each overdue action: a new date, a new owner, or a reason to stop it."),
        heed_review_figures_get_overdue_actions (review)->len > 0 },
      { N_("For each case open more than six months: what is holding it up, and when the "
           "complainant was last told."),
        heed_review_figures_get_long_open_cases (review)->len > 0 },
      { N_("What we learned this quarter that other staff should hear about."), TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
      {
        g_autofree char *item = NULL;

        if (!prompts[i].asked)
          continue;
        item = heed_report_doc_markup (_(prompts[i].text), HEED_TEXT_PLAIN);
        heed_document_list_add_item (list, item);
      }
  }
  return document;
}

HeedPageFlow *
heed_review_new_flow (HeedReviewFigures *review)
{
  g_autoptr(HeedDocument) document = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (HEED_IS_REVIEW_FIGURES (review), NULL);

  document = build_document (review);
  period = dup_period_text (review);
  return heed_report_doc_new_flow (document, heed_review_figures_get_practice (review), period,
                                   heed_review_get_title ());
}
