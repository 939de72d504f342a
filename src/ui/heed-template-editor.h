/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-language.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_TEMPLATE_EDITOR (heed_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (HeedTemplateEditor, heed_template_editor, HEED, TEMPLATE_EDITOR,
                      AdwWindow)

/* The practice's letter templates; the preview is the letter for @sample_case (0: none). */
HeedTemplateEditor *heed_template_editor_new         (GtkWindow           *parent,
                                                      HeedStore           *store,
                                                      gint64               sample_case);
gboolean            heed_template_editor_load        (HeedTemplateEditor  *self,
                                                      const char          *id);
/* The practice keeps its wording of each letter in English and in Welsh: which is shown. */
void                heed_template_editor_set_language (HeedTemplateEditor *self,
                                                       HeedLanguage        language);
HeedLanguage        heed_template_editor_get_language (HeedTemplateEditor *self);
/* The wording as it stands in the editor. */
char               *heed_template_editor_dup_source  (HeedTemplateEditor  *self);
/* Replaces the wording, as typing would, and checks it at once. */
void                heed_template_editor_set_source  (HeedTemplateEditor  *self,
                                                      const char          *source);
/* Checks the wording; FALSE when it is not a template (the problem names the line). */
gboolean            heed_template_editor_check       (HeedTemplateEditor  *self);
const char         *heed_template_editor_get_problem (HeedTemplateEditor  *self);
gboolean            heed_template_editor_save        (HeedTemplateEditor  *self,
                                                      GError             **error);

G_END_DECLS
