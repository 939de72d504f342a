/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the spreadsheet reader and import (CSV, .xlsx, .ods). Beyond not
 * crashing: a refused file says why in the table error domain, and what is read is text that
 * checks and describes without fault. */

#include <glib.h>

#include "heed-fuzz.h"
#include "heed-table-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedTableImport) import = heed_table_import_new_for_bytes (bytes, "input.csv",
                                                                      &error);
  g_autoptr(GPtrArray) rows = NULL;

  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HEED_TABLE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  for (guint c = 0; c < heed_table_import_get_n_columns (import); c++)
    g_assert_true (g_utf8_validate (heed_table_import_get_heading (import, c), -1, NULL));
  rows = heed_table_import_check (import, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      HeedImportRow *row = g_ptr_array_index (rows, i);

      if (row->intake != NULL && row->problems->len == 0)
        {
          g_autofree char *line = heed_import_row_describe (row, TRUE);

          g_assert_true (g_utf8_validate (line, -1, NULL));
        }
    }
  return 0;
}
