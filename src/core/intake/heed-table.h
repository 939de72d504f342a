/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A spreadsheet read as text: its sheets, each rows of cells. CSV (UTF-8 with or without a
 * byte order mark, or Windows-1252; comma, semicolon or tab, found by looking), Excel .xlsx
 * and OpenDocument .ods, both read as the zipped XML they are. Cells are as the spreadsheet
 * shows their value: text, or a number as written ("45386", "45386.5"), or for an .ods date
 * its ISO date ("2025-04-03"). Nothing is evaluated; formulas give their cached value.
 *
 * What comes from a file someone hands in is held to limits: the file, every member of the
 * zip (by what it says and by what it really holds), the rows and the columns. A zip that
 * unpacks to far more than it holds (a zip bomb), a document type declaration, or a file
 * that is none of these is refused with a message a practice manager can read. */

#define HEED_TABLE_ERROR (heed_table_error_quark ())
GQuark heed_table_error_quark (void);

typedef enum {
  HEED_TABLE_ERROR_READ,       /* could not be read from the disk */
  HEED_TABLE_ERROR_FORMAT,     /* not a spreadsheet Heed reads, or damaged */
  HEED_TABLE_ERROR_TOO_LARGE,  /* over one of the limits */
  HEED_TABLE_ERROR_NO_SHEET,   /* no sheet of that name */
} HeedTableError;

/* The limits. */
#define HEED_TABLE_MAX_FILE       (64u * 1024 * 1024)   /* the file itself */
#define HEED_TABLE_MAX_MEMBER     (64u * 1024 * 1024)   /* one member of the zip, unpacked */
#define HEED_TABLE_MAX_UNPACKED   (128u * 1024 * 1024)  /* every member read, together */
#define HEED_TABLE_MAX_RATIO      200                   /* unpacked ÷ packed, for a big member */
#define HEED_TABLE_MAX_ROWS       200000
#define HEED_TABLE_MAX_COLUMNS    512

typedef struct {
  char      *name;
  GPtrArray *rows;    /* of GPtrArray of char* (NULL for an empty cell) */
} HeedTableSheet;

typedef struct {
  char      *format;  /* "csv", "xlsx", "ods" */
  char      *encoding; /* CSV only: "UTF-8", "UTF-8 with BOM", "Windows-1252" */
  char       delimiter; /* CSV only */
  GPtrArray *sheets;  /* of HeedTableSheet* */
} HeedTable;

HeedTable      *heed_table_read         (const char  *path,
                                         GError     **error);
HeedTable      *heed_table_read_bytes   (GBytes      *bytes,
                                         const char  *name,
                                         GError     **error);
void            heed_table_free         (HeedTable   *table);
HeedTableSheet *heed_table_find_sheet   (HeedTable   *table,
                                         const char  *name,
                                         GError     **error);
/* A cell, or NULL when the row is shorter or the cell empty. */
const char     *heed_table_sheet_cell   (HeedTableSheet *sheet,
                                         guint           row,
                                         guint           column);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedTable, heed_table_free)

G_END_DECLS
