/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include "heed-long-text-row.h"

/* What happened, what they want, what was found: words that need more than a line, in a row
 * that sits among the one-line rows of a form. */

struct _HeedLongTextRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel         *title;
  GtkTextView      *view;
  GtkLabel         *problem;
};

G_DEFINE_FINAL_TYPE (HeedLongTextRow, heed_long_text_row, ADW_TYPE_PREFERENCES_ROW)

static void
heed_long_text_row_class_init (HeedLongTextRowClass *klass)
{
}

static void
heed_long_text_row_init (HeedLongTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "caption");

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_top_margin (self->view, 6);
  gtk_text_view_set_bottom_margin (self->view, 6);
  gtk_text_view_set_left_margin (self->view, 6);
  gtk_text_view_set_right_margin (self->view, 6);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 80);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));

  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_label_set_xalign (self->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
heed_long_text_row_new (const char *title)
{
  HeedLongTextRow *self = g_object_new (HEED_TYPE_LONG_TEXT_ROW, "title", title, NULL);

  gtk_label_set_text (self->title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  return GTK_WIDGET (self);
}

GtkTextView *
heed_long_text_row_get_view (HeedLongTextRow *self)
{
  g_return_val_if_fail (HEED_IS_LONG_TEXT_ROW (self), NULL);
  return self->view;
}

char *
heed_long_text_row_dup_text (HeedLongTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (HEED_IS_LONG_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
heed_long_text_row_set_text (HeedLongTextRow *self,
                             const char      *text)
{
  g_return_if_fail (HEED_IS_LONG_TEXT_ROW (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
}

void
heed_long_text_row_set_problem (HeedLongTextRow *self,
                                const char      *problem)
{
  g_return_if_fail (HEED_IS_LONG_TEXT_ROW (self));
  gtk_label_set_text (self->problem, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), problem != NULL);
}

GtkLabel *
heed_long_text_row_get_problem_label (HeedLongTextRow *self)
{
  g_return_val_if_fail (HEED_IS_LONG_TEXT_ROW (self), NULL);
  return self->problem;
}
