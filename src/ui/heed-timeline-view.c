/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "heed-store-exchange.h"
#include "heed-timeline-draw.h"
#include "heed-timeline-print.h"
#include "heed-timeline-view.h"
#include "heed-print-guard.h"
#include "heed-safe-output.h"

/* From about ten days across the window to well over a year. */
#define MIN_PIXELS_PER_DAY 1.5
#define MAX_PIXELS_PER_DAY 120.0
#define ZOOM_STEP 1.5
#define DEFAULT_PIXELS_PER_DAY 8.0
/* Pixels moved by one notch of a mouse wheel. */
#define SCROLL_STEP 48.0

struct _HeedTimelineView
{
  GtkWidget           parent_instance;

  HeedStore          *store;
  GSignalGroup       *store_signals;  /* the store's change signals, following self->store */
  gint64              case_id;
  HeedCaseQuery      *query;
  GDate               closed_from;
  GDate               closed_to;
  GDate               today;
  gboolean            today_fixed;

  HeedTimelineData   *data;
  HeedTimelineLayout *layout;
  guint               reload_id;

  HeedTimelineViewport viewport;
  gboolean            placed;       /* the viewport has been put somewhere sensible */
  HeedTimelinePalette palette;

  int                 focus_row;
  int                 focus_item;
  char               *focus_name;
  char               *focus_description;

  GtkWidget          *detail_popover;  /* what selecting an entry shows */

  double              pointer_x;
  double              pointer_y;
  double              zoom_start_ppd;
  double              drag_start_day;
  double              drag_start_y;
  gboolean            dragged;
};

G_DEFINE_FINAL_TYPE (HeedTimelineView, heed_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CASE_ID,
  PROP_PIXELS_PER_DAY,
  PROP_FOCUS_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ENTRY_ACTIVATED,
  SIGNAL_ADD_ENTRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
chart_width (HeedTimelineView *self)
{
  double labels = self->layout != NULL ? heed_timeline_layout_get_label_width (self->layout) : 0;

  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - labels);
}

static double
max_scroll_y (HeedTimelineView *self)
{
  if (self->layout == NULL)
    return 0;
  return MAX (0, heed_timeline_layout_get_rows_height (self->layout)
                 - (gtk_widget_get_height (GTK_WIDGET (self))
                    - heed_timeline_layout_get_header_height (self->layout)));
}

static void
update_viewport_size (HeedTimelineView *self)
{
  self->viewport.width = gtk_widget_get_width (GTK_WIDGET (self));
  self->viewport.height = gtk_widget_get_height (GTK_WIDGET (self));
  self->viewport.scroll_y = CLAMP (self->viewport.scroll_y, 0, max_scroll_y (self));
}

/* Keeps the day under @x where it is while the scale changes. */
static void
zoom_around (HeedTimelineView *self,
             double            pixels_per_day,
             double            x)
{
  double anchor_day;

  pixels_per_day = CLAMP (pixels_per_day, MIN_PIXELS_PER_DAY, MAX_PIXELS_PER_DAY);
  if (self->layout != NULL)
    {
      anchor_day = heed_timeline_layout_day_for_x (self->layout, &self->viewport, x);
      self->viewport.pixels_per_day = pixels_per_day;
      self->viewport.first_day = anchor_day
                                 - (x - heed_timeline_layout_get_label_width (self->layout))
                                   / pixels_per_day;
    }
  else
    self->viewport.pixels_per_day = pixels_per_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXELS_PER_DAY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where zooming by the keyboard centres: the focused item, or the middle of the chart. */
static double
zoom_anchor_x (HeedTimelineView *self)
{
  if (self->layout != NULL && self->focus_row >= 0 && self->focus_item >= 0)
    {
      const HeedTimelineRow *row = heed_timeline_layout_get_row (self->layout, self->focus_row);
      double x = heed_timeline_layout_x_for_day (
        self->layout, &self->viewport,
        g_array_index (row->items, HeedTimelineItem, self->focus_item).julian + 0.5);

      if (x >= heed_timeline_layout_get_label_width (self->layout) && x <= self->viewport.width)
        return x;
    }
  return (self->layout != NULL ? heed_timeline_layout_get_label_width (self->layout) : 0)
         + chart_width (self) / 2;
}

static void
set_accessible_focus (HeedTimelineView *self)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (self->layout == NULL || heed_timeline_layout_get_n_rows (self->layout) == 0)
    {
      name = g_strdup (self->case_id != 0 ? _("Case timeline") : _("Practice timeline"));
      description = g_strdup (self->case_id != 0 ? _("Nothing to show for this case.")
                                                 : _("No open cases to show."));
    }
  else if (self->focus_row < 0)
    {
      name = g_strdup (self->case_id != 0 ? _("Case timeline") : _("Practice timeline"));
      description = g_strdup (_("Use the arrow keys to move between lanes and entries."));
    }
  else
    {
      g_autofree char *row_name = heed_timeline_layout_dup_row_name (self->layout,
                                                                     self->focus_row);

      if (self->focus_item >= 0)
        {
          /* TRANSLATORS: accessible name of an entry in a lane, e.g. "Contact: Phone call…" */
          description = heed_timeline_layout_describe_item (self->layout, self->focus_row,
                                                            self->focus_item);
          name = g_strdup_printf (_("%s: %s"), row_name, description);
        }
      else
        {
          name = g_steal_pointer (&row_name);
          description = heed_timeline_layout_describe_row (self->layout, self->focus_row);
        }
    }

  if (g_strcmp0 (name, self->focus_name) == 0
      && g_strcmp0 (description, self->focus_description) == 0)
    return;
  g_free (self->focus_name);
  g_free (self->focus_description);
  self->focus_name = g_steal_pointer (&name);
  self->focus_description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->focus_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->focus_description,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_DESCRIPTION]);
}

/* Scrolls just enough for the focused row, and item, to be in view. */
static void
reveal_focus (HeedTimelineView *self)
{
  double header, row_height, visible, top;

  if (self->layout == NULL || self->focus_row < 0)
    return;
  header = heed_timeline_layout_get_header_height (self->layout);
  row_height = heed_timeline_layout_get_row_height (self->layout);
  visible = self->viewport.height - header;
  top = self->focus_row * row_height;
  if (top < self->viewport.scroll_y)
    self->viewport.scroll_y = top;
  else if (visible > row_height && top + row_height > self->viewport.scroll_y + visible)
    self->viewport.scroll_y = top + row_height - visible;
  self->viewport.scroll_y = CLAMP (self->viewport.scroll_y, 0, max_scroll_y (self));

  if (self->focus_item >= 0)
    {
      const HeedTimelineRow *row = heed_timeline_layout_get_row (self->layout, self->focus_row);
      double julian = g_array_index (row->items, HeedTimelineItem, self->focus_item).julian;
      double width = chart_width (self) / self->viewport.pixels_per_day;
      double margin = MIN (width / 6, 40 / self->viewport.pixels_per_day + 1);

      if (julian < self->viewport.first_day + margin)
        self->viewport.first_day = julian - margin;
      else if (julian + 1 > self->viewport.first_day + width - margin)
        self->viewport.first_day = julian + 1 - width + margin;
    }
}

void
heed_timeline_view_set_focus (HeedTimelineView *self,
                              int               row,
                              int               item)
{
  guint n_rows;

  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  n_rows = self->layout != NULL ? heed_timeline_layout_get_n_rows (self->layout) : 0;
  if (row < 0 || (guint) row >= n_rows)
    {
      row = -1;
      item = -1;
    }
  else if (item >= 0
           && (guint) item >= heed_timeline_layout_get_row (self->layout, row)->items->len)
    item = -1;
  self->focus_row = row;
  self->focus_item = item;
  reveal_focus (self);
  set_accessible_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
place_viewport (HeedTimelineView *self)
{
  double width = chart_width (self);

  if (self->layout == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 1)
    return;
  update_viewport_size (self);
  if (heed_timeline_data_is_case (self->data))
    {
      GDate from, to;

      heed_timeline_default_period (self->data, &from, &to);
      heed_timeline_view_show_range (self, &from, &to);
    }
  else
    {
      /* Today three quarters of the way across: mostly what has been, some of what is due. */
      self->viewport.first_day = g_date_get_julian (&self->today) + 0.5
                                 - width * 0.75 / self->viewport.pixels_per_day;
    }
  self->placed = TRUE;
}

static void
adopt_data (HeedTimelineView *self,
            HeedTimelineData *data)
{
  gint64 focus_case = heed_timeline_view_get_focus_case_id (self);
  int focus_row = self->focus_row;
  gboolean was_case = self->data != NULL && heed_timeline_data_is_case (self->data);

  g_clear_pointer (&self->layout, heed_timeline_layout_unref);
  g_clear_pointer (&self->data, heed_timeline_data_unref);
  self->data = data;
  if (data != NULL)
    {
      gboolean is_case = heed_timeline_data_is_case (data);

      self->layout = heed_timeline_layout_new (data);
      heed_timeline_layout_set_sizes (self->layout, 46, is_case ? 160 : 250, is_case ? 52 : 46);
      if (is_case != was_case)
        self->placed = FALSE;
    }

  /* After a reload, focus stays on the same case where it can. */
  self->focus_row = -1;
  self->focus_item = -1;
  if (self->data != NULL && focus_row >= 0)
    {
      if (!heed_timeline_data_is_case (self->data) && focus_case != 0)
        focus_row = heed_timeline_data_find_case (self->data, focus_case);
      if (focus_row >= 0 && (guint) focus_row < heed_timeline_layout_get_n_rows (self->layout))
        self->focus_row = focus_row;
    }
  if (!self->placed)
    place_viewport (self);
  update_viewport_size (self);
  set_accessible_focus (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
heed_timeline_view_reload (HeedTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  HeedTimelineData *data = NULL;

  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (!self->today_fixed)
    {
      g_date_clear (&self->today, 1);
      g_date_set_time_t (&self->today, time (NULL));
    }
  if (self->store != NULL)
    {
      if (self->case_id != 0)
        data = heed_timeline_data_load_case (self->store, self->case_id, &self->today, &error);
      else
        data = heed_timeline_data_load_practice (self->store, self->query, &self->closed_from,
                                                 &self->closed_to, &self->today, &error);
      /* The case may have gone a moment ago (a draft deleted) before its page closes: that
       * is an empty timeline, not a fault. */
      if (data == NULL && !g_error_matches (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD))
        g_warning ("Could not load the timeline: %s", error->message);
    }
  adopt_data (self, data);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  HeedTimelineView *self = user_data;

  self->reload_id = 0;
  heed_timeline_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* A record saved, or a case added, changed or removed. */
static void
on_store_changed_cb (HeedTimelineView *self)
{
  /* Many changes in a row (an import) cost one reload. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

/* Colours from the style, so the dark style and high contrast are followed. */
static void
update_palette (HeedTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA colour;

#define TAKE(name, field) \
  G_STMT_START { \
    if (gtk_style_context_lookup_color (style, (name), &colour)) \
      { \
        self->palette.field.red = colour.red; \
        self->palette.field.green = colour.green; \
        self->palette.field.blue = colour.blue; \
        self->palette.field.alpha = colour.alpha; \
      } \
  } G_STMT_END

  heed_timeline_palette_init (&self->palette, dark);
  TAKE ("view_bg_color", background);
  TAKE ("headerbar_bg_color", header);
  TAKE ("accent_color", accent);
#undef TAKE
  gtk_style_context_get_color (style, &colour);
  self->palette.foreground = (HeedColour) { colour.red, colour.green, colour.blue, colour.alpha };
  self->palette.dim = self->palette.foreground;
  self->palette.dim.alpha *= 0.62;
  self->palette.selection = self->palette.accent;
  self->palette.selection.alpha = dark ? 0.22 : 0.14;
}

static void
heed_timeline_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (heed_timeline_view_parent_class)->css_changed (widget, change);
  update_palette (HEED_TIMELINE_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
on_dark_changed_cb (HeedTimelineView *self)
{
  update_palette (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
heed_timeline_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  HeedTimelineDrawOptions options;
  const PangoFontDescription *font;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (!self->placed)
    place_viewport (self);
  update_viewport_size (self);

  /* A cairo node is drawn at the window's scale factor, so it is crisp on HiDPI screens. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->layout == NULL)
    {
      cairo_set_source_rgba (cr, self->palette.background.red, self->palette.background.green,
                             self->palette.background.blue, self->palette.background.alpha);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  heed_timeline_draw_options_init (&options);
  options.focus_row = self->focus_row;
  options.focus_item = self->focus_item;
  options.show_focus = gtk_widget_has_focus (widget);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font != NULL)
    {
      options.font_family = pango_font_description_get_family (font);
      if (pango_font_description_get_size (font) > 0)
        options.font_size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
    }
  heed_timeline_draw (cr, self->layout, &self->viewport, &self->palette, &options);
  cairo_destroy (cr);
}

static void
heed_timeline_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 900;
    }
  else
    {
      double header = self->layout != NULL ? heed_timeline_layout_get_header_height (self->layout)
                                           : 46;
      double rows = self->layout != NULL ? heed_timeline_layout_get_rows_height (self->layout)
                                         : 0;

      *minimum = (int) (header + 2 * 46);
      *natural = (int) MAX (*minimum, MIN (header + rows, 720));
    }
}

static void
heed_timeline_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);

  if (!self->placed)
    place_viewport (self);
  update_viewport_size (self);
  if (self->detail_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->detail_popover));
}

static gboolean
heed_timeline_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);
  g_autofree char *text = NULL;
  int row, item;

  if (self->layout == NULL)
    return FALSE;
  if (keyboard_mode)
    {
      row = self->focus_row;
      item = self->focus_item;
    }
  else if (!heed_timeline_layout_hit (self->layout, &self->viewport, x, y, &row, &item))
    return FALSE;
  if (row < 0)
    return FALSE;
  if (item >= 0)
    {
      const HeedTimelineRow *r = heed_timeline_layout_get_row (self->layout, row);
      double cx = heed_timeline_layout_x_for_day (self->layout, &self->viewport,
                                                  g_array_index (r->items, HeedTimelineItem,
                                                                 item).julian + 0.5);
      double top = heed_timeline_layout_y_for_row (self->layout, &self->viewport, row);

      text = heed_timeline_layout_describe_item (self->layout, row, item);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
        (int) cx - 8, (int) top, 16, (int) heed_timeline_layout_get_row_height (self->layout) });
    }
  else
    {
      double top = heed_timeline_layout_y_for_row (self->layout, &self->viewport, row);

      g_autofree char *words = heed_timeline_layout_describe_row (self->layout, row);
      g_auto(GStrv) parts = g_strsplit (words, "; ", -1);

      /* Each deadline on a line of its own. */
      text = g_strjoinv ("\n", parts);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
        0, (int) top, (int) heed_timeline_layout_get_label_width (self->layout),
        (int) heed_timeline_layout_get_row_height (self->layout) });
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Keyboard. */

static void
move_row (HeedTimelineView *self,
          int               delta)
{
  const HeedTimelineRow *row;
  int n_rows, target, item = -1;
  double julian = -1;

  if (self->layout == NULL || (n_rows = heed_timeline_layout_get_n_rows (self->layout)) == 0)
    return;
  if (self->focus_row < 0)
    target = delta > 0 ? 0 : n_rows - 1;
  else
    target = CLAMP (self->focus_row + delta, 0, n_rows - 1);

  /* Moving lane to lane keeps to the same date when an item had focus. */
  if (self->focus_row >= 0 && self->focus_item >= 0)
    {
      row = heed_timeline_layout_get_row (self->layout, self->focus_row);
      julian = g_array_index (row->items, HeedTimelineItem, self->focus_item).julian;
      item = heed_timeline_layout_nearest_item (self->layout, target, julian);
    }
  heed_timeline_view_set_focus (self, target, item);
}

static void
move_item (HeedTimelineView *self,
           int               delta)
{
  const HeedTimelineRow *row;
  int item;

  if (self->layout == NULL)
    return;
  if (self->focus_row < 0)
    {
      move_row (self, 1);
      if (self->focus_row < 0)
        return;
    }
  row = heed_timeline_layout_get_row (self->layout, self->focus_row);
  if (row->items->len == 0)
    return;
  if (self->focus_item < 0)
    {
      /* From the lane itself, start at what is in the middle of the view. */
      double middle = heed_timeline_layout_day_for_x (self->layout, &self->viewport,
                                                      heed_timeline_layout_get_label_width (
                                                        self->layout) + chart_width (self) / 2);

      item = heed_timeline_layout_nearest_item (self->layout, self->focus_row, middle);
    }
  else
    item = CLAMP (self->focus_item + delta, 0, (int) row->items->len - 1);
  heed_timeline_view_set_focus (self, self->focus_row, item);
}

static void
on_attachment_clicked_cb (GtkButton        *button,
                          HeedTimelineView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "attachment-id");

  gtk_popover_popdown (GTK_POPOVER (self->detail_popover));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-attachment", "x", id);
}

static GtkWidget *
detail_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Words to copy with the pointer, without the first of them grabbing focus (and so being
   * selected whole) when the popover opens. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* An entry's detail in a popover by it: its words in full, who, and its attachments, each a
 * button the window opens (win.open-attachment). */
static void
show_entry_detail (HeedTimelineView        *self,
                   const HeedTimelineLane  *lane,
                   const HeedTimelineEntry *entry,
                   const GdkRectangle      *where)
{
  g_autoptr(HeedTimelineEntryDetail) detail = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  if (self->store == NULL)
    return;
  detail = heed_timeline_entry_load_detail (self->store, lane, entry, &error);
  if (detail == NULL)
    {
      g_warning ("Could not read the entry: %s", error->message);
      return;
    }
  if (self->detail_popover == NULL)
    {
      self->detail_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->detail_popover, GTK_WIDGET (self));
      gtk_popover_set_position (GTK_POPOVER (self->detail_popover), GTK_POS_BOTTOM);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), detail_label (detail->title, "heading"));
  gtk_box_append (GTK_BOX (box), detail_label (detail->when, "dim-label"));
  if (detail->summary != NULL && *detail->summary != '\0')
    gtk_box_append (GTK_BOX (box), detail_label (detail->summary, NULL));
  if (detail->detail != NULL && *detail->detail != '\0')
    gtk_box_append (GTK_BOX (box), detail_label (detail->detail, NULL));
  if (detail->staff != NULL && *detail->staff != '\0')
    {
      /* TRANSLATORS: who made an entry or owns an action */
      g_autofree char *by = g_strdup_printf (_("By %s"), detail->staff);

      gtk_box_append (GTK_BOX (box), detail_label (by, "dim-label"));
    }
  if (detail->attachments->len > 0)
    {
      GtkWidget *heading = detail_label (_("Attachments"), "heading");

      gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (GTK_BOX (box), heading);
    }
  for (guint i = 0; i < detail->attachments->len; i++)
    {
      const HeedAttachmentInfo *info = g_ptr_array_index (detail->attachments, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "mail-attachment-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), info->filename);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "attachment-id",
                              g_memdup2 (&info->id, sizeof info->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_attachment_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_popover_set_child (GTK_POPOVER (self->detail_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->detail_popover), where);
  gtk_popover_popup (GTK_POPOVER (self->detail_popover));
}

static gboolean
activate_focus (HeedTimelineView *self)
{
  const HeedTimelineLane *lane;

  if (self->layout == NULL || self->focus_row < 0)
    return FALSE;
  lane = heed_timeline_layout_get_lane (self->layout, self->focus_row);
  if (heed_timeline_data_is_case (self->data) && self->focus_item >= 0)
    {
      const HeedTimelineRow *row = heed_timeline_layout_get_row (self->layout, self->focus_row);
      const HeedTimelineItem *item = &g_array_index (row->items, HeedTimelineItem,
                                                     self->focus_item);

      if (item->kind == HEED_TIMELINE_ITEM_ENTRY)
        {
          const HeedTimelineEntry *entry = &g_array_index (lane->entries, HeedTimelineEntry,
                                                           item->index);

          double x = heed_timeline_layout_x_for_day (self->layout, &self->viewport,
                                                     item->julian + 0.5);
          double y = heed_timeline_layout_y_for_row (self->layout, &self->viewport,
                                                     self->focus_row);
          GdkRectangle where = { (int) x - 6, (int) y,
                                 12, (int) heed_timeline_layout_get_row_height (self->layout) };

          g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0, lane->case_id, entry->id,
                         (int) entry->source);
          show_entry_detail (self, lane, entry, &where);
          return TRUE;
        }
    }
  /* A lane of the practice's opens its case; a case's own timeline shows that case already. */
  if (!heed_timeline_data_is_case (self->data))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-case", "x", lane->case_id);
  return TRUE;
}

/* timeline.move: the arrow keys and their friends, as an action so that it can be driven. */
static void
action_move_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);
  const char *where = g_variant_get_string (parameter, NULL);

  if (g_str_equal (where, "up"))
    move_row (self, -1);
  else if (g_str_equal (where, "down"))
    move_row (self, 1);
  else if (g_str_equal (where, "page-up") || g_str_equal (where, "page-down"))
    {
      int page = self->layout != NULL
                 ? MAX (1, (int) ((self->viewport.height
                                   - heed_timeline_layout_get_header_height (self->layout))
                                  / heed_timeline_layout_get_row_height (self->layout)) - 1)
                 : 1;

      move_row (self, g_str_equal (where, "page-up") ? -page : page);
    }
  else if (g_str_equal (where, "left"))
    move_item (self, -1);
  else if (g_str_equal (where, "right"))
    move_item (self, 1);
  else if (g_str_equal (where, "home") || g_str_equal (where, "end"))
    {
      if (self->focus_row < 0)
        move_row (self, 1);
      if (self->focus_row >= 0)
        {
          guint n = heed_timeline_layout_get_row (self->layout, self->focus_row)->items->len;

          if (n > 0)
            heed_timeline_view_set_focus (self, self->focus_row,
                                          g_str_equal (where, "home") ? 0 : (int) n - 1);
        }
    }
  else if (g_str_equal (where, "lane"))
    heed_timeline_view_set_focus (self, self->focus_row, -1);
}

static void
action_zoom_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.zoom-in"))
    heed_timeline_view_zoom_in (self);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    heed_timeline_view_zoom_out (self);
  else
    zoom_around (self, DEFAULT_PIXELS_PER_DAY, zoom_anchor_x (self));
}

static void
action_today_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  heed_timeline_view_go_to_today (HEED_TIMELINE_VIEW (widget));
}

static void
action_activate_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  activate_focus (HEED_TIMELINE_VIEW (widget));
}

static void
action_add_entry_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (widget);
  gint64 case_id = self->case_id != 0 ? self->case_id : heed_timeline_view_get_focus_case_id (self);

  if (case_id != 0)
    g_signal_emit (self, signals[SIGNAL_ADD_ENTRY], 0, case_id);
}

/* Printing: the render layer's pages, on whatever paper the person chooses. */

typedef struct {
  HeedTimelineView  *view;
  HeedTimelinePrint *print;
  GDate              from;
  GDate              to;
} PrintJob;

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  job->print = heed_timeline_print_new (job->view->data, &job->from, &job->to,
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, heed_timeline_print_get_n_pages (job->print));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  heed_timeline_print_draw_page (job->print, gtk_print_context_get_cairo_context (context),
                                 (guint) page);
}

gboolean
heed_timeline_view_print (HeedTimelineView  *self,
                          GtkWindow         *parent,
                          const char        *export_path,
                          GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob job = { self, NULL, { 0 }, { 0 } };
  GtkPrintOperationResult result;

  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->data == NULL)
    {
      g_set_error (error, HEED_TIMELINE_PRINT_ERROR, HEED_TIMELINE_PRINT_ERROR_PERIOD,
                   _("There is no timeline to print: open a practice first."));
      return FALSE;
    }
  g_date_clear (&job.from, 1);
  g_date_clear (&job.to, 1);
  if (!heed_timeline_data_is_case (self->data))
    heed_timeline_view_get_visible_dates (self, &job.from, &job.to);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, heed_timeline_data_is_case (self->data)
                                         ? GTK_PAGE_ORIENTATION_PORTRAIT
                                         : GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The pages carry their own margins. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, heed_timeline_data_is_case (self->data)
                                               ? _("Case timeline") : _("Practice timeline"));
  if (export_path != NULL)
    {
      if (!heed_safe_output_check_target (export_path, HEED_SAFE_OUTPUT_DEFAULT, error))
        return FALSE;
      gtk_print_operation_set_export_filename (operation, export_path);
    }
  heed_print_guard_attach (operation);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), &job);
  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  g_clear_pointer (&job.print, heed_timeline_print_free);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  return heed_print_guard_finish (operation, error);
}

static void
action_print_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!heed_timeline_view_print (HEED_TIMELINE_VIEW (widget),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, &error)
      && !gtk_widget_activate_action (widget, "win.show-problem", "s", error->message))
    g_warning ("Could not print the timeline: %s", error->message);
}

/* Pointer. */

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              HeedTimelineView         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));
  /* Scrolled by something other than an event (a test, an accessibility tool): by notches. */
  gboolean smooth = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller))
                    != NULL
                    && gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;
  double step = smooth ? 1 : SCROLL_STEP;

  if (self->layout == NULL)
    return FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      /* A wheel notch is half a zoom step; a touchpad zooms smoothly. */
      double steps = -dy * (smooth ? 0.02 : 0.5);

      zoom_around (self, self->viewport.pixels_per_day * pow (ZOOM_STEP, steps), self->pointer_x);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }
  /* With every lane in view there is nothing to scroll down to: the wheel moves in time. */
  if (max_scroll_y (self) <= 0 && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (dx != 0)
    self->viewport.first_day += dx * step / self->viewport.pixels_per_day;
  if (dy != 0)
    self->viewport.scroll_y = CLAMP (self->viewport.scroll_y + dy * step, 0, max_scroll_y (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              HeedTimelineView         *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  HeedTimelineView *self)
{
  self->zoom_start_ppd = self->viewport.pixels_per_day;
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom   *gesture,
                          double            scale,
                          HeedTimelineView *self)
{
  double x, y;

  /* Between the fingers; or, with no fingers (an emulated pinch), as the keyboard zooms. */
  if (!gtk_gesture_is_recognized (GTK_GESTURE (gesture))
      || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = zoom_anchor_x (self);
  zoom_around (self, self->zoom_start_ppd * scale, x);
}

static void
on_drag_begin_cb (GtkGestureDrag   *gesture,
                  double            x,
                  double            y,
                  HeedTimelineView *self)
{
  self->drag_start_day = self->viewport.first_day;
  self->drag_start_y = self->viewport.scroll_y;
  self->dragged = FALSE;
}

static void
on_drag_update_cb (GtkGestureDrag   *gesture,
                   double            dx,
                   double            dy,
                   HeedTimelineView *self)
{
  if (!self->dragged && hypot (dx, dy) < 6)
    return;
  self->dragged = TRUE;
  self->viewport.first_day = self->drag_start_day - dx / self->viewport.pixels_per_day;
  self->viewport.scroll_y = CLAMP (self->drag_start_y - dy, 0, max_scroll_y (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_pressed_cb (GtkGestureClick  *gesture,
                     int               n_press,
                     double            x,
                     double            y,
                     HeedTimelineView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released_cb (GtkGestureClick  *gesture,
                      int               n_press,
                      double            x,
                      double            y,
                      HeedTimelineView *self)
{
  int row, item;

  if (self->dragged || self->layout == NULL)
    return;
  if (!heed_timeline_layout_hit (self->layout, &self->viewport, x, y, &row, &item) || row < 0)
    return;
  heed_timeline_view_set_focus (self, row, item);
  /* A lane of the practice opens its case; in a case, an entry shows its detail. */
  if (!heed_timeline_data_is_case (self->data) || item >= 0)
    activate_focus (self);
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   HeedTimelineView        *self)
{
  /* Arriving by Tab puts focus on the first lane in view, so the arrows work at once. */
  if (self->focus_row < 0 && self->layout != NULL
      && heed_timeline_layout_get_n_rows (self->layout) > 0)
    {
      guint first, last;

      heed_timeline_layout_visible_rows (self->layout, &self->viewport, &first, &last);
      heed_timeline_view_set_focus (self, (int) first, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   HeedTimelineView        *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The object. */

static void
heed_timeline_view_dispose (GObject *object)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_pointer (&self->detail_popover, gtk_widget_unparent);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->layout, heed_timeline_layout_unref);
  g_clear_pointer (&self->data, heed_timeline_data_unref);
  g_clear_pointer (&self->query, heed_case_query_unref);

  G_OBJECT_CLASS (heed_timeline_view_parent_class)->dispose (object);
}

static void
heed_timeline_view_finalize (GObject *object)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (object);

  g_free (self->focus_name);
  g_free (self->focus_description);

  G_OBJECT_CLASS (heed_timeline_view_parent_class)->finalize (object);
}

static void
heed_timeline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;
    case PROP_PIXELS_PER_DAY:
      g_value_set_double (value, self->viewport.pixels_per_day);
      break;
    case PROP_FOCUS_DESCRIPTION:
      g_value_set_string (value, self->focus_description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_timeline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HeedTimelineView *self = HEED_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      heed_timeline_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_CASE_ID:
      heed_timeline_view_set_case_id (self, g_value_get_int64 (value));
      break;
    case PROP_PIXELS_PER_DAY:
      heed_timeline_view_set_pixels_per_day (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  GdkModifierType  modifiers,
                  const char      *where)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, "timeline.move", "s",
                                       where);
}

static void
heed_timeline_view_class_init (HeedTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_timeline_view_dispose;
  object_class->finalize = heed_timeline_view_finalize;
  object_class->get_property = heed_timeline_view_get_property;
  object_class->set_property = heed_timeline_view_set_property;
  widget_class->snapshot = heed_timeline_view_snapshot;
  widget_class->measure = heed_timeline_view_measure;
  widget_class->size_allocate = heed_timeline_view_size_allocate;
  widget_class->query_tooltip = heed_timeline_view_query_tooltip;
  widget_class->css_changed = heed_timeline_view_css_changed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HEED_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PIXELS_PER_DAY] =
    g_param_spec_double ("pixels-per-day", NULL, NULL, MIN_PIXELS_PER_DAY, MAX_PIXELS_PER_DAY,
                         DEFAULT_PIXELS_PER_DAY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOCUS_DESCRIPTION] =
    g_param_spec_string ("focus-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT);
  signals[SIGNAL_ADD_ENTRY] =
    g_signal_new ("add-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-reset", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "timeline.today", NULL, action_today_cb);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, action_activate_cb);
  gtk_widget_class_install_action (widget_class, "timeline.add-entry", NULL,
                                   action_add_entry_cb);
  gtk_widget_class_install_action (widget_class, "timeline.move", "s", action_move_cb);
  gtk_widget_class_install_action (widget_class, "timeline.print", NULL, action_print_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "timeline.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "timeline.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "timeline.add-entry",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "timeline.print", NULL);

  add_move_binding (widget_class, GDK_KEY_Up, 0, "up");
  add_move_binding (widget_class, GDK_KEY_KP_Up, 0, "up");
  add_move_binding (widget_class, GDK_KEY_Down, 0, "down");
  add_move_binding (widget_class, GDK_KEY_KP_Down, 0, "down");
  add_move_binding (widget_class, GDK_KEY_Left, 0, "left");
  add_move_binding (widget_class, GDK_KEY_KP_Left, 0, "left");
  add_move_binding (widget_class, GDK_KEY_Right, 0, "right");
  add_move_binding (widget_class, GDK_KEY_KP_Right, 0, "right");
  add_move_binding (widget_class, GDK_KEY_Page_Up, 0, "page-up");
  add_move_binding (widget_class, GDK_KEY_Page_Down, 0, "page-down");
  add_move_binding (widget_class, GDK_KEY_Home, 0, "home");
  add_move_binding (widget_class, GDK_KEY_End, 0, "end");
  add_move_binding (widget_class, GDK_KEY_Escape, 0, "lane");

  gtk_widget_class_set_css_name (widget_class, "timeline");
  /* The widget stands for what has focus in it: a lane or an entry, read as an item whose
   * name and description change as the arrow keys move (GTK 4.8 has no accessible children
   * for drawn content). "Widget" would be a filler, which screen readers pass over. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
heed_timeline_view_init (HeedTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->focus_row = -1;
  self->focus_item = -1;
  self->viewport.pixels_per_day = DEFAULT_PIXELS_PER_DAY;
  g_date_clear (&self->closed_from, 1);
  g_date_clear (&self->closed_to, 1);
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  self->store_signals = g_signal_group_new (HEED_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "record-saved",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "case-added",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "case-changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->store_signals, "case-removed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_palette (self);
  set_accessible_focus (self);
}

GtkWidget *
heed_timeline_view_new (void)
{
  return g_object_new (HEED_TYPE_TIMELINE_VIEW, NULL);
}

void
heed_timeline_view_set_store (HeedTimelineView *self,
                              HeedStore        *store)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));
  g_return_if_fail (store == NULL || HEED_IS_STORE (store));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  self->placed = FALSE;
  heed_timeline_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

HeedStore *
heed_timeline_view_get_store (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), NULL);

  return self->store;
}

void
heed_timeline_view_set_case_id (HeedTimelineView *self,
                                gint64            case_id)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));
  g_return_if_fail (case_id >= 0);

  if (self->case_id == case_id)
    return;
  self->case_id = case_id;
  self->placed = FALSE;
  self->focus_row = -1;
  self->focus_item = -1;
  heed_timeline_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

gint64
heed_timeline_view_get_case_id (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), 0);

  return self->case_id;
}

void
heed_timeline_view_set_query (HeedTimelineView *self,
                              HeedCaseQuery    *query)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->query, heed_case_query_unref);
  if (query != NULL)
    self->query = heed_case_query_ref (query);
  if (self->case_id == 0)
    heed_timeline_view_reload (self);
}

void
heed_timeline_view_set_closed_range (HeedTimelineView *self,
                                     const GDate      *from,
                                     const GDate      *to)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  g_date_clear (&self->closed_from, 1);
  g_date_clear (&self->closed_to, 1);
  if (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to))
    {
      self->closed_from = *from;
      self->closed_to = *to;
    }
  if (self->case_id == 0)
    heed_timeline_view_reload (self);
}

void
heed_timeline_view_set_today (HeedTimelineView *self,
                              const GDate      *today)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  self->today_fixed = today != NULL && g_date_valid (today);
  if (self->today_fixed)
    self->today = *today;
  self->placed = FALSE;
  heed_timeline_view_reload (self);
}

HeedTimelineData *
heed_timeline_view_get_data (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), NULL);

  return self->data;
}

void
heed_timeline_view_zoom_in (HeedTimelineView *self)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  zoom_around (self, self->viewport.pixels_per_day * ZOOM_STEP, zoom_anchor_x (self));
}

void
heed_timeline_view_zoom_out (HeedTimelineView *self)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  zoom_around (self, self->viewport.pixels_per_day / ZOOM_STEP, zoom_anchor_x (self));
}

double
heed_timeline_view_get_pixels_per_day (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), 0);

  return self->viewport.pixels_per_day;
}

void
heed_timeline_view_set_pixels_per_day (HeedTimelineView *self,
                                       double            pixels_per_day)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  zoom_around (self, pixels_per_day, zoom_anchor_x (self));
}

void
heed_timeline_view_show_range (HeedTimelineView *self,
                               const GDate      *from,
                               const GDate      *to)
{
  double days;

  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));
  g_return_if_fail (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to));

  days = MAX (1, g_date_days_between (from, to) + 1);
  self->viewport.pixels_per_day = CLAMP (chart_width (self) / days, MIN_PIXELS_PER_DAY,
                                         MAX_PIXELS_PER_DAY);
  self->viewport.first_day = g_date_get_julian (from);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXELS_PER_DAY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
heed_timeline_view_go_to_today (HeedTimelineView *self)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  self->viewport.first_day = g_date_get_julian (&self->today) + 0.5
                             - chart_width (self) / 2 / self->viewport.pixels_per_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
heed_timeline_view_scroll_days (HeedTimelineView *self,
                                double            days)
{
  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));

  self->viewport.first_day += days;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
heed_timeline_view_get_first_day (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), 0);

  return self->viewport.first_day;
}

void
heed_timeline_view_get_visible_dates (HeedTimelineView *self,
                                      GDate            *first,
                                      GDate            *last)
{
  double from, to;

  g_return_if_fail (HEED_IS_TIMELINE_VIEW (self));
  g_return_if_fail (first != NULL && last != NULL);

  from = ceil (self->viewport.first_day);
  to = floor (self->viewport.first_day + chart_width (self) / self->viewport.pixels_per_day) - 1;
  g_date_clear (first, 1);
  g_date_clear (last, 1);
  g_date_set_julian (first, (guint32) MAX (1, from));
  g_date_set_julian (last, (guint32) MAX (from, to));
}

double
heed_timeline_view_get_scroll_y (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), 0);

  return self->viewport.scroll_y;
}

int
heed_timeline_view_get_focus_row (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), -1);

  return self->focus_row;
}

int
heed_timeline_view_get_focus_item (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), -1);

  return self->focus_item;
}

gint64
heed_timeline_view_get_focus_case_id (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), 0);

  if (self->layout == NULL || self->focus_row < 0)
    return 0;
  return heed_timeline_layout_get_lane (self->layout, self->focus_row)->case_id;
}

const char *
heed_timeline_view_get_focus_name (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), NULL);

  return self->focus_name;
}

const char *
heed_timeline_view_get_focus_description (HeedTimelineView *self)
{
  g_return_val_if_fail (HEED_IS_TIMELINE_VIEW (self), NULL);

  return self->focus_description;
}
