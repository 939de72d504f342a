/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-calendar.h"
#include "heed-case.h"

G_BEGIN_DECLS

/* A nation's complaints procedure as it stood from a date (DOMAIN.md, "Deadlines"): the rule
 * sets are data, in data/procedures.ini built in as a resource, which a practice can change with
 * a file of the same name in the heed folder of its configuration folder.  A complaint follows
 * the rule set in force on the day it was received. */

#define HEED_PROCEDURES_RESOURCE "/io/github/heedapp/Heed/data/procedures.ini"

typedef struct {
  HeedNation  nation;
  GDate       from;
  char       *name;
  char       *name_cy;
  char       *services;               /* "NHS" or "HSC" */
  guint       stages;                 /* 1, or 2: stage 1 then stage 2 */
  gboolean    early_resolution;       /* an early-resolution stage of its own */
  gboolean    listening_discussion;
  guint       acknowledge;            /* working days (at stage 2 with two stages) */
  guint       resolve;                /* stage 1, working days */
  guint       resolve_extended;
  guint       respond;                /* working days; 0: the date agreed */
  guint       respond_extended;       /* 0: as respond */
  guint       review_months;
  gboolean    oral_next_day;
  guint       time_limit_months;
  guint       time_limit_aware_months;
  guint       time_limit_outer_months;  /* 0: none */
  guint       ombudsman_limit_months;
  gboolean    ombudsman_from_procedure_end;
  gboolean    commissioner;
  guint       redress_limit;          /* pounds; 0: none */
  char      **unconfirmed;
} HeedProcedure;

/* The rule set of @nation in force on @received (today when NULL or invalid).  Never NULL: a
 * nation with no rule set on that day gets its earliest one.  The result stays valid until
 * heed_procedures_load_data() or heed_procedures_reload() is called. */
const HeedProcedure *heed_procedure_for            (HeedNation           nation,
                                                    const GDate         *received);
/* The same, for a date written "YYYY-MM-DD" (or a date-time, whose date part counts). */
const HeedProcedure *heed_procedure_for_text       (HeedNation           nation,
                                                    const char          *received);
/* Its name in English, or in Welsh when @welsh and it has one. */
const char          *heed_procedure_get_name       (const HeedProcedure *procedure,
                                                    gboolean             welsh);
/* Whether the figure of @key (as in the file) could not be confirmed from a source. */
gboolean             heed_procedure_is_unconfirmed (const HeedProcedure *procedure,
                                                    const char          *key);
/* Gives @kase the time limit of the rule set in force the day it was received (today when it
 * has no received date yet), for its late check. */
void                 heed_procedure_apply_time_limit (HeedNation         nation,
                                                      HeedCase          *kase);

/* Replaces the rule sets with those in @data (the form of data/procedures.ini), for a test or a
 * practice's own file; the built-in ones are kept when it is not valid. */
gboolean             heed_procedures_load_data     (const char          *data,
                                                    gssize               length,
                                                    GError             **error);
/* Reads the built-in rule sets and the practice's file again. */
void                 heed_procedures_reload        (void);
/* The practice's own file: ~/.config/heed/procedures.ini (newly allocated). */
char                *heed_procedures_dup_user_path (void);

G_END_DECLS
