/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-template.h"

struct _HeedTemplate
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedTemplate, heed_template, HEED_TYPE_RECORD)


static const HeedFieldSpec template_fields[HEED_TEMPLATE_N_FIELDS] = {
  { "code", "code", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED, N_("Identifier"), NULL },
  { "name", "name", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED, N_("Name"), NULL },
  { "language", "language", HEED_VALUE_TEXT, 0, N_("Language"), NULL },
  { "body", "body", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED | HEED_FIELD_LONG, N_("Template"), NULL },
  { "builtin", "builtin", HEED_VALUE_BOOL, HEED_FIELD_SYSTEM, N_("Built in"), NULL },
  { "updated-at", "updated_at", HEED_VALUE_DATETIME, HEED_FIELD_SYSTEM, N_("Last changed"), NULL },
};

static void
heed_template_class_init (HeedTemplateClass *klass)
{
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "templates", template_fields,
                                HEED_TEMPLATE_N_FIELDS);
}

static void
heed_template_init (HeedTemplate *self)
{
}

HeedTemplate *
heed_template_new (void)
{
  return g_object_new (HEED_TYPE_TEMPLATE, NULL);
}
