/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The PNG in @bytes as an image, or NULL when there is none or it cannot be read: a letter or
 * a poster is better without the practice's logo than not made at all. */
cairo_surface_t *heed_png_load (GBytes *bytes);

G_END_DECLS
