/* rapport-overview-page-since.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Since your last export" on the Overview: the followers gained, lost, dropped after a
 * follow-back and renamed between the account's last two exports with a follower list, each a
 * row that opens the matching list on the Audience page; or, where there is no such step, why
 * not and what would give it.  For all accounts, one line per account, which opens that
 * account's Audience page the same way.
 *
 * The step needs the follower lists, which come with the analysis's details: until then the
 * section says it is comparing them, and it is built again when they are there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/rapport-since-export.h"
#include "core/rapport-format.h"
#include "ui/rapport-account-row.h"
#include "ui/rapport-overview-page-private.h"

static const char *
source_name (const RapportDatasetSnapshot *snapshot)
{
  return snapshot->source_name != NULL ? snapshot->source_name : _("an unnamed export");
}

/* "From 10 Mar 2024 (a.zip) to 12 Sep 2024 (b.zip)", with the sizes of the lists: of
 * followers, or where they are connections (LinkedIn's), of connections. */
static char *
describe_step (RapportPlatform         platform,
               const RapportChurnStep *step)
{
  g_autofree char *from = rapport_format_day (step->older->exported_at);
  g_autofree char *to = rapport_format_day (step->newer->exported_at);
  g_autofree char *before = rapport_format_count ((double) step->n_older);
  g_autofree char *after = rapport_format_count ((double) step->n_newer);

  if (!rapport_platform_lists_count_followers (platform))
    /* Translators: the two LinkedIn exports compared, with their dates, files and counts of
     * connections: "From 10 Mar 2024 (a.zip) to 12 Sep 2024 (b.zip), 240 connections became
     * 255." */
    return g_strdup_printf (_("From %s (%s) to %s (%s), %s connections became %s."),
                            from, source_name (step->older), to, source_name (step->newer),
                            before, after);
  /* Translators: the two exports compared, with their dates, files and follower counts:
   * "From 10 Mar 2024 (a.zip) to 12 Sep 2024 (b.zip), 2400 followers became 2455." */
  return g_strdup_printf (_("From %s (%s) to %s (%s), %s followers became %s."),
                          from, source_name (step->older), to, source_name (step->newer),
                          before, after);
}

static GtkWidget *
add_row (RapportOverviewPage *self,
         const char          *title,
         const char          *subtitle,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      label = gtk_label_new (value);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  gtk_list_box_append (self->since_list, row);

  return row;
}

/* Opens @row's list on the Audience page: through the window's action, so that the page need
 * not know the window. */
static void
link_row (GtkWidget  *row,
          const char *action,
          GVariant   *target)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The target first: a name without its target is checked against the action at once. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static void
add_count_row (RapportOverviewPage *self,
               const char          *title,
               guint64              count,
               const char          *segment,
               gboolean             named)
{
  g_autofree char *value = rapport_format_count ((double) count);
  GtkWidget *row = add_row (self, title, NULL, value);

  /* A step kept as counts names no one: nothing to open. */
  if (named)
    link_row (row, "win.show-segment", g_variant_new_string (segment));
}

static void
build_account_step (RapportOverviewPage      *self,
                    const RapportSinceExport *since)
{
  const RapportChurnStep *step = since->step;
  RapportPlatform platform = rapport_analysis_get_dataset (self->analysis)->platform;
  gboolean connections = !rapport_platform_lists_count_followers (platform);
  gboolean named = step->newer_people != NULL;
  g_autofree char *detail = describe_step (platform, step);
  g_auto(GStrv) renamed = NULL;
  GtkWidget *row;

  gtk_label_set_text (self->since_detail, detail);

  add_count_row (self, connections ? _("New Connections") : _("New Followers"), step->n_gained,
                 "new", named);
  add_count_row (self, connections ? _("Lost Connections") : _("Lost Followers"), step->n_lost,
                 "lost", named);
  if (rapport_since_export_knows_dropped (since))
    add_count_row (self, _("Dropped After Follow-Back"), step->n_dropped_after_follow_back,
                   "dropped-after-follow-back", named);
  else
    {
      g_autofree char *why = rapport_since_export_explain_dropped (step, TRUE);
      /* Translators: %s says why, "neither export lists the accounts you follow". */
      g_autofree char *unknown = g_strdup_printf (_("Unknown: %s"), why);

      add_row (self, _("Dropped After Follow-Back"), unknown, RAPPORT_FORMAT_NONE);
    }

  {
    g_autofree char *value = rapport_format_count ((double) step->n_renamed);

    row = add_row (self, _("Renamed"), _("The same account under a new name"), value);
  }
  renamed = rapport_since_export_renamed_whos (since);
  if (renamed != NULL && renamed[0] != NULL)
    link_row (row, "win.show-accounts",
              g_variant_new ("(s^as)", _("Renamed Since Previous Export"), renamed));

  gtk_widget_set_visible (GTK_WIDGET (self->since_list), TRUE);
}

/* Where an account's line on the page of all accounts leads: its new followers, else those
 * it lost, else those who dropped it after a follow-back; the new ones when none changed. */
static const char *
first_segment (const RapportSinceExport *since)
{
  const RapportChurnStep *step = since->step;

  if (step->n_gained == 0 && step->n_lost > 0)
    return "lost";
  if (step->n_gained == 0 && rapport_since_export_knows_dropped (since) &&
      step->n_dropped_after_follow_back > 0)
    return "dropped-after-follow-back";
  return "new";
}

/* One account's line on the page of all accounts: its counts, or why there are none. */
static char *
summarize_account (const RapportSinceExport *since,
                   const RapportReport      *report,
                   gboolean                  details)
{
  const RapportChurnStep *step = since->step;
  g_autofree char *gained = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *renamed = NULL;

  if (since->state != RAPPORT_SINCE_EXPORT_CHANGES)
    return rapport_since_export_explain (since, report->coverage, details);

  gained = rapport_format_count ((double) step->n_gained);
  lost = rapport_format_count ((double) step->n_lost);
  dropped = rapport_since_export_knows_dropped (since)
            ? rapport_format_count ((double) step->n_dropped_after_follow_back)
            : g_strdup (RAPPORT_FORMAT_NONE);
  renamed = rapport_format_count ((double) step->n_renamed);
  /* Translators: one account's change since its last export on the Overview of all
   * accounts, "12 new · 5 lost · 2 dropped after follow-back · 1 renamed". */
  return g_strdup_printf (_("%s new · %s lost · %s dropped after follow-back · %s renamed"),
                          gained, lost, dropped, renamed);
}

static void
build_all_accounts (RapportOverviewPage *self)
{
  guint n_children = rapport_analysis_get_n_children (self->analysis);
  gboolean details = rapport_analysis_has_details (self->analysis);

  gtk_label_set_text (self->since_detail,
                      _("Followers who came and went between each account’s last two exports. "
                        "Open an account to see who they are."));
  for (guint c = 0; c < n_children; c++)
    {
      RapportAnalysis *child = rapport_analysis_get_child (self->analysis, c);
      const RapportReport *report = rapport_analysis_get_report (child);
      const RapportAccount *account = rapport_analysis_get_account (child);
      g_autoptr(RapportSinceExport) since = NULL;
      g_autofree char *line = NULL;
      GtkWidget *row;

      since = rapport_since_export_compute (rapport_analysis_get_dataset (child), report->churn);
      line = summarize_account (since, report, details);
      row = add_row (self, rapport_analysis_get_title (child), line, NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (
                                   rapport_platform_icon_name (account->platform)));
      /* As the rows of one account: to the people behind the first count that has any. */
      if (since->state == RAPPORT_SINCE_EXPORT_CHANGES && since->step->newer_people != NULL)
        link_row (row, "win.show-account-segment",
                  g_variant_new ("(xs)", account->id, first_segment (since)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->since_list), n_children > 0);
}

void
_rapport_overview_page_update_since (RapportOverviewPage *self)
{
  const RapportReport *report;
  g_autoptr(RapportSinceExport) since = NULL;
  g_autofree char *why = NULL;

  g_assert (RAPPORT_IS_OVERVIEW_PAGE (self));

  gtk_list_box_remove_all (self->since_list);
  gtk_widget_set_visible (GTK_WIDGET (self->since_list), FALSE);
  gtk_widget_set_visible (self->since_box, self->analysis != NULL);
  if (self->analysis == NULL)
    return;

  if (rapport_analysis_is_all_accounts (self->analysis))
    {
      build_all_accounts (self);
      return;
    }

  report = rapport_analysis_get_report (self->analysis);
  since = rapport_since_export_compute (rapport_analysis_get_dataset (self->analysis),
                                       report->churn);
  if (since->state == RAPPORT_SINCE_EXPORT_CHANGES)
    {
      build_account_step (self, since);
      return;
    }

  why = rapport_since_export_explain (since, report->coverage,
                                      rapport_analysis_has_details (self->analysis));
  gtk_label_set_text (self->since_detail, why);
}
