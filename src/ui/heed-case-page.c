/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-action.h"
#include "heed-case-edit.h"
#include "heed-case-element.h"
#include "heed-case-log.h"
#include "heed-case-page.h"
#include "heed-subject-access.h"
#include "heed-choice.h"
#include "heed-email.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-record-editor.h"
#include "heed-record-list.h"
#include "heed-restriction.h"
#include "heed-risk-matrix.h"
#include "heed-staff.h"
#include "heed-staff-picker.h"
#include "heed-status.h"
#include "heed-subject-access-pdf.h"
#include "heed-survey-dialog.h"
#include "heed-survey-response.h"
#include "heed-store-exchange.h"
#include "heed-timeline-view.h"
#include "heed-validate.h"

/* Everything about one case, editable: the people, what happened, the risk, the plan, the
 * investigation log, the outcome and the Ombudsman. Changes are kept as a form draft while
 * they are typed and written to the practice file, audited, when saved. */

struct _HeedCasePage
{
  AdwBin              parent_instance;

  AdwPreferencesPage *page;
  AdwPreferencesPage *people_page;
  AdwPreferencesPage *details_page;
  AdwPreferencesPage *outcome_page;
  AdwViewStack       *view_stack;
  HeedTimelineView   *case_timeline;
  GtkLabel           *summary_label;
  GtkLabel           *facts_label;
  GtkFlowBox         *status_box;
  AdwPreferencesGroup *deadline_group;
  GtkRevealer        *elsewhere_revealer;
  GtkLabel           *elsewhere_label;

  HeedStore          *store;
  GSignalGroup       *store_signals;  /* the store's change signals, following self->store */
  guint               reload_source;  /* another seat's change, shown when the page is idle */
  HeedCase           *kase;
  HeedCase           *before_status;  /* the case before its last status change, for Undo */
  HeedPerson         *complainant;
  HeedPerson         *affected;
  GPtrArray          *editors;      /* HeedRecordEditor* */
  GPtrArray          *groups;       /* widgets added to the page, removed on reload */
  GPtrArray          *deadline_rows;
  HeedRiskMatrix     *matrix;       /* NULL: the case is not graded */
  gint64              draft_id;
  guint               draft_source;
  gboolean            changed;
};

G_DEFINE_FINAL_TYPE (HeedCasePage, heed_case_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_STATUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What went wrong, said by the window (win.show-problem) as a toast until it is dismissed. */
static void
show_problem (HeedCasePage *self,
              const char   *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message))
    g_warning ("%s", message);
}

/* The sections of a case, in the order a complaint is handled. */
static const char *const received_fields[] = {
  "summary", "channel", "received-at", "received-by", "handler", "subject", "service-area",
  "care", "anonymous", "confidential", NULL
};
static const char *const happened_fields[] = {
  "incident-date", "aware-date", "description", "people-involved", "how-affected",
  "outcome-wanted", "outcome-notes", "late-reason", "late-decision", NULL
};
static const char *const behalf_fields[] = {
  "on-behalf", "relationship", "relationship-other", "behalf-reason", "behalf-reason-other",
  "best-interests", "best-interests-note", NULL
};
static const char *const first_contact_fields[] = {
  "callback-offered", "meeting-offered", "advocacy-offered", "copy-offered", "needs", NULL
};
static const char *const consent_fields[] = {
  "consent-status", "consent-requested", "consent-received", "authorised-on", NULL
};
static const char *const risk_fields[] = {
  "seriousness", "likelihood", "seriousness-after", "likelihood-after", NULL
};
static const char *const plan_fields[] = {
  "track", "plan", "update-arrangements", "agreed-response-date", "extended", NULL
};
static const char *const others_fields[] = {
  "safeguarding", "safeguarding-note", "safeguarding-referred", "other-organisations",
  "lead-organisation", "consent-to-share", NULL
};
static const char *const outcome_fields[] = {
  "outcome", "remedy-apology", "remedy-explanation", "remedy-action", "remedy-financial",
  "responded-on", NULL
};
static const char *const ombudsman_fields[] = {
  "ombudsman-referred", "ombudsman-reference", "ombudsman-status", "ombudsman-decision",
  "ombudsman-decided", "ombudsman-recommendations", "ombudsman-complied", NULL
};
static const char *const learning_fields[] = {
  "general-importance", "lessons", "in-report", "you-said", "we-did", "publication-approved",
  NULL
};
static const char *const person_fields[] = {
  "title", "first-name", "last-name", "known-as", "house", "street", "town", "postcode",
  "phone", "phone-alt", "email", "nhs-number", "date-of-birth", "contact-method",
  "contact-times", "answerphone-ok", "access-format", "language", "advocate", NULL
};

static const char *const element_fields[] = {
  "description", "subject", "staff-group", "finding", "outcome", "response", "apology", NULL
};
static const char *const action_fields[] = {
  "description", "owner", "start-date", "due-date", "standard", "complainant-involvement",
  "review-date", "completed-on", "monitoring", "impact", NULL
};
static const char *const restriction_fields[] = {
  "measure", "detail", "reason", "start-date", "review-date", "told-on", NULL
};

/* The lists of a case's own records, with Add and Edit. */
static const HeedRecordListKind element_list = {
  "add-element", element_fields, "description", "outcome", N_("New Part of the Complaint"),
  N_("Part of the Complaint")
};
static const HeedRecordListKind action_list = {
  "add-action", action_fields, "description", "due-date", N_("New Action"), N_("Action")
};
static const HeedRecordListKind restriction_list = {
  "add-restriction", restriction_fields, "measure", "start-date", N_("New Contact Restriction"),
  N_("Contact Restriction")
};

/* What a status change is called on its button. */
static const char *
status_action_label (const char *from,
                     const char *to)
{
  if (heed_case_status_from_id (to) == HEED_STATUS_LOGGED)
    return heed_case_status_is_open (from) ? _("_Log It") : _("_Reopen");
  if (heed_case_status_from_id (to) == HEED_STATUS_ACKNOWLEDGED)
    return _("_Acknowledge");
  if (heed_case_status_from_id (to) == HEED_STATUS_IN_PROGRESS)
    return heed_case_status_is_open (from) ? _("Start _Investigating") : _("_Reopen");
  if (heed_case_status_from_id (to) == HEED_STATUS_RESPONDED)
    return _("Mark as _Responded");
  if (heed_case_status_from_id (to) == HEED_STATUS_CLOSED)
    return _("_Close");
  if (heed_case_status_from_id (to) == HEED_STATUS_WITHDRAWN)
    return _("_Withdrawn…");
  if (heed_case_status_from_id (to) == HEED_STATUS_OUT_OF_SCOPE)
    return _("_Out of Scope…");
  return heed_case_status_get_label (to);
}

static void
set_changed (HeedCasePage *self,
             gboolean      changed)
{
  if (self->changed == changed)
    return;
  self->changed = changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);
}

static char *
dup_draft_content (HeedCasePage *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  for (guint i = 0; i < self->editors->len; i++)
    {
      HeedRecordEditor *editor = g_ptr_array_index (self->editors, i);
      const char *group = g_object_get_data (G_OBJECT (editor), "heed-draft-group");

      heed_record_editor_write_typed_draft (editor, key_file, group);
    }
  return g_key_file_to_data (key_file, NULL, NULL);
}

static gboolean
keep_draft_cb (gpointer user_data)
{
  HeedCasePage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  self->draft_source = 0;
  if (self->kase == NULL || !self->changed)
    return G_SOURCE_REMOVE;
  content = dup_draft_content (self);
  if (!heed_store_keep_form_draft (self->store, &self->draft_id, "case",
                                   heed_record_get_id (HEED_RECORD (self->kase)),
                                   heed_case_get_reference (self->kase), content, &error))
    show_problem (self, error->message);
  return G_SOURCE_REMOVE;
}

void
heed_case_page_keep_typing (HeedCasePage *self)
{
  g_return_if_fail (HEED_IS_CASE_PAGE (self));
  if (self->draft_source == 0)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  keep_draft_cb (self);
}

static void
update_matrix (HeedCasePage *self)
{
  /* Comments and compliments are not graded: there is no matrix. */
  if (self->matrix == NULL)
    return;
  heed_risk_matrix_set_grade (self->matrix,
                              heed_record_get_text (HEED_RECORD (self->kase),
                                                    HEED_CASE_SERIOUSNESS),
                              heed_record_get_text (HEED_RECORD (self->kase),
                                                    HEED_CASE_LIKELIHOOD));
}

static void
on_editor_changed_cb (HeedRecordEditor *editor,
                      const char       *field,
                      HeedCasePage     *self)
{
  set_changed (self, TRUE);
  if (g_strcmp0 (field, "seriousness") == 0 || g_strcmp0 (field, "likelihood") == 0)
    update_matrix (self);
  /* Kept as typed, written once the typing pauses for a moment. */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (400, keep_draft_cb, self);
}

static HeedRecordEditor *
add_editor (HeedCasePage *self,
            HeedRecord   *record,
            const char   *draft_group,
            GPtrArray    *staff)
{
  HeedRecordEditor *editor = heed_record_editor_new (record);

  g_object_set_data_full (G_OBJECT (editor), "heed-draft-group", g_strdup (draft_group), g_free);
  heed_record_editor_set_staff (editor, staff);
  heed_record_editor_use_categories (editor, self->store);
  heed_record_editor_set_editable (editor, !heed_store_is_read_only (self->store));
  g_signal_connect (editor, "changed", G_CALLBACK (on_editor_changed_cb), self);
  g_ptr_array_add (self->editors, editor);
  return editor;
}

static void
add_group (HeedCasePage       *self,
           AdwPreferencesPage *page,
           GtkWidget          *group)
{
  g_object_set_data (G_OBJECT (group), "heed-page", page);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
}

static void
on_matrix_graded_cb (HeedRiskMatrix *matrix,
                     const char     *seriousness,
                     const char     *likelihood,
                     HeedCasePage   *self)
{
  HeedRecordEditor *editor = g_ptr_array_index (self->editors, 0);

  heed_record_editor_set_value (editor, "seriousness", seriousness);
  heed_record_editor_set_value (editor, "likelihood", likelihood);
}

/* Every change to the case as the audit trail has it, newest first: what a manager shows an
 * Ombudsman asking who did what and when. */
static GtkWidget *
make_history_group (HeedCasePage *self,
                    gint64        case_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *expander = adw_expander_row_new ();
  guint shown = 0;

  entries = heed_store_list_audit_entries (self->store, "cases", case_id, &error);
  if (entries == NULL)
    {
      g_warning ("The case’s history cannot be read: %s", error->message);
      gtk_widget_set_visible (group, FALSE);
      return group;
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Changes to This Case"));
  if (entries->len > 0)
    {
      HeedAuditEntry *latest = g_ptr_array_index (entries, entries->len - 1);
      g_autofree char *when = heed_audit_entry_dup_when (latest);
      g_autofree char *who = heed_audit_entry_dup_who (latest);
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u change, the latest on %s by %s",
                                      "%u changes, the latest on %s by %s", entries->len),
                         entries->len, when, who);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
    }
  for (guint i = entries->len; i > 0 && shown < 50; i--, shown++)
    {
      HeedAuditEntry *entry = g_ptr_array_index (entries, i - 1);
      g_autofree char *what = heed_audit_entry_describe (entry);
      g_autofree char *when = heed_audit_entry_dup_when (entry);
      g_autofree char *who = heed_audit_entry_dup_who (entry);
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", when, who);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (entries->len > shown)
    {
      g_autofree char *more =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "and %u earlier change, in the audit trail",
                                      "and %u earlier changes, in the audit trail",
                                      entries->len - shown),
                         entries->len - shown);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  return group;
}

static GtkWidget *
make_matrix (HeedCasePage *self)
{
  self->matrix = HEED_RISK_MATRIX (heed_risk_matrix_new ());
  heed_risk_matrix_set_store (self->matrix, self->store);
  update_matrix (self);
  g_signal_connect (self->matrix, "graded", G_CALLBACK (on_matrix_graded_cb), self);
  return GTK_WIDGET (self->matrix);
}

static void
fill_deadlines (HeedCasePage *self)
{
  g_autoptr(HeedCaseRow) row = NULL;
  g_autoptr(GArray) deadlines = NULL;
  HeedDeadlineFacts facts;
  GDate today;

  for (guint i = 0; i < self->deadline_rows->len; i++)
    adw_preferences_group_remove (self->deadline_group,
                                  g_ptr_array_index (self->deadline_rows, i));
  g_ptr_array_set_size (self->deadline_rows, 0);

  row = heed_store_load_case_row (self->store, heed_record_get_id (HEED_RECORD (self->kase)),
                                  NULL);
  if (row == NULL)
    return;
  heed_case_row_get_facts (row, &facts);
  facts.oral_resolved = heed_record_get_bool (HEED_RECORD (self->kase), HEED_CASE_ORAL_RESOLVED);
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  deadlines = heed_deadlines_compute (heed_store_get_calendar (self->store), &facts, &today);

  for (guint i = 0; i < deadlines->len; i++)
    {
      const HeedDeadline *deadline = &g_array_index (deadlines, HeedDeadline, i);
      GtkWidget *action_row = adw_action_row_new ();
      g_autofree char *due = heed_format_date_long (&deadline->due);
      g_autofree char *state = heed_deadline_describe (deadline);
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", due, state);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row),
                                     heed_deadline_kind_get_label (deadline->kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      if (deadline->state == HEED_DEADLINE_OVERDUE || deadline->state == HEED_DEADLINE_MISSED)
        {
          gtk_widget_add_css_class (action_row, "error");
          adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                                     gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
        }
      else if (deadline->state == HEED_DEADLINE_MET)
        adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                                   gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      adw_preferences_group_add (self->deadline_group, action_row);
      g_ptr_array_add (self->deadline_rows, action_row);
    }

  if (row->awaiting_consent)
    {
      GtkWidget *action_row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), _("Awaiting consent"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row),
                                   _("The person affected has not yet agreed to their "
                                     "information being shared with the person complaining."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                                 gtk_image_new_from_icon_name ("dialog-information-symbolic"));
      adw_preferences_group_add (self->deadline_group, action_row);
      g_ptr_array_add (self->deadline_rows, action_row);
    }

  /* What the people on the case asked for, where everyone handling it sees it first. */
  {
    HeedPerson *people[] = { self->complainant, self->affected };

    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      {
        g_autofree char *needs = NULL;
        g_autofree char *name = NULL;
        g_autofree char *title = NULL;
        GtkWidget *action_row;

        if (people[i] == NULL || (i == 1 && people[1] == people[0]))
          continue;
        needs = heed_person_dup_needs (people[i]);
        if (needs == NULL)
          continue;
        name = heed_person_dup_full_name (people[i]);
        /* Translators: a person's communication needs; %s is their name */
        title = g_strdup_printf (_("%s has asked for"), name);
        action_row = adw_action_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), needs);
        adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                                   gtk_image_new_from_icon_name ("dialog-information-symbolic"));
        gtk_widget_add_css_class (action_row, "property");
        adw_preferences_group_add (self->deadline_group, action_row);
        g_ptr_array_add (self->deadline_rows, action_row);
      }
  }

  gtk_widget_set_visible (GTK_WIDGET (self->deadline_group), self->deadline_rows->len > 0);
}

static void
change_status (HeedCasePage *self,
               const char   *status,
               const char   *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_status = g_strdup (heed_case_get_status (self->kase));

  if (self->changed && !heed_case_page_save (self, &error))
    {
      show_problem (self, error->message);
      return;
    }
  g_clear_object (&self->before_status);
  self->before_status = HEED_CASE (heed_record_copy (HEED_RECORD (self->kase)));
  if (!heed_store_change_status (self->store, self->kase, status, reason, &error))
    {
      g_clear_object (&self->before_status);
      show_problem (self, error->message);
      heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
      return;
    }
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
  g_signal_emit (self, signals[SIGNAL_STATUS_CHANGED], 0, old_status, status);
}

static void
on_reason_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       HeedCasePage     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "heed-reason");
  const char *status = g_object_get_data (G_OBJECT (dialog), "heed-status");

  if (g_strcmp0 (response, "change") == 0)
    change_status (self, status, gtk_editable_get_text (entry));
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "change", text[0] != '\0');
}

static void
on_status_button_clicked_cb (GtkButton    *button,
                             HeedCasePage *self)
{
  const char *status = g_object_get_data (G_OBJECT (button), "heed-status");
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!heed_status_needs_reason (heed_case_get_status (self->kase), status))
    {
      change_status (self, status, NULL);
      return;
    }

  /* Reopening, withdrawing and ruling out of scope keep their reason with the case. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heed_case_status_get_label (status),
                                   _("Give the reason; it is kept with the case and shown on "
                                     "its timeline."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "change", _("_Change Status"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "change", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "heed-reason", entry);
  g_object_set_data_full (G_OBJECT (dialog), "heed-status", g_strdup (status), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reason_response_cb), self);
  heed_accessible_name_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_oral_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HeedCasePage     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "close") != 0)
    return;
  if (self->changed && !heed_case_page_save (self, &error))
    {
      show_problem (self, error->message);
      return;
    }
  g_clear_object (&self->before_status);
  self->before_status = HEED_CASE (heed_record_copy (HEED_RECORD (self->kase)));
  if (!heed_store_close_as_oral (self->store, self->kase, &error))
    {
      g_clear_object (&self->before_status);
      show_problem (self, error->message);
    }
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
  if (error == NULL)
    g_signal_emit (self, signals[SIGNAL_STATUS_CHANGED], 0, "logged", "closed");
}

/* Asks first: closing this way takes the complaint out of the statutory counts. */
static void
on_oral_clicked_cb (GtkButton    *button,
                    HeedCasePage *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Resolved by the Next Working Day?"),
                                   _("Close this complaint as made by phone or in person and "
                                     "resolved to the person’s satisfaction by the end of the "
                                     "next working day. It is kept for learning, but is not "
                                     "counted as a complaint in the annual figures."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "close", _("_Close as Resolved"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_oral_response_cb), self);
  heed_accessible_name_all (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_draft_clicked_cb (GtkButton    *button,
                            HeedCasePage *self)
{
  /* The window deletes it, with a moment to undo. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-draft", "x",
                              heed_record_get_id (HEED_RECORD (self->kase)));
}

static void
fill_status_box (HeedCasePage *self)
{
  const char *status = heed_case_get_status (self->kase);
  const char *const *next = heed_status_next (heed_case_get_kind (self->kase), status);
  GtkWidget *child;
  gboolean first = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->status_box))) != NULL)
    gtk_flow_box_remove (self->status_box, child);

  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    {
      GtkWidget *button;

      /* A logged complaint closes only as an oral one resolved in time (below). */
      if (heed_case_status_from_id (status) == HEED_STATUS_LOGGED
          && heed_case_status_from_id (next[i]) == HEED_STATUS_CLOSED
          && heed_status_next (heed_case_get_kind (self->kase), "acknowledged")[0] != NULL)
        continue;
      button = heed_accessible_button_new (status_action_label (status, next[i]));

      g_object_set_data_full (G_OBJECT (button), "heed-status", g_strdup (next[i]), g_free);
      gtk_widget_set_name (button, next[i]);
      if (first && heed_case_status_from_id (next[i]) != HEED_STATUS_WITHDRAWN
          && heed_case_status_from_id (next[i]) != HEED_STATUS_OUT_OF_SCOPE)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          first = FALSE;
        }
      gtk_widget_set_sensitive (button, !heed_store_is_read_only (self->store));
      g_signal_connect (button, "clicked", G_CALLBACK (on_status_button_clicked_cb), self);
      gtk_flow_box_append (self->status_box, button);
    }

  if (heed_case_status_from_id (status) != HEED_STATUS_DRAFT)
    {
      GtkWidget *button = heed_accessible_button_new (_("Write a _Letter…"));

      gtk_widget_set_name (button, "write-letter");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.write-letter");
      gtk_widget_set_tooltip_text (button, _("Write a Letter (Ctrl+L)"));
      gtk_flow_box_append (self->status_box, button);
    }

  {
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_time_t (&today, time (NULL));
    if (heed_status_can_close_as_oral (self->kase, heed_store_get_calendar (self->store), &today))
      {
        GtkWidget *button = heed_accessible_button_new (_("Resolved by _Next Working Day…"));

        gtk_widget_set_name (button, "oral-resolved");
        gtk_widget_set_tooltip_text (button, _("An oral complaint sorted out by the end of the "
                                               "next working day"));
        gtk_widget_set_sensitive (button, !heed_store_is_read_only (self->store));
        g_signal_connect (button, "clicked", G_CALLBACK (on_oral_clicked_cb), self);
        gtk_flow_box_append (self->status_box, button);
      }
  }

  /* Records of feedback are kept; only a draft, never logged, may go. */
  if (heed_case_status_from_id (status) == HEED_STATUS_DRAFT)
    {
      GtkWidget *button = heed_accessible_button_new (_("_Delete Draft"));

      gtk_widget_set_name (button, "delete-draft");
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_sensitive (button, !heed_store_is_read_only (self->store));
      g_signal_connect (button, "clicked", G_CALLBACK (on_delete_draft_clicked_cb), self);
      gtk_flow_box_append (self->status_box, button);
    }
}

static void
fill_header (HeedCasePage *self)
{
  HeedRecord *record = HEED_RECORD (self->kase);
  const char *risk = NULL;
  g_autofree char *risk_text = NULL;
  g_autofree char *received = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *from = NULL;
  GDate date;

  if (heed_record_is_set (record, HEED_CASE_SERIOUSNESS)
      && heed_record_is_set (record, HEED_CASE_LIKELIHOOD))
    risk_text = heed_store_dup_risk (self->store,
                                     heed_record_get_text (record, HEED_CASE_SERIOUSNESS),
                                     heed_record_get_text (record, HEED_CASE_LIKELIHOOD));
  risk = risk_text != NULL ? heed_choice_get_label ("risk", risk_text) : _("not graded");
  if (heed_case_get_received (self->kase, &date))
    received = heed_format_date_long (&date);
  if (self->complainant != NULL && !heed_record_get_bool (HEED_RECORD (self->kase),
                                                         HEED_CASE_ANONYMOUS))
    from = heed_person_dup_full_name (self->complainant);
  if (from != NULL && from[0] == '\0')
    g_clear_pointer (&from, g_free);

  gtk_label_set_text (self->summary_label, heed_case_get_summary (self->kase));
  if (heed_status_is_simple_kind (heed_case_get_kind (self->kase)))
    /* Translators: reference · kind · status · received · who from (comments and
     * compliments, which are not graded) */
    facts = g_strdup_printf (_("%s · %s · %s · received %s%s%s"),
                             heed_case_get_reference (self->kase),
                             heed_case_kind_get_label (heed_case_get_kind (self->kase)),
                             heed_case_status_get_label (heed_case_get_status (self->kase)),
                             received != NULL ? received : "—",
                             from != NULL ? _(" · from ") : "", from != NULL ? from : "");
  else
    /* Translators: reference · kind · status · received · risk · who from */
    facts = g_strdup_printf (_("%s · %s · %s · received %s · risk %s%s%s"),
                             heed_case_get_reference (self->kase),
                             heed_case_kind_get_label (heed_case_get_kind (self->kase)),
                             heed_case_status_get_label (heed_case_get_status (self->kase)),
                             received != NULL ? received : "—", risk,
                             from != NULL ? _(" · from ") : "", from != NULL ? from : "");
  gtk_label_set_text (self->facts_label, facts);
}

gboolean
heed_case_page_attach_file (HeedCasePage  *self,
                            gint64         event_id,
                            GFile         *file,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *mime = NULL;
  gint64 attachment_id = 0;
  gsize size = 0;

  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Kept in the practice file: a large scan is fine, a film is not. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE
                            "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  /* A pipe or a device would be read without end. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Only a plain file can be attached, not a folder, a pipe or a device."));
      return FALSE;
    }
  if (g_file_info_get_size (info) > 50 * 1024 * 1024)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The file is too big to keep with the case: 50 MB at most."));
      return FALSE;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;
  g_bytes_get_data (bytes, &size);
  basename = g_file_get_basename (file);
  mime = g_content_type_get_mime_type (g_file_info_get_content_type (info) != NULL
                                       ? g_file_info_get_content_type (info)
                                       : "application/octet-stream");
  if (!heed_store_add_attachment (self->store, heed_record_get_id (HEED_RECORD (self->kase)),
                                  event_id, basename,
                                  mime != NULL ? mime : "application/octet-stream", bytes,
                                  &attachment_id, error))
    return FALSE;
  /* Reloading must not lose typing on the page: keep it as a draft first. */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  keep_draft_cb (self);
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
  return TRUE;
}

gboolean
heed_case_page_add_email (HeedCasePage  *self,
                          GFile         *file,
                          GError       **error)
{
  g_autoptr(HeedEmail) email = NULL;
  g_autofree char *path = NULL;
  gint64 case_id;

  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->kase == NULL)
    return TRUE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Save the email to a folder first, then drop the saved file."));
      return FALSE;
    }
  email = heed_email_read (path, error);
  if (email == NULL)
    return FALSE;
  case_id = heed_record_get_id (HEED_RECORD (self->kase));
  if (heed_email_add_to_case (email, self->store, case_id, error) == 0)
    return FALSE;
  /* Reloading must not lose typing on the page: keep it as a draft first. */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  keep_draft_cb (self);
  heed_case_page_set_case (self, self->store, case_id);
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            HeedCasePage  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->kase == NULL
      || heed_store_is_read_only (self->store))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (l->data);
      g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);
      gboolean ok;

      /* An email becomes an entry; anything else is kept as a document of the case. */
      if (g_str_has_suffix (lower, ".eml"))
        ok = heed_case_page_add_email (self, l->data, &error);
      else
        ok = heed_case_page_attach_file (self, 0, l->data, &error);
      if (!ok)
        show_problem (self, error->message);
    }
  g_slist_free (files);
  return TRUE;
}

static void
on_log_attach_file_cb (HeedCaseLog  *log,
                       gint64        event_id,
                       GFile        *file,
                       HeedCasePage *self)
{
  g_autoptr(GError) error = NULL;

  if (!heed_case_page_attach_file (self, event_id, file, &error))
    show_problem (self, error->message);
}

static void
fill_log (HeedCasePage *self)
{
  GtkWidget *log = heed_case_log_new ();

  heed_case_log_load (HEED_CASE_LOG (log), self->store,
                      heed_record_get_id (HEED_RECORD (self->kase)));
  g_signal_connect_object (log, "attach-file", G_CALLBACK (on_log_attach_file_cb), self, 0);
  add_group (self, self->page, log);
}

/* Reloading after the save must not lose typing on the page: it is kept as a draft first. */
static void
on_record_list_editing_cb (HeedCasePage *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  keep_draft_cb (self);
}

static void
on_record_list_saved_cb (HeedCasePage *self)
{
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
}

static void
add_record_list (HeedCasePage             *self,
                 AdwPreferencesPage       *page,
                 const HeedRecordListKind *kind,
                 GType                     type,
                 const char               *title,
                 const char               *description,
                 const char               *empty)
{
  GtkWidget *list = heed_record_list_new (kind, type, title, description, empty);

  heed_record_list_load (HEED_RECORD_LIST (list), self->store,
                         heed_record_get_id (HEED_RECORD (self->kase)));
  g_signal_connect_object (list, "editing", G_CALLBACK (on_record_list_editing_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "saved", G_CALLBACK (on_record_list_saved_cb), self,
                           G_CONNECT_SWAPPED);
  add_group (self, page, list);
}

/* Ticking a member of staff is kept at once, like a status change. */
static void
on_staff_picked_cb (HeedStaffPicker *picker,
                    HeedCasePage    *self)
{
  g_autoptr(GArray) ids = heed_staff_picker_dup_selected (picker);
  g_autoptr(GError) error = NULL;

  if (!heed_store_set_case_staff (self->store, heed_record_get_id (HEED_RECORD (self->kase)),
                                  (const gint64 *) ids->data, ids->len, &error))
    show_problem (self, error->message);
}

static void
on_survey_saved_cb (HeedCasePage *self)
{
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
}

static void
on_record_survey_clicked_cb (GtkButton    *button,
                             HeedCasePage *self)
{
  HeedSurveyDialog *dialog;

  g_clear_handle_id (&self->draft_source, g_source_remove);
  keep_draft_cb (self);
  dialog = heed_survey_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->store, heed_record_get_id (HEED_RECORD (self->kase)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_survey_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What they thought of how it was handled (seed 004), for the annual report. */
static void
fill_survey (HeedCasePage *self)
{
  g_autoptr(GPtrArray) responses = heed_store_list (self->store, HEED_TYPE_SURVEY_RESPONSE,
                                                    heed_record_get_id (HEED_RECORD (self->kase)),
                                                    NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = heed_accessible_button_new (_("Record Their _Answers…"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("How They Found It"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Their answers to the “My Expectations” statements, "
                                           "counted in the annual report without their name."));
  gtk_widget_set_name (add, "record-survey");
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_sensitive (add, !heed_store_is_read_only (self->store));
  g_signal_connect (add, "clicked", G_CALLBACK (on_record_survey_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  for (guint i = 0; responses != NULL && i < responses->len; i++)
    {
      HeedRecord *response = g_ptr_array_index (responses, i);
      const char *answers = heed_record_get_text (response, HEED_SURVEY_RESPONSE_ANSWERS);
      g_auto(GStrv) parts = g_strsplit (answers != NULL ? answers : "", ";", -1);
      guint n_answers = answers != NULL && answers[0] != '\0' ? g_strv_length (parts) : 0;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      GDate date;

      if (heed_record_get_date (response, HEED_SURVEY_RESPONSE_RESPONDED_ON, &date))
        when = heed_format_date_long (&date);
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u statement answered",
                                            "%s: %u statements answered", n_answers),
                               when != NULL ? when : "", n_answers);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (heed_record_is_set (response, HEED_SURVEY_RESPONSE_COMMENT))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     heed_record_get_text (response,
                                                           HEED_SURVEY_RESPONSE_COMMENT));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  add_group (self, self->outcome_page, group);
}

static void
clear_page (HeedCasePage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      adw_preferences_page_remove (g_object_get_data (G_OBJECT (group), "heed-page"),
                                   ADW_PREFERENCES_GROUP (group));
    }
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->editors, 0);
  self->matrix = NULL;
}

static HeedPerson *
load_person (HeedCasePage *self,
             guint         field)
{
  gint64 id = heed_record_get_int (HEED_RECORD (self->kase), field);

  if (id > 0)
    return heed_store_load (self->store, HEED_TYPE_PERSON, id, NULL);
  return heed_person_new ();
}

static void
restore_draft (HeedCasePage *self)
{
  g_autoptr(GPtrArray) drafts = heed_store_list_form_drafts (self->store, "case", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  gint64 case_id = heed_record_get_id (HEED_RECORD (self->kase));

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      HeedFormDraft *draft = g_ptr_array_index (drafts, i);

      /* Someone else's typing on the case, at another seat, stays theirs. */
      if (draft->case_id != case_id
          || g_strcmp0 (draft->os_user, heed_store_get_account (self->store)) != 0)
        continue;
      if (!g_key_file_load_from_data (key_file, draft->content, (gsize) -1, G_KEY_FILE_NONE, NULL))
        continue;
      self->draft_id = draft->id;
      for (guint j = 0; j < self->editors->len; j++)
        {
          HeedRecordEditor *editor = g_ptr_array_index (self->editors, j);
          const char *group = g_object_get_data (G_OBJECT (editor), "heed-draft-group");

          heed_record_editor_read_draft (editor, key_file, group);
        }
      set_changed (self, TRUE);
      update_matrix (self);
      return;
    }
}

/* The banner over the page: another seat changed the case while this one has changes of its
 * own. @message says who and when. */
static void
show_changed_elsewhere (HeedCasePage *self,
                        const char   *message)
{
  gtk_label_set_text (self->elsewhere_label, message);
  gtk_revealer_set_reveal_child (self->elsewhere_revealer, TRUE);
}

static void
hide_changed_elsewhere (HeedCasePage *self)
{
  gtk_revealer_set_reveal_child (self->elsewhere_revealer, FALSE);
}

static gint64
page_case_id (HeedCasePage *self)
{
  return self->kase != NULL ? heed_record_get_id (HEED_RECORD (self->kase)) : 0;
}

static gboolean
reload_cb (gpointer user_data)
{
  HeedCasePage *self = user_data;

  self->reload_source = 0;
  if (self->kase != NULL && !self->changed)
    heed_case_page_set_case (self, self->store, page_case_id (self));
  return G_SOURCE_REMOVE;
}

/* Another seat changed the case on this page: shown at once when nothing is typed here; when
 * something is, the person is told and chooses (the page's own changes reload it already). */
static void
on_store_case_changed_cb (HeedStore    *store,
                          gint64        case_id,
                          HeedCasePage *self)
{
  g_autofree char *last = NULL;
  g_autofree char *message = NULL;

  if (case_id != page_case_id (self) || !heed_store_is_change_from_elsewhere (store))
    return;
  if (!self->changed)
    {
      /* After the signal, not inside it: the reload replaces the widgets on the page. */
      if (self->reload_source == 0)
        self->reload_source = g_idle_add (reload_cb, self);
      return;
    }
  last = heed_store_dup_last_change (store, "cases", case_id);
  if (last != NULL)
    /* Translators: %s is who changed it and when ("Morgan Manager, 7 December 2026 at 14:02") */
    message = g_strdup_printf (_("This case was changed elsewhere by %s. What you typed here "
                                 "is not saved yet."),
                               last);
  else
    message = g_strdup (_("This case was changed elsewhere. What you typed here is not saved "
                          "yet."));
  show_changed_elsewhere (self, message);
}

static void
on_reload_theirs_clicked_cb (HeedCasePage *self)
{
  g_autoptr(GError) error = NULL;

  hide_changed_elsewhere (self);
  if (self->kase == NULL)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (!heed_store_drop_form_draft (self->store, self->draft_id, &error))
    {
      show_problem (self, error->message);
      return;
    }
  self->draft_id = 0;
  set_changed (self, FALSE);
  heed_case_page_set_case (self, self->store, page_case_id (self));
}

/* The case as now saved, with what was typed here read back over it from the draft: only the
 * fields typed in, so the other seat's changes to the rest stay. Saving then is a choice. */
static void
on_keep_mine_clicked_cb (HeedCasePage *self)
{
  hide_changed_elsewhere (self);
  if (self->kase == NULL)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  keep_draft_cb (self);
  heed_case_page_set_case (self, self->store, page_case_id (self));
}

static void
heed_case_page_dispose (GObject *object)
{
  HeedCasePage *self = HEED_CASE_PAGE (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->store_signals);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_object (&self->kase);
  g_clear_object (&self->before_status);
  g_clear_object (&self->complainant);
  g_clear_object (&self->affected);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_CASE_PAGE);
  G_OBJECT_CLASS (heed_case_page_parent_class)->dispose (object);
}

static void
heed_case_page_finalize (GObject *object)
{
  HeedCasePage *self = HEED_CASE_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->deadline_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (heed_case_page_parent_class)->finalize (object);
}

static void
heed_case_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeedCasePage *self = HEED_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CHANGED:
      g_value_set_boolean (value, self->changed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Subject access export ------------------------------------------------------------------ */

/* Writes NAME.pdf and NAME.xml for the person, from the name chosen (with or without either
 * extension). */
static void
export_subject_access (HeedCasePage *self,
                       gint64        person_id,
                       const char   *chosen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedSubjectAccess) access = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *base = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xml_path = NULL;
  GtkWidget *overlay;

  if (g_str_has_suffix (chosen, ".pdf") || g_str_has_suffix (chosen, ".xml"))
    base = g_strndup (chosen, strlen (chosen) - 4);
  else
    base = g_strdup (chosen);
  pdf_path = g_strconcat (base, ".pdf", NULL);
  xml_path = g_strconcat (base, ".xml", NULL);

  access = heed_subject_access_collect (self->store, person_id, &error);
  if (access != NULL)
    pdf = heed_subject_access_render_pdf (access, &error);
  if (pdf == NULL || !heed_subject_access_save (access, xml_path, pdf, pdf_path, &error))
    {
      show_problem (self, error->message);
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      g_autofree char *basename = g_path_get_basename (base);
      g_autofree char *text = NULL;

      /* TRANSLATORS: after a subject access export, "Saved Ann Lee.pdf and Ann Lee.xml" */
      text = g_strdup_printf (_("Saved %s.pdf and %s.xml"), basename, basename);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
    }
}

static void
on_subject_access_response_cb (GtkNativeDialog *native,
                               int              response,
                               HeedCasePage    *self)
{
  gint64 person_id = *(gint64 *) g_object_get_data (G_OBJECT (native), "heed-person");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && g_file_peek_path (file) != NULL)
        export_subject_access (self, person_id, g_file_peek_path (file));
    }
  g_object_unref (native);
}

/* Asks where to save everything held about the complainant or the person affected. */
static void
subject_access_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeedCasePage *self = HEED_CASE_PAGE (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  HeedPerson *person = g_str_equal (which, "affected") ? self->affected : self->complainant;
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;
  gint64 person_id;

  if (self->store == NULL || person == NULL)
    return;
  person_id = heed_record_get_id (HEED_RECORD (person));
  if (person_id <= 0 || self->changed)
    {
      show_problem (self, _("Save the case first: the export is made from what is saved."));
      return;
    }
  name = heed_person_dup_full_name (person);
  native = gtk_file_chooser_native_new (_("Save the Subject Access Export"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* TRANSLATORS: a file name; a .pdf and a .xml are saved with it */
  file_name = g_strdup_printf (_("Subject access export %s.pdf"), name);
  g_strdelimit (file_name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  g_object_set_data_full (G_OBJECT (native), "heed-person",
                          g_memdup2 (&person_id, sizeof person_id), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_subject_access_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The button on a person's group; hidden until there is a saved person to export. */
static void
add_subject_access_button (HeedCasePage *self,
                           GtkWidget    *group,
                           HeedPerson   *person,
                           const char   *which)
{
  GtkWidget *button = heed_accessible_button_new (_("Subject _Access Export…"));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Everything held about this person, as PDF and XML, "
                                         "for a subject access request"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case-page.subject-access");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", which);
  gtk_widget_set_visible (button, person != NULL && heed_record_get_id (HEED_RECORD (person)) > 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

static void
heed_case_page_class_init (HeedCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_case_page_dispose;
  object_class->finalize = heed_case_page_finalize;
  object_class->get_property = heed_case_page_get_property;

  properties[PROP_CHANGED] =
    g_param_spec_boolean ("changed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HeedCasePage::status-changed:
   * @from: the status before
   * @to: the status now
   *
   * The case moved to another status (already saved and audited).
   */
  signals[SIGNAL_STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "case-page.subject-access", "s",
                                   subject_access_action);

  g_type_ensure (HEED_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/heedapp/Heed/ui/heed-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, page);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, people_page);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, details_page);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, outcome_page);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, case_timeline);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, status_box);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, deadline_group);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, elsewhere_revealer);
  gtk_widget_class_bind_template_child (widget_class, HeedCasePage, elsewhere_label);
  gtk_widget_class_bind_template_callback (widget_class, on_reload_theirs_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_mine_clicked_cb);
}

static void
on_timeline_add_entry_cb (HeedCasePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-entry", NULL);
}

static void
heed_case_page_init (HeedCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  g_signal_connect_swapped (self->case_timeline, "add-entry",
                            G_CALLBACK (on_timeline_add_entry_cb), self);
  self->editors = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_ptr_array_new ();
  self->deadline_rows = g_ptr_array_new ();
  self->store_signals = g_signal_group_new (HEED_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "case-changed",
                                 G_CALLBACK (on_store_case_changed_cb), self, 0);
  {
    /* An email dropped on the case becomes an entry of it. */
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (on_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
}

/* Overview: what to do next, the risk and the plan, the log and the history. */
static void
fill_overview_page (HeedCasePage     *self,
                    HeedRecordEditor *editor,
                    gboolean          answered)
{
  GtkWidget *group;

  if (answered)
    {
      group = heed_record_editor_add_group (editor, _("Risk"),
                                            _("Grade it when it comes in and again after the "
                                              "investigation. At receipt, choose the "
                                              "seriousness and likelihood, or a cell of the "
                                              "matrix."),
                                            risk_fields);
      {
        /* On a narrow window the matrix scrolls sideways rather than widening the page. */
        GtkWidget *scroller = gtk_scrolled_window_new ();

        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                        GTK_POLICY_NEVER);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), make_matrix (self));
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scroller);
    }
    add_group (self, self->page, group);
    add_group (self, self->page,
               heed_record_editor_add_group (editor, _("The Plan Agreed with Them"), NULL,
                                             plan_fields));
    }
  fill_log (self);
  add_group (self, self->page, make_history_group (self, page_case_id (self)));

}

/* People: who complains, for whom, their consent, the staff involved and any restriction. */
static void
fill_people_page (HeedCasePage     *self,
                  HeedRecordEditor *editor,
                  GPtrArray        *staff,
                  gboolean          answered)
{
  {
    HeedRecordEditor *person = add_editor (self, HEED_RECORD (self->complainant),
                                           "complainant", NULL);

    GtkWidget *person_group;

    person_group = heed_record_editor_add_group (person,
                                                 answered ? _("The Person Complaining")
                                                          : _("From"),
                                                 _("How to reach them and how they would like "
                                                   "to be contacted."),
                                                 person_fields);

    add_subject_access_button (self, person_group, self->complainant, "complainant");
    add_group (self, self->people_page, person_group);
  }
  if (answered)
    {
      add_group (self, self->people_page,
                 heed_record_editor_add_group (editor, _("On Behalf of Someone Else"), NULL,
                                               behalf_fields));
      {
        HeedRecordEditor *person = add_editor (self, HEED_RECORD (self->affected), "affected",
                                               NULL);

        GtkWidget *person_group;

        person_group = heed_record_editor_add_group (person, _("The Person Affected"),
                                                     _("Leave empty when the person complaining "
                                                       "is the person affected."),
                                                     person_fields);

        add_subject_access_button (self, person_group, self->affected, "affected");
        add_group (self, self->people_page, person_group);
    }
    add_group (self, self->people_page,
               heed_record_editor_add_group (editor, _("Consent and Authorisation"), NULL,
                                             consent_fields));
    }
  {
    GtkWidget *picker = heed_staff_picker_new (staff);
    g_autoptr(GArray) involved = heed_store_list_case_staff (self->store, page_case_id (self),
                                                             NULL);

    heed_staff_picker_set_selected (HEED_STAFF_PICKER (picker), involved);
    gtk_widget_set_sensitive (picker, !heed_store_is_read_only (self->store));
    g_signal_connect (picker, "changed", G_CALLBACK (on_staff_picked_cb), self);
    add_group (self, self->people_page, picker);
  }
  if (answered)
    add_record_list (self, self->people_page, &restriction_list, HEED_TYPE_RESTRICTION,
                     _("Contact Restrictions"),
                     _("Only where contact has become unreasonable: what is limited, why, "
                       "from when, and when it will be reviewed."),
                     _("None"));

}

/* What happened, and how it came in. */
static void
fill_details_page (HeedCasePage     *self,
                   HeedRecordEditor *editor)
{
  add_group (self, self->details_page,
             heed_record_editor_add_group (editor, _("How It Came In"), NULL, received_fields));
  add_group (self, self->details_page,
             heed_record_editor_add_group (editor, _("What Happened"), NULL, happened_fields));
  add_group (self, self->details_page,
             heed_record_editor_add_group (editor, _("First Contact"), NULL,
                                           first_contact_fields));
  add_group (self, self->details_page,
             heed_record_editor_add_group (editor, _("Safeguarding and Other Organisations"),
                                           NULL, others_fields));

}

/* Outcome: each part and its finding, the remedy, the action plan, the Ombudsman, learning. */
static void
fill_outcome_page (HeedCasePage     *self,
                   HeedRecordEditor *editor,
                   gboolean          answered)
{
  if (answered)
    {
      add_record_list (self, self->outcome_page, &element_list, HEED_TYPE_CASE_ELEMENT,
                       _("Each Part of the Complaint"),
                       _("Every issue raised, what the investigation found, and whether it is "
                         "upheld. The final response answers each one."),
                       _("No parts written down yet"));
      add_group (self, self->outcome_page,
                 heed_record_editor_add_group (editor, _("Outcome and Remedy"), NULL,
                                               outcome_fields));
    }
  add_record_list (self, self->outcome_page, &action_list, HEED_TYPE_ACTION,
                   _("Action Plan"),
                   _("What will change because of this complaint: what, who, by when, and how "
                     "the practice will know it worked."),
                   _("No actions yet"));
  if (answered)
    add_group (self, self->outcome_page,
               heed_record_editor_add_group (editor, _("Ombudsman"), NULL, ombudsman_fields));
  add_group (self, self->outcome_page,
             heed_record_editor_add_group (editor, _("Learning"),
                                           _("What the practice learned, and the wording for "
                                             "the annual report and “You said, we did”, with no "
                                             "names."),
                                           learning_fields));
  if (answered)
    fill_survey (self);

}

gboolean
heed_case_page_set_case (HeedCasePage *self,
                         HeedStore    *store,
                         gint64        case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  HeedRecordEditor *editor;
  HeedCase *kase;
  gboolean answered;

  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), FALSE);
  g_return_val_if_fail (HEED_IS_STORE (store), FALSE);

  kase = heed_store_load (store, HEED_TYPE_CASE, case_id, &error);
  if (kase == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }

  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->kase == NULL || heed_record_get_id (HEED_RECORD (self->kase)) != case_id)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "overview");
      g_clear_object (&self->before_status);
    }
  clear_page (self);
  if (self->kase == NULL || heed_record_get_id (HEED_RECORD (self->kase)) != case_id)
    hide_changed_elsewhere (self);
  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_clear_object (&self->kase);
  self->kase = kase;
  self->draft_id = 0;
  g_clear_object (&self->complainant);
  g_clear_object (&self->affected);
  self->complainant = load_person (self, HEED_CASE_COMPLAINANT);
  self->affected = load_person (self, HEED_CASE_AFFECTED);
  staff = heed_store_list (store, HEED_TYPE_STAFF, 0, NULL);

  fill_header (self);
  fill_status_box (self);
  fill_deadlines (self);
  if (heed_timeline_view_get_store (self->case_timeline) != store)
    heed_timeline_view_set_store (self->case_timeline, store);
  heed_timeline_view_set_case_id (self->case_timeline, case_id);
  heed_timeline_view_reload (self->case_timeline);

  editor = add_editor (self, HEED_RECORD (kase), "case", staff);
  /* Complaints and concerns are graded, planned with the person and answered; comments and
   * compliments are logged, passed on and learned from (the forms that take them in ask as
   * much). */
  answered = !heed_status_is_simple_kind (heed_case_get_kind (kase));

  fill_overview_page (self, editor, answered);
  fill_people_page (self, editor, staff, answered);
  fill_details_page (self, editor);
  fill_outcome_page (self, editor, answered);
  set_changed (self, FALSE);
  restore_draft (self);
  heed_accessible_name_all (GTK_WIDGET (self));
  return TRUE;
}

HeedCase *
heed_case_page_get_case (HeedCasePage *self)
{
  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

gboolean
heed_case_page_get_changed (HeedCasePage *self)
{
  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), FALSE);
  return self->changed;
}

static gboolean
has_error_row (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "error") && ADW_IS_PREFERENCES_ROW (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_error_row (child))
      return TRUE;
  return FALSE;
}

/* Brings the part of the case with the first problem into view, so it can be put right. */
static void
show_first_problem (HeedCasePage *self)
{
  AdwPreferencesPage *pages[] = { self->page, self->people_page, self->details_page,
                                  self->outcome_page };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (has_error_row (GTK_WIDGET (pages[i])))
      {
        adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (pages[i]));
        for (guint j = 0; j < self->editors->len; j++)
          heed_record_editor_check (g_ptr_array_index (self->editors, j));
        return;
      }
}

gboolean
heed_case_page_save (HeedCasePage  *self,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  guint problems = 0;

  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), FALSE);

  if (self->kase == NULL || !self->changed)
    return TRUE;

  for (guint i = 0; i < self->editors->len; i++)
    problems += heed_record_editor_check (g_ptr_array_index (self->editors, i));
  if (problems > 0)
    {
      show_first_problem (self);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was saved: %u thing needs putting right first.",
                                "Nothing was saved: %u things need putting right first.",
                                problems),
                   problems);
      return FALSE;
    }

  if (!heed_case_edit_save (self->store, self->kase, self->complainant, self->affected,
                            self->draft_id, &local_error))
    {
      /* Another seat saved first: what was typed is kept as a draft, and the person chooses
       * between theirs and it. */
      if (g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE))
        {
          g_clear_handle_id (&self->draft_source, g_source_remove);
          keep_draft_cb (self);
          show_changed_elsewhere (self, local_error->message);
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_id = 0;
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
  return TRUE;
}

gboolean
heed_case_page_undo_status_change (HeedCasePage  *self,
                                   GError       **error)
{
  g_autoptr(HeedCase) before = NULL;

  g_return_val_if_fail (HEED_IS_CASE_PAGE (self), FALSE);

  if (self->kase == NULL || self->before_status == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("There is no change of status to undo."));
      return FALSE;
    }
  before = g_steal_pointer (&self->before_status);
  if (!heed_store_undo_status_change (self->store, self->kase, before, error))
    return FALSE;
  heed_case_page_set_case (self, self->store, heed_record_get_id (HEED_RECORD (self->kase)));
  return TRUE;
}
