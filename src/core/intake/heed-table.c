/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>
#include <zip.h>

#include "heed-table.h"
#include "heed-xml-reader.h"

G_DEFINE_QUARK (heed-table-error-quark, heed_table_error)

static void
sheet_free (HeedTableSheet *sheet)
{
  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

static HeedTableSheet *
sheet_new (const char *name)
{
  HeedTableSheet *sheet = g_new0 (HeedTableSheet, 1);

  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return sheet;
}

static HeedTable *
table_new (const char *format)
{
  HeedTable *table = g_new0 (HeedTable, 1);

  table->format = g_strdup (format);
  table->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  return table;
}

void
heed_table_free (HeedTable *table)
{
  if (table == NULL)
    return;
  g_free (table->format);
  g_free (table->encoding);
  g_ptr_array_unref (table->sheets);
  g_free (table);
}

static GPtrArray *
row_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* Puts @value (taken) at @column of @row, padding with empty cells. */
static void
row_set (GPtrArray *row,
         guint      column,
         char      *value)
{
  while (row->len < column)
    g_ptr_array_add (row, NULL);
  if (row->len == column)
    g_ptr_array_add (row, value);
  else
    {
      g_free (g_ptr_array_index (row, column));
      g_ptr_array_index (row, column) = value;
    }
}

static gboolean
too_large (GError   **error,
           gboolean   rows)
{
  if (rows)
    g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_TOO_LARGE,
                 _("The spreadsheet has too many rows for Heed to import (at most %u)."),
                 HEED_TABLE_MAX_ROWS);
  else
    g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_TOO_LARGE,
                 _("The spreadsheet has too many columns for Heed to import (at most %u)."),
                 HEED_TABLE_MAX_COLUMNS);
  return FALSE;
}

/* CSV */

static char *
decode_text (const char  *data,
             gsize        length,
             char       **encoding,
             GError     **error)
{
  g_autoptr(GError) convert_error = NULL;
  char *text;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      if (!g_utf8_validate_len (data + 3, length - 3, NULL))
        goto not_text;
      *encoding = g_strdup ("UTF-8 with BOM");
      return g_strndup (data + 3, length - 3);
    }
  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      gboolean little = data[0] == '\xff';

      text = g_convert (data + 2, length - 2, "UTF-8", little ? "UTF-16LE" : "UTF-16BE", NULL,
                        NULL, &convert_error);
      if (text == NULL)
        goto not_text;
      *encoding = g_strdup ("UTF-16");
      return text;
    }
  if (memchr (data, '\0', length) != NULL)
    goto not_text;
  if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      return g_strndup (data, length);
    }
  /* Excel's "CSV" on Windows; failing that (one of the five bytes Windows-1252 leaves
   * undefined), Latin-1, in which every byte is a character. */
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, &convert_error);
  if (text == NULL)
    goto not_text;
  *encoding = g_strdup ("Windows-1252");
  return text;

not_text:
  g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
               _("This file is not a spreadsheet Heed can read: save it from the spreadsheet as "
                 "CSV, Excel (.xlsx) or OpenDocument (.ods)."));
  return NULL;
}

/* Splits CSV text into rows; @limit_rows stops early (0 for all). FALSE when over a limit. */
static gboolean
parse_csv (const char  *text,
           char         delimiter,
           guint        limit_rows,
           GPtrArray   *rows,
           GError     **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *row = row_new ();
  gboolean quoted = FALSE, was_quoted = FALSE, any = FALSE;
  const char *p = text;

  for (;; p++)
    {
      char ch = *p;

      if (quoted)
        {
          if (ch == '\0')
            quoted = FALSE;  /* an unclosed quote runs to the end */
          else if (ch == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
              continue;
            }
          else if (ch == '"')
            {
              quoted = FALSE;
              continue;
            }
          else
            {
              g_string_append_c (cell, ch);
              continue;
            }
        }
      if (ch == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = any = TRUE;
          continue;
        }
      if (ch == delimiter || ch == '\n' || ch == '\r' || ch == '\0')
        {
          if (row->len >= HEED_TABLE_MAX_COLUMNS)
            {
              g_ptr_array_unref (row);
              return too_large (error, FALSE);
            }
          g_ptr_array_add (row, cell->len > 0 ? g_strdup (cell->str) : NULL);
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          if (ch == delimiter)
            {
              any = TRUE;
              continue;
            }
          if (ch == '\r' && p[1] == '\n')
            p++;
          if (ch != '\0' || any)
            g_ptr_array_add (rows, row);
          else
            g_ptr_array_unref (row);
          if (ch == '\0' || (limit_rows > 0 && rows->len >= limit_rows))
            return TRUE;
          if (rows->len >= HEED_TABLE_MAX_ROWS)
            return too_large (error, TRUE);
          row = row_new ();
          any = FALSE;
          continue;
        }
      g_string_append_c (cell, ch);
      any = TRUE;
    }
}

/* The delimiter that splits the first lines most evenly into more than one column. */
static char
guess_delimiter (const char *text)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_score = 0, best_columns = 0;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      g_autoptr(GPtrArray) rows =
        g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
      guint mode = 0, mode_count = 0;

      parse_csv (text, candidates[c], 40, rows, NULL);
      for (guint i = 0; i < rows->len; i++)
        {
          GPtrArray *row = g_ptr_array_index (rows, i);
          guint n;

          if (row->len < 2)
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (row->len))) + 1;
          g_hash_table_insert (counts, GUINT_TO_POINTER (row->len), GUINT_TO_POINTER (n));
          if (n > mode_count || (n == mode_count && row->len > mode))
            {
              mode = row->len;
              mode_count = n;
            }
        }
      if (mode_count > best_score || (mode_count == best_score && mode > best_columns))
        {
          best = candidates[c];
          best_score = mode_count;
          best_columns = mode;
        }
    }
  return best;
}

static HeedTable *
read_csv (const char  *data,
          gsize        length,
          const char  *name,
          GError     **error)
{
  g_autoptr(HeedTable) table = table_new ("csv");
  g_autofree char *text = NULL;
  g_autofree char *basename = NULL;
  HeedTableSheet *sheet;

  text = decode_text (data, length, &table->encoding, error);
  if (text == NULL)
    return NULL;
  /* Excel may write "sep=;" as a first line, naming the delimiter; it shows no such row. */
  if (g_ascii_strncasecmp (text, "sep=", 4) == 0 && text[4] != '\0'
      && (text[5] == '\r' || text[5] == '\n' || text[5] == '\0'))
    {
      const char *rest = text + 5;
      char *stripped;

      table->delimiter = text[4];
      while (*rest == '\r' || *rest == '\n')
        {
          rest++;
          if (rest[-1] == '\n')
            break;
        }
      stripped = g_strdup (rest);
      g_free (text);
      text = stripped;
    }
  else
    table->delimiter = guess_delimiter (text);
  basename = name != NULL ? g_path_get_basename (name) : g_strdup ("CSV");
  {
    char *dot = strrchr (basename, '.');

    if (dot != NULL && dot != basename)
      *dot = '\0';
  }
  sheet = sheet_new (basename);
  g_ptr_array_add (table->sheets, sheet);
  if (!parse_csv (text, table->delimiter, 0, sheet->rows, error))
    return NULL;
  return g_steal_pointer (&table);
}

/* Zipped XML */

typedef struct {
  zip_t *zip;
  gsize  unpacked;  /* read so far, against HEED_TABLE_MAX_UNPACKED */
} Zip;

static gboolean
zip_refuse (GError    **error,
            const char *member)
{
  g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_TOO_LARGE,
               _("The spreadsheet unpacks to far more than its size (“%s” inside it); Heed "
                 "will not read it. Save it again from the spreadsheet program."),
               member);
  return FALSE;
}

/* One member of the zip, held to the limits whatever its header claims. NULL with @error set
 * when it cannot be read, or (with @error unset) when it is not there and @optional. */
static GBytes *
zip_read (Zip         *z,
          const char  *member,
          gboolean     optional,
          GError     **error)
{
  zip_stat_t st;
  zip_int64_t index;
  zip_file_t *file;
  g_autoptr(GByteArray) buffer = NULL;
  guchar chunk[65536];
  zip_int64_t n;

  index = zip_name_locate (z->zip, member, 0);
  if (index < 0)
    {
      if (!optional)
        g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                     _("The spreadsheet is damaged or not what its name says: “%s” is missing "
                       "inside it."),
                     member);
      return NULL;
    }
  zip_stat_init (&st);
  if (zip_stat_index (z->zip, (zip_uint64_t) index, 0, &st) != 0)
    goto damaged;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > HEED_TABLE_MAX_MEMBER)
    {
      zip_refuse (error, member);
      return NULL;
    }
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > 1024 * 1024
      && st.size / MAX (st.comp_size, 1) > HEED_TABLE_MAX_RATIO)
    {
      zip_refuse (error, member);
      return NULL;
    }
  file = zip_fopen_index (z->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    goto damaged;
  buffer = g_byte_array_new ();
  /* The sizes in the header may lie: what is really unpacked is counted as it comes. */
  while ((n = zip_fread (file, chunk, sizeof chunk)) > 0)
    {
      z->unpacked += (gsize) n;
      if (buffer->len + (gsize) n > HEED_TABLE_MAX_MEMBER || z->unpacked > HEED_TABLE_MAX_UNPACKED
          || ((st.valid & ZIP_STAT_COMP_SIZE) && buffer->len + (gsize) n > 1024 * 1024
              && (buffer->len + (gsize) n) / MAX (st.comp_size, 1) > HEED_TABLE_MAX_RATIO))
        {
          zip_fclose (file);
          zip_refuse (error, member);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  zip_fclose (file);
  if (n < 0)
    goto damaged;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

damaged:
  g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
               _("The spreadsheet is damaged: “%s” inside it cannot be unpacked."), member);
  return NULL;
}

static xmlDoc *
parse_member (Zip         *z,
              const char  *member,
              gboolean     optional,
              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  HeedXmlProblem problem = { 0 };
  xmlDoc *doc;
  gsize length;
  const char *data;

  bytes = zip_read (z, member, optional, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  if (length > G_MAXINT)
    {
      zip_refuse (error, member);
      return NULL;
    }
  doc = heed_xml_read (-1, data, length, member, NULL, 0, &problem);
  if (doc == NULL)
    {
      if (problem.doctype)
        g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                     _("The spreadsheet holds a document type declaration (“%s” inside it), "
                       "which no spreadsheet program writes; Heed will not read it."),
                     member);
      else
        g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                     _("The spreadsheet is damaged: “%s” inside it is not well-formed XML (%s)."),
                     member, problem.message != NULL ? problem.message : "?");
    }
  heed_xml_problem_clear (&problem);
  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  if (parent == NULL)
    return NULL;
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The text of an element and everything in it, leaving out Excel's phonetic runs. */
static void
append_text (GString *text,
             xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE && !is_element (child, "rPh")
               && !is_element (child, "phoneticPr"))
        {
          if (is_element (child, "s"))
            {
              /* ODF's run of spaces */
              g_autofree char *count = prop (child, "c");
              guint64 n = 1;

              if (count != NULL)
                g_ascii_string_to_unsigned (count, 10, 1, 1000, &n, NULL);
              for (guint64 i = 0; i < n; i++)
                g_string_append_c (text, ' ');
            }
          else if (is_element (child, "tab"))
            g_string_append_c (text, '\t');
          else if (is_element (child, "line-break"))
            g_string_append_c (text, '\n');
          else
            append_text (text, child);
        }
    }
}

static char *
element_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  append_text (text, node);
  return g_string_free (text, FALSE);
}

/* "BC12" -> column 54 (0-based) and row 11 (0-based). */
static gboolean
parse_cell_ref (const char *ref,
                guint      *column,
                guint      *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  while (g_ascii_isalpha (*p))
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > 20000)
        return FALSE;
      p++;
    }
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  if (!g_ascii_string_to_unsigned (p, 10, 1, 2000000, &r, NULL))
    return FALSE;
  *column = (guint) (c - 1);
  *row = (guint) (r - 1);
  return TRUE;
}

static gboolean
read_xlsx_sheet (Zip            *z,
                 const char     *member,
                 GPtrArray      *shared,
                 HeedTableSheet *sheet,
                 GError        **error)
{
  xmlDoc *doc = parse_member (z, member, FALSE, error);
  xmlNode *data;
  guint next_row = 0;

  if (doc == NULL)
    return FALSE;
  data = first_child (xmlDocGetRootElement (doc), "sheetData");
  for (xmlNode *r = data != NULL ? data->children : NULL; r != NULL; r = r->next)
    {
      g_autofree char *number = NULL;
      GPtrArray *row;
      guint64 row_index = next_row;
      guint next_column = 0;

      if (!is_element (r, "row"))
        continue;
      number = prop (r, "r");
      if (number != NULL && !g_ascii_string_to_unsigned (number, 10, 1, 2000000, &row_index,
                                                         NULL))
        row_index = next_row + 1;
      if (number != NULL)
        row_index--;
      if (row_index < next_row)
        row_index = next_row;
      if (row_index >= HEED_TABLE_MAX_ROWS)
        {
          xmlFreeDoc (doc);
          return too_large (error, TRUE);
        }
      while (sheet->rows->len < row_index)
        g_ptr_array_add (sheet->rows, row_new ());
      row = row_new ();
      g_ptr_array_add (sheet->rows, row);
      next_row = (guint) row_index + 1;

      for (xmlNode *c = r->children; c != NULL; c = c->next)
        {
          g_autofree char *ref = NULL;
          g_autofree char *type = NULL;
          char *value = NULL;
          guint column = next_column, unused;
          xmlNode *v;

          if (!is_element (c, "c"))
            continue;
          ref = prop (c, "r");
          if (ref != NULL && !parse_cell_ref (ref, &column, &unused))
            column = next_column;
          if (column >= HEED_TABLE_MAX_COLUMNS)
            {
              xmlFreeDoc (doc);
              return too_large (error, FALSE);
            }
          next_column = column + 1;
          type = prop (c, "t");
          v = first_child (c, "v");
          if (g_strcmp0 (type, "inlineStr") == 0)
            {
              xmlNode *is = first_child (c, "is");

              value = is != NULL ? element_text (is) : NULL;
            }
          else if (v != NULL)
            {
              g_autofree char *raw = element_text (v);

              if (g_strcmp0 (type, "s") == 0)
                {
                  guint64 i = 0;

                  if (shared != NULL && g_ascii_string_to_unsigned (raw, 10, 0, G_MAXUINT32, &i,
                                                                    NULL)
                      && i < shared->len)
                    value = g_strdup (g_ptr_array_index (shared, i));
                }
              else if (g_strcmp0 (type, "b") == 0)
                value = g_strdup (g_strcmp0 (raw, "1") == 0 ? "TRUE" : "FALSE");
              else if (g_strcmp0 (type, "e") == 0)
                value = NULL;
              else
                value = g_steal_pointer (&raw);
            }
          if (value != NULL && value[0] == '\0')
            g_clear_pointer (&value, g_free);
          if (value != NULL)
            row_set (row, column, value);
        }
    }
  xmlFreeDoc (doc);
  return TRUE;
}

static HeedTable *
read_xlsx (Zip     *z,
           GError **error)
{
  g_autoptr(HeedTable) table = table_new ("xlsx");
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xmlDoc *doc;
  xmlNode *sheets;

  doc = parse_member (z, "xl/_rels/workbook.xml.rels", FALSE, error);
  if (doc == NULL)
    return NULL;
  for (xmlNode *r = xmlDocGetRootElement (doc)->children; r != NULL; r = r->next)
    if (is_element (r, "Relationship"))
      {
        char *id = prop (r, "Id");
        g_autofree char *target = prop (r, "Target");

        if (id == NULL || target == NULL)
          {
            g_free (id);
            continue;
          }
        g_hash_table_insert (targets, id,
                             target[0] == '/' ? g_strdup (target + 1)
                                              : g_strconcat ("xl/", target, NULL));
      }
  xmlFreeDoc (doc);

  {
    g_autoptr(GError) shared_error = NULL;

    doc = parse_member (z, "xl/sharedStrings.xml", TRUE, &shared_error);
    if (shared_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&shared_error));
        return NULL;
      }
    if (doc != NULL)
      {
        for (xmlNode *si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
          if (is_element (si, "si"))
            g_ptr_array_add (shared, element_text (si));
        xmlFreeDoc (doc);
      }
  }

  doc = parse_member (z, "xl/workbook.xml", FALSE, error);
  if (doc == NULL)
    return NULL;
  sheets = first_child (xmlDocGetRootElement (doc), "sheets");
  for (xmlNode *s = sheets != NULL ? sheets->children : NULL; s != NULL; s = s->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      const char *target;
      HeedTableSheet *sheet;

      if (!is_element (s, "sheet"))
        continue;
      name = prop (s, "name");
      id = prop (s, "id");
      target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
      if (target == NULL)
        continue;
      sheet = sheet_new (name != NULL ? name : "");
      g_ptr_array_add (table->sheets, sheet);
      if (!read_xlsx_sheet (z, target, shared, sheet, error))
        {
          xmlFreeDoc (doc);
          return NULL;
        }
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&table);
}

static gboolean
ods_repeat (xmlNode    *node,
            const char *attribute,
            guint64    *repeat)
{
  g_autofree char *text = prop (node, attribute);

  *repeat = 1;
  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT32, repeat, NULL))
    *repeat = 1;
  return TRUE;
}

static char *
ods_cell_value (xmlNode *cell)
{
  g_autofree char *type = prop (cell, "value-type");
  GString *text;

  if (g_strcmp0 (type, "float") == 0 || g_strcmp0 (type, "percentage") == 0
      || g_strcmp0 (type, "currency") == 0)
    {
      char *value = prop (cell, "value");

      if (value != NULL)
        return value;
    }
  else if (g_strcmp0 (type, "date") == 0)
    {
      char *value = prop (cell, "date-value");

      if (value != NULL)
        return value;
    }
  else if (g_strcmp0 (type, "boolean") == 0)
    {
      g_autofree char *value = prop (cell, "boolean-value");

      if (value != NULL)
        return g_strdup (g_strcmp0 (value, "true") == 0 ? "TRUE" : "FALSE");
    }
  text = g_string_new (NULL);
  for (xmlNode *p = cell->children; p != NULL; p = p->next)
    if (is_element (p, "p"))
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        append_text (text, p);
      }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static gboolean
read_ods_table (xmlNode        *node,
                HeedTableSheet *sheet,
                GError        **error)
{
  guint64 pending_rows = 0;

  for (xmlNode *r = node->children; r != NULL; r = r->next)
    {
      g_autoptr(GPtrArray) row = NULL;
      guint64 repeat_rows, pending_cells = 0;

      /* Rows may sit in groups (header rows, row groups). */
      if (is_element (r, "table-header-rows") || is_element (r, "table-row-group")
          || is_element (r, "table-rows"))
        {
          if (!read_ods_table (r, sheet, error))
            return FALSE;
          continue;
        }
      if (!is_element (r, "table-row"))
        continue;
      ods_repeat (r, "number-rows-repeated", &repeat_rows);
      row = row_new ();
      for (xmlNode *c = r->children; c != NULL; c = c->next)
        {
          guint64 repeat_cells;
          char *value;

          if (!is_element (c, "table-cell") && !is_element (c, "covered-table-cell"))
            continue;
          ods_repeat (c, "number-columns-repeated", &repeat_cells);
          value = ods_cell_value (c);
          if (value == NULL)
            {
              /* Empty cells count only when something follows them. */
              pending_cells += repeat_cells;
              continue;
            }
          if (row->len + pending_cells + repeat_cells > HEED_TABLE_MAX_COLUMNS)
            {
              g_free (value);
              return too_large (error, FALSE);
            }
          for (; pending_cells > 0; pending_cells--)
            g_ptr_array_add (row, NULL);
          for (guint64 i = 1; i < repeat_cells; i++)
            g_ptr_array_add (row, g_strdup (value));
          g_ptr_array_add (row, value);
        }
      if (row->len == 0)
        {
          /* Empty rows (a sheet ends with a million of them) count only before a full one. */
          pending_rows += repeat_rows;
          continue;
        }
      if (sheet->rows->len + pending_rows + repeat_rows > HEED_TABLE_MAX_ROWS)
        return too_large (error, TRUE);
      for (; pending_rows > 0; pending_rows--)
        g_ptr_array_add (sheet->rows, row_new ());
      for (guint64 i = 1; i < repeat_rows; i++)
        {
          GPtrArray *copy = row_new ();

          for (guint j = 0; j < row->len; j++)
            g_ptr_array_add (copy, g_strdup (g_ptr_array_index (row, j)));
          g_ptr_array_add (sheet->rows, copy);
        }
      g_ptr_array_add (sheet->rows, g_steal_pointer (&row));
    }
  return TRUE;
}

static HeedTable *
read_ods (Zip     *z,
          GError **error)
{
  g_autoptr(HeedTable) table = table_new ("ods");
  xmlDoc *doc = parse_member (z, "content.xml", FALSE, error);
  xmlNode *spreadsheet;

  if (doc == NULL)
    return NULL;
  spreadsheet = first_child (first_child (xmlDocGetRootElement (doc), "body"), "spreadsheet");
  for (xmlNode *t = spreadsheet != NULL ? spreadsheet->children : NULL; t != NULL; t = t->next)
    {
      g_autofree char *name = NULL;
      HeedTableSheet *sheet;

      if (!is_element (t, "table"))
        continue;
      name = prop (t, "name");
      sheet = sheet_new (name != NULL ? name : "");
      g_ptr_array_add (table->sheets, sheet);
      if (!read_ods_table (t, sheet, error))
        {
          xmlFreeDoc (doc);
          return NULL;
        }
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&table);
}

static HeedTable *
read_zip (GBytes  *bytes,
          GError **error)
{
  g_autoptr(HeedTable) table = NULL;
  zip_error_t zerror;
  zip_source_t *source;
  Zip z = { 0 };
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  zip_error_init (&zerror);
  source = zip_source_buffer_create (data, length, 0, &zerror);
  if (source != NULL)
    z.zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zerror);
  if (z.zip == NULL)
    {
      if (source != NULL)
        zip_source_free (source);
      zip_error_fini (&zerror);
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                   _("The spreadsheet is damaged and cannot be unpacked."));
      return NULL;
    }
  zip_error_fini (&zerror);

  if (zip_get_num_entries (z.zip, 0) > 10000)
    zip_refuse (error, "…");
  else if (zip_name_locate (z.zip, "xl/workbook.xml", 0) >= 0)
    table = read_xlsx (&z, error);
  else if (zip_name_locate (z.zip, "content.xml", 0) >= 0)
    table = read_ods (&z, error);
  else
    g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                 _("This zip file is neither an Excel (.xlsx) nor an OpenDocument (.ods) "
                   "spreadsheet."));
  zip_discard (z.zip);
  return g_steal_pointer (&table);
}

HeedTable *
heed_table_read_bytes (GBytes      *bytes,
                       const char  *name,
                       GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > HEED_TABLE_MAX_FILE)
    {
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_TOO_LARGE,
                   _("The spreadsheet is larger than %u MB, too large for Heed to import."),
                   HEED_TABLE_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  if (length == 0 || data == NULL)
    {
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                   _("The file is empty: there is nothing in it to import."));
      return NULL;
    }
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return read_zip (bytes, error);
  if (length >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    {
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_FORMAT,
                   _("This is an old Excel file (.xls); open it in the spreadsheet program and "
                     "save it as .xlsx, .ods or CSV."));
      return NULL;
    }
  return read_csv (data, length, name, error);
}

HeedTable *
heed_table_read (const char  *path,
                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_READ,
                   _("“%s” is a folder, not a spreadsheet."), path);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &read_error);
  if (mapped == NULL)
    {
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_READ, _("Could not read %s: %s"),
                   path, read_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return heed_table_read_bytes (bytes, path, error);
}

HeedTableSheet *
heed_table_find_sheet (HeedTable   *table,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (table != NULL, NULL);

  if (table->sheets->len == 0)
    {
      g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_NO_SHEET,
                   _("The spreadsheet has no sheets."));
      return NULL;
    }
  if (name == NULL)
    return g_ptr_array_index (table->sheets, 0);
  for (guint i = 0; i < table->sheets->len; i++)
    {
      HeedTableSheet *sheet = g_ptr_array_index (table->sheets, i);

      if (g_strcmp0 (sheet->name, name) == 0)
        return sheet;
    }
  for (guint i = 0; i < table->sheets->len; i++)
    {
      HeedTableSheet *sheet = g_ptr_array_index (table->sheets, i);

      if (g_utf8_collate (sheet->name, name) == 0 || g_ascii_strcasecmp (sheet->name, name) == 0)
        return sheet;
    }
  {
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < table->sheets->len; i++)
      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                              ((HeedTableSheet *) g_ptr_array_index (table->sheets, i))->name);
    g_set_error (error, HEED_TABLE_ERROR, HEED_TABLE_ERROR_NO_SHEET,
                 _("The spreadsheet has no sheet called “%s”; it has %s."), name, names->str);
  }
  return NULL;
}

const char *
heed_table_sheet_cell (HeedTableSheet *sheet,
                       guint           row,
                       guint           column)
{
  GPtrArray *cells;

  g_return_val_if_fail (sheet != NULL, NULL);

  if (row >= sheet->rows->len)
    return NULL;
  cells = g_ptr_array_index (sheet->rows, row);
  if (column >= cells->len)
    return NULL;
  return g_ptr_array_index (cells, column);
}
