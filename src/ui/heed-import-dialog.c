/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-import-dialog.h"
#include "heed-validate.h"

/* How many good rows the preview lists; every problem is listed. */
#define PREVIEW_ROWS 200

struct _HeedImportDialog
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkButton          *next_button;
  GtkButton          *back_button;
  GtkLabel           *problem_label;
  GtkStack           *stack;
  AdwActionRow       *file_row;
  AdwComboRow        *sheet_row;
  AdwActionRow       *heading_row;
  AdwPreferencesGroup *columns_group;
  AdwActionRow       *summary_row;
  GtkSwitch          *skip_switch;
  AdwPreferencesGroup *problems_group;
  GtkListBox         *problems_list;
  GtkListBox         *preview_list;

  HeedStore          *store;
  HeedTableImport    *import;
  GPtrArray          *column_rows;   /* AdwActionRow* in columns_group */
  GPtrArray          *dropdowns;     /* GtkDropDown* by column, NULL for an empty column */
  GPtrArray          *rows;          /* HeedImportRow* of the last preview */
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (HeedImportDialog, heed_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (HeedImportDialog *self,
              const char       *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static void
update_buttons (HeedImportDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  gboolean preview = g_strcmp0 (step, "preview") == 0;
  gboolean can_go = self->import != NULL && heed_table_import_get_heading_row (self->import) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_strcmp0 (step, "file") != 0);
  gtk_button_set_label (self->next_button, preview ? _("_Import") : _("_Next"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Named as it reads, without the underline */
                                  preview ? _("Import") : _("Next"), -1);
  if (preview && self->rows != NULL)
    {
      guint good = 0, bad = 0;

      for (guint i = 0; i < self->rows->len; i++)
        {
          HeedImportRow *row = g_ptr_array_index (self->rows, i);

          if (row->intake != NULL)
            {
              if (row->problems->len > 0)
                bad++;
              else
                good++;
            }
        }
      can_go = good > 0 && (bad == 0 || gtk_switch_get_active (self->skip_switch));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", can_go);
  adw_window_title_set_subtitle (self->window_title,
                                 g_strcmp0 (step, "file") == 0 ? _("Step 1 of 3: the file")
                                 : g_strcmp0 (step, "columns") == 0 ? _("Step 2 of 3: the columns")
                                 : _("Step 3 of 3: the cases"));
}

static void
clear_columns (HeedImportDialog *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->dropdowns, 0);
}

/* The dropdown's items: "Not imported", then every field. */
static guint
field_position (const char *field)
{
  guint n_fields;
  const HeedImportField *fields = heed_table_import_list_fields (&n_fields);

  for (guint i = 0; field != NULL && i < n_fields; i++)
    if (g_strcmp0 (fields[i].id, field) == 0)
      return i + 1;
  return 0;
}

static void
sync_dropdowns (HeedImportDialog *self)
{
  self->syncing = TRUE;
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->dropdowns, c);

      if (dropdown != NULL)
        gtk_drop_down_set_selected (dropdown,
                                    field_position (heed_table_import_get_field (self->import, c)));
    }
  self->syncing = FALSE;
}

static void update_samples (HeedImportDialog *self);

static void
on_dropdown_selected_cb (GtkDropDown      *dropdown,
                         GParamSpec       *pspec,
                         HeedImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "heed-column")) - 1;
  guint selected = gtk_drop_down_get_selected (dropdown);
  guint n_fields;
  const HeedImportField *fields = heed_table_import_list_fields (&n_fields);

  if (self->syncing || self->import == NULL)
    return;
  heed_table_import_set_field (self->import, column,
                               selected > 0 && selected <= n_fields ? fields[selected - 1].id
                                                                    : NULL);
  /* A field is in one column only: the column that had it shows "Not imported" now. */
  sync_dropdowns (self);
  update_samples (self);
}

static gboolean
is_date_field (const char *field)
{
  return g_strcmp0 (field, "received") == 0 || g_strcmp0 (field, "incident-date") == 0
         || g_strcmp0 (field, "acknowledged") == 0 || g_strcmp0 (field, "responded") == 0
         || g_strcmp0 (field, "closed") == 0;
}

/* The column's first values; for a date column, how Heed reads each. */
static char *
dup_samples_text (HeedImportDialog *self,
                  guint             column)
{
  g_autoptr(GPtrArray) samples = heed_table_import_dup_samples (self->import, column, 3);
  const char *field = heed_table_import_get_field (self->import, column);
  char *text;

  if (samples->len == 0)
    return g_strdup (_("Empty below the heading"));
  for (guint i = 0; is_date_field (field) && i < samples->len; i++)
    {
      GDate date;
      char *raw = g_ptr_array_index (samples, i);

      if (heed_table_import_parse_date (raw, &date, NULL, NULL, NULL))
        {
          g_autofree char *read = heed_format_date_long (&date);

          g_ptr_array_index (samples, i) = g_strcmp0 (raw, read) == 0 ? g_strdup (raw)
                                           /* Translators: a value and how Heed reads it */
                                           : g_strdup_printf (_("%s → %s"), raw, read);
          g_free (raw);
        }
    }
  g_ptr_array_add (samples, NULL);
  text = g_strjoinv (" · ", (char **) samples->pdata);
  g_strdelimit (text, "\n\r\t", ' ');
  return text;
}

static void
update_samples (HeedImportDialog *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->column_rows, i);
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "heed-column")) - 1;
      g_autofree char *text = dup_samples_text (self, column);

      adw_action_row_set_subtitle (row, text);
    }
}

static void
build_columns (HeedImportDialog *self)
{
  guint n_fields;
  const HeedImportField *fields = heed_table_import_list_fields (&n_fields);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  clear_columns (self);
  gtk_string_list_append (choices, _("Not imported"));
  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (choices, _(fields[i].label));

  for (guint c = 0; c < heed_table_import_get_n_columns (self->import); c++)
    {
      const char *heading = heed_table_import_get_heading (self->import, c);
      g_autoptr(GPtrArray) samples = heed_table_import_dup_samples (self->import, c, 1);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *row, *dropdown;

      if (heading[0] == '\0' && samples->len == 0)
        {
          g_ptr_array_add (self->dropdowns, NULL);
          continue;
        }
      subtitle = dup_samples_text (self, c);
      /* Translators: a column without a heading, "Column 5" */
      title = heading[0] != '\0' ? g_strdup (heading) : g_strdup_printf (_("Column %u"), c + 1);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      g_object_set_data (G_OBJECT (row), "heed-column", GUINT_TO_POINTER (c + 1));

      dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      /* Its column, counted from 1 so that the first is not NULL. */
      g_object_set_data (G_OBJECT (dropdown), "heed-column", GUINT_TO_POINTER (c + 1));
      /* Translators: the screen reader's name for a column's dropdown */
      accessible = g_strdup_printf (_("Heed field for the column “%s”"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                  field_position (heed_table_import_get_field (self->import, c)));
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_dropdown_selected_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
      g_ptr_array_add (self->dropdowns, dropdown);
    }
}

static void
describe_sheet (HeedImportDialog *self)
{
  guint heading = heed_table_import_get_heading_row (self->import);
  HeedTable *table = heed_table_import_get_table (self->import);
  HeedTableSheet *sheet = heed_table_find_sheet (table, heed_table_import_get_sheet (self->import),
                                                 NULL);
  g_autofree char *text = NULL;

  if (heading == 0 || sheet == NULL)
    text = g_strdup (_("This sheet is empty."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "On row %u, with %u row below",
                                         "On row %u, with %u rows below",
                                         sheet->rows->len - heading),
                            heading, sheet->rows->len - heading);
  adw_action_row_set_subtitle (self->heading_row, text);
}

static void
on_sheet_selected_cb (AdwComboRow      *row,
                      GParamSpec       *pspec,
                      HeedImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->import == NULL || selected >= heed_table_import_get_n_sheets (self->import))
    return;
  if (!heed_table_import_set_sheet (self->import,
                                    heed_table_import_get_sheet_name (self->import, selected),
                                    &error))
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  describe_sheet (self);
  build_columns (self);
  update_buttons (self);
}

gboolean
heed_import_dialog_set_file (HeedImportDialog  *self,
                             GFile             *file,
                             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GtkStringList) sheets = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  HeedTableImport *import;

  g_return_val_if_fail (HEED_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  import = bytes != NULL ? heed_table_import_new_for_bytes (bytes, name, &local_error) : NULL;
  if (import == NULL)
    {
      show_problem (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_problem (self, NULL);
  g_clear_object (&self->import);
  self->import = import;
  adw_action_row_set_subtitle (self->file_row, name);
  for (guint i = 0; i < heed_table_import_get_n_sheets (import); i++)
    gtk_string_list_append (sheets, heed_table_import_get_sheet_name (import, i));
  g_signal_handlers_block_by_func (self->sheet_row, on_sheet_selected_cb, self);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
  adw_combo_row_set_selected (self->sheet_row, 0);
  g_signal_handlers_unblock_by_func (self->sheet_row, on_sheet_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_row),
                            heed_table_import_get_n_sheets (import) > 1);
  describe_sheet (self);
  build_columns (self);
  update_buttons (self);
  return TRUE;
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
build_preview (HeedImportDialog *self)
{
  guint good = 0, bad = 0, left_out = 0, listed = 0;
  g_autofree char *summary = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = heed_table_import_check (self->import, self->store);

  for (guint i = 0; i < self->rows->len; i++)
    {
      HeedImportRow *row = g_ptr_array_index (self->rows, i);
      /* Translators: a row of the spreadsheet, "Row 12" */
      g_autofree char *title = g_strdup_printf (_("Row %u"), row->row);

      if (row->intake == NULL)
        {
          if (!row->blank)
            left_out++;
          continue;
        }
      if (row->problems->len > 0)
        {
          g_autofree char *joined = NULL;
          GtkWidget *line;

          g_ptr_array_add (row->problems, NULL);
          joined = g_strjoinv ("\n", (char **) row->problems->pdata);
          g_ptr_array_remove_index (row->problems, row->problems->len - 1);
          line = text_row (title, joined);
          gtk_widget_add_css_class (line, "error");
          gtk_list_box_append (self->problems_list, line);
          bad++;
          continue;
        }
      good++;
      if (listed < PREVIEW_ROWS)
        {
          g_autofree char *text = heed_import_row_describe (row, TRUE);

          gtk_list_box_append (self->preview_list, text_row (title, text));
          listed++;
        }
    }
  if (good > listed)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more case",
                                                            "and %u more cases", good - listed),
                                               good - listed);

      gtk_list_box_append (self->preview_list, text_row (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), bad > 0);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case will be made",
                                          "%u cases will be made", good),
                             good);
  if (bad > 0 && left_out > 0)
    detail = g_strdup_printf (_("%u with problems; %u left out (totals)"), bad, left_out);
  else if (bad > 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row has problems",
                                           "%u rows have problems", bad),
                              bad);
  else if (left_out > 0)
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row left out (a totals row)",
                                           "%u rows left out (totals)", left_out),
                              left_out);
  else
    detail = g_strdup (_("Every row is ready"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);
  adw_action_row_set_subtitle (self->summary_row, detail);
}

static void
import_now (HeedImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  guint n = 0;

  if (!heed_table_import_save (self->import, self->store,
                               gtk_switch_get_active (self->skip_switch), NULL, &n, &error))
    {
      show_problem (self, error->message);
      return;
    }
  source = g_strdup (heed_table_import_get_source_name (self->import));
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, n, source);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedImportDialog *self = HEED_IMPORT_DIALOG (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  if (self->import == NULL)
    return;
  show_problem (self, NULL);
  if (g_strcmp0 (step, "file") == 0)
    gtk_stack_set_visible_child_name (self->stack, "columns");
  else if (g_strcmp0 (step, "columns") == 0)
    {
      build_preview (self);
      gtk_stack_set_visible_child_name (self->stack, "preview");
    }
  else
    {
      /* Closes the dialog when it works. */
      import_now (self);
      return;
    }
  update_buttons (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HeedImportDialog *self = HEED_IMPORT_DIALOG (widget);
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  show_problem (self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_strcmp0 (step, "preview") == 0 ? "columns" : "file");
  update_buttons (self);
}

static void
on_file_chosen_cb (GtkNativeDialog  *native,
                   int               response,
                   HeedImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        heed_import_dialog_set_file (self, file, NULL);
    }
  g_object_unref (native);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HeedImportDialog *self = HEED_IMPORT_DIALOG (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a Spreadsheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV, Excel, OpenDocument)"));
  gtk_file_filter_add_pattern (filter, "*.[cC][sS][vV]");
  gtk_file_filter_add_pattern (filter, "*.[xX][lL][sS][xX]");
  gtk_file_filter_add_pattern (filter, "*.[oO][dD][sS]");
  gtk_file_filter_add_pattern (filter, "*.[tT][xX][tT]");
  gtk_file_filter_add_pattern (filter, "*.[tT][sS][vV]");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_skip_changed_cb (HeedImportDialog *self)
{
  update_buttons (self);
}

static void
heed_import_dialog_dispose (GObject *object)
{
  HeedImportDialog *self = HEED_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->import);
  G_OBJECT_CLASS (heed_import_dialog_parent_class)->dispose (object);
}

static void
heed_import_dialog_finalize (GObject *object)
{
  HeedImportDialog *self = HEED_IMPORT_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->dropdowns);
  G_OBJECT_CLASS (heed_import_dialog_parent_class)->finalize (object);
}

static void
heed_import_dialog_class_init (HeedImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_import_dialog_dispose;
  object_class->finalize = heed_import_dialog_finalize;

  /**
   * HeedImportDialog::imported:
   * @n_cases: how many cases were made
   * @source: the file's name
   */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                           2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/heedapp/Heed/ui/heed-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, heading_row);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, HeedImportDialog, preview_list);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose-file", NULL);
}

static void
heed_import_dialog_init (HeedImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();
  g_signal_connect (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_selected_cb), self);
  g_signal_connect_swapped (self->skip_switch, "notify::active", G_CALLBACK (on_skip_changed_cb),
                            self);
  update_buttons (self);
}

HeedImportDialog *
heed_import_dialog_new (GtkWindow *parent,
                        HeedStore *store)
{
  HeedImportDialog *self;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);

  self = g_object_new (HEED_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}

HeedTableImport *
heed_import_dialog_get_import (HeedImportDialog *self)
{
  g_return_val_if_fail (HEED_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

const char *
heed_import_dialog_get_step (HeedImportDialog *self)
{
  g_return_val_if_fail (HEED_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkDropDown *
heed_import_dialog_get_column_dropdown (HeedImportDialog *self,
                                        guint             column)
{
  g_return_val_if_fail (HEED_IS_IMPORT_DIALOG (self), NULL);
  return column < self->dropdowns->len ? g_ptr_array_index (self->dropdowns, column) : NULL;
}
