/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-button-names.h"
#include "heed-language-choice.h"
#include "heed-letter-dialog.h"
#include "heed-letter-layout.h"
#include "heed-letter-template.h"
#include "heed-long-text-row.h"
#include "heed-merged-letter.h"
#include "heed-page-preview.h"
#include "heed-store-letters.h"

/* A letter for a case: choose the template, write the parts only a person can write, see the
 * pages as they will print, then print, save as PDF, or mark it sent (which keeps the exact
 * PDF in the practice file and puts it on the case's timeline). */

struct _HeedLetterDialog
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toasts;
  AdwComboRow         *template_row;
  AdwComboRow         *language_row;
  AdwActionRow        *needs_row;
  GtkSwitch           *large_print;
  AdwPreferencesGroup *words_group;
  AdwPreferencesGroup *missing_group;
  HeedPagePreview     *preview;
  GPtrArray           *word_rows;     /* rows in words_group */
  GPtrArray           *missing_rows;  /* rows in missing_group */

  HeedStore           *store;
  gint64               case_id;
  GStrv                template_ids;
  HeedLetterTemplate  *template;
  HeedMergedLetter    *letter;
  GHashTable          *free_texts;    /* name -> text, kept across template changes */
  guint                update_source;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (HeedLetterDialog, heed_letter_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (HeedLetterDialog *self,
       const char       *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
fill_missing (HeedLetterDialog *self)
{
  const char *const *missing = self->letter != NULL ? heed_merged_letter_get_missing (self->letter)
                                                    : NULL;

  for (guint i = 0; i < self->missing_rows->len; i++)
    adw_preferences_group_remove (self->missing_group,
                                  g_ptr_array_index (self->missing_rows, i));
  g_ptr_array_set_size (self->missing_rows, 0);
  for (guint i = 0; missing != NULL && missing[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), missing[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_preferences_group_add (self->missing_group, row);
      g_ptr_array_add (self->missing_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), self->missing_rows->len > 0);
  heed_accessible_name_all (GTK_WIDGET (self->missing_group));
}

/* Merges and lays the letter out again from what is chosen and typed. */
static void
update (HeedLetterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *description = NULL;
  HeedMergedLetter *letter;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->template == NULL)
    return;
  letter = heed_merged_letter_new (self->store, self->template, self->case_id, self->free_texts,
                                   NULL, &error);
  if (letter == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_object (&self->letter);
  self->letter = letter;
  flow = heed_letter_layout_new (letter, gtk_switch_get_active (self->large_print));
  description = g_strdup_printf (_("Preview of the letter: %s"),
                                 heed_merged_letter_get_title (letter));
  heed_page_preview_set_flow (self->preview, flow, description);
  fill_missing (self);
}

static void
on_large_print_active_cb (GtkSwitch        *large_print,
                          GParamSpec       *pspec,
                          HeedLetterDialog *self)
{
  update (self);
}

static gboolean
update_cb (gpointer user_data)
{
  HeedLetterDialog *self = user_data;

  self->update_source = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (HeedLetterDialog *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (250, update_cb, self);
}

static void
on_words_changed_cb (GtkTextBuffer    *buffer,
                     HeedLetterDialog *self)
{
  const char *name = g_object_get_data (G_OBJECT (buffer), "heed-name");
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_hash_table_replace (self->free_texts, g_strdup (name),
                        gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  queue_update (self);
}

static void
fill_words (HeedLetterDialog *self)
{
  const char *const *names = heed_letter_template_get_free_texts (self->template);

  for (guint i = 0; i < self->word_rows->len; i++)
    adw_preferences_group_remove (self->words_group, g_ptr_array_index (self->word_rows, i));
  g_ptr_array_set_size (self->word_rows, 0);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      const char *given = heed_letter_template_get_free_text_label (self->template, names[i]);
      g_autofree char *label = NULL;
      const char *kept = g_hash_table_lookup (self->free_texts, names[i]);
      GtkWidget *row;
      GtkTextBuffer *buffer;

      /* Templates name their parts in running text ("what we found"); a heading starts with
       * a capital. */
      given = given != NULL ? given : names[i];
      {
        char first[7] = { 0 };

        g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (given)), first);
        label = g_strconcat (first, g_utf8_next_char (given), NULL);
      }
      row = heed_long_text_row_new (label);
      buffer = gtk_text_view_get_buffer (heed_long_text_row_get_view (HEED_LONG_TEXT_ROW (row)));
      gtk_widget_set_name (GTK_WIDGET (heed_long_text_row_get_view (HEED_LONG_TEXT_ROW (row))),
                           names[i]);
      if (kept != NULL)
        gtk_text_buffer_set_text (buffer, kept, -1);
      g_object_set_data_full (G_OBJECT (buffer), "heed-name", g_strdup (names[i]), g_free);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_words_changed_cb), self);
      adw_preferences_group_add (self->words_group, row);
      g_ptr_array_add (self->word_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->words_group), self->word_rows->len > 0);
  heed_accessible_name_all (GTK_WIDGET (self->words_group));
}


static gboolean
load_template (HeedLetterDialog *self,
               const char       *id,
               HeedLanguage      language)
{
  g_autoptr(GError) error = NULL;
  HeedLetterTemplate *template;

  template = heed_letter_template_load_in (self->store, id, language, &error);
  if (template == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->template);
  self->template = template;
  self->loading = TRUE;
  for (guint i = 0; self->template_ids[i] != NULL; i++)
    if (g_strcmp0 (self->template_ids[i], id) == 0
        && adw_combo_row_get_selected (self->template_row) != i)
      adw_combo_row_set_selected (self->template_row, i);
  adw_combo_row_set_selected (self->language_row,
                              heed_language_choice_position (
                                heed_letter_template_get_language (template)));
  self->loading = FALSE;
  fill_words (self);
  update (self);
  return TRUE;
}

gboolean
heed_letter_dialog_set_template (HeedLetterDialog *self,
                                 const char       *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) first = NULL;
  g_autoptr(HeedPerson) recipient = NULL;
  g_autofree char *needs = NULL;
  HeedLanguage language = HEED_LANGUAGE_INTERFACE;

  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), FALSE);

  first = heed_letter_template_load (self->store, id, &error);
  if (first == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  /* Written as the person it goes to asked: in Welsh, in large print; other needs (braille,
   * easy read, an interpreter) are shown so that the practice arranges them. */
  recipient = heed_merged_letter_find_recipient (self->store, first, self->case_id, NULL);
  if (recipient != NULL)
    {
      language = heed_person_get_letter_language (recipient);
      if (heed_person_needs_large_print (recipient))
        gtk_switch_set_active (self->large_print, TRUE);
      needs = heed_person_dup_needs (recipient);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->needs_row), needs != NULL);
  if (needs != NULL)
    adw_action_row_set_subtitle (self->needs_row, needs);
  return load_template (self, id, language);
}

gboolean
heed_letter_dialog_set_language (HeedLetterDialog *self,
                                 HeedLanguage      language)
{
  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), FALSE);
  g_return_val_if_fail (self->template != NULL, FALSE);

  return load_template (self, heed_letter_template_get_id (self->template), language);
}

gboolean
heed_letter_dialog_get_large_print (HeedLetterDialog *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->large_print);
}

HeedLanguage
heed_letter_dialog_get_language (HeedLetterDialog *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), HEED_LANGUAGE_ENGLISH);
  return self->template != NULL ? heed_letter_template_get_language (self->template)
                                : HEED_LANGUAGE_ENGLISH;
}

static void
on_language_row_selected_cb (AdwComboRow      *row,
                             GParamSpec       *pspec,
                             HeedLetterDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  HeedLanguage language = heed_language_choice_at (selected);

  if (self->loading || self->template == NULL || selected == GTK_INVALID_LIST_POSITION
      || language == heed_letter_template_get_language (self->template))
    return;
  heed_letter_dialog_set_language (self, language);
}

static void
on_template_row_selected_cb (AdwComboRow      *row,
                             GParamSpec       *pspec,
                             HeedLetterDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (!self->loading && selected < g_strv_length (self->template_ids)
      && (self->template == NULL
          || g_strcmp0 (heed_letter_template_get_id (self->template),
                        self->template_ids[selected]) != 0))
    heed_letter_dialog_set_template (self, self->template_ids[selected]);
}

void
heed_letter_dialog_set_free_text (HeedLetterDialog *self,
                                  const char       *name,
                                  const char       *text)
{
  g_return_if_fail (HEED_IS_LETTER_DIALOG (self));

  g_hash_table_replace (self->free_texts, g_strdup (name), g_strdup (text));
  fill_words (self);
  update (self);
}

HeedPagePreview *
heed_letter_dialog_get_preview (HeedLetterDialog *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), NULL);
  return self->preview;
}

gboolean
heed_letter_dialog_save_pdf (HeedLetterDialog  *self,
                             const char        *path,
                             GError           **error)
{
  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), FALSE);

  if (self->update_source != 0)
    update (self);
  return heed_page_flow_write_pdf (heed_page_preview_get_flow (self->preview), path, error);
}

static gboolean
close_later_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

gboolean
heed_letter_dialog_mark_sent (HeedLetterDialog  *self,
                              const char        *how,
                              GError           **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(HeedLetter) record = NULL;

  g_return_val_if_fail (HEED_IS_LETTER_DIALOG (self), FALSE);

  if (self->update_source != 0 || self->letter == NULL)
    update (self);
  if (self->letter == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The letter could not be made."));
      return FALSE;
    }
  /* The exact pages seen here are the ones kept. */
  pdf = heed_page_flow_render_pdf (heed_page_preview_get_flow (self->preview), error);
  if (pdf == NULL)
    return FALSE;
  record = heed_merged_letter_create_record (self->letter,
                                             gtk_switch_get_active (self->large_print));
  if (!heed_store_send_letter (self->store, record, pdf, how, error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_SENT], 0, heed_merged_letter_get_title (self->letter));
  /* Closed once the question that asked how it was sent has finished with this window. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, close_later_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

static void
on_save_response_cb (GtkNativeDialog  *native,
                     int               response,
                     HeedLetterDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !heed_letter_dialog_save_pdf (self, g_file_peek_path (file), &error))
        toast (self, error->message);
      else if (file != NULL)
        toast (self, _("Saved as PDF"));
    }
  g_object_unref (native);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedLetterDialog *self = HEED_LETTER_DIALOG (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Save the Letter as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s %s.pdf",
                          self->letter != NULL ? heed_merged_letter_get_reference (self->letter)
                                               : "",
                          self->letter != NULL ? heed_merged_letter_get_title (self->letter)
                                               : _("Letter"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), g_strstrip (name));
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeedLetterDialog *self = HEED_LETTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->update_source != 0)
    update (self);
  if (!heed_page_preview_print (self->preview, GTK_WINDOW (self),
                                self->letter != NULL ? heed_merged_letter_get_title (self->letter)
                                                     : _("Letter"),
                                &error))
    toast (self, error->message);
}

static void
on_sent_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HeedLetterDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel") == 0)
    return;
  if (!heed_letter_dialog_mark_sent (self, response, &error))
    toast (self, error->message);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedLetterDialog *self = HEED_LETTER_DIALOG (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Mark the Letter as Sent?"),
                                   _("Heed keeps this exact letter with the case and adds it to "
                                     "the case’s timeline. A sent letter cannot be changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "email", _("Sent by _Email"), "by-hand", _("Given by _Hand"),
                                    "post", _("Sent by _Post"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "post",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "post");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_sent_response_cb), self);
  heed_accessible_name_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
heed_letter_dialog_dispose (GObject *object)
{
  HeedLetterDialog *self = HEED_LETTER_DIALOG (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_LETTER_DIALOG);
  g_clear_object (&self->letter);
  g_clear_object (&self->template);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_letter_dialog_parent_class)->dispose (object);
}

static void
heed_letter_dialog_finalize (GObject *object)
{
  HeedLetterDialog *self = HEED_LETTER_DIALOG (object);

  g_clear_pointer (&self->word_rows, g_ptr_array_unref);
  g_clear_pointer (&self->missing_rows, g_ptr_array_unref);
  g_clear_pointer (&self->free_texts, g_hash_table_unref);
  g_clear_pointer (&self->template_ids, g_strfreev);
  G_OBJECT_CLASS (heed_letter_dialog_parent_class)->finalize (object);
}

static void
heed_letter_dialog_class_init (HeedLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_letter_dialog_dispose;
  object_class->finalize = heed_letter_dialog_finalize;

  /**
   * HeedLetterDialog::sent:
   * @title: what the letter is, such as "Acknowledgement"
   */
  signals[SIGNAL_SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (HEED_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, needs_row);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, large_print);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, words_group);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, missing_group);
  gtk_widget_class_bind_template_child (widget_class, HeedLetterDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_template_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_large_print_active_cb);

  gtk_widget_class_install_action (widget_class, "letter.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "letter.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "letter.send", NULL, send_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "letter.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "letter.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_letter_dialog_init (HeedLetterDialog *self)
{
  g_autoptr(GListModel) languages = heed_language_choice_new_model ();

  self->word_rows = g_ptr_array_new ();
  self->missing_rows = g_ptr_array_new ();
  self->free_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_button_names_settle (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  adw_combo_row_set_model (self->language_row, languages);
  self->loading = FALSE;
}

HeedLetterDialog *
heed_letter_dialog_new (GtkWindow  *parent,
                        HeedStore  *store,
                        gint64      case_id,
                        const char *template_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  HeedLetterDialog *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  self->template_ids = heed_letter_template_list_ids (store, NULL);
  if (self->template_ids == NULL)
    self->template_ids = g_strdupv ((char **) heed_letter_template_get_builtin_ids ());
  for (guint i = 0; self->template_ids[i] != NULL; i++)
    {
      g_autoptr(HeedLetterTemplate) template =
        heed_letter_template_load (store, self->template_ids[i], NULL);

      gtk_string_list_append (names, template != NULL ? heed_letter_template_get_name (template)
                                                      : self->template_ids[i]);
    }
  /* The first template is chosen below, not by the choice filling. */
  self->loading = TRUE;
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  self->loading = FALSE;
  heed_letter_dialog_set_template (self, template_id != NULL ? template_id
                                                             : self->template_ids[0]);
  return self;
}
