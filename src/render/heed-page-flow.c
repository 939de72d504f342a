/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "heed-language.h"
#include "heed-page-flow.h"
#include "heed-safe-output.h"

G_DEFINE_QUARK (heed-render-error-quark, heed_render_error)

/* Spacing, in multiples of the body size, so that large print keeps the same proportions. */
#define PARAGRAPH_GAP    0.75
#define LIST_ITEM_GAP    0.3
#define LIST_INDENT      1.8
#define HEADING_GAP      1.0
#define HEADING_AFTER    0.35
#define CELL_PADDING     0.35
#define MIN_LINES        2   /* no widows, no orphans */

/* One laid-out piece of text, with where each of its lines sits inside it. */
typedef struct {
  PangoLayout *layout;
  guint        n_lines;
  double      *line_top;    /* n_lines + 1 entries: the last is the bottom of the last line */
  double      *baseline;
  double      *line_x;
} TextBox;

typedef struct {
  TextBox  *boxes;        /* one per item or cell */
  guint     n_boxes;
  TextBox  *labels;       /* LIST: the bullets or numbers */
  double   *row_height;   /* TABLE */
  double   *column_x;     /* TABLE: n_columns + 1 edges, from the left margin */
  guint     n_columns;
} BlockLayout;

typedef enum {
  PIECE_TEXT,
  PIECE_LIST_ITEM,
  PIECE_TABLE_ROW,
  PIECE_DRAWING,
} PieceKind;

/* Something placed on a page: lines first_line..end_line of a text box, a table row or a
 * drawing, its top at y. */
typedef struct {
  PieceKind kind;
  guint     page;
  guint     block;
  guint     box;
  guint     first_line;
  guint     end_line;
  double    y;
  double    height;
  gboolean  with_label;
} Piece;

struct _HeedPageFlow
{
  GObject               parent_instance;

  HeedDocument         *document;
  HeedLanguage          language;
  double                page_width;
  double                page_height;
  double                margin_top;
  double                margin_right;
  double                margin_bottom;
  double                margin_left;
  double                first_page_top;
  double                later_pages_top;
  char                 *font_family;
  double                scale;

  HeedPageDecorateFunc  decorate_func;
  gpointer              decorate_data;
  GDestroyNotify        decorate_destroy;

  PangoContext         *context;
  BlockLayout          *layouts;
  guint                 n_layouts;
  GArray               *pieces;
  guint                 n_pages;
  gboolean              laid_out;
};

G_DEFINE_FINAL_TYPE (HeedPageFlow, heed_page_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCALE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
text_box_clear (TextBox *box)
{
  g_clear_object (&box->layout);
  g_clear_pointer (&box->line_top, g_free);
  g_clear_pointer (&box->baseline, g_free);
  g_clear_pointer (&box->line_x, g_free);
  box->n_lines = 0;
}

static void
clear_layouts (HeedPageFlow *self)
{
  for (guint i = 0; i < self->n_layouts; i++)
    {
      BlockLayout *bl = &self->layouts[i];

      for (guint j = 0; j < bl->n_boxes; j++)
        {
          text_box_clear (&bl->boxes[j]);
          if (bl->labels != NULL)
            text_box_clear (&bl->labels[j]);
        }
      g_free (bl->boxes);
      g_free (bl->labels);
      g_free (bl->row_height);
      g_free (bl->column_x);
    }
  g_clear_pointer (&self->layouts, g_free);
  self->n_layouts = 0;
  g_array_set_size (self->pieces, 0);
  self->n_pages = 0;
  self->laid_out = FALSE;
}

static void
heed_page_flow_dispose (GObject *object)
{
  HeedPageFlow *self = HEED_PAGE_FLOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (heed_page_flow_parent_class)->dispose (object);
}

static void
heed_page_flow_finalize (GObject *object)
{
  HeedPageFlow *self = HEED_PAGE_FLOW (object);

  clear_layouts (self);
  g_array_unref (self->pieces);
  if (self->decorate_destroy != NULL)
    self->decorate_destroy (self->decorate_data);
  g_free (self->font_family);

  G_OBJECT_CLASS (heed_page_flow_parent_class)->finalize (object);
}

static void
heed_page_flow_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeedPageFlow *self = HEED_PAGE_FLOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_page_flow_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeedPageFlow *self = HEED_PAGE_FLOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_SCALE:
      heed_page_flow_set_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_page_flow_class_init (HeedPageFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heed_page_flow_dispose;
  object_class->finalize = heed_page_flow_finalize;
  object_class->get_property = heed_page_flow_get_property;
  object_class->set_property = heed_page_flow_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, HEED_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, 0.5, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heed_page_flow_init (HeedPageFlow *self)
{
  cairo_font_options_t *options;

  self->margin_top = self->margin_bottom = 25.0 * 72.0 / 25.4;
  self->margin_left = self->margin_right = 22.0 * 72.0 / 25.4;
  self->font_family = g_strdup ("DejaVu Sans");
  self->scale = 1.0;
  self->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));

  /* Unhinted metrics at 72 dpi: one unit is one point, and the pages break in the same
   * places on screen, on paper and in the PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
}

HeedPageFlow *
heed_page_flow_new (HeedDocument *document,
                    double        page_width,
                    double        page_height)
{
  HeedPageFlow *self;

  g_return_val_if_fail (HEED_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (page_width > 0 && page_height > 0, NULL);

  self = g_object_new (HEED_TYPE_PAGE_FLOW, "document", document, NULL);
  self->page_width = page_width;
  self->page_height = page_height;
  self->language = heed_language_resolve (heed_language_get_document ());
  return self;
}

void
heed_page_flow_set_language (HeedPageFlow *self,
                             HeedLanguage  language)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  self->language = heed_language_resolve (language);
}

HeedDocument *
heed_page_flow_get_document (HeedPageFlow *self)
{
  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), NULL);
  return self->document;
}

void
heed_page_flow_get_page_size (HeedPageFlow *self,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

void
heed_page_flow_set_margins (HeedPageFlow *self,
                            double        top,
                            double        right,
                            double        bottom,
                            double        left)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);
  g_return_if_fail (left + right < self->page_width && top + bottom < self->page_height);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  self->laid_out = FALSE;
}

void
heed_page_flow_get_margins (HeedPageFlow *self,
                            double       *top,
                            double       *right,
                            double       *bottom,
                            double       *left)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  if (top != NULL)
    *top = self->margin_top;
  if (right != NULL)
    *right = self->margin_right;
  if (bottom != NULL)
    *bottom = self->margin_bottom;
  if (left != NULL)
    *left = self->margin_left;
}

void
heed_page_flow_set_content_tops (HeedPageFlow *self,
                                 double        first_page_top,
                                 double        later_pages_top)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  g_return_if_fail (first_page_top >= 0 && first_page_top < self->page_height);
  g_return_if_fail (later_pages_top >= 0 && later_pages_top < self->page_height);

  self->first_page_top = first_page_top;
  self->later_pages_top = later_pages_top;
  self->laid_out = FALSE;
}

void
heed_page_flow_set_font_family (HeedPageFlow *self,
                                const char   *family)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  g_return_if_fail (family != NULL && *family != '\0');

  g_free (self->font_family);
  self->font_family = g_strdup (family);
  self->laid_out = FALSE;
}

const char *
heed_page_flow_get_font_family (HeedPageFlow *self)
{
  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), NULL);
  return self->font_family;
}

void
heed_page_flow_set_scale (HeedPageFlow *self,
                          double        scale)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  g_return_if_fail (scale >= 0.5 && scale <= 4.0);

  if (self->scale == scale)
    return;
  self->scale = scale;
  self->laid_out = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

double
heed_page_flow_get_scale (HeedPageFlow *self)
{
  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), 1.0);
  return self->scale;
}

void
heed_page_flow_set_decorate_func (HeedPageFlow         *self,
                                  HeedPageDecorateFunc  func,
                                  gpointer              user_data,
                                  GDestroyNotify        destroy)
{
  g_return_if_fail (HEED_IS_PAGE_FLOW (self));

  if (self->decorate_destroy != NULL)
    self->decorate_destroy (self->decorate_data);
  self->decorate_func = func;
  self->decorate_data = user_data;
  self->decorate_destroy = destroy;
}

PangoLayout *
heed_page_flow_create_layout (HeedPageFlow *self,
                              const char   *markup,
                              double        size,
                              double        width)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;

  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), NULL);
  g_return_val_if_fail (markup != NULL, NULL);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, (int) (size * self->scale * PANGO_SCALE + 0.5));

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
body_size (HeedPageFlow *self)
{
  return HEED_PAGE_FLOW_BODY_SIZE * self->scale;
}

static double
content_width (HeedPageFlow *self)
{
  return self->page_width - self->margin_left - self->margin_right;
}

static double
page_top (HeedPageFlow *self,
          guint         page)
{
  double top = page == 0 ? self->first_page_top : self->later_pages_top;

  return MAX (top, self->margin_top);
}

static double
page_bottom (HeedPageFlow *self)
{
  return self->page_height - self->margin_bottom;
}

static void
text_box_init (HeedPageFlow *self,
               TextBox      *box,
               const char   *markup,
               double        size,
               double        width,
               gboolean      bold,
               HeedAlign     align)
{
  PangoLayoutIter *iter;
  guint i = 0;

  box->layout = heed_page_flow_create_layout (self, markup, size, width);
  if (bold)
    {
      PangoFontDescription *font = pango_font_description_copy (
        pango_layout_get_font_description (box->layout));

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (box->layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_alignment (box->layout,
                              align == HEED_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                              : align == HEED_ALIGN_END ? PANGO_ALIGN_RIGHT
                              : PANGO_ALIGN_LEFT);

  box->n_lines = pango_layout_get_line_count (box->layout);
  box->line_top = g_new0 (double, box->n_lines + 1);
  box->baseline = g_new0 (double, box->n_lines + 1);
  box->line_x = g_new0 (double, box->n_lines + 1);

  iter = pango_layout_get_iter (box->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box->line_top[i] = (double) logical.y / PANGO_SCALE;
      box->line_top[i + 1] = (double) (logical.y + logical.height) / PANGO_SCALE;
      box->line_x[i] = (double) logical.x / PANGO_SCALE;
      box->baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      i++;
    }
  while (i < box->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
text_box_height (const TextBox *box,
                 guint          first,
                 guint          end)
{
  return box->line_top[end] - box->line_top[first];
}

static double
heading_size (HeedPageFlow *self,
              guint         level)
{
  static const double factors[] = { 1.5, 1.2, 1.05 };

  return HEED_PAGE_FLOW_BODY_SIZE * factors[CLAMP (level, 1, 3) - 1];
}

static void
lay_out_block (HeedPageFlow            *self,
               const HeedDocumentBlock *block,
               BlockLayout             *bl)
{
  double width = content_width (self);
  double indent = LIST_INDENT * body_size (self);

  switch (block->kind)
    {
    case HEED_BLOCK_HEADING:
      bl->n_boxes = 1;
      bl->boxes = g_new0 (TextBox, 1);
      text_box_init (self, &bl->boxes[0], block->markup, heading_size (self, block->level),
                     width, TRUE, block->align);
      break;

    case HEED_BLOCK_PARAGRAPH:
      bl->n_boxes = 1;
      bl->boxes = g_new0 (TextBox, 1);
      text_box_init (self, &bl->boxes[0], block->markup, HEED_PAGE_FLOW_BODY_SIZE, width,
                     FALSE, block->align);
      break;

    case HEED_BLOCK_LIST:
      bl->n_boxes = block->items->len;
      bl->boxes = g_new0 (TextBox, bl->n_boxes);
      bl->labels = g_new0 (TextBox, bl->n_boxes);
      for (guint i = 0; i < bl->n_boxes; i++)
        {
          g_autofree char *label = block->numbered ? g_strdup_printf ("%u.", i + 1)
                                                   : g_strdup ("•");

          text_box_init (self, &bl->boxes[i], g_ptr_array_index (block->items, i),
                         HEED_PAGE_FLOW_BODY_SIZE, width - indent, FALSE, HEED_ALIGN_START);
          text_box_init (self, &bl->labels[i], label, HEED_PAGE_FLOW_BODY_SIZE, indent * 0.8,
                         FALSE, HEED_ALIGN_END);
        }
      break;

    case HEED_BLOCK_TABLE:
      {
        double padding = CELL_PADDING * body_size (self);
        double total = 0;
        guint n_rows = block->rows->len;

        for (guint r = 0; r < n_rows; r++)
          bl->n_columns = MAX (bl->n_columns, ((GPtrArray *) g_ptr_array_index (block->rows,
                                                                                 r))->len);
        if (bl->n_columns == 0)
          break;

        bl->column_x = g_new0 (double, bl->n_columns + 1);
        for (guint c = 0; c < bl->n_columns; c++)
          total += c < block->column_widths->len
                   ? MAX (g_array_index (block->column_widths, double, c), 0.01) : 1.0;
        for (guint c = 0; c < bl->n_columns; c++)
          {
            double share = c < block->column_widths->len
                           ? MAX (g_array_index (block->column_widths, double, c), 0.01) : 1.0;

            bl->column_x[c + 1] = bl->column_x[c] + width * share / total;
          }

        bl->n_boxes = n_rows * bl->n_columns;
        bl->boxes = g_new0 (TextBox, bl->n_boxes);
        bl->row_height = g_new0 (double, n_rows);
        for (guint r = 0; r < n_rows; r++)
          {
            GPtrArray *row = g_ptr_array_index (block->rows, r);

            for (guint c = 0; c < bl->n_columns; c++)
              {
                TextBox *box = &bl->boxes[r * bl->n_columns + c];
                const char *markup = c < row->len ? g_ptr_array_index (row, c) : "";

                text_box_init (self, box, markup, HEED_PAGE_FLOW_BODY_SIZE,
                               bl->column_x[c + 1] - bl->column_x[c] - 2 * padding,
                               r < block->n_header_rows, HEED_ALIGN_START);
                bl->row_height[r] = MAX (bl->row_height[r],
                                         text_box_height (box, 0, box->n_lines) + 2 * padding);
              }
          }
      }
      break;

    case HEED_BLOCK_DRAWING:
    case HEED_BLOCK_SPACE:
    case HEED_BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

/* The placement state while paginating. */
typedef struct {
  HeedPageFlow *flow;
  guint         page;
  double        y;
  gboolean      page_empty;
} Cursor;

static void
cursor_new_page (Cursor *cursor)
{
  cursor->page++;
  cursor->y = page_top (cursor->flow, cursor->page);
  cursor->page_empty = TRUE;
}

static double
cursor_room (Cursor *cursor)
{
  return page_bottom (cursor->flow) - cursor->y;
}

static void
add_piece (Cursor *cursor,
           Piece  *piece)
{
  piece->page = cursor->page;
  piece->y = cursor->y;
  g_array_append_val (cursor->flow->pieces, *piece);
  cursor->y += piece->height;
  cursor->page_empty = FALSE;
}

/* Places a text box, splitting it between pages only where at least MIN_LINES lines stay on
 * each side (or the box could never fit on one page). */
static void
place_text (Cursor   *cursor,
            PieceKind kind,
            guint     block,
            guint     box_index,
            TextBox  *box,
            gboolean  keep_together)
{
  guint start = 0;

  while (start < box->n_lines)
    {
      guint remaining = box->n_lines - start;
      guint fit = 0;
      Piece piece = { kind, 0, block, box_index, start, 0, 0, 0, start == 0 };

      while (fit < remaining
             && text_box_height (box, start, start + fit + 1) <= cursor_room (cursor) + 0.01)
        fit++;

      if (fit == remaining)
        {
          piece.end_line = box->n_lines;
          piece.height = text_box_height (box, start, box->n_lines);
          add_piece (cursor, &piece);
          return;
        }

      if (!cursor->page_empty
          && (keep_together || remaining < 2 * MIN_LINES || fit < MIN_LINES))
        {
          cursor_new_page (cursor);
          continue;
        }
      if (!cursor->page_empty || fit >= 2 * MIN_LINES)
        fit = MIN (fit, remaining - MIN_LINES);
      /* A box taller than a whole page has to break somewhere. */
      fit = MAX (fit, 1);

      piece.end_line = start + fit;
      piece.height = text_box_height (box, start, start + fit);
      add_piece (cursor, &piece);
      cursor_new_page (cursor);
      start += fit;
    }
}

/* How much of a block must share the page with a heading before it. */
static double
lead_height (HeedPageFlow *self,
             guint         index)
{
  const HeedDocumentBlock *block;
  BlockLayout *bl;

  if (index >= self->n_layouts)
    return 0;
  block = heed_document_get_block (self->document, index);
  bl = &self->layouts[index];

  switch (block->kind)
    {
    case HEED_BLOCK_HEADING:
    case HEED_BLOCK_PARAGRAPH:
    case HEED_BLOCK_LIST:
      if (bl->n_boxes == 0)
        return 0;
      {
        TextBox *first = &bl->boxes[0];

        /* What place_text() would not split has to come whole. */
        if (block->kind != HEED_BLOCK_LIST
            && (block->kind == HEED_BLOCK_HEADING || block->keep_together
                || first->n_lines < 2 * MIN_LINES))
          return text_box_height (first, 0, first->n_lines);
        if (first->n_lines < 2 * MIN_LINES)
          return text_box_height (first, 0, first->n_lines);
        return text_box_height (first, 0, MIN_LINES);
      }
    case HEED_BLOCK_TABLE:
      if (bl->row_height == NULL)
        return 0;
      {
        double height = 0;
        guint n_rows = block->rows->len;

        for (guint r = 0; r < MIN (n_rows, block->n_header_rows + 1); r++)
          height += bl->row_height[r];
        return height;
      }
    case HEED_BLOCK_DRAWING:
      return block->height;
    case HEED_BLOCK_SPACE:
    case HEED_BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static gboolean
introduces_next (HeedPageFlow *self,
                 guint         index)
{
  const HeedDocumentBlock *block = heed_document_get_block (self->document, index);
  const HeedDocumentBlock *next;
  g_autofree char *text = NULL;

  if (index + 1 >= self->n_layouts || self->layouts[index].boxes[0].n_lines > 2 * MIN_LINES)
    return FALSE;
  next = heed_document_get_block (self->document, index + 1);
  if (next->kind != HEED_BLOCK_LIST && next->kind != HEED_BLOCK_TABLE)
    return FALSE;
  text = heed_markup_to_text (block->markup);
  g_strchomp (text);
  return g_str_has_suffix (text, ":");
}

static void
place_table (Cursor                  *cursor,
             guint                    index,
             const HeedDocumentBlock *block,
             BlockLayout             *bl)
{
  guint n_rows = block->rows->len;
  double header_height = 0;

  if (bl->row_height == NULL)
    return;
  for (guint r = 0; r < MIN (n_rows, block->n_header_rows); r++)
    header_height += bl->row_height[r];

  for (guint r = 0; r < n_rows; r++)
    {
      Piece piece = { PIECE_TABLE_ROW, 0, index, r, 0, 0, 0, bl->row_height[r], FALSE };
      gboolean is_header = r < block->n_header_rows;
      double need = bl->row_height[r] + (is_header ? lead_height (cursor->flow, index)
                                                     - header_height : 0);

      if (need > cursor_room (cursor) + 0.01 && !cursor->page_empty)
        {
          cursor_new_page (cursor);
          /* Repeat the header rows above the rest of the table. */
          if (!is_header)
            for (guint h = 0; h < MIN (n_rows, block->n_header_rows); h++)
              {
                Piece header = { PIECE_TABLE_ROW, 0, index, h, 0, 0, 0, bl->row_height[h],
                                 FALSE };
                add_piece (cursor, &header);
              }
        }
      add_piece (cursor, &piece);
    }
}

guint
heed_page_flow_layout (HeedPageFlow *self)
{
  Cursor cursor = { self, 0, 0, TRUE };
  /* Where each block started, to go back and move blocks on to the next page together. */
  struct Checkpoint {
    Cursor cursor;
    guint  n_pieces;
  } *before;
  double body;

  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), 0);

  clear_layouts (self);
  body = body_size (self);
  self->n_layouts = heed_document_get_n_blocks (self->document);
  self->layouts = g_new0 (BlockLayout, self->n_layouts);
  for (guint i = 0; i < self->n_layouts; i++)
    lay_out_block (self, heed_document_get_block (self->document, i), &self->layouts[i]);

  cursor.y = page_top (self, 0);
  before = g_new0 (struct Checkpoint, self->n_layouts);
  for (guint i = 0; i < self->n_layouts; i++)
    {
      const HeedDocumentBlock *block = heed_document_get_block (self->document, i);
      BlockLayout *bl = &self->layouts[i];

      before[i].cursor = cursor;
      before[i].n_pieces = self->pieces->len;

      switch (block->kind)
        {
        case HEED_BLOCK_HEADING:
          {
            TextBox *box = &bl->boxes[0];
            double gap = cursor.page_empty ? 0 : HEADING_GAP * body;
            double after = HEADING_AFTER * body;
            double need = gap + text_box_height (box, 0, box->n_lines) + after
                          + lead_height (self, i + 1);

            if (need > cursor_room (&cursor) && !cursor.page_empty)
              {
                cursor_new_page (&cursor);
                gap = 0;
              }
            cursor.y += gap;
            place_text (&cursor, PIECE_TEXT, i, 0, box, TRUE);
            cursor.y += after;
          }
          break;

        case HEED_BLOCK_PARAGRAPH:
          /* A block kept together (a signature, an address) that must go over to the next
           * page takes a short paragraph before it along, rather than start a page alone. */
          if (block->keep_together && i > 0
              && heed_document_get_block (self->document, i - 1)->kind == HEED_BLOCK_PARAGRAPH
              && text_box_height (&bl->boxes[0], 0, bl->boxes[0].n_lines) > cursor_room (&cursor)
              && !cursor.page_empty && !before[i - 1].cursor.page_empty
              && before[i - 1].cursor.page == cursor.page
              && self->layouts[i - 1].boxes[0].n_lines <= 2 * MIN_LINES)
            {
              guint restart = i - 1;

              /* ... and the heading above that paragraph too, if it has one. */
              if (restart > 0
                  && heed_document_get_block (self->document, restart - 1)->kind
                     == HEED_BLOCK_HEADING
                  && before[restart - 1].cursor.page == cursor.page
                  && !before[restart - 1].cursor.page_empty)
                restart--;
              g_array_set_size (self->pieces, before[restart].n_pieces);
              cursor = before[restart].cursor;
              cursor_new_page (&cursor);
              i = restart - 1;
              continue;
            }
          /* "We have agreed the following actions:" belongs with the list or table. */
          if (introduces_next (self, i)
              && text_box_height (&bl->boxes[0], 0, bl->boxes[0].n_lines)
                 + PARAGRAPH_GAP * body + lead_height (self, i + 1) > cursor_room (&cursor)
              && !cursor.page_empty)
            cursor_new_page (&cursor);
          place_text (&cursor, PIECE_TEXT, i, 0, &bl->boxes[0], block->keep_together);
          cursor.y += PARAGRAPH_GAP * body;
          break;

        case HEED_BLOCK_LIST:
          for (guint j = 0; j < bl->n_boxes; j++)
            {
              place_text (&cursor, PIECE_LIST_ITEM, i, j, &bl->boxes[j], FALSE);
              cursor.y += (j + 1 < bl->n_boxes ? LIST_ITEM_GAP : PARAGRAPH_GAP) * body;
            }
          break;

        case HEED_BLOCK_TABLE:
          place_table (&cursor, i, block, bl);
          cursor.y += PARAGRAPH_GAP * body;
          break;

        case HEED_BLOCK_DRAWING:
          {
            Piece piece = { PIECE_DRAWING, 0, i, 0, 0, 0, 0, block->height, FALSE };

            if (block->height > cursor_room (&cursor) && !cursor.page_empty)
              cursor_new_page (&cursor);
            add_piece (&cursor, &piece);
            cursor.y += PARAGRAPH_GAP * body;
          }
          break;

        case HEED_BLOCK_SPACE:
          if (!cursor.page_empty)
            cursor.y += block->height * self->scale;
          break;

        case HEED_BLOCK_PAGE_BREAK:
          cursor_new_page (&cursor);
          break;

        default:
          break;
        }
    }

  g_free (before);
  self->n_pages = cursor.page + 1;
  /* A document that ends with a page break does not get a blank last page. */
  if (cursor.page_empty && cursor.page > 0)
    self->n_pages = cursor.page;
  self->laid_out = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  return self->n_pages;
}

guint
heed_page_flow_get_n_pages (HeedPageFlow *self)
{
  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), 0);

  if (!self->laid_out)
    heed_page_flow_layout (self);
  return self->n_pages;
}

gboolean
heed_page_flow_get_block_pages (HeedPageFlow *self,
                                guint         index,
                                guint        *first_page,
                                guint        *last_page)
{
  gboolean found = FALSE;

  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), FALSE);

  if (!self->laid_out)
    heed_page_flow_layout (self);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->block != index)
        continue;
      if (!found && first_page != NULL)
        *first_page = piece->page;
      if (last_page != NULL)
        *last_page = piece->page;
      found = TRUE;
    }
  return found;
}

guint
heed_page_flow_count_block_lines (HeedPageFlow *self,
                                  guint         index,
                                  guint         page)
{
  guint count = 0;

  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), 0);

  if (!self->laid_out)
    heed_page_flow_layout (self);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);

      if (piece->block != index || piece->page != page)
        continue;
      count += piece->kind == PIECE_TABLE_ROW || piece->kind == PIECE_DRAWING
               ? 1 : piece->end_line - piece->first_line;
    }
  return count;
}

static void
draw_lines (cairo_t       *cr,
            const TextBox *box,
            guint          first,
            guint          end,
            double         x,
            double         y)
{
  PangoLayoutIter *iter = pango_layout_get_iter (box->layout);
  guint i = 0;

  do
    {
      if (i >= first && i < end)
        {
          double top = box->line_top[first];

          cairo_move_to (cr, x + box->line_x[i], y + box->baseline[i] - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static const char *
heading_tag (guint level)
{
  static const char *const tags[] = { "H1", "H2", "H3" };

  return tags[CLAMP (level, 1, 3) - 1];
}

static void
draw_table_row (HeedPageFlow            *self,
                cairo_t                 *cr,
                const HeedDocumentBlock *block,
                BlockLayout             *bl,
                const Piece             *piece)
{
  double padding = CELL_PADDING * body_size (self);
  gboolean is_header = piece->box < block->n_header_rows;
  double left = self->margin_left;
  double width = bl->column_x[bl->n_columns];

  if (is_header)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.92, 0.93, 0.95);
      cairo_rectangle (cr, left, piece->y, width, piece->height);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  cairo_tag_begin (cr, "TR", NULL);
  for (guint c = 0; c < bl->n_columns; c++)
    {
      TextBox *box = &bl->boxes[piece->box * bl->n_columns + c];

      cairo_tag_begin (cr, is_header ? "TH" : "TD", NULL);
      draw_lines (cr, box, 0, box->n_lines, left + bl->column_x[c] + padding,
                  piece->y + padding);
      cairo_tag_end (cr, is_header ? "TH" : "TD");
    }
  cairo_tag_end (cr, "TR");

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.62, 0.66);
  cairo_set_line_width (cr, is_header ? 0.9 : 0.5);
  cairo_move_to (cr, left, piece->y + piece->height);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static const char *
group_tag (const HeedDocumentBlock *block)
{
  if (block->kind == HEED_BLOCK_LIST)
    return "L";
  if (block->kind == HEED_BLOCK_TABLE)
    return "Table";
  return NULL;
}

void
heed_page_flow_draw_page (HeedPageFlow *self,
                          cairo_t      *cr,
                          guint         page)
{
  const HeedDocumentBlock *open_group = NULL;
  double indent;

  g_return_if_fail (HEED_IS_PAGE_FLOW (self));
  g_return_if_fail (cr != NULL);

  if (!self->laid_out)
    heed_page_flow_layout (self);
  g_return_if_fail (page < self->n_pages);

  indent = LIST_INDENT * body_size (self);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);

  if (self->decorate_func != NULL)
    {
      cairo_save (cr);
      self->decorate_func (self, cr, page, self->n_pages, self->decorate_data);
      cairo_restore (cr);
    }

  for (guint i = 0; i < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      const HeedDocumentBlock *block;
      BlockLayout *bl;

      if (piece->page != page)
        continue;
      block = heed_document_get_block (self->document, piece->block);
      bl = &self->layouts[piece->block];

      if (open_group != NULL && open_group != block)
        {
          cairo_tag_end (cr, group_tag (open_group));
          open_group = NULL;
        }
      if (open_group == NULL && group_tag (block) != NULL)
        {
          open_group = block;
          cairo_tag_begin (cr, group_tag (block), NULL);
        }

      switch (piece->kind)
        {
        case PIECE_TEXT:
          {
            const char *tag = block->kind == HEED_BLOCK_HEADING ? heading_tag (block->level)
                                                                : "P";

            cairo_tag_begin (cr, tag, NULL);
            draw_lines (cr, &bl->boxes[0], piece->first_line, piece->end_line,
                        self->margin_left, piece->y);
            cairo_tag_end (cr, tag);
          }
          break;

        case PIECE_LIST_ITEM:
          cairo_tag_begin (cr, "LI", NULL);
          if (piece->with_label)
            {
              cairo_tag_begin (cr, "Lbl", NULL);
              draw_lines (cr, &bl->labels[piece->box], 0, 1, self->margin_left,
                          piece->y + bl->boxes[piece->box].baseline[0]
                          - bl->labels[piece->box].baseline[0]);
              cairo_tag_end (cr, "Lbl");
            }
          cairo_tag_begin (cr, "LBody", NULL);
          draw_lines (cr, &bl->boxes[piece->box], piece->first_line, piece->end_line,
                      self->margin_left + indent, piece->y);
          cairo_tag_end (cr, "LBody");
          cairo_tag_end (cr, "LI");
          break;

        case PIECE_TABLE_ROW:
          draw_table_row (self, cr, block, bl, piece);
          break;

        case PIECE_DRAWING:
          cairo_tag_begin (cr, "Figure", NULL);
          cairo_save (cr);
          cairo_translate (cr, self->margin_left, piece->y);
          cairo_rectangle (cr, 0, 0, content_width (self), block->height);
          cairo_clip (cr);
          block->draw_func (cr, content_width (self), block->height, block->draw_data);
          cairo_restore (cr);
          cairo_tag_end (cr, "Figure");
          break;

        default:
          break;
        }
    }
  if (open_group != NULL)
    cairo_tag_end (cr, group_tag (open_group));

  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo 1.16 writes the structure tree but not the catalogue's /MarkInfo, without which
 * readers (and screen readers) treat the PDF as untagged, nor its language. Both are added as
 * an incremental update: the catalogue written again with them, a one-entry cross-reference
 * table and a trailer pointing back at Cairo's. If the file is not laid out as Cairo 1.16
 * writes it, it is left as it is. */
static gboolean
find_number_after (const char *text,
                   const char *key,
                   guint64    *value)
{
  const char *at = g_strrstr (text, key);
  char *end = NULL;

  if (at == NULL)
    return FALSE;
  *value = g_ascii_strtoull (at + strlen (key), &end, 10);
  return end != at + strlen (key);
}

static void
mark_tagged (GByteArray *pdf,
             const char *language)
{
  g_autofree char *tail = NULL;
  g_autofree char *header = NULL;
  g_autoptr(GString) update = NULL;
  guint64 root, info = 0, size, start_xref;
  gsize tail_at, object_at, dict_end, object_offset, xref_offset;
  const char *data = (const char *) pdf->data;
  const char *found;
  gboolean has_info;

  /* The trailer is in the last kilobyte; the bytes before may be binary. */
  tail_at = pdf->len > 1024 ? pdf->len - 1024 : 0;
  tail = g_strndup (data + tail_at, pdf->len - tail_at);
  if (strlen (tail) != pdf->len - tail_at || g_strrstr (tail, "trailer") == NULL
      || !find_number_after (g_strrstr (tail, "trailer"), "/Root ", &root)
      || !find_number_after (g_strrstr (tail, "trailer"), "/Size ", &size)
      || !find_number_after (tail, "startxref\n", &start_xref)
      || root == 0 || root >= size)
    return;
  has_info = find_number_after (g_strrstr (tail, "trailer"), "/Info ", &info);

  header = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj\n", root);
  found = NULL;
  for (gsize i = 0; i + strlen (header) <= pdf->len; i++)
    if (data[i] == '\n' && memcmp (data + i, header, strlen (header)) == 0)
      found = data + i;
  if (found == NULL)
    return;
  object_at = found - data + strlen (header);
  for (dict_end = object_at; dict_end + 8 < pdf->len; dict_end++)
    if (memcmp (data + dict_end, ">>\nendobj", 9) == 0)
      break;
  if (dict_end + 8 >= pdf->len || data[object_at] != '<'
      || g_strstr_len (data + object_at, dict_end - object_at, "/MarkInfo") != NULL
      || g_strstr_len (data + object_at, dict_end - object_at, "/Type /Catalog") == NULL
      || g_strstr_len (data + object_at, dict_end - object_at, "/StructTreeRoot") == NULL)
    return;

  update = g_string_new (NULL);
  if (pdf->data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  object_offset = pdf->len + update->len;
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, data + object_at, dict_end - object_at);
  g_string_append_printf (update, "   /MarkInfo << /Marked true >>\n   /Lang (%s)\n>>\nendobj\n",
                          language);
  xref_offset = pdf->len + update->len;
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT
                          " 00000 n \ntrailer\n<< /Size %" G_GUINT64_FORMAT
                          "\n   /Root %" G_GUINT64_FORMAT " 0 R\n",
                          root, object_offset, size, root);
  if (has_info)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", start_xref, xref_offset);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
}

GBytes *
heed_page_flow_render_pdf (HeedPageFlow  *self,
                           GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_pages = heed_page_flow_get_n_pages (self);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, self->page_width,
                                                 self->page_height);
  if (heed_document_get_title (self->document) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    heed_document_get_title (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Heed");

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      heed_page_flow_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HEED_RENDER_ERROR, HEED_RENDER_ERROR_FAILED,
                   _("Could not draw the pages: %s"), cairo_status_to_string (status));
      return NULL;
    }
  /* Screen readers pick their voice by the document's language. */
  mark_tagged (bytes, self->language == HEED_LANGUAGE_WELSH ? "cy-GB" : "en-GB");
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
heed_page_flow_write_pdf (HeedPageFlow  *self,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (HEED_IS_PAGE_FLOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = heed_page_flow_render_pdf (self, error);
  if (pdf == NULL)
    return FALSE;

  /* Written beside the target and renamed over it, so an interrupted run leaves no half PDF
   * and a practice file is never written over; letters hold personal health data, so only
   * the user may read the file. */
  data = g_bytes_get_data (pdf, &size);
  if (!heed_safe_output_write_file (path, data, size, &local_error))
    {
      if (g_error_matches (local_error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HEED_RENDER_ERROR, HEED_RENDER_ERROR_IO,
                     _("Could not save the PDF: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
