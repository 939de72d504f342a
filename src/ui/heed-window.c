/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-store.h"
#include "heed-ui-resources.h"
#include "heed-window.h"

/* The main window. For now it opens a practice and says what it holds; the case list, case
 * page and timeline come next (issue 3). */

struct _HeedWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle      *window_title;
  AdwStatusPage       *status_page;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *open_button;

  HeedStore           *store;
  gint64               n_cases;
};

G_DEFINE_FINAL_TYPE (HeedWindow, heed_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_store (HeedWindow *self)
{
  g_autofree char *name = heed_store_dup_setting (self->store, "name");
  g_autofree char *description = NULL;
  g_autofree char *basename = g_path_get_basename (heed_store_get_path (self->store));

  self->n_cases = heed_store_count_cases (self->store, NULL, NULL);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "This practice file holds %" G_GINT64_FORMAT
                                              " case.",
                                              "This practice file holds %" G_GINT64_FORMAT
                                              " cases.",
                                              self->n_cases),
                                 self->n_cases);
  if (heed_store_is_read_only (self->store) && heed_store_get_lock_holder (self->store) != NULL)
    {
      g_autofree char *who = heed_lock_holder_describe (heed_store_get_lock_holder (self->store));
      g_autofree char *more = g_strdup_printf (_("%s\nIt is open read-only: it is in use by %s."),
                                               description, who);

      g_free (description);
      description = g_steal_pointer (&more);
    }

  adw_status_page_set_icon_name (self->status_page, "io.github.heedapp.Heed");
  adw_status_page_set_title (self->status_page, name != NULL ? name : basename);
  adw_status_page_set_description (self->status_page, description);
  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Heed"));
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_widget_set_visible (self->open_button, FALSE);
}

gboolean
heed_window_open_path (HeedWindow *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  HeedStore *store;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY_IF_LOCKED, &error);
  if (store == NULL)
    {
      /* The core's own words: they say what is wrong and what to do. */
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("This Practice Cannot Be Opened"));
      adw_status_page_set_description (self->status_page, error->message);
      gtk_widget_set_visible (self->open_button, TRUE);
      return FALSE;
    }

  g_clear_object (&self->store);
  self->store = store;
  show_store (self);
  return TRUE;
}

gint64
heed_window_get_n_cases (HeedWindow *self)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), -1);
  return self->store != NULL ? self->n_cases : -1;
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
heed_window_dispose (GObject *object)
{
  HeedWindow *self = HEED_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (heed_window_parent_class)->dispose (object);
}

static void
heed_window_class_init (HeedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_window_dispose;

  g_assert (heed_ui_get_resource () != NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/heed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, open_button);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
}

static void
heed_window_init (HeedWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->n_cases = -1;
}

HeedWindow *
heed_window_new (AdwApplication *application)
{
  return g_object_new (HEED_TYPE_WINDOW, "application", application, NULL);
}
