/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "heed-table-import.h"
#include "heed-store-exchange.h"
#include "heed-store-intake.h"
#include "heed-validate.h"

struct _HeedTableImport
{
  GObject          parent_instance;

  char            *source_name;
  HeedTable       *table;
  HeedTableSheet  *sheet;
  guint            heading_index;  /* 0-based row of the headings; G_MAXUINT for none */
  GPtrArray       *headings;       /* of char* */
  GPtrArray       *fields;         /* of const char* (static ids) or NULL */
};

G_DEFINE_FINAL_TYPE (HeedTableImport, heed_table_import, G_TYPE_OBJECT)

static const HeedImportField import_fields[] = {
  { "reference", N_("Reference") },
  { "received", N_("Date received") },
  { "kind", N_("Kind (complaint, concern…)") },
  { "channel", N_("How it came in") },
  { "name", N_("Name (whole)") },
  { "title", N_("Title") },
  { "first-name", N_("First name") },
  { "surname", N_("Surname") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
  { "postcode", N_("Postcode") },
  { "nhs-number", N_("NHS number") },
  { "summary", N_("Summary") },
  { "what-happened", N_("What happened") },
  { "wants", N_("What they would like to happen") },
  { "subject", N_("Subject") },
  { "incident-date", N_("When it happened") },
  { "acknowledged", N_("Date acknowledged") },
  { "responded", N_("Date responded") },
  { "closed", N_("Date closed") },
  { "status", N_("Status") },
  { "outcome", N_("Outcome") },
  { "apology", N_("Apology given (Y/N)") },
  { "lessons", N_("Lessons learned") },
};

/* Headings as logs write them, most particular first; a heading is matched by its words. */
static const struct { const char *words; const char *field; } guesses[] = {
  { "outcome wanted", "wants" }, { "desired outcome", "wants" }, { "outcome sought", "wants" },
  { "what they want", "wants" }, { "wants", "wants" }, { "resolution sought", "wants" },
  { "date acknowledged", "acknowledged" }, { "acknowledged", "acknowledged" },
  { "acknowledgement", "acknowledged" }, { "ack sent", "acknowledged" },
  { "date closed", "closed" }, { "closed", "closed" }, { "closure", "closed" },
  { "date responded", "responded" }, { "responded", "responded" }, { "response", "responded" },
  { "how received", "channel" }, { "received via", "channel" }, { "received by", "channel" },
  { "how made", "channel" }, { "method", "channel" }, { "channel", "channel" },
  { "route", "channel" }, { "format", "channel" },
  { "incident", "incident-date" }, { "date of event", "incident-date" },
  { "event date", "incident-date" }, { "date of incident", "incident-date" },
  { "date received", "received" }, { "received", "received" }, { "date logged", "received" },
  { "date of complaint", "received" }, { "date", "received" },
  { "first name", "first-name" }, { "forename", "first-name" }, { "given name", "first-name" },
  { "surname", "surname" }, { "last name", "surname" }, { "family name", "surname" },
  { "title", "title" },
  { "e mail", "email" }, { "email", "email" },
  { "phone", "phone" }, { "telephone", "phone" }, { "tel", "phone" }, { "mobile", "phone" },
  { "contact number", "phone" },
  { "postcode", "postcode" }, { "post code", "postcode" },
  { "nhs", "nhs-number" },
  { "name", "name" }, { "complainant", "name" }, { "patient", "name" },
  { "ref", "reference" }, { "reference", "reference" }, { "case no", "reference" },
  { "log no", "reference" }, { "complaint no", "reference" }, { "id", "reference" },
  { "type", "kind" }, { "kind", "kind" },
  { "summary", "summary" }, { "brief", "summary" }, { "issue", "summary" },
  { "description", "what-happened" }, { "details", "what-happened" },
  { "what happened", "what-happened" }, { "nature", "what-happened" },
  { "subject", "subject" }, { "category", "subject" }, { "theme", "subject" },
  { "area", "subject" },
  { "upheld", "outcome" }, { "outcome", "outcome" }, { "result", "outcome" },
  { "finding", "outcome" },
  { "status", "status" }, { "apology", "apology" }, { "lessons", "lessons" },
  { "learning", "lessons" },
};

const HeedImportField *
heed_table_import_list_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (import_fields);
  return import_fields;
}

static const char *
field_id (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (import_fields); i++)
    if (g_strcmp0 (import_fields[i].id, id) == 0)
      return import_fields[i].id;
  return NULL;
}

const char *
heed_table_import_field_label (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (import_fields); i++)
    if (g_strcmp0 (import_fields[i].id, id) == 0)
      return _(import_fields[i].label);
  return NULL;
}

void
heed_import_row_free (HeedImportRow *row)
{
  if (row == NULL)
    return;
  g_clear_pointer (&row->intake, heed_intake_free);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

char *
heed_import_row_describe (const HeedImportRow *row,
                          gboolean             in_words)
{
  g_autoptr(HeedPerson) person = NULL;
  g_autoptr(HeedCase) kase = NULL;
  HeedRecord *c;
  g_autoptr(GString) line = g_string_new (NULL);
  const char *reference, *outcome, *received;

  g_return_val_if_fail (row != NULL && row->intake != NULL, NULL);

  kase = heed_intake_build (row->intake, &person, NULL);
  c = HEED_RECORD (kase);
  reference = heed_case_get_reference (kase);
  outcome = heed_record_get_text (c, HEED_CASE_OUTCOME);
  received = heed_record_get_text (c, HEED_CASE_RECEIVED_AT);

  {
    const char *kind = heed_case_get_kind (kase);
    const char *channel = heed_record_get_text (c, HEED_CASE_CHANNEL);
    g_autofree char *date = NULL;
    GDate day;

    if (in_words && heed_case_get_received (kase, &day))
      date = heed_format_date_long (&day);
    else
      date = g_strndup (received != NULL ? received : "?", 10);
    g_string_append_printf (line, "%s · %s · %s · %s",
                            reference != NULL ? reference : _("new reference"),
                            in_words ? heed_case_kind_get_label (kind) : kind,
                            channel == NULL ? "?"
                            : in_words ? heed_case_channel_get_label (channel) : channel,
                            date);
  }
  if (person != NULL)
    {
      g_autofree char *name = heed_person_dup_full_name (person);

      if (name != NULL && name[0] != '\0')
        g_string_append_printf (line, " · %s", name);
    }
  g_string_append_printf (line, " · %s",
                          in_words ? heed_case_status_get_label (heed_case_get_status (kase))
                                   : heed_case_get_status (kase));
  if (outcome != NULL)
    g_string_append_printf (line, " (%s)", in_words ? heed_case_outcome_get_label (outcome)
                                                    : outcome);
  if (heed_case_get_summary (kase) != NULL)
    g_string_append_printf (line, " · %s", heed_case_get_summary (kase));
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
heed_table_import_finalize (GObject *object)
{
  HeedTableImport *self = HEED_TABLE_IMPORT (object);

  g_free (self->source_name);
  g_clear_pointer (&self->table, heed_table_free);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_table_import_parent_class)->finalize (object);
}

static void
heed_table_import_class_init (HeedTableImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heed_table_import_finalize;
}

static void
heed_table_import_init (HeedTableImport *self)
{
  self->heading_index = G_MAXUINT;
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->fields = g_ptr_array_new ();
}

/* Lower case, letters and digits only, words apart by one space: "Date Rec'd (DD/MM)" ->
 * "date recd dd mm". */
static char *
normalise_heading (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\'' || ch == 0x2019)
        continue;
      if (g_unichar_isalnum (ch))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, ch);
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_words (const char *heading,
           const char *words)
{
  gsize n = strlen (words);
  const char *p = heading;

  while ((p = strstr (p, words)) != NULL)
    {
      gboolean starts = p == heading || p[-1] == ' ';
      gboolean ends = p[n] == '\0' || p[n] == ' ';

      if (starts && ends)
        return TRUE;
      p++;
    }
  return FALSE;
}

static const char *
guess_field (const char *heading)
{
  g_autofree char *normal = normalise_heading (heading);

  if (normal[0] == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (has_words (normal, guesses[i].words))
      return guesses[i].field;
  return NULL;
}

static guint
row_length (HeedTableSheet *sheet,
            guint           row)
{
  return row < sheet->rows->len ? ((GPtrArray *) g_ptr_array_index (sheet->rows, row))->len : 0;
}

static gboolean
cell_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
guess_mapping (HeedTableImport *self)
{
  guint best = G_MAXUINT, best_score = 0, limit;
  guint n_columns;

  g_ptr_array_set_size (self->headings, 0);
  g_ptr_array_set_size (self->fields, 0);
  self->heading_index = G_MAXUINT;

  /* The heading row is the one, near the top, whose cells most look like headings. */
  limit = MIN (self->sheet->rows->len, 30);
  for (guint r = 0; r < limit; r++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint c = 0; c < row_length (self->sheet, r); c++)
        {
          const char *field = guess_field (heed_table_sheet_cell (self->sheet, r, c));

          if (field != NULL)
            g_hash_table_add (seen, (gpointer) field);
        }
      if (g_hash_table_size (seen) > best_score)
        {
          best = r;
          best_score = g_hash_table_size (seen);
        }
    }
  if (best_score < 2)
    {
      /* No row looks like headings: the first row with anything in it. */
      best = G_MAXUINT;
      for (guint r = 0; r < limit && best == G_MAXUINT; r++)
        for (guint c = 0; c < row_length (self->sheet, r); c++)
          if (!cell_blank (heed_table_sheet_cell (self->sheet, r, c)))
            {
              best = r;
              break;
            }
    }
  if (best == G_MAXUINT)
    return;
  self->heading_index = best;

  n_columns = 0;
  for (guint r = best; r < self->sheet->rows->len; r++)
    n_columns = MAX (n_columns, row_length (self->sheet, r));
  for (guint c = 0; c < n_columns; c++)
    {
      const char *heading = heed_table_sheet_cell (self->sheet, best, c);
      const char *field = guess_field (heading);

      g_ptr_array_add (self->headings, g_strstrip (g_strdup (heading != NULL ? heading : "")));
      /* Each field once: the first column that looks like it. */
      for (guint i = 0; field != NULL && i < self->fields->len; i++)
        if (g_ptr_array_index (self->fields, i) == field)
          field = NULL;
      g_ptr_array_add (self->fields, (gpointer) field);
    }
}

static HeedTableImport *
import_new (HeedTable  *table,
            const char *name,
            GError    **error)
{
  g_autoptr(HeedTableImport) self = g_object_new (HEED_TYPE_TABLE_IMPORT, NULL);

  self->table = table;
  self->source_name = g_path_get_basename (name != NULL ? name : _("spreadsheet"));
  if (!heed_table_import_set_sheet (self, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

HeedTableImport *
heed_table_import_new (const char  *path,
                       GError     **error)
{
  HeedTable *table;

  g_return_val_if_fail (path != NULL, NULL);

  table = heed_table_read (path, error);
  if (table == NULL)
    return NULL;
  return import_new (table, path, error);
}

HeedTableImport *
heed_table_import_new_for_bytes (GBytes      *bytes,
                                 const char  *name,
                                 GError     **error)
{
  HeedTable *table;

  g_return_val_if_fail (bytes != NULL, NULL);

  table = heed_table_read_bytes (bytes, name, error);
  if (table == NULL)
    return NULL;
  return import_new (table, name, error);
}

const char *
heed_table_import_get_source_name (HeedTableImport *self)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), NULL);
  return self->source_name;
}

HeedTable *
heed_table_import_get_table (HeedTableImport *self)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), NULL);
  return self->table;
}

guint
heed_table_import_get_n_sheets (HeedTableImport *self)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), 0);
  return self->table->sheets->len;
}

const char *
heed_table_import_get_sheet_name (HeedTableImport *self,
                                  guint            index)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->table->sheets->len, NULL);
  return ((HeedTableSheet *) g_ptr_array_index (self->table->sheets, index))->name;
}

gboolean
heed_table_import_set_sheet (HeedTableImport  *self,
                             const char       *name,
                             GError          **error)
{
  HeedTableSheet *sheet;

  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), FALSE);

  sheet = heed_table_find_sheet (self->table, name, error);
  if (sheet == NULL)
    return FALSE;
  self->sheet = sheet;
  guess_mapping (self);
  return TRUE;
}

const char *
heed_table_import_get_sheet (HeedTableImport *self)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), NULL);
  return self->sheet->name;
}

guint
heed_table_import_get_heading_row (HeedTableImport *self)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), 0);
  return self->heading_index == G_MAXUINT ? 0 : self->heading_index + 1;
}

guint
heed_table_import_get_n_columns (HeedTableImport *self)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), 0);
  return self->headings->len;
}

const char *
heed_table_import_get_heading (HeedTableImport *self,
                               guint            column)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->headings->len, NULL);
  return g_ptr_array_index (self->headings, column);
}

GPtrArray *
heed_table_import_dup_samples (HeedTableImport *self,
                               guint            column,
                               guint            n)
{
  GPtrArray *samples = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), samples);

  if (self->heading_index == G_MAXUINT)
    return samples;
  for (guint r = self->heading_index + 1; r < self->sheet->rows->len && samples->len < n; r++)
    {
      const char *cell = heed_table_sheet_cell (self->sheet, r, column);

      if (!cell_blank (cell))
        g_ptr_array_add (samples, g_strdup (cell));
    }
  return samples;
}

const char *
heed_table_import_get_field (HeedTableImport *self,
                             guint            column)
{
  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->fields->len, NULL);
  return g_ptr_array_index (self->fields, column);
}

void
heed_table_import_set_field (HeedTableImport *self,
                             guint            column,
                             const char      *field)
{
  const char *id;

  g_return_if_fail (HEED_IS_TABLE_IMPORT (self));
  g_return_if_fail (column < self->fields->len);

  id = field_id (field);
  if (id != NULL)
    for (guint i = 0; i < self->fields->len; i++)
      if (g_ptr_array_index (self->fields, i) == id)
        g_ptr_array_index (self->fields, i) = NULL;
  g_ptr_array_index (self->fields, column) = (gpointer) id;
}

gboolean
heed_table_import_map (HeedTableImport  *self,
                       const char       *mapping,
                       GError          **error)
{
  const char *equals;
  g_autofree char *heading = NULL;
  g_autofree char *field = NULL;

  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);

  equals = strrchr (mapping, '=');
  if (equals == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("--map takes a heading and a field, as in --map 'Date Rec’d=received', "
                     "not “%s”."),
                   mapping);
      return FALSE;
    }
  heading = g_strstrip (g_strndup (mapping, equals - mapping));
  field = g_strstrip (g_strdup (equals + 1));
  if (field_id (field) == NULL && g_strcmp0 (field, "ignore") != 0 && field[0] != '\0')
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (import_fields); i++)
        g_string_append_printf (list, "%s, ", import_fields[i].id);
      g_string_append (list, "ignore");
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is not a field Heed imports; use one of %s."), field, list->str);
      return FALSE;
    }
  for (guint c = 0; c < self->headings->len; c++)
    {
      const char *text = g_ptr_array_index (self->headings, c);
      g_autofree char *a = g_utf8_casefold (text, -1);
      g_autofree char *b = g_utf8_casefold (heading, -1);

      if (g_strcmp0 (a, b) == 0)
        {
          heed_table_import_set_field (self, c, field);
          return TRUE;
        }
    }
  {
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint c = 0; c < self->headings->len; c++)
      if (((char *) g_ptr_array_index (self->headings, c))[0] != '\0')
        g_string_append_printf (list, "%s“%s”", list->len > 0 ? ", " : "",
                                (char *) g_ptr_array_index (self->headings, c));
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                 _("The sheet has no column headed “%s”; its headings are %s."), heading,
                 list->str);
  }
  return FALSE;
}

/* Values as logs write them. */

static gboolean
read_time (const char *text,
           int        *hour,
           int        *minute)
{
  guint64 h, m;
  g_auto(GStrv) parts = g_strsplit (text, ":", 3);

  if (g_strv_length (parts) < 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
    return FALSE;
  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

gboolean
heed_table_import_parse_date (const char  *text,
                              GDate       *date,
                              int         *hour,
                              int         *minute,
                              GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  int h = -1, m = -1;
  char *end = NULL;
  double serial;
  GDate parsed, today_date;

  g_date_clear (&parsed, 1);
  g_date_clear (&today_date, 1);
  g_date_set_time_t (&today_date, time (NULL));
  if (copy[0] == '\0')
    {
      g_set_error_literal (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_EMPTY, _("No date."));
      return FALSE;
    }

  /* An Excel serial number: days since 30 December 1899, the time as a fraction. */
  serial = g_ascii_strtod (copy, &end);
  if (end != copy && *end == '\0' && strchr (copy, '-') == NULL && serial >= 10000
      && serial < 110000)
    {
      double days = floor (serial);
      double seconds = round ((serial - days) * 86400.0);

      g_date_set_dmy (&parsed, 30, G_DATE_DECEMBER, 1899);
      g_date_add_days (&parsed, (guint) days);
      if (seconds > 0 && seconds < 86400)
        {
          h = (int) (seconds / 3600);
          m = (int) ((seconds - h * 3600) / 60);
        }
      goto done;
    }

  /* A time after the date: "2025-04-03T10:30:00", "03/04/2025 10:30". */
  {
    char *sep = strchr (copy, 'T');

    if (sep == NULL || sep - copy != 10)
      sep = strrchr (copy, ' ');
    if (sep != NULL && strchr (sep + 1, ':') != NULL && read_time (sep + 1, &h, &m))
      *sep = '\0';
    else
      h = m = -1;
    g_strstrip (copy);
  }

  /* A two-digit year: 03/04/25. */
  {
    guint parts[3] = { 0, 0, 0 }, digits[3] = { 0, 0, 0 }, n = 0;
    const char *p = copy;

    for (; *p != '\0' && n < 3; p++)
      {
        if (g_ascii_isdigit (*p))
          {
            parts[n] = parts[n] * 10 + (guint) (*p - '0');
            if (++digits[n] > 2)
              break;
          }
        else if ((*p == '/' || *p == '.' || *p == '-') && digits[n] > 0 && n < 2)
          n++;
        else
          break;
      }
    if (*p == '\0' && n == 2 && digits[2] == 2)
      {
        guint this_year = (guint) (g_date_get_year (&today_date) % 100);
        guint year = parts[2] <= this_year + 1 ? 2000 + parts[2] : 1900 + parts[2];

        if (parts[1] >= 1 && parts[1] <= 12 && parts[0] >= 1
            && g_date_valid_dmy ((GDateDay) parts[0], (GDateMonth) parts[1], (GDateYear) year))
          {
            g_date_set_dmy (&parsed, (GDateDay) parts[0], (GDateMonth) parts[1],
                            (GDateYear) year);
            goto done;
          }
      }
  }

  if (!heed_parse_date (copy, &parsed, error))
    return FALSE;

done:
  if (date != NULL)
    *date = parsed;
  if (hour != NULL)
    *hour = h;
  if (minute != NULL)
    *minute = m;
  return TRUE;
}

static char *
capitalise_word (const char *word)
{
  GString *out = g_string_new (NULL);
  gboolean all_caps = TRUE, start = TRUE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      all_caps = FALSE;
  if (!all_caps || g_utf8_strlen (word, -1) < 2)
    {
      g_string_free (out, TRUE);
      return g_strdup (word);
    }
  /* SMITH -> Smith, O'BRIEN -> O'Brien, JONES-KAUR -> Jones-Kaur */
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_string_append_unichar (out, start ? g_unichar_totitle (ch) : g_unichar_tolower (ch));
      start = ch == '\'' || ch == 0x2019 || ch == '-';
    }
  return g_string_free (out, FALSE);
}

static char *
capitalise (const char *words)
{
  g_auto(GStrv) parts = g_strsplit (words, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *word = capitalise_word (parts[i]);

      g_free (parts[i]);
      parts[i] = word;
    }
  return g_strjoinv (" ", parts);
}

static const char *
known_title (const char *word)
{
  static const char *const titles[] = {
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Rev", "Revd", "Sir", "Lady",
    "Lord", "Dame", "Master", NULL
  };
  g_autofree char *bare = g_strdup (word);
  gsize n = strlen (bare);

  if (n > 0 && bare[n - 1] == '.')
    bare[n - 1] = '\0';
  for (guint i = 0; titles[i] != NULL; i++)
    if (g_ascii_strcasecmp (titles[i], bare) == 0)
      return titles[i];
  return NULL;
}

void
heed_table_import_split_name (const char  *text,
                              char       **title,
                              char       **first_name,
                              char       **last_name)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *found_title = NULL;
  char *comma;
  g_auto(GStrv) parts = NULL;

  *title = *first_name = *last_name = NULL;
  if (copy[0] == '\0')
    return;

  comma = strchr (copy, ',');
  if (comma != NULL)
    {
      /* "SMITH, Jane" or "Smith, Mrs Jane" */
      *comma = '\0';
      family = g_strstrip (g_strdup (copy));
      given = g_strstrip (g_strdup (comma + 1));
    }
  else
    given = g_strdup (copy);

  parts = g_strsplit_set (given, " \t", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  if (words->len > 0 && (found_title = known_title (g_ptr_array_index (words, 0))) != NULL
      && (words->len > 1 || family != NULL))
    g_ptr_array_remove_index (words, 0);
  else
    found_title = NULL;
  if (family == NULL && words->len > 0)
    {
      static const char *const particles[] = {
        "de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "ap", "ab", "bin",
        "al", "el", NULL
      };

      family = g_strdup (g_ptr_array_index (words, words->len - 1));
      g_ptr_array_remove_index (words, words->len - 1);
      /* "de Souza", "van der Berg", "ap Rhys" are surnames of more than one word. */
      while (words->len > 1 && g_strv_contains (particles, g_ptr_array_index (words,
                                                                             words->len - 1)))
        {
          char *joined = g_strconcat (g_ptr_array_index (words, words->len - 1), " ", family,
                                      NULL);

          g_free (family);
          family = joined;
          g_ptr_array_remove_index (words, words->len - 1);
        }
    }
  g_ptr_array_add (words, NULL);
  if (words->len > 1)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) words->pdata);

      *first_name = capitalise (joined);
    }
  if (family != NULL && family[0] != '\0')
    *last_name = capitalise (family);
  if (found_title != NULL)
    *title = g_strdup (found_title);
}

static gboolean
parse_yes_no (const char *text,
              gboolean   *value)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  if (g_strv_contains ((const char *const[]) { "y", "yes", "true", "1", "x", "✓", "✔", NULL },
                       lower))
    *value = TRUE;
  else if (g_strv_contains ((const char *const[]) { "n", "no", "false", "0", "-", NULL }, lower))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static const char *
parse_kind (const char *text)
{
  g_autofree char *lower = normalise_heading (text);

  if (has_words (lower, "compliment") || has_words (lower, "thanks")
      || has_words (lower, "praise"))
    return "compliment";
  if (has_words (lower, "concern"))
    return "concern";
  if (has_words (lower, "comment") || has_words (lower, "suggestion"))
    return "comment";
  if (has_words (lower, "complaint") || has_words (lower, "formal") || g_strcmp0 (lower, "c") == 0)
    return "complaint";
  return NULL;
}

static const char *
parse_channel (const char *text)
{
  static const struct { const char *words; const char *id; } channels[] = {
    { "e mail", "email" }, { "email", "email" }, { "phone", "phone" },
    { "telephone", "phone" }, { "tel", "phone" }, { "call", "phone" }, { "verbal", "in-person" },
    { "in person", "in-person" }, { "face to face", "in-person" }, { "reception", "in-person" },
    { "desk", "in-person" }, { "letter", "letter" }, { "post", "letter" },
    { "written", "letter" }, { "online", "online-form" }, { "website", "online-form" },
    { "web", "online-form" }, { "form", "online-form" }, { "nhs app", "online-form" },
    { "video", "video-call" }, { "text", "video-call" }, { "sms", "video-call" },
    { "advocate", "advocate" }, { "advocacy", "advocate" }, { "icb", "commissioner" },
    { "commissioner", "commissioner" }, { "nhs england", "commissioner" }, { "mp", "mp" },
  };
  g_autofree char *lower = normalise_heading (text);

  for (guint i = 0; heed_case_channels[i] != NULL; i++)
    if (g_strcmp0 (text, heed_case_channels[i]) == 0)
      return heed_case_channels[i];
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (has_words (lower, channels[i].words))
      return channels[i].id;
  return NULL;
}

static const char *
parse_outcome (const char *text)
{
  g_autofree char *lower = normalise_heading (text);

  if (has_words (lower, "withdrawn") || has_words (lower, "withdrew"))
    return "withdrawn";
  if (has_words (lower, "out of scope") || has_words (lower, "not in scope"))
    return "out-of-scope";
  if (has_words (lower, "not upheld") || has_words (lower, "rejected")
      || g_strcmp0 (lower, "no") == 0 || g_strcmp0 (lower, "n") == 0)
    return "not-upheld";
  if (has_words (lower, "partly") || has_words (lower, "partially") || has_words (lower, "part")
      || has_words (lower, "partly upheld") || has_words (lower, "in part"))
    return "partly-upheld";
  if (has_words (lower, "upheld") || g_strcmp0 (lower, "yes") == 0
      || g_strcmp0 (lower, "y") == 0 || has_words (lower, "fully upheld"))
    return "upheld";
  return NULL;
}

static const char *
parse_status (const char *text)
{
  g_autofree char *lower = normalise_heading (text);

  if (has_words (lower, "withdrawn"))
    return "withdrawn";
  if (has_words (lower, "out of scope"))
    return "out-of-scope";
  if (has_words (lower, "closed") || has_words (lower, "resolved") || has_words (lower, "complete")
      || has_words (lower, "completed") || has_words (lower, "done")
      || has_words (lower, "finished"))
    return "closed";
  if (has_words (lower, "responded") || has_words (lower, "response sent"))
    return "responded";
  if (has_words (lower, "acknowledged"))
    return "acknowledged";
  if (has_words (lower, "open") || has_words (lower, "ongoing") || has_words (lower, "in progress")
      || has_words (lower, "investigating") || has_words (lower, "pending"))
    return "in-progress";
  if (has_words (lower, "new") || has_words (lower, "logged") || has_words (lower, "received"))
    return "logged";
  return NULL;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (copy[0] == '\0')
    return FALSE;
  g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0';
}

/* A row that only adds up the others: "Total", "Totals: 37", or nothing but numbers. */
static gboolean
is_totals_row (GPtrArray *cells)
{
  gboolean any = FALSE, all_numbers = TRUE;

  for (guint c = 0; c < cells->len; c++)
    {
      const char *cell = g_ptr_array_index (cells, c);
      g_autofree char *normal = NULL;

      if (cell_blank (cell))
        continue;
      normal = normalise_heading (cell);
      if (!any && (g_str_has_prefix (normal, "total") || g_str_has_prefix (normal, "grand total")
                   || g_strcmp0 (normal, "count") == 0 || g_strcmp0 (normal, "sum") == 0))
        return TRUE;
      any = TRUE;
      if (!is_number (cell))
        all_numbers = FALSE;
    }
  return any && all_numbers;
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

typedef struct {
  HeedStore  *store;
  GHashTable *subjects;    /* folded label or code -> code */
  GHashTable *references;  /* references met in this file so far */
} CheckContext;

static void
load_subjects (CheckContext *context)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  context->subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (context->store == NULL)
    return;
  /* Every subject of the years an old log may span. */
  for (int year = g_date_time_get_year (now) - 10; year <= g_date_time_get_year (now); year++)
    {
      g_autoptr(GPtrArray) codes = heed_store_list_categories (context->store, "subject", year);

      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          g_autofree char *label = heed_store_dup_category_label (context->store, "subject", code);

          g_hash_table_insert (context->subjects, g_utf8_casefold (code, -1), g_strdup (code));
          if (label != NULL)
            g_hash_table_insert (context->subjects, g_utf8_casefold (label, -1), g_strdup (code));
        }
    }
}

static char *
dated (GDate *date)
{
  return heed_format_date_iso (date);
}

static HeedImportRow *
convert_row (HeedTableImport *self,
             CheckContext    *context,
             guint            index)
{
  HeedImportRow *row = g_new0 (HeedImportRow, 1);
  GPtrArray *cells = g_ptr_array_index (self->sheet->rows, index);
  g_autoptr(HeedIntake) intake = heed_intake_new ();
  g_autofree char *status = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *closed = NULL, *responded = NULL, *acknowledged = NULL;
  g_autoptr(GString) extra = g_string_new (NULL);
  gboolean any = FALSE;

  row->row = index + 1;
  row->problems = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < cells->len; c++)
    any |= !cell_blank (g_ptr_array_index (cells, c));
  if (!any)
    {
      row->blank = TRUE;
      return row;
    }
  if (is_totals_row (cells))
    {
      row->left_out = _("a totals row");
      return row;
    }

  for (guint c = 0; c < self->fields->len && c < cells->len; c++)
    {
      const char *field = g_ptr_array_index (self->fields, c);
      const char *heading = g_ptr_array_index (self->headings, c);
      g_autofree char *value = NULL;

      if (field == NULL || cell_blank (g_ptr_array_index (cells, c)))
        continue;
      value = g_strstrip (g_strdup (g_ptr_array_index (cells, c)));

      if (strcmp (field, "reference") == 0)
        intake->reference = g_steal_pointer (&value);
      else if (strcmp (field, "kind") == 0)
        {
          const char *kind = parse_kind (value);

          if (kind == NULL)
            add_problem (row->problems, _("“%s” under “%s” is not a kind of feedback (complaint, "
                                          "concern, comment or compliment)."),
                         value, heading);
          else
            intake->kind = g_strdup (kind);
        }
      else if (strcmp (field, "channel") == 0)
        {
          const char *channel = parse_channel (value);

          if (channel == NULL)
            add_problem (row->problems, _("“%s” under “%s” is not a way feedback comes in Heed "
                                          "knows (phone, email, letter, in person…)."),
                         value, heading);
          else
            intake->channel = g_strdup (channel);
        }
      else if (strcmp (field, "received") == 0 || strcmp (field, "incident-date") == 0
               || strcmp (field, "acknowledged") == 0 || strcmp (field, "responded") == 0
               || strcmp (field, "closed") == 0)
        {
          g_autoptr(GError) error = NULL;
          GDate date;
          int hour, minute;

          if (!heed_table_import_parse_date (value, &date, &hour, &minute, &error))
            {
              add_problem (row->problems, _("“%s” under “%s” is not a date: %s"), value, heading,
                           error->message);
              continue;
            }
          if (strcmp (field, "received") == 0)
            intake->received = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                                                g_date_get_year (&date), g_date_get_month (&date),
                                                g_date_get_day (&date), hour >= 0 ? hour : 9,
                                                minute >= 0 ? minute : 0);
          else if (strcmp (field, "incident-date") == 0)
            {
              g_autofree char *iso = dated (&date);

              heed_intake_add_case_value (intake, "incident-date", iso);
            }
          else if (strcmp (field, "acknowledged") == 0)
            acknowledged = dated (&date);
          else if (strcmp (field, "responded") == 0)
            responded = dated (&date);
          else
            closed = dated (&date);
        }
      else if (strcmp (field, "name") == 0)
        {
          g_free (intake->title);
          g_free (intake->first_name);
          g_free (intake->last_name);
          heed_table_import_split_name (value, &intake->title, &intake->first_name,
                                        &intake->last_name);
        }
      else if (strcmp (field, "title") == 0)
        intake->title = g_steal_pointer (&value);
      else if (strcmp (field, "first-name") == 0)
        intake->first_name = capitalise (value);
      else if (strcmp (field, "surname") == 0)
        intake->last_name = capitalise (value);
      else if (strcmp (field, "phone") == 0)
        {
          /* A spreadsheet that took the number for a number dropped its leading 0. */
          if (strlen (value) == 10 && value[0] != '0' && strspn (value, "0123456789") == 10)
            intake->phone = g_strconcat ("0", value, NULL);
          else
            intake->phone = g_steal_pointer (&value);
        }
      else if (strcmp (field, "email") == 0)
        intake->email = g_steal_pointer (&value);
      else if (strcmp (field, "postcode") == 0)
        heed_intake_add_person_value (intake, "postcode", value);
      else if (strcmp (field, "nhs-number") == 0)
        heed_intake_add_person_value (intake, "nhs-number", value);
      else if (strcmp (field, "summary") == 0)
        intake->summary = g_steal_pointer (&value);
      else if (strcmp (field, "what-happened") == 0)
        intake->what_happened = g_steal_pointer (&value);
      else if (strcmp (field, "wants") == 0)
        intake->outcome_wanted = g_steal_pointer (&value);
      else if (strcmp (field, "lessons") == 0)
        heed_intake_add_case_value (intake, "lessons", value);
      else if (strcmp (field, "subject") == 0)
        {
          g_autofree char *folded = g_utf8_casefold (value, -1);
          const char *code = g_hash_table_lookup (context->subjects, folded);

          if (code != NULL)
            heed_intake_add_case_value (intake, "subject", code);
          else
            /* Kept in words when it is not one of the practice's subjects. */
            g_string_append_printf (extra, _("%s: %s"), heading, value);
        }
      else if (strcmp (field, "status") == 0)
        {
          const char *id = parse_status (value);

          if (id == NULL)
            add_problem (row->problems, _("“%s” under “%s” is not a status Heed knows (open, "
                                          "closed, withdrawn…)."),
                         value, heading);
          else
            status = g_strdup (id);
        }
      else if (strcmp (field, "outcome") == 0)
        {
          const char *id = parse_outcome (value);

          if (id == NULL)
            add_problem (row->problems, _("“%s” under “%s” is not an outcome Heed knows (upheld, "
                                          "partly upheld, not upheld, withdrawn)."),
                         value, heading);
          else
            outcome = g_strdup (id);
        }
      else if (strcmp (field, "apology") == 0)
        {
          gboolean yes;

          if (!parse_yes_no (value, &yes))
            add_problem (row->problems, _("“%s” under “%s” is neither Y nor N."), value, heading);
          else
            heed_intake_add_case_value (intake, "remedy-apology", yes ? "yes" : "no");
        }
    }

  /* What an old log leaves out. A complaints log holds complaints; one that does not say how
   * they came in is taken to hold written ones. */
  if (intake->kind == NULL)
    intake->kind = g_strdup ("complaint");
  if (intake->channel == NULL)
    intake->channel = g_strdup ("letter");
  if (intake->summary == NULL && intake->what_happened != NULL)
    {
      g_autofree char *line = g_strstrip (g_strndup (intake->what_happened,
                                                     strcspn (intake->what_happened, "\n")));

      if (g_utf8_strlen (line, -1) > 80)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, 79);

          intake->summary = g_strconcat (cut, "…", NULL);
        }
      else
        intake->summary = g_steal_pointer (&line);
    }
  if (extra->len > 0)
    {
      char *joined = intake->what_happened != NULL
                     ? g_strconcat (intake->what_happened, "\n\n", extra->str, NULL)
                     : g_strdup (extra->str);

      g_free (intake->what_happened);
      intake->what_happened = joined;
    }
  if (g_strcmp0 (outcome, "withdrawn") == 0 && status == NULL)
    status = g_strdup ("withdrawn");
  if (status == NULL)
    status = g_strdup (closed != NULL || outcome != NULL ? "closed"
                       : responded != NULL ? "responded"
                       : acknowledged != NULL ? "acknowledged" : "logged");
  /* A log that says closed but not when: closed when the response went. */
  if (closed == NULL && responded != NULL
      && heed_case_status_from_id (status) == HEED_STATUS_CLOSED)
    closed = g_strdup (responded);
  if (heed_case_status_from_id (status) == HEED_STATUS_OUT_OF_SCOPE)
    heed_intake_add_case_value (intake, "out-of-scope-reason",
                                _("Recorded as out of scope in the practice’s earlier log."));
  heed_intake_add_case_value (intake, "status", status);
  if (outcome != NULL)
    heed_intake_add_case_value (intake, "outcome", outcome);
  if (acknowledged != NULL)
    heed_intake_add_case_value (intake, "acknowledged-on", acknowledged);
  if (responded != NULL)
    heed_intake_add_case_value (intake, "responded-on", responded);
  if (closed != NULL)
    heed_intake_add_case_value (intake, "closed-on", closed);
  /* Translators: where an imported case came from, for the trail: "log.xlsx, row 12" */
  intake->source = g_strdup_printf (_("%s, row %u"), self->source_name, row->row);

  {
    g_autoptr(GPtrArray) problems = heed_intake_validate (intake, NULL);

    for (guint i = 0; i < problems->len; i++)
      {
        HeedProblem *problem = g_ptr_array_index (problems, i);

        g_ptr_array_add (row->problems, g_strdup (problem->message));
      }
  }
  if (intake->reference != NULL)
    {
      g_autofree char *reference = heed_intake_normalise_reference (intake->reference);
      gboolean taken = FALSE;

      if (reference == NULL)
        ;  /* said by heed_intake_validate() */
      else if (g_hash_table_contains (context->references, reference))
        add_problem (row->problems, _("The reference %s is on an earlier row too."), reference);
      else if (context->store != NULL
               && heed_store_reference_is_taken (context->store, reference, &taken, NULL) && taken)
        add_problem (row->problems, _("The reference %s is already used in this practice file."),
                     reference);
      if (reference != NULL)
        g_hash_table_add (context->references, g_steal_pointer (&reference));
    }
  row->intake = g_steal_pointer (&intake);
  return row;
}

GPtrArray *
heed_table_import_check (HeedTableImport *self,
                         HeedStore       *store)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_import_row_free);
  CheckContext context = { store, NULL, NULL };

  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), rows);

  if (self->heading_index == G_MAXUINT)
    return rows;
  load_subjects (&context);
  context.references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = self->heading_index + 1; r < self->sheet->rows->len; r++)
    g_ptr_array_add (rows, convert_row (self, &context, r));
  g_hash_table_unref (context.subjects);
  g_hash_table_unref (context.references);
  return rows;
}

gboolean
heed_table_import_save (HeedTableImport  *self,
                        HeedStore        *store,
                        gboolean          skip_bad_rows,
                        GPtrArray       **rows_out,
                        guint            *n_imported,
                        GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n_bad = 0, n_good = 0, saved = 0;
  HeedImportRow *first_bad = NULL;

  g_return_val_if_fail (HEED_IS_TABLE_IMPORT (self), FALSE);
  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);

  if (n_imported != NULL)
    *n_imported = 0;
  rows = heed_table_import_check (self, store);
  if (rows_out != NULL)
    *rows_out = g_ptr_array_ref (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      HeedImportRow *row = g_ptr_array_index (rows, i);

      if (row->intake == NULL)
        continue;
      if (row->problems->len > 0)
        {
          if (first_bad == NULL)
            first_bad = row;
          n_bad++;
        }
      else
        n_good++;
    }
  if (n_bad > 0 && !skip_bad_rows)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Row %u: %s (%u row has a problem.)",
                                "Row %u: %s (%u rows have problems.)", n_bad),
                   first_bad->row, (const char *) g_ptr_array_index (first_bad->problems, 0),
                   n_bad);
      return FALSE;
    }
  if (n_good == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("There are no cases to import in “%s” below its headings."),
                   self->sheet->name);
      return FALSE;
    }

  heed_store_set_bulk (store, TRUE);
  if (!heed_store_begin (store, error))
    {
      heed_store_set_bulk (store, FALSE);
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      HeedImportRow *row = g_ptr_array_index (rows, i);
      g_autoptr(HeedCase) kase = NULL;
      g_autoptr(GError) row_error = NULL;

      if (row->intake == NULL || row->problems->len > 0)
        continue;
      kase = heed_intake_save (row->intake, store, &row_error);
      if (kase == NULL)
        {
          heed_store_rollback (store);
          heed_store_set_bulk (store, FALSE);
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID, _("Row %u: %s"),
                       row->row, row_error->message);
          return FALSE;
        }
      saved++;
    }
  if (!heed_store_commit (store, error))
    {
      heed_store_set_bulk (store, FALSE);
      return FALSE;
    }
  heed_store_set_bulk (store, FALSE);
  if (n_imported != NULL)
    *n_imported = saved;
  return TRUE;
}
