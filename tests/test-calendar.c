/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "heed-calendar.h"

/* The one-off days as shipped in data/one-off-holidays.ini, for when the test is not linked with
 * the resource that holds them; NULL when it is. */
static char *one_off_text;

static HeedCalendar *
calendar_new (HeedNation nation)
{
  HeedCalendar *calendar = heed_calendar_new (nation);

  if (one_off_text != NULL)
    {
      g_autoptr(GError) error = NULL;

      heed_calendar_load_one_off_days (calendar, one_off_text, &error);
      g_assert_no_error (error);
    }

  return calendar;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (date));
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
is_holiday (HeedCalendar *calendar,
            const char   *iso,
            char        **name)
{
  GDate date;

  set_date (&date, iso);
  return heed_calendar_is_bank_holiday (calendar, &date, name);
}

static gboolean
is_working (HeedCalendar *calendar,
            const char   *iso)
{
  GDate date;

  set_date (&date, iso);
  return heed_calendar_is_working_day (calendar, &date);
}

static void
assert_holiday (HeedCalendar *calendar,
                const char   *iso,
                const char   *expected_name)
{
  g_autofree char *name = NULL;

  if (!is_holiday (calendar, iso, &name))
    g_error ("%s should be a bank holiday (%s) in %s", iso, expected_name,
             heed_nation_to_id (heed_calendar_get_nation (calendar)));
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_false (is_working (calendar, iso));
}

static void
assert_not_holiday (HeedCalendar *calendar,
                    const char   *iso)
{
  g_autofree char *name = NULL;

  if (is_holiday (calendar, iso, &name))
    g_error ("%s should not be a bank holiday in %s, but is %s", iso,
             heed_nation_to_id (heed_calendar_get_nation (calendar)), name);
  g_assert_null (name);
}

static char *
add_working_days (HeedCalendar *calendar,
                  const char   *from_iso,
                  int           n)
{
  GDate from, result;

  set_date (&from, from_iso);
  g_date_clear (&result, 1);
  heed_calendar_add_working_days (calendar, &from, n, &result);
  return date_to_iso (&result);
}

static int
working_days_between (HeedCalendar *calendar,
                      const char   *from_iso,
                      const char   *to_iso)
{
  GDate from, to;

  set_date (&from, from_iso);
  set_date (&to, to_iso);
  return heed_calendar_working_days_between (calendar, &from, &to);
}

/* Easter */

static void
test_easter (void)
{
  static const char *const known[] = {
    "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27",
    "2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24",
    "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16",
    "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
    "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01",
    "2030-04-21",
    /* The earliest and latest it can be */
    "1818-03-22", "2285-03-22", "1943-04-25", "2038-04-25",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      GDate expected, easter;

      set_date (&expected, known[i]);
      heed_calendar_get_easter_sunday (g_date_get_year (&expected), &easter);
      g_assert_cmpint (g_date_compare (&easter, &expected), ==, 0);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }

  /* Always a Sunday between 22 March and 25 April */
  for (int year = 1583; year <= 4099; year++)
    {
      GDate easter, earliest, latest;

      heed_calendar_get_easter_sunday (year, &easter);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
      g_date_clear (&earliest, 1);
      g_date_set_dmy (&earliest, 22, G_DATE_MARCH, (GDateYear) year);
      g_date_clear (&latest, 1);
      g_date_set_dmy (&latest, 25, G_DATE_APRIL, (GDateYear) year);
      g_assert_cmpint (g_date_compare (&easter, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&easter, &latest), <=, 0);
    }
}

/* Nations */

static void
test_nation_ids (void)
{
  static const char *const ids[HEED_N_NATIONS] = {
    "england", "wales", "scotland", "northern-ireland",
  };
  static const char *const names[HEED_N_NATIONS] = {
    "England", "Wales", "Scotland", "Northern Ireland",
  };
  static const char *const bad[] = {
    "", "England", "ENGLAND", "uk", "northern ireland", "northern_ireland", "england ",
    "scotland;wales",
  };
  HeedNation nation;

  for (int i = 0; i < HEED_N_NATIONS; i++)
    {
      g_assert_cmpstr (heed_nation_to_id ((HeedNation) i), ==, ids[i]);
      g_assert_cmpstr (heed_nation_get_name ((HeedNation) i), ==, names[i]);
      nation = (HeedNation) 99;
      g_assert_true (heed_nation_from_id (ids[i], &nation));
      g_assert_cmpint (nation, ==, i);
      g_assert_true (heed_nation_from_id (ids[i], NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      nation = HEED_NATION_WALES;
      g_assert_false (heed_nation_from_id (bad[i], &nation));
      g_assert_cmpint (nation, ==, HEED_NATION_WALES);
    }
  g_assert_false (heed_nation_from_id (NULL, &nation));
}

static void
test_nation_property (void)
{
  g_autoptr(HeedCalendar) calendar = heed_calendar_new (HEED_NATION_NORTHERN_IRELAND);
  HeedNation nation = HEED_NATION_ENGLAND;

  g_assert_cmpint (heed_calendar_get_nation (calendar), ==, HEED_NATION_NORTHERN_IRELAND);
  g_object_get (calendar, "nation", &nation, NULL);
  g_assert_cmpint (nation, ==, HEED_NATION_NORTHERN_IRELAND);
}

/* Whole years, as listed on gov.uk/bank-holidays */

#define NEW_YEAR "New Year’s Day"
#define NEW_YEAR_SUB "New Year’s Day (substitute day)"
#define JAN_2 "2nd January"
#define JAN_2_SUB "2nd January (substitute day)"
#define ST_PATRICK "St Patrick’s Day"
#define GOOD_FRIDAY "Good Friday"
#define EASTER_MONDAY "Easter Monday"
#define EARLY_MAY "Early May bank holiday"
#define SPRING "Spring bank holiday"
#define BOYNE "Battle of the Boyne (Orangemen’s Day)"
#define BOYNE_SUB "Battle of the Boyne (Orangemen’s Day) (substitute day)"
#define SUMMER "Summer bank holiday"
#define ST_ANDREW "St Andrew’s Day"
#define ST_ANDREW_SUB "St Andrew’s Day (substitute day)"
#define CHRISTMAS "Christmas Day"
#define CHRISTMAS_SUB "Christmas Day (substitute day)"
#define BOXING "Boxing Day"
#define BOXING_SUB "Boxing Day (substitute day)"
#define PLATINUM "Platinum Jubilee bank holiday"
#define FUNERAL "Bank holiday for the State Funeral of Queen Elizabeth II"
#define CORONATION "Bank holiday for the coronation of King Charles III"
#define WORLD_CUP "World Cup bank holiday"

typedef struct {
  const char *date;
  const char *name;
} Expected;

static const Expected england_2022[] = {
  { "2022-01-03", NEW_YEAR_SUB }, { "2022-04-15", GOOD_FRIDAY }, { "2022-04-18", EASTER_MONDAY },
  { "2022-05-02", EARLY_MAY }, { "2022-06-02", SPRING }, { "2022-06-03", PLATINUM },
  { "2022-08-29", SUMMER }, { "2022-09-19", FUNERAL }, { "2022-12-26", BOXING },
  { "2022-12-27", CHRISTMAS_SUB }, { NULL, NULL },
};

static const Expected scotland_2022[] = {
  { "2022-01-03", NEW_YEAR_SUB }, { "2022-01-04", JAN_2_SUB }, { "2022-04-15", GOOD_FRIDAY },
  { "2022-05-02", EARLY_MAY }, { "2022-06-02", SPRING }, { "2022-06-03", PLATINUM },
  { "2022-08-01", SUMMER }, { "2022-09-19", FUNERAL }, { "2022-11-30", ST_ANDREW },
  { "2022-12-26", BOXING }, { "2022-12-27", CHRISTMAS_SUB }, { NULL, NULL },
};

static const Expected northern_ireland_2022[] = {
  { "2022-01-03", NEW_YEAR_SUB }, { "2022-03-17", ST_PATRICK }, { "2022-04-15", GOOD_FRIDAY },
  { "2022-04-18", EASTER_MONDAY }, { "2022-05-02", EARLY_MAY }, { "2022-06-02", SPRING },
  { "2022-06-03", PLATINUM }, { "2022-07-12", BOYNE }, { "2022-08-29", SUMMER },
  { "2022-09-19", FUNERAL }, { "2022-12-26", BOXING }, { "2022-12-27", CHRISTMAS_SUB },
  { NULL, NULL },
};

static const Expected england_2023[] = {
  { "2023-01-02", NEW_YEAR_SUB }, { "2023-04-07", GOOD_FRIDAY }, { "2023-04-10", EASTER_MONDAY },
  { "2023-05-01", EARLY_MAY }, { "2023-05-08", CORONATION }, { "2023-05-29", SPRING },
  { "2023-08-28", SUMMER }, { "2023-12-25", CHRISTMAS }, { "2023-12-26", BOXING },
  { NULL, NULL },
};

static const Expected scotland_2023[] = {
  { "2023-01-02", JAN_2 }, { "2023-01-03", NEW_YEAR_SUB }, { "2023-04-07", GOOD_FRIDAY },
  { "2023-05-01", EARLY_MAY }, { "2023-05-08", CORONATION }, { "2023-05-29", SPRING },
  { "2023-08-07", SUMMER }, { "2023-11-30", ST_ANDREW }, { "2023-12-25", CHRISTMAS },
  { "2023-12-26", BOXING }, { NULL, NULL },
};

static const Expected northern_ireland_2023[] = {
  { "2023-01-02", NEW_YEAR_SUB }, { "2023-03-17", ST_PATRICK }, { "2023-04-07", GOOD_FRIDAY },
  { "2023-04-10", EASTER_MONDAY }, { "2023-05-01", EARLY_MAY }, { "2023-05-08", CORONATION },
  { "2023-05-29", SPRING }, { "2023-07-12", BOYNE }, { "2023-08-28", SUMMER },
  { "2023-12-25", CHRISTMAS }, { "2023-12-26", BOXING }, { NULL, NULL },
};

static const Expected england_2025[] = {
  { "2025-01-01", NEW_YEAR }, { "2025-04-18", GOOD_FRIDAY }, { "2025-04-21", EASTER_MONDAY },
  { "2025-05-05", EARLY_MAY }, { "2025-05-26", SPRING }, { "2025-08-25", SUMMER },
  { "2025-12-25", CHRISTMAS }, { "2025-12-26", BOXING }, { NULL, NULL },
};

static const Expected scotland_2025[] = {
  { "2025-01-01", NEW_YEAR }, { "2025-01-02", JAN_2 }, { "2025-04-18", GOOD_FRIDAY },
  { "2025-05-05", EARLY_MAY }, { "2025-05-26", SPRING }, { "2025-08-04", SUMMER },
  { "2025-12-01", ST_ANDREW_SUB }, { "2025-12-25", CHRISTMAS }, { "2025-12-26", BOXING },
  { NULL, NULL },
};

static const Expected northern_ireland_2025[] = {
  { "2025-01-01", NEW_YEAR }, { "2025-03-17", ST_PATRICK }, { "2025-04-18", GOOD_FRIDAY },
  { "2025-04-21", EASTER_MONDAY }, { "2025-05-05", EARLY_MAY }, { "2025-05-26", SPRING },
  { "2025-07-14", BOYNE_SUB }, { "2025-08-25", SUMMER }, { "2025-12-25", CHRISTMAS },
  { "2025-12-26", BOXING }, { NULL, NULL },
};

static const Expected england_2026[] = {
  { "2026-01-01", NEW_YEAR }, { "2026-04-03", GOOD_FRIDAY }, { "2026-04-06", EASTER_MONDAY },
  { "2026-05-04", EARLY_MAY }, { "2026-05-25", SPRING }, { "2026-08-31", SUMMER },
  { "2026-12-25", CHRISTMAS }, { "2026-12-28", BOXING_SUB }, { NULL, NULL },
};

static const Expected scotland_2026[] = {
  { "2026-01-01", NEW_YEAR }, { "2026-01-02", JAN_2 }, { "2026-04-03", GOOD_FRIDAY },
  { "2026-05-04", EARLY_MAY }, { "2026-05-25", SPRING }, { "2026-06-15", WORLD_CUP },
  { "2026-08-03", SUMMER }, { "2026-11-30", ST_ANDREW }, { "2026-12-25", CHRISTMAS },
  { "2026-12-28", BOXING_SUB }, { NULL, NULL },
};

static const Expected northern_ireland_2026[] = {
  { "2026-01-01", NEW_YEAR }, { "2026-03-17", ST_PATRICK }, { "2026-04-03", GOOD_FRIDAY },
  { "2026-04-06", EASTER_MONDAY }, { "2026-05-04", EARLY_MAY }, { "2026-05-25", SPRING },
  { "2026-07-13", BOYNE_SUB }, { "2026-08-31", SUMMER }, { "2026-12-25", CHRISTMAS },
  { "2026-12-28", BOXING_SUB }, { NULL, NULL },
};

static const Expected england_2027[] = {
  { "2027-01-01", NEW_YEAR }, { "2027-03-26", GOOD_FRIDAY }, { "2027-03-29", EASTER_MONDAY },
  { "2027-05-03", EARLY_MAY }, { "2027-05-31", SPRING }, { "2027-08-30", SUMMER },
  { "2027-12-27", CHRISTMAS_SUB }, { "2027-12-28", BOXING_SUB }, { NULL, NULL },
};

static const Expected scotland_2027[] = {
  { "2027-01-01", NEW_YEAR }, { "2027-01-04", JAN_2_SUB }, { "2027-03-26", GOOD_FRIDAY },
  { "2027-05-03", EARLY_MAY }, { "2027-05-31", SPRING }, { "2027-08-02", SUMMER },
  { "2027-11-30", ST_ANDREW }, { "2027-12-27", CHRISTMAS_SUB }, { "2027-12-28", BOXING_SUB },
  { NULL, NULL },
};

static const Expected northern_ireland_2027[] = {
  { "2027-01-01", NEW_YEAR }, { "2027-03-17", ST_PATRICK }, { "2027-03-26", GOOD_FRIDAY },
  { "2027-03-29", EASTER_MONDAY }, { "2027-05-03", EARLY_MAY }, { "2027-05-31", SPRING },
  { "2027-07-12", BOYNE }, { "2027-08-30", SUMMER }, { "2027-12-27", CHRISTMAS_SUB },
  { "2027-12-28", BOXING_SUB }, { NULL, NULL },
};

typedef struct {
  HeedNation      nation;
  int             year;
  const Expected *days;
} YearCase;

static const YearCase year_cases[] = {
  { HEED_NATION_ENGLAND, 2022, england_2022 },
  { HEED_NATION_WALES, 2022, england_2022 },
  { HEED_NATION_SCOTLAND, 2022, scotland_2022 },
  { HEED_NATION_NORTHERN_IRELAND, 2022, northern_ireland_2022 },
  { HEED_NATION_ENGLAND, 2023, england_2023 },
  { HEED_NATION_WALES, 2023, england_2023 },
  { HEED_NATION_SCOTLAND, 2023, scotland_2023 },
  { HEED_NATION_NORTHERN_IRELAND, 2023, northern_ireland_2023 },
  { HEED_NATION_ENGLAND, 2025, england_2025 },
  { HEED_NATION_WALES, 2025, england_2025 },
  { HEED_NATION_SCOTLAND, 2025, scotland_2025 },
  { HEED_NATION_NORTHERN_IRELAND, 2025, northern_ireland_2025 },
  { HEED_NATION_ENGLAND, 2026, england_2026 },
  { HEED_NATION_WALES, 2026, england_2026 },
  { HEED_NATION_SCOTLAND, 2026, scotland_2026 },
  { HEED_NATION_NORTHERN_IRELAND, 2026, northern_ireland_2026 },
  { HEED_NATION_ENGLAND, 2027, england_2027 },
  { HEED_NATION_WALES, 2027, england_2027 },
  { HEED_NATION_SCOTLAND, 2027, scotland_2027 },
  { HEED_NATION_NORTHERN_IRELAND, 2027, northern_ireland_2027 },
};

static void
test_year (gconstpointer data)
{
  const YearCase *year_case = data;
  g_autoptr(HeedCalendar) calendar = calendar_new (year_case->nation);
  g_autoptr(GPtrArray) holidays = heed_calendar_list_holidays (calendar, year_case->year);
  guint n_expected = 0;

  while (year_case->days[n_expected].date != NULL)
    n_expected++;

  for (guint i = 0; i < MAX (holidays->len, n_expected); i++)
    {
      g_autofree char *got = NULL;

      if (i < holidays->len)
        {
          HeedHoliday *holiday = g_ptr_array_index (holidays, i);
          g_autofree char *iso = date_to_iso (&holiday->date);

          got = g_strdup_printf ("%s %s", iso, holiday->name);
        }
      if (i < n_expected)
        {
          g_autofree char *expected = g_strdup_printf ("%s %s", year_case->days[i].date,
                                                       year_case->days[i].name);

          g_assert_cmpstr (got, ==, expected);
          assert_holiday (calendar, year_case->days[i].date, year_case->days[i].name);
        }
      else
        {
          g_assert_cmpstr (got, ==, NULL);
        }
    }
}

/* Substitute days */

static void
test_england_christmas_2021 (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);

  g_assert_true (is_working (calendar, "2021-12-24"));
  assert_not_holiday (calendar, "2021-12-25");
  assert_not_holiday (calendar, "2021-12-26");
  g_assert_false (is_working (calendar, "2021-12-25"));
  assert_holiday (calendar, "2021-12-27", CHRISTMAS_SUB);
  assert_holiday (calendar, "2021-12-28", BOXING_SUB);
  g_assert_true (is_working (calendar, "2021-12-29"));
  assert_not_holiday (calendar, "2021-12-29");
}

static void
test_england_christmas_2022 (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);

  g_assert_true (is_working (calendar, "2022-12-23"));
  assert_not_holiday (calendar, "2022-12-25");
  assert_holiday (calendar, "2022-12-26", BOXING);
  assert_holiday (calendar, "2022-12-27", CHRISTMAS_SUB);
  g_assert_true (is_working (calendar, "2022-12-28"));
}

static void
test_england_new_year_2022 (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);

  assert_not_holiday (calendar, "2022-01-01");
  assert_holiday (calendar, "2022-01-03", NEW_YEAR_SUB);
  g_assert_true (is_working (calendar, "2022-01-04"));
}

static void
test_scotland_new_year_2022 (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_SCOTLAND);

  assert_not_holiday (calendar, "2022-01-01");
  assert_not_holiday (calendar, "2022-01-02");
  assert_holiday (calendar, "2022-01-03", NEW_YEAR_SUB);
  assert_holiday (calendar, "2022-01-04", JAN_2_SUB);
  g_assert_true (is_working (calendar, "2022-01-05"));
}

static void
test_scotland_new_year_2023 (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_SCOTLAND);

  /* 1 January a Sunday, 2 January a Monday: the substitute goes past it */
  assert_not_holiday (calendar, "2023-01-01");
  assert_holiday (calendar, "2023-01-02", JAN_2);
  assert_holiday (calendar, "2023-01-03", NEW_YEAR_SUB);
  g_assert_true (is_working (calendar, "2023-01-04"));
}

static void
test_scotland_easter_monday (void)
{
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);

  assert_holiday (scotland, "2026-04-03", GOOD_FRIDAY);
  g_assert_true (is_working (scotland, "2026-04-06"));
  assert_holiday (england, "2026-04-06", EASTER_MONDAY);
}

static void
test_scotland_st_andrew_2025 (void)
{
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);

  assert_not_holiday (scotland, "2025-11-30");
  assert_holiday (scotland, "2025-12-01", ST_ANDREW_SUB);
  g_assert_true (is_working (england, "2025-12-01"));
  /* A Saturday too: 30 November 2024 */
  assert_holiday (scotland, "2024-12-02", ST_ANDREW_SUB);
  assert_holiday (scotland, "2026-11-30", ST_ANDREW);
}

static void
test_scotland_summer (void)
{
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);

  assert_holiday (scotland, "2026-08-03", SUMMER);
  g_assert_true (is_working (scotland, "2026-08-31"));
}

static void
test_northern_ireland_boyne_2026 (void)
{
  g_autoptr(HeedCalendar) ni = calendar_new (HEED_NATION_NORTHERN_IRELAND);
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);

  assert_not_holiday (ni, "2026-07-12");
  assert_holiday (ni, "2026-07-13", BOYNE_SUB);
  g_assert_true (is_working (ni, "2026-07-14"));
  g_assert_true (is_working (england, "2026-07-13"));
  /* A Saturday: 12 July 2025 */
  assert_holiday (ni, "2025-07-14", BOYNE_SUB);
}

static void
test_northern_ireland_st_patrick (void)
{
  g_autoptr(HeedCalendar) ni = calendar_new (HEED_NATION_NORTHERN_IRELAND);
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);

  assert_holiday (ni, "2026-03-17", ST_PATRICK);
  g_assert_true (is_working (england, "2026-03-17"));
  g_assert_true (is_working (scotland, "2026-03-17"));
  /* A Sunday: 17 March 2024 */
  assert_not_holiday (ni, "2024-03-17");
  assert_holiday (ni, "2024-03-18", "St Patrick’s Day (substitute day)");
}

/* Without one-off days, every year has as many holidays as the law gives, each on its own
 * weekday: no substitute day is lost or doubled up. */
static void
test_counts (void)
{
  static const guint expected[HEED_N_NATIONS] = { 8, 8, 9, 10 };

  for (int nation = 0; nation < HEED_N_NATIONS; nation++)
    {
      g_autoptr(HeedCalendar) calendar = heed_calendar_new ((HeedNation) nation);
      g_autoptr(GError) error = NULL;

      g_assert_true (heed_calendar_load_one_off_days (calendar, "", &error));
      g_assert_no_error (error);

      for (int year = 1990; year <= 2400; year++)
        {
          g_autoptr(GPtrArray) holidays = heed_calendar_list_holidays (calendar, year);

          g_assert_cmpuint (holidays->len, ==, expected[nation]);
          for (guint i = 0; i < holidays->len; i++)
            {
              HeedHoliday *holiday = g_ptr_array_index (holidays, i);

              g_assert_cmpint (g_date_get_year (&holiday->date), ==, year);
              g_assert_cmpint (g_date_get_weekday (&holiday->date), <=, G_DATE_FRIDAY);
              if (i > 0)
                {
                  HeedHoliday *previous = g_ptr_array_index (holidays, i - 1);

                  g_assert_cmpint (g_date_compare (&previous->date, &holiday->date), <, 0);
                }
            }
        }
    }
}

/* is_working_day, is_bank_holiday and list_holidays agree. */
static void
test_consistency (void)
{
  for (int nation = 0; nation < HEED_N_NATIONS; nation++)
    {
      g_autoptr(HeedCalendar) calendar = calendar_new ((HeedNation) nation);

      for (int year = 2010; year <= 2030; year++)
        {
          g_autoptr(GPtrArray) holidays = heed_calendar_list_holidays (calendar, year);
          g_autoptr(GPtrArray) again = heed_calendar_list_holidays (calendar, year);
          GDate date;
          guint next = 0;

          g_assert_true (holidays != again);
          g_assert_cmpuint (holidays->len, ==, again->len);

          g_date_clear (&date, 1);
          for (g_date_set_dmy (&date, 1, 1, (GDateYear) year); g_date_get_year (&date) == year;
               g_date_add_days (&date, 1))
            {
              g_autofree char *name = NULL;
              gboolean holiday = heed_calendar_is_bank_holiday (calendar, &date, &name);
              gboolean weekend = g_date_get_weekday (&date) >= G_DATE_SATURDAY;

              g_assert_cmpint (heed_calendar_is_working_day (calendar, &date), ==,
                               !holiday && !weekend);
              g_assert_cmpint (holiday, ==, name != NULL);
              g_assert_true (heed_calendar_is_bank_holiday (calendar, &date, NULL) == holiday);
              if (holiday)
                {
                  HeedHoliday *listed;

                  g_assert_cmpuint (next, <, holidays->len);
                  listed = g_ptr_array_index (holidays, next++);
                  g_assert_cmpint (g_date_compare (&listed->date, &date), ==, 0);
                  g_assert_cmpstr (listed->name, ==, name);
                }
            }
          g_assert_cmpuint (next, ==, holidays->len);
        }
    }
}

/* One-off days */

static const HeedNation all_nations[] = {
  HEED_NATION_ENGLAND, HEED_NATION_WALES, HEED_NATION_SCOTLAND, HEED_NATION_NORTHERN_IRELAND,
};

static void
test_one_off_built_in (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_nations); i++)
    {
      g_autoptr(HeedCalendar) calendar = calendar_new (all_nations[i]);

      assert_holiday (calendar, "2011-04-29", "Royal wedding bank holiday");
      g_assert_true (is_working (calendar, "2012-05-28"));
      assert_holiday (calendar, "2012-06-04", SPRING);
      assert_holiday (calendar, "2012-06-05", "Queen’s Diamond Jubilee");
      g_assert_true (is_working (calendar, "2020-05-04"));
      assert_holiday (calendar, "2020-05-08", "Early May bank holiday (VE day)");
      g_assert_true (is_working (calendar, "2022-05-30"));
      assert_holiday (calendar, "2022-06-02", SPRING);
      assert_holiday (calendar, "2022-06-03", PLATINUM);
      assert_holiday (calendar, "2022-09-19", FUNERAL);
      assert_holiday (calendar, "2023-05-08", CORONATION);
      /* The regular holidays of those years are still there */
      assert_holiday (calendar, "2022-05-02", EARLY_MAY);
      assert_holiday (calendar, "2023-05-01", EARLY_MAY);
      assert_holiday (calendar, "2023-05-29", SPRING);

      if (all_nations[i] == HEED_NATION_SCOTLAND)
        assert_holiday (calendar, "2026-06-15", WORLD_CUP);
      else
        g_assert_true (is_working (calendar, "2026-06-15"));
    }
}

static void
test_one_off_none (void)
{
  g_autoptr(HeedCalendar) calendar = heed_calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_calendar_load_one_off_days (calendar, "", &error));
  g_assert_no_error (error);

  assert_holiday (calendar, "2022-05-30", SPRING);
  g_assert_true (is_working (calendar, "2022-06-02"));
  g_assert_true (is_working (calendar, "2022-06-03"));
  g_assert_true (is_working (calendar, "2022-09-19"));
  assert_holiday (calendar, "2020-05-04", EARLY_MAY);
  g_assert_true (is_working (calendar, "2020-05-08"));
}

static void
test_one_off_load (void)
{
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  g_autoptr(GError) error = NULL;
  const char *text =
    "# A comment\n"
    "[2030-06-07]\n"
    "name = Spring bank holiday\n"
    "name[cy] = Gŵyl y Banc y Gwanwyn\n"
    "nations = england ; scotland;\n"
    "replaces = 2030-05-27\n"
    "\n"
    "[2030-12-27]\n"
    "name=Extra day\n"
    "nations=scotland\n";

  /* Ask first, so that the cache of 2030 has to be dropped */
  assert_holiday (england, "2030-05-27", SPRING);
  g_assert_false (is_working (england, "2022-06-03"));

  g_assert_true (heed_calendar_load_one_off_days (england, text, &error));
  g_assert_no_error (error);
  g_assert_true (heed_calendar_load_one_off_days (scotland, text, &error));
  g_assert_no_error (error);

  g_assert_true (is_working (england, "2030-05-27"));
  assert_holiday (england, "2030-06-07", SPRING);
  g_assert_true (is_working (england, "2030-12-27"));
  g_assert_true (is_working (scotland, "2030-05-27"));
  assert_holiday (scotland, "2030-06-07", SPRING);
  assert_holiday (scotland, "2030-12-27", "Extra day");
  /* The built-in days are gone: the text replaced them */
  g_assert_true (is_working (england, "2022-06-03"));
  assert_holiday (england, "2022-05-30", SPRING);
}

typedef struct {
  const char *text;
  GQuark      domain;
  int         code;
  const char *mentions;  /* the group, or what is wrong */
} Malformed;

static void
test_one_off_malformed (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  const Malformed cases[] = {
    { "[2022-13-01]\nname=X\nnations=england\n", HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
      "2022-13-01" },
    { "[2024-02-30]\nname=X\nnations=england\n", HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
      "2024-02-30" },
    { "[2024-6-3]\nname=X\nnations=england\n", HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
      "2024-6-3" },
    { "[3 June 2024]\nname=X\nnations=england\n", HEED_CALENDAR_ERROR,
      HEED_CALENDAR_ERROR_INVALID, "3 June 2024" },
    { "[2024-07-01]\nname=X\nnations=england;cornwall\n", HEED_CALENDAR_ERROR,
      HEED_CALENDAR_ERROR_INVALID, "2024-07-01" },
    { "[2024-07-01]\nname=X\nnations=england;cornwall\n", HEED_CALENDAR_ERROR,
      HEED_CALENDAR_ERROR_INVALID, "cornwall" },
    { "[2024-07-02]\nnations=england\n", G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
      "2024-07-02" },
    { "[2024-07-03]\nname=  \nnations=england\n", HEED_CALENDAR_ERROR,
      HEED_CALENDAR_ERROR_INVALID, "2024-07-03" },
    { "[2024-07-04]\nname=X\n", G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND, "2024-07-04" },
    { "[2024-07-05]\nname=X\nnations=;\n", HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
      "2024-07-05" },
    { "[2024-07-08]\nname=X\nnations=england\nreplaces=2024-05-32\n", HEED_CALENDAR_ERROR,
      HEED_CALENDAR_ERROR_INVALID, "2024-07-08" },
    { "[2024-07-09]\nname=X\nnations=england\nreplace=2024-05-27\n", HEED_CALENDAR_ERROR,
      HEED_CALENDAR_ERROR_INVALID, "replace" },
    /* A good day before a bad one is not taken either */
    { "[2024-07-10]\nname=X\nnations=england\n\n[2024-07-11]\nname=Y\nnations=englund\n",
      HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID, "2024-07-11" },
    { "this is not a key file\n", G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE, NULL },
    { "name=X\n", G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND, NULL },
  };

  /* A known state to keep: a one-off day of its own and none of the built-in ones */
  g_assert_true (heed_calendar_load_one_off_days (calendar,
                                                  "[2024-07-10]\n"
                                                  "name=Kept\n"
                                                  "nations=england\n"
                                                  "replaces=2024-05-27\n",
                                                  &error));
  g_assert_no_error (error);
  before = heed_calendar_list_holidays (calendar, 2024);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) after = NULL;

      g_test_message ("Loading: %s", cases[i].text);
      g_assert_false (heed_calendar_load_one_off_days (calendar, cases[i].text, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_test_message ("Error: %s", error->message);
      if (cases[i].mentions != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].mentions));
      g_clear_error (&error);

      after = heed_calendar_list_holidays (calendar, 2024);
      g_assert_cmpuint (after->len, ==, before->len);
      for (guint j = 0; j < after->len; j++)
        {
          HeedHoliday *a = g_ptr_array_index (before, j);
          HeedHoliday *b = g_ptr_array_index (after, j);

          g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
          g_assert_cmpstr (a->name, ==, b->name);
        }
      assert_holiday (calendar, "2024-07-10", "Kept");
      g_assert_true (is_working (calendar, "2024-05-27"));
      g_assert_true (is_working (calendar, "2022-06-03"));
      g_assert_true (is_working (calendar, "2024-07-11"));
    }
}

static void
test_one_off_data_file (void)
{
  /* The shipped file is what calendar_new() loaded, unless the resource was linked in */
  if (one_off_text == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (HEED_CALENDAR_ONE_OFF_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert_nonnull (bytes);
    }
  else
    {
      g_autoptr(HeedCalendar) calendar = heed_calendar_new (HEED_NATION_WALES);
      g_autoptr(GError) error = NULL;

      g_assert_true (heed_calendar_load_one_off_days (calendar, one_off_text, &error));
      g_assert_no_error (error);
    }
}

/* Counting working days */

static void
test_add_christmas (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);
  g_autofree char *a = add_working_days (calendar, "2025-12-23", 3);
  g_autofree char *b = add_working_days (calendar, "2025-12-24", 1);
  g_autofree char *c = add_working_days (calendar, "2025-12-25", 1);
  g_autofree char *d = add_working_days (calendar, "2021-12-24", 1);

  g_assert_cmpstr (a, ==, "2025-12-30");
  g_assert_cmpstr (b, ==, "2025-12-29");
  g_assert_cmpstr (c, ==, "2025-12-29");
  g_assert_cmpstr (d, ==, "2021-12-29");
}

static void
test_add_easter (void)
{
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  /* Thursday 2 April 2026, before Good Friday */
  g_autofree char *a = add_working_days (england, "2026-04-02", 3);
  g_autofree char *b = add_working_days (scotland, "2026-04-02", 3);
  g_autofree char *c = add_working_days (england, "2026-04-02", 1);

  g_assert_cmpstr (a, ==, "2026-04-09");
  g_assert_cmpstr (b, ==, "2026-04-08");
  g_assert_cmpstr (c, ==, "2026-04-07");
}

static void
test_add_weekend (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);
  g_autofree char *a = add_working_days (calendar, "2026-01-09", 1);  /* Friday */
  g_autofree char *b = add_working_days (calendar, "2026-01-10", 1);  /* Saturday */
  g_autofree char *c = add_working_days (calendar, "2026-01-11", 1);  /* Sunday */
  g_autofree char *d = add_working_days (calendar, "2026-01-05", 5);  /* Monday */
  g_autofree char *e = add_working_days (calendar, "2026-01-05", 20);

  g_assert_cmpstr (a, ==, "2026-01-12");
  g_assert_cmpstr (b, ==, "2026-01-12");
  g_assert_cmpstr (c, ==, "2026-01-12");
  g_assert_cmpstr (d, ==, "2026-01-12");
  g_assert_cmpstr (e, ==, "2026-02-02");
}

static void
test_add_zero (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);
  g_autofree char *a = add_working_days (calendar, "2026-01-10", 0);
  g_autofree char *b = add_working_days (calendar, "2025-12-25", 0);
  g_autofree char *c = add_working_days (calendar, "2026-01-06", 0);

  g_assert_cmpstr (a, ==, "2026-01-10");
  g_assert_cmpstr (b, ==, "2025-12-25");
  g_assert_cmpstr (c, ==, "2026-01-06");
}

static void
test_add_negative (void)
{
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  g_autofree char *a = add_working_days (england, "2025-12-30", -3);
  g_autofree char *b = add_working_days (england, "2026-01-12", -1);
  g_autofree char *c = add_working_days (england, "2026-01-10", -1);
  g_autofree char *d = add_working_days (england, "2026-01-05", -2);
  g_autofree char *e = add_working_days (scotland, "2026-01-05", -2);
  g_autofree char *f = add_working_days (england, "2026-04-07", -1);

  g_assert_cmpstr (a, ==, "2025-12-23");
  g_assert_cmpstr (b, ==, "2026-01-09");
  g_assert_cmpstr (c, ==, "2026-01-09");
  g_assert_cmpstr (d, ==, "2025-12-31");
  g_assert_cmpstr (e, ==, "2025-12-30");
  g_assert_cmpstr (f, ==, "2026-04-02");
}

static void
test_add_year_boundary (void)
{
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  g_autofree char *a = add_working_days (england, "2025-12-31", 1);
  g_autofree char *b = add_working_days (scotland, "2025-12-31", 1);
  g_autofree char *c = add_working_days (england, "2025-12-31", 253);
  g_autofree char *d = add_working_days (scotland, "2021-12-31", 1);
  GDate date;

  g_assert_cmpstr (a, ==, "2026-01-02");
  g_assert_cmpstr (b, ==, "2026-01-05");
  g_assert_cmpstr (c, ==, "2026-12-31");
  g_assert_cmpstr (d, ==, "2022-01-05");

  /* The result may be the date counted from */
  set_date (&date, "2025-12-23");
  heed_calendar_add_working_days (england, &date, 3, &date);
  g_assert_cmpint (g_date_get_day (&date), ==, 30);
}

static void
test_between (void)
{
  g_autoptr(HeedCalendar) england = calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCalendar) scotland = calendar_new (HEED_NATION_SCOTLAND);
  g_autoptr(HeedCalendar) ni = calendar_new (HEED_NATION_NORTHERN_IRELAND);

  g_assert_cmpint (working_days_between (england, "2025-12-23", "2025-12-30"), ==, 3);
  g_assert_cmpint (working_days_between (england, "2025-12-30", "2025-12-23"), ==, -3);
  g_assert_cmpint (working_days_between (england, "2025-12-23", "2025-12-23"), ==, 0);
  g_assert_cmpint (working_days_between (england, "2025-12-25", "2025-12-25"), ==, 0);
  g_assert_cmpint (working_days_between (england, "2026-01-09", "2026-01-10"), ==, 0);
  g_assert_cmpint (working_days_between (england, "2026-01-10", "2026-01-12"), ==, 1);
  g_assert_cmpint (working_days_between (england, "2026-01-12", "2026-01-10"), ==, 0);
  g_assert_cmpint (working_days_between (england, "2026-01-12", "2026-01-09"), ==, -1);
  g_assert_cmpint (working_days_between (england, "2026-04-02", "2026-04-09"), ==, 3);
  g_assert_cmpint (working_days_between (scotland, "2026-04-02", "2026-04-09"), ==, 4);
  g_assert_cmpint (working_days_between (england, "2025-12-31", "2026-12-31"), ==, 253);
  g_assert_cmpint (working_days_between (scotland, "2025-12-31", "2026-12-31"), ==, 251);
  g_assert_cmpint (working_days_between (ni, "2025-12-31", "2026-12-31"), ==, 251);
  g_assert_cmpint (working_days_between (england, "2026-12-31", "2025-12-31"), ==, -253);
}

/* working_days_between against a count day by day, and against add_working_days */
static void
test_between_random (void)
{
  for (int nation = 0; nation < HEED_N_NATIONS; nation++)
    {
      g_autoptr(HeedCalendar) calendar = calendar_new ((HeedNation) nation);

      for (int i = 0; i < 2000; i++)
        {
          GDate from, to, day, result;
          int span = g_test_rand_int_range (-400, 400);
          int n = g_test_rand_int_range (-300, 300);
          int expected = 0;

          g_date_clear (&from, 1);
          g_date_set_julian (&from, (guint32) g_test_rand_int_range (736695, 740348));
          to = from;
          if (span >= 0)
            g_date_add_days (&to, (guint) span);
          else
            g_date_subtract_days (&to, (guint) -span);

          day = from;
          if (span >= 0)
            {
              while (g_date_compare (&day, &to) < 0)
                {
                  g_date_add_days (&day, 1);
                  expected += heed_calendar_is_working_day (calendar, &day);
                }
            }
          else
            {
              while (g_date_compare (&day, &to) > 0)
                {
                  g_date_subtract_days (&day, 1);
                  expected -= heed_calendar_is_working_day (calendar, &day);
                }
            }
          g_assert_cmpint (heed_calendar_working_days_between (calendar, &from, &to), ==,
                           expected);

          heed_calendar_add_working_days (calendar, &from, n, &result);
          g_assert_cmpint (heed_calendar_working_days_between (calendar, &from, &result), ==, n);
          if (n != 0)
            g_assert_true (heed_calendar_is_working_day (calendar, &result));
        }
    }
}

/* Deadlines for many cases at once */
static void
test_many (void)
{
  g_autoptr(HeedCalendar) calendar = calendar_new (HEED_NATION_ENGLAND);
  gint64 start = g_get_monotonic_time ();
  GDate from, result;
  guint64 sum = 0;

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1, 2015);
  for (int i = 0; i < 100000; i++)
    {
      heed_calendar_add_working_days (calendar, &from, 20, &result);
      sum += g_date_get_julian (&result);
      g_date_add_days (&from, 1);
      if (g_date_get_year (&from) > 2035)
        g_date_set_dmy (&from, 1, 1, 2015);
    }

  g_assert_cmpuint (sum, >, 0);
  g_test_message ("100,000 deadlines in %.3f s", (g_get_monotonic_time () - start) / 1e6);
}

/* Finding the shipped one-off days */

static char *
read_one_off_file (void)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *here = g_path_get_dirname (__FILE__);

#ifdef HEED_TEST_DATA_DIR
  g_ptr_array_add (candidates, g_build_filename (HEED_TEST_DATA_DIR, "one-off-holidays.ini",
                                                 NULL));
#endif
  if (srcdir != NULL)
    g_ptr_array_add (candidates, g_build_filename (srcdir, "..", "data", "one-off-holidays.ini",
                                                   NULL));
  g_ptr_array_add (candidates, g_build_filename (here, "..", "data", "one-off-holidays.ini",
                                                 NULL));

  for (guint i = 0; i < candidates->len; i++)
    {
      char *text = NULL;

      if (g_file_get_contents (g_ptr_array_index (candidates, i), &text, NULL, NULL))
        return text;
    }

  g_error ("data/one-off-holidays.ini not found: set G_TEST_SRCDIR to the tests directory");
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!g_resources_get_info (HEED_CALENDAR_ONE_OFF_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL,
                             NULL, NULL))
    one_off_text = read_one_off_file ();

  g_test_add_func ("/core/calendar/easter", test_easter);
  g_test_add_func ("/core/calendar/nation/ids", test_nation_ids);
  g_test_add_func ("/core/calendar/nation/property", test_nation_property);

  for (guint i = 0; i < G_N_ELEMENTS (year_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/calendar/%s/%d",
                                               heed_nation_to_id (year_cases[i].nation),
                                               year_cases[i].year);

      g_test_add_data_func (path, &year_cases[i], test_year);
    }

  g_test_add_func ("/core/calendar/england/christmas-2021", test_england_christmas_2021);
  g_test_add_func ("/core/calendar/england/christmas-2022", test_england_christmas_2022);
  g_test_add_func ("/core/calendar/england/new-year-2022", test_england_new_year_2022);
  g_test_add_func ("/core/calendar/scotland/new-year-2022", test_scotland_new_year_2022);
  g_test_add_func ("/core/calendar/scotland/new-year-2023", test_scotland_new_year_2023);
  g_test_add_func ("/core/calendar/scotland/easter-monday", test_scotland_easter_monday);
  g_test_add_func ("/core/calendar/scotland/st-andrew-2025", test_scotland_st_andrew_2025);
  g_test_add_func ("/core/calendar/scotland/summer", test_scotland_summer);
  g_test_add_func ("/core/calendar/northern-ireland/boyne-2026",
                   test_northern_ireland_boyne_2026);
  g_test_add_func ("/core/calendar/northern-ireland/st-patrick",
                   test_northern_ireland_st_patrick);
  g_test_add_func ("/core/calendar/all/counts", test_counts);
  g_test_add_func ("/core/calendar/all/consistency", test_consistency);

  g_test_add_func ("/core/calendar/one-off/built-in", test_one_off_built_in);
  g_test_add_func ("/core/calendar/one-off/none", test_one_off_none);
  g_test_add_func ("/core/calendar/one-off/load", test_one_off_load);
  g_test_add_func ("/core/calendar/one-off/malformed", test_one_off_malformed);
  g_test_add_func ("/core/calendar/one-off/data-file", test_one_off_data_file);

  g_test_add_func ("/core/calendar/add-working-days/christmas", test_add_christmas);
  g_test_add_func ("/core/calendar/add-working-days/easter", test_add_easter);
  g_test_add_func ("/core/calendar/add-working-days/weekend", test_add_weekend);
  g_test_add_func ("/core/calendar/add-working-days/zero", test_add_zero);
  g_test_add_func ("/core/calendar/add-working-days/negative", test_add_negative);
  g_test_add_func ("/core/calendar/add-working-days/year-boundary", test_add_year_boundary);
  g_test_add_func ("/core/calendar/working-days-between/basic", test_between);
  g_test_add_func ("/core/calendar/working-days-between/random", test_between_random);
  g_test_add_func ("/core/calendar/many", test_many);

  return g_test_run ();
}
