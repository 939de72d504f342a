/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <string.h>

#include "heed-chart.h"
#include "heed-report-html.h"
#include "heed-validate.h"

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define CHART_WIDTH 440.0

static const char style[] =
  "body{font-family:sans-serif;line-height:1.45;color:#111;background:#fff;margin:0 auto;"
  "max-width:62em;padding:1em 1.5em}"
  "h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #999}"
  ".period{font-size:1.1em;margin-top:0}"
  ".figure{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}"
  ".figure svg{max-width:100%;height:auto}"
  "table{border-collapse:collapse;margin:.5em 0}"
  "caption{text-align:left;font-weight:bold;padding-bottom:.3em}"
  "th,td{border:1px solid #888;padding:.25em .6em;vertical-align:top}"
  "thead th{background:#eee}td{text-align:right}th[scope=row]{text-align:left;font-weight:normal}"
  ".note{font-size:.95em;color:#333}"
  "footer{margin-top:3em;font-size:.9em;color:#333;border-top:1px solid #999}"
  "@media print{.figure{display:block}h2{break-after:avoid}}";

static xmlNode *
add_element (xmlNode    *parent,
             const char *name,
             const char *text)
{
  return xmlNewTextChild (parent, NULL, (const xmlChar *) name, (const xmlChar *) text);
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

/* Several charts on one page: their ids (glyphs, clips, patterns) must not collide. */
static void
prefix_ids (xmlNode    *node,
            const char *prefix)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          xmlChar *value = xmlNodeGetContent ((xmlNode *) attr);
          g_autofree char *changed = NULL;
          const char *text = (const char *) value;

          if (text == NULL)
            continue;
          if (strcmp ((const char *) attr->name, "id") == 0)
            changed = g_strconcat (prefix, text, NULL);
          else if (text[0] == '#')
            changed = g_strconcat ("#", prefix, text + 1, NULL);
          else if (strstr (text, "url(#") != NULL)
            {
              g_autofree char *with = g_strconcat ("url(#", prefix, NULL);
              g_auto(GStrv) parts = g_strsplit (text, "url(#", -1);

              changed = g_strjoinv (with, parts);
            }
          if (changed != NULL)
            xmlSetNsProp (node, attr->ns, attr->name, (const xmlChar *) changed);
          xmlFree (value);
        }
      prefix_ids (node->children, prefix);
    }
}

static gboolean
add_chart (xmlNode                *parent,
           HeedReportFigures      *figures,
           const HeedReportTable  *table,
           guint                   index,
           GError                **error)
{
  g_autofree char *svg = NULL;
  g_autofree char *prefix = NULL;
  xmlDoc *doc;
  xmlNode *root, *copy;
  gsize length = 0;

  svg = heed_chart_to_svg (figures, table, CHART_WIDTH, HEED_CHART_NO_TITLE, &length, error);
  if (svg == NULL)
    return FALSE;
  doc = xmlReadMemory (svg, (int) length, "chart.svg", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE,
                   _("The chart “%s” could not be put on the page."), table->title);
      return FALSE;
    }
  prefix = g_strdup_printf ("chart%u-", index);
  prefix_ids (root, prefix);
  copy = xmlDocCopyNode (root, parent->doc, 1);
  xmlFreeDoc (doc);
  /* The table beside it carries the figures; the picture is named for what it shows. */
  set_attribute (copy, "role", "img");
  set_attribute (copy, "aria-label", table->title);
  xmlAddChild (parent, copy);
  return TRUE;
}

static void
add_table (xmlNode               *parent,
           HeedReportFigures     *figures,
           const HeedReportTable *table)
{
  xmlNode *node = add_element (parent, "table", NULL);
  xmlNode *head, *body, *tr, *th;

  add_element (node, "caption", table->title);
  head = add_element (node, "thead", NULL);
  tr = add_element (head, "tr", NULL);
  th = add_element (tr, "th", table->row_heading);
  set_attribute (th, "scope", "col");
  for (guint c = 0; c < table->columns->len; c++)
    {
      th = add_element (tr, "th", g_ptr_array_index (table->columns, c));
      set_attribute (th, "scope", "col");
    }
  body = add_element (node, "tbody", NULL);
  for (guint r = 0; r < table->rows->len; r++)
    {
      tr = add_element (body, "tr", NULL);
      th = add_element (tr, "th", g_ptr_array_index (table->rows, r));
      set_attribute (th, "scope", "row");
      for (guint c = 0; c < table->columns->len; c++)
        {
          g_autofree char *value = heed_report_figures_format_cell (figures, table, r, c);

          add_element (tr, "td", value);
        }
    }
}

/* A list of published wording under @parent; @empty when there is none. */
static void
add_item_list (xmlNode            *parent,
               HeedReportFigures  *figures,
               HeedReportItemList  list,
               const char         *heading_label,
               const char         *text_label,
               const char         *empty)
{
  GPtrArray *items = heed_report_figures_get_items (figures, list);
  xmlNode *ul;

  if (items->len == 0)
    {
      add_element (parent, "p", empty);
      return;
    }
  ul = add_element (parent, "ul", NULL);
  for (guint i = 0; i < items->len; i++)
    {
      HeedReportItem *item = g_ptr_array_index (items, i);
      xmlNode *li = add_element (ul, "li", NULL);
      xmlNode *p;

      if (item->heading != NULL && item->heading[0] != '\0')
        {
          p = add_element (li, "p", NULL);
          add_element (p, "strong", heading_label);
          xmlNodeAddContent (p, (const xmlChar *) " ");
          xmlNodeAddContent (p, (const xmlChar *) item->heading);
        }
      p = add_element (li, "p", NULL);
      if (text_label != NULL)
        {
          add_element (p, "strong", text_label);
          xmlNodeAddContent (p, (const xmlChar *) " ");
        }
      xmlNodeAddContent (p, (const xmlChar *) item->text);
      if (item->detail != NULL)
        add_element (add_element (li, "p", NULL), "em", item->detail);
      if (item->measure != NULL)
        {
          p = add_element (li, "p", NULL);
          add_element (p, "strong", _("How we will know it worked:"));
          xmlNodeAddContent (p, (const xmlChar *) " ");
          xmlNodeAddContent (p, (const xmlChar *) item->measure);
        }
    }
}

static void
add_items (xmlNode            *main,
           HeedReportFigures  *figures,
           HeedReportItemList  list,
           const char         *title,
           const char         *heading_label,
           const char         *text_label,
           const char         *empty)
{
  xmlNode *section = add_element (main, "section", NULL);

  add_element (section, "h2", title);
  add_item_list (section, figures, list, heading_label, text_label, empty);
}

char *
heed_report_html_render (HeedReportFigures  *figures,
                         gsize              *length,
                         GError            **error)
{
  g_autofree char *period = NULL, *title = NULL, *today_text = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  xmlDoc *doc;
  xmlNode *html, *head, *body, *header, *main, *section, *footer, *node;
  xmlNs *ns;
  xmlBuffer *buffer;
  xmlSaveCtxt *save;
  char *result = NULL;
  GDate today;

  g_return_val_if_fail (HEED_IS_REPORT_FIGURES (figures), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  period = heed_report_figures_dup_period_text (figures);
  title = g_strdup_printf ("%s — %s", heed_report_figures_get_practice (figures),
                           heed_report_figures_get_title (figures));

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  html = xmlNewNode (NULL, (const xmlChar *) "html");
  ns = xmlNewNs (html, (const xmlChar *) XHTML_NS, NULL);
  xmlSetNs (html, ns);
  xmlDocSetRootElement (doc, html);
  xmlCreateIntSubset (doc, (const xmlChar *) "html", NULL, NULL);
  /* TRANSLATORS: the language tag of this translation, for the web page's lang attribute */
  set_attribute (html, "lang", C_("language-tag", "en-GB"));

  head = add_element (html, "head", NULL);
  node = add_element (head, "meta", NULL);
  set_attribute (node, "charset", "utf-8");
  node = add_element (head, "meta", NULL);
  set_attribute (node, "name", "viewport");
  set_attribute (node, "content", "width=device-width, initial-scale=1");
  add_element (head, "title", title);
  add_element (head, "style", style);

  body = add_element (html, "body", NULL);
  header = add_element (body, "header", NULL);
  add_element (header, "h1", heed_report_figures_get_title (figures));
  add_element (header, "p", heed_report_figures_get_practice (figures));
  node = add_element (header, "p", period);
  set_attribute (node, "class", "period");

  main = add_element (body, "main", NULL);
  section = add_element (main, "section", NULL);
  add_element (section, "h2", _("At a glance"));
  summary = heed_report_figures_dup_summary (figures);
  node = add_element (section, "ul", NULL);
  for (guint i = 0; i < summary->len; i++)
    add_element (node, "li", g_ptr_array_index (summary, i));
  if (heed_report_figures_get_suppress_small (figures))
    add_element (section, "p", _("So that no one can be identified, numbers from 1 to 4 are "
                                 "shown as “fewer than 5”."));

  for (guint i = 0; i < heed_report_figures_get_n_tables (figures); i++)
    {
      const HeedReportTable *table = heed_report_figures_get_table (figures, i);
      xmlNode *figure;

      section = add_element (main, "section", NULL);
      add_element (section, "h2", table->title);
      figure = add_element (section, "div", NULL);
      set_attribute (figure, "class", "figure");
      if (table->chart != HEED_REPORT_CHART_NONE && table->rows->len > 0
          && !add_chart (figure, figures, table, i, error))
        {
          xmlFreeDoc (doc);
          return NULL;
        }
      add_table (figure, figures, table);
      if (table->note != NULL)
        {
          node = add_element (section, "p", table->note);
          set_attribute (node, "class", "note");
        }
      /* The matters themselves: in the practice's own words when it wrote them for the
       * period, otherwise those whose wording the manager approved. */
      if (g_strcmp0 (table->id, "general-importance") == 0
          && heed_report_figures_get_general_importance (figures) != NULL)
        {
          g_auto(GStrv) paragraphs = g_strsplit (heed_report_figures_get_general_importance
                                                 (figures), "\n\n", -1);

          for (guint p = 0; paragraphs[p] != NULL; p++)
            if (g_strstrip (paragraphs[p])[0] != '\0')
              add_element (section, "p", paragraphs[p]);
        }
      else if (g_strcmp0 (table->id, "general-importance") == 0)
        add_item_list (section, figures, HEED_REPORT_ITEMS_GENERAL_IMPORTANCE, _("Subject:"), NULL,
                       _("Their wording has not been approved for publication."));
    }

  if (heed_report_figures_get_kind (figures) == HEED_REPORT_ANNUAL)
    {
      add_items (main, figures, HEED_REPORT_ITEMS_LEARNING, _("What we learned"),
                 _("Subject:"), NULL, _("No learning was approved for publication."));
      add_items (main, figures, HEED_REPORT_ITEMS_ACTIONS, _("What we are doing about it"),
                 NULL, NULL, _("No action was approved for publication."));
      add_items (main, figures, HEED_REPORT_ITEMS_YOU_SAID_WE_DID, _("You said, we did"),
                 _("You said:"), _("We did:"), _("Nothing was approved for publication."));
    }

  footer = add_element (body, "footer", NULL);
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  today_text = heed_format_date_long (&today);
  {
    g_autofree char *made = g_strdup_printf (_("Made with Heed on %s. This report names no "
                                               "person."),
                                             today_text);

    add_element (footer, "p", made);
  }

  buffer = xmlBufferCreate ();
  save = xmlSaveToBuffer (buffer, "UTF-8", XML_SAVE_FORMAT | XML_SAVE_NO_DECL | XML_SAVE_XHTML);
  if (save == NULL || xmlSaveDoc (save, doc) < 0 || xmlSaveClose (save) < 0)
    g_set_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_WRITE,
                 _("The web page could not be written."));
  else
    {
      result = g_strndup ((const char *) xmlBufferContent (buffer),
                          (gsize) xmlBufferLength (buffer));
      if (length != NULL)
        *length = strlen (result);
    }
  xmlBufferFree (buffer);
  xmlFreeDoc (doc);
  return result;
}
