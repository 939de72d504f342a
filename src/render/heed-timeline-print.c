/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "heed-case.h"
#include "heed-page-size.h"
#include "heed-png.h"
#include "heed-timeline-print.h"
#include "heed-validate.h"

G_DEFINE_QUARK (heed-timeline-print-error-quark, heed_timeline_print_error)

#define MARGIN 42.0
#define FONT "Sans"
/* A case's list: the date column, the rail with its markers, then the words. */
#define DATE_WIDTH 92.0
#define RAIL_GAP 18.0
/* The practice's pages. */
#define PRACTICE_HEADER 30.0
#define PRACTICE_LABELS 178.0
#define PRACTICE_ROW 26.0
#define TITLE_HEIGHT 58.0
#define FOOTER_HEIGHT 58.0
/* Pictures: a cairo image may not be taller than this. */
#define PNG_MAX_HEIGHT 16000.0

typedef enum {
  LINE_ENTRY,
  LINE_DEADLINE,
  LINE_TODAY,
} LineKind;

typedef struct {
  LineKind  kind;
  guint     index;   /* into the lane's entries or deadlines */
  guint32   julian;
  int       order;
  double    height;
  guint     page;
  double    y;       /* top on its page */
} Line;

struct _HeedTimelinePrint
{
  HeedTimelineData   *data;
  HeedTimelineLayout *layout;
  GDate               from;
  GDate               to;
  double              width;
  double              height;
  guint               n_pages;
  GArray             *lines;      /* Line: a case's list */
  guint               rows_per_page;
  HeedTimelinePalette palette;
};

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
heed_timeline_default_period (HeedTimelineData *data,
                              GDate            *from,
                              GDate            *to)
{
  const GDate *today;

  g_return_if_fail (data != NULL && from != NULL && to != NULL);

  today = heed_timeline_data_get_today (data);
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  if (heed_timeline_data_is_case (data) && heed_timeline_data_get_n_lanes (data) == 1)
    {
      const HeedTimelineLane *lane = heed_timeline_data_get_lane (data, 0);

      widen (from, to, &lane->start);
      widen (from, to, &lane->end);
      for (guint i = 0; i < lane->entries->len; i++)
        widen (from, to, &g_array_index (lane->entries, HeedTimelineEntry, i).date);
      for (guint i = 0; i < lane->deadlines->len; i++)
        widen (from, to, &g_array_index (lane->deadlines, HeedDeadline, i).due);
      if (!g_date_valid (&lane->end))
        widen (from, to, today);
      g_date_subtract_days (from, 3);
      g_date_add_days (to, 7);
      return;
    }

  heed_timeline_data_get_extent (data, from, to);
  {
    GDate year_ago = *today;
    GDate ahead = *today;

    g_date_subtract_months (&year_ago, 12);
    g_date_add_months (&ahead, 3);
    if (g_date_compare (from, &year_ago) < 0)
      *from = year_ago;
    if (g_date_compare (to, &ahead) > 0)
      *to = ahead;
    g_date_add_days (to, 7);
    /* A month at least, so that an empty or new practice still shows a readable axis. */
    if (g_date_days_between (from, to) < 35)
      {
        *from = *to;
        g_date_subtract_days (from, 35);
      }
  }
}

void
heed_timeline_print_get_paper (HeedTimelineData *data,
                               double           *width,
                               double           *height)
{
  double w, h;

  heed_paper_get_size (HEED_PAPER_A4, &w, &h);
  if (heed_timeline_data_is_case (data))
    {
      *width = w;
      *height = h;
    }
  else
    {
      *width = h;
      *height = w;
    }
}

static PangoLayout *
new_text (cairo_t    *cr,
          double      size,
          gboolean    bold,
          double      width)
{
  PangoLayout *text = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The same line breaks on every surface: measured for pagination, drawn on the page. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (text), options);
  pango_layout_context_changed (text);
  cairo_font_options_destroy (options);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (text, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
    }
  return text;
}

static double
layout_height (PangoLayout *text)
{
  int width, height;

  pango_layout_get_size (text, &width, &height);
  return (double) height / PANGO_SCALE;
}

static void
show (cairo_t          *cr,
      PangoLayout      *text,
      double            x,
      double            y,
      const HeedColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

/* "8 Sep 2026": fits the date column on one line. */
static char *
short_date (const GDate *date)
{
  char text[64];

  if (g_date_strftime (text, sizeof text, "%-d %b %Y", date) == 0)
    return heed_format_date_long (date);
  return g_strdup (text);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *x = a;
  const Line *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->order - y->order;
}

/* What one line of a case's list says: a bold title and the words under it. */
static void
line_words (HeedTimelinePrint *self,
            const Line        *line,
            char             **title,
            char             **body)
{
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (self->data, 0);

  if (line->kind == LINE_TODAY)
    {
      *title = g_strdup (_("Today"));
      *body = NULL;
    }
  else if (line->kind == LINE_DEADLINE)
    {
      const HeedDeadline *deadline = &g_array_index (lane->deadlines, HeedDeadline, line->index);

      /* TRANSLATORS: a deadline in the printed timeline, e.g. "Deadline: Respond" */
      *title = g_strdup_printf (_("Deadline: %s"), heed_deadline_kind_get_label (deadline->kind));
      *body = heed_deadline_describe (deadline);
      if (deadline->state == HEED_DEADLINE_MET || deadline->state == HEED_DEADLINE_MISSED)
        {
          g_autofree char *done = heed_format_date_long (&deadline->done);
          g_autofree char *state = g_steal_pointer (body);

          /* TRANSLATORS: "met on 5 June 2025", "met late on 9 July 2025" */
          *body = g_strdup_printf (_("%s on %s"), state, done);
        }
      else if (deadline->state == HEED_DEADLINE_OVERDUE && **body != '\0')
        {
          /* A sentence of its own on paper: "Overdue by 3 working days". */
          g_autofree char *state = g_steal_pointer (body);
          g_autofree char *first = g_utf8_substring (state, 0, 1);
          g_autofree char *upper = g_utf8_strup (first, -1);

          *body = g_strconcat (upper, g_utf8_offset_to_pointer (state, 1), NULL);
        }
    }
  else
    {
      const HeedTimelineEntry *entry = &g_array_index (lane->entries, HeedTimelineEntry,
                                                       line->index);

      *title = g_strdup (heed_timeline_entry_get_label (entry));
      if (entry->source == HEED_TIMELINE_SOURCE_ACTION)
        {
          if (g_date_valid (&entry->done))
            {
              g_autofree char *done = heed_format_date_long (&entry->done);

              /* TRANSLATORS: an action's description and when it was done */
              *body = g_strdup_printf (_("%s (due this day; done %s)"), entry->summary, done);
            }
          else if (entry->overdue)
            *body = g_strdup_printf (_("%s (due this day; OVERDUE)"), entry->summary);
          else
            *body = g_strdup_printf (_("%s (due this day)"), entry->summary);
        }
      else
        *body = g_strdup (entry->summary);
    }
}

static void
add_line (GArray      *lines,
          LineKind     kind,
          guint        index,
          const GDate *date,
          int          order)
{
  Line line = { kind, index, g_date_get_julian (date), order, 0, 0, 0 };

  g_array_append_val (lines, line);
}

static double
case_text_width (HeedTimelinePrint *self)
{
  return self->width - 2 * MARGIN - DATE_WIDTH - RAIL_GAP * 2;
}

static char *period_text (HeedTimelinePrint *self);

/* The first page's heading: what the case is, where and when, and whether anything is overdue.
 * Returns where the list starts under it; draws only when @draw. */
static double
case_heading (HeedTimelinePrint *self,
              cairo_t           *cr,
              gboolean           draw)
{
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (self->data, 0);
  const char *practice = heed_timeline_data_get_practice_name (self->data);
  double width = self->width - 2 * MARGIN;
  g_autoptr(PangoLayout) big = new_text (cr, 15, TRUE, width);
  g_autoptr(PangoLayout) small = new_text (cr, 9, FALSE, width);
  g_autoptr(PangoLayout) summary = new_text (cr, 10, FALSE, width);
  g_autoptr(PangoLayout) warning = new_text (cr, 10, TRUE, width);
  g_autofree char *what = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *period = period_text (self);
  g_autofree char *subtitle = NULL;
  double y = MARGIN;

  /* TRANSLATORS: "Complaint C-2025-041" */
  what = g_strdup_printf (_("%s %s"), heed_case_kind_get_label (lane->kind), lane->reference);
  /* TRANSLATORS: the printed title, e.g. "Timeline: Complaint C-2025-041" */
  heading = g_strdup_printf (_("Timeline: %s"), what);
  subtitle = g_strdup_printf ("%s · %s · %s · %s", practice != NULL ? practice : "", period,
                              heed_case_status_get_label (lane->status),
                              heed_timeline_risk_get_label (lane->risk));
  pango_layout_set_text (big, heading, -1);
  pango_layout_set_text (small, subtitle, -1);
  pango_layout_set_text (summary, lane->summary, -1);
  if (draw)
    show (cr, big, MARGIN, y, &self->palette.foreground);
  y += layout_height (big) + 3;
  if (draw)
    show (cr, small, MARGIN, y, &self->palette.dim);
  y += layout_height (small) + 8;
  if (draw)
    show (cr, summary, MARGIN, y, &self->palette.foreground);
  y += layout_height (summary) + 6;
  if (lane->overdue)
    {
      pango_layout_set_text (warning, _("OVERDUE: a deadline or action has passed"), -1);
      if (draw)
        show (cr, warning, MARGIN, y, &self->palette.overdue);
      y += layout_height (warning) + 6;
    }
  return y + 14;
}

static void
paginate_case (HeedTimelinePrint *self)
{
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (self->data, 0);
  const GDate *today = heed_timeline_data_get_today (self->data);
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, self->width, self->height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) title = new_text (cr, 9.5, TRUE, case_text_width (self));
  g_autoptr(PangoLayout) body = new_text (cr, 9.5, FALSE, case_text_width (self));
  double top = case_heading (self, cr, FALSE);
  double bottom = self->height - MARGIN - FOOTER_HEIGHT;
  double y = top;
  guint page = 0;

  for (guint i = 0; i < lane->deadlines->len; i++)
    {
      const GDate *due = &g_array_index (lane->deadlines, HeedDeadline, i).due;

      if (g_date_compare (due, &self->from) >= 0 && g_date_compare (due, &self->to) <= 0)
        add_line (self->lines, LINE_DEADLINE, i, due, -1);
    }
  for (guint i = 0; i < lane->entries->len; i++)
    {
      const GDate *date = &g_array_index (lane->entries, HeedTimelineEntry, i).date;

      if (g_date_compare (date, &self->from) >= 0 && g_date_compare (date, &self->to) <= 0)
        add_line (self->lines, LINE_ENTRY, i, date, (int) i);
    }
  if (g_date_compare (today, &self->from) >= 0 && g_date_compare (today, &self->to) <= 0)
    add_line (self->lines, LINE_TODAY, 0, today, G_MAXINT);
  g_array_sort (self->lines, compare_lines);

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = &g_array_index (self->lines, Line, i);
      g_autofree char *title_text = NULL;
      g_autofree char *body_text = NULL;

      line_words (self, line, &title_text, &body_text);
      pango_layout_set_text (title, title_text, -1);
      line->height = MAX (layout_height (title) + 10, 24);
      if (body_text != NULL)
        {
          pango_layout_set_text (body, body_text, -1);
          line->height += layout_height (body) + 1;
        }
      if (y + line->height > bottom && y > top)
        {
          page++;
          y = MARGIN + 20;
          top = y;
        }
      line->page = page;
      line->y = y;
      y += line->height;
    }
  self->n_pages = page + 1;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

HeedTimelinePrint *
heed_timeline_print_new (HeedTimelineData *data,
                         const GDate      *from,
                         const GDate      *to,
                         double            page_width,
                         double            page_height)
{
  HeedTimelinePrint *self;
  double chart_height;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (page_width > 4 * MARGIN && page_height > 4 * MARGIN, NULL);

  self = g_new0 (HeedTimelinePrint, 1);
  self->data = heed_timeline_data_ref (data);
  self->layout = heed_timeline_layout_new (data);
  self->width = page_width;
  self->height = page_height;
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  heed_timeline_palette_init (&self->palette, FALSE);
  if (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to))
    {
      self->from = *from;
      self->to = *to;
    }
  else
    heed_timeline_default_period (data, &self->from, &self->to);

  if (heed_timeline_data_is_case (data) && heed_timeline_data_get_n_lanes (data) == 1)
    paginate_case (self);
  else
    {
      guint n_rows = heed_timeline_layout_get_n_rows (self->layout);

      heed_timeline_layout_set_sizes (self->layout, PRACTICE_HEADER, PRACTICE_LABELS,
                                      PRACTICE_ROW);
      chart_height = page_height - 2 * MARGIN - TITLE_HEIGHT - FOOTER_HEIGHT - PRACTICE_HEADER;
      self->rows_per_page = MAX (1, (guint) floor (chart_height / PRACTICE_ROW));
      self->n_pages = MAX (1, (n_rows + self->rows_per_page - 1) / self->rows_per_page);
    }
  return self;
}

void
heed_timeline_print_free (HeedTimelinePrint *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lines);
  heed_timeline_layout_unref (self->layout);
  heed_timeline_data_unref (self->data);
  g_free (self);
}

guint
heed_timeline_print_get_n_pages (HeedTimelinePrint *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

static char *
period_text (HeedTimelinePrint *self)
{
  g_autofree char *from = heed_format_date_long (&self->from);
  g_autofree char *to = heed_format_date_long (&self->to);

  /* TRANSLATORS: a period, e.g. "1 April 2025 to 31 March 2026" */
  return g_strdup_printf (_("%s to %s"), from, to);
}

static void
draw_footer (HeedTimelinePrint *self,
             cairo_t           *cr,
             guint              page,
             const char        *what)
{
  g_autoptr(PangoLayout) text = new_text (cr, 7.5, FALSE, -1);
  g_autofree char *today = heed_format_date_long (heed_timeline_data_get_today (self->data));
  g_autofree char *words = NULL;
  int width, height;

  /* TRANSLATORS: page footer: what is printed, the date it is as of, page n of m */
  words = g_strdup_printf (_("%s · as of %s · page %u of %u"), what, today, page + 1,
                           self->n_pages);
  pango_layout_set_text (text, words, -1);
  pango_layout_get_pixel_size (text, &width, &height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, MARGIN, self->height - MARGIN - 14, self->width - 2 * MARGIN, 0.6);
  cairo_fill (cr);
  show (cr, text, self->width - MARGIN - width, self->height - MARGIN - 10, &self->palette.dim);
}

static void
draw_title (HeedTimelinePrint *self,
            cairo_t           *cr,
            const char        *title,
            const char        *subtitle)
{
  g_autoptr(PangoLayout) big = new_text (cr, 15, TRUE, self->width - 2 * MARGIN);
  g_autoptr(PangoLayout) small = new_text (cr, 9, FALSE, self->width - 2 * MARGIN);

  pango_layout_set_text (big, title, -1);
  pango_layout_set_ellipsize (big, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (small, subtitle, -1);
  pango_layout_set_ellipsize (small, PANGO_ELLIPSIZE_END);
  show (cr, big, MARGIN, MARGIN, &self->palette.foreground);
  show (cr, small, MARGIN, MARGIN + layout_height (big) + 4, &self->palette.dim);
}

/* The rail's marker for a line, in the shapes the screen uses. */
static void
draw_marker (HeedTimelinePrint *self,
             cairo_t           *cr,
             const Line        *line,
             double             x,
             double             y)
{
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (self->data, 0);
  const HeedTimelinePalette *palette = &self->palette;
  const HeedColour *colour = &palette->foreground;
  gboolean filled = TRUE;

  if (line->kind == LINE_TODAY)
    {
      cairo_set_source_rgba (cr, palette->accent.red, palette->accent.green,
                             palette->accent.blue, 1);
      cairo_rectangle (cr, x - 5, y - 1.2, 10, 2.4);
      cairo_fill (cr);
      return;
    }
  if (line->kind == LINE_DEADLINE)
    {
      const HeedDeadline *deadline = &g_array_index (lane->deadlines, HeedDeadline, line->index);

      if (deadline->state == HEED_DEADLINE_OVERDUE)
        {
          cairo_move_to (cr, x, y - 6);
          cairo_line_to (cr, x + 6.5, y + 5);
          cairo_line_to (cr, x - 6.5, y + 5);
          cairo_close_path (cr);
          colour = &palette->overdue;
        }
      else
        {
          cairo_move_to (cr, x, y - 5);
          cairo_line_to (cr, x + 5, y);
          cairo_line_to (cr, x, y + 5);
          cairo_line_to (cr, x - 5, y);
          cairo_close_path (cr);
          colour = deadline->state == HEED_DEADLINE_MET ? &palette->met
                   : deadline->state == HEED_DEADLINE_MISSED ? &palette->late
                   : &palette->foreground;
          filled = deadline->state == HEED_DEADLINE_MET || deadline->state == HEED_DEADLINE_MISSED;
        }
    }
  else
    {
      const HeedTimelineEntry *entry = &g_array_index (lane->entries, HeedTimelineEntry,
                                                       line->index);

      if (entry->source == HEED_TIMELINE_SOURCE_ACTION)
        {
          cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
          colour = entry->overdue ? &palette->overdue
                   : g_date_valid (&entry->done) ? &palette->met : &palette->foreground;
          filled = g_date_valid (&entry->done) || entry->overdue;
        }
      else
        cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_set_line_width (cr, 1.3);
  if (filled)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

static void
draw_case_page (HeedTimelinePrint *self,
                cairo_t           *cr,
                guint              page)
{
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (self->data, 0);
  g_autoptr(PangoLayout) date = new_text (cr, 8.5, FALSE, DATE_WIDTH - 8);
  g_autoptr(PangoLayout) title = new_text (cr, 9.5, TRUE, case_text_width (self));
  g_autoptr(PangoLayout) body = new_text (cr, 9.5, FALSE, case_text_width (self));
  g_autofree char *what = NULL;
  double rail_x = MARGIN + DATE_WIDTH + RAIL_GAP / 2;
  double text_x = MARGIN + DATE_WIDTH + RAIL_GAP * 1.5;
  guint32 last_julian = 0;
  double first_y = -1, last_y = -1;

  /* TRANSLATORS: "Complaint C-2025-041" */
  what = g_strdup_printf (_("%s %s"), heed_case_kind_get_label (lane->kind), lane->reference);
  if (page == 0)
    case_heading (self, cr, TRUE);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &g_array_index (self->lines, Line, i);
      g_autofree char *title_text = NULL;
      g_autofree char *body_text = NULL;
      const HeedColour *title_colour = &self->palette.foreground;
      double marker_y;

      if (line->page != page)
        continue;
      line_words (self, line, &title_text, &body_text);
      pango_layout_set_text (title, title_text, -1);
      marker_y = line->y + layout_height (title) / 2;
      if (first_y < 0)
        first_y = marker_y;
      last_y = marker_y;

      if (line->julian != last_julian)
        {
          GDate day;
          g_autofree char *day_text = NULL;

          g_date_clear (&day, 1);
          g_date_set_julian (&day, line->julian);
          day_text = short_date (&day);
          pango_layout_set_text (date, day_text, -1);
          show (cr, date, MARGIN, line->y + 1, &self->palette.dim);
          last_julian = line->julian;
        }
      if (line->kind == LINE_DEADLINE)
        {
          const HeedDeadline *deadline = &g_array_index (lane->deadlines, HeedDeadline,
                                                         line->index);

          if (deadline->state == HEED_DEADLINE_OVERDUE)
            title_colour = &self->palette.overdue;
        }
      else if (line->kind == LINE_TODAY)
        title_colour = &self->palette.accent;
      show (cr, title, text_x, line->y, title_colour);
      if (body_text != NULL)
        {
          pango_layout_set_text (body, body_text, -1);
          show (cr, body, text_x, line->y + layout_height (title) + 1, &self->palette.foreground);
        }
    }

  /* The rail joins the markers, drawn under them. */
  if (first_y >= 0)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
      cairo_rectangle (cr, rail_x - 0.6, first_y, 1.2, last_y - first_y);
      cairo_fill (cr);
      for (guint i = 0; i < self->lines->len; i++)
        {
          const Line *line = &g_array_index (self->lines, Line, i);
          g_autofree char *title_text = NULL;
          g_autofree char *body_text = NULL;

          if (line->page != page)
            continue;
          line_words (self, line, &title_text, &body_text);
          pango_layout_set_text (title, title_text, -1);
          draw_marker (self, cr, line, rail_x, line->y + layout_height (title) / 2);
        }
    }
  else if (page == 0)
    {
      g_autoptr(PangoLayout) none = new_text (cr, 10, FALSE, -1);

      pango_layout_set_text (none, _("Nothing happened to this case in the period."), -1);
      show (cr, none, MARGIN, case_heading (self, cr, FALSE), &self->palette.dim);
    }
  draw_footer (self, cr, page, what);
}

static void
draw_practice_page (HeedTimelinePrint *self,
                    cairo_t           *cr,
                    guint              page)
{
  HeedTimelineViewport viewport;
  HeedTimelineDrawOptions options;
  guint n_rows = heed_timeline_layout_get_n_rows (self->layout);
  guint first = page * self->rows_per_page;
  guint count = MIN (self->rows_per_page, n_rows > first ? n_rows - first : 0);
  double days = g_date_days_between (&self->from, &self->to) + 1;
  double chart_top = MARGIN + TITLE_HEIGHT;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *period = period_text (self);
  const char *name = heed_timeline_data_get_practice_name (self->data);
  guint n_overdue = 0;

  for (guint i = 0; i < n_rows; i++)
    if (heed_timeline_layout_get_lane (self->layout, i)->overdue)
      n_overdue++;
  /* TRANSLATORS: printed title; %s is the practice's name */
  title = g_strdup_printf (_("Practice timeline: %s"), name != NULL ? name : "");
  {
    g_autofree char *cases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case",
                                                           "%u cases", n_rows), n_rows);
    g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue",
                                                             "%u overdue", n_overdue),
                                                n_overdue);

    subtitle = g_strdup_printf ("%s · %s · %s", period, cases, overdue);
  }
  draw_title (self, cr, title, subtitle);

  viewport.first_day = g_date_get_julian (&self->from);
  viewport.width = self->width - 2 * MARGIN;
  viewport.pixels_per_day = (viewport.width - PRACTICE_LABELS) / days;
  viewport.scroll_y = first * PRACTICE_ROW;
  viewport.height = PRACTICE_HEADER + MAX (1, count) * PRACTICE_ROW;
  heed_timeline_draw_options_init (&options);
  options.font_size = 7;

  cairo_save (cr);
  cairo_translate (cr, MARGIN, chart_top);
  heed_timeline_draw (cr, self->layout, &viewport, &self->palette, &options);
  cairo_restore (cr);
  heed_timeline_draw_legend (cr, &self->palette, MARGIN, chart_top + viewport.height + 10,
                             self->width - 2 * MARGIN, 7);
  draw_footer (self, cr, page, _("Practice timeline"));
}

void
heed_timeline_print_draw_page (HeedTimelinePrint *self,
                               cairo_t           *cr,
                               guint              page)
{
  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  if (self->lines->len > 0 || heed_timeline_data_is_case (self->data))
    draw_case_page (self, cr, page);
  else
    draw_practice_page (self, cr, page);
  cairo_restore (cr);
}

static gboolean
check_period (const GDate  *from,
              const GDate  *to,
              GError      **error)
{
  if (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to)
      && g_date_compare (from, to) > 0)
    {
      g_set_error (error, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_PERIOD,
                   _("The period starts after it ends: the first date must come first."));
      return FALSE;
    }
  return TRUE;
}

/* Writes beside @path and renames, so a failure never leaves half a file in its place. */
/* A PDF or PNG that could not be drawn or written: the output's own words when it refused or
 * the disk failed, else Cairo's. */
static gboolean
finish_file (HeedSafeOutput     *output,
             HeedPngWriter      *writer,
             cairo_status_t      status,
             GError            **error)
{
  GError *output_error = NULL;

  if (writer->error != NULL)
    {
      heed_png_take_error (error, g_steal_pointer (&writer->error), HEED_TIMELINE_PRINT_ERROR,
                           HEED_TIMELINE_PRINT_ERROR_WRITE);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_WRITE,
                   _("Could not write “%s”: %s."), heed_safe_output_get_path (output),
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!heed_safe_output_commit (output, &output_error))
    {
      heed_png_take_error (error, output_error, HEED_TIMELINE_PRINT_ERROR,
                           HEED_TIMELINE_PRINT_ERROR_WRITE);
      return FALSE;
    }
  return TRUE;
}

gboolean
heed_timeline_write_pdf (HeedTimelineData  *data,
                         const GDate       *from,
                         const GDate       *to,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(HeedTimelinePrint) print = NULL;
  g_autoptr(HeedSafeOutput) output = NULL;
  HeedPngWriter writer = { 0 };
  GError *output_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!check_period (from, to, error))
    return FALSE;
  heed_timeline_print_get_paper (data, &width, &height);
  print = heed_timeline_print_new (data, from, to, width, height);
  output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT, &output_error);
  if (output == NULL)
    {
      heed_png_take_error (error, output_error, HEED_TIMELINE_PRINT_ERROR,
                           HEED_TIMELINE_PRINT_ERROR_WRITE);
      return FALSE;
    }
  writer.output = output;
  surface = cairo_pdf_surface_create_for_stream (heed_png_writer_write, &writer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  heed_timeline_data_is_case (data) ? _("Case timeline")
                                                                    : _("Practice timeline"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Heed");
  cr = cairo_create (surface);
  for (guint page = 0; page < heed_timeline_print_get_n_pages (print); page++)
    {
      heed_timeline_print_draw_page (print, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return finish_file (output, &writer, status, error);
}

gboolean
heed_timeline_write_png (HeedTimelineData  *data,
                         const GDate       *from,
                         const GDate       *to,
                         gboolean           dark,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(HeedTimelineLayout) layout = NULL;
  HeedTimelineViewport viewport;
  HeedTimelinePalette palette;
  cairo_surface_t *surface;
  cairo_status_t status;
  GDate first, last;
  cairo_t *cr;
  guint n_rows, shown;
  double header, row_height, legend = 34;
  gboolean ok;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!check_period (from, to, error))
    return FALSE;
  if (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to))
    {
      first = *from;
      last = *to;
    }
  else
    heed_timeline_default_period (data, &first, &last);

  layout = heed_timeline_layout_new (data);
  header = heed_timeline_layout_get_header_height (layout);
  if (heed_timeline_data_is_case (data))
    heed_timeline_layout_set_sizes (layout, header, 150, 48);
  row_height = heed_timeline_layout_get_row_height (layout);
  n_rows = heed_timeline_layout_get_n_rows (layout);
  shown = MIN (n_rows, (guint) ((PNG_MAX_HEIGHT - header - legend) / row_height));

  viewport.width = 1600;
  viewport.first_day = g_date_get_julian (&first);
  viewport.pixels_per_day = (viewport.width - heed_timeline_layout_get_label_width (layout))
                            / (g_date_days_between (&first, &last) + 1);
  viewport.scroll_y = 0;
  viewport.height = header + MAX (1, shown) * row_height;
  heed_timeline_palette_init (&palette, dark);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) viewport.width,
                                        (int) (viewport.height + legend));
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, palette.background.red, palette.background.green,
                         palette.background.blue, 1);
  cairo_paint (cr);
  heed_timeline_draw (cr, layout, &viewport, &palette, NULL);
  heed_timeline_draw_legend (cr, &palette, 12, viewport.height + 10, viewport.width - 24, 8);
  if (shown < n_rows)
    {
      g_autoptr(PangoLayout) more = new_text (cr, 8, TRUE, -1);
      g_autofree char *words = NULL;
      int width, height;

      /* TRANSLATORS: under a picture of the practice timeline too long to show whole */
      words = g_strdup_printf (_("Showing %u of %u cases: the PDF has them all."), shown, n_rows);
      pango_layout_set_text (more, words, -1);
      pango_layout_get_pixel_size (more, &width, &height);
      show (cr, more, viewport.width - 12 - width, viewport.height + 10, &palette.dim);
    }
  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_WRITE,
                   _("Could not write “%s”: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }
  ok = heed_png_save (surface, path, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_WRITE,
                      error);
  cairo_surface_destroy (surface);
  return ok;
}
