/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heed-page-flow.h"

G_BEGIN_DECLS

#define HEED_TYPE_PAGE_PREVIEW (heed_page_preview_get_type ())
G_DECLARE_FINAL_TYPE (HeedPagePreview, heed_page_preview, HEED, PAGE_PREVIEW, GtkWidget)

/* Put it in a GtkScrolledWindow: it is as tall as its pages. */
GtkWidget    *heed_page_preview_new         (void);
/* Lays @flow out and shows its pages; @description is what a screen reader says. */
void          heed_page_preview_set_flow    (HeedPagePreview  *self,
                                             HeedPageFlow     *flow,
                                             const char       *description);
HeedPageFlow *heed_page_preview_get_flow    (HeedPagePreview  *self);
guint         heed_page_preview_get_n_pages (HeedPagePreview  *self);
/* The native print dialog, printing the pages exactly as laid out. */
gboolean      heed_page_preview_print       (HeedPagePreview  *self,
                                             GtkWindow        *parent,
                                             const char       *job_name,
                                             GError          **error);

G_END_DECLS
