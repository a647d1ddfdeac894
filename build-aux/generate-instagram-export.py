#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a synthetic Instagram export (2024 layout) for benchmarks: followers split over
# followers_1.json, followers_2.json, … as large accounts get them, following.json, posts_1.json
# with both post shapes, and personal_information.json.  Same output for the same arguments.
#
# With --history N, OUTPUT is a folder of N monthly exports of one account instead, each named
# instagram-bench.creator-YYYY-MM-DD so Rapport dates it: between two exports --churn of the
# followers (and of the following) leave and as many new ones arrive, and the month's posts
# are added.
#
#   build-aux/generate-instagram-export.py OUTPUT [--followers N] [--following N] [--posts N]
#                                          [--history N [--churn FRACTION]]

import argparse
import datetime
import json
import os
import random

USERNAME = "bench.creator"
EXPORT_TIME = 1735689600  # 2025-01-01
HISTORY_FIRST = datetime.date(2024, 1, 1)
HISTORY_SEED = 20240101
YEARS_BEFORE = 8 * 365 * 86400
ROWS_PER_FILE = 250000
TAGS = ("photography", "sunset", "travel", "coffee", "design", "f4f", "followforfollow", "art",
        "nature", "food", "linux", "gnome", "music", "weekend", "city")

# One follower as json.dump(indent=2) writes relation(…, False), formatted directly: 24 exports
# of a million followers each must be written in a few minutes.
FOLLOWER_ROW = ('  {\n    "title": "",\n    "media_list_data": [],\n    "string_list_data": [\n'
                '      {\n        "href": "https://www.instagram.com/fan_%07d",\n'
                '        "value": "fan_%07d",\n        "timestamp": %d\n      }\n    ]\n  }')


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


def write_followers(root, fans):
    """@fans, (follow time, fan number) newest first, as followers_1.json, followers_2.json, …
    of ROWS_PER_FILE each, byte for byte what write_json() would write."""
    connections = os.path.join(root, "connections", "followers_and_following")
    os.makedirs(connections, exist_ok=True)
    for part, first in enumerate(range(0, len(fans), ROWS_PER_FILE), 1):
        rows = ",\n".join([FOLLOWER_ROW % (i, i, t) for t, i in fans[first:first + ROWS_PER_FILE]])
        with open(os.path.join(connections, f"followers_{part}.json"), "w") as f:
            f.write("[\n" + rows + "\n]")


def write_following(root, following):
    """@following, (follow time, name) pairs, as following.json."""
    write_json(os.path.join(root, "connections", "followers_and_following", "following.json"),
               {"relationships_following": [relation(name, t, True) for t, name in following]})


def make_posts(rng, count, start, end, followers):
    """@count posts evenly over [@start, @end), as (creation time, post) pairs; a fifth mention
    one of the first @followers fans."""
    posts = []
    for i in range(count):
        created = start + i * (end - start) // count + rng.randrange(0, 3600)
        tags = " ".join("#" + t for t in rng.sample(TAGS, rng.randrange(0, 6)))
        mention = f" with @fan_{rng.randrange(followers):07d}" if rng.random() < 0.2 else ""
        caption = f"Post {i}{mention} {tags}"
        media = {"uri": f"media/posts/{i}.jpg", "creation_timestamp": created, "title": caption}
        if rng.random() < 0.3:
            posts.append((created, {"media": [dict(media, title=""), dict(media, title="")],
                                    "title": caption, "creation_timestamp": created}))
        else:
            posts.append((created, {"media": [media]}))
    return posts


def write_posts_and_profile(root, posts):
    write_json(os.path.join(root, "your_instagram_activity", "content", "posts_1.json"),
               [post for _, post in posts])
    write_json(os.path.join(root, "personal_information", "personal_information",
                            "personal_information.json"),
               {"profile_user": [{"string_map_data": {
                   "Username": {"href": "", "value": USERNAME, "timestamp": 0},
                   "Name": {"href": "", "value": "Bench Creator", "timestamp": 0}}}]})


def one_export(args):
    rng = random.Random(args.seed)
    root = args.output
    start = EXPORT_TIME - YEARS_BEFORE
    # Exports list the newest follow first; names are in no order at all.
    ids = list(range(args.followers))
    rng.shuffle(ids)
    times = sorted((rng.randrange(start, EXPORT_TIME) for _ in ids), reverse=True)
    write_followers(root, list(zip(times, ids)))
    del ids, times

    # Every tenth followed account follows back, so reciprocity has work to do.
    following = [(rng.randrange(start, EXPORT_TIME),
                  f"fan_{i * 10:07d}" if i % 2 else f"idol_{i:05d}") for i in range(args.following)]
    write_following(root, following)
    write_posts_and_profile(root, make_posts(rng, args.posts, start, EXPORT_TIME, args.followers))


def churned(rng, people, fraction, since, until, new_names):
    """@people, (follow time, who) newest first, after @fraction of them left and as many new
    ones, named by @new_names, followed in [@since, @until)."""
    count = round(len(people) * fraction)
    gone = set(rng.sample(range(len(people)), count))
    kept = [p for j, p in enumerate(people) if j not in gone]
    arrived = sorted(((rng.randrange(since, until), next(new_names)) for _ in range(count)),
                     reverse=True)
    return arrived + kept


def history(args):
    """args.history monthly exports of one account into args.output.  Each export is made from
    the one before in memory, so only the churn costs time besides writing."""
    rng = random.Random(args.seed)
    dates = [datetime.date(HISTORY_FIRST.year + (HISTORY_FIRST.month - 1 + k) // 12,
                           (HISTORY_FIRST.month - 1 + k) % 12 + 1, 1) for k in range(args.history)]
    moments = [int(datetime.datetime(d.year, d.month, d.day, tzinfo=datetime.timezone.utc)
                   .timestamp()) for d in dates]
    start = moments[0] - YEARS_BEFORE
    fans = sorted(((rng.randrange(start, moments[0]), i) for i in range(args.followers)),
                  reverse=True)
    new_fans = iter(range(args.followers, 10**7))
    # Half of the followed accounts are fans, so reciprocity has work to do.
    following = [(rng.randrange(start, moments[0]),
                  f"fan_{i * 10:07d}" if i % 2 else f"idol_{i:05d}") for i in range(args.following)]
    new_idols = (f"idol_{i:05d}" for i in range(args.following, 10**5))
    posts = make_posts(rng, args.posts, start, moments[-1], args.followers)
    os.makedirs(args.output, exist_ok=True)
    for k, (day, moment) in enumerate(zip(dates, moments)):
        if k > 0:
            fans = churned(rng, fans, args.churn, moments[k - 1], moment, new_fans)
            following = churned(rng, following, args.churn, moments[k - 1], moment, new_idols)
        root = os.path.join(args.output, f"instagram-{USERNAME}-{day.isoformat()}")
        write_followers(root, fans)
        write_following(root, following)
        write_posts_and_profile(root, [p for p in posts if p[0] < moment])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--followers", type=int, default=1000000)
    parser.add_argument("--following", type=int, default=7500)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--history", type=int, default=0, metavar="N",
                        help="write N monthly exports of one account into OUTPUT")
    parser.add_argument("--churn", type=float, default=0.02,
                        help="the share of followers replaced between two monthly exports")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = HISTORY_SEED if args.history else 20250101
    if args.history:
        history(args)
    else:
        one_export(args)


if __name__ == "__main__":
    main()
