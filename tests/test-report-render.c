/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "heed-chart.h"
#include "heed-demo.h"
#include "heed-person.h"
#include "heed-staff.h"
#include "heed-render-test-util.h"
#include "heed-report-cqc.h"
#include "heed-report-documents.h"
#include "heed-report-export.h"
#include "heed-report-html.h"
#include "heed-report-pdf.h"
#include "heed-review-pdf.h"
#include "heed-test-report.h"
#include "heed-test-location.h"
#include "heed-validate.h"

/* The report's charts and web page, drawn from the hand-made practice of heed-test-report.h.
 * Set HEED_TEST_OUTPUT_DIR to keep what is drawn there, to look at it. */

typedef struct {
  HeedTestPlace      place;  /* a file, or a server's database */
  char              *dir;    /* the place's folder, for what is drawn */
  HeedStore         *store;
  HeedReportFigures *figures;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate from, to, today;

  if (!heed_test_place_init (&fixture->place, "report.heed"))
    return;
  fixture->dir = fixture->place.dir;
  fixture->store = report_test_practice (fixture->place.where);
  heed_date_from_iso ("2025-04-01", &from);
  heed_date_from_iso ("2026-03-31", &to);
  heed_date_from_iso ("2026-06-01", &today);
  fixture->figures = heed_report_figures_compute (fixture->store, &from, &to, &today, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->figures);
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static char *
output_path (Fixture    *fixture,
             const char *name)
{
  const char *keep = g_getenv ("HEED_TEST_OUTPUT_DIR");

  return g_build_filename (keep != NULL ? keep : fixture->dir, name, NULL);
}

/* Pixels that are not white, and how many distinct shades there are. */
static void
count_ink (cairo_surface_t *surface,
           guint           *ink,
           guint           *shades)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  *ink = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;

        if (pixel != 0xffffff)
          (*ink)++;
        g_hash_table_add (seen, GUINT_TO_POINTER (pixel));
      }
  *shades = g_hash_table_size (seen);
}

static void
test_chart_png (Fixture       *fixture,
                gconstpointer  data)
{
  guint charts = 0;

  heed_report_figures_set_suppress_small (fixture->figures, FALSE);
  for (guint i = 0; i < heed_report_figures_get_n_tables (fixture->figures); i++)
    {
      const HeedReportTable *table = heed_report_figures_get_table (fixture->figures, i);
      g_autofree char *name = g_strdup_printf ("chart-%s.png", table->id);
      g_autofree char *path = output_path (fixture, name);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *png;
      double height;
      guint ink, shades;

      if (table->chart == HEED_REPORT_CHART_NONE)
        continue;
      charts++;
      height = heed_chart_get_height (fixture->figures, table, 400, HEED_CHART_DEFAULT);
      g_assert_cmpfloat (height, >, 80);
      g_assert_cmpfloat (height, <, 900);
      g_assert_true (heed_chart_write_png (fixture->figures, table, 400, 2, HEED_CHART_DEFAULT,
                                         path, &error));
      g_assert_no_error (error);

      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) (height * 2));
      count_ink (png, &ink, &shades);
      /* Text, axes and bars: far from blank, and more than one flat colour. */
      g_assert_cmpuint (ink, >, 800 * height * 2 / 50);
      g_assert_cmpuint (shades, >, 8);
      cairo_surface_destroy (png);
    }
  /* Kind, channel, outcomes, subjects, staff groups, months, experience. */
  g_assert_cmpuint (charts, ==, 7);
}

static void
test_chart_bad_path (Fixture       *fixture,
                     gconstpointer  data)
{
  const HeedReportTable *table = heed_report_figures_find_table (fixture->figures, "monthly");
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (heed_chart_write_png (fixture->figures, table, 400, 1, HEED_CHART_DEFAULT,
                                        path, &error));
  g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE);
}

/* The text of every element called @name, in document order. */
static void
collect (xmlNode    *node,
         const char *name,
         GPtrArray  *found)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        g_ptr_array_add (found, node);
      collect (node->children, name, found);
    }
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return g_strstrip (text);
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *keep = output_path (fixture, "report.html");
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GPtrArray) svgs = g_ptr_array_new ();
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  xmlDoc *doc;
  xmlNode *root;
  xmlChar *lang;
  gsize length = 0;
  int level = 0;
  gboolean found_complaints = FALSE;

  html = heed_report_html_render (fixture->figures, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (html));
  g_assert_true (heed_report_write_file (keep, html, length, &error));

  /* Well formed: it parses as XML, with no recovery. */
  doc = xmlReadMemory (html, (int) length, "report.html", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "html");
  lang = xmlGetProp (root, (const xmlChar *) "lang");
  g_assert_cmpstr ((const char *) lang, ==, "en-GB");
  xmlFree (lang);

  /* Headings go down one level at a time: an h1, then h2s. */
  collect (root, "h1", headings);
  g_assert_cmpuint (headings->len, ==, 1);
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    collect (root, "h1", all);
    collect (root, "h2", all);
    collect (root, "h3", all);
    g_assert_cmpuint (all->len, >, 10);
  }
  {
    /* Walk in document order and check no level is skipped. */
    xmlNode *stack[64];
    int depth = 0;

    stack[depth++] = root;
    while (depth > 0)
      {
        xmlNode *n = stack[--depth];

        if (n->type == XML_ELEMENT_NODE && n->name[0] == 'h' && n->name[1] >= '1'
            && n->name[1] <= '6' && n->name[2] == '\0')
          {
            int this_level = n->name[1] - '0';

            g_assert_cmpint (this_level, <=, level + 1);
            level = this_level;
          }
        /* Push children in reverse so the first is visited first. */
        {
          g_autoptr(GPtrArray) children = g_ptr_array_new ();

          for (xmlNode *c = n->children; c != NULL; c = c->next)
            if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "svg") != 0)
              g_ptr_array_add (children, c);
          for (guint i = children->len; i-- > 0 && depth < (int) G_N_ELEMENTS (stack);)
            stack[depth++] = g_ptr_array_index (children, i);
        }
      }
  }

  /* A chart beside its table, every chart named for screen readers. */
  collect (root, "svg", svgs);
  collect (root, "table", tables);
  g_assert_cmpuint (svgs->len, ==, 7);
  g_assert_cmpuint (tables->len, ==, heed_report_figures_get_n_tables (fixture->figures));
  for (guint i = 0; i < svgs->len; i++)
    {
      xmlChar *label = xmlGetProp (g_ptr_array_index (svgs, i), (const xmlChar *) "aria-label");

      g_assert_nonnull (label);
      xmlFree (label);
    }

  /* The same figures as the CSV: four complaints hidden as "fewer than 5", six compliments. */
  collect (root, "tr", cells);
  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *row = node_text (g_ptr_array_index (cells, i));

      if (g_str_has_prefix (row, "Complaint") && strstr (row, "fewer than 5") != NULL)
        found_complaints = TRUE;
    }
  g_assert_true (found_complaints);
  g_assert_nonnull (strstr (html, "<td>6</td>"));
  g_assert_nonnull (strstr (html, "We added a call-back option to the phone system"));

  /* Nothing from outside, nothing to run. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "url(http"));
  g_assert_null (strstr (html, "href=\"http"));

  for (guint i = 0; report_test_personal[i] != NULL; i++)
    g_assert_null (strstr (html, report_test_personal[i]));
  xmlFreeDoc (doc);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = output_path (fixture, "report.pdf");
  g_autofree char *info = NULL, *all = NULL, *flat = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  guint n_pages;

  pdf = heed_report_pdf_render (fixture->figures, &error);
  g_assert_no_error (error);
  g_assert_true (heed_report_write_file (path, g_bytes_get_data (pdf, NULL),
                                         g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);

  info = heed_test_pdf_info (path);
  g_assert_nonnull (strstr (info, "Title:           Quayside Test Surgery — Complaints and "
                                  "feedback: annual report"));
  flow = heed_report_pdf_new_flow (fixture->figures);
  n_pages = heed_page_flow_get_n_pages (flow);
  g_assert_cmpuint (n_pages, >=, 4);

  /* Whose report and for when, on every page: a loose page still says. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = heed_test_pdf_text (path, page);
      g_autofree char *flat_page = heed_test_flatten (text);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (flat_page, "Quayside Test Surgery"));
      g_assert_nonnull (strstr (flat_page, "1 April 2025 to 31 March 2026"));
      g_assert_nonnull (strstr (flat_page, footer));
    }

  /* The headline figures, the same as the CSV's and the web page's. */
  all = heed_test_pdf_text (path, 0);
  flat = heed_test_flatten (all);
  g_assert_nonnull (strstr (flat, "Complaints received: fewer than 5 (previous period: fewer "
                                  "than 5)."));
  g_assert_nonnull (strstr (flat, "Compliments: 6."));
  g_assert_nonnull (strstr (flat, "Acknowledged within the deadline: 75%."));
  g_assert_nonnull (strstr (flat, "Responded within the timescale agreed: 67%."));
  g_assert_nonnull (strstr (flat, "We added a call-back option to the phone system"));
  g_assert_nonnull (strstr (flat, "How we will know it worked: Fewer calls abandoned in the "
                                  "morning queue"));
  for (guint i = 0; report_test_personal[i] != NULL; i++)
    g_assert_null (strstr (flat, report_test_personal[i]));
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  struct {
    const char *id;
    const char *starts;
  } formats[] = {
    { "pdf", "%PDF-" },
    { "html", "<!DOCTYPE html>" },
    { "csv", "section,row,column,value,label\r\n" },
  };
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "r.pdf", NULL);
  g_autoptr(GError) error = NULL;
  HeedReportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("saved.", formats[i].id, NULL);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (heed_report_format_from_id (formats[i].id, &format));
      g_assert_true (heed_report_save (fixture->figures, format, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, formats[i].starts));
    }
  g_assert_false (heed_report_format_from_id ("docx", NULL));
  g_assert_false (heed_report_format_from_id (NULL, NULL));

  g_assert_false (heed_report_save (fixture->figures, HEED_REPORT_FORMAT_PDF, missing, &error));
  g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Writes a laid-out document as PDF and checks what every page must say: whose it is, for
 * when, what it is, and "Page N of M". Returns the whole text, flattened. */
static char *
check_pages (HeedPageFlow *flow,
             const char   *path,
             const char   *period,
             const char   *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL, *all = NULL, *metadata_title = NULL;
  guint n_pages = heed_page_flow_get_n_pages (flow);

  g_assert_true (heed_page_flow_write_pdf (flow, path, &error));
  g_assert_no_error (error);
  info = heed_test_pdf_info (path);
  metadata_title = g_strdup_printf ("Title:           Quayside Test Surgery — %s", title);
  g_assert_nonnull (strstr (info, metadata_title));
  g_assert_true (heed_test_pdf_info_is_tagged (info));
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = heed_test_pdf_text (path, page);
      g_autofree char *flat_page = heed_test_flatten (text);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (flat_page, "Quayside Test Surgery"));
      g_assert_nonnull (strstr (flat_page, period));
      g_assert_nonnull (strstr (flat_page, title));
      g_assert_nonnull (strstr (flat_page, footer));
    }
  all = heed_test_pdf_text (path, 0);
  return heed_test_flatten (all);
}

static void
test_cqc (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = output_path (fixture, "cqc.pdf");
  g_autofree char *exact_path = output_path (fixture, "cqc-exact.pdf");
  g_autofree char *flat = NULL, *exact = NULL;
  g_autoptr(HeedPageFlow) flow = heed_report_cqc_new_flow (fixture->figures);
  g_autoptr(HeedPageFlow) exact_flow = NULL;

  /* A summary, not the annual report: one to three pages. */
  g_assert_cmpuint (heed_page_flow_get_n_pages (flow), >=, 1);
  g_assert_cmpuint (heed_page_flow_get_n_pages (flow), <=, 3);
  flat = check_pages (flow, path, "1 April 2025 to 31 March 2026",
                      "Summary of complaints and actions taken");

  g_assert_nonnull (strstr (flat, "regulation 16"));
  /* It goes to the regulator, not the public: exact numbers even when the practice's other
   * reports say "fewer than 5". */
  g_assert_true (heed_report_figures_get_suppress_small (fixture->figures));
  g_assert_null (strstr (flat, "fewer than 5"));
  g_assert_nonnull (strstr (flat, "Complaints received: 4 (previous period: 3)."));
  g_assert_nonnull (strstr (flat, "Compliments: 6."));
  g_assert_nonnull (strstr (flat, "Acknowledged within the deadline: 75%."));
  g_assert_nonnull (strstr (flat, "Responded within the timescale agreed: 67%."));
  /* The anonymised log: a line for each of C1, C2, C3 and C5. */
  g_assert_nonnull (strstr (flat, "Each complaint"));
  g_assert_nonnull (strstr (flat, "7 April 2025"));
  g_assert_nonnull (strstr (flat, "14 April 2025"));
  g_assert_nonnull (strstr (flat, "6 May 2025"));
  g_assert_nonnull (strstr (flat, "20 March 2026"));
  g_assert_nonnull (strstr (flat, "Not yet approved to share"));
  g_assert_null (strstr (flat, "C-2025-"));
  /* The approved learning and the actions: once under "What we learned", and once more on
   * its complaint's line of the log. */
  g_assert_nonnull (strstr (flat, "Reception needed a way to call patients back"));
  g_assert_nonnull (strstr (strstr (flat, "Reception needed a way") + 1,
                            "Reception needed a way"));
  g_assert_null (strstr (strstr (strstr (flat, "Reception needed a way") + 1,
                                 "Reception needed a way") + 1,
                         "Reception needed a way"));
  g_assert_nonnull (strstr (flat, "Add a call-back option to the phone system"));
  g_assert_nonnull (strstr (flat, "owner: Practice manager"));
  for (guint i = 0; report_test_personal[i] != NULL; i++)
    g_assert_null (strstr (flat, report_test_personal[i]));

  /* The same when the practice shows small counts elsewhere: C1, C2, C3 and C5 against C9,
   * C10 and C11; C1 and C3 upheld or partly, C2 and C9 not. */
  heed_report_figures_set_suppress_small (fixture->figures, FALSE);
  exact_flow = heed_report_cqc_new_flow (fixture->figures);
  exact = check_pages (exact_flow, exact_path, "1 April 2025 to 31 March 2026",
                       "Summary of complaints and actions taken");
  g_assert_nonnull (strstr (exact, "Complaints received: 4 (previous period: 3)."));
  g_assert_nonnull (strstr (exact, "Complaints resolved: 1 upheld, 1 partly upheld, 2 not "
                                   "upheld."));
  g_assert_nonnull (strstr (exact, "Referred to the Ombudsman: 1."));
  for (guint i = 0; report_test_personal[i] != NULL; i++)
    g_assert_null (strstr (exact, report_test_personal[i]));
}

/* A demo practice's CQC summary and its log carry none of the names, references or NHS
 * numbers the practice file holds. */
static void
test_cqc_no_identifier (void)
{
  HeedTestPlace *place = heed_test_place_for_test ("demo.heed");
  g_autofree char *pdf = g_build_filename (place->dir, "cqc-demo.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = heed_store_create (place->where, "Demo", HEED_NATION_ENGLAND,
                                                  &error);
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  HeedDemoOptions options;
  GDate from, to;
  guint checked = 0;

  g_assert_no_error (error);
  heed_demo_options_init (&options);
  g_date_clear (&options.today, 1);
  g_date_set_dmy (&options.today, 30, G_DATE_JUNE, 2026);
  options.n_cases = 250;
  options.seed = 11;
  g_assert_true (heed_demo_fill (store, &options, &error));
  g_assert_no_error (error);
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JULY, 2025);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 30, G_DATE_JUNE, 2026);
  figures = heed_report_figures_compute (store, &from, &to, &options.today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heed_report_figures_get_log (figures)->len, >, 10);
  flow = heed_report_cqc_new_flow (figures);
  g_assert_true (heed_page_flow_write_pdf (flow, pdf, &error));
  g_assert_no_error (error);
  heed_test_keep_output (pdf, "cqc-demo.pdf");
  raw = heed_test_pdf_text (pdf, 0);
  text = heed_test_flatten (raw);
  g_assert_nonnull (strstr (text, "Each complaint"));

  people = heed_store_list (store, HEED_TYPE_PERSON, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      HeedRecord *person = g_ptr_array_index (people, i);
      const char *last = heed_record_get_text (person, HEED_PERSON_LAST_NAME);
      const char *nhs = heed_record_get_text (person, HEED_PERSON_NHS_NUMBER);
      g_autofree char *full = g_strdup_printf ("%s %s",
                                               heed_record_get_text (person,
                                                                     HEED_PERSON_FIRST_NAME),
                                               last != NULL ? last : "");

      if (last != NULL && strlen (last) > 3 && strstr (text, full) != NULL)
        g_error ("“%s” is in the CQC summary", full);
      if (nhs != NULL)
        {
          g_assert_null (strstr (text, nhs));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
  staff = heed_store_list (store, HEED_TYPE_STAFF, 0, &error);
  for (guint i = 0; i < staff->len; i++)
    {
      const char *name = heed_record_get_text (g_ptr_array_index (staff, i), HEED_STAFF_NAME);

      if (name != NULL && strstr (text, name) != NULL)
        g_error ("“%s” is in the CQC summary", name);
    }
  ids = heed_store_query_case_ids (store, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len && i < 400; i++)
    {
      g_autoptr(HeedRecord) kase = heed_store_load (store, HEED_TYPE_CASE,
                                                    g_array_index (ids, gint64, i), NULL);

      if (kase != NULL && heed_record_get_text (kase, HEED_CASE_REFERENCE) != NULL)
        g_assert_null (strstr (text, heed_record_get_text (kase, HEED_CASE_REFERENCE)));
    }
}

/* The annual report prints the matters of general importance as the practice wrote them, and
 * its remedies and private care apart. */
static void
test_general_importance_written (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *pdf = output_path (fixture, "annual-importance.pdf");
  g_autofree char *html = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to, today;

  heed_date_from_iso ("2025-04-01", &from);
  heed_date_from_iso ("2026-03-31", &to);
  heed_date_from_iso ("2026-06-01", &today);
  g_assert_true (heed_store_set_report_summary (fixture->store, &from, &to,
                                                "Phone access was the theme that mattered "
                                                "most.\n\nCall-backs now reach everyone.",
                                                &error));
  g_assert_no_error (error);
  figures = heed_report_figures_compute (fixture->store, &from, &to, &today, &error);
  g_assert_no_error (error);
  flow = heed_report_pdf_new_flow (figures);
  g_assert_true (heed_page_flow_write_pdf (flow, pdf, &error));
  g_assert_no_error (error);
  raw = heed_test_pdf_text (pdf, 0);
  text = heed_test_flatten (raw);
  g_assert_nonnull (strstr (text, "Phone access was the theme that mattered most."));
  g_assert_nonnull (strstr (text, "Call-backs now reach everyone."));
  g_assert_null (strstr (text, "Their wording has not been approved"));
  g_assert_nonnull (strstr (text, "Remedies given"));
  g_assert_nonnull (strstr (text, "Financial redress paid"));
  g_assert_nonnull (strstr (text, "Complaints about NHS and private care"));
  html = heed_report_html_render (figures, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (html, "<p>Call-backs now reach everyone.</p>"));
}

static void
test_review_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Names the review may print: staff, and the action's own wording (C2's action names the
   * patient because the test plants it there; a practice words its actions itself). */
  const char *const allowed[] = { "Dr Hortensia Vole", "PRIVATE ACTION", "Ottoline", NULL };
  g_autofree char *path = output_path (fixture, "review.pdf");
  g_autofree char *flat = NULL;
  g_autoptr(HeedReviewFigures) review = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  ReviewTestCases cases = { { NULL } };
  GDate from, to, today;

  review_test_add_cases (fixture->store, &cases);
  heed_review_parse_quarter ("2025-Q1", &from, &to);
  heed_date_from_iso ("2025-09-01", &today);
  review = heed_review_figures_compute (fixture->store, &from, &to, &today, &error);
  g_assert_no_error (error);
  flow = heed_review_new_flow (review);
  g_assert_cmpuint (heed_page_flow_get_n_pages (flow), >=, 2);
  g_assert_cmpuint (heed_page_flow_get_n_pages (flow), <=, 4);
  flat = check_pages (flow, path, "1 April 2025 to 30 June 2025", "Quarterly complaints review");

  g_assert_nonnull (strstr (flat, "compared with 1 January 2025 to 31 March 2025"));
  g_assert_nonnull (strstr (flat, "as they stood on 1 September 2025"));
  g_assert_nonnull (strstr (flat, "Complaints received: 3 (previous quarter: 5)."));
  g_assert_nonnull (strstr (flat, "2 actions past their due date."));
  g_assert_nonnull (strstr (flat, "2 complaints or concerns open more than six months."));
  g_assert_nonnull (strstr (flat, "Review the call-back list every Friday"));
  g_assert_nonnull (strstr (flat, "31 days"));
  g_assert_nonnull (strstr (flat, "17 days"));
  g_assert_nonnull (strstr (flat, cases.long_open[0]));
  g_assert_nonnull (strstr (flat, cases.long_open[1]));
  g_assert_null (strstr (flat, cases.recent));
  g_assert_null (strstr (flat, cases.answered));
  g_assert_nonnull (strstr (flat, "Dr Ambrose Lark"));
  g_assert_nonnull (strstr (flat, "7 months"));
  g_assert_nonnull (strstr (flat, "not for publication"));
  for (guint i = 0; report_test_personal[i] != NULL; i++)
    if (!g_strv_contains (allowed, report_test_personal[i]))
      g_assert_null (strstr (flat, report_test_personal[i]));
  review_test_cases_clear (&cases);
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  struct {
    const char *id;
    const char *from;
    const char *to;
    const char *title;
  } expected[] = {
    [HEED_REPORT_DOCUMENT_ANNUAL] = { "annual", "2025-04-01", "2026-03-31",
                                      "Complaints and feedback: annual report" },
    [HEED_REPORT_DOCUMENT_CQC] = { "cqc", "2025-06-02", "2026-06-01",
                                   "Summary of complaints and actions taken" },
    [HEED_REPORT_DOCUMENT_QUARTERLY] = { "quarterly", "2026-01-01", "2026-03-31",
                                         "Quarterly complaints review" },
  };
  g_autoptr(GError) error = NULL;
  HeedReportDocument document;
  GDate today, from, to;

  heed_date_from_iso ("2026-06-01", &today);
  for (guint i = 0; i < HEED_REPORT_N_DOCUMENTS; i++)
    {
      g_autoptr(HeedPageFlow) flow = NULL;
      g_autofree char *from_iso = NULL, *to_iso = NULL, *title = NULL;

      g_assert_true (heed_report_document_from_id (expected[i].id, &document));
      g_assert_cmpint (document, ==, i);
      g_assert_cmpstr (heed_report_document_get_id (document), ==, expected[i].id);
      g_assert_cmpuint (strlen (heed_report_document_get_label (document)), >, 0);

      heed_report_document_get_default_period (document, &today, &from, &to);
      from_iso = heed_format_date_iso (&from);
      to_iso = heed_format_date_iso (&to);
      g_assert_cmpstr (from_iso, ==, expected[i].from);
      g_assert_cmpstr (to_iso, ==, expected[i].to);

      flow = heed_report_document_new_flow (document, fixture->store, &from, &to, &today,
                                            &error);
      g_assert_no_error (error);
      g_assert_cmpuint (heed_page_flow_get_n_pages (flow), >, 0);
      title = g_strdup_printf ("Quayside Test Surgery — %s", expected[i].title);
      g_assert_cmpstr (heed_document_get_title (heed_page_flow_get_document (flow)), ==, title);

      /* A period that ends before it starts is refused, with nothing laid out. */
      g_assert_null (heed_report_document_new_flow (document, fixture->store, &to, &from, &today,
                                                    &error));
      g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (heed_report_document_from_id ("weekly", NULL));
  g_assert_false (heed_report_document_from_id (NULL, NULL));

  /* The 12 months the CQC asks about, ending on any day. */
  {
    const char *const ends[][2] = {
      { "2026-03-31", "2025-04-01" },
      { "2024-02-29", "2023-03-01" },
      { "2026-01-01", "2025-01-02" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      {
        g_autofree char *from_iso = NULL;

        heed_date_from_iso (ends[i][0], &to);
        heed_report_twelve_months_to (&to, &from);
        from_iso = heed_format_date_iso (&from);
        g_assert_cmpstr (from_iso, ==, ends[i][1]);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/render/report/on-a-server"))
    return g_test_run ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render/chart/png", test_chart_png);
  ADD ("/render/chart/bad-path", test_chart_bad_path);
  ADD ("/render/report/html", test_html);
  ADD ("/render/report/pdf", test_pdf);
  ADD ("/render/report/save", test_save);
  ADD ("/render/report/cqc", test_cqc);
  g_test_add_func ("/render/report/cqc-no-identifier", test_cqc_no_identifier);
  ADD ("/render/report/general-importance-written", test_general_importance_written);
  ADD ("/render/report/review", test_review_pdf);
  ADD ("/render/report/documents", test_documents);
#undef ADD

  return g_test_run ();
}
