/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "heed-accessible.h"
#include "heed-connect-dialog.h"
#include "heed-server-keyring.h"
#include "heed-store.h"

/* Connect to a Practice Server…: the server, the practice's database and who signs in. The
 * password may be left out when libpq finds it itself (.pgpass, a service file) or the
 * keyring keeps it; typed in, it is used for this connection and, if asked, kept in the
 * keyring, and shown nowhere. */

struct _HeedConnectDialog
{
  AdwWindow            parent_instance;

  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  GtkSwitch           *keep_switch;
  GtkWidget           *keep_row;
  GtkButton           *connect_button;
  GtkWidget           *server_group;
  AdwPreferencesGroup *signing_in_group;
  GtkLabel            *problem_label;
  gboolean             signing_in; /* a person signs in to a practice: the password typed */
};

G_DEFINE_FINAL_TYPE (HeedConnectDialog, heed_connect_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_row (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_problem (HeedConnectDialog *self,
              GtkWidget         *row,
              const char        *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

gboolean
heed_connect_dialog_connect (HeedConnectDialog *self)
{
  g_autofree char *host = dup_row (self->host_row);
  g_autofree char *port = dup_row (self->port_row);
  g_autofree char *database = dup_row (self->database_row);
  g_autofree char *user = dup_row (self->user_row);
  /* A password is taken as typed: spaces may be part of it. */
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(HeedLocation) location = NULL;
  g_autoptr(HeedLocation) signing_in = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (HEED_IS_CONNECT_DIALOG (self), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->database_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->port_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  location = heed_location_new_for_server (host, port, database, user, &error);
  if (location == NULL)
    {
      show_problem (self, GTK_WIDGET (database[0] == '\0' ? self->database_row
                                                          : self->port_row),
                    error->message);
      return FALSE;
    }
  /* A person signing in at a shared computer types their own password: one kept in the
   * keyring would let anyone in as them. */
  if (password[0] == '\0' && !self->signing_in)
    kept = heed_server_keyring_lookup (location);
  if (password[0] != '\0' || kept != NULL)
    signing_in = heed_location_dup_with_password (location, password[0] != '\0' ? password
                                                                                : kept);
  store = heed_store_open_location (signing_in != NULL ? signing_in : location,
                                    HEED_STORE_OPEN_DEFAULT, &error);
  if (kept != NULL)
    memset (kept, 0, strlen (kept));
  if (store == NULL)
    {
      /* The store's words: they name the server without the password, and say what to do. */
      show_problem (self, NULL, error->message);
      return FALSE;
    }
  if (password[0] != '\0' && !self->signing_in && gtk_switch_get_active (self->keep_switch))
    {
      g_autoptr(GError) keyring_error = NULL;

      if (!heed_server_keyring_store (location, password, &keyring_error))
        g_debug ("The password was not kept: %s", keyring_error->message);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNAL_CONNECTED], 0, store);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  heed_connect_dialog_connect (HEED_CONNECT_DIALOG (widget));
}

static void
heed_connect_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEED_TYPE_CONNECT_DIALOG);
  G_OBJECT_CLASS (heed_connect_dialog_parent_class)->dispose (object);
}

static void
heed_connect_dialog_class_init (HeedConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_connect_dialog_dispose;

  /**
   * HeedConnectDialog::connected:
   * @store: the practice on the server, open
   */
  signals[SIGNAL_CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, HEED_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, keep_switch);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, keep_row);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, server_group);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, signing_in_group);
  gtk_widget_class_bind_template_child (widget_class, HeedConnectDialog, problem_label);
  gtk_widget_class_install_action (widget_class, "server.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_connect_dialog_init (HeedConnectDialog *self)
{
  const char *user = g_get_user_name ();

  gtk_widget_init_template (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  if (user != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
}

HeedConnectDialog *
heed_connect_dialog_new (GtkWindow *parent)
{
  return g_object_new (HEED_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
}

static void
set_row (gpointer    row,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
heed_connect_dialog_set_location (HeedConnectDialog *self,
                                  HeedLocation      *location)
{
  g_return_if_fail (HEED_IS_CONNECT_DIALOG (self));
  g_return_if_fail (location != NULL && heed_location_is_server (location));

  set_row (self->host_row, heed_location_get_host (location));
  set_row (self->port_row, heed_location_get_port (location));
  set_row (self->database_row, heed_location_get_database (location));
  if (heed_location_get_user (location) != NULL)
    set_row (self->user_row, heed_location_get_user (location));
}

void
heed_connect_dialog_set_signing_in (HeedConnectDialog *self,
                                    HeedLocation      *location,
                                    const char        *practice_name)
{
  g_autofree char *title = NULL;

  g_return_if_fail (HEED_IS_CONNECT_DIALOG (self));
  g_return_if_fail (location != NULL && heed_location_is_server (location));

  heed_connect_dialog_set_location (self, location);
  self->signing_in = TRUE;
  gtk_widget_set_visible (self->server_group, FALSE);
  gtk_widget_set_visible (self->keep_row, FALSE);
  gtk_switch_set_active (self->keep_switch, FALSE);
  set_row (self->user_row, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Sign In"));
  gtk_button_set_label (self->connect_button, _("_Sign In"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 360);
  /* Enter after the password signs in, as at any sign-in. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->connect_button));
  adw_entry_row_set_activates_default (self->user_row, TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->password_row), TRUE);
  /* Translators: the practice's name */
  title = g_strdup_printf (_("Sign In to %s"), practice_name);
  adw_preferences_group_set_title (self->signing_in_group, title);
  adw_preferences_group_set_description (self->signing_in_group,
                                         _("Each person signs in as themselves, with their own "
                                           "name and password on the practice’s server."));
  gtk_widget_grab_focus (GTK_WIDGET (self->user_row));
}
