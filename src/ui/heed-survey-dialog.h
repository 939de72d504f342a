/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_SURVEY_DIALOG (heed_survey_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedSurveyDialog, heed_survey_dialog, HEED, SURVEY_DIALOG, AdwWindow)

/* The complainant's answers to the "My Expectations" statements (seed 004) for a case. */
HeedSurveyDialog *heed_survey_dialog_new        (GtkWindow        *parent,
                                                 HeedStore        *store,
                                                 gint64            case_id);
/* Sets statement @number (from 1) to @answer (1 strongly disagree … 5 strongly agree; 0 not
 * answered), as choosing it does. */
void              heed_survey_dialog_set_answer (HeedSurveyDialog *self,
                                                 guint             number,
                                                 guint             answer);
gboolean          heed_survey_dialog_save       (HeedSurveyDialog *self,
                                                 GError          **error);

G_END_DECLS
