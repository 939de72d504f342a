/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-render-test-util.h"
#include "heed-subject-access-pdf.h"
#include "heed-subject-access-test-util.h"

static guint
count_pages (const char *info)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
  return 0;
}

/* What the person reads: their name, every case of theirs by reference, their details and
 * letters, the note to the practice first, the title on every page; no one else's case. */
static void
test_pdf_text (SubjectFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *xml_path = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "export.pdf", NULL);
  g_autofree char *text = NULL, *flat = NULL, *info = NULL, *title = NULL, *first = NULL;
  g_autofree char *practice = heed_store_dup_setting (fixture->store, "name");
  const char *name;
  guint n_pages;

  (void) data;
  access = heed_subject_access_collect (fixture->store, fixture->person_id, &error);
  g_assert_no_error (error);
  pdf = heed_subject_access_render_pdf (access, &error);
  g_assert_no_error (error);
  g_assert_true (heed_subject_access_save (access, xml_path, pdf, pdf_path, &error));
  g_assert_no_error (error);
  heed_test_keep_output (pdf_path, "subject-access.pdf");

  name = heed_subject_access_get_name (access);
  title = g_strdup_printf ("Subject access export — %s", name);
  text = heed_test_pdf_text (pdf_path, 0);
  flat = heed_test_flatten (text);
  g_assert_nonnull (strstr (flat, name));
  for (guint i = 0; i < fixture->references->len; i++)
    g_assert_nonnull (strstr (flat, g_ptr_array_index (fixture->references, i)));
  g_assert_nonnull (strstr (flat, fixture->nhs_number));
  g_assert_nonnull (strstr (flat, "Acknowledging your complaint"));
  g_assert_nonnull (strstr (flat, "Why our reply is delayed"));
  g_assert_nonnull (strstr (flat, "Not sent"));
  g_assert_nonnull (strstr (flat, "complaint-letter.pdf"));
  g_assert_null (strstr (flat, fixture->stranger));

  first = heed_test_pdf_text (pdf_path, 1);
  g_clear_pointer (&flat, g_free);
  flat = heed_test_flatten (first);
  g_assert_nonnull (strstr (flat, "before release"));
  g_assert_nonnull (strstr (flat, "UK GDPR"));

  info = heed_test_pdf_info (pdf_path);
  g_assert_true (heed_test_pdf_info_is_tagged (info));
  n_pages = count_pages (info);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = heed_test_pdf_text (pdf_path, page);
      g_autofree char *page_flat = heed_test_flatten (page_text);

      g_assert_nonnull (strstr (page_flat, practice));
      g_assert_nonnull (strstr (page_flat, title));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/render/subject-access/on-a-server"))
    return g_test_run ();
  if (heed_test_server_missing ("/render/subject-access/on-a-server"))
    return g_test_run ();

  g_test_add ("/render/subject-access/pdf-text", SubjectFixture, NULL,
              subject_fixture_set_up, test_pdf_text, subject_fixture_tear_down);
  return g_test_run ();
}
