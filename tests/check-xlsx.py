#!/usr/bin/env python3
"""Checks the Excel workbooks of minsheng-cli export-xlsx and export-returns.

Ledger: opens in openpyxl without a warning; a summary sheet, then one sheet
per category; one row per indicator (one for a project without); numbers
are numbers in the file's unit, rates percentage cells, header bold and
frozen. In Chinese and in English.

Returns (FORMAT.md, "Returned sheets"), for each given file: one workbook
per department, named as the layout says, holding only its projects; A–F
locked and G–J unlocked on a protected sheet; the status drop-down on I;
the hidden sheet _minsheng in the state 'hidden' with the file's identity
and one row per visible row holding the file's values. Then hostile
department names, --date, --department and the usage errors.

Usage: check-xlsx.py CLI WORK_DIR FILE.json…
"""
import copy
import datetime
import hashlib
import json
import os
import zipfile
import xml.etree.ElementTree as ElementTree
import re
import shutil
import subprocess
import sys
import unicodedata
import warnings

import openpyxl

cli, work = sys.argv[1:3]
files = sys.argv[3:]
failures = []

STATUS_WORDS = {"not-started": "未开工", "in-progress": "推进中", "completed": "已完成", "delayed": "延期"}
RETURN_HEADINGS = ["类别", "序号", "项目（目标任务）", "指标", "目标值", "单位", "本期完成值", "进展情况", "状态", "备注"]
HIDDEN_HEADINGS = ["row", "category_id", "project_number", "indicator_index", "target", "unit", "actual",
                   "status", "completion_sha256"]
HIDDEN_KEYS = ["file_title", "file_region", "file_year", "file_identity", "department", "reporting_date",
               "exported_at"]


def check(condition, message):
    if not condition:
        failures.append(message if len(message) < 400 else message[:400] + " …")
    return condition


def run(*args, expect=0):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    check(result.returncode == expect,
          f"minsheng-cli {' '.join(args)}: exit {result.returncode}, expected {expect}: {result.stderr.strip()}")
    return result


def fresh_dir(name):
    path = os.path.join(work, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def load(path):
    """Opens a workbook, failing on any warning openpyxl gives (a repair, an unknown part)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        book = openpyxl.load_workbook(path)
    for warning in caught:
        failures.append(f"{os.path.basename(path)}: openpyxl warns: {warning.message}")
    return book


def projects_of(document):
    for category in document["categories"]:
        for group in category["groups"]:
            for project in group["projects"]:
                yield category, project


ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
CELL_TEXT_MAX = 32767
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def raw_texts(path, sheet_number):
    """The text cells of a sheet as stored, "_xHHHH_" escapes decoded (ECMA-376 Part 1,
    22.9.2.19). openpyxl 3.0 decodes only "_x005F_", so "_x0041_" written for itself and
    "_x0002_" standing for a control character come out alike: text is read here."""
    with zipfile.ZipFile(path) as archive:
        strings = []
        shared = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
        for item in shared.iter(MAIN + "si"):
            strings.append("".join(t.text or "" for t in item.iter(MAIN + "t")))
        # libxlsxwriter names the sheets' parts in order: sheet1.xml, sheet2.xml.
        sheet = ElementTree.fromstring(archive.read(f"xl/worksheets/sheet{sheet_number}.xml"))
    texts = {}
    for cell in sheet.iter(MAIN + "c"):
        value = cell.find(MAIN + "v")
        if cell.get("t") == "s" and value is not None:
            texts[cell.get("r")] = ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), strings[int(value.text)])
    return texts


def reader(texts):
    """A cell's value, its text taken from texts."""
    return lambda cell: texts.get(cell.coordinate) if isinstance(cell.value, str) else cell.value


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def same_number(a, b):
    return is_number(a) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


# The layout's file-name rules, written again from FORMAT.md.
FORBIDDEN = set('/\\:*?"<>|')
DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}


def file_stem(name):
    stem = "".join("_" if (c in FORBIDDEN or ord(c) < 0x20 or ord(c) == 0x7F) else c for c in name)
    while True:
        stem = stem.strip(". ")
        raw = stem.encode("utf-8")
        if len(raw) > 100:
            stem = raw[:100].decode("utf-8", errors="ignore")
        stem = stem.strip(". ")
        stem = stem or "_"
        base = stem.split(".", 1)[0]
        if base.upper() not in DEVICES:
            return stem
        stem = base + "_" + stem[len(base):]


def file_names(departments):
    taken, names = set(), {}
    for department in sorted(departments, key=lambda d: d.encode("utf-8")):
        stem = file_stem(department)
        name, n = stem + ".xlsx", 2
        while unicodedata.normalize("NFC", name).casefold() in taken:
            name, n = f"{stem} ({n}).xlsx", n + 1
        taken.add(unicodedata.normalize("NFC", name).casefold())
        names[department] = name
    return names


def check_ledger(path, document, language):
    label = f"ledger {os.path.basename(path)} ({language})"
    book = load(path)
    categories = document["categories"]
    if not check(len(book.worksheets) == 1 + len(categories),
                 f"{label}: {len(book.worksheets)} sheets, expected a summary and {len(categories)} categories"):
        return

    summary = book.worksheets[0]
    # Headings and states in the language asked for, whatever the interface's.
    words = {"zh_CN": ("汇总表", "已完成"), "en": ("Summary table", "Done")}[language]
    check(summary.title == words[0], f"{label}: summary sheet named {summary.title!r}, expected {words[0]!r}")
    check(words[1] in [c.value for c in summary[3]], f"{label}: no {words[1]!r} column in the summary")
    check([s.title for s in book.worksheets[1:]] == [c["title"][:31] for c in categories],
          f"{label}: sheets {book.sheetnames[1:]} are not the categories")
    check(summary.freeze_panes is not None, f"{label}: summary header not frozen")
    check(all(c.font.b for c in summary[3] if c.value is not None), f"{label}: summary header not bold")
    total = summary.cell(summary.max_row, 2).value
    n_projects = sum(1 for _ in projects_of(document))
    check(total == n_projects, f"{label}: summary total {total!r} projects, expected {n_projects}")
    for row in summary.iter_rows(min_row=4):
        for cell in row[1:]:
            check(cell.value is None or is_number(cell.value), f"{label}: summary {cell.coordinate} not a number")
        share = row[-1]
        if share.value is not None:
            check("%" in share.number_format, f"{label}: summary {share.coordinate} not a percentage")

    for sheet, category in zip(book.worksheets[1:], categories):
        where = f"{label}: sheet {sheet.title}"
        check(sheet.freeze_panes == "A2", f"{where}: header not frozen ({sheet.freeze_panes})")
        check(all(c.font.b for c in sheet[1]), f"{where}: header not bold")
        check(sheet.column_dimensions["B"].width > 20, f"{where}: the project column is narrow")
        row = 2
        for group in category["groups"]:
            for project in group["projects"]:
                first = sheet.cell(row, 1)
                check(first.value == project["number"], f"{where}: {first.coordinate} {first.value!r}, expected "
                      f"project {project['number']}")
                check(sheet.cell(row, 2).value == project["target"], f"{where}: row {row}: not the project's target")
                check(sheet.cell(row, 2).alignment.wrap_text, f"{where}: row {row}: the target is not wrapped")
                deadline = sheet.cell(row, 5)
                check(isinstance(deadline.value, datetime.datetime), f"{where}: {deadline.coordinate} not a date")
                indicators = project.get("indicators", [])
                for k, indicator in enumerate(indicators):
                    r = row + k
                    if k > 0:
                        check(sheet.cell(r, 1).value is None, f"{where}: row {r}: project columns repeated")
                    check(sheet.cell(r, 7).value == indicator["name"], f"{where}: row {r}: indicator name")
                    check(same_number(sheet.cell(r, 8).value, indicator["target"]),
                          f"{where}: row {r}: target {sheet.cell(r, 8).value!r}, expected {indicator['target']}")
                    actual = indicator.get("actual")
                    if actual is None and indicator.get("progress"):
                        actual = indicator["progress"][-1]["actual"]
                    if actual is not None:
                        check(same_number(sheet.cell(r, 9).value, actual),
                              f"{where}: row {r}: actual {sheet.cell(r, 9).value!r}, expected {actual}")
                    check((sheet.cell(r, 10).value or "") == indicator.get("unit", ""), f"{where}: row {r}: unit")
                    rate = sheet.cell(r, 11)
                    if rate.value is not None:
                        check(is_number(rate.value) and "%" in rate.number_format,
                              f"{where}: {rate.coordinate} is not a percentage cell ({rate.number_format})")
                    check(isinstance(sheet.cell(r, 12).value, str), f"{where}: row {r}: no indicator state")
                row += max(1, len(indicators))
        check(sheet.max_row == row - 1, f"{where}: {sheet.max_row - 1} rows, expected {row - 2}")


def expected_rows(document, department):
    rows = []
    for category, project in projects_of(document):
        if department not in project.get("departments", []):
            continue
        indicators = project.get("indicators", [])
        if not indicators:
            rows.append((category, project, -1, None))
        for k, indicator in enumerate(indicators):
            rows.append((category, project, k, indicator))
    return rows


def check_return(path, document, department, reporting_date):
    label = f"{os.path.basename(path)}"
    book = load(path)
    if not check(book.sheetnames == ["填报表", "_minsheng"], f"{label}: sheets {book.sheetnames}"):
        return
    sheet, hidden = book["填报表"], book["_minsheng"]
    text, hidden_text = reader(raw_texts(path, 1)), reader(raw_texts(path, 2))
    check(sheet.sheet_state == "visible", f"{label}: 填报表 is {sheet.sheet_state}")
    check(hidden.sheet_state == "hidden", f"{label}: _minsheng is {hidden.sheet_state}, expected hidden")
    check(sheet.protection.sheet, f"{label}: 填报表 is not protected")
    check(not sheet.protection.password, f"{label}: 填报表 has a password")
    check(sheet.freeze_panes == "A4", f"{label}: rows 1–3 not frozen ({sheet.freeze_panes})")

    title = sheet["A1"].value or ""
    check(title == f"{document['title']} · {department} · 截至 {reporting_date}", f"{label}: title {title!r}")
    check("A1:J1" in [str(r) for r in sheet.merged_cells.ranges], f"{label}: title not merged over A–J")
    check("A2:J2" in [str(r) for r in sheet.merged_cells.ranges], f"{label}: instructions not merged over A–J")
    check("黄色" in (sheet["A2"].value or "") and ".xlsx" in (sheet["A2"].value or ""),
          f"{label}: the instructions do not say what to fill in and how to send it back")
    check(sheet["A2"].alignment.wrap_text, f"{label}: instructions not wrapped")
    check([c.value for c in sheet[3]] == RETURN_HEADINGS, f"{label}: header {[c.value for c in sheet[3]]}")

    rows = expected_rows(document, department)
    check(sheet.max_row == 3 + len(rows), f"{label}: {sheet.max_row - 3} data rows, expected {len(rows)}")

    validations = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    status_range = "I4" if len(rows) == 1 else f"I4:I{3 + len(rows)}"
    check(len(validations) == 1 and validations[0].formula1 == '"未开工,推进中,已完成,延期"'
          and str(validations[0].sqref) == status_range,
          f"{label}: the status drop-down is {[(v.formula1, str(v.sqref)) for v in validations]}")
    figures = [v for v in sheet.data_validations.dataValidation if v.type == "decimal"]
    check(len(figures) == 1 and figures[0].operator == "greaterThanOrEqual" and figures[0].formula1 == "0"
          and str(figures[0].sqref) == status_range.replace("I", "G"),
          f"{label}: G does not take only numbers ≥ 0: {[(v.operator, v.formula1, str(v.sqref)) for v in figures]}")

    # The hidden sheet: mark, version, keys, header.
    check(hidden["A1"].value == "minsheng-return" and hidden["B1"].value == 1,
          f"{label}: hidden A1:B1 {hidden['A1'].value!r} {hidden['B1'].value!r}")
    keys = {hidden.cell(r, 1).value: hidden_text(hidden.cell(r, 2)) for r in range(2, 9)}
    check([hidden.cell(r, 1).value for r in range(2, 9)] == HIDDEN_KEYS, f"{label}: hidden keys {list(keys)}")
    identity = hashlib.sha256(f"{document.get('region', '')}\n{document['year']}\n{document['title']}"
                              .encode("utf-8")).hexdigest()
    check(keys.get("file_identity") == identity, f"{label}: file_identity {keys.get('file_identity')!r}")
    check(keys.get("file_title") == document["title"], f"{label}: file_title")
    check((keys.get("file_region") or "") == document.get("region", ""), f"{label}: file_region")
    check(keys.get("file_year") == document["year"], f"{label}: file_year {keys.get('file_year')!r}")
    check(keys.get("department") == department, f"{label}: department {keys.get('department')!r}")
    check(keys.get("reporting_date") == reporting_date, f"{label}: reporting_date {keys.get('reporting_date')!r}")
    try:
        datetime.datetime.fromisoformat(keys.get("exported_at") or "")
    except ValueError:
        failures.append(f"{label}: exported_at {keys.get('exported_at')!r} is not ISO 8601")
    check([c.value for c in hidden[9]] == HIDDEN_HEADINGS, f"{label}: hidden header {[c.value for c in hidden[9]]}")
    check(hidden.max_row == 9 + len(rows), f"{label}: {hidden.max_row - 9} hidden rows, expected {len(rows)}")

    for i, (category, project, index, indicator) in enumerate(rows):
        r = 4 + i
        where = f"{label}: row {r}"
        cells = sheet[r]
        for c in cells[:6]:
            check(c.protection.locked, f"{where}: {c.coordinate} is not locked")
        for c in cells[6:10]:
            check(not c.protection.locked, f"{where}: {c.coordinate} is locked")
            check(c.fill.fgColor.rgb and c.fill.fgColor.rgb.endswith("FFF2CC"), f"{where}: {c.coordinate} not yellow")
        check(cells[0].fill.fgColor.rgb != cells[6].fill.fgColor.rgb, f"{where}: locked cells not told apart")
        actual = indicator.get("actual") if indicator else None
        if indicator is not None and actual is None and indicator.get("progress"):
            actual = indicator["progress"][-1]["actual"]
        visible = [category["title"], project["number"], project["target"], indicator["name"] if indicator else None,
                   indicator["target"] if indicator else None, (indicator or {}).get("unit") or None, actual,
                   (project.get("completion") or "")[:CELL_TEXT_MAX] or None,
                   STATUS_WORDS[project.get("status", "not-started")], None]
        for c, want in zip(cells, visible):
            got = text(c)
            completion = project.get("completion") or ""
            if c.column == 8 and len(completion) > CELL_TEXT_MAX:
                # Cut to what a cell holds; escapes the library counts make it a little shorter.
                check(isinstance(got, str) and completion.startswith(got) and len(got) > CELL_TEXT_MAX - 100,
                      f"{where}: {c.coordinate} is not the beginning of the long completion text")
            elif is_number(want):
                check(same_number(got, want), f"{where}: {c.coordinate} {got!r}, expected the number {want!r}")
            else:
                check(got == want, f"{where}: {c.coordinate} {got!r}, expected {want!r}")

        h = [hidden_text(c) for c in hidden[10 + i]]
        completion = hashlib.sha256((project.get("completion") or "").encode("utf-8")).hexdigest()
        want = [r, category["id"], project["number"], index, indicator["target"] if indicator else None,
                ((indicator or {}).get("unit") or None), actual, project.get("status", "not-started"), completion]
        for col, (got, expected) in enumerate(zip(h, want)):
            ok = same_number(got, expected) if is_number(expected) else got == expected
            check(ok, f"{label}: hidden row {10 + i} {HIDDEN_HEADINGS[col]} {got!r}, expected {expected!r}")


def check_returns(source, document, tag):
    out = fresh_dir(f"returns-{tag}")
    result = run("export-returns", source, "-o", out)
    departments = {d for _, p in projects_of(document) for d in p.get("departments", [])}
    names = file_names(departments)
    written = sorted(os.listdir(out))
    check(written == sorted(names.values()), f"{tag}: wrote {written}, expected {sorted(names.values())}")
    printed = sorted(result.stdout.splitlines())
    check(printed == sorted(os.path.join(out, n) for n in names.values()), f"{tag}: printed {printed}")
    as_of = document.get("as_of") or datetime.date.today().isoformat()
    for department, name in names.items():
        if os.path.exists(os.path.join(out, name)):
            check_return(os.path.join(out, name), document, department, as_of)


def main():
    for source in files:
        with open(source, encoding="utf-8") as f:
            document = json.load(f)
        tag = os.path.splitext(os.path.basename(source))[0]

        for language in ("zh_CN", "en"):
            ledger = os.path.join(fresh_dir(f"ledger-{tag}-{language}"), "ledger.xlsx")
            run("export-xlsx", source, "-o", ledger, "--lang", language)
            check_ledger(ledger, document, language)
        check_returns(source, document, tag)

    # --date and --department, given twice; only those workbooks are written.
    source = files[0]
    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    departments = sorted({d for _, p in projects_of(document) for d in p.get("departments", [])})
    out = fresh_dir("returns-some")
    run("export-returns", source, "-o", out, "--date", "2024-06-30", "--department", departments[0],
        "--department", departments[-1])
    names = file_names(departments)
    check(sorted(os.listdir(out)) == sorted([names[departments[0]], names[departments[-1]]]),
          f"--department: wrote {os.listdir(out)}")
    for d in (departments[0], departments[-1]):
        check_return(os.path.join(out, names[d]), document, d, "2024-06-30")

    # Usage errors and refusals write nothing.
    out = fresh_dir("returns-refused")
    run("export-returns", source, "-o", out, "--department", "没有这个单位", expect=1)
    run("export-returns", source, "-o", out, "--date", "2024-02-30", expect=2)
    run("export-returns", source, "-o", os.path.join(out, "missing"), expect=2)
    run("export-returns", source, expect=2)
    run("export-xlsx", source, "-o", os.path.join(out, "ledger.csv"), expect=2)
    run("export-xlsx", source, "-o", os.path.join(out, "ledger.xlsx"), "--lang", "fr", expect=2)
    run("export-xlsx", source, "-o", os.path.join(out, "missing", "ledger.xlsx"), expect=1)
    check(os.listdir(out) == [], f"refused exports left {os.listdir(out)}")

    # Hostile department names: every file lands in the folder, named by the rules.
    hostile = ["../x", "CON", "con.txt", "a/b:c", "a\\b*c", "a?b|c", "A/B:C", " .hidden. ", "..", "tab\there",
               "长" * 40, "市" * 120, "LPT9", "COM0", "x" * 300]
    evil = copy.deepcopy(document)
    projects = [p for _, p in projects_of(evil)]
    for i, name in enumerate(hostile):
        projects[i % len(projects)].setdefault("departments", []).append(name)
    # Texts a workbook stores escaped, and one longer than a cell holds.
    projects[0]["departments"].append("ctrl\x01\x1fname")
    projects[0]["completion"] = "ctrl\x01\x08 _x0041_ _X00zz_ _x005F_ " + "长" * 40000
    projects[1]["target"] = "目标 _x0041_ \x02"
    evil_path = os.path.join(work, "hostile.json")
    with open(evil_path, "w", encoding="utf-8") as f:
        json.dump(evil, f, ensure_ascii=False)
    out = fresh_dir("returns-hostile")
    run("export-returns", evil_path, "-o", out)
    departments = {d for _, p in projects_of(evil) for d in p.get("departments", [])}
    names = file_names(departments)
    written = os.listdir(out)
    check(sorted(written) == sorted(names.values()), f"hostile: wrote {sorted(set(written) ^ set(names.values()))}")
    check(len(set(n.casefold() for n in written)) == len(departments), "hostile: two departments share a file")
    for name in written:
        stem = name[:-len(".xlsx")]
        check(not (set(name) & FORBIDDEN) and not stem.endswith((" ", ".")) and not name.startswith((" ", ".")),
              f"hostile: unsafe name {name!r}")
        check(len(stem.split(" (")[0].encode("utf-8")) <= 100, f"hostile: {name!r} longer than 100 bytes")
        check(stem.split(".")[0].upper() not in DEVICES, f"hostile: device name {name!r}")
    check(names["../x"] == "_x.xlsx" and names["CON"] == "CON_.xlsx" and names["con.txt"] == "con_.txt.xlsx",
          f"hostile: {names['../x']!r} {names['CON']!r} {names['con.txt']!r}")
    for department in hostile:
        path = os.path.join(out, names[department])
        if check(os.path.exists(path), f"hostile: no workbook for {department!r}"):
            check_return(path, evil, department, document.get("as_of") or datetime.date.today().isoformat())

    for failure in failures[:60]:
        print(failure, file=sys.stderr)
    if len(failures) > 60:
        print(f"… and {len(failures) - 60} more", file=sys.stderr)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


sys.exit(main())
