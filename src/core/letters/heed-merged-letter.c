/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-letter-template-private.h"
#include "heed-merged-letter.h"
#include "heed-person.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-validate.h"
#include "heed-language.h"
#include "heed-procedure.h"

#define HELP_RESOURCE RESOURCE_BASE "/data/independent-help.ini"

struct _HeedMergedLetter
{
  GObject             parent_instance;

  HeedLetterTemplate *template;
  HeedDocument       *document;
  char               *title;
  char               *reference;
  char               *date_text;
  gint64              case_id;
  gint64              recipient_id;
  HeedLanguage        language;
  GPtrArray          *address_block;
  char               *practice_name;
  GPtrArray          *practice_address;
  char               *practice_phone;
  char               *practice_email;
  GBytes             *logo;
  GPtrArray          *missing;
  GKeyFile           *free_texts;
};

G_DEFINE_FINAL_TYPE (HeedMergedLetter, heed_merged_letter, G_TYPE_OBJECT)

/* Merging */

typedef struct {
  HeedStore        *store;
  HeedMergedLetter *letter;
  HeedCase         *kase;
  HeedRecord       *case_record;
  HeedPerson       *complainant;
  HeedPerson       *affected;
  HeedPerson       *recipient;
  GPtrArray        *elements;
  GPtrArray        *actions;
  GHashTable       *staff;       /* id -> HeedStaff */
  GHashTable       *free_texts;
  GKeyFile         *help;
  HeedNation        nation;
  const HeedProcedure *procedure;  /* in force the day it was received */
  GDate             today;
  GArray           *deadlines;
  HeedRecord       *element;     /* inside a for-each */
  HeedRecord       *action;
  guint             position;
  GHashTable       *missing_seen;
  gboolean          quiet;       /* evaluating a condition: note nothing as missing */
  guint             n_placeholders;
} Merge;

static void
merge_clear (Merge *m)
{
  g_clear_object (&m->kase);
  g_clear_object (&m->complainant);
  g_clear_object (&m->affected);
  g_clear_pointer (&m->elements, g_ptr_array_unref);
  g_clear_pointer (&m->actions, g_ptr_array_unref);
  g_clear_pointer (&m->staff, g_hash_table_unref);
  g_clear_pointer (&m->help, g_key_file_unref);
  g_clear_pointer (&m->deadlines, g_array_unref);
  g_clear_pointer (&m->missing_seen, g_hash_table_unref);
}

static char *
date_text (HeedRecord *record,
           guint       field)
{
  GDate date;

  if (!heed_record_is_set (record, field))
    return NULL;
  if (heed_record_get_date (record, field, &date))
    return heed_format_date_long (&date);
  {
    /* A date-time: its date part. */
    g_autofree char *text = heed_record_dup_string (record, field);

    if (text != NULL && strlen (text) >= 10)
      {
        text[10] = '\0';
        if (heed_date_from_iso (text, &date))
          return heed_format_date_long (&date);
      }
  }
  return NULL;
}

static char *
text_or_null (const char *text)
{
  if (text == NULL)
    return NULL;
  {
    g_autofree char *copy = g_strstrip (g_strdup (text));

    return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
  }
}

static char *
record_text (HeedRecord *record,
             guint       field)
{
  return record != NULL ? text_or_null (heed_record_get_text (record, field)) : NULL;
}

static char *
setting (Merge      *m,
         const char *key)
{
  g_autofree char *value = heed_store_dup_setting (m->store, key);

  return text_or_null (value);
}

/* A value of the Ombudsman or advocacy service: the practice's own setting first. */
static char *
help_value (Merge      *m,
            const char *body,
            const char *key)
{
  g_autofree char *setting_key = g_strdup_printf ("%s-%s", body, key);
  g_autofree char *group = NULL;
  g_autofree char *type = NULL;
  char *value;

  /* Private care does not go to the Ombudsman: the Dental Complaints Service or ISCAS take
   * its place in every letter (DOMAIN.md, "NHS or private care"). */
  if (strcmp (body, "ombudsman") == 0
      && g_strcmp0 (heed_record_get_text (m->case_record, HEED_CASE_CARE), "private") == 0)
    {
      type = heed_store_dup_setting (m->store, "practice-type");
      group = g_strdup_printf ("ombudsman %s", g_strcmp0 (type, "dental") == 0
                                               ? "private-dental" : "private-gp");
      g_free (setting_key);
      setting_key = g_strdup_printf ("%s-%s", group + strlen ("ombudsman "), key);
    }
  else
    group = g_strdup_printf ("%s %s", body, heed_nation_to_id (m->nation));
  value = setting (m, setting_key);

  if (value != NULL)
    return value;
  if (g_strcmp0 (key, "address") == 0)
    {
      const char *locale = heed_language_get_document_locale ();
      g_auto(GStrv) lines = g_key_file_get_locale_string_list (m->help, group, key, locale, NULL,
                                                               NULL);

      return lines != NULL ? g_strjoinv ("\n", lines) : NULL;
    }
  {
    const char *locale = heed_language_get_document_locale ();
    g_autofree char *text = g_key_file_get_locale_string (m->help, group, key, locale, NULL);

    return text_or_null (text);
  }
}

static char *
person_name (HeedPerson *person)
{
  g_autofree char *name = NULL;

  if (person == NULL)
    return NULL;
  name = heed_person_dup_full_name (person);
  return text_or_null (name);
}

/* "Mrs Okafor" when the title and surname are known, else the name as known. */
static char *
person_salutation (HeedPerson *person)
{
  HeedRecord *record;
  const char *title, *last;

  if (person == NULL)
    return NULL;
  record = HEED_RECORD (person);
  if (heed_record_get_text (record, HEED_PERSON_KNOWN_AS) != NULL)
    return text_or_null (heed_record_get_text (record, HEED_PERSON_KNOWN_AS));
  title = heed_record_get_text (record, HEED_PERSON_TITLE);
  last = heed_record_get_text (record, HEED_PERSON_LAST_NAME);
  if (title != NULL && last != NULL)
    return g_strdup_printf ("%s %s", title, last);
  return person_name (person);
}

static char *
person_address (HeedPerson *person)
{
  g_auto(GStrv) lines = NULL;

  if (person == NULL)
    return NULL;
  lines = heed_person_dup_address_lines (person);
  /* A postcode alone, or a street with no town, will not reach anyone. */
  if (lines == NULL || g_strv_length (lines) < 2)
    return NULL;
  return g_strjoinv ("\n", lines);
}

static HeedStaff *
staff_member (Merge      *m,
              HeedRecord *record,
              guint       field)
{
  if (record == NULL || !heed_record_is_set (record, field))
    return NULL;
  return g_hash_table_lookup (m->staff, GINT_TO_POINTER ((int) heed_record_get_int (record,
                                                                                     field)));
}

static char *
staff_text (HeedStaff *staff,
            guint      field)
{
  return staff != NULL ? record_text (HEED_RECORD (staff), field) : NULL;
}

static const HeedDeadline *
find_deadline (Merge            *m,
               HeedDeadlineKind  kind)
{
  for (guint i = 0; m->deadlines != NULL && i < m->deadlines->len; i++)
    if (g_array_index (m->deadlines, HeedDeadline, i).kind == kind)
      return &g_array_index (m->deadlines, HeedDeadline, i);
  return NULL;
}

static char *
outcome_text (const char *outcome)
{
  if (g_strcmp0 (outcome, "upheld") == 0)
    return g_strdup (D_("upheld"));
  if (g_strcmp0 (outcome, "partly-upheld") == 0)
    return g_strdup (D_("partly upheld"));
  if (g_strcmp0 (outcome, "not-upheld") == 0)
    return g_strdup (D_("not upheld"));
  return text_or_null (outcome);
}

static char *
relationship_text (Merge *m)
{
  const char *relationship = heed_record_get_text (m->case_record, HEED_CASE_RELATIONSHIP);

  if (g_strcmp0 (relationship, "spouse-partner") == 0)
    return g_strdup (D_("husband, wife or partner"));
  if (g_strcmp0 (relationship, "parent-guardian") == 0)
    return g_strdup (D_("parent or guardian"));
  if (g_strcmp0 (relationship, "child") == 0)
    return g_strdup (D_("son or daughter"));
  if (g_strcmp0 (relationship, "carer") == 0)
    return g_strdup (D_("carer"));
  return record_text (m->case_record, HEED_CASE_RELATIONSHIP_OTHER);
}

static const char *
nation_name (HeedNation nation)
{
  switch (nation)
    {
    case HEED_NATION_WALES:
      return D_("Wales");
    case HEED_NATION_SCOTLAND:
      return D_("Scotland");
    case HEED_NATION_NORTHERN_IRELAND:
      return D_("Northern Ireland");
    case HEED_NATION_ENGLAND:
    default:
      return D_("England");
    }
}

static char *
days_text (guint days)
{
  return days > 0 ? g_strdup_printf ("%u", days) : NULL;
}

/* The fields of the complaints procedure in force the day the complaint was received. */
static char *
procedure_field (Merge      *m,
                 const char *key)
{
  const HeedProcedure *p = m->procedure;

  if (strcmp (key, "name") == 0)
    return g_strdup (heed_procedure_get_name (p, heed_language_get_document ()
                                                 == HEED_LANGUAGE_WELSH));
  if (strcmp (key, "services") == 0)
    return g_strdup (g_strcmp0 (p->services, "HSC") == 0 ? D_("HSC") : D_("NHS"));
  if (strcmp (key, "acknowledge-days") == 0)
    return days_text (p->acknowledge);
  if (strcmp (key, "resolve-days") == 0)
    return p->stages > 1 ? days_text (p->resolve) : NULL;
  if (strcmp (key, "respond-days") == 0)
    return days_text (p->respond);
  if (strcmp (key, "time-limit") == 0)
    {
      if (p->time_limit_outer_months > 0)
        /* TRANSLATORS: "a complaint should normally be made within" this */
        return g_strdup_printf (D_("%u months of the event, or %u months of learning of it "
                                   "as long as that is within %u months of the event"),
                                p->time_limit_months, p->time_limit_aware_months,
                                p->time_limit_outer_months);
      if (p->time_limit_aware_months != p->time_limit_months)
        /* TRANSLATORS: "a complaint should normally be made within" this */
        return g_strdup_printf (D_("%u months of the event, or %u months of learning of it"),
                                p->time_limit_months, p->time_limit_aware_months);
      /* TRANSLATORS: "a complaint should normally be made within" this */
      return g_strdup_printf (D_("%u months of the event, or of learning of it"),
                              p->time_limit_months);
    }
  if (strcmp (key, "ombudsman-limit") == 0)
    return g_strdup_printf (p->ombudsman_from_procedure_end
                            /* TRANSLATORS: "you should normally contact them within" this */
                            ? D_("%u months of the end of our complaints procedure")
                            /* TRANSLATORS: "you should normally contact them within" this */
                            : D_("%u months of becoming aware of the problem"),
                            p->ombudsman_limit_months);
  return NULL;
}

/* The parts of a person a letter can name. */
typedef enum {
  PART_NAME,
  PART_FIRST_NAME,
  PART_SALUTATION,
  PART_ADDRESS,
} PersonPart;

static char *
field_practice_address_line (Merge *m)
{
  g_autofree char *address = setting (m, "address");
  g_auto(GStrv) lines = address != NULL ? g_strsplit (address, "\n", -1) : NULL;

  return lines != NULL ? g_strjoinv (", ", lines) : NULL;
}

static char *
field_practice_nation (Merge *m)
{
  return g_strdup (nation_name (m->nation));
}

static char *
field_responsible_person_role (Merge *m)
{
  g_autofree char *role = setting (m, "responsible-person-role");
  g_autofree char *person = setting (m, "responsible-person");
  GHashTableIter iter;
  gpointer member;

  if (role != NULL)
    return g_steal_pointer (&role);
  /* The responsible person is usually on the staff list, with their role. */
  g_hash_table_iter_init (&iter, m->staff);
  while (person != NULL && g_hash_table_iter_next (&iter, NULL, &member))
    if (g_strcmp0 (heed_record_get_text (member, HEED_STAFF_NAME), person) == 0)
      return staff_text (member, HEED_STAFF_ROLE);
  return NULL;
}

static char *
person_part (HeedPerson *person,
             PersonPart  part)
{
  switch (part)
    {
    case PART_NAME:
      return person_name (person);
    case PART_FIRST_NAME:
      return person != NULL ? record_text (HEED_RECORD (person), HEED_PERSON_FIRST_NAME) : NULL;
    case PART_SALUTATION:
      return person_salutation (person);
    case PART_ADDRESS:
    default:
      return person_address (person);
    }
}

static char *
field_representative_name (Merge *m)
{
  return heed_record_get_bool (m->case_record, HEED_CASE_ON_BEHALF)
         ? person_name (m->complainant) : NULL;
}

static char *
field_representative_relationship (Merge *m)
{
  return heed_record_get_bool (m->case_record, HEED_CASE_ON_BEHALF) ? relationship_text (m)
                                                                     : NULL;
}

static char *
deadline_text (Merge            *m,
               HeedDeadlineKind  kind)
{
  const HeedDeadline *deadline = find_deadline (m, kind);

  return deadline != NULL ? heed_format_date_long (&deadline->due) : NULL;
}

/* The date agreed with the complainant, else the procedure's. */
static char *
field_response_date (Merge *m)
{
  if (heed_record_is_set (m->case_record, HEED_CASE_AGREED_RESPONSE_DATE))
    return date_text (m->case_record, HEED_CASE_AGREED_RESPONSE_DATE);
  return deadline_text (m, HEED_DEADLINE_RESPOND);
}

/* The handler's details, or the practice's where no handler is named. */
static char *
field_handler (Merge *m)
{
  char *handler = staff_text (staff_member (m, m->case_record, HEED_CASE_HANDLER),
                              HEED_STAFF_NAME);

  return handler != NULL ? handler : setting (m, "complaints-manager");
}

static char *
field_handler_role (Merge *m)
{
  HeedStaff *handler = staff_member (m, m->case_record, HEED_CASE_HANDLER);

  return handler != NULL ? staff_text (handler, HEED_STAFF_ROLE)
                         : g_strdup (D_("Complaints Manager"));
}

static char *
field_handler_phone (Merge *m)
{
  char *phone = staff_text (staff_member (m, m->case_record, HEED_CASE_HANDLER),
                            HEED_STAFF_PHONE);

  return phone != NULL ? phone : setting (m, "phone");
}

static char *
field_handler_email (Merge *m)
{
  char *email = staff_text (staff_member (m, m->case_record, HEED_CASE_HANDLER),
                            HEED_STAFF_EMAIL);

  return email != NULL ? email : setting (m, "email");
}

static char *
field_case_outcome (Merge *m)
{
  return outcome_text (heed_record_get_text (m->case_record, HEED_CASE_OUTCOME));
}

static char *
field_financial_redress (Merge *m)
{
  HeedRecord *c = m->case_record;

  return heed_record_is_set (c, HEED_CASE_REMEDY_FINANCIAL)
         && heed_record_get_int (c, HEED_CASE_REMEDY_FINANCIAL) > 0
         ? heed_format_money (heed_record_get_int (c, HEED_CASE_REMEDY_FINANCIAL)) : NULL;
}

static char *
field_letter_date (Merge *m)
{
  return heed_format_date_long (&m->today);
}

static char *
field_element_subject (Merge *m)
{
  const char *code = heed_record_get_text (m->element, HEED_CASE_ELEMENT_SUBJECT);
  g_autofree char *label = code != NULL
    ? heed_store_dup_category_label (m->store, "subject", code) : NULL;

  return text_or_null (label != NULL ? label : code);
}

static char *
field_element_outcome (Merge *m)
{
  return outcome_text (heed_record_get_text (m->element, HEED_CASE_ELEMENT_OUTCOME));
}

static char *
field_action_owner (Merge *m)
{
  HeedStaff *owner = staff_member (m, m->action, HEED_ACTION_OWNER);
  g_autofree char *owner_name = staff_text (owner, HEED_STAFF_NAME);
  g_autofree char *role = staff_text (owner, HEED_STAFF_ROLE);

  if (owner_name != NULL && role != NULL)
    return g_strdup_printf ("%s, %s", owner_name, role);
  return g_steal_pointer (&owner_name);
}

/* The merge fields a template can use, where each one's value comes from, and the placeholder
 * shown when the practice file does not have it. */
typedef enum {
  FROM_SETTING,      /* the practice's setting of the same name */
  FROM_RECIPIENT,    /* a part (PersonPart) of the person the letter is to */
  FROM_COMPLAINANT,
  FROM_AFFECTED,
  FROM_CASE_TEXT,    /* the case's field */
  FROM_CASE_DATE,
  FROM_DEADLINE,     /* the due date of a HeedDeadlineKind */
  FROM_ELEMENT_TEXT, /* inside a for-each of the complaint's parts */
  FROM_ACTION_TEXT,  /* inside a for-each of the actions */
  FROM_ACTION_DATE,
  FROM_POSITION,     /* the part's or action's number in its for-each */
  FROM_PROCEDURE,    /* the procedure in force the day the complaint was received */
  FROM_OMBUDSMAN,
  FROM_ADVOCACY,
  FROM_FUNCTION,     /* worked out by the field's own function */
} FieldSource;

typedef char *(*FieldFunction) (Merge *m);

typedef struct {
  const char      *name;
  HeedLetterScope  scope;
  const char      *placeholder;
  FieldSource      source;
  guint            field;
  FieldFunction    resolve;
} FieldInfo;

static const FieldInfo fields[] = {
  { "practice.name", HEED_LETTER_SCOPE_LETTER, N_("practice name"), FROM_SETTING, 0 },
  { "practice.address", HEED_LETTER_SCOPE_LETTER, N_("practice address"), FROM_SETTING, 0 },
  { "practice.address-line", HEED_LETTER_SCOPE_LETTER, N_("practice address"),
    FROM_FUNCTION, 0, field_practice_address_line },
  { "practice.phone", HEED_LETTER_SCOPE_LETTER, N_("practice phone number"), FROM_SETTING, 0 },
  { "practice.email", HEED_LETTER_SCOPE_LETTER, N_("practice email address"), FROM_SETTING, 0 },
  { "practice.complaints-manager", HEED_LETTER_SCOPE_LETTER, N_("complaints manager’s name"),
    FROM_SETTING, 0 },
  { "practice.responsible-person", HEED_LETTER_SCOPE_LETTER, N_("responsible person’s name"),
    FROM_SETTING, 0 },
  { "practice.responsible-person-role", HEED_LETTER_SCOPE_LETTER, N_("responsible person’s role"),
    FROM_FUNCTION, 0, field_responsible_person_role },
  { "practice.nation", HEED_LETTER_SCOPE_LETTER, N_("nation"),
    FROM_FUNCTION, 0, field_practice_nation },
  { "recipient.name", HEED_LETTER_SCOPE_LETTER, N_("recipient’s name"), FROM_RECIPIENT,
    PART_NAME },
  { "recipient.salutation", HEED_LETTER_SCOPE_LETTER, N_("recipient’s name"),
    FROM_RECIPIENT, PART_SALUTATION },
  { "recipient.address", HEED_LETTER_SCOPE_LETTER, N_("recipient’s address"),
    FROM_RECIPIENT, PART_ADDRESS },
  { "complainant.name", HEED_LETTER_SCOPE_LETTER, N_("complainant’s name"),
    FROM_COMPLAINANT, PART_NAME },
  { "complainant.first-name", HEED_LETTER_SCOPE_LETTER, N_("complainant’s first name"),
    FROM_COMPLAINANT, PART_FIRST_NAME },
  { "complainant.salutation", HEED_LETTER_SCOPE_LETTER, N_("complainant’s name"),
    FROM_COMPLAINANT, PART_SALUTATION },
  { "complainant.address", HEED_LETTER_SCOPE_LETTER, N_("complainant’s address"),
    FROM_COMPLAINANT, PART_ADDRESS },
  { "affected.name", HEED_LETTER_SCOPE_LETTER, N_("name of the person affected"),
    FROM_AFFECTED, PART_NAME },
  { "affected.first-name", HEED_LETTER_SCOPE_LETTER, N_("first name of the person affected"),
    FROM_AFFECTED, PART_FIRST_NAME },
  { "affected.salutation", HEED_LETTER_SCOPE_LETTER, N_("name of the person affected"),
    FROM_AFFECTED, PART_SALUTATION },
  { "affected.address", HEED_LETTER_SCOPE_LETTER, N_("address of the person affected"),
    FROM_AFFECTED, PART_ADDRESS },
  { "representative.name", HEED_LETTER_SCOPE_LETTER, N_("representative’s name"),
    FROM_FUNCTION, 0, field_representative_name },
  { "representative.relationship", HEED_LETTER_SCOPE_LETTER,
    N_("representative’s relationship to the person affected"), FROM_FUNCTION, 0,
    field_representative_relationship },
  { "case.reference", HEED_LETTER_SCOPE_LETTER, N_("reference"),
    FROM_CASE_TEXT, HEED_CASE_REFERENCE },
  { "case.kind", HEED_LETTER_SCOPE_LETTER, N_("kind of feedback"), FROM_CASE_TEXT, HEED_CASE_KIND },
  { "case.received", HEED_LETTER_SCOPE_LETTER, N_("date received"),
    FROM_CASE_DATE, HEED_CASE_RECEIVED_AT },
  { "case.summary", HEED_LETTER_SCOPE_LETTER, N_("summary of the complaint"),
    FROM_CASE_TEXT, HEED_CASE_SUMMARY },
  { "case.description", HEED_LETTER_SCOPE_LETTER, N_("what happened"),
    FROM_CASE_TEXT, HEED_CASE_DESCRIPTION },
  { "case.incident-date", HEED_LETTER_SCOPE_LETTER, N_("date it happened"),
    FROM_CASE_DATE, HEED_CASE_INCIDENT_DATE },
  { "case.outcome-wanted", HEED_LETTER_SCOPE_LETTER, N_("what they would like to happen"),
    FROM_CASE_TEXT, HEED_CASE_OUTCOME_WANTED },
  { "case.late-reason", HEED_LETTER_SCOPE_LETTER, N_("reason the complaint was made late"),
    FROM_CASE_TEXT, HEED_CASE_LATE_REASON },
  { "case.acknowledge-by", HEED_LETTER_SCOPE_LETTER, N_("date to acknowledge by"),
    FROM_DEADLINE, HEED_DEADLINE_ACKNOWLEDGE },
  { "case.acknowledged-on", HEED_LETTER_SCOPE_LETTER, N_("date acknowledged"),
    FROM_CASE_DATE, HEED_CASE_ACKNOWLEDGED_ON },
  { "case.response-date", HEED_LETTER_SCOPE_LETTER, N_("date of our response"),
    FROM_FUNCTION, 0, field_response_date },
  { "case.resolve-by", HEED_LETTER_SCOPE_LETTER, N_("date for early resolution"),
    FROM_DEADLINE, HEED_DEADLINE_RESOLVE },
  { "case.consent-requested", HEED_LETTER_SCOPE_LETTER, N_("date consent was asked for"),
    FROM_CASE_DATE, HEED_CASE_CONSENT_REQUESTED },
  { "case.handler", HEED_LETTER_SCOPE_LETTER, N_("name of the person handling it"),
    FROM_FUNCTION, 0, field_handler },
  { "case.handler-role", HEED_LETTER_SCOPE_LETTER, N_("role of the person handling it"),
    FROM_FUNCTION, 0, field_handler_role },
  { "case.handler-phone", HEED_LETTER_SCOPE_LETTER, N_("phone number of the person handling it"),
    FROM_FUNCTION, 0, field_handler_phone },
  { "case.handler-email", HEED_LETTER_SCOPE_LETTER, N_("email of the person handling it"),
    FROM_FUNCTION, 0, field_handler_email },
  { "case.plan", HEED_LETTER_SCOPE_LETTER, N_("plan agreed for handling it"),
    FROM_CASE_TEXT, HEED_CASE_PLAN },
  { "case.update-arrangements", HEED_LETTER_SCOPE_LETTER, N_("how we will keep them updated"),
    FROM_CASE_TEXT, HEED_CASE_UPDATE_ARRANGEMENTS },
  { "case.outcome", HEED_LETTER_SCOPE_LETTER, N_("outcome"), FROM_FUNCTION, 0, field_case_outcome },
  { "case.financial-redress", HEED_LETTER_SCOPE_LETTER, N_("amount of financial redress"),
    FROM_FUNCTION, 0, field_financial_redress },
  { "case.lessons", HEED_LETTER_SCOPE_LETTER, N_("what we learned"),
    FROM_CASE_TEXT, HEED_CASE_LESSONS },
  { "case.you-said", HEED_LETTER_SCOPE_LETTER, N_("what the person said"),
    FROM_CASE_TEXT, HEED_CASE_YOU_SAID },
  { "case.we-did", HEED_LETTER_SCOPE_LETTER, N_("what we did"), FROM_CASE_TEXT, HEED_CASE_WE_DID },
  { "letter.date", HEED_LETTER_SCOPE_LETTER, N_("date"), FROM_FUNCTION, 0, field_letter_date },
  { "ombudsman.name", HEED_LETTER_SCOPE_LETTER, N_("Ombudsman’s name"), FROM_OMBUDSMAN, 0 },
  { "ombudsman.short-name", HEED_LETTER_SCOPE_LETTER, N_("Ombudsman’s name"), FROM_OMBUDSMAN, 0 },
  { "ombudsman.address", HEED_LETTER_SCOPE_LETTER, N_("Ombudsman’s address"), FROM_OMBUDSMAN, 0 },
  { "ombudsman.phone", HEED_LETTER_SCOPE_LETTER, N_("Ombudsman’s phone number"),
    FROM_OMBUDSMAN, 0 },
  { "ombudsman.website", HEED_LETTER_SCOPE_LETTER, N_("Ombudsman’s website"), FROM_OMBUDSMAN, 0 },
  { "ombudsman.email", HEED_LETTER_SCOPE_LETTER, N_("Ombudsman’s email address"),
    FROM_OMBUDSMAN, 0 },
  { "procedure.name", HEED_LETTER_SCOPE_LETTER, N_("name of the complaints procedure"),
    FROM_PROCEDURE, 0 },
  { "procedure.services", HEED_LETTER_SCOPE_LETTER, N_("NHS or HSC"), FROM_PROCEDURE, 0 },
  { "procedure.acknowledge-days", HEED_LETTER_SCOPE_LETTER, N_("working days to acknowledge"),
    FROM_PROCEDURE, 0 },
  { "procedure.resolve-days", HEED_LETTER_SCOPE_LETTER, N_("working days for early resolution"),
    FROM_PROCEDURE, 0 },
  { "procedure.respond-days", HEED_LETTER_SCOPE_LETTER, N_("working days to respond"),
    FROM_PROCEDURE, 0 },
  { "procedure.time-limit", HEED_LETTER_SCOPE_LETTER, N_("time limit for making a complaint"),
    FROM_PROCEDURE, 0 },
  { "procedure.ombudsman-limit", HEED_LETTER_SCOPE_LETTER,
    N_("time limit for going to the Ombudsman"), FROM_PROCEDURE, 0 },
  { "advocacy.name", HEED_LETTER_SCOPE_LETTER, N_("advocacy service’s name"), FROM_ADVOCACY, 0 },
  { "advocacy.description", HEED_LETTER_SCOPE_LETTER, N_("what the advocacy service does"),
    FROM_ADVOCACY, 0 },
  { "advocacy.address", HEED_LETTER_SCOPE_LETTER, N_("advocacy service’s address"),
    FROM_ADVOCACY, 0 },
  { "advocacy.phone", HEED_LETTER_SCOPE_LETTER, N_("advocacy service’s phone number"),
    FROM_ADVOCACY, 0 },
  { "advocacy.website", HEED_LETTER_SCOPE_LETTER, N_("advocacy service’s website"),
    FROM_ADVOCACY, 0 },
  { "advocacy.email", HEED_LETTER_SCOPE_LETTER, N_("advocacy service’s email address"),
    FROM_ADVOCACY, 0 },
  { "element.number", HEED_LETTER_SCOPE_ELEMENTS, N_("number"), FROM_POSITION, 0 },
  { "element.description", HEED_LETTER_SCOPE_ELEMENTS, N_("what this part of the complaint is"),
    FROM_ELEMENT_TEXT, HEED_CASE_ELEMENT_DESCRIPTION },
  { "element.subject", HEED_LETTER_SCOPE_ELEMENTS, N_("subject"),
    FROM_FUNCTION, 0, field_element_subject },
  { "element.finding", HEED_LETTER_SCOPE_ELEMENTS, N_("what we found"),
    FROM_ELEMENT_TEXT, HEED_CASE_ELEMENT_FINDING },
  { "element.outcome", HEED_LETTER_SCOPE_ELEMENTS, N_("outcome of this part"),
    FROM_FUNCTION, 0, field_element_outcome },
  { "element.response", HEED_LETTER_SCOPE_ELEMENTS, N_("our response to this part"),
    FROM_ELEMENT_TEXT, HEED_CASE_ELEMENT_RESPONSE },
  { "action.number", HEED_LETTER_SCOPE_ACTIONS, N_("number"), FROM_POSITION, 0 },
  { "action.description", HEED_LETTER_SCOPE_ACTIONS, N_("what will be done"),
    FROM_ACTION_TEXT, HEED_ACTION_DESCRIPTION },
  { "action.owner", HEED_LETTER_SCOPE_ACTIONS, N_("who is responsible"),
    FROM_FUNCTION, 0, field_action_owner },
  { "action.due", HEED_LETTER_SCOPE_ACTIONS, N_("date it will be done by"),
    FROM_ACTION_DATE, HEED_ACTION_DUE_DATE },
  { "action.standard", HEED_LETTER_SCOPE_ACTIONS, N_("standard it must meet"),
    FROM_ACTION_TEXT, HEED_ACTION_STANDARD },
};

/* Conditions beyond "this field has a value". */
static const char *const conditions[] = {
  "representative", "anonymous", "late", "has-elements", "has-actions", "has-apology",
  "has-agreed-date", "has-handler", "consent-needed", "consent-received", "affected-deceased",
  "extended", "early-resolution", "closer-look", "oral", "upheld", "partly-upheld",
  "not-upheld", "nation-england", "nation-wales", "nation-scotland", "nation-northern-ireland",
  "procedure-two-stage", "procedure-agreed-date", "procedure-early-resolution",
  "procedure-listening", "private", "private-dental", "private-gp", "independent-review",
  NULL
};

static const char *const element_conditions[] = {
  "element.apology", "element.upheld", "element.partly-upheld", "element.not-upheld", NULL
};

static const FieldInfo *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

gboolean
_heed_letter_field_is_known (const char      *name,
                             HeedLetterScope  scope)
{
  const FieldInfo *info = find_field (name);

  return info != NULL && (info->scope == HEED_LETTER_SCOPE_LETTER || info->scope == scope);
}

gboolean
_heed_letter_condition_is_known (const char      *test,
                                 HeedLetterScope  scope)
{
  if (test == NULL)
    return FALSE;
  if (g_str_has_prefix (test, "not "))
    test += 4;
  if (g_strv_contains (conditions, test))
    return TRUE;
  if (scope == HEED_LETTER_SCOPE_ELEMENTS && g_strv_contains (element_conditions, test))
    return TRUE;
  return _heed_letter_field_is_known (test, scope);
}

/* The value of a merge field, or NULL when the practice file does not have it. */
static char *
resolve_field (Merge      *m,
               const char *name)
{
  const FieldInfo *info = find_field (name);
  /* What follows the field's "practice.", "ombudsman." and the like. */
  const char *key = info != NULL ? strchr (info->name, '.') + 1 : NULL;
  HeedRecord *current = NULL;

  if (info == NULL)
    return NULL;
  /* A part's or an action's field has a value only inside its for-each. */
  if (info->scope == HEED_LETTER_SCOPE_ELEMENTS)
    current = m->element;
  else if (info->scope == HEED_LETTER_SCOPE_ACTIONS)
    current = m->action;
  if (info->scope != HEED_LETTER_SCOPE_LETTER && current == NULL)
    return NULL;

  switch (info->source)
    {
    case FROM_SETTING:
      return setting (m, key);
    case FROM_RECIPIENT:
      return person_part (m->recipient, info->field);
    case FROM_COMPLAINANT:
      return person_part (m->complainant, info->field);
    case FROM_AFFECTED:
      return person_part (m->affected, info->field);
    case FROM_CASE_TEXT:
      return record_text (m->case_record, info->field);
    case FROM_CASE_DATE:
      return date_text (m->case_record, info->field);
    case FROM_DEADLINE:
      return deadline_text (m, info->field);
    case FROM_ELEMENT_TEXT:
    case FROM_ACTION_TEXT:
      return record_text (current, info->field);
    case FROM_ACTION_DATE:
      return date_text (current, info->field);
    case FROM_POSITION:
      return g_strdup_printf ("%u", m->position);
    case FROM_PROCEDURE:
      return procedure_field (m, key);
    case FROM_OMBUDSMAN:
      return help_value (m, "ombudsman", key);
    case FROM_ADVOCACY:
      return help_value (m, "advocacy", key);
    case FROM_FUNCTION:
    default:
      return info->resolve (m);
    }
}

static void
note_missing (Merge      *m,
              const char *what)
{
  if (m->quiet || g_hash_table_contains (m->missing_seen, what))
    return;
  g_hash_table_add (m->missing_seen, g_strdup (what));
  g_ptr_array_insert (m->letter->missing, m->letter->missing->len - 1, g_strdup (what));
}

static gboolean
any_element (Merge       *m,
             guint        field,
             const char  *value)
{
  for (guint i = 0; i < m->elements->len; i++)
    {
      HeedRecord *element = g_ptr_array_index (m->elements, i);

      if (value == NULL ? heed_record_get_bool (element, field)
                        : g_strcmp0 (heed_record_get_text (element, field), value) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Private care does not go to the Ombudsman (DOMAIN.md, "NHS or private care"). */
static gboolean
case_is_private (Merge *m)
{
  return g_strcmp0 (heed_record_get_text (m->case_record, HEED_CASE_CARE), "private") == 0;
}

static gboolean
practice_is_dental (Merge *m)
{
  g_autofree char *type = heed_store_dup_setting (m->store, "practice-type");

  return g_strcmp0 (type, "dental") == 0;
}

/* Whether someone independent can look at the complaint after the practice's answer: the
 * Ombudsman for NHS care, the Dental Complaints Service for private dental care, and ISCAS for
 * private GP care only when the practice is a member (Preferences); otherwise no one. */
static gboolean
has_independent_review (Merge *m)
{
  g_autofree char *member = NULL;

  if (!case_is_private (m) || practice_is_dental (m))
    return TRUE;
  member = heed_store_dup_setting (m->store, "iscas-member");
  return g_strcmp0 (member, "true") == 0;
}

static gboolean
evaluate (Merge      *m,
          const char *test)
{
  HeedRecord *c = m->case_record;
  gboolean negate = g_str_has_prefix (test, "not ");
  gboolean result = FALSE;
  const char *consent;

  if (negate)
    test += 4;
  consent = heed_record_get_text (c, HEED_CASE_CONSENT_STATUS);

  if (strcmp (test, "representative") == 0)
    result = heed_record_get_bool (c, HEED_CASE_ON_BEHALF);
  else if (strcmp (test, "anonymous") == 0)
    result = heed_record_get_bool (c, HEED_CASE_ANONYMOUS);
  else if (strcmp (test, "late") == 0)
    result = heed_case_is_late (m->kase);
  else if (strcmp (test, "has-elements") == 0)
    result = m->elements->len > 0;
  else if (strcmp (test, "has-actions") == 0)
    result = m->actions->len > 0;
  else if (strcmp (test, "has-apology") == 0)
    result = heed_record_get_bool (c, HEED_CASE_REMEDY_APOLOGY)
             || any_element (m, HEED_CASE_ELEMENT_APOLOGY, NULL);
  else if (strcmp (test, "has-agreed-date") == 0)
    result = heed_record_is_set (c, HEED_CASE_AGREED_RESPONSE_DATE);
  else if (strcmp (test, "has-handler") == 0)
    result = heed_record_is_set (c, HEED_CASE_HANDLER);
  else if (strcmp (test, "consent-needed") == 0)
    result = heed_record_get_bool (c, HEED_CASE_ON_BEHALF)
             && (consent == NULL || strcmp (consent, "requested") == 0);
  else if (strcmp (test, "consent-received") == 0)
    result = g_strcmp0 (consent, "received") == 0;
  else if (strcmp (test, "affected-deceased") == 0)
    result = m->affected != NULL && heed_record_get_bool (HEED_RECORD (m->affected),
                                                          HEED_PERSON_DECEASED);
  else if (strcmp (test, "extended") == 0)
    result = heed_record_get_bool (c, HEED_CASE_EXTENDED);
  else if (strcmp (test, "early-resolution") == 0)
    result = g_strcmp0 (heed_record_get_text (c, HEED_CASE_TRACK), "early-resolution") == 0;
  else if (strcmp (test, "closer-look") == 0)
    result = g_strcmp0 (heed_record_get_text (c, HEED_CASE_TRACK), "closer-look") == 0;
  else if (strcmp (test, "oral") == 0)
    result = g_strv_contains ((const char *const[]) { "in-person", "phone", "video-call", NULL },
                              heed_record_get_text (c, HEED_CASE_CHANNEL) != NULL
                              ? heed_record_get_text (c, HEED_CASE_CHANNEL) : "");
  else if (strcmp (test, "upheld") == 0 || strcmp (test, "partly-upheld") == 0
           || strcmp (test, "not-upheld") == 0)
    result = g_strcmp0 (heed_record_get_text (c, HEED_CASE_OUTCOME), test) == 0;
  else if (g_str_has_prefix (test, "nation-"))
    result = g_strcmp0 (heed_nation_to_id (m->nation), test + strlen ("nation-")) == 0;
  else if (strcmp (test, "procedure-two-stage") == 0)
    result = m->procedure->stages > 1;
  else if (strcmp (test, "procedure-agreed-date") == 0)
    result = m->procedure->stages < 2 && m->procedure->respond == 0;
  else if (strcmp (test, "procedure-early-resolution") == 0)
    result = m->procedure->early_resolution;
  else if (strcmp (test, "procedure-listening") == 0)
    result = m->procedure->listening_discussion;
  else if (strcmp (test, "private") == 0)
    result = case_is_private (m);
  else if (strcmp (test, "private-dental") == 0)
    result = case_is_private (m) && practice_is_dental (m);
  else if (strcmp (test, "private-gp") == 0)
    result = case_is_private (m) && !practice_is_dental (m);
  else if (strcmp (test, "independent-review") == 0)
    result = has_independent_review (m);
  else if (strcmp (test, "element.apology") == 0)
    result = m->element != NULL && heed_record_get_bool (m->element, HEED_CASE_ELEMENT_APOLOGY);
  else if (g_str_has_prefix (test, "element.") && m->element != NULL
           && !_heed_letter_field_is_known (test, HEED_LETTER_SCOPE_ELEMENTS))
    result = g_strcmp0 (heed_record_get_text (m->element, HEED_CASE_ELEMENT_OUTCOME),
                        test + strlen ("element.")) == 0;
  else
    {
      g_autofree char *value = resolve_field (m, test);

      result = value != NULL;
    }
  return negate ? !result : result;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && strcmp ((const char *) node->name, name) == 0;
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
attribute_is_true (xmlNode    *node,
                   const char *name)
{
  g_autofree char *value = attribute (node, name);

  return g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0;
}

/* Builds a paragraph's markup. Template text is indented XML, so runs of white space become
 * one space and a line starts without one; values keep their own line breaks. */
typedef struct {
  GString  *markup;
  gboolean  line_start;
} Inline;

static void
inline_append (Inline        *in,
               const char    *text,
               HeedTextStyle  style,
               gboolean       collapse)
{
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = collapse ? g_ascii_isspace (*p) : (*p == ' ' || *p == '\t');

      if (space)
        {
          if (!in->line_start && (clean->len == 0 || clean->str[clean->len - 1] != ' '))
            {
              if (clean->len > 0 || in->markup->len == 0
                  || in->markup->str[in->markup->len - 1] != ' ')
                g_string_append_c (clean, ' ');
            }
          continue;
        }
      if (*p == '\n')
        {
          while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
            g_string_truncate (clean, clean->len - 1);
          g_string_append_c (clean, '\n');
          in->line_start = TRUE;
          continue;
        }
      /* "on 3 June 2025 ." when a condition between them came out empty. */
      if (strchr (".,;:)", *p) != NULL && clean->len == 0 && in->markup->len > 0
          && in->markup->str[in->markup->len - 1] == ' ')
        g_string_truncate (in->markup, in->markup->len - 1);
      g_string_append_c (clean, *p);
      in->line_start = FALSE;
    }
  heed_markup_append (in->markup, clean->str, style);
}

static void
inline_placeholder (Merge      *m,
                    Inline     *in,
                    const char *what)
{
  g_autofree char *text = g_strdup_printf ("[%s]", what);

  m->n_placeholders++;
  note_missing (m, what);
  inline_append (in, text, HEED_TEXT_PLAIN, FALSE);
}

static void
merge_inline (Merge         *m,
              xmlNode       *parent,
              Inline        *in,
              HeedTextStyle  style)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE)
        inline_append (in, (const char *) node->content, style, TRUE);
      else if (is_element (node, "b"))
        merge_inline (m, node, in, style | HEED_TEXT_BOLD);
      else if (is_element (node, "i"))
        merge_inline (m, node, in, style | HEED_TEXT_ITALIC);
      else if (is_element (node, "br"))
        {
          while (in->markup->len > 0 && in->markup->str[in->markup->len - 1] == ' ')
            g_string_truncate (in->markup, in->markup->len - 1);
          g_string_append_c (in->markup, '\n');
          in->line_start = TRUE;
        }
      else if (is_element (node, "if"))
        {
          g_autofree char *test = attribute (node, "test");

          if (evaluate (m, test))
            merge_inline (m, node, in, style);
        }
      else if (is_element (node, "field"))
        {
          g_autofree char *name = attribute (node, "name");
          g_autofree char *value = resolve_field (m, name);

          if (value != NULL)
            inline_append (in, value, style, FALSE);
          else
            {
              const FieldInfo *info = find_field (name);

              /* The template was checked when it was read, so every field is known. */
              inline_placeholder (m, in, info != NULL ? D_(info->placeholder) : name);
            }
        }
      else if (is_element (node, "free-text"))
        {
          g_autofree char *name = attribute (node, "name");
          g_autofree char *label = attribute (node, "label");
          const char *written = m->free_texts != NULL
                                ? g_hash_table_lookup (m->free_texts, name) : NULL;
          g_autofree char *value = text_or_null (written);

          if (value != NULL)
            inline_append (in, value, style, FALSE);
          else if (node->children != NULL)
            {
              /* The default, unless it is empty or has gaps of its own: then the gap to fill
               * is this free text, under its own label. */
              Inline suggested = { g_string_new (NULL), in->line_start };
              guint before = m->n_placeholders;
              gboolean was_quiet = m->quiet;

              m->quiet = TRUE;
              merge_inline (m, node, &suggested, style);
              m->quiet = was_quiet;
              g_strstrip (suggested.markup->str);
              suggested.markup->len = strlen (suggested.markup->str);
              if (m->n_placeholders == before && suggested.markup->len > 0)
                {
                  g_string_append (in->markup, suggested.markup->str);
                  in->line_start = suggested.line_start;
                }
              else
                inline_placeholder (m, in, label);
              g_string_free (suggested.markup, TRUE);
            }
          else
            inline_placeholder (m, in, label);
        }
    }
}

static char *
merge_markup (Merge   *m,
              xmlNode *node)
{
  Inline in = { g_string_new (NULL), TRUE };

  merge_inline (m, node, &in, HEED_TEXT_PLAIN);
  while (in.markup->len > 0 && g_ascii_isspace (in.markup->str[in.markup->len - 1]))
    g_string_truncate (in.markup, in.markup->len - 1);
  return g_string_free (in.markup, FALSE);
}

typedef void (*EachFunc) (Merge *m, xmlNode *node, gpointer user_data);

static void merge_items (Merge *m, xmlNode *parent, HeedDocumentBlock *list);
static void merge_rows  (Merge *m, xmlNode *parent, HeedDocumentBlock *table);
static void merge_blocks (Merge *m, xmlNode *parent, HeedDocument *document);

/* Runs func over node once per element or action, with it as the current one. */
static void
for_each (Merge    *m,
          xmlNode  *node,
          EachFunc  func,
          gpointer  user_data)
{
  g_autofree char *select = attribute (node, "select");
  gboolean actions = g_strcmp0 (select, "actions") == 0;
  GPtrArray *records = actions ? m->actions : m->elements;

  for (guint i = 0; i < records->len; i++)
    {
      if (actions)
        m->action = g_ptr_array_index (records, i);
      else
        m->element = g_ptr_array_index (records, i);
      m->position = i + 1;
      func (m, node, user_data);
    }
  m->action = NULL;
  m->element = NULL;
  m->position = 0;
}

static void
each_items (Merge    *m,
            xmlNode  *node,
            gpointer  list)
{
  merge_items (m, node, list);
}

static void
each_rows (Merge    *m,
           xmlNode  *node,
           gpointer  table)
{
  merge_rows (m, node, table);
}

static void
each_blocks (Merge    *m,
             xmlNode  *node,
             gpointer  document)
{
  merge_blocks (m, node, document);
}

static gboolean
condition_holds (Merge   *m,
                 xmlNode *node)
{
  g_autofree char *test = attribute (node, "test");

  return evaluate (m, test);
}

static void
merge_items (Merge             *m,
             xmlNode           *parent,
             HeedDocumentBlock *list)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_element (node, "item"))
        {
          g_autofree char *markup = merge_markup (m, node);

          if (*markup != '\0')
            heed_document_list_add_item (list, markup);
        }
      else if (is_element (node, "if") && condition_holds (m, node))
        merge_items (m, node, list);
      else if (is_element (node, "for-each"))
        for_each (m, node, each_items, list);
    }
}

static void
merge_rows (Merge             *m,
            xmlNode           *parent,
            HeedDocumentBlock *table)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_element (node, "row"))
        {
          GPtrArray *row = heed_document_table_add_row (table);

          for (xmlNode *cell = node->children; cell != NULL; cell = cell->next)
            if (is_element (cell, "cell"))
              {
                g_autofree char *markup = merge_markup (m, cell);

                heed_document_table_row_add_cell (row, markup);
              }
        }
      else if (is_element (node, "if") && condition_holds (m, node))
        merge_rows (m, node, table);
      else if (is_element (node, "for-each"))
        for_each (m, node, each_rows, table);
    }
}

static void
merge_blocks (Merge        *m,
              xmlNode      *parent,
              HeedDocument *document)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (is_element (node, "p"))
        {
          g_autofree char *markup = merge_markup (m, node);
          g_autofree char *align = attribute (node, "align");
          HeedDocumentBlock *block;

          /* A paragraph made only of conditions that all failed is left out. */
          if (*markup == '\0')
            continue;
          block = heed_document_add_paragraph (document, markup);
          block->keep_together = attribute_is_true (node, "keep-together");
          block->align = g_strcmp0 (align, "centre") == 0 ? HEED_ALIGN_CENTRE
                         : g_strcmp0 (align, "end") == 0 ? HEED_ALIGN_END : HEED_ALIGN_START;
        }
      else if (is_element (node, "h"))
        {
          g_autofree char *markup = merge_markup (m, node);
          g_autofree char *level = attribute (node, "level");

          if (*markup != '\0')
            heed_document_add_heading (document, level != NULL ? atoi (level) : 2, markup);
        }
      else if (is_element (node, "list"))
        {
          HeedDocumentBlock *list = heed_document_add_list (document,
                                                            attribute_is_true (node,
                                                                               "numbered"));

          merge_items (m, node, list);
        }
      else if (is_element (node, "table"))
        {
          g_autofree char *widths = attribute (node, "widths");
          HeedDocumentBlock *table = heed_document_add_table (document, 0);

          merge_rows (m, node, table);
          for (xmlNode *row = node->children; row != NULL; row = row->next)
            if (is_element (row, "row") && attribute_is_true (row, "header"))
              table->n_header_rows++;
            else if (row->type == XML_ELEMENT_NODE)
              break;
          if (widths != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (widths, " ", -1);
              g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

              for (guint i = 0; parts[i] != NULL; i++)
                {
                  double value = g_ascii_strtod (parts[i], NULL);

                  g_array_append_val (values, value);
                }
              heed_document_table_set_widths (table, (double *) values->data, values->len);
            }
        }
      else if (is_element (node, "space"))
        {
          g_autofree char *height = attribute (node, "height");

          heed_document_add_space (document, height != NULL ? g_ascii_strtod (height, NULL)
                                                            : 11.0);
        }
      else if (is_element (node, "page-break"))
        heed_document_add_page_break (document);
      else if (is_element (node, "if") && condition_holds (m, node))
        merge_blocks (m, node, document);
      else if (is_element (node, "for-each"))
        for_each (m, node, each_blocks, document);
    }
}

/* Loading what the letter needs */

static HeedPerson *
load_person (HeedStore  *store,
             HeedRecord *kase,
             guint       field)
{
  if (!heed_record_is_set (kase, field) || heed_record_get_int (kase, field) <= 0)
    return NULL;
  return heed_store_load (store, HEED_TYPE_PERSON, heed_record_get_int (kase, field), NULL);
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  HeedRecord *first = *(HeedRecord **) a;
  HeedRecord *second = *(HeedRecord **) b;
  gint64 pa = heed_record_get_int (first, HEED_CASE_ELEMENT_POSITION);
  gint64 pb = heed_record_get_int (second, HEED_CASE_ELEMENT_POSITION);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return heed_record_get_id (first) < heed_record_get_id (second) ? -1 : 1;
}

static gboolean
load_case (Merge        *m,
           gint64        case_id,
           GError      **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(HeedCaseRow) row = NULL;
  g_autoptr(GBytes) help = NULL;
  HeedDeadlineFacts facts;

  m->kase = heed_store_load (m->store, HEED_TYPE_CASE, case_id, error);
  if (m->kase == NULL)
    return FALSE;
  m->case_record = HEED_RECORD (m->kase);
  m->complainant = load_person (m->store, m->case_record, HEED_CASE_COMPLAINANT);
  m->affected = load_person (m->store, m->case_record, HEED_CASE_AFFECTED);
  /* Someone complaining for themselves is the person affected too. */
  if (m->affected == NULL && m->complainant != NULL
      && !heed_record_get_bool (m->case_record, HEED_CASE_ON_BEHALF))
    m->affected = g_object_ref (m->complainant);

  m->elements = heed_store_list (m->store, HEED_TYPE_CASE_ELEMENT, case_id, error);
  if (m->elements == NULL)
    return FALSE;
  g_ptr_array_sort (m->elements, compare_position);
  m->actions = heed_store_list (m->store, HEED_TYPE_ACTION, case_id, error);
  if (m->actions == NULL)
    return FALSE;
  staff = heed_store_list (m->store, HEED_TYPE_STAFF, 0, error);
  if (staff == NULL)
    return FALSE;
  m->staff = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint i = 0; i < staff->len; i++)
    {
      HeedRecord *member = g_ptr_array_index (staff, i);

      g_hash_table_insert (m->staff, GINT_TO_POINTER ((int) heed_record_get_id (member)),
                           g_object_ref (member));
    }

  row = heed_store_load_case_row (m->store, case_id, error);
  if (row == NULL)
    return FALSE;
  heed_case_row_get_facts (row, &facts);
  /* A letter is often written while the case is still a draft being logged: its dates are
   * those it will have once logged. */
  if (heed_case_status_from_id (facts.status) == HEED_STATUS_DRAFT)
    facts.status = "logged";
  m->nation = heed_store_get_nation (m->store);
  m->procedure = heed_procedure_for_text (m->nation, facts.received);
  m->deadlines = heed_deadlines_compute (heed_store_get_calendar (m->store), &facts, &m->today);

  m->help = g_key_file_new ();
  help = g_resources_lookup_data (HELP_RESOURCE, 0, error);
  if (help == NULL
      || !g_key_file_load_from_data (m->help, g_bytes_get_data (help, NULL),
                                     g_bytes_get_size (help), G_KEY_FILE_KEEP_TRANSLATIONS, error))
    return FALSE;
  return TRUE;
}

static void
heed_merged_letter_dispose (GObject *object)
{
  HeedMergedLetter *self = HEED_MERGED_LETTER (object);

  g_clear_object (&self->template);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (heed_merged_letter_parent_class)->dispose (object);
}

static void
heed_merged_letter_finalize (GObject *object)
{
  HeedMergedLetter *self = HEED_MERGED_LETTER (object);

  g_free (self->title);
  g_free (self->reference);
  g_free (self->date_text);
  g_ptr_array_unref (self->address_block);
  g_free (self->practice_name);
  g_ptr_array_unref (self->practice_address);
  g_free (self->practice_phone);
  g_free (self->practice_email);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_ptr_array_unref (self->missing);
  g_key_file_unref (self->free_texts);

  G_OBJECT_CLASS (heed_merged_letter_parent_class)->finalize (object);
}

static void
heed_merged_letter_class_init (HeedMergedLetterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = heed_merged_letter_dispose;
  G_OBJECT_CLASS (klass)->finalize = heed_merged_letter_finalize;
}

static GPtrArray *
null_terminated (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);
  return array;
}

static void
strings_add (GPtrArray  *array,
             const char *text)
{
  g_ptr_array_insert (array, array->len - 1, g_strdup (text));
}

static void
heed_merged_letter_init (HeedMergedLetter *self)
{
  self->address_block = null_terminated ();
  self->practice_address = null_terminated ();
  self->missing = null_terminated ();
  self->free_texts = g_key_file_new ();
}

static void
add_lines (GPtrArray  *array,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        strings_add (array, lines[i]);
    }
}

static void
fill_in_page (Merge              *m,
              HeedMergedLetter   *self,
              HeedLetterTemplate *template)
{
  const char *recipient = heed_letter_template_get_recipient (template);
  g_autofree char *address = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) logo = NULL;

  self->practice_name = setting (m, "name");
  if (self->practice_name == NULL)
    {
      note_missing (m, D_("practice name"));
      self->practice_name = g_strdup_printf ("[%s]", D_("practice name"));
    }
  address = setting (m, "address");
  if (address != NULL)
    add_lines (self->practice_address, address);
  else
    {
      g_autofree char *placeholder = g_strdup_printf ("[%s]", D_("practice address"));

      note_missing (m, D_("practice address"));
      strings_add (self->practice_address, placeholder);
    }
  self->practice_phone = setting (m, "phone");
  self->practice_email = setting (m, "email");
  logo = heed_store_dup_setting_blob (m->store, "logo", &mime, NULL);
  if (logo != NULL && g_strcmp0 (mime, "image/png") == 0)
    self->logo = g_steal_pointer (&logo);

  self->reference = record_text (m->case_record, HEED_CASE_REFERENCE);
  self->date_text = heed_format_date_long (&m->today);

  if (g_strcmp0 (recipient, "none") == 0)
    return;

  m->recipient = g_strcmp0 (recipient, "affected") == 0 ? m->affected : m->complainant;
  if (m->recipient != NULL)
    self->recipient_id = heed_record_get_id (HEED_RECORD (m->recipient));
  {
    g_autofree char *name = person_name (m->recipient);
    g_autofree char *lines = person_address (m->recipient);
    const char *who = g_strcmp0 (recipient, "affected") == 0
                      ? D_("name of the person affected") : D_("complainant’s name");
    const char *where = g_strcmp0 (recipient, "affected") == 0
                        ? D_("address of the person affected") : D_("complainant’s address");

    if (name != NULL)
      strings_add (self->address_block, name);
    else
      {
        g_autofree char *placeholder = g_strdup_printf ("[%s]", who);

        note_missing (m, who);
        strings_add (self->address_block, placeholder);
      }
    if (lines != NULL)
      add_lines (self->address_block, lines);
    else
      {
        g_autofree char *placeholder = g_strdup_printf ("[%s]", where);

        note_missing (m, where);
        strings_add (self->address_block, placeholder);
      }
  }
}

HeedMergedLetter *
heed_merged_letter_new (HeedStore          *store,
                        HeedLetterTemplate *template,
                        gint64              case_id,
                        GHashTable         *free_texts,
                        const GDate        *date,
                        GError            **error)
{
  g_autoptr(HeedMergedLetter) self = NULL;
  g_autofree char *title_markup = NULL;
  HeedLanguage previous;
  Merge m = { 0 };

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (template), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HEED_TYPE_MERGED_LETTER, NULL);
  self->template = g_object_ref (template);
  self->case_id = case_id;
  if (free_texts != NULL)
    {
      const char *const *names = heed_letter_template_get_free_texts (template);

      /* Kept with a sent letter: what the person wrote, in the template's order. */
      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *text = g_hash_table_lookup (free_texts, names[i]);

          if (text != NULL)
            g_key_file_set_string (self->free_texts, "free-text", names[i], text);
        }
    }

  m.store = store;
  m.letter = self;
  m.free_texts = free_texts;
  m.missing_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (date != NULL && g_date_valid (date))
    m.today = *date;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&m.today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  if (!load_case (&m, case_id, error))
    {
      merge_clear (&m);
      return NULL;
    }

  /* Everything Heed writes into the letter (dates, outcomes, placeholders) in the
   * template's language. */
  self->language = heed_letter_template_get_language (template);
  previous = heed_language_set_document (self->language);
  fill_in_page (&m, self, template);
  title_markup = merge_markup (&m, _heed_letter_template_get_title (template));
  self->title = heed_markup_to_text (title_markup);
  self->document = heed_document_new (self->title);
  merge_blocks (&m, _heed_letter_template_get_body (template), self->document);
  heed_language_set_document (previous);

  merge_clear (&m);
  return g_steal_pointer (&self);
}

HeedPerson *
heed_merged_letter_find_recipient (HeedStore           *store,
                                   HeedLetterTemplate  *template,
                                   gint64               case_id,
                                   GError             **error)
{
  g_autoptr(HeedCase) kase = NULL;
  const char *recipient;
  HeedPerson *person;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (HEED_IS_LETTER_TEMPLATE (template), NULL);

  kase = heed_store_load (store, HEED_TYPE_CASE, case_id, error);
  if (kase == NULL)
    return NULL;
  recipient = heed_letter_template_get_recipient (template);
  if (g_strcmp0 (recipient, "none") == 0)
    return NULL;
  if (g_strcmp0 (recipient, "affected") == 0)
    {
      person = load_person (store, HEED_RECORD (kase), HEED_CASE_AFFECTED);
      /* Someone complaining for themselves is the person affected too. */
      if (person != NULL || heed_record_get_bool (HEED_RECORD (kase), HEED_CASE_ON_BEHALF))
        return person;
    }
  return load_person (store, HEED_RECORD (kase), HEED_CASE_COMPLAINANT);
}

HeedDocument *
heed_merged_letter_get_document (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->document;
}

HeedLanguage
heed_merged_letter_get_language (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), HEED_LANGUAGE_ENGLISH);
  return self->language;
}

HeedLetterTemplate *
heed_merged_letter_get_template (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->template;
}

const char *
heed_merged_letter_get_title (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->title;
}

const char *
heed_merged_letter_get_reference (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->reference;
}

gint64
heed_merged_letter_get_case_id (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), 0);
  return self->case_id;
}

const char *
heed_merged_letter_get_date_text (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->date_text;
}

gint64
heed_merged_letter_get_recipient_id (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), 0);
  return self->recipient_id;
}

const char *const *
heed_merged_letter_get_address_block (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return (const char *const *) self->address_block->pdata;
}

const char *
heed_merged_letter_get_practice_name (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->practice_name;
}

const char *const *
heed_merged_letter_get_practice_address (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return (const char *const *) self->practice_address->pdata;
}

const char *
heed_merged_letter_get_practice_phone (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->practice_phone;
}

const char *
heed_merged_letter_get_practice_email (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->practice_email;
}

GBytes *
heed_merged_letter_get_logo (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return self->logo;
}

const char *const *
heed_merged_letter_get_missing (HeedMergedLetter *self)
{
  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);
  return (const char *const *) self->missing->pdata;
}

char *
heed_merged_letter_dup_text (HeedMergedLetter *self)
{
  g_autofree char *body = NULL;
  GString *text;

  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i + 1 < self->address_block->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (self->address_block, i));
  if (self->address_block->len > 1)
    g_string_append_c (text, '\n');
  if (self->reference != NULL)
    g_string_append_printf (text, D_("Our reference: %s\n"), self->reference);
  g_string_append_printf (text, "%s\n\n", self->date_text);
  body = heed_document_to_text (self->document);
  g_string_append (text, body);
  return g_string_free (text, FALSE);
}

HeedLetter *
heed_merged_letter_create_record (HeedMergedLetter *self,
                                  gboolean          large_print)
{
  HeedLetter *letter;
  HeedRecord *record;
  g_autofree char *text = NULL;
  g_autofree char *free_texts = NULL;

  g_return_val_if_fail (HEED_IS_MERGED_LETTER (self), NULL);

  letter = heed_letter_new ();
  record = HEED_RECORD (letter);
  heed_record_set_int (record, HEED_LETTER_CASE, self->case_id);
  heed_record_set_text (record, HEED_LETTER_TEMPLATE_ID,
                        heed_letter_template_get_id (self->template));
  if (self->recipient_id > 0)
    heed_record_set_int (record, HEED_LETTER_RECIPIENT, self->recipient_id);
  heed_record_set_text (record, HEED_LETTER_TITLE, self->title);
  heed_record_set_bool (record, HEED_LETTER_LARGE_PRINT, large_print);
  text = heed_merged_letter_dup_text (self);
  heed_record_set_text (record, HEED_LETTER_MERGED_TEXT, text);
  if (g_key_file_has_group (self->free_texts, "free-text"))
    {
      free_texts = g_key_file_to_data (self->free_texts, NULL, NULL);
      heed_record_set_text (record, HEED_LETTER_FREE_TEXT, free_texts);
    }
  return letter;
}
