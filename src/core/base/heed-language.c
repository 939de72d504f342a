/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "heed-core-languages.h"
#include "heed-language.h"

/* The Welsh catalogue is compiled from po/cy.po into Heed's resources, so that a Welsh letter
 * can be made on any computer, in any interface language, installed or not. */
#define WELSH_CATALOGUE "/io/github/heedapp/Heed/core/cy.mo"
#define MO_MAGIC 0x950412deu

typedef struct {
  GBytes     *bytes;
  /* msgid (the singular, for plurals) → the entry's translation */
  GHashTable *messages;
} Catalogue;

typedef struct {
  const char *text;
  guint32     length;
} Translation;

static GPrivate document_language;

const char *
heed_language_get_code (HeedLanguage language)
{
  switch (language)
    {
    case HEED_LANGUAGE_ENGLISH:
      return "en";
    case HEED_LANGUAGE_WELSH:
      return "cy";
    case HEED_LANGUAGE_INTERFACE:
    default:
      return "";
    }
}

const char *
heed_language_get_autonym (HeedLanguage language)
{
  switch (language)
    {
    case HEED_LANGUAGE_ENGLISH:
      return "English";
    case HEED_LANGUAGE_WELSH:
      return "Cymraeg";
    case HEED_LANGUAGE_INTERFACE:
    default:
      return "";
    }
}

gboolean
heed_language_from_text (const char   *text,
                         HeedLanguage *language)
{
  static const struct {
    const char  *name;
    HeedLanguage language;
  } names[] = {
    { "cy", HEED_LANGUAGE_WELSH },
    { "welsh", HEED_LANGUAGE_WELSH },
    { "cymraeg", HEED_LANGUAGE_WELSH },
    { "en", HEED_LANGUAGE_ENGLISH },
    { "english", HEED_LANGUAGE_ENGLISH },
    { "saesneg", HEED_LANGUAGE_ENGLISH },
  };
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  /* "cy_GB", "en-GB" */
  folded[strcspn (folded, "_-")] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (folded, names[i].name) == 0)
      {
        if (language != NULL)
          *language = names[i].language;
        return TRUE;
      }
  return FALSE;
}

HeedLanguage
heed_language_resolve (HeedLanguage language)
{
  /* The empty message id asks gettext for the catalogue's header (not a string to
   * translate, so not written as a literal here). */
  static const char header_id[] = { '\0' };
  const char *header;

  if (language != HEED_LANGUAGE_INTERFACE)
    return language;
  /* Whether the interface really is in Welsh, not merely asked to be: the header of the
   * catalogue gettext is using names its language. */
  header = dgettext (GETTEXT_PACKAGE, header_id);
  return header != NULL && strstr (header, "\nLanguage: cy") != NULL
         ? HEED_LANGUAGE_WELSH : HEED_LANGUAGE_ENGLISH;
}

HeedLanguage
heed_language_set_document (HeedLanguage language)
{
  HeedLanguage previous = heed_language_get_document ();

  g_private_set (&document_language, GINT_TO_POINTER (language));
  return previous;
}

HeedLanguage
heed_language_get_document (void)
{
  return (HeedLanguage) GPOINTER_TO_INT (g_private_get (&document_language));
}

const char *
heed_language_get_document_locale (void)
{
  HeedLanguage language = heed_language_get_document ();

  return language == HEED_LANGUAGE_INTERFACE ? NULL : heed_language_get_code (language);
}

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swapped)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* A string of the catalogue's tables: within the data and ended by a NUL, else NULL. */
static const char *
table_string (const guint8 *data,
              gsize         size,
              gsize         table,
              guint32       index,
              gboolean      swapped,
              guint32      *length)
{
  gsize entry = table + (gsize) index * 8;
  guint32 offset;

  if (entry > size || size - entry < 8)
    return NULL;
  *length = read_word (data, entry, swapped);
  offset = read_word (data, entry + 4, swapped);
  if (offset >= size || size - offset <= *length || data[offset + *length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

/* Reads a GNU .mo file; anything malformed gives an empty catalogue, so that documents
 * fall back to English rather than crash. */
static Catalogue *
catalogue_new (GBytes *bytes)
{
  Catalogue *catalogue = g_new0 (Catalogue, 1);
  gsize size = 0;
  const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  gboolean swapped;
  guint32 n, originals, translations;

  catalogue->bytes = bytes;
  catalogue->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (data == NULL || size < 20)
    return catalogue;
  swapped = read_word (data, 0, FALSE) != MO_MAGIC;
  if (read_word (data, 0, swapped) != MO_MAGIC)
    return catalogue;
  n = read_word (data, 8, swapped);
  originals = read_word (data, 12, swapped);
  translations = read_word (data, 16, swapped);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 original_length, translation_length;
      const char *original = table_string (data, size, originals, i, swapped, &original_length);
      const char *translation = table_string (data, size, translations, i, swapped,
                                              &translation_length);
      Translation *entry;

      if (original == NULL || translation == NULL)
        break;
      /* The header (empty msgid) and empty translations are not translations. */
      if (*original == '\0' || *translation == '\0')
        continue;
      entry = g_new (Translation, 1);
      entry->text = translation;
      entry->length = translation_length;
      g_hash_table_replace (catalogue->messages, (gpointer) original, entry);
    }
  return catalogue;
}

static Catalogue *
welsh_catalogue (void)
{
  static gsize loaded;
  static Catalogue *catalogue;

  if (g_once_init_enter (&loaded))
    {
      /* Looked up in its own resource, which also keeps it in the link. */
      catalogue = catalogue_new (g_resource_lookup_data (heed_core_languages_get_resource (),
                                                         WELSH_CATALOGUE, 0, NULL));
      g_once_init_leave (&loaded, 1);
    }
  return catalogue;
}

/* Welsh has six plural forms; this is the rule of po/cy.po's Plural-Forms. */
static guint
welsh_plural_form (gulong n)
{
  switch (n)
    {
    case 0:
      return 0;
    case 1:
      return 1;
    case 2:
      return 2;
    case 3:
      return 3;
    case 6:
      return 4;
    default:
      return 5;
    }
}

const char *
heed_document_gettext (const char *msgid)
{
  Translation *entry;

  g_return_val_if_fail (msgid != NULL, NULL);

  switch (heed_language_get_document ())
    {
    case HEED_LANGUAGE_ENGLISH:
      return msgid;
    case HEED_LANGUAGE_WELSH:
      entry = g_hash_table_lookup (welsh_catalogue ()->messages, msgid);
      return entry != NULL ? entry->text : msgid;
    case HEED_LANGUAGE_INTERFACE:
    default:
      return g_dgettext (GETTEXT_PACKAGE, msgid);
    }
}

const char *
heed_document_ngettext (const char *msgid,
                        const char *msgid_plural,
                        gulong      n)
{
  Translation *entry;
  const char *form;
  guint wanted;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  switch (heed_language_get_document ())
    {
    case HEED_LANGUAGE_ENGLISH:
      return n == 1 ? msgid : msgid_plural;
    case HEED_LANGUAGE_WELSH:
      entry = g_hash_table_lookup (welsh_catalogue ()->messages, msgid);
      if (entry == NULL)
        return n == 1 ? msgid : msgid_plural;
      /* The forms follow each other, each ended by a NUL, within the entry's length. */
      form = entry->text;
      wanted = welsh_plural_form (n);
      for (guint i = 0; i < wanted; i++)
        {
          gsize used = (gsize) (form - entry->text) + strlen (form) + 1;

          if (used >= entry->length)
            return entry->text;
          form = entry->text + used;
        }
      return form;
    case HEED_LANGUAGE_INTERFACE:
    default:
      return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
    }
}
