/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-case-list-model.h"
#include "heed-phone-log-dialog.h"
#include "heed-store.h"
#include "heed-ui-resources.h"
#include "heed-window.h"

/* The main window: the views of the practice's feedback down the side, the cases of the chosen
 * view in a list that reads rows only as they are shown, and search over them. The case page
 * and the forms come next (issue 3). */

struct _HeedWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle      *window_title;
  AdwStatusPage       *status_page;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *open_button;
  GtkStack            *main_stack;
  GtkListBox          *view_list;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkColumnView       *case_view;

  HeedStore           *store;
  HeedCaseListModel   *model;
  HeedCaseView         view;
  gint64               n_cases;
};

static const struct {
  HeedCaseView view;
  const char  *label;
  const char  *icon;
} views[] = {
  { HEED_CASE_VIEW_ATTENTION, N_("Needs Attention"), "alarm-symbolic" },
  { HEED_CASE_VIEW_OPEN, N_("Open"), "folder-open-symbolic" },
  { HEED_CASE_VIEW_COMPLIMENTS, N_("Compliments"), "emblem-favorite-symbolic" },
  { HEED_CASE_VIEW_CLOSED, N_("Closed"), "emblem-ok-symbolic" },
  { HEED_CASE_VIEW_ALL, N_("All Feedback"), "view-list-symbolic" },
};

G_DEFINE_FINAL_TYPE (HeedWindow, heed_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_count (HeedWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases",
                                                        n),
                                           n);

  gtk_label_set_text (self->count_label, text);
}

static void
run_query (HeedWindow *self)
{
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->model == NULL)
    return;
  query->view = self->view;
  query->newest_first = TRUE;
  query->search = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  if (!heed_case_list_model_set_query (self->model, query, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  update_count (self);
}

static void
on_view_list_row_selected_cb (HeedWindow    *self,
                              GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  self->view = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "heed-view"));
  run_query (self);
}

static void
on_search_entry_search_changed_cb (HeedWindow *self)
{
  run_query (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const char *property = user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  HeedCaseItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  if (g_strcmp0 (property, "next-deadline") == 0 && heed_case_item_get_overdue (item))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
add_column (HeedWindow *self,
            const char *title,
            const char *property,
            int         fixed_width,
            gboolean    expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->case_view, column);
  g_object_unref (column);
}

static void
build_views (HeedWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(views[i].label));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (views[i].icon));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "heed-view", GINT_TO_POINTER (views[i].view));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(views[i].label), -1);
      gtk_list_box_append (self->view_list, row);
    }

  add_column (self, _("Reference"), "reference", 110, FALSE);
  add_column (self, _("Received"), "received", 120, FALSE);
  add_column (self, _("Name"), "name", 150, FALSE);
  add_column (self, _("Summary"), "summary", -1, TRUE);
  add_column (self, _("Kind"), "kind", 90, FALSE);
  add_column (self, _("Risk"), "risk", 75, FALSE);
  add_column (self, _("Status"), "status", 105, FALSE);
  add_column (self, _("Next Deadline"), "next-deadline", 190, FALSE);
}

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

  g_clear_object (&self->model);
  self->model = heed_case_list_model_new (self->store);
  {
    g_autoptr(GtkSingleSelection) selection =
      gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));

    gtk_column_view_set_model (self->case_view, GTK_SELECTION_MODEL (selection));
  }
  gtk_list_box_select_row (self->view_list, gtk_list_box_get_row_at_index (self->view_list, 0));
  run_query (self);
  gtk_stack_set_visible_child_name (self->main_stack, "cases");
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
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return FALSE;
    }

  g_clear_object (&self->store);
  self->store = store;
  show_store (self);
  return TRUE;
}

GListModel *
heed_window_get_case_model (HeedWindow *self)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), NULL);
  return self->model != NULL ? G_LIST_MODEL (self->model) : NULL;
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
on_phone_log_logged_cb (HeedWindow *self,
                        HeedCase   *kase)
{
  g_autofree char *text = g_strdup_printf (_("Logged %s"), heed_case_get_reference (kase));

  run_query (self);
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

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
heed_window_dispose (GObject *object)
{
  HeedWindow *self = HEED_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_WINDOW);
  g_clear_object (&self->model);
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
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, view_list);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, case_view);
  gtk_widget_class_bind_template_callback (widget_class, on_view_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.phone-log", NULL, phone_log_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.phone-log", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
}

static void
heed_window_init (HeedWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->n_cases = -1;
  self->view = HEED_CASE_VIEW_ATTENTION;
  build_views (self);
}

HeedWindow *
heed_window_new (AdwApplication *application)
{
  return g_object_new (HEED_TYPE_WINDOW, "application", application, NULL);
}
