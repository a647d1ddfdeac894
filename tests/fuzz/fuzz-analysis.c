/* fuzz-analysis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database may hold anything an older version or another program wrote.  Each input is a
 * small database with the real schema: a few accounts with snapshots, follow lists, posts,
 * follower counts and interactions whose times and counts come from the input, some near a
 * real date, some special, some any 64-bit number.  Every account is loaded, its report
 * computed, the coach run and the report written as text and JSON, which must not say "nan"
 * or "inf".
 */

#include "config.h"

#include "fuzz-support.h"
#include "rapport-test-util.h"
#include "store/rapport-store-private.h"

#define DAY G_GINT64_CONSTANT (86400)
/* 2024-01-01 00:00 UTC, near which most generated times fall. */
#define BASE G_GINT64_CONSTANT (1704067200)

typedef struct
{
  const guint8 *data;
  gsize size;
} Input;

static guint8
take_byte (Input *in)
{
  guint8 byte;

  if (in->size == 0)
    return 0;
  byte = *in->data++;
  in->size--;
  return byte;
}

/* Eight bytes, little-endian; zeros once the input is used up. */
static gint64
take_int64 (Input *in)
{
  guint64 value = 0;

  for (guint i = 0; i < 8; i++)
    value |= (guint64) take_byte (in) << (8 * i);
  return (gint64) value;
}

/* The edges of the range (rapport-records.h), of GDateTime and of gint64. */
static gint64
take_special (Input *in)
{
  const gint64 specials[] = {
    0, -1, 1, G_MAXINT64, G_MININT64, RAPPORT_TIME_MIN - 1, RAPPORT_TIME_MIN,
    G_GINT64_CONSTANT (253402300799), G_GINT64_CONSTANT (253402300800),
    RAPPORT_COUNT_MAX, RAPPORT_COUNT_MAX + 1, G_GINT64_CONSTANT (1000000000000000),
  };

  return specials[take_byte (in) % G_N_ELEMENTS (specials)];
}

static gint64
take_time (Input *in)
{
  switch (take_byte (in) % 4)
    {
    case 0:
    case 1:
      return BASE + take_byte (in) * DAY + take_byte (in) * 3600;
    case 2:
      return take_special (in);
    default:
      return take_int64 (in);
    }
}

static gint64
take_count (Input *in)
{
  switch (take_byte (in) % 4)
    {
    case 0:
    case 1:
      return take_byte (in) * 16 + take_byte (in);
    case 2:
      return take_special (in);
    default:
      return take_int64 (in);
    }
}

static void
bind_count_or_null (sqlite3_stmt *stmt,
                    int           column,
                    Input        *in)
{
  if (take_byte (in) % 4 == 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, take_count (in));
}

/* Runs a cached statement once; a constraint the input breaks only loses that row. */
static void
step (sqlite3_stmt *stmt)
{
  sqlite3_step (stmt);
  sqlite3_reset (stmt);
}

static RapportStore *
fuzz_store (void)
{
  static RapportStore *store;

  if (store == NULL)
    {
      g_autofree char *folder = fuzz_fresh_folder ("analysis");

      store = rapport_store_open (folder, NULL);
      g_assert (store != NULL);
      /* A scratch database: nothing to keep if the process dies. */
      g_assert (rapport_store_exec (store, "PRAGMA synchronous = OFF", NULL));
    }
  return store;
}

static void
write_account (RapportStore *store,
               gint64        account_id,
               Input        *in)
{
  const char *types[] = { "photo", "video", "reel", "carousel", "text", "reply", "repost", "story",
                          "bogus" };
  const char *sources[] = { "snapshot", "profile", "insights", "live", "reconstruction", "analytics",
                            "?" };
  guint n_snapshots = take_byte (in) % 4;
  guint n_posts = take_byte (in) % 12;
  guint n_counts = take_byte (in) % 6;
  guint n_interactions = take_byte (in) % 4;
  guint n_gains = take_byte (in) % 24;
  sqlite3_stmt *stmt;

  stmt = rapport_store_prepare (store,
    "INSERT INTO account (id, platform, handle, created_at) VALUES (?1, ?2, ?3, 0)", NULL);
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, account_id == 1 ? "instagram" : "twitter", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, account_id == 1 ? "jo" : "bo", -1, SQLITE_STATIC);
  step (stmt);

  for (guint s = 0; s < n_snapshots; s++)
    {
      gint64 snapshot_id = account_id * 10 + s;
      g_autofree char *hash = g_strdup_printf ("%" G_GINT64_FORMAT, snapshot_id);
      guint8 lists = take_byte (in);
      guint n_relations = take_byte (in) % 10;

      stmt = rapport_store_prepare (store,
        "INSERT INTO snapshot (id, account_id, source_name, content_hash, exported_at,"
        "  date_source, imported_at, importer_version, has_followers, has_following,"
        "  n_followers, n_following)"
        " VALUES (?1, ?2, 'fuzz.zip', ?3, ?4, 'manifest', 0, 1, ?5, ?6, ?7, ?8)", NULL);
      sqlite3_bind_int64 (stmt, 1, snapshot_id);
      sqlite3_bind_int64 (stmt, 2, account_id);
      sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, take_time (in));
      sqlite3_bind_int (stmt, 5, lists & 1);
      sqlite3_bind_int (stmt, 6, (lists >> 1) & 1);
      sqlite3_bind_int64 (stmt, 7, take_count (in));
      sqlite3_bind_int64 (stmt, 8, take_count (in));
      step (stmt);

      for (guint r = 0; r < n_relations; r++)
        {
          guint8 pick = take_byte (in);
          g_autofree char *who = g_strdup_printf ("u%u", pick % 12);

          /* A span of this export alone, or one left open, which may overlap others: the
           * reader must take whatever the file holds. */
          if (pick & 0x80)
            stmt = rapport_store_prepare (store,
              "INSERT OR IGNORE INTO follow_span_open (first_snapshot, direction, who, handle,"
              "  platform_id, since, account_id)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", NULL);
          else
            stmt = rapport_store_prepare (store,
              "INSERT OR IGNORE INTO follow_span_closed (first_snapshot, direction, who, handle,"
              "  platform_id, since, account_id, last_snapshot)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?1)", NULL);
          sqlite3_bind_int64 (stmt, 1, snapshot_id);
          sqlite3_bind_int64 (stmt, 7, account_id);
          sqlite3_bind_int (stmt, 2, (pick >> 4) & 1);
          sqlite3_bind_text (stmt, 3, who, -1, SQLITE_TRANSIENT);
          if (pick & 0x20)
            sqlite3_bind_text (stmt, 4, who, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_text (stmt, 5, who, -1, SQLITE_TRANSIENT);
          if (pick & 0x40)
            sqlite3_bind_null (stmt, 6);
          else
            sqlite3_bind_int64 (stmt, 6, take_time (in));
          step (stmt);
        }
    }

  for (guint p = 0; p < n_posts; p++)
    {
      gint64 post_id = account_id * 100 + p;
      g_autofree char *platform_id = g_strdup_printf ("p%u", p);
      g_autofree char *tag = g_strdup_printf ("t%u", take_byte (in) % 4);

      stmt = rapport_store_prepare (store,
        "INSERT INTO post (id, account_id, platform_post_id, type, created_at, likes, comments,"
        "  shares, saves, replies, quotes, views, impressions, reach, engagements, follows)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", NULL);
      sqlite3_bind_int64 (stmt, 1, post_id);
      sqlite3_bind_int64 (stmt, 2, account_id);
      sqlite3_bind_text (stmt, 3, platform_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, types[take_byte (in) % G_N_ELEMENTS (types)], -1,
                         SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, take_time (in));
      for (int column = 6; column <= 16; column++)
        bind_count_or_null (stmt, column, in);
      step (stmt);

      stmt = rapport_store_prepare (store,
        "INSERT OR IGNORE INTO post_tag (post_id, kind, value) VALUES (?1, ?2, ?3)", NULL);
      sqlite3_bind_int64 (stmt, 1, post_id);
      sqlite3_bind_int (stmt, 2, take_byte (in) % 2);
      sqlite3_bind_text (stmt, 3, tag, -1, SQLITE_TRANSIENT);
      step (stmt);
    }

  for (guint c = 0; c < n_counts; c++)
    {
      stmt = rapport_store_prepare (store,
        "INSERT OR IGNORE INTO follower_count (account_id, at, count, source)"
        " VALUES (?1, ?2, ?3, ?4)", NULL);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, take_time (in));
      sqlite3_bind_int64 (stmt, 3, take_count (in));
      sqlite3_bind_text (stmt, 4, sources[take_byte (in) % G_N_ELEMENTS (sources)], -1,
                         SQLITE_STATIC);
      step (stmt);
    }

  /* Daily gains, mostly on consecutive days next to the counts, with holes and gaps. */
  for (guint g = 0; g < n_gains && n_snapshots > 0; g++)
    {
      guint8 pick = take_byte (in);

      stmt = rapport_store_prepare (store,
        "INSERT OR IGNORE INTO follower_gain (account_id, snapshot_id, day, gained, lost)"
        " VALUES (?1, ?2, ?3, ?4, ?5)", NULL);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, account_id * 10);
      sqlite3_bind_int64 (stmt, 3, pick & 0x80 ? take_time (in)
                                               : BASE - BASE % DAY + (gint64) (pick % 64) * DAY);
      if (pick & 0x40)
        sqlite3_bind_null (stmt, 4);
      else
        sqlite3_bind_int64 (stmt, 4, take_count (in));
      if (pick & 0x20)
        sqlite3_bind_null (stmt, 5);
      else
        sqlite3_bind_int64 (stmt, 5, take_count (in));
      step (stmt);
    }

  for (guint i = 0; i < n_interactions && n_snapshots > 0; i++)
    {
      guint8 pick = take_byte (in);
      g_autofree char *target = g_strdup_printf ("u%u", pick % 12);

      stmt = rapport_store_prepare (store,
        "INSERT OR IGNORE INTO interaction (account_id, snapshot_id, kind, target, at, text)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", NULL);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_int64 (stmt, 2, account_id * 10);
      sqlite3_bind_int (stmt, 3, (pick >> 4) % 3);
      if (pick & 0x80)
        sqlite3_bind_text (stmt, 4, target, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, take_time (in));
      sqlite3_bind_text (stmt, 6, target, -1, SQLITE_TRANSIENT);
      step (stmt);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* A zone with a half hour, without tzdata. */
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (5 * 3600 + 1800);
  RapportStore *store = fuzz_store ();
  Input in = { data, size };
  guint n_accounts = 1 + take_byte (&in) % 2;

  g_assert (rapport_store_exec (store,
                                "BEGIN;"
                                "DELETE FROM interaction; DELETE FROM follower_count;"
                                "DELETE FROM post_tag; DELETE FROM post_counts; DELETE FROM post;"
                                "DELETE FROM follow_span_open; DELETE FROM follow_span_closed;"
                                "DELETE FROM follower_gain;"
                                "DELETE FROM snapshot; DELETE FROM account;",
                                NULL));
  for (guint a = 1; a <= n_accounts; a++)
    write_account (store, a, &in);
  g_assert (rapport_store_exec (store, "COMMIT", NULL));

  for (guint a = 1; a <= n_accounts; a++)
    rapport_dataset_free (rapport_test_report_hostile_account (store, a, tz));
  return 0;
}
