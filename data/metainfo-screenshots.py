#!/usr/bin/env python3
# metainfo-screenshots.py
#
# Copyright 2026 Minsheng Tracker developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The metainfo source lists each screenshot by its path in the repository
# (data/screenshots/NAME.png), which the screenshot test checks. A software
# centre needs an https URL. With a PREFIX, each path becomes PREFIX + path;
# without one, the <screenshots> element is left out, rather than listing
# addresses that serve nothing.
#
#   metainfo-screenshots.py IN OUT [PREFIX]

import re
import sys

IMAGE = re.compile(r'(<image\b[^>]*>)\s*(data/screenshots/[^<\s]+\.png)\s*(</image>)')
BLOCK = re.compile(r'\n[ \t]*<screenshots>.*?</screenshots>[ \t]*', re.DOTALL)


def main():
    source, output = sys.argv[1], sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else ''
    with open(source, encoding='utf-8') as f:
        text = f.read()
    if len(BLOCK.findall(text)) != 1:
        sys.exit(f'{source}: expected one <screenshots> element')
    if prefix:
        if not prefix.startswith('https://') or not prefix.endswith('/'):
            sys.exit(f'screenshot_url_prefix must start with https:// and end with /, not {prefix}')
        text = IMAGE.sub(lambda m: m.group(1) + prefix + m.group(2) + m.group(3), text)
    else:
        text = BLOCK.sub('', text)
    with open(output, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
