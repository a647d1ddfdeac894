/* fuzz-tiktok.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is imported twice: as usual, where a fuzzer's small inputs never hold a list long
 * enough to be read in batches, and with nearly every list read in batches.  Both must fail, or
 * both hand the sink exactly the same records.
 */

#include "config.h"

#include <gio/gio.h>

#include "fuzz-support.h"
#include "import/rapport-tiktok-private.h"

/* Lists of more than this many bytes are read in batches in the second import. */
#define TINY_LONG_LIST_BYTES 16

/* A sink that writes down every call. */
typedef struct
{
  RapportImportSink parent;
  GString *log;
} Recorder;

static void
append_text (GString    *log,
             const char *text)
{
  if (text == NULL)
    g_string_append (log, " (none)");
  else
    g_string_append_printf (log, " “%s”", text);
}

static gboolean
record_account (RapportImportSink         *sink,
                const RapportAccountInfo  *account,
                GError                   **error)
{
  GString *log = ((Recorder *) sink)->log;

  g_string_append_printf (log, "account %d", account->platform);
  append_text (log, account->handle);
  append_text (log, account->platform_id);
  append_text (log, account->display_name);
  g_string_append_c (log, '\n');
  return TRUE;
}

static gboolean
record_list (RapportImportSink  *sink,
             RapportDirection    direction,
             GError            **error)
{
  g_string_append_printf (((Recorder *) sink)->log, "list %d\n", direction);
  return TRUE;
}

static gboolean
record_relation (RapportImportSink      *sink,
                 const RapportRelation  *relation,
                 GError                **error)
{
  GString *log = ((Recorder *) sink)->log;

  g_string_append_printf (log, "relation %d %" G_GINT64_FORMAT, relation->direction, relation->since);
  append_text (log, relation->handle);
  append_text (log, relation->platform_id);
  g_string_append_c (log, '\n');
  return TRUE;
}

static gboolean
record_post (RapportImportSink  *sink,
             const RapportPost  *post,
             GError            **error)
{
  GString *log = ((Recorder *) sink)->log;
  const gint64 counts[] = {
    post->likes, post->comments, post->shares, post->saves, post->replies, post->quotes,
    post->views, post->impressions, post->reach, post->engagements, post->follows,
  };

  g_string_append_printf (log, "post %d %" G_GINT64_FORMAT, post->type, post->created_at);
  append_text (log, post->platform_id);
  append_text (log, post->text);
  append_text (log, post->url);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_string_append_printf (log, " %" G_GINT64_FORMAT, counts[i]);
  for (guint i = 0; post->hashtags != NULL && post->hashtags[i] != NULL; i++)
    append_text (log, post->hashtags[i]);
  for (guint i = 0; post->mentions != NULL && post->mentions[i] != NULL; i++)
    append_text (log, post->mentions[i]);
  g_string_append_c (log, '\n');
  return TRUE;
}

static gboolean
record_count (RapportImportSink           *sink,
              const RapportFollowerCount  *count,
              GError                     **error)
{
  g_string_append_printf (((Recorder *) sink)->log, "count %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d\n",
                          count->at, count->count, count->source);
  return TRUE;
}

static gboolean
record_interaction (RapportImportSink         *sink,
                    const RapportInteraction  *interaction,
                    GError                   **error)
{
  GString *log = ((Recorder *) sink)->log;

  g_string_append_printf (log, "interaction %d %" G_GINT64_FORMAT, interaction->kind, interaction->at);
  append_text (log, interaction->target_handle);
  append_text (log, interaction->text);
  g_string_append_c (log, '\n');
  return TRUE;
}

static void
record_export_date (RapportImportSink *sink,
                    gint64             exported_at,
                    RapportDateSource  source)
{
  g_string_append_printf (((Recorder *) sink)->log, "export %" G_GINT64_FORMAT " %d\n",
                          exported_at, source);
}

static void
record_skip (RapportImportSink *sink,
             const char        *entry_name,
             const char        *reason)
{
  g_string_append_printf (((Recorder *) sink)->log, "skip %s: %s\n", entry_name, reason);
}

static void
record_progress (RapportImportSink *sink,
                 const char        *entry_name,
                 guint64            records_read)
{
  g_string_append_printf (((Recorder *) sink)->log, "progress %s %" G_GUINT64_FORMAT "\n",
                          entry_name, records_read);
}

/* The log of one import, or NULL when it failed. */
static char *
import_logged (RapportArchive *archive,
               gsize           long_list_bytes)
{
  g_autoptr(GError) error = NULL;
  Recorder recorder = {
    .parent = {
      .set_account = record_account,
      .begin_list = record_list,
      .add_relation = record_relation,
      .add_post = record_post,
      .add_follower_count = record_count,
      .add_interaction = record_interaction,
      .set_export_date = record_export_date,
      .skip = record_skip,
      .progress = record_progress,
    },
    .log = g_string_new (NULL),
  };

  if (!rapport_tiktok_import_with_limit (archive, &recorder.parent, long_list_bytes, NULL, &error))
    {
      g_assert (error != NULL);
      g_string_free (recorder.log, TRUE);
      return NULL;
    }
  return g_string_free (recorder.log, FALSE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *folder = fuzz_fresh_folder ("tiktok");
  g_autoptr(RapportArchive) archive = NULL;
  g_autofree char *usual = NULL;
  g_autofree char *batched = NULL;

  fuzz_write_file (folder, "user_data_tiktok.json", data, size);
  if (!(archive = rapport_archive_open (folder, NULL)))
    return 0;
  /* Real exports are large, but a fuzzer's inputs never need to be. */
  rapport_archive_set_entry_limit (archive, 16 * 1024 * 1024);

  usual = import_logged (archive, RAPPORT_TIKTOK_LONG_LIST_BYTES);
  batched = import_logged (archive, TINY_LONG_LIST_BYTES);
  if ((usual == NULL) != (batched == NULL))
    g_error ("one import failed, the other did not:\n%s", usual != NULL ? usual : batched);
  if (usual != NULL && g_strcmp0 (usual, batched) != 0)
    g_error ("the imports differ:\n%s\n--- read in batches:\n%s", usual, batched);

  return 0;
}
