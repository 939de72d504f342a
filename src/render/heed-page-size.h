/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Paper Heed prints on, in PostScript points (1/72 inch), as Cairo's PDF surface counts. */
typedef enum {
  HEED_PAPER_A4,
  HEED_PAPER_A3,
} HeedPaper;

#define HEED_POINTS_PER_MM (72.0 / 25.4)

void     heed_paper_get_size  (HeedPaper  paper,
                               double    *width,
                               double    *height);
gboolean heed_paper_from_id   (const char *id,
                               HeedPaper  *paper);

G_END_DECLS
