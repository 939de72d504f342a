/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-choice.h"
#include "heed-record-dialog.h"
#include "heed-record-list.h"
#include "heed-validate.h"

struct _HeedRecordList {
  AdwPreferencesGroup parent_instance;

  GtkWidget *add_button;

  const HeedRecordListKind *kind;
  GType                     record_type;
  char                     *empty;
  HeedStore                *store;
  gint64                    case_id;
  GPtrArray                *rows; /* the rows shown, removed on reload */
};

G_DEFINE_FINAL_TYPE (HeedRecordList, heed_record_list, ADW_TYPE_PREFERENCES_GROUP)

enum { SIGNAL_EDITING, SIGNAL_SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
on_record_saved_cb (HeedRecordList *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
open_record_dialog (HeedRecordList *self, HeedRecord *record, gboolean is_new)
{
  HeedRecordDialog *dialog;

  /* The page reloads after the save: it keeps what is typed on it first. */
  g_signal_emit (self, signals[SIGNAL_EDITING], 0);
  dialog = heed_record_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->store, record,
                                   _(is_new ? self->kind->new_title : self->kind->edit_title),
                                      is_new ? _("_Add") : _("_Save"), self->kind->fields);
  /* The page may be shown again while the dialog is open: the list waits for its answer. */
  g_signal_connect_data (dialog, "saved", G_CALLBACK (on_record_saved_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_button_clicked_cb (HeedRecordList *self)
{
  g_autoptr(HeedRecord) record = g_object_new (self->record_type, NULL);

  heed_record_set_int (record, (guint) heed_record_find_field (record, "case"), self->case_id);
  open_record_dialog (self, record, TRUE);
}

static void
on_row_activated_cb (AdwActionRow *row, HeedRecordList *self)
{
  HeedRecord *record = g_object_get_data (G_OBJECT (row), "heed-record");
  g_autoptr(HeedRecord) copy = heed_record_copy (record);

  open_record_dialog (self, copy, FALSE);
}

static char *
dup_field_text (HeedRecord *record, const char *field)
{
  int                  index = heed_record_find_field (record, field);
  const HeedFieldSpec *spec;
  GDate                date;

  if (index < 0 || !heed_record_is_set (record, (guint) index))
    return NULL;
  spec = &heed_record_get_fields (record, NULL)[index];
  if (spec->type == HEED_VALUE_CHOICE)
    return g_strdup (heed_choice_get_label (field, heed_record_get_text (record, (guint) index)));
  if (spec->type == HEED_VALUE_DATE && heed_record_get_date (record, (guint) index, &date))
    return heed_format_date_long (&date);
  return heed_record_dup_string (record, (guint) index);
}

static void
add_row (HeedRecordList *self, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

void
heed_record_list_load (HeedRecordList *self, HeedStore *store, gint64 case_id)
{
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (HEED_IS_RECORD_LIST (self));
  g_return_if_fail (HEED_IS_STORE (store));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_set_object (&self->store, store);
  self->case_id = case_id;
  gtk_widget_set_sensitive (self->add_button, !heed_store_is_read_only (store));

  records = heed_store_list (store, self->record_type, case_id, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      HeedRecord      *record = g_ptr_array_index (records, i);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *row_title = dup_field_text (record, self->kind->title_field);
      g_autofree char *subtitle = dup_field_text (record, self->kind->subtitle_field);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title != NULL ? row_title : "");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !heed_store_is_read_only (store));
      g_object_set_data_full (G_OBJECT (row), "heed-record", g_object_ref (record), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
      add_row (self, row);
    }
  if (records == NULL || records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->empty);
      gtk_widget_add_css_class (row, "dim-label");
      add_row (self, row);
    }
}

static void
heed_record_list_dispose (GObject *object)
{
  HeedRecordList *self = HEED_RECORD_LIST (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_RECORD_LIST);
  G_OBJECT_CLASS (heed_record_list_parent_class)->dispose (object);
}

static void
heed_record_list_finalize (GObject *object)
{
  HeedRecordList *self = HEED_RECORD_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->empty);
  G_OBJECT_CLASS (heed_record_list_parent_class)->finalize (object);
}

static void
heed_record_list_class_init (HeedRecordListClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_record_list_dispose;
  object_class->finalize = heed_record_list_finalize;

  /**
   * HeedRecordList::editing:
   *
   * A record dialog is about to open: what else is typed on the page is to be kept, since the
   * page is reloaded when the record is saved.
   */
  signals[SIGNAL_EDITING] = g_signal_new ("editing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HeedRecordList::saved:
   *
   * A record was added or changed, and saved.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedRecordList, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
}

static void
heed_record_list_init (HeedRecordList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
heed_record_list_new (const HeedRecordListKind *kind,
                      GType                     record_type,
                      const char               *title,
                      const char               *description,
                      const char               *empty)
{
  HeedRecordList  *self;
  g_autofree char *add_label = NULL;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (g_type_is_a (record_type, HEED_TYPE_RECORD), NULL);

  self = g_object_new (HEED_TYPE_RECORD_LIST, "title", title, "description", description, NULL);
  self->kind = kind;
  self->record_type = record_type;
  self->empty = g_strdup (empty);
  add_label = g_strdup_printf (_("Add: %s"), _(kind->edit_title));
  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  add_label, -1);
  gtk_widget_set_name (self->add_button, kind->name);
  /* tests/a11y-walk.c finds the lists' Add buttons by this. */
  g_object_set_data (G_OBJECT (self->add_button), "heed-list", (gpointer) kind);
  return GTK_WIDGET (self);
}
