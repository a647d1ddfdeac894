/* rapport-store-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbered migrations.  Migration N turns a database of user_version N-1 into version N, inside
 * one transaction; a released migration is never edited, only followed by a new one.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-store-private.h"

static const char * const migrations[] = {
  /* 1: the first schema. */
  "CREATE TABLE account ("
  "  id INTEGER PRIMARY KEY,"
  "  platform TEXT NOT NULL,"
  "  handle TEXT NOT NULL COLLATE NOCASE,"
  "  platform_id TEXT,"
  "  display_name TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  UNIQUE (platform, handle)"
  ");"
  /* One row per imported export. */
  "CREATE TABLE snapshot ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  source_name TEXT NOT NULL,"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  exported_at INTEGER NOT NULL,"
  "  date_source TEXT NOT NULL,"
  "  imported_at INTEGER NOT NULL,"
  "  importer_version INTEGER NOT NULL,"
  "  has_followers INTEGER NOT NULL DEFAULT 0,"
  "  has_following INTEGER NOT NULL DEFAULT 0,"
  "  n_followers INTEGER NOT NULL DEFAULT 0,"
  "  n_following INTEGER NOT NULL DEFAULT 0,"
  "  n_posts INTEGER NOT NULL DEFAULT 0,"
  "  n_interactions INTEGER NOT NULL DEFAULT 0,"
  "  n_skipped INTEGER NOT NULL DEFAULT 0,"
  "  first_skip TEXT"
  ");"
  "CREATE INDEX snapshot_by_account ON snapshot (account_id, exported_at);"
  /* Who follows whom in one snapshot.  'who' is the comparable identity: the lower-cased handle,
   * or the platform id where the export has only ids or the platform lists ids (X), so set
   * differences between the two lists of a snapshot, or one list of two snapshots, run on the
   * primary key. */
  "CREATE TABLE relation ("
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  direction INTEGER NOT NULL,"
  "  who TEXT NOT NULL,"
  "  handle TEXT,"
  "  platform_id TEXT,"
  "  since INTEGER,"
  "  PRIMARY KEY (snapshot_id, direction, who)"
  ") WITHOUT ROWID;"
  "CREATE TABLE post ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  platform_post_id TEXT NOT NULL,"
  "  type TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  text TEXT,"
  "  url TEXT,"
  "  likes INTEGER, comments INTEGER, shares INTEGER, saves INTEGER, replies INTEGER,"
  "  quotes INTEGER, views INTEGER, impressions INTEGER, reach INTEGER, engagements INTEGER,"
  "  follows INTEGER,"
  "  UNIQUE (account_id, platform_post_id)"
  ");"
  "CREATE INDEX post_by_time ON post (account_id, created_at);"
  /* The counts each snapshot saw, so a post's history survives later exports. */
  "CREATE TABLE post_counts ("
  "  post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,"
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  likes INTEGER, comments INTEGER, shares INTEGER, saves INTEGER, replies INTEGER,"
  "  quotes INTEGER, views INTEGER, impressions INTEGER, reach INTEGER, engagements INTEGER,"
  "  follows INTEGER,"
  "  PRIMARY KEY (post_id, snapshot_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX post_counts_by_snapshot ON post_counts (snapshot_id);"
  /* kind 0 = hashtag, 1 = mention; values lower-cased without '#' or '@'. */
  "CREATE TABLE post_tag ("
  "  post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (post_id, kind, value)"
  ") WITHOUT ROWID;"
  "CREATE INDEX post_tag_by_value ON post_tag (kind, value);"
  "CREATE TABLE follower_count ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  snapshot_id INTEGER REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  at INTEGER NOT NULL,"
  "  count INTEGER NOT NULL,"
  "  source TEXT NOT NULL,"
  "  PRIMARY KEY (account_id, at, source)"
  ");"
  "CREATE INDEX follower_count_by_snapshot ON follower_count (snapshot_id);"
  /* The creator's own comments and likes on others: later exports repeat earlier ones. */
  "CREATE TABLE interaction ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL,"
  "  target TEXT COLLATE NOCASE,"
  "  at INTEGER NOT NULL,"
  "  text TEXT"
  ");"
  "CREATE UNIQUE INDEX interaction_identity ON interaction"
  "  (account_id, kind, ifnull (target, ''), at, ifnull (text, ''));"
  "CREATE INDEX interaction_by_target ON interaction (account_id, target);"
  "CREATE INDEX interaction_by_snapshot ON interaction (snapshot_id);"
  /* Dismissed or done suggestions; scope is an account id or 'all'. */
  "CREATE TABLE suggestion_state ("
  "  scope TEXT NOT NULL,"
  "  suggestion TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  changed_at INTEGER NOT NULL,"
  "  PRIMARY KEY (scope, suggestion)"
  ");",

  /* 2: no query looks tags up by value (the analysis reads them by post), and keeping the
   * index cost a tenth of the time of writing a big archive's posts. */
  "DROP INDEX post_tag_by_value;",

  /* 3: an export is identified by a hash of every byte (content_hash), computed while it
   * imports; a hash of samples (sample_hash) finds the candidates at once.  Earlier rows
   * hold a sampled hash in content_hash: it moves to sample_hash too, and such a row still
   * counts as the same export when the samples match (content_hash = sample_hash). */
  "ALTER TABLE snapshot ADD COLUMN sample_hash TEXT;"
  "UPDATE snapshot SET sample_hash = content_hash;"
  "CREATE INDEX snapshot_by_sample_hash ON snapshot (sample_hash);"
  /* An account whose export named nobody carries a stand-in handle until the creator renames
   * it or merges it into the account it belongs to. */
  "ALTER TABLE account ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0;"
  /* What an export held, by kind: a few posts among thousands of stories are a few posts. */
  "ALTER TABLE post ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_reels INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_stories INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_reposts INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_archived INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX account_by_platform_id ON account (platform, platform_id);",

  /* 4: the follows and unfollows per day that analytics exports count without a total, one
   * row per account and day: a later export's figures for a day replace an earlier one's, so
   * overlapping exports merge.  n_follower_days says how many days of follower history (totals
   * or gains) an export brought, for an analytics export that has no lists or posts.  A
   * post's time_unit is how precisely created_at is known, in seconds: 60 for a post known
   * only from an analytics file that gives the minute, which an export read later adopts.
   *
   * The follow lists become spans across exports (RAPPORT_STORE_SPANS_INTO): a million
   * followers were stored again with every export, 42 MB each, where only the few that came
   * and went differ.  follow_dates keeps how many of each export's followers followed on each
   * day, so the Overview's first step rebuilds the follower curve without reading old lists. */
  "CREATE TABLE follower_gain ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL,"
  "  gained INTEGER,"
  "  lost INTEGER,"
  "  PRIMARY KEY (account_id, day)"
  ") WITHOUT ROWID;"
  "CREATE INDEX follower_gain_by_snapshot ON follower_gain (snapshot_id);"
  "ALTER TABLE snapshot ADD COLUMN n_follower_days INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE post ADD COLUMN time_unit INTEGER NOT NULL DEFAULT 1;"
  "CREATE TABLE follow_span ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  direction INTEGER NOT NULL,"
  "  who TEXT NOT NULL,"
  "  first_snapshot INTEGER NOT NULL,"
  "  last_snapshot INTEGER,"
  "  handle TEXT,"
  "  platform_id TEXT,"
  "  since INTEGER,"
  "  PRIMARY KEY (account_id, direction, who, first_snapshot)"
  ") WITHOUT ROWID;"
  RAPPORT_STORE_SPANS_INTO ("follow_span", "relation")
  "CREATE TABLE follow_dates ("
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  day INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (snapshot_id, day)"
  ") WITHOUT ROWID;"
  "INSERT INTO follow_dates"
  "  SELECT snapshot_id, since - since % 86400, count(*) FROM relation"
  "   WHERE direction = 0 AND typeof (since) = 'integer' AND since >= 1072915200"
  "   GROUP BY 1, 2;"
  "DROP TABLE relation;",

  /* 5: the counts of each step between consecutive follower lists (RapportChurnCounts), kept
   * by the import that makes the step, so that a history of many exports reports its churn
   * without reading any but the newest lists.  A row holds for the step from older_snapshot
   * only: an export imported between the two makes other steps, counted when read. */
  "CREATE TABLE churn_step ("
  "  newer_snapshot INTEGER PRIMARY KEY REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  older_snapshot INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,"
  "  n_gained INTEGER NOT NULL,"
  "  n_lost INTEGER NOT NULL,"
  "  n_renamed INTEGER NOT NULL,"
  "  n_refollowed INTEGER NOT NULL,"
  "  n_dropped INTEGER,"
  "  following_snapshot INTEGER"
  ");"
  "CREATE INDEX churn_step_by_older ON churn_step (older_snapshot);",

  /* 6: refreshes from the web, which the creator allows per account (off until then).  A
   * refresh is stored as an import is: a snapshot whose date_source is 'live', its lists as
   * follow spans, a follower count of source 'live' and the posts' counts in post_counts; so
   * only the choice is new. */
  "CREATE TABLE live_refresh ("
  "  account_id INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,"
  "  enabled INTEGER NOT NULL DEFAULT 0"
  ");",

  /* 7: the accounts the creator keeps on purpose (friends, family, brands), which the
   * reciprocity reviews leave out.  One is known by its platform id where that is known,
   * which survives a change of handle, else by its lower-cased handle (handle_key, as the
   * 'who' of the follow lists); handle is the name as the creator or a list last gave it.
   * They belong to the account, not to an export, so re-imports leave them be. */
  "CREATE TABLE kept_account ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  platform_id TEXT,"
  "  handle_key TEXT,"
  "  handle TEXT,"
  "  kept_at INTEGER NOT NULL,"
  "  CHECK (platform_id IS NOT NULL OR handle_key IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX kept_account_by_id ON kept_account (account_id, platform_id)"
  "  WHERE platform_id IS NOT NULL;"
  "CREATE UNIQUE INDEX kept_account_by_handle ON kept_account (account_id, handle_key)"
  "  WHERE platform_id IS NULL;",
  /* 8: a small thumbnail of a post's picture (JPEG or PNG of at most
   * RAPPORT_THUMBNAIL_MAX_SIZE pixels a side, a few KB), made at import so that it outlives
   * the export; a post without one shows none. */
  "CREATE TABLE post_image ("
  "  post_id INTEGER PRIMARY KEY REFERENCES post (id) ON DELETE CASCADE,"
  "  mime_type TEXT NOT NULL,"
  "  width INTEGER NOT NULL,"
  "  height INTEGER NOT NULL,"
  "  data BLOB NOT NULL"
  ");",

  /* 9: the spans that ended apart from the open ones.  Open spans make the newest lists, which
   * the window, the report and every import read whole; interleaved by who with the spans that
   * ended, a history of two years made each of those passes step over half as many rows again.
   * Ended spans are kept by the export they end with, so the step into the newest list reads
   * only its own; follow_span still reads as every span, open or ended. */
  "CREATE TABLE follow_span_open ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  direction INTEGER NOT NULL,"
  "  who TEXT NOT NULL,"
  "  first_snapshot INTEGER NOT NULL,"
  "  handle TEXT,"
  "  platform_id TEXT,"
  "  since INTEGER,"
  "  PRIMARY KEY (account_id, direction, who)"
  ") WITHOUT ROWID;"
  "CREATE TABLE follow_span_closed ("
  "  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,"
  "  direction INTEGER NOT NULL,"
  "  last_snapshot INTEGER NOT NULL,"
  "  who TEXT NOT NULL,"
  "  first_snapshot INTEGER NOT NULL,"
  "  handle TEXT,"
  "  platform_id TEXT,"
  "  since INTEGER,"
  "  PRIMARY KEY (account_id, direction, last_snapshot, who, first_snapshot)"
  ") WITHOUT ROWID;"
  "CREATE INDEX follow_span_closed_by_who ON follow_span_closed (account_id, direction, who);"
  /* A who has one open span; OR IGNORE keeps a database that broke that readable. */
  "INSERT OR IGNORE INTO follow_span_open"
  "  SELECT account_id, direction, who, first_snapshot, handle, platform_id, since"
  "    FROM follow_span WHERE last_snapshot IS NULL ORDER BY account_id, direction, who;"
  "INSERT OR IGNORE INTO follow_span_closed"
  "  SELECT account_id, direction, last_snapshot, who, first_snapshot, handle, platform_id,"
  "         since"
  "    FROM follow_span WHERE last_snapshot IS NOT NULL;"
  "DROP TABLE follow_span;"
  "CREATE VIEW follow_span AS"
  "  SELECT account_id, direction, who, first_snapshot, NULL AS last_snapshot, handle,"
  "         platform_id, since"
  "    FROM follow_span_open"
  "  UNION ALL"
  "  SELECT account_id, direction, who, first_snapshot, last_snapshot, handle, platform_id,"
  "         since"
  "    FROM follow_span_closed;",

  /* 10: what each export's lists held beside their size (RapportListCounts): accounts with a
   * follow date in range, with a platform id, and with an id and a handle, so that the summary
   * reads no list at all.  The list of export S is every span from first_snapshot to
   * last_snapshot around S, so its counts are the sums of the spans that begin at or before S
   * less those that ended before it: one pass over the spans. */
  "ALTER TABLE snapshot ADD COLUMN n_followers_dated INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_followers_with_id INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_followers_named INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_following_dated INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_following_with_id INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE snapshot ADD COLUMN n_following_named INTEGER NOT NULL DEFAULT 0;"
  "CREATE TEMP TABLE list_edge AS"
  "  WITH span AS ("
  "    SELECT account_id, direction, first_snapshot, last_snapshot, platform_id,"
  "           typeof (since) = 'integer' AND since >= 1072915200"
  "             AND since <= CAST (strftime ('%s', 'now') AS INTEGER) + 2 * 86400 AS dated,"
  "           platform_id IS NOT NULL AND handle IS NOT NULL AS named"
  "      FROM follow_span)"
  "  SELECT account_id, direction, first_snapshot AS at, sum (dated) AS dated,"
  "         count (platform_id) AS with_id, sum (named) AS named"
  "    FROM span GROUP BY 1, 2, 3"
  "  UNION ALL"
  "  SELECT account_id, direction, last_snapshot + 1, -sum (dated), -count (platform_id),"
  "         -sum (named)"
  "    FROM span WHERE last_snapshot IS NOT NULL GROUP BY 1, 2, 3;"
  "UPDATE snapshot SET (n_followers_dated, n_followers_with_id, n_followers_named) ="
  "  (SELECT coalesce (sum (dated), 0), coalesce (sum (with_id), 0), coalesce (sum (named), 0)"
  "     FROM temp.list_edge AS e"
  "    WHERE e.account_id = snapshot.account_id AND e.direction = 0 AND e.at <= snapshot.id)"
  " WHERE has_followers;"
  "UPDATE snapshot SET (n_following_dated, n_following_with_id, n_following_named) ="
  "  (SELECT coalesce (sum (dated), 0), coalesce (sum (with_id), 0), coalesce (sum (named), 0)"
  "     FROM temp.list_edge AS e"
  "    WHERE e.account_id = snapshot.account_id AND e.direction = 1 AND e.at <= snapshot.id)"
  " WHERE has_following;"
  "DROP TABLE temp.list_edge;",

  /* 11: no index of the ended spans by who.  Each import wrote the spans that ended with it all
   * over that index, which grew with the history: 0.14 s at the second export of a million
   * followers, 0.36 s at the 24th.  A who is looked up among them through their key instead
   * (RAPPORT_STORE_SELECT_ENDS); the index's pages are free for the next imports. */
  "DROP INDEX IF EXISTS follow_span_closed_by_who;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAPPORT_STORE_SCHEMA_VERSION);

/* The last migration that writes the follow lists again, which leaves their old pages free. */
#define LAST_LIST_REWRITE 9

/* Every step runs in one write transaction, and the version is read again inside it: two
 * programs opening an older database at once must not both migrate it. */
gboolean
rapport_store_migrate (RapportStore  *self,
                       GError       **error)
{
  g_autofree char *set_version = NULL;
  int version = _rapport_store_read_schema_version (self, error);
  int from_version;

  if (version < 0)
    return FALSE;
  if (version == RAPPORT_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!rapport_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if ((version = _rapport_store_read_schema_version (self, error)) < 0)
    {
      rapport_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (version > RAPPORT_STORE_SCHEMA_VERSION)
    {
      rapport_store_exec (self, "ROLLBACK", NULL);
      g_set_error (error, RAPPORT_STORE_ERROR, RAPPORT_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of Rapport (schema %d, this version "
                     "knows %d)"),
                   rapport_store_get_path (self), version, RAPPORT_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  g_debug ("Migrating %s from schema %d to %d", rapport_store_get_path (self), version,
           RAPPORT_STORE_SCHEMA_VERSION);
  from_version = version;
  for (; version < RAPPORT_STORE_SCHEMA_VERSION; version++)
    if (!rapport_store_exec (self, migrations[version], error))
      {
        rapport_store_exec (self, "ROLLBACK", NULL);
        g_prefix_error (error, _("Cannot upgrade the database to schema %d: "), version + 1);
        return FALSE;
      }

  /* PRAGMA takes no bound parameters; the number is ours, not input. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", RAPPORT_STORE_SCHEMA_VERSION);
  if (!rapport_store_exec (self, set_version, error) ||
      !rapport_store_exec (self, "COMMIT", error))
    {
      rapport_store_exec (self, "ROLLBACK", NULL);
      return FALSE;
    }

  /* Free pages as large as the lists would stay in the file for good: a history of two years
   * doubled it.  The database is whole either way, so a disk too full to copy it into, or
   * another program reading it, only leaves them for later. */
  if (from_version > 0 && from_version < LAST_LIST_REWRITE)
    {
      g_autoptr(GError) vacuum_error = NULL;

      if (!rapport_store_exec (self, "VACUUM", &vacuum_error))
        g_debug ("Not compacting %s after the upgrade: %s", rapport_store_get_path (self),
                 vacuum_error->message);
    }

  return TRUE;
}
