/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words a person reads for a choice stored by id ("partly-upheld" → "Partly upheld"),
 * translated. @field (a property name, may be NULL) settles ids that mean different things in
 * different fields. Returns @choice itself when it has no label. */
const char *heed_choice_get_label (const char *field,
                                   const char *choice);

G_END_DECLS
