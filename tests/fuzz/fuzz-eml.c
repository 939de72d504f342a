/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for reading emails (.eml) with GMime. Beyond not crashing: a refused message
 * says why in the email error domain, and what is read from an accepted one is UTF-8 text that
 * fills a case without fault. */

#include <glib.h>

#include "heed-email.h"
#include "heed-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedEmail) email = heed_email_parse (bytes, "input.eml", &error);
  g_autoptr(HeedIntake) intake = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (email == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == HEED_EMAIL_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (email->message), ==, size);
  g_assert_true (email->sender_name == NULL || g_utf8_validate (email->sender_name, -1, NULL));
  g_assert_true (email->subject == NULL || g_utf8_validate (email->subject, -1, NULL));
  g_assert_true (email->body == NULL || g_utf8_validate (email->body, -1, NULL));
  intake = heed_intake_new ();
  heed_email_fill_intake (email, intake);
  problems = heed_intake_validate (intake, NULL);
  g_assert_nonnull (problems);
  return 0;
}
