/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_TEMPLATE_CODE,
  HEED_TEMPLATE_NAME,
  HEED_TEMPLATE_LANGUAGE,
  HEED_TEMPLATE_BODY,
  HEED_TEMPLATE_BUILTIN,
  HEED_TEMPLATE_UPDATED_AT,
  HEED_TEMPLATE_N_FIELDS
} HeedTemplateField;

#define HEED_TYPE_TEMPLATE (heed_template_get_type ())
G_DECLARE_FINAL_TYPE (HeedTemplate, heed_template, HEED, TEMPLATE, HeedRecord)

HeedTemplate *heed_template_new (void);

G_END_DECLS
