/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-choice.h"
#include "heed-preferences-window.h"
#include "heed-safe-output.h"
#include "heed-record-dialog.h"
#include "heed-access-group.h"
#include "heed-staff.h"
#include "heed-store-duties.h"
#include "heed-store-exchange.h"
#include "heed-validate.h"

/* The practice's own details (kept in the practice file, audited), its staff, and where its
 * backups go (kept in GSettings: they belong to this PC, not to the practice). */

struct _HeedPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow         *name_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwComboRow         *nation_row;
  AdwComboRow         *type_row;
  AdwActionRow        *iscas_row;
  GtkSwitch           *iscas_switch;
  AdwEntryRow         *manager_row;
  AdwEntryRow         *responsible_row;
  GtkPicture          *logo_picture;
  GtkWidget           *remove_logo_button;
  AdwPreferencesGroup *staff_group;
  AdwPreferencesPage  *staff_page;
  AdwEntryRow         *new_subject_row;
  AdwPreferencesGroup *subjects_group;
  AdwPreferencesGroup *retention_group;
  GPtrArray           *retention_rows;
  GPtrArray           *subject_rows;
  AdwActionRow        *folder_row;
  GtkSpinButton       *interval_spin;
  GtkSpinButton       *keep_spin;
  AdwActionRow        *last_backup_row;

  HeedStore           *store;
  GSettings           *settings;
  GPtrArray           *staff_rows;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (HeedPreferencesWindow, heed_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Only a manager changes the practice's settings, and not in a practice open read-only. */
static gboolean
may_change (HeedPreferencesWindow *self)
{
  return !heed_store_is_read_only (self->store)
         && heed_store_may (self->store, HEED_TASK_RUN_PRACTICE);
}

static const char *const nations[] = { "england", "wales", "scotland", "northern-ireland" };
static const char *const practice_types[] = { "gp", "dental" };

static const char *const staff_fields[] = {
  "name", "role", "staff-group", "email", "phone", "active", NULL
};

static void
toast (HeedPreferencesWindow *self,
       const char            *text)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static const char *
key_for_row (HeedPreferencesWindow *self,
             AdwEntryRow           *row)
{
  if (row == self->name_row)
    return "name";
  if (row == self->address_row)
    return "address";
  if (row == self->phone_row)
    return "phone";
  if (row == self->email_row)
    return "email";
  if (row == self->manager_row)
    return "complaints-manager";
  if (row == self->responsible_row)
    return "responsible-person";
  return NULL;
}

/* Checks and keeps one detail; returns FALSE with the problem shown on the row. */
gboolean
heed_preferences_window_apply (HeedPreferencesWindow *self,
                               AdwEntryRow           *row)
{
  const char *key = key_for_row (self, row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEED_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (g_strcmp0 (key, "name") == 0 && text[0] == '\0')
    g_set_error (&error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_EMPTY,
                 _("The practice needs a name."));
  else if (g_strcmp0 (key, "phone") == 0 && text[0] != '\0')
    heed_parse_phone (text, &value, &error);
  else if (g_strcmp0 (key, "email") == 0 && text[0] != '\0')
    heed_parse_email (text, &value, &error);
  else if (g_strcmp0 (key, "address") == 0)
    {
      g_auto(GStrv) lines = g_strsplit (text, ",", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_strstrip (lines[i]);
      value = g_strjoinv ("\n", lines);
    }
  if (error == NULL)
    heed_store_set_setting (self->store, key, value != NULL ? value : text, &error);
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      toast (self, error->message);
      return FALSE;
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
  toast (self, _("Saved"));
  return TRUE;
}

static void
on_setting_applied_cb (HeedPreferencesWindow *self,
                       AdwEntryRow           *row)
{
  heed_preferences_window_apply (self, row);
}

static void
on_nation_selected_cb (HeedPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->nation_row);
  g_autoptr(GError) error = NULL;

  if (self->loading || selected >= G_N_ELEMENTS (nations))
    return;
  if (!heed_store_set_setting (self->store, "nation", nations[selected], &error))
    toast (self, error->message);
  else
    toast (self, _("Deadlines and bank holidays now follow this nation"));
}

/* ISCAS is for a GP practice's private patients; a dental practice's go to the Dental
 * Complaints Service. */
static void
on_iscas_toggled_cb (HeedPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;
  if (!heed_store_set_setting (self->store, "iscas-member",
                               gtk_switch_get_active (self->iscas_switch) ? "true" : "false",
                               &error))
    toast (self, error->message);
}

static void
on_type_selected_cb (HeedPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->iscas_row), selected == 0);
  if (self->loading || selected >= G_N_ELEMENTS (practice_types))
    return;
  if (!heed_store_set_setting (self->store, "practice-type", practice_types[selected], &error))
    toast (self, error->message);
  else
    toast (self, selected == 1 ? _("Heed now asks whether each complaint is about NHS or "
                                   "private care")
                               : _("The KO41(b) now follows the GP collection"));
}

static void
load_entry (HeedPreferencesWindow *self,
            AdwEntryRow           *row)
{
  g_autofree char *value = heed_store_dup_setting (self->store, key_for_row (self, row));

  /* Kept a line per line; typed on one line with commas. */
  if (value != NULL && row == self->address_row)
    {
      g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

      g_free (value);
      value = g_strjoinv (", ", lines);
    }
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

static void
load_logo (HeedPreferencesWindow *self)
{
  g_autoptr(GBytes) logo = heed_store_dup_setting_blob (self->store, "logo", NULL, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  if (logo != NULL)
    texture = gdk_texture_new_from_bytes (logo, NULL);
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_sensitive (self->remove_logo_button, logo != NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
                                 GTK_WIDGET (self->logo_picture), ADW_TYPE_ACTION_ROW)),
                               logo != NULL ? _("Printed at the top of every letter")
                                            : _("None: letters show the practice’s name"));
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static void fill_subjects (HeedPreferencesWindow *self);

static void
on_remove_subject_clicked_cb (GtkButton             *button,
                              HeedPreferencesWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "heed-code");
  g_autoptr(GError) error = NULL;

  if (!heed_store_retire_category (self->store, "subject", code, this_year (), &error))
    toast (self, error->message);
  else
    toast (self, _("Removed from the list; past years still count it"));
  fill_subjects (self);
}

static void
fill_subjects (HeedPreferencesWindow *self)
{
  g_autoptr(GPtrArray) codes = heed_store_list_categories (self->store, "subject", this_year ());

  for (guint i = 0; i < self->subject_rows->len; i++)
    adw_preferences_group_remove (self->subjects_group,
                                  g_ptr_array_index (self->subject_rows, i));
  g_ptr_array_set_size (self->subject_rows, 0);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *label = heed_store_dup_category_label (self->store, "subject", code);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label != NULL ? label : code);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (g_str_has_prefix (code, "practice-"))
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *name = g_strdup_printf (_("Remove “%s”"), label);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The practice’s own"));
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (remove, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_set_sensitive (remove, may_change (self));
          g_object_set_data_full (G_OBJECT (remove), "heed-code", g_strdup (code), g_free);
          g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_subject_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      adw_preferences_group_add (self->subjects_group, row);
      g_ptr_array_add (self->subject_rows, row);
    }
  heed_accessible_name_all (GTK_WIDGET (self->subjects_group));
}

gboolean
heed_preferences_window_add_subject (HeedPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEED_IS_PREFERENCES_WINDOW (self), FALSE);

  if (!heed_store_add_category (self->store, "subject",
                                gtk_editable_get_text (GTK_EDITABLE (self->new_subject_row)),
                                NULL, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_subject_row), "error");
      toast (self, error->message);
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_subject_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_subject_row), "");
  fill_subjects (self);
  toast (self, _("Added"));
  return TRUE;
}

static void
on_new_subject_applied_cb (HeedPreferencesWindow *self)
{
  heed_preferences_window_add_subject (self);
}

static void fill_retention (HeedPreferencesWindow *self);

gboolean
heed_preferences_window_destroy_case (HeedPreferencesWindow  *self,
                                      gint64                  case_id,
                                      const char             *reason,
                                      GError                **error)
{
  g_return_val_if_fail (HEED_IS_PREFERENCES_WINDOW (self), FALSE);

  if (!heed_store_destroy_case (self->store, case_id, reason, error))
    return FALSE;
  fill_retention (self);
  return TRUE;
}

static void
on_destroy_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        HeedPreferencesWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "heed-reason");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "heed-case");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "destroy") != 0)
    return;
  if (!heed_preferences_window_destroy_case (self, id, gtk_editable_get_text (entry), &error))
    toast (self, error->message);
  else
    toast (self, _("Destroyed; a note that it existed is kept"));
}

static void
on_destroy_clicked_cb (GtkButton             *button,
                       HeedPreferencesWindow *self)
{
  const char *reference = g_object_get_data (G_OBJECT (button), "heed-reference");
  g_autofree char *heading = g_strdup_printf (_("Destroy %s?"), reference);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The case, its entries, letters and actions, and the people "
                                     "only it names are deleted for good. Give the reason."));
  gtk_editable_set_text (GTK_EDITABLE (entry), _("Retention period over"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "destroy", _("_Destroy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "destroy",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "heed-reason", entry);
  g_object_set_data_full (G_OBJECT (dialog), "heed-case",
                          g_memdup2 (g_object_get_data (G_OBJECT (button), "heed-case"),
                                     sizeof (gint64)),
                          g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_destroy_response_cb), self);
  heed_accessible_name_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_retention (HeedPreferencesWindow *self)
{
  g_autoptr(GArray) due = heed_store_list_due_for_destruction (self->store, NULL, NULL);

  for (guint i = 0; i < self->retention_rows->len; i++)
    adw_preferences_group_remove (self->retention_group,
                                  g_ptr_array_index (self->retention_rows, i));
  g_ptr_array_set_size (self->retention_rows, 0);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      gint64 id = g_array_index (due, gint64, i);
      g_autoptr(HeedCaseRow) row = heed_store_load_case_row (self->store, id, NULL);
      GtkWidget *action_row = adw_action_row_new ();
      GtkWidget *destroy = heed_accessible_button_new (_("_Destroy…"));
      g_autofree char *subtitle = NULL;

      if (row == NULL)
        continue;
      subtitle = g_strdup_printf (_("Closed %s"), row->closed_on != NULL ? row->closed_on : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->reference);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      gtk_widget_set_valign (destroy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (destroy, "destructive-action");
      gtk_widget_set_sensitive (destroy, may_change (self));
      g_object_set_data_full (G_OBJECT (destroy), "heed-case", g_memdup2 (&id, sizeof id),
                              g_free);
      g_object_set_data_full (G_OBJECT (destroy), "heed-reference", g_strdup (row->reference),
                              g_free);
      g_signal_connect (destroy, "clicked", G_CALLBACK (on_destroy_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), destroy);
      adw_preferences_group_add (self->retention_group, action_row);
      g_ptr_array_add (self->retention_rows, action_row);
    }
  if (self->retention_rows->len == 0)
    {
      GtkWidget *none = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("Nothing is due yet"));
      adw_preferences_group_add (self->retention_group, none);
      g_ptr_array_add (self->retention_rows, none);
    }
  heed_accessible_name_all (GTK_WIDGET (self->retention_group));
}

static void fill_staff (HeedPreferencesWindow *self);

static void
on_staff_saved_cb (HeedPreferencesWindow *self)
{
  fill_staff (self);
  toast (self, _("Saved"));
}

static void
edit_staff (HeedPreferencesWindow *self,
            HeedStaff             *staff,
            const char            *title)
{
  HeedRecordDialog *dialog = heed_record_dialog_new (GTK_WINDOW (self), self->store,
                                                     HEED_RECORD (staff), title, _("_Save"),
                                                     staff_fields);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_staff_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_staff_row_activated_cb (AdwActionRow          *row,
                           HeedPreferencesWindow *self)
{
  HeedStaff *staff = g_object_get_data (G_OBJECT (row), "heed-staff");

  edit_staff (self, staff, _("Member of Staff"));
}

static void
fill_staff (HeedPreferencesWindow *self)
{
  g_autoptr(GPtrArray) staff = heed_store_list (self->store, HEED_TYPE_STAFF, 0, NULL);

  for (guint i = 0; i < self->staff_rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->staff_rows, i));
  g_ptr_array_set_size (self->staff_rows, 0);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      HeedRecord *record = g_ptr_array_index (staff, i);
      GtkWidget *row = adw_action_row_new ();
      const char *role = heed_record_get_text (record, HEED_STAFF_ROLE);
      const char *group = heed_record_get_text (record, HEED_STAFF_STAFF_GROUP);
      g_autofree char *subtitle = NULL;

      if (!heed_record_get_bool (record, HEED_STAFF_ACTIVE))
        /* Translators: a member of staff who has left: "Receptionist (left)" */
        subtitle = g_strdup_printf (_("%s (left)"), role != NULL ? role : "");
      else
        subtitle = g_strjoin (" · ", role != NULL ? role : "", group != NULL ? group : "", NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     heed_record_get_text (record, HEED_STAFF_NAME));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "heed-staff", g_object_ref (record),
                              g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_staff_row_activated_cb), self);
      gtk_widget_set_sensitive (row, may_change (self));
      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
  heed_accessible_name_all (GTK_WIDGET (self->staff_group));
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedPreferencesWindow *self = HEED_PREFERENCES_WINDOW (widget);
  g_autoptr(HeedStaff) staff = heed_staff_new ();

  edit_staff (self, staff, _("New Member of Staff"));
}

static void
on_logo_chosen_cb (GtkNativeDialog       *native,
                   int                    response,
                   HeedPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* A pipe or a device is refused, never read without end. */
      if (g_file_peek_path (file) != NULL)
        bytes = heed_load_regular_file (g_file_peek_path (file), _("The picture"),
                                        4 * 1024 * 1024, &error);
      else
        bytes = g_file_load_bytes (file, NULL, NULL, &error);

      if (bytes == NULL || !heed_store_set_logo (self->store, bytes, &error))
        toast (self, error->message);
      else
        load_logo (self);
    }
  g_object_unref (native);
}

static void
choose_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeedPreferencesWindow *self = HEED_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose the Logo"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PNG and JPEG pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_logo_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
remove_logo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeedPreferencesWindow *self = HEED_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_store_set_logo (self->store, NULL, &error))
    toast (self, error->message);
  load_logo (self);
}

static void
load_backups (HeedPreferencesWindow *self)
{
  g_autofree char *folder = NULL;

  if (self->settings == NULL)
    return;
  folder = g_settings_get_string (self->settings, "backup-folder");
  adw_action_row_set_subtitle (self->folder_row, folder[0] != '\0' ? folder
                                                                    : _("None chosen yet"));
}

static void
on_folder_chosen_cb (GtkNativeDialog       *native,
                     int                    response,
                     HeedPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->settings != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && g_file_peek_path (file) != NULL)
        g_settings_set_string (self->settings, "backup-folder", g_file_peek_path (file));
      load_backups (self);
    }
  g_object_unref (native);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeedPreferencesWindow *self = HEED_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                        _("_Cancel"));
  g_signal_connect (native, "response", G_CALLBACK (on_folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

gboolean
heed_preferences_window_back_up (HeedPreferencesWindow *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEED_IS_PREFERENCES_WINDOW (self), FALSE);

  if (self->settings != NULL)
    folder = g_settings_get_string (self->settings, "backup-folder");
  if (!heed_store_backup_to_folder (self->store, folder,
                                    (guint) gtk_spin_button_get_value_as_int (self->keep_spin),
                                    &written, &error))
    {
      adw_action_row_set_subtitle (self->last_backup_row, error->message);
      toast (self, error->message);
      return FALSE;
    }
  {
    g_autofree char *name = g_path_get_basename (written);
    g_autofree char *text = g_strdup_printf (_("Backed up and checked: %s"), name);

    adw_action_row_set_subtitle (self->last_backup_row, text);
    toast (self, text);
  }
  return TRUE;
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  heed_preferences_window_back_up (HEED_PREFERENCES_WINDOW (widget));
}

static void
heed_preferences_window_dispose (GObject *object)
{
  HeedPreferencesWindow *self = HEED_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (heed_preferences_window_parent_class)->dispose (object);
}

static void
heed_preferences_window_finalize (GObject *object)
{
  HeedPreferencesWindow *self = HEED_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
  g_clear_pointer (&self->subject_rows, g_ptr_array_unref);
  g_clear_pointer (&self->retention_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_preferences_window_parent_class)->finalize (object);
}

static void
heed_preferences_window_class_init (HeedPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_preferences_window_dispose;
  object_class->finalize = heed_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, nation_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, type_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, iscas_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, iscas_switch);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, manager_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, remove_logo_button);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, new_subject_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, subjects_group);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, retention_group);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, HeedPreferencesWindow, last_backup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_nation_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_iscas_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_subject_applied_cb);

  gtk_widget_class_install_action (widget_class, "prefs.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-logo", NULL, choose_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-logo", NULL, remove_logo_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-folder", NULL,
                                   choose_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.back-up", NULL, back_up_action);
}

static void
heed_preferences_window_init (HeedPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  self->staff_rows = g_ptr_array_new ();
  self->subject_rows = g_ptr_array_new ();
  self->retention_rows = g_ptr_array_new ();
}

HeedPreferencesWindow *
heed_preferences_window_new (GtkWindow *parent,
                             HeedStore *store,
                             GSettings *settings)
{
  HeedPreferencesWindow *self;
  AdwEntryRow *rows[6];
  HeedNation nation;
  gboolean read_only;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  /* Only a manager changes the practice's settings; anyone else may read them. */
  read_only = heed_store_is_read_only (store) || !heed_store_may (store, HEED_TASK_RUN_PRACTICE);

  self->loading = TRUE;
  rows[0] = self->name_row;
  rows[1] = self->address_row;
  rows[2] = self->phone_row;
  rows[3] = self->email_row;
  rows[4] = self->manager_row;
  rows[5] = self->responsible_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      load_entry (self, rows[i]);
      gtk_editable_set_editable (GTK_EDITABLE (rows[i]), !read_only);
    }
  nation = heed_store_get_nation (store);
  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    if (g_strcmp0 (nations[i], heed_nation_to_id (nation)) == 0)
      adw_combo_row_set_selected (self->nation_row, i);
  gtk_widget_set_sensitive (GTK_WIDGET (self->nation_row), !read_only);
  {
    g_autofree char *type = heed_store_dup_setting (store, "practice-type");

    g_autofree char *member = heed_store_dup_setting (store, "iscas-member");

    adw_combo_row_set_selected (self->type_row, g_strcmp0 (type, "dental") == 0 ? 1 : 0);
    gtk_widget_set_visible (GTK_WIDGET (self->iscas_row), g_strcmp0 (type, "dental") != 0);
    gtk_switch_set_active (self->iscas_switch, g_strcmp0 (member, "true") == 0);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), !read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->iscas_switch), !read_only);
  self->loading = FALSE;

  load_logo (self);
  fill_staff (self);
  adw_preferences_page_add (self->staff_page,
                            ADW_PREFERENCES_GROUP (heed_access_group_new (store)));
  fill_subjects (self);
  fill_retention (self);
  gtk_editable_set_editable (GTK_EDITABLE (self->new_subject_row), !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-staff", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-logo", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.remove-logo", !read_only);

  if (settings != NULL)
    {
      g_settings_bind (settings, "backup-interval-days", self->interval_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "backup-keep", self->keep_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  load_backups (self);
  return self;
}
