/* ms-notice-tables.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-notice-interpret-private.h"
#include "ms-notice-private.h"
#include "ms-quantity.h"

/* Tables: the header says what each column holds; cells are read by
 * position when a row is complete, else by what they look like (a
 * department, a figure, a rate), since rows copied as text lose the cells
 * a span covered. */

typedef enum
{
  COLUMN_NONE,
  COLUMN_NUMBER,
  COLUMN_GROUP,
  COLUMN_PROJECT,
  COLUMN_TARGET,
  COLUMN_DEPARTMENTS,
  COLUMN_PARTNERS,
  COLUMN_DEADLINE,
  COLUMN_COMPLETION,
  COLUMN_RATE,
  COLUMN_NOTE,
  COLUMN_LEAD,
  /* 单位: the unit the row's figures count in. */
  COLUMN_UNIT,
  /* Not a header column: the name of an indicator in a project's row. */
  COLUMN_INDICATOR,
  N_COLUMNS
} Column;

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,
  CELL_FIGURE,
  CELL_PERCENT,
  CELL_DEPARTMENT,
  CELL_DEADLINE,
  CELL_NUMBER,
  /* A word of up to three characters: a unit (万人, 公里), or a short text. */
  CELL_SHORT,
} CellType;

typedef struct
{
  char     *text;
  char     *folded;
  CellType  type;
  guint     line;
  /* Covered by the cell on its left (a column span): empty, but under
   * that cell's heading. */
  gboolean  continues_left;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_free (cell->text);
  g_free (cell->folded);
}

static Column
column_for_header (const char *folded)
{
  static const struct {
    const char *pattern;
    Column      column;
  } rules[] = {
    { "^(?:序号|编号)$", COLUMN_NUMBER },
    { "^(?:计量)?单位$", COLUMN_UNIT },
    { "完成率|完成比例|形象进度|^完成目标$|^\\(%\\)$|^%$", COLUMN_RATE },
    { "目标完成情况|备注|说明", COLUMN_NOTE },
    /* Money beside the figures: 计划投资（万元）, 完成投资. */
    { "投资|资金|金额|万元|亿元", COLUMN_NOTE },
    { "季度目标|月目标|阶段目标|序时进度", COLUMN_NOTE },
    { "时限|完成时间|完成期限|完成时间节点", COLUMN_DEADLINE },
    /* What was done, however the period is named: 1-9月完成, 累计完成数,
     * 上半年完成, 已完成, 截至目前完成. */
    { "进展|完成|累计|^进度$|推进情况|落实情况|实际", COLUMN_COMPLETION },
    { "配合单位|协办单位|参与单位", COLUMN_PARTNERS },
    { "责任单位|牵头单位|牵头部门|责任部门|主责单位|级牵头|^牵头$|负责单位", COLUMN_DEPARTMENTS },
    { "责任领导|牵头领导|分管领导", COLUMN_LEAD },
    { "目标|建设内容|主要内容|建设规模|任务内容|具体内容", COLUMN_TARGET },
    { "^(?:工程|工程名称|类别|领域|板块|分类)$", COLUMN_GROUP },
    { "项目|名称|实事|任务|事项|内容", COLUMN_PROJECT },
  };
  g_autoptr(GString) compact = g_string_new (NULL);

  /* "项 目 内 容" */
  for (const char *s = folded; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      g_string_append_unichar (compact, g_utf8_get_char (s));

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (g_regex_match_simple (rules[i].pattern, compact->str, 0, 0))
        return rules[i].column;
    }

  return COLUMN_NONE;
}

/* "市教育局", "市住建局、市财政局", "团市委", "镇市场监管所", "各乡镇（街道）":
 * names of departments only. */
gboolean
_ms_notice_is_department_text (const char *folded)
{
  static GRegex *regex;
  /* "新建学校" names a thing to build, not who builds it. */
  static GRegex *action_regex;
  g_autoptr(GString) name = g_string_new (NULL);
  guint n_names = 0;
  int depth = 0;
  gboolean valid = TRUE;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:各[^\\d\\s。;:,]{1,12}|[^\\d\\s。;:,]{0,20}"
                                            "(?:局|委|办|厅|院|中心|公司|残联|妇联|团[省市县区]?委|工会|"
                                            "政府|街道|办事处|指挥部|集团|银行|管委会|委员会|办公室|协会|联社|大队|支队|"
                                            "分局|管理处|服务站|供销社|科协|文联|红十字会|所|站|馆|学校|医院|部))"
                                            "(?:\\((?:牵头|配合|主办|协办|负责|街道|乡镇|社区|[市县区旗](?:、[市县区旗])*)\\))?$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&action_regex))
    g_once_init_leave (&action_regex, g_regex_new ("^(?:新建|新增|改造|改扩建|扩建|建设|建成|实施|开展|推进|完成|提升|启动|加快|"
                                                   "增加|打造|开工|续建|培训|举办|免费|为)",
                                                   G_REGEX_OPTIMIZE, 0, NULL));

  if (g_utf8_strlen (folded, -1) > 60)
    return FALSE;

  /* Names are separated by 、 and commas outside brackets: 各县（市、区）. */
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(')
        depth++;
      else if (c == ')' && depth > 0)
        depth--;
      if (c == 0 || (depth == 0 && (c == 0x3001 || c == ',')))
        {
          g_strstrip (name->str);
          if (name->str[0] != '\0')
            {
              valid &= g_regex_match (regex, name->str, 0, NULL) &&
                       !g_regex_match (action_regex, name->str, 0, NULL);
              n_names++;
            }
          g_string_truncate (name, 0);
          if (c == 0)
            break;
          continue;
        }
      g_string_append_unichar (name, c);
    }

  return valid && n_names > 0;
}

static CellType
type_of_cell (const char *folded,
              guint       expected_number)
{
  static GRegex *figure_regex;
  static GRegex *deadline_regex;
  static GRegex *percent_regex;
  char *end = NULL;

  if (g_once_init_enter (&figure_regex))
    {
      percent_regex = g_regex_new ("^[\\d.]+\\s*%$", G_REGEX_OPTIMIZE, 0, NULL);
      deadline_regex = g_regex_new ("^(?:\\d{4}年)?\\d{1,2}月(?:底|末|份|中旬|上旬|下旬)?(?:前|以前)?(?:完成|动工|开工|投入使用|建成)?$"
                                    "|^(?:年底前?|年内|全年|长期|持续推进|当年)$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&figure_regex,
                         g_regex_new ("^[约近超]?[\\d,.]+\\s*(?:万|亿|千)?\\s*[^\\d\\s,.;:。]{0,4}$", G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (folded[0] == '\0')
    return CELL_EMPTY;
  if (g_ascii_isdigit (folded[0]) &&
      g_ascii_strtoull (folded, &end, 10) == expected_number && expected_number > 0 &&
      (end[0] == '\0' || g_str_equal (end, "*")))
    return CELL_NUMBER;
  if (g_str_has_suffix (folded, "%") && g_regex_match (percent_regex, folded, 0, NULL))
    return CELL_PERCENT;
  if (g_regex_match (figure_regex, folded, 0, NULL))
    return CELL_FIGURE;
  if (g_regex_match (deadline_regex, folded, 0, NULL))
    return CELL_DEADLINE;
  if (_ms_notice_is_department_text (folded))
    return CELL_DEPARTMENT;
  if (g_utf8_strlen (folded, -1) <= 3 && !_ms_notice_has_digit (folded) && !_ms_notice_has_any_punctuation (folded))
    return CELL_SHORT;
  return CELL_TEXT;
}

typedef struct
{
  GString *parts[N_COLUMNS];
  guint    number;
  guint    line;
} Record;

static gboolean
column_accepts (Column   column,
                CellType type)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return type == CELL_NUMBER;
    case COLUMN_GROUP:
    case COLUMN_PROJECT:
      return type == CELL_TEXT || type == CELL_SHORT;
    case COLUMN_TARGET:
      return type == CELL_TEXT || type == CELL_SHORT || type == CELL_FIGURE || type == CELL_PERCENT;
    case COLUMN_DEPARTMENTS:
    case COLUMN_PARTNERS:
    case COLUMN_LEAD:
      return type == CELL_DEPARTMENT;
    case COLUMN_DEADLINE:
      return type == CELL_DEADLINE;
    case COLUMN_COMPLETION:
      return type == CELL_TEXT || type == CELL_SHORT || type == CELL_FIGURE;
    case COLUMN_RATE:
      return type == CELL_PERCENT || type == CELL_FIGURE;
    case COLUMN_NOTE:
      return type != CELL_EMPTY && type != CELL_NUMBER;
    case COLUMN_UNIT:
      return type == CELL_SHORT;
    case COLUMN_NONE:
    case COLUMN_INDICATOR:
    case N_COLUMNS:
    default:
      return FALSE;
    }
}

static void
record_add (Record     *record,
            Column      column,
            const char *text)
{
  GString *part = record->parts[column];

  if (text == NULL || text[0] == '\0')
    return;
  if (part->len > 0)
    g_string_append (part, column == COLUMN_DEPARTMENTS || column == COLUMN_PARTNERS ? "、" : "\n");
  g_string_append (part, text);
}

/* Reads a row by what its cells look like, in the header's order. */
static void
read_row_by_content (Record       *record,
                     Cell         *cells,
                     guint         n_cells,
                     const Column *columns,
                     guint         n_columns)
{
  guint next_column = 0;
  /* On the heap: a row's cell count comes from the input. */
  g_autofree gboolean *any_figure_later = g_new0 (gboolean, n_cells + 1);

  /* Columns before 序号 (工程, 类别) hold the cells before the number; a
   * row without its number lost them to a span, and starts after it. */
  {
    gboolean has_number = FALSE;

    for (guint i = 0; i < n_cells; i++)
      has_number |= cells[i].type == CELL_NUMBER;
    if (!has_number)
      for (guint c = 0; c < n_columns; c++)
        if (columns[c] == COLUMN_NUMBER)
          next_column = c + 1;
  }

  any_figure_later[n_cells] = FALSE;
  for (guint i = n_cells; i > 0; i--)
    any_figure_later[i - 1] = any_figure_later[i] || cells[i - 1].type == CELL_FIGURE;

  for (guint i = 0; i < n_cells; i++)
    {
      Cell *cell = &cells[i];
      guint found = G_MAXUINT;

      if (cell->type == CELL_EMPTY)
        continue;
      if (cell->type == CELL_NUMBER)
        {
          /* Columns before 序号 (工程, 类别) are behind us. */
          for (guint c = 0; c < n_columns; c++)
            if (columns[c] == COLUMN_NUMBER)
              next_column = MAX (next_column, c + 1);
          continue;
        }
      /* Departments wherever they stand: rows lose cells before them. */
      if (cell->type == CELL_DEPARTMENT)
        {
          for (guint c = 0; c < n_columns && found == G_MAXUINT; c++)
            if (columns[c] == COLUMN_DEPARTMENTS)
              found = c;
          if (found != G_MAXUINT)
            {
              record_add (record, COLUMN_DEPARTMENTS, cell->text);
              next_column = MAX (next_column, found + 1);
              continue;
            }
        }

      /* Text before the figures, once the project is named: the name of
       * the indicator the figures measure. */
      if (cell->type == CELL_TEXT && any_figure_later[i + 1] && record->parts[COLUMN_PROJECT]->len > 0 &&
          record->parts[COLUMN_INDICATOR]->len == 0 && record->parts[COLUMN_TARGET]->len == 0)
        {
          record_add (record, COLUMN_INDICATOR, cell->text);
          continue;
        }

      for (guint c = next_column; c < n_columns && found == G_MAXUINT; c++)
        {
          if (column_accepts (columns[c], cell->type) &&
              /* A project's text before the figures, not in the figures' columns. */
              !(cell->type == CELL_TEXT && columns[c] == COLUMN_TARGET && any_figure_later[i + 1] &&
                record->parts[COLUMN_PROJECT]->len == 0))
            found = c;
        }
      if (found == G_MAXUINT)
        {
          /* Nothing left for it: text continues the project, the rest is a note. */
          record_add (record, (cell->type == CELL_TEXT || cell->type == CELL_SHORT) && record->parts[COLUMN_COMPLETION]->len == 0 &&
                              record->parts[COLUMN_NOTE]->len == 0 ? COLUMN_TARGET : COLUMN_NOTE,
                      cell->text);
          continue;
        }
      /* Figures of the same row: a reported figure also fills a missing rate's place. */
      record_add (record, columns[found], cell->text);
      next_column = found + 1;
    }
}

static gboolean
starts_with_place_level (const char *text)
{
  static const char * const levels[] = { "省", "市", "县", "区", "州", "盟", "旗", "镇", "乡" };

  return _ms_notice_starts_with_any (text, levels, G_N_ELEMENTS (levels));
}

/* "市人力资源" "社会保障局" or "市教育局、" "团市委": a name broken over cells. */
static guint
join_broken_departments (Cell *cells,
                         guint n_cells)
{
  guint out = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      if (out > 0 && cells[i].type == CELL_DEPARTMENT)
        {
          Cell *previous = &cells[out - 1];
          gboolean open_list = g_str_has_suffix (previous->folded, "、") || g_str_has_suffix (previous->folded, ",");
          /* Not the row's first text: that names the project ("新增城镇就业" "人社局"). */
          gboolean piece = (previous->type == CELL_TEXT || previous->type == CELL_SHORT) &&
                           g_utf8_strlen (previous->folded, -1) <= 8 &&
                           !_ms_notice_has_any_punctuation (previous->folded) && !_ms_notice_has_digit (previous->folded) &&
                           out >= 2 && cells[out - 2].type != CELL_NUMBER &&
                           starts_with_place_level (previous->folded);

          if ((previous->type == CELL_DEPARTMENT && open_list) || piece)
            {
              char *text = g_strconcat (previous->text, cells[i].text, NULL);
              char *folded = g_strconcat (previous->folded, cells[i].folded, NULL);

              g_free (previous->text);
              g_free (previous->folded);
              previous->text = text;
              previous->folded = folded;
              previous->type = CELL_DEPARTMENT;
              cell_clear (&cells[i]);
              continue;
            }
        }
      if (out != i)
        {
          cells[out] = cells[i];
          cells[i].text = cells[i].folded = NULL;
        }
      out++;
    }

  return out;
}

/* "城镇新增就业(人)": the unit a bare figure of the row counts in. */
static char *
unit_from_name (const char *folded)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\(([^()\\d]{1,4})\\)\\s*$", G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, folded, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

static char *
name_without_unit (const char *text)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\s*[(（][^()（）\\d]{1,4}[)）]\\s*$", G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

typedef struct
{
  double    value;
  double    scale;
  char     *magnitude;
  char     *unit;
  gboolean  about;
} Figure;

static void
figure_clear (Figure *figure)
{
  g_free (figure->magnitude);
  g_free (figure->unit);
}

/* A cell holding one figure: "26000", "1300人", "10000万", "约2.5万元". */
static gboolean
parse_figure (const char *folded,
              Figure     *figure)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *about = NULL;
  g_autofree char *digits = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s*([约近])?\\s*([\\d,]+(?:\\.\\d+)?)\\s*(万|亿|千)?\\s*([^\\d\\s,.;:。]{0,4})\\s*$",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, folded, 0, &match))
    return FALSE;

  about = g_match_info_fetch (match, 1);
  digits = g_match_info_fetch (match, 2);
  for (const char *d = digits; *d; d++)
    if (*d != ',')
      g_string_append_c (plain, *d);
  figure->value = g_ascii_strtod (plain->str, NULL);
  figure->magnitude = g_match_info_fetch (match, 3);
  figure->unit = g_match_info_fetch (match, 4);
  figure->about = about != NULL && about[0] != '\0';
  figure->scale = g_str_equal (figure->magnitude, "万") ? 1e4 : g_str_equal (figure->magnitude, "亿") ? 1e8 :
                  g_str_equal (figure->magnitude, "千") ? 1e3 : 1;

  return TRUE;
}

static GRegex *
figure_at_end_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\s*[\\d,.]+\\s*(?:万|亿|千)?[^\\d\\s,.;:。，；、()（）]{0,2}$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* A target and a reported figure in columns of one row: one indicator. */
static MsIndicator *
indicator_from_row (Builder    *b,
                    const char *name,
                    const char *target,
                    const char *actual)
{
  g_autofree char *target_folded = _ms_notice_fold_text (target, b->traditional);
  g_autofree char *name_folded = _ms_notice_fold_text (name ? name : "", b->traditional);
  Figure wanted = { 0 };
  g_autofree char *unit = NULL;
  g_autofree char *clean_name = NULL;
  MsIndicator *indicator;

  if (!parse_figure (target_folded, &wanted))
    return NULL;

  unit = g_strconcat (wanted.magnitude, wanted.unit, NULL);
  if (wanted.unit[0] == '\0')
    {
      g_autofree char *named = unit_from_name (name_folded);

      if (named != NULL)
        {
          g_free (unit);
          unit = g_strconcat (wanted.magnitude, named, NULL);
        }
    }

  indicator = ms_indicator_new ();
  clean_name = name_without_unit (name ? name : "");
  {
    /* "送戏曲下乡20场" in the name column: the figure is in its own column. */
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *without_figure = NULL;
    g_autofree char *figure = NULL;
    g_autofree char *folded_figure = NULL;
    Figure in_name = { 0 };

    if (g_regex_match (figure_at_end_regex (), clean_name, 0, &match))
      {
        int start = 0;

        g_match_info_fetch_pos (match, 0, &start, NULL);
        figure = g_match_info_fetch (match, 0);
        folded_figure = ms_text_normalize (figure);
        /* Only the row's own target: "新建公园1号" keeps its number. */
        if (parse_figure (folded_figure, &in_name) && in_name.value * in_name.scale == wanted.value * wanted.scale)
          without_figure = g_strndup (clean_name, start);
        figure_clear (&in_name);
      }

    if (without_figure != NULL && g_utf8_strlen (without_figure, -1) >= 2)
      {
        g_free (clean_name);
        clean_name = g_steal_pointer (&without_figure);
      }
  }
  /* A row naming nothing measures its project. */
  if (clean_name[0] == '\0' && b->fields[FIELD_TARGET]->len > 0)
    {
      g_autofree char *first_line = g_strndup (b->fields[FIELD_TARGET]->str,
                                               strcspn (b->fields[FIELD_TARGET]->str, "\n"));

      g_free (clean_name);
      clean_name = g_steal_pointer (&first_line);
    }
  ms_indicator_set_name (indicator, clean_name);
  ms_indicator_set_unit (indicator, unit);
  ms_indicator_set_target (indicator, wanted.value);
  if (wanted.about)
    ms_indicator_set_comparison (indicator, MS_COMPARISON_ABOUT);
  if (strstr (name_folded, "低于") != NULL || strstr (name_folded, "控制在") != NULL ||
      strstr (name_folded, "不超过") != NULL)
    ms_indicator_set_comparison (indicator, MS_COMPARISON_AT_MOST);

  if (actual != NULL && actual[0] != '\0')
    {
      g_autofree char *actual_folded = _ms_notice_fold_text (actual, b->traditional);

      Figure reported = { 0 };

      if (parse_figure (actual_folded, &reported))
        {
          double value = reported.value;

          /* A bare figure counts in the target's unit ("10000万" then "7965"). */
          if (reported.magnitude[0] != '\0' || reported.unit[0] != '\0')
            value = reported.value * reported.scale / wanted.scale;
          ms_indicator_set_actual (indicator, value);
        }
      figure_clear (&reported);
    }

  figure_clear (&wanted);
  return indicator;
}

static gboolean
category_has_projects (MsCategory *category)
{
  GListModel *groups = ms_category_get_groups (category);

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    if (g_list_model_get_n_items (ms_group_get_projects (ms_category_get_group (category, g))) > 0)
      return TRUE;

  return FALSE;
}

/* "新改建农村公路90公里" in the target column and "82" done: the one figure
 * of the sentence and the bare figure reported for it. */
static MsIndicator *
indicator_from_sentence (Builder    *b,
                         const char *target,
                         const char *actual)
{
  g_autofree char *folded = _ms_notice_fold_text (target, b->traditional);
  g_autoptr(GPtrArray) quantities = ms_quantity_scan (folded);
  g_autofree char *figure = NULL;
  g_autofree char *name = NULL;
  MsQuantity *quantity = NULL;

  for (guint i = 0; quantities != NULL && i < quantities->len; i++)
    {
      MsQuantity *candidate = g_ptr_array_index (quantities, i);

      if (candidate->descriptive)
        continue;
      if (quantity != NULL)
        return NULL;
      quantity = candidate;
    }
  if (quantity == NULL || quantity->unit[0] == '\0')
    return NULL;

  figure = g_utf8_substring (folded, quantity->start, quantity->end);
  name = g_utf8_substring (target, 0, quantity->start);

  return indicator_from_row (b, name, figure, actual);
}

static void
start_table_project (Builder       *b,
                     MsNoticeBlock *block,
                     guint          number,
                     guint          line,
                     const char    *columns_text,
                     guint         *last_project_number)
{
  g_autoptr(MsProject) project = ms_project_new ();
  g_autofree char *basis = NULL;
  MsProject *read_before;

  _ms_notice_finish_project (b);
  read_before = g_hash_table_lookup (b->paragraph_projects, GUINT_TO_POINTER (number));
  /* A table opening a new part (二、省级 after 一、市级 1.–5.) starts its
   * own projects; one attached to the text lists the text's again. */
  if (read_before != NULL && (b->table_starts_own ||
                              (b->category != NULL &&
                               ms_group_get_category (ms_project_get_group (read_before)) != b->category &&
                               !category_has_projects (b->category))))
    read_before = NULL;
  if (read_before != NULL)
    {
      b->project = read_before;
      b->from_table = TRUE;
      b->filling_in = TRUE;
      b->field = FIELD_TARGET;
      *last_project_number = number;
      return;
    }
  b->table_starts_own = TRUE;
  _ms_notice_ensure_group (b, line);
  if (*last_project_number != 0 && number != *last_project_number + 1 && number != 1)
    _ms_notice_add_remark (b->report->warnings, line,
                /* translators: both are project numbers */
                _("project %u follows project %u: check the numbering"),
                number, *last_project_number);
  *last_project_number = number;

  ms_project_set_number (project, number);
  ms_group_insert_project (b->group, G_MAXUINT, project);
  b->project = project;
  b->project_line = line;
  b->field = FIELD_TARGET;
  b->from_table = TRUE;
  b->report->n_projects++;
  /* translators: how a project was recognised: %s is how the table was
   * written ("one cell per line"), then the columns of its header */
  basis = g_strdup_printf (_("table row (%s; columns %s)"), _(block->shape), columns_text);
  _ms_notice_add_item (b->report, project, line, basis);
}

static GRegex *
table_heading_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s*(?:([一二三四五六七八九十]+)\\s*[、.]|\\(([一二三四五六七八九十]+)\\))\\s*(\\S.{0,28})$",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* "（3项）" after a part's title counts its items. */
static GRegex *
count_suffix_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\s*[(（]\\s*(?:共)?\\d+\\s*[项件个]\\s*[)）]\\s*$", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

static void
start_table_section (Builder    *b,
                     const char *heading)
{
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autofree char *title = _ms_notice_category_title_from_heading (heading);
  g_autofree char *id = NULL;

  _ms_notice_finish_project (b);
  id = _ms_notice_category_id_for (b, title, b->report->n_categories + 1);
  ms_category_set_id (category, id);
  ms_category_set_title (category, title);
  ms_document_insert_category (b->document, G_MAXUINT, category);
  b->category = category;
  b->group = NULL;
  b->report->n_categories++;
}

static void
start_table_group (Builder    *b,
                   const char *title,
                   guint       line)
{
  g_autoptr(MsGroup) group = ms_group_new ();
  g_autofree char *clean = _ms_notice_trim (title);

  _ms_notice_finish_project (b);
  _ms_notice_ensure_category (b, line);
  ms_group_set_number (group, g_list_model_get_n_items (ms_category_get_groups (b->category)) + 1);
  ms_group_set_title (group, clean);
  ms_category_insert_group (b->category, G_MAXUINT, group);
  b->group = group;
  b->report->n_groups++;
}


/* Adds what one row says to the project it belongs to. */
static void
take_row (Builder *b,
          Record  *row)
{
  gboolean first_row = b->fields[FIELD_TARGET]->len == 0;
  const char *project_text = row->parts[COLUMN_PROJECT]->str;
  /* What this row's figures measure: its indicator column, or on a row
   * continuing a project, its own text. */
  const char *label = row->parts[COLUMN_INDICATOR]->len > 0 ? row->parts[COLUMN_INDICATOR]->str
                      : !first_row ? project_text : "";
  g_autofree char *target_with_unit = NULL;
  const char *target = row->parts[COLUMN_TARGET]->str;
  const char *actual = row->parts[COLUMN_COMPLETION]->str;
  g_autofree char *target_folded = NULL;

  /* "1.2" in the 目标 column, "万人" in the 单位 column. */
  if (row->parts[COLUMN_UNIT]->len > 0 && target[0] != '\0')
    {
      g_autofree char *bare = _ms_notice_fold_text (target, b->traditional);
      Figure figure = { 0 };

      if (parse_figure (bare, &figure) && figure.unit[0] == '\0' && figure.magnitude[0] == '\0')
        {
          target_with_unit = g_strconcat (target, row->parts[COLUMN_UNIT]->str, NULL);
          target = target_with_unit;
        }
      figure_clear (&figure);
    }
  target_folded = _ms_notice_fold_text (target, b->traditional);
  g_autofree char *actual_folded = _ms_notice_fold_text (actual, b->traditional);
  gboolean target_is_figure = type_of_cell (target_folded, 0) == CELL_FIGURE;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) measured = g_string_new (NULL);
  MsIndicator *indicator = NULL;

  if (target_is_figure && (actual[0] == '\0' || type_of_cell (actual_folded, 0) == CELL_FIGURE))
    indicator = indicator_from_row (b, label[0] != '\0' ? label : project_text, target, actual);
  else if (!target_is_figure && target[0] != '\0' && type_of_cell (actual_folded, 0) == CELL_FIGURE)
    indicator = indicator_from_sentence (b, target, actual);

  /* The pledge as a person reads it: "项目：名称：目标". */
  if (first_row)
    g_string_append (shown, project_text);
  if (label[0] != '\0' && !g_str_equal (label, project_text))
    {
      if (shown->len > 0)
        g_string_append_c (shown, '\n');
      g_string_append (shown, label);
    }
  else if (label[0] != '\0' && !first_row)
    g_string_append (shown, label);
  if (target[0] != '\0')
    {
      if (shown->len > 0)
        g_string_append (shown, target_is_figure ? "：" : "\n");
      g_string_append (shown, target);
    }
  if (shown->len > 0 && strstr (b->fields[FIELD_TARGET]->str, shown->str) == NULL)
    _ms_notice_append_line (b->fields[FIELD_TARGET], shown->str);

  if (indicator != NULL)
    {
      g_ptr_array_add (b->table_indicators, indicator);
      if (actual[0] != '\0')
        {
          const char *name = ms_indicator_get_name (indicator);
          g_autofree char *reported = g_strdup_printf ("%s%s%s", name, name[0] ? "：" : "", actual);

          _ms_notice_append_line (b->fields[FIELD_COMPLETION], reported);
        }
    }
  else
    {
      /* Texts: figures are found in them as in paragraphs, one row a clause. */
      if (label[0] != '\0')
        g_string_append (measured, label);
      else if (first_row)
        g_string_append (measured, project_text);
      if (target[0] != '\0')
        {
          if (measured->len > 0 && !target_is_figure)
            g_string_append_c (measured, '\n');
          g_string_append (measured, target);
        }
      _ms_notice_append_line (b->quantity_target, measured->str);
      if (actual[0] != '\0')
        {
          _ms_notice_append_line (b->fields[FIELD_COMPLETION], actual);
          _ms_notice_append_line (b->quantity_completion, actual);
        }
    }

  if (row->parts[COLUMN_DEPARTMENTS]->len > 0)
    {
      if (b->fields[FIELD_DEPARTMENTS]->len > 0)
        g_string_append (b->fields[FIELD_DEPARTMENTS], "、");
      g_string_append (b->fields[FIELD_DEPARTMENTS], row->parts[COLUMN_DEPARTMENTS]->str);
    }
  if (row->parts[COLUMN_PARTNERS]->len > 0)
    {
      if (b->fields[FIELD_PARTNERS]->len > 0)
        g_string_append (b->fields[FIELD_PARTNERS], "、");
      g_string_append (b->fields[FIELD_PARTNERS], row->parts[COLUMN_PARTNERS]->str);
    }
  if (row->parts[COLUMN_LEAD]->len > 0)
    _ms_notice_append_piece (b->fields[FIELD_LEAD], row->parts[COLUMN_LEAD]->str);
  if (row->parts[COLUMN_DEADLINE]->len > 0)
    {
      /* translators: a project's deadline as a table of a notice gives it, kept in its note */
      g_autofree char *deadline = g_strdup_printf (_("Deadline: %s"), row->parts[COLUMN_DEADLINE]->str);

      _ms_notice_append_line (b->fields[FIELD_NOTE], deadline);
    }
  if (row->parts[COLUMN_RATE]->len > 0)
    {
      /* translators: the completion rate a table of a notice gives, kept in the project's note */
      g_autofree char *rate = g_strdup_printf (_("Completion rate: %s"), row->parts[COLUMN_RATE]->str);

      _ms_notice_append_line (b->fields[FIELD_NOTE], rate);
    }
  if (row->parts[COLUMN_NOTE]->len > 0)
    _ms_notice_append_line (b->fields[FIELD_NOTE], row->parts[COLUMN_NOTE]->str);
}

static void
record_init (Record *record)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    record->parts[i] = g_string_new (NULL);
}

static void
record_clear (Record *record)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_free (record->parts[i], TRUE);
}

/* The cells of a table laid out on a grid: a span's text stands in each
 * row it covers (a department for several rows), once across columns. */
static GPtrArray *
table_grid (MsNoticeBlock *block,
            gboolean       traditional)
{
  GPtrArray *grid = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_autoptr(GArray) pending_rows = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *source = g_ptr_array_index (block->rows, r);
      GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));
      guint column = 0;

      g_array_set_clear_func (row, (GDestroyNotify)cell_clear);
      for (guint s = 0; s < source->len || column < pending->len; )
        {
          Cell cell = { 0 };

          if (column < pending->len && g_array_index (pending_rows, guint, column) > 0)
            {
              Cell *above = &g_array_index (pending, Cell, column);

              cell.text = g_strdup (above->text);
              cell.folded = g_strdup (above->folded);
              cell.line = above->line;
              g_array_index (pending_rows, guint, column)--;
              g_array_append_val (row, cell);
              column++;
              continue;
            }
          if (s >= source->len)
            {
              column++;
              if (column >= pending->len)
                break;
              {
                Cell empty = { g_strdup (""), g_strdup (""), CELL_EMPTY, 0 };

                g_array_append_val (row, empty);
              }
              continue;
            }

          {
            MsNoticeCell *from = g_ptr_array_index (source, s++);

            cell.text = _ms_notice_trim (from->text);
            cell.folded = _ms_notice_fold_text (cell.text, traditional);
            cell.line = from->line;
            if (from->row_span > 1)
              {
                Cell copy = { g_strdup (cell.text), g_strdup (cell.folded), CELL_EMPTY, cell.line };
                guint remaining = from->row_span - 1;

                if (pending->len <= column)
                  {
                    g_array_set_size (pending, column + 1);
                    g_array_set_size (pending_rows, column + 1);
                  }
                cell_clear (&g_array_index (pending, Cell, column));
                g_array_index (pending, Cell, column) = copy;
                g_array_index (pending_rows, guint, column) = remaining;
              }
            g_array_append_val (row, cell);
            column++;
            for (guint extra = 1; extra < from->column_span && extra < 64; extra++)
              {
                Cell empty = { g_strdup (""), g_strdup (""), CELL_EMPTY, cell.line, TRUE };

                g_array_append_val (row, empty);
                column++;
              }
          }
        }
      g_ptr_array_add (grid, row);
    }

  for (guint i = 0; i < pending->len; i++)
    cell_clear (&g_array_index (pending, Cell, i));

  return grid;
}

static gboolean
is_metadata_table (GPtrArray *grid)
{
  guint labelled = 0, cells = 0;

  for (guint r = 0; r < grid->len; r++)
    {
      GArray *row = g_ptr_array_index (grid, r);

      for (guint c = 0; c < row->len; c += 2)
        {
          Cell *cell = &g_array_index (row, Cell, c);

          cells++;
          labelled += g_str_has_suffix (cell->folded, ":");
        }
    }

  return cells > 0 && labelled * 2 >= cells;
}

/* Whether each cell looks like what its column holds. */
static gboolean
fits_columns (const Cell   *cells,
              guint         n_cells,
              const Column *columns)
{
  for (guint c = 0; c < n_cells; c++)
    {
      CellType type = cells[c].type;

      if (type == CELL_EMPTY || columns[c] == COLUMN_NONE || columns[c] == COLUMN_NOTE)
        continue;
      /* Names and numbers may be written any way; a department is not a figure. */
      /* Under 责任单位, any short name without figures is a department. */
      if ((columns[c] == COLUMN_DEPARTMENTS || columns[c] == COLUMN_PARTNERS) && type != CELL_DEPARTMENT &&
          !((type == CELL_TEXT || type == CELL_SHORT) && !_ms_notice_has_digit (cells[c].folded) &&
            g_utf8_strlen (cells[c].folded, -1) <= 30))
        return FALSE;
      if (columns[c] == COLUMN_NUMBER && type != CELL_NUMBER && type != CELL_FIGURE)
        return FALSE;
      if (columns[c] == COLUMN_RATE && type == CELL_DEPARTMENT)
        return FALSE;
    }

  return TRUE;
}

/* The row naming the columns: two known words, one of them 序号, a
 * project's or a department's column. */
static guint
find_table_header (GPtrArray *grid)
{
  for (guint r = 0; r < MIN (grid->len, 3); r++)
    {
      GArray *row = g_ptr_array_index (grid, r);
      guint known = 0;
      gboolean anchor = FALSE;

      for (guint c = 0; c < row->len; c++)
        {
          const char *folded = g_array_index (row, Cell, c).folded;
          Column column = _ms_notice_is_header_word (folded) ? column_for_header (folded) : COLUMN_NONE;

          known += column != COLUMN_NONE;
          anchor |= column == COLUMN_NUMBER || column == COLUMN_PROJECT || column == COLUMN_DEPARTMENTS;
        }
      if (known >= 2 && anchor)
        return r;
    }

  return G_MAXUINT;
}

/* A table without a header is read as lines; page metadata (索引号: | … |
 * 发布机构: | …) as page chrome. */
void
_ms_notice_add_table_lines (GPtrArray     *lines,
                 MsNoticeBlock *block,
                 gboolean       traditional)
{
  g_autoptr(GPtrArray) grid = table_grid (block, traditional);
  gboolean metadata;

  if (find_table_header (grid) != G_MAXUINT)
    {
      Line *line = g_new0 (Line, 1);

      line->number = block->line;
      line->text = g_strdup ("");
      line->folded = g_strdup ("");
      line->kind = LINE_TABLE;
      line->block = block;
      g_ptr_array_add (lines, line);
      return;
    }

  metadata = is_metadata_table (grid);
  for (guint r = 0; r < grid->len; r++)
    {
      GArray *row = g_ptr_array_index (grid, r);
      g_autoptr(GString) joined = g_string_new (NULL);
      guint number = block->line;

      for (guint c = 0; c < row->len; c++)
        {
          Cell *cell = &g_array_index (row, Cell, c);

          if (cell->text[0] == '\0')
            continue;
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, cell->text);
          number = cell->line ? cell->line : number;
        }
      if (joined->len > 0)
        {
          Line *line = _ms_notice_line_new (number, joined->str, traditional);

          if (metadata)
            line->kind = LINE_CHROME;
          g_ptr_array_add (lines, line);
        }
    }
}

void
_ms_notice_interpret_table (Builder       *b,
                 MsNoticeBlock *block,
                 guint         *last_project_number)
{
  b->table_starts_own = FALSE;

  g_autoptr(GPtrArray) grid = table_grid (block, b->traditional);
  g_autoptr(GArray) raw_columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(GString) columns_text = g_string_new (NULL);
  g_autofree char *group_title = NULL;
  /* Only cells with their bounds kept can be read by position. */
  gboolean positional_allowed = !g_str_equal (block->shape, "one cell per line") &&
                                !g_str_equal (block->shape, "cells separated by spaces");
  guint header = G_MAXUINT;
  gboolean have_project = FALSE;
  gboolean has_number_column = FALSE;
  gboolean has_project_column = FALSE;
  GArray *sub_header = NULL;
  g_autofree char *previous_departments = NULL;

  header = find_table_header (grid);
  if (header == G_MAXUINT)
    return;

  /* A header over two rows: "年度目标" spanning "数量 | 单位" below it. */
  {
    GArray *top = g_ptr_array_index (grid, header);
    GArray *below = header + 1 < grid->len ? g_ptr_array_index (grid, header + 1) : NULL;
    guint words = 0;
    gboolean figures = FALSE;

    for (guint c = 0; below != NULL && c < below->len; c++)
      {
        const char *folded = g_array_index (below, Cell, c).folded;

        words += folded[0] != '\0' && column_for_header (folded) != COLUMN_NONE;
        figures |= _ms_notice_has_digit (folded) && !g_str_has_suffix (folded, "%)") &&
                   !g_regex_match_simple ("月|季度|年", folded, 0, 0);
      }
    if (below != NULL && below->len == top->len && words >= 2 && !figures)
      sub_header = below;
  }

  {
    GArray *row = g_ptr_array_index (grid, header);
    const char *origin = "";

    for (guint c = 0; c < row->len; c++)
      {
        const Cell *heading = &g_array_index (row, Cell, c);
        Column column;

        if (!heading->continues_left)
          origin = heading->folded;
        column = column_for_header (heading->continues_left ? origin : heading->folded);
        if (sub_header != NULL)
          {
            const char *under = g_array_index (sub_header, Cell, c).folded;
            Column specific = under[0] != '\0' && !g_str_equal (under, heading->folded) ?
                              column_for_header (under) : COLUMN_NONE;

            /* The lower row says what the column holds; the upper one when it says nothing known. */
            if (specific != COLUMN_NONE)
              column = specific;
          }
        Column previous = columns->len > 0 ? g_array_index (columns, Column, columns->len - 1) : COLUMN_NONE;

        g_array_append_val (raw_columns, column);
        /* "工程" "名称", "市级牵头" "责任单位": one column written on two lines. */
        if (column == COLUMN_NONE || column == previous ||
            (previous == COLUMN_GROUP && column == COLUMN_PROJECT && !positional_allowed))
          continue;
        g_array_append_val (columns, column);
        if (columns_text->len > 0)
          g_string_append (columns_text, " | ");
        g_string_append (columns_text, g_array_index (row, Cell, c).text);
      }
  }

  for (guint c = 0; c < raw_columns->len; c++)
    {
      has_number_column |= g_array_index (raw_columns, Column, c) == COLUMN_NUMBER;
      has_project_column |= g_array_index (raw_columns, Column, c) == COLUMN_PROJECT;
    }

  for (guint r = header + (sub_header != NULL ? 2 : 1); r < grid->len; r++)
    {
      GArray *source = g_ptr_array_index (grid, r);
      guint n_cells = source->len;
      g_autofree Cell *cells = g_new0 (Cell, n_cells + 1);
      guint expected = *last_project_number + 1;
      gboolean numbered = FALSE;
      guint non_empty = 0;
      guint line = block->line;
      Record row = { 0 };

      for (guint c = 0; c < n_cells; c++)
        {
          Cell *from = &g_array_index (source, Cell, c);

          cells[c].text = g_strdup (from->text);
          cells[c].folded = g_strdup (from->folded);
          cells[c].line = from->line;
          cells[c].type = type_of_cell (from->folded, expected);
          /* A table numbered from 1 again after paragraphs. */
          if (cells[c].type == CELL_FIGURE && !have_project && type_of_cell (from->folded, 1) == CELL_NUMBER)
            cells[c].type = CELL_NUMBER;
          if (cells[c].type != CELL_EMPTY)
            {
              non_empty++;
              if (line == block->line && from->line != 0)
                line = from->line;
            }
        }

      record_init (&row);

      if (positional_allowed && n_cells == raw_columns->len &&
          fits_columns (cells, n_cells, (Column *)(void *)raw_columns->data))
        {
          for (guint c = 0; c < n_cells; c++)
            {
              Column column = g_array_index (raw_columns, Column, c);

              if (column == COLUMN_NUMBER)
                {
                  char *end = NULL;
                  guint64 value = g_ascii_strtoull (cells[c].folded, &end, 10);

                  if (value > 0 && value < 1000000 && (end[0] == '\0' || g_str_equal (end, "*")))
                    {
                      numbered = TRUE;
                      row.number = (guint)value;
                    }
                  continue;
                }
              if (column != COLUMN_NONE)
                record_add (&row, column, cells[c].text);
            }
        }
      else
        {
          n_cells = join_broken_departments (cells, n_cells);
          for (guint c = 0; c < n_cells; c++)
            {
              if (cells[c].type == CELL_NUMBER)
                {
                  numbered = TRUE;
                  row.number = (guint)g_ascii_strtoull (cells[c].folded, NULL, 10);
                  break;
                }
              if (cells[c].type != CELL_EMPTY && cells[c].type != CELL_TEXT && cells[c].type != CELL_SHORT)
                break;
            }
          read_row_by_content (&row, cells, n_cells, (Column *)(void *)columns->data, columns->len);
        }

      /* "一、教育类（3项）" or "（一）…" across the table: the rows under it
       * are that part's or that group's. */
      if (non_empty == 1)
        {
          const Cell *only = NULL;
          g_autoptr(GMatchInfo) heading = NULL;

          for (guint c = 0; c < n_cells && only == NULL; c++)
            if (cells[c].type != CELL_EMPTY)
              only = &cells[c];
          if (only != NULL &&
              g_regex_match (table_heading_regex (), only->folded, 0, &heading))
            {
              g_autofree char *group_numeral = g_match_info_fetch (heading, 2);
              int title_start = 0;

              g_match_info_fetch_pos (heading, 3, &title_start, NULL);
              {
                g_autofree char *written = g_utf8_substring (only->text, g_utf8_pointer_to_offset (only->folded, only->folded + title_start),
                                                             g_utf8_strlen (only->text, -1));
                g_autofree char *written_clean = g_regex_replace (count_suffix_regex (), written, -1, 0, "", 0, NULL);

                if (group_numeral != NULL && group_numeral[0] != '\0')
                  start_table_group (b, written_clean, line);
                else
                  start_table_section (b, written_clean);
              }
              record_clear (&row);
              for (guint c = 0; c < source->len; c++)
                cell_clear (&cells[c]);
              continue;
            }
        }

      /* 合计/总计: the table's totals, no project. */
      {
        const Cell *first = NULL;

        for (guint c = 0; c < n_cells && first == NULL; c++)
          if (cells[c].type != CELL_EMPTY)
            first = &cells[c];
        if (first != NULL && g_regex_match_simple ("^(?:合\\s*计|总\\s*计|小\\s*计|汇总)$", first->folded, 0, 0))
          {
            g_autoptr(GString) joined = g_string_new (NULL);

            for (guint c = 0; c < n_cells; c++)
              if (cells[c].text != NULL && cells[c].text[0] != '\0')
                {
                  if (joined->len > 0)
                    g_string_append_c (joined, ' ');
                  g_string_append (joined, cells[c].text);
                }
            _ms_notice_keep_text_in_note (b, line, joined->str);
            record_clear (&row);
            for (guint c = 0; c < source->len; c++)
              cell_clear (&cells[c]);
            continue;
          }
      }

      /* "注：完成率为…" across the table's foot: a note, not a row. */
      if (non_empty == 1)
        {
          const char *only = NULL;

          for (guint c = 0; c < n_cells && only == NULL; c++)
            if (cells[c].type != CELL_EMPTY)
              only = cells[c].folded;
          if (only != NULL && g_regex_match_simple ("^(?:注|备注|说明|注释|附注)\\s*\\d*\\s*[:：]", only, 0, 0))
            {
              for (guint c = 0; c < n_cells; c++)
                if (cells[c].type != CELL_EMPTY)
                  _ms_notice_keep_text_in_note (b, cells[c].line ? cells[c].line : line, cells[c].text);
              record_clear (&row);
              for (guint c = 0; c < source->len; c++)
                cell_clear (&cells[c]);
              continue;
            }
        }

      /* A row of one short text between numbered rows: a group's title. */
      if (!numbered && non_empty == 1 && row.parts[COLUMN_GROUP]->len == 0 &&
          !_ms_notice_has_digit (row.parts[COLUMN_PROJECT]->str) && !_ms_notice_has_digit (row.parts[COLUMN_TARGET]->str) &&
          g_utf8_strlen (row.parts[COLUMN_PROJECT]->len > 0 ? row.parts[COLUMN_PROJECT]->str : row.parts[COLUMN_TARGET]->str, -1) <= 20 &&
          (row.parts[COLUMN_PROJECT]->len > 0 || row.parts[COLUMN_TARGET]->len > 0) && !have_project)
        {
          start_table_group (b, row.parts[COLUMN_PROJECT]->len > 0 ? row.parts[COLUMN_PROJECT]->str
                                                                    : row.parts[COLUMN_TARGET]->str, line);
          record_clear (&row);
          for (guint c = 0; c < source->len; c++)
            cell_clear (&cells[c]);
          continue;
        }

      if (row.parts[COLUMN_GROUP]->len > 0 &&
          (group_title == NULL || !g_str_equal (group_title, row.parts[COLUMN_GROUP]->str)))
        {
          g_free (group_title);
          group_title = g_strdup (row.parts[COLUMN_GROUP]->str);
          start_table_group (b, group_title, line);
        }

      /* 序号 merged over two rows: the second row is the same project's. */
      if (numbered && have_project && b->project != NULL && row.number == *last_project_number)
        numbered = FALSE;
      /* No 序号 column: each row naming a project is the next one. */
      if (!numbered && !has_number_column &&
          (row.parts[COLUMN_PROJECT]->len > 0 || (!has_project_column && row.parts[COLUMN_TARGET]->len > 0)))
        {
          numbered = TRUE;
          row.number = *last_project_number + 1;
        }

      if (numbered)
        {
          start_table_project (b, block, row.number, line, columns_text->str, last_project_number);
          have_project = TRUE;
          /* Rows under a department that spans them lose its cell. */
          if (row.parts[COLUMN_DEPARTMENTS]->len == 0 && previous_departments != NULL && !positional_allowed)
            g_string_append (row.parts[COLUMN_DEPARTMENTS], previous_departments);
          if (row.parts[COLUMN_DEPARTMENTS]->len > 0)
            {
              g_free (previous_departments);
              previous_departments = g_strdup (row.parts[COLUMN_DEPARTMENTS]->str);
            }
        }

      if (have_project && b->project != NULL)
        take_row (b, &row);
      else if (non_empty > 0)
        {
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint c = 0; c < n_cells; c++)
            if (cells[c].text != NULL && cells[c].text[0] != '\0')
              {
                if (joined->len > 0)
                  g_string_append_c (joined, ' ');
                g_string_append (joined, cells[c].text);
              }
          _ms_notice_keep_text_in_note (b, line, joined->str);
        }

      record_clear (&row);
      for (guint c = 0; c < source->len; c++)
        cell_clear (&cells[c]);
    }
}
