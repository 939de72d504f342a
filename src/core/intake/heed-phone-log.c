/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-event.h"
#include "heed-person.h"
#include "heed-phone-log.h"
#include "heed-validate.h"

HeedPhoneLog *
heed_phone_log_new (void)
{
  HeedPhoneLog *log = g_new0 (HeedPhoneLog, 1);

  log->kind = g_strdup ("complaint");
  log->contact_method = g_strdup ("phone");
  return log;
}

void
heed_phone_log_free (HeedPhoneLog *log)
{
  if (log == NULL)
    return;
  g_free (log->kind);
  g_free (log->title);
  g_free (log->first_name);
  g_free (log->last_name);
  g_free (log->known_as);
  g_free (log->phone);
  g_free (log->contact_method);
  g_free (log->contact_times);
  g_free (log->affected_name);
  g_free (log->relationship);
  g_free (log->what_happened);
  g_free (log->summary);
  g_free (log->outcome_wanted);
  g_free (log->needs);
  g_free (log);
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
problem (GPtrArray  *problems,
         const char *field,
         const char *message)
{
  g_ptr_array_add (problems, heed_problem_new (field, message));
}

GPtrArray *
heed_phone_log_validate (const HeedPhoneLog *log)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_problem_free);
  HeedCaseKind kind;

  g_return_val_if_fail (log != NULL, problems);

  if (blank (log->first_name) && blank (log->last_name) && blank (log->known_as))
    problem (problems, "last-name", _("Write down their name, or how they would like to be "
                                      "addressed."));
  if (!blank (log->phone))
    {
      g_autoptr(GError) error = NULL;

      if (!heed_parse_phone (log->phone, NULL, &error))
        problem (problems, "phone", error->message);
    }
  else if (g_strcmp0 (log->contact_method, "phone") == 0)
    problem (problems, "phone", _("They would like a phone call, so a phone number is needed."));
  if (blank (log->what_happened))
    problem (problems, "what-happened", _("Write down what happened, in their words."));
  if (log->on_behalf)
    {
      if (blank (log->affected_name))
        problem (problems, "affected-name", _("Write down who they are calling about."));
      if (blank (log->relationship))
        problem (problems, "relationship", _("Say how they are related to that person."));
    }
  kind = heed_case_kind_from_id (log->kind);
  if (kind != HEED_KIND_COMPLAINT && kind != HEED_KIND_CONCERN)
    problem (problems, "kind", _("A phone log is a complaint or a concern."));
  return problems;
}

/* Splits "Ada Example" into first and last names; one word is a last name. */
static void
split_name (HeedPerson *person,
            const char *full)
{
  g_autofree char *copy = g_strstrip (g_strdup (full));
  char *space = strrchr (copy, ' ');

  if (space != NULL)
    {
      *space = '\0';
      heed_record_set_text (HEED_RECORD (person), HEED_PERSON_FIRST_NAME, g_strstrip (copy));
      heed_record_set_text (HEED_RECORD (person), HEED_PERSON_LAST_NAME, space + 1);
    }
  else
    heed_record_set_text (HEED_RECORD (person), HEED_PERSON_LAST_NAME, copy);
}

static const char *
relationship_id (const char *text)
{
  static const char *const ids[] = {
    "spouse-partner", "parent-guardian", "child", "carer", NULL
  };

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (text, ids[i]) == 0)
      return ids[i];
  return "other";
}

char *
heed_phone_log_suggest_summary (const char *what_happened)
{
  g_autofree char *line = NULL;
  const char *end = NULL;

  if (blank (what_happened))
    return NULL;
  while (*what_happened == '\n' || *what_happened == '\r' || g_ascii_isspace (*what_happened))
    what_happened++;
  line = g_strstrip (g_strndup (what_happened, strcspn (what_happened, "\r\n")));
  /* Up to the end of the first sentence: a full stop, "?" or "!" followed by a space and a
   * capital. "8.05", "Dr. Shah" or "J. Smith" carry on. */
  for (const char *p = line; *p != '\0'; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ' && g_ascii_isupper (p[2]))
      {
        static const char *const titles[] = { "Dr", "Mr", "Mrs", "Ms", "Mx", "St", "Prof", NULL };
        const char *word = p;
        g_autofree char *before = NULL;

        while (word > line && word[-1] != ' ')
          word--;
        before = g_strndup (word, p - word);
        if (*p == '.' && (g_strv_contains (titles, before)
                          || (strlen (before) == 1 && g_ascii_isupper (before[0]))))
          continue;
        end = p + 1;
        break;
      }
  if (end == NULL)
    return g_steal_pointer (&line);
  return g_strndup (line, end - line);
}

HeedCase *
heed_phone_log_save (const HeedPhoneLog  *log,
                     HeedStore           *store,
                     GError             **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(HeedPerson) caller = NULL;
  g_autoptr(HeedPerson) affected = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedEvent) event = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) now_dt = g_date_time_new_now_local ();
  HeedRecord *c;

  g_return_val_if_fail (log != NULL, NULL);
  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  problems = heed_phone_log_validate (log);
  if (problems->len > 0)
    {
      HeedProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID, first->message);
      return NULL;
    }

  caller = heed_person_new ();
  g_object_set (caller, "title", log->title, "first-name", log->first_name,
                "last-name", log->last_name, "known-as", log->known_as,
                "contact-method", log->contact_method, "contact-times", log->contact_times,
                "answerphone-ok", log->answerphone_ok, NULL);
  if (!blank (log->phone))
    {
      g_autofree char *phone = NULL;

      heed_parse_phone (log->phone, &phone, NULL);
      heed_record_set_text (HEED_RECORD (caller), HEED_PERSON_PHONE, phone);
    }

  /* The summary reception gave, or the first sentence of what happened: whole, as letters
   * quote it. */
  if (!blank (log->summary))
    summary = g_strstrip (g_strdelimit (g_strdup (log->summary), "\r\n", ' '));
  else
    summary = heed_phone_log_suggest_summary (log->what_happened);
  now = g_date_time_format (now_dt, "%Y-%m-%dT%H:%M:%S");

  kase = heed_case_new (log->kind);
  c = HEED_RECORD (kase);
  g_object_set (kase, "channel", "phone", "received-at", now, "summary", summary,
                "description", log->what_happened, "outcome-wanted", log->outcome_wanted,
                "needs", log->needs, "callback-offered", log->callback_offered,
                "meeting-offered", log->meeting_offered,
                "advocacy-offered", log->advocacy_offered, NULL);
  if (log->on_behalf)
    {
      heed_record_set_bool (c, HEED_CASE_ON_BEHALF, TRUE);
      heed_record_set_text (c, HEED_CASE_RELATIONSHIP, relationship_id (log->relationship));
      if (g_strcmp0 (relationship_id (log->relationship), "other") == 0)
        heed_record_set_text (c, HEED_CASE_RELATIONSHIP_OTHER, log->relationship);
      /* The caller is asked the reason later; the manager completes the log. */
      heed_record_set_text (c, HEED_CASE_BEHALF_REASON, "other");
      heed_record_set_text (c, HEED_CASE_BEHALF_REASON_OTHER, _("Not yet asked (phone log)"));
      heed_record_set_text (c, HEED_CASE_CONSENT_STATUS, "requested");
    }

  if (!heed_store_begin (store, error))
    return NULL;
  if (!heed_store_save (store, HEED_RECORD (caller), error))
    goto failed;
  heed_record_set_int (c, HEED_CASE_COMPLAINANT, heed_record_get_id (HEED_RECORD (caller)));
  if (log->on_behalf)
    {
      affected = heed_person_new ();
      split_name (affected, log->affected_name);
      if (!heed_store_save (store, HEED_RECORD (affected), error))
        goto failed;
      heed_record_set_int (c, HEED_CASE_AFFECTED, heed_record_get_id (HEED_RECORD (affected)));
    }
  if (!heed_store_save (store, c, error)
      || !heed_store_change_status (store, kase, "logged", NULL, error))
    goto failed;

  event = heed_event_new ();
  g_object_set (event, "case", heed_record_get_id (c), "kind", "call", "occurred-at", now,
                "summary", _("Phone call logged by reception"), "detail", log->what_happened,
                NULL);
  if (!heed_store_save (store, HEED_RECORD (event), error))
    goto failed;
  if (!heed_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&kase);

failed:
  heed_store_rollback (store);
  return NULL;
}
