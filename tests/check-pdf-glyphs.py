#!/usr/bin/env python3
"""Checks that no glyph is lost in the PDF report.

cairo 1.16 can write a broken glyph for a CJK character (如 in Noto Sans CJK SC
Regular) when it subsets the face for a PDF; the text layer keeps the
character, so copying text from the PDF hides the fault. This renders reports
of the bundled file, of "如下如果例如", and of every character of GB 2312 split
over many small files (so that small subsets are made), and checks each PDF
with mupdf: mutool must report no broken glyph, and every character of the
text layer must have ink under it on the rendered page. The 公文 style
(--style gongwen), set in Noto Serif CJK SC as well, is checked the same way
for the bundled file and a few of the GB 2312 files.

Usage: check-pdf-glyphs.py CLI BUNDLED_FILE WORK_DIR
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

cli, bundled, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
failures = []

# Render at 2 px per point: small characters still cover several pixels.
RESOLUTION = 144
SCALE = RESOLUTION / 72.0
# A pixel this dark or darker is ink: the page is white, and thin strokes
# (box-drawing dashes) are light grey once smoothed; a lost glyph is white.
INK = 240


def gb2312_characters():
    characters = []
    for row in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
        for cell in range(0xA1, 0xFF):
            try:
                characters.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return characters


def write_document(path, texts):
    projects = [{"number": i + 1, "target": text} for i, text in enumerate(texts)]
    document = {
        "format": "minsheng", "version": 1, "region": "", "year": 2024, "title": "Glyphs",
        "categories": [{"id": "a", "title": "Glyphs", "groups": [
            {"number": 1, "title": "Glyphs", "projects": projects}]}],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P5, width, height, maxval, then one byte a pixel.
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(fields.group(1)), int(fields.group(2))
    return width, height, data[fields.end():]


def check_pdf(pdf, name):
    """Returns the number of characters checked."""
    drawn = subprocess.run(["mutool", "draw", "-r", str(RESOLUTION), "-c", "gray",
                            "-o", pdf + "-%d.pgm", pdf],
                           capture_output=True, text=True)
    broken = [line for line in drawn.stderr.splitlines()
              if "broken" in line or "cannot render glyph" in line or "error" in line.lower()]
    if drawn.returncode != 0 or broken:
        failures.append("%s: mutool: %s" % (name, "; ".join(broken[:3]) or drawn.stderr.strip()))
        return 0

    text = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf],
                          capture_output=True, check=True).stdout
    root = ElementTree.fromstring(text)
    checked = 0
    for number, page in enumerate(root.iter("page"), start=1):
        width, height, pixels = read_pgm("%s-%d.pgm" % (pdf, number))
        for char in page.iter("char"):
            c = char.get("c")
            if c is None or c.isspace():
                continue
            quad = [float(v) for v in char.get("quad").split()]
            # The second letter of a ligature (fi) has no width of its own.
            if max(quad[0::2]) - min(quad[0::2]) < 0.5:
                continue
            x0, x1 = min(quad[0::2]) * SCALE, max(quad[0::2]) * SCALE
            y0, y1 = min(quad[1::2]) * SCALE, max(quad[1::2]) * SCALE
            inked = False
            for y in range(max(0, int(y0)), min(height, int(y1) + 1)):
                row = pixels[y * width:(y + 1) * width]
                if min(row[max(0, int(x0)):min(width, int(x1) + 1)] or b"\xff") <= INK:
                    inked = True
                    break
            checked += 1
            if not inked:
                failures.append("%s: page %d: no ink under “%s” (U+%04X)" % (name, number, c, ord(c)))
                if len(failures) > 40:
                    return checked
        os.remove("%s-%d.pgm" % (pdf, number))
    return checked


def report(source, name, language="zh_CN", style="standard"):
    pdf = os.path.join(work, name + ".pdf")
    made = subprocess.run([cli, "report", source, "-o", pdf, "--lang", language, "--style", style],
                          capture_output=True, text=True)
    if made.returncode != 0:
        failures.append("%s: report failed: %s" % (name, made.stderr.strip()))
        return 0
    return check_pdf(pdf, name)


total = report(bundled, "bundled-zh_CN") + report(bundled, "bundled-en", "en")
total += report(bundled, "bundled-gongwen-zh_CN", style="gongwen")
total += report(bundled, "bundled-gongwen-en", "en", style="gongwen")

ruxia = os.path.join(work, "ruxia.json")
write_document(ruxia, ["如下如果例如"])
total += report(ruxia, "ruxia")

# Every character of GB 2312, a few hundred a file: each PDF embeds a small
# subset of the face, where cairo broke glyphs.
characters = gb2312_characters()
per_file = 320
for start in range(0, len(characters), per_file):
    chunk = characters[start:start + per_file]
    path = os.path.join(work, "gb2312-%04d.json" % start)
    write_document(path, ["".join(chunk[i:i + 40]) for i in range(0, len(chunk), 40)])
    total += report(path, "gb2312-%04d" % start)
    # The serif faces of the 公文 style, in small subsets too.
    if start % (per_file * 6) == 0:
        total += report(path, "gb2312-gongwen-%04d" % start, style="gongwen")
    if len(failures) > 40:
        break

for failure in failures[:40]:
    print(failure, file=sys.stderr)
print("%d characters checked, %d faults" % (total, len(failures)))
sys.exit(1 if failures else 0)
