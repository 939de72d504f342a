/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include "heed-case-list-model.h"

/* Items are kept in a cache bounded in size: a view holds on to the ones it shows, and the
 * rest are read again from the file if scrolled back to. */
#define CACHE_LIMIT 4096

struct _HeedCaseListModel
{
  GObject        parent_instance;

  HeedStore     *store;
  HeedCaseQuery *query;
  GArray        *ids;
  GHashTable    *cache;   /* position -> HeedCaseItem */
  GDate          today;
  gboolean       stale;   /* a case changed since the list was read: every row is read again */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeedCaseListModel, heed_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
heed_case_list_model_get_item_type (GListModel *model)
{
  return HEED_TYPE_CASE_ITEM;
}

static guint
heed_case_list_model_get_n_items (GListModel *model)
{
  HeedCaseListModel *self = HEED_CASE_LIST_MODEL (model);

  return self->ids != NULL ? self->ids->len : 0;
}

static gpointer
heed_case_list_model_get_item (GListModel *model,
                               guint       position)
{
  HeedCaseListModel *self = HEED_CASE_LIST_MODEL (model);
  g_autoptr(HeedCaseRow) row = NULL;
  HeedCaseItem *item;

  if (self->ids == NULL || position >= self->ids->len)
    return NULL;

  item = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  row = heed_store_load_case_row (self->store, g_array_index (self->ids, gint64, position), NULL);
  if (row == NULL)
    return NULL;
  item = heed_case_item_new (row, heed_store_get_calendar (self->store), &self->today);
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (item));
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = heed_case_list_model_get_item_type;
  iface->get_n_items = heed_case_list_model_get_n_items;
  iface->get_item = heed_case_list_model_get_item;
}

static void
heed_case_list_model_dispose (GObject *object)
{
  HeedCaseListModel *self = HEED_CASE_LIST_MODEL (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (heed_case_list_model_parent_class)->dispose (object);
}

static void
heed_case_list_model_finalize (GObject *object)
{
  HeedCaseListModel *self = HEED_CASE_LIST_MODEL (object);

  g_clear_pointer (&self->query, heed_case_query_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (heed_case_list_model_parent_class)->finalize (object);
}

static void
heed_case_list_model_class_init (HeedCaseListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heed_case_list_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = heed_case_list_model_finalize;
}

static void
heed_case_list_model_init (HeedCaseListModel *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_date_clear (&self->today, 1);
}

static void
on_case_changed_cb (HeedCaseListModel *self)
{
  self->stale = TRUE;
}

HeedCaseListModel *
heed_case_list_model_new (HeedStore *store)
{
  HeedCaseListModel *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_CASE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "case-added", G_CALLBACK (on_case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "case-changed", G_CALLBACK (on_case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "case-removed", G_CALLBACK (on_case_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->query = heed_case_query_new ();
  self->query->newest_first = TRUE;
  return self;
}

/* Reads the list again. With @keep_shared, rows the old and new lists share at the top and
 * the bottom are taken to be unchanged (a new search); without, every row is read again
 * (a case was changed). */
static gboolean
reload (HeedCaseListModel  *self,
        gboolean            keep_shared,
        GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  GArray *old_ids;
  guint removed;
  guint same = 0;
  guint tail = 0;

  g_return_val_if_fail (HEED_IS_CASE_LIST_MODEL (self), FALSE);

  ids = heed_store_query_case_ids (self->store, self->query, error);
  if (ids == NULL)
    return FALSE;

  g_date_set_time_t (&self->today, time (NULL));
  old_ids = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&ids);
  removed = old_ids != NULL ? old_ids->len : 0;

  /* Rows the old and the new list share at the top and at the bottom keep their items and
   * their widgets: typing one more letter of a search often changes only part of the list. */
  keep_shared = keep_shared && !self->stale;
  self->stale = FALSE;
  while (keep_shared && same < removed && same < self->ids->len
         && g_array_index (old_ids, gint64, same) == g_array_index (self->ids, gint64, same))
    same++;
  while (keep_shared && tail < removed - same && tail < self->ids->len - same
         && g_array_index (old_ids, gint64, removed - 1 - tail)
            == g_array_index (self->ids, gint64, self->ids->len - 1 - tail))
    tail++;
  {
    GHashTableIter iter;
    gpointer key;

    /* Cached items are by position: those after the shared top have moved or gone. */
    g_hash_table_iter_init (&iter, self->cache);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (GPOINTER_TO_UINT (key) >= same)
        g_hash_table_iter_remove (&iter);
  }
  g_clear_pointer (&old_ids, g_array_unref);
  if (removed - same - tail == 0 && self->ids->len - same - tail == 0)
    return TRUE;

  /* Every item in between is new, so none can be matched with an old one. Saying so in one
   * change would have a list view read every new item looking for its old widget (a second,
   * at 100,000 cases); removing first, then adding, lets it read only what it shows. */
  if (removed - same - tail > 0)
    {
      GArray *added = g_steal_pointer (&self->ids);

      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), same + tail);
      g_array_append_vals (self->ids, added->data, same);
      g_array_append_vals (self->ids, &g_array_index (added, gint64, added->len - tail), tail);
      g_list_model_items_changed (G_LIST_MODEL (self), same, removed - same - tail, 0);
      g_array_unref (self->ids);
      self->ids = added;
    }
  if (self->ids->len - same - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), same, 0, self->ids->len - same - tail);
  return TRUE;
}

gboolean
heed_case_list_model_refresh (HeedCaseListModel  *self,
                              GError            **error)
{
  g_return_val_if_fail (HEED_IS_CASE_LIST_MODEL (self), FALSE);
  return reload (self, FALSE, error);
}

gboolean
heed_case_list_model_set_query (HeedCaseListModel  *self,
                                HeedCaseQuery      *query,
                                GError            **error)
{
  g_return_val_if_fail (HEED_IS_CASE_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  heed_case_query_ref (query);
  g_clear_pointer (&self->query, heed_case_query_unref);
  self->query = query;
  return reload (self, TRUE, error);
}

HeedCaseQuery *
heed_case_list_model_get_query (HeedCaseListModel *self)
{
  g_return_val_if_fail (HEED_IS_CASE_LIST_MODEL (self), NULL);
  return self->query;
}
