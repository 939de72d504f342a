/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-png.h"
#include "heed-publicity.h"
#include "heed-procedure.h"
#include "heed-report-figures.h"
#include "heed-store-exchange.h"
#include "heed-language.h"

#define MM HEED_POINTS_PER_MM
#define HELP_RESOURCE RESOURCE_BASE "/data/independent-help.ini"

#define MARGIN_SIDE   (15.0 * MM)
#define MARGIN_BOTTOM (20.0 * MM)
#define BAND_HEIGHT   (30.0 * MM)
#define LATER_BAND    (12.0 * MM)
#define LOGO_MAX_W    (50.0 * MM)
#define LOGO_MAX_H    (20.0 * MM)
/* Room for handwriting: a ruled line every 9 mm, more for someone who needs large print. */
#define WRITING_LINE  (9.0 * MM)
#define TICK_BOX      (5.0 * MM)
#define N_YOU_SAID    3
#define LABELS(array, i) ((const char *const *) g_ptr_array_index ((array), (i)))

/* The practice and its nation's independent help, as printed. */
typedef struct {
  char             *name;
  char            **address;
  char             *phone;
  char             *email;
  char             *manager;
  HeedNation        nation;
  const HeedProcedure *procedure;  /* in force on the day it is printed */
  gboolean          dental;
  GKeyFile         *help;
  HeedStore        *store;
  cairo_surface_t  *logo;
  double            band_height;
  gboolean          address_in_footer;
  HeedLanguage      language;
} Practice;

static void
practice_free (gpointer data)
{
  Practice *practice = data;

  g_free (practice->name);
  g_strfreev (practice->address);
  g_free (practice->phone);
  g_free (practice->email);
  g_free (practice->manager);
  g_clear_pointer (&practice->help, g_key_file_unref);
  g_clear_object (&practice->store);
  g_clear_pointer (&practice->logo, cairo_surface_destroy);
  g_free (practice);
}

static char *
setting (HeedStore  *store,
         const char *key)
{
  g_autofree char *value = heed_store_dup_setting (store, key);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

/* A poster without the logo is better than no poster. */
static cairo_surface_t *
load_logo (HeedStore *store)
{
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) bytes = heed_store_dup_setting_blob (store, "logo", &mime, NULL);

  return g_strcmp0 (mime, "image/png") == 0 ? heed_png_load (bytes) : NULL;
}

static Practice *
practice_load (HeedStore    *store,
               const GDate  *day,
               GError      **error)
{
  g_autoptr(GBytes) help = NULL;
  g_autofree char *address = NULL;
  Practice *practice = g_new0 (Practice, 1);

  practice->store = g_object_ref (store);
  practice->name = setting (store, "name");
  if (practice->name == NULL)
    practice->name = g_strdup (D_("Our practice"));
  address = setting (store, "address");
  practice->address = g_strsplit (address != NULL ? address : "", "\n", -1);
  practice->phone = setting (store, "phone");
  practice->email = setting (store, "email");
  practice->manager = setting (store, "complaints-manager");
  practice->nation = heed_store_get_nation (store);
  practice->procedure = heed_procedure_for (practice->nation, day);
  {
    g_autofree char *type = setting (store, "practice-type");

    practice->dental = g_strcmp0 (type, "dental") == 0;
  }
  practice->logo = load_logo (store);
  practice->help = g_key_file_new ();
  help = g_resources_lookup_data (HELP_RESOURCE, 0, error);
  if (help == NULL
      || !g_key_file_load_from_data (practice->help, g_bytes_get_data (help, NULL),
                                     g_bytes_get_size (help), G_KEY_FILE_KEEP_TRANSLATIONS, error))
    {
      practice_free (practice);
      return NULL;
    }
  return practice;
}

/* A value of the Ombudsman or the advocacy service, escaped as markup: the practice's own
 * setting first (England's advocacy is local), then the nation's default. */
static char *
help_markup_in (Practice   *practice,
                const char *body,
                const char *group_id,
                const char *key)
{
  g_autofree char *setting_key = g_strdup_printf ("%s-%s", body, key);
  g_autofree char *group = g_strdup_printf ("%s %s", body, group_id);
  g_autofree char *value = NULL;

  /* The private routes are set as private-dental-phone and the like. */
  if (!heed_nation_from_id (group_id, NULL))
    {
      g_free (setting_key);
      setting_key = g_strdup_printf ("%s-%s", group_id, key);
    }
  value = setting (practice->store, setting_key);

  if (value == NULL && g_strcmp0 (key, "address") == 0)
    {
      g_auto(GStrv) lines = g_key_file_get_locale_string_list (practice->help, group, key,
                                                               heed_language_get_document_locale (),
                                                               NULL, NULL);

      value = lines != NULL ? g_strjoinv (", ", lines) : NULL;
    }
  else if (value == NULL)
    value = g_key_file_get_locale_string (practice->help, group, key,
                                          heed_language_get_document_locale (), NULL);
  if (value == NULL || value[0] == '\0')
    return NULL;
  return g_markup_escape_text (value, -1);
}

static char *
help_markup (Practice   *practice,
             const char *body,
             const char *key)
{
  return help_markup_in (practice, body, heed_nation_to_id (practice->nation), key);
}

static char *
address_markup (Practice   *practice,
                const char *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; practice->address[i] != NULL; i++)
    {
      g_autofree char *line = g_markup_escape_text (g_strstrip (practice->address[i]), -1);

      if (line[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------------------------------
 * What surrounds the text: a band with the logo and the practice's name, and a footer with
 * its contacts. */

static double
show_markup (HeedPageFlow   *flow,
             cairo_t        *cr,
             const char     *markup,
             double          size,
             double          x,
             double          y,
             double          width,
             PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = heed_page_flow_create_layout (flow, markup, size, width);
  int height;

  pango_layout_set_alignment (layout, align);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static char *
contacts_markup (Practice *practice)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *address = address_markup (practice, ", ");

  if (practice->address_in_footer)
    g_string_append (text, address);
  if (practice->phone != NULL)
    {
      g_autofree char *phone = g_markup_escape_text (practice->phone, -1);

      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "  ·  " : "", D_("Phone"), phone);
    }
  if (practice->email != NULL)
    {
      g_autofree char *email = g_markup_escape_text (practice->email, -1);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "  ·  " : "", email);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
decorate (HeedPageFlow *flow,
          cairo_t      *cr,
          guint         page,
          guint         n_pages,
          gpointer      user_data)
{
  Practice *practice = user_data;
  HeedLanguage previous = heed_language_set_document (practice->language);
  g_autofree char *name = g_markup_escape_text (practice->name, -1);
  g_autofree char *name_markup = g_strdup_printf ("<b>%s</b>", name);
  g_autofree char *contacts = contacts_markup (practice);
  double width, height, scale = heed_page_flow_get_scale (flow);
  /* Pages after the first carry a slim band, leaving the room for writing. */
  double band = page == 0 ? practice->band_height : LATER_BAND;
  double name_size = page == 0 ? 16 : 10;
  double text_x = MARGIN_SIDE;
  double name_height;

  heed_page_flow_get_page_size (flow, &width, &height);

  /* NHS blue band, white name: what patients recognise from NHS leaflets. */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.0, 0.37, 0.72);
  cairo_rectangle (cr, 0, 0, width, band);
  cairo_fill (cr);
  if (practice->logo != NULL && page == 0)
    {
      double w = cairo_image_surface_get_width (practice->logo);
      double h = cairo_image_surface_get_height (practice->logo);
      double fit = MIN (LOGO_MAX_W * band / BAND_HEIGHT / w, LOGO_MAX_H * band / BAND_HEIGHT / h);
      double pad = 2.0 * MM;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, MARGIN_SIDE - pad, (band - h * fit) / 2 - pad, w * fit + 2 * pad,
                       h * fit + 2 * pad);
      cairo_fill (cr);
      cairo_tag_begin (cr, "Figure", NULL);
      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, (band - h * fit) / 2);
      cairo_scale (cr, fit, fit);
      cairo_set_source_surface (cr, practice->logo, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_tag_end (cr, "Figure");
      text_x += w * fit + 8 * MM;
    }
  {
    g_autoptr(PangoLayout) layout = heed_page_flow_create_layout (flow, name_markup,
                                                                  name_size,
                                                                  width - MARGIN_SIDE - text_x);
    int h;

    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    pango_layout_get_size (layout, NULL, &h);
    name_height = (double) h / PANGO_SCALE;
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_tag_begin (cr, "P", NULL);
    cairo_move_to (cr, text_x, (band - name_height) / 2);
    pango_cairo_show_layout (cr, layout);
    cairo_tag_end (cr, "P");
  }
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.0, 0.37, 0.72);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, MARGIN_SIDE, height - MARGIN_BOTTOM + 4 * MM);
  cairo_line_to (cr, width - MARGIN_SIDE, height - MARGIN_BOTTOM + 4 * MM);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.2, 0.22, 0.26);
  cairo_tag_begin (cr, "P", NULL);
  show_markup (flow, cr, contacts, 9 * MIN (scale, 12.0 / 9.0) / scale, MARGIN_SIDE,
               height - MARGIN_BOTTOM + 6 * MM, width - 2 * MARGIN_SIDE - 30 * MM,
               PANGO_ALIGN_LEFT);
  cairo_tag_end (cr, "P");
  if (n_pages > 1)
    {
      g_autofree char *text = g_strdup_printf (D_("Page %u of %u"), page + 1, n_pages);

      show_markup (flow, cr, text, 9 * MIN (scale, 12.0 / 9.0) / scale,
                   width - MARGIN_SIDE - 30 * MM, height - MARGIN_BOTTOM + 6 * MM, 30 * MM,
                   PANGO_ALIGN_RIGHT);
    }
  cairo_restore (cr);
  heed_language_set_document (previous);
}

/* ------------------------------------------------------------------------------------------
 * The form's drawn parts: boxes to write in, tick boxes and ruled writing space. Their
 * heights are measured with the flow's own layouts, so labels that wrap get the room. */

typedef enum {
  PART_FIELDS,      /* a label and a box to write in, one per row */
  PART_TICK_BOXES,  /* a tick box before each choice */
  PART_LINED,       /* a ruled box for a few lines of handwriting */
} PartKind;

typedef struct {
  PartKind      kind;
  HeedPageFlow *flow;     /* not a reference: the flow owns the document that owns this */
  char        **labels;
  guint         columns;
  guint         n_lines;
  double        row_height;
  double        width;
  double        height;
} FormPart;

static void
form_part_free (gpointer data)
{
  FormPart *part = data;

  g_strfreev (part->labels);
  g_free (part);
}

static double
label_column (FormPart *part)
{
  return part->width * 0.36;
}

static double
cell_width (FormPart *part)
{
  return part->width / part->columns;
}

static PangoLayout *
part_layout (FormPart   *part,
             const char *label,
             double      width)
{
  g_autofree char *markup = g_markup_escape_text (label, -1);

  return heed_page_flow_create_layout (part->flow, markup, HEED_PAGE_FLOW_BODY_SIZE, width);
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
tick_box_size (FormPart *part)
{
  return TICK_BOX * MAX (1.0, heed_page_flow_get_scale (part->flow) * 0.8);
}

/* The height of row i, whose label may wrap. */
static double
row_height (FormPart *part,
            guint     i)
{
  double scale = heed_page_flow_get_scale (part->flow);
  double text;

  if (part->kind == PART_FIELDS)
    {
      g_autoptr(PangoLayout) layout = part_layout (part, part->labels[i],
                                                   label_column (part) - 3 * MM);

      text = layout_height (layout);
      return MAX (part->row_height * MAX (1.0, scale * 0.8), text + 3 * MM);
    }
  else
    {
      double box = tick_box_size (part);
      double row = 0;

      for (guint j = i; j < i + part->columns && part->labels[j] != NULL; j++)
        {
          g_autoptr(PangoLayout) layout = part_layout (part, part->labels[j],
                                                       cell_width (part) - box - 4 * MM);

          row = MAX (row, layout_height (layout));
        }
      return MAX (box, row) + 3.5 * MM;
    }
}

static double
form_part_measure (FormPart *part)
{
  double height = 0;
  guint n = part->labels != NULL ? g_strv_length (part->labels) : 0;

  if (part->kind == PART_LINED)
    return part->n_lines * WRITING_LINE * MAX (1.0, heed_page_flow_get_scale (part->flow) * 0.8)
           + 2 * MM;
  for (guint i = 0; i < n; i += part->kind == PART_FIELDS ? 1 : part->columns)
    height += row_height (part, i);
  return height;
}

static void
draw_form_part (gpointer data,
                double   width,
                double   height,
                gpointer user_data)
{
  cairo_t *cr = data;
  FormPart *part = user_data;
  double y = 0;
  guint n = part->labels != NULL ? g_strv_length (part->labels) : 0;

  cairo_set_line_width (cr, 0.8);
  if (part->kind == PART_LINED)
    {
      double line = (height - 2 * MM) / part->n_lines;

      cairo_set_source_rgb (cr, 0.2, 0.22, 0.26);
      cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.7, 0.72, 0.76);
      cairo_set_line_width (cr, 0.5);
      for (guint i = 1; i < part->n_lines; i++)
        {
          cairo_move_to (cr, 3 * MM, MM + i * line);
          cairo_line_to (cr, width - 3 * MM, MM + i * line);
        }
      cairo_stroke (cr);
      return;
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  for (guint i = 0; i < n; i += part->kind == PART_FIELDS ? 1 : part->columns)
    {
      double row = row_height (part, i);

      if (part->kind == PART_FIELDS)
        {
          g_autoptr(PangoLayout) layout = part_layout (part, part->labels[i],
                                                       label_column (part) - 3 * MM);
          double box_top = y + 1 * MM;

          cairo_move_to (cr, 0, y + (row - layout_height (layout)) / 2);
          pango_cairo_show_layout (cr, layout);
          cairo_rectangle (cr, label_column (part) + 0.5, box_top,
                           width - label_column (part) - 1, row - 2 * MM);
          cairo_stroke (cr);
        }
      else
        {
          double box = tick_box_size (part);

          for (guint j = i; j < i + part->columns && part->labels[j] != NULL; j++)
            {
              double x = (j - i) * cell_width (part);
              g_autoptr(PangoLayout) layout = part_layout (part, part->labels[j],
                                                           cell_width (part) - box - 4 * MM);

              cairo_rectangle (cr, x + 0.5, y + 1.5 * MM, box, box);
              cairo_stroke (cr);
              cairo_move_to (cr, x + box + 3 * MM,
                             y + 1.5 * MM + MAX (0, (box - layout_height (layout)) / 2));
              pango_cairo_show_layout (cr, layout);
            }
        }
      y += row;
    }
}

static void
add_form_part (HeedDocument       *document,
               HeedPageFlow       *flow,
               PartKind            kind,
               const char *const  *labels,
               guint               columns,
               guint               n_lines,
               double              row_height_points)
{
  FormPart *part = g_new0 (FormPart, 1);
  double width, page_height;
  g_autofree char *alt = NULL;

  heed_page_flow_get_page_size (flow, &width, &page_height);
  part->kind = kind;
  part->flow = flow;
  part->labels = g_strdupv ((char **) labels);
  part->columns = MAX (columns, 1);
  /* Long choices in large print need the whole width. */
  if (heed_page_flow_get_scale (flow) > 1.2)
    part->columns = 1;
  part->n_lines = n_lines;
  part->row_height = row_height_points;
  part->width = width - 2 * MARGIN_SIDE;
  part->height = form_part_measure (part);
  if (kind == PART_LINED)
    alt = g_strdup (D_("Space to write in"));
  else if (kind == PART_TICK_BOXES)
    {
      g_autofree char *choices = g_strjoinv ("; ", part->labels);

      alt = g_strdup_printf (D_("Tick boxes: %s"), choices);
    }
  else
    {
      g_autofree char *fields = g_strjoinv ("; ", part->labels);

      alt = g_strdup_printf (D_("Boxes to fill in: %s"), fields);
    }
  heed_document_add_drawing (document, part->height, alt, draw_form_part, part,
                             form_part_free);
}

/* ------------------------------------------------------------------------------------------
 * The words. */

static void
add_para (HeedDocument *document,
          const char   *markup)
{
  heed_document_add_paragraph (document, markup);
}

static void
add_para_printf (HeedDocument *document,
                 const char   *format,
                 ...) G_GNUC_PRINTF (2, 3);

static void
add_para_printf (HeedDocument *document,
                 const char   *format,
                 ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_strdup_vprintf (format, args);
  va_end (args);
  heed_document_add_paragraph (document, markup);
}

/* Who to contact, as markup: the complaints manager by name when the practice gave one. */
static char *
manager_markup (Practice *practice)
{
  g_autofree char *name = NULL;

  if (practice->manager == NULL)
    return g_strdup (D_("our complaints manager"));
  name = g_markup_escape_text (practice->manager, -1);
  return g_strdup_printf (D_("our complaints manager, <b>%s</b>"), name);
}

static void
add_ways_to_tell_us (HeedDocument *document,
                     Practice     *practice)
{
  HeedDocumentBlock *list = heed_document_add_list (document, FALSE);
  g_autofree char *address = address_markup (practice, ", ");
  g_autofree char *name = g_markup_escape_text (practice->name, -1);

  heed_document_list_add_item (list, D_("<b>In person:</b> speak to any member of staff or ask "
                                       "at reception."));
  if (practice->phone != NULL)
    {
      g_autofree char *phone = g_markup_escape_text (practice->phone, -1);
      g_autofree char *item = g_strdup_printf (D_("<b>By phone:</b> %s"), phone);

      heed_document_list_add_item (list, item);
    }
  else
    heed_document_list_add_item (list, D_("<b>By phone:</b> call the practice."));
  {
    g_autofree char *item = NULL;

    if (address[0] != '\0')
      item = g_strdup_printf (D_("<b>By letter:</b> %s, %s"), name, address);
    else
      item = g_strdup_printf (D_("<b>By letter:</b> write to %s."), name);
    heed_document_list_add_item (list, item);
  }
  if (practice->email != NULL)
    {
      g_autofree char *email = g_markup_escape_text (practice->email, -1);
      g_autofree char *item = g_strdup_printf (D_("<b>By email:</b> %s"), email);

      heed_document_list_add_item (list, item);
    }
}

/* The timescales of the procedure in force (data/procedures.ini), as the complainant will meet
 * them. */
static void
add_timescales (HeedDocument *document,
                Practice     *practice,
                gboolean      at_length)
{
  HeedDocumentBlock *list = heed_document_add_list (document, TRUE);
  const HeedProcedure *p = practice->procedure;
  const char *name = heed_procedure_get_name (p, practice->language == HEED_LANGUAGE_WELSH);
  g_autofree char *item = NULL;

  if (p->stages > 1)
    {
      if (p->resolve_extended > p->resolve)
        item = g_strdup_printf (D_("<b>Early resolution:</b> we aim to sort it out within <b>%u "
                                   "working days</b> (up to %u if we need more time)."),
                                p->resolve, p->resolve_extended);
      else
        item = g_strdup_printf (D_("<b>Early resolution:</b> we aim to sort it out within <b>%u "
                                   "working days</b>."), p->resolve);
      heed_document_list_add_item (list, item);
      g_clear_pointer (&item, g_free);
      if (p->respond_extended > p->respond)
        item = g_strdup_printf (D_("<b>A closer look:</b> if it needs investigating, we will "
                                   "tell you we have it within <b>%u working days</b> and reply "
                                   "within <b>%u working days</b> (up to %u if we need more "
                                   "time)."),
                                p->acknowledge, p->respond, p->respond_extended);
      else
        item = g_strdup_printf (D_("<b>A closer look:</b> if it needs investigating, we will "
                                   "tell you we have it within <b>%u working days</b> and reply "
                                   "within <b>%u working days</b>."),
                                p->acknowledge, p->respond);
      heed_document_list_add_item (list, item);
      g_clear_pointer (&item, g_free);
    }
  else
    {
      item = g_strdup_printf (D_("We will let you know we have your complaint within <b>%u "
                                 "working days</b>."), p->acknowledge);
      heed_document_list_add_item (list, item);
      g_clear_pointer (&item, g_free);
      /* The poster has one page to say it all on: the leaflet tells the rest. */
      if (p->early_resolution && at_length)
        {
          g_autofree char *escaped = g_markup_escape_text (name, -1);

          /* TRANSLATORS: %s is the name of the procedure, such as "Listening to People" */
          item = g_strdup_printf (D_("Under %s, we will first try to put things right early, "
                                     "with you (early resolution)."), escaped);
          heed_document_list_add_item (list, item);
          g_clear_pointer (&item, g_free);
        }
      else
        heed_document_list_add_item (list, D_("If we can, we will put things right quickly "
                                             "(early resolution)."));
      if (p->listening_discussion && at_length)
        heed_document_list_add_item (list, D_("We will offer you a <b>listening "
                                             "discussion</b>, to hear what happened, how it "
                                             "affected you and the outcome you hope for."));
      if (p->respond > 0)
        {
          item = g_strdup_printf (D_("If it needs a closer look, we will look into it and send "
                                     "you our full reply within <b>%u working days</b>. If it "
                                     "will take longer, we will tell you why."), p->respond);
          heed_document_list_add_item (list, item);
          g_clear_pointer (&item, g_free);
        }
      else if (at_length)
        {
          item = g_strdup_printf (D_("If it needs a closer look, we will agree with you how we "
                                     "will look into it and when you can expect our reply. If "
                                     "it takes more than <b>%u months</b>, we will write and "
                                     "tell you why."), p->review_months);
          heed_document_list_add_item (list, item);
          g_clear_pointer (&item, g_free);
        }
      else
        {
          item = g_strdup_printf (D_("If it needs a closer look, we will agree with you when to "
                                     "expect our reply (within <b>%u months</b>, or we tell you "
                                     "why)."), p->review_months);
          heed_document_list_add_item (list, item);
          g_clear_pointer (&item, g_free);
        }
    }
  if (at_length)
    heed_document_list_add_item (list, D_("We will keep you up to date. Our reply will say what "
                                         "we found, what we have done about it, and what you "
                                         "can do if you are still unhappy."));
}

static void
add_advocacy (HeedDocument *document,
              Practice     *practice,
              gboolean      at_length)
{
  g_autofree char *name = help_markup (practice, "advocacy", "name");
  g_autofree char *description = help_markup (practice, "advocacy", "description");
  g_autofree char *phone = help_markup (practice, "advocacy", "phone");
  g_autofree char *website = help_markup (practice, "advocacy", "website");
  g_autofree char *email = help_markup (practice, "advocacy", "email");
  g_autoptr(GString) contacts = g_string_new (NULL);

  if (phone != NULL)
    g_string_append_printf (contacts, D_("Phone <b>%s</b>"), phone);
  if (website != NULL)
    g_string_append_printf (contacts, "%s%s", contacts->len > 0 ? "  ·  " : "", website);
  if (email != NULL)
    g_string_append_printf (contacts, "%s%s", contacts->len > 0 ? "  ·  " : "", email);
  if (contacts->len == 0)
    g_string_append (contacts, at_length ? D_("Ask us for their phone number: we will give it "
                                             "to you.")
                                         : D_("Ask us for their phone number."));

  add_para_printf (document, D_("<b>%s</b> can help you make your complaint, for free. %s"),
                   name != NULL ? name : D_("An independent advocacy service"), contacts->str);
  if (at_length && description != NULL)
    add_para_printf (document, D_("They are %s."), description);
}

static char *
contacts_of (Practice   *practice,
             const char *group_id,
             gboolean    at_length)
{
  g_autofree char *phone = help_markup_in (practice, "ombudsman", group_id, "phone");
  g_autofree char *website = help_markup_in (practice, "ombudsman", group_id, "website");
  g_autofree char *address = help_markup_in (practice, "ombudsman", group_id, "address");
  GString *contacts = g_string_new (NULL);

  if (phone != NULL)
    g_string_append_printf (contacts, D_("Phone <b>%s</b>"), phone);
  if (website != NULL)
    g_string_append_printf (contacts, "%s%s", contacts->len > 0 ? "  ·  " : "", website);
  if (at_length && address != NULL)
    g_string_append_printf (contacts, "%s%s", contacts->len > 0 ? "  ·  " : "", address);
  return g_string_free (contacts, FALSE);
}

/* Private patients' complaints do not go to the Ombudsman (DOMAIN.md, "NHS or private care"):
 * a dental practice names the Dental Complaints Service, a GP practice that is a member of
 * ISCAS names ISCAS. */
static void
add_private_route (HeedDocument *document,
                   Practice     *practice,
                   gboolean      at_length)
{
  const char *route = practice->dental ? "private-dental" : "private-gp";
  g_autofree char *member = setting (practice->store, "iscas-member");
  g_autofree char *name = NULL;
  g_autofree char *contacts = NULL;

  if (!practice->dental && g_strcmp0 (member, "true") != 0)
    return;
  name = help_markup_in (practice, "ombudsman", route, "name");
  contacts = contacts_of (practice, route, at_length);
  add_para_printf (document, D_("<b>If you are a private patient</b>, the Ombudsman cannot look "
                               "at your complaint. If you are still unhappy after our reply, "
                               "you can ask the <b>%s</b>. It is free and independent of us. "
                               "%s"),
                   name != NULL ? name : "", contacts);
}

/* In England a patient may complain to the commissioner instead of the practice. */
static void
add_commissioner (HeedDocument *document,
                  Practice     *practice)
{
  g_autofree char *name = setting (practice->store, "commissioner-name");
  g_autofree char *phone = setting (practice->store, "commissioner-phone");
  g_autofree char *escaped = NULL;
  g_autofree char *escaped_phone = NULL;

  if (!practice->procedure->commissioner)
    return;
  escaped = name != NULL ? g_markup_escape_text (name, -1)
                         : g_strdup (D_("the integrated care board (ICB) for your area"));
  if (phone != NULL)
    {
      escaped_phone = g_markup_escape_text (phone, -1);
      add_para_printf (document, D_("If you would rather not complain to us, you can complain "
                                   "instead to the NHS body that pays for our services: "
                                   "<b>%s</b>, phone <b>%s</b>."), escaped, escaped_phone);
    }
  else
    add_para_printf (document, D_("If you would rather not complain to us, you can complain "
                                 "instead to the NHS body that pays for our services: "
                                 "<b>%s</b>."), escaped);
}

static void
add_ombudsman (HeedDocument *document,
               Practice     *practice,
               gboolean      at_length)
{
  const HeedProcedure *p = practice->procedure;
  g_autofree char *name = help_markup (practice, "ombudsman", "name");
  g_autofree char *contacts = contacts_of (practice, heed_nation_to_id (practice->nation),
                                           at_length);
  const char *services = g_strcmp0 (p->services, "HSC") == 0 ? D_("HSC") : D_("NHS");

  if (at_length)
    {
      g_autofree char *limit = g_strdup_printf (p->ombudsman_from_procedure_end
                                                ? D_("%u months of the end of our complaints "
                                                     "procedure")
                                                : D_("%u months of becoming aware of the "
                                                     "problem"),
                                                p->ombudsman_limit_months);

      /* TRANSLATORS: the second %s is NHS or HSC */
      add_para_printf (document, D_("If you are still unhappy after our reply, you can ask the "
                                   "<b>%s</b> to look at your complaint. It is free and "
                                   "independent of the %s and of us. %s"),
                       name != NULL ? name : D_("Ombudsman"), services, contacts);
      /* TRANSLATORS: %s is a time such as "12 months of becoming aware of the problem" */
      add_para_printf (document, D_("The Ombudsman will usually expect you to have tried our "
                                   "complaints procedure first, and to contact them within "
                                   "%s."), limit);
    }
  else
    add_para_printf (document, D_("The <b>%s</b> can look at your complaint after our reply. "
                                 "It is free and independent. %s"),
                     name != NULL ? name : D_("Ombudsman"), contacts);
  add_private_route (document, practice, at_length);
}

/* How long a person has to complain, under the procedure in force. */
static char *
time_limit_markup (Practice *practice)
{
  const HeedProcedure *p = practice->procedure;

  if (p->time_limit_outer_months > 0)
    return g_strdup_printf (D_("Try to tell us within <b>%u months</b> of what happened, or "
                               "within %u months of when you found out about it as long as that "
                               "is no more than %u months after it happened. If it is later, "
                               "tell us why: we may still be able to look into it."),
                            p->time_limit_months, p->time_limit_aware_months,
                            p->time_limit_outer_months);
  return g_strdup_printf (D_("Try to tell us within <b>%u months</b> of what happened, or of "
                             "when you found out about it. If it is later, tell us why: we may "
                             "still be able to look into it."), p->time_limit_months);
}

static void
build_poster (HeedDocument *document,
              Practice     *practice)
{
  g_autofree char *manager = manager_markup (practice);

  heed_document_add_heading (document, 1, D_("We want to hear from you"));
  add_para (document, D_("Your compliments, comments, concerns and complaints help us "
                        "improve. Speaking up will not affect your care."));
  heed_document_add_heading (document, 2, D_("How to tell us"));
  add_ways_to_tell_us (document, practice);
  add_para_printf (document, D_("Ask for %s."), manager);
  add_commissioner (document, practice);
  heed_document_add_heading (document, 2, D_("What happens next"));
  add_timescales (document, practice, FALSE);
  heed_document_add_heading (document, 2, D_("Free, independent help"));
  add_advocacy (document, practice, FALSE);
  heed_document_add_heading (document, 2, D_("If you are still unhappy"));
  add_ombudsman (document, practice, FALSE);
}

/* The latest "You said, we did", as approved for publication: at most N_YOU_SAID. */
static void
add_you_said_we_did (HeedDocument *document,
                     Practice     *practice)
{
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  GDate today, from;
  GPtrArray *items;
  HeedDocumentBlock *table;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  from = today;
  /* Two years back: recent enough to be news, long enough for a small practice to have some. */
  g_date_subtract_years (&from, 2);
  figures = heed_report_figures_compute (practice->store, &from, &today, &today, &error);
  if (figures == NULL)
    {
      /* The leaflet is still worth printing without them. */
      g_debug ("No “You said, we did” on the leaflet: %s", error->message);
      return;
    }
  items = heed_report_figures_get_items (figures, HEED_REPORT_ITEMS_YOU_SAID_WE_DID);
  if (items->len == 0)
    return;

  heed_document_add_heading (document, 2, D_("You said, we did"));
  add_para (document, D_("Some of the things patients told us, and what we changed:"));
  table = heed_document_add_table (document, 1);
  {
    GPtrArray *row = heed_document_table_add_row (table);

    heed_document_table_row_add_cell (row, D_("<b>You said</b>"));
    heed_document_table_row_add_cell (row, D_("<b>We did</b>"));
  }
  /* The items come oldest first; the newest go on the leaflet. */
  for (guint i = 0; i < items->len && i < N_YOU_SAID; i++)
    {
      HeedReportItem *item = g_ptr_array_index (items, items->len - 1 - i);
      g_autofree char *said = g_markup_escape_text (item->heading != NULL ? item->heading : "",
                                                    -1);
      g_autofree char *did = g_markup_escape_text (item->text != NULL ? item->text : "", -1);
      GPtrArray *row = heed_document_table_add_row (table);

      heed_document_table_row_add_cell (row, said);
      heed_document_table_row_add_cell (row, did);
    }
}

static void
build_leaflet (HeedDocument *document,
               Practice     *practice)
{
  g_autofree char *manager = manager_markup (practice);

  heed_document_add_heading (document, 1, D_("Compliments, comments and complaints"));
  add_para (document, D_("<b>We want to hear from you.</b> Tell us when we get things right. "
                        "Tell us when we get things wrong. It helps us do better for "
                        "everyone."));
  add_para (document, D_("Making a complaint will not affect your care. We will treat you "
                        "fairly and keep what you tell us private."));

  heed_document_add_heading (document, 2, D_("Saying thank you, or making a suggestion"));
  add_para (document, D_("We like to hear what went well. Tell any of our staff, or write to "
                        "us. We pass your words on to the team."));

  heed_document_add_heading (document, 2, D_("How to complain"));
  add_para (document, D_("You can tell us in the way that suits you:"));
  add_ways_to_tell_us (document, practice);
  add_para_printf (document, D_("Ask for %s. They will look after your complaint."), manager);
  add_para (document, D_("You can ask us for a complaint form. We can help you fill it in."));
  {
    g_autofree char *limit = time_limit_markup (practice);

    add_para (document, limit);
  }
  add_commissioner (document, practice);

  heed_document_add_heading (document, 2, D_("Complaining for someone else"));
  add_para (document, D_("You can complain for someone else, such as your child or someone "
                        "you care for. We will usually need their permission to share their "
                        "information with you."));

  heed_document_add_heading (document, 2, D_("What happens next"));
  add_para (document, D_("We will always try to sort things out quickly. If your complaint "
                        "needs a closer look, we will tell you and explain what that means."));
  add_timescales (document, practice, TRUE);

  heed_document_add_heading (document, 2, D_("Free, independent help"));
  add_advocacy (document, practice, TRUE);

  heed_document_add_heading (document, 2, D_("If you are still unhappy"));
  add_ombudsman (document, practice, TRUE);

  heed_document_add_heading (document, 2, D_("Other formats and languages"));
  add_para (document, D_("You can have this leaflet in large print, easy read, another "
                        "language or braille. We can book an interpreter, including British "
                        "Sign Language. Just ask."));

  add_you_said_we_did (document, practice);
}

static void
build_form (HeedDocument *document,
            HeedPageFlow *flow,
            Practice     *practice)
{
  const char *person[] = {
    N_("Title"), N_("First name"), N_("Surname"), N_("House number or name"),
    N_("Street name"), N_("Town or city"), N_("Country"), N_("Postcode"),
    N_("Daytime telephone number"), N_("Alternative contact number (optional)"), N_("Email"),
    NULL
  };
  const char *contact_by[] = {
    N_("Phone"), N_("Mobile"), N_("Email"), N_("Post"), N_("Video call"), NULL
  };
  const char *helper[] = {
    N_("Advice service’s name"), N_("Telephone number"),
    N_("Alternative contact number (optional)"), N_("Email"), NULL
  };
  const char *relationship[] = {
    N_("I am their spouse or partner"), N_("I am their parent or guardian"),
    N_("I am their child"), N_("I am their carer"), N_("Other (please give details below)"),
    NULL
  };
  const char *why[] = {
    N_("The person is a child"), N_("They are not well enough to do it"),
    N_("They have not got the ability to do it themselves"),
    N_("They would prefer me to do it"), N_("The person has died"),
    N_("Other (please give details below)"), NULL
  };
  const char *sign[] = { N_("Signature"), N_("Date"), NULL };
  g_autofree char *address = address_markup (practice, ", ");
  g_autofree char *name = g_markup_escape_text (practice->name, -1);
  g_autofree char *advocacy = help_markup (practice, "advocacy", "name");
  g_autofree char *advocacy_phone = help_markup (practice, "advocacy", "phone");
  const char *const *lists[] = { person, contact_by, helper, relationship, why, sign };
  g_autoptr(GPtrArray) t = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_strv_length ((char **) lists[l]);
      char **labels = g_new0 (char *, n + 1);

      for (guint i = 0; i < n; i++)
        labels[i] = g_strdup (D_(lists[l][i]));
      g_ptr_array_add (t, labels);
    }

  heed_document_add_heading (document, 1, D_("Complaint form"));
  add_para_printf (document, D_("Please use this form to tell us about your complaint. Write "
                               "clearly in the boxes and tick the boxes that apply. If you "
                               "would like help to fill it in, ask at reception. When you have "
                               "finished, give it to reception or post it to <b>%s, %s</b>."),
                   name, address);

  heed_document_add_heading (document, 2, D_("Section 1: About you"));
  add_para (document, D_("Please fill in your details, even if you are complaining on behalf "
                        "of someone else."));
  add_form_part (document, flow, PART_FIELDS, LABELS (t, 0), 1, 0, 10 * MM);
  heed_document_add_heading (document, 3, D_("How would you like us to contact you? (optional)"));
  add_form_part (document, flow, PART_TICK_BOXES, LABELS (t, 1), 5, 0, 0);
  heed_document_add_heading (document, 3, D_("Is there anything we can do to make it easier "
                                            "for you to use our complaints service? For "
                                            "example, information in large print, another "
                                            "language or an interpreter."));
  add_form_part (document, flow, PART_LINED, NULL, 1, 3, 0);
  add_para_printf (document, D_("<b>Is someone helping you with your complaint?</b> "
                               "%s%s%s%s can help you, for free. If an advice service is "
                               "helping you, please give their details."),
                   advocacy != NULL ? advocacy : D_("An independent advocacy service"),
                   advocacy_phone != NULL ? " (" : "",
                   advocacy_phone != NULL ? advocacy_phone : "",
                   advocacy_phone != NULL ? ")" : "");
  add_form_part (document, flow, PART_FIELDS, LABELS (t, 2), 1, 0, 10 * MM);
  add_para (document, D_("<i>We will need your consent to discuss your complaint with anyone "
                        "supporting you. Please see section 5.</i>"));

  heed_document_add_heading (document, 2, D_("Section 2: Are you complaining on behalf of "
                                            "someone else?"));
  add_para (document, D_("If yes, please fill in this section and section 3. If no, please go "
                        "straight to section 4."));
  heed_document_add_heading (document, 3, D_("What is your relationship to them?"));
  add_form_part (document, flow, PART_TICK_BOXES, LABELS (t, 3), 2, 0, 0);
  heed_document_add_heading (document, 3, D_("Why can’t they make the complaint themselves?"));
  add_form_part (document, flow, PART_TICK_BOXES, LABELS (t, 4), 2, 0, 0);
  heed_document_add_heading (document, 3, D_("Other details"));
  add_form_part (document, flow, PART_LINED, NULL, 1, 2, 0);
  add_para (document, D_("<i>If you are complaining for someone else, we will need their "
                        "consent. Please see section 5.</i>"));

  heed_document_add_heading (document, 2, D_("Section 3: About the person you are making the "
                                            "complaint for"));
  add_form_part (document, flow, PART_FIELDS, LABELS (t, 0), 1, 0, 10 * MM);

  heed_document_add_heading (document, 2, D_("Section 4: The complaint"));
  heed_document_add_heading (document, 3, D_("When did the problem you want to complain about "
                                            "happen?"));
  add_form_part (document, flow, PART_LINED, NULL, 1, 2, 0);
  {
    g_autofree char *limit = time_limit_markup (practice);
    g_autofree char *later = g_strdup_printf (D_("If it was more than %u months ago, please "
                                                 "tell us why you did not complain sooner."),
                                              practice->procedure->time_limit_months);

    add_para (document, limit);
    heed_document_add_heading (document, 3, later);
  }
  add_form_part (document, flow, PART_LINED, NULL, 1, 3, 0);
  heed_document_add_heading (document, 3, D_("What is your complaint about? Tell us what "
                                            "happened, when, and who was involved."));
  add_form_part (document, flow, PART_LINED, NULL, 1, 12, 0);
  heed_document_add_heading (document, 3, D_("How have you, or the person you represent, been "
                                            "affected by what happened?"));
  add_form_part (document, flow, PART_LINED, NULL, 1, 6, 0);
  heed_document_add_heading (document, 3, D_("What would you like to happen? What outcome "
                                            "would you like?"));
  add_form_part (document, flow, PART_LINED, NULL, 1, 6, 0);
  add_para (document, D_("If you need more space, please carry on over the page or on another "
                        "sheet."));

  heed_document_add_heading (document, 2, D_("Section 5: Authorisation and consent"));
  add_para (document, D_("Please read what you agree to, then sign and date it."));
  /* Each declaration is kept with the boxes where it is signed. */
  heed_document_add_heading (document, 3, D_("Please look at my complaint. I agree that you "
                                            "can see all the information you need, "
                                            "including any personal records you hold, so "
                                            "that you can look into my complaint and reply "
                                            "to me."));
  add_form_part (document, flow, PART_FIELDS, LABELS (t, 5), 1, 0, 14 * MM);
  add_para (document, D_("<b>If you are supporting someone with their complaint or complaining "
                        "for someone else, they must sign below if they can.</b>"));
  heed_document_add_heading (document, 3, D_("I agree that ……………………………………………… can "
                                            "complain for me, or is supporting me with my "
                                            "complaint, and that you can see the information "
                                            "you need, including any personal records you "
                                            "hold, to look into my complaint. I understand "
                                            "this may mean that my representative will see "
                                            "personal information about me. I understand "
                                            "that you may contact me to check this."));
  add_form_part (document, flow, PART_FIELDS, LABELS (t, 5), 1, 0, 14 * MM);

  heed_document_add_heading (document, 2, D_("Where to send this form"));
  {
    g_autoptr(GString) markup = g_string_new (NULL);
    g_autofree char *lines = address_markup (practice, "\n");
    HeedDocumentBlock *block;

    g_string_append_printf (markup, D_("Hand it in at reception or post it to:\n<b>%s</b>"),
                            name);
    if (lines[0] != '\0')
      g_string_append_printf (markup, "\n%s", lines);
    if (practice->email != NULL)
      {
        g_autofree char *email = g_markup_escape_text (practice->email, -1);

        g_string_append_printf (markup, D_("\nOr email it to: <b>%s</b>"), email);
      }
    block = heed_document_add_paragraph (document, markup->str);
    block->keep_together = TRUE;
  }
}

gboolean
heed_publicity_kind_from_id (const char        *id,
                             HeedPublicityKind *kind)
{
  if (g_strcmp0 (id, "form") == 0)
    *kind = HEED_PUBLICITY_FORM;
  else if (g_strcmp0 (id, "poster") == 0)
    *kind = HEED_PUBLICITY_POSTER;
  else if (g_strcmp0 (id, "leaflet") == 0)
    *kind = HEED_PUBLICITY_LEAFLET;
  else
    return FALSE;
  return TRUE;
}

static const char *
kind_title (HeedPublicityKind kind)
{
  switch (kind)
    {
    case HEED_PUBLICITY_FORM:
      return D_("Complaint form");
    case HEED_PUBLICITY_POSTER:
      return D_("We want to hear from you");
    case HEED_PUBLICITY_LEAFLET:
    default:
      return D_("Compliments, comments and complaints");
    }
}

HeedPageFlow *
heed_publicity_new_flow (HeedStore          *store,
                         HeedPublicityKind   kind,
                         HeedPaper           paper,
                         gboolean            large_print,
                         HeedLanguage        language,
                         GError            **error)
{
  return heed_publicity_new_flow_on (store, kind, paper, large_print, language, NULL, error);
}

HeedPageFlow *
heed_publicity_new_flow_on (HeedStore          *store,
                            HeedPublicityKind   kind,
                            HeedPaper           paper,
                            gboolean            large_print,
                            HeedLanguage        language,
                            const GDate        *day,
                            GError            **error)
{
  g_autoptr(HeedDocument) document = NULL;
  g_autoptr(HeedPageFlow) flow = NULL;
  g_autofree char *title = NULL;
  Practice *practice;
  HeedLanguage previous;
  double width, height, scale, smallest;

  g_return_val_if_fail (HEED_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= HEED_PUBLICITY_LEAFLET, NULL);
  g_return_val_if_fail (paper == HEED_PAPER_A4 || paper == HEED_PAPER_A3, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (paper != HEED_PAPER_A4 && kind != HEED_PUBLICITY_POSTER)
    {
      g_set_error (error, HEED_RENDER_ERROR, HEED_RENDER_ERROR_INVALID,
                   _("Only the poster comes in A3; the form and the leaflet are printed on "
                     "A4."));
      return NULL;
    }
  practice = practice_load (store, day, error);
  if (practice == NULL)
    return NULL;
  practice->language = heed_language_resolve (language);
  previous = heed_language_set_document (practice->language);

  title = g_strdup_printf ("%s — %s", kind_title (kind), practice->name);
  document = heed_document_new (title);
  heed_paper_get_size (paper, &width, &height);
  flow = heed_page_flow_new (document, width, height);

  /* A poster is read from across the room: its text is as large as fits on the page. */
  smallest = large_print ? HEED_PAGE_FLOW_LARGE_PRINT_SCALE : 1.0;
  if (kind == HEED_PUBLICITY_POSTER)
    scale = MAX (smallest, 2.0) * (paper == HEED_PAPER_A3 ? 1.41 : 1.0);
  else
    scale = smallest;
  scale = MIN (scale, 4.0);
  heed_page_flow_set_scale (flow, scale);
  practice->band_height = BAND_HEIGHT * (paper == HEED_PAPER_A3 ? 1.41 : 1.0);
  practice->address_in_footer = TRUE;
  if (kind == HEED_PUBLICITY_POSTER)
    {
      /* A poster has one page to say it all on, and its address is in "By letter". */
      practice->band_height *= 0.7;
      practice->address_in_footer = FALSE;
    }
  heed_page_flow_set_margins (flow, LATER_BAND + 8 * MM, MARGIN_SIDE, MARGIN_BOTTOM,
                              MARGIN_SIDE);
  heed_page_flow_set_content_tops (flow, practice->band_height + 5 * MM, 0);

  switch (kind)
    {
    case HEED_PUBLICITY_FORM:
      build_form (document, flow, practice);
      break;
    case HEED_PUBLICITY_POSTER:
      build_poster (document, practice);
      break;
    case HEED_PUBLICITY_LEAFLET:
    default:
      build_leaflet (document, practice);
      break;
    }
  heed_page_flow_set_decorate_func (flow, decorate, practice, practice_free);

  heed_page_flow_layout (flow);
  /* The leaflet is two sides of A4: a little larger print when that still fits. */
  if (kind == HEED_PUBLICITY_LEAFLET && !large_print)
    for (double larger = 1.15; larger > 1.0; larger -= 0.05)
      {
        heed_page_flow_set_scale (flow, larger);
        if (heed_page_flow_layout (flow) <= 2)
          break;
        heed_page_flow_set_scale (flow, 1.0);
        heed_page_flow_layout (flow);
      }
  if (kind == HEED_PUBLICITY_POSTER)
    while (heed_page_flow_get_n_pages (flow) > 1 && scale - 0.05 >= smallest)
      {
        scale -= 0.05;
        heed_page_flow_set_scale (flow, scale);
        heed_page_flow_layout (flow);
      }
  heed_language_set_document (previous);
  return g_steal_pointer (&flow);
}
