/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-staff.h"

struct _HeedStaff
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedStaff, heed_staff, HEED_TYPE_RECORD)


static const HeedFieldSpec staff_fields[HEED_STAFF_N_FIELDS] = {
  { "name", "name", HEED_VALUE_TEXT, HEED_FIELD_REQUIRED, N_("Name"), NULL },
  { "role", "role", HEED_VALUE_TEXT, 0, N_("Role"), NULL },
  { "staff-group", "staff_group", HEED_VALUE_TEXT, 0, N_("Staff group"), NULL },
  { "email", "email", HEED_VALUE_TEXT, 0, N_("Email"), NULL },
  { "phone", "phone", HEED_VALUE_TEXT, 0, N_("Phone"), NULL },
  { "active", "active", HEED_VALUE_BOOL, 0, N_("Works here now"), NULL },
};

static void heed_staff_constructed (GObject *object);

static void
heed_staff_class_init (HeedStaffClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = heed_staff_constructed;
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "staff", staff_fields,
                                HEED_STAFF_N_FIELDS);
}

static void
heed_staff_init (HeedStaff *self)
{
}

static void
heed_staff_constructed (GObject *object)
{
  G_OBJECT_CLASS (heed_staff_parent_class)->constructed (object);
  /* New staff are working here unless told otherwise. */
  heed_record_set_bool (HEED_RECORD (object), HEED_STAFF_ACTIVE, TRUE);
}

HeedStaff *
heed_staff_new (void)
{
  return g_object_new (HEED_TYPE_STAFF, NULL);
}
