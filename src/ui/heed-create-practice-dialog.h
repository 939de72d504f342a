/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEED_TYPE_CREATE_PRACTICE_DIALOG (heed_create_practice_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedCreatePracticeDialog, heed_create_practice_dialog, HEED,
                      CREATE_PRACTICE_DIALOG, AdwWindow)

HeedCreatePracticeDialog *heed_create_practice_dialog_new       (GtkWindow  *parent);
/* Creates the practice file at @path from what was typed; emits "created" on success and
 * shows the problem in the dialog otherwise. */
gboolean                  heed_create_practice_dialog_create_at (HeedCreatePracticeDialog *self,
                                                                 const char               *path);

G_END_DECLS
