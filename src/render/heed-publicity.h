/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-language.h"
#include "heed-page-flow.h"
#include "heed-page-size.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* What a practice prints to tell patients how to give feedback or complain (seeds 000, 001),
 * always current with its settings, its nation's procedure and independent help. */
typedef enum {
  HEED_PUBLICITY_FORM,     /* the blank complaint form to fill in by hand */
  HEED_PUBLICITY_POSTER,   /* "We want to hear from you", one page, A4 or A3 */
  HEED_PUBLICITY_LEAFLET,  /* two sides of A4 */
} HeedPublicityKind;

gboolean      heed_publicity_kind_from_id (const char         *id,
                                           HeedPublicityKind  *kind);

/* The document laid out and ready to preview, print or write with heed_page_flow_write_pdf().
 * Only the poster comes in A3. Large print sets the text in at least 16 pt. */
HeedPageFlow *heed_publicity_new_flow     (HeedStore          *store,
                                           HeedPublicityKind   kind,
                                           HeedPaper           paper,
                                           gboolean            large_print,
                                           HeedLanguage        language,
                                           GError            **error);

/* The same as it stands on @day (today when NULL): the procedure in force that day. */
HeedPageFlow *heed_publicity_new_flow_on  (HeedStore          *store,
                                           HeedPublicityKind   kind,
                                           HeedPaper           paper,
                                           gboolean            large_print,
                                           HeedLanguage        language,
                                           const GDate        *day,
                                           GError            **error);

G_END_DECLS
