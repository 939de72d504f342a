/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-application.h"
#include "heed-window.h"

struct _HeedApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedApplication, heed_application, ADW_TYPE_APPLICATION)

static HeedWindow *
get_or_make_window (HeedApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (heed_window_new (ADW_APPLICATION (self)));
  return HEED_WINDOW (window);
}

static void
heed_application_activate (GApplication *application)
{
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (application)) == NULL;
  HeedWindow *window = get_or_make_window (HEED_APPLICATION (application));

  if (fresh)
    heed_window_open_last (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
heed_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  HeedWindow *window = get_or_make_window (HEED_APPLICATION (application));

  if (n_files > 0 && g_file_peek_path (files[0]) != NULL)
    heed_window_open_path (window, g_file_peek_path (files[0]));
  else if (n_files > 0 && (g_file_has_uri_scheme (files[0], "postgresql")
                           || g_file_has_uri_scheme (files[0], "postgres")))
    {
      /* A practice on a server, given as its postgresql:// location. */
      g_autofree char *uri = g_file_get_uri (files[0]);

      heed_window_open_server (window, uri);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { "The Heed developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (application),
                         "application-name", _("Heed"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Heed developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/heedapp/heed",
                         "issue-url", "https://github.com/heedapp/heed/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "comments", _("Log, handle and learn from patient feedback"),
                         NULL);
}

/* The Mallard pages in help/, shown by the desktop's help browser. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri ("help:" APPLICATION_ID, NULL, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (application);
      GtkWidget *dialog = adw_message_dialog_new (window, _("Help Is Not Installed"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      heed_accessible_name_all (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "help", help_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
heed_application_startup (GApplication *application)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (heed_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
}

static void
heed_application_class_init (HeedApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = heed_application_activate;
  app_class->open = heed_application_open;
  app_class->startup = heed_application_startup;
}

static void
heed_application_init (HeedApplication *self)
{
}

HeedApplication *
heed_application_new (void)
{
  return g_object_new (HEED_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
