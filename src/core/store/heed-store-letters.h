/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-letter.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* Freezes a letter as sent: keeps the exact PDF and the merged text with it, marks it sent
 * (how: "post", "email" or "by-hand") and records a "letter sent" event on the case's
 * timeline, all or nothing. The letter must be new or not yet sent; afterwards the practice
 * file refuses any change to it. */
gboolean heed_store_send_letter          (HeedStore   *self,
                                          HeedLetter  *letter,
                                          GBytes      *pdf,
                                          const char  *how,
                                          GError     **error);
/* Removes a practice's own copy of a template (a row of the templates table). */
gboolean heed_store_delete_template      (HeedStore   *self,
                                          gint64       template_id,
                                          GError     **error);

G_END_DECLS
