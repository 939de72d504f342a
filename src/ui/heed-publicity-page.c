/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-language-choice.h"
#include "heed-publicity-page.h"

/* What the practice puts up and hands out so that people know how to complain: the
 * waiting-room poster, the leaflet and the blank complaint form, always with the practice's
 * current details, previewed and printed from here. */

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

enum {
  SIGNAL_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the kind choice. */
static const HeedPublicityKind kinds[] = {
  HEED_PUBLICITY_POSTER, HEED_PUBLICITY_LEAFLET, HEED_PUBLICITY_FORM,
};


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
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, error->message);
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
        g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, error->message);
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
    g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, error->message);
}

static void
heed_publicity_page_dispose (GObject *object)
{
  g_clear_object (&HEED_PUBLICITY_PAGE (object)->store);
  G_OBJECT_CLASS (heed_publicity_page_parent_class)->dispose (object);
}

static void
heed_publicity_page_class_init (HeedPublicityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_publicity_page_dispose;

  /**
   * HeedPublicityPage::problem:
   * @message: what went wrong, in words a person can act on
   */
  signals[SIGNAL_PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "publicity.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "publicity.print", NULL, print_action);
}

static void
heed_publicity_page_init (HeedPublicityPage *self)
{
  const char *const kind_names[] = { N_("Waiting-room poster"), N_("Leaflet"),
                                     N_("Blank complaint form") };
  g_autoptr(GtkStringList) kind_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *large_label = gtk_label_new_with_mnemonic (_("_Large print"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *save = heed_accessible_button_new (_("Save as P_DF…"));
  GtkWidget *print = heed_accessible_button_new (_("_Print…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    gtk_string_list_append (kind_list, _(kind_names[i]));
  gtk_string_list_append (papers, "A4");
  gtk_string_list_append (papers, "A3");
  self->language_dropdown = heed_language_choice_new_dropdown ();
  g_signal_connect_swapped (self->language_dropdown, "notify::selected",
                            G_CALLBACK (on_choice_changed_cb), self);
  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kind_list)),
                                                          NULL));
  self->paper_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (papers)),
                                                           NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What to make"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->paper_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paper"), -1);
  self->large_print = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->large_print), GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (large_label), GTK_WIDGET (self->large_print));
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect_swapped (self->paper_dropdown, "notify::selected",
                            G_CALLBACK (on_choice_changed_cb), self);
  g_signal_connect_swapped (self->large_print, "notify::active",
                            G_CALLBACK (on_choice_changed_cb), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "publicity.save");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "publicity.print");
  gtk_widget_set_hexpand (spacer, TRUE);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->paper_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->language_dropdown));
  gtk_box_append (GTK_BOX (bar), large_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->large_print));
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), save);
  gtk_box_append (GTK_BOX (bar), print);
  gtk_box_append (GTK_BOX (box), bar);

  self->preview = HEED_PAGE_PREVIEW (heed_page_preview_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->preview));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "view");
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_bin_set_child (ADW_BIN (self), box);
  heed_accessible_name_all (GTK_WIDGET (self));
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
