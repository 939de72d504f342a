/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-actions-page.h"
#include "heed-case-item.h"
#include "heed-case-list-model.h"
#include "heed-case-page.h"
#include "heed-create-practice-dialog.h"
#include "heed-demo.h"
#include "heed-event.h"
#include "heed-feedback-dialog.h"
#include "heed-first-screen-model.h"
#include "heed-import-dialog.h"
#include "heed-letter-dialog.h"
#include "heed-phone-log-dialog.h"
#include "heed-preferences-window.h"
#include "heed-publicity-page.h"
#include "heed-record-dialog.h"
#include "heed-safe-output.h"
#include "heed-report-page.h"
#include "heed-template-editor.h"
#include "heed-timeline-view.h"
#include "heed-validate.h"
#include "heed-store.h"
#include "heed-ui-resources.h"
#include "heed-window.h"

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
};

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

static void
run_query (HeedWindow *self)
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
static void update_header (HeedWindow *self);

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
  run_query (self);
  update_header (self);
}

static void
on_search_entry_search_changed_cb (HeedWindow *self)
{
  run_query (self);
}

static void
on_filter_changed_cb (HeedWindow *self)
{
  run_query (self);
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
  update_header (self);
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
  run_query (self);
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

static void
update_header (HeedWindow *self)
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
  update_header (self);
}

static void
on_case_page_changed_cb (HeedWindow *self)
{
  update_header (self);
}

static void
show_problem (HeedWindow *self,
              const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_undo_status_cb (AdwToast   *toast,
                   HeedWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_undo_status_change (self->case_page, &error))
    {
      show_problem (self, error->message);
      return;
    }
  heed_case_list_model_refresh (self->model, NULL);
  update_header (self);
}

static void
on_case_page_status_changed_cb (HeedWindow *self,
                                const char *from,
                                const char *to)
{
  HeedCase *kase = heed_case_page_get_case (self->case_page);
  g_autofree char *text = g_strdup_printf (_("%s is now %s"), heed_case_get_reference (kase),
                                           heed_case_status_get_label (to));
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_status_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  heed_case_list_model_refresh (self->model, NULL);
  update_header (self);
}

/* Deletes the draft put aside for deletion, once Undo can no longer be pressed. */
static void
finish_deleting (HeedWindow *self)
{
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->deleting_id;

  if (id == 0 || self->store == NULL)
    return;
  self->deleting_id = 0;
  kase = heed_store_load (self->store, HEED_TYPE_CASE, id, &error);
  if (kase == NULL || !heed_store_delete_draft (self->store, kase, &error))
    show_problem (self, error->message);
  run_query (self);
}

static void
on_delete_toast_dismissed_cb (AdwToast   *toast,
                              HeedWindow *self)
{
  finish_deleting (self);
}

static void
on_undo_delete_cb (AdwToast   *toast,
                   HeedWindow *self)
{
  self->deleting_id = 0;
  run_query (self);
}

static void
on_case_page_delete_draft_cb (HeedWindow *self,
                              gint64      case_id)
{
  AdwToast *toast;

  finish_deleting (self);
  self->deleting_id = case_id;
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  update_header (self);
  run_query (self);
  toast = adw_toast_new (_("Draft deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb), self,
                           0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_case_page_problem_cb (HeedWindow *self,
                         const char *message)
{
  show_problem (self, message);
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
  update_header (self);
}

/* The earliest year with feedback, for the years a report is offered for. */
static int
earliest_year (HeedWindow *self)
{
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(HeedCaseRow) row = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  query->newest_first = FALSE;
  ids = heed_store_query_case_ids (self->store, query, NULL);
  if (ids != NULL && ids->len > 0)
    row = heed_store_load_case_row (self->store, g_array_index (ids, gint64, 0), NULL);
  if (row != NULL && row->received != NULL)
    {
      year = (int) g_ascii_strtoll (row->received, NULL, 10);
      /* Financial years start in April. */
      if (strlen (row->received) >= 7 && strncmp (row->received + 5, "04", 2) < 0)
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
  update_header (self);
}

/* What went wrong on a page (saving the publicity as PDF), until it is dismissed. */
static void
show_problem_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_problem (HEED_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A case chosen on another page (an action of its action plan): win.show-case. */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  heed_window_show_case (HEED_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
on_timeline_case_activated_cb (HeedWindow *self,
                               gint64      case_id)
{
  heed_window_show_case (self, case_id);
}

/* An attachment opens in the program the computer uses for its type, from a private copy
 * that never leaves this computer. */
static void
on_attachment_activated_cb (HeedWindow *self,
                            gint64      attachment_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "heed", "attachments", NULL);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *safe = NULL;
  g_autoptr(GBytes) data = heed_store_dup_attachment (self->store, attachment_id, &filename,
                                                      NULL, &error);

  if (data == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  safe = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", attachment_id,
                          filename != NULL ? filename : "attachment");
  g_strdelimit (safe, "/\\", '-');
  path = g_build_filename (dir, safe, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !heed_safe_output_write_file (path, g_bytes_get_data (data, NULL),
                                       g_bytes_get_size (data), &error))
    {
      show_problem (self, error != NULL ? error->message : g_strerror (errno));
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    show_problem (self, error->message);
}

gboolean
heed_window_show_case (HeedWindow *self,
                       gint64      case_id)
{
  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);

  if (self->store == NULL || !heed_case_page_set_case (self->case_page, self->store, case_id))
    return FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "case");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  update_header (self);
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
static gboolean
leave_case (HeedWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_get_changed (self->case_page))
    return TRUE;
  if (heed_case_page_save (self->case_page, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Changes saved")));
      return TRUE;
    }
  show_problem (self, error->message);
  return FALSE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    {
      if (!leave_case (self))
        return;
      gtk_stack_set_visible_child_name (self->content_stack, "list");
      heed_case_list_model_refresh (self->model, NULL);
      update_header (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
      return;
    }
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
save_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_save (self->case_page, &error))
    {
      show_problem (self, error->message);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Changes saved")));
  heed_case_list_model_refresh (self->model, NULL);
  update_header (self);
}

static void
on_entry_added_cb (HeedWindow *self)
{
  heed_window_show_case (self, heed_record_get_id (HEED_RECORD (heed_case_page_get_case (self->case_page))));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Entry added")));
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  static const char *const entry_fields[] = {
    "kind", "occurred-at", "staff", "summary", "detail", NULL
  };
  HeedWindow *self = HEED_WINDOW (widget);
  HeedCase *kase = heed_case_page_get_case (self->case_page);
  g_autoptr(HeedEvent) event = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:00");
  HeedRecordDialog *dialog;

  if (kase == NULL || self->store == NULL)
    return;
  event = g_object_new (HEED_TYPE_EVENT, NULL);
  heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE,
                       heed_record_get_id (HEED_RECORD (kase)));
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND, "note");
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, at);
  dialog = heed_record_dialog_new (GTK_WINDOW (self), self->store, HEED_RECORD (event),
                                   _("Add an Entry"), _("_Add"), entry_fields);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_entry_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_letter_sent_cb (HeedWindow *self,
                   const char *title)
{
  g_autofree char *text = g_strdup_printf (_("%s sent and kept with the case"), title);

  heed_window_show_case (self, heed_record_get_id (HEED_RECORD (heed_case_page_get_case (self->case_page))));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The letter a case most likely needs next. */
static const char *
suggested_letter (HeedCase *kase)
{
  const char *status = heed_case_get_status (kase);

  if (g_strcmp0 (heed_case_get_kind (kase), "compliment") == 0)
    return "compliment-thanks";
  if (g_strcmp0 (status, "logged") == 0)
    return "acknowledgement";
  return "final-response";
}

static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedCase *kase = heed_case_page_get_case (self->case_page);
  g_autoptr(GError) error = NULL;
  HeedLetterDialog *dialog;

  if (kase == NULL || self->store == NULL)
    return;
  /* The letter is made from the case as saved. */
  if (heed_case_page_get_changed (self->case_page) && !heed_case_page_save (self->case_page, &error))
    {
      show_problem (self, error->message);
      return;
    }
  dialog = heed_letter_dialog_new (GTK_WINDOW (self), self->store,
                                   heed_record_get_id (HEED_RECORD (kase)),
                                   suggested_letter (kase));
  g_signal_connect_object (dialog, "sent", G_CALLBACK (on_letter_sent_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->subject_filter, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_filter), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_filter), "");
  run_query (self);
}

static void
offer_drafts (HeedWindow *self);
static gboolean back_up_if_due_cb (gpointer user_data);

static void
show_store (HeedWindow *self)
{
  g_autofree char *name = heed_store_dup_setting (self->store, "name");
  g_autofree char *basename = g_path_get_basename (heed_store_get_path (self->store));

  self->n_cases = heed_store_count_cases (self->store, NULL, NULL);
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

  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  self->model = heed_case_list_model_new (self->store);
  self->shown_rows = heed_first_screen_model_new (G_LIST_MODEL (self->model), FIRST_SCREEN_ROWS);
  show_first_screen_of_rows (self);
  {
    g_autoptr(GtkSingleSelection) selection =
      gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown_rows)));

    /* A selection that follows its item through a change of list reads every new item to
     * find it: 100,000 rows from the file. The list starts unselected instead. */
    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_column_view_set_model (self->case_view, GTK_SELECTION_MODEL (selection));
  }
  self->filling = TRUE;
  fill_filters (self);
  gtk_list_box_select_row (self->view_list, gtk_list_box_get_row_at_index (self->view_list, 0));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  run_query (self);
  gtk_stack_set_visible_child_name (self->main_stack, "practice");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.phone-log",
                                 !heed_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-feedback",
                                 !heed_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-table",
                                 !heed_store_is_read_only (self->store));
  update_header (self);

  if (heed_store_is_read_only (self->store) && heed_store_get_lock_holder (self->store) != NULL)
    {
      g_autofree char *who = heed_lock_holder_describe (heed_store_get_lock_holder (self->store));
      g_autofree char *text = g_strdup_printf (_("Open read-only: the practice is in use by %s."),
                                               who);

      show_problem (self, text);
    }
  else
    offer_drafts (self);
  /* A second after opening, so the window is there first. */
  g_clear_handle_id (&self->backup_source, g_source_remove);
  self->backup_source = g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, back_up_if_due_cb, self,
                                                    NULL);
}

typedef struct {
  char  *path;
  char  *folder;
  guint  keep;
} AutoBackup;

static void
auto_backup_free (gpointer data)
{
  AutoBackup *job = data;

  g_free (job->path);
  g_free (job->folder);
  g_free (job);
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  AutoBackup *job = task_data;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *written = NULL;

  store = heed_store_open (job->path, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL
      || !heed_store_backup_to_folder (store, job->folder, job->keep, &written, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, written, g_free);
}

static void
on_auto_backup_done_cb (GObject      *source,
                        GAsyncResult *res,
                        gpointer      user_data)
{
  HeedWindow *self = HEED_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (res), &error);

  if (written == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The automatic backup was not made: %s"),
                                               error->message);

      show_problem (self, text);
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Backed up and checked")));
}

/* Automatic backups: when the practice is opened, if the last backup in the chosen folder is
 * older than the interval set in Preferences. It runs once the window is on screen. */
static gboolean
back_up_if_due_cb (gpointer user_data)
{
  HeedWindow *self = user_data;
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GTask) task = NULL;
  AutoBackup *job;
  int interval;

  self->backup_source = 0;
  if (self->store == NULL || self->settings == NULL || heed_store_is_read_only (self->store))
    return G_SOURCE_REMOVE;
  interval = g_settings_get_int (self->settings, "backup-interval-days");
  folder = g_settings_get_string (self->settings, "backup-folder");
  if (interval <= 0 || folder[0] == '\0')
    return G_SOURCE_REMOVE;

  backups = heed_store_list_backups (self->store, folder, NULL);
  if (backups != NULL && backups->len > 0)
    {
      g_autoptr(GFile) newest = g_file_new_for_path (g_ptr_array_index (backups,
                                                                        backups->len - 1));
      g_autoptr(GFileInfo) info = g_file_query_info (newest, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) made = info != NULL ? g_file_info_get_modification_date_time (info)
                                               : NULL;

      if (made != NULL && g_date_time_difference (now, made) < interval * G_TIME_SPAN_DAY)
        return G_SOURCE_REMOVE;
    }

  /* The copy is checked through (the database and the whole trail), which at 100,000 cases
   * takes seconds: it is made on its own connection in a worker thread. */
  job = g_new0 (AutoBackup, 1);
  job->path = g_strdup (heed_store_get_path (self->store));
  job->folder = g_steal_pointer (&folder);
  job->keep = (guint) g_settings_get_int (self->settings, "backup-keep");
  task = g_task_new (self, NULL, on_auto_backup_done_cb, NULL);
  g_task_set_source_tag (task, back_up_if_due_cb);
  g_task_set_task_data (task, job, auto_backup_free);
  g_task_run_in_thread (task, auto_backup_thread);
  return G_SOURCE_REMOVE;
}

static void
show_welcome (HeedWindow *self,
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

static void
remember_practice (HeedWindow *self)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-practice", heed_store_get_path (self->store));
}

static void
use_store (HeedWindow *self,
           HeedStore  *store)
{
  g_autofree char *anchors = heed_anchor_log_dup_default ();

  g_clear_object (&self->store);
  self->store = store;
  /* The trail's head goes to the anchor log when the practice is closed after a change. */
  heed_store_set_anchor_log (store, anchors);
  g_signal_connect_object (store, "case-added", G_CALLBACK (run_query), self, G_CONNECT_SWAPPED);
  remember_practice (self);
  show_store (self);
}

gboolean
heed_window_open_path (HeedWindow *self,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  HeedStore *store;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->store != NULL && !leave_case (self))
    return FALSE;
  finish_deleting (self);
  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY_IF_LOCKED, &error);
  if (store == NULL)
    {
      /* The core's own words: they say what is wrong and what to do. */
      show_welcome (self, _("This Practice Cannot Be Opened"), error->message);
      return FALSE;
    }
  use_store (self, store);
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
  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    heed_window_open_path (self, last);
  else
    show_welcome (self, NULL, NULL);
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
on_native_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  HeedWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL && g_file_peek_path (file) != NULL)
        heed_window_open_path (self, g_file_peek_path (file));
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open Practice"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Heed practice files"));
  gtk_file_filter_add_mime_type (filter, "application/x-heed-practice");
  gtk_file_filter_add_pattern (filter, "*.heed");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_native_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_practice_created_cb (HeedWindow *self,
                        HeedStore  *store)
{
  use_store (self, g_object_ref (store));
}

static void
create_practice_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedCreatePracticeDialog *dialog = heed_create_practice_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "created", G_CALLBACK (on_practice_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The demo practice lives with Heed's own data, made the first time it is asked for. */
static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "heed", NULL);
  g_autofree char *path = g_build_filename (dir, "demo-practice.heed", NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(HeedStore) store = NULL;
      HeedDemoOptions options;

      heed_demo_options_init (&options);
      options.n_cases = 300;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_autofree char *text = g_strdup_printf (_("The demo practice cannot be made in %s: %s"),
                                                   dir, g_strerror (errno));

          show_welcome (self, _("No Demo Practice"), text);
          return;
        }
      store = heed_store_create (path, _("Example Lane Surgery"), HEED_NATION_ENGLAND, &error);
      if (store == NULL || !heed_demo_fill (store, &options, &error))
        {
          show_welcome (self, _("No Demo Practice"), error->message);
          return;
        }
    }
  heed_window_open_path (self, path);
}

static void
on_feedback_saved_cb (HeedWindow *self,
                      HeedCase   *kase)
{
  g_autofree char *text = g_strdup_printf (_("Saved %s"), heed_case_get_reference (kase));

  run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static HeedFeedbackDialog *
present_feedback_dialog (HeedWindow    *self,
                         const char    *kind,
                         HeedFormDraft *draft)
{
  HeedFeedbackDialog *dialog = heed_feedback_dialog_new (GTK_WINDOW (self), self->store, kind,
                                                         draft);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_feedback_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_import_finished_cb (HeedWindow *self,
                       guint       n_cases,
                       const char *source)
{
  g_autofree char *text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u case from %s",
                                  "Imported %u cases from %s", n_cases),
                     n_cases, source);

  run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Import a Spreadsheet…, with @file already chosen when not NULL. */
static HeedImportDialog *
present_import_dialog (HeedWindow *self,
                       GFile      *file)
{
  HeedImportDialog *dialog = heed_import_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_finished_cb), self,
                           G_CONNECT_SWAPPED);
  if (file != NULL)
    heed_import_dialog_set_file (dialog, file, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->store == NULL || heed_store_is_read_only (self->store))
    return;
  present_import_dialog (self, NULL);
}

gboolean
heed_window_open_email (HeedWindow  *self,
                        GFile       *file,
                        GError     **error)
{
  g_autofree char *path = NULL;
  HeedEmail *email;
  HeedFeedbackDialog *dialog;

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL || heed_store_is_read_only (self->store))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                   _("Open a practice you can change first."));
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Save the email to a folder first, then drop the saved file."));
      return FALSE;
    }
  email = heed_email_read (path, error);
  if (email == NULL)
    return FALSE;
  dialog = heed_feedback_dialog_new_for_email (GTK_WINDOW (self), self->store, email);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_feedback_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_window_drop_cb (GtkDropTarget *target,
                   const GValue  *value,
                   double         x,
                   double         y,
                   HeedWindow    *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->store == NULL)
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

      /* An email opens a new complaint for reception to check; a spreadsheet, the import. */
      if (g_str_has_suffix (lower, ".eml"))
        {
          if (!heed_window_open_email (self, l->data, &error))
            show_problem (self, error->message);
        }
      else if ((g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".xlsx")
                || g_str_has_suffix (lower, ".ods") || g_str_has_suffix (lower, ".tsv"))
               && !heed_store_is_read_only (self->store))
        present_import_dialog (self, l->data);
      else
        show_problem (self, _("Drop an email (.eml) to log it as a complaint, or a spreadsheet "
                              "(.csv, .xlsx, .ods) to import it."));
    }
  g_slist_free (files);
  return TRUE;
}

static void
new_feedback_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->store == NULL)
    return;
  present_feedback_dialog (self, g_variant_get_string (parameter, NULL), NULL);
}

static void
on_phone_log_logged_cb (HeedWindow *self,
                        HeedCase   *kase);

static GtkWindow *
present_draft (HeedWindow    *self,
               HeedFormDraft *draft)
{
  if (g_strcmp0 (draft->form, "phone-log") == 0)
    {
      HeedPhoneLogDialog *dialog = heed_phone_log_dialog_new_from_draft (GTK_WINDOW (self),
                                                                         self->store, draft);

      g_signal_connect_object (dialog, "logged", G_CALLBACK (on_phone_log_logged_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return GTK_WINDOW (dialog);
    }
  return GTK_WINDOW (present_feedback_dialog (self, NULL, draft));
}

static void
on_carry_on_cb (AdwToast   *toast,
                HeedWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "heed-draft"));
  g_autoptr(GPtrArray) drafts = heed_store_list_form_drafts (self->store, NULL, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);

      if (draft->id == id)
        present_draft (self, draft);
    }
}

/* Typing kept from a session that ended without saving (a crash, a power cut) is offered
 * back, newest first. A case's own edits come back when the case is opened. */
static void
offer_drafts (HeedWindow *self)
{
  g_autoptr(GPtrArray) drafts = heed_store_list_form_drafts (self->store, NULL, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *text = NULL;
      AdwToast *toast;

      if (g_strcmp0 (draft->os_user, g_get_user_name ()) != 0
          || g_strcmp0 (draft->form, "case") == 0)
        continue;
      text = g_strdup_printf (_("Unsaved: %s"), draft->title[0] != '\0' ? draft->title
                                                                       : _("new feedback"));
      toast = adw_toast_new (text);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Carry On"));
      g_object_set_data (G_OBJECT (toast), "heed-draft", GSIZE_TO_POINTER ((gsize) draft->id));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_carry_on_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

GtkWindow *
heed_window_resume_draft (HeedWindow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (HEED_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  drafts = heed_store_list_form_drafts (self->store, NULL, NULL);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (draft->form, "case") == 0)
        continue;
      return present_draft (self, draft);
    }
  return NULL;
}

static void
on_phone_log_logged_cb (HeedWindow *self,
                        HeedCase   *kase)
{
  g_autofree char *text = g_strdup_printf (_("Logged %s"), heed_case_get_reference (kase));

  run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
phone_log_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedPhoneLogDialog *dialog;

  if (self->store == NULL)
    return;
  if (heed_store_is_read_only (self->store))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This practice is open read-only.")));
      return;
    }
  dialog = heed_phone_log_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (on_phone_log_logged_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name and the nation may have changed: the title and the deadlines follow. */
static void
on_preferences_closed_cb (HeedWindow *self)
{
  g_autofree char *name = heed_store_dup_setting (self->store, "name");

  adw_window_title_set_title (self->window_title, name != NULL ? name : _("Heed"));
  gtk_window_set_title (GTK_WINDOW (self), name != NULL ? name : _("Heed"));
  run_query (self);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  HeedPreferencesWindow *preferences;

  if (self->store == NULL)
    return;
  preferences = heed_preferences_window_new (GTK_WINDOW (self), self->store, self->settings);
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (on_preferences_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Puts a backup in place of the practice file. The file as it is now is first copied beside
 * it, so a restore chosen by mistake loses nothing either. */
gboolean
heed_window_restore_backup (HeedWindow  *self,
                            const char  *backup,
                            GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (HEED_IS_WINDOW (self), FALSE);

  if (self->store == NULL || heed_store_is_read_only (self->store))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                   _("Open the practice so that it can be changed before restoring a backup."));
      return FALSE;
    }
  if (!leave_case (self))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("Put the case right and save it before restoring a backup."));
      return FALSE;
    }
  /* A backup that fails its check is refused before anything is closed or copied. */
  if (!heed_store_check_backup (backup, error))
    return FALSE;
  path = g_strdup (heed_store_get_path (self->store));
  kept = g_strdup_printf ("%s.before-restore-%s.heed", path, stamp);
  /* Kept as it is: a damaged practice is what a restore is most often for. */
  if (!heed_store_keep_copy (self->store, kept, error))
    return FALSE;

  /* The file must be closed to be replaced. */
  finish_deleting (self);
  gtk_column_view_set_model (self->case_view, NULL);
  g_clear_object (&self->shown_rows);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  if (!heed_store_restore (backup, path, TRUE, error))
    {
      heed_window_open_path (self, path);
      return FALSE;
    }
  if (!heed_window_open_path (self, path))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The backup was put in place but cannot be opened."));
      return FALSE;
    }
  /* Put in place on purpose: what the anchor log holds beyond its end is set aside. */
  {
    g_autofree char *anchors = heed_anchor_log_dup_default ();

    heed_store_write_anchor (self->store, anchors, "restore", NULL, NULL);
  }
  return TRUE;
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        HeedWindow       *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "heed-backup");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!heed_window_restore_backup (self, backup, &error))
    show_problem (self, error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Restored; the file as it was is kept beside "
                                                  "it")));
}

static void
on_backup_chosen_cb (GtkNativeDialog *native,
                     int              response,
                     HeedWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      if (file == NULL || g_file_peek_path (file) == NULL)
        {
          g_object_unref (native);
          return;
        }
      body = g_strdup_printf (_("The practice file will be replaced by “%s”. Anything recorded "
                                "since that backup will be missing from it; the file as it is "
                                "now is kept beside it."),
                              name);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "restore", _("_Restore"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "heed-backup",
                              g_strdup (g_file_peek_path (file)), g_free);
      g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), self);
      heed_accessible_name_all (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (native);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Restore From a Backup"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Heed practice files"));
  gtk_file_filter_add_pattern (filter, "*.heed");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_backup_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The integrity of the file and the unbroken audit trail, checked and said plainly. At
 * 100,000 cases the check takes seconds, so it reads the file on its own connection in a
 * worker thread and the window stays usable meanwhile. It compares the trail with the
 * backups in the backup folder and with the anchor log, and says what it compared with. */
typedef struct {
  char *path;
  char *folder;   /* the backup folder, or NULL */
} CheckRequest;

typedef struct {
  gboolean  ok;
  char     *report;
  char     *problem;
  char     *clean_backup;
  gboolean  looked_for_backups;
} CheckResult;

static void
check_request_free (gpointer data)
{
  CheckRequest *request = data;

  g_free (request->path);
  g_free (request->folder);
  g_free (request);
}

static void
check_result_free (gpointer data)
{
  CheckResult *result = data;

  g_free (result->report);
  g_free (result->problem);
  g_free (result->clean_backup);
  g_free (result);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckRequest *request = task_data;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GPtrArray) older = g_ptr_array_new ();
  g_autofree char *anchors = heed_anchor_log_dup_default ();
  CheckResult *result = g_new0 (CheckResult, 1);
  HeedCheckOptions options = { 0 };

  store = heed_store_open (request->path, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    {
      /* Each backup kept is an older copy the trail must extend unchanged; one that cannot be
       * read is left out, and the report says so. */
      if (request->folder != NULL)
        backups = heed_store_list_backups (store, request->folder, NULL);
      for (guint i = 0; backups != NULL && i < backups->len; i++)
        g_ptr_array_add (older, g_ptr_array_index (backups, i));
      g_ptr_array_add (older, NULL);
      options.older = (const char *const *) older->pdata;
      options.anchor_log = anchors;
      options.is_practice = TRUE;
      options.skip_unreadable = TRUE;
      result->ok = heed_store_check_with (store, &options, report, &error);
      if (!result->ok && request->folder != NULL)
        {
          result->looked_for_backups = TRUE;
          result->clean_backup = heed_store_find_clean_backup (store, request->folder);
        }
    }
  result->report = g_string_free (g_steal_pointer (&report), FALSE);
  result->problem = error != NULL ? g_strdup (error->message) : NULL;
  g_task_return_pointer (task, result, check_result_free);
}

static void
on_check_done_cb (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  HeedWindow *self = HEED_WINDOW (source);
  CheckResult *result = g_task_propagate_pointer (G_TASK (res), NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check", TRUE);
  if (result == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   result->ok ? _("The Practice File Is Sound")
                                              : _("The Practice File Has Problems"),
                                   NULL);
  if (result->ok)
    g_string_append (body, _("The database is intact and every change is in the audit trail, "
                             "unbroken, as Heed made it."));
  else if (result->problem != NULL)
    g_string_append (body, result->problem);
  if (result->report[0] != '\0')
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, result->report);
    }
  if (!result->ok && result->clean_backup != NULL)
    g_string_append_printf (body, _("\nThe newest backup that checks clean is %s."),
                            result->clean_backup);
  else if (!result->ok && result->looked_for_backups)
    g_string_append (body, _("\nNo backup in the backup folder checks clean."));
  else if (!result->ok)
    g_string_append (body, _("\nNo backup was found: choose a backup folder in Preferences."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  heed_accessible_name_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  check_result_free (result);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  CheckRequest *request;

  if (self->store == NULL)
    return;
  gtk_widget_action_set_enabled (widget, "win.check", FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Checking the practice file…")));
  request = g_new0 (CheckRequest, 1);
  request->path = g_strdup (heed_store_get_path (self->store));
  if (self->settings != NULL)
    {
      request->folder = g_settings_get_string (self->settings, "backup-folder");
      if (request->folder[0] == '\0')
        g_clear_pointer (&request->folder, g_free);
    }
  task = g_task_new (self, NULL, on_check_done_cb, NULL);
  g_task_set_source_tag (task, check_action);
  g_task_set_task_data (task, request, check_request_free);
  g_task_run_in_thread (task, check_thread);
}

/* The search index made again from the cases, when the check found it wrong. */
static void
rebuild_index_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!heed_store_rebuild_search_index (self->store, &error))
    {
      show_problem (self, error->message);
      return;
    }
  run_query (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The search index was rebuilt")));
}

/* The letter templates, previewed on the case open now or else the newest complaint, so the
 * preview is a real letter of this practice. */
static void
templates_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GArray) ids = NULL;
  HeedCase *shown = heed_case_page_get_case (self->case_page);
  gint64 sample = 0;

  if (self->store == NULL)
    return;
  query->newest_first = TRUE;
  query->kind = g_strdup ("complaint");
  ids = heed_store_query_case_ids (self->store, query, NULL);
  if (shown != NULL)
    sample = heed_record_get_id (HEED_RECORD (shown));
  else if (ids != NULL && ids->len > 0)
    sample = g_array_index (ids, gint64, 0);
  gtk_window_present (GTK_WINDOW (heed_template_editor_new (GTK_WINDOW (self), self->store,
                                                            sample)));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HeedWindow *self = HEED_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_stack_set_visible_child_name (self->content_stack, "list");
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  update_header (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
    leave_case (self);
  finish_deleting (self);

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
  gtk_widget_class_bind_template_callback (widget_class, on_view_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_case_page_status_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.create-practice", NULL,
                                   create_practice_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.phone-log", NULL, phone_log_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.phone-log", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-feedback", "s", new_feedback_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-feedback",
                                       "s", "complaint");
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.save-case", NULL, save_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save-case", NULL);
  gtk_widget_class_install_action (widget_class, "win.add-entry", NULL, add_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.add-entry", NULL);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.write-letter", NULL, write_letter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.write-letter", NULL);
  gtk_widget_class_install_action (widget_class, "win.templates", NULL, templates_action);
  gtk_widget_class_install_action (widget_class, "win.show-case", "x", show_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-problem", "s", show_problem_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "win.rebuild-index", NULL,
                                   rebuild_index_action);
  gtk_widget_class_install_action (widget_class, "win.import-table", NULL, import_table_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL,
                                   clear_filters_action);
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

  g_signal_connect (self->case_page, "problem", G_CALLBACK (on_case_page_problem_cb), self);
  g_signal_connect_swapped (self->practice_timeline, "case-activated",
                            G_CALLBACK (on_timeline_case_activated_cb), self);
  g_signal_connect_swapped (self->report_page, "problem", G_CALLBACK (on_case_page_problem_cb),
                            self);
  g_signal_connect_swapped (self->practice_timeline, "attachment-activated",
                            G_CALLBACK (on_attachment_activated_cb), self);
  g_signal_connect_swapped (self->case_page, "attachment-activated",
                            G_CALLBACK (on_attachment_activated_cb), self);
  g_signal_connect_swapped (self->case_page, "delete-draft",
                            G_CALLBACK (on_case_page_delete_draft_cb), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.phone-log", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-feedback", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-case", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-entry", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-letter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-table", FALSE);
  {
    /* An email or a spreadsheet dropped on the window (a case takes an email itself). */
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (on_window_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
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
