/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-location.h"

G_BEGIN_DECLS

#define HEED_TYPE_CONNECT_DIALOG (heed_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedConnectDialog, heed_connect_dialog, HEED, CONNECT_DIALOG, AdwWindow)

HeedConnectDialog *heed_connect_dialog_new     (GtkWindow         *parent);
/* Fills the rows in from a server connected to before (its password is never shown). */
void               heed_connect_dialog_set_location (HeedConnectDialog *self,
                                                     HeedLocation      *location);
/* Makes the dialog a person's sign-in to the practice at @location (from its shown text): only
 * their name and password are asked for, and the password is neither looked up in the
 * keyring nor kept there. */
void               heed_connect_dialog_set_signing_in (HeedConnectDialog *self,
                                                       HeedLocation      *location,
                                                       const char        *practice_name);
/* Connects with what was typed: emits "connected" with the open practice on success and
 * shows the problem in the dialog otherwise. */
gboolean           heed_connect_dialog_connect (HeedConnectDialog *self);

G_END_DECLS
