/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-case-list-model.h"
#include "heed-case-page.h"
#include "heed-first-screen-model.h"
#include "heed-timeline-view.h"
#include "heed-actions-page.h"
#include "heed-report-page.h"
#include "heed-publicity-page.h"
#include "heed-store-duties.h"
#include "heed-window.h"

G_BEGIN_DECLS

/* Shared by heed-window.c (the list, its filters and the navigation between pages) and
 * heed-window-actions.c (what the window does). */

/* The main window: a welcome page to create, open or try a practice; then the views of the
 * practice's feedback down the side, the cases of the chosen view in a list that reads rows
 * only as they are shown, search and filters over them, and the page of one case. */

struct _HeedWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle      *window_title;
  AdwStatusPage       *status_page;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *main_stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *content_box;
  AdwWindowTitle      *content_title;
  GtkWidget           *back_button;
  GtkWidget           *save_button;
  GtkWidget           *phone_log_button;
  GtkStack            *content_stack;
  GtkStack            *list_stack;
  AdwStatusPage       *none_page;
  HeedCasePage        *case_page;
  HeedTimelineView    *practice_timeline;
  HeedActionsPage     *actions_page;
  HeedReportPage      *report_page;
  HeedPublicityPage   *publicity_page;
  GtkListBox          *view_list;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkColumnView       *case_view;
  GtkDropDown         *kind_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *subject_filter;
  GtkEntry            *from_filter;
  GtkEntry            *to_filter;
  GtkLabel            *filter_problem;
  GtkWidget           *filter_button;
  GtkWidget           *new_button;
  GtkWidget           *person_button;
  GtkLabel            *person_label;
  GtkLabel            *person_name_label;
  GtkLabel            *person_detail_label;
  GtkWidget           *sign_out_button;
  AdwWindowTitle      *signed_out_title;
  AdwStatusPage       *signed_out_page;

  HeedStore           *store;
  HeedCaseListModel   *model;
  HeedFirstScreenModel *shown_rows;
  guint                reveal_tick;
  gint64               first_rows_frame;
  HeedCaseView         view;
  gint64               n_cases;
  GPtrArray           *subject_codes;
  GSettings           *settings;
  gint64               deleting_id;  /* a draft deleted unless Undo is pressed in time */
  gboolean             filling;      /* setting up the list's controls: query once, after */
  guint                backup_source;
  guint                idle_source;
  guint                idle_minutes;  /* the practice's sign-out time on a server; 0: never */
  gint64               last_input;    /* monotonic µs of the last key, click or movement */
  HeedLocation        *signed_out_at; /* the practice signed out of, to sign in to again */
  char                *signed_out_name;
};

/* heed-window.c */
void     _heed_window_run_query         (HeedWindow     *self);
void     _heed_window_update_header     (HeedWindow     *self);
void     _heed_window_show_problem      (HeedWindow     *self,
                                         const char     *message);
gboolean _heed_window_leave_case        (HeedWindow     *self);
void     _heed_window_show_welcome      (HeedWindow     *self,
                                         const char     *title,
                                         const char     *description);
/* Shows the practice the window has open afresh: its name, duties and lists. */
void     _heed_window_show_store        (HeedWindow     *self);
void     _heed_window_use_store         (HeedWindow     *self,
                                         HeedStore      *store);
HeedLocation *_heed_window_dup_recent_server (HeedWindow *self);

HeedTask _heed_window_row_task          (GtkWidget      *view_row);

/* heed-window-people.c */
void     _heed_window_class_add_people_actions (GtkWidgetClass *widget_class);
void     _heed_window_init_people       (HeedWindow     *self);
void     _heed_window_finish_people     (HeedWindow     *self);
void     _heed_window_apply_duties      (HeedWindow     *self);
void     _heed_window_sign_out          (HeedWindow     *self,
                                         const char     *why);

/* heed-window-actions.c */
void     _heed_window_class_add_actions (GtkWidgetClass *widget_class);
void     _heed_window_init_actions      (HeedWindow     *self);
void     _heed_window_finish_deleting   (HeedWindow     *self);
void     _heed_window_offer_drafts      (HeedWindow     *self);
void     _heed_window_schedule_backup   (HeedWindow     *self);

G_END_DECLS
