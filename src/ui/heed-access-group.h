/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_ACCESS_GROUP (heed_access_group_get_type ())
G_DECLARE_FINAL_TYPE (HeedAccessGroup, heed_access_group, HEED, ACCESS_GROUP,
                      AdwPreferencesGroup)

/* Who may open the practice: on a server, the time before an unused window signs out and who
 * holds which duty (given and taken away by a manager); on a file, that the computer's
 * account is the only gate. */
GtkWidget *heed_access_group_new (HeedStore *store);

/* Gives @role @duty ("reception", …), mapped to the staff member @staff_id (0: none); a
 * problem is shown in the group. For the group's dialog and tests. */
gboolean   heed_access_group_grant (HeedAccessGroup *self,
                                    const char      *role,
                                    const char      *duty,
                                    gint64           staff_id);

G_END_DECLS
