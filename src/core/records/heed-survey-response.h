/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_SURVEY_RESPONSE_CASE,
  HEED_SURVEY_RESPONSE_RESPONDED_ON,
  HEED_SURVEY_RESPONSE_ANSWERS,
  HEED_SURVEY_RESPONSE_COMMENT,
  HEED_SURVEY_RESPONSE_N_FIELDS
} HeedSurveyResponseField;

#define HEED_TYPE_SURVEY_RESPONSE (heed_survey_response_get_type ())
G_DECLARE_FINAL_TYPE (HeedSurveyResponse, heed_survey_response, HEED, SURVEY_RESPONSE, HeedRecord)

HeedSurveyResponse *heed_survey_response_new (void);

G_END_DECLS
