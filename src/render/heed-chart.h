/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "heed-report-figures.h"

G_BEGIN_DECLS

/* Charts of the report's tables, drawn with Cairo and Pango on any cairo_t (PDF page, PNG,
 * SVG, a widget's snapshot).  They are made to survive a black-and-white printer: each series
 * has its own fill pattern as well as its own shade, lines have their own dash and marker, and
 * every bar and point carries its value, so nothing depends on colour.  A value hidden by the
 * small-count rule is drawn as no bar, labelled "<5". */

typedef enum {
  HEED_CHART_DEFAULT  = 0,
  /* Leave out the title, when a heading with the same words sits just above the chart. */
  HEED_CHART_NO_TITLE = 1 << 0,
} HeedChartFlags;

/* The height a chart of @table needs at @width, in the same units (points). */
double    heed_chart_get_height (HeedReportFigures     *figures,
                                 const HeedReportTable *table,
                                 double                 width,
                                 HeedChartFlags         flags);
/* Draws @table's chart (table->chart) in the rectangle (0, 0, @width, @height) of @cr. */
void      heed_chart_draw       (cairo_t               *cr,
                                 HeedReportFigures     *figures,
                                 const HeedReportTable *table,
                                 double                 width,
                                 double                 height,
                                 HeedChartFlags         flags);
/* The chart as an SVG document, for the web page; NULL with @error on failure. */
char     *heed_chart_to_svg     (HeedReportFigures     *figures,
                                 const HeedReportTable *table,
                                 double                 width,
                                 HeedChartFlags         flags,
                                 gsize                 *length,
                                 GError               **error);
/* The chart as a PNG file at @scale pixels per point. */
gboolean  heed_chart_write_png  (HeedReportFigures     *figures,
                                 const HeedReportTable *table,
                                 double                 width,
                                 double                 scale,
                                 HeedChartFlags         flags,
                                 const char            *path,
                                 GError               **error);

G_END_DECLS
