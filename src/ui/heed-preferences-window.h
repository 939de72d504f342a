/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_PREFERENCES_WINDOW (heed_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HeedPreferencesWindow, heed_preferences_window, HEED, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* @settings may be NULL when Heed's schema is not installed; backups then cannot be set. */
HeedPreferencesWindow *heed_preferences_window_new     (GtkWindow             *parent,
                                                        HeedStore             *store,
                                                        GSettings             *settings);
/* Keeps what is typed in @row, as its apply button does. */
gboolean               heed_preferences_window_apply   (HeedPreferencesWindow *self,
                                                        AdwEntryRow           *row);
gboolean               heed_preferences_window_back_up (HeedPreferencesWindow *self);
/* Adds what is typed in the New subject row, as its apply button does. */
gboolean               heed_preferences_window_add_subject (HeedPreferencesWindow *self);

/* Destroys a case due for destruction, as the Records page's Destroy does. */
gboolean               heed_preferences_window_destroy_case (HeedPreferencesWindow  *self,
                                                             gint64                  case_id,
                                                             const char             *reason,
                                                             GError                **error);

G_END_DECLS
