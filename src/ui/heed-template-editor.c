/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
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
on_source_changed_cb (GtkTextBuffer      *buffer,
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
on_template_selected_cb (GtkDropDown        *dropdown,
                         GParamSpec         *pspec,
                         HeedTemplateEditor *self)
{
  if (selected_id (self) != NULL)
    heed_template_editor_load (self, selected_id (self));
}

static void
on_language_selected_cb (GtkDropDown        *dropdown,
                         GParamSpec         *pspec,
                         HeedTemplateEditor *self)
{
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

  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "template.revert", NULL, revert_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "template.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_template_editor_init (HeedTemplateEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *save = heed_accessible_button_new (_("_Save"));
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *source_scroller = gtk_scrolled_window_new ();
  GtkWidget *preview_scroller = gtk_scrolled_window_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 820);
  gtk_window_set_title (GTK_WINDOW (self), _("Letter Templates"));

  self->template_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->template_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->template_dropdown));
  self->language_dropdown = heed_language_choice_new_dropdown ();
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->language_dropdown));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "template.save");
  gtk_widget_add_css_class (save, "suggested-action");
  self->revert_button = heed_accessible_button_new (_("_Revert to Heed’s Own"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->revert_button), "template.revert");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->revert_button);
  gtk_box_append (GTK_BOX (box), header);

  self->source_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_monospace (self->source_view, TRUE);
  gtk_text_view_set_wrap_mode (self->source_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->source_view, 12);
  gtk_text_view_set_top_margin (self->source_view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The template’s wording"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  g_signal_connect (gtk_text_view_get_buffer (self->source_view), "changed",
                    G_CALLBACK (on_source_changed_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (source_scroller),
                                 GTK_WIDGET (self->source_view));
  gtk_widget_set_vexpand (source_scroller, TRUE);
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->problem_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->problem_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problem_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_box_append (GTK_BOX (left), source_scroller);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->problem_label));

  self->preview = HEED_PAGE_PREVIEW (heed_page_preview_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (preview_scroller),
                                 GTK_WIDGET (self->preview));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (preview_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (preview_scroller, "view");
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), preview_scroller);
  gtk_paned_set_position (GTK_PANED (paned), 560);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  heed_accessible_name_all (GTK_WIDGET (self));
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
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  /* The wording in the interface's language first, as letters are made in it. */
  self->language = heed_language_resolve (HEED_LANGUAGE_INTERFACE);
  gtk_drop_down_set_selected (self->language_dropdown,
                              heed_language_choice_position (self->language));
  g_signal_connect (self->language_dropdown, "notify::selected",
                    G_CALLBACK (on_language_selected_cb), self);
  g_signal_connect (self->template_dropdown, "notify::selected",
                    G_CALLBACK (on_template_selected_cb), self);
  if (self->ids[0] != NULL)
    heed_template_editor_load (self, self->ids[0]);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_view), !heed_store_is_read_only (store));
  return self;
}
