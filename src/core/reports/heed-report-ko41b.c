/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-person.h"
#include "heed-report-figures-private.h"

/* KO41(b) */

typedef struct {
  HeedReportFigures *self;
  HeedStore         *store;
  GDate              from;
  GDate              to;
  GHashTable        *aspects;
  gint64             brought_forward;
  gint64             received;
  gint64             outcomes[4];
  gint64             carried_forward;
  CategoryCounts     ages;
  CategoryCounts     statuses;
  CategoryCounts     subjects;
  CategoryCounts     staff_groups;
  GPtrArray         *age_bands;  /* "code\tmin\tmax" */
} Ko41b;

static GPtrArray *
load_age_bands (HeedStore  *store,
                int         year,
                GError    **error)
{
  g_autoptr(GPtrArray) bands = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stored = heed_store_list_age_bands (store, year, error);

  if (stored == NULL)
    return NULL;
  for (guint i = 0; i < stored->len; i++)
    {
      const HeedFiguresAgeBand *band = g_ptr_array_index (stored, i);

      g_ptr_array_add (bands, g_strdup_printf ("%s\t%d\t%d", band->code, band->min_age,
                                               band->max_age));
    }
  return g_steal_pointer (&bands);
}

static int
age_on (const GDate *birth,
        const GDate *date)
{
  int age = (int) g_date_get_year (date) - (int) g_date_get_year (birth);

  if (g_date_get_month (date) < g_date_get_month (birth)
      || (g_date_get_month (date) == g_date_get_month (birth)
          && g_date_get_day (date) < g_date_get_day (birth)))
    age--;
  return age;
}

static const char *
age_band_for (Ko41b           *k,
              const CaseFacts *c,
              char            *code,
              gsize            size)
{
  int age;

  if (!g_date_valid (&c->birth) || g_date_compare (&c->birth, &c->received) > 0)
    return "unknown";
  age = age_on (&c->birth, &c->received);
  for (guint i = 0; i < k->age_bands->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (k->age_bands, i), "\t", 3);

      if (age >= (int) g_ascii_strtoll (parts[1], NULL, 10)
          && age <= (int) g_ascii_strtoll (parts[2], NULL, 10))
        {
          g_strlcpy (code, parts[0], size);
          return code;
        }
    }
  return "unknown";
}

static void
ko41b_count_case (gpointer               data,
                  const HeedFiguresCase *row,
                  const CaseFacts       *c)
{
  Ko41b *k = data;
  GDate day_before = k->from;

  /* Written complaints under the regulations only: not an oral complaint resolved by the next
   * working day, nor one found to be out of scope (an employment matter, say), nor one about
   * private care (the return counts NHS care). */
  if (!c->statutory || heed_case_status_from_id (c->status) == HEED_STATUS_OUT_OF_SCOPE
      || c->private_care)
    return;
  g_date_subtract_days (&day_before, 1);
  if (_heed_report_open_on (c, &day_before))
    k->brought_forward++;
  if (_heed_report_in_range (&c->received, &k->from, &k->to))
    {
      char band[64];
      GPtrArray *list = g_hash_table_lookup (k->aspects, &c->id);

      k->received++;
      _heed_report_category_counts_add (&k->ages, 0, age_band_for (k, c, band, sizeof band));
      _heed_report_category_counts_add (&k->statuses, 0,
                                        row->on_behalf ? "on-behalf" : "patient");
      if (list == NULL || list->len == 0)
        {
          _heed_report_category_counts_add (&k->subjects, 0, row->subject);
          _heed_report_category_counts_add (&k->staff_groups, 0, NULL);
        }
      else
        for (guint i = 0; i < list->len; i++)
          {
            Aspect *aspect = g_ptr_array_index (list, i);

            _heed_report_category_counts_add (&k->subjects, 0, aspect->subject);
            _heed_report_category_counts_add (&k->staff_groups, 0, aspect->staff_group);
          }
    }
  if (_heed_report_in_range (&c->ended, &k->from, &k->to))
    {
      int outcome = _heed_report_index_of (_heed_report_outcome_ids,
                                           G_N_ELEMENTS (_heed_report_outcome_ids), c->outcome);

      k->outcomes[outcome >= 0 ? outcome : 3]++;
    }
}

HeedReportFigures *
heed_report_figures_compute_ko41b (HeedStore    *store,
                                   const GDate  *from,
                                   const GDate  *to,
                                   GError      **error)
{
  g_autoptr(HeedReportFigures) self = NULL;
  g_autoptr(GHashTable) aspects = NULL;
  g_autoptr(GPtrArray) bands = NULL;
  HeedReportTable *t;
  Ko41b k = { 0 };
  GDate day_before;
  int year;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_heed_report_check_period (from, to, error))
    return NULL;
  /* NHS England's return: the other nations collect complaints figures their own way. */
  if (heed_store_get_nation (store) != HEED_NATION_ENGLAND)
    {
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_NOT_ENGLAND,
                   _("The KO41(b) return is for practices in England; %s collects complaints "
                     "figures in its own way. Use the annual report instead."),
                   heed_nation_get_name (heed_store_get_nation (store)));
      return NULL;
    }
  self = _heed_report_figures_new (store, HEED_REPORT_KO41B, from, to);
  /* The return is sent to NHS England as it is: exact numbers, never "fewer than 5". */
  self->suppress_small = FALSE;
  year = _heed_report_financial_year_of (from);

  aspects = _heed_report_load_aspects (store, from, to, error);
  bands = aspects != NULL ? load_age_bands (store, year, error) : NULL;
  if (bands == NULL)
    return NULL;

  k.self = self;
  k.store = store;
  day_before = *from;
  k.from = *from;
  k.to = *to;
  k.aspects = aspects;
  k.age_bands = bands;
  _heed_report_category_counts_init (&k.ages, store, "age-band", year);
  _heed_report_category_counts_init (&k.statuses, store, "complainant-status", year);
  _heed_report_category_counts_init (&k.subjects, store, "subject", year);
  _heed_report_category_counts_init (&k.staff_groups, store, "staff-group", year);

  /* From the day before, to know what was brought forward. */
  g_date_subtract_days (&day_before, 1);
  if (!_heed_report_scan_cases (store, &day_before, to, ko41b_count_case, &k, error))
    {
      _heed_report_category_counts_clear (&k.ages);
      _heed_report_category_counts_clear (&k.statuses);
      _heed_report_category_counts_clear (&k.subjects);
      _heed_report_category_counts_clear (&k.staff_groups);
      return NULL;
    }

  t = _heed_report_table_new (self, "summary", _("1. Summary"), _("Written complaints"),
                              HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "count", _("Number"), HEED_REPORT_VALUE_COUNT);
  _heed_report_add_single_row (t, "brought-forward",
                               _("Brought forward"), (double) k.brought_forward);
  _heed_report_add_single_row (t, "new", _("New"), (double) k.received);
  _heed_report_add_single_row (t, "upheld", _("Resolved: upheld"), (double) k.outcomes[0]);
  _heed_report_add_single_row (t, "partly-upheld",
                               _("Resolved: partially upheld"), (double) k.outcomes[1]);
  _heed_report_add_single_row (t, "not-upheld", _("Resolved: not upheld"), (double) k.outcomes[2]);
  _heed_report_add_single_row (t, "resolved", _("Total resolved"),
                               (double) (k.outcomes[0] + k.outcomes[1] + k.outcomes[2]));
  /* As the form works it out (DOMAIN.md, "The NHS KO41(b) return"). */
  k.carried_forward = k.brought_forward + k.received
                      - (k.outcomes[0] + k.outcomes[1] + k.outcomes[2]);
  _heed_report_add_single_row (t, "carried-forward",
                               _("Carried forward"), (double) k.carried_forward);
  _heed_report_add_single_row (t, "withdrawn",
                               _("Withdrawn or closed without a finding (not on the form)"),
                                  (double) k.outcomes[3]);
  t->note = g_strdup (_("Carried forward = brought forward + new − total resolved, as the form "
                        "works it out. The form has no row for withdrawn complaints: one "
                        "withdrawn in the period is not resolved, so it stays in the carried "
                        "forward figure, and is not brought forward next year as it is no "
                        "longer open. Oral complaints resolved by the next working day, "
                        "complaints out of scope and complaints about private care are not "
                        "counted."));
  {
    g_autofree char *type = heed_store_dup_setting (store, "practice-type");

    self->ko41b_dental = g_strcmp0 (type, "dental") == 0;
  }

  _heed_report_category_table (self, store, &k.ages, "age-band", "age", _("2. Age of patient"),
                               _("Age"), 1, TRUE);
  _heed_report_category_table (self, store, &k.statuses, "complainant-status", "complainant-status",
                               _("3. Status of complainant"), _("Complainant"), 1, TRUE);
  t = _heed_report_category_table (self, store, &k.subjects, "subject", "subject-area",
                                   _("4. Subject area"), _("Subject"), 1, TRUE);
  t->note = g_strdup (_("Each aspect of a complaint counted, so the total can exceed new "
                        "complaints."));
  t = _heed_report_category_table (self, store, &k.staff_groups, "staff-group", "staff-group",
                                   _("5. Staff group"), _("Staff group"), 1, TRUE);
  t->note = g_strdup (_("Each aspect of a complaint counted."));

  _heed_report_category_counts_clear (&k.ages);
  _heed_report_category_counts_clear (&k.statuses);
  _heed_report_category_counts_clear (&k.subjects);
  _heed_report_category_counts_clear (&k.staff_groups);
  return g_steal_pointer (&self);
}
