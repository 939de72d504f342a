/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "heed-action.h"
#include "heed-safe-output.h"
#include "heed-case-element.h"
#include "heed-event.h"
#include "heed-letter.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-choice.h"
#include "heed-validate.h"
#include "heed-subject-access.h"
#include "heed-survey-response.h"

struct _HeedSubjectAccess
{
  GObject     parent_instance;

  HeedStore  *store;
  HeedPerson *person;
  char       *name;
  char       *practice;
  GDateTime  *made_at;
  GPtrArray  *person_audit;  /* HeedAuditEntry */
  GPtrArray  *cases;         /* HeedSubjectCase */
  GHashTable *staff_names;   /* staff id -> name, for "Handled by" and the like */
};

G_DEFINE_FINAL_TYPE (HeedSubjectAccess, heed_subject_access, G_TYPE_OBJECT)

static void
subject_attachment_free (HeedSubjectAttachment *attachment)
{
  g_clear_pointer (&attachment->info, heed_attachment_info_free);
  g_clear_pointer (&attachment->data, g_bytes_unref);
  g_free (attachment);
}

static void
subject_case_free (HeedSubjectCase *sc)
{
  g_clear_object (&sc->kase);
  g_clear_object (&sc->other_person);
  g_clear_pointer (&sc->elements, g_ptr_array_unref);
  g_clear_pointer (&sc->events, g_ptr_array_unref);
  g_clear_pointer (&sc->attachments, g_ptr_array_unref);
  g_clear_pointer (&sc->letters, g_ptr_array_unref);
  g_clear_pointer (&sc->letter_pdfs, g_ptr_array_unref);
  g_clear_pointer (&sc->actions, g_ptr_array_unref);
  g_clear_pointer (&sc->survey_responses, g_ptr_array_unref);
  g_clear_pointer (&sc->restrictions, g_ptr_array_unref);
  g_clear_pointer (&sc->audit, g_ptr_array_unref);
  g_free (sc);
}

static void
heed_subject_access_dispose (GObject *object)
{
  HeedSubjectAccess *self = HEED_SUBJECT_ACCESS (object);

  g_clear_object (&self->store);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (heed_subject_access_parent_class)->dispose (object);
}

static void
heed_subject_access_finalize (GObject *object)
{
  HeedSubjectAccess *self = HEED_SUBJECT_ACCESS (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->practice, g_free);
  g_clear_pointer (&self->made_at, g_date_time_unref);
  g_clear_pointer (&self->person_audit, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->staff_names, g_hash_table_unref);

  G_OBJECT_CLASS (heed_subject_access_parent_class)->finalize (object);
}

static void
heed_subject_access_class_init (HeedSubjectAccessClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heed_subject_access_dispose;
  G_OBJECT_CLASS (klass)->finalize = heed_subject_access_finalize;
}

static void
heed_subject_access_init (HeedSubjectAccess *self)
{
  self->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_case_free);
  self->staff_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

const char *
heed_subject_role_to_id (HeedSubjectRole role)
{
  switch (role)
    {
    case HEED_SUBJECT_ROLE_COMPLAINANT:
      return "complainant";
    case HEED_SUBJECT_ROLE_REPRESENTATIVE:
      return "representative";
    case HEED_SUBJECT_ROLE_AFFECTED:
      return "person-affected";
    default:
      g_return_val_if_reached ("complainant");
    }
}

const char *
heed_subject_role_to_label (HeedSubjectRole role)
{
  switch (role)
    {
    case HEED_SUBJECT_ROLE_COMPLAINANT:
      return _("Complainant");
    case HEED_SUBJECT_ROLE_REPRESENTATIVE:
      return _("Complainant, for the person affected");
    case HEED_SUBJECT_ROLE_AFFECTED:
      return _("Person affected");
    default:
      g_return_val_if_reached (_("Complainant"));
    }
}

/* Adds the audit entries about each record of @records to @audit. */
static gboolean
add_audit_of_records (HeedStore  *store,
                      GPtrArray  *records,
                      GPtrArray  *audit,
                      GError    **error)
{
  for (guint i = 0; i < records->len; i++)
    {
      HeedRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) entries = NULL;

      entries = heed_store_list_audit_entries (store, heed_record_get_table (record),
                                               heed_record_get_id (record), error);
      if (entries == NULL)
        return FALSE;
      g_ptr_array_extend_and_steal (audit, g_steal_pointer (&entries));
    }
  return TRUE;
}

static int
compare_audit_entries (gconstpointer a,
                       gconstpointer b)
{
  const HeedAuditEntry *x = *(HeedAuditEntry *const *) a;
  const HeedAuditEntry *y = *(HeedAuditEntry *const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static HeedSubjectCase *
collect_case (HeedStore  *store,
              gint64      person_id,
              gint64      case_id,
              GError    **error)
{
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) case_audit = NULL;
  HeedSubjectCase *sc;
  gint64 complainant, affected, other_id = 0;
  gboolean on_behalf;
  struct {
    GType       type;
    GPtrArray **list;
  } children[7];

  kase = heed_store_load (store, HEED_TYPE_CASE, case_id, error);
  if (kase == NULL)
    return NULL;

  sc = g_new0 (HeedSubjectCase, 1);
  sc->kase = g_steal_pointer (&kase);
  complainant = heed_record_get_int (HEED_RECORD (sc->kase), HEED_CASE_COMPLAINANT);
  affected = heed_record_get_int (HEED_RECORD (sc->kase), HEED_CASE_AFFECTED);
  on_behalf = heed_record_get_bool (HEED_RECORD (sc->kase), HEED_CASE_ON_BEHALF);
  if (complainant == person_id)
    {
      sc->role = on_behalf ? HEED_SUBJECT_ROLE_REPRESENTATIVE : HEED_SUBJECT_ROLE_COMPLAINANT;
      other_id = affected != person_id ? affected : 0;
      sc->other_role = HEED_SUBJECT_ROLE_AFFECTED;
    }
  else
    {
      sc->role = HEED_SUBJECT_ROLE_AFFECTED;
      other_id = complainant;
      sc->other_role = on_behalf ? HEED_SUBJECT_ROLE_REPRESENTATIVE
                                 : HEED_SUBJECT_ROLE_COMPLAINANT;
    }
  if (other_id > 0)
    {
      sc->other_person = heed_store_load (store, HEED_TYPE_PERSON, other_id, error);
      if (sc->other_person == NULL)
        goto failed;
    }

  children[0].type = HEED_TYPE_CASE_ELEMENT;
  children[0].list = &sc->elements;
  children[1].type = HEED_TYPE_EVENT;
  children[1].list = &sc->events;
  children[2].type = HEED_TYPE_LETTER;
  children[2].list = &sc->letters;
  children[3].type = HEED_TYPE_ACTION;
  children[3].list = &sc->actions;
  children[4].type = HEED_TYPE_SURVEY_RESPONSE;
  children[4].list = &sc->survey_responses;
  children[5].type = HEED_TYPE_RESTRICTION;
  children[5].list = &sc->restrictions;
  children[6].type = G_TYPE_INVALID;

  sc->audit = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_audit_entry_free);
  case_audit = heed_store_list_audit_entries (store, "cases", case_id, error);
  if (case_audit == NULL)
    goto failed;
  g_ptr_array_extend_and_steal (sc->audit, g_steal_pointer (&case_audit));
  for (guint i = 0; children[i].type != G_TYPE_INVALID; i++)
    {
      *children[i].list = heed_store_list (store, children[i].type, case_id, error);
      if (*children[i].list == NULL
          || !add_audit_of_records (store, *children[i].list, sc->audit, error))
        goto failed;
    }

  sc->letter_pdfs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < sc->letters->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      GBytes *pdf;

      pdf = heed_store_dup_letter_pdf (store, heed_record_get_id (g_ptr_array_index (sc->letters,
                                                                                      i)),
                                       &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      g_ptr_array_add (sc->letter_pdfs, pdf);
    }

  infos = heed_store_list_attachments (store, case_id, error);
  if (infos == NULL)
    goto failed;
  sc->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) subject_attachment_free);
  for (guint i = 0; i < infos->len; i++)
    {
      HeedSubjectAttachment *attachment = g_new0 (HeedSubjectAttachment, 1);
      g_autoptr(GPtrArray) entries = NULL;

      attachment->info = g_steal_pointer (&g_ptr_array_index (infos, i));
      g_ptr_array_add (sc->attachments, attachment);
      attachment->data = heed_store_dup_attachment (store, attachment->info->id, NULL, NULL,
                                                    error);
      if (attachment->data == NULL)
        goto failed;
      entries = heed_store_list_audit_entries (store, "attachments", attachment->info->id,
                                               error);
      if (entries == NULL)
        goto failed;
      g_ptr_array_extend_and_steal (sc->audit, g_steal_pointer (&entries));
    }
  g_ptr_array_sort (sc->audit, compare_audit_entries);
  return sc;

failed:
  subject_case_free (sc);
  return NULL;
}

static gboolean
collect (HeedSubjectAccess  *self,
         gint64              person_id,
         GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) case_ids = NULL;

  self->person = heed_store_load (self->store, HEED_TYPE_PERSON, person_id, &local_error);
  if (self->person == NULL)
    {
      if (g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD))
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                     _("There is no person number %lld in this practice file, so there is "
                       "nothing to export."),
                     (long long) person_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->name = heed_person_dup_full_name (self->person);
  if (self->name[0] == '\0')
    {
      g_free (self->name);
      self->name = g_strdup_printf (_("Person %lld"), (long long) person_id);
    }
  self->practice = heed_store_dup_setting (self->store, "name");
  if (self->practice == NULL)
    self->practice = g_strdup (_("The practice"));

  {
    g_autoptr(GPtrArray) staff = heed_store_list (self->store, HEED_TYPE_STAFF, 0, error);

    if (staff == NULL)
      return FALSE;
    for (guint i = 0; i < staff->len; i++)
      {
        HeedRecord *member = g_ptr_array_index (staff, i);
        gint64 id = heed_record_get_id (member);

        g_hash_table_insert (self->staff_names, g_memdup2 (&id, sizeof id),
                             g_strdup (heed_record_get_text (member, HEED_STAFF_NAME)));
      }
  }

  self->person_audit = heed_store_list_audit_entries (self->store, "people", person_id, error);
  if (self->person_audit == NULL)
    return FALSE;
  case_ids = heed_store_list_cases_of_person (self->store, person_id, error);
  if (case_ids == NULL)
    return FALSE;
  for (guint i = 0; i < case_ids->len; i++)
    {
      HeedSubjectCase *sc = collect_case (self->store, person_id,
                                          g_array_index (case_ids, gint64, i), error);

      if (sc == NULL)
        return FALSE;
      g_ptr_array_add (self->cases, sc);
    }
  return TRUE;
}

HeedSubjectAccess *
heed_subject_access_collect (HeedStore  *store,
                             gint64      person_id,
                             GError    **error)
{
  g_autoptr(HeedSubjectAccess) self = NULL;
  gboolean ok;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (person_id <= 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                   _("There is no person number %lld in this practice file, so there is "
                     "nothing to export."),
                   (long long) person_id);
      return NULL;
    }

  self = g_object_new (HEED_TYPE_SUBJECT_ACCESS, NULL);
  self->store = g_object_ref (store);
  self->made_at = g_date_time_new_now_utc ();
  /* One consistent view of the file, even if another window writes meanwhile. */
  if (!heed_store_begin_read (store, error))
    return NULL;
  ok = collect (self, person_id, error);
  heed_store_end_read (store);
  return ok ? g_steal_pointer (&self) : NULL;
}

HeedPerson *
heed_subject_access_get_person (HeedSubjectAccess *self)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  return self->person;
}

const char *
heed_subject_access_get_name (HeedSubjectAccess *self)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  return self->name;
}

const char *
heed_subject_access_get_practice (HeedSubjectAccess *self)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  return self->practice;
}

GDateTime *
heed_subject_access_get_made_at (HeedSubjectAccess *self)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  return self->made_at;
}

GPtrArray *
heed_subject_access_get_person_audit (HeedSubjectAccess *self)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  return self->person_audit;
}

guint
heed_subject_access_get_n_cases (HeedSubjectAccess *self)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), 0);
  return self->cases->len;
}

const HeedSubjectCase *
heed_subject_access_get_case (HeedSubjectAccess *self,
                              guint              index)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  g_return_val_if_fail (index < self->cases->len, NULL);
  return g_ptr_array_index (self->cases, index);
}

/* Who or what an id field points at, by the field's name. */
typedef enum {
  ID_OTHER,
  ID_STAFF,
  ID_PERSON,
  ID_CASE,
} IdKind;

static IdKind
id_kind (const char *field)
{
  static const char *const staff_fields[] = { "received-by", "handler", "staff", "owner", NULL };
  static const char *const person_fields[] = { "complainant", "affected", "recipient", NULL };

  if (g_strv_contains (staff_fields, field))
    return ID_STAFF;
  if (g_strv_contains (person_fields, field))
    return ID_PERSON;
  if (g_str_equal (field, "case"))
    return ID_CASE;
  return ID_OTHER;
}

/* The name behind an id field's value, or NULL when it is not one Heed can name. */
static char *
dup_id_name (HeedSubjectAccess *self,
             const char        *field,
             gint64             id)
{
  switch (id_kind (field))
    {
    case ID_STAFF:
      return g_strdup (g_hash_table_lookup (self->staff_names, &id));
    case ID_PERSON:
      if (id == heed_record_get_id (HEED_RECORD (self->person)))
        return g_strdup (self->name);
      for (guint i = 0; i < self->cases->len; i++)
        {
          HeedSubjectCase *sc = g_ptr_array_index (self->cases, i);

          if (sc->other_person != NULL && heed_record_get_id (HEED_RECORD (sc->other_person)) == id)
            return heed_person_dup_full_name (sc->other_person);
        }
      return NULL;
    case ID_CASE:
      for (guint i = 0; i < self->cases->len; i++)
        {
          HeedSubjectCase *sc = g_ptr_array_index (self->cases, i);

          if (heed_record_get_id (HEED_RECORD (sc->kase)) == id)
            return g_strdup (heed_case_get_reference (sc->kase));
        }
      return NULL;
    case ID_OTHER:
    default:
      return NULL;
    }
}

const char *
heed_subject_access_get_staff_name (HeedSubjectAccess *self,
                                    gint64             staff_id)
{
  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  return g_hash_table_lookup (self->staff_names, &staff_id);
}

char *
heed_subject_access_dup_value (HeedSubjectAccess *self,
                               HeedRecord        *record,
                               guint              field)
{
  const HeedFieldSpec *fields;
  guint n_fields;
  GDate date;

  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  g_return_val_if_fail (HEED_IS_RECORD (record), NULL);
  fields = heed_record_get_fields (record, &n_fields);
  g_return_val_if_fail (field < n_fields, NULL);

  if (!heed_record_is_set (record, field))
    return NULL;
  switch (fields[field].type)
    {
    case HEED_VALUE_BOOL:
      return g_strdup (heed_record_get_bool (record, field) ? _("Yes") : _("No"));
    case HEED_VALUE_DATE:
      if (heed_record_get_date (record, field, &date))
        return heed_format_date_long (&date);
      break;
    case HEED_VALUE_DATETIME:
      {
        const char *text = heed_record_get_text (record, field);

        if (text != NULL && strlen (text) >= 16 && heed_record_get_date (record, field, &date))
          {
            g_autofree char *day = heed_format_date_long (&date);

            /* TRANSLATORS: a date and a time, "3 June 2025 at 14:21" */
            return g_strdup_printf (_("%s at %.5s"), day, text + 11);
          }
      }
      break;
    case HEED_VALUE_CHOICE:
      return g_strdup (heed_choice_get_label (fields[field].name,
                                              heed_record_get_text (record, field)));
    case HEED_VALUE_MONEY:
      return heed_format_money (heed_record_get_int (record, field));
    case HEED_VALUE_ID:
      {
        gint64 id = heed_record_get_int (record, field);
        char *name = dup_id_name (self, fields[field].name, id);

        if (id == 0)
          return NULL;
        if (name != NULL)
          return name;
      }
      break;
    case HEED_VALUE_TEXT:
      /* Subjects and staff groups are kept as category codes. */
      if (g_str_equal (fields[field].name, "subject")
          || g_str_equal (fields[field].name, "staff-group"))
        {
          char *label = heed_store_dup_category_label (self->store, fields[field].name,
                                                       heed_record_get_text (record, field));

          if (label != NULL)
            return label;
        }
      break;
    case HEED_VALUE_INT:
    default:
      break;
    }
  return heed_record_dup_string (record, field);
}

/* XML ------------------------------------------------------------------------------------ */

typedef struct {
  HeedSubjectAccess *self;
  xmlTextWriterPtr   writer;
  gboolean           failed;
} Xml;

/* Text as XML 1.0 allows it: valid UTF-8 without control characters (a stray one, pasted in
 * from elsewhere, becomes U+FFFD rather than spoiling the document). */
static char *
dup_xml_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (clean, 0xFFFD);
      else
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static void
xml_check (Xml *xml,
           int  rc)
{
  if (rc < 0)
    xml->failed = TRUE;
}

static void
xml_start (Xml        *xml,
           const char *name)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterStartElement (xml->writer, (const xmlChar *) name));
}

static void
xml_end (Xml *xml)
{
  if (!xml->failed)
    xml_check (xml, xmlTextWriterEndElement (xml->writer));
}

static void
xml_attribute (Xml        *xml,
               const char *name,
               const char *value)
{
  g_autofree char *clean = NULL;

  if (xml->failed || value == NULL)
    return;
  clean = dup_xml_text (value);
  xml_check (xml, xmlTextWriterWriteAttribute (xml->writer, (const xmlChar *) name,
                                               (const xmlChar *) clean));
}

static void
xml_attribute_int (Xml        *xml,
                   const char *name,
                   gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  xml_attribute (xml, name, buffer);
}

static void
xml_text (Xml        *xml,
          const char *text)
{
  g_autofree char *clean = NULL;

  if (xml->failed || text == NULL)
    return;
  clean = dup_xml_text (text);
  xml_check (xml, xmlTextWriterWriteString (xml->writer, (const xmlChar *) clean));
}

static void
xml_text_element (Xml        *xml,
                  const char *name,
                  const char *text)
{
  xml_start (xml, name);
  xml_text (xml, text);
  xml_end (xml);
}

/* Every field that has a value, as an element named after the field. */
static void
xml_record_fields (Xml        *xml,
                   HeedRecord *record)
{
  const HeedFieldSpec *fields;
  guint n_fields;

  fields = heed_record_get_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (!heed_record_is_set (record, i))
        continue;
      value = heed_record_dup_string (record, i);
      if (value == NULL || value[0] == '\0')
        continue;
      xml_start (xml, fields[i].name);
      if (fields[i].type == HEED_VALUE_ID)
        {
          g_autofree char *name = dup_id_name (xml->self, fields[i].name,
                                               heed_record_get_int (record, i));

          xml_attribute (xml, "name", name);
        }
      xml_text (xml, value);
      xml_end (xml);
    }
}

static void
xml_record (Xml        *xml,
            const char *element,
            HeedRecord *record)
{
  xml_start (xml, element);
  xml_attribute_int (xml, "id", heed_record_get_id (record));
  xml_record_fields (xml, record);
  xml_end (xml);
}

static void
xml_records (Xml        *xml,
             const char *list_element,
             const char *element,
             GPtrArray  *records)
{
  xml_start (xml, list_element);
  for (guint i = 0; i < records->len; i++)
    xml_record (xml, element, g_ptr_array_index (records, i));
  xml_end (xml);
}

static void
xml_audit (Xml       *xml,
           GPtrArray *entries)
{
  xml_start (xml, "audit");
  for (guint i = 0; i < entries->len; i++)
    {
      HeedAuditEntry *entry = g_ptr_array_index (entries, i);

      xml_start (xml, "audit-entry");
      xml_attribute_int (xml, "id", entry->id);
      xml_attribute (xml, "at", entry->at);
      xml_attribute (xml, "os-user", entry->os_user);
      xml_attribute (xml, "staff", entry->staff);
      xml_attribute (xml, "action", entry->action);
      xml_attribute (xml, "table", entry->table);
      xml_attribute_int (xml, "row", entry->row_id);
      xml_text (xml, entry->detail);
      xml_end (xml);
    }
  xml_end (xml);
}

/* @bytes as base64 in an element of its own; nothing when @bytes is NULL. */
static void
xml_base64_element (Xml        *xml,
                    const char *name,
                    GBytes     *bytes)
{
  gsize size;
  const char *data;

  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &size);
  xml_start (xml, name);
  xml_attribute_int (xml, "size", (gint64) size);
  xml_attribute (xml, "encoding", "base64");
  if (!xml->failed && size > 0)
    xml_check (xml, xmlTextWriterWriteBase64 (xml->writer, data, 0, (int) size));
  xml_end (xml);
}

static void
xml_attachment (Xml                   *xml,
                HeedSubjectAttachment *attachment)
{
  gsize size;
  const char *data = g_bytes_get_data (attachment->data, &size);

  xml_start (xml, "attachment");
  xml_attribute_int (xml, "id", attachment->info->id);
  xml_attribute (xml, "filename", attachment->info->filename);
  xml_attribute (xml, "mime", attachment->info->mime);
  xml_attribute_int (xml, "size", (gint64) size);
  xml_attribute (xml, "added-at", attachment->info->added_at);
  xml_attribute (xml, "encoding", "base64");
  if (!xml->failed && size > 0)
    xml_check (xml, xmlTextWriterWriteBase64 (xml->writer, data, 0, (int) size));
  xml_end (xml);
}

static void
xml_case (Xml                   *xml,
          const HeedSubjectCase *sc)
{
  xml_start (xml, "case");
  xml_attribute_int (xml, "id", heed_record_get_id (HEED_RECORD (sc->kase)));
  xml_attribute (xml, "reference", heed_case_get_reference (sc->kase));
  xml_attribute (xml, "role", heed_subject_role_to_id (sc->role));
  xml_start (xml, "fields");
  xml_record_fields (xml, HEED_RECORD (sc->kase));
  xml_end (xml);
  if (sc->other_person != NULL)
    {
      g_autofree char *other = heed_person_dup_full_name (sc->other_person);

      /* Named so the practice can decide whether to withhold it (a third party). */
      xml_start (xml, "other-person");
      xml_attribute_int (xml, "id", heed_record_get_id (HEED_RECORD (sc->other_person)));
      xml_attribute (xml, "role", heed_subject_role_to_id (sc->other_role));
      xml_attribute (xml, "third-party", "true");
      xml_text (xml, other);
      xml_end (xml);
    }
  xml_records (xml, "elements", "element", sc->elements);

  xml_start (xml, "events");
  for (guint i = 0; i < sc->events->len; i++)
    {
      HeedRecord *event = g_ptr_array_index (sc->events, i);

      xml_start (xml, "event");
      xml_attribute_int (xml, "id", heed_record_get_id (event));
      xml_record_fields (xml, event);
      for (guint j = 0; j < sc->attachments->len; j++)
        {
          HeedSubjectAttachment *attachment = g_ptr_array_index (sc->attachments, j);

          if (attachment->info->event_id == heed_record_get_id (event))
            xml_attachment (xml, attachment);
        }
      xml_end (xml);
    }
  xml_end (xml);

  xml_start (xml, "attachments");
  for (guint j = 0; j < sc->attachments->len; j++)
    {
      HeedSubjectAttachment *attachment = g_ptr_array_index (sc->attachments, j);
      gboolean on_event = FALSE;

      for (guint i = 0; i < sc->events->len && !on_event; i++)
        on_event = attachment->info->event_id
                   == heed_record_get_id (g_ptr_array_index (sc->events, i));
      if (!on_event)
        xml_attachment (xml, attachment);
    }
  xml_end (xml);

  xml_start (xml, "letters");
  for (guint i = 0; i < sc->letters->len; i++)
    {
      HeedRecord *letter = g_ptr_array_index (sc->letters, i);

      xml_start (xml, "letter");
      xml_attribute_int (xml, "id", heed_record_get_id (letter));
      xml_attribute (xml, "sent", heed_record_is_set (letter, HEED_LETTER_SENT_AT) ? "yes" : "no");
      xml_record_fields (xml, letter);
      xml_base64_element (xml, "pdf", g_ptr_array_index (sc->letter_pdfs, i));
      xml_end (xml);
    }
  xml_end (xml);

  xml_records (xml, "actions", "action", sc->actions);
  xml_records (xml, "survey-responses", "survey-response", sc->survey_responses);
  xml_records (xml, "restrictions", "restriction", sc->restrictions);
  xml_audit (xml, sc->audit);
  xml_end (xml);
}

GBytes *
heed_subject_access_to_xml (HeedSubjectAccess  *self,
                            GError            **error)
{
  g_autofree char *made = NULL;
  xmlBufferPtr buffer;
  Xml xml = { self, NULL, FALSE };
  GBytes *bytes = NULL;

  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = xmlBufferCreate ();
  xml.writer = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (xml.writer == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("There was not enough memory to make the subject access export."));
      return NULL;
    }
  xml_check (&xml, xmlTextWriterSetIndent (xml.writer, 1));
  xml_check (&xml, xmlTextWriterSetIndentString (xml.writer, (const xmlChar *) "  "));
  if (!xml.failed)
    xml_check (&xml, xmlTextWriterStartDocument (xml.writer, "1.0", "UTF-8", NULL));

  made = g_date_time_format_iso8601 (self->made_at);
  xml_start (&xml, "subject-access-export");
  xml_attribute (&xml, "version", "1");
  xml_attribute (&xml, "practice", self->practice);
  xml_attribute_int (&xml, "person-id", heed_record_get_id (HEED_RECORD (self->person)));
  xml_attribute (&xml, "person", self->name);
  xml_attribute (&xml, "made", made);
  xml_text_element (&xml, "note-to-practice",
                    _("Before this is released, check it for information about other people "
                      "(staff, third parties): UK GDPR allows the practice to withhold it."));
  xml_record (&xml, "person", HEED_RECORD (self->person));
  xml_audit (&xml, self->person_audit);
  xml_start (&xml, "cases");
  for (guint i = 0; i < self->cases->len; i++)
    xml_case (&xml, g_ptr_array_index (self->cases, i));
  xml_end (&xml);
  xml_end (&xml);
  if (!xml.failed)
    xml_check (&xml, xmlTextWriterEndDocument (xml.writer));
  xmlFreeTextWriter (xml.writer);

  if (xml.failed)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                 _("The subject access export could not be written as XML."));
  else
    bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/* Saving ----------------------------------------------------------------------------------- */

/* An output's failure (a refusal or the disk's) in the store's words, as callers expect. */
static void
take_output_error (GError **error,
                   GError  *output_error)
{
  g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO, output_error->message);
  g_error_free (output_error);
}

/* @bytes in a new file beside @path, readable by this user only, not yet in place. */
static HeedSafeOutput *
write_temporary (const char  *path,
                 GBytes      *bytes,
                 GError     **error)
{
  g_autoptr(HeedSafeOutput) output = NULL;
  GError *output_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT, &output_error);
  if (output == NULL || !heed_safe_output_write (output, data, size, &output_error))
    {
      take_output_error (error, output_error);
      return NULL;
    }
  return g_steal_pointer (&output);
}

gboolean
heed_subject_access_save (HeedSubjectAccess  *self,
                          const char         *xml_path,
                          GBytes             *pdf,
                          const char         *pdf_path,
                          GError            **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(HeedSafeOutput) xml_output = NULL;
  g_autoptr(HeedSafeOutput) pdf_output = NULL;
  GError *output_error = NULL;
  gboolean pdf_in_place = FALSE;

  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (self), FALSE);
  g_return_val_if_fail (xml_path != NULL, FALSE);
  g_return_val_if_fail (pdf == NULL || pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pdf != NULL && g_strcmp0 (xml_path, pdf_path) == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The XML and the PDF of the export need different file names."));
      return FALSE;
    }
  /* An export the audit trail cannot record is not made at all. */
  if (!heed_store_check_can_record_export (self->store, error))
    return FALSE;
  xml = heed_subject_access_to_xml (self, error);
  if (xml == NULL)
    return FALSE;

  /* Both written in full beside their targets before either is put in place. */
  xml_output = write_temporary (xml_path, xml, error);
  if (xml_output == NULL)
    return FALSE;
  if (pdf != NULL)
    {
      pdf_output = write_temporary (pdf_path, pdf, error);
      if (pdf_output == NULL)
        return FALSE;
      if (!heed_safe_output_commit (pdf_output, &output_error))
        {
          take_output_error (error, output_error);
          return FALSE;
        }
      pdf_in_place = TRUE;
    }
  if (!heed_safe_output_commit (xml_output, &output_error))
    {
      take_output_error (error, output_error);
      if (pdf_in_place)
        g_unlink (pdf_path);
      return FALSE;
    }

  if (!heed_store_record_subject_access_export (self->store,
                                                heed_record_get_id (HEED_RECORD (self->person)),
                                                error))
    {
      g_unlink (xml_path);
      if (pdf_in_place)
        g_unlink (pdf_path);
      return FALSE;
    }
  return TRUE;
}

/* Audit entries in words */

static const char *
audit_action_label (const char *action)
{
  static const struct {
    const char *id;
    const char *label;
  } labels[] = {
    { "add", N_("Added") },
    { "change", N_("Changed") },
    { "delete", N_("Deleted") },
    { "destroy", N_("Destroyed") },
    { "send", N_("Sent") },
    { "subject-access-export", N_("Exported") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (action, labels[i].id) == 0)
      return _(labels[i].label);
  return action != NULL ? action : "";
}

static const struct {
  const char *table;
  const char *label;
  GType     (*get_type) (void);
} audit_tables[] = {
  { "cases", N_("case"), heed_case_get_type },
  { "people", N_("personal details"), heed_person_get_type },
  { "events", N_("timeline entry"), heed_event_get_type },
  { "case_elements", N_("part of the complaint"), heed_case_element_get_type },
  { "letters", N_("letter"), heed_letter_get_type },
  { "actions", N_("action"), heed_action_get_type },
  { "survey_responses", N_("survey answer"), heed_survey_response_get_type },
  { "restrictions", N_("contact restriction"), heed_restriction_get_type },
  { "staff", N_("staff member"), heed_staff_get_type },
  { "attachments", N_("attachment"), NULL },
};

char *
heed_audit_entry_describe (const HeedAuditEntry *entry)
{
  const char *table = entry->table;
  const char *detail = entry->detail != NULL ? entry->detail : "";
  const char *bar = strchr (detail, '|');
  g_autoptr(GString) fields = g_string_new (NULL);
  GType type = G_TYPE_INVALID;

  g_return_val_if_fail (entry != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (audit_tables); i++)
    if (g_strcmp0 (entry->table, audit_tables[i].table) == 0)
      {
        table = _(audit_tables[i].label);
        type = audit_tables[i].get_type != NULL ? audit_tables[i].get_type () : G_TYPE_INVALID;
      }

  /* The record's digest before the bar means nothing to a reader; the fields after it do,
   * by the names a person sees on the form. */
  if (bar != NULL)
    detail = bar + 1;
  if (type != G_TYPE_INVALID && detail[0] != '\0')
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      g_auto(GStrv) names = g_strsplit (detail, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const HeedFieldSpec *spec;

          g_strstrip (names[i]);
          if (names[i][0] == '\0')
            continue;
          spec = heed_record_class_find_field (HEED_RECORD_CLASS (klass), names[i], NULL);
          if (fields->len > 0)
            g_string_append (fields, ", ");
          g_string_append (fields, spec != NULL && spec->label != NULL ? _(spec->label)
                                                                        : names[i]);
        }
    }
  else
    g_string_append (fields, detail);

  /* TRANSLATORS: an audit entry: "Changed case 21", then what it covered */
  if (fields->len == 0)
    return g_strdup_printf (_("%s %s %lld"), audit_action_label (entry->action), table,
                            (long long) entry->row_id);
  /* TRANSLATORS: an audit entry: "Changed case 21: Status, Outcome" */
  return g_strdup_printf (_("%s %s %lld: %s"), audit_action_label (entry->action), table,
                          (long long) entry->row_id, fields->str);
}

char *
heed_audit_entry_dup_who (const HeedAuditEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->staff != NULL && entry->staff[0] != '\0')
    /* TRANSLATORS: who made a change: the staff member, then the computer login */
    return g_strdup_printf (_("%s (%s)"), entry->staff, entry->os_user);
  return g_strdup (entry->os_user != NULL ? entry->os_user : "");
}

char *
heed_audit_entry_dup_when (const HeedAuditEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);
  return heed_format_date_time_long (entry->at != NULL ? entry->at : "");
}
