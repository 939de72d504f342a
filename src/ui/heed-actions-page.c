/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-action-plan.h"
#include "heed-actions-page.h"
#include "heed-report-figures.h"
#include "heed-validate.h"

/* What the practice said it would do after its complaints, and whether it has: every action
 * of every action plan, overdue first, then due soon, not yet due, and done. Choosing an
 * action that came from a case shows the case, through the window's win.show-case. */

struct _HeedActionsPage
{
  AdwBin              parent_instance;

  AdwPreferencesPage *page;
  GPtrArray          *groups;
};

G_DEFINE_FINAL_TYPE (HeedActionsPage, heed_actions_page, ADW_TYPE_BIN)

static const HeedActionState order[] = {
  HEED_ACTION_STATE_OVERDUE, HEED_ACTION_STATE_DUE_SOON, HEED_ACTION_STATE_NOT_DUE,
  HEED_ACTION_STATE_DONE,
};

static char *
describe (const HeedActionPlanItem *item)
{
  g_autoptr(GString) text = g_string_new (item->case_reference != NULL ? item->case_reference
                                                                      : _("Practice-wide"));

  if (g_date_valid (&item->completed))
    {
      g_autofree char *day = heed_format_date_long (&item->completed);

      g_autofree char *done = g_strdup_printf (_("done %s"), day);

      g_string_append_printf (text, " · %s", done);
    }
  else if (g_date_valid (&item->due))
    {
      g_autofree char *day = heed_format_date_long (&item->due);
      g_autofree char *due = g_strdup_printf (_("due %s"), day);

      g_string_append_printf (text, " · %s", due);
    }
  if (item->owner != NULL)
    g_string_append_printf (text, " · %s", item->owner);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
heed_actions_page_dispose (GObject *object)
{
  HeedActionsPage *self = HEED_ACTIONS_PAGE (object);

  /* The bin lets go of its child first: disposing of the template frees the page, which the
   * bin would otherwise unparent again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_ACTIONS_PAGE);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_actions_page_parent_class)->dispose (object);
}

static void
heed_actions_page_class_init (HeedActionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = heed_actions_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedActionsPage, page);
}

static void
heed_actions_page_init (HeedActionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
}

GtkWidget *
heed_actions_page_new (void)
{
  return g_object_new (HEED_TYPE_ACTIONS_PAGE, NULL);
}

guint
heed_actions_page_set_store (HeedActionsPage *self,
                             HeedStore       *store)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HEED_IS_ACTIONS_PAGE (self), 0);

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  actions = heed_report_list_actions (store, NULL, &error);
  for (guint s = 0; s < G_N_ELEMENTS (order); s++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; actions != NULL && i < actions->len; i++)
        {
          const HeedActionPlanItem *item = g_ptr_array_index (actions, i);
          GtkWidget *row;
          g_autofree char *subtitle = NULL;

          if (item->state != order[s])
            continue;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                               heed_action_state_get_label (order[s]));
            }
          row = adw_action_row_new ();
          subtitle = describe (item);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->description);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          if (order[s] == HEED_ACTION_STATE_OVERDUE)
            {
              gtk_widget_add_css_class (row, "error");
              adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                         gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
            }
          if (item->case_id > 0)
            {
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                         gtk_image_new_from_icon_name ("go-next-symbolic"));
              gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-case");
              gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", item->case_id);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      if (group != NULL)
        {
          adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
          g_ptr_array_add (self->groups, group);
        }
    }

  if (self->groups->len == 0)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Actions Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       error != NULL ? error->message
                                       : _("What the practice decides to change after a "
                                           "complaint is listed here, with who does it and by "
                                           "when."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
  heed_accessible_name_all (GTK_WIDGET (self));
  return actions != NULL ? actions->len : 0;
}
