/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <string.h>

#include "heed-csv.h"

/* An optional sign, digits, at most one decimal point with digits after it, and an optional
 * per cent sign: nothing a spreadsheet could run. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean point = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        continue;
      if (*p == '.' && !point && g_ascii_isdigit (p[1]))
        {
          point = TRUE;
          continue;
        }
      return *p == '%' && p[1] == '\0';
    }
  return TRUE;
}

void
heed_csv_append_cell (GString    *line,
                      const char *value)
{
  gboolean formula;
  gboolean quote;

  g_return_if_fail (line != NULL);

  if (value == NULL || value[0] == '\0')
    return;
  formula = strchr ("=+-@\t\r", value[0]) != NULL && !is_plain_number (value);
  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}
