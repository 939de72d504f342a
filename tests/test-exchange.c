/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-case.h"
#include "heed-event.h"
#include "heed-exchange.h"
#include "heed-letter.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-survey-response.h"
#include "heed-template.h"
#include "heed-test-location.h"

#define NS HEED_EXCHANGE_NAMESPACE
#define ATTACHMENT_SIZE 2000

/* A description with what XML cannot carry as it is (a vertical tab, as pasted from a word
 * processor), a Windows line end, and characters that need escaping. */
#define AWKWARD_TEXT "She was told \"not our problem\" <twice> & left.\r\nThen\vmore."

static char *tmp_dir;

typedef struct {
  HeedStore *store;
  char      *reference;   /* the complaint's */
  GBytes    *pdf;
  GBytes    *attachment;
  GBytes    *logo;
} Practice;

static char *
temp_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);

  return g_build_filename (tmp_dir, unique, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static GBytes *
pattern_bytes (gsize size,
               guint seed)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((i * 31 + seed) ^ (i >> 8));
  return g_bytes_new_take (data, size);
}

/* A practice file, or (HEED_TEST_ENGINE=postgres) a database of the run's server, for the
 * running test; the files read and written beside it are files on either engine. */
static HeedStore *
new_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  HeedStore *store = heed_store_create (heed_test_place_for_test ("practice.heed")->where, name,
                                        HEED_NATION_ENGLAND, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  heed_store_set_staff_name (store, "Test Manager");
  return store;
}

static void
set (gpointer    record,
     const char *field,
     const char *value)
{
  g_autoptr(GError) error = NULL;
  int index = heed_record_find_field (HEED_RECORD (record), field);

  g_assert_cmpint (index, >=, 0);
  g_assert_true (heed_record_set_from_string (HEED_RECORD (record), (guint) index, value,
                                              &error));
  g_assert_no_error (error);
}

static void
set_id (gpointer    record,
        const char *field,
        gpointer    target)
{
  int index = heed_record_find_field (HEED_RECORD (record), field);

  g_assert_cmpint (index, >=, 0);
  heed_record_set_int (HEED_RECORD (record), (guint) index,
                       heed_record_get_id (HEED_RECORD (target)));
}

static void
save (HeedStore *store,
      gpointer   record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_store_save (store, HEED_RECORD (record), &error));
  g_assert_no_error (error);
}

/* A small practice with a record of every kind: a complaint with two elements, events, an
 * attachment, a sent letter with its PDF, an action and a restriction; a compliment; a
 * practice-wide action; survey responses with and without a case; a destroyed case. */
static void
practice_init (Practice *practice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStaff) doctor = heed_staff_new ();
  g_autoptr(HeedStaff) receptionist = heed_staff_new ();
  g_autoptr(HeedPerson) mother = heed_person_new ();
  g_autoptr(HeedPerson) child = heed_person_new ();
  g_autoptr(HeedTemplate) template = heed_template_new ();
  g_autoptr(HeedCase) complaint = heed_case_new ("complaint");
  g_autoptr(HeedCase) compliment = heed_case_new ("compliment");
  g_autoptr(HeedCaseElement) element1 = heed_case_element_new ();
  g_autoptr(HeedCaseElement) element2 = heed_case_element_new ();
  g_autoptr(HeedEvent) received = heed_event_new ();
  g_autoptr(HeedEvent) call = heed_event_new ();
  g_autoptr(HeedAction) action = heed_action_new ();
  g_autoptr(HeedAction) practice_action = heed_action_new ();
  g_autoptr(HeedLetter) letter = heed_letter_new ();
  g_autoptr(HeedRestriction) restriction = heed_restriction_new ();
  g_autoptr(HeedSurveyResponse) survey1 = heed_survey_response_new ();
  g_autoptr(HeedSurveyResponse) survey2 = heed_survey_response_new ();
  HeedTombstone tombstone = {
    .reference = (char *) "C-2019-004", .kind = (char *) "complaint",
    .closed_on = (char *) "2019-08-01", .destroyed_at = (char *) "2030-01-02T09:00:00",
    .destroyed_by = (char *) "Practice Manager", .reason = (char *) "Retention period over",
  };
  HeedStore *store;
  gint64 attachment_id = 0;

  store = practice->store = new_store ("Riverside Surgery");
  g_assert_true (heed_store_set_setting (store, "address", "1 High Street\nRiverton", &error));
  g_assert_true (heed_store_set_setting (store, "phone", "020 7946 0000", &error));
  practice->logo = pattern_bytes (3000, 7);
  g_assert_true (heed_store_insert_setting_blob (store, "logo", "image/png", practice->logo,
                                                 &error));
  g_assert_no_error (error);

  set (doctor, "name", "Dr Ada Example");
  set (doctor, "role", "GP partner");
  set (doctor, "staff-group", "gp");
  save (store, doctor);
  set (receptionist, "name", "Sam Front-Desk");
  set (receptionist, "active", "no");
  save (store, receptionist);

  set (mother, "title", "Mrs");
  set (mother, "first-name", "Jane");
  set (mother, "last-name", "O'Neill, Senior");
  set (mother, "postcode", "SW1A 1AA");
  set (mother, "phone", "020 7946 0001");
  set (mother, "email", "jane@example.com");
  set (mother, "contact-method", "email");
  set (mother, "answerphone-ok", "yes");
  save (store, mother);
  set (child, "first-name", "Tom");
  set (child, "last-name", "O'Neill");
  set (child, "date-of-birth", "2015-02-03");
  save (store, child);

  set (template, "code", "acknowledgement");
  set (template, "name", "Our acknowledgement");
  set (template, "language", "en");
  set (template, "body", "<letter><p>Dear {name},</p></letter>");
  save (store, template);

  set (complaint, "channel", "letter");
  set (complaint, "status", "acknowledged");
  set (complaint, "received-at", "2025-06-03T10:15:00");
  set_id (complaint, "received-by", receptionist);
  set_id (complaint, "handler", doctor);
  set_id (complaint, "complainant", mother);
  set_id (complaint, "affected", child);
  set (complaint, "on-behalf", "yes");
  set (complaint, "relationship", "parent-guardian");
  set (complaint, "behalf-reason", "child");
  set (complaint, "summary", "Rude reply, \"not our problem\"");
  set (complaint, "description", AWKWARD_TEXT);
  set (complaint, "incident-date", "2025-05-30");
  set (complaint, "seriousness", "medium");
  set (complaint, "likelihood", "possible");
  set (complaint, "acknowledged-on", "2025-06-04");
  set (complaint, "remedy-financial", "2500");
  set (complaint, "lessons", "=SUM(A1:A9) is not a lesson");
  save (store, complaint);
  practice->reference = g_strdup (heed_case_get_reference (complaint));

  set_id (element1, "case", complaint);
  set (element1, "position", "1");
  set (element1, "description", "The receptionist was rude");
  set (element1, "outcome", "upheld");
  set (element1, "apology", "yes");
  save (store, element1);
  set_id (element2, "case", complaint);
  set (element2, "position", "2");
  set (element2, "description", "The appointment was cancelled without notice");
  set (element2, "outcome", "not-upheld");
  save (store, element2);

  set_id (received, "case", complaint);
  set (received, "kind", "received");
  set (received, "occurred-at", "2025-06-03T10:15:00");
  set (received, "summary", "Letter received");
  save (store, received);
  set_id (call, "case", complaint);
  set (call, "kind", "call");
  set (call, "occurred-at", "2025-06-05T14:00:00");
  set_id (call, "staff", doctor);
  set (call, "summary", "Called Mrs O'Neill");
  set (call, "detail", "Agreed a meeting.");
  save (store, call);

  practice->attachment = pattern_bytes (ATTACHMENT_SIZE, 3);
  g_assert_true (heed_store_add_attachment (store, heed_record_get_id (HEED_RECORD (complaint)),
                                            heed_record_get_id (HEED_RECORD (call)),
                                            "call notes.pdf", "application/pdf",
                                            practice->attachment, &attachment_id, &error));
  g_assert_no_error (error);

  set_id (action, "case", complaint);
  set (action, "description", "Customer service training for reception");
  set_id (action, "owner", doctor);
  set (action, "due-date", "2025-09-30");
  save (store, action);

  set_id (letter, "case", complaint);
  set (letter, "template", "acknowledgement");
  set_id (letter, "recipient", mother);
  set (letter, "title", "Acknowledgement");
  set (letter, "created-at", "2025-06-04T09:00:00");
  set (letter, "sent-at", "2025-06-04T09:30:00");
  set (letter, "sent-by", "post");
  set (letter, "merged-text", "Dear Mrs O'Neill,\nThank you for your letter.");
  practice->pdf = pattern_bytes (5000, 11);
  g_assert_true (heed_store_insert_record (store, HEED_RECORD (letter), practice->pdf, &error));
  g_assert_no_error (error);

  set_id (restriction, "case", complaint);
  set (restriction, "measure", "single-contact");
  set (restriction, "reason", "Several abusive calls");
  set (restriction, "start-date", "2025-06-10");
  save (store, restriction);

  g_assert_true (heed_store_add_case_staff (store, heed_record_get_id (HEED_RECORD (complaint)),
                                            heed_record_get_id (HEED_RECORD (receptionist)),
                                            &error));
  g_assert_no_error (error);

  set (compliment, "channel", "in-person");
  set (compliment, "status", "logged");
  set (compliment, "received-at", "2025-07-01T09:00:00");
  set (compliment, "summary", "Thanks to the nurses");
  save (store, compliment);

  set (practice_action, "description", "Review the complaints leaflet");
  set (practice_action, "due-date", "2026-01-31");
  save (store, practice_action);

  set_id (survey1, "case", complaint);
  set (survey1, "responded-on", "2025-08-01");
  set (survey1, "answers", "q1=4;q2=5");
  save (store, survey1);
  set (survey2, "responded-on", "2025-08-02");
  set (survey2, "comment", "Good service");
  save (store, survey2);

  g_assert_true (heed_store_insert_tombstone (store, &tombstone, &error));
  g_assert_no_error (error);

  /* What the practice wrote for its annual report is part of the practice too. */
  {
    GDate from, to;

    g_date_set_dmy (&from, 1, G_DATE_APRIL, 2025);
    g_date_set_dmy (&to, 31, G_DATE_MARCH, 2026);
    g_assert_true (heed_store_set_report_summary (store, &from, &to,
                                                  "Most complaints were about getting an "
                                                  "appointment; we changed the phone lines.",
                                                  &error));
    g_assert_no_error (error);
  }
}

static void
practice_clear (Practice *practice)
{
  g_clear_object (&practice->store);
  g_clear_pointer (&practice->reference, g_free);
  g_clear_pointer (&practice->pdf, g_bytes_unref);
  g_clear_pointer (&practice->attachment, g_bytes_unref);
  g_clear_pointer (&practice->logo, g_bytes_unref);
}

static GBytes *
export_xml (HeedStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_exchange_export_xml (store, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_csv (HeedStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (heed_exchange_export_csv (store, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return g_strdup (g_bytes_get_data (bytes, NULL));
}

static char *
write_temp (const char *name,
            const char *data,
            gssize      length)
{
  char *path = temp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
  return path;
}

static char *
write_export (HeedStore *store)
{
  g_autoptr(GBytes) xml = export_xml (store);

  return write_temp ("export.xml", g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *path_a = write_temp ("a.xml", g_bytes_get_data (a, NULL),
                                            g_bytes_get_size (a));
      g_autofree char *path_b = write_temp ("b.xml", g_bytes_get_data (b, NULL),
                                            g_bytes_get_size (b));

      g_test_message ("exports differ: %s %s", path_a, path_b);
      g_assert_not_reached ();
    }
}

static void
assert_check_passes (HeedStore *store)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok = heed_store_check (store, report, &error);

  g_assert_no_error (error);
  if (!ok)
    g_test_message ("%s", report->str);
  g_assert_true (ok);
}

/* How many records of each kind, as one string to compare. */
static char *
describe_counts (HeedStore *store)
{
  const GType types[] = {
    HEED_TYPE_CASE, HEED_TYPE_PERSON, HEED_TYPE_STAFF, HEED_TYPE_EVENT, HEED_TYPE_CASE_ELEMENT,
    HEED_TYPE_ACTION, HEED_TYPE_LETTER, HEED_TYPE_TEMPLATE, HEED_TYPE_SURVEY_RESPONSE,
    HEED_TYPE_RESTRICTION,
  };
  GString *counts = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GPtrArray) list = heed_store_list (store, types[i], 0, NULL);

      g_assert_nonnull (list);
      g_string_append_printf (counts, "%s=%u ", g_type_name (types[i]), list->len);
    }
  return g_string_free (counts, FALSE);
}

static void
assert_import_fails (HeedStore   *store,
                     const char  *xml,
                     gssize       length,
                     GQuark       domain,
                     int          code,
                     const char  *const *fragments)
{
  g_autofree char *path = write_temp ("bad.xml", xml, length);
  g_autoptr(GBytes) before = export_xml (store);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *counts_before = describe_counts (store);
  g_autofree char *counts_after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (heed_exchange_import_xml (store, path, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, domain, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (guint i = 0; fragments != NULL && fragments[i] != NULL; i++)
    if (strstr (error->message, fragments[i]) == NULL)
      {
        g_test_message ("“%s” is not in the message", fragments[i]);
        g_assert_not_reached ();
      }

  /* Nothing changed. */
  after = export_xml (store);
  assert_same_bytes (before, after);
  counts_after = describe_counts (store);
  g_assert_cmpstr (counts_before, ==, counts_after);
  assert_check_passes (store);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *replacement)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replacement, at + strlen (old));
}

static gboolean
message_has_line (const char *message)
{
  return g_regex_match_simple ("^Line [0-9]+", message, 0, 0);
}

/* Tests */

static void
test_round_trip (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) b = NULL;
  g_autoptr(GBytes) xml_a = NULL;
  g_autoptr(GBytes) xml_a_again = NULL;
  g_autoptr(GBytes) xml_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HeedCase) kase_a = NULL;
  g_autoptr(HeedCase) kase_b = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(HeedCase) fresh = heed_case_new ("complaint");
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *counts_a = NULL;
  g_autofree char *counts_b = NULL;

  practice_init (&a);
  assert_check_passes (a.store);
  xml_a = export_xml (a.store);
  xml_a_again = export_xml (a.store);
  assert_same_bytes (xml_a, xml_a_again);

  /* The format is what the schema says, with the pieces the brief names. */
  {
    const char *text = g_bytes_get_data (xml_a, NULL);
    g_autofree char *copy = g_strndup (text, g_bytes_get_size (xml_a));

      g_assert_true (g_str_has_prefix (copy, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<heed-practice xmlns=\"" NS "\" version=\"1\">"));
    g_assert_nonnull (strstr (copy, "<received-at>2025-06-03T10:15:00</received-at>"));
    g_assert_nonnull (strstr (copy, "<setting key=\"name\">Riverside Surgery</setting>"));
    g_assert_nonnull (strstr (copy, "<setting-blob key=\"logo\" mime=\"image/png\">"));
    g_assert_nonnull (strstr (copy, "<description encoding=\"base64\">"));
    g_assert_nonnull (strstr (copy, "<attachment id=\"1\" event=\"2\">"));
    g_assert_nonnull (strstr (copy, "<involved staff=\"2\"/>"));
    g_assert_nonnull (strstr (copy, "<tombstone reference=\"C-2019-004\" kind=\"complaint\">"));
    g_assert_nonnull (strstr (copy, "<report-summary from=\"2025-04-01\" to=\"2026-03-31\">"));
    g_assert_nonnull (strstr (copy, "<general-importance>Most complaints were about"));
    /* No audit trail. */
    g_assert_null (strstr (copy, "Test Manager</"));
    g_assert_null (strstr (copy, "audit"));
  }

  path = write_temp ("a.xml", g_bytes_get_data (xml_a, NULL), g_bytes_get_size (xml_a));
  b = new_store ("Empty Practice");
  heed_exchange_import_xml (b, path, &error);
  g_assert_no_error (error);
  assert_check_passes (b);

  xml_b = export_xml (b);
  assert_same_bytes (xml_a, xml_b);
  {
    GDate from, to;
    g_autofree char *summary = NULL;

    g_date_set_dmy (&from, 1, G_DATE_APRIL, 2025);
    g_date_set_dmy (&to, 31, G_DATE_MARCH, 2026);
    summary = heed_store_dup_report_summary (b, &from, &to);
    g_assert_cmpstr (summary, ==, "Most complaints were about getting an appointment; we "
                                  "changed the phone lines.");
  }
  counts_a = describe_counts (a.store);
  counts_b = describe_counts (b);
  g_assert_cmpstr (counts_a, ==, counts_b);

  /* The set-up came across in place of the new file's own. */
  name = heed_store_dup_setting (b, "name");
  g_assert_cmpstr (name, ==, "Riverside Surgery");
  logo = heed_store_dup_setting_blob (b, "logo", &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (logo, a.logo));
  g_assert_cmpstr (mime, ==, "image/png");

  /* Exactly as it was, reference and times included. */
  kase_a = heed_store_find_case (a.store, a.reference, &error);
  g_assert_no_error (error);
  kase_b = heed_store_find_case (b, a.reference, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < HEED_CASE_N_FIELDS; i++)
    {
      g_autofree char *value_a = heed_record_dup_string (HEED_RECORD (kase_a), i);
      g_autofree char *value_b = heed_record_dup_string (HEED_RECORD (kase_b), i);

      /* Reference fields point at the same records, which may have other row ids. */
      if (heed_record_get_fields (HEED_RECORD (kase_a), NULL)[i].type != HEED_VALUE_ID)
        g_assert_cmpstr (value_a, ==, value_b);
    }
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase_b), HEED_CASE_DESCRIPTION), ==,
                   AWKWARD_TEXT);

  letters = heed_store_list (b, HEED_TYPE_LETTER, heed_record_get_id (HEED_RECORD (kase_b)),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 1);
  g_assert_cmpstr (heed_record_get_text (g_ptr_array_index (letters, 0), HEED_LETTER_SENT_AT),
                   ==, "2025-06-04T09:30:00");
  pdf = heed_store_dup_letter_pdf (b, heed_record_get_id (g_ptr_array_index (letters, 0)),
                                   &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pdf, a.pdf));

  attachments = heed_store_list_attachments (b, heed_record_get_id (HEED_RECORD (kase_b)),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  data = heed_store_dup_attachment (b, ((HeedAttachmentInfo *) g_ptr_array_index (attachments,
                                                                                 0))->id,
                                    &filename, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (data, a.attachment));
  g_assert_cmpstr (filename, ==, "call notes.pdf");

  /* References are never given twice: the next complaint of 2025 follows the imported one. */
  set (fresh, "channel", "phone");
  set (fresh, "received-at", "2025-06-20T11:00:00");
  set (fresh, "summary", "Another one");
  save (b, fresh);
  g_assert_cmpstr (heed_case_get_reference (fresh), !=, a.reference);
  g_assert_cmpstr (heed_case_get_reference (fresh), ==, "C-2025-002");
  assert_check_passes (b);

  practice_clear (&a);
}

/* A minimal RFC 4180 reader: the rows of @text, each a GStrv of cells. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          g_assert_true (*p == '"');
          p++;
          continue;
        }
      if (*p == ',' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          if (*p == '\r')
            {
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
              p++;
            }
          p++;
          continue;
        }
      g_assert_true (*p != '\n' && *p != '\r');
      g_string_append_c (cell, *p++);
    }
  g_assert_cmpuint (cell->len, ==, 0);
  g_string_free (cell, TRUE);
  return rows;
}

static const char *
cell (GStrv       header,
      GStrv       row,
      const char *column)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], column) == 0)
      {
        g_assert_cmpuint (i, <, g_strv_length (row));
        return row[i];
      }
  g_test_message ("no column %s", column);
  g_assert_not_reached ();
}

static void
test_csv (void)
{
  Practice a = { 0 };
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GStrv header, row = NULL;

  practice_init (&a);
  csv = export_csv (a.store);
  g_assert_true (g_str_has_prefix (csv, "reference,kind,channel,status,received,"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));

  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);   /* header and two cases */
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, HEED_CASE_N_FIELDS + 2);
  g_assert_cmpstr (header[g_strv_length (header) - 2], ==, "complainant_name");
  g_assert_cmpstr (header[g_strv_length (header) - 1], ==, "affected_name");
  g_assert_true (g_strv_contains ((const char *const *) header, "summary"));
  g_assert_false (g_strv_contains ((const char *const *) header, "received-at"));

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv candidate = g_ptr_array_index (rows, i);

      g_assert_cmpuint (g_strv_length (candidate), ==, g_strv_length (header));
      if (g_strcmp0 (candidate[0], a.reference) == 0)
        row = candidate;
    }
  g_assert_nonnull (row);
  g_assert_cmpstr (cell (header, row, "kind"), ==, "complaint");
  g_assert_cmpstr (cell (header, row, "channel"), ==, "letter");
  g_assert_cmpstr (cell (header, row, "status"), ==, "acknowledged");
  g_assert_cmpstr (cell (header, row, "received"), ==, "2025-06-03T10:15:00");
  g_assert_cmpstr (cell (header, row, "summary"), ==, "Rude reply, \"not our problem\"");
  g_assert_cmpstr (cell (header, row, "description"), ==, AWKWARD_TEXT);
  g_assert_cmpstr (cell (header, row, "on-behalf"), ==, "yes");
  g_assert_cmpstr (cell (header, row, "remedy-financial"), ==, "2500");
  g_assert_cmpstr (cell (header, row, "closed-on"), ==, "");
  g_assert_cmpstr (cell (header, row, "anonymous"), ==, "no");
  /* A formula is shown as text, not run by the spreadsheet. */
  g_assert_cmpstr (cell (header, row, "lessons"), ==, "'=SUM(A1:A9) is not a lesson");
  g_assert_cmpstr (cell (header, row, "complainant_name"), ==, "Mrs Jane O'Neill, Senior");
  g_assert_cmpstr (cell (header, row, "affected_name"), ==, "Tom O'Neill");

  practice_clear (&a);
}

static void
test_conflict (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  gsize length;
  g_autofree char *fragment = NULL;
  const char *fragments[3] = { "Line ", NULL, NULL };

  practice_init (&a);
  path = write_export (a.store);
  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));
  fragment = g_strdup_printf ("the case %s is already in this practice file", a.reference);
  fragments[1] = fragment;

  /* Into the practice it came from. */
  assert_import_fails (a.store, xml, length, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_CONFLICT,
                       fragments);

  /* Into a second practice, twice. */
  b = new_store ("Empty Practice");
  g_assert_true (heed_exchange_import_xml (b, path, &error));
  g_assert_no_error (error);
  assert_import_fails (b, xml, length, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_CONFLICT,
                       fragments);

  /* A destroyed case's reference is taken too. */
  {
    g_autofree char *only_destroyed = NULL;
    g_autofree char *tail = NULL;
    const char *start = strstr (xml, "<destroyed>");
    const char *const destroyed_fragments[] = { "C-2019-004", NULL };

    g_assert_nonnull (start);
    only_destroyed = g_strdup_printf ("<heed-practice xmlns=\"" NS "\" version=\"1\">%s", start);
    assert_import_fails (b, only_destroyed, -1, HEED_EXCHANGE_ERROR,
                         HEED_EXCHANGE_ERROR_CONFLICT, destroyed_fragments);
  }

  /* A destroyed case's reference given twice in one file, into a practice new to it. */
  {
    g_autoptr(HeedStore) c = new_store ("Third Practice");
    g_autofree char *twice = NULL;
    g_autofree char *tombstone = NULL;
    const char *start = strstr (xml, "<tombstone ");
    const char *end = start != NULL ? strstr (start, "</tombstone>") : NULL;
    const char *const twice_fragments[] = { "the reference C-2019-004 is in the file twice",
                                            NULL };

    g_assert_nonnull (end);
    tombstone = g_strndup (start, end + strlen ("</tombstone>") - start);
    twice = g_strdup_printf ("<heed-practice xmlns=\"" NS "\" version=\"1\"><destroyed>%s%s"
                             "</destroyed></heed-practice>",
                             tombstone, tombstone);
    assert_import_fails (c, twice, -1, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                         twice_fragments);
  }

  practice_clear (&a);
}

/* A practice in use keeps its own set-up and gains the records. */
static void
test_merge (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) d = new_store ("Other Surgery");
  g_autoptr(HeedStaff) own_staff = heed_staff_new ();
  g_autoptr(HeedCase) own_case = heed_case_new ("concern");
  g_autoptr(HeedCase) imported = NULL;
  g_autoptr(HeedStaff) handler = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  set (own_staff, "name", "Nurse Own");
  save (d, own_staff);
  set (own_case, "channel", "phone");
  set (own_case, "received-at", "2024-03-01T10:00:00");
  set (own_case, "summary", "Waiting times");
  save (d, own_case);

  practice_init (&a);
  path = write_export (a.store);
  g_assert_true (heed_exchange_import_xml (d, path, &error));
  g_assert_no_error (error);

  name = heed_store_dup_setting (d, "name");
  g_assert_cmpstr (name, ==, "Other Surgery");
  g_assert_cmpint (heed_store_count_cases (d, NULL, NULL), ==, 3);
  staff = heed_store_list (d, HEED_TYPE_STAFF, 0, &error);
  g_assert_cmpuint (staff->len, ==, 3);

  /* Ids were remapped: the handler is still the doctor. */
  imported = heed_store_find_case (d, a.reference, &error);
  g_assert_no_error (error);
  handler = heed_store_load (d, HEED_TYPE_STAFF,
                             heed_record_get_int (HEED_RECORD (imported), HEED_CASE_HANDLER),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (handler), HEED_STAFF_NAME), ==,
                   "Dr Ada Example");
  assert_check_passes (d);

  practice_clear (&a);
}

static void
test_malformed (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autofree char *truncated_path = NULL;
  g_autofree char *name = NULL;

  practice_init (&a);
  path = write_export (a.store);
  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));

  /* Cut short. */
  truncated_path = write_temp ("truncated.xml", xml, (gssize) length / 2);
  g_assert_false (heed_exchange_import_xml (c, truncated_path, &error));
  g_assert_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (message_has_line (error->message));
  g_assert_nonnull (strstr (error->message, "not well-formed XML"));
  g_clear_error (&error);

  {
    const char *const fragments[] = { "Line 3", "kase", NULL };

    assert_import_fails (c, "<?xml version=\"1.0\"?>\n<heed-practice xmlns=\"" NS "\" "
                            "version=\"1\">\n<cases><kase></cases></heed-practice>", -1,
                         HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID, fragments);
  }
  {
    const char *const fragments[] = { "Line 1", NULL };

    assert_import_fails (c, "", 0, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID, fragments);
  }
  {
    const char *const fragments[] = { "Line 1", NULL };

    assert_import_fails (c, "\x89PNG\r\n\x1a\n\x00\x00", 10, HEED_EXCHANGE_ERROR,
                         HEED_EXCHANGE_ERROR_INVALID, fragments);
  }

  name = heed_store_dup_setting (c, "name");
  g_assert_cmpstr (name, ==, "Empty Practice");
  practice_clear (&a);
}

static void
test_wrong_root (void)
{
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  const struct {
    const char *xml;
    const char *fragment;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<practice xmlns=\"" NS "\" version=\"1\"/>", "<practice>" },
    { "<html><body>Hello</body></html>", "<heed-practice> was expected" },
    { "<heed-practice version=\"1\"/>", "namespace" },
    { "<heed-practice xmlns=\"https://example.com/other\" version=\"1\"/>", "namespace" },
    { "<heed-practice xmlns=\"" NS "\"/>", "which version" },
    { "<heed-practice xmlns=\"" NS "\" version=\"2\"/>", "version “2”" },
    { "<heed-practice xmlns=\"" NS "\" version=\"1\"><staff/><settings/></heed-practice>",
      "does not follow the Heed exchange format" },
    { "<heed-practice xmlns=\"" NS "\" version=\"1\"><gossip/></heed-practice>",
      "does not follow the Heed exchange format" },
    { "<heed-practice xmlns=\"" NS "\" version=\"1\"><staff><staff-member><name>X</name>"
      "</staff-member></staff></heed-practice>", "does not follow the Heed exchange format" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const fragments[] = { "Line ", cases[i].fragment, NULL };

      assert_import_fails (c, cases[i].xml, -1, HEED_EXCHANGE_ERROR,
                           HEED_EXCHANGE_ERROR_INVALID, fragments);
    }
}

static void
test_bad_values (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const struct {
    const char *old;
    const char *replacement;
    const char *fragments[3];
  } cases[] = {
    { "<kind>complaint</kind>", "<kind>complaynt</kind>", { "“kind”", "complaynt" } },
    { "<received-at>2025-06-03T10:15:00</received-at>", "<received-at>yesterday</received-at>",
      { "“received-at”", "yesterday" } },
    { "<channel>letter</channel>", "<channel>letter</channel><colour>blue</colour>",
      { "“colour”", "<case>" } },
    { "<handler>1</handler>", "<handler>99</handler>", { "“handler”", "<staff-member>" } },
    { "<on-behalf>yes</on-behalf>", "<on-behalf>perhaps</on-behalf>", { "“on-behalf”" } },
    { "<remedy-financial>2500</remedy-financial>",
      "<remedy-financial>-5</remedy-financial>", { "“remedy-financial”" } },
    { "<summary>", "<summary>x</summary><summary>", { "“summary”", "twice" } },
    { "<received-at>2025-06-03T10:15:00</received-at>",
      "<received-at>2099-06-03T10:15:00</received-at>", { "future" } },
    { "<first-name>Jane</first-name>", "<first-name>Jane</first-name><case>1</case>",
      { "“case”" } },
    { "<description encoding=\"base64\">", "<description encoding=\"rot13\">",
      { "encoding", "exchange format" } },
    { "<setting key=\"nation\">england</setting>", "<setting key=\"nation\">mars</setting>",
      { "nation" } },
    { "<risk seriousness=\"low\" likelihood=\"rare\">low</risk>",
      "<risk seriousness=\"low\" likelihood=\"rare\">dire</risk>", { "exchange format" } },
    { "<event id=\"1\">", "<event id=\"one\">", { "exchange format" } },
    { "<attachment id=\"1\" event=\"2\">", "<attachment id=\"1\" event=\"7\">",
      { "event 7" } },
    { "<added-at>", "<added-at>soon", { "“added-at”" } },
    { "<reference>C-2025-001</reference>", "<reference>c 2025/1</reference>",
      { "c 2025/1" } },
    { "<reference>CP-2025-001</reference>", "<reference>C-2025-001</reference>",
      { "C-2025-001", "twice" } },
  };

  practice_init (&a);
  path = write_export (a.store);
  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace_once (xml, cases[i].old, cases[i].replacement);
      const char *fragments[4] = { "Line ", cases[i].fragments[0], cases[i].fragments[1], NULL };

      g_test_message ("%s -> %s", cases[i].old, cases[i].replacement);
      assert_import_fails (c, bad, -1, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                           fragments);
    }

  /* The practice was rolled back each time (its set-up had been replaced before the bad value
   * was reached), and a good import still goes in afterwards. */
  name = heed_store_dup_setting (c, "name");
  g_assert_cmpstr (name, ==, "Empty Practice");
  g_assert_true (heed_exchange_import_xml (c, path, &error));
  g_assert_no_error (error);
  assert_check_passes (c);
  practice_clear (&a);
}

static void
test_billion_laughs (void)
{
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  const char *const fragments[] = { "Line 2", "DOCTYPE", NULL };
  g_autofree char *name = NULL;
  const char *xml =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE heed-practice [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<heed-practice xmlns=\"" NS "\" version=\"1\"><settings>"
    "<setting key=\"name\">&lol9;</setting></settings></heed-practice>\n";

  assert_import_fails (c, xml, -1, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID, fragments);
  /* Refused before anything was read: the practice keeps its own name. */
  name = heed_store_dup_setting (c, "name");
  g_assert_cmpstr (name, ==, "Empty Practice");
}

static void
test_external_entity (void)
{
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  const char *const fragments[] = { "Line ", "DOCTYPE", NULL };
  const char *const documents[] = {
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE heed-practice [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<heed-practice xmlns=\"" NS "\" version=\"1\"><settings>"
    "<setting key=\"name\">&x;</setting></settings></heed-practice>\n",
    /* An external DTD, which could declare the same. */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE heed-practice SYSTEM \"file:///etc/passwd\">\n"
    "<heed-practice xmlns=\"" NS "\" version=\"1\"/>\n",
    /* A parameter entity reaching out. */
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE heed-practice [ <!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p; ]>\n"
    "<heed-practice xmlns=\"" NS "\" version=\"1\"/>\n",
  };
  g_autofree char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    assert_import_fails (c, documents[i], -1, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                         fragments);

  /* An undeclared entity is not looked up anywhere either. */
  {
    const char *const undeclared[] = { "Line 2", "not well-formed", NULL };

    assert_import_fails (c, "<?xml version=\"1.0\"?>\n<heed-practice xmlns=\"" NS "\" "
                            "version=\"1\"><settings><setting key=\"name\">&x;</setting>"
                            "</settings></heed-practice>\n", -1,
                         HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID, undeclared);
  }

  name = heed_store_dup_setting (c, "name");
  g_assert_cmpstr (name, ==, "Empty Practice");
}

static void
test_too_large (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *const fragments[] = { "larger than", NULL };

  practice_init (&a);
  path = write_export (a.store);
  g_assert_true (g_file_get_contents (path, &xml, &length, NULL));

  heed_exchange_set_size_limit_for_testing (length - 1);
  assert_import_fails (c, xml, (gssize) length, HEED_EXCHANGE_ERROR,
                       HEED_EXCHANGE_ERROR_TOO_LARGE, fragments);
  heed_exchange_set_size_limit_for_testing (length);
  g_assert_true (heed_exchange_import_xml (c, path, &error));
  g_assert_no_error (error);
  heed_exchange_set_size_limit_for_testing (0);
  practice_clear (&a);
}

static void
test_not_a_file (void)
{
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = temp_path ("missing.xml");

  g_assert_false (heed_exchange_import_xml (c, tmp_dir, &error));
  g_assert_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (heed_exchange_import_xml (c, missing, &error));
  g_assert_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO);
}

static void
test_read_only (void)
{
  Practice a = { 0 };
  g_autoptr(HeedStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HeedLocation) location = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  practice_init (&a);
  path = write_export (a.store);
  location = heed_location_ref (heed_store_get_location (a.store));
  before = export_xml (a.store);
  heed_store_close (a.store);

  reader = heed_store_open_location (location, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  /* Export works on a practice open read-only. */
  after = export_xml (reader);
  assert_same_bytes (before, after);
  g_assert_false (heed_exchange_import_xml (reader, path, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
  practice_clear (&a);
}

/* Line numbers past 65,535 (where libxml2 stops counting unless asked) are still right. */
static void
test_big_line_numbers (void)
{
  g_autoptr(HeedStore) c = new_store ("Empty Practice");
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<heed-practice xmlns=\"" NS "\" version=\"1\">\n"
                                         "<staff>\n");
  const char *fragments[] = { "Line 70006", "“active”", NULL };

  for (guint i = 1; i <= 70000; i++)
    g_string_append_printf (xml, "<staff-member id=\"%u\"><name>Staff %u</name></staff-member>\n",
                            i, i);
  g_string_append (xml, "<staff-member id=\"70001\">\n<name>Last</name>\n<active>maybe</active>\n"
                        "</staff-member>\n</staff>\n</heed-practice>\n");
  assert_import_fails (c, xml->str, (gssize) xml->len, HEED_EXCHANGE_ERROR,
                       HEED_EXCHANGE_ERROR_INVALID, fragments);
}

/* Binary data larger than libxml2's limit for one text node goes across in chunks. */
static void
test_large_attachment (void)
{
  g_autoptr(HeedStore) a = new_store ("Riverside Surgery");
  g_autoptr(HeedStore) b = new_store ("Empty Practice");
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GBytes) big = pattern_bytes (11 * 1024 * 1024 + 5, 1);
  g_autoptr(GBytes) xml_a = NULL;
  g_autoptr(GBytes) xml_b = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HeedCase) copy = NULL;

  set (kase, "channel", "email");
  set (kase, "received-at", "2025-01-10T08:00:00");
  set (kase, "summary", "Scanned records");
  save (a, kase);
  g_assert_true (heed_store_add_attachment (a, heed_record_get_id (HEED_RECORD (kase)), 0,
                                            "scan.tiff", "image/tiff", big, NULL, &error));
  g_assert_no_error (error);

  xml_a = export_xml (a);
  path = write_temp ("big.xml", g_bytes_get_data (xml_a, NULL), g_bytes_get_size (xml_a));
  g_assert_true (heed_exchange_import_xml (b, path, &error));
  g_assert_no_error (error);
  xml_b = export_xml (b);
  assert_same_bytes (xml_a, xml_b);

  copy = heed_store_find_case (b, heed_case_get_reference (kase), &error);
  g_assert_no_error (error);
  attachments = heed_store_list_attachments (b, heed_record_get_id (HEED_RECORD (copy)), &error);
  g_assert_cmpuint (attachments->len, ==, 1);
  data = heed_store_dup_attachment (b, ((HeedAttachmentInfo *) g_ptr_array_index (attachments,
                                                                                 0))->id,
                                    NULL, NULL, &error);
  g_assert_true (g_bytes_equal (data, big));
}

/* What the format relies on in the record classes. */
static void
test_field_names (void)
{
  const GType types[] = {
    HEED_TYPE_CASE, HEED_TYPE_PERSON, HEED_TYPE_STAFF, HEED_TYPE_EVENT, HEED_TYPE_CASE_ELEMENT,
    HEED_TYPE_ACTION, HEED_TYPE_LETTER, HEED_TYPE_TEMPLATE, HEED_TYPE_SURVEY_RESPONSE,
    HEED_TYPE_RESTRICTION,
  };
  const char *const case_containers[] = {
    "elements", "events", "actions", "letters", "restrictions", "attachments", "staff-involved",
    NULL
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[t]);
      HeedRecordClass *record_class = HEED_RECORD_CLASS (klass);

      for (guint i = 0; i < record_class->n_fields; i++)
        {
          const char *name = record_class->fields[i].name;

          /* Field names are element names. */
          g_assert_true (g_regex_match_simple ("^[a-z][a-z0-9-]*$", name, 0, 0));
          g_assert_false (types[t] == HEED_TYPE_CASE
                          && g_strv_contains (case_containers, name));
          g_assert_false (types[t] == HEED_TYPE_LETTER && strcmp (name, "pdf") == 0);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/exchange/on-a-server"))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("heed-exchange-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/core/exchange/round-trip", test_round_trip);
  g_test_add_func ("/core/exchange/csv", test_csv);
  g_test_add_func ("/core/exchange/conflict", test_conflict);
  g_test_add_func ("/core/exchange/merge", test_merge);
  g_test_add_func ("/core/exchange/malformed", test_malformed);
  g_test_add_func ("/core/exchange/wrong-root", test_wrong_root);
  g_test_add_func ("/core/exchange/bad-values", test_bad_values);
  g_test_add_func ("/core/exchange/billion-laughs", test_billion_laughs);
  g_test_add_func ("/core/exchange/external-entity", test_external_entity);
  g_test_add_func ("/core/exchange/too-large", test_too_large);
  g_test_add_func ("/core/exchange/not-a-file", test_not_a_file);
  g_test_add_func ("/core/exchange/read-only", test_read_only);
  g_test_add_func ("/core/exchange/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/core/exchange/large-attachment", test_large_attachment);
  g_test_add_func ("/core/exchange/field-names", test_field_names);

  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
