/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include "heed-case-query.h"

G_DEFINE_BOXED_TYPE (HeedCaseQuery, heed_case_query, heed_case_query_ref, heed_case_query_unref)

HeedCaseQuery *
heed_case_query_new (void)
{
  HeedCaseQuery *query = g_new0 (HeedCaseQuery, 1);

  g_atomic_ref_count_init (&query->ref_count);
  query->view = HEED_CASE_VIEW_ALL;
  g_date_clear (&query->from, 1);
  g_date_clear (&query->to, 1);
  return query;
}

HeedCaseQuery *
heed_case_query_ref (HeedCaseQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);
  g_atomic_ref_count_inc (&query->ref_count);
  return query;
}

void
heed_case_query_unref (HeedCaseQuery *query)
{
  g_return_if_fail (query != NULL);
  if (!g_atomic_ref_count_dec (&query->ref_count))
    return;
  g_free (query->search);
  g_free (query->kind);
  g_free (query->status);
  g_free (query->subject);
  g_free (query);
}

/* Turns what a person typed into an FTS5 query: every word must appear, as a prefix, so
 * "smi appoint" finds "Smith" and "appointment". Quotes keep FTS5 operators from meaning
 * anything. Returns NULL when there is nothing to search for. */
char *
heed_case_query_dup_fts (const char *search)
{
  g_autoptr(GString) fts = NULL;
  const char *p;

  if (search == NULL || !g_utf8_validate (search, -1, NULL))
    return NULL;

  fts = g_string_new (NULL);
  p = search;
  while (*p != '\0')
    {
      GString *word = g_string_new (NULL);

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (word, p, next - p);
          p = next;
        }
      if (word->len > 0)
        {
          if (fts->len > 0)
            g_string_append_c (fts, ' ');
          g_string_append_printf (fts, "\"%s\"*", word->str);
        }
      g_string_free (word, TRUE);
    }

  if (fts->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&fts), FALSE);
}

/* The same for PostgreSQL's to_tsquery ('heed_search', …): every word a prefix (word:*), all
 * of them required. The words hold letters and digits only, so none of tsquery's operators
 * can reach it. */
char *
heed_case_query_dup_tsquery (const char *search)
{
  g_autoptr(GString) query = NULL;
  const char *p;

  if (search == NULL || !g_utf8_validate (search, -1, NULL))
    return NULL;

  query = g_string_new (NULL);
  p = search;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          if (query->len > 0)
            g_string_append (query, " & ");
          g_string_append_len (query, start, p - start);
          g_string_append (query, ":*");
        }
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Words were typed but none Heed can search for (only punctuation, symbols or emoji): such a
 * search finds no case, rather than being ignored and finding every case. */
gboolean
heed_case_query_finds_nothing (HeedCaseQuery *query)
{
  g_autofree char *fts = NULL;

  if (query == NULL || query->search == NULL)
    return FALSE;
  fts = heed_case_query_dup_fts (query->search);
  if (fts != NULL)
    return FALSE;
  for (const char *p = query->search; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}
