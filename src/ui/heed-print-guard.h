/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK's print dialog can "Print to File", and GTK writes that file itself, not through Heed's
 * safe writer: so the file it would write is checked as every other output of Heed is (never
 * a practice, its journal or lock, a link, a device or a folder). */

/* FALSE, with the reason, when @settings would print to a file Heed may not write. */
gboolean heed_print_guard_check_settings (GtkPrintSettings   *settings,
                                          GError            **error);

/* Connect before running @operation: a forbidden file cancels the print as it begins. */
void     heed_print_guard_attach         (GtkPrintOperation  *operation);

/* After gtk_print_operation_run(): FALSE, with the reason, when the guard cancelled it. */
gboolean heed_print_guard_finish         (GtkPrintOperation  *operation,
                                          GError            **error);

G_END_DECLS
