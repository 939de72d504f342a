/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends one cell of a CSV row to @line (without the comma or line end around it), quoted as
 * RFC 4180 asks. Every CSV Heed writes goes through here, so that a cell a spreadsheet would
 * take for a formula — one starting with =, +, -, @, a tab or a carriage return — is written
 * with a leading apostrophe and shows as the text it is. A plain number ("-5", "+3", "12.5",
 * "40%") is written as it is, so figures stay figures: it cannot be a formula. NULL is an
 * empty cell. */
void heed_csv_append_cell (GString    *line,
                           const char *value);

G_END_DECLS
