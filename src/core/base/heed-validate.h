/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Values typed by hand longer than this many bytes (after trimming) are refused with
 * HEED_VALUE_ERROR_TOO_LONG; nothing a receptionist types into these fields is that long. */
#define HEED_VALUE_MAX_LENGTH 256

#define HEED_VALUE_ERROR (heed_value_error_quark ())
GQuark heed_value_error_quark (void);

typedef enum {
  HEED_VALUE_ERROR_EMPTY,      /* nothing typed where something is needed */
  HEED_VALUE_ERROR_INVALID,    /* typed, but not a valid value; the message says why */
  HEED_VALUE_ERROR_TOO_LONG,   /* longer than HEED_VALUE_MAX_LENGTH bytes */
} HeedValueError;

/*
 * The parsers below take what was typed into a field. Each returns TRUE and sets the
 * normalised form (free it with g_free()), or returns FALSE with @error set to a translated
 * message that can be shown beside the field as it is. On failure *@normalised is set to NULL.
 * @normalised may be NULL to only check the value.
 *
 * Leading and trailing spaces (and tabs, new lines and non-breaking spaces) are ignored.
 * NULL, or nothing but spaces, gives HEED_VALUE_ERROR_EMPTY: a caller for which the field is
 * optional should check for that first. Any byte string is safe to pass in.
 */

/* Ten digits, with spaces or hyphens between if wanted, and a correct modulus 11 check digit.
 * Normalised as "943 476 5919". */
gboolean heed_parse_nhs_number (const char  *text,
                                char       **normalised,
                                GError     **error);

/* A UK postcode in any of its formats, or GIR 0AA; any case, any spacing.
 * Normalised in capitals with one space before the last three characters: "SW1A 1AA". */
gboolean heed_parse_postcode   (const char  *text,
                                char       **normalised,
                                GError     **error);

/* A practical check of an everyday email address: name@example.com, plain (ASCII) characters.
 * The part after the @ is lower-cased; the part before is kept as typed. */
gboolean heed_parse_email      (const char  *text,
                                char       **normalised,
                                GError     **error);

/* A UK phone number starting 01, 02, 03, 07 or 08, or the same written +44 or 0044.
 * Spaces, hyphens and brackets are ignored. Normalised to the national form with the
 * usual spacing: "020 7946 0000", "0161 496 0000", "01632 960001", "07700 900123". */
gboolean heed_parse_phone      (const char  *text,
                                char       **normalised,
                                GError     **error);

/* A date written day first ("3/6/2025", "03.06.2025", "3-6-2025"), year first ("2025-06-03"),
 * or with the month's name ("3 June 2025", "3rd Jun 2025", "June 3, 2025"). The year must
 * have four digits and be from 1900 to 2200. @date may be NULL; on failure it is cleared. */
gboolean heed_parse_date       (const char  *text,
                                GDate       *date,
                                GError     **error);

/* An amount of money in pounds: "£1,250.50", "12.5", "12". Not negative, at most
 * £10,000,000 and at most two digits after the point. Sets *@pence (0 on failure). */
gboolean heed_parse_money      (const char  *text,
                                gint64      *pence,
                                GError     **error);

/* "3 June 2025" */
char     *heed_format_date_long (const GDate *date);
/* "2025-06-03" */
char     *heed_format_date_iso  (const GDate *date);
/* A stored time (the practice's local time, or UTC with a "Z", as in the audit trail) as
 * "3 June 2025 at 14:21" in local time; the text itself when it is not a time. */
char     *heed_format_date_time_long (const char *stored);
/* "£1,250.00"; a negative amount is shown as "-£1,250.00". */
char     *heed_format_money     (gint64       pence);

/* Reads a stored date: exactly YYYY-MM-DD and a real date, nothing else. @date may be NULL;
 * on failure it is cleared. */
gboolean heed_date_from_iso    (const char  *text,
                                GDate       *date);

/* Whether @text (UTF-8) holds no line break, tab or other control character: what a name or a
 * reference shown on one line of a list, a letter or a terminal must be. */
gboolean heed_text_is_one_line (const char  *text);

G_END_DECLS
