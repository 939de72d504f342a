/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures, never a pass or fail: 100 final-response letters merged, laid out and rendered to
 * PDF in one process (as the window does when it prints a batch), on a demo practice.
 * Usage: bench-letters PRACTICE.heed */
#include "config.h"

#include "heed-letter-layout.h"
#include "heed-letter-template.h"
#include "heed-merged-letter.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(HeedLetterTemplate) template = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 start, first = 0;
  guint n;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-letters PRACTICE.heed\n");
      return 2;
    }
  store = heed_store_open (argv[1], HEED_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  query->kind = g_strdup ("complaint");
  ids = heed_store_query_case_ids (store, query, &error);
  g_assert_no_error (error);
  n = MIN (ids->len, 100);

  start = g_get_monotonic_time ();
  template = heed_letter_template_load (store, "final-response", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HeedMergedLetter) letter = NULL;
      g_autoptr(HeedPageFlow) flow = NULL;
      g_autoptr(GBytes) pdf = NULL;

      letter = heed_merged_letter_new (store, template, g_array_index (ids, gint64, i), NULL,
                                       NULL, &error);
      g_assert_no_error (error);
      flow = heed_letter_layout_new (letter, FALSE);
      pdf = heed_page_flow_render_pdf (flow, &error);
      g_assert_no_error (error);
      if (i == 0)
        first = g_get_monotonic_time () - start;
    }
  g_print ("first letter in process (template, fonts, merge, layout, PDF): %.1f ms\n",
           first / 1000.0);
  g_print ("%u final-response letters in one process: %.0f ms (%.1f ms each)\n", n,
           (g_get_monotonic_time () - start) / 1000.0,
           (g_get_monotonic_time () - start) / 1000.0 / MAX (n, 1));
  return 0;
}
