/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include <adwaita.h>
#include <signal.h>
#include <unistd.h>

#include "heed-access-group.h"
#include "heed-case-element.h"
#include "heed-case-item.h"
#include "heed-case-page.h"
#include "heed-create-practice-dialog.h"
#include "heed-event.h"
#include "heed-letter.h"
#include "heed-action.h"
#include "heed-actions-page.h"
#include "heed-demo.h"
#include "heed-feedback-dialog.h"
#include "heed-report-page.h"
#include "heed-letter-dialog.h"
#include "heed-letter-template.h"
#include "heed-template-editor.h"
#include "heed-person.h"
#include "heed-phone-log-dialog.h"
#include "heed-preferences-window.h"
#include "heed-publicity-page.h"
#include "heed-record-dialog.h"
#include "heed-staff.h"
#include "heed-survey-dialog.h"
#include "heed-survey-response.h"
#include "heed-staff-picker.h"
#include "heed-store-duties.h"
#include "heed-store-exchange.h"
#include "heed-safe-output.h"
#include "heed-store.h"
#include "heed-timeline-view.h"
#include "heed-test-location.h"
#include "heed-test-util.h"
#include "heed-validate.h"
#include "heed-window.h"

/* A person's day with Heed, in real windows: the first run, the full complaint form with its
 * checks, typing that survives the process being killed, and one phone complaint taken from
 * the call to closure. The practice file is checked afterwards, as an auditor would. */

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
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours to free */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

/* The first widget under @root, depth first, that @test accepts, or NULL. */
static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  if (test (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return find_widget (root, has_name, name);
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  return find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

/* A shown row anywhere under @widget whose title is @title, or NULL. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  return find_widget (widget, is_row_titled, title);
}

/* The problem shown beside a row, or NULL when there is none. */
static const char *
row_problem (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "error")
          && gtk_widget_get_visible (child))
        return gtk_label_get_text (GTK_LABEL (child));
      found = row_problem (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_into (GtkWidget  *row,
           const char *text)
{
  GtkWidget *view = find_type (row, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (row);
  if (view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (GtkWidget  *row,
        const char *const *choices,
        const char *choice,
        gboolean    with_none)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], choice) == 0)
      position = i + (with_none ? 1 : 0);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static char *
date_from_today (int days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return heed_format_date_long (&date);
}

static const char *
visible_page (HeedWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              HEED_TYPE_WINDOW, "main_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_first_run (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Riverside Dental.heed", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.heed", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.heedapp.Heed");
  HeedWindow *window = heed_window_new (application);
  HeedCreatePracticeDialog *dialog;
  AdwWindowTitle *title;

  g_settings_set_string (settings, "last-practice", "");
  gtk_window_present (GTK_WINDOW (window));
  heed_window_open_last (window);
  g_assert_cmpstr (visible_page (window), ==, "welcome");

  /* Create a practice: a name is needed; a bad phone number is explained. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-practice", NULL);
  dialog = find_toplevel (HEED_TYPE_CREATE_PRACTICE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (heed_create_practice_dialog_create_at (dialog, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                        HEED_TYPE_CREATE_PRACTICE_DIALOG,
                                                        "name_row")),
             "Riverside Dental");
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                        HEED_TYPE_CREATE_PRACTICE_DIALOG,
                                                        "phone_row")),
             "12");
  g_assert_false (heed_create_practice_dialog_create_at (dialog, path));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (
    gtk_widget_get_template_child (GTK_WIDGET (dialog), HEED_TYPE_CREATE_PRACTICE_DIALOG,
                                   "problem_label"))));
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                        HEED_TYPE_CREATE_PRACTICE_DIALOG,
                                                        "phone_row")),
             "029 2018 0000");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (dialog), HEED_TYPE_CREATE_PRACTICE_DIALOG, "nation_row")), 1);
  g_assert_true (heed_create_practice_dialog_create_at (dialog, path));
  iterate ();

  g_assert_cmpstr (visible_page (window), ==, "practice");
  g_assert_cmpint (heed_store_get_nation (heed_window_get_store (window)), ==,
                   HEED_NATION_WALES);
  {
    g_autofree char *phone = heed_store_dup_setting (heed_window_get_store (window), "phone");

    g_assert_cmpstr (phone, ==, "029 2018 0000");
  }
  {
    g_autofree char *last = g_settings_get_string (settings, "last-practice");

    g_assert_cmpstr (last, ==, path);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* The next start opens it again. */
  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  heed_window_open_last (window);
  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                           "window_title"));
  g_assert_cmpstr (visible_page (window), ==, "practice");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Riverside Dental");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* A last practice that has since been damaged is explained, not a crash. */
  g_assert_true (g_file_set_contents (damaged, "SQLite format 3\n and then rubbish", -1, NULL));
  g_settings_set_string (settings, "last-practice", damaged);
  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  heed_window_open_last (window);
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (
    gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW, "status_page"))), ==,
    "This Practice Cannot Be Opened");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_settings_set_string (settings, "last-practice", "");
  heed_test_remove_dir (dir);
}

static char *
make_practice (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "flow.heed", NULL);
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedStaff) staff = heed_staff_new ();
  g_autoptr(GError) error = NULL;

  store = heed_store_create (path, "Flow Test Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  heed_record_set_text (HEED_RECORD (staff), HEED_STAFF_NAME, "Jo Marsh");
  heed_record_set_text (HEED_RECORD (staff), HEED_STAFF_ROLE, "Practice manager");
  g_assert_true (heed_store_save (store, HEED_RECORD (staff), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_complaint_form (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *three_years_ago = date_from_today (-3 * 366);
  HeedWindow *window = heed_window_new (application);
  HeedFeedbackDialog *dialog;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(HeedPerson) person = NULL;
  HeedCase *kase;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", "s", "complaint");
  dialog = find_toplevel (HEED_TYPE_FEEDBACK_DIALOG);
  g_assert_nonnull (dialog);

  /* Empty: it says who is complaining must be given. */
  g_assert_false (heed_feedback_dialog_save (dialog));
  /* A GP practice is not asked about private care; a representative is asked about best
   * interests. */
  g_assert_null (heed_feedback_dialog_get_row (dialog, "case", "care"));
  g_assert_nonnull (heed_feedback_dialog_get_row (dialog, "case", "best-interests"));

  /* A wrong NHS number and postcode are explained beside their fields. */
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "first-name"), "Ann");
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "last-name"), "Lee");
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "nhs-number"), "943 476 5918");
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "postcode"), "CF10");
  type_into (heed_feedback_dialog_get_row (dialog, "case", "summary"), "Rude at the desk");
  type_into (heed_feedback_dialog_get_row (dialog, "case", "description"),
             "I was spoken to rudely when I asked for my test results.");
  choose (heed_feedback_dialog_get_row (dialog, "case", "channel"), heed_case_channels, "letter",
          FALSE);
  type_into (heed_feedback_dialog_get_row (dialog, "case", "aware-date"), three_years_ago);
  g_assert_false (heed_feedback_dialog_save (dialog));
  g_assert_nonnull (row_problem (heed_feedback_dialog_get_row (dialog, "complainant",
                                                               "nhs-number")));
  g_assert_nonnull (strstr (row_problem (heed_feedback_dialog_get_row (dialog, "complainant",
                                                                       "nhs-number")),
                            "NHS number"));
  g_assert_nonnull (row_problem (heed_feedback_dialog_get_row (dialog, "complainant",
                                                               "postcode")));
  /* More than 12 months after they knew: the reason is needed. */
  g_assert_nonnull (row_problem (heed_feedback_dialog_get_row (dialog, "case", "late-reason")));
  g_assert_null (row_problem (heed_feedback_dialog_get_row (dialog, "case", "summary")));

  /* Nothing typed was lost while it was wrong. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    heed_feedback_dialog_get_row (dialog, "complainant", "first-name"))), ==, "Ann");

  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "nhs-number"), "9434765919");
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "postcode"), "cf10 1ab");
  type_into (heed_feedback_dialog_get_row (dialog, "case", "late-reason"),
             "I was in hospital for a long time.");
  /* Jo Marsh was there. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_type (find_type (GTK_WIDGET (dialog),
                                                                       HEED_TYPE_STAFF_PICKER),
                                                            GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  /* The subject is chosen from the practice's own list, as the annual report counts them. */
  g_assert_true (ADW_IS_COMBO_ROW (heed_feedback_dialog_get_row (dialog, "case", "subject")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (heed_feedback_dialog_get_row (dialog, "case",
                                                                           "subject")), 1);
  g_assert_true (heed_feedback_dialog_save (dialog));
  iterate ();
  g_assert_null (find_toplevel (HEED_TYPE_FEEDBACK_DIALOG));

  cases = heed_store_list (heed_window_get_store (window), HEED_TYPE_CASE, 0, NULL);
  g_assert_cmpuint (cases->len, ==, 1);
  kase = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (heed_case_get_status (kase), ==, "logged");
  g_assert_cmpstr (heed_case_get_summary (kase), ==, "Rude at the desk");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_LATE_REASON), ==,
                   "I was in hospital for a long time.");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GPtrArray) subjects = heed_store_list_categories (heed_window_get_store (window),
                                                                "subject",
                                                                g_date_time_get_year (now));

    g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_SUBJECT), ==,
                     g_ptr_array_index (subjects, 0));
  }
  person = heed_store_load (heed_window_get_store (window), HEED_TYPE_PERSON,
                            heed_record_get_int (HEED_RECORD (kase), HEED_CASE_COMPLAINANT), NULL);
  g_assert_nonnull (person);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (person), HEED_PERSON_NHS_NUMBER), ==,
                   "943 476 5919");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (person), HEED_PERSON_POSTCODE), ==,
                   "CF10 1AB");
  {
    g_autoptr(GArray) involved = heed_store_list_case_staff (heed_window_get_store (window),
                                                             heed_record_get_id (HEED_RECORD (kase)),
                                                             NULL);

    g_assert_cmpuint (involved->len, ==, 1);
  }
  /* Saved, so the kept typing has gone. */
  drafts = heed_store_list_form_drafts (heed_window_get_store (window), NULL, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);

  /* A dental practice asks whether the complaint is about NHS or private care. */
  g_assert_true (heed_store_set_setting (heed_window_get_store (window), "practice-type",
                                         "dental", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", "s", "complaint");
  dialog = find_toplevel (HEED_TYPE_FEEDBACK_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (heed_feedback_dialog_get_row (dialog, "case", "care"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static char *
kill_test_path (pid_t parent)
{
  g_autofree char *name = g_strdup_printf ("heed-test-kill-%d.heed", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* The child: types into the complaint form, then dies without warning. */
static void
type_then_die (void)
{
  g_autofree char *path = kill_test_path (getppid ());
  HeedWindow *window = heed_window_new (application);
  HeedFeedbackDialog *dialog;
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", "s", "complaint");
  dialog = find_toplevel (HEED_TYPE_FEEDBACK_DIALOG);
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "first-name"), "Bronwen");
  type_into (heed_feedback_dialog_get_row (dialog, "case", "summary"),
             "Prescription lost twice");
  type_into (heed_feedback_dialog_get_row (dialog, "case", "description"),
             "The pharmacy says the surgery never sent it, both times.");

  /* Only the pause after typing writes the draft; wait for it, then die. */
  while (g_get_monotonic_time () < give_up)
    {
      g_autoptr(GPtrArray) drafts = NULL;

      g_main_context_iteration (NULL, TRUE);
      drafts = heed_store_list_form_drafts (heed_window_get_store (window), "feedback", NULL);
      if (drafts != NULL && drafts->len > 0
          && strstr (((HeedFormDraft *) g_ptr_array_index (drafts, 0))->content, "both times"))
        break;
    }
  kill (getpid (), SIGKILL);
}

static void
test_draft_after_kill (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  HeedWindow *window;
  HeedFeedbackDialog *dialog;
  g_autoptr(GPtrArray) cases = NULL;

  if (g_test_subprocess ())
    {
      type_then_die ();
      return;
    }

  dir = heed_test_make_dir ();
  {
    g_autofree char *made = make_practice (dir);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    path = kill_test_path (getpid ());
    g_assert_true (g_file_get_contents (made, &bytes, &length, NULL));
    g_assert_true (g_file_set_contents (path, bytes, (gssize) length, NULL));
  }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  /* A new Heed on the same file offers the typing back, every word of it. */
  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  dialog = HEED_FEEDBACK_DIALOG (heed_window_resume_draft (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    heed_feedback_dialog_get_row (dialog, "complainant", "first-name"))), ==, "Bronwen");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    heed_feedback_dialog_get_row (dialog, "case", "summary"))), ==, "Prescription lost twice");

  /* Finished and saved, it becomes a case and the draft goes. */
  type_into (heed_feedback_dialog_get_row (dialog, "complainant", "last-name"), "Pryce");
  choose (heed_feedback_dialog_get_row (dialog, "case", "channel"), heed_case_channels, "phone",
          FALSE);
  g_assert_true (heed_feedback_dialog_save (dialog));
  iterate ();
  cases = heed_store_list (heed_window_get_store (window), HEED_TYPE_CASE, 0, NULL);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (heed_record_get_text (g_ptr_array_index (cases, 0), HEED_CASE_DESCRIPTION),
                   ==, "The pharmacy says the surgery never sent it, both times.");
  g_assert_null (heed_window_resume_draft (window));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (path);
  {
    g_autofree char *lock = g_strconcat (path, ".lock", NULL);

    g_unlink (lock);
  }
  heed_test_remove_dir (dir);
}

static void
press_status (HeedCasePage *page,
              const char   *status)
{
  GtkWidget *button = find_named (GTK_WIDGET (page), status);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpstr (heed_case_get_status (heed_case_page_get_case (page)), ==, status);
}

static void
test_complaint_to_closure (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *response_date = date_from_today (20);
  HeedWindow *window = heed_window_new (application);
  HeedPhoneLogDialog *log;
  HeedCasePage *page;
  HeedRecordDialog *entry;
  g_autoptr(HeedCaseItem) item = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint n_status = 0;
  gboolean interview = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));

  /* Reception logs the call. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.phone-log", NULL);
  log = find_toplevel (HEED_TYPE_PHONE_LOG_DIALOG);
  g_assert_nonnull (log);
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (log),
                                                        HEED_TYPE_PHONE_LOG_DIALOG,
                                                        "first_name_row")), "Ada");
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (log),
                                                        HEED_TYPE_PHONE_LOG_DIALOG,
                                                        "last_name_row")), "Quennell");
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (log),
                                                        HEED_TYPE_PHONE_LOG_DIALOG,
                                                        "phone_row")), "0161 496 0000");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (log), HEED_TYPE_PHONE_LOG_DIALOG,
                                   "happened_view"))),
    "No appointments left by 8.05 every morning this week", -1);
  gtk_widget_activate_action (GTK_WIDGET (log), "phone-log.save", NULL);
  iterate ();
  g_assert_null (find_toplevel (HEED_TYPE_PHONE_LOG_DIALOG));

  /* The manager opens it from the list. */
  item = g_list_model_get_item (heed_window_get_case_model (window), 0);
  g_assert_nonnull (item);
  id = heed_case_item_get_id (item);
  g_assert_true (heed_window_show_case (window, id));
  page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                        "case_page"));
  g_assert_false (heed_case_page_get_changed (page));

  /* Taken by phone today, it could still be closed as resolved by the next working day; a
   * plain Close is not offered for a complaint not yet answered. */
  g_assert_nonnull (find_named (GTK_WIDGET (page), "oral-resolved"));
  g_assert_null (find_named (GTK_WIDGET (page), "closed"));

  press_status (page, "acknowledged");
  g_assert_null (find_named (GTK_WIDGET (page), "oral-resolved"));

  /* Grading, the handler and the plan agreed with them, then saved. */
  choose (find_named (GTK_WIDGET (page), "seriousness"), heed_seriousness_levels, "high", TRUE);
  choose (find_named (GTK_WIDGET (page), "likelihood"), heed_likelihood_levels, "likely", TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (page), "handler")), 1);
  type_into (find_named (GTK_WIDGET (page), "plan"),
             "Look at the booking rules and call her back with what we find.");
  type_into (find_named (GTK_WIDGET (page), "agreed-response-date"), response_date);
  g_assert_true (heed_case_page_get_changed (page));
  /* A date that is not a date is refused beside the field and nothing is saved. */
  type_into (find_named (GTK_WIDGET (page), "incident-date"), "the 35th of Smarch");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-case", NULL);
  g_assert_true (heed_case_page_get_changed (page));
  g_assert_nonnull (row_problem (find_named (GTK_WIDGET (page), "incident-date")));
  type_into (find_named (GTK_WIDGET (page), "incident-date"), "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-case", NULL);
  iterate ();
  g_assert_false (heed_case_page_get_changed (page));

  press_status (page, "in-progress");

  /* An interview in the investigation log. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entry", NULL);
  entry = find_toplevel (HEED_TYPE_RECORD_DIALOG);
  g_assert_nonnull (entry);
  choose (heed_record_dialog_get_row (entry, "kind"), heed_event_kinds, "interview", FALSE);
  type_into (heed_record_dialog_get_row (entry, "summary"), "Spoke to the receptionist on duty");
  g_assert_true (heed_record_dialog_save (entry));
  iterate ();

  /* The interview's notes, scanned, kept with the entry. */
  {
    g_autofree char *scan = g_build_filename (dir, "interview-notes.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (scan);
    g_autoptr(GPtrArray) entries = heed_store_list (heed_window_get_store (window),
                                                    HEED_TYPE_EVENT, id, NULL);
    g_autoptr(GError) attach_error = NULL;
    gint64 interview_id = 0;

    for (guint i = 0; i < entries->len; i++)
      if (g_strcmp0 (heed_record_get_text (g_ptr_array_index (entries, i), HEED_EVENT_KIND),
                     "interview") == 0)
        interview_id = heed_record_get_id (g_ptr_array_index (entries, i));
    g_assert_true (g_file_set_contents (scan, "%PDF-1.4 notes", -1, NULL));
    page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                          "case_page"));
    g_assert_true (heed_case_page_attach_file (page, interview_id, file, &attach_error));
    g_assert_no_error (attach_error);
    g_unlink (scan);
  }

  /* The part of the complaint about booking, with what was found. */
  page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                        "case_page"));
  g_signal_emit_by_name (find_named (GTK_WIDGET (page), "add-element"), "clicked");
  entry = find_toplevel (HEED_TYPE_RECORD_DIALOG);
  g_assert_nonnull (entry);
  g_assert_false (heed_record_dialog_save (entry));
  type_into (heed_record_dialog_get_row (entry, "description"),
             "No appointments bookable after 8.05 in the morning");
  type_into (heed_record_dialog_get_row (entry, "finding"),
             "All same-day slots were released at 8.00 and gone within minutes.");
  choose (heed_record_dialog_get_row (entry, "outcome"), heed_case_outcomes, "upheld", TRUE);
  g_assert_true (heed_record_dialog_save (entry));
  iterate ();

  /* What will change, with who and by when. */
  g_signal_emit_by_name (find_named (GTK_WIDGET (page), "add-action"), "clicked");
  entry = find_toplevel (HEED_TYPE_RECORD_DIALOG);
  g_assert_nonnull (entry);
  type_into (heed_record_dialog_get_row (entry, "description"),
             "Release some same-day appointments at 2 pm");
  adw_combo_row_set_selected (ADW_COMBO_ROW (heed_record_dialog_get_row (entry, "owner")), 1);
  type_into (heed_record_dialog_get_row (entry, "due-date"), response_date);
  g_assert_true (heed_record_dialog_save (entry));
  iterate ();

  /* What she thought of how it was handled. */
  {
    HeedSurveyDialog *survey;

    g_signal_emit_by_name (find_named (GTK_WIDGET (page), "record-survey"), "clicked");
    survey = find_toplevel (HEED_TYPE_SURVEY_DIALOG);
    g_assert_nonnull (survey);
    heed_survey_dialog_set_answer (survey, 1, 5);
    heed_survey_dialog_set_answer (survey, 2, 4);
    g_assert_true (heed_survey_dialog_save (survey, &error));
    g_assert_no_error (error);
    iterate ();
  }

  /* The outcome, then responded and closed. */
  choose (find_named (GTK_WIDGET (page), "outcome"), heed_case_outcomes, "upheld", TRUE);
  gtk_switch_set_active (GTK_SWITCH (find_type (find_named (GTK_WIDGET (page), "remedy-apology"),
                                                GTK_TYPE_SWITCH)), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-case", NULL);
  iterate ();
  g_assert_false (heed_case_page_get_changed (page));
  press_status (page, "responded");
  press_status (page, "closed");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* What the file says afterwards. */
  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  kase = heed_store_load (store, HEED_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_case_get_status (kase), ==, "closed");
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_ACKNOWLEDGED_ON));
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_RESPONDED_ON));
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_CLOSED_ON));
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_SERIOUSNESS), ==, "high");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_LIKELIHOOD), ==, "likely");
  g_assert_cmpint (heed_record_get_int (HEED_RECORD (kase), HEED_CASE_HANDLER), >, 0);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_PLAN), ==,
                   "Look at the booking rules and call her back with what we find.");
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_AGREED_RESPONSE_DATE));
  g_assert_false (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_INCIDENT_DATE));
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_OUTCOME), ==, "upheld");
  g_assert_true (heed_record_get_bool (HEED_RECORD (kase), HEED_CASE_REMEDY_APOLOGY));

  events = heed_store_list (store, HEED_TYPE_EVENT, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      HeedRecord *event = g_ptr_array_index (events, i);
      const char *kind = heed_record_get_text (event, HEED_EVENT_KIND);

      n_status += g_strcmp0 (kind, "status") == 0;
      interview |= g_strcmp0 (kind, "interview") == 0
                   && g_strcmp0 (heed_record_get_text (event, HEED_EVENT_SUMMARY),
                                 "Spoke to the receptionist on duty") == 0;
    }
  /* Logged, acknowledged, in progress, responded, closed. */
  g_assert_cmpuint (n_status, ==, 5);
  g_assert_true (interview);
  {
    g_autoptr(GPtrArray) attachments = heed_store_list_attachments (store, id, &error);
    HeedAttachmentInfo *info;

    g_assert_cmpuint (attachments->len, ==, 1);
    info = g_ptr_array_index (attachments, 0);
    g_assert_cmpstr (info->filename, ==, "interview-notes.pdf");
    g_assert_cmpint (info->event_id, >, 0);
  }
  {
    g_autoptr(GPtrArray) surveys = heed_store_list (store, HEED_TYPE_SURVEY_RESPONSE, id, &error);

    g_assert_cmpuint (surveys->len, ==, 1);
    g_assert_cmpstr (heed_record_get_text (g_ptr_array_index (surveys, 0),
                                           HEED_SURVEY_RESPONSE_ANSWERS), ==, "1=5;2=4");
  }
  {
    g_autoptr(GPtrArray) actions = heed_store_list (store, HEED_TYPE_ACTION, id, &error);

    g_assert_cmpuint (actions->len, ==, 1);
  }
  {
    g_autoptr(GPtrArray) elements = heed_store_list (store, HEED_TYPE_CASE_ELEMENT, id, &error);

    g_assert_cmpuint (elements->len, ==, 1);
    g_assert_cmpstr (heed_record_get_text (g_ptr_array_index (elements, 0),
                                           HEED_CASE_ELEMENT_OUTCOME), ==, "upheld");
  }

  /* Every change went through the audit trail, unbroken. */
  g_assert_true (heed_store_check (store, report, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  heed_test_remove_dir (dir);
}

static void
test_preferences (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *usb = g_build_filename (dir, "usb", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.heedapp.Heed");
  HeedWindow *window = heed_window_new (application);
  HeedPreferencesWindow *preferences;
  HeedRecordDialog *dialog;
  HeedStore *store;
  AdwEntryRow *phone;
  AdwEntryRow *address;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  store = heed_window_get_store (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  preferences = find_toplevel (HEED_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  /* A wrong phone number is refused on its row; a right one is kept in the practice file. */
  phone = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                        HEED_TYPE_PREFERENCES_WINDOW,
                                                        "phone_row"));
  gtk_editable_set_text (GTK_EDITABLE (phone), "12");
  g_assert_false (heed_preferences_window_apply (preferences, phone));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));
  gtk_editable_set_text (GTK_EDITABLE (phone), "01632 960000");
  g_assert_true (heed_preferences_window_apply (preferences, phone));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));
  {
    g_autofree char *value = heed_store_dup_setting (store, "phone");

    g_assert_cmpstr (value, ==, "01632 960000");
  }
  /* A GP practice may be a member of ISCAS; a dental practice is asked about private care
   * instead, and its KO41(b) is the dental collection's. */
  {
    AdwComboRow *type = ADW_COMBO_ROW (gtk_widget_get_template_child (
      GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "type_row"));
    GtkWidget *iscas = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "iscas_row"));
    GtkSwitch *member = GTK_SWITCH (gtk_widget_get_template_child (
      GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "iscas_switch"));
    g_autofree char *gp = heed_store_dup_setting (store, "practice-type");
    g_autofree char *dental = NULL;
    g_autofree char *joined = NULL;

    g_assert_cmpstr (gp, ==, "gp");
    g_assert_cmpuint (adw_combo_row_get_selected (type), ==, 0);
    g_assert_true (gtk_widget_get_visible (iscas));
    gtk_switch_set_active (member, TRUE);
    joined = heed_store_dup_setting (store, "iscas-member");
    g_assert_cmpstr (joined, ==, "true");
    adw_combo_row_set_selected (type, 1);
    dental = heed_store_dup_setting (store, "practice-type");
    g_assert_cmpstr (dental, ==, "dental");
    g_assert_false (gtk_widget_get_visible (iscas));
    adw_combo_row_set_selected (type, 0);
  }
  /* The practice's name is one line: a tab or an escape pasted into it is refused. */
  {
    AdwEntryRow *name = ADW_ENTRY_ROW (gtk_widget_get_template_child (
      GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "name_row"));
    g_autofree char *before = heed_store_dup_setting (store, "name");
    g_autofree char *after = NULL;

    gtk_editable_set_text (GTK_EDITABLE (name), "Example\tLane\033[2J Surgery");
    g_assert_false (heed_preferences_window_apply (preferences, name));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
    after = heed_store_dup_setting (store, "name");
    g_assert_cmpstr (after, ==, before);
    gtk_editable_set_text (GTK_EDITABLE (name), before);
    g_assert_true (heed_preferences_window_apply (preferences, name));
  }
  address = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                          HEED_TYPE_PREFERENCES_WINDOW,
                                                          "address_row"));
  gtk_editable_set_text (GTK_EDITABLE (address), "1 High Street,  Leeds , LS1 1AA");
  g_assert_true (heed_preferences_window_apply (preferences, address));
  {
    g_autofree char *value = heed_store_dup_setting (store, "address");

    g_assert_cmpstr (value, ==, "1 High Street\nLeeds\nLS1 1AA");
  }

  /* The nation moves the deadlines to Scotland's rules. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "nation_row")), 2);
  g_assert_cmpint (heed_store_get_nation (store), ==, HEED_NATION_SCOTLAND);

  /* A new member of staff. */
  gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.add-staff", NULL);
  dialog = find_toplevel (HEED_TYPE_RECORD_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (heed_record_dialog_save (dialog));
  type_into (heed_record_dialog_get_row (dialog, "name"), "Sam Okafor");
  type_into (heed_record_dialog_get_row (dialog, "role"), "Receptionist");
  g_assert_true (heed_record_dialog_save (dialog));
  iterate ();
  staff = heed_store_list (store, HEED_TYPE_STAFF, 0, NULL);
  g_assert_cmpuint (staff->len, ==, 2);

  /* The practice's own subject, offered on forms from then on. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "new_subject_row")), "Car park");
  g_assert_true (heed_preferences_window_add_subject (preferences));
  g_assert_false (heed_preferences_window_add_subject (preferences));
  {
    g_autofree char *label = heed_store_dup_category_label (store, "subject",
                                                            "practice-car-park");

    g_assert_cmpstr (label, ==, "Car park");
  }

  /* Back up now: refused plainly without the folder, checked and kept with it. */
  g_settings_set_string (settings, "backup-folder", usb);
  g_assert_false (heed_preferences_window_back_up (preferences));
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  g_assert_true (heed_preferences_window_back_up (preferences));
  backups = heed_store_list_backups (store, usb, NULL);
  g_assert_cmpuint (backups->len, ==, 1);
  g_unlink (g_ptr_array_index (backups, 0));
  g_rmdir (usb);
  g_settings_reset (settings, "backup-folder");

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_buttons_labelled (GtkWidget  *root,
                        const char *label)
{
  guint count = GTK_IS_BUTTON (root)
                && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_buttons_labelled (child, label);
  return count;
}

/* The Undo of the newest toast: an earlier toast may still be on its way out. */
static GtkWidget *
find_only_undo (GtkWidget *window)
{
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (count_buttons_labelled (window, "_Undo") > 1 && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (count_buttons_labelled (window, "_Undo"), ==, 1);
  return find_button_labelled (window, "_Undo");
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_visible (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)),
                       title) == 0;
}

/* A compliment is logged, passed on and learned from: its page asks nothing of a complaint's
 * (no risk, plan, consent, findings or Ombudsman); a complaint's page asks all of it. */
static void
test_page_by_kind (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) complaint = heed_case_new ("complaint");
  g_autoptr(HeedCase) compliment = heed_case_new ("compliment");
  HeedWindow *window = heed_window_new (application);
  GtkWidget *page;
  const char *const complaint_only[] = {
    "Risk", "The Plan Agreed with Them", "The Person Complaining", "On Behalf of Someone Else",
    "Consent and Authorisation", "Contact Restrictions", "Each Part of the Complaint",
    "Outcome and Remedy", "Ombudsman", "How They Found It",
  };
  const char *const both[] = { "What Has Happened", "History", "Learning", "Action Plan",
                               "How It Came In" };

  g_object_set (complaint, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                "summary", "Could not get an appointment", NULL);
  g_object_set (compliment, "channel", "letter", "received-at", "2025-06-04T10:00:00",
                "summary", "Thank you to the nurses", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (complaint), NULL));
  g_assert_true (heed_store_save (store, HEED_RECORD (compliment), NULL));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                   "case_page"));

  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (compliment))));
  iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (complaint_only); i++)
    {
      g_test_message ("compliment: no “%s”", complaint_only[i]);
      g_assert_null (find_widget (page, is_group_titled, complaint_only[i]));
    }
  g_assert_null (find_row_titled (page, "Seriousness"));
  g_assert_nonnull (find_widget (page, is_group_titled, "From"));
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    g_assert_nonnull (find_widget (page, is_group_titled, both[i]));
  {
    GtkLabel *facts = GTK_LABEL (gtk_widget_get_template_child (page, HEED_TYPE_CASE_PAGE,
                                                                "facts_label"));

    g_assert_nonnull (strstr (gtk_label_get_text (facts), "Compliment"));
    g_assert_null (strstr (gtk_label_get_text (facts), "risk"));
  }

  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (complaint))));
  iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (complaint_only); i++)
    {
      g_test_message ("complaint: “%s”", complaint_only[i]);
      g_assert_nonnull (find_widget (page, is_group_titled, complaint_only[i]));
    }
  g_assert_nonnull (find_row_titled (page, "Seriousness"));
  g_assert_null (find_widget (page, is_group_titled, "From"));
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    g_assert_nonnull (find_widget (page, is_group_titled, both[i]));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_undo (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) logged = heed_case_new ("complaint");
  g_autoptr(HeedCase) draft = heed_case_new ("compliment");
  g_autoptr(HeedCase) reloaded = NULL;
  HeedWindow *window = heed_window_new (application);
  HeedCasePage *page;
  GListModel *cases;
  GtkWidget *undo;

  g_object_set (logged, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                "summary", "Logged complaint", NULL);
  g_object_set (draft, "channel", "letter", "received-at", "2025-06-04T10:00:00",
                "summary", "Half-written thank-you", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (logged), NULL));
  g_assert_true (heed_store_change_status (store, logged, "logged", NULL, NULL));
  g_assert_true (heed_store_save (store, HEED_RECORD (draft), NULL));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  cases = heed_window_get_case_model (window);
  page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                        "case_page"));

  /* A status changed by mistake goes back with Undo. */
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (logged))));
  press_status (page, "acknowledged");
  undo = find_only_undo (GTK_WIDGET (window));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
  g_assert_cmpstr (heed_case_get_status (heed_case_page_get_case (page)), ==, "logged");
  reloaded = heed_store_load (heed_window_get_store (window), HEED_TYPE_CASE,
                              heed_record_get_id (HEED_RECORD (logged)), NULL);
  g_assert_cmpstr (heed_case_get_status (reloaded), ==, "logged");
  g_assert_false (heed_record_is_set (HEED_RECORD (reloaded), HEED_CASE_ACKNOWLEDGED_ON));

  /* Only a draft can be deleted; it leaves the list at once, and Undo brings it back. */
  g_assert_null (find_named (GTK_WIDGET (page), "delete-draft"));
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (draft))));
  {
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                    HEED_TYPE_WINDOW,
                                                                    "view_list"));

    gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 4));
  }
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
  g_signal_emit_by_name (find_named (GTK_WIDGET (page), "delete-draft"), "clicked");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  undo = find_only_undo (GTK_WIDGET (window));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 2);
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 2);

  /* Deleted again and the window closed before the toast went: it is gone from the file. */
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (draft))));
  g_signal_emit_by_name (find_named (GTK_WIDGET (page), "delete-draft"), "clicked");
  iterate ();
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, NULL);
  g_assert_cmpint (heed_store_count_cases (store, NULL, NULL), ==, 1);
  g_clear_object (&store);
  heed_test_remove_dir (dir);
}

static void
test_timelines (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  HeedWindow *window = heed_window_new (application);
  GtkListBox *views;
  GtkStack *content;
  HeedTimelineView *practice;
  HeedTimelineView *own;
  gint64 id;

  g_object_set (kase, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                "summary", "On the timeline", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), NULL));
  g_assert_true (heed_store_change_status (store, kase, "logged", NULL, NULL));
  id = heed_record_get_id (HEED_RECORD (kase));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  views = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                       "view_list"));
  content = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                      "content_stack"));
  practice = HEED_TIMELINE_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                HEED_TYPE_WINDOW,
                                                                "practice_timeline"));

  /* The Timeline view shows the practice's open cases, one lane each. */
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 6));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "timeline");
  g_assert_nonnull (heed_timeline_view_get_data (practice));
  g_assert_cmpint (heed_timeline_data_find_case (heed_timeline_view_get_data (practice), id), >=, 0);

  /* A lane opens its case (Enter on it: win.show-case), whose own timeline is a switch away. */
  heed_timeline_view_set_focus (practice,
                                heed_timeline_data_find_case (heed_timeline_view_get_data (practice),
                                                              id),
                                -1);
  g_assert_cmpint (heed_timeline_view_get_focus_case_id (practice), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (practice), "timeline.activate", NULL));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "case");
  own = HEED_TIMELINE_VIEW (find_type (GTK_WIDGET (gtk_widget_get_template_child (
                                         GTK_WIDGET (window), HEED_TYPE_WINDOW, "case_page")),
                                       HEED_TYPE_TIMELINE_VIEW));
  g_assert_cmpint (heed_timeline_view_get_case_id (own), ==, id);

  /* Adding an entry from the case's timeline opens the entry form. */
  g_signal_emit_by_name (own, "add-entry", id);
  iterate ();
  g_assert_nonnull (find_toplevel (HEED_TYPE_RECORD_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (HEED_TYPE_RECORD_DIALOG)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_phone_log_draft (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  HeedWindow *window = heed_window_new (application);
  HeedPhoneLogDialog *log;
  GtkWindow *again;
  GtkWidget *summary;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.phone-log", NULL);
  log = find_toplevel (HEED_TYPE_PHONE_LOG_DIALOG);
  type_into (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (log),
                                                        HEED_TYPE_PHONE_LOG_DIALOG,
                                                        "first_name_row")), "Carys");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (log), HEED_TYPE_PHONE_LOG_DIALOG,
                                   "happened_view"))), "Nobody rang back. Twice.", -1);
  /* The one-line summary is offered from the first sentence, whole... */
  summary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (log),
                                                       HEED_TYPE_PHONE_LOG_DIALOG,
                                                       "summary_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary)), ==, "Nobody rang back.");
  /* ... and once reception changes it, it stays as typed. */
  gtk_editable_set_text (GTK_EDITABLE (summary), "No call back after two promises");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (log), HEED_TYPE_PHONE_LOG_DIALOG,
                                   "happened_view"))), "Nobody rang back. Twice, in May.", -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (summary)), ==,
                   "No call back after two promises");
  heed_phone_log_dialog_keep_draft (log);
  /* As if the power went: the windows go without closing (no close request). */
  gtk_window_destroy (GTK_WINDOW (log));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  again = heed_window_resume_draft (window);
  g_assert_true (HEED_IS_PHONE_LOG_DIALOG (again));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (
    GTK_WIDGET (again), HEED_TYPE_PHONE_LOG_DIALOG, "first_name_row"))), ==, "Carys");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_template_child (
    GTK_WIDGET (again), HEED_TYPE_PHONE_LOG_DIALOG, "summary_row"))), ==,
                   "No call back after two promises");

  /* Closed on purpose: the typing is not wanted, and not offered again. */
  gtk_window_close (again);
  iterate ();
  g_assert_null (heed_window_resume_draft (window));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_letter (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *pdf = g_build_filename (dir, "acknowledgement.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GError) error = NULL;
  HeedWindow *window = heed_window_new (application);
  HeedLetterDialog *dialog;
  gint64 id;

  g_object_set (person, "title", "Mrs", "first-name", "Delyth", "last-name", "Morgan",
                "house", "4", "street", "Bridge Street", "town", "Llandeilo",
                "postcode", "SA19 6BN", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (person), NULL));
  g_object_set (kase, "channel", "letter", "received-at", "2025-06-03T10:00:00",
                "summary", "Waited an hour past my appointment time",
                "complainant", heed_record_get_id (HEED_RECORD (person)), NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), NULL));
  g_assert_true (heed_store_change_status (store, kase, "logged", NULL, NULL));
  id = heed_record_get_id (HEED_RECORD (kase));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_true (heed_window_show_case (window, id));

  /* From the case, the letter it needs next: the acknowledgement, previewed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.write-letter", NULL);
  dialog = find_toplevel (HEED_TYPE_LETTER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (heed_page_preview_get_n_pages (heed_letter_dialog_get_preview (dialog)), >=,
                    1);

  /* Save as PDF over the practice file itself, or its journal, is refused: the practice
   * stays as it was. */
  {
    g_autofree char *before = heed_test_file_digest (path);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (heed_letter_dialog_save_pdf (dialog, path, &error));
    g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED);
    g_clear_error (&error);
    g_assert_false (heed_letter_dialog_save_pdf (dialog, wal, &error));
    g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED);
    g_clear_error (&error);
    {
      g_autofree char *after = heed_test_file_digest (path);

      g_assert_cmpstr (after, ==, before);
    }
  }

  /* Saved as PDF, it is the letter to Mrs Morgan at her address. */
  g_assert_true (heed_letter_dialog_save_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  command = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Delyth Morgan"));
  g_assert_nonnull (strstr (text, "SA19 6BN"));
  g_assert_nonnull (strstr (text, "Flow Test Surgery"));

  /* Sent by post: kept with the case, exactly, and on its timeline. */
  g_assert_true (heed_letter_dialog_mark_sent (dialog, "post", &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_null (find_toplevel (HEED_TYPE_LETTER_DIALOG));
  letters = heed_store_list (heed_window_get_store (window), HEED_TYPE_LETTER, id, &error);
  g_assert_cmpuint (letters->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (pdf);
  heed_test_remove_dir (dir);
}

/* How many buttons with a mnemonic are under @root, each checked to be named as it reads:
 * "Save", not GTK 4.8's "_Save Save" (its own label joined to the label it shows). */
static guint
check_button_names (GtkWidget *root)
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
      g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (root),
                                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           shown->str);
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_button_names (child);
  return n;
}

/* What a screen reader hears for the buttons of the letter window, the template editor, the
 * record and survey dialogs and the Publicity page. */
static void
test_button_names (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(HeedPerson) person = heed_person_new ();
  HeedWindow *window = heed_window_new (application);
  GtkWindow *dialog;
  gint64 id;

  g_object_set (person, "title", "Mr", "first-name", "Huw", "last-name", "Jones", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (person), NULL));
  g_object_set (kase, "channel", "letter", "received-at", "2025-06-03T10:00:00",
                "summary", "Could not get an appointment",
                "complainant", heed_record_get_id (HEED_RECORD (person)), NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), NULL));
  g_assert_true (heed_store_change_status (store, kase, "logged", NULL, NULL));
  id = heed_record_get_id (HEED_RECORD (kase));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  /* Save as PDF… and Print… */
  g_assert_cmpuint (check_button_names (GTK_WIDGET (gtk_widget_get_template_child (
                                          GTK_WIDGET (window), HEED_TYPE_WINDOW, "publicity_page"))),
                    ==, 2);
  g_assert_true (heed_window_show_case (window, id));

  /* Cancel and Add. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-entry", NULL);
  dialog = find_toplevel (HEED_TYPE_RECORD_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (dialog)), ==, 2);
  gtk_window_destroy (dialog);

  /* Save as PDF…, Print… and Mark as Sent… */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.write-letter", NULL);
  dialog = find_toplevel (HEED_TYPE_LETTER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (dialog)), ==, 3);
  gtk_window_destroy (dialog);

  /* Save and Revert to Heed's Own. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.templates", NULL);
  dialog = find_toplevel (HEED_TYPE_TEMPLATE_EDITOR);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (dialog)), ==, 2);
  gtk_window_destroy (dialog);

  /* Cancel and Save. */
  dialog = GTK_WINDOW (heed_survey_dialog_new (GTK_WINDOW (window),
                                               heed_window_get_store (window), id));
  gtk_window_present (dialog);
  g_assert_cmpuint (check_button_names (GTK_WIDGET (dialog)), ==, 2);
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *command = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Someone who asked for Welsh and large print gets their letter that way without anyone
 * having to remember, and the case says what they asked for where everyone sees it. */
static void
test_letter_needs (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *pdf = g_build_filename (dir, "cydnabod.pdf", NULL);
  g_autofree char *welsh = NULL;
  g_autofree char *english = NULL;
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(GError) error = NULL;
  HeedWindow *window = heed_window_new (application);
  HeedLetterDialog *dialog;
  GtkWidget *needs;
  guint large_pages;
  gint64 id;

  g_object_set (person, "title", "Mrs", "first-name", "Delyth", "last-name", "Morgan",
                "house", "4", "street", "Bridge Street", "town", "Llandeilo",
                "postcode", "SA19 6BN", "language", "Cymraeg", "access-format", "large-print",
                NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (person), NULL));
  g_object_set (kase, "channel", "letter", "received-at", "2025-06-03T10:00:00",
                "summary", "Waited an hour past my appointment time",
                "complainant", heed_record_get_id (HEED_RECORD (person)), NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), NULL));
  g_assert_true (heed_store_change_status (store, kase, "logged", NULL, NULL));
  id = heed_record_get_id (HEED_RECORD (kase));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_true (heed_window_show_case (window, id));
  iterate ();
  needs = find_row_titled (GTK_WIDGET (window), "Mrs Delyth Morgan has asked for");
  g_assert_nonnull (needs);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (needs)), ==,
                   "Large print · Letters in Cymraeg");

  /* Its history: added, then logged, as the audit trail has it. */
  {
    GtkWidget *history = find_row_titled (GTK_WIDGET (window), "Changes to This Case");

    g_assert_nonnull (history);
    g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (history)),
                                     "2 changes, the latest on "));
    g_assert_nonnull (find_row_titled (history, "Changed case 1: Status"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.write-letter", NULL);
  dialog = find_toplevel (HEED_TYPE_LETTER_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (heed_letter_dialog_get_language (dialog), ==, HEED_LANGUAGE_WELSH);
  g_assert_true (heed_letter_dialog_get_large_print (dialog));
  g_assert_true (heed_letter_dialog_save_pdf (dialog, pdf, &error));
  g_assert_no_error (error);
  welsh = pdf_text (pdf);
  g_assert_nonnull (strstr (welsh, "3 Mehefin 2025"));
  g_assert_nonnull (strstr (welsh, "Delyth Morgan"));
  g_assert_null (strstr (welsh, "Thank you"));
  large_pages = heed_page_preview_get_n_pages (heed_letter_dialog_get_preview (dialog));

  /* The manager can still choose English for this one letter. */
  g_assert_true (heed_letter_dialog_set_language (dialog, HEED_LANGUAGE_ENGLISH));
  g_assert_true (heed_letter_dialog_save_pdf (dialog, pdf, &error));
  english = pdf_text (pdf);
  g_assert_nonnull (strstr (english, "3 June 2025"));
  g_assert_cmpuint (large_pages, >=, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (pdf);
  heed_test_remove_dir (dir);
}

/* Check the Practice File runs beside the window and says what it found. */
/* The check's dialog, once the worker thread is done. */
static AdwMessageDialog *
run_window_check (HeedWindow *window)
{
  AdwMessageDialog *dialog = NULL;
  gint64 give_up;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL);
  /* Not a timing check: a generous bound so a broken check fails instead of hanging. */
  give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_check_file (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *usb = g_build_filename (dir, "usb", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  HeedWindow *window = heed_window_new (application);
  AdwMessageDialog *dialog = NULL;
  const char *body;

  /* A backup kept in the backup folder: the window's check compares the trail with it. */
  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  {
    g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (heed_store_backup_to_folder (store, usb, 0, &backup, &error));
    g_assert_no_error (error);
  }
  g_settings_set_string (settings, "backup-folder", usb);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  dialog = run_window_check (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Practice File Is Sound");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  /* It says what it compared with: the backup, and the anchor log. */
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, backup));
  g_assert_nonnull (strstr (body, "this trail begins with its"));
  g_assert_nonnull (strstr (body, "anchor log"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A setting changed behind Heed's back: named, and the clean backup with it. */
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE settings SET value = 'wales' WHERE key = "
                                       "'nation'", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  dialog = run_window_check (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Practice File Has Problems");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "The setting “nation” was changed outside Heed"));
  g_assert_nonnull (strstr (body, "The newest backup that checks clean is"));
  g_assert_nonnull (strstr (body, backup));

  g_settings_reset (settings, "backup-folder");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

/* A row of the Action Plans page that opens the case its action came from. */
static gboolean
shows_a_case (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                       "win.show-case") == 0;
}

static void
test_reports_and_actions (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.heed", NULL);
  g_autofree char *csv = g_build_filename (dir, "figures.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HeedWindow *window;
  GtkListBox *views;
  GtkStack *content;
  HeedReportPage *report;
  HeedActionsPage *actions;

  {
    g_autoptr(HeedStore) store = heed_store_create (path, "Report Test Surgery",
                                                    HEED_NATION_ENGLAND, &error);
    HeedDemoOptions options;

    g_assert_no_error (error);
    heed_demo_options_init (&options);
    options.n_cases = 80;
    options.years = 2;
    options.seed = 11;
    g_assert_true (heed_demo_fill (store, &options, &error));
  }

  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  views = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                       "view_list"));
  content = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                      "content_stack"));
  report = HEED_REPORT_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                            HEED_TYPE_WINDOW, "report_page"));
  actions = HEED_ACTIONS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              HEED_TYPE_WINDOW, "actions_page"));

  /* Reports: this financial year's report as pages, and its figures saved as CSV. */
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 7));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "reports");
  g_assert_cmpuint (heed_page_preview_get_n_pages (heed_report_page_get_preview (report)), >=, 2);
  g_assert_true (heed_report_page_save (report, HEED_REPORT_FORMAT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "received-by-kind"));
  /* Never over the practice file, in any format. */
  {
    g_autofree char *before = heed_test_file_digest (path);

    for (int format = HEED_REPORT_FORMAT_PDF; format <= HEED_REPORT_FORMAT_CSV; format++)
      {
        g_assert_false (heed_report_page_save (report, format, path, &error));
        g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED);
        g_clear_error (&error);
      }
    {
      g_autofree char *after = heed_test_file_digest (path);

      g_assert_cmpstr (after, ==, before);
    }
  }

  /* The matters of general importance: a draft offered from the year's themes, rewritten and
   * saved, then printed in the year's report. */
  {
    GtkWindow *importance = heed_report_page_edit_general_importance (report);
    GtkTextView *text;
    GtkTextBuffer *buffer;
    GtkTextIter start, end;
    g_autofree char *draft = NULL;
    g_autofree char *kept = NULL;
    g_autofree char *saved_csv = NULL;
    GDate from, to;
    int year;

    g_assert_nonnull (importance);
    text = GTK_TEXT_VIEW (find_named (GTK_WIDGET (importance), "importance-text"));
    buffer = gtk_text_view_get_buffer (text);
    g_signal_emit_by_name (find_named (GTK_WIDGET (importance), "importance-draft"), "clicked");
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    draft = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (strstr (draft, "most often about") == NULL)
      g_error ("draft: “%s”", draft);
    gtk_text_buffer_set_text (buffer, "Getting through on the phone mattered most.", -1);
    g_signal_emit_by_name (find_named (GTK_WIDGET (importance), "importance-save"), "clicked");
    iterate ();
    /* Saved, the window is gone. */
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, i);

          g_assert_null (find_named (top, "importance-save"));
        }
    }
    /* The year shown is the financial year now running. */
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 1 : 0);
    }
    g_date_clear (&from, 1);
    g_date_clear (&to, 1);
    g_date_set_dmy (&from, 1, G_DATE_APRIL, (GDateYear) year);
    g_date_set_dmy (&to, 31, G_DATE_MARCH, (GDateYear) (year + 1));
    kept = heed_store_dup_report_summary (heed_window_get_store (window), &from, &to);
    g_assert_cmpstr (kept, ==, "Getting through on the phone mattered most.");
    {
      g_autofree char *html = g_build_filename (dir, "annual.html", NULL);

      g_assert_true (heed_report_page_save (report, HEED_REPORT_FORMAT_HTML, html, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (html, &saved_csv, NULL, NULL));
      g_assert_nonnull (strstr (saved_csv, "Getting through on the phone mattered most."));
      g_unlink (html);
    }
  }

  /* The CQC summary and the quarterly review, from the same figures, as PDF. */
  {
    g_autofree char *pdf = g_build_filename (dir, "cqc.pdf", NULL);

    g_assert_true (heed_report_page_set_document (report, HEED_REPORT_DOCUMENT_CQC));
    g_assert_cmpuint (heed_page_preview_get_n_pages (heed_report_page_get_preview (report)), >=,
                      1);
    g_assert_true (heed_report_page_save (report, HEED_REPORT_FORMAT_PDF, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_false (heed_report_page_save (report, HEED_REPORT_FORMAT_CSV, csv, &error));
    g_clear_error (&error);
    g_assert_true (heed_report_page_show_ko41b (report));
    g_assert_cmpuint (heed_page_preview_get_n_pages (heed_report_page_get_preview (report)), >=,
                      1);
    g_assert_true (heed_report_page_save (report, HEED_REPORT_FORMAT_CSV, csv, &error));
    g_assert_no_error (error);
    g_assert_true (heed_report_page_set_document (report, HEED_REPORT_DOCUMENT_QUARTERLY));
    g_assert_cmpuint (heed_page_preview_get_n_pages (heed_report_page_get_preview (report)), >=,
                      1);
    g_unlink (pdf);
  }

  /* Action plans: the demo's actions, overdue ones first. */
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 5));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "actions");
  g_assert_cmpuint (heed_actions_page_set_store (actions, heed_window_get_store (window)), >, 0);

  /* An action that came from a case, chosen, shows that case. */
  {
    GtkWidget *row = find_widget (GTK_WIDGET (actions), shows_a_case, NULL);
    HeedCasePage *page;
    gint64 case_id;

    g_assert_nonnull (row);
    g_variant_get (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)), "x", &case_id);
    g_assert_cmpint (case_id, >, 0);
    g_assert_true (gtk_widget_activate (row));
    iterate ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "case");
    page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                          "case_page"));
    g_assert_cmpint (heed_record_get_id (HEED_RECORD (heed_case_page_get_case (page))), ==,
                     case_id);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (csv);
  heed_test_remove_dir (dir);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_publicity (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *pdf = g_build_filename (dir, "poster.pdf", NULL);
  g_autoptr(GError) error = NULL;
  HeedWindow *window = heed_window_new (application);
  GtkListBox *views;
  GtkStack *content;
  HeedPublicityPage *publicity;
  HeedPagePreview *preview;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  views = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                       "view_list"));
  content = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                      "content_stack"));
  publicity = HEED_PUBLICITY_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  HEED_TYPE_WINDOW,
                                                                  "publicity_page"));
  preview = heed_publicity_page_get_preview (publicity);

  /* The sidebar's Publicity view shows the poster straight away. */
  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, 8));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "publicity");
  g_assert_cmpuint (heed_page_preview_get_n_pages (preview), ==, 1);

  /* The leaflet is two sides; the form has room to write, so more than one page. */
  g_assert_true (heed_publicity_page_show (publicity, HEED_PUBLICITY_LEAFLET, HEED_PAPER_A4,
                                           FALSE, HEED_LANGUAGE_ENGLISH));
  g_assert_cmpuint (heed_page_preview_get_n_pages (preview), ==, 2);
  g_assert_true (heed_publicity_page_show (publicity, HEED_PUBLICITY_FORM, HEED_PAPER_A4, TRUE,
                                           HEED_LANGUAGE_ENGLISH));
  g_assert_cmpuint (heed_page_preview_get_n_pages (preview), >=, 2);

  /* An A3 poster saved as PDF. */
  g_assert_true (heed_publicity_page_show (publicity, HEED_PUBLICITY_POSTER, HEED_PAPER_A3,
                                           FALSE, HEED_LANGUAGE_ENGLISH));
  g_assert_true (heed_publicity_page_save (publicity, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* A folder that is not there is a message, not a crash. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "poster.pdf", NULL);

    g_assert_false (heed_publicity_page_save (publicity, nowhere, &error));
    g_assert_nonnull (error);
    /* The page tells the window, which shows it until it is dismissed. */
    g_assert_null (find_widget (GTK_WIDGET (window), is_label_saying, error->message));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (publicity), "win.show-problem", "s",
                                               error->message));
    iterate ();
    g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_saying, error->message));
    g_clear_error (&error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (pdf);
  heed_test_remove_dir (dir);
}

static void
test_template_editor (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedLetterTemplate) builtin = heed_letter_template_new_builtin ("acknowledgement",
                                                                           NULL);
  g_autoptr(HeedLetterTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  HeedWindow *window = heed_window_new (application);
  HeedTemplateEditor *editor;
  const char *problem;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.templates", NULL);
  editor = find_toplevel (HEED_TYPE_TEMPLATE_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (heed_template_editor_load (editor, "acknowledgement"));

  /* A mistake is named with its line, and cannot be saved. */
  heed_template_editor_set_source (editor, "<template id=\"acknowledgement\">\n<body>\n<p>Oops");
  g_assert_false (heed_template_editor_check (editor));
  problem = heed_template_editor_get_problem (editor);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "line"));

  /* The practice's own wording is kept, and used from then on. */
  {
    g_auto(GStrv) parts = g_strsplit (heed_letter_template_get_source (builtin),
                                      "Thank you for", 2);

    changed = g_strjoinv ("Thank you for telling us", parts);
  }
  heed_template_editor_set_source (editor, changed);
  g_assert_true (heed_template_editor_check (editor));
  g_assert_true (heed_template_editor_save (editor, &error));
  g_assert_no_error (error);
  copy = heed_letter_template_load (heed_window_get_store (window), "acknowledgement", &error);
  g_assert_false (heed_letter_template_is_builtin (copy));
  g_assert_nonnull (strstr (heed_letter_template_get_source (copy), "Thank you for telling us"));

  /* The Welsh wording is the practice's to change too, and apart from the English. */
  heed_template_editor_set_language (editor, HEED_LANGUAGE_WELSH);
  g_assert_cmpint (heed_template_editor_get_language (editor), ==, HEED_LANGUAGE_WELSH);
  {
    g_autoptr(HeedLetterTemplate) welsh = heed_letter_template_new_builtin_in ("acknowledgement",
                                                                              HEED_LANGUAGE_WELSH,
                                                                              NULL);
    g_autoptr(HeedLetterTemplate) welsh_copy = NULL;
    g_autoptr(HeedLetterTemplate) english_copy = NULL;
    g_auto(GStrv) parts = g_strsplit (heed_letter_template_get_source (welsh), "Diolch i chi am",
                                      2);
    g_autofree char *welsh_changed = g_strjoinv ("Diolch yn fawr i chi am", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    /* Choosing Cymraeg shows Heed's Welsh wording, not the practice's English copy. */
    g_assert_null (heed_template_editor_get_problem (editor));
    {
      g_autofree char *shown = heed_template_editor_dup_source (editor);

      g_assert_nonnull (strstr (shown, "Diolch i chi am"));
      g_assert_null (strstr (shown, "Thank you for telling us"));
    }
    heed_template_editor_set_source (editor, welsh_changed);
    g_assert_true (heed_template_editor_save (editor, &error));
    g_assert_no_error (error);
    welsh_copy = heed_letter_template_load_in (heed_window_get_store (window), "acknowledgement",
                                               HEED_LANGUAGE_WELSH, &error);
    g_assert_no_error (error);
    g_assert_false (heed_letter_template_is_builtin (welsh_copy));
    g_assert_cmpint (heed_letter_template_get_language (welsh_copy), ==, HEED_LANGUAGE_WELSH);
    g_assert_nonnull (strstr (heed_letter_template_get_source (welsh_copy),
                              "Diolch yn fawr i chi am"));
    english_copy = heed_letter_template_load_in (heed_window_get_store (window),
                                                 "acknowledgement", HEED_LANGUAGE_ENGLISH,
                                                 &error);
    g_assert_nonnull (strstr (heed_letter_template_get_source (english_copy),
                              "Thank you for telling us"));

    /* Reverting the Welsh puts Heed's Welsh back and leaves the English copy alone. */
    gtk_widget_activate_action (GTK_WIDGET (editor), "template.revert", NULL);
    g_clear_object (&welsh_copy);
    welsh_copy = heed_letter_template_load_in (heed_window_get_store (window), "acknowledgement",
                                               HEED_LANGUAGE_WELSH, &error);
    g_assert_true (heed_letter_template_is_builtin (welsh_copy));
    g_clear_object (&english_copy);
    english_copy = heed_letter_template_load_in (heed_window_get_store (window),
                                                 "acknowledgement", HEED_LANGUAGE_ENGLISH,
                                                 &error);
    g_assert_false (heed_letter_template_is_builtin (english_copy));
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static guint
count_backups_after (HeedWindow *window,
                     const char *folder,
                     double      seconds)
{
  gint64 until = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  g_autoptr(GPtrArray) backups = NULL;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  backups = heed_store_list_backups (heed_window_get_store (window), folder, NULL);
  return backups != NULL ? backups->len : 0;
}

static void
test_automatic_backup (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *usb = g_build_filename (dir, "usb", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.heedapp.Heed");
  g_autoptr(GPtrArray) backups = NULL;
  HeedWindow *window;

  g_assert_cmpint (g_mkdir (usb, 0700), ==, 0);
  g_settings_set_string (settings, "backup-folder", usb);
  g_settings_set_int (settings, "backup-interval-days", 7);

  /* Opened with no backup yet: one is made, soon after the window is up. */
  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpuint (count_backups_after (window, usb, 2.5), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* Opened again the same day: the week is not up, so no second one. */
  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpuint (count_backups_after (window, usb, 2.5), ==, 1);
  backups = heed_store_list_backups (heed_window_get_store (window), usb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
  g_rmdir (usb);
  g_settings_reset (settings, "backup-folder");
  g_settings_reset (settings, "backup-interval-days");
  heed_test_remove_dir (dir);
}

static void
test_retention_page (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) old = heed_case_new ("compliment");
  g_autoptr(GArray) due = NULL;
  g_autoptr(GError) error = NULL;
  HeedWindow *window = heed_window_new (application);
  HeedPreferencesWindow *preferences;

  g_object_set (old, "channel", "letter", "received-at", "2012-05-01T10:00:00",
                "summary", "Thank you, long ago", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (old), NULL));
  g_assert_true (heed_store_change_status (store, old, "logged", NULL, NULL));
  g_assert_true (heed_store_change_status (store, old, "closed", NULL, NULL));
  g_object_set (old, "closed-on", "2012-05-02", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (old), NULL));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  preferences = find_toplevel (HEED_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  due = heed_store_list_due_for_destruction (heed_window_get_store (window), NULL, NULL);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_true (heed_preferences_window_destroy_case (preferences, g_array_index (due, gint64, 0),
                                                       "Retention period over", &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autofree char *backup = g_build_filename (dir, "monday.heed", NULL);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) later = heed_case_new ("compliment");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  HeedWindow *window = heed_window_new (application);
  const char *name;
  gboolean kept = FALSE;

  /* Monday's backup has no feedback; a compliment comes on Tuesday. */
  g_assert_true (heed_store_backup (store, backup, &error));
  g_object_set (later, "channel", "letter", "received-at", "2025-06-03T10:00:00",
                "summary", "Came after the backup", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (later), NULL));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 1);
  /* A change made in the window: when it closes the file to restore, the head is anchored. */
  g_assert_true (heed_store_set_setting (heed_window_get_store (window), "phone",
                                         "01632 960002", &error));

  /* A backup whose trail was rewritten is refused before anything is touched: the practice
   * stays open as it was, and no copy of it is made to be kept. */
  {
    g_autofree char *tampered = g_build_filename (dir, "tampered.heed", NULL);
    g_autofree char *contents = NULL;
    g_autofree char *before = heed_test_file_digest (path);
    sqlite3 *db = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (tampered, contents, (gssize) length, NULL));
    g_assert_cmpint (sqlite3_open (tampered, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update; UPDATE audit SET detail "
                                   "= 'nothing' WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_false (heed_window_restore_backup (window, tampered, &error));
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED);
    g_clear_error (&error);
    {
      g_autofree char *after = heed_test_file_digest (path);

      g_assert_cmpstr (after, ==, before);
    }
    g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 1);
    g_unlink (tampered);
  }

  /* A damaged practice is what a restore is most often for: its trail rewritten, it is still
   * kept beside as it is, and the checked backup replaces it. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update; UPDATE audit SET detail "
                                   "= 'nothing' WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (heed_window_restore_backup (window, backup, &error));
  g_assert_no_error (error);
  g_assert_true (heed_store_check_backup (path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 0);

  /* The anchor log has the close, then the restore; the restored file checks clean against
   * it, what was anchored beyond the backup set aside. */
  {
    g_autofree char *log = heed_anchor_log_dup_default ();
    g_autofree char *contents = NULL;
    g_autofree char *where = g_canonicalize_filename (path, NULL);
    g_autofree char *closed = g_strdup_printf ("\tclose\t%s\n", where);
    g_autofree char *restored = g_strdup_printf ("\trestore\t%s\n", where);
    g_autoptr(HeedStore) check = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, &error);
    g_autoptr(GString) report = g_string_new (NULL);
    HeedCheckOptions options = { .anchor_log = log, .is_practice = TRUE };

    g_assert_true (g_file_get_contents (log, &contents, NULL, &error));
    g_assert_nonnull (strstr (contents, closed));
    g_assert_nonnull (strstr (contents, restored));
    g_assert_true (strstr (contents, closed) < strstr (contents, restored));
    g_assert_true (heed_store_check_with (check, &options, report, &error));
    g_assert_nonnull (strstr (report->str, "set aside"));
  }

  /* Tuesday's file is kept beside it, whole. */
  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (strstr (name, ".before-restore-") != NULL && g_str_has_suffix (name, ".heed"))
      {
        g_autofree char *copy = g_build_filename (dir, name, NULL);
        g_autoptr(HeedStore) old = heed_store_open (copy, HEED_STORE_OPEN_READ_ONLY, NULL);

        g_assert_cmpint (heed_store_count_cases (old, NULL, NULL), ==, 1);
        kept = TRUE;
      }
  g_assert_true (kept);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

/* What cannot be done on a case's page is said by the window, as a toast. */
static void
test_page_problem (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  HeedWindow *window = heed_window_new (application);
  GtkWidget *page;

  g_object_set (kase, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                "summary", "Nobody called back", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), NULL));
  g_assert_true (heed_store_change_status (store, kase, "logged", NULL, NULL));
  g_clear_object (&store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (kase))));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                    "case_page"));
  /* A subject access export asked for before the person complaining is saved. */
  gtk_widget_activate_action (page, "case-page.subject-access", "s", "complainant");
  iterate ();
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_saying,
                                 "Save the case first: the export is made from what is saved."));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A document kept with an entry, opened from the case's log: the window (win.open-attachment)
 * makes a private copy of that very document, named by its id, for the program the computer
 * uses for its type. What the program does is the computer's; the copy is checked. */
static void
test_open_attachment (void)
{
  /* Not text, so that no editor is found for it. */
  static const char scan[] = { 'H', 'E', 'E', 'D', 0, 1, 2, 3, 0x7f, 0 };
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GBytes) bytes = g_bytes_new_static (scan, sizeof scan);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *kept = NULL;
  gsize kept_size = 0;
  gint64 attachment_id = 0;
  HeedWindow *window = heed_window_new (application);
  GtkWidget *page;
  GtkWidget *open;

  g_object_set (kase, "channel", "phone", "received-at", "2025-06-03T10:00:00",
                "summary", "The scan she sent", NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), NULL));
  g_assert_true (heed_store_change_status (store, kase, "logged", NULL, NULL));
  events = heed_store_list (store, HEED_TYPE_EVENT, heed_record_get_id (HEED_RECORD (kase)),
                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  g_assert_true (heed_store_add_attachment (store, heed_record_get_id (HEED_RECORD (kase)),
                                            heed_record_get_id (g_ptr_array_index (events, 0)),
                                            "scan.heed-test", "application/octet-stream", bytes,
                                            &attachment_id, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  copy_name = g_strdup_printf ("%" G_GINT64_FORMAT "-scan.heed-test", attachment_id);
  copy = g_build_filename (g_get_user_cache_dir (), "heed", "attachments", copy_name, NULL);
  g_unlink (copy);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (kase))));
  page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                    "case_page"));
  open = find_widget (page, is_button_for, "Open scan.heed-test");
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  iterate ();
  g_assert_true (g_file_get_contents (copy, &kept, &kept_size, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (kept, kept_size, scan, sizeof scan);

  g_unlink (copy);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

/* With HEED_TEST_SHOTS_DIR set, the window as it is now, saved as NAME.png there: to look at
 * what a walk saw. Nothing is asserted of it. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *dir = g_getenv ("HEED_TEST_SHOTS_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  if (dir == NULL || width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* Until @done says so, the main loop runs (another seat's change comes from the server). The
 * bound is generous and only stops a broken run from hanging; nothing is timed. */
static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  for (guint i = 0; i < 2000 && !done (data); i++)
    {
      iterate ();
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_true (done (data));
}

static gboolean
page_shows_summary (gpointer data)
{
  HeedCasePage *page = data;
  HeedCase *kase = heed_case_page_get_case (page);

  return kase != NULL && g_strcmp0 (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_SUMMARY),
                                    "Corrected in the office") == 0;
}

static gboolean
banner_shown (gpointer data)
{
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (data,
                                                                      HEED_TYPE_CASE_PAGE,
                                                                      "elsewhere_revealer"));

  return gtk_revealer_get_reveal_child (revealer);
}

static const char *
row_text (GtkWidget *row)
{
  GtkWidget *view = find_type (row, GTK_TYPE_TEXT_VIEW);
  static char *text;

  g_assert_nonnull (row);
  if (view == NULL)
    return gtk_editable_get_text (GTK_EDITABLE (row));
  g_free (text);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  return text;
}

/* The office changes the stored case, as another seat would. */
static void
change_in_office (HeedStore  *office,
                  gint64      id,
                  const char *field,
                  const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedCase) kase = heed_store_load (office, HEED_TYPE_CASE, id, &error);

  g_assert_no_error (error);
  g_object_set (kase, field, value, NULL);
  g_assert_true (heed_store_save (office, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
}

/* Reception and the office on one server practice. A change in the office shows on
 * reception's open page at once; when reception has typed meanwhile it is told who changed
 * the case, its save is refused rather than overwriting the office's, and it chooses: its
 * typing kept over the office's version (only what it typed), or the office's version. */
static void
test_two_seats (void)
{
  g_autofree char *database = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(HeedStore) office = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedCase) stored = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  HeedWindow *window;
  HeedCasePage *page;
  gint64 id;

  if (!heed_test_have_server ())
    {
      heed_test_skip_without_server ();
      return;
    }
  database = g_strdup_printf ("heed_two_seats_%d", (int) getpid ());
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s", database);
  heed_test_server_maintenance (sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE DATABASE %s", database);
  heed_test_server_maintenance (sql);
  uri = heed_test_server_uri (database);
  office = heed_store_create (uri, "Two Seats Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  heed_store_set_staff_name (office, "Morgan Manager");
  kase = heed_case_new ("complaint");
  g_object_set (kase, "channel", "phone", "received-at", "2026-12-01T09:30:00", "status",
                "logged", "summary", "Logged at reception", NULL);
  g_assert_true (heed_store_save (office, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
  id = heed_record_get_id (HEED_RECORD (kase));

  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, uri));
  g_assert_true (heed_window_show_case (window, id));
  page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                        "case_page"));

  /* Nothing typed at reception: the office's change simply shows. */
  change_in_office (office, id, "summary", "Corrected in the office");
  iterate_until (page_shows_summary, page);
  g_assert_cmpstr (row_text (find_named (GTK_WIDGET (page), "summary")), ==,
                   "Corrected in the office");
  g_assert_false (banner_shown (page));

  /* Reception types; the office changes another part meanwhile. */
  type_into (find_named (GTK_WIDGET (page), "description"), "Typed at reception");
  g_assert_true (heed_case_page_get_changed (page));
  change_in_office (office, id, "outcome-wanted", "An apology, from the office");
  iterate_until (banner_shown, page);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (
                      GTK_WIDGET (page), HEED_TYPE_CASE_PAGE, "elsewhere_label"))),
                    "Morgan Manager"));
  g_assert_cmpstr (row_text (find_named (GTK_WIDGET (page), "description")), ==,
                   "Typed at reception");

  /* Saving is refused, and nothing typed is lost. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-case", NULL);
  iterate ();
  save_shot (GTK_WIDGET (window), "two-seats-refused");
  g_assert_true (heed_case_page_get_changed (page));
  g_assert_true (banner_shown (page));
  stored = heed_store_load (office, HEED_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_null (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_DESCRIPTION));
  g_clear_object (&stored);

  /* Keep Mine: the office's version with reception's typing over it, then saved. */
  g_signal_emit_by_name (find_named (GTK_WIDGET (page), "keep-mine"), "clicked");
  iterate ();
  g_assert_false (banner_shown (page));
  g_assert_true (heed_case_page_get_changed (page));
  g_assert_cmpstr (row_text (find_named (GTK_WIDGET (page), "description")), ==,
                   "Typed at reception");
  g_assert_cmpstr (row_text (find_named (GTK_WIDGET (page), "outcome-wanted")), ==,
                   "An apology, from the office");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-case", NULL);
  iterate ();
  g_assert_false (heed_case_page_get_changed (page));
  stored = heed_store_load (office, HEED_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_DESCRIPTION), ==,
                   "Typed at reception");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_OUTCOME_WANTED), ==,
                   "An apology, from the office");
  g_clear_object (&stored);

  /* Reload Theirs: reception's typing goes, the office's version shows, no draft is left. */
  type_into (find_named (GTK_WIDGET (page), "outcome-wanted"), "A call back, typed at reception");
  change_in_office (office, id, "outcome-wanted", "A meeting, from the office");
  iterate_until (banner_shown, page);
  g_signal_emit_by_name (find_named (GTK_WIDGET (page), "reload-theirs"), "clicked");
  iterate ();
  g_assert_false (banner_shown (page));
  g_assert_false (heed_case_page_get_changed (page));
  g_assert_cmpstr (row_text (find_named (GTK_WIDGET (page), "outcome-wanted")), ==,
                   "A meeting, from the office");
  drafts = heed_store_list_form_drafts (office, "case", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&office);
  g_free (sql);
  sql = g_strdup_printf ("DROP DATABASE %s", database);
  heed_test_server_maintenance (sql);
}


static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
view_shown (HeedWindow *window,
            const char *label)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                               HEED_TYPE_WINDOW, "view_list"));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (find_widget (row, is_label_text, label) != NULL)
      return gtk_widget_get_visible (row);
  g_assert_not_reached ();
}

static const char *
person_shown (HeedWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      HEED_TYPE_WINDOW,
                                                                      "person_label")));
}

static gint64
add_staff_member (HeedStore  *store,
                  const char *name)
{
  g_autoptr(HeedStaff) staff = heed_staff_new ();

  g_object_set (staff, "name", name, "active", TRUE, NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (staff), NULL));
  return heed_record_get_id (HEED_RECORD (staff));
}

/* Reception and the practice manager signed in as themselves on one server practice: each
 * window offers what the person's duties allow and says who is signed in; a confidential case
 * is not in reception's list; the manager sets the idle time in Preferences, and a window
 * left alone that long signs out, keeping what was typed for when its person signs back in. */
static void
test_duties (void)
{
  g_autofree char *database = NULL;
  g_autofree char *reception = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *handler = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *reception_uri = NULL;
  g_autofree char *manager_uri = NULL;
  g_autofree char *sign_out = NULL;
  g_autoptr(HeedStore) owner = NULL;
  g_autoptr(HeedCase) open_case = NULL;
  g_autoptr(HeedCase) secret = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  HeedWindow *window;
  HeedPreferencesWindow *preferences;
  GtkWidget *access;
  GtkWidget *main_stack;
  HeedCasePage *page;
  gint64 manager_staff;
  gint64 handler_staff;

  if (!heed_test_have_server ())
    {
      heed_test_skip_without_server ();
      return;
    }
  database = g_strdup_printf ("heed_duties_walk_%d", (int) getpid ());
  reception = g_strdup_printf ("walk_reception_%d", (int) getpid ());
  manager = g_strdup_printf ("walk_manager_%d", (int) getpid ());
  handler = g_strdup_printf ("walk_handler_%d", (int) getpid ());
  sql = g_strdup_printf ("CREATE DATABASE %s", database);
  heed_test_server_maintenance (sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", reception);
  heed_test_server_maintenance (sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", manager);
  heed_test_server_maintenance (sql);
  g_free (sql);
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", handler);
  heed_test_server_maintenance (sql);
  uri = heed_test_server_uri (database);
  reception_uri = heed_test_server_uri_as (database, reception);
  manager_uri = heed_test_server_uri_as (database, manager);

  owner = heed_store_create (uri, "Duties Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  g_assert_true (heed_store_setup_duties (owner, &error));
  g_assert_no_error (error);
  g_assert_true (heed_store_grant_duty (owner, reception, HEED_DUTY_RECEPTION,
                                        add_staff_member (owner, "Lucy Adams"), &error));
  g_assert_no_error (error);
  manager_staff = add_staff_member (owner, "Claire Whitmore");
  handler_staff = add_staff_member (owner, "Dr Amelia Hart");
  g_assert_true (heed_store_grant_duty (owner, manager, HEED_DUTY_MANAGER, manager_staff,
                                        &error));
  g_assert_no_error (error);
  open_case = heed_case_new ("complaint");
  g_object_set (open_case, "channel", "phone", "received-at", "2026-12-01T09:30:00", "status",
                "logged", "summary", "Waited an hour for a call back", NULL);
  g_assert_true (heed_store_save (owner, HEED_RECORD (open_case), &error));
  secret = heed_case_new ("complaint");
  g_object_set (secret, "channel", "letter", "received-at", "2026-12-02T11:00:00", "status",
                "logged", "summary", "About a named doctor", "confidential", TRUE, "handler",
                manager_staff, NULL);
  g_assert_true (heed_store_save (owner, HEED_RECORD (secret), &error));
  g_assert_no_error (error);

  /* Reception: the lists and the phone log; no case opened, no reports, no templates. */
  window = heed_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, reception_uri));
  iterate ();
  g_assert_cmpstr (person_shown (window), ==, "Lucy Adams");
  g_assert_cmpint (heed_window_get_n_cases (window), ==, 1);
  g_assert_true (view_shown (window, "All Feedback"));
  g_assert_true (view_shown (window, "Publicity"));
  g_assert_false (view_shown (window, "Reports"));
  g_assert_false (view_shown (window, "Timeline"));
  g_assert_false (view_shown (window, "Action Plans"));
  {
    GtkWidget *phone = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                  HEED_TYPE_WINDOW,
                                                                  "phone_log_button"));

    g_assert_true (gtk_widget_get_visible (phone) && gtk_widget_get_sensitive (phone));
  }
  save_shot (GTK_WIDGET (window), "duties-reception");
  g_assert_false (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (open_case))));
  iterate ();
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_saying,
                                 "Your duty (reception) shows the list only: the practice "
                                 "manager or the case’s handler opens a case."));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  preferences = find_toplevel (HEED_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (gtk_widget_get_template_child (
    GTK_WIDGET (preferences), HEED_TYPE_PREFERENCES_WINDOW, "name_row"))));
  access = find_type (GTK_WIDGET (preferences), HEED_TYPE_ACCESS_GROUP);
  g_assert_nonnull (access);
  g_assert_false (gtk_widget_get_sensitive (find_row_titled (access,
                                                             "Sign out when not used for")));
  g_assert_null (find_row_titled (access, "Claire Whitmore"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* The manager: everything, the confidential case included, and who holds which duty. */
  window = heed_window_new (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, manager_uri));
  iterate ();
  g_assert_cmpstr (person_shown (window), ==, "Claire Whitmore");
  g_assert_cmpint (heed_window_get_n_cases (window), ==, 2);
  g_assert_true (view_shown (window, "Reports"));
  g_assert_true (view_shown (window, "Timeline"));
  save_shot (GTK_WIDGET (window), "duties-manager");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  preferences = find_toplevel (HEED_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  access = find_type (GTK_WIDGET (preferences), HEED_TYPE_ACCESS_GROUP);
  g_assert_nonnull (find_row_titled (access, "Lucy Adams"));
  g_assert_nonnull (find_row_titled (access, "Claire Whitmore"));
  /* Five minutes, the second choice after Never. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row_titled (access,
                                                              "Sign out when not used for")),
                              1);
  sign_out = heed_store_dup_setting (owner, "sign-out-minutes");
  g_assert_cmpstr (sign_out, ==, "5");
  /* Give a Duty as a manager does: the person's user name, the duty, their staff member. */
  g_assert_null (find_row_titled (access, "Dr Amelia Hart"));
  gtk_widget_activate_action (access, "access.give-duty", NULL);
  iterate ();
  {
    AdwMessageDialog *give = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    GtkWidget *user;
    GtkDropDown *duty;
    GtkDropDown *member;
    GListModel *names;
    g_autoptr(GPtrArray) holders = NULL;
    gboolean given = FALSE;

    g_assert_nonnull (give);
    user = find_type (GTK_WIDGET (give), GTK_TYPE_ENTRY);
    g_assert_nonnull (user);
    duty = GTK_DROP_DOWN (gtk_widget_get_next_sibling (user));
    member = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (duty)));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (user), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "User name on the server");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (duty), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Duty");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (member), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Member of staff");
    gtk_editable_set_text (GTK_EDITABLE (user), handler);
    gtk_drop_down_set_selected (duty, 1);
    names = gtk_drop_down_get_model (member);
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      {
        g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

        if (g_strcmp0 (gtk_string_object_get_string (name), "Dr Amelia Hart") == 0)
          gtk_drop_down_set_selected (member, i);
      }
    adw_message_dialog_response (give, "give");
    iterate ();
    holders = heed_store_list_duties (owner, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < holders->len; i++)
      {
        HeedDutyHolder *holder = g_ptr_array_index (holders, i);

        if (g_strcmp0 (holder->role, handler) == 0)
          given = holder->duties == HEED_DUTY_HANDLER && holder->staff_id == handler_staff;
      }
    g_assert_true (given);
    g_assert_nonnull (find_row_titled (access, "Dr Amelia Hart"));
  }
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* Left alone: typing on a case is kept, and signing back in brings it back. */
  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, manager_uri));
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (secret))));
  page = HEED_CASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                        "case_page"));
  type_into (find_named (GTK_WIDGET (page), "description"), "Typed before a long phone call");
  g_assert_false (heed_window_sign_out_if_idle (window, g_get_monotonic_time ()));
  g_assert_true (heed_window_sign_out_if_idle (window, g_get_monotonic_time ()
                                                       + 6 * 60 * G_USEC_PER_SEC));
  iterate ();
  main_stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HEED_TYPE_WINDOW,
                                                          "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "signed-out");
  g_assert_null (heed_window_get_store (window));
  save_shot (GTK_WIDGET (window), "duties-signed-out");
  drafts = heed_store_list_form_drafts (owner, "case", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((HeedFormDraft *) g_ptr_array_index (drafts, 0))->os_user, ==, manager);
  g_assert_true (heed_window_open_server (window, manager_uri));
  g_assert_true (heed_window_show_case (window, heed_record_get_id (HEED_RECORD (secret))));
  g_assert_cmpstr (row_text (find_named (GTK_WIDGET (page), "description")), ==,
                   "Typed before a long phone call");
  g_assert_true (heed_case_page_get_changed (page));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  g_clear_object (&owner);
  g_free (sql);
  sql = g_strdup_printf ("DROP DATABASE %s", database);
  heed_test_server_maintenance (sql);
  {
    const char *const roles[] = { "reception", "handler", "manager", "reader" };

    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      {
        g_free (sql);
        sql = g_strdup_printf ("DROP ROLE IF EXISTS heed_%s_%s", database, roles[i]);
        heed_test_server_maintenance (sql);
      }
  }
  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE %s, %s, %s", reception, manager, handler);
  heed_test_server_maintenance (sql);
}

/* On a server, the database's owner puts a backup back from the window, once nobody else is
 * connected: the practice as it was is kept beside the backup, the window stays open on the
 * restored practice, and the trail checks. */
static void
test_restore_on_server (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(HeedStore) owner = NULL;
  g_autoptr(HeedStore) other_seat = NULL;
  g_autoptr(HeedCase) before = heed_case_new ("complaint");
  g_autoptr(HeedCase) later = heed_case_new ("compliment");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  HeedWindow *window;
  const char *name;
  gboolean kept = FALSE;

  if (!heed_test_have_server ())
    {
      heed_test_skip_without_server ();
      return;
    }
  dir = heed_test_make_dir ();
  backup = g_build_filename (dir, "monday.heed", NULL);
  database = g_strdup_printf ("heed_restore_walk_%d", (int) getpid ());
  sql = g_strdup_printf ("CREATE DATABASE %s", database);
  heed_test_server_maintenance (sql);
  uri = heed_test_server_uri (database);
  owner = heed_store_create (uri, "Restored Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  g_object_set (before, "channel", "phone", "received-at", "2026-12-01T09:00:00", "summary",
                "Before the backup", NULL);
  g_assert_true (heed_store_save (owner, HEED_RECORD (before), &error));
  g_assert_true (heed_store_backup (owner, backup, &error));
  g_assert_no_error (error);
  g_object_set (later, "channel", "letter", "received-at", "2026-12-02T10:00:00", "summary",
                "Came after the backup", NULL);
  g_assert_true (heed_store_save (owner, HEED_RECORD (later), &error));
  g_clear_object (&owner);

  window = heed_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_server (window, uri));
  g_assert_cmpint (heed_window_get_n_cases (window), ==, 2);

  /* Another seat connected: refused, nothing changed. */
  other_seat = heed_store_open (uri, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (heed_window_restore_backup (window, backup, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "still connected"));
  g_clear_error (&error);
  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_null (strstr (name, ".before-restore-"));
  g_clear_pointer (&folder, g_dir_close);
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 2);
  g_clear_object (&other_seat);

  /* Nobody else: put back, in the same window. */
  g_assert_true (heed_window_restore_backup (window, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_window_get_n_cases (window), ==, 1);
  g_assert_cmpint (heed_store_count_cases (heed_window_get_store (window), NULL, NULL), ==, 1);
  g_assert_true (heed_store_check (heed_window_get_store (window), report, &error));
  g_assert_no_error (error);

  /* What it held before, kept beside the backup. */
  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, database) && strstr (name, ".before-restore-") != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(HeedStore) copy = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, NULL);

        kept = copy != NULL && heed_store_count_cases (copy, NULL, NULL) == 2;
      }
  g_assert_true (kept);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_free (sql);
  sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", database);
  heed_test_server_maintenance (sql);
  heed_test_remove_dir (dir);
}

/* On a practice file the computer's account is the only gate: Switch Person chooses who of the
 * staff is working here, and the trail names them beside that account. */
static void
test_file_staff (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = make_practice (dir);
  g_autoptr(HeedStore) store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(HeedCase) logged = heed_case_new ("complaint");
  g_autofree char *named = NULL;
  HeedWindow *window = heed_window_new (application);
  AdwMessageDialog *choose;
  GtkDropDown *choice;
  GListModel *names;

  add_staff_member (store, "Priya Shah");
  g_clear_object (&store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (heed_window_open_path (window, path));
  g_assert_cmpstr (person_shown (window), ==, g_get_real_name ());

  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-person", NULL);
  iterate ();
  choose = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (choose);
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (choose));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Member of staff");
  names = gtk_drop_down_get_model (choice);
  /* Nobody in particular first, then the active staff. */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);

      if (g_strcmp0 (gtk_string_object_get_string (name), "Priya Shah") == 0)
        gtk_drop_down_set_selected (choice, i);
    }
  adw_message_dialog_response (choose, "choose");
  iterate ();
  g_assert_cmpstr (person_shown (window), ==, "Priya Shah");

  g_object_set (logged, "channel", "phone", "received-at", "2026-12-07T09:00:00", "summary",
                "Logged by whoever was chosen", NULL);
  g_assert_true (heed_store_save (heed_window_get_store (window), HEED_RECORD (logged), NULL));
  named = heed_test_sql_text (path, "SELECT staff || ' / ' || os_user FROM audit "
                                    "ORDER BY id DESC LIMIT 1");
  g_assert_true (g_str_has_prefix (named, "Priya Shah / "));
  g_assert_cmpstr (named + strlen ("Priya Shah / "), ==, g_get_user_name ());

  /* Nobody in particular again: the computer's account alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-person", NULL);
  iterate ();
  choose = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (choose));
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), !=, 0);
  gtk_drop_down_set_selected (choice, 0);
  adw_message_dialog_response (choose, "choose");
  iterate ();
  g_assert_null (heed_store_get_staff_name (heed_window_get_store (window)));
  g_assert_cmpstr (person_shown (window), ==, g_get_real_name ());
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  heed_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  /* GTK's test backend keeps the accessible names and relations a screen reader would be
   * given, for the walks to read, and reaches no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  application = adw_application_new ("io.github.heedapp.Heed.FlowTest", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* Each runs in a process of its own: tests/meson.build makes one test of each line here. */
  g_test_add_func ("/ui/flow/first-run", test_first_run);
  g_test_add_func ("/ui/flow/complaint-form", test_complaint_form);
  g_test_add_func ("/ui/flow/draft-after-kill", test_draft_after_kill);
  g_test_add_func ("/ui/flow/complaint-to-closure", test_complaint_to_closure);
  g_test_add_func ("/ui/flow/preferences", test_preferences);
  g_test_add_func ("/ui/flow/undo", test_undo);
  g_test_add_func ("/ui/flow/timelines", test_timelines);
  g_test_add_func ("/ui/flow/phone-log-draft", test_phone_log_draft);
  g_test_add_func ("/ui/flow/letter", test_letter);
  g_test_add_func ("/ui/flow/template-editor", test_template_editor);
  g_test_add_func ("/ui/flow/page-by-kind", test_page_by_kind);
  g_test_add_func ("/ui/flow/automatic-backup", test_automatic_backup);
  g_test_add_func ("/ui/flow/retention", test_retention_page);
  g_test_add_func ("/ui/flow/restore", test_restore);
  g_test_add_func ("/ui/flow/reports-and-actions", test_reports_and_actions);
  g_test_add_func ("/ui/flow/publicity", test_publicity);
  g_test_add_func ("/ui/flow/letter-needs", test_letter_needs);
  g_test_add_func ("/ui/flow/check-file", test_check_file);
  g_test_add_func ("/ui/flow/page-problem", test_page_problem);
  g_test_add_func ("/ui/flow/open-attachment", test_open_attachment);
  g_test_add_func ("/ui/flow/button-names", test_button_names);
  g_test_add_func ("/ui/flow/two-seats", test_two_seats);
  g_test_add_func ("/ui/flow/duties", test_duties);
  g_test_add_func ("/ui/flow/file-staff", test_file_staff);
  g_test_add_func ("/ui/flow/restore-on-server", test_restore_on_server);

  return g_test_run ();
}
