/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-action.h"

struct _HeedAction
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedAction, heed_action, HEED_TYPE_RECORD)


static const HeedFieldSpec action_fields[HEED_ACTION_N_FIELDS] = {
  { "case", "case", HEED_VALUE_ID, 0, N_("Case"), NULL },
  { "description", "description", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED | HEED_FIELD_LONG, N_("What will be done"), NULL },
  { "owner", "owner", HEED_VALUE_ID, 0, N_("Person responsible"), NULL },
  { "start-date", "start_date", HEED_VALUE_DATE, 0, N_("Start"), NULL },
  { "due-date", "due_date", HEED_VALUE_DATE, 0, N_("Due"), NULL },
  { "standard", "standard", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("Standard it must meet"), NULL },
  { "complainant-involvement", "complainant_involvement", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("How the complainant is involved and kept informed"), NULL },
  { "review-date", "review_date", HEED_VALUE_DATE, 0, N_("Review"), NULL },
  { "completed-on", "completed_on", HEED_VALUE_DATE, 0, N_("Completed"), NULL },
  { "monitoring", "monitoring", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("How it is monitored"), NULL },
  { "impact", "impact", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("How its impact is measured"), NULL },
};

static void
heed_action_validate (HeedRecord *record,
                      GDate      *today,
                      GPtrArray  *problems)
{
  GDate start, due, done;

  if (heed_record_get_date (record, HEED_ACTION_START_DATE, &start)
      && heed_record_get_date (record, HEED_ACTION_DUE_DATE, &due)
      && g_date_compare (&due, &start) < 0)
    g_ptr_array_add (problems, heed_problem_new ("due-date",
                                                 _("It cannot be due before it starts.")));
  if (heed_record_get_date (record, HEED_ACTION_COMPLETED_ON, &done) && today != NULL
      && g_date_valid (today) && g_date_compare (&done, today) > 0)
    g_ptr_array_add (problems, heed_problem_new ("completed-on",
                                                 _("It cannot have been completed in the "
                                                   "future.")));
}

static void
heed_action_class_init (HeedActionClass *klass)
{
  HEED_RECORD_CLASS (klass)->validate = heed_action_validate;
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "actions", action_fields,
                                HEED_ACTION_N_FIELDS);
}

static void
heed_action_init (HeedAction *self)
{
}

HeedAction *
heed_action_new (void)
{
  return g_object_new (HEED_TYPE_ACTION, NULL);
}
