/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-connect-dialog.h"
#include "heed-phone-log-dialog.h"
#include "heed-staff.h"
#include "heed-store-duties.h"
#include "heed-window-private.h"

/* Who is working in the window: on a server, the person signed in as their own role, with
 * only what their duties allow offered, Switch Person for a shared reception computer and a
 * sign-out after the time the practice sets; on a practice file, where the computer's account
 * is the only gate, the staff member chosen at it, recorded in the trail beside that account.
 * The server enforces the duties whatever is offered here. */

#define IDLE_CHECK_SECONDS 15

static gboolean
on_server (HeedWindow *self)
{
  return self->store != NULL && heed_store_is_on_server (self->store);
}

static void
update_person_button (HeedWindow *self)
{
  const char *staff = heed_store_get_staff_name (self->store);
  g_autofree char *detail = NULL;
  g_autofree char *tooltip = NULL;
  const char *name;

  if (on_server (self))
    {
      const char *role = heed_store_get_signed_in_role (self->store);
      g_autofree char *duties = heed_duties_dup_ids (heed_store_get_duties (self->store));

      name = staff != NULL ? staff : role;
      if (heed_store_is_owner (self->store))
        /* Translators: a server role's name; its owner may do anything */
        detail = g_strdup_printf (_("Signed in as %s, who owns the practice’s database"), role);
      else if (duties[0] == '\0')
        detail = g_strdup_printf (_("Signed in as %s, with no duty in this practice"), role);
      else
        /* Translators: a server role's name, then its duties ("reception, handler") */
        detail = g_strdup_printf (_("Signed in as %s. Duties: %s"), role, duties);
      /* Translators: who is signed in, in the header's button */
      tooltip = g_strdup_printf (_("Signed In: %s"), name);
    }
  else
    {
      name = staff != NULL ? staff : g_get_real_name ();
      /* Translators: the computer's own account, as the system names it */
      detail = g_strdup_printf (_("A practice file’s only gate is this computer’s account (%s): "
                                  "anyone signed in to it can open the practice."),
                                g_get_user_name ());
      tooltip = g_strdup_printf (_("Working Here: %s"), name);
    }
  gtk_label_set_text (self->person_label, name);
  gtk_label_set_text (self->person_name_label, name);
  gtk_label_set_text (self->person_detail_label, detail);
  gtk_widget_set_tooltip_text (self->person_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->person_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_visible (self->sign_out_button, on_server (self));
  gtk_widget_set_visible (self->person_button, TRUE);
}

/* The views and actions the person's duties allow; what they may not do is not offered. */
void
_heed_window_apply_duties (HeedWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = !heed_store_is_read_only (self->store);
  gboolean runs = heed_store_may (self->store, HEED_TASK_RUN_PRACTICE);
  gboolean logs = writable && heed_store_may (self->store, HEED_TASK_LOG_FEEDBACK);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->view_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      HeedTask task = _heed_window_row_task (row);

      gtk_widget_set_visible (row, heed_store_may (self->store, task));
    }
  gtk_widget_action_set_enabled (widget, "win.phone-log", logs);
  gtk_widget_action_set_enabled (widget, "win.new-feedback", logs);
  gtk_widget_action_set_enabled (widget, "win.import-table", logs && runs);
  gtk_widget_set_visible (self->phone_log_button, logs || !on_server (self));
  gtk_widget_set_visible (self->new_button, logs || !on_server (self));
  gtk_widget_action_set_enabled (widget, "win.templates", runs);
  gtk_widget_action_set_enabled (widget, "win.check", runs);
  gtk_widget_action_set_enabled (widget, "win.rebuild-index", runs);
  /* Putting a backup back replaces the whole practice: its owner's to do on a server. */
  gtk_widget_action_set_enabled (widget, "win.restore",
                                 !on_server (self) || heed_store_is_owner (self->store));
  gtk_widget_action_set_enabled (widget, "win.switch-person", TRUE);
  gtk_widget_action_set_enabled (widget, "win.sign-out", on_server (self));
  update_person_button (self);

  self->idle_minutes = heed_store_get_sign_out_minutes (self->store);
  self->last_input = g_get_monotonic_time ();
}

/* Signing out */

static void
close_other_windows (HeedWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GList) windows = NULL;

  if (application == NULL)
    return;
  windows = g_list_copy (gtk_application_get_windows (application));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (window == GTK_WINDOW (self) || gtk_window_get_transient_for (window) != GTK_WINDOW (self))
        continue;
      /* A call half logged is kept, to be offered back after signing in. */
      if (HEED_IS_PHONE_LOG_DIALOG (window))
        heed_phone_log_dialog_keep_draft (HEED_PHONE_LOG_DIALOG (window));
      gtk_window_destroy (window);
    }
}

/* Closes the practice for the person signed in: what they typed is kept as drafts, the
 * connection ends, and the window asks whoever comes next to sign in. */
void
_heed_window_sign_out (HeedWindow *self,
                       const char *why)
{
  g_autofree char *name = NULL;

  if (!on_server (self))
    return;
  heed_case_page_keep_typing (self->case_page);
  close_other_windows (self);
  name = heed_store_dup_setting (self->store, "name");
  g_clear_pointer (&self->signed_out_at, heed_location_unref);
  /* The text shown for the practice never holds a password. */
  self->signed_out_at = heed_location_parse (heed_store_get_path (self->store), NULL);
  g_free (self->signed_out_name);
  self->signed_out_name = g_strdup (name != NULL ? name : heed_store_get_path (self->store));

  g_clear_handle_id (&self->backup_source, g_source_remove);
  gtk_column_view_set_model (self->case_view, NULL);
  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  heed_store_close (self->store);
  g_clear_object (&self->store);
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  gtk_widget_set_visible (self->person_button, FALSE);

  adw_window_title_set_title (self->signed_out_title, self->signed_out_name);
  gtk_window_set_title (GTK_WINDOW (self), self->signed_out_name);
  adw_status_page_set_description (self->signed_out_page, why);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", self->signed_out_at != NULL);
  gtk_stack_set_visible_child_name (self->main_stack, "signed-out");
}

gboolean
heed_window_sign_out_if_idle (HeedWindow *self,
                              gint64      now)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *active = application != NULL ? gtk_application_get_active_window (application)
                                          : NULL;
  g_autofree char *why = NULL;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  if (!on_server (self) || self->idle_minutes == 0)
    return FALSE;
  /* Someone at one of Heed's forms is using it, even if the window behind waits. */
  if (active != NULL && active != GTK_WINDOW (self) && gtk_window_is_active (active))
    self->last_input = now;
  if (now - self->last_input < (gint64) self->idle_minutes * 60 * G_USEC_PER_SEC)
    return FALSE;
  why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Heed signed out after %u minute without use. What was "
                                      "typed is kept, to carry on with after signing in.",
                                      "Heed signed out after %u minutes without use. What was "
                                      "typed is kept, to carry on with after signing in.",
                                      self->idle_minutes),
                         self->idle_minutes);
  _heed_window_sign_out (self, why);
  return TRUE;
}

static gboolean
check_idle_cb (gpointer user_data)
{
  heed_window_sign_out_if_idle (HEED_WINDOW (user_data), g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

static void
on_input_cb (HeedWindow *self)
{
  self->last_input = g_get_monotonic_time ();
}

static gboolean
on_key_pressed_cb (HeedWindow *self)
{
  on_input_cb (self);
  return GDK_EVENT_PROPAGATE;
}

/* Switching person */

static void
on_signed_in_cb (HeedWindow *self,
                 HeedStore  *store)
{
  g_clear_pointer (&self->signed_out_at, heed_location_unref);
  _heed_window_use_store (self, g_object_ref (store));
}

static void
ask_to_sign_in (HeedWindow   *self,
                HeedLocation *location,
                const char   *practice_name)
{
  HeedConnectDialog *dialog = heed_connect_dialog_new (GTK_WINDOW (self));

  heed_connect_dialog_set_signing_in (dialog, location, practice_name);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_staff_chosen_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    HeedWindow       *self)
{
  GtkDropDown *choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (choice);

  if (g_strcmp0 (response, "choose") != 0 || self->store == NULL)
    return;
  /* The first choice is nobody in particular: the computer's account alone. */
  heed_store_set_staff_name (self->store, gtk_drop_down_get_selected (choice) == 0
                                            ? NULL : gtk_string_object_get_string (chosen));
  update_person_button (self);
}

/* On a practice file: who of the staff is working at this computer, for the trail. */
static void
choose_staff_member (HeedWindow *self)
{
  g_autoptr(GPtrArray) staff = heed_store_list (self->store, HEED_TYPE_STAFF, 0, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = heed_store_get_staff_name (self->store);
  GtkWidget *choice;
  AdwMessageDialog *dialog;
  guint selected = 0;

  gtk_string_list_append (names, _("Nobody in particular"));
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      HeedRecord *member = g_ptr_array_index (staff, i);
      const char *name = heed_record_get_text (member, HEED_STAFF_NAME);

      if (!heed_record_get_bool (member, HEED_STAFF_ACTIVE) || name == NULL)
        continue;
      if (g_strcmp0 (name, current) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (names));
      gtk_string_list_append (names, name);
    }
  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Member of staff"), -1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Who Is Working Here?"),
                                                       _("The name chosen is written in the "
                                                         "audit trail beside this computer’s "
                                                         "account. On a practice file that "
                                                         "account is the only gate: for each "
                                                         "person to sign in as themselves, "
                                                         "keep the practice on a server.")));
  adw_message_dialog_set_extra_child (dialog, choice);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose", _("_Choose"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_staff_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switch_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  if (self->store == NULL)
    return;
  if (!on_server (self))
    {
      choose_staff_member (self);
      return;
    }
  /* Whoever comes next signs in with their own password; this person's session ends first,
   * so nothing of it stays open behind the dialog. */
  _heed_window_sign_out (self, _("Signed out, for someone else to sign in."));
  if (self->signed_out_at != NULL)
    ask_to_sign_in (self, self->signed_out_at, self->signed_out_name);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  const char *who = self->store != NULL ? heed_store_get_staff_name (self->store) : NULL;
  g_autofree char *why = NULL;

  if (self->store == NULL)
    return;
  if (who == NULL)
    who = heed_store_get_signed_in_role (self->store);
  /* Translators: a person's name */
  why = g_strdup_printf (_("%s signed out. What was typed is kept, to carry on with after "
                           "signing in."),
                         who);
  _heed_window_sign_out (self, why);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->signed_out_at != NULL)
    ask_to_sign_in (self, self->signed_out_at, self->signed_out_name);
}

void
_heed_window_class_add_people_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.switch-person", NULL,
                                   switch_person_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
}

void
_heed_window_init_people (HeedWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* Every key, click and movement counts as use, seen before any widget takes it. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_input_cb), self);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-person", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-in", FALSE);
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, check_idle_cb, self);
}

void
_heed_window_finish_people (HeedWindow *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_pointer (&self->signed_out_at, heed_location_unref);
  g_clear_pointer (&self->signed_out_name, g_free);
}
