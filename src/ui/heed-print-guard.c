/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-print-guard.h"

#include <glib/gi18n.h>

#include "heed-safe-output.h"

#define GUARD_ERROR_KEY "heed-print-guard-error"

gboolean
heed_print_guard_check_settings (GtkPrintSettings  *settings,
                                 GError           **error)
{
  const char *uri;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GTK_IS_PRINT_SETTINGS (settings), FALSE);

  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (uri == NULL || *uri == '\0')
    return TRUE;
  path = g_filename_from_uri (uri, NULL, NULL);
  if (path == NULL)
    {
      /* Only local files are written by the file printer; anything else is not Heed's to
       * check, and GTK refuses what it cannot write. */
      return TRUE;
    }
  return heed_safe_output_check_target (path, HEED_SAFE_OUTPUT_DEFAULT, error);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   gpointer           user_data)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GError *error = NULL;

  if (settings == NULL || heed_print_guard_check_settings (settings, &error))
    return;
  g_object_set_data_full (G_OBJECT (operation), GUARD_ERROR_KEY, error,
                          (GDestroyNotify) g_error_free);
  gtk_print_operation_cancel (operation);
}

void
heed_print_guard_attach (GtkPrintOperation *operation)
{
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), NULL);
}

gboolean
heed_print_guard_finish (GtkPrintOperation  *operation,
                         GError            **error)
{
  const GError *refused;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);

  refused = g_object_get_data (G_OBJECT (operation), GUARD_ERROR_KEY);
  if (refused == NULL)
    return TRUE;
  g_set_error (error, refused->domain, refused->code,
               _("Not printed to that file: %s"), refused->message);
  return FALSE;
}
