/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-intake.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* An email someone sent the practice (.eml, RFC 5322 with MIME), read with GMime: who sent
 * it, when, its subject and its text, and the files attached to it. Encoded headers,
 * quoted-printable and base64 bodies, HTML-only mail and other character sets come out as
 * readable text. A message too large, too deeply nested, with too many parts or whose text
 * cannot be decoded is refused with a message a practice manager can read. The original
 * bytes are kept as they came, to be stored unaltered with the case. */

#define HEED_EMAIL_ERROR (heed_email_error_quark ())
GQuark heed_email_error_quark (void);

typedef enum {
  HEED_EMAIL_ERROR_NOT_EMAIL,  /* not an email message */
  HEED_EMAIL_ERROR_TOO_LARGE,  /* over a limit below */
  HEED_EMAIL_ERROR_BAD,        /* damaged or hostile: nesting, encoding */
} HeedEmailError;

#define HEED_EMAIL_MAX_SIZE   (25u * 1024 * 1024)  /* what mail servers accept */
#define HEED_EMAIL_MAX_DEPTH  8                    /* multiparts inside multiparts */
#define HEED_EMAIL_MAX_PARTS  200
#define HEED_EMAIL_MAX_TEXT   (1024u * 1024)       /* the text taken as what happened */

typedef struct {
  char      *filename;        /* the message's own file name, "message.eml" if none */
  GBytes    *message;         /* the original bytes, unaltered */
  char      *digest;          /* their SHA-256, hex */
  char      *sender_name;     /* decoded; NULL when the From has only an address */
  char      *sender_address;
  char      *received;        /* from the Date header: "YYYY-MM-DDTHH:MM" local time; or NULL */
  char      *subject;         /* decoded; NULL when none */
  char      *body;            /* the text, UTF-8; HTML made readable */
  GPtrArray *attachments;     /* of HeedIntakeDocument* */
} HeedEmail;

HeedEmail *heed_email_parse        (GBytes       *message,
                                    const char   *filename,
                                    GError      **error);
HeedEmail *heed_email_read         (const char   *path,
                                    GError      **error);
void       heed_email_free         (HeedEmail    *email);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedEmail, heed_email_free)

/* Fills @intake as reception would from the message: a complaint that came in by email, the
 * sender's name and address, the received time, the subject as summary and the text as what
 * happened; the message and its attachments to be kept as documents, its digest for the trail.
 * Anything already set in @intake is replaced. */
void       heed_email_fill_intake  (HeedEmail    *email,
                                    HeedIntake   *intake);

/* Keeps the message (unaltered) and its attachments as documents of case @case_id (tied to
 * the entry @event_id when not 0) and records the message's SHA-256 in the trail. */
gboolean   heed_email_keep         (HeedEmail    *email,
                                    HeedStore    *store,
                                    gint64        case_id,
                                    gint64        event_id,
                                    GError      **error);

/* Adds the message to an open case as an entry of What Happened (an email received), with the
 * message and its attachments kept as documents of that entry. Returns the entry's id, or 0. */
gint64     heed_email_add_to_case  (HeedEmail    *email,
                                    HeedStore    *store,
                                    gint64        case_id,
                                    GError      **error);

/* Plain text from HTML, as a person would read it. Exposed for tests. */
char      *heed_email_html_to_text (const char   *html,
                                    gsize         length);

G_END_DECLS
