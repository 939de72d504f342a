/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-event.h"
#include "heed-intake.h"
#include "heed-store-intake.h"
#include "heed-validate.h"

HeedIntakeDocument *
heed_intake_document_new (const char *filename,
                          const char *mime,
                          GBytes     *data)
{
  HeedIntakeDocument *document = g_new0 (HeedIntakeDocument, 1);

  g_return_val_if_fail (data != NULL, document);

  document->filename = g_strdup (filename);
  document->mime = g_strdup (mime != NULL ? mime : "application/octet-stream");
  document->data = g_bytes_ref (data);
  return document;
}

void
heed_intake_document_free (HeedIntakeDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->filename);
  g_free (document->mime);
  g_clear_pointer (&document->data, g_bytes_unref);
  g_free (document);
}

HeedIntake *
heed_intake_new (void)
{
  HeedIntake *intake = g_new0 (HeedIntake, 1);

  intake->case_values = g_ptr_array_new_with_free_func (g_free);
  intake->person_values = g_ptr_array_new_with_free_func (g_free);
  intake->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_intake_document_free);
  return intake;
}

void
heed_intake_free (HeedIntake *intake)
{
  if (intake == NULL)
    return;
  g_free (intake->reference);
  g_free (intake->kind);
  g_free (intake->channel);
  g_free (intake->received);
  g_free (intake->summary);
  g_free (intake->title);
  g_free (intake->first_name);
  g_free (intake->last_name);
  g_free (intake->phone);
  g_free (intake->email);
  g_free (intake->what_happened);
  g_free (intake->outcome_wanted);
  g_ptr_array_unref (intake->case_values);
  g_ptr_array_unref (intake->person_values);
  g_free (intake->source);
  g_ptr_array_unref (intake->documents);
  g_free (intake->message_digest);
  g_free (intake);
}

void
heed_intake_add_case_value (HeedIntake *intake,
                            const char *field,
                            const char *value)
{
  g_return_if_fail (intake != NULL && field != NULL);
  g_ptr_array_add (intake->case_values, g_strdup (field));
  g_ptr_array_add (intake->case_values, g_strdup (value));
}

void
heed_intake_add_person_value (HeedIntake *intake,
                              const char *field,
                              const char *value)
{
  g_return_if_fail (intake != NULL && field != NULL);
  g_ptr_array_add (intake->person_values, g_strdup (field));
  g_ptr_array_add (intake->person_values, g_strdup (value));
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

static char *
trimmed (const char *text)
{
  return blank (text) ? NULL : g_strstrip (g_strdup (text));
}

gboolean
heed_intake_parse_received (const char  *text,
                            char       **stored,
                            GError     **error)
{
  g_autofree char *copy = trimmed (text);
  g_autofree char *date_part = NULL;
  const char *time_part = NULL;
  int hour = 9, minute = 0;
  GDate date;

  if (stored != NULL)
    *stored = NULL;
  if (copy == NULL)
    {
      g_set_error_literal (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_EMPTY,
                           _("Give the day it was received."));
      return FALSE;
    }
  /* "2025-04-03T09:30" or "2025-04-03 09:30[:00]": a time after the date. */
  if (strlen (copy) >= 16 && (copy[10] == 'T' || copy[10] == ' ') && copy[13] == ':')
    {
      date_part = g_strndup (copy, 10);
      time_part = copy + 11;
    }
  else
    date_part = g_strdup (copy);
  if (!heed_parse_date (date_part, &date, error))
    return FALSE;
  if (time_part != NULL)
    {
      guint64 h = 0, m = 0;
      g_autofree char *hh = g_strndup (time_part, 2);
      g_autofree char *mm = g_strndup (time_part + 3, 2);
      const char *rest = time_part + 5;

      if (!g_ascii_string_to_unsigned (hh, 10, 0, 23, &h, NULL)
          || !g_ascii_string_to_unsigned (mm, 10, 0, 59, &m, NULL)
          || !(rest[0] == '\0' || (rest[0] == ':' && strlen (rest) == 3
                                   && g_ascii_isdigit (rest[1]) && g_ascii_isdigit (rest[2]))))
        {
          g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("“%s” is not a time Heed can read; write it YYYY-MM-DDTHH:MM, such as "
                         "2025-04-03T09:30."),
                       copy);
          return FALSE;
        }
      hour = (int) h;
      minute = (int) m;
    }
  if (stored != NULL)
    *stored = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00", g_date_get_year (&date),
                               g_date_get_month (&date), g_date_get_day (&date), hour, minute);
  return TRUE;
}

char *
heed_intake_normalise_reference (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_toupper (*p));
      else if ((*p == '-' || *p == '/' || *p == '.' || *p == '_' || *p == ' ' || *p == '\\')
               && out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0 || out->len > 40)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
problem (GPtrArray  *problems,
         const char *field,
         const char *message)
{
  if (problems != NULL)
    g_ptr_array_add (problems, heed_problem_new (field, message));
}

/* The intake's own name for a record's field, for problems found by the records. */
static const char *
intake_field_name (const char *record_field,
                   gboolean    person)
{
  static const struct { const char *record; const char *intake; } names[] = {
    { "received-at", "received" },
    { "description", "what-happened" },
    { "outcome-wanted", "wants" },
    { "last-name", "surname" },
  };

  if (!person && g_strcmp0 (record_field, "last-name") == 0)
    return record_field;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].record, record_field) == 0)
      return names[i].intake;
  return record_field;
}

static void
set_values (HeedRecord *record,
            GPtrArray  *values,
            gboolean    person,
            GPtrArray  *problems)
{
  for (guint i = 0; i + 1 < values->len; i += 2)
    {
      const char *name = g_ptr_array_index (values, i);
      const char *value = g_ptr_array_index (values, i + 1);
      int field = heed_record_find_field (record, name);
      g_autoptr(GError) error = NULL;

      if (field < 0)
        {
          g_autofree char *message = g_strdup_printf (_("Heed has no field called “%s”."),
                                                      name);

          problem (problems, name, message);
          continue;
        }
      if (!heed_record_set_from_string (record, (guint) field, value, &error))
        problem (problems, intake_field_name (name, person), error->message);
    }
}

static void
set_text (HeedRecord *record,
          guint       field,
          const char *value)
{
  g_autofree char *text = trimmed (value);

  if (text != NULL)
    heed_record_set_text (record, field, text);
}

static gboolean
person_is_named (HeedPerson *person)
{
  HeedRecord *record = HEED_RECORD (person);

  return heed_record_is_set (record, HEED_PERSON_FIRST_NAME)
         || heed_record_is_set (record, HEED_PERSON_LAST_NAME)
         || heed_record_is_set (record, HEED_PERSON_KNOWN_AS)
         || heed_record_is_set (record, HEED_PERSON_EMAIL)
         || heed_record_is_set (record, HEED_PERSON_PHONE);
}

HeedCase *
heed_intake_build (const HeedIntake  *intake,
                   HeedPerson       **complainant,
                   GPtrArray         *problems)
{
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) person = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *received = NULL;
  HeedRecord *c, *p;

  g_return_val_if_fail (intake != NULL, NULL);

  if (complainant != NULL)
    *complainant = NULL;

  kind = trimmed (intake->kind);
  if (kind == NULL)
    problem (problems, "kind",
             _("Say what kind of feedback it is: complaint, concern, comment or compliment."));
  else if (!g_strv_contains (heed_case_kinds, kind))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a kind of feedback; it is a complaint, concern, comment "
                           "or compliment."),
                         kind);

      problem (problems, "kind", message);
      g_clear_pointer (&kind, g_free);
    }
  kase = heed_case_new (kind != NULL ? kind : "complaint");
  c = HEED_RECORD (kase);

  channel = trimmed (intake->channel);
  if (channel == NULL)
    problem (problems, "channel", _("Say how it came in, such as phone, email or letter."));
  else if (!g_strv_contains (heed_case_channels, channel))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) heed_case_channels);
      g_autofree char *message = g_strdup_printf (_("“%s” is not a way feedback comes in; use "
                                                    "one of %s."),
                                                  channel, list);

      problem (problems, "channel", message);
    }
  else
    heed_record_set_text (c, HEED_CASE_CHANNEL, channel);

  if (blank (intake->received))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      received = g_date_time_format (now, "%Y-%m-%dT%H:%M:00");
    }
  else
    {
      g_autoptr(GError) error = NULL;

      if (!heed_intake_parse_received (intake->received, &received, &error))
        problem (problems, "received", error->message);
    }
  if (received != NULL)
    heed_record_set_text (c, HEED_CASE_RECEIVED_AT, received);

  if (!blank (intake->reference))
    {
      g_autofree char *reference = heed_intake_normalise_reference (intake->reference);

      if (reference == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” cannot be a case reference: it needs letters or digits, "
                               "and at most 40 of them."),
                             intake->reference);

          problem (problems, "reference", message);
        }
      else
        heed_record_set_text (c, HEED_CASE_REFERENCE, reference);
    }
  set_text (c, HEED_CASE_SUMMARY, intake->summary);
  set_text (c, HEED_CASE_DESCRIPTION, intake->what_happened);
  set_text (c, HEED_CASE_OUTCOME_WANTED, intake->outcome_wanted);
  heed_record_set_text (c, HEED_CASE_STATUS, "logged");
  set_values (c, intake->case_values, FALSE, problems);

  person = heed_person_new ();
  p = HEED_RECORD (person);
  set_text (p, HEED_PERSON_TITLE, intake->title);
  set_text (p, HEED_PERSON_FIRST_NAME, intake->first_name);
  set_text (p, HEED_PERSON_LAST_NAME, intake->last_name);
  set_text (p, HEED_PERSON_PHONE, intake->phone);
  set_text (p, HEED_PERSON_EMAIL, intake->email);
  set_values (p, intake->person_values, TRUE, problems);
  if (heed_record_is_set (p, HEED_PERSON_EMAIL) && !heed_record_is_set (p, HEED_PERSON_PHONE))
    heed_record_set_text (p, HEED_PERSON_CONTACT_METHOD, "email");

  /* An old complaint in an imported log was late when it came, not now: the time limit is
   * the practice's decision then, and the trail says where it came from. */
  if (intake->source != NULL && heed_case_is_late (kase)
      && !heed_record_is_set (c, HEED_CASE_LATE_REASON))
    {
      g_autofree char *note = g_strdup_printf (_("Imported from %s; the reason for the delay "
                                                 "was not recorded there."),
                                               intake->source);

      heed_record_set_text (c, HEED_CASE_LATE_REASON, note);
    }

  if (problems != NULL)
    {
      g_autoptr(GPtrArray) found = NULL;
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      found = heed_record_validate (c, &today);
      for (guint i = 0; i < found->len; i++)
        {
          HeedProblem *one = g_ptr_array_index (found, i);

          /* Said once, above, in the intake's words. */
          if ((g_strcmp0 (one->field, "kind") == 0 && kind == NULL)
              || (g_strcmp0 (one->field, "channel") == 0
                  && !heed_record_is_set (c, HEED_CASE_CHANNEL))
              || (g_strcmp0 (one->field, "received-at") == 0 && received == NULL))
            continue;
          if (g_strcmp0 (one->field, "summary") == 0 && !heed_record_is_set (c, HEED_CASE_SUMMARY))
            problem (problems, "summary", _("Give a summary: a line saying what it is about."));
          else
            problem (problems, intake_field_name (one->field, FALSE), one->message);
        }
      if (person_is_named (person))
        {
          g_autoptr(GPtrArray) person_problems = heed_record_validate (p, &today);

          for (guint i = 0; i < person_problems->len; i++)
            {
              HeedProblem *one = g_ptr_array_index (person_problems, i);

              problem (problems, intake_field_name (one->field, TRUE), one->message);
            }
        }
      else if (heed_case_kind_from_id (kind) == HEED_KIND_COMPLAINT
               && !heed_record_get_bool (c, HEED_CASE_ANONYMOUS))
        problem (problems, "surname",
                 _("Say who is complaining: at least a surname, an email address or a phone "
                   "number."));
    }

  if (complainant != NULL && person_is_named (person))
    *complainant = g_steal_pointer (&person);
  return g_steal_pointer (&kase);
}

GPtrArray *
heed_intake_validate (const HeedIntake *intake,
                      const GDate      *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_problem_free);
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) person = NULL;

  g_return_val_if_fail (intake != NULL, problems);

  kase = heed_intake_build (intake, &person, problems);
  if (today != NULL && g_date_valid (today))
    {
      GDate received;

      /* heed_intake_build() checks against the real today; a caller's today may be earlier. */
      if (heed_case_get_received (kase, &received) && g_date_compare (&received, today) > 0)
        {
          gboolean said = FALSE;

          for (guint i = 0; i < problems->len; i++)
            said |= g_strcmp0 (((HeedProblem *) g_ptr_array_index (problems, i))->field,
                               "received") == 0;
          if (!said)
            problem (problems, "received", _("The received date cannot be in the future."));
        }
    }
  return problems;
}

HeedCase *
heed_intake_save (const HeedIntake  *intake,
                  HeedStore         *store,
                  GError           **error)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) heed_problem_free);
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) person = NULL;
  HeedRecord *c;

  g_return_val_if_fail (intake != NULL, NULL);
  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  kase = heed_intake_build (intake, &person, problems);
  if (problems->len > 0)
    {
      HeedProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID, first->message);
      return NULL;
    }
  c = HEED_RECORD (kase);
  if (person != NULL)
    heed_person_tidy (person);

  if (!heed_store_begin (store, error))
    return NULL;
  if (person != NULL)
    {
      if (!heed_store_save (store, HEED_RECORD (person), error))
        goto failed;
      heed_record_set_int (c, HEED_CASE_COMPLAINANT, heed_record_get_id (HEED_RECORD (person)));
    }
  if (!heed_store_add_intake_case (store, kase, intake->source, error))
    goto failed;
  for (guint i = 0; i < intake->documents->len; i++)
    {
      HeedIntakeDocument *document = g_ptr_array_index (intake->documents, i);

      if (!heed_store_add_attachment (store, heed_record_get_id (c), 0, document->filename,
                                      document->mime, document->data, NULL, error))
        goto failed;
    }
  if (intake->message_digest != NULL)
    {
      HeedIntakeDocument *message = intake->documents->len > 0
                                    ? g_ptr_array_index (intake->documents, 0) : NULL;
      g_autofree char *detail = g_strdup_printf ("sha256:%s %s", intake->message_digest,
                                                 message != NULL ? message->filename : "");

      if (!heed_store_note_intake (store, heed_record_get_id (c), "email", detail, error))
        goto failed;
    }
  if (!heed_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&kase);

failed:
  heed_store_rollback (store);
  return NULL;
}
