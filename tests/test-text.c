/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/rapport-text.h"

static void
assert_repair (const char *input,
               const char *expected)
{
  g_autofree char *repaired = rapport_text_repair_mojibake (input);

  g_assert_cmpstr (repaired, ==, expected);
}

static void
test_repair_mojibake (void)
{
  /* "\u00f0\u009f\u0098\u0082" as JSON decodes it: four code points below 256. */
  assert_repair ("\xc3\xb0\xc2\x9f\xc2\x98\xc2\x82", "\xf0\x9f\x98\x82");
  assert_repair ("Gef\xc3\x83\xc2\xa4llt mir", "Gef\xc3\xa4llt mir");
  assert_repair ("\xc3\xa6\xc2\x9d\xc2\xb1\xc3\xa4\xc2\xba\xc2\xac", "\xe6\x9d\xb1\xe4\xba\xac");
  assert_repair ("Sunset \xc3\xb0\xc2\x9f\xc2\x8c\xc2\x85 #beach",
                 "Sunset \xf0\x9f\x8c\x85 #beach");

  /* "caf\u00e9": the byte 0xe9 alone is not UTF-8, so this is real Latin-1 text. */
  assert_repair ("caf\xc3\xa9", "caf\xc3\xa9");
  /* Text mis-encoded in parts (Threads): each run is repaired on its own, beside proper text
   * with code points >= 256 and beside real Latin-1. */
  assert_repair ("\xf0\x9f\x98\x82 caf\xc3\x83\xc2\xa9", "\xf0\x9f\x98\x82 caf\xc3\xa9");
  assert_repair ("\xe2\x80\x94 caf\xc3\xa9 \xc3\xa2\xc2\x80\xc2\x94 ok",
                 "\xe2\x80\x94 caf\xc3\xa9 \xe2\x80\x94 ok");
  /* Real Latin-1 right before a mis-encoded emoji: "café" then the bytes of 😂. */
  assert_repair ("caf\xc3\xa9\xc3\xb0\xc2\x9f\xc2\x98\xc2\x82", "caf\xc3\xa9\xf0\x9f\x98\x82");
  /* A sequence cut short, an overlong form and a lone continuation byte stay as they were. */
  assert_repair ("\xc3\xb0\xc2\x9f\xc2\x98 x", "\xc3\xb0\xc2\x9f\xc2\x98 x");
  assert_repair ("\xc3\x80\xc2\xaf|\xc2\x80", "\xc3\x80\xc2\xaf|\xc2\x80");
  /* A surrogate's bytes are no character. */
  assert_repair ("\xc3\xad\xc2\xa0\xc2\x80", "\xc3\xad\xc2\xa0\xc2\x80");
  assert_repair ("plain ascii", "plain ascii");
  assert_repair ("", "");
  /* Invalid input is returned unchanged rather than guessed at. */
  assert_repair ("bad \xff byte", "bad \xff byte");
  g_assert_null (rapport_text_repair_mojibake (NULL));
}

static void
assert_strv (char       **actual,
             const char  *first,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_autofree char *actual_joined = NULL;
  g_autofree char *expected_joined = NULL;
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  expected = g_strv_builder_end (builder);

  g_assert_nonnull (actual);
  actual_joined = g_strjoinv ("|", actual);
  expected_joined = g_strjoinv ("|", expected);
  g_assert_cmpstr (actual_joined, ==, expected_joined);
  g_assert_cmpuint (g_strv_length (actual), ==, g_strv_length (expected));
  g_strfreev (actual);
}

static void
test_hashtags (void)
{
  assert_strv (rapport_text_extract_hashtags ("Sunset #Beach #beach #sunset2024 a#b #123 "
                                              "https://x.example/page#anchor #_ ##double"),
               "beach", "sunset2024", "double", NULL);
  /* German and Japanese tags; the ideographic comma ends a tag. */
  assert_strv (rapport_text_extract_hashtags ("#Gr\xc3\xb6\xc3\x9f" "e und #M\xc3\x9c" "NCHEN "
                                              "#\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf"
                                              "\xe3\x83\xbc\xe3\x80\x81" "ok"),
               "gr\xc3\xb6\xc3\x9f" "e", "m\xc3\xbc" "nchen",
               "\xe6\x9d\xb1\xe4\xba\xac\xe3\x82\xbf\xe3\x83\xaf\xe3\x83\xbc", NULL);
  /* Punctuation and emoji end a tag; a tag may follow an emoji directly. */
  assert_strv (rapport_text_extract_hashtags ("(#art), #tag!\xf0\x9f\x98\x82#emoji #1st"),
               "art", "tag", "emoji", "1st", NULL);
  /* A full-width sign opens a tag too. */
  assert_strv (rapport_text_extract_hashtags ("\xef\xbc\x83" "Fuji"), "fuji", NULL);
  assert_strv (rapport_text_extract_hashtags ("no tags here"), NULL);
  assert_strv (rapport_text_extract_hashtags (""), NULL);
  assert_strv (rapport_text_extract_hashtags (NULL), NULL);
}

static void
test_mentions (void)
{
  assert_strv (rapport_text_extract_mentions ("Thanks @Jo.Doe. and @anna_b, mail me at jo@example.org, "
                                              "@jo.doe again @ @. @\xc3\xbcnal"),
               "jo.doe", "anna_b", "\xc3\xbcnal", NULL);
  assert_strv (rapport_text_extract_mentions ("with @studio_7 and @42"), "studio_7", "42", NULL);
  assert_strv (rapport_text_extract_mentions ("#tag only"), NULL);
  assert_strv (rapport_text_extract_mentions (NULL), NULL);
}

/* What a message quotes of a file: valid UTF-8, trimmed, cut after 40 characters. */
static void
test_excerpt (void)
{
  g_autofree char *none = rapport_text_excerpt (NULL);
  g_autofree char *short_one = rapport_text_excerpt ("  Smarch 3 ");
  g_autofree char *broken = rapport_text_excerpt ("caf\xe9 \xff");
  g_autofree char *long_one = rapport_text_excerpt ("ääääääääääääääääääääääääääääääääääääääääääää");

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (short_one, ==, "Smarch 3");
  g_assert_cmpstr (broken, ==, "caf\xef\xbf\xbd \xef\xbf\xbd");
  g_assert_cmpuint (g_utf8_strlen (long_one, -1), ==, 41);
  g_assert_true (g_str_has_suffix (long_one, "ää…"));
}

static void
assert_text (const char *html,
             const char *text)
{
  g_autofree char *converted = rapport_text_from_html (html);

  g_assert_cmpstr (converted, ==, text);
}

static void
test_from_html (void)
{
  assert_text (NULL, NULL);
  assert_text ("<p></p>", NULL);
  assert_text ("<p>a</p><p>b<br>c<BR/>d</p>", "a\n\nb\nc\nd");
  assert_text ("&lt;b&gt; &quot;q&quot; &apos;&#39;&#x1F600;", "<b> \"q\" ''\U0001F600");
  /* Entities that are none stay as written, and code points that are none too. */
  assert_text ("&#0; &#xD800; &#99999999999; & &; &amp", "&#0; &#xD800; &#99999999999; & &; &amp");
  assert_text ("&#-5; &# 65; &#x; &#65x;", "&#-5; &# 65; &#x; &#65x;");
  assert_text ("a\nb<span class=\"invisible\">https://</span>x", "a bhttps://x");
  /* A tag that never closes ends the text; invalid UTF-8 is replaced. */
  assert_text ("ok <a href=", "ok");
  assert_text ("\xff" "ok", "\uFFFDok");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/repair-mojibake", test_repair_mojibake);
  g_test_add_func ("/text/hashtags", test_hashtags);
  g_test_add_func ("/text/mentions", test_mentions);
  g_test_add_func ("/text/excerpt", test_excerpt);
  g_test_add_func ("/text/from-html", test_from_html);

  return g_test_run ();
}
