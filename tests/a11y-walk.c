/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib-unix.h>
#include <stdio.h>
#include <string.h>

#include "heed-case-page.h"
#include "heed-case-query.h"
#include "heed-preferences-window.h"
#include "heed-report-page.h"
#include "heed-store.h"
#include "heed-window.h"

/* The window's every page and dialog, one after another, for tests/test-window-a11y.py to
 * read through AT-SPI as a screen reader would.
 *
 * Usage: a11y-walk PRACTICE.heed
 *
 * Each scene opens something (a view, a case's page, a dialog); when the window has settled the
 * program prints "SCENE name" on stdout and waits for a line on stdin before it closes what the
 * scene opened and goes on to the next. "END" follows the last scene. The main loop keeps
 * running while it waits, so that the accessibility bus gets its answers. */

typedef struct {
  AdwApplication *application;
  HeedWindow     *window;
  const char     *path;
  gint64          case_id;
  GPtrArray      *scenes; /* of Scene */
  guint           next;
  GPtrArray      *before; /* the toplevels shown before the scene */
  char           *buffer;
} Walk;

typedef struct {
  char *name;
  void (*open) (Walk *walk, gpointer data);
  gpointer       data;
  GDestroyNotify free_data;
  gboolean       opens_window;
} Scene;

static void
scene_free (gpointer data)
{
  Scene *scene = data;

  g_free (scene->name);
  if (scene->free_data != NULL)
    scene->free_data (scene->data);
  g_free (scene);
}

static void open_action (Walk *walk, gpointer data);
static void open_record_dialog (Walk *walk, gpointer data);
static void open_survey (Walk *walk, gpointer data);
static void open_reason_dialog (Walk *walk, gpointer data);
static void open_staff_dialog (Walk *walk, gpointer data);
static void open_preferences_page (Walk *walk, gpointer data);

static void
add_scene (Walk       *walk,
           const char *name,
           void (*open) (Walk *walk, gpointer data),
           gpointer       data,
           GDestroyNotify free_data)
{
  Scene *scene = g_new0 (Scene, 1);

  scene->name = g_strdup (name);
  scene->open = open;
  scene->data = data;
  scene->free_data = free_data;
  /* A dialog, which must then be there to be read. */
  scene->opens_window = open == open_action || open == open_record_dialog || open == open_survey
                        || open == open_reason_dialog || open == open_staff_dialog
                        || open == open_preferences_page;
  g_ptr_array_add (walk->scenes, scene);
}

static GtkWidget *
child_of (gpointer widget, GType type, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

/* Every widget under @root that @test accepts, depth first. */
static void
collect (GtkWidget *root, gboolean (*test) (GtkWidget *widget), GPtrArray *found)
{
  if (test (root))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, test, found);
}

static gboolean
is_record_list_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "heed-list") != NULL;
}

static gboolean
is_survey_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), "record-survey") == 0;
}

static gboolean
is_preferences_page (GtkWidget *widget)
{
  /* One of the window's own pages, not a page nested inside libadwaita's parts. */
  return ADW_IS_PREFERENCES_PAGE (widget) && ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget));
}

static void
open_welcome (Walk *walk, gpointer data)
{
}

static void
open_action (Walk *walk, gpointer data)
{
  const char *action = data;
  const char *target = strchr (action, ':');

  if (target != NULL)
    {
      g_autofree char *name = g_strndup (action, (gsize) (target - action));

      gtk_widget_activate_action (GTK_WIDGET (walk->window), name, "s", target + 1);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (walk->window), action, NULL);
}

static void
open_practice (Walk *walk, gpointer data)
{
  if (!heed_window_open_path (walk->window, walk->path))
    g_error ("The practice %s does not open", walk->path);
}

static void
open_view (Walk *walk, gpointer data)
{
  GtkListBox *views = GTK_LIST_BOX (child_of (walk->window, HEED_TYPE_WINDOW, "view_list"));

  gtk_list_box_select_row (views, gtk_list_box_get_row_at_index (views, GPOINTER_TO_INT (data)));
}

static void
open_filters (Walk *walk, gpointer data)
{
  open_view (walk, GINT_TO_POINTER (4));
  gtk_menu_button_popup (
    GTK_MENU_BUTTON (child_of (walk->window, HEED_TYPE_WINDOW, "filter_button")));
}

static void
open_report (Walk *walk, gpointer data)
{
  HeedReportPage *report =
    HEED_REPORT_PAGE (child_of (walk->window, HEED_TYPE_WINDOW, "report_page"));

  open_view (walk, GINT_TO_POINTER (7));
  if (GPOINTER_TO_INT (data) < 0)
    heed_report_page_show_ko41b (report);
  else
    heed_report_page_set_document (report, (HeedReportDocument) GPOINTER_TO_INT (data));
}

static HeedCasePage *
case_page (Walk *walk)
{
  return HEED_CASE_PAGE (child_of (walk->window, HEED_TYPE_WINDOW, "case_page"));
}

static void
open_case_page (Walk *walk, gpointer data)
{
  AdwViewStack *stack;

  if (!heed_window_show_case (walk->window, walk->case_id))
    g_error ("The case does not open");
  stack = ADW_VIEW_STACK (child_of (case_page (walk), HEED_TYPE_CASE_PAGE, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, data);
}

/* What the case page shows on its page @name. */
static GtkWidget *
case_page_child (Walk *walk, const char *name)
{
  AdwViewStack *stack =
    ADW_VIEW_STACK (child_of (case_page (walk), HEED_TYPE_CASE_PAGE, "view_stack"));

  return adw_view_stack_get_child_by_name (stack, name);
}

/* Opens the dialog of the @n-th button of the case page's @kind (a record list's add button or
 * the survey's) on its @page. */
static void
open_case_button (Walk *walk, const char *page, gboolean (*kind) (GtkWidget *widget), guint n)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  open_case_page (walk, (gpointer) page);
  collect (case_page_child (walk, page), kind, buttons);
  if (n >= buttons->len)
    g_error ("The case page has no button %u of that kind on %s", n, page);
  g_signal_emit_by_name (g_ptr_array_index (buttons, n), "clicked");
}

static void
open_record_dialog (Walk *walk, gpointer data)
{
  g_auto(GStrv) parts = g_strsplit (data, ":", 2);

  open_case_button (walk, parts[0], is_record_list_button,
                    (guint) g_ascii_strtoull (parts[1], NULL, 10));
}

static gboolean
is_withdraw_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), "withdrawn") == 0;
}

/* The question a status change with a reason asks (here, withdrawing the complaint). */
static void
open_reason_dialog (Walk *walk, gpointer data)
{
  open_case_button (walk, "overview", is_withdraw_button, 0);
}

static void
open_survey (Walk *walk, gpointer data)
{
  open_case_button (walk, "outcome", is_survey_button, 0);
}

static void
open_preferences_page (Walk *walk, gpointer data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GListModel *toplevels;

  gtk_widget_activate_action (GTK_WIDGET (walk->window), "win.preferences", NULL);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (HEED_IS_PREFERENCES_WINDOW (window))
        {
          collect (window, is_preferences_page, pages);
          if (GPOINTER_TO_UINT (data) >= pages->len)
            g_error ("The preferences have no page %u", GPOINTER_TO_UINT (data));
          adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window),
                                                   g_ptr_array_index (pages,
                                                                      GPOINTER_TO_UINT (data)));
        }
    }
}

/* A member of staff added from the preferences' Staff page. */
static void
open_staff_dialog (Walk *walk, gpointer data)
{
  GListModel *toplevels;

  open_preferences_page (walk, GUINT_TO_POINTER (1));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (HEED_IS_PREFERENCES_WINDOW (window))
        {
          gtk_widget_activate_action (window, "prefs.add-staff", NULL);
          break;
        }
    }
}

/* The count of widgets under the case page of @kind on @page, opening the case there. */
static guint
count_case_buttons (Walk *walk, const char *page, gboolean (*kind) (GtkWidget *widget))
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  open_case_page (walk, (gpointer) page);
  collect (case_page_child (walk, page), kind, buttons);
  return buttons->len;
}

static guint
count_preferences_pages (Walk *walk)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  HeedPreferencesWindow *preferences;

  preferences =
    heed_preferences_window_new (GTK_WINDOW (walk->window), heed_window_get_store (walk->window),
                                 g_settings_new ("io.github.heedapp.Heed"));
  collect (GTK_WIDGET (preferences), is_preferences_page, pages);
  gtk_window_destroy (GTK_WINDOW (preferences));
  return pages->len;
}

/* An open complaint: its pages have every list. */
static gint64
choose_case (HeedStore *store)
{
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GArray) ids = NULL;

  query->kind = g_strdup ("complaint");
  query->view = HEED_CASE_VIEW_OPEN;
  ids = heed_store_query_case_ids (store, query, NULL);
  if (ids == NULL || ids->len == 0)
    g_error ("The practice has no open complaint");
  return g_array_index (ids, gint64, 0);
}

static void
plan (Walk *walk)
{
  static const char *const kinds[] = { "complaint", "concern", "comment", "compliment" };
  static const char *const case_pages[] = { "overview", "timeline", "people", "details",
                                            "outcome" };
  static const struct {
    const char *name;
    int         document;
  } reports[] = {
    { "annual", HEED_REPORT_DOCUMENT_ANNUAL },
    { "cqc", HEED_REPORT_DOCUMENT_CQC },
    { "quarterly", HEED_REPORT_DOCUMENT_QUARTERLY },
    { "ko41b", -1 },
  };
  static const char *const view_names[] = { "needs-attention", "open",         "compliments",
                                            "closed",          "all-feedback", "action-plans",
                                            "timeline",        "reports",      "publicity" };
  guint                    n;

  add_scene (walk, "welcome", open_welcome, NULL, NULL);
  add_scene (walk, "create-practice-dialog", open_action, "win.create-practice", NULL);
  add_scene (walk, "connect-server-dialog", open_action, "win.connect-server", NULL);
  add_scene (walk, "practice", open_practice, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      g_autofree char *name = g_strconcat ("view-", view_names[i], NULL);

      add_scene (walk, name, open_view, GINT_TO_POINTER (i), NULL);
    }
  add_scene (walk, "filters", open_filters, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = g_strconcat ("report-", reports[i].name, NULL);

      add_scene (walk, name, open_report, GINT_TO_POINTER (reports[i].document), NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (case_pages); i++)
    {
      g_autofree char *name = g_strconcat ("case-", case_pages[i], NULL);

      add_scene (walk, name, open_case_page, (gpointer) case_pages[i], NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (case_pages); i++)
    {
      n = count_case_buttons (walk, case_pages[i], is_record_list_button);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *name = g_strdup_printf ("record-dialog-%s-%u", case_pages[i], j);

          add_scene (walk, name, open_record_dialog, g_strdup_printf ("%s:%u", case_pages[i], j),
                     g_free);
        }
    }
  if (count_case_buttons (walk, "outcome", is_survey_button) == 0)
    g_error ("The case has no survey button");
  add_scene (walk, "survey-dialog", open_survey, NULL, NULL);
  if (count_case_buttons (walk, "overview", is_withdraw_button) == 0)
    g_error ("The case cannot be withdrawn");
  add_scene (walk, "status-reason-dialog", open_reason_dialog, NULL, NULL);
  add_scene (walk, "add-entry-dialog", open_action, "win.add-entry", NULL);
  add_scene (walk, "letter-window", open_action, "win.write-letter", NULL);
  add_scene (walk, "template-editor", open_action, "win.templates", NULL);
  n = count_preferences_pages (walk);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("preferences-page-%u", i);

      add_scene (walk, name, open_preferences_page, GUINT_TO_POINTER (i), NULL);
    }
  add_scene (walk, "staff-dialog", open_staff_dialog, NULL, NULL);
  add_scene (walk, "phone-log", open_action, "win.phone-log", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strconcat ("form-", kinds[i], NULL);

      add_scene (walk, name, open_action, g_strconcat ("win.new-feedback:", kinds[i], NULL),
                 g_free);
    }
  add_scene (walk, "shortcuts", open_action, "win.show-help-overlay", NULL);
}

static void run_next (Walk *walk);

static gboolean
on_stdin_cb (gint fd, GIOCondition condition, gpointer user_data)
{
  Walk       *walk = user_data;
  char        c;
  gssize      n = read (fd, &c, 1);
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (n <= 0)
    {
      g_application_quit (G_APPLICATION (walk->application));
      return G_SOURCE_REMOVE;
    }
  if (c != '\n')
    return G_SOURCE_CONTINUE;

  /* Closes what the scene opened: the filters' popover, and any new window. */
  gtk_menu_button_popdown (
    GTK_MENU_BUTTON (child_of (walk->window, HEED_TYPE_WINDOW, "filter_button")));
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      /* The keyboard shortcuts belong to the window and are only hidden. */
      if (window == GTK_WINDOW (walk->window) || g_ptr_array_find (walk->before, window, NULL))
        continue;
      if (GTK_IS_SHORTCUTS_WINDOW (window))
        gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      else
        gtk_window_destroy (window);
    }
  run_next (walk);
  return G_SOURCE_CONTINUE;
}

/* GTK 4.8 tells assistive technologies that a widget is hidden only when it is hidden itself,
 * not when it sits on a stack's page not shown or in a window closed: say so for every widget
 * not on screen, so that the walk reads what a person can reach now. A widget shown later is
 * told again by GTK itself, and by the next scene here. */
static void
mark_unmapped (GtkWidget *widget)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN,
                               !gtk_widget_get_mapped (widget), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mark_unmapped (child);
}

static gboolean
settled_cb (gpointer user_data)
{
  Walk       *walk = user_data;
  Scene      *scene = g_ptr_array_index (walk->scenes, walk->next - 1);
  GListModel *toplevels = gtk_window_get_toplevels ();

  gboolean opened = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      mark_unmapped (window);
      if (!g_ptr_array_find (walk->before, window, NULL) && gtk_widget_get_mapped (window))
        opened = TRUE;
    }
  /* The walk would pass on a dialog that never opened: say so instead. */
  if (scene->opens_window && !opened)
    {
      printf ("MISSING %s\n", scene->name);
      fflush (stdout);
      return G_SOURCE_REMOVE;
    }

  printf ("SCENE %s\n", scene->name);
  fflush (stdout);
  return G_SOURCE_REMOVE;
}

static void
run_next (Walk *walk)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  Scene      *scene;

  if (walk->next >= walk->scenes->len)
    {
      printf ("END\n");
      fflush (stdout);
      return;
    }
  scene = g_ptr_array_index (walk->scenes, walk->next++);
  g_ptr_array_set_size (walk->before, 0);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (window))
        g_ptr_array_add (walk->before, g_object_ref (window));
    }
  scene->open (walk, scene->data);
  /* Long enough for pages drawn in idle callbacks and for the accessibility tree to follow. */
  g_timeout_add (700, settled_cb, walk);
}

static void
on_activate_cb (GApplication *application, Walk *walk)
{
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = heed_store_open (walk->path, HEED_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  walk->case_id = choose_case (store);
  g_clear_object (&store);

  walk->window = heed_window_new (walk->application);
  gtk_window_set_default_size (GTK_WINDOW (walk->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (walk->window));
  g_application_hold (application);

  /* The scenes that count buttons open the case: plan with the practice open, then start
   * again from the welcome page in a fresh window. */
  open_practice (walk, NULL);
  plan (walk);
  gtk_window_destroy (GTK_WINDOW (walk->window));
  walk->window = heed_window_new (walk->application);
  gtk_window_set_default_size (GTK_WINDOW (walk->window), 1100, 800);
  gtk_window_present (GTK_WINDOW (walk->window));

  g_unix_fd_add (0, G_IO_IN | G_IO_HUP, on_stdin_cb, walk);
  run_next (walk);
}

int
main (int argc, char **argv)
{
  Walk walk = { 0 };
  int  status;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: a11y-walk PRACTICE.heed\n");
      return 2;
    }
  walk.path = argv[1];
  walk.scenes = g_ptr_array_new_with_free_func (scene_free);
  walk.before = g_ptr_array_new_with_free_func (g_object_unref);
  adw_init ();
  walk.application =
    adw_application_new ("io.github.heedapp.Heed.A11yWalk", G_APPLICATION_NON_UNIQUE);
  /* Where the window's keyboard shortcuts are, as for Heed itself. */
  g_application_set_resource_base_path (G_APPLICATION (walk.application),
                                        "/io/github/heedapp/Heed");
  g_signal_connect (walk.application, "activate", G_CALLBACK (on_activate_cb), &walk);
  status = g_application_run (G_APPLICATION (walk.application), 1, argv);
  g_ptr_array_unref (walk.scenes);
  g_ptr_array_unref (walk.before);
  g_object_unref (walk.application);
  return status;
}
