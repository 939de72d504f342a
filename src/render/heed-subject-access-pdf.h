/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-page-flow.h"
#include "heed-subject-access.h"

G_BEGIN_DECLS

/* A subject access export laid out on A4 as a tagged PDF: a note to the practice manager to
 * check it for other people's information before release, the person's details, then each of
 * their cases with its timeline, attachments, letters, actions, survey answers, contact
 * restrictions and audit trail. The practice and "Subject access export — NAME" head every
 * page. */
HeedPageFlow *heed_subject_access_new_flow   (HeedSubjectAccess  *access);
/* The PDF, ready for heed_subject_access_save(). */
GBytes       *heed_subject_access_render_pdf (HeedSubjectAccess  *access,
                                              GError            **error);

G_END_DECLS
