/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-case.h"
#include "heed-person.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* Saving the changes made to a logged case on its page: the people and the case together, the
 * page's form draft @draft_id (or 0) dropped with them, or nothing at all. A person never
 * saved and left empty is not saved. On failure — a value refused, or a record another seat
 * changed since it was read (HEED_STORE_ERROR_CHANGED_ELSEWHERE) — nothing is saved and the
 * records are as they were given (their ids and versions too), with what was typed in them,
 * so that they can be saved again once put right. */
gboolean heed_case_edit_save (HeedStore   *store,
                              HeedCase    *kase,
                              HeedPerson  *complainant,
                              HeedPerson  *affected,
                              gint64       draft_id,
                              GError     **error);

G_END_DECLS
