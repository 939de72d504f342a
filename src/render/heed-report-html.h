/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-report-figures.h"

G_BEGIN_DECLS

/* The report as one self-contained web page for the practice's website: written with libxml2
 * so it is well formed (XHTML syntax, readable as HTML and as XML), charts as inline SVG, each
 * beside a table of its figures, no script, no external resources. */
char     *heed_report_html_render (HeedReportFigures  *figures,
                                   gsize              *length,
                                   GError            **error);

G_END_DECLS
