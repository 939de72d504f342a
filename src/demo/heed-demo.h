/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* A demonstration practice: settings, staff and plainly fictional but realistic feedback, for
 * trying Heed out, for screenshots and for measuring it with many cases.  Names are ordinary
 * British names, but every address is on a made-up street in a made-up town, every phone number
 * is in Ofcom's ranges for drama, every email address is at example.com, .org or .net, and every
 * NHS number is in the 999 range the NHS keeps for tests. */

typedef struct {
  guint   n_cases;  /* how many pieces of feedback; default 300 */
  guint   years;    /* spread over this many years back from @today; default 3, at most 50 */
  guint32 seed;     /* the same seed (and today) gives the same cases */
  GDate   today;    /* the day the demo is built around; not after the real today */
} HeedDemoOptions;

/* Sets the defaults, with @today the real today. */
void     heed_demo_options_init (HeedDemoOptions       *options);

/* Fills @store, normally a new, empty practice, with a demonstration practice: its address and
 * contacts, a dozen staff and @options->n_cases cases with their people, timelines, findings,
 * actions and the rest, each saved (and so validated and audited) through the store.  The work
 * is committed in batches; on error the batch being made is rolled back and FALSE returned. */
gboolean heed_demo_fill         (HeedStore             *store,
                                 const HeedDemoOptions *options,
                                 GError               **error);

G_END_DECLS
