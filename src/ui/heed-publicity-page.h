/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-page-preview.h"
#include "heed-publicity.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_PUBLICITY_PAGE (heed_publicity_page_get_type ())
G_DECLARE_FINAL_TYPE (HeedPublicityPage, heed_publicity_page, HEED, PUBLICITY_PAGE, AdwBin)

GtkWidget       *heed_publicity_page_new         (void);
void             heed_publicity_page_set_store   (HeedPublicityPage *self,
                                                  HeedStore         *store);
/* Shows @kind on @paper, in large print or not, in English or Welsh. */
gboolean         heed_publicity_page_show        (HeedPublicityPage *self,
                                                  HeedPublicityKind  kind,
                                                  HeedPaper          paper,
                                                  gboolean           large_print,
                                                  HeedLanguage       language);
gboolean         heed_publicity_page_save        (HeedPublicityPage *self,
                                                  const char        *path,
                                                  GError           **error);
HeedPagePreview *heed_publicity_page_get_preview (HeedPublicityPage *self);

G_END_DECLS
