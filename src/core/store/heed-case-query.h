/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which cases a list shows. */
typedef enum {
  HEED_CASE_VIEW_ALL,
  HEED_CASE_VIEW_OPEN,
  HEED_CASE_VIEW_CLOSED,
  HEED_CASE_VIEW_COMPLIMENTS,
  HEED_CASE_VIEW_ATTENTION,  /* open cases with a deadline due soon or passed */
} HeedCaseView;

/* What a list is ordered by (the columns of the case list). */
typedef enum {
  HEED_CASE_SORT_RECEIVED,
  HEED_CASE_SORT_REFERENCE,
  HEED_CASE_SORT_NAME,
  HEED_CASE_SORT_SUMMARY,
  HEED_CASE_SORT_KIND,
  HEED_CASE_SORT_RISK,
  HEED_CASE_SORT_STATUS,
  HEED_CASE_SORT_NEXT_DEADLINE,
} HeedCaseSort;

typedef struct _HeedCaseQuery HeedCaseQuery;

struct _HeedCaseQuery
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public >*/
  HeedCaseView view;
  char        *search;    /* words typed by a person, not FTS syntax */
  char        *kind;
  char        *status;
  char        *subject;
  GDate        from;      /* received on or after; invalid = no limit */
  GDate        to;        /* received on or before; invalid = no limit */
  gboolean     newest_first;
  /* Any order but by received date is applied by heed_store_query_case_ids(); ties keep
   * the received order. */
  HeedCaseSort sort;
  gboolean     descending;
  /* A case left out, such as a draft about to be deleted (the deletion can still be undone). */
  gint64       hidden_id;
};

#define HEED_TYPE_CASE_QUERY (heed_case_query_get_type ())
GType          heed_case_query_get_type (void) G_GNUC_CONST;
HeedCaseQuery *heed_case_query_new      (void);
HeedCaseQuery *heed_case_query_ref      (HeedCaseQuery *query);
void           heed_case_query_unref    (HeedCaseQuery *query);
char          *heed_case_query_dup_fts  (const char *search);
char          *heed_case_query_dup_tsquery (const char *search);
/* TRUE when @query->search holds something but no letter or digit to search for: no case
 * matches it. */
gboolean       heed_case_query_finds_nothing (HeedCaseQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedCaseQuery, heed_case_query_unref)

G_END_DECLS
