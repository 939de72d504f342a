/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-store.h"

G_BEGIN_DECLS

/* Full-fidelity exchange: the whole practice as one XML document (and back), and its cases as
 * CSV for a spreadsheet. The XML format is described by data/heed-exchange.rng. */

#define HEED_EXCHANGE_ERROR (heed_exchange_error_quark ())
GQuark heed_exchange_error_quark (void);

typedef enum {
  HEED_EXCHANGE_ERROR_INVALID,   /* not a Heed exchange file, or a value in it is wrong */
  HEED_EXCHANGE_ERROR_TOO_LARGE, /* larger than Heed will read */
  HEED_EXCHANGE_ERROR_CONFLICT,  /* a case in it is already in the practice file */
  HEED_EXCHANGE_ERROR_IO,        /* could not be read or written */
} HeedExchangeError;

#define HEED_EXCHANGE_NAMESPACE "https://heedapp.github.io/ns/exchange/1"
#define HEED_EXCHANGE_VERSION   "1"

/* Files larger than this are refused before they are read. */
#define HEED_EXCHANGE_MAX_FILE_SIZE ((gsize) 1 << 30)

gboolean heed_exchange_export_xml                 (HeedStore      *store,
                                                   GOutputStream  *out,
                                                   GError        **error);
gboolean heed_exchange_export_csv                 (HeedStore      *store,
                                                   GOutputStream  *out,
                                                   GError        **error);
gboolean heed_exchange_import_xml                 (HeedStore      *store,
                                                   const char     *path,
                                                   GError        **error);

/* Tests only: a smaller limit than HEED_EXCHANGE_MAX_FILE_SIZE; 0 restores it. */
void     heed_exchange_set_size_limit_for_testing (gsize           limit);

G_END_DECLS
