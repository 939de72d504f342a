/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The template parser, fed anything. With clang's libFuzzer:
 *   clang -fsanitize=fuzzer,address -DHEED_LIBFUZZER ... (see tests/fuzz/README.md)
 * Without it, the program reads each file named on its command line once, which the test
 * suite uses to replay the built-in templates and a set of broken ones. */
#include "config.h"

#include <stdint.h>

#include "heed-letter-template.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLetterTemplate) template = NULL;

  template = heed_letter_template_new_from_data ((const char *) data, (gssize) size, &error);
  /* Every input either gives a template or a message that names a line. */
  g_assert ((template == NULL) != (error == NULL));
  if (error != NULL && error->code == HEED_LETTER_TEMPLATE_ERROR_INVALID)
    g_assert (g_str_has_prefix (error->message, "Line "));
  return 0;
}

#ifndef HEED_LIBFUZZER
int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (argv[i], &contents, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      /* And every prefix of it, as a file cut short would be. */
      for (gsize cut = 0; cut < length; cut += 1 + length / 64)
        LLVMFuzzerTestOneInput ((const uint8_t *) contents, cut);
    }
  return 0;
}
#endif
