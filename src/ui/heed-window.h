/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-feedback-dialog.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_WINDOW (heed_window_get_type ())
G_DECLARE_FINAL_TYPE (HeedWindow, heed_window, HEED, WINDOW, AdwApplicationWindow)

HeedWindow *heed_window_new          (AdwApplication *application);
/* Opens the practice at @path, or shows why it cannot be opened. */
gboolean    heed_window_open_path    (HeedWindow *self,
                                      const char *path);
/* Opens the practice of last time, or shows the welcome page. */
void        heed_window_open_last    (HeedWindow *self);
gint64      heed_window_get_n_cases  (HeedWindow *self);
HeedStore  *heed_window_get_store    (HeedWindow *self);
gboolean    heed_window_show_case    (HeedWindow *self,
                                      gint64      case_id);
/* Opens the newest kept draft of new feedback in its form, or returns NULL. */
HeedFeedbackDialog *heed_window_resume_draft (HeedWindow *self);
/* The cases the window lists now, for tests and accessibility tools. */
GListModel *heed_window_get_case_model (HeedWindow *self);

G_END_DECLS
