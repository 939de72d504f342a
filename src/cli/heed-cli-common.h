/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-calendar.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* What every heed-cli command shares: one-line failures, option parsing, dates, nations and
 * opening the practice file. Each command's run function takes its own argv, with the command
 * name as argv[0]. */

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

/* Text from the practice made safe to print on a terminal: control characters (escape, bell,
 * backspace…), the C1 set, direction overrides and bytes that are not UTF-8 are shown as
 * \x1b, \u202e and the like, so a value cannot move the cursor, recolour the screen or fake
 * a row. With @indent NULL the text stays on one line (tabs and line ends are shown as \t,
 * \n, \r too); otherwise line ends and tabs are kept and every later line starts with
 * @indent, so it cannot pass for a line of Heed's own. */
char    *cli_dup_printable       (const char          *text,
                                  const char          *indent);
int      cli_fail                (const char          *format,
                                  ...) G_GNUC_PRINTF (1, 2);
int      cli_fail_error          (const GError        *error);
int      cli_usage_error         (GOptionContext      *context,
                                  const char          *format,
                                  ...) G_GNUC_PRINTF (2, 3);
gboolean cli_parse_options       (GOptionContext      *context,
                                  int                 *argc,
                                  char              ***argv,
                                  int                 *status);
gboolean cli_parse_date_option   (const char          *name,
                                  const char          *text,
                                  GDate               *date,
                                  int                 *status);
gboolean cli_parse_nation_option (const char          *text,
                                  HeedNation          *nation,
                                  int                 *status);
/* --type gp|dental (gp when NULL): a GP or a dental practice. */
gboolean   cli_parse_type_option   (const char  *text,
                                    const char **type,
                                    int         *status);
/* A practice's location as it may be shown: a server's without its password. */
char      *cli_dup_location_display (const char        *where);
HeedStore *cli_open_store        (const char          *path,
                                  HeedStoreOpenFlags   flags,
                                  int                 *status);
gboolean cli_financial_year      (int                  year,
                                  GDate               *from,
                                  GDate               *to,
                                  int                 *status);
void     cli_set_today           (GDate               *today);
gboolean cli_check_output        (const char          *path,
                                  int                 *status);
int      cli_finish_stdout       (int                  status);

/* Commands that live in their own files. */
int      cli_command_letter      (int argc, char **argv);
int      cli_command_timeline    (int argc, char **argv);
int      cli_command_publicity   (int argc, char **argv);
int      cli_command_report      (int argc, char **argv);
int      cli_command_ko41b       (int argc, char **argv);
int      cli_command_add         (int argc, char **argv);
int      cli_command_import_table (int argc, char **argv);
int      cli_command_grant       (int argc, char **argv);
int      cli_command_revoke      (int argc, char **argv);
int      cli_command_duties      (int argc, char **argv);
int      cli_command_not_yet     (const char *name, int argc, char **argv);

G_END_DECLS
