/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "heed-case.h"
#include "heed-store-private.h"

/* What a new practice file starts with: its settings, the categories it reports under and the
 * risk matrix, all copied in so each practice can change its own. */

#define CATEGORIES_RESOURCE RESOURCE_BASE "/data/categories.xml"

/* DOMAIN.md's default matrix: rows are seriousness, columns likelihood. */
static const char *const default_matrix[4][5] = {
  /* rare        unlikely    possible    likely      almost-certain */
  { "low",      "low",      "low",      "moderate", "moderate" }, /* low */
  { "low",      "moderate", "moderate", "high",     "high" },     /* medium */
  { "moderate", "high",     "high",     "extreme",  "extreme" },  /* high */
  { "high",     "extreme",  "extreme",  "extreme",  "extreme" },  /* extreme */
};

/* The national categories' labels as in data/categories.xml, for translators: a practice file
 * keeps them in English and heed_store_dup_category_label() shows them in the user's language.
 * tests/check-translations.py fails when a label in the file is missing here. */
static const char *const national_category_labels[] G_GNUC_UNUSED = {
  N_("Access to treatment or drugs"),
  N_("Appointments"),
  N_("Clinical treatment"),
  N_("Commissioning"),
  N_("Communications"),
  N_("Complaints handling"),
  N_("Consent"),
  N_("End of life care"),
  N_("Facilities"),
  N_("Integrated care"),
  N_("Patient care"),
  N_("Prescribing"),
  N_("Privacy, dignity and wellbeing"),
  N_("Record keeping"),
  N_("Test results"),
  N_("NHS charges"),
  N_("Practice administration"),
  N_("Values and behaviours (staff)"),
  N_("Waiting times"),
  N_("Other"),
  N_("GP or dentist"),
  N_("Nursing"),
  N_("Dental nurse"),
  N_("Dental hygienist or therapist"),
  N_("Practice management"),
  N_("Admin and reception"),
  N_("Other clinical"),
  N_("0 to 15"),
  N_("16 to 24"),
  N_("25 to 34"),
  N_("35 to 44"),
  N_("45 to 54"),
  N_("55 to 64"),
  N_("65 to 74"),
  N_("75 to 84"),
  N_("85 and over"),
  N_("Unknown"),
  N_("Patient"),
  N_("Someone on behalf of the patient"),
};

static gboolean
seed_risk (HeedStore  *self,
           GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  stmt = _heed_store_query (self,
                            "INSERT INTO risk_matrix (seriousness, likelihood, risk) "
                            "VALUES (:s, :l, :r)",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint s = 0; s < 4; s++)
    for (guint l = 0; l < 5; l++)
      {
        heed_db_statement_bind_text (stmt, "s", heed_seriousness_levels[s]);
        heed_db_statement_bind_text (stmt, "l", heed_likelihood_levels[l]);
        heed_db_statement_bind_text (stmt, "r", default_matrix[s][l]);
        if (!_heed_store_run (stmt, error))
          return FALSE;
      }
  return TRUE;
}

static char *
dup_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
seed_categories (HeedStore  *self,
                 GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  xmlDoc *doc;
  xmlNode *root;
  gsize size;
  const char *data;
  gboolean ok = TRUE;

  bytes = g_resources_lookup_data (CATEGORIES_RESOURCE, 0, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, "categories.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("Heed’s own list of categories could not be read."));
      return FALSE;
    }

  stmt = _heed_store_query (self,
                            "INSERT INTO categories (scheme, code, label, year_from, year_to,"
                            " position, min_age, max_age, collection) VALUES (:scheme, :code,"
                            " :label, :from, :to, :position, :min, :max, :collection)",
                            error);
  if (stmt == NULL)
    {
      xmlFreeDoc (doc);
      return FALSE;
    }

  for (xmlNode *scheme = root->children; scheme != NULL && ok; scheme = scheme->next)
    {
      g_autofree char *scheme_id = NULL;
      int position = 0;

      if (scheme->type != XML_ELEMENT_NODE || strcmp ((const char *) scheme->name, "scheme") != 0)
        continue;
      scheme_id = dup_prop (scheme, "id");
      for (xmlNode *cat = scheme->children; cat != NULL && ok; cat = cat->next)
        {
          g_autofree char *code = NULL, *label = NULL, *from = NULL, *to = NULL;
          g_autofree char *min = NULL, *max = NULL, *collection = NULL;
          if (cat->type != XML_ELEMENT_NODE || strcmp ((const char *) cat->name, "category") != 0)
            continue;
          code = dup_prop (cat, "code");
          label = dup_prop (cat, "label");
          from = dup_prop (cat, "year-from");
          to = dup_prop (cat, "year-to");
          min = dup_prop (cat, "min-age");
          max = dup_prop (cat, "max-age");
          collection = dup_prop (cat, "collection");

          heed_db_statement_clear_bindings (stmt);
          heed_db_statement_bind_text (stmt, "scheme", scheme_id);
          heed_db_statement_bind_text (stmt, "code", code);
          heed_db_statement_bind_text (stmt, "label", label);
          heed_db_statement_bind_int64 (stmt, "from",
                                        from != NULL ? g_ascii_strtoll (from, NULL, 10) : 0);
          heed_db_statement_bind_int64 (stmt, "to",
                                        to != NULL ? g_ascii_strtoll (to, NULL, 10) : 9999);
          heed_db_statement_bind_int64 (stmt, "position", position++);
          if (min != NULL)
            heed_db_statement_bind_int64 (stmt, "min", g_ascii_strtoll (min, NULL, 10));
          else
            heed_db_statement_bind_null (stmt, "min");
          if (max != NULL)
            heed_db_statement_bind_int64 (stmt, "max", g_ascii_strtoll (max, NULL, 10));
          else
            heed_db_statement_bind_null (stmt, "max");
          if (collection != NULL)
            heed_db_statement_bind_text (stmt, "collection", collection);
          else
            heed_db_statement_bind_null (stmt, "collection");
          ok = _heed_store_run (stmt, error);
        }
    }
  xmlFreeDoc (doc);
  return ok;
}

gboolean
_heed_store_seed (HeedStore   *self,
                  const char  *practice_name,
                  HeedNation   nation,
                  GError     **error)
{
  g_autofree char *now = _heed_store_now_text ();
  const struct { const char *key; const char *value; } settings[] = {
    { "name", practice_name },
    { "nation", heed_nation_to_id (nation) },
    { "created", now },
    { "retention-years", "10" },
    { "small-counts", "suppress" },
    { "practice-type", "gp" },
  };

  if (!heed_db_begin (self->conn, HEED_DB_BEGIN_WRITE, error))
    return FALSE;
  self->depth = 1;

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (!heed_store_set_setting (self, settings[i].key, settings[i].value, error))
      goto failed;
  if (!seed_risk (self, error) || !seed_categories (self, error)
      || !_heed_store_audit_keyed_all (self, "add", "risk_matrix", error)
      || !_heed_store_audit_keyed_all (self, "add", "categories", error)
      || !_heed_store_audit (self, "create", "settings", 0, practice_name, error))
    goto failed;

  self->depth = 0;
  return heed_db_commit (self->conn, error) && _heed_store_load_risk (self, error);

failed:
  self->depth = 0;
  heed_db_rollback (self->conn);
  return FALSE;
}

gboolean
_heed_store_load_risk (HeedStore  *self,
                       GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  stmt = _heed_store_query (self, "SELECT seriousness, likelihood, risk FROM risk_matrix",
                            error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_remove_all (self->risk);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    g_hash_table_insert (self->risk,
                         g_strdup_printf ("%s/%s", heed_db_statement_column_text (stmt, 0),
                                          heed_db_statement_column_text (stmt, 1)),
                         heed_db_statement_dup_column_text (stmt, 2));
  heed_db_statement_reset (stmt);
  return step == HEED_DB_STEP_DONE;
}

char *
heed_store_dup_risk (HeedStore  *self,
                     const char *seriousness,
                     const char *likelihood)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  if (seriousness == NULL || likelihood == NULL)
    return NULL;
  key = g_strdup_printf ("%s/%s", seriousness, likelihood);
  return g_strdup (g_hash_table_lookup (self->risk, key));
}

GPtrArray *
heed_store_list_categories (HeedStore  *self,
                            const char *scheme,
                            int         year)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), codes);

  stmt = _heed_store_query (self,
                            "SELECT code FROM categories WHERE scheme = :scheme AND "
                            "year_from <= :year AND :year <= year_to AND (collection IS NULL"
                            " OR collection = :collection) ORDER BY position, id",
                            NULL);
  if (stmt == NULL)
    return codes;
  heed_db_statement_bind_text (stmt, "scheme", scheme);
  heed_db_statement_bind_int64 (stmt, "year", year);
  /* A GP practice's lists, or a dental practice's (the KO41(b) collections differ). */
  {
    g_autofree char *type = heed_store_dup_setting (self, "practice-type");

    heed_db_statement_bind_text (stmt, "collection",
                                 g_strcmp0 (type, "dental") == 0 ? "dental" : "gp");
  }
  while (heed_db_statement_step (stmt, NULL) == HEED_DB_STEP_ROW)
    g_ptr_array_add (codes, heed_db_statement_dup_column_text (stmt, 0));
  heed_db_statement_reset (stmt);
  return codes;
}

char *
heed_store_dup_category_label (HeedStore  *self,
                               const char *scheme,
                               const char *code)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  char *label = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self,
                            "SELECT label FROM categories WHERE scheme = :scheme AND "
                            "code = :code ORDER BY year_from DESC, id DESC LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "scheme", scheme);
  heed_db_statement_bind_text (stmt, "code", code);
  if (heed_db_statement_step (stmt, NULL) == HEED_DB_STEP_ROW)
    label = heed_db_statement_dup_column_text (stmt, 0);
  heed_db_statement_reset (stmt);

  /* National labels are in the catalogue; a practice's own come back from it unchanged. */
  if (label != NULL && label[0] != '\0')
    {
      char *shown = g_strdup (_(label));

      g_free (label);
      label = shown;
    }
  return label;
}

/* A practice's own subject (or staff group), beside the national ones: its code is made from
 * its words, and it counts in reports from the start. */
gboolean
heed_store_add_category (HeedStore   *self,
                         const char  *scheme,
                         const char  *label,
                         char       **code,
                         GError     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *unique = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(HeedDbStatement) count = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  GString *built;
  HeedDbStep step;
  gint64 id = 0;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (g_strcmp0 (scheme, "subject") != 0 && g_strcmp0 (scheme, "staff-group") != 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Only subjects and staff groups can be added to."));
      return FALSE;
    }
  clean = g_strstrip (g_strdup (label != NULL ? label : ""));
  if (clean[0] == '\0' || !g_utf8_validate (clean, -1, NULL) || g_utf8_strlen (clean, -1) > 80)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Give the new entry a name of up to 80 letters."));
      return FALSE;
    }

  count = _heed_store_query (self,
                             "SELECT count(*) FROM categories WHERE scheme = :scheme AND "
                             "lower (label) = lower (:label) AND year_to = 9999",
                             error);
  if (count == NULL)
    return FALSE;
  heed_db_statement_bind_text (count, "scheme", scheme);
  heed_db_statement_bind_text (count, "label", clean);
  step = heed_db_statement_step (count, error);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  if (step == HEED_DB_STEP_ROW && heed_db_statement_column_int64 (count, 0) > 0)
    {
      heed_db_statement_reset (count);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                   _("“%s” is already in the list."), clean);
      return FALSE;
    }
  heed_db_statement_reset (count);

  /* practice-<words>, ASCII letters and digits only, made unique with a number. */
  built = g_string_new ("practice-");
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c < 128 && g_ascii_isalnum ((char) c))
        g_string_append_c (built, (char) c);
      else if (built->str[built->len - 1] != '-')
        g_string_append_c (built, '-');
    }
  while (built->str[built->len - 1] == '-' && built->len > strlen ("practice-"))
    g_string_truncate (built, built->len - 1);
  slug = g_string_free (built, FALSE);
  unique = g_strdup (slug);
  for (int n = 2;; n++)
    {
      g_autofree char *found = heed_store_dup_category_label (self, scheme, unique);

      if (found == NULL)
        break;
      g_free (unique);
      unique = g_strdup_printf ("%s-%d", slug, n);
    }

  if (!_heed_store_check_writable (self, error) || !heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO categories (scheme, code, label, position) VALUES "
                            "(:scheme, :code, :label, (SELECT coalesce (max (position), 0) + 1 "
                            "FROM categories WHERE scheme = :scheme))",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_text (stmt, "scheme", scheme);
  heed_db_statement_bind_text (stmt, "code", unique);
  heed_db_statement_bind_text (stmt, "label", clean);
  if (!heed_db_statement_insert (stmt, &id, error))
    goto failed;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!_heed_store_audit_keyed (self, "add", "categories", id_text, error)
      || !heed_store_commit (self, error))
    goto failed;
  if (code != NULL)
    *code = g_steal_pointer (&unique);
  return TRUE;

failed:
  heed_store_rollback (self);
  return FALSE;
}

/* An entry for each row of one category as it now is. */
static gboolean
audit_category_rows (HeedStore   *self,
                     const char  *scheme,
                     const char  *code,
                     GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  stmt = _heed_store_query (self,
                            "SELECT id FROM categories WHERE scheme = :scheme AND code = :code "
                            "ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "scheme", scheme);
  heed_db_statement_bind_text (stmt, "code", code);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      gint64 id = heed_db_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  g_array_index (ids, gint64, i));

      if (!_heed_store_audit_keyed (self, "retire", "categories", id_text, error))
        return FALSE;
    }
  return TRUE;
}

/* Stops offering a practice's own entry from @year on; earlier years still count it. */
gboolean
heed_store_retire_category (HeedStore   *self,
                            const char  *scheme,
                            const char  *code,
                            int          year,
                            GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (code == NULL || !g_str_has_prefix (code, "practice-"))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("The national subjects and staff groups stay: the NHS returns count them."));
      return FALSE;
    }
  if (!_heed_store_check_writable (self, error) || !heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "UPDATE categories SET year_to = :last WHERE scheme = :scheme AND "
                            "code = :code AND year_to = 9999",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_int64 (stmt, "last", year - 1);
  heed_db_statement_bind_text (stmt, "scheme", scheme);
  heed_db_statement_bind_text (stmt, "code", code);
  if (!_heed_store_run (stmt, error))
    goto failed;
  if (heed_db_statement_get_changes (stmt) == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                   _("There is no such entry to remove."));
      goto failed;
    }
  if (!audit_category_rows (self, scheme, code, error) || !heed_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  heed_store_rollback (self);
  return FALSE;
}
