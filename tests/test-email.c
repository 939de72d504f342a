/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-email.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-store-exchange.h"
#include "heed-test-util.h"

/* Emails as mail programs write them (tests/data/email) become cases and entries, the message
 * kept unaltered with its attachments; hostile mail is refused. */

static char *
sample (const char *name)
{
  return g_build_filename (HEED_TEST_EMAIL_DIR, name, NULL);
}

static HeedEmail *
read_sample (const char *name)
{
  g_autofree char *path = sample (name);
  g_autoptr(GError) error = NULL;
  HeedEmail *email = heed_email_read (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (email);
  return email;
}

static void
test_thunderbird (void)
{
  g_autoptr(HeedEmail) email = read_sample ("thunderbird-attachment.eml");
  HeedIntakeDocument *pdf;

  /* An encoded name, a Date in +0100 read as the practice's time (TZ=UTC), flowed text. */
  g_assert_cmpstr (email->sender_name, ==, "Siân Llewellyn");
  g_assert_cmpstr (email->sender_address, ==, "sian.llewellyn@example.org");
  g_assert_cmpstr (email->received, ==, "2025-10-14T08:12");
  g_assert_cmpstr (email->subject, ==, "Complaint about my repeat prescription");
  g_assert_nonnull (strstr (email->body, "I asked for it on 1 October through the NHS App and "
                                         "it was still not ready"));
  g_assert_true (g_str_has_suffix (email->body, "Siân Llewellyn"));
  g_assert_cmpuint (email->attachments->len, ==, 1);
  pdf = g_ptr_array_index (email->attachments, 0);
  g_assert_cmpstr (pdf->filename, ==, "pharmacy-note.pdf");
  g_assert_cmpstr (pdf->mime, ==, "application/pdf");
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf->data, NULL), "%PDF-1.4"));
  g_assert_cmpuint (strlen (email->digest), ==, 64);
}

static void
test_outlook (void)
{
  g_autoptr(HeedEmail) email = read_sample ("outlook-windows-1252.eml");
  HeedIntakeDocument *logo;

  /* Windows-1252 in the subject (encoded words) and in the quoted-printable text. */
  g_assert_cmpstr (email->subject, ==, "Complaint – I waited 50 minutes and wasn’t seen");
  g_assert_cmpstr (email->sender_name, ==, "Dubois, Renee");
  g_assert_cmpstr (email->received, ==, "2025-10-20T15:39");
  /* The plain alternative is preferred to the HTML, and soft line breaks are gone. */
  g_assert_nonnull (strstr (email->body, "I waited 50 minutes past my appointment time and "
                                         "nobody explained the delay."));
  g_assert_nonnull (strstr (email->body, "half a day’s pay (£45)"));
  g_assert_true (g_str_has_suffix (email->body, "Renée Dubois"));
  g_assert_null (strstr (email->body, "MsoNormal"));
  g_assert_cmpuint (email->attachments->len, ==, 1);
  logo = g_ptr_array_index (email->attachments, 0);
  g_assert_cmpstr (logo->filename, ==, "image001.png");
  g_assert_cmpstr (logo->mime, ==, "image/png");
}

static void
test_gmail (void)
{
  g_autoptr(HeedEmail) email = read_sample ("gmail-web.eml");

  /* A base64 encoded subject with a dash, quoted-printable UTF-8 quotes. */
  g_assert_cmpstr (email->subject, ==, "Online booking – no appointments ever shown");
  g_assert_cmpstr (email->sender_name, ==, "Kwame Mensah");
  g_assert_nonnull (strstr (email->body, "only “call the practice”. I tried every day"));
  g_assert_null (strstr (email->body, "<div"));
  g_assert_cmpuint (email->attachments->len, ==, 0);
}

static void
test_apple_html_only (void)
{
  g_autoptr(HeedEmail) email = read_sample ("apple-mail-html-only.eml");

  /* HTML only, base64: readable text, lists as bullets, no script, an address without name. */
  g_assert_null (email->sender_name);
  g_assert_cmpstr (email->sender_address, ==, "olwen.bowen@example.com");
  g_assert_true (g_str_has_prefix (email->body, "To whom it may concern,\n\nMy mother, who is "
                                                "housebound, was refused a home visit on 16 "
                                                "September."));
  g_assert_nonnull (strstr (email->body, "• She is 91\n• She cannot manage stairs"));
  g_assert_null (strstr (email->body, "alert"));
  g_assert_null (strstr (email->body, "<"));
  g_assert_null (strstr (email->body, "&nbsp;"));
}

static HeedStore *
new_store (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  HeedStore *store;

  *dir = heed_test_make_dir ();
  path = g_build_filename (*dir, "p.heed", NULL);
  store = heed_store_create (path, "Email Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  return store;
}

static void
assert_checks (HeedStore *store)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_store_check (store, report, &error));
  g_assert_no_error (error);
}

static void
test_case_from_email (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(HeedStore) store = new_store (&dir);
  g_autoptr(HeedEmail) email = read_sample ("thunderbird-attachment.eml");
  g_autoptr(HeedIntake) intake = heed_intake_new ();
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) person = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *path = sample ("thunderbird-attachment.eml");
  gsize original_length;
  gboolean found_message = FALSE, found_pdf = FALSE;

  heed_email_fill_intake (email, intake);
  kase = heed_intake_save (intake, store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_case_get_kind (kase), ==, "complaint");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_CHANNEL), ==, "email");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (kase), HEED_CASE_RECEIVED_AT), ==,
                   "2025-10-14T08:12:00");
  g_assert_cmpstr (heed_case_get_summary (kase), ==, "Complaint about my repeat prescription");
  person = heed_store_load (store, HEED_TYPE_PERSON,
                            heed_record_get_int (HEED_RECORD (kase), HEED_CASE_COMPLAINANT),
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (person), HEED_PERSON_FIRST_NAME), ==,
                   "Siân");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (person), HEED_PERSON_LAST_NAME), ==,
                   "Llewellyn");

  /* The message is kept byte for byte, and its attachment beside it. */
  g_assert_true (g_file_get_contents (path, &original, &original_length, NULL));
  documents = heed_store_list_attachments (store, heed_record_get_id (HEED_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  for (guint i = 0; i < documents->len; i++)
    {
      HeedAttachmentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr(GBytes) bytes = heed_store_dup_attachment (store, info->id, NULL, NULL, &error);

      g_assert_no_error (error);
      if (g_strcmp0 (info->filename, "thunderbird-attachment.eml") == 0)
        {
          gsize n;
          const char *data = g_bytes_get_data (bytes, &n);

          g_assert_cmpstr (info->mime, ==, "message/rfc822");
          g_assert_cmpuint (n, ==, original_length);
          g_assert_true (memcmp (data, original, n) == 0);
          found_message = TRUE;
        }
      else if (g_strcmp0 (info->filename, "pharmacy-note.pdf") == 0)
        found_pdf = TRUE;
    }
  g_assert_true (found_message && found_pdf);
  assert_checks (store);
  heed_test_remove_dir (dir);
}

static void
test_entry_from_email (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(HeedStore) store = new_store (&dir);
  g_autoptr(HeedEmail) email = read_sample ("gmail-web.eml");
  g_autoptr(HeedEmail) outlook = read_sample ("outlook-windows-1252.eml");
  g_autoptr(HeedIntake) intake = heed_intake_new ();
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id;
  HeedEvent *entry = NULL;

  intake->kind = g_strdup ("complaint");
  intake->channel = g_strdup ("phone");
  intake->summary = g_strdup ("Online booking never works");
  intake->last_name = g_strdup ("Mensah");
  kase = heed_intake_save (intake, store, &error);
  g_assert_no_error (error);

  event_id = heed_email_add_to_case (email, store, heed_record_get_id (HEED_RECORD (kase)),
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (event_id, >, 0);
  g_assert_cmpint (heed_email_add_to_case (outlook, store,
                                           heed_record_get_id (HEED_RECORD (kase)), &error), >, 0);
  g_assert_no_error (error);
  events = heed_store_list (store, HEED_TYPE_EVENT, heed_record_get_id (HEED_RECORD (kase)),
                            &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (heed_record_get_id (g_ptr_array_index (events, i)) == event_id)
      entry = g_ptr_array_index (events, i);
  g_assert_nonnull (entry);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (entry), HEED_EVENT_KIND), ==, "email-in");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (entry), HEED_EVENT_OCCURRED_AT), ==,
                   "2025-10-22T06:58:00");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (entry), HEED_EVENT_SUMMARY), ==,
                   "Online booking – no appointments ever shown");
  g_assert_nonnull (strstr (heed_record_get_text (HEED_RECORD (entry), HEED_EVENT_DETAIL),
                            "Could you tell me whether online booking works at all?"));
  documents = heed_store_list_attachments (store, heed_record_get_id (HEED_RECORD (kase)), &error);
  g_assert_no_error (error);
  /* Gmail's message, Outlook's message and its logo. */
  g_assert_cmpuint (documents->len, ==, 3);
  g_assert_cmpint (((HeedAttachmentInfo *) g_ptr_array_index (documents, 0))->event_id, ==,
                   event_id);
  assert_checks (store);
  heed_test_remove_dir (dir);
}

static void
refused (const char *what,
         GBytes     *message,
         int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedEmail) email = heed_email_parse (message, "hostile.eml", &error);

  g_test_message ("%s: %s", what, error != NULL ? error->message : "(accepted)");
  g_assert_null (email);
  g_assert_error (error, HEED_EMAIL_ERROR, code);
}

static void
test_hostile (void)
{
  g_autoptr(GString) nested = g_string_new ("From: a@example.com\r\nSubject: deep\r\n"
                                            "MIME-Version: 1.0\r\n");
  g_autoptr(GString) wide = g_string_new ("From: a@example.com\r\nSubject: wide\r\n"
                                          "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
  g_autoptr(GBytes) huge = NULL;
  char *big;

  /* Deeper than any mail program nests. */
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (nested, "Content-Type: multipart/mixed; boundary=\"b%u\"\r\n\r\n"
                                    "--b%u\r\n", i, i);
  g_string_append (nested, "Content-Type: text/plain\r\n\r\nhello\r\n");
  refused ("nested 20 deep",
           g_bytes_new_take (g_strdup (nested->str), nested->len), HEED_EMAIL_ERROR_BAD);
  g_string_truncate (nested, 0);
  g_string_append (nested, "From: a@example.com\r\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (nested, "Content-Type: multipart/mixed; boundary=\"b%u\"\r\n\r\n"
                                    "--b%u\r\n", i, i);
  refused ("nested 5000 deep",
           g_bytes_new_take (g_strdup (nested->str), nested->len), HEED_EMAIL_ERROR_BAD);

  /* Too many parts side by side. */
  for (guint i = 0; i < 500; i++)
    g_string_append (wide, "--b\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n");
  g_string_append (wide, "--b--\r\n");
  refused ("500 parts", g_bytes_new_take (g_strdup (wide->str), wide->len),
           HEED_EMAIL_ERROR_TOO_LARGE);

  /* Larger than mail servers carry. */
  big = g_malloc (HEED_EMAIL_MAX_SIZE + 100);
  memset (big, 'a', HEED_EMAIL_MAX_SIZE + 100);
  memcpy (big, "From: a@example.com\r\n\r\n", 23);
  huge = g_bytes_new_take (big, HEED_EMAIL_MAX_SIZE + 100);
  refused ("26 MB", g_bytes_ref (huge), HEED_EMAIL_ERROR_TOO_LARGE);

  /* Text that is not text: base64 that decodes to binary. */
  {
    const char *binary = "From: a@example.com\r\nSubject: bad\r\nContent-Type: text/plain\r\n"
                         "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQ==\r\n";

    refused ("binary text", g_bytes_new_static (binary, strlen (binary)), HEED_EMAIL_ERROR_BAD);
  }
  /* Not an email at all. */
  refused ("a picture", g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
           HEED_EMAIL_ERROR_NOT_EMAIL);
  refused ("nothing", g_bytes_new_static ("", 0), HEED_EMAIL_ERROR_NOT_EMAIL);
  {
    const char *no_sender = "Subject: who?\r\n\r\nhello\r\n";

    refused ("no sender", g_bytes_new_static (no_sender, strlen (no_sender)),
             HEED_EMAIL_ERROR_NOT_EMAIL);
  }
}

static void
test_odd_but_readable (void)
{
  /* A charset no one knows, and bad encoded words: still read, as mail programs do. */
  const char *odd = "From: =?x-unknown?Q?Ann_Lee?= <ann@example.com>\r\n"
                    "Subject: =?utf-8?B?bm90IGJhc2U2NA?=\r\n"
                    "Date: not a date\r\n"
                    "Content-Type: text/plain; charset=x-klingon\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                    "Caf=E9 closed =\r\nearly.\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedEmail) email = heed_email_parse (g_bytes_new_static (odd, strlen (odd)), NULL,
                                                 &error);

  g_assert_no_error (error);
  g_assert_cmpstr (email->sender_address, ==, "ann@example.com");
  g_assert_null (email->received);
  g_assert_cmpstr (email->body, ==, "Café closed early.");
  g_assert_true (g_utf8_validate (email->subject, -1, NULL));
}

static void
test_html_to_text (void)
{
  const char *html = "<p>One &amp; two</p><p>Three<br>four</p><style>p{}</style>"
                     "<table><tr><td>a</td><td>b</td></tr></table>";
  g_autofree char *text = heed_email_html_to_text (html, strlen (html));

  g_assert_cmpstr (text, ==, "One & two\n\nThree\nfour\na b");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/email/thunderbird", test_thunderbird);
  g_test_add_func ("/core/email/outlook", test_outlook);
  g_test_add_func ("/core/email/gmail", test_gmail);
  g_test_add_func ("/core/email/apple-html-only", test_apple_html_only);
  g_test_add_func ("/core/email/case", test_case_from_email);
  g_test_add_func ("/core/email/entry", test_entry_from_email);
  g_test_add_func ("/core/email/hostile", test_hostile);
  g_test_add_func ("/core/email/odd-but-readable", test_odd_but_readable);
  g_test_add_func ("/core/email/html-to-text", test_html_to_text);
  return g_test_run ();
}
