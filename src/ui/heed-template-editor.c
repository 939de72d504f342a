/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-button-names.h"
#include "heed-language-choice.h"
#include "heed-letter-layout.h"
#include "heed-letter-template.h"
#include "heed-merged-letter.h"
#include "heed-page-preview.h"
#include "heed-template-editor.h"

/* The practice's own wording of its letters: a template's XML on the left, checked as it is
 * typed (a mistake is named with its line), and on the right the letter it makes for a real
 * case of the practice. Saving keeps a practice copy; Heed's own can always be put back. */

struct _HeedTemplateEditor
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;
  GtkDropDown       *template_dropdown;
  GtkDropDown       *language_dropdown;
  GtkTextView       *source_view;
  GtkLabel          *problem_label;
  GtkWidget         *revert_button;
  HeedPagePreview   *preview;

  HeedStore         *store;
  GStrv              ids;
  gint64             sample_case;   /* the case the preview is made for, or 0 */
  HeedLanguage       language;      /* English or Welsh: a practice keeps a copy of each */
  gboolean           loading;
  gboolean           valid;
  guint              check_source;
};

G_DEFINE_FINAL_TYPE (HeedTemplateEditor, heed_template_editor, ADW_TYPE_WINDOW)


static char *
dup_source (HeedTemplateEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Checks what is typed and, when it is a template, shows the letter it makes. */
gboolean
heed_template_editor_check (HeedTemplateEditor *self)
{
  g_autofree char *source = dup_source (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;
  g_autoptr(HeedMergedLetter) letter = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;

  g_return_val_if_fail (HEED_IS_TEMPLATE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->check_source, g_source_remove);
  template = heed_letter_template_new_from_data (source, -1, &error);
  self->valid = template != NULL;
  gtk_label_set_text (self->problem_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), error != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.save", self->valid);
  if (template == NULL || self->sample_case == 0)
    return self->valid;

  letter = heed_merged_letter_new (self->store, template, self->sample_case, NULL, NULL, &error);
  if (letter == NULL)
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return self->valid;
    }
  flow = heed_letter_layout_new (letter, FALSE);
  heed_page_preview_set_flow (self->preview, flow, _("Preview of the letter"));
  return self->valid;
}

static gboolean
check_cb (gpointer user_data)
{
  HeedTemplateEditor *self = user_data;

  self->check_source = 0;
  heed_template_editor_check (self);
  return G_SOURCE_REMOVE;
}

static void
on_source_buffer_changed_cb (GtkTextBuffer      *buffer,
                             HeedTemplateEditor *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (500, check_cb, self);
}

gboolean
heed_template_editor_load (HeedTemplateEditor *self,
                           const char         *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;

  g_return_val_if_fail (HEED_IS_TEMPLATE_EDITOR (self), FALSE);

  template = heed_letter_template_load_in (self->store, id, self->language, &error);

  if (template == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return FALSE;
    }
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_view),
                            heed_letter_template_get_source (template), -1);
  self->loading = FALSE;
  gtk_widget_set_sensitive (self->revert_button, !heed_letter_template_is_builtin (template));
  heed_template_editor_check (self);
  return TRUE;
}

static const char *
selected_id (HeedTemplateEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->template_dropdown);

  return selected < g_strv_length (self->ids) ? self->ids[selected] : NULL;
}

static void
on_template_dropdown_selected_cb (GtkDropDown        *dropdown,
                                  GParamSpec         *pspec,
                                  HeedTemplateEditor *self)
{
  if (self->loading)
    return;
  if (selected_id (self) != NULL)
    heed_template_editor_load (self, selected_id (self));
}

static void
on_language_dropdown_selected_cb (GtkDropDown        *dropdown,
                                  GParamSpec         *pspec,
                                  HeedTemplateEditor *self)
{
  if (self->loading)
    return;
  self->language = heed_language_choice_at (gtk_drop_down_get_selected (dropdown));
  if (selected_id (self) != NULL)
    heed_template_editor_load (self, selected_id (self));
}

/* Shows the practice's wording in @language (English or Welsh). */
void
heed_template_editor_set_language (HeedTemplateEditor *self,
                                   HeedLanguage        language)
{
  g_return_if_fail (HEED_IS_TEMPLATE_EDITOR (self));

  gtk_drop_down_set_selected (self->language_dropdown,
                              heed_language_choice_position (language));
}

HeedLanguage
heed_template_editor_get_language (HeedTemplateEditor *self)
{
  g_return_val_if_fail (HEED_IS_TEMPLATE_EDITOR (self), HEED_LANGUAGE_ENGLISH);
  return self->language;
}

char *
heed_template_editor_dup_source (HeedTemplateEditor *self)
{
  g_return_val_if_fail (HEED_IS_TEMPLATE_EDITOR (self), NULL);
  return dup_source (self);
}

void
heed_template_editor_set_source (HeedTemplateEditor *self,
                                 const char         *source)
{
  g_return_if_fail (HEED_IS_TEMPLATE_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->source_view), source, -1);
  heed_template_editor_check (self);
}

const char *
heed_template_editor_get_problem (HeedTemplateEditor *self)
{
  g_return_val_if_fail (HEED_IS_TEMPLATE_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label))
         ? gtk_label_get_text (self->problem_label) : NULL;
}

gboolean
heed_template_editor_save (HeedTemplateEditor  *self,
                           GError             **error)
{
  g_autofree char *source = dup_source (self);
  g_autoptr(HeedLetterTemplate) saved = NULL;

  g_return_val_if_fail (HEED_IS_TEMPLATE_EDITOR (self), FALSE);

  saved = heed_letter_template_save_copy (self->store, source, error);
  if (saved == NULL)
    return FALSE;
  gtk_widget_set_sensitive (self->revert_button, TRUE);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedTemplateEditor *self = HEED_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_template_editor_save (self, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    adw_toast_overlay_add_toast (self->toasts,
                                 adw_toast_new (_("Saved: letters use the practice’s wording "
                                                  "from now on")));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeedTemplateEditor *self = HEED_TEMPLATE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  const char *id = selected_id (self);

  if (id == NULL)
    return;
  if (!heed_letter_template_remove_copy (self->store, id, self->language, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  heed_template_editor_load (self, id);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Heed’s own wording is back")));
}

static void
heed_template_editor_dispose (GObject *object)
{
  HeedTemplateEditor *self = HEED_TEMPLATE_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_template_editor_parent_class)->dispose (object);
}

static void
heed_template_editor_finalize (GObject *object)
{
  HeedTemplateEditor *self = HEED_TEMPLATE_EDITOR (object);

  g_clear_pointer (&self->ids, g_strfreev);
  G_OBJECT_CLASS (heed_template_editor_parent_class)->finalize (object);
}

static void
heed_template_editor_class_init (HeedTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_template_editor_dispose;
  object_class->finalize = heed_template_editor_finalize;

  g_type_ensure (HEED_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, toasts);
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, HeedTemplateEditor, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_source_buffer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "template.revert", NULL, revert_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "template.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_template_editor_init (HeedTemplateEditor *self)
{
  /* The choices are filled in by heed_template_editor_new(), which then loads the first. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_button_names_settle (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  heed_language_choice_set_up (self->language_dropdown);
  self->loading = FALSE;
}

HeedTemplateEditor *
heed_template_editor_new (GtkWindow *parent,
                          HeedStore *store,
                          gint64     sample_case)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  HeedTemplateEditor *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_TEMPLATE_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->sample_case = sample_case;
  self->ids = heed_letter_template_list_ids (store, NULL);
  if (self->ids == NULL)
    self->ids = g_strdupv ((char **) heed_letter_template_get_builtin_ids ());
  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      g_autoptr(HeedLetterTemplate) template = heed_letter_template_load (store, self->ids[i],
                                                                           NULL);

      gtk_string_list_append (names, template != NULL ? heed_letter_template_get_name (template)
                                                      : self->ids[i]);
    }
  self->loading = TRUE;
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  /* The wording in the interface's language first, as letters are made in it. */
  self->language = heed_language_resolve (HEED_LANGUAGE_INTERFACE);
  gtk_drop_down_set_selected (self->language_dropdown,
                              heed_language_choice_position (self->language));
  self->loading = FALSE;
  if (self->ids[0] != NULL)
    heed_template_editor_load (self, self->ids[0]);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_view), !heed_store_is_read_only (store));
  return self;
}
