/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "heed-safe-output.h"

G_BEGIN_DECLS

/* The PNG in @bytes as an image, or NULL when there is none or it cannot be read: a letter or
 * a poster is better without the practice's logo than not made at all. */
cairo_surface_t *heed_png_load (GBytes *bytes);

/* Cairo's writers onto a safe output (see heed-safe-output.h): @closure is a HeedPngWriter
 * whose first failure is kept in its error. */
typedef struct {
  HeedSafeOutput *output;
  GError         *error;
} HeedPngWriter;

cairo_status_t   heed_png_writer_write (void                *closure,
                                        const unsigned char *data,
                                        unsigned int         length);

/* @surface as a PNG at @path, all of it or nothing, never over a practice file. A refusal is
 * HEED_OUTPUT_ERROR_REFUSED; any other failure is @domain's @code. */
gboolean         heed_png_save        (cairo_surface_t  *surface,
                                       const char       *path,
                                       GQuark            domain,
                                       int               code,
                                       GError          **error);
/* @output_error as the caller's own: a refusal as it is, anything else as @domain's @code. */
void             heed_png_take_error  (GError          **error,
                                       GError           *output_error,
                                       GQuark            domain,
                                       int               code);

G_END_DECLS
