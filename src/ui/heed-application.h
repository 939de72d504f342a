/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEED_TYPE_APPLICATION (heed_application_get_type ())
G_DECLARE_FINAL_TYPE (HeedApplication, heed_application, HEED, APPLICATION, AdwApplication)

HeedApplication *heed_application_new (void);

G_END_DECLS
