/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

/* What a list of a case's own records is: which dialog fields, which fields a row shows, and
 * the words it uses. Static data, as the caller's tables are. */
typedef struct {
  const char        *name;           /* the add button's widget name */
  const char *const *fields;         /* the record dialog's fields */
  const char        *title_field;    /* what a row shows */
  const char        *subtitle_field; /* and under it */
  const char        *new_title;      /* N_(): the dialog adding one */
  const char        *edit_title;     /* N_(): the dialog changing one */
} HeedRecordListKind;

#define HEED_TYPE_RECORD_LIST (heed_record_list_get_type ())
G_DECLARE_FINAL_TYPE (HeedRecordList, heed_record_list, HEED, RECORD_LIST, AdwPreferencesGroup)

/* A group listing a case's records of @record_type (its parts, its actions, its contact
 * restrictions), with Add on its header and a row to open each. Adding or changing one is done
 * in a record dialog; "editing" comes before it opens, "saved" after it has saved. */
GtkWidget *heed_record_list_new (const HeedRecordListKind *kind,
                                 GType                     record_type,
                                 const char               *title,
                                 const char               *description,
                                 const char               *empty);
/* Lists the case's records from @store, and what can be changed. */
void heed_record_list_load (HeedRecordList *self, HeedStore *store, gint64 case_id);

G_END_DECLS
