/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-event.h"

struct _HeedEvent
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedEvent, heed_event, HEED_TYPE_RECORD)

const char *const heed_event_kinds[] = { "received", "acknowledged", "call", "meeting", "letter-out", "letter-in", "email-out", "email-in", "interview", "statement", "records", "site-visit", "expert-advice", "consent", "status", "action", "ombudsman", "note", "review", "safeguarding", "deadline-change", NULL };

static const HeedFieldSpec event_fields[HEED_EVENT_N_FIELDS] = {
  { "case", "case", HEED_VALUE_ID, HEED_FIELD_REQUIRED, N_("Case"), NULL },
  { "kind", "kind", HEED_VALUE_CHOICE, HEED_FIELD_REQUIRED, N_("Kind of entry"), heed_event_kinds },
  { "occurred-at", "occurred_at", HEED_VALUE_DATETIME, HEED_FIELD_REQUIRED, N_("When"), NULL },
  { "staff", "staff", HEED_VALUE_ID, 0, N_("By"), NULL },
  { "summary", "summary", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED, N_("Summary"), NULL },
  { "detail", "detail", HEED_VALUE_TEXT, HEED_FIELD_LONG | HEED_FIELD_PERSONAL, N_("Detail"), NULL },
};

static void
heed_event_class_init (HeedEventClass *klass)
{
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "events", event_fields,
                                HEED_EVENT_N_FIELDS);
}

static void
heed_event_init (HeedEvent *self)
{
}

HeedEvent *
heed_event_new (void)
{
  return g_object_new (HEED_TYPE_EVENT, NULL);
}

const char *
heed_event_kind_get_label (const char *kind)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "received", N_("Received") },
    { "acknowledged", N_("Acknowledged") },
    { "call", N_("Phone call") },
    { "meeting", N_("Meeting") },
    { "letter-out", N_("Letter sent") },
    { "letter-in", N_("Letter received") },
    { "email-out", N_("Email sent") },
    { "email-in", N_("Email received") },
    { "interview", N_("Interview") },
    { "statement", N_("Statement") },
    { "records", N_("Records reviewed") },
    { "site-visit", N_("Site visit") },
    { "expert-advice", N_("Expert advice") },
    { "consent", N_("Consent") },
    { "status", N_("Status changed") },
    { "action", N_("Action") },
    { "ombudsman", N_("Ombudsman") },
    { "note", N_("Note") },
    { "review", N_("Review") },
    { "safeguarding", N_("Safeguarding") },
    { "deadline-change", N_("Deadline changed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, kind) == 0)
      return _(labels[i].label);
  return kind;
}
