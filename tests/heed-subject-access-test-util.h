/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "heed-case.h"
#include "heed-demo.h"
#include "heed-letter.h"
#include "heed-person.h"
#include "heed-store-letters.h"
#include "heed-store.h"
#include "heed-test-location.h"

/* What the sent letter keeps as its PDF. */
#define SUBJECT_LETTER_PDF "%PDF-1.5\nnot really a letter\n%%EOF\n"

/* A demo practice and in it a person named on two or more cases, with letters (one sent, one
 * not) and an attachment added to the first of their cases, plus someone who is on none of
 * their cases: what a subject access export is tested on. */
typedef struct {
  HeedTestPlace place;          /* the practice: a file, or a server's database */
  char         *dir;            /* the place's folder, for the exports */
  HeedStore    *store;
  gint64        person_id;
  gint64        first_case_id;  /* the first of the person's cases, oldest first */
  char         *nhs_number;
  GPtrArray    *references;     /* of the person's cases */
  char         *stranger;       /* "First Last" of someone on none of those cases */
  GBytes       *attachment;
} SubjectFixture;

static inline void
subject_fixture_set_up (SubjectFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autoptr(GHashTable) near = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(HeedPerson) person = NULL;
  g_autoptr(HeedLetter) sent = heed_letter_new ();
  g_autoptr(HeedLetter) draft = heed_letter_new ();
  g_autoptr(GBytes) pdf = g_bytes_new_static (SUBJECT_LETTER_PDF,
                                              sizeof SUBJECT_LETTER_PDF - 1);
  HeedCase *first_case = NULL;
  HeedDemoOptions options;

  (void) data;
  if (!heed_test_place_init (&fixture->place, "practice.heed"))
    return;
  fixture->dir = g_strdup (fixture->place.dir);
  fixture->store = heed_store_create (fixture->place.where, "Example Road Surgery",
                                      HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  heed_demo_options_init (&options);
  options.n_cases = 150;
  options.seed = 3;
  g_date_clear (&options.today, 1);
  g_date_set_dmy (&options.today, 2, G_DATE_JUNE, 2025);
  g_assert_true (heed_demo_fill (fixture->store, &options, &error));
  g_assert_no_error (error);

  /* Counted here from the cases themselves, not with the function under test. */
  cases = heed_store_list (fixture->store, HEED_TYPE_CASE, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      HeedRecord *kase = g_ptr_array_index (cases, i);
      gint64 ids[2] = { heed_record_get_int (kase, HEED_CASE_COMPLAINANT),
                        heed_record_get_int (kase, HEED_CASE_AFFECTED) };

      for (guint j = 0; j < 2; j++)
        if (ids[j] > 0 && (j == 0 || ids[1] != ids[0]))
          {
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &ids[j]));

            g_hash_table_insert (counts, g_memdup2 (&ids[j], sizeof (gint64)),
                                 GUINT_TO_POINTER (n + 1));
            if (n + 1 >= 2 && fixture->person_id == 0)
              fixture->person_id = ids[j];
          }
    }
  g_assert_cmpint (fixture->person_id, >, 0);

  fixture->references = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < cases->len; i++)
    {
      HeedRecord *kase = g_ptr_array_index (cases, i);
      gint64 complainant = heed_record_get_int (kase, HEED_CASE_COMPLAINANT);
      gint64 affected = heed_record_get_int (kase, HEED_CASE_AFFECTED);

      if (complainant != fixture->person_id && affected != fixture->person_id)
        continue;
      g_ptr_array_add (fixture->references,
                       g_strdup (heed_case_get_reference (HEED_CASE (kase))));
      g_hash_table_add (near, g_memdup2 (&complainant, sizeof (gint64)));
      g_hash_table_add (near, g_memdup2 (&affected, sizeof (gint64)));
      if (first_case == NULL)
        {
          first_case = HEED_CASE (kase);
          fixture->first_case_id = heed_record_get_id (kase);
        }
    }
  g_assert_cmpuint (fixture->references->len, >=, 2);

  person = heed_store_load (fixture->store, HEED_TYPE_PERSON, fixture->person_id, &error);
  g_assert_no_error (error);
  if (heed_record_get_text (HEED_RECORD (person), HEED_PERSON_NHS_NUMBER) == NULL)
    {
      heed_record_set_text (HEED_RECORD (person), HEED_PERSON_NHS_NUMBER, "943 476 5919");
      g_assert_true (heed_store_save (fixture->store, HEED_RECORD (person), &error));
      g_assert_no_error (error);
    }
  fixture->nhs_number = g_strdup (heed_record_get_text (HEED_RECORD (person),
                                                        HEED_PERSON_NHS_NUMBER));

  /* Someone on none of the person's cases, whose name no one on them shares. */
  {
    g_autoptr(GPtrArray) people = heed_store_list (fixture->store, HEED_TYPE_PERSON, 0, &error);
    g_autoptr(GHashTable) near_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);

    g_assert_no_error (error);
    for (guint i = 0; i < people->len; i++)
      {
        HeedRecord *other = g_ptr_array_index (people, i);
        gint64 id = heed_record_get_id (other);

        if (g_hash_table_contains (near, &id))
          {
            g_hash_table_add (near_names, g_strdup_printf ("%s %s",
                              heed_record_get_text (other, HEED_PERSON_FIRST_NAME),
                              heed_record_get_text (other, HEED_PERSON_LAST_NAME)));
          }
      }
    for (guint i = 0; i < people->len && fixture->stranger == NULL; i++)
      {
        HeedRecord *other = g_ptr_array_index (people, i);
        gint64 id = heed_record_get_id (other);
        g_autofree char *name = NULL;

        if (g_hash_table_contains (near, &id)
            || heed_record_get_text (other, HEED_PERSON_FIRST_NAME) == NULL
            || heed_record_get_text (other, HEED_PERSON_LAST_NAME) == NULL)
          continue;
        name = g_strdup_printf ("%s %s", heed_record_get_text (other, HEED_PERSON_FIRST_NAME),
                                heed_record_get_text (other, HEED_PERSON_LAST_NAME));
        if (!g_hash_table_contains (near_names, name))
          fixture->stranger = g_steal_pointer (&name);
      }
    g_assert_nonnull (fixture->stranger);
  }

  {
    g_autofree char *case_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                heed_record_get_id (HEED_RECORD (first_case)));
    gint64 attachment_id = 0;
    guchar content[300];

    g_assert_true (heed_record_set_from_string (HEED_RECORD (sent), HEED_LETTER_CASE, case_id,
                                                &error));
    heed_record_set_text (HEED_RECORD (sent), HEED_LETTER_TEMPLATE_ID, "acknowledgement");
    heed_record_set_text (HEED_RECORD (sent), HEED_LETTER_TITLE, "Acknowledging your complaint");
    heed_record_set_text (HEED_RECORD (sent), HEED_LETTER_MERGED_TEXT,
                          "Thank you for telling us about your experience.");
    g_assert_true (heed_store_send_letter (fixture->store, sent, pdf, "post", &error));
    g_assert_no_error (error);

    g_assert_true (heed_record_set_from_string (HEED_RECORD (draft), HEED_LETTER_CASE, case_id,
                                                &error));
    heed_record_set_text (HEED_RECORD (draft), HEED_LETTER_TEMPLATE_ID, "holding");
    heed_record_set_text (HEED_RECORD (draft), HEED_LETTER_TITLE, "Why our reply is delayed");
    g_assert_true (heed_store_save (fixture->store, HEED_RECORD (draft), &error));
    g_assert_no_error (error);

    for (guint i = 0; i < sizeof content; i++)
      content[i] = (guchar) (i * 7 + 3);
    fixture->attachment = g_bytes_new (content, sizeof content);
    g_assert_true (heed_store_add_attachment (fixture->store,
                                              heed_record_get_id (HEED_RECORD (first_case)), 0,
                                              "complaint-letter.pdf", "application/pdf",
                                              fixture->attachment, &attachment_id, &error));
    g_assert_no_error (error);
  }
}

/* Removes @dir and everything in it, folders too. */
static inline void
subject_remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        subject_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static inline void
subject_fixture_tear_down (SubjectFixture *fixture,
                           gconstpointer   data)
{
  (void) data;
  if (fixture->store != NULL)
    heed_store_close (fixture->store);
  g_clear_object (&fixture->store);
  if (fixture->dir != NULL)
    subject_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  heed_test_place_clear (&fixture->place);
  g_clear_pointer (&fixture->nhs_number, g_free);
  g_clear_pointer (&fixture->references, g_ptr_array_unref);
  g_clear_pointer (&fixture->stranger, g_free);
  g_clear_pointer (&fixture->attachment, g_bytes_unref);
}
