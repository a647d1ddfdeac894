/* rapport-audience-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the parts of the Audience page share: rapport-audience-page.c (the class, the list of a
 * segment, search, sorting and profiles), rapport-audience-page-segments.c (which segments
 * there are) and rapport-audience-page-export.c (the CSV export).
 */

#pragma once

#include "ui/models/rapport-people-model.h"
#include "ui/rapport-audience-page.h"
#include "ui/rapport-loading-page.h"

G_BEGIN_DECLS

typedef enum
{
  SEGMENT_MUTUALS,
  SEGMENT_NOT_FOLLOWING_BACK,
  SEGMENT_KEPT,        /* the accounts followed that the creator keeps on purpose */
  SEGMENT_FANS,
  SEGMENT_NEW,
  SEGMENT_LOST,
  SEGMENT_DROPPED,
  SEGMENT_ACCOUNTS,    /* the accounts behind a coach suggestion */
} SegmentKind;

typedef struct
{
  SegmentKind          kind;
  char                *name;        /* for file names: "mutuals" */
  char                *title;
  gsize                count;
  /* Why this export cannot have the segment, NULL when it can. */
  char                *unavailable;

  const RapportPeople *people;
  RapportDirection     direction;
  const RapportPeople *other;
  GArray              *indices;     /* guint32 into people->items, NULL for all */

  RapportPeopleModel  *model;       /* made when first shown */
} Segment;

struct _RapportAudiencePage
{
  AdwBreakpointBin    parent_instance;

  RapportAnalysis    *analysis;
  GPtrArray          *segments;     /* Segment, in the order of the sidebar */
  Segment            *current;
  GCancellable       *cancellable;
  guint               selecting : 1;
  /* The user sorted or searched: the next change of the rows shows the top. */
  guint               scroll_to_top : 1;
  /* The analysis changed while the page was hidden: built when it is shown. */
  guint               needs_rebuild : 1;
  /* A segment asked for before its account's lists were in, and that account. */
  char               *pending_segment;
  gint64              pending_account;

  /* Template children */
  GtkStack           *stack;
  GtkScrolledWindow  *segment_sidebar;
  GtkListBox         *segment_list;
  GtkDropDown        *segment_dropdown;
  GtkStringList      *segment_names;
  GtkSearchEntry     *search_entry;
  GtkButton          *open_button;
  GtkButton          *export_button;
  GtkButton          *keep_button;
  /* The last change of the keep list, for its toast's Undo. */
  RapportKeptAccount  last_kept;
  gboolean            last_kept_added;
  GtkLabel           *coverage_label;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *handle_column;
  GtkColumnViewColumn *follows_column;
  GtkColumnViewColumn *you_follow_column;
  AdwStatusPage      *unavailable_page;
  AdwStatusPage      *empty_page;
  RapportLoadingPage *loading_page;
};

/* rapport-audience-page.c */
/* A toast of plain text in the window's overlay, if the page is in one. */
void _rapport_audience_page_add_toast        (RapportAudiencePage *self,
                                              const char          *message);

/* rapport-audience-page-segments.c */
Segment             *_rapport_audience_segment_new          (SegmentKind          kind,
                                                             const char          *name,
                                                             const char          *title);
void                 _rapport_audience_segment_free         (Segment             *segment);
/* The list of @direction of the newest export that has one, or NULL. */
const RapportPeople *_rapport_audience_newest_list          (const RapportDataset *dataset,
                                                             RapportDirection     direction);
/* Appends @segment (taking it) to the sidebar and the drop-down, with its count. */
void                 _rapport_audience_page_add_segment     (RapportAudiencePage *self,
                                                             Segment             *segment);
/* The reciprocity and churn segments of @report, in the order of the sidebar. */
void                 _rapport_audience_page_build_segments  (RapportAudiencePage *self,
                                                             const RapportReport *report);
/* Empties the sidebar, the drop-down and the list. */
void                 _rapport_audience_page_clear_segments  (RapportAudiencePage *self);

/* rapport-audience-page.c: builds the segments again and shows the one of the same kind. */
void _rapport_audience_page_refresh          (RapportAudiencePage *self);

/* rapport-audience-page-export.c: page.export-csv */
void _rapport_audience_page_export_class_init (GtkWidgetClass     *widget_class);

/* rapport-audience-page-keep.c: page.toggle-keep, page.undo-keep, page.import-keep-list,
 * page.export-keep-list */
void _rapport_audience_page_keep_class_init  (GtkWidgetClass     *widget_class);
void _rapport_audience_page_keep_update      (RapportAudiencePage *self);
void _rapport_audience_page_keep_clear       (RapportAudiencePage *self);

G_END_DECLS
