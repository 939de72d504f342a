/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-cli"

#include "config.h"

#include "heed-cli-common.h"

int
cli_command_publicity (int    argc,
                       char **argv)
{
  return cli_command_not_yet ("publicity", argc, argv);
}
