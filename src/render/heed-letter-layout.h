/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-merged-letter.h"
#include "heed-page-flow.h"

G_BEGIN_DECLS

/* A merged letter laid out as an A4 letter: the practice's letterhead (logo, name, address,
 * phone), the recipient's name and address where a DL window envelope shows it, reference and
 * date, the body flowed below, "Page N of M" on every page and a continuation header on the
 * pages after the first. Large print sets the body in 16 pt.
 *
 * The returned flow is ready to use: heed_page_flow_get_n_pages(), heed_page_flow_draw_page()
 * on any cairo_t (scale it for a preview), heed_page_flow_render_pdf() or
 * heed_page_flow_write_pdf() for a tagged PDF with the letter's title. */
HeedPageFlow *heed_letter_layout_new (HeedMergedLetter *letter,
                                      gboolean          large_print);

/* The DL envelope's window on the page, in points: where the address block is drawn. */
void          heed_letter_layout_get_window (double *x,
                                             double *y,
                                             double *width,
                                             double *height);

G_END_DECLS
