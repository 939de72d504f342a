/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-access-group.h"
#include "heed-accessible.h"
#include "heed-staff.h"
#include "heed-store-duties.h"

/* Preferences → Staff: who may open the practice, and what the server lets each do. */

struct _HeedAccessGroup
{
  AdwPreferencesGroup parent_instance;

  HeedStore          *store;
  AdwComboRow        *sign_out_row;
  GtkLabel           *problem_label;
  GPtrArray          *holder_rows;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (HeedAccessGroup, heed_access_group, ADW_TYPE_PREFERENCES_GROUP)

static const guint sign_out_minutes[] = { 0, 5, 10, 15, 30, 60, 120 };

static const char *const duty_labels[] = {
  /* Translators: the duties a person may have on a practice server */
  N_("Reception: logs feedback, sees the lists"),
  N_("Handler: the cases assigned to them"),
  N_("Manager: everything"),
  N_("Reader: the reports only"),
};

static void
show_problem (HeedAccessGroup *self,
              const char      *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void fill_holders (HeedAccessGroup *self);

static void
on_take_away_clicked_cb (GtkButton       *button,
                         HeedAccessGroup *self)
{
  const char *role = g_object_get_data (G_OBJECT (button), "heed-role");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!heed_store_revoke_duty (self->store, role, HEED_DUTY_NONE, &error))
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  fill_holders (self);
}

static void
fill_holders (HeedAccessGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holders = heed_store_list_duties (self->store, &error);
  gboolean manages = heed_store_may (self->store, HEED_TASK_RUN_PRACTICE);

  for (guint i = 0; i < self->holder_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->holder_rows, i));
  g_ptr_array_set_size (self->holder_rows, 0);
  /* Only a manager reads who holds which duty; anyone else sees their own in the header. */
  if (holders == NULL || !manages)
    return;
  for (guint i = 0; i < holders->len; i++)
    {
      HeedDutyHolder *holder = g_ptr_array_index (holders, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *duties = heed_duties_dup_ids (holder->duties);
      /* Translators: a server role's name, then its duties: "riley · reception" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), holder->role, duties);
      g_autofree char *name = g_strdup_printf (_("Take away %s’s duties"), holder->role);
      GtkWidget *take_away = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), holder->staff_name != NULL
                                                                ? holder->staff_name
                                                                : holder->role);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (take_away, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (take_away, "flat");
      gtk_widget_set_tooltip_text (take_away, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (take_away), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data_full (G_OBJECT (take_away), "heed-role", g_strdup (holder->role),
                              g_free);
      g_signal_connect (take_away, "clicked", G_CALLBACK (on_take_away_clicked_cb), self);
      /* The owner's own session cannot lose what it never needed. */
      gtk_widget_set_sensitive (take_away,
                                g_strcmp0 (holder->role,
                                           heed_store_get_signed_in_role (self->store)) != 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), take_away);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->holder_rows, row);
    }
}

gboolean
heed_access_group_grant (HeedAccessGroup *self,
                         const char      *role,
                         const char      *duty,
                         gint64           staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (role != NULL ? role : ""));
  HeedDuties chosen;

  g_return_val_if_fail (HEED_IS_ACCESS_GROUP (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (clean[0] == '\0')
    {
      show_problem (self, _("Type the name the person signs in to the server with."));
      return FALSE;
    }
  if (!heed_duty_from_id (duty, &chosen))
    {
      show_problem (self, _("Choose one of the four duties."));
      return FALSE;
    }
  if (!heed_store_grant_duty (self->store, clean, chosen, staff_id, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  show_problem (self, NULL);
  fill_holders (self);
  return TRUE;
}

typedef struct {
  GtkEditable *role;
  GtkDropDown *duty;
  GtkDropDown *staff;
  GArray      *staff_ids;
} GrantForm;

static void
grant_form_free (gpointer data)
{
  GrantForm *form = data;

  g_array_unref (form->staff_ids);
  g_free (form);
}

static void
on_grant_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      HeedAccessGroup  *self)
{
  GrantForm *form = g_object_get_data (G_OBJECT (dialog), "heed-grant-form");
  guint duty = gtk_drop_down_get_selected (form->duty);
  guint staff = gtk_drop_down_get_selected (form->staff);

  if (g_strcmp0 (response, "give") != 0 || duty >= G_N_ELEMENTS (duty_labels))
    return;
  heed_access_group_grant (self, gtk_editable_get_text (form->role),
                           heed_duty_get_id ((HeedDuties) (1 << duty)),
                           staff < form->staff_ids->len
                           ? g_array_index (form->staff_ids, gint64, staff) : 0);
}

static GtkWidget *
labelled (GtkWidget  *widget,
          const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return widget;
}

static void
give_duty_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedAccessGroup *self = HEED_ACCESS_GROUP (widget);
  g_autoptr(GPtrArray) staff = heed_store_list (self->store, HEED_TYPE_STAFF, 0, NULL);
  g_autoptr(GtkStringList) duties = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GrantForm *form = g_new0 (GrantForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *role = gtk_entry_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  gint64 none = 0;

  for (guint i = 0; i < G_N_ELEMENTS (duty_labels); i++)
    gtk_string_list_append (duties, _(duty_labels[i]));
  form->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("Not a member of staff"));
  g_array_append_val (form->staff_ids, none);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      HeedRecord *member = g_ptr_array_index (staff, i);
      gint64 id = heed_record_get_id (member);

      if (!heed_record_get_bool (member, HEED_STAFF_ACTIVE))
        continue;
      gtk_string_list_append (names, heed_record_get_text (member, HEED_STAFF_NAME));
      g_array_append_val (form->staff_ids, id);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (role), _("Their user name on the server"));
  form->role = GTK_EDITABLE (labelled (role, _("User name on the server")));
  form->duty = GTK_DROP_DOWN (labelled (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (duties)),
                                                           NULL),
                                        _("Duty")));
  form->staff = GTK_DROP_DOWN (labelled (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)),
                                                            NULL),
                                         _("Member of staff")));
  gtk_box_append (GTK_BOX (box), role);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->duty));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->staff));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                           : NULL,
                                                       _("Give a Duty"),
                                                       _("The person signs in to the server as "
                                                         "themselves: their user is made on the "
                                                         "server first (createuser). A handler "
                                                         "is a member of staff, to be given "
                                                         "cases.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "give", _("_Give"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "give", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "give");
  g_object_set_data_full (G_OBJECT (dialog), "heed-grant-form", form, grant_form_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_grant_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sign_out_selected_cb (HeedAccessGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->sign_out_row);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL || selected >= G_N_ELEMENTS (sign_out_minutes))
    return;
  value = g_strdup_printf ("%u", sign_out_minutes[selected]);
  if (!heed_store_set_setting (self->store, "sign-out-minutes", value, &error))
    show_problem (self, error->message);
  else
    show_problem (self, NULL);
}

static void
build_for_server (HeedAccessGroup *self)
{
  g_autoptr(GtkStringList) times = gtk_string_list_new (NULL);
  guint kept = heed_store_get_sign_out_minutes (self->store);
  gboolean manages = heed_store_may (self->store, HEED_TASK_RUN_PRACTICE);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Signing In and Duties"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Each person signs in to the practice server as "
                                           "themselves, and the server itself enforces what "
                                           "their duties allow, whatever computer they use."));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Give a Duty"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "access.give-duty");
  labelled (add, _("Give a duty"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "access.give-duty", manages);
  gtk_widget_set_visible (add, manages);

  self->sign_out_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sign_out_row),
                                 _("Sign out when not used for"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sign_out_row),
                               _("For a computer several people share, as at reception"));
  for (guint i = 0; i < G_N_ELEMENTS (sign_out_minutes); i++)
    {
      g_autofree char *text = NULL;

      if (sign_out_minutes[i] == 0)
        text = g_strdup (_("Never"));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                             sign_out_minutes[i]),
                                sign_out_minutes[i]);
      gtk_string_list_append (times, text);
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->sign_out_row, G_LIST_MODEL (times));
  for (guint i = 0; i < G_N_ELEMENTS (sign_out_minutes); i++)
    if (kept == sign_out_minutes[i])
      adw_combo_row_set_selected (self->sign_out_row, i);
  self->loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_out_row),
                            manages && !heed_store_is_read_only (self->store));
  g_signal_connect_swapped (self->sign_out_row, "notify::selected",
                            G_CALLBACK (on_sign_out_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->sign_out_row));
  fill_holders (self);
}

static void
heed_access_group_dispose (GObject *object)
{
  HeedAccessGroup *self = HEED_ACCESS_GROUP (object);

  g_clear_pointer (&self->holder_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_access_group_parent_class)->dispose (object);
}

/* libadwaita 1.2 keeps a preferences group alive after its window has gone: the practice's
 * connection must not stay open with it. */
static void
heed_access_group_unroot (GtkWidget *widget)
{
  HeedAccessGroup *self = HEED_ACCESS_GROUP (widget);

  g_clear_object (&self->store);
  GTK_WIDGET_CLASS (heed_access_group_parent_class)->unroot (widget);
}

static void
heed_access_group_class_init (HeedAccessGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_access_group_dispose;
  widget_class->unroot = heed_access_group_unroot;
  gtk_widget_class_install_action (widget_class, "access.give-duty", NULL, give_duty_action);
}

static void
heed_access_group_init (HeedAccessGroup *self)
{
  self->holder_rows = g_ptr_array_new ();
}

GtkWidget *
heed_access_group_new (HeedStore *store)
{
  HeedAccessGroup *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_ACCESS_GROUP, NULL);
  self->store = g_object_ref (store);
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->problem_label));
  if (heed_store_is_on_server (store))
    build_for_server (self);
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Signing In"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("A practice file has no sign-in of its own: "
                                               "this computer’s account is the only gate, and "
                                               "anyone signed in to it can open the practice "
                                               "and change anything in it. Keep the computer "
                                               "locked when away. For each person to sign in as "
                                               "themselves, with duties the server enforces, "
                                               "keep the practice on a practice server."));
    }
  heed_accessible_name_all (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}
