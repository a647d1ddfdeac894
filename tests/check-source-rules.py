#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The house rules that a compiler does not check (CONTRIBUTING.md):
#   - GTK and libadwaita are included only in src/ui/ and the window's files at the top of
#     src/ (the application, the module's entry point); the build keeps them out of the
#     libraries and of main.c, this says where an include went;
#   - gdk-pixbuf, the one picture decoder, is included only in src/session/rapport-thumbnail.c
#     (thumbnails made at import) and in src/ui/;
#   - a layer includes only headers of its own layer and of those below it (src/DESIGN.md);
#   - lines of C are at most 100 characters;
#   - no file under src/ is over 900 lines unless it says why in a line "Longer than 900 lines:".
# Prints one TAP line per rule and exits non-zero when one is broken.

import os
import re
import sys

MAX_COLUMNS = 100
MAX_LINES = 900

# Which layers each layer may include, besides itself.
LAYERS = {
    "core": set(),
    "import": {"core"},
    "store": {"core"},
    "net": {"core"},
    "analysis": {"core"},
    "coach": {"core", "analysis"},
    "chart": {"core"},
    "export": {"core", "analysis", "coach", "chart"},
    "session": {"core", "import", "store", "net", "analysis", "coach"},
    "cli": {"core", "import", "store", "net", "analysis", "coach", "session", "chart", "export"},
    "ui": {"core", "import", "store", "net", "analysis", "coach", "session", "chart",
           "export"},
}
GTK_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"](gtk/|gdk/|gsk/|adwaita\.h|graphene)')
PIXBUF_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]gdk-pixbuf/')
PIXBUF_ALLOWED = ("src/session/rapport-thumbnail.c",)
LOCAL_INCLUDE = re.compile(r'^\s*#\s*include\s*"([a-z]+)/')


def sources(root):
    for folder in ("src",):
        for path, _, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                if name.endswith((".c", ".h")):
                    yield os.path.join(path, name)


def main():
    root = sys.argv[1]
    gtk, pixbuf, layering, columns, length = [], [], [], [], []

    for path in sources(root):
        relative = os.path.relpath(path, root)
        parts = relative.split(os.sep)
        layer = parts[1] if len(parts) > 2 else None
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")

        for number, line in enumerate(lines, 1):
            where = f"{relative}:{number}"
            if GTK_INCLUDE.match(line) and layer not in ("ui", None):
                gtk.append(where)
            if PIXBUF_INCLUDE.match(line) and layer != "ui" and relative not in PIXBUF_ALLOWED:
                pixbuf.append(where)
            match = LOCAL_INCLUDE.match(line)
            if match and layer in LAYERS:
                included = match.group(1)
                if included != layer and included not in LAYERS[layer]:
                    layering.append(f"{where} ({layer}/ includes {included}/)")
            if len(line) > MAX_COLUMNS:
                columns.append(f"{where} ({len(line)} characters)")

        if len(lines) - 1 > MAX_LINES and not any("Longer than 900 lines:" in l for l in lines):
            length.append(f"{relative} ({len(lines) - 1} lines)")

    checks = [
        ("GTK is included only in ui/", gtk),
        ("gdk-pixbuf is included only in ui/ and session/rapport-thumbnail.c", pixbuf),
        ("each layer includes only the layers below it", layering),
        (f"lines are at most {MAX_COLUMNS} characters", columns),
        (f"files are at most {MAX_LINES} lines or say why", length),
    ]
    print("TAP version 13")
    print(f"1..{len(checks)}")
    failed = 0
    for number, (name, problems) in enumerate(checks, 1):
        if problems:
            failed += 1
            print(f"not ok {number} - {name}")
            for problem in problems:
                print(f"# {problem}")
        else:
            print(f"ok {number} - {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
