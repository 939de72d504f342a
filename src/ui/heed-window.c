/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "heed-accessible.h"
#include "heed-actions-page.h"
#include "heed-case-item.h"
#include "heed-case-list-model.h"
#include "heed-case-page.h"
#include "heed-first-screen-model.h"
#include "heed-publicity-page.h"
#include "heed-report-page.h"
#include "heed-timeline-view.h"
#include "heed-validate.h"
#include "heed-store.h"
#include "heed-ui-resources.h"
#include "heed-server-keyring.h"
#include "heed-window-private.h"

/* The main window: a welcome page to create, open or try a practice; then the views of the
 * practice's feedback down the side, the cases of the chosen view in a list that reads rows
 * only as they are shown, search and filters over them, and the page of one case. What the
 * window does (its actions, backups, restore, the check) is in heed-window-actions.c. */

#define TIMELINE_VIEW ((HeedCaseView) 100)
#define ACTIONS_VIEW ((HeedCaseView) 101)
#define REPORTS_VIEW ((HeedCaseView) 102)
#define PUBLICITY_VIEW ((HeedCaseView) 103)

static const struct {
  HeedCaseView view;
  const char  *label;
  const char  *icon;
} views[] = {
  { HEED_CASE_VIEW_ATTENTION, N_("Needs Attention"), "alarm-symbolic" },
  { HEED_CASE_VIEW_OPEN, N_("Open"), "folder-open-symbolic" },
  { HEED_CASE_VIEW_COMPLIMENTS, N_("Compliments"), "emblem-favorite-symbolic" },
  { HEED_CASE_VIEW_CLOSED, N_("Closed"), "emblem-ok-symbolic" },
  { HEED_CASE_VIEW_ALL, N_("All Feedback"), "view-list-symbolic" },
  /* Not lists of cases: the action plans, the open cases along a date axis, the reports. */
  { ACTIONS_VIEW, N_("Action Plans"), "view-list-ordered-symbolic" },
  { TIMELINE_VIEW, N_("Timeline"), "x-office-calendar-symbolic" },
  { REPORTS_VIEW, N_("Reports"), "x-office-document-symbolic" },
  { PUBLICITY_VIEW, N_("Publicity"), "x-office-presentation-symbolic" },
};

G_DEFINE_FINAL_TYPE (HeedWindow, heed_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_count (HeedWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases",
                                                        n),
                                           n);

  gtk_label_set_text (self->count_label, text);
}

static gboolean
read_date_filter (HeedWindow *self,
                  GtkEntry   *entry,
                  GDate      *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;

  g_date_clear (date, 1);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (heed_parse_date (text, date, &error))
    return TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_label_set_text (self->filter_problem, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_problem), TRUE);
  return FALSE;
}

/* Kind, status, subject and received dates from the filter popover. */
static gboolean
read_filters (HeedWindow    *self,
              HeedCaseQuery *query)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint subject = gtk_drop_down_get_selected (self->subject_filter);
  guint n_active = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->filter_problem), FALSE);
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION)
    {
      query->kind = g_strdup (heed_case_kinds[kind - 1]);
      n_active++;
    }
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    {
      query->status = g_strdup (heed_case_statuses[status - 1]);
      n_active++;
    }
  if (subject > 0 && subject != GTK_INVALID_LIST_POSITION && self->subject_codes != NULL
      && subject <= self->subject_codes->len)
    {
      query->subject = g_strdup (g_ptr_array_index (self->subject_codes, subject - 1));
      n_active++;
    }
  if (!read_date_filter (self, self->from_filter, &query->from)
      || !read_date_filter (self, self->to_filter, &query->to))
    return FALSE;
  n_active += g_date_valid (&query->from) + g_date_valid (&query->to);
  if (n_active > 0)
    {
      g_autofree char *label = g_strdup_printf (_("_Filters (%u)"), n_active);

      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), label);
      gtk_widget_add_css_class (self->filter_button, "accent");
    }
  else
    {
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), _("_Filters"));
      gtk_widget_remove_css_class (self->filter_button, "accent");
    }
  return TRUE;
}

static void read_sort (HeedWindow    *self,
                       HeedCaseQuery *query);

/* GTK 4.8's list view makes a row for up to 200 items however few fit on the screen, and
 * making and measuring 200 rows of eight columns takes longer than the rest of the window.
 * So an opened practice shows a screenful first, and the rows below it from the next frame
 * on. (A search reuses the rows already made, so it gains nothing from this.) */
#define FIRST_SCREEN_ROWS 60

static gboolean
reveal_all_rows_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  HeedWindow *self = user_data;
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  if (self->shown_rows == NULL)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->first_rows_frame < 0 || frame == self->first_rows_frame)
    {
      /* The frame the first screenful is drawn in. */
      self->first_rows_frame = frame;
      return G_SOURCE_CONTINUE;
    }
  self->reveal_tick = 0;
  heed_first_screen_model_show_all (self->shown_rows);
  return G_SOURCE_REMOVE;
}

static void
show_first_screen_of_rows (HeedWindow *self)
{
  self->first_rows_frame = -1;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->case_view),
                                                      reveal_all_rows_cb, self, NULL);
}

void
_heed_window_run_query (HeedWindow *self)
{
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *selection;
  const char *text;

  if (self->model == NULL || self->filling)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query->view = self->view;
  query->hidden_id = self->deleting_id;
  read_sort (self, query);
  query->search = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  if (!read_filters (self, query))
    return;
  selection = gtk_column_view_get_model (self->case_view);
  if (GTK_IS_SINGLE_SELECTION (selection))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection),
                                       GTK_INVALID_LIST_POSITION);
  if (!heed_case_list_model_set_query (self->model, query, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  update_count (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "rows");
  else
    {
      adw_status_page_set_title (self->none_page,
                                 query->search != NULL ? _("No Results Found")
                                 : self->view == HEED_CASE_VIEW_ATTENTION
                                 ? _("Nothing Needs Attention") : _("Nothing Here"));
      adw_status_page_set_description (self->none_page,
                                       heed_case_query_finds_nothing (query)
                                       ? _("Search looks for words and numbers; only "
                                           "punctuation or symbols were typed.")
                                       : query->search != NULL
                                       ? _("Try other words, or search in All Feedback.")
                                       : self->view == HEED_CASE_VIEW_ATTENTION
                                       ? _("No drafts to finish and no deadline in the next "
                                           "five working days.") : NULL);
      gtk_stack_set_visible_child_name (self->list_stack, "none");
    }
}

static void show_practice_timeline (HeedWindow *self);
static void show_other_view (HeedWindow   *self,
                             HeedCaseView  view);

static void
on_view_list_row_selected_cb (HeedWindow    *self,
                              GtkListBoxRow *row)
{
  HeedCaseView view;

  if (row == NULL)
    return;
  view = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "heed-view"));
  if (view == TIMELINE_VIEW)
    {
      show_practice_timeline (self);
      return;
    }
  if (view == ACTIONS_VIEW || view == REPORTS_VIEW || view == PUBLICITY_VIEW)
    {
      show_other_view (self, view);
      return;
    }
  self->view = view;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "timeline") == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "list");
  _heed_window_run_query (self);
  _heed_window_update_header (self);
}

static void
on_search_entry_search_changed_cb (HeedWindow *self)
{
  _heed_window_run_query (self);
}

static void
on_filter_changed_cb (HeedWindow *self)
{
  _heed_window_run_query (self);
}

static void
on_view_list_row_activated_cb (HeedWindow    *self,
                               GtkListBoxRow *row)
{
  /* On a narrow window the sidebar is a page of its own: choosing a view shows its list. */
  switch ((int) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "heed-view")))
    {
    case (int) TIMELINE_VIEW:
      gtk_stack_set_visible_child_name (self->content_stack, "timeline");
      break;
    case (int) ACTIONS_VIEW:
      gtk_stack_set_visible_child_name (self->content_stack, "actions");
      break;
    case (int) REPORTS_VIEW:
      gtk_stack_set_visible_child_name (self->content_stack, "reports");
      break;
    case (int) PUBLICITY_VIEW:
      gtk_stack_set_visible_child_name (self->content_stack, "publicity");
      break;
    default:
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      break;
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  _heed_window_update_header (self);
}

/* The whole text of a cell that may be cut short, asked for only when the pointer rests on
 * it: setting a tooltip at every bind costs GTK 4.8 a round trip to the X server. */
static gboolean
on_cell_query_tooltip_cb (GtkWidget  *label,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const char *property = user_data;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  HeedCaseItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  g_object_get (item, property, &text, NULL);
  gtk_label_set_text (GTK_LABEL (label), text);
  if (g_strcmp0 (property, "next-deadline") == 0 && heed_case_item_get_overdue (item))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* GTK 4.8 cannot say which column the list is sorted by (4.10 can, but Heed builds with 4.8's
 * API). Each column's sorter answers the question instead: asked to compare while probing,
 * the first one asked is the primary column, and whether the view turned its answer round
 * says the direction. */
static gboolean probing;
static int probed_sort = -1;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  if (probing && probed_sort < 0)
    probed_sort = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

/* The column the list is sorted by, as a HeedCaseSort, and which way. */
static void
read_sort (HeedWindow    *self,
           HeedCaseQuery *query)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->case_view);
  int sort = -1;
  gboolean descending = FALSE;

  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  probing = TRUE;
  probed_sort = -1;
  ordering = gtk_sorter_compare (sorter, a, b);
  probing = FALSE;
  sort = probed_sort;
  descending = ordering == GTK_ORDERING_LARGER;

  if (sort < 0)
    {
      /* Unsorted: newest first, as feedback comes in. */
      query->sort = HEED_CASE_SORT_RECEIVED;
      query->newest_first = TRUE;
      return;
    }
  query->sort = (HeedCaseSort) sort;
  query->descending = descending;
  query->newest_first = sort == HEED_CASE_SORT_RECEIVED ? descending : TRUE;
}

static void
on_sorter_changed_cb (HeedWindow *self)
{
  _heed_window_run_query (self);
}

static void
add_column (HeedWindow   *self,
            const char   *title,
            const char   *property,
            HeedCaseSort  sort,
            int           fixed_width,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  /* The store sorts (it can, at any size); the sorter only marks the column header. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (sort), NULL));
  g_object_set_data (G_OBJECT (column), "heed-sort", GINT_TO_POINTER (sort));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->case_view, column);
  g_object_unref (column);
}

/* What a view of the sidebar needs the person to be allowed. */
HeedTask
_heed_window_row_task (GtkWidget *view_row)
{
  switch ((int) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view_row), "heed-view")))
    {
    case (int) TIMELINE_VIEW:
    case (int) ACTIONS_VIEW:
      return HEED_TASK_SEE_PRACTICE_WORK;
    case (int) REPORTS_VIEW:
      return HEED_TASK_SEE_REPORTS;
    case (int) PUBLICITY_VIEW:
      /* Posters and leaflets are handed out at the front desk. */
      return HEED_TASK_SEE_LIST;
    default:
      return HEED_TASK_SEE_LIST;
    }
}

static void
build_views (HeedWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(views[i].label));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (views[i].icon));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "heed-view", GINT_TO_POINTER (views[i].view));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(views[i].label), -1);
      gtk_list_box_append (self->view_list, row);
    }

  add_column (self, _("Reference"), "reference", HEED_CASE_SORT_REFERENCE, 105, FALSE);
  add_column (self, _("Received"), "received", HEED_CASE_SORT_RECEIVED, 140, FALSE);
  add_column (self, _("Name"), "name", HEED_CASE_SORT_NAME, 135, FALSE);
  add_column (self, _("Summary"), "summary", HEED_CASE_SORT_SUMMARY, -1, TRUE);
  add_column (self, _("Kind"), "kind", HEED_CASE_SORT_KIND, 90, FALSE);
  add_column (self, _("Risk"), "risk", HEED_CASE_SORT_RISK, 75, FALSE);
  add_column (self, _("Status"), "status", HEED_CASE_SORT_STATUS, 100, FALSE);
  add_column (self, _("Next Deadline"), "next-deadline", HEED_CASE_SORT_NEXT_DEADLINE, 190,
              FALSE);
  g_signal_connect_object (gtk_column_view_get_sorter (self->case_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_heed_window_update_header (HeedWindow *self)
{
  gboolean on_case = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                "case") == 0;
  gboolean on_timeline = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack),
                                    "timeline") == 0;
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  HeedCase *kase = on_case ? heed_case_page_get_case (self->case_page) : NULL;

  gtk_widget_set_visible (self->back_button, on_case || folded);
  gtk_widget_set_visible (self->save_button,
                          on_case && heed_case_page_get_changed (self->case_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-case",
                                 on_case && heed_case_page_get_changed (self->case_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-entry",
                                 on_case && self->store != NULL
                                 && !heed_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-letter",
                                 on_case && self->store != NULL
                                 && !heed_store_is_read_only (self->store));
  if (kase != NULL)
    {
      adw_window_title_set_title (self->content_title, heed_case_get_reference (kase));
      adw_window_title_set_subtitle (self->content_title,
                                     heed_case_kind_get_label (heed_case_get_kind (kase)));
    }
  else if (on_timeline)
    {
      adw_window_title_set_title (self->content_title, _("Timeline"));
      adw_window_title_set_subtitle (self->content_title, _("Open feedback"));
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "actions") == 0)
    {
      adw_window_title_set_title (self->content_title, _("Action Plans"));
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "publicity") == 0)
    {
      adw_window_title_set_title (self->content_title, _("Publicity"));
      adw_window_title_set_subtitle (self->content_title,
                                     _("How people can give feedback and complain"));
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "reports") == 0)
    {
      adw_window_title_set_title (self->content_title, _("Reports"));
      adw_window_title_set_subtitle (self->content_title, _("The annual report"));
    }
  else
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->view_list);
      guint index = row != NULL ? (guint) gtk_list_box_row_get_index (row) : 0;

      adw_window_title_set_title (self->content_title,
                                  index < G_N_ELEMENTS (views) ? _(views[index].label) : "");
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
}

static void
on_leaflet_folded_cb (HeedWindow *self)
{
  _heed_window_update_header (self);
}

static void
on_case_page_changed_cb (HeedWindow *self)
{
  _heed_window_update_header (self);
}

void
_heed_window_show_problem (HeedWindow *self,
              const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The practice's open cases along a date axis, filtered like the list. */
static void
show_practice_timeline (HeedWindow *self)
{
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();

  if (self->store == NULL)
    return;
  query->view = HEED_CASE_VIEW_OPEN;
  if (!read_filters (self, query))
    return;
  if (heed_timeline_view_get_store (self->practice_timeline) != self->store)
    heed_timeline_view_set_store (self->practice_timeline, self->store);
  heed_timeline_view_set_case_id (self->practice_timeline, 0);
  heed_timeline_view_set_query (self->practice_timeline, query);
  heed_timeline_view_reload (self->practice_timeline);
  gtk_stack_set_visible_child_name (self->content_stack, "timeline");
  _heed_window_update_header (self);
}

/* The earliest year with feedback, for the years a report is offered for. */
static int
earliest_year (HeedWindow *self)
{
  g_autofree char *first = heed_store_dup_first_received (self->store, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (first != NULL && strlen (first) >= 7)
    {
      year = (int) g_ascii_strtoll (first, NULL, 10);
      /* Financial years start in April. */
      if (strncmp (first + 5, "04", 2) < 0)
        year--;
    }
  return year;
}

static void
show_other_view (HeedWindow   *self,
                 HeedCaseView  view)
{
  if (self->store == NULL)
    return;
  if (view == ACTIONS_VIEW)
    {
      heed_actions_page_set_store (self->actions_page, self->store);
      gtk_stack_set_visible_child_name (self->content_stack, "actions");
    }
  else if (view == PUBLICITY_VIEW)
    {
      heed_publicity_page_set_store (self->publicity_page, self->store);
      gtk_stack_set_visible_child_name (self->content_stack, "publicity");
    }
  else
    {
      heed_report_page_set_store (self->report_page, self->store, earliest_year (self));
      gtk_stack_set_visible_child_name (self->content_stack, "reports");
    }
  _heed_window_update_header (self);
}

gboolean
heed_window_show_case (HeedWindow *self,
                       gint64      case_id)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (!heed_store_may (self->store, HEED_TASK_OPEN_CASES))
    {
      g_autofree char *duties = heed_duties_dup_ids (heed_store_get_duties (self->store));
      /* Translators: a person's duties on the practice server ("reception") */
      g_autofree char *text = g_strdup_printf (_("Your duty (%s) shows the list only: the "
                                                 "practice manager or the case’s handler "
                                                 "opens a case."),
                                               duties);

      _heed_window_show_problem (self, text);
      return FALSE;
    }
  if (!heed_case_page_set_case (self->case_page, self->store, case_id))
    return FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "case");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  _heed_window_update_header (self);
  return TRUE;
}

static void
on_case_view_activate_cb (HeedWindow *self,
                          guint       position)
{
  g_autoptr(HeedCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL)
    heed_window_show_case (self, heed_case_item_get_id (item));
}

/* Asks whether to save a case's unsaved changes; they are kept as a draft either way. */
gboolean
_heed_window_leave_case (HeedWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_get_changed (self->case_page))
    return TRUE;
  if (heed_case_page_save (self->case_page, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Changes saved")));
      return TRUE;
    }
  if (!g_error_matches (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE))
    _heed_window_show_problem (self, error->message);
  return FALSE;
}

static void
fill_filters (HeedWindow *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);
  GDate today;

  gtk_string_list_append (kinds, _("Any kind"));
  for (guint i = 0; heed_case_kinds[i] != NULL; i++)
    gtk_string_list_append (kinds, heed_case_kind_get_label (heed_case_kinds[i]));
  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; heed_case_statuses[i] != NULL; i++)
    gtk_string_list_append (statuses, heed_case_status_get_label (heed_case_statuses[i]));
  gtk_string_list_append (subjects, _("Any subject"));
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_clear_pointer (&self->subject_codes, g_ptr_array_unref);
  self->subject_codes = heed_store_list_categories (self->store, "subject",
                                                    g_date_get_year (&today));
  for (guint i = 0; self->subject_codes != NULL && i < self->subject_codes->len; i++)
    {
      g_autofree char *label =
        heed_store_dup_category_label (self->store, "subject",
                                       g_ptr_array_index (self->subject_codes, i));

      gtk_string_list_append (subjects, label != NULL ? label
                                                      : g_ptr_array_index (self->subject_codes, i));
    }
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->subject_filter, G_LIST_MODEL (subjects));
}

/* How the practice is named under its name in the header: a file by its name, a server's
 * practice by its database and the server. */
static char *
dup_place_name (HeedStore *store)
{
  HeedLocation *location = heed_store_get_location (store);
  const char *host;

  if (!heed_location_is_server (location))
    return g_path_get_basename (heed_store_get_path (store));
  host = heed_location_get_host (location);
  if (host == NULL || host[0] == '\0' || host[0] == '/')
    /* Translators: a database's name on the PostgreSQL server of this computer */
    return g_strdup_printf (_("%s on this computer’s server"),
                            heed_location_get_database (location));
  /* Translators: a database's name, and the server it is on */
  return g_strdup_printf (_("%s on %s"), heed_location_get_database (location), host);
}

/* The first view of the sidebar the person may see. */
static GtkListBoxRow *
first_shown_view (HeedWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->view_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row))
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

void
_heed_window_show_store (HeedWindow *self)
{
  g_autofree char *name = heed_store_dup_setting (self->store, "name");
  g_autofree char *basename = dup_place_name (self->store);
  gboolean lists = heed_store_may (self->store, HEED_TASK_SEE_LIST);
  GtkListBoxRow *first;

  self->n_cases = lists ? heed_store_count_cases (self->store, NULL, NULL) : 0;
  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Heed"));
  if (heed_store_is_read_only (self->store))
    {
      /* Translators: the file name, shown under the practice name */
      g_autofree char *subtitle = g_strdup_printf (_("%s (read-only)"), basename);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, basename);
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("Heed"));
  _heed_window_apply_duties (self);

  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  gtk_column_view_set_model (self->case_view, NULL);
  if (lists)
    {
      g_autoptr(GtkSingleSelection) selection = NULL;

      self->model = heed_case_list_model_new (self->store);
      self->shown_rows = heed_first_screen_model_new (G_LIST_MODEL (self->model),
                                                      FIRST_SCREEN_ROWS);
      show_first_screen_of_rows (self);
      selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown_rows)));
      /* A selection that follows its item through a change of list reads every new item to
       * find it: 100,000 rows from the file. The list starts unselected instead. */
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
      gtk_column_view_set_model (self->case_view, GTK_SELECTION_MODEL (selection));
    }
  self->filling = TRUE;
  if (lists)
    fill_filters (self);
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  first = first_shown_view (self);
  gtk_list_box_select_row (self->view_list, first);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->filling = FALSE;
  if (lists)
    _heed_window_run_query (self);
  else if (first != NULL)
    on_view_list_row_activated_cb (self, first);
  gtk_stack_set_visible_child_name (self->main_stack, "practice");
  _heed_window_update_header (self);

  if (heed_store_is_read_only (self->store) && heed_store_get_lock_holder (self->store) != NULL)
    {
      g_autofree char *who = heed_lock_holder_describe (heed_store_get_lock_holder (self->store));
      g_autofree char *text = g_strdup_printf (_("Open read-only: the practice is in use by %s."),
                                               who);

      _heed_window_show_problem (self, text);
    }
  else
    _heed_window_offer_drafts (self);
  _heed_window_schedule_backup (self);
}

void
_heed_window_show_welcome (HeedWindow *self,
              const char *title,
              const char *description)
{
  adw_status_page_set_icon_name (self->status_page, title != NULL ? "dialog-warning-symbolic"
                                                                  : "io.github.heedapp.Heed");
  adw_status_page_set_title (self->status_page, title != NULL ? title : _("Welcome to Heed"));
  if (description != NULL)
    adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

#define N_RECENT_PRACTICES 10

/* What is remembered is the text shown for the practice: a server's never has its password. */
static void
remember_practice (HeedWindow *self)
{
  const char *shown = heed_store_get_path (self->store);
  g_auto(GStrv) before = NULL;
  g_autoptr(GStrvBuilder) recent = g_strv_builder_new ();
  g_auto(GStrv) after = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "last-practice", shown);
  before = g_settings_get_strv (self->settings, "recent-practices");
  g_strv_builder_add (recent, shown);
  for (guint i = 0; before[i] != NULL && n < N_RECENT_PRACTICES; i++)
    if (g_strcmp0 (before[i], shown) != 0)
      {
        g_strv_builder_add (recent, before[i]);
        n++;
      }
  after = g_strv_builder_end (recent);
  g_settings_set_strv (self->settings, "recent-practices", (const char * const *) after);
}

/* The server connected to last, to offer again in Connect to a Practice Server…. */
HeedLocation *
_heed_window_dup_recent_server (HeedWindow *self)
{
  g_auto(GStrv) recent = NULL;

  if (self->settings == NULL)
    return NULL;
  recent = g_settings_get_strv (self->settings, "recent-practices");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(HeedLocation) location = heed_location_parse (recent[i], NULL);

      if (location != NULL && heed_location_is_server (location))
        return g_steal_pointer (&location);
    }
  return NULL;
}


void
_heed_window_use_store (HeedWindow *self,
           HeedStore  *store)
{
  g_autofree char *anchors = heed_anchor_log_dup_default ();

  g_clear_object (&self->store);
  self->store = store;
  /* The trail's head goes to the anchor log when the practice is closed after a change. */
  heed_store_set_anchor_log (store, anchors);
  g_signal_connect_object (store, "case-added", G_CALLBACK (_heed_window_run_query), self, G_CONNECT_SWAPPED);
  remember_practice (self);
  _heed_window_show_store (self);
}

gboolean
heed_window_open_path (HeedWindow *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  HeedStore *store;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store != NULL && !_heed_window_leave_case (self))
    return FALSE;
  _heed_window_finish_deleting (self);
  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY_IF_LOCKED, &error);
  if (store == NULL)
    {
      /* The core's own words: they say what is wrong and what to do. */
      _heed_window_show_welcome (self, _("This Practice Cannot Be Opened"), error->message);
      return FALSE;
    }
  _heed_window_use_store (self, store);
  return TRUE;
}

/* Opens a practice on a server, given as the text shown for it, with the password libpq
 * finds itself or the keyring keeps; without either, Connect to a Practice Server… asks. */
gboolean
heed_window_open_server (HeedWindow *self,
                         const char *shown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLocation) location = NULL;
  g_autoptr(HeedLocation) signing_in = NULL;
  g_autofree char *kept = NULL;
  HeedStore *store;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (shown != NULL, FALSE);

  if (self->store != NULL && !_heed_window_leave_case (self))
    return FALSE;
  _heed_window_finish_deleting (self);
  location = heed_location_parse (shown, &error);
  if (location != NULL && !heed_location_has_password (location))
    kept = heed_server_keyring_lookup (location);
  if (kept != NULL)
    {
      signing_in = heed_location_dup_with_password (location, kept);
      memset (kept, 0, strlen (kept));
    }
  store = location == NULL ? NULL
                           : heed_store_open_location (signing_in != NULL ? signing_in
                                                                          : location,
                                                       HEED_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      _heed_window_show_welcome (self, _("The Practice Server Cannot Be Reached"),
                                 error->message);
      return FALSE;
    }
  _heed_window_use_store (self, store);
  return TRUE;
}

/* Opens the practice of last time, or shows the welcome page. */
void
heed_window_open_last (HeedWindow *self)
{
  g_autofree char *last = NULL;

  g_return_if_fail (HEED_IS_WINDOW (self));

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-practice");
  if (last == NULL || last[0] == '\0')
    _heed_window_show_welcome (self, NULL, NULL);
  else if (g_str_has_prefix (last, "postgresql:") || g_str_has_prefix (last, "postgres:"))
    heed_window_open_server (self, last);
  else if (g_file_test (last, G_FILE_TEST_EXISTS))
    heed_window_open_path (self, last);
  else
    _heed_window_show_welcome (self, NULL, NULL);
}

GListModel *
heed_window_get_case_model (HeedWindow *self)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), NULL);
  return self->model != NULL ? G_LIST_MODEL (self->model) : NULL;
}

HeedStore *
heed_window_get_store (HeedWindow *self)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), NULL);
  return self->store;
}

gint64
heed_window_get_n_cases (HeedWindow *self)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), -1);
  return self->store != NULL ? self->n_cases : -1;
}

static void
on_search_entry_activate_cb (HeedWindow *self)
{
  /* Enter in the search goes to the first result. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    on_case_view_activate_cb (self, 0);
}

static gboolean
on_close_request_cb (GtkWindow *window,
                     gpointer   user_data)
{
  HeedWindow *self = HEED_WINDOW (window);

  /* Unsaved typing is already kept as a draft; saving here only spares the question later. */
  if (self->store != NULL)
    _heed_window_leave_case (self);
  _heed_window_finish_deleting (self);

  /* The size it had, for next time. */
  if (self->settings != NULL)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }
  return FALSE;
}

static void
heed_window_dispose (GObject *object)
{
  HeedWindow *self = HEED_WINDOW (object);

  g_clear_handle_id (&self->backup_source, g_source_remove);
  _heed_window_finish_people (self);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->case_view), self->reveal_tick);
  self->reveal_tick = 0;
  /* The list's model goes first: disposing the column view changes its sorter. */
  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->subject_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (heed_window_parent_class)->dispose (object);
}

static void
heed_window_class_init (HeedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_window_dispose;

  g_assert (heed_ui_get_resource () != NULL);
  g_type_ensure (HEED_TYPE_CASE_PAGE);
  g_type_ensure (HEED_TYPE_TIMELINE_VIEW);
  g_type_ensure (HEED_TYPE_ACTIONS_PAGE);
  g_type_ensure (HEED_TYPE_REPORT_PAGE);
  g_type_ensure (HEED_TYPE_PUBLICITY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/heed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, phone_log_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, none_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, case_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, practice_timeline);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, actions_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, publicity_page);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, view_list);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, subject_filter);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, from_filter);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, to_filter);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, filter_problem);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, person_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, person_label);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, person_name_label);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, person_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, signed_out_title);
  gtk_widget_class_bind_template_child (widget_class, HeedWindow, signed_out_page);
  gtk_widget_class_bind_template_callback (widget_class, on_view_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_page_changed_cb);

  _heed_window_class_add_actions (widget_class);
  _heed_window_class_add_people_actions (widget_class);
}

static void
heed_window_init (HeedWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  self->n_cases = -1;
  self->view = HEED_CASE_VIEW_ATTENTION;
  build_views (self);
  /* Results while typing, with no pause: the store answers a search in tens of milliseconds
   * even at 100,000 cases, and keys typed while a list is being drawn arrive together and
   * make one search. (A pause of 40 ms made results come 60 ms later at that size.) */
  gtk_search_entry_set_search_delay (self->search_entry, 0);

  /* Without its schema (run from an unusual place) Heed still works, only forgetting. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
  _heed_window_init_actions (self);
  _heed_window_init_people (self);
}

HeedWindow *
heed_window_new (AdwApplication *application)
{
  HeedWindow *self = g_object_new (HEED_TYPE_WINDOW, "application", application, NULL);
  GtkShortcutsWindow *shortcuts;

  /* The keyboard shortcuts' window, which the application makes for each window. */
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (shortcuts != NULL)
    heed_accessible_name_all (GTK_WIDGET (shortcuts));
  return self;
}