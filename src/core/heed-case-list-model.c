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
heed_case_list_model_finalize (GObject *object)
{
  HeedCaseListModel *self = HEED_CASE_LIST_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->query, heed_case_query_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (heed_case_list_model_parent_class)->finalize (object);
}

static void
heed_case_list_model_class_init (HeedCaseListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heed_case_list_model_finalize;
}

static void
heed_case_list_model_init (HeedCaseListModel *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_date_clear (&self->today, 1);
}

HeedCaseListModel *
heed_case_list_model_new (HeedStore *store)
{
  HeedCaseListModel *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_CASE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->query = heed_case_query_new ();
  self->query->newest_first = TRUE;
  return self;
}

gboolean
heed_case_list_model_refresh (HeedCaseListModel  *self,
                              GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  guint removed;

  g_return_val_if_fail (HEED_IS_CASE_LIST_MODEL (self), FALSE);

  ids = heed_store_query_case_ids (self->store, self->query, error);
  if (ids == NULL)
    return FALSE;

  g_date_set_time_t (&self->today, time (NULL));
  removed = self->ids != NULL ? self->ids->len : 0;
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->cache);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  return TRUE;
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
  return heed_case_list_model_refresh (self, error);
}

HeedCaseQuery *
heed_case_list_model_get_query (HeedCaseListModel *self)
{
  g_return_val_if_fail (HEED_IS_CASE_LIST_MODEL (self), NULL);
  return self->query;
}
