/* rapport-coach-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coach's rules.  Each says when it speaks, and is silent otherwise.  Priorities are a
 * rule's weight (below) times 0.5 + 0.5 · confidence; the weights say how much a finding
 * matters to authentic growth:
 *
 *   followers up while engagement falls           90
 *   missing engagement counts                     85
 *   bait tags                                     80
 *   follow-for-follow share                       75
 *   missing follower history                      70
 *   dropped after a follow-back                   60
 *   missing follower and following lists          60
 *   collaboration candidates                      55, 50, 45
 *   tags with uplift                              55
 *   posting rhythm, best time                     50
 *   missing follow dates                          50
 *   number of tags                                45
 *   missing second follower list                  45
 *   follower jump without engagement              40
 *   missing comments and likes                    35
 *   missing impressions                           25
 *   missing comment counts                        20
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/rapport-stats.h"

#include "coach/rapport-coach-private.h"

#define DAY RAPPORT_SECONDS_PER_DAY

/* An uplift below this is too small to act on, however certain. */
#define MIN_UPLIFT 0.10
/* Tags with uplift, and collaboration candidates, named at most. */
#define MAX_TAGS_KEPT 3
#define MAX_CANDIDATES 3
/* Posts on the other side of a comparison needed to speak about a slot or a number of tags. */
#define MIN_COMPARED_POSTS 5
/* Posting rhythm: intervals and weeks needed, and when posting counts as uneven. */
#define RHYTHM_MIN_INTERVALS 8
#define RHYTHM_MIN_WEEKS 4
#define RHYTHM_UNEVEN_CV 1.0
#define RHYTHM_UNEVEN_EMPTY_WEEKS 0.25
/* One or two accounts leaving is everyday noise. */
#define MIN_DROPPED_AFTER_FOLLOW_BACK 3
/* Follow-for-follow pairs worth a review: at least five, and 5 % of the followers or a quarter
 * of the mutuals. */
#define MIN_F4F_PAIRS 5
#define MIN_F4F_SHARE 0.05
#define MIN_F4F_SHARE_OF_MUTUALS 0.25
/* Posts with counts needed on each side of a follower jump, the jump's least size as a share
 * of the followers, and the most jumps noted. */
#define MIN_SPIKE_POSTS 3
#define MIN_SPIKE_SHARE 0.01
#define MAX_SPIKES 3
/* The best of k candidates must beat the rest with p · k below this (Bonferroni). */
#define SELECTED_P 0.05

static const RapportPostEngagement *
entry_at (const RapportReport *report,
          guint                index)
{
  return &g_array_index (report->per_post, RapportPostEngagement, index);
}

static gboolean
strv_has (char       **strv,
          const char  *value)
{
  for (; strv != NULL && *strv != NULL; strv++)
    if (strcmp (*strv, value) == 0)
      return TRUE;
  return FALSE;
}

/* The uplift of the own posts with a known ER that @member marks (indexed like per_post)
 * against all other own posts with a known ER. */
static void
uplift_of_members (const RapportReport *report,
                   const gboolean      *member,
                   RapportUplift       *uplift)
{
  g_autoptr(GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = entry_at (report, i);

      if (!isnan (entry->rate))
        g_array_append_val (member[i] ? with : without, entry->rate);
    }
  rapport_uplift_compute ((double *) with->data, with->len,
                          (double *) without->data, without->len, uplift);
}

/* @uplift with its p-value multiplied by the @k candidates it was picked from (Bonferroni),
 * capped at 1. */
static RapportUplift
corrected (const RapportUplift *uplift,
           guint                k)
{
  RapportUplift result = *uplift;

  if (!isnan (result.p_value))
    result.p_value = MIN (1.0, result.p_value * MAX (k, 1));
  return result;
}

/* "YYYY-MM-DD" of @t in UTC, for keys. */
static char *
key_day (gint64 t)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (t);

  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("unknown");
}

/* "Your 8 posts with #travel had a median engagement rate of 5.1 %, against 2.9 % for the
 * 27 without it: +75.9 % (p = 0.03, unlikely to be chance)." */
static void
append_comparison (GString             *text,
                   const char          *with_phrase,
                   const char          *without_phrase,
                   const RapportUplift *uplift)
{
  g_autofree char *median_with = rapport_coach_percent (uplift->median_with);
  g_autofree char *median_without = rapport_coach_percent (uplift->median_without);
  g_autofree char *change = rapport_coach_change (uplift->uplift);
  g_autofree char *significance = rapport_coach_significance (uplift->p_value);

  /* Translators: the first %s is a group of posts ("with #travel"), the second its median
   * engagement rate, the third the rest ("without it") and its rate; then the change and the
   * significance, as in "+75.9 % (p = 0.03, unlikely to be chance)". */
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Your %'u post %s had a median engagement rate of %s, "
                                       "against %s for the %'u %s: %s (%s).",
                                       "Your %'u posts %s had a median engagement rate of %s, "
                                       "against %s for the %'u %s: %s (%s).",
                                       uplift->n_with),
                          uplift->n_with, with_phrase, median_with, median_without,
                          uplift->n_without, without_phrase, change, significance);
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
      g_autofree char *label = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;
      RapportUplift uplift;

      if (tag->n_posts == 0)
        continue;

      memset (member, 0, (report->per_post->len + 1) * sizeof (gboolean));
      for (guint i = 0; i < tag->posts->len; i++)
        member[g_array_index (tag->posts, guint32, i)] = TRUE;
      uplift_of_members (report, member, &uplift);

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
          g_autofree char *with_phrase = g_strdup_printf (_("with #%s"), tag->tag);

          append_comparison (text, with_phrase, _("without it"), &uplift);
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

      /* Translators: %s is a hashtag without its '#'. */
      label = g_strdup_printf (_("Posts with #%s"), tag->tag);
      evidence = rapport_suggestion_add_posts (suggestion, label);
      for (guint i = 0; i < tag->posts->len; i++)
        rapport_evidence_add_post (evidence,
                                   entry_at (report, g_array_index (tag->posts, guint32, i))->post);

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
      g_autofree char *label = NULL;
      g_autofree char *with_phrase = NULL;
      g_autoptr(GString) text = NULL;
      RapportUplift uplift = corrected (&tag->uplift, n_tested);
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;

      if (tag->is_bait || !(uplift.uplift >= MIN_UPLIFT)
          || MIN (uplift.n_with, uplift.n_without) < MIN_COMPARED_POSTS
          || !(uplift.p_value < SELECTED_P))
        continue;

      key = g_strdup_printf ("hashtags.keep:%s", tag->tag);
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_HASHTAGS, key);
      /* Translators: %s is a hashtag without its '#'. */
      suggestion->title = g_strdup_printf (_("Keep using #%s"), tag->tag);
      text = g_string_new (NULL);
      with_phrase = g_strdup_printf (_("with #%s"), tag->tag);
      append_comparison (text, with_phrase, _("without it"), &uplift);
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

      label = g_strdup_printf (_("Posts with #%s"), tag->tag);
      evidence = rapport_suggestion_add_posts (suggestion, label);
      for (guint i = 0; i < report->per_post->len; i++)
        if (strv_has (entry_at (report, i)->post->hashtags, tag->tag))
          rapport_evidence_add_post (evidence, entry_at (report, i)->post);

      rapport_suggestion_rate (suggestion, 55, MIN (uplift.n_with, uplift.n_without),
                               uplift.uplift, uplift.p_value);
      g_ptr_array_add (out, suggestion);
      n_kept++;
    }
}

static int
bucket_of (guint n_tags)
{
  const RapportTagBucketKind last = RAPPORT_N_TAG_BUCKETS - 1;

  if (n_tags == 0)
    return RAPPORT_TAG_BUCKET_NONE;
  if (n_tags <= 2)
    return RAPPORT_TAG_BUCKET_FEW;
  if (n_tags <= 5)
    return RAPPORT_TAG_BUCKET_SOME;
  if (n_tags <= 10)
    return RAPPORT_TAG_BUCKET_MANY;
  return last;
}

static const char *
bucket_key (int bucket)
{
  static const char * const keys[RAPPORT_N_TAG_BUCKETS] = { "0", "1-2", "3-5", "6-10", "11-plus" };

  return keys[bucket];
}

/* "with 3–5 hashtags", to follow "your posts". */
static const char *
bucket_phrase (int bucket)
{
  switch (bucket)
    {
    case RAPPORT_TAG_BUCKET_NONE:
      return _("without hashtags");
    case RAPPORT_TAG_BUCKET_FEW:
      return _("with 1–2 hashtags");
    case RAPPORT_TAG_BUCKET_SOME:
      return _("with 3–5 hashtags");
    case RAPPORT_TAG_BUCKET_MANY:
      return _("with 6–10 hashtags");
    case RAPPORT_TAG_BUCKET_VERY_MANY:
    default:
      return _("with 11 hashtags or more");
    }
}

static const char *
bucket_title (int bucket)
{
  switch (bucket)
    {
    case RAPPORT_TAG_BUCKET_NONE:
      return _("Try posts without hashtags");
    case RAPPORT_TAG_BUCKET_FEW:
      return _("Use 1–2 hashtags per post");
    case RAPPORT_TAG_BUCKET_SOME:
      return _("Use 3–5 hashtags per post");
    case RAPPORT_TAG_BUCKET_MANY:
      return _("Use 6–10 hashtags per post");
    case RAPPORT_TAG_BUCKET_VERY_MANY:
    default:
      return _("Use 11 hashtags or more per post");
    }
}

static const char *
bucket_action (int bucket)
{
  switch (bucket)
    {
    case RAPPORT_TAG_BUCKET_NONE:
      return _("Publish your next posts without hashtags, then compare after your next export.");
    case RAPPORT_TAG_BUCKET_FEW:
      return _("Put one or two well-chosen hashtags on your next posts, then compare after your "
               "next export.");
    case RAPPORT_TAG_BUCKET_SOME:
      return _("Put three to five hashtags on your next posts, then compare after your next "
               "export.");
    case RAPPORT_TAG_BUCKET_MANY:
      return _("Put six to ten hashtags on your next posts, then compare after your next export.");
    case RAPPORT_TAG_BUCKET_VERY_MANY:
    default:
      return _("Put eleven hashtags or more on your next posts, then compare after your next "
               "export.");
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

  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = entry_at (report, i);
      int bucket = bucket_of (g_strv_length (entry->post->hashtags));

      if (isnan (entry->rate))
        continue;
      if (bucket == best)
        g_array_append_val (best_rates, entry->rate);
      else if (bucket == usual)
        g_array_append_val (usual_rates, entry->rate);
    }
  rapport_uplift_compute ((double *) best_rates->data, best_rates->len,
                          (double *) usual_rates->data, usual_rates->len, &uplift);
  uplift = corrected (&uplift, n_candidates);
  if (uplift.n_without < MIN_COMPARED_POSTS || !(uplift.uplift >= MIN_UPLIFT)
      || !(uplift.p_value < SELECTED_P))
    return;

  key = g_strdup_printf ("hashtags.tag-count:%s", bucket_key (best));
  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_HASHTAGS, key);
  suggestion->title = g_strdup (bucket_title (best));
  text = g_string_new (NULL);
  /* Translators: %s is a phrase like "with 11 hashtags or more". */
  usual_phrase = g_strdup_printf (_("%s, the number you use most"), bucket_phrase (usual));
  append_comparison (text, bucket_phrase (best), usual_phrase, &uplift);
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
  suggestion->action = g_strdup (bucket_action (best));

  /* Translators: %s is a phrase like "with 3–5 hashtags". */
  best_phrase = g_strdup_printf (_("Posts %s"), bucket_phrase (best));
  g_clear_pointer (&usual_phrase, g_free);
  usual_phrase = g_strdup_printf (_("Posts %s"), bucket_phrase (usual));
  best_posts = rapport_suggestion_add_posts (suggestion, best_phrase);
  usual_posts = rapport_suggestion_add_posts (suggestion, usual_phrase);
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = entry_at (report, i);
      int bucket = bucket_of (g_strv_length (entry->post->hashtags));

      if (isnan (entry->rate))
        continue;
      if (bucket == best)
        rapport_evidence_add_post (best_posts, entry->post);
      else if (bucket == usual)
        rapport_evidence_add_post (usual_posts, entry->post);
    }

  rapport_suggestion_rate (suggestion, 45, MIN (uplift.n_with, uplift.n_without), uplift.uplift,
                           uplift.p_value);
  g_ptr_array_add (out, suggestion);
}

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
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: separators of a list, "4 comments, 12 likes and 1 reply". */
        g_string_append (text, i + 1 == parts->len ? _(" and ") : _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Collaborate with named candidates: the collaboration unit's candidates (mutuals the creator
 * comments on, likes or replies to but has never posted with), the three most engaged with,
 * citing how posts with other accounts did.  Silent when those posts did worse than posts
 * made alone with medium or high confidence: the account's own numbers argue against it. */
void
rapport_coach_rule_collaboration_candidates (const RapportReport *report,
                                             GPtrArray           *out)
{
  const RapportCollaborations *collaborations = report->collaborations;
  const RapportUplift *mentions = &collaborations->mentions;
  gboolean compared = mentions->n_with > 0 && mentions->n_without > 0 && !isnan (mentions->uplift);

  if (!collaborations->candidates_available || collaborations->candidates->len == 0)
    return;
  if (compared && mentions->uplift < 0 && mentions->confidence != RAPPORT_CONFIDENCE_LOW)
    return;

  for (guint c = 0; c < MIN (collaborations->candidates->len, MAX_CANDIDATES); c++)
    {
      const RapportCollaborationCandidate *candidate =
        &g_array_index (collaborations->candidates, RapportCollaborationCandidate, c);
      const char *who = candidate->person->who;
      const char *name = candidate->person->handle != NULL ? candidate->person->handle : who;
      g_autofree char *key = g_strdup_printf ("collaboration.candidate:%s", who);
      g_autofree char *interactions = describe_interactions (candidate);
      g_autoptr(GString) text = g_string_new (NULL);
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;

      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_COLLABORATION, key);
      /* Translators: %s is an account name without its '@'. */
      suggestion->title = g_strdup_printf (_("Make a post with @%s"), name);

      if (candidate->latest > 0)
        {
          g_autofree char *latest = rapport_coach_day (candidate->latest);

          /* Translators: @%s is an account, then a list such as "4 comments and 12 likes",
           * then a date. */
          g_string_append_printf (text, _("You and @%s follow each other, and you have given "
                                          "them %s (the latest on %s), but you have never posted "
                                          "together."),
                                  name, interactions, latest);
        }
      else
        g_string_append_printf (text, _("You and @%s follow each other, and you have given them "
                                        "%s, but you have never posted together."),
                                name, interactions);
      g_string_append_c (text, ' ');
      if (compared)
        append_comparison (text, _("with other accounts"), _("you made alone"), mentions);
      else if (collaborations->n_with_mentions == 0)
        g_string_append (text, _("You have no posts with other accounts yet, so your own "
                                 "numbers cannot yet say how collaborations do for you."));
      else
        g_string_append (text, _("Your posts with other accounts have no engagement rates to "
                                 "compare with your other posts."));
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
      /* Translators: %s is an account name without its '@'. */
      suggestion->action = g_strdup_printf (_("Invite @%s to a joint post, a collab post or a "
                                              "feature."),
                                            name);

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
              rapport_evidence_add_post (evidence, entry_at (report, i)->post);
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

static int
compare_gap_lengths (gconstpointer a,
                     gconstpointer b)
{
  const RapportCadenceGap *x = a;
  const RapportCadenceGap *y = b;

  if (x->days != y->days)
    return x->days > y->days ? -1 : 1;
  return (x->from > y->from) - (x->from < y->from);
}

/* Post on a steadier rhythm: with eight intervals or more over four weeks or more, when the
 * gaps between posts vary as much as their mean (coefficient of variation ≥ 1, the spread of
 * posting at random moments) or a quarter of the weeks had no post.  The suggested pace is the
 * creator's own average of posts per week, spread evenly. */
void
rapport_coach_rule_steady_rhythm (const RapportReport *report,
                                  GPtrArray           *out)
{
  const RapportCadence *cadence = report->cadence;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) gaps = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *gap_from = NULL;
  g_autofree char *gap_to = NULL;
  RapportSuggestion *suggestion;
  double empty_share;
  double per_week;

  if (cadence->n_intervals < RHYTHM_MIN_INTERVALS || cadence->n_weeks < RHYTHM_MIN_WEEKS)
    return;
  empty_share = (double) cadence->weeks_without_posts / cadence->n_weeks;
  if (!(cadence->interval_cv >= RHYTHM_UNEVEN_CV) && empty_share < RHYTHM_UNEVEN_EMPTY_WEEKS)
    return;

  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, "consistency.rhythm");
  suggestion->title = g_strdup (_("Post on a steadier rhythm"));

  text = g_string_new (NULL);
  first = rapport_coach_day (cadence->first);
  last = rapport_coach_day (cadence->last);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "From %s to %s you posted %'u time, %.1f a week on "
                                       "average.",
                                       "From %s to %s you posted %'u times, %.1f a week on "
                                       "average.",
                                       cadence->n_posts),
                          first, last, cadence->n_posts, cadence->posts_per_week);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%'u of those %'u weeks had no post.",
                                       "%'u of those %'u weeks had no post.",
                                       cadence->n_weeks),
                          cadence->weeks_without_posts, cadence->n_weeks);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("The gaps between posts vary widely: half of them lie between "
                                  "%.1f and %.1f days (median %.1f), and their spread is %.1f "
                                  "times their mean."),
                          cadence->interval_q1, cadence->interval_q3, cadence->interval_median,
                          cadence->interval_cv);
  gap_from = rapport_coach_day (cadence->longest_gap.from);
  gap_to = rapport_coach_day (cadence->longest_gap.to);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("The longest pause lasted %.0f days, from %s to %s."),
                          cadence->longest_gap.days, gap_from, gap_to);
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);

  /* The pace to keep is the creator's own average, which the bursts show they can sustain;
   * the gaps within bursts would ask for far more. */
  per_week = cadence->posts_per_week;
  if (per_week >= 0.75)
    {
      guint n = (guint) CLAMP (round (per_week), 1, 14);

      suggestion->action = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Plan %u post a week on fixed days — "
                                                         "your average pace — and prepare posts "
                                                         "ahead for busy weeks.",
                                                         "Plan %u posts a week on fixed days — "
                                                         "your average pace — and prepare posts "
                                                         "ahead for busy weeks.",
                                                         n),
                                            n);
    }
  else
    {
      guint weeks = (guint) MAX (2, round (1 / per_week));

      suggestion->action = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Plan one post every %u week on a fixed "
                                                         "day — your average pace — and prepare "
                                                         "posts ahead for busy weeks.",
                                                         "Plan one post every %u weeks on a "
                                                         "fixed day — your average pace — and "
                                                         "prepare posts ahead for busy weeks.",
                                                         weeks),
                                            weeks);
    }

  if (cadence->gaps->len == 0)
    rapport_suggestion_add_date_range (suggestion, _("The longest pause"),
                                       cadence->longest_gap.from, cadence->longest_gap.to);
  /* The longest pauses first: they say most about the rhythm. */
  gaps = g_array_copy (cadence->gaps);
  g_array_sort (gaps, compare_gap_lengths);
  for (guint i = 0; i < gaps->len; i++)
    {
      const RapportCadenceGap *gap = &g_array_index (gaps, RapportCadenceGap, i);
      g_autofree char *label = g_strdup_printf (_("A pause of %.0f days"), gap->days);

      rapport_suggestion_add_date_range (suggestion, label, gap->from, gap->to);
    }

  rapport_suggestion_rate (suggestion, 50, cadence->n_intervals,
                           MAX (isnan (cadence->interval_cv) ? 0 : cadence->interval_cv / 2,
                                empty_share),
                           NAN);
  g_ptr_array_add (out, suggestion);
}

static const char *
weekday_plural (int weekday)
{
  static const char * const names[7] = {
    N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
    N_("Saturdays"), N_("Sundays"),
  };

  return _(names[weekday]);
}

static const char *
weekday_name (int weekday)
{
  static const char * const names[7] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
    N_("Sunday"),
  };

  return _(names[weekday]);
}

static const char * const weekday_keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static gboolean
in_slot (const RapportCadenceSlot *slot,
         guint                     weekday,
         guint                     hour)
{
  return (slot->weekday < 0 || (guint) slot->weekday == weekday)
      && hour >= slot->hour_start && hour < slot->hour_end;
}

/* Post at the time that performed best: the cadence unit's best weekday × hour, else its best
 * weekday, else its best three-hour block — each only when it has at least five posts with a
 * known ER (the cadence unit's rule) — and the first of them whose posts beat all the others
 * (five at least) by 10 % or more with p · k below 0.05, k being the slots of that kind with
 * five posts or more that it was picked from: the best of 168 hours of the week easily looks
 * good by chance. */
void
rapport_coach_rule_best_time (const RapportReport *report,
                              GPtrArray           *out)
{
  const RapportCadenceSlot *slots[] = {
    report->cadence->best_cell, report->cadence->best_weekday, report->cadence->best_block,
  };
  guint n = report->per_post->len;
  g_autofree guint8 *weekdays = g_new (guint8, n + 1);
  g_autofree guint8 *hours = g_new (guint8, n + 1);
  g_autofree gboolean *member = g_new0 (gboolean, n + 1);
  guint n_slots[3] = { 0, 0, 0 };

  /* Slots of each kind with enough posts: the candidates each best one was picked from. */
  for (guint d = 0; d < 7; d++)
    {
      guint day = 0;

      for (guint h = 0; h < 24; h++)
        {
          day += report->cadence->heatmap[d][h].n_rated;
          if (report->cadence->heatmap[d][h].n_rated >= RAPPORT_CADENCE_MIN_SLOT_POSTS)
            n_slots[0]++;
        }
      if (day >= RAPPORT_CADENCE_MIN_SLOT_POSTS)
        n_slots[1]++;
    }
  for (guint b = 0; b < 24; b += RAPPORT_CADENCE_BLOCK_HOURS)
    {
      guint block = 0;

      for (guint d = 0; d < 7; d++)
        for (guint h = b; h < b + RAPPORT_CADENCE_BLOCK_HOURS; h++)
          block += report->cadence->heatmap[d][h].n_rated;
      if (block >= RAPPORT_CADENCE_MIN_SLOT_POSTS)
        n_slots[2]++;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;

      utc = g_date_time_new_from_unix_utc (entry_at (report, i)->post->created_at);
      local = g_date_time_to_timezone (utc, report->tz);

      weekdays[i] = g_date_time_get_day_of_week (local) - 1;
      hours[i] = g_date_time_get_hour (local);
    }

  for (guint s = 0; s < G_N_ELEMENTS (slots); s++)
    {
      const RapportCadenceSlot *slot = slots[s];
      g_autofree char *key = NULL;
      g_autofree char *phrase = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GString) text = NULL;
      RapportSuggestion *suggestion;
      RapportEvidence *evidence;
      RapportUplift uplift;

      if (slot == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        member[i] = in_slot (slot, weekdays[i], hours[i]);
      uplift_of_members (report, member, &uplift);
      uplift = corrected (&uplift, n_slots[s]);
      if (uplift.n_without < MIN_COMPARED_POSTS || !(uplift.uplift >= MIN_UPLIFT)
          || !(uplift.p_value < SELECTED_P))
        continue;

      if (slot->weekday >= 0 && slot->hour_end - slot->hour_start < 24)
        {
          key = g_strdup_printf ("consistency.best-time:%s-%02u", weekday_keys[slot->weekday],
                                 slot->hour_start);
          suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, key);
          /* Translators: "Post on Thursdays around 18:00". */
          suggestion->title = g_strdup_printf (_("Post on %s around %02u:00"),
                                               weekday_plural (slot->weekday), slot->hour_start);
          /* Translators: "on Thursdays between 18:00 and 19:00", follows "your posts". */
          phrase = g_strdup_printf (_("on %s between %02u:00 and %02u:00"),
                                    weekday_plural (slot->weekday), slot->hour_start,
                                    slot->hour_end);
          suggestion->action = g_strdup_printf (_("Schedule your next posts for %s around "
                                                  "%02u:00."),
                                                weekday_name (slot->weekday), slot->hour_start);
        }
      else if (slot->weekday >= 0)
        {
          key = g_strdup_printf ("consistency.best-time:%s", weekday_keys[slot->weekday]);
          suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, key);
          /* Translators: "Post on Thursdays". */
          suggestion->title = g_strdup_printf (_("Post on %s"), weekday_plural (slot->weekday));
          /* Translators: "on Thursdays", follows "your posts". */
          phrase = g_strdup_printf (_("on %s"), weekday_plural (slot->weekday));
          suggestion->action = g_strdup_printf (_("Schedule your next posts for a %s."),
                                                weekday_name (slot->weekday));
        }
      else
        {
          key = g_strdup_printf ("consistency.best-time:%02u-%02u", slot->hour_start,
                                 slot->hour_end);
          suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONSISTENCY, key);
          /* Translators: "Post between 18:00 and 21:00". */
          suggestion->title = g_strdup_printf (_("Post between %02u:00 and %02u:00"),
                                               slot->hour_start, slot->hour_end);
          /* Translators: "between 18:00 and 21:00", follows "your posts". */
          phrase = g_strdup_printf (_("between %02u:00 and %02u:00"), slot->hour_start,
                                    slot->hour_end);
          suggestion->action = g_strdup_printf (_("Schedule your next posts between %02u:00 and "
                                                  "%02u:00."),
                                                slot->hour_start, slot->hour_end);
        }

      text = g_string_new (NULL);
      append_comparison (text, phrase, _("other posts"), &uplift);
      if (n_slots[s] > 1)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The p-value allows for the %u time slot compared.",
                                               "The p-value allows for the %u time slots "
                                               "compared.",
                                               n_slots[s]),
                                  n_slots[s]);
        }
      g_string_append_c (text, ' ');
      /* Translators: %s is a time zone such as "Europe/Berlin". */
      g_string_append_printf (text, _("Times are in the time zone %s."),
                              g_time_zone_get_identifier (report->tz));
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);

      /* Translators: %s is a phrase such as "on Thursdays between 18:00 and 19:00". */
      label = g_strdup_printf (_("Posts %s"), phrase);
      evidence = rapport_suggestion_add_posts (suggestion, label);
      for (guint i = 0; i < n; i++)
        if (member[i] && !isnan (entry_at (report, i)->rate))
          rapport_evidence_add_post (evidence, entry_at (report, i)->post);

      rapport_suggestion_rate (suggestion, 50, MIN (uplift.n_with, uplift.n_without),
                               uplift.uplift, uplift.p_value);
      g_ptr_array_add (out, suggestion);
      return;
    }
}

/* Review the accounts that dropped the creator after a follow-back: the newest churn step's
 * lost followers the creator still follows, when there are three or more. */
void
rapport_coach_rule_dropped_after_follow_back (const RapportReport *report,
                                              GPtrArray           *out)
{
  const RapportChurnStep *step = rapport_churn_latest (report->churn);
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *share = NULL;
  g_autoptr(GString) text = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *evidence;
  guint n_dropped;
  guint n_lost;

  if (step == NULL || step->dropped_after_follow_back == NULL
      || step->dropped_after_follow_back->len < MIN_DROPPED_AFTER_FOLLOW_BACK)
    return;
  n_dropped = step->dropped_after_follow_back->len;
  n_lost = step->lost->len;

  day = key_day (step->newer->exported_at);
  key = g_strdup_printf ("reciprocity.dropped-after-follow-back:%s", day);
  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_RECIPROCITY, key);
  suggestion->title = g_strdup (_("Review the accounts that left after you followed them back"));

  text = g_string_new (NULL);
  older = rapport_coach_day (step->older->exported_at);
  newer = rapport_coach_day (step->newer->exported_at);
  share = rapport_coach_percent ((double) n_dropped / n_lost);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Between your exports of %s and %s, %'u account stopped "
                                       "following you while you still follow it.",
                                       "Between your exports of %s and %s, %'u accounts stopped "
                                       "following you while you still follow them.",
                                       n_dropped),
                          older, newer, n_dropped);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "That is %s of the %'u follower you lost.",
                                       "That is %s of the %'u followers you lost.",
                                       n_lost),
                          share, n_lost);
  g_string_append_c (text, ' ');
  g_string_append (text, _("Following, waiting for the follow-back, then leaving is how "
                           "follow-for-follow accounts grow."));
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_("Go through the list and unfollow the accounts you followed "
                                   "only to be followed back."));

  evidence = rapport_suggestion_add_accounts (suggestion, _("Left while you still follow them"));
  for (guint i = 0; i < n_dropped; i++)
    {
      guint32 index = g_array_index (step->dropped_after_follow_back, guint32, i);

      rapport_evidence_add_account (evidence, step->older->followers->items[index].who);
    }
  rapport_suggestion_add_date_range (suggestion, _("Between the two exports"),
                                     step->older->exported_at, step->newer->exported_at);

  rapport_suggestion_rate (suggestion, 60, n_lost, (double) n_dropped / n_lost, NAN);
  g_ptr_array_add (out, suggestion);
}

/* Review the follow-for-follow share: when at least five follow-for-follow pairs make up at
 * least 5 % of the followers or a quarter of the mutuals with both dates (a large audience can
 * hide thousands of pairs in a small share).  The confidence rests on the mutuals with both
 * dates and on the share of them that are pairs. */
void
rapport_coach_rule_f4f_share (const RapportReport *report,
                              GPtrArray           *out)
{
  const RapportReciprocity *reciprocity = report->reciprocity;
  g_autoptr(GString) text = NULL;
  g_autofree char *share = NULL;
  g_autofree char *share_of_mutuals = NULL;
  g_autofree char *reciprocal = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *evidence;

  if (reciprocity == NULL || reciprocity->n_f4f_pairs < MIN_F4F_PAIRS
      || !(reciprocity->f4f_share_of_followers >= MIN_F4F_SHARE
           || reciprocity->f4f_share_of_mutuals >= MIN_F4F_SHARE_OF_MUTUALS))
    return;

  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_RECIPROCITY, "reciprocity.f4f-share");
  suggestion->title = g_strdup (_("Review your follow-for-follow pairs"));

  text = g_string_new (NULL);
  share = rapport_coach_percent (reciprocity->f4f_share_of_followers);
  share_of_mutuals = rapport_coach_percent (reciprocity->f4f_share_of_mutuals);
  reciprocal = rapport_coach_percent (reciprocity->reciprocal_share);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%'zu of your %'zu followers (%s) followed you within 72 hours of your "
                                       "following them, or you them: a follow-for-follow pair.",
                                       "%'zu of your %'zu followers (%s) followed you within 72 hours of your "
                                       "following them, or you them: follow-for-follow pairs.",
                                       reciprocity->n_f4f_pairs),
                          reciprocity->n_f4f_pairs, reciprocity->n_followers, share);
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "That is %s of the %'zu mutual whose two "
                                       "follow dates the export gives.",
                                       "That is %s of the %'zu mutuals whose two "
                                       "follow dates the export gives.",
                                       reciprocity->n_mutuals_dated),
                          share_of_mutuals, reciprocity->n_mutuals_dated);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("In all, %s of your followers are accounts you follow back."),
                          reciprocal);
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_("Stop following accounts in the hope of a follow-back, and "
                                   "unfollow the pairs whose posts you do not read."));

  evidence = rapport_suggestion_add_accounts (suggestion, _("Follow-for-follow pairs"));
  for (guint i = 0; i < reciprocity->f4f_pairs->len; i++)
    {
      const RapportMutual *pair = &g_array_index (reciprocity->f4f_pairs, RapportMutual, i);

      rapport_evidence_add_account (evidence, reciprocity->followers->items[pair->follower].who);
    }

  rapport_suggestion_rate (suggestion, 75, reciprocity->n_mutuals_dated,
                           reciprocity->f4f_share_of_mutuals, NAN);
  g_ptr_array_add (out, suggestion);
}

/* A warning when followers grow while engagement falls: the report's headline divergence
 * (rapport_engagement_divergence_strongest()), with a Mann–Whitney test of the ERs of its
 * first window against its last. */
void
rapport_coach_rule_divergence (const RapportReport *report,
                               GPtrArray           *out)
{
  const RapportDivergence *divergence = report->divergence;
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) text = NULL;
  g_autofree char *significance = NULL;
  RapportSuggestion *suggestion;
  RapportEvidence *before_posts;
  RapportEvidence *after_posts;
  gint64 window;
  gint64 after_start;
  double p_value = NAN;

  if (divergence == NULL || !divergence->diverges || divergence->headline == NULL)
    return;

  suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONTENT,
                                       "content.followers-up-engagement-down");
  suggestion->title = g_strdup (_("Followers are up, engagement is down"));

  /* The windows of rapport_engagement_divergence(). */
  window = divergence->window_days * DAY;
  after_start = divergence->to + DAY - window;
  before_posts = rapport_suggestion_add_posts (suggestion, _("Posts of the first window"));
  after_posts = rapport_suggestion_add_posts (suggestion, _("Posts of the last window"));
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = entry_at (report, i);
      gint64 t = entry->post->created_at;

      if (isnan (entry->rate))
        continue;
      if (t >= divergence->from && t < divergence->from + window)
        {
          g_array_append_val (before, entry->rate);
          rapport_evidence_add_post (before_posts, entry->post);
        }
      if (t >= after_start && t < divergence->to + DAY)
        {
          g_array_append_val (after, entry->rate);
          rapport_evidence_add_post (after_posts, entry->post);
        }
    }
  rapport_stats_mann_whitney ((double *) after->data, after->len,
                              (double *) before->data, before->len, &p_value);
  rapport_suggestion_add_date_range (suggestion, _("The range compared"),
                                     divergence->from, divergence->to);

  text = g_string_new (divergence->headline);
  g_string_append (text, ". ");
  significance = rapport_coach_significance (p_value);
  /* Translators: the numbers of posts and the length in days of two windows, then a
   * significance such as "p = 0.03, unlikely to be chance". */
  g_string_append_printf (text, _("The medians compare %'u posts in the first %u days with %'u "
                                  "posts in the last %u days (%s)."),
                          divergence->n_before, divergence->window_days, divergence->n_after,
                          divergence->window_days, significance);
  if (divergence->followers_lower_bound)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Part of the follower curve is rebuilt from follow dates, which "
                               "misses followers who left: the growth is a lower bound."));
    }
  g_string_append_c (text, ' ');
  g_string_append (text, _("Followers who do not engage, such as follow-for-follow accounts, "
                           "raise the count and lower the rate."));
  suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  suggestion->action = g_strdup (_("Stop what brought followers who do not engage — "
                                   "follow-for-follow, bait tags, giveaways — starting with the "
                                   "reciprocity and hashtag suggestions here."));

  rapport_suggestion_rate (suggestion, 90, MIN (divergence->n_before, divergence->n_after),
                           divergence->rate_change / 100, p_value);
  g_ptr_array_add (out, suggestion);
}

static void
interactions_between (const RapportReport *report,
                      gint64               start,
                      gint64               end,
                      GArray              *values,
                      RapportEvidence     *evidence)
{
  for (guint i = 0; i < report->per_post->len; i++)
    {
      const RapportPostEngagement *entry = entry_at (report, i);
      double value = entry->interactions;

      if (entry->interactions < 0
          || entry->post->created_at < start || entry->post->created_at >= end)
        continue;
      g_array_append_val (values, value);
      rapport_evidence_add_post (evidence, entry->post);
    }
}

static int
compare_priorities (gconstpointer a,
                    gconstpointer b)
{
  const RapportSuggestion *x = *(const RapportSuggestion * const *) a;
  const RapportSuggestion *y = *(const RapportSuggestion * const *) b;

  return (x->priority < y->priority) - (x->priority > y->priority);
}

/* A note for follower spikes without engagement: each follower jump of the anomaly unit of at
 * least 1 % of the followers after which the median interactions per post (30 days after
 * against 30 days before, three posts with counts or more on each side) did not rise; the
 * three with the highest priority.  Interactions, not rates: more followers lower the rate by
 * themselves.  The effect is the jump as a share of the followers minus the relative change of
 * the interactions. */
void
rapport_coach_rule_spikes (const RapportReport *report,
                           GPtrArray           *out)
{
  g_autoptr(GPtrArray) spikes = NULL;

  spikes = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_suggestion_free);

  for (guint a = 0; a < report->anomalies->len; a++)
    {
      const RapportAnomaly *anomaly = &g_array_index (report->anomalies, RapportAnomaly, a);
      g_autoptr(GArray) before = NULL;
      g_autoptr(GArray) after = NULL;
      g_autoptr(GString) text = NULL;
      g_autofree char *day = NULL;
      g_autofree char *key = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *gained = NULL;
      g_autofree char *share = NULL;
      g_autofree char *typical = NULL;
      g_autofree char *median_before = NULL;
      g_autofree char *median_after = NULL;
      RapportSuggestion *suggestion;
      RapportEvidence *before_posts;
      RapportEvidence *after_posts;
      double jump_share;
      double interactions_change;
      double p_value = NAN;

      jump_share = anomaly->followers_before > 0 ? anomaly->change / anomaly->followers_before
                                                 : NAN;
      if (anomaly->kind != RAPPORT_ANOMALY_JUMP
          || !(jump_share >= MIN_SPIKE_SHARE)
          || anomaly->n_interactions_before < MIN_SPIKE_POSTS
          || anomaly->n_interactions_after < MIN_SPIKE_POSTS
          || !(anomaly->interactions_after <= anomaly->interactions_before))
        continue;

      day = key_day (anomaly->start);
      key = g_strdup_printf ("content.spike-without-engagement:%s", day);
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_CONTENT, key);
      suggestion->title = g_strdup (_("A follower jump without more engagement"));

      rapport_suggestion_add_date_range (suggestion, _("The jump"), anomaly->start, anomaly->end);
      before = g_array_new (FALSE, FALSE, sizeof (double));
      after = g_array_new (FALSE, FALSE, sizeof (double));
      before_posts = rapport_suggestion_add_posts (suggestion, _("Posts in the 30 days before"));
      after_posts = rapport_suggestion_add_posts (suggestion, _("Posts in the 30 days after"));
      interactions_between (report, anomaly->start - RAPPORT_ANOMALY_WINDOW_DAYS * DAY,
                            anomaly->start, before, before_posts);
      interactions_between (report, anomaly->end + DAY,
                            anomaly->end + (RAPPORT_ANOMALY_WINDOW_DAYS + 1) * DAY, after,
                            after_posts);
      rapport_stats_mann_whitney ((double *) after->data, after->len,
                                  (double *) before->data, before->len, &p_value);

      text = g_string_new (NULL);
      start = rapport_coach_day (anomaly->start);
      end = rapport_coach_day (anomaly->end);
      gained = rapport_coach_count (anomaly->change);
      share = rapport_coach_change (jump_share);
      typical = g_strdup_printf ("%+.0f", anomaly->typical_change);
      if (anomaly->n_days == 1)
        /* Translators: a date, a number of followers, a change in percent, a signed number. */
        g_string_append_printf (text, _("On %s you gained %s followers (%s), where a typical day "
                                        "brings %s."),
                                start, gained, share, typical);
      else
        /* Translators: two dates, a number of followers, a change in percent, a signed number. */
        g_string_append_printf (text, _("From %s to %s you gained %s followers (%s), where a "
                                        "typical day brings %s."),
                                start, end, gained, share, typical);
      g_string_append_c (text, ' ');
      median_before = rapport_coach_count (anomaly->interactions_before);
      median_after = rapport_coach_count (anomaly->interactions_after);
      g_string_append_printf (text, _("Yet your posts of the 30 days after drew a median of %s "
                                      "interactions (n = %u), against %s in the 30 days before "
                                      "(n = %u)."),
                              median_after, anomaly->n_interactions_after, median_before,
                              anomaly->n_interactions_before);
      if (anomaly->found_in == RAPPORT_SERIES_RECONSTRUCTED)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("The jump is counted from the follow dates of followers who "
                                   "stayed."));
        }
      suggestion->explanation = g_string_free (g_steal_pointer (&text), FALSE);
      suggestion->action = g_strdup (_("Find out what brought these followers — a shout-out, a "
                                       "giveaway, a follow-for-follow round, bought followers — "
                                       "before doing it again."));

      interactions_change = anomaly->interactions_before > 0
                          ? anomaly->interactions_after / anomaly->interactions_before - 1
                          : 0;
      rapport_suggestion_rate (suggestion, 40,
                               MIN (anomaly->n_interactions_before, anomaly->n_interactions_after),
                               jump_share - interactions_change, p_value);
      g_ptr_array_add (spikes, suggestion);
    }

  g_ptr_array_sort (spikes, compare_priorities);
  for (guint i = 0; i < MIN (spikes->len, MAX_SPIKES); i++)
    g_ptr_array_add (out, g_steal_pointer (&g_ptr_array_index (spikes, i)));
}

/* Whether some export of @platform can provide @figure, following rapport-coverage.c: where
 * no export can, there is nothing to import, and the report's coverage section says so. */
static gboolean
importable (RapportPlatform platform,
            RapportFigure   figure,
            gboolean        has_lists,
            gboolean        ids_only)
{
  gboolean has_follower_export = platform != RAPPORT_PLATFORM_MASTODON
                              && platform != RAPPORT_PLATFORM_BLUESKY
                              && platform != RAPPORT_PLATFORM_YOUTUBE;

  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
    case RAPPORT_FIGURE_RECIPROCITY:
    case RAPPORT_FIGURE_CHURN:
      return has_follower_export;
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return platform == RAPPORT_PLATFORM_INSTAGRAM || platform == RAPPORT_PLATFORM_TIKTOK
          || platform == RAPPORT_PLATFORM_THREADS;
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return platform == RAPPORT_PLATFORM_INSTAGRAM || platform == RAPPORT_PLATFORM_TWITTER
          || platform == RAPPORT_PLATFORM_TIKTOK || platform == RAPPORT_PLATFORM_MASTODON;
    case RAPPORT_FIGURE_IMPRESSIONS:
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return platform == RAPPORT_PLATFORM_INSTAGRAM || platform == RAPPORT_PLATFORM_TWITTER;
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
      if (ids_only)
        return FALSE;
      if (!has_lists)
        return has_follower_export;
      return platform == RAPPORT_PLATFORM_INSTAGRAM;
    case RAPPORT_N_FIGURES:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static const char *
coverage_title (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return _("Add real follower totals");
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return _("Add follow dates");
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return _("Add engagement counts for your posts");
    case RAPPORT_FIGURE_IMPRESSIONS:
      return _("Add impressions");
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return _("Add comment counts");
    case RAPPORT_FIGURE_RECIPROCITY:
      return _("Add your follower and following lists");
    case RAPPORT_FIGURE_CHURN:
      return _("Add a second export to see who came and went");
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return _("Add your comments and likes");
    }
}

/* What the figure makes possible, for the creator to weigh the effort. */
static const char *
coverage_use (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return _("Real totals anchor every engagement rate and show when followers came and went.");
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return _("Follow dates rebuild the follower curve and reveal follow-for-follow pairs.");
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return _("Without counts per post, the hashtag, collaboration and timing advice has "
               "nothing to compare.");
    case RAPPORT_FIGURE_IMPRESSIONS:
      return _("Impressions give an engagement rate that does not depend on the follower count.");
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return _("Comments are the interactions that show real conversation.");
    case RAPPORT_FIGURE_RECIPROCITY:
      return _("Both lists show who follows you back and which follows are follow-for-follow.");
    case RAPPORT_FIGURE_CHURN:
      return _("Two follower lists show exactly who followed and who left in between.");
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return _("Your comments and likes point to the mutuals to collaborate with.");
    }
}

static const char *
coverage_action (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_FOLLOWER_HISTORY:
      return _("Request a new export of this account every few months and import each one.");
    case RAPPORT_FIGURE_FOLLOW_DATES:
      return _("Request your next export in JSON format with the follower list included, and "
               "import it.");
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
    case RAPPORT_FIGURE_IMPRESSIONS:
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return _("Get the export or file named above for this account and import it.");
    case RAPPORT_FIGURE_RECIPROCITY:
      return _("Request an export that includes both your followers and the accounts you follow, "
               "and import it.");
    case RAPPORT_FIGURE_CHURN:
      return _("Request another export of this account in a few months and import it.");
    case RAPPORT_FIGURE_COLLABORATION_CANDIDATES:
    case RAPPORT_N_FIGURES:
    default:
      return _("Include your followers, the accounts you follow, your comments and your likes in "
               "your next export, and import it.");
    }
}

static double
coverage_weight (RapportFigure figure)
{
  static const double weights[RAPPORT_N_FIGURES] = {
    [RAPPORT_FIGURE_FOLLOWER_HISTORY] = 70,
    [RAPPORT_FIGURE_FOLLOW_DATES] = 50,
    [RAPPORT_FIGURE_POST_ENGAGEMENT] = 85,
    [RAPPORT_FIGURE_IMPRESSIONS] = 25,
    [RAPPORT_FIGURE_COMMENTS_RECEIVED] = 20,
    [RAPPORT_FIGURE_RECIPROCITY] = 60,
    [RAPPORT_FIGURE_CHURN] = 45,
    [RAPPORT_FIGURE_COLLABORATION_CANDIDATES] = 35,
  };

  return weights[figure];
}

static gboolean
lacks (const RapportDatasetPost *post,
       RapportFigure             figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return rapport_post_interactions (post) == RAPPORT_COUNT_UNKNOWN;
    case RAPPORT_FIGURE_IMPRESSIONS:
      return post->impressions == RAPPORT_COUNT_UNKNOWN;
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
      return post->comments == RAPPORT_COUNT_UNKNOWN && post->replies == RAPPORT_COUNT_UNKNOWN;
    default:
      return FALSE;
    }
}

static const char *
lacking_label (RapportFigure figure)
{
  switch (figure)
    {
    case RAPPORT_FIGURE_POST_ENGAGEMENT:
      return _("Posts without counts");
    case RAPPORT_FIGURE_IMPRESSIONS:
      return _("Posts without impressions");
    case RAPPORT_FIGURE_COMMENTS_RECEIVED:
    default:
      return _("Posts without a comment count");
    }
}

/* When data is too thin, say what to import: a suggestion for each figure the coverage unit
 * finds missing or partial that some export of the platform can provide, with its sentence.
 * The evidence is the span of the imported exports, and for figures of posts the posts that
 * lack the count.  Confidence: n is the posts looked at (for figures of posts), the followers
 * listed (for follow dates) or the exports, and the effect the share that is missing (for the
 * other figures 1 when missing, 0.5 when partial). */
void
rapport_coach_rule_coverage (const RapportReport *report,
                             GPtrArray           *out)
{
  const RapportDataset *dataset = report->dataset;
  const RapportDatasetSnapshot *followers;
  const RapportDatasetSnapshot *following;
  gboolean has_lists;
  gboolean ids_only;
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;

  followers = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWER);
  following = rapport_dataset_latest_with_list (dataset, RAPPORT_DIRECTION_FOLLOWING);
  has_lists = followers != NULL && following != NULL;
  /* As the coverage unit: exports name everyone or no one. */
  ids_only = followers != NULL && followers->followers->len > 0
          && followers->followers->items[0].handle == NULL;
  for (guint i = 0; i < dataset->snapshots->len; i++)
    {
      const RapportDatasetSnapshot *snapshot = g_ptr_array_index (dataset->snapshots, i);

      if (snapshot->exported_at <= 0)
        continue;
      first = MIN (first, snapshot->exported_at);
      last = MAX (last, snapshot->exported_at);
    }

  for (RapportFigure figure = 0; figure < RAPPORT_N_FIGURES; figure++)
    {
      const RapportCoverageItem *item = rapport_coverage_get (report->coverage, figure);
      gboolean of_posts = figure == RAPPORT_FIGURE_POST_ENGAGEMENT
                       || figure == RAPPORT_FIGURE_IMPRESSIONS
                       || figure == RAPPORT_FIGURE_COMMENTS_RECEIVED;
      g_autofree char *key = NULL;
      RapportSuggestion *suggestion;
      double effect;
      guint n;

      if (item->level == RAPPORT_COVERAGE_FULL || item->explanation == NULL
          || !importable (dataset->platform, figure, has_lists, ids_only))
        continue;

      key = g_strdup_printf ("coverage.%s", rapport_figure_to_string (figure));
      suggestion = rapport_suggestion_new (RAPPORT_SUGGESTION_DATA_COVERAGE, key);
      suggestion->title = g_strdup (coverage_title (figure));
      suggestion->explanation = g_strconcat (item->explanation, " ", coverage_use (figure), NULL);
      suggestion->action = g_strdup (coverage_action (figure));

      if (first <= last)
        rapport_suggestion_add_date_range (suggestion,
                                           g_dngettext (GETTEXT_PACKAGE, "Your imported export",
                                                        "Your imported exports",
                                                        dataset->snapshots->len),
                                           first, last);
      if (of_posts)
        {
          RapportEvidence *evidence = NULL;

          for (guint i = 0; i < report->per_post->len; i++)
            {
              const RapportDatasetPost *post = entry_at (report, i)->post;

              if (!lacks (post, figure))
                continue;
              if (evidence == NULL)
                evidence = rapport_suggestion_add_posts (suggestion, lacking_label (figure));
              rapport_evidence_add_post (evidence, post);
            }
        }
      if (suggestion->evidence->len == 0)
        {
          rapport_suggestion_free (suggestion);
          continue;
        }

      if ((of_posts || figure == RAPPORT_FIGURE_FOLLOW_DATES) && item->total > 0)
        {
          n = item->total;
          effect = (double) (item->total - item->n) / item->total;
        }
      else
        {
          n = dataset->snapshots->len;
          effect = item->level == RAPPORT_COVERAGE_MISSING ? 1.0 : 0.5;
        }
      rapport_suggestion_rate (suggestion, coverage_weight (figure), n, effect, NAN);
      g_ptr_array_add (out, suggestion);
    }
}
