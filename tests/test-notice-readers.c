/* test-notice-readers.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ms-json.h"
#include "ms-notice.h"
#include "ms-notice-readers-private.h"

/* The readers of web pages, Word documents and PDFs: one invented notice
 * (qingshan-2025) in each format, what each reader makes of its structure,
 * its page chrome and its damage. */

/* Fuzzing takes this long at most per reader, under ASan too (where each
 * import costs some 25 ms): the cuts and the flips half of it each. */
#define FUZZ_SECONDS 3

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "notices", name, NULL);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static MsNoticeBlocks *
read_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  MsNoticeBlocks *blocks = ms_notice_read (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (blocks);
  return blocks;
}

static MsNoticeBlocks *
read_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  MsNoticeBlocks *blocks = ms_notice_read (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (blocks);
  return blocks;
}

static void
assert_refused (const char *data,
                gsize       length,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsNoticeBlocks) blocks = ms_notice_read (data, length, &error);

  g_assert_null (blocks);
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static MsNoticeBlock *
block_at (MsNoticeBlocks *blocks,
          guint           index)
{
  g_assert_cmpuint (index, <, blocks->blocks->len);
  return g_ptr_array_index (blocks->blocks, index);
}

static GPtrArray *
paragraph_texts (MsNoticeBlocks *blocks)
{
  GPtrArray *texts = g_ptr_array_new ();

  for (guint i = 0; i < blocks->blocks->len; i++)
    {
      MsNoticeBlock *block = block_at (blocks, i);

      if (block->kind == MS_NOTICE_BLOCK_PARAGRAPH)
        g_ptr_array_add (texts, block->text);
    }
  g_ptr_array_add (texts, NULL);

  return texts;
}

static void
assert_paragraphs (MsNoticeBlocks     *blocks,
                   const char * const *expected)
{
  g_autoptr(GPtrArray) texts = paragraph_texts (blocks);

  for (guint i = 0; expected[i] != NULL || texts->pdata[i] != NULL; i++)
    {
      if (expected[i] == NULL || texts->pdata[i] == NULL || !g_str_equal (expected[i], texts->pdata[i]))
        g_error ("paragraph %u: expected “%s”, read “%s”", i, expected[i] ? expected[i] : "(end)",
                 texts->pdata[i] ? (char *)texts->pdata[i] : "(end)");
    }
}

static MsNoticeBlock *
only_table (MsNoticeBlocks *blocks)
{
  MsNoticeBlock *table = NULL;

  for (guint i = 0; i < blocks->blocks->len; i++)
    {
      MsNoticeBlock *block = block_at (blocks, i);

      if (block->kind == MS_NOTICE_BLOCK_TABLE)
        {
          g_assert_null (table);
          table = block;
        }
    }
  g_assert_nonnull (table);

  return table;
}

static MsNoticeCell *
cell_at (MsNoticeBlock *table,
         guint          row,
         guint          column)
{
  GPtrArray *cells;

  g_assert_cmpuint (row, <, table->rows->len);
  cells = g_ptr_array_index (table->rows, row);
  g_assert_cmpuint (column, <, cells->len);

  return g_ptr_array_index (cells, column);
}

static guint
row_length (MsNoticeBlock *table,
            guint          row)
{
  return ((GPtrArray *)g_ptr_array_index (table->rows, row))->len;
}

static void
assert_cell (MsNoticeBlock *table,
             guint          row,
             guint          column,
             const char    *text,
             guint          row_span,
             guint          column_span)
{
  MsNoticeCell *cell = cell_at (table, row, column);

  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpuint (cell->row_span, ==, row_span);
  g_assert_cmpuint (cell->column_span, ==, column_span);
}

/* The table of qingshan-2025 in every format that keeps tables: 县卫生健康局
 * over two rows, the last target over two columns. */
static void
assert_qingshan_table (MsNoticeBlock *table,
                       gboolean       auto_numbered)
{
  static const char * const heading[] = { "序号", "项目", "责任单位", "目标任务", "完成情况" };

  g_assert_cmpuint (table->rows->len, ==, 5);
  for (guint c = 0; c < G_N_ELEMENTS (heading); c++)
    assert_cell (table, 0, c, heading[c], 1, 1);

  g_assert_cmpuint (row_length (table, 1), ==, 5);
  assert_cell (table, 1, 0, "1", 1, 1);
  assert_cell (table, 1, 1, "老年人健康体检", 1, 1);
  assert_cell (table, 1, 2, "县卫生健康局", 2, 1);
  assert_cell (table, 1, 3, "体检2万人次", 1, 1);

  /* The covered cell is not repeated. */
  g_assert_cmpuint (row_length (table, 2), ==, 4);
  assert_cell (table, 2, 0, "2", 1, 1);
  assert_cell (table, 2, 1, "家庭医生签约服务", 1, 1);
  assert_cell (table, 2, 2, "覆盖率60%", 1, 1);

  assert_cell (table, 3, 4, "开工10个\n完工6个", 1, 1);

  g_assert_cmpuint (row_length (table, 4), ==, 4);
  assert_cell (table, 4, 0, "4", 1, 1);
  assert_cell (table, 4, 3, "目标45公里，已建成38公里", 1, 2);
  (void)auto_numbered;
}

static void
assert_qingshan_document (GBytes *bytes)
{
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { guint number; const char *department; } projects[] = {
    { 1, "县卫生健康局" }, { 2, "县卫生健康局" }, { 3, "县住房和城乡建设局" }, { 4, "县交通运输局" },
  };
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  document = ms_notice_import (data, length, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (ms_document_get_title (document), ==, "青山县2025年民生实事项目进展情况通报");
  g_assert_cmpuint (ms_document_get_year (document), ==, 2025);
  g_assert_cmpuint (report->n_categories, >=, 2);

  /* The attached table lists the same four projects: it fills them in,
   * it does not repeat them. */
  g_assert_cmpuint (report->items->len, ==, G_N_ELEMENTS (projects));
  g_assert_cmpuint (report->n_projects, ==, G_N_ELEMENTS (projects));
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      MsNoticeItem *item = g_ptr_array_index (report->items, i);
      const char * const *departments = ms_project_get_departments (item->project);

      g_assert_cmpuint (ms_project_get_number (item->project), ==, projects[i].number);
      g_assert_nonnull (departments);
      g_assert_cmpstr (departments[0], ==, projects[i].department);
      g_assert_null (departments[1]);
      g_assert_cmpuint (item->line, >, 0);
    }
}

/* The paragraphs of qingshan-2025 before its table, as every reader keeps them. */
static const char * const qingshan_paragraphs[] = {
  "青山县2025年民生实事项目进展情况通报",
  "各乡镇人民政府，县直各单位：",
  NULL, /* the introduction: its line break differs */
  "一、教育和医疗",
  "1.为65岁以上老年人免费健康体检2万人次。",
  "责任单位：县卫生健康局",
  "完成情况：已完成体检1.6万人次。",
  "2.家庭医生签约服务覆盖率达到60%。",
  "责任单位：县卫生健康局",
  "完成情况：签约覆盖率58%。",
  "二、城乡建设",
  "3.改造老旧小区12个。",
  "责任单位：县住房和城乡建设局",
  "完成情况：已开工10个，完工6个。",
  "4.新建农村公路45公里。",
  "责任单位：县交通运输局",
  NULL, /* 完成情况 of project 4: a tab in the Word document */
  "青山县民生实事工作领导小组办公室",
  "2025年10月15日",
  "附件：青山县2025年民生实事项目进展情况表",
};

static void
assert_qingshan_paragraphs (MsNoticeBlocks *blocks,
                            const char     *intro,
                            const char     *completion)
{
  g_autoptr(GPtrArray) texts = paragraph_texts (blocks);

  g_assert_cmpuint (texts->len - 1, ==, G_N_ELEMENTS (qingshan_paragraphs));
  for (guint i = 0; i < G_N_ELEMENTS (qingshan_paragraphs); i++)
    {
      const char *expected = qingshan_paragraphs[i] != NULL ? qingshan_paragraphs[i] : i == 2 ? intro : completion;

      g_assert_cmpstr (texts->pdata[i], ==, expected);
    }
}

/* Sniffing */

static void
test_sniffing (void)
{
  static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" "\0\0\0\0\0\0\0\0";
  static const struct { const char *data; const char *format; } pages[] = {
    { "<!DOCTYPE html><html><body><p>一、民生</p></body></html>", "html" },
    { "\xEF\xBB\xBF  <html><body><p>一、民生</p></body></html>", "html" },
    { "<!-- saved from url=(0030)http://www.example.gov.cn/ -->\n<html><p>一、民生</p></html>", "html" },
    { "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x\">"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>一、民生</p></body></html>", "html" },
    { "<div class=\"TRS_Editor\"><p>一、民生</p></div>", "html" },
    { "<P align=center>一、民生</P>", "html" },
    { "一、民生\n1.新建公路10公里。", "text" },
    { "3<5 且 a>b：一、民生", "text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(MsNoticeBlocks) blocks = read_string (pages[i].data);

      g_assert_cmpstr (blocks->format, ==, pages[i].format);
      g_assert_cmpstr (block_at (blocks, 0)->text, ==, pages[i].format[0] == 'h' ? "一、民生" : block_at (blocks, 0)->text);
    }

  /* A page in UTF-16, byte-order mark first. */
  {
    const char *page = "<html><body><p>一、民生</p></body></html>";
    g_autofree char *utf16 = NULL;
    g_autofree char *with_bom = NULL;
    gsize written = 0;
    g_autoptr(MsNoticeBlocks) blocks = NULL;
    g_autoptr(GError) error = NULL;

    utf16 = g_convert (page, -1, "UTF-16LE", "UTF-8", NULL, &written, NULL);
    with_bom = g_malloc (written + 2);
    memcpy (with_bom, "\xFF\xFE", 2);
    memcpy (with_bom + 2, utf16, written);
    blocks = ms_notice_read (with_bom, written + 2, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (blocks->format, ==, "html");
    g_assert_cmpstr (blocks->encoding, ==, "UTF-16");
    g_assert_cmpstr (block_at (blocks, 0)->text, ==, "一、民生");
  }

  assert_refused (ole2, sizeof ole2 - 1, ".docx");
  assert_refused (ole2, sizeof ole2 - 1, "WPS");
  assert_refused ("{\\rtf1\\ansi 一、民生}", strlen ("{\\rtf1\\ansi 一、民生}"), "RTF");
  assert_refused ("PK\x03\x04garbage", 11, "damaged");
  assert_refused ("%PDF-1.4\ngarbage", 16, "PDF");

  /* Binary formats may be larger than texts, up to their own cap. */
  {
    gsize length = MS_NOTICE_MAX_SIZE + 1;
    g_autofree char *large = g_malloc (length);

    memset (large, 'x', length);
    assert_refused (large, length, "too large");
    memcpy (large, "PK\x03\x04", 4);
    assert_refused (large, length, "damaged");
    memcpy (large, "%PDF-", 5);
    assert_refused (large, length, "damaged");
  }
  {
    gsize length = MS_NOTICE_MAX_FILE_SIZE + 1;
    g_autofree char *huge = g_malloc0 (length);

    memcpy (huge, "PK\x03\x04", 4);
    assert_refused (huge, length, "more than the");
    memcpy (huge, "%PDF-", 5);
    assert_refused (huge, length, "more than the");
  }
}

/* Web pages */

static void
test_html_blocks (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.html");
  g_autoptr(MsNoticeBlocks) blocks = read_bytes (bytes);
  static const char * const dropped[] = {
    "青山县人民政府 搜索", "首页 政务公开 互动交流", "当前位置： 首页 > 通知公告", "分享到： 微信 微博",
    "主办：青山县人民政府办公室　联系电话：0000-1234567 版权所有 © 青山县人民政府",
  };
  MsNoticeBlock *table;

  g_assert_cmpstr (blocks->format, ==, "html");
  g_assert_cmpstr (blocks->encoding, ==, "UTF-8");
  g_assert_cmpstr (blocks->location_unit, ==, "line");

  /* A line broken in the page's source between two Han characters is no space. */
  assert_qingshan_paragraphs (blocks,
                              "今年以来，各责任单位认真落实县委、县政府部署，扎实推进民生实事项目。"
                              "现将1至9月进展情况通报如下：",
                              "完成情况：已建成38公里。");

  /* Lines of the page's source; runs between <br> keep theirs. */
  g_assert_cmpuint (block_at (blocks, 0)->line, ==, 30);
  g_assert_cmpuint (block_at (blocks, 3)->line, ==, 35);
  g_assert_cmpuint (block_at (blocks, 5)->line, ==, 37);
  g_assert_cmpuint (block_at (blocks, 12)->line, ==, 43);

  table = only_table (blocks);
  g_assert_cmpstr (table->shape, ==, "<table>");
  assert_qingshan_table (table, FALSE);
  g_assert_cmpuint (cell_at (table, 1, 0)->line, ==, 53);
  g_assert_true (block_at (blocks, blocks->blocks->len - 1) == table);

  g_assert_cmpuint (blocks->dropped->len, ==, G_N_ELEMENTS (dropped));
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    g_assert_cmpstr (((MsNoticeRemark *)g_ptr_array_index (blocks->dropped, i))->message, ==, dropped[i]);
}

static void
test_html_import (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.html");

  assert_qingshan_document (bytes);
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* Government pages are often GB2312 or GBK: the declared charset, or the
 * bytes when the page declares none. */
static void
test_html_charsets (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.html");
  g_autofree char *utf8 = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  static const struct { const char *meta; const char *encoding; } cases[] = {
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", "GB18030" },
    { "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">", "GB18030" },
    { "<meta charset='gb18030' />", "GB18030" },
    { "", "GB18030" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = replace (utf8, "<meta charset=\"utf-8\">", cases[i].meta);
      g_autofree char *gbk = NULL;
      gsize written = 0;
      g_autoptr(MsNoticeBlocks) blocks = NULL;
      g_autoptr(GError) error = NULL;

      /* 覆盖率 and © are not in GB2312: pages that say gb2312 are GBK. */
      gbk = g_convert (page, -1, "GB18030", "UTF-8", NULL, &written, NULL);
      g_assert_nonnull (gbk);
      blocks = ms_notice_read (gbk, written, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (blocks->format, ==, "html");
      g_assert_cmpstr (blocks->encoding, ==, cases[i].encoding);
      g_assert_cmpstr (block_at (blocks, 0)->text, ==, "青山县2025年民生实事项目进展情况通报");
      assert_qingshan_table (only_table (blocks), FALSE);
    }

  /* A GBK page with a damaged byte: the rest is read, and the encoding says so. */
  {
    g_autofree char *page = replace (utf8, "<meta charset=\"utf-8\">", "<meta charset=\"gbk\">");
    gsize written = 0;
    g_autofree char *gbk = g_convert (page, -1, "GB18030", "UTF-8", NULL, &written, NULL);
    char *title = strstr (gbk, "<h1>") + 4;
    g_autoptr(MsNoticeBlocks) blocks = NULL;
    g_autoptr(GError) error = NULL;

    title[0] = (char)0xFF;
    title[1] = (char)0xFF;
    blocks = ms_notice_read (gbk, written, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (blocks->encoding, "GB18030, "));
    g_assert_true (g_str_has_suffix (block_at (blocks, 0)->text, "2025年民生实事项目进展情况通报"));
  }

  /* A page in Big5, as it says. */
  {
    const char *page = "<html><head><meta charset=\"big5\"></head><body><p>一、教育與醫療</p></body></html>";
    gsize written = 0;
    g_autofree char *big5 = g_convert (page, -1, "BIG5", "UTF-8", NULL, &written, NULL);
    g_autoptr(MsNoticeBlocks) blocks = NULL;
    g_autoptr(GError) error = NULL;

    blocks = ms_notice_read (big5, written, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (block_at (blocks, 0)->text, ==, "一、教育與醫療");
  }
}

static void
test_html_chrome (void)
{
  const char *page =
    "<html><body>\n"
    "<div id=\"topNav\">网站首页 机构概况</div>\n"
    "<div class=\"menu-wrap\"><a>菜单</a></div>\n"
    "<ul class=\"crumbs\"><li>首页</li><li>公示公告</li></ul>\n"
    "<div role=\"navigation\">导航</div>\n"
    "<div class=\"bdsharebuttonbox\">分享</div>\n"
    "<aside>热点专题</aside>\n"
    "<div style=\"display: none\">隐藏的旧稿</div>\n"
    "<p hidden>也隐藏</p>\n"
    "<noscript>请启用脚本</noscript>\n"
    "<select><option>部门网站</option><option>县区网站</option></select>\n"
    "<iframe src=\"x\">框架</iframe>\n"
    "<article><header><h1>某县民生实事公示</h1><p>发布日期：2025-03-01</p></header>\n"
    "<div class=\"article-header\"><h2>副标题</h2></div>\n"
    "<ol start=\"3\"><li>新建公园2个。</li><li value=\"7\">新增车位100个。</li><li>改造路灯50盏。</li></ol>\n"
    "<ul><li>不带编号</li></ul>\n"
    "<pre>第一行\n  第二行</pre>\n"
    "<p>一行<span>中的</span><a href=\"#\">链接</a>与 <b>加粗</b></p>\n"
    "<footer>本文责任编辑：某某</footer></article>\n"
    "<div class=\"footer\">网站标识码 0000000000</div>\n"
    "</body></html>\n";
  static const char * const paragraphs[] = {
    "某县民生实事公示", "发布日期：2025-03-01", "副标题", "3.新建公园2个。", "7.新增车位100个。",
    "8.改造路灯50盏。", "不带编号", "第一行", "第二行", "一行中的链接与 加粗", "本文责任编辑：某某", NULL,
  };
  static const char * const dropped[] = {
    "网站首页 机构概况", "菜单", "首页 公示公告", "导航", "分享", "热点专题", "隐藏的旧稿", "也隐藏",
    "请启用脚本", "部门网站 县区网站", "框架", "网站标识码 0000000000",
  };
  g_autoptr(MsNoticeBlocks) blocks = read_string (page);

  assert_paragraphs (blocks, paragraphs);
  g_assert_cmpuint (blocks->dropped->len, ==, G_N_ELEMENTS (dropped));
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    g_assert_cmpstr (((MsNoticeRemark *)g_ptr_array_index (blocks->dropped, i))->message, ==, dropped[i]);
  g_assert_cmpuint (((MsNoticeRemark *)g_ptr_array_index (blocks->dropped, 0))->line, ==, 2);

  /* Sites built on ASP.NET wrap the whole page in one <form>. */
  {
    g_autoptr(GString) wrapped = g_string_new ("<html><body><form id=\"form1\"><div class=\"search\"><input></div>");

    for (guint i = 1; i <= 40; i++)
      g_string_append_printf (wrapped, "<p>%u.新建村级综合服务站一处，方便群众就近办理各类事项。</p>", i);
    g_string_append (wrapped, "</form></body></html>");
    g_clear_pointer (&blocks, ms_notice_blocks_free);
    blocks = read_string (wrapped->str);
    g_assert_cmpuint (blocks->blocks->len, ==, 40);
    g_assert_cmpuint (blocks->dropped->len, ==, 0);
  }
}

static void
test_html_layout_tables (void)
{
  const char *page =
    "<html><body>\n"
    "<table><tr><td>只有一格的排版表</td></tr></table>\n"
    "<table><tr><td>一列</td></tr><tr><td>两行</td></tr></table>\n"
    "<table><tr><td>左栏</td><td>右栏</td></tr></table>\n"
    "<table><tr><td><h2>标题</h2></td><td>旁注</td></tr><tr><td>甲</td><td>乙</td></tr></table>\n"
    "<table role=\"presentation\"><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>\n"
    "<table><tr><td>外层</td><td><table border=1><tr><th>项目</th><th>单位</th></tr>"
    "<tr><td>公园</td><td>县林业局</td></tr></table></td></tr><tr><td>再一行</td><td>尾</td></tr></table>\n"
    "<table><caption>表1</caption><tr><th>甲</th><th colspan=\"0\">乙</th><th colspan=\"9999\">丙</th></tr>"
    "<tr><td rowspan=\"0\">跨到底</td><td rowspan=\"70000\">过长</td><td>x</td></tr><tr><td>y</td></tr></table>\n"
    "</body></html>\n";
  static const char * const paragraphs[] = {
    "只有一格的排版表", "一列", "两行", "左栏", "右栏", "标题", "旁注", "甲", "乙", "甲", "乙", "丙", "丁",
    "外层", "再一行", "尾", "表1", NULL,
  };
  g_autoptr(MsNoticeBlocks) blocks = read_string (page);
  MsNoticeBlock *inner = NULL;
  MsNoticeBlock *spans = NULL;

  assert_paragraphs (blocks, paragraphs);
  for (guint i = 0; i < blocks->blocks->len; i++)
    {
      MsNoticeBlock *block = block_at (blocks, i);

      if (block->kind != MS_NOTICE_BLOCK_TABLE)
        continue;
      if (inner == NULL)
        inner = block;
      else
        spans = block;
    }

  /* The table inside the layout table is data; it comes where it stands. */
  g_assert_nonnull (inner);
  g_assert_cmpstr (block_at (blocks, 13)->text, ==, "外层");
  g_assert_true (block_at (blocks, 14) == inner);
  assert_cell (inner, 0, 0, "项目", 1, 1);
  assert_cell (inner, 1, 1, "县林业局", 1, 1);

  /* colspan="0" is 1, spans are capped, rowspan="0" runs to the last row. */
  g_assert_nonnull (spans);
  assert_cell (spans, 0, 1, "乙", 1, 1);
  assert_cell (spans, 0, 2, "丙", 1, 1000);
  assert_cell (spans, 1, 0, "跨到底", 2, 1);
  assert_cell (spans, 1, 1, "过长", 2, 1);
}

/* Word documents */

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;
} ZipEntry;

static GBytes *
make_zip (const ZipEntry *entries,
          guint           n_entries)
{
  GsfOutput *memory = gsf_output_memory_new ();
  g_autoptr(GError) error = NULL;
  GsfOutfile *zip = gsf_outfile_zip_new (memory, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  for (guint i = 0; i < n_entries; i++)
    {
      g_auto(GStrv) parts = g_strsplit (entries[i].name, "/", -1);
      GPtrArray *opened = g_ptr_array_new_with_free_func (g_object_unref);
      GsfOutfile *directory = zip;
      GsfOutput *member;
      gsize length = entries[i].length ? entries[i].length : strlen (entries[i].data);

      for (guint p = 0; parts[p + 1] != NULL; p++)
        {
          directory = GSF_OUTFILE (gsf_outfile_new_child (directory, parts[p], TRUE));
          g_ptr_array_add (opened, directory);
        }
      member = gsf_outfile_new_child (directory, parts[g_strv_length (parts) - 1], FALSE);
      g_assert_true (gsf_output_write (member, length, (const guint8 *)entries[i].data));
      gsf_output_close (member);
      g_object_unref (member);
      for (guint p = opened->len; p > 0; p--)
        gsf_output_close (g_ptr_array_index (opened, p - 1));
      g_ptr_array_unref (opened);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)), gsf_output_size (memory));
  g_object_unref (memory);

  return bytes;
}

#define W_DOCUMENT_OPEN \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
#define W_DOCUMENT_CLOSE "</w:body></w:document>"

static GBytes *
make_docx (const char *body,
           const char *numbering,
           const char *styles)
{
  g_autofree char *document = g_strconcat (W_DOCUMENT_OPEN, body, W_DOCUMENT_CLOSE, NULL);
  g_autofree char *numbering_xml = numbering != NULL ?
    g_strconcat ("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
                 numbering, "</w:numbering>", NULL) : NULL;
  g_autofree char *styles_xml = styles != NULL ?
    g_strconcat ("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
                 styles, "</w:styles>", NULL) : NULL;
  ZipEntry entries[] = {
    { "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>", 0 },
    { "_rels/.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>", 0 },
    { "word/document.xml", document, 0 },
    { "word/numbering.xml", numbering_xml, 0 },
    { "word/styles.xml", styles_xml, 0 },
  };
  guint n = 3;

  if (numbering_xml != NULL)
    n = 4;
  if (styles_xml != NULL)
    {
      if (n == 3)
        entries[3] = entries[4];
      n++;
    }

  return make_zip (entries, n);
}

static void
test_docx_blocks (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.docx");
  g_autoptr(MsNoticeBlocks) blocks = read_bytes (bytes);
  MsNoticeBlock *table;

  g_assert_cmpstr (blocks->format, ==, "docx");
  g_assert_cmpstr (blocks->encoding, ==, "UTF-8");
  g_assert_cmpstr (blocks->location_unit, ==, "paragraph");

  /* Numbers from word/numbering.xml, a line break and a tab as written, the
   * tracked deletion left out. */
  assert_qingshan_paragraphs (blocks,
                              "今年以来，各责任单位认真落实县委、县政府部署，扎实推进民生实事项目。\n"
                              "现将1至9月进展情况通报如下：",
                              "完成情况：\t已建成38公里。");
  for (guint i = 0; i < 20; i++)
    g_assert_cmpuint (block_at (blocks, i)->line, ==, i + 1);

  /* 序号 numbered by Word; a paragraph is counted in each cell, covered ones too. */
  table = only_table (blocks);
  g_assert_cmpstr (table->shape, ==, "w:tbl");
  assert_qingshan_table (table, TRUE);
  g_assert_cmpuint (table->line, ==, 21);
  g_assert_cmpuint (cell_at (table, 1, 0)->line, ==, 26);
  g_assert_cmpuint (cell_at (table, 2, 0)->line, ==, 32);
  g_assert_cmpuint (cell_at (table, 2, 2)->line, ==, 35);
  g_assert_cmpuint (blocks->dropped->len, ==, 0);
}

static void
test_docx_import (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.docx");
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = NULL;

  assert_qingshan_document (bytes);

  document = ms_notice_import (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &report, NULL);
  g_assert_cmpstr (report->format, ==, "docx");
  g_assert_cmpstr (report->location_unit, ==, "paragraph");
  g_assert_cmpuint (((MsNoticeItem *)g_ptr_array_index (report->items, 0))->line, ==, 5);
}

#define P(text) "<w:p><w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r></w:p>"
#define NP(num, level, text) \
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #level "\"/><w:numId w:val=\"" #num "\"/></w:numPr></w:pPr>" \
  "<w:r><w:t>" text "</w:t></w:r></w:p>"
#define LVL(level, format, text) \
  "<w:lvl w:ilvl=\"" #level "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" format "\"/>" \
  "<w:lvlText w:val=\"" text "\"/></w:lvl>"

static void
test_docx_numbering (void)
{
  const char *numbering =
    "<w:abstractNum w:abstractNumId=\"1\">" LVL (0, "chineseCounting", "%1、") LVL (1, "chineseCounting", "（%2）")
    LVL (2, "decimal", "%3.") LVL (3, "decimal", "(%4)") LVL (4, "decimalEnclosedParen", "%5")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"2\">" LVL (0, "decimal", "%1.") LVL (1, "decimal", "%1.%2") "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"3\">" LVL (0, "ideographTraditional", "%1.") LVL (1, "bullet", "\xEF\x82\xB7")
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"4\">" LVL (0, "chineseCountingThousand", "第%1条") "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"2\"/></w:num>"
    /* The same list started again at 5. */
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"3\"/></w:num>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"4\"/></w:num>";
  const char *styles =
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:basedOn w:val=\"Heading1\"/></w:style>";
  const char *body =
    "<w:p><w:pPr><w:pStyle w:val=\"MyHeading\"/></w:pPr><w:r><w:t>基础教育</w:t></w:r></w:p>"
    NP (1, 1, "学前教育") NP (1, 2, "新建幼儿园") NP (1, 2, "改扩建幼儿园") NP (1, 3, "城区") NP (1, 4, "东区")
    NP (1, 4, "西区") NP (1, 1, "义务教育") NP (1, 2, "新建学校")
    NP (1, 0, "医疗卫生") NP (1, 1, "基层医疗")
    NP (2, 0, "甲项") NP (2, 1, "甲项之一") NP (2, 1, "甲项之二") NP (2, 0, "乙项") NP (2, 1, "乙项之一")
    NP (3, 0, "重新编号") NP (3, 0, "再一项")
    NP (4, 0, "天干一") NP (4, 0, "天干二") NP (4, 1, "无编号的圆点")
    NP (5, 0, "条款") NP (0, 0, "numId 0 不编号") NP (99, 0, "未定义的列表")
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:p>";
  static const char * const paragraphs[] = {
    "一、基础教育", "（一）学前教育", "1.新建幼儿园", "2.改扩建幼儿园", "(1)城区", "⑴东区", "⑵西区",
    "（二）义务教育", "1.新建学校", "二、医疗卫生", "（一）基层医疗",
    "1.甲项", "1.1 甲项之一", "1.2 甲项之二", "2.乙项", "2.1 乙项之一",
    "5.重新编号", "6.再一项",
    "甲.天干一", "乙.天干二", "无编号的圆点",
    "第一条 条款", "numId 0 不编号", "未定义的列表",
    /* A numbered paragraph without text shows its number. */
    "3.",
    NULL,
  };
  g_autoptr(GBytes) bytes = make_docx (body, numbering, styles);
  g_autoptr(MsNoticeBlocks) blocks = read_bytes (bytes);

  assert_paragraphs (blocks, paragraphs);
}

static void
test_docx_formats (void)
{
  static const struct { guint number; const char *format; const char *text; } cases[] = {
    { 3, "decimal", "3" }, { 3, NULL, "3" }, { 7, "decimalZero", "07" }, { 12, "chineseCounting", "十二" },
    { 20, "chineseCountingThousand", "二十" }, { 105, "chineseCounting", "一百零五" },
    { 3, "ideographTraditional", "丙" }, { 11, "ideographTraditional", "11" },
    { 1, "ideographZodiac", "子" }, { 10, "ideographDigital", "一〇" },
    { 2, "decimalEnclosedParen", "⑵" }, { 20, "decimalEnclosedParen", "⒇" }, { 21, "decimalEnclosedParen", "21" },
    { 1, "decimalEnclosedCircle", "①" }, { 3, "decimalEnclosedCircleChinese", "③" },
    { 4, "decimalEnclosedFullstop", "⒋" }, { 15, "decimalFullWidth", "１５" },
    { 4, "upperRoman", "IV" }, { 9, "lowerRoman", "ix" }, { 2, "upperLetter", "B" }, { 28, "lowerLetter", "bb" },
    { 11, "chineseLegalSimplified", "拾壹" }, { 5, "none", "" }, { 4, "someFutureFormat", "4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _ms_notice_format_list_number (cases[i].number, cases[i].format);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_docx_tables (void)
{
  const char *body =
    /* One cell: a frame around the text. */
    "<w:tbl><w:tr><w:tc>" P ("框中的一段") P ("框中的二段") "</w:tc></w:tr></w:tbl>"
    /* A table in a table: the outer one lays out. */
    "<w:tbl><w:tr><w:tc>" P ("左") "</w:tc><w:tc>"
    "<w:tbl><w:tr><w:tc>" P ("项目") "</w:tc><w:tc>" P ("单位") "</w:tc></w:tr>"
    "<w:tr><w:tc>" P ("公园") "</w:tc><w:tc>" P ("县林业局") "</w:tc></w:tr></w:tbl>"
    "</w:tc></w:tr><w:tr><w:tc>" P ("下") "</w:tc><w:tc>" P ("右下") "</w:tc></w:tr></w:tbl>"
    /* Merges: gridBefore, gridSpan, vMerge over three rows, a vMerge continue
     * with nothing above it, and Word 97's hMerge. */
    "<w:tbl>"
    "<w:tr><w:tc>" P ("甲") "</w:tc><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P ("乙") "</w:tc>"
    "<w:tc><w:tcPr><w:vMerge/></w:tcPr>" P ("孤") "</w:tc></w:tr>"
    "<w:tr><w:tc>" P ("丙") "</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    "<w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr>" P ("横") "</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc></w:tr>"
    "<w:tr><w:tc>" P ("丁") "</w:tc><w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr><w:p/></w:tc>"
    "<w:tc>" P ("戊") "</w:tc></w:tr>"
    "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P ("己") "</w:tc></w:tr>"
    "</w:tbl>";
  static const char * const paragraphs[] = { "框中的一段", "框中的二段", "左", "下", "右下", NULL };
  g_autoptr(GBytes) bytes = make_docx (body, NULL, NULL);
  g_autoptr(MsNoticeBlocks) blocks = read_bytes (bytes);
  MsNoticeBlock *inner = block_at (blocks, 3);
  MsNoticeBlock *merged = block_at (blocks, 6);

  assert_paragraphs (blocks, paragraphs);
  g_assert_cmpuint (blocks->blocks->len, ==, 7);
  g_assert_cmpint (inner->kind, ==, MS_NOTICE_BLOCK_TABLE);
  assert_cell (inner, 1, 1, "县林业局", 1, 1);
  g_assert_cmpuint (inner->line, ==, 4);

  g_assert_cmpint (merged->kind, ==, MS_NOTICE_BLOCK_TABLE);
  g_assert_cmpuint (merged->rows->len, ==, 4);
  assert_cell (merged, 0, 1, "乙", 3, 1);
  assert_cell (merged, 0, 2, "孤", 1, 1);
  g_assert_cmpuint (row_length (merged, 1), ==, 2);
  assert_cell (merged, 1, 1, "横", 1, 2);
  g_assert_cmpuint (row_length (merged, 2), ==, 2);
  assert_cell (merged, 2, 1, "戊", 1, 1);
  assert_cell (merged, 3, 0, "己", 1, 2);
}

static void
test_docx_refused (void)
{
  const ZipEntry workbook[] = { { "xl/workbook.xml", "<workbook/>", 0 } };
  const ZipEntry odt[] = { { "mimetype", "application/vnd.oasis.opendocument.text", 0 }, { "content.xml", "<x/>", 0 } };
  const ZipEntry other[] = { { "readme.txt", "hello", 0 } };
  const ZipEntry not_word[] = { { "word/document.xml", "<html><body>not Word</body></html>", 0 } };
  const ZipEntry damaged[] = { { "word/document.xml", W_DOCUMENT_OPEN "<w:p><w:r><w:t>未闭合", 0 } };
  const ZipEntry doctype[] = {
    { "word/document.xml",
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>", 0 },
  };
  g_autofree char *late_doctype = g_strdup_printf ("<?xml version=\"1.0\"?><!--%0*d--><!DOCTYPE x [<!ENTITY a \"b\">]>"
                                                   "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                                                   "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&a;</w:t>"
                                                   "</w:r></w:p></w:body></w:document>", 10000, 0);
  const ZipEntry late[] = { { "word/document.xml", late_doctype, 0 } };
  const ZipEntry external[] = {
    { "word/document.xml",
      W_DOCUMENT_OPEN "<w:p><w:r><w:t>外部</w:t></w:r></w:p>" W_DOCUMENT_CLOSE, 0 },
    { "_rels/.rels",
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://x/officeDocument\" Target=\"http://example.invalid/x.xml\" "
      "TargetMode=\"External\"/></Relationships>", 0 },
  };
  const ZipEntry empty[] = { { "word/document.xml", W_DOCUMENT_OPEN W_DOCUMENT_CLOSE, 0 } };
  const struct { const ZipEntry *entries; guint n; const char *needle; } cases[] = {
    { workbook, 1, "Excel" },
    { odt, 2, ".odt" },
    { other, 1, "not a Word document" },
    { not_word, 1, "not a Word document" },
    { damaged, 1, "damaged" },
    { doctype, 1, "DOCTYPE" },
    { late, 1, "DOCTYPE" },
    { empty, 1, "no text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = make_zip (cases[i].entries, cases[i].n);

      assert_refused (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), cases[i].needle);
    }

  /* An external target is no part: word/document.xml is read. */
  {
    g_autoptr(GBytes) bytes = make_zip (external, 2);
    g_autoptr(MsNoticeBlocks) blocks = read_bytes (bytes);

    g_assert_cmpstr (block_at (blocks, 0)->text, ==, "外部");
  }
}

/* PDFs */

static void
draw_lines (cairo_t            *cr,
            PangoLayout        *layout,
            const char * const *lines,
            double              y)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      pango_layout_set_text (layout, lines[i], -1);
      cairo_move_to (cr, 60, y);
      pango_cairo_show_layout (cr, layout);
      y += 22;
    }
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* qingshan-2025 as a PDF of two pages, with a page number under each and
 * the table drawn as lines of text; with @text FALSE, only a picture. */
static GBytes *
make_pdf (gboolean text)
{
  static const char * const first_page[] = {
    "青山县2025年民生实事项目进展情况通报",
    "各乡镇人民政府，县直各单位：",
    "今年以来，各责任单位认真落实县委、县政府部署，扎实推进民生实事项目。",
    "现将1至9月进展情况通报如下：",
    "一、教育和医疗",
    "1.为65岁以上老年人免费健康体检2万人次。",
    "责任单位：县卫生健康局",
    "完成情况：已完成体检1.6万人次。",
    "2.家庭医生签约服务覆盖率达到60%。",
    "责任单位：县卫生健康局",
    "完成情况：签约覆盖率58%。",
    NULL,
  };
  static const char * const second_page[] = {
    "二、城乡建设",
    "3.改造老旧小区12个。",
    "责任单位：县住房和城乡建设局",
    "完成情况：已开工10个，完工6个。",
    "4.新建农村公路45公里。",
    "责任单位：县交通运输局",
    "完成情况：已建成38公里。",
    "青山县民生实事工作领导小组办公室",
    "2025年10月15日",
    "附件：青山县2025年民生实事项目进展情况表",
    NULL,
  };
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 12");

  pango_layout_set_font_description (layout, font);
  if (text)
    {
      const char * const *pages[] = { first_page, second_page };

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *number = g_strdup_printf ("— %u —", p + 1);
          const char * const footer[] = { number, NULL };

          draw_lines (cr, layout, pages[p], 80);
          draw_lines (cr, layout, footer, 780);
          cairo_show_page (cr);
        }
    }
  else
    {
      /* A scan: a picture of a page, no text. */
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 160);
      cairo_t *paint = cairo_create (image);

      cairo_set_source_rgb (paint, 1, 1, 1);
      cairo_paint (paint);
      cairo_set_source_rgb (paint, 0, 0, 0);
      cairo_rectangle (paint, 10, 10, 100, 4);
      cairo_fill (paint);
      cairo_destroy (paint);
      cairo_set_source_surface (cr, image, 60, 60);
      cairo_paint (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (pdf);
}

static void
test_pdf_blocks (void)
{
  g_autoptr(GBytes) bytes = make_pdf (TRUE);
  g_autoptr(MsNoticeBlocks) blocks = read_bytes (bytes);
  g_autoptr(GPtrArray) texts = paragraph_texts (blocks);
  guint at = 0;

  g_assert_cmpstr (blocks->format, ==, "pdf");
  g_assert_cmpstr (blocks->encoding, ==, "Unicode");
  g_assert_cmpstr (blocks->location_unit, ==, "line");

  /* Every line of both pages in order, page numbers among them. */
  g_assert_cmpstr (texts->pdata[0], ==, "青山县2025年民生实事项目进展情况通报");
  for (guint i = 0; i < G_N_ELEMENTS (qingshan_paragraphs); i++)
    {
      if (qingshan_paragraphs[i] == NULL)
        continue;
      while (texts->pdata[at] != NULL && !g_str_equal (texts->pdata[at], qingshan_paragraphs[i]))
        at++;
      if (texts->pdata[at] == NULL)
        g_error ("“%s” is not in the PDF's text, or out of order", qingshan_paragraphs[i]);
    }
  /* Poppler may drop the spaces around the page number. */
  {
    gboolean found = FALSE;

    for (guint i = 0; texts->pdata[i] != NULL && !found; i++)
      {
        g_autofree char *compact = replace (texts->pdata[i], " ", "");

        found = g_str_equal (compact, "—1—");
      }
    g_assert_true (found);
  }
}

static void
test_pdf_import (void)
{
  g_autoptr(GBytes) bytes = make_pdf (TRUE);

  assert_qingshan_document (bytes);
}

static void
test_pdf_refused (void)
{
  g_autoptr(GBytes) scan = make_pdf (FALSE);
  /* A PDF whose /Encrypt the empty password does not open. */
  const char *encrypted =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    "4 0 obj << /Filter /Standard /V 1 /R 2 /O <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> "
    "/U <FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100> /P -4 >> endobj\n"
    "trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n"
    "%%EOF\n";

  assert_refused (g_bytes_get_data (scan, NULL), g_bytes_get_size (scan), "OCR");
  assert_refused (encrypted, strlen (encrypted), "password");
  assert_refused ("%PDF-1.7\n%%EOF\n", 15, "damaged");
}

/* Damage: whatever the bytes, a document or a clear error, soon. */

static void
assert_reads_or_fails (const char *data,
                       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = ms_notice_import (data, length, &report, &error);

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MS_DOCUMENT_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
    }
  else
    g_assert_no_error (error);
}

/* libgsf warns about the damaged zips made here, poppler about damaged
 * PDFs (the readers keep both out of the output, but the test setup makes
 * them fatal); the readers' own warnings and criticals stay fatal. */
static void
only_our_warnings_fatal (void)
{
  static const char * const domains[] = {
    "ms-notice-blocks", "ms-notice-read-html", "ms-notice-read-docx", "ms-notice-read-pdf",
    "ms-notice-read-text", "ms-notice-import", "ms-notice-decode",
  };

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    g_log_set_fatal_mask (domains[i], G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
}

static void
fuzz (GBytes *bytes,
      guint32 seed)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *copy = g_memdup2 (data, length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 deadline = g_get_monotonic_time () + FUZZ_SECONDS * G_USEC_PER_SEC / 2;
  gsize step = MAX (length / 100, 1);
  gint64 started = g_get_monotonic_time ();

  only_our_warnings_fatal ();

  guint n_cuts = 0;
  guint n_flips = 0;

  /* Cut anywhere, the first and last bytes most closely. */
  for (gsize cut = 0; cut < length && g_get_monotonic_time () < deadline; cut += cut < 32 || length - cut < 32 ? 1 : step)
    {
      assert_reads_or_fails (data, cut);
      n_cuts++;
    }

  deadline = g_get_monotonic_time () + FUZZ_SECONDS * G_USEC_PER_SEC / 2;
  for (guint round = 0; round < 300 && g_get_monotonic_time () < deadline; round++)
    {
      guint flips = g_rand_int_range (rand, 1, 9);

      memcpy (copy, data, length);
      for (guint f = 0; f < flips; f++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32)length);

          /* The header survives often enough to reach the reader's insides. */
          if (at < 8 && round % 2 == 0)
            continue;
          copy[at] = (char)g_rand_int_range (rand, 0, 256);
        }
      assert_reads_or_fails (copy, length);
      n_flips++;
    }
  g_test_message ("%u cuts, %u with bytes changed, in %.1f s", n_cuts, n_flips,
                  (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
}

static void
test_fuzz_html (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.html");
  g_autoptr(GString) nested = g_string_new ("<html><body>");
  g_autoptr(GString) tables = g_string_new ("<html><body>");
  g_autoptr(GString) lists = g_string_new ("<html><body>");
  g_autoptr(GString) rows = g_string_new ("<html><body><p>一、民生</p><table>");
  g_autoptr(GString) long_text = g_string_new ("<html><body><p>1.");

  fuzz (bytes, 14);

  for (guint i = 0; i < 10000; i++)
    g_string_append (nested, i % 2 ? "<div>" : "<span><b>");
  g_string_append (nested, "1.最深处的项目。责任单位：县民政局");
  for (guint i = 0; i < 10000; i++)
    g_string_append (tables, "<table><tr><td>x</td><td>");
  g_string_append (tables, "1.表中的项目。");
  for (guint i = 0; i < 10000; i++)
    g_string_append (lists, "<ol><li>");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (rows, "<tr><td>%u</td><td>项目%u</td><td rowspan=\"3\">县民政局</td><td colspan=\"2\">目标</td></tr>", i, i);
  g_string_append (rows, "</table><p>1.最后的项目。</p></body></html>");
  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "很长的一段");

  /* libxml2 stops past 256 levels; below that the reader's own limit
   * keeps the text, without its structure. */
  assert_reads_or_fails (nested->str, nested->len);
  {
    g_autoptr(GString) deep = g_string_new ("<html><body>");
    g_autoptr(MsNoticeBlocks) blocks = NULL;

    for (guint i = 0; i < 200; i++)
      g_string_append (deep, i % 2 ? "<div>" : "<section>");
    g_string_append (deep, "1.最深处的项目。<p>责任单位：县民政局");
    blocks = read_string (deep->str);
    g_assert_cmpstr (block_at (blocks, blocks->blocks->len - 1)->text, ==, "1.最深处的项目。 责任单位：县民政局");
  }
  assert_reads_or_fails (tables->str, tables->len);
  assert_reads_or_fails (lists->str, lists->len);
  {
    g_autoptr(MsNoticeBlocks) blocks = read_string (rows->str);

    g_assert_cmpuint (only_table (blocks)->rows->len, ==, 2000);
  }
  /* A paragraph of 100 000 characters is read whole; the interpreter's
   * time on it is its own (and long under ASan): it gets a tenth. */
  {
    g_autoptr(MsNoticeBlocks) blocks = read_string (long_text->str);

    g_assert_cmpuint (g_utf8_strlen (block_at (blocks, 0)->text, -1), ==, 2 + 5 * 20000);
  }
  g_string_truncate (long_text, strlen ("<html><body><p>1.") + 2000 * strlen ("很长的一段"));
  assert_reads_or_fails (long_text->str, long_text->len);
}

static void
test_fuzz_docx (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("qingshan-2025.docx");
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GString) tables = g_string_new (NULL);
  g_autoptr(GString) rows = g_string_new ("<w:tbl>");
  g_autoptr(GString) long_text = g_string_new ("<w:p><w:r><w:t>1.");
  g_autofree char *zeros = NULL;

  fuzz (bytes, 14);

  /* Nested past what libxml2 takes without XML_PARSE_HUGE: refused. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (nested, "<w:sdt><w:sdtContent>");
  {
    g_autoptr(GBytes) docx = make_docx (nested->str, NULL, NULL);

    assert_refused (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), "not valid XML");
  }

  /* Tables in tables, as deep as the parser goes. */
  for (guint i = 0; i < 80; i++)
    g_string_append (tables, "<w:tbl><w:tr><w:tc>");
  g_string_append (tables, P ("1.表中的项目。"));
  for (guint i = 0; i < 80; i++)
    g_string_append (tables, "</w:tc></w:tr></w:tbl>");
  {
    g_autoptr(GBytes) docx = make_docx (tables->str, NULL, NULL);
    g_autoptr(MsNoticeBlocks) blocks = read_bytes (docx);

    g_assert_cmpstr (block_at (blocks, 0)->text, ==, "1.表中的项目。");
  }

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (rows, "<w:tr><w:tc>" P ("%u") "</w:tc><w:tc><w:tcPr><w:vMerge%s/></w:tcPr>"
                            P ("县民政局") "</w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" P ("目标")
                            "</w:tc></w:tr>", i, i % 3 == 0 ? " w:val=\"restart\"" : "");
  g_string_append (rows, "</w:tbl>" P ("1.最后的项目。"));
  {
    g_autoptr(GBytes) docx = make_docx (rows->str, NULL, NULL);
    g_autoptr(MsNoticeBlocks) blocks = read_bytes (docx);
    MsNoticeBlock *table = only_table (blocks);

    g_assert_cmpuint (table->rows->len, ==, 2000);
    g_assert_cmpuint (cell_at (table, 0, 1)->row_span, ==, 3);
  }

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "很长的一段");
  g_string_append (long_text, "</w:t></w:r></w:p>");
  {
    g_autoptr(GBytes) docx = make_docx (long_text->str, NULL, NULL);
    g_autoptr(MsNoticeBlocks) blocks = read_bytes (docx);

    g_assert_cmpuint (g_utf8_strlen (block_at (blocks, 0)->text, -1), ==, 2 + 5 * 20000);
  }

  /* A zip bomb's member: refused from its declared size, before inflating. */
  {
    gsize size = 40 * 1024 * 1024;
    ZipEntry bomb[] = { { "word/document.xml", NULL, size } };
    g_autoptr(GBytes) docx = NULL;

    zeros = g_malloc0 (size);
    memcpy (zeros, W_DOCUMENT_OPEN, strlen (W_DOCUMENT_OPEN));
    bomb[0].data = zeros;
    docx = make_zip (bomb, 1);
    g_assert_cmpuint (g_bytes_get_size (docx), <, 1024 * 1024);
    assert_refused (g_bytes_get_data (docx, NULL), g_bytes_get_size (docx), "inflates to");
  }
}

/* Many pages of numbered projects, each line different. */
static GBytes *
make_long_pdf (guint n_pages)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 9");
  guint number = 1;

  pango_layout_set_font_description (layout, font);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autoptr(GString) page = g_string_new (p == 0 ? "某县民生实事项目清单\n" : NULL);

      for (guint line = 0; line < 40; line++)
        g_string_append_printf (page, "%u.新建村级服务站%u个，责任单位：县民政局\n", number++, line + 1);
      pango_layout_set_text (layout, page->str, -1);
      cairo_move_to (cr, 40, 30);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (pdf);
}

static void
test_fuzz_pdf (void)
{
  g_autoptr(GBytes) bytes = make_pdf (TRUE);
  g_autoptr(GBytes) long_pdf = make_long_pdf (20);
  g_autoptr(GString) nested = g_string_new ("%PDF-1.4\n1 0 obj ");
  g_autoptr(GString) pages = g_string_new (NULL);

  fuzz (bytes, 14);

  /* Arrays in arrays, and a page tree that points at itself. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (nested, '[');
  g_string_append (nested, "\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  assert_reads_or_fails (nested->str, nested->len);

  g_string_append (pages,
                   "%PDF-1.4\n"
                   "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                   "2 0 obj << /Type /Pages /Kids [2 0 R 2 0 R] /Count 100000000 >> endobj\n"
                   "trailer << /Root 1 0 R /Size 3 >>\n%%EOF\n");
  assert_reads_or_fails (pages->str, pages->len);

  /* Twenty pages, 800 lines: every one read, in order. */
  {
    g_autoptr(MsNoticeBlocks) blocks = read_bytes (long_pdf);
    g_autoptr(GPtrArray) texts = paragraph_texts (blocks);

    g_assert_cmpuint (texts->len - 1, ==, 1 + 20 * 40);
    g_assert_cmpstr (texts->pdata[texts->len - 2], ==, "800.新建村级服务站40个，责任单位：县民政局");
  }
}


static void
test_html_link_lists (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
    "<p>1.新建公园3个。</p>"
    "<ol><li>新建学校2所。</li><li>改造管网20公里。</li></ol>"
    "<div>相关链接</div>"
    "<ul><li>1.<a href=\"a.html\">关于印发青石县2024年民生实事的通知</a></li>"
    "<li>2.<a href=\"b.html\">青石县2023年民生实事完成情况</a> 2024-01-05</li></ul>"
    "</body></html>";
  g_autoptr(MsNoticeBlocks) blocks = read_string (page);
  gboolean dropped = FALSE;

  /* Links to other pages are chrome; a list of items is not. */
  for (guint i = 0; i < blocks->dropped->len; i++)
    dropped |= strstr (((MsNoticeRemark *)g_ptr_array_index (blocks->dropped, i))->message, "关于印发") != NULL;
  g_assert_true (dropped);
  for (guint i = 0; i < blocks->blocks->len; i++)
    {
      MsNoticeBlock *block = g_ptr_array_index (blocks->blocks, i);

      g_assert_true (block->text == NULL || strstr (block->text, "关于印发") == NULL);
    }
  {
    gboolean kept = FALSE;

    for (guint i = 0; i < blocks->blocks->len; i++)
      {
        MsNoticeBlock *block = g_ptr_array_index (blocks->blocks, i);

        kept |= block->text != NULL && strstr (block->text, "改造管网20公里") != NULL;
      }
    g_assert_true (kept);
  }
}


static void
test_html_headings (void)
{
  static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
    "<h1>青石县2025年民生实事</h1>"
    "<h2>教育民生</h2><p>1.新建幼儿园2所。</p>"
    "<h2>健康民生</h2><p>2.免费体检2万人次。</p>"
    "<h3>相关链接</h3><ul><li><a href=\"a.html\">关于印发民生实事的通知</a></li></ul>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_notice_import (page, strlen (page), NULL, &error);

  /* <h2> parts under the <h1> title; a link box's heading is no part. */
  g_assert_no_error (error);
  g_assert_cmpstr (ms_document_get_title (document), ==, "青石县2025年民生实事");
  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (document, 1)), ==, "健康民生");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice-readers/sniffing", test_sniffing);
  g_test_add_func ("/notice-readers/html/blocks", test_html_blocks);
  g_test_add_func ("/notice-readers/html/import", test_html_import);
  g_test_add_func ("/notice-readers/html/link-lists", test_html_link_lists);
  g_test_add_func ("/notice-readers/html/headings", test_html_headings);
  g_test_add_func ("/notice-readers/html/charsets", test_html_charsets);
  g_test_add_func ("/notice-readers/html/chrome", test_html_chrome);
  g_test_add_func ("/notice-readers/html/layout-tables", test_html_layout_tables);
  g_test_add_func ("/notice-readers/docx/blocks", test_docx_blocks);
  g_test_add_func ("/notice-readers/docx/import", test_docx_import);
  g_test_add_func ("/notice-readers/docx/numbering", test_docx_numbering);
  g_test_add_func ("/notice-readers/docx/formats", test_docx_formats);
  g_test_add_func ("/notice-readers/docx/tables", test_docx_tables);
  g_test_add_func ("/notice-readers/docx/refused", test_docx_refused);
  g_test_add_func ("/notice-readers/pdf/blocks", test_pdf_blocks);
  g_test_add_func ("/notice-readers/pdf/import", test_pdf_import);
  g_test_add_func ("/notice-readers/pdf/refused", test_pdf_refused);
  g_test_add_func ("/notice-readers/fuzz/html", test_fuzz_html);
  g_test_add_func ("/notice-readers/fuzz/docx", test_fuzz_docx);
  g_test_add_func ("/notice-readers/fuzz/pdf", test_fuzz_pdf);

  return g_test_run ();
}
