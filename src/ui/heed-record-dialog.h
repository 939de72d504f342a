/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_RECORD_DIALOG (heed_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedRecordDialog, heed_record_dialog, HEED, RECORD_DIALOG, AdwWindow)

/* A small form for one record (an entry on a case, a member of staff), with the rows for
 * @fields made from its field table. Saving checks it and writes it to @store. */
HeedRecordDialog *heed_record_dialog_new     (GtkWindow         *parent,
                                              HeedStore         *store,
                                              HeedRecord        *record,
                                              const char        *title,
                                              const char        *save_label,
                                              const char *const *fields);
GtkWidget        *heed_record_dialog_get_row (HeedRecordDialog  *self,
                                              const char        *field);
gboolean          heed_record_dialog_save    (HeedRecordDialog  *self);

G_END_DECLS
