#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a synthetic Instagram export (2024 layout) for benchmarks: followers split over
# followers_1.json, followers_2.json, … as large accounts get them, following.json, posts_1.json
# with both post shapes, and personal_information.json.  Same output for the same arguments.
#
#   build-aux/generate-instagram-export.py OUTPUT [--followers N] [--following N] [--posts N]

import argparse
import json
import os
import random

USERNAME = "bench.creator"
EXPORT_TIME = 1735689600  # 2025-01-01
ROWS_PER_FILE = 250000
TAGS = ("photography", "sunset", "travel", "coffee", "design", "f4f", "followforfollow", "art",
        "nature", "food", "linux", "gnome", "music", "weekend", "city")


def relation(name, timestamp, year_2025):
    if year_2025:
        return {"title": name, "media_list_data": [],
                "string_list_data": [{"href": f"https://www.instagram.com/_u/{name}",
                                      "timestamp": timestamp}]}
    return {"title": "", "media_list_data": [],
            "string_list_data": [{"href": f"https://www.instagram.com/{name}", "value": name,
                                  "timestamp": timestamp}]}


def write_json(path, value):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        # Meta writes two-space indented JSON with every non-ASCII byte as \u00XX.
        json.dump(value, f, indent=2, ensure_ascii=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--followers", type=int, default=1000000)
    parser.add_argument("--following", type=int, default=7500)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    root = args.output
    connections = os.path.join(root, "connections", "followers_and_following")

    start = EXPORT_TIME - 8 * 365 * 86400
    # Exports list the newest follow first; names are in no order at all.
    ids = list(range(args.followers))
    rng.shuffle(ids)
    times = sorted((rng.randrange(start, EXPORT_TIME) for _ in ids), reverse=True)
    followers = [relation(f"fan_{i:07d}", t, False) for i, t in zip(ids, times)]
    del ids, times
    for part, first in enumerate(range(0, len(followers), ROWS_PER_FILE), 1):
        write_json(os.path.join(connections, f"followers_{part}.json"),
                   followers[first:first + ROWS_PER_FILE])
    del followers

    # Every tenth followed account follows back, so reciprocity has work to do.
    following = [relation(f"fan_{i * 10:07d}" if i % 2 else f"idol_{i:05d}",
                          rng.randrange(start, EXPORT_TIME), True) for i in range(args.following)]
    write_json(os.path.join(connections, "following.json"), {"relationships_following": following})

    posts = []
    for i in range(args.posts):
        created = start + i * (EXPORT_TIME - start) // args.posts + rng.randrange(0, 3600)
        tags = " ".join("#" + t for t in rng.sample(TAGS, rng.randrange(0, 6)))
        mention = f" with @fan_{rng.randrange(args.followers):07d}" if rng.random() < 0.2 else ""
        caption = f"Post {i}{mention} {tags}"
        media = {"uri": f"media/posts/{i}.jpg", "creation_timestamp": created, "title": caption}
        if rng.random() < 0.3:
            posts.append({"media": [dict(media, title=""), dict(media, title="")],
                          "title": caption, "creation_timestamp": created})
        else:
            posts.append({"media": [media]})
    write_json(os.path.join(root, "your_instagram_activity", "content", "posts_1.json"), posts)

    write_json(os.path.join(root, "personal_information", "personal_information",
                            "personal_information.json"),
               {"profile_user": [{"string_map_data": {
                   "Username": {"href": "", "value": USERNAME, "timestamp": 0},
                   "Name": {"href": "", "value": "Bench Creator", "timestamp": 0}}}]})


if __name__ == "__main__":
    main()
