/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case-item.h"
#include "heed-validate.h"

struct _HeedCaseItem
{
  GObject   parent_instance;

  gint64    id;
  char     *reference;
  char     *received;
  char     *name;
  char     *summary;
  char     *kind;
  char     *risk;
  char     *status;
  char     *next_deadline;
  gboolean  overdue;
};

G_DEFINE_FINAL_TYPE (HeedCaseItem, heed_case_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_RECEIVED,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_KIND,
  PROP_RISK,
  PROP_STATUS,
  PROP_NEXT_DEADLINE,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
heed_case_item_finalize (GObject *object)
{
  HeedCaseItem *self = HEED_CASE_ITEM (object);

  g_free (self->reference);
  g_free (self->received);
  g_free (self->name);
  g_free (self->summary);
  g_free (self->kind);
  g_free (self->risk);
  g_free (self->status);
  g_free (self->next_deadline);

  G_OBJECT_CLASS (heed_case_item_parent_class)->finalize (object);
}

static void
heed_case_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeedCaseItem *self = HEED_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_RECEIVED:
      g_value_set_string (value, self->received);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_RISK:
      g_value_set_string (value, self->risk);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_NEXT_DEADLINE:
      g_value_set_string (value, self->next_deadline);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_case_item_class_init (HeedCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = heed_case_item_finalize;
  object_class->get_property = heed_case_item_get_property;

  /* Read-only: an item is a snapshot of a row; the list makes a new one when it changes. */
  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED] = g_param_spec_string ("received", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_RISK] = g_param_spec_string ("risk", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DEADLINE] = g_param_spec_string ("next-deadline", NULL, NULL, NULL,
                                                        flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heed_case_item_init (HeedCaseItem *self)
{
}

static const char *
risk_label (const char *risk)
{
  if (g_strcmp0 (risk, "low") == 0)
    return _("Low");
  if (g_strcmp0 (risk, "moderate") == 0)
    return _("Moderate");
  if (g_strcmp0 (risk, "high") == 0)
    return _("High");
  if (g_strcmp0 (risk, "extreme") == 0)
    return _("Extreme");
  return "";
}

HeedCaseItem *
heed_case_item_new (const HeedCaseRow *row,
                    HeedCalendar      *calendar,
                    const GDate       *today)
{
  HeedCaseItem *self;
  GDate received;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (HEED_TYPE_CASE_ITEM, NULL);
  self->id = row->id;
  self->reference = g_strdup (row->reference);
  g_date_clear (&received, 1);
  if (row->received != NULL && strlen (row->received) >= 10)
    {
      g_autofree char *day = g_strndup (row->received, 10);

      heed_date_from_iso (day, &received);
    }
  self->received = g_date_valid (&received) ? heed_format_date_long (&received) : g_strdup ("");
  self->name = g_strdup (row->name != NULL ? row->name : _("Anonymous or not given"));
  self->summary = g_strdup (row->summary);
  self->kind = g_strdup (heed_case_kind_get_label (row->kind));
  self->risk = g_strdup (risk_label (row->risk));
  self->status = g_strdup (row->awaiting_consent
                           ? _("Awaiting consent")
                           : heed_case_status_get_label (row->status));

  if (calendar != NULL && today != NULL)
    {
      g_autoptr(GArray) deadlines = NULL;
      const HeedDeadline *next;
      HeedDeadlineFacts facts;

      heed_case_row_get_facts (row, &facts);
      deadlines = heed_deadlines_compute (calendar, &facts, today);
      next = heed_deadlines_next (deadlines);
      if (next != NULL && heed_case_status_is_open (row->status))
        {
          g_autofree char *state = heed_deadline_describe (next);

          /* TRANSLATORS: "Acknowledge: due in 2 working days" */
          self->next_deadline = g_strdup_printf (_("%s: %s"),
                                                 heed_deadline_kind_get_label (next->kind), state);
          self->overdue = next->state == HEED_DEADLINE_OVERDUE;
        }
    }
  if (self->next_deadline == NULL)
    self->next_deadline = g_strdup ("");
  return self;
}

gint64
heed_case_item_get_id (HeedCaseItem *self)
{
  g_return_val_if_fail (HEED_IS_CASE_ITEM (self), 0);
  return self->id;
}

#define GETTER(field) \
  const char * \
  heed_case_item_get_##field (HeedCaseItem *self) \
  { \
    g_return_val_if_fail (HEED_IS_CASE_ITEM (self), NULL); \
    return self->field; \
  }

GETTER (reference)
GETTER (received)
GETTER (name)
GETTER (summary)
GETTER (kind)
GETTER (risk)
GETTER (status)
GETTER (next_deadline)

gboolean
heed_case_item_get_overdue (HeedCaseItem *self)
{
  g_return_val_if_fail (HEED_IS_CASE_ITEM (self), FALSE);
  return self->overdue;
}
