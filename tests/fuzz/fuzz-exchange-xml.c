/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the XML importer. Each input is written to a file in a temporary folder
 * and imported into one practice file inside an outer transaction that is then rolled back, so
 * every input meets the same practice. Beyond not crashing: a refused import says why, in the
 * exchange or store error domain, and leaves the practice as it was. */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "heed-exchange.h"
#include "heed-fuzz.h"
#include "heed-store.h"
#include "heed-store-exchange.h"

static char      *folder;
static char      *input_path;
static HeedStore *store;

static void
remove_folder (void)
{
  g_autofree char *practice = NULL;

  g_clear_object (&store);
  if (folder == NULL)
    return;
  practice = g_build_filename (folder, "fuzz.heed", NULL);
  g_unlink (input_path);
  g_unlink (practice);
  for (const char *const *suffix = (const char *const[]) { "-wal", "-shm", "-journal", ".lock",
                                                           NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *side = g_strconcat (practice, *suffix, NULL);

      g_unlink (side);
    }
  g_rmdir (folder);
  g_clear_pointer (&folder, g_free);
  g_clear_pointer (&input_path, g_free);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *practice = NULL;

  folder = g_dir_make_tmp ("heed-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  input_path = g_build_filename (folder, "input.xml", NULL);
  practice = g_build_filename (folder, "fuzz.heed", NULL);
  store = heed_store_create (practice, "Fuzz Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  /* Inputs are small; a small limit keeps each run quick and tests the refusal too. */
  heed_exchange_set_size_limit_for_testing (256 * 1024);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  gint64 cases_before;
  FILE *file;
  gboolean ok;

  if (store == NULL)
    set_up ();

  file = fopen (input_path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, size, file), ==, size);
  g_assert_cmpint (fclose (file), ==, 0);

  cases_before = heed_store_count_cases (store, NULL, NULL);
  g_assert_true (heed_store_begin (store, &error));
  ok = heed_exchange_import_xml (store, input_path, &error);
  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HEED_EXCHANGE_ERROR || error->domain == HEED_STORE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_debug ("refused: %s", error->message);
    }
  else
    {
      g_assert_no_error (error);
      g_debug ("imported %" G_GINT64_FORMAT " cases",
               heed_store_count_cases (store, NULL, NULL) - cases_before);
    }
  heed_store_rollback (store);
  /* An import that went in reloaded the practice's settings; read them back as they are now. */
  g_assert_true (heed_store_reload_setup (store, NULL));
  g_assert_cmpint (heed_store_count_cases (store, NULL, NULL), ==, cases_before);
  return 0;
}
