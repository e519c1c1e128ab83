#!/usr/bin/env python3
# check-metainfo.py
#
# Copyright 2026 Minsheng Tracker developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates metainfo files with `appstreamcli validate --pedantic --no-net`
# and fails on every issue it reports but one: the capital letter in the app
# id io.minsheng.Tracker, which stays (renaming an app id loses its users'
# settings and store entries).
#
#   check-metainfo.py APPSTREAMCLI FILE...

import re
import subprocess
import sys

ALLOWED = {'cid-contains-uppercase-letter'}


def validate(appstreamcli, path):
    """Prints appstreamcli's report on PATH; returns the issues not allowed."""
    text = subprocess.run([appstreamcli, 'validate', '--pedantic', '--no-net', '--explain', path],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    print(f'# appstreamcli validate --pedantic --no-net {path}')
    print(text)
    report = subprocess.run([appstreamcli, 'validate', '--pedantic', '--no-net', '--format=yaml', path],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    tags = re.findall(r'^- tag: (\S+)$', report, re.MULTILINE)
    if not re.search(r'^Passed: (yes|no)$', report, re.MULTILINE):
        return [f'no report from appstreamcli: {report.strip()}']
    return [tag for tag in tags if tag not in ALLOWED]


def main():
    appstreamcli = sys.argv[1]
    failed = False
    for path in sys.argv[2:]:
        issues = validate(appstreamcli, path)
        if issues:
            print(f'{path}: issues other than the app id\'s capital letter: {", ".join(issues)}')
            failed = True
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
