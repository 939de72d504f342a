/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "heed-timeline-draw.h"

G_BEGIN_DECLS

/* A timeline on paper: a case's as a list that flows down its pages (for a file note or the
 * Ombudsman), the practice's as lanes split across landscape pages with the axis repeated on
 * each (for a review meeting). The same pages go to a PDF file or a GtkPrintOperation. */

#define HEED_TIMELINE_PRINT_ERROR (heed_timeline_print_error_quark ())
GQuark heed_timeline_print_error_quark (void);

typedef enum {
  HEED_TIMELINE_PRINT_ERROR_PERIOD,   /* the period is empty or back to front */
  HEED_TIMELINE_PRINT_ERROR_WRITE,    /* the file could not be written */
} HeedTimelinePrintError;

typedef struct _HeedTimelinePrint HeedTimelinePrint;

/* The period a timeline shows when none is asked for: a case's whole story; for the practice,
 * up to a year back from today and a little ahead. */
void               heed_timeline_default_period     (HeedTimelineData *data,
                                                     GDate            *from,
                                                     GDate            *to);

/* Paper size in points: A4 portrait for a case, landscape for the practice. */
void               heed_timeline_print_get_paper    (HeedTimelineData *data,
                                                     double           *width,
                                                     double           *height);

HeedTimelinePrint *heed_timeline_print_new          (HeedTimelineData *data,
                                                     const GDate      *from,
                                                     const GDate      *to,
                                                     double            page_width,
                                                     double            page_height);
void               heed_timeline_print_free         (HeedTimelinePrint *self);
guint              heed_timeline_print_get_n_pages  (HeedTimelinePrint *self);
/* Draws @page (from 0) onto @cr, in points from the page's top-left corner. */
void               heed_timeline_print_draw_page    (HeedTimelinePrint *self,
                                                     cairo_t           *cr,
                                                     guint              page);

gboolean           heed_timeline_write_pdf          (HeedTimelineData  *data,
                                                     const GDate       *from,
                                                     const GDate       *to,
                                                     const char        *path,
                                                     GError           **error);
/* The on-screen drawing as a picture, in the light or dark palette. */
gboolean           heed_timeline_write_png          (HeedTimelineData  *data,
                                                     const GDate       *from,
                                                     const GDate       *to,
                                                     gboolean           dark,
                                                     const char        *path,
                                                     GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedTimelinePrint, heed_timeline_print_free)

G_END_DECLS
