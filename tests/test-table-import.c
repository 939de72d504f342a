/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-table-import.h"
#include "heed-test-util.h"
#include "heed-validate.h"

/* The pieces of a spreadsheet import on their own: dates and names as logs write them, CSV as
 * programs write it, the heading row and the mapping. */

static void
assert_date (const char *text,
             const char *expected,
             int         expected_hour)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date;
  int hour = -2, minute = -2;

  g_test_message ("%s", text);
  g_assert_true (heed_table_import_parse_date (text, &date, &hour, &minute, &error));
  g_assert_no_error (error);
  iso = heed_format_date_iso (&date);
  g_assert_cmpstr (iso, ==, expected);
  g_assert_cmpint (hour, ==, expected_hour);
}

static void
test_dates (void)
{
  /* Day first, always: 03/04/2025 is 3 April. */
  assert_date ("03/04/2025", "2025-04-03", -1);
  assert_date ("3/4/2025", "2025-04-03", -1);
  assert_date ("03.04.2025", "2025-04-03", -1);
  assert_date ("03-04-2025", "2025-04-03", -1);
  assert_date ("03/04/25", "2025-04-03", -1);
  assert_date ("3.4.25", "2025-04-03", -1);
  assert_date ("31/12/99", "1999-12-31", -1);
  assert_date ("3 Apr 2025", "2025-04-03", -1);
  assert_date ("3rd April 2025", "2025-04-03", -1);
  assert_date ("April 3, 2025", "2025-04-03", -1);
  assert_date ("2025-04-03", "2025-04-03", -1);
  assert_date ("  2025-04-03  ", "2025-04-03", -1);
  /* Excel's serial numbers, with a time as the fraction; ODF's dates with a time. */
  assert_date ("45750", "2025-04-03", -1);
  assert_date ("45750.5", "2025-04-03", 12);
  assert_date ("2025-04-03T14:30:00", "2025-04-03", 14);
  assert_date ("03/04/2025 09:15", "2025-04-03", 9);

  for (const char *const *bad = (const char *const[]) {
         "31/02/2025", "", "soon", "13/13/2025", "2025", "0", "45750abc", "32/01/25", NULL };
       *bad != NULL; bad++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad: %s", *bad);
      g_assert_false (heed_table_import_parse_date (*bad, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
    }
}

static void
assert_name (const char *text,
             const char *title,
             const char *first,
             const char *last)
{
  g_autofree char *t = NULL, *f = NULL, *l = NULL;

  heed_table_import_split_name (text, &t, &f, &l);
  g_test_message ("%s → %s | %s | %s", text, t, f, l);
  g_assert_cmpstr (t, ==, title);
  g_assert_cmpstr (f, ==, first);
  g_assert_cmpstr (l, ==, last);
}

static void
test_names (void)
{
  assert_name ("Mrs Jane Smith", "Mrs", "Jane", "Smith");
  assert_name ("SMITH, Jane", NULL, "Jane", "Smith");
  assert_name ("Smith, Mrs Jane", "Mrs", "Jane", "Smith");
  assert_name ("Dr. A. Khan", "Dr", "A.", "Khan");
  assert_name ("O'BRIEN, Zoë", NULL, "Zoë", "O'Brien");
  assert_name ("JONES-KAUR, Harpreet", NULL, "Harpreet", "Jones-Kaur");
  assert_name ("Mary Ann de Souza", NULL, "Mary Ann", "de Souza");
  assert_name ("Mr Pieter van der Berg", "Mr", "Pieter", "van der Berg");
  assert_name ("Dafydd ap Rhys", NULL, "Dafydd", "ap Rhys");
  assert_name ("Smith", NULL, NULL, "Smith");
  assert_name ("Mr", NULL, NULL, "Mr");
  assert_name ("  ", NULL, NULL, NULL);
  assert_name ("Siân Llewellyn", NULL, "Siân", "Llewellyn");
}

static HeedTableImport *
import_text (const char *text,
             const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  HeedTableImport *import = heed_table_import_new_for_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return import;
}

static void
test_csv (void)
{
  /* Quotes, quotes inside quotes, a line break inside a cell, CRLF, an empty last cell. */
  g_autoptr(HeedTableImport) import =
    import_text ("Ref;Date received;Name;Details\r\n"
                 "A1;03/04/2025;\"Lee; Ann\";\"She said \"\"no\"\"\r\ntwice\"\r\n"
                 "A2;04/04/2025;Bo Ng;\r\n", "log.csv");
  HeedTable *table = heed_table_import_get_table (import);
  HeedTableSheet *sheet = heed_table_find_sheet (table, NULL, NULL);

  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpstr (sheet->name, ==, "log");
  g_assert_cmpuint (sheet->rows->len, ==, 3);
  g_assert_cmpstr (heed_table_sheet_cell (sheet, 1, 2), ==, "Lee; Ann");
  g_assert_cmpstr (heed_table_sheet_cell (sheet, 1, 3), ==, "She said \"no\"\r\ntwice");
  g_assert_null (heed_table_sheet_cell (sheet, 2, 3));
  g_assert_cmpuint (heed_table_import_get_heading_row (import), ==, 1);
  g_assert_cmpstr (heed_table_import_get_field (import, 0), ==, "reference");
  g_assert_cmpstr (heed_table_import_get_field (import, 1), ==, "received");
  g_assert_cmpstr (heed_table_import_get_field (import, 2), ==, "name");
  g_assert_cmpstr (heed_table_import_get_field (import, 3), ==, "what-happened");
}

static void
test_windows_1252 (void)
{
  /* "Siân" and "£25" as Windows-1252 bytes, tabs between. */
  g_autoptr(HeedTableImport) import =
    import_text ("Name\tSummary\tDate\r\nSi\xe2n Llewellyn\tCharged \xa3" "25\t3/4/2025\r\n",
                 "log.txt");
  HeedTable *table = heed_table_import_get_table (import);
  HeedTableSheet *sheet = heed_table_find_sheet (table, NULL, NULL);

  g_assert_cmpint (table->delimiter, ==, '\t');
  g_assert_cmpstr (table->encoding, ==, "Windows-1252");
  g_assert_cmpstr (heed_table_sheet_cell (sheet, 1, 0), ==, "Siân Llewellyn");
  g_assert_cmpstr (heed_table_sheet_cell (sheet, 1, 1), ==, "Charged £25");
}

static void
test_mapping (void)
{
  g_autoptr(HeedTableImport) import =
    import_text ("Complaints 2024\n\nWhen,Who,What,Outcome\n1/5/2024,Ann Lee,Late,Upheld\n",
                 "log.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  HeedImportRow *row;

  /* Headings Heed cannot read: the first row with anything in it is taken. */
  g_assert_cmpuint (heed_table_import_get_heading_row (import), ==, 1);
  /* Mapped by hand, the heading row stays where it was found. */
  g_assert_false (heed_table_import_map (import, "When=received", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_clear_object (&import);
  import = import_text ("Complaints 2024\n\nWhen,Who,What,Outcome,Date received\n"
                        "1/5/2024,Ann Lee,Late,Upheld,\n", "log.csv");
  g_assert_cmpuint (heed_table_import_get_heading_row (import), ==, 3);
  g_assert_true (heed_table_import_map (import, "when=received", &error));
  g_assert_no_error (error);
  /* The field moved from the "Date received" column, which had it guessed. */
  g_assert_null (heed_table_import_get_field (import, 4));
  g_assert_true (heed_table_import_map (import, "Who=name", &error));
  g_assert_true (heed_table_import_map (import, "What=summary", &error));
  rows = heed_table_import_check (import, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->row, ==, 4);
  g_assert_cmpuint (row->problems->len, ==, 0);
  g_assert_cmpstr (row->intake->received, ==, "2024-05-01T09:00");
  g_assert_cmpstr (row->intake->last_name, ==, "Lee");
  g_assert_cmpstr (row->intake->source, ==, "log.csv, row 4");
}

static void
test_references (void)
{
  static const struct { const char *text; const char *kept; } cases[] = {
    { "2024/017", "2024-017" }, { "c 12", "C-12" }, { " C-2025-041 ", "C-2025-041" },
    { "Ref. No. 7", "REF-NO-7" }, { "a//b", "A-B" }, { "###", NULL }, { "", NULL },
    { "1234567890123456789012345678901234567890X", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = heed_intake_normalise_reference (cases[i].text);

      g_assert_cmpstr (kept, ==, cases[i].kept);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/table-import/dates", test_dates);
  g_test_add_func ("/core/table-import/names", test_names);
  g_test_add_func ("/core/table-import/csv", test_csv);
  g_test_add_func ("/core/table-import/windows-1252", test_windows_1252);
  g_test_add_func ("/core/table-import/mapping", test_mapping);
  g_test_add_func ("/core/table-import/references", test_references);
  return g_test_run ();
}
