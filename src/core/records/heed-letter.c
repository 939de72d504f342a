/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-letter.h"

struct _HeedLetter
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedLetter, heed_letter, HEED_TYPE_RECORD)

static const char *const send_methods[] = { "post", "email", "by-hand", NULL };

static const HeedFieldSpec letter_fields[HEED_LETTER_N_FIELDS] = {
  { "case", "case", HEED_VALUE_ID, HEED_FIELD_REQUIRED, N_("Case"), NULL },
  { "template", "template", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED, N_("Template"), NULL },
  { "recipient", "recipient", HEED_VALUE_ID, 0, N_("To"), NULL },
  { "title", "title", HEED_VALUE_TEXT, 0, N_("Title"), NULL },
  { "created-at", "created_at", HEED_VALUE_DATETIME, HEED_FIELD_SYSTEM, N_("Written"), NULL },
  { "sent-at", "sent_at", HEED_VALUE_DATETIME, 0, N_("Sent"), NULL },
  { "sent-by", "sent_by", HEED_VALUE_CHOICE, 0, N_("Sent by"), send_methods },
  { "large-print", "large_print", HEED_VALUE_BOOL, 0, N_("Large print"), NULL },
  { "language", "language", HEED_VALUE_TEXT, 0, N_("Language"), NULL },
  { "free-text", "free_text", HEED_VALUE_TEXT, HEED_FIELD_LONG | HEED_FIELD_PERSONAL, N_("Own words"), NULL },
  { "merged-text", "merged_text", HEED_VALUE_TEXT, HEED_FIELD_LONG | HEED_FIELD_PERSONAL | HEED_FIELD_SYSTEM, N_("Text as sent"), NULL },
};

static void
heed_letter_class_init (HeedLetterClass *klass)
{
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "letters", letter_fields,
                                HEED_LETTER_N_FIELDS);
}

static void
heed_letter_init (HeedLetter *self)
{
}

HeedLetter *
heed_letter_new (void)
{
  return g_object_new (HEED_TYPE_LETTER, NULL);
}
