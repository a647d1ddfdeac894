/* rapport-audience-page-segments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The segments of the Audience page, each a row of the sidebar and an item of the drop-down:
 * mutuals, not following back and fans from the reciprocity of the newest lists; new, lost and
 * dropped after follow-back from the last change between two exports.  A segment that this
 * account's exports cannot give says why instead.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/rapport-since-export.h"
#include "core/rapport-format.h"
#include "ui/rapport-audience-page-private.h"

void
_rapport_audience_segment_free (Segment *segment)
{
  g_clear_object (&segment->model);
  g_clear_pointer (&segment->indices, g_array_unref);
  g_clear_pointer (&segment->name, g_free);
  g_clear_pointer (&segment->title, g_free);
  g_clear_pointer (&segment->unavailable, g_free);
  g_free (segment);
}

Segment *
_rapport_audience_segment_new (SegmentKind  kind,
                               const char  *name,
                               const char  *title)
{
  Segment *segment = g_new0 (Segment, 1);

  segment->kind = kind;
  segment->name = g_strdup (name);
  segment->title = g_strdup (title);

  return segment;
}

static GtkWidget *
segment_row_new (const Segment *segment)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (segment->title);
  GtkWidget *count;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), title);

  if (segment->unavailable == NULL)
    {
      g_autofree char *text = rapport_format_count ((double) segment->count);

      count = gtk_label_new (text);
    }
  else
    {
      count = gtk_label_new (RAPPORT_FORMAT_NONE);
    }
  gtk_widget_add_css_class (count, "dimmed");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), count);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static char *
segment_dropdown_text (const Segment *segment)
{
  g_autofree char *count = NULL;

  if (segment->unavailable != NULL)
    return g_strdup (segment->title);

  count = rapport_format_count ((double) segment->count);
  /* Translators: a segment and its size in the drop-down, "Mutuals (777)". */
  return g_strdup_printf (_("%s (%s)"), segment->title, count);
}

void
_rapport_audience_page_add_segment (RapportAudiencePage *self,
                                    Segment             *segment)
{
  g_autofree char *text = NULL;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (segment->indices != NULL)
    segment->count = segment->indices->len;
  else if (segment->people != NULL)
    segment->count = segment->people->len;

  text = segment_dropdown_text (segment);

  g_ptr_array_add (self->segments, segment);
  gtk_list_box_append (self->segment_list, segment_row_new (segment));
  gtk_string_list_append (self->segment_names, text);
}

static char *
coverage_sentence (const RapportReport *report,
                   RapportFigure        figure,
                   const char          *fallback)
{
  const RapportCoverageItem *item = NULL;

  if (report->coverage != NULL)
    item = rapport_coverage_get (report->coverage, figure);

  return g_strdup (item != NULL && item->explanation != NULL ? item->explanation : fallback);
}

static GArray *
copy_indices (const GArray *indices)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (guint32), indices->len);

  g_array_append_vals (copy, indices->data, indices->len);
  return copy;
}

const RapportPeople *
_rapport_audience_newest_list (const RapportDataset *dataset,
                               RapportDirection      direction)
{
  const RapportDatasetSnapshot *snapshot = rapport_dataset_latest_with_list (dataset, direction);

  if (snapshot == NULL)
    return NULL;
  return direction == RAPPORT_DIRECTION_FOLLOWER ? snapshot->followers : snapshot->following;
}

/* A LinkedIn list is of connections, each both ways: no one to follow back, no fans, no one
 * kept who does not follow back. */
static gboolean
lists_are_connections (const RapportReport *report)
{
  return report->dataset != NULL &&
         !rapport_platform_lists_count_followers (report->dataset->platform);
}

static void
build_reciprocity_segments (RapportAudiencePage *self,
                            const RapportReport *report)
{
  const RapportReciprocity *reciprocity = report->reciprocity;
  g_autofree char *why = NULL;
  gboolean connections = lists_are_connections (report);
  Segment *mutuals;
  Segment *not_back;
  Segment *fans;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  mutuals = _rapport_audience_segment_new (SEGMENT_MUTUALS, "mutuals",
                                           connections ? _("Connections") : _("Mutuals"));
  not_back = _rapport_audience_segment_new (SEGMENT_NOT_FOLLOWING_BACK, "not-following-back",
                          _("Not Following Back"));
  fans = _rapport_audience_segment_new (SEGMENT_FANS, "fans", _("Fans"));

  if (reciprocity == NULL)
    {
      why = coverage_sentence (report, RAPPORT_FIGURE_RECIPROCITY,
                               _("These need the follower and the following list of one export."));
      mutuals->unavailable = g_strdup (why);
      not_back->unavailable = g_strdup (why);
      fans->unavailable = g_strdup (why);
    }
  else
    {
      mutuals->people = reciprocity->followers;
      mutuals->direction = RAPPORT_DIRECTION_FOLLOWER;
      mutuals->other = reciprocity->following;
      mutuals->indices = g_array_sized_new (FALSE, FALSE, sizeof (guint32),
                                            reciprocity->mutuals->len);
      for (guint i = 0; i < reciprocity->mutuals->len; i++)
        g_array_append_val (mutuals->indices,
                            g_array_index (reciprocity->mutuals, RapportMutual, i).follower);

      not_back->people = reciprocity->following;
      not_back->direction = RAPPORT_DIRECTION_FOLLOWING;
      not_back->other = reciprocity->followers;
      /* The review: the accounts kept on purpose are in a segment of their own. */
      not_back->indices = copy_indices (reciprocity->not_following_back_unkept);


      fans->people = reciprocity->followers;
      fans->direction = RAPPORT_DIRECTION_FOLLOWER;
      fans->other = reciprocity->following;
      fans->indices = copy_indices (reciprocity->fans);
    }

  _rapport_audience_page_add_segment (self, mutuals);
  if (connections)
    {
      _rapport_audience_segment_free (not_back);
      _rapport_audience_segment_free (fans);
      return;
    }
  _rapport_audience_page_add_segment (self, not_back);
  _rapport_audience_page_add_segment (self, fans);
}

static gboolean
snapshot_is_live (const RapportDatasetSnapshot *snapshot)
{
  return snapshot != NULL && snapshot->date_source == RAPPORT_DATE_SOURCE_LIVE;
}

/* The accounts the creator followed at the newer side of @step, to tell which of those who
 * left they still follow: the following list the step looked in where the dataset holds it,
 * else, for a step read as what differs, those of the lost found in that list.  NULL when
 * neither side had a following list, or when neither is at hand: unknown, not "no". */
static const RapportPeople *
step_following (const RapportChurnStep *step)
{
  const RapportFollowerDiff *diff = step->newer != NULL ? step->newer->follower_diff : NULL;

  if (step->following_snapshot == NULL)
    return NULL;
  if (step->following_snapshot->following != NULL)
    return step->following_snapshot->following;
  if (diff != NULL && diff->following_id == step->following_snapshot->id)
    return diff->still_followed;
  return NULL;
}

static void
build_churn_segments (RapportAudiencePage *self,
                      const RapportReport *report)
{
  const RapportChurnStep *step = NULL;
  const RapportDatasetSnapshot *older = NULL;
  const RapportDatasetSnapshot *newer = NULL;
  const RapportPeople *following = NULL;
  Segment *gained;
  Segment *lost;
  Segment *dropped;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  if (report->churn != NULL)
    step = rapport_churn_latest (report->churn);

  /* A refresh from the web is no export: name the lists' sources as they are. */
  if (step != NULL)
    {
      older = step->older;
      newer = step->newer;
    }
  else if (report->dataset != NULL)
    {
      newer = rapport_dataset_latest_with_list (report->dataset, RAPPORT_DIRECTION_FOLLOWER);
    }

  if (snapshot_is_live (newer) && (older == NULL || snapshot_is_live (older)))
    {
      gained = _rapport_audience_segment_new (SEGMENT_NEW, "new", _("New Since Previous Refresh"));
      lost = _rapport_audience_segment_new (SEGMENT_LOST, "lost", _("Lost Since Previous Refresh"));
    }
  else if (snapshot_is_live (older) || snapshot_is_live (newer))
    {
      gained = _rapport_audience_segment_new (SEGMENT_NEW, "new", _("New Since Previous Update"));
      lost = _rapport_audience_segment_new (SEGMENT_LOST, "lost", _("Lost Since Previous Update"));
    }
  else
    {
      gained = _rapport_audience_segment_new (SEGMENT_NEW, "new", _("New Since Previous Export"));
      lost = _rapport_audience_segment_new (SEGMENT_LOST, "lost", _("Lost Since Previous Export"));
    }
  dropped = _rapport_audience_segment_new (SEGMENT_DROPPED, "dropped-after-follow-back",
                         _("Dropped After Follow-Back"));

  if (step == NULL)
    {
      g_autofree char *why = coverage_sentence (report, RAPPORT_FIGURE_CHURN,
                                                _("These need two exports of this account with "
                                                  "their follower lists."));

      gained->unavailable = g_strdup (why);
      lost->unavailable = g_strdup (why);
      dropped->unavailable = g_strdup (why);
    }
  else
    {
      following = report->reciprocity != NULL
        ? report->reciprocity->following
        : _rapport_audience_newest_list (report->dataset, RAPPORT_DIRECTION_FOLLOWING);

      gained->people = step->newer_people;
      gained->direction = RAPPORT_DIRECTION_FOLLOWER;
      gained->other = following;
      gained->indices = copy_indices (step->gained);

      /* Lost followers are in the older list; whether the creator follows them is a matter
       * of the list the churn step looked in, even when a later export's is the newest. */
      lost->people = step->older_people;
      lost->direction = RAPPORT_DIRECTION_FOLLOWER;
      lost->other = step_following (step);
      lost->indices = copy_indices (step->lost);

      if (step->following_snapshot == NULL)
        {
          dropped->unavailable = rapport_since_export_explain_dropped (step, FALSE);
        }
      else
        {
          dropped->people = step->older_people;
          dropped->direction = RAPPORT_DIRECTION_FOLLOWER;
          dropped->other = step_following (step);
          dropped->indices = copy_indices (step->dropped_after_follow_back);
        }
    }

  _rapport_audience_page_add_segment (self, gained);
  _rapport_audience_page_add_segment (self, lost);
  if (lists_are_connections (report))
    _rapport_audience_segment_free (dropped);
  else
    _rapport_audience_page_add_segment (self, dropped);
}

/* The accounts followed that the creator keeps on purpose, which "Not Following Back" leaves
 * out; last, so that the segments of the lists keep their places. */
static void
build_kept_segment (RapportAudiencePage *self,
                    const RapportReport *report)
{
  const RapportPeople *following = report->reciprocity != NULL
    ? report->reciprocity->following
    : _rapport_audience_newest_list (report->dataset, RAPPORT_DIRECTION_FOLLOWING);
  Segment *kept = _rapport_audience_segment_new (SEGMENT_KEPT, "kept", _("Kept"));

  if (following == NULL)
    {
      kept->unavailable = coverage_sentence (report, RAPPORT_FIGURE_RECIPROCITY,
                                             _("Accounts are kept from the list of accounts you "
                                               "follow, which these exports do not have."));
    }
  else
    {
      kept->people = following;
      kept->direction = RAPPORT_DIRECTION_FOLLOWING;
      kept->other = report->reciprocity != NULL
        ? report->reciprocity->followers
        : _rapport_audience_newest_list (report->dataset, RAPPORT_DIRECTION_FOLLOWER);
      kept->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint32 i = 0; report->dataset->kept->len > 0 && i < following->len; i++)
        if (rapport_keep_set_contains (report->dataset->kept, &following->items[i]))
          g_array_append_val (kept->indices, i);
    }
  _rapport_audience_page_add_segment (self, kept);
}

void
_rapport_audience_page_clear_segments (RapportAudiencePage *self)
{
  GtkWidget *child;

  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  self->current = NULL;
  gtk_single_selection_set_model (self->selection, NULL);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->segment_list))) != NULL)
    gtk_list_box_remove (self->segment_list, child);
  gtk_string_list_splice (self->segment_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->segment_names)), NULL);
  self->selecting = FALSE;

  g_ptr_array_set_size (self->segments, 0);
}

void
_rapport_audience_page_build_segments (RapportAudiencePage *self,
                                       const RapportReport *report)
{
  g_assert (RAPPORT_IS_AUDIENCE_PAGE (self));

  build_reciprocity_segments (self, report);
  build_churn_segments (self, report);
  if (!lists_are_connections (report))
    build_kept_segment (self, report);
}
