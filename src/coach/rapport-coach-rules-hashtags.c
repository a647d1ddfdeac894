/* rapport-coach-rules-hashtags.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hashtag rules: drop bait tags, keep the tags with real uplift, and try the number of
 * tags that performed best.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/rapport-stats.h"

#include "coach/rapport-coach-private.h"

/* Tags with uplift named at most. */
#define MAX_TAGS_KEPT 3


/* "Your 8 posts with #travel had a median engagement rate of 5.1 %, against 2.9 % for the 27
 * without it: …" */
static void
append_tag_comparison (GString             *text,
                       const char          *tag,
                       const RapportUplift *uplift)
{
  g_autofree char *with_phrase = g_strdup_printf (_("with #%s"), tag);

  rapport_coach_append_comparison (text, with_phrase, _("without it"), uplift);
}

/* An empty list of posts labelled "Posts with #@tag". */
static RapportEvidence *
add_tag_posts (RapportSuggestion *suggestion,
               const char        *tag)
{
  /* Translators: %s is a hashtag without its '#'. */
  g_autofree char *label = g_strdup_printf (_("Posts with #%s"), tag);

  return rapport_suggestion_add_posts (suggestion, label);
}

/* Drop bait tags.  Speaks for every bait tag used on any own post (the hashtag unit's list),
 * with the posts that use it.  Its confidence is that of "the tag costs engagement": the
 * uplift of those posts against the others, counting only a fall. */
void
rapport_coach_rule_drop_bait_tags (const RapportReport *report,
                                   GPtrArray           *out)
{
  const GArray *bait = report->hashtags->bait;
  g_autofree gboolean *member = g_new0 (gboolean, report->per_post->len + 1);

  for (guint b = 0; b < bait->len; b++)
    {
      const RapportBaitTag *tag = &g_array_index (bait, RapportBaitTag, b);
      g_autofree char *key = g_strdup_printf ("hashtags.drop-bait:%s", tag->tag);
      g_autoptr(GString) text = g_string_new (NULL);
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;
      RapportUplift uplift;

      if (tag->n_posts == 0)
        continue;

      memset (member, 0, (report->per_post->len + 1) * sizeof (gboolean));
      for (guint i = 0; i < tag->posts->len; i++)
        member[g_array_index (tag->posts, guint32, i)] = TRUE;
      rapport_coach_uplift_of_members (report, member, &uplift);

      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_HASHTAGS, key);
      /* Translators: %s is a hashtag without its '#'. */
      suggestion->title = g_strdup_printf (_("Drop #%s"), tag->tag);

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "#%s asks for follows or likes in return; you used it "
                                           "on %'u post.",
                                           "#%s asks for follows or likes in return; you used it "
                                           "on %'u posts.",
                                           tag->n_posts),
                              tag->tag, tag->n_posts);
      g_string_append_c (text, ' ');
      if (uplift.n_with > 0 && uplift.n_without > 0)
        {
          append_tag_comparison (text, tag->tag, &uplift);
          if (!(uplift.uplift < 0))
            {
              g_string_append_c (text, ' ');
              g_string_append (text, _("The tag did not cost these posts engagement, but the "
                                       "follows it trades for add to your follower count "
                                       "without adding people who engage."));
            }
        }
      else
        g_string_append (text, _("Their engagement cannot be compared: the exports give no "
                                 "engagement rate for them or for your other posts."));
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
      /* Translators: %s is a hashtag without its '#'. */
      suggestion->action = g_strdup_printf (_("Remove #%s from your captions and saved hashtag "
                                              "sets, and use tags that describe the post "
                                              "instead."),
                                            tag->tag);

      evidence = add_tag_posts (suggestion, tag->tag);
      for (guint i = 0; i < tag->posts->len; i++)
        {
          guint32 index = g_array_index (tag->posts, guint32, i);

          rapport_evidence_add_post (evidence, rapport_coach_entry_at (report, index)->post);
        }

      rapport_suggestion_rate (suggestion, 80, MIN (uplift.n_with, uplift.n_without),
                               uplift.uplift < 0 ? uplift.uplift : isnan (uplift.uplift) ? NAN : 0,
                               uplift.p_value);
      g_ptr_array_add (out, suggestion);
    }
}

/* Keep tags with real uplift: tags that are not bait, with an uplift of at least 10 %, five
 * posts or more on each side, and a Mann–Whitney p below 0.05 once multiplied by the number of
 * tags tested: with hundreds of tags, some beat the rest by chance alone.  The three with the
 * highest uplift. */
void
rapport_coach_rule_keep_tags (const RapportReport *report,
                              GPtrArray           *out)
{
  const GArray *tags = report->hashtags->tags;
  guint n_kept = 0;
  guint n_tested = 0;

  for (guint t = 0; t < tags->len; t++)
    if (!isnan (g_array_index (tags, RapportTagUplift, t).uplift.p_value))
      n_tested++;

  for (guint t = 0; t < tags->len && n_kept < MAX_TAGS_KEPT; t++)
    {
      const RapportTagUplift *tag = &g_array_index (tags, RapportTagUplift, t);
      g_autofree char *key = NULL;
      g_autoptr(GString) text = NULL;
      RapportUplift uplift = tag->uplift;
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;

      if (tag->is_bait || uplift.n_with < RAPPORT_COACH_MIN_COMPARED_POSTS
          || !rapport_coach_uplift_select (&uplift, n_tested))
        continue;

      key = g_strdup_printf ("hashtags.keep:%s", tag->tag);
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_HASHTAGS, key);
      /* Translators: %s is a hashtag without its '#'. */
      suggestion->title = g_strdup_printf (_("Keep using #%s"), tag->tag);
      text = g_string_new (NULL);
      append_tag_comparison (text, tag->tag, &uplift);
      if (n_tested > 1)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The p-value allows for the %u tag compared: the "
                                               "best of many look good by chance alone.",
                                               "The p-value allows for the %u tags compared: the "
                                               "best of many look good by chance alone.",
                                               n_tested),
                                  n_tested);
        }
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
      /* Translators: %s is a hashtag without its '#'. */
      suggestion->action = g_strdup_printf (_("Use #%s again on the posts it fits, and check "
                                              "after your next export that the lift holds."),
                                            tag->tag);

      evidence = add_tag_posts (suggestion, tag->tag);
      for (guint i = 0; i < report->per_post->len; i++)
        {
          const RapportDatasetPost *post = rapport_coach_entry_at (report, i)->post;

          if (g_strv_contains ((const char * const *) post->hashtags, tag->tag))
            rapport_evidence_add_post (evidence, post);
        }

      rapport_suggestion_rate (suggestion, 55, MIN (uplift.n_with, uplift.n_without),
                               uplift.uplift, uplift.p_value);
      g_ptr_array_add (out, suggestion);
      n_kept++;
    }
}

/* What the suggestions say of each bucket (RapportTagBucketKind). */
static const struct
{
  const char *key;
  const char *phrase;  /* "with 3–5 hashtags", to follow "your posts" */
  const char *title;
  const char *action;
} bucket_texts[RAPPORT_N_TAG_BUCKETS] = {
  [RAPPORT_TAG_BUCKET_NONE] = {
    "0", N_("without hashtags"), N_("Try posts without hashtags"),
    N_("Publish your next posts without hashtags, then compare after your next export."),
  },
  [RAPPORT_TAG_BUCKET_FEW] = {
    "1-2", N_("with 1–2 hashtags"), N_("Use 1–2 hashtags per post"),
    N_("Put one or two well-chosen hashtags on your next posts, then compare after your next "
       "export."),
  },
  [RAPPORT_TAG_BUCKET_SOME] = {
    "3-5", N_("with 3–5 hashtags"), N_("Use 3–5 hashtags per post"),
    N_("Put three to five hashtags on your next posts, then compare after your next export."),
  },
  [RAPPORT_TAG_BUCKET_MANY] = {
    "6-10", N_("with 6–10 hashtags"), N_("Use 6–10 hashtags per post"),
    N_("Put six to ten hashtags on your next posts, then compare after your next export."),
  },
  [RAPPORT_TAG_BUCKET_VERY_MANY] = {
    "11-plus", N_("with 11 hashtags or more"), N_("Use 11 hashtags or more per post"),
    N_("Put eleven hashtags or more on your next posts, then compare after your next export."),
  },
};

/* The bucket of a post with @n_tags tags, by the hashtag unit's bounds (which follow each
 * other). */
static int
bucket_of (const RapportHashtagReport *hashtags,
           guint                       n_tags)
{
  int b = 0;

  while (b < RAPPORT_N_TAG_BUCKETS - 1 && n_tags > hashtags->buckets[b].max_tags)
    b++;
  return b;
}

/* The known ERs of the posts with @bucket's number of tags into @rates, and the posts into
 * @evidence; either may be NULL. */
static void
posts_in_bucket (const RapportReport *report,
                 int                  bucket,
                 GArray              *rates,
                 RapportEvidence     *evidence)
{
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = rapport_coach_entry_at (report, i);
      guint n_tags = g_strv_length (entry->post->hashtags);

      if (isnan (entry->rate) || bucket_of (report->hashtags, n_tags) != bucket)
        continue;
      if (rates != NULL)
        g_array_append_val (rates, entry->rate);
      if (evidence != NULL)
        rapport_evidence_add_post (evidence, entry->post);
    }
}

/* Try the number of tags that performed best: the hashtag unit's best bucket (the highest
 * median ER among buckets of five posts or more) against the bucket the creator uses most
 * (ties to fewer tags), when they differ, the latter has five posts or more with a known ER,
 * and the best beats it by at least 10 % with p · k below 0.05, k being the buckets of five
 * posts or more it was picked from. */
void
rapport_coach_rule_tag_count (const RapportReport *report,
                              GPtrArray           *out)
{
  const RapportHashtagReport *hashtags = report->hashtags;
  g_autoptr(GArray) best_rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) usual_rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *key = NULL;
  g_autofree char *best_phrase = NULL;
  g_autofree char *usual_phrase = NULL;
  g_autoptr(GString) text = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *best_posts;
  RapportEvidence *usual_posts;
  RapportUplift uplift;
  int best = hashtags->best_bucket;
  int usual = -1;
  guint n_candidates = 0;

  if (best < 0)
    return;
  for (int b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    if (hashtags->buckets[b].n >= RAPPORT_HASHTAG_BUCKET_MIN_POSTS)
      n_candidates++;
  for (int b = 0; b < RAPPORT_N_TAG_BUCKETS; b++)
    if (hashtags->buckets[b].n > 0
        && (usual < 0 || hashtags->buckets[b].n > hashtags->buckets[usual].n))
      usual = b;
  if (usual < 0 || usual == best)
    return;

  posts_in_bucket (report, best, best_rates, NULL);
  posts_in_bucket (report, usual, usual_rates, NULL);
  rapport_uplift_compute ((double *) best_rates->data, best_rates->len,
                          (double *) usual_rates->data, usual_rates->len, &uplift);
  if (!rapport_coach_uplift_select (&uplift, n_candidates))
    return;

  key = g_strdup_printf ("hashtags.tag-count:%s", bucket_texts[best].key);
  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_HASHTAGS, key);
  suggestion->title = g_strdup (_(bucket_texts[best].title));
  text = g_string_new (NULL);
  /* Translators: %s is a phrase like "with 11 hashtags or more". */
  usual_phrase = g_strdup_printf (_("%s, the number you use most"), _(bucket_texts[usual].phrase));
  rapport_coach_append_comparison (text, _(bucket_texts[best].phrase), usual_phrase, &uplift);
  if (n_candidates > 1)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The p-value allows for the %u number of tags "
                                           "compared.",
                                           "The p-value allows for the %u numbers of tags "
                                           "compared.",
                                           n_candidates),
                              n_candidates);
    }
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_(bucket_texts[best].action));

  /* Translators: %s is a phrase like "with 3–5 hashtags". */
  best_phrase = g_strdup_printf (_("Posts %s"), _(bucket_texts[best].phrase));
  g_clear_pointer (&usual_phrase, g_free);
  usual_phrase = g_strdup_printf (_("Posts %s"), _(bucket_texts[usual].phrase));
  best_posts = rapport_suggestion_add_posts (suggestion, best_phrase);
  usual_posts = rapport_suggestion_add_posts (suggestion, usual_phrase);
  posts_in_bucket (report, best, NULL, best_posts);
  posts_in_bucket (report, usual, NULL, usual_posts);

  rapport_suggestion_rate (suggestion, 45, MIN (uplift.n_with, uplift.n_without), uplift.uplift,
                           uplift.p_value);
  g_ptr_array_add (out, suggestion);
}
