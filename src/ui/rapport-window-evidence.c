/* rapport-window-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's way to the evidence behind a figure or a suggestion: a range of the main chart,
 * a list of posts, a list of accounts, a segment of the audience.  The actions switch to the
 * page that shows them, so a button anywhere in the window can point there with an action name
 * and a parameter.
 */

#include "config.h"

#include "ui/rapport-audience-page.h"
#include "ui/rapport-overview-page.h"
#include "ui/rapport-posts-page.h"
#include "ui/rapport-window-private.h"

/* Switches the view stack to the page @name and returns it, or NULL when there is none. */
static GtkWidget *
show_page (RapportWindow *self,
           const char    *name)
{
  g_assert (RAPPORT_IS_WINDOW (self));

  if (!rapport_window_set_page (self, name))
    return NULL;

  /* Folded to one pane, the content may be behind the sidebar. */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

/* win.show-range (xx): the first and the last day of a range, 00:00 UTC. */
static void
rapport_window_show_range_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GtkWidget *page;
  gint64 start;
  gint64 end;

  g_variant_get (parameter, "(xx)", &start, &end);

  page = show_page (self, "overview");
  if (RAPPORT_IS_OVERVIEW_PAGE (page))
    rapport_overview_page_show_range (RAPPORT_OVERVIEW_PAGE (page), start, end);
}

/* win.show-posts (sas): a title for the list and the platform ids of the posts. */
static void
rapport_window_show_posts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autofree const char **ids = NULL;
  const char *title;
  GtkWidget *page;

  g_variant_get (parameter, "(&s^a&s)", &title, &ids);

  page = show_page (self, "posts");
  if (RAPPORT_IS_POSTS_PAGE (page))
    rapport_posts_page_show_posts (RAPPORT_POSTS_PAGE (page), title,
                                   (const char * const *) ids);
}

/* win.show-accounts (sas): a title for the list and the 'who' of each account. */
static void
rapport_window_show_accounts_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autofree const char **whos = NULL;
  const char *title;
  GtkWidget *page;

  g_variant_get (parameter, "(&s^a&s)", &title, &whos);

  page = show_page (self, "audience");
  if (RAPPORT_IS_AUDIENCE_PAGE (page))
    rapport_audience_page_show_accounts (RAPPORT_AUDIENCE_PAGE (page), title,
                                         (const char * const *) whos);
}

/* win.show-segment (s): the name of a segment of the Audience page, "new". */
static void
rapport_window_show_segment_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GtkWidget *page;

  page = show_page (self, "audience");
  if (RAPPORT_IS_AUDIENCE_PAGE (page))
    rapport_audience_page_show_segment (RAPPORT_AUDIENCE_PAGE (page),
                                        g_variant_get_string (parameter, NULL));
}

/* win.show-account-segment (xs): an account's id and the name of a segment of its Audience
 * page, where a line of the Overview of all accounts leads. */
static void
rapport_window_show_account_segment_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  const char *segment;
  gint64 account_id;
  GtkWidget *page;

  g_variant_get (parameter, "(x&s)", &account_id, &segment);

  if (!_rapport_window_select_account (self, account_id))
    return;
  page = show_page (self, "audience");
  /* The account's lists are still loading: the page shows the segment once they are in. */
  if (RAPPORT_IS_AUDIENCE_PAGE (page))
    rapport_audience_page_show_account_segment (RAPPORT_AUDIENCE_PAGE (page), account_id,
                                                segment);
}

void
_rapport_window_evidence_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-range", "(xx)",
                                   rapport_window_show_range_action);
  gtk_widget_class_install_action (widget_class, "win.show-posts", "(sas)",
                                   rapport_window_show_posts_action);
  gtk_widget_class_install_action (widget_class, "win.show-accounts", "(sas)",
                                   rapport_window_show_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.show-segment", "s",
                                   rapport_window_show_segment_action);
  gtk_widget_class_install_action (widget_class, "win.show-account-segment", "(xs)",
                                   rapport_window_show_account_segment_action);
}
