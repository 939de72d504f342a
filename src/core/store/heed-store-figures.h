/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* What the reports' figures (heed-report-figures.h, heed-review-figures.h) and the timelines
 * (heed-timeline-data.h) read from the practice, as plain rows: the SQL stays in the store.
 * Dates and times are the stored ISO text; NULL where nothing is stored. */

/* One case as the annual report and the KO41(b) return count it, with the date of birth of
 * the person it is about (the person affected, else the complainant). Its strings are borrowed
 * for the length of the callback. */
typedef struct {
  gint64      id;
  const char *kind;
  const char *channel;
  const char *status;
  const char *track;
  const char *received_at;
  const char *acknowledged_on;
  const char *agreed_response_date;
  const char *responded_on;
  const char *closed_on;
  const char *stage2_on;
  gboolean    extended;
  gboolean    oral_resolved;
  const char *outcome;
  const char *ombudsman_referred;
  const char *ombudsman_status;
  const char *ombudsman_decision;
  const char *ombudsman_decided;
  const char *ombudsman_complied;
  gboolean    general_importance;
  gboolean    on_behalf;
  const char *subject;
  gboolean    publication_approved;
  gboolean    in_report;
  const char *you_said;
  const char *we_did;
  const char *lessons;
  const char *date_of_birth;
  const char *care; /* "nhs", "private" or NULL */
  gboolean    remedy_apology;
  gboolean    remedy_explanation;
  gboolean    remedy_action;
  gint64      remedy_financial;
} HeedFiguresCase;

typedef void (*HeedFiguresCaseFunc) (const HeedFiguresCase *row, gpointer user_data);

/* Calls @func for every case but drafts received before @end (an ISO date, not included) that
 * can count in a period from @start: received on or after it, or still open then, or taken up
 * by the Ombudsman on or after it. In the order received. */
gboolean heed_store_foreach_figures_case (HeedStore          *self,
                                          const char         *start,
                                          const char         *end,
                                          HeedFiguresCaseFunc func,
                                          gpointer            user_data,
                                          GError            **error);

/* One element of a complaint: what it was about and the staff group concerned. */
typedef struct {
  gint64 case_id;
  char  *subject;
  char  *staff_group;
} HeedFiguresAspect;

/* The elements of complaints received from @start up to @end (not included), by case and in
 * each case's order: a GPtrArray of HeedFiguresAspect. */
GPtrArray *heed_store_list_complaint_aspects (HeedStore  *self,
                                              const char *start,
                                              const char *end,
                                              GError    **error);
/* What the CQC log's line of a complaint is made from beyond the case's own row. */
typedef struct {
  GPtrArray *names;    /* first name, last name and known-as of the complainant, then of the
                        * person affected (NULL where not stored): words to take out of what
                        * the line publishes */
  GPtrArray *subjects; /* its elements' subject codes (NULL where none), by element */
  GPtrArray *actions;  /* its actions' descriptions (NULL where none), by action */
} HeedFiguresLogDetail;

void heed_figures_log_detail_free (HeedFiguresLogDetail *detail);

/* The log details of every case received from @start up to @end (not included), read in three
 * statements rather than a handful for each case: a GHashTable from the case's id (gint64 *)
 * to its HeedFiguresLogDetail. A case with no people, elements or actions may be absent. */
GHashTable *heed_store_map_log_details (HeedStore  *self,
                                        const char *start,
                                        const char *end,
                                        GError    **error);

/* The stored answers ("1=4;2=5;…", "" when none) of survey responses given from @from to @to,
 * both included: a GPtrArray of strings. */
GPtrArray *heed_store_list_survey_answers (HeedStore  *self,
                                           const char *from,
                                           const char *to,
                                           GError    **error);

/* An action to improve as the annual report lists it. */
typedef struct {
  char    *description;
  char    *due_date;
  char    *completed_on;
  gboolean publishable; /* practice-wide, or on a case whose publication is approved */
  char    *owner_role;
  char    *impact;
} HeedFiguresAction;

/* The actions completed from @from to @to, or in progress at @to: a GPtrArray of
 * HeedFiguresAction, those still open last. */
GPtrArray *heed_store_list_report_actions (HeedStore  *self,
                                           const char *from,
                                           const char *to,
                                           GError    **error);

/* An age band of the practice's categories for a year; -1 and 1000 where open-ended. */
typedef struct {
  char *code;
  int   min_age;
  int   max_age;
} HeedFiguresAgeBand;

/* The age bands with an age limit for @year, in their order: a GPtrArray of
 * HeedFiguresAgeBand. */
GPtrArray *heed_store_list_age_bands (HeedStore *self, int year, GError **error);

/* An action of the practice's action plans. */
typedef struct {
  gint64 id;
  gint64 case_id; /* 0 for a practice-wide action */
  char  *case_reference;
  char  *description;
  char  *owner;
  char  *start_date;
  char  *due_date;
  char  *review_date;
  char  *completed_on;
} HeedFiguresPlanAction;

/* Every action of the practice, in no particular order: a GPtrArray of
 * HeedFiguresPlanAction. */
GPtrArray *heed_store_list_plan_actions (HeedStore *self, GError **error);

/* A complaint or concern still waiting for its answer. */
typedef struct {
  gint64 case_id;
  char  *reference;
  char  *kind;
  char  *status;
  char  *handler; /* the handler's name */
  char  *received_at;
} HeedFiguresOpenCase;

/* Complaints and concerns not answered, closed, withdrawn, out of scope or resolved by the next
 * working day, received before @before (an ISO date): a GPtrArray of HeedFiguresOpenCase, in
 * the order received. */
GPtrArray *heed_store_list_long_open_cases (HeedStore *self, const char *before, GError **error);

/* An event or an action on a case's timeline; strings borrowed for the callback. For an
 * event, @text is its summary and @due the time it happened; for an action, @text is its
 * description. */
typedef struct {
  gint64      case_id;
  gint64      id;
  const char *kind;        /* events only */
  const char *occurred_at; /* events only */
  const char *text;
  const char *due_date;     /* actions only */
  const char *start_date;   /* actions only */
  const char *completed_on; /* actions only */
} HeedTimelineRow;

typedef void (*HeedTimelineRowFunc) (const HeedTimelineRow *row, gpointer user_data);

/* Calls @func for each event (or, with @actions, each action) of the case @case_id, in the
 * order they happened (or are due); or, when @case_ids is not NULL, of each case in that JSON
 * array of ids, in no particular order. */
gboolean heed_store_foreach_timeline_row (HeedStore          *self,
                                          gboolean            actions,
                                          gint64              case_id,
                                          const char         *case_ids,
                                          HeedTimelineRowFunc func,
                                          gpointer            user_data,
                                          GError            **error);

/* Dates kept on a case that its timeline shows as entries. */
typedef struct {
  char *consent_requested;
  char *consent_received;
  char *stage2_on;
  char *ombudsman_referred;
  char *ombudsman_decided;
  char *safeguarding_referred;
} HeedCaseMilestones;

gboolean heed_store_load_case_milestones (HeedStore          *self,
                                          gint64              case_id,
                                          HeedCaseMilestones *milestones,
                                          GError            **error);
void     heed_case_milestones_clear (HeedCaseMilestones *milestones);

G_END_DECLS
