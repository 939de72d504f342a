/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "heed-calendar.h"
#include "heed-case.h"

G_BEGIN_DECLS

/* The statuses a case of @kind may move to from @from, as a NULL-terminated array of ids
 * (static; do not free). */
/* Comments and compliments: logged and closed, not graded, planned or answered. */
gboolean           heed_status_is_simple_kind (const char *kind);
const char *const *heed_status_next          (const char *kind,
                                              const char *from);
gboolean           heed_status_can_change    (const char  *kind,
                                              const char  *from,
                                              const char  *to,
                                              GError     **error);
/* Reopening, withdrawing and ruling out of scope need a reason on the record. */
gboolean           heed_status_needs_reason  (const char *from,
                                              const char *to);

/* Whether @kase, an oral complaint, may still be closed as resolved by the next working day. */
gboolean           heed_status_can_close_as_oral (HeedCase     *kase,
                                                  HeedCalendar *calendar,
                                                  const GDate  *today);

G_END_DECLS
