/* rapport-report-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report as text: paragraphs and headings, the account and its exports, data coverage and
 * the suggestions.  The sections in between are in rapport-report-text-audience.c (followers)
 * and rapport-report-text-posts.c (posts).
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "cli/rapport-report-text-private.h"
#include "core/rapport-escape.h"
#include "core/rapport-format.h"

#define WIDTH 80
/* Pieces of evidence of one suggestion printed in full. */
#define TEXT_EVIDENCE 4

static void
append_wrapped (GString    *out,
                guint       indent,
                const char *text)
{
  g_auto(GStrv) split = g_strsplit (text, " ", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint column = indent;
  gboolean empty = TRUE;

  /* "n = 12" and "4.1 %" stay on one line: "=" and "%" are glued to their neighbours. */
  for (guint i = 0; split[i] != NULL; i++)
    {
      gboolean glue = words->len > 0
                   && (g_str_equal (split[i], "=") || g_str_has_prefix (split[i], "%")
                       || g_str_equal (g_ptr_array_index (words, words->len - 1), "=")
                       || g_str_has_suffix (g_ptr_array_index (words, words->len - 1), " ="));

      if (glue)
        {
          g_autofree char *previous = g_ptr_array_steal_index (words, words->len - 1);

          g_ptr_array_add (words, g_strconcat (previous, " ", split[i], NULL));
        }
      else
        g_ptr_array_add (words, g_strdup (split[i]));
    }

  for (guint i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      glong length = g_utf8_strlen (word, -1);

      if (length == 0)
        continue;
      if (!empty && column + 1 + length > WIDTH)
        {
          g_string_append_c (out, '\n');
          /* Continuation lines hang two columns further in. */
          for (guint j = 0; j < indent + 2; j++)
            g_string_append_c (out, ' ');
          column = indent + 2;
          empty = TRUE;
        }
      if (!empty)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, word);
      column += length;
      empty = FALSE;
    }
  g_string_append_c (out, '\n');
}

void
rapport_report_text_para (GString    *out,
                          guint       indent,
                          const char *format,
                          ...)
{
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* A paragraph is one line before wrapping: a newline in it is a name's. */
  safe = rapport_escape_for_terminal (text, FALSE);
  append_wrapped (out, indent, safe);
}

void
rapport_report_text_cell (GString    *out,
                          const char *text,
                          int         width)
{
  g_autofree char *safe = rapport_escape_for_terminal (text, FALSE);
  g_autofree char *cell = rapport_format_pad (safe, width);

  g_string_append (out, cell);
}

void
rapport_report_text_heading (GString    *out,
                             const char *title,
                             char        rule)
{
  g_autofree char *safe = rapport_escape_for_terminal (title, FALSE);
  glong length = g_utf8_strlen (safe, -1);

  g_string_append_printf (out, "\n%s\n", safe);
  for (glong i = 0; i < length; i++)
    g_string_append_c (out, rule);
  g_string_append_c (out, '\n');
}

void
rapport_report_text_not_available (GString             *out,
                                   const RapportReport *report,
                                   RapportFigure        figure)
{
  const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);

  rapport_report_text_para (out, 2, _("Not available: %s"),
                            item->explanation != NULL ? item->explanation
                                                      : _("the imported exports do not have it."));
}

const char *
rapport_report_text_coverage_explanation (const RapportReport *report,
                                          RapportFigure        figure)
{
  const char *explanation = rapport_coverage_get (report->coverage, figure)->explanation;

  return explanation != NULL ? explanation : "";
}

static void
text_header (GString             *out,
             const RapportReport *report)
{
  const RapportDataset *dataset = report->dataset;
  g_autofree char *name = rapport_format_name (dataset->platform, dataset->handle);
  g_autofree char *title = NULL;

  /* Translators: the report's title, "@jo on Instagram (account 1)" or "Mira Makes on YouTube
   * (account 2)". */
  title = g_strdup_printf (_("Rapport report: %s on %s (account %" PRId64 ")"), name,
                           rapport_platform_display_name (dataset->platform), dataset->account_id);
  rapport_report_text_heading (out, title, '=');
  /* A channel's title or a member's name is the title already. */
  if (dataset->display_name != NULL && dataset->display_name[0] != '\0' &&
      g_strcmp0 (dataset->display_name, dataset->handle) != 0)
    rapport_report_text_para (out, 0, "%s", dataset->display_name);

  rapport_report_text_para (out, 0, g_dngettext (GETTEXT_PACKAGE, "%u export imported:",
                                                 "%u exports imported:", dataset->snapshots->len),
                            dataset->snapshots->len);
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);
      g_autofree char *day = rapport_format_day (snapshot->exported_at);
      gint64 n_followers = rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWER)
        ? (gint64) rapport_dataset_snapshot_list_size (snapshot, RAPPORT_DIRECTION_FOLLOWER) : -1;
      gint64 n_following = rapport_dataset_snapshot_has_list (snapshot, RAPPORT_DIRECTION_FOLLOWING)
        ? (gint64) rapport_dataset_snapshot_list_size (snapshot, RAPPORT_DIRECTION_FOLLOWING) : -1;
      g_autofree char *followers = rapport_format_optional_count (n_followers);
      g_autofree char *following = rapport_format_optional_count (n_following);
      g_autofree char *posts = rapport_format_count ((gint64) MIN (snapshot->n_posts, G_MAXINT64));
      g_autofree char *days = rapport_format_count ((gint64) MIN (snapshot->n_follower_days,
                                                                  G_MAXINT64));
      g_autoptr(GString) brought = g_string_new (NULL);
      gboolean with_lists = n_followers >= 0 || n_following >= 0 ||
                            (snapshot->n_posts == 0 && snapshot->n_follower_days == 0);

      /* Which export supplied what: an analytics file has no lists but posts or days. */
      if (with_lists && !rapport_platform_lists_count_followers (dataset->platform))
        /* Translators: the size of a LinkedIn export's list, whose connections are both of its
         * lists ("—" when absent). */
        g_string_append_printf (brought, g_dngettext (GETTEXT_PACKAGE, "%s connection",
                                                      "%s connections", MAX (n_followers, 0)),
                                followers);
      else if (with_lists)
        /* Translators: the list sizes of one export ("—" when absent). */
        g_string_append_printf (brought, _("%s followers, %s following"), followers, following);
      if (snapshot->n_posts > 0)
        {
          g_string_append (brought, brought->len > 0 ? ", " : "");
          g_string_append_printf (brought, g_dngettext (GETTEXT_PACKAGE, "%s post", "%s posts",
                                                        snapshot->n_posts), posts);
        }
      if (snapshot->n_follower_days > 0)
        {
          g_string_append (brought, brought->len > 0 ? ", " : "");
          g_string_append_printf (brought, g_dngettext (GETTEXT_PACKAGE,
                                                        "%s day of follower history",
                                                        "%s days of follower history",
                                                        snapshot->n_follower_days), days);
        }
      /* Translators: one export: its date, file name, and what it brought. */
      rapport_report_text_para (out, 2, _("%s, %s: %s"), day,
                                snapshot->source_name != NULL ? snapshot->source_name : "?",
                                brought->str);
    }
}

/* "2 of 3 posts", as the coverage unit defines each figure's sample. */
static char *
coverage_sample (const RapportCoverageItem *item)
{
  switch (item->figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u day with a real total",
                                           "%'u days with a real total", item->n),
                              item->n);
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u follower dated",
                                           "%'u of %'u followers dated", item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
    case RAPPORT_FIGURE_IMPRESSIONS:
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u post", "%'u of %'u posts",
                                           item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_RECIPROCITY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u export with both lists",
                                           "%'u of %'u exports with both lists", item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_CHURN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u export with followers",
                                           "%'u of %'u exports with followers", item->total),
                              item->n, item->total);
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u interaction with a known account",
                                           "%'u interactions with a known account", item->n),
                              item->n);
    }
}

static const char *
coverage_level_title (RapportCoverageLevel level)
{
  switch (level)
    {
    case RAPPORT_COVERAGE_FULL:
      return _("complete");
    case RAPPORT_COVERAGE_PARTIAL:
      return _("partial");
    case RAPPORT_COVERAGE_MISSING:
    default:
      return _("missing");
    }
}

static void
text_coverage (GString             *out,
               const RapportReport *report)
{
  rapport_report_text_heading (out, _("Data coverage"), '-');
  for (RapportFigure figure = 0; figure < RAPPORT_N_FIGURES; figure++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);
      g_autofree char *sample = coverage_sample (item);

      rapport_report_text_para (out, 2, "%s: %s (%s).",
                                rapport_figure_title (figure, report->dataset->platform),
                                coverage_level_title (item->level), sample);
      if (item->explanation != NULL)
        rapport_report_text_para (out, 4, "%s", item->explanation);
    }
}

static void
text_suggestions (GString             *out,
                  const RapportReport *report,
                  GPtrArray           *suggestions)
{
  guint n_open = 0;

  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);

      if (suggestion->state == RAPPORT_SUGGESTION_OPEN)
        n_open++;
    }

  rapport_report_text_heading (out, _("Suggestions"), '-');
  if (suggestions->len == 0)
    {
      rapport_report_text_para (out, 2, _("None: no rule found enough in these exports to suggest "
                                          "anything."));
      return;
    }
  rapport_report_text_para (out, 2, _("%'u open, %'u dismissed or done; most important first."),
                            n_open, suggestions->len - n_open);

  for (guint i = 0; i < suggestions->len; i++)
    {
      const RapportSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autofree char *number = g_strdup_printf ("%2u.", i + 1);
      const char *state = "";

      if (suggestion->state == RAPPORT_SUGGESTION_DISMISSED)
        state = _("[dismissed] ");
      else if (suggestion->state == RAPPORT_SUGGESTION_DONE)
        state = _("[done] ");

      g_string_append_c (out, '\n');
      rapport_report_text_para (out, 2, "%s %s%s", number, state, suggestion->title);
      /* Translators: category, confidence label and value, the n it rests on, priority. */
      rapport_report_text_para (out, 6, _("%s · confidence %s (%.2f, n = %u) · priority %.0f"),
                                rapport_suggestion_category_title (suggestion->category),
                                rapport_confidence_to_string (suggestion->confidence_label),
                                suggestion->confidence, suggestion->n, suggestion->priority);
      rapport_report_text_para (out, 6, "%s", suggestion->explanation);
      rapport_report_text_para (out, 6, _("→ %s"), suggestion->action);
      rapport_report_text_para (out, 6, _("Evidence:"));
      for (guint e = 0; e < MIN (suggestion->evidence->len, TEXT_EVIDENCE); e++)
        {
          g_autofree char *sentence =
            rapport_evidence_describe (g_ptr_array_index (suggestion->evidence, e), report,
                                       RAPPORT_REPORT_TEXT_SAMPLE);

          rapport_report_text_para (out, 8, "%s", sentence);
        }
      if (suggestion->evidence->len > TEXT_EVIDENCE)
        rapport_report_text_para (out, 8, g_dngettext (GETTEXT_PACKAGE,
                                                       "… and %'u more (see --json).",
                                                       "… and %'u more (see --json).",
                                                       suggestion->evidence->len - TEXT_EVIDENCE),
                                  suggestion->evidence->len - TEXT_EVIDENCE);
    }
}

char *
rapport_report_print_text (const RapportReport *report,
                           GPtrArray           *suggestions)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (suggestions != NULL, NULL);

  text_header (out, report);
  rapport_report_text_since_export (out, report);
  rapport_report_text_series (out, report);
  rapport_report_text_engagement (out, report);
  rapport_report_text_reciprocity (out, report);
  rapport_report_text_churn (out, report);
  rapport_report_text_hashtags (out, report);
  rapport_report_text_collaborations (out, report);
  rapport_report_text_cadence (out, report);
  rapport_report_text_anomalies (out, report);
  text_coverage (out, report);
  text_suggestions (out, report, suggestions);

  return g_string_free (g_steal_pointer (&out), FALSE);
}
