/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the report's files share: the figures' insides, a case's facts as the counts read them,
 * counting by category, the tables and the dates. Private to the reports. */

#include "heed-report-figures.h"
#include "heed-store-figures.h"

G_BEGIN_DECLS

#define N_SCALE 5
#define SMALL_COUNT_LIMIT 5
#define DUE_SOON_DAYS 14
#define MAX_CHANNELS 16

struct _HeedReportFigures
{
  GObject         parent_instance;

  HeedReportKind  kind;
  char           *practice;
  char           *trail_head;   /* "Audit trail: entry N, SHA-256 …", or NULL */
  GDate           from;
  GDate           to;
  GDate           previous_from;
  GDate           previous_to;
  gboolean        suppress_small;
  gboolean        ko41b_dental;  /* the dental collection (NHS BSA), not the GP one */
  GPtrArray      *tables;   /* HeedReportTable* */
  GPtrArray      *items[HEED_REPORT_N_ITEM_LISTS];
  GPtrArray      *log;      /* HeedReportLogLine* */
  gboolean        log_withheld; /* made by a reader, who may not read the cases' words */
  char           *general_importance; /* as the practice wrote it for the period, or NULL */
};

typedef struct {
  gint64      id;
  const char *kind;
  const char *channel;
  const char *status;
  const char *track;
  const char *outcome;
  gboolean    statutory;   /* a complaint under the regulations: not an oral one resolved */
  gboolean    oral_resolved;
  gboolean    private_care; /* not NHS: never in the KO41(b), apart in the annual report */
  GDate       received;
  GDate       ended;       /* responded, closed, or withdrawn; invalid while open */
  GDate       responded;
  GDate       birth;
  HeedDeadlineFacts facts;
} CaseFacts;

/* The aspects of each complaint: case id -> GPtrArray of { subject, staff group } pairs. */
typedef struct {
  char *subject;
  char *staff_group;
} Aspect;

/* Counting by category: the practice's categories for the year first, in their order, then
 * any other code found in the cases. */
typedef struct {
  GPtrArray  *codes;
  GHashTable *counts[2];  /* code -> count, this period and the previous one */
} CategoryCounts;

typedef void (*CountCaseFunc) (gpointer, const HeedFiguresCase *, const CaseFacts *);

void _heed_report_add_single_row (HeedReportTable *table,
                                  const char      *id,
                                  const char      *label,
                                  double           value);
void _heed_report_category_counts_add (CategoryCounts *counts,
                                       guint           period,
                                       const char     *code);
void _heed_report_category_counts_clear (CategoryCounts *counts);
void _heed_report_category_counts_init (CategoryCounts *counts,
                                        HeedStore      *store,
                                        const char     *scheme,
                                        int             year);
HeedReportTable *_heed_report_category_table (HeedReportFigures *self,
                                              HeedStore         *store,
                                              CategoryCounts    *counts,
                                              const char        *scheme,
                                              const char        *id,
                                              const char        *title,
                                              const char        *row_heading,
                                              guint              n_periods,
                                              gboolean           all_rows);
gboolean _heed_report_check_period (const GDate  *from,
                                    const GDate  *to,
                                    GError      **error);
HeedReportFigures *_heed_report_figures_new (HeedStore      *store,
                                             HeedReportKind  kind,
                                             const GDate    *from,
                                             const GDate    *to);
int _heed_report_financial_year_of (const GDate *date);
gboolean _heed_report_in_range (const GDate *date,
                                const GDate *from,
                                const GDate *to);
int _heed_report_index_of (const char *const *ids,
                           guint              n_ids,
                           const char        *id);
GHashTable *_heed_report_load_aspects (HeedStore    *store,
                                       const GDate  *from,
                                       const GDate  *to,
                                       GError      **error);
gboolean _heed_report_open_on (const CaseFacts *c,
                               const GDate     *date);
gboolean _heed_report_scan_cases (HeedStore      *store,
                                  const GDate    *start,
                                  const GDate    *to,
                                  CountCaseFunc   func,
                                  gpointer        data,
                                  GError        **error);
void _heed_report_table_add_column (HeedReportTable     *table,
                                    const char          *id,
                                    const char          *label,
                                    HeedReportValueKind  kind);
HeedReportTable *_heed_report_table_new (HeedReportFigures *self,
                                         const char        *id,
                                         const char        *title,
                                         const char        *row_heading,
                                         HeedReportChart    chart);
gboolean _heed_report_parse_day (const char *text,
                                 GDate      *date);
void _heed_report_set_today (GDate *today);

/* The outcomes of a complaint, in the order the tables show them. */
extern const char *const _heed_report_outcome_ids[3];

G_END_DECLS
