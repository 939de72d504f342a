/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-choice.h"
#include "heed-long-text-row.h"
#include "heed-record-editor.h"
#include "heed-staff.h"
#include "heed-store.h"
#include "heed-procedure.h"
#include "heed-case.h"
#include "heed-validate.h"

/* Rows that edit a record's fields, made from its field table so every form says the same
 * thing about the same field. What is typed goes into the record at once when it parses;
 * when it does not, the typing is kept in the row and the problem is shown beside it. */

typedef struct {
  HeedRecordEditor    *editor;    /* unowned: the editor owns its rows */
  guint                field;
  const HeedFieldSpec *spec;
  GtkWidget           *row;
  GtkWidget           *input;     /* the row itself, a GtkTextView or a GtkSwitch */
  GtkLabel            *problem;
  GArray              *staff_ids; /* staff-member fields: gint64 per combo position */
  const char *const   *choices;   /* chosen from a list: the ids, in combo order */
  gboolean             optional;  /* the list starts with "Not chosen" */
  char                *parse_error;
  char                *loaded;    /* the row's text as loaded, to tell what was typed */
  gboolean             touched;
} FieldRow;

struct _HeedRecordEditor
{
  GObject     parent_instance;

  HeedRecord *record;
  GPtrArray  *rows;      /* FieldRow* */
  GPtrArray  *staff;     /* HeedStaff* or NULL */
  GHashTable *lists;     /* field name -> GStrv[2] of ids and labels, for text chosen from a list */
  guint       check_source;
  gboolean    loading;
  gboolean    changed;
  gboolean    editable;
  gboolean    has_nation;
  HeedNation  nation;    /* whose time limit a case's late check uses */
};

G_DEFINE_FINAL_TYPE (HeedRecordEditor, heed_record_editor, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_staff_field (const HeedFieldSpec *spec)
{
  return spec->type == HEED_VALUE_ID
         && (g_strcmp0 (spec->name, "received-by") == 0 || g_strcmp0 (spec->name, "handler") == 0
             || g_strcmp0 (spec->name, "owner") == 0 || g_strcmp0 (spec->name, "staff") == 0);
}

static void
field_row_free (FieldRow *row)
{
  g_clear_pointer (&row->staff_ids, g_array_unref);
  g_free (row->parse_error);
  g_free (row->loaded);
  g_free (row);
}

static char *
dup_row_text (FieldRow *row)
{
  if (row->choices != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));
      guint offset = row->optional ? 1 : 0;

      if (selected == GTK_INVALID_LIST_POSITION || selected < offset
          || selected - offset >= g_strv_length ((char **) row->choices))
        return g_strdup ("");
      return g_strdup (row->choices[selected - offset]);
    }

  switch (row->spec->type)
    {
    case HEED_VALUE_BOOL:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (row->input)) ? "true" : "false");

    case HEED_VALUE_CHOICE:
      return g_strdup ("");

    case HEED_VALUE_ID:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));

        if (row->staff_ids == NULL || selected == GTK_INVALID_LIST_POSITION
            || selected >= row->staff_ids->len)
          return g_strdup ("");
        return g_strdup_printf ("%" G_GINT64_FORMAT,
                                g_array_index (row->staff_ids, gint64, selected));
      }

    case HEED_VALUE_TEXT:
    case HEED_VALUE_INT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_MONEY:
    default:
      if (GTK_IS_TEXT_VIEW (row->input))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input));
          GtkTextIter start, end;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        }
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->input)));
    }
}

/* "3 June 2025 14:30", "03/06/2025 9.05" or "2025-06-03T14:30:00": a date, then a time. */
static gboolean
parse_date_time (const char  *text,
                 char       **iso,
                 GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *space = strrchr (copy, ' ');
  char *tee = strchr (copy, 'T');
  int hour = 0, minute = 0;
  GDate date;

  if (space == NULL && tee != NULL && tee - copy == 10)
    space = tee;
  if (space != NULL)
    {
      const char *time_text = space + 1;
      char separator = 0;
      int seconds = 0;

      if (sscanf (time_text, "%d%c%d:%d", &hour, &separator, &minute, &seconds) >= 3
          && (separator == ':' || separator == '.') && hour >= 0 && hour < 24 && minute >= 0
          && minute < 60)
        *space = '\0';
      else
        hour = minute = -1;
    }
  if (!heed_parse_date (copy, &date, error))
    return FALSE;
  if (hour < 0)
    {
      g_set_error (error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                   _("Add the time after the date, such as “3 June 2025 14:30”."));
      return FALSE;
    }
  *iso = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date), hour, minute);
  return TRUE;
}

/* Puts what the row holds into the record, or remembers why it cannot. */
static void
apply_row (FieldRow *row)
{
  HeedRecord *record = row->editor->record;
  g_autofree char *text = dup_row_text (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&row->parse_error, g_free);

  if (stripped[0] == '\0' && row->spec->type != HEED_VALUE_BOOL)
    {
      heed_record_clear (record, row->field);
      return;
    }

  switch (row->spec->type)
    {
    case HEED_VALUE_DATE:
      {
        GDate date;

        if (heed_parse_date (stripped, &date, &error))
          heed_record_set_date (record, row->field, &date);
      }
      break;

    case HEED_VALUE_DATETIME:
      {
        g_autofree char *iso = NULL;

        if (parse_date_time (stripped, &iso, &error))
          heed_record_set_from_string (record, row->field, iso, &error);
      }
      break;

    case HEED_VALUE_MONEY:
      {
        gint64 pence = 0;

        if (heed_parse_money (stripped, &pence, &error))
          heed_record_set_int (record, row->field, pence);
      }
      break;

    case HEED_VALUE_INT:
      {
        gint64 value = 0;

        if (!g_ascii_string_to_signed (stripped, 10, 0, G_MAXINT32, &value, NULL))
          g_set_error (&error, HEED_VALUE_ERROR, HEED_VALUE_ERROR_INVALID,
                       _("Type a whole number, such as 3."));
        else
          heed_record_set_int (record, row->field, value);
      }
      break;

    case HEED_VALUE_TEXT:
      /* Long text keeps its line breaks and spacing as typed. */
      heed_record_set_from_string (record, row->field,
                                   (row->spec->flags & HEED_FIELD_LONG) ? text : stripped,
                                   &error);
      break;

    case HEED_VALUE_BOOL:
    case HEED_VALUE_CHOICE:
    case HEED_VALUE_ID:
    default:
      heed_record_set_from_string (record, row->field, stripped, &error);
      break;
    }

  if (error != NULL)
    row->parse_error = g_strdup (error->message);
}

static char *
dup_display_text (HeedRecordEditor *self,
                  FieldRow         *row)
{
  if (!heed_record_is_set (self->record, row->field)
      && row->spec->type != HEED_VALUE_TEXT)
    return g_strdup ("");

  switch (row->spec->type)
    {
    case HEED_VALUE_DATE:
      {
        GDate date;

        if (heed_record_get_date (self->record, row->field, &date))
          return heed_format_date_long (&date);
        return g_strdup ("");
      }

    case HEED_VALUE_DATETIME:
      {
        const char *iso = heed_record_get_text (self->record, row->field);
        GDate date;

        g_autofree char *day_part = iso != NULL ? g_strndup (iso, 10) : NULL;

        if (iso != NULL && strlen (iso) >= 16 && heed_date_from_iso (day_part, &date))
          {
            g_autofree char *day = heed_format_date_long (&date);

            return g_strdup_printf ("%s %.5s", day, iso + 11);
          }
        return g_strdup (iso != NULL ? iso : "");
      }

    case HEED_VALUE_MONEY:
      return heed_format_money (heed_record_get_int (self->record, row->field));

    case HEED_VALUE_TEXT:
    case HEED_VALUE_INT:
    case HEED_VALUE_BOOL:
    case HEED_VALUE_CHOICE:
    case HEED_VALUE_ID:
    default:
      {
        char *text = heed_record_dup_string (self->record, row->field);

        return text != NULL ? text : g_strdup ("");
      }
    }
}

static void
set_row_text (FieldRow   *row,
              const char *text)
{
  if (row->choices != NULL)
    {
      guint offset = row->optional ? 1 : 0;
      guint position = row->optional ? 0 : GTK_INVALID_LIST_POSITION;

      for (guint i = 0; row->choices[i] != NULL; i++)
        if (g_strcmp0 (row->choices[i], text) == 0)
          position = i + offset;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), position);
      return;
    }

  switch (row->spec->type)
    {
    case HEED_VALUE_BOOL:
      gtk_switch_set_active (GTK_SWITCH (row->input), g_strcmp0 (text, "true") == 0
                                                      || g_strcmp0 (text, "1") == 0);
      break;

    case HEED_VALUE_CHOICE:
      break;

    case HEED_VALUE_ID:
      {
        gint64 id = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
        guint position = 0;

        for (guint i = 0; row->staff_ids != NULL && i < row->staff_ids->len; i++)
          if (g_array_index (row->staff_ids, gint64, i) == id)
            position = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), position);
      }
      break;

    case HEED_VALUE_TEXT:
    case HEED_VALUE_INT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_MONEY:
    default:
      if (GTK_IS_TEXT_VIEW (row->input))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input)),
                                  text != NULL ? text : "", -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (row->input), text != NULL ? text : "");
      break;
    }
}

static void
show_problem (FieldRow   *row,
              const char *message)
{
  gtk_label_set_text (row->problem, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->problem), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row->row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row->input), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row->row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row->input),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row->input), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows the problems of the touched rows (or of all rows), and returns how many there are. */
static guint
show_problems (HeedRecordEditor *self,
               gboolean          all)
{
  g_autoptr(GPtrArray) problems = NULL;
  GDate today;
  guint count = 0;
  FieldRow *first = NULL;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  /* The late check follows the time limit of the practice's nation on the day it arrived. */
  if (self->has_nation && HEED_IS_CASE (self->record))
    heed_procedure_apply_time_limit (self->nation, HEED_CASE (self->record));
  problems = heed_record_validate (self->record, &today);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      const char *message = row->parse_error;

      for (guint j = 0; message == NULL && j < problems->len; j++)
        {
          HeedProblem *problem = g_ptr_array_index (problems, j);

          if (g_strcmp0 (problem->field, row->spec->name) == 0)
            message = problem->message;
        }
      if (message != NULL)
        {
          count++;
          if (first == NULL)
            first = row;
        }
      show_problem (row, (all || row->touched) ? message : NULL);
    }

  if (all && first != NULL)
    gtk_widget_grab_focus (first->input);
  return count;
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  HeedRecordEditor *self = user_data;

  self->check_source = 0;
  show_problems (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
row_changed (FieldRow *row)
{
  HeedRecordEditor *self = row->editor;

  if (self->loading)
    return;
  row->touched = TRUE;
  apply_row (row);
  self->changed = TRUE;
  /* Say what is wrong once the typing pauses, not at every key. */
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (600, check_timeout_cb, self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, row->spec->name);
}

static void
on_editable_changed_cb (GtkEditable *editable,
                        FieldRow    *row)
{
  row_changed (row);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      FieldRow      *row)
{
  row_changed (row);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              FieldRow   *row)
{
  row_changed (row);
}

static GtkWidget *
make_problem_label (FieldRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  row->problem = GTK_LABEL (label);
  return label;
}

static GtkWidget *
make_long_text_row (FieldRow   *row,
                    const char *title)
{
  GtkWidget *list_row = heed_long_text_row_new (title);

  row->input = GTK_WIDGET (heed_long_text_row_get_view (HEED_LONG_TEXT_ROW (list_row)));
  row->problem = heed_long_text_row_get_problem_label (HEED_LONG_TEXT_ROW (list_row));
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input)), "changed",
                    G_CALLBACK (on_buffer_changed_cb), row);
  return list_row;
}

static const char *
placeholder_for (const HeedFieldSpec *spec)
{
  switch (spec->type)
    {
    case HEED_VALUE_DATE:
      return _("such as 3 June 2025");
    case HEED_VALUE_DATETIME:
      return _("such as 3 June 2025 14:30");
    case HEED_VALUE_MONEY:
      return _("such as £25.00");
    case HEED_VALUE_TEXT:
    case HEED_VALUE_INT:
    case HEED_VALUE_BOOL:
    case HEED_VALUE_CHOICE:
    case HEED_VALUE_ID:
    default:
      return NULL;
    }
}

static void
fill_staff_model (HeedRecordEditor *self,
                  FieldRow         *row)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&row->staff_ids, g_array_unref);
  row->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (labels, _("Nobody chosen"));
  g_array_append_val (row->staff_ids, (gint64) { 0 });
  for (guint i = 0; self->staff != NULL && i < self->staff->len; i++)
    {
      HeedRecord *staff = g_ptr_array_index (self->staff, i);
      gint64 id = heed_record_get_id (staff);
      g_autofree char *name = heed_record_dup_string (staff, HEED_STAFF_NAME);

      gtk_string_list_append (labels, name != NULL ? name : "");
      g_array_append_val (row->staff_ids, id);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (labels));
}

static FieldRow *
make_row (HeedRecordEditor *self,
          guint             field,
          const HeedFieldSpec *spec)
{
  FieldRow *row = g_new0 (FieldRow, 1);
  const char *title = _(spec->label);
  char **const *list;

  row->editor = self;
  row->field = field;
  row->spec = spec;

  list = self->lists != NULL ? g_hash_table_lookup (self->lists, spec->name) : NULL;
  if (spec->type == HEED_VALUE_CHOICE || list != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      row->choices = list != NULL ? (const char *const *) list[0] : spec->choices;
      row->optional = !(spec->flags & HEED_FIELD_REQUIRED);
      if (row->optional)
        gtk_string_list_append (labels, _("Not chosen"));
      for (guint i = 0; row->choices[i] != NULL; i++)
        gtk_string_list_append (labels, list != NULL ? list[1][i]
                                        : heed_choice_get_label (spec->name, row->choices[i]));
      row->row = adw_combo_row_new ();
      row->input = row->row;
      adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (labels));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), make_problem_label (row));
      g_signal_connect (row->row, "notify::selected", G_CALLBACK (on_notify_cb), row);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
      gtk_widget_set_name (row->row, spec->name);
      return row;
    }

  switch (spec->type)
    {
    case HEED_VALUE_BOOL:
      {
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

        row->row = adw_action_row_new ();
        row->input = gtk_switch_new ();
        gtk_widget_set_valign (row->input, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (box), make_problem_label (row));
        gtk_box_append (GTK_BOX (box), row->input);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), box);
        /* The row labels the switch it activates with its title. */
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->input);
        g_signal_connect (row->input, "notify::active", G_CALLBACK (on_notify_cb), row);
      }
      break;

    case HEED_VALUE_ID:
      row->row = adw_combo_row_new ();
      row->input = row->row;
      fill_staff_model (self, row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), make_problem_label (row));
      g_signal_connect (row->row, "notify::selected", G_CALLBACK (on_notify_cb), row);
      break;

    case HEED_VALUE_CHOICE:  /* made above */
    case HEED_VALUE_TEXT:
    case HEED_VALUE_INT:
    case HEED_VALUE_DATE:
    case HEED_VALUE_DATETIME:
    case HEED_VALUE_MONEY:
    default:
      if (spec->flags & HEED_FIELD_LONG)
        row->row = make_long_text_row (row, title);
      else
        {
          const char *placeholder = placeholder_for (spec);

          row->row = adw_entry_row_new ();
          row->input = row->row;
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->row), make_problem_label (row));
          if (placeholder != NULL)
            gtk_widget_set_tooltip_text (row->row, placeholder);
          g_signal_connect (row->row, "changed", G_CALLBACK (on_editable_changed_cb), row);
        }
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  gtk_widget_set_name (row->row, spec->name);
  return row;
}

static void
load_row (HeedRecordEditor *self,
          FieldRow         *row)
{
  g_autofree char *text = dup_display_text (self, row);

  set_row_text (row, text);
  g_free (row->loaded);
  row->loaded = dup_row_text (row);
  g_clear_pointer (&row->parse_error, g_free);
  row->touched = FALSE;
  show_problem (row, NULL);
}

static void
heed_record_editor_dispose (GObject *object)
{
  HeedRecordEditor *self = HEED_RECORD_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_clear_object (&self->record);
  G_OBJECT_CLASS (heed_record_editor_parent_class)->dispose (object);
}

static void
heed_record_editor_finalize (GObject *object)
{
  HeedRecordEditor *self = HEED_RECORD_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  G_OBJECT_CLASS (heed_record_editor_parent_class)->finalize (object);
}

static void
heed_record_editor_class_init (HeedRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heed_record_editor_dispose;
  object_class->finalize = heed_record_editor_finalize;

  /**
   * HeedRecordEditor::changed:
   * @field: the property name of the field that changed
   *
   * Something was typed or chosen; the record holds it if it parsed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
heed_record_editor_init (HeedRecordEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) field_row_free);
  self->editable = TRUE;
}

HeedRecordEditor *
heed_record_editor_new (HeedRecord *record)
{
  HeedRecordEditor *self;

  g_return_val_if_fail (HEED_IS_RECORD (record), NULL);

  self = g_object_new (HEED_TYPE_RECORD_EDITOR, NULL);
  self->record = g_object_ref (record);
  return self;
}

HeedRecord *
heed_record_editor_get_record (HeedRecordEditor *self)
{
  g_return_val_if_fail (HEED_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

void
heed_record_editor_set_staff (HeedRecordEditor *self,
                              GPtrArray        *staff)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  g_clear_pointer (&self->staff, g_ptr_array_unref);
  self->staff = staff != NULL ? g_ptr_array_ref (staff) : NULL;
  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->spec->type == HEED_VALUE_ID)
        {
          fill_staff_model (self, row);
          load_row (self, row);
        }
    }
  self->loading = FALSE;
}

static void
list_free (gpointer data)
{
  char ***list = data;

  g_strfreev (list[0]);
  g_strfreev (list[1]);
  g_free (list);
}

void
heed_record_editor_set_list (HeedRecordEditor  *self,
                             const char        *field,
                             const char *const *ids,
                             const char *const *labels)
{
  char ***list;

  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));
  g_return_if_fail (field != NULL && ids != NULL && labels != NULL);

  if (self->lists == NULL)
    self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_free);
  list = g_new0 (char **, 2);
  list[0] = g_strdupv ((char **) ids);
  list[1] = g_strdupv ((char **) labels);
  g_hash_table_replace (self->lists, g_strdup (field), list);
}

/* Subjects and staff groups come from the practice's categories, the ones reports count. */
void
heed_record_editor_use_categories (HeedRecordEditor *self,
                                   HeedStore        *store)
{
  static const char *const schemes[] = { "subject", "staff-group" };
  GDate today;

  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));
  g_return_if_fail (HEED_IS_STORE (store));

  self->nation = heed_store_get_nation (store);
  self->has_nation = TRUE;
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(GPtrArray) codes = heed_store_list_categories (store, schemes[i],
                                                               g_date_get_year (&today));
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      if (codes == NULL || codes->len == 0)
        continue;
      for (guint j = 0; j < codes->len; j++)
        {
          char *label = heed_store_dup_category_label (store, schemes[i],
                                                       g_ptr_array_index (codes, j));

          g_ptr_array_add (labels, label != NULL ? label
                                                 : g_strdup (g_ptr_array_index (codes, j)));
        }
      g_ptr_array_add (codes, NULL);
      g_ptr_array_add (labels, NULL);
      heed_record_editor_set_list (self, schemes[i], (const char *const *) codes->pdata,
                                   (const char *const *) labels->pdata);
    }
}

GtkWidget *
heed_record_editor_add_group (HeedRecordEditor  *self,
                              const char        *title,
                              const char        *description,
                              const char *const *fields)
{
  GtkWidget *group;

  g_return_val_if_fail (HEED_IS_RECORD_EDITOR (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  group = adw_preferences_group_new ();
  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  self->loading = TRUE;
  for (guint i = 0; fields[i] != NULL; i++)
    {
      guint index = 0;
      const HeedFieldSpec *spec =
        heed_record_class_find_field (HEED_RECORD_GET_CLASS (self->record), fields[i], &index);
      FieldRow *row;

      if (spec == NULL || (spec->type == HEED_VALUE_ID && !is_staff_field (spec)))
        {
          g_critical ("No editable field “%s” in %s", fields[i],
                      heed_record_get_table (self->record));
          continue;
        }
      row = make_row (self, index, spec);
      g_ptr_array_add (self->rows, row);
      load_row (self, row);
      gtk_widget_set_sensitive (row->input, self->editable);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row->row);
    }
  self->loading = FALSE;
  heed_accessible_name_all (group);
  return group;
}

static FieldRow *
find_row (HeedRecordEditor *self,
          const char       *field)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->spec->name, field) == 0)
        return row;
    }
  return NULL;
}

GtkWidget *
heed_record_editor_get_row (HeedRecordEditor *self,
                            const char       *field)
{
  FieldRow *row;

  g_return_val_if_fail (HEED_IS_RECORD_EDITOR (self), NULL);

  row = find_row (self, field);
  return row != NULL ? row->row : NULL;
}

void
heed_record_editor_set_value (HeedRecordEditor *self,
                              const char       *field,
                              const char       *text)
{
  FieldRow *row;

  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  row = find_row (self, field);
  g_return_if_fail (row != NULL);
  self->loading = TRUE;
  set_row_text (row, text);
  self->loading = FALSE;
  row_changed (row);
}

guint
heed_record_editor_check (HeedRecordEditor *self)
{
  g_return_val_if_fail (HEED_IS_RECORD_EDITOR (self), 0);

  g_clear_handle_id (&self->check_source, g_source_remove);
  return show_problems (self, TRUE);
}

void
heed_record_editor_set_editable (HeedRecordEditor *self,
                                 gboolean          editable)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  self->editable = editable;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (GTK_IS_TEXT_VIEW (row->input))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (row->input), editable);
      else
        gtk_widget_set_sensitive (row->input, editable);
    }
}

void
heed_record_editor_write_draft (HeedRecordEditor *self,
                                GKeyFile         *key_file,
                                const char       *group)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = dup_row_text (row);

      g_key_file_set_string (key_file, group, row->spec->name, text);
    }
}

/* Only what was typed since the record was loaded: read back over a newer version of the
 * record (another seat's), it changes what this person changed and leaves the rest theirs. */
void
heed_record_editor_write_typed_draft (HeedRecordEditor *self,
                                      GKeyFile         *key_file,
                                      const char       *group)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = dup_row_text (row);

      if (g_strcmp0 (text, row->loaded) != 0)
        g_key_file_set_string (key_file, group, row->spec->name, text);
    }
}

void
heed_record_editor_read_draft (HeedRecordEditor *self,
                               GKeyFile         *key_file,
                               const char       *group)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *text = g_key_file_get_string (key_file, group, row->spec->name, NULL);

      if (text == NULL)
        continue;
      self->loading = TRUE;
      set_row_text (row, text);
      self->loading = FALSE;
      row->touched = TRUE;
      apply_row (row);
    }
  self->changed = TRUE;
  show_problems (self, FALSE);
}

void
heed_record_editor_reload (HeedRecordEditor *self)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));

  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    load_row (self, g_ptr_array_index (self->rows, i));
  self->loading = FALSE;
  self->changed = FALSE;
}

gboolean
heed_record_editor_get_changed (HeedRecordEditor *self)
{
  g_return_val_if_fail (HEED_IS_RECORD_EDITOR (self), FALSE);
  return self->changed;
}

void
heed_record_editor_set_changed (HeedRecordEditor *self,
                                gboolean          changed)
{
  g_return_if_fail (HEED_IS_RECORD_EDITOR (self));
  self->changed = changed;
}
