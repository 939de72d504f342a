/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-letter-layout.h"
#include "heed-page-size.h"
#include "heed-png.h"
#include "heed-language.h"

#define MM HEED_POINTS_PER_MM

/* A DL window envelope (BS EN ISO 269) shows a 90 × 35 mm window 20 mm from the left and
 * about 45 mm from the top of a folded A4 sheet; the address sits inside it with a little
 * room to move in the envelope. */
#define WINDOW_X       (20.0 * MM)
#define WINDOW_Y       (45.0 * MM)
#define WINDOW_WIDTH   (90.0 * MM)
#define WINDOW_HEIGHT  (35.0 * MM)
#define WINDOW_INSET   (3.0 * MM)

#define MARGIN_SIDE    (20.0 * MM)
#define MARGIN_TOP     (15.0 * MM)
#define MARGIN_BOTTOM  (22.0 * MM)
#define BODY_TOP       (92.0 * MM)
#define LATER_TOP      (32.0 * MM)
#define LOGO_MAX_W     (55.0 * MM)
#define LOGO_MAX_H     (24.0 * MM)
#define NOTICE_SCALE   1.6
#define NOTICE_LARGE_PRINT_SCALE 2.0

typedef struct {
  HeedMergedLetter *letter;
  cairo_surface_t  *logo;
} Letterhead;

static void
letterhead_free (gpointer data)
{
  Letterhead *head = data;

  g_clear_object (&head->letter);
  g_clear_pointer (&head->logo, cairo_surface_destroy);
  g_free (head);
}

/* Sizes for what surrounds the body in large print: the practice's name grows to 18 pt, its
 * address and phone number, the running header and the footer to 12 pt, and the body to
 * 16 pt. */
static double
capped (HeedPageFlow *flow,
        double        points,
        double        largest)
{
  return MIN (points * heed_page_flow_get_scale (flow), MAX (points, largest))
         / heed_page_flow_get_scale (flow);
}

static double
show_markup (HeedPageFlow *flow,
             cairo_t      *cr,
             const char   *markup,
             double        size,
             double        x,
             double        y,
             double        width,
             PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = heed_page_flow_create_layout (flow, markup, size, width);
  int height;

  pango_layout_set_alignment (layout, align);
  /* Without a cairo_t, only measured. */
  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static char *
escaped_lines (const char *const *lines,
               const char        *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *line = g_markup_escape_text (lines[i], -1);

      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Returns where the letterhead ends; with no cairo_t, only measures it. */
static double
draw_letterhead (HeedPageFlow *flow,
                 cairo_t      *cr,
                 Letterhead   *head,
                 double        page_width)
{
  HeedMergedLetter *letter = head->letter;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (heed_merged_letter_get_practice_name (letter),
                                                -1);
  g_autofree char *name_markup = g_strdup_printf ("<b>%s</b>", name);
  g_autofree char *address = escaped_lines (heed_merged_letter_get_practice_address (letter),
                                            "\n");
  double column = 80.0 * MM;
  double x = page_width - MARGIN_SIDE - column;
  double y = MARGIN_TOP;
  double logo_bottom = MARGIN_TOP;

  g_string_assign (details, address);
  if (heed_merged_letter_get_practice_phone (letter) != NULL)
    {
      g_autofree char *phone = g_markup_escape_text (
        heed_merged_letter_get_practice_phone (letter), -1);

      g_string_append_printf (details, "\n%s %s", D_("Phone"), phone);
    }
  if (heed_merged_letter_get_practice_email (letter) != NULL)
    {
      g_autofree char *email = g_markup_escape_text (
        heed_merged_letter_get_practice_email (letter), -1);

      g_string_append_printf (details, "\n%s", email);
    }

  if (head->logo != NULL)
    {
      double w = cairo_image_surface_get_width (head->logo);
      double h = cairo_image_surface_get_height (head->logo);
      double fit = MIN (LOGO_MAX_W / w, LOGO_MAX_H / h);

      logo_bottom = MARGIN_TOP + h * fit;
      if (cr != NULL)
        {
          cairo_save (cr);
          cairo_tag_begin (cr, "Figure", NULL);
          cairo_translate (cr, MARGIN_SIDE, MARGIN_TOP);
          cairo_scale (cr, fit, fit);
          cairo_set_source_surface (cr, head->logo, 0, 0);
          cairo_paint (cr);
          cairo_tag_end (cr, "Figure");
          cairo_restore (cr);
        }
    }

  if (cr != NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.09, 0.25, 0.45);
      cairo_tag_begin (cr, "P", NULL);
    }
  y += show_markup (flow, cr, name_markup, capped (flow, 14.5, 18), x, y, column,
                    PANGO_ALIGN_RIGHT);
  if (cr != NULL)
    {
      cairo_tag_end (cr, "P");
      cairo_restore (cr);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.3, 0.32, 0.36);
      cairo_tag_begin (cr, "P", NULL);
    }
  y += 2 + show_markup (flow, cr, details->str, capped (flow, 9, 12), x, y + 2, column,
                        PANGO_ALIGN_RIGHT);
  if (cr != NULL)
    {
      cairo_tag_end (cr, "P");
      cairo_restore (cr);
    }
  return MAX (logo_bottom, y);
}

/* The recipient's name and address inside the envelope window. Large print makes it larger
 * too, but never so large that a line falls outside the window. */
static void
draw_address (HeedPageFlow *flow,
              cairo_t      *cr,
              Letterhead   *head)
{
  const char *const *lines = heed_merged_letter_get_address_block (head->letter);
  g_autofree char *markup = NULL;
  double width = WINDOW_WIDTH - 2 * WINDOW_INSET;
  double height = WINDOW_HEIGHT - 2 * WINDOW_INSET;
  double size = HEED_PAGE_FLOW_BODY_SIZE;

  if (lines == NULL || lines[0] == NULL)
    return;
  markup = escaped_lines (lines, "\n");
  /* Sizes are before the flow's scale, which create_layout applies. */
  for (; size > 6; size -= 0.5)
    {
      g_autoptr(PangoLayout) layout = heed_page_flow_create_layout (flow, markup, size, 0);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      if (w / PANGO_SCALE <= width && h / PANGO_SCALE <= height)
        break;
    }
  cairo_tag_begin (cr, "P", NULL);
  show_markup (flow, cr, markup, size, WINDOW_X + WINDOW_INSET, WINDOW_Y + WINDOW_INSET, 0,
               PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "P");
}

static char *
reference_and_date_markup (HeedMergedLetter *letter)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *date = g_markup_escape_text (heed_merged_letter_get_date_text (letter), -1);

  if (heed_merged_letter_get_reference (letter) != NULL)
    {
      g_autofree char *reference = g_markup_escape_text (
        heed_merged_letter_get_reference (letter), -1);

      g_string_append_printf (markup, "%s <b>%s</b>\n", D_("Our reference:"), reference);
    }
  g_string_append (markup, date);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Beside the window in normal print; in large print, where there is no room beside it, below
 * it and as large as the body. */
static double
draw_reference_and_date (HeedPageFlow *flow,
                         cairo_t      *cr,
                         Letterhead   *head,
                         double        page_width)
{
  g_autofree char *markup = reference_and_date_markup (head->letter);
  double x = WINDOW_X + WINDOW_WIDTH + 10 * MM;
  double height;

  if (cr != NULL)
    cairo_tag_begin (cr, "P", NULL);
  if (heed_page_flow_get_scale (flow) > 1.0)
    {
      g_autoptr(PangoLayout) layout = heed_page_flow_create_layout (flow, markup,
                                                                    HEED_PAGE_FLOW_BODY_SIZE,
                                                                    0);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      height = (double) h / PANGO_SCALE;
      if (cr != NULL)
        {
          cairo_move_to (cr, WINDOW_X + WINDOW_INSET, WINDOW_Y + WINDOW_HEIGHT + 4 * MM);
          pango_cairo_show_layout (cr, layout);
        }
      height += WINDOW_Y + WINDOW_HEIGHT + 4 * MM;
    }
  else
    {
      height = BODY_TOP;
      if (cr != NULL)
        show_markup (flow, cr, markup, 10, x, WINDOW_Y + WINDOW_INSET,
                     page_width - MARGIN_SIDE - x, PANGO_ALIGN_RIGHT);
    }
  if (cr != NULL)
    cairo_tag_end (cr, "P");
  return height;
}

/* Page 2 on: who the letter is to, the reference and date, so a loose page finds its way. */
static void
draw_continuation (HeedPageFlow *flow,
                   cairo_t      *cr,
                   Letterhead   *head,
                   double        page_width)
{
  HeedMergedLetter *letter = head->letter;
  const char *const *lines = heed_merged_letter_get_address_block (letter);
  g_autoptr(GString) markup = g_string_new (NULL);
  double height;

  if (lines != NULL && lines[0] != NULL)
    {
      g_autofree char *recipient = g_markup_escape_text (lines[0], -1);

      g_string_append_printf (markup, "%s  ·  ", recipient);
    }
  if (heed_merged_letter_get_reference (letter) != NULL)
    {
      g_autofree char *reference = g_markup_escape_text (
        heed_merged_letter_get_reference (letter), -1);

      g_string_append_printf (markup, "%s %s  ·  ", D_("Our reference:"), reference);
    }
  {
    g_autofree char *date = g_markup_escape_text (heed_merged_letter_get_date_text (letter),
                                                  -1);

    g_string_append (markup, date);
  }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.32, 0.36);
  height = show_markup (flow, cr, markup->str, capped (flow, 8.5, 12), MARGIN_SIDE, MARGIN_TOP,
                        page_width - 2 * MARGIN_SIDE, PANGO_ALIGN_LEFT);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_SIDE, MARGIN_TOP + height + 2.5 * MM);
  cairo_line_to (cr, page_width - MARGIN_SIDE, MARGIN_TOP + height + 2.5 * MM);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_footer (HeedPageFlow *flow,
             cairo_t      *cr,
             Letterhead   *head,
             guint         page,
             guint         n_pages,
             double        page_width,
             double        page_height)
{
  g_autofree char *text = g_strdup_printf (D_("Page %u of %u"), page + 1, n_pages);
  g_autofree char *name = g_markup_escape_text (
    heed_merged_letter_get_practice_name (head->letter), -1);
  double y = page_height - 14 * MM;
  double width = (page_width - 2 * MARGIN_SIDE) / 2;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.3, 0.32, 0.36);
  show_markup (flow, cr, name, capped (flow, 8.5, 12), MARGIN_SIDE, y, width, PANGO_ALIGN_LEFT);
  /* "Page 1 of 1" tells nobody anything. */
  if (n_pages > 1)
    show_markup (flow, cr, text, capped (flow, 8.5, 12), MARGIN_SIDE + width, y, width,
                 PANGO_ALIGN_RIGHT);
  cairo_restore (cr);
}

static void
decorate (HeedPageFlow *flow,
          cairo_t      *cr,
          guint         page,
          guint         n_pages,
          gpointer      user_data)
{
  Letterhead *head = user_data;
  /* The page's furniture ("Page 2 of 3") in the letter's language. */
  HeedLanguage previous =
    heed_language_set_document (heed_merged_letter_get_language (head->letter));
  double width, height;

  heed_page_flow_get_page_size (flow, &width, &height);
  if (page == 0)
    {
      draw_letterhead (flow, cr, head, width);
      /* A notice for the waiting room has no address, and its case reference is nobody
       * else's business. */
      if (heed_merged_letter_get_address_block (head->letter)[0] != NULL)
        {
          draw_address (flow, cr, head);
          draw_reference_and_date (flow, cr, head, width);
        }
    }
  else if (heed_merged_letter_get_address_block (head->letter)[0] != NULL)
    draw_continuation (flow, cr, head, width);
  draw_footer (flow, cr, head, page, n_pages, width, height);
  heed_language_set_document (previous);
}

HeedPageFlow *
heed_letter_layout_new (HeedMergedLetter *letter,
                        gboolean          large_print)
{
  HeedPageFlow *flow;
  Letterhead *head;
  double width, height;
  gboolean has_address;
  HeedLanguage previous;

  g_return_val_if_fail (HEED_IS_MERGED_LETTER (letter), NULL);

  heed_paper_get_size (HEED_PAPER_A4, &width, &height);
  flow = heed_page_flow_new (heed_merged_letter_get_document (letter), width, height);
  heed_page_flow_set_language (flow, heed_merged_letter_get_language (letter));
  heed_page_flow_set_margins (flow, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM, MARGIN_SIDE);
  has_address = heed_merged_letter_get_address_block (letter)[0] != NULL;
  /* A notice for the waiting room is read from a few steps away. */
  if (!has_address)
    heed_page_flow_set_scale (flow, large_print ? NOTICE_LARGE_PRINT_SCALE : NOTICE_SCALE);
  else if (large_print)
    heed_page_flow_set_scale (flow, HEED_PAGE_FLOW_LARGE_PRINT_SCALE);

  head = g_new0 (Letterhead, 1);
  head->letter = g_object_ref (letter);

  head->logo = heed_png_load (heed_merged_letter_get_logo (letter));

  /* A notice with no one to address starts just below the letterhead, however large its
   * print has made it. */
  previous = heed_language_set_document (heed_merged_letter_get_language (letter));
  heed_page_flow_set_content_tops (flow,
                                   has_address
                                   ? MAX (BODY_TOP, draw_reference_and_date (flow, NULL, head,
                                                                             width) + 8 * MM)
                                   : MAX (WINDOW_Y,
                                          draw_letterhead (flow, NULL, head, width) + 6 * MM),
                                   LATER_TOP + (large_print ? 3 * MM : 0));
  heed_language_set_document (previous);

  heed_page_flow_set_decorate_func (flow, decorate, head, letterhead_free);
  return flow;
}

void
heed_letter_layout_get_window (double *x,
                               double *y,
                               double *width,
                               double *height)
{
  if (x != NULL)
    *x = WINDOW_X;
  if (y != NULL)
    *y = WINDOW_Y;
  if (width != NULL)
    *width = WINDOW_WIDTH;
  if (height != NULL)
    *height = WINDOW_HEIGHT;
}
