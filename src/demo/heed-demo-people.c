/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-survey-response.h"
#include "heed-validate.h"
#include "heed-demo-private.h"

/* A landline in Ofcom's drama ranges for the practice's part of the UK. */
char *
_heed_demo_make_landline (Demo *d)
{
  int n = rnd (d, 0, 999);

  switch (d->nation)
    {
    case HEED_NATION_WALES:
      return g_strdup_printf ("029 2018 0%03d", n);
    case HEED_NATION_SCOTLAND:
      return g_strdup_printf (chance (d, 0.5) ? "0131 496 0%03d" : "0141 496 0%03d", n);
    case HEED_NATION_NORTHERN_IRELAND:
      return g_strdup_printf ("028 9649 6%03d", n);
    case HEED_NATION_ENGLAND:
    default:
      return g_strdup_printf (chance (d, 0.7) ? "01632 960%03d" : "020 7946 0%03d", n);
    }
}

char *
_heed_demo_make_mobile (Demo *d)
{
  return g_strdup_printf ("07700 900%03d", rnd (d, 0, 999));
}

/* An NHS number in the 999 range, kept for tests, with a correct check digit. */
static char *
make_nhs_number (Demo *d)
{
  for (;;)
    {
      int digits[10] = { 9, 9, 9 };
      int sum = 0, check;

      for (guint i = 3; i < 9; i++)
        digits[i] = rnd (d, 0, 9);
      for (guint i = 0; i < 9; i++)
        sum += digits[i] * (10 - (int) i);
      check = 11 - sum % 11;
      if (check == 11)
        check = 0;
      if (check == 10 || (check == 9 && sum == 9 * 54))
        continue;
      digits[9] = check;
      return g_strdup_printf ("%d%d%d %d%d%d %d%d%d%d", digits[0], digits[1], digits[2],
                              digits[3], digits[4], digits[5], digits[6], digits[7], digits[8],
                              digits[9]);
    }
}

static char *
make_email (Demo       *d,
            const char *first,
            const char *last)
{
  static const char *const domains[] = { "example.com", "example.org", "example.net" };
  GString *email = g_string_new (NULL);

  for (const char *p = first; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (email, g_ascii_tolower (*p));
  g_string_append_c (email, chance (d, 0.7) ? '.' : '_');
  for (const char *p = last; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (email, g_ascii_tolower (*p));
  if (chance (d, 0.4))
    g_string_append_printf (email, "%d", rnd (d, 1, 99));
  g_string_append_printf (email, "@%s", PICK (d, domains));
  return g_string_free (email, FALSE);
}

/* People
 * ====== */

typedef struct {
  char       *house;
  const char *street;
  const char *town;
  char       *postcode;
} Address;

static void
address_init (Demo    *d,
              Address *address)
{
  static const char inward_letters[] = "ABDEFGHJLNPQRSTUWXYZ";
  guint town = (guint) rnd (d, 0, heed_demo_towns_n - 1);

  if (chance (d, 0.07))
    address->house = g_strdup (PICK_TEXT (d, heed_demo_house_names));
  else
    address->house = g_strdup_printf ("%d", rnd (d, 1, 180));
  address->street = PICK_TEXT (d, heed_demo_streets);
  address->town = heed_demo_towns[town].town;
  address->postcode = g_strdup_printf ("%s%d %d%c%c", heed_demo_towns[town].area, rnd (d, 1, 9),
                                       rnd (d, 1, 9),
                                       inward_letters[rnd (d, 0, sizeof inward_letters - 2)],
                                       inward_letters[rnd (d, 0, sizeof inward_letters - 2)]);
}

static void
address_clear (Address *address)
{
  g_clear_pointer (&address->house, g_free);
  g_clear_pointer (&address->postcode, g_free);
}

typedef struct {
  gboolean       female;
  int            age;
  gboolean       patient;      /* has an NHS number */
  gboolean       deceased;
  gboolean       contactable;  /* an adult Heed writes to or rings */
  const char    *surname;      /* NULL: any */
  const Address *address;      /* NULL: none known */
  const char    *advocate;
} PersonSpec;

static gboolean
save_person (Demo              *d,
             const PersonSpec  *spec,
             gint64            *id,
             GError           **error)
{
  static const char *const female_titles[] = { "Mrs", "Mrs", "Ms", "Ms", "Miss", "Dr" };
  static const char *const contact_times[] = {
    "Mornings", "After 5pm", "Any time", "Weekdays before 3pm", "Lunchtimes",
  };
  static const char *const languages[] = {
    "Polish", "Urdu", "Romanian", "Punjabi", "Bengali", "Arabic", "Portuguese",
  };
  g_autoptr(HeedPerson) person = heed_person_new ();
  HeedRecord *record = HEED_RECORD (person);
  const char *first =
    spec->female ? PICK_TEXT (d, heed_demo_female_names) : PICK_TEXT (d, heed_demo_male_names);
  const char *last = spec->surname != NULL ? spec->surname : PICK_TEXT (d, heed_demo_surnames);
  g_autofree char *phone = NULL;
  g_autofree char *phone_alt = NULL;
  g_autofree char *email = NULL;
  g_autofree char *nhs_number = NULL;
  GDate birth;

  if (spec->age >= 16)
    {
      const char *title = spec->female ? PICK (d, female_titles)
                                       : chance (d, 0.96) ? "Mr" : "Dr";

      heed_record_set_text (record, HEED_PERSON_TITLE, title);
    }
  heed_record_set_text (record, HEED_PERSON_FIRST_NAME, first);
  heed_record_set_text (record, HEED_PERSON_LAST_NAME, last);
  if (spec->address != NULL)
    {
      heed_record_set_text (record, HEED_PERSON_HOUSE, spec->address->house);
      heed_record_set_text (record, HEED_PERSON_STREET, spec->address->street);
      heed_record_set_text (record, HEED_PERSON_TOWN, spec->address->town);
      heed_record_set_text (record, HEED_PERSON_POSTCODE, spec->address->postcode);
    }

  if (spec->contactable)
    {
      gboolean mobile = chance (d, 0.8);

      phone = mobile ? _heed_demo_make_mobile (d) : _heed_demo_make_landline (d);
      heed_record_set_text (record, HEED_PERSON_PHONE, phone);
      if (chance (d, 0.3))
        {
          phone_alt = mobile ? _heed_demo_make_landline (d) : _heed_demo_make_mobile (d);
          heed_record_set_text (record, HEED_PERSON_PHONE_ALT, phone_alt);
        }
      if (chance (d, 0.55))
        {
          email = make_email (d, first, last);
          heed_record_set_text (record, HEED_PERSON_EMAIL, email);
        }
      if (email != NULL && chance (d, 0.5))
        heed_record_set_text (record, HEED_PERSON_CONTACT_METHOD, "email");
      else if (spec->address != NULL && chance (d, 0.3))
        heed_record_set_text (record, HEED_PERSON_CONTACT_METHOD, "post");
      else
        heed_record_set_text (record, HEED_PERSON_CONTACT_METHOD, mobile ? "mobile" : "phone");
      if (chance (d, 0.5))
        heed_record_set_text (record, HEED_PERSON_CONTACT_TIMES, PICK (d, contact_times));
      heed_record_set_bool (record, HEED_PERSON_ANSWERPHONE_OK, chance (d, 0.75));

      if (chance (d, 0.06))
        {
          static const char *const formats[] = {
            "large-print", "large-print", "easy-read", "bsl-interpreter", "other-language",
          };
          const char *format = PICK (d, formats);

          heed_record_set_text (record, HEED_PERSON_ACCESS_FORMAT, format);
          if (strcmp (format, "other-language") == 0)
            heed_record_set_text (record, HEED_PERSON_LANGUAGE,
                                  d->nation == HEED_NATION_WALES && chance (d, 0.5)
                                  ? "Welsh" : PICK (d, languages));
        }
      else if (chance (d, 0.6))
        heed_record_set_text (record, HEED_PERSON_ACCESS_FORMAT, "standard");
      if (spec->advocate != NULL)
        heed_record_set_text (record, HEED_PERSON_ADVOCATE, spec->advocate);
    }

  if (spec->patient)
    {
      if (chance (d, 0.75))
        {
          nhs_number = make_nhs_number (d);
          heed_record_set_text (record, HEED_PERSON_NHS_NUMBER, nhs_number);
        }
      g_date_clear (&birth, 1);
      g_date_set_julian (&birth, g_date_get_julian (&d->today)
                                   - (guint32) (spec->age * 365 + spec->age / 4)
                                   - (guint32) rnd (d, 0, 364));
      heed_record_set_date (record, HEED_PERSON_DATE_OF_BIRTH, &birth);
    }
  heed_record_set_bool (record, HEED_PERSON_DECEASED, spec->deceased);

  if (!heed_store_save (d->store, record, error))
    return FALSE;
  *id = heed_record_get_id (record);
  return TRUE;
}

/* An adult patient's age, older people being the more frequent visitors. */
static int
adult_age (Demo *d)
{
  double roll = g_rand_double (d->rand);

  if (roll < 0.3)
    return rnd (d, 18, 39);
  if (roll < 0.65)
    return rnd (d, 40, 64);
  return rnd (d, 65, 94);
}

/* Someone complaining for someone else: who they are to each other, why, and the consent that
 * follows from it (DOMAIN.md, "Who may complain"). */
gboolean
_heed_demo_make_behalf_people (Demo    *d,
                               Plan    *p,
                               GError **error)
{
  static const char *const reasons[] = {
    "child", "died", "lacks-capacity", "not-well", "prefers", "other",
  };
  static const guint reason_weights[] = { 20, 10, 20, 20, 25, 5 };
  static const char *const other_reasons[] = {
    "English is not their first language", "In hospital at present",
    "Working abroad for several months",
  };
  static const char *const other_relationships[][3] = {
    /* relationship-other, phrase if a woman, phrase if a man */
    { "Friend", "my friend", "my friend" },
    { "Neighbour", "my neighbour", "my neighbour" },
    { "Brother or sister", "my sister", "my brother" },
    { "Grandchild", "my grandmother", "my grandfather" },
  };
  Address home = { 0 };
  PersonSpec complainant = { 0 };
  PersonSpec affected = { 0 };
  gboolean female = chance (d, 0.55);
  gboolean same_home = FALSE;
  gboolean ok;
  const char *reason = reasons[pick_weighted (d, reason_weights, G_N_ELEMENTS (reasons))];
  const char *rel = NULL;
  const char *relationship;
  const char *surname = PICK_TEXT (d, heed_demo_surnames);
  int age;

  p->behalf_reason = reason;
  complainant.female = chance (d, 0.6);
  complainant.contactable = TRUE;
  complainant.surname = surname;
  affected.female = female;
  affected.patient = TRUE;

  if (strcmp (reason, "child") == 0)
    {
      relationship = "parent-guardian";
      rel = female ? "my daughter" : "my son";
      age = rnd (d, 0, 15);
      p->words.med = PICK_TEXT (d, heed_demo_child_medicines);
      complainant.age = rnd (d, 20, 55);
      same_home = TRUE;
      p->consent_status = "not-needed";
    }
  else if (strcmp (reason, "lacks-capacity") == 0 && chance (d, 0.2))
    {
      /* A grown-up son or daughter with a learning disability. */
      relationship = "parent-guardian";
      rel = female ? "my daughter" : "my son";
      age = rnd (d, 19, 50);
      complainant.age = age + rnd (d, 22, 35);
      same_home = chance (d, 0.7);
      p->consent_status = "cannot-be-given";
    }
  else
    {
      double roll = g_rand_double (d->rand);

      if (roll < 0.4)
        {
          relationship = "spouse-partner";
          rel = female ? (chance (d, 0.8) ? "my wife" : "my partner")
                       : (chance (d, 0.8) ? "my husband" : "my partner");
          complainant.female = !female;
          age = rnd (d, 45, 92);
          complainant.age = age + rnd (d, -6, 6);
          complainant.age = CLAMP (complainant.age, 20, 98);
          same_home = TRUE;
        }
      else if (roll < 0.8 || strcmp (reason, "other") == 0)
        {
          relationship = "child";
          rel = female ? "my mother" : "my father";
          age = rnd (d, 68, 97);
          complainant.age = age - rnd (d, 22, 38);
          same_home = chance (d, 0.2);
        }
      else if (strcmp (reason, "lacks-capacity") == 0 || strcmp (reason, "not-well") == 0)
        {
          relationship = "carer";
          rel = female ? "my aunt" : "my uncle";
          age = rnd (d, 70, 96);
          complainant.age = rnd (d, 30, 65);
          complainant.surname = chance (d, 0.5) ? surname : NULL;
        }
      else
        {
          guint which = (guint) rnd (d, 0, G_N_ELEMENTS (other_relationships) - 1);

          relationship = "other";
          p->relationship_other = other_relationships[which][0];
          rel = other_relationships[which][female ? 1 : 2];
          age = rnd (d, 60, 95);
          complainant.age = which == 3 ? rnd (d, 20, 40) : rnd (d, 30, 75);
          if (which < 2)
            complainant.surname = NULL;
        }

      if (strcmp (reason, "died") == 0)
        {
          affected.deceased = TRUE;
          p->consent_status = "not-needed";
        }
      else if (strcmp (reason, "lacks-capacity") == 0)
        p->consent_status = "cannot-be-given";
      else
        {
          /* Asked for within a few working days, answered (or not) a week or two later. */
          add_working_days (d, &p->received, rnd (d, 1, 3), &p->consent_requested);
          add_working_days (d, &p->consent_requested, rnd (d, 3, 15), &p->consent_answered);
          if (!reached (d, &p->consent_requested))
            {
              g_date_clear (&p->consent_requested, 1);
              g_date_clear (&p->consent_answered, 1);
            }
          else if (!reached (d, &p->consent_answered) || chance (d, 0.06))
            {
              p->consent_status = "requested";
              g_date_clear (&p->consent_answered, 1);
            }
          else
            p->consent_status = chance (d, 0.93) ? "received" : "refused";
        }
      if (strcmp (reason, "other") == 0)
        p->behalf_reason_other = PICK (d, other_reasons);
    }

  p->relationship = relationship;
  set_rel (&p->words, rel, female);
  affected.age = age;
  affected.surname = strcmp (relationship, "carer") == 0 || p->relationship_other != NULL
                     ? NULL : surname;
  if (affected.surname != NULL && strcmp (relationship, "spouse-partner") == 0 && chance (d, 0.15))
    affected.surname = NULL;

  address_init (d, &home);
  complainant.address = &home;
  complainant.patient = chance (d, 0.3);
  ok = save_person (d, &complainant, &p->complainant, error);
  if (ok)
    {
      Address other = { 0 };

      if (!same_home)
        address_init (d, &other);
      affected.address = same_home ? &home : &other;
      ok = save_person (d, &affected, &p->affected, error);
      address_clear (&other);
    }
  address_clear (&home);
  return ok;
}

gboolean
_heed_demo_make_complainant (Demo    *d,
                             Plan    *p,
                             GError **error)
{
  static const char *const advocates[] = {
    "Jo Example, Exampleshire Independent Complaints Advocacy",
    "Sam Sample, Exampleshire Independent Complaints Advocacy",
    "Alex Specimen, Exampleshire Independent Complaints Advocacy",
  };
  PersonSpec spec = { 0 };
  Address home = { 0 };
  gboolean simple = strcmp (p->kind, "compliment") == 0 || strcmp (p->kind, "comment") == 0;
  gboolean ok;

  /* Some people come back with something new. */
  if (!simple && d->n_recent > 8 && chance (d, 0.05))
    {
      guint n = MIN (d->n_recent, G_N_ELEMENTS (d->recent));

      p->complainant = d->recent[rnd (d, 0, (int) n - 1)];
      p->reused_complainant = TRUE;
      return TRUE;
    }

  spec.female = chance (d, 0.58);
  spec.age = adult_age (d);
  spec.patient = TRUE;
  spec.contactable = !simple || chance (d, 0.6);
  if (!simple || chance (d, 0.5))
    {
      address_init (d, &home);
      spec.address = &home;
    }
  if (strcmp (p->channel, "advocate") == 0)
    spec.advocate = PICK (d, advocates);
  ok = save_person (d, &spec, &p->complainant, error);
  address_clear (&home);
  if (ok && !simple)
    d->recent[d->n_recent++ % G_N_ELEMENTS (d->recent)] = p->complainant;
  return ok;
}

