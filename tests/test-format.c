/* test-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected strings are those of the C.UTF-8 locale the tests run in (tests/meson.build):
 * English, "." as the decimal mark, and no thousands separator, so "%'" writes 1204 as "1204".
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "core/rapport-format.h"

/* 2025-03-03 00:00 UTC. */
#define MAR_3_2025 G_GINT64_CONSTANT (1740960000)
/* The last second of 2024, UTC. */
#define END_OF_2024 G_GINT64_CONSTANT (1735689599)

#define assert_formats(call, expected) \
  G_STMT_START { \
    g_autofree char *text_ = (call); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

/* The premise of every expected string below. */
static void
test_locale (void)
{
  const struct lconv *conventions = localeconv ();

  g_assert_cmpstr (conventions->thousands_sep, ==, "");
  g_assert_cmpstr (conventions->decimal_point, ==, ".");
  assert_formats (g_strdup_printf ("%'d", 1234567), "1234567");
}

static void
test_day (void)
{
  assert_formats (rapport_format_day (MAR_3_2025), "3 Mar 2025");
  assert_formats (rapport_format_day (MAR_3_2025 + 86399), "3 Mar 2025");
  assert_formats (rapport_format_day (END_OF_2024), "31 Dec 2024");
  assert_formats (rapport_format_day (1), "1 Jan 1970");
  /* 0 is "unknown" in the records. */
  assert_formats (rapport_format_day (0), "—");
  assert_formats (rapport_format_day (-86400), "—");
  assert_formats (rapport_format_day (G_MAXINT64), "—");
}

static void
test_iso_day (void)
{
  assert_formats (rapport_format_iso_day (MAR_3_2025), "2025-03-03");
  assert_formats (rapport_format_iso_day (END_OF_2024), "2024-12-31");
  assert_formats (rapport_format_iso_day (END_OF_2024 + 1), "2025-01-01");
  assert_formats (rapport_format_iso_day (0), "—");
  assert_formats (rapport_format_iso_day (-1), "—");
  assert_formats (rapport_format_iso_day (G_MAXINT64), "—");
}

static void
test_count (void)
{
  assert_formats (rapport_format_count (0), "0");
  assert_formats (rapport_format_count (1204), "1204");
  assert_formats (rapport_format_count (1000000), "1000000");
  /* Rounded half away from zero. */
  assert_formats (rapport_format_count (2.5), "3");
  assert_formats (rapport_format_count (2.49), "2");
  assert_formats (rapport_format_count (-2.5), "-3");
  assert_formats (rapport_format_count (NAN), "—");
  assert_formats (rapport_format_count (INFINITY), "—");
}

static void
test_optional_count (void)
{
  assert_formats (rapport_format_optional_count (0), "0");
  assert_formats (rapport_format_optional_count (2455), "2455");
  assert_formats (rapport_format_optional_count (G_MAXINT64), "9223372036854775807");
  assert_formats (rapport_format_optional_count (-1), "—");
}

static void
test_signed_count (void)
{
  assert_formats (rapport_format_signed_count (2454), "+2454");
  assert_formats (rapport_format_signed_count (-878), "-878");
  assert_formats (rapport_format_signed_count (0), "+0");
  /* Rounds to zero, which has a plus sign whatever side it came from. */
  assert_formats (rapport_format_signed_count (-0.4), "+0");
  assert_formats (rapport_format_signed_count (11.5), "+12");
  assert_formats (rapport_format_signed_count (NAN), "—");
  assert_formats (rapport_format_signed_count (-INFINITY), "—");
}

static void
test_percent (void)
{
  assert_formats (rapport_format_percent (0.041), "4.1 %");
  assert_formats (rapport_format_percent (0.0625), "6.2 %");
  assert_formats (rapport_format_percent (0.06251), "6.3 %");
  assert_formats (rapport_format_percent (2.0 / 3), "66.7 %");
  assert_formats (rapport_format_percent (0), "0.0 %");
  assert_formats (rapport_format_percent (1), "100.0 %");
  assert_formats (rapport_format_percent (12.5), "1250.0 %");
  assert_formats (rapport_format_percent (-0.05), "-5.0 %");
  assert_formats (rapport_format_percent (NAN), "—");
}

static void
test_change (void)
{
  assert_formats (rapport_format_change (0.759), "+75.9 %");
  assert_formats (rapport_format_change (0.2154), "+21.5 %");
  assert_formats (rapport_format_change (-878.0 / 1000), "-87.8 %");
  assert_formats (rapport_format_change (0), "+0.0 %");
  assert_formats (rapport_format_change (NAN), "—");
}

/* A slow rhythm reads as weeks between posts, never as "0.0" (issue 17: 10 posts in 320
 * weeks read "Posts per week 0.0"). */
static void
test_per_week (void)
{
  assert_formats (rapport_format_per_week (2.5), "2.5");
  assert_formats (rapport_format_per_week (1), "1.0");
  assert_formats (rapport_format_per_week (0.96), "1.0");
  assert_formats (rapport_format_per_week (10.0 / 320), "1 every 32 weeks");
  assert_formats (rapport_format_per_week (0.5), "1 every 2 weeks");
  assert_formats (rapport_format_per_week (2.0 / 3), "1 every 1.5 weeks");
  assert_formats (rapport_format_per_week (0.9), "1 every 1.1 weeks");
  /* From ten weeks on, whole weeks: 1 in 10.4 weeks. */
  assert_formats (rapport_format_per_week (1 / 10.4), "1 every 10 weeks");
  assert_formats (rapport_format_per_week (0), "0");
  assert_formats (rapport_format_per_week (NAN), "—");
  assert_formats (rapport_format_per_week (INFINITY), "—");
  assert_formats (rapport_format_per_week (-1), "—");

  assert_formats (rapport_format_posts_per_week (2.54), "2.5 posts a week");
  assert_formats (rapport_format_posts_per_week (1.02), "1 post a week");
  assert_formats (rapport_format_posts_per_week (10.0 / 320), "1 post every 32 weeks");
  assert_formats (rapport_format_posts_per_week (0.25), "1 post every 4 weeks");
  assert_formats (rapport_format_posts_per_week (0), "no posts");
  assert_formats (rapport_format_posts_per_week (NAN), "—");
}

static void
test_p_value (void)
{
  assert_formats (rapport_format_p_value (0.031), "0.03");
  assert_formats (rapport_format_p_value (0.005), "0.01");
  assert_formats (rapport_format_p_value (1), "1.00");
  assert_formats (rapport_format_p_value (NAN), "—");
}

static void
test_significance (void)
{
  assert_formats (rapport_format_significance (0.031), "p = 0.03, unlikely to be chance");
  assert_formats (rapport_format_significance (0.0499), "p = 0.05, unlikely to be chance");
  assert_formats (rapport_format_significance (0.05), "p = 0.05, a lead worth testing");
  /* The words follow the value, not its two decimals. */
  assert_formats (rapport_format_significance (0.1999), "p = 0.20, a lead worth testing");
  assert_formats (rapport_format_significance (0.2), "p = 0.20, could well be chance");
  assert_formats (rapport_format_significance (0.87), "p = 0.87, could well be chance");
  assert_formats (rapport_format_significance (NAN), "not tested");
}

/* A handle gets its "@"; a channel title, a member's name, a stand-in or a DID stays as it is,
 * and a name that cannot be a handle on its platform too. */
static void
test_name (void)
{
  /* YouTube names channels by title, LinkedIn members by name or profile slug. */
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_YOUTUBE, "Mira Makes"), "Mira Makes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_YOUTUBE, "miramakes"), "miramakes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_LINKEDIN, "Jane Doe"), "Jane Doe");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_LINKEDIN, "ana-lima-1a2b3c"),
                  "ana-lima-1a2b3c");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_INSTAGRAM, "mira.makes"), "@mira.makes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_THREADS, "mira_makes"), "@mira_makes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_TIKTOK, "miramakes"), "@miramakes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_TWITTER, "Mira_Makes"), "@Mira_Makes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_MASTODON, "mira@ceramics.social"),
                  "@mira@ceramics.social");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_MASTODON, "jo@töpfer.example"),
                  "@jo@töpfer.example");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_BLUESKY, "miramakes.bsky.social"),
                  "@miramakes.bsky.social");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_MEDIUM, "mira-makes"), "@mira-makes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_FACEBOOK, "mira.makes"), "@mira.makes");

  /* What the platform's handles cannot hold: a display name, stand-ins made of an export's
   * name or of the export's kind, a DID, letters beyond ASCII where handles have none. */
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_FACEBOOK, "Mira Makes"), "Mira Makes");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_TIKTOK, "tiktok-download"),
                  "tiktok-download");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_TIKTOK, "TikTok Studio"), "TikTok Studio");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_TWITTER, "twitter-2024-03-01"),
                  "twitter-2024-03-01");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_INSTAGRAM, "Zoë"), "Zoë");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_BLUESKY,
                                       "did:plc:abcdefghijklmnopqrstuvwx"),
                  "did:plc:abcdefghijklmnopqrstuvwx");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_INSTAGRAM, "jo\x1b[2J"), "jo\x1b[2J");

  /* Unknown: a handle's "@?" where there are handles. */
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_INSTAGRAM, NULL), "@?");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_INSTAGRAM, ""), "@?");
  assert_formats (rapport_format_name (RAPPORT_PLATFORM_YOUTUBE, NULL), "?");
}

/* Mentions are handles as the post wrote them, on every platform. */
static void
test_mention (void)
{
  assert_formats (rapport_format_mention ("miramakes", NULL), "@miramakes");
  assert_formats (rapport_format_mention ("kiln-kate.bsky.social",
                                          "did:plc:abcdefghijklmnopqrstuvwx"),
                  "@kiln-kate.bsky.social");
  assert_formats (rapport_format_mention (NULL, "did:plc:abcdefghijklmnopqrstuvwx"),
                  "did:plc:abcd…uvwx");
  assert_formats (rapport_format_mention (NULL, NULL), "@?");
}

/* A PLC DID keeps its method and four letters at either end; other ids stay whole, as does
 * one that is no PLC identifier (upper case, another alphabet, too short to cut). */
static void
test_short_id (void)
{
  assert_formats (rapport_format_short_id ("did:plc:abcdefghijklmnopqrstuvwx"),
                  "did:plc:abcd…uvwx");
  assert_formats (rapport_format_short_id ("did:web:glazelab.berlin"), "did:web:glazelab.berlin");
  assert_formats (rapport_format_short_id ("did:plc:ABCDEFGHIJKLMNOPQRSTUVWX"),
                  "did:plc:ABCDEFGHIJKLMNOPQRSTUVWX");
  assert_formats (rapport_format_short_id ("did:plc:abcdefghi"), "did:plc:abcdefghi");
  assert_formats (rapport_format_short_id ("did:plc:abcdefghij"), "did:plc:abcd…ghij");
  assert_formats (rapport_format_short_id ("did:plc:abcdé1ghijklmn"), "did:plc:abcdé1ghijklmn");
  assert_formats (rapport_format_short_id ("12345678901234567890"), "12345678901234567890");
  assert_formats (rapport_format_account (RAPPORT_PLATFORM_BLUESKY, "kiln-kate.bsky.social",
                                          "did:plc:abcdefghijklmnopqrstuvwx"),
                  "@kiln-kate.bsky.social");
  assert_formats (rapport_format_account (RAPPORT_PLATFORM_BLUESKY, NULL,
                                          "did:plc:abcdefghijklmnopqrstuvwx"),
                  "did:plc:abcd…uvwx");
  assert_formats (rapport_format_account (RAPPORT_PLATFORM_YOUTUBE, "Kiln Kate",
                                          "UCabcdefghijklmnopqrstuv"),
                  "Kiln Kate");
  assert_formats (rapport_format_account (RAPPORT_PLATFORM_BLUESKY, NULL, NULL), "@?");
}

static void
test_pad (void)
{
  assert_formats (rapport_format_pad ("2455", 6), "  2455");
  assert_formats (rapport_format_pad ("@jo", -6), "@jo   ");
  /* "—" is three bytes and one character: it gets the padding of one. */
  assert_formats (rapport_format_pad (RAPPORT_FORMAT_NONE, 4), "   —");
  assert_formats (rapport_format_pad ("Beiträge", -9), "Beiträge ");
  assert_formats (rapport_format_pad ("2455", 0), "2455");
  /* Too long for the cell: whole, not cut. */
  assert_formats (rapport_format_pad ("@mira.makes", 4), "@mira.makes");
  assert_formats (rapport_format_pad ("@mira.makes", -4), "@mira.makes");
  assert_formats (rapport_format_pad ("", -3), "   ");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/locale", test_locale);
  g_test_add_func ("/format/day", test_day);
  g_test_add_func ("/format/iso-day", test_iso_day);
  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/optional-count", test_optional_count);
  g_test_add_func ("/format/signed-count", test_signed_count);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/change", test_change);
  g_test_add_func ("/format/per-week", test_per_week);
  g_test_add_func ("/format/p-value", test_p_value);
  g_test_add_func ("/format/significance", test_significance);
  g_test_add_func ("/format/name", test_name);
  g_test_add_func ("/format/mention", test_mention);
  g_test_add_func ("/format/short-id", test_short_id);
  g_test_add_func ("/format/pad", test_pad);

  return g_test_run ();
}
