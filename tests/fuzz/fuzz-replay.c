/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs every file of the corpora named on the command line through a fuzz target once, as TAP.
 * Built without libFuzzer, so the corpora are replayed on every `meson test`. */

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "heed-fuzz.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
add_inputs (const char *path,
            GPtrArray  *inputs)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* The same order on every machine, so a failure names the same file. */
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (inputs, g_strdup (g_ptr_array_index (names, i)));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS-DIR-OR-FILE...\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    add_inputs (argv[i], inputs);

  if (inputs->len == 0)
    {
      /* A corpus that went missing must not pass as an empty success. */
      printf ("1..1\nnot ok 1 - no corpus files found\n");
      return 1;
    }

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      /* A crash or a failed check aborts here, and meson reports the file being run. */
      fprintf (stderr, "# replaying %s\n", path);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
