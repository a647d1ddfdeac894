/* rapport-medium-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Medium's export is a zip of HTML pages in folders (FORMATS.md, "Medium").  What is read:
 * - posts/: one page per story, with its <title>, and in its <footer> a
 *   <time class="dt-published" datetime="…"> and an <a class="p-canonical" href="…"> whose
 *   address ends in the story's id.  Drafts are the pages named draft_…: they were never
 *   posts and are left out without a skip.  A page not named so but without a publish date
 *   is skipped with a reason, so that it shows in the summary.
 * - users-following/ and pubs-following/: h-card links to https://medium.com/@name, and for
 *   publications (FORMATS.md is silent on them) links to https://medium.com/<slug>; they form
 *   one following list.  There is no followers list: none is ever begun.
 * - profile/: whose export it is.  FORMATS.md does not describe the page, so it is read
 *   tolerantly: the first link to a profile gives the handle, a "Display name:" line or a
 *   p-name other than the page's own heading the name.
 * Claps, bookmarks, highlights, lists, sessions and the like are not the creator's audience
 * and are left alone without a word.
 *
 * Pages go through libxml2's HTML parser, which never fetches anything (HTML_PARSE_NONET) and
 * decodes entities itself; text is taken from text nodes only, scripts and styles left out.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "core/rapport-dates.h"
#include "core/rapport-import-error.h"
#include "core/rapport-text.h"
#include "import/rapport-export-name.h"
#include "import/rapport-medium-importer.h"
#include "import/rapport-medium-private.h"

/* Text gathered of a title or a summary, in bytes, before it is cleaned. */
#define MAX_TEXT_BYTES 4096
/* How much of a page is looked at to recognise a story. */
#define SNIFF_BYTES (256 * 1024)
#define SNIFF_PAGES 3

typedef enum
{
  FOLDER_OTHER,
  FOLDER_POSTS,
  FOLDER_USERS,
  FOLDER_PUBS,
  FOLDER_PROFILE,
} Folder;

/* The folder an HTML page of the export is in, its name compared without case and with
 * spaces or underscores for dashes ("Users following", "users_following"). */
static Folder
folder_of (const char *entry)
{
  static const struct { const char *name; Folder folder; } folders[] = {
    { "posts", FOLDER_POSTS },
    { "users-following", FOLDER_USERS },
    { "pubs-following", FOLDER_PUBS },
    { "profile", FOLDER_PROFILE },
  };
  g_autofree char *folder = NULL;
  const char *slash = strrchr (entry, '/');
  const char *dot = strrchr (entry, '.');
  const char *start;

  if (slash == NULL || dot == NULL || dot < slash ||
      (g_ascii_strcasecmp (dot, ".html") != 0 && g_ascii_strcasecmp (dot, ".htm") != 0))
    return FOLDER_OTHER;
  for (start = slash; start > entry && start[-1] != '/'; start--)
    ;
  folder = g_ascii_strdown (start, slash - start);
  g_strdelimit (folder, " _", '-');
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    if (strcmp (folder, folders[i].name) == 0)
      return folders[i].folder;
  return FOLDER_OTHER;
}

static const char *
base_name (const char *entry)
{
  const char *slash = strrchr (entry, '/');

  return slash != NULL ? slash + 1 : entry;
}

static gboolean
is_draft (const char *entry)
{
  return g_ascii_strncasecmp (base_name (entry), "draft_", 6) == 0;
}

char *
rapport_medium_story_id (const char *url_or_name)
{
  g_autofree char *path = NULL;
  const char *segment;
  const char *id;
  char *dot;
  gsize len;

  g_return_val_if_fail (url_or_name != NULL, NULL);

  path = g_strndup (url_or_name, strcspn (url_or_name, "?#"));
  while (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  segment = base_name (path);
  if ((dot = strrchr (segment, '.')) != NULL && g_ascii_strcasecmp (dot, ".html") == 0)
    *dot = '\0';
  id = strrchr (segment, '-');
  id = id != NULL ? id + 1 : segment;
  /* Story ids are 12 hex digits; older ones have 10 or 11. */
  len = strlen (id);
  if (len < 8 || len > 16 || strspn (id, "0123456789abcdef") != len)
    return NULL;
  return g_strdup (id);
}

/* ── pages ──────────────────────────────────────────────────────────────────────────────── */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_hidden (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE &&
         rapport_medium_is_hidden_element ((const char *) node->name);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = strlen ((const char *) value) <= RAPPORT_MEDIUM_MAX_URL_BYTES
         ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  g_autofree char *classes = get_attribute (node, "class");
  g_auto(GStrv) tokens = NULL;

  if (classes == NULL)
    return FALSE;
  g_strdelimit (classes, "\t\n\r\f", ' ');
  tokens = g_strsplit (classes, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* Elements within a line of text: they part no words. */
static gboolean
is_inline (xmlNode *node)
{
  static const char * const names[] = {
    "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s",
    "small", "span", "strong", "sub", "sup", "time", "u",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (is_element (node, names[i]))
      return TRUE;
  return FALSE;
}

/* The text of @node's descendants, at most MAX_TEXT_BYTES of it; a line break or a block
 * between two words leaves a space. */
static void
append_text (GString *text,
             xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL && text->len < MAX_TEXT_BYTES; n = n->next)
    {
      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        g_string_append_len (text, (const char *) n->content,
                             MIN (strlen ((const char *) n->content),
                                  MAX_TEXT_BYTES - text->len));
      else if (n->type == XML_ELEMENT_NODE && !is_hidden (n))
        {
          gboolean apart = !is_inline (n);

          if (apart)
            g_string_append_c (text, ' ');
          append_text (text, n);
          if (apart)
            g_string_append_c (text, ' ');
        }
    }
}

/* @raw as plain text: valid UTF-8, each run of spaces (no-break spaces too) and control
 * characters one space, trimmed; NULL when nothing is left. */
static char *
clean_text (const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid (raw, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
          g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
element_text (xmlNode *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);

  append_text (raw, node);
  return clean_text (raw->str);
}

static htmlDocPtr
read_page (RapportArchive  *archive,
           const char      *entry,
           GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size = 0;
  htmlDocPtr doc;

  if (!(bytes = rapport_archive_read (archive, entry, NULL, error)))
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (size > RAPPORT_MEDIUM_MAX_PAGE_BYTES)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the page is too large to read"), entry);
      return NULL;
    }
  doc = htmlReadMemory (size > 0 ? data : "", (int) size, entry, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("%s: the page cannot be read"), entry);
    }
  return doc;
}

/* What a story's page says, each the first found. */
typedef struct
{
  char *title;     /* <title> */
  char *heading;   /* <h1 class="p-name">, for a page whose <title> is empty */
  char *summary;   /* the subtitle (data-field="subtitle" or class p-summary) */
  char *paragraph; /* else the body's first paragraph */
  char *published; /* datetime of <time class="dt-published"> */
  char *canonical; /* href of <a class="p-canonical"> */
  char *author;    /* href of <a class="p-author"> */
  gboolean entry;  /* an h-entry */
} Story;

static void
story_clear (Story *story)
{
  g_free (story->title);
  g_free (story->heading);
  g_free (story->summary);
  g_free (story->paragraph);
  g_free (story->published);
  g_free (story->canonical);
  g_free (story->author);
}

static gboolean
is_subtitle (xmlNode *node)
{
  g_autofree char *field = get_attribute (node, "data-field");

  return g_strcmp0 (field, "subtitle") == 0 || has_class (node, "p-summary");
}

static void
walk_story (Story   *story,
            xmlNode *node,
            gboolean in_frame)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || is_hidden (n))
        continue;
      if (has_class (n, "h-entry"))
        story->entry = TRUE;
      if (is_element (n, "title") && story->title == NULL)
        story->title = element_text (n);
      else if (is_element (n, "h1") && has_class (n, "p-name") && story->heading == NULL)
        story->heading = element_text (n);
      else if (is_element (n, "time") && has_class (n, "dt-published") &&
               story->published == NULL)
        story->published = get_attribute (n, "datetime");
      else if (is_element (n, "a") && has_class (n, "p-canonical") && story->canonical == NULL)
        story->canonical = get_attribute (n, "href");
      else if (is_element (n, "a") && has_class (n, "p-author") && story->author == NULL)
        story->author = get_attribute (n, "href");
      else if (story->summary == NULL && is_subtitle (n))
        {
          story->summary = element_text (n);
          continue;
        }
      else if (is_element (n, "p") && !in_frame && story->paragraph == NULL)
        story->paragraph = element_text (n);

      walk_story (story, n->children,
                  in_frame || is_element (n, "header") || is_element (n, "footer"));
    }
}

/* ── the import ─────────────────────────────────────────────────────────────────────────── */

typedef struct
{
  char *platform_id;
  char *url;
  char *text;
  gint64 created_at;
} Published;

static void
published_free (gpointer data)
{
  Published *published = data;

  g_free (published->platform_id);
  g_free (published->url);
  g_free (published->text);
  g_free (published);
}

/* What the profile page says: the first link to a profile, and a name. */
typedef struct
{
  char *handle;
  char *display_name;
} Profile;

typedef struct
{
  RapportArchive *archive;
  RapportImportSink *sink;
  GCancellable *cancellable;
  /* Published, read before the account is known; handed over as soon as it is. */
  GPtrArray *stories;
  Profile *profile;
  gboolean account_set;
  char *author;          /* the handle the first story names as its author */
  gint64 newest;         /* the newest publish time read, 0 for none */
  guint64 n_records;
} Import;

static gboolean hand_over_stories (Import   *self,
                                   gboolean  last,
                                   GError  **error);

static void
skip (Import     *self,
      const char *entry,
      const char *what,
      const char *value)
{
  g_autofree char *quoted = NULL;
  g_autofree char *reason = NULL;

  if (value == NULL)
    {
      rapport_import_sink_skip (self->sink, entry, what);
      return;
    }
  quoted = rapport_text_excerpt (value);
  /* TRANSLATORS: "no readable publish date (“yesterday”)" */
  reason = g_strdup_printf (_("%s (“%s”)"), what, quoted);
  rapport_import_sink_skip (self->sink, entry, reason);
}

/* @entry parsed into *@doc; a page that cannot be read is skipped (*@doc NULL), whatever the
 * others hold.  FALSE only when the import was cancelled. */
static gboolean
read_or_skip (Import      *self,
              const char  *entry,
              htmlDocPtr  *doc,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *doc = NULL;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (!(*doc = read_page (self->archive, entry, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      rapport_import_sink_skip_error (self->sink, entry, local_error);
    }
  return TRUE;
}

static char *
story_text (const Story *story)
{
  const char *title = story->title != NULL ? story->title : story->heading;
  const char *more = story->summary != NULL ? story->summary : story->paragraph;

  if (title != NULL && more != NULL && strcmp (title, more) != 0)
    return g_strconcat (title, "\n\n", more, NULL);
  return g_strdup (title != NULL ? title : more);
}

static gboolean
is_web_address (const char *url)
{
  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static void
read_story (Import     *self,
            const char *entry,
            xmlNode    *root)
{
  Story story = { 0 };
  Published *published;
  gint64 created_at = 0;

  walk_story (&story, root, FALSE);
  if (!story.entry && story.published == NULL && story.canonical == NULL)
    skip (self, entry, _("not a Medium story: it has no publish date and no story address"),
          NULL);
  else if (story.published == NULL)
    skip (self, entry, _("no publish date"), NULL);
  else if (!rapport_date_parse_iso8601 (story.published, &created_at))
    skip (self, entry, _("no readable publish date"), story.published);
  else
    {
      published = g_new0 (Published, 1);
      published->created_at = created_at;
      if (story.canonical != NULL)
        published->platform_id = rapport_medium_story_id (story.canonical);
      if (published->platform_id == NULL)
        published->platform_id = rapport_medium_story_id (entry);
      if (published->platform_id == NULL)
        published->platform_id = rapport_export_name_strip (base_name (entry));
      if (published->platform_id == NULL)
        published->platform_id = g_strdup (entry);
      if (g_str_has_suffix (published->platform_id, ".html"))
        published->platform_id[strlen (published->platform_id) - 5] = '\0';
      published->url = is_web_address (story.canonical) ? g_strdup (story.canonical) : NULL;
      published->text = story_text (&story);
      g_ptr_array_add (self->stories, published);

      if (self->author == NULL && story.author != NULL)
        self->author = rapport_medium_profile_user (story.author, FALSE);
      if (created_at > self->newest && rapport_time_is_valid (created_at))
        self->newest = created_at;
    }
  story_clear (&story);
}

static gboolean
read_stories (Import  *self,
              GError **error)
{
  const char * const *entries;
  guint n_entries;

  entries = rapport_archive_get_entries (self->archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      htmlDocPtr doc;

      if (folder_of (entries[i]) != FOLDER_POSTS)
        continue;
      if (is_draft (entries[i]))
        {
          g_debug ("%s: a draft, left out", entries[i]);
          continue;
        }
      if (!read_or_skip (self, entries[i], &doc, error))
        return FALSE;
      if (doc == NULL)
        continue;
      read_story (self, entries[i], xmlDocGetRootElement (doc));
      xmlFreeDoc (doc);
      rapport_import_sink_progress (self->sink, entries[i], ++self->n_records);
      if (!hand_over_stories (self, FALSE, error))
        return FALSE;
    }
  return hand_over_stories (self, TRUE, error);
}

static void
walk_profile (Profile *profile,
              xmlNode *node)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || is_hidden (n))
        continue;
      if (is_element (n, "a") && profile->handle == NULL)
        {
          g_autofree char *href = get_attribute (n, "href");

          profile->handle = href != NULL ? rapport_medium_profile_user (href, FALSE) : NULL;
        }
      else if (is_element (n, "li") && profile->display_name == NULL)
        {
          g_autofree char *line = element_text (n);

          if (line != NULL && g_ascii_strncasecmp (line, "Display name:", 13) == 0)
            profile->display_name = clean_text (line + 13);
        }
      else if (has_class (n, "p-name") && profile->display_name == NULL)
        {
          g_autofree char *name = element_text (n);

          /* The page's own heading is "Profile". */
          if (name != NULL && g_ascii_strcasecmp (name, "Profile") != 0)
            profile->display_name = g_steal_pointer (&name);
        }
      walk_profile (profile, n->children);
    }
}

static gboolean
read_profile (Import   *self,
              Profile  *profile,
              GError  **error)
{
  const char * const *entries;
  guint n_entries;

  entries = rapport_archive_get_entries (self->archive, &n_entries);
  for (guint i = 0; i < n_entries && profile->handle == NULL; i++)
    {
      htmlDocPtr doc;

      if (folder_of (entries[i]) != FOLDER_PROFILE)
        continue;
      if (!read_or_skip (self, entries[i], &doc, error))
        return FALSE;
      if (doc == NULL)
        continue;
      walk_profile (profile, xmlDocGetRootElement (doc));
      xmlFreeDoc (doc);
    }
  return TRUE;
}

/* The profile's handle; else the author the stories name; else a stand-in made of the
 * export's name. */
static gboolean
set_account (Import   *self,
             GError  **error)
{
  const Profile *profile = self->profile;
  RapportAccountInfo account = { RAPPORT_PLATFORM_MEDIUM, NULL, NULL, NULL, FALSE };
  g_autofree char *export_name = NULL;
  g_autofree char *stand_in = NULL;

  account.handle = profile->handle != NULL ? profile->handle : self->author;
  account.display_name = profile->display_name;
  if (account.handle == NULL)
    {
      export_name = rapport_export_name_of_archive (self->archive, NULL);
      stand_in = rapport_export_name_get_handle (export_name, "medium", &account.provisional);
      account.handle = stand_in;
    }
  if (account.handle == NULL)
    {
      account.handle = "Medium";
      account.provisional = TRUE;
    }
  return rapport_import_sink_set_account (self->sink, &account, error);
}

static gboolean
add_posts (Import  *self,
           GError **error)
{
  for (guint i = 0; i < self->stories->len; i++)
    {
      const Published *published = g_ptr_array_index (self->stories, i);
      RapportPost post;

      rapport_post_init (&post);
      post.platform_id = published->platform_id;
      post.type = RAPPORT_POST_TEXT;
      post.created_at = published->created_at;
      post.text = published->text;
      post.url = published->url;
      /* Medium's tags are not in the export, and a story's text is no caption: no hashtags
       * or mentions are looked for. */
      if (!rapport_import_sink_add_post (self->sink, &post, error))
        return FALSE;
    }
  return TRUE;
}

/* The stories read so far go to the sink once the account is known: from the profile, or the
 * first story that names its author, or (@last) a stand-in; until then they wait, so that a
 * big export without a profile page is the only one that keeps its stories. */
static gboolean
hand_over_stories (Import   *self,
                   gboolean  last,
                   GError  **error)
{
  if (!self->account_set)
    {
      if (!last && self->profile->handle == NULL && self->author == NULL)
        return TRUE;
      if (!set_account (self, error))
        return FALSE;
      self->account_set = TRUE;
    }
  if (!add_posts (self, error))
    return FALSE;
  g_ptr_array_set_size (self->stories, 0);
  return TRUE;
}

static gboolean
read_following (Import  *self,
                GError **error)
{
  const char * const *entries;
  guint n_entries;
  gboolean begun = FALSE;

  entries = rapport_archive_get_entries (self->archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      Folder folder = folder_of (entries[i]);

      if (folder != FOLDER_USERS && folder != FOLDER_PUBS)
        continue;
      if (!begun && !rapport_import_sink_begin_list (self->sink, RAPPORT_DIRECTION_FOLLOWING,
                                                     error))
        return FALSE;
      begun = TRUE;
      if (!rapport_medium_read_following (self->archive, entries[i], folder == FOLDER_PUBS,
                                          self->sink, &self->n_records, self->cancellable,
                                          error))
        return FALSE;
      rapport_import_sink_progress (self->sink, entries[i], self->n_records);
    }
  if (begun)
    rapport_import_sink_end_list (self->sink);
  return TRUE;
}

/* Whether @entry's first bytes hold @marker. */
static gboolean
page_holds (RapportArchive *archive,
            const char     *entry,
            const char     *marker)
{
  g_autoptr(GBytes) bytes = rapport_archive_read (archive, entry, NULL, NULL);
  gconstpointer data;
  gsize size = 0;
  gsize marker_len;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  size = MIN (size, SNIFF_BYTES);
  marker_len = strlen (marker);
  /* Not g_strstr_len(), which stops at a NUL byte. */
  for (gsize i = 0; i + marker_len <= size; i++)
    if (memcmp ((const char *) data + i, marker, marker_len) == 0)
      return TRUE;
  return FALSE;
}

/* A folder of followed users or publications, or a story or a profile page that Medium's
 * markup or address names.  Stories and profiles alone are looked into, since other exports
 * have posts/ and profile/ folders of HTML pages too. */
gboolean
rapport_medium_recognizes (RapportArchive *archive)
{
  const char * const *entries;
  guint n_entries;
  guint n_sniffed = 0;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);

  entries = rapport_archive_get_entries (archive, &n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      Folder folder = folder_of (entries[i]);

      if (folder == FOLDER_USERS || folder == FOLDER_PUBS)
        return TRUE;
      if ((folder == FOLDER_POSTS || folder == FOLDER_PROFILE) && n_sniffed < SNIFF_PAGES)
        {
          n_sniffed++;
          if (page_holds (archive, entries[i], folder == FOLDER_POSTS ? "p-canonical"
                                                                     : "medium.com/@"))
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
rapport_medium_import (RapportArchive     *archive,
                       RapportImportSink  *sink,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(GPtrArray) stories = g_ptr_array_new_with_free_func (published_free);
  Profile profile = { NULL, NULL };
  Import self = { archive, sink, cancellable, stories, &profile, FALSE, NULL, 0, 0 };
  g_autofree char *export_name = NULL;
  RapportDateSource date_source;
  gint64 exported_at;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rapport_medium_recognizes (archive))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNRECOGNIZED,
                   _("%s: there is no page of a Medium export in it (a story in posts/, "
                     "users-following/, pubs-following/ or profile/profile.html)"),
                   rapport_archive_get_name (archive));
      return FALSE;
    }

  /* The account is set once the profile or the stories say whose export this is (their
   * author may be the only evidence), and the stories follow it. */
  ok = read_profile (&self, &profile, error) && read_stories (&self, error) &&
       read_following (&self, error);
  g_free (profile.handle);
  g_free (profile.display_name);
  g_free (self.author);
  if (!ok)
    return FALSE;

  export_name = rapport_export_name_of_archive (archive, NULL);
  date_source = rapport_export_name_date_of (export_name, self.newest,
                                             rapport_archive_get_mtime (archive), &exported_at);
  rapport_import_sink_set_export_date (sink, exported_at, date_source);
  return TRUE;
}
