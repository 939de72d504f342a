/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

/* The text of a PDF as pdftotext reads it (one page, or all when page is 0), which is what a
 * screen reader or a search in a PDF viewer sees. */
static inline char *
heed_test_pdf_text (const char *pdf_path,
                    guint       page)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, g_strdup ("pdftotext"));
  if (page > 0)
    {
      g_ptr_array_add (argv, g_strdup ("-f"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", page));
      g_ptr_array_add (argv, g_strdup ("-l"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", page));
    }
  g_ptr_array_add (argv, g_strdup (pdf_path));
  g_ptr_array_add (argv, g_strdup ("-"));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The PDF's metadata and page count as pdfinfo prints them. */
static inline char *
heed_test_pdf_info (const char *pdf_path)
{
  const char *argv[] = { "pdfinfo", pdf_path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Text with the line breaks and runs of spaces pdftotext puts in flattened to single spaces,
 * so a phrase can be found whatever line it was wrapped on. */
static inline char *
heed_test_flatten (const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == '\f')
        space = TRUE;
      else
        {
          if (space && flat->len > 0)
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_c (flat, *p);
        }
    }
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

/* Whether bytes (a PDF, with binary streams and NULs in it) contain text. */
static inline gboolean
heed_test_bytes_contain (const char *bytes,
                         gsize       length,
                         const char *text)
{
  gsize text_length = strlen (text);

  for (gsize i = 0; i + text_length <= length; i++)
    if (memcmp (bytes + i, text, text_length) == 0)
      return TRUE;
  return FALSE;
}

/* Keeps a copy of a drawn file in $HEED_TEST_OUTPUT_DIR, when set, to look at by eye. */
static inline void
heed_test_keep_output (const char *path,
                       const char *name)
{
  const char *dir = g_getenv ("HEED_TEST_OUTPUT_DIR");
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  gsize length = 0;

  if (dir == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return;
  target = g_build_filename (dir, name, NULL);
  g_file_set_contents (target, contents, length, NULL);
}

/* Whether pdfinfo's report says the PDF is tagged. */
static inline gboolean
heed_test_pdf_info_is_tagged (const char *info)
{
  g_autofree char *flat = heed_test_flatten (info);

  return strstr (flat, "Tagged: yes") != NULL;
}
