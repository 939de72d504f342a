/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A printed document as a plain list of blocks (headings, paragraphs, lists, tables, drawings,
 * spacing, page breaks), with no page geometry. Letters and reports build one; src/render's
 * HeedPageFlow lays it out on pages. Text is held as Pango-style markup limited to <b>, <i>
 * and <u>, so core needs no Pango: build it with heed_markup_append(). */

typedef enum {
  HEED_BLOCK_HEADING,
  HEED_BLOCK_PARAGRAPH,
  HEED_BLOCK_LIST,
  HEED_BLOCK_TABLE,
  HEED_BLOCK_DRAWING,
  HEED_BLOCK_SPACE,
  HEED_BLOCK_PAGE_BREAK,
} HeedBlockKind;

typedef enum {
  HEED_TEXT_PLAIN  = 0,
  HEED_TEXT_BOLD   = 1 << 0,
  HEED_TEXT_ITALIC = 1 << 1,
  HEED_TEXT_UNDERLINE = 1 << 2,
} HeedTextStyle;

typedef enum {
  HEED_ALIGN_START,
  HEED_ALIGN_CENTRE,
  HEED_ALIGN_END,
} HeedAlign;

/* Draws a fixed-height block. cr is a cairo_t * when the document is laid out by src/render;
 * the origin is the block's top left corner and the block is width × height points. */
typedef void (*HeedDrawFunc) (gpointer cr,
                              double   width,
                              double   height,
                              gpointer user_data);

/* One block, read-only for the layout. Which fields are used depends on kind. */
typedef struct {
  HeedBlockKind  kind;
  guint          level;          /* HEADING: 1, 2 or 3 */
  char          *markup;         /* HEADING, PARAGRAPH */
  HeedAlign      align;          /* HEADING, PARAGRAPH */
  gboolean       keep_together;  /* PARAGRAPH: never split across pages (an address, say) */
  gboolean       numbered;       /* LIST: 1. 2. 3. rather than bullets */
  GPtrArray     *items;          /* LIST: markup strings */
  GPtrArray     *rows;           /* TABLE: each a GPtrArray of markup strings */
  guint          n_header_rows;  /* TABLE: repeated at the top of each page */
  GArray        *column_widths;  /* TABLE: doubles, relative; empty means equal */
  double         height;         /* DRAWING, SPACE: points (scaled for large print) */
  char          *alt_text;       /* DRAWING: what the drawing shows, for screen readers */
  HeedDrawFunc   draw_func;      /* DRAWING */
  gpointer       draw_data;
  GDestroyNotify draw_data_destroy;
} HeedDocumentBlock;

#define HEED_TYPE_DOCUMENT (heed_document_get_type ())
G_DECLARE_FINAL_TYPE (HeedDocument, heed_document, HEED, DOCUMENT, GObject)

HeedDocument            *heed_document_new                (const char     *title);
const char              *heed_document_get_title          (HeedDocument   *self);
void                     heed_document_set_title          (HeedDocument   *self,
                                                           const char     *title);
guint                    heed_document_get_n_blocks       (HeedDocument   *self);
const HeedDocumentBlock *heed_document_get_block          (HeedDocument   *self,
                                                           guint           index);

void                     heed_document_add_heading        (HeedDocument   *self,
                                                           guint           level,
                                                           const char     *markup);
HeedDocumentBlock       *heed_document_add_paragraph      (HeedDocument   *self,
                                                           const char     *markup);
void                     heed_document_add_text           (HeedDocument   *self,
                                                           const char     *text);
HeedDocumentBlock       *heed_document_add_list           (HeedDocument   *self,
                                                           gboolean        numbered);
void                     heed_document_list_add_item      (HeedDocumentBlock *list,
                                                           const char     *markup);
HeedDocumentBlock       *heed_document_add_table          (HeedDocument   *self,
                                                           guint           n_header_rows);
void                     heed_document_table_set_widths   (HeedDocumentBlock *table,
                                                           const double   *widths,
                                                           guint           n_columns);
GPtrArray               *heed_document_table_add_row      (HeedDocumentBlock *table);
void                     heed_document_table_row_add_cell (GPtrArray      *row,
                                                           const char     *markup);
void                     heed_document_add_drawing        (HeedDocument   *self,
                                                           double          height,
                                                           const char     *alt_text,
                                                           HeedDrawFunc    draw_func,
                                                           gpointer        user_data,
                                                           GDestroyNotify  destroy);
void                     heed_document_add_space          (HeedDocument   *self,
                                                           double          points);
void                     heed_document_add_page_break     (HeedDocument   *self);

char                    *heed_document_to_text            (HeedDocument   *self);

void                     heed_markup_append               (GString        *markup,
                                                           const char     *text,
                                                           HeedTextStyle   style);
char                    *heed_markup_to_text              (const char     *markup);

G_END_DECLS
