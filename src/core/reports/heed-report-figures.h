/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-store.h"

G_BEGIN_DECLS

/* The figures of the annual report (or of any period), and of the KO41(b) return, worked out
 * from a practice file.  Every figure sits in a table of rows and columns, so the CSV, the HTML
 * page, the PDF and the window all show the same numbers from one place.  Nothing in the
 * figures names a person: only counts, categories, and the wording a manager approved for
 * publication. */

#define HEED_REPORT_ERROR (heed_report_error_quark ())
GQuark heed_report_error_quark (void);

typedef enum {
  HEED_REPORT_ERROR_INVALID,  /* a period or argument that cannot be reported on */
  HEED_REPORT_ERROR_WRITE,    /* the output could not be written */
  HEED_REPORT_ERROR_NOT_ENGLAND, /* the KO41(b) asked of a practice outside England */
} HeedReportError;

typedef enum {
  HEED_REPORT_ANNUAL,
  HEED_REPORT_KO41B,
} HeedReportKind;

typedef enum {
  HEED_REPORT_VALUE_COUNT,    /* a number of cases, aspects or answers */
  HEED_REPORT_VALUE_PERCENT,  /* 0–100 */
  HEED_REPORT_VALUE_DAYS,     /* an average number of working days */
  HEED_REPORT_VALUE_SCORE,    /* an average on the five-point scale */
  HEED_REPORT_VALUE_MONEY,    /* an amount in pence, shown in pounds */
} HeedReportValueKind;

/* How a table is best drawn; the chart itself is the render layer's. */
typedef enum {
  HEED_REPORT_CHART_NONE,
  HEED_REPORT_CHART_BAR,      /* one bar per row, one per column side by side */
  HEED_REPORT_CHART_LINE,     /* one line per column across the rows (months) */
  HEED_REPORT_CHART_STACKED,  /* one bar per column, stacked by row */
  HEED_REPORT_CHART_STACKED_ROWS, /* one bar per row, stacked by column */
} HeedReportChart;

typedef struct {
  double   value;
  gboolean known;  /* FALSE: nothing to work it out from (an average of no cases) */
} HeedReportCell;

typedef struct {
  char                *id;        /* stable, for CSV and tests: "received-by-kind" */
  char                *title;     /* translated */
  char                *note;      /* translated explanation, or NULL */
  char                *row_heading;
  GPtrArray           *rows;      /* translated row labels */
  GPtrArray           *row_ids;   /* stable row ids: "complaint", "2025-04" */
  GPtrArray           *columns;   /* translated column labels */
  GPtrArray           *column_ids;
  GPtrArray           *short_columns; /* shorter labels for a narrow page, or NULL */
  GArray              *kinds;     /* HeedReportValueKind per column */
  GArray              *cells;     /* HeedReportCell, rows × columns, row by row */
  HeedReportChart      chart;
  int                  chart_columns; /* how many columns the chart draws, from the first */
  int                  chart_rows;    /* likewise rows; 0 for all (totals are left out) */
} HeedReportTable;

const HeedReportCell *heed_report_table_get_cell  (const HeedReportTable *table,
                                                   guint                  row,
                                                   guint                  column);
/* The index of a row or column by its id, or -1. */
int                   heed_report_table_find_row  (const HeedReportTable *table,
                                                   const char            *row_id);
int                   heed_report_table_find_column (const HeedReportTable *table,
                                                     const char            *column_id);

/* A piece of text the report may publish: "You said, we did", a lesson, an action. */
typedef struct {
  char *heading;  /* "You said" wording or the lesson's subject; or NULL */
  char *text;     /* "We did" wording, the lesson, the action */
  char *detail;   /* an action's "Done 3 June 2025; owner: Practice manager"; or NULL */
  char *measure;  /* how an action's impact is measured; or NULL */
} HeedReportItem;

/* One complaint of the period in the anonymised log the CQC asks for: no name, reference or
 * other identifier, and names written into its learning or actions taken out. */
typedef struct {
  GDate  received;
  char  *subject;   /* the subjects of its parts, as labelled, or NULL */
  char  *track;     /* "Early resolution", "A closer look", or NULL */
  char  *outcome;   /* "Upheld"…, or NULL while open */
  GDate  responded; /* invalid while not yet answered */
  int    in_time;   /* 1 within the timescale, 0 not, -1 not yet known */
  char  *learning;  /* or NULL */
  char  *actions;   /* each action, one a line, or NULL */
  gboolean approved; /* its wording approved to leave the practice; else no learning shown */
} HeedReportLogLine;

typedef enum {
  HEED_REPORT_ITEMS_YOU_SAID_WE_DID,
  HEED_REPORT_ITEMS_LEARNING,
  HEED_REPORT_ITEMS_ACTIONS,
  HEED_REPORT_ITEMS_GENERAL_IMPORTANCE,
  HEED_REPORT_N_ITEM_LISTS
} HeedReportItemList;

#define HEED_TYPE_REPORT_FIGURES (heed_report_figures_get_type ())
G_DECLARE_FINAL_TYPE (HeedReportFigures, heed_report_figures, HEED, REPORT_FIGURES, GObject)

/* The annual report's figures for @from – @to (inclusive dates), with the period of the same
 * length just before it for comparison.  @today decides which deadlines are still pending;
 * NULL means the real today. */
HeedReportFigures *heed_report_figures_compute      (HeedStore    *store,
                                                     const GDate  *from,
                                                     const GDate  *to,
                                                     const GDate  *today,
                                                     GError      **error);
/* The KO41(b) figures for @from – @to: a financial year or one of its quarters. */
HeedReportFigures *heed_report_figures_compute_ko41b (HeedStore    *store,
                                                      const GDate  *from,
                                                      const GDate  *to,
                                                      GError      **error);

HeedReportKind     heed_report_figures_get_kind      (HeedReportFigures *self);
const char        *heed_report_figures_get_practice  (HeedReportFigures *self);
/* "Audit trail: entry 1234, SHA-256 …" as the file was when the figures were computed, or
 * NULL (translated). */
const char        *heed_report_figures_get_trail_head (HeedReportFigures *self);
void               heed_report_figures_get_period    (HeedReportFigures *self,
                                                      GDate             *from,
                                                      GDate             *to);
void               heed_report_figures_get_previous  (HeedReportFigures *self,
                                                      GDate             *from,
                                                      GDate             *to);
/* The KO41(b) of a dental practice: the NHS Business Services Authority's dental collection,
 * one return per NHS contract, with its own subjects and staff groups. */
gboolean           heed_report_figures_is_dental_collection (HeedReportFigures *self);
/* "1 April 2025 to 31 March 2026" */
char              *heed_report_figures_dup_period_text (HeedReportFigures *self);
/* "Complaints annual report" or "KO41(b) return", translated */
const char        *heed_report_figures_get_title     (HeedReportFigures *self);
gboolean           heed_report_figures_get_suppress_small (HeedReportFigures *self);
void               heed_report_figures_set_suppress_small (HeedReportFigures *self,
                                                           gboolean           suppress);

guint              heed_report_figures_get_n_tables  (HeedReportFigures *self);
const HeedReportTable *heed_report_figures_get_table (HeedReportFigures *self,
                                                      guint              index);
const HeedReportTable *heed_report_figures_find_table (HeedReportFigures *self,
                                                       const char        *id);
/* The matters of general importance as the practice wrote them for this period, or NULL. */
const char        *heed_report_figures_get_general_importance (HeedReportFigures *self);
/* A draft of them from the period's themes, for the manager to rewrite (newly allocated). */
char              *heed_report_figures_dup_general_importance_draft (HeedReportFigures *self);
/* The annual figures' log of complaints received in the period, oldest first: borrowed array
 * of HeedReportLogLine*. Empty for the KO41(b). */
GPtrArray         *heed_report_figures_get_log       (HeedReportFigures  *self);
/* Whether the log was left out: the report was made by someone whose duty shows no case's
 * own words (a reader on a practice server). */
gboolean           heed_report_figures_is_log_withheld (HeedReportFigures *self);
/* Borrowed array of HeedReportItem*. */
GPtrArray         *heed_report_figures_get_items     (HeedReportFigures  *self,
                                                      HeedReportItemList  list);

/* A cell as the report prints it: "12", "fewer than 5", "83%", "4.2 days", "3.9", "—". */
char              *heed_report_figures_format_cell   (HeedReportFigures     *self,
                                                      const HeedReportTable *table,
                                                      guint                  row,
                                                      guint                  column);
/* Whether the small-count rule hides this cell's value. */
gboolean           heed_report_figures_cell_is_hidden (HeedReportFigures     *self,
                                                       const HeedReportTable *table,
                                                       guint                  row,
                                                       guint                  column);

/* A few plain sentences with the headline figures, for the top of the report (translated;
 * small counts already hidden when the rule applies). */
GPtrArray         *heed_report_figures_dup_summary   (HeedReportFigures *self);

/* Every figure as CSV: section,row,column,value with a header row, CRLF line ends. */
char              *heed_report_figures_to_csv        (HeedReportFigures *self);

/* Writes @data to @path through a temporary file renamed into place, so a failure leaves any
 * earlier file as it was. */
gboolean           heed_report_write_file            (const char  *path,
                                                      const char  *data,
                                                      gsize        length,
                                                      GError     **error);

/* The statements of the complainant-experience survey (seed 004), numbered from 1 as answers
 * are stored ("1=4;2=5;…", 1 = strongly disagree … 5 = strongly agree). */
guint              heed_survey_get_n_statements      (void);
const char        *heed_survey_get_statement         (guint number);

G_END_DECLS
