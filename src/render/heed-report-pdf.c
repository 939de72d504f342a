/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "heed-chart.h"
#include "heed-page-size.h"
#include "heed-report-pdf.h"
#include "heed-report-pdf-private.h"

#define MARGIN (18 * HEED_POINTS_PER_MM)
#define HEADER_SIZE 8.5
/* The running header sits in the top margin; the text starts below it on every page. */
#define HEADER_GAP 10.0

typedef struct {
  HeedReportFigures     *figures;
  const HeedReportTable *table;
} ChartBlock;

static void
chart_block_free (gpointer data)
{
  ChartBlock *block = data;

  g_object_unref (block->figures);
  g_free (block);
}

static void
draw_chart_block (gpointer cr,
                  double   width,
                  double   height,
                  gpointer user_data)
{
  ChartBlock *block = user_data;

  heed_chart_draw (cr, block->figures, block->table, width, height, HEED_CHART_NO_TITLE);
}

void
heed_report_doc_add_chart (HeedDocument          *document,
                           HeedReportFigures     *figures,
                           const HeedReportTable *table,
                           double                 content_width)
{
  ChartBlock *block;
  g_autofree char *alt = NULL;

  if (table->chart == HEED_REPORT_CHART_NONE || table->rows->len == 0)
    return;
  block = g_new0 (ChartBlock, 1);
  alt = g_strdup_printf (_("Chart: %s. The table below gives its figures."), table->title);
  block->figures = g_object_ref (figures);
  block->table = table;
  heed_document_add_drawing (document,
                             heed_chart_get_height (figures, table, content_width,
                                                    HEED_CHART_NO_TITLE),
                             alt, draw_chart_block, block, chart_block_free);
  heed_document_add_space (document, 6);
}

char *
heed_report_doc_markup (const char    *text,
                        HeedTextStyle  style)
{
  GString *out = g_string_new (NULL);

  heed_markup_append (out, text, style);
  return g_string_free (out, FALSE);
}

void
heed_report_doc_add_paragraph (HeedDocument  *document,
                               const char    *text,
                               HeedTextStyle  style)
{
  g_autofree char *text_markup = heed_report_doc_markup (text, style);

  heed_document_add_paragraph (document, text_markup);
}

void
heed_report_doc_add_heading (HeedDocument *document,
                             guint         level,
                             const char   *text)
{
  g_autofree char *text_markup = heed_report_doc_markup (text, HEED_TEXT_PLAIN);

  heed_document_add_heading (document, level, text_markup);
}

static gboolean
is_zero_row (const HeedReportTable *table,
             guint                  row)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const HeedReportCell *cell = heed_report_table_get_cell (table, row, c);

      if (!cell->known || cell->value != 0)
        return FALSE;
    }
  return TRUE;
}

void
heed_report_doc_add_table (HeedDocument          *document,
                           HeedReportFigures     *figures,
                           const HeedReportTable *table)
{
  heed_report_doc_add_table_compact (document, figures, table, FALSE, NULL);
}

void
heed_report_doc_add_table_compact (HeedDocument          *document,
                                   HeedReportFigures     *figures,
                                   const HeedReportTable *table,
                                   gboolean               skip_zero_rows,
                                   const char            *keep_row_id)
{
  HeedDocumentBlock *block = heed_document_add_table (document, 1);
  g_autofree double *widths = g_new (double, table->columns->len + 1);
  GPtrArray *row;

  /* The labels get the room: figures are short. */
  widths[0] = 3.0;
  for (guint c = 0; c < table->columns->len; c++)
    widths[c + 1] = 1.0;
  heed_document_table_set_widths (block, widths, table->columns->len + 1);

  row = heed_document_table_add_row (block);
  {
    g_autofree char *cell = heed_report_doc_markup (table->row_heading, HEED_TEXT_BOLD);

    heed_document_table_row_add_cell (row, cell);
  }
  for (guint c = 0; c < table->columns->len; c++)
    {
      GPtrArray *labels = table->short_columns != NULL ? table->short_columns : table->columns;
      g_autofree char *cell = heed_report_doc_markup (g_ptr_array_index (labels, c),
                                                      HEED_TEXT_BOLD);

      heed_document_table_row_add_cell (row, cell);
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      g_autofree char *label = NULL;

      if (skip_zero_rows && is_zero_row (table, r)
          && g_strcmp0 (g_ptr_array_index (table->row_ids, r), keep_row_id) != 0)
        continue;
      label = heed_report_doc_markup (g_ptr_array_index (table->rows, r), HEED_TEXT_PLAIN);
      row = heed_document_table_add_row (block);
      heed_document_table_row_add_cell (row, label);
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *value = heed_report_figures_format_cell (figures, table, r, c);
          g_autofree char *cell = heed_report_doc_markup (value, HEED_TEXT_PLAIN);

          heed_document_table_row_add_cell (row, cell);
        }
    }
}

void
heed_report_doc_add_items (HeedDocument       *document,
                           HeedReportFigures  *figures,
                           HeedReportItemList  list,
                           const char         *heading_label,
                           const char         *text_label,
                           const char         *empty)
{
  GPtrArray *items = heed_report_figures_get_items (figures, list);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  HeedDocumentBlock *block;

  if (items->len == 0)
    {
      heed_report_doc_add_paragraph (document, empty, HEED_TEXT_PLAIN);
      return;
    }
  block = heed_document_add_list (document, FALSE);
  for (guint i = 0; i < items->len; i++)
    {
      HeedReportItem *item = g_ptr_array_index (items, i);
      g_autoptr(GString) text = g_string_new (NULL);

      if (item->heading != NULL && item->heading[0] != '\0')
        {
          heed_markup_append (text, heading_label, HEED_TEXT_BOLD);
          g_string_append_c (text, ' ');
          heed_markup_append (text, item->heading, HEED_TEXT_PLAIN);
          g_string_append (text, "\n");
        }
      if (text_label != NULL)
        {
          heed_markup_append (text, text_label, HEED_TEXT_BOLD);
          g_string_append_c (text, ' ');
        }
      heed_markup_append (text, item->text, HEED_TEXT_PLAIN);
      if (item->detail != NULL)
        {
          g_string_append (text, "\n");
          heed_markup_append (text, item->detail, HEED_TEXT_ITALIC);
        }
      if (item->measure != NULL)
        {
          g_string_append (text, "\n");
          heed_markup_append (text, _("How we will know it worked:"), HEED_TEXT_BOLD);
          g_string_append_c (text, ' ');
          heed_markup_append (text, item->measure, HEED_TEXT_PLAIN);
        }
      /* The same lesson drawn from several cases is one lesson. */
      if (!g_hash_table_add (listed, g_strdup (text->str)))
        continue;
      heed_document_list_add_item (block, text->str);
    }
}

static void
add_items (HeedDocument       *document,
           HeedReportFigures  *figures,
           HeedReportItemList  list,
           const char         *title,
           const char         *heading_label,
           const char         *text_label,
           const char         *empty)
{
  heed_report_doc_add_heading (document, 2, title);
  heed_report_doc_add_items (document, figures, list, heading_label, text_label, empty);
}

static HeedDocument *
build_document (HeedReportFigures *figures,
                double             content_width)
{
  g_autofree char *period = heed_report_figures_dup_period_text (figures);
  g_autofree char *title = g_strdup_printf ("%s — %s", heed_report_figures_get_practice (figures),
                                            heed_report_figures_get_title (figures));
  g_autoptr(GPtrArray) summary = heed_report_figures_dup_summary (figures);
  HeedDocument *document = heed_document_new (title);
  HeedDocumentBlock *list;

  heed_report_doc_add_heading (document, 1, heed_report_figures_get_title (figures));
  heed_report_doc_add_paragraph (document, heed_report_figures_get_practice (figures),
                                 HEED_TEXT_BOLD);
  heed_report_doc_add_paragraph (document, period, HEED_TEXT_PLAIN);
  if (heed_report_figures_get_trail_head (figures) != NULL)
    heed_report_doc_add_paragraph (document, heed_report_figures_get_trail_head (figures),
                                   HEED_TEXT_ITALIC);

  heed_report_doc_add_heading (document, 2, _("At a glance"));
  list = heed_document_add_list (document, FALSE);
  for (guint i = 0; i < summary->len; i++)
    {
      g_autofree char *item = heed_report_doc_markup (g_ptr_array_index (summary, i),
                                                      HEED_TEXT_PLAIN);

      heed_document_list_add_item (list, item);
    }
  if (heed_report_figures_get_suppress_small (figures))
    heed_report_doc_add_paragraph (document, _("So that no one can be identified, numbers from 1 "
                                               "to 4 are shown as “fewer than 5”."),
                                   HEED_TEXT_ITALIC);

  for (guint i = 0; i < heed_report_figures_get_n_tables (figures); i++)
    {
      const HeedReportTable *table = heed_report_figures_get_table (figures, i);

      heed_report_doc_add_heading (document, 2, table->title);
      heed_report_doc_add_chart (document, figures, table, content_width);
      heed_report_doc_add_table (document, figures, table);
      if (table->note != NULL)
        heed_report_doc_add_paragraph (document, table->note, HEED_TEXT_ITALIC);
      /* The matters themselves: in the practice's own words when it wrote them for the
       * period, otherwise those whose wording the manager approved. */
      if (g_strcmp0 (table->id, "general-importance") == 0
          && heed_report_figures_get_general_importance (figures) != NULL)
        {
          g_auto(GStrv) paragraphs = g_strsplit (heed_report_figures_get_general_importance
                                                 (figures), "\n\n", -1);

          for (guint p = 0; paragraphs[p] != NULL; p++)
            if (g_strstrip (paragraphs[p])[0] != '\0')
              heed_report_doc_add_paragraph (document, paragraphs[p], HEED_TEXT_PLAIN);
        }
      else if (g_strcmp0 (table->id, "general-importance") == 0)
        heed_report_doc_add_items (document, figures, HEED_REPORT_ITEMS_GENERAL_IMPORTANCE,
                                   _("Subject:"), NULL,
                                   _("Their wording has not been approved for publication."));
    }

  if (heed_report_figures_get_kind (figures) == HEED_REPORT_ANNUAL)
    {
      add_items (document, figures, HEED_REPORT_ITEMS_LEARNING, _("What we learned"),
                 _("Subject:"), NULL, _("No learning was approved for publication."));
      add_items (document, figures, HEED_REPORT_ITEMS_ACTIONS, _("What we are doing about it"),
                 NULL, NULL, _("No action was approved for publication."));
      add_items (document, figures, HEED_REPORT_ITEMS_YOU_SAID_WE_DID, _("You said, we did"),
                 _("You said:"), _("We did:"), _("Nothing was approved for publication."));
    }
  heed_report_doc_add_paragraph (document, _("This report names no person."), HEED_TEXT_ITALIC);
  return document;
}

typedef struct {
  char *practice;
  char *period;
  char *title;
} RunningHeader;

static void
running_header_free (gpointer data)
{
  RunningHeader *header = data;

  g_free (header->practice);
  g_free (header->period);
  g_free (header->title);
  g_free (header);
}

/* The practice and the period on every page, so a loose page still says whose it is. */
static void
decorate_page (HeedPageFlow *flow,
               cairo_t      *cr,
               guint         page,
               guint         n_pages,
               gpointer      user_data)
{
  RunningHeader *header = user_data;
  g_autofree char *left = NULL, *right = NULL, *footer = NULL;
  g_autoptr(PangoLayout) header_left = NULL;
  g_autoptr(PangoLayout) header_right = NULL;
  g_autoptr(PangoLayout) foot = NULL;
  double width, height, text_width = 0;
  GString *markup_text = g_string_new (NULL);

  heed_page_flow_get_page_size (flow, &width, &height);
  text_width = width - 2 * MARGIN;

  heed_markup_append (markup_text, header->practice, HEED_TEXT_BOLD);
  g_string_append (markup_text, " · ");
  heed_markup_append (markup_text, header->period, HEED_TEXT_PLAIN);
  left = g_string_free (markup_text, FALSE);
  right = heed_report_doc_markup (header->title, HEED_TEXT_PLAIN);
  /* TRANSLATORS: at the foot of each page of a report */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  header_left = heed_page_flow_create_layout (flow, left, HEADER_SIZE, text_width * 0.6);
  cairo_move_to (cr, MARGIN, MARGIN - 2 * HEADER_SIZE - HEADER_GAP / 2);
  pango_cairo_show_layout (cr, header_left);
  header_right = heed_page_flow_create_layout (flow, right, HEADER_SIZE, text_width * 0.4);
  pango_layout_set_alignment (header_right, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN + text_width * 0.6, MARGIN - 2 * HEADER_SIZE - HEADER_GAP / 2);
  pango_cairo_show_layout (cr, header_right);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, MARGIN - HEADER_GAP / 2);
  cairo_line_to (cr, width - MARGIN, MARGIN - HEADER_GAP / 2);
  cairo_stroke (cr);

  foot = heed_page_flow_create_layout (flow, footer, HEADER_SIZE, text_width);
  pango_layout_set_alignment (foot, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN, height - MARGIN + HEADER_SIZE);
  pango_cairo_show_layout (cr, foot);
  cairo_restore (cr);
}

double
heed_report_doc_get_content_width (void)
{
  double width, height;

  heed_paper_get_size (HEED_PAPER_A4, &width, &height);
  return width - 2 * MARGIN;
}

HeedPageFlow *
heed_report_doc_new_flow (HeedDocument *document,
                          const char   *practice,
                          const char   *period,
                          const char   *title)
{
  RunningHeader *header = g_new0 (RunningHeader, 1);
  HeedPageFlow *flow;
  double width, height;

  header->practice = g_strdup (practice);
  header->period = g_strdup (period);
  header->title = g_strdup (title);
  heed_paper_get_size (HEED_PAPER_A4, &width, &height);
  flow = heed_page_flow_new (document, width, height);
  heed_page_flow_set_margins (flow, MARGIN, MARGIN, MARGIN, MARGIN);
  heed_page_flow_set_decorate_func (flow, decorate_page, header, running_header_free);
  heed_page_flow_layout (flow);
  return flow;
}

HeedPageFlow *
heed_report_pdf_new_flow (HeedReportFigures *figures)
{
  g_autoptr(HeedDocument) document = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);

  document = build_document (figures, heed_report_doc_get_content_width ());
  period = heed_report_figures_dup_period_text (figures);
  return heed_report_doc_new_flow (document, heed_report_figures_get_practice (figures), period,
                                   heed_report_figures_get_title (figures));
}

GBytes *
heed_report_pdf_render (HeedReportFigures  *figures,
                        GError            **error)
{
  g_autoptr(HeedPageFlow) flow = NULL;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  flow = heed_report_pdf_new_flow (figures);
  return heed_page_flow_render_pdf (flow, error);
}
