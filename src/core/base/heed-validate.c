/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include "heed-validate.h"
#include "heed-language.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (heed-value-error-quark, heed_value_error)

#define MAX_POUNDS 10000000

/* Common to all parsers */

static gboolean
fail (GError         **error,
      HeedValueError   code,
      const char      *message)
{
  g_set_error_literal (error, HEED_VALUE_ERROR, code, message);
  return FALSE;
}

/* Makes the working copy of what was typed: without surrounding spaces, with tabs and the
 * non-breaking spaces that come with pasted text made plain spaces. Returns NULL with @error
 * set if there is nothing, too much, or something that is not text. Any byte string is safe. */
static char *
prepare (const char  *text,
         const char  *empty_message,
         const char  *too_long_message,
         GError     **error)
{
  const char *start = text != NULL ? text : "";
  const char *end;
  GString *work;
  char *result;

  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  if (start == end)
    {
      fail (error, HEED_VALUE_ERROR_EMPTY, empty_message);
      return NULL;
    }
  if ((gsize) (end - start) > HEED_VALUE_MAX_LENGTH)
    {
      fail (error, HEED_VALUE_ERROR_TOO_LONG, too_long_message);
      return NULL;
    }
  if (!g_utf8_validate_len (start, end - start, NULL))
    {
      fail (error, HEED_VALUE_ERROR_INVALID,
            _("Some of what was typed could not be read. Please type it again."));
      return NULL;
    }

  work = g_string_sized_new (end - start);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == 0x00A0 || c == 0x2007 || c == 0x202F)
        g_string_append_c (work, ' ');
      else
        g_string_append_len (work, p, g_utf8_next_char (p) - p);
    }
  result = g_string_free (work, FALSE);
  g_strstrip (result);

  if (*result == '\0')
    {
      g_free (result);
      fail (error, HEED_VALUE_ERROR_EMPTY, empty_message);
      return NULL;
    }
  return result;
}

static gboolean
succeed (char **normalised,
         char  *value)
{
  if (normalised != NULL)
    *normalised = value;
  else
    g_free (value);
  return TRUE;
}

/* NHS numbers */

gboolean
heed_parse_nhs_number (const char  *text,
                       char       **normalised,
                       GError     **error)
{
  g_autofree char *work = NULL;
  guint digits[10];
  guint n_digits = 0;
  guint sum = 0;
  guint check;
  gboolean all_same = TRUE;

  if (normalised != NULL)
    *normalised = NULL;

  work = prepare (text, _("Enter the NHS number."),
                  _("This is far too long to be an NHS number."), error);
  if (work == NULL)
    return FALSE;

  for (const char *p = work; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n_digits < G_N_ELEMENTS (digits))
            digits[n_digits] = *p - '0';
          n_digits++;
        }
      else if (*p != ' ' && *p != '-')
        {
          return fail (error, HEED_VALUE_ERROR_INVALID,
                       _("An NHS number has only digits and spaces."));
        }
    }

  if (n_digits == 0)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("An NHS number has 10 digits; this has none."));
  if (n_digits != G_N_ELEMENTS (digits))
    {
      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("An NHS number has 10 digits; this has %u."), n_digits);
      return FALSE;
    }

  for (guint i = 1; i < G_N_ELEMENTS (digits); i++)
    all_same = all_same && digits[i] == digits[0];
  /* These pass the check below (the check digit of ddddddddd is always d), but are
   * what gets typed when the real number is not known. */
  if (all_same)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("This is not a real NHS number: all its digits are the same."));

  /* Modulus 11: weights 10 down to 2 on the first nine digits. */
  for (guint i = 0; i < 9; i++)
    sum += digits[i] * (10 - i);
  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  /* A check of 10 means no number is ever issued with those first nine digits. */
  if (check == 10 || check != digits[9])
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("This is not a valid NHS number: the last digit does not match the others. "
                   "Check it for a typing mistake."));

  return succeed (normalised,
                  g_strdup_printf ("%u%u%u %u%u%u %u%u%u%u",
                                   digits[0], digits[1], digits[2], digits[3], digits[4],
                                   digits[5], digits[6], digits[7], digits[8], digits[9]));
}

/* Postcodes */

static gboolean
is_one_of (char        c,
           const char *set)
{
  return c != '\0' && strchr (set, c) != NULL;
}

gboolean
heed_parse_postcode (const char  *text,
                     char       **normalised,
                     GError     **error)
{
  static const char *const outward_shapes[] = { "A9", "A99", "A9A", "AA9", "AA99", "AA9A" };
  g_autofree char *work = NULL;
  char code[8];
  char shape[5];
  guint n = 0;
  guint n_outward;
  gboolean shape_ok = FALSE;

  if (normalised != NULL)
    *normalised = NULL;

  work = prepare (text, _("Enter the postcode."),
                  _("This is far too long to be a postcode."), error);
  if (work == NULL)
    return FALSE;

  for (const char *p = work; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isalnum (*p))
        return fail (error, HEED_VALUE_ERROR_INVALID,
                     _("A postcode has only letters and numbers."));
      if (n < sizeof code - 1)
        code[n] = g_ascii_toupper (*p);
      n++;
    }

  if (n < 5)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("This postcode is too short. A full postcode looks like SW1A 1AA."));
  if (n > 7)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("This postcode is too long. A full postcode looks like SW1A 1AA."));
  code[n] = '\0';

  /* The one postcode that follows none of the rules: Girobank's, still in use. */
  if (strcmp (code, "GIR0AA") == 0)
    return succeed (normalised, g_strdup ("GIR 0AA"));

  /* The inward code: the last three, a digit and two letters. */
  if (!g_ascii_isdigit (code[n - 3]) || !g_ascii_isalpha (code[n - 2])
      || !g_ascii_isalpha (code[n - 1]))
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("A postcode ends with a number and two letters, like 1AA."));
  if (is_one_of (code[n - 2], "CIKMOV") || is_one_of (code[n - 1], "CIKMOV"))
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("The last two letters of a postcode cannot be C, I, K, M, O or V."));

  /* The outward code: two to four characters in one of six shapes. */
  n_outward = n - 3;
  for (guint i = 0; i < n_outward; i++)
    shape[i] = g_ascii_isalpha (code[i]) ? 'A' : '9';
  shape[n_outward] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (outward_shapes); i++)
    shape_ok = shape_ok || strcmp (shape, outward_shapes[i]) == 0;
  if (!shape_ok)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("A postcode starts with one or two letters and then a number, "
                   "like M1, B33 or SW1A."));

  if (is_one_of (code[0], "QVX"))
    return fail (error, HEED_VALUE_ERROR_INVALID, _("A postcode cannot start with Q, V or X."));
  if (shape[1] == 'A' && is_one_of (code[1], "IJZ"))
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("The second letter of a postcode cannot be I, J or Z."));
  if ((strcmp (shape, "A9A") == 0 && !is_one_of (code[2], "ABCDEFGHJKPSTUW"))
      || (strcmp (shape, "AA9A") == 0 && !is_one_of (code[3], "ABEHMNPRVWXY")))
    {
      char letter[2] = { code[n_outward - 1], '\0' };

      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("The first half of a postcode cannot end with the letter %s."), letter);
      return FALSE;
    }

  return succeed (normalised, g_strdup_printf ("%.*s %s", (int) n_outward, code,
                                               code + n_outward));
}

/* Email addresses */

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || is_one_of (c, "!#$%&'*+-/=?^_`{|}~.");
}

static gboolean
is_domain_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.';
}

static gboolean
fail_email_char (GError     **error,
                 const char  *p)
{
  gunichar c = g_utf8_get_char (p);
  char shown[8] = { 0 };

  if (!g_unichar_isgraph (c))
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("This email address has a hidden or unusual character in it. "
                   "Please type it again."));

  g_unichar_to_utf8 (c, shown);
  g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
               _("An email address cannot have “%s” in it."), shown);
  return FALSE;
}

gboolean
heed_parse_email (const char  *text,
                  char       **normalised,
                  GError     **error)
{
  g_autofree char *work = NULL;
  g_autofree char *domain = NULL;
  const char *at;
  const char *label;
  const char *last_label;
  gsize local_len;

  if (normalised != NULL)
    *normalised = NULL;

  work = prepare (text, _("Enter the email address."),
                  _("This is far too long to be an email address."), error);
  if (work == NULL)
    return FALSE;

  if (strchr (work, ' ') != NULL)
    return fail (error, HEED_VALUE_ERROR_INVALID, _("An email address cannot have spaces in it."));

  at = strchr (work, '@');
  if (at == NULL)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("An email address has an @ in it, like name@example.com."));
  if (strchr (at + 1, '@') != NULL)
    return fail (error, HEED_VALUE_ERROR_INVALID, _("An email address has only one @."));
  if (at == work)
    return fail (error, HEED_VALUE_ERROR_INVALID, _("Something is missing before the @."));
  if (at[1] == '\0')
    return fail (error, HEED_VALUE_ERROR_INVALID, _("Something is missing after the @."));

  /* The part before the @ */
  local_len = at - work;
  for (const char *p = work; p < at; p = g_utf8_next_char (p))
    {
      if (!is_local_char (*p))
        return fail_email_char (error, p);
    }
  if (work[0] == '.' || at[-1] == '.' || g_strstr_len (work, local_len, "..") != NULL)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("The part before the @ cannot start or end with a dot, "
                   "or have two dots together."));
  if (local_len > 64)
    return fail (error, HEED_VALUE_ERROR_INVALID, _("The part before the @ is too long."));

  /* The part after */
  domain = g_ascii_strdown (at + 1, -1);
  for (const char *p = domain; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_domain_char (*p))
        return fail_email_char (error, p);
    }
  if (strchr (domain, '.') == NULL)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("The part after the @ needs a dot in it, like example.com."));
  if (domain[0] == '.' || g_str_has_suffix (domain, ".") || strstr (domain, "..") != NULL)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("The part after the @ cannot start or end with a dot, "
                   "or have two dots together."));

  last_label = domain;
  for (label = domain; label != NULL; )
    {
      const char *dot = strchr (label, '.');
      gsize len = dot != NULL ? (gsize) (dot - label) : strlen (label);

      /* Not empty: checked above */
      if (label[0] == '-' || label[len - 1] == '-')
        return fail (error, HEED_VALUE_ERROR_INVALID,
                     _("The part after the @ cannot have a hyphen at either end "
                       "or next to a dot."));
      if (len > 63)
        return fail (error, HEED_VALUE_ERROR_INVALID, _("The part after the @ is too long."));
      last_label = label;
      label = dot != NULL ? dot + 1 : NULL;
    }

  /* The ending (com, uk, org...) has letters and is never all digits, which rules out
   * addresses like name@192.168.0.1 that nobody gives as their email. */
  {
    gboolean has_letter = FALSE;

    for (const char *p = last_label; *p != '\0'; p++)
      has_letter = has_letter || g_ascii_isalpha (*p);
    if (strlen (last_label) < 2 || !has_letter)
      return fail (error, HEED_VALUE_ERROR_INVALID,
                   _("An email address ends with something like .com or .co.uk."));
  }

  return succeed (normalised, g_strdup_printf ("%.*s@%s", (int) local_len, work, domain));
}

/* Phone numbers */

/* Area codes of six digits, where the usual five-digit split would be wrong. */
static const char *const six_digit_areas[] = {
  "013397", "013398", "013873", "015242", "015394", "015395", "015396", "016973",
  "016974", "016977", "017683", "017684", "017687", "019467", "019755", "019756",
};

static char *
space_digits (const char *digits,
              guint       first,
              guint       second)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  g_assert (first + second < len);
  g_string_append_len (out, digits, first);
  g_string_append_c (out, ' ');
  if (second > 0)
    {
      g_string_append_len (out, digits + first, second);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, digits + first + second);
  return g_string_free (out, FALSE);
}

static char *
format_phone (const char *national)
{
  gsize len = strlen (national);

  switch (national[1])
    {
    case '2':
      return space_digits (national, 3, 4);      /* 020 7946 0000 */
    case '3':
    case '8':
      return space_digits (national, 4, 3);      /* 0300 123 4567, 0800 123 456 */
    case '7':
      return space_digits (national, 5, 0);      /* 07700 900123 */
    default:
      break;
    }

  /* 01: the big cities have four-digit codes, 011x and 01x1 */
  if (len == 11 && (national[2] == '1' || national[3] == '1'))
    return space_digits (national, 4, 3);        /* 0161 496 0000 */
  for (guint i = 0; i < G_N_ELEMENTS (six_digit_areas); i++)
    {
      if (g_str_has_prefix (national, six_digit_areas[i]))
        return space_digits (national, 6, 0);    /* 016977 23456 */
    }
  return space_digits (national, 5, 0);          /* 01632 960001 */
}

gboolean
heed_parse_phone (const char  *text,
                  char       **normalised,
                  GError     **error)
{
  g_autofree char *work = NULL;
  char digits[HEED_VALUE_MAX_LENGTH + 1];
  char national[HEED_VALUE_MAX_LENGTH + 2];
  gsize n = 0;
  gsize n_national;
  gboolean international = FALSE;

  if (normalised != NULL)
    *normalised = NULL;

  work = prepare (text, _("Enter the phone number."),
                  _("This is far too long to be a phone number."), error);
  if (work == NULL)
    return FALSE;

  for (const char *p = work; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          /* work is at most HEED_VALUE_MAX_LENGTH bytes, so this always fits */
          digits[n++] = *p;
        }
      else if (*p == '+')
        {
          if (p != work)
            return fail (error, HEED_VALUE_ERROR_INVALID,
                         _("A + can only go at the start of a phone number."));
          international = TRUE;
        }
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        {
          return fail (error, HEED_VALUE_ERROR_INVALID,
                       _("A phone number can have only digits, spaces, hyphens and brackets."));
        }
    }
  digits[n] = '\0';

  if (international || g_str_has_prefix (digits, "00"))
    {
      const char *rest = international ? digits : digits + 2;

      if (!g_str_has_prefix (rest, "44"))
        return fail (error, HEED_VALUE_ERROR_INVALID,
                     _("Only UK phone numbers can be used here: they start with 0, or +44."));
      rest += 2;
      /* "+44 (0)20..." keeps its 0; "+44 20..." gains one */
      if (rest[0] == '0')
        g_strlcpy (national, rest, sizeof national);
      else
        {
          national[0] = '0';
          g_strlcpy (national + 1, rest, sizeof national - 1);
        }
    }
  else
    {
      g_strlcpy (national, digits, sizeof national);
    }
  n_national = strlen (national);

  if (n_national == 0)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("A UK phone number has 10 or 11 digits; this has none."));
  if (national[0] != '0')
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("A UK phone number starts with 0. Include the area code, like 0161 or 020."));
  if (n_national < 10 || n_national > 11)
    {
      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("A UK phone number has 10 or 11 digits; this has %u."), (guint) n_national);
      return FALSE;
    }
  if (!is_one_of (national[1], "12378"))
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("Phone numbers here must start 01, 02, 03, 07 or 08."));
  if (is_one_of (national[1], "237") && n_national != 11)
    {
      char start[3] = { national[0], national[1], '\0' };

      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("A UK phone number starting %s has 11 digits; this has %u."), start,
                   (guint) n_national);
      return FALSE;
    }

  return succeed (normalised, format_phone (national));
}

/* Dates */

static const char *
month_name (GDateMonth month)
{
  switch (month)
    {
    /* Translators: the months' full names, as in "3 June 2025" */
    case G_DATE_JANUARY: return D_("January");
    case G_DATE_FEBRUARY: return D_("February");
    case G_DATE_MARCH: return D_("March");
    case G_DATE_APRIL: return D_("April");
    case G_DATE_MAY: return D_("May");
    case G_DATE_JUNE: return D_("June");
    case G_DATE_JULY: return D_("July");
    case G_DATE_AUGUST: return D_("August");
    case G_DATE_SEPTEMBER: return D_("September");
    case G_DATE_OCTOBER: return D_("October");
    case G_DATE_NOVEMBER: return D_("November");
    case G_DATE_DECEMBER: return D_("December");
    case G_DATE_BAD_MONTH:
    default:
      g_return_val_if_reached ("");
    }
}

/* Month names as typed: English, in full or shortened to at least three letters ("Sep",
 * "Sept", "Septem"), or the full name in the language Heed is shown in. @word is valid UTF-8.
 * Returns 0 if @word is not one. */
static guint
month_from_word (const char *word,
                 gsize       len)
{
  static const char *const names[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  };
  g_autofree char *folded = NULL;

  if (len >= 3)
    {
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          if (len <= strlen (names[i]) && g_ascii_strncasecmp (word, names[i], len) == 0)
            return i + 1;
        }
    }

  folded = g_utf8_casefold (word, len);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_utf8_casefold (month_name (i + 1), -1);

      if (strcmp (folded, name) == 0)
        return i + 1;
    }
  return 0;
}

typedef struct {
  gboolean    is_number;
  const char *text;
  gsize       len;
  /* What comes after: '\0' nothing, ' ' only spaces, or the one mark among "/.-,"
   * (with or without spaces); '?' for more than one mark. */
  char        separator;
} DateToken;

#define MAX_DATE_TOKENS 6

/* Splits @text into runs of digits and of letters; anything outside ASCII counts as a letter,
 * for month names in other languages (as @text is valid UTF-8, runs end between characters).
 * Returns the number of tokens, or 0 if the text has anything else, starts or ends with a
 * separator, or has too many parts. */
static guint
tokenise_date (const char *text,
               DateToken  *tokens)
{
  const char *p = text;
  guint n = 0;

  while (*p != '\0')
    {
      DateToken *token;

      if (n == MAX_DATE_TOKENS)
        return 0;
      token = &tokens[n++];
      token->text = p;
      if (g_ascii_isdigit (*p))
        {
          token->is_number = TRUE;
          while (g_ascii_isdigit (*p))
            p++;
        }
      else if (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
        {
          token->is_number = FALSE;
          while (g_ascii_isalpha (*p) || (guchar) *p >= 0x80)
            p++;
        }
      else
        {
          return 0;
        }
      token->len = p - token->text;

      token->separator = '\0';
      for (; *p == ' ' || is_one_of (*p, "/.-,"); p++)
        {
          if (*p == ' ')
            token->separator = token->separator == '\0' ? ' ' : token->separator;
          else if (token->separator == '\0' || token->separator == ' ')
            token->separator = *p;
          else
            token->separator = '?';
        }
    }

  if (n == 0 || tokens[n - 1].separator != '\0')
    return 0;
  return n;
}

static guint
small_number (const DateToken *token)
{
  guint value = 0;

  g_assert (token->is_number && token->len <= 4);
  for (gsize i = 0; i < token->len; i++)
    value = value * 10 + (token->text[i] - '0');
  return value;
}

static gboolean
fail_date_format (GError **error)
{
  return fail (error, HEED_VALUE_ERROR_INVALID,
               _("This is not a date Heed understands. Write it like 3/6/2025 or 3 June 2025."));
}

static gboolean
check_date (const DateToken  *day_token,
            guint             month,
            const DateToken  *year_token,
            gboolean          day_first,
            GDate            *date,
            GError          **error)
{
  guint day;
  guint year;
  guint8 days_in_month;

  if (day_token->len > 2)
    return fail_date_format (error);
  if (year_token->len != 4)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("Write the year with all four digits, like 2025."));

  day = small_number (day_token);
  year = small_number (year_token);
  if (year < 1900 || year > 2200)
    return fail (error, HEED_VALUE_ERROR_INVALID, _("The year must be between 1900 and 2200."));
  if (month < 1 || month > 12)
    {
      if (day_first)
        g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                     _("There is no month %u. Write the day first, like 3/6/2025 for 3 June."),
                     month);
      else
        g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                     _("There is no month %u."), month);
      return FALSE;
    }
  if (day == 0)
    return fail (error, HEED_VALUE_ERROR_INVALID, _("There is no day 0 in a month."));

  days_in_month = g_date_get_days_in_month (month, year);
  if (day > days_in_month)
    {
      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("%s %u has only %u days."), month_name (month), year,
                   (guint) days_in_month);
      return FALSE;
    }

  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
is_ordinal (const DateToken *token)
{
  static const char *const suffixes[] = { "st", "nd", "rd", "th" };

  if (token->is_number || token->len != 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_ascii_strncasecmp (token->text, suffixes[i], 2) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
month_token (const DateToken  *token,
             guint            *month,
             GError          **error)
{
  *month = month_from_word (token->text, token->len);
  if (*month == 0)
    {
      const char *end = token->text;

      /* Show no more than twenty characters of it */
      for (guint i = 0; i < 20 && end < token->text + token->len; i++)
        end = g_utf8_next_char (end);
      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("“%.*s” is not the name of a month. Write the date like 3 June 2025."),
                   (int) (end - token->text), token->text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            GDate       *date,
            GError     **error)
{
  DateToken tokens[MAX_DATE_TOKENS];
  DateToken parts[MAX_DATE_TOKENS];
  guint n_tokens;
  guint n = 0;
  guint month;

  n_tokens = tokenise_date (text, tokens);
  if (n_tokens == 0)
    return fail_date_format (error);

  /* Drop the "rd" of "3rd", and check that everything else is separated. */
  for (guint i = 0; i < n_tokens; i++)
    {
      if (n > 0 && parts[n - 1].is_number && parts[n - 1].separator == '\0'
          && is_ordinal (&tokens[i]))
        {
          parts[n - 1].separator = tokens[i].separator;
          continue;
        }
      parts[n++] = tokens[i];
    }
  for (guint i = 0; i + 1 < n; i++)
    {
      if (parts[i].separator == '\0' || parts[i].separator == '?')
        return fail_date_format (error);
    }
  if (n != 3)
    return fail_date_format (error);

  /* 3/6/2025, 3.6.2025, 3-6-2025, 2025-06-03 */
  if (parts[0].is_number && parts[1].is_number && parts[2].is_number)
    {
      if (parts[0].separator != parts[1].separator || !is_one_of (parts[0].separator, "/.-"))
        return fail_date_format (error);
      if (parts[1].len > 2 || parts[2].len > 4 || (parts[0].len > 2 && parts[0].len != 4))
        return fail_date_format (error);
      if (parts[0].len == 4)
        return check_date (&parts[2], small_number (&parts[1]), &parts[0], FALSE, date, error);
      return check_date (&parts[0], small_number (&parts[1]), &parts[2], TRUE, date, error);
    }

  /* 3 June 2025 */
  if (parts[0].is_number && !parts[1].is_number && parts[2].is_number)
    {
      if (parts[0].len > 2 || parts[2].len > 4)
        return fail_date_format (error);
      if (!month_token (&parts[1], &month, error))
        return FALSE;
      return check_date (&parts[0], month, &parts[2], FALSE, date, error);
    }

  /* June 3, 2025 */
  if (!parts[0].is_number && parts[1].is_number && parts[2].is_number)
    {
      if (parts[1].len > 2 || parts[2].len > 4)
        return fail_date_format (error);
      if (!month_token (&parts[0], &month, error))
        return FALSE;
      return check_date (&parts[1], month, &parts[2], FALSE, date, error);
    }

  return fail_date_format (error);
}

gboolean
heed_parse_date (const char  *text,
                 GDate       *date,
                 GError     **error)
{
  g_autofree char *work = NULL;

  if (date != NULL)
    g_date_clear (date, 1);

  work = prepare (text, _("Enter the date."), _("This is far too long to be a date."), error);
  if (work == NULL)
    return FALSE;
  return parse_date (work, date, error);
}

/* Money */

#define POUND_SIGN "\xc2\xa3"
#define EURO_SIGN "\xe2\x82\xac"

static gboolean
fail_money_format (GError **error)
{
  return fail (error, HEED_VALUE_ERROR_INVALID,
               _("Write the amount in pounds and pence, like 12.50."));
}

static gboolean
parse_money (const char  *text,
             gint64      *pence,
             GError     **error)
{
  const char *p = text;
  guint64 pounds = 0;
  guint64 fraction = 0;
  gboolean too_big = FALSE;
  guint n_whole = 0;
  guint n_fraction = 0;
  guint n_commas = 0;
  guint group = 0;
  gboolean commas_ok = TRUE;
  guint64 total;

  if (*p == '-' || g_str_has_prefix (p, "\xe2\x88\x92"))
    return fail (error, HEED_VALUE_ERROR_INVALID, _("The amount cannot be less than zero."));
  if (*p == '$' || g_str_has_prefix (p, EURO_SIGN))
    return fail (error, HEED_VALUE_ERROR_INVALID, _("Amounts are in pounds (£)."));
  if (g_str_has_prefix (p, POUND_SIGN))
    {
      p += strlen (POUND_SIGN);
      while (*p == ' ')
        p++;
      if (*p == '-' || g_str_has_prefix (p, "\xe2\x88\x92"))
        return fail (error, HEED_VALUE_ERROR_INVALID, _("The amount cannot be less than zero."));
    }

  /* Pounds, with commas between thousands if wanted */
  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          /* 1,250: one to three digits before the first comma, three after each */
          if (group == 0 || group > 3 || (n_commas > 0 && group != 3))
            commas_ok = FALSE;
          n_commas++;
          group = 0;
          continue;
        }
      n_whole++;
      group++;
      if (!too_big)
        {
          pounds = pounds * 10 + (guint64) (*p - '0');
          too_big = pounds > MAX_POUNDS;
        }
    }
  if (n_commas > 0 && group != 3)
    {
      /* 12,50 is how much of Europe writes 12.50 */
      if (n_commas == 1 && commas_ok && (group == 1 || group == 2) && *p == '\0')
        return fail (error, HEED_VALUE_ERROR_INVALID,
                     _("Use a point, not a comma, before the pence, like 12.50."));
      commas_ok = FALSE;
    }
  if (!commas_ok)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("A comma is in the wrong place. Write large amounts like 1,250.00."));

  /* Pence */
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (n_fraction < 2)
            fraction = fraction * 10 + (guint64) (*p - '0');
          n_fraction++;
        }
    }

  if (*p != '\0' || (n_whole == 0 && n_fraction == 0))
    return fail_money_format (error);
  if (n_fraction > 2)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("Use at most two digits after the point, for the pence, like 12.50."));

  if (n_fraction == 1)
    fraction *= 10;
  total = pounds * 100 + fraction;
  if (too_big || total > (guint64) MAX_POUNDS * 100)
    return fail (error, HEED_VALUE_ERROR_INVALID,
                 _("The amount cannot be more than £10,000,000."));

  if (pence != NULL)
    *pence = (gint64) total;
  return TRUE;
}

gboolean
heed_parse_money (const char  *text,
                  gint64      *pence,
                  GError     **error)
{
  g_autofree char *work = NULL;

  if (pence != NULL)
    *pence = 0;

  work = prepare (text, _("Enter the amount."),
                  _("This is far too long to be an amount of money."), error);
  if (work == NULL)
    return FALSE;
  return parse_money (work, pence, error);
}

/* Formatting */

char *
heed_format_date_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a date such as "3 June 2025": day, month name, year */
  return g_strdup_printf (D_("%u %s %u"), (guint) g_date_get_day (date),
                          month_name (g_date_get_month (date)), (guint) g_date_get_year (date));
}

char *
heed_format_date_time_long (const char *stored)
{
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  GDate date;

  g_return_val_if_fail (stored != NULL, NULL);

  parsed = g_date_time_new_from_iso8601 (stored, local_zone);
  if (parsed == NULL)
    return g_strdup (stored);
  local = g_date_time_to_timezone (parsed, local_zone);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  day = heed_format_date_long (&date);
  /* TRANSLATORS: a date and a time, "3 June 2025 at 14:21" */
  return g_strdup_printf (D_("%s at %02d:%02d"), day, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

char *
heed_format_date_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

char *
heed_format_money (gint64 pence)
{
  /* Careful with G_MININT64, which has no positive counterpart */
  guint64 amount = pence < 0 ? (guint64) (-(pence + 1)) + 1 : (guint64) pence;
  char pounds[32];
  gsize len;
  GString *out;

  g_snprintf (pounds, sizeof pounds, "%" G_GUINT64_FORMAT, amount / 100);
  len = strlen (pounds);

  out = g_string_new (pence < 0 ? "-" POUND_SIGN : POUND_SIGN);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, pounds[i]);
    }
  g_string_append_printf (out, ".%02u", (guint) (amount % 100));
  return g_string_free (out, FALSE);
}

gboolean
heed_date_from_iso (const char *text,
                    GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  if (date != NULL)
    g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        {
          /* also stops at the end of a short string */
          return FALSE;
        }
    }
  if (text[10] != '\0')
    return FALSE;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint) (text[i] - '0');
  month = (guint) (text[5] - '0') * 10 + (guint) (text[6] - '0');
  day = (guint) (text[8] - '0') * 10 + (guint) (text[9] - '0');

  if (month < 1 || month > 12 || year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
heed_text_is_one_line (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* C0 and C1 controls and DEL, and the Unicode line and paragraph separators. */
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        return FALSE;
    }
  return TRUE;
}
