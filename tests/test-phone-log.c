/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-event.h"
#include "heed-letter-template.h"
#include "heed-merged-letter.h"
#include "heed-person.h"
#include "heed-phone-log.h"
#include "heed-test-location.h"

/* The quick phone log: what reception types during the call becomes a logged case. */

static HeedPhoneLog *
good_log (void)
{
  HeedPhoneLog *log = heed_phone_log_new ();

  log->title = g_strdup ("Mrs");
  log->first_name = g_strdup ("Ada");
  log->last_name = g_strdup ("Quennell");
  log->known_as = g_strdup ("Mrs Quennell");
  log->phone = g_strdup ("01632960123");
  log->contact_times = g_strdup ("Mornings");
  log->answerphone_ok = TRUE;
  log->what_happened = g_strdup ("Could not get through on the phone for three mornings\n"
                                 "Then told there were no appointments left.");
  log->outcome_wanted = g_strdup ("An appointment this week and an explanation");
  log->callback_offered = TRUE;
  log->advocacy_offered = TRUE;
  return log;
}

static void
test_save (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "Phone Surgery", HEED_NATION_ENGLAND,
                                                  NULL);
  g_autoptr(HeedPhoneLog) log = good_log ();
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) caller = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  HeedRecord *c;

  kase = heed_phone_log_save (log, store, &error);
  g_assert_no_error (error);
  c = HEED_RECORD (kase);
  g_assert_cmpstr (heed_case_get_status (kase), ==, "logged");
  g_assert_cmpstr (heed_record_get_text (c, HEED_CASE_CHANNEL), ==, "phone");
  g_assert_cmpstr (heed_case_get_summary (kase), ==,
                   "Could not get through on the phone for three mornings");
  g_assert_true (heed_record_get_bool (c, HEED_CASE_CALLBACK_OFFERED));
  g_assert_true (heed_record_get_bool (c, HEED_CASE_ADVOCACY_OFFERED));
  g_assert_false (heed_record_get_bool (c, HEED_CASE_MEETING_OFFERED));

  caller = heed_store_load (store, HEED_TYPE_PERSON,
                            heed_record_get_int (c, HEED_CASE_COMPLAINANT), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (caller), HEED_PERSON_PHONE), ==,
                   "01632 960123");
  g_assert_true (heed_record_get_bool (HEED_RECORD (caller), HEED_PERSON_ANSWERPHONE_OK));

  events = heed_store_list (store, HEED_TYPE_EVENT, heed_record_get_id (c), &error);
  g_assert_cmpuint (events->len, ==, 2);  /* the status step and the call */

}

static void
test_on_behalf (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "Phone Surgery", HEED_NATION_ENGLAND,
                                                  NULL);
  g_autoptr(HeedPhoneLog) log = good_log ();
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) affected = NULL;
  g_autoptr(GError) error = NULL;

  log->on_behalf = TRUE;
  log->affected_name = g_strdup ("Albert Quennell");
  log->relationship = g_strdup ("spouse-partner");
  kase = heed_phone_log_save (log, store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_CONSENT_STATUS), ==,
                   "requested");
  affected = heed_store_load (store, HEED_TYPE_PERSON,
                              heed_record_get_int (HEED_RECORD (kase), HEED_CASE_AFFECTED),
                              &error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (affected), HEED_PERSON_FIRST_NAME), ==,
                   "Albert");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (affected), HEED_PERSON_LAST_NAME), ==,
                   "Quennell");
}

static void
test_problems (void)
{
  const struct {
    const char *field;
    const char *message;
  } expected[] = {
    { "last-name", "Write down their name" },
    { "phone", "a phone number is needed" },
    { "what-happened", "what happened" },
    { "affected-name", "who they are calling about" },
    { "relationship", "how they are related" },
  };
  g_autoptr(HeedPhoneLog) log = heed_phone_log_new ();
  g_autoptr(GPtrArray) problems = NULL;

  log->on_behalf = TRUE;
  problems = heed_phone_log_validate (log);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HeedProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpstr (problem->field, ==, expected[i].field);
      g_assert_nonnull (strstr (problem->message, expected[i].message));
    }

  g_clear_pointer (&problems, g_ptr_array_unref);
  g_free (log->phone);
  log->phone = g_strdup ("0161 49");
  problems = heed_phone_log_validate (log);
  g_assert_cmpstr (((HeedProblem *) g_ptr_array_index (problems, 1))->field, ==, "phone");
  g_assert_nonnull (strstr (((HeedProblem *) g_ptr_array_index (problems, 1))->message,
                            "digits"));
}

static void
test_nothing_half_saved (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "Phone Surgery", HEED_NATION_ENGLAND,
                                                  NULL);
  g_autoptr(HeedStore) reader = NULL;
  g_autoptr(HeedPhoneLog) log = good_log ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;

  /* Open read-only (as when someone else holds the file): the log is refused whole, with the
   * reason, and nothing of it (not even the caller) is written. */
  g_clear_object (&store);
  reader = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (heed_phone_log_save (log, reader, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
  people = heed_store_list (reader, HEED_TYPE_PERSON, 0, NULL);
  g_assert_cmpuint (people->len, ==, 0);
  g_assert_cmpint (heed_store_count_cases (reader, NULL, NULL), ==, 0);
}

/* The one line offered is the first sentence, whole: never cut off in the middle. */
static void
test_suggest_summary (void)
{
  static const struct {
    const char *happened;
    const char *offered;
  } cases[] = {
    { "I waited 40 minutes on hold this morning and then was told there were no appointments "
      "left for the whole week, which is the third time this month. Nobody called back.",
      "I waited 40 minutes on hold this morning and then was told there were no appointments "
      "left for the whole week, which is the third time this month." },
    { "No appointments left by 8.05 every morning this week",
      "No appointments left by 8.05 every morning this week" },
    { "Dr. Shah did not look at my leg. I had to go to A&E.", "Dr. Shah did not look at my leg." },
    { "Seen by J. Smith, who was rude! Then left waiting.", "Seen by J. Smith, who was rude!" },
    { "\n  Nobody rang back\nThey promised twice", "Nobody rang back" },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *offered = heed_phone_log_suggest_summary (cases[i].happened);

      g_assert_cmpstr (offered, ==, cases[i].offered);
      g_assert_true (offered == NULL || strstr (offered, "…") == NULL);
    }
}

/* The acknowledgement quotes the summary reception gave, or the first sentence, whole. */
static void
test_letter_quotes_summary_whole (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "Phone Surgery", HEED_NATION_ENGLAND,
                                                  NULL);
  g_autoptr(HeedLetterTemplate) template = heed_letter_template_new_builtin ("acknowledgement",
                                                                               NULL);
  const char *long_call = "I waited 40 minutes on hold this morning and then was told there "
                          "were no appointments left for the whole week, again. I want a call.";

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HeedPhoneLog) log = good_log ();
      g_autoptr(HeedCase) kase = NULL;
      g_autoptr(HeedMergedLetter) letter = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      const char *expected;

      g_free (log->what_happened);
      log->what_happened = g_strdup (long_call);
      if (i == 1)
        log->summary = g_strdup ("No appointments, and\nkept on hold for 40 minutes");
      kase = heed_phone_log_save (log, store, &error);
      g_assert_no_error (error);
      expected = i == 0 ? "I waited 40 minutes on hold this morning and then was told there "
                          "were no appointments left for the whole week, again."
                        : "No appointments, and kept on hold for 40 minutes";
      g_assert_cmpstr (heed_case_get_summary (kase), ==, expected);
      letter = heed_merged_letter_new (store, template, heed_record_get_id (HEED_RECORD (kase)),
                                       NULL, NULL, &error);
      g_assert_no_error (error);
      text = g_strdelimit (heed_merged_letter_dup_text (letter), "\n", ' ');
      g_assert_nonnull (strstr (text, expected));
      g_assert_null (strstr (text, "…"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/phone-log/on-a-server"))
    return g_test_run ();

  g_test_add_func ("/core/phone-log/save", test_save);
  g_test_add_func ("/core/phone-log/suggest-summary", test_suggest_summary);
  g_test_add_func ("/core/phone-log/letter-quotes-summary-whole",
                   test_letter_quotes_summary_whole);
  g_test_add_func ("/core/phone-log/on-behalf", test_on_behalf);
  g_test_add_func ("/core/phone-log/problems", test_problems);
  g_test_add_func ("/core/phone-log/nothing-half-saved", test_nothing_half_saved);

  return g_test_run ();
}
