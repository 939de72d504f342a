/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-record.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_RECORD_EDITOR (heed_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (HeedRecordEditor, heed_record_editor, HEED, RECORD_EDITOR, GObject)

HeedRecordEditor *heed_record_editor_new             (HeedRecord          *record);
HeedRecord       *heed_record_editor_get_record      (HeedRecordEditor    *self);
/* Rows for a staff-member field (who took it, who handles it) choose from @staff. */
void              heed_record_editor_set_staff       (HeedRecordEditor    *self,
                                                      GPtrArray           *staff);
/* A text field chosen from a list (subjects, staff groups): @ids are kept, @labels shown.
 * Call before the group that holds the field is made. */
void              heed_record_editor_set_list        (HeedRecordEditor    *self,
                                                      const char          *field,
                                                      const char *const   *ids,
                                                      const char *const   *labels);
/* Subject and staff-group fields choose from the practice's categories. */
void              heed_record_editor_use_categories  (HeedRecordEditor    *self,
                                                      HeedStore           *store);
/* A group of rows, one per field named in @fields (NULL-terminated), in that order. */
GtkWidget        *heed_record_editor_add_group       (HeedRecordEditor    *self,
                                                      const char          *title,
                                                      const char          *description,
                                                      const char *const   *fields);
GtkWidget        *heed_record_editor_get_row         (HeedRecordEditor    *self,
                                                      const char          *field);
/* Sets a field as if it had been typed or chosen (@text as a draft would hold it). */
void              heed_record_editor_set_value       (HeedRecordEditor    *self,
                                                      const char          *field,
                                                      const char          *text);
/* Shows every problem of the record and of what was typed beside its field; returns how
 * many there are, and focuses the first. */
guint             heed_record_editor_check           (HeedRecordEditor    *self);
void              heed_record_editor_set_editable    (HeedRecordEditor    *self,
                                                      gboolean             editable);
/* The typed text of every row, kept whether it is valid yet or not. */
void              heed_record_editor_write_draft     (HeedRecordEditor    *self,
                                                      GKeyFile            *key_file,
                                                      const char          *group);
void              heed_record_editor_write_typed_draft (HeedRecordEditor  *self,
                                                        GKeyFile          *key_file,
                                                        const char        *group);
void              heed_record_editor_read_draft      (HeedRecordEditor    *self,
                                                      GKeyFile            *key_file,
                                                      const char          *group);
/* Fills the rows again from the record, as after it was saved. */
void              heed_record_editor_reload          (HeedRecordEditor    *self);
gboolean          heed_record_editor_get_changed     (HeedRecordEditor    *self);
void              heed_record_editor_set_changed     (HeedRecordEditor    *self,
                                                      gboolean             changed);

G_END_DECLS
