/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-choice.h"
#include "heed-person.h"
#include "heed-validate.h"

struct _HeedPerson
{
  HeedRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (HeedPerson, heed_person, HEED_TYPE_RECORD)

static const char *const access_formats[] = { "standard", "large-print", "easy-read", "braille", "bsl-interpreter", "other-language", NULL };
static const char *const contact_methods[] = { "phone", "mobile", "email", "post", "video-call", "advocate", NULL };

static const HeedFieldSpec person_fields[HEED_PERSON_N_FIELDS] = {
  { "title", "title", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Title"), NULL },
  { "first-name", "first_name", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("First name"), NULL },
  { "last-name", "last_name", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Surname"), NULL },
  { "known-as", "known_as", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("How they like to be addressed"), NULL },
  { "house", "house", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("House number or name"), NULL },
  { "street", "street", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Street"), NULL },
  { "town", "town", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Town or city"), NULL },
  { "country", "country", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Country"), NULL },
  { "postcode", "postcode", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Postcode"), NULL },
  { "phone", "phone", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Daytime phone"), NULL },
  { "phone-alt", "phone_alt", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Other phone"), NULL },
  { "email", "email", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Email"), NULL },
  { "nhs-number", "nhs_number", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("NHS number"), NULL },
  { "date-of-birth", "date_of_birth", HEED_VALUE_DATE, HEED_FIELD_PERSONAL, N_("Date of birth"), NULL },
  { "contact-method", "contact_method", HEED_VALUE_CHOICE, 0, N_("How to contact them"), contact_methods },
  { "contact-times", "contact_times", HEED_VALUE_TEXT, 0, N_("Convenient times to call"), NULL },
  { "answerphone-ok", "answerphone_ok", HEED_VALUE_BOOL, 0, N_("Messages on answerphone are fine"), NULL },
  { "access-format", "access_format", HEED_VALUE_CHOICE, 0, N_("Information they need in another format"), access_formats },
  { "language", "language", HEED_VALUE_TEXT, 0, N_("Language"), NULL },
  { "advocate", "advocate", HEED_VALUE_TEXT, HEED_FIELD_PERSONAL, N_("Advocate or supporter"), NULL },
  { "deceased", "deceased", HEED_VALUE_BOOL, 0, N_("Has died"), NULL },
  { "notes", "notes", HEED_VALUE_TEXT, HEED_FIELD_LONG | HEED_FIELD_PERSONAL, N_("Notes"), NULL },
};

typedef gboolean (*ParseFunc) (const char *text, char **normalised, GError **error);

static void
check_with (HeedRecord *record,
            guint       field,
            ParseFunc   parse,
            GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normalised = NULL;
  const char *text = heed_record_get_text (record, field);

  if (text == NULL)
    return;
  if (!parse (text, &normalised, &error))
    g_ptr_array_add (problems, heed_problem_new (person_fields[field].name, error->message));
}

static void
tidy_with (HeedRecord *record,
           guint       field,
           ParseFunc   parse)
{
  g_autofree char *normalised = NULL;
  const char *text = heed_record_get_text (record, field);

  if (text != NULL && parse (text, &normalised, NULL) && normalised != NULL)
    heed_record_set_text (record, field, normalised);
}

void
heed_person_tidy (HeedPerson *self)
{
  HeedRecord *record = HEED_RECORD (self);

  g_return_if_fail (HEED_IS_PERSON (self));

  tidy_with (record, HEED_PERSON_NHS_NUMBER, heed_parse_nhs_number);
  tidy_with (record, HEED_PERSON_POSTCODE, heed_parse_postcode);
  tidy_with (record, HEED_PERSON_EMAIL, heed_parse_email);
  tidy_with (record, HEED_PERSON_PHONE, heed_parse_phone);
  tidy_with (record, HEED_PERSON_PHONE_ALT, heed_parse_phone);
}

static void
heed_person_validate (HeedRecord *record,
                      GDate      *today,
                      GPtrArray  *problems)
{
  GDate birth;

  check_with (record, HEED_PERSON_NHS_NUMBER, heed_parse_nhs_number, problems);
  check_with (record, HEED_PERSON_POSTCODE, heed_parse_postcode, problems);
  check_with (record, HEED_PERSON_EMAIL, heed_parse_email, problems);
  check_with (record, HEED_PERSON_PHONE, heed_parse_phone, problems);
  check_with (record, HEED_PERSON_PHONE_ALT, heed_parse_phone, problems);

  if (heed_record_get_date (record, HEED_PERSON_DATE_OF_BIRTH, &birth) && today != NULL
      && g_date_valid (today) && g_date_compare (&birth, today) > 0)
    g_ptr_array_add (problems, heed_problem_new ("date-of-birth",
                                                 _("A date of birth cannot be in the future.")));

  if (g_strcmp0 (heed_record_get_text (record, HEED_PERSON_CONTACT_METHOD), "email") == 0
      && !heed_record_is_set (record, HEED_PERSON_EMAIL))
    g_ptr_array_add (problems, heed_problem_new ("email",
                                                 _("They would like email, so an email address "
                                                   "is needed.")));
  if (g_strcmp0 (heed_record_get_text (record, HEED_PERSON_ACCESS_FORMAT), "other-language") == 0
      && !heed_record_is_set (record, HEED_PERSON_LANGUAGE))
    g_ptr_array_add (problems, heed_problem_new ("language",
                                                 _("Say which language they would like "
                                                   "information in.")));
  if (g_strcmp0 (heed_record_get_text (record, HEED_PERSON_CONTACT_METHOD), "phone") == 0
      && !heed_record_is_set (record, HEED_PERSON_PHONE))
    g_ptr_array_add (problems, heed_problem_new ("phone",
                                                 _("They would like a phone call, so a phone "
                                                   "number is needed.")));
}

HeedLanguage
heed_person_get_letter_language (HeedPerson *self)
{
  HeedLanguage language;

  g_return_val_if_fail (HEED_IS_PERSON (self), HEED_LANGUAGE_INTERFACE);

  /* Only English and Welsh letters can be written by Heed; any other language is a need the
   * practice meets another way (a translation), shown by heed_person_dup_needs(). With none
   * recorded, letters are in the language Heed is used in. */
  if (!heed_language_from_text (heed_record_get_text (HEED_RECORD (self), HEED_PERSON_LANGUAGE),
                                &language))
    return HEED_LANGUAGE_INTERFACE;
  return language;
}

gboolean
heed_person_needs_large_print (HeedPerson *self)
{
  g_return_val_if_fail (HEED_IS_PERSON (self), FALSE);
  return g_strcmp0 (heed_record_get_text (HEED_RECORD (self), HEED_PERSON_ACCESS_FORMAT),
                    "large-print") == 0;
}

char *
heed_person_dup_needs (HeedPerson *self)
{
  HeedRecord *record;
  const char *format, *language;
  HeedLanguage known;
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (HEED_IS_PERSON (self), NULL);

  record = HEED_RECORD (self);
  format = heed_record_get_text (record, HEED_PERSON_ACCESS_FORMAT);
  language = heed_record_get_text (record, HEED_PERSON_LANGUAGE);
  if (format != NULL && *format != '\0' && strcmp (format, "standard") != 0
      && strcmp (format, "other-language") != 0)
    g_ptr_array_add (needs, g_strdup (heed_choice_get_label ("access-format", format)));
  if (language != NULL && *language != '\0'
      && !(heed_language_from_text (language, &known) && known == HEED_LANGUAGE_ENGLISH))
    /* Translators: a person's communication need, e.g. "Letters in Welsh" */
    g_ptr_array_add (needs, g_strdup_printf (_("Letters in %s"),
                                             heed_language_from_text (language, &known)
                                             ? heed_language_get_autonym (known) : language));
  else if (g_strcmp0 (format, "other-language") == 0)
    g_ptr_array_add (needs, g_strdup (heed_choice_get_label ("access-format", format)));
  if (needs->len == 0)
    return NULL;
  g_ptr_array_add (needs, NULL);
  return g_strjoinv (" · ", (char **) needs->pdata);
}

static void
heed_person_class_init (HeedPersonClass *klass)
{
  HEED_RECORD_CLASS (klass)->validate = heed_person_validate;
  heed_record_class_set_fields (HEED_RECORD_CLASS (klass), "people", person_fields,
                                HEED_PERSON_N_FIELDS);
}

static void
heed_person_init (HeedPerson *self)
{
}

HeedPerson *
heed_person_new (void)
{
  return g_object_new (HEED_TYPE_PERSON, NULL);
}

/* "Mrs Ada Example", or what they asked to be called when that is all there is. */
char *
heed_person_dup_full_name (HeedPerson *self)
{
  HeedRecord *record = HEED_RECORD (self);
  GString *name = g_string_new (NULL);
  const HeedPersonField parts[] = {
    HEED_PERSON_TITLE, HEED_PERSON_FIRST_NAME, HEED_PERSON_LAST_NAME
  };

  g_return_val_if_fail (HEED_IS_PERSON (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = heed_record_get_text (record, parts[i]);

      if (part == NULL)
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }
  if (name->len == 0 && heed_record_get_text (record, HEED_PERSON_KNOWN_AS) != NULL)
    g_string_append (name, heed_record_get_text (record, HEED_PERSON_KNOWN_AS));
  return g_string_free (name, FALSE);
}

/* The address as lines for an envelope, without empty ones. */
GStrv
heed_person_dup_address_lines (HeedPerson *self)
{
  HeedRecord *record = HEED_RECORD (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *first = NULL;
  const char *house, *street;

  g_return_val_if_fail (HEED_IS_PERSON (self), NULL);

  house = heed_record_get_text (record, HEED_PERSON_HOUSE);
  street = heed_record_get_text (record, HEED_PERSON_STREET);
  /* "12" and "High Street" go on one line; "Rose Cottage" stands on its own. */
  if (house != NULL && street != NULL && g_ascii_isdigit (house[0]))
    g_strv_builder_add (builder, (first = g_strdup_printf ("%s %s", house, street)));
  else
    {
      if (house != NULL)
        g_strv_builder_add (builder, house);
      if (street != NULL)
        g_strv_builder_add (builder, street);
    }
  if (heed_record_get_text (record, HEED_PERSON_TOWN) != NULL)
    g_strv_builder_add (builder, heed_record_get_text (record, HEED_PERSON_TOWN));
  if (heed_record_get_text (record, HEED_PERSON_POSTCODE) != NULL)
    g_strv_builder_add (builder, heed_record_get_text (record, HEED_PERSON_POSTCODE));
  return g_strv_builder_end (builder);
}
