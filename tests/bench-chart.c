/* bench-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the chart's frames under a display (build-aux/benchmark.py runs it headless): a chart
 * 1,200 px wide whose series have 200,000 points each — the follower line, one engagement dot
 * per post of a 200,000-post archive and the rolling median over them.  Two kinds of frame, the
 * median of 50 each:
 *   - uncached: the first frame after the visible range changed (decimation, paths, labels);
 *   - hover: the cached node with the read-out moved to another point.
 * The last line, "chart-frame-ms <ms>", is the uncached frame; the target is 4 ms.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ui/charts/rapport-chart.h"

#define N_POINTS 200000
#define N_RUNS   50
#define WIDTH    1200
#define HEIGHT   400

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* One frame of the chart alone, the way GTK asks for it. */
static double
time_snapshot (GtkWidget *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gint64 start;
  gint64 end;

  start = g_get_monotonic_time ();
  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  end = g_get_monotonic_time ();

  g_clear_pointer (&node, gsk_render_node_unref);

  return (end - start) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Lets the window lay out and draw one frame, so the read-out has its place. */
static void
wait_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (200000);
  g_autofree gint64 *t = g_new (gint64, N_POINTS);
  g_autofree double *followers = g_new (double, N_POINTS);
  g_autofree guint8 *flags = g_new (guint8, N_POINTS);
  g_autofree double *rates = g_new (double, N_POINTS);
  g_autofree double *medians = g_new (double, N_POINTS);
  double uncached[N_RUNS];
  double hover[N_RUNS];
  GtkWidget *window;
  GtkWidget *chart;
  gint64 first;
  gint64 last;
  double level = 1000;

  gtk_init ();
  adw_init ();

  /* A post every 40 minutes for 15 years; followers grow with noise and a purge; the first
   * half of the line is reconstructed. */
  for (guint i = 0; i < N_POINTS; i++)
    {
      t[i] = G_GINT64_CONSTANT (1262304000) + (gint64) i * 2400;
      level += g_rand_double_range (rand, -2, 3);
      if (i == N_POINTS * 3 / 4)
        level *= 0.8;
      followers[i] = level;
      flags[i] = i < N_POINTS / 2 ? RAPPORT_CHART_POINT_ESTIMATE : RAPPORT_CHART_POINT_NONE;
      rates[i] = fabs (0.04 + g_rand_double_range (rand, -0.03, 0.03) +
                       (g_rand_int_range (rand, 0, 1000) == 0 ? 0.2 : 0));
      medians[i] = 0.04 + 0.01 * sin (i / 5000.0);
    }

  chart = rapport_chart_new ();
  rapport_chart_add_series (RAPPORT_CHART (chart), "Followers", RAPPORT_CHART_LINE,
                            RAPPORT_CHART_AXIS_LEFT, RAPPORT_CHART_COLOR_ACCENT,
                            t, followers, flags, N_POINTS);
  rapport_chart_add_series (RAPPORT_CHART (chart), "Engagement rate", RAPPORT_CHART_DOTS,
                            RAPPORT_CHART_AXIS_RIGHT, RAPPORT_CHART_COLOR_SECOND,
                            t, rates, NULL, N_POINTS);
  rapport_chart_add_series (RAPPORT_CHART (chart), "Median engagement rate", RAPPORT_CHART_LINE,
                            RAPPORT_CHART_AXIS_RIGHT, RAPPORT_CHART_COLOR_SECOND,
                            t, medians, NULL, N_POINTS);
  rapport_chart_add_marker (RAPPORT_CHART (chart), RAPPORT_CHART_MARKER_LINE,
                            t[N_POINTS / 3], 0, "Export");
  rapport_chart_add_marker (RAPPORT_CHART (chart), RAPPORT_CHART_MARKER_BAND,
                            t[N_POINTS * 3 / 4], t[N_POINTS * 3 / 4] + 86400 * 3, "−20 %");
  gtk_widget_set_size_request (chart, WIDTH, HEIGHT);

  window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (chart) != WIDTH)
    g_main_context_iteration (NULL, TRUE);
  wait_frame (window);

  rapport_chart_get_data_range (RAPPORT_CHART (chart), &first, &last);

  /* Every frame after a change of range: the whole history and the history less a day, by
   * turns, so each one starts without a kept node. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      rapport_chart_set_range (RAPPORT_CHART (chart), first, last - (i % 2) * 86400);
      uncached[i] = time_snapshot (chart);
    }

  for (guint i = 0; i < N_RUNS; i++)
    {
      rapport_chart_set_cursor (RAPPORT_CHART (chart), t[(i * 3989) % N_POINTS]);
      wait_frame (window);
      hover[i] = time_snapshot (chart);
    }

  printf ("points per series %d, %d px wide\n", N_POINTS, gtk_widget_get_width (chart));
  printf ("chart-hover-ms %.3f\n", median (hover, N_RUNS));
  printf ("chart-frame-ms %.3f\n", median (uncached, N_RUNS));

  gtk_window_destroy (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}
