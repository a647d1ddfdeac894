#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a synthetic TikTok user_data_tiktok.json (2025 schema) for benchmarks.  Same output for
# the same arguments.
#
#   build-aux/generate-tiktok-export.py OUTPUT_FOLDER [--followers N] [--following N] [--videos N]

import argparse
import datetime
import json
import os
import random

EXPORT = datetime.datetime(2025, 6, 1, tzinfo=datetime.timezone.utc)


def stamp(rng, days_back):
    moment = EXPORT - datetime.timedelta(seconds=rng.randrange(0, days_back * 86400))
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output")
    parser.add_argument("--followers", type=int, default=500000)
    parser.add_argument("--following", type=int, default=2000)
    parser.add_argument("--videos", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=20250601)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    data = {
        "Profile": {"Profile Info": {"ProfileMap": {
            "userName": "bench.dancer", "displayName": "Bench Dancer",
            "followerCount": args.followers, "followingCount": args.following,
            "likesReceived": str(args.followers * 7)}}},
        "Your Activity": {
            "Follower": {"FansList": [{"Date": stamp(rng, 2000), "UserName": f"fan{i}"}
                                      for i in range(args.followers)]},
            "Following": {"Following": [{"Date": stamp(rng, 2000), "UserName": f"fan{i * 7}"}
                                        for i in range(args.following)]},
        },
        "Post": {"Posts": {"VideoList": [
            {"Date": stamp(rng, 1500),
             "Link": f"https://www.tiktokv.com/share/video/{7300000000000000000 + i}/",
             "Likes": str(rng.randrange(0, 50000)), "Title": f"Dance {i} #dance #fyp",
             "WhoCanView": "Everyone", "Sound": "original sound"} for i in range(args.videos)]}},
        "Comment": {"Comments": {"CommentsList": [
            {"date": stamp(rng, 900), "comment": f"Nice one {i}"} for i in range(200)]}},
    }
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "user_data_tiktok.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)


if __name__ == "__main__":
    main()
