/* ms-notice-import.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ms-json.h"
#include "ms-notice.h"
#include "ms-notice-interpret-private.h"
#include "ms-notice-private.h"
#include "ms-number.h"
#include "ms-quantity.h"

/* Reading a published notice (公示, 通报) into a yearly file; writing one
 * back is in ms-notice-export.c. Structure is recognised on a copy of each
 * line with full-width forms folded to ASCII; what is kept is always the
 * text as written. */

typedef struct
{
  const char *label;
  Field       field;
} Label;

/* Longest first: 实际完成情况 before 完成情况. */
static const Label labels[] = {
  { "实际完成情况", FIELD_COMPLETION },
  { "完成情况", FIELD_COMPLETION },
  { "进展情况", FIELD_COMPLETION },
  { "落实情况", FIELD_COMPLETION },
  { "推进情况", FIELD_COMPLETION },
  { "工作进展", FIELD_COMPLETION },
  { "目前进展", FIELD_COMPLETION },
  { "截至目前", FIELD_COMPLETION },
  { "完成进度", FIELD_COMPLETION },
  { "实施进度", FIELD_COMPLETION },
  { "项目进度", FIELD_COMPLETION },
  { "形象进度", FIELD_COMPLETION },
  { "当前进度", FIELD_COMPLETION },
  { "进度情况", FIELD_COMPLETION },
  { "执行情况", FIELD_COMPLETION },
  { "进展", FIELD_COMPLETION },
  { "进度", FIELD_COMPLETION },
  { "责任单位", FIELD_DEPARTMENTS },
  { "牵头单位", FIELD_DEPARTMENTS },
  { "牵头部门", FIELD_DEPARTMENTS },
  { "责任部门", FIELD_DEPARTMENTS },
  { "主责单位", FIELD_DEPARTMENTS },
  { "负责单位", FIELD_DEPARTMENTS },
  { "配合单位", FIELD_PARTNERS },
  { "协办单位", FIELD_PARTNERS },
  { "参与单位", FIELD_PARTNERS },
  { "备注", FIELD_NOTE },
  /* Sub-lines of an item, in any order. */
  { "年度目标任务", FIELD_TARGET },
  { "年度目标", FIELD_TARGET },
  { "工作目标", FIELD_TARGET },
  { "目标", FIELD_TARGET },
  { "排名", FIELD_NOTE },
  { "目标任务", FIELD_TARGET },
  { "建设内容", FIELD_TARGET },
  { "建设任务", FIELD_TARGET },
  { "主要内容", FIELD_TARGET },
  { "完成时限", FIELD_DEADLINE },
  { "完成时间", FIELD_DEADLINE },
  { "时间节点", FIELD_DEADLINE },
  { "牵头领导", FIELD_LEAD },
  { "责任领导", FIELD_LEAD },
  { "项目责任人", FIELD_CONTACT },
  { "联系人", FIELD_CONTACT },
};

/* Lines of web pages and PDFs that are not part of the notice. */
static const char * const chrome_prefixes[] = {
  "当前位置", "您当前的位置", "您的位置", "您现在的位置", "您所在的位置", "现在位置", "发布日期", "发布时间", "来源", "信息来源",
  "字体", "字号", "责任编辑", "编辑", "扫一扫", "打印本页", "关闭窗口", "【打印】",
  "【关闭】", "分享到", "浏览次数", "访问次数", "点击数", "上一篇", "下一篇", "【字体",
  "索引号", "主题分类", "发文机关", "成文日期", "发布机构",
};

static const char * const closing_phrases[] = {
  "特此公示", "特此通报", "特此通知", "特此公告", "特此公布", "现予公告", "现予公示", "现予公布",
  "以上为", "附件",
};

static void
remark_free (MsNoticeRemark *remark)
{
  g_free (remark->message);
  g_free (remark);
}

G_GNUC_PRINTF (3, 4)
void
_ms_notice_add_remark (GPtrArray  *remarks,
            guint       line,
            const char *format,
            ...)
{
  MsNoticeRemark *remark = g_new0 (MsNoticeRemark, 1);
  va_list args;

  remark->line = line;
  va_start (args, format);
  remark->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (remarks, remark);
}

static void
item_free (MsNoticeItem *item)
{
  g_clear_object (&item->project);
  g_free (item->basis);
  g_free (item);
}

void
_ms_notice_add_item (MsNoticeReport *report,
          MsProject      *project,
          guint           line,
          const char     *basis)
{
  MsNoticeItem *item = g_new0 (MsNoticeItem, 1);

  item->project = g_object_ref (project);
  item->line = line;
  item->basis = g_strdup (basis);
  g_ptr_array_add (report->items, item);
}

/**
 * ms_notice_report_find_item:
 *
 * Returns: (nullable): how @project was found, or %NULL if not by this import
 */
const MsNoticeItem *
ms_notice_report_find_item (MsNoticeReport *report,
                            MsProject      *project)
{
  for (guint i = 0; report != NULL && i < report->items->len; i++)
    {
      MsNoticeItem *item = g_ptr_array_index (report->items, i);

      if (item->project == project)
        return item;
    }

  return NULL;
}

void
ms_notice_report_free (MsNoticeReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->items, g_ptr_array_unref);
  g_free (report->format);
  g_free (report->location_unit);
  g_free (report->encoding);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_clear_pointer (&report->dropped, g_ptr_array_unref);
  g_free (report);
}

static void
line_free (Line *line)
{
  g_free (line->text);
  g_free (line->folded);
  g_free (line->rest);
  g_free (line);
}

/* Byte offset in @original of the character at byte offset @folded_offset of @folded. */
static gsize
original_offset (const char *original,
                 const char *folded,
                 gsize       folded_offset)
{
  glong chars = g_utf8_pointer_to_offset (folded, folded + folded_offset);

  return g_utf8_offset_to_pointer (original, chars) - original;
}

gboolean
_ms_notice_starts_with_any (const char         *text,
                 const char * const *prefixes,
                 guint               n_prefixes)
{
  for (guint i = 0; i < n_prefixes; i++)
    {
      if (g_str_has_prefix (text, prefixes[i]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_terminal_punctuation (const char *text)
{
  static const char * const endings[] = {
    "。", ".", "；", ";", "！", "!", "？", "?", "”", "\"", "）", ")", "：", ":",
  };

  return _ms_notice_starts_with_any (g_utf8_prev_char (text + strlen (text)), endings, G_N_ELEMENTS (endings)) &&
         text[0] != '\0';
}

gboolean
_ms_notice_has_any_punctuation (const char *text)
{
  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_ispunct (c) && c != '-' && c != 0x2014 /* — */)
        return TRUE;
    }

  return FALSE;
}

gboolean
_ms_notice_has_digit (const char *text)
{
  for (const char *s = text; *s; s++)
    {
      if (g_ascii_isdigit (*s))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_label_line (const Line *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_str_has_prefix (line->folded, labels[i].label))
        {
          const char *after = line->folded + strlen (labels[i].label);

          while (*after == ' ')
            after++;
          /* "进度较慢的县区" starts with a label's word, not a label. */
          if (*after == ':' || g_utf8_strlen (labels[i].label, -1) >= 4)
            return TRUE;
        }
    }

  return FALSE;
}

static void
classify (Line *line)
{
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *section_regex;
  static GRegex *group_regex;
  static GRegex *project_regex;
  static GRegex *page_number_regex;
  static GRegex *date_regex;
  static GRegex *signature_regex;
  static GRegex *buttons_regex;
  static GRegex *footer_regex;
  static GRegex *bare_regex;
  static GRegex *bullet_regex;
  static GRegex *ordinal_regex;
  static GRegex *dotted_regex;

  if (g_once_init_enter (&section_regex))
    {
      dotted_regex = g_regex_new ("^(\\d{1,2})\\.(\\d{1,2})(?:\\s+|[.、]\\s*)(?![\\d万亿千百%])(\\S.*)$",
                                  G_REGEX_OPTIMIZE, 0, NULL);
      ordinal_regex = g_regex_new ("^(?:第([一二三四五六七八九十]{1,3})[项件个条]|(?:实事|项目|事项)([一二三四五六七八九十]{1,3}))"
                                   "\\s*[:、,，：\\s]\\s*(.*)$", G_REGEX_OPTIMIZE, 0, NULL);
      /* Site footers: registration numbers, copyright, who runs the site. */
      footer_regex = g_regex_new ("公网安备|ICP备|ICP证|网站标识码|版权所有|主办单位[:：]|承办单位[:：]|技术支持[:：]"
                                  "|^[|｜\\s]+$|^(?:关闭|举报|打印|收藏|分享|返回顶部|购物车|登录|注册|[•·]\\s*提交)$"
                                  /* Headings of a page's link boxes. */
                                  "|^(?:相关链接|相关文章|相关阅读|推荐阅读|热点推荐|热门文章|附件下载|友情链接)$"
                                  /* Breadcrumbs: 首页 > 政务公开 > … */
                                  "|^(?:首页|主页|网站首页)\\s*(?:>|»|/|→|＞)",
                                  G_REGEX_OPTIMIZE, 0, NULL);
      /* "1 实施…": a bare numeral, a space, then the item; kept only in a run (settle_items). */
      bare_regex = g_regex_new ("^(\\d{1,2})\\s+(?=\\p{Han}|[“\"])(.*)$", G_REGEX_OPTIMIZE, 0, NULL);
      bullet_regex = g_regex_new ("^[●•■◆▲★◇□○◎▶►※·]\\s*(.+)$", G_REGEX_OPTIMIZE, 0, NULL);
      /* Web page buttons: 【打印本页】【关闭窗口】 */
      buttons_regex = g_regex_new ("^(?:[【\\[][^】\\]]{1,8}[】\\]]\\s*)+$", G_REGEX_OPTIMIZE, 0, NULL);
      page_number_regex = g_regex_new ("^(?:[-—–·•\\s]*\\d+[-—–·•\\s]*|第\\s*\\d+\\s*页.*|\\d+\\s*/\\s*\\d+"
                                       "|共\\s*\\d+\\s*页.*)$", G_REGEX_OPTIMIZE, 0, NULL);
      date_regex = g_regex_new ("^\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?$",
                                G_REGEX_OPTIMIZE, 0, NULL);
      signature_regex = g_regex_new ("^[^\\s\\p{P}]{2,24}(?:人民政府|办公室|办公厅|委员会|督查室|管理局|人民代表大会|民生办|领导小组)$",
                                     G_REGEX_OPTIMIZE, 0, NULL);
      group_regex = g_regex_new ("^\\(([一二三四五六七八九十百两〇零]+)\\)\\s*(.*)$", G_REGEX_OPTIMIZE, 0, NULL);
      /* "1." or "1、" but not "1.5万人" nor "2024年". */
      project_regex = g_regex_new ("^(?:(\\d{1,5})\\s*[.、)]|\\((\\d{1,5})\\))(?!\\d)\\s*(.*)$",
                                   G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&section_regex,
                         g_regex_new ("^([一二三四五六七八九十百两]+)\\s*[、.]\\s*(.+)$", G_REGEX_OPTIMIZE, 0, NULL));
    }

  line->kind = LINE_TEXT;

  if (_ms_notice_starts_with_any (line->folded, chrome_prefixes, G_N_ELEMENTS (chrome_prefixes)) ||
      g_regex_match (footer_regex, line->folded, 0, NULL) ||
      g_regex_match (page_number_regex, line->folded, 0, NULL) ||
      g_regex_match (buttons_regex, line->folded, 0, NULL))
    {
      line->kind = LINE_CHROME;
      return;
    }

  if (is_label_line (line))
    return;

  if (_ms_notice_starts_with_any (line->folded, closing_phrases, G_N_ELEMENTS (closing_phrases)) ||
      g_regex_match (date_regex, line->folded, 0, NULL) ||
      g_regex_match (signature_regex, line->folded, 0, NULL))
    {
      line->kind = LINE_CLOSING;
      return;
    }

  if (g_regex_match (section_regex, line->folded, 0, &match))
    {
      g_autofree char *numeral = g_match_info_fetch (match, 1);
      int rest_start = 0;

      if (ms_number_from_chinese_numeral (numeral, &line->heading_number))
        {
          g_match_info_fetch_pos (match, 2, &rest_start, NULL);
          line->kind = LINE_SECTION;
          line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
          return;
        }
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (group_regex, line->folded, 0, &match))
    {
      g_autofree char *numeral = g_match_info_fetch (match, 1);
      int rest_start = 0;

      if (ms_number_from_chinese_numeral (numeral, &line->heading_number))
        {
          g_match_info_fetch_pos (match, 2, &rest_start, NULL);
          line->kind = LINE_GROUP;
          line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
          return;
        }
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (project_regex, line->folded, 0, &match))
    {
      g_autofree char *first = g_match_info_fetch (match, 1);
      g_autofree char *second = g_match_info_fetch (match, 2);
      int rest_start = 0;

      line->heading_number = (guint)g_ascii_strtoull (first && *first ? first : second, NULL, 10);
      line->parenthesised = !(first && *first);
      if (line->heading_number > 0)
        {
          g_match_info_fetch_pos (match, 3, &rest_start, NULL);
          line->kind = LINE_PROJECT;
          line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
        }
      return;
    }
  g_clear_pointer (&match, g_match_info_free);

  /* ①…⑳, ⑴…⒇, ⒈…⒛ number items; ㈠…㈩ groups. */
  {
    gunichar first = g_utf8_get_char (line->text);
    const char *after = g_utf8_next_char (line->text);
    guint circled = 0;

    if (first >= 0x2460 && first <= 0x2473)
      circled = first - 0x2460 + 1;
    else if (first >= 0x2474 && first <= 0x2487)
      circled = first - 0x2474 + 1;
    else if (first >= 0x2488 && first <= 0x249B)
      circled = first - 0x2488 + 1;
    if ((circled > 0 || (first >= 0x3220 && first <= 0x3229)) && *after != '\0')
      {
        g_autofree char *rest = _ms_notice_trim (g_utf8_next_char (line->text));

        line->kind = circled > 0 ? LINE_PROJECT : LINE_GROUP;
        line->heading_number = circled > 0 ? circled : first - 0x3220 + 1;
        line->rest = g_steal_pointer (&rest);
        return;
      }
  }

  /* "1.2 新建…": item 2 of part 1. Not "1.5万人": a space or a word follows. */
  if (g_regex_match (dotted_regex, line->folded, 0, &match))
    {
      g_autofree char *parent = g_match_info_fetch (match, 1);
      g_autofree char *own = g_match_info_fetch (match, 2);
      int rest_start = 0;

      g_match_info_fetch_pos (match, 3, &rest_start, NULL);
      line->kind = LINE_PROJECT;
      line->parent_number = (guint)g_ascii_strtoull (parent, NULL, 10);
      line->heading_number = (guint)g_ascii_strtoull (own, NULL, 10);
      line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
      return;
    }
  g_clear_pointer (&match, g_match_info_free);

  /* "第一项：…", "第三件、…", "实事一：…": items counted in words. */
  if (g_regex_match (ordinal_regex, line->folded, 0, &match))
    {
      g_autofree char *numeral = g_match_info_fetch (match, 1);
      int rest_start = 0;

      if (numeral[0] == '\0')
        {
          g_free (numeral);
          numeral = g_match_info_fetch (match, 2);
        }
      g_match_info_fetch_pos (match, 3, &rest_start, NULL);
      if (ms_number_from_chinese_numeral (numeral, &line->heading_number) && line->heading_number > 0)
        {
          line->kind = LINE_PROJECT;
          line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
          return;
        }
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (bare_regex, line->folded, 0, &match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      int rest_start = 0;

      g_match_info_fetch_pos (match, 2, &rest_start, NULL);
      line->heading_number = (guint)g_ascii_strtoull (number, NULL, 10);
      if (line->heading_number > 0)
        {
          line->kind = LINE_PROJECT;
          line->bare = TRUE;
          line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
        }
      return;
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (bullet_regex, line->folded, 0, &match))
    {
      int rest_start = 0;

      g_match_info_fetch_pos (match, 1, &rest_start, NULL);
      line->kind = LINE_PROJECT;
      line->bullet = TRUE;
      line->positional = TRUE;
      line->rest = g_strdup (line->text + original_offset (line->text, line->folded, rest_start));
    }
}

/* The text labels and figures are matched in: full-width folded, and in
 * 简体 when the notice is in 繁体; as many characters as @text. */
char *
_ms_notice_fold_text (const char *text,
           gboolean    traditional)
{
  g_autofree char *simplified = NULL;

  if (!traditional)
    return ms_text_normalize (text);
  simplified = _ms_notice_to_simplified (text);
  return ms_text_normalize (simplified);
}

Line *
_ms_notice_line_new (guint       number,
          const char *text,
          gboolean    traditional)
{
  Line *line = g_new0 (Line, 1);

  line->number = number;
  line->text = _ms_notice_trim (text);
  line->folded = _ms_notice_fold_text (line->text, traditional);
  classify (line);

  return line;
}

typedef enum
{
  MARK_SECTION,        /* 一、 */
  MARK_GROUP,          /* （一） */
  MARK_PAREN_NUMBER,   /* （1） */
  MARK_NUMBER,         /* 1. 1、 */
  MARK_ORDINAL,        /* 一是 二是 */
  N_MARKS
} MarkKind;

typedef struct
{
  MarkKind kind;
  guint    value;
  /* Character offset of the marker in the paragraph. */
  glong    offset;
  /* Character length of the marker: "一是" is cut off, "1." stays. */
  glong    length;
  gboolean taken;
  guint    run;
} Mark;

/* Items written one after another in one paragraph: "分别是：(1)…。 (2)…",
 * or a whole notice on one line. A marker counts where a sentence or a
 * space ends before it, and only in a run (1, 2, 3…): "完成1、2号楼" is
 * not a list. Returns the character offsets to cut at. */
static GArray *
find_inline_items (const char *folded,
                   guint      *runs)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (Mark));
  gboolean any_run = FALSE;
  int first_kind = -1;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:^|(?<=[\\s。;:!?；：]))"
                                            "(?:([一二三四五六七八九十]{1,3})、|\\(([一二三四五六七八九十]{1,3})\\)"
                                            "|\\((\\d{1,3})\\)|(\\d{1,3})[.、](?!\\d)|([一二三四五六七八九十]{1,2})是(?=\\S))",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  g_regex_match (regex, folded, 0, &match);
  while (g_match_info_matches (match))
    {
      Mark mark = { 0 };
      int start = 0, end = 0;

      g_match_info_fetch_pos (match, 0, &start, &end);
      mark.offset = g_utf8_pointer_to_offset (folded, folded + start);
      mark.length = g_utf8_pointer_to_offset (folded + start, folded + end);
      for (guint group = 1; group <= 5; group++)
        {
          g_autofree char *value = g_match_info_fetch (match, group);

          if (value == NULL || value[0] == '\0')
            continue;
          mark.kind = (MarkKind)(group - 1);
          if (mark.kind == MARK_SECTION || mark.kind == MARK_GROUP || mark.kind == MARK_ORDINAL)
            ms_number_from_chinese_numeral (value, &mark.value);
          else
            mark.value = (guint)g_ascii_strtoull (value, NULL, 10);
          break;
        }
      if (mark.value > 0)
        g_array_append_val (marks, mark);
      g_match_info_next (match, NULL);
    }

  if (marks->len > 0 && g_array_index (marks, Mark, 0).offset == 0)
    first_kind = g_array_index (marks, Mark, 0).kind;

  /* Runs: each marker followed later by its successor of the same kind. */
  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      /* Items follow each other closely; a bounded look keeps a
       * paragraph of thousands of markers linear. */
      for (guint j = i + 1; j < marks->len && j < i + 64; j++)
        {
          Mark *next = &g_array_index (marks, Mark, j);

          if (next->kind == mark->kind && next->value == mark->value + 1)
            {
              /* A line that is an item lists its sub-items of another kind:
               * "1.新建公园：(1)城东；(2)城西" stays one item. */
              if (first_kind >= 0 && (int)mark->kind != first_kind)
                break;
              if (mark->run == 0)
                mark->run = ++*runs;
              next->run = mark->run;
              mark->taken = next->taken = TRUE;
              any_run = TRUE;
              break;
            }
        }
    }

  /* "（三）城市更新。5.改造…": a heading, then the first item of its group. */
  if (first_kind == MARK_SECTION || first_kind == MARK_GROUP)
    for (guint i = 1; i < marks->len; i++)
      {
        Mark *mark = &g_array_index (marks, Mark, i);

        if (mark->kind == MARK_NUMBER || mark->kind == MARK_PAREN_NUMBER)
          {
            mark->taken = TRUE;
            break;
          }
      }

  /* Headings before a run, on the same line: "一、… (一)… 1.… 2.…". */
  for (guint i = 0; any_run && i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      if ((mark->kind == MARK_SECTION || mark->kind == MARK_GROUP) && mark->offset > 0)
        {
          gunichar before = g_utf8_get_char (g_utf8_offset_to_pointer (folded, mark->offset - 1));

          if (g_unichar_isspace (before))
            mark->taken = TRUE;
        }
    }

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      /* "一是" at the start of the paragraph is cut too: it is no heading. */
      if (mark->taken && (mark->offset > 0 || mark->kind == MARK_ORDINAL))
        g_array_append_val (cuts, *mark);
    }

  return cuts;
}

static void
add_paragraph_lines (GPtrArray  *lines,
                     guint       number,
                     const char *text,
                     gboolean    traditional,
                     guint      *runs)
{
  Line *whole;
  g_autoptr(GArray) cuts = NULL;
  g_autoptr(GMatchInfo) group_then_item = NULL;
  static GRegex *group_then_item_regex;

  if (g_once_init_enter (&group_then_item_regex))
    g_once_init_leave (&group_then_item_regex,
                       g_regex_new ("^\\s*[(（][一二三四五六七八九十]+[)）]\\s*(?=\\d{1,3}\\s*[.、．])",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  /* "（二）3.新建…": a group's number and its first item on one line. */
  if (g_regex_match (group_then_item_regex, text, 0, &group_then_item))
    {
      int end = 0;

      g_match_info_fetch_pos (group_then_item, 0, NULL, &end);
      {
        g_autofree char *group = g_strndup (text, end);

        add_paragraph_lines (lines, number, group, traditional, runs);
        add_paragraph_lines (lines, number, text + end, traditional, runs);
      }
      return;
    }

  whole = _ms_notice_line_new (number, text, traditional);
  cuts = find_inline_items (whole->folded, runs);
  glong from = 0;
  const Mark *previous = NULL;

  if (cuts->len == 0)
    {
      g_ptr_array_add (lines, whole);
      return;
    }

  for (guint i = 0; i <= cuts->len; i++)
    {
      const Mark *cut = i < cuts->len ? &g_array_index (cuts, Mark, i) : NULL;
      glong to = cut != NULL ? cut->offset : g_utf8_strlen (whole->text, -1);

      if (to > from)
        {
          g_autofree char *piece = g_utf8_substring (whole->text, from, to);
          g_autofree char *clean = _ms_notice_trim (piece);

          if (clean[0] != '\0')
            {
              Line *line = _ms_notice_line_new (number, clean, traditional);

              if (previous != NULL)
                {
                  line->inline_item = TRUE;
                  line->run = previous->run;
                }
              /* "二是…": an item numbered by its ordinal. */
              if (previous != NULL && previous->kind == MARK_ORDINAL)
                {
                  g_autofree char *rest = g_utf8_substring (whole->text, previous->offset + previous->length, to);

                  line->kind = LINE_PROJECT;
                  line->heading_number = previous->value;
                  g_free (line->rest);
                  line->rest = _ms_notice_trim (rest);
                }
              g_ptr_array_add (lines, line);
            }
        }
      from = to;
      previous = cut;
    }
  line_free (whole);
}


/* Paragraphs are read line by line, tables as a whole. */
static GPtrArray *
lines_from_blocks (MsNoticeBlocks *blocks,
                   gboolean        traditional)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)line_free);
  guint runs = 0;

  for (guint i = 0; i < blocks->blocks->len; i++)
    {
      MsNoticeBlock *block = g_ptr_array_index (blocks->blocks, i);

      if (block->kind == MS_NOTICE_BLOCK_PARAGRAPH)
        {
          /* A line break within a paragraph (Word's w:br, <br>) ends a line
           * as in a text: items are often set apart that way. */
          g_auto(GStrv) parts = g_strsplit (block->text ? block->text : "", "\n", -1);

          for (guint p = 0; parts[p] != NULL; p++)
            {
              g_autofree char *part = _ms_notice_trim (parts[p]);

              if (part[0] != '\0')
                {
                  guint before = lines->len;

                  add_paragraph_lines (lines, block->line, part, traditional, &runs);
                  if (block->heading_level > 0 && lines->len > before)
                    ((Line *)g_ptr_array_index (lines, before))->heading_level = block->heading_level;
                }
            }
          continue;
        }

      _ms_notice_add_table_lines (lines, block, traditional);
    }

  return lines;
}

static guint
count_kind (GPtrArray *lines,
            LineKind   kind)
{
  guint count = 0;

  for (guint i = 0; i < lines->len; i++)
    count += ((Line *)g_ptr_array_index (lines, i))->kind == kind;

  return count;
}

/* Decides what the markers found line by line amount to, over the whole
 * notice: bare numerals only in a run, （一） as the item level when no
 * numbered items follow. */
/* Headings without numbers (Word's 标题 1 and 2 styles): the first is
 * the title; below it the highest level makes parts, the next groups. */
static void
settle_headings (GPtrArray *lines)
{
  guint levels[7] = { 0 };
  guint top = 0, second = 0;
  gboolean title_seen = FALSE;
  guint sections = 0, groups = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->heading_level == 0 || line->kind != LINE_TEXT)
        continue;
      if (!title_seen)
        {
          /* The first heading is the notice's title. */
          title_seen = TRUE;
          line->heading_level = 0;
          continue;
        }
      levels[MIN (line->heading_level, 6)]++;
    }
  for (guint level = 1; level <= 6; level++)
    {
      if (levels[level] == 0)
        continue;
      if (top == 0)
        top = level;
      else if (second == 0)
        second = level;
    }
  /* One heading under the title is no structure ("相关链接"). */
  if (top == 0 || levels[top] < 2)
    return;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->heading_level == 0 || line->kind != LINE_TEXT)
        continue;
      if (line->heading_level == top)
        {
          line->kind = LINE_SECTION;
          line->heading_number = ++sections;
          groups = 0;
        }
      else if (line->heading_level == second)
        {
          line->kind = LINE_GROUP;
          line->heading_number = ++groups;
        }
      else
        continue;
      g_free (line->rest);
      line->rest = g_strdup (line->text);
    }
}

static void
settle_items (GPtrArray *lines,
              gboolean   traditional)
{
  settle_headings (lines);

  g_autoptr(GHashTable) bare_numbers = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_PROJECT && line->bare)
        g_hash_table_add (bare_numbers, GUINT_TO_POINTER (line->heading_number));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      gboolean in_run;

      if (line->kind != LINE_PROJECT || !line->bare)
        continue;

      in_run = g_hash_table_contains (bare_numbers, GUINT_TO_POINTER (line->heading_number + 1)) ||
               g_hash_table_contains (bare_numbers, GUINT_TO_POINTER (line->heading_number - 1));
      if (!in_run)
        {
          line->kind = LINE_TEXT;
          line->bare = FALSE;
        }
    }

  /* "1 教育文化" above "1.1 …", "1.2 …": the parts the dotted items belong to. */
  {
    g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = g_ptr_array_index (lines, i);

        if (line->kind == LINE_PROJECT && line->parent_number > 0)
          g_hash_table_add (parents, GUINT_TO_POINTER (line->parent_number));
      }
    for (guint i = 0; i + 1 < lines->len && g_hash_table_size (parents) > 0; i++)
      {
        Line *line = g_ptr_array_index (lines, i);
        Line *next = g_ptr_array_index (lines, i + 1);

        if ((line->kind == LINE_PROJECT || line->kind == LINE_TEXT) && line->rest != NULL &&
            line->parent_number == 0 && g_hash_table_contains (parents, GUINT_TO_POINTER (line->heading_number)) &&
            next->parent_number == line->heading_number && !_ms_notice_has_digit (line->rest) &&
            g_utf8_strlen (line->rest, -1) <= 16)
          line->kind = LINE_SECTION;
      }
  }

  /* "1.学前教育工程" then "(1)新建幼儿园2所；(2)新增学位720个。" then "2.…":
   * the (1) lines between numbered items are parts of the item above. */
  {
    gboolean plain = FALSE, parenthesised = FALSE;

    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = g_ptr_array_index (lines, i);

        if (line->kind == LINE_PROJECT && !line->bare && !line->positional && line->run == 0)
          {
            plain |= !line->parenthesised;
            parenthesised |= line->parenthesised;
          }
      }
    if (plain && parenthesised)
      {
        gboolean outer_before = FALSE;

        for (guint i = 0; i < lines->len; i++)
          {
            Line *line = g_ptr_array_index (lines, i);

            if (line->kind == LINE_SECTION)
              outer_before = FALSE;
            if (line->kind != LINE_PROJECT || line->bare || line->positional || line->run != 0)
              continue;
            if (!line->parenthesised)
              {
                outer_before = TRUE;
                continue;
              }
            /* Under an item of this part: its parts. */
            if (outer_before)
              line->kind = LINE_TEXT;
          }
      }
  }

  /* "注：1.…" then "2.…": the numbered lines of a note are the note's. */
  for (guint i = 0; i + 1 < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      /* Only a note that numbers its own points ("注：1.…"); 备注： is a field. */
      if (line->kind != LINE_TEXT || !g_regex_match_simple ("^注\\s*[:：]\\s*(?:1[.、]|\\(1\\))", line->folded, 0, 0))
        continue;
      for (guint j = i + 1; j < lines->len; j++)
        {
          Line *next = g_ptr_array_index (lines, j);

          if (next->kind != LINE_PROJECT || next->heading_number == 1)
            break;
          next->kind = LINE_TEXT;
        }
    }

  /* A report lists last year's work "1.…2.…", then "…拟定了十件民生实事：" and
   * the pledges from 1 again: the run a 民生实事 lead-in introduces is the
   * list, the run before it is prose. */
  {
    guint run_start = G_MAXUINT;
    guint previous_project = G_MAXUINT;

    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = g_ptr_array_index (lines, i);

        if (line->kind == LINE_SECTION || line->kind == LINE_GROUP || line->kind == LINE_TABLE)
          {
            run_start = G_MAXUINT;
            previous_project = G_MAXUINT;
            continue;
          }
        if (line->kind != LINE_PROJECT || line->positional || line->run != 0)
          continue;
        if (run_start == G_MAXUINT)
          run_start = i;
        else if (line->heading_number == 1 && previous_project != G_MAXUINT && i > previous_project + 1)
          {
            Line *lead = g_ptr_array_index (lines, i - 1);

            if (lead->kind == LINE_TEXT && g_str_has_suffix (lead->folded, ":") &&
                g_regex_match_simple ("实事|民生工程|民生项目", lead->folded, 0, 0))
              {
                for (guint j = run_start; j < i; j++)
                  {
                    Line *earlier = g_ptr_array_index (lines, j);

                    if (earlier->kind == LINE_PROJECT)
                      earlier->kind = LINE_TEXT;
                  }
                run_start = i;
              }
          }
        previous_project = i;
      }
  }

  /* 工作要求, 保障措施: what follows tells how, it pledges nothing. */
  {
    gboolean in_requirements = FALSE;

    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = g_ptr_array_index (lines, i);

        if (line->kind == LINE_SECTION)
          in_requirements = g_regex_match_simple ("(?:工作要求|有关要求|具体要求|保障措施|组织保障|工作措施|推进措施|附则)$",
                                                  line->rest, 0, 0);
        else if (in_requirements && (line->kind == LINE_PROJECT || line->kind == LINE_GROUP))
          line->kind = LINE_TEXT;
      }
  }

  /* "（一）加强组织领导。县政府成立…": a sentence and more is a paragraph
   * numbered in the text, not a group's heading, when items are numbered. */
  if (count_kind (lines, LINE_PROJECT) > 0)
    for (guint i = 0; i < lines->len; i++)
      {
        Line *line = g_ptr_array_index (lines, i);
        const char *stop;

        if (line->kind != LINE_GROUP || line->rest == NULL)
          continue;
        stop = strstr (line->rest, "。");
        if (stop != NULL && g_utf8_strlen (stop, -1) > 10)
          line->kind = LINE_TEXT;
      }

  /* Headings （一）…（十） with no numbered items: they are the items. */
  if (count_kind (lines, LINE_PROJECT) == 0 && count_kind (lines, LINE_TABLE) == 0)
    {
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          if (line->kind == LINE_GROUP)
            line->kind = LINE_PROJECT;
        }
    }

  /* Nor groups: 一、 lines that pledge (a figure, a 责任单位) are the items;
   * headings name a part ("一、纳入管理的民生实事") and pledge nothing. */
  if (count_kind (lines, LINE_PROJECT) == 0 && count_kind (lines, LINE_TABLE) == 0 &&
      count_kind (lines, LINE_GROUP) == 0)
    {
      guint pledging = 0, sections = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          if (line->kind != LINE_SECTION)
            continue;
          sections++;
          pledging += _ms_notice_has_digit (line->rest) || strstr (line->folded, "单位:") != NULL ||
                      g_utf8_strlen (line->rest, -1) > 30;
        }
      if (sections >= 2 && pledging * 2 > sections)
        for (guint i = 0; i < lines->len; i++)
          {
            Line *line = g_ptr_array_index (lines, i);

            if (line->kind == LINE_SECTION)
              line->kind = LINE_PROJECT;
          }
    }

  /* Still none: "办好6件民生实事：新建…；新增…；改造…。" lists them in one
   * sentence, one item between semicolons. */
  if (count_kind (lines, LINE_PROJECT) == 0 && count_kind (lines, LINE_TABLE) == 0)
    {
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);
          const char *colon;
          g_auto(GStrv) parts = NULL;
          guint with_figures = 0, n_parts;

          if (line->kind != LINE_TEXT)
            continue;
          colon = strrchr (line->folded, ':');
          if (colon == NULL || strstr (colon, ";") == NULL)
            continue;
          parts = g_strsplit (colon + 1, ";", -1);
          n_parts = g_strv_length (parts);
          for (guint p = 0; p < n_parts; p++)
            with_figures += _ms_notice_has_digit (parts[p]);
          if (n_parts < 3 || with_figures * 3 < n_parts * 2)
            continue;

          {
            glong intro_chars = g_utf8_pointer_to_offset (line->folded, colon) + 1;
            g_autofree char *intro = g_utf8_substring (line->text, 0, intro_chars);
            glong from = intro_chars;
            guint number = line->number;
            Line *intro_line = _ms_notice_line_new (number, intro, traditional);

            g_ptr_array_index (lines, i) = intro_line;
            for (guint p = 0; p < n_parts; p++)
              {
                glong chars = g_utf8_strlen (parts[p], -1);
                g_autofree char *piece = g_utf8_substring (line->text, from, from + chars);
                g_autofree char *clean = _ms_notice_trim (piece);
                Line *item;

                from += chars + 1;
                if (clean[0] == '\0')
                  continue;
                item = _ms_notice_line_new (number, clean, traditional);
                item->kind = LINE_PROJECT;
                item->positional = TRUE;
                g_free (item->rest);
                item->rest = g_strdup (item->text);
                g_ptr_array_insert (lines, ++i, item);
              }
            line_free (line);
          }
          break;
        }
    }

  /* Prose after the last item of a part ("上半年，各责任单位倒排工期…")
   * is about all of them: kept in the note, not in the last item. */
  if (count_kind (lines, LINE_PROJECT) > 0)
    {
      for (guint i = 1; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);
          Line *previous = NULL;
          gboolean before_item = FALSE;
          gboolean after_item = FALSE;

          if (line->kind != LINE_TEXT || is_label_line (line) || _ms_notice_has_digit (line->folded) ||
              g_utf8_strlen (line->folded, -1) < 12)
            continue;
          for (guint j = i; j > 0 && previous == NULL; j--)
            {
              Line *candidate = g_ptr_array_index (lines, j - 1);

              if (candidate->kind != LINE_CHROME)
                previous = candidate;
            }
          for (guint j = i; j > 0 && !after_item; j--)
            {
              Line *candidate = g_ptr_array_index (lines, j - 1);

              if (candidate->kind == LINE_SECTION || candidate->kind == LINE_GROUP)
                break;
              after_item = candidate->kind == LINE_PROJECT;
            }
          for (guint j = i + 1; j < lines->len; j++)
            {
              Line *next = g_ptr_array_index (lines, j);

              if (next->kind == LINE_TEXT || next->kind == LINE_CHROME)
                continue;
              before_item = next->kind == LINE_PROJECT;
              break;
            }
          if (after_item && !before_item && previous != NULL && previous->kind != LINE_SECTION &&
              (g_str_has_suffix (previous->folded, "。") || g_str_has_suffix (previous->folded, "!") ||
               g_str_has_suffix (previous->folded, ")")))
            line->kind = LINE_CLOSING;
        }
    }

  /* Still none: paragraphs after "…如下：" are the items, one each, if
   * there are several and they read like items (long, with figures). */
  if (count_kind (lines, LINE_PROJECT) == 0 && count_kind (lines, LINE_TABLE) == 0)
    {
      guint first = G_MAXUINT;
      guint run = 0;

      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          if (line->kind == LINE_TEXT && (g_str_has_suffix (line->folded, ":") ||
                                          g_str_has_suffix (line->folded, "：")))
            first = i + 1;
        }
      for (guint i = first; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          if (line->kind != LINE_TEXT || g_utf8_strlen (line->folded, -1) < 12)
            break;
          run++;
        }
      for (guint i = first; run >= 2 && i < first + run; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          line->kind = LINE_PROJECT;
          line->positional = TRUE;
          g_free (line->rest);
          line->rest = g_strdup (line->text);
        }
    }
}

/* Page headers and footers repeat; slogans end web pages ("节约粮食"). They
 * are short, carry no punctuation and no figures. */
static gboolean
looks_like_slogan (const Line *line)
{
  return g_utf8_strlen (line->text, -1) <= 20 && !_ms_notice_has_any_punctuation (line->folded) &&
         !_ms_notice_has_digit (line->folded);
}


static void
drop_repeated_and_trailing_chrome (GPtrArray      *lines,
                                   MsNoticeReport *report)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean seen_project = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_TEXT)
        g_hash_table_insert (counts, line->folded,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->folded)) + 1));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      Line *previous = i > 0 ? g_ptr_array_index (lines, i - 1) : NULL;

      if (line->kind == LINE_PROJECT)
        seen_project = TRUE;

      /* A repeated page footer, but never the value after a label. */
      if (line->kind == LINE_TEXT && looks_like_slogan (line) &&
          GPOINTER_TO_UINT (g_hash_table_lookup (counts, line->folded)) >= 2 &&
          !(previous != NULL && is_label_line (previous) && has_terminal_punctuation (previous->folded)))
        line->kind = LINE_CHROME;
    }

  /* A PDF's running head: the same line next to each page number. */
  {
    g_autoptr(GHashTable) beside_numbers = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint pass = 0; pass < 2; pass++)
      for (guint i = 0; i < lines->len; i++)
        {
          Line *line = g_ptr_array_index (lines, i);

          if (line->kind != LINE_CHROME || g_utf8_strlen (line->folded, -1) > 12 || !_ms_notice_has_digit (line->folded))
            continue;
          for (int side = -1; side <= 1; side += 2)
            {
              Line *next;

              if ((side < 0 && i == 0) || i + side >= lines->len)
                continue;
              next = g_ptr_array_index (lines, i + side);
              if (next->kind != LINE_TEXT || g_utf8_strlen (next->folded, -1) > 40)
                continue;
              if (pass == 0)
                g_hash_table_insert (beside_numbers, next->folded,
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (beside_numbers, next->folded)) + 1));
              else if (GPOINTER_TO_UINT (g_hash_table_lookup (beside_numbers, next->folded)) >= 2)
                next->kind = LINE_CHROME;
            }
        }
  }

  /* Slogans after the last real line of the notice. */
  for (guint i = lines->len; i > 0 && seen_project; i--)
    {
      Line *line = g_ptr_array_index (lines, i - 1);

      if (line->kind == LINE_CHROME || line->kind == LINE_CLOSING)
        continue;
      if (line->kind != LINE_TEXT || !looks_like_slogan (line))
        break;
      line->kind = LINE_CHROME;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_CHROME)
        _ms_notice_add_remark (report->dropped, line->number, "%s", line->text);
    }
}

void
_ms_notice_append_line (GString    *text,
             const char *line)
{
  if (line == NULL || line[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* Joins two pieces of one field. A piece that stops mid-sentence (at a page
 * break) continues without a gap; a finished sentence starts a new line. */
void
_ms_notice_append_piece (GString    *field,
              const char *piece)
{
  if (piece == NULL || piece[0] == '\0')
    return;

  if (field->len > 0)
    {
      /* Only the last character matters; a long field is not folded again. */
      g_autofree char *folded = ms_text_normalize (g_utf8_prev_char (field->str + field->len));

      if (has_terminal_punctuation (folded))
        g_string_append_c (field, '\n');
      else if (g_ascii_isalnum (field->str[field->len - 1]) && g_ascii_isalnum (piece[0]))
        g_string_append_c (field, ' ');
    }

  g_string_append (field, piece);
}

/**
 * ms_notice_join_lines:
 *
 * Joins the lines of one paragraph as the importer does: a line broken at a
 * page break continues the sentence, a finished sentence starts a new line.
 *
 * Returns: (transfer full): the joined text
 */
char *
ms_notice_join_lines (const char * const *lines)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = _ms_notice_trim (lines[i]);

      _ms_notice_append_piece (joined, trimmed);
    }

  return g_string_free (joined, FALSE);
}

static GRegex *
department_note_regex (void)
{
  static GRegex *regex;

  /* "（列第一位者为牵头单位，下同）" explains the list; it names no one. */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("\\([^()]*(?:列第一位|排在第一位|排名第一|第一位的?为|下同)[^()]*\\)|\\((?:牵头|配合|主办|协办|负责)\\)",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  return regex;
}

/* Which characters of @folded (@length characters) lie in a note about the
 * list rather than a name; one more entry for the end. */
static gboolean *
mark_department_notes (const char *folded,
                       glong       length)
{
  gboolean *in_note = g_new0 (gboolean, length + 1);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (department_note_regex (), folded, 0, &match);
  while (g_match_info_matches (match))
    {
      int start = 0, end = 0;
      glong first, last;

      g_match_info_fetch_pos (match, 0, &start, &end);
      first = g_utf8_pointer_to_offset (folded, folded + start);
      last = g_utf8_pointer_to_offset (folded, folded + end);
      for (glong i = first; i < last && i < length; i++)
        in_note[i] = TRUE;
      g_match_info_next (match, NULL);
    }

  return in_note;
}

/**
 * ms_notice_split_departments:
 *
 * Splits "市教育局、市财政局" (or with ，/, ；) into one entry each.
 *
 * Returns: (transfer full): the departments
 */
GStrv
ms_notice_split_departments (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = ms_text_normalize (text ? text : "");

  /* Separators are found in the folded text, names cut from the original. */
  {
    g_autofree gunichar *original = g_utf8_to_ucs4_fast (text ? text : "", -1, NULL);
    g_autofree gunichar *chars = g_utf8_to_ucs4_fast (folded, -1, NULL);
    glong length = g_utf8_strlen (folded, -1);
    g_autofree gboolean *in_note = mark_department_notes (folded, length);
    glong start = 0;

    for (glong i = 0; i <= length; i++)
      {
        gboolean separator = i == length || in_note[i] || chars[i] == 0x3001 || chars[i] == ',' ||
                             chars[i] == ';' || chars[i] == 0x3002;

        if (!separator)
          continue;

        if (i > start)
          {
            g_autofree char *part = g_ucs4_to_utf8 (original + start, i - start, NULL, NULL, NULL);
            g_autofree char *clean = _ms_notice_trim (part);

            if (clean[0] != '\0')
              g_strv_builder_add (builder, clean);
          }
        start = i + 1;
      }
  }

  return g_strv_builder_end (builder);
}

char *
_ms_notice_category_title_from_heading (const char *heading)
{
  static const char * const suffixes[] = {
    "实际完成情况", "完成情况", "进展情况", "落实情况", "推进情况", "情况",
  };
  g_autofree char *text = _ms_notice_trim (heading);
  gsize length = strlen (text);

  /* A heading may end with a colon: "一、省重点民生实事完成情况：". */
  while (length > 0 && (g_str_has_suffix (text, ":") || g_str_has_suffix (text, "：")))
    {
      text[length - (g_str_has_suffix (text, ":") ? 1 : strlen ("："))] = '\0';
      length = strlen (text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_str_has_suffix (text, suffixes[i]) && strlen (text) > strlen (suffixes[i]))
        {
          text[strlen (text) - strlen (suffixes[i])] = '\0';
          break;
        }
    }

  return g_steal_pointer (&text);
}

char *
_ms_notice_category_id_for (Builder    *builder,
                 const char *title,
                 guint       number)
{
  g_autofree char *base = NULL;
  char *id;

  static const struct {
    const char *pattern;
    const char *id;
  } levels[] = {
    { "^省|省重点|省定|省级|省委|省政府", "provincial" },
    { "^市|市重点|市定|市级|市委|市政府", "municipal" },
    { "^县|县重点|县定|县级|县委|县政府", "county" },
    { "^区|区重点|区定|区级|区委|区政府", "district" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels) && base == NULL; i++)
    {
      if (g_regex_match_simple (levels[i].pattern, title, 0, 0))
        base = g_strdup (levels[i].id);
    }
  if (base == NULL)
    base = g_strdup_printf ("section-%u", number);

  id = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (builder->category_ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (builder->category_ids, g_strdup (id));

  return id;
}

static MsStatus
suggest_status (MsProject *project)
{
  static GRegex *delayed_regex;
  static GRegex *progress_regex;
  static GRegex *done_regex;
  const char *completion = ms_project_get_completion (project);
  GListModel *indicators = ms_project_get_indicators (project);
  guint n_indicators = g_list_model_get_n_items (indicators);
  gboolean all_met = ms_project_get_all_met (project);
  gboolean open = FALSE;

  if (g_once_init_enter (&delayed_regex))
    {
      progress_regex = g_regex_new ("正在|推进中|加快推进|已封顶|在建|建设中|施工中|力争|稳步推进|有序推进",
                                    G_REGEX_OPTIMIZE, 0, NULL);
      done_regex = g_regex_new ("完成|竣工|建成|到位|已全部|投入使用|举办|实现|打通|发放|惠及|覆盖",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&delayed_regex,
                         g_regex_new ("滞后|延期|未完成|未能|推迟|暂缓", G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (completion == NULL || completion[0] == '\0')
    return MS_STATUS_NOT_STARTED;

  for (guint i = 0; i < n_indicators; i++)
    {
      if (ms_indicator_get_state (ms_project_get_indicator (project, i)) != MS_INDICATOR_MET)
        open = TRUE;
    }

  if (g_regex_match (delayed_regex, completion, 0, NULL))
    return MS_STATUS_DELAYED;
  if (open && g_regex_match (progress_regex, completion, 0, NULL))
    return MS_STATUS_IN_PROGRESS;
  if (all_met)
    return MS_STATUS_COMPLETED;
  if (n_indicators > 0)
    {
      /* Some figure is missing or short of its target. */
      for (guint i = 0; i < n_indicators; i++)
        {
          if (ms_indicator_get_state (ms_project_get_indicator (project, i)) == MS_INDICATOR_UNMET)
            return MS_STATUS_IN_PROGRESS;
        }
    }
  if (g_regex_match (progress_regex, completion, 0, NULL))
    return MS_STATUS_IN_PROGRESS;
  if (g_regex_match (done_regex, completion, 0, NULL))
    return MS_STATUS_COMPLETED;

  return MS_STATUS_IN_PROGRESS;
}

/* Removes notes about department lists from @text, which is kept as written. */
static void
drop_department_notes (GString  *text,
                       gboolean  traditional)
{
  g_autofree char *folded = _ms_notice_fold_text (text->str, traditional);
  g_autofree gunichar *original = g_utf8_to_ucs4_fast (text->str, -1, NULL);
  glong length = g_utf8_strlen (folded, -1);
  g_autofree gboolean *in_note = mark_department_notes (folded, length);

  g_string_truncate (text, 0);
  for (glong i = 0; i < length; i++)
    {
      if (!in_note[i])
        g_string_append_unichar (text, original[i]);
    }
}

/* "（市卫健委、市财政局按职责分工负责）" or "（市住建局牵头，市财政局配合）" at the
 * end of a target names the departments. */

/* Names of departments, perhaps labelled (牵头单位：) or with 负责/牵头/主办. */
static gboolean
bracket_holds_names (const char *folded)
{
  g_auto(GStrv) clauses = g_regex_split_simple ("[,;]", folded, 0, 0);
  guint n_names = 0;

  for (guint i = 0; clauses[i] != NULL; i++)
    {
      g_autofree char *names = g_strstrip (g_strdup (clauses[i]));
      const char *colon = strchr (names, ':');
      const char *list = names;
      gsize length;

      if (colon != NULL && g_utf8_strlen (names, colon - names) <= 8)
        list = colon + 1;
      while (*list == ' ')
        list++;
      {
        g_autofree char *bare = g_strdup (list);

        length = strlen (bare);
        for (guint s = 0; s < 3; s++)
          {
            static const char * const endings[] = { "负责", "牵头", "主办" };

            if (g_str_has_suffix (bare, endings[s]) && length > strlen (endings[s]))
              {
                bare[length - strlen (endings[s])] = '\0';
                break;
              }
          }
        if (bare[0] == '\0')
          continue;
        if (!_ms_notice_is_department_text (bare))
          return FALSE;
        n_names++;
      }
    }

  return n_names > 0;
}

static void
take_trailing_departments (MsProject  *project,
                           GString    *target,
                           GPtrArray  *departments,
                           GPtrArray  *partners,
                           gboolean    traditional)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *inside = NULL;
  int start = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("[(【]([^()【】]*)[)】][。.;；]?$", G_REGEX_OPTIMIZE, 0, NULL));

  folded = _ms_notice_fold_text (target->str, traditional);
  if (!g_regex_match (regex, folded, 0, &match))
    return;

  /* "（县教育局、县住建局）", "（县教育局负责）", "（牵头：县教育局）": a
   * bracket of names only, or one that says who leads. */
  {
    g_autofree char *bracket = g_match_info_fetch (match, 1);

    g_autofree char *bracketed = g_strdup_printf ("(%s)", bracket);

    /* "（列第一位者为牵头单位，下同）" explains the lists; it names no one. */
    if (g_regex_match (department_note_regex (), bracketed, 0, NULL))
      return;
    if (!g_regex_match_simple ("按职责分工负责|牵头|配合", bracket, 0, 0) && !bracket_holds_names (bracket))
      return;
  }

  g_match_info_fetch_pos (match, 0, &start, NULL);
  {
    int inside_start = 0, inside_end = 0;
    gsize from, to;

    g_match_info_fetch_pos (match, 1, &inside_start, &inside_end);
    from = original_offset (target->str, folded, inside_start);
    to = original_offset (target->str, folded, inside_end);
    inside = g_strndup (target->str + from, to - from);
  }

  {
    g_autofree char *inside_folded = _ms_notice_fold_text (inside, traditional);
    g_auto(GStrv) clauses = g_regex_split_simple ("[,;]", inside_folded, 0, 0);
    glong offset = 0;

    for (guint i = 0; clauses[i] != NULL; i++)
      {
        glong clause_chars = g_utf8_strlen (clauses[i], -1);
        g_autofree char *clause = g_utf8_substring (inside, offset, offset + clause_chars);
        g_autofree char *names = NULL;
        GPtrArray *into = departments;
        g_auto(GStrv) split = NULL;

        offset += clause_chars + 1;
        names = _ms_notice_trim (clause);
        /* "牵头单位：…", "主办：…": the label only says which list. */
        {
          const char *colon = strstr (names, ":");
          const char *wide_colon = strstr (names, "：");
          const char *label_end = colon != NULL ? colon + 1 : wide_colon != NULL ? wide_colon + strlen ("：") : NULL;

          if (label_end != NULL && (g_utf8_strlen (names, label_end - names) <= 8))
            {
              if (strstr (names, "配合") != NULL && strstr (names, "配合") < label_end)
                into = partners;
              memmove (names, label_end, strlen (label_end) + 1);
              g_strstrip (names);
            }
        }
        if (g_str_has_suffix (names, "按职责分工负责"))
          names[strlen (names) - strlen ("按职责分工负责")] = '\0';
        else if (g_str_has_suffix (names, "牵头"))
          names[strlen (names) - strlen ("牵头")] = '\0';
        else if (g_str_has_suffix (names, "配合"))
          {
            names[strlen (names) - strlen ("配合")] = '\0';
            into = partners;
          }
        else if (g_str_has_suffix (names, "负责"))
          names[strlen (names) - strlen ("负责")] = '\0';

        split = ms_notice_split_departments (names);
        for (guint j = 0; split[j] != NULL; j++)
          g_ptr_array_add (into, g_strdup (split[j]));
      }
  }

  /* Keep the sentence, drop the bracket: "…全覆盖。" */
  g_string_truncate (target, original_offset (target->str, folded, start));
  while (target->len > 0 && _ms_notice_is_blank_char (g_utf8_get_char (g_utf8_prev_char (target->str + target->len))))
    g_string_truncate (target, g_utf8_prev_char (target->str + target->len) - target->str);
  if (target->len > 0 && !has_terminal_punctuation (target->str))
    g_string_append (target, "。");
  (void)project;
}

/* "张三。" or "张三；" as a person's name, without the sentence's end. */
static char *
name_without_stop (const char *text)
{
  g_autofree char *name = _ms_notice_trim (text);
  gsize length = strlen (name);

  while (length > 0)
    {
      char *last = g_utf8_prev_char (name + length);
      gunichar c = g_utf8_get_char (last);

      if (c != 0x3002 && c != 0xFF1B && c != ';' && c != '.' && c != 0xFF0C && c != ',' &&
          !_ms_notice_is_blank_char (c))
        break;
      *last = '\0';
      length = last - name;
    }

  return g_steal_pointer (&name);
}

static void reset_fields (Builder *b);

/* "计划新建45处，实际完成48处，完成率106.7%。": a year-end item may say the
 * pledge and what was done in one sentence. The clauses from 实际/已/累计/
 * 截至 to the end of their sentence are the report; the texts are kept
 * whole in the target, the report is also the completion. */
static void
split_plan_and_report (Builder *b)
{
  static GRegex *report_regex;
  g_autofree char *folded = _ms_notice_fold_text (b->fields[FIELD_TARGET]->str, b->traditional);
  g_autofree gunichar *chars = NULL;
  g_autofree gunichar *original = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  glong length = 0, start = 0;
  gboolean reporting = FALSE;

  /* "…90公里。【绿灯·进展顺利】完成管网48公里": a traffic-light tag starts the report. */
  {
    static GRegex *tag_regex;
    g_autoptr(GMatchInfo) tag = NULL;

    if (g_once_init_enter (&tag_regex))
      g_once_init_leave (&tag_regex, g_regex_new ("【[^】]{0,12}(?:灯|进展|推进|滞后|序时|完成)[^】]{0,8}】",
                                                  G_REGEX_OPTIMIZE, 0, NULL));
    if (g_regex_match (tag_regex, folded, 0, &tag))
      {
        int tag_start = 0;
        glong tag_chars;

        g_match_info_fetch_pos (tag, 0, &tag_start, NULL);
        tag_chars = g_utf8_pointer_to_offset (folded, folded + tag_start);
        if (tag_chars > 0)
          {
            g_autofree char *plan_text = g_utf8_substring (b->fields[FIELD_TARGET]->str, 0, tag_chars);
            const char *report_text = g_utf8_offset_to_pointer (b->fields[FIELD_TARGET]->str, tag_chars);
            g_autofree char *shown = _ms_notice_trim (report_text);

            g_string_assign (b->quantity_target, plan_text);
            g_string_assign (b->quantity_completion, report_text);
            g_string_assign (b->fields[FIELD_COMPLETION], shown);
            g_string_truncate (b->fields[FIELD_TARGET], strlen (plan_text));
            b->split_report = TRUE;
            return;
          }
      }
  }

  if (g_once_init_enter (&report_regex))
    g_once_init_leave (&report_regex, g_regex_new ("^\\s*(?:【[^】]{0,12}】\\s*)?(?:实际|已经|已|累计|截至|截止|目前|超额|剩余)",
                                                   G_REGEX_OPTIMIZE, 0, NULL));

  chars = g_utf8_to_ucs4_fast (folded, -1, &length);
  original = g_utf8_to_ucs4_fast (b->fields[FIELD_TARGET]->str, -1, NULL);
  for (glong i = 0; i <= length; i++)
    {
      gboolean clause_end = i == length || chars[i] == ',' || chars[i] == ';' || chars[i] == 0x3002 ||
                            chars[i] == 0xFF0C || chars[i] == 0xFF1B || chars[i] == '\n';
      gboolean sentence_end = i == length || chars[i] == ';' || chars[i] == 0x3002 || chars[i] == 0xFF1B ||
                              chars[i] == '\n';
      g_autofree char *clause_folded = NULL;
      g_autofree char *clause = NULL;

      if (!clause_end)
        continue;
      clause_folded = g_ucs4_to_utf8 (chars + start, i - start, NULL, NULL, NULL);
      clause = g_ucs4_to_utf8 (original + start, MIN (i + 1, length) - start, NULL, NULL, NULL);
      if (g_regex_match (report_regex, clause_folded, 0, NULL))
        reporting = TRUE;
      /* A rate restates the figures; it is neither pledged nor counted. */
      if (strstr (clause_folded, "完成率") == NULL)
        g_string_append (reporting ? report : plan, clause);
      if (sentence_end)
        reporting = FALSE;
      start = i + 1;
    }

  if (report->len == 0)
    return;

  g_string_assign (b->quantity_target, plan->str);
  g_string_assign (b->quantity_completion, report->str);
  b->split_report = TRUE;
  {
    g_autofree char *shown = _ms_notice_trim (report->str);

    g_string_assign (b->fields[FIELD_COMPLETION], shown);
  }
}

static gboolean
project_has_actual (MsProject *project)
{
  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    if (ms_indicator_get_has_actual (ms_project_get_indicator (project, i)))
      return TRUE;

  return FALSE;
}

/* An attached table row for a project already read: departments, the
 * report and figures where the paragraphs gave none; its texts stay. */
static void
fill_in_project (Builder *b)
{
  MsProject *project = b->project;

  if (ms_project_get_departments (project)[0] == NULL && b->fields[FIELD_DEPARTMENTS]->len > 0)
    {
      g_auto(GStrv) listed = ms_notice_split_departments (b->fields[FIELD_DEPARTMENTS]->str);

      ms_project_set_departments (project, (const char * const *)listed);
    }
  if (ms_project_get_completion (project)[0] == '\0' && b->fields[FIELD_COMPLETION]->len > 0)
    ms_project_set_completion (project, b->fields[FIELD_COMPLETION]->str);
  if (ms_project_get_n_indicators (project) > 0 && !project_has_actual (project) &&
      b->fields[FIELD_COMPLETION]->len > 0)
    {
      /* The pledge from the paragraph, the figures reported in the table. */
      g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_refused_figure_free);
      g_autoptr(GPtrArray) indicators = ms_quantity_extract_indicators (ms_project_get_target (project),
                                                                        ms_project_get_completion (project), refused);
      gboolean any_actual = FALSE;

      for (guint i = 0; i < indicators->len; i++)
        any_actual |= ms_indicator_get_has_actual (g_ptr_array_index (indicators, i));
      if (any_actual)
        {
          while (ms_project_get_n_indicators (project) > 0)
            g_object_unref (ms_project_remove_indicator (project, 0));
          for (guint i = 0; i < indicators->len; i++)
            ms_project_insert_indicator (project, G_MAXUINT, g_ptr_array_index (indicators, i));
        }
    }
  else if (ms_project_get_n_indicators (project) == 0)
    {
      g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_refused_figure_free);
      g_autoptr(GPtrArray) indicators = ms_quantity_extract_indicators (b->quantity_target->str,
                                                                        b->quantity_completion->str, refused);

      for (guint i = 0; i < b->table_indicators->len; i++)
        ms_project_insert_indicator (project, G_MAXUINT, g_ptr_array_index (b->table_indicators, i));
      for (guint i = 0; i < indicators->len; i++)
        ms_project_insert_indicator (project, G_MAXUINT, g_ptr_array_index (indicators, i));
    }
  reset_fields (b);
}

void
_ms_notice_finish_project (Builder *b)
{
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_refused_figure_free);
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) listed_partners = NULL;
  MsProject *project = b->project;

  if (project == NULL)
    return;

  if (b->filling_in)
    {
      fill_in_project (b);
      return;
    }

  if (!b->from_table && b->fields[FIELD_COMPLETION]->len == 0)
    split_plan_and_report (b);

  listed = ms_notice_split_departments (b->fields[FIELD_DEPARTMENTS]->str);
  for (guint i = 0; listed[i] != NULL; i++)
    g_ptr_array_add (departments, g_strdup (listed[i]));
  listed_partners = ms_notice_split_departments (b->fields[FIELD_PARTNERS]->str);
  for (guint i = 0; listed_partners[i] != NULL; i++)
    g_ptr_array_add (partners, g_strdup (listed_partners[i]));

  drop_department_notes (b->fields[FIELD_TARGET], b->traditional);
  if (departments->len == 0)
    take_trailing_departments (project, b->fields[FIELD_TARGET], departments, partners, b->traditional);

  g_ptr_array_add (departments, NULL);
  g_ptr_array_add (partners, NULL);

  ms_project_set_target (project, b->fields[FIELD_TARGET]->str);
  ms_project_set_departments (project, (const char * const *)departments->pdata);
  ms_project_set_partners (project, (const char * const *)partners->pdata);
  ms_project_set_completion (project, b->fields[FIELD_COMPLETION]->str);
  if (b->fields[FIELD_DEADLINE]->len > 0)
    {
      g_autofree char *deadline = name_without_stop (b->fields[FIELD_DEADLINE]->str);
      /* translators: a project's deadline as a notice gives it, kept in its note */
      g_autofree char *line = g_strdup_printf (_("Deadline: %s"), deadline);

      _ms_notice_append_line (b->fields[FIELD_NOTE], line);
    }
  if (b->fields[FIELD_NOTE]->len > 0)
    ms_project_set_note (project, b->fields[FIELD_NOTE]->str);
  if (b->fields[FIELD_LEAD]->len > 0)
    {
      g_autofree char *lead = name_without_stop (b->fields[FIELD_LEAD]->str);

      ms_project_set_lead (project, lead);
    }
  if (b->fields[FIELD_CONTACT]->len > 0)
    {
      g_autofree char *contact = name_without_stop (b->fields[FIELD_CONTACT]->str);

      ms_project_set_contact (project, contact);
    }

  {
    gboolean parts = b->from_table || b->split_report;
    const char *target_text = parts ? b->quantity_target->str : b->fields[FIELD_TARGET]->str;
    const char *completion_text = parts ? b->quantity_completion->str : b->fields[FIELD_COMPLETION]->str;
    /* Units and numerals are known in 简体 (萬, 公裏); the texts stay as written. */
    g_autofree char *target = b->traditional ? _ms_notice_to_simplified (target_text) : g_strdup (target_text);
    g_autofree char *completion = b->traditional ? _ms_notice_to_simplified (completion_text) : g_strdup (completion_text);

    indicators = ms_quantity_extract_indicators (target, completion, refused);
    if (b->from_table)
      for (guint i = b->table_indicators->len; i > 0; i--)
        g_ptr_array_insert (indicators, 0, g_object_ref (g_ptr_array_index (b->table_indicators, i - 1)));
  }
  for (guint i = 0; i < refused->len; i++)
    {
      MsRefusedFigure *figure = g_ptr_array_index (refused, i);

      if (figure->actual)
        _ms_notice_add_remark (b->report->warnings, b->project_line,
                    /* translators: %u is a project number, %s a figure as the notice writes it */
                    _("project %u: the reported figure “%s” is larger than 10^15 and was left "
                      "out; check the notice for a typing error"),
                    ms_project_get_number (project), figure->text);
      else
        _ms_notice_add_remark (b->report->warnings, b->project_line,
                    /* translators: %u is a project number, %s a figure as the notice writes it */
                    _("project %u: the target “%s” is larger than 10^15 and was left out, with "
                      "no indicator; check the notice for a typing error"),
                    ms_project_get_number (project), figure->text);
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      MsIndicator *indicator = g_ptr_array_index (indicators, i);

      ms_project_insert_indicator (project, G_MAXUINT, indicator);
      b->report->n_indicators++;
      if (ms_indicator_get_has_actual (indicator))
        b->report->n_indicators_reported++;
    }

  ms_project_set_status (project, suggest_status (project));

  if (b->fields[FIELD_TARGET]->len == 0)
    /* translators: %u is a project number */
    _ms_notice_add_remark (b->report->warnings, b->project_line, _("project %u has no target text"),
                ms_project_get_number (project));

  reset_fields (b);
}

static void
reset_fields (Builder *b)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_string_truncate (b->fields[i], 0);
  g_ptr_array_set_size (b->table_indicators, 0);
  g_string_truncate (b->quantity_target, 0);
  g_string_truncate (b->quantity_completion, 0);
  b->from_table = FALSE;
  b->filling_in = FALSE;
  b->split_report = FALSE;
  b->project = NULL;
}

void
_ms_notice_ensure_category (Builder *b,
                 guint    line)
{
  g_autoptr(MsCategory) category = NULL;
  g_autofree char *id = NULL;

  if (b->category != NULL)
    return;

  /* A notice without 一、 sections is one category. */
  category = ms_category_new ();
  id = _ms_notice_category_id_for (b, ms_document_get_title (b->document), 1);
  ms_category_set_id (category, id);
  ms_category_set_title (category, ms_document_get_title (b->document));
  ms_document_insert_category (b->document, G_MAXUINT, category);
  b->category = category;
  b->report->n_categories++;
}

void
_ms_notice_ensure_group (Builder *b,
              guint    line)
{
  g_autoptr(MsGroup) group = NULL;

  if (b->group != NULL)
    return;

  _ms_notice_ensure_category (b, line);

  /* Projects listed without （一） groups: one untitled group holds them. */
  group = ms_group_new ();
  ms_group_set_number (group, g_list_model_get_n_items (ms_category_get_groups (b->category)) + 1);
  ms_category_insert_group (b->category, G_MAXUINT, group);
  b->group = group;
  b->report->n_groups++;
}

static void
keep_in_document_note (Builder    *b,
                       const Line *line)
{
  if (b->document_note->len > 0)
    g_string_append_c (b->document_note, '\n');
  /* translators: how a line kept from an imported notice is prefixed in the
   * note: %u is its line number, %s the text */
  g_string_append_printf (b->document_note, _("Line %u: %s"), line->number, line->text);
}

/* A row of a table that belongs to no project. */
void
_ms_notice_keep_text_in_note (Builder    *b,
                   guint       number,
                   const char *text)
{
  if (b->document_note->len > 0)
    g_string_append_c (b->document_note, '\n');
  g_string_append_printf (b->document_note, _("Line %u: %s"), number, text);
  _ms_notice_add_remark (b->report->warnings, number,
              /* translators: %s is a line of the notice that is not part of a project */
              _("text outside any project, kept in the document's note: %s"), text);
}

static gboolean
is_name_field (Field field)
{
  return field == FIELD_DEPARTMENTS || field == FIELD_PARTNERS || field == FIELD_LEAD ||
         field == FIELD_CONTACT;
}

/* "市财政局、县住建局", "县代建中心（配合）": a list of names continued. */
static gboolean
looks_like_more_names (const char *folded)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?:局|委|办|厅|院|中心|公司|联|会|政府|街道|办事处|指挥部|集团|银行|队|处|站|社|所|部)"
                                            "(?:\\([^()]{0,6}\\))?[、,]?$", G_REGEX_OPTIMIZE, 0, NULL));

  if (g_utf8_strlen (folded, -1) > 40 || strstr (folded, "。") != NULL || strchr (folded, ',') != NULL ||
      _ms_notice_has_digit (folded))
    return FALSE;

  return _ms_notice_is_department_text (folded) || g_regex_match (regex, folded, 0, NULL);
}

/* A list of names ends with its sentence: in "牵头部门：市交通局。进度较慢的
 * 县区为…" what follows the full stop is about the project, not a name. */
static void
append_to_current_field (Builder    *b,
                         const char *piece)
{
  const char *stop = is_name_field (b->field) ? strstr (piece, "。") : NULL;
  g_autofree char *names = NULL;
  g_autofree char *after = NULL;

  /* A second 责任单位 label adds to the list. */
  if (b->label_started && is_name_field (b->field) && b->fields[b->field]->len > 0 &&
      piece != NULL && piece[0] != '\0')
    g_string_append (b->fields[b->field], "、");
  b->label_started = FALSE;

  if (stop == NULL)
    {
      _ms_notice_append_piece (b->fields[b->field], piece);
      return;
    }

  after = _ms_notice_trim (stop + strlen ("。"));
  if (after[0] == '\0')
    {
      _ms_notice_append_piece (b->fields[b->field], piece);
      return;
    }

  names = g_strndup (piece, stop - piece);
  _ms_notice_append_piece (b->fields[b->field], names);
  b->field = FIELD_TARGET;
  _ms_notice_append_piece (b->fields[b->field], after);
}

static void
drop_trailing_separators (char *text)
{
  gsize length = strlen (text);

  while (length > 0)
    {
      char *last = g_utf8_prev_char (text + length);
      gunichar c = g_utf8_get_char (last);

      if (c != ',' && c != 0xFF0C && c != ';' && c != 0xFF1B && c != 0x3001 && !_ms_notice_is_blank_char (c))
        break;
      *last = '\0';
      length = last - text;
    }
}

/* Feeds the text of a project line, which may hold several labelled fields:
 * "…80公里。责任单位：市交通运输局". */
static void
feed_project_text (Builder    *b,
                   const char *text)
{
  g_autofree char *folded = _ms_notice_fold_text (text, b->traditional);
  const char *rest = text;
  const char *rest_folded = folded;

  for (;;)
    {
      const char *best = NULL;
      const Label *best_label = NULL;
      gsize best_colon_len = 0;

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          const char *found = rest_folded;

          while ((found = strstr (found, labels[i].label)) != NULL)
            {
              const char *after = found + strlen (labels[i].label);

              while (*after == ' ')
                after++;
              if (*after == ':')
                {
                  if (best == NULL || found < best)
                    {
                      best = found;
                      best_label = &labels[i];
                      best_colon_len = after + 1 - found;
                    }
                  break;
                }
              found = after;
            }
        }

      if (best == NULL)
        {
          g_autofree char *piece = _ms_notice_trim (rest);

          append_to_current_field (b, piece);
          return;
        }

      {
        gsize piece_end = original_offset (rest, rest_folded, best - rest_folded);
        g_autofree char *piece = g_strndup (rest, piece_end);
        g_autofree char *clean = _ms_notice_trim (piece);
        gboolean bracketed = FALSE;

        /* "（责任单位：…）": the bracket belongs to the label. */
        if (g_str_has_suffix (clean, "(") || g_str_has_suffix (clean, "（"))
          {
            clean[strlen (clean) - (g_str_has_suffix (clean, "(") ? 1 : strlen ("（"))] = '\0';
            bracketed = TRUE;
          }
        else if (g_str_has_suffix (clean, "【"))
          {
            clean[strlen (clean) - strlen ("【")] = '\0';
            bracketed = TRUE;
          }
        /* "…2所，牵头部门：…": the comma only separates the label. */
        else
          drop_trailing_separators (clean);
        {
          g_autofree char *clean_trimmed = _ms_notice_trim (clean);

          append_to_current_field (b, clean_trimmed);
        }

        b->field = best_label->field;
        b->label_started = TRUE;
        rest += original_offset (rest, rest_folded, (best - rest_folded) + best_colon_len);
        rest_folded = best + best_colon_len;

        if (bracketed)
          {
            /* The labels end at the closing bracket; inside it, more labels
             * may follow: "（牵头单位：…；配合单位：…）". */
            const char *close = strchr (rest_folded, ')');
            const char *square = strstr (rest_folded, "】");

            if (square != NULL && (close == NULL || square < close))
              close = square;

            if (close != NULL)
              {
                gsize end = original_offset (rest, rest_folded, close - rest_folded);
                g_autofree char *inside = g_strndup (rest, end);

                feed_project_text (b, inside);
                rest += original_offset (rest, rest_folded, g_utf8_next_char (close) - rest_folded);
                rest_folded = g_utf8_next_char (close);
                /* Text after the bracket continues what came before it. */
                b->field = FIELD_TARGET;
              }
          }
      }
    }
}

/* "县教育局：新建学校1所": the department first, then the pledge. Returns
 * the text after the departments (or @text). */
static const char *
take_leading_departments (Builder    *b,
                          const char *text)
{
  g_autofree char *folded = _ms_notice_fold_text (text, b->traditional);
  const char *colon = strchr (folded, ':');
  g_autofree char *names = NULL;
  glong chars;

  if (colon == NULL || colon == folded || g_utf8_strlen (folded, colon - folded) > 30)
    return text;
  names = g_strndup (folded, colon - folded);
  if (!_ms_notice_is_department_text (names))
    return text;

  chars = g_utf8_pointer_to_offset (folded, colon);
  {
    g_autofree char *written = g_utf8_substring (text, 0, chars);

    _ms_notice_append_piece (b->fields[FIELD_DEPARTMENTS], written);
  }
  return g_utf8_offset_to_pointer (text, chars + 1);
}

/* An unnumbered item says what was pledged, then what was done:
 * "●推进老旧小区改造方面：完成…" or "新建公园3个。上半年已建成2个。" */
static void
feed_positional_item (Builder    *b,
                      const char *text)
{
  static GRegex *lead_regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *folded = NULL;
  int split_start = 0, split_end = 0;

  if (g_once_init_enter (&lead_regex))
    g_once_init_leave (&lead_regex, g_regex_new ("^(?:[^:。]{2,40}:|[^。]{4,}?。)(?=.)", G_REGEX_OPTIMIZE, 0, NULL));

  folded = _ms_notice_fold_text (text, b->traditional);
  if (!g_regex_match (lead_regex, folded, 0, &match))
    {
      feed_project_text (b, text);
      return;
    }

  g_match_info_fetch_pos (match, 0, &split_start, &split_end);
  {
    gsize cut = original_offset (text, folded, split_end);
    g_autofree char *lead = g_strndup (text, cut);
    g_autofree char *clean = _ms_notice_trim (lead);
    gsize length = strlen (clean);

    /* The colon only introduces what follows. */
    if (g_str_has_suffix (clean, ":"))
      clean[length - 1] = '\0';
    else if (g_str_has_suffix (clean, "："))
      clean[length - strlen ("：")] = '\0';
    if (g_str_has_suffix (clean, "方面"))
      clean[strlen (clean) - strlen ("方面")] = '\0';

    feed_project_text (b, clean);
    if (b->field == FIELD_TARGET)
      b->field = FIELD_COMPLETION;
    feed_project_text (b, text + cut);
  }
}

/* The place a title begins with: "大竹县" of "大竹县人民政府办公室关于对",
 * all of "岳阳楼区"; none in "区人大代表票决出区本级". */
static char *
place_name (const char *text,
            gboolean    traditional)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *folded = _ms_notice_fold_text (text, traditional);
  int end = 0;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?![省市县区])[^\\s\\d\\p{P}]{1,10}?(?:自治州|自治县|新区|开发区|省|市|县|区|旗|州|镇|乡|街道)"
                                            "(?=$|人民政府|人民代表大会|人大|政府|委员会|办公室|关于|本级|城区|\\s)",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, folded, 0, &match) || (g_match_info_fetch_pos (match, 0, NULL, &end),
                                                    g_utf8_pointer_to_offset (folded, folded + end) < 2))
    {
      /* "【转载】 青禾县": the place after what a page put before it. */
      const char *space = strrchr (folded, ' ');

      if (space == NULL || space[1] == '\0')
        return NULL;
      {
        glong offset = g_utf8_pointer_to_offset (folded, space + 1);
        g_autofree char *rest = g_utf8_substring (text, offset, g_utf8_strlen (text, -1));

        return place_name (rest, traditional);
      }
    }

  return g_utf8_substring (text, 0, g_utf8_pointer_to_offset (folded, folded + end));
}

static void
set_title (Builder    *b,
           const char *title)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *folded = _ms_notice_fold_text (title, b->traditional);

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:关于)?(?:印发|转发|公布|下达|做好|开展)?(.*?)\\s*((?:19|20|21)\\d{2})\\s*年", 0, 0, NULL));

  ms_document_set_title (b->document, title);

  if (g_regex_match (regex, folded, 0, &match))
    {
      g_autofree char *year = g_match_info_fetch (match, 2);
      int region_start = 0, region_end = 0;

      g_match_info_fetch_pos (match, 1, &region_start, &region_end);
      ms_document_set_year (b->document, atoi (year));
      b->report->year_source = MS_NOTICE_YEAR_FROM_TITLE;
      if (region_end > region_start)
        {
          gsize from = original_offset (title, folded, region_start);
          gsize to = original_offset (title, folded, region_end);
          g_autofree char *region = g_strndup (title + from, to - from);
          g_autofree char *place = place_name (region, b->traditional);

          if (place != NULL)
            ms_document_set_region (b->document, place);
        }
    }
}

/* Web pages and excerpts may open with anything: a slogan, a sentence of
 * the text. A title names the pledges or reads like the name of a notice,
 * and is not a sentence. */
static gboolean
looks_like_title (const Line *line)
{
  static const char * const subjects[] = { "民生实事", "实事", "项目", "民生工程" };
  static const char * const endings[] = {
    "情况", "情况表", "公示", "公告", "通报", "通知", "清单", "计划", "方案", "名单", "一览表",
  };
  g_autofree char *folded = _ms_notice_trim (line->folded);

  if (g_utf8_strlen (folded, -1) > 80)
    return FALSE;
  if (g_str_has_suffix (folded, "。") || g_str_has_suffix (folded, ":") || g_str_has_suffix (folded, ";"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      if (strstr (folded, subjects[i]) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      if (g_str_has_suffix (folded, endings[i]))
        return TRUE;
    }

  return FALSE;
}

static void
find_year_elsewhere (Builder            *b,
                     const char         *text,
                     MsNoticeYearSource  source)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("((?:19|20|21)\\d{2})\\s*年", 0, 0, NULL));

  if (ms_document_get_year (b->document) == 0 && text != NULL &&
      g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *year = g_match_info_fetch (match, 1);

      ms_document_set_year (b->document, atoi (year));
      b->report->year_source = source;
    }
}

/* The date a notice carries: "发布日期：2016-03-01", "2017-12-15 00:00" in
 * page chrome, "2016年2月26日" under the signature. */
static void
find_notice_date (Builder   *b,
                  GPtrArray *lines)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("((?:19|20|21)\\d{2})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})(?!\\d)",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  for (guint pass = 0; pass < 2 && b->report->date == 0; pass++)
    {
      for (guint i = 0; i < lines->len && b->report->date == 0; i++)
        {
          Line *line = g_ptr_array_index (lines, i);
          g_autoptr(GMatchInfo) match = NULL;

          /* Chrome and closing lines first: a date in the text may be a deadline. */
          if (pass == 0 && line->kind != LINE_CHROME && line->kind != LINE_CLOSING)
            continue;
          if (pass == 1 && line->kind != LINE_TEXT)
            continue;
          if (g_regex_match (regex, line->folded, 0, &match))
            {
              g_autofree char *year = g_match_info_fetch (match, 1);
              g_autofree char *month = g_match_info_fetch (match, 2);
              g_autofree char *day = g_match_info_fetch (match, 3);
              if (g_date_valid_dmy (atoi (day), atoi (month), atoi (year)) && atoi (day) > 0 && atoi (month) > 0)
                b->report->date = ms_date_from_ymd (atoi (year), atoi (month), atoi (day));
            }
        }
    }
}

/* The region when the title does not begin with it: after the year
 * ("2025年桐乡镇民生实事"), or from the office that signs or issues it
 * ("沙河县人民政府" above the title or under the text). */
static void
find_region_elsewhere (Builder   *b,
                       GPtrArray *lines)
{
  static GRegex *after_year;
  static GRegex *office;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *title = _ms_notice_fold_text (ms_document_get_title (b->document), b->traditional);

  if (g_once_init_enter (&after_year))
    {
      office = g_regex_new ("^([^\\s\\d\\p{P}]{1,10}?(?:省|市|县|区|旗|州|镇|乡))(?:人民政府|人民代表大会|人大常委会|"
                            "委员会|政府办公室|人民政府办公室|民生实事|政协)", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&after_year, g_regex_new ("(?:19|20|21)\\d{2}\\s*年度?(?!度)([^\\s\\d\\p{P}省市县区]{1,6}(?:省|市|县|区|旗|州|镇|乡))",
                                                   G_REGEX_OPTIMIZE, 0, NULL));
    }

  if (g_regex_match (after_year, title, 0, &match))
    {
      int start = 0, end = 0;

      g_match_info_fetch_pos (match, 1, &start, &end);
      {
        g_autofree char *region = g_utf8_substring (ms_document_get_title (b->document),
                                                    g_utf8_pointer_to_offset (title, title + start),
                                                    g_utf8_pointer_to_offset (title, title + end));

        ms_document_set_region (b->document, region);
        return;
      }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      g_autoptr(GMatchInfo) office_match = NULL;

      if (line->kind != LINE_CLOSING && line->kind != LINE_TEXT)
        continue;
      if (line->kind == LINE_TEXT && g_utf8_strlen (line->folded, -1) > 24)
        continue;
      if (g_regex_match (office, line->folded, 0, &office_match))
        {
          int start = 0, end = 0;

          g_match_info_fetch_pos (office_match, 1, &start, &end);
          {
            g_autofree char *region = g_utf8_substring (line->text, g_utf8_pointer_to_offset (line->folded, line->folded + start),
                                                        g_utf8_pointer_to_offset (line->folded, line->folded + end));

            ms_document_set_region (b->document, region);
          }
          return;
        }
    }
}

/* A 票决 result lists the candidates: those not elected are no pledge. */
static void
leave_out_unelected (Builder *b)
{
  for (guint i = b->report->items->len; i > 0; i--)
    {
      MsNoticeItem *item = g_ptr_array_index (b->report->items, i - 1);
      MsProject *project = item->project;
      MsGroup *group = ms_project_get_group (project);
      g_autofree char *folded = _ms_notice_fold_text (ms_project_get_target (project), b->traditional);
      GListModel *projects;

      if (group == NULL || !g_regex_match_simple ("未当选|落选|未入选|未获通过", folded, 0, 0))
        continue;

      _ms_notice_add_remark (b->report->warnings, item->line,
                  /* translators: %u is a candidate project's number in a notice of a vote */
                  _("project %u was not elected and is left out"), ms_project_get_number (project));
      projects = ms_group_get_projects (group);
      for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
        if (ms_group_get_project (group, p) == project)
          {
            g_object_unref (ms_group_remove_project (group, p));
            break;
          }
      g_ptr_array_remove_index (b->report->items, i - 1);
      b->report->n_projects--;
    }
}

static void
build (Builder   *b,
       GPtrArray *lines)
{
  g_autoptr(GString) intro = g_string_new (NULL);
  gboolean structure_started = FALSE;
  gboolean have_title = FALSE;
  /* After the projects, "附件：1.…" lists attachments: its numbers are not projects. */
  gboolean in_attachments = FALSE;
  guint last_project_number = 0;
  guint current_run = 0;
  gboolean run_is_items = TRUE;

  /* A new document is for the current year; a notice says its own, and
   * 0 lets the fallbacks below see that it did not. */
  ms_document_set_year (b->document, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_SECTION || line->kind == LINE_GROUP)
        in_attachments = FALSE;
      else if (in_attachments && line->kind == LINE_PROJECT)
        line->kind = LINE_CLOSING;
      else if (line->kind == LINE_CLOSING && structure_started && g_str_has_prefix (line->folded, "附件"))
        in_attachments = TRUE;

      switch (line->kind)
        {
        case LINE_CHROME:
          break;

        case LINE_TABLE:
          _ms_notice_finish_project (b);
          structure_started = TRUE;
          _ms_notice_interpret_table (b, line->block, &last_project_number);
          _ms_notice_finish_project (b);
          break;

        case LINE_CLOSING:
          _ms_notice_finish_project (b);
          keep_in_document_note (b, line);
          _ms_notice_add_remark (b->report->warnings, line->number,
                      /* translators: %s is a line of the notice, kept in the document's note */
                      _("closing line kept in the document's note: %s"), line->text);
          break;

        case LINE_SECTION:
          {
            g_autoptr(MsCategory) category = ms_category_new ();
            g_autofree char *title = _ms_notice_category_title_from_heading (line->rest);
            g_autofree char *id = _ms_notice_category_id_for (b, title, line->heading_number);

            _ms_notice_finish_project (b);
            structure_started = TRUE;
            ms_category_set_id (category, id);
            ms_category_set_title (category, title);
            ms_document_insert_category (b->document, G_MAXUINT, category);
            b->category = category;
            b->group = NULL;
            b->report->n_categories++;
          }
          break;

        case LINE_GROUP:
          {
            g_autoptr(MsGroup) group = ms_group_new ();
            g_autofree char *title = _ms_notice_trim (line->rest);

            _ms_notice_finish_project (b);
            structure_started = TRUE;
            _ms_notice_ensure_category (b, line->number);
            ms_group_set_number (group, line->heading_number);
            ms_group_set_title (group, title);
            ms_category_insert_group (b->category, G_MAXUINT, group);
            b->group = group;
            b->report->n_groups++;
          }
          break;

        case LINE_PROJECT:
          /* A run of items within a paragraph, inside a project whose
           * numbering it does not continue, lists parts of that project:
           * "完成情况：一是…；二是…". Its first item decides for the run. */
          if (line->run != 0 && line->run != current_run)
            {
              current_run = line->run;
              run_is_items = b->project == NULL || line->heading_number == last_project_number + 1;
            }
          if (line->run != 0 && !run_is_items)
            {
              feed_project_text (b, line->text);
              break;
            }
          {
            g_autoptr(MsProject) project = ms_project_new ();

            _ms_notice_finish_project (b);
            structure_started = TRUE;
            _ms_notice_ensure_group (b, line->number);

            /* Bullets and unnumbered paragraphs are numbered in order. */
            if (line->positional)
              line->heading_number = last_project_number + 1;

            if (last_project_number != 0 && line->heading_number != last_project_number + 1 &&
                line->heading_number != 1)
              _ms_notice_add_remark (b->report->warnings, line->number,
                          /* translators: both are project numbers */
                          _("project %u follows project %u: check the numbering"),
                          line->heading_number, last_project_number);
            last_project_number = line->heading_number;

            ms_project_set_number (project, line->heading_number);
            ms_group_insert_project (b->group, G_MAXUINT, project);
            g_hash_table_insert (b->paragraph_projects, GUINT_TO_POINTER (line->heading_number), project);
            b->project = project;
            b->project_line = line->number;
            b->field = FIELD_TARGET;
            b->report->n_projects++;
            {
              g_autofree char *marker = g_strndup (line->text, strlen (line->text) - strlen (line->rest));
              g_autofree char *basis = NULL;

              g_strstrip (marker);
              if (line->bullet)
                /* translators: how a project was recognised; %s is the bullet, "●" */
                basis = g_strdup_printf (_("bullet “%s”, numbered in order"), marker);
              else if (line->positional)
                basis = g_strdup (_("paragraph of an itemised run, numbered in order"));
              else if (line->inline_item)
                /* translators: how a project was recognised; %s is its number as written, "(3)" */
                basis = g_strdup_printf (_("numbered item “%s” within a paragraph"), marker);
              else
                /* translators: how a project was recognised; %s is its number as written, "3、" */
                basis = g_strdup_printf (_("numbered item “%s”"), marker);

              _ms_notice_add_item (b->report, project, line->number, basis);
            }
            if (line->positional)
              feed_positional_item (b, line->rest);
            else
              {
                /* "2.城乡学校扩容（县教育局）" then its sub-lines: the title's
                 * bracket names the departments before the text goes on. */
                g_autoptr(GString) first = g_string_new (take_leading_departments (b, line->rest));
                g_autoptr(GPtrArray) named = g_ptr_array_new_with_free_func (g_free);
                g_autoptr(GPtrArray) partners = g_ptr_array_new_with_free_func (g_free);
                gboolean sub_lines = i + 1 < lines->len &&
                                     is_label_line (g_ptr_array_index (lines, i + 1));

                if (sub_lines && b->fields[FIELD_DEPARTMENTS]->len == 0)
                  {
                    take_trailing_departments (project, first, named, partners, b->traditional);
                    for (guint n = 0; n < named->len; n++)
                      {
                        if (b->fields[FIELD_DEPARTMENTS]->len > 0)
                          g_string_append (b->fields[FIELD_DEPARTMENTS], "、");
                        g_string_append (b->fields[FIELD_DEPARTMENTS], g_ptr_array_index (named, n));
                      }
                    for (guint n = 0; n < partners->len; n++)
                      {
                        if (b->fields[FIELD_PARTNERS]->len > 0)
                          g_string_append (b->fields[FIELD_PARTNERS], "、");
                        g_string_append (b->fields[FIELD_PARTNERS], g_ptr_array_index (partners, n));
                      }
                  }
                feed_project_text (b, first->str);
              }
          }
          break;

        case LINE_TEXT:
        default:
          if (!structure_started)
            {
              if (!have_title && looks_like_title (line))
                {
                  set_title (b, line->text);
                  have_title = TRUE;
                }
              else
                _ms_notice_append_piece (intro, line->text);
            }
          else if (b->project != NULL)
            {
              /* A line after 责任单位 continues the list only if it is more
               * names; "下一步，县政府将加强调度。" is about the project. */
              if (is_name_field (b->field) && !is_label_line (line) && !looks_like_more_names (line->folded))
                b->field = b->fields[FIELD_COMPLETION]->len > 0 ? FIELD_COMPLETION : FIELD_TARGET;
              feed_project_text (b, line->text);
            }
          else
            {
              keep_in_document_note (b, line);
              _ms_notice_add_remark (b->report->warnings, line->number,
                          /* translators: %s is a line of the notice that is not part of a project */
                          _("text outside any project, kept in the document's note: %s"),
                          line->text);
            }
          break;
        }
    }

  _ms_notice_finish_project (b);
  leave_out_unelected (b);
  ms_document_set_intro (b->document, intro->str);
  ms_document_set_note (b->document, b->document_note->str);

  /* The introduction names the year of the pledges most reliably, then the
   * date the notice was signed, then any line. */
  find_year_elsewhere (b, intro->str, MS_NOTICE_YEAR_FROM_TEXT);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      if (line->kind == LINE_CLOSING)
        find_year_elsewhere (b, line->folded, MS_NOTICE_YEAR_FROM_DATE);
    }
  for (guint i = 0; i < lines->len; i++)
    find_year_elsewhere (b, ((Line *)g_ptr_array_index (lines, i))->folded, MS_NOTICE_YEAR_FROM_TEXT);
  find_notice_date (b, lines);
  if (ms_document_get_year (b->document) == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      ms_document_set_year (b->document, g_date_time_get_year (now));
      b->report->year_source = MS_NOTICE_YEAR_ASSUMED;
      _ms_notice_add_remark (b->report->warnings, 0,
                  _("no year found in the title or introduction; this year is assumed"));
    }
  if (ms_document_get_region (b->document)[0] == '\0')
    find_region_elsewhere (b, lines);
  if (ms_document_get_region (b->document)[0] == '\0')
    _ms_notice_add_remark (b->report->warnings, 0, _("no region found in the title"));
  if (!have_title)
    _ms_notice_add_remark (b->report->warnings, 0, _("no title found"));
}

/* A progress notice of the year (1–8月 figures, dated in August) reports
 * as of its date: its figures become progress entries of that date, as
 * when returned sheets are merged. A report dated after the year is a
 * year-end report, as the file is without a reporting date. */
static void
date_the_figures (MsDocument     *document,
                  MsNoticeReport *report)
{
  GListModel *categories = ms_document_get_categories (document);

  if (report->date == 0 || report->n_indicators_reported == 0 ||
      ms_date_get_year (report->date) != ms_document_get_year (document))
    return;

  ms_document_set_as_of (document, report->date);
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      GListModel *groups = ms_category_get_groups (category);

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);
          GListModel *projects = ms_group_get_projects (group);

          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              MsProject *project = ms_group_get_project (group, p);

              for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
                {
                  MsIndicator *indicator = ms_project_get_indicator (project, i);
                  g_autoptr(MsTimeline) progress = NULL;

                  if (!ms_indicator_get_has_actual (indicator))
                    continue;
                  progress = ms_timeline_new ();
                  ms_timeline_append (progress, report->date, ms_indicator_get_actual (indicator), "");
                  ms_indicator_set_progress (indicator, progress);
                }
            }
        }
    }
}

static gboolean
blocks_are_traditional (MsNoticeBlocks *blocks)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < blocks->blocks->len && all->len < 64 * 1024; i++)
    {
      MsNoticeBlock *block = g_ptr_array_index (blocks->blocks, i);

      if (block->kind == MS_NOTICE_BLOCK_PARAGRAPH)
        g_string_append (all, block->text);
      else
        for (guint r = 0; r < block->rows->len; r++)
          {
            GPtrArray *row = g_ptr_array_index (block->rows, r);

            for (guint c = 0; c < row->len; c++)
              g_string_append (all, ((MsNoticeCell *)g_ptr_array_index (row, c))->text);
          }
    }

  return _ms_notice_is_traditional (all->str);
}

/**
 * ms_notice_interpret:
 * @blocks: what a reader found
 * @report: (out) (optional): what was recognised, warnings and dropped lines
 *
 * Turns the paragraphs and tables of a notice into a yearly file.
 *
 * Returns: (transfer full) (nullable): a new, unsaved document, or %NULL when
 *   the notice holds no project
 */
MsDocument *
ms_notice_interpret (MsNoticeBlocks  *blocks,
                     MsNoticeReport **report,
                     GError         **error)
{
  g_autoptr(MsNoticeReport) result = g_new0 (MsNoticeReport, 1);
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  Builder b = { 0 };

  g_return_val_if_fail (blocks != NULL, NULL);

  if (report != NULL)
    *report = NULL;

  result->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)remark_free);
  result->dropped = g_ptr_array_new_with_free_func ((GDestroyNotify)remark_free);
  result->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  result->encoding = g_strdup (blocks->encoding);
  result->format = g_strdup (blocks->format);
  result->location_unit = g_strdup (blocks->location_unit);
  for (guint i = 0; i < blocks->dropped->len; i++)
    {
      MsNoticeRemark *remark = g_ptr_array_index (blocks->dropped, i);

      _ms_notice_add_remark (result->dropped, remark->line, "%s", remark->message);
    }

  b.traditional = blocks_are_traditional (blocks);
  lines = lines_from_blocks (blocks, b.traditional);
  settle_items (lines, b.traditional);
  drop_repeated_and_trailing_chrome (lines, result);

  document = ms_document_new ();
  b.document = document;
  b.report = result;
  b.document_note = g_string_new (NULL);
  b.category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < N_FIELDS; i++)
    b.fields[i] = g_string_new (NULL);
  b.table_indicators = g_ptr_array_new_with_free_func (g_object_unref);
  b.quantity_target = g_string_new (NULL);
  b.quantity_completion = g_string_new (NULL);
  b.paragraph_projects = g_hash_table_new (NULL, NULL);

  build (&b, lines);

  g_hash_table_unref (b.paragraph_projects);
  g_ptr_array_unref (b.table_indicators);
  g_string_free (b.quantity_target, TRUE);
  g_string_free (b.quantity_completion, TRUE);

  for (guint i = 0; i < N_FIELDS; i++)
    g_string_free (b.fields[i], TRUE);
  g_string_free (b.document_note, TRUE);
  g_hash_table_unref (b.category_ids);

  if (result->n_projects == 0)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("No numbered projects were found in the text"));
      if (report != NULL)
        *report = g_steal_pointer (&result);
      return NULL;
    }

  date_the_figures (document, result);

  /* A new document from a notice is unsaved work. */
  ms_document_set_modified (document, TRUE);

  if (report != NULL)
    *report = g_steal_pointer (&result);

  return g_steal_pointer (&document);
}

/**
 * ms_notice_import:
 * @report: (out) (optional): what was recognised, warnings and dropped lines
 *
 * Reads a notice (ms_notice_read()) and interprets it.
 *
 * Returns: (transfer full) (nullable): a new, unsaved document, or %NULL when
 *   the notice cannot be read or holds no project
 */
MsDocument *
ms_notice_import (const char      *data,
                  gsize            length,
                  MsNoticeReport **report,
                  GError         **error)
{
  g_autoptr(MsNoticeBlocks) blocks = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (report != NULL)
    *report = NULL;

  blocks = ms_notice_read (data, length, error);
  if (blocks == NULL)
    return NULL;

  return ms_notice_interpret (blocks, report, error);
}
