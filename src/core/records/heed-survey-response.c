/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-survey-response.h"

struct _HeedSurveyResponse
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedSurveyResponse, heed_survey_response, HEED_TYPE_RECORD)


static const HeedFieldSpec survey_response_fields[HEED_SURVEY_RESPONSE_N_FIELDS] = {
  { "case", "case", HEED_VALUE_ID, 0, N_("Case"), NULL },
  { "responded-on", "responded_on", HEED_VALUE_DATE, HEED_FIELD_REQUIRED, N_("Answered on"), NULL },
  { "answers", "answers", HEED_VALUE_TEXT, 0, N_("Answers"), NULL },
  { "comment", "comment", HEED_VALUE_TEXT, HEED_FIELD_LONG, N_("Comment"), NULL },
};

static void
heed_survey_response_class_init (HeedSurveyResponseClass *klass)
{
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "survey_responses", survey_response_fields,
                                HEED_SURVEY_RESPONSE_N_FIELDS);
}

static void
heed_survey_response_init (HeedSurveyResponse *self)
{
}

HeedSurveyResponse *
heed_survey_response_new (void)
{
  return g_object_new (HEED_TYPE_SURVEY_RESPONSE, NULL);
}
