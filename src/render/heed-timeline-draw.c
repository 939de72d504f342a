/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "heed-case.h"
#include "heed-timeline-draw.h"

/* Below this many pixels a day, weekends are too thin to shade usefully. */
#define SHADE_MIN_PPD 3.0
/* At this many pixels a day and more, every day gets its number on the axis. */
#define DAY_LABEL_PPD 22.0
/* From here, Mondays are marked on the axis. */
#define WEEK_LABEL_PPD 4.0

static void
colour_set (HeedColour *colour,
            guint32     rgb,
            double      alpha)
{
  colour->red = ((rgb >> 16) & 0xff) / 255.0;
  colour->green = ((rgb >> 8) & 0xff) / 255.0;
  colour->blue = (rgb & 0xff) / 255.0;
  colour->alpha = alpha;
}

/* GNOME's palette: the colours of the HIG, deep enough to read on white and bright enough to
 * read on dark grey. */
void
heed_timeline_palette_init (HeedTimelinePalette *palette,
                            gboolean             dark)
{
  g_return_if_fail (palette != NULL);

  if (dark)
    {
      colour_set (&palette->background, 0x1e1e1e, 1);
      colour_set (&palette->foreground, 0xffffff, 1);
      colour_set (&palette->dim, 0xffffff, 0.6);
      colour_set (&palette->grid, 0xffffff, 0.12);
      colour_set (&palette->header, 0x303030, 1);
      colour_set (&palette->weekend, 0xffffff, 0.04);
      colour_set (&palette->holiday, 0x99c1f1, 0.12);
      colour_set (&palette->accent, 0x78aeed, 1);
      colour_set (&palette->selection, 0x78aeed, 0.18);
      colour_set (&palette->met, 0x57e389, 1);
      colour_set (&palette->late, 0xf8e45c, 1);
      colour_set (&palette->overdue, 0xff7b63, 1);
      colour_set (&palette->risk[0], 0x9a9996, 1);
      colour_set (&palette->risk[1], 0x57e389, 1);
      colour_set (&palette->risk[2], 0xf8e45c, 1);
      colour_set (&palette->risk[3], 0xffa348, 1);
      colour_set (&palette->risk[4], 0xff7b63, 1);
    }
  else
    {
      colour_set (&palette->background, 0xffffff, 1);
      colour_set (&palette->foreground, 0x000000, 0.8);
      colour_set (&palette->dim, 0x000000, 0.55);
      colour_set (&palette->grid, 0x000000, 0.1);
      colour_set (&palette->header, 0xfafafa, 1);
      colour_set (&palette->weekend, 0x000000, 0.035);
      colour_set (&palette->holiday, 0x1c71d8, 0.1);
      colour_set (&palette->accent, 0x1c71d8, 1);
      colour_set (&palette->selection, 0x3584e4, 0.14);
      colour_set (&palette->met, 0x26a269, 1);
      colour_set (&palette->late, 0xc88800, 1);
      colour_set (&palette->overdue, 0xc01c28, 1);
      colour_set (&palette->risk[0], 0x9a9996, 1);
      colour_set (&palette->risk[1], 0x2ec27e, 1);
      colour_set (&palette->risk[2], 0xe5a50a, 1);
      colour_set (&palette->risk[3], 0xe66100, 1);
      colour_set (&palette->risk[4], 0xc01c28, 1);
    }
}

guint
heed_timeline_risk_index (const char *risk)
{
  static const char *const grades[] = { "low", "moderate", "high", "extreme", NULL };

  for (guint i = 0; grades[i] != NULL; i++)
    if (g_strcmp0 (risk, grades[i]) == 0)
      return i + 1;
  return 0;
}

void
heed_timeline_draw_options_init (HeedTimelineDrawOptions *options)
{
  g_return_if_fail (options != NULL);

  options->focus_row = -1;
  options->focus_item = -1;
  options->show_focus = FALSE;
  options->font_family = NULL;
  options->font_size = 0;
}

typedef struct {
  cairo_t                       *cr;
  HeedTimelineLayout            *layout;
  HeedTimelineData              *data;
  const HeedTimelineViewport    *viewport;
  const HeedTimelinePalette     *palette;
  const HeedTimelineDrawOptions *options;
  PangoLayout                   *text;
  PangoFontDescription          *font;
  PangoFontDescription          *small_font;
  double                         label_width;
  double                         header_height;
  double                         row_height;
  double                         today_x;
  double                         today_half_width;   /* of the "Today" mark on the axis */
  cairo_pattern_t               *hatch;              /* made when first needed */
  gboolean                       is_case;
} Painter;

static void
set_colour (cairo_t          *cr,
            const HeedColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static void
set_colour_alpha (cairo_t          *cr,
                  const HeedColour *colour,
                  double            alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

static double
x_for_day (Painter *p,
           double   julian)
{
  return heed_timeline_layout_x_for_day (p->layout, p->viewport, julian);
}

/* Sets the text of the shared layout; returns its width in pixels. */
static double
set_text (Painter                    *p,
          const char                 *text,
          gboolean                    small,
          gboolean                    bold,
          double                      max_width)
{
  PangoFontDescription *font = small ? p->small_font : p->font;
  int width, height;

  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (p->text, font);
  pango_layout_set_width (p->text, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (p->text, max_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (p->text, text != NULL ? text : "", -1);
  pango_layout_get_pixel_size (p->text, &width, &height);
  return width;
}

static double
text_height (Painter *p)
{
  int width, height;

  pango_layout_get_pixel_size (p->text, &width, &height);
  return height;
}

static void
show_text (Painter          *p,
           double            x,
           double            y,
           const HeedColour *colour)
{
  cairo_move_to (p->cr, x, y);
  set_colour (p->cr, colour);
  pango_cairo_show_layout (p->cr, p->text);
}

static void
shade_days (Painter *p)
{
  cairo_t *cr = p->cr;
  HeedCalendar *calendar = heed_timeline_layout_get_calendar (p->layout);
  double from = floor (heed_timeline_layout_day_for_x (p->layout, p->viewport, p->label_width));
  double to = ceil (heed_timeline_layout_day_for_x (p->layout, p->viewport, p->viewport->width));
  double ppd = p->viewport->pixels_per_day;

  /* Two passes, each one path: filling every weekend on its own costs far more. */
  if (ppd < SHADE_MIN_PPD)
    return;
  for (int pass = 0; pass < 2; pass++)
    {
      for (double day = MAX (1, from); day <= to; day++)
        {
          GDate date;
          GDateWeekday weekday;
          gboolean holiday;

          g_date_clear (&date, 1);
          g_date_set_julian (&date, (guint32) day);
          weekday = g_date_get_weekday (&date);
          holiday = heed_calendar_is_bank_holiday (calendar, &date, NULL);
          if (pass == 0 ? (holiday || (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY))
                        : !holiday)
            continue;
          cairo_rectangle (cr, x_for_day (p, day), p->header_height, ppd,
                           p->viewport->height - p->header_height);
        }
      set_colour (cr, pass == 0 ? &p->palette->weekend : &p->palette->holiday);
      cairo_fill (cr);
    }
}

/* The days on view: the first and last, whole, never before day 1. */
static void
days_in_view (Painter *p,
              double  *from,
              double  *to)
{
  *from = MAX (1, floor (heed_timeline_layout_day_for_x (p->layout, p->viewport, p->label_width)));
  *to = MAX (*from, ceil (heed_timeline_layout_day_for_x (p->layout, p->viewport,
                                                          p->viewport->width)));
}

/* A grid line down through the rows at @x, added to the current path. */
static void
add_grid_line (Painter *p,
               double   x)
{
  cairo_rectangle (p->cr, round (x), p->header_height, 1, p->viewport->height - p->header_height);
}

/* Grid lines for Mondays, stronger, and when zoomed in enough, for every day. */
static void
draw_day_grid (Painter *p,
               double   from,
               double   to)
{
  double ppd = p->viewport->pixels_per_day;
  GDate date;

  if (ppd < WEEK_LABEL_PPD)
    return;
  g_date_clear (&date, 1);
  /* Each kind of line is one path, filled once. */
  for (double day = from; day <= to; day++)
    {
      g_date_set_julian (&date, (guint32) day);
      if (g_date_get_weekday (&date) == G_DATE_MONDAY)
        add_grid_line (p, x_for_day (p, day));
    }
  set_colour_alpha (p->cr, &p->palette->grid, 0.8);
  cairo_fill (p->cr);
  if (ppd >= DAY_LABEL_PPD)
    {
      for (double day = from; day <= to; day++)
        add_grid_line (p, x_for_day (p, day));
      set_colour_alpha (p->cr, &p->palette->grid, 0.4);
      cairo_fill (p->cr);
    }
}

/* The lower line: each day's number (with its weekday when there is room), or only Mondays'. */
static void
draw_day_labels (Painter *p,
                 double   from,
                 double   to)
{
  double ppd = p->viewport->pixels_per_day;
  double line_y = p->header_height / 2;
  GDate date;

  if (ppd < WEEK_LABEL_PPD)
    return;
  g_date_clear (&date, 1);
  for (double day = from; day <= to; day++)
    {
      char label[32];
      double x = x_for_day (p, day);

      g_date_set_julian (&date, (guint32) day);
      if (ppd < DAY_LABEL_PPD && g_date_get_weekday (&date) != G_DATE_MONDAY)
        continue;
      g_date_strftime (label, sizeof label, ppd >= 44 ? "%a %-d" : "%-d", &date);
      /* The "Today" mark wins over the day numbers under it. */
      if (x + 4 + set_text (p, label, TRUE, FALSE, -1) > p->today_x - p->today_half_width - 4
          && x + 4 < p->today_x + p->today_half_width + 4)
        continue;
      show_text (p, x + 4, line_y + (line_y - text_height (p)) / 2, &p->palette->dim);
    }
}

/* The longest name of the month starting at @x that fits in what is in view of it:
 * "September 2026", "Sep 2026", "Sep", then "Sep" smaller. The year goes when the line below
 * has it. */
static void
draw_month_label (Painter     *p,
                  const GDate *month,
                  double       x,
                  double       next_x)
{
  static const char *const formats[] = { "%B %Y", "%b %Y", "%b", "%b" };
  double ppd = p->viewport->pixels_per_day;
  double month_width = next_x - x;
  double left = MAX (x, p->label_width) + 6;
  double room = MIN (next_x, p->viewport->width) - 3 - left;
  double line_y = p->header_height / 2;

  for (guint f = month_width > 110 ? 0 : ppd >= WEEK_LABEL_PPD ? 1 : 2;
       f < G_N_ELEMENTS (formats); f++)
    {
      gboolean small = f == G_N_ELEMENTS (formats) - 1;
      char label[64];
      double width, label_x;

      g_date_strftime (label, sizeof label, formats[f], month);
      width = set_text (p, label, small, TRUE, -1);
      if (width > room && (x >= p->label_width || width > month_width - 9
                           || next_x > p->viewport->width))
        continue;
      /* A month's name stays in view while any of the month is, and slides out to the left
       * with its end, never cut in half by the label column. */
      label_x = MIN (left, next_x - 3 - width);
      if (label_x < p->label_width + 2)
        continue;
      show_text (p, label_x, (line_y - text_height (p)) / 2 + 2, &p->palette->foreground);
      return;
    }
}

/* The upper line's months, each with its name and a mark where it starts; or, for the grid,
 * a line down through the rows where each starts. */
static void
draw_months (Painter  *p,
             double    from,
             double    to,
             gboolean  grid_only)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) from);
  g_date_set_day (&date, 1);
  while (g_date_get_julian (&date) <= to)
    {
      GDate next = date;
      double x, next_x;

      g_date_add_months (&next, 1);
      x = x_for_day (p, g_date_get_julian (&date));
      next_x = x_for_day (p, g_date_get_julian (&next));
      if (grid_only)
        add_grid_line (p, x);
      else
        {
          draw_month_label (p, &date, x, next_x);
          set_colour (p->cr, &p->palette->grid);
          cairo_rectangle (p->cr, round (x), 0, 1, p->header_height);
          cairo_fill (p->cr);
        }
      date = next;
    }
  if (grid_only)
    {
      set_colour (p->cr, &p->palette->grid);
      cairo_fill (p->cr);
    }
}

/* Zoomed out, the lower line has no days to show: it shows the years instead. */
static void
draw_year_labels (Painter *p,
                  double   from,
                  double   to)
{
  double line_y = p->header_height / 2;
  GDate first_day, last_day;

  if (p->viewport->pixels_per_day >= WEEK_LABEL_PPD)
    return;
  g_date_clear (&first_day, 1);
  g_date_clear (&last_day, 1);
  g_date_set_julian (&first_day, (guint32) from);
  g_date_set_julian (&last_day, (guint32) to);
  for (int year = g_date_get_year (&first_day); year <= g_date_get_year (&last_day); year++)
    {
      GDate start, end;
      char label[16];
      double x, end_x, label_x, width;

      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (&end, 1, G_DATE_JANUARY, year + 1);
      x = x_for_day (p, g_date_get_julian (&start));
      end_x = x_for_day (p, g_date_get_julian (&end));
      g_snprintf (label, sizeof label, "%d", year);
      width = set_text (p, label, TRUE, TRUE, -1);
      label_x = MAX (x, p->label_width) + 6;
      if (label_x + width > end_x - 4)
        label_x = end_x - 4 - width;
      if (label_x >= x + 1 && label_x >= p->label_width + 2)
        show_text (p, label_x, line_y + (line_y - text_height (p)) / 2, &p->palette->dim);
    }
}

/* The axis: months (with the year) on the upper line; days, or Mondays, or years on the
 * lower. With @grid_only, the grid lines that run down through the rows instead. */
static void
draw_axis (Painter *p,
           gboolean grid_only)
{
  double from, to;

  days_in_view (p, &from, &to);
  if (grid_only)
    {
      draw_day_grid (p, from, to);
      draw_months (p, from, to, TRUE);
      return;
    }
  draw_day_labels (p, from, to);
  draw_months (p, from, to, FALSE);
  draw_year_labels (p, from, to);
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

/* The warning sign: a triangle with an exclamation mark, the shape that says "overdue". */
static void
warning_sign (Painter          *p,
              double            x,
              double            y,
              double            r,
              const HeedColour *colour)
{
  cairo_t *cr = p->cr;

  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
  cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
  cairo_close_path (cr);
  set_colour (cr, colour);
  cairo_fill_preserve (cr);
  set_colour (cr, &p->palette->background);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  set_colour (cr, &p->palette->background);
  cairo_rectangle (cr, x - 0.9, y - r * 0.45, 1.8, r * 0.7);
  cairo_rectangle (cr, x - 0.9, y + r * 0.38, 1.8, 1.6);
  cairo_fill (cr);
}

static void
draw_deadline (Painter            *p,
               const HeedDeadline *deadline,
               double              x,
               double              y)
{
  cairo_t *cr = p->cr;
  const double r = 6;

  switch (deadline->state)
    {
    case HEED_DEADLINE_OVERDUE:
      warning_sign (p, x, y, r + 1.5, &p->palette->overdue);
      return;
    case HEED_DEADLINE_MET:
      diamond (cr, x, y, r);
      set_colour (cr, &p->palette->met);
      cairo_fill (cr);
      /* A tick inside. */
      set_colour (cr, &p->palette->background);
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, x - 2.8, y);
      cairo_line_to (cr, x - 0.8, y + 2);
      cairo_line_to (cr, x + 2.8, y - 2);
      cairo_stroke (cr);
      return;
    case HEED_DEADLINE_MISSED:
      diamond (cr, x, y, r);
      set_colour (cr, &p->palette->late);
      cairo_fill (cr);
      set_colour (cr, &p->palette->background);
      cairo_rectangle (cr, x - 0.9, y - 3.5, 1.8, 4.2);
      cairo_rectangle (cr, x - 0.9, y + 1.6, 1.8, 1.8);
      cairo_fill (cr);
      return;
    case HEED_DEADLINE_DUE_TODAY:
      diamond (cr, x, y, r);
      set_colour (cr, &p->palette->accent);
      cairo_fill (cr);
      return;
    case HEED_DEADLINE_PENDING:
    default:
      diamond (cr, x, y, r - 0.5);
      set_colour (cr, &p->palette->background);
      cairo_fill_preserve (cr);
      set_colour (cr, &p->palette->foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      return;
    }
}

static void
draw_entry (Painter                 *p,
            const HeedTimelineEntry *entry,
            double                   x,
            double                   y)
{
  cairo_t *cr = p->cr;

  if (entry->source == HEED_TIMELINE_SOURCE_ACTION)
    {
      if (entry->overdue)
        {
          warning_sign (p, x, y, 6.5, &p->palette->overdue);
          return;
        }
      cairo_rectangle (cr, x - 4, y - 4, 8, 8);
      set_colour (cr, &p->palette->background);
      cairo_fill_preserve (cr);
      set_colour (cr, g_date_valid (&entry->done) ? &p->palette->met : &p->palette->foreground);
      cairo_set_line_width (cr, 1.5);
      if (g_date_valid (&entry->done))
        cairo_fill (cr);
      else
        cairo_stroke (cr);
      return;
    }
  cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
  set_colour (cr, &p->palette->background);
  cairo_fill (cr);
  cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
  set_colour (cr, entry->source == HEED_TIMELINE_SOURCE_MILESTONE ? &p->palette->accent
                                                                   : &p->palette->foreground);
  cairo_fill (cr);
}

#define HATCH_STEP 6.0

/* The stripes as a tile in device pixels, for pictures: a repeating pattern costs one fill where
 * stroking each stripe costs one line each. */
static cairo_pattern_t *
hatch_pattern (Painter          *p,
               const HeedColour *colour)
{
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *cr;
  double dx = 1, dy = 0, scale;
  int size;

  cairo_user_to_device_distance (p->cr, &dx, &dy);
  scale = MAX (1, hypot (dx, dy));
  size = (int) ceil (HATCH_STEP * scale);
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (tile);
  cairo_scale (cr, size / HATCH_STEP, size / HATCH_STEP);
  set_colour_alpha (cr, colour, 0.18);
  cairo_paint (cr);
  set_colour_alpha (cr, colour, 0.75);
  cairo_set_line_width (cr, 1.5);
  for (double offset = -HATCH_STEP; offset <= HATCH_STEP; offset += HATCH_STEP)
    {
      cairo_move_to (cr, offset, HATCH_STEP);
      cairo_line_to (cr, offset + HATCH_STEP, 0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, size / HATCH_STEP, size / HATCH_STEP);
  cairo_pattern_set_matrix (pattern, &matrix);
  return pattern;
}

/* Diagonal stripes over the stretch a case has been overdue: seen without colour too. */
static void
hatch (Painter          *p,
       double            x0,
       double            x1,
       double            y,
       double            height,
       const HeedColour *colour)
{
  cairo_t *cr = p->cr;

  if (x1 <= x0)
    return;
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      if (p->hatch == NULL)
        p->hatch = hatch_pattern (p, colour);
      cairo_rectangle (cr, x0, y, x1 - x0, height);
      cairo_set_source (cr, p->hatch);
      cairo_fill (cr);
      return;
    }

  /* On paper, vector stripes stay sharp however close one looks. */
  cairo_save (cr);
  cairo_rectangle (cr, x0, y, x1 - x0, height);
  cairo_clip (cr);
  set_colour_alpha (cr, colour, 0.18);
  cairo_paint (cr);
  set_colour_alpha (cr, colour, 0.75);
  cairo_set_line_width (cr, 1.5);
  for (double x = floor (x0 / HATCH_STEP) * HATCH_STEP - height; x < x1 + height; x += HATCH_STEP)
    {
      cairo_move_to (cr, x, y + height);
      cairo_line_to (cr, x + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static const HeedDeadline *
first_overdue (const HeedTimelineLane *lane)
{
  for (guint i = 0; i < lane->deadlines->len; i++)
    {
      const HeedDeadline *deadline = &g_array_index (lane->deadlines, HeedDeadline, i);

      if (deadline->state == HEED_DEADLINE_OVERDUE)
        return deadline;
    }
  return NULL;
}

static const char *
item_caption (const HeedTimelineLane *lane,
              const HeedTimelineItem *item,
              char                  **owned)
{
  if (item->kind == HEED_TIMELINE_ITEM_DEADLINE)
    {
      const HeedDeadline *deadline = &g_array_index (lane->deadlines, HeedDeadline, item->index);

      if (deadline->state != HEED_DEADLINE_OVERDUE)
        return heed_deadline_kind_get_label (deadline->kind);
      /* TRANSLATORS: a deadline's caption on the timeline, e.g. "Respond: overdue" */
      *owned = g_strdup_printf (_("%s: overdue"), heed_deadline_kind_get_label (deadline->kind));
      return *owned;
    }
  else
    {
      const HeedTimelineEntry *entry = &g_array_index (lane->entries, HeedTimelineEntry,
                                                       item->index);

      return entry->summary != NULL && *entry->summary != '\0'
             ? entry->summary : heed_timeline_entry_get_label (entry);
    }
}

static void
draw_row (Painter *p,
          guint    index,
          double   y)
{
  cairo_t *cr = p->cr;
  const HeedTimelineRow *row = heed_timeline_layout_get_row (p->layout, index);
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (p->data, row->lane);
  double ppd = p->viewport->pixels_per_day;
  double centre = y + p->row_height / 2;
  double from_day, to_day, start_x, end_x;
  gboolean captions;
  guint first, last;

  if (p->options->focus_row == (int) index)
    {
      set_colour (cr, &p->palette->selection);
      cairo_rectangle (cr, p->label_width, y, p->viewport->width - p->label_width, p->row_height);
      cairo_fill (cr);
    }
  set_colour (cr, &p->palette->grid);
  cairo_rectangle (cr, p->label_width, y + p->row_height - 1, p->viewport->width, 1);
  cairo_fill (cr);

  /* The case's span: received to closed, or to today while open. */
  start_x = x_for_day (p, g_date_get_julian (&lane->start));
  end_x = g_date_valid (&lane->end) ? x_for_day (p, g_date_get_julian (&lane->end) + 1)
                                    : p->today_x;
  start_x = MAX (start_x, p->label_width - 20);
  end_x = MIN (end_x, p->viewport->width + 20);
  if (row->group == HEED_TIMELINE_ROW_CASE && end_x > start_x)
    {
      const HeedColour *risk = &p->palette->risk[heed_timeline_risk_index (lane->risk)];
      const HeedDeadline *overdue = first_overdue (lane);

      set_colour_alpha (cr, risk, 0.28);
      cairo_rectangle (cr, start_x, centre - 6, end_x - start_x, 12);
      cairo_fill (cr);
      set_colour (cr, risk);
      cairo_rectangle (cr, start_x, centre - 6, end_x - start_x, 2);
      cairo_fill (cr);
      if (overdue != NULL)
        hatch (p, MAX (start_x, x_for_day (p, g_date_get_julian (&overdue->due) + 1)),
               MIN (end_x, p->today_x), centre - 6, 12, &p->palette->overdue);
    }
  else if (end_x > start_x)
    {
      const HeedDeadline *overdue = first_overdue (lane);

      set_colour (cr, &p->palette->grid);
      cairo_rectangle (cr, start_x, centre - 1, end_x - start_x, 2);
      cairo_fill (cr);
      if (row->group == HEED_TIMELINE_ROW_DEADLINES && overdue != NULL)
        hatch (p, MAX (start_x, x_for_day (p, g_date_get_julian (&overdue->due) + 1)),
               MIN (end_x, p->today_x), centre - 5, 10, &p->palette->overdue);
    }

  from_day = heed_timeline_layout_day_for_x (p->layout, p->viewport, p->label_width - 10);
  to_day = heed_timeline_layout_day_for_x (p->layout, p->viewport, p->viewport->width + 10);
  heed_timeline_layout_items_between (p->layout, index, from_day, to_day, &first, &last);
  /* Captions only where there is room to read them. */
  captions = p->is_case || ppd >= 14;

  /* The plain events, most of what there is, go as two paths for the whole row: one fill
   * each rather than two per event. Several on one pixel are drawn once. */
  {
    double last_x = -G_MAXDOUBLE;

    for (int pass = 0; pass < 2; pass++)
      {
        for (guint i = first; i < last; i++)
          {
            const HeedTimelineItem *item = &g_array_index (row->items, HeedTimelineItem, i);
            double x = x_for_day (p, item->julian + 0.5);

            if (item->kind != HEED_TIMELINE_ITEM_ENTRY
                || g_array_index (lane->entries, HeedTimelineEntry, item->index).source
                   != HEED_TIMELINE_SOURCE_EVENT
                || (pass == 0 && x - last_x < 1))
              continue;
            last_x = x;
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, centre, pass == 0 ? 5 : 3.5, 0, 2 * G_PI);
          }
        set_colour (cr, pass == 0 ? &p->palette->background : &p->palette->foreground);
        cairo_fill (cr);
        last_x = -G_MAXDOUBLE;
      }
  }

  for (guint i = first; i < last; i++)
    {
      const HeedTimelineItem *item = &g_array_index (row->items, HeedTimelineItem, i);
      double x = x_for_day (p, item->julian + 0.5);

      if (item->kind == HEED_TIMELINE_ITEM_DEADLINE)
        draw_deadline (p, &g_array_index (lane->deadlines, HeedDeadline, item->index), x,
                       centre);
      else if (g_array_index (lane->entries, HeedTimelineEntry, item->index).source
               != HEED_TIMELINE_SOURCE_EVENT)
        draw_entry (p, &g_array_index (lane->entries, HeedTimelineEntry, item->index), x,
                    centre);

      if (captions)
        {
          double room;

          if (i + 1 < row->items->len)
            room = x_for_day (p, g_array_index (row->items, HeedTimelineItem, i + 1).julian + 0.5)
                   - x - 20;
          else
            room = p->viewport->width - x - 12;
          room = MIN (room, 260);
          /* A word cut to two letters says nothing: show a caption whole-ish or not at all. */
          if (room >= 64)
            {
              g_autofree char *owned = NULL;

              double width = set_text (p, item_caption (lane, item, &owned), TRUE, FALSE, room);
              double height = text_height (p);

              /* A halo keeps the words readable over the bar and its hatching. */
              set_colour_alpha (cr, &p->palette->background, 0.85);
              cairo_rectangle (cr, x + 8, centre - height / 2, width + 4, height);
              cairo_fill (cr);
              show_text (p, x + 10, centre - height / 2, &p->palette->dim);
            }
        }
    }
}

static void
draw_labels (Painter *p,
             guint    first,
             guint    last)
{
  cairo_t *cr = p->cr;
  double width = p->label_width;
  guint n_rows = heed_timeline_layout_get_n_rows (p->layout);
  double bottom = MIN (p->viewport->height,
                       heed_timeline_layout_y_for_row (p->layout, p->viewport, n_rows));

  set_colour (cr, &p->palette->header);
  cairo_rectangle (cr, 0, p->header_height, width, bottom - p->header_height);
  cairo_fill (cr);
  set_colour (cr, &p->palette->grid);
  cairo_rectangle (cr, width - 1, 0, 1, p->viewport->height);
  cairo_fill (cr);

  for (guint index = first; index < last; index++)
    {
      const HeedTimelineRow *row = heed_timeline_layout_get_row (p->layout, index);
      const HeedTimelineLane *lane = heed_timeline_data_get_lane (p->data, row->lane);
      double y = heed_timeline_layout_y_for_row (p->layout, p->viewport, index);
      double line, ref_width, overdue_width, room;

      if (p->options->focus_row == (int) index)
        {
          set_colour (cr, &p->palette->selection);
          cairo_rectangle (cr, 0, y, width - 1, p->row_height);
          cairo_fill (cr);
        }
      set_colour (cr, &p->palette->grid);
      cairo_rectangle (cr, 0, y + p->row_height - 1, width, 1);
      cairo_fill (cr);

      if (row->group != HEED_TIMELINE_ROW_CASE)
        {
          g_autofree char *name = heed_timeline_layout_dup_row_name (p->layout, index);

          set_text (p, name, FALSE, TRUE, width - 24);
          show_text (p, 12, y + (p->row_height - text_height (p)) / 2, &p->palette->foreground);
          if (row->group == HEED_TIMELINE_ROW_DEADLINES && lane->overdue)
            warning_sign (p, width - 14, y + p->row_height / 2, 6.5, &p->palette->overdue);
          continue;
        }

      /* The risk grade as a stripe, and in words on the second line. */
      set_colour (cr, &p->palette->risk[heed_timeline_risk_index (lane->risk)]);
      cairo_rectangle (cr, 0, y + 3, 4, p->row_height - 7);
      cairo_fill (cr);

      /* First line: the reference, its risk in words, and "Overdue" with its sign at the
       * end; second line: the summary. */
      line = (p->row_height - 2) / 2;
      ref_width = set_text (p, lane->reference, FALSE, TRUE, -1);
      show_text (p, 12, y + 2 + (line - text_height (p)) / 2 + 1, &p->palette->foreground);
      overdue_width = 0;
      if (lane->overdue)
        {
          overdue_width = set_text (p, _("Overdue"), TRUE, TRUE, -1);
          show_text (p, width - 8 - overdue_width, y + 2 + (line - text_height (p)) / 2 + 1,
                     &p->palette->overdue);
          warning_sign (p, width - 8 - overdue_width - 10, y + 2 + line / 2 + 1, 5,
                        &p->palette->overdue);
          overdue_width += 22;
        }
      room = width - 12 - ref_width - 10 - overdue_width - 8;
      if (room > 20)
        {
          set_text (p, heed_timeline_risk_get_label (lane->risk), TRUE, FALSE, room);
          show_text (p, 12 + ref_width + 8, y + 2 + (line - text_height (p)) / 2 + 1,
                     &p->palette->dim);
        }
      set_text (p, lane->summary, TRUE, FALSE, width - 20);
      show_text (p, 12, y + line + (line - text_height (p)) / 2, &p->palette->dim);
    }
}

static void
draw_header (Painter *p)
{
  cairo_t *cr = p->cr;

  set_colour (cr, &p->palette->header);
  cairo_rectangle (cr, 0, 0, p->viewport->width, p->header_height);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, p->label_width, 0, p->viewport->width - p->label_width, p->header_height);
  cairo_clip (cr);
  draw_axis (p, FALSE);

  /* "Today" on the axis, where the line through the rows starts. */
  if (p->today_x >= p->label_width && p->today_x <= p->viewport->width)
    {
      double width = set_text (p, _("Today"), TRUE, TRUE, -1);
      double height = text_height (p);
      double x = p->today_x - width / 2 - 6;
      double y = p->header_height - height - 4;

      set_colour (cr, &p->palette->accent);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + height / 2, y + height / 2, height / 2 + 1, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, x + width + 12 - height / 2, y + height / 2, height / 2 + 1, -G_PI / 2,
                 G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      show_text (p, x + 6, y, &p->palette->background);
    }
  cairo_restore (cr);

  set_colour (cr, &p->palette->grid);
  cairo_rectangle (cr, 0, p->header_height - 1, p->viewport->width, 1);
  cairo_fill (cr);

  if (p->label_width > 0)
    {
      const char *title = p->is_case ? _("Case timeline") : _("Cases");

      set_text (p, title, TRUE, TRUE, p->label_width - 20);
      show_text (p, 12, p->header_height - text_height (p) - 6, &p->palette->dim);
    }
}

static void
draw_focus (Painter *p)
{
  cairo_t *cr = p->cr;
  const HeedTimelineRow *row;
  double y;

  if (!p->options->show_focus || p->options->focus_row < 0
      || (guint) p->options->focus_row >= heed_timeline_layout_get_n_rows (p->layout))
    return;
  row = heed_timeline_layout_get_row (p->layout, p->options->focus_row);
  y = heed_timeline_layout_y_for_row (p->layout, p->viewport, p->options->focus_row);
  set_colour (cr, &p->palette->accent);
  cairo_set_line_width (cr, 2);
  if (p->options->focus_item >= 0 && (guint) p->options->focus_item < row->items->len)
    {
      const HeedTimelineItem *item = &g_array_index (row->items, HeedTimelineItem,
                                                     p->options->focus_item);
      double x = x_for_day (p, item->julian + 0.5);

      cairo_new_path (cr);
      cairo_arc (cr, x, y + p->row_height / 2, 10, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  else
    {
      cairo_rectangle (cr, 1, y + 1, p->viewport->width - 2, p->row_height - 2);
      cairo_stroke (cr);
    }
}

void
heed_timeline_draw (cairo_t                       *cr,
                    HeedTimelineLayout            *layout,
                    const HeedTimelineViewport    *viewport,
                    const HeedTimelinePalette     *palette,
                    const HeedTimelineDrawOptions *options)
{
  HeedTimelineDrawOptions defaults;
  g_autoptr(PangoLayout) text = NULL;
  Painter p = { 0 };
  guint first, last;

  g_return_if_fail (cr != NULL && layout != NULL && viewport != NULL && palette != NULL);
  g_return_if_fail (viewport->pixels_per_day > 0);

  if (options == NULL)
    {
      heed_timeline_draw_options_init (&defaults);
      options = &defaults;
    }
  text = pango_cairo_create_layout (cr);
  p.cr = cr;
  p.layout = layout;
  p.data = heed_timeline_layout_get_data (layout);
  p.viewport = viewport;
  p.palette = palette;
  p.options = options;
  p.text = text;
  p.font = pango_font_description_new ();
  pango_font_description_set_family (p.font, options->font_family != NULL
                                             ? options->font_family : "Sans");
  pango_font_description_set_size (p.font, (options->font_size > 0 ? options->font_size : 9)
                                           * PANGO_SCALE);
  p.small_font = pango_font_description_copy (p.font);
  pango_font_description_set_size (p.small_font,
                                   pango_font_description_get_size (p.font) * 0.88);
  p.label_width = heed_timeline_layout_get_label_width (layout);
  p.header_height = heed_timeline_layout_get_header_height (layout);
  p.row_height = heed_timeline_layout_get_row_height (layout);
  p.today_x = x_for_day (&p, g_date_get_julian (heed_timeline_data_get_today (p.data)) + 0.5);
  p.is_case = heed_timeline_data_is_case (p.data);
  p.today_half_width = set_text (&p, _("Today"), TRUE, TRUE, -1) / 2 + 6;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  set_colour (cr, &palette->background);
  cairo_paint (cr);

  /* The chart, under the axis and right of the labels. */
  cairo_save (cr);
  cairo_rectangle (cr, p.label_width, p.header_height, viewport->width - p.label_width,
                   viewport->height - p.header_height);
  cairo_clip (cr);
  shade_days (&p);
  draw_axis (&p, TRUE);
  heed_timeline_layout_visible_rows (layout, viewport, &first, &last);
  for (guint i = first; i < last; i++)
    draw_row (&p, i, heed_timeline_layout_y_for_row (layout, viewport, i));
  if (p.today_x >= p.label_width)
    {
      set_colour (cr, &palette->accent);
      cairo_rectangle (cr, round (p.today_x) - 1, p.header_height, 2,
                       viewport->height - p.header_height);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  if (heed_timeline_layout_get_n_rows (layout) == 0)
    {
      double width = set_text (&p, _("No open cases"), FALSE, TRUE, -1);

      show_text (&p, p.label_width + (viewport->width - p.label_width - width) / 2,
                 p.header_height + (MIN (viewport->height - p.header_height, 96)
                                    - text_height (&p)) / 2,
                 &palette->dim);
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, p.header_height, viewport->width, viewport->height - p.header_height);
  cairo_clip (cr);
  if (p.label_width > 0)
    draw_labels (&p, first, last);
  draw_focus (&p);
  cairo_restore (cr);

  draw_header (&p);
  cairo_restore (cr);

  pango_font_description_free (p.font);
  pango_font_description_free (p.small_font);
  g_clear_pointer (&p.hatch, cairo_pattern_destroy);
}

typedef struct {
  double left;
  double right;
  double x;
  double y;
  double height;
} LegendPen;

/* Moves to the next line when the symbol and its words would not fit. */
static void
legend_room (Painter    *p,
             LegendPen  *pen,
             double      symbol,
             const char *words)
{
  double width = symbol + 6 + set_text (p, words, FALSE, FALSE, -1);

  if (pen->x + width > pen->right && pen->x > pen->left)
    {
      pen->x = pen->left;
      pen->y += pen->height + 4;
    }
}

static void
legend_label (Painter    *p,
              LegendPen  *pen,
              double      symbol,
              const char *words)
{
  double width;

  pen->x += symbol;
  width = set_text (p, words, FALSE, FALSE, -1);
  show_text (p, pen->x + 6, pen->y + (pen->height - text_height (p)) / 2, &p->palette->dim);
  pen->x += 6 + width + 16;
}

double
heed_timeline_draw_legend (cairo_t                   *cr,
                           const HeedTimelinePalette *palette,
                           double                     x,
                           double                     y,
                           double                     width,
                           double                     font_size)
{
  g_autoptr(PangoLayout) text = NULL;
  HeedTimelineDrawOptions options;
  HeedTimelineEntry entry = { 0 };
  HeedDeadline deadline = { 0 };
  Painter p = { 0 };
  LegendPen pen;
  const char *risk_names[] = { "low", "moderate", "high", "extreme" };
  static const HeedDeadlineState states[] = { HEED_DEADLINE_PENDING, HEED_DEADLINE_MET,
                                              HEED_DEADLINE_MISSED, HEED_DEADLINE_OVERDUE };
  const char *state_names[] = { _("Deadline to come"), _("Met"), _("Met late"), _("Overdue") };

  g_return_val_if_fail (cr != NULL && palette != NULL, 0);

  heed_timeline_draw_options_init (&options);
  text = pango_cairo_create_layout (cr);
  p.cr = cr;
  p.palette = palette;
  p.options = &options;
  p.text = text;
  p.font = pango_font_description_from_string ("Sans");
  pango_font_description_set_size (p.font, (int) (font_size * PANGO_SCALE));
  p.small_font = pango_font_description_copy (p.font);
  set_text (&p, "Xy", FALSE, FALSE, -1);
  pen.left = pen.x = x;
  pen.right = x + width;
  pen.y = y;
  pen.height = MAX (text_height (&p), 14);

  g_date_clear (&entry.done, 1);
  entry.source = HEED_TIMELINE_SOURCE_EVENT;
  legend_room (&p, &pen, 10, _("Entry"));
  draw_entry (&p, &entry, pen.x + 5, pen.y + pen.height / 2);
  legend_label (&p, &pen, 10, _("Entry"));
  entry.source = HEED_TIMELINE_SOURCE_ACTION;
  legend_room (&p, &pen, 10, _("Action"));
  draw_entry (&p, &entry, pen.x + 5, pen.y + pen.height / 2);
  legend_label (&p, &pen, 10, _("Action"));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      deadline.state = states[i];
      legend_room (&p, &pen, 14, state_names[i]);
      draw_deadline (&p, &deadline, pen.x + 7, pen.y + pen.height / 2);
      legend_label (&p, &pen, 14, state_names[i]);
    }
  legend_room (&p, &pen, 22, _("Overdue stretch"));
  hatch (&p, pen.x, pen.x + 22, pen.y + pen.height / 2 - 5, 10, &palette->overdue);
  legend_label (&p, &pen, 22, _("Overdue stretch"));
  for (guint i = 0; i < G_N_ELEMENTS (risk_names); i++)
    {
      const HeedColour *risk = &palette->risk[i + 1];
      const char *words = heed_timeline_risk_get_label (risk_names[i]);
      double centre;

      legend_room (&p, &pen, 18, words);
      centre = pen.y + pen.height / 2;
      set_colour_alpha (cr, risk, 0.28);
      cairo_rectangle (cr, pen.x, centre - 5, 18, 10);
      cairo_fill (cr);
      set_colour (cr, risk);
      cairo_rectangle (cr, pen.x, centre - 5, 18, 2);
      cairo_fill (cr);
      legend_label (&p, &pen, 18, words);
    }

  pango_font_description_free (p.font);
  pango_font_description_free (p.small_font);
  g_clear_pointer (&p.hatch, cairo_pattern_destroy);
  return pen.y + pen.height - y;
}
