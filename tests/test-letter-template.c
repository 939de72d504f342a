/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-letter-template.h"
#include "heed-letter-test-util.h"
#include "heed-merged-letter.h"
#include "heed-store-exchange.h"
#include "heed-store-letters.h"
#include "heed-template.h"
#include "heed-event.h"
#include "heed-letter.h"
#include "heed-test-location.h"

#define HEAD "<?xml version=\"1.0\"?>\n"
#define OPEN "<template id=\"mine\" version=\"1\">\n<name>Mine</name>\n<title>T</title>\n<body>\n"
#define CLOSE "</body>\n</template>\n"

static void
test_builtins_parse (void)
{
  const char *const *ids = heed_letter_template_get_builtin_ids ();

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 6);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedLetterTemplate) template = heed_letter_template_new_builtin (ids[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (heed_letter_template_get_id (template), ==, ids[i]);
      g_assert_nonnull (heed_letter_template_get_name (template));
      g_assert_true (heed_letter_template_is_builtin (template));
    }
}

static void
test_free_texts (void)
{
  g_autoptr(HeedLetterTemplate) holding = heed_letter_template_new_builtin ("holding", NULL);
  const char *const *names = heed_letter_template_get_free_texts (holding);

  g_assert_true (g_strv_contains (names, "delay-reason"));
  g_assert_true (g_strv_contains (names, "new-date"));
  g_assert_cmpstr (heed_letter_template_get_free_text_label (holding, "delay-reason"), ==,
                   "why the response is delayed");
}

/* Each kind of mistake is refused with the line it is on, in words. */
static void
test_bad_templates (void)
{
  static const struct {
    const char *xml;
    long        line;
    const char *words;
  } cases[] = {
    { HEAD OPEN "<p>Dear <field name=\"case.reference\"/>\n" CLOSE, 7, "not well-formed" },
    { HEAD "<letter id=\"x\" version=\"1\"/>\n", 2, "starts with <template>" },
    { HEAD OPEN "<p>ok</p>\n<para>Hello</para>\n" CLOSE, 7, "not a valid letter template" },
    { HEAD "<template id=\"Bad Id\" version=\"1\">\n<name>x</name><title>t</title><body/>\n"
      "</template>\n", 2, "not a valid letter template" },
    { HEAD OPEN "<p>ok</p>\n<p>Dear <field name=\"case.nickname\"/></p>\n" CLOSE, 7,
      "no merge field called “case.nickname”" },
    { HEAD OPEN "\n\n<p><field name=\"element.finding\"/></p>\n" CLOSE, 8,
      "only be used inside a <for-each>" },
    { HEAD OPEN "<if test=\"sunny\">\n<p>x</p></if>\n" CLOSE, 6,
      "no condition called “sunny”" },
    { HEAD OPEN "<for-each select=\"elements\">\n<for-each select=\"actions\"><p>x</p>"
      "</for-each></for-each>\n" CLOSE, 7, "inside another <for-each>" },
    { HEAD OPEN "<for-each select=\"people\"><p>x</p></for-each>\n" CLOSE, 6,
      "not a valid letter template" },
    { HEAD OPEN "<table widths=\"2 0\"><row><cell>a</cell><cell>b</cell></row></table>\n"
      CLOSE, 6, "widths must be more than 0" },
    { HEAD OPEN CLOSE "<extra/>\n", 8, "not well-formed" },
    { "", 1, "not well-formed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedLetterTemplate) template = NULL;
      g_autofree char *prefix = g_strdup_printf ("Line %ld:", cases[i].line);

      template = heed_letter_template_new_from_data (cases[i].xml, -1, &error);
      g_assert_null (template);
      g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, prefix) || strstr (error->message,
                                                                cases[i].words) == NULL)
        g_error ("case %u: expected “%s … %s”, got “%s”", i, prefix, cases[i].words,
                 error->message);
    }
}

static void
test_good_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;

  template = heed_letter_template_new_from_data (
    HEAD OPEN "<h level=\"1\">Hello <field name=\"complainant.name\"/></h>\n"
    "<if test=\"not representative\"><p><b>Bold</b> <i>it</i><br/>next</p></if>\n"
    "<list numbered=\"true\"><for-each select=\"actions\"><item><field name=\"action.due\"/>"
    "</item></for-each></list>\n"
    "<table widths=\"1 2\"><row header=\"true\"><cell>a</cell><cell>b</cell></row></table>\n"
    "<space height=\"20\"/><page-break/>\n" CLOSE, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_letter_template_get_id (template), ==, "mine");
  g_assert_cmpstr (heed_letter_template_get_recipient (template), ==, "complainant");
  g_assert_false (heed_letter_template_is_builtin (template));
}

/* Entities are where the billion laughs and reading other files come from: any DOCTYPE is
 * refused, before anything in it is expanded or fetched. */
static void
test_hostile_templates (void)
{
  static const char *const hostile[] = {
    HEAD "<!DOCTYPE template [\n<!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n"
    "<template id=\"x\" version=\"1\"><name>&secret;</name><title>t</title><body/></template>",
    HEAD "<!DOCTYPE template [\n <!ENTITY a \"lol\">\n <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">\n <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;\">\n <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">\n]>\n"
    "<template id=\"x\" version=\"1\"><name>&f;&f;&f;&f;</name><title>t</title><body/>"
    "</template>",
    HEAD "<!DOCTYPE template SYSTEM \"http://example.com/evil.dtd\">\n"
    "<template id=\"x\" version=\"1\"><name>x</name><title>t</title><body/></template>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedLetterTemplate) template = NULL;

      template = heed_letter_template_new_from_data (hostile[i], -1, &error);
      g_assert_null (template);
      g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Line 2:"));
      g_assert_nonnull (strstr (error->message, "DOCTYPE"));
    }
}

static void
test_oversized_and_binary (void)
{
  g_autoptr(GString) big = g_string_new (HEAD OPEN);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;

  while (big->len <= HEED_LETTER_TEMPLATE_MAX_SIZE)
    g_string_append (big, "<p>Padding paragraph that makes the template far too long.</p>\n");
  g_string_append (big, CLOSE);
  template = heed_letter_template_new_from_data (big->str, big->len, &error);
  g_assert_null (template);
  g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  template = heed_letter_template_new_from_data ("<template>\xff\xfe</template>", -1, &error);
  g_assert_null (template);
  g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID);
}

static void
test_unknown_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = heed_letter_template_new_builtin ("farewell", &error);

  g_assert_null (template);
  g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "final-response"));
}

/* Merging */

typedef struct {
  HeedTestPlace       place;     /* a file, or a server's database */
  char               *dir;       /* the place's folder, for what is drawn */
  HeedLetterPractice  practice;
  HeedStore          *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!heed_test_place_init (&fixture->place, "practice.heed"))
    return;
  fixture->dir = fixture->place.dir;
  fixture->store = heed_test_letter_practice (fixture->place.where, GPOINTER_TO_INT (data),
                                              &fixture->practice);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static HeedMergedLetter *
merge (Fixture    *fixture,
       const char *template_id,
       gint64      case_id,
       GHashTable *free_texts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = heed_letter_template_load (fixture->store,
                                                                      template_id, &error);
  HeedMergedLetter *letter;
  GDate date;

  g_assert_no_error (error);
  g_date_set_dmy (&date, 3, G_DATE_JUNE, 2025);
  letter = heed_merged_letter_new (fixture->store, template, case_id, free_texts, &date,
                                   &error);
  g_assert_no_error (error);
  return letter;
}

static gboolean
missing_has (HeedMergedLetter *letter,
             const char       *what)
{
  return g_strv_contains (heed_merged_letter_get_missing (letter), what);
}

static void
test_merge_acknowledgement (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeedMergedLetter) letter = merge (fixture, "acknowledgement", fixture->practice.own,
                                              NULL);
  g_autofree char *text = heed_merged_letter_dup_text (letter);
  const char *const *address = heed_merged_letter_get_address_block (letter);

  g_assert_cmpstr (address[0], ==, "Mrs Ada Okafor");
  g_assert_cmpstr (address[1], ==, "7 Orchard Close");
  g_assert_cmpstr (address[3], ==, "RV3 8LP");
  g_assert_cmpstr (heed_merged_letter_get_date_text (letter), ==, "3 June 2025");
  g_assert_nonnull (strstr (text, "Dear Mrs Okafor,"));
  g_assert_nonnull (strstr (text, "on 2 June 2025"));
  g_assert_nonnull (strstr (text, "1. Insulin prescription not ready when promised"));
  g_assert_nonnull (strstr (text, "Priya Shah, Practice Manager"));
  g_assert_nonnull (strstr (text, "a phone call every Friday afternoon"));
  g_assert_nonnull (strstr (text, "As we agreed, we will send you our full response by 4 July "
                                  "2025."));
  /* Not a representative's complaint: no consent form. */
  g_assert_null (strstr (text, "consent form"));
  g_assert_null (strstr (text, "12 months ago"));
  /* England's advocacy is local: its phone number is the practice's to enter. */
  g_assert_nonnull (strstr (text, "[advocacy service’s phone number]"));
  g_assert_true (missing_has (letter, "advocacy service’s phone number"));
}

static void
test_merge_representative (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeedMergedLetter) ack = merge (fixture, "acknowledgement",
                                           fixture->practice.representative, NULL);
  g_autoptr(HeedMergedLetter) consent = merge (fixture, "consent-request",
                                               fixture->practice.representative, NULL);
  g_autofree char *ack_text = heed_merged_letter_dup_text (ack);
  g_autofree char *consent_text = heed_merged_letter_dup_text (consent);

  g_assert_cmpstr (heed_merged_letter_get_address_block (ack)[0], ==, "Mr Tom Reid");
  g_assert_nonnull (strstr (ack_text, "on behalf of Mrs Mary Reid"));
  g_assert_nonnull (strstr (ack_text, "I have enclosed a consent form"));
  g_assert_nonnull (strstr (ack_text, "Enclosed: consent form for Mrs Mary Reid"));
  /* The consent request goes to the person affected, and names who complained. */
  g_assert_cmpstr (heed_merged_letter_get_address_block (consent)[0], ==, "Mrs Mary Reid");
  g_assert_cmpstr (heed_merged_letter_get_address_block (consent)[1], ==, "3 Church Row");
  g_assert_nonnull (strstr (consent_text, "Dear Mrs Reid,"));
  g_assert_nonnull (strstr (consent_text, "complaint from Mr Tom Reid"));

  /* A free text whose suggested wording has a gap is itself the gap, under its own label. */
  {
    g_autoptr(HeedMergedLetter) response = merge (fixture, "final-response",
                                                  fixture->practice.representative, NULL);
    g_autofree char *text = heed_merged_letter_dup_text (response);

    g_assert_nonnull (strstr (text, "[how the complaint was looked into]"));
    g_assert_true (missing_has (response, "how the complaint was looked into"));
    g_assert_false (missing_has (response, "plan agreed for handling it"));
  }
}

static void
test_merge_anonymous_shows_gaps (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HeedMergedLetter) letter = merge (fixture, "acknowledgement",
                                              fixture->practice.anonymous, NULL);
  g_autofree char *text = heed_merged_letter_dup_text (letter);

  g_assert_cmpstr (heed_merged_letter_get_address_block (letter)[0], ==,
                   "[complainant’s name]");
  g_assert_cmpstr (heed_merged_letter_get_address_block (letter)[1], ==,
                   "[complainant’s address]");
  g_assert_true (missing_has (letter, "complainant’s address"));
  g_assert_true (missing_has (letter, "recipient’s name"));
  g_assert_nonnull (strstr (text, "Dear [recipient’s name],"));
  /* Each gap is reported once however often it shows. */
  {
    const char *const *missing = heed_merged_letter_get_missing (letter);

    for (guint i = 0; missing[i] != NULL; i++)
      for (guint j = i + 1; missing[j] != NULL; j++)
        g_assert_cmpstr (missing[i], !=, missing[j]);
  }
}

static void
test_merge_late (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeedMergedLetter) letter = merge (fixture, "acknowledgement",
                                              fixture->practice.late, NULL);
  g_autofree char *text = heed_merged_letter_dup_text (letter);

  {
    g_autofree char *flat = g_strdelimit (g_strdup (text), "\n", ' ');

    g_assert_nonnull (strstr (flat, "normally be made within 12 months of the event, or of "
                                    "learning of it, and yours was made later"));
  }
  /* In England the response date is agreed with the complainant: until it is, the letter
   * gives the likely time and offers to agree a date, rather than a gap. */
  g_assert_null (strstr (text, "[date of our response]"));
  g_assert_nonnull (strstr (text, "within six weeks"));
  g_assert_nonnull (strstr (text, "Dear Lena Novak,"));
}

static void
test_merge_final_response (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeedMergedLetter) letter = merge (fixture, "final-response", fixture->practice.own,
                                              NULL);
  g_autofree char *text = heed_merged_letter_dup_text (letter);

  g_assert_nonnull (strstr (text, "1. Insulin prescription not ready when promised"));
  g_assert_nonnull (strstr (text, "Requests made on a Friday were not processed until Tuesday."));
  g_assert_nonnull (strstr (text, "Our conclusion on this point: upheld."));
  g_assert_nonnull (strstr (text, "2. Reception staff were dismissive on the phone"));
  g_assert_nonnull (strstr (text, "Our conclusion on this point: not upheld."));
  g_assert_nonnull (strstr (text, "I apologise on behalf of the practice"));
  g_assert_nonnull (strstr (text, "Train all reception staff on the repeat prescription process"
                                  " | Priya Shah, Practice Manager | 29 August 2025"));
  g_assert_nonnull (strstr (text, "Dr Owen Price, Senior Partner | 19 December 2025"));
  g_assert_nonnull (strstr (text, "Parliamentary and Health Service Ombudsman"));
  g_assert_nonnull (strstr (text, "0345 015 4033"));
  g_assert_nonnull (strstr (text, "www.ombudsman.org.uk"));
  g_assert_nonnull (strstr (text, "Dr Owen Price\nSenior Partner\nRiverside Medical Centre"));
}

/* The right Ombudsman and advocacy for each nation, with their contact details. */
static void
test_merge_nations (void)
{
  static const struct {
    HeedNation  nation;
    const char *ombudsman;
    const char *phone;
    const char *website;
    const char *advocacy;
  } nations[] = {
    { HEED_NATION_ENGLAND, "Parliamentary and Health Service Ombudsman", "0345 015 4033",
      "www.ombudsman.org.uk", "NHS Complaints Advocacy" },
    { HEED_NATION_WALES, "Public Services Ombudsman for Wales", "0300 790 0203",
      "www.ombudsman.wales", "Llais" },
    { HEED_NATION_SCOTLAND, "Scottish Public Services Ombudsman", "0800 377 7330",
      "www.spso.org.uk", "Patient Advice and Support Service" },
    { HEED_NATION_NORTHERN_IRELAND, "Northern Ireland Public Services Ombudsman",
      "0800 34 34 24", "www.nipso.org.uk", "Patient and Client Council" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    {
      Fixture fixture = { 0 };
      g_autoptr(HeedMergedLetter) letter = NULL;
      g_autofree char *text = NULL;

      fixture_set_up (&fixture, GINT_TO_POINTER (nations[i].nation));
      letter = merge (&fixture, "final-response", fixture.practice.own, NULL);
      text = heed_merged_letter_dup_text (letter);
      g_assert_nonnull (strstr (text, nations[i].ombudsman));
      g_assert_nonnull (strstr (text, nations[i].phone));
      g_assert_nonnull (strstr (text, nations[i].website));
      g_assert_nonnull (strstr (text, nations[i].advocacy));
      for (guint j = 0; j < G_N_ELEMENTS (nations); j++)
        if (j != i)
          g_assert_null (strstr (text, nations[j].ombudsman));
      fixture_tear_down (&fixture, NULL);
    }
}

/* Each nation's timescale, with its dates worked out in working days. */
static void
test_merge_timescales (void)
{
  static const struct {
    HeedNation  nation;
    const char *says;
  } nations[] = {
    /* Received Wednesday 11 June 2025; Wales: Putting Things Right's 30 working days. */
    { HEED_NATION_WALES, "Under Putting Things Right, we aim to send you our full response "
      "within 30 working days, by 23 July 2025" },
    /* Scotland, early resolution: 5 working days. */
    { HEED_NATION_SCOTLAND, "within 5 working days, by 18 June 2025" },
    /* Northern Ireland before the model procedure of 2026: 10 working days to respond. */
    { HEED_NATION_NORTHERN_IRELAND, "Under the HSC complaints procedure, we aim to send you "
      "our full response within 10 working days, by 25 June 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    {
      Fixture fixture = { 0 };
      g_autoptr(HeedMergedLetter) letter = NULL;
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      fixture_set_up (&fixture, GINT_TO_POINTER (nations[i].nation));
      letter = merge (&fixture, "acknowledgement", fixture.practice.late, NULL);
      text = heed_merged_letter_dup_text (letter);
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      if (strstr (flat, nations[i].says) == NULL)
        g_error ("%s: “%s” not in\n%s", heed_nation_to_id (nations[i].nation), nations[i].says,
                 text);
      fixture_tear_down (&fixture, NULL);
    }
}

static void
test_merge_free_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HeedMergedLetter) empty = merge (fixture, "holding", fixture->practice.own, NULL);
  g_autoptr(HeedMergedLetter) filled = NULL;
  g_autofree char *empty_text = heed_merged_letter_dup_text (empty);
  g_autofree char *filled_text = NULL;

  g_assert_nonnull (strstr (empty_text, "[why the response is delayed]"));
  g_assert_true (missing_has (empty, "new date for the response"));

  g_hash_table_insert (texts, "delay-reason", "We are waiting for the pharmacy’s records.");
  g_hash_table_insert (texts, "new-date", "18 July 2025");
  filled = merge (fixture, "holding", fixture->practice.own, texts);
  filled_text = heed_merged_letter_dup_text (filled);
  g_assert_nonnull (strstr (filled_text, "We are waiting for the pharmacy’s records."));
  g_assert_nonnull (strstr (filled_text, "by 18 July 2025."));
  g_assert_false (missing_has (filled, "why the response is delayed"));
}

static void
test_practice_copy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) saved = NULL;
  g_autoptr(HeedLetterTemplate) loaded = NULL;
  g_autoptr(HeedMergedLetter) letter = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) ids = NULL;
  const char *copy =
    HEAD "<template id=\"acknowledgement\" version=\"1\"><name>Our acknowledgement</name>"
    "<title>Thanks</title><body><p>Dear <field name=\"recipient.salutation\"/>, we have your "
    "letter.</p></body></template>";

  /* A broken copy is refused and the built-in stays. */
  saved = heed_letter_template_save_copy (fixture->store, HEAD "<template>", &error);
  g_assert_null (saved);
  g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  loaded = heed_letter_template_load (fixture->store, "acknowledgement", &error);
  g_assert_true (heed_letter_template_is_builtin (loaded));
  g_clear_object (&loaded);

  saved = heed_letter_template_save_copy (fixture->store, copy, &error);
  g_assert_no_error (error);
  loaded = heed_letter_template_load (fixture->store, "acknowledgement", &error);
  g_assert_no_error (error);
  g_assert_false (heed_letter_template_is_builtin (loaded));
  g_assert_cmpstr (heed_letter_template_get_name (loaded), ==, "Our acknowledgement");
  letter = merge (fixture, "acknowledgement", fixture->practice.own, NULL);
  text = heed_merged_letter_dup_text (letter);
  g_assert_nonnull (strstr (text, "Dear Mrs Okafor, we have your letter."));

  /* Saving again replaces the copy rather than adding a second one. */
  g_clear_object (&saved);
  saved = heed_letter_template_save_copy (fixture->store, copy, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) copies = heed_store_list (fixture->store, HEED_TYPE_TEMPLATE, 0,
                                                   &error);

    g_assert_cmpuint (copies->len, ==, 1);
  }

  ids = heed_letter_template_list_ids (fixture->store, &error);
  g_assert_cmpuint (g_strv_length (ids), ==, 6);

  g_assert_true (heed_letter_template_remove_copy (fixture->store, "acknowledgement",
                                                   HEED_LANGUAGE_ENGLISH, &error));
  g_clear_object (&loaded);
  loaded = heed_letter_template_load (fixture->store, "acknowledgement", &error);
  g_assert_true (heed_letter_template_is_builtin (loaded));

  g_clear_object (&loaded);
  loaded = heed_letter_template_load (fixture->store, "farewell", &error);
  g_assert_null (loaded);
  g_assert_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "acknowledgement, consent-request"));
}

/* Sending keeps the exact PDF and text, records the event, and freezes the letter. */
static void
test_send_letter (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char pdf_data[] = "%PDF-1.5\nnot really a letter, but bytes to keep\n%%EOF\n";
  g_autoptr(GBytes) pdf = g_bytes_new_static (pdf_data, sizeof pdf_data - 1);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(HeedLetter) letter = heed_letter_new ();
  g_autoptr(HeedLetter) again = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = heed_test_id (fixture->practice.own);
  gboolean found = FALSE;

  heed_test_set (letter, "case", case_id, "template", "acknowledgement",
                 "title", "Your complaint", "merged-text", "Dear Mrs Okafor", NULL);

  g_assert_false (heed_store_send_letter (fixture->store, letter, pdf, "pigeon", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);

    g_assert_false (heed_store_send_letter (fixture->store, letter, text, "post", &error));
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (letter)), ==, 0);

  g_assert_true (heed_store_send_letter (fixture->store, letter, pdf, "post", &error));
  g_assert_no_error (error);
  kept = heed_store_dup_letter_pdf (fixture->store, heed_record_get_id (HEED_RECORD (letter)),
                                    &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (kept, pdf));

  events = heed_store_list (fixture->store, HEED_TYPE_EVENT, fixture->practice.own, &error);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (heed_record_get_text (g_ptr_array_index (events, i), HEED_EVENT_SUMMARY),
                   "Letter sent by post: Your complaint") == 0)
      found = TRUE;
  g_assert_true (found);

  /* Frozen: it cannot be sent again or changed. */
  g_assert_false (heed_store_send_letter (fixture->store, letter, pdf, "post", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  again = heed_store_load (fixture->store, HEED_TYPE_LETTER,
                           heed_record_get_id (HEED_RECORD (letter)), &error);
  g_assert_nonnull (heed_record_get_text (HEED_RECORD (again), HEED_LETTER_SENT_AT));
  heed_test_set (again, "merged-text", "Something else", NULL);
  g_assert_false (heed_store_save (fixture->store, HEED_RECORD (again), &error));
  g_assert_nonnull (error);
}

/* The record made from a merge is what gets kept when the letter is sent. */
static void
test_record_from_merge (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HeedMergedLetter) merged = NULL;
  g_autoptr(HeedLetter) letter = NULL;
  g_autoptr(HeedLetter) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5\n%%EOF\n", 14);
  g_autofree char *text = NULL;
  HeedRecord *record;

  g_hash_table_insert (texts, "delay-reason", "We are waiting for the pharmacy’s records.");
  merged = merge (fixture, "holding", fixture->practice.own, texts);
  letter = heed_merged_letter_create_record (merged, TRUE);
  g_assert_true (heed_store_send_letter (fixture->store, letter, pdf, "email", &error));
  g_assert_no_error (error);

  loaded = heed_store_load (fixture->store, HEED_TYPE_LETTER,
                            heed_record_get_id (HEED_RECORD (letter)), &error);
  record = HEED_RECORD (loaded);
  text = heed_merged_letter_dup_text (merged);
  g_assert_cmpstr (heed_record_get_text (record, HEED_LETTER_MERGED_TEXT), ==, text);
  g_assert_cmpstr (heed_record_get_text (record, HEED_LETTER_TEMPLATE_ID), ==, "holding");
  g_assert_cmpstr (heed_record_get_text (record, HEED_LETTER_TITLE), ==,
                   "An update on your complaint (reference C-2025-001)");
  g_assert_cmpstr (heed_record_get_text (record, HEED_LETTER_SENT_BY), ==, "email");
  g_assert_true (heed_record_get_bool (record, HEED_LETTER_LARGE_PRINT));
  g_assert_cmpint (heed_record_get_int (record, HEED_LETTER_RECIPIENT), >, 0);
  g_assert_nonnull (strstr (heed_record_get_text (record, HEED_LETTER_FREE_TEXT),
                            "delay-reason=We are waiting for the pharmacy’s records."));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/letter-template/on-a-server"))
    return g_test_run ();

  g_test_add_func ("/core/letter-template/builtins", test_builtins_parse);
  g_test_add_func ("/core/letter-template/free-texts", test_free_texts);
  g_test_add_func ("/core/letter-template/bad", test_bad_templates);
  g_test_add_func ("/core/letter-template/good", test_good_template);
  g_test_add_func ("/core/letter-template/hostile", test_hostile_templates);
  g_test_add_func ("/core/letter-template/oversized", test_oversized_and_binary);
  g_test_add_func ("/core/letter-template/unknown", test_unknown_builtin);
#define ADD(path, func) \
  g_test_add ("/core/letter-merge/" path, Fixture, GINT_TO_POINTER (HEED_NATION_ENGLAND), \
              fixture_set_up, func, fixture_tear_down)
  ADD ("acknowledgement", test_merge_acknowledgement);
  ADD ("representative", test_merge_representative);
  ADD ("anonymous", test_merge_anonymous_shows_gaps);
  ADD ("late", test_merge_late);
  ADD ("final-response", test_merge_final_response);
  ADD ("free-text", test_merge_free_text);
  ADD ("practice-copy", test_practice_copy);
  ADD ("send", test_send_letter);
  ADD ("record", test_record_from_merge);
#undef ADD
  g_test_add_func ("/core/letter-merge/nations", test_merge_nations);
  g_test_add_func ("/core/letter-merge/timescales", test_merge_timescales);

  return g_test_run ();
}
