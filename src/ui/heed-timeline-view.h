/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heed-store.h"
#include "heed-timeline-data.h"

G_BEGIN_DECLS

/* The timeline, drawn by the render layer: the practice's open cases lane by lane, or one
 * case's story. Zooms (Ctrl+scroll, pinch, + and −), scrolls in time and down the lanes, and
 * is driven from the keyboard: Up and Down move lane to lane, Left and Right entry to entry,
 * Enter opens. What has focus is the widget's accessible name and description.
 *
 * A lane of the practice's, clicked or with Enter pressed on it, opens its case through the
 * window's win.show-case (the case id); an attachment chosen in an entry's popover opens
 * through win.open-attachment (the attachment id).
 *
 * Signals: ::entry-activated (gint64 case id, gint64 row id, HeedTimelineSource) for an entry
 * of a case's timeline, whose detail and attachments then show in a popover by it;
 * ::add-entry (gint64 case id) when the person asks to add one (Insert, or the
 * timeline.add-entry action). Ctrl+P (timeline.print) prints. */

#define HEED_TYPE_TIMELINE_VIEW (heed_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (HeedTimelineView, heed_timeline_view, HEED, TIMELINE_VIEW, GtkWidget)

GtkWidget        *heed_timeline_view_new                 (void);

void              heed_timeline_view_set_store           (HeedTimelineView *self,
                                                          HeedStore        *store);
HeedStore        *heed_timeline_view_get_store           (HeedTimelineView *self);
/* A case's timeline; 0 for the practice's. */
void              heed_timeline_view_set_case_id         (HeedTimelineView *self,
                                                          gint64            case_id);
gint64            heed_timeline_view_get_case_id         (HeedTimelineView *self);
/* The practice timeline's filter, as the case list's (NULL: every open case). */
void              heed_timeline_view_set_query           (HeedTimelineView *self,
                                                          HeedCaseQuery    *query);
/* Also show the cases closed between two dates (invalid or NULL dates: open cases only). */
void              heed_timeline_view_set_closed_range    (HeedTimelineView *self,
                                                          const GDate      *from,
                                                          const GDate      *to);
/* The day deadlines are counted from; by default the real today. */
void              heed_timeline_view_set_today           (HeedTimelineView *self,
                                                          const GDate      *today);
/* Reads the store again (it also does so when the store says a case changed). */
void              heed_timeline_view_reload              (HeedTimelineView *self);
HeedTimelineData *heed_timeline_view_get_data            (HeedTimelineView *self);

void              heed_timeline_view_zoom_in             (HeedTimelineView *self);
void              heed_timeline_view_zoom_out            (HeedTimelineView *self);
double            heed_timeline_view_get_pixels_per_day  (HeedTimelineView *self);
void              heed_timeline_view_set_pixels_per_day  (HeedTimelineView *self,
                                                          double            pixels_per_day);
/* Shows a date range across the width. */
void              heed_timeline_view_show_range          (HeedTimelineView *self,
                                                          const GDate      *from,
                                                          const GDate      *to);
void              heed_timeline_view_go_to_today         (HeedTimelineView *self);
/* Moves the view by a number of days (negative: back in time). */
void              heed_timeline_view_scroll_days         (HeedTimelineView *self,
                                                          double            days);
/* The Julian day at the chart's left edge, and the first and last days shown whole. */
double            heed_timeline_view_get_first_day       (HeedTimelineView *self);
void              heed_timeline_view_get_visible_dates   (HeedTimelineView *self,
                                                          GDate            *first,
                                                          GDate            *last);
double            heed_timeline_view_get_scroll_y        (HeedTimelineView *self);

/* What has focus: a row (a lane, or a row of a case's timeline) and an item in it, or -1. */
int               heed_timeline_view_get_focus_row       (HeedTimelineView *self);
int               heed_timeline_view_get_focus_item      (HeedTimelineView *self);
void              heed_timeline_view_set_focus           (HeedTimelineView *self,
                                                          int               row,
                                                          int               item);
gint64            heed_timeline_view_get_focus_case_id   (HeedTimelineView *self);
/* The accessible name and description given for what has focus. */
const char       *heed_timeline_view_get_focus_name      (HeedTimelineView *self);
const char       *heed_timeline_view_get_focus_description (HeedTimelineView *self);

/* Prints the timeline: a case's whole story, or the practice's lanes over the dates in view.
 * With @export_path, writes that PDF without asking (as tests and "Save as PDF" do). */
gboolean          heed_timeline_view_print               (HeedTimelineView  *self,
                                                          GtkWindow         *parent,
                                                          const char        *export_path,
                                                          GError           **error);

G_END_DECLS
