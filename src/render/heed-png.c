/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-png.h"

typedef struct {
  const guchar *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
heed_png_load (GBytes *bytes)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  if (bytes == NULL)
    return NULL;
  reader.data = g_bytes_get_data (bytes, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) <= 0
      || cairo_image_surface_get_height (surface) <= 0)
    {
      g_debug ("The practice logo is not a readable PNG; it is left out.");
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

cairo_status_t
heed_png_writer_write (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  HeedPngWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!heed_safe_output_write (writer->output, data, length, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

void
heed_png_take_error (GError **error,
                     GError  *output_error,
                     GQuark   domain,
                     int      code)
{
  if (g_error_matches (output_error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED))
    g_propagate_error (error, output_error);
  else
    {
      g_set_error_literal (error, domain, code, output_error->message);
      g_error_free (output_error);
    }
}

gboolean
heed_png_save (cairo_surface_t  *surface,
               const char       *path,
               GQuark            domain,
               int               code,
               GError          **error)
{
  g_autoptr(HeedSafeOutput) output = NULL;
  HeedPngWriter writer = { 0 };
  GError *output_error = NULL;
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT, &output_error);
  if (output == NULL)
    {
      heed_png_take_error (error, output_error, domain, code);
      return FALSE;
    }
  writer.output = output;
  status = cairo_surface_write_to_png_stream (surface, heed_png_writer_write, &writer);
  if (writer.error != NULL)
    {
      heed_png_take_error (error, writer.error, domain, code);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, domain, code,
                   _("Could not write “%s”: %s. Nothing was saved under that name."), display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!heed_safe_output_commit (output, &output_error))
    {
      heed_png_take_error (error, output_error, domain, code);
      return FALSE;
    }
  return TRUE;
}
