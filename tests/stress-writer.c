/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The writer that tests/test-stress.py kills, and the reader that then judges what is left.
 *
 *   stress-writer write FILE --from N --count C [--attachment-size BYTES] [--pause-after K]
 *                 [--read-only-if-locked]
 *     Makes writes N, N+1, … through HeedStore. Write N is one transaction: a complaint with
 *     the summary "stress write N", three timeline entries, and an attachment whose bytes
 *     follow from N; the third entry names the attachment. After each commit it prints
 *     "committed N", and after keeping the form draft that follows it, "draft N". With
 *     --pause-after K it prints "holding" after K writes and waits for a line on its input
 *     before going on. It first prints "open writable" or "open read-only: WHO".
 *
 *   stress-writer verify FILE
 *     Opens FILE read-only and checks every stress write in it is whole. Prints
 *     "writes FIRST LAST COUNT" and "draft N" (the newest draft's N, or 0), and exits 1 with a
 *     line saying what is wrong when a write is half there or its attachment differs.
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-event.h"
#include "heed-store.h"

#define PARTS 3

static gint64 attachment_size = 16 * 1024;

static GBytes *
attachment_for (gint64 n,
                gsize  size)
{
  guint8 *bytes = g_malloc (size);
  guint32 state = (guint32) n * 2654435761u + 1;

  /* Different for every write, so a page from another write cannot pass for this one. */
  for (gsize i = 0; i < size; i++)
    {
      state = state * 1103515245u + 12345u;
      bytes[i] = (guint8) (state >> 16);
    }
  return g_bytes_new_take (bytes, size);
}

static gboolean
set_field (gpointer     record,
           const char  *field,
           const char  *value,
           GError     **error)
{
  int index = heed_record_find_field (HEED_RECORD (record), field);

  g_assert (index >= 0);
  return heed_record_set_from_string (HEED_RECORD (record), (guint) index, value, error);
}

static gboolean
save_event (HeedStore   *store,
            gint64       case_id,
            const char  *summary,
            GError     **error)
{
  g_autoptr(HeedEvent) event = heed_event_new ();
  int index = heed_record_find_field (HEED_RECORD (event), "case");

  heed_record_set_int (HEED_RECORD (event), (guint) index, case_id);
  return set_field (event, "kind", "note", error)
         && set_field (event, "occurred-at", "2001-06-04T11:00:00", error)
         && set_field (event, "summary", summary, error)
         && heed_store_save (store, HEED_RECORD (event), error);
}

static gboolean
make_write (HeedStore  *store,
            gint64      n,
            GError    **error)
{
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GBytes) data = attachment_for (n, (gsize) attachment_size);
  g_autofree char *summary = g_strdup_printf ("stress write %" G_GINT64_FORMAT, n);
  g_autofree char *filename = g_strdup_printf ("stress-%" G_GINT64_FORMAT ".bin", n);
  gint64 attachment_id = 0;
  gint64 case_id;

  if (!heed_store_begin (store, error))
    return FALSE;
  if (!set_field (kase, "channel", "phone", error)
      || !set_field (kase, "received-at", "2001-06-04T10:00:00", error)
      || !set_field (kase, "summary", summary, error)
      || !heed_store_save (store, HEED_RECORD (kase), error))
    goto failed;
  case_id = heed_record_get_id (HEED_RECORD (kase));
  for (int part = 1; part < PARTS; part++)
    {
      g_autofree char *text = g_strdup_printf ("%s part %d", summary, part);

      if (!save_event (store, case_id, text, error))
        goto failed;
    }
  if (!heed_store_add_attachment (store, case_id, 0, filename, "application/octet-stream", data,
                                  &attachment_id, error))
    goto failed;
  {
    g_autofree char *text = g_strdup_printf ("%s part %d attachment %" G_GINT64_FORMAT,
                                             summary, PARTS, attachment_id);

    if (!save_event (store, case_id, text, error))
      goto failed;
  }
  return heed_store_commit (store, error);

failed:
  heed_store_rollback (store);
  return FALSE;
}

static int
fail (const GError *error)
{
  fprintf (stderr, "error: %s\n", error->message);
  return 1;
}

static int
command_write (const char *path,
               gint64      from,
               gint64      count,
               gint64      pause_after,
               gboolean    read_only_if_locked)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = NULL;
  gint64 draft_id = 0;

  store = heed_store_open (path, read_only_if_locked ? HEED_STORE_OPEN_READ_ONLY_IF_LOCKED
                                                     : HEED_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return fail (error);
  if (heed_store_is_read_only (store))
    {
      const HeedLockHolder *holder = heed_store_get_lock_holder (store);
      g_autofree char *who = holder != NULL ? heed_lock_holder_describe (holder) : NULL;

      printf ("open read-only: %s (pid %" G_GINT64_FORMAT ")\n", who != NULL ? who : "nobody",
              holder != NULL ? holder->pid : 0);
    }
  else
    printf ("open writable\n");
  fflush (stdout);

  for (gint64 n = from; n < from + count; n++)
    {
      g_autofree char *content = g_strdup_printf ("[fields]\nn=%" G_GINT64_FORMAT "\n", n);

      if (pause_after > 0 && n - from == pause_after)
        {
          char line[64];

          printf ("holding\n");
          fflush (stdout);
          if (fgets (line, sizeof line, stdin) == NULL)
            break;
        }
      if (!make_write (store, n, &error))
        return fail (error);
      printf ("committed %" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
      if (!heed_store_keep_form_draft (store, &draft_id, "case", 0, "Stress draft", content,
                                       &error))
        return fail (error);
      printf ("draft %" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
  heed_store_close (store);
  printf ("closed\n");
  return 0;
}

static gboolean
parse_write_number (const char *summary,
                    gint64     *n)
{
  if (!g_str_has_prefix (summary, "stress write "))
    return FALSE;
  return g_ascii_string_to_signed (summary + strlen ("stress write "), 10, 1, G_MAXINT64, n,
                                   NULL);
}

/* Returns NULL when write @n of @kase is whole, else what is wrong with it. */
static char *
check_write (HeedStore *store,
             HeedCase  *kase,
             gint64     n)
{
  gint64 case_id = heed_record_get_id (HEED_RECORD (kase));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = heed_store_list (store, HEED_TYPE_EVENT, case_id, &error);
  g_autoptr(GBytes) expected = attachment_for (n, (gsize) attachment_size);
  g_autofree char *prefix = g_strdup_printf ("stress write %" G_GINT64_FORMAT " part ", n);
  g_autofree char *last_prefix = g_strdup_printf ("%s%d attachment ", prefix, PARTS);
  gint64 attachment_id = 0;
  guint parts = 0;

  if (events == NULL)
    return g_strdup_printf ("write %" G_GINT64_FORMAT ": its entries cannot be read: %s", n,
                            error->message);
  for (guint i = 0; i < events->len; i++)
    {
      HeedRecord *event = g_ptr_array_index (events, i);
      int index = heed_record_find_field (event, "summary");
      const char *summary = heed_record_get_text (event, (guint) index);

      if (summary == NULL || !g_str_has_prefix (summary, prefix))
        continue;
      parts++;
      if (g_str_has_prefix (summary, last_prefix))
        g_ascii_string_to_signed (summary + strlen (last_prefix), 10, 1, G_MAXINT64,
                                  &attachment_id, NULL);
    }
  if (parts != PARTS)
    return g_strdup_printf ("write %" G_GINT64_FORMAT " is half there: %u of %d entries", n,
                            parts, PARTS);
  if (attachment_id == 0)
    return g_strdup_printf ("write %" G_GINT64_FORMAT ": no entry names its attachment", n);
  {
    g_autoptr(GBytes) data = NULL;
    g_autofree char *filename = NULL;

    data = heed_store_dup_attachment (store, attachment_id, &filename, NULL, &error);
    if (data == NULL)
      return g_strdup_printf ("write %" G_GINT64_FORMAT ": its attachment is missing: %s", n,
                              error->message);
    if (!g_bytes_equal (data, expected))
      return g_strdup_printf ("write %" G_GINT64_FORMAT ": its attachment differs", n);
  }
  return NULL;
}

static int
command_verify (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  gint64 first = 0, last = 0, count = 0, draft = 0;

  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return fail (error);
  cases = heed_store_list (store, HEED_TYPE_CASE, 0, &error);
  if (cases == NULL)
    return fail (error);
  for (guint i = 0; i < cases->len; i++)
    {
      HeedCase *kase = g_ptr_array_index (cases, i);
      g_autofree char *problem = NULL;
      gint64 n;

      if (!parse_write_number (heed_case_get_summary (kase), &n))
        continue;
      problem = check_write (store, kase, n);
      if (problem != NULL)
        {
          printf ("broken %s\n", problem);
          return 1;
        }
      first = count == 0 ? n : MIN (first, n);
      last = MAX (last, n);
      count++;
    }
  drafts = heed_store_list_form_drafts (store, "case", &error);
  if (drafts == NULL)
    return fail (error);
  for (guint i = 0; i < drafts->len; i++)
    {
      HeedFormDraft *kept = g_ptr_array_index (drafts, i);
      g_autoptr(GKeyFile) fields = g_key_file_new ();

      if (g_strcmp0 (kept->title, "Stress draft") != 0)
        continue;
      if (!g_key_file_load_from_data (fields, kept->content, -1, G_KEY_FILE_NONE, &error))
        {
          printf ("broken draft %" G_GINT64_FORMAT " cannot be read: %s\n", kept->id,
                  error->message);
          return 1;
        }
      draft = MAX (draft, g_key_file_get_int64 (fields, "fields", "n", NULL));
    }
  printf ("writes %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", first, last,
          count);
  printf ("draft %" G_GINT64_FORMAT "\n", draft);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("write|verify FILE");
  g_autoptr(GError) error = NULL;
  gint64 from = 1, count = 100, pause_after = 0;
  gboolean read_only_if_locked = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT64, &from, "First write's number", "N" },
    { "count", 0, 0, G_OPTION_ARG_INT64, &count, "How many writes", "C" },
    { "attachment-size", 0, 0, G_OPTION_ARG_INT64, &attachment_size, "Bytes per attachment",
      "BYTES" },
    { "pause-after", 0, 0, G_OPTION_ARG_INT64, &pause_after,
      "Wait for a line on input after K writes", "K" },
    { "read-only-if-locked", 0, 0, G_OPTION_ARG_NONE, &read_only_if_locked,
      "Open read-only when someone else holds the file", NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (argc != 3 || from < 1 || count < 0 || attachment_size < 1
      || attachment_size > 1024 * 1024)
    {
      fprintf (stderr, "usage: stress-writer write|verify FILE [options] (see --help)\n");
      return 2;
    }
  if (strcmp (argv[1], "write") == 0)
    return command_write (argv[2], from, count, pause_after, read_only_if_locked);
  if (strcmp (argv[1], "verify") == 0)
    return command_verify (argv[2]);
  fprintf (stderr, "usage: stress-writer write|verify FILE [options]\n");
  return 2;
}
