/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-choice.h"
#include "heed-event.h"

/* Every choice of every record's field table that is not already labelled by its own record,
 * in one place so forms, letters and reports all say the same thing. */
static const struct {
  const char *field;   /* NULL: the same words in every field */
  const char *id;
  const char *label;
} labels[] = {
  { "track", "early-resolution", N_("Early resolution") },
  { "track", "closer-look", N_("A closer look") },
  { "relationship", "spouse-partner", N_("Spouse or partner") },
  { "relationship", "parent-guardian", N_("Parent or guardian") },
  { "relationship", "child", N_("Son or daughter") },
  { "relationship", "carer", N_("Carer") },
  { "behalf-reason", "child", N_("They are a child") },
  { "behalf-reason", "not-well", N_("They are not well enough") },
  { "behalf-reason", "lacks-capacity", N_("They cannot make decisions for themselves") },
  { "behalf-reason", "prefers", N_("They would rather someone else did") },
  { "behalf-reason", "died", N_("They have died") },
  { "care", "nhs", N_("NHS care") },
  { "care", "private", N_("Private care") },
  { "best-interests", "yes", N_("Yes: they act in the patient’s best interests") },
  { "best-interests", "no", N_("No: they do not act in the patient’s best interests") },
  { "late-decision", "investigate", N_("Look into it: still possible to investigate fairly") },
  { "late-decision", "cannot-investigate", N_("Cannot be investigated now") },
  { NULL, "not-needed", N_("Not needed") },
  { NULL, "requested", N_("Asked for") },
  { NULL, "received", N_("Received") },
  { NULL, "refused", N_("Refused") },
  { NULL, "cannot-be-given", N_("Cannot be given") },
  { NULL, "low", N_("Low") },
  { NULL, "medium", N_("Medium") },
  { NULL, "high", N_("High") },
  { NULL, "extreme", N_("Extreme") },
  { NULL, "moderate", N_("Moderate") },
  { NULL, "rare", N_("Rare") },
  { NULL, "unlikely", N_("Unlikely") },
  { NULL, "possible", N_("Possible") },
  { NULL, "likely", N_("Likely") },
  { NULL, "almost-certain", N_("Almost certain") },
  { NULL, "enquiry", N_("Enquiry") },
  { NULL, "accepted", N_("Accepted for investigation") },
  { NULL, "declined", N_("Declined") },
  { NULL, "reported", N_("Reported") },
  { NULL, "pending", N_("Not yet due") },
  { NULL, "complied", N_("Complied with") },
  { NULL, "partly-complied", N_("Partly complied with") },
  { NULL, "not-complied", N_("Not complied with") },
  { NULL, "standard", N_("Standard print") },
  { NULL, "large-print", N_("Large print") },
  { NULL, "easy-read", N_("Easy read") },
  { NULL, "braille", N_("Braille") },
  { NULL, "bsl-interpreter", N_("British Sign Language interpreter") },
  { NULL, "other-language", N_("Another language") },
  { "contact-method", "phone", N_("Phone") },
  { "contact-method", "mobile", N_("Mobile") },
  { "contact-method", "email", N_("Email") },
  { "contact-method", "post", N_("Post") },
  { "contact-method", "video-call", N_("Video call") },
  { "contact-method", "advocate", N_("Through their advocate") },
  { NULL, "post", N_("By post") },
  { NULL, "by-hand", N_("By hand") },
  { NULL, "single-contact", N_("One named contact") },
  { NULL, "contact-method", N_("One way of contact only") },
  { NULL, "limited-calls", N_("Limited calls") },
  { NULL, "witness-present", N_("A witness present at meetings") },
  { NULL, "other", N_("Other") },
};

const char *
heed_choice_get_label (const char *field,
                       const char *choice)
{
  const char *label;

  if (choice == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].field != NULL && g_strcmp0 (labels[i].field, field) == 0
        && strcmp (labels[i].id, choice) == 0)
      return _(labels[i].label);

  /* The record types that already name their own choices. */
  if (g_strcmp0 (field, "kind") == 0 && g_strv_contains (heed_case_kinds, choice))
    return heed_case_kind_get_label (choice);
  if (g_strcmp0 (field, "kind") == 0 && g_strv_contains (heed_event_kinds, choice))
    return heed_event_kind_get_label (choice);
  if (g_strcmp0 (field, "channel") == 0)
    return heed_case_channel_get_label (choice);
  if (g_strcmp0 (field, "status") == 0)
    return heed_case_status_get_label (choice);
  if (g_strv_contains (heed_case_outcomes, choice))
    return heed_case_outcome_get_label (choice);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].field == NULL && strcmp (labels[i].id, choice) == 0)
      return _(labels[i].label);

  label = heed_case_channel_get_label (choice);
  return label;
}
