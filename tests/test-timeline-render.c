/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-test-timeline.h"
#include "heed-test-location.h"
#include "heed-timeline-print.h"

/* The timelines drawn from a known practice (heed-test-timeline.h) to PDF and PNG, read back
 * the way a person would check them: pdftotext for the words, pixels for the marks. */

typedef struct {
  HeedTestPlace     place;
  HeedStore        *store;
  GDate             today;
  HeedTimelineData *case_data;
  HeedTimelineData *practice;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedCase) kase = NULL;

  if (!heed_test_place_init (&fixture->place, "timeline.heed"))
    return;
  heed_test_timeline_make_practice (fixture->place.where);
  fixture->store = heed_store_open (fixture->place.where, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  heed_test_timeline_today (&fixture->today);
  kase = heed_store_find_case (fixture->store, "C-2025-001", &error);
  g_assert_no_error (error);
  fixture->case_data = heed_timeline_data_load_case (fixture->store,
                                                     heed_record_get_id (HEED_RECORD (kase)),
                                                     &fixture->today, &error);
  g_assert_no_error (error);
  fixture->practice = heed_timeline_data_load_practice (fixture->store, NULL, NULL, NULL,
                                                        &fixture->today, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->case_data, heed_timeline_data_unref);
  g_clear_pointer (&fixture->practice, heed_timeline_data_unref);
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *one[] = { "pdftotext", "-layout", "-f", first, "-l", first, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) (page > 0 ? one : all), NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *pages;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* The line of pdftotext's output that holds @needle, or NULL. */
static char *
line_with (const char *text,
           const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

/* Pango may break a long summary over two lines: compare with whitespace squeezed. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_case_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->place.dir, "case.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GError) error = NULL;
  const HeedTimelineLane *lane = heed_timeline_data_get_lane (fixture->case_data, 0);

  g_assert_true (heed_timeline_write_pdf (fixture->case_data, NULL, NULL, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  flat = squeeze (text);

  g_assert_nonnull (strstr (flat, "Timeline: Complaint C-2025-001"));
  g_assert_nonnull (strstr (flat, "Timeline Test Surgery"));
  /* Every entry of the case is there, by its words. */
  for (guint i = 0; i < lane->entries->len; i++)
    {
      const HeedTimelineEntry *entry = &g_array_index (lane->entries, HeedTimelineEntry, i);

      g_assert_nonnull (strstr (flat, entry->summary));
    }
  for (guint i = 0; i < G_N_ELEMENTS (heed_test_timeline_events); i++)
    g_assert_nonnull (strstr (flat, heed_test_timeline_events[i][2]));
  g_assert_nonnull (strstr (flat, "Retrain reception on urgent requests"));
  /* The deadlines and their states; the overdue one says so. */
  g_assert_nonnull (strstr (flat, "Deadline: Acknowledge"));
  g_assert_nonnull (strstr (flat, "met on 5 June 2025"));
  g_assert_nonnull (strstr (flat, "Deadline: Respond"));
  g_assert_nonnull (strstr (flat, "Overdue by 7 working days"));
  g_assert_nonnull (strstr (flat, "OVERDUE: a deadline or action has passed"));
  g_assert_nonnull (strstr (flat, "Deadline: Six-month review"));
  g_assert_nonnull (strstr (flat, "Today"));
  g_assert_nonnull (strstr (flat, "page 1 of 1"));

  /* In date order: the call before the meeting before the interview. */
  g_assert_true (strstr (flat, "Spoke to Mrs Patel") < strstr (flat, "Met Mrs Patel"));
  g_assert_true (strstr (flat, "Met Mrs Patel") < strstr (flat, "Interviewed the duty"));
}

static void
test_case_period (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->place.dir, "period.pdf", NULL);
  g_autofree char *flat = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 9, G_DATE_JUNE, 2025);
  g_date_set_dmy (&to, 11, G_DATE_JUNE, 2025);
  g_assert_true (heed_timeline_write_pdf (fixture->case_data, &from, &to, pdf, &error));
  text = pdf_text (pdf, 0);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "Met Mrs Patel"));
  g_assert_null (strstr (flat, "Spoke to Mrs Patel"));
  g_assert_null (strstr (flat, "Interviewed"));
  g_assert_nonnull (strstr (flat, "9 June 2025 to 11 June 2025"));

  /* A period back to front is refused and writes nothing. */
  g_clear_pointer (&pdf, g_free);
  pdf = g_build_filename (fixture->place.dir, "backwards.pdf", NULL);
  g_assert_false (heed_timeline_write_pdf (fixture->case_data, &to, &from, pdf, &error));
  g_assert_error (error, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_PERIOD);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_practice_pdf (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->place.dir, "practice.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *overdue_line = NULL;
  g_autofree char *fine_line = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_timeline_write_pdf (fixture->practice, NULL, NULL, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "Practice timeline: Timeline Test Surgery"));
  g_assert_nonnull (strstr (text, "2 cases"));
  g_assert_nonnull (strstr (text, "1 overdue"));
  /* The overdue case is marked so on its own line, the other is not. */
  overdue_line = line_with (text, "C-2025-001");
  fine_line = line_with (text, "C-2025-002");
  g_assert_nonnull (overdue_line);
  g_assert_nonnull (fine_line);
  g_assert_nonnull (strstr (overdue_line, "Overdue"));
  g_assert_null (strstr (fine_line, "Overdue"));
  g_assert_nonnull (strstr (text, "Extreme risk"));
  g_assert_nonnull (strstr (text, "Low risk"));
  /* The closed compliment is not an open case. */
  g_assert_null (strstr (text, "CP-2025-001"));
}

static void
test_practice_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->place.dir, "many.pdf", NULL);
  g_autoptr(HeedTimelineData) many = NULL;
  g_autoptr(GError) error = NULL;
  int pages;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Waiting room case number %u", i);

      heed_test_timeline_add_case (fixture->store, "complaint", "logged",
                                   "2025-06-24T10:00:00", summary, NULL);
    }
  many = heed_timeline_data_load_practice (fixture->store, NULL, NULL, NULL, &fixture->today,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (many), ==, 42);
  g_assert_true (heed_timeline_write_pdf (many, NULL, NULL, pdf, &error));
  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, >, 1);

  /* Every page repeats the axis and the title; every case is on one page. */
  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_text (pdf, page);
      g_autofree char *footer = g_strdup_printf ("page %d of %d", page, pages);

      g_assert_nonnull (strstr (text, "Practice timeline"));
      g_assert_true (strstr (text, "June 2025") != NULL || strstr (text, "Jun 2025") != NULL);
      g_assert_nonnull (strstr (text, footer));
    }
  {
    g_autofree char *all = pdf_text (pdf, 0);

    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *reference = g_strdup_printf ("C-2025-%03u", i + 3);

        g_assert_nonnull (strstr (all, reference));
      }
  }
}

/* How many pixels of the picture are near @colour. */
static guint
count_colour (cairo_surface_t  *surface,
              const HeedColour *colour)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (ABS (r - colour->red * 255) < 8 && ABS (g - colour->green * 255) < 8
            && ABS (b - colour->blue * 255) < 8)
          n++;
      }
  return n;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *light = g_build_filename (fixture->place.dir, "light.png", NULL);
  g_autofree char *dark = g_build_filename (fixture->place.dir, "dark.png", NULL);
  g_autofree char *bad = g_build_filename (fixture->place.dir, "no-such-folder", "x.png", NULL);
  g_autoptr(GError) error = NULL;
  HeedTimelinePalette palette;
  cairo_surface_t *surface;

  g_assert_true (heed_timeline_write_png (fixture->practice, NULL, NULL, FALSE, light, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (light);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  heed_timeline_palette_init (&palette, FALSE);
  /* The overdue marks (warning sign, hatching) and today's line are drawn. */
  g_assert_cmpuint (count_colour (surface, &palette.overdue), >, 50);
  g_assert_cmpuint (count_colour (surface, &palette.accent), >, 50);
  cairo_surface_destroy (surface);

  g_assert_true (heed_timeline_write_png (fixture->case_data, NULL, NULL, TRUE, dark, &error));
  surface = cairo_image_surface_create_from_png (dark);
  heed_timeline_palette_init (&palette, TRUE);
  g_assert_cmpuint (count_colour (surface, &palette.background), >,
                    (guint) (cairo_image_surface_get_width (surface)
                             * cairo_image_surface_get_height (surface) / 3));
  g_assert_cmpuint (count_colour (surface, &palette.overdue), >, 20);
  cairo_surface_destroy (surface);

  /* A place that cannot be written: a clear error and no file. */
  g_assert_false (heed_timeline_write_png (fixture->practice, NULL, NULL, FALSE, bad, &error));
  g_assert_error (error, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "Could not write"));
}

/* How many pixels show @colour laid over white at its alpha, as a shaded day is. */
static guint
count_blended (cairo_surface_t  *surface,
               const HeedColour *colour)
{
  HeedColour over = { 1 - colour->alpha + colour->red * colour->alpha,
                      1 - colour->alpha + colour->green * colour->alpha,
                      1 - colour->alpha + colour->blue * colour->alpha, 1 };

  return count_colour (surface, &over);
}

static guint
holiday_pixels (HeedNation nation)
{
  HeedTestPlace *place = heed_test_place_for_test ("empty.heed");
  g_autofree char *png = g_build_filename (place->dir, "holidays.png", NULL);
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedTimelineData) data = NULL;
  g_autoptr(GError) error = NULL;
  HeedTimelinePalette palette;
  cairo_surface_t *surface;
  GDate today, from, to;
  guint n;

  store = heed_store_create (place->where, "Empty Surgery", nation, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&today, 20, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&from, 23, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&to, 4, G_DATE_DECEMBER, 2026);
  data = heed_timeline_data_load_practice (store, NULL, NULL, NULL, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (data), ==, 0);
  g_assert_true (heed_timeline_write_png (data, &from, &to, FALSE, png, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  heed_timeline_palette_init (&palette, FALSE);
  n = count_blended (surface, &palette.holiday);
  /* Weekends are shaded whatever the nation. */
  g_assert_cmpuint (count_blended (surface, &palette.weekend), >, 1000);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_nation_holidays (void)
{
  /* St Andrew's Day, Monday 30 November 2026, is a bank holiday in Scotland only. */
  g_assert_cmpuint (holiday_pixels (HEED_NATION_SCOTLAND), >, 1000);
  g_assert_cmpuint (holiday_pixels (HEED_NATION_ENGLAND), ==, 0);
}

static void
test_empty_practice (void)
{
  HeedTestPlace *place = heed_test_place_for_test ("empty.heed");
  g_autofree char *pdf = g_build_filename (place->dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedTimelineData) data = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  store = heed_store_create (place->where, "Empty Surgery", HEED_NATION_WALES, &error);
  g_assert_no_error (error);
  heed_test_timeline_today (&today);
  data = heed_timeline_data_load_practice (store, NULL, NULL, NULL, &today, &error);
  g_assert_true (heed_timeline_write_pdf (data, NULL, NULL, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, 0);
  g_assert_nonnull (strstr (text, "No open cases"));
  g_assert_nonnull (strstr (text, "0 cases"));
  g_assert_cmpint (pdf_pages (pdf), ==, 1);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(HeedTimelineLayout) layout = heed_timeline_layout_new (fixture->practice);
  g_autoptr(HeedTimelineLayout) case_layout = heed_timeline_layout_new (fixture->case_data);
  HeedTimelineViewport viewport = { 0 };
  g_autofree char *row = NULL;
  g_autofree char *item = NULL;
  GDate day;
  guint first, last;
  int hit_row, hit_item;
  double x;

  heed_timeline_layout_set_sizes (layout, 40, 200, 30);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JUNE, 2025);
  viewport.first_day = g_date_get_julian (&day);
  viewport.pixels_per_day = 10;
  viewport.width = 800;
  viewport.height = 100;

  g_assert_cmpuint (heed_timeline_layout_get_n_rows (layout), ==, 2);
  g_assert_true (heed_timeline_layout_visible_rows (layout, &viewport, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 2);
  viewport.scroll_y = 30;
  heed_timeline_layout_visible_rows (layout, &viewport, &first, &last);
  g_assert_cmpuint (first, ==, 1);
  viewport.scroll_y = 0;

  /* 4 June is three days in: x = labels + 3.5 days (the middle of the day). */
  g_date_set_dmy (&day, 4, G_DATE_JUNE, 2025);
  x = heed_timeline_layout_x_for_day (layout, &viewport, g_date_get_julian (&day) + 0.5);
  g_assert_cmpfloat_with_epsilon (x, 235, 0.001);
  g_assert_true (heed_timeline_layout_hit (layout, &viewport, x + 2, 40 + 15, &hit_row,
                                           &hit_item));
  g_assert_cmpint (hit_row, ==, 0);
  g_assert_cmpint (hit_item, >=, 0);
  item = heed_timeline_layout_describe_item (layout, hit_row, hit_item);
  g_assert_cmpstr (item, ==, "Phone call, 4 June 2025: Spoke to Mrs Patel about the missed "
                             "call-back");
  /* The label column is the row itself; the axis is nothing. */
  g_assert_true (heed_timeline_layout_hit (layout, &viewport, 50, 40 + 45, &hit_row, &hit_item));
  g_assert_cmpint (hit_row, ==, 1);
  g_assert_cmpint (hit_item, ==, -1);
  g_assert_false (heed_timeline_layout_hit (layout, &viewport, 300, 10, &hit_row, &hit_item));

  row = heed_timeline_layout_describe_row (layout, 0);
  g_assert_true (g_str_has_prefix (row, "Complaint C-2025-001, Extreme risk"));
  g_assert_nonnull (strstr (row, "received 3 June 2025"));
  g_assert_nonnull (strstr (row, "Respond, due 1 July 2025: overdue by 7 working days"));
  g_assert_true (g_str_has_suffix (row, "; overdue"));
  g_clear_pointer (&row, g_free);
  row = heed_timeline_layout_describe_row (layout, 1);
  g_assert_null (strstr (row, "overdue"));

  /* A case's own timeline: a row of deadlines, then one per group. */
  g_assert_cmpuint (heed_timeline_layout_get_n_rows (case_layout), ==, 1 + HEED_TIMELINE_N_GROUPS);
  g_assert_cmpint (heed_timeline_layout_get_row (case_layout, 0)->group, ==,
                   HEED_TIMELINE_ROW_DEADLINES);
  g_assert_cmpuint (heed_timeline_layout_get_row (case_layout, 0)->items->len, ==, 3);
  g_assert_cmpuint (heed_timeline_layout_get_row (case_layout, 2)->items->len, ==, 3);
  g_assert_cmpint (heed_timeline_layout_nearest_item (case_layout, 2, g_date_get_julian (&day)),
                   ==, 0);
}

static void
test_draw_visible_only (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeedTimelineLayout) layout = heed_timeline_layout_new (fixture->practice);
  HeedTimelineViewport viewport = { 0 };
  HeedTimelinePalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  GDate day;

  /* A viewport long after every case: the rows are there but none of their marks. */
  heed_timeline_palette_init (&palette, FALSE);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_MARCH, 2026);
  viewport.first_day = g_date_get_julian (&day);
  viewport.pixels_per_day = 20;
  viewport.width = 600;
  viewport.height = 200;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 200);
  cr = cairo_create (surface);
  heed_timeline_draw (cr, layout, &viewport, &palette, NULL);
  cairo_surface_flush (surface);
  g_assert_cmpuint (count_colour (surface, &palette.risk[4]), >, 0);   /* the risk stripe */
  g_assert_cmpuint (count_colour (surface, &palette.met), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/render/timeline/on-a-server"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render/timeline/case-pdf", test_case_pdf);
  ADD ("/render/timeline/case-period", test_case_period);
  ADD ("/render/timeline/practice-pdf", test_practice_pdf);
  ADD ("/render/timeline/practice-pages", test_practice_pages);
  ADD ("/render/timeline/png", test_png);
  ADD ("/render/timeline/layout", test_layout);
  ADD ("/render/timeline/draw-visible-only", test_draw_visible_only);
#undef ADD
  g_test_add_func ("/render/timeline/nation-holidays", test_nation_holidays);
  g_test_add_func ("/render/timeline/empty-practice", test_empty_practice);
  return g_test_run ();
}
