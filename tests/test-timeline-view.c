/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "heed-store-exchange.h"
#include "heed-test-timeline.h"
#include "heed-test-util.h"
#include "heed-timeline-view.h"
#include "heed-validate.h"

/* The timeline widget in a real window (under Xvfb in CI), driven the way the keyboard and the
 * zoom controls drive it, checking what has focus through what a screen reader is told.
 *
 * Run with --show FILE [REF] [PIXELS-PER-DAY] [TODAY] to open the widget on a practice for
 * a screenshot instead of testing. */

typedef struct {
  char             *dir;
  HeedStore        *store;
  GtkWindow        *window;
  HeedTimelineView *view;
  gint64            activated;
  gint64            add_entry;
  gint64            entry_id;
  gint64            attachment_id;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
case_id (Fixture    *fixture,
         const char *reference)
{
  g_autoptr(HeedCase) kase = heed_store_find_case (fixture->store, reference, NULL);

  g_assert_nonnull (kase);
  return heed_record_get_id (HEED_RECORD (kase));
}

/* The window's win.show-case and win.open-attachment, as the widget asks for them. */
static void
on_show_case_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 Fixture       *fixture)
{
  fixture->activated = g_variant_get_int64 (parameter);
}

static void
on_open_attachment_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       Fixture       *fixture)
{
  fixture->attachment_id = g_variant_get_int64 (parameter);
}

static void
on_add_entry_cb (HeedTimelineView *view,
                 gint64            id,
                 Fixture          *fixture)
{
  fixture->add_entry = id;
}

static void
on_entry_activated_cb (HeedTimelineView *view,
                       gint64            case_id,
                       gint64            id,
                       int               source,
                       Fixture          *fixture)
{
  fixture->entry_id = id;
}

/* The first widget under @widget for which @match holds. */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 gboolean  (*match) (GtkWidget *, const char *),
                 const char *text)
{
  if (match (widget, text))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button_of (GtkWidget  *widget,
              const char *text)
{
  return GTK_IS_BUTTON (widget) && find_descendant (widget, is_label, text) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 give_up;

  fixture->dir = heed_test_make_dir ();
  path = g_build_filename (fixture->dir, "timeline.heed", NULL);
  heed_test_timeline_make_practice (path);
  fixture->store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 420);
  fixture->view = HEED_TIMELINE_VIEW (heed_timeline_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  heed_test_timeline_today (&today);
  heed_timeline_view_set_today (fixture->view, &today);
  heed_timeline_view_set_store (fixture->view, fixture->store);
  g_signal_connect (fixture->view, "add-entry", G_CALLBACK (on_add_entry_cb), fixture);
  g_signal_connect (fixture->view, "entry-activated", G_CALLBACK (on_entry_activated_cb),
                    fixture);
  {
    g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) show_case = g_simple_action_new ("show-case", G_VARIANT_TYPE_INT64);
    g_autoptr(GSimpleAction) open_attachment = g_simple_action_new ("open-attachment",
                                                                    G_VARIANT_TYPE_INT64);

    g_signal_connect (show_case, "activate", G_CALLBACK (on_show_case_cb), fixture);
    g_signal_connect (open_attachment, "activate", G_CALLBACK (on_open_attachment_cb), fixture);
    g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (show_case));
    g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (open_attachment));
    gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win));
  }
  gtk_window_present (fixture->window);

  /* Wait for the window to be shown and the widget to have its size. */
  give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) < 900
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >=, 900);
  /* The window becomes active, and the widget gets focus, when the display gets round to it;
   * wait for that so it cannot happen in the middle of a test. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  give_up = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!gtk_widget_has_focus (GTK_WIDGET (fixture->view)) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  /* Arriving, focus is on the first lane in view. */
  if (!gtk_widget_has_focus (GTK_WIDGET (fixture->view)))
    heed_timeline_view_set_focus (fixture->view, 0, -1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  iterate ();
  g_clear_object (&fixture->store);
  heed_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
move (Fixture    *fixture,
      const char *where)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.move", "s", where);
}

static int
visible_days (Fixture *fixture)
{
  GDate first, last;

  heed_timeline_view_get_visible_dates (fixture->view, &first, &last);
  return g_date_days_between (&first, &last) + 1;
}

static gboolean
date_visible (Fixture    *fixture,
              int         day,
              GDateMonth  month,
              int         year)
{
  GDate first, last, date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  heed_timeline_view_get_visible_dates (fixture->view, &first, &last);
  return g_date_compare (&first, &date) <= 0 && g_date_compare (&date, &last) <= 0;
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  double start = heed_timeline_view_get_pixels_per_day (fixture->view);
  int days = visible_days (fixture);

  /* + and − (the actions their keys are bound to) zoom in and out by a step. */
  gtk_widget_activate_action (view, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (heed_timeline_view_get_pixels_per_day (fixture->view),
                                  start * 1.5, 1e-9);
  g_assert_cmpint (visible_days (fixture), <, days);
  gtk_widget_activate_action (view, "timeline.zoom-out", NULL);
  gtk_widget_activate_action (view, "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (heed_timeline_view_get_pixels_per_day (fixture->view),
                                  start / 1.5, 1e-9);
  g_assert_cmpint (visible_days (fixture), >, days);

  /* From weeks to a year, and no further either way. */
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (view, "timeline.zoom-in", NULL);
  g_assert_cmpint (visible_days (fixture), <=, 14);
  for (int i = 0; i < 30; i++)
    gtk_widget_activate_action (view, "timeline.zoom-out", NULL);
  g_assert_cmpint (visible_days (fixture), >=, 366);
  gtk_widget_activate_action (view, "timeline.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (heed_timeline_view_get_pixels_per_day (fixture->view), 8, 1e-9);

  /* Zooming keeps the focused entry where it is on screen. */
  move (fixture, "home");
  {
    GDate received;
    double julian, before, after;

    g_date_clear (&received, 1);
    g_date_set_dmy (&received, 3, G_DATE_JUNE, 2025);
    julian = g_date_get_julian (&received) + 0.5;
    before = (julian - heed_timeline_view_get_first_day (fixture->view))
             * heed_timeline_view_get_pixels_per_day (fixture->view);
    gtk_widget_activate_action (view, "timeline.zoom-in", NULL);
    after = (julian - heed_timeline_view_get_first_day (fixture->view))
            * heed_timeline_view_get_pixels_per_day (fixture->view);
    g_assert_cmpfloat_with_epsilon (after, before, 1e-6);
  }
  g_assert_true (date_visible (fixture, 3, G_DATE_JUNE, 2025));
}

static gpointer
find_controller (Fixture *fixture,
                 GType    type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it alive */
    }
  return NULL;
}

static void
test_pinch_and_wheel (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkGesture *zoom = find_controller (fixture, GTK_TYPE_GESTURE_ZOOM);
  GtkEventController *scroll = find_controller (fixture, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  double start = heed_timeline_view_get_pixels_per_day (fixture->view);
  double first = heed_timeline_view_get_first_day (fixture->view);
  gboolean handled = FALSE;

  /* A pinch spreading the fingers to twice their distance doubles the scale. */
  g_assert_nonnull (zoom);
  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 2.0);
  g_assert_cmpfloat_with_epsilon (heed_timeline_view_get_pixels_per_day (fixture->view),
                                  start * 2, 1e-9);
  g_signal_emit_by_name (zoom, "scale-changed", 0.5);
  g_assert_cmpfloat_with_epsilon (heed_timeline_view_get_pixels_per_day (fixture->view),
                                  start * 0.5, 1e-9);

  /* Every lane fits: the wheel moves through time, later for a turn down. */
  g_assert_nonnull (scroll);
  first = heed_timeline_view_get_first_day (fixture->view);
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (heed_timeline_view_get_first_day (fixture->view), >, first);
  g_assert_cmpfloat (heed_timeline_view_get_scroll_y (fixture->view), ==, 0);
}

static void
test_scroll_and_today (Fixture       *fixture,
                       gconstpointer  data)
{
  double first = heed_timeline_view_get_first_day (fixture->view);

  /* Today is in view when the practice timeline opens. */
  g_assert_true (date_visible (fixture, 10, G_DATE_JULY, 2025));
  heed_timeline_view_scroll_days (fixture->view, 120);
  g_assert_cmpfloat_with_epsilon (heed_timeline_view_get_first_day (fixture->view), first + 120,
                                  1e-9);
  g_assert_false (date_visible (fixture, 10, G_DATE_JULY, 2025));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.today", NULL);
  g_assert_true (date_visible (fixture, 10, G_DATE_JULY, 2025));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  const char *name;
  const char *description;

  /* The first lane has focus when the widget does: its name and what a screen reader says
   * about it follow. */
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, 0);
  g_assert_cmpint (heed_timeline_view_get_focus_case_id (fixture->view), ==,
                   case_id (fixture, "C-2025-001"));
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==,
                   "Complaint C-2025-001");
  description = heed_timeline_view_get_focus_description (fixture->view);
  g_assert_true (g_str_has_prefix (description, "Complaint C-2025-001, Extreme risk, In progress"));
  g_assert_nonnull (strstr (description, "Acknowledge, due 6 June 2025: met"));
  g_assert_nonnull (strstr (description, "Respond, due 1 July 2025: overdue by 7 working days"));
  g_assert_true (g_str_has_suffix (description, "; overdue"));

  move (fixture, "down");
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==,
                   "Complaint C-2025-002");
  g_assert_null (strstr (heed_timeline_view_get_focus_description (fixture->view), "overdue"));
  move (fixture, "down");
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, 1);
  move (fixture, "up");
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, 0);

  /* Left and right go entry to entry along the lane, in date order. */
  move (fixture, "home");
  g_assert_cmpint (heed_timeline_view_get_focus_item (fixture->view), ==, 0);
  g_assert_cmpstr (heed_timeline_view_get_focus_description (fixture->view), ==,
                   "Received, 3 June 2025: Complaint received at the front desk");
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==,
                   "Complaint C-2025-001: Received, 3 June 2025: Complaint received at the "
                   "front desk");
  move (fixture, "right");
  g_assert_cmpstr (heed_timeline_view_get_focus_description (fixture->view), ==,
                   "Phone call, 4 June 2025: Spoke to Mrs Patel about the missed call-back");
  move (fixture, "left");
  move (fixture, "left");
  g_assert_cmpint (heed_timeline_view_get_focus_item (fixture->view), ==, 0);

  /* The last item is the six-month review, months ahead: the view follows it. */
  move (fixture, "end");
  name = heed_timeline_view_get_focus_description (fixture->view);
  g_assert_true (g_str_has_prefix (name, "Six-month review, due 3 December 2025"));
  g_assert_true (date_visible (fixture, 3, G_DATE_DECEMBER, 2025));

  /* Down from an item keeps to the same date, on the next lane. */
  move (fixture, "down");
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, 1);
  g_assert_true (g_str_has_prefix (heed_timeline_view_get_focus_description (fixture->view),
                                   "Six-month review, due 20 December 2025"));

  /* Escape goes back to the lane; Enter opens its case. */
  move (fixture, "lane");
  g_assert_cmpint (heed_timeline_view_get_focus_item (fixture->view), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.activate", NULL);
  g_assert_cmpint (fixture->activated, ==, case_id (fixture, "C-2025-002"));
}

static void
test_case_timeline (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = case_id (fixture, "C-2025-001");
  const char *description;

  heed_timeline_view_set_case_id (fixture->view, id);
  iterate ();
  g_assert_true (heed_timeline_data_is_case (heed_timeline_view_get_data (fixture->view)));
  /* The case's whole story is in view. */
  g_assert_true (date_visible (fixture, 3, G_DATE_JUNE, 2025));
  g_assert_true (date_visible (fixture, 10, G_DATE_JULY, 2025));

  move (fixture, "down");
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==, "Deadlines");
  g_assert_cmpstr (heed_timeline_view_get_focus_description (fixture->view), ==,
                   "Deadlines, 3 entries, overdue");
  move (fixture, "right");
  move (fixture, "home");
  move (fixture, "right");
  description = heed_timeline_view_get_focus_description (fixture->view);
  g_assert_cmpstr (description, ==, "Respond, due 1 July 2025: overdue by 7 working days");

  move (fixture, "down");
  g_assert_true (g_str_has_prefix (heed_timeline_view_get_focus_name (fixture->view),
                                   "Progress: "));
  move (fixture, "down");
  move (fixture, "home");
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==,
                   "Contact: Phone call, 4 June 2025: Spoke to Mrs Patel about the missed "
                   "call-back");
  /* Enter on an entry says so, and shows its detail and attachments by it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.activate", NULL);
  g_assert_cmpint (fixture->entry_id, >, 0);
  g_assert_cmpint (fixture->activated, ==, 0);
  {
    GtkWidget *popover = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));
    GtkWidget *button;

    g_assert_true (GTK_IS_POPOVER (popover));
    g_assert_true (gtk_widget_get_visible (popover));
    g_assert_nonnull (find_descendant (popover, is_label, "Phone call"));
    g_assert_nonnull (find_descendant (popover, is_label, "4 June 2025, 14:10"));
    g_assert_nonnull (find_descendant (popover, is_label,
                                       "She asked for a call-back by Friday at the latest."));
    button = find_descendant (popover, is_button_of, "call-notes.txt");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpint (fixture->attachment_id, >, 0);
    g_assert_false (gtk_widget_get_visible (popover));
    /* The window is asked to open that very document. */
    {
      g_autoptr(GPtrArray) attachments = heed_store_list_attachments (fixture->store, id, NULL);
      gint64 notes = 0;

      g_assert_nonnull (attachments);
      for (guint i = 0; i < attachments->len; i++)
        {
          HeedAttachmentInfo *info = g_ptr_array_index (attachments, i);

          if (g_strcmp0 (info->filename, "call-notes.txt") == 0)
            notes = info->id;
        }
      g_assert_cmpint (fixture->attachment_id, ==, notes);
    }
  }
  /* On a case's own timeline, Enter on a row does not ask for the case: it is shown. */
  move (fixture, "lane");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.activate", NULL);
  g_assert_cmpint (fixture->activated, ==, 0);

  move (fixture, "down");
  move (fixture, "down");
  move (fixture, "home");
  g_assert_cmpstr (heed_timeline_view_get_focus_description (fixture->view), ==,
                   "Action due 20 June 2025: Retrain reception on urgent requests; overdue");

  /* Adding an entry is one step from the timeline. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.add-entry", NULL);
  g_assert_cmpint (fixture->add_entry, ==, id);

  /* Back to the practice. */
  heed_timeline_view_set_case_id (fixture->view, 0);
  g_assert_false (heed_timeline_data_is_case (heed_timeline_view_get_data (fixture->view)));
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, -1);
}

static void
test_many_lanes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  gint64 give_up;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *summary = g_strdup_printf ("Prescription delayed, case %u", i);

      heed_test_timeline_add_case (fixture->store, "complaint", "logged", "2025-06-24T10:00:00",
                                   summary, NULL);
    }
  /* The store said so: the widget reloads by itself. */
  give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (heed_timeline_data_get_n_lanes (heed_timeline_view_get_data (fixture->view)) != 32
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (heed_timeline_view_get_data (fixture->view)),
                    ==, 32);

  /* Focus down past the bottom scrolls the lanes up to keep it in view. */
  g_assert_cmpfloat (heed_timeline_view_get_scroll_y (fixture->view), ==, 0);
  for (int i = 0; i < 30; i++)
    move (fixture, "down");
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, 30);
  g_assert_cmpfloat (heed_timeline_view_get_scroll_y (fixture->view), >, 0);
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==, "Complaint C-2025-031");
  move (fixture, "page-up");
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), <, 30);

  /* Filtered like the case list; focus stays on its case when the case is still there. */
  for (int i = 0; i < 6; i++)
    move (fixture, "page-up");
  g_assert_cmpint (heed_timeline_view_get_focus_row (fixture->view), ==, 0);
  g_assert_cmpfloat (heed_timeline_view_get_scroll_y (fixture->view), ==, 0);
  move (fixture, "down");
  query->search = g_strdup ("parking");
  heed_timeline_view_set_query (fixture->view, query);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (heed_timeline_view_get_data (fixture->view)),
                    ==, 1);
  g_assert_cmpstr (heed_timeline_view_get_focus_name (fixture->view), ==,
                   "Complaint C-2025-002");
  g_assert_cmpfloat (heed_timeline_view_get_scroll_y (fixture->view), ==, 0);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };

  /* What is printed is what is in view: the period on screen, every lane. */
  g_assert_true (heed_timeline_view_print (fixture->view, fixture->window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Practice timeline: Timeline Test Surgery"));
  g_assert_nonnull (strstr (text, "C-2025-001"));
  g_assert_nonnull (strstr (text, "C-2025-002"));
  g_assert_nonnull (strstr (text, "Overdue"));
  g_clear_pointer (&text, g_free);

  heed_timeline_view_set_case_id (fixture->view, case_id (fixture, "C-2025-001"));
  g_assert_true (heed_timeline_view_print (fixture->view, fixture->window, pdf, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Timeline: Complaint C-2025-001"));
  g_assert_nonnull (strstr (text, "Interviewed the duty receptionist"));
}

static int
show (int    argc,
      char **argv)
{
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  HeedTimelineView *view;
  GDate today;

  store = heed_store_open (argv[2], HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (window, "Timeline");
  gtk_window_set_default_size (window, 1240, 760);
  view = HEED_TIMELINE_VIEW (heed_timeline_view_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  if (argc > 6 && heed_date_from_iso (argv[6], &today))
    heed_timeline_view_set_today (view, &today);
  heed_timeline_view_set_store (view, store);
  if (argc > 3 && strcmp (argv[3], "-") != 0)
    {
      g_autoptr(HeedCase) kase = heed_store_find_case (store, argv[3], &error);

      g_assert_no_error (error);
      heed_timeline_view_set_case_id (view, heed_record_get_id (HEED_RECORD (kase)));
    }
  gtk_window_present (window);
  while (gtk_widget_get_width (GTK_WIDGET (view)) < 100)
    g_main_context_iteration (NULL, TRUE);
  if (argc > 4 && strcmp (argv[4], "-") != 0)
    heed_timeline_view_set_pixels_per_day (view, g_ascii_strtod (argv[4], NULL));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* A focused entry, to see the focus ring and its tooltip text. */
  if (argc > 5)
    {
      g_auto(GStrv) moves = g_strsplit (argv[5], ",", -1);

      for (guint i = 0; moves[i] != NULL; i++)
        if (strcmp (moves[i], "activate") == 0)
          gtk_widget_activate_action (GTK_WIDGET (view), "timeline.activate", NULL);
        else if (*moves[i] != '\0' && strcmp (moves[i], "-") != 0)
          gtk_widget_activate_action (GTK_WIDGET (view), "timeline.move", "s", moves[i]);
    }
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc > 2 && strcmp (argv[1], "--show") == 0)
    {
      gtk_init ();
      adw_init ();
      return show (argc, argv);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/timeline/zoom", test_zoom);
  ADD ("/ui/timeline/scroll-and-today", test_scroll_and_today);
  ADD ("/ui/timeline/pinch-and-wheel", test_pinch_and_wheel);
  ADD ("/ui/timeline/keyboard", test_keyboard);
  ADD ("/ui/timeline/case-timeline", test_case_timeline);
  ADD ("/ui/timeline/many-lanes", test_many_lanes);
  ADD ("/ui/timeline/print", test_print);
#undef ADD
  return g_test_run ();
}
