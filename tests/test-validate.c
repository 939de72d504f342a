/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>
#include <string.h>

#include "heed-validate.h"

typedef gboolean (*TextParser) (const char *text, char **normalised, GError **error);

typedef struct {
  const char *input;
  const char *expected;
} GoodText;

typedef struct {
  const char *input;
  gint64 pence;
} GoodMoney;

typedef struct {
  const char     *input;
  HeedValueError  code;
  const char     *message;   /* the exact message, or after a leading '*', a part of it */
} Bad;

/* Messages shared by the parsers */
#define UNREADABLE "Some of what was typed could not be read. Please type it again."

static char *
describe (const char *input)
{
  return input != NULL ? g_strescape (input, NULL) : g_strdup ("(null)");
}

static void
check_message (const GError *error,
               const Bad    *bad)
{
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_true (g_str_has_suffix (error->message, "."));
  if (bad->message[0] == '*')
    g_assert_nonnull (strstr (error->message, bad->message + 1));
  else
    g_assert_cmpstr (error->message, ==, bad->message);
}

static void
check_good_text (TextParser      parse,
                 const GoodText *cases,
                 gsize           n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *shown = describe (cases[i].input);
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      g_autofree char *again = NULL;

      g_test_message ("good: '%s'", shown);
      g_assert_true (parse (cases[i].input, &normalised, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, cases[i].expected);

      /* The normalised form is itself good, and stays as it is. */
      g_assert_true (parse (normalised, &again, NULL));
      g_assert_cmpstr (again, ==, normalised);

      /* Checking only */
      g_assert_true (parse (cases[i].input, NULL, NULL));
    }
}

static void
check_bad_text (TextParser  parse,
                const Bad  *cases,
                gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *shown = describe (cases[i].input);
      g_autoptr(GError) error = NULL;
      char *normalised = (char *) "untouched";

      g_test_message ("bad: '%s'", shown);
      g_assert_false (parse (cases[i].input, &normalised, &error));
      g_assert_null (normalised);
      g_assert_error (error, HEED_VALUE_ERROR, (int) cases[i].code);
      check_message (error, &cases[i]);

      g_assert_false (parse (cases[i].input, NULL, NULL));
    }
}

/* NHS numbers */

#define NHS_DIGITS "An NHS number has only digits and spaces."
#define NHS_CHECK "This is not a valid NHS number: the last digit does not match the others. " \
                  "Check it for a typing mistake."

static const GoodText nhs_good[] = {
  { "943 476 5919", "943 476 5919" },
  { "9434765919", "943 476 5919" },
  { "943-476-5919", "943 476 5919" },
  { "  943 476 5919  ", "943 476 5919" },
  { "\t943 476 5919\n", "943 476 5919" },
  { "94 34 76 59 19", "943 476 5919" },
  { "943\xc2\xa0" "476\xc2\xa0" "5919", "943 476 5919" },    /* non-breaking spaces */
  { "401 023 2137", "401 023 2137" },
  { "4010232137", "401 023 2137" },
  { "450 557 7104", "450 557 7104" },
  { "485 777 3457", "485 777 3457" },
  { "640-157-6103", "640 157 6103" },
  { "738 217 4611", "738 217 4611" },
  { "987 654 3210", "987 654 3210" },
  { "010 101 0001", "010 101 0001" },
  { "600 000 0006", "600 000 0006" },
};

static const Bad nhs_bad[] = {
  { "943 476 591", HEED_VALUE_ERROR_INVALID, "An NHS number has 10 digits; this has 9." },
  { "943 476 59199", HEED_VALUE_ERROR_INVALID, "An NHS number has 10 digits; this has 11." },
  { "9", HEED_VALUE_ERROR_INVALID, "An NHS number has 10 digits; this has 1." },
  { "- -", HEED_VALUE_ERROR_INVALID, "An NHS number has 10 digits; this has none." },
  { "943 476 5918", HEED_VALUE_ERROR_INVALID, NHS_CHECK },
  { "943 476 9519", HEED_VALUE_ERROR_INVALID, NHS_CHECK },   /* two digits swapped */
  { "401 023 2138", HEED_VALUE_ERROR_INVALID, NHS_CHECK },
  { "123 456 7890", HEED_VALUE_ERROR_INVALID, NHS_CHECK },   /* check digit would be 10 */
  { "999 000 0000", HEED_VALUE_ERROR_INVALID, NHS_CHECK },
  { "000 000 0000", HEED_VALUE_ERROR_INVALID,
    "This is not a real NHS number: all its digits are the same." },
  { "1111111111", HEED_VALUE_ERROR_INVALID,
    "This is not a real NHS number: all its digits are the same." },
  { "943.476.5919", HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  { "NHS 943 476 5919", HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  { "943 476\n5919", HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  { "943 476 5919\x01", HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  { "O43 476 5919", HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  /* Fullwidth and Arabic-Indic digits */
  { "\xef\xbc\x99\xef\xbc\x94\xef\xbc\x93\xef\xbc\x94\xef\xbc\x97"
    "\xef\xbc\x96\xef\xbc\x95\xef\xbc\x99\xef\xbc\x91\xef\xbc\x99",
    HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  { "\xd9\xa9\xd9\xa4\xd9\xa3\xd9\xa4\xd9\xa7\xd9\xa6\xd9\xa5\xd9\xa9\xd9\xa1\xd9\xa9",
    HEED_VALUE_ERROR_INVALID, NHS_DIGITS },
  { "\xff\xfe\xfd", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "943 476 591\xc3", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "", HEED_VALUE_ERROR_EMPTY, "Enter the NHS number." },
  { "     ", HEED_VALUE_ERROR_EMPTY, "Enter the NHS number." },
  { " \t\n\xc2\xa0 ", HEED_VALUE_ERROR_EMPTY, "Enter the NHS number." },
  { NULL, HEED_VALUE_ERROR_EMPTY, "Enter the NHS number." },
};

static void
test_nhs_good (void)
{
  check_good_text (heed_parse_nhs_number, nhs_good, G_N_ELEMENTS (nhs_good));
}

static void
test_nhs_bad (void)
{
  check_bad_text (heed_parse_nhs_number, nhs_bad, G_N_ELEMENTS (nhs_bad));
}

/* Worked out here independently of the code under test. */
static int
nhs_check_digit (const int *digits)
{
  int sum = 0;
  int check;

  for (int i = 0; i < 9; i++)
    sum += digits[i] * (10 - i);
  check = 11 - sum % 11;
  return check == 11 ? 0 : check;
}

static char *
nhs_text (const int *digits)
{
  return g_strdup_printf ("%d%d%d%d%d%d%d%d%d%d", digits[0], digits[1], digits[2], digits[3],
                          digits[4], digits[5], digits[6], digits[7], digits[8], digits[9]);
}

/* The check digit catches every mistyped digit and every swap of two neighbours. */
static void
test_nhs_check_digit (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250603);
  guint n_valid = 0;

  for (int round = 0; round < 2000; round++)
    {
      int digits[10];
      gboolean all_same = TRUE;
      g_autofree char *text = NULL;

      for (int i = 0; i < 9; i++)
        digits[i] = g_rand_int_range (rand, 0, 10);
      digits[9] = nhs_check_digit (digits);
      for (int i = 1; i < 9; i++)
        all_same = all_same && digits[i] == digits[0];

      text = nhs_text (digits);
      if (digits[9] == 10)
        {
          for (int last = 0; last < 10; last++)
            {
              g_autofree char *wrong = NULL;

              digits[9] = last;
              wrong = nhs_text (digits);
              g_assert_false (heed_parse_nhs_number (wrong, NULL, NULL));
            }
          continue;
        }
      if (all_same)
        continue;

      g_assert_true (heed_parse_nhs_number (text, NULL, NULL));
      n_valid++;

      for (int i = 0; i < 10; i++)
        {
          for (int d = 0; d < 10; d++)
            {
              g_autofree char *typo = NULL;

              if (d == digits[i])
                continue;
              typo = g_strdup (text);
              typo[i] = '0' + d;
              g_assert_false (heed_parse_nhs_number (typo, NULL, NULL));
            }
          if (i < 9 && text[i] != text[i + 1])
            {
              g_autofree char *swapped = g_strdup (text);

              swapped[i] = text[i + 1];
              swapped[i + 1] = text[i];
              g_assert_false (heed_parse_nhs_number (swapped, NULL, NULL));
            }
        }
    }
  g_assert_cmpuint (n_valid, >, 1500);
}

/* Postcodes */

#define POSTCODE_CHARS "A postcode has only letters and numbers."
#define POSTCODE_START "A postcode starts with one or two letters and then a number, " \
                       "like M1, B33 or SW1A."
#define POSTCODE_END "A postcode ends with a number and two letters, like 1AA."
#define POSTCODE_LAST "The last two letters of a postcode cannot be C, I, K, M, O or V."

static const GoodText postcode_good[] = {
  { "SW1A 1AA", "SW1A 1AA" },
  { "sw1a1aa", "SW1A 1AA" },
  { "  m1 1ae ", "M1 1AE" },
  { "B33 8TH", "B33 8TH" },
  { "cr26xh", "CR2 6XH" },
  { "DN55 1PT", "DN55 1PT" },
  { "W1A 0AX", "W1A 0AX" },
  { "EC1A 1BB", "EC1A 1BB" },
  { "ls1  4ap", "LS1 4AP" },
  { "N1 9GU", "N1 9GU" },
  { "BT1 5GS", "BT1 5GS" },
  { "SW1A\xc2\xa0" "1AA", "SW1A 1AA" },
  { "SW1A 1AA\n", "SW1A 1AA" },
  { "S W 1 A 1 A A", "SW1A 1AA" },
  { "gir 0aa", "GIR 0AA" },
  { "E1W 1YY", "E1W 1YY" },
  { "NW1P 1AB", "NW1P 1AB" },
};

static const Bad postcode_bad[] = {
  { "SW1A-1AA", HEED_VALUE_ERROR_INVALID, POSTCODE_CHARS },
  { "SW1A\n1AA", HEED_VALUE_ERROR_INVALID, POSTCODE_CHARS },
  { "SW1\xc3\x84 1AA", HEED_VALUE_ERROR_INVALID, POSTCODE_CHARS },
  { "\xef\xbc\xb3\xef\xbc\xb7\xef\xbc\x91\xef\xbc\xa1 \xef\xbc\x91\xef\xbc\xa1\xef\xbc\xa1",
    HEED_VALUE_ERROR_INVALID, POSTCODE_CHARS },
  { "SW1A", HEED_VALUE_ERROR_INVALID,
    "This postcode is too short. A full postcode looks like SW1A 1AA." },
  { "SW1A 1AAA", HEED_VALUE_ERROR_INVALID,
    "This postcode is too long. A full postcode looks like SW1A 1AA." },
  { "SW1A AAA", HEED_VALUE_ERROR_INVALID, POSTCODE_END },
  { "SW1A 1A1", HEED_VALUE_ERROR_INVALID, POSTCODE_END },
  { "SW1A 1AC", HEED_VALUE_ERROR_INVALID, POSTCODE_LAST },
  { "M1 1IA", HEED_VALUE_ERROR_INVALID, POSTCODE_LAST },
  { "1SW 1AA", HEED_VALUE_ERROR_INVALID, POSTCODE_START },
  { "SWAA 1AA", HEED_VALUE_ERROR_INVALID, POSTCODE_START },
  { "S1234", HEED_VALUE_ERROR_INVALID, POSTCODE_END },
  { "S1A2 3AA", HEED_VALUE_ERROR_INVALID, POSTCODE_START },
  { "Q1 1AA", HEED_VALUE_ERROR_INVALID, "A postcode cannot start with Q, V or X." },
  { "XA1 1AA", HEED_VALUE_ERROR_INVALID, "A postcode cannot start with Q, V or X." },
  { "AI1 1AA", HEED_VALUE_ERROR_INVALID,
    "The second letter of a postcode cannot be I, J or Z." },
  { "AZ1A 1AA", HEED_VALUE_ERROR_INVALID,
    "The second letter of a postcode cannot be I, J or Z." },
  { "W1I 1AA", HEED_VALUE_ERROR_INVALID,
    "The first half of a postcode cannot end with the letter I." },
  { "EC1C 1AA", HEED_VALUE_ERROR_INVALID,
    "The first half of a postcode cannot end with the letter C." },
  { "\xc0\xaf", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "", HEED_VALUE_ERROR_EMPTY, "Enter the postcode." },
  { "   ", HEED_VALUE_ERROR_EMPTY, "Enter the postcode." },
};

static void
test_postcode_good (void)
{
  check_good_text (heed_parse_postcode, postcode_good, G_N_ELEMENTS (postcode_good));
}

static void
test_postcode_bad (void)
{
  check_bad_text (heed_parse_postcode, postcode_bad, G_N_ELEMENTS (postcode_bad));
}

/* Email addresses */

#define EMAIL_BEFORE_DOTS "The part before the @ cannot start or end with a dot, " \
                          "or have two dots together."
#define EMAIL_AFTER_DOTS "The part after the @ cannot start or end with a dot, " \
                         "or have two dots together."
#define EMAIL_ENDING "An email address ends with something like .com or .co.uk."
#define EMAIL_HIDDEN "This email address has a hidden or unusual character in it. " \
                     "Please type it again."
#define EMAIL_HYPHEN "The part after the @ cannot have a hyphen at either end or next to a dot."
#define SIXTY_FIVE "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

static const GoodText email_good[] = {
  { "name@example.com", "name@example.com" },
  { "  Jo.Bloggs@NHS.net ", "Jo.Bloggs@nhs.net" },
  { "a@b.co", "a@b.co" },
  { "first.last+tag@Example.Co.UK", "first.last+tag@example.co.uk" },
  { "o'brien@example.org", "o'brien@example.org" },
  { "user_name-1@sub.domain-name.org", "user_name-1@sub.domain-name.org" },
  { "practice.manager@nhs.net\n", "practice.manager@nhs.net" },
  { "1234@123.com", "1234@123.com" },
  { "a!#$%&*/=?^`{|}~@example.com", "a!#$%&*/=?^`{|}~@example.com" },
  { "name@xn--80ak6aa92e.com", "name@xn--80ak6aa92e.com" },
  { "name@example.xn--p1ai", "name@example.xn--p1ai" },
};

static const Bad email_bad[] = {
  { "name.example.com", HEED_VALUE_ERROR_INVALID,
    "An email address has an @ in it, like name@example.com." },
  { "name@@example.com", HEED_VALUE_ERROR_INVALID, "An email address has only one @." },
  { "name@exa@mple.com", HEED_VALUE_ERROR_INVALID, "An email address has only one @." },
  { "@example.com", HEED_VALUE_ERROR_INVALID, "Something is missing before the @." },
  { "name@", HEED_VALUE_ERROR_INVALID, "Something is missing after the @." },
  { "name @example.com", HEED_VALUE_ERROR_INVALID, "An email address cannot have spaces in it." },
  { "name@example", HEED_VALUE_ERROR_INVALID,
    "The part after the @ needs a dot in it, like example.com." },
  { "name@example.c", HEED_VALUE_ERROR_INVALID, EMAIL_ENDING },
  { "name@192.168.0.1", HEED_VALUE_ERROR_INVALID, EMAIL_ENDING },
  { ".name@example.com", HEED_VALUE_ERROR_INVALID, EMAIL_BEFORE_DOTS },
  { "na..me@example.com", HEED_VALUE_ERROR_INVALID, EMAIL_BEFORE_DOTS },
  { "name.@example.com", HEED_VALUE_ERROR_INVALID, EMAIL_BEFORE_DOTS },
  { "name@.example.com", HEED_VALUE_ERROR_INVALID, EMAIL_AFTER_DOTS },
  { "name@example..com", HEED_VALUE_ERROR_INVALID, EMAIL_AFTER_DOTS },
  { "name@example.com.", HEED_VALUE_ERROR_INVALID, EMAIL_AFTER_DOTS },
  { "name@-example.com", HEED_VALUE_ERROR_INVALID, EMAIL_HYPHEN },
  { "name@example-.com", HEED_VALUE_ERROR_INVALID, EMAIL_HYPHEN },
  { "name@exam_ple.com", HEED_VALUE_ERROR_INVALID, "An email address cannot have “_” in it." },
  { "na,me@example.com", HEED_VALUE_ERROR_INVALID, "An email address cannot have “,” in it." },
  { "nam\xc3\xa9@example.com", HEED_VALUE_ERROR_INVALID,
    "An email address cannot have “\xc3\xa9” in it." },
  { "name@ex\xef\xbc\xa1mple.com", HEED_VALUE_ERROR_INVALID,
    "An email address cannot have “\xef\xbc\xa1” in it." },
  { "name\n@example.com", HEED_VALUE_ERROR_INVALID, EMAIL_HIDDEN },
  { "name@exa\x01mple.com", HEED_VALUE_ERROR_INVALID, EMAIL_HIDDEN },
  { "name\xe2\x80\x8b@example.com", HEED_VALUE_ERROR_INVALID, EMAIL_HIDDEN },  /* zero width */
  { SIXTY_FIVE "@example.com", HEED_VALUE_ERROR_INVALID, "The part before the @ is too long." },
  { "name@" SIXTY_FIVE ".com", HEED_VALUE_ERROR_INVALID, "The part after the @ is too long." },
  { "\xff@example.com", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "", HEED_VALUE_ERROR_EMPTY, "Enter the email address." },
  { "\n\n", HEED_VALUE_ERROR_EMPTY, "Enter the email address." },
};

static void
test_email_good (void)
{
  check_good_text (heed_parse_email, email_good, G_N_ELEMENTS (email_good));
}

static void
test_email_bad (void)
{
  check_bad_text (heed_parse_email, email_bad, G_N_ELEMENTS (email_bad));
}

/* Phone numbers */

#define PHONE_CHARS "A phone number can have only digits, spaces, hyphens and brackets."
#define PHONE_UK "Only UK phone numbers can be used here: they start with 0, or +44."
#define PHONE_START "Phone numbers here must start 01, 02, 03, 07 or 08."

static const GoodText phone_good[] = {
  { "020 7946 0000", "020 7946 0000" },
  { "02079460000", "020 7946 0000" },
  { "+44 20 7946 0000", "020 7946 0000" },
  { "+44 (0)20 7946 0000", "020 7946 0000" },
  { "0044 20 7946 0000", "020 7946 0000" },
  { "(020) 7946-0000", "020 7946 0000" },
  { "07700 900123", "07700 900123" },
  { "07700900123", "07700 900123" },
  { "+447700900123", "07700 900123" },
  { "0161 496 0000", "0161 496 0000" },
  { "01614960000", "0161 496 0000" },
  { "0113 496 0000", "0113 496 0000" },
  { "0131-496-0000", "0131 496 0000" },
  { "+44 (0) 113 496 0000", "0113 496 0000" },
  { "01632 960001", "01632 960001" },
  { "01632960001", "01632 960001" },
  { "0163296000", "01632 96000" },
  { "01697723456", "016977 23456" },
  { "0169772345", "016977 2345" },
  { "0300 123 4567", "0300 123 4567" },
  { "03001234567", "0300 123 4567" },
  { "0800 123 456", "0800 123 456" },
  { "08001234567", "0800 123 4567" },
  { "\t 020\xc2\xa0" "7946\xc2\xa0" "0000 \n", "020 7946 0000" },
};

static const Bad phone_bad[] = {
  { "020 7946 000", HEED_VALUE_ERROR_INVALID,
    "A UK phone number starting 02 has 11 digits; this has 10." },
  { "07700 90012", HEED_VALUE_ERROR_INVALID,
    "A UK phone number starting 07 has 11 digits; this has 10." },
  { "0161 496 00000", HEED_VALUE_ERROR_INVALID,
    "A UK phone number has 10 or 11 digits; this has 12." },
  { "0161 496", HEED_VALUE_ERROR_INVALID, "A UK phone number has 10 or 11 digits; this has 7." },
  { "+44 20 7946 00001", HEED_VALUE_ERROR_INVALID,
    "A UK phone number has 10 or 11 digits; this has 12." },
  { "()", HEED_VALUE_ERROR_INVALID, "A UK phone number has 10 or 11 digits; this has none." },
  { "496 0000", HEED_VALUE_ERROR_INVALID,
    "A UK phone number starts with 0. Include the area code, like 0161 or 020." },
  { "0900 123 4567", HEED_VALUE_ERROR_INVALID, PHONE_START },
  { "0500 123 456", HEED_VALUE_ERROR_INVALID, PHONE_START },
  { "+1 202 555 0123", HEED_VALUE_ERROR_INVALID, PHONE_UK },
  { "0033 1 23 45 67 89", HEED_VALUE_ERROR_INVALID, PHONE_UK },
  { "+", HEED_VALUE_ERROR_INVALID, PHONE_UK },
  { "020 7946 0000 ext 12", HEED_VALUE_ERROR_INVALID, PHONE_CHARS },
  { "020.7946.0000", HEED_VALUE_ERROR_INVALID, PHONE_CHARS },
  { "0207946000O", HEED_VALUE_ERROR_INVALID, PHONE_CHARS },
  { "020 7946\n0000", HEED_VALUE_ERROR_INVALID, PHONE_CHARS },
  { "020 7946+0000", HEED_VALUE_ERROR_INVALID, "A + can only go at the start of a phone number." },
  { "\xef\xbc\x90\xef\xbc\x92\xef\xbc\x90 \xef\xbc\x97\xef\xbc\x99\xef\xbc\x94\xef\xbc\x96",
    HEED_VALUE_ERROR_INVALID, PHONE_CHARS },
  { "\xd9\xa0\xd9\xa2\xd9\xa0\xd9\xa7\xd9\xa9\xd9\xa4\xd9\xa6\xd9\xa0\xd9\xa0\xd9\xa0\xd9\xa0",
    HEED_VALUE_ERROR_INVALID, PHONE_CHARS },
  { "\xed\xa0\x80", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "", HEED_VALUE_ERROR_EMPTY, "Enter the phone number." },
  { "\xc2\xa0", HEED_VALUE_ERROR_EMPTY, "Enter the phone number." },
};

static void
test_phone_good (void)
{
  check_good_text (heed_parse_phone, phone_good, G_N_ELEMENTS (phone_good));
}

static void
test_phone_bad (void)
{
  check_bad_text (heed_parse_phone, phone_bad, G_N_ELEMENTS (phone_bad));
}

/* Dates */

#define DATE_FORMAT "This is not a date Heed understands. Write it like 3/6/2025 or 3 June 2025."
#define DATE_YEAR "Write the year with all four digits, like 2025."
#define DATE_RANGE "The year must be between 1900 and 2200."
#define E_ACUTE_5 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
#define E_ACUTE_20 E_ACUTE_5 E_ACUTE_5 E_ACUTE_5 E_ACUTE_5
#define E_ACUTE_25 E_ACUTE_20 E_ACUTE_5

static const GoodText date_good[] = {
  { "2025-06-03", "2025-06-03" },
  { "3/6/2025", "2025-06-03" },
  { "03/06/2025", "2025-06-03" },
  { "3.6.2025", "2025-06-03" },
  { "3-6-2025", "2025-06-03" },
  { "3 / 6 / 2025", "2025-06-03" },
  { "2025/6/3", "2025-06-03" },
  { "3 June 2025", "2025-06-03" },
  { "3 Jun 2025", "2025-06-03" },
  { "03 JUNE 2025", "2025-06-03" },
  { "3rd June 2025", "2025-06-03" },
  { "June 3 2025", "2025-06-03" },
  { "June 3, 2025", "2025-06-03" },
  { "jun 3rd, 2025", "2025-06-03" },
  { "3-Jun-2025", "2025-06-03" },
  { "  3/6/2025 \n", "2025-06-03" },
  { "29/2/2024", "2024-02-29" },
  { "29 Feb 2000", "2000-02-29" },
  { "1/1/1900", "1900-01-01" },
  { "31/12/2200", "2200-12-31" },
  { "30 Sept 2025", "2025-09-30" },
  { "1 may 2025", "2025-05-01" },
  { "21st Dec. 2025", "2025-12-21" },
};

static const Bad date_bad[] = {
  { "31/02/2025", HEED_VALUE_ERROR_INVALID, "February 2025 has only 28 days." },
  { "29/2/2023", HEED_VALUE_ERROR_INVALID, "February 2023 has only 28 days." },
  { "29/2/1900", HEED_VALUE_ERROR_INVALID, "February 1900 has only 28 days." },
  { "30 February 2024", HEED_VALUE_ERROR_INVALID, "February 2024 has only 29 days." },
  { "31/4/2025", HEED_VALUE_ERROR_INVALID, "April 2025 has only 30 days." },
  { "32 Jan 2025", HEED_VALUE_ERROR_INVALID, "January 2025 has only 31 days." },
  { "3/6/25", HEED_VALUE_ERROR_INVALID, DATE_YEAR },
  { "3 June 25", HEED_VALUE_ERROR_INVALID, DATE_YEAR },
  { "3/6/202", HEED_VALUE_ERROR_INVALID, DATE_YEAR },
  { "3/13/2025", HEED_VALUE_ERROR_INVALID,
    "There is no month 13. Write the day first, like 3/6/2025 for 3 June." },
  { "2025-13-01", HEED_VALUE_ERROR_INVALID, "There is no month 13." },
  { "0/6/2025", HEED_VALUE_ERROR_INVALID, "There is no day 0 in a month." },
  { "3/6/1899", HEED_VALUE_ERROR_INVALID, DATE_RANGE },
  { "3/6/2201", HEED_VALUE_ERROR_INVALID, DATE_RANGE },
  { "0000-01-01", HEED_VALUE_ERROR_INVALID, DATE_RANGE },
  { "3 Juni 2025", HEED_VALUE_ERROR_INVALID,
    "“Juni” is not the name of a month. Write the date like 3 June 2025." },
  { "3 Ju 2025", HEED_VALUE_ERROR_INVALID, "*“Ju” is not the name of a month." },
  { "3 F\xc3\xa9vrier 2025", HEED_VALUE_ERROR_INVALID,
    "“F\xc3\xa9vrier” is not the name of a month. Write the date like 3 June 2025." },
  { "3 Juneteenth 2025", HEED_VALUE_ERROR_INVALID, "*“Juneteenth” is not" },
  /* Only the first twenty characters are shown */
  { "3 " E_ACUTE_25 " 2025", HEED_VALUE_ERROR_INVALID, "*“" E_ACUTE_20 "” is not" },
  { "3/6-2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "3 6 2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "3//6/2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "-3/6/2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "3/6/2025/", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "June 2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "yesterday", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "3/6/2025/1", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "20250603", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "3June2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "3/6\n/2025", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "\xd9\xa3/\xd9\xa6/\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa5", HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "\xef\xbc\x93/\xef\xbc\x96/\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95",
    HEED_VALUE_ERROR_INVALID, DATE_FORMAT },
  { "\xfe", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "", HEED_VALUE_ERROR_EMPTY, "Enter the date." },
  { " ", HEED_VALUE_ERROR_EMPTY, "Enter the date." },
};

static void
test_date_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (date_good); i++)
    {
      g_autofree char *shown = describe (date_good[i].input);
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      GDate date;

      g_test_message ("good: '%s'", shown);
      g_assert_true (heed_parse_date (date_good[i].input, &date, &error));
      g_assert_no_error (error);
      iso = heed_format_date_iso (&date);
      g_assert_cmpstr (iso, ==, date_good[i].expected);
      g_assert_true (heed_parse_date (date_good[i].input, NULL, NULL));
    }
}

static void
test_date_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (date_bad); i++)
    {
      g_autofree char *shown = describe (date_bad[i].input);
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("bad: '%s'", shown);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      g_assert_false (heed_parse_date (date_bad[i].input, &date, &error));
      g_assert_false (g_date_valid (&date));
      g_assert_error (error, HEED_VALUE_ERROR, (int) date_bad[i].code);
      check_message (error, &date_bad[i]);
      g_assert_false (heed_parse_date (date_bad[i].input, NULL, NULL));
    }
}

/* Every day in range, written in each way, comes back as itself. */
static void
test_date_round_trip (void)
{
  GDate day;
  GDate last;
  guint n = 0;

  g_date_clear (&day, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 1900);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 2200);

  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1), n++)
    {
      g_autofree char *long_form = heed_format_date_long (&day);
      g_autofree char *iso = heed_format_date_iso (&day);
      g_autofree char *slashed = g_strdup_printf ("%u/%u/%u", g_date_get_day (&day),
                                                  g_date_get_month (&day),
                                                  g_date_get_year (&day));
      const char *forms[] = { long_form, iso, slashed };

      for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
        {
          GDate parsed;
          GDate stored;

          if (!heed_parse_date (forms[i], &parsed, NULL))
            g_error ("“%s” was not read", forms[i]);
          g_assert_cmpint (g_date_compare (&parsed, &day), ==, 0);
          g_assert_true (heed_date_from_iso (iso, &stored));
          g_assert_cmpint (g_date_compare (&stored, &day), ==, 0);
        }
    }
  g_assert_cmpuint (n, ==, 109938);
}

/* Money */

#define MONEY_FORMAT "Write the amount in pounds and pence, like 12.50."
#define MONEY_NEGATIVE "The amount cannot be less than zero."
#define MONEY_TOO_BIG "The amount cannot be more than £10,000,000."
#define MONEY_COMMA "A comma is in the wrong place. Write large amounts like 1,250.00."

static const GoodMoney money_good[] = {
  { "£12.50", 1250 },
  { "12.5", 1250 },
  { "12", 1200 },
  { "1,250.00", 125000 },
  { "£1,250", 125000 },
  { "£ 0.99", 99 },
  { "0", 0 },
  { ".5", 50 },
  { "12.", 1200 },
  { "007.10", 710 },
  { "  £7 \n", 700 },
  { "1,234,567.89", 123456789 },
  { "£10,000,000", 1000000000 },
  { "10000000.00", 1000000000 },
  { "0000000000000000000000000000000000000000012.34", 1234 },
};

static const Bad money_bad[] = {
  { "-5", HEED_VALUE_ERROR_INVALID, MONEY_NEGATIVE },
  { "£-5", HEED_VALUE_ERROR_INVALID, MONEY_NEGATIVE },
  { "\xe2\x88\x92" "5", HEED_VALUE_ERROR_INVALID, MONEY_NEGATIVE },
  { "$5", HEED_VALUE_ERROR_INVALID, "Amounts are in pounds (£)." },
  { "€5", HEED_VALUE_ERROR_INVALID, "Amounts are in pounds (£)." },
  { "12.505", HEED_VALUE_ERROR_INVALID,
    "Use at most two digits after the point, for the pence, like 12.50." },
  { "12.500", HEED_VALUE_ERROR_INVALID,
    "Use at most two digits after the point, for the pence, like 12.50." },
  { "12,50", HEED_VALUE_ERROR_INVALID,
    "Use a point, not a comma, before the pence, like 12.50." },
  { "1,2500", HEED_VALUE_ERROR_INVALID, MONEY_COMMA },
  { "12,50.00", HEED_VALUE_ERROR_INVALID, MONEY_COMMA },
  { ",250", HEED_VALUE_ERROR_INVALID, MONEY_COMMA },
  { "1,,250", HEED_VALUE_ERROR_INVALID, MONEY_COMMA },
  { "1234,567", HEED_VALUE_ERROR_INVALID, MONEY_COMMA },
  { "10,000,000.01", HEED_VALUE_ERROR_INVALID, MONEY_TOO_BIG },
  { "99999999999999999999999999999999999999", HEED_VALUE_ERROR_INVALID, MONEY_TOO_BIG },
  { "18446744073709551617", HEED_VALUE_ERROR_INVALID, MONEY_TOO_BIG },
  { "12.50p", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "twelve", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "£", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { ".", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "1.2.3", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "12 50", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "12\n50", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "\xef\xbc\x91\xef\xbc\x92", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "\xd9\xa1\xd9\xa2", HEED_VALUE_ERROR_INVALID, MONEY_FORMAT },
  { "\x80", HEED_VALUE_ERROR_INVALID, UNREADABLE },
  { "\xa3" "12", HEED_VALUE_ERROR_INVALID, UNREADABLE },   /* Latin-1 pound sign */
  { "", HEED_VALUE_ERROR_EMPTY, "Enter the amount." },
  { " \t ", HEED_VALUE_ERROR_EMPTY, "Enter the amount." },
};

static void
test_money_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (money_good); i++)
    {
      g_autofree char *shown = describe (money_good[i].input);
      g_autoptr(GError) error = NULL;
      gint64 pence = -1;

      g_test_message ("good: '%s'", shown);
      g_assert_true (heed_parse_money (money_good[i].input, &pence, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pence, ==, money_good[i].pence);
      g_assert_true (heed_parse_money (money_good[i].input, NULL, NULL));
    }
}

static void
test_money_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (money_bad); i++)
    {
      g_autofree char *shown = describe (money_bad[i].input);
      g_autoptr(GError) error = NULL;
      gint64 pence = -1;

      g_test_message ("bad: '%s'", shown);
      g_assert_false (heed_parse_money (money_bad[i].input, &pence, &error));
      g_assert_cmpint (pence, ==, 0);
      g_assert_error (error, HEED_VALUE_ERROR, (int) money_bad[i].code);
      check_message (error, &money_bad[i]);
      g_assert_false (heed_parse_money (money_bad[i].input, NULL, NULL));
    }
}

static void
test_money_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1250);
  const gint64 fixed[] = { 0, 1, 9, 10, 99, 100, 101, 99999, 100000, 123456789, 999999999,
                           1000000000 };

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 20000; i++)
    {
      gint64 pence = i < G_N_ELEMENTS (fixed)
                     ? fixed[i] : (gint64) g_rand_int_range (rand, 0, 1000000001);
      g_autofree char *text = heed_format_money (pence);
      gint64 parsed = -1;

      g_assert_true (heed_parse_money (text, &parsed, NULL));
      g_assert_cmpint (parsed, ==, pence);
    }
}

/* Formatting and stored dates */

static void
test_format_date (void)
{
  const struct {
    guint day, month, year;
    const char *long_form;
    const char *iso;
  } cases[] = {
    { 3, 6, 2025, "3 June 2025", "2025-06-03" },
    { 1, 1, 1900, "1 January 1900", "1900-01-01" },
    { 29, 2, 2024, "29 February 2024", "2024-02-29" },
    { 31, 12, 2200, "31 December 2200", "2200-12-31" },
    { 10, 5, 2025, "10 May 2025", "2025-05-10" },
    { 9, 9, 999, "9 September 999", "0999-09-09" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      g_autofree char *long_form = NULL;
      g_autofree char *iso = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, cases[i].day, cases[i].month, cases[i].year);
      long_form = heed_format_date_long (&date);
      iso = heed_format_date_iso (&date);
      g_assert_cmpstr (long_form, ==, cases[i].long_form);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_format_money (void)
{
  const struct {
    gint64 pence;
    const char *text;
  } cases[] = {
    { 0, "£0.00" },
    { 5, "£0.05" },
    { 99, "£0.99" },
    { 1250, "£12.50" },
    { 99999, "£999.99" },
    { 100000, "£1,000.00" },
    { 125000, "£1,250.00" },
    { 12345678, "£123,456.78" },
    { 1000000000, "£10,000,000.00" },
    { -150, "-£1.50" },
    { G_MAXINT64, "£92,233,720,368,547,758.07" },
    { G_MININT64, "-£92,233,720,368,547,758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = heed_format_money (cases[i].pence);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_date_from_iso (void)
{
  const struct {
    const char *text;
    const char *back;   /* NULL: refused */
  } cases[] = {
    { "2025-06-03", "2025-06-03" },
    { "1900-01-01", "1900-01-01" },
    { "2024-02-29", "2024-02-29" },
    { "0001-01-01", "0001-01-01" },
    { "9999-12-31", "9999-12-31" },
    { NULL, NULL },
    { "", NULL },
    { "2025", NULL },
    { "2025-06-0", NULL },
    { "2025-6-3", NULL },
    { "2025-06-03 ", NULL },
    { " 2025-06-03", NULL },
    { "2025-02-29", NULL },
    { "2025-13-01", NULL },
    { "2025-00-10", NULL },
    { "2025-06-00", NULL },
    { "0000-01-01", NULL },
    { "2025/06/03", NULL },
    { "03/06/2025", NULL },
    { "3 June 2025", NULL },
    { "2025-06-03T10:00:00", NULL },
    { "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95-06-03", NULL },
    { "2025-06-3\xff", NULL },
    { "+025-06-03", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      if (cases[i].back != NULL)
        {
          g_autofree char *back = NULL;

          g_assert_true (heed_date_from_iso (cases[i].text, &date));
          back = heed_format_date_iso (&date);
          g_assert_cmpstr (back, ==, cases[i].back);
          g_assert_true (heed_date_from_iso (cases[i].text, NULL));
        }
      else
        {
          g_assert_false (heed_date_from_iso (cases[i].text, &date));
          g_assert_false (g_date_valid (&date));
          g_assert_false (heed_date_from_iso (cases[i].text, NULL));
        }
    }
}

/* Hostile input, for every parser */

static gboolean
parse_date_text (const char  *text,
                 char       **normalised,
                 GError     **error)
{
  GDate date;

  if (normalised != NULL)
    *normalised = NULL;
  if (!heed_parse_date (text, &date, error))
    return FALSE;
  if (normalised != NULL)
    *normalised = heed_format_date_iso (&date);
  return TRUE;
}

static gboolean
parse_money_text (const char  *text,
                  char       **normalised,
                  GError     **error)
{
  gint64 pence;

  if (normalised != NULL)
    *normalised = NULL;
  if (!heed_parse_money (text, &pence, error))
    return FALSE;
  if (normalised != NULL)
    *normalised = heed_format_money (pence);
  return TRUE;
}

static const TextParser all_parsers[] = {
  heed_parse_nhs_number, heed_parse_postcode, heed_parse_email, heed_parse_phone,
  parse_date_text, parse_money_text,
};

/* Whatever the input: FALSE with a readable message, or TRUE with a normalised form that
 * reads back as itself. */
static gboolean
check_any (TextParser  parse,
           const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;

  if (parse (input, &normalised, &error))
    {
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (normalised);
      g_assert_true (g_utf8_validate (normalised, -1, NULL));
      g_assert_true (parse (normalised, &again, NULL));
      g_assert_cmpstr (again, ==, normalised);
      return TRUE;
    }

  g_assert_null (normalised);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HEED_VALUE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 0);
  return FALSE;
}

static void
test_hostile_long (void)
{
  const char fills[] = { 'x', '9', '@', '/', ',', '\xff', '\n' };

  for (gsize f = 0; f < G_N_ELEMENTS (fills); f++)
    {
      g_autofree char *text = g_malloc (100001);

      memset (text, fills[f], 100000);
      text[100000] = '\0';
      for (gsize i = 0; i < G_N_ELEMENTS (all_parsers); i++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_false (all_parsers[i] (text, NULL, &error));
          /* Surrounding new lines are trimmed: only those leave nothing */
          g_assert_error (error, HEED_VALUE_ERROR,
                          (fills[f] == '\n' ? HEED_VALUE_ERROR_EMPTY
                                             : HEED_VALUE_ERROR_TOO_LONG));
          check_any (all_parsers[i], text);
        }
    }

  /* Just too long, and spaces not counted */
  for (gsize i = 0; i < G_N_ELEMENTS (all_parsers); i++)
    {
      g_autofree char *long_text = g_strnfill (HEED_VALUE_MAX_LENGTH + 1, '1');
      g_autofree char *spaces = g_strnfill (100000, ' ');
      g_autofree char *padded = g_strconcat (spaces, "943 476 5919", spaces, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (all_parsers[i] (long_text, NULL, &error));
      g_assert_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_TOO_LONG);
      g_clear_error (&error);
      g_assert_false (all_parsers[i] (spaces, NULL, &error));
      g_assert_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_EMPTY);
      check_any (all_parsers[i], padded);
    }
  g_assert_true (heed_parse_nhs_number ("   943 476 5919   ", NULL, NULL));
  {
    g_autofree char *spaces = g_strnfill (100000, ' ');
    g_autofree char *padded = g_strconcat (spaces, "943 476 5919", spaces, NULL);
    g_autofree char *normalised = NULL;

    g_assert_true (heed_parse_nhs_number (padded, &normalised, NULL));
    g_assert_cmpstr (normalised, ==, "943 476 5919");
  }
}

static const char random_pieces[][5] = {
  "0", "1", "4", "9", "A", "a", "Z", "j", "u", "n", "e", " ", "-", "/", ".", ",", "@", "+",
  "(", ")", "\n", "\t", "\xc2\xa3", "\xc2\xa0", "\xef\xbc\x99", "\xd9\xa3", "\xff", "\xc3",
  "\x01", "'", "\"", "%", "44", "020", "GIR", "st", "Jun", "2025", "\xe2\x82\xac",
};

static void
append_random_piece (GRand   *rand,
                     GString *text,
                     gssize   position)
{
  char byte[2] = { (char) g_rand_int_range (rand, 1, 256), '\0' };
  const char *piece = g_rand_int_range (rand, 0, 8) == 0
                      ? byte : random_pieces[g_rand_int_range (rand, 0,
                                                               G_N_ELEMENTS (random_pieces))];

  g_string_insert (text, position, piece);
}

/* A good value from one of the tables, slightly damaged. */
static void
mutate_good_value (GRand   *rand,
                   GString *text)
{
  const GoodText *tables[] = { nhs_good, postcode_good, email_good, phone_good, date_good };
  const gsize sizes[] = { G_N_ELEMENTS (nhs_good), G_N_ELEMENTS (postcode_good),
                          G_N_ELEMENTS (email_good), G_N_ELEMENTS (phone_good),
                          G_N_ELEMENTS (date_good) };
  guint table = g_rand_int_range (rand, 0, G_N_ELEMENTS (tables) + 1);
  guint n_changes = g_rand_int_range (rand, 0, 4);

  if (table == G_N_ELEMENTS (tables))
    g_string_assign (text, money_good[g_rand_int_range (rand, 0,
                                                        G_N_ELEMENTS (money_good))].input);
  else
    g_string_assign (text, tables[table][g_rand_int_range (rand, 0, sizes[table])].input);

  for (guint i = 0; i < n_changes && text->len > 0; i++)
    {
      gsize at = g_rand_int_range (rand, 0, text->len);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          g_string_erase (text, at, 1);
          break;
        case 1:
          append_random_piece (rand, text, at);
          break;
        case 2:
          if (at + 1 < text->len)
            {
              char c = text->str[at];

              text->str[at] = text->str[at + 1];
              text->str[at + 1] = c;
            }
          break;
        default:
          text->str[at] = g_ascii_isupper (text->str[at]) ? g_ascii_tolower (text->str[at])
                                                          : g_ascii_toupper (text->str[at]);
          break;
        }
    }
}

/* Random byte strings weighted towards the characters the parsers look for, and damaged
 * good values: nothing crashes, every refusal has a message, every acceptance is stable. */
static void
test_hostile_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint accepted[G_N_ELEMENTS (all_parsers)] = { 0 };

  for (guint round = 0; round < 40000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (round % 2 == 0)
        {
          mutate_good_value (rand, text);
        }
      else
        {
          guint n_pieces = g_rand_int_range (rand, 0, round % 10 == 1 ? 120 : 12);

          for (guint i = 0; i < n_pieces; i++)
            append_random_piece (rand, text, -1);
        }
      for (gsize i = 0; i < G_N_ELEMENTS (all_parsers); i++)
        accepted[i] += check_any (all_parsers[i], text->str);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (all_parsers); i++)
    {
      g_test_message ("parser %" G_GSIZE_FORMAT " accepted %u", i, accepted[i]);
      g_assert_cmpuint (accepted[i], >, 100);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/validate/nhs-number/good", test_nhs_good);
  g_test_add_func ("/core/validate/nhs-number/bad", test_nhs_bad);
  g_test_add_func ("/core/validate/nhs-number/check-digit", test_nhs_check_digit);
  g_test_add_func ("/core/validate/postcode/good", test_postcode_good);
  g_test_add_func ("/core/validate/postcode/bad", test_postcode_bad);
  g_test_add_func ("/core/validate/email/good", test_email_good);
  g_test_add_func ("/core/validate/email/bad", test_email_bad);
  g_test_add_func ("/core/validate/phone/good", test_phone_good);
  g_test_add_func ("/core/validate/phone/bad", test_phone_bad);
  g_test_add_func ("/core/validate/date/good", test_date_good);
  g_test_add_func ("/core/validate/date/bad", test_date_bad);
  g_test_add_func ("/core/validate/date/round-trip", test_date_round_trip);
  g_test_add_func ("/core/validate/money/good", test_money_good);
  g_test_add_func ("/core/validate/money/bad", test_money_bad);
  g_test_add_func ("/core/validate/money/round-trip", test_money_round_trip);
  g_test_add_func ("/core/validate/format/date", test_format_date);
  g_test_add_func ("/core/validate/format/money", test_format_money);
  g_test_add_func ("/core/validate/date-from-iso", test_date_from_iso);
  g_test_add_func ("/core/validate/hostile/long", test_hostile_long);
  g_test_add_func ("/core/validate/hostile/random", test_hostile_random);

  return g_test_run ();
}
