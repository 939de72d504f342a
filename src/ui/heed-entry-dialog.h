/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_ENTRY_DIALOG (heed_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedEntryDialog, heed_entry_dialog, HEED, ENTRY_DIALOG, AdwWindow)

/* A new dated entry on a case: a call, a meeting, an interview, a statement, records seen, a
 * site visit, advice, a note. */
HeedEntryDialog *heed_entry_dialog_new     (GtkWindow       *parent,
                                            HeedStore       *store,
                                            gint64           case_id);
GtkWidget       *heed_entry_dialog_get_row (HeedEntryDialog *self,
                                            const char      *field);
gboolean         heed_entry_dialog_save    (HeedEntryDialog *self);

G_END_DECLS
