/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEED_TYPE_STAFF_PICKER (heed_staff_picker_get_type ())
G_DECLARE_FINAL_TYPE (HeedStaffPicker, heed_staff_picker, HEED, STAFF_PICKER,
                      AdwPreferencesGroup)

/* A tick for each member of @staff (HeedStaff records); those who have left are offered only
 * when already chosen. */
GtkWidget *heed_staff_picker_new          (GPtrArray       *staff);
void       heed_staff_picker_set_selected (HeedStaffPicker *self,
                                           GArray          *staff_ids);
/* The ticked members' ids (gint64). */
GArray    *heed_staff_picker_dup_selected (HeedStaffPicker *self);

G_END_DECLS
