/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <string.h>

#include "heed-document.h"

struct _HeedDocument
{
  GObject    parent_instance;

  char      *title;
  GPtrArray *blocks;
};

G_DEFINE_FINAL_TYPE (HeedDocument, heed_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
block_free (gpointer data)
{
  HeedDocumentBlock *block = data;

  g_free (block->markup);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->column_widths, g_array_unref);
  g_free (block->alt_text);
  if (block->draw_data_destroy != NULL)
    block->draw_data_destroy (block->draw_data);
  g_free (block);
}

static void
heed_document_finalize (GObject *object)
{
  HeedDocument *self = HEED_DOCUMENT (object);

  g_free (self->title);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (heed_document_parent_class)->finalize (object);
}

static void
heed_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HeedDocument *self = HEED_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HeedDocument *self = HEED_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      heed_document_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_document_class_init (HeedDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heed_document_finalize;
  object_class->get_property = heed_document_get_property;
  object_class->set_property = heed_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heed_document_init (HeedDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

HeedDocument *
heed_document_new (const char *title)
{
  return g_object_new (HEED_TYPE_DOCUMENT, "title", title, NULL);
}

const char *
heed_document_get_title (HeedDocument *self)
{
  g_return_val_if_fail (HEED_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
heed_document_set_title (HeedDocument *self,
                         const char   *title)
{
  g_return_if_fail (HEED_IS_DOCUMENT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
heed_document_get_n_blocks (HeedDocument *self)
{
  g_return_val_if_fail (HEED_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

const HeedDocumentBlock *
heed_document_get_block (HeedDocument *self,
                         guint         index)
{
  g_return_val_if_fail (HEED_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

static HeedDocumentBlock *
add_block (HeedDocument  *self,
           HeedBlockKind  kind)
{
  HeedDocumentBlock *block = g_new0 (HeedDocumentBlock, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
heed_document_add_heading (HeedDocument *self,
                           guint         level,
                           const char   *markup)
{
  HeedDocumentBlock *block;

  g_return_if_fail (HEED_IS_DOCUMENT (self));
  g_return_if_fail (markup != NULL);

  block = add_block (self, HEED_BLOCK_HEADING);
  block->level = CLAMP (level, 1, 3);
  block->markup = g_strdup (markup);
}

HeedDocumentBlock *
heed_document_add_paragraph (HeedDocument *self,
                             const char   *markup)
{
  HeedDocumentBlock *block;

  g_return_val_if_fail (HEED_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (markup != NULL, NULL);

  block = add_block (self, HEED_BLOCK_PARAGRAPH);
  block->markup = g_strdup (markup);
  return block;
}

void
heed_document_add_text (HeedDocument *self,
                        const char   *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (text != NULL);

  markup = g_markup_escape_text (text, -1);
  heed_document_add_paragraph (self, markup);
}

HeedDocumentBlock *
heed_document_add_list (HeedDocument *self,
                        gboolean      numbered)
{
  HeedDocumentBlock *block;

  g_return_val_if_fail (HEED_IS_DOCUMENT (self), NULL);

  block = add_block (self, HEED_BLOCK_LIST);
  block->numbered = numbered;
  block->items = g_ptr_array_new_with_free_func (g_free);
  return block;
}

void
heed_document_list_add_item (HeedDocumentBlock *list,
                             const char        *markup)
{
  g_return_if_fail (list != NULL && list->kind == HEED_BLOCK_LIST);
  g_return_if_fail (markup != NULL);

  g_ptr_array_add (list->items, g_strdup (markup));
}

HeedDocumentBlock *
heed_document_add_table (HeedDocument *self,
                         guint         n_header_rows)
{
  HeedDocumentBlock *block;

  g_return_val_if_fail (HEED_IS_DOCUMENT (self), NULL);

  block = add_block (self, HEED_BLOCK_TABLE);
  block->n_header_rows = n_header_rows;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  block->column_widths = g_array_new (FALSE, FALSE, sizeof (double));
  return block;
}

void
heed_document_table_set_widths (HeedDocumentBlock *table,
                                const double      *widths,
                                guint              n_columns)
{
  g_return_if_fail (table != NULL && table->kind == HEED_BLOCK_TABLE);

  g_array_set_size (table->column_widths, 0);
  g_array_append_vals (table->column_widths, widths, n_columns);
}

GPtrArray *
heed_document_table_add_row (HeedDocumentBlock *table)
{
  GPtrArray *row;

  g_return_val_if_fail (table != NULL && table->kind == HEED_BLOCK_TABLE, NULL);

  row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (table->rows, row);
  return row;
}

void
heed_document_table_row_add_cell (GPtrArray  *row,
                                  const char *markup)
{
  g_return_if_fail (row != NULL);
  g_ptr_array_add (row, g_strdup (markup != NULL ? markup : ""));
}

void
heed_document_add_drawing (HeedDocument   *self,
                           double          height,
                           const char     *alt_text,
                           HeedDrawFunc    draw_func,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  HeedDocumentBlock *block;

  g_return_if_fail (HEED_IS_DOCUMENT (self));
  g_return_if_fail (height > 0);
  g_return_if_fail (draw_func != NULL);

  block = add_block (self, HEED_BLOCK_DRAWING);
  block->height = height;
  block->alt_text = g_strdup (alt_text);
  block->draw_func = draw_func;
  block->draw_data = user_data;
  block->draw_data_destroy = destroy;
}

void
heed_document_add_space (HeedDocument *self,
                         double        points)
{
  g_return_if_fail (HEED_IS_DOCUMENT (self));
  g_return_if_fail (points >= 0);

  add_block (self, HEED_BLOCK_SPACE)->height = points;
}

void
heed_document_add_page_break (HeedDocument *self)
{
  g_return_if_fail (HEED_IS_DOCUMENT (self));
  add_block (self, HEED_BLOCK_PAGE_BREAK);
}

void
heed_markup_append (GString       *markup,
                    const char    *text,
                    HeedTextStyle  style)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (markup != NULL);
  if (text == NULL || *text == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  if (style & HEED_TEXT_BOLD)
    g_string_append (markup, "<b>");
  if (style & HEED_TEXT_ITALIC)
    g_string_append (markup, "<i>");
  if (style & HEED_TEXT_UNDERLINE)
    g_string_append (markup, "<u>");
  g_string_append (markup, escaped);
  if (style & HEED_TEXT_UNDERLINE)
    g_string_append (markup, "</u>");
  if (style & HEED_TEXT_ITALIC)
    g_string_append (markup, "</i>");
  if (style & HEED_TEXT_BOLD)
    g_string_append (markup, "</b>");
}

static void
collect_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 text_len,
              gpointer              user_data,
              GError              **error)
{
  g_string_append_len (user_data, text, text_len);
}

char *
heed_markup_to_text (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, collect_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (markup != NULL, NULL);

  context = g_markup_parse_context_new (&parser, 0, text, NULL);
  /* Markup is only ever built by heed_markup_append(); if a caller passed something broken,
   * the text read so far is still the best plain version of it. */
  if (!g_markup_parse_context_parse (context, "<m>", -1, NULL)
      || !g_markup_parse_context_parse (context, markup, -1, NULL)
      || !g_markup_parse_context_parse (context, "</m>", -1, NULL))
    return g_strdup (markup);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_markup_line (GString    *text,
                    const char *prefix,
                    const char *markup)
{
  g_autofree char *plain = heed_markup_to_text (markup);

  g_string_append (text, prefix);
  g_string_append (text, plain);
  g_string_append_c (text, '\n');
}

char *
heed_document_to_text (HeedDocument *self)
{
  GString *text;

  g_return_val_if_fail (HEED_IS_DOCUMENT (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const HeedDocumentBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case HEED_BLOCK_HEADING:
        case HEED_BLOCK_PARAGRAPH:
          append_markup_line (text, "", block->markup);
          g_string_append_c (text, '\n');
          break;
        case HEED_BLOCK_LIST:
          for (guint j = 0; j < block->items->len; j++)
            {
              g_autofree char *prefix = block->numbered ? g_strdup_printf ("%u. ", j + 1)
                                                        : g_strdup ("- ");
              append_markup_line (text, prefix, g_ptr_array_index (block->items, j));
            }
          g_string_append_c (text, '\n');
          break;
        case HEED_BLOCK_TABLE:
          for (guint r = 0; r < block->rows->len; r++)
            {
              GPtrArray *row = g_ptr_array_index (block->rows, r);

              for (guint c = 0; c < row->len; c++)
                {
                  g_autofree char *plain = heed_markup_to_text (g_ptr_array_index (row, c));

                  if (c > 0)
                    g_string_append (text, " | ");
                  g_string_append (text, plain);
                }
              g_string_append_c (text, '\n');
            }
          g_string_append_c (text, '\n');
          break;
        case HEED_BLOCK_DRAWING:
          if (block->alt_text != NULL)
            {
              g_string_append_printf (text, "[%s]\n\n", block->alt_text);
            }
          break;
        case HEED_BLOCK_SPACE:
        case HEED_BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  return g_string_free (text, FALSE);
}
