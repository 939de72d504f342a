/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-button-names.h"
#include "heed-long-text-row.h"
#include "heed-report-figures.h"
#include "heed-survey-dialog.h"
#include "heed-survey-response.h"
#include "heed-validate.h"

/* What someone who complained thought of how it was handled: each "My Expectations"
 * statement on a five-point scale, and anything they added. The annual report counts them. */

struct _HeedSurveyDialog
{
  AdwWindow            parent_instance;

  AdwEntryRow         *date_row;
  AdwPreferencesGroup *statements_group;
  AdwPreferencesGroup *more_group;
  GPtrArray           *answer_rows;   /* AdwComboRow*, statement 1 first */
  HeedLongTextRow     *comment_row;
  GtkLabel            *problem_label;

  HeedStore           *store;
  gint64               case_id;
};

G_DEFINE_FINAL_TYPE (HeedSurveyDialog, heed_survey_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
heed_survey_dialog_set_answer (HeedSurveyDialog *self,
                               guint             number,
                               guint             answer)
{
  g_return_if_fail (HEED_IS_SURVEY_DIALOG (self));
  g_return_if_fail (number >= 1 && number <= self->answer_rows->len && answer <= 5);

  adw_combo_row_set_selected (g_ptr_array_index (self->answer_rows, number - 1), answer);
}

gboolean
heed_survey_dialog_save (HeedSurveyDialog  *self,
                         GError           **error)
{
  g_autoptr(HeedSurveyResponse) response = g_object_new (HEED_TYPE_SURVEY_RESPONSE, NULL);
  g_autoptr(GString) answers = g_string_new (NULL);
  g_autofree char *comment = heed_long_text_row_dup_text (self->comment_row);
  GDate date;

  g_return_val_if_fail (HEED_IS_SURVEY_DIALOG (self), FALSE);

  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  if (!heed_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      return FALSE;
    }
  for (guint i = 0; i < self->answer_rows->len; i++)
    {
      guint answer = adw_combo_row_get_selected (g_ptr_array_index (self->answer_rows, i));

      if (answer >= 1 && answer <= 5)
        g_string_append_printf (answers, "%s%u=%u", answers->len > 0 ? ";" : "", i + 1, answer);
    }
  if (answers->len == 0 && g_strstrip (comment)[0] == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Choose an answer to at least one statement, or write their comment."));
      return FALSE;
    }
  heed_record_set_int (HEED_RECORD (response), HEED_SURVEY_RESPONSE_CASE, self->case_id);
  heed_record_set_date (HEED_RECORD (response), HEED_SURVEY_RESPONSE_RESPONDED_ON, &date);
  if (answers->len > 0)
    heed_record_set_text (HEED_RECORD (response), HEED_SURVEY_RESPONSE_ANSWERS, answers->str);
  if (comment[0] != '\0')
    heed_record_set_text (HEED_RECORD (response), HEED_SURVEY_RESPONSE_COMMENT, comment);
  if (!heed_store_save (self->store, HEED_RECORD (response), error))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedSurveyDialog *self = HEED_SURVEY_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!heed_survey_dialog_save (self, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
}

static void
heed_survey_dialog_dispose (GObject *object)
{
  HeedSurveyDialog *self = HEED_SURVEY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_SURVEY_DIALOG);
  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (heed_survey_dialog_parent_class)->dispose (object);
}

static void
heed_survey_dialog_class_init (HeedSurveyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_survey_dialog_dispose;

  /**
   * HeedSurveyDialog::saved:
   *
   * The answers were kept with the case.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-survey-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedSurveyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HeedSurveyDialog, statements_group);
  gtk_widget_class_bind_template_child (widget_class, HeedSurveyDialog, more_group);
  gtk_widget_class_bind_template_child (widget_class, HeedSurveyDialog, problem_label);

  gtk_widget_class_install_action (widget_class, "survey.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "survey.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
heed_survey_dialog_init (HeedSurveyDialog *self)
{
  const char *const scale[] = {
    N_("Not answered"), N_("Strongly disagree"), N_("Disagree"),
    N_("Neither agree nor disagree"), N_("Agree"), N_("Strongly agree"),
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  GDate date;

  gtk_widget_init_template (GTK_WIDGET (self));
  heed_button_names_settle (GTK_WIDGET (self));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  today = heed_format_date_long (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  /* The statements come from the survey (seed 004), so their rows are made here. */
  self->answer_rows = g_ptr_array_new ();
  for (guint n = 1; n <= heed_survey_get_n_statements (); n++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();

      for (guint i = 0; i < G_N_ELEMENTS (scale); i++)
        gtk_string_list_append (choices, _(scale[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heed_survey_get_statement (n));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->statements_group, row);
      g_ptr_array_add (self->answer_rows, row);
    }

  self->comment_row = HEED_LONG_TEXT_ROW (heed_long_text_row_new (_("Anything they added")));
  adw_preferences_group_add (self->more_group, GTK_WIDGET (self->comment_row));
  heed_accessible_name_all (GTK_WIDGET (self));
}

HeedSurveyDialog *
heed_survey_dialog_new (GtkWindow *parent,
                        HeedStore *store,
                        gint64     case_id)
{
  HeedSurveyDialog *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_SURVEY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  return self;
}
