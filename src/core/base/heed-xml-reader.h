/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/parser.h>

G_BEGIN_DECLS

/* What was wrong with an XML document Heed was given to read: libxml2's first complaint with
 * its line, and whether (and where) it met a document type declaration. */
typedef struct {
  gboolean  not_started;   /* libxml2 could not start (out of memory) */
  gboolean  doctype;
  long      doctype_line;
  char     *message;
  long      line;
} HeedXmlProblem;

void    heed_xml_problem_note       (HeedXmlProblem *problem,
                                     const char     *message,
                                     long            line);
/* For libxml2's structured errors (RELAX NG among them), with the problem as the data. */
void    heed_xml_problem_note_error (void           *problem,
                                     xmlError       *error);
void    heed_xml_problem_clear      (HeedXmlProblem *problem);

/* Reads a document someone gave Heed: from @fd, or from @data when @fd is -1. Any document
 * type declaration is refused before anything in it is read (it is where entities that
 * expand without end or read other files are declared), entities are not substituted and
 * nothing is fetched from the network; @options are added to that. NULL when the document is
 * refused or cannot be read (@problem says why: not_started, doctype, or libxml2's message,
 * which may be missing). */
xmlDoc *heed_xml_read               (int             fd,
                                     const char     *data,
                                     gsize           length,
                                     const char     *url,
                                     const char     *encoding,
                                     int             options,
                                     HeedXmlProblem *problem);

G_END_DECLS
