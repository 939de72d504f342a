/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_ACTIONS_PAGE (heed_actions_page_get_type ())
G_DECLARE_FINAL_TYPE (HeedActionsPage, heed_actions_page, HEED, ACTIONS_PAGE, AdwBin)

GtkWidget *heed_actions_page_new       (void);
/* Lists every action of the practice's action plans, overdue first; returns how many. */
guint      heed_actions_page_set_store (HeedActionsPage *self,
                                        HeedStore       *store);

G_END_DECLS
