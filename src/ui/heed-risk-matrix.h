/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_RISK_MATRIX (heed_risk_matrix_get_type ())
G_DECLARE_FINAL_TYPE (HeedRiskMatrix, heed_risk_matrix, HEED, RISK_MATRIX, AdwBin)

/* The risk matrix of DOMAIN.md, seriousness down and likelihood across: a cell for each grade,
 * named by the risk it grades to and coloured like it. Choosing a cell emits "graded". */
GtkWidget *heed_risk_matrix_new (void);
/* Makes the cells from @store's matrix; they can be chosen unless it is open read-only. */
void heed_risk_matrix_set_store (HeedRiskMatrix *self, HeedStore *store);
/* Shows the grade (either may be NULL: no cell is chosen), without emitting "graded". */
void heed_risk_matrix_set_grade (HeedRiskMatrix *self,
                                 const char     *seriousness,
                                 const char     *likelihood);

G_END_DECLS
