/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-event.h"
#include "heed-exchange-private.h"
#include "heed-letter.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-survey-response.h"
#include "heed-template.h"


/* The whole practice as one XML document, written as a stream so that a practice of 100,000
 * cases never sits in memory, and read back all or nothing. Records are written from their
 * classes' field tables: one child element per field that is set, named as the field. Each
 * record carries an id, numbered 1, 2, 3… per kind in the order written, and records point at
 * each other by those ids; so exporting, importing into a new file and exporting again gives
 * the same bytes. The format is described by data/heed-exchange.rng. */

G_DEFINE_QUARK (heed-exchange-error-quark, heed_exchange_error)

/* Binary data (logo, attachments, letters' PDFs) is written as base64 in <chunk>s of this many
 * bytes (1 MiB of text each), well under the 10 MB libxml2 allows in one text node unless it
 * is told to read huge documents, which Heed never tells it. */
#define CHUNK_BYTES (3 * 256 * 1024)

gsize _heed_exchange_size_limit = HEED_EXCHANGE_MAX_FILE_SIZE;

void
heed_exchange_set_size_limit_for_testing (gsize limit)
{
  _heed_exchange_size_limit = limit > 0 ? limit : HEED_EXCHANGE_MAX_FILE_SIZE;
}

/* What the records are, and where each goes in the document */


/* The element of one record of each kind. */
const char *const _heed_exchange_kind_elements[N_KINDS] = {
  "staff-member", "person", "template", "case", "element", "event", "action", "letter",
  "restriction", "attachment", "survey-response",
};

/* The records kept inside a <case>, in the order they are written; then come <attachments>
 * and <staff-involved>. */
const CaseChild _heed_exchange_case_children[N_CASE_CHILDREN] = {
  { "elements", KIND_ELEMENT },
  { "events", KIND_EVENT },
  { "actions", KIND_ACTION },
  { "letters", KIND_LETTER },
  { "restrictions", KIND_RESTRICTION },
};

const char *const _heed_exchange_case_containers[] = {
  "elements", "events", "actions", "letters", "restrictions", "attachments", "staff-involved",
  NULL
};
const char *const _heed_exchange_letter_containers[] = { "pdf", NULL };

GType
_heed_exchange_kind_get_type (Kind kind)
{
  switch (kind)
    {
    case KIND_STAFF:
      return HEED_TYPE_STAFF;
    case KIND_PERSON:
      return HEED_TYPE_PERSON;
    case KIND_TEMPLATE:
      return HEED_TYPE_TEMPLATE;
    case KIND_CASE:
      return HEED_TYPE_CASE;
    case KIND_ELEMENT:
      return HEED_TYPE_CASE_ELEMENT;
    case KIND_EVENT:
      return HEED_TYPE_EVENT;
    case KIND_ACTION:
      return HEED_TYPE_ACTION;
    case KIND_LETTER:
      return HEED_TYPE_LETTER;
    case KIND_RESTRICTION:
      return HEED_TYPE_RESTRICTION;
    case KIND_SURVEY_RESPONSE:
      return HEED_TYPE_SURVEY_RESPONSE;
    case KIND_ATTACHMENT:
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* What each reference field (HEED_VALUE_ID) of each table points at. A field missing here
 * cannot be exported: the export says so rather than write a number that means nothing. */
static const struct {
  const char *table;
  const char *field;
  Kind        target;
} reference_fields[] = {
  { "cases", "received-by", KIND_STAFF },
  { "cases", "handler", KIND_STAFF },
  { "cases", "complainant", KIND_PERSON },
  { "cases", "affected", KIND_PERSON },
  { "case_elements", "case", KIND_CASE },
  { "events", "case", KIND_CASE },
  { "events", "staff", KIND_STAFF },
  { "actions", "case", KIND_CASE },
  { "actions", "owner", KIND_STAFF },
  { "letters", "case", KIND_CASE },
  { "letters", "recipient", KIND_PERSON },
  { "restrictions", "case", KIND_CASE },
  { "survey_responses", "case", KIND_CASE },
};

gboolean
_heed_exchange_find_reference_target (const char *table,
                                      const char *field,
                                      Kind       *target)
{
  for (guint i = 0; i < G_N_ELEMENTS (reference_fields); i++)
    if (strcmp (reference_fields[i].table, table) == 0
        && strcmp (reference_fields[i].field, field) == 0)
      {
        *target = reference_fields[i].target;
        return TRUE;
      }
  return FALSE;
}

/* Text that XML 1.0 can carry as it is: valid UTF-8 without control characters other than tab
 * and line ends. Anything else (a vertical tab pasted from a word processor) is written as
 * base64, so nothing is lost. */
gboolean
_heed_exchange_is_xml_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

/* Export */

/* Row ids of one table in the order written; a record's number in the file is its place here.
 * Ids arrive in ascending order, so a binary search finds them. */
typedef struct {
  GArray *ids;
  gint64  base;   /* the number of the first */
} IdMap;

static void
id_map_init (IdMap *map)
{
  map->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  map->base = 1;
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->ids, g_array_unref);
}

static gint64
id_map_lookup (const IdMap *map,
               gint64       row_id)
{
  guint lo = 0, hi = map->ids->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 value = g_array_index (map->ids, gint64, mid);

      if (value == row_id)
        return map->base + mid;
      if (value < row_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

typedef struct {
  HeedStore       *store;
  GOutputStream   *out;
  xmlTextWriter   *writer;
  GError          *error;
  IdMap            staff;
  IdMap            people;
  IdMap            cases;
  IdMap            case_events;   /* the events of the case being written */
  gint64           counters[N_KINDS];
  HeedRecord      *defaults[N_KINDS];  /* a new record of each kind, as its class makes it */
} Export;

static int
export_write_cb (void       *context,
                 const char *buffer,
                 int         len)
{
  Export *ex = context;
  g_autoptr(GError) local_error = NULL;

  if (ex->error != NULL)
    return -1;
  if (len > 0 && !g_output_stream_write_all (ex->out, buffer, (gsize) len, NULL, NULL,
                                             &local_error))
    {
      g_set_error (&ex->error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("The export could not be written: %s"), local_error->message);
      return -1;
    }
  return len;
}

static int
export_close_cb (void *context)
{
  /* The stream belongs to the caller, who closes it. */
  return 0;
}

static gboolean
export_ok (Export *ex,
           int     rc)
{
  if (rc < 0 && ex->error == NULL)
    g_set_error (&ex->error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                 _("The export could not be written."));
  return ex->error == NULL;
}

static gboolean
export_start (Export     *ex,
              const char *name)
{
  return ex->error == NULL
         && export_ok (ex, xmlTextWriterStartElement (ex->writer, (const xmlChar *) name));
}

static gboolean
export_end (Export *ex)
{
  return ex->error == NULL && export_ok (ex, xmlTextWriterEndElement (ex->writer));
}

static gboolean
export_attribute (Export     *ex,
                  const char *name,
                  const char *value)
{
  if (ex->error != NULL)
    return FALSE;
  if (value == NULL || !_heed_exchange_is_xml_text (value))
    {
      g_set_error (&ex->error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("The value of “%s” cannot be written to the export: it is missing or is "
                     "not plain text."),
                   name);
      return FALSE;
    }
  return export_ok (ex, xmlTextWriterWriteAttribute (ex->writer, (const xmlChar *) name,
                                                     (const xmlChar *) value));
}

static gboolean
export_attribute_int (Export     *ex,
                      const char *name,
                      gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  return export_attribute (ex, name, buffer);
}

/* The text content of the element just started, as it is or as base64 (see is_xml_text()). */
static gboolean
export_text (Export     *ex,
             const char *value)
{
  if (ex->error != NULL)
    return FALSE;
  if (value == NULL || value[0] == '\0')
    return TRUE;
  if (_heed_exchange_is_xml_text (value))
    return export_ok (ex, xmlTextWriterWriteString (ex->writer, (const xmlChar *) value));
  else
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) value, strlen (value));

      return export_attribute (ex, "encoding", "base64")
             && export_ok (ex, xmlTextWriterWriteString (ex->writer, (const xmlChar *) encoded));
    }
}

static gboolean
export_text_element (Export     *ex,
                     const char *name,
                     const char *value)
{
  return export_start (ex, name) && export_text (ex, value) && export_end (ex);
}

/* The content of the element just started: @data as base64 <chunk>s. */
static gboolean
export_chunks (Export *ex,
               GBytes *data)
{
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  for (gsize offset = 0; offset < size && ex->error == NULL; offset += CHUNK_BYTES)
    {
      g_autofree char *encoded = g_base64_encode (bytes + offset, MIN (CHUNK_BYTES,
                                                                       size - offset));

      if (export_start (ex, "chunk"))
        export_ok (ex, xmlTextWriterWriteString (ex->writer, (const xmlChar *) encoded));
      export_end (ex);
    }
  return ex->error == NULL;
}

static IdMap *
export_map_for (Export *ex,
                Kind    kind)
{
  switch (kind)
    {
    case KIND_STAFF:
      return &ex->staff;
    case KIND_PERSON:
      return &ex->people;
    case KIND_CASE:
      return &ex->cases;
    case KIND_EVENT:
      return &ex->case_events;
    case KIND_TEMPLATE:
    case KIND_ELEMENT:
    case KIND_ACTION:
    case KIND_LETTER:
    case KIND_RESTRICTION:
    case KIND_ATTACHMENT:
    case KIND_SURVEY_RESPONSE:
    case N_KINDS:
    default:
      return NULL;
    }
}

/* Whether field @i of @record is written: when it is set, or when it differs from what a new
 * record starts with (a member of staff is active unless told otherwise, so one who has left
 * is written <active>no</active>). What is not written, the import leaves as a new record has
 * it, so the two agree. */
static gboolean
export_wants_field (Export     *ex,
                    Kind        kind,
                    HeedRecord *record,
                    guint       i)
{
  g_autofree char *value = NULL;
  g_autofree char *initial = NULL;

  if (heed_record_is_set (record, i))
    return TRUE;
  if (ex->defaults[kind] == NULL)
    ex->defaults[kind] = g_object_new (G_OBJECT_TYPE (record), NULL);
  value = heed_record_dup_string (record, i);
  initial = heed_record_dup_string (ex->defaults[kind], i);
  return g_strcmp0 (value, initial) != 0;
}

/* Starts the record's element and writes its id and fields; the caller writes what it holds
 * and ends it. Inside a case, the "case" field goes without saying. */
static gboolean
export_record (Export     *ex,
               Kind        kind,
               HeedRecord *record,
               gboolean    in_case)
{
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (record, &n_fields);
  IdMap *map = export_map_for (ex, kind);
  gint64 number = ++ex->counters[kind];

  if (map != NULL)
    {
      gint64 id = heed_record_get_id (record);

      if (map->ids->len == 0)
        map->base = number;
      g_array_append_val (map->ids, id);
    }

  if (!export_start (ex, _heed_exchange_kind_elements[kind])
      || !export_attribute_int (ex, "id", number))
    return FALSE;
  for (guint i = 0; i < n_fields && ex->error == NULL; i++)
    {
      g_autofree char *value = NULL;

      if (!export_wants_field (ex, kind, record, i)
          || (in_case && strcmp (fields[i].name, "case") == 0))
        continue;
      if (fields[i].type == HEED_VALUE_ID && heed_record_is_set (record, i))
        {
          Kind target;
          gint64 target_number = 0;

          if (_heed_exchange_find_reference_target (heed_record_get_table (record), fields[i].name,
                                                    &target))
            {
              IdMap *target_map = export_map_for (ex, target);

              if (target_map != NULL)
                target_number = id_map_lookup (target_map, heed_record_get_int (record, i));
            }
          if (target_number == 0)
            {
              g_set_error (&ex->error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                           _("Heed cannot export “%s” of %s number %lld: what "
                             "it points to cannot be found."),
                           fields[i].name, _heed_exchange_kind_elements[kind],
                           (long long) heed_record_get_id (record));
              return FALSE;
            }
          value = g_strdup_printf ("%" G_GINT64_FORMAT, target_number);
        }
      else
        value = heed_record_dup_string (record, i);
      export_text_element (ex, fields[i].name, value);
    }
  return ex->error == NULL;
}

static gboolean
export_simple_record (HeedRecord  *record,
                      Export      *ex,
                      Kind         kind,
                      GError     **error)
{
  if (export_record (ex, kind, record, FALSE))
    export_end (ex);
  if (ex->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&ex->error));
      return FALSE;
    }
  return TRUE;
}

/* The visitors below report a failure of the writer through @error so that the walk stops;
 * export_xml() takes it back. */
static gboolean
export_stop (Export  *ex,
             GError **error)
{
  if (ex->error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&ex->error));
  return FALSE;
}

static gboolean
visit_setting (const char  *key,
               const char  *value,
               gpointer     user_data,
               GError     **error)
{
  Export *ex = user_data;

  if (export_start (ex, "setting") && export_attribute (ex, "key", key))
    export_text (ex, value);
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_setting_blob (const char  *key,
                    const char  *mime,
                    GBytes      *data,
                    gpointer     user_data,
                    GError     **error)
{
  Export *ex = user_data;

  if (export_start (ex, "setting-blob") && export_attribute (ex, "key", key)
      && export_attribute (ex, "mime", mime))
    export_chunks (ex, data);
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_category (const HeedCategory  *category,
                gpointer             user_data,
                GError             **error)
{
  Export *ex = user_data;

  if (export_start (ex, "category") && export_attribute (ex, "scheme", category->scheme)
      && export_attribute (ex, "code", category->code)
      && export_attribute_int (ex, "year-from", category->year_from)
      && export_attribute_int (ex, "year-to", category->year_to)
      && export_attribute_int (ex, "position", category->position)
      && (!category->has_min_age || export_attribute_int (ex, "min-age", category->min_age))
      && (!category->has_max_age || export_attribute_int (ex, "max-age", category->max_age))
      && (category->collection == NULL
          || export_attribute (ex, "collection", category->collection)))
    export_text (ex, category->label);
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_risk (const char  *seriousness,
            const char  *likelihood,
            const char  *risk,
            gpointer     user_data,
            GError     **error)
{
  Export *ex = user_data;

  if (export_start (ex, "risk") && export_attribute (ex, "seriousness", seriousness)
      && export_attribute (ex, "likelihood", likelihood))
    export_text (ex, risk);
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_counter (const char  *prefix,
               gint64       last,
               gpointer     user_data,
               GError     **error)
{
  Export *ex = user_data;
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, last);
  if (export_start (ex, "counter") && export_attribute (ex, "prefix", prefix))
    export_text (ex, buffer);
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_tombstone (const HeedTombstone  *tombstone,
                 gpointer              user_data,
                 GError              **error)
{
  Export *ex = user_data;

  if (export_start (ex, "tombstone") && export_attribute (ex, "reference", tombstone->reference)
      && export_attribute (ex, "kind", tombstone->kind))
    {
      if (tombstone->closed_on != NULL)
        export_text_element (ex, "closed-on", tombstone->closed_on);
      export_text_element (ex, "destroyed-at", tombstone->destroyed_at);
      export_text_element (ex, "destroyed-by", tombstone->destroyed_by);
      export_text_element (ex, "reason", tombstone->reason);
    }
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_staff (HeedRecord  *record,
             gpointer     user_data,
             GError     **error)
{
  return export_simple_record (record, user_data, KIND_STAFF, error);
}

static gboolean
visit_person (HeedRecord  *record,
              gpointer     user_data,
              GError     **error)
{
  return export_simple_record (record, user_data, KIND_PERSON, error);
}

static gboolean
visit_template (HeedRecord  *record,
                gpointer     user_data,
                GError     **error)
{
  return export_simple_record (record, user_data, KIND_TEMPLATE, error);
}

static gboolean
visit_action (HeedRecord  *record,
              gpointer     user_data,
              GError     **error)
{
  return export_simple_record (record, user_data, KIND_ACTION, error);
}

static gboolean
visit_survey_response (HeedRecord  *record,
                       gpointer     user_data,
                       GError     **error)
{
  return export_simple_record (record, user_data, KIND_SURVEY_RESPONSE, error);
}

static gboolean
export_case_attachments (Export  *ex,
                         gint64   case_id,
                         GError **error)
{
  g_autoptr(GPtrArray) attachments = heed_store_list_attachments (ex->store, case_id, error);

  if (attachments == NULL)
    return FALSE;
  if (attachments->len == 0)
    return TRUE;
  export_start (ex, "attachments");
  for (guint i = 0; i < attachments->len && ex->error == NULL; i++)
    {
      HeedAttachmentInfo *info = g_ptr_array_index (attachments, i);
      g_autoptr(GBytes) data = NULL;
      gint64 event_number;

      data = heed_store_dup_attachment (ex->store, info->id, NULL, NULL, error);
      if (data == NULL)
        return FALSE;
      /* An event of another case cannot be pointed at from here; Heed never makes one. */
      event_number = info->event_id > 0 ? id_map_lookup (&ex->case_events, info->event_id) : 0;
      if (export_start (ex, "attachment")
          && export_attribute_int (ex, "id", ++ex->counters[KIND_ATTACHMENT])
          && (event_number == 0 || export_attribute_int (ex, "event", event_number))
          && export_text_element (ex, "filename", info->filename)
          && export_text_element (ex, "mime", info->mime)
          && export_text_element (ex, "added-at", info->added_at)
          && export_start (ex, "data"))
        {
          export_chunks (ex, data);
          export_end (ex);
        }
      export_end (ex);
    }
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
export_case_staff (Export  *ex,
                   gint64   case_id,
                   GError **error)
{
  g_autoptr(GArray) staff = heed_store_list_case_staff (ex->store, case_id, error);

  if (staff == NULL)
    return FALSE;
  if (staff->len == 0)
    return TRUE;
  export_start (ex, "staff-involved");
  for (guint i = 0; i < staff->len && ex->error == NULL; i++)
    {
      gint64 number = id_map_lookup (&ex->staff, g_array_index (staff, gint64, i));

      if (export_start (ex, "involved"))
        export_attribute_int (ex, "staff", number);
      export_end (ex);
    }
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
visit_case (HeedRecord  *record,
            gpointer     user_data,
            GError     **error)
{
  Export *ex = user_data;
  gint64 case_id = heed_record_get_id (record);

  if (!export_record (ex, KIND_CASE, record, FALSE))
    return export_stop (ex, error);

  g_array_set_size (ex->case_events.ids, 0);
  ex->case_events.base = ex->counters[KIND_EVENT] + 1;
  for (guint c = 0; c < N_CASE_CHILDREN; c++)
    {
      Kind kind = _heed_exchange_case_children[c].kind;
      g_autoptr(GPtrArray) children = NULL;

      children = heed_store_list (ex->store, _heed_exchange_kind_get_type (kind), case_id, error);
      if (children == NULL)
        return FALSE;
      if (children->len == 0)
        continue;
      export_start (ex, _heed_exchange_case_children[c].container);
      for (guint i = 0; i < children->len && ex->error == NULL; i++)
        {
          HeedRecord *child = g_ptr_array_index (children, i);

          if (!export_record (ex, kind, child, TRUE))
            break;
          if (kind == KIND_LETTER)
            {
              g_autoptr(GError) local_error = NULL;
              g_autoptr(GBytes) pdf = heed_store_dup_letter_pdf (ex->store,
                                                                 heed_record_get_id (child),
                                                                 &local_error);

              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              if (pdf != NULL && export_start (ex, "pdf"))
                {
                  export_chunks (ex, pdf);
                  export_end (ex);
                }
            }
          export_end (ex);
        }
      export_end (ex);
      if (!export_stop (ex, error))
        return FALSE;
    }

  if (!export_case_attachments (ex, case_id, error) || !export_case_staff (ex, case_id, error))
    return FALSE;
  export_end (ex);
  return export_stop (ex, error);
}

typedef gboolean (*SectionFunc) (Export *ex, GError **error);

static gboolean
section_settings (Export  *ex,
                  GError **error)
{
  return heed_store_foreach_setting (ex->store, visit_setting, ex, error)
         && heed_store_foreach_setting_blob (ex->store, visit_setting_blob, ex, error);
}

static gboolean
section_categories (Export  *ex,
                    GError **error)
{
  return heed_store_foreach_category (ex->store, visit_category, ex, error);
}

static gboolean
section_risk (Export  *ex,
              GError **error)
{
  return heed_store_foreach_risk (ex->store, visit_risk, ex, error);
}

static gboolean
section_counters (Export  *ex,
                  GError **error)
{
  return heed_store_foreach_reference_counter (ex->store, visit_counter, ex, error);
}

static gboolean
section_staff (Export  *ex,
               GError **error)
{
  return heed_store_foreach_record (ex->store, HEED_TYPE_STAFF, HEED_STORE_RECORDS_ALL,
                                    visit_staff, ex, error);
}

static gboolean
section_people (Export  *ex,
                GError **error)
{
  return heed_store_foreach_record (ex->store, HEED_TYPE_PERSON, HEED_STORE_RECORDS_ALL,
                                    visit_person, ex, error);
}

static gboolean
section_templates (Export  *ex,
                   GError **error)
{
  return heed_store_foreach_record (ex->store, HEED_TYPE_TEMPLATE, HEED_STORE_RECORDS_ALL,
                                    visit_template, ex, error);
}

static gboolean
section_cases (Export  *ex,
               GError **error)
{
  return heed_store_foreach_record (ex->store, HEED_TYPE_CASE, HEED_STORE_RECORDS_ALL,
                                    visit_case, ex, error);
}

static gboolean
section_actions (Export  *ex,
                 GError **error)
{
  return heed_store_foreach_record (ex->store, HEED_TYPE_ACTION,
                                    HEED_STORE_RECORDS_WITHOUT_CASE, visit_action, ex, error);
}

static gboolean
section_survey (Export  *ex,
                GError **error)
{
  return heed_store_foreach_record (ex->store, HEED_TYPE_SURVEY_RESPONSE,
                                    HEED_STORE_RECORDS_ALL, visit_survey_response, ex, error);
}

static gboolean
section_destroyed (Export  *ex,
                   GError **error)
{
  return heed_store_foreach_tombstone (ex->store, visit_tombstone, ex, error);
}

static gboolean
visit_report_summary (const char  *period_from,
                      const char  *period_to,
                      const char  *text,
                      gpointer     user_data,
                      GError     **error)
{
  Export *ex = user_data;

  if (export_start (ex, "report-summary") && export_attribute (ex, "from", period_from)
      && export_attribute (ex, "to", period_to))
    export_text_element (ex, "general-importance", text);
  export_end (ex);
  return export_stop (ex, error);
}

static gboolean
section_report_summaries (Export  *ex,
                          GError **error)
{
  return heed_store_foreach_report_summary (ex->store, visit_report_summary, ex, error);
}

/* The sections of the document, in order; data/heed-exchange.rng lists the same. */
static const struct {
  const char  *element;
  SectionFunc  write;
} sections[] = {
  { "settings", section_settings },
  { "categories", section_categories },
  { "risk-matrix", section_risk },
  { "reference-counters", section_counters },
  { "staff", section_staff },
  { "people", section_people },
  { "templates", section_templates },
  { "cases", section_cases },
  { "actions", section_actions },
  { "survey-responses", section_survey },
  { "destroyed", section_destroyed },
  { "report-summaries", section_report_summaries },
};

static gboolean
export_document (Export  *ex,
                 GError **error)
{
  if (!export_ok (ex, xmlTextWriterSetIndent (ex->writer, 1))
      || !export_ok (ex, xmlTextWriterSetIndentString (ex->writer, (const xmlChar *) "  "))
      || !export_ok (ex, xmlTextWriterStartDocument (ex->writer, "1.0", "UTF-8", NULL))
      || !export_start (ex, "heed-practice")
      || !export_attribute (ex, "xmlns", HEED_EXCHANGE_NAMESPACE)
      || !export_attribute (ex, "version", HEED_EXCHANGE_VERSION))
    return export_stop (ex, error);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (!export_start (ex, sections[i].element))
        return export_stop (ex, error);
      if (!sections[i].write (ex, error))
        {
          /* A failure of the writer comes back through @error already; keep the first. */
          g_clear_error (&ex->error);
          return FALSE;
        }
      if (!export_end (ex))
        return export_stop (ex, error);
    }

  if (!export_end (ex) || !export_ok (ex, xmlTextWriterEndDocument (ex->writer))
      || !export_ok (ex, xmlTextWriterFlush (ex->writer)))
    return export_stop (ex, error);
  return TRUE;
}

gboolean
heed_exchange_export_xml (HeedStore      *store,
                          GOutputStream  *out,
                          GError        **error)
{
  Export ex = { 0 };
  xmlOutputBuffer *buffer;
  gboolean ok;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ex.store = store;
  ex.out = out;
  id_map_init (&ex.staff);
  id_map_init (&ex.people);
  id_map_init (&ex.cases);
  id_map_init (&ex.case_events);

  buffer = xmlOutputBufferCreateIO (export_write_cb, export_close_cb, &ex, NULL);
  ex.writer = buffer != NULL ? xmlNewTextWriter (buffer) : NULL;
  if (ex.writer == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("Heed could not start writing the export."));
      ok = FALSE;
    }
  else
    {
      ok = heed_store_begin_read (store, error) && export_document (&ex, error);
      heed_store_end_read (store);
      xmlFreeTextWriter (ex.writer);
      if (ok && ex.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&ex.error));
          ok = FALSE;
        }
    }

  g_clear_error (&ex.error);
  for (guint i = 0; i < N_KINDS; i++)
    g_clear_object (&ex.defaults[i]);
  id_map_clear (&ex.staff);
  id_map_clear (&ex.people);
  id_map_clear (&ex.cases);
  id_map_clear (&ex.case_events);
  return ok;
}
