/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "heed-document.h"
#include "heed-language.h"

G_BEGIN_DECLS

#define HEED_RENDER_ERROR (heed_render_error_quark ())

typedef enum {
  HEED_RENDER_ERROR_FAILED, /* Cairo could not draw the pages */
  HEED_RENDER_ERROR_IO,     /* the file could not be written */
  HEED_RENDER_ERROR_INVALID /* bad input, such as an unreadable logo */
} HeedRenderError;

GQuark heed_render_error_quark (void);

/* Body text size in points before the scale; large print scales it to at least 16 pt. */
#define HEED_PAGE_FLOW_BODY_SIZE 11.0
#define HEED_PAGE_FLOW_LARGE_PRINT_SCALE (16.0 / HEED_PAGE_FLOW_BODY_SIZE)

#define HEED_TYPE_PAGE_FLOW (heed_page_flow_get_type ())
G_DECLARE_FINAL_TYPE (HeedPageFlow, heed_page_flow, HEED, PAGE_FLOW, GObject)

/* Draws what surrounds the flowed text on one page (letterhead, running header, "Page N of
 * M"), in page coordinates (points, origin top left). page is 0-based. */
typedef void (*HeedPageDecorateFunc) (HeedPageFlow *flow,
                                      cairo_t      *cr,
                                      guint         page,
                                      guint         n_pages,
                                      gpointer      user_data);

/* Flows a HeedDocument onto pages of page_width × page_height points: headings kept with what
 * follows, paragraphs split only between lines with at least two lines on each side, table
 * header rows repeated. Lay out once with heed_page_flow_layout(), then draw any page on any
 * cairo_t (PDF, PNG, print context) with heed_page_flow_draw_page(); scale the cairo_t for a
 * preview. Changing a setting after layout needs another layout. */
HeedPageFlow *heed_page_flow_new                (HeedDocument         *document,
                                                 double                page_width,
                                                 double                page_height);
/* The language the PDF says it is in (for screen readers); by default the document language
 * in effect when the flow was made. */
void          heed_page_flow_set_language (HeedPageFlow *self,
                                           HeedLanguage  language);
HeedDocument *heed_page_flow_get_document       (HeedPageFlow         *self);
void          heed_page_flow_get_page_size      (HeedPageFlow         *self,
                                                 double               *width,
                                                 double               *height);
void          heed_page_flow_set_margins        (HeedPageFlow         *self,
                                                 double                top,
                                                 double                right,
                                                 double                bottom,
                                                 double                left);
void          heed_page_flow_get_margins        (HeedPageFlow         *self,
                                                 double               *top,
                                                 double               *right,
                                                 double               *bottom,
                                                 double               *left);
/* Where the flowed text starts on the first page and on the pages after it (for a letterhead
 * or a running header); 0 means the top margin. */
void          heed_page_flow_set_content_tops   (HeedPageFlow         *self,
                                                 double                first_page_top,
                                                 double                later_pages_top);
void          heed_page_flow_set_font_family    (HeedPageFlow         *self,
                                                 const char           *family);
const char   *heed_page_flow_get_font_family    (HeedPageFlow         *self);
void          heed_page_flow_set_scale          (HeedPageFlow         *self,
                                                 double                scale);
double        heed_page_flow_get_scale          (HeedPageFlow         *self);
void          heed_page_flow_set_decorate_func  (HeedPageFlow         *self,
                                                 HeedPageDecorateFunc  func,
                                                 gpointer              user_data,
                                                 GDestroyNotify        destroy);

guint         heed_page_flow_layout             (HeedPageFlow         *self);
guint         heed_page_flow_get_n_pages        (HeedPageFlow         *self);
void          heed_page_flow_draw_page          (HeedPageFlow         *self,
                                                 cairo_t              *cr,
                                                 guint                 page);

/* Where block index of the document landed: the pages it starts and ends on, and how many of
 * its lines (all items' lines for a list, rows for a table) are on page; FALSE if the block
 * puts nothing on a page (space, page break). */
gboolean      heed_page_flow_get_block_pages    (HeedPageFlow         *self,
                                                 guint                 index,
                                                 guint                *first_page,
                                                 guint                *last_page);
guint         heed_page_flow_count_block_lines  (HeedPageFlow         *self,
                                                 guint                 index,
                                                 guint                 page);

/* A layout in the flow's font at size points (before the scale), for decorations. */
PangoLayout  *heed_page_flow_create_layout      (HeedPageFlow         *self,
                                                 const char           *markup,
                                                 double                size,
                                                 double                width);

/* The whole document as a tagged PDF with the document's title as its metadata; lays out
 * first if needed. write_pdf replaces path only once the PDF is complete. */
GBytes       *heed_page_flow_render_pdf         (HeedPageFlow         *self,
                                                 GError              **error);
gboolean      heed_page_flow_write_pdf          (HeedPageFlow         *self,
                                                 const char           *path,
                                                 GError              **error);

G_END_DECLS
