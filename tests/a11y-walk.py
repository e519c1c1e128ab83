#!/usr/bin/python3
# Reads the accessibility tree of the process that started it, the way a
# screen reader sees it: over AT-SPI, not through GTK. test-a11y-tree drives
# the window from page to page and asks, one line per page, on stdin:
#   walk PAGE         report problems in every window of the parent process
#   walk-tables PAGE\tCHART…  the same, and the charts named (tab-separated)
#                     must each be in the tree with their tables shown
#   show PAGE         print what a screen reader would read for its controls
#   show-dialog PAGE  the same for the newest window only
# and reads lines back, ending with "end": "problem PAGE: WHAT" for each
# fault, "read TEXT" for what is shown.
#
# Debian's python3 with gir1.2-atspi-2.0 (python3-pyatspi pulls it in).

import os
import re
import sys
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

# Roles a user moves to and operates; each must say what it is for.
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'text', 'entry',
    'password text', 'spin button', 'combo box', 'switch', 'link', 'page tab',
    'menu item', 'check menu item', 'radio menu item', 'slider', 'list',
    'list item', 'table', 'tree table', 'table cell', 'table row', 'image',
    'list box', 'tree', 'tree item', 'toggle', 'button',
}
# Containers that take focus only to scroll or to pass it on; a name is
# welcome but not required.
CONTAINER_ROLES = {'scroll pane', 'panel', 'filler', 'viewport', 'scroll bar'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Ms)[A-Z][A-Za-z]*$')
# An underscore that marks a mnemonic: at a word's start, before a letter.
MNEMONIC = re.compile(r'(?:^|[\s(（])_[^\W_]')


def states_of(obj):
    try:
        return obj.get_state_set()
    except gi.repository.GLib.Error:
        return None


def repeated(name):
    """"Target Target", "Save Save": a name that says the same thing twice."""
    words = name.split()
    if len(words) >= 2 and len(words) % 2 == 0:
        half = len(words) // 2
        if words[:half] == words[half:]:
            return True
    compact = name.replace(' ', '')
    if len(compact) >= 4 and len(compact) % 2 == 0:
        half = len(compact) // 2
        if compact[:half] == compact[half:]:
            return True
    return False


def find_app(pid):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except gi.repository.GLib.Error:
                continue
        time.sleep(0.2)
    return None


def on_screen(obj):
    """GTK 4.8 sets no SHOWING state. A hidden widget (a popover not open)
    is not VISIBLE; a stack's other pages are, and are read too."""
    states = states_of(obj)
    return states is not None and states.contains(Atspi.StateType.VISIBLE)


def children(obj):
    try:
        count = obj.get_child_count()
    except gi.repository.GLib.Error:
        return
    for i in range(count):
        try:
            child = obj.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        if child is not None:
            yield child


def count_rows(obj, in_list=False):
    """Named rows in the list of a column view; its header row is not one."""
    rows = 0
    for child in children(obj):
        try:
            role = child.get_role_name()
            name = child.get_name() or ''
        except gi.repository.GLib.Error:
            continue
        if role == 'table row':
            rows += 1 if in_list and name and not TYPE_NAME.match(name) else 0
        elif role not in ('table', 'tree table'):
            rows += count_rows(child, in_list or role == 'list')
    return rows


def check_charts(page, seen, shown):
    """Every chart: a name, a description, a button to show it as a table
    and, once shown, a table named after it with its rows. @shown names the
    charts on screen, whose tables the driver showed."""
    problems = []
    images = {name: description for name, description, _path in seen['images']}
    for name in shown:
        if name not in images:
            problems.append(f'chart {name!r} is not in the tree as an image of that name')
        elif not images[name]:
            problems.append(f'chart {name!r} has no description')
    for name, description, _path in seen['images']:
        if not description or name not in shown:
            continue  # an icon, or a chart on a page not shown
        if len(description) > 400:
            problems.append(f'chart {name!r} has a description of {len(description)} characters')
        if not any(name in button for button in seen['buttons']):
            problems.append(f'chart {name!r} has no button that shows it as a table')
        rows = [count for table, count in seen['tables'] if name in table]
        if not rows:
            problems.append(f'chart {name!r} shows no table named after it')
        elif max(rows) == 0:
            problems.append(f'chart {name!r} shows a table without named rows')
    return [f'{page}: {problem}' for problem in problems]


def where(path):
    named = [p for p in path if p]
    return ' › '.join(named[-3:]) if named else '(window)'


def check(obj, path, problems, seen):
    if not on_screen(obj):
        return
    try:
        role = obj.get_role_name()
        name = obj.get_name() or ''
    except gi.repository.GLib.Error:
        return
    states = states_of(obj)
    focusable = states is not None and states.contains(Atspi.StateType.FOCUSABLE)
    control = role in CONTROL_ROLES or (focusable and role not in CONTAINER_ROLES)
    here = f'{role} {name!r} in {where(path)}'

    # Icons beside a text say nothing of their own; a chart is an image
    # with a description, and must be named.
    if role == 'image' and not focusable and not (obj.get_description() or ''):
        control = False
    if role in ('dialog', 'alert', 'frame') and (not name.strip() or TYPE_NAME.match(name)):
        problems.append(f'a window without a title: {role} {name!r}')
    if control or focusable:
        if TYPE_NAME.match(name):
            problems.append(f'named by its type: {here}')
        elif focusable and not name.strip() and role not in CONTAINER_ROLES:
            problems.append(f'no name: {role} in {where(path)}')
        if MNEMONIC.search(name):
            problems.append(f'mnemonic underscore in the name: {here}')
        if repeated(name):
            problems.append(f'name says it twice: {here}')

    if role == 'image' and name and not TYPE_NAME.match(name):
        seen['images'].append((name, obj.get_description() or '', path))
    if role in ('table', 'tree table') and name:
        seen['tables'].append((name, count_rows(obj)))
    if focusable and role in ('push button', 'toggle button') and name:
        seen['buttons'].append(name)

    for child in children(obj):
        check(child, path + [name], problems, seen)


def has_size(obj):
    """A page never shown has no size yet (one shown before keeps its old
    one: GTK 4.8 says nothing of what is on screen)."""
    try:
        extents = obj.get_extents(Atspi.CoordType.WINDOW)
    except gi.repository.GLib.Error:
        return True  # a stack page, which has no place of its own
    return extents.width > 0 and extents.height > 0


def show(obj, depth, lines):
    """What a screen reader says for each control: role, name, description."""
    if not on_screen(obj) or not has_size(obj):
        return
    try:
        role = obj.get_role_name()
        name = obj.get_name() or ''
        description = obj.get_description() or ''
    except gi.repository.GLib.Error:
        return
    states = states_of(obj)
    focusable = states is not None and states.contains(Atspi.StateType.FOCUSABLE)
    shown = (focusable or role in CONTROL_ROLES) and role not in CONTAINER_ROLES
    if role == 'image' and not focusable and not description:
        shown = False
    if shown:
        text = f'{role}: {name}'
        if description and description != name:
            text += f' — {description[:100]}'
        lines.append('  ' * min(depth, 1) + text)
    for child in children(obj):
        show(child, depth + 1, lines)


def main():
    app = find_app(os.getppid())
    if app is None:
        print('problem the window never appeared on the accessibility bus', flush=True)
        print('end', flush=True)
        return 1
    for line in sys.stdin:
        command, _, rest = line.rstrip('\n').partition(' ')
        page, *shown = rest.split('\t')
        # What GTK changed since the last question is read afresh.
        app.clear_cache()
        if command in ('walk', 'walk-tables'):
            problems = []
            seen = {'images': [], 'tables': [], 'buttons': []}
            for window in children(app):
                check(window, [window.get_name() or ''], problems, seen)
            for problem in dict.fromkeys(problems):
                print(f'problem {page}: {problem}', flush=True)
            # Charts are checked on the window's pages, where the driver
            # has shown their tables; a dialog's preview is not a chart.
            if command == 'walk-tables':
                for problem in check_charts(page, seen, shown):
                    print(f'problem {problem}', flush=True)
        elif command in ('show', 'show-dialog'):
            lines = []
            windows = list(children(app))
            # A dialog is read on its own, from its title on.
            if command == 'show-dialog' and windows:
                window = windows[-1]
                lines.append(f'{window.get_role_name()}: {window.get_name()} — {window.get_description() or ""}')
                windows = windows[-1:]
            for window in windows:
                show(window, 0, lines)
            for text in lines:
                print(f'read {text}', flush=True)
        print('end', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
