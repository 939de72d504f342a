/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-intake.h"
#include "heed-store.h"
#include "heed-table.h"

G_BEGIN_DECLS

/* A practice's old spreadsheet log brought in as cases. The heading row is found (it need
 * not be the first), each column is mapped to a Heed field by its heading (and the mapping can
 * be changed), and each row below becomes a HeedIntake, checked as typed feedback is, with its
 * problems by row: UK dates written any common way (03/04/2025 is 3 April; 3 Apr 2025,
 * 2025-04-03, 03/04/25, Excel's serial numbers), one "Name" column holding "Mrs Jane Smith" or
 * "SMITH, Jane", free-text outcomes and statuses, Y/N columns. Blank rows and a totals row at
 * the end are left out without complaint. */

/* A field a column can be mapped to. */
typedef struct {
  const char *id;     /* "received", "name", … as --map takes it */
  const char *label;  /* N_() marked */
} HeedImportField;

const HeedImportField *heed_table_import_list_fields (guint *n_fields);
const char            *heed_table_import_field_label (const char *id);

/* What one row becomes. */
typedef struct {
  guint       row;       /* as the spreadsheet numbers it, from 1 */
  HeedIntake *intake;    /* NULL when the row is left out */
  GPtrArray  *problems;  /* of char*, each a sentence naming the column; empty when good */
  gboolean    blank;     /* nothing in it: left out without a word */
  const char *left_out;  /* why it is left out without being a problem (translated), or NULL */
} HeedImportRow;

void  heed_import_row_free     (HeedImportRow       *row);
/* What a good row becomes, on one line: "2024/001 · complaint · letter · 2024-04-03 ·
 * Mrs Jane Smith · closed (upheld) · Could not get an appointment"; @in_words gives the
 * labels a person reads and the date written out instead of the ids. */
char *heed_import_row_describe (const HeedImportRow *row,
                                gboolean             in_words);

#define HEED_TYPE_TABLE_IMPORT (heed_table_import_get_type ())
G_DECLARE_FINAL_TYPE (HeedTableImport, heed_table_import, HEED, TABLE_IMPORT, GObject)

HeedTableImport *heed_table_import_new            (const char       *path,
                                                   GError          **error);
HeedTableImport *heed_table_import_new_for_bytes  (GBytes           *bytes,
                                                   const char       *name,
                                                   GError          **error);
/* The file's name without its folder, as the trail records it. */
const char      *heed_table_import_get_source_name (HeedTableImport *self);
HeedTable       *heed_table_import_get_table      (HeedTableImport  *self);
guint            heed_table_import_get_n_sheets   (HeedTableImport  *self);
const char      *heed_table_import_get_sheet_name (HeedTableImport  *self,
                                                   guint             index);
/* Chooses the sheet (NULL: the first) and guesses its heading row and mapping afresh. */
gboolean         heed_table_import_set_sheet      (HeedTableImport  *self,
                                                   const char       *name,
                                                   GError          **error);
const char      *heed_table_import_get_sheet      (HeedTableImport  *self);
/* The heading row, numbered from 1 as the spreadsheet shows it (0 when there is none). */
guint            heed_table_import_get_heading_row (HeedTableImport *self);
guint            heed_table_import_get_n_columns  (HeedTableImport  *self);
const char      *heed_table_import_get_heading    (HeedTableImport  *self,
                                                   guint             column);
/* The first values below the heading, for showing what a column holds. */
GPtrArray       *heed_table_import_dup_samples    (HeedTableImport  *self,
                                                   guint             column,
                                                   guint             n);
/* A field id, or NULL when the column is not imported. */
const char      *heed_table_import_get_field      (HeedTableImport  *self,
                                                   guint             column);
/* NULL or "ignore" leaves the column out; a field another column had moves to this one. */
void             heed_table_import_set_field      (HeedTableImport  *self,
                                                   guint             column,
                                                   const char       *field);
/* --map 'Heading=field': by the heading's text (any case). */
gboolean         heed_table_import_map            (HeedTableImport  *self,
                                                   const char       *mapping,
                                                   GError          **error);

/* What every row below the heading becomes, as HeedImportRow*, checked against @store (its
 * references and subjects); NULL @store checks without it. */
GPtrArray       *heed_table_import_check          (HeedTableImport  *self,
                                                   HeedStore        *store);
/* Saves the good rows in one transaction: all of them, or nothing when any row has a
 * problem, unless @skip_bad_rows. @rows (may be NULL) gets what heed_table_import_check()
 * found; @n_imported how many cases were made. */
gboolean         heed_table_import_save           (HeedTableImport  *self,
                                                   HeedStore        *store,
                                                   gboolean          skip_bad_rows,
                                                   GPtrArray       **rows,
                                                   guint            *n_imported,
                                                   GError          **error);

/* Reads a date as old logs write them; @hour and @minute (may be NULL) get its time, or -1.
 * Exposed for tests. */
gboolean         heed_table_import_parse_date     (const char       *text,
                                                   GDate            *date,
                                                   int              *hour,
                                                   int              *minute,
                                                   GError          **error);
/* "Mrs Jane Smith", "SMITH, Jane", "Dr A. Khan": into title, first and last names (each may
 * come back NULL). Exposed for tests. */
void             heed_table_import_split_name     (const char       *text,
                                                   char            **title,
                                                   char            **first_name,
                                                   char            **last_name);

G_END_DECLS
