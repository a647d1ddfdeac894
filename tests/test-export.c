/* test-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawn report, its CSV tables and the chart image, on a hand-made account whose
 * followers have hostile names.  The PDF is read back as a reader would: the page tree's
 * count, and the text of the pages decoded through each font's ToUnicode map, so a section
 * that is not drawn is not found.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "export/rapport-export-chart.h"
#include "export/rapport-export-csv.h"
#include "export/rapport-export-document.h"
#include "export/rapport-export-pdf.h"
#include "import/rapport-csv.h"
#include "rapport-test-util.h"

/* Monday 2024-01-01 00:00 UTC, and day n after it. */
#define T0 G_GINT64_CONSTANT (1704067200)
#define DAY G_GINT64_CONSTANT (86400)
#define DAY_N(n) (T0 + (gint64) (n) * DAY)
#define N_POSTS 60

static void
add_post (RapportDataset *dataset,
          gint64          at,
          gint64          likes,
          const char     *text,
          const char     *tags)
{
  RapportDatasetPost *post = rapport_dataset_post_new ();

  post->id = 100 + dataset->posts->len;
  post->platform_id = g_strdup_printf ("p%u", dataset->posts->len);
  post->type = RAPPORT_POST_PHOTO;
  post->created_at = at;
  post->likes = likes;
  post->text = g_strdup (text);
  post->url = g_strdup_printf ("https://www.instagram.com/p/p%u/", dataset->posts->len);
  post->hashtags = g_strsplit (tags, ",", -1);
  post->mentions = g_new0 (char *, 1);
  g_ptr_array_add (dataset->posts, post);
}

static RapportDatasetSnapshot *
add_snapshot (RapportDataset *dataset,
              gint64          id,
              gint64          at)
{
  RapportDatasetSnapshot *snapshot = rapport_dataset_snapshot_new ();

  snapshot->id = id;
  snapshot->exported_at = at;
  snapshot->source_name = g_strdup_printf ("instagram-jo-%" G_GINT64_FORMAT ".zip", id);
  snapshot->followers = rapport_people_new (4);
  snapshot->has_followers = TRUE;
  g_ptr_array_add (dataset->snapshots, snapshot);
  return snapshot;
}

/*
 * @jo on Instagram, 1,000 followers every day from day 0 to 130.  The export of day 60 lists
 * ana and "=cmd" as followers; the export of day 130 lists ana, bo and "new\nline", and as
 * following ana and 'say "hi"'.  So the newest step gained bo and "new\nline" and lost "=cmd",
 * and 'say "hi"' does not follow back.  60 posts, one every second day from day 2, with 10 to
 * 69 likes, the first 30 tagged #f4f; each post's text holds a comma, quotes and a formula.
 */
static RapportDataset *
build_dataset (void)
{
  RapportDataset *dataset = rapport_dataset_new ();
  RapportDatasetSnapshot *older, *newer;

  dataset->account_id = 7;
  dataset->platform = RAPPORT_PLATFORM_INSTAGRAM;
  dataset->handle = g_strdup ("jo");
  dataset->display_name = g_strdup ("Jo Doe");
  for (guint d = 0; d <= 130; d++)
    {
      RapportFollowerCount total = { DAY_N (d), 1000, RAPPORT_COUNT_SOURCE_PROFILE };

      g_array_append_val (dataset->counts, total);
    }

  older = add_snapshot (dataset, 1, DAY_N (60));
  rapport_people_add (older->followers, "ana", "ana", NULL, DAY_N (1));
  rapport_people_add (older->followers, "=cmd", "=cmd", NULL, DAY_N (3));
  rapport_people_sort (older->followers);

  newer = add_snapshot (dataset, 2, DAY_N (130));
  rapport_people_add (newer->followers, "ana", "ana", NULL, DAY_N (1));
  rapport_people_add (newer->followers, "bo", "bo", NULL, DAY_N (70));
  rapport_people_add (newer->followers, "new\nline", "new\nline", NULL, DAY_N (71));
  rapport_people_sort (newer->followers);
  newer->following = rapport_people_new (2);
  newer->has_following = TRUE;
  rapport_people_add (newer->following, "ana", "ana", NULL, DAY_N (1));
  rapport_people_add (newer->following, "say \"hi\"", "say \"hi\"", NULL, DAY_N (2));
  rapport_people_sort (newer->following);

  for (guint i = 0; i < N_POSTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("=SUM(A1) post %u, \"quoted\"", i);

      add_post (dataset, DAY_N (2 + 2 * i) + 12 * 3600, 10 + i, text,
                i < 30 ? "f4f,cats" : "cats");
    }
  return dataset;
}

static RapportReport *
compute (const RapportDataset *dataset)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return rapport_report_compute (dataset, utc);
}

/* Reading a PDF back. */

/* @needle in the @length bytes at @haystack, which may hold NUL bytes (font programs, compressed
 * streams); NULL when absent. */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

/* The last @needle in the @length bytes at @haystack, or NULL. */
static const char *
find_last_bytes (const char *haystack,
                 gsize       length,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length; i >= n; i--)
    if (memcmp (haystack + i - n, needle, n) == 0)
      return haystack + i - n;
  return NULL;
}

/* The stream of an object's text "<< … >> stream … endstream", inflated when it is
 * FlateDecode; NULL without a stream. */
static GBytes *
object_stream (const char *object,
               gsize       length)
{
  const char *start = find_bytes (object, length, "stream");
  const char *end;
  g_autoptr(GConverter) inflater = NULL;
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GInputStream) inflated = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (start == NULL)
    return NULL;
  start += strlen ("stream");
  while (*start == '\r' || *start == '\n')
    start++;
  end = find_last_bytes (start, object + length - start, "endstream");
  g_assert_nonnull (end);
  if (find_bytes (object, start - object, "/FlateDecode") == NULL)
    return g_bytes_new (start, end - start);

  inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  raw = g_memory_input_stream_new_from_data (start, end - start, NULL);
  inflated = g_converter_input_stream_new (raw, inflater);
  out = g_memory_output_stream_new_resizable ();
  /* cairo ends a stream with a newline after the compressed data: the inflater stops at the
   * end of the zlib stream. */
  g_output_stream_splice (out, inflated, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

typedef struct
{
  GHashTable *objects;   /* object number → the object's text (GBytes) */
  GHashTable *streams;   /* object number → its inflated stream (GBytes) */
  GString *inflated;     /* every stream inflated, one after the other */
} Pdf;

static void
pdf_load (Pdf        *pdf,
          const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  const char *p;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  pdf->objects = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) g_bytes_unref);
  pdf->streams = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) g_bytes_unref);
  /* The file itself first, then its streams inflated: the page tree may be in either. */
  pdf->inflated = g_string_new_len (data, length);

  for (p = data; (p = find_bytes (p, data + length - p, " 0 obj")) != NULL; )
    {
      const char *number = p;
      const char *end = find_bytes (p, data + length - p, "endobj");
      guint id;
      GBytes *stream;

      while (number > data && g_ascii_isdigit (number[-1]))
        number--;
      id = (guint) g_ascii_strtoull (number, NULL, 10);
      g_assert_nonnull (end);
      g_hash_table_insert (pdf->objects, GUINT_TO_POINTER (id), g_bytes_new (p, end - p));
      if ((stream = object_stream (p, end - p)) != NULL)
        {
          g_string_append_len (pdf->inflated, g_bytes_get_data (stream, NULL),
                               g_bytes_get_size (stream));
          g_string_append_c (pdf->inflated, '\n');
          g_hash_table_insert (pdf->streams, GUINT_TO_POINTER (id), stream);
        }
      p = end;
    }
}

static void
pdf_clear (Pdf *pdf)
{
  g_clear_pointer (&pdf->objects, g_hash_table_unref);
  g_clear_pointer (&pdf->streams, g_hash_table_unref);
  if (pdf->inflated != NULL)
    g_string_free (g_steal_pointer (&pdf->inflated), TRUE);
}

/* The page tree's /Count: cairo keeps it in a compressed object stream. */
static guint
pdf_page_count (Pdf *pdf)
{
  g_autoptr(GRegex) regex = g_regex_new ("/Type /Pages[^>]*/Count (\\d+)", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *count = NULL;

  if (!g_regex_match_full (regex, pdf->inflated->str, pdf->inflated->len, 0, 0, &match, NULL))
    return 0;
  count = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (count, NULL, 10);
}

/* The number after @key in @text ("/ToUnicode 35 0 R" → 35), 0 without. */
static guint
reference_after (const char *text,
                 const char *key)
{
  const char *p = strstr (text, key);

  return p != NULL ? (guint) g_ascii_strtoull (p + strlen (key), NULL, 10) : 0;
}

/* A font's ToUnicode map, code → UTF-8, and how many bytes a code takes. */
static GHashTable *
font_map (Pdf   *pdf,
          guint  font,
          guint *code_bytes)
{
  GHashTable *map = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  GBytes *object = g_hash_table_lookup (pdf->objects, GUINT_TO_POINTER (font));
  g_autofree char *text = NULL;
  g_autofree char *cmap = NULL;
  GBytes *stream;
  g_autoptr(GRegex) pair = g_regex_new ("<([0-9a-fA-F]+)> *<([0-9a-fA-F]+)>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  const char *bfchar;

  g_assert_nonnull (object);
  text = g_strndup (g_bytes_get_data (object, NULL), g_bytes_get_size (object));
  stream = g_hash_table_lookup (pdf->streams,
                                GUINT_TO_POINTER (reference_after (text, "/ToUnicode ")));
  g_assert_nonnull (stream);
  cmap = g_strndup (g_bytes_get_data (stream, NULL), g_bytes_get_size (stream));
  *code_bytes = strstr (cmap, "<0000> <ffff>") != NULL ? 2 : 1;

  bfchar = strstr (cmap, "beginbfchar");
  g_assert_nonnull (bfchar);
  g_regex_match (pair, bfchar, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *code = g_match_info_fetch (match, 1);
      g_autofree char *unicode = g_match_info_fetch (match, 2);
      g_autoptr(GString) utf8 = g_string_new (NULL);

      for (gsize i = 0; i + 4 <= strlen (unicode); i += 4)
        {
          g_autofree char *unit = g_strndup (unicode + i, 4);

          g_string_append_unichar (utf8, (gunichar) g_ascii_strtoull (unit, NULL, 16));
        }
      g_hash_table_insert (map, GUINT_TO_POINTER (g_ascii_strtoull (code, NULL, 16)),
                           g_string_free (g_steal_pointer (&utf8), FALSE));
      g_match_info_next (match, NULL);
    }
  return map;
}

/* Appends the text of a shown string's codes. */
static void
decode (GString    *out,
        GHashTable *map,
        guint       code_bytes,
        const guint8 *codes,
        gsize       n)
{
  for (gsize i = 0; i + code_bytes <= n; i += code_bytes)
    {
      guint code = code_bytes == 2 ? (guint) (codes[i] << 8 | codes[i + 1]) : codes[i];
      const char *text = g_hash_table_lookup (map, GUINT_TO_POINTER (code));

      g_string_append (out, text != NULL ? text : "?");
    }
}

/* The text of every page's content streams, decoded through each font's ToUnicode map, with
 * all white space left out (layout breaks lines anywhere). */
static char *
pdf_text (Pdf *pdf)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GRegex) fonts = g_regex_new ("/(f-\\d+-\\d+) (\\d+) 0 R", 0, 0, NULL);
  g_autoptr(GHashTable) maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* Font names to fonts, from the pages' resources. */
  g_hash_table_iter_init (&iter, pdf->objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (value, NULL),
                                         g_bytes_get_size (value));
      g_autoptr(GMatchInfo) match = NULL;

      if (strstr (text, "/Font") == NULL || strstr (text, "stream") != NULL)
        continue;
      g_regex_match (fonts, text, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autofree char *id = g_match_info_fetch (match, 2);
          guint code_bytes;

          if (!g_hash_table_contains (maps, name))
            {
              GHashTable *map = font_map (pdf, (guint) g_ascii_strtoull (id, NULL, 10),
                                          &code_bytes);

              g_hash_table_insert (maps, g_strdup (name), map);
              g_hash_table_insert (widths, g_strdup (name), GUINT_TO_POINTER (code_bytes));
            }
          g_match_info_next (match, NULL);
        }
    }

  /* The content streams, in object order, shown strings in ( ) and < >. */
  for (guint id = 1; id < 100000; id++)
    {
      GBytes *stream = g_hash_table_lookup (pdf->streams, GUINT_TO_POINTER (id));
      const char *p, *end;
      GHashTable *map = NULL;
      guint code_bytes = 1;
      gboolean in_text = FALSE;
      gboolean replaced = FALSE;

      if (stream == NULL)
        continue;
      p = g_bytes_get_data (stream, NULL);
      end = p + g_bytes_get_size (stream);
      if (find_bytes (p, end - p, " Tf") == NULL || find_bytes (p, end - p, "BT") == NULL)
        continue;
      while (p < end)
        {
          if (p + 1 < end && p[0] == 'B' && p[1] == 'T')
            in_text = TRUE;
          else if (p + 1 < end && p[0] == 'E' && p[1] == 'T')
            in_text = FALSE;
          if (p + 2 < end && p[0] == 'E' && p[1] == 'M' && p[2] == 'C')
            replaced = FALSE;
          /* A dictionary: of marked content that gives its text (a ligature's "fi"), that
           * text, in place of the glyphs shown up to EMC. */
          if (*p == '<' && p + 1 < end && p[1] == '<')
            {
              const char *close = find_bytes (p, end - p, ">>");
              const char *actual;

              close = close != NULL ? close : end;
              actual = find_bytes (p, close - p, "/ActualText <");
              if (actual != NULL && in_text)
                {
                  /* UTF-16BE after the byte order mark FEFF; ligatures are in the BMP. */
                  for (const char *h = actual + strlen ("/ActualText <") + 4;
                       h + 4 <= close && g_ascii_isxdigit (*h); h += 4)
                    {
                      g_autofree char *unit = g_strndup (h, 4);

                      g_string_append_unichar (out, (gunichar) g_ascii_strtoull (unit, NULL, 16));
                    }
                  replaced = TRUE;
                }
              p = close + 2;
              continue;
            }
          if (*p == '/' && in_text)
            {
              const char *name_end = p + 1;
              g_autofree char *name = NULL;

              while (name_end < end && !g_ascii_isspace (*name_end))
                name_end++;
              name = g_strndup (p + 1, name_end - p - 1);
              if (g_hash_table_contains (maps, name))
                {
                  map = g_hash_table_lookup (maps, name);
                  code_bytes = GPOINTER_TO_UINT (g_hash_table_lookup (widths, name));
                }
              p = name_end;
              continue;
            }
          if (*p == '(' && in_text && map != NULL && !replaced)
            {
              g_autoptr(GByteArray) codes = g_byte_array_new ();

              for (p++; p < end && *p != ')'; p++)
                {
                  guint8 byte = (guint8) *p;

                  if (*p == '\\' && p + 1 < end)
                    {
                      p++;
                      if (*p >= '0' && *p <= '7')
                        {
                          guint octal = 0;

                          for (guint k = 0; k < 3 && p < end && *p >= '0' && *p <= '7'; k++)
                            octal = octal * 8 + (guint) (*p++ - '0');
                          p--;
                          byte = (guint8) octal;
                        }
                      else
                        byte = *p == 'n' ? '\n' : *p == 'r' ? '\r' : (guint8) *p;
                    }
                  g_byte_array_append (codes, &byte, 1);
                }
              decode (out, map, code_bytes, codes->data, codes->len);
            }
          else if (*p == '<' && in_text && map != NULL && !replaced)
            {
              g_autoptr(GByteArray) codes = g_byte_array_new ();

              for (p++; p + 1 < end && g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]); p += 2)
                {
                  char hex[3] = { p[0], p[1], 0 };
                  guint8 byte = (guint8) g_ascii_strtoull (hex, NULL, 16);

                  g_byte_array_append (codes, &byte, 1);
                }
              decode (out, map, code_bytes, codes->data, codes->len);
            }
          p++;
        }
    }

  /* White space out: lines break and words are spaced by position, not by characters. */
  {
    g_autoptr(GString) packed = g_string_new (NULL);

    for (const char *c = out->str; *c != '\0'; c = g_utf8_next_char (c))
      if (!g_unichar_isspace (g_utf8_get_char (c)))
        g_string_append_unichar (packed, g_utf8_get_char (c));
    return g_string_free (g_steal_pointer (&packed), FALSE);
  }
}

static void
assert_has_text (const char *text,
                 const char *needle)
{
  g_autoptr(GString) packed = g_string_new (NULL);

  for (const char *c = needle; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (packed, g_utf8_get_char (c));
  if (strstr (text, packed->str) == NULL)
    g_error ("“%s” is not in the PDF's text: %s", needle, text);
}

/* Writes the report and reads it back: pages, sizes and the text of every section. */
static void
test_pdf (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autoptr(GPtrArray) suggestions = rapport_coach_suggest (report, NULL);
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Pdf pdf = { 0 };
  guint n_pages = 0;

  g_assert_true (rapport_export_write_pdf (report, suggestions, path, RAPPORT_PAPER_A4, &n_pages,
                                           &error));
  g_assert_no_error (error);
  pdf_load (&pdf, path);
  /* The account's chart, figures and suggestions take more than a page. */
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (pdf_page_count (&pdf), ==, n_pages);
  g_assert_nonnull (find_bytes (pdf.inflated->str, pdf.inflated->len,
                                "/MediaBox [ 0 0 595.28 841.89 ]"));

  text = pdf_text (&pdf);
  assert_has_text (text, "@jo on Instagram");
  assert_has_text (text, "Jo Doe");
  /* The chart's legend, and each section with a figure of its own. */
  assert_has_text (text, "Followers and engagement");
  assert_has_text (text, "Median engagement rate, 30 days");
  assert_has_text (text, "Key figures");
  assert_has_text (text, "Posts with interactions counted 60");
  assert_has_text (text, "Reciprocity");
  assert_has_text (text, "Accounts you follow that do not follow back 1");
  assert_has_text (text, "Follow-back ratio");
  /* Names no Instagram handle can be are shown without an "@". */
  assert_has_text (text, "Not following back: say \"hi\"");
  assert_has_text (text, "Follower churn");
  /* The newest step: gained bo and "new\nline" (its newline shown, not obeyed), lost =cmd. */
  assert_has_text (text, "Gained: @bo, new\\x0aline");
  assert_has_text (text, "Lost: =cmd");
  assert_has_text (text, "Hashtags");
  assert_has_text (text, "#f4f");
  assert_has_text (text, "Suggestions");
  g_assert_cmpuint (suggestions->len, >, 0);
  for (guint i = 0; i < suggestions->len; i++)
    assert_has_text (text, ((RapportSuggestion *) g_ptr_array_index (suggestions, i))->title);
  assert_has_text (text, "Evidence:");
  assert_has_text (text, "Data coverage");
  /* The footer of the last page. */
  {
    g_autofree char *last = g_strdup_printf ("%u/%u", n_pages, n_pages);

    assert_has_text (text, last);
  }

  pdf_clear (&pdf);
  rapport_test_remove_tree (dir);
}

/* A section the report lacks says why instead: without lists, no reciprocity figures. */
static void
test_pdf_missing_section (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = NULL;
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  Pdf pdf = { 0 };

  g_ptr_array_set_size (dataset->snapshots, 0);
  report = compute (dataset);
  g_assert_true (rapport_export_write_pdf (report, NULL, path, RAPPORT_PAPER_LETTER, NULL,
                                           &error));
  g_assert_no_error (error);
  pdf_load (&pdf, path);
  g_assert_nonnull (find_bytes (pdf.inflated->str, pdf.inflated->len,
                                "/MediaBox [ 0 0 612 792 ]"));
  text = pdf_text (&pdf);
  assert_has_text (text, "Reciprocity");
  assert_has_text (text, "Not available:");
  g_assert_null (strstr (text, "Followbackratio"));
  g_assert_null (strstr (text, "Gained:"));
  assert_has_text (text, "None: no rule found enough");
  assert_has_text (text, "Follower churn");
  pdf_clear (&pdf);

  /* A LinkedIn account's lists are of connections, each both ways. */
  g_clear_pointer (&dataset, rapport_dataset_free);
  dataset = build_dataset ();
  dataset->platform = RAPPORT_PLATFORM_LINKEDIN;
  g_clear_pointer (&report, rapport_report_free);
  g_clear_pointer (&text, g_free);
  report = compute (dataset);
  g_assert_true (rapport_export_write_pdf (report, NULL, path, RAPPORT_PAPER_LETTER, NULL,
                                           &error));
  g_assert_no_error (error);
  pdf_load (&pdf, path);
  text = pdf_text (&pdf);
  assert_has_text (text, "Connection churn");
  assert_has_text (text, "Gained and lost connections");
  g_assert_null (strstr (text, "Follower churn"));
  assert_has_text (text, "Connections (each both ways)");
  g_assert_null (strstr (text, "Follow-back ratio"));
  pdf_clear (&pdf);
  rapport_test_remove_tree (dir);
}

static void
test_pdf_error (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_export_write_pdf (report, NULL, "/nonexistent/folder/report.pdf",
                                            RAPPORT_PAPER_A4, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  rapport_test_assert_contains (error->message, "Could not write “/nonexistent/folder/report.pdf”");
}

static void
test_paper (void)
{
  RapportPaper paper = RAPPORT_PAPER_A4;
  double width, height;

  g_assert_cmpint (rapport_paper_for_locale_name ("en_US.UTF-8"), ==, RAPPORT_PAPER_LETTER);
  g_assert_cmpint (rapport_paper_for_locale_name ("fr_CA"), ==, RAPPORT_PAPER_LETTER);
  g_assert_cmpint (rapport_paper_for_locale_name ("es_MX.UTF-8@euro"), ==, RAPPORT_PAPER_LETTER);
  g_assert_cmpint (rapport_paper_for_locale_name ("en_GB.UTF-8"), ==, RAPPORT_PAPER_A4);
  g_assert_cmpint (rapport_paper_for_locale_name ("de_DE"), ==, RAPPORT_PAPER_A4);
  /* "en_USX" is no region of the list. */
  g_assert_cmpint (rapport_paper_for_locale_name ("en_USX"), ==, RAPPORT_PAPER_A4);
  g_assert_cmpint (rapport_paper_for_locale_name ("C.UTF-8"), ==, RAPPORT_PAPER_A4);
  g_assert_cmpint (rapport_paper_for_locale_name (NULL), ==, RAPPORT_PAPER_A4);
  /* The tests run in C.UTF-8. */
  g_assert_cmpint (rapport_paper_from_locale (), ==, RAPPORT_PAPER_A4);

  g_assert_true (rapport_paper_parse ("Letter", &paper));
  g_assert_cmpint (paper, ==, RAPPORT_PAPER_LETTER);
  g_assert_true (rapport_paper_parse ("a4", &paper));
  g_assert_cmpint (paper, ==, RAPPORT_PAPER_A4);
  g_assert_false (rapport_paper_parse ("legal", &paper));
  rapport_paper_get_size (RAPPORT_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

/* The pages drawn on images, as a printer would get them: each page has ink, and a narrow
 * page takes more of them.  RAPPORT_TEST_PAGES_DIR keeps the PNGs to look at. */
static void
test_pages_drawn (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autoptr(GPtrArray) suggestions = rapport_coach_suggest (report, NULL);
  g_autoptr(RapportExportDocument) document = rapport_export_document_new (report, suggestions);
  const char *keep = g_getenv ("RAPPORT_TEST_PAGES_DIR");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  guint n_pages, n_narrow;

  n_pages = rapport_export_document_paginate (document, context, 595 - 2 * 56.7, 842 - 2 * 56.7);
  g_assert_cmpuint (n_pages, >=, 2);
  for (guint page = 0; page < n_pages; page++)
    {
      guint8 *data;
      guint dark = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_save (cr);
      cairo_translate (cr, 56.7, 56.7);
      rapport_export_document_draw_page (document, cr, page);
      cairo_restore (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      for (int y = 0; y < 842; y++)
        for (int x = 0; x < 595; x++)
          if (data[y * cairo_image_surface_get_stride (surface) + 4 * x + 1] < 128)
            dark++;
      g_assert_cmpuint (dark, >, 500);
      if (keep != NULL)
        {
          g_autofree char *name = g_strdup_printf ("page-%u.png", page + 1);
          g_autofree char *path = g_build_filename (keep, name, NULL);

          cairo_surface_write_to_png (surface, path);
        }
    }
  n_narrow = rapport_export_document_paginate (document, context, 300, 842 - 2 * 56.7);
  g_assert_cmpuint (n_narrow, >, n_pages);
  g_assert_cmpuint (rapport_export_document_get_n_pages (document), ==, n_narrow);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Reads @text as CSV and returns the column @name of each row. */
static GPtrArray *
csv_column (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (bytes, "table.csv");
  g_autoptr(GError) error = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  int column;

  g_assert_true (rapport_csv_reader_read_header (reader, &error));
  g_assert_no_error (error);
  column = rapport_csv_reader_find_column (reader, name);
  g_assert_cmpint (column, >=, 0);
  while (rapport_csv_reader_next (reader, &error))
    g_ptr_array_add (values, g_strdup (rapport_csv_reader_get_column (reader, column)));
  g_assert_no_error (error);
  return values;
}

static char *
read_table (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Every table written and read back through the project's CSV reader: hostile names come back
 * whole, a formula only with the "'" that keeps a spreadsheet from running it. */
static void
test_csv_round_trip (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autoptr(GPtrArray) suggestions = rapport_coach_suggest (report, NULL);
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "tables", NULL);
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  g_assert_true (rapport_export_csv_write_dir (report, suggestions, out, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, RAPPORT_EXPORT_N_TABLES);

  {
    g_autofree char *text = read_table (out, "followers-gained.csv");
    g_autoptr(GPtrArray) handles = csv_column (text, "handle");

    g_assert_cmpuint (handles->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (handles, 0), ==, "bo");
    g_assert_cmpstr (g_ptr_array_index (handles, 1), ==, "new\nline");
  }
  {
    g_autofree char *text = read_table (out, "followers-lost.csv");
    g_autoptr(GPtrArray) handles = csv_column (text, "handle");
    g_autoptr(GPtrArray) since = csv_column (text, "since");

    g_assert_cmpuint (handles->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (handles, 0), ==, "'=cmd");
    g_assert_cmpstr (g_ptr_array_index (since, 0), ==, "2024-01-04T00:00:00Z");
  }
  {
    g_autofree char *text = read_table (out, "not-following-back.csv");
    g_autoptr(GPtrArray) handles = csv_column (text, "handle");

    g_assert_cmpuint (handles->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (handles, 0), ==, "say \"hi\"");
  }
  {
    g_autofree char *text = read_table (out, "mutuals.csv");
    g_autoptr(GPtrArray) handles = csv_column (text, "handle");

    g_assert_cmpuint (handles->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (handles, 0), ==, "ana");
  }
  {
    g_autofree char *text = read_table (out, "fans.csv");
    g_autoptr(GPtrArray) handles = csv_column (text, "handle");

    g_assert_cmpuint (handles->len, ==, 2);
  }
  {
    g_autofree char *text = read_table (out, "posts.csv");
    g_autoptr(GPtrArray) texts = csv_column (text, "text");
    g_autoptr(GPtrArray) likes = csv_column (text, "likes");
    g_autoptr(GPtrArray) rates = csv_column (text, "engagement_rate");
    g_autoptr(GPtrArray) shares = csv_column (text, "shares");
    g_autoptr(GPtrArray) tags = csv_column (text, "hashtags");

    g_assert_cmpuint (texts->len, ==, N_POSTS);
    g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "'=SUM(A1) post 0, \"quoted\"");
    g_assert_cmpstr (g_ptr_array_index (likes, 59), ==, "69");
    /* 69 likes of 1,000 followers; an unknown count is an empty field, not 0. */
    g_assert_cmpstr (g_ptr_array_index (rates, 59), ==, "0.069");
    g_assert_cmpstr (g_ptr_array_index (shares, 0), ==, "");
    g_assert_cmpstr (g_ptr_array_index (tags, 0), ==, "f4f cats");
  }
  {
    g_autofree char *text = read_table (out, "followers-series.csv");
    g_autoptr(GPtrArray) days = csv_column (text, "day");
    g_autoptr(GPtrArray) kinds = csv_column (text, "kind");

    g_assert_cmpuint (days->len, ==, 131);
    g_assert_cmpstr (g_ptr_array_index (days, 0), ==, "2024-01-01");
    g_assert_cmpstr (g_ptr_array_index (kinds, 0), ==, "real");
  }
  {
    g_autofree char *text = read_table (out, "bait-tags.csv");
    g_autoptr(GPtrArray) tags = csv_column (text, "tag");
    g_autoptr(GPtrArray) posts = csv_column (text, "posts");

    g_assert_cmpuint (tags->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (tags, 0), ==, "f4f");
    g_assert_cmpstr (g_ptr_array_index (posts, 0), ==, "30");
  }
  {
    g_autofree char *text = read_table (out, "suggestions.csv");
    g_autoptr(GPtrArray) titles = csv_column (text, "title");

    g_assert_cmpuint (titles->len, ==, suggestions->len);
    for (guint i = 0; i < suggestions->len; i++)
      g_assert_cmpstr (g_ptr_array_index (titles, i), ==,
                       ((RapportSuggestion *) g_ptr_array_index (suggestions, i))->title);
  }

  rapport_test_remove_tree (dir);
}

/* Without a second follower list and without lists at all, the tables of people are left out
 * rather than written empty. */
static void
test_csv_missing_tables (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = NULL;
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *gained = g_build_filename (dir, "followers-gained.csv", NULL);
  g_autofree char *posts = g_build_filename (dir, "posts.csv", NULL);
  guint n_written = 0;

  g_ptr_array_set_size (dataset->snapshots, 0);
  report = compute (dataset);
  g_assert_null (rapport_export_csv_table (report, NULL, RAPPORT_EXPORT_TABLE_MUTUALS));
  g_assert_true (rapport_export_csv_write_dir (report, NULL, dir, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, RAPPORT_EXPORT_N_TABLES - 5);
  g_assert_false (g_file_test (gained, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (posts, G_FILE_TEST_EXISTS));

  g_assert_false (rapport_export_csv_write_dir (report, NULL, posts, NULL, &error));
  g_assert_nonnull (error);
  rapport_test_assert_contains (error->message, "posts.csv");
  rapport_test_remove_tree (dir);
}

static void
test_chart_image (void)
{
  g_autoptr(RapportDataset) dataset = build_dataset ();
  g_autoptr(RapportReport) report = compute (dataset);
  g_autofree char *dir = rapport_test_make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  RapportExportImageFormat format;
  cairo_surface_t *image;
  gsize length;

  g_assert_true (rapport_export_image_format_for_path (png, &format));
  g_assert_cmpint (format, ==, RAPPORT_EXPORT_IMAGE_PNG);
  g_assert_true (rapport_export_chart_write (report, png, format, 640, 320, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 320);
  cairo_surface_destroy (image);

  g_assert_true (rapport_export_image_format_for_path (svg, &format));
  g_assert_cmpint (format, ==, RAPPORT_EXPORT_IMAGE_SVG);
  g_assert_true (rapport_export_chart_write (report, svg, format, 640, 320, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &data, &length, NULL));
  rapport_test_assert_contains (data, "<svg");
  /* A line of followers and 60 dots of posts. */
  rapport_test_assert_contains (data, "<path");

  g_assert_false (rapport_export_image_format_for_path ("chart.jpg", &format));
  g_assert_true (rapport_export_chart_has_data (report));
  rapport_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/pdf", test_pdf);
  g_test_add_func ("/export/pdf-missing-section", test_pdf_missing_section);
  g_test_add_func ("/export/pdf-error", test_pdf_error);
  g_test_add_func ("/export/paper", test_paper);
  g_test_add_func ("/export/pages-drawn", test_pages_drawn);
  g_test_add_func ("/export/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/export/csv-missing-tables", test_csv_missing_tables);
  g_test_add_func ("/export/chart-image", test_chart_image);
  return g_test_run ();
}
