/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"
#include "heed-email.h"
#include "heed-feedback-dialog.h"
#include "heed-feedback-save.h"
#include "heed-intake.h"
#include "heed-procedure.h"
#include "heed-person.h"
#include "heed-record-editor.h"
#include "heed-staff.h"
#include "heed-staff-picker.h"

/* The full form for new feedback, with the sections of the example complaint form of seed
 * 001 for a complaint, and fewer for the other kinds. What is typed is kept in the practice
 * file as a draft while it is typed, so a crash or a power cut loses nothing. */

struct _HeedFeedbackDialog
{
  AdwWindow         parent_instance;

  AdwWindowTitle   *title;
  GtkWidget        *discard_button;
  GtkWidget        *save_button;
  GtkLabel         *problem_label;
  AdwPreferencesPage *page;

  HeedStore        *store;
  char             *kind;
  HeedCase         *kase;
  HeedPerson       *complainant;
  HeedPerson       *affected;
  HeedRecordEditor *case_editor;
  HeedRecordEditor *complainant_editor;
  HeedRecordEditor *affected_editor;
  HeedStaffPicker  *staff_picker;
  gint64            draft_id;
  guint             draft_source;
  HeedEmail        *email;      /* the message it was made from, kept with the case */
};

G_DEFINE_FINAL_TYPE (HeedFeedbackDialog, heed_feedback_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const about_you_fields[] = {
  "title", "first-name", "last-name", "known-as", "house", "street", "town", "postcode",
  "phone", "phone-alt", "email", "nhs-number", "date-of-birth", "contact-method",
  "contact-times", "answerphone-ok", "access-format", "language", "advocate", NULL
};
static const char *const short_person_fields[] = {
  "title", "first-name", "last-name", "phone", "email", "contact-method", NULL
};
static const char *const behalf_fields[] = {
  "on-behalf", "relationship", "relationship-other", "behalf-reason", "behalf-reason-other",
  "best-interests", "best-interests-note", NULL
};
static const char *const care_fields[] = { "care", NULL };
static const char *const affected_fields[] = {
  "title", "first-name", "last-name", "house", "street", "town", "postcode", "nhs-number",
  "date-of-birth", "deceased", NULL
};
static const char *const complaint_fields[] = {
  "summary", "incident-date", "aware-date", "description", "people-involved", "how-affected",
  "outcome-wanted", "late-reason", NULL
};
static const char *const feedback_fields[] = {
  "summary", "incident-date", "description", "people-involved", NULL
};
static const char *const consent_fields[] = {
  "consent-status", "authorised-on", NULL
};
static const char *const came_in_fields[] = {
  "channel", "received-at", "received-by", "anonymous", "confidential", "subject",
  "service-area", NULL
};

static char *
dup_title (HeedFeedbackDialog *self)
{
  g_autofree char *name = heed_person_dup_full_name (self->complainant);
  const char *kind = heed_case_kind_get_label (self->kind);

  if (name != NULL && name[0] != '\0')
    /* Translators: "Complaint from Ann Lee" */
    return g_strdup_printf (_("%s from %s"), kind, name);
  return g_strdup (kind);
}

static char *
dup_draft_content (HeedFeedbackDialog *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_string (key_file, "form", "kind", self->kind);
  heed_record_editor_write_draft (self->case_editor, key_file, "case");
  heed_record_editor_write_draft (self->complainant_editor, key_file, "complainant");
  if (self->affected_editor != NULL)
    heed_record_editor_write_draft (self->affected_editor, key_file, "affected");
  if (self->staff_picker != NULL)
    {
      g_autoptr(GArray) ids = heed_staff_picker_dup_selected (self->staff_picker);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? ";" : "",
                                g_array_index (ids, gint64, i));
      g_key_file_set_string (key_file, "form", "staff", list->str);
    }
  return g_key_file_to_data (key_file, NULL, NULL);
}

void
heed_feedback_dialog_keep_draft (HeedFeedbackDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (HEED_IS_FEEDBACK_DIALOG (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  content = dup_draft_content (self);
  title = dup_title (self);
  if (!heed_store_keep_form_draft (self->store, &self->draft_id, "feedback", 0, title, content,
                                   &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
}

static gboolean
keep_draft_cb (gpointer user_data)
{
  HeedFeedbackDialog *self = user_data;

  self->draft_source = 0;
  heed_feedback_dialog_keep_draft (self);
  return G_SOURCE_REMOVE;
}

static void
on_editor_changed_cb (HeedRecordEditor   *editor,
                      const char         *field,
                      HeedFeedbackDialog *self)
{
  g_autofree char *title = dup_title (self);

  adw_window_title_set_subtitle (self->title, title);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (400, keep_draft_cb, self);
}

static void
on_staff_changed_cb (HeedFeedbackDialog *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (400, keep_draft_cb, self);
}

static HeedRecordEditor *
make_editor (HeedFeedbackDialog *self,
             HeedRecord         *record,
             GPtrArray          *staff)
{
  HeedRecordEditor *editor = heed_record_editor_new (record);

  heed_record_editor_set_staff (editor, staff);
  heed_record_editor_use_categories (editor, self->store);
  g_signal_connect (editor, "changed", G_CALLBACK (on_editor_changed_cb), self);
  return editor;
}

static void
add (HeedFeedbackDialog *self,
     GtkWidget          *group)
{
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
build_form (HeedFeedbackDialog *self)
{
  gboolean complaint = heed_case_kind_from_id (self->kind) == HEED_KIND_COMPLAINT
                       || heed_case_kind_from_id (self->kind) == HEED_KIND_CONCERN;
  g_autoptr(GPtrArray) staff = heed_store_list (self->store, HEED_TYPE_STAFF, 0, NULL);
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *now = g_date_time_format (local, "%Y-%m-%dT%H:%M:00");

  if (self->email != NULL)
    {
      /* Filled from the message as reception would, for them to check. */
      g_autoptr(HeedIntake) intake = heed_intake_new ();
      g_autoptr(HeedPerson) sender = NULL;

      heed_email_fill_intake (self->email, intake);
      self->kase = heed_intake_build (intake, &sender, NULL);
      heed_record_set_text (HEED_RECORD (self->kase), HEED_CASE_STATUS, "draft");
      self->complainant = sender != NULL ? g_steal_pointer (&sender) : heed_person_new ();
    }
  else
    {
      self->kase = heed_case_new (self->kind);
      heed_record_set_text (HEED_RECORD (self->kase), HEED_CASE_RECEIVED_AT, now);
      self->complainant = heed_person_new ();
    }
  self->case_editor = make_editor (self, HEED_RECORD (self->kase), staff);
  self->complainant_editor = make_editor (self, HEED_RECORD (self->complainant), NULL);

  if (complaint)
    {
      self->affected = heed_person_new ();
      self->affected_editor = make_editor (self, HEED_RECORD (self->affected), NULL);
      add (self, heed_record_editor_add_group (self->complainant_editor, _("About You"),
                                               _("The person making the complaint, and how "
                                                 "they would like to be contacted."),
                                               about_you_fields));
      add (self, heed_record_editor_add_group (self->case_editor,
                                               _("On Behalf of Someone Else"), NULL,
                                               behalf_fields));
      add (self, heed_record_editor_add_group (self->affected_editor,
                                               _("The Person Affected"),
                                               _("Only when complaining on behalf of someone "
                                                 "else."),
                                               affected_fields));
      {
        /* The time limit of the procedure in force today, in the practice's nation. */
        guint months = heed_procedure_for (heed_store_get_nation (self->store),
                                           NULL)->time_limit_months;
        g_autofree char *description = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE,
                       "When it happened, what happened, who was involved, how it affected "
                       "them and what they would like to happen. A complaint made more than %u "
                       "month after it happened, or after they knew, needs the reason.",
                       "When it happened, what happened, who was involved, how it affected "
                       "them and what they would like to happen. A complaint made more than %u "
                       "months after it happened, or after they knew, needs the reason.",
                       months), months);

        add (self, heed_record_editor_add_group (self->case_editor,
                                                 heed_case_kind_from_id (self->kind)
                                                     == HEED_KIND_COMPLAINT
                                                   ? _("The Complaint")
                                                   : _("The Concern"),
                                                 description, complaint_fields));
      }
      /* A dental practice treats private patients, whose complaints go elsewhere. */
      {
        g_autofree char *type = heed_store_dup_setting (self->store, "practice-type");

        if (g_strcmp0 (type, "dental") == 0)
          add (self, heed_record_editor_add_group (self->case_editor,
                                                   _("NHS or Private Care"),
                                                   _("A private patient’s complaint goes to "
                                                     "the Dental Complaints Service, not the "
                                                     "Ombudsman, and is not counted in the "
                                                     "KO41(b)."),
                                                   care_fields));
      }
      add (self, heed_record_editor_add_group (self->case_editor,
                                               _("Consent and Authorisation"),
                                               _("When someone complains for another person, "
                                                 "that person’s consent is needed before "
                                                 "their information is shared."),
                                               consent_fields));
    }
  else
    {
      add (self, heed_record_editor_add_group (self->complainant_editor, _("From"),
                                               _("Leave empty if they did not say who they "
                                                 "are."),
                                               short_person_fields));
      add (self, heed_record_editor_add_group (self->case_editor,
                                               heed_case_kind_from_id (self->kind)
                                                   == HEED_KIND_COMPLIMENT
                                                 ? _("The Compliment")
                                                 : _("The Comment"),
                                               NULL, feedback_fields));
    }
  self->staff_picker = HEED_STAFF_PICKER (heed_staff_picker_new (staff));
  g_signal_connect_swapped (self->staff_picker, "changed", G_CALLBACK (on_staff_changed_cb), self);
  add (self, GTK_WIDGET (self->staff_picker));
  add (self, heed_record_editor_add_group (self->case_editor, _("How It Came In"), NULL,
                                           came_in_fields));
}

static void
read_draft (HeedFeedbackDialog *self,
            HeedFormDraft      *draft)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (!g_key_file_load_from_data (key_file, draft->content, (gsize) -1, G_KEY_FILE_NONE, NULL))
    return;
  heed_record_editor_read_draft (self->case_editor, key_file, "case");
  heed_record_editor_read_draft (self->complainant_editor, key_file, "complainant");
  if (self->affected_editor != NULL)
    heed_record_editor_read_draft (self->affected_editor, key_file, "affected");
  {
    g_autofree char *list = g_key_file_get_string (key_file, "form", "staff", NULL);
    g_auto(GStrv) parts = g_strsplit (list != NULL ? list : "", ";", -1);
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; parts[i] != NULL; i++)
      {
        gint64 id = 0;

        if (g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT64, &id, NULL))
          g_array_append_val (ids, id);
      }
    heed_staff_picker_set_selected (self->staff_picker, ids);
  }
}

gboolean
heed_feedback_dialog_save (HeedFeedbackDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) staff = NULL;
  guint problems;
  gboolean has_complainant;
  gboolean has_affected;

  g_return_val_if_fail (HEED_IS_FEEDBACK_DIALOG (self), FALSE);

  has_complainant = !heed_feedback_person_is_empty (self->complainant);
  has_affected = !heed_feedback_person_is_empty (self->affected);
  problems = heed_record_editor_check (self->case_editor);
  if (has_complainant)
    problems += heed_record_editor_check (self->complainant_editor);
  if (has_affected)
    problems += heed_record_editor_check (self->affected_editor);
  if (heed_feedback_needs_complainant (self->kase, self->complainant))
    {
      GtkWidget *row = heed_record_editor_get_row (self->complainant_editor, "first-name");

      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
      problems++;
      gtk_label_set_text (self->problem_label,
                          _("Say who is complaining, or switch on “Anonymous” under How It "
                            "Came In."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  if (problems > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u thing needs putting right; it is marked beside its "
                                      "field. Nothing typed is lost.",
                                      "%u things need putting right; each is marked beside its "
                                      "field. Nothing typed is lost.",
                                      problems),
                         problems);

      gtk_label_set_text (self->problem_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      heed_feedback_dialog_keep_draft (self);
      return FALSE;
    }

  /* The people, the case, its staff, the email and the draft together, or nothing. */
  staff = heed_staff_picker_dup_selected (self->staff_picker);
  if (!heed_feedback_save (self->store, self->kase, self->complainant, self->affected,
                           (const gint64 *) staff->data, staff->len, self->email,
                           self->draft_id, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return FALSE;
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_id = 0;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->kase);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkWidget *
heed_feedback_dialog_get_row (HeedFeedbackDialog *self,
                              const char         *part,
                              const char         *field)
{
  HeedRecordEditor *editor = NULL;

  g_return_val_if_fail (HEED_IS_FEEDBACK_DIALOG (self), NULL);

  if (g_strcmp0 (part, "case") == 0)
    editor = self->case_editor;
  else if (g_strcmp0 (part, "complainant") == 0)
    editor = self->complainant_editor;
  else if (g_strcmp0 (part, "affected") == 0)
    editor = self->affected_editor;
  return editor != NULL ? heed_record_editor_get_row (editor, field) : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  heed_feedback_dialog_save (HEED_FEEDBACK_DIALOG (widget));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HeedFeedbackDialog *self = HEED_FEEDBACK_DIALOG (widget);

  /* Cancel means the typing is not wanted: the draft goes too. */
  g_clear_handle_id (&self->draft_source, g_source_remove);
  heed_store_drop_form_draft (self->store, self->draft_id, NULL);
  self->draft_id = 0;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
heed_feedback_dialog_dispose (GObject *object)
{
  HeedFeedbackDialog *self = HEED_FEEDBACK_DIALOG (object);

  /* Closed without saving (the window manager, a logout): keep the typing. */
  if (self->draft_source != 0)
    heed_feedback_dialog_keep_draft (self);
  g_clear_object (&self->case_editor);
  g_clear_object (&self->complainant_editor);
  g_clear_object (&self->affected_editor);
  g_clear_object (&self->kase);
  g_clear_object (&self->complainant);
  g_clear_object (&self->affected);
  g_clear_object (&self->store);
  self->staff_picker = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_FEEDBACK_DIALOG);
  G_OBJECT_CLASS (heed_feedback_dialog_parent_class)->dispose (object);
}

static void
heed_feedback_dialog_finalize (GObject *object)
{
  HeedFeedbackDialog *self = HEED_FEEDBACK_DIALOG (object);

  g_clear_pointer (&self->email, heed_email_free);
  g_free (self->kind);
  G_OBJECT_CLASS (heed_feedback_dialog_parent_class)->finalize (object);
}

static void
heed_feedback_dialog_class_init (HeedFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_feedback_dialog_dispose;
  object_class->finalize = heed_feedback_dialog_finalize;

  /**
   * HeedFeedbackDialog::saved:
   * @kase: the new case, saved with its reference
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEED_TYPE_CASE);

  gtk_widget_class_install_action (widget_class, "feedback.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "feedback.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "feedback.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "feedback.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedFeedbackDialog, title);
  gtk_widget_class_bind_template_child (widget_class, HeedFeedbackDialog, discard_button);
  gtk_widget_class_bind_template_child (widget_class, HeedFeedbackDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HeedFeedbackDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HeedFeedbackDialog, page);
}

static void
heed_feedback_dialog_init (HeedFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Read out as they show, "Save" rather than "_Save Save". */
  heed_accessible_name_button (self->discard_button);
  heed_accessible_name_button (self->save_button);
}

static HeedFeedbackDialog *
dialog_new (GtkWindow     *parent,
            HeedStore     *store,
            const char    *kind,
            HeedFormDraft *draft,
            HeedEmail     *email)
{
  HeedFeedbackDialog *self;
  g_autofree char *draft_kind = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  if (draft != NULL)
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();

      if (g_key_file_load_from_data (key_file, draft->content, (gsize) -1, G_KEY_FILE_NONE, NULL))
        draft_kind = g_key_file_get_string (key_file, "form", "kind", NULL);
      kind = draft_kind;
    }
  if (kind == NULL || !g_strv_contains (heed_case_kinds, kind))
    kind = "complaint";

  self = g_object_new (HEED_TYPE_FEEDBACK_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->email = email;
  if (email != NULL)
    adw_window_title_set_subtitle (self->title, _("From an email; check it, then save"));
  /* Translators: the title of the form, "New Complaint" */
  heading = g_strdup_printf (_("New %s"), heed_case_kind_get_label (kind));
  adw_window_title_set_title (self->title, heading);
  gtk_window_set_title (GTK_WINDOW (self), heading);
  build_form (self);
  if (draft != NULL)
    {
      self->draft_id = draft->id;
      read_draft (self, draft);
    }
  /* Typing starts with who it is from, not on a button. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        heed_record_editor_get_row (self->complainant_editor, "first-name"));
  return self;
}

HeedFeedbackDialog *
heed_feedback_dialog_new (GtkWindow     *parent,
                          HeedStore     *store,
                          const char    *kind,
                          HeedFormDraft *draft)
{
  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  return dialog_new (parent, store, kind, draft, NULL);
}

HeedFeedbackDialog *
heed_feedback_dialog_new_for_email (GtkWindow *parent,
                                    HeedStore *store,
                                    HeedEmail *email)
{
  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  return dialog_new (parent, store, "complaint", NULL, email);
}
