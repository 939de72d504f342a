/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-case-element.h"

struct _HeedCaseElement
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedCaseElement, heed_case_element, HEED_TYPE_RECORD)

static const char *const element_outcomes[] = { "upheld", "partly-upheld", "not-upheld", NULL };

static const HeedFieldSpec case_element_fields[HEED_CASE_ELEMENT_N_FIELDS] = {
  { "case", "case", HEED_VALUE_ID, HEED_FIELD_REQUIRED, N_("Case"), NULL },
  { "position", "position", HEED_VALUE_INT, 0, N_("Number"), NULL },
  { "description", "description", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED | HEED_FIELD_LONG | HEED_FIELD_PERSONAL, N_("What this part of the complaint is about"), NULL },
  { "subject", "subject", HEED_VALUE_TEXT, 0, N_("Subject"), NULL },
  { "staff-group", "staff_group", HEED_VALUE_TEXT, 0, N_("Staff group"), NULL },
  { "finding", "finding", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("What was found"), NULL },
  { "outcome", "outcome", HEED_VALUE_CHOICE, 0, N_("Outcome"), element_outcomes },
  { "response", "response", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("Response"), NULL },
  { "apology", "apology", HEED_VALUE_BOOL, 0, N_("Apology due"), NULL },
};

static void
heed_case_element_class_init (HeedCaseElementClass *klass)
{
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "case_elements", case_element_fields,
                                HEED_CASE_ELEMENT_N_FIELDS);
}

static void
heed_case_element_init (HeedCaseElement *self)
{
}

HeedCaseElement *
heed_case_element_new (void)
{
  return g_object_new (HEED_TYPE_CASE_ELEMENT, NULL);
}
