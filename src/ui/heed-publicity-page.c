/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-button-names.h"
#include "heed-language-choice.h"
#include "heed-publicity-page.h"

/* What the practice puts up and hands out so that people know how to complain: the
 * waiting-room poster, the leaflet and the blank complaint form, always with the practice's
 * current details, previewed and printed from here. What goes wrong is shown by the window,
 * through its win.show-problem. */

struct _HeedPublicityPage
{
  AdwBin           parent_instance;

  GtkDropDown     *kind_dropdown;
  GtkDropDown     *paper_dropdown;
  GtkDropDown     *language_dropdown;
  GtkSwitch       *large_print;
  HeedPagePreview *preview;
  HeedStore       *store;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (HeedPublicityPage, heed_publicity_page, ADW_TYPE_BIN)

/* In the order of the kind choice (kind_dropdown in the template). */
static const HeedPublicityKind kinds[] = {
  HEED_PUBLICITY_POSTER, HEED_PUBLICITY_LEAFLET, HEED_PUBLICITY_FORM,
};

static void
show_problem (HeedPublicityPage *self,
              const char        *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message))
    g_warning ("%s", message);
}


gboolean
heed_publicity_page_show (HeedPublicityPage *self,
                          HeedPublicityKind  kind,
                          HeedPaper          paper,
                          gboolean           large_print,
                          HeedLanguage       language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;

  g_return_val_if_fail (HEED_IS_PUBLICITY_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  /* Only the poster comes in A3. */
  if (kind != HEED_PUBLICITY_POSTER)
    paper = HEED_PAPER_A4;
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  gtk_drop_down_set_selected (self->paper_dropdown, paper == HEED_PAPER_A3 ? 1 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_dropdown), kind == HEED_PUBLICITY_POSTER);
  gtk_switch_set_active (self->large_print, large_print);
  language = heed_language_resolve (language);
  gtk_drop_down_set_selected (self->language_dropdown, heed_language_choice_position (language));
  self->loading = FALSE;

  flow = heed_publicity_new_flow (self->store, kind, paper, large_print, language, &error);
  if (flow == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  heed_page_preview_set_flow (self->preview, flow, _("Preview of the practice’s publicity"));
  return TRUE;
}

static void
on_choice_changed_cb (HeedPublicityPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->loading || kind >= G_N_ELEMENTS (kinds))
    return;
  heed_publicity_page_show (self, kinds[kind],
                            gtk_drop_down_get_selected (self->paper_dropdown) == 1
                            ? HEED_PAPER_A3 : HEED_PAPER_A4,
                            gtk_switch_get_active (self->large_print),
                            heed_language_choice_at (
                              gtk_drop_down_get_selected (self->language_dropdown)));
}

gboolean
heed_publicity_page_save (HeedPublicityPage  *self,
                          const char         *path,
                          GError            **error)
{
  g_return_val_if_fail (HEED_IS_PUBLICITY_PAGE (self), FALSE);
  return heed_page_flow_write_pdf (heed_page_preview_get_flow (self->preview), path, error);
}

static void
on_save_response_cb (GtkNativeDialog   *native,
                     int                response,
                     HeedPublicityPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !heed_publicity_page_save (self, g_file_peek_path (file), &error))
        show_problem (self, error->message);
    }
  g_object_unref (native);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "publicity.pdf");
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeedPublicityPage *self = HEED_PUBLICITY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_page_preview_print (self->preview, GTK_WINDOW (gtk_widget_get_root (widget)),
                                _("Publicity"), &error))
    show_problem (self, error->message);
}

static void
heed_publicity_page_dispose (GObject *object)
{
  HeedPublicityPage *self = HEED_PUBLICITY_PAGE (object);

  /* The bin lets go of its child first: disposing of the template frees it, and the bin
   * would otherwise unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_PUBLICITY_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_publicity_page_parent_class)->dispose (object);
}

static void
heed_publicity_page_class_init (HeedPublicityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_publicity_page_dispose;

  g_type_ensure (HEED_TYPE_PAGE_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-publicity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedPublicityPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedPublicityPage, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedPublicityPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedPublicityPage, large_print);
  gtk_widget_class_bind_template_child (widget_class, HeedPublicityPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "publicity.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "publicity.print", NULL, print_action);
}

static void
heed_publicity_page_init (HeedPublicityPage *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_button_names_settle (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  heed_language_choice_set_up (self->language_dropdown);
  self->loading = FALSE;
}

GtkWidget *
heed_publicity_page_new (void)
{
  return g_object_new (HEED_TYPE_PUBLICITY_PAGE, NULL);
}

void
heed_publicity_page_set_store (HeedPublicityPage *self,
                               HeedStore         *store)
{
  g_return_if_fail (HEED_IS_PUBLICITY_PAGE (self));

  g_set_object (&self->store, store);
  heed_publicity_page_show (self, HEED_PUBLICITY_POSTER, HEED_PAPER_A4, FALSE,
                            HEED_LANGUAGE_INTERFACE);
}

HeedPagePreview *
heed_publicity_page_get_preview (HeedPublicityPage *self)
{
  g_return_val_if_fail (HEED_IS_PUBLICITY_PAGE (self), NULL);
  return self->preview;
}
