/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-exchange-private.h"

#define SCHEMA_RESOURCE RESOURCE_BASE "/data/heed-exchange.rng"

/* Import: reading the file
 *
 * The file is read as a stream with libxml2's reader, and checked against the schema as it is
 * read: each record (a member of staff, a case with all it holds…) is built as a small tree,
 * written, and let go before the next is read, so the memory an import takes is that of its
 * largest record, whatever the size of the file. Everything is written inside one transaction,
 * so a problem met at the end still leaves the practice as it was. */

static void
scan_prolog (Stream     *st,
             const char *bytes,
             gsize       length)
{
  for (gsize i = 0; i < length && st->prolog != PROLOG_DONE && !st->problem.doctype; i++)
    {
      guchar c = (guchar) bytes[i];
      guint64 offset = st->offset + i;

      if (c == '\n')
        st->line++;
      switch (st->prolog)
        {
        case PROLOG_TEXT:
          if (c == '<')
            {
              st->prolog = PROLOG_LT;
              st->markup_line = st->line;
            }
          else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n'
                     || (offset < 3 && (c == 0xEF || c == 0xBB || c == 0xBF))))
            st->prolog = PROLOG_DONE;   /* not XML Heed wrote: libxml2 says what is wrong */
          break;
        case PROLOG_LT:
          st->prolog = c == '?' ? PROLOG_PI : c == '!' ? PROLOG_BANG : PROLOG_DONE;
          break;
        case PROLOG_PI:
          if (c == '?')
            st->prolog = PROLOG_PI_END;
          break;
        case PROLOG_PI_END:
          st->prolog = c == '>' ? PROLOG_TEXT : c == '?' ? PROLOG_PI_END : PROLOG_PI;
          break;
        case PROLOG_BANG:
          if (c == '-')
            st->prolog = PROLOG_BANG_DASH;
          else if (c == 'D' || c == 'd' || c == '[')
            {
              st->problem.doctype = TRUE;
              st->problem.doctype_line = st->markup_line;
            }
          else
            st->prolog = PROLOG_DONE;
          break;
        case PROLOG_BANG_DASH:
          st->prolog = c == '-' ? PROLOG_COMMENT : PROLOG_DONE;
          break;
        case PROLOG_COMMENT:
          if (c == '-')
            st->prolog = PROLOG_COMMENT_DASH;
          break;
        case PROLOG_COMMENT_DASH:
          st->prolog = c == '-' ? PROLOG_COMMENT_END : PROLOG_COMMENT;
          break;
        case PROLOG_COMMENT_END:
          st->prolog = c == '>' ? PROLOG_TEXT : c == '-' ? PROLOG_COMMENT_END : PROLOG_COMMENT;
          break;
        case PROLOG_DONE:
        default:
          break;
        }
    }
  st->offset += length;
}

static int
stream_read_cb (void *context,
                char *buffer,
                int   len)
{
  Stream *st = context;
  gssize n;

  if (st->problem.doctype)
    return -1;
  do
    n = read (st->fd, buffer, (gsize) len);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      st->read_errno = errno;
      return -1;
    }
  scan_prolog (st, buffer, (gsize) n);
  /* A declaration was found in what was read: libxml2 gets none of it. */
  return st->problem.doctype ? -1 : (int) n;
}

static int
stream_close_cb (void *context)
{
  /* The file belongs to heed_exchange_import_xml(), which closes it. */
  return 0;
}

static void
stream_error_cb (void     *context,
                 xmlError *error)
{
  Stream *st = context;

  if (error->level == XML_ERR_WARNING || st->problem.message != NULL)
    return;
  st->schema_problem = error->domain == XML_FROM_RELAXNGV;
  heed_xml_problem_note (&st->problem, error->message, error->line);
  /* The schema lists a case's fields so that a case can be read as a stream; one it does not
   * list is said in Heed's words, as for the other records. */
  if (st->schema_problem && error->code == XML_RELAXNG_ERR_ELEMWRONG && error->str1 != NULL
      && error->node != NULL && ((xmlNode *) error->node)->parent != NULL
      && ((xmlNode *) error->node)->parent->type == XML_ELEMENT_NODE
      && g_strcmp0 ((const char *) ((xmlNode *) error->node)->parent->name, "case") == 0
      && !g_strv_contains (_heed_exchange_case_containers, error->str1))
    st->unknown_field = g_strdup (error->str1);
}

/* libxml2 checks an element against the schema as it reads it only when the element's
 * content names its children; an element that allows any name (as a case's fields do in
 * data/heed-exchange.rng) is built whole first, attachments and all. So the reader gets the
 * schema with the case's fields named, from the case's field table: the same fields, and a
 * case read as a stream. NULL when the schema does not have the define to replace. */
#define CASE_FIELD_DEFINE "<define name=\"case-field\">"

static char *
dup_streaming_schema (const char *schema,
                      gsize       size)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (HEED_TYPE_CASE);
  g_autofree char *text = g_strndup (schema, size);
  const char *start = strstr (text, CASE_FIELD_DEFINE);
  const char *end = start != NULL ? strstr (start, "</define>") : NULL;
  GString *out;

  if (end == NULL)
    return NULL;
  out = g_string_new_len (text, start - text);
  g_string_append (out, CASE_FIELD_DEFINE "<choice>");
  for (guint i = 0; i < HEED_RECORD_CLASS (klass)->n_fields; i++)
    g_string_append_printf (out, "<element name=\"%s\"><ref name=\"text-content\"/></element>",
                            HEED_RECORD_CLASS (klass)->fields[i].name);
  g_string_append (out, "</choice>");
  g_string_append (out, end);
  return g_string_free (out, FALSE);
}

gboolean
_heed_exchange_stream_open (Stream      *st,
                            int          fd,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GBytes) schema_text = NULL;
  g_autofree char *streaming = NULL;
  HeedXmlProblem schema_problem = { 0 };
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  const char *schema_data;
  gsize size;

  st->fd = fd;
  st->line = 1;
  st->markup_line = 1;

  /* No NOENT (entities stay unsubstituted), no DTDLOAD or DTDATTR (nothing outside the
   * document is read), no HUGE (libxml2 keeps its limits), no network. */
  st->reader = xmlReaderForIO (stream_read_cb, stream_close_cb, st, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  if (st->reader == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("Heed could not start reading the file."));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (st->reader, stream_error_cb, st);

  schema_text = g_resources_lookup_data (SCHEMA_RESOURCE, 0, error);
  if (schema_text == NULL)
    return FALSE;
  schema_data = g_bytes_get_data (schema_text, &size);
  streaming = dup_streaming_schema (schema_data, size);
  if (streaming != NULL)
    {
      schema_data = streaming;
      size = strlen (streaming);
    }
  parser = xmlRelaxNGNewMemParserCtxt (schema_data, (int) size);
  if (parser != NULL)
    xmlRelaxNGSetParserStructuredErrors (parser, heed_xml_problem_note_error, &schema_problem);
  schema = parser != NULL ? xmlRelaxNGParse (parser) : NULL;
  xmlRelaxNGFreeParserCtxt (parser);
  /* The reader validates each part as it reads it, with the schema it borrows. */
  st->schema = schema;
  if (schema == NULL || xmlTextReaderRelaxNGSetSchema (st->reader, schema) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Heed’s own description of the exchange format could not be read (%s)."),
                   schema_problem.message != NULL ? schema_problem.message : "");
      heed_xml_problem_clear (&schema_problem);
      return FALSE;
    }
  heed_xml_problem_clear (&schema_problem);
  return TRUE;
}

void
_heed_exchange_stream_close (Stream *st)
{
  g_clear_pointer (&st->reader, xmlFreeTextReader);
  g_clear_pointer (&st->schema, xmlRelaxNGFree);
  g_clear_pointer (&st->unknown_field, g_free);
  heed_xml_problem_clear (&st->problem);
}

/* What went wrong with the file, in words, once the reader has stopped or complained. */
void
_heed_exchange_stream_set_error (Stream  *st,
                                 GError **error)
{
  long line = st->problem.message != NULL && st->problem.line > 0
              ? st->problem.line : MAX (1, xmlTextReaderGetParserLineNumber (st->reader));

  if (st->problem.doctype)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: the file has a document type declaration (<!DOCTYPE …>). Heed "
                   "exchange files never have one, and Heed refuses them, because they can "
                   "declare entities that expand without end or read other files."),
                 st->problem.doctype_line);
  else if (st->read_errno != 0)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                 _("The file could not be read: %s."), g_strerror (st->read_errno));
  else if (st->unknown_field != NULL)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: <%s> has no field called “%s”."), line, "case",
                 st->unknown_field);
  else if (st->schema_problem)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: the file does not follow the Heed exchange format: %s."),
                 line, st->problem.message);
  else
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: this is not well-formed XML (%s). The file may be damaged or cut "
                   "short, or may not be an export from Heed."),
                 line, st->problem.message != NULL ? st->problem.message
                                                   : _("it could not be read"));
}

gboolean
_heed_exchange_stream_failed (Stream *st)
{
  return st->problem.doctype || st->problem.message != NULL || st->read_errno != 0;
}

/* The next node: 1, or 0 at the end of the file; FALSE with @error set when the file is not
 * well formed, does not follow the schema, or holds what Heed never writes. */
gboolean
_heed_exchange_stream_step (Stream   *st,
                            int       rc,
                            int      *more,
                            GError  **error)
{
  int type;

  if (rc < 0 || _heed_exchange_stream_failed (st))
    {
      _heed_exchange_stream_set_error (st, error);
      return FALSE;
    }
  *more = rc;
  if (rc == 0)
    return TRUE;
  type = xmlTextReaderNodeType (st->reader);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      /* The second line of defence (a file in UTF-16, which the scan above does not read). */
      st->problem.doctype = TRUE;
      st->problem.doctype_line = MAX (1, xmlTextReaderGetParserLineNumber (st->reader));
      _heed_exchange_stream_set_error (st, error);
      return FALSE;
    }
  if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY)
    {
      heed_xml_problem_note (&st->problem, _("it refers to an entity Heed does not know"),
                             xmlTextReaderGetParserLineNumber (st->reader));
      _heed_exchange_stream_set_error (st, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_heed_exchange_stream_read (Stream   *st,
                            int      *more,
                            GError  **error)
{
  return _heed_exchange_stream_step (st, xmlTextReaderRead (st->reader), more, error);
}

/* Past the subtree of the current element, which has been read. */
gboolean
_heed_exchange_stream_skip (Stream   *st,
                            int      *more,
                            GError  **error)
{
  return _heed_exchange_stream_step (st, xmlTextReaderNext (st->reader), more, error);
}

gboolean
_heed_exchange_is_heed_element (xmlNode    *node,
                                const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, HEED_EXCHANGE_NAMESPACE) == 0
         && (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

char *
_heed_exchange_dup_attribute (xmlNode    *node,
                              const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The root, namespace and version, in words, before the schema's own complaint about them. */
gboolean
_heed_exchange_check_root (Stream  *st,
                           GError **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (st->reader);
  xmlNode *root = xmlTextReaderCurrentNode (st->reader);
  long line = root != NULL ? xmlGetLineNo (root) : 1;
  g_autofree char *version = NULL;
  xmlChar *value;

  if (g_strcmp0 (name, "heed-practice") != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: this is not a Heed exchange file: it starts with <%s> where "
                     "<heed-practice> was expected."),
                   line, name != NULL ? name : "");
      return FALSE;
    }
  if (g_strcmp0 (ns, HEED_EXCHANGE_NAMESPACE) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: this is not a Heed exchange file: <heed-practice> must be in "
                     "the namespace %s."),
                   line, HEED_EXCHANGE_NAMESPACE);
      return FALSE;
    }
  value = xmlTextReaderGetAttribute (st->reader, (const xmlChar *) "version");
  version = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  if (version == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file does not say which version of the exchange format it "
                     "follows (the version attribute of <heed-practice>)."),
                   line);
      return FALSE;
    }
  if (strcmp (version, HEED_EXCHANGE_VERSION) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file follows version “%s” of the exchange format, and this "
                     "Heed reads version %s. A newer Heed may be able to import it."),
                   line, version, HEED_EXCHANGE_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* Import: values */

xmlNode *
_heed_exchange_find_child (xmlNode    *parent,
                           const char *name)
{
  FOREACH_ELEMENT (child, parent)
    if (_heed_exchange_is_heed_element (child, name))
      return child;
  return NULL;
}

/* Base64 as Heed writes it, with white space allowed between: anything else is refused rather
 * than skipped, as g_base64_decode() would. */
static gboolean
append_base64 (GByteArray  *into,
               const char  *text,
               xmlNode     *node,
               GError     **error)
{
  g_autofree char *clean = g_new (char, strlen (text) + 1);
  gsize n = 0, padding = 0, out_len;
  gint state = 0;
  guint save = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        goto bad;
      clean[n++] = *p;
    }
  if (n % 4 != 0 || padding > 2)
    goto bad;

  out_len = into->len;
  g_byte_array_set_size (into, into->len + (n / 4) * 3 + 3);
  out_len += g_base64_decode_step (clean, n, into->data + out_len, &state, &save);
  g_byte_array_set_size (into, out_len);
  return TRUE;

bad:
  g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
               _("Line %ld: the content of <%s> is not valid base64."), xmlGetLineNo (node),
               (const char *) node->name);
  return FALSE;
}

/* The text of a field-like element, decoded when it is marked encoding="base64". */
char *
_heed_exchange_dup_text (xmlNode  *node,
                         GError  **error)
{
  g_autofree char *encoding = _heed_exchange_dup_attribute (node, "encoding");
  xmlChar *content = xmlNodeGetContent (node);
  g_autoptr(GByteArray) bytes = NULL;

  if (encoding == NULL)
    {
      char *text = g_strdup (content != NULL ? (const char *) content : "");

      xmlFree (content);
      return text;
    }
  if (strcmp (encoding, "base64") != 0)
    {
      xmlFree (content);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: <%s> has an encoding Heed does not know (“%s”)."),
                   xmlGetLineNo (node), (const char *) node->name, encoding);
      return NULL;
    }
  bytes = g_byte_array_new ();
  if (!append_base64 (bytes, content != NULL ? (const char *) content : "", node, error))
    {
      xmlFree (content);
      return NULL;
    }
  xmlFree (content);
  if (memchr (bytes->data, '\0', bytes->len) != NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the text of <%s> holds a NUL character, which Heed cannot keep."),
                   xmlGetLineNo (node), (const char *) node->name);
      return NULL;
    }
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* The bytes held in the <chunk>s of @node. Each chunk's text is let go once it is decoded,
 * so an attachment is held about once, not as its base64 and its bytes together. */
GBytes *
_heed_exchange_read_chunks (xmlNode  *node,
                            GError  **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  gsize encoded = 0, chunks = 0;

  /* Room for all of it at once: growing by doubling would hold up to twice the bytes. */
  FOREACH_ELEMENT (chunk, node)
    {
      chunks++;
      for (xmlNode *text = chunk->children; text != NULL; text = text->next)
        if (text->type == XML_TEXT_NODE && text->content != NULL)
          encoded += strlen ((const char *) text->content);
    }
  bytes = g_byte_array_sized_new ((guint) MIN (encoded / 4 * 3 + 3 * (chunks + 1), G_MAXUINT));

  FOREACH_ELEMENT (chunk, node)
    {
      xmlChar *content = xmlNodeGetContent (chunk);
      gboolean ok = append_base64 (bytes, content != NULL ? (const char *) content : "", chunk,
                                   error);

      xmlFree (content);
      if (!ok)
        return NULL;
      xmlNodeSetContent (chunk, NULL);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
_heed_exchange_parse_number (xmlNode     *node,
                             const char  *name,
                             const char  *text,
                             gint64       min,
                             gint64      *value,
                             GError     **error)
{
  if (text == NULL
      || !g_ascii_string_to_signed (text, 10, min, G_MAXINT64, value, NULL))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: “%s” of <%s> must be a whole number, not “%s”."),
                   xmlGetLineNo (node), name, (const char *) node->name,
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
_heed_exchange_number_attribute (xmlNode     *node,
                                 const char  *name,
                                 gint64       min,
                                 gint64      *value,
                                 GError     **error)
{
  g_autofree char *text = _heed_exchange_dup_attribute (node, name);

  return _heed_exchange_parse_number (node, name, text, min, value, error);
}

gboolean
_heed_exchange_is_valid_datetime (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_zone = NULL;

  if (text == NULL || strlen (text) != 19 || text[10] != 'T')
    return FALSE;
  with_zone = g_strconcat (text, "Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_zone, NULL);
  return dt != NULL;
}

/* References as Heed gives them: capitals, digits and hyphens. */
gboolean
_heed_exchange_is_valid_reference (const char *reference)
{
  gsize length = strlen (reference);

  if (length == 0 || length > 40)
    return FALSE;
  for (const char *p = reference; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}
