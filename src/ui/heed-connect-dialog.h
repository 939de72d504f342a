/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEED_TYPE_CONNECT_DIALOG (heed_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedConnectDialog, heed_connect_dialog, HEED, CONNECT_DIALOG, AdwWindow)

HeedConnectDialog *heed_connect_dialog_new     (GtkWindow         *parent);
/* Connects with what was typed: emits "connected" with the open practice on success and
 * shows the problem in the dialog otherwise. */
gboolean           heed_connect_dialog_connect (HeedConnectDialog *self);

G_END_DECLS
