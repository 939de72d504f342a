/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>

#include <glib-unix.h>

#include "heed-case.h"
#include "heed-store.h"

/* Figures, never a pass or fail: seats logging calls at once on one practice.
 *
 *   bench-seats LOCATION SEATS SAVES
 *
 * SEATS processes each open the practice and log SAVES calls one after another, as reception
 * does, timing each save (a case, its trail entry and the change told to the other seats).
 * Meanwhile this process, a seat of its own, listens: for each case another seat logs it
 * notes how long after the save returned there it heard of it. Prints saves a second over
 * all seats, the median and 95th-percentile save, and the median and slowest delay before
 * another seat saw a new case. */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  guint i;

  if (values->len == 0)
    return 0;
  qsort (values->data, values->len, sizeof (double), compare_doubles);
  i = (guint) (p * (values->len - 1) + 0.5);
  return g_array_index (values, double, i);
}

/* One seat: logs @saves calls; writes "ID SAVED-AT-US SAVE-US" for each to @out. */
static int
run_seat (const char *where,
          int         seat,
          int         saves,
          int         out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = heed_store_open (where, HEED_STORE_OPEN_DEFAULT, &error);

  if (store == NULL)
    {
      g_printerr ("seat %d: %s\n", seat, error->message);
      return 1;
    }
  for (int i = 0; i < saves; i++)
    {
      g_autoptr(HeedCase) kase = heed_case_new ("complaint");
      g_autofree char *summary = g_strdup_printf ("Call %d at seat %d", i, seat);
      g_autofree char *line = NULL;
      gint64 start, end;

      g_object_set (kase, "channel", "phone", "received-at", "2026-03-02T09:30:00", "summary",
                    summary, NULL);
      start = g_get_real_time ();
      if (!heed_store_save (store, HEED_RECORD (kase), &error))
        {
          g_printerr ("seat %d: %s\n", seat, error->message);
          return 1;
        }
      end = g_get_real_time ();
      line = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                              heed_record_get_id (HEED_RECORD (kase)), end, end - start);
      if (write (out, line, strlen (line)) < 0)
        return 1;
    }
  return 0;
}

static void
on_case_added_cb (HeedStore  *store,
                  gint64      id,
                  GHashTable *heard)
{
  g_hash_table_insert (heard, g_memdup2 (&id, sizeof id),
                       g_memdup2 (&(gint64) { g_get_real_time () }, sizeof (gint64)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) listener = NULL;
  g_autoptr(GHashTable) heard = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) output = g_string_new (NULL);
  int pipe_fds[2], seats, per_seat, failed = 0;
  gint64 started, finished;
  char buffer[4096];
  ssize_t n;

  if (argc != 4 || (seats = atoi (argv[2])) < 1 || (per_seat = atoi (argv[3])) < 1)
    {
      g_printerr ("usage: bench-seats LOCATION SEATS SAVES\n");
      return 2;
    }
  listener = heed_store_open (argv[1], HEED_STORE_OPEN_DEFAULT, &error);
  if (listener == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_signal_connect (listener, "case-added", G_CALLBACK (on_case_added_cb), heard);
  if (pipe (pipe_fds) != 0)
    return 1;

  started = g_get_real_time ();
  for (int seat = 0; seat < seats; seat++)
    if (fork () == 0)
      {
        close (pipe_fds[0]);
        _exit (run_seat (argv[1], seat, per_seat, pipe_fds[1]));
      }
  close (pipe_fds[1]);
  /* Listens while the seats save; their lines come down the pipe. */
  g_unix_set_fd_nonblocking (pipe_fds[0], TRUE, NULL);
  for (;;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      n = read (pipe_fds[0], buffer, sizeof buffer);
      if (n > 0)
        g_string_append_len (output, buffer, n);
      else if (n == 0)
        break;
      else
        g_usleep (1000);
    }
  finished = g_get_real_time ();
  for (int seat = 0; seat < seats; seat++)
    {
      int status;

      wait (&status);
      failed |= !WIFEXITED (status) || WEXITSTATUS (status) != 0;
    }
  /* What is still on its way to the listener. */
  for (int i = 0; i < 200; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }

  {
    g_auto(GStrv) lines = g_strsplit (output->str, "\n", -1);
    guint missed = 0;

    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        gint64 id, saved_at, took;
        gint64 *heard_at;

        if (sscanf (lines[i], "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                    &id, &saved_at, &took) != 3)
          continue;
        g_array_append_val (saves, (double) { took / 1000.0 });
        heard_at = g_hash_table_lookup (heard, &id);
        if (heard_at == NULL)
          missed++;
        else
          g_array_append_val (delays, (double) { MAX (0, *heard_at - saved_at) / 1000.0 });
      }
    printf ("seats %d, saves %u in %.2f s: %.0f saves/s; save median %.1f ms, 95th percentile "
            "%.1f ms; seen at another seat after median %.1f ms, slowest %.1f ms (%u not "
            "heard)\n",
            seats, saves->len, (finished - started) / 1e6,
            saves->len / ((finished - started) / 1e6),
            percentile (saves, 0.5), percentile (saves, 0.95), percentile (delays, 0.5),
            percentile (delays, 1.0), missed);
  }
  return failed;
}
