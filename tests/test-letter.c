/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-letter-layout.h"
#include "heed-letter-template.h"
#include "heed-letter-test-util.h"
#include "heed-merged-letter.h"
#include "heed-render-test-util.h"
#include "heed-store-exchange.h"
#include "heed-test-location.h"

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

/* Draws a letter to a PDF in the fixture's folder; returns its path and page count. */
static char *
draw_letter_in (Fixture      *fixture,
                const char   *template_id,
                HeedLanguage  language,
                gint64        case_id,
                gboolean      large_print,
                GHashTable   *free_texts,
                guint        *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;
  g_autoptr(HeedMergedLetter) letter = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT "%s%s.pdf", template_id,
                                           case_id, large_print ? "-large" : "",
                                           language == HEED_LANGUAGE_WELSH ? "-cy" : "");
  char *path = g_build_filename (fixture->dir, name, NULL);
  GDate date;

  template = heed_letter_template_load_in (fixture->store, template_id, language, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&date, 3, G_DATE_JUNE, 2025);
  letter = heed_merged_letter_new (fixture->store, template, case_id, free_texts, &date,
                                   &error);
  g_assert_no_error (error);
  flow = heed_letter_layout_new (letter, large_print);
  g_assert_true (heed_page_flow_write_pdf (flow, path, &error));
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = heed_page_flow_get_n_pages (flow);
  heed_test_keep_output (path, name);
  return path;
}

static char *
draw_letter (Fixture    *fixture,
             const char *template_id,
             gint64      case_id,
             gboolean    large_print,
             GHashTable *free_texts,
             guint      *n_pages)
{
  return draw_letter_in (fixture, template_id, HEED_LANGUAGE_ENGLISH, case_id, large_print,
                         free_texts, n_pages);
}

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the letter:\n%s", what, text);
}

/* Every built-in letter, for every kind of case, carries the practice, the reference, the
 * person's name and the date written out. */
static void
test_every_builtin (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *const *ids = heed_letter_template_get_builtin_ids ();
  const struct {
    gint64      id;
    const char *reference;
    const char *name;
  } cases[] = {
    { fixture->practice.own, "C-2025-001", "Mrs Ada Okafor" },
    { fixture->practice.representative, "C-2025-002", "Mr Tom Reid" },
    { fixture->practice.anonymous, "C-2025-003", "[complainant’s name]" },
    { fixture->practice.late, "C-2025-004", "Lena Novak" },
    { fixture->practice.compliment, NULL, "Mrs Ada Okafor" },
  };

  for (guint t = 0; ids[t] != NULL; t++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autofree char *path = draw_letter (fixture, ids[t], cases[c].id, FALSE, NULL, NULL);
        g_autofree char *raw = heed_test_pdf_text (path, 0);
        g_autofree char *text = heed_test_flatten (raw);
        g_autofree char *info = heed_test_pdf_info (path);

        assert_contains (text, "Riverside Medical Centre");
        assert_contains (text, "14 Mill Lane");
        assert_contains (text, "01632 960123");
        assert_contains (text, "3 June 2025");
        if (cases[c].reference != NULL && strcmp (ids[t], "you-said-we-did") != 0)
          assert_contains (text, cases[c].reference);
        /* The notice names no one; every letter names the person it is to. */
        if (strcmp (ids[t], "you-said-we-did") == 0)
          g_assert_null (strstr (text, "Okafor"));
        else if (strcmp (ids[t], "consent-request") == 0
                 && cases[c].id == fixture->practice.representative)
          assert_contains (text, "Mrs Mary Reid");
        else if (strcmp (ids[t], "consent-request") == 0
                 && cases[c].id == fixture->practice.anonymous)
          assert_contains (text, "[name of the person affected]");
        else
          assert_contains (text, cases[c].name);
        g_assert_nonnull (strstr (info, "Title:"));
        g_assert_true (heed_test_pdf_info_is_tagged (info));
        g_assert_nonnull (strstr (info, "Pages:"));
      }
}

static void
test_received_date_and_findings (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = draw_letter (fixture, "final-response", fixture->practice.own, FALSE,
                                       NULL, NULL);
  g_autofree char *raw = heed_test_pdf_text (path, 0);
  g_autofree char *text = heed_test_flatten (raw);
  g_autofree char *info = heed_test_pdf_info (path);

  assert_contains (text, "on 2 June 2025");
  assert_contains (text, "Requests made on a Friday were not processed until Tuesday.");
  assert_contains (text, "Our conclusion on this point: upheld.");
  assert_contains (text, "Train all reception staff");
  assert_contains (text, "29 August 2025");
  assert_contains (text, "Dr Owen Price");
  assert_contains (info, "Our response to your complaint (reference C-2025-001)");
}

/* The address sits in the window of a DL envelope; the letterhead does not. */
static void
test_address_in_window (Fixture       *fixture,
                        gconstpointer  data)
{
  double x, y, width, height;

  heed_letter_layout_get_window (&x, &y, &width, &height);
  for (int large_print = 0; large_print <= 1; large_print++)
    {
      g_autofree char *path = draw_letter (fixture, "acknowledgement",
                                           fixture->practice.representative, large_print, NULL,
                                           NULL);
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *in_window = NULL;
      g_autofree char *box = NULL;
      int status = 0;

      /* pdftotext reads only what lies inside the window's rectangle (72 dpi: points). */
      g_ptr_array_add (argv, g_strdup ("pdftotext"));
      g_ptr_array_add (argv, g_strdup ("-f"));
      g_ptr_array_add (argv, g_strdup ("1"));
      g_ptr_array_add (argv, g_strdup ("-l"));
      g_ptr_array_add (argv, g_strdup ("1"));
      g_ptr_array_add (argv, g_strdup ("-r"));
      g_ptr_array_add (argv, g_strdup ("72"));
      g_ptr_array_add (argv, g_strdup ("-x"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) x));
      g_ptr_array_add (argv, g_strdup ("-y"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) y));
      g_ptr_array_add (argv, g_strdup ("-W"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) width));
      g_ptr_array_add (argv, g_strdup ("-H"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", (int) height));
      g_ptr_array_add (argv, g_strdup (path));
      g_ptr_array_add (argv, g_strdup ("-"));
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, &in_window, NULL, &status, NULL));
      box = heed_test_flatten (in_window);
      g_assert_cmpstr (box, ==, "Mr Tom Reid Flat 2, Eden House High Street Riverton RV1 1AA");
    }
}

/* A long letter runs to a second page with "Page 2 of 2" and a header saying whose it is. */
static void
test_two_pages (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_pages = 0;
  g_autofree char *path = draw_letter (fixture, "final-response", fixture->practice.own, FALSE,
                                       NULL, &n_pages);
  g_autofree char *page1 = NULL, *page2 = NULL, *flat2 = NULL;

  g_assert_cmpuint (n_pages, ==, 2);
  page1 = heed_test_pdf_text (path, 1);
  page2 = heed_test_pdf_text (path, 2);
  flat2 = heed_test_flatten (page2);
  assert_contains (page1, "Page 1 of 2");
  assert_contains (flat2, "Page 2 of 2");
  assert_contains (flat2, "Mrs Ada Okafor · Our reference: C-2025-001 · 3 June 2025");
  /* The letterhead is on the first page only. */
  g_assert_null (strstr (page2, "14 Mill Lane"));
}

static void
test_large_print (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *const *ids = heed_letter_template_get_builtin_ids ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      guint normal = 0, large = 0;
      g_autofree char *a = draw_letter (fixture, ids[t], fixture->practice.own, FALSE, NULL,
                                        &normal);
      g_autofree char *b = draw_letter (fixture, ids[t], fixture->practice.own, TRUE, NULL,
                                        &large);
      g_autofree char *raw = heed_test_pdf_text (b, 0);
      g_autofree char *text = heed_test_flatten (raw);

      g_assert_cmpuint (large, >=, normal);
      /* The longer letters run to more pages. */
      if (strcmp (ids[t], "acknowledgement") == 0 || strcmp (ids[t], "final-response") == 0)
        g_assert_cmpuint (large, >, normal);
      assert_contains (text, "Riverside Medical Centre");
    }
}

static cairo_status_t
collect_png (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A stored logo is drawn; a broken one is left out rather than stopping the letter. */
static void
test_logo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a png", 9);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 60);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *without = NULL, *with = NULL, *broken = NULL;
  g_autofree char *without_data = NULL, *with_data = NULL;
  gsize without_length = 0, with_length = 0;

  without = draw_letter (fixture, "holding", fixture->practice.own, FALSE, NULL, NULL);
  g_assert_true (g_file_get_contents (without, &without_data, &without_length, NULL));

  cairo_set_source_rgb (cr, 0.1, 0.5, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, collect_png, png);
  cairo_surface_destroy (surface);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  g_assert_true (heed_store_insert_setting_blob (fixture->store, "logo", "image/png", bytes,
                                                 &error));
  g_assert_no_error (error);
  with = draw_letter (fixture, "holding", fixture->practice.representative, FALSE, NULL, NULL);
  g_assert_true (g_file_get_contents (with, &with_data, &with_length, NULL));
  g_assert_false (heed_test_bytes_contain (without_data, without_length, "/Subtype /Image"));
  g_assert_true (heed_test_bytes_contain (with_data, with_length, "/Subtype /Image"));

  g_assert_true (heed_store_insert_setting_blob (fixture->store, "logo", "image/png", junk,
                                                 &error));
  broken = draw_letter (fixture, "holding", fixture->practice.late, FALSE, NULL, NULL);
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
}

/* The right Ombudsman for the practice's nation, with full contact details, in the PDF. */
static void
test_ombudsman_per_nation (void)
{
  static const struct {
    HeedNation  nation;
    const char *details[4];
  } nations[] = {
    { HEED_NATION_ENGLAND, { "Parliamentary and Health Service Ombudsman", "SW1P 4QP",
                             "0345 015 4033", "www.ombudsman.org.uk" } },
    { HEED_NATION_WALES, { "Public Services Ombudsman for Wales", "CF35 5LJ", "0300 790 0203",
                           "www.ombudsman.wales" } },
    { HEED_NATION_SCOTLAND, { "Scottish Public Services Ombudsman", "EH7 4NS", "0800 377 7330",
                              "www.spso.org.uk" } },
    { HEED_NATION_NORTHERN_IRELAND, { "Northern Ireland Public Services Ombudsman", "BT1 6HN",
                                      "0800 34 34 24", "www.nipso.org.uk" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nations); i++)
    {
      Fixture fixture = { 0 };
      g_autofree char *path = NULL, *raw = NULL, *text = NULL;

      fixture_set_up (&fixture, GINT_TO_POINTER (nations[i].nation));
      path = draw_letter (&fixture, "final-response", fixture.practice.representative, FALSE,
                          NULL, NULL);
      raw = heed_test_pdf_text (path, 0);
      text = heed_test_flatten (raw);
      for (guint d = 0; d < G_N_ELEMENTS (nations[i].details); d++)
        assert_contains (text, nations[i].details[d]);
      fixture_tear_down (&fixture, NULL);
    }
}

/* Ink in a rectangle of an image, in page points at the image's scale. */
static guint
count_ink (cairo_surface_t *image,
           double           scale,
           double           x,
           double           y,
           double           width,
           double           height)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint count = 0;

  for (int row = (int) (y * scale); row < (int) ((y + height) * scale); row++)
    for (int col = (int) (x * scale); col < (int) ((x + width) * scale); col++)
      {
        guint32 pixel = *(const guint32 *) (data + row * stride + col * 4);

        if ((pixel & 0xff) < 0xe0)
          count++;
      }
  return count;
}

/* The preview: a page drawn on an image at half size has the address in the window and
 * nothing where the envelope would hide it between the window and the body. */
static void
test_preview_on_image (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = heed_letter_template_load (fixture->store, "holding",
                                                                      &error);
  g_autoptr(HeedMergedLetter) letter = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "preview.png", NULL);
  cairo_surface_t *image;
  cairo_t *cr;
  double width, height, x, y, w, h;
  const double scale = 0.5;

  letter = heed_merged_letter_new (fixture->store, template, fixture->practice.own, NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  flow = heed_letter_layout_new (letter, FALSE);
  g_assert_cmpuint (heed_page_flow_get_n_pages (flow), ==, 1);
  heed_page_flow_get_page_size (flow, &width, &height);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale),
                                      (int) (height * scale));
  cr = cairo_create (image);
  cairo_scale (cr, scale, scale);
  heed_page_flow_draw_page (flow, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  heed_letter_layout_get_window (&x, &y, &w, &h);
  g_assert_cmpuint (count_ink (image, scale, x, y, w, h), >, 100);
  /* The band below the window, above "Dear …". */
  g_assert_cmpuint (count_ink (image, scale, 0, y + h + 2, width, 20), ==, 0);
  g_assert_cmpint (cairo_surface_write_to_png (image, png), ==, CAIRO_STATUS_SUCCESS);
  heed_test_keep_output (png, "preview.png");
  cairo_surface_destroy (image);
}

/* A practice in Wales answers in Welsh: every built-in letter has a Welsh version, and
 * everything Heed writes into it (the date, the Ombudsman, the page numbers) is Welsh too. */
static void
test_welsh (Fixture       *fixture,
            gconstpointer  data)
{
  const char *const *ids = heed_letter_template_get_builtin_ids ();

  for (guint t = 0; ids[t] != NULL; t++)
    {
      g_autoptr(HeedLetterTemplate) welsh = NULL;
      g_autoptr(GError) error = NULL;
      guint n_pages = 0;
      gint64 case_id = strcmp (ids[t], "compliment-thanks") == 0
                       ? fixture->practice.compliment : fixture->practice.own;
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;

      welsh = heed_letter_template_new_builtin_in (ids[t], HEED_LANGUAGE_WELSH, &error);
      g_assert_no_error (error);
      g_assert_cmpint (heed_letter_template_get_language (welsh), ==, HEED_LANGUAGE_WELSH);
      g_assert_cmpstr (heed_letter_template_get_id (welsh), ==, ids[t]);

      path = draw_letter_in (fixture, ids[t], HEED_LANGUAGE_WELSH, case_id, FALSE, NULL,
                             &n_pages);
      raw = heed_test_pdf_text (path, 0);
      text = heed_test_flatten (raw);
      assert_contains (text, "Riverside Medical Centre");
      g_assert_null (strstr (text, "Dear "));
      g_assert_null (strstr (text, "Yours sincerely"));
      if (strcmp (ids[t], "you-said-we-did") != 0)
        assert_contains (text, "3 Mehefin 2025");
      if (strcmp (ids[t], "final-response") == 0)
        {
          assert_contains (text, "Ombwdsmon Gwasanaethau Cyhoeddus Cymru");
          g_assert_null (strstr (text, "Public Services Ombudsman for Wales"));
        }
      if (n_pages > 1)
        assert_contains (text, "Tudalen 2 o ");
    }
}

/* A complaint received on @received by a new complainant, with @extra fields as pairs. */
static gint64
add_complaint (HeedStore  *store,
               const char *received,
               const char *care)
{
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autofree char *person_id = NULL;
  g_autofree char *received_at = g_strdup_printf ("%sT09:30:00", received);

  heed_test_set (person, "first-name", "Sam", "last-name", "Pryce", "house", "4",
                 "street", "Quay Street", "town", "Riverton", "postcode", "RV5 1QS", NULL);
  person_id = heed_test_id (heed_test_save (store, person));
  heed_test_set (kase, "channel", "letter", "received-at", received_at,
                 "summary", "The surgery was closed when my appointment was due",
                 "complainant", person_id, "update-arrangements", "a letter every fortnight",
                 NULL);
  if (care != NULL)
    heed_test_set (kase, "care", care, NULL);
  return heed_test_save (store, kase);
}

/* The acknowledgement promises what the procedure in force on the day the complaint arrived
 * says: Wales changed on 1 April 2026, Northern Ireland on 1 January 2026. */
static void
test_procedure_change_dates (void)
{
  static const struct {
    HeedNation   nation;
    const char  *received;
    const char  *says[3];
    const char  *never[2];
  } cases[] = {
    /* Tuesday 31 March 2026: Putting Things Right, 30 working days (Good Friday 3 April,
     * Easter Monday 6 April and the early May bank holiday 4 May not counted). */
    { HEED_NATION_WALES, "2026-03-31",
      { "Under Putting Things Right, we aim to send you our full response within 30 working "
        "days, by 15 May 2026", NULL },
      { "Listening to People", "listening discussion" } },
    /* Wednesday 1 April 2026: Listening to People, a listening discussion offered. */
    { HEED_NATION_WALES, "2026-04-01",
      { "Under Listening to People, we aim to send you our full response within 30 working "
        "days, by 18 May 2026", "we will first try to resolve your concern early",
        "listening discussion" },
      { "Putting Things Right", NULL } },
    /* Wednesday 31 December 2025: the HSC complaints procedure, 10 working days. */
    { HEED_NATION_NORTHERN_IRELAND, "2025-12-31",
      { "Under the HSC complaints procedure, we aim to send you our full response within 10 "
        "working days, by 15 January 2026", NULL },
      { "within 5 working days", NULL } },
    /* Thursday 1 January 2026 (a bank holiday): stage 1 of the model procedure, 5 days. */
    { HEED_NATION_NORTHERN_IRELAND, "2026-01-01",
      { "We aim to resolve your complaint quickly, within 5 working days, by 8 January 2026",
        "within 20 working days", NULL },
      { "within 10 working days", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture = { 0 };
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      gint64 id;

      fixture_set_up (&fixture, GINT_TO_POINTER (cases[i].nation));
      id = add_complaint (fixture.store, cases[i].received, NULL);
      path = draw_letter (&fixture, "acknowledgement", id, FALSE, NULL, NULL);
      raw = heed_test_pdf_text (path, 0);
      text = heed_test_flatten (raw);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].says) && cases[i].says[j] != NULL; j++)
        assert_contains (text, cases[i].says[j]);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].never) && cases[i].never[j] != NULL; j++)
        if (strstr (text, cases[i].never[j]) != NULL)
          g_error ("%s, received %s: “%s” should not be in\n%s",
                   heed_nation_to_id (cases[i].nation), cases[i].received, cases[i].never[j],
                   text);
      fixture_tear_down (&fixture, NULL);
    }
}

/* Private care does not go to the Ombudsman: a private dental patient's final response names
 * the Dental Complaints Service instead, and a private GP patient's ISCAS; NHS care still names
 * the Ombudsman.  Northern Ireland's letters say HSC, not NHS. */
static void
test_private_care_route (void)
{
  static const struct {
    HeedNation  nation;
    const char *type;
    const char *care;
    const char *names;
    const char *not_named;
    gboolean    iscas_member;
  } cases[] = {
    { HEED_NATION_ENGLAND, "dental", "private", "Dental Complaints Service",
      "Parliamentary and Health Service Ombudsman" },
    { HEED_NATION_WALES, "dental", "private", "Dental Complaints Service",
      "Public Services Ombudsman for Wales" },
    { HEED_NATION_ENGLAND, "gp", "private", "Independent Sector Complaints Adjudication",
      "Parliamentary and Health Service Ombudsman", TRUE },
    /* A GP practice outside ISCAS: no one reviews a private complaint independently. */
    { HEED_NATION_ENGLAND, "gp", "private", "Citizens Advice",
      "Independent Sector Complaints Adjudication" },
    { HEED_NATION_ENGLAND, "dental", "nhs", "Parliamentary and Health Service Ombudsman",
      "Dental Complaints Service" },
    { HEED_NATION_NORTHERN_IRELAND, "gp", "nhs", "independent of the HSC",
      "independent of the NHS" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      gint64 id;

      fixture_set_up (&fixture, GINT_TO_POINTER (cases[i].nation));
      g_assert_true (heed_store_set_setting (fixture.store, "practice-type", cases[i].type,
                                             &error));
      g_assert_no_error (error);
      if (cases[i].iscas_member)
        {
          g_assert_true (heed_store_set_setting (fixture.store, "iscas-member", "true", &error));
          g_assert_no_error (error);
        }
      id = add_complaint (fixture.store, "2025-05-12", cases[i].care);
      path = draw_letter (&fixture, "final-response", id, FALSE, NULL, NULL);
      raw = heed_test_pdf_text (path, 0);
      text = heed_test_flatten (raw);
      assert_contains (text, cases[i].names);
      if (strstr (text, cases[i].not_named) != NULL)
        g_error ("case %u: “%s” should not be in\n%s", i, cases[i].not_named, text);
      if (g_strcmp0 (cases[i].care, "private") == 0)
        {
          static const char *const letters[] = {
            "final-response", "acknowledgement", "holding", "consent-request",
          };

          g_assert_null (strstr (text, "Ombudsman ("));
          assert_contains (text, "does not go to the Ombudsman");
          /* The NHS advocacy services (councils' NHS Complaints Advocacy, Llais in Wales) are
           * for NHS care: no letter about private care sends the person to them. */
          for (guint l = 0; l < G_N_ELEMENTS (letters); l++)
            {
              g_autofree char *letter_path = draw_letter (&fixture, letters[l], id, FALSE,
                                                          NULL, NULL);
              g_autofree char *letter_raw = heed_test_pdf_text (letter_path, 0);
              g_autofree char *letter_text = heed_test_flatten (letter_raw);

              if (strstr (letter_text, "Complaints Advocacy") != NULL
                  || strstr (letter_text, "Llais") != NULL)
                g_error ("case %u: the %s letter names NHS advocacy:\n%s", i, letters[l],
                         letter_text);
            }
        }
      else if (cases[i].nation == HEED_NATION_ENGLAND)
        assert_contains (text, "Complaints Advocacy");
      if (strcmp (cases[i].names, "Dental Complaints Service") == 0)
        {
          assert_contains (text, "Stephenson House");
          assert_contains (text, "020 8253 0800");
          assert_contains (text, "dentalcomplaints.org.uk");
        }
      fixture_tear_down (&fixture, NULL);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/render/letter/on-a-server"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/render/letter/" path, Fixture, GINT_TO_POINTER (HEED_NATION_ENGLAND), \
              fixture_set_up, func, fixture_tear_down)
  ADD ("every-builtin", test_every_builtin);
  ADD ("dates-and-findings", test_received_date_and_findings);
  ADD ("address-in-window", test_address_in_window);
  ADD ("two-pages", test_two_pages);
  ADD ("large-print", test_large_print);
  ADD ("logo", test_logo);
  ADD ("preview-on-image", test_preview_on_image);
#undef ADD
  g_test_add_func ("/render/letter/ombudsman-per-nation", test_ombudsman_per_nation);
  g_test_add ("/render/letter/welsh", Fixture, GINT_TO_POINTER (HEED_NATION_WALES),
              fixture_set_up, test_welsh, fixture_tear_down);
  g_test_add_func ("/render/letter/procedure-change-dates", test_procedure_change_dates);
  g_test_add_func ("/render/letter/private-care-route", test_private_care_route);

  return g_test_run ();
}
