/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HEED_TYPE_FIRST_SCREEN_MODEL (heed_first_screen_model_get_type ())
G_DECLARE_FINAL_TYPE (HeedFirstScreenModel, heed_first_screen_model, HEED, FIRST_SCREEN_MODEL,
                      GObject)

/* Another list, of which only the first @n_first items are shown until
 * heed_first_screen_model_show_all() is called; from then on it is the whole list, with the
 * other list's changes passed on exactly as they come. */
HeedFirstScreenModel *heed_first_screen_model_new      (GListModel           *model,
                                                        guint                 n_first);
void                  heed_first_screen_model_show_all (HeedFirstScreenModel *self);
gboolean              heed_first_screen_model_is_showing_all (HeedFirstScreenModel *self);

G_END_DECLS
