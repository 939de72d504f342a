/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-page-preview.h"
#include "heed-report-export.h"
#include "heed-report-figures.h"
#include "heed-report-documents.h"
#include "heed-report-ko41b.h"
#include "heed-report-page.h"
#include "heed-report-pdf.h"
#include "heed-store-duties.h"
#include "heed-validate.h"

/* The annual report for a financial year, as it will print, ready to save as PDF for the
 * board, as HTML for the practice website, or as CSV of the figures. */

struct _HeedReportPage
{
  AdwBin             parent_instance;

  GtkDropDown       *document_dropdown;
  GtkDropDown       *year_dropdown;
  GtkWidget         *year_label;
  HeedPagePreview   *preview;
  GtkLabel          *summary_label;
  GtkWidget         *importance_button;

  HeedStore         *store;
  HeedReportFigures *figures;
  int                first_year;   /* the year of dropdown position 0 */
  int                year;
  HeedReportDocument document;
};

G_DEFINE_FINAL_TYPE (HeedReportPage, heed_report_page, ADW_TYPE_BIN)

/* What went wrong, said by the window (win.show-problem) as a toast until it is dismissed. */
static void
show_problem (HeedReportPage *self,
              const char     *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message))
    g_warning ("%s", message);
}

/* The financial year that today falls in: April to March. */
static int
current_financial_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_month (now) >= 4 ? g_date_time_get_year (now)
                                          : g_date_time_get_year (now) - 1;
}

gboolean
heed_report_page_set_year (HeedReportPage *self,
                           int             year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  HeedReportFigures *figures;
  GDate from, to;

  g_return_val_if_fail (HEED_IS_REPORT_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_APRIL, (GDateYear) year);
  g_date_set_dmy (&to, 31, G_DATE_MARCH, (GDateYear) (year + 1));
  figures = heed_report_figures_compute (self->store, &from, &to, NULL, &error);
  if (figures == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->figures);
  self->figures = figures;
  self->year = year;
  /* The matters of general importance are the practice's own words: a manager writes them. */
  gtk_widget_set_visible (self->importance_button,
                          !heed_store_is_read_only (self->store)
                          && heed_store_may (self->store, HEED_TASK_RUN_PRACTICE));
  flow = heed_report_pdf_new_flow (figures);
  description = g_strdup_printf (_("The annual report for 1 April %d to 31 March %d"), year,
                                 year + 1);
  heed_page_preview_set_flow (self->preview, flow, description);
  /* The headline, beside the year: the first sentence of the report's summary. */
  summary = heed_report_figures_dup_summary (figures);
  gtk_label_set_text (self->summary_label, summary != NULL && summary->len > 0
                                           ? g_ptr_array_index (summary, 0) : "");
  if (year >= self->first_year
      && gtk_drop_down_get_selected (self->year_dropdown) != (guint) (year - self->first_year))
    gtk_drop_down_set_selected (self->year_dropdown, (guint) (year - self->first_year));
  return TRUE;
}

/* Not one of the report documents: the KO41(b) figures, to check and copy into NHS England's
 * collection, kept as PDF or CSV. */
#define DOCUMENT_KO41B ((HeedReportDocument) (HEED_REPORT_DOCUMENT_QUARTERLY + 1))

gboolean
heed_report_page_show_ko41b (HeedReportPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *period = NULL;
  HeedReportFigures *figures;
  GDate from, to;

  g_return_val_if_fail (HEED_IS_REPORT_PAGE (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  self->document = DOCUMENT_KO41B;
  gtk_widget_set_visible (self->importance_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), FALSE);
  gtk_widget_set_visible (self->year_label, FALSE);
  if (gtk_drop_down_get_selected (self->document_dropdown) != (guint) DOCUMENT_KO41B)
    gtk_drop_down_set_selected (self->document_dropdown, (guint) DOCUMENT_KO41B);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  heed_report_document_get_default_period (HEED_REPORT_DOCUMENT_QUARTERLY, NULL, &from, &to);
  figures = heed_report_figures_compute_ko41b (self->store, &from, &to, &error);
  if (figures == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->figures);
  self->figures = figures;
  flow = heed_report_ko41b_new_flow (figures);
  period = heed_report_figures_dup_period_text (figures);
  heed_page_preview_set_flow (self->preview, flow, period);
  gtk_label_set_text (self->summary_label, period);
  return TRUE;
}

/* The CQC summary (the 12 months to today) and the quarterly review (the last whole
 * quarter): documents from the same figures, PDF only. */
gboolean
heed_report_page_set_document (HeedReportPage     *self,
                               HeedReportDocument  document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *period = NULL;
  GDate from, to;

  g_return_val_if_fail (HEED_IS_REPORT_PAGE (self), FALSE);

  self->document = document;
  gtk_widget_set_visible (self->importance_button, document == HEED_REPORT_DOCUMENT_ANNUAL);
  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown),
                          document == HEED_REPORT_DOCUMENT_ANNUAL);
  gtk_widget_set_visible (self->year_label, document == HEED_REPORT_DOCUMENT_ANNUAL);
  if (gtk_drop_down_get_selected (self->document_dropdown) != (guint) document)
    gtk_drop_down_set_selected (self->document_dropdown, (guint) document);
  if (document == HEED_REPORT_DOCUMENT_ANNUAL)
    return heed_report_page_set_year (self, self->year > 0 ? self->year : self->first_year);
  if (self->store == NULL)
    return FALSE;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  heed_report_document_get_default_period (document, NULL, &from, &to);
  flow = heed_report_document_new_flow (document, self->store, &from, &to, NULL, &error);
  if (flow == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  from_text = heed_format_date_long (&from);
  to_text = heed_format_date_long (&to);
  /* Translators: "CQC summary, 1 December 2025 to 30 November 2026" */
  period = g_strdup_printf (_("%s, %s to %s"), heed_report_document_get_label (document),
                            from_text, to_text);
  heed_page_preview_set_flow (self->preview, flow, period);
  gtk_label_set_text (self->summary_label, period);
  return TRUE;
}

static void
on_document_selected_cb (GtkDropDown    *dropdown,
                         GParamSpec     *pspec,
                         HeedReportPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if ((HeedReportDocument) selected == self->document)
    return;
  if (selected <= HEED_REPORT_DOCUMENT_QUARTERLY)
    heed_report_page_set_document (self, (HeedReportDocument) selected);
  else if (selected == (guint) DOCUMENT_KO41B)
    heed_report_page_show_ko41b (self);
}

static void
on_year_selected_cb (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     HeedReportPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && (int) selected + self->first_year != self->year)
    heed_report_page_set_year (self, self->first_year + (int) selected);
}

gboolean
heed_report_page_save (HeedReportPage    *self,
                       HeedReportFormat   format,
                       const char        *path,
                       GError           **error)
{
  g_return_val_if_fail (HEED_IS_REPORT_PAGE (self), FALSE);

  if (self->document == DOCUMENT_KO41B && format == HEED_REPORT_FORMAT_CSV)
    return heed_report_save (self->figures, format, path, error);
  if (self->document != HEED_REPORT_DOCUMENT_ANNUAL)
    {
      if (format != HEED_REPORT_FORMAT_PDF)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("This document is made as PDF only."));
          return FALSE;
        }
      return heed_page_flow_write_pdf (heed_page_preview_get_flow (self->preview), path, error);
    }
  if (self->figures == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("There is no report to save yet."));
      return FALSE;
    }
  return heed_report_save (self->figures, format, path, error);
}

static void
on_save_response_cb (GtkNativeDialog *native,
                     int              response,
                     HeedReportPage  *self)
{
  HeedReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "heed-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !heed_report_page_save (self, format, g_file_peek_path (file), &error))
        show_problem (self, error->message);
    }
  g_object_unref (native);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedReportPage *self = HEED_REPORT_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  HeedReportFormat format = HEED_REPORT_FORMAT_PDF;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (!heed_report_format_from_id (id, &format))
    return;
  native = gtk_file_chooser_native_new (_("Save the Annual Report"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: a file name; %d is the year the report starts */
  if (self->document == HEED_REPORT_DOCUMENT_ANNUAL)
    name = g_strdup_printf (_("Annual report %d.%s"), self->year, id);
  else if (self->document == DOCUMENT_KO41B)
    name = g_strdup_printf ("KO41b.%s", id);
  else
    name = g_strdup_printf ("%s.%s", heed_report_document_get_label (self->document), id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "heed-format", GINT_TO_POINTER (format));
  g_signal_connect (native, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The matters of general importance, in the practice's words, for the year shown: a window
 * with the text, a draft Heed offers from the year's themes, and Save. */
static void
year_period (HeedReportPage *self,
             GDate          *from,
             GDate          *to)
{
  g_date_clear (from, 1);
  g_date_clear (to, 1);
  g_date_set_dmy (from, 1, G_DATE_APRIL, (GDateYear) self->year);
  g_date_set_dmy (to, 31, G_DATE_MARCH, (GDateYear) (self->year + 1));
}

static void
on_importance_draft_cb (GtkButton *button,
                        GtkWindow *window)
{
  HeedReportPage *self = g_object_get_data (G_OBJECT (window), "heed-report-page");
  GtkTextView *view = g_object_get_data (G_OBJECT (window), "heed-text");
  g_autofree char *draft = NULL;

  if (self->figures == NULL)
    return;
  draft = heed_report_figures_dup_general_importance_draft (self->figures);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), draft, -1);
}

static void
on_importance_save_cb (GtkButton *button,
                       GtkWindow *window)
{
  HeedReportPage *self = g_object_get_data (G_OBJECT (window), "heed-report-page");
  GtkTextView *view = g_object_get_data (G_OBJECT (window), "heed-text");
  GtkLabel *problem = g_object_get_data (G_OBJECT (window), "heed-problem");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  GDate from, to;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  year_period (self, &from, &to);
  if (!heed_store_set_report_summary (self->store, &from, &to, text, &error))
    {
      /* Nothing typed is lost: the window stays open with it. */
      gtk_label_set_text (problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (problem), TRUE);
      return;
    }
  gtk_window_destroy (window);
  heed_report_page_set_year (self, self->year);
}

GtkWindow *
heed_report_page_edit_general_importance (HeedReportPage *self)
{
  GtkWidget *window, *header, *box, *intro, *frame, *view, *buttons, *draft, *save, *problem;
  GtkWidget *toolbar;
  g_autofree char *intro_text = NULL;
  const char *written;

  g_return_val_if_fail (HEED_IS_REPORT_PAGE (self), NULL);
  if (self->store == NULL || self->figures == NULL || self->document != HEED_REPORT_DOCUMENT_ANNUAL)
    return NULL;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Matters of General Importance"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 460);
  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (toolbar), header);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  /* Translators: %d and %d are the years of the financial year */
  intro_text = g_strdup_printf (_("In your own words, the matters of general importance that "
                                  "complaints raised from April %d to March %d. The annual "
                                  "report prints them as you write them. Name no one."),
                                self->year, self->year + 1);
  intro = gtk_label_new (intro_text);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);
  frame = gtk_frame_new (NULL);
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matters of general importance"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  written = heed_report_figures_get_general_importance (self->figures);
  if (written != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), written, -1);
  problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (box), problem);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  draft = gtk_button_new_with_mnemonic (_("_Offer a Draft"));
  gtk_widget_set_tooltip_text (draft, _("Replace the text with a draft from this year’s "
                                        "subjects and approved lessons"));
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_hexpand (draft, TRUE);
  gtk_widget_set_halign (draft, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), draft);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (toolbar), box);
  adw_window_set_content (ADW_WINDOW (window), toolbar);
  gtk_widget_set_sensitive (save, !heed_store_is_read_only (self->store));

  g_object_set_data (G_OBJECT (window), "heed-report-page", self);
  g_object_set_data (G_OBJECT (window), "heed-text", view);
  g_object_set_data (G_OBJECT (window), "heed-problem", problem);
  gtk_widget_set_name (draft, "importance-draft");
  gtk_widget_set_name (save, "importance-save");
  gtk_widget_set_name (view, "importance-text");
  g_signal_connect (draft, "clicked", G_CALLBACK (on_importance_draft_cb), window);
  g_signal_connect (save, "clicked", G_CALLBACK (on_importance_save_cb), window);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
importance_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  heed_report_page_edit_general_importance (HEED_REPORT_PAGE (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeedReportPage *self = HEED_REPORT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_page_preview_print (self->preview, GTK_WINDOW (gtk_widget_get_root (widget)),
                                _("Annual report"), &error))
    show_problem (self, error->message);
}

static void
heed_report_page_dispose (GObject *object)
{
  HeedReportPage *self = HEED_REPORT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_REPORT_PAGE);
  g_clear_object (&self->figures);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_report_page_parent_class)->dispose (object);
}

static void
heed_report_page_class_init (HeedReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_report_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedReportPage, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedReportPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, HeedReportPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeedReportPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HeedReportPage, importance_button);
  gtk_widget_class_bind_template_child (widget_class, HeedReportPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_document_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_install_action (widget_class, "report.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.importance", NULL, importance_action);
}

static void
heed_report_page_init (HeedReportPage *self)
{
  g_autoptr(GtkStringList) documents = gtk_string_list_new (NULL);

  g_type_ensure (HEED_TYPE_PAGE_PREVIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = HEED_REPORT_DOCUMENT_ANNUAL; i <= HEED_REPORT_DOCUMENT_QUARTERLY; i++)
    gtk_string_list_append (documents, heed_report_document_get_label ((HeedReportDocument) i));
  gtk_string_list_append (documents, _("KO41(b) return"));
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (documents));
  heed_accessible_name_all (GTK_WIDGET (self));
}

GtkWidget *
heed_report_page_new (void)
{
  return g_object_new (HEED_TYPE_REPORT_PAGE, NULL);
}

/* Shows the practice's report for the financial year now running; the years offered start at
 * the earliest feedback. */
void
heed_report_page_set_store (HeedReportPage *self,
                            HeedStore      *store,
                            int             earliest_year)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int last = current_financial_year ();

  g_return_if_fail (HEED_IS_REPORT_PAGE (self));

  g_set_object (&self->store, store);
  self->first_year = MIN (earliest_year, last);
  self->year = 0;
  self->document = HEED_REPORT_DOCUMENT_ANNUAL;
  gtk_drop_down_set_selected (self->document_dropdown, 0);
  for (int year = self->first_year; year <= last; year++)
    {
      /* Translators: a financial year, "April 2025 to March 2026" */
      g_autofree char *text = g_strdup_printf (_("April %d to March %d"), year, year + 1);

      gtk_string_list_append (years, text);
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  heed_report_page_set_year (self, last);
}

HeedPagePreview *
heed_report_page_get_preview (HeedReportPage *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_PAGE (self), NULL);
  return self->preview;
}
