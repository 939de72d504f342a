/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "heed-exchange-private.h"
#include "heed-store-exchange.h"
#include "heed-template.h"
#include "heed-validate.h"

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

  text = _heed_exchange_dup_text (child, error);
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

      if (_heed_exchange_find_reference_target (klass->table, name, &target))
        row_id = number_map_lookup (&im->maps[target], heed_record_get_int (record, index));
      if (row_id == 0)
        {
          g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                       _("Line %ld: “%s” is %s, but the file has no <%s> with that id "
                         "before this point."),
                       xmlGetLineNo (child), name, text,
                       _heed_exchange_find_reference_target (klass->table, name, &target)
                       ? _heed_exchange_kind_elements[target] : name);
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
  g_autoptr(HeedRecord) record = g_object_new (_heed_exchange_kind_get_type (kind), NULL);
  HeedRecordClass *klass = HEED_RECORD_GET_CLASS (record);
  g_autofree gboolean *seen = g_new0 (gboolean, klass->n_fields);
  const char *element = (const char *) node->name;

  if (!_heed_exchange_number_attribute (node, "id", 1, number, error))
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
                   xmlGetLineNo (node), _heed_exchange_kind_elements[kind], (long long) number);
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
  g_autofree char *key = _heed_exchange_dup_attribute (node, "key");
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (_heed_exchange_is_heed_element (node, "setting"))
    {
      g_autofree char *value = _heed_exchange_dup_text (node, error);

      if (value == NULL)
        return FALSE;
      ok = heed_store_insert_setting (im->store, key, value, &local_error);
    }
  else
    {
      g_autofree char *mime = _heed_exchange_dup_attribute (node, "mime");
      g_autoptr(GBytes) data = _heed_exchange_read_chunks (node, error);

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

  category.scheme = _heed_exchange_dup_attribute (node, "scheme");
  category.code = _heed_exchange_dup_attribute (node, "code");
  min_age = _heed_exchange_dup_attribute (node, "min-age");
  max_age = _heed_exchange_dup_attribute (node, "max-age");
  category.collection = _heed_exchange_dup_attribute (node, "collection");
  label = _heed_exchange_dup_text (node, error);
  ok =
    label != NULL
    && _heed_exchange_number_attribute (node, "year-from", G_MININT64, &category.year_from, error)
    && _heed_exchange_number_attribute (node, "year-to", G_MININT64, &category.year_to, error)
    && _heed_exchange_number_attribute (node, "position", G_MININT64, &category.position, error)
    && (min_age == NULL
        || _heed_exchange_parse_number (node, "min-age", min_age, 0, &category.min_age, error))
    && (max_age == NULL
        || _heed_exchange_parse_number (node, "max-age", max_age, 0, &category.max_age, error));
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
  g_autofree char *seriousness = _heed_exchange_dup_attribute (node, "seriousness");
  g_autofree char *likelihood = _heed_exchange_dup_attribute (node, "likelihood");
  g_autofree char *risk = _heed_exchange_dup_text (node, error);
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
  g_autofree char *prefix = _heed_exchange_dup_attribute (node, "prefix");
  g_autofree char *text = _heed_exchange_dup_text (node, error);
  g_autoptr(GError) local_error = NULL;
  gint64 last;

  if (text == NULL || !_heed_exchange_parse_number (node, "counter", text, 0, &last, error))
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
  if (reference == NULL || !_heed_exchange_is_valid_reference (reference))
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

  tombstone.reference = _heed_exchange_dup_attribute (node, "reference");
  tombstone.kind = _heed_exchange_dup_attribute (node, "kind");
  ok = check_reference (im, xmlGetLineNo (node), tombstone.reference, &taken, error);
  for (guint i = 0; i < G_N_ELEMENTS (parts) && ok && im->conflicts == 0; i++)
    {
      xmlNode *part = _heed_exchange_find_child (node, parts[i].element);

      if (part != NULL)
        ok = (*parts[i].value = _heed_exchange_dup_text (part, error)) != NULL;
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
  g_autofree char *first = _heed_exchange_dup_attribute (node, "from");
  g_autofree char *last = _heed_exchange_dup_attribute (node, "to");
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlNode *part = _heed_exchange_find_child (node, "general-importance");
  GDate from, to;

  if (!heed_date_from_iso (first, &from) || !heed_date_from_iso (last, &to))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: a report summary’s period must be two dates, YYYY-MM-DD."),
                   xmlGetLineNo (node));
      return FALSE;
    }
  if (part == NULL || (text = _heed_exchange_dup_text (part, error)) == NULL)
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
  g_autofree char *event_text = _heed_exchange_dup_attribute (node, "event");
  HeedAttachmentInfo info = { 0 };
  const struct {
    const char  *element;
    char       **value;
  } parts[] = {
    { "filename", &info.filename },
    { "mime", &info.mime },
    { "added-at", &info.added_at },
  };
  xmlNode *data_node = _heed_exchange_find_child (node, "data");
  gint64 number;
  gboolean ok;

  ok = _heed_exchange_number_attribute (node, "id", 1, &number, error);
  if (ok && event_text != NULL)
    {
      gint64 event_number;

      ok = _heed_exchange_parse_number (node, "event", event_text, 1, &event_number, error);
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
      xmlNode *part = _heed_exchange_find_child (node, parts[i].element);

      if (part != NULL)
        ok = (*parts[i].value = _heed_exchange_dup_text (part, error)) != NULL;
    }
  if (ok && !_heed_exchange_is_valid_datetime (info.added_at))
    {
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                   _("Line %ld: “added-at” must be a date and time written "
                     "YYYY-MM-DDTHH:MM:SS, not “%s”."),
                   xmlGetLineNo (node), info.added_at != NULL ? info.added_at : "");
      ok = FALSE;
    }
  if (ok)
    {
      data =
        data_node != NULL ? _heed_exchange_read_chunks (data_node, error) : g_bytes_new (NULL, 0);
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

  if (!_heed_exchange_number_attribute (node, "staff", 1, &number, error))
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
  for (guint c = 0; c < N_CASE_CHILDREN; c++)
    if (strcmp (_heed_exchange_case_children[c].container, container) == 0)
      kind = _heed_exchange_case_children[c].kind;
  g_return_val_if_fail (kind != N_KINDS, FALSE);

  record = read_record (im, child, kind, cs->case_id,
                        kind == KIND_LETTER ? _heed_exchange_letter_containers : NULL,
                        &child_number, error);
  if (record == NULL)
    return FALSE;
  if (kind == KIND_LETTER && _heed_exchange_find_child (child, "pdf") != NULL)
    {
      pdf = _heed_exchange_read_chunks (_heed_exchange_find_child (child, "pdf"), error);
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

  if (!_heed_exchange_number_attribute (cs.node, "id", 1, &cs.number, error))
    ok = FALSE;
  else if (empty)
    ok = case_stream_write (im, &cs, error);
  if (ok && !empty)
    ok = _heed_exchange_stream_read (st, more, error);
  while (ok && !empty && *more)
    {
      int type = xmlTextReaderNodeType (st->reader);
      int depth = xmlTextReaderDepth (st->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && depth == 2)
        break;
      if (type == XML_READER_TYPE_ELEMENT && depth == 3)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (st->reader);

          if (g_strv_contains (_heed_exchange_case_containers, name))
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
                  ok = _heed_exchange_stream_skip (st, more, error);
                  continue;
                }
            }
          else
            {
              xmlNode *field = xmlTextReaderExpand (st->reader);

              if (field == NULL || _heed_exchange_stream_failed (st))
                {
                  _heed_exchange_stream_set_error (st, error);
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
              ok = _heed_exchange_stream_skip (st, more, error);
              continue;
            }
        }
      else if (type == XML_READER_TYPE_ELEMENT && depth == 4 && container != NULL)
        {
          xmlNode *child = xmlTextReaderExpand (st->reader);

          if (child == NULL || _heed_exchange_stream_failed (st))
            {
              _heed_exchange_stream_set_error (st, error);
              ok = FALSE;
              break;
            }
          if (!case_stream_child (im, &cs, container, child, error))
            {
              ok = FALSE;
              break;
            }
          ok = _heed_exchange_stream_skip (st, more, error);
          continue;
        }
      ok = _heed_exchange_stream_read (st, more, error);
    }
  if (ok && !cs.written)
    ok = case_stream_write (im, &cs, error);
  /* Past the end of the case. */
  if (ok && *more)
    ok = _heed_exchange_stream_read (st, more, error);
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
          _heed_exchange_stream_set_error (st, error);
          return FALSE;
        }
      if (rc == 0)
        {
          if (_heed_exchange_stream_failed (st))
            _heed_exchange_stream_set_error (st, error);
          else
            g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_INVALID,
                         _("The file is empty."));
          return FALSE;
        }
      type = xmlTextReaderNodeType (st->reader);
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          int more;

          return _heed_exchange_stream_step (st, rc, &more, error);
        }
      if (type == XML_READER_TYPE_ELEMENT)
        break;
    }
  if (!_heed_exchange_check_root (st, error))
    return FALSE;
  if (_heed_exchange_stream_failed (st))
    {
      _heed_exchange_stream_set_error (st, error);
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

  if (!stream_find_root (st, error) || !_heed_exchange_stream_read (st, &more, error))
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

              if (node == NULL || _heed_exchange_stream_failed (st))
                {
                  _heed_exchange_stream_set_error (st, error);
                  return FALSE;
                }
              if (!import_node (im, section, node, error))
                return FALSE;
            }
          /* Past it; the reader lets go of it as it reads on. */
          if (!_heed_exchange_stream_skip (st, &more, error))
            return FALSE;
          continue;
        }
      if (!_heed_exchange_stream_read (st, &more, error))
        return FALSE;
    }

  if (xmlTextReaderIsValid (st->reader) != 1)
    {
      if (!_heed_exchange_stream_failed (st))
        {
          st->schema_problem = TRUE;
          heed_xml_problem_note (&st->problem, _("it could not be checked"),
                                 xmlTextReaderGetParserLineNumber (st->reader));
        }
      _heed_exchange_stream_set_error (st, error);
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
  if ((guint64) info.st_size > (guint64) _heed_exchange_size_limit)
    {
      close (fd);
      shown_size = g_format_size ((guint64) info.st_size);
      shown_limit = g_format_size (_heed_exchange_size_limit);
      g_set_error (error, HEED_EXCHANGE_ERROR, HEED_EXCHANGE_ERROR_TOO_LARGE,
                   _("“%s” is %s, larger than the %s Heed will import. Nothing was read."),
                   path, shown_size, shown_limit);
      return FALSE;
    }

  /* Reading from the file descriptor also means a compressed file is not silently unpacked
   * past the size limit. */
  if (!_heed_exchange_stream_open (&st, fd, path, error))
    {
      _heed_exchange_stream_close (&st);
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
  _heed_exchange_stream_close (&st);
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
