/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "heed-timeline-layout.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} HeedColour;

/* The colours a timeline is drawn in. The widget fills it from the style; print and the CLI
 * use the light one. Risk and deadline states are never told by colour alone: each also has
 * a shape and words. */
typedef struct {
  HeedColour background;
  HeedColour foreground;
  HeedColour dim;           /* secondary text */
  HeedColour grid;
  HeedColour header;        /* the axis and label column */
  HeedColour weekend;
  HeedColour holiday;
  HeedColour accent;        /* today and focus */
  HeedColour selection;     /* the focused row */
  HeedColour met;
  HeedColour late;          /* met, but after the date */
  HeedColour overdue;
  HeedColour risk[5];       /* not graded, low, moderate, high, extreme */
} HeedTimelinePalette;

void heed_timeline_palette_init (HeedTimelinePalette *palette,
                                 gboolean             dark);
/* The palette's index for a risk grade ("low"…"extreme", or NULL for not graded). */
guint heed_timeline_risk_index  (const char *risk);

typedef struct {
  int         focus_row;    /* -1 for none */
  int         focus_item;   /* -1 for the row itself */
  gboolean    show_focus;   /* draw the focus ring (keyboard focus is in the widget) */
  const char *font_family;  /* NULL: "Sans" */
  double      font_size;    /* points of the body text; 0: 9 */
} HeedTimelineDrawOptions;

void heed_timeline_draw_options_init (HeedTimelineDrawOptions *options);

/* Draws what @viewport shows of @layout onto @cr, whose origin is the viewport's top-left
 * corner: the date axis, weekends and bank holidays, today, the rows with their items and
 * the label column. Only visible rows and items are touched. */
void heed_timeline_draw (cairo_t                       *cr,
                         HeedTimelineLayout            *layout,
                         const HeedTimelineViewport    *viewport,
                         const HeedTimelinePalette     *palette,
                         const HeedTimelineDrawOptions *options);

/* A key to the shapes and colours from (@x, @y), in lines no wider than @width; returns its
 * height. */
double heed_timeline_draw_legend (cairo_t                   *cr,
                                  const HeedTimelinePalette *palette,
                                  double                     x,
                                  double                     y,
                                  double                     width,
                                  double                     font_size);

G_END_DECLS
