/* rapport-keep-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keep list as a file: a plain list of usernames, one a line, that the creator writes by
 * hand or that Rapport exported.  Anyone may have written it, so its size is bounded, every
 * name is checked, and a bad line is skipped and named by its number, never by its text.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A keep list holds a few thousand names at most; a bigger file is not one. */
#define RAPPORT_KEEP_LIST_MAX_BYTES (1024 * 1024)
/* Longer than any platform's handles, Mastodon's user@server included. */
#define RAPPORT_KEEP_LIST_MAX_NAME_CHARS 100

typedef struct
{
  GPtrArray *names;  /* char *, in file order, each once (ignoring case) */
  guint n_bad;       /* lines that were no username */
  char *first_bad;   /* "line 3: not a username", or NULL */
} RapportKeepList;

/* Whether @name (without '@') can be a username on some platform: letters, digits and
 * . _ - @ only, at most RAPPORT_KEEP_LIST_MAX_NAME_CHARS. */
gboolean         rapport_keep_list_name_is_valid (const char      *name);
/* Parses @data: '#' starts a comment, blank lines are ignored, spaces around a name and one
 * leading '@' are dropped.  Fails only when @data is over RAPPORT_KEEP_LIST_MAX_BYTES. */
RapportKeepList *rapport_keep_list_parse         (const char      *data,
                                                  gsize            len,
                                                  GError         **error);
/* Reads and parses @file; errors name the file. */
RapportKeepList *rapport_keep_list_read          (GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* The file's text for @names (char *), with a comment line first. */
char            *rapport_keep_list_format        (GPtrArray       *names);
void             rapport_keep_list_free          (RapportKeepList *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportKeepList, rapport_keep_list_free)

G_END_DECLS
