/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <libxml/SAX2.h>
#include <string.h>

#include "heed-xml-reader.h"

void
heed_xml_problem_note (HeedXmlProblem *problem,
                       const char     *message,
                       long            line)
{
  if (problem->message != NULL)
    return;
  problem->message = g_strstrip (g_strdup (message != NULL ? message : ""));
  /* libxml2's messages end without a full stop; Heed's own sentences add one. */
  if (g_str_has_suffix (problem->message, "."))
    problem->message[strlen (problem->message) - 1] = '\0';
  problem->line = line;
}

void
heed_xml_problem_note_error (void     *problem,
                             xmlError *error)
{
  heed_xml_problem_note (problem, error->message, error->line);
}

void
heed_xml_problem_clear (HeedXmlProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}

static void
refuse_doctype (void *ctx)
{
  xmlParserCtxt *ctxt = ctx;
  HeedXmlProblem *problem = ctxt->_private;

  if (!problem->doctype)
    {
      problem->doctype = TRUE;
      problem->doctype_line = xmlSAX2GetLineNumber (ctxt);
    }
  xmlStopParser (ctxt);
}

static void
on_subset (void          *ctx,
           const xmlChar *name,
           const xmlChar *external_id,
           const xmlChar *system_id)
{
  refuse_doctype (ctx);
}

static void
on_entity_decl (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_doctype (ctx);
}

static xmlParserInput *
on_resolve_entity (void          *ctx,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  refuse_doctype (ctx);
  return NULL;
}

static void
on_parse_error (void     *ctx,
                xmlError *error)
{
  xmlParserCtxt *ctxt = ctx;

  heed_xml_problem_note (ctxt->_private, error->message, error->line);
}

xmlDoc *
heed_xml_read (int             fd,
               const char     *data,
               gsize           length,
               const char     *url,
               const char     *encoding,
               int             options,
               HeedXmlProblem *problem)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  gboolean well_formed;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      problem->not_started = TRUE;
      return NULL;
    }
  ctxt->_private = problem;
  ctxt->sax->internalSubset = on_subset;
  ctxt->sax->externalSubset = on_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  ctxt->sax->resolveEntity = on_resolve_entity;
  ctxt->sax->serror = on_parse_error;

  /* No NOENT (entities stay unsubstituted), no DTDLOAD or DTDATTR (nothing outside the
   * document is read), no HUGE (libxml2 keeps its limits), no network. */
  options |= XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA
             | XML_PARSE_BIG_LINES;
  if (fd >= 0)
    doc = xmlCtxtReadFd (ctxt, fd, url, encoding, options);
  else
    doc = xmlCtxtReadMemory (ctxt, data, (int) length, url, encoding, options);
  well_formed = ctxt->wellFormed;
  xmlFreeParserCtxt (ctxt);

  if (!problem->doctype && doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    {
      problem->doctype = TRUE;
      problem->doctype_line = 1;
    }
  if (problem->doctype || !well_formed)
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}
