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
gboolean    heed_window_open_server  (HeedWindow *self,
                                      const char *shown);
/* Opens the practice of last time, or shows the welcome page. */
void        heed_window_open_last    (HeedWindow *self);
/* On a practice server, signs out when the practice's idle time has passed by @now (a
 * g_get_monotonic_time() value) since the last key, click or movement; TRUE if it did. The
 * window's own timer calls it. */
gboolean    heed_window_sign_out_if_idle (HeedWindow *self,
                                          gint64      now);
gint64      heed_window_get_n_cases  (HeedWindow *self);
HeedStore  *heed_window_get_store    (HeedWindow *self);
gboolean    heed_window_show_case    (HeedWindow *self,
                                      gint64      case_id);
/* Replaces the practice file with @backup, keeping the file as it was beside it. */
gboolean    heed_window_restore_backup (HeedWindow  *self,
                                        const char  *backup,
                                        GError     **error);
/* Opens the newest kept draft (new feedback, a phone log) in its form and returns that
 * window, or returns NULL when there is none. */
GtkWindow  *heed_window_resume_draft (HeedWindow *self);
/* The cases the window lists now, for tests and accessibility tools. */
GListModel *heed_window_get_case_model (HeedWindow *self);

/* A new complaint filled from the email in @file, for reception to check and save (as when an
 * email is dropped on the window). */
gboolean        heed_window_open_email        (HeedWindow  *self,
                                               GFile       *file,
                                               GError     **error);

G_END_DECLS
