/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include "heed-page-size.h"

void
heed_paper_get_size (HeedPaper  paper,
                     double    *width,
                     double    *height)
{
  /* ISO 216: A4 is 210 × 297 mm, A3 is 297 × 420 mm. */
  double w_mm = paper == HEED_PAPER_A3 ? 297.0 : 210.0;
  double h_mm = paper == HEED_PAPER_A3 ? 420.0 : 297.0;

  if (width != NULL)
    *width = w_mm * HEED_POINTS_PER_MM;
  if (height != NULL)
    *height = h_mm * HEED_POINTS_PER_MM;
}

gboolean
heed_paper_from_id (const char *id,
                    HeedPaper  *paper)
{
  if (g_strcmp0 (id, "a4") == 0)
    *paper = HEED_PAPER_A4;
  else if (g_strcmp0 (id, "a3") == 0)
    *paper = HEED_PAPER_A3;
  else
    return FALSE;
  return TRUE;
}
