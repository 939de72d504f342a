/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "heed-accessible.h"
#include "heed-phone-log.h"
#include "heed-phone-log-dialog.h"

/* Reception's quick log of a phone call, in the order the call goes (seed 000). The checks
 * and the saving are HeedPhoneLog's; this only fills it and shows what it says. */

struct _HeedPhoneLogDialog
{
  AdwWindow     parent_instance;

  AdwComboRow  *kind_row;
  AdwEntryRow  *title_row;
  AdwEntryRow  *first_name_row;
  AdwEntryRow  *last_name_row;
  AdwEntryRow  *known_as_row;
  AdwEntryRow  *phone_row;
  AdwEntryRow  *times_row;
  GtkSwitch    *answerphone_switch;
  AdwExpanderRow *behalf_row;
  AdwEntryRow  *affected_row;
  AdwComboRow  *relationship_row;
  GtkTextView  *happened_view;
  AdwEntryRow  *summary_row;
  GtkTextView  *wanted_view;
  GtkSwitch    *callback_switch;
  GtkSwitch    *meeting_switch;
  GtkSwitch    *advocacy_switch;
  AdwEntryRow  *needs_row;
  GtkLabel     *problem_label;

  HeedStore    *store;
  gint64        draft_id;
  guint         draft_source;
  gboolean      loading;
  gboolean      summary_edited;  /* typed by reception: no longer follows what happened */
  gboolean      offering;        /* the summary is being set from what happened */
};

G_DEFINE_FINAL_TYPE (HeedPhoneLogDialog, heed_phone_log_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_LOGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_entry (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

static char *
dup_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static HeedPhoneLog *
read_form (HeedPhoneLogDialog *self)
{
  static const char *const relationships[] = {
    "spouse-partner", "parent-guardian", "child", "carer", "other"
  };
  HeedPhoneLog *log = heed_phone_log_new ();
  guint relationship = adw_combo_row_get_selected (self->relationship_row);

  g_free (log->kind);
  log->kind = g_strdup (adw_combo_row_get_selected (self->kind_row) == 1 ? "concern"
                                                                          : "complaint");
  log->title = dup_entry (self->title_row);
  log->first_name = dup_entry (self->first_name_row);
  log->last_name = dup_entry (self->last_name_row);
  log->known_as = dup_entry (self->known_as_row);
  log->phone = dup_entry (self->phone_row);
  log->contact_times = dup_entry (self->times_row);
  log->answerphone_ok = gtk_switch_get_active (self->answerphone_switch);
  log->on_behalf = adw_expander_row_get_enable_expansion (self->behalf_row);
  if (log->on_behalf)
    {
      log->affected_name = dup_entry (self->affected_row);
      if (relationship < G_N_ELEMENTS (relationships))
        log->relationship = g_strdup (relationships[relationship]);
    }
  log->what_happened = dup_view (self->happened_view);
  log->summary = dup_entry (self->summary_row);
  log->outcome_wanted = dup_view (self->wanted_view);
  log->callback_offered = gtk_switch_get_active (self->callback_switch);
  log->meeting_offered = gtk_switch_get_active (self->meeting_switch);
  log->advocacy_offered = gtk_switch_get_active (self->advocacy_switch);
  log->needs = dup_entry (self->needs_row);
  return log;
}

static GtkWidget *
widget_for_field (HeedPhoneLogDialog *self,
                  const char         *field)
{
  if (g_strcmp0 (field, "last-name") == 0)
    return GTK_WIDGET (self->last_name_row);
  if (g_strcmp0 (field, "phone") == 0)
    return GTK_WIDGET (self->phone_row);
  if (g_strcmp0 (field, "what-happened") == 0)
    return GTK_WIDGET (self->happened_view);
  if (g_strcmp0 (field, "affected-name") == 0)
    return GTK_WIDGET (self->affected_row);
  if (g_strcmp0 (field, "relationship") == 0)
    return GTK_WIDGET (self->relationship_row);
  return NULL;
}

static void
show_problems (HeedPhoneLogDialog *self,
               GPtrArray          *problems)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->last_name_row), GTK_WIDGET (self->phone_row),
    GTK_WIDGET (self->happened_view), GTK_WIDGET (self->affected_row),
    GTK_WIDGET (self->relationship_row),
  };
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (fields[i], "error");

  for (guint i = 0; i < problems->len; i++)
    {
      HeedProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *widget = widget_for_field (self, problem->field);

      if (widget != NULL)
        {
          gtk_widget_add_css_class (widget, "error");
          if (first == NULL)
            first = widget;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }

  gtk_label_set_text (self->problem_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

/* What is typed, kept in the practice file as it is typed (a crash loses nothing). The keys
 * are the widgets' names in the template. */
typedef struct {
  const char *key;
  GtkWidget  *widget;
} DraftField;

#define N_DRAFT_FIELDS 9

/* The one-line fields a draft keeps, by key. */
static void
get_draft_fields (HeedPhoneLogDialog *self,
                  DraftField          fields[N_DRAFT_FIELDS])
{
  const DraftField all[N_DRAFT_FIELDS] = {
    { "title", GTK_WIDGET (self->title_row) },
    { "first-name", GTK_WIDGET (self->first_name_row) },
    { "last-name", GTK_WIDGET (self->last_name_row) },
    { "known-as", GTK_WIDGET (self->known_as_row) },
    { "phone", GTK_WIDGET (self->phone_row) },
    { "times", GTK_WIDGET (self->times_row) },
    { "affected", GTK_WIDGET (self->affected_row) },
    { "needs", GTK_WIDGET (self->needs_row) },
    { "summary", GTK_WIDGET (self->summary_row) },
  };

  memcpy (fields, all, sizeof all);
}

static void
write_draft (HeedPhoneLogDialog *self,
             GKeyFile           *key_file)
{
  DraftField fields[N_DRAFT_FIELDS];
  g_autofree char *happened = dup_view (self->happened_view);
  g_autofree char *wanted = dup_view (self->wanted_view);

  get_draft_fields (self, fields);
  for (guint i = 0; i < N_DRAFT_FIELDS; i++)
    g_key_file_set_string (key_file, "phone-log", fields[i].key,
                           gtk_editable_get_text (GTK_EDITABLE (fields[i].widget)));
  g_key_file_set_string (key_file, "phone-log", "happened", happened != NULL ? happened : "");
  g_key_file_set_string (key_file, "phone-log", "wanted", wanted != NULL ? wanted : "");
  g_key_file_set_integer (key_file, "phone-log", "kind",
                          (int) adw_combo_row_get_selected (self->kind_row));
  g_key_file_set_integer (key_file, "phone-log", "relationship",
                          (int) adw_combo_row_get_selected (self->relationship_row));
  g_key_file_set_boolean (key_file, "phone-log", "on-behalf",
                          adw_expander_row_get_enable_expansion (self->behalf_row));
  g_key_file_set_boolean (key_file, "phone-log", "answerphone",
                          gtk_switch_get_active (self->answerphone_switch));
  g_key_file_set_boolean (key_file, "phone-log", "callback",
                          gtk_switch_get_active (self->callback_switch));
  g_key_file_set_boolean (key_file, "phone-log", "meeting",
                          gtk_switch_get_active (self->meeting_switch));
  g_key_file_set_boolean (key_file, "phone-log", "advocacy",
                          gtk_switch_get_active (self->advocacy_switch));
}

static void
read_draft (HeedPhoneLogDialog *self,
            GKeyFile           *key_file)
{
  DraftField fields[N_DRAFT_FIELDS];
  const struct { const char *key; GtkSwitch *widget; } switches[] = {
    { "answerphone", self->answerphone_switch }, { "callback", self->callback_switch },
    { "meeting", self->meeting_switch }, { "advocacy", self->advocacy_switch },
  };
  g_autofree char *happened = g_key_file_get_string (key_file, "phone-log", "happened", NULL);
  g_autofree char *wanted = g_key_file_get_string (key_file, "phone-log", "wanted", NULL);

  get_draft_fields (self, fields);
  self->loading = TRUE;
  for (guint i = 0; i < N_DRAFT_FIELDS; i++)
    {
      g_autofree char *text = g_key_file_get_string (key_file, "phone-log", fields[i].key, NULL);

      gtk_editable_set_text (GTK_EDITABLE (fields[i].widget), text != NULL ? text : "");
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->happened_view),
                            happened != NULL ? happened : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->wanted_view),
                            wanted != NULL ? wanted : "", -1);
  adw_combo_row_set_selected (self->kind_row,
                              (guint) g_key_file_get_integer (key_file, "phone-log", "kind",
                                                              NULL));
  adw_combo_row_set_selected (self->relationship_row,
                              (guint) g_key_file_get_integer (key_file, "phone-log",
                                                              "relationship", NULL));
  adw_expander_row_set_enable_expansion (self->behalf_row,
                                         g_key_file_get_boolean (key_file, "phone-log",
                                                                 "on-behalf", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    gtk_switch_set_active (switches[i].widget,
                           g_key_file_get_boolean (key_file, "phone-log", switches[i].key,
                                                   NULL));
  self->loading = FALSE;
  /* A summary unlike the one offered was typed by reception: it stays as it is. */
  {
    g_autofree char *offered = heed_phone_log_suggest_summary (happened);
    const char *summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));

    self->summary_edited = summary != NULL && summary[0] != '\0'
                           && g_strcmp0 (summary, offered) != 0;
  }
}

static void
keep_draft (HeedPhoneLogDialog *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  g_autofree char *title = NULL;
  const char *first = gtk_editable_get_text (GTK_EDITABLE (self->first_name_row));
  const char *last = gtk_editable_get_text (GTK_EDITABLE (self->last_name_row));

  g_clear_handle_id (&self->draft_source, g_source_remove);
  write_draft (self, key_file);
  content = g_key_file_to_data (key_file, NULL, NULL);
  /* Translators: how a kept phone log is offered back: "Phone call from Ann Lee" */
  title = g_strstrip (g_strdup_printf (_("Phone call from %s %s"), first, last));
  if (!heed_store_keep_form_draft (self->store, &self->draft_id, "phone-log", 0, title,
                                   content, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
    }
}

static gboolean
keep_draft_cb (gpointer user_data)
{
  HeedPhoneLogDialog *self = user_data;

  self->draft_source = 0;
  keep_draft (self);
  return G_SOURCE_REMOVE;
}

static void
on_typed_cb (HeedPhoneLogDialog *self)
{
  if (self->loading || self->store == NULL)
    return;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_source = g_timeout_add (400, keep_draft_cb, self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedPhoneLogDialog *self = HEED_PHONE_LOG_DIALOG (widget);
  g_autoptr(HeedPhoneLog) log = read_form (self);
  g_autoptr(GPtrArray) problems = heed_phone_log_validate (log);
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  show_problems (self, problems);
  if (problems->len > 0)
    return;

  /* The call and the end of its draft together. */
  if (heed_store_begin (self->store, &error))
    {
      kase = heed_phone_log_save (log, self->store, &error);
      if (kase == NULL || !heed_store_drop_form_draft (self->store, self->draft_id, &error)
          || !heed_store_commit (self->store, &error))
        {
          g_clear_object (&kase);
          heed_store_rollback (self->store);
        }
    }
  if (kase == NULL)
    {
      /* Nothing typed is lost: the dialog stays open with everything in it. */
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
  self->draft_id = 0;
  g_signal_emit (self, signals[SIGNAL_LOGGED], 0, kase);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing on purpose (Escape, Cancel) means the typing is not wanted. */
static gboolean
on_close_request_cb (GtkWindow          *window,
                     HeedPhoneLogDialog *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft_id > 0)
    heed_store_drop_form_draft (self->store, self->draft_id, NULL);
  self->draft_id = 0;
  return FALSE;
}

static void
heed_phone_log_dialog_dispose (GObject *object)
{
  HeedPhoneLogDialog *self = HEED_PHONE_LOG_DIALOG (object);

  g_clear_handle_id (&self->draft_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_PHONE_LOG_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (heed_phone_log_dialog_parent_class)->dispose (object);
}

static void
heed_phone_log_dialog_class_init (HeedPhoneLogDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_phone_log_dialog_dispose;

  signals[SIGNAL_LOGGED] =
    g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HEED_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-phone-log-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HeedPhoneLogDialog, name)
  BIND (kind_row);
  BIND (title_row);
  BIND (first_name_row);
  BIND (last_name_row);
  BIND (known_as_row);
  BIND (phone_row);
  BIND (times_row);
  BIND (answerphone_switch);
  BIND (behalf_row);
  BIND (affected_row);
  BIND (relationship_row);
  BIND (happened_view);
  BIND (summary_row);
  BIND (wanted_view);
  BIND (callback_switch);
  BIND (meeting_switch);
  BIND (advocacy_switch);
  BIND (needs_row);
  BIND (problem_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "phone-log.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "phone-log.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The summary is offered from the first sentence of what happened, until reception types
 * its own. */
static void
on_happened_changed_cb (HeedPhoneLogDialog *self)
{
  g_autofree char *happened = NULL;
  g_autofree char *offered = NULL;

  if (self->summary_edited || self->loading)
    return;
  happened = dup_view (self->happened_view);
  offered = heed_phone_log_suggest_summary (happened);
  self->offering = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), offered != NULL ? offered : "");
  self->offering = FALSE;
}

static void
on_summary_changed_cb (HeedPhoneLogDialog *self)
{
  const char *text;

  if (self->offering || self->loading)
    return;
  /* Emptied, it is offered again when what happened next changes (and on saving, a summary
   * left empty is the first sentence). */
  text = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  self->summary_edited = text != NULL && text[0] != '\0';
}

static void
connect_typing (HeedPhoneLogDialog *self)
{
  GtkWidget *editables[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->first_name_row),
    GTK_WIDGET (self->last_name_row), GTK_WIDGET (self->known_as_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->times_row),
    GTK_WIDGET (self->affected_row), GTK_WIDGET (self->needs_row),
  };
  GtkWidget *toggles[] = {
    GTK_WIDGET (self->answerphone_switch), GTK_WIDGET (self->callback_switch),
    GTK_WIDGET (self->meeting_switch), GTK_WIDGET (self->advocacy_switch),
  };

  for (guint i = 0; i < G_N_ELEMENTS (editables); i++)
    g_signal_connect_swapped (editables[i], "changed", G_CALLBACK (on_typed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    g_signal_connect_swapped (toggles[i], "notify::active", G_CALLBACK (on_typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->happened_view), "changed",
                            G_CALLBACK (on_typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->happened_view), "changed",
                            G_CALLBACK (on_happened_changed_cb), self);
  g_signal_connect_swapped (self->summary_row, "changed", G_CALLBACK (on_summary_changed_cb),
                            self);
  g_signal_connect_swapped (self->summary_row, "changed", G_CALLBACK (on_typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->wanted_view), "changed",
                            G_CALLBACK (on_typed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_typed_cb), self);
  g_signal_connect_swapped (self->relationship_row, "notify::selected",
                            G_CALLBACK (on_typed_cb), self);
  g_signal_connect_swapped (self->behalf_row, "notify::enable-expansion",
                            G_CALLBACK (on_typed_cb), self);
}

static void
heed_phone_log_dialog_init (HeedPhoneLogDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  heed_accessible_name_all (GTK_WIDGET (self));
  /* The caller's name is the first thing asked, so typing starts there. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->first_name_row));
  connect_typing (self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), self);
}

HeedPhoneLogDialog *
heed_phone_log_dialog_new (GtkWindow *parent,
                           HeedStore *store)
{
  HeedPhoneLogDialog *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_PHONE_LOG_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}

HeedPhoneLogDialog *
heed_phone_log_dialog_new_from_draft (GtkWindow     *parent,
                                      HeedStore     *store,
                                      HeedFormDraft *draft)
{
  HeedPhoneLogDialog *self = heed_phone_log_dialog_new (parent, store);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_return_val_if_fail (draft != NULL, self);

  if (g_key_file_load_from_data (key_file, draft->content, (gsize) -1, G_KEY_FILE_NONE, NULL))
    read_draft (self, key_file);
  self->draft_id = draft->id;
  return self;
}

/* Writes what is typed to the drafts now rather than after the pause (for tests, and before
 * signing out); a dialog nothing was typed in keeps no draft. */
void
heed_phone_log_dialog_keep_draft (HeedPhoneLogDialog *self)
{
  g_return_if_fail (HEED_IS_PHONE_LOG_DIALOG (self));
  if (self->draft_source == 0 && self->draft_id == 0)
    return;
  keep_draft (self);
}
