/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "heed-subject-access.h"
#include "heed-subject-access-test-util.h"

static char *
dup_xml (HeedSubjectAccess *access)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = heed_subject_access_to_xml (access, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static xmlNodePtr
find_element (xmlNodePtr  node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNodePtr found;

      if (node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name))
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }
  return NULL;
}

static void
assert_base64_content (xmlNodePtr  element,
                       GBytes     *expected)
{
  xmlChar *text = xmlNodeGetContent (element);
  g_autofree guchar *decoded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;

  decoded = g_base64_decode ((const char *) text, &size);
  bytes = g_bytes_new (decoded, size);
  g_assert_true (g_bytes_equal (bytes, expected));
  xmlFree (text);
}

static guint
count_audit (HeedStore *store,
             gint64     person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = heed_store_list_audit_entries (store, "people", person_id,
                                                                &error);

  g_assert_no_error (error);
  return entries->len;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* Everything about the person, from each of their cases, and nothing about anyone else's. */
static void
test_xml_content (SubjectFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *practice = heed_store_dup_setting (fixture->store, "name");
  g_autofree char *person_id = g_strdup_printf ("person-id=\"%" G_GINT64_FORMAT "\"",
                                                fixture->person_id);
  xmlDocPtr doc;
  xmlNodePtr root, attachment;

  (void) data;
  access = heed_subject_access_collect (fixture->store, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heed_subject_access_get_n_cases (access), ==, fixture->references->len);
  xml = dup_xml (access);

  doc = xmlReadMemory (xml, (int) strlen (xml), "export.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "subject-access-export");
  {
    xmlChar *value = xmlGetProp (root, (const xmlChar *) "practice");

    g_assert_cmpstr ((const char *) value, ==, practice);
    xmlFree (value);
    value = xmlGetProp (root, (const xmlChar *) "made");
    g_assert_nonnull (value);
    xmlFree (value);
  }
  /* The attachment's contents, and the sent letter's PDF, whole. */
  attachment = find_element (root, "attachment");
  g_assert_nonnull (attachment);
  assert_base64_content (attachment, fixture->attachment);
  {
    g_autoptr(GBytes) pdf = g_bytes_new_static (SUBJECT_LETTER_PDF,
                                                sizeof SUBJECT_LETTER_PDF - 1);
    xmlNodePtr pdf_element = find_element (root, "pdf");

    g_assert_nonnull (pdf_element);
    assert_base64_content (pdf_element, pdf);
  }

  /* Each case says how they are part of it. */
  for (guint i = 0; i < heed_subject_access_get_n_cases (access); i++)
    {
      const HeedSubjectCase *sc = heed_subject_access_get_case (access, i);
      HeedRecord *kase = HEED_RECORD (sc->kase);
      HeedSubjectRole expected = HEED_SUBJECT_ROLE_AFFECTED;

      if (heed_record_get_int (kase, HEED_CASE_COMPLAINANT) == fixture->person_id)
        expected = heed_record_get_bool (kase, HEED_CASE_ON_BEHALF)
                   ? HEED_SUBJECT_ROLE_REPRESENTATIVE : HEED_SUBJECT_ROLE_COMPLAINANT;
      else
        g_assert_cmpint (heed_record_get_int (kase, HEED_CASE_AFFECTED), ==, fixture->person_id);
      g_assert_cmpint (sc->role, ==, expected);
    }
  xmlFreeDoc (doc);

  g_assert_nonnull (strstr (xml, person_id));
  for (guint i = 0; i < fixture->references->len; i++)
    {
      g_autofree char *attribute = g_strdup_printf ("reference=\"%s\"",
                                                    (char *) g_ptr_array_index (fixture->references,
                                                                                i));

      g_assert_nonnull (strstr (xml, attribute));
    }
  g_assert_nonnull (strstr (xml, fixture->nhs_number));
  g_assert_nonnull (strstr (xml, "Acknowledging your complaint"));
  g_assert_nonnull (strstr (xml, "Why our reply is delayed"));
  g_assert_nonnull (strstr (xml, "sent=\"yes\""));
  g_assert_nonnull (strstr (xml, "sent=\"no\""));
  g_assert_nonnull (strstr (xml, "filename=\"complaint-letter.pdf\""));
  g_assert_nonnull (strstr (xml, "size=\"300\""));
  /* The audit trail of the person's cases comes too (each case's creation at least). */
  g_assert_nonnull (strstr (xml, "table=\"cases\""));
  g_assert_nonnull (strstr (xml, "table=\"letters\""));
  g_assert_null (strstr (xml, fixture->stranger));
}

/* Saving writes both files and leaves a line in the audit trail. */
static void
test_save (SubjectFixture *fixture,
           gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5\n%%EOF\n", 15);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *xml_path = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "export.pdf", NULL);
  g_autofree char *written = NULL;
  g_autofree char *detail = g_strdup_printf ("subject access export made for person %"
                                             G_GINT64_FORMAT, fixture->person_id);
  HeedAuditEntry *last;
  GStatBuf buf;

  (void) data;
  access = heed_subject_access_collect (fixture->store, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_true (heed_subject_access_save (access, xml_path, pdf, pdf_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (xml_path, &written, NULL, &error));
  g_assert_nonnull (strstr (written, fixture->nhs_number));
  g_assert_cmpint (g_stat (pdf_path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, ==, 15);
  /* Health information: readable by the person who made it only. */
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);
  /* The two files (and on a file engine practice.heed, its -wal, -shm and lock); no temporary
   * left. */
  {
    g_autoptr(GDir) handle = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (handle)) != NULL)
      g_assert_false (g_str_has_prefix (name, "export.xml.")
                      || g_str_has_prefix (name, "export.pdf."));
  }

  entries = heed_store_list_audit_entries (fixture->store, "people", fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (last->detail, ==, detail);
  {
    g_autoptr(GString) report = g_string_new (NULL);

    g_assert_true (heed_store_check (fixture->store, report, &error));
    g_assert_no_error (error);
  }
}

static void
test_unknown_person (SubjectFixture *fixture,
                     gconstpointer   data)
{
  const gint64 ids[] = { 0, -4, 9999999 };

  (void) data;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedSubjectAccess) access = NULL;

      access = heed_subject_access_collect (fixture->store, ids[i], &error);
      g_assert_null (access);
      g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD);
      g_assert_nonnull (strstr (error->message, "no person"));
    }
}

/* A folder that is not there, a name taken by a folder, or a PDF that cannot be written: a
 * clear error, no file half-written or left over, and nothing in the audit trail. */
static void
test_unwritable (SubjectFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5\n%%EOF\n", 15);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "export.xml",
                                               NULL);
  g_autofree char *taken = g_build_filename (out, "taken.xml", NULL);
  g_autofree char *good_xml = g_build_filename (out, "export.xml", NULL);
  g_autofree char *good_pdf = g_build_filename (out, "export.pdf", NULL);
  g_autofree char *missing_pdf = g_build_filename (fixture->dir, "no-such-folder", "export.pdf",
                                                   NULL);
  guint audit_before = count_audit (fixture->store, fixture->person_id);

  (void) data;
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  access = heed_subject_access_collect (fixture->store, fixture->person_id, &error);
  g_assert_no_error (error);

  g_assert_false (heed_subject_access_save (access, missing, NULL, NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "export.xml"));
  g_clear_error (&error);

  g_assert_false (heed_subject_access_save (access, taken, NULL, NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (out), ==, 1);

  /* The XML could be written, the PDF not: neither is left. */
  g_assert_false (heed_subject_access_save (access, good_xml, pdf, missing_pdf, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (g_file_test (good_xml, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (out), ==, 1);

  g_assert_false (heed_subject_access_save (access, good_xml, pdf, good_xml, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (out), ==, 1);

  g_assert_cmpuint (count_audit (fixture->store, fixture->person_id), ==, audit_before);

  /* And the same export then saves fine. */
  g_assert_true (heed_subject_access_save (access, good_xml, pdf, good_pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (out), ==, 3);
  g_assert_cmpuint (count_audit (fixture->store, fixture->person_id), ==, audit_before + 1);
}

/* A window that has the file read-only cannot record the export, so it makes none. */
static void
test_read_only (SubjectFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) reader = NULL;
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autofree char *xml_path = g_build_filename (fixture->dir, "export.xml", NULL);

  (void) data;
  reader = heed_store_open (fixture->place.where, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  access = heed_subject_access_collect (reader, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_false (heed_subject_access_save (access, xml_path, NULL, NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (xml_path, G_FILE_TEST_EXISTS));
  heed_store_close (reader);
}

/* Someone on no case still gets their details; text pasted in with control characters still
 * makes a well-formed document. */
static void
test_no_cases (SubjectFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autofree char *xml = NULL;
  xmlDocPtr doc;

  (void) data;
  heed_record_set_text (HEED_RECORD (person), HEED_PERSON_FIRST_NAME, "Ffion");
  heed_record_set_text (HEED_RECORD (person), HEED_PERSON_LAST_NAME, "Rhys-<Jones> & Co");
  heed_record_set_text (HEED_RECORD (person), HEED_PERSON_NOTES,
                        "Pasted from a form:\x0b\x0c page\x0b end");
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (person), &error));
  g_assert_no_error (error);

  access = heed_subject_access_collect (fixture->store,
                                        heed_record_get_id (HEED_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (heed_subject_access_get_n_cases (access), ==, 0);
  xml = dup_xml (access);
  doc = xmlReadMemory (xml, (int) strlen (xml), "export.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  g_assert_nonnull (strstr (xml, "Rhys-&lt;Jones&gt; &amp; Co"));
  g_assert_nonnull (strstr (xml, "page"));
  g_assert_null (strstr (xml, fixture->stranger));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/subject-access/on-a-server"))
    return g_test_run ();
  if (heed_test_server_missing ("/core/subject-access/on-a-server"))
    return g_test_run ();

  g_test_add ("/core/subject-access/xml-content", SubjectFixture, NULL,
              subject_fixture_set_up, test_xml_content, subject_fixture_tear_down);
  g_test_add ("/core/subject-access/save", SubjectFixture, NULL,
              subject_fixture_set_up, test_save, subject_fixture_tear_down);
  g_test_add ("/core/subject-access/unknown-person", SubjectFixture, NULL,
              subject_fixture_set_up, test_unknown_person, subject_fixture_tear_down);
  g_test_add ("/core/subject-access/no-cases", SubjectFixture, NULL,
              subject_fixture_set_up, test_no_cases, subject_fixture_tear_down);
  g_test_add ("/core/subject-access/unwritable", SubjectFixture, NULL,
              subject_fixture_set_up, test_unwritable, subject_fixture_tear_down);
  g_test_add ("/core/subject-access/read-only", SubjectFixture, NULL,
              subject_fixture_set_up, test_read_only, subject_fixture_tear_down);
  return g_test_run ();
}
