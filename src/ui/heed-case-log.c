/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-case-log.h"
#include "heed-event.h"
#include "heed-store-exchange.h"
#include "heed-validate.h"

struct _HeedCaseLog {
  AdwPreferencesGroup parent_instance;

  GtkWidget *add_button;

  GPtrArray *rows; /* the rows shown, removed on reload */
};

G_DEFINE_FINAL_TYPE (HeedCaseLog, heed_case_log, ADW_TYPE_PREFERENCES_GROUP)

enum { SIGNAL_ATTACH_FILE, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
on_open_attachment_clicked_cb (GtkButton *button, HeedCaseLog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-attachment", "x",
                              *(gint64 *) g_object_get_data (G_OBJECT (button), "heed-attachment"));
}

static void
on_attach_chosen_cb (GtkNativeDialog *native, int response, HeedCaseLog *self)
{
  gint64 event_id = *(gint64 *) g_object_get_data (G_OBJECT (native), "heed-event");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        g_signal_emit (self, signals[SIGNAL_ATTACH_FILE], 0, event_id, file);
    }
  g_object_unref (native);
}

static void
on_attach_clicked_cb (GtkButton *button, HeedCaseLog *self)
{
  GtkFileChooserNative *native;

  native =
    gtk_file_chooser_native_new (_("Attach a File"),
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (native), "heed-event",
                          g_memdup2 (g_object_get_data (G_OBJECT (button), "heed-event"),
                                     sizeof (gint64)),
                          g_free);
  /* The page may be shown again while the chooser is open: the log waits for its answer. */
  g_signal_connect_data (native, "response", G_CALLBACK (on_attach_chosen_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
add_row (HeedCaseLog *self, GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

void
heed_case_log_load (HeedCaseLog *self, HeedStore *store, gint64 case_id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) attachments = NULL;

  g_return_if_fail (HEED_IS_CASE_LOG (self));
  g_return_if_fail (HEED_IS_STORE (store));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_sensitive (self->add_button, !heed_store_is_read_only (store));

  events = heed_store_list (store, HEED_TYPE_EVENT, case_id, NULL);
  attachments = heed_store_list_attachments (store, case_id, NULL);
  for (guint i = events != NULL ? events->len : 0; i > 0; i--)
    {
      HeedRecord      *event = g_ptr_array_index (events, i - 1);
      GtkWidget       *row = adw_action_row_new ();
      const char      *at = heed_record_get_text (event, HEED_EVENT_OCCURRED_AT);
      const char      *summary = heed_record_get_text (event, HEED_EVENT_SUMMARY);
      const char      *detail = heed_record_get_text (event, HEED_EVENT_DETAIL);
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      GDate            date;

      if (at != NULL && strlen (at) >= 10)
        {
          g_autofree char *day = g_strndup (at, 10);

          if (heed_date_from_iso (day, &date))
            {
              g_autofree char *long_day = heed_format_date_long (&date);

              /* Translators: "3 June 2025 at 14:30" */
              when = strlen (at) >= 16 ? g_strdup_printf (_("%s at %.5s"), long_day, at + 11)
                                       : g_steal_pointer (&long_day);
            }
        }
      title =
        g_strdup_printf ("%s — %s", when != NULL ? when : "",
                         heed_event_kind_get_label (heed_record_get_text (event, HEED_EVENT_KIND)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (summary != NULL || detail != NULL)
        {
          g_autofree char *subtitle =
            g_strjoin (summary != NULL && detail != NULL ? "\n" : "",
                       summary != NULL ? summary : "", detail != NULL ? detail : "", NULL);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      for (guint j = 0; attachments != NULL && j < attachments->len; j++)
        {
          HeedAttachmentInfo *info = g_ptr_array_index (attachments, j);
          GtkWidget          *open;
          g_autofree char    *label = NULL;

          if (info->event_id != heed_record_get_id (event))
            continue;
          open = gtk_button_new_from_icon_name ("document-open-symbolic");
          label = g_strdup_printf (_("Open %s"), info->filename);
          gtk_widget_add_css_class (open, "flat");
          gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (open, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          g_object_set_data_full (G_OBJECT (open), "heed-attachment",
                                  g_memdup2 (&info->id, sizeof info->id), g_free);
          g_signal_connect (open, "clicked", G_CALLBACK (on_open_attachment_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
      if (!heed_store_is_read_only (store))
        {
          GtkWidget *attach = gtk_button_new_from_icon_name ("mail-attachment-symbolic");

          gtk_widget_add_css_class (attach, "flat");
          gtk_widget_set_valign (attach, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (attach, _("Attach a File…"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (attach), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Attach a file to this entry"), -1);
          g_object_set_data_full (G_OBJECT (attach), "heed-event",
                                  g_memdup2 (&(gint64){ heed_record_get_id (event) },
                                             sizeof (gint64)),
                                  g_free);
          g_signal_connect (attach, "clicked", G_CALLBACK (on_attach_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), attach);
        }
      add_row (self, row);
    }
  if (events == NULL || events->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing recorded yet"));
      add_row (self, row);
    }
}

static void
heed_case_log_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HEED_TYPE_CASE_LOG);
  G_OBJECT_CLASS (heed_case_log_parent_class)->dispose (object);
}

static void
heed_case_log_finalize (GObject *object)
{
  HeedCaseLog *self = HEED_CASE_LOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_case_log_parent_class)->finalize (object);
}

static void
heed_case_log_class_init (HeedCaseLogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_case_log_dispose;
  object_class->finalize = heed_case_log_finalize;

  /**
   * HeedCaseLog::attach-file:
   * @event_id: the entry to keep it with
   * @file: the file chosen
   */
  signals[SIGNAL_ATTACH_FILE] =
    g_signal_new ("attach-file", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/heed-case-log.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedCaseLog, add_button);
}

static void
heed_case_log_init (HeedCaseLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
heed_case_log_new (void)
{
  return g_object_new (HEED_TYPE_CASE_LOG, NULL);
}
