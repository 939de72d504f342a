/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_PHONE_LOG_DIALOG (heed_phone_log_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedPhoneLogDialog, heed_phone_log_dialog, HEED, PHONE_LOG_DIALOG,
                      AdwWindow)

/* Emits "logged" with the new case when the call is saved, then closes. */
HeedPhoneLogDialog *heed_phone_log_dialog_new            (GtkWindow          *parent,
                                                          HeedStore          *store);
/* The dialog with the typing kept from a session that ended without saving. */
HeedPhoneLogDialog *heed_phone_log_dialog_new_from_draft (GtkWindow          *parent,
                                                          HeedStore          *store,
                                                          HeedFormDraft      *draft);
void                heed_phone_log_dialog_keep_draft     (HeedPhoneLogDialog *self);

G_END_DECLS
