/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <sys/resource.h>

#include "heed-case-list-model.h"
#include "heed-window.h"

/* Figures for the window on one practice file, never a pass or fail: how long until the
 * window is on screen with its first list drawn, how long search-as-you-type takes from the
 * last key to the new list drawn, and the peak memory. Usage: bench-window PRACTICE-FILE */

static gint64 painted_at;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (painted_at == 0)
    painted_at = g_get_monotonic_time ();
}

static void
wait_for_paint (GdkFrameClock *clock)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  painted_at = 0;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (painted_at == 0 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
}

static guint changes;
static gint64 key_time;

static void
on_search_changed_debug_cb (GtkSearchEntry *entry)
{
  if (g_getenv ("HEED_BENCH_DEBUG") != NULL)
    g_printerr ("search-changed “%s” %.0f ms after its key\n",
                gtk_editable_get_text (GTK_EDITABLE (entry)),
                (g_get_monotonic_time () - key_time) / 1000.0);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  changes++;
}

/* Milliseconds between keys: 150 as a quick typist types, or HEED_BENCH_KEY_MS. */
static gint64
key_interval_ms (void)
{
  const char *text = g_getenv ("HEED_BENCH_KEY_MS");
  gint64 ms = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;

  return ms > 0 && ms < 10000 ? ms : 150;
}

/* Types @word a key at a time, a key every key_interval_ms(), and returns the
 * milliseconds from the last key until the list for the whole word is on screen. */
static double
type_and_wait (GtkWindow  *window,
               GtkEditable *entry,
               const char *word,
               guint      *n_results)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GListModel *model = heed_window_get_case_model (HEED_WINDOW (window));
  gint64 last_key = 0;
  gint64 give_up;
  glong length = g_utf8_strlen (word, -1);

  gtk_editable_set_text (entry, "");
  give_up = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);

  /* A key at a time, inserted as typing does: setting the whole text would first empty the
   * entry, and an empty search runs at once. */
  for (glong i = 0; i < length; i++)
    {
      gint64 pause = g_get_monotonic_time () + key_interval_ms () * 1000;
      const char *start = g_utf8_offset_to_pointer (word, i);
      const char *end = g_utf8_next_char (start);
      int position = -1;

      position = (int) g_utf8_strlen (gtk_editable_get_text (entry), -1);
      changes = 0;
      last_key = key_time = g_get_monotonic_time ();
      gtk_editable_insert_text (entry, start, (int) (end - start), &position);
      while (i + 1 < length && g_get_monotonic_time () < pause)
        g_main_context_iteration (NULL, FALSE);
    }

  /* The list has the word's results once the model holds the query for the whole word. */
  give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < give_up)
    {
      HeedCaseQuery *query = heed_case_list_model_get_query (HEED_CASE_LIST_MODEL (model));

      if (query != NULL && g_strcmp0 (query->search, word) == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (g_getenv ("HEED_BENCH_DEBUG") != NULL)
    g_printerr ("query in place after %.0f ms\n", (g_get_monotonic_time () - last_key) / 1000.0);
  wait_for_paint (clock);
  *n_results = g_list_model_get_n_items (model);
  if (g_getenv ("HEED_BENCH_DEBUG") != NULL)
    {
      give_up = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
      while (g_get_monotonic_time () < give_up)
        g_main_context_iteration (NULL, FALSE);
      g_printerr ("text “%s”: %u items, %u changes\n", gtk_editable_get_text (entry),
                  g_list_model_get_n_items (model), changes);
    }
  return (painted_at - last_key) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const words[] = { "smith", "appointment", "prescription", "rude" };
  struct rusage usage;
  HeedWindow *window;
  GdkFrameClock *clock;
  GtkEditable *entry;
  gint64 start;
  gint64 made_at;
  gint64 opened_at;
  gint64 initialised_at;
  gint64 presented_at;
  double mapped_ms;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-window PRACTICE-FILE\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  gtk_init ();
  adw_init ();
  initialised_at = g_get_monotonic_time () - start;
  application = adw_application_new ("io.github.heedapp.Heed.Bench", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    {
      g_printerr ("bench-window: %s\n", error->message);
      return 1;
    }
  made_at = g_get_monotonic_time ();
  window = heed_window_new (application);
  made_at = g_get_monotonic_time () - made_at;
  opened_at = g_get_monotonic_time ();
  if (!heed_window_open_path (window, argv[1]))
    {
      g_printerr ("bench-window: cannot open %s\n", argv[1]);
      return 1;
    }
  opened_at = g_get_monotonic_time () - opened_at;
  presented_at = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));
  presented_at = g_get_monotonic_time () - presented_at;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_paint (clock);
  mapped_ms = (painted_at - start) / 1000.0;

  g_print ("cases: %" G_GINT64_FORMAT "\n", heed_window_get_n_cases (window));
  g_print ("window on screen, first list drawn: %.0f ms from the start of the process "
           "(making the window %.0f ms, opening the practice and listing it %.0f ms)\n",
           mapped_ms, made_at / 1000.0, opened_at / 1000.0);
  if (g_getenv ("HEED_BENCH_DEBUG") != NULL)
    g_printerr ("GTK and libadwaita started %.0f ms, window shown (realised) %.0f ms\n",
                initialised_at / 1000.0, presented_at / 1000.0);
  /* For profiling the start alone (perf record). */
  if (g_getenv ("HEED_BENCH_START_ONLY") != NULL)
    return 0;

  /* Search over everything: the All Feedback view. */
  {
    GtkListBox *views = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                     HEED_TYPE_WINDOW,
                                                                     "view_list"));

    gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 4));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                       "search_entry"));
  g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_debug_cb), NULL);
  g_signal_connect (heed_window_get_case_model (window), "items-changed",
                    G_CALLBACK (on_items_changed_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      guint n_results = 0;
      double ms = type_and_wait (GTK_WINDOW (window), entry, words[i], &n_results);

      g_print ("search as you type “%s”: %.0f ms from the last key to the list drawn "
               "(%u results)\n", words[i], ms, n_results);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory: %.1f MB\n", usage.ru_maxrss / 1024.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
