/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-event.h"
#include "heed-letter.h"
#include "heed-report-pdf-private.h"
#include "heed-subject-access-pdf.h"
#include "heed-validate.h"

static char *
dup_made_text (HeedSubjectAccess *access)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (heed_subject_access_get_made_at (access));
  g_autofree char *day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
  day = heed_format_date_long (&date);
  /* TRANSLATORS: when a subject access export was made, "Made on 3 June 2025" */
  return g_strdup_printf (_("Made on %s"), day);
}

/* "3 June 2025 at 14:21", or a dash for no time. */
static char *
dup_time_text (const char *stored)
{
  return stored != NULL ? heed_format_date_time_long (stored) : g_strdup ("—");
}

static void
add_cell (GPtrArray     *row,
          const char    *text,
          HeedTextStyle  style)
{
  g_autofree char *cell = heed_report_doc_markup (text != NULL && text[0] != '\0' ? text : "—",
                                                  style);

  heed_document_table_row_add_cell (row, cell);
}

static HeedDocumentBlock *
add_table (HeedDocument      *document,
           const char *const *headings,
           const double      *widths,
           guint              n_columns)
{
  HeedDocumentBlock *table = heed_document_add_table (document, headings != NULL ? 1 : 0);

  heed_document_table_set_widths (table, widths, n_columns);
  if (headings != NULL)
    {
      GPtrArray *row = heed_document_table_add_row (table);

      for (guint i = 0; i < n_columns; i++)
        add_cell (row, headings[i], HEED_TEXT_BOLD);
    }
  return table;
}

/* Every field of @record that has a value, as label and value. */
static void
add_record_table (HeedDocument      *document,
                  HeedSubjectAccess *access,
                  HeedRecord        *record)
{
  static const double widths[] = { 1.0, 2.2 };
  const HeedFieldSpec *fields;
  HeedDocumentBlock *table = NULL;
  guint n_fields;

  fields = heed_record_get_fields (record, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *value = NULL;
      GPtrArray *row;

      /* Which case it belongs to is said by the heading it is under. */
      if (g_str_equal (fields[i].name, "case") || g_str_equal (fields[i].name, "position"))
        continue;
      value = heed_subject_access_dup_value (access, record, i);
      if (value == NULL || value[0] == '\0')
        continue;
      if (table == NULL)
        table = add_table (document, NULL, widths, G_N_ELEMENTS (widths));
      row = heed_document_table_add_row (table);
      add_cell (row, g_dgettext (GETTEXT_PACKAGE, fields[i].label), HEED_TEXT_BOLD);
      add_cell (row, value, HEED_TEXT_PLAIN);
    }
  if (table == NULL)
    heed_report_doc_add_paragraph (document, _("Nothing is recorded."), HEED_TEXT_ITALIC);
}

static void
add_records (HeedDocument      *document,
             HeedSubjectAccess *access,
             GPtrArray         *records,
             const char        *heading,
             const char        *item_label)
{
  if (records->len == 0)
    return;
  heed_report_doc_add_heading (document, 3, heading);
  for (guint i = 0; i < records->len; i++)
    {
      /* TRANSLATORS: a numbered item of a case, "Action 2" */
      g_autofree char *title = g_strdup_printf (_("%s %u"), item_label, i + 1);

      heed_report_doc_add_paragraph (document, title, HEED_TEXT_BOLD);
      add_record_table (document, access, g_ptr_array_index (records, i));
    }
}

static void
add_audit (HeedDocument *document,
           GPtrArray    *entries,
           const char   *heading)
{
  static const double widths[] = { 1.2, 1.2, 2.6 };
  const char *headings[] = { _("When"), _("By"), _("What changed") };
  HeedDocumentBlock *table;

  if (entries->len == 0)
    return;
  heed_report_doc_add_heading (document, 3, heading);
  table = add_table (document, headings, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < entries->len; i++)
    {
      HeedAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = dup_time_text (entry->at);
      g_autofree char *who = heed_audit_entry_dup_who (entry);
      g_autofree char *what = heed_audit_entry_describe (entry);
      GPtrArray *row = heed_document_table_add_row (table);

      add_cell (row, when, HEED_TEXT_PLAIN);
      add_cell (row, who, HEED_TEXT_PLAIN);
      add_cell (row, what, HEED_TEXT_PLAIN);
    }
}

static void
add_events (HeedDocument          *document,
            HeedSubjectAccess     *access,
            const HeedSubjectCase *sc)
{
  static const double widths[] = { 1.3, 1.0, 2.7 };
  const char *headings[] = { _("When"), _("By"), _("What happened") };
  HeedDocumentBlock *table;

  if (sc->events->len == 0)
    return;
  heed_report_doc_add_heading (document, 3, _("Timeline"));
  table = add_table (document, headings, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < sc->events->len; i++)
    {
      HeedRecord *event = g_ptr_array_index (sc->events, i);
      g_autofree char *when = heed_subject_access_dup_value (access, event,
                                                             HEED_EVENT_OCCURRED_AT);
      g_autofree char *by = heed_subject_access_dup_value (access, event, HEED_EVENT_STAFF);
      g_autofree char *what = NULL;
      const char *summary = heed_record_get_text (event, HEED_EVENT_SUMMARY);
      const char *detail = heed_record_get_text (event, HEED_EVENT_DETAIL);
      GPtrArray *row = heed_document_table_add_row (table);

      what = detail != NULL ? g_strdup_printf ("%s. %s", summary, detail) : g_strdup (summary);
      add_cell (row, when, HEED_TEXT_PLAIN);
      add_cell (row, by, HEED_TEXT_PLAIN);
      add_cell (row, what, HEED_TEXT_PLAIN);
    }
}

static void
add_attachments (HeedDocument          *document,
                 const HeedSubjectCase *sc)
{
  static const double widths[] = { 2.2, 1.3, 0.8, 1.5 };
  const char *headings[] = { _("File"), _("Type"), _("Size"), _("Added") };
  HeedDocumentBlock *table;

  if (sc->attachments->len == 0)
    return;
  heed_report_doc_add_heading (document, 3, _("Attachments"));
  heed_report_doc_add_paragraph (document, _("Their contents are in the XML file saved with "
                                             "this PDF."),
                                 HEED_TEXT_ITALIC);
  table = add_table (document, headings, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < sc->attachments->len; i++)
    {
      HeedSubjectAttachment *attachment = g_ptr_array_index (sc->attachments, i);
      g_autofree char *size = g_format_size (g_bytes_get_size (attachment->data));
      g_autofree char *added = dup_time_text (attachment->info->added_at);
      GPtrArray *row = heed_document_table_add_row (table);

      add_cell (row, attachment->info->filename, HEED_TEXT_PLAIN);
      add_cell (row, attachment->info->mime, HEED_TEXT_PLAIN);
      add_cell (row, size, HEED_TEXT_PLAIN);
      add_cell (row, added, HEED_TEXT_PLAIN);
    }
}

static void
add_letters (HeedDocument          *document,
             HeedSubjectAccess     *access,
             const HeedSubjectCase *sc)
{
  static const double widths[] = { 2.4, 1.3, 1.3 };
  const char *headings[] = { _("Letter"), _("Written"), _("Sent") };
  HeedDocumentBlock *table;

  if (sc->letters->len == 0)
    return;
  heed_report_doc_add_heading (document, 3, _("Letters"));
  table = add_table (document, headings, widths, G_N_ELEMENTS (widths));
  for (guint i = 0; i < sc->letters->len; i++)
    {
      HeedRecord *letter = g_ptr_array_index (sc->letters, i);
      g_autofree char *written = heed_subject_access_dup_value (access, letter,
                                                                HEED_LETTER_CREATED_AT);
      g_autofree char *sent = heed_subject_access_dup_value (access, letter,
                                                             HEED_LETTER_SENT_AT);
      const char *title = heed_record_get_text (letter, HEED_LETTER_TITLE);
      GPtrArray *row = heed_document_table_add_row (table);

      add_cell (row, title != NULL ? title : heed_record_get_text (letter,
                                                                   HEED_LETTER_TEMPLATE_ID),
                HEED_TEXT_PLAIN);
      add_cell (row, written, HEED_TEXT_PLAIN);
      add_cell (row, sent != NULL ? sent : _("Not sent"), HEED_TEXT_PLAIN);
    }
  for (guint i = 0; i < sc->letters->len; i++)
    {
      HeedRecord *letter = g_ptr_array_index (sc->letters, i);
      const char *text = heed_record_get_text (letter, HEED_LETTER_MERGED_TEXT);
      const char *title = heed_record_get_text (letter, HEED_LETTER_TITLE);
      g_auto(GStrv) paragraphs = NULL;
      g_autofree char *heading = NULL;

      if (text == NULL)
        continue;
      /* TRANSLATORS: above the words of a letter, "The text of “Acknowledging your complaint”" */
      heading = g_strdup_printf (_("The text of “%s”"), title != NULL ? title : _("Letter"));
      heed_report_doc_add_paragraph (document, heading, HEED_TEXT_BOLD);
      paragraphs = g_strsplit (text, "\n", -1);
      for (guint j = 0; paragraphs[j] != NULL; j++)
        if (paragraphs[j][0] != '\0')
          heed_report_doc_add_paragraph (document, paragraphs[j], HEED_TEXT_PLAIN);
    }
}

static void
add_case (HeedDocument          *document,
          HeedSubjectAccess     *access,
          const HeedSubjectCase *sc)
{
  g_autofree char *heading = g_strdup_printf ("%s — %s", heed_case_get_reference (sc->kase),
                                              heed_case_get_summary (sc->kase));
  g_autofree char *role = NULL;

  heed_report_doc_add_heading (document, 2, heading);
  /* TRANSLATORS: how the person is part of a case, "Their part: Person affected" */
  role = g_strdup_printf (_("Their part: %s"), heed_subject_role_to_label (sc->role));
  heed_report_doc_add_paragraph (document, role, HEED_TEXT_PLAIN);
  if (sc->other_person != NULL)
    {
      g_autofree char *other_name = heed_person_dup_full_name (sc->other_person);
      g_autofree char *other = NULL;

      /* TRANSLATORS: someone else named on the case, "Also named: Mr Tom Reid (Person
       * affected). Check before release." */
      other = g_strdup_printf (_("Also named: %s (%s). Check before release."), other_name,
                               heed_subject_role_to_label (sc->other_role));
      heed_report_doc_add_paragraph (document, other, HEED_TEXT_ITALIC);
    }
  add_record_table (document, access, HEED_RECORD (sc->kase));
  add_records (document, access, sc->elements, _("What the complaint is about"),
               /* TRANSLATORS: one issue raised in a complaint, numbered: "Part 1" */
               _("Part"));
  add_events (document, access, sc);
  add_attachments (document, sc);
  add_letters (document, access, sc);
  add_records (document, access, sc->actions, _("Actions"), _("Action"));
  add_records (document, access, sc->survey_responses, _("Survey answers"),
               _("Answer"));
  add_records (document, access, sc->restrictions, _("Contact restrictions"),
               _("Restriction"));
  add_audit (document, sc->audit, _("Audit trail of this case"));
}

static HeedDocument *
build_document (HeedSubjectAccess *access)
{
  const char *name = heed_subject_access_get_name (access);
  const char *practice = heed_subject_access_get_practice (access);
  g_autofree char *title = NULL;
  g_autofree char *made = dup_made_text (access);
  g_autofree char *intro = NULL;
  HeedDocument *document;
  guint n_cases = heed_subject_access_get_n_cases (access);

  /* TRANSLATORS: the title of the export, "Subject access export — Mrs Ann Lee" */
  title = g_strdup_printf (_("Subject access export — %s"), name);
  document = heed_document_new (title);
  heed_report_doc_add_heading (document, 1, title);
  heed_report_doc_add_paragraph (document, practice, HEED_TEXT_BOLD);
  heed_report_doc_add_paragraph (document, made, HEED_TEXT_PLAIN);

  heed_report_doc_add_heading (document, 2, _("For the practice manager, before release"));
  heed_report_doc_add_paragraph (document,
                                 _("Check every page for information about other people — "
                                   "staff, relatives, other patients or anyone else — before "
                                   "you release this. UK GDPR allows the practice to withhold "
                                   "information that identifies someone else, unless they agree "
                                   "or it is reasonable to release it without their agreement. "
                                   "Reply within one month of the request."),
                                 HEED_TEXT_PLAIN);
  heed_report_doc_add_paragraph (document,
                                 _("The XML file saved with this PDF holds the same information "
                                   "and the contents of any attachments. Making this export was "
                                   "recorded in the practice’s audit trail."),
                                 HEED_TEXT_ITALIC);

  if (n_cases == 0)
    intro = g_strdup_printf (_("%s holds the personal details below about %s, and no "
                               "complaint, concern, comment or compliment."),
                             practice, name);
  else
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s holds the personal details below about %s, and "
                                          "%u case in which they are named.",
                                          "%s holds the personal details below about %s, and "
                                          "%u cases in which they are named.",
                                          n_cases),
                             practice, name, n_cases);
  heed_report_doc_add_heading (document, 2, _("Personal details"));
  heed_report_doc_add_paragraph (document, intro, HEED_TEXT_PLAIN);
  add_record_table (document, access, HEED_RECORD (heed_subject_access_get_person (access)));

  if (n_cases > 0)
    {
      static const double widths[] = { 1.1, 1.0, 1.3, 1.4, 1.2 };
      const char *headings[] = { _("Reference"), _("Kind"), _("Received"), _("Their part"),
                                 _("Status") };
      HeedDocumentBlock *table;

      heed_report_doc_add_heading (document, 2, _("Cases"));
      table = add_table (document, headings, widths, G_N_ELEMENTS (widths));
      for (guint i = 0; i < n_cases; i++)
        {
          const HeedSubjectCase *sc = heed_subject_access_get_case (access, i);
          HeedRecord *kase = HEED_RECORD (sc->kase);
          g_autofree char *kind = heed_subject_access_dup_value (access, kase, HEED_CASE_KIND);
          g_autofree char *received = NULL;
          g_autofree char *status = heed_subject_access_dup_value (access, kase,
                                                                   HEED_CASE_STATUS);
          GPtrArray *row = heed_document_table_add_row (table);
          GDate date;

          if (heed_record_get_date (kase, HEED_CASE_RECEIVED_AT, &date))
            received = heed_format_date_long (&date);
          add_cell (row, heed_case_get_reference (sc->kase), HEED_TEXT_PLAIN);
          add_cell (row, kind, HEED_TEXT_PLAIN);
          add_cell (row, received, HEED_TEXT_PLAIN);
          add_cell (row, heed_subject_role_to_label (sc->role), HEED_TEXT_PLAIN);
          add_cell (row, status, HEED_TEXT_PLAIN);
        }
    }
  for (guint i = 0; i < n_cases; i++)
    add_case (document, access, heed_subject_access_get_case (access, i));

  add_audit (document, heed_subject_access_get_person_audit (access),
             _("Audit trail of the personal details"));
  return document;
}

HeedPageFlow *
heed_subject_access_new_flow (HeedSubjectAccess *access)
{
  g_autoptr(HeedDocument) document = NULL;
  g_autofree char *made = NULL;

  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (access), NULL);

  document = build_document (access);
  made = dup_made_text (access);
  return heed_report_doc_new_flow (document, heed_subject_access_get_practice (access), made,
                                   heed_document_get_title (document));
}

GBytes *
heed_subject_access_render_pdf (HeedSubjectAccess  *access,
                                GError            **error)
{
  g_autoptr(HeedPageFlow) flow = NULL;

  g_return_val_if_fail (HEED_IS_SUBJECT_ACCESS (access), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  flow = heed_subject_access_new_flow (access);
  return heed_page_flow_render_pdf (flow, error);
}
