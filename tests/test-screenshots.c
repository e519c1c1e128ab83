/* test-screenshots.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The screenshots a software centre shows, taken of the real window under
 * Xvfb in the language the test runs in (LANGUAGE=en or zh_CN).
 *
 * With MS_UPDATE_SCREENSHOTS=1 the test writes them to data/screenshots/.
 * Otherwise it renders them and fails when what is committed and what the
 * metainfo lists no longer match what it makes: a PNG of another size, a PNG
 * taken of another view, a screenshot the metainfo lists that the test does
 * not make, or one it makes that the metainfo does not list. Pixels are not
 * compared: fonts and antialiasing differ between machines.
 */

#include "config.h"

#include <adwaita.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ms-indicator-row.h"
#include "ms-ledger-view.h"
#include "ms-paths.h"
#include "ms-progress-view.h"
#include "ms-window.h"
#include "test-gui-util.h"
#include "test-util.h"

/* What a software centre shows: the window's content, without the frame
 * that Xvfb's missing window manager leaves around it. 3:2, as large as the
 * window opens by default. */
#define SHOT_WIDTH  1200
#define SHOT_HEIGHT 800

/* The PNG's text chunks that say what a committed file shows. */
#define KEY_VIEW     "tEXt::Minsheng-View"
#define KEY_LANGUAGE "tEXt::Minsheng-Language"

#define METAINFO_PATH    "data/io.minsheng.Tracker.metainfo.xml.in"
#define SCREENSHOTS_PATH "data/screenshots"

typedef struct
{
  const char *view;  /* in the file name: SCREENSHOTS_PATH/VIEW-LANGUAGE.png */
  const char *page;  /* what the window shows, as shown_page () says */
  void      (*show) (GtkWidget *window);
} Shot;

/* The languages of the screenshots, and the xml:lang of their images in the
 * metainfo (the untranslated image has none). */
static const struct
{
  const char *code;
  const char *xml_lang;
} languages[] = {
  { "en", NULL },
  { "zh_CN", "zh_CN" },
};

/* Waiting: never for a time, always for what the next step needs. */

static GPtrArray *
find_widgets (gpointer root,
              GType    type)
{
  return ms_test_find_widgets (root, type);
}

static GtkWidget *
part (GtkWidget  *window,
      const char *id)
{
  return ms_test_part (window, id);
}

static void
wait_page (GtkWidget  *window,
           const char *page)
{
  ms_test_wait (g_strcmp0 (ms_window_get_visible_page (MS_WINDOW (window)), page) == 0);
}

/* Scrolls @widget's scrolled window until @widget is @offset pixels below
 * its top. */
static void
scroll_to (GtkWidget *widget,
           double     offset)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t in_scrolled;

  g_assert_true (gtk_widget_compute_point (widget, scrolled, &origin, &in_scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + in_scrolled.y - offset);
}

/* @widget is drawn whole within the screenshot. */
static void
assert_in_view (GtkWidget *widget,
                GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, SHOT_HEIGHT);
}

/* The window's visible page; for the projects, as a list or as the ledger. */
static char *
shown_page (GtkWidget *window)
{
  const char *page = ms_window_get_visible_page (MS_WINDOW (window));
  g_autoptr(GVariant) state = NULL;

  if (g_strcmp0 (page, "projects") != 0)
    return g_strdup (page);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "projects-view");
  return g_strdup_printf ("%s/%s", page, g_variant_get_string (state, NULL));
}

/* The views. Each leaves the window drawn as the screenshot shows it. */

/* The year at a glance: a card per schedule state and the projects that
 * need attention, most urgent first. */
static void
show_overview (GtkWidget *window)
{
  GtkListBox *attention = GTK_LIST_BOX (part (window, "attention_list"));

  ms_window_select_section (MS_WINDOW (window), 0);
  wait_page (window, "overview");
  ms_test_wait (gtk_list_box_get_row_at_index (attention, 0) != NULL);
  ms_test_wait_drawn (window);
}

/* The overview's charts: projects by status and by category, and every
 * indicator's completion rate against what is expected by now. */
static void
show_charts (GtkWidget *window)
{
  show_overview (window);
  scroll_to (part (window, "overview_chart"), 24);
  ms_test_wait_drawn (window);
  assert_in_view (part (window, "overview_chart"), window);
}

/* A category's projects with their states, and a project's figures by
 * date drawn against its target and 序时进度. */
static void
show_project (GtkWidget *window)
{
  MsProjectView *view = ms_window_get_project_view (MS_WINDOW (window));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  GtkWidget *history = NULL;

  ms_window_select_section (MS_WINDOW (window), 1);
  wait_page (window, "projects");
  ms_test_wait (ms_project_view_get_project (view) != NULL);
  ms_test_wait_drawn (window);

  rows = find_widgets (view, MS_TYPE_INDICATOR_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  buttons = find_widgets (g_ptr_array_index (rows, 0), GTK_TYPE_TOGGLE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "document-open-recent-symbolic") == 0)
      history = g_ptr_array_index (buttons, i);
  g_assert_nonnull (history);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (history), TRUE);

  progress = find_widgets (view, MS_TYPE_PROGRESS_VIEW);
  g_assert_cmpuint (progress->len, ==, 1);
  g_assert_true (gtk_widget_get_visible (ms_progress_view_get_chart (g_ptr_array_index (progress, 0))));
  ms_test_wait (gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_ancestor (g_ptr_array_index (progress, 0),
                                                                                        GTK_TYPE_REVEALER))));
  ms_test_wait_drawn (window);
  /* The indicator's figures and its chart, under their heading. */
  scroll_to (g_ptr_array_index (rows, 0), 90);
  ms_test_wait_drawn (window);
  assert_in_view (ms_progress_view_get_chart (g_ptr_array_index (progress, 0)), window);
}

/* The ledger (台账) of a category: a sortable table above the form. */
static void
show_ledger (GtkWidget *window)
{
  MsLedgerView *ledger = MS_LEDGER_VIEW (part (window, "ledger_view"));

  ms_window_select_section (MS_WINDOW (window), 2);
  wait_page (window, "projects");
  g_action_group_activate_action (G_ACTION_GROUP (window), "projects-view", g_variant_new_string ("ledger"));
  ms_test_wait_idle ();
  ms_test_wait (gtk_widget_get_mapped (GTK_WIDGET (ledger)));
  ms_test_wait (!ms_ledger_view_get_pending (ledger));
  ms_test_wait_drawn (window);
  /* The divider dragged down, as one would to see the whole category, with
   * the chosen project's heading and state still in view below. */
  gtk_paned_set_position (GTK_PANED (part (window, "inner_paned")), SHOT_HEIGHT - 250);
  ms_test_wait (!ms_ledger_view_get_pending (ledger));
  ms_test_wait_drawn (window);
}

/* In the order of the metainfo's <screenshots>; the first is the default. */
static const Shot shots[] = {
  { "overview", "overview", show_overview },
  { "charts", "overview", show_charts },
  { "project", "projects/list", show_project },
  { "ledger", "projects/ledger", show_ledger },
};

/* The metainfo's screenshots, as listed in its source. */

typedef struct
{
  char *xml_lang;
  char *type;
  char *path;
  int   width;
  int   height;
  int   line;
} Image;

typedef struct
{
  gboolean   is_default;
  GPtrArray *images;
  int        line;
} Screenshot;

typedef struct
{
  GPtrArray *screenshots;
  gboolean   in_screenshots;
  Image     *image;
} Listing;

static void
image_free (gpointer data)
{
  Image *image = data;

  g_free (image->xml_lang);
  g_free (image->type);
  g_free (image->path);
  g_free (image);
}

static void
screenshot_free (gpointer data)
{
  Screenshot *screenshot = data;

  g_ptr_array_unref (screenshot->images);
  g_free (screenshot);
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
listing_start_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Listing *listing = user_data;
  int line;

  g_markup_parse_context_get_position (context, &line, NULL);
  if (g_str_equal (element, "screenshots"))
    {
      listing->in_screenshots = TRUE;
    }
  else if (listing->in_screenshots && g_str_equal (element, "screenshot"))
    {
      Screenshot *screenshot = g_new0 (Screenshot, 1);

      screenshot->is_default = g_strcmp0 (attribute (names, values, "type"), "default") == 0;
      screenshot->images = g_ptr_array_new_with_free_func (image_free);
      screenshot->line = line;
      g_ptr_array_add (listing->screenshots, screenshot);
    }
  else if (listing->in_screenshots && g_str_equal (element, "image") && listing->screenshots->len > 0)
    {
      Screenshot *screenshot = g_ptr_array_index (listing->screenshots, listing->screenshots->len - 1);
      Image *image = g_new0 (Image, 1);
      const char *width = attribute (names, values, "width");
      const char *height = attribute (names, values, "height");

      image->xml_lang = g_strdup (attribute (names, values, "xml:lang"));
      image->type = g_strdup (attribute (names, values, "type"));
      image->width = width != NULL ? atoi (width) : 0;
      image->height = height != NULL ? atoi (height) : 0;
      image->path = g_strdup ("");
      image->line = line;
      g_ptr_array_add (screenshot->images, image);
      listing->image = image;
    }
}

static void
listing_text_cb (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 length,
                 gpointer              user_data,
                 GError              **error)
{
  Listing *listing = user_data;

  if (listing->image != NULL)
    {
      char *path = g_strdup_printf ("%s%.*s", listing->image->path, (int) length, text);

      g_free (listing->image->path);
      listing->image->path = path;
    }
}

static void
listing_end_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Listing *listing = user_data;

  if (g_str_equal (element, "screenshots"))
    listing->in_screenshots = FALSE;
  else if (g_str_equal (element, "image"))
    listing->image = NULL;
}

static GPtrArray *
read_listing (void)
{
  static const GMarkupParser parser = { listing_start_cb, listing_end_cb, listing_text_cb, NULL, NULL };
  g_autofree char *path = g_build_filename (MS_SOURCE_ROOT, METAINFO_PATH, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Listing listing = { g_ptr_array_new_with_free_func (screenshot_free), FALSE, NULL };
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  context = g_markup_parse_context_new (&parser, 0, &listing, NULL);
  if (!g_markup_parse_context_parse (context, contents, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("%s: %s", METAINFO_PATH, error->message);
  for (guint i = 0; i < listing.screenshots->len; i++)
    {
      Screenshot *screenshot = g_ptr_array_index (listing.screenshots, i);

      for (guint j = 0; j < screenshot->images->len; j++)
        {
          Image *image = g_ptr_array_index (screenshot->images, j);
          char *stripped = g_strdup (g_strstrip (image->path));

          g_free (image->path);
          image->path = stripped;
        }
    }
  return listing.screenshots;
}

/* The screenshot of @view in @language, as it is named in the repository. */
static char *
shot_path (const char *view,
           const char *language)
{
  return g_strdup_printf ("%s/%s-%s.png", SCREENSHOTS_PATH, view, language);
}

static const char *
current_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i].code) == 0)
      return languages[i].code;
  g_error ("Screenshots are taken with LANGUAGE set to en or zh_CN, not “%s”", language ? language : "");
}

static const char *
xml_lang_of (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i].code))
      return languages[i].xml_lang;
  g_assert_not_reached ();
}

static gboolean
updating (void)
{
  return g_strcmp0 (g_getenv ("MS_UPDATE_SCREENSHOTS"), "1") == 0;
}

/* Every screenshot listed is one the test makes, in the order it makes
 * them and of the size it makes them: one source image per language, named
 * after its view and language. Those of the language the test runs in are
 * committed as that. */
static void
test_listing (void)
{
  g_autoptr(GPtrArray) listed = read_listing ();
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint i = 0; i < listed->len; i++)
    {
      Screenshot *screenshot = g_ptr_array_index (listed, i);
      const char *view = i < G_N_ELEMENTS (shots) ? shots[i].view : NULL;

      if (view == NULL)
        {
          g_string_append_printf (problems, "%s:%d: screenshot %u is not one the test makes (it makes %u)\n",
                                  METAINFO_PATH, screenshot->line, i + 1, (guint) G_N_ELEMENTS (shots));
          continue;
        }
      if (screenshot->is_default != (i == 0))
        g_string_append_printf (problems, "%s:%d: only the first screenshot has type=\"default\"\n",
                                METAINFO_PATH, screenshot->line);

      for (guint j = 0; j < screenshot->images->len; j++)
        {
          Image *image = g_ptr_array_index (screenshot->images, j);
          gboolean known = FALSE;

          for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
            known |= g_strcmp0 (image->xml_lang, languages[l].xml_lang) == 0;
          if (!known)
            g_string_append_printf (problems, "%s:%d: %s: no screenshots are made in xml:lang “%s”\n",
                                    METAINFO_PATH, image->line, image->path, image->xml_lang);
        }

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autofree char *expected = shot_path (view, languages[l].code);
          g_autofree char *file = NULL;
          Image *found = NULL;
          guint n_found = 0;

          for (guint j = 0; j < screenshot->images->len; j++)
            {
              Image *image = g_ptr_array_index (screenshot->images, j);

              if (g_strcmp0 (image->xml_lang, languages[l].xml_lang) == 0)
                {
                  found = image;
                  n_found++;
                }
            }
          if (n_found != 1)
            {
              g_string_append_printf (problems, "%s:%d: screenshot %u (%s) has %u images in %s, not one: %s\n",
                                      METAINFO_PATH, screenshot->line, i + 1, view, n_found,
                                      languages[l].code, expected);
              continue;
            }
          if (!g_str_equal (found->path, expected))
            {
              g_string_append_printf (problems, "%s:%d: screenshot %u shows the %s view in %s, which is %s, not %s\n",
                                      METAINFO_PATH, found->line, i + 1, view, languages[l].code,
                                      expected, found->path);
              continue;
            }
          if (g_strcmp0 (found->type, "source") != 0)
            g_string_append_printf (problems, "%s:%d: %s is the source image: type=\"source\"\n",
                                    METAINFO_PATH, found->line, expected);
          if (found->width != SHOT_WIDTH || found->height != SHOT_HEIGHT)
            g_string_append_printf (problems, "%s:%d: %s is listed as %d×%d; the test makes it %d×%d\n",
                                    METAINFO_PATH, found->line, expected, found->width, found->height,
                                    SHOT_WIDTH, SHOT_HEIGHT);

          /* What is committed under that name; the other language's run
           * checks (and may be writing) its own. */
          if (!g_str_equal (languages[l].code, current_language ()))
            continue;
          file = g_build_filename (MS_SOURCE_ROOT, expected, NULL);
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GdkPixbuf) committed = gdk_pixbuf_new_from_file (file, &error);

            if (committed == NULL)
              {
                g_string_append_printf (problems, "%s: %s\n", expected, error->message);
                continue;
              }
            if (gdk_pixbuf_get_width (committed) != SHOT_WIDTH || gdk_pixbuf_get_height (committed) != SHOT_HEIGHT)
              g_string_append_printf (problems, "%s is %d×%d; the test makes it %d×%d\n", expected,
                                      gdk_pixbuf_get_width (committed), gdk_pixbuf_get_height (committed),
                                      SHOT_WIDTH, SHOT_HEIGHT);
            if (g_strcmp0 (gdk_pixbuf_get_option (committed, KEY_VIEW), view) != 0 ||
                g_strcmp0 (gdk_pixbuf_get_option (committed, KEY_LANGUAGE), languages[l].code) != 0)
              g_string_append_printf (problems, "%s was taken of the %s view in %s, not of %s in %s\n", expected,
                                      gdk_pixbuf_get_option (committed, KEY_VIEW),
                                      gdk_pixbuf_get_option (committed, KEY_LANGUAGE),
                                      view, languages[l].code);
          }
        }
    }

  /* And every screenshot the test makes is listed. */
  for (guint i = listed->len; i < G_N_ELEMENTS (shots); i++)
    g_string_append_printf (problems, "%s: the %s view (screenshot %u) is not listed\n",
                            METAINFO_PATH, shots[i].view, i + 1);

  if (problems->len > 0)
    {
      g_string_append (problems, updating () ? "Edit the metainfo to match."
                                             : "Run MS_UPDATE_SCREENSHOTS=1 meson test -C build --suite screenshots, "
                                               "or edit the metainfo to match.");
      g_test_fail_printf ("%s", problems->str);
    }
}

/* No label shown in @window has a character its font lacks. */
static void
assert_no_missing_glyphs (GtkWidget *window)
{
  g_autoptr(GPtrArray) labels = find_widgets (window, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      if (pango_layout_get_unknown_glyphs_count (gtk_label_get_layout (label)) != 0)
        g_error ("“%s” is drawn with missing glyphs", gtk_label_get_text (label));
    }
}

/* The window's content, without the frame drawn around it. */
static GdkTexture *
render_content (GtkWidget *window)
{
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;
  graphene_rect_t drawn;
  graphene_rect_t bounds;

  /* The paintable draws what the window draws, frame included, from the
   * frame's corner: drawn at its own size, so nothing is scaled. */
  g_assert_true (gtk_widget_compute_bounds (window, window, &drawn));
  g_assert_true (gtk_widget_compute_bounds (content, window, &bounds));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, (int) drawn.size.width);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, (int) drawn.size.height);
  gdk_paintable_snapshot (paintable, snapshot, drawn.size.width, drawn.size.height);
  node = gtk_snapshot_free_to_node (snapshot);
  bounds.origin.x -= drawn.origin.x;
  bounds.origin.y -= drawn.origin.y;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  gsk_render_node_unref (node);
  return texture;
}

static GtkWidget *
open_example (void)
{
  g_autofree char *path = g_build_filename (MS_SOURCE_ROOT, "data", "examples", "example-city-2025.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = GTK_WIDGET (ms_test_open_window (file, SHOT_WIDTH, SHOT_HEIGHT));
  GtkWidget *content;
  int width, height;

  /* The content is the size of the screenshot, whatever is around it. */
  content = gtk_window_get_child (GTK_WINDOW (window));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  width += SHOT_WIDTH - gtk_widget_get_width (content);
  height += SHOT_HEIGHT - gtk_widget_get_height (content);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ms_test_wait (gtk_widget_get_width (content) == SHOT_WIDTH && gtk_widget_get_height (content) == SHOT_HEIGHT);
  ms_test_wait_drawn (window);
  return window;
}

static void
save_png (GdkTexture *texture,
          const char *path,
          const char *view,
          const char *language)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_get_from_texture (texture);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  if (!gdk_pixbuf_save (pixbuf, path, "png", &error,
                        "compression", "9",
                        KEY_VIEW, view,
                        KEY_LANGUAGE, language,
                        NULL))
    g_error ("%s: %s", path, error->message);
}

static void
test_shot (gconstpointer data)
{
  const Shot *shot = data;
  const char *language = current_language ();
  g_autofree char *relative = shot_path (shot->view, language);
  g_autofree char *path = g_build_filename (MS_SOURCE_ROOT, relative, NULL);
  g_autoptr(GPtrArray) listed = read_listing ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *page = NULL;
  GtkWidget *window = open_example ();
  guint position = shot - shots;
  Image *image = NULL;

  shot->show (window);
  page = shown_page (window);
  g_assert_cmpstr (page, ==, shot->page);
  assert_no_missing_glyphs (window);
  texture = render_content (window);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, SHOT_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, SHOT_HEIGHT);

  if (g_getenv ("MS_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", shot->view, language);
      g_autofree char *copy = g_build_filename (g_getenv ("MS_SCREENSHOT_DIR"), name, NULL);

      save_png (texture, copy, shot->view, language);
    }
  if (updating ())
    {
      /* What was written is checked against the metainfo by /screenshots/listed. */
      save_png (texture, path, shot->view, language);
      g_test_message ("wrote %s", relative);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  /* Listed where the test makes it, with the size it has. */
  if (position < listed->len)
    {
      Screenshot *screenshot = g_ptr_array_index (listed, position);

      for (guint j = 0; j < screenshot->images->len; j++)
        {
          Image *candidate = g_ptr_array_index (screenshot->images, j);

          if (g_strcmp0 (candidate->xml_lang, xml_lang_of (language)) == 0 && g_str_equal (candidate->path, relative))
            image = candidate;
        }
    }
  if (image == NULL)
    g_string_append_printf (problems, "%s does not list %s as the %s image of screenshot %u\n", METAINFO_PATH,
                            relative, xml_lang_of (language) ? xml_lang_of (language) : "untranslated",
                            position + 1);
  else if (image->width != gdk_texture_get_width (texture) || image->height != gdk_texture_get_height (texture))
    g_string_append_printf (problems, "%s:%d: %s is listed as %d×%d, made %d×%d\n", METAINFO_PATH, image->line,
                            relative, image->width, image->height,
                            gdk_texture_get_width (texture), gdk_texture_get_height (texture));

  /* Committed, of the same size and of the same view. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GdkPixbuf) committed = gdk_pixbuf_new_from_file (path, &error);

    if (committed == NULL)
      g_string_append_printf (problems, "%s\n", error->message);
    else if (gdk_pixbuf_get_width (committed) != gdk_texture_get_width (texture) ||
             gdk_pixbuf_get_height (committed) != gdk_texture_get_height (texture))
      g_string_append_printf (problems, "%s is %d×%d, made %d×%d\n", relative,
                              gdk_pixbuf_get_width (committed), gdk_pixbuf_get_height (committed),
                              gdk_texture_get_width (texture), gdk_texture_get_height (texture));
    else if (g_strcmp0 (gdk_pixbuf_get_option (committed, KEY_VIEW), shot->view) != 0 ||
             g_strcmp0 (gdk_pixbuf_get_option (committed, KEY_LANGUAGE), language) != 0)
      g_string_append_printf (problems, "%s was taken of the %s view in %s\n", relative,
                              gdk_pixbuf_get_option (committed, KEY_VIEW),
                              gdk_pixbuf_get_option (committed, KEY_LANGUAGE));
  }

  if (problems->len > 0)
    {
      g_string_append (problems, "Run MS_UPDATE_SCREENSHOTS=1 meson test -C build --suite screenshots, "
                                 "or edit the metainfo to match.");
      g_test_fail_printf ("%s", problems->str);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int result;

  /* The window in the language the test runs in, as the app would be. */
  ms_paths_init_gettext ();

  /* Unsaved edits kept for recovery go to a folder of this run only. */
  state_dir = g_dir_make_tmp ("minsheng-screenshots-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  {
    /* The application loads its style sheet; tests do it by hand. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/minsheng/Tracker/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Drawn at rest: no transition half way, no cursor half blinked. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *name = g_strdup_printf ("/screenshots/%s", shots[i].view);

      g_test_add_data_func (name, &shots[i], test_shot);
    }
  /* After the views: with MS_UPDATE_SCREENSHOTS=1 it checks what they wrote. */
  g_test_add_func ("/screenshots/listed", test_listing);

  result = g_test_run ();
  ms_test_remove_tree (state_dir);
  return result;
}
