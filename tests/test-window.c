/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "heed-case-item.h"
#include "heed-phone-log-dialog.h"
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

/* The rows the list shows, as against the cases the window's model holds. */
static guint
n_rows_shown (HeedWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        HEED_TYPE_WINDOW,
                                                                        "case_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static const char *
status_title (HeedWindow *window)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                        HEED_TYPE_WINDOW,
                                                                        "status_page"));

  return adw_status_page_get_title (page);
}

static AdwWindowTitle *
practice_title (HeedWindow *window)
{
  return ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                          "window_title"));
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
  g_assert_cmpstr (adw_window_title_get_title (practice_title (window)), ==,
                   "Window Test Surgery");
  g_assert_cmpstr (adw_window_title_get_subtitle (practice_title (window)), ==, "window.heed");
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

/* A practice opens with a screenful of rows and the rest follow a frame later: every case
 * must still be there to scroll to. */
static void
test_open_shows_every_row (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HeedWindow *window = heed_window_new (application);
  gint64 give_up;

  {
    g_autoptr(HeedStore) store = NULL;

    path = g_build_filename (dir, "rows.heed", NULL);
    store = heed_store_create (path, "Rows Surgery", HEED_NATION_ENGLAND, &error);
    g_assert_no_error (error);
    /* Complaints never acknowledged: all of them need attention, the view a practice opens on. */
    for (guint i = 0; i < 250; i++)
      {
        g_autoptr(HeedCase) kase = heed_case_new ("complaint");

        g_object_set (kase, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                      "summary", "Could not get an appointment", NULL);
        g_assert_true (heed_store_save (store, HEED_RECORD (kase), &error));
        g_assert_no_error (error);
      }
  }
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 250);
  give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (n_rows_shown (window) != 250 && g_get_monotonic_time () < give_up)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_cmpuint (n_rows_shown (window), ==, 250);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static gboolean
wait_for_count (HeedWindow *window,
                guint       expected)
{
  /* Search waits for typing to pause before it runs; give it a generous bound. */
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (heed_window_get_case_model (window)) != expected
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  return g_list_model_get_n_items (heed_window_get_case_model (window)) == expected;
}

static void
test_views_and_search (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir, 3);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) complaint = heed_case_new ("complaint");
  HeedWindow *window = heed_window_new (application);
  GtkListBox *views;
  GtkEditable *search;
  HeedCaseItem *item;

  /* One logged complaint, received long ago: its acknowledgement is overdue. */
  g_object_set (complaint, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                "summary", "Receptionist was abrupt on the phone", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (complaint), NULL));
  g_assert_true (heed_store_change_status (store, complaint, "logged", NULL, NULL));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  views = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                       "view_list"));
  search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                        "search_entry"));

  /* Needs attention first: the three compliment drafts to complete and the overdue one. */
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 4);
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 2));
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 3);
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 3));
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 0);
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 4));
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 4);

  /* The overdue complaint says so in its row. */
  item = g_list_model_get_item (heed_window_get_case_model (window), 0);
  g_assert_cmpstr (heed_case_item_get_reference (item), ==, "C-2025-001");
  g_assert_true (heed_case_item_get_overdue (item));
  g_assert_nonnull (strstr (heed_case_item_get_next_deadline (item), "overdue by"));
  g_object_unref (item);

  /* Search as you type, over the view. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  gtk_editable_set_text (search, "abrupt");
  g_assert_true (wait_for_count (window, 1));
  gtk_editable_set_text (search, "nurses");
  g_assert_true (wait_for_count (window, 3));
  gtk_editable_set_text (search, "nothing like this");
  g_assert_true (wait_for_count (window, 0));
  /* Only punctuation or an emoji: nothing found, and the page says why, rather than every
   * case listed. */
  gtk_editable_set_text (search, "abrupt");
  g_assert_true (wait_for_count (window, 1));
  gtk_editable_set_text (search, "!!!");
  g_assert_true (wait_for_count (window, 0));
  gtk_editable_set_text (search, "abrupt");
  g_assert_true (wait_for_count (window, 1));
  gtk_editable_set_text (search, "😀");
  g_assert_true (wait_for_count (window, 0));
  {
    AdwStatusPage *none = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                          HEED_TYPE_WINDOW,
                                                                          "none_page"));

    g_assert_nonnull (strstr (adw_status_page_get_description (none), "punctuation"));
  }

  /* Clicking a column header sorts by it, both ways; the store does the sorting. */
  gtk_editable_set_text (search, "");
  g_assert_true (wait_for_count (window, 4));
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                          HEED_TYPE_WINDOW,
                                                                          "case_view"));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) summary = g_list_model_get_item (columns, 3);
    g_autoptr(GtkColumnViewColumn) kind = g_list_model_get_item (columns, 4);

    g_assert_cmpstr (gtk_column_view_column_get_title (summary), ==, "Summary");
    gtk_column_view_sort_by_column (view, summary, GTK_SORT_ASCENDING);
    item = g_list_model_get_item (heed_window_get_case_model (window), 0);
    g_assert_cmpstr (heed_case_item_get_summary (item), ==,
                     "Receptionist was abrupt on the phone");
    g_object_unref (item);
    gtk_column_view_sort_by_column (view, summary, GTK_SORT_DESCENDING);
    item = g_list_model_get_item (heed_window_get_case_model (window), 0);
    g_assert_cmpstr (heed_case_item_get_summary (item), ==, "Thank you to the nurses");
    g_object_unref (item);
    gtk_column_view_sort_by_column (view, kind, GTK_SORT_ASCENDING);
    item = g_list_model_get_item (heed_window_get_case_model (window), 0);
    g_assert_cmpstr (heed_case_item_get_kind (item), ==, "Complaint");
    g_object_unref (item);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static HeedPhoneLogDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HEED_IS_PHONE_LOG_DIALOG (window))
        return HEED_PHONE_LOG_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
dialog_child (HeedPhoneLogDialog *dialog,
              const char         *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                    HEED_TYPE_PHONE_LOG_DIALOG, name));
}

static void
test_phone_log (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir, 0);
  HeedWindow *window = heed_window_new (application);
  HeedPhoneLogDialog *dialog;
  GtkLabel *problems;
  GtkTextBuffer *buffer;
  HeedCaseItem *item;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.phone-log", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* Saving an empty log says what is missing, beside the fields, and keeps the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "phone-log.save", NULL);
  problems = GTK_LABEL (dialog_child (dialog, "problem_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_nonnull (strstr (gtk_label_get_text (problems), "Write down their name"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "last_name_row"), "error"));
  g_assert_true (find_dialog () == dialog);

  /* A bad number is explained; fixed, the call is logged and listed. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "first_name_row")), "Ada");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "last_name_row")), "Quennell");
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "phone_row")), "0161 49");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dialog_child (dialog, "happened_view")));
  gtk_text_buffer_set_text (buffer, "No appointments left by 8.05 every morning this week", -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "phone-log.save", NULL);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "phone_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (problems), "digits"));
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "last_name_row"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, "phone_row")), "0161 496 0000");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "phone-log.save", NULL);
  iterate ();
  g_assert_null (find_dialog ());

  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), ==, 1);
  item = g_list_model_get_item (heed_window_get_case_model (window), 0);
  g_assert_cmpstr (heed_case_item_get_summary (item), ==,
                   "No appointments left by 8.05 every morning this week");
  g_assert_cmpstr (heed_case_item_get_name (item), ==, "Ada Quennell");
  g_assert_nonnull (strstr (heed_case_item_get_next_deadline (item), "Acknowledge"));
  g_object_unref (item);

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
  g_assert_cmpstr (adw_window_title_get_subtitle (practice_title (window)), ==,
                   "window.heed (read-only)");
  /* Nothing can be added to a file someone else holds. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW, "phone_log_button"))));
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
  g_test_add_func ("/ui/window/open-shows-every-row", test_open_shows_every_row);
  g_test_add_func ("/ui/window/views-and-search", test_views_and_search);
  g_test_add_func ("/ui/window/phone-log", test_phone_log);
  g_test_add_func ("/ui/window/open-locked", test_open_locked);

  return g_test_run ();
}
