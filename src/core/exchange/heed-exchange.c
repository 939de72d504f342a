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
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-case.h"
#include "heed-csv.h"
#include "heed-event.h"
#include "heed-exchange.h"
#include "heed-letter.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-survey-response.h"
#include "heed-template.h"
#include "heed-validate.h"
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

/* One cell, after a comma unless it is the @first; heed_csv_append_cell() shows a cell a
 * spreadsheet would take for a formula as text. */
static void
csv_append_cell (GString    *line,
                 const char *value,
                 gboolean    first)
{
  if (!first)
    g_string_append_c (line, ',');
  heed_csv_append_cell (line, value);
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

      csv_append_cell (csv->buffer, value, i == 0);
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
      csv_append_cell (csv->buffer, value, FALSE);
    }
  csv_append_cell (csv->buffer, complainant, FALSE);
  csv_append_cell (csv->buffer, affected, FALSE);
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

/* Import: reading the file
 *
 * The file is read as a stream with libxml2's reader, and checked against the schema as it is
 * read: each record (a member of staff, a case with all it holds…) is built as a small tree,
 * written, and let go before the next is read, so the memory an import takes is that of its
 * largest record, whatever the size of the file. Everything is written inside one transaction,
 * so a problem met at the end still leaves the practice as it was. */

/* Where the bytes of the file stand before its root element. A document type declaration is
 * where entities that expand without end, or read other files, are declared; Heed never writes
 * one, and refuses it before libxml2 reads a byte of it. */
typedef enum {
  PROLOG_TEXT,
  PROLOG_LT,
  PROLOG_PI,
  PROLOG_PI_END,
  PROLOG_BANG,
  PROLOG_BANG_DASH,
  PROLOG_COMMENT,
  PROLOG_COMMENT_DASH,
  PROLOG_COMMENT_END,
  PROLOG_DONE,
} PrologState;

typedef struct {
  int             fd;
  xmlTextReader  *reader;
  xmlRelaxNG     *schema;          /* the reader's, kept until the reader is freed */
  HeedXmlProblem  problem;
  gboolean        schema_problem;  /* the first problem is the schema's, not the syntax's */
  gboolean        in_case;         /* reading the fields of a case */
  char           *unknown_field;   /* the schema met a field a case does not have */
  int             read_errno;      /* reading the file failed */
  PrologState     prolog;
  guint64         offset;
  long            line;
  long            markup_line;     /* the line of the last "<" before the root */
} Stream;

static void
scan_prolog (Stream     *st,
             const char *bytes,
             gsize       length)
{
  for (gsize i = 0; i < length && st->prolog != PROLOG_DONE && !st->problem.doctype; i++)
    {
      guchar c = (guchar) bytes[i];
      guint64 offset = st->offset + i;

      if (c == '\n')
        st->line++;
      switch (st->prolog)
        {
        case PROLOG_TEXT:
          if (c == '<')
            {
              st->prolog = PROLOG_LT;
              st->markup_line = st->line;
            }
          else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n'
                     || (offset < 3 && (c == 0xEF || c == 0xBB || c == 0xBF))))
            st->prolog = PROLOG_DONE;   /* not XML Heed wrote: libxml2 says what is wrong */
          break;
        case PROLOG_LT:
          st->prolog = c == '?' ? PROLOG_PI : c == '!' ? PROLOG_BANG : PROLOG_DONE;
          break;
        case PROLOG_PI:
          if (c == '?')
            st->prolog = PROLOG_PI_END;
          break;
        case PROLOG_PI_END:
          st->prolog = c == '>' ? PROLOG_TEXT : c == '?' ? PROLOG_PI_END : PROLOG_PI;
          break;
        case PROLOG_BANG:
          if (c == '-')
            st->prolog = PROLOG_BANG_DASH;
          else if (c == 'D' || c == 'd' || c == '[')
            {
              st->problem.doctype = TRUE;
              st->problem.doctype_line = st->markup_line;
            }
          else
            st->prolog = PROLOG_DONE;
          break;
        case PROLOG_BANG_DASH:
          st->prolog = c == '-' ? PROLOG_COMMENT : PROLOG_DONE;
          break;
        case PROLOG_COMMENT:
          if (c == '-')
            st->prolog = PROLOG_COMMENT_DASH;
          break;
        case PROLOG_COMMENT_DASH:
          st->prolog = c == '-' ? PROLOG_COMMENT_END : PROLOG_COMMENT;
          break;
        case PROLOG_COMMENT_END:
          st->prolog = c == '>' ? PROLOG_TEXT : c == '-' ? PROLOG_COMMENT_END : PROLOG_COMMENT;
          break;
        case PROLOG_DONE:
        default:
          break;
        }
    }
  st->offset += length;
}

static int
stream_read_cb (void *context,
                char *buffer,
                int   len)
{
  Stream *st = context;
  gssize n;

  if (st->problem.doctype)
    return -1;
  do
    n = read (st->fd, buffer, (gsize) len);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      st->read_errno = errno;
      return -1;
    }
  scan_prolog (st, buffer, (gsize) n);
  /* A declaration was found in what was read: libxml2 gets none of it. */
  return st->problem.doctype ? -1 : (int) n;
}

static int
stream_close_cb (void *context)
{
  /* The file belongs to heed_exchange_import_xml(), which closes it. */
  return 0;
}

static void
stream_error_cb (void     *context,
                 xmlError *error)
{
  Stream *st = context;

  if (error->level == XML_ERR_WARNING || st->problem.message != NULL)
    return;
  st->schema_problem = error->domain == XML_FROM_RELAXNGV;
  heed_xml_problem_note (&st->problem, error->message, error->line);
  /* The schema lists a case's fields so that a case can be read as a stream; one it does not
   * list is said in Heed's words, as for the other records. */
  if (st->schema_problem && error->code == XML_RELAXNG_ERR_ELEMWRONG && error->str1 != NULL
      && error->node != NULL && ((xmlNode *) error->node)->parent != NULL
      && ((xmlNode *) error->node)->parent->type == XML_ELEMENT_NODE
      && g_strcmp0 ((const char *) ((xmlNode *) error->node)->parent->name, "case") == 0
      && !g_strv_contains (case_containers, error->str1))
    st->unknown_field = g_strdup (error->str1);
}

/* libxml2 checks an element against the schema as it reads it only when the element's
 * content names its children; an element that allows any name (as a case's fields do in
 * data/heed-exchange.rng) is built whole first, attachments and all. So the reader gets the
 * schema with the case's fields named, from the case's field table: the same fields, and a
 * case read as a stream. NULL when the schema does not have the define to replace. */
#define CASE_FIELD_DEFINE "<define name=\"case-field\">"

static char *
dup_streaming_schema (const char *schema,
                      gsize       size)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (HEED_TYPE_CASE);
  g_autofree char *text = g_strndup (schema, size);
  const char *start = strstr (text, CASE_FIELD_DEFINE);
  const char *end = start != NULL ? strstr (start, "</define>") : NULL;
  GString *out;

  if (end == NULL)
    return NULL;
  out = g_string_new_len (text, start - text);
  g_string_append (out, CASE_FIELD_DEFINE "<choice>");
  for (guint i = 0; i < HEED_RECORD_CLASS (klass)->n_fields; i++)
    g_string_append_printf (out, "<element name=\"%s\"><ref name=\"text-content\"/></element>",
                            HEED_RECORD_CLASS (klass)->fields[i].name);
  g_string_append (out, "</choice>");
  g_string_append (out, end);
  return g_string_free (out, FALSE);
}

static gboolean
stream_open (Stream      *st,
             int          fd,
             const char  *path,
             GError     **error)
{
  g_autoptr(GBytes) schema_text = NULL;
  g_autofree char *streaming = NULL;
  HeedXmlProblem schema_problem = { 0 };
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  const char *schema_data;
  gsize size;

  st->fd = fd;
  st->line = 1;
  st->markup_line = 1;

  /* No NOENT (entities stay unsubstituted), no DTDLOAD or DTDATTR (nothing outside the
   * document is read), no HUGE (libxml2 keeps its limits), no network. */
  st->reader = xmlReaderForIO (stream_read_cb, stream_close_cb, st, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                               | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);
  if (st->reader == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                   _("Heed could not start reading the file."));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (st->reader, stream_error_cb, st);

  schema_text = g_resources_lookup_data (SCHEMA_RESOURCE, 0, error);
  if (schema_text == NULL)
    return FALSE;
  schema_data = g_bytes_get_data (schema_text, &size);
  streaming = dup_streaming_schema (schema_data, size);
  if (streaming != NULL)
    {
      schema_data = streaming;
      size = strlen (streaming);
    }
  parser = xmlRelaxNGNewMemParserCtxt (schema_data, (int) size);
  if (parser != NULL)
    xmlRelaxNGSetParserStructuredErrors (parser, heed_xml_problem_note_error, &schema_problem);
  schema = parser != NULL ? xmlRelaxNGParse (parser) : NULL;
  xmlRelaxNGFreeParserCtxt (parser);
  /* The reader validates each part as it reads it, with the schema it borrows. */
  st->schema = schema;
  if (schema == NULL || xmlTextReaderRelaxNGSetSchema (st->reader, schema) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Heed’s own description of the exchange format could not be read (%s)."),
                   schema_problem.message != NULL ? schema_problem.message : "");
      heed_xml_problem_clear (&schema_problem);
      return FALSE;
    }
  heed_xml_problem_clear (&schema_problem);
  return TRUE;
}

static void
stream_close (Stream *st)
{
  g_clear_pointer (&st->reader, xmlFreeTextReader);
  g_clear_pointer (&st->schema, xmlRelaxNGFree);
  g_clear_pointer (&st->unknown_field, g_free);
  heed_xml_problem_clear (&st->problem);
}

/* What went wrong with the file, in words, once the reader has stopped or complained. */
static void
stream_set_error (Stream  *st,
                  GError **error)
{
  long line = st->problem.message != NULL && st->problem.line > 0
              ? st->problem.line : MAX (1, xmlTextReaderGetParserLineNumber (st->reader));

  if (st->problem.doctype)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: the file has a document type declaration (<!DOCTYPE …>). Heed "
                   "exchange files never have one, and Heed refuses them, because they can "
                   "declare entities that expand without end or read other files."),
                 st->problem.doctype_line);
  else if (st->read_errno != 0)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_IO,
                 _("The file could not be read: %s."), g_strerror (st->read_errno));
  else if (st->unknown_field != NULL)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: <%s> has no field called “%s”."), line, "case",
                 st->unknown_field);
  else if (st->schema_problem)
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: the file does not follow the Heed exchange format: %s."),
                 line, st->problem.message);
  else
    g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                 _("Line %ld: this is not well-formed XML (%s). The file may be damaged or cut "
                   "short, or may not be an export from Heed."),
                 line, st->problem.message != NULL ? st->problem.message
                                                   : _("it could not be read"));
}

static gboolean
stream_failed (Stream *st)
{
  return st->problem.doctype || st->problem.message != NULL || st->read_errno != 0;
}

/* The next node: 1, or 0 at the end of the file; FALSE with @error set when the file is not
 * well formed, does not follow the schema, or holds what Heed never writes. */
static gboolean
stream_step (Stream   *st,
             int       rc,
             int      *more,
             GError  **error)
{
  int type;

  if (rc < 0 || stream_failed (st))
    {
      stream_set_error (st, error);
      return FALSE;
    }
  *more = rc;
  if (rc == 0)
    return TRUE;
  type = xmlTextReaderNodeType (st->reader);
  if (type == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      /* The second line of defence (a file in UTF-16, which the scan above does not read). */
      st->problem.doctype = TRUE;
      st->problem.doctype_line = MAX (1, xmlTextReaderGetParserLineNumber (st->reader));
      stream_set_error (st, error);
      return FALSE;
    }
  if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY)
    {
      heed_xml_problem_note (&st->problem, _("it refers to an entity Heed does not know"),
                             xmlTextReaderGetParserLineNumber (st->reader));
      stream_set_error (st, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
stream_read (Stream   *st,
             int      *more,
             GError  **error)
{
  return stream_step (st, xmlTextReaderRead (st->reader), more, error);
}

/* Past the subtree of the current element, which has been read. */
static gboolean
stream_skip (Stream   *st,
             int      *more,
             GError  **error)
{
  return stream_step (st, xmlTextReaderNext (st->reader), more, error);
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

/* The root, namespace and version, in words, before the schema's own complaint about them. */
static gboolean
check_root (Stream  *st,
            GError **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (st->reader);
  xmlNode *root = xmlTextReaderCurrentNode (st->reader);
  long line = root != NULL ? xmlGetLineNo (root) : 1;
  g_autofree char *version = NULL;
  xmlChar *value;

  if (g_strcmp0 (name, "heed-practice") != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: this is not a Heed exchange file: it starts with <%s> where "
                     "<heed-practice> was expected."),
                   line, name != NULL ? name : "");
      return FALSE;
    }
  if (g_strcmp0 (ns, HEED_EXCHANGE_NAMESPACE) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: this is not a Heed exchange file: <heed-practice> must be in "
                     "the namespace %s."),
                   line, HEED_EXCHANGE_NAMESPACE);
      return FALSE;
    }
  value = xmlTextReaderGetAttribute (st->reader, (const xmlChar *) "version");
  version = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  if (version == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file does not say which version of the exchange format it "
                     "follows (the version attribute of <heed-practice>)."),
                   line);
      return FALSE;
    }
  if (strcmp (version, HEED_EXCHANGE_VERSION) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the file follows version “%s” of the exchange format, and this "
                     "Heed reads version %s. A newer Heed may be able to import it."),
                   line, version, HEED_EXCHANGE_VERSION);
      return FALSE;
    }
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

/* The bytes held in the <chunk>s of @node. Each chunk's text is let go once it is decoded,
 * so an attachment is held about once, not as its base64 and its bytes together. */
static GBytes *
read_chunks (xmlNode  *node,
             GError  **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  gsize encoded = 0, chunks = 0;

  /* Room for all of it at once: growing by doubling would hold up to twice the bytes. */
  FOREACH_ELEMENT (chunk, node)
    {
      chunks++;
      for (xmlNode *text = chunk->children; text != NULL; text = text->next)
        if (text->type == XML_TEXT_NODE && text->content != NULL)
          encoded += strlen ((const char *) text->content);
    }
  bytes = g_byte_array_sized_new ((guint) MIN (encoded / 4 * 3 + 3 * (chunks + 1), G_MAXUINT));

  FOREACH_ELEMENT (chunk, node)
    {
      xmlChar *content = xmlNodeGetContent (chunk);
      gboolean ok = append_base64 (bytes, content != NULL ? (const char *) content : "", chunk,
                                   error);

      xmlFree (content);
      if (!ok)
        return NULL;
      xmlNodeSetContent (chunk, NULL);
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

/* The numbers a file gives its records, and the row ids they were written as. Heed numbers
 * records 1, 2, 3… and the rows written are numbered one after another too, so a run of both
 * is kept as one entry: a file of a million people takes a few bytes here, not a million
 * entries. Numbers out of order (a file made by hand) go in a table beside. */
typedef struct {
  gint64 number;
  gint64 row_id;
  gint64 count;
} NumberRun;

typedef struct {
  GArray     *runs;     /* NumberRun, by ascending number */
  GHashTable *others;   /* gint64 number -> gint64 row id */
} NumberMap;

static void
number_map_init (NumberMap *map)
{
  map->runs = g_array_new (FALSE, FALSE, sizeof (NumberRun));
  map->others = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
number_map_clear (NumberMap *map)
{
  g_clear_pointer (&map->runs, g_array_unref);
  g_clear_pointer (&map->others, g_hash_table_unref);
}

static gint64
number_map_lookup (const NumberMap *map,
                   gint64           number)
{
  guint lo = 0, hi = map->runs->len;
  gint64 *row_id;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const NumberRun *run = &g_array_index (map->runs, NumberRun, mid);

      if (number < run->number)
        hi = mid;
      else if (number - run->number >= run->count)
        lo = mid + 1;
      else
        return run->row_id + (number - run->number);
    }
  row_id = g_hash_table_lookup (map->others, &number);
  return row_id != NULL ? *row_id : 0;
}

/* @number must not be in the map yet. */
static void
number_map_insert (NumberMap *map,
                   gint64     number,
                   gint64     row_id)
{
  NumberRun *last = map->runs->len > 0
                    ? &g_array_index (map->runs, NumberRun, map->runs->len - 1) : NULL;
  NumberRun run = { number, row_id, 1 };

  if (last != NULL && number >= last->number && number - last->number == last->count
      && row_id - last->row_id == last->count)
    last->count++;
  else if (last == NULL || (number >= last->number && number - last->number >= last->count))
    g_array_append_val (map->runs, run);
  else
    g_hash_table_insert (map->others, g_memdup2 (&number, sizeof number),
                         g_memdup2 (&row_id, sizeof row_id));
}

typedef struct {
  HeedStore  *store;
  NumberMap   maps[N_KINDS];   /* number in the file -> row id in the practice file */
  GArray     *new_cases;
  gboolean    empty;              /* the practice had nothing of its own before */
  gboolean    setup_from_file;    /* ...and the file brings its set-up, which replaces it */
  gboolean    replace_templates;
  gint64      last_case_id;       /* cases after this one are the import's own */
  GHashTable *tombstones;         /* references of the destroyed cases the import wrote */
  /* Cases already in the practice: after the first, the rest of the file is only read for
   * the others, so the message can say how many. */
  guint       conflicts;
  char       *first_conflict;
  long        first_conflict_line;
} Import;

/* The events of one case: number in the file -> row id. */
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

/* One field of @record from its element @child, checked by the record class; a reference
 * field is turned from the file's number into this file's row id. @element names the record
 * in messages; inside a case (@in_case) a record cannot name a case of its own. */
static gboolean
read_field (Import      *im,
            HeedRecord  *record,
            gboolean    *seen,
            xmlNode     *child,
            const char  *element,
            gboolean     in_case,
            GError     **error)
{
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (record);
  const char *name = (const char *) child->name;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  const HeedFieldSpec *spec;
  guint index;

  spec = heed_record_class_find_field (klass, name, &index);
  if (spec == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: <%s> has no field called “%s”."), xmlGetLineNo (child),
                   element, name);
      return FALSE;
    }
  if (seen[index])
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the field “%s” appears twice in one <%s>."),
                   xmlGetLineNo (child), name, element);
      return FALSE;
    }
  seen[index] = TRUE;
  if (in_case && strcmp (name, "case") == 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: an <%s> inside a case cannot name a case of its own."),
                   xmlGetLineNo (child), element);
      return FALSE;
    }

  text = dup_text (child, error);
  if (text == NULL)
    return FALSE;
  if (!heed_record_set_from_string (record, index, text, &local_error))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld, <%s>: %s"), xmlGetLineNo (child), element,
                   local_error->message);
      return FALSE;
    }
  if (spec->type == HEED_VALUE_ID && heed_record_is_set (record, index))
    {
      Kind target;
      gint64 row_id = 0;

      if (find_reference_target (klass->table, name, &target))
        row_id = number_map_lookup (&im->maps[target], heed_record_get_int (record, index));
      if (row_id == 0)
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: “%s” is %s, but the file has no <%s> with that id "
                         "before this point."),
                       xmlGetLineNo (child), name, text,
                       find_reference_target (klass->table, name, &target)
                       ? kind_elements[target] : name);
          return FALSE;
        }
      heed_record_set_int (record, index, row_id);
    }
  return TRUE;
}

/* Reads a record of @kind from @node: its fields as children (read_field()). Inside a case
 * (@case_id > 0) the record belongs to it. Children named in @containers are left for the
 * caller. */
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
      if (containers != NULL && g_strv_contains (containers, (const char *) child->name))
        continue;
      if (!read_field (im, record, seen, child, element, case_id > 0, error))
        return NULL;
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

/* A record of a simple section (staff, people, templates, actions, survey responses). */
static gboolean
import_record_node (Import   *im,
                    xmlNode  *node,
                    Kind      kind,
                    GError  **error)
{
  g_autoptr(HeedRecord) record = NULL;
  gint64 number;

  record = read_record (im, node, kind, 0, NULL, &number, error);
  if (record == NULL)
    return FALSE;
  if (number_map_lookup (&im->maps[kind], number) != 0)
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
        return TRUE;
    }
  if (!insert_record (im, node, record, NULL, error))
    return FALSE;
  number_map_insert (&im->maps[kind], number, heed_record_get_id (record));
  return TRUE;
}

static gboolean
import_setting_node (Import   *im,
                     xmlNode  *node,
                     GError  **error)
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
  return TRUE;
}

static gboolean
import_category_node (Import   *im,
                      xmlNode  *node,
                      GError  **error)
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
  return ok;
}

static gboolean
import_risk_node (Import   *im,
                  xmlNode  *node,
                  GError  **error)
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
  return TRUE;
}

static gboolean
import_counter_node (Import   *im,
                     xmlNode  *node,
                     GError  **error)
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
  return TRUE;
}

/* Every case's reference, and every destroyed case's, must be new to this practice file and
 * appear once in the file. FALSE with @error when the file cannot go in for that reason; a
 * reference the practice already has is noted in @im->conflicts and TRUE is returned, so that
 * the rest of the file can be read for the others. */
static gboolean
check_reference (Import      *im,
                 long         line,
                 const char  *reference,
                 gboolean    *taken,
                 GError     **error)
{
  gint64 case_id = 0;
  gboolean destroyed = FALSE;

  *taken = FALSE;
  if (reference == NULL || !is_valid_reference (reference))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: “%s” is not a case reference Heed can use: capital "
                     "letters, digits and hyphens, such as C-2025-041."),
                   line, reference != NULL ? reference : "");
      return FALSE;
    }
  if (!heed_store_find_reference (im->store, reference, &case_id, &destroyed, error))
    return FALSE;
  if (case_id > im->last_case_id || g_hash_table_contains (im->tombstones, reference))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the reference %s is in the file twice."),
                   line, reference);
      return FALSE;
    }
  if (case_id == 0 && !destroyed)
    return TRUE;
  *taken = TRUE;
  if (im->conflicts++ == 0)
    {
      im->first_conflict = g_strdup (reference);
      im->first_conflict_line = line;
    }
  return TRUE;
}

static gboolean
import_tombstone_node (Import   *im,
                       xmlNode  *node,
                       GError  **error)
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
  gboolean taken = FALSE;
  gboolean ok;

  tombstone.reference = dup_attribute (node, "reference");
  tombstone.kind = dup_attribute (node, "kind");
  ok = check_reference (im, xmlGetLineNo (node), tombstone.reference, &taken, error);
  for (guint i = 0; i < G_N_ELEMENTS (parts) && ok && im->conflicts == 0; i++)
    {
      xmlNode *part = find_child (node, parts[i].element);

      if (part != NULL)
        ok = (*parts[i].value = dup_text (part, error)) != NULL;
    }
  if (ok && im->conflicts == 0)
    {
      if (heed_store_insert_tombstone (im->store, &tombstone, &local_error))
        g_hash_table_add (im->tombstones, g_strdup (tombstone.reference));
      else
        {
          set_row_error (error, node, local_error);
          ok = FALSE;
        }
    }
  heed_tombstone_clear (&tombstone);
  return ok;
}

/* The report's matters of general importance as the practice wrote them for a period. Like
 * the settings, they come in only with the practice's whole set-up, never over a practice
 * already in use. */
static gboolean
import_report_summary_node (Import   *im,
                            xmlNode  *node,
                            GError  **error)
{
  g_autofree char *first = dup_attribute (node, "from");
  g_autofree char *last = dup_attribute (node, "to");
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlNode *part = find_child (node, "general-importance");
  GDate from, to;

  if (!heed_date_from_iso (first, &from) || !heed_date_from_iso (last, &to))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: a report summary’s period must be two dates, YYYY-MM-DD."),
                   xmlGetLineNo (node));
      return FALSE;
    }
  if (part == NULL || (text = dup_text (part, error)) == NULL)
    return part == NULL;
  if (!heed_store_set_report_summary (im->store, &from, &to, text, &local_error))
    {
      set_row_error (error, node, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_attachment_node (Import      *im,
                        xmlNode     *node,
                        gint64       case_id,
                        GHashTable  *events,
                        GError     **error)
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
  return ok;
}

static gboolean
import_involved_node (Import   *im,
                      xmlNode  *node,
                      gint64    case_id,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 number, staff_id;

  if (!number_attribute (node, "staff", 1, &number, error))
    return FALSE;
  staff_id = number_map_lookup (&im->maps[KIND_STAFF], number);
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
  return TRUE;
}

/* One case, read as a stream: its fields one by one, then each record it holds one by one
 * (an event, a letter with its PDF, an attachment…), so that a case with many large
 * attachments takes the memory of its largest, not of all of them. */
typedef struct {
  xmlNode    *node;          /* the <case> element; lives while the reader is inside it */
  HeedRecord *kase;
  gboolean   *seen;
  gint64      number;
  gint64      case_id;       /* once written */
  gboolean    written;       /* or skipped, after a conflict */
  long        reference_line;
  GHashTable *events;        /* this case's events: number in the file -> row id */
} CaseStream;

static void
case_stream_clear (CaseStream *cs)
{
  g_clear_object (&cs->kase);
  g_clear_pointer (&cs->seen, g_free);
  g_clear_pointer (&cs->events, g_hash_table_unref);
}

/* The case's own fields are all read: check its reference and write it. */
static gboolean
case_stream_write (Import      *im,
                   CaseStream  *cs,
                   GError     **error)
{
  const char *reference = heed_record_get_text (cs->kase, HEED_CASE_REFERENCE);
  gboolean taken = FALSE;

  cs->written = TRUE;
  if (reference == NULL)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: the case has no reference."), xmlGetLineNo (cs->node));
      return FALSE;
    }
  if (!check_reference (im, cs->reference_line, reference, &taken, error))
    return FALSE;
  if (im->conflicts > 0)
    return TRUE;   /* nothing more is written; the rest is read for the other conflicts */
  if (number_map_lookup (&im->maps[KIND_CASE], cs->number) != 0)
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: there are two <case>s with the id %lld."),
                   xmlGetLineNo (cs->node), (long long) cs->number);
      return FALSE;
    }
  if (!insert_record (im, cs->node, cs->kase, NULL, error))
    return FALSE;
  cs->case_id = heed_record_get_id (cs->kase);
  number_map_insert (&im->maps[KIND_CASE], cs->number, cs->case_id);
  g_array_append_val (im->new_cases, cs->case_id);
  cs->events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return TRUE;
}

/* A record inside one of the case's containers (<events>, <attachments>…). */
static gboolean
case_stream_child (Import      *im,
                   CaseStream  *cs,
                   const char  *container,
                   xmlNode     *child,
                   GError     **error)
{
  g_autoptr(HeedRecord) record = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gint64 child_number;
  Kind kind = N_KINDS;

  if (strcmp (container, "attachments") == 0)
    return import_attachment_node (im, child, cs->case_id, cs->events, error);
  if (strcmp (container, "staff-involved") == 0)
    return import_involved_node (im, child, cs->case_id, error);
  for (guint c = 0; c < G_N_ELEMENTS (case_children); c++)
    if (strcmp (case_children[c].container, container) == 0)
      kind = case_children[c].kind;
  g_return_val_if_fail (kind != N_KINDS, FALSE);

  record = read_record (im, child, kind, cs->case_id,
                        kind == KIND_LETTER ? letter_containers : NULL, &child_number, error);
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
    map_insert (cs->events, child_number, heed_record_get_id (record));
  return TRUE;
}

/* The reader is on a <case>; on return it is past it. */
static gboolean
import_case_stream (Import   *im,
                    Stream   *st,
                    int      *more,
                    GError  **error)
{
  CaseStream cs = { 0 };
  g_autofree char *container = NULL;
  gboolean empty = xmlTextReaderIsEmptyElement (st->reader) == 1;
  gboolean ok = TRUE;

  cs.node = xmlTextReaderCurrentNode (st->reader);
  cs.kase = g_object_new (HEED_TYPE_CASE, NULL);
  cs.seen = g_new0 (gboolean, HEED_RECORD_GET_CLASS (cs.kase)->n_fields);
  cs.reference_line = xmlGetLineNo (cs.node);
  st->in_case = TRUE;

  if (!number_attribute (cs.node, "id", 1, &cs.number, error))
    ok = FALSE;
  else if (empty)
    ok = case_stream_write (im, &cs, error);
  if (ok && !empty)
    ok = stream_read (st, more, error);
  while (ok && !empty && *more)
    {
      int type = xmlTextReaderNodeType (st->reader);
      int depth = xmlTextReaderDepth (st->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && depth == 2)
        break;
      if (type == XML_READER_TYPE_ELEMENT && depth == 3)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);

          if (g_strv_contains (case_containers, name))
            {
              if (!cs.written && !case_stream_write (im, &cs, error))
                {
                  ok = FALSE;
                  break;
                }
              g_free (container);
              container = g_strdup (name);
              if (im->conflicts > 0)
                {
                  ok = stream_skip (st, more, error);
                  continue;
                }
            }
          else
            {
              xmlNode *field = xmlTextReaderExpand (st->reader);

              if (field == NULL || stream_failed (st))
                {
                  stream_set_error (st, error);
                  ok = FALSE;
                  break;
                }
              if (strcmp (name, "reference") == 0)
                cs.reference_line = xmlGetLineNo (field);
              if (!read_field (im, cs.kase, cs.seen, field, "case", FALSE, error))
                {
                  ok = FALSE;
                  break;
                }
              ok = stream_skip (st, more, error);
              continue;
            }
        }
      else if (type == XML_READER_TYPE_ELEMENT && depth == 4 && container != NULL)
        {
          xmlNode *child = xmlTextReaderExpand (st->reader);

          if (child == NULL || stream_failed (st))
            {
              stream_set_error (st, error);
              ok = FALSE;
              break;
            }
          if (!case_stream_child (im, &cs, container, child, error))
            {
              ok = FALSE;
              break;
            }
          ok = stream_skip (st, more, error);
          continue;
        }
      ok = stream_read (st, more, error);
    }
  if (ok && !cs.written)
    ok = case_stream_write (im, &cs, error);
  /* Past the end of the case. */
  if (ok && *more)
    ok = stream_read (st, more, error);
  st->in_case = FALSE;
  case_stream_clear (&cs);
  return ok;
}

/* A section begins. A new practice file takes the exported practice's set-up in place of the
 * one it was made with; a practice already in use keeps its own and only gains the records.
 * A hand-made file without <settings> (always the first section) adds records only. */
static gboolean
import_section_begin (Import      *im,
                      xmlNode     *node,
                      const char  *name,
                      gboolean     first,
                      GError     **error)
{
  static const struct {
    const char          *section;
    HeedStoreSetupParts  part;
  } parts[] = {
    { "settings", HEED_STORE_SETUP_SETTINGS },
    { "categories", HEED_STORE_SETUP_CATEGORIES },
    { "risk-matrix", HEED_STORE_SETUP_RISK },
    { "templates", HEED_STORE_SETUP_TEMPLATES },
  };
  static const char *const known[] = {
    "settings", "categories", "risk-matrix", "reference-counters", "staff", "people",
    "templates", "cases", "actions", "survey-responses", "destroyed", "report-summaries",
    NULL
  };

  if (!g_strv_contains (known, name))
    {
      /* The schema allows nothing else; this is the second line of defence. */
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: Heed does not know the section <%s>."),
                   node != NULL ? xmlGetLineNo (node) : 1L, name);
      return FALSE;
    }
  if (first && im->empty && strcmp (name, "settings") == 0)
    im->setup_from_file = TRUE;
  if (!im->setup_from_file || im->conflicts > 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strcmp (parts[i].section, name) == 0)
      {
        if (parts[i].part == HEED_STORE_SETUP_TEMPLATES)
          im->replace_templates = TRUE;
        return heed_store_clear_practice_setup (im->store, parts[i].part, error);
      }
  return TRUE;
}

/* Whether a record of @section is read at all: the set-up only when it replaces the
 * practice's, and after a conflict only what names a reference. */
static gboolean
import_wants (Import     *im,
              const char *section)
{
  gboolean setup = strcmp (section, "settings") == 0 || strcmp (section, "categories") == 0
                   || strcmp (section, "risk-matrix") == 0
                   || strcmp (section, "report-summaries") == 0;

  if (im->conflicts > 0)
    return strcmp (section, "cases") == 0 || strcmp (section, "destroyed") == 0;
  return !setup || im->setup_from_file;
}

static gboolean
import_node (Import      *im,
             const char  *section,
             xmlNode     *node,
             GError     **error)
{
  if (strcmp (section, "settings") == 0)
    return import_setting_node (im, node, error);
  if (strcmp (section, "categories") == 0)
    return import_category_node (im, node, error);
  if (strcmp (section, "risk-matrix") == 0)
    return import_risk_node (im, node, error);
  if (strcmp (section, "reference-counters") == 0)
    return import_counter_node (im, node, error);
  if (strcmp (section, "staff") == 0)
    return import_record_node (im, node, KIND_STAFF, error);
  if (strcmp (section, "people") == 0)
    return import_record_node (im, node, KIND_PERSON, error);
  if (strcmp (section, "templates") == 0)
    return import_record_node (im, node, KIND_TEMPLATE, error);
  if (strcmp (section, "actions") == 0)
    return import_record_node (im, node, KIND_ACTION, error);
  if (strcmp (section, "survey-responses") == 0)
    return import_record_node (im, node, KIND_SURVEY_RESPONSE, error);
  if (strcmp (section, "destroyed") == 0)
    return import_tombstone_node (im, node, error);
  if (strcmp (section, "report-summaries") == 0)
    return import_report_summary_node (im, node, error);
  g_assert_not_reached ();
}

static void
set_conflict_error (Import  *im,
                    GError **error)
{
  g_autofree char *others = NULL;

  if (im->conflicts > 1)
    others = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           " %u other case in the file is there too.",
                                           " %u other cases in the file are there too.",
                                           im->conflicts - 1),
                              im->conflicts - 1);
  g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_CONFLICT,
               _("Line %ld: the case %s is already in this practice file, so nothing was "
                 "imported.%s"),
               im->first_conflict_line, im->first_conflict, others != NULL ? others : "");
}

/* Up to the root element: a declaration or a syntax error before it is refused; what the
 * schema says of the root waits until Heed has said it in its own words. */
static gboolean
stream_find_root (Stream  *st,
                  GError **error)
{
  for (;;)
    {
      int rc = xmlTextReaderRead (st->reader);
      int type;

      if (rc < 0 || st->problem.doctype || st->read_errno != 0
          || (st->problem.message != NULL && !st->schema_problem))
        {
          stream_set_error (st, error);
          return FALSE;
        }
      if (rc == 0)
        {
          if (stream_failed (st))
            stream_set_error (st, error);
          else
            g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                         _("The file is empty."));
          return FALSE;
        }
      type = xmlTextReaderNodeType (st->reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          int more;

          return stream_step (st, rc, &more, error);
        }
      if (type == XML_READER_TYPE_ELEMENT)
        break;
    }
  if (!check_root (st, error))
    return FALSE;
  if (stream_failed (st))
    {
      stream_set_error (st, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_stream (Import  *im,
               Stream  *st,
               GError **error)
{
  g_autofree char *section = NULL;
  gboolean first_section = TRUE;
  int more = 1;

  if (!stream_find_root (st, error) || !stream_read (st, &more, error))
    return FALSE;
  while (more)
    {
      int type = xmlTextReaderNodeType (st->reader);
      int depth = xmlTextReaderDepth (st->reader);

      if (type == XML_READER_TYPE_ELEMENT && depth == 1)
        {
          g_free (section);
          section = g_strdup ((const char *) xmlTextReaderConstLocalName (st->reader));
          if (!import_section_begin (im, xmlTextReaderCurrentNode (st->reader), section,
                                     first_section, error))
            return FALSE;
          first_section = FALSE;
        }
      else if (type == XML_READER_TYPE_ELEMENT && depth == 2 && section != NULL
               && strcmp (section, "cases") == 0)
        {
          if (!import_case_stream (im, st, &more, error))
            return FALSE;
          continue;
        }
      else if (type == XML_READER_TYPE_ELEMENT && depth == 2 && section != NULL)
        {
          if (import_wants (im, section))
            {
              /* The record as a small tree of its own, checked by the schema. */
              xmlNode *node = xmlTextReaderExpand (st->reader);

              if (node == NULL || stream_failed (st))
                {
                  stream_set_error (st, error);
                  return FALSE;
                }
              if (!import_node (im, section, node, error))
                return FALSE;
            }
          /* Past it; the reader lets go of it as it reads on. */
          if (!stream_skip (st, &more, error))
            return FALSE;
          continue;
        }
      if (!stream_read (st, &more, error))
        return FALSE;
    }

  if (xmlTextReaderIsValid (st->reader) != 1)
    {
      if (!stream_failed (st))
        {
          st->schema_problem = TRUE;
          heed_xml_problem_note (&st->problem, _("it could not be checked"),
                                 xmlTextReaderGetParserLineNumber (st->reader));
        }
      stream_set_error (st, error);
      return FALSE;
    }
  if (im->conflicts > 0)
    {
      set_conflict_error (im, error);
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
  Stream st = { 0 };
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

  /* Reading from the file descriptor also means a compressed file is not silently unpacked
   * past the size limit. */
  if (!stream_open (&st, fd, path, error))
    {
      stream_close (&st);
      close (fd);
      return FALSE;
    }

  im.store = store;
  im.new_cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  im.tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < N_KINDS; i++)
    number_map_init (&im.maps[i]);

  /* One transaction from the first record to the last: all or nothing. */
  ok = heed_store_begin (store, error);
  if (ok)
    {
      ok = heed_store_is_empty_practice (store, &im.empty, error)
           && heed_store_get_last_case_id (store, &im.last_case_id, error)
           && import_stream (&im, &st, error);
      if (ok)
        ok = heed_store_commit (store, error);
      else
        heed_store_rollback (store);
    }
  stream_close (&st);
  close (fd);

  if (ok)
    {
      /* The import is in; what the store keeps in memory follows the file now. */
      heed_store_reload_setup (store, NULL);
      for (guint i = 0; i < im.new_cases->len; i++)
        heed_store_announce_case_added (store, g_array_index (im.new_cases, gint64, i));
    }

  for (guint i = 0; i < N_KINDS; i++)
    number_map_clear (&im.maps[i]);
  g_array_unref (im.new_cases);
  g_hash_table_unref (im.tombstones);
  g_free (im.first_conflict);
  return ok;
}
