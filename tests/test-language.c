/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-language.h"
#include "heed-person.h"
#include "heed-record.h"
#include "heed-validate.h"

/* A language as people write it in a person's record. */
static void
test_from_text (void)
{
  const struct {
    const char  *text;
    gboolean     known;
    HeedLanguage language;
  } cases[] = {
    { "cy", TRUE, HEED_LANGUAGE_WELSH },
    { "Welsh", TRUE, HEED_LANGUAGE_WELSH },
    { " CYMRAEG ", TRUE, HEED_LANGUAGE_WELSH },
    { "cy_GB", TRUE, HEED_LANGUAGE_WELSH },
    { "English", TRUE, HEED_LANGUAGE_ENGLISH },
    { "en-GB", TRUE, HEED_LANGUAGE_ENGLISH },
    { "Polish", FALSE, HEED_LANGUAGE_ENGLISH },
    { "", FALSE, HEED_LANGUAGE_ENGLISH },
    { "Welshpool", FALSE, HEED_LANGUAGE_ENGLISH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HeedLanguage language = HEED_LANGUAGE_ENGLISH;

      g_assert_cmpint (heed_language_from_text (cases[i].text, &language), ==, cases[i].known);
      if (cases[i].known)
        g_assert_cmpint (language, ==, cases[i].language);
    }
  g_assert_false (heed_language_from_text (NULL, NULL));
}

/* A Welsh document is written in Welsh from the catalogue built into Heed, whatever the
 * interface is in (the tests run in the C locale), and setting it back restores English. */
static void
test_welsh_documents (void)
{
  GDate date;
  g_autofree char *welsh = NULL;
  g_autofree char *english = NULL;
  HeedLanguage previous;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_JUNE, 2025);

  previous = heed_language_set_document (HEED_LANGUAGE_WELSH);
  g_assert_cmpint (previous, ==, HEED_LANGUAGE_INTERFACE);
  welsh = heed_format_date_long (&date);
  g_assert_cmpstr (welsh, ==, "3 Mehefin 2025");
  g_assert_cmpstr (D_("Page %u of %u"), ==, "Tudalen %u o %u");
  /* Welsh has six plural forms; two takes the soft mutation. */
  g_assert_cmpstr (heed_document_ngettext ("overdue by %d working day",
                                           "overdue by %d working days", 2), ==,
                   "%d ddiwrnod gwaith yn hwyr");
  g_assert_cmpstr (heed_document_ngettext ("overdue by %d working day",
                                           "overdue by %d working days", 5), ==,
                   "%d diwrnod gwaith yn hwyr");
  /* What the catalogue does not have stays as it is. */
  g_assert_cmpstr (D_("no such message in any catalogue"), ==,
                   "no such message in any catalogue");
  g_assert_cmpstr (heed_language_get_document_locale (), ==, "cy");

  heed_language_set_document (HEED_LANGUAGE_ENGLISH);
  english = heed_format_date_long (&date);
  g_assert_cmpstr (english, ==, "3 June 2025");
  g_assert_cmpstr (heed_document_ngettext ("overdue by %d working day",
                                           "overdue by %d working days", 1), ==,
                   "overdue by %d working day");
  heed_language_set_document (previous);
  g_assert_cmpint (heed_language_get_document (), ==, HEED_LANGUAGE_INTERFACE);
  /* The tests' interface is in English. */
  g_assert_cmpint (heed_language_resolve (HEED_LANGUAGE_INTERFACE), ==, HEED_LANGUAGE_ENGLISH);
}

static void
set (HeedPerson *person,
     const char *field,
     const char *value)
{
  g_autoptr(GError) error = NULL;
  int index = heed_record_find_field (HEED_RECORD (person), field);

  g_assert_cmpint (index, >=, 0);
  g_assert_true (heed_record_set_from_string (HEED_RECORD (person), index, value, &error));
  g_assert_no_error (error);
}

/* What a person asked for decides the letters' language and print, and is shown in words. */
static void
test_person_needs (void)
{
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *none = NULL;
  g_autofree char *both = NULL;
  g_autofree char *polish = NULL;

  none = heed_person_dup_needs (person);
  g_assert_null (none);
  g_assert_cmpint (heed_person_get_letter_language (person), ==, HEED_LANGUAGE_INTERFACE);
  g_assert_false (heed_person_needs_large_print (person));

  set (person, "language", "English");
  g_assert_cmpint (heed_person_get_letter_language (person), ==, HEED_LANGUAGE_ENGLISH);
  set (person, "language", "Cymraeg");
  set (person, "access-format", "large-print");
  g_assert_cmpint (heed_person_get_letter_language (person), ==, HEED_LANGUAGE_WELSH);
  g_assert_true (heed_person_needs_large_print (person));
  both = heed_person_dup_needs (person);
  g_assert_cmpstr (both, ==, "Large print · Letters in Cymraeg");

  /* Another language: Heed cannot write it, so letters are in the interface's language and
   * the need shows. */
  set (person, "language", "Polish");
  set (person, "access-format", "braille");
  g_assert_cmpint (heed_person_get_letter_language (person), ==, HEED_LANGUAGE_INTERFACE);
  g_assert_false (heed_person_needs_large_print (person));
  polish = heed_person_dup_needs (person);
  g_assert_cmpstr (polish, ==, "Braille · Letters in Polish");

  /* "Another language" says which. */
  set (person, "language", "");
  set (person, "access-format", "other-language");
  problems = heed_record_validate (HEED_RECORD (person), NULL);
  g_assert_nonnull (problems);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < problems->len; i++)
      if (g_strcmp0 (((HeedProblem *) g_ptr_array_index (problems, i))->field, "language") == 0)
        found = TRUE;
    g_assert_true (found);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/language/from-text", test_from_text);
  g_test_add_func ("/core/language/welsh-documents", test_welsh_documents);
  g_test_add_func ("/core/language/person-needs", test_person_needs);
  return g_test_run ();
}
