/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-entry-dialog.h"
#include "heed-event.h"
#include "heed-record-editor.h"
#include "heed-staff.h"

/* One dated entry on a case's record of what happened, made from the event's field table. */

struct _HeedEntryDialog
{
  AdwWindow         parent_instance;

  GtkLabel         *problem_label;
  HeedStore        *store;
  HeedEvent        *event;
  HeedRecordEditor *editor;
};

G_DEFINE_FINAL_TYPE (HeedEntryDialog, heed_entry_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const entry_fields[] = { "kind", "occurred-at", "staff", "summary", "detail",
                                            NULL };

gboolean
heed_entry_dialog_save (HeedEntryDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEED_IS_ENTRY_DIALOG (self), FALSE);

  if (heed_record_editor_check (self->editor) > 0)
    return FALSE;
  if (!heed_store_save (self->store, HEED_RECORD (self->event), &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_ADDED], 0, self->event);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkWidget *
heed_entry_dialog_get_row (HeedEntryDialog *self,
                           const char      *field)
{
  g_return_val_if_fail (HEED_IS_ENTRY_DIALOG (self), NULL);
  return heed_record_editor_get_row (self->editor, field);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  heed_entry_dialog_save (HEED_ENTRY_DIALOG (widget));
}

static void
heed_entry_dialog_dispose (GObject *object)
{
  HeedEntryDialog *self = HEED_ENTRY_DIALOG (object);

  g_clear_object (&self->editor);
  G_OBJECT_CLASS (heed_entry_dialog_parent_class)->dispose (object);
}

static void
heed_entry_dialog_finalize (GObject *object)
{
  HeedEntryDialog *self = HEED_ENTRY_DIALOG (object);

  g_clear_object (&self->event);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_entry_dialog_parent_class)->finalize (object);
}

static void
heed_entry_dialog_class_init (HeedEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_entry_dialog_dispose;
  object_class->finalize = heed_entry_dialog_finalize;

  /**
   * HeedEntryDialog::added:
   * @event: the entry, saved
   */
  signals[SIGNAL_ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEED_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "entry.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_entry_dialog_init (HeedEntryDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 560);
  gtk_window_set_title (GTK_WINDOW (self), _("Add an Entry"));
}

HeedEntryDialog *
heed_entry_dialog_new (GtkWindow *parent,
                       HeedStore *store,
                       gint64     case_id)
{
  HeedEntryDialog *self;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:00");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Add"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *problem = gtk_label_new (NULL);

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->event = g_object_new (HEED_TYPE_EVENT, NULL);
  heed_record_set_int (HEED_RECORD (self->event), HEED_EVENT_CASE, case_id);
  heed_record_set_text (HEED_RECORD (self->event), HEED_EVENT_KIND, "note");
  heed_record_set_text (HEED_RECORD (self->event), HEED_EVENT_OCCURRED_AT, at);
  staff = heed_store_list (store, HEED_TYPE_STAFF, 0, NULL);
  self->editor = heed_record_editor_new (HEED_RECORD (self->event));
  heed_record_editor_set_staff (self->editor, staff);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "entry.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  self->problem_label = GTK_LABEL (problem);
  gtk_box_append (GTK_BOX (box), problem);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (heed_record_editor_add_group (self->editor,
                                                                                 NULL, NULL,
                                                                                 entry_fields)));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}
