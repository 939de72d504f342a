/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-procedure.h"
#include "heed-validate.h"

/* The rule sets, each nation's in date order.  Loaded once; replaced only by a test or a
 * reload, so the pointers handed out stay valid in between. */
static GPtrArray *procedures;
G_LOCK_DEFINE_STATIC (procedures);

static void
procedure_free (gpointer data)
{
  HeedProcedure *procedure = data;

  g_free (procedure->name);
  g_free (procedure->name_cy);
  g_free (procedure->services);
  g_strfreev (procedure->unconfirmed);
  g_free (procedure);
}

static int
compare_procedures (gconstpointer a,
                    gconstpointer b)
{
  const HeedProcedure *pa = *(HeedProcedure *const *) a;
  const HeedProcedure *pb = *(HeedProcedure *const *) b;

  if (pa->nation != pb->nation)
    return pa->nation < pb->nation ? -1 : 1;
  return g_date_compare (&pa->from, &pb->from);
}

static gboolean
get_uint (GKeyFile    *file,
          const char  *group,
          const char  *key,
          guint        fallback,
          guint        maximum,
          guint       *value,
          GError     **error)
{
  g_autoptr(GError) local = NULL;
  gint64 number;
  g_autofree char *text = g_key_file_get_string (file, group, key, NULL);

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  g_strstrip (text);
  if (!g_ascii_string_to_signed (text, 10, 0, maximum, &number, &local))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("In the complaints procedures, [%s] %s must be a whole number from 0 to %u, "
                     "not “%s”."), group, key, maximum, text);
      return FALSE;
    }
  *value = (guint) number;
  return TRUE;
}

static gboolean
get_bool (GKeyFile    *file,
          const char  *group,
          const char  *key,
          gboolean    *value,
          GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, group, key, NULL);

  if (text == NULL)
    {
      *value = FALSE;
      return TRUE;
    }
  g_strstrip (text);
  if (strcmp (text, "true") == 0 || strcmp (text, "false") == 0)
    {
      *value = strcmp (text, "true") == 0;
      return TRUE;
    }
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               _("In the complaints procedures, [%s] %s must be true or false, not “%s”."),
               group, key, text);
  return FALSE;
}

static HeedProcedure *
parse_group (GKeyFile    *file,
             const char  *group,
             GError     **error)
{
  g_autoptr(GString) nation_id = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *limit_from = NULL;
  const char *space = strrchr (group, ' ');
  HeedProcedure *procedure = g_new0 (HeedProcedure, 1);
  struct { const char *key; guint *value; guint fallback; guint maximum; } numbers[] = {
    { "stages", &procedure->stages, 1, 2 },
    { "acknowledge", &procedure->acknowledge, 3, 365 },
    { "resolve", &procedure->resolve, 5, 365 },
    { "resolve-extended", &procedure->resolve_extended, 0, 365 },
    { "respond", &procedure->respond, 0, 365 },
    { "respond-extended", &procedure->respond_extended, 0, 365 },
    { "review-months", &procedure->review_months, 6, 120 },
    { "time-limit-months", &procedure->time_limit_months, 12, 120 },
    { "time-limit-aware-months", &procedure->time_limit_aware_months, 0, 120 },
    { "time-limit-outer-months", &procedure->time_limit_outer_months, 0, 240 },
    { "ombudsman-limit-months", &procedure->ombudsman_limit_months, 12, 120 },
    { "redress-limit", &procedure->redress_limit, 0, 10000000 },
  };
  struct { const char *key; gboolean *value; } flags[] = {
    { "early-resolution", &procedure->early_resolution },
    { "listening-discussion", &procedure->listening_discussion },
    { "oral-next-day", &procedure->oral_next_day },
    { "commissioner", &procedure->commissioner },
  };

  if (space != NULL)
    {
      g_string_append_len (nation_id, group, space - group);
      from = g_strdup (space + 1);
    }
  if (space == NULL || !heed_nation_from_id (nation_id->str, &procedure->nation)
      || !heed_date_from_iso (from, &procedure->from))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("In the complaints procedures, “[%s]” is not a nation and a date, like "
                     "[wales 2026-04-01]."), group);
      goto failed;
    }

  procedure->name = g_key_file_get_string (file, group, "name", NULL);
  if (procedure->name == NULL || *g_strstrip (procedure->name) == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("In the complaints procedures, [%s] has no name."), group);
      goto failed;
    }
  procedure->name_cy = g_key_file_get_locale_string (file, group, "name", "cy", NULL);
  if (g_strcmp0 (procedure->name_cy, procedure->name) == 0)
    g_clear_pointer (&procedure->name_cy, g_free);
  procedure->services = g_key_file_get_string (file, group, "services", NULL);
  if (procedure->services == NULL)
    procedure->services = g_strdup ("NHS");
  g_strstrip (procedure->services);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (!get_uint (file, group, numbers[i].key, numbers[i].fallback, numbers[i].maximum,
                   numbers[i].value, error))
      goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    if (!get_bool (file, group, flags[i].key, flags[i].value, error))
      goto failed;
  if (procedure->stages == 0)
    procedure->stages = 1;
  if (procedure->time_limit_aware_months == 0)
    procedure->time_limit_aware_months = procedure->time_limit_months;

  limit_from = g_key_file_get_string (file, group, "ombudsman-limit-from", NULL);
  if (limit_from != NULL)
    {
      g_strstrip (limit_from);
      if (strcmp (limit_from, "procedure-end") != 0 && strcmp (limit_from, "aware") != 0)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("In the complaints procedures, [%s] ombudsman-limit-from must be "
                         "aware or procedure-end, not “%s”."), group, limit_from);
          goto failed;
        }
      procedure->ombudsman_from_procedure_end = strcmp (limit_from, "procedure-end") == 0;
    }
  procedure->unconfirmed = g_key_file_get_string_list (file, group, "unconfirmed", NULL, NULL);
  if (procedure->unconfirmed == NULL)
    procedure->unconfirmed = g_new0 (char *, 1);
  for (guint i = 0; procedure->unconfirmed[i] != NULL; i++)
    g_strstrip (procedure->unconfirmed[i]);
  return procedure;

failed:
  procedure_free (procedure);
  return NULL;
}

static GPtrArray *
parse_procedures (GKeyFile  *file,
                  GError   **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (procedure_free);
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);
  gboolean seen[HEED_N_NATIONS] = { FALSE };

  for (guint i = 0; groups[i] != NULL; i++)
    {
      HeedProcedure *procedure = parse_group (file, groups[i], error);

      if (procedure == NULL)
        return NULL;
      seen[procedure->nation] = TRUE;
      g_ptr_array_add (list, procedure);
    }
  for (guint n = 0; n < HEED_N_NATIONS; n++)
    if (!seen[n])
      {
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                     _("The complaints procedures have no rule set for %s."),
                     heed_nation_get_name ((HeedNation) n));
        return NULL;
      }
  g_ptr_array_sort (list, compare_procedures);
  return g_steal_pointer (&list);
}

char *
heed_procedures_dup_user_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "heed", "procedures.ini", NULL);
}

/* The built-in file, with the practice's own file's keys laid over it. */
static GKeyFile *
read_files (void)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GKeyFile) own = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = heed_procedures_dup_user_path ();
  g_auto(GStrv) groups = NULL;

  bytes = g_resources_lookup_data (HEED_PROCEDURES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL
      || !g_key_file_load_from_data (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    {
      g_critical ("Could not read the built-in complaints procedures: %s", error->message);
      return NULL;
    }

  if (!g_key_file_load_from_file (own, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("The practice’s complaints procedures in %s were not read: %s", path,
                   error->message);
      return g_steal_pointer (&file);
    }
  groups = g_key_file_get_groups (own, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (own, groups[i], NULL, NULL);

      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        {
          g_autofree char *value = g_key_file_get_value (own, groups[i], keys[k], NULL);

          g_key_file_set_value (file, groups[i], keys[k], value);
        }
    }
  return g_steal_pointer (&file);
}

static void
load_locked (void)
{
  g_autoptr(GKeyFile) file = read_files ();
  g_autoptr(GError) error = NULL;
  GPtrArray *list = file != NULL ? parse_procedures (file, &error) : NULL;

  if (list == NULL && file != NULL)
    {
      /* The practice's file spoilt the built-in one: say so, and use the built-in one alone. */
      g_autoptr(GBytes) bytes = g_resources_lookup_data (HEED_PROCEDURES_RESOURCE, 0, NULL);
      g_autoptr(GKeyFile) builtin = g_key_file_new ();

      g_warning ("The practice’s complaints procedures are not valid, so Heed uses its own: %s",
                 error->message);
      g_clear_error (&error);
      if (bytes != NULL
          && g_key_file_load_from_data (builtin, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), G_KEY_FILE_KEEP_TRANSLATIONS,
                                        NULL))
        list = parse_procedures (builtin, &error);
    }
  if (list == NULL)
    {
      /* Not built in at all (a test of the calendar alone): England's 2009 rules everywhere. */
      list = g_ptr_array_new_with_free_func (procedure_free);
      for (guint n = 0; n < HEED_N_NATIONS; n++)
        {
          HeedProcedure *procedure = g_new0 (HeedProcedure, 1);

          procedure->nation = (HeedNation) n;
          g_date_set_dmy (&procedure->from, 1, G_DATE_APRIL, 2009);
          procedure->name = g_strdup ("the NHS complaints procedure");
          procedure->services = g_strdup ("NHS");
          procedure->stages = 1;
          procedure->acknowledge = 3;
          procedure->review_months = 6;
          procedure->time_limit_months = procedure->time_limit_aware_months = 12;
          procedure->ombudsman_limit_months = 12;
          procedure->unconfirmed = g_new0 (char *, 1);
          g_ptr_array_add (list, procedure);
        }
    }
  g_clear_pointer (&procedures, g_ptr_array_unref);
  procedures = list;
}

void
heed_procedures_reload (void)
{
  G_LOCK (procedures);
  load_locked ();
  G_UNLOCK (procedures);
}

gboolean
heed_procedures_load_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  GPtrArray *list;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!g_key_file_load_from_data (file, data, length < 0 ? strlen (data) : (gsize) length,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  list = parse_procedures (file, error);
  if (list == NULL)
    return FALSE;
  G_LOCK (procedures);
  g_clear_pointer (&procedures, g_ptr_array_unref);
  procedures = list;
  G_UNLOCK (procedures);
  return TRUE;
}

const HeedProcedure *
heed_procedure_for (HeedNation   nation,
                    const GDate *received)
{
  const HeedProcedure *found = NULL;
  const HeedProcedure *earliest = NULL;
  GDate day;

  if (received != NULL && g_date_valid (received))
    day = *received;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
    }

  G_LOCK (procedures);
  if (procedures == NULL)
    load_locked ();
  for (guint i = 0; i < procedures->len; i++)
    {
      const HeedProcedure *procedure = g_ptr_array_index (procedures, i);

      if (procedure->nation != nation)
        continue;
      if (earliest == NULL)
        earliest = procedure;
      if (g_date_compare (&procedure->from, &day) <= 0)
        found = procedure;
    }
  G_UNLOCK (procedures);

  return found != NULL ? found : earliest;
}

const HeedProcedure *
heed_procedure_for_text (HeedNation  nation,
                         const char *received)
{
  GDate day;
  char buf[11];

  g_date_clear (&day, 1);
  if (received != NULL && strlen (received) >= 10)
    {
      memcpy (buf, received, 10);
      buf[10] = '\0';
      heed_date_from_iso (buf, &day);
    }
  return heed_procedure_for (nation, &day);
}

const char *
heed_procedure_get_name (const HeedProcedure *procedure,
                         gboolean             welsh)
{
  g_return_val_if_fail (procedure != NULL, NULL);

  return welsh && procedure->name_cy != NULL ? procedure->name_cy : procedure->name;
}

gboolean
heed_procedure_is_unconfirmed (const HeedProcedure *procedure,
                               const char          *key)
{
  g_return_val_if_fail (procedure != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return g_strv_contains ((const char *const *) procedure->unconfirmed, key);
}

void
heed_procedure_apply_time_limit (HeedNation  nation,
                                 HeedCase   *kase)
{
  const HeedProcedure *procedure;
  GDate received;

  g_return_if_fail (HEED_IS_CASE (kase));

  if (!heed_case_get_received (kase, &received))
    g_date_clear (&received, 1);
  procedure = heed_procedure_for (nation, &received);
  heed_case_set_time_limit (kase, procedure->time_limit_months,
                            procedure->time_limit_aware_months,
                            procedure->time_limit_outer_months);
}
