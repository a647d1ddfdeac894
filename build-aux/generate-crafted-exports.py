#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes crafted exports for the benchmark, as zips: for each JSON reader, one large file made
# to take far more memory to parse than its size (a list of empty arrays, or a list of deeply
# nested and very wide elements), beside the few files that make the zip pass for an export.
# Same output for the same arguments.
#
#   build-aux/generate-crafted-exports.py OUTPUT_FOLDER [--megabytes N]
#
# Prints one line per zip: its name, the entry that is the large file and that entry's size.

import argparse
import os
import zipfile

INSTAGRAM_PROFILE = ('{"profile_user": [{"string_map_data": '
                     '{"Username": {"value": "crafted"}}}]}')
X_ACCOUNT = ('window.YTD.account.part0 = [{"account": {"username": "crafted", '
             '"accountId": "1", "accountDisplayName": "Crafted"}}]')

# Each reader: the zip's stem, its small files, the large file, and what wraps the list in it.
READERS = [
    ("x-tweets", {"data/account.js": X_ACCOUNT}, "data/tweets.js",
     "window.YTD.tweets.part0 = ", ""),
    ("instagram-crafted-2025-01-01-followers",
     {"personal_information/personal_information.json": INSTAGRAM_PROFILE},
     "connections/followers_and_following/followers_1.json", "", ""),
    ("instagram-crafted-2025-01-01-posts",
     {"personal_information/personal_information.json": INSTAGRAM_PROFILE},
     "your_instagram_activity/content/posts_1.json", "", ""),
    ("tiktok", {}, "user_data_tiktok.json",
     '{"Profile": {"Profile Info": {"ProfileMap": {"userName": "crafted"}}}, '
     '"Your Activity": {"Follower": {"FansList": ', "}}}"),
]

DEPTH = 400        # below the readers' nesting limit of 512
WIDTH = 20000      # members of one wide element


def elements(kind):
    """One repeating unit of the list's elements, each followed by ", "."""
    if kind == "empty-arrays":
        return "[], "
    deep = "[" * DEPTH + "]" * DEPTH
    wide = "{" + ", ".join(f'"k{i}": []' for i in range(WIDTH)) + "}"
    return deep + ", " + wide + ", "


def write_zip(path, small, large_name, head, unit, count, tail):
    with zipfile.ZipFile(path + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, content in small.items():
            z.writestr(name, content)
        with z.open(large_name, "w", force_zip64=True) as f:
            block = (unit * max(1, (1 << 20) // len(unit))).encode()
            per_block = max(1, (1 << 20) // len(unit))
            f.write(head.encode() + b"[")
            for done in range(0, count, per_block):
                n = min(per_block, count - done)
                f.write(block if n == per_block else (unit * n).encode())
            f.write(b"[]]" + tail.encode())
    os.replace(path + ".part", path)
    return len(head) + 1 + len(unit) * count + 3 + len(tail)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--megabytes", type=int, default=128)
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)

    for stem, small, large_name, head, tail in READERS:
        for kind in ("empty-arrays", "deep-and-wide"):
            unit = elements(kind)
            count = (args.megabytes << 20) // len(unit)
            name = f"{stem}-{kind}.zip"
            size = write_zip(os.path.join(args.output, name), small, large_name, head, unit,
                             count, tail)
            print(f"{name}\t{large_name}\t{size}")


if __name__ == "__main__":
    main()
