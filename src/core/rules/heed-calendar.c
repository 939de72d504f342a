/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include "heed-calendar.h"
#include "heed-core-resources.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* Bank holidays are of three kinds here:
 *
 *  - days fixed by a rule on the calendar (Good Friday, the first Monday in May, ...), which can
 *    only fall on a weekday;
 *  - days fixed by date (Christmas Day, St Andrew's Day, ...), which when they fall on a
 *    Saturday or Sunday are made up by the next weekday that is not already a holiday;
 *  - one-off days appointed by Royal Proclamation, from a key file: extra days, and days moved,
 *    which name the regular holiday they stand in for with "replaces".
 *
 * Dates are handled as GDate Julian day numbers, where day 1 (1 January of year 1) was a
 * Monday, so the day of the week is arithmetic and a year's holidays are a short sorted array. */

G_DEFINE_QUARK (heed-calendar-error-quark, heed_calendar_error)

G_DEFINE_ENUM_TYPE (HeedNation, heed_nation,
                    G_DEFINE_ENUM_VALUE (HEED_NATION_ENGLAND, "england"),
                    G_DEFINE_ENUM_VALUE (HEED_NATION_WALES, "wales"),
                    G_DEFINE_ENUM_VALUE (HEED_NATION_SCOTLAND, "scotland"),
                    G_DEFINE_ENUM_VALUE (HEED_NATION_NORTHERN_IRELAND, "northern-ireland"))

static const struct {
  const char *id;
  const char *name;
} nations[HEED_N_NATIONS] = {
  [HEED_NATION_ENGLAND] = { "england", N_("England") },
  [HEED_NATION_WALES] = { "wales", N_("Wales") },
  [HEED_NATION_SCOTLAND] = { "scotland", N_("Scotland") },
  [HEED_NATION_NORTHERN_IRELAND] = { "northern-ireland", N_("Northern Ireland") },
};

#define NATION_IS_VALID(nation) ((guint) (nation) < HEED_N_NATIONS)
#define NATION_BIT(nation) (1u << (nation))

const char *
heed_nation_to_id (HeedNation nation)
{
  g_return_val_if_fail (NATION_IS_VALID (nation), NULL);

  return nations[nation].id;
}

gboolean
heed_nation_from_id (const char *id,
                     HeedNation *nation)
{
  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < HEED_N_NATIONS; i++)
    {
      if (strcmp (id, nations[i].id) == 0)
        {
          if (nation != NULL)
            *nation = (HeedNation) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
heed_nation_get_name (HeedNation nation)
{
  g_return_val_if_fail (NATION_IS_VALID (nation), NULL);

  return _(nations[nation].name);
}

void
heed_holiday_free (HeedHoliday *holiday)
{
  if (holiday == NULL)
    return;

  g_free (holiday->name);
  g_free (holiday);
}

void
heed_calendar_get_easter_sunday (int    year,
                                 GDate *result)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_if_fail (g_date_valid_year (year));
  g_return_if_fail (result != NULL);

  /* The anonymous Gregorian algorithm (Meeus/Jones/Butcher): the Paschal full moon from the
   * Metonic cycle with the century corrections for the solar and lunar years, then the Sunday
   * after it. */
  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (result, 1);
  g_date_set_dmy (result, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Julian day helpers */

static inline gboolean
julian_is_weekend (guint32 julian)
{
  /* Day 1 was a Monday: 0..4 are Monday to Friday. */
  return (julian - 1) % 7 >= 5;
}

/* Weekdays in days 1 to @julian inclusive. */
static inline gint64
weekdays_up_to (guint32 julian)
{
  return (gint64) (julian / 7) * 5 + MIN (julian % 7, 5);
}

static guint32
julian_from_dmy (int day,
                 int month,
                 int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static int
year_of_julian (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date);
}

/* The @nth (1-based) Monday of a month, or with @nth == -1 the last. */
static guint32
nth_monday (int year,
            int month,
            int nth)
{
  guint32 julian;

  if (nth > 0)
    {
      julian = julian_from_dmy (1, month, year);
      while ((julian - 1) % 7 != 0)
        julian++;
      return julian + 7 * (guint32) (nth - 1);
    }

  julian = julian_from_dmy (g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                            month, year);
  while ((julian - 1) % 7 != 0)
    julian--;
  return julian;
}

/* Parses exactly "YYYY-MM-DD" into a Julian day; 0 if it is not a real date. */
static guint32
parse_iso_date (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return 0;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return 0;
    }

  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  day = (int) g_ascii_strtoll (text + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;

  return julian_from_dmy (day, month, year);
}

/* One-off days */

typedef struct {
  guint32  julian;
  int      year;
  guint32  replaces;  /* Julian day of the regular holiday it stands in for; 0 for none */
  guint    nations;   /* NATION_BIT() mask */
  char    *name;
} OneOffDay;

static void
one_off_day_clear (gpointer data)
{
  OneOffDay *day = data;

  g_clear_pointer (&day->name, g_free);
}

static gboolean
key_is_known (const char *key)
{
  size_t len;

  if (strcmp (key, "name") == 0 || strcmp (key, "nations") == 0 || strcmp (key, "replaces") == 0)
    return TRUE;

  /* A translated name, name[cy] */
  len = strlen (key);
  return g_str_has_prefix (key, "name[") && len > 6 && key[len - 1] == ']';
}

static gboolean
parse_one_off_group (GKeyFile    *key_file,
                     const char  *group,
                     OneOffDay   *day,
                     GError     **error)
{
  g_auto(GStrv) keys = NULL;
  g_auto(GStrv) nation_ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *replaces = NULL;
  GError *local_error = NULL;
  guint mask = 0;

  day->julian = parse_iso_date (group);
  if (day->julian == 0)
    {
      g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
                   _("One-off holiday “%s”: the group name must be a date written YYYY-MM-DD"),
                   group);
      return FALSE;
    }

  keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (!key_is_known (keys[i]))
        {
          g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
                       _("One-off holiday “%s”: unknown key “%s” (expected name, nations or "
                         "replaces)"),
                       group, keys[i]);
          return FALSE;
        }
    }

  if (!g_key_file_has_key (key_file, group, "name", NULL))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("One-off holiday “%s” has no name"), group);
      return FALSE;
    }
  name = g_key_file_get_locale_string (key_file, group, "name", NULL, &local_error);
  if (name == NULL)
    {
      g_propagate_prefixed_error (error, local_error, _("One-off holiday “%s”: "), group);
      return FALSE;
    }
  g_strstrip (name);
  if (name[0] == '\0')
    {
      g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
                   _("One-off holiday “%s” has an empty name"), group);
      return FALSE;
    }

  if (!g_key_file_has_key (key_file, group, "nations", NULL))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("One-off holiday “%s” does not say which nations it is for"), group);
      return FALSE;
    }
  nation_ids = g_key_file_get_string_list (key_file, group, "nations", NULL, &local_error);
  if (nation_ids == NULL)
    {
      g_propagate_prefixed_error (error, local_error, _("One-off holiday “%s”: "), group);
      return FALSE;
    }
  for (guint i = 0; nation_ids[i] != NULL; i++)
    {
      HeedNation nation;

      g_strstrip (nation_ids[i]);
      if (nation_ids[i][0] == '\0')
        continue;
      if (!heed_nation_from_id (nation_ids[i], &nation))
        {
          g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
                       _("One-off holiday “%s”: unknown nation “%s” (expected england, wales, "
                         "scotland or northern-ireland)"),
                       group, nation_ids[i]);
          return FALSE;
        }
      mask |= NATION_BIT (nation);
    }
  if (mask == 0)
    {
      g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
                   _("One-off holiday “%s” does not say which nations it is for"), group);
      return FALSE;
    }

  day->replaces = 0;
  if (g_key_file_has_key (key_file, group, "replaces", NULL))
    {
      replaces = g_key_file_get_string (key_file, group, "replaces", &local_error);
      if (replaces == NULL)
        {
          g_propagate_prefixed_error (error, local_error, _("One-off holiday “%s”: "), group);
          return FALSE;
        }
      g_strstrip (replaces);
      day->replaces = parse_iso_date (replaces);
      if (day->replaces == 0)
        {
          g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_INVALID,
                       _("One-off holiday “%s”: “replaces” must be a date written YYYY-MM-DD, "
                         "not “%s”"),
                       group, replaces);
          return FALSE;
        }
    }

  day->year = year_of_julian (day->julian);
  day->nations = mask;
  day->name = g_steal_pointer (&name);
  return TRUE;
}

/* Returns a GArray of OneOffDay, or NULL with @error set. */
static GArray *
parse_one_off_days (const char  *text,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (OneOffDay));
  g_auto(GStrv) groups = NULL;

  g_array_set_clear_func (days, one_off_day_clear);

  if (!g_key_file_load_from_data (key_file, text, length, G_KEY_FILE_NONE, error))
    return NULL;

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      OneOffDay day = { 0, };

      if (!parse_one_off_group (key_file, groups[i], &day, error))
        return NULL;
      g_array_append_val (days, day);
    }

  return g_steal_pointer (&days);
}

/* A year's holidays */

typedef struct {
  guint32  julian;
  gboolean one_off;
  char    *name;
} Entry;

typedef struct {
  int      year;
  guint32  first;  /* Julian days of 1 January and 31 December */
  guint32  last;
  guint    n_entries;
  Entry   *entries;  /* sorted by date, one per date */
} YearHolidays;

static void
year_holidays_free (gpointer data)
{
  YearHolidays *year = data;

  for (guint i = 0; i < year->n_entries; i++)
    g_free (year->entries[i].name);
  g_free (year->entries);
  g_free (year);
}

struct _HeedCalendar
{
  GObject       parent_instance;

  HeedNation    nation;
  GArray       *one_off_days;  /* OneOffDay */
  GHashTable   *years;         /* year → YearHolidays */
  YearHolidays *last_year;     /* the one asked about last, owned by years */
};

G_DEFINE_FINAL_TYPE (HeedCalendar, heed_calendar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
entries_find (GArray  *entries,
              guint32  julian,
              guint   *index)
{
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_array_index (entries, Entry, i).julian == julian)
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
entries_add (GArray     *entries,
             guint32     julian,
             gboolean    one_off,
             const char *name)
{
  Entry entry = { julian, one_off, g_strdup (name) };
  guint index;

  if (entries_find (entries, julian, &index))
    {
      /* Only a one-off day lands on a day that is already a holiday, and then it is the same
       * holiday under the proclaimed name. */
      Entry *old = &g_array_index (entries, Entry, index);

      g_free (old->name);
      *old = entry;
      return;
    }

  g_array_append_val (entries, entry);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  return (ea->julian > eb->julian) - (ea->julian < eb->julian);
}

typedef struct {
  int         month;
  int         day;
  const char *name;
} FixedDay;

static const FixedDay england_fixed[] = {
  { 1, 1, N_("New Year’s Day") },
  { 12, 25, N_("Christmas Day") },
  { 12, 26, N_("Boxing Day") },
};

static const FixedDay scotland_fixed[] = {
  { 1, 1, N_("New Year’s Day") },
  { 1, 2, N_("2nd January") },
  { 11, 30, N_("St Andrew’s Day") },
  { 12, 25, N_("Christmas Day") },
  { 12, 26, N_("Boxing Day") },
};

static const FixedDay northern_ireland_fixed[] = {
  { 1, 1, N_("New Year’s Day") },
  { 3, 17, N_("St Patrick’s Day") },
  { 7, 12, N_("Battle of the Boyne (Orangemen’s Day)") },
  { 12, 25, N_("Christmas Day") },
  { 12, 26, N_("Boxing Day") },
};

static YearHolidays *
compute_year (HeedCalendar *self,
              int           year)
{
  const FixedDay *fixed;
  guint n_fixed;
  guint32 weekend_days[G_N_ELEMENTS (scotland_fixed)];
  const char *weekend_names[G_N_ELEMENTS (scotland_fixed)];
  guint n_weekend = 0;
  GDate easter;
  guint32 easter_julian;
  GArray *entries;
  YearHolidays *result;

  G_STATIC_ASSERT (G_N_ELEMENTS (scotland_fixed) >= G_N_ELEMENTS (england_fixed));
  G_STATIC_ASSERT (G_N_ELEMENTS (scotland_fixed) >= G_N_ELEMENTS (northern_ireland_fixed));

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  /* Days fixed by a rule, which are always weekdays */
  heed_calendar_get_easter_sunday (year, &easter);
  easter_julian = g_date_get_julian (&easter);
  entries_add (entries, easter_julian - 2, FALSE, _("Good Friday"));
  if (self->nation != HEED_NATION_SCOTLAND)
    entries_add (entries, easter_julian + 1, FALSE, _("Easter Monday"));
  entries_add (entries, nth_monday (year, 5, 1), FALSE, _("Early May bank holiday"));
  entries_add (entries, nth_monday (year, 5, -1), FALSE, _("Spring bank holiday"));
  entries_add (entries, nth_monday (year, 8, self->nation == HEED_NATION_SCOTLAND ? 1 : -1),
               FALSE, _("Summer bank holiday"));

  /* One-off days, before the substitutes so that a substitute goes past them */
  for (guint i = 0; i < self->one_off_days->len; i++)
    {
      const OneOffDay *day = &g_array_index (self->one_off_days, OneOffDay, i);

      if ((day->nations & NATION_BIT (self->nation)) != 0 && day->year == year)
        entries_add (entries, day->julian, TRUE, day->name);
    }

  /* Days fixed by date: those on a weekday are kept; the rest are made up below, in date
   * order, each by the next weekday not already a holiday. */
  switch (self->nation)
    {
    case HEED_NATION_SCOTLAND:
      fixed = scotland_fixed;
      n_fixed = G_N_ELEMENTS (scotland_fixed);
      break;
    case HEED_NATION_NORTHERN_IRELAND:
      fixed = northern_ireland_fixed;
      n_fixed = G_N_ELEMENTS (northern_ireland_fixed);
      break;
    case HEED_NATION_ENGLAND:
    case HEED_NATION_WALES:
    default:
      fixed = england_fixed;
      n_fixed = G_N_ELEMENTS (england_fixed);
      break;
    }

  for (guint i = 0; i < n_fixed; i++)
    {
      guint32 julian = julian_from_dmy (fixed[i].day, fixed[i].month, year);

      if (julian_is_weekend (julian))
        {
          weekend_days[n_weekend] = julian;
          weekend_names[n_weekend] = fixed[i].name;
          n_weekend++;
        }
      else if (!entries_find (entries, julian, NULL))
        {
          entries_add (entries, julian, FALSE, _(fixed[i].name));
        }
    }

  for (guint i = 0; i < n_weekend; i++)
    {
      guint32 julian = weekend_days[i] + 1;
      g_autofree char *name = NULL;

      while (julian_is_weekend (julian) || entries_find (entries, julian, NULL))
        julian++;

      /* Translators: the name of a bank holiday taken on another day because it fell on a
       * weekend, e.g. "Christmas Day (substitute day)" */
      name = g_strdup_printf (_("%s (substitute day)"), _(weekend_names[i]));
      entries_add (entries, julian, FALSE, name);
    }

  /* Regular holidays that a one-off day stands in for */
  for (guint i = 0; i < self->one_off_days->len; i++)
    {
      const OneOffDay *day = &g_array_index (self->one_off_days, OneOffDay, i);
      guint index;

      if (day->replaces == 0 || (day->nations & NATION_BIT (self->nation)) == 0)
        continue;
      if (entries_find (entries, day->replaces, &index)
          && !g_array_index (entries, Entry, index).one_off)
        {
          g_free (g_array_index (entries, Entry, index).name);
          g_array_remove_index_fast (entries, index);
        }
    }

  g_array_sort (entries, entry_compare);

  result = g_new0 (YearHolidays, 1);
  result->year = year;
  result->first = julian_from_dmy (1, 1, year);
  result->last = julian_from_dmy (31, 12, year);
  result->n_entries = entries->len;
  result->entries = (Entry *) (gpointer) g_array_free (entries, FALSE);
  return result;
}

static YearHolidays *
get_year (HeedCalendar *self,
          int           year)
{
  YearHolidays *holidays;

  if (self->last_year != NULL && self->last_year->year == year)
    return self->last_year;

  holidays = g_hash_table_lookup (self->years, GINT_TO_POINTER (year));
  if (holidays == NULL)
    {
      holidays = compute_year (self, year);
      g_hash_table_insert (self->years, GINT_TO_POINTER (year), holidays);
    }

  self->last_year = holidays;
  return holidays;
}

static YearHolidays *
get_year_of_julian (HeedCalendar *self,
                    guint32       julian)
{
  if (self->last_year != NULL && julian >= self->last_year->first
      && julian <= self->last_year->last)
    return self->last_year;

  return get_year (self, year_of_julian (julian));
}

static const Entry *
find_holiday (HeedCalendar *self,
              guint32       julian)
{
  YearHolidays *year = get_year_of_julian (self, julian);

  for (guint i = 0; i < year->n_entries; i++)
    {
      if (year->entries[i].julian == julian)
        return &year->entries[i];
      if (year->entries[i].julian > julian)
        break;
    }
  return NULL;
}

static inline gboolean
julian_is_working_day (HeedCalendar *self,
                       guint32       julian)
{
  return !julian_is_weekend (julian) && find_holiday (self, julian) == NULL;
}

/* Working days in (@after, @upto], for @after <= @upto */
static gint64
count_working_days (HeedCalendar *self,
                    guint32       after,
                    guint32       upto)
{
  gint64 count;
  int first_year, last_year;

  if (after >= upto)
    return 0;

  count = weekdays_up_to (upto) - weekdays_up_to (after);

  first_year = year_of_julian (after + 1);
  last_year = year_of_julian (upto);
  for (int year = first_year; year <= last_year; year++)
    {
      YearHolidays *holidays = get_year (self, year);

      for (guint i = 0; i < holidays->n_entries; i++)
        {
          guint32 julian = holidays->entries[i].julian;

          if (julian > after && julian <= upto && !julian_is_weekend (julian))
            count--;
        }
    }

  return count;
}

static void
heed_calendar_reset_cache (HeedCalendar *self)
{
  self->last_year = NULL;
  g_hash_table_remove_all (self->years);
}

static gboolean
heed_calendar_load_one_off_days_internal (HeedCalendar  *self,
                                          const char    *text,
                                          gssize         length,
                                          GError       **error)
{
  GArray *days = parse_one_off_days (text, length, error);

  if (days == NULL)
    return FALSE;

  g_clear_pointer (&self->one_off_days, g_array_unref);
  self->one_off_days = days;
  heed_calendar_reset_cache (self);
  return TRUE;
}

static void
heed_calendar_load_builtin (HeedCalendar *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (HEED_CALENDAR_ONE_OFF_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                   &error);
  if (bytes == NULL)
    {
      /* Not built in, as in a test of the calendar alone: the regular holidays only. */
      if (!g_error_matches (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND))
        g_warning ("Could not read the built-in one-off holidays: %s", error->message);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!heed_calendar_load_one_off_days_internal (self, data, (gssize) size, &error))
    g_critical ("The built-in one-off holidays are not valid: %s", error->message);
}

static void
heed_calendar_constructed (GObject *object)
{
  HeedCalendar *self = HEED_CALENDAR (object);

  G_OBJECT_CLASS (heed_calendar_parent_class)->constructed (object);

  heed_calendar_load_builtin (self);
}

static void
heed_calendar_finalize (GObject *object)
{
  HeedCalendar *self = HEED_CALENDAR (object);

  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->one_off_days, g_array_unref);

  G_OBJECT_CLASS (heed_calendar_parent_class)->finalize (object);
}

static void
heed_calendar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HeedCalendar *self = HEED_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_NATION:
      g_value_set_enum (value, self->nation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_calendar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HeedCalendar *self = HEED_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_NATION:
      self->nation = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_calendar_class_init (HeedCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = heed_calendar_constructed;
  object_class->finalize = heed_calendar_finalize;

  /* Referencing the resource links it in from the static library, which registers it. */
  g_assert (heed_core_get_resource () != NULL);
  object_class->get_property = heed_calendar_get_property;
  object_class->set_property = heed_calendar_set_property;

  /**
   * HeedCalendar:nation:
   *
   * The nation whose bank holidays are kept.
   */
  properties[PROP_NATION] =
    g_param_spec_enum ("nation", NULL, NULL, HEED_TYPE_NATION, HEED_NATION_ENGLAND,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heed_calendar_init (HeedCalendar *self)
{
  self->one_off_days = g_array_new (FALSE, TRUE, sizeof (OneOffDay));
  g_array_set_clear_func (self->one_off_days, one_off_day_clear);
  self->years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, year_holidays_free);
}

HeedCalendar *
heed_calendar_new (HeedNation nation)
{
  g_return_val_if_fail (NATION_IS_VALID (nation), NULL);

  return g_object_new (HEED_TYPE_CALENDAR, "nation", nation, NULL);
}

HeedNation
heed_calendar_get_nation (HeedCalendar *self)
{
  g_return_val_if_fail (HEED_IS_CALENDAR (self), HEED_NATION_ENGLAND);

  return self->nation;
}

gboolean
heed_calendar_load_one_off_days (HeedCalendar  *self,
                                 const char    *key_file_text,
                                 GError       **error)
{
  g_return_val_if_fail (HEED_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (key_file_text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return heed_calendar_load_one_off_days_internal (self, key_file_text, -1, error);
}

gboolean
heed_calendar_is_bank_holiday (HeedCalendar  *self,
                               const GDate   *date,
                               char         **name)
{
  const Entry *entry;

  if (name != NULL)
    *name = NULL;

  g_return_val_if_fail (HEED_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  entry = find_holiday (self, g_date_get_julian (date));
  if (entry == NULL)
    return FALSE;

  if (name != NULL)
    *name = g_strdup (entry->name);
  return TRUE;
}

gboolean
heed_calendar_is_working_day (HeedCalendar *self,
                              const GDate  *date)
{
  g_return_val_if_fail (HEED_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return julian_is_working_day (self, g_date_get_julian (date));
}

void
heed_calendar_add_working_days (HeedCalendar *self,
                                const GDate  *from,
                                int           n,
                                GDate        *result)
{
  guint32 julian;
  int step;

  g_return_if_fail (HEED_IS_CALENDAR (self));
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (result != NULL);

  julian = g_date_get_julian (from);
  step = n < 0 ? -1 : 1;

  for (int remaining = ABS (n); remaining > 0;)
    {
      if (!g_date_valid_julian ((guint32) ((gint64) julian + step)))
        {
          g_critical ("%s: counting %d working days goes past the dates a GDate can hold",
                      G_STRFUNC, n);
          break;
        }
      julian = (guint32) ((gint64) julian + step);
      if (julian_is_working_day (self, julian))
        remaining--;
    }

  g_date_clear (result, 1);
  g_date_set_julian (result, julian);
}

gboolean
heed_calendar_knows_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_get_year (date) >= HEED_CALENDAR_FIRST_YEAR
         && g_date_get_year (date) <= HEED_CALENDAR_LAST_YEAR;
}

gboolean
heed_calendar_try_add_working_days (HeedCalendar  *self,
                                    const GDate   *from,
                                    int            n,
                                    GDate         *result,
                                    GError       **error)
{
  GDate first, last;
  guint32 julian, first_julian, last_julian;
  int step;

  g_return_val_if_fail (HEED_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!heed_calendar_knows_date (from))
    {
      g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_OUT_OF_RANGE,
                   _("The working-day calendar knows the years %d to %d; %04u is outside them."),
                   HEED_CALENDAR_FIRST_YEAR, HEED_CALENDAR_LAST_YEAR,
                   (guint) g_date_get_year (from));
      return FALSE;
    }
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, HEED_CALENDAR_FIRST_YEAR);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, HEED_CALENDAR_LAST_YEAR);
  first_julian = g_date_get_julian (&first);
  last_julian = g_date_get_julian (&last);

  julian = g_date_get_julian (from);
  step = n < 0 ? -1 : 1;
  for (int remaining = ABS (n); remaining > 0;)
    {
      if ((step < 0 && julian <= first_julian) || (step > 0 && julian >= last_julian))
        {
          g_set_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_OUT_OF_RANGE,
                       step > 0 ? _("Counting %d working days goes past the end of %d, the last "
                                    "year the working-day calendar knows.")
                                : _("Counting %d working days goes back before %d, the first "
                                    "year the working-day calendar knows."),
                       n, step > 0 ? HEED_CALENDAR_LAST_YEAR : HEED_CALENDAR_FIRST_YEAR);
          return FALSE;
        }
      julian = (guint32) ((gint64) julian + step);
      if (julian_is_working_day (self, julian))
        remaining--;
    }

  g_date_clear (result, 1);
  g_date_set_julian (result, julian);
  return TRUE;
}

int
heed_calendar_working_days_between (HeedCalendar *self,
                                    const GDate  *from,
                                    const GDate  *to)
{
  guint32 from_julian, to_julian;

  g_return_val_if_fail (HEED_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  from_julian = g_date_get_julian (from);
  to_julian = g_date_get_julian (to);

  if (to_julian >= from_julian)
    return (int) count_working_days (self, from_julian, to_julian);
  else
    return -(int) count_working_days (self, to_julian - 1, from_julian - 1);
}

GPtrArray *
heed_calendar_list_holidays (HeedCalendar *self,
                             int           year)
{
  YearHolidays *holidays;
  GPtrArray *list;

  g_return_val_if_fail (HEED_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  holidays = get_year (self, year);
  list = g_ptr_array_new_full (holidays->n_entries, (GDestroyNotify) heed_holiday_free);
  for (guint i = 0; i < holidays->n_entries; i++)
    {
      HeedHoliday *holiday = g_new0 (HeedHoliday, 1);

      g_date_clear (&holiday->date, 1);
      g_date_set_julian (&holiday->date, holidays->entries[i].julian);
      holiday->name = g_strdup (holidays->entries[i].name);
      g_ptr_array_add (list, holiday);
    }

  return list;
}
