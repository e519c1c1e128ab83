/* ms-font-embed.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-font-embed"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <fontconfig/fontconfig.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <hb.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "ms-chart.h"
#include "ms-font-embed.h"
#include "ms-l10n.h"

/* Fonts for PDF output. cairo 1.16 embeds a CFF face by subsetting it, and
 * with the subroutines of Noto Sans CJK its subset of a few glyphs can be
 * broken: "如" comes out blank (poppler) or as a box (Ghostscript), though
 * the text layer still has it. The same face subset by HarfBuzz first, with
 * its subroutines expanded, is subset by cairo without fault. So the report
 * is drawn with faces made that way: one of the characters any report may
 * need (GB 2312, punctuation, the interface's messages), kept in the user's
 * cache, and one of the file's other characters, made for this report. The
 * text stays text, in the Simplified Chinese face. */

/* Raise when the characters of the kept faces change. */
#define BASE_VERSION 1

struct _MsEmbedFonts
{
  FcConfig     *config;
  PangoFontMap *font_map;
  /* Faces made for this report only, removed with it. */
  GPtrArray    *temporary_files;
};

static void
add_range (hb_set_t *set,
           gunichar  first,
           gunichar  last)
{
  hb_set_add_range (set, first, last);
}

static void
add_text (hb_set_t   *set,
          const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    hb_set_add (set, g_utf8_get_char (p));
}

/* Every character of GB 2312: the grid of its two-byte codes read as GB 18030,
 * which gives each of them a character. */
static void
add_gb2312 (hb_set_t *set)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint row = 0xB0; row <= 0xF7; row++)
    for (guint cell = 0xA1; cell <= 0xFE; cell++)
      {
        g_string_append_c (codes, (char)row);
        g_string_append_c (codes, (char)cell);
      }
  for (guint row = 0xA1; row <= 0xA9; row++)
    for (guint cell = 0xA1; cell <= 0xFE; cell++)
      {
        g_string_append_c (codes, (char)row);
        g_string_append_c (codes, (char)cell);
      }

  text = g_convert (codes->str, (gssize)codes->len, "UTF-8", "GB18030", NULL, NULL, NULL);
  add_text (set, text);
}

/* What a report may write besides the file's text. */
static void
add_base_characters (hb_set_t *set)
{
  g_autofree char *catalog = ms_l10n_dup_catalog_text ("zh_CN");

  add_range (set, 0x20, 0x7E);
  add_range (set, 0xA0, 0x17F);
  add_range (set, 0x2000, 0x206F);
  add_range (set, 0x2100, 0x22FF);
  add_range (set, 0x2460, 0x27BF);
  add_range (set, 0x3000, 0x303F);
  add_range (set, 0xFF00, 0xFFEF);
  add_gb2312 (set);
  add_text (set, catalog);
}

static void
add_strv (hb_set_t           *set,
          const char * const *strings)
{
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    add_text (set, strings[i]);
}

static void
add_timeline_notes (hb_set_t   *set,
                    MsTimeline *timeline)
{
  for (guint i = 0; i < ms_timeline_get_n_entries (timeline); i++)
    add_text (set, ms_timeline_get_entry (timeline, i)->note);
}

/* Every character of the file's text. */
static void
add_document_characters (hb_set_t   *set,
                         MsDocument *document)
{
  GListModel *categories = ms_document_get_categories (document);

  add_text (set, ms_document_get_title (document));
  add_text (set, ms_document_get_region (document));
  add_text (set, ms_document_get_intro (document));
  add_text (set, ms_document_get_note (document));
  add_text (set, ms_document_get_issuer (document));
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      GListModel *groups = ms_category_get_groups (category);

      add_text (set, ms_category_get_title (category));
      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);
          GListModel *projects = ms_group_get_projects (group);

          add_text (set, ms_group_get_title (group));
          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              MsProject *project = ms_group_get_project (group, p);

              add_text (set, ms_project_get_target (project));
              add_text (set, ms_project_get_completion (project));
              add_text (set, ms_project_get_note (project));
              add_text (set, ms_project_get_lead (project));
              add_text (set, ms_project_get_contact (project));
              add_strv (set, ms_project_get_departments (project));
              add_strv (set, ms_project_get_partners (project));
              for (guint i = 0, n = ms_project_get_n_indicators (project); i < n; i++)
                {
                  MsIndicator *indicator = ms_project_get_indicator (project, i);

                  add_text (set, ms_indicator_get_name (indicator));
                  add_text (set, ms_indicator_get_unit (indicator));
                  add_timeline_notes (set, ms_indicator_get_progress (indicator));
                  add_timeline_notes (set, ms_indicator_get_plan (indicator));
                }
            }
        }
    }
}

/* The system's face of @family in @weight: its file and index. */
static gboolean
find_face (const char  *family,
           int          weight,
           char       **file,
           int         *index)
{
  g_autofree char *name = g_strdup_printf ("%s:lang=zh-cn", family);
  FcPattern *pattern = FcNameParse ((const FcChar8 *)name);
  FcPattern *match;
  FcResult result;
  FcChar8 *path;
  gboolean found = FALSE;

  if (pattern == NULL)
    return FALSE;
  FcPatternDel (pattern, FC_WEIGHT);
  FcPatternAddInteger (pattern, FC_WEIGHT, weight);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL && FcPatternGetString (match, FC_FILE, 0, &path) == FcResultMatch)
    {
      *file = g_strdup ((const char *)path);
      if (FcPatternGetInteger (match, FC_INDEX, 0, index) != FcResultMatch)
        *index = 0;
      found = TRUE;
    }
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return found;
}

/* Writes the face at @file/@index reduced to @characters, subroutines
 * expanded, to @path (atomically: a cache shared by several runs). */
static gboolean
write_subset (const char  *file,
              int          index,
              hb_set_t    *characters,
              const char  *path,
              GError     **error)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (file);
  hb_face_t *face = NULL;
  hb_subset_input_t *input = NULL;
  hb_face_t *subset = NULL;
  hb_blob_t *bytes = NULL;
  gboolean written = FALSE;

  if (blob == NULL)
    {
      /* translators: %s is a font file */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read the font %s"), file);
      return FALSE;
    }

  face = hb_face_create (blob, (unsigned int)index);
  input = hb_subset_input_create_or_fail ();
  if (input != NULL)
    {
      hb_set_union (hb_subset_input_unicode_set (input), characters);
      hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
      subset = hb_subset_or_fail (face, input);
    }
  if (subset != NULL)
    {
      unsigned int length;
      const char *data;

      bytes = hb_face_reference_blob (subset);
      data = hb_blob_get_data (bytes, &length);
      written = length > 0 && g_file_set_contents (path, data, length, error);
    }
  else
    /* translators: %s is a font file */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not prepare the font %s for the PDF"), file);

  hb_blob_destroy (bytes);
  hb_face_destroy (subset);
  hb_subset_input_destroy (input);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
  return written;
}

/* The kept face's name says which face and characters it holds. */
static char *
base_path (const char *dir,
           const char *file,
           int         index,
           const char *catalog_digest)
{
  g_autofree char *key = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;

  if (g_stat (file, &st) != 0)
    return NULL;

  key = g_strdup_printf ("%s|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%s|%s", file, index,
                         (gint64)st.st_size, (gint64)st.st_mtime, BASE_VERSION, hb_version_string (),
                         catalog_digest);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  name = g_strdup_printf ("base-%.32s.otf", digest);
  return g_build_filename (dir, name, NULL);
}

static gboolean
prepare_weight (MsEmbedFonts  *self,
                const char    *dir,
                const char    *family,
                int            weight,
                hb_set_t      *base,
                hb_set_t      *document_characters,
                const char    *catalog_digest,
                GError       **error)
{
  g_autofree char *file = NULL;
  g_autofree char *kept = NULL;
  hb_set_t *extra;
  int index;
  gboolean ok = TRUE;

  if (!find_face (family, weight, &file, &index))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No font for Chinese text was found"));
      return FALSE;
    }

  kept = base_path (dir, file, index, catalog_digest);
  if (kept == NULL || (!g_file_test (kept, G_FILE_TEST_EXISTS) && !write_subset (file, index, base, kept, error)))
    return FALSE;
  FcConfigAppFontAddFile (self->config, (const FcChar8 *)kept);

  /* The file's characters beyond those, in a face of their own. */
  extra = hb_set_create ();
  hb_set_set (extra, document_characters);
  hb_set_subtract (extra, base);
  if (!hb_set_is_empty (extra))
    {
      g_autofree char *name = g_strdup_printf ("extra-%d-%d-XXXXXX.otf", (int)getpid (), weight);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      int fd = g_mkstemp (path);

      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
          ok = FALSE;
        }
      else
        {
          close (fd);
          g_ptr_array_add (self->temporary_files, g_strdup (path));
          ok = write_subset (file, index, extra, path, error);
          if (ok)
            FcConfigAppFontAddFile (self->config, (const FcChar8 *)path);
        }
    }
  hb_set_destroy (extra);
  return ok;
}

/**
 * ms_embed_fonts_new:
 * @document: the file whose text the report writes
 *
 * Prepares the sans-serif faces a PDF of @document is drawn with (see
 * above). The kept face is made once per font and version, in the user's
 * cache.
 *
 * Returns: (transfer full) (nullable): the fonts, or %NULL with @error
 */
MsEmbedFonts *
ms_embed_fonts_new (MsDocument  *document,
                    GError     **error)
{
  return ms_embed_fonts_new_with_faces (document, MS_EMBED_FACES_SANS, error);
}

/**
 * ms_embed_fonts_new_with_faces:
 * @document: the file whose text the report writes
 * @faces: the families to prepare, regular and bold each
 *
 * Like ms_embed_fonts_new(), for the families in @faces: the 公文 table
 * is set in the serif face (its title and body) and the sans-serif one
 * (the 附件 label and the column heads).
 *
 * Returns: (transfer full) (nullable): the fonts, or %NULL with @error
 */
MsEmbedFonts *
ms_embed_fonts_new_with_faces (MsDocument    *document,
                               MsEmbedFaces   faces,
                               GError       **error)
{
  g_autoptr(MsEmbedFonts) self = g_new0 (MsEmbedFonts, 1);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "minsheng", "fonts", NULL);
  g_autofree char *catalog = ms_l10n_dup_catalog_text ("zh_CN");
  g_autofree char *catalog_digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, catalog, -1);
  hb_set_t *base = hb_set_create ();
  hb_set_t *characters = hb_set_create ();
  gboolean ok;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      hb_set_destroy (base);
      hb_set_destroy (characters);
      return NULL;
    }

  self->temporary_files = g_ptr_array_new_with_free_func (g_free);
  self->config = FcConfigCreate ();
  add_base_characters (base);
  add_document_characters (characters, document);
  ok = TRUE;
  if (faces & MS_EMBED_FACES_SANS)
    ok = prepare_weight (self, dir, MS_CHART_FONT_FAMILY, FC_WEIGHT_REGULAR, base, characters, catalog_digest,
                         error) &&
         prepare_weight (self, dir, MS_CHART_FONT_FAMILY, FC_WEIGHT_BOLD, base, characters, catalog_digest, error);
  if (ok && (faces & MS_EMBED_FACES_SERIF))
    ok = prepare_weight (self, dir, MS_SERIF_FONT_FAMILY, FC_WEIGHT_REGULAR, base, characters, catalog_digest,
                         error) &&
         prepare_weight (self, dir, MS_SERIF_FONT_FAMILY, FC_WEIGHT_BOLD, base, characters, catalog_digest, error);
  hb_set_destroy (base);
  hb_set_destroy (characters);
  if (!ok)
    return NULL;

  self->font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (self->font_map), self->config);
  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the font map to draw the PDF's text with */
PangoFontMap *
ms_embed_fonts_get_font_map (MsEmbedFonts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->font_map;
}

void
ms_embed_fonts_free (MsEmbedFonts *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->font_map);
  if (self->config != NULL)
    FcConfigDestroy (self->config);
  for (guint i = 0; self->temporary_files != NULL && i < self->temporary_files->len; i++)
    g_unlink (g_ptr_array_index (self->temporary_files, i));
  g_clear_pointer (&self->temporary_files, g_ptr_array_unref);
  g_free (self);
}
