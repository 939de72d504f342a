/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-page-preview.h"
#include "heed-print-guard.h"

/* The pages of a letter or a report, one under another as on a desk, drawn by the same code
 * that prints them and makes their PDF. Only the pages in view are drawn. */

#define GAP 18.0       /* between pages, and around them */
#define MAX_SCALE 1.3  /* points to pixels when the window is wide */

struct _HeedPagePreview
{
  GtkWidget     parent_instance;

  HeedPageFlow *flow;
  double        page_width;   /* points */
  double        page_height;
  guint         n_pages;
};

G_DEFINE_FINAL_TYPE (HeedPagePreview, heed_page_preview, GTK_TYPE_WIDGET)

static double
scale_for_width (HeedPagePreview *self,
                 int              width)
{
  double scale;

  if (self->page_width <= 0)
    return 1.0;
  scale = (width - 2 * GAP) / self->page_width;
  return CLAMP (scale, 0.2, MAX_SCALE);
}

static void
heed_page_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  HeedPagePreview *self = HEED_PAGE_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = (int) (self->page_width * 1.0 + 2 * GAP);
    }
  else
    {
      double scale = scale_for_width (self, for_size > 0 ? for_size
                                                         : (int) (self->page_width + 2 * GAP));

      *minimum = *natural = (int) (self->n_pages * (self->page_height * scale + GAP) + GAP);
    }
}

static GtkSizeRequestMode
heed_page_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
heed_page_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  HeedPagePreview *self = HEED_PAGE_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  double scale = scale_for_width (self, width);
  double page_w = self->page_width * scale;
  double page_h = self->page_height * scale;
  double x = MAX (GAP, (width - page_w) / 2);
  graphene_rect_t visible;
  gboolean clipped = FALSE;
  GtkWidget *viewport = gtk_widget_get_ancestor (widget, GTK_TYPE_VIEWPORT);

  if (self->flow == NULL)
    return;

  /* Only the pages the scrolled window shows. */
  if (viewport != NULL)
    clipped = gtk_widget_compute_bounds (viewport, widget, &visible);

  for (guint i = 0; i < self->n_pages; i++)
    {
      double y = GAP + i * (page_h + GAP);
      graphene_rect_t page = GRAPHENE_RECT_INIT ((float) x, (float) y, (float) page_w,
                                                 (float) page_h);
      GskRoundedRect outline;
      cairo_t *cr;

      if (clipped && !graphene_rect_intersection (&page, &visible, NULL))
        continue;

      gsk_rounded_rect_init_from_rect (&outline, &page, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.25 },
                                         0, 1, 0, 4);
      /* Paper is white in dark style too: this is how it will print. */
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &page);
      cr = gtk_snapshot_append_cairo (snapshot, &page);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      heed_page_flow_draw_page (self->flow, cr, i);
      cairo_destroy (cr);
    }
}

static void
heed_page_preview_dispose (GObject *object)
{
  HeedPagePreview *self = HEED_PAGE_PREVIEW (object);

  g_clear_object (&self->flow);
  G_OBJECT_CLASS (heed_page_preview_parent_class)->dispose (object);
}

static void
heed_page_preview_class_init (HeedPagePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_page_preview_dispose;
  widget_class->measure = heed_page_preview_measure;
  widget_class->get_request_mode = heed_page_preview_get_request_mode;
  widget_class->snapshot = heed_page_preview_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "pagepreview");
}

static void
heed_page_preview_init (HeedPagePreview *self)
{
  self->page_width = 595.0;
  self->page_height = 842.0;
}

GtkWidget *
heed_page_preview_new (void)
{
  return g_object_new (HEED_TYPE_PAGE_PREVIEW, NULL);
}

void
heed_page_preview_set_flow (HeedPagePreview *self,
                            HeedPageFlow    *flow,
                            const char      *description)
{
  g_return_if_fail (HEED_IS_PAGE_PREVIEW (self));

  g_set_object (&self->flow, flow);
  self->n_pages = 0;
  if (flow != NULL)
    {
      self->n_pages = heed_page_flow_layout (flow);
      heed_page_flow_get_page_size (flow, &self->page_width, &self->page_height);
    }
  /* A screen reader hears what the pages are, and their text is in the PDF. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description != NULL ? description : _("Preview"), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

HeedPageFlow *
heed_page_preview_get_flow (HeedPagePreview *self)
{
  g_return_val_if_fail (HEED_IS_PAGE_PREVIEW (self), NULL);
  return self->flow;
}

guint
heed_page_preview_get_n_pages (HeedPagePreview *self)
{
  g_return_val_if_fail (HEED_IS_PAGE_PREVIEW (self), 0);
  return self->n_pages;
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   HeedPageFlow      *flow)
{
  gtk_print_operation_set_n_pages (operation, (int) heed_page_flow_get_n_pages (flow));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 HeedPageFlow      *flow)
{
  heed_page_flow_draw_page (flow, gtk_print_context_get_cairo_context (context), (guint) page);
}

gboolean
heed_page_preview_print (HeedPagePreview  *self,
                         GtkWindow        *parent,
                         const char       *job_name,
                         GError          **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperationResult result;
  double width, height;

  g_return_val_if_fail (HEED_IS_PAGE_PREVIEW (self), FALSE);

  if (self->flow == NULL)
    return TRUE;
  heed_page_flow_get_page_size (self->flow, &width, &height);
  /* The pages are laid out already: the printer gets them as they are, in points. */
  paper = gtk_paper_size_new_custom ("heed", _("Heed page"), width, height, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  heed_print_guard_attach (operation);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self->flow);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self->flow);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  return heed_print_guard_finish (operation, error);
}
