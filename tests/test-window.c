/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "heed-store.h"
#include "heed-test-util.h"
#include "heed-window.h"

/* The window opens a practice file and says what it holds; a file it cannot open is
 * explained in the window, not by a crash. Runs a real window (under Xvfb in CI). */

static AdwApplication *application;

static char *
make_practice (const char *dir,
               guint       n_cases)
{
  g_autofree char *path = g_build_filename (dir, "window.heed", NULL);
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = heed_store_create (path, "Window Test Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(HeedCase) kase = heed_case_new ("compliment");

      g_object_set (kase, "channel", "letter", "received-at", "2025-06-03T10:00:00",
                    "summary", "Thank you to the nurses", NULL);
      g_assert_true (heed_store_save (store, HEED_RECORD (kase), &error));
    }
  return g_steal_pointer (&path);
}

static const char *
status_title (HeedWindow *window)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        HEED_TYPE_WINDOW,
                                                                        "status_page"));

  return adw_status_page_get_title (page);
}

static const char *
status_description (HeedWindow *window)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        HEED_TYPE_WINDOW,
                                                                        "status_page"));

  return adw_status_page_get_description (page);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_open_counts (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir, 3);
  HeedWindow *window = heed_window_new (application);

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpint (heed_window_get_n_cases (window), ==, 3);
  g_assert_cmpstr (status_title (window), ==, "Window Test Surgery");
  g_assert_nonnull (strstr (status_description (window), "holds 3 cases"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_open_refused (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "letter.heed", NULL);
  HeedWindow *window = heed_window_new (application);

  g_assert_true (g_file_set_contents (path, "Dear Sir, I am writing to complain", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (heed_window_open_path (window, path));
  g_assert_cmpint (heed_window_get_n_cases (window), ==, -1);
  g_assert_cmpstr (status_title (window), ==, "This Practice Cannot Be Opened");
  g_assert_nonnull (strstr (status_description (window), "is not a Heed practice file"));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_open_locked (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir, 1);
  g_autoptr(HeedStore) holder = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  HeedWindow *window = heed_window_new (application);

  g_assert_nonnull (holder);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpint (heed_window_get_n_cases (window), ==, 1);
  g_assert_nonnull (strstr (status_description (window), "read-only"));
  g_assert_nonnull (strstr (status_description (window), g_get_user_name ()));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&holder);
  heed_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  application = adw_application_new ("io.github.heedapp.Heed.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window/open-counts", test_open_counts);
  g_test_add_func ("/ui/window/open-refused", test_open_refused);
  g_test_add_func ("/ui/window/open-locked", test_open_locked);

  return g_test_run ();
}
