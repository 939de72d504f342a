/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"
#include "heed-table-import.h"

G_BEGIN_DECLS

/* Import a Spreadsheet…: the practice's old log in three steps — the file and its sheet; its
 * columns with their first values, each mapped to a Heed field (guessed, changeable); a
 * preview of the cases it will make with every problem by row — then Import. */

#define HEED_TYPE_IMPORT_DIALOG (heed_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedImportDialog, heed_import_dialog, HEED, IMPORT_DIALOG, AdwWindow)

HeedImportDialog *heed_import_dialog_new        (GtkWindow        *parent,
                                                 HeedStore        *store);
/* As if the file had been chosen; FALSE (and the reason shown) when it cannot be read. */
gboolean          heed_import_dialog_set_file   (HeedImportDialog *self,
                                                 GFile            *file,
                                                 GError          **error);
HeedTableImport  *heed_import_dialog_get_import (HeedImportDialog *self);
/* "file", "columns" or "preview" */
const char       *heed_import_dialog_get_step   (HeedImportDialog *self);
/* The dropdown that maps @column (for tests and the screen reader walk). */
GtkDropDown      *heed_import_dialog_get_column_dropdown (HeedImportDialog *self,
                                                          guint             column);

G_END_DECLS
