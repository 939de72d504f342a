/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "heed-accessible.h"
#include "heed-backup-schedule.h"
#include "heed-case-list-model.h"
#include "heed-case-page.h"
#include "heed-connect-dialog.h"
#include "heed-create-practice-dialog.h"
#include "heed-demo.h"
#include "heed-event.h"
#include "heed-feedback-dialog.h"
#include "heed-import-dialog.h"
#include "heed-letter-dialog.h"
#include "heed-phone-log-dialog.h"
#include "heed-preferences-window.h"
#include "heed-record-dialog.h"
#include "heed-safe-output.h"
#include "heed-template-editor.h"
#include "heed-store.h"
#include "heed-window-private.h"

/* What the main window does: its actions (win.*, each with its shortcut), the undo of a
 * status change or of a draft deleted, the automatic backup when a practice is opened,
 * restoring a backup, and the check of the practice file in a worker thread. */

static void
on_undo_status_cb (AdwToast   *toast,
                   HeedWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_undo_status_change (self->case_page, &error))
    {
      _heed_window_show_problem (self, error->message);
      return;
    }
  heed_case_list_model_refresh (self->model, NULL);
  _heed_window_update_header (self);
}

static void
on_case_page_status_changed_cb (HeedWindow *self,
                                const char *from,
                                const char *to)
{
  HeedCase *kase = heed_case_page_get_case (self->case_page);
  g_autofree char *text = g_strdup_printf (_("%s is now %s"), heed_case_get_reference (kase),
                                           heed_case_status_get_label (to));
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_status_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  heed_case_list_model_refresh (self->model, NULL);
  _heed_window_update_header (self);
}

/* Deletes the draft put aside for deletion, once Undo can no longer be pressed. */
void
_heed_window_finish_deleting (HeedWindow *self)
{
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->deleting_id;

  if (id == 0 || self->store == NULL)
    return;
  self->deleting_id = 0;
  kase = heed_store_load (self->store, HEED_TYPE_CASE, id, &error);
  if (kase == NULL || !heed_store_delete_draft (self->store, kase, &error))
    _heed_window_show_problem (self, error->message);
  _heed_window_run_query (self);
}

static void
on_delete_toast_dismissed_cb (AdwToast   *toast,
                              HeedWindow *self)
{
  _heed_window_finish_deleting (self);
}

static void
on_undo_delete_cb (AdwToast   *toast,
                   HeedWindow *self)
{
  self->deleting_id = 0;
  _heed_window_run_query (self);
}

/* A draft the person asked to delete on its page (win.delete-draft, with the case's id): it
 * leaves the list at once and is deleted when Undo can no longer be pressed. */
static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  gint64 case_id = g_variant_get_int64 (parameter);
  AdwToast *toast;

  _heed_window_finish_deleting (self);
  self->deleting_id = case_id;
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  _heed_window_update_header (self);
  _heed_window_run_query (self);
  toast = adw_toast_new (_("Draft deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self,
                           0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What went wrong on a page (a case's, a report's, saving the publicity as PDF), until it is
 * dismissed: win.show-problem. */
static void
show_problem_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _heed_window_show_problem (HEED_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* An attachment chosen on a case's page or a timeline (win.open-attachment, with its id)
 * opens in the program the computer uses for its type, from a private copy that never leaves
 * this computer. */
static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  gint64 attachment_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *safe = NULL;
  g_autoptr(GBytes) data = NULL;

  if (self->store == NULL)
    return;
  data = heed_store_dup_attachment (self->store, attachment_id, &filename, NULL, &error);
  if (data == NULL)
    {
      _heed_window_show_problem (self, error->message);
      return;
    }
  dir = g_build_filename (g_get_user_cache_dir (), "heed", "attachments", NULL);
  safe = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", attachment_id,
                          filename != NULL ? filename : "attachment");
  g_strdelimit (safe, "/\\", '-');
  path = g_build_filename (dir, safe, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !heed_safe_output_write_file (path, g_bytes_get_data (data, NULL),
                                       g_bytes_get_size (data), &error))
    {
      _heed_window_show_problem (self, error != NULL ? error->message : g_strerror (errno));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    _heed_window_show_problem (self, error->message);
}

/* A case chosen on another page (an action of its action plan, a lane of the practice's
 * timeline): win.show-case. */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  heed_window_show_case (HEED_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    {
      if (!_heed_window_leave_case (self))
        return;
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      heed_case_list_model_refresh (self->model, NULL);
      _heed_window_update_header (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
      return;
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
save_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_save (self->case_page, &error))
    {
      /* The page says so itself, with the ways on (heed-case-page.c). */
      if (!g_error_matches (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE))
        _heed_window_show_problem (self, error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Changes saved")));
  heed_case_list_model_refresh (self->model, NULL);
  _heed_window_update_header (self);
}

static void
on_entry_added_cb (HeedWindow *self)
{
  heed_window_show_case (self, heed_record_get_id (HEED_RECORD (heed_case_page_get_case (self->case_page))));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Entry added")));
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  static const char *const entry_fields[] = {
    "kind", "occurred-at", "staff", "summary", "detail", NULL
  };
  HeedWindow *self = HEED_WINDOW (widget);
  HeedCase *kase = heed_case_page_get_case (self->case_page);
  g_autoptr(HeedEvent) event = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:00");
  HeedRecordDialog *dialog;

  if (kase == NULL || self->store == NULL)
    return;
  event = g_object_new (HEED_TYPE_EVENT, NULL);
  heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE,
                       heed_record_get_id (HEED_RECORD (kase)));
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND, "note");
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, at);
  dialog = heed_record_dialog_new (GTK_WINDOW (self), self->store, HEED_RECORD (event),
                                   _("Add an Entry"), _("_Add"), entry_fields);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_entry_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_letter_sent_cb (HeedWindow *self,
                   const char *title)
{
  g_autofree char *text = g_strdup_printf (_("%s sent and kept with the case"), title);

  heed_window_show_case (self, heed_record_get_id (HEED_RECORD (heed_case_page_get_case (self->case_page))));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The letter a case most likely needs next. */
static const char *
suggested_letter (HeedCase *kase)
{
  const char *status = heed_case_get_status (kase);

  if (heed_case_get_kind_value (kase) == HEED_KIND_COMPLIMENT)
    return "compliment-thanks";
  if (heed_case_status_from_id (status) == HEED_STATUS_LOGGED)
    return "acknowledgement";
  return "final-response";
}

static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedCase *kase = heed_case_page_get_case (self->case_page);
  g_autoptr(GError) error = NULL;
  HeedLetterDialog *dialog;

  if (kase == NULL || self->store == NULL)
    return;
  /* The letter is made from the case as saved. */
  if (heed_case_page_get_changed (self->case_page) && !heed_case_page_save (self->case_page, &error))
    {
      _heed_window_show_problem (self, error->message);
      return;
    }
  dialog = heed_letter_dialog_new (GTK_WINDOW (self), self->store,
                                   heed_record_get_id (HEED_RECORD (kase)),
                                   suggested_letter (kase));
  g_signal_connect_object (dialog, "sent", G_CALLBACK (on_letter_sent_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->subject_filter, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_filter), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_filter), "");
  _heed_window_run_query (self);
}

typedef struct {
  HeedLocation *location;
  char         *folder;
  guint         keep;
} AutoBackup;

static void
auto_backup_free (gpointer data)
{
  AutoBackup *job = data;

  g_clear_pointer (&job->location, heed_location_unref);
  g_free (job->folder);
  g_free (job);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AutoBackup *job = task_data;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *written = NULL;

  store = heed_store_open_location (job->location, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL
      || !heed_store_backup_to_folder (store, job->folder, job->keep, &written, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, written, g_free);
}

static void
on_auto_backup_done_cb (GObject      *source,
                        GAsyncResult *res,
                        gpointer      user_data)
{
  HeedWindow *self = HEED_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (res), &error);

  if (written == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The automatic backup was not made: %s"),
                                               error->message);

      _heed_window_show_problem (self, text);
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Backed up and checked")));
}

/* Automatic backups: when the practice is opened, if the last backup in the chosen folder is
 * older than the interval set in Preferences. It runs once the window is on screen. */
static gboolean
back_up_if_due_cb (gpointer user_data)
{
  HeedWindow *self = user_data;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) made = NULL;
  g_autoptr(GTask) task = NULL;
  AutoBackup *job;
  int interval;

  self->backup_source = 0;
  if (self->store == NULL || self->settings == NULL || heed_store_is_read_only (self->store)
      || !heed_store_may (self->store, HEED_TASK_RUN_PRACTICE))
    return G_SOURCE_REMOVE;
  interval = g_settings_get_int (self->settings, "backup-interval-days");
  folder = g_settings_get_string (self->settings, "backup-folder");
  if (heed_backup_schedule_state (interval, folder, NULL, now) == HEED_BACKUP_SCHEDULE_OFF)
    return G_SOURCE_REMOVE;

  backups = heed_store_list_backups (self->store, folder, NULL);
  if (backups != NULL && backups->len > 0)
    made = heed_backup_schedule_dup_made (g_ptr_array_index (backups, backups->len - 1));
  if (!heed_backup_schedule_is_due (heed_backup_schedule_state (interval, folder, made, now)))
    return G_SOURCE_REMOVE;

  /* The copy is checked through (the database and the whole trail), which at 100,000 cases
   * takes seconds: it is made on its own connection in a worker thread. */
  job = g_new0 (AutoBackup, 1);
  job->location = heed_location_ref (heed_store_get_location (self->store));
  job->folder = g_steal_pointer (&folder);
  job->keep = (guint) g_settings_get_int (self->settings, "backup-keep");
  task = g_task_new (self, NULL, on_auto_backup_done_cb, NULL);
  g_task_set_source_tag (task, back_up_if_due_cb);
  g_task_set_task_data (task, job, auto_backup_free);
  g_task_run_in_thread (task, auto_backup_thread);
  return G_SOURCE_REMOVE;
}

/* A second after opening, so the window is there first. */
void
_heed_window_schedule_backup (HeedWindow *self)
{
  g_clear_handle_id (&self->backup_source, g_source_remove);
  self->backup_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, back_up_if_due_cb, self,
                                                    NULL);
}

static void
on_native_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  HeedWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && g_file_peek_path (file) != NULL)
        heed_window_open_path (self, g_file_peek_path (file));
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Practice"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Heed practice files"));
  gtk_file_filter_add_mime_type (filter, "application/x-heed-practice");
  gtk_file_filter_add_pattern (filter, "*.heed");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_practice_created_cb (HeedWindow *self,
                        HeedStore  *store)
{
  _heed_window_use_store (self, g_object_ref (store));
}

static void
create_practice_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedCreatePracticeDialog *dialog = heed_create_practice_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_practice_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_server_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedConnectDialog *dialog = heed_connect_dialog_new (GTK_WINDOW (self));
  g_autoptr(HeedLocation) recent = _heed_window_dup_recent_server (self);

  if (recent != NULL)
    heed_connect_dialog_set_location (dialog, recent);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_practice_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The demo practice lives with Heed's own data, made the first time it is asked for. */
static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "heed", NULL);
  g_autofree char *path = g_build_filename (dir, "demo-practice.heed", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(HeedStore) store = NULL;
      HeedDemoOptions options;

      heed_demo_options_init (&options);
      options.n_cases = 300;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_autofree char *text = g_strdup_printf (_("The demo practice cannot be made in %s: %s"),
                                                   dir, g_strerror (errno));

          _heed_window_show_welcome (self, _("No Demo Practice"), text);
          return;
        }
      store = heed_store_create (path, _("Example Lane Surgery"), HEED_NATION_ENGLAND, &error);
      if (store == NULL || !heed_demo_fill (store, &options, &error))
        {
          _heed_window_show_welcome (self, _("No Demo Practice"), error->message);
          return;
        }
    }
  heed_window_open_path (self, path);
}

static void
on_feedback_saved_cb (HeedWindow *self,
                      HeedCase   *kase)
{
  g_autofree char *text = g_strdup_printf (_("Saved %s"), heed_case_get_reference (kase));

  _heed_window_run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static HeedFeedbackDialog *
present_feedback_dialog (HeedWindow    *self,
                         const char    *kind,
                         HeedFormDraft *draft)
{
  HeedFeedbackDialog *dialog = heed_feedback_dialog_new (GTK_WINDOW (self), self->store, kind,
                                                         draft);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_feedback_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_import_finished_cb (HeedWindow *self,
                       guint       n_cases,
                       const char *source)
{
  g_autofree char *text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u case from %s",
                                  "Imported %u cases from %s", n_cases),
                     n_cases, source);

  _heed_window_run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Import a Spreadsheet…, with @file already chosen when not NULL. */
static HeedImportDialog *
present_import_dialog (HeedWindow *self,
                       GFile      *file)
{
  HeedImportDialog *dialog = heed_import_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_finished_cb), self,
                           G_CONNECT_SWAPPED);
  if (file != NULL)
    heed_import_dialog_set_file (dialog, file, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->store == NULL || heed_store_is_read_only (self->store))
    return;
  present_import_dialog (self, NULL);
}

gboolean
heed_window_open_email (HeedWindow  *self,
                        GFile       *file,
                        GError     **error)
{
  g_autofree char *path = NULL;
  HeedEmail *email;
  HeedFeedbackDialog *dialog;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL || heed_store_is_read_only (self->store))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                   _("Open a practice you can change first."));
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Save the email to a folder first, then drop the saved file."));
      return FALSE;
    }
  email = heed_email_read (path, error);
  if (email == NULL)
    return FALSE;
  dialog = heed_feedback_dialog_new_for_email (GTK_WINDOW (self), self->store, email);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_feedback_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_window_drop_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   HeedWindow    *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->store == NULL)
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

      /* An email opens a new complaint for reception to check; a spreadsheet, the import. */
      if (g_str_has_suffix (lower, ".eml"))
        {
          if (!heed_window_open_email (self, l->data, &error))
            _heed_window_show_problem (self, error->message);
        }
      else if ((g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx")
                || g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".tsv"))
               && !heed_store_is_read_only (self->store))
        present_import_dialog (self, l->data);
      else
        _heed_window_show_problem (self, _("Drop an email (.eml) to log it as a complaint, or a spreadsheet "
                              "(.csv, .xlsx, .ods) to import it."));
    }
  g_slist_free (files);
  return TRUE;
}

static void
new_feedback_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->store == NULL)
    return;
  present_feedback_dialog (self, g_variant_get_string (parameter, NULL), NULL);
}

static void
on_phone_log_logged_cb (HeedWindow *self,
                        HeedCase   *kase);

static GtkWindow *
present_draft (HeedWindow    *self,
               HeedFormDraft *draft)
{
  if (g_strcmp0 (draft->form, "phone-log") == 0)
    {
      HeedPhoneLogDialog *dialog = heed_phone_log_dialog_new_from_draft (GTK_WINDOW (self),
                                                                         self->store, draft);

      g_signal_connect_object (dialog, "logged", G_CALLBACK (on_phone_log_logged_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return GTK_WINDOW (dialog);
    }
  return GTK_WINDOW (present_feedback_dialog (self, NULL, draft));
}

static void
on_carry_on_cb (AdwToast   *toast,
                HeedWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "heed-draft"));
  g_autoptr(GPtrArray) drafts = heed_store_list_form_drafts (self->store, NULL, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->id == id)
        present_draft (self, draft);
    }
}

/* Typing kept from a session that ended without saving (a crash, a power cut) is offered
 * back, newest first. A case's own edits come back when the case is opened. */
void
_heed_window_offer_drafts (HeedWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  /* A reader keeps no drafts: there is nothing they could type. */
  if (!heed_store_may (self->store, HEED_TASK_SEE_LIST))
    return;
  drafts = heed_store_list_form_drafts (self->store, NULL, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (g_strcmp0 (draft->os_user, heed_store_get_account (self->store)) != 0
          || g_strcmp0 (draft->form, "case") == 0)
        continue;
      text = g_strdup_printf (_("Unsaved: %s"), draft->title[0] != '\0' ? draft->title
                                                                       : _("new feedback"));
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Carry On"));
      g_object_set_data (G_OBJECT (toast), "heed-draft", GSIZE_TO_POINTER ((gsize) draft->id));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_carry_on_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

GtkWindow *
heed_window_resume_draft (HeedWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (HEED_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  drafts = heed_store_list_form_drafts (self->store, NULL, NULL);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->form, "case") == 0)
        continue;
      return present_draft (self, draft);
    }
  return NULL;
}

static void
on_phone_log_logged_cb (HeedWindow *self,
                        HeedCase   *kase)
{
  g_autofree char *text = g_strdup_printf (_("Logged %s"), heed_case_get_reference (kase));

  _heed_window_run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
phone_log_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedPhoneLogDialog *dialog;

  if (self->store == NULL)
    return;
  if (heed_store_is_read_only (self->store))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This practice is open read-only.")));
      return;
    }
  dialog = heed_phone_log_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (on_phone_log_logged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name and the nation may have changed: the title and the deadlines follow. */
static void
on_preferences_closed_cb (HeedWindow *self)
{
  g_autofree char *name = heed_store_dup_setting (self->store, "name");

  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Heed"));
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("Heed"));
  _heed_window_run_query (self);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedPreferencesWindow *preferences;

  if (self->store == NULL)
    return;
  preferences = heed_preferences_window_new (GTK_WINDOW (self), self->store, self->settings);
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (on_preferences_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Puts a backup in place of the practice file. The file as it is now is first copied beside
 * it, so a restore chosen by mistake loses nothing either. */
/* On a server, by its database's owner with nobody else connected: the practice as it is kept
 * beside the backup first, then the backup put back through this window's own connection,
 * which stays open on it. */
static gboolean
restore_on_server (HeedWindow  *self,
                   const char  *backup,
                   const char  *stamp,
                   GError     **error)
{
  HeedLocation *location = heed_store_get_location (self->store);
  g_autofree char *folder = g_path_get_dirname (backup);
  g_autofree char *name = g_strdup_printf ("%s.before-restore-%s.heed",
                                           heed_location_get_database (location), stamp);
  g_autofree char *kept = g_build_filename (folder, name, NULL);
  g_autofree char *anchors = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!heed_store_check_backup (backup, error) || !heed_store_backup (self->store, kept, error))
    return FALSE;
  _heed_window_finish_deleting (self);
  if (!heed_store_restore_over (self->store, backup, &local_error))
    {
      /* Refused before anything was changed (someone still connected): nothing to keep. */
      if (g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_BUSY)
          || g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED))
        g_unlink (kept);
      g_propagate_error (error, g_steal_pointer (&local_error));
      _heed_window_show_store (self);
      return FALSE;
    }
  anchors = heed_anchor_log_dup_default ();
  heed_store_write_anchor (self->store, anchors, "restore", NULL, NULL);
  _heed_window_show_store (self);
  return TRUE;
}

gboolean
heed_window_restore_backup (HeedWindow  *self,
                            const char  *backup,
                            GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);

  if (self->store == NULL || heed_store_is_read_only (self->store))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                   _("Open the practice so that it can be changed before restoring a backup."));
      return FALSE;
    }
  if (!_heed_window_leave_case (self))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("Put the case right and save it before restoring a backup."));
      return FALSE;
    }
  if (heed_store_is_on_server (self->store))
    return restore_on_server (self, backup, stamp, error);
  /* A backup that fails its check is refused before anything is closed or copied. */
  if (!heed_store_check_backup (backup, error))
    return FALSE;
  path = g_strdup (heed_store_get_path (self->store));
  kept = g_strdup_printf ("%s.before-restore-%s.heed", path, stamp);
  /* Kept as it is: a damaged practice is what a restore is most often for. */
  if (!heed_store_keep_copy (self->store, kept, error))
    return FALSE;

  /* The file must be closed to be replaced. */
  _heed_window_finish_deleting (self);
  gtk_column_view_set_model (self->case_view, NULL);
  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  if (!heed_store_restore (backup, path, TRUE, error))
    {
      heed_window_open_path (self, path);
      return FALSE;
    }
  if (!heed_window_open_path (self, path))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The backup was put in place but cannot be opened."));
      return FALSE;
    }
  /* Put in place on purpose: what the anchor log holds beyond its end is set aside. */
  {
    g_autofree char *anchors = heed_anchor_log_dup_default ();

    heed_store_write_anchor (self->store, anchors, "restore", NULL, NULL);
  }
  return TRUE;
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        HeedWindow       *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "heed-backup");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!heed_window_restore_backup (self, backup, &error))
    _heed_window_show_problem (self, error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Restored; the file as it was is kept beside "
                                                  "it")));
}

static void
on_backup_chosen_cb (GtkNativeDialog *native,
                     int              response,
                     HeedWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      if (file == NULL || g_file_peek_path (file) == NULL)
        {
          g_object_unref (native);
          return;
        }
      body = g_strdup_printf (_("The practice file will be replaced by “%s”. Anything recorded "
                                "since that backup will be missing from it; the file as it is "
                                "now is kept beside it."),
                              name);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "restore", _("_Restore"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "heed-backup",
                              g_strdup (g_file_peek_path (file)), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), self);
      heed_accessible_name_all (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (native);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Restore From a Backup"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Heed practice files"));
  gtk_file_filter_add_pattern (filter, "*.heed");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_backup_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The integrity of the file and the unbroken audit trail, checked and said plainly. At
 * 100,000 cases the check takes seconds, so it reads the file on its own connection in a
 * worker thread and the window stays usable meanwhile. It compares the trail with the
 * backups in the backup folder and with the anchor log, and says what it compared with. */
typedef struct {
  HeedLocation *location;
  char         *folder; /* the backup folder, or NULL */
} CheckRequest;

typedef struct {
  gboolean  ok;
  char     *report;
  char     *problem;
  char     *clean_backup;
  gboolean  looked_for_backups;
} CheckResult;

static void
check_request_free (gpointer data)
{
  CheckRequest *request = data;

  g_clear_pointer (&request->location, heed_location_unref);
  g_free (request->folder);
  g_free (request);
}

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  g_free (result->report);
  g_free (result->problem);
  g_free (result->clean_backup);
  g_free (result);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckRequest *request = task_data;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) older = g_ptr_array_new ();
  g_autofree char *anchors = heed_anchor_log_dup_default ();
  CheckResult *result = g_new0 (CheckResult, 1);
  HeedCheckOptions options = { 0 };

  store = heed_store_open_location (request->location, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    {
      /* Each backup kept is an older copy the trail must extend unchanged; one that cannot be
       * read is left out, and the report says so. */
      if (request->folder != NULL)
        backups = heed_store_list_backups (store, request->folder, NULL);
      for (guint i = 0; backups != NULL && i < backups->len; i++)
        g_ptr_array_add (older, g_ptr_array_index (backups, i));
      g_ptr_array_add (older, NULL);
      options.older = (const char *const *) older->pdata;
      options.anchor_log = anchors;
      options.is_practice = TRUE;
      options.skip_unreadable = TRUE;
      result->ok = heed_store_check_with (store, &options, report, &error);
      if (!result->ok && request->folder != NULL)
        {
          result->looked_for_backups = TRUE;
          result->clean_backup = heed_store_find_clean_backup (store, request->folder);
        }
    }
  result->report = g_string_free (g_steal_pointer (&report), FALSE);
  result->problem = error != NULL ? g_strdup (error->message) : NULL;
  g_task_return_pointer (task, result, check_result_free);
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  HeedWindow *self = HEED_WINDOW (source);
  CheckResult *result = g_task_propagate_pointer (G_TASK (res), NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check", TRUE);
  if (result == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   result->ok ? _("The Practice File Is Sound")
                                              : _("The Practice File Has Problems"),
                                   NULL);
  if (result->ok)
    g_string_append (body, _("The database is intact and every change is in the audit trail, "
                             "unbroken, as Heed made it."));
  else if (result->problem != NULL)
    g_string_append (body, result->problem);
  if (result->report[0] != '\0')
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, result->report);
    }
  if (!result->ok && result->clean_backup != NULL)
    g_string_append_printf (body, _("\nThe newest backup that checks clean is %s."),
                            result->clean_backup);
  else if (!result->ok && result->looked_for_backups)
    g_string_append (body, _("\nNo backup in the backup folder checks clean."));
  else if (!result->ok)
    g_string_append (body, _("\nNo backup was found: choose a backup folder in Preferences."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  heed_accessible_name_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  check_result_free (result);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  CheckRequest *request;

  if (self->store == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "win.check", FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Checking the practice file…")));
  request = g_new0 (CheckRequest, 1);
  request->location = heed_location_ref (heed_store_get_location (self->store));
  if (self->settings != NULL)
    {
      request->folder = g_settings_get_string (self->settings, "backup-folder");
      if (request->folder[0] == '\0')
        g_clear_pointer (&request->folder, g_free);
    }
  task = g_task_new (self, NULL, on_check_done_cb, NULL);
  g_task_set_source_tag (task, check_action);
  g_task_set_task_data (task, request, check_request_free);
  g_task_run_in_thread (task, check_thread);
}

/* The search index made again from the cases, when the check found it wrong. */
static void
rebuild_index_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!heed_store_rebuild_search_index (self->store, &error))
    {
      _heed_window_show_problem (self, error->message);
      return;
    }
  _heed_window_run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The search index was rebuilt")));
}

/* The letter templates, previewed on the case open now or else the newest complaint, so the
 * preview is a real letter of this practice. */
static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GArray) ids = NULL;
  HeedCase *shown = heed_case_page_get_case (self->case_page);
  gint64 sample = 0;

  if (self->store == NULL)
    return;
  query->newest_first = TRUE;
  query->kind = g_strdup ("complaint");
  ids = heed_store_query_case_ids (self->store, query, NULL);
  if (shown != NULL)
    sample = heed_record_get_id (HEED_RECORD (shown));
  else if (ids != NULL && ids->len > 0)
    sample = g_array_index (ids, gint64, 0);
  gtk_window_present (GTK_WINDOW (heed_template_editor_new (GTK_WINDOW (self), self->store,
                                                            sample)));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  _heed_window_update_header (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_heed_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_case_page_status_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.connect-server", NULL,
                                   connect_server_action);
  gtk_widget_class_install_action (widget_class, "win.create-practice", NULL,
                                   create_practice_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.phone-log", NULL, phone_log_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.phone-log", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-feedback", "s", new_feedback_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-feedback",
                                       "s", "complaint");
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.save-case", NULL, save_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-case", NULL);
  gtk_widget_class_install_action (widget_class, "win.add-entry", NULL, add_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.add-entry", NULL);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.write-letter", NULL, write_letter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.write-letter", NULL);
  gtk_widget_class_install_action (widget_class, "win.templates", NULL, templates_action);
  gtk_widget_class_install_action (widget_class, "win.show-case", "x", show_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-problem", "s", show_problem_action);
  gtk_widget_class_install_action (widget_class, "win.open-attachment", "x",
                                   open_attachment_action);
  gtk_widget_class_install_action (widget_class, "win.delete-draft", "x", delete_draft_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "win.rebuild-index", NULL,
                                   rebuild_index_action);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL, import_table_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL,
                                   clear_filters_action);
}

void
_heed_window_init_actions (HeedWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.phone-log", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-feedback", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-case", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-letter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-table", FALSE);
  {
    /* An email or a spreadsheet dropped on the window (a case takes an email itself). */
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (on_window_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}
