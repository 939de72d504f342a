/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "heed-first-screen-model.h"

/* The list the window shows while a practice opens: its first screenful, then everything,
 * with every later change passed on as it came (a list view that is told more than changed
 * reads every item again). No display needed. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_changes;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_changes++;
}

static void
fill (GListStore *store,
      guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, item);
    }
}

static void
test_first_screen (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(HeedFirstScreenModel) shown = heed_first_screen_model_new (G_LIST_MODEL (store), 60);
  Change change = { 0 };
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) last_of_screen = NULL;

  g_signal_connect (shown, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 0);

  /* 250 items arrive: only the first 60 are shown, and said to be. */
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 250; i++)
      g_ptr_array_add (items, g_object_new (G_TYPE_OBJECT, NULL));
    g_list_store_splice (store, 0, 0, items->pdata, items->len);
  }
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 60);
  first = g_list_model_get_item (G_LIST_MODEL (shown), 0);
  {
    g_autoptr(GObject) first_of_store = g_list_model_get_item (G_LIST_MODEL (store), 0);

    g_assert_true (first == first_of_store);
  }
  last_of_screen = g_list_model_get_item (G_LIST_MODEL (shown), 59);
  g_assert_nonnull (last_of_screen);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (shown), 60));

  /* A change below the screenful is not shown yet. */
  fill (store, 5);
  g_assert_cmpuint (change.n_changes, ==, 1);

  /* The rest, after the first frame: added after the screenful. */
  heed_first_screen_model_show_all (shown);
  g_assert_true (heed_first_screen_model_is_showing_all (shown));
  g_assert_cmpuint (change.n_changes, ==, 2);
  g_assert_cmpuint (change.position, ==, 60);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 195);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 255);
  heed_first_screen_model_show_all (shown);
  g_assert_cmpuint (change.n_changes, ==, 2);

  /* From then on a change in the middle is passed on as it is, not as a change to all that
   * follows it. */
  g_list_store_splice (store, 100, 30, NULL, 0);
  g_assert_cmpuint (change.n_changes, ==, 3);
  g_assert_cmpuint (change.position, ==, 100);
  g_assert_cmpuint (change.removed, ==, 30);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 225);
}

static void
test_short_list (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(HeedFirstScreenModel) shown = heed_first_screen_model_new (G_LIST_MODEL (store), 60);
  Change change = { 0 };

  g_signal_connect (shown, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  fill (store, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 3);
  /* A list that fits on the screen has nothing more to show. */
  change.n_changes = 0;
  heed_first_screen_model_show_all (shown);
  g_assert_cmpuint (change.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 3);

  /* Emptied, within the screenful. */
  g_list_store_remove_all (store);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/first-screen-model/first-screen", test_first_screen);
  g_test_add_func ("/ui/first-screen-model/short-list", test_short_list);
  return g_test_run ();
}
