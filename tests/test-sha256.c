/* test-sha256.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accelerated SHA-256 gives GChecksum's digests, whatever the lengths and the pieces the
 * data comes in: the export hashes of earlier imports must still match.
 */

#include "config.h"

#include "core/rapport-sha256.h"

static char *
reference (const guint8 *data,
           gsize         size)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
}

static void
test_known_digests (void)
{
  g_autoptr(RapportSha256) empty = rapport_sha256_new ();
  g_autoptr(RapportSha256) abc = rapport_sha256_new ();

  g_test_message ("accelerated: %s", rapport_sha256_is_accelerated () ? "yes" : "no");
  g_assert_cmpstr (rapport_sha256_get_string (empty), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  rapport_sha256_update (abc, (const guint8 *) "abc", 3);
  g_assert_cmpstr (rapport_sha256_get_string (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  /* Asked again, the same. */
  g_assert_cmpstr (rapport_sha256_get_string (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* Every length around the block and padding boundaries, whole and in pieces. */
static void
test_lengths_and_pieces (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autofree guint8 *data = g_malloc (300 * 1024);

  for (gsize i = 0; i < 300 * 1024; i++)
    data[i] = g_rand_int_range (rand, 0, 256);

  for (gsize size = 0; size <= 300; size++)
    {
      g_autoptr(RapportSha256) whole = rapport_sha256_new ();
      g_autoptr(RapportSha256) pieces = rapport_sha256_new ();
      g_autofree char *expected = reference (data, size);
      gsize at = 0;

      rapport_sha256_update (whole, data, size);
      g_assert_cmpstr (rapport_sha256_get_string (whole), ==, expected);

      while (at < size)
        {
          gsize piece = g_rand_int_range (rand, 0, 70);
          gsize n = MIN (size - at, piece);

          rapport_sha256_update (pieces, data + at, n);
          at += n;
        }
      g_assert_cmpstr (rapport_sha256_get_string (pieces), ==, expected);
    }

  /* Large data in pieces of odd sizes, as the export hash reads files. */
  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(RapportSha256) sha = rapport_sha256_new ();
      gsize size = 300 * 1024 - round * 4099;
      g_autofree char *expected = reference (data, size);
      gsize at = 0;

      while (at < size)
        {
          gsize piece = g_rand_int_range (rand, 1, 40000);
          gsize n = MIN (size - at, piece);

          rapport_sha256_update (sha, data + at, n);
          at += n;
        }
      g_assert_cmpstr (rapport_sha256_get_string (sha), ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sha256/known-digests", test_known_digests);
  g_test_add_func ("/sha256/lengths-and-pieces", test_lengths_and_pieces);

  return g_test_run ();
}
