/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "heed-csv.h"
#include "heed-report-figures-private.h"
#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-choice.h"
#include "heed-person.h"
#include "heed-safe-output.h"
#include "heed-staff.h"
#include "heed-store-duties.h"
#include "heed-store-figures.h"
#include "heed-validate.h"

G_DEFINE_QUARK (heed-report-error-quark, heed_report_error)

/* Seed 004's "I" statements, twelve of them, one or more from each stage of the journey. */
static const char *const survey_statements[] = {
  N_("I knew I had a right to complain"),
  N_("I was made aware of how to complain"),
  N_("I understood that I could be supported to make a complaint"),
  N_("I felt that making my complaint was simple"),
  N_("I was able to communicate my concerns in the way that I wanted"),
  N_("I knew that my concerns were taken seriously the very first time I raised them"),
  N_("I always knew what was happening in my case"),
  N_("I felt that responses were personal to me and the specific nature of my complaint"),
  N_("I received a resolution in a time period that was relevant to my case"),
  N_("I felt that the outcomes I received directly addressed my complaint"),
  N_("I felt that my complaint had been handled fairly"),
  N_("I would complain again, if I felt I needed to"),
};

#define N_STATEMENTS G_N_ELEMENTS (survey_statements)

G_DEFINE_FINAL_TYPE (HeedReportFigures, heed_report_figures, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUPPRESS_SMALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tables */

static void
report_table_free (HeedReportTable *table)
{
  g_free (table->id);
  g_free (table->title);
  g_free (table->note);
  g_free (table->row_heading);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->row_ids);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->column_ids);
  g_clear_pointer (&table->short_columns, g_ptr_array_unref);
  g_array_unref (table->kinds);
  g_array_unref (table->cells);
  g_free (table);
}

HeedReportTable *
_heed_report_table_new (HeedReportFigures *self,
                        const char        *id,
                        const char        *title,
                        const char        *row_heading,
                        HeedReportChart    chart)
{
  HeedReportTable *table = g_new0 (HeedReportTable, 1);

  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->row_heading = g_strdup (row_heading);
  table->rows = g_ptr_array_new_with_free_func (g_free);
  table->row_ids = g_ptr_array_new_with_free_func (g_free);
  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->column_ids = g_ptr_array_new_with_free_func (g_free);
  table->kinds = g_array_new (FALSE, TRUE, sizeof (HeedReportValueKind));
  table->cells = g_array_new (FALSE, TRUE, sizeof (HeedReportCell));
  table->chart = chart;
  g_ptr_array_add (self->tables, table);
  return table;
}

void
_heed_report_table_add_column (HeedReportTable     *table,
                               const char          *id,
                               const char          *label,
                               HeedReportValueKind  kind)
{
  g_assert (table->rows->len == 0);
  g_ptr_array_add (table->column_ids, g_strdup (id));
  g_ptr_array_add (table->columns, g_strdup (label));
  g_array_append_val (table->kinds, kind);
  table->chart_columns = (int) table->columns->len;
}

/* Adds a row of unknown cells and returns its index. */
static guint
table_add_row (HeedReportTable *table,
               const char      *id,
               const char      *label)
{
  g_ptr_array_add (table->row_ids, g_strdup (id));
  g_ptr_array_add (table->rows, g_strdup (label));
  g_array_set_size (table->cells, table->rows->len * table->columns->len);
  return table->rows->len - 1;
}

static void
table_set (HeedReportTable *table,
           guint            row,
           guint            column,
           double           value)
{
  HeedReportCell *cell;

  g_assert (row < table->rows->len && column < table->columns->len);
  cell = &g_array_index (table->cells, HeedReportCell, row * table->columns->len + column);
  cell->value = value;
  cell->known = TRUE;
}

/* A percentage or average is unknown when there was nothing to work it out from. */
static void
table_set_ratio (HeedReportTable *table,
                 guint            row,
                 guint            column,
                 double           numerator,
                 double           denominator,
                 double           scale)
{
  if (denominator > 0)
    table_set (table, row, column, scale * numerator / denominator);
}

const HeedReportCell *
heed_report_table_get_cell (const HeedReportTable *table,
                            guint                  row,
                            guint                  column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len && column < table->columns->len, NULL);

  return &g_array_index (table->cells, HeedReportCell, row * table->columns->len + column);
}

static int
find_string (GPtrArray  *array,
             const char *id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), id) == 0)
      return (int) i;
  return -1;
}

int
heed_report_table_find_row (const HeedReportTable *table,
                            const char            *row_id)
{
  g_return_val_if_fail (table != NULL, -1);
  return find_string (table->row_ids, row_id);
}

int
heed_report_table_find_column (const HeedReportTable *table,
                               const char            *column_id)
{
  g_return_val_if_fail (table != NULL, -1);
  return find_string (table->column_ids, column_id);
}

static void
report_item_free (HeedReportItem *item)
{
  g_free (item->heading);
  g_free (item->text);
  g_free (item->detail);
  g_free (item->measure);
  g_free (item);
}

static void
add_item (HeedReportFigures  *self,
          HeedReportItemList  list,
          const char         *heading,
          const char         *text,
          char               *detail)
{
  HeedReportItem *item = g_new0 (HeedReportItem, 1);

  item->heading = g_strdup (heading);
  item->text = g_strdup (text);
  item->detail = detail;
  g_ptr_array_add (self->items[list], item);
}

/* GObject */

static void
heed_report_figures_finalize (GObject *object)
{
  HeedReportFigures *self = HEED_REPORT_FIGURES (object);

  g_free (self->practice);
  g_free (self->trail_head);
  g_ptr_array_unref (self->tables);
  for (guint i = 0; i < HEED_REPORT_N_ITEM_LISTS; i++)
    g_ptr_array_unref (self->items[i]);
  g_clear_pointer (&self->log, g_ptr_array_unref);
  g_free (self->general_importance);
  G_OBJECT_CLASS (heed_report_figures_parent_class)->finalize (object);
}

static void
heed_report_figures_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeedReportFigures *self = HEED_REPORT_FIGURES (object);

  switch (prop_id)
    {
    case PROP_SUPPRESS_SMALL:
      g_value_set_boolean (value, self->suppress_small);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_report_figures_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeedReportFigures *self = HEED_REPORT_FIGURES (object);

  switch (prop_id)
    {
    case PROP_SUPPRESS_SMALL:
      heed_report_figures_set_suppress_small (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
heed_report_figures_class_init (HeedReportFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heed_report_figures_finalize;
  object_class->get_property = heed_report_figures_get_property;
  object_class->set_property = heed_report_figures_set_property;

  /* Counts of 1 to 4 are shown as "fewer than 5", so that no one can be picked out. */
  properties[PROP_SUPPRESS_SMALL] =
    g_param_spec_boolean ("suppress-small", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
heed_report_figures_init (HeedReportFigures *self)
{
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) report_table_free);
  for (guint i = 0; i < HEED_REPORT_N_ITEM_LISTS; i++)
    self->items[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) report_item_free);
  self->suppress_small = TRUE;
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  g_date_clear (&self->previous_from, 1);
  g_date_clear (&self->previous_to, 1);
}

/* Dates */

/* The date part of a stored date or date-time. */
void
_heed_report_set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

gboolean
_heed_report_parse_day (const char *text,
                        GDate      *date)
{
  char day[11];

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) < 10)
    return FALSE;
  memcpy (day, text, 10);
  day[10] = '\0';
  return heed_date_from_iso (day, date);
}

gboolean
_heed_report_in_range (const GDate *date,
                       const GDate *from,
                       const GDate *to)
{
  return g_date_valid (date) && g_date_compare (date, from) >= 0 && g_date_compare (date, to) <= 0;
}

static gboolean
is_whole_months (const GDate *from,
                 const GDate *to)
{
  return g_date_get_day (from) == 1 && g_date_is_last_of_month (to);
}

static int
months_between (const GDate *from,
                const GDate *date)
{
  return ((int) g_date_get_year (date) - (int) g_date_get_year (from)) * 12
         + (int) g_date_get_month (date) - (int) g_date_get_month (from);
}

/* The period of the same length just before: the previous financial year for a financial
 * year, the same number of whole months for whole months, else the same number of days. */
static void
previous_period (const GDate *from,
                 const GDate *to,
                 GDate       *previous_from,
                 GDate       *previous_to)
{
  *previous_to = *from;
  g_date_subtract_days (previous_to, 1);
  *previous_from = *from;
  if (is_whole_months (from, to))
    g_date_subtract_months (previous_from, (guint) months_between (from, to) + 1);
  else
    g_date_subtract_days (previous_from, (guint) (g_date_days_between (from, to) + 1));
}

gboolean
_heed_report_check_period (const GDate  *from,
                           const GDate  *to,
                           GError      **error)
{
  if (from == NULL || to == NULL || !g_date_valid (from) || !g_date_valid (to))
    {
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID,
                   _("A report needs a first and a last day."));
      return FALSE;
    }
  if (g_date_compare (from, to) > 0)
    {
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID,
                   _("The report’s first day is after its last day."));
      return FALSE;
    }
  if (g_date_days_between (from, to) > 366 * 10)
    {
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID,
                   _("A report can cover at most ten years."));
      return FALSE;
    }
  return TRUE;
}

int
_heed_report_financial_year_of (const GDate *date)
{
  int year = (int) g_date_get_year (date);

  return g_date_get_month (date) >= G_DATE_APRIL ? year : year - 1;
}

/* The cases */

static void
read_case (const HeedFiguresCase *row,
           CaseFacts             *c)
{
  GDate closed;

  memset (c, 0, sizeof *c);
  c->id = row->id;
  c->kind = row->kind;
  c->channel = row->channel;
  c->status = row->status;
  c->track = row->track;
  c->outcome = row->outcome;
  c->oral_resolved = row->oral_resolved;
  c->statutory = heed_case_kind_from_id (c->kind) == HEED_KIND_COMPLAINT && !c->oral_resolved;
  c->private_care = g_strcmp0 (row->care, "private") == 0;
  _heed_report_parse_day (row->received_at, &c->received);
  _heed_report_parse_day (row->responded_on, &c->responded);
  _heed_report_parse_day (row->closed_on, &closed);
  _heed_report_parse_day (row->date_of_birth, &c->birth);

  c->ended = g_date_valid (&c->responded) ? c->responded : closed;
  /* A case withdrawn or found out of scope with no date ended, as far as we know, on receipt. */
  if (!g_date_valid (&c->ended)
      && !heed_case_status_is_open (c->status))
    c->ended = c->received;

  c->facts.kind = c->kind;
  c->facts.status = c->status;
  c->facts.track = c->track;
  c->facts.received = row->received_at;
  c->facts.acknowledged_on = row->acknowledged_on;
  c->facts.agreed_response_date = row->agreed_response_date;
  c->facts.responded_on = row->responded_on;
  c->facts.closed_on = row->closed_on;
  c->facts.stage2_on = row->stage2_on;
  c->facts.extended = row->extended;
  c->facts.oral_resolved = c->oral_resolved;
}

gboolean
_heed_report_open_on (const CaseFacts *c,
                      const GDate     *date)
{
  return g_date_compare (&c->received, date) <= 0
         && (!g_date_valid (&c->ended) || g_date_compare (&c->ended, date) > 0);
}

static void
aspect_free (Aspect *aspect)
{
  g_free (aspect->subject);
  g_free (aspect->staff_group);
  g_free (aspect);
}

GHashTable *
_heed_report_load_aspects (HeedStore    *store,
                           const GDate  *from,
                           const GDate  *to,
                           GError      **error)
{
  g_autoptr(GHashTable) aspects = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *start = heed_format_date_iso (from);
  g_autofree char *end = NULL;
  GDate after = *to;

  g_date_add_days (&after, 1);
  end = heed_format_date_iso (&after);
  aspects = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  rows = heed_store_list_complaint_aspects (store, start, end, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      HeedFiguresAspect *row = g_ptr_array_index (rows, i);
      gint64 case_id = row->case_id;
      GPtrArray *list = g_hash_table_lookup (aspects, &case_id);
      Aspect *aspect = g_new0 (Aspect, 1);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) aspect_free);
          g_hash_table_insert (aspects, g_memdup2 (&case_id, sizeof case_id), list);
        }
      aspect->subject = g_steal_pointer (&row->subject);
      aspect->staff_group = g_steal_pointer (&row->staff_group);
      g_ptr_array_add (list, aspect);
    }
  return g_steal_pointer (&aspects);
}

void
_heed_report_category_counts_init (CategoryCounts *counts,
                                   HeedStore      *store,
                                   const char     *scheme,
                                   int             year)
{
  counts->codes = heed_store_list_categories (store, scheme, year);
  for (guint i = 0; i < 2; i++)
    counts->counts[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_heed_report_category_counts_clear (CategoryCounts *counts)
{
  g_clear_pointer (&counts->codes, g_ptr_array_unref);
  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&counts->counts[i], g_hash_table_unref);
}

void
_heed_report_category_counts_add (CategoryCounts *counts,
                                  guint           period,
                                  const char     *code)
{
  gpointer value;

  if (code == NULL || code[0] == '\0')
    code = "other";
  if (find_string (counts->codes, code) < 0)
    g_ptr_array_add (counts->codes, g_strdup (code));
  value = g_hash_table_lookup (counts->counts[period], code);
  g_hash_table_replace (counts->counts[period], g_strdup (code),
                        GINT_TO_POINTER (GPOINTER_TO_INT (value) + 1));
}

static gint64
category_counts_get (CategoryCounts *counts,
                     guint           period,
                     const char     *code)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (counts->counts[period], code));
}

/* A table of the categories; @all_rows FALSE leaves out those with nothing in either period. */
HeedReportTable *
_heed_report_category_table (HeedReportFigures *self,
                             HeedStore         *store,
                             CategoryCounts    *counts,
                             const char        *scheme,
                             const char        *id,
                             const char        *title,
                             const char        *row_heading,
                             guint              n_periods,
                             gboolean           all_rows)
{
  HeedReportTable *table =
    _heed_report_table_new (self, id, title, row_heading, HEED_REPORT_CHART_BAR);

  _heed_report_table_add_column (table, "this-period", _("This period"), HEED_REPORT_VALUE_COUNT);
  if (n_periods > 1)
    _heed_report_table_add_column (table, "previous-period",
                                   _("Previous period"), HEED_REPORT_VALUE_COUNT);
  for (guint i = 0; i < counts->codes->len; i++)
    {
      const char *code = g_ptr_array_index (counts->codes, i);
      g_autofree char *label = heed_store_dup_category_label (store, scheme, code);
      gint64 now = category_counts_get (counts, 0, code);
      gint64 before = n_periods > 1 ? category_counts_get (counts, 1, code) : 0;
      guint row;

      if (!all_rows && now == 0 && before == 0)
        continue;
      row = table_add_row (table, code, label != NULL ? label : code);
      table_set (table, row, 0, (double) now);
      if (n_periods > 1)
        table_set (table, row, 1, (double) before);
    }
  return table;
}

/* The annual report */

typedef struct {
  HeedReportFigures *self;
  HeedStore         *store;
  HeedCalendar      *calendar;
  GDate              today;
  GDate              from[2];
  GDate              to[2];
  int                n_months;
  GHashTable        *aspects;

  gint64             kinds[2][5];  /* complaint, concern, comment, compliment, oral resolved */
  gint64             channels[2][MAX_CHANNELS];
  gint64             outcomes[2][4];  /* upheld, partly, not upheld, ended without a finding */
  gint64            *months[2];
  gint64             ombudsman_referred;
  gint64             ombudsman_accepted;
  gint64             ombudsman_decisions[3];
  gint64             ombudsman_complied[4];  /* complied, partly, not, pending */
  gint64             acknowledged[2];        /* within, of */
  gint64             responded[2];
  gint64             resolved_stage1[2];
  gint64             track_count[2];
  gint64             track_days[2];
  gint64             open_at_end[2];         /* complaints, concerns */
  gint64             open_six_months;
  gint64             general_importance;
  gint64             care[2][2];             /* complaints received: NHS, private */
  gint64             remedies[2][4];         /* apology, explanation, action, redress */
  gint64             redress_total[2];       /* pence */
  GPtrArray         *pending;                /* LogPending*: the CQC log, to complete */
  CategoryCounts     subjects;
  CategoryCounts     staff_groups;
} Annual;

static const char *const kind_ids[] = { "complaint", "concern", "comment", "compliment" };
const char *const _heed_report_outcome_ids[3] = { "upheld", "partly-upheld", "not-upheld" };
static const char *const complied_ids[] = { "complied", "partly-complied", "not-complied",
                                            "pending" };

int
_heed_report_index_of (const char *const *ids,
                       guint              n_ids,
                       const char        *id)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return (int) i;
  return -1;
}

static void
count_aspects (Annual          *a,
               guint            period,
               const CaseFacts *c,
               const char      *case_subject)
{
  GPtrArray *list = g_hash_table_lookup (a->aspects, &c->id);

  if (list == NULL || list->len == 0)
    {
      /* A complaint not yet split into its aspects counts once, under its own subject. */
      _heed_report_category_counts_add (&a->subjects, period, case_subject);
      _heed_report_category_counts_add (&a->staff_groups, period, NULL);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      Aspect *aspect = g_ptr_array_index (list, i);

      _heed_report_category_counts_add (&a->subjects, period, aspect->subject);
      _heed_report_category_counts_add (&a->staff_groups, period, aspect->staff_group);
    }
}

static void
count_deadlines (Annual          *a,
                 const CaseFacts *c)
{
  g_autoptr(GArray) deadlines = heed_deadlines_compute (a->calendar, &c->facts, &a->today);
  gboolean responded_in_period = _heed_report_in_range (&c->responded, &a->from[0], &a->to[0]);

  for (guint i = 0; i < deadlines->len; i++)
    {
      const HeedDeadline *d = &g_array_index (deadlines, HeedDeadline, i);
      gint64 *tally = NULL;

      if (d->kind == HEED_DEADLINE_ACKNOWLEDGE
          && _heed_report_in_range (&c->received, &a->from[0], &a->to[0]))
        tally = a->acknowledged;
      else if (d->kind == HEED_DEADLINE_RESPOND && responded_in_period)
        tally = a->responded;
      else if (d->kind == HEED_DEADLINE_RESOLVE
               && _heed_report_in_range (&c->received, &a->from[0], &a->to[0]))
        tally = a->resolved_stage1;
      if (tally == NULL)
        continue;
      /* Only deadlines already decided count: met, met late, or passed without it. */
      if (d->state == HEED_DEADLINE_MET)
        tally[0]++;
      if (d->state == HEED_DEADLINE_MET || d->state == HEED_DEADLINE_MISSED
          || d->state == HEED_DEADLINE_OVERDUE)
        tally[1]++;
    }
}

static char *
dup_date_detail (gboolean     done,
                 const GDate *date)
{
  g_autofree char *text = heed_format_date_long (date);

  /* TRANSLATORS: %s is a date such as "3 June 2025" */
  return done ? g_strdup_printf (_("Done %s"), text) : g_strdup_printf (_("Due %s"), text);
}

/* A complaint of the period for the CQC log, as the scan reads it; completed from its parts
 * and actions afterwards. */
typedef struct {
  gint64  id;
  GDate   received;
  GDate   responded;
  char   *subject;
  char   *track;
  char   *outcome;
  char   *lessons;
  int     in_time;
  gboolean approved;
} LogPending;

static void
log_pending_free (gpointer data)
{
  LogPending *p = data;

  g_free (p->subject);
  g_free (p->track);
  g_free (p->outcome);
  g_free (p->lessons);
  g_free (p);
}

static void
log_line_free (gpointer data)
{
  HeedReportLogLine *line = data;

  g_free (line->subject);
  g_free (line->track);
  g_free (line->outcome);
  g_free (line->learning);
  g_free (line->actions);
  g_free (line);
}

/* Within the timescale: the response (or a stage 1 resolution) met its deadline. */
static int
log_in_time (Annual          *a,
             const CaseFacts *c)
{
  g_autoptr(GArray) deadlines = heed_deadlines_compute (a->calendar, &c->facts, &a->today);
  int verdict = -1;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const HeedDeadline *d = &g_array_index (deadlines, HeedDeadline, i);

      if (d->kind != HEED_DEADLINE_RESPOND && d->kind != HEED_DEADLINE_RESOLVE)
        continue;
      if (d->kind == HEED_DEADLINE_RESOLVE && !g_date_valid (&d->done))
        continue;
      if (d->state == HEED_DEADLINE_MET)
        verdict = verdict == 0 ? 0 : 1;
      else if (d->state == HEED_DEADLINE_MISSED || d->state == HEED_DEADLINE_OVERDUE)
        verdict = 0;
    }
  return verdict;
}

static void
log_add (Annual                *a,
         const HeedFiguresCase *row,
         const CaseFacts       *c)
{
  LogPending *p = g_new0 (LogPending, 1);

  p->id = c->id;
  p->received = c->received;
  p->responded = c->responded;
  p->subject = g_strdup (row->subject);
  p->track = g_strdup (c->track);
  p->outcome = g_strdup (c->outcome);
  /* Only wording the manager approved leaves the practice, and names are taken out of it. */
  p->approved = row->publication_approved;
  p->lessons = p->approved ? g_strdup (row->lessons) : NULL;
  p->in_time = log_in_time (a, c);
  g_ptr_array_add (a->pending, p);
}

/* Takes out of free text what could identify someone: the names of the people of the case
 * and of the staff, NHS numbers and case references. */
static char *
scrub (const char *text,
       GPtrArray  *names)
{
  static GRegex *numbers, *references;
  g_autofree char *out = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  if (g_once_init_enter (&numbers))
    g_once_init_leave (&numbers, g_regex_new ("\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b",
                                              G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&references))
    g_once_init_leave (&references, g_regex_new ("\\b[A-Z]{1,3}-\\d{4}-\\d+\\b",
                                                 G_REGEX_OPTIMIZE, 0, NULL));
  out = g_regex_replace_literal (numbers, text, -1, 0, _("[number]"), 0, NULL);
  {
    char *next = g_regex_replace_literal (references, out, -1, 0, _("[reference]"), 0, NULL);

    g_free (out);
    out = next;
  }
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *escaped = NULL;
      g_autofree char *pattern = NULL;
      g_autoptr(GRegex) regex = NULL;
      char *next;

      if (name == NULL || g_utf8_strlen (name, -1) < 2)
        continue;
      escaped = g_regex_escape_string (name, -1);
      pattern = g_strdup_printf ("\\b%s\\b", escaped);
      regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
      if (regex == NULL)
        continue;
      next = g_regex_replace_literal (regex, out, -1, 0, _("[name]"), 0, NULL);
      if (next != NULL)
        {
          g_free (out);
          out = next;
        }
    }
  return g_steal_pointer (&out);
}

/* The words of a person's names worth taking out of a published line. */
static void
add_name_words (GPtrArray  *names,
                const char *value)
{
  g_auto(GStrv) words = value != NULL ? g_strsplit_set (value, " ,", -1) : NULL;

  for (guint w = 0; words != NULL && words[w] != NULL; w++)
    if (g_utf8_strlen (words[w], -1) >= 2)
      g_ptr_array_add (names, g_strdup (words[w]));
}

/* A subject's label, read once for the whole log. */
static const char *
subject_label (Annual     *a,
               GHashTable *labels,
               const char *code)
{
  char *label = g_hash_table_lookup (labels, code);

  if (label == NULL)
    {
      label = heed_store_dup_category_label (a->store, "subject", code);
      if (label == NULL)
        label = g_strdup (code);
      g_hash_table_insert (labels, g_strdup (code), label);
    }
  return label;
}

/* The log lines, from what the scan kept and each complaint's parts and actions. */
static gboolean
build_log (Annual  *a,
           GError **error)
{
  HeedReportFigures *self = a->self;
  g_autoptr(GPtrArray) staff = heed_store_list (a->store, HEED_TYPE_STAFF, 0, error);
  g_autoptr(GPtrArray) staff_names = NULL;
  g_autoptr(GHashTable) details = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *start = heed_format_date_iso (&a->from[0]);
  g_autofree char *end = NULL;
  GDate after = a->to[0];

  if (staff == NULL)
    return FALSE;
  /* Every complaint's people, elements and actions at once: on a server, one round trip
   * for each complaint's would be most of the report's time. */
  g_date_add_days (&after, 1);
  end = heed_format_date_iso (&after);
  details = heed_store_map_log_details (a->store, start, end, error);
  if (details == NULL)
    return FALSE;
  staff_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < staff->len; i++)
    {
      const char *name = heed_record_get_text (g_ptr_array_index (staff, i), HEED_STAFF_NAME);
      g_auto(GStrv) words = name != NULL ? g_strsplit (name, " ", -1) : NULL;

      for (guint w = 0; words != NULL && words[w] != NULL; w++)
        if (g_utf8_strlen (words[w], -1) >= 3 && strcmp (words[w], "Dr") != 0)
          g_ptr_array_add (staff_names, g_strdup (words[w]));
    }

  for (guint i = 0; i < a->pending->len; i++)
    {
      LogPending *p = g_ptr_array_index (a->pending, i);
      HeedReportLogLine *line = g_new0 (HeedReportLogLine, 1);
      HeedFiguresLogDetail *detail = g_hash_table_lookup (details, &p->id);
      GPtrArray *elements = detail != NULL ? detail->subjects : none;
      GPtrArray *actions = detail != NULL ? detail->actions : none;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) subjects = g_string_new (NULL);
      g_autoptr(GString) done = g_string_new (NULL);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      line->received = p->received;
      line->responded = p->responded;
      line->in_time = p->in_time;
      if (p->track != NULL)
        line->track = g_strdup (heed_choice_get_label ("track", p->track));
      if (p->outcome != NULL)
        line->outcome = g_strdup (heed_case_outcome_get_label (p->outcome));
      g_ptr_array_add (self->log, line);

      for (guint n = 0; detail != NULL && n < detail->names->len; n++)
        add_name_words (names, g_ptr_array_index (detail->names, n));
      for (guint n = 0; n < staff_names->len; n++)
        g_ptr_array_add (names, g_strdup (g_ptr_array_index (staff_names, n)));

      for (guint e = 0; e <= elements->len; e++)
        {
          const char *code = e < elements->len ? g_ptr_array_index (elements, e)
                                               : (subjects->len == 0 ? p->subject : NULL);

          if (code == NULL || code[0] == '\0' || g_hash_table_contains (seen, code))
            continue;
          g_hash_table_add (seen, (gpointer) code);
          g_string_append_printf (subjects, "%s%s", subjects->len > 0 ? "; " : "",
                                  subject_label (a, labels, code));
        }
      line->subject = subjects->len > 0 ? g_strdup (subjects->str) : NULL;
      line->learning = scrub (p->lessons, names);
      line->approved = p->approved;
      for (guint n = 0; p->approved && n < actions->len; n++)
        {
          g_autofree char *text = scrub (g_ptr_array_index (actions, n), names);

          if (text != NULL)
            g_string_append_printf (done, "%s%s", done->len > 0 ? "\n" : "", text);
        }
      line->actions = done->len > 0 ? g_strdup (done->str) : NULL;
    }
  return TRUE;
}

/* A case received in @period: its kind, and for the complaints procedure its channel, care,
 * month, subjects and a line of the CQC log. */
static void
count_received (Annual                *a,
                guint                  period,
                const HeedFiguresCase *row,
                const CaseFacts       *c)
{
  int kind = _heed_report_index_of (kind_ids, G_N_ELEMENTS (kind_ids), c->kind);
  guint n_channels = MIN (g_strv_length ((char **) heed_case_channels), MAX_CHANNELS);
  int channel, month;

  if (kind < 0)
    return;
  a->kinds[period][c->oral_resolved && kind == 0 ? 4 : kind]++;
  if (!c->statutory)
    return;
  channel = _heed_report_index_of (heed_case_channels, n_channels, c->channel);
  month = months_between (&a->from[period], &c->received);
  if (channel >= 0)
    a->channels[period][channel]++;
  a->care[period][c->private_care ? 1 : 0]++;
  if (period == 0 && heed_case_status_from_id (c->status) != HEED_STATUS_OUT_OF_SCOPE)
    log_add (a, row, c);
  if (month >= 0 && month < a->n_months)
    a->months[period][month]++;
  count_aspects (a, period, c, row->subject);
}

/* A complaint finished in @period: its outcome and the remedies given in answering it. */
static void
count_ended (Annual                *a,
             guint                  period,
             const HeedFiguresCase *row,
             const CaseFacts       *c)
{
  int outcome = _heed_report_index_of (_heed_report_outcome_ids,
                                       G_N_ELEMENTS (_heed_report_outcome_ids), c->outcome);

  a->outcomes[period][outcome >= 0 ? outcome : 3]++;
  a->remedies[period][0] += row->remedy_apology;
  a->remedies[period][1] += row->remedy_explanation;
  a->remedies[period][2] += row->remedy_action;
  if (row->remedy_financial > 0)
    {
      a->remedies[period][3]++;
      a->redress_total[period] += row->remedy_financial;
    }
}

/* Only the complaints procedure has deadlines, tracks and the Ombudsman. */
static void
count_procedure (Annual                *a,
                 const HeedFiguresCase *row,
                 const CaseFacts       *c)
{
  GDate date;

  count_deadlines (a, c);
  if (_heed_report_in_range (&c->ended, &a->from[0], &a->to[0]) && g_date_valid (&c->responded))
    {
      int track = g_strcmp0 (c->track, "early-resolution") == 0 ? 0
                  : g_strcmp0 (c->track, "closer-look") == 0    ? 1
                                                                : -1;

      if (track >= 0)
        {
          a->track_count[track]++;
          a->track_days[track] += heed_calendar_working_days_between (a->calendar, &c->received,
                                                                      &c->responded);
        }
    }

  if (_heed_report_parse_day (row->ombudsman_referred, &date)
      && _heed_report_in_range (&date, &a->from[0], &a->to[0]))
    {
      const char *status = row->ombudsman_status;

      a->ombudsman_referred++;
      if (g_strcmp0 (status, "accepted") == 0 || g_strcmp0 (status, "reported") == 0)
        a->ombudsman_accepted++;
    }
  if (_heed_report_parse_day (row->ombudsman_decided, &date)
      && _heed_report_in_range (&date, &a->from[0], &a->to[0]))
    {
      int decision = _heed_report_index_of (_heed_report_outcome_ids,
                                            G_N_ELEMENTS (_heed_report_outcome_ids),
                                            row->ombudsman_decision);
      int complied = _heed_report_index_of (complied_ids, G_N_ELEMENTS (complied_ids),
                                            row->ombudsman_complied);

      if (decision >= 0)
        a->ombudsman_decisions[decision]++;
      /* Recommendations are made only where something went wrong. */
      if (complied >= 0 && decision >= 0 && decision < 2)
        a->ombudsman_complied[complied]++;
    }
}

/* Still open on the period's last day, and complaints open six months or more by then. */
static void
count_open_at_end (Annual          *a,
                   const CaseFacts *c)
{
  GDate six_months = c->received;

  if (!_heed_report_open_on (c, &a->to[0]) || c->oral_resolved)
    return;
  if (heed_case_kind_from_id (c->kind) == HEED_KIND_COMPLAINT)
    a->open_at_end[0]++;
  else if (heed_case_kind_from_id (c->kind) == HEED_KIND_CONCERN)
    a->open_at_end[1]++;
  g_date_add_months (&six_months, 6);
  if (heed_case_kind_from_id (c->kind) == HEED_KIND_COMPLAINT
      && g_date_compare (&six_months, &a->to[0]) <= 0)
    a->open_six_months++;
}

/* What the practice approved for publication, for feedback received or finished in the
 * period; never the case's own text. */
static void
count_publication (Annual                *a,
                   const HeedFiguresCase *row,
                   const CaseFacts       *c)
{
  HeedReportFigures *self = a->self;
  const char *you_said = row->you_said;
  const char *we_did = row->we_did;
  const char *lessons = row->lessons;
  g_autofree char *subject = NULL;

  if (!_heed_report_in_range (&c->received, &a->from[0], &a->to[0])
      && !_heed_report_in_range (&c->ended, &a->from[0], &a->to[0]))
    return;
  if (row->general_importance)
    a->general_importance++;
  if (!row->publication_approved)
    return;
  if (row->subject != NULL)
    subject = heed_store_dup_category_label (a->store, "subject", row->subject);
  if (you_said != NULL && you_said[0] != '\0' && we_did != NULL && we_did[0] != '\0')
    add_item (self, HEED_REPORT_ITEMS_YOU_SAID_WE_DID, you_said, we_did, NULL);
  if (row->in_report && lessons != NULL && lessons[0] != '\0')
    {
      add_item (self, HEED_REPORT_ITEMS_LEARNING, subject, lessons, NULL);
      if (row->general_importance)
        add_item (self, HEED_REPORT_ITEMS_GENERAL_IMPORTANCE, subject, lessons, NULL);
    }
}

static void
count_case (Annual                *a,
            const HeedFiguresCase *row,
            const CaseFacts       *c)
{
  for (guint period = 0; period < 2; period++)
    {
      if (_heed_report_in_range (&c->received, &a->from[period], &a->to[period]))
        count_received (a, period, row, c);
      if (c->statutory && _heed_report_in_range (&c->ended, &a->from[period], &a->to[period]))
        count_ended (a, period, row, c);
    }
  if (c->statutory)
    count_procedure (a, row, c);
  count_open_at_end (a, c);
  count_publication (a, row, c);
}

typedef struct {
  CountCaseFunc func;
  gpointer      data;
} ScanCases;

static void
scan_case (const HeedFiguresCase *row,
           gpointer               user_data)
{
  ScanCases *scan = user_data;
  CaseFacts c;

  read_case (row, &c);
  if (g_date_valid (&c.received))
    scan->func (scan->data, row, &c);
}

gboolean
_heed_report_scan_cases (HeedStore      *store,
                         const GDate    *start,
                         const GDate    *to,
                         CountCaseFunc   func,
                         gpointer        data,
                         GError        **error)
{
  g_autofree char *end = NULL;
  g_autofree char *first = heed_format_date_iso (start);
  ScanCases scan = { func, data };
  GDate after = *to;

  g_date_add_days (&after, 1);
  end = heed_format_date_iso (&after);
  return heed_store_foreach_figures_case (store, first, end, scan_case, &scan, error);
}

static void
annual_count_case (gpointer               data,
                   const HeedFiguresCase *row,
                   const CaseFacts       *c)
{
  count_case (data, row, c);
}

static void
add_two_period_row (HeedReportTable *table,
                    const char      *id,
                    const char      *label,
                    gint64           now,
                    gint64           before)
{
  guint row = table_add_row (table, id, label);

  table_set (table, row, 0, (double) now);
  table_set (table, row, 1, (double) before);
}

void
_heed_report_add_single_row (HeedReportTable *table,
                             const char      *id,
                             const char      *label,
                             double           value)
{
  table_set (table, table_add_row (table, id, label), 0, value);
}

static void
two_period_columns (HeedReportTable *table)
{
  _heed_report_table_add_column (table, "this-period", _("This period"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (table, "previous-period",
                                 _("Previous period"), HEED_REPORT_VALUE_COUNT);
}

/* What came in: by kind, NHS or private care, and channel. */
static void
build_received_tables (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;

  t = _heed_report_table_new (self, "received-by-kind", _("Feedback received"), _("Kind"),
                              HEED_REPORT_CHART_BAR);
  t->note = g_strdup (_("Oral complaints resolved to the complainant’s satisfaction by the end "
                        "of the next working day fall outside the complaints procedure and are "
                        "counted on their own line, not as complaints."));
  two_period_columns (t);
  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    add_two_period_row (t, kind_ids[i], heed_case_kind_get_label (kind_ids[i]),
                        a->kinds[0][i], a->kinds[1][i]);
  add_two_period_row (t, "oral-resolved", _("Oral complaints resolved by the next working day"),
                      a->kinds[0][4], a->kinds[1][4]);

  /* Private patients' complaints follow the practice's procedure but go on to the Dental
   * Complaints Service or ISCAS, not the Ombudsman: counted apart (DOMAIN.md). */
  t = _heed_report_table_new (self, "complaints-by-care",
                              _("Complaints about NHS and private care"), _("Care"),
                              HEED_REPORT_CHART_NONE);
  t->note = g_strdup (_("Complaints about private care are not sent to the Ombudsman and are "
                        "not counted in the KO41(b) return."));
  two_period_columns (t);
  add_two_period_row (t, "nhs", _("NHS care"), a->care[0][0], a->care[1][0]);
  add_two_period_row (t, "private", _("Private care"), a->care[0][1], a->care[1][1]);

  t = _heed_report_table_new (self, "complaints-by-channel",
                              _("How complaints came in"), _("Channel"), HEED_REPORT_CHART_BAR);
  two_period_columns (t);
  for (guint i = 0; i < MAX_CHANNELS && heed_case_channels[i] != NULL; i++)
    add_two_period_row (t, heed_case_channels[i],
                        heed_case_channel_get_label (heed_case_channels[i]),
                        a->channels[0][i], a->channels[1][i]);
}

/* How complaints ended: their outcomes. */
static void
build_outcome_tables (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;
  gint64 totals[2] = { 0, 0 };

  t = _heed_report_table_new (self, "outcomes", _("Complaints resolved, by outcome"), _("Outcome"),
                              HEED_REPORT_CHART_STACKED);
  t->note = g_strdup (_("Complaints answered or closed in the period. Upheld means the evidence "
                        "supports the complaint; partly upheld, some but not all of it."));
  two_period_columns (t);
  for (guint i = 0; i < G_N_ELEMENTS (_heed_report_outcome_ids); i++)
    {
      add_two_period_row (t, _heed_report_outcome_ids[i],
                          heed_case_outcome_get_label (_heed_report_outcome_ids[i]),
                          a->outcomes[0][i], a->outcomes[1][i]);
      totals[0] += a->outcomes[0][i];
      totals[1] += a->outcomes[1][i];
    }
  add_two_period_row (t, "no-finding", _("Withdrawn or closed without a finding"),
                      a->outcomes[0][3], a->outcomes[1][3]);
  add_two_period_row (t, "resolved", _("Total resolved with a finding"), totals[0], totals[1]);
  t->chart_rows = G_N_ELEMENTS (_heed_report_outcome_ids);
}

/* What went on to the Ombudsman, and what it decided. */
static void
build_ombudsman_table (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;

  t = _heed_report_table_new (self, "ombudsman",
                              _("The Ombudsman"), _("Stage"), HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "this-period", _("This period"), HEED_REPORT_VALUE_COUNT);
  _heed_report_add_single_row (t, "referred", _("Complaints referred to the Ombudsman"),
                               (double) a->ombudsman_referred);
  _heed_report_add_single_row (t, "accepted",
                               _("Accepted for investigation"), (double) a->ombudsman_accepted);
  _heed_report_add_single_row (t, "upheld", _("Reported on: upheld in full"),
                               (double) a->ombudsman_decisions[0]);
  _heed_report_add_single_row (t, "partly-upheld", _("Reported on: upheld in part"),
                               (double) a->ombudsman_decisions[1]);
  _heed_report_add_single_row (t, "not-upheld", _("Reported on: not upheld"),
                               (double) a->ombudsman_decisions[2]);
  _heed_report_add_single_row (t, "complied", _("Recommendations complied with"),
                               (double) a->ombudsman_complied[0]);
  _heed_report_add_single_row (t, "partly-complied", _("Recommendations partly complied with"),
                               (double) a->ombudsman_complied[1]);
  _heed_report_add_single_row (t, "not-complied", _("Recommendations not complied with"),
                               (double) a->ombudsman_complied[2]);
  _heed_report_add_single_row (t, "pending", _("Recommendations not yet due"),
                               (double) a->ombudsman_complied[3]);
}

/* What complaints were about, who they named, and when they came. */
static void
build_subject_tables (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;

  t = _heed_report_category_table (self, a->store, &a->subjects, "subject", "subjects",
                                   _("What complaints were about"), _("Subject"), 2, FALSE);
  t->note = g_strdup (_("Each aspect of a complaint is counted under its own subject, so the "
                        "total can be more than the number of complaints."));
  t = _heed_report_category_table (self, a->store, &a->staff_groups, "staff-group", "staff-groups",
                                   _("Staff groups complained about"), _("Staff group"), 2, FALSE);

  t = _heed_report_table_new (self, "monthly", _("Complaints received each month"), _("Month"),
                              HEED_REPORT_CHART_LINE);
  two_period_columns (t);
  for (int m = 0; m < a->n_months; m++)
    {
      GDate month = a->from[0];
      char id[16], label[64];

      g_date_set_day (&month, 1);
      g_date_add_months (&month, (guint) m);
      g_date_strftime (id, sizeof id, "%Y-%m", &month);
      /* TRANSLATORS: a month and its year in a table, as strftime() writes it ("Apr 2025") */
      /* xgettext:no-c-format */
      g_date_strftime (label, sizeof label, _("%b %Y"), &month);
      add_two_period_row (t, id, label, a->months[0][m], a->months[1][m]);
    }
}

/* Deadlines met, the two tracks, and what is still open. */
static void
build_timeliness_tables (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;
  guint row;

  t = _heed_report_table_new (self, "timeliness", _("Meeting the deadlines"), _("Measure"),
                              HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "within", _("In time"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "of", _("Of"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "percent", _("Per cent"), HEED_REPORT_VALUE_PERCENT);
  row = table_add_row (t, "acknowledged", _("Acknowledged within the deadline"));
  table_set (t, row, 0, (double) a->acknowledged[0]);
  table_set (t, row, 1, (double) a->acknowledged[1]);
  table_set_ratio (t, row, 2, (double) a->acknowledged[0], (double) a->acknowledged[1], 100);
  row = table_add_row (t, "responded", _("Responded within the timescale agreed"));
  table_set (t, row, 0, (double) a->responded[0]);
  table_set (t, row, 1, (double) a->responded[1]);
  table_set_ratio (t, row, 2, (double) a->responded[0], (double) a->responded[1], 100);
  /* Scotland and Northern Ireland resolve simple complaints at stage 1 in 5 working days. */
  if (a->resolved_stage1[1] > 0)
    {
      row = table_add_row (t, "resolved-stage1", _("Resolved at stage 1 within the deadline"));
      table_set (t, row, 0, (double) a->resolved_stage1[0]);
      table_set (t, row, 1, (double) a->resolved_stage1[1]);
      table_set_ratio (t, row, 2, (double) a->resolved_stage1[0],
                       (double) a->resolved_stage1[1], 100);
    }

  t = _heed_report_table_new (self, "tracks", _("Early resolution and closer look"), _("Track"),
                              HEED_REPORT_CHART_NONE);
  t->note = g_strdup (_("Complaints answered in the period; time counted in working days from "
                        "receipt to the response."));
  _heed_report_table_add_column (t, "count", _("Complaints"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "average-days", _("Average time"), HEED_REPORT_VALUE_DAYS);
  row = table_add_row (t, "early-resolution", _("Early resolution"));
  table_set (t, row, 0, (double) a->track_count[0]);
  table_set_ratio (t, row, 1, (double) a->track_days[0], (double) a->track_count[0], 1);
  row = table_add_row (t, "closer-look", _("Closer look"));
  table_set (t, row, 0, (double) a->track_count[1]);
  table_set_ratio (t, row, 1, (double) a->track_days[1], (double) a->track_count[1], 1);

  t = _heed_report_table_new (self, "open-at-end",
                              _("Still open at the end of the period"), _("Kind"),
                              HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "count", _("Open"), HEED_REPORT_VALUE_COUNT);
  _heed_report_add_single_row (t, "complaint", _("Complaints"), (double) a->open_at_end[0]);
  _heed_report_add_single_row (t, "concern", _("Concerns"), (double) a->open_at_end[1]);
  _heed_report_add_single_row (t, "six-months", _("Complaints open more than six months"),
                               (double) a->open_six_months);
}

/* What was given in answer: remedies and redress. */
static void
build_remedy_tables (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;

  t = _heed_report_table_new (self, "remedies",
                              _("Remedies given"), _("Remedy"), HEED_REPORT_CHART_NONE);
  t->note = g_strdup (_("For the complaints answered in the period; one complaint can have "
                        "more than one remedy."));
  two_period_columns (t);
  add_two_period_row (t, "apology", _("An apology"), a->remedies[0][0], a->remedies[1][0]);
  add_two_period_row (t, "explanation", _("An explanation"), a->remedies[0][1],
                      a->remedies[1][1]);
  add_two_period_row (t, "action", _("Action taken"), a->remedies[0][2], a->remedies[1][2]);
  add_two_period_row (t, "financial", _("Financial redress"), a->remedies[0][3],
                      a->remedies[1][3]);
  t = _heed_report_table_new (self, "redress-total", _("Financial redress paid"), _("Redress"),
                              HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "this-period", _("This period"), HEED_REPORT_VALUE_MONEY);
  _heed_report_table_add_column (t, "previous-period",
                                 _("Previous period"), HEED_REPORT_VALUE_MONEY);
  add_two_period_row (t, "total", _("Total"), a->redress_total[0], a->redress_total[1]);
}

/* Feedback raising matters of general importance. */
static void
build_general_importance_table (Annual *a)
{
  HeedReportFigures *self = a->self;
  HeedReportTable *t;

  t = _heed_report_table_new (self, "general-importance",
                              _("Matters of general importance"), _("Kind"),
                              HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "count", _("Cases"), HEED_REPORT_VALUE_COUNT);
  _heed_report_add_single_row (t, "cases", _("Feedback raising a matter of general importance"),
                               (double) a->general_importance);
}

/* The annual report's tables, in the order the report shows them. */
static void
build_annual_tables (Annual *a)
{
  build_received_tables (a);
  build_outcome_tables (a);
  build_ombudsman_table (a);
  build_subject_tables (a);
  build_timeliness_tables (a);
  build_remedy_tables (a);
  build_general_importance_table (a);
}

/* Complainant experience: answers stored as "1=4;2=5;…". */
static gboolean
count_survey (HeedReportFigures  *self,
              HeedStore          *store,
              const GDate        *from,
              const GDate        *to,
              GError            **error)
{
  gint64 counts[N_STATEMENTS][N_SCALE] = { { 0 } };
  gint64 responses = 0;
  g_autofree char *start = heed_format_date_iso (from);
  g_autofree char *end = heed_format_date_iso (to);
  g_autoptr(GPtrArray) stored = NULL;
  HeedReportTable *t;

  stored = heed_store_list_survey_answers (store, start, end, error);
  if (stored == NULL)
    return FALSE;
  for (guint r = 0; r < stored->len; r++)
    {
      g_auto(GStrv) answers = g_strsplit (g_ptr_array_index (stored, r), ";", -1);

      responses++;
      for (guint i = 0; answers[i] != NULL; i++)
        {
          guint64 statement = 0, score = 0;
          g_auto(GStrv) pair = g_strsplit (answers[i], "=", 2);

          if (g_strv_length (pair) != 2
              || !g_ascii_string_to_unsigned (pair[0], 10, 1, N_STATEMENTS, &statement, NULL)
              || !g_ascii_string_to_unsigned (pair[1], 10, 1, N_SCALE, &score, NULL))
            continue;  /* an answer we cannot read is left out, not guessed */
          counts[statement - 1][score - 1]++;
        }
    }

  t = _heed_report_table_new (self, "experience", _("Complainants’ experience"), _("Statement"),
                              HEED_REPORT_CHART_STACKED_ROWS);
  t->note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "From %lld survey response, on a "
                                          "scale of 1 (strongly disagree) to 5 (strongly agree).",
                                          "From %lld survey responses, on a "
                                          "scale of 1 (strongly disagree) to 5 (strongly agree).",
                                          (gulong) responses),
                             (long long) responses);
  _heed_report_table_add_column (t, "strongly-disagree",
                                 _("Strongly disagree"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "disagree", _("Disagree"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "neutral", _("Neither"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "agree", _("Agree"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "strongly-agree", _("Strongly agree"), HEED_REPORT_VALUE_COUNT);
  _heed_report_table_add_column (t, "average", _("Average"), HEED_REPORT_VALUE_SCORE);
  _heed_report_table_add_column (t, "agree-percent", _("Agreeing"), HEED_REPORT_VALUE_PERCENT);
  t->chart_columns = N_SCALE;
  /* On paper the scale's points are numbered; the note says what they mean. */
  t->short_columns = g_ptr_array_new_with_free_func (g_free);
  for (guint v = 1; v <= N_SCALE; v++)
    g_ptr_array_add (t->short_columns, g_strdup_printf ("%u", v));
  /* TRANSLATORS: short column heading: the average score */
  g_ptr_array_add (t->short_columns, g_strdup (_("Mean")));
  /* TRANSLATORS: short column heading: the share who agreed or strongly agreed */
  g_ptr_array_add (t->short_columns, g_strdup (_("Agree %")));
  for (guint s = 0; s < N_STATEMENTS; s++)
    {
      char id[16];
      gint64 answered = 0, total = 0;
      guint row;

      g_snprintf (id, sizeof id, "statement-%u", s + 1);
      row = table_add_row (t, id, _(survey_statements[s]));
      for (guint v = 0; v < N_SCALE; v++)
        {
          table_set (t, row, v, (double) counts[s][v]);
          answered += counts[s][v];
          total += counts[s][v] * (gint64) (v + 1);
        }
      table_set_ratio (t, row, N_SCALE, (double) total, (double) answered, 1);
      table_set_ratio (t, row, N_SCALE + 1, (double) (counts[s][3] + counts[s][4]),
                       (double) answered, 100);
    }
  return TRUE;
}

/* Actions in the report: practice-wide ones and those of cases approved for publication, with
 * the owner's role rather than their name. */
static gboolean
count_actions (HeedReportFigures  *self,
               HeedStore          *store,
               const GDate        *from,
               const GDate        *to,
               GError            **error)
{
  g_autofree char *start = heed_format_date_iso (from);
  g_autofree char *end = heed_format_date_iso (to);
  gint64 done = 0, open = 0, overdue = 0;
  g_autoptr(GPtrArray) stored = NULL;
  HeedReportTable *t;

  stored = heed_store_list_report_actions (store, start, end, error);
  if (stored == NULL)
    return FALSE;
  for (guint r = 0; r < stored->len; r++)
    {
      const HeedFiguresAction *action = g_ptr_array_index (stored, r);
      GDate due, completed;
      char *detail;

      _heed_report_parse_day (action->due_date, &due);
      _heed_report_parse_day (action->completed_on, &completed);
      if (g_date_valid (&completed) && g_date_compare (&completed, to) <= 0)
        {
          done++;
          detail = dup_date_detail (TRUE, &completed);
        }
      else
        {
          open++;
          if (g_date_valid (&due) && g_date_compare (&due, to) < 0)
            overdue++;
          detail = g_date_valid (&due) ? dup_date_detail (FALSE, &due)
                                       : g_strdup (_("No date set"));
        }
      if (action->publishable)
        {
          const char *role = action->owner_role;
          const char *impact = action->impact;

          if (role != NULL && role[0] != '\0')
            {
              char *with_role = g_strdup_printf (_("%s; owner: %s"), detail, role);

              g_free (detail);
              detail = with_role;
            }
          add_item (self, HEED_REPORT_ITEMS_ACTIONS, NULL, action->description, detail);
          if (impact != NULL && impact[0] != '\0')
            {
              GPtrArray *actions = self->items[HEED_REPORT_ITEMS_ACTIONS];
              HeedReportItem *item = g_ptr_array_index (actions, actions->len - 1);

              item->measure = g_strdup (impact);
            }
        }
      else
        g_free (detail);
    }

  t = _heed_report_table_new (self, "actions",
                              _("Actions to improve"), _("State"), HEED_REPORT_CHART_NONE);
  _heed_report_table_add_column (t, "count", _("Actions"), HEED_REPORT_VALUE_COUNT);
  _heed_report_add_single_row (t, "done", _("Completed in the period"), (double) done);
  _heed_report_add_single_row (t, "open", _("Still in progress at the end"), (double) open);
  _heed_report_add_single_row (t, "overdue", _("Of those, past their due date"), (double) overdue);
  return TRUE;
}

HeedReportFigures *
_heed_report_figures_new (HeedStore      *store,
                          HeedReportKind  kind,
                          const GDate    *from,
                          const GDate    *to)
{
  HeedReportFigures *self = g_object_new (HEED_TYPE_REPORT_FIGURES, NULL);
  g_autofree char *small = heed_store_dup_setting (store, "small-counts");

  self->kind = kind;
  self->log = g_ptr_array_new_with_free_func (log_line_free);
  self->practice = heed_store_dup_setting (store, "name");
  if (self->practice == NULL)
    self->practice = g_strdup (_("The practice"));
  /* The head of the audit trail when the report was made: a printed report then anchors the
   * trail outside the file too (heed-store-anchors.c). */
  {
    g_autofree char *hash = NULL;
    gint64 entry = 0;

    if (heed_store_get_head (store, &entry, &hash, NULL) && entry > 0)
      self->trail_head = g_strdup_printf (_("Audit trail: entry %lld, SHA-256 %s"),
                                          (long long) entry, hash);
  }
  self->from = *from;
  self->to = *to;
  previous_period (from, to, &self->previous_from, &self->previous_to);
  /* Suppressing is the safe choice; only an explicit "show" shows small counts. */
  self->suppress_small = g_strcmp0 (small, "show") != 0;
  return self;
}

HeedReportFigures *
heed_report_figures_compute (HeedStore    *store,
                             const GDate  *from,
                             const GDate  *to,
                             const GDate  *today,
                             GError      **error)
{
  g_autoptr(HeedReportFigures) self = NULL;
  g_autoptr(GHashTable) aspects = NULL;
  Annual a = { 0 };
  gboolean ok;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_heed_report_check_period (from, to, error))
    return NULL;
  self = _heed_report_figures_new (store, HEED_REPORT_ANNUAL, from, to);

  a.self = self;
  a.store = store;
  a.calendar = heed_store_get_calendar (store);
  if (today != NULL && g_date_valid (today))
    a.today = *today;
  else
    _heed_report_set_today (&a.today);
  a.from[0] = self->from;
  a.to[0] = self->to;
  a.from[1] = self->previous_from;
  a.to[1] = self->previous_to;
  a.n_months = months_between (from, to) + 1;
  a.months[0] = g_new0 (gint64, a.n_months);
  a.months[1] = g_new0 (gint64, a.n_months);
  _heed_report_category_counts_init (&a.subjects, store, "subject",
                                     _heed_report_financial_year_of (from));
  _heed_report_category_counts_init (&a.staff_groups, store, "staff-group",
                                     _heed_report_financial_year_of (from));

  aspects = _heed_report_load_aspects (store, &self->previous_from, to, error);
  ok = aspects != NULL;
  a.aspects = aspects;
  a.pending = g_ptr_array_new_with_free_func (log_pending_free);
  if (ok)
    ok = _heed_report_scan_cases (store, &self->previous_from, to, annual_count_case, &a, error);
  if (ok)
    build_annual_tables (&a);
  /* A line for each complaint is made from its own words, its people's names taken out: one
   * whose duty shows no case's words (a reader) gets the report without those lines. */
  self->log_withheld = !heed_store_may (store, HEED_TASK_OPEN_CASES);
  if (ok && !self->log_withheld)
    ok = build_log (&a, error);
  g_ptr_array_unref (a.pending);
  self->general_importance = heed_store_dup_report_summary (store, from, to);

  g_free (a.months[0]);
  g_free (a.months[1]);
  _heed_report_category_counts_clear (&a.subjects);
  _heed_report_category_counts_clear (&a.staff_groups);
  if (!ok || !count_survey (self, store, from, to, error)
      || !count_actions (self, store, from, to, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Accessors */

HeedReportKind
heed_report_figures_get_kind (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), HEED_REPORT_ANNUAL);
  return self->kind;
}

const char *
heed_report_figures_get_trail_head (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  return self->trail_head;
}

const char *
heed_report_figures_get_practice (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  return self->practice;
}

void
heed_report_figures_get_period (HeedReportFigures *self,
                                GDate             *from,
                                GDate             *to)
{
  g_return_if_fail (HEED_IS_REPORT_FIGURES (self));
  if (from != NULL)
    *from = self->from;
  if (to != NULL)
    *to = self->to;
}

void
heed_report_figures_get_previous (HeedReportFigures *self,
                                  GDate             *from,
                                  GDate             *to)
{
  g_return_if_fail (HEED_IS_REPORT_FIGURES (self));
  if (from != NULL)
    *from = self->previous_from;
  if (to != NULL)
    *to = self->previous_to;
}

const char *
heed_report_figures_get_general_importance (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  return self->general_importance;
}

/* A starting point for the manager's own words, from the period's themes: the subjects most
 * complained about, how many cases raised a matter of general importance, and the approved
 * lessons of those. Figures of fewer than 5 are not given, whatever the setting. */
char *
heed_report_figures_dup_general_importance_draft (HeedReportFigures *self)
{
  const HeedReportTable *subjects;
  const HeedReportTable *matters;
  GPtrArray *items;
  g_autoptr(GString) draft = g_string_new (NULL);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  double matters_count = 0;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);

  subjects = heed_report_figures_find_table (self, "subjects");
  matters = heed_report_figures_find_table (self, "general-importance");
  if (matters != NULL && matters->rows->len > 0)
    matters_count = heed_report_table_get_cell (matters, 0, 0)->value;

  /* The three subjects most complained about, largest first. */
  for (guint n = 0; subjects != NULL && n < 3; n++)
    {
      int best = -1;

      for (guint r = 0; r < subjects->rows->len; r++)
        {
          double value = heed_report_table_get_cell (subjects, r, 0)->value;

          if (value >= 1 && !g_ptr_array_find (top, GUINT_TO_POINTER (r + 1), NULL)
              && (best < 0 || value > heed_report_table_get_cell (subjects, (guint) best,
                                                                    0)->value))
            best = (int) r;
        }
      if (best < 0)
        break;
      g_ptr_array_add (top, GUINT_TO_POINTER ((guint) best + 1));
    }
  if (top->len > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < top->len; i++)
        {
          const char *label = g_ptr_array_index (subjects->rows,
                                                 GPOINTER_TO_UINT (g_ptr_array_index (top, i))
                                                 - 1);
          g_autofree char *lower = g_utf8_strdown (label, -1);

          if (i > 0)
            g_string_append (list, i == top->len - 1 ? _(" and ") : ", ");
          g_string_append (list, lower);
        }
      /* TRANSLATORS: %s is a list of subjects, "appointments, communications and prescribing" */
      g_string_append_printf (draft, _("The complaints of this period were most often about "
                                       "%s."), list->str);
    }
  if (matters_count >= SMALL_COUNT_LIMIT)
    {
      g_string_append_printf (draft, "%s", draft->len > 0 ? " " : "");
      g_string_append_printf (draft, g_dngettext (GETTEXT_PACKAGE,
                                                  "%.0f raised a matter of general importance.",
                                                  "%.0f raised matters of general importance.",
                                                  (gulong) matters_count),
                              matters_count);
    }
  else if (matters_count >= 1)
    {
      g_string_append_printf (draft, "%s", draft->len > 0 ? " " : "");
      g_string_append (draft, _("A few raised matters of general importance."));
    }
  items = self->items[HEED_REPORT_ITEMS_GENERAL_IMPORTANCE];
  for (guint i = 0; i < items->len; i++)
    {
      HeedReportItem *item = g_ptr_array_index (items, i);

      g_string_append (draft, draft->len > 0 ? "\n\n" : "");
      if (item->heading != NULL)
        g_string_append_printf (draft, "%s: ", item->heading);
      g_string_append (draft, item->text != NULL ? item->text : "");
    }
  if (draft->len == 0)
    g_string_append (draft, _("No matter of general importance was raised in this period."));
  return g_string_free (g_steal_pointer (&draft), FALSE);
}

GPtrArray *
heed_report_figures_get_log (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  return self->log;
}

gboolean
heed_report_figures_is_log_withheld (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), FALSE);
  return self->log_withheld;
}

gboolean
heed_report_figures_is_dental_collection (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), FALSE);
  return self->ko41b_dental;
}

char *
heed_report_figures_dup_period_text (HeedReportFigures *self)
{
  g_autofree char *from = NULL, *to = NULL;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  from = heed_format_date_long (&self->from);
  to = heed_format_date_long (&self->to);
  /* TRANSLATORS: a report's period, "1 April 2025 to 31 March 2026" */
  return g_strdup_printf (_("%s to %s"), from, to);
}

const char *
heed_report_figures_get_title (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  return self->kind == HEED_REPORT_KO41B ? _("KO41(b) return: written complaints")
                                         : _("Complaints and feedback: annual report");
}

gboolean
heed_report_figures_get_suppress_small (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), TRUE);
  return self->suppress_small;
}

void
heed_report_figures_set_suppress_small (HeedReportFigures *self,
                                        gboolean           suppress)
{
  g_return_if_fail (HEED_IS_REPORT_FIGURES (self));
  suppress = !!suppress;
  if (self->suppress_small == suppress)
    return;
  self->suppress_small = suppress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPRESS_SMALL]);
}

guint
heed_report_figures_get_n_tables (HeedReportFigures *self)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), 0);
  return self->tables->len;
}

const HeedReportTable *
heed_report_figures_get_table (HeedReportFigures *self,
                               guint              index)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

const HeedReportTable *
heed_report_figures_find_table (HeedReportFigures *self,
                                const char        *id)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  for (guint i = 0; i < self->tables->len; i++)
    {
      const HeedReportTable *table = g_ptr_array_index (self->tables, i);

      if (g_strcmp0 (table->id, id) == 0)
        return table;
    }
  return NULL;
}

GPtrArray *
heed_report_figures_get_items (HeedReportFigures  *self,
                               HeedReportItemList  list)
{
  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  g_return_val_if_fail (list < HEED_REPORT_N_ITEM_LISTS, NULL);
  return self->items[list];
}

gboolean
heed_report_figures_cell_is_hidden (HeedReportFigures     *self,
                                    const HeedReportTable *table,
                                    guint                  row,
                                    guint                  column)
{
  const HeedReportCell *cell;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), TRUE);
  cell = heed_report_table_get_cell (table, row, column);
  g_return_val_if_fail (cell != NULL, TRUE);
  return self->suppress_small && cell->known
         && g_array_index (table->kinds, HeedReportValueKind, column) == HEED_REPORT_VALUE_COUNT
         && cell->value >= 1 && cell->value < SMALL_COUNT_LIMIT;
}

char *
heed_report_figures_format_cell (HeedReportFigures     *self,
                                 const HeedReportTable *table,
                                 guint                  row,
                                 guint                  column)
{
  const HeedReportCell *cell;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);
  cell = heed_report_table_get_cell (table, row, column);
  g_return_val_if_fail (cell != NULL, NULL);

  if (!cell->known)
    return g_strdup ("—");
  if (heed_report_figures_cell_is_hidden (self, table, row, column))
    return g_strdup (_("fewer than 5"));
  switch (g_array_index (table->kinds, HeedReportValueKind, column))
    {
    case HEED_REPORT_VALUE_PERCENT:
      /* TRANSLATORS: a percentage, "83%" */
      return g_strdup_printf (_("%.0f%%"), round (cell->value));
    case HEED_REPORT_VALUE_DAYS:
      return g_strdup_printf (_("%.1f working days"), cell->value);
    case HEED_REPORT_VALUE_SCORE:
      return g_strdup_printf ("%.1f", cell->value);
    case HEED_REPORT_VALUE_MONEY:
      return heed_format_money ((gint64) round (cell->value));
    case HEED_REPORT_VALUE_COUNT:
    default:
      return g_strdup_printf ("%.0f", cell->value);
    }
}

/* Summary */

static char *
format_by_ids (HeedReportFigures *self,
               const char        *table_id,
               const char        *row_id,
               const char        *column_id)
{
  const HeedReportTable *table = heed_report_figures_find_table (self, table_id);
  int row, column;

  if (table == NULL)
    return g_strdup ("—");
  row = heed_report_table_find_row (table, row_id);
  column = heed_report_table_find_column (table, column_id);
  if (row < 0 || column < 0)
    return g_strdup ("—");
  return heed_report_figures_format_cell (self, table, (guint) row, (guint) column);
}

GPtrArray *
heed_report_figures_dup_summary (HeedReportFigures *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), lines);

  if (self->kind == HEED_REPORT_KO41B)
    {
      g_autofree char *received = format_by_ids (self, "summary", "new", "count");
      g_autofree char *resolved = format_by_ids (self, "summary", "resolved", "count");

      g_ptr_array_add (lines, g_strdup_printf (_("New written complaints: %s. Resolved: %s."),
                                               received, resolved));
      return lines;
    }
  {
    g_autofree char *complaints = format_by_ids (self, "received-by-kind", "complaint",
                                                 "this-period");
    g_autofree char *before = format_by_ids (self, "received-by-kind", "complaint",
                                             "previous-period");
    g_autofree char *concerns = format_by_ids (self, "received-by-kind", "concern",
                                               "this-period");
    g_autofree char *comments = format_by_ids (self, "received-by-kind", "comment",
                                               "this-period");
    g_autofree char *compliments = format_by_ids (self, "received-by-kind", "compliment",
                                                  "this-period");
    g_autofree char *upheld = format_by_ids (self, "outcomes", "upheld", "this-period");
    g_autofree char *partly = format_by_ids (self, "outcomes", "partly-upheld", "this-period");
    g_autofree char *not_upheld = format_by_ids (self, "outcomes", "not-upheld", "this-period");
    g_autofree char *ombudsman = format_by_ids (self, "ombudsman", "referred", "this-period");
    g_autofree char *acknowledged = format_by_ids (self, "timeliness", "acknowledged",
                                                   "percent");
    g_autofree char *responded = format_by_ids (self, "timeliness", "responded", "percent");
    g_autofree char *open = format_by_ids (self, "open-at-end", "complaint", "count");

    g_ptr_array_add (lines, g_strdup_printf (_("Complaints received: %s (previous period: %s)."),
                                             complaints, before));
    g_ptr_array_add (lines, g_strdup_printf (_("Concerns: %s. Comments: %s. Compliments: %s."),
                                             concerns, comments, compliments));
    g_ptr_array_add (lines, g_strdup_printf (_("Complaints resolved: %s upheld, %s partly "
                                               "upheld, %s not upheld."),
                                             upheld, partly, not_upheld));
    g_ptr_array_add (lines, g_strdup_printf (_("Referred to the Ombudsman: %s."), ombudsman));
    g_ptr_array_add (lines, g_strdup_printf (_("Acknowledged within the deadline: %s. Responded "
                                               "within the timescale agreed: %s."),
                                             acknowledged, responded));
    g_ptr_array_add (lines, g_strdup_printf (_("Complaints still open at the end of the period: "
                                               "%s."),
                                             open));
  }
  return lines;
}

/* CSV */

static void
csv_field (GString    *out,
           const char *text)
{
  heed_csv_append_cell (out, text);
}

static void
csv_row (GString    *out,
         const char *a,
         const char *b,
         const char *c,
         const char *d,
         const char *e)
{
  csv_field (out, a);
  g_string_append_c (out, ',');
  csv_field (out, b);
  g_string_append_c (out, ',');
  csv_field (out, c);
  g_string_append_c (out, ',');
  csv_field (out, d);
  g_string_append_c (out, ',');
  csv_field (out, e);
  g_string_append (out, "\r\n");
}

char *
heed_report_figures_to_csv (HeedReportFigures *self)
{
  GString *out;
  g_autofree char *from = NULL, *to = NULL;
  g_autofree char *previous_from = NULL, *previous_to = NULL;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (self), NULL);

  out = g_string_sized_new (8192);
  from = heed_format_date_iso (&self->from);
  to = heed_format_date_iso (&self->to);
  previous_from = heed_format_date_iso (&self->previous_from);
  previous_to = heed_format_date_iso (&self->previous_to);

  /* Machine ids first for scripts, then the words a person reads. */
  csv_row (out, "section", "row", "column", "value", "label");
  csv_row (out, "report", "practice", "", self->practice, _("Practice"));
  csv_row (out, "report", "from", "", from, _("First day"));
  csv_row (out, "report", "to", "", to, _("Last day"));
  if (self->kind == HEED_REPORT_ANNUAL)
    {
      csv_row (out, "report", "previous-from", "", previous_from, _("Previous period from"));
      csv_row (out, "report", "previous-to", "", previous_to, _("Previous period to"));
    }
  for (guint t = 0; t < self->tables->len; t++)
    {
      const HeedReportTable *table = g_ptr_array_index (self->tables, t);

      for (guint r = 0; r < table->rows->len; r++)
        for (guint c = 0; c < table->columns->len; c++)
          {
            g_autofree char *value = heed_report_figures_format_cell (self, table, r, c);
            g_autofree char *label = g_strdup_printf ("%s: %s: %s", table->title,
                                                      (char *) g_ptr_array_index (table->rows, r),
                                                      (char *) g_ptr_array_index (table->columns,
                                                                                  c));

            csv_row (out, table->id, g_ptr_array_index (table->row_ids, r),
                     g_ptr_array_index (table->column_ids, c), value, label);
          }
    }
  return g_string_free (out, FALSE);
}

gboolean
heed_report_write_file (const char  *path,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* Beside the target first and renamed over it, readable by the user only, and never over a
   * practice file. */
  if (!heed_safe_output_write_file (path, data, length, &local_error))
    {
      if (g_error_matches (local_error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE,
                     _("The report could not be saved as %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Survey */

guint
heed_survey_get_n_statements (void)
{
  return N_STATEMENTS;
}

const char *
heed_survey_get_statement (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= N_STATEMENTS, NULL);
  return _(survey_statements[number - 1]);
}
