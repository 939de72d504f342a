/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-case.h"
#include "heed-choice.h"
#include "heed-risk-matrix.h"

struct _HeedRiskMatrix {
  AdwBin parent_instance;

  GtkGrid *grid;

  GtkWidget *cells[4][5]; /* [seriousness][likelihood] */
  char      *seriousness;
  char      *likelihood;
};

G_DEFINE_FINAL_TYPE (HeedRiskMatrix, heed_risk_matrix, ADW_TYPE_BIN)

enum { SIGNAL_GRADED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
on_cell_toggled_cb (GtkToggleButton *button, HeedRiskMatrix *self)
{
  guint s = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "heed-seriousness"));
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "heed-likelihood"));

  if (!gtk_toggle_button_get_active (button))
    return;
  if (g_strcmp0 (self->seriousness, heed_seriousness_levels[s]) == 0
      && g_strcmp0 (self->likelihood, heed_likelihood_levels[l]) == 0)
    return;
  g_free (self->seriousness);
  g_free (self->likelihood);
  self->seriousness = g_strdup (heed_seriousness_levels[s]);
  self->likelihood = g_strdup (heed_likelihood_levels[l]);
  g_signal_emit (self, signals[SIGNAL_GRADED], 0, self->seriousness, self->likelihood);
}

static void
show_grade (HeedRiskMatrix *self)
{
  if (self->cells[0][0] == NULL)
    return;
  for (guint s = 0; s < 4; s++)
    for (guint l = 0; l < 5; l++)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->cells[s][l]),
                                    g_strcmp0 (self->seriousness, heed_seriousness_levels[s]) == 0
                                      && g_strcmp0 (self->likelihood, heed_likelihood_levels[l])
                                           == 0);
}

void
heed_risk_matrix_set_store (HeedRiskMatrix *self, HeedStore *store)
{
  GtkWidget *child;

  g_return_if_fail (HEED_IS_RISK_MATRIX (self));
  g_return_if_fail (HEED_IS_STORE (store));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  memset (self->cells, 0, sizeof self->cells);

  for (guint l = 0; l < 5; l++)
    {
      GtkWidget *label =
        gtk_label_new (heed_choice_get_label ("likelihood", heed_likelihood_levels[l]));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->grid, label, (int) l + 1, 0, 1, 1);
    }
  for (guint s = 0; s < 4; s++)
    {
      GtkWidget *label =
        gtk_label_new (heed_choice_get_label ("seriousness", heed_seriousness_levels[s]));

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->grid, label, 0, (int) s + 1, 1, 1);
      for (guint l = 0; l < 5; l++)
        {
          g_autofree char *risk =
            heed_store_dup_risk (store, heed_seriousness_levels[s], heed_likelihood_levels[l]);
          const char      *risk_label = heed_choice_get_label ("risk", risk);
          GtkWidget       *button = gtk_toggle_button_new_with_label (risk_label);
          g_autofree char *css = g_strdup_printf ("risk-%s", risk != NULL ? risk : "none");
          g_autofree char *name =
            g_strdup_printf (_("Seriousness %s, likelihood %s: %s risk"),
                                heed_choice_get_label ("seriousness", heed_seriousness_levels[s]),
                                heed_choice_get_label ("likelihood", heed_likelihood_levels[l]),
                                risk_label);

          gtk_widget_add_css_class (button, css);
          gtk_widget_set_hexpand (button, TRUE);
          gtk_widget_set_tooltip_text (button, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          if (s > 0 || l > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                         GTK_TOGGLE_BUTTON (self->cells[0][0]));
          g_object_set_data (G_OBJECT (button), "heed-seriousness", GUINT_TO_POINTER (s));
          g_object_set_data (G_OBJECT (button), "heed-likelihood", GUINT_TO_POINTER (l));
          gtk_widget_set_sensitive (button, !heed_store_is_read_only (store));
          self->cells[s][l] = button;
          gtk_grid_attach (self->grid, button, (int) l + 1, (int) s + 1, 1, 1);
        }
    }
  show_grade (self);
  for (guint s = 0; s < 4; s++)
    for (guint l = 0; l < 5; l++)
      g_signal_connect (self->cells[s][l], "toggled", G_CALLBACK (on_cell_toggled_cb), self);
}

void
heed_risk_matrix_set_grade (HeedRiskMatrix *self, const char *seriousness, const char *likelihood)
{
  g_return_if_fail (HEED_IS_RISK_MATRIX (self));

  if (seriousness != self->seriousness)
    {
      g_free (self->seriousness);
      self->seriousness = g_strdup (seriousness);
    }
  if (likelihood != self->likelihood)
    {
      g_free (self->likelihood);
      self->likelihood = g_strdup (likelihood);
    }
  show_grade (self);
}

static void
heed_risk_matrix_dispose (GObject *object)
{
  HeedRiskMatrix *self = HEED_RISK_MATRIX (object);

  memset (self->cells, 0, sizeof self->cells);
  /* The bin lets go of its child first: disposing of the template frees the grid, which the bin
   * would otherwise unparent again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEED_TYPE_RISK_MATRIX);
  G_OBJECT_CLASS (heed_risk_matrix_parent_class)->dispose (object);
}

static void
heed_risk_matrix_finalize (GObject *object)
{
  HeedRiskMatrix *self = HEED_RISK_MATRIX (object);

  g_free (self->seriousness);
  g_free (self->likelihood);
  G_OBJECT_CLASS (heed_risk_matrix_parent_class)->finalize (object);
}

static void
heed_risk_matrix_class_init (HeedRiskMatrixClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = heed_risk_matrix_dispose;
  object_class->finalize = heed_risk_matrix_finalize;

  /**
   * HeedRiskMatrix::graded:
   * @seriousness: the seriousness of the cell chosen
   * @likelihood: its likelihood
   *
   * A person chose a cell.
   */
  signals[SIGNAL_GRADED] =
    g_signal_new ("graded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/heed-risk-matrix.ui");
  gtk_widget_class_bind_template_child (widget_class, HeedRiskMatrix, grid);
}

static void
heed_risk_matrix_init (HeedRiskMatrix *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
heed_risk_matrix_new (void)
{
  return g_object_new (HEED_TYPE_RISK_MATRIX, NULL);
}
