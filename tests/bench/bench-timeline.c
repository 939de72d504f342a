/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heed-event.h"
#include "heed-timeline-draw.h"
#include "heed-timeline-print.h"
#include "../heed-test-util.h"

/* Figures for the timeline (issue 4), never a pass or fail: how long loading the practice
 * timeline takes, and one frame of it at each zoom level, as the widget draws it (a
 * 1280×800 window, at scale 1 and 2).
 *
 * Usage: bench-timeline [FILE.heed] [--frames N]
 * Without FILE, makes a practice of 2,000 open complaints with 25 events each (50,000). */

#define OPEN_CASES 2000
#define EVENTS_PER_CASE 25

static const char *const event_kinds[] = { "call", "letter-out", "email-in", "meeting",
                                           "interview", "note", "records", "statement" };

static char *
make_practice (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bench.heed", NULL);
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today, received;
  GRand *rand = g_rand_new_with_seed (4);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  store = heed_store_create (path, "Benchmark Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  heed_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < OPEN_CASES; i++)
    {
      g_autoptr(HeedCase) kase = heed_case_new ("complaint");
      g_autofree char *received_text = NULL;
      g_autofree char *summary = g_strdup_printf ("Benchmark complaint number %u", i);
      gint64 id;

      /* Received over the last year, oldest first. */
      received = today;
      g_date_subtract_days (&received, 365 - (i * 360 / OPEN_CASES));
      received_text = g_strdup_printf ("%04d-%02d-%02dT10:00:00", g_date_get_year (&received),
                                       g_date_get_month (&received), g_date_get_day (&received));
      g_object_set (kase, "channel", "letter", "received-at", received_text, "summary", summary,
                    "status", "in-progress", "seriousness",
                    heed_seriousness_levels[g_rand_int_range (rand, 0, 4)], "likelihood",
                    heed_likelihood_levels[g_rand_int_range (rand, 0, 5)], NULL);
      heed_store_save (store, HEED_RECORD (kase), &error);
      g_assert_no_error (error);
      id = heed_record_get_id (HEED_RECORD (kase));
      for (guint e = 0; e < EVENTS_PER_CASE; e++)
        {
          g_autoptr(HeedEvent) event = heed_event_new ();
          g_autofree char *when = NULL;
          GDate day = received;

          g_date_add_days (&day, MIN (e * g_rand_int_range (rand, 1, 6),
                                      (guint) g_date_days_between (&received, &today)));
          when = g_strdup_printf ("%04d-%02d-%02dT%02d:00:00", g_date_get_year (&day),
                                  g_date_get_month (&day), g_date_get_day (&day), 9 + e % 8);
          heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE, id);
          heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND,
                                event_kinds[e % G_N_ELEMENTS (event_kinds)]);
          heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, when);
          heed_record_set_text (HEED_RECORD (event), HEED_EVENT_SUMMARY,
                                "Spoke to the complainant about progress");
          heed_store_save (store, HEED_RECORD (event), &error);
          g_assert_no_error (error);
        }
    }
  heed_store_commit (store, &error);
  g_assert_no_error (error);
  g_rand_free (rand);
  return g_steal_pointer (&path);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_frames (HeedTimelineLayout *layout,
              double              pixels_per_day,
              int                 scale,
              guint               frames)
{
  HeedTimelineData *data = heed_timeline_layout_get_data (layout);
  HeedTimelineViewport viewport = { 0 };
  HeedTimelinePalette palette;
  HeedTimelineDrawOptions options;
  cairo_surface_t *surface;
  g_autofree double *times = g_new (double, frames);
  double max_scroll = MAX (0, heed_timeline_layout_get_rows_height (layout) - 700);

  heed_timeline_palette_init (&palette, FALSE);
  heed_timeline_draw_options_init (&options);
  options.focus_row = 3;
  options.show_focus = TRUE;
  viewport.width = 1280;
  viewport.height = 800;
  viewport.pixels_per_day = pixels_per_day;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280 * scale, 800 * scale);

  for (guint i = 0; i < frames; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start;

      /* Each frame somewhere else, as while scrolling: down the lanes and along in time. */
      viewport.scroll_y = frames > 1 ? max_scroll * i / (frames - 1) : 0;
      viewport.first_day = g_date_get_julian (heed_timeline_data_get_today (data))
                           - (1280 - 250) * 0.75 / pixels_per_day + i * 3;
      cairo_scale (cr, scale, scale);
      start = g_get_monotonic_time ();
      heed_timeline_draw (cr, layout, &viewport, &palette, &options);
      cairo_surface_flush (surface);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  qsort (times, frames, sizeof (double), compare_doubles);
  printf ("  %6.1f px/day (%4.0f days across)  scale %d:  median %6.2f ms  worst %6.2f ms\n",
          pixels_per_day, (1280 - 250) / pixels_per_day, scale, times[frames / 2],
          times[frames - 1]);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedTimelineData) data = NULL;
  g_autoptr(HeedTimelineLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const double zooms[] = { 1.5, 3, 8, 20, 60, 120 };
  guint frames = 30;
  GDate today;
  gint64 start;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--frames") == 0 && i + 1 < argc)
        {
          int n = atoi (argv[++i]);

          frames = n > 0 ? (guint) n : 1;
        }
      else if (path == NULL)
        path = g_strdup (argv[i]);
    }
  if (path == NULL)
    {
      dir = heed_test_make_dir ();
      start = g_get_monotonic_time ();
      path = make_practice (dir);
      printf ("made a practice of %d open cases and %d events in %.1f s\n", OPEN_CASES,
              OPEN_CASES * EVENTS_PER_CASE, (g_get_monotonic_time () - start) / 1e6);
    }

  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      fprintf (stderr, "bench-timeline: %s\n", error->message);
      return 1;
    }
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  start = g_get_monotonic_time ();
  data = heed_timeline_data_load_practice (store, NULL, NULL, NULL, &today, &error);
  g_assert_no_error (error);
  printf ("load: %u open cases, %u entries in %.1f ms\n", heed_timeline_data_get_n_lanes (data),
          heed_timeline_data_count_entries (data), (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  layout = heed_timeline_layout_new (data);
  heed_timeline_layout_set_sizes (layout, 46, 250, 46);
  printf ("layout: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  printf ("one frame of the practice timeline, 1280x800, %u frames each:\n", frames);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    bench_frames (layout, zooms[i], 1, frames);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    bench_frames (layout, zooms[i], 2, frames);

  g_clear_object (&store);
  if (dir != NULL)
    heed_test_remove_dir (dir);
  return 0;
}
