/* rapport-sha256.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHA-256 (FIPS 180-4) on x86-64 processors with the SHA extensions; GChecksum elsewhere.
 */

#include "config.h"

#include <string.h>

#include "core/rapport-sha256.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_SHA_NI_CODE 1
#include <cpuid.h>
#include <immintrin.h>
#endif

struct _RapportSha256
{
  GChecksum *fallback; /* without the instructions */
  guint32 state[8];
  guint8 block[64];
  gsize block_len;
  guint64 total;
  char hex[65];
  gboolean finished;
};

#ifdef HAVE_SHA_NI_CODE

static const guint32 round_constants[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* The compression of @n_blocks blocks of 64 bytes into @state. */
__attribute__ ((target ("sha,sse4.1")))
static void
compress_blocks (guint32      *state,
                 const guint8 *data,
                 gsize         n_blocks)
{
  const __m128i byte_swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i abef, cdgh, tmp;

  /* The instructions keep the working variables as ABEF and CDGH. */
  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xB1);
  cdgh = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1B);
  abef = _mm_alignr_epi8 (tmp, cdgh, 8);
  cdgh = _mm_blend_epi16 (cdgh, tmp, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i words[16];
      __m128i abef_before = abef;
      __m128i cdgh_before = cdgh;

      /* Four rounds at a time, each group's message words scheduled from the four before. */
      for (guint g = 0; g < 16; g++)
        {
          __m128i message;

          if (g < 4)
            {
              words[g] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * g)),
                                           byte_swap);
            }
          else
            {
              __m128i w = _mm_sha256msg1_epu32 (words[g - 4], words[g - 3]);

              w = _mm_add_epi32 (w, _mm_alignr_epi8 (words[g - 1], words[g - 2], 4));
              words[g] = _mm_sha256msg2_epu32 (w, words[g - 1]);
            }

          message = _mm_add_epi32 (words[g],
                                   _mm_loadu_si128 ((const __m128i *) &round_constants[4 * g]));
          cdgh = _mm_sha256rnds2_epu32 (cdgh, abef, message);
          abef = _mm_sha256rnds2_epu32 (abef, cdgh, _mm_shuffle_epi32 (message, 0x0E));
        }

      abef = _mm_add_epi32 (abef, abef_before);
      cdgh = _mm_add_epi32 (cdgh, cdgh_before);
    }

  tmp = _mm_shuffle_epi32 (abef, 0x1B);
  cdgh = _mm_shuffle_epi32 (cdgh, 0xB1);
  _mm_storeu_si128 ((__m128i *) &state[0], _mm_blend_epi16 (tmp, cdgh, 0xF0));
  _mm_storeu_si128 ((__m128i *) &state[4], _mm_alignr_epi8 (cdgh, tmp, 8));
}

static gboolean
detect_instructions (void)
{
  unsigned int eax, ebx, ecx, edx;

  if (!__get_cpuid (1, &eax, &ebx, &ecx, &edx) || !(ecx & bit_SSE4_1) || !(ecx & bit_SSSE3))
    return FALSE;
  if (!__get_cpuid_count (7, 0, &eax, &ebx, &ecx, &edx))
    return FALSE;
  return (ebx & bit_SHA) != 0;
}

#endif

gboolean
rapport_sha256_is_accelerated (void)
{
#ifdef HAVE_SHA_NI_CODE
  static gsize detected = 0;

  if (g_once_init_enter (&detected))
    g_once_init_leave (&detected, detect_instructions () ? 2 : 1);
  return detected == 2;
#else
  return FALSE;
#endif
}

RapportSha256 *
rapport_sha256_new (void)
{
  static const guint32 initial[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  RapportSha256 *self = g_new0 (RapportSha256, 1);

  if (!rapport_sha256_is_accelerated ())
    self->fallback = g_checksum_new (G_CHECKSUM_SHA256);
  memcpy (self->state, initial, sizeof initial);
  return self;
}

void
rapport_sha256_update (RapportSha256 *self,
                       const guint8  *data,
                       gsize          size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || size == 0);
  g_return_if_fail (!self->finished);

  if (self->fallback != NULL)
    {
      /* g_checksum_update() takes a gssize. */
      while (size > 0)
        {
          gsize n = MIN (size, (gsize) G_MAXSSIZE);

          g_checksum_update (self->fallback, data, n);
          data += n;
          size -= n;
        }
      return;
    }

#ifdef HAVE_SHA_NI_CODE
  self->total += size;
  if (self->block_len > 0)
    {
      gsize n = MIN (size, 64 - self->block_len);

      memcpy (self->block + self->block_len, data, n);
      self->block_len += n;
      data += n;
      size -= n;
      if (self->block_len < 64)
        return;
      compress_blocks (self->state, self->block, 1);
      self->block_len = 0;
    }
  if (size >= 64)
    {
      compress_blocks (self->state, data, size / 64);
      data += size - size % 64;
      size %= 64;
    }
  memcpy (self->block, data, size);
  self->block_len = size;
#endif
}

const char *
rapport_sha256_get_string (RapportSha256 *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->fallback != NULL)
    return g_checksum_get_string (self->fallback);

#ifdef HAVE_SHA_NI_CODE
  if (!self->finished)
    {
      guint64 bits = self->total * 8;

      /* The padding: a 1 bit, zeros, and the length in bits, big-endian, ending a block. */
      self->block[self->block_len++] = 0x80;
      if (self->block_len > 56)
        {
          memset (self->block + self->block_len, 0, 64 - self->block_len);
          compress_blocks (self->state, self->block, 1);
          self->block_len = 0;
        }
      memset (self->block + self->block_len, 0, 56 - self->block_len);
      for (guint i = 0; i < 8; i++)
        self->block[56 + i] = (guint8) (bits >> (56 - 8 * i));
      compress_blocks (self->state, self->block, 1);

      for (guint i = 0; i < 8; i++)
        g_snprintf (self->hex + 8 * i, 9, "%08x", self->state[i]);
      self->finished = TRUE;
    }
#endif
  return self->hex;
}

void
rapport_sha256_free (RapportSha256 *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->fallback, g_checksum_free);
  g_free (self);
}
