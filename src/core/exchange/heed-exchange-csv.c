/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-csv.h"
#include "heed-exchange-private.h"
#include "heed-person.h"
#include "heed-store-exchange.h"

#define CSV_FLUSH_SIZE (64 * 1024)

typedef struct {
  HeedStore     *store;
  GOutputStream *out;
  GString       *buffer;
} Csv;

/* The columns that come first, in this order; the rest follow in field-table order. */
static const HeedCaseField csv_first[] = {
  HEED_CASE_REFERENCE, HEED_CASE_KIND, HEED_CASE_CHANNEL, HEED_CASE_STATUS,
  HEED_CASE_RECEIVED_AT,
};

static gboolean
csv_is_first (guint field)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_first); i++)
    if (csv_first[i] == field)
      return TRUE;
  return FALSE;
}

/* One cell, after a comma unless it is the @first; heed_csv_append_cell() shows a cell a
 * spreadsheet would take for a formula as text. */
static void
csv_append_cell (GString    *line,
                 const char *value,
                 gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  heed_csv_append_cell (line, value);
}

static gboolean
csv_flush (Csv      *csv,
           gboolean  force,
           GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (csv->buffer->len == 0 || (!force && csv->buffer->len < CSV_FLUSH_SIZE))
    return TRUE;
  if (!g_output_stream_write_all (csv->out, csv->buffer->str, csv->buffer->len, NULL, NULL,
                                  &local_error))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("The export could not be written: %s"), local_error->message);
      return FALSE;
    }
  g_string_truncate (csv->buffer, 0);
  return TRUE;
}

static char *
csv_dup_person_name (Csv        *csv,
                     HeedRecord *kase,
                     guint       field)
{
  g_autoptr(HeedPerson) person = NULL;

  if (!heed_record_is_set (kase, field))
    return NULL;
  person = heed_store_load (csv->store, HEED_TYPE_PERSON, heed_record_get_int (kase, field),
                            NULL);
  return person != NULL ? heed_person_dup_full_name (person) : NULL;
}

static gboolean
visit_csv_case (HeedRecord  *record,
                gpointer     user_data,
                GError     **error)
{
  Csv *csv = user_data;
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (record, &n_fields);
  g_autofree char *complainant = csv_dup_person_name (csv, record, HEED_CASE_COMPLAINANT);
  g_autofree char *affected = csv_dup_person_name (csv, record, HEED_CASE_AFFECTED);

  for (guint i = 0; i < G_N_ELEMENTS (csv_first); i++)
    {
      g_autofree char *value = heed_record_dup_string (record, csv_first[i]);

      csv_append_cell (csv->buffer, value, i == 0);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (csv_is_first (i))
        continue;
      /* Yes/no and amounts always have a value in a spreadsheet; "no" is not left blank. */
      if (heed_record_is_set (record, i) || fields[i].type == HEED_VALUE_BOOL
          || fields[i].type == HEED_VALUE_MONEY || fields[i].type == HEED_VALUE_INT)
        value = heed_record_dup_string (record, i);
      csv_append_cell (csv->buffer, value, FALSE);
    }
  csv_append_cell (csv->buffer, complainant, FALSE);
  csv_append_cell (csv->buffer, affected, FALSE);
  g_string_append (csv->buffer, "\r\n");
  return csv_flush (csv, FALSE, error);
}

gboolean
heed_exchange_export_csv (HeedStore      *store,
                          GOutputStream  *out,
                          GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  Csv csv = { store, out, NULL };
  const HeedFieldSpec *fields;
  guint n_fields;
  gboolean ok;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = g_type_class_ref (HEED_TYPE_CASE);
  fields = HEED_RECORD_CLASS (klass)->fields;
  n_fields = HEED_RECORD_CLASS (klass)->n_fields;

  csv.buffer = g_string_new ("reference,kind,channel,status,received");
  for (guint i = 0; i < n_fields; i++)
    if (!csv_is_first (i))
      g_string_append_printf (csv.buffer, ",%s", fields[i].name);
  g_string_append (csv.buffer, ",complainant_name,affected_name\r\n");

  ok = heed_store_begin_read (store, error)
       && heed_store_foreach_record (store, HEED_TYPE_CASE, HEED_STORE_RECORDS_ALL,
                                     visit_csv_case, &csv, error)
       && csv_flush (&csv, TRUE, error);
  heed_store_end_read (store);
  g_string_free (csv.buffer, TRUE);
  return ok;
}
