/* test-audience-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Audience page under a headless display: the segments of a hand-built account with two
 * exports, what their rows show, the lists loading after the first look, search, the CSV
 * export, the accounts of a coach suggestion, segments an export cannot have, all accounts,
 * the sample data's counts against the report, and screenshots.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "rapport-application.h"
#include "core/rapport-format.h"
#include "store/rapport-store.h"
#include "ui/models/rapport-people-model.h"
#include "ui/rapport-audience-page.h"
#include "ui/rapport-screenshot.h"
#include "ui/rapport-window.h"
#include "rapport-test-util.h"
#include "rapport-test-ui.h"

/* 1 Jan 2024, 00:00 UTC. */
#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)

typedef struct
{
  const char *handle;
  int day;          /* follow date, days after T0; -1 for none */
} Person;

static void
import_lists (RapportStore      *store,
              RapportPlatform    platform,
              RapportDateSource  date_source,
              const char        *name,
              const char        *handle,
              gint64             exported_at,
              const Person      *followers,
              const Person      *following)
{
  g_autoptr(GError) error = NULL;
  RapportAccountInfo account = { platform, handle, NULL, NULL };
  RapportStoreImport *import;
  RapportImportSink *sink;

  import = rapport_store_begin_import (store, name, name, name, NULL, &error);
  g_assert_no_error (error);
  sink = rapport_store_import_get_sink (import);
  g_assert_true (rapport_import_sink_set_account (sink, &account, &error));
  rapport_import_sink_set_export_date (sink, exported_at, date_source);

  for (guint d = 0; d < 2; d++)
    {
      RapportDirection direction = d == 0 ? RAPPORT_DIRECTION_FOLLOWER
                                          : RAPPORT_DIRECTION_FOLLOWING;
      const Person *people = d == 0 ? followers : following;

      /* An export without that list at all. */
      if (people == NULL)
        continue;
      g_assert_true (rapport_import_sink_begin_list (sink, direction, &error));
      for (guint i = 0; people[i].handle != NULL; i++)
        {
          RapportRelation relation = { direction, people[i].handle, NULL,
                                       people[i].day < 0 ? 0 : T0 + people[i].day * DAY };

          g_assert_true (rapport_import_sink_add_relation (sink, &relation, &error));
        }
    }

  g_assert_true (rapport_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
}

static void
import_export (RapportStore  *store,
               const char    *name,
               const char    *handle,
               gint64         exported_at,
               const Person  *followers,
               const Person  *following)
{
  import_lists (store, RAPPORT_PLATFORM_INSTAGRAM, RAPPORT_DATE_SOURCE_MANIFEST, name, handle,
                exported_at, followers, following);
}

/* @jo.makes: two exports.  Newest lists: followers anna, ben, eva, finn, gina, ida;
 * following ben, dario, finn, hugo, jonas.  So mutuals ben, finn; not following back dario,
 * hugo, jonas; fans anna, eva, gina, ida.  Since the first export (followers anna, ben, carla,
 * dario, eva): new finn, gina, ida; lost carla, dario; dropped after follow-back dario.
 * @solo.jo: one export without follow dates. */
static RapportStore *
make_store (char **data_dir)
{
  static const Person followers_1[] = {
    { "anna", 1 }, { "ben", 2 }, { "carla", 3 }, { "dario", 4 }, { "eva", 5 }, { NULL, 0 }
  };
  static const Person following_1[] = {
    { "ben", 12 }, { "dario", 14 }, { "hugo", 20 }, { NULL, 0 }
  };
  static const Person followers_2[] = {
    { "anna", 1 }, { "ben", 2 }, { "eva", 5 }, { "finn", 6 }, { "gina", 7 }, { "ida", 8 },
    { NULL, 0 }
  };
  static const Person following_2[] = {
    { "ben", 12 }, { "dario", 14 }, { "finn", 16 }, { "hugo", 20 }, { "jonas", 30 },
    { NULL, 0 }
  };
  static const Person undated_followers[] = { { "kim", -1 }, { "lea", -1 }, { NULL, 0 } };
  static const Person undated_following[] = { { "kim", -1 }, { NULL, 0 } };
  g_autoptr(GError) error = NULL;
  RapportStore *store;

  *data_dir = rapport_test_make_temp_dir ();
  store = rapport_store_open (*data_dir, &error);
  g_assert_no_error (error);

  import_export (store, "jo-1.zip", "jo.makes", T0 + 60 * DAY, followers_1, following_1);
  import_export (store, "jo-2.zip", "jo.makes", T0 + 120 * DAY, followers_2, following_2);
  import_export (store, "solo.zip", "solo.jo", T0 + 120 * DAY, undated_followers,
                 undated_following);

  return store;
}

static gpointer
page_child (RapportAudiencePage *page,
            const char          *name)
{
  return rapport_test_ui_template_child (page, RAPPORT_TYPE_AUDIENCE_PAGE, name);
}

/* Drops @object and waits until it is finalized: an export's worker thread may hold the
 * segment's model, and with it the analysis, a moment after the export's callback ran. */
static void
release_and_wait (gpointer object)
{
  gpointer weak = object;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (g_atomic_pointer_get (&weak) != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_null (g_atomic_pointer_get (&weak));
}

static GListModel *
rows (RapportAudiencePage *page)
{
  return G_LIST_MODEL (page_child (page, "selection"));
}

/* The accounts of the rows shown, by 'who', joined by spaces. */
static char *
row_whos (RapportAudiencePage *page)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *model = rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportPersonItem) item = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, rapport_person_item_get_who (item));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The title and count labels of the sidebar's row @index. */
static char *
segment_row_text (RapportAudiencePage *page,
                  int                  index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (page_child (page, "segment_list"), index);
  GtkWidget *box;

  g_assert_nonnull (row);
  box = gtk_list_box_row_get_child (row);
  return g_strdup_printf ("%s %s",
                          gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box))),
                          gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box))));
}

static void
select_segment (RapportAudiencePage *page,
                guint                index)
{
  gtk_drop_down_set_selected (page_child (page, "segment_dropdown"), index);
}

static void
test_segments (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportAudiencePage *page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                            "analysis", analysis,
                                            NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  const char *expected[][2] = {
    { "Mutuals 2", "ben finn" },
    { "Not Following Back 3", "dario hugo jonas" },
    { "Fans 4", "anna eva gina ida" },
    { "New Since Previous Export 3", "finn gina ida" },
    { "Lost Since Previous Export 2", "carla dario" },
    { "Dropped After Follow-Back 1", "dario" },
    { "Kept 0", "" },
  };
  GtkStringList *names = page_child (page, "segment_names");
  g_autofree char *labels = NULL;

  g_assert_true (rapport_audience_page_get_analysis (page) == analysis);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "audience");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (names)), ==, 7);
  g_assert_cmpstr (gtk_string_list_get_string (names, 2), ==, "Fans (4)");

  /* Wide: the sidebar, not the drop-down. */
  g_assert_true (gtk_widget_get_mapped (page_child (page, "segment_list")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "segment_dropdown")));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *row_text = segment_row_text (page, i);
      g_autofree char *whos = NULL;

      select_segment (page, i);
      g_assert_cmpint (gtk_list_box_row_get_index (
                         gtk_list_box_get_selected_row (page_child (page, "segment_list"))), ==, i);
      g_assert_cmpstr (row_text, ==, expected[i][0]);
      whos = row_whos (page);
      g_assert_cmpstr (whos, ==, expected[i][1]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "content_stack")), ==,
                       *expected[i][1] != '\0' ? "list" : "empty");
    }

  /* What the rows of the mutuals show: handle, when they followed, when the creator did. */
  select_segment (page, 0);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "Account|Follows You Since|You Follow Since|"));
  g_assert_nonnull (strstr (labels, "|ben|3 Jan 2024|13 Jan 2024|finn|7 Jan 2024|17 Jan 2024|"));
  g_clear_pointer (&labels, g_free);

  /* Fans do not follow back: no date of the creator's. */
  select_segment (page, 2);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "|anna|2 Jan 2024|—|eva|6 Jan 2024|—|"));
  g_clear_pointer (&labels, g_free);

  /* Sorting by a header: by when the creator followed, newest first. */
  select_segment (page, 1);
  gtk_column_view_sort_by_column (page_child (page, "column_view"),
                                  page_child (page, "you_follow_column"), GTK_SORT_DESCENDING);
  {
    g_autofree char *whos = row_whos (page);

    g_assert_cmpstr (whos, ==, "jonas hugo dario");
  }
  gtk_column_view_sort_by_column (page_child (page, "column_view"),
                                  page_child (page, "handle_column"), GTK_SORT_ASCENDING);

  /* A profile opens from the selected row. */
  g_assert_false (gtk_widget_get_sensitive (page_child (page, "open_button")));
  gtk_single_selection_set_selected (page_child (page, "selection"), 0);
  g_assert_true (gtk_widget_get_sensitive (page_child (page, "open_button")));
  {
    RapportPersonItem *item;

    item = gtk_single_selection_get_selected_item (page_child (page, "selection"));

    g_assert_cmpstr (rapport_person_item_get_profile_url (item), ==,
                     "https://www.instagram.com/dario");
  }

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* Keeping hugo (in the store) and then dario (on the page): "Not Following Back" leaves them
 * for "Kept", the toast's Undo puts dario back, and the keep list outlives the analysis. */
/* The "You Follow Since" of the rows of @page's segment, by 'who': "dario 15 Jan 2024". */
static char *
row_you_follow (RapportAudiencePage *page)
{
  GListModel *model = rows (page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportPersonItem) item = g_list_model_get_item (model, i);
      gint64 since = rapport_person_item_get_you_follow_since (item);
      g_autofree char *day = since > 0 ? rapport_format_day (since) : g_strdup ("-");

      g_string_append_printf (out, "%s%s %s", i > 0 ? ", " : "",
                              rapport_person_item_get_who (item), day);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @jo.three: four exports.  three-1.zip lists followers (anna, ben, carla, dario, eva) and
 * the accounts followed (ben, dario since 15 Jan, hugo); three-2.zip followers only (anna,
 * ben, eva, finn, gina, ida); three-3.zip only the accounts followed (ben, finn, jonas), the
 * newest such list; three-4.zip no list at all.  The last step of the followers, into
 * three-2.zip, lost carla and dario, and looked in three-1.zip's following list, the one its
 * two sides have: the creator followed dario, not carla.  Without any following list the
 * column says it does not know. */
static void
test_lost_follow_column (void)
{
  static const Person followers_1[] = {
    { "anna", 1 }, { "ben", 2 }, { "carla", 3 }, { "dario", 4 }, { "eva", 5 }, { NULL, 0 }
  };
  static const Person following_1[] = {
    { "ben", 12 }, { "dario", 14 }, { "hugo", 20 }, { NULL, 0 }
  };
  static const Person followers_2[] = {
    { "anna", 1 }, { "ben", 2 }, { "eva", 5 }, { "finn", 6 }, { "gina", 7 }, { "ida", 8 },
    { NULL, 0 }
  };
  static const Person following_3[] = { { "ben", 12 }, { "finn", 16 }, { "jonas", 30 },
                                        { NULL, 0 } };
  static const Person followers_a[] = { { "anna", 1 }, { "ben", 2 }, { NULL, 0 } };
  static const Person followers_b[] = { { "anna", 1 }, { "cara", 3 }, { NULL, 0 } };
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(RapportAnalysis) bare = NULL;
  RapportAudiencePage *page;
  GtkWindow *window;
  g_autofree char *lost = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *unknown = NULL;

  import_export (store, "three-1.zip", "jo.three", T0 + 60 * DAY, followers_1, following_1);
  import_export (store, "three-2.zip", "jo.three", T0 + 120 * DAY, followers_2, NULL);
  import_export (store, "three-3.zip", "jo.three", T0 + 150 * DAY, NULL, following_3);
  import_export (store, "three-4.zip", "jo.three", T0 + 160 * DAY, NULL, NULL);
  /* As the window loads it: the summary, then the lists. */
  analysis = rapport_test_ui_load_first_look (store, "jo.three");
  rapport_test_ui_complete_analysis (analysis);
  page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE, "analysis", analysis, NULL);
  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);

  g_assert_true (rapport_audience_page_show_segment (page, "lost"));
  lost = row_you_follow (page);
  g_assert_cmpstr (lost, ==, "carla -, dario 15 Jan 2024");
  g_assert_cmpstr (gtk_column_view_column_get_title (page_child (page, "you_follow_column")),
                   ==, "You Follow Since");
  g_assert_true (rapport_audience_page_show_segment (page, "dropped-after-follow-back"));
  dropped = row_you_follow (page);
  g_assert_cmpstr (dropped, ==, "dario 15 Jan 2024");

  /* Two exports of followers only: whether the creator follows those who left is unknown. */
  import_lists (store, RAPPORT_PLATFORM_TIKTOK, RAPPORT_DATE_SOURCE_MANIFEST, "b-1.zip", "bare",
                T0 + 10 * DAY, followers_a, NULL);
  import_lists (store, RAPPORT_PLATFORM_TIKTOK, RAPPORT_DATE_SOURCE_MANIFEST, "b-2.zip", "bare",
                T0 + 20 * DAY, followers_b, NULL);
  bare = rapport_test_ui_load_analysis (store, "bare");
  rapport_audience_page_set_analysis (page, bare);
  rapport_test_ui_iterate_pending ();
  g_assert_true (rapport_audience_page_show_segment (page, "lost"));
  unknown = row_you_follow (page);
  g_assert_cmpstr (unknown, ==, "ben -");
  g_assert_cmpstr (gtk_column_view_column_get_title (page_child (page, "you_follow_column")),
                   ==, "You Follow Since (Unknown)");

  rapport_test_ui_destroy_window (window);
  release_and_wait (g_steal_pointer (&analysis));
  release_and_wait (g_steal_pointer (&bare));
  rapport_test_remove_tree (data_dir);
}

/* A LinkedIn account's lists are of connections, each both ways: one list of them, who came
 * and went, when each connection began; no one to follow back, no fans, nothing to keep. */
static void
test_connections (void)
{
  static const Person connections_1[] = {
    { "ana", 1 }, { "ben", 2 }, { "chen", 3 }, { NULL, 0 }
  };
  static const Person connections_2[] = {
    { "ana", 1 }, { "chen", 3 }, { "dana", 9 }, { NULL, 0 }
  };
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, &error);
  g_autoptr(RapportAnalysis) analysis = NULL;
  RapportAudiencePage *page;
  GtkWindow *window;
  const char *expected[][2] = {
    { "Connections 3", "ana chen dana" },
    { "New Since Previous Export 1", "dana" },
    { "Lost Since Previous Export 1", "ben" },
  };
  g_autofree char *labels = NULL;

  g_assert_no_error (error);
  import_lists (store, RAPPORT_PLATFORM_LINKEDIN, RAPPORT_DATE_SOURCE_MANIFEST, "li-1.zip",
                "jo-doe", T0 + 60 * DAY, connections_1, connections_1);
  import_lists (store, RAPPORT_PLATFORM_LINKEDIN, RAPPORT_DATE_SOURCE_MANIFEST, "li-2.zip",
                "jo-doe", T0 + 120 * DAY, connections_2, connections_2);
  analysis = rapport_test_ui_load_analysis (store, "jo-doe");
  page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE, "analysis", analysis, NULL);
  window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_child (page, "segment_names"))),
                    ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *row_text = segment_row_text (page, i);
      g_autofree char *whos = NULL;

      select_segment (page, i);
      g_assert_cmpstr (row_text, ==, expected[i][0]);
      whos = row_whos (page);
      g_assert_cmpstr (whos, ==, expected[i][1]);
    }

  select_segment (page, 0);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "Account|Connected Since|ana|2 Jan 2024|chen|4 Jan 2024|"));
  g_assert_false (gtk_column_view_column_get_visible (page_child (page, "you_follow_column")));
  gtk_single_selection_set_selected (page_child (page, "selection"), 0);
  g_assert_false (gtk_widget_get_sensitive (page_child (page, "keep_button")));

  gtk_window_destroy (window);
  rapport_test_remove_tree (data_dir);
}

static void
test_keep (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) accounts = rapport_store_list_accounts (store, NULL);
  RapportKeptAccount hugo = { NULL, (char *) "Hugo", 0 };
  RapportAudiencePage *page;
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWindow *window;
  g_autofree char *text = NULL;
  gint64 jo = ((RapportAccount *) g_ptr_array_index (accounts, 0))->id;

  g_assert_cmpstr (((RapportAccount *) g_ptr_array_index (accounts, 0))->handle, ==, "jo.makes");
  g_assert_true (rapport_store_set_kept (store, jo, &hugo, 1, TRUE, NULL, NULL));
  analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE, "analysis", analysis, NULL);
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (page));
  window = rapport_test_ui_show_in_window (GTK_WIDGET (overlay), 1000, 600);

  text = segment_row_text (page, 1);
  g_assert_cmpstr (text, ==, "Not Following Back 2");
  g_clear_pointer (&text, g_free);
  text = segment_row_text (page, 6);
  g_assert_cmpstr (text, ==, "Kept 1");
  g_clear_pointer (&text, g_free);

  /* dario is the first row of those not following back. */
  select_segment (page, 1);
  text = row_whos (page);
  g_assert_cmpstr (text, ==, "dario jonas");
  g_clear_pointer (&text, g_free);
  gtk_single_selection_set_selected (page_child (page, "selection"), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.toggle-keep", NULL));
  /* The same segment, without dario. */
  text = row_whos (page);
  g_assert_cmpstr (text, ==, "jonas");
  g_clear_pointer (&text, g_free);
  text = segment_row_text (page, 6);
  g_assert_cmpstr (text, ==, "Kept 2");
  g_clear_pointer (&text, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.undo-keep", NULL));
  text = row_whos (page);
  g_assert_cmpstr (text, ==, "dario jonas");
  g_clear_pointer (&text, g_free);

  /* In "Kept" the button lets go. */
  select_segment (page, 6);
  text = row_whos (page);
  g_assert_cmpstr (text, ==, "hugo");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (gtk_button_get_icon_name (page_child (page, "keep_button")), ==,
                   "non-starred-symbolic");
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (window, "audience-kept");

  gtk_single_selection_set_selected (page_child (page, "selection"), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.toggle-keep", NULL));
  text = segment_row_text (page, 6);
  g_assert_cmpstr (text, ==, "Kept 0");
  g_clear_pointer (&text, g_free);
  text = segment_row_text (page, 1);
  g_assert_cmpstr (text, ==, "Not Following Back 3");
  g_clear_pointer (&text, g_free);

  rapport_test_ui_destroy_window (window);
  g_clear_object (&analysis);
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* The first look of an analysis has no lists yet: the page says they are loading, and shows
 * them once the rest is there; a page that is not shown builds them when it is. */
static void
test_loading (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  RapportAnalysis *analysis = rapport_test_ui_load_first_look (store, "jo.makes");
  RapportAudiencePage *page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                            "analysis", analysis,
                                            NULL);
  RapportAudiencePage *hidden = g_object_ref_sink (g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                                                 "analysis", analysis,
                                                                 NULL));
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  GtkStringList *names = page_child (page, "segment_names");
  g_autofree char *labels = NULL;
  g_autofree char *whos = NULL;
  GtkWidget *loading;
  GtkWindow *later;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "loading");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (names)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (page_child (page, "export_button")));
  labels = rapport_test_ui_visible_labels (GTK_WIDGET (page));
  g_assert_cmpstr (labels, ==, "Loading Followers|Reading who follows you and whom you follow|");
  /* The spinner turns, in the status page of the loading page. */
  loading = page_child (page, "loading_page");
  g_assert_true (ADW_IS_SPINNER_PAINTABLE (adw_status_page_get_paintable (
                   ADW_STATUS_PAGE (gtk_widget_get_first_child (loading)))));
  rapport_test_ui_render_screenshot (window, "audience-loading");

  rapport_test_ui_complete_analysis (analysis);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "audience");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (names)), ==, 7);
  whos = row_whos (page);
  g_assert_cmpstr (whos, ==, "ben finn");

  /* Not shown, not built; shown, built before its first frame. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_child (hidden, "segment_names"))),
                    ==, 0);
  later = rapport_test_ui_show_in_window (GTK_WIDGET (hidden), 1000, 600);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (hidden, "stack")), ==, "audience");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_child (hidden, "segment_names"))),
                    ==, 7);

  rapport_test_ui_destroy_window (later);
  g_object_unref (hidden);

  /* Out of its window, the page is not shown: it lets go of the lists it showed at once,
   * and with them of their analysis. */
  g_object_ref (page);
  gtk_window_set_child (window, NULL);
  rapport_test_ui_destroy_window (window);
  rapport_audience_page_set_analysis (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (names)), ==, 0);
  release_and_wait (analysis);

  g_object_unref (page);
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
wait_for_rows (RapportAudiencePage *page,
               guint                n_rows)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* The search entry waits for a pause in typing before it searches. */
  while (g_list_model_get_n_items (rows (page)) != n_rows && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, n_rows);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  if (rapport_audience_page_export_finish (RAPPORT_AUDIENCE_PAGE (object), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "written");
}

static void
test_search_and_export (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportAudiencePage *page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                            "analysis", analysis,
                                            NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  g_autofree char *csv_path = g_build_filename (data_dir, "fans.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autofree char *contents = NULL;
  g_autofree char *whos = NULL;
  GError *error = NULL;

  /* Fans whose name has an "n". */
  select_segment (page, 2);
  gtk_editable_set_text (page_child (page, "search_entry"), "N");
  wait_for_rows (page, 2);
  whos = row_whos (page);
  g_assert_cmpstr (whos, ==, "anna gina");
  g_assert_true (gtk_widget_get_sensitive (page_child (page, "export_button")));

  rapport_audience_page_export_async (page, csv_file, NULL, export_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "handle,who,follows_since,you_follow_since\r\n"
                   "anna,anna,2024-01-02T00:00:00Z,\r\n"
                   "gina,gina,2024-01-08T00:00:00Z,\r\n");
  g_clear_pointer (&contents, g_free);

  /* The search stays with the next segment. */
  select_segment (page, 3);
  g_clear_pointer (&whos, g_free);
  whos = row_whos (page);
  g_assert_cmpstr (whos, ==, "finn gina");

  /* Nothing matches: said so. */
  gtk_editable_set_text (page_child (page, "search_entry"), "zz");
  wait_for_rows (page, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "content_stack")), ==,
                   "empty");
  g_assert_cmpstr (adw_status_page_get_title (page_child (page, "empty_page")), ==,
                   "No Matching Accounts");
  g_assert_false (gtk_widget_get_sensitive (page_child (page, "export_button")));

  gtk_editable_set_text (page_child (page, "search_entry"), "");
  wait_for_rows (page, 3);

  /* Dropped after a follow-back: written with the date the creator followed them. */
  select_segment (page, 5);
  rapport_audience_page_export_async (page, csv_file, NULL, export_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "handle,who,follows_since,you_follow_since\r\n"
                   "dario,dario,2024-01-05T00:00:00Z,2024-01-15T00:00:00Z\r\n");

  rapport_test_ui_destroy_window (window);
  release_and_wait (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
test_show_accounts (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportAudiencePage *page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                            "analysis", analysis,
                                            NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  const char *pairs[] = { "finn", "ben", "zoe", NULL };
  const char *dropped[] = { "dario", NULL };
  g_autofree char *text = NULL;
  g_autofree char *labels = NULL;

  gtk_editable_set_text (page_child (page, "search_entry"), "fi");
  wait_for_rows (page, 1);

  /* The coach's evidence: a segment of its own, shown at once, unsearched. */
  rapport_audience_page_show_accounts (page, "Follow-for-follow pairs", pairs);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "search_entry")), ==, "");
  text = segment_row_text (page, 7);
  g_assert_cmpstr (text, ==, "Follow-for-follow pairs 3");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (gtk_drop_down_get_selected (page_child (page, "segment_dropdown")), ==, 7);
  text = row_whos (page);
  g_assert_cmpstr (text, ==, "ben finn zoe");
  g_clear_pointer (&text, g_free);
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  labels = rapport_test_ui_visible_labels (page_child (page, "column_view"));
  g_assert_nonnull (strstr (labels, "|ben|3 Jan 2024|13 Jan 2024|finn|7 Jan 2024|17 Jan 2024|"
                                    "zoe|—|—|"));

  /* The next one replaces it; a follower who left keeps the date of the older list. */
  rapport_audience_page_show_accounts (page, "Left while you still follow them", dropped);
  g_assert_null (gtk_list_box_get_row_at_index (page_child (page, "segment_list"), 8));
  text = segment_row_text (page, 7);
  g_assert_cmpstr (text, ==, "Left while you still follow them 1");
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(RapportPersonItem) item = g_list_model_get_item (rows (page), 0);

    g_assert_cmpstr (rapport_person_item_get_who (item), ==, "dario");
    g_assert_cmpint (rapport_person_item_get_follows_since (item), ==, T0 + 4 * DAY);
    g_assert_cmpint (rapport_person_item_get_you_follow_since (item), ==, T0 + 14 * DAY);
  }

  /* Back to a segment of the export. */
  gtk_list_box_select_row (page_child (page, "segment_list"),
                           gtk_list_box_get_row_at_index (page_child (page, "segment_list"), 0));
  text = row_whos (page);
  g_assert_cmpstr (text, ==, "ben finn");

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
test_unavailable (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "solo.jo");
  g_autoptr(RapportAnalysis) all = rapport_test_ui_load_analysis (store, NULL);
  const RapportReport *report = rapport_analysis_get_report (analysis);
  RapportAudiencePage *page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                            "analysis", analysis,
                                            NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);
  const RapportCoverageItem *churn = rapport_coverage_get (report->coverage, RAPPORT_FIGURE_CHURN);
  const RapportCoverageItem *dates = rapport_coverage_get (report->coverage,
                                                           RAPPORT_FIGURE_FOLLOW_DATES);
  g_autofree char *text = NULL;

  /* One export: reciprocity yes, no dates, no change since a previous export. */
  text = segment_row_text (page, 0);
  g_assert_cmpstr (text, ==, "Mutuals 1");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (dates->level, ==, RAPPORT_COVERAGE_MISSING);
  g_assert_true (gtk_widget_get_visible (page_child (page, "coverage_label")));
  g_assert_cmpstr (gtk_label_get_label (page_child (page, "coverage_label")), ==,
                   dates->explanation);

  g_assert_cmpint (churn->level, ==, RAPPORT_COVERAGE_MISSING);
  for (guint i = 3; i < 6; i++)
    {
      text = segment_row_text (page, i);
      g_assert_true (g_str_has_suffix (text, " —"));
      g_clear_pointer (&text, g_free);

      select_segment (page, i);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "content_stack")), ==,
                       "unavailable");
      g_assert_cmpstr (adw_status_page_get_description (page_child (page, "unavailable_page")), ==,
                       churn->explanation);
      g_assert_false (gtk_widget_get_sensitive (page_child (page, "export_button")));
    }

  /* For people to look at: why a segment is empty. */
  rapport_test_ui_wait_frames (GTK_WIDGET (window), 3);
  rapport_test_ui_render_screenshot (window, "audience-unavailable");

  /* All accounts: one account, please. */
  rapport_audience_page_set_analysis (page, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "all");
  rapport_audience_page_show_accounts (page, "Nobody", (const char * const[]) { "kim", NULL });
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "all");

  rapport_audience_page_set_analysis (page, analysis);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (page, "stack")), ==, "audience");

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_assert_finalize_object (g_steal_pointer (&all));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* Lists from refreshes from the web: the churn segments name refreshes, or an update where
 * one side is an export, and no sentence speaks of what Bluesky's exports lack. */
static void
test_live (void)
{
  static const Person followers_1[] = { { "anna", -1 }, { "ben", -1 }, { NULL, 0 } };
  static const Person followers_2[] = { { "ben", -1 }, { "carla", -1 }, { "dario", -1 },
                                        { NULL, 0 } };
  static const Person followers_3[] = { { "dario", -1 }, { NULL, 0 } };
  static const Person following[] = { { "ben", -1 }, { NULL, 0 } };
  const char *steps[][3] = {
    { "Mutuals 1", "New Since Previous Refresh —", "Lost Since Previous Refresh —" },
    { "Mutuals 1", "New Since Previous Refresh 2", "Lost Since Previous Refresh 1" },
    { "Mutuals 0", "New Since Previous Update 0", "Lost Since Previous Update 2" },
  };
  g_autofree char *data_dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (data_dir, &error);

  g_assert_no_error (error);
  for (guint n = 0; n < G_N_ELEMENTS (steps); n++)
    {
      g_autoptr(RapportAnalysis) analysis = NULL;
      RapportAudiencePage *page;
      GtkWindow *window;
      const char *description;
      const char *notice;

      if (n == 0)
        import_lists (store, RAPPORT_PLATFORM_BLUESKY, RAPPORT_DATE_SOURCE_LIVE, "refresh-1",
                      "jo.bsky.social", T0, followers_1, following);
      else if (n == 1)
        import_lists (store, RAPPORT_PLATFORM_BLUESKY, RAPPORT_DATE_SOURCE_LIVE, "refresh-2",
                      "jo.bsky.social", T0 + DAY, followers_2, following);
      else
        import_lists (store, RAPPORT_PLATFORM_BLUESKY, RAPPORT_DATE_SOURCE_MANIFEST, "jo.car",
                      "jo.bsky.social", T0 + 2 * DAY, followers_3, following);

      analysis = rapport_test_ui_load_analysis (store, "jo.bsky.social");
      page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE, "analysis", analysis, NULL);
      window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 1000, 600);

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *text = segment_row_text (page, i == 0 ? 0 : i + 2);

          g_assert_cmpstr (text, ==, steps[n][i]);
        }

      notice = gtk_label_get_label (page_child (page, "coverage_label"));
      if (n < 2)
        g_assert_cmpstr (notice, ==, "A refresh from the web lists your followers without the "
                         "day each one followed, so follow-for-follow pairs cannot be found.");
      else
        g_assert_null (strstr (notice, "refresh"));

      select_segment (page, 3);
      description = adw_status_page_get_description (page_child (page, "unavailable_page"));
      if (n == 0)
        g_assert_cmpstr (description, ==, "Gained and lost followers need two follower lists of "
                         "this account: refresh it again later; comparing the two lists gives "
                         "them exactly.");

      rapport_test_ui_destroy_window (window);
      g_assert_finalize_object (g_steal_pointer (&analysis));
    }

  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

static void
test_narrow (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(RapportStore) store = make_store (&data_dir);
  g_autoptr(RapportAnalysis) analysis = rapport_test_ui_load_analysis (store, "jo.makes");
  RapportAudiencePage *page = g_object_new (RAPPORT_TYPE_AUDIENCE_PAGE,
                                            "analysis", analysis,
                                            NULL);
  GtkWindow *window = rapport_test_ui_show_in_window (GTK_WIDGET (page), 360, 600);

  /* The sidebar gives way to the drop-down; choosing there chooses the segment. */
  g_assert_false (gtk_widget_get_visible (page_child (page, "segment_sidebar")));
  g_assert_true (gtk_widget_get_mapped (page_child (page, "segment_dropdown")));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), ==, 360);
  select_segment (page, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, 3);
  g_assert_cmpint (gtk_list_box_row_get_index (
                     gtk_list_box_get_selected_row (page_child (page, "segment_list"))), ==, 1);

  rapport_test_ui_destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&analysis));
  g_clear_object (&store);
  rapport_test_remove_tree (data_dir);
}

/* The sample data, through the window */

static RapportAudiencePage *
window_page (RapportWindow *window)
{
  return RAPPORT_AUDIENCE_PAGE (rapport_test_ui_window_page (window, "audience"));
}

static void
test_sample_counts (void)
{
  RapportWindow *window = rapport_test_ui_present_sample_window ("audience");
  RapportAudiencePage *page = window_page (window);
  RapportAnalysis *analysis = rapport_window_get_analysis (window);
  const RapportReport *report = rapport_analysis_get_report (analysis);
  const RapportChurnStep *step = rapport_churn_latest (report->churn);
  guint expected[6];

  g_assert_true (rapport_audience_page_get_analysis (page) == analysis);
  g_assert_nonnull (report->reciprocity);
  g_assert_nonnull (step);
  expected[0] = report->reciprocity->n_mutuals;
  expected[1] = report->reciprocity->n_not_following_back;
  expected[2] = report->reciprocity->n_fans;
  expected[3] = step->gained->len;
  expected[4] = step->lost->len;
  expected[5] = step->dropped_after_follow_back->len;

  /* The demo creator's follow-for-follow burst shows in every segment. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *row_text = segment_row_text (page, i);
      g_autofree char *count = g_strdup_printf (" %u", expected[i]);

      g_assert_cmpuint (expected[i], >, 0);
      select_segment (page, i);
      g_assert_cmpuint (g_list_model_get_n_items (rows (page)), ==, expected[i]);
      g_assert_true (g_str_has_suffix (row_text, count));
    }

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
}

static void
shoot (AdwColorScheme  scheme,
       int             width,
       const char     *name)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *path = rapport_test_ui_screenshot_path (name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  RapportWindow *window;

  adw_style_manager_set_color_scheme (style_manager, scheme);

  window = rapport_test_ui_present_sample_window ("audience");
  rapport_test_ui_save_screenshot (GTK_WINDOW (window), width, path);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  if (width > 0)
    {
      g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
      /* Narrow: the segments in a drop-down above the table. */
      g_assert_true (gtk_widget_get_mapped (page_child (window_page (window), "segment_dropdown")));
      g_assert_false (gtk_widget_get_mapped (page_child (window_page (window), "segment_list")));
    }

  rapport_test_ui_destroy_window (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 0, "audience-light");
  shoot (ADW_COLOR_SCHEME_FORCE_DARK, 0, "audience-dark");
  shoot (ADW_COLOR_SCHEME_FORCE_LIGHT, 360, "audience-narrow");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  /* The window's own database and a sample database of this process's own. */
  rapport_test_ui_init_with_temp_dirs (&argc, &argv, &data_dir, &cache_dir);

  g_test_add_func ("/audience-page/segments", test_segments);
  g_test_add_func ("/audience-page/lost-follow-column", test_lost_follow_column);
  g_test_add_func ("/audience-page/loading", test_loading);
  g_test_add_func ("/audience-page/keep", test_keep);
  g_test_add_func ("/audience-page/connections", test_connections);
  g_test_add_func ("/audience-page/search-and-export", test_search_and_export);
  g_test_add_func ("/audience-page/show-accounts", test_show_accounts);
  g_test_add_func ("/audience-page/unavailable", test_unavailable);
  g_test_add_func ("/audience-page/live", test_live);
  g_test_add_func ("/audience-page/narrow", test_narrow);
  g_test_add_func ("/audience-page/sample-counts", test_sample_counts);
  g_test_add_func ("/audience-page/screenshots", test_screenshots);

  status = g_test_run ();

  rapport_test_remove_tree (data_dir);
  rapport_test_remove_tree (cache_dir);

  return status;
}
