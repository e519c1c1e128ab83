/* ms-paste.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-paste"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-paste.h"

/* Cells copied from WPS or Excel, pasted onto the selected rows of the
 * ledger: the text is read into a table, checked against the rows, and
 * turned into a plan of changes that the window shows before applying it
 * as one undo step. Nothing here knows GTK. */

struct _MsPastePlan
{
  MsPasteField  field;
  GPtrArray    *changes;
};

G_DEFINE_QUARK (ms-paste-error-quark, ms_paste_error)

/* A cell in spreadsheet quotes: "…", a quote inside doubled. Spreadsheets
 * quote a cell only when it holds a tab, a line end or a quote. Returns
 * NULL when the quote is not closed: then the quote is text. */
static const char *
read_quoted_cell (const char *p,
                  GString    *cell)
{
  g_assert (*p == '"');

  for (p++; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          if (p[1] != '"')
            return p + 1;
          p++;
        }
      g_string_append_c (cell, *p);
    }

  return NULL;
}

static gboolean
ends_cell (char c)
{
  return c == '\0' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * ms_paste_parse_table:
 * @text: the clipboard's text
 *
 * Reads spreadsheet cells as WPS and Excel put them on the clipboard: tabs
 * between cells, a line end (LF, CRLF or CR) after each row, the last line
 * end optional, cells with tabs or line ends in quotes.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, each a
 *   %NULL-terminated array of cells
 */
GPtrArray *
ms_paste_parse_table (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) cells = NULL;
  const char *p = text != NULL ? text : "";

  /* Some programs start the text with a byte order mark. */
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  if (*p == '\0')
    return rows;

  cells = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      g_autoptr(GString) cell = g_string_new (NULL);
      const char *after = *p == '"' ? read_quoted_cell (p, cell) : NULL;

      if (after != NULL && ends_cell (*after))
        p = after;
      else
        {
          g_string_truncate (cell, 0);
          while (!ends_cell (*p))
            g_string_append_c (cell, *p++);
        }
      g_ptr_array_add (cells, g_string_free (g_steal_pointer (&cell), FALSE));

      if (*p == '\t')
        {
          p++;
          continue;
        }

      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      /* The line end after the last row is not another row. */
      if (*p == '\0')
        break;
    }

  return rows;
}

/* Digits and signs typed with a Chinese input method are full-width. */
static gunichar
to_ascii (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  switch (c)
    {
    case 0xFF0C: /* ， */
      return ',';
    case 0xFF0E: /* ． */
      return '.';
    case 0xFF0B: /* ＋ */
      return '+';
    case 0xFF0D: /* － */
    case 0x2212: /* − */
      return '-';
    default:
      return c;
    }
}

/* Digits with an optional sign, thousands separated by commas in groups of
 * three ("3,000", not "3,00"), and an optional fraction. */
static gboolean
is_number_text (const char *s)
{
  const char *digits;
  gsize group = 0;
  gboolean grouped = FALSE;

  if (*s == '+' || *s == '-')
    s++;
  digits = s;
  for (; g_ascii_isdigit (*s) || *s == ','; s++)
    {
      if (*s == ',')
        {
          if (group == 0 || (grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
        }
      else
        group++;
    }
  if (s == digits || group == 0 || (grouped && group != 3))
    return FALSE;
  if (*s == '.')
    {
      s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }

  return *s == '\0';
}

/**
 * ms_paste_parse_figure:
 * @cell: a cell's text
 * @figure: (out): its value
 *
 * Reads a cell as a number: "3000", "3,000", "3000.5", full-width digits,
 * spaces around. "约3000", "3,00" or "3千" are not numbers.
 *
 * Returns: whether @cell is a number
 */
gboolean
ms_paste_parse_figure (const char *cell,
                       double     *figure)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (cell != NULL, FALSE);

  if (!g_utf8_validate (cell, -1, NULL))
    return FALSE;

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = to_ascii (g_utf8_get_char (p));

      if (g_unichar_isspace (c))
        {
          g_string_append_c (plain, ' ');
          continue;
        }
      if (c >= 0x80)
        return FALSE;
      g_string_append_c (plain, (char)c);
    }

  trimmed = g_strstrip (g_strdup (plain->str));
  if (!is_number_text (trimmed))
    return FALSE;

  {
    g_autoptr(GString) digits = g_string_new (NULL);

    for (const char *p = trimmed; *p != '\0'; p++)
      if (*p != ',')
        g_string_append_c (digits, *p);
    *figure = g_ascii_strtod (digits->str, NULL);
  }

  return TRUE;
}

static void
change_free (MsPasteChange *change)
{
  g_clear_object (&change->project);
  g_clear_object (&change->indicator);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

static char *
dup_cell (GPtrArray *rows,
          guint      row,
          guint      column)
{
  char **cells = g_ptr_array_index (rows, row);

  return g_strstrip (g_strdup (column < g_strv_length (cells) ? cells[column] : ""));
}

static guint
count_columns (GPtrArray *rows)
{
  guint n_columns = 0;

  for (guint i = 0; i < rows->len; i++)
    n_columns = MAX (n_columns, g_strv_length (g_ptr_array_index (rows, i)));
  return n_columns;
}

static gboolean
check_shape (GPtrArray  *rows,
             guint       n_projects,
             GError    **error)
{
  guint n_columns = count_columns (rows);

  if (n_columns > 2)
    {
      g_set_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_SHAPE,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* translators: a paste onto the ledger was refused, %u is how many columns were copied */
                                "The clipboard holds %u column. Copy one column of figures or of texts, or figures "
                                "beside texts.",
                                "The clipboard holds %u columns. Copy one column of figures or of texts, or figures "
                                "beside texts.",
                                n_columns),
                   n_columns);
      return FALSE;
    }

  if (rows->len != n_projects)
    {
      /* translators: part of a refused paste, such as "5 values" */
      g_autofree char *values = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u value", "%u values", rows->len),
                                                 rows->len);
      /* translators: part of a refused paste, such as "3 selected rows" */
      g_autofree char *selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected row",
                                                                "%u selected rows", n_projects),
                                                   n_projects);

      g_set_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_SHAPE,
                   /* translators: a paste onto the ledger was refused, such as
                    * "The clipboard holds 5 values for 3 selected rows. …" */
                   _("The clipboard holds %s for %s. Select as many rows as there are values."), values, selected);
      return FALSE;
    }

  return TRUE;
}

/**
 * ms_paste_plan_new:
 * @text: the clipboard's text
 * @projects: (element-type MsProject): the selected rows' projects, top to bottom
 * @context: the date and rules figures are read with
 *
 * Plans a paste of one column onto as many rows: figures set the actual of
 * each project's key indicator, texts set the completion texts; or of two
 * columns, figures beside texts in either order, which set both. Empty
 * cells change nothing. Refuses, saying why, a shape that does not fit or a
 * column mixing figures with other text (such as "约3000").
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
MsPastePlan *
ms_paste_plan_new (const char               *text,
                   GPtrArray                *projects,
                   const MsScheduleContext  *context,
                   GError                  **error)
{
  g_autoptr(GPtrArray) rows = ms_paste_parse_table (text);
  g_autoptr(MsPastePlan) plan = NULL;
  guint n_columns;
  int figure_column = -1;
  int text_column = -1;

  g_return_val_if_fail (projects != NULL, NULL);
  g_return_val_if_fail (context != NULL, NULL);

  if (rows->len == 0)
    {
      g_set_error_literal (error, MS_PASTE_ERROR, MS_PASTE_ERROR_EMPTY, _("The clipboard holds no text to paste."));
      return NULL;
    }
  if (projects->len == 0)
    {
      g_set_error_literal (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NO_ROWS,
                           _("Select the rows to paste into first."));
      return NULL;
    }
  if (!check_shape (rows, projects->len, error))
    return NULL;

  n_columns = count_columns (rows);
  for (guint c = 0; c < n_columns; c++)
    {
      guint n_figures = 0;
      guint n_texts = 0;
      int first_text = -1;

      for (guint i = 0; i < rows->len; i++)
        {
          g_autofree char *cell = dup_cell (rows, i, c);
          double figure;

          if (cell[0] == '\0')
            continue;
          if (ms_paste_parse_figure (cell, &figure))
            n_figures++;
          else
            {
              n_texts++;
              if (first_text < 0)
                first_text = (int)i;
            }
        }

      /* A column of figures with a word in it is a mistake, not texts. */
      if (n_figures > 0 && n_texts > 0)
        {
          g_autofree char *cell = dup_cell (rows, first_text, c);

          g_set_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NOT_A_FIGURE,
                       /* translators: a paste onto the ledger was refused; %u is the row among the
                        * pasted values, %s the cell, such as "约3000" */
                       _("Value %u, “%s”, is not a number, while the other values are figures. "
                         "Write it as a number, such as 3000 or 3,000."),
                       first_text + 1, cell);
          return NULL;
        }
      if (n_figures > 0 && figure_column < 0)
        figure_column = (int)c;
      else if (n_texts > 0 && text_column < 0)
        text_column = (int)c;
      else if (n_figures > 0 || n_texts > 0)
        {
          g_set_error_literal (error, MS_PASTE_ERROR, MS_PASTE_ERROR_SHAPE,
                               _("Both copied columns hold the same kind of values. Two columns are pasted "
                                 "as figures beside texts, in either order."));
          return NULL;
        }
    }

  if (figure_column < 0 && text_column < 0)
    {
      g_set_error_literal (error, MS_PASTE_ERROR, MS_PASTE_ERROR_EMPTY,
                           _("The copied cells are empty: there is nothing to paste."));
      return NULL;
    }

  plan = g_new0 (MsPastePlan, 1);
  plan->field = figure_column >= 0 && text_column >= 0 ? MS_PASTE_ACTUAL_AND_COMPLETION
              : figure_column >= 0 ? MS_PASTE_ACTUAL : MS_PASTE_COMPLETION;
  plan->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *figure_cell = figure_column >= 0 ? dup_cell (rows, i, figure_column) : g_strdup ("");
      g_autofree char *text_cell = text_column >= 0 ? dup_cell (rows, i, text_column) : g_strdup ("");
      MsProject *project = g_ptr_array_index (projects, i);
      const char *old_text = ms_project_get_completion (project);
      MsPasteChange *change = g_new0 (MsPasteChange, 1);

      if (figure_cell[0] != '\0')
        {
          MsIndicator *indicator = ms_project_get_key_indicator (project, context);
          double figure = 0;

          ms_paste_parse_figure (figure_cell, &figure);
          if (!ms_figure_is_plausible (figure))
            {
              change_free (change);
              g_set_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NOT_A_FIGURE,
                           /* translators: a paste onto the ledger was refused; %u is the row
                            * among the pasted values, %s the cell */
                           _("Value %u, “%s”, cannot be a reported figure: figures are not negative "
                             "and not larger than 10¹⁵."),
                           i + 1, figure_cell);
              return NULL;
            }
          if (indicator == NULL)
            {
              g_autofree char *title = ms_project_dup_short_title (project);

              change_free (change);
              g_set_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NO_INDICATOR,
                           /* translators: a paste onto the ledger was refused; %u is a project's
                            * number, %s its title */
                           _("Project %u, “%s”, has no indicator to take a figure."),
                           ms_project_get_number (project), title);
              return NULL;
            }
          if (!ms_indicator_get_has_actual (indicator) || ms_indicator_get_actual (indicator) != figure)
            {
              change->indicator = g_object_ref (indicator);
              change->had_actual = ms_indicator_get_has_actual (indicator);
              change->old_actual = ms_indicator_get_actual (indicator);
              change->new_actual = figure;
            }
        }

      if (text_cell[0] != '\0' && g_strcmp0 (old_text != NULL ? old_text : "", text_cell) != 0)
        {
          change->old_text = g_strdup (old_text != NULL ? old_text : "");
          change->new_text = g_strdup (text_cell);
        }

      if (change->indicator == NULL && change->new_text == NULL)
        {
          change_free (change);
          continue;
        }
      change->project = g_object_ref (project);
      g_ptr_array_add (plan->changes, change);
    }

  if (plan->changes->len == 0)
    {
      g_set_error_literal (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NOTHING_CHANGES,
                           _("Nothing would change: the selected rows already hold these values."));
      return NULL;
    }

  return g_steal_pointer (&plan);
}

void
ms_paste_plan_free (MsPastePlan *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self);
}

MsPasteField
ms_paste_plan_get_field (MsPastePlan *self)
{
  g_return_val_if_fail (self != NULL, MS_PASTE_ACTUAL);

  return self->field;
}

guint
ms_paste_plan_get_n_changes (MsPastePlan *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

const MsPasteChange *
ms_paste_plan_get_change (MsPastePlan *self,
                          guint        position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->changes->len, NULL);

  return g_ptr_array_index (self->changes, position);
}

/**
 * ms_paste_plan_apply:
 *
 * Makes the planned changes as one undo step. A figure goes through the
 * history as the form's would: with a reporting date, it is that date's
 * progress too.
 */
void
ms_paste_plan_apply (MsPastePlan *self,
                     MsHistory   *history)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (MS_IS_HISTORY (history));

  ms_history_begin (history, self->field == MS_PASTE_ACTUAL ? N_("Paste Figures")
                            : self->field == MS_PASTE_COMPLETION ? N_("Paste Texts")
                            : N_("Paste Figures and Texts"));
  for (guint i = 0; i < self->changes->len; i++)
    {
      const MsPasteChange *change = g_ptr_array_index (self->changes, i);

      if (change->indicator != NULL)
        ms_history_set_actual (history, NULL, change->indicator, TRUE, change->new_actual);
      if (change->new_text != NULL)
        ms_history_set_string (history, NULL, G_OBJECT (change->project), "completion", change->new_text);
    }
  ms_history_end (history);
}
