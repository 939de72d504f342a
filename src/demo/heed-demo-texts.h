/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The demo practice's texts: its stories, findings, lessons, names, places and staff.
 * Fictional case content, not interface, so not translated. Private to the demo library. */

#include <glib.h>

G_BEGIN_DECLS

/* Placeholders in {braces} are filled in per case; a capital first letter ({Rel}) capitalises
 * what goes in.  {rel} is the person affected as the complainant calls them ("my mother"), with
 * {rels}, {they}, {them} and {their} to match. */

enum {
  FOR_GP = 1 << 0,
  FOR_DENTAL = 1 << 1,
  FOR_BOTH = FOR_GP | FOR_DENTAL,
  /* Who tells it: the person affected ("I"), someone on behalf of {rel}, or either. */
  BY_SELF = 1 << 2,
  BY_REL = 1 << 3,
  BY_ANY = 1 << 4,
  /* {rel} must be an adult; {rel} has died. */
  REL_ADULT = 1 << 5,
  REL_DIED = 1 << 6,
};

typedef struct {
  const char *subject;
  const char *staff_group;
  guint       flags;
  guint       severity;  /* 0 low, 1 medium, 2 high */
  guint       weight;    /* 1 to 3: how often it comes up */
  const char *summary;
  const char *description;
} Story;

/* What the practice found and learned, by subject. */
typedef struct {
  const char *subject;
  const char *upheld;
  const char *not_upheld;
  const char *lesson;
  const char *you_said;
  const char *we_did;
  const char *action;
  const char *standard;
  const char *monitoring;
  const char *impact;
} Learning;

typedef struct {
  const char *measure;
  const char *detail;
  const char *reason;
} RestrictionText;

/* The practice's staff, with their roles in a GP and in a dental practice. */
typedef struct {
  const char *name;
  const char *known_as;  /* how patients refer to them */
  const char *gp_role;
  const char *gp_group;
  const char *dental_role;
  const char *dental_group;
  gboolean    active;
} StaffSeed;

enum {
  STAFF_HART,       /* responsible person */
  STAFF_PATEL,
  STAFF_OCONNOR,
  STAFF_OKAFOR,
  STAFF_LANG,       /* has left */
  STAFF_WHITMORE,   /* complaints manager */
  STAFF_LAWSON,
  STAFF_JENKINS,
  STAFF_BRENNAN,
  STAFF_RAHMAN,
  STAFF_PRICE,
  STAFF_FLETCHER,
  STAFF_ADAMS,
  STAFF_CARTER,
  STAFF_MORGAN,
  N_STAFF
};

/* A made-up town, with a postcode area that no real town uses. */
typedef struct {
  const char *town;
  const char *area;
} DemoTown;

extern const Story heed_demo_stories[];
extern const guint heed_demo_stories_n;
extern const Story heed_demo_compliments[];
extern const guint heed_demo_compliments_n;
extern const Story heed_demo_comments[];
extern const guint heed_demo_comments_n;
extern const Learning heed_demo_learnings[];
extern const guint heed_demo_learnings_n;
extern const char *const heed_demo_generic_upheld[];
extern const guint heed_demo_generic_upheld_n;
extern const char *const heed_demo_generic_not_upheld[];
extern const guint heed_demo_generic_not_upheld_n;
extern const char *const heed_demo_partly_findings[];
extern const guint heed_demo_partly_findings_n;
extern const char *const heed_demo_element_responses[];
extern const guint heed_demo_element_responses_n;
extern const char *const heed_demo_outcomes_wanted[];
extern const guint heed_demo_outcomes_wanted_n;
extern const char *const heed_demo_outcome_notes[];
extern const guint heed_demo_outcome_notes_n;
extern const char *const heed_demo_how_affected[];
extern const guint heed_demo_how_affected_n;
extern const char *const heed_demo_late_reasons[];
extern const guint heed_demo_late_reasons_n;
extern const char *const heed_demo_withdrawal_reasons[];
extern const guint heed_demo_withdrawal_reasons_n;
extern const char *const heed_demo_out_of_scope_reasons[];
extern const guint heed_demo_out_of_scope_reasons_n;
extern const char *const heed_demo_safeguarding_notes[];
extern const guint heed_demo_safeguarding_notes_n;
extern const char *const heed_demo_needs[];
extern const guint heed_demo_needs_n;
extern const char *const heed_demo_update_arrangements[];
extern const guint heed_demo_update_arrangements_n;
extern const char *const heed_demo_plans[];
extern const guint heed_demo_plans_n;
extern const char *const heed_demo_survey_comments[];
extern const guint heed_demo_survey_comments_n;
extern const char *const heed_demo_ombudsman_recommendations[];
extern const guint heed_demo_ombudsman_recommendations_n;
extern const RestrictionText heed_demo_restriction_texts[];
extern const guint heed_demo_restriction_texts_n;
extern const char *const heed_demo_conditions[];
extern const guint heed_demo_conditions_n;
extern const char *const heed_demo_medicines[];
extern const guint heed_demo_medicines_n;
extern const char *const heed_demo_child_medicines[];
extern const guint heed_demo_child_medicines_n;
extern const char *const heed_demo_tests[];
extern const guint heed_demo_tests_n;
extern const char *const heed_demo_teeth[];
extern const guint heed_demo_teeth_n;
extern const char *const heed_demo_treatments[];
extern const guint heed_demo_treatments_n;
extern const char *const heed_demo_weekdays[];
extern const guint heed_demo_weekdays_n;
extern const char *const heed_demo_clock_times[];
extern const guint heed_demo_clock_times_n;
extern const char *const heed_demo_fees[];
extern const guint heed_demo_fees_n;
extern const char *const heed_demo_hospitals[];
extern const guint heed_demo_hospitals_n;
extern const char *const heed_demo_female_names[];
extern const guint heed_demo_female_names_n;
extern const char *const heed_demo_male_names[];
extern const guint heed_demo_male_names_n;
extern const char *const heed_demo_surnames[];
extern const guint heed_demo_surnames_n;
extern const char *const heed_demo_streets[];
extern const guint heed_demo_streets_n;
extern const char *const heed_demo_house_names[];
extern const guint heed_demo_house_names_n;
extern const DemoTown heed_demo_towns[];
extern const guint heed_demo_towns_n;
extern const StaffSeed heed_demo_staff_seeds[N_STAFF];
extern const guint heed_demo_staff_seeds_n;

/* A random entry of one of the tables above. */
#define PICK_TEXT(d, table) ((table)[g_rand_int_range ((d)->rand, 0, (gint32) table##_n)])

G_END_DECLS
