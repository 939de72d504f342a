/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include "heed-page-flow.h"
#include "heed-page-size.h"
#include "heed-render-test-util.h"
#include "heed-test-util.h"

static const char *const sentence =
  "We looked at the appointment records, spoke to the reception team and the doctor, and "
  "listened to the recording of your call on the morning you rang. ";

static char *
long_paragraph (guint n_sentences,
                guint number)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "Paragraph %u. ", number);
  for (guint i = 0; i < n_sentences; i++)
    g_string_append (text, sentence);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
draw_box (gpointer data,
          double   width,
          double   height,
          gpointer user_data)
{
  cairo_t *cr = data;
  guint *calls = user_data;

  cairo_rectangle (cr, 0, 0, width * 0.5, height);
  cairo_fill (cr);
  (*calls)++;
}

static HeedPageFlow *
a4_flow (HeedDocument *document)
{
  double width, height;

  heed_paper_get_size (HEED_PAPER_A4, &width, &height);
  return heed_page_flow_new (document, width, height);
}

static void
test_short_document_is_one_page (void)
{
  g_autoptr(HeedDocument) document = heed_document_new ("One page");
  g_autoptr(HeedPageFlow) flow = NULL;

  heed_document_add_heading (document, 1, "Your complaint");
  heed_document_add_text (document, "Thank you for writing to us.");
  flow = a4_flow (document);
  g_assert_cmpuint (heed_page_flow_layout (flow), ==, 1);
}

/* Every page break leaves at least two lines of a paragraph on each side of it, and a heading
 * never ends a page. */
static void
test_no_widows_orphans_or_stranded_headings (void)
{
  for (guint extra = 0; extra < 24; extra++)
    {
      g_autoptr(HeedDocument) document = heed_document_new ("Flow");
      g_autoptr(HeedPageFlow) flow = NULL;
      guint n_blocks;

      /* Shift where the breaks fall by a line or so each round (space at the top of a page
       * is dropped, so it follows a first line). */
      heed_document_add_text (document, "Dear Mrs Okafor,");
      heed_document_add_space (document, extra * 5.0);
      for (guint i = 0; i < 14; i++)
        {
          g_autofree char *text = long_paragraph (1 + (i * 7 + extra) % 6, i);

          if (i % 4 == 3)
            heed_document_add_heading (document, 2, "What we found");
          heed_document_add_text (document, text);
        }
      flow = a4_flow (document);
      g_assert_cmpuint (heed_page_flow_layout (flow), >=, 2);

      n_blocks = heed_document_get_n_blocks (document);
      for (guint i = 0; i < n_blocks; i++)
        {
          const HeedDocumentBlock *block = heed_document_get_block (document, i);
          guint first, last;

          if (!heed_page_flow_get_block_pages (flow, i, &first, &last))
            continue;
          if (block->kind == HEED_BLOCK_HEADING)
            {
              guint next_first;

              g_assert_true (heed_page_flow_get_block_pages (flow, i + 1, &next_first, NULL));
              g_assert_cmpuint (next_first, ==, first);
            }
          if (first != last)
            {
              g_assert_cmpuint (heed_page_flow_count_block_lines (flow, i, first), >=, 2);
              g_assert_cmpuint (heed_page_flow_count_block_lines (flow, i, last), >=, 2);
            }
        }
    }
}

/* A signature block kept together never starts a page alone: the short paragraph before it,
 * and that paragraph's heading, go over with it; and a paragraph ending in a colon stays with
 * the list it introduces. */
static void
test_signature_and_introductions (void)
{
  for (guint extra = 0; extra < 120; extra++)
    {
      g_autoptr(HeedDocument) document = heed_document_new ("Sign-off");
      g_autoptr(HeedPageFlow) flow = NULL;
      HeedDocumentBlock *signature, *list;
      guint heading, question, sign, intro, items;
      guint first, last, page;

      heed_document_add_text (document, "Dear Mrs Okafor,");
      heed_document_add_space (document, 380 + extra * 3.0);
      intro = heed_document_get_n_blocks (document);
      heed_document_add_text (document, "We have agreed these actions:");
      items = heed_document_get_n_blocks (document);
      list = heed_document_add_list (document, FALSE);
      heed_document_list_add_item (list, "Train the team");
      heed_document_list_add_item (list, "Check the rota");
      heed_document_add_space (document, 40);
      heading = heed_document_get_n_blocks (document);
      heed_document_add_heading (document, 2, "Questions");
      question = heed_document_get_n_blocks (document);
      heed_document_add_text (document, "Please call us if you have any questions at all.");
      sign = heed_document_get_n_blocks (document);
      signature = heed_document_add_paragraph (document,
                                               "Yours sincerely,\n\n\nPriya Shah\nPractice "
                                               "Manager\nRiverside Medical Centre");
      signature->keep_together = TRUE;

      flow = a4_flow (document);
      heed_page_flow_layout (flow);
      g_assert_true (heed_page_flow_get_block_pages (flow, sign, &first, &last));
      g_assert_cmpuint (first, ==, last);
      page = first;
      g_assert_true (heed_page_flow_get_block_pages (flow, question, &first, &last));
      g_assert_cmpuint (last, ==, page);
      g_assert_true (heed_page_flow_get_block_pages (flow, heading, &first, NULL));
      g_assert_cmpuint (first, ==, page);

      g_assert_true (heed_page_flow_get_block_pages (flow, intro, NULL, &last));
      g_assert_true (heed_page_flow_get_block_pages (flow, items, &first, NULL));
      g_assert_cmpuint (first, ==, last);
    }
}

static void
test_page_break_and_large_print (void)
{
  g_autoptr(HeedDocument) document = heed_document_new ("Breaks");
  g_autoptr(HeedPageFlow) flow = NULL;
  guint normal;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *text = long_paragraph (3, i);

      heed_document_add_text (document, text);
    }
  flow = a4_flow (document);
  normal = heed_page_flow_layout (flow);
  g_assert_cmpuint (normal, ==, 1);

  heed_page_flow_set_scale (flow, HEED_PAGE_FLOW_LARGE_PRINT_SCALE);
  g_assert_cmpuint (heed_page_flow_layout (flow), >, normal);

  heed_page_flow_set_scale (flow, 1.0);
  heed_document_add_page_break (document);
  heed_document_add_text (document, "After the break.");
  g_assert_cmpuint (heed_page_flow_layout (flow), ==, 2);
  /* A break at the very end adds no empty page. */
  heed_document_add_page_break (document);
  g_assert_cmpuint (heed_page_flow_layout (flow), ==, 2);
}

static void
decorate (HeedPageFlow *flow,
          cairo_t      *cr,
          guint         page,
          guint         n_pages,
          gpointer      user_data)
{
  g_autofree char *text = g_strdup_printf ("Page %u of %u", page + 1, n_pages);
  g_autoptr(PangoLayout) layout = heed_page_flow_create_layout (flow, text, 9, 0);

  cairo_move_to (cr, 60, 800);
  pango_cairo_show_layout (cr, layout);
}

/* A document of every kind of block comes out as a PDF with its title, every piece of text
 * once, the table's header repeated after a page break, and the drawing drawn. */
static void
test_pdf_of_every_block (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "flow.pdf", NULL);
  g_autoptr(HeedDocument) document = heed_document_new ("Every block – a test");
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *info = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *pdf = NULL;
  gsize pdf_length = 0;
  HeedDocumentBlock *list, *table;
  guint draw_calls = 0;
  guint n_pages;

  heed_document_add_heading (document, 1, "Heading one");
  heed_markup_append (markup, "Bold words", HEED_TEXT_BOLD);
  heed_markup_append (markup, " and ", HEED_TEXT_PLAIN);
  heed_markup_append (markup, "italic <words> & more", HEED_TEXT_ITALIC);
  heed_document_add_paragraph (document, markup->str);
  list = heed_document_add_list (document, TRUE);
  heed_document_list_add_item (list, "First numbered item");
  heed_document_list_add_item (list, "Second numbered item");
  list = heed_document_add_list (document, FALSE);
  heed_document_list_add_item (list, "A bulleted item");
  heed_document_add_drawing (document, 120, "A chart", draw_box, &draw_calls, NULL);
  table = heed_document_add_table (document, 1);
  heed_document_table_set_widths (table, (double[]) { 1, 3 }, 2);
  heed_document_table_row_add_cell (heed_document_table_add_row (table), "Column A");
  heed_document_table_row_add_cell (g_ptr_array_index (table->rows, 0), "Column B");
  for (guint r = 0; r < 60; r++)
    {
      GPtrArray *row = heed_document_table_add_row (table);
      g_autofree char *a = g_strdup_printf ("row%u", r);

      heed_document_table_row_add_cell (row, a);
      heed_document_table_row_add_cell (row, "a cell");
    }
  heed_document_add_heading (document, 2, "Heading two");
  heed_document_add_text (document, "The end.");

  flow = a4_flow (document);
  heed_page_flow_set_decorate_func (flow, decorate, NULL, NULL);
  n_pages = heed_page_flow_layout (flow);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_true (heed_page_flow_write_pdf (flow, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (draw_calls, ==, 1);
  heed_test_keep_output (path, "page-flow.pdf");

  text = heed_test_pdf_text (path, 0);
  flat = heed_test_flatten (text);
  g_assert_nonnull (strstr (flat, "Heading one"));
  g_assert_nonnull (strstr (flat, "Bold words and italic <words> & more"));
  g_assert_nonnull (strstr (flat, "1. First numbered item"));
  g_assert_nonnull (strstr (flat, "2. Second numbered item"));
  g_assert_nonnull (strstr (flat, "• A bulleted item"));
  g_assert_nonnull (strstr (flat, "row59"));
  g_assert_nonnull (strstr (flat, "The end."));
  g_assert_null (strstr (strstr (flat, "row0 ") + 1, "row0 "));

  page2 = heed_test_pdf_text (path, 2);
  g_assert_nonnull (strstr (page2, "Column A"));
  g_assert_nonnull (strstr (page2, "Page 2 of"));

  info = heed_test_pdf_info (path);
  g_assert_nonnull (strstr (info, "Every block – a test"));
  /* Tagged: the structure tree Cairo writes, with headings, paragraphs, list items and table
   * headers, marked as such and in British English. */
  g_assert_true (heed_test_pdf_info_is_tagged (info));
  g_assert_true (g_file_get_contents (path, &pdf, &pdf_length, NULL));
  g_assert_true (heed_test_bytes_contain (pdf, pdf_length, "/Lang (en-GB)"));
  g_assert_true (heed_test_bytes_contain (pdf, pdf_length, "/StructTreeRoot"));
  g_assert_true (heed_test_bytes_contain (pdf, pdf_length, "/S /H1"));
  g_assert_true (heed_test_bytes_contain (pdf, pdf_length, "/S /P"));
  g_assert_true (heed_test_bytes_contain (pdf, pdf_length, "/S /LI"));
  g_assert_true (heed_test_bytes_contain (pdf, pdf_length, "/S /TH"));

  heed_test_remove_dir (dir);
}

static void
test_unwritable_pdf (void)
{
  g_autoptr(HeedDocument) document = heed_document_new ("Nowhere");
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  heed_document_add_text (document, "Text");
  flow = a4_flow (document);
  g_assert_false (heed_page_flow_write_pdf (flow, "/nonexistent-folder/letter.pdf", &error));
  g_assert_error (error, HEED_RENDER_ERROR, HEED_RENDER_ERROR_IO);
}

static void
test_document_text (void)
{
  g_autoptr(HeedDocument) document = heed_document_new ("Text");
  g_autofree char *text = NULL;
  HeedDocumentBlock *list;

  heed_document_add_paragraph (document, "<b>Dear</b> Ms Patel &amp; family,");
  list = heed_document_add_list (document, TRUE);
  heed_document_list_add_item (list, "one");
  text = heed_document_to_text (document);
  g_assert_cmpstr (text, ==, "Dear Ms Patel & family,\n\n1. one\n\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/page-flow/one-page", test_short_document_is_one_page);
  g_test_add_func ("/render/page-flow/widows-orphans-headings",
                   test_no_widows_orphans_or_stranded_headings);
  g_test_add_func ("/render/page-flow/signature-and-introductions",
                   test_signature_and_introductions);
  g_test_add_func ("/render/page-flow/page-break-large-print", test_page_break_and_large_print);
  g_test_add_func ("/render/page-flow/pdf-every-block", test_pdf_of_every_block);
  g_test_add_func ("/render/page-flow/unwritable", test_unwritable_pdf);
  g_test_add_func ("/render/page-flow/document-text", test_document_text);

  return g_test_run ();
}
