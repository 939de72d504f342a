/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language a document (a letter, the poster, the leaflet, the form) is written in, which
 * need not be the language of the interface: a practice in Wales answers a Welsh speaker in
 * Welsh whatever language its computer is set to. */
typedef enum {
  HEED_LANGUAGE_INTERFACE, /* whatever the interface is in */
  HEED_LANGUAGE_ENGLISH,
  HEED_LANGUAGE_WELSH,
} HeedLanguage;

/* "en" or "cy" ("" for HEED_LANGUAGE_INTERFACE). */
const char   *heed_language_get_code          (HeedLanguage  language);
/* The language's own name ("English", "Cymraeg"), as a chooser shows it. */
const char   *heed_language_get_autonym       (HeedLanguage  language);
/* Reads a code or a name as people write it in a person's "language" field: "cy", "Welsh",
 * "Cymraeg", "en", "English". FALSE for any other language and for empty text. */
gboolean      heed_language_from_text         (const char   *text,
                                               HeedLanguage *language);

/* English or Welsh: HEED_LANGUAGE_INTERFACE becomes Welsh when the interface is in Welsh. */
HeedLanguage  heed_language_resolve           (HeedLanguage  language);

/* Sets the language of the documents this thread makes, until it is set again; returns the
 * previous one so that the caller can put it back. */
HeedLanguage  heed_language_set_document      (HeedLanguage  language);
HeedLanguage  heed_language_get_document      (void);

/* The locale to read a GKeyFile's localised values in for documents ("cy", "en"), or NULL
 * to follow the interface. */
const char   *heed_language_get_document_locale (void);

/* The translation of @msgid in the document language: English as written, Welsh from the
 * Welsh catalogue built into Heed, or the interface's translation. */
const char   *heed_document_gettext           (const char   *msgid) G_GNUC_FORMAT (1);
const char   *heed_document_ngettext          (const char   *msgid,
                                               const char   *msgid_plural,
                                               gulong        n) G_GNUC_FORMAT (1);

/* For strings of documents: xgettext knows these as keywords (see po/meson.build). */
#define D_(String) heed_document_gettext (String)

G_END_DECLS
