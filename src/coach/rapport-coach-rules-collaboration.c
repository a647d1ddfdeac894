/* rapport-coach-rules-collaboration.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collaboration rule: named mutuals to make a post with.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/rapport-format.h"

#include "coach/rapport-coach-private.h"

/* Collaboration candidates named at most. */
#define MAX_CANDIDATES 3


/* "4 comments, 12 likes and 1 reply". */
static char *
describe_interactions (const RapportCollaborationCandidate *candidate)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  if (candidate->n_comments > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u comment",
                                                          "%'u comments", candidate->n_comments),
                                             candidate->n_comments));
  if (candidate->n_likes > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u like",
                                                          "%'u likes", candidate->n_likes),
                                             candidate->n_likes));
  if (candidate->n_replies > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u reply",
                                                          "%'u replies", candidate->n_replies),
                                             candidate->n_replies));
  if (candidate->n_reposts > 0)
    /* Translators: boosts, reposts and quotes of someone else's posts. */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u repost",
                                                          "%'u reposts", candidate->n_reposts),
                                             candidate->n_reposts));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separators of a list, "4 comments, 12 likes and 1 reply". */
        g_string_append (text, i + 1 == parts->len ? _(" and ") : _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The first sentence of the explanation: of an account called @name ("@jo", or a name as
 * rapport_format_name() gives it), or with @named FALSE, of one known only by an id, shortened
 * into @name. */
static void
append_interactions (GString    *text,
                     gboolean    from_following,
                     gboolean    named,
                     const char *name,
                     const char *interactions,
                     const char *latest)
{
  if (latest != NULL && from_following)
    g_string_append_printf (text,
                            /* Translators: %s is an account, "@jo" or "Jo Doe" (or an
                             * id), then a list such as "4 likes and 1 repost", then a date. */
                            named ? _("You follow %s and have given them %s (the latest on "
                                      "%s), but you have never posted together.")
                                  : _("You follow this account (%s) and have given them %s (the "
                                      "latest on %s), but you have never posted together."),
                            name, interactions, latest);
  else if (latest != NULL)
    g_string_append_printf (text,
                            /* Translators: %s is an account, "@jo" or "Jo Doe" (or an
                             * id), then a list such as "4 comments and 12 likes", then a date. */
                            named ? _("You and %s follow each other, and you have given them "
                                      "%s (the latest on %s), but you have never posted "
                                      "together.")
                                  : _("You and this account (%s) follow each other, and you have "
                                      "given them %s (the latest on %s), but you have never "
                                      "posted together."),
                            name, interactions, latest);
  else if (from_following)
    g_string_append_printf (text,
                            named ? _("You follow %s and have given them %s, but you have never "
                                      "posted together.")
                                  : _("You follow this account (%s) and have given them %s, but "
                                      "you have never posted together."),
                            name, interactions);
  else
    g_string_append_printf (text,
                            named ? _("You and %s follow each other, and you have given them "
                                      "%s, but you have never posted together.")
                                  : _("You and this account (%s) follow each other, and you have "
                                      "given them %s, but you have never posted together."),
                            name, interactions);
}

/* A title for an account without a name, by what the creator gives them most: "Make a post
 * with an account you reply to often (did:plc:abcd…wxyz)".  Ties go to the closer kind. */
static char *
unnamed_title (const RapportCollaborationCandidate *candidate,
               const char                          *id)
{
  guint most = MAX (MAX (candidate->n_replies, candidate->n_comments),
                    MAX (candidate->n_reposts, candidate->n_likes));

  /* Translators: %s is an account's id, shortened. */
  if (candidate->n_replies == most)
    return g_strdup_printf (_("Make a post with an account you reply to often (%s)"), id);
  if (candidate->n_comments == most)
    return g_strdup_printf (_("Make a post with an account you comment on often (%s)"), id);
  if (candidate->n_reposts == most)
    return g_strdup_printf (_("Make a post with an account you repost often (%s)"), id);
  return g_strdup_printf (_("Make a post with an account whose posts you like often (%s)"), id);
}

/* Collaborate with named candidates: the collaboration unit's candidates (mutuals, or accounts
 * followed where the exports list no followers, that the creator comments on, likes, reposts
 * or replies to but has never posted with), the three most engaged with,
 * citing how posts with other accounts did.  Silent when those posts did worse than posts
 * made alone with medium or high confidence: the account's own numbers argue against it. */
void
rapport_coach_rule_collaboration_candidates (const RapportReport *report,
                                             GPtrArray           *out)
{
  const RapportCollaborations *collaborations = report->collaborations;
  const RapportUplift *mentions = &collaborations->mentions;
  gboolean compared = mentions->n_with > 0 && mentions->n_without > 0 && !isnan (mentions->uplift);
  RapportPlatform platform = report->dataset != NULL ? report->dataset->platform
                                                     : RAPPORT_PLATFORM_UNKNOWN;

  if (!collaborations->candidates_available || collaborations->candidates->len == 0)
    return;
  if (compared && mentions->uplift < 0 && mentions->confidence != RAPPORT_CONFIDENCE_LOW)
    return;

  for (guint c = 0; c < MIN (collaborations->candidates->len, MAX_CANDIDATES); c++)
    {
      const RapportCollaborationCandidate *candidate =
        &g_array_index (collaborations->candidates, RapportCollaborationCandidate, c);
      const char *who = candidate->person->who;
      const char *handle = candidate->person->handle;
      g_autofree char *key = g_strdup_printf ("collaboration.candidate:%s", who);
      g_autofree char *interactions = describe_interactions (candidate);
      g_autofree char *latest = candidate->latest > 0 ? rapport_format_day (candidate->latest)
                                                      : NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;

      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_COLLABORATION, key);
      if (handle != NULL)
        {
          g_autofree char *name = rapport_format_name (platform, handle);

          /* Translators: %s is an account, "@jo" or "Jo Doe". */
          suggestion->title = g_strdup_printf (_("Make a post with %s"), name);
          append_interactions (text, collaborations->candidates_from_following, TRUE, name,
                               interactions, latest);
          /* Translators: %s is an account, "@jo" or "Jo Doe". */
          suggestion->action = g_strdup_printf (_("Invite %s to a joint post, a collab post or "
                                                  "a feature."),
                                                name);
        }
      else
        {
          /* Known by an id alone (Bluesky's DIDs): said by what the creator does, the id
           * shortened after it to tell such accounts apart. */
          g_autofree char *id = rapport_format_short_id (candidate->person->platform_id != NULL
                                                         ? candidate->person->platform_id
                                                         : who);

          suggestion->title = unnamed_title (candidate, id);
          append_interactions (text, collaborations->candidates_from_following, FALSE, id,
                               interactions, latest);
          suggestion->action = g_strdup (_("Invite them to a joint post, a collab post or a "
                                           "feature."));
        }
      g_string_append_c (text, ' ');
      if (compared)
        rapport_coach_append_comparison (text, _("with other accounts"), _("you made alone"),
                                         mentions);
      else if (collaborations->n_with_mentions == 0)
        g_string_append (text, _("You have no posts with other accounts yet, so your own "
                                 "numbers cannot yet say how collaborations do for you."));
      else
        g_string_append (text, _("Your posts with other accounts have no engagement rates to "
                                 "compare with your other posts."));
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);

      evidence = rapport_suggestion_add_accounts (suggestion, _("Their profile"));
      rapport_evidence_add_account (evidence, who);
      if (collaborations->n_with_mentions > 0)
        {
          g_autofree gboolean *member = g_new0 (gboolean, report->per_post->len + 1);

          for (guint p = 0; p < collaborations->partners->len; p++)
            {
              const RapportPartner *partner =
                &g_array_index (collaborations->partners, RapportPartner, p);

              for (guint i = 0; i < partner->posts->len; i++)
                member[g_array_index (partner->posts, guint32, i)] = TRUE;
            }
          evidence = rapport_suggestion_add_posts (suggestion, _("Your posts with other accounts"));
          for (guint i = 0; i < report->per_post->len; i++)
            if (member[i])
              rapport_evidence_add_post (evidence, rapport_coach_entry_at (report, i)->post);
        }

      if (compared)
        rapport_suggestion_rate (suggestion, 55 - 5 * c,
                                 MIN (mentions->n_with, mentions->n_without),
                                 mentions->uplift, mentions->p_value);
      else
        rapport_suggestion_rate (suggestion, 55 - 5 * c, candidate->n_interactions, NAN, NAN);
      g_ptr_array_add (out, suggestion);
    }
}
