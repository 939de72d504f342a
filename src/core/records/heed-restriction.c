/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-restriction.h"

struct _HeedRestriction
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedRestriction, heed_restriction, HEED_TYPE_RECORD)

static const char *const restriction_measures[] = { "single-contact", "contact-method", "limited-calls", "witness-present", "other", NULL };

static const HeedFieldSpec restriction_fields[HEED_RESTRICTION_N_FIELDS] = {
  { "case", "case", HEED_VALUE_ID, HEED_FIELD_REQUIRED, N_("Case"), NULL },
  { "measure", "measure", HEED_VALUE_CHOICE, HEED_FIELD_REQUIRED, N_("Measure"), restriction_measures },
  { "detail", "detail", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("Detail"), NULL },
  { "reason", "reason", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED | HEED_FIELD_LONG, N_("Reason"), NULL },
  { "start-date", "start_date", HEED_VALUE_DATE, HEED_FIELD_REQUIRED, N_("From"), NULL },
  { "review-date", "review_date", HEED_VALUE_DATE, 0, N_("Review"), NULL },
  { "told-on", "told_on", HEED_VALUE_DATE, 0, N_("Complainant told"), NULL },
};

static void
heed_restriction_class_init (HeedRestrictionClass *klass)
{
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "restrictions", restriction_fields,
                                HEED_RESTRICTION_N_FIELDS);
}

static void
heed_restriction_init (HeedRestriction *self)
{
}

HeedRestriction *
heed_restriction_new (void)
{
  return g_object_new (HEED_TYPE_RESTRICTION, NULL);
}
