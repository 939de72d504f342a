/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "heed-letter-template-private.h"
#include "heed-store-letters.h"
#include "heed-template.h"
#include "heed-xml-reader.h"

G_DEFINE_QUARK (heed-letter-template-error-quark, heed_letter_template_error)

#define SCHEMA_RESOURCE RESOURCE_BASE "/data/heed-letter-template.rng"
#define TEMPLATES_RESOURCE RESOURCE_BASE "/data/templates/"

static const char *const builtin_ids[] = {
  "acknowledgement",
  "consent-request",
  "holding",
  "final-response",
  "compliment-thanks",
  "you-said-we-did",
  NULL
};

struct _HeedLetterTemplate
{
  GObject     parent_instance;

  xmlDoc     *doc;
  char       *source;
  char       *id;
  char       *name;
  char       *description;
  char       *recipient;
  HeedLanguage language;
  gboolean    builtin;
  GPtrArray  *free_texts;       /* names, NULL-terminated */
  GHashTable *free_text_labels; /* name -> label */
};

G_DEFINE_FINAL_TYPE (HeedLetterTemplate, heed_letter_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heed_letter_template_finalize (GObject *object)
{
  HeedLetterTemplate *self = HEED_LETTER_TEMPLATE (object);

  g_clear_pointer (&self->doc, xmlFreeDoc);
  g_free (self->source);
  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->recipient);
  g_ptr_array_unref (self->free_texts);
  g_hash_table_unref (self->free_text_labels);

  G_OBJECT_CLASS (heed_letter_template_parent_class)->finalize (object);
}

static void
heed_letter_template_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeedLetterTemplate *self = HEED_LETTER_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_letter_template_class_init (HeedLetterTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heed_letter_template_finalize;
  object_class->get_property = heed_letter_template_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heed_letter_template_init (HeedLetterTemplate *self)
{
  self->free_texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->free_texts, NULL);
  self->free_text_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Reading */

static xmlDoc *
parse_xml (const char  *data,
           gsize        length,
           GError     **error)
{
  HeedXmlProblem problem = { 0 };
  xmlDoc *doc;

  doc = heed_xml_read (-1, data, length, "template.xml", "UTF-8", 0, &problem);
  if (doc != NULL)
    return doc;
  if (problem.not_started)
    g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID,
                 _("Heed could not start reading the template."));
  else if (problem.doctype)
    g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID,
                 _("Line %ld: the template has a document type declaration (<!DOCTYPE …>). "
                   "Templates may not have one, because it can declare entities that "
                   "expand without end or read other files. Remove it."),
                 problem.doctype_line);
  else
    g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID,
                 _("Line %ld: the template is not well-formed XML (%s)."),
                 problem.message != NULL ? problem.line : 1L,
                 problem.message != NULL ? problem.message : _("it could not be read"));
  heed_xml_problem_clear (&problem);
  return NULL;
}

static gboolean
validate_schema (xmlDoc  *doc,
                 GError **error)
{
  static xmlRelaxNG *schema = NULL;
  HeedXmlProblem problem = { 0 };
  xmlRelaxNGValidCtxt *validator;
  int rc;

  /* The schema never changes while Heed runs: compile it once. */
  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) text = g_resources_lookup_data (SCHEMA_RESOURCE, 0, NULL);
      xmlRelaxNGParserCtxt *parser;
      xmlRelaxNG *compiled = NULL;
      gsize size = 0;
      const char *data;

      g_assert (text != NULL);
      data = g_bytes_get_data (text, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      xmlRelaxNGSetParserStructuredErrors (parser, heed_xml_problem_note_error, &problem);
      compiled = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (compiled != NULL);
      g_once_init_leave (&schema, compiled);
    }

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, heed_xml_problem_note_error, &problem);
  rc = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  if (rc != 0)
    {
      g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID,
                   _("Line %ld: this is not a valid letter template: %s."),
                   problem.message != NULL ? problem.line : 1L,
                   problem.message != NULL ? problem.message : _("it could not be checked"));
      heed_xml_problem_clear (&problem);
      return FALSE;
    }
  heed_xml_problem_clear (&problem);
  return TRUE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && strcmp ((const char *) node->name, name) == 0;
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static char *
dup_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strstrip (g_strdup (value != NULL ? (const char *) value : ""));

  xmlFree (value);
  return copy;
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

/* What the schema cannot say: each merge field and condition must be one Heed knows, where it
 * is used. */
static gboolean
check_names (HeedLetterTemplate  *self,
             xmlNode             *node,
             HeedLetterScope      scope,
             GError             **error)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      HeedLetterScope inner = scope;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "field"))
        {
          g_autofree char *name = dup_attribute (child, "name");

          if (!_heed_letter_field_is_known (name, scope))
            {
              g_set_error (error, HEED_LETTER_TEMPLATE_ERROR,
                           HEED_LETTER_TEMPLATE_ERROR_INVALID,
                           scope == HEED_LETTER_SCOPE_LETTER
                           && (g_str_has_prefix (name, "element.")
                               || g_str_has_prefix (name, "action."))
                           ? _("Line %ld: the merge field “%s” can only be used inside a "
                               "<for-each> of elements or actions.")
                           : _("Line %ld: there is no merge field called “%s”."),
                           xmlGetLineNo (child), name);
              return FALSE;
            }
        }
      else if (is_element (child, "if"))
        {
          g_autofree char *test = dup_attribute (child, "test");

          if (!_heed_letter_condition_is_known (test, scope))
            {
              g_set_error (error, HEED_LETTER_TEMPLATE_ERROR,
                           HEED_LETTER_TEMPLATE_ERROR_INVALID,
                           _("Line %ld: there is no condition called “%s”."),
                           xmlGetLineNo (child), test);
              return FALSE;
            }
        }
      else if (is_element (child, "for-each"))
        {
          g_autofree char *select = dup_attribute (child, "select");

          if (scope != HEED_LETTER_SCOPE_LETTER)
            {
              g_set_error (error, HEED_LETTER_TEMPLATE_ERROR,
                           HEED_LETTER_TEMPLATE_ERROR_INVALID,
                           _("Line %ld: a <for-each> cannot be inside another <for-each>."),
                           xmlGetLineNo (child));
              return FALSE;
            }
          inner = g_strcmp0 (select, "actions") == 0 ? HEED_LETTER_SCOPE_ACTIONS
                                                     : HEED_LETTER_SCOPE_ELEMENTS;
        }
      else if (is_element (child, "free-text"))
        {
          g_autofree char *name = dup_attribute (child, "name");
          g_autofree char *label = dup_attribute (child, "label");

          if (!g_hash_table_contains (self->free_text_labels, name))
            {
              g_ptr_array_insert (self->free_texts, self->free_texts->len - 1,
                                  g_strdup (name));
              g_hash_table_insert (self->free_text_labels, g_strdup (name),
                                   g_strdup (label));
            }
        }
      else if (is_element (child, "table"))
        {
          g_autofree char *widths = dup_attribute (child, "widths");

          if (widths != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (widths, " ", -1);

              for (guint i = 0; parts[i] != NULL; i++)
                if (g_ascii_strtod (parts[i], NULL) <= 0)
                  {
                    g_set_error (error, HEED_LETTER_TEMPLATE_ERROR,
                                 HEED_LETTER_TEMPLATE_ERROR_INVALID,
                                 _("Line %ld: each of a table’s widths must be more than 0."),
                                 xmlGetLineNo (child));
                    return FALSE;
                  }
            }
        }

      if (!check_names (self, child, inner, error))
        return FALSE;
    }
  return TRUE;
}

HeedLetterTemplate *
heed_letter_template_new_from_data (const char  *data,
                                    gssize       length,
                                    GError     **error)
{
  g_autoptr(HeedLetterTemplate) self = NULL;
  xmlNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > HEED_LETTER_TEMPLATE_MAX_SIZE)
    {
      g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_TOO_LARGE,
                   _("The template is %lld KB; a template may be at most "
                     "%d KB. Is this the right file?"),
                   (long long) (length / 1024), HEED_LETTER_TEMPLATE_MAX_SIZE / 1024);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID,
                   _("Line 1: the template is not UTF-8 text."));
      return NULL;
    }

  self = g_object_new (HEED_TYPE_LETTER_TEMPLATE, NULL);
  self->doc = parse_xml (data, length, error);
  if (self->doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (self->doc);
  if (!is_element (root, "template"))
    {
      g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_INVALID,
                   _("Line %ld: a letter template starts with <template>, not <%s>."),
                   root != NULL ? xmlGetLineNo (root) : 1L,
                   root != NULL ? (const char *) root->name : "");
      return NULL;
    }
  if (!validate_schema (self->doc, error)
      || !check_names (self, root, HEED_LETTER_SCOPE_LETTER, error))
    return NULL;

  self->source = g_strndup (data, length);
  self->id = dup_attribute (root, "id");
  self->recipient = dup_attribute (root, "recipient");
  if (self->recipient == NULL)
    self->recipient = g_strdup ("complainant");
  {
    g_autofree char *language = dup_attribute (root, "language");

    if (language == NULL || !heed_language_from_text (language, &self->language))
      self->language = HEED_LANGUAGE_ENGLISH;
  }
  self->name = dup_content (find_child (root, "name"));
  if (find_child (root, "description") != NULL)
    self->description = dup_content (find_child (root, "description"));
  return g_steal_pointer (&self);
}

HeedLetterTemplate *
heed_letter_template_new_builtin (const char  *id,
                                  GError     **error)
{
  return heed_letter_template_new_builtin_in (id, HEED_LANGUAGE_ENGLISH, error);
}

HeedLetterTemplate *
heed_letter_template_new_builtin_in (const char    *id,
                                     HeedLanguage   language,
                                     GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *path = NULL;
  HeedLetterTemplate *self;

  g_return_val_if_fail (id != NULL, NULL);

  if (!g_strv_contains (builtin_ids, id))
    {
      g_autofree char *valid = g_strjoinv (", ", (char **) builtin_ids);

      g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_UNKNOWN,
                   _("There is no letter template “%s”. The templates are: %s."), id, valid);
      return NULL;
    }
  /* Welsh versions sit beside the English ones as ID.cy.xml. */
  language = heed_language_resolve (language);
  path = g_strconcat (TEMPLATES_RESOURCE, id,
                      language == HEED_LANGUAGE_WELSH ? ".cy.xml" : ".xml", NULL);
  data = g_resources_lookup_data (path, 0, error);
  if (data == NULL)
    return NULL;
  self = heed_letter_template_new_from_data (g_bytes_get_data (data, NULL),
                                             g_bytes_get_size (data), error);
  if (self != NULL)
    self->builtin = TRUE;
  return self;
}

const char *const *
heed_letter_template_get_builtin_ids (void)
{
  return builtin_ids;
}

const char *
heed_letter_template_get_id (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return self->id;
}

const char *
heed_letter_template_get_name (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return self->name;
}

const char *
heed_letter_template_get_description (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return self->description;
}

const char *
heed_letter_template_get_recipient (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return self->recipient;
}

HeedLanguage
heed_letter_template_get_language (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), HEED_LANGUAGE_ENGLISH);
  return self->language;
}

const char *
heed_letter_template_get_source (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return self->source;
}

gboolean
heed_letter_template_is_builtin (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), FALSE);
  return self->builtin;
}

const char *const *
heed_letter_template_get_free_texts (HeedLetterTemplate *self)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return (const char *const *) self->free_texts->pdata;
}

const char *
heed_letter_template_get_free_text_label (HeedLetterTemplate *self,
                                          const char         *name)
{
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (self), NULL);
  return g_hash_table_lookup (self->free_text_labels, name);
}

xmlNode *
_heed_letter_template_get_body (HeedLetterTemplate *self)
{
  return find_child (xmlDocGetRootElement (self->doc), "body");
}

xmlNode *
_heed_letter_template_get_title (HeedLetterTemplate *self)
{
  return find_child (xmlDocGetRootElement (self->doc), "title");
}

/* The practice's own copies */

/* A practice's copy carries its language ("cy"); English copies have none. */
static gboolean
copy_is_in (HeedRecord   *record,
            HeedLanguage  language)
{
  HeedLanguage copy_language = HEED_LANGUAGE_ENGLISH;

  heed_language_from_text (heed_record_get_text (record, HEED_TEMPLATE_LANGUAGE),
                           &copy_language);
  return copy_language == language;
}

static HeedTemplate *
find_copy (HeedStore     *store,
           const char    *id,
           HeedLanguage   language,
           GError       **error)
{
  g_autoptr(GPtrArray) copies = heed_store_list (store, HEED_TYPE_TEMPLATE, 0, error);

  if (copies == NULL)
    return NULL;
  for (guint i = 0; i < copies->len; i++)
    {
      HeedRecord *record = g_ptr_array_index (copies, i);

      if (g_strcmp0 (heed_record_get_text (record, HEED_TEMPLATE_CODE), id) == 0
          && copy_is_in (record, language))
        return g_object_ref (HEED_TEMPLATE (record));
    }
  return NULL;
}

HeedLetterTemplate *
heed_letter_template_load (HeedStore   *store,
                           const char  *id,
                           GError     **error)
{
  return heed_letter_template_load_in (store, id, HEED_LANGUAGE_INTERFACE, error);
}

HeedLetterTemplate *
heed_letter_template_load_in (HeedStore     *store,
                              const char    *id,
                              HeedLanguage   language,
                              GError       **error)
{
  g_autoptr(HeedTemplate) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *body;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  language = heed_language_resolve (language);
  copy = find_copy (store, id, language, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (copy == NULL)
    {
      HeedLetterTemplate *builtin = heed_letter_template_new_builtin_in (id, language,
                                                                          &local_error);

      if (builtin == NULL && g_error_matches (local_error, HEED_LETTER_TEMPLATE_ERROR,
                                              HEED_LETTER_TEMPLATE_ERROR_UNKNOWN))
        {
          g_auto(GStrv) ids = heed_letter_template_list_ids (store, NULL);
          g_autofree char *valid = ids != NULL ? g_strjoinv (", ", ids) : g_strdup ("");

          g_set_error (error, HEED_LETTER_TEMPLATE_ERROR, HEED_LETTER_TEMPLATE_ERROR_UNKNOWN,
                       _("There is no letter template “%s”. The templates are: %s."), id,
                       valid);
          return NULL;
        }
      if (builtin == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return builtin;
    }

  body = heed_record_get_text (HEED_RECORD (copy), HEED_TEMPLATE_BODY);
  return heed_letter_template_new_from_data (body != NULL ? body : "", -1, error);
}

GStrv
heed_letter_template_list_ids (HeedStore  *store,
                               GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) copies = NULL;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  copies = heed_store_list (store, HEED_TYPE_TEMPLATE, 0, error);
  if (copies == NULL)
    return NULL;
  g_strv_builder_addv (builder, (const char **) builtin_ids);
  for (guint i = 0; i < copies->len; i++)
    {
      const char *code = heed_record_get_text (g_ptr_array_index (copies, i),
                                               HEED_TEMPLATE_CODE);

      if (code != NULL && !g_strv_contains (builtin_ids, code))
        g_strv_builder_add (builder, code);
    }
  return g_strv_builder_end (builder);
}

HeedLetterTemplate *
heed_letter_template_save_copy (HeedStore   *store,
                                const char  *xml,
                                GError     **error)
{
  g_autoptr(HeedLetterTemplate) parsed = NULL;
  g_autoptr(HeedTemplate) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  HeedRecord *record;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (xml != NULL, NULL);

  parsed = heed_letter_template_new_from_data (xml, -1, error);
  if (parsed == NULL)
    return NULL;

  copy = find_copy (store, parsed->id, parsed->language, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (copy == NULL)
    copy = heed_template_new ();
  record = HEED_RECORD (copy);
  heed_record_set_text (record, HEED_TEMPLATE_CODE, parsed->id);
  heed_record_set_text (record, HEED_TEMPLATE_LANGUAGE,
                        parsed->language == HEED_LANGUAGE_WELSH ? "cy" : NULL);
  heed_record_set_text (record, HEED_TEMPLATE_NAME, parsed->name);
  heed_record_set_text (record, HEED_TEMPLATE_BODY, xml);
  heed_record_set_bool (record, HEED_TEMPLATE_BUILTIN, FALSE);
  heed_record_set_text (record, HEED_TEMPLATE_UPDATED_AT, stamp);
  if (!heed_store_save (store, record, error))
    return NULL;
  return g_steal_pointer (&parsed);
}

gboolean
heed_letter_template_remove_copy (HeedStore     *store,
                                  const char    *id,
                                  HeedLanguage   language,
                                  GError       **error)
{
  g_autoptr(HeedTemplate) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  copy = find_copy (store, id, heed_language_resolve (language), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (copy == NULL)
    return TRUE;
  return heed_store_delete_template (store, heed_record_get_id (HEED_RECORD (copy)), error);
}
