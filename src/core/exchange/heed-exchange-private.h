/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the exchange's files share: the document's vocabulary (the kinds of record, where each
 * goes, what references point at) and the streaming reader the import is built on. Private to
 * the exchange. */

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "heed-exchange.h"
#include "heed-xml-reader.h"

G_BEGIN_DECLS

typedef enum {
  KIND_STAFF,
  KIND_PERSON,
  KIND_TEMPLATE,
  KIND_CASE,
  KIND_ELEMENT,
  KIND_EVENT,
  KIND_ACTION,
  KIND_LETTER,
  KIND_RESTRICTION,
  KIND_ATTACHMENT,
  KIND_SURVEY_RESPONSE,
  N_KINDS
} Kind;

typedef struct {
  const char *container;
  Kind        kind;
} CaseChild;

#define N_CASE_CHILDREN 5

/* The largest file an import reads (set smaller by the tests). */
extern gsize _heed_exchange_size_limit;
extern const char *const _heed_exchange_kind_elements[N_KINDS];
/* The records kept inside a <case>, in the order they are written. */
extern const CaseChild _heed_exchange_case_children[N_CASE_CHILDREN];
extern const char *const _heed_exchange_case_containers[];
extern const char *const _heed_exchange_letter_containers[];

GType _heed_exchange_kind_get_type (Kind kind);
gboolean _heed_exchange_find_reference_target (const char *table,
                                               const char *field,
                                               Kind       *target);
gboolean _heed_exchange_is_xml_text (const char *text);

/* The import's reader (heed-exchange-reader.c). */

/* Where the bytes of the file stand before its root element. A document type declaration is
 * where entities that expand without end, or read other files, are declared; Heed never writes
 * one, and refuses it before libxml2 reads a byte of it. */
typedef enum {
  PROLOG_TEXT,
  PROLOG_LT,
  PROLOG_PI,
  PROLOG_PI_END,
  PROLOG_BANG,
  PROLOG_BANG_DASH,
  PROLOG_COMMENT,
  PROLOG_COMMENT_DASH,
  PROLOG_COMMENT_END,
  PROLOG_DONE,
} PrologState;

typedef struct {
  int             fd;
  xmlTextReader  *reader;
  xmlRelaxNG     *schema;          /* the reader's, kept until the reader is freed */
  HeedXmlProblem  problem;
  gboolean        schema_problem;  /* the first problem is the schema's, not the syntax's */
  gboolean        in_case;         /* reading the fields of a case */
  char           *unknown_field;   /* the schema met a field a case does not have */
  int             read_errno;      /* reading the file failed */
  PrologState     prolog;
  guint64         offset;
  long            line;
  long            markup_line;     /* the line of the last "<" before the root */
} Stream;

static inline xmlNode *
next_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

static inline xmlNode *
first_element (xmlNode *parent)
{
  return parent != NULL ? next_element (parent->children) : NULL;
}

#define FOREACH_ELEMENT(child, parent) \
  for (xmlNode *child = first_element (parent); child != NULL; child = next_element (child->next))

gboolean _heed_exchange_check_root (Stream  *st,
                                    GError **error);
char *_heed_exchange_dup_attribute (xmlNode    *node,
                                    const char *name);
char *_heed_exchange_dup_text (xmlNode  *node,
                               GError  **error);
xmlNode *_heed_exchange_find_child (xmlNode    *parent,
                                    const char *name);
gboolean _heed_exchange_is_heed_element (xmlNode    *node,
                                         const char *name);
gboolean _heed_exchange_is_valid_datetime (const char *text);
gboolean _heed_exchange_is_valid_reference (const char *reference);
gboolean _heed_exchange_number_attribute (xmlNode     *node,
                                          const char  *name,
                                          gint64       min,
                                          gint64      *value,
                                          GError     **error);
gboolean _heed_exchange_parse_number (xmlNode     *node,
                                      const char  *name,
                                      const char  *text,
                                      gint64       min,
                                      gint64      *value,
                                      GError     **error);
GBytes *_heed_exchange_read_chunks (xmlNode  *node,
                                    GError  **error);
void _heed_exchange_stream_close (Stream *st);
gboolean _heed_exchange_stream_failed (Stream *st);
gboolean _heed_exchange_stream_open (Stream      *st,
                                     int          fd,
                                     const char  *path,
                                     GError     **error);
gboolean _heed_exchange_stream_read (Stream   *st,
                                     int      *more,
                                     GError  **error);
void _heed_exchange_stream_set_error (Stream  *st,
                                      GError **error);
gboolean _heed_exchange_stream_skip (Stream   *st,
                                     int      *more,
                                     GError  **error);
gboolean _heed_exchange_stream_step (Stream   *st,
                                     int       rc,
                                     int      *more,
                                     GError  **error);

G_END_DECLS
