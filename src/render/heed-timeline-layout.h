/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-calendar.h"
#include "heed-timeline-data.h"

G_BEGIN_DECLS

/* The geometry of a timeline: which row is where, where a date falls, what is under a point.
 * Pure arithmetic over HeedTimelineData, shared by the widget, the PNG and the PDF.
 *
 * A practice timeline has one row per case; a case's timeline has a row of deadlines and one
 * row per group of entries (progress, contact, investigation, action plan).  Each row's items
 * (entries and deadlines) are kept in date order, so what a viewport shows is found by binary
 * search: drawing a frame costs the visible rows and items, not the whole practice. */

/* The part of the timeline on screen (or on a page), in device-independent pixels. */
typedef struct {
  double first_day;       /* Julian day number at the chart's left edge; fractions allowed */
  double pixels_per_day;
  double scroll_y;        /* how far the rows are scrolled up under the date axis */
  double width;           /* of the whole drawing, label column included */
  double height;
} HeedTimelineViewport;

typedef enum {
  HEED_TIMELINE_ITEM_ENTRY,
  HEED_TIMELINE_ITEM_DEADLINE,
} HeedTimelineItemKind;

typedef struct {
  HeedTimelineItemKind kind;
  guint                index;   /* into the lane's entries or deadlines */
  guint32              julian;
} HeedTimelineItem;

/* The row of a case's timeline that holds its deadlines. */
#define HEED_TIMELINE_ROW_DEADLINES (-2)
/* A practice row: the whole of one case. */
#define HEED_TIMELINE_ROW_CASE (-1)

typedef struct {
  guint   lane;    /* index of the data's lane */
  int     group;   /* a HeedTimelineGroup, or HEED_TIMELINE_ROW_DEADLINES / _CASE */
  GArray *items;   /* HeedTimelineItem in date order */
} HeedTimelineRow;

typedef struct _HeedTimelineLayout HeedTimelineLayout;

#define HEED_TYPE_TIMELINE_LAYOUT (heed_timeline_layout_get_type ())
GType               heed_timeline_layout_get_type      (void) G_GNUC_CONST;

HeedTimelineLayout *heed_timeline_layout_new           (HeedTimelineData *data);
HeedTimelineLayout *heed_timeline_layout_ref           (HeedTimelineLayout *self);
void                heed_timeline_layout_unref         (HeedTimelineLayout *self);

HeedTimelineData   *heed_timeline_layout_get_data      (HeedTimelineLayout *self);
HeedCalendar       *heed_timeline_layout_get_calendar  (HeedTimelineLayout *self);
guint               heed_timeline_layout_get_n_rows    (HeedTimelineLayout *self);
const HeedTimelineRow *heed_timeline_layout_get_row    (HeedTimelineLayout *self,
                                                        guint               row);

/* Sizes: the date axis across the top, the column of row labels down the left. */
void                heed_timeline_layout_set_sizes     (HeedTimelineLayout *self,
                                                        double              header_height,
                                                        double              label_width,
                                                        double              row_height);
double              heed_timeline_layout_get_header_height (HeedTimelineLayout *self);
double              heed_timeline_layout_get_label_width   (HeedTimelineLayout *self);
double              heed_timeline_layout_get_row_height    (HeedTimelineLayout *self);
/* The height of every row together, under the axis. */
double              heed_timeline_layout_get_rows_height   (HeedTimelineLayout *self);

double              heed_timeline_layout_x_for_day     (HeedTimelineLayout         *self,
                                                        const HeedTimelineViewport *viewport,
                                                        double                      julian);
double              heed_timeline_layout_day_for_x     (HeedTimelineLayout         *self,
                                                        const HeedTimelineViewport *viewport,
                                                        double                      x);
/* The top of @row in the viewport (it may be above or below what is shown). */
double              heed_timeline_layout_y_for_row     (HeedTimelineLayout         *self,
                                                        const HeedTimelineViewport *viewport,
                                                        guint                       row);
/* The rows at least partly visible, as [*first, *last); FALSE when none is. */
gboolean            heed_timeline_layout_visible_rows  (HeedTimelineLayout         *self,
                                                        const HeedTimelineViewport *viewport,
                                                        guint                      *first,
                                                        guint                      *last);
/* The items of @row between two days (inclusive), as [*first, *last). */
void                heed_timeline_layout_items_between (HeedTimelineLayout *self,
                                                        guint               row,
                                                        double              from_day,
                                                        double              to_day,
                                                        guint              *first,
                                                        guint              *last);
/* What is at (@x, @y): the row (or -1) and the item nearest @x within a few pixels (or -1). */
gboolean            heed_timeline_layout_hit           (HeedTimelineLayout         *self,
                                                        const HeedTimelineViewport *viewport,
                                                        double                      x,
                                                        double                      y,
                                                        int                        *row,
                                                        int                        *item);
/* The item of @row on or nearest to @julian, or -1 when the row is empty. */
int                 heed_timeline_layout_nearest_item  (HeedTimelineLayout *self,
                                                        guint               row,
                                                        double              julian);

/* Translated words for a row and an item, for screen readers, tooltips and print:
 * "Complaint C-2025-041, high risk, acknowledged 3 June 2025, respond due 28 June 2025,
 * overdue" and "Phone call, 4 June 2025: Spoke to Mrs Patel". */
char               *heed_timeline_layout_describe_row  (HeedTimelineLayout *self,
                                                        guint               row);
char               *heed_timeline_layout_dup_row_name  (HeedTimelineLayout *self,
                                                        guint               row);
char               *heed_timeline_layout_describe_item (HeedTimelineLayout *self,
                                                        guint               row,
                                                        guint               item);
/* "Acknowledge, due 6 June 2025: met" */
char               *heed_timeline_describe_deadline    (const HeedDeadline *deadline);

/* The case's lane of a row. */
const HeedTimelineLane *heed_timeline_layout_get_lane  (HeedTimelineLayout *self,
                                                        guint               row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedTimelineLayout, heed_timeline_layout_unref)

G_END_DECLS
