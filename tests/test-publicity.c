/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-publicity.h"
#include "heed-render-test-util.h"
#include "heed-case.h"
#include "heed-test-location.h"

/* The practice's form, poster and leaflet for each nation, read back from the PDF as a patient
 * (or a screen reader) would read them. Set HEED_TEST_OUTPUT_DIR to keep the PDFs. */

#define PRACTICE_NAME "Riverside Quokka Practice"

typedef struct {
  HeedTestPlace place;  /* a file, or a server's database */
  char         *dir;    /* the place's folder, for what is drawn */
  HeedStore    *store;
} Fixture;

typedef struct {
  HeedNation  nation;
  const char *ombudsman;
  const char *advocacy;
  const char *timescales[3];
} NationCase;

static const NationCase nations[] = {
  { HEED_NATION_ENGLAND, "Parliamentary and Health Service Ombudsman",
    "Zennor Valley Complaints Advocacy", { "3 working days", "6 months", NULL } },
  { HEED_NATION_WALES, "Public Services Ombudsman for Wales", "Llais",
    { "2 working days", "30 working days", NULL } },
  { HEED_NATION_SCOTLAND, "Scottish Public Services Ombudsman",
    "Patient Advice and Support Service", { "5 working days", "3 working days",
                                            "20 working days" } },
  { HEED_NATION_NORTHERN_IRELAND, "Northern Ireland Public Services Ombudsman",
    "Patient and Client Council", { "5 working days", "20 working days", "up to 40" } },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const NationCase *nation = data != NULL ? data : &nations[0];
  g_autoptr(GError) error = NULL;

  if (!heed_test_place_init (&fixture->place, "practice.heed"))
    return;
  fixture->dir = fixture->place.dir;
  fixture->store = heed_store_create (fixture->place.where, PRACTICE_NAME, nation->nation,
                                      &error);
  g_assert_no_error (error);
  g_assert_true (heed_store_set_setting (fixture->store, "address",
                                         "4 Mill Lane\nXanthorpe\nXT4 9QZ", &error));
  g_assert_true (heed_store_set_setting (fixture->store, "phone", "01632 960777", &error));
  g_assert_true (heed_store_set_setting (fixture->store, "email", "hello@quokka.example",
                                         &error));
  g_assert_true (heed_store_set_setting (fixture->store, "complaints-manager",
                                         "Ysolde Pemberton", &error));
  /* England's advocacy is local: the practice names its own. */
  if (nation->nation == HEED_NATION_ENGLAND)
    g_assert_true (heed_store_set_setting (fixture->store, "advocacy-name",
                                           "Zennor Valley Complaints Advocacy", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

/* Writes the document and returns its path; kept in HEED_TEST_OUTPUT_DIR when set. */
static char *
write_publicity_in (Fixture           *fixture,
                    HeedPublicityKind  kind,
                    HeedPaper          paper,
                    gboolean           large_print,
                    HeedLanguage       language,
                    const char        *name)
{
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  const char *keep = g_getenv ("HEED_TEST_OUTPUT_DIR");
  char *path;

  flow = heed_publicity_new_flow (fixture->store, kind, paper, large_print, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (flow);
  if (large_print)
    g_assert_cmpfloat (heed_page_flow_get_scale (flow) * HEED_PAGE_FLOW_BODY_SIZE, >=, 16.0);
  path = g_build_filename (keep != NULL ? keep : fixture->dir, name, NULL);
  g_assert_true (heed_page_flow_write_pdf (flow, path, &error));
  g_assert_no_error (error);
  return path;
}

static char *
write_publicity (Fixture           *fixture,
                 HeedPublicityKind  kind,
                 HeedPaper          paper,
                 gboolean           large_print,
                 const char        *name)
{
  return write_publicity_in (fixture, kind, paper, large_print, HEED_LANGUAGE_ENGLISH, name);
}

static char *
flat_text (const char *path)
{
  g_autofree char *text = heed_test_pdf_text (path, 0);

  return heed_test_flatten (text);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = heed_test_pdf_info (path);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
  g_assert_not_reached ();
  return 0;
}

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in: %s", what, text);
}

static void
test_nation (Fixture       *fixture,
             gconstpointer  data)
{
  const NationCase *nation = data;
  const char *id = heed_nation_to_id (nation->nation);
  HeedPublicityKind kinds[] = { HEED_PUBLICITY_POSTER, HEED_PUBLICITY_LEAFLET };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.pdf", id,
                                               kinds[k] == HEED_PUBLICITY_POSTER ? "poster"
                                                                                 : "leaflet");
      g_autofree char *path = write_publicity (fixture, kinds[k], HEED_PAPER_A4, FALSE, name);
      g_autofree char *text = flat_text (path);
      g_autofree char *info = heed_test_pdf_info (path);

      assert_contains (text, PRACTICE_NAME);
      assert_contains (text, "01632 960777");
      assert_contains (text, "hello@quokka.example");
      assert_contains (text, "Xanthorpe");
      assert_contains (text, "Ysolde Pemberton");
      assert_contains (text, nation->ombudsman);
      assert_contains (text, nation->advocacy);
      for (guint i = 0; i < G_N_ELEMENTS (nation->timescales) && nation->timescales[i]; i++)
        assert_contains (text, nation->timescales[i]);
      /* Another nation's Ombudsman would send the patient to the wrong door. */
      for (guint n = 0; n < G_N_ELEMENTS (nations); n++)
        if (nations[n].nation != nation->nation)
          g_assert_null (strstr (text, nations[n].ombudsman));
      g_assert_true (heed_test_pdf_info_is_tagged (info));
      assert_contains (info, PRACTICE_NAME);
      if (kinds[k] == HEED_PUBLICITY_POSTER)
        g_assert_cmpuint (pdf_pages (path), ==, 1);
      else
        {
          g_assert_cmpuint (pdf_pages (path), ==, 2);
          assert_contains (text, "large print");
          assert_contains (text, "Compliments");
        }
    }

  {
    g_autofree char *name = g_strdup_printf ("%s-form.pdf", id);
    g_autofree char *path = write_publicity (fixture, HEED_PUBLICITY_FORM, HEED_PAPER_A4, FALSE,
                                             name);
    g_autofree char *text = flat_text (path);

    assert_contains (text, PRACTICE_NAME);
    assert_contains (text, "4 Mill Lane");
    assert_contains (text, nation->advocacy);
  }
}

static void
test_form_sections (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Seed 001's example form, section by section. */
  const char *expected[] = {
    "Section 1: About you", "Title", "First name", "Surname", "House number or name",
    "Street name", "Town or city", "Postcode", "Daytime telephone number", "Email",
    "How would you like us to contact you?", "Video call", "large print",
    "Advice service’s name",
    "Section 2: Are you complaining on behalf of someone else?",
    "What is your relationship to them?", "spouse or partner", "parent or guardian",
    "I am their carer", "Why can’t they make the complaint themselves?", "The person has died",
    "Section 3: About the person you are making the complaint for",
    "Section 4: The complaint", "When did the problem", "more than 12 months ago",
    "What is your complaint about?", "been affected", "What outcome would you like?",
    "Section 5: Authorisation and consent", "Signature", "Date", "can complain for me",
    "post it to", "XT4 9QZ",
  };
  g_autofree char *path = write_publicity (fixture, HEED_PUBLICITY_FORM, HEED_PAPER_A4, FALSE,
                                           "form.pdf");
  g_autofree char *text = flat_text (path);
  g_autofree char *info = heed_test_pdf_info (path);
  const char *signature;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_contains (text, expected[i]);
  /* Two signatures: the complainant's, and the consent of the person complained for. */
  signature = strstr (text, "Signature");
  g_assert_nonnull (strstr (signature + 1, "Signature"));
  g_assert_true (heed_test_pdf_info_is_tagged (info));
  assert_contains (info, "Complaint form");
}

static void
test_poster_a3 (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a3 = write_publicity (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A3, FALSE,
                                         "poster-a3.pdf");
  g_autofree char *a4 = write_publicity (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A4, FALSE,
                                         "poster-a4.pdf");
  g_autofree char *info_a3 = heed_test_pdf_info (a3);
  g_autofree char *info_a4 = heed_test_pdf_info (a4);
  g_autofree char *text = flat_text (a3);

  assert_contains (info_a3, "(A3)");
  assert_contains (info_a4, "(A4)");
  g_assert_cmpuint (pdf_pages (a3), ==, 1);
  assert_contains (text, "We want to hear from you");
  assert_contains (text, PRACTICE_NAME);
}

static void
test_large_print (Fixture       *fixture,
                  gconstpointer  data)
{
  HeedPublicityKind kinds[] = { HEED_PUBLICITY_LEAFLET, HEED_PUBLICITY_FORM };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *normal = write_publicity (fixture, kinds[k], HEED_PAPER_A4, FALSE,
                                                 "normal.pdf");
      guint normal_pages = pdf_pages (normal);
      g_autofree char *large = write_publicity (fixture, kinds[k], HEED_PAPER_A4, TRUE,
                                                "large.pdf");
      g_autofree char *text = flat_text (large);

      g_assert_cmpuint (pdf_pages (large), >, normal_pages);
      assert_contains (text, PRACTICE_NAME);
    }
  /* The poster stays on one page, with its text at least 16 pt (checked in write). */
  {
    g_autofree char *poster = write_publicity (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A3,
                                               TRUE, "poster-large.pdf");

    g_assert_cmpuint (pdf_pages (poster), ==, 1);
  }
}

static void
add_feedback (HeedStore  *store,
              const char *received,
              const char *you_said,
              const char *we_did,
              gboolean    approved)
{
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strconcat (received, "T10:00:00", NULL);

  g_object_set (kase, "channel", "letter", "received-at", at, "status", "logged",
                "summary", "What happened", "you-said", you_said, "we-did", we_did,
                "publication-approved", approved, NULL);
  heed_store_save (store, HEED_RECORD (kase), &error);
  g_assert_no_error (error);
}

static void
test_you_said_we_did (Fixture       *fixture,
                      gconstpointer  data)
{
  GDate recent;
  char iso[16];
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_date_clear (&recent, 1);
  g_date_set_time_t (&recent, time (NULL));
  g_date_subtract_days (&recent, 40);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &recent);
  add_feedback (fixture->store, iso, "Waiting times on the phone were too long",
                "We added a call-back option", TRUE);
  add_feedback (fixture->store, iso, "The waiting room was too cold", "We fixed the heating",
                FALSE);

  path = write_publicity (fixture, HEED_PUBLICITY_LEAFLET, HEED_PAPER_A4, FALSE,
                          "leaflet-you-said.pdf");
  text = flat_text (path);
  assert_contains (text, "You said, we did");
  assert_contains (text, "We added a call-back option");
  /* Not approved for publication: never printed. */
  g_assert_null (strstr (text, "fixed the heating"));
}

static void
test_bad_paper (Fixture       *fixture,
                gconstpointer  data)
{
  HeedPublicityKind kinds[] = { HEED_PUBLICITY_FORM, HEED_PUBLICITY_LEAFLET };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedPageFlow) flow = heed_publicity_new_flow (fixture->store, kinds[k],
                                                              HEED_PAPER_A3, FALSE,
                                                              HEED_LANGUAGE_ENGLISH, &error);

      g_assert_null (flow);
      g_assert_error (error, HEED_RENDER_ERROR, HEED_RENDER_ERROR_INVALID);
      assert_contains (error->message, "A4");
    }
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
count_images (const char *path)
{
  const char *argv[] = { "pdfimages", "-list", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  /* Two header lines, then one line per image. */
  return g_strv_length (lines) > 3 ? g_strv_length (lines) - 3 : 0;
}

static void
test_logo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 40);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  without = write_publicity (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A4, FALSE,
                             "poster-no-logo.pdf");
  g_assert_cmpuint (count_images (without), ==, 0);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  g_assert_true (heed_store_set_logo (fixture->store, bytes, &error));
  g_assert_no_error (error);
  with = write_publicity (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A4, FALSE,
                          "poster-logo.pdf");
  g_assert_cmpuint (count_images (with), ==, 1);
  text = flat_text (with);
  assert_contains (text, PRACTICE_NAME);
}

static void
test_kind_ids (void)
{
  HeedPublicityKind kind = HEED_PUBLICITY_FORM;

  g_assert_true (heed_publicity_kind_from_id ("poster", &kind));
  g_assert_cmpint (kind, ==, HEED_PUBLICITY_POSTER);
  g_assert_true (heed_publicity_kind_from_id ("leaflet", &kind));
  g_assert_cmpint (kind, ==, HEED_PUBLICITY_LEAFLET);
  g_assert_true (heed_publicity_kind_from_id ("form", &kind));
  g_assert_cmpint (kind, ==, HEED_PUBLICITY_FORM);
  g_assert_false (heed_publicity_kind_from_id ("Poster", &kind));
  g_assert_false (heed_publicity_kind_from_id ("", &kind));
  g_assert_false (heed_publicity_kind_from_id (NULL, &kind));
  g_assert_cmpint (kind, ==, HEED_PUBLICITY_FORM);
}

/* A practice in Wales can put up and hand out everything in Welsh: the Welsh words, the
 * Ombudsman's Welsh name, the Welsh timescales with their mutations, on as many pages as the
 * English, whatever language the interface is in (the tests run in English). */
static void
test_welsh (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *poster = write_publicity_in (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A4,
                                                FALSE, HEED_LANGUAGE_WELSH, "poster-cy.pdf");
  g_autofree char *large = write_publicity_in (fixture, HEED_PUBLICITY_POSTER, HEED_PAPER_A4,
                                               TRUE, HEED_LANGUAGE_WELSH,
                                               "poster-cy-large.pdf");
  g_autofree char *leaflet = write_publicity_in (fixture, HEED_PUBLICITY_LEAFLET, HEED_PAPER_A4,
                                                 FALSE, HEED_LANGUAGE_WELSH, "leaflet-cy.pdf");
  g_autofree char *form = write_publicity_in (fixture, HEED_PUBLICITY_FORM, HEED_PAPER_A4,
                                              FALSE, HEED_LANGUAGE_WELSH, "form-cy.pdf");
  g_autofree char *english_form = write_publicity (fixture, HEED_PUBLICITY_FORM, HEED_PAPER_A4,
                                                   FALSE, "form-en.pdf");
  g_autofree char *poster_text = flat_text (poster);
  g_autofree char *leaflet_text = flat_text (leaflet);
  g_autofree char *form_text = flat_text (form);

  assert_contains (poster_text, "Hoffem glywed gennych");
  assert_contains (poster_text, "Ombwdsmon Gwasanaethau Cyhoeddus Cymru");
  assert_contains (poster_text, "2 diwrnod gwaith");
  assert_contains (poster_text, "30 diwrnod gwaith");
  assert_contains (poster_text, PRACTICE_NAME);
  assert_contains (poster_text, "01632 960777");
  g_assert_null (strstr (poster_text, "We want to hear from you"));
  g_assert_null (strstr (poster_text, "Public Services Ombudsman for Wales"));
  g_assert_cmpuint (pdf_pages (poster), ==, 1);
  g_assert_cmpuint (pdf_pages (large), ==, 1);

  assert_contains (leaflet_text, "Llais");
  assert_contains (leaflet_text, "Ombwdsmon Gwasanaethau Cyhoeddus Cymru");
  g_assert_cmpuint (pdf_pages (leaflet), ==, 2);

  assert_contains (form_text, "4 Mill Lane");
  g_assert_null (strstr (form_text, "About you"));
  g_assert_cmpuint (pdf_pages (form), ==, pdf_pages (english_form));
}

/* The leaflet as it stands on @iso: the procedure in force that day. */
static char *
leaflet_text_on (Fixture    *fixture,
                 const char *iso)
{
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("leaflet-%s.pdf", iso);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  g_assert_true (g_date_valid (&date));
  flow = heed_publicity_new_flow_on (fixture->store, HEED_PUBLICITY_LEAFLET, HEED_PAPER_A4,
                                     FALSE, HEED_LANGUAGE_ENGLISH, &date, &error);
  g_assert_no_error (error);
  g_assert_true (heed_page_flow_write_pdf (flow, path, &error));
  g_assert_no_error (error);
  heed_test_keep_output (path, name);
  return flat_text (path);
}

static void
assert_absent (const char *text,
               const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” should not be in: %s", what, text);
}

/* Each nation's leaflet on both sides of its change date, and its time limits. */
static void
test_change_dates (void)
{
  static const struct {
    HeedNation  nation;
    const char *iso;
    const char *says[3];
    const char *never[2];
  } cases[] = {
    { HEED_NATION_WALES, "2026-03-31",
      { "within 2 working days", "within 30 working days", "within 12 months" },
      { "listening discussion", "Listening to People" } },
    { HEED_NATION_WALES, "2026-04-01",
      { "Under Listening to People, we will first try to put things right early",
        "listening discussion", "within 30 working days" },
      { NULL, NULL } },
    { HEED_NATION_NORTHERN_IRELAND, "2025-12-31",
      { "within 3 working days", "within 10 working days",
        "independent of the HSC" },
      { "Early resolution:", "independent of the NHS" } },
    { HEED_NATION_NORTHERN_IRELAND, "2026-01-01",
      { "within 5 working days (up to 10", "reply within 20 working days (up to 40",
        "within 6 months of the end of our complaints procedure" },
      { "independent of the NHS", NULL } },
    { HEED_NATION_SCOTLAND, "2026-06-01",
      { "within 6 months of what happened, or within 6 months of when you found out about it "
        "as long as that is no more than 12 months after it happened",
        "within 12 months of becoming aware of the problem", NULL },
      { "integrated care board", NULL } },
    { HEED_NATION_ENGLAND, "2026-06-01",
      { "complain instead to the NHS body that pays for our services: the integrated care "
        "board (ICB) for your area", "within 12 months of what happened", NULL },
      { "private patient", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NationCase nation = { cases[i].nation, NULL, NULL, { NULL } };
      Fixture fixture = { 0 };
      g_autofree char *text = NULL;

      fixture_set_up (&fixture, &nation);
      text = leaflet_text_on (&fixture, cases[i].iso);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].says) && cases[i].says[j] != NULL; j++)
        assert_contains (text, cases[i].says[j]);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].never) && cases[i].never[j] != NULL; j++)
        assert_absent (text, cases[i].never[j]);
      fixture_tear_down (&fixture, NULL);
    }
}

/* A dental practice's leaflet tells private patients about the Dental Complaints Service; a
 * GP practice names ISCAS only when it is a member; the England commissioner by its own name
 * when the practice gives it. */
static void
test_private_route (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gp = leaflet_text_on (fixture, "2026-06-01");
  g_autofree char *dental = NULL;
  g_autofree char *member = NULL;

  assert_absent (gp, "private patient");
  g_assert_true (heed_store_set_setting (fixture->store, "practice-type", "dental", &error));
  g_assert_true (heed_store_set_setting (fixture->store, "commissioner-name",
                                         "NHS Quokka Valley Integrated Care Board", &error));
  g_assert_no_error (error);
  dental = leaflet_text_on (fixture, "2026-06-02");
  assert_contains (dental, "If you are a private patient, the Ombudsman cannot look at your "
                           "complaint");
  assert_contains (dental, "Dental Complaints Service");
  assert_contains (dental, "020 8253 0800");
  assert_contains (dental, "NHS Quokka Valley Integrated Care Board");
  assert_contains (dental, "Parliamentary and Health Service Ombudsman");

  g_assert_true (heed_store_set_setting (fixture->store, "practice-type", "gp", &error));
  g_assert_true (heed_store_set_setting (fixture->store, "iscas-member", "true", &error));
  member = leaflet_text_on (fixture, "2026-06-03");
  assert_contains (member, "Independent Sector Complaints Adjudication Service");
  assert_absent (member, "Dental Complaints Service");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/render/publicity/on-a-server"))
    return g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    {
      g_autofree char *name = g_strdup_printf ("/publicity/nation/%s",
                                               heed_nation_to_id (nations[i].nation));

      g_test_add (name, Fixture, &nations[i], fixture_set_up, test_nation, fixture_tear_down);
    }
  g_test_add ("/publicity/form-sections", Fixture, NULL, fixture_set_up, test_form_sections,
              fixture_tear_down);
  g_test_add ("/publicity/poster-a3", Fixture, NULL, fixture_set_up, test_poster_a3,
              fixture_tear_down);
  g_test_add ("/publicity/large-print", Fixture, NULL, fixture_set_up, test_large_print,
              fixture_tear_down);
  g_test_add ("/publicity/you-said-we-did", Fixture, NULL, fixture_set_up,
              test_you_said_we_did, fixture_tear_down);
  g_test_add ("/publicity/bad-paper", Fixture, NULL, fixture_set_up, test_bad_paper,
              fixture_tear_down);
  g_test_add ("/publicity/logo", Fixture, NULL, fixture_set_up, test_logo, fixture_tear_down);
  g_test_add ("/publicity/welsh", Fixture, &nations[1], fixture_set_up, test_welsh,
              fixture_tear_down);
  g_test_add_func ("/publicity/kind-ids", test_kind_ids);
  g_test_add_func ("/publicity/change-dates", test_change_dates);
  g_test_add ("/publicity/private-route", Fixture, NULL, fixture_set_up, test_private_route,
              fixture_tear_down);
  return g_test_run ();
}
