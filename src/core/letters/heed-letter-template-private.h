/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "heed-letter-template.h"

G_BEGIN_DECLS

/* Where a merge field or condition is used: at the top, or inside a for-each. */
typedef enum {
  HEED_LETTER_SCOPE_LETTER,
  HEED_LETTER_SCOPE_ELEMENTS,
  HEED_LETTER_SCOPE_ACTIONS,
} HeedLetterScope;

xmlNode  *_heed_letter_template_get_body      (HeedLetterTemplate *self);
xmlNode  *_heed_letter_template_get_title     (HeedLetterTemplate *self);

/* Defined with the merge, which knows what each name means. */
gboolean  _heed_letter_field_is_known         (const char         *name,
                                               HeedLetterScope     scope);
gboolean  _heed_letter_condition_is_known     (const char         *test,
                                               HeedLetterScope     scope);

G_END_DECLS
