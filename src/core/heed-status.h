/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The statuses a case of @kind may move to from @from, as a NULL-terminated array of ids
 * (static; do not free). */
const char *const *heed_status_next          (const char *kind,
                                              const char *from);
gboolean           heed_status_can_change    (const char  *kind,
                                              const char  *from,
                                              const char  *to,
                                              GError     **error);
/* Reopening, withdrawing and ruling out of scope need a reason on the record. */
gboolean           heed_status_needs_reason  (const char *from,
                                              const char *to);

G_END_DECLS
