/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-button-names.h"
#include "heed-record-dialog.h"
#include "heed-record-editor.h"
#include "heed-staff.h"

/* One record in a small dialog: its rows come from the field table, its checks from the
 * record, and it is saved whole or not at all. */

struct _HeedRecordDialog
{
  AdwWindow           parent_instance;

  GtkLabel           *problem_label;
  GtkButton          *save_button;
  AdwPreferencesPage *page;

  HeedStore          *store;
  HeedRecord         *record;
  HeedRecordEditor   *editor;
};

G_DEFINE_FINAL_TYPE (HeedRecordDialog, heed_record_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
heed_record_dialog_save (HeedRecordDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEED_IS_RECORD_DIALOG (self), FALSE);

  if (heed_record_editor_check (self->editor) > 0)
    return FALSE;
  if (!heed_store_save (self->store, self->record, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->record);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkWidget *
heed_record_dialog_get_row (HeedRecordDialog *self,
                            const char       *field)
{
  g_return_val_if_fail (HEED_IS_RECORD_DIALOG (self), NULL);
  return heed_record_editor_get_row (self->editor, field);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  heed_record_dialog_save (HEED_RECORD_DIALOG (widget));
}

static void
heed_record_dialog_dispose (GObject *object)
{
  HeedRecordDialog *self = HEED_RECORD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_RECORD_DIALOG);
  g_clear_object (&self->editor);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_record_dialog_parent_class)->dispose (object);
}

static void
heed_record_dialog_class_init (HeedRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_record_dialog_dispose;

  /**
   * HeedRecordDialog::saved:
   * @record: the record, saved
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEED_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedRecordDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HeedRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HeedRecordDialog, page);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "record.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_record_dialog_init (HeedRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "_Add" as a screen reader should say it: "Add" (GTK 4.8 would otherwise say "_Add Add"). */
static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

HeedRecordDialog *
heed_record_dialog_new (GtkWindow         *parent,
                        HeedStore         *store,
                        HeedRecord        *record,
                        const char        *title,
                        const char        *save_label,
                        const char *const *fields)
{
  HeedRecordDialog *self;
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *save_name = NULL;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (HEED_IS_RECORD (record), NULL);
  g_return_val_if_fail (save_label != NULL, NULL);

  self = g_object_new (HEED_TYPE_RECORD_DIALOG, "transient-for", parent, "title", title, NULL);
  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  staff = heed_store_list (store, HEED_TYPE_STAFF, 0, NULL);
  self->editor = heed_record_editor_new (record);
  heed_record_editor_set_staff (self->editor, staff);
  heed_record_editor_use_categories (self->editor, store);

  gtk_button_set_label (self->save_button, save_label);
  save_name = without_mnemonic (save_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);
  heed_button_names_settle (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  adw_preferences_page_add (self->page,
                            ADW_PREFERENCES_GROUP (heed_record_editor_add_group (self->editor,
                                                                                 NULL, NULL,
                                                                                 fields)));
  return self;
}
