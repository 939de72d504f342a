/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-first-screen-model.h"

/* GtkSliceListModel would do the first part, but once it shows everything it still reports
 * a change in the middle of the list as a change to everything after it. A list view then
 * looks for its rows among all those items, reading each from the practice file: over a
 * second for one letter typed in a search at 100,000 cases. This model passes changes on as
 * they are. */

struct _HeedFirstScreenModel
{
  GObject     parent_instance;

  GListModel   *model;
  GSignalGroup *model_signals;  /* the other list's items-changed */
  guint         n_first;
  gboolean      showing_all;
};

static guint
n_shown (HeedFirstScreenModel *self)
{
  guint n = g_list_model_get_n_items (self->model);

  return self->showing_all ? n : MIN (n, self->n_first);
}

static GType
heed_first_screen_model_get_item_type (GListModel *model)
{
  HeedFirstScreenModel *self = HEED_FIRST_SCREEN_MODEL (model);

  return g_list_model_get_item_type (self->model);
}

static guint
heed_first_screen_model_get_n_items (GListModel *model)
{
  return n_shown (HEED_FIRST_SCREEN_MODEL (model));
}

static gpointer
heed_first_screen_model_get_item (GListModel *model,
                                  guint       position)
{
  HeedFirstScreenModel *self = HEED_FIRST_SCREEN_MODEL (model);

  if (position >= n_shown (self))
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
heed_first_screen_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = heed_first_screen_model_get_item_type;
  iface->get_n_items = heed_first_screen_model_get_n_items;
  iface->get_item = heed_first_screen_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HeedFirstScreenModel, heed_first_screen_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      heed_first_screen_model_list_model_init))

static void
on_items_changed_cb (HeedFirstScreenModel *self,
                     guint                 position,
                     guint                 removed,
                     guint                 added,
                     GListModel           *model)
{
  guint n_after;
  guint n_before;

  if (self->showing_all)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (position >= self->n_first)
    return;
  /* Within the first screenful, what was shown from @position on is replaced by what is
   * shown now. */
  n_after = g_list_model_get_n_items (model);
  n_before = n_after - added + removed;
  n_before = MIN (n_before, self->n_first);
  n_after = MIN (n_after, self->n_first);
  if (n_before > position || n_after > position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_before - position,
                                n_after - position);
}

static void
heed_first_screen_model_dispose (GObject *object)
{
  HeedFirstScreenModel *self = HEED_FIRST_SCREEN_MODEL (object);

  g_clear_object (&self->model_signals);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (heed_first_screen_model_parent_class)->dispose (object);
}

static void
heed_first_screen_model_class_init (HeedFirstScreenModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heed_first_screen_model_dispose;
}

static void
heed_first_screen_model_init (HeedFirstScreenModel *self)
{
  self->model_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->model_signals, "items-changed",
                                 G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
}

HeedFirstScreenModel *
heed_first_screen_model_new (GListModel *model,
                             guint       n_first)
{
  HeedFirstScreenModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (HEED_TYPE_FIRST_SCREEN_MODEL, NULL);
  self->model = g_object_ref (model);
  self->n_first = n_first;
  g_signal_group_set_target (self->model_signals, model);
  return self;
}

void
heed_first_screen_model_show_all (HeedFirstScreenModel *self)
{
  guint before;

  g_return_if_fail (HEED_IS_FIRST_SCREEN_MODEL (self));

  if (self->showing_all)
    return;
  before = n_shown (self);
  self->showing_all = TRUE;
  if (n_shown (self) > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n_shown (self) - before);
}

gboolean
heed_first_screen_model_is_showing_all (HeedFirstScreenModel *self)
{
  g_return_val_if_fail (HEED_IS_FIRST_SCREEN_MODEL (self), FALSE);
  return self->showing_all;
}
