/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "heed-case-page.h"
#include "heed-event.h"
#include "heed-feedback-dialog.h"
#include "heed-import-dialog.h"
#include "heed-person.h"
#include "heed-store-exchange.h"
#include "heed-test-util.h"
#include "heed-window.h"

/* What practices bring in, in real windows: last year's spreadsheet through Import a
 * Spreadsheet…, an email dropped on the window (a new complaint, pre-filled for reception to
 * check) and on an open case (an entry). Run with "show-import STEP" it opens the assistant at
 * that step and waits, for screenshots. */

static AdwApplication *application;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* What a screen reader hears: each button named as it reads ("Next", not GTK 4.8's "_Next
 * Next"), each column's dropdown by its column. Returns how many controls were checked. */
static guint
assert_named (GtkWidget       *root,
              HeedTableImport *import)
{
  guint n = 0;

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      for (const char *p = gtk_button_get_label (GTK_BUTTON (root)); *p != '\0'; p++)
        if (*p != '_')
          g_string_append_c (shown, *p);
      g_test_message ("button %s", shown->str);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           shown->str);
      n++;
    }
  if (GTK_IS_DROP_DOWN (root) && gtk_widget_get_ancestor (root, ADW_TYPE_COMBO_ROW) == NULL)
    {
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (root), "heed-column"));
      g_autofree char *expected = NULL;

      g_assert_cmpuint (column, >, 0);
      expected = g_strdup_printf ("Heed field for the column “%s”",
                                  heed_table_import_get_heading (import, column - 1));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           expected);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_named (child, import);
  return n;
}

/* Drops @file on @widget as a file manager would, through the widget's own drop target. */
static gboolean
drop_file (GtkWidget *widget,
           GFile     *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GSList files = { file, NULL };
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_auto(GValue) value = G_VALUE_INIT;
          GdkFileList *list = gdk_file_list_new_from_list (&files);

          g_value_init (&value, GDK_TYPE_FILE_LIST);
          g_value_take_boxed (&value, list);
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
          return accepted;
        }
    }
  g_assert_not_reached ();
}

static char *
data_file (const char *folder,
           const char *name)
{
  return g_build_filename (HEED_TEST_DATA, folder, name, NULL);
}

static char *
make_practice (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "intake.heed", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = heed_store_create (path, "Intake Surgery", HEED_NATION_ENGLAND,
                                                  &error);

  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static HeedImportDialog *
open_assistant (HeedWindow *window,
                const char *file)
{
  g_autofree char *path = data_file ("table", file);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HeedImportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-table", NULL));
  iterate ();
  dialog = find_toplevel (HEED_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (heed_import_dialog_get_step (dialog), ==, "file");
  g_assert_true (heed_import_dialog_set_file (dialog, gfile, &error));
  g_assert_no_error (error);
  iterate ();
  return dialog;
}

static guint
field_index (const char *id)
{
  guint n;
  const HeedImportField *fields = heed_table_import_list_fields (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (fields[i].id, id) == 0)
      return i + 1;
  g_assert_not_reached ();
}

static void
test_import_assistant (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  HeedWindow *window = heed_window_new (application);
  HeedImportDialog *dialog;
  HeedTableImport *import;
  GtkDropDown *subject;
  g_autoptr(GPtrArray) cases = NULL;
  guint subject_column = G_MAXUINT;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  dialog = open_assistant (window, "complaints-log.xlsx");
  import = heed_import_dialog_get_import (dialog);
  g_assert_cmpstr (heed_table_import_get_sheet (import), ==, "Log 2024-25");
  g_assert_cmpuint (heed_table_import_get_heading_row (import), ==, 4);
  /* Cancel, Back, Next and Choose…, and the 13 columns' dropdowns. */
  g_assert_cmpuint (assert_named (GTK_WIDGET (dialog), import), ==, 4 + 13);

  /* Step 2: each column with the field Heed guessed; the subject is left out by hand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  iterate ();
  g_assert_cmpstr (heed_import_dialog_get_step (dialog), ==, "columns");
  g_assert_cmpuint (gtk_drop_down_get_selected (heed_import_dialog_get_column_dropdown (dialog, 0)),
                    ==, field_index ("reference"));
  g_assert_cmpuint (gtk_drop_down_get_selected (heed_import_dialog_get_column_dropdown (dialog, 1)),
                    ==, field_index ("received"));
  for (guint c = 0; c < heed_table_import_get_n_columns (import); c++)
    if (g_strcmp0 (heed_table_import_get_heading (import, c), "Subject") == 0)
      subject_column = c;
  subject = heed_import_dialog_get_column_dropdown (dialog, subject_column);
  g_assert_cmpuint (gtk_drop_down_get_selected (subject), ==, field_index ("subject"));
  gtk_drop_down_set_selected (subject, 0);
  g_assert_null (heed_table_import_get_field (import, subject_column));
  /* Choosing a field another column has moves it: the "Details" column becomes the summary. */
  gtk_drop_down_set_selected (heed_import_dialog_get_column_dropdown (dialog, 6),
                              field_index ("summary"));
  g_assert_cmpuint (gtk_drop_down_get_selected (heed_import_dialog_get_column_dropdown (dialog, 5)),
                    ==, 0);
  gtk_drop_down_set_selected (heed_import_dialog_get_column_dropdown (dialog, 5),
                              field_index ("summary"));
  gtk_drop_down_set_selected (heed_import_dialog_get_column_dropdown (dialog, 6),
                              field_index ("what-happened"));
  g_assert_cmpuint (assert_named (GTK_WIDGET (dialog), import), ==, 4 + 13);

  /* Step 3: the preview, then Import. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  iterate ();
  g_assert_cmpstr (heed_import_dialog_get_step (dialog), ==, "preview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  iterate ();
  g_assert_null (find_toplevel (HEED_TYPE_IMPORT_DIALOG));
  cases = heed_store_list (heed_window_get_store (window), HEED_TYPE_CASE, 0, NULL);
  g_assert_cmpuint (cases->len, ==, 24);
  for (guint i = 0; i < cases->len; i++)
    g_assert_false (heed_record_is_set (g_ptr_array_index (cases, i), HEED_CASE_SUBJECT));
  g_assert_cmpuint (g_list_model_get_n_items (heed_window_get_case_model (window)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_import_bad_rows (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  HeedWindow *window = heed_window_new (application);
  HeedImportDialog *dialog;
  GtkSwitch *skip = NULL;
  GtkWidget *widget;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  /* A spreadsheet dropped on the window opens the assistant with it. */
  {
    g_autofree char *log = data_file ("table", "bad-log.csv");
    g_autoptr(GFile) file = g_file_new_for_path (log);

    g_assert_true (drop_file (GTK_WIDGET (window), file));
    iterate ();
  }
  dialog = find_toplevel (HEED_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (heed_import_dialog_get_import (dialog));
  g_assert_cmpstr (heed_table_import_get_source_name (heed_import_dialog_get_import (dialog)), ==,
                   "bad-log.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  iterate ();
  g_assert_cmpstr (heed_import_dialog_get_step (dialog), ==, "preview");
  /* With rows that have problems, Import waits until they are to be left out. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL)
                  && find_toplevel (HEED_TYPE_IMPORT_DIALOG) == NULL);
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 0);
  for (widget = GTK_WIDGET (dialog); widget != NULL;)
    {
      /* The first switch in the dialog: "Leave out rows with problems". */
      GtkWidget *next = gtk_widget_get_first_child (widget);

      if (GTK_IS_SWITCH (widget))
        {
          skip = GTK_SWITCH (widget);
          break;
        }
      while (next == NULL && widget != NULL && widget != GTK_WIDGET (dialog))
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }
  g_assert_nonnull (skip);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (skip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Leave out rows with problems");
  gtk_switch_set_active (skip, TRUE);
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  iterate ();
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_email_on_window (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *mail = data_file ("email", "outlook-windows-1252.eml");
  g_autoptr(GFile) file = g_file_new_for_path (mail);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  HeedWindow *window = heed_window_new (application);
  HeedFeedbackDialog *form;
  HeedCase *kase;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  /* Dropped on the window, as from the file manager. */
  g_assert_true (drop_file (GTK_WIDGET (window), file));
  iterate ();
  form = find_toplevel (HEED_TYPE_FEEDBACK_DIALOG);
  g_assert_nonnull (form);
  /* Pre-filled for reception to check: nothing is saved until they do. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    heed_feedback_dialog_get_row (form, "complainant", "last-name"))), ==, "Dubois");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    heed_feedback_dialog_get_row (form, "complainant", "email"))), ==,
                   "renee.dubois@example.net");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    heed_feedback_dialog_get_row (form, "case", "summary"))), ==,
                   "Complaint – I waited 50 minutes and wasn’t seen");
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 0);
  /* Reception corrects the first name, as the sender wrote it in the letter. */
  gtk_editable_set_text (GTK_EDITABLE (heed_feedback_dialog_get_row (form, "complainant",
                                                                     "first-name")), "Renée");
  g_assert_true (heed_feedback_dialog_save (form));
  iterate ();

  cases = heed_store_list (heed_window_get_store (window), HEED_TYPE_CASE, 0, NULL);
  g_assert_cmpuint (cases->len, ==, 1);
  kase = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_CHANNEL), ==, "email");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_RECEIVED_AT), ==,
                   "2025-10-20T15:39:00");
  g_assert_nonnull (strstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_DESCRIPTION),
                            "half a day’s pay (£45)"));
  documents = heed_store_list_attachments (heed_window_get_store (window),
                                           heed_record_get_id (HEED_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpstr (((HeedAttachmentInfo *) g_ptr_array_index (documents, 0))->filename, ==,
                   "outlook-windows-1252.eml");

  /* Something that is not an email says so, and opens nothing. */
  {
    g_autofree char *not_mail = data_file ("table", "bad-log.csv");
    g_autoptr(GFile) other = g_file_new_for_path (not_mail);
    g_autoptr(GError) refused = NULL;

    g_assert_false (heed_window_open_email (window, other, &refused));
    g_assert_nonnull (refused);
    g_assert_null (find_toplevel (HEED_TYPE_FEEDBACK_DIALOG));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_email_on_case (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *mail = data_file ("email", "thunderbird-attachment.eml");
  g_autoptr(GFile) file = g_file_new_for_path (mail);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  HeedWindow *window = heed_window_new (application);
  HeedCasePage *page;
  gboolean found = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_object_set (kase, "channel", "phone", "received-at", "2025-10-10T10:00:00",
                "summary", "Repeat prescription", "anonymous", TRUE, NULL);
  g_assert_true (heed_store_save (heed_window_get_store (window), HEED_RECORD (kase), &error));
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (kase))));
  iterate ();
  page = HEED_CASE_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (window), HEED_TYPE_CASE_PAGE));
  if (page == NULL)
    {
      /* The page is inside the window: look for it. */
      GtkWidget *w = GTK_WIDGET (window);
      GPtrArray *queue = g_ptr_array_new ();

      g_ptr_array_add (queue, w);
      while (queue->len > 0 && page == NULL)
        {
          GtkWidget *next = g_ptr_array_steal_index (queue, 0);

          if (HEED_IS_CASE_PAGE (next))
            page = HEED_CASE_PAGE (next);
          for (GtkWidget *c = gtk_widget_get_first_child (next); c != NULL;
               c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (queue, c);
        }
      g_ptr_array_unref (queue);
    }
  g_assert_nonnull (page);
  /* Dropped on the open case. */
  g_assert_true (drop_file (GTK_WIDGET (page), file));
  iterate ();

  events = heed_store_list (heed_window_get_store (window), HEED_TYPE_EVENT,
                            heed_record_get_id (HEED_RECORD (kase)), NULL);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (heed_record_get_text (g_ptr_array_index (events, i), HEED_EVENT_KIND),
                   "email-in") == 0)
      {
        g_assert_cmpstr (heed_record_get_text (g_ptr_array_index (events, i),
                                               HEED_EVENT_SUMMARY),
                         ==, "Complaint about my repeat prescription");
        found = TRUE;
      }
  g_assert_true (found);
  documents = heed_store_list_attachments (heed_window_get_store (window),
                                           heed_record_get_id (HEED_RECORD (kase)), &error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpint (((HeedAttachmentInfo *) g_ptr_array_index (documents, 0))->event_id, >, 0);
  {
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_true (heed_store_check (heed_window_get_store (window), report, NULL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

/* show-import STEP FILE: the assistant at STEP (file, columns or preview) on FILE, left open. */
static int
show_import (const char *step,
             const char *file)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
  HeedWindow *window = heed_window_new (application);
  HeedImportDialog *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-table", NULL);
  iterate ();
  dialog = find_toplevel (HEED_TYPE_IMPORT_DIALOG);
  if (g_strcmp0 (step, "choose") != 0)
    heed_import_dialog_set_file (dialog, gfile, NULL);
  if (g_strcmp0 (step, "columns") == 0 || g_strcmp0 (step, "preview") == 0)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  if (g_strcmp0 (step, "preview") == 0)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* show-email FILE: the complaint form pre-filled from the email, left open. */
static int
show_email (const char *file)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
  HeedWindow *window = heed_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  heed_window_open_email (window, gfile, NULL);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc == 3 && strcmp (argv[1], "show-email") == 0)
    {
      gtk_init ();
      adw_init ();
      application = adw_application_new ("io.github.heedapp.Heed.IntakeShow",
                                         G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, NULL);
      return show_email (argv[2]);
    }
  if (argc == 4 && strcmp (argv[1], "show-import") == 0)
    {
      gtk_init ();
      adw_init ();
      application = adw_application_new ("io.github.heedapp.Heed.IntakeShow",
                                         G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (application), NULL, NULL);
      return show_import (argv[2], argv[3]);
    }

  /* GTK's test backend keeps the accessible names a screen reader would be given, for the
   * walks to read, and reaches no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  application = adw_application_new ("io.github.heedapp.Heed.IntakeTest",
                                     G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/intake/import-assistant", test_import_assistant);
  g_test_add_func ("/ui/intake/import-bad-rows", test_import_bad_rows);
  g_test_add_func ("/ui/intake/email-on-window", test_email_on_window);
  g_test_add_func ("/ui/intake/email-on-case", test_email_on_case);
  return g_test_run ();
}
