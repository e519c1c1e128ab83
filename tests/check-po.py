#!/usr/bin/env python3
"""Checks that po/LANG.po is complete and current.

Complete: msgfmt counts no untranslated or fuzzy message.
Current: the messages xgettext finds in POTFILES.in today are exactly the
messages of the catalogue, so nothing new is untranslated and nothing stale
lingers.
"""
import os
import re
import subprocess
import sys
import tempfile

source_root, po_file = sys.argv[1], sys.argv[2]
failures = []

stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po_file],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
if stats.returncode != 0:
    failures.append("msgfmt --check failed:\n" + stats.stderr)
elif re.search(r"untranslated|fuzzy", stats.stderr):
    failures.append("incomplete: " + stats.stderr.strip())


def msgids(path):
    text = open(path, encoding="utf-8").read()
    ids = set()
    for entry in text.split("\n\n"):
        if entry.lstrip().startswith("#~"):
            continue
        m = re.search(r'^(?:msgctxt ((?:".*"\n)+))?msgid ((?:".*"\n?)+)', entry, re.M)
        if not m:
            continue
        unq = lambda block: "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block or ""))
        key = (unq(m.group(1)), unq(m.group(2)))
        if key[1]:
            ids.add(key)
    return ids


with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "fresh.pot")
    subprocess.run(["xgettext", "--from-code=UTF-8", "-D", source_root,
                    "-f", os.path.join(source_root, "po", "POTFILES.in"), "-o", pot,
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                    "--keyword=ms_l10n_ngettext:2,3",
                    "--add-comments"], check=True)
    fresh = msgids(pot)
    # Every message with placeholders explains them to translators.
    for entry in open(pot, encoding="utf-8").read().split("\n\n"):
        if "c-format" in entry and "#." not in entry:
            m = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
            text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))) if m else entry
            failures.append("no translator comment for a message with placeholders: " + text)
    catalogue = msgids(po_file)
    for ctx, mid in sorted(fresh - catalogue):
        failures.append("not in the catalogue (run ninja minsheng-update-po): " + mid)
    for ctx, mid in sorted(catalogue - fresh):
        failures.append("stale in the catalogue: " + mid)

for f in failures:
    print(po_file + ": " + f, file=sys.stderr)
sys.exit(1 if failures else 0)
