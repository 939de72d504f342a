/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One libFuzzer target per parser of typed values (heed-validate.h), chosen at build time with
 * -DHEED_FUZZ_VALUE="date" and the like. Beyond not crashing, each checks what the header
 * promises: a failure sets an error and no result; a success gives a normalised form that
 * parses again to the same value. */

#include <glib.h>
#include <string.h>

#include "heed-fuzz.h"
#include "heed-validate.h"

#ifndef HEED_FUZZ_VALUE
#error "Build with -DHEED_FUZZ_VALUE=\"date\" (or nhs-number, postcode, phone, email, money)"
#endif

typedef gboolean (*TextParser) (const char *text, char **normalised, GError **error);

static void
check_failure (gboolean      ok,
               const GError *error)
{
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HEED_VALUE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
fuzz_text (TextParser  parse,
           const char *text)
{
  static char not_set[] = "not set";
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *again = NULL;
  char *result = not_set;
  gboolean ok;

  ok = parse (text, &result, &error);
  /* Set either way: the normalised form, or NULL on failure. */
  g_assert_true (result != not_set);
  normalised = result;
  if (!ok)
    {
      check_failure (ok, error);
      g_assert_null (normalised);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (normalised);
  g_assert_true (g_utf8_validate (normalised, -1, NULL));
  g_assert_cmpuint (strlen (normalised), <=, HEED_VALUE_MAX_LENGTH);

  /* The normalised form is what gets stored and shown; it must read back as itself. */
  g_assert_true (parse (normalised, &again, &again_error));
  g_assert_no_error (again_error);
  g_assert_cmpstr (again, ==, normalised);

  /* Checking only must agree with parsing. */
  g_assert_true (parse (text, NULL, NULL));
}

static void
fuzz_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *long_form = NULL;
  GDate date, again;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2000);  /* must be cleared on failure */
  if (!heed_parse_date (text, &date, &error))
    {
      check_failure (FALSE, error);
      g_assert_false (g_date_valid (&date));
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), >=, 1900);
  g_assert_cmpint (g_date_get_year (&date), <=, 2200);

  iso = heed_format_date_iso (&date);
  g_assert_true (heed_date_from_iso (iso, &again));
  g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
  long_form = heed_format_date_long (&date);
  g_assert_true (heed_parse_date (long_form, &again, NULL));
  g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
  g_assert_true (heed_parse_date (iso, &again, NULL));
  g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
}

static void
fuzz_iso_date (const char *text)
{
  GDate date;
  g_autofree char *iso = NULL;

  if (!heed_date_from_iso (text, &date))
    {
      g_assert_false (g_date_valid (&date));
      return;
    }
  /* Exactly YYYY-MM-DD, so writing it out again gives the same text. */
  iso = heed_format_date_iso (&date);
  g_assert_cmpstr (iso, ==, text);
}

static void
fuzz_money (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 pence = -1, again = -1;

  if (!heed_parse_money (text, &pence, &error))
    {
      check_failure (FALSE, error);
      g_assert_cmpint (pence, ==, 0);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (pence, >=, 0);
  g_assert_cmpint (pence, <=, (gint64) 10000000 * 100);
  shown = heed_format_money (pence);
  g_assert_true (heed_parse_money (shown, &again, NULL));
  g_assert_cmpint (again, ==, pence);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const value = HEED_FUZZ_VALUE;
  /* What a C caller can pass: the bytes up to the first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  if (strcmp (value, "date") == 0)
    {
      fuzz_date (text);
      fuzz_iso_date (text);
    }
  else if (strcmp (value, "money") == 0)
    fuzz_money (text);
  else if (strcmp (value, "nhs-number") == 0)
    fuzz_text (heed_parse_nhs_number, text);
  else if (strcmp (value, "postcode") == 0)
    fuzz_text (heed_parse_postcode, text);
  else if (strcmp (value, "phone") == 0)
    fuzz_text (heed_parse_phone, text);
  else if (strcmp (value, "email") == 0)
    fuzz_text (heed_parse_email, text);
  else
    g_error ("No fuzz target for “%s”", value);
  return 0;
}
