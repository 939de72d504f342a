/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The working-day calendar that complaint deadlines are counted in: every day but Saturday,
 * Sunday and the bank holidays of the practice's nation.  The regular holidays are worked out
 * from the rules in the Banking and Financial Dealings Act 1971 (and the St Andrew's Day Act
 * 2007 in Scotland); days added or moved by Royal Proclamation come from a key file, built in as
 * a resource and replaceable when a new one is announced.
 *
 * A HeedCalendar keeps each year's holidays once worked out, so it is cheap to ask about many
 * dates.  It is not thread-safe: use it from one thread, or give each thread its own. */

typedef enum {
  HEED_NATION_ENGLAND,
  HEED_NATION_WALES,
  HEED_NATION_SCOTLAND,
  HEED_NATION_NORTHERN_IRELAND,
} HeedNation;

#define HEED_N_NATIONS 4

#define HEED_TYPE_NATION (heed_nation_get_type ())
GType         heed_nation_get_type               (void) G_GNUC_CONST;

/* "england", "wales", "scotland", "northern-ireland" */
const char   *heed_nation_to_id                  (HeedNation nation);
/* FALSE for NULL or an unknown id; @nation may be NULL to only check the id. */
gboolean      heed_nation_from_id                (const char *id,
                                                  HeedNation *nation);
/* Translated: "England", "Wales", "Scotland", "Northern Ireland" */
const char   *heed_nation_get_name               (HeedNation nation);

/* One bank holiday as it is observed, so a substitute day carries the date it is taken on. */
typedef struct {
  GDate  date;
  char  *name;  /* translated, e.g. "Easter Monday", "Christmas Day (substitute day)" */
} HeedHoliday;

void          heed_holiday_free                  (HeedHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedHoliday, heed_holiday_free)

#define HEED_CALENDAR_ERROR (heed_calendar_error_quark ())

typedef enum {
  HEED_CALENDAR_ERROR_INVALID,
  HEED_CALENDAR_ERROR_OUT_OF_RANGE,  /* a date outside the years the calendar knows */
} HeedCalendarError;

/* The years whose working days the calendar knows: before 1900 and after 2200 its rules for
 * bank holidays mean nothing. */
#define HEED_CALENDAR_FIRST_YEAR 1900
#define HEED_CALENDAR_LAST_YEAR  2200

GQuark        heed_calendar_error_quark          (void);

/* Where the built-in one-off holidays (data/one-off-holidays.ini) are in the GResource. */
#define HEED_CALENDAR_ONE_OFF_RESOURCE "/io/github/heedapp/Heed/data/one-off-holidays.ini"

#define HEED_TYPE_CALENDAR (heed_calendar_get_type ())
G_DECLARE_FINAL_TYPE (HeedCalendar, heed_calendar, HEED, CALENDAR, GObject)

/* Loads the built-in one-off holidays if the resource is registered; without it the calendar
 * has the regular holidays only. */
HeedCalendar *heed_calendar_new                  (HeedNation nation);
HeedNation    heed_calendar_get_nation           (HeedCalendar *self);

/* Replaces the one-off days with those in a key file's text.  On error the calendar is
 * unchanged and the GError (G_KEY_FILE_ERROR or HEED_CALENDAR_ERROR_INVALID) names the group and
 * what is wrong with it. */
gboolean      heed_calendar_load_one_off_days    (HeedCalendar  *self,
                                                  const char    *key_file_text,
                                                  GError       **error);

/* Whether @date is a bank holiday (observed, so a substitute day is one and a Christmas Day on a
 * Sunday is not); @name, if not NULL, is set to its translated name or NULL: free it. */
gboolean      heed_calendar_is_bank_holiday      (HeedCalendar  *self,
                                                  const GDate   *date,
                                                  char         **name);
gboolean      heed_calendar_is_working_day       (HeedCalendar *self,
                                                  const GDate  *date);

/* The date @n working days after @from, @from itself not counted, as the regulations count; 0
 * gives @from whatever day it is; a negative @n counts back.  @result may be @from. */
void          heed_calendar_add_working_days     (HeedCalendar *self,
                                                  const GDate  *from,
                                                  int           n,
                                                  GDate        *result);

/* Whether @date (valid) is in the years the calendar knows. */
gboolean      heed_calendar_knows_date           (const GDate  *date);

/* As heed_calendar_add_working_days(), but FALSE with HEED_CALENDAR_ERROR_OUT_OF_RANGE, saying
 * so in a sentence, when @from or the answer is outside the years the calendar knows. */
gboolean      heed_calendar_try_add_working_days (HeedCalendar  *self,
                                                  const GDate   *from,
                                                  int            n,
                                                  GDate         *result,
                                                  GError       **error);

/* The working days after @from up to and including @to; 0 when they are equal; when @to is
 * before @from, the working days from @to up to but not including @from, negated. */
int           heed_calendar_working_days_between (HeedCalendar *self,
                                                  const GDate  *from,
                                                  const GDate  *to);

/* The bank holidays of @year in date order, as HeedHoliday; free with g_ptr_array_unref(). */
GPtrArray    *heed_calendar_list_holidays        (HeedCalendar *self,
                                                  int           year);

/* Easter Sunday of @year in the Gregorian calendar. */
void          heed_calendar_get_easter_sunday    (int    year,
                                                  GDate *result);

G_END_DECLS
