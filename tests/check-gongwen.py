#!/usr/bin/env python3
"""Checks the 公文 style's 附件 table (GB/T 9704-2012) in PDF and Word.

PDF (minsheng-cli report --style gongwen): every page A4 portrait; all text
inside the type area (28 mm from the left, 37 mm from the top, 156 × 225 mm)
but the page number; the column heads at the top of the table on every page;
"— N —" under the type area, at the right on odd pages and at the left on
even ones; the 附件 label at the top left of page 1; every project's target
and completion text whole in its column, read across pages.

Word (minsheng-cli report -o OUT.docx), opened with python-docx: one table,
its head row repeated (w:tblHeader), one row per project (a number in the
first cell) holding the file's target and completion texts, A4 and the
standard's margins.

Both in Chinese and in English. Labels are compared with their translation
in the build tree's catalogue, so the test follows po/zh_CN.po.

The 落款 (GB/T 9704 §7.3.5), on a copy of the bundled file given "issuer" and
"issued": after a blank line under the table on its last page, the office
two characters in from the right and the date "2025年1月10日" under it, two
characters right of the office's first (English: "Issued by …" and
"10 January 2025", both ending two characters in); when it does not fit, the
table's last row goes to the new page with it. In Word, two right-aligned
paragraphs in the body style after the table. Without the members, none.

Usage: check-gongwen.py CLI BUNDLED_FILE SOURCE_ROOT LOCALE_DIR WORK_DIR
"""
import gettext
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

cli, bundled, source_root, locale_dir, work = sys.argv[1:6]
os.makedirs(work, exist_ok=True)
failures = []

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89
AREA_LEFT, AREA_TOP = 28 * MM, 37 * MM
AREA_WIDTH, AREA_HEIGHT = 156 * MM, 225 * MM
AREA_RIGHT, AREA_BOTTOM = AREA_LEFT + AREA_WIDTH, AREA_TOP + AREA_HEIGHT
TOLERANCE = 1.0
# Noto CJK draws ideographs from 0.88 em above the baseline to 0.12 em under
# it (Latin descenders to about 0.2 em); mutool's boxes are the font's whole
# bounding box, far taller, so the ink is estimated from the baseline.
ASCENT, DESCENT = 0.88, 0.2

HEADINGS = ["No.", "Project", "Target and tasks", "Departments", "Completion report", "Progress"]

ISSUER = "漯河市人民政府办公室"
ISSUED = "2025-01-10"
# The standard's line pitch (22 lines in the type area) and the 落款's
# 右空二字 in its 3号 (16 pt) characters.
LINE_PITCH = AREA_HEIGHT / 22
SIGNATURE_INDENT = 2 * 16


def squeeze(text):
    return re.sub(r"\s+", "", text or "")


def column_shares():
    """The table's relative column widths, as the drawing code has them."""
    source = open(os.path.join(source_root, "src", "core", "ms-report-gongwen.c"), encoding="utf-8").read()
    match = re.search(r"column_share\[MS_GONGWEN_N_COLUMNS\]\s*=\s*\{([^}]*)\}", source)
    return [float(v) for v in match.group(1).split(",")]


def column_edges():
    edges, x = [AREA_LEFT], AREA_LEFT
    for share in column_shares():
        x += share * AREA_WIDTH
        edges.append(x)
    return edges


def translator(language):
    if language.startswith("zh"):
        return gettext.translation("minsheng", localedir=locale_dir, languages=["zh_CN"], fallback=True).gettext
    return lambda text: text


def projects_of(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    return [project for category in document["categories"] for group in category["groups"]
            for project in group["projects"]]


def read_pages(pdf):
    text = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf],
                          capture_output=True, check=True).stdout
    pages = []
    for page in ElementTree.fromstring(text).iter("page"):
        chars = []
        for font in page.iter("font"):
            size = float(font.get("size"))
            for char in font.iter("char"):
                c = char.get("c")
                if c is None or c.isspace():
                    continue
                quad = [float(v) for v in char.get("quad").split()]
                baseline = float(char.get("y"))
                chars.append({"c": c, "x0": min(quad[0::2]), "x1": max(quad[0::2]),
                              "top": baseline - ASCENT * size, "bottom": baseline + DESCENT * size,
                              "baseline": baseline, "size": size})
        pages.append({"width": float(page.get("width")), "height": float(page.get("height")), "chars": chars})
    return pages


def reading_chars(chars):
    """Lines top to bottom (baselines within 2 pt are one line), each left to right."""
    lines = []
    for char in sorted(chars, key=lambda ch: ch["baseline"]):
        if lines and abs(lines[-1][0]["baseline"] - char["baseline"]) < 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [ch for line in lines for ch in sorted(line, key=lambda ch: ch["x0"])]


def reading_order(chars):
    return "".join(ch["c"] for ch in reading_chars(chars))


def check_pdf(pdf, name, language, projects):
    _ = translator(language)
    headings = [squeeze(_(h)) for h in HEADINGS]
    label = squeeze(_("Attachment"))
    edges = column_edges()
    columns = [""] * len(headings)
    pages = read_pages(pdf)
    if not pages:
        failures.append("%s: no pages" % name)
        return

    for number, page in enumerate(pages, start=1):
        where = "%s: page %d" % (name, number)
        if abs(page["width"] - PAGE_WIDTH) > 1 or abs(page["height"] - PAGE_HEIGHT) > 1:
            failures.append("%s: not A4 portrait (%.1f × %.1f)" % (where, page["width"], page["height"]))

        inside, outside = [], []
        for ch in page["chars"]:
            if (ch["x0"] >= AREA_LEFT - TOLERANCE and ch["x1"] <= AREA_RIGHT + TOLERANCE and
                    ch["top"] >= AREA_TOP - TOLERANCE and ch["bottom"] <= AREA_BOTTOM + TOLERANCE):
                inside.append(ch)
            else:
                outside.append(ch)

        # The page number, alone outside the type area, under it, at the outer corner.
        number_text = reading_order(outside)
        if number_text != "—%d—" % number:
            failures.append("%s: outside the type area: “%s”, expected the page number “— %d —”"
                            % (where, number_text, number))
        elif outside:
            top = min(ch["top"] for ch in outside)
            left = min(ch["x0"] for ch in outside)
            right = max(ch["x1"] for ch in outside)
            if not AREA_BOTTOM < top < AREA_BOTTOM + 15 * MM:
                failures.append("%s: page number not just under the type area (top %.1f)" % (where, top))
            if number % 2 == 1 and not (left > AREA_LEFT + AREA_WIDTH / 2 and right < AREA_RIGHT):
                failures.append("%s: odd page number not at the right (%.1f–%.1f)" % (where, left, right))
            if number % 2 == 0 and not (right < AREA_LEFT + AREA_WIDTH / 2 and left > AREA_LEFT):
                failures.append("%s: even page number not at the left (%.1f–%.1f)" % (where, left, right))

        # The table's text, column by column, from its head on.
        by_column = [[] for _h in headings]
        for ch in inside:
            middle = (ch["x0"] + ch["x1"]) / 2
            for c in range(len(headings)):
                if edges[c] <= middle < edges[c + 1]:
                    by_column[c].append(ch)
                    break
        # The table starts with the first column's head (under 附件 and the title on page 1).
        first_column = reading_chars(by_column[0])
        head = "".join(ch["c"] for ch in first_column).find(headings[0])
        if head < 0:
            failures.append("%s: no column head “%s”" % (where, headings[0]))
            continue
        table_top = first_column[head]["top"]

        if number == 1:
            label_chars = [ch for ch in inside if ch["top"] < AREA_TOP + 10 * MM]
            label_text = reading_order(label_chars)
            if not label_text.startswith(label):
                failures.append("%s: no “%s” at the top left (found “%s”)" % (where, label, label_text[:20]))
            else:
                first = min(label_chars, key=lambda ch: (ch["baseline"], ch["x0"]))
                if first["x0"] > AREA_LEFT + 2 or first["top"] > AREA_TOP + 8:
                    failures.append("%s: “%s” not at the top left of the type area" % (where, label))

        for c in range(len(headings)):
            text = reading_order([ch for ch in by_column[c] if ch["top"] >= table_top - 2])
            if not text.startswith(headings[c]):
                failures.append("%s: column %d does not start with its head “%s” (“%s”)"
                                % (where, c + 1, headings[c], text[:20]))
                continue
            columns[c] += text[len(headings[c]):]

    if "…" in "".join(columns):
        failures.append("%s: “…” in the table" % name)
    for project in projects:
        for key, column in (("target", 2), ("completion", 4)):
            expected = squeeze(project.get(key, ""))
            if expected and expected not in columns[column]:
                failures.append("%s: project %d: %s not whole in its column: %s"
                                % (name, project["number"], key, expected[:30]))
    print("%s: %d pages" % (name, len(pages)))


def check_docx(path, name, language, projects):
    try:
        import docx
        from docx.oxml.ns import qn
    except ImportError:
        failures.append("%s: python3-docx is not installed for %s" % (name, sys.executable))
        return
    _ = translator(language)
    document = docx.Document(path)

    section = document.sections[0]
    for what, value, expected in (("page width", section.page_width, 210), ("page height", section.page_height, 297),
                                  ("top margin", section.top_margin, 37), ("left margin", section.left_margin, 28),
                                  ("right margin", section.right_margin, 26),
                                  ("bottom margin", section.bottom_margin, 35)):
        if abs(value.mm - expected) > 0.3:
            failures.append("%s: %s %.1f mm, expected %d mm" % (name, what, value.mm, expected))

    # "— PAGE —" at the outer corner: odd pages right, even pages left.
    if not document.settings.odd_and_even_pages_header_footer:
        failures.append("%s: odd and even pages share one footer" % name)
    for footer, side in ((section.footer, "RIGHT"), (section.even_page_footer, "LEFT")):
        paragraph = footer.paragraphs[0] if footer.paragraphs else None
        if (paragraph is None or "PAGE" not in paragraph._p.xml or not paragraph.text.startswith("—") or
                str(paragraph.alignment).split(" ")[0] != side):
            failures.append("%s: no “— PAGE —” footer at the %s" % (name, side.lower()))

    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    if not paragraphs or paragraphs[0] != _("Attachment"):
        failures.append("%s: the first paragraph is not “%s”: %r" % (name, _("Attachment"), paragraphs[:1]))

    if len(document.tables) != 1:
        failures.append("%s: %d tables, expected 1" % (name, len(document.tables)))
        return
    table = document.tables[0]
    head = table.rows[0]
    if head._tr.trPr is None or head._tr.trPr.find(qn("w:tblHeader")) is None:
        failures.append("%s: the head row does not repeat (no w:tblHeader)" % name)
    if [c.text for c in head.cells] != [_(h) for h in HEADINGS]:
        failures.append("%s: column heads %r" % (name, [c.text for c in head.cells]))

    rows = [row for row in table.rows[1:] if row.cells[0].text.strip().isdigit()]
    if len(rows) != len(projects):
        failures.append("%s: %d project rows, expected %d" % (name, len(rows), len(projects)))
    for row, project in zip(rows, projects):
        cells = [c.text for c in row.cells]
        if cells[0] != str(project["number"]):
            failures.append("%s: row numbered %s, expected %d" % (name, cells[0], project["number"]))
        if cells[2] != project["target"]:
            failures.append("%s: project %d: target %r" % (name, project["number"], cells[2][:30]))
        if cells[4] != project.get("completion", ""):
            failures.append("%s: project %d: completion %r" % (name, project["number"], cells[4][:30]))
    print("%s: %d rows, %d of projects" % (name, len(table.rows), len(rows)))


def signature_lines(language):
    """The 落款's lines as the report writes them."""
    if language.startswith("zh"):
        return ISSUER, "2025年1月10日"
    return "Issued by %s" % ISSUER, "10 January 2025"


def text_lines(chars):
    """Lines of characters (baselines within 2 pt), each left to right."""
    lines = []
    for char in sorted(chars, key=lambda ch: ch["baseline"]):
        if lines and abs(lines[-1][0]["baseline"] - char["baseline"]) < 2:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda ch: ch["x0"]) for line in lines]


def find_signature(page, language):
    """The 落款's two lines on @page (lists of characters), each None if absent.

    A line of the 落款 is found where a line of text, right of the table's
    first columns, reads exactly as expected."""
    issuer_text, date_text = (squeeze(t) for t in signature_lines(language))
    found = [None, None]
    for line in text_lines(page["chars"]):
        text = "".join(ch["c"] for ch in line)
        for i, expected in enumerate((issuer_text, date_text)):
            if text == expected:
                found[i] = line
    return found


def check_signature_pdf(pdf, name, language, last_target):
    pages = read_pages(pdf)
    if not pages:
        failures.append("%s: no pages" % name)
        return
    last = pages[-1]
    issuer, date = find_signature(last, language)
    issuer_text, date_text = signature_lines(language)
    for line, text in ((issuer, issuer_text), (date, date_text)):
        if line is None:
            failures.append("%s: no “%s” line on the last page" % (name, text))
    for number, page in enumerate(pages[:-1], start=1):
        if any(find_signature(page, language)):
            failures.append("%s: 落款 on page %d, not the last" % (name, number))
    if issuer is None or date is None:
        return

    right = AREA_RIGHT - SIGNATURE_INDENT
    issuer_x0, issuer_x1 = issuer[0]["x0"], issuer[-1]["x1"]
    date_x0, date_x1 = date[0]["x0"], date[-1]["x1"]
    if abs(issuer_x1 - right) > 2:
        failures.append("%s: the office ends at %.1f, not two characters in from the right (%.1f)"
                        % (name, issuer_x1, right))
    if language.startswith("zh"):
        if abs(date_x0 - (issuer_x0 + SIGNATURE_INDENT)) > 2:
            failures.append("%s: the date starts at %.1f, not two characters right of the office (%.1f)"
                            % (name, date_x0, issuer_x0 + SIGNATURE_INDENT))
    elif abs(date_x1 - right) > 2:
        failures.append("%s: the date ends at %.1f, not two characters in from the right (%.1f)"
                        % (name, date_x1, right))
    if date_x1 > AREA_RIGHT + TOLERANCE:
        failures.append("%s: the date runs out of the type area" % name)

    issuer_top = min(ch["top"] for ch in issuer)
    issuer_bottom = max(ch["bottom"] for ch in issuer)
    if min(ch["top"] for ch in date) < issuer_bottom:
        failures.append("%s: the date is not under the office" % name)
    # A blank line between the table's last text and the 落款.
    signature = set(id(ch) for ch in issuer + date)
    table = [ch for ch in last["chars"] if id(ch) not in signature and ch["top"] < AREA_BOTTOM]
    table_bottom = max((ch["bottom"] for ch in table), default=None)
    if table_bottom is None:
        failures.append("%s: the 落款 is alone on its page" % name)
    elif issuer_top - table_bottom < 0.8 * LINE_PITCH:
        failures.append("%s: no blank line between the table (%.1f) and the office (%.1f)"
                        % (name, table_bottom, issuer_top))
    edges = column_edges()
    target_column = [ch for ch in table if edges[2] <= (ch["x0"] + ch["x1"]) / 2 < edges[3]]
    if squeeze(last_target) not in reading_order(target_column):
        failures.append("%s: the last project's row is not on the page of the 落款" % name)
    print("%s: 落款 on page %d of %d" % (name, len(pages), len(pages)))


def check_no_signature_pdf(pdf, name, language):
    for number, page in enumerate(read_pages(pdf), start=1):
        if any(find_signature(page, language)):
            failures.append("%s: a 落款 on page %d from a file without one" % (name, number))


def paragraphs_after_table(path):
    import docx
    from docx.text.paragraph import Paragraph
    document = docx.Document(path)
    body = list(document.element.body)
    tables = [i for i, element in enumerate(body) if element.tag.endswith("}tbl")]
    if not tables:
        return None
    return [Paragraph(element, document) for element in body[tables[-1] + 1:] if element.tag.endswith("}p")]


def check_signature_docx(path, name, language, expected):
    try:
        paragraphs = paragraphs_after_table(path)
    except ImportError:
        failures.append("%s: python3-docx is not installed for %s" % (name, sys.executable))
        return
    if paragraphs is None:
        failures.append("%s: no table" % name)
        return
    written = [p for p in paragraphs if p.text.strip()]
    if [p.text for p in written] != list(expected):
        failures.append("%s: after the table %r, expected %r" % (name, [p.text for p in written], list(expected)))
        return
    if not paragraphs or paragraphs[0].text.strip():
        failures.append("%s: no blank line between the table and the 落款" % name)
    for paragraph in written:
        if str(paragraph.alignment).split(" ")[0] != "RIGHT":
            failures.append("%s: “%s” is not right-aligned" % (name, paragraph.text))
        # The body's font: the style's, with no font of its own.
        if paragraph.style.name != "Normal" or any(run.font.name or run.font.size for run in paragraph.runs):
            failures.append("%s: “%s” is not in the body's font" % (name, paragraph.text))
    if expected:
        print("%s: 落款 after the table" % name)


def with_signature(source, target, grow=0):
    """A copy of @source given the 落款; its last project's completion text
    @grow sentences longer."""
    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    document["issuer"] = ISSUER
    document["issued"] = ISSUED
    last = document["categories"][-1]["groups"][-1]["projects"][-1]
    last["completion"] = last.get("completion", "") + "另完成评估356台。" * grow
    with open(target, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    return last


def report(source, output, language, extra):
    if os.path.exists(output):
        os.remove(output)
    made = subprocess.run([cli, "report", source, "-o", output, "--lang", language] + extra,
                          capture_output=True, text=True)
    if made.returncode != 0 or not os.path.exists(output):
        failures.append("%s: report failed: %s" % (output, made.stderr.strip()))
        return False
    return True


def page_count(pdf):
    return len(read_pages(pdf))


projects = projects_of(bundled)
signed = os.path.join(work, "signed.json")
last_project = with_signature(bundled, signed)
for language in ("zh_CN", "en"):
    pdf = os.path.join(work, "signed-%s.pdf" % language)
    docx_path = os.path.join(work, "signed-%s.docx" % language)
    if report(signed, pdf, language, ["--style", "gongwen"]):
        check_pdf(pdf, os.path.basename(pdf), language, projects)
        check_signature_pdf(pdf, os.path.basename(pdf), language, last_project["target"])
    if report(signed, docx_path, language, []):
        check_signature_docx(docx_path, os.path.basename(docx_path), language, signature_lines(language))

# A last row so long that the 落款 no longer fits under it: both go on to a
# new page. The completion text grows a sentence at a time until then.
grown = os.path.join(work, "signed-grown.json")
for grow in range(0, 40):
    last_project = with_signature(bundled, grown, grow)
    with open(grown, encoding="utf-8") as f:
        unsigned = json.load(f)
    del unsigned["issuer"], unsigned["issued"]
    unsigned_path = os.path.join(work, "unsigned-grown.json")
    with open(unsigned_path, "w", encoding="utf-8") as f:
        json.dump(unsigned, f, ensure_ascii=False)
    pdf = os.path.join(work, "signed-grown.pdf")
    unsigned_pdf = os.path.join(work, "unsigned-grown.pdf")
    if not (report(grown, pdf, "zh_CN", ["--style", "gongwen"]) and
            report(unsigned_path, unsigned_pdf, "zh_CN", ["--style", "gongwen"])):
        break
    if page_count(pdf) > page_count(unsigned_pdf):
        check_signature_pdf(pdf, "signed-grown.pdf (grown by %d)" % grow, "zh_CN", last_project["target"])
        break
else:
    failures.append("signed-grown.pdf: the 落款 never went on to a page of its own")

for language in ("zh_CN", "en"):
    pdf = os.path.join(work, "gongwen-%s.pdf" % language)
    docx_path = os.path.join(work, "gongwen-%s.docx" % language)
    for output, extra in ((pdf, ["--style", "gongwen"]), (docx_path, [])):
        if os.path.exists(output):
            os.remove(output)
        made = subprocess.run([cli, "report", bundled, "-o", output, "--lang", language] + extra,
                              capture_output=True, text=True)
        if made.returncode != 0 or not os.path.exists(output):
            failures.append("%s: report failed: %s" % (output, made.stderr.strip()))
    if os.path.exists(pdf):
        check_pdf(pdf, os.path.basename(pdf), language, projects)
        check_no_signature_pdf(pdf, os.path.basename(pdf), language)
    if os.path.exists(docx_path):
        check_docx(docx_path, os.path.basename(docx_path), language, projects)
        check_signature_docx(docx_path, os.path.basename(docx_path), language, ())

for failure in failures[:60]:
    print(failure, file=sys.stderr)
print("%d faults" % len(failures))
sys.exit(1 if failures else 0)
