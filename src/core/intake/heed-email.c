/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmime/gmime.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "heed-email.h"
#include "heed-event.h"
#include "heed-store-intake.h"
#include "heed-table-import.h"

G_DEFINE_QUARK (heed-email-error-quark, heed_email_error)

static void
ensure_gmime (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_mime_init ();
      g_once_init_leave (&done, 1);
    }
}

void
heed_email_free (HeedEmail *email)
{
  if (email == NULL)
    return;
  g_free (email->filename);
  g_clear_pointer (&email->message, g_bytes_unref);
  g_free (email->digest);
  g_free (email->sender_name);
  g_free (email->sender_address);
  g_free (email->received);
  g_free (email->subject);
  g_free (email->body);
  g_clear_pointer (&email->attachments, g_ptr_array_unref);
  g_free (email);
}

/* HTML to text */

static gboolean
is_block (const char *name)
{
  static const char *const blocks[] = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "table", "ul", "ol", "hr", "section", "article", "header", "footer", "address", NULL
  };

  return g_strv_contains (blocks, name);
}

static void
html_walk (xmlNode *node,
           GString *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          const char *p = (const char *) node->content;

          /* Runs of white space are one space, as a browser shows them. */
          for (; p != NULL && *p != '\0'; p++)
            {
              if (g_ascii_isspace (*p))
                {
                  if (out->len > 0 && out->str[out->len - 1] != ' '
                      && out->str[out->len - 1] != '\n')
                    g_string_append_c (out, ' ');
                }
              else
                g_string_append_c (out, *p);
            }
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) node->name;
          gboolean block = is_block (name);

          if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0
              || g_ascii_strcasecmp (name, "head") == 0 || g_ascii_strcasecmp (name, "title") == 0)
            continue;
          if (g_ascii_strcasecmp (name, "br") == 0)
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
              continue;
            }
          if (block)
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              if (out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append_c (out, '\n');
              if (g_ascii_strcasecmp (name, "p") == 0 && out->len > 0)
                g_string_append_c (out, '\n');
            }
          if (g_ascii_strcasecmp (name, "li") == 0)
            g_string_append (out, "• ");
          html_walk (node->children, out);
          if (block && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, '\n');
          if ((g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
              && out->len > 0 && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
    }
}

/* Trims each line's end, and more than one empty line in a row. */
static char *
tidy_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  guint empty = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        {
          empty++;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, empty > 0 ? "\n\n" : "\n");
      empty = 0;
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

char *
heed_email_html_to_text (const char *html,
                         gsize       length)
{
  htmlDocPtr doc;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (html != NULL, NULL);

  if (length > G_MAXINT)
    return g_strdup ("");
  /* No network, no DTD, no entity expansion beyond HTML's own named characters. */
  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                        | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  if (doc == NULL)
    return g_strdup ("");
  html_walk (xmlDocGetRootElement (doc) != NULL ? doc->children : NULL, out);
  xmlFreeDoc (doc);
  for (char *p = out->str; *p != '\0'; p++)
    if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
      {
        /* A non-breaking space reads as a space. */
        p[0] = ' ';
        memmove (p + 1, p + 2, strlen (p + 2) + 1);
      }
  return tidy_text (out->str);
}

/* Parts */

typedef struct {
  HeedEmail *email;
  char      *plain;
  char      *html;
  guint      parts;
  guint      n_unnamed;
  GError    *error;
} Walk;

static GByteArray *
decoded_content (GMimePart *part)
{
  GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
  GMimeStream *stream;
  GByteArray *bytes;

  if (wrapper == NULL)
    return g_byte_array_new ();
  stream = g_mime_stream_mem_new ();
  g_mime_data_wrapper_write_to_stream (wrapper, stream);
  /* The stream frees its array's contents with it: copy them out. */
  {
    GByteArray *held = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));

    bytes = g_byte_array_sized_new (held->len);
    g_byte_array_append (bytes, held->data, held->len);
  }
  g_object_unref (stream);
  return bytes;
}

/* The text of a text part as UTF-8, from the charset it says (or, when it says none or one
 * that cannot be right, UTF-8 and then Windows-1252, as mail programs do). */
static char *
part_text (GMimePart  *part,
           GError    **error)
{
  g_autoptr(GByteArray) bytes = decoded_content (part);
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  char *text = NULL;

  if (bytes->len == 0)
    return g_strdup ("");
  if (bytes->len > HEED_EMAIL_MAX_TEXT * 4)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_TOO_LARGE,
                   _("The text of the email is too long to keep as what happened."));
      return NULL;
    }
  if (memchr (bytes->data, '\0', bytes->len) != NULL)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_BAD,
                   _("The text of the email is not text (it holds binary data); it may be "
                     "damaged. Ask the sender to send it again."));
      return NULL;
    }
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0
      && g_ascii_strcasecmp (charset, "us-ascii") != 0)
    {
      const char *iconv_name = g_mime_charset_iconv_name (charset);

      text = g_convert ((const char *) bytes->data, bytes->len, "UTF-8",
                        iconv_name != NULL ? iconv_name : charset, NULL, NULL, NULL);
    }
  if (text == NULL && g_utf8_validate_len ((const char *) bytes->data, bytes->len, NULL))
    text = g_strndup ((const char *) bytes->data, bytes->len);
  if (text == NULL)
    text = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", "WINDOWS-1252", NULL,
                      NULL, NULL);
  if (text == NULL)
    /* Every byte is a character in Latin-1: the last resort always reads. */
    text = g_convert ((const char *) bytes->data, bytes->len, "UTF-8", "ISO-8859-1", NULL, NULL,
                      NULL);
  if (text == NULL)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_BAD,
                   _("The text of the email cannot be read in any character set Heed knows."));
      return NULL;
    }
  /* Lines end the Unix way in the practice file. */
  {
    g_autoptr(GString) unix_text = g_string_new (NULL);

    for (const char *p = text; *p != '\0'; p++)
      if (*p != '\r')
        g_string_append_c (unix_text, *p);
      else if (p[1] != '\n')
        g_string_append_c (unix_text, '\n');
    g_free (text);
    text = g_strdup (unix_text->str);
  }
  /* format=flowed (RFC 3676, Thunderbird's way): a line ending in a space goes on. */
  {
    const char *format = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "format");

    if (format != NULL && g_ascii_strcasecmp (format, "flowed") == 0)
      {
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        g_autoptr(GString) joined = g_string_new (NULL);

        for (guint i = 0; lines[i] != NULL; i++)
          {
            const char *line = lines[i];
            gsize n;

            if (line[0] == ' ')
              line++;  /* space-stuffed */
            n = strlen (line);
            g_string_append (joined, line);
            if (!(n > 0 && line[n - 1] == ' ' && strcmp (line, "-- ") != 0)
                && lines[i + 1] != NULL)
              g_string_append_c (joined, '\n');
          }
        g_free (text);
        text = g_strdup (joined->str);
      }
  }
  return text;
}

static char *
safe_filename (const char *name,
               guint      *n_unnamed,
               const char *mime)
{
  g_autofree char *base = NULL;

  if (name != NULL && name[0] != '\0' && g_utf8_validate (name, -1, NULL))
    {
      base = g_path_get_basename (name);
      g_strdelimit (base, "/\\:\r\n\t", '_');
      if (base[0] != '\0' && strcmp (base, ".") != 0 && strcmp (base, "..") != 0)
        return g_steal_pointer (&base);
    }
  (*n_unnamed)++;
  if (g_strcmp0 (mime, "message/rfc822") == 0)
    return g_strdup_printf ("attached-message-%u.eml", *n_unnamed);
  return g_strdup_printf ("attachment-%u", *n_unnamed);
}

static void
add_attachment (Walk       *walk,
                GMimeObject *object,
                const char *name,
                GBytes     *data)
{
  GMimeContentType *type = g_mime_object_get_content_type (object);
  g_autofree char *mime = g_mime_content_type_get_mime_type (type);
  g_autofree char *filename = safe_filename (name, &walk->n_unnamed, mime);

  g_ptr_array_add (walk->email->attachments, heed_intake_document_new (filename, mime, data));
}

static gboolean
walk_part (Walk        *walk,
           GMimeObject *object,
           guint        depth)
{
  if (++walk->parts > HEED_EMAIL_MAX_PARTS)
    {
      g_set_error (&walk->error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_TOO_LARGE,
                   _("The email has more than %u parts; Heed will not read it."),
                   HEED_EMAIL_MAX_PARTS);
      return FALSE;
    }
  if (depth > HEED_EMAIL_MAX_DEPTH)
    {
      g_set_error (&walk->error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_BAD,
                   _("The email’s parts are nested more than %u deep, which no mail program "
                     "does; Heed will not read it."),
                   HEED_EMAIL_MAX_DEPTH);
      return FALSE;
    }

  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);

      for (int i = 0; i < g_mime_multipart_get_count (multipart); i++)
        if (!walk_part (walk, g_mime_multipart_get_part (multipart, i), depth + 1))
          return FALSE;
      return TRUE;
    }
  if (GMIME_IS_MESSAGE_PART (object))
    {
      /* A forwarded message is kept whole, as the document it is. */
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      GMimeStream *stream = g_mime_stream_mem_new ();
      GByteArray *array;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = NULL;

      if (inner != NULL)
        g_mime_object_write_to_stream (GMIME_OBJECT (inner), NULL, stream);
      array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
      bytes = g_bytes_new (array->data, array->len);
      g_object_unref (stream);
      if (inner != NULL && g_mime_message_get_subject (inner) != NULL)
        name = g_strdup_printf ("%s.eml", g_mime_message_get_subject (inner));
      add_attachment (walk, object, name, bytes);
      return TRUE;
    }
  if (GMIME_IS_PART (object))
    {
      GMimePart *part = GMIME_PART (object);
      GMimeContentType *type = g_mime_object_get_content_type (object);
      const char *filename = g_mime_part_get_filename (part);
      gboolean attachment = g_mime_part_is_attachment (part) || filename != NULL;

      if (!attachment && g_mime_content_type_is_type (type, "text", "plain") && walk->plain == NULL)
        {
          walk->plain = part_text (part, &walk->error);
          return walk->plain != NULL;
        }
      if (!attachment && g_mime_content_type_is_type (type, "text", "html") && walk->html == NULL)
        {
          walk->html = part_text (part, &walk->error);
          return walk->html != NULL;
        }
      if (!attachment && g_mime_content_type_is_type (type, "text", "*"))
        return TRUE;  /* another alternative (text/enriched, a calendar), not a document */
      {
        g_autoptr(GByteArray) content = decoded_content (part);
        g_autoptr(GBytes) bytes = g_bytes_new (content->data, content->len);

        add_attachment (walk, object, filename, bytes);
      }
      return TRUE;
    }
  return TRUE;
}

/* A message that nests multipart inside multipart without end would take the parser's stack
 * before any limit could be checked: such a message is refused on its face first. */
static gboolean
count_multiparts (const char *data,
                  gsize       length,
                  GError    **error)
{
  guint count = 0;
  const char *end = data + length;

  for (const char *p = data; p + 10 <= end; p++)
    if ((*p == 'm' || *p == 'M') && g_ascii_strncasecmp (p, "multipart/", 10) == 0)
      if (++count > HEED_EMAIL_MAX_PARTS)
        {
          g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_BAD,
                       _("The email’s parts are nested more than %u deep, which no mail "
                         "program does; Heed will not read it."),
                       HEED_EMAIL_MAX_DEPTH);
          return FALSE;
        }
  return TRUE;
}

HeedEmail *
heed_email_parse (GBytes      *message,
                  const char  *filename,
                  GError     **error)
{
  g_autoptr(HeedEmail) email = NULL;
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeParserOptions *options;
  GMimeMessage *parsed;
  InternetAddressList *from;
  GDateTime *date;
  Walk walk = { 0 };
  gsize length;
  const char *data;
  static const char *fallback[] = { "UTF-8", "windows-1252", NULL };

  g_return_val_if_fail (message != NULL, NULL);

  ensure_gmime ();
  data = g_bytes_get_data (message, &length);
  if (length > HEED_EMAIL_MAX_SIZE)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_TOO_LARGE,
                   _("The email is larger than %u MB, more than mail servers carry; Heed will "
                     "not read it."),
                   HEED_EMAIL_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length == 0 || !count_multiparts (data, length, error))
    {
      if (length == 0)
        g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_NOT_EMAIL,
                     _("The file is empty, not an email."));
      return NULL;
    }

  stream = g_mime_stream_mem_new_with_buffer (data, length);
  parser = g_mime_parser_new_with_stream (stream);
  options = g_mime_parser_options_new ();
  g_mime_parser_options_set_rfc2047_compliance_mode (options, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode (options, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode (options, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_fallback_charsets (options, fallback);
  parsed = g_mime_parser_construct_message (parser, options);
  g_mime_parser_options_free (options);
  g_object_unref (parser);
  g_object_unref (stream);

  from = parsed != NULL ? g_mime_message_get_from (parsed) : NULL;
  if (parsed == NULL || from == NULL || internet_address_list_length (from) == 0)
    {
      g_clear_object (&parsed);
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_NOT_EMAIL,
                   _("This is not an email message Heed can read (it has no sender). Save the "
                     "email from the mail program as a .eml file."));
      return NULL;
    }

  email = g_new0 (HeedEmail, 1);
  email->filename = g_strdup (filename != NULL ? filename : "message.eml");
  email->message = g_bytes_ref (message);
  email->digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  email->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_intake_document_free);

  {
    InternetAddress *address = internet_address_list_get_address (from, 0);
    const char *name = internet_address_get_name (address);

    if (INTERNET_ADDRESS_IS_GROUP (address))
      {
        InternetAddressList *members =
          internet_address_group_get_members (INTERNET_ADDRESS_GROUP (address));

        if (internet_address_list_length (members) > 0)
          address = internet_address_list_get_address (members, 0);
      }
    if (INTERNET_ADDRESS_IS_MAILBOX (address))
      email->sender_address =
        g_strdup (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)));
    if (name != NULL && g_utf8_validate (name, -1, NULL))
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (name));

        /* Some programs put the address as the name too. */
        if (trimmed[0] != '\0' && g_strcmp0 (trimmed, email->sender_address) != 0)
          email->sender_name = g_steal_pointer (&trimmed);
      }
  }

  date = g_mime_message_get_date (parsed);
  if (date != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (date);

      if (local != NULL)
        email->received = g_date_time_format (local, "%Y-%m-%dT%H:%M");
    }
  if (g_mime_message_get_subject (parsed) != NULL)
    {
      g_autofree char *subject = g_strstrip (g_strdup (g_mime_message_get_subject (parsed)));

      g_strdelimit (subject, "\r\n\t", ' ');
      if (subject[0] != '\0' && g_utf8_validate (subject, -1, NULL))
        email->subject = g_steal_pointer (&subject);
    }

  walk.email = email;
  if (g_mime_message_get_mime_part (parsed) != NULL
      && !walk_part (&walk, g_mime_message_get_mime_part (parsed), 0))
    {
      g_object_unref (parsed);
      g_free (walk.plain);
      g_free (walk.html);
      g_propagate_error (error, walk.error);
      return NULL;
    }
  g_object_unref (parsed);

  if (walk.plain != NULL)
    email->body = tidy_text (walk.plain);
  else if (walk.html != NULL)
    email->body = heed_email_html_to_text (walk.html, strlen (walk.html));
  g_free (walk.plain);
  g_free (walk.html);
  if (email->body != NULL && strlen (email->body) > HEED_EMAIL_MAX_TEXT)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_TOO_LARGE,
                   _("The text of the email is too long to keep as what happened."));
      return NULL;
    }
  if (email->body != NULL && email->body[0] == '\0')
    g_clear_pointer (&email->body, g_free);
  return g_steal_pointer (&email);
}

HeedEmail *
heed_email_read (const char  *path,
                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_NOT_EMAIL,
                   _("“%s” is a folder, not an email."), path);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &read_error);
  if (mapped == NULL)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_NOT_EMAIL, _("Could not read %s: %s"),
                   path, read_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > HEED_EMAIL_MAX_SIZE)
    {
      g_set_error (error, HEED_EMAIL_ERROR, HEED_EMAIL_ERROR_TOO_LARGE,
                   _("The email is larger than %u MB, more than mail servers carry; Heed will "
                     "not read it."),
                   HEED_EMAIL_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  /* A copy: the file may change under a mapping, and what is kept must be what was read. */
  bytes = g_bytes_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  base = g_path_get_basename (path);
  return heed_email_parse (bytes, base, error);
}

static char *
first_line (const char *text)
{
  g_autofree char *line = g_strstrip (g_strndup (text, strcspn (text, "\n")));

  if (g_utf8_strlen (line, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 79);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

void
heed_email_fill_intake (HeedEmail  *email,
                        HeedIntake *intake)
{
  g_return_if_fail (email != NULL);
  g_return_if_fail (intake != NULL);

  g_free (intake->kind);
  intake->kind = g_strdup ("complaint");
  g_free (intake->channel);
  intake->channel = g_strdup ("email");
  g_free (intake->received);
  intake->received = g_strdup (email->received);
  g_free (intake->summary);
  intake->summary = email->subject != NULL ? g_strdup (email->subject)
                    : email->body != NULL ? first_line (email->body) : NULL;
  g_free (intake->what_happened);
  intake->what_happened = g_strdup (email->body);
  g_clear_pointer (&intake->title, g_free);
  g_clear_pointer (&intake->first_name, g_free);
  g_clear_pointer (&intake->last_name, g_free);
  if (email->sender_name != NULL)
    heed_table_import_split_name (email->sender_name, &intake->title, &intake->first_name,
                                  &intake->last_name);
  g_free (intake->email);
  intake->email = g_strdup (email->sender_address);

  g_ptr_array_set_size (intake->documents, 0);
  g_ptr_array_add (intake->documents,
                   heed_intake_document_new (email->filename, "message/rfc822", email->message));
  for (guint i = 0; i < email->attachments->len; i++)
    {
      HeedIntakeDocument *document = g_ptr_array_index (email->attachments, i);

      g_ptr_array_add (intake->documents,
                       heed_intake_document_new (document->filename, document->mime,
                                                 document->data));
    }
  g_free (intake->message_digest);
  intake->message_digest = g_strdup (email->digest);
}

gboolean
heed_email_keep (HeedEmail  *email,
                 HeedStore  *store,
                 gint64      case_id,
                 gint64      event_id,
                 GError    **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (email != NULL, FALSE);
  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);

  if (!heed_store_begin (store, error))
    return FALSE;
  if (!heed_store_add_attachment (store, case_id, event_id, email->filename, "message/rfc822",
                                  email->message, NULL, error))
    goto failed;
  for (guint i = 0; i < email->attachments->len; i++)
    {
      HeedIntakeDocument *document = g_ptr_array_index (email->attachments, i);

      if (!heed_store_add_attachment (store, case_id, event_id, document->filename,
                                      document->mime, document->data, NULL, error))
        goto failed;
    }
  detail = g_strdup_printf ("sha256:%s %s", email->digest, email->filename);
  if (!heed_store_note_intake (store, case_id, "email", detail, error))
    goto failed;
  return heed_store_commit (store, error);

failed:
  heed_store_rollback (store);
  return FALSE;
}

gint64
heed_email_add_to_case (HeedEmail  *email,
                        HeedStore  *store,
                        gint64      case_id,
                        GError    **error)
{
  g_autoptr(HeedEvent) event = heed_event_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *occurred = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M");

  g_return_val_if_fail (email != NULL, 0);
  g_return_val_if_fail (HEED_IS_STORE (store), 0);

  /* A Date in the future (a sender's clock) is taken as now. */
  occurred = g_strconcat (email->received != NULL && g_strcmp0 (email->received, now_text) <= 0
                          ? email->received : now_text, ":00", NULL);
  if (email->subject != NULL)
    summary = g_strdup (email->subject);
  else
    /* Translators: an entry's summary, "Email from ann@example.com" */
    summary = g_strdup_printf (_("Email from %s"), email->sender_name != NULL
                               ? email->sender_name : email->sender_address);
  g_object_set (event, "case", case_id, "kind", "email-in", "occurred-at", occurred,
                "summary", summary, "detail", email->body, NULL);

  if (!heed_store_begin (store, error))
    return 0;
  if (!heed_store_save (store, HEED_RECORD (event), error)
      || !heed_email_keep (email, store, case_id, heed_record_get_id (HEED_RECORD (event)), error))
    {
      heed_store_rollback (store);
      return 0;
    }
  if (!heed_store_commit (store, error))
    return 0;
  return heed_record_get_id (HEED_RECORD (event));
}
