/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "heed-chart.h"
#include "heed-png.h"

#define FONT "Sans"
#define TEXT_SIZE 8.5
#define TITLE_SIZE 10.5
#define PAD 6.0
#define BAR 11.0
#define ROW_GAP 7.0
#define LEGEND_SWATCH 11.0
#define N_PATTERNS 6

/* What a chart draws: which series (columns or rows) across which categories. */
typedef struct {
  HeedReportFigures     *figures;
  const HeedReportTable *table;
  gboolean               by_row;      /* stacked rows: each row is a bar of its columns */
  gboolean               titled;
  guint                  n_categories;
  guint                  n_series;
} Chart;

static void
chart_init (Chart                 *chart,
            HeedReportFigures     *figures,
            const HeedReportTable *table,
            HeedChartFlags         flags)
{
  guint rows = table->chart_rows > 0 ? MIN ((guint) table->chart_rows, table->rows->len)
                                     : table->rows->len;
  guint columns = table->chart_columns > 0 ? MIN ((guint) table->chart_columns,
                                                  table->columns->len)
                                           : table->columns->len;

  chart->figures = figures;
  chart->table = table;
  chart->titled = !(flags & HEED_CHART_NO_TITLE);
  /* A plain stacked chart has a bar per column (period) stacked by row (outcome). */
  chart->by_row = table->chart != HEED_REPORT_CHART_STACKED;
  chart->n_categories = chart->by_row ? rows : columns;
  chart->n_series = chart->by_row ? columns : rows;
}

static guint
cell_row (const Chart *chart,
          guint        category,
          guint        series)
{
  return chart->by_row ? category : series;
}

static guint
cell_column (const Chart *chart,
             guint        category,
             guint        series)
{
  return chart->by_row ? series : category;
}

static const char *
category_label (const Chart *chart,
                guint        category)
{
  GPtrArray *labels = chart->by_row ? chart->table->rows : chart->table->columns;

  return g_ptr_array_index (labels, category);
}

static const char *
series_label (const Chart *chart,
              guint        series)
{
  GPtrArray *labels = chart->by_row ? chart->table->columns : chart->table->rows;

  return g_ptr_array_index (labels, series);
}

/* The value to draw, or -1 when it is unknown or hidden by the small-count rule. */
static double
chart_value (const Chart *chart,
             guint        category,
             guint        series,
             gboolean    *hidden)
{
  guint row = cell_row (chart, category, series);
  guint column = cell_column (chart, category, series);
  const HeedReportCell *cell = heed_report_table_get_cell (chart->table, row, column);

  *hidden = heed_report_figures_cell_is_hidden (chart->figures, chart->table, row, column);
  if (!cell->known || *hidden)
    return -1;
  return MAX (0, cell->value);
}

static char *
value_text (const Chart *chart,
            guint        category,
            guint        series)
{
  guint row = cell_row (chart, category, series);
  guint column = cell_column (chart, category, series);

  if (heed_report_figures_cell_is_hidden (chart->figures, chart->table, row, column))
    /* TRANSLATORS: a small count hidden in a chart, "fewer than 5" */
    return g_strdup (_("<5"));
  return heed_report_figures_format_cell (chart->figures, chart->table, row, column);
}

/* Text */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same at every scale and on every surface, so the
   * height worked out beforehand is the height drawn. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      width,
           double     *text_width,
           double     *text_height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (text_width != NULL)
    *text_width = (double) logical.width / PANGO_SCALE;
  if (text_height != NULL)
    *text_height = (double) logical.height / PANGO_SCALE;
}

typedef enum {
  ALIGN_START,
  ALIGN_CENTRE,
  ALIGN_END,
} Align;

/* Draws @text with its top at @y and its start, centre or end at @x (or, wrapped to @width,
 * aligned inside the box from @x); returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      width,
           Align       align)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold, width);
  PangoRectangle logical;
  double w, h;

  if (width > 0)
    pango_layout_set_alignment (layout, align == ALIGN_END ? PANGO_ALIGN_RIGHT
                                        : align == ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                        : PANGO_ALIGN_LEFT);
  pango_layout_get_extents (layout, NULL, &logical);
  w = width > 0 ? width : (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  /* A wrapped layout aligns itself inside its box, whose left edge is @x. */
  if (width > 0)
    cairo_move_to (cr, x, y);
  else
    cairo_move_to (cr, align == ALIGN_START ? x : align == ALIGN_CENTRE ? x - w / 2 : x - w, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);
  return h;
}

/* A value label on a white patch, so it reads on any fill. */
static void
draw_label_box (cairo_t    *cr,
                const char *text,
                double      x,
                double      y,
                Align       align)
{
  double w, h, left;

  text_size (cr, text, TEXT_SIZE, FALSE, -1, &w, &h);
  left = align == ALIGN_START ? x : align == ALIGN_CENTRE ? x - w / 2 : x - w;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, left - 1.5, y, w + 3, h);
  cairo_fill (cr);
  cairo_restore (cr);
  draw_text (cr, text, x, y, TEXT_SIZE, FALSE, -1, align);
}

/* Fills: shade and pattern together, so series differ in colour, in grey and in texture. */

static const double shades[N_PATTERNS][3] = {
  { 0.13, 0.33, 0.50 },  /* dark blue, plain */
  { 0.99, 0.80, 0.55 },  /* light orange, diagonal lines */
  { 0.60, 0.75, 0.62 },  /* sage, dotted */
  { 1.00, 1.00, 1.00 },  /* white, cross-hatched */
  { 0.45, 0.22, 0.35 },  /* plum, horizontal white lines */
  { 0.82, 0.82, 0.82 },  /* light grey, plain */
};

#define TEXTURE_STEP 6.0

/* The texture of a series over the box, drawn as vectors (crisp in print, and no surface
 * patterns, which leak in cairo 1.16 when a recording surface is painted on an image). */
static void
draw_texture (cairo_t *cr,
              guint    kind,
              double   x,
              double   y,
              double   w,
              double   h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.9);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  switch (kind)
    {
    case 1:
      for (double d = -h; d < w + h; d += TEXTURE_STEP)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
      break;
    case 2:
      for (double dy = TEXTURE_STEP / 2; dy < h; dy += TEXTURE_STEP)
        for (double dx = TEXTURE_STEP / 2; dx < w; dx += TEXTURE_STEP)
          cairo_rectangle (cr, x + dx - 0.8, y + dy - 0.8, 1.6, 1.6);  /* smaller than arcs */
      cairo_fill (cr);
      break;
    case 3:
      for (double dx = TEXTURE_STEP / 2; dx < w; dx += TEXTURE_STEP)
        {
          cairo_move_to (cr, x + dx, y);
          cairo_line_to (cr, x + dx, y + h);
        }
      for (double dy = TEXTURE_STEP / 2; dy < h; dy += TEXTURE_STEP)
        {
          cairo_move_to (cr, x, y + dy);
          cairo_line_to (cr, x + w, y + dy);
        }
      cairo_stroke (cr);
      break;
    case 4:
      cairo_set_source_rgb (cr, 1, 1, 1);
      for (double dy = TEXTURE_STEP / 2; dy < h; dy += TEXTURE_STEP)
        {
          cairo_move_to (cr, x, y + dy);
          cairo_line_to (cr, x + w, y + dy);
        }
      cairo_stroke (cr);
      break;
    default:
      break;
    }
  cairo_restore (cr);
}

static void
fill_box (cairo_t *cr,
          guint    series,
          double   x,
          double   y,
          double   w,
          double   h)
{
  guint kind = series % N_PATTERNS;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, shades[kind][0], shades[kind][1], shades[kind][2]);
  cairo_fill (cr);
  draw_texture (cr, kind, x, y, w, h);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Lines: each series its own dash and marker. */
static void
set_line_style (cairo_t *cr,
                guint    series)
{
  static const double dashes[] = { 4.0, 2.5 };

  cairo_set_source_rgb (cr, series == 0 ? 0.13 : 0.35, series == 0 ? 0.33 : 0.35,
                        series == 0 ? 0.50 : 0.35);
  cairo_set_line_width (cr, series == 0 ? 2.0 : 1.4);
  cairo_set_dash (cr, dashes, series == 0 ? 0 : 2, 0);
}

static void
draw_marker (cairo_t *cr,
             guint    series,
             double   x,
             double   y)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (series % 2 == 0)
    cairo_arc (cr, x, y, 2.6, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - 2.4, y - 2.4, 4.8, 4.8);
  cairo_set_source_rgb (cr, series == 0 ? 0.13 : 1, series == 0 ? 0.33 : 1,
                        series == 0 ? 0.50 : 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Scales */

/* A round top for the value axis and the step between its ticks. */
static double
nice_max (double  max,
          double *step)
{
  double magnitude, fraction, nice;

  if (max <= 0)
    max = 1;
  magnitude = pow (10, floor (log10 (max / 4)));
  fraction = max / 4 / magnitude;
  nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  *step = MAX (1, nice * magnitude);
  return ceil (max / *step) * *step;
}

static double
chart_max (const Chart *chart,
           gboolean     stacked)
{
  double max = 0;

  for (guint c = 0; c < chart->n_categories; c++)
    {
      double total = 0;

      for (guint s = 0; s < chart->n_series; s++)
        {
          gboolean hidden;
          double value = chart_value (chart, c, s, &hidden);

          if (value < 0)
            continue;
          if (stacked)
            total += value;
          else
            max = MAX (max, value);
        }
      max = MAX (max, total);
    }
  return max;
}

static gboolean
chart_has_hidden (const Chart *chart)
{
  for (guint c = 0; c < chart->n_categories; c++)
    for (guint s = 0; s < chart->n_series; s++)
      {
        gboolean hidden;

        chart_value (chart, c, s, &hidden);
        if (hidden)
          return TRUE;
      }
  return FALSE;
}

/* Title and legend; returns the height used. */
static double
draw_head (cairo_t     *cr,
           const Chart *chart,
           double       width,
           gboolean     draw,
           gboolean     lines)
{
  double y = 0, x = 0, line_height = 0;

  if (chart->titled && draw)
    y += draw_text (cr, chart->table->title, 0, 0, TITLE_SIZE, TRUE, width, ALIGN_START) + 3;
  else if (chart->titled)
    {
      double h;

      text_size (cr, chart->table->title, TITLE_SIZE, TRUE, width, NULL, &h);
      y += h + 3;
    }
  if (chart->n_series < 2)
    return y;

  for (guint s = 0; s < chart->n_series; s++)
    {
      const char *label = series_label (chart, s);
      double w, h, item;

      text_size (cr, label, TEXT_SIZE, FALSE, -1, &w, &h);
      item = LEGEND_SWATCH + 4 + w + 12;
      if (x > 0 && x + item > width)
        {
          x = 0;
          y += line_height + 3;
          line_height = 0;
        }
      line_height = MAX (line_height, MAX (h, LEGEND_SWATCH));
      if (draw)
        {
          if (lines)
            {
              cairo_save (cr);
              set_line_style (cr, s);
              cairo_move_to (cr, x, y + LEGEND_SWATCH / 2);
              cairo_line_to (cr, x + LEGEND_SWATCH * 1.6, y + LEGEND_SWATCH / 2);
              cairo_stroke (cr);
              cairo_restore (cr);
              draw_marker (cr, s, x + LEGEND_SWATCH * 0.8, y + LEGEND_SWATCH / 2);
              draw_text (cr, label, x + LEGEND_SWATCH * 1.6 + 4, y, TEXT_SIZE, FALSE, -1,
                         ALIGN_START);
            }
          else
            {
              fill_box (cr, s, x, y, LEGEND_SWATCH, LEGEND_SWATCH);
              draw_text (cr, label, x + LEGEND_SWATCH + 4, y, TEXT_SIZE, FALSE, -1, ALIGN_START);
            }
        }
      x += item + (lines ? LEGEND_SWATCH * 0.6 : 0);
    }
  return y + line_height + 6;
}

static const char *
value_axis_title (const Chart *chart)
{
  return chart->table->chart == HEED_REPORT_CHART_STACKED_ROWS ? _("Number of answers")
                                                                : _("Number");
}

/* The value axis along the bottom of a horizontal chart: grid, ticks, labels, title. */
static double
draw_value_axis (cairo_t     *cr,
                 const Chart *chart,
                 double       left,
                 double       top,
                 double       plot_width,
                 double       plot_height,
                 double       max,
                 double       step,
                 gboolean     draw)
{
  double h, title_h;

  text_size (cr, "0", TEXT_SIZE, FALSE, -1, NULL, &h);
  text_size (cr, value_axis_title (chart), TEXT_SIZE, TRUE, -1, NULL, &title_h);
  if (!draw)
    return 3 + h + 2 + title_h;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  for (double v = 0; v <= max + step / 2; v += step)
    {
      double x = left + plot_width * v / max;
      char label[32];

      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + plot_height);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%g", v);
      draw_text (cr, label, x, top + plot_height + 3, TEXT_SIZE, FALSE, -1, ALIGN_CENTRE);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, top + plot_height);
  cairo_stroke (cr);
  cairo_restore (cr);
  draw_text (cr, value_axis_title (chart), left + plot_width / 2, top + plot_height + 3 + h + 2,
             TEXT_SIZE, TRUE, -1, ALIGN_CENTRE);
  return 3 + h + 2 + title_h;
}

/* Horizontal bars, grouped (bar) or stacked: lays out, and draws when @draw; returns the
 * height. */
static double
layout_bars (cairo_t     *cr,
             const Chart *chart,
             double       width,
             gboolean     draw)
{
  gboolean stacked = chart->table->chart == HEED_REPORT_CHART_STACKED
                     || chart->table->chart == HEED_REPORT_CHART_STACKED_ROWS;
  double label_width = width * (stacked && chart->by_row ? 0.42 : 0.32);
  double left = label_width + PAD;
  double plot_width = width - left - 30;
  double head, top, y, max, step, heading_h;
  guint bars_per_category = stacked ? 1 : chart->n_series;

  head = draw_head (cr, chart, width, draw, FALSE);
  max = nice_max (chart_max (chart, stacked), &step);

  /* The category axis title sits above the labels. */
  text_size (cr, chart->table->row_heading != NULL ? chart->table->row_heading : "",
             TEXT_SIZE, TRUE, label_width, NULL, &heading_h);
  if (draw && chart->by_row && chart->table->row_heading != NULL)
    draw_text (cr, chart->table->row_heading, 0, head, TEXT_SIZE, TRUE, label_width, ALIGN_END);
  top = head + (chart->by_row ? heading_h + 2 : 0);
  y = top + ROW_GAP / 2;

  for (guint c = 0; c < chart->n_categories; c++)
    {
      const char *label = category_label (chart, c);
      double label_h, band, x = left;

      text_size (cr, label, TEXT_SIZE, FALSE, label_width, NULL, &label_h);
      band = MAX (label_h, bars_per_category * BAR);
      if (draw)
        {
          draw_text (cr, label, 0, y + (band - label_h) / 2, TEXT_SIZE, FALSE, label_width,
                     ALIGN_END);
          for (guint s = 0; s < chart->n_series; s++)
            {
              g_autofree char *text = value_text (chart, c, s);
              gboolean hidden;
              double value = chart_value (chart, c, s, &hidden);
              double w = value > 0 ? plot_width * value / max : 0;
              double bar_y = y + (band - bars_per_category * BAR) / 2
                             + (stacked ? 0 : s * BAR);
              double text_w, text_h;

              if (w > 0)
                fill_box (cr, s, x, bar_y, w, BAR);
              text_size (cr, text, TEXT_SIZE, FALSE, -1, &text_w, &text_h);
              if (!stacked)
                draw_label_box (cr, text, x + w + 3, bar_y + (BAR - text_h) / 2, ALIGN_START);
              else if (value > 0 && w >= text_w + 4)
                draw_label_box (cr, text, x + w / 2, bar_y + (BAR - text_h) / 2, ALIGN_CENTRE);
              if (stacked)
                x += w;
            }
        }
      y += band + ROW_GAP;
    }
  y -= ROW_GAP / 2;
  y += draw_value_axis (cr, chart, left, top, plot_width, y - top, max, step, draw);
  if (stacked && chart_has_hidden (chart))
    {
      const char *note = _("Parts of fewer than 5 are left out of the bars; the table gives "
                           "them.");
      double note_h;

      text_size (cr, note, TEXT_SIZE, FALSE, width, NULL, &note_h);
      if (draw)
        draw_text (cr, note, 0, y + 4, TEXT_SIZE, FALSE, width, ALIGN_START);
      y += 4 + note_h;
    }
  return y;
}

/* A line per series across the categories (months). */
static double
layout_lines (cairo_t     *cr,
              const Chart *chart,
              double       width,
              gboolean     draw)
{
  double head = draw_head (cr, chart, width, draw, TRUE);
  double axis_w, label_h, title_h, max, step;
  double left, top, plot_width, plot_height, slot;
  guint every;

  text_size (cr, "0000", TEXT_SIZE, FALSE, -1, &axis_w, &label_h);
  text_size (cr, value_axis_title (chart), TEXT_SIZE, TRUE, -1, NULL, &title_h);
  left = title_h + 4 + axis_w + 6;
  top = head + label_h;
  plot_width = width - left - PAD;
  plot_height = CLAMP (width * 0.32, 110, 220);
  if (!draw)
    return top + plot_height + 4 + 2 * label_h + 4 + title_h;

  max = nice_max (chart_max (chart, FALSE), &step);
  slot = plot_width / MAX (1, chart->n_categories);
  every = (guint) ceil (34.0 / MAX (1, slot));

  cairo_save (cr);
  /* Grid and value axis. */
  cairo_set_line_width (cr, 0.5);
  for (double v = 0; v <= max + step / 2; v += step)
    {
      double y = top + plot_height - plot_height * v / max;
      char label[32];

      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_width, y);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%g", v);
      draw_text (cr, label, left - 4, y - label_h / 2, TEXT_SIZE, FALSE, -1, ALIGN_END);
    }
  cairo_save (cr);
  cairo_translate (cr, 0, top + plot_height / 2);
  cairo_rotate (cr, -G_PI / 2);
  draw_text (cr, value_axis_title (chart), 0, 0, TEXT_SIZE, TRUE, -1, ALIGN_CENTRE);
  cairo_restore (cr);

  /* Category labels: "Apr 2025" as two lines under each month. */
  for (guint c = 0; c < chart->n_categories; c += MAX (1, every))
    {
      g_autofree char *label = g_strdup (category_label (chart, c));
      char *space = strchr (label, ' ');

      if (space != NULL)
        *space = '\n';
      draw_text (cr, label, left + slot * (c + 0.5), top + plot_height + 4, TEXT_SIZE, FALSE, -1,
                 ALIGN_CENTRE);
    }
  if (chart->table->row_heading != NULL)
    draw_text (cr, chart->table->row_heading, left + plot_width / 2,
               top + plot_height + 4 + 2 * label_h + 2, TEXT_SIZE, TRUE, -1, ALIGN_CENTRE);

  /* The previous period first, so this period's line is on top. */
  for (guint s = chart->n_series; s-- > 0;)
    {
      gboolean drawing = FALSE;

      cairo_save (cr);
      set_line_style (cr, s);
      for (guint c = 0; c < chart->n_categories; c++)
        {
          gboolean hidden;
          double value = chart_value (chart, c, s, &hidden);
          double x = left + slot * (c + 0.5);

          if (value < 0)
            {
              /* A hidden value breaks the line rather than being guessed. */
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, x, top + plot_height - plot_height * value / max);
          else
            cairo_move_to (cr, x, top + plot_height - plot_height * value / max);
          drawing = TRUE;
        }
      cairo_stroke (cr);
      cairo_restore (cr);
      for (guint c = 0; c < chart->n_categories; c++)
        {
          gboolean hidden;
          double value = chart_value (chart, c, s, &hidden);
          double x = left + slot * (c + 0.5);
          g_autofree char *text = value_text (chart, c, s);

          if (value >= 0)
            draw_marker (cr, s, x, top + plot_height - plot_height * value / max);
          /* This period's values are written beside its points. */
          if (s == 0 && (value >= 0 || hidden) && slot >= 14)
            draw_label_box (cr, text, x,
                            top + plot_height - plot_height * MAX (0, value) / max
                            - label_h - 4, ALIGN_CENTRE);
        }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, top + plot_height);
  cairo_line_to (cr, left + plot_width, top + plot_height);
  cairo_stroke (cr);
  cairo_restore (cr);
  return top + plot_height + 4 + 2 * label_h + 4 + title_h;
}

static double
layout_chart (cairo_t               *cr,
              HeedReportFigures     *figures,
              const HeedReportTable *table,
              double                 width,
              HeedChartFlags         flags,
              gboolean               draw)
{
  Chart chart;

  chart_init (&chart, figures, table, flags);
  if (table->chart == HEED_REPORT_CHART_NONE || chart.n_categories == 0 || chart.n_series == 0)
    return 0;
  if (table->chart == HEED_REPORT_CHART_LINE)
    return layout_lines (cr, &chart, width, draw);
  return layout_bars (cr, &chart, width, draw);
}

double
heed_chart_get_height (HeedReportFigures     *figures,
                       const HeedReportTable *table,
                       double                 width,
                       HeedChartFlags         flags)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), 0);
  g_return_val_if_fail (table != NULL, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  height = ceil (layout_chart (cr, figures, table, width, flags, FALSE));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
heed_chart_draw (cairo_t               *cr,
                 HeedReportFigures     *figures,
                 const HeedReportTable *table,
                 double                 width,
                 double                 height,
                 HeedChartFlags         flags)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (HEED_IS_REPORT_FIGURES (figures));
  g_return_if_fail (table != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  layout_chart (cr, figures, table, width, flags, TRUE);
  cairo_restore (cr);
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

char *
heed_chart_to_svg (HeedReportFigures     *figures,
                   const HeedReportTable *table,
                   double                 width,
                   HeedChartFlags         flags,
                   gsize                 *length,
                   GError               **error)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  height = heed_chart_get_height (figures, table, width, flags);
  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cr = cairo_create (surface);
  heed_chart_draw (cr, figures, table, width, height, flags);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE,
                   _("The chart “%s” could not be drawn: %s"), table->title,
                   cairo_status_to_string (status));
      return NULL;
    }
  if (length != NULL)
    *length = svg->len;
  return g_string_free (g_steal_pointer (&svg), FALSE);
}

gboolean
heed_chart_write_png (HeedReportFigures     *figures,
                      const HeedReportTable *table,
                      double                 width,
                      double                 scale,
                      HeedChartFlags         flags,
                      const char            *path,
                      GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height;
  gboolean ok;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), FALSE);
  g_return_val_if_fail (table != NULL && path != NULL && scale > 0, FALSE);

  height = heed_chart_get_height (figures, table, width, flags);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                        (int) ceil (MAX (1, height) * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  heed_chart_draw (cr, figures, table, width, height, flags);
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE,
                   _("The chart could not be saved as %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  ok = heed_png_save (surface, path, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE, error);
  cairo_surface_destroy (surface);
  return ok;
}
