/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-staff.h"
#include "heed-staff-picker.h"

/* Who was involved in what happened: the staff named in a complaint, ticked from the list. */

struct _HeedStaffPicker
{
  AdwPreferencesGroup parent_instance;

  GPtrArray          *rows;   /* AdwActionRow*, each with "heed-id" and "heed-check" */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (HeedStaffPicker, heed_staff_picker, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_toggled_cb (GtkCheckButton  *check,
               HeedStaffPicker *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
heed_staff_picker_finalize (GObject *object)
{
  HeedStaffPicker *self = HEED_STAFF_PICKER (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_staff_picker_parent_class)->finalize (object);
}

static void
heed_staff_picker_class_init (HeedStaffPickerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heed_staff_picker_finalize;

  /**
   * HeedStaffPicker::changed:
   *
   * A member of staff was ticked or unticked.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
heed_staff_picker_init (HeedStaffPicker *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Staff Involved"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Who the feedback is about or who was there. They "
                                           "are told and can give their account."));
}

GtkWidget *
heed_staff_picker_new (GPtrArray *staff)
{
  HeedStaffPicker *self = g_object_new (HEED_TYPE_STAFF_PICKER, NULL);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      HeedRecord *member = g_ptr_array_index (staff, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *role = heed_record_get_text (member, HEED_STAFF_ROLE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     heed_record_get_text (member, HEED_STAFF_NAME));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (role != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), role);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      /* The row labels the check box it activates with the name (a label too would be read
       * twice). */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_visible (row, heed_record_get_bool (member, HEED_STAFF_ACTIVE));
      g_object_set_data_full (G_OBJECT (row), "heed-id",
                              g_memdup2 (&(gint64) { heed_record_get_id (member) },
                                         sizeof (gint64)),
                              g_free);
      g_object_set_data (G_OBJECT (row), "heed-check", check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_toggled_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  heed_accessible_name_all (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

void
heed_staff_picker_set_selected (HeedStaffPicker *self,
                                GArray          *staff_ids)
{
  g_return_if_fail (HEED_IS_STAFF_PICKER (self));

  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "heed-id");
      gboolean chosen = FALSE;

      for (guint j = 0; staff_ids != NULL && j < staff_ids->len; j++)
        chosen |= g_array_index (staff_ids, gint64, j) == id;
      gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "heed-check"), chosen);
      if (chosen)
        gtk_widget_set_visible (row, TRUE);
    }
  self->loading = FALSE;
}

GArray *
heed_staff_picker_dup_selected (HeedStaffPicker *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (HEED_IS_STAFF_PICKER (self), ids);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "heed-check")))
        g_array_append_val (ids, *(gint64 *) g_object_get_data (G_OBJECT (row), "heed-id"));
    }
  return ids;
}
