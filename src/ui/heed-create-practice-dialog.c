/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-create-practice-dialog.h"
#include "heed-store.h"
#include "heed-validate.h"

/* The first-run form: the practice's details, then where to keep its file. */

struct _HeedCreatePracticeDialog
{
  AdwWindow    parent_instance;

  AdwEntryRow *name_row;
  AdwComboRow *nation_row;
  AdwEntryRow *address_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *manager_row;
  AdwEntryRow *responsible_row;
  GtkLabel    *problem_label;
};

G_DEFINE_FINAL_TYPE (HeedCreatePracticeDialog, heed_create_practice_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const HeedNation nations[] = {
  HEED_NATION_ENGLAND, HEED_NATION_WALES, HEED_NATION_SCOTLAND, HEED_NATION_NORTHERN_IRELAND,
};

static char *
dup_row (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_problem (HeedCreatePracticeDialog *self,
              GtkWidget                *row,
              const char               *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

/* Checks what was typed before asking where to keep the file. */
static gboolean
check_fields (HeedCreatePracticeDialog *self)
{
  g_autofree char *name = dup_row (self->name_row);
  g_autofree char *phone = dup_row (self->phone_row);
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->phone_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  if (name[0] == '\0')
    {
      show_problem (self, GTK_WIDGET (self->name_row),
                    _("Give the practice’s name, as it should appear on letters."));
      return FALSE;
    }
  if (phone[0] != '\0' && !heed_parse_phone (phone, NULL, &error))
    {
      show_problem (self, GTK_WIDGET (self->phone_row), error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
heed_create_practice_dialog_create_at (HeedCreatePracticeDialog *self,
                                       const char               *path)
{
  g_autofree char *name = dup_row (self->name_row);
  g_autofree char *address = dup_row (self->address_row);
  g_autofree char *phone = dup_row (self->phone_row);
  g_autofree char *manager = dup_row (self->manager_row);
  g_autofree char *responsible = dup_row (self->responsible_row);
  guint nation = adw_combo_row_get_selected (self->nation_row);
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *address_lines = NULL;

  g_return_val_if_fail (HEED_IS_CREATE_PRACTICE_DIALOG (self), FALSE);

  if (!check_fields (self))
    return FALSE;
  if (nation >= G_N_ELEMENTS (nations))
    nation = 0;
  /* Typed on one line with commas; kept one line per line, as letters print it. */
  lines = g_strsplit (address, ",", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_strstrip (lines[i]);
  address_lines = g_strjoinv ("\n", lines);

  store = heed_store_create (path, name, nations[nation], &error);
  if (store == NULL
      || (address_lines[0] != '\0' && !heed_store_set_setting (store, "address", address_lines,
                                                               &error))
      || (phone[0] != '\0' && !heed_store_set_setting (store, "phone", phone, &error))
      || (manager[0] != '\0' && !heed_store_set_setting (store, "complaints-manager", manager,
                                                         &error))
      || (responsible[0] != '\0' && !heed_store_set_setting (store, "responsible-person",
                                                             responsible, &error)))
    {
      show_problem (self, NULL, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, store);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_response_cb (GtkNativeDialog          *native,
                     int                       response,
                     HeedCreatePracticeDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && g_file_peek_path (file) != NULL)
        heed_create_practice_dialog_create_at (self, g_file_peek_path (file));
    }
  g_object_unref (native);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeedCreatePracticeDialog *self = HEED_CREATE_PRACTICE_DIALOG (widget);
  g_autofree char *name = dup_row (self->name_row);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;

  if (!check_fields (self))
    return;
  suggested = g_strdup_printf ("%s.heed", name);
  g_strdelimit (suggested, "/\\:", '-');
  native = gtk_file_chooser_native_new (_("Keep the Practice File In"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"),
                                        _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
heed_create_practice_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEED_TYPE_CREATE_PRACTICE_DIALOG);
  G_OBJECT_CLASS (heed_create_practice_dialog_parent_class)->dispose (object);
}

static void
heed_create_practice_dialog_class_init (HeedCreatePracticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_create_practice_dialog_dispose;

  /**
   * HeedCreatePracticeDialog::created:
   * @store: the new practice, open
   */
  signals[SIGNAL_CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, HEED_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-create-practice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, nation_row);
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, HeedCreatePracticeDialog, problem_label);

  gtk_widget_class_install_action (widget_class, "practice.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_create_practice_dialog_init (HeedCreatePracticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
}

HeedCreatePracticeDialog *
heed_create_practice_dialog_new (GtkWindow *parent)
{
  return g_object_new (HEED_TYPE_CREATE_PRACTICE_DIALOG, "transient-for", parent, NULL);
}
