/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GTK's "Print to File" writes the file itself: Heed checks the file it would write as every
 * output is checked, so a print never replaces a practice. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "heed-print-guard.h"
#include "heed-safe-output.h"
#include "heed-store.h"

static char *
make_practice (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = NULL;
  char *path = g_build_filename (dir, "practice.heed", NULL);

  store = heed_store_create (path, "Riverside Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
allowed (const char *path)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  gboolean ok;

  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  ok = heed_print_guard_check_settings (settings, &error);
  if (!ok)
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
  return ok;
}

static void
test_print_to_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("heed-print-guard-XXXXXX", NULL);
  g_autofree char *practice = make_practice (dir);
  g_autofree char *wal = g_strconcat (practice, "-wal", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr(GtkPrintSettings) no_file = gtk_print_settings_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (allowed (practice));
  g_assert_false (allowed (wal));
  g_assert_cmpint (symlink (practice, link), ==, 0);
  g_assert_false (allowed (link));
  g_assert_false (allowed (dir));
  g_assert_false (allowed ("/dev/null"));
  /* A new PDF beside the practice is what Print to File is for. */
  g_assert_true (allowed (letter));
  /* A real printer has no output file. */
  g_assert_true (heed_print_guard_check_settings (no_file, &error));
  g_assert_no_error (error);

  g_remove (link);
  g_remove (wal);
  g_remove (practice);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/print-guard/print-to-file", test_print_to_file);
  return g_test_run ();
}
