/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-case.h"
#include "heed-event.h"
#include "heed-exchange.h"
#include "heed-letter.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-survey-response.h"
#include "heed-template.h"
#include "heed-xml-reader.h"

/* The whole practice as one XML document, written as a stream so that a practice of 100,000
 * cases never sits in memory, and read back all or nothing. Records are written from their
 * classes' field tables: one child element per field that is set, named as the field. Each
 * record carries an id, numbered 1, 2, 3… per kind in the order written, and records point at
 * each other by those ids; so exporting, importing into a new file and exporting again gives
 * the same bytes. The format is described by data/heed-exchange.rng. */

G_DEFINE_QUARK (heed-exchange-error-quark, heed_exchange_error)

#define SCHEMA_RESOURCE RESOURCE_BASE "/data/heed-exchange.rng"

/* Binary data (logo, attachments, letters' PDFs) is written as base64 in <chunk>s of this many
 * bytes (1 MiB of text each), well under the 10 MB libxml2 allows in one text node unless it
 * is told to read huge documents, which Heed never tells it. */
#define CHUNK_BYTES (3 * 256 * 1024)

#define CSV_FLUSH_SIZE (64 * 1024)

static gsize size_limit = HEED_EXCHANGE_MAX_FILE_SIZE;

void
heed_exchange_set_size_limit_for_testing (gsize limit)
{
  size_limit = limit > 0 ? limit : HEED_EXCHANGE_MAX_FILE_SIZE;
}

/* What the records are, and where each goes in the document */

typedef enum {
  KIND_STAFF,
  KIND_PERSON,
  KIND_TEMPLATE,
  KIND_CASE,
  KIND_ELEMENT,
  KIND_EVENT,
  KIND_ACTION,
  KIND_LETTER,
  KIND_RESTRICTION,
  KIND_ATTACHMENT,
  KIND_SURVEY_RESPONSE,
  N_KINDS
} Kind;

/* The element of one record of each kind. */
static const char *const kind_elements[N_KINDS] = {
  "staff-member", "person", "template", "case", "element", "event", "action", "letter",
  "restriction", "attachment", "survey-response",
};

/* The records kept inside a <case>, in the order they are written; then come <attachments>
 * and <staff-involved>. */
static const struct {
  const char *container;
  Kind        kind;
} case_children[] = {
  { "elements", KIND_ELEMENT },
  { "events", KIND_EVENT },
  { "actions", KIND_ACTION },
  { "letters", KIND_LETTER },
  { "restrictions", KIND_RESTRICTION },
};

static const char *const case_containers[] = {
  "elements", "events", "actions", "letters", "restrictions", "attachments", "staff-involved",
  NULL
};
static const char *const letter_containers[] = { "pdf", NULL };

static GType
kind_get_type (Kind kind)
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

static gboolean
find_reference_target (const char *table,
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
static gboolean
is_xml_text (const char *text)
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
  if (value == NULL || !is_xml_text (value))
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
  if (is_xml_text (value))
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

  if (!export_start (ex, kind_elements[kind]) || !export_attribute_int (ex, "id", number))
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

          if (find_reference_target (heed_record_get_table (record), fields[i].name, &target))
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
                           fields[i].name, kind_elements[kind],
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
  for (guint c = 0; c < G_N_ELEMENTS (case_children); c++)
    {
      Kind kind = case_children[c].kind;
      g_autoptr(GPtrArray) children = NULL;

      children = heed_store_list (ex->store, kind_get_type (kind), case_id, error);
      if (children == NULL)
        return FALSE;
      if (children->len == 0)
        continue;
      export_start (ex, case_children[c].container);
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

/* CSV */

typedef struct {
  HeedStore     *store;
  GOutputStream *out;
  GString       *buffer;
} Csv;

/* The columns that come first, in this order; the rest follow in field-table order. */
static const HeedCaseField csv_first[] = {
  HEED_CASE_REFERENCE, HEED_CASE_KIND, HEED_CASE_CHANNEL, HEED_CASE_STATUS,
  HEED_CASE_RECEIVED_AT,
};

static gboolean
csv_is_first (guint field)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_first); i++)
    if (csv_first[i] == field)
      return TRUE;
  return FALSE;
}

/* One cell, quoted as RFC 4180 asks. Free text that a spreadsheet would take for a formula
 * (=, +, -, @ at the start) is shown as text with a leading apostrophe. */
static void
csv_append_cell (GString    *line,
                 const char *value,
                 gboolean    free_text,
                 gboolean    first)
{
  gboolean quote;

  if (!first)
    g_string_append_c (line, ',');
  if (value == NULL || value[0] == '\0')
    return;
  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (line, '"');
  if (free_text && strchr ("=+-@\t\r", value[0]) != NULL)
    g_string_append_c (line, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  if (quote)
    g_string_append_c (line, '"');
}

static gboolean
csv_flush (Csv      *csv,
           gboolean  force,
           GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (csv->buffer->len == 0 || (!force && csv->buffer->len < CSV_FLUSH_SIZE))
    return TRUE;
  if (!g_output_stream_write_all (csv->out, csv->buffer->str, csv->buffer->len, NULL, NULL,
                                  &local_error))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("The export could not be written: %s"), local_error->message);
      return FALSE;
    }
  g_string_truncate (csv->buffer, 0);
  return TRUE;
}

static char *
csv_dup_person_name (Csv        *csv,
                     HeedRecord *kase,
                     guint       field)
{
  g_autoptr(HeedPerson) person = NULL;

  if (!heed_record_is_set (kase, field))
    return NULL;
  person = heed_store_load (csv->store, HEED_TYPE_PERSON, heed_record_get_int (kase, field),
                            NULL);
  return person != NULL ? heed_person_dup_full_name (person) : NULL;
}

static gboolean
visit_csv_case (HeedRecord  *record,
                gpointer     user_data,
                GError     **error)
{
  Csv *csv = user_data;
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (record, &n_fields);
  g_autofree char *complainant = csv_dup_person_name (csv, record, HEED_CASE_COMPLAINANT);
  g_autofree char *affected = csv_dup_person_name (csv, record, HEED_CASE_AFFECTED);

  for (guint i = 0; i < G_N_ELEMENTS (csv_first); i++)
    {
      g_autofree char *value = heed_record_dup_string (record, csv_first[i]);

      csv_append_cell (csv->buffer, value, FALSE, i == 0);
    }
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;

      if (csv_is_first (i))
        continue;
      /* Yes/no and amounts always have a value in a spreadsheet; "no" is not left blank. */
      if (heed_record_is_set (record, i) || fields[i].type == HEED_VALUE_BOOL
          || fields[i].type == HEED_VALUE_MONEY || fields[i].type == HEED_VALUE_INT)
        value = heed_record_dup_string (record, i);
      csv_append_cell (csv->buffer, value, fields[i].type == HEED_VALUE_TEXT, FALSE);
    }
  csv_append_cell (csv->buffer, complainant, TRUE, FALSE);
  csv_append_cell (csv->buffer, affected, TRUE, FALSE);
  g_string_append (csv->buffer, "\r\n");
  return csv_flush (csv, FALSE, error);
}

gboolean
heed_exchange_export_csv (HeedStore      *store,
                          GOutputStream  *out,
                          GError        **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  Csv csv = { store, out, NULL };
  const HeedFieldSpec *fields;
  guint n_fields;
  gboolean ok;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = g_type_class_ref (HEED_TYPE_CASE);
  fields = HEED_RECORD_CLASS (klass)->fields;
  n_fields = HEED_RECORD_CLASS (klass)->n_fields;

  csv.buffer = g_string_new ("reference,kind,channel,status,received");
  for (guint i = 0; i < n_fields; i++)
    if (!csv_is_first (i))
      g_string_append_printf (csv.buffer, ",%s", fields[i].name);
  g_string_append (csv.buffer, ",complainant_name,affected_name\r\n");

  ok = heed_store_begin_read (store, error)
       && heed_store_foreach_record (store, HEED_TYPE_CASE, HEED_STORE_RECORDS_ALL,
                                     visit_csv_case, &csv, error)
       && csv_flush (&csv, TRUE, error);
  heed_store_end_read (store);
  g_string_free (csv.buffer, TRUE);
  return ok;
}

/* Import: reading the file */

static xmlDoc *
parse_file (int          fd,
            const char  *path,
            GError     **error)
{
  HeedXmlProblem problem = { 0 };
  xmlDoc *doc;

  /* Reading from the file descriptor also means a compressed file is not silently unpacked
   * past the size limit. */
  doc = heed_xml_read (fd, NULL, 0, path, NULL, XML_PARSE_COMPACT, &problem);
  if (doc != NULL)
    return doc;
  if (problem.not_started)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                 _("Heed could not start reading the file."));
  else if (problem.doctype)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: the file has a document type declaration (<!DOCTYPE …>). Heed "
                   "exchange files never have one, and Heed refuses them, because they can "
                   "declare entities that expand without end or read other files."),
                 problem.doctype_line);
  else
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: this is not well-formed XML (%s). The file may be damaged or cut "
                   "short, or may not be an export from Heed."),
                 problem.message != NULL ? problem.line : 1L,
                 problem.message != NULL ? problem.message : _("it could not be read"));
  heed_xml_problem_clear (&problem);
  return NULL;
}

static gboolean
is_heed_element (xmlNode    *node,
                 const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, HEED_EXCHANGE_NAMESPACE) == 0
         && (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The root, namespace and version first, in words; then the schema for the rest. */
static gboolean
validate_document (xmlDoc  *doc,
                   GError **error)
{
  g_autoptr(GBytes) schema_text = NULL;
  g_autofree char *version = NULL;
  HeedXmlProblem problem = { 0 };
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNGValidCtxt *validator;
  xmlRelaxNG *schema;
  xmlNode *root = xmlDocGetRootElement (doc);
  const char *schema_data;
  gsize size;
  int rc;

  if (root == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("The file is empty."));
      return FALSE;
    }
  if (strcmp ((const char *) root->name, "heed-practice") != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: this is not a Heed exchange file: it starts with <%s> where "
                     "<heed-practice> was expected."),
                   xmlGetLineNo (root), (const char *) root->name);
      return FALSE;
    }
  if (!is_heed_element (root, NULL))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: this is not a Heed exchange file: <heed-practice> must be in "
                     "the namespace %s."),
                   xmlGetLineNo (root), HEED_EXCHANGE_NAMESPACE);
      return FALSE;
    }
  version = dup_attribute (root, "version");
  if (version == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file does not say which version of the exchange format it "
                     "follows (the version attribute of <heed-practice>)."),
                   xmlGetLineNo (root));
      return FALSE;
    }
  if (strcmp (version, HEED_EXCHANGE_VERSION) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file follows version “%s” of the exchange format, and this "
                     "Heed reads version %s. A newer Heed may be able to import it."),
                   xmlGetLineNo (root), version, HEED_EXCHANGE_VERSION);
      return FALSE;
    }

  schema_text = g_resources_lookup_data (SCHEMA_RESOURCE, 0, error);
  if (schema_text == NULL)
    return FALSE;
  schema_data = g_bytes_get_data (schema_text, &size);
  parser = xmlRelaxNGNewMemParserCtxt (schema_data, (int) size);
  xmlRelaxNGSetParserStructuredErrors (parser, heed_xml_problem_note_error, &problem);
  schema = parser != NULL ? xmlRelaxNGParse (parser) : NULL;
  xmlRelaxNGFreeParserCtxt (parser);
  if (schema == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Heed’s own description of the exchange format could not be read (%s)."),
                   problem.message != NULL ? problem.message : "");
      heed_xml_problem_clear (&problem);
      return FALSE;
    }

  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, heed_xml_problem_note_error, &problem);
  rc = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  xmlRelaxNGFree (schema);
  if (rc != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file does not follow the Heed exchange format: %s."),
                   problem.message != NULL ? problem.line : 1L,
                   problem.message != NULL ? problem.message : _("it could not be checked"));
      heed_xml_problem_clear (&problem);
      return FALSE;
    }
  heed_xml_problem_clear (&problem);
  return TRUE;
}

/* Import: values */

static xmlNode *
next_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

static xmlNode *
first_element (xmlNode *parent)
{
  return parent != NULL ? next_element (parent->children) : NULL;
}

#define FOREACH_ELEMENT(child, parent) \
  for (xmlNode *child = first_element (parent); child != NULL; child = next_element (child->next))

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  FOREACH_ELEMENT (child, parent)
    if (is_heed_element (child, name))
      return child;
  return NULL;
}

/* Base64 as Heed writes it, with white space allowed between: anything else is refused rather
 * than skipped, as g_base64_decode() would. */
static gboolean
append_base64 (GByteArray  *into,
               const char  *text,
               xmlNode     *node,
               GError     **error)
{
  g_autofree char *clean = g_new (char, strlen (text) + 1);
  gsize n = 0, padding = 0, out_len;
  gint state = 0;
  guint save = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        goto bad;
      clean[n++] = *p;
    }
  if (n % 4 != 0 || padding > 2)
    goto bad;

  out_len = into->len;
  g_byte_array_set_size (into, into->len + (n / 4) * 3 + 3);
  out_len += g_base64_decode_step (clean, n, into->data + out_len, &state, &save);
  g_byte_array_set_size (into, out_len);
  return TRUE;

bad:
  g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
               _("Line %ld: the content of <%s> is not valid base64."), xmlGetLineNo (node),
               (const char *) node->name);
  return FALSE;
}

/* The text of a field-like element, decoded when it is marked encoding="base64". */
static char *
dup_text (xmlNode  *node,
          GError  **error)
{
  g_autofree char *encoding = dup_attribute (node, "encoding");
  xmlChar *content = xmlNodeGetContent (node);
  g_autoptr(GByteArray) bytes = NULL;

  if (encoding == NULL)
    {
      char *text = g_strdup (content != NULL ? (const char *) content : "");

      xmlFree (content);
      return text;
    }
  if (strcmp (encoding, "base64") != 0)
    {
      xmlFree (content);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: <%s> has an encoding Heed does not know (“%s”)."),
                   xmlGetLineNo (node), (const char *) node->name, encoding);
      return NULL;
    }
  bytes = g_byte_array_new ();
  if (!append_base64 (bytes, content != NULL ? (const char *) content : "", node, error))
    {
      xmlFree (content);
      return NULL;
    }
  xmlFree (content);
  if (memchr (bytes->data, '\0', bytes->len) != NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the text of <%s> holds a NUL character, which Heed cannot keep."),
                   xmlGetLineNo (node), (const char *) node->name);
      return NULL;
    }
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* The bytes held in the <chunk>s of @node. */
static GBytes *
read_chunks (xmlNode  *node,
             GError  **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  FOREACH_ELEMENT (chunk, node)
    {
      xmlChar *content = xmlNodeGetContent (chunk);
      gboolean ok = append_base64 (bytes, content != NULL ? (const char *) content : "", chunk,
                                   error);

      xmlFree (content);
      if (!ok)
        return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
parse_number (xmlNode     *node,
              const char  *name,
              const char  *text,
              gint64       min,
              gint64      *value,
              GError     **error)
{
  if (text == NULL
      || !g_ascii_string_to_signed (text, 10, min, G_MAXINT64, value, NULL))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: “%s” of <%s> must be a whole number, not “%s”."),
                   xmlGetLineNo (node), name, (const char *) node->name,
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
number_attribute (xmlNode     *node,
                  const char  *name,
                  gint64       min,
                  gint64      *value,
                  GError     **error)
{
  g_autofree char *text = dup_attribute (node, name);

  return parse_number (node, name, text, min, value, error);
}

static gboolean
is_valid_datetime (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *with_zone = NULL;

  if (text == NULL || strlen (text) != 19 || text[10] != 'T')
    return FALSE;
  with_zone = g_strconcat (text, "Z", NULL);
  dt = g_date_time_new_from_iso8601 (with_zone, NULL);
  return dt != NULL;
}

/* References as Heed gives them: capitals, digits and hyphens. */
static gboolean
is_valid_reference (const char *reference)
{
  gsize length = strlen (reference);

  if (length == 0 || length > 40)
    return FALSE;
  for (const char *p = reference; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Import: writing */

typedef struct {
  HeedStore  *store;
  GHashTable *maps[N_KINDS];   /* number in the file -> row id in the practice file */
  GArray     *new_cases;
  gboolean    replace_templates;
} Import;

static void
map_insert (GHashTable *map,
            gint64      number,
            gint64      row_id)
{
  g_hash_table_insert (map, g_memdup2 (&number, sizeof number),
                       g_memdup2 (&row_id, sizeof row_id));
}

static gint64
map_lookup (GHashTable *map,
            gint64      number)
{
  gint64 *row_id = g_hash_table_lookup (map, &number);

  return row_id != NULL ? *row_id : 0;
}

/* An error from the store about a row of the file: the file's fault when a value is wrong. */
static void
set_row_error (GError  **error,
               xmlNode  *node,
               GError   *cause)
{
  if (cause->domain == HEED_STORE_ERROR
      && (cause->code == HEED_STORE_ERROR_INVALID || cause->code == HEED_STORE_ERROR_NOT_ALLOWED))
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld, <%s>: %s"), xmlGetLineNo (node), (const char *) node->name,
                 cause->message);
  else
    g_set_error (error, cause->domain, cause->code, _("Line %ld, <%s>: %s"),
                 xmlGetLineNo (node), (const char *) node->name, cause->message);
}

/* Reads a record of @kind from @node: its fields as children, checked one by one by the record
 * class. Reference fields are turned from the file's numbers into this file's row ids. Inside
 * a case (@case_id > 0) the record belongs to it. Children named in @containers are left for
 * the caller. */
static HeedRecord *
read_record (Import             *im,
             xmlNode            *node,
             Kind                kind,
             gint64              case_id,
             const char *const  *containers,
             gint64             *number,
             GError            **error)
{
  g_autoptr(HeedRecord) record = g_object_new (kind_get_type (kind), NULL);
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (record);
  g_autofree gboolean *seen = g_new0 (gboolean, klass->n_fields);
  const char *element = (const char *) node->name;

  if (!number_attribute (node, "id", 1, number, error))
    return NULL;

  FOREACH_ELEMENT (child, node)
    {
      const char *name = (const char *) child->name;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      const HeedFieldSpec *spec;
      guint index;

      if (containers != NULL && g_strv_contains (containers, name))
        continue;
      spec = heed_record_class_find_field (klass, name, &index);
      if (spec == NULL)
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: <%s> has no field called “%s”."), xmlGetLineNo (child),
                       element, name);
          return NULL;
        }
      if (seen[index])
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: the field “%s” appears twice in one <%s>."),
                       xmlGetLineNo (child), name, element);
          return NULL;
        }
      seen[index] = TRUE;
      if (case_id > 0 && strcmp (name, "case") == 0)
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: an <%s> inside a case cannot name a case of its own."),
                       xmlGetLineNo (child), element);
          return NULL;
        }

      text = dup_text (child, error);
      if (text == NULL)
        return NULL;
      if (!heed_record_set_from_string (record, index, text, &local_error))
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld, <%s>: %s"), xmlGetLineNo (child), element,
                       local_error->message);
          return NULL;
        }
      if (spec->type == HEED_VALUE_ID && heed_record_is_set (record, index))
        {
          Kind target;
          gint64 row_id = 0;

          if (find_reference_target (klass->table, name, &target))
            row_id = map_lookup (im->maps[target], heed_record_get_int (record, index));
          if (row_id == 0)
            {
              g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                           _("Line %ld: “%s” is %s, but the file has no <%s> with that id "
                             "before this point."),
                           xmlGetLineNo (child), name, text,
                           find_reference_target (klass->table, name, &target)
                           ? kind_elements[target] : name);
              return NULL;
            }
          heed_record_set_int (record, index, row_id);
        }
    }

  if (case_id > 0)
    {
      guint index;

      if (heed_record_class_find_field (klass, "case", &index) != NULL)
        heed_record_set_int (record, index, case_id);
    }
  return g_steal_pointer (&record);
}

static gboolean
insert_record (Import      *im,
               xmlNode     *node,
               HeedRecord  *record,
               GBytes      *pdf,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!heed_store_insert_record (im->store, record, pdf, &local_error))
    {
      set_row_error (error, node, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The simple sections: each child a record of @kind. */
static gboolean
import_records (Import   *im,
                xmlNode  *section,
                Kind      kind,
                GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autoptr(HeedRecord) record = NULL;
      gint64 number;

      record = read_record (im, node, kind, 0, NULL, &number, error);
      if (record == NULL)
        return FALSE;
      if (g_hash_table_contains (im->maps[kind], &number))
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: there are two <%s>s with the id %lld."),
                       xmlGetLineNo (node), kind_elements[kind], (long long) number);
          return FALSE;
        }
      if (kind == KIND_TEMPLATE && !im->replace_templates)
        {
          gboolean has = FALSE;
          const char *code = heed_record_get_text (record, HEED_TEMPLATE_CODE);

          /* A practice keeps its own wording of a letter it already has. */
          if (code != NULL
              && !heed_store_has_template (im->store, code,
                                           heed_record_get_text (record, HEED_TEMPLATE_LANGUAGE),
                                           &has, error))
            return FALSE;
          if (has)
            continue;
        }
      if (!insert_record (im, node, record, NULL, error))
        return FALSE;
      map_insert (im->maps[kind], number, heed_record_get_id (record));
    }
  return TRUE;
}

static gboolean
import_settings (Import   *im,
                 xmlNode  *section,
                 GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autofree char *key = dup_attribute (node, "key");
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (is_heed_element (node, "setting"))
        {
          g_autofree char *value = dup_text (node, error);

          if (value == NULL)
            return FALSE;
          ok = heed_store_insert_setting (im->store, key, value, &local_error);
        }
      else
        {
          g_autofree char *mime = dup_attribute (node, "mime");
          g_autoptr(GBytes) data = read_chunks (node, error);

          if (data == NULL)
            return FALSE;
          ok = heed_store_insert_setting_blob (im->store, key, mime, data, &local_error);
        }
      if (!ok)
        {
          set_row_error (error, node, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_categories (Import   *im,
                   xmlNode  *section,
                   GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *label = NULL;
      g_autofree char *min_age = NULL;
      g_autofree char *max_age = NULL;
      HeedCategory category = { 0 };
      gboolean ok;

      category.scheme = dup_attribute (node, "scheme");
      category.code = dup_attribute (node, "code");
      min_age = dup_attribute (node, "min-age");
      max_age = dup_attribute (node, "max-age");
      category.collection = dup_attribute (node, "collection");
      label = dup_text (node, error);
      ok = label != NULL
           && number_attribute (node, "year-from", G_MININT64, &category.year_from, error)
           && number_attribute (node, "year-to", G_MININT64, &category.year_to, error)
           && number_attribute (node, "position", G_MININT64, &category.position, error)
           && (min_age == NULL
               || parse_number (node, "min-age", min_age, 0, &category.min_age, error))
           && (max_age == NULL
               || parse_number (node, "max-age", max_age, 0, &category.max_age, error));
      if (ok)
        {
          category.label = g_steal_pointer (&label);
          category.has_min_age = min_age != NULL;
          category.has_max_age = max_age != NULL;
          if (!heed_store_insert_category (im->store, &category, &local_error))
            {
              set_row_error (error, node, local_error);
              ok = FALSE;
            }
        }
      heed_category_clear (&category);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_risk (Import   *im,
             xmlNode  *section,
             GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autofree char *seriousness = dup_attribute (node, "seriousness");
      g_autofree char *likelihood = dup_attribute (node, "likelihood");
      g_autofree char *risk = dup_text (node, error);
      g_autoptr(GError) local_error = NULL;

      if (risk == NULL)
        return FALSE;
      if (!heed_store_insert_risk (im->store, seriousness, likelihood, risk, &local_error))
        {
          set_row_error (error, node, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_counters (Import   *im,
                 xmlNode  *section,
                 GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autofree char *prefix = dup_attribute (node, "prefix");
      g_autofree char *text = dup_text (node, error);
      g_autoptr(GError) local_error = NULL;
      gint64 last;

      if (text == NULL || !parse_number (node, "counter", text, 0, &last, error))
        return FALSE;
      if (!heed_store_raise_reference_counter (im->store, prefix, last, &local_error))
        {
          set_row_error (error, node, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_tombstones (Import   *im,
                   xmlNode  *section,
                   GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autoptr(GError) local_error = NULL;
      HeedTombstone tombstone = { 0 };
      const struct {
        const char  *element;
        char       **value;
      } parts[] = {
        { "closed-on", &tombstone.closed_on },
        { "destroyed-at", &tombstone.destroyed_at },
        { "destroyed-by", &tombstone.destroyed_by },
        { "reason", &tombstone.reason },
      };
      gboolean ok = TRUE;

      tombstone.reference = dup_attribute (node, "reference");
      tombstone.kind = dup_attribute (node, "kind");
      for (guint i = 0; i < G_N_ELEMENTS (parts) && ok; i++)
        {
          xmlNode *part = find_child (node, parts[i].element);

          if (part != NULL)
            ok = (*parts[i].value = dup_text (part, error)) != NULL;
        }
      if (ok && !heed_store_insert_tombstone (im->store, &tombstone, &local_error))
        {
          set_row_error (error, node, local_error);
          ok = FALSE;
        }
      heed_tombstone_clear (&tombstone);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_attachments (Import      *im,
                    xmlNode     *section,
                    gint64       case_id,
                    GHashTable  *events,
                    GError     **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) data = NULL;
      g_autofree char *event_text = dup_attribute (node, "event");
      HeedAttachmentInfo info = { 0 };
      const struct {
        const char  *element;
        char       **value;
      } parts[] = {
        { "filename", &info.filename },
        { "mime", &info.mime },
        { "added-at", &info.added_at },
      };
      xmlNode *data_node = find_child (node, "data");
      gint64 number;
      gboolean ok;

      ok = number_attribute (node, "id", 1, &number, error);
      if (ok && event_text != NULL)
        {
          gint64 event_number;

          ok = parse_number (node, "event", event_text, 1, &event_number, error);
          if (ok && (info.event_id = map_lookup (events, event_number)) == 0)
            {
              g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                           _("Line %ld: the attachment belongs to event %s, but this case has "
                             "no <event> with that id."),
                           xmlGetLineNo (node), event_text);
              ok = FALSE;
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (parts) && ok; i++)
        {
          xmlNode *part = find_child (node, parts[i].element);

          if (part != NULL)
            ok = (*parts[i].value = dup_text (part, error)) != NULL;
        }
      if (ok && !is_valid_datetime (info.added_at))
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: “added-at” must be a date and time written "
                         "YYYY-MM-DDTHH:MM:SS, not “%s”."),
                       xmlGetLineNo (node), info.added_at != NULL ? info.added_at : "");
          ok = FALSE;
        }
      if (ok)
        {
          data = data_node != NULL ? read_chunks (data_node, error) : g_bytes_new (NULL, 0);
          ok = data != NULL;
        }
      info.case_id = case_id;
      if (ok && !heed_store_insert_attachment (im->store, &info, data, NULL, &local_error))
        {
          set_row_error (error, node, local_error);
          ok = FALSE;
        }
      g_free (info.filename);
      g_free (info.mime);
      g_free (info.added_at);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_case_staff (Import   *im,
                   xmlNode  *section,
                   gint64    case_id,
                   GError  **error)
{
  FOREACH_ELEMENT (node, section)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 number, staff_id;

      if (!number_attribute (node, "staff", 1, &number, error))
        return FALSE;
      staff_id = map_lookup (im->maps[KIND_STAFF], number);
      if (staff_id == 0)
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: “staff” is %lld, but the file has no "
                         "<staff-member> with that id."),
                       xmlGetLineNo (node), (long long) number);
          return FALSE;
        }
      if (!heed_store_add_case_staff (im->store, case_id, staff_id, &local_error))
        {
          set_row_error (error, node, local_error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_case (Import   *im,
             xmlNode  *node,
             GError  **error)
{
  g_autoptr(HeedRecord) kase = NULL;
  g_autoptr(GHashTable) events = NULL;
  gint64 number, case_id;

  kase = read_record (im, node, KIND_CASE, 0, case_containers, &number, error);
  if (kase == NULL)
    return FALSE;
  if (g_hash_table_contains (im->maps[KIND_CASE], &number))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: there are two <case>s with the id %lld."),
                   xmlGetLineNo (node), (long long) number);
      return FALSE;
    }
  if (!insert_record (im, node, kase, NULL, error))
    return FALSE;
  case_id = heed_record_get_id (kase);
  map_insert (im->maps[KIND_CASE], number, case_id);
  g_array_append_val (im->new_cases, case_id);

  events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint c = 0; c < G_N_ELEMENTS (case_children); c++)
    {
      Kind kind = case_children[c].kind;

      FOREACH_ELEMENT (child, find_child (node, case_children[c].container))
        {
          g_autoptr(HeedRecord) record = NULL;
          g_autoptr(GBytes) pdf = NULL;
          gint64 child_number;

          record = read_record (im, child, kind, case_id,
                                kind == KIND_LETTER ? letter_containers : NULL, &child_number,
                                error);
          if (record == NULL)
            return FALSE;
          if (kind == KIND_LETTER && find_child (child, "pdf") != NULL)
            {
              pdf = read_chunks (find_child (child, "pdf"), error);
              if (pdf == NULL)
                return FALSE;
            }
          if (!insert_record (im, child, record, pdf, error))
            return FALSE;
          if (kind == KIND_EVENT)
            map_insert (events, child_number, heed_record_get_id (record));
        }
    }

  return import_attachments (im, find_child (node, "attachments"), case_id, events, error)
         && import_case_staff (im, find_child (node, "staff-involved"), case_id, error);
}

static gboolean
import_cases (Import   *im,
              xmlNode  *section,
              GError  **error)
{
  FOREACH_ELEMENT (node, section)
    if (!import_case (im, node, error))
      return FALSE;
  return TRUE;
}

/* Before anything is written: every case's reference must be new to this practice file, and
 * appear once in the file. */
static gboolean
check_references (Import   *im,
                  xmlNode  *root,
                  GError  **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first_conflict = NULL;
  long first_line = 0;
  guint conflicts = 0;

  FOREACH_ELEMENT (section, root)
    {
      gboolean cases = is_heed_element (section, "cases");

      if (!cases && !is_heed_element (section, "destroyed"))
        continue;
      FOREACH_ELEMENT (node, section)
        {
          g_autofree char *reference = NULL;
          gboolean taken = FALSE;

          if (cases)
            {
              xmlNode *field = find_child (node, "reference");

              if (field == NULL)
                {
                  g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                               _("Line %ld: the case has no reference."), xmlGetLineNo (node));
                  return FALSE;
                }
              reference = dup_text (field, error);
              if (reference == NULL)
                return FALSE;
            }
          else
            reference = dup_attribute (node, "reference");

          if (reference == NULL || !is_valid_reference (reference))
            {
              g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                           _("Line %ld: “%s” is not a case reference Heed can use: capital "
                             "letters, digits and hyphens, such as C-2025-041."),
                           xmlGetLineNo (node), reference != NULL ? reference : "");
              return FALSE;
            }
          if (g_hash_table_contains (seen, reference))
            {
              g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                           _("Line %ld: the reference %s is in the file twice."),
                           xmlGetLineNo (node), reference);
              return FALSE;
            }
          if (!heed_store_reference_is_taken (im->store, reference, &taken, error))
            return FALSE;
          if (taken && conflicts++ == 0)
            {
              first_conflict = g_strdup (reference);
              first_line = xmlGetLineNo (node);
            }
          g_hash_table_add (seen, g_steal_pointer (&reference));
        }
    }

  if (conflicts > 0)
    {
      g_autofree char *others = NULL;

      if (conflicts > 1)
        others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               " %u other case in the file is there too.",
                                               " %u other cases in the file are there too.",
                                               conflicts - 1),
                                  conflicts - 1);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_CONFLICT,
                   _("Line %ld: the case %s is already in this practice file, so nothing was "
                     "imported.%s"),
                   first_line, first_conflict, others != NULL ? others : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_document (Import   *im,
                 xmlNode  *root,
                 GError  **error)
{
  HeedStoreSetupParts replace = 0;
  gboolean empty = FALSE;

  if (!check_references (im, root, error)
      || !heed_store_is_empty_practice (im->store, &empty, error))
    return FALSE;

  /* A new practice file takes the exported practice's set-up in place of the one it was made
   * with; a practice already in use keeps its own and only gains the records. A hand-made
   * file without <settings> adds records only. */
  if (empty && find_child (root, "settings") != NULL)
    {
      const struct {
        const char          *section;
        HeedStoreSetupParts  part;
      } parts[] = {
        { "settings", HEED_STORE_SETUP_SETTINGS },
        { "categories", HEED_STORE_SETUP_CATEGORIES },
        { "risk-matrix", HEED_STORE_SETUP_RISK },
        { "templates", HEED_STORE_SETUP_TEMPLATES },
      };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (find_child (root, parts[i].section) != NULL)
          replace |= parts[i].part;
      if (!heed_store_clear_practice_setup (im->store, replace, error))
        return FALSE;
    }
  im->replace_templates = (replace & HEED_STORE_SETUP_TEMPLATES) != 0;

  FOREACH_ELEMENT (section, root)
    {
      const char *name = (const char *) section->name;
      gboolean ok;

      if (strcmp (name, "settings") == 0)
        ok = !(replace & HEED_STORE_SETUP_SETTINGS) || import_settings (im, section, error);
      else if (strcmp (name, "categories") == 0)
        ok = !(replace & HEED_STORE_SETUP_CATEGORIES) || import_categories (im, section, error);
      else if (strcmp (name, "risk-matrix") == 0)
        ok = !(replace & HEED_STORE_SETUP_RISK) || import_risk (im, section, error);
      else if (strcmp (name, "reference-counters") == 0)
        ok = import_counters (im, section, error);
      else if (strcmp (name, "staff") == 0)
        ok = import_records (im, section, KIND_STAFF, error);
      else if (strcmp (name, "people") == 0)
        ok = import_records (im, section, KIND_PERSON, error);
      else if (strcmp (name, "templates") == 0)
        ok = import_records (im, section, KIND_TEMPLATE, error);
      else if (strcmp (name, "cases") == 0)
        ok = import_cases (im, section, error);
      else if (strcmp (name, "actions") == 0)
        ok = import_records (im, section, KIND_ACTION, error);
      else if (strcmp (name, "survey-responses") == 0)
        ok = import_records (im, section, KIND_SURVEY_RESPONSE, error);
      else if (strcmp (name, "destroyed") == 0)
        ok = import_tombstones (im, section, error);
      else
        {
          /* The schema allows nothing else; this is the second line of defence. */
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: Heed does not know the section <%s>."),
                       xmlGetLineNo (section), name);
          ok = FALSE;
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
heed_exchange_import_xml (HeedStore   *store,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *shown_size = NULL;
  g_autofree char *shown_limit = NULL;
  Import im = { 0 };
  xmlDoc *doc;
  struct stat info;
  gboolean ok;
  int fd;

  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (heed_store_is_read_only (store))
    {
      /* The store says why in its own words. */
      if (!heed_store_begin (store, error))
        return FALSE;
      heed_store_rollback (store);
    }

  /* Non-blocking, so a pipe given as the file is refused below instead of waited on while the
   * practice is held for writing. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("“%s” could not be opened: %s."), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("“%s” is not a file that can be imported."), path);
      return FALSE;
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  if ((guint64) info.st_size > (guint64) size_limit)
    {
      close (fd);
      shown_size = g_format_size ((guint64) info.st_size);
      shown_limit = g_format_size (size_limit);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_TOO_LARGE,
                   _("“%s” is %s, larger than the %s Heed will import. Nothing was read."),
                   path, shown_size, shown_limit);
      return FALSE;
    }

  doc = parse_file (fd, path, error);
  close (fd);
  if (doc == NULL)
    return FALSE;
  if (!validate_document (doc, error))
    {
      xmlFreeDoc (doc);
      return FALSE;
    }

  im.store = store;
  im.new_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < N_KINDS; i++)
    im.maps[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  ok = heed_store_begin (store, error);
  if (ok)
    {
      ok = import_document (&im, xmlDocGetRootElement (doc), error);
      if (ok)
        ok = heed_store_commit (store, error);
      else
        heed_store_rollback (store);
    }
  xmlFreeDoc (doc);

  if (ok)
    {
      /* The import is in; what the store keeps in memory follows the file now. */
      heed_store_reload_setup (store, NULL);
      for (guint i = 0; i < im.new_cases->len; i++)
        g_signal_emit_by_name (store, "case-added", g_array_index (im.new_cases, gint64, i));
    }

  for (guint i = 0; i < N_KINDS; i++)
    g_hash_table_unref (im.maps[i]);
  g_array_unref (im.new_cases);
  return ok;
}
