/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-record.h"
#include "heed-validate.h"

/* A record is a row of one table: the subclass names the table and lists its fields once, and
 * that list drives the GObject properties, the SQL, the XML exchange and the CSV columns. */

typedef struct {
  gboolean set;
  char    *text;
  gint64   num;
} HeedSlot;

typedef struct {
  gint64    id;
  gint64    version;  /* of the row as loaded, 0 when not known (never saved, or made in code) */
  HeedSlot *slots;
} HeedRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HeedRecord, heed_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_BASE_PROPS
};

static GParamSpec *base_properties[N_BASE_PROPS];

HeedProblem *
heed_problem_new (const char *field,
                  const char *message)
{
  HeedProblem *problem = g_new0 (HeedProblem, 1);

  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  return problem;
}

void
heed_problem_free (HeedProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static gboolean
value_type_is_text (HeedValueType type)
{
  return type == HEED_VALUE_TEXT || type == HEED_VALUE_DATE || type == HEED_VALUE_DATETIME
         || type == HEED_VALUE_CHOICE;
}

/* The slots are made on first use: during instance init GObject shows the base class, not the
 * subclass that knows how many fields there are. */
static HeedSlot *
ensure_slots (HeedRecord *self)
{
  HeedRecordPrivate *priv = heed_record_get_instance_private (self);

  if (priv->slots == NULL)
    priv->slots = g_new0 (HeedSlot, MAX (HEED_RECORD_GET_CLASS (self)->n_fields, 1));
  return priv->slots;
}

static HeedSlot *
get_slot (HeedRecord *self,
          guint       field)
{
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (self);

  g_return_val_if_fail (field < klass->n_fields, NULL);
  return &ensure_slots (self)[field];
}

static void
heed_record_finalize (GObject *object)
{
  HeedRecord *self = HEED_RECORD (object);
  HeedRecordPrivate *priv = heed_record_get_instance_private (self);
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (self);

  if (priv->slots != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_free (priv->slots[i].text);
      g_free (priv->slots);
    }

  G_OBJECT_CLASS (heed_record_parent_class)->finalize (object);
}

static void
heed_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HeedRecord *self = HEED_RECORD (object);
  HeedRecordPrivate *priv = heed_record_get_instance_private (self);
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (self);
  guint field;

  if (prop_id == PROP_ID)
    {
      g_value_set_int64 (value, priv->id);
      return;
    }

  field = prop_id - N_BASE_PROPS;
  if (field >= klass->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (klass->fields[field].type)
    {
    case HEED_VALUE_BOOL:
      g_value_set_boolean (value, ensure_slots (self)[field].num != 0);
      break;
    case HEED_VALUE_INT:
    case HEED_VALUE_ID:
    case HEED_VALUE_MONEY:
      g_value_set_int64 (value, ensure_slots (self)[field].num);
      break;
    case HEED_VALUE_TEXT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_CHOICE:
    default:
      g_value_set_string (value, ensure_slots (self)[field].text);
      break;
    }
}

static void
heed_record_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HeedRecord *self = HEED_RECORD (object);
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (self);
  guint field;

  if (prop_id == PROP_ID)
    {
      heed_record_set_id (self, g_value_get_int64 (value));
      return;
    }

  field = prop_id - N_BASE_PROPS;
  if (field >= klass->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (klass->fields[field].type)
    {
    case HEED_VALUE_BOOL:
      heed_record_set_bool (self, field, g_value_get_boolean (value));
      break;
    case HEED_VALUE_INT:
    case HEED_VALUE_ID:
    case HEED_VALUE_MONEY:
      heed_record_set_int (self, field, g_value_get_int64 (value));
      break;
    case HEED_VALUE_TEXT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_CHOICE:
    default:
      heed_record_set_text (self, field, g_value_get_string (value));
      break;
    }
}

static void
heed_record_class_init (HeedRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heed_record_finalize;
  object_class->get_property = heed_record_get_property;
  object_class->set_property = heed_record_set_property;

  base_properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_BASE_PROPS, base_properties);
}

static void
heed_record_init (HeedRecord *self)
{
}

void
heed_record_class_set_fields (HeedRecordClass     *klass,
                              const char          *table,
                              const HeedFieldSpec *fields,
                              guint                n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;

  /* GObject does not inherit these: each class that installs properties must set them. */
  object_class->get_property = heed_record_get_property;
  object_class->set_property = heed_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const HeedFieldSpec *spec = &fields[i];
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      switch (spec->type)
        {
        case HEED_VALUE_BOOL:
          pspec = g_param_spec_boolean (spec->name, NULL, NULL, FALSE, flags);
          break;
        case HEED_VALUE_INT:
          pspec = g_param_spec_int64 (spec->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case HEED_VALUE_ID:
        case HEED_VALUE_MONEY:
          pspec = g_param_spec_int64 (spec->name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;
        case HEED_VALUE_TEXT:
        case HEED_VALUE_DATE:
        case HEED_VALUE_DATETIME:
        case HEED_VALUE_CHOICE:
        default:
          pspec = g_param_spec_string (spec->name, NULL, NULL, NULL, flags);
          break;
        }
      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
    }
}

gint64
heed_record_get_id (HeedRecord *self)
{
  HeedRecordPrivate *priv;

  g_return_val_if_fail (HEED_IS_RECORD (self), 0);
  priv = heed_record_get_instance_private (self);
  return priv->id;
}

void
heed_record_set_id (HeedRecord *self,
                    gint64      id)
{
  HeedRecordPrivate *priv;

  g_return_if_fail (HEED_IS_RECORD (self));
  g_return_if_fail (id >= 0);
  priv = heed_record_get_instance_private (self);
  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), base_properties[PROP_ID]);
}

/* Which version of the stored row this record was read from: the store refuses to save over
 * a row someone else has changed since (heed_store_save()). */
gint64
heed_record_get_version (HeedRecord *self)
{
  HeedRecordPrivate *priv;

  g_return_val_if_fail (HEED_IS_RECORD (self), 0);
  priv = heed_record_get_instance_private (self);
  return priv->version;
}

void
heed_record_set_version (HeedRecord *self,
                         gint64      version)
{
  HeedRecordPrivate *priv;

  g_return_if_fail (HEED_IS_RECORD (self));
  g_return_if_fail (version >= 0);
  priv = heed_record_get_instance_private (self);
  priv->version = version;
}

const char *
heed_record_get_table (HeedRecord *self)
{
  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);
  return HEED_RECORD_GET_CLASS (self)->table;
}

const HeedFieldSpec *
heed_record_get_fields (HeedRecord *self,
                        guint      *n_fields)
{
  HeedRecordClass *klass;

  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);
  klass = HEED_RECORD_GET_CLASS (self);
  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const HeedFieldSpec *
heed_record_class_find_field (HeedRecordClass *klass,
                              const char      *name,
                              guint           *index)
{
  g_return_val_if_fail (HEED_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (strcmp (klass->fields[i].name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return &klass->fields[i];
        }
    }
  return NULL;
}

int
heed_record_find_field (HeedRecord *self,
                        const char *name)
{
  guint index;

  g_return_val_if_fail (HEED_IS_RECORD (self), -1);
  if (heed_record_class_find_field (HEED_RECORD_GET_CLASS (self), name, &index) == NULL)
    return -1;
  return (int) index;
}

static void
notify_field (HeedRecord *self,
              guint       field)
{
  GParamSpec *pspec;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self),
                                        HEED_RECORD_GET_CLASS (self)->fields[field].name);
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

gboolean
heed_record_is_set (HeedRecord *self,
                    guint       field)
{
  HeedSlot *slot;

  g_return_val_if_fail (HEED_IS_RECORD (self), FALSE);
  slot = get_slot (self, field);
  if (slot == NULL)
    return FALSE;
  switch (HEED_RECORD_GET_CLASS (self)->fields[field].type)
    {
    case HEED_VALUE_INT:
      return slot->set;
    case HEED_VALUE_BOOL:
    case HEED_VALUE_ID:
    case HEED_VALUE_MONEY:
      /* No, nobody and nothing are what a form starts with. */
      return slot->num != 0;
    case HEED_VALUE_TEXT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_CHOICE:
    default:
      return slot->text != NULL;
    }
}

const char *
heed_record_get_text (HeedRecord *self,
                      guint       field)
{
  HeedSlot *slot;

  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);
  slot = get_slot (self, field);
  g_return_val_if_fail (slot != NULL, NULL);
  g_return_val_if_fail (value_type_is_text (HEED_RECORD_GET_CLASS (self)->fields[field].type),
                        NULL);
  return slot->text;
}

void
heed_record_set_text (HeedRecord *self,
                      guint       field,
                      const char *value)
{
  HeedSlot *slot;

  g_return_if_fail (HEED_IS_RECORD (self));
  slot = get_slot (self, field);
  g_return_if_fail (slot != NULL);
  g_return_if_fail (value_type_is_text (HEED_RECORD_GET_CLASS (self)->fields[field].type));

  /* An empty string and no value are the same thing to a person filling in a form. */
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (slot->text, value) == 0)
    return;
  g_free (slot->text);
  slot->text = g_strdup (value);
  slot->set = value != NULL;
  notify_field (self, field);
}

gint64
heed_record_get_int (HeedRecord *self,
                     guint       field)
{
  HeedSlot *slot;

  g_return_val_if_fail (HEED_IS_RECORD (self), 0);
  slot = get_slot (self, field);
  g_return_val_if_fail (slot != NULL, 0);
  return slot->num;
}

void
heed_record_set_int (HeedRecord *self,
                     guint       field,
                     gint64      value)
{
  HeedSlot *slot;
  HeedValueType type;

  g_return_if_fail (HEED_IS_RECORD (self));
  slot = get_slot (self, field);
  g_return_if_fail (slot != NULL);
  type = HEED_RECORD_GET_CLASS (self)->fields[field].type;
  g_return_if_fail (!value_type_is_text (type));

  if (type == HEED_VALUE_BOOL)
    value = value != 0;
  if (slot->set && slot->num == value)
    return;
  slot->num = value;
  /* A reference of 0 means "nobody"; booleans and numbers are always known. */
  slot->set = type != HEED_VALUE_ID || value != 0;
  notify_field (self, field);
}

gboolean
heed_record_get_bool (HeedRecord *self,
                      guint       field)
{
  return heed_record_get_int (self, field) != 0;
}

void
heed_record_set_bool (HeedRecord *self,
                      guint       field,
                      gboolean    value)
{
  heed_record_set_int (self, field, value ? 1 : 0);
}

gboolean
heed_record_get_date (HeedRecord *self,
                      guint       field,
                      GDate      *date)
{
  const char *text = heed_record_get_text (self, field);

  g_return_val_if_fail (date != NULL, FALSE);
  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;
  /* A date-time's first ten characters are its date. */
  if (strlen (text) > 10)
    {
      char buf[11];

      memcpy (buf, text, 10);
      buf[10] = '\0';
      return heed_date_from_iso (buf, date);
    }
  return heed_date_from_iso (text, date);
}

void
heed_record_set_date (HeedRecord  *self,
                      guint        field,
                      const GDate *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = heed_format_date_iso (date);
  heed_record_set_text (self, field, text);
}

void
heed_record_clear (HeedRecord *self,
                   guint       field)
{
  HeedSlot *slot;

  g_return_if_fail (HEED_IS_RECORD (self));
  slot = get_slot (self, field);
  g_return_if_fail (slot != NULL);
  if (!slot->set && slot->text == NULL && slot->num == 0)
    return;
  g_clear_pointer (&slot->text, g_free);
  slot->num = 0;
  slot->set = FALSE;
  notify_field (self, field);
}

char *
heed_record_dup_string (HeedRecord *self,
                        guint       field)
{
  const HeedFieldSpec *spec;
  HeedSlot *slot;

  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);
  slot = get_slot (self, field);
  g_return_val_if_fail (slot != NULL, NULL);
  spec = &HEED_RECORD_GET_CLASS (self)->fields[field];

  switch (spec->type)
    {
    case HEED_VALUE_BOOL:
      return g_strdup (slot->num ? "yes" : "no");
    case HEED_VALUE_INT:
    case HEED_VALUE_MONEY:
      return g_strdup_printf ("%" G_GINT64_FORMAT, slot->num);
    case HEED_VALUE_ID:
      return slot->set ? g_strdup_printf ("%" G_GINT64_FORMAT, slot->num) : g_strdup ("");
    case HEED_VALUE_TEXT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_CHOICE:
    default:
      return g_strdup (slot->text != NULL ? slot->text : "");
    }
}

static gboolean
is_valid_datetime (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_zone = NULL;

  if (strlen (text) != 19 || text[10] != 'T')
    return FALSE;
  with_zone = g_strconcat (text, "Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_zone, NULL);
  return dt != NULL;
}

/* Limits on what a record holds, whatever path a value comes by (a form, an import, a
 * spreadsheet, a script): nothing Heed itself would write is outside them. */
#define SHORT_TEXT_MAX_BYTES (64 * 1024)
#define LONG_TEXT_MAX_BYTES  (8 * 1024 * 1024)

/* Long text may hold tabs, line ends and the vertical tabs and form feeds a word processor
 * leaves; a one-line field (a name, a summary) only tabs. Other control characters (escape,
 * bell, backspace, delete and the C1 set) are refused everywhere: they can rewrite what a
 * terminal shows, and no person types them. Sets @bad to the first. */
static gboolean
text_is_clean (const char *text,
               gboolean    long_text,
               gunichar   *bad)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean line_end = c == '\n' || c == '\r' || c == '\v' || c == '\f';

      if ((c < 0x20 && c != '\t' && !(long_text && line_end)) || (c >= 0x7f && c <= 0x9f))
        {
          *bad = c;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
year_in_range (const char *text)
{
  guint year = 0;

  for (guint i = 0; i < 4 && g_ascii_isdigit (text[i]); i++)
    year = year * 10 + (guint) (text[i] - '0');
  return year >= HEED_YEAR_MIN && year <= HEED_YEAR_MAX;
}

/* The checks beyond the type's own form, with the message to show; NULL when the value is
 * fine. @text is the value as text, @number as a number for the numeric types. */
static char *
dup_out_of_bounds (const HeedFieldSpec *spec,
                   const char          *text,
                   gint64               number)
{
  gunichar bad = 0;

  switch (spec->type)
    {
    case HEED_VALUE_MONEY:
      if (number < 0 || number > HEED_MONEY_MAX_PENCE)
        return g_strdup (_("An amount must be from £0 to £10,000,000."));
      return NULL;
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
      if (text != NULL && !year_in_range (text))
        return g_strdup_printf (_("The year must be from %d to %d."), HEED_YEAR_MIN,
                                HEED_YEAR_MAX);
      return NULL;
    case HEED_VALUE_TEXT:
      if (text == NULL)
        return NULL;
      if (strlen (text) > ((spec->flags & HEED_FIELD_LONG) ? LONG_TEXT_MAX_BYTES
                                                             : SHORT_TEXT_MAX_BYTES))
        return g_strdup (_("This is far too long."));
      if (!text_is_clean (text, (spec->flags & HEED_FIELD_LONG) != 0, &bad))
        return g_strdup_printf (_("This holds a control character (U+%04X) that Heed does not "
                                  "keep in text."),
                                bad);
      return NULL;
    case HEED_VALUE_ID:     /* 0 is "none"; a negative one is not a number it reads */
    case HEED_VALUE_BOOL:
    case HEED_VALUE_INT:
    case HEED_VALUE_CHOICE:
    default:
      return NULL;
    }
}

gboolean
heed_record_set_from_string (HeedRecord  *self,
                             guint        field,
                             const char  *value,
                             GError     **error)
{
  const HeedFieldSpec *spec;
  guint n_fields;
  gint64 number = 0;

  g_return_val_if_fail (HEED_IS_RECORD (self), FALSE);
  spec = heed_record_get_fields (self, &n_fields);
  g_return_val_if_fail (field < n_fields, FALSE);
  spec = &spec[field];

  if (value == NULL || value[0] == '\0')
    {
      heed_record_clear (self, field);
      return TRUE;
    }

  switch (spec->type)
    {
    case HEED_VALUE_BOOL:
      if (g_strcmp0 (value, "yes") == 0 || g_strcmp0 (value, "1") == 0
          || g_strcmp0 (value, "true") == 0)
        heed_record_set_bool (self, field, TRUE);
      else if (g_strcmp0 (value, "no") == 0 || g_strcmp0 (value, "0") == 0
               || g_strcmp0 (value, "false") == 0)
        heed_record_set_bool (self, field, FALSE);
      else
        {
          g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("“%s” must be yes or no, not “%s”."), spec->name, value);
          return FALSE;
        }
      return TRUE;

    case HEED_VALUE_INT:
    case HEED_VALUE_ID:
    case HEED_VALUE_MONEY:
      if (!g_ascii_string_to_signed (value, 10,
                                     spec->type == HEED_VALUE_INT ? G_MININT64 : 0,
                                     G_MAXINT64, &number, NULL))
        {
          g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("“%s” must be a whole number, not “%s”."), spec->name, value);
          return FALSE;
        }
      {
        g_autofree char *why = dup_out_of_bounds (spec, value, number);

        if (why != NULL)
          {
            g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                         _("“%s” cannot be %s: %s"), spec->name, value, why);
            return FALSE;
          }
      }
      heed_record_set_int (self, field, number);
      return TRUE;

    case HEED_VALUE_DATE:
      {
        GDate date;

        if (!heed_date_from_iso (value, &date))
          {
            g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                         _("“%s” must be a date written YYYY-MM-DD, not “%s”."), spec->name,
                         value);
            return FALSE;
          }
      }
      break;

    case HEED_VALUE_DATETIME:
      if (!is_valid_datetime (value))
        {
          g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("“%s” must be a date and time written YYYY-MM-DDTHH:MM:SS, not “%s”."),
                       spec->name, value);
          return FALSE;
        }
      break;

    case HEED_VALUE_CHOICE:
      if (spec->choices == NULL || !g_strv_contains ((const char *const *) spec->choices, value))
        {
          g_autofree char *allowed = spec->choices != NULL
                                     ? g_strjoinv (", ", (char **) spec->choices)
                                     : g_strdup ("");

          g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("“%s” cannot be “%s”; it must be one of: %s."), spec->name, value,
                       allowed);
          return FALSE;
        }
      break;

    case HEED_VALUE_TEXT:
    default:
      if (!g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("“%s” is not valid text (it is not UTF-8)."), spec->name);
          return FALSE;
        }
      break;
    }

  {
    g_autofree char *why = dup_out_of_bounds (spec, value, 0);

    if (why != NULL)
      {
        /* The value itself is not repeated: it may be what would harm a terminal. */
        g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID, _("“%s”: %s"),
                     spec->name, why);
        return FALSE;
      }
  }

  heed_record_set_text (self, field, value);
  return TRUE;
}

GPtrArray *
heed_record_validate (HeedRecord *self,
                      GDate      *today)
{
  HeedRecordClass *klass;
  GPtrArray *problems;

  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);
  klass = HEED_RECORD_GET_CLASS (self);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_problem_free);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const HeedFieldSpec *spec = &klass->fields[i];

      if ((spec->flags & HEED_FIELD_REQUIRED) && !heed_record_is_set (self, i))
        g_ptr_array_add (problems,
                         heed_problem_new (spec->name,
                                           _("This needs to be filled in.")));
      if (spec->type == HEED_VALUE_DATE && heed_record_is_set (self, i))
        {
          GDate date;

          if (!heed_date_from_iso (heed_record_get_text (self, i), &date))
            g_ptr_array_add (problems,
                             heed_problem_new (spec->name, _("This is not a date Heed can read.")));
        }
      if (spec->type == HEED_VALUE_DATETIME && heed_record_is_set (self, i)
          && !is_valid_datetime (heed_record_get_text (self, i)))
        g_ptr_array_add (problems,
                         heed_problem_new (spec->name, _("This is not a date Heed can read.")));
      if (spec->type == HEED_VALUE_CHOICE && heed_record_is_set (self, i)
          && !g_strv_contains ((const char *const *) spec->choices,
                               heed_record_get_text (self, i)))
        g_ptr_array_add (problems,
                         heed_problem_new (spec->name, _("This is not one of the choices.")));
    }

  if (klass->validate != NULL)
    klass->validate (self, today, problems);

  /* Then the bounds, for fields with no problem said yet ("cannot be in the future" says
   * more than "the year must be from 1900 to 2200"). */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const HeedFieldSpec *spec = &klass->fields[i];
      g_autofree char *why = NULL;
      gboolean said = FALSE;

      if (!heed_record_is_set (self, i))
        continue;
      for (guint j = 0; j < problems->len && !said; j++)
        said = g_strcmp0 (((HeedProblem *) g_ptr_array_index (problems, j))->field,
                          spec->name) == 0;
      if (said)
        continue;
      /* An id of 0 is how Heed's own forms say "none"; only a number read from text must
       * point at a record. */
      if (spec->type == HEED_VALUE_MONEY)
        why = dup_out_of_bounds (spec, NULL, heed_record_get_int (self, i));
      else if (spec->type == HEED_VALUE_ID)
        continue;
      else if (spec->type != HEED_VALUE_INT && spec->type != HEED_VALUE_BOOL)
        why = dup_out_of_bounds (spec, heed_record_get_text (self, i), 0);
      if (why != NULL)
        g_ptr_array_add (problems, heed_problem_new (spec->name, why));
    }

  return problems;
}

gboolean
heed_record_check (HeedRecord  *self,
                   GDate       *today,
                   GError     **error)
{
  g_autoptr(GPtrArray) problems = heed_record_validate (self, today);
  HeedProblem *first;
  const HeedFieldSpec *spec;

  if (problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (problems, 0);
  spec = heed_record_class_find_field (HEED_RECORD_GET_CLASS (self), first->field, NULL);
  g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID, "%s: %s",
               spec != NULL && spec->label != NULL ? _(spec->label) : first->field,
               first->message);
  return FALSE;
}

HeedRecord *
heed_record_copy (HeedRecord *self)
{
  HeedRecordPrivate *priv;
  HeedRecordPrivate *copy_priv;
  HeedRecordClass *klass;
  HeedRecord *copy;

  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);
  klass = HEED_RECORD_GET_CLASS (self);
  priv = heed_record_get_instance_private (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  copy_priv = heed_record_get_instance_private (copy);
  copy_priv->id = priv->id;
  copy_priv->version = priv->version;
  ensure_slots (self);
  ensure_slots (copy);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      copy_priv->slots[i] = priv->slots[i];
      copy_priv->slots[i].text = g_strdup (priv->slots[i].text);
    }
  return copy;
}

gboolean
heed_record_equal (HeedRecord *a,
                   HeedRecord *b)
{
  HeedRecordPrivate *pa;
  HeedRecordPrivate *pb;
  HeedRecordClass *klass;

  g_return_val_if_fail (HEED_IS_RECORD (a), FALSE);
  g_return_val_if_fail (HEED_IS_RECORD (b), FALSE);
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  klass = HEED_RECORD_GET_CLASS (a);
  pa = heed_record_get_instance_private (a);
  pb = heed_record_get_instance_private (b);
  ensure_slots (a);
  ensure_slots (b);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (pa->slots[i].num != pb->slots[i].num
          || g_strcmp0 (pa->slots[i].text, pb->slots[i].text) != 0)
        return FALSE;
    }
  return TRUE;
}

/* A digest of every field's value, in table order: the audit trail keeps it, so a row changed
 * outside Heed no longer matches the trail's last word on it. */
char *
heed_record_dup_content_hash (HeedRecord *self)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint n_fields;
  const HeedFieldSpec *fields;

  g_return_val_if_fail (HEED_IS_RECORD (self), NULL);

  fields = heed_record_get_fields (self, &n_fields);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = heed_record_dup_string (self, i);

      g_checksum_update (checksum, (const guchar *) fields[i].name, -1);
      g_checksum_update (checksum, (const guchar *) "=", 1);
      g_checksum_update (checksum, (const guchar *) value, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}
