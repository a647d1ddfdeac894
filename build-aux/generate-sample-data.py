#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the exports of Rapport's demo creator, Mira Lind, a potter: "Explore Sample Data"
# imports them.  Python's standard library only, a fixed seed, so every build writes the same
# bytes.
#
#   build-aux/generate-sample-data.py OUTPUT_FOLDER
#
# The story the numbers tell:
#
# - Instagram (@mira.makes, a professional account, 2024 layout with insights, two exports six
#   months apart): steady organic growth from mid-2022; then, from 15 January 2024, three weeks
#   of follow-for-follow: hundreds of accounts follow within hours of each other and Mira follows
#   them back within hours.  The follower count jumps while the engagement rate falls: those
#   followers never engage, and by the second export a good part of them has left while Mira
#   still follows them.  #wheelthrown and #glazetest (each on more than ten posts) go with
#   clearly better engagement, the bait tags #f4f, #followforfollow and #like4like with worse;
#   posts made with partners (@clay.collective, @studio.nord, @jun.glaze) do better.  She posts
#   in bursts with gaps of several weeks, and comments on two mutuals she has never posted with.
# - X (@miramakes): an archive (tweets, followers and following by id only) and an analytics CSV
#   of the last three months with impressions.
# - TikTok (@miramakes): started in autumn 2023; one video goes viral in May 2024 and brings
#   followers who do engage, unlike Instagram's burst.  A TikTok Studio export of the same day
#   adds the follower totals of the last 60 days.
# - Meta Business Suite (@mira.makes): the posts CSV of her Instagram posts from June to
#   September 2024, with the counts of the second export plus views and follows, joined to the
#   export's posts by publish minute; and Follows.csv, her new follows of each day.
# - Threads (@mira.makes, inside both Instagram exports): since July 2023 a few threads a month,
#   replies to her partners and likes of their threads; some of her Instagram followers follow
#   her there too.  Names and text are mis-encoded in parts, as Threads' are.
# - YouTube (the channel "Mira Makes"): started in March 2024 with a long video about every
#   week; TikTok's viral video in May sends subscribers over.  A Google Takeout (channel,
#   videos without counts, subscriptions) and a YouTube Studio export of the same channel
#   (Table data.csv with each video's lifetime counts, Subscribers.csv with the subscribers of
#   most days) that adds the counts to the Takeout's videos.
# - Mastodon (@mira@ceramics.social, since November 2022): the account archive (a tarball, with
#   following_accounts.csv put beside its files) of posts with hashtags, a few with partners,
#   and replies, boosts and likes of two accounts she follows and has never posted with.
# - Bluesky (miramakes.bsky.social, since November 2023): the repository export (.car) of posts
#   with hashtag facets, replies, quotes, reposts, likes and follows, the same two kinds of
#   accounts by DID.

import argparse
import base64
import csv
import datetime
import gzip
import hashlib
import io
import json
import math
import os
import random
import struct
import tarfile
import zipfile
import zlib

SEED = 20240912
DAY = 86400
UTC = datetime.timezone.utc

HANDLE_IG = "mira.makes"
HANDLE = "miramakes"
NAME = "Mira Lind"


def ts(year, month, day, hour=0, minute=0):
    return int(datetime.datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp())


ACCOUNT_START = ts(2019, 4, 1)
IG_START = ts(2022, 6, 1)
POSTS_START = ts(2022, 9, 5)
BURST_START = ts(2024, 1, 15)
BURST_END = ts(2024, 2, 5)
EXPORT_1 = ts(2024, 3, 10)
EXPORT_2 = ts(2024, 9, 12)
ZIP_TIME = (2024, 9, 12, 8, 0, 0)

GOOD_TAGS = {"wheelthrown": 1.45, "glazetest": 1.5}
BAIT_TAGS = ("f4f", "followforfollow", "like4like")
PARTNERS = {"clay.collective": 6, "studio.nord": 5, "jun.glaze": 4}
CANDIDATES = ("kiln.kate", "glaze.lab.berlin")

FIRST = ("anna", "ben", "carla", "dario", "eva", "finn", "greta", "hugo", "ines", "jonas",
         "kira", "lars", "mona", "nils", "olga", "paul", "rosa", "sven", "tara", "ugo", "vera",
         "wim", "yara", "zoe", "lena", "max", "nora", "emil", "ida", "theo")
WORDS = ("clay", "studio", "makes", "ceramics", "kiln", "glaze", "home", "craft", "atelier",
         "pots", "wheel", "earth", "stone", "linen", "garden", "slow", "daily", "notes")
GROWTH = ("follow.back", "gain.train", "insta.boost", "grow.daily", "likes4you", "f4f.team",
          "mutual.vibes", "followers.hub", "l4l.club", "explore.page")


def mojibake(text):
    """Meta's exports write each UTF-8 byte as its own \\u00XX escape."""
    return text.encode("utf-8").decode("latin-1")


def day_string(t):
    return datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d")


class Names:
    """Unique, plausible user names."""

    def __init__(self, rng):
        self.rng = rng
        self.used = {HANDLE_IG, HANDLE, *PARTNERS, *CANDIDATES}

    def take(self, pattern):
        while True:
            if pattern == "growth":
                name = f"{self.rng.choice(GROWTH)}{self.rng.randrange(10, 9999)}"
            else:
                first = self.rng.choice(FIRST)
                word = self.rng.choice(WORDS)
                name = self.rng.choice((f"{first}.{word}", f"{first}_{word}",
                                        f"{word}.by.{first}", f"{first}{self.rng.randrange(1, 99)}"))
            if name not in self.used:
                self.used.add(name)
                return name


# ── Instagram ─────────────────────────────────────────────────────────────────────────────────

def instagram_people(rng, names):
    """Followers and following of both exports: dicts name -> follow time."""
    organic = {}
    # The audience from before she took the account seriously, then organic growth that
    # slowly speeds up: follow times with a linearly rising density.
    for _ in range(380):
        organic[names.take("person")] = rng.randrange(ACCOUNT_START, IG_START)
    for _ in range(1500):
        organic[names.take("person")] = int(IG_START + (EXPORT_2 - DAY - IG_START) * math.sqrt(rng.random()))
    for partner in (*PARTNERS, *CANDIDATES):
        organic[partner] = IG_START + rng.randrange(30, 300) * DAY

    # Follow-for-follow: clusters of follows within hours, each followed back within hours
    # (a quarter the other way round: Mira followed first and they followed back).
    f4f_followers = {}
    f4f_following = {}
    cluster_starts = sorted(BURST_START + rng.randrange(0, BURST_END - BURST_START) for _ in range(40))
    for _ in range(820):
        start = rng.choice(cluster_starts)
        followed = start + rng.randrange(0, 6 * 3600)
        name = names.take("growth" if rng.random() < 0.55 else "person")
        f4f_followers[name] = followed
        if rng.random() < 0.75:
            f4f_following[name] = followed + rng.randrange(1200, 30 * 3600)
        else:
            f4f_following[name] = followed - rng.randrange(3600, 40 * 3600)
    # Accounts she followed in the burst that never followed back.
    for _ in range(140):
        f4f_following[names.take("growth")] = rng.randrange(BURST_START, BURST_END)

    # Organic following: partners, friends and a few big accounts, far from their follow dates.
    following = {}
    mutual_pool = sorted(organic)
    for name in rng.sample(mutual_pool, 150):
        following[name] = min(EXPORT_2 - DAY, organic[name] + rng.randrange(5, 200) * DAY)
    for partner in (*PARTNERS, *CANDIDATES):
        following[partner] = organic[partner] + rng.randrange(10, 60) * DAY
    for _ in range(90):
        following[names.take("person")] = rng.randrange(IG_START, EXPORT_2 - DAY)
    following.update(f4f_following)

    # Export 1: everyone who followed by then.  Export 2: some organic followers left, and
    # 190 of the follow-for-follow accounts unfollowed while Mira still follows them.
    followers_1 = {n: t for n, t in {**organic, **f4f_followers}.items() if t < EXPORT_1}
    early_organic = sorted(n for n, t in organic.items()
                           if t < EXPORT_1 and n not in PARTNERS and n not in CANDIDATES)
    lost_organic = set(rng.sample(early_organic, 60))
    dropped = set(rng.sample(sorted(f4f_followers), 190))
    followers_2 = {n: t for n, t in {**organic, **f4f_followers}.items()
                   if t < EXPORT_2 and n not in lost_organic and n not in dropped}
    following_1 = {n: t for n, t in following.items() if t < EXPORT_1}
    following_2 = {n: t for n, t in following.items() if t < EXPORT_2}

    organic_times = sorted(organic.values())
    return followers_1, following_1, followers_2, following_2, organic_times


def post_schedule(rng, start, end, burst_weeks=(1, 3), gap_weeks=(2, 6), per_week=(3, 5)):
    """Posting in bursts with multi-week gaps."""
    times = []
    t = start
    while t < end:
        weeks = rng.randint(*burst_weeks)
        for week in range(weeks):
            for _ in range(rng.randint(*per_week)):
                when = t + week * 7 * DAY + rng.randrange(0, 7) * DAY + rng.randrange(8, 21) * 3600 \
                    + rng.randrange(0, 60) * 60
                if when < end:
                    times.append(when)
        t += weeks * 7 * DAY
        t += rng.randint(*gap_weeks) * 7 * DAY
    return sorted(set(times))


def count_before(times, t):
    lo, hi = 0, len(times)
    while lo < hi:
        mid = (lo + hi) // 2
        if times[mid] <= t:
            lo = mid + 1
        else:
            hi = mid
    return lo


def instagram_posts(rng, organic_times):
    times = post_schedule(rng, POSTS_START, EXPORT_2 - DAY)
    # The burst itself was busy: the bait tags came with posts.
    times = sorted(set(times + [BURST_START + i * 2 * DAY + 15 * 3600 for i in range(10)]))
    n = len(times)

    # Tags and partners are placed first, spread over the whole time, so that what they do is
    # not just when they were used.
    good = {tag: set(rng.sample(range(n), count)) for tag, count in (("wheelthrown", 24), ("glazetest", 18))}
    in_bait_era = [i for i, t in enumerate(times) if BURST_START - 7 * DAY <= t < ts(2024, 7, 1)]
    bait = {tag: set(rng.sample(in_bait_era, min(len(in_bait_era), 11))) for tag in BAIT_TAGS}
    free = list(range(n))
    rng.shuffle(free)
    partner_posts = {}
    for partner, count in PARTNERS.items():
        for _ in range(count):
            partner_posts.setdefault(free.pop(), []).append(partner)

    subjects = ("New mugs out of the kiln", "Throwing a set of bowls", "Testing a celadon glaze",
                "Studio morning", "Trimming day", "A vase for the window", "Market prep",
                "Speckled plates", "First firing of the year", "Glaze drips up close")
    emoji = ("\U0001F3FA", "\u2728", "\U0001F525", "\U0001F33F", "")
    posts = []
    for i, t in enumerate(times):
        tags = []
        if rng.random() < 0.65:
            tags.append("pottery")
        if rng.random() < 0.4:
            tags.append("handmade")
        if rng.random() < 0.25:
            tags.append("studiolife")
        multiplier = 1.0
        for tag, chosen in good.items():
            if i in chosen:
                tags.append(tag)
                multiplier *= GOOD_TAGS[tag]
        baited = False
        for tag, chosen in bait.items():
            if i in chosen:
                tags.append(tag)
                baited = True
        if baited:
            multiplier *= 0.75
        partners = partner_posts.get(i, [])
        if partners:
            multiplier *= 1.6

        caption = f"{rng.choice(subjects)} {rng.choice(emoji)}".strip()
        if partners:
            caption += " with " + " and ".join(f"@{p}" for p in partners)
        if tags:
            caption += "\n\n" + " ".join(f"#{tag}" for tag in tags)

        # Only organic followers engage; the follow-for-follow ones do not.
        organic = max(30, count_before(organic_times, t))
        interactions = organic * 0.065 * multiplier * math.exp(rng.gauss(0, 0.22))
        kind = rng.choices(("photo", "carousel", "reel"), (0.55, 0.3, 0.15))[0]
        posts.append({"time": t, "caption": caption, "kind": kind,
                      "likes": int(interactions * 0.82), "comments": int(interactions * 0.07),
                      "saves": int(interactions * 0.08), "shares": int(interactions * 0.03),
                      "impressions": int(interactions * rng.uniform(10, 14))})
    return posts


def relation_row(name, t):
    return {"title": "", "media_list_data": [],
            "string_list_data": [{"href": f"https://www.instagram.com/{name}", "value": name,
                                  "timestamp": t}]}


def instagram_interactions(rng):
    """Comments and likes on the posts of two mutuals she has never posted with."""
    comments = []
    likes = []
    for candidate, n_comments in zip(CANDIDATES, (7, 4)):
        for _ in range(n_comments):
            comments.append((rng.randrange(ts(2023, 3, 1), EXPORT_2 - DAY), candidate,
                             rng.choice(("Love this glaze \U0001F60D", "So good!",
                                         "That texture \u2728", "Teach me your ways"))))
        for _ in range(n_comments * 2):
            likes.append((rng.randrange(ts(2023, 3, 1), EXPORT_2 - DAY), candidate,
                          f"{rng.randrange(10**9):x}"))
    return sorted(comments, reverse=True), sorted(likes, reverse=True)


# Glazes of the demo's pottery, for the pictures of her posts.
GLAZES = ((46, 93, 118), (166, 97, 58), (204, 196, 170), (92, 120, 84), (140, 60, 48),
          (214, 170, 92), (70, 70, 78), (182, 208, 214))


def post_picture(index):
    """A small PNG for post @index: a pot's glaze as a soft gradient, the same on every run.
    Instagram names its media .jpg; Rapport reads the format from the picture's first bytes."""
    size = 96
    top = GLAZES[index % len(GLAZES)]
    bottom = GLAZES[(index * 3 + 1) % len(GLAZES)]
    rows = bytearray()
    for y in range(size):
        mix = y / (size - 1)
        colour = bytes(int(a + (b - a) * mix) for a, b in zip(top, bottom))
        rows += b"\0" + colour * size

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def instagram_export(exported_at, followers, following, posts, interactions):
    files = {}
    base = "connections/followers_and_following/"
    files[base + "followers_1.json"] = [relation_row(n, t) for n, t in
                                        sorted(followers.items(), key=lambda item: -item[1])]
    files[base + "following.json"] = {"relationships_following": [
        relation_row(n, t) for n, t in sorted(following.items(), key=lambda item: -item[1])]}
    files["personal_information/personal_information/personal_information.json"] = {
        "profile_user": [{"title": "", "media_map_data": {}, "string_map_data": {
            "Username": {"href": "", "value": HANDLE_IG, "timestamp": 0},
            "Name": {"href": "", "value": mojibake(NAME), "timestamp": 0}}}]}

    mine = [p for p in posts if p["time"] < exported_at]
    feed = []
    reels = []
    insights = []
    for index, post in enumerate(mine):
        caption = mojibake(post["caption"])
        uri = f"media/posts/{day_string(post['time'])[:7].replace('-', '')}/{1000 + index}.jpg"
        if post["kind"] == "carousel":
            feed.append({"media": [{"uri": uri, "creation_timestamp": post["time"], "title": ""},
                                   {"uri": uri.replace(".jpg", "b.jpg"),
                                    "creation_timestamp": post["time"], "title": ""}],
                         "title": caption, "creation_timestamp": post["time"]})
        elif post["kind"] == "reel":
            reels.append({"media": [{"uri": uri.replace(".jpg", ".mp4"),
                                     "creation_timestamp": post["time"], "title": caption,
                                     "media_metadata": {"video_metadata": {"exif_data": []}}}]})
        else:
            feed.append({"media": [{"uri": uri, "creation_timestamp": post["time"],
                                    "title": caption}]})
        if post["kind"] != "reel":
            files[uri] = post_picture(index)
        # Counts keep growing a little after the first export.
        grown = 1.0 if exported_at == EXPORT_1 else 1.04

        def value(n):
            return {"value": f"{int(n * grown):,}", "timestamp": 0}

        insights.append({"media_map_data": {"Media Thumbnail": {
                             "uri": uri, "creation_timestamp": post["time"], "title": caption}},
                         "string_map_data": {
                             "Creation Timestamp": {"timestamp": post["time"]},
                             "Likes": value(post["likes"]), "Comments": value(post["comments"]),
                             "Saves": value(post["saves"]), "Shares": value(post["shares"]),
                             "Impressions": value(post["impressions"]),
                             "Accounts reached": value(post["impressions"] * 0.8),
                             "Follows": {"value": "--", "timestamp": 0}}})
    files["your_instagram_activity/content/posts_1.json"] = list(reversed(feed))
    files["your_instagram_activity/content/reels.json"] = {"ig_reels_media": list(reversed(reels))}
    files["logged_information/past_instagram_insights/posts.json"] = {
        "organic_insights_posts": list(reversed(insights))}
    files["logged_information/past_instagram_insights/audience_insights.json"] = {
        "organic_insights_audience": [{"media_map_data": {}, "string_map_data": {
            "Followers": {"value": f"{len(followers):,}", "timestamp": 0}}}]}

    # An export holds what was done before it was made.
    comments, likes = interactions
    files["your_instagram_activity/comments/post_comments_1.json"] = [
        {"media_list_data": [], "string_map_data": {
            "Comment": {"value": mojibake(text), "timestamp": 0},
            "Media Owner": {"value": owner, "timestamp": 0},
            "Time": {"value": "", "timestamp": t}}}
        for t, owner, text in comments if t < exported_at]
    files["your_instagram_activity/likes/liked_posts.json"] = {"likes_media_likes": [
        {"title": owner, "string_list_data": [{"href": f"https://www.instagram.com/p/{code}/",
                                               "value": mojibake("\U0001F44D"), "timestamp": t}]}
        for t, owner, code in likes if t < exported_at]}
    return {name: value if isinstance(value, bytes)
            else json.dumps(value, indent=2, ensure_ascii=True) for name, value in files.items()}


# ── Threads (inside the Instagram exports) ────────────────────────────────────────────────────

THREADS_START = ts(2023, 7, 6)
THREADS_TAGS = ("pottery", "wheelthrown", "glazetest", "ceramics")


def threads_history(rng, instagram_followers):
    """Mira's Threads profile from its launch to the second export, with a generator of its own:
    some of her Instagram followers follow her there too, she follows her partners, posts a few
    threads a month, replies to her partners and likes their threads."""
    known = sorted(instagram_followers)
    followers = {name: rng.randrange(THREADS_START, EXPORT_2 - DAY)
                 for name in rng.sample(known, 160)}
    following = {name: THREADS_START + rng.randrange(0, 20) * DAY
                 for name in (*PARTNERS, *CANDIDATES)}
    posts = []
    t = THREADS_START + DAY
    while t < EXPORT_2 - DAY:
        partner = rng.choice(sorted(PARTNERS))
        if rng.random() < 0.3:
            text = f"@{partner} love this \U0001F525"
            posts.append({"time": t, "text": text, "reply": True})
        else:
            tag = rng.choice(THREADS_TAGS)
            text = f"Studio notes \u2014 day {len(posts) + 1}: a new glaze on the wheel #{tag}"
            posts.append({"time": t, "text": text, "reply": False,
                          "photo": rng.random() < 0.25})
        t += rng.randrange(2, 9) * DAY + rng.randrange(0, DAY)
    likes = [{"owner": rng.choice(sorted(PARTNERS)), "time": rng.randrange(THREADS_START, EXPORT_2),
              "code": f"C{rng.randrange(10**6, 10**7)}"} for _ in range(30)]
    return followers, following, posts, likes


def threads_partly_mojibake(text):
    """Threads' text is mis-encoded in parts: here everything after the first space."""
    head, _, tail = text.partition(" ")
    return head + " " + mojibake(tail) if tail else text


def threads_relation_row(name, t):
    # Links of 2024 and later go to threads.com, older ones to threads.net/@<user>.
    href = (f"https://www.threads.com/{name}" if t >= ts(2024, 4, 23)
            else f"https://www.threads.net/@{name}")
    return {"title": threads_partly_mojibake(name.replace(".", " ").title() + " \u2728"),
            "string_list_data": [{"href": href, "value": name, "timestamp": t}]}


def threads_files(history, exported_at):
    """The files of the Threads part of an Instagram export made at @exported_at."""
    followers, following, posts, likes = history
    base = "your_instagram_activity/threads/"
    rows = []
    for post in (p for p in reversed(posts) if p["time"] < exported_at):
        uri = f"media/threads/{post['time']}.jpg" if post.get("photo") else ""
        rows.append({"media": [{"uri": uri, "creation_timestamp": post["time"],
                                "title": threads_partly_mojibake(post["text"]),
                                "text_app_post": {"reply_control": "everyone",
                                                  "is_reply": post["reply"]}}]})
    files = {
        base + "threads_and_replies.json": {"text_post_app_text_posts": rows},
        base + "followers_1.json": {"text_post_app_text_post_app_followers": [
            threads_relation_row(n, t) for n, t in sorted(followers.items(), key=lambda i: -i[1])
            if t < exported_at]},
        base + "following.json": {"text_post_app_text_post_app_following": [
            threads_relation_row(n, t) for n, t in sorted(following.items(), key=lambda i: -i[1])
            if t < exported_at]},
        base + "liked_threads.json": {"text_post_app_media_likes": [
            {"title": like["owner"], "media_list_data": [], "string_list_data": [
                {"href": f"https://www.threads.com/@{like['owner']}/post/{like['code']}",
                 "value": mojibake("\U0001F44D"), "timestamp": like["time"]}]}
            for like in sorted(likes, key=lambda like: -like["time"])
            if like["time"] < exported_at]},
    }
    return {name: json.dumps(value, indent=2, ensure_ascii=True) for name, value in files.items()}


# ── X / Twitter ───────────────────────────────────────────────────────────────────────────────

def js_file(global_name, rows):
    return f"window.{global_name} = " + json.dumps(rows, indent=2, ensure_ascii=False)


def twitter_date(t):
    return datetime.datetime.fromtimestamp(t, UTC).strftime("%a %b %d %H:%M:%S +0000 %Y")


def twitter_export(rng):
    times = post_schedule(rng, ts(2023, 1, 9), EXPORT_2 - DAY, per_week=(2, 5))
    tweets = []
    csv_rows = []
    texts = ("Kiln is loaded, fingers crossed", "New glaze test tiles are in", "Open studio this weekend",
             "Trimming forty bowls today", "What is your favourite clay body?", "Mugs restocked in the shop")
    for index, t in enumerate(times):
        tweet_id = str(1610000000000000000 + index * 7919 + rng.randrange(1000))
        kind = rng.choices(("post", "reply", "retweet"), (0.72, 0.16, 0.12))[0]
        tags = [tag for tag, p in (("pottery", 0.5), ("ceramics", 0.3), ("wheelthrown", 0.15)) if rng.random() < p]
        mention = rng.choice(tuple(PARTNERS)) if rng.random() < 0.1 else None
        text = rng.choice(texts)
        if mention:
            text += f" with @{mention}"
        text += "".join(f" #{tag}" for tag in tags)
        likes = int(max(0, rng.gauss(14, 6)) * (1.5 if mention else 1) * (1 + index / len(times)))
        retweets = int(likes * rng.uniform(0.05, 0.2))
        tweet = {
            "id_str": tweet_id, "id": tweet_id, "created_at": twitter_date(t),
            "favorite_count": str(likes), "retweet_count": str(retweets), "lang": "en",
            "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
            "entities": {"hashtags": [{"text": tag, "indices": ["0", "0"]} for tag in tags],
                         "user_mentions": ([{"screen_name": mention, "name": mention, "id_str": "1",
                                             "indices": ["0", "0"]}] if mention else []),
                         "symbols": [], "urls": []},
            "full_text": text, "truncated": False, "retweeted": False, "favorited": False,
        }
        if kind == "reply":
            tweet["in_reply_to_status_id_str"] = str(1600000000000000000 + rng.randrange(10**12))
            tweet["in_reply_to_screen_name"] = rng.choice(tuple(PARTNERS))
            tweet["full_text"] = f"@{tweet['in_reply_to_screen_name']} {text}"
        elif kind == "retweet":
            tweet["full_text"] = f"RT @{rng.choice(tuple(PARTNERS))}: {text}"
            tweet["favorite_count"] = "0"
        tweets.append({"tweet": tweet})

        if t >= ts(2024, 6, 1) and kind != "retweet":
            impressions = likes * rng.uniform(30, 60) + 80
            replies = rng.randrange(0, 4)
            engagements = likes + retweets + replies + rng.randrange(0, 20)
            csv_rows.append([tweet_id, f"https://twitter.com/{HANDLE}/status/{tweet_id}",
                             tweet["full_text"],
                             datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M +0000"),
                             f"{impressions:.1f}", f"{engagements:.1f}", f"{engagements / impressions:.5f}",
                             f"{retweets:.1f}", f"{replies:.1f}", f"{likes:.1f}"]
                            + ["0.0"] * 5 + ["0", "0"] + [f"{rng.randrange(0, 3):.1f}", "0", "0", "0", "0"]
                            + ["-"] * 18)
    tweets.reverse()

    followers = [str(10**8 + i * 104729) for i in range(640)]
    following = followers[:300] + [str(5 * 10**8 + i * 7717) for i in range(110)]
    archive = {
        "data/account.js": js_file("YTD.account.part0", [{"account": {
            "email": "mira@example.org", "createdVia": "web", "username": HANDLE,
            "accountId": "1480000000", "createdAt": "2022-01-10T10:00:00.000Z",
            "accountDisplayName": NAME}}]),
        "data/manifest.js": "window.__THAR_CONFIG = " + json.dumps({
            "userInfo": {"accountId": "1480000000", "userName": HANDLE, "displayName": NAME},
            "archiveInfo": {"sizeBytes": "123456", "generationDate": "2024-09-12T07:30:00.000Z",
                            "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
            "dataTypes": {"tweets": {"files": [{"fileName": "data/tweets.js",
                                                "globalName": "YTD.tweets.part0",
                                                "count": str(len(tweets))}]}}}, indent=2),
        "data/tweets.js": js_file("YTD.tweets.part0", tweets),
        "data/follower.js": js_file("YTD.follower.part0", [
            {"follower": {"accountId": i, "userLink": f"https://twitter.com/intent/user?user_id={i}"}}
            for i in followers]),
        "data/following.js": js_file("YTD.following.part0", [
            {"following": {"accountId": i, "userLink": f"https://twitter.com/intent/user?user_id={i}"}}
            for i in following]),
    }

    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements",
              "engagement rate", "retweets", "replies", "likes", "user profile clicks", "url clicks",
              "hashtag clicks", "detail expands", "permalink clicks", "app opens", "app installs",
              "follows", "email tweet", "dial phone", "media views", "media engagements",
              "promoted impressions", "promoted engagements", "promoted engagement rate",
              "promoted retweets", "promoted replies", "promoted likes",
              "promoted user profile clicks", "promoted url clicks", "promoted hashtag clicks",
              "promoted detail expands", "promoted permalink clicks", "promoted app opens",
              "promoted app installs", "promoted follows", "promoted email tweet",
              "promoted dial phone", "promoted media views", "promoted media engagements"]
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for row in csv_rows:
        writer.writerow(row)
    return archive, out.getvalue()


# ── TikTok ────────────────────────────────────────────────────────────────────────────────────

def tiktok_export(rng, names):
    start = ts(2023, 9, 18)
    viral = ts(2024, 5, 14, 18)
    fans = []
    # Her Instagram followers found the new account in its first weeks.
    for _ in range(160):
        fans.append((start + rng.randrange(0, 21 * DAY), names.take("person")))
    for _ in range(380):
        t = int(start + (EXPORT_2 - DAY - start) * math.sqrt(rng.random()))
        fans.append((t, names.take("person")))
    # The viral video brings followers within days, and they stay and like.
    for _ in range(330):
        fans.append((viral + rng.randrange(0, 4 * DAY), names.take("person")))
    fans.sort(reverse=True)
    following = [(t + rng.randrange(2, 90) * DAY, n) for t, n in rng.sample(fans[:400], 90)]
    following = [(min(t, EXPORT_2 - DAY), n) for t, n in following]
    following.sort(reverse=True)

    def stamp(t):
        return datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%d %H:%M:%S")

    fan_times = sorted(t for t, _ in fans)
    videos = []
    for index, t in enumerate(post_schedule(rng, start + 3 * DAY, EXPORT_2 - DAY, per_week=(2, 4))):
        audience = max(20, count_before(fan_times, t))
        likes = audience * 0.09 * math.exp(rng.gauss(0, 0.3))
        title = rng.choice(("Centering in slow motion", "Glaze reveal", "Kiln opening",
                            "Satisfying trimming"))
        tags = ["pottery", "asmr"] if rng.random() < 0.5 else ["pottery"]
        videos.append({"Date": stamp(t),
                       "Link": f"https://www.tiktokv.com/share/video/{7280000000000000000 + index * 104729}/",
                       "Likes": str(int(likes)), "Title": title + "".join(f" #{tag}" for tag in tags),
                       "WhoCanView": "Everyone", "Sound": "original sound"})
    videos.append({"Date": stamp(viral), "Link": "https://www.tiktokv.com/share/video/7369000000000000001/",
                   "Likes": "48210", "Title": "Ten years of practice in one pull #pottery #wheelthrown",
                   "WhoCanView": "Everyone", "Sound": "original sound"})
    videos.sort(key=lambda v: v["Date"], reverse=True)

    data = {
        "Profile": {"Profile Info": {"ProfileMap": {
            "userName": HANDLE, "displayName": NAME, "followerCount": len(fans),
            "followingCount": len(following), "likesReceived": "61234"}}},
        "Your Activity": {
            "Follower": {"FansList": [{"Date": stamp(t), "UserName": n} for t, n in fans]},
            "Following": {"Following": [{"Date": stamp(t), "UserName": n} for t, n in following]},
            "Hashtag": {"HashtagList": [{"HashtagName": "pottery", "HashtagLink": ""}]},
        },
        "Post": {"Posts": {"VideoList": videos}},
        "Comment": {"Comments": {"CommentsList": [
            {"date": stamp(EXPORT_2 - rng.randrange(2, 300) * DAY), "comment": "So satisfying"}
            for _ in range(12)]}},
    }
    return {"user_data_tiktok.json": json.dumps(data, indent=2, ensure_ascii=False)}


# ── Meta Business Suite ───────────────────────────────────────────────────────────────────────

META_START = ts(2024, 6, 1)
META_END = ts(2024, 9, 11)
META_ACCOUNT_ID = "17841400000000077"
META_TYPES = {"photo": "IG image", "carousel": "IG carousel", "reel": "IG reel"}


def meta_day(t):
    return datetime.datetime.fromtimestamp(t, UTC).strftime("%b-%d-%Y")


def meta_posts_csv(posts):
    """The posts CSV: UTF-8 with a BOM, quotes only where needed, captions over lines."""
    # Its own generator, so that the other platforms' data stay the same bytes.
    rng = random.Random(SEED + 77)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Post ID", "Account ID", "Account username", "Account name", "Description",
                     "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment",
                     "Date", "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves"])
    for index, post in enumerate(p for p in posts if META_START <= p["time"] < META_END + DAY):
        # The counts of the second export, which came out the next day.
        likes, comments, saves, shares = (int(post[key] * 1.04)
                                          for key in ("likes", "comments", "saves", "shares"))
        reach = int(post["impressions"] * 0.8 * 1.04)
        kind = post["kind"]
        link = "reel" if kind == "reel" else "p"
        writer.writerow([str(18040000000000000 + index * 7919), META_ACCOUNT_ID, HANDLE_IG, NAME,
                         post["caption"], rng.randrange(8, 60) if kind == "reel" else 0,
                         datetime.datetime.fromtimestamp(post["time"], UTC).strftime("%m/%d/%Y %H:%M"),
                         f"https://www.instagram.com/{link}/Mira{index:04d}/", META_TYPES[kind], "",
                         "Lifetime", int(post["impressions"] * 1.04 * rng.uniform(1.1, 1.4)), reach,
                         likes, shares, rng.randrange(0, 4), comments, saves])
    return "\ufeff" + out.getvalue()


def meta_follows_csv(organic_times):
    """Follows.csv: UTF-16LE with a BOM, a "sep=," line, the new follows of each day."""
    rng = random.Random(SEED + 78)
    lines = ["sep=,", '"Instagram follows"', '"Date","Primary"']
    day = META_START
    while day <= META_END:
        # Days without data are left out, as Meta does now and then.
        if rng.random() >= 0.04:
            gained = count_before(organic_times, day + DAY - 1) - count_before(organic_times, day - 1)
            stamp = datetime.datetime.fromtimestamp(day, UTC).strftime("%Y-%m-%dT00:00:00")
            lines.append(f'"{stamp}","{gained}"')
        day += DAY
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def meta_export(posts, organic_times):
    """One export folder, zipped: the posts CSV names the account for Follows.csv as well."""
    csv_name = f"{meta_day(META_START)}_{meta_day(META_END)}_{META_ACCOUNT_ID}.csv"
    return {csv_name: meta_posts_csv(posts).encode("utf-8"),
            "Follows.csv": meta_follows_csv(organic_times).encode("utf-16-le")}
# ── YouTube ───────────────────────────────────────────────────────────────────────────────────

YT_CHANNEL = "Mira Makes"
YT_CHANNEL_ID = "UC4mIrAmAkEsP0tTeRy2024x"
YT_START = ts(2024, 3, 4)
YT_VIRAL = ts(2024, 5, 14)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def youtube_subscribers(t):
    """Subscribers at @t: slow growth, then a jump in the week after TikTok's viral video."""
    days = (t - YT_START) / DAY
    total = 40 + 2.1 * days
    if t > YT_VIRAL:
        total += 260 * min(1.0, (t - YT_VIRAL) / (6 * DAY))
    return int(total)


def csv_text(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def youtube_exports(rng):
    """The Takeout and the Studio export: two zips' files."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    titles = ("Throwing a tall vase", "Trimming ten bowls", "Glaze test results", "Kiln opening",
              "Studio tour", "Wedging clay, explained", "A mug from start to finish")
    videos = []
    t = YT_START + 17 * 3600
    while t < EXPORT_2 - 2 * DAY:
        video_id = "".join(rng.choice(alphabet) for _ in range(11))
        title = f"{rng.choice(titles)} #pottery"
        audience = youtube_subscribers(t)
        views = int(audience * 1.4 * math.exp(rng.gauss(0, 0.35)))
        videos.append({"id": video_id, "title": title, "time": t, "views": views,
                       "impressions": int(views * 11.5), "likes": int(views * 0.052),
                       "comments": int(views * 0.006), "shares": int(views * 0.004),
                       "gained": int(views * 0.012)})
        t += rng.randint(6, 9) * DAY + rng.randrange(-3, 4) * 3600

    def stamp(t):
        return datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")

    root = "Takeout/YouTube and YouTube Music/"
    takeout = {
        root + "channels/channel.csv": csv_text([
            ("Channel ID", "Channel Title (Original)", "Channel Visibility"),
            (YT_CHANNEL_ID, YT_CHANNEL, "Public")]),
        root + "video metadata/videos.csv": csv_text(
            [("Video ID", "Approx Duration (ms)", "Video Audio Language", "Video Category",
              "Video Description (Original)", "Channel ID", "Video Title (Original)", "Privacy",
              "Video State", "Video Create Timestamp", "Video Publish Timestamp")]
            + [(v["id"], str(rng.randrange(240, 1500) * 1000), "en", "Howto & Style",
                "From my studio, one pot at a time.", YT_CHANNEL_ID, v["title"], "Public",
                "Processed", stamp(v["time"] - DAY), stamp(v["time"])) for v in videos]),
        root + "subscriptions/subscriptions.csv": csv_text(
            [("Channel Id", "Channel Url", "Channel Title")]
            + [(f"UC{name.replace('.', '')[:10]:x<10}000000000000",
                f"http://www.youtube.com/channel/UC{name.replace('.', '')[:10]:x<10}000000000000",
                name.replace(".", " ").title()) for name in (*PARTNERS, *CANDIDATES)]),
    }

    def published(t):
        day = datetime.datetime.fromtimestamp(t, UTC)
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"

    header = ("Content", "Video title", "Video publish time", "Duration", "Views",
              "Watch time (hours)", "Subscribers", "Impressions",
              "Impressions click-through rate (%)", "Likes", "Comments added", "Shares",
              "Subscribers gained")
    rows = [(v["id"], v["title"], published(v["time"]), str(rng.randrange(240, 1500)),
             str(v["views"]), f"{v['views'] * 0.09:.1f}", str(v["gained"] - v["gained"] // 8),
             str(v["impressions"]), f"{100 * v['views'] / v['impressions']:.1f}",
             str(v["likes"]), str(v["comments"]), str(v["shares"]), str(v["gained"]))
            for v in sorted(videos, key=lambda v: v["views"], reverse=True)]
    total = ("Total", "", "", "", str(sum(v["views"] for v in videos)), "", "",
             str(sum(v["impressions"] for v in videos)), "",
             str(sum(v["likes"] for v in videos)), str(sum(v["comments"] for v in videos)),
             str(sum(v["shares"] for v in videos)), str(sum(v["gained"] for v in videos)))
    # Studio leaves out days it has not counted yet.
    subscribers = [(day_string(day), str(youtube_subscribers(day)))
                   for day in range(YT_START, EXPORT_2 - DAY, DAY) if rng.random() > 0.08]
    studio = {
        "Table data.csv": csv_text([header, total, *rows]),
        "Subscribers.csv": csv_text([("Date", "Subscribers"), *subscribers]),
    }
    return takeout, studio


# ── TikTok Studio ─────────────────────────────────────────────────────────────────────────────

STUDIO_OUTPUT = "tiktok-miramakes-2024-09-12-studio.zip"
STUDIO_DAYS = 60
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def tiktok_studio_export(data_export):
    """Studio's FollowerHistory.csv of the 60 days before the export, counted from the follow
    dates of the data export written at @data_export, so that both tell one story: on its last
    day the total is the profile's followerCount.  As Studio writes it: a BOM, every field
    quoted, days without a year, CRLF between rows and none after the last."""
    with zipfile.ZipFile(data_export) as archive:
        data = json.loads(archive.read("user_data_tiktok.json"))
    fans = sorted(int(datetime.datetime.strptime(fan["Date"], "%Y-%m-%d %H:%M:%S")
                      .replace(tzinfo=UTC).timestamp())
                  for fan in data["Your Activity"]["Follower"]["FansList"])
    rows = [("Date", "Followers", "Difference in followers from previous day")]
    previous = None
    for day in range(EXPORT_2 - STUDIO_DAYS * DAY, EXPORT_2, DAY):
        date = datetime.datetime.fromtimestamp(day, UTC)
        total = count_before(fans, day + DAY - 1)
        difference = "undefined" if previous is None else str(total - previous)
        rows.append((f"{MONTH_NAMES[date.month - 1]} {date.day}", str(total), difference))
        previous = total
    text = "\r\n".join(",".join(f'"{field}"' for field in row) for row in rows)
    return {"FollowerHistory.csv": "\ufeff" + text}


# ── Mastodon ──────────────────────────────────────────────────────────────────────────────────
#
# Her account on a craft server since the X exodus of November 2022.  Posts with the hashtags
# people follow there, a few with @claycollective (an account of the same server, whom a
# Mention names without a host) and @jun@glaze.garden; and replies, boosts and likes of
# @kate@kiln.club and @glazelab@berlin.social, whom she follows but has never posted with.  The
# archive of September 2024 has no counts: servers wrote them from late 2024 on.

MASTODON_HOST = "ceramics.social"
MASTODON_USER = "mira"
MASTODON_ACTOR = f"https://{MASTODON_HOST}/users/{MASTODON_USER}"
MASTODON_START = ts(2022, 11, 14)
MASTODON_OUTPUT = "archive-20240912080000-5a3f9c2e1b7d4a60.tar.gz"
MASTODON_TAGS = ("Pottery", "Ceramics", "WheelThrown", "GlazeTest", "MastoArt", "Clay")
# Address, posts made with them.
MASTODON_PARTNERS = {"claycollective@" + MASTODON_HOST: 4, "jun@glaze.garden": 3}
# Address, replies, boosts and likes: she follows them, never posted with them.
MASTODON_CANDIDATES = {"kate@kiln.club": (8, 4, 10), "glazelab@berlin.social": (5, 3, 6)}
MASTODON_SERVERS = ("mastodon.social", "mastodon.art", "kiln.club", "fosstodon.org",
                    "berlin.social", "glaze.garden")


def iso_time(t):
    return datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def mastodon_status_id(t, n):
    """Mastodon's ids: milliseconds shifted left by 16 bits, a sequence below."""
    return str((t * 1000 << 16) + n)


def mastodon_account_url(address):
    user, host = address.split("@")
    return f"https://{host}/users/{user}"


def mastodon_post_url(address, status):
    user, host = address.split("@")
    return f"https://{host}/users/{user}/statuses/{status}"


def mastodon_mention(address):
    user, host = address.split("@")
    # A local account is named without its host; its href has it.
    name = f"@{user}" if host == MASTODON_HOST else f"@{address}"
    html = (f'<span class="h-card"><a href="https://{host}/@{user}" class="u-url mention">'
            f'@<span>{user}</span></a></span>')
    return {"type": "Mention", "href": mastodon_account_url(address), "name": name}, html


def mastodon_note(t, n, text, tags=(), mentions=(), reply_to=None, direct=None):
    status = mastodon_status_id(t, n)
    followers = f"{MASTODON_ACTOR}/followers"
    tag_list = []
    words = []
    for address in mentions:
        tag, html = mastodon_mention(address)
        tag_list.append(tag)
        words.append(html)
    words.append(text.replace("&", "&amp;"))
    for name in tags:
        tag_list.append({"type": "Hashtag", "href": f"https://{MASTODON_HOST}/tags/{name.lower()}",
                         "name": f"#{name}"})
        words.append(f'<a href="https://{MASTODON_HOST}/tags/{name.lower()}" '
                     f'class="mention hashtag" rel="tag">#<span>{name}</span></a>')
    if direct is not None:
        to, cc = [mastodon_account_url(direct)], []
    else:
        to = ["https://www.w3.org/ns/activitystreams#Public"]
        cc = [followers] + [mastodon_account_url(a) for a in mentions]
    note = {
        "id": f"{MASTODON_ACTOR}/statuses/{status}",
        "type": "Note",
        "summary": None,
        "inReplyTo": reply_to,
        "published": iso_time(t),
        "url": f"https://{MASTODON_HOST}/@{MASTODON_USER}/{status}",
        "attributedTo": MASTODON_ACTOR,
        "to": to,
        "cc": cc,
        "sensitive": False,
        "content": "<p>" + " ".join(words) + "</p>",
        "attachment": [],
        "tag": tag_list,
        "replies": {"id": f"{MASTODON_ACTOR}/statuses/{status}/replies", "type": "Collection",
                    "first": {"type": "CollectionPage", "items": []}},
    }
    return {"id": f"{MASTODON_ACTOR}/statuses/{status}/activity", "type": "Create",
            "actor": MASTODON_ACTOR, "published": iso_time(t), "to": to, "cc": cc,
            "object": note}


def mastodon_export(rng):
    """outbox.json, actor.json, likes.json, bookmarks.json and following_accounts.csv."""
    followed = list(MASTODON_PARTNERS) + list(MASTODON_CANDIDATES)
    while len(followed) < 38:
        address = f"{rng.choice(FIRST)}{rng.randrange(1, 99)}@{rng.choice(MASTODON_SERVERS)}"
        if address not in followed:
            followed.append(address)
    others = followed[len(MASTODON_PARTNERS) + len(MASTODON_CANDIDATES):]

    items = []
    times = post_schedule(rng, MASTODON_START, EXPORT_2 - DAY, per_week=(1, 2))
    partner_posts = [p for p, n in MASTODON_PARTNERS.items() for _ in range(n)]
    partner_at = set(rng.sample(range(len(times)), len(partner_posts)))
    for n, t in enumerate(times):
        tags = rng.sample(MASTODON_TAGS, rng.randrange(1, 4))
        mentions = (partner_posts.pop(),) if n in partner_at else ()
        text = rng.choice(("Fresh out of the kiln.", "Trimming day in the studio.",
                           "New glaze test tiles, notes below.", "Slow mornings at the wheel.",
                           "A mug for every shelf."))
        if mentions:
            text = "Made this one together with"
        items.append((t, mastodon_note(t, n, text, tags, mentions)))
    # A followers-only post, and a direct message, which is never a post.
    t = ts(2024, 6, 3, 9)
    followers_only = mastodon_note(t, 900, "Studio sale for followers first.", ("Pottery",))
    followers_only["to"] = followers_only["object"]["to"] = [f"{MASTODON_ACTOR}/followers"]
    followers_only["cc"] = followers_only["object"]["cc"] = []
    items.append((t, followers_only))
    t = ts(2024, 6, 4, 18)
    items.append((t, mastodon_note(t, 901, "See you at the market?", (), ("kate@kiln.club",),
                                   direct="kate@kiln.club")))

    likes = []
    seq = 1000
    people = [(a, c) for a, c in MASTODON_CANDIDATES.items()]
    people += [(a, (rng.randrange(0, 2), rng.randrange(0, 2), rng.randrange(0, 3)))
               for a in others]
    for address, (n_replies, n_boosts, n_likes) in people:
        for _ in range(n_replies):
            t = rng.randrange(MASTODON_START + 30 * DAY, EXPORT_2 - DAY)
            seq += 1
            # Her replies mention whom they answer, as Mastodon fills it in.
            items.append((t, mastodon_note(t, seq, "Thank you, that means a lot!", (),
                                           (address,),
                                           reply_to=mastodon_post_url(address, seq * 7))))
        for _ in range(n_boosts):
            t = rng.randrange(MASTODON_START + 30 * DAY, EXPORT_2 - DAY)
            seq += 1
            status = mastodon_status_id(t, seq)
            items.append((t, {"id": f"{MASTODON_ACTOR}/statuses/{status}/activity",
                              "type": "Announce", "actor": MASTODON_ACTOR,
                              "published": iso_time(t),
                              "to": ["https://www.w3.org/ns/activitystreams#Public"],
                              "cc": [mastodon_account_url(address), f"{MASTODON_ACTOR}/followers"],
                              "object": mastodon_post_url(address, seq * 11)}))
        for _ in range(n_likes):
            seq += 1
            likes.append(mastodon_post_url(address, seq * 13))
    items.sort(key=lambda item: item[0], reverse=True)
    rng.shuffle(likes)

    context = "https://www.w3.org/ns/activitystreams"
    outbox = {"@context": context, "id": "outbox.json", "type": "OrderedCollection",
              "totalItems": len(items), "orderedItems": [item for _, item in items]}
    actor = {"@context": context, "id": MASTODON_ACTOR, "type": "Person",
             "preferredUsername": MASTODON_USER, "name": NAME,
             "summary": "<p>Potter. Wheel-thrown stoneware, glaze notes, studio life.</p>",
             "url": f"https://{MASTODON_HOST}/@{MASTODON_USER}",
             "published": iso_time(MASTODON_START), "outbox": "outbox.json",
             "likes": "likes.json", "bookmarks": "bookmarks.json"}
    liked = {"@context": context, "id": "likes.json", "type": "OrderedCollection",
             "totalItems": len(likes), "orderedItems": likes}
    bookmarks = {"@context": context, "id": "bookmarks.json", "type": "OrderedCollection",
                 "totalItems": 1, "orderedItems": [mastodon_post_url("kate@kiln.club", 42)]}
    following = "Account address,Show boosts,Notify on new posts,Languages\n" + "".join(
        f"{address},true,false,\n" for address in followed)
    return {
        "outbox.json": json.dumps(outbox, ensure_ascii=False, indent=1),
        "actor.json": json.dumps(actor, ensure_ascii=False, indent=1),
        "likes.json": json.dumps(liked, indent=1),
        "bookmarks.json": json.dumps(bookmarks, indent=1),
        # Downloaded apart from the archive (Import and export → Data export) and put with it.
        "following_accounts.csv": following,
    }


def write_tar_gz(path, files):
    """A tarball as Mastodon writes its archive, the same bytes on every run."""
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as compressed:
            with tarfile.open(fileobj=compressed, mode="w", format=tarfile.USTAR_FORMAT) as tar:
                for name in sorted(files):
                    content = files[name]
                    data = content if isinstance(content, bytes) else content.encode("utf-8")
                    info = tarfile.TarInfo(name)
                    info.size = len(data)
                    info.mtime = EXPORT_2 + 8 * 3600
                    info.mode = 0o644
                    tar.addfile(info, io.BytesIO(data))


# ── Bluesky ───────────────────────────────────────────────────────────────────────────────────
#
# Her account since November 2023, a repository export (CAR v1 of DAG-CBOR blocks) of
# September 2024: posts with hashtag facets, three with the clay collective, replies to, quotes
# and reposts of Kate and the glaze lab, whom she follows and has never posted with, likes and
# follows.  The repository names accounts by DID only; the file's name gives her handle.

BLUESKY_OUTPUT = "repo-miramakes.bsky.social.car"
BLUESKY_START = ts(2023, 11, 20)
BLUESKY_TAGS = ("pottery", "ceramics", "wheelthrown", "glazetest", "clay")
BASE32_SORT = "234567abcdefghijklmnopqrstuvwxyz"


def bluesky_did(name):
    """A did:plc of 24 base32 letters, made of the name."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return "did:plc:" + base64.b32encode(digest[:15]).decode("ascii").lower()


BLUESKY_DID = bluesky_did("miramakes.bsky.social")
BLUESKY_PARTNER = bluesky_did("claycollective.bsky.social")
# Replies, reposts, quotes and likes.
BLUESKY_CANDIDATES = {bluesky_did("kiln-kate.bsky.social"): (6, 3, 2, 12),
                      bluesky_did("glazelab.berlin"): (4, 2, 0, 7)}


def tid(t, clock=0):
    """A record key: microseconds and a clock id, in sortable base32."""
    value = (t * 1000000 << 10) | (clock & 1023)
    text = ""
    for _ in range(13):
        text = BASE32_SORT[value & 31] + text
        value >>= 5
    return text


class Link:
    """A CID in a record: DAG-CBOR's tag 42."""

    def __init__(self, cid):
        self.cid = cid


def cbor_head(major, value):
    if value < 24:
        return bytes([major << 5 | value])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | extra]) + value.to_bytes(size, "big")
    raise ValueError(value)


def cbor(value):
    """DAG-CBOR: shortest heads, map keys by length then bytes."""
    if value is None:
        return b"\xf6"
    if isinstance(value, bool):
        return b"\xf5" if value else b"\xf4"
    if isinstance(value, int):
        return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(cbor(item) for item in value)
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (len(k.encode("utf-8")), k.encode("utf-8")))
        return cbor_head(5, len(keys)) + b"".join(cbor(k) + cbor(value[k]) for k in keys)
    if isinstance(value, Link):
        return b"\xd8\x2a" + cbor(b"\x00" + value.cid)
    raise TypeError(value)


def cid_of(block):
    """CIDv1, dag-cbor, sha2-256."""
    return bytes([0x01, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def mst_layer(key):
    """The tree layer of a key: leading zero bits of its SHA-256, two per layer."""
    digest = hashlib.sha256(key.encode("ascii")).digest()
    zeros = 0
    for byte in digest:
        if byte == 0:
            zeros += 8
            continue
        zeros += 8 - byte.bit_length()
        break
    return zeros // 2


def mst_node(entries, layer, blocks):
    """The node of @layer over @entries (key, CID of the record), sorted; its CID."""
    node = {"l": None, "e": []}
    pending = []
    previous = b""

    def subtree():
        return Link(mst_node(pending, layer - 1, blocks)) if pending else None

    for key, value in entries:
        if mst_layer(key) < layer:
            pending.append((key, value))
            continue
        tree = subtree()
        if node["e"]:
            node["e"][-1]["t"] = tree
        else:
            node["l"] = tree
        pending = []
        data = key.encode("ascii")
        shared = 0
        while shared < min(len(previous), len(data)) and previous[shared] == data[shared]:
            shared += 1
        node["e"].append({"p": shared, "k": data[shared:], "v": Link(value), "t": None})
        previous = data
    tree = subtree()
    if node["e"]:
        node["e"][-1]["t"] = tree
    else:
        node["l"] = tree
    block = cbor(node)
    cid = cid_of(block)
    blocks.append((cid, block))
    return cid


def bluesky_facets(text, tags):
    """The text with #tags appended, and their facets by byte offsets."""
    facets = []
    for tag in tags:
        text += " "
        start = len(text.encode("utf-8"))
        text += f"#{tag}"
        facets.append({"index": {"byteStart": start, "byteEnd": len(text.encode("utf-8"))},
                       "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": tag}]})
    return text, facets


def bluesky_export(rng):
    """Mira's repository as one CAR file."""
    records = {}
    clock = 0

    def key(collection, t):
        nonlocal clock
        clock += 1
        return f"{collection}/{tid(t, clock)}"

    def post_uri(did, n):
        return {"uri": f"at://{did}/app.bsky.feed.post/{tid(BLUESKY_START + n * 3600, 7)}",
                "cid": "bafyreib2rxk3rybk3aobmv5cjuql3bm2twh4jo5uxgf5qmxhrz2dnpfafm"}

    records["app.bsky.actor.profile/self"] = {
        "$type": "app.bsky.actor.profile", "displayName": NAME,
        "description": "Potter. Wheel-thrown stoneware and glaze notes."}

    times = post_schedule(rng, BLUESKY_START, EXPORT_2 - DAY, per_week=(1, 3))
    with_partner = set(rng.sample(range(len(times)), 3))
    for n, t in enumerate(times):
        text = rng.choice(("Out of the kiln today.", "Glaze tests, round three.",
                           "Throwing a set of bowls.", "Studio light this morning."))
        text, facets = bluesky_facets(text, rng.sample(BLUESKY_TAGS, rng.randrange(1, 3)))
        if n in with_partner:
            mention = "@claycollective.bsky.social"
            start = len("With ".encode("utf-8"))
            text = f"With {mention}: " + text
            shift = len(f"With {mention}: ".encode("utf-8"))
            for facet in facets:
                facet["index"]["byteStart"] += shift
                facet["index"]["byteEnd"] += shift
            facets.insert(0, {"index": {"byteStart": start,
                                        "byteEnd": start + len(mention.encode("utf-8"))},
                              "features": [{"$type": "app.bsky.richtext.facet#mention",
                                            "did": BLUESKY_PARTNER}]})
        records[key("app.bsky.feed.post", t)] = {
            "$type": "app.bsky.feed.post", "text": text, "facets": facets, "langs": ["en"],
            "createdAt": iso_time(t)}

    followed = [BLUESKY_PARTNER, *BLUESKY_CANDIDATES]
    while len(followed) < 45:
        did = bluesky_did(f"{rng.choice(FIRST)}{rng.randrange(1, 999)}.bsky.social")
        if did not in followed:
            followed.append(did)
    for did in followed:
        t = rng.randrange(BLUESKY_START, EXPORT_2 - DAY)
        records[key("app.bsky.graph.follow", t)] = {
            "$type": "app.bsky.graph.follow", "subject": did, "createdAt": iso_time(t)}

    people = list(BLUESKY_CANDIDATES.items())
    people += [(did, (0, 0, 0, rng.randrange(0, 3))) for did in followed[3:]]
    seq = 0
    for did, (n_replies, n_reposts, n_quotes, n_likes) in people:
        for _ in range(n_replies):
            t = rng.randrange(BLUESKY_START + 7 * DAY, EXPORT_2 - DAY)
            seq += 1
            parent = post_uri(did, seq)
            records[key("app.bsky.feed.post", t)] = {
                "$type": "app.bsky.feed.post", "text": "So good to see this!",
                "reply": {"root": parent, "parent": parent}, "langs": ["en"],
                "createdAt": iso_time(t)}
        for _ in range(n_quotes):
            t = rng.randrange(BLUESKY_START + 7 * DAY, EXPORT_2 - DAY)
            seq += 1
            records[key("app.bsky.feed.post", t)] = {
                "$type": "app.bsky.feed.post", "text": "Everyone should see this glaze.",
                "embed": {"$type": "app.bsky.embed.record", "record": post_uri(did, seq)},
                "langs": ["en"], "createdAt": iso_time(t)}
        for collection, count in (("app.bsky.feed.repost", n_reposts),
                                  ("app.bsky.feed.like", n_likes)):
            for _ in range(count):
                t = rng.randrange(BLUESKY_START + 7 * DAY, EXPORT_2 - DAY)
                seq += 1
                records[key(collection, t)] = {"$type": collection, "subject": post_uri(did, seq),
                                               "createdAt": iso_time(t)}

    blocks = []
    entries = []
    for record_key in sorted(records):
        block = cbor(records[record_key])
        cid = cid_of(block)
        blocks.append((cid, block))
        entries.append((record_key, cid))
    top = max(mst_layer(k) for k, _ in entries)
    data = mst_node(entries, top, blocks)
    commit = cbor({"did": BLUESKY_DID, "version": 3, "data": Link(data),
                   "rev": tid(EXPORT_2 + 8 * 3600), "prev": None, "sig": bytes(64)})
    root = cid_of(commit)
    blocks.append((root, commit))
    header = cbor({"roots": [Link(root)], "version": 1})
    out = bytearray(varint(len(header)) + header)
    for cid, block in blocks:
        out += varint(len(cid) + len(block)) + cid + block
    return bytes(out)


# ── output ────────────────────────────────────────────────────────────────────────────────────

def write_zip(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            content = files[name]
            archive.writestr(info, content if isinstance(content, bytes) else content.encode("utf-8"))


OUTPUTS = (
    "instagram-mira.makes-2024-03-10-SmPl01.zip",
    "instagram-mira.makes-2024-09-12-SmPl02.zip",
    "tiktok-miramakes-2024-09-12.zip",
    "tweet_activity_metrics_miramakes_20240601_20240912_en.csv",
    "twitter-2024-09-12-miramakes.zip",
    # After the Instagram exports by name, as the window imports them: the posts are there to
    # be joined.
    "meta-business-suite-mira.makes-Jun-01-2024_Sep-11-2024.zip",
    "takeout-20240912T080000Z-001.zip",
    "Content 2024-03-01_2024-09-12 Mira Makes.zip",
)


def main():
    parser = argparse.ArgumentParser(description="Write the exports of Rapport's sample creator.")
    parser.add_argument("output", help="the folder to write the exports into")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)

    rng = random.Random(SEED)
    names = Names(rng)
    followers_1, following_1, followers_2, following_2, organic_times = instagram_people(rng, names)
    posts = instagram_posts(rng, organic_times)
    interactions = instagram_interactions(rng)
    # Her Threads profile comes inside both Instagram exports, from a generator of its own.
    threads = threads_history(random.Random(SEED + 4), followers_2)
    write_zip(os.path.join(args.output, OUTPUTS[0]),
              {**instagram_export(EXPORT_1, followers_1, following_1, posts, interactions),
               **threads_files(threads, EXPORT_1)})
    write_zip(os.path.join(args.output, OUTPUTS[1]),
              {**instagram_export(EXPORT_2, followers_2, following_2, posts, interactions),
               **threads_files(threads, EXPORT_2)})
    write_zip(os.path.join(args.output, OUTPUTS[2]), tiktok_export(rng, names))
    archive, analytics = twitter_export(rng)
    with open(os.path.join(args.output, OUTPUTS[3]), "w", encoding="utf-8", newline="") as f:
        f.write(analytics)
    write_zip(os.path.join(args.output, OUTPUTS[4]), archive)
    write_zip(os.path.join(args.output, OUTPUTS[5]), meta_export(posts, organic_times))
    # A generator of its own, so that the other platforms' numbers stay as they were.
    takeout, studio = youtube_exports(random.Random(SEED + 1))
    write_zip(os.path.join(args.output, OUTPUTS[6]), takeout)
    write_zip(os.path.join(args.output, OUTPUTS[7]), studio)
    write_zip(os.path.join(args.output, STUDIO_OUTPUT),
              tiktok_studio_export(os.path.join(args.output, OUTPUTS[2])))
    # Generators of their own too.
    write_tar_gz(os.path.join(args.output, MASTODON_OUTPUT),
                 mastodon_export(random.Random(SEED + 2)))
    with open(os.path.join(args.output, BLUESKY_OUTPUT), "wb") as f:
        f.write(bluesky_export(random.Random(SEED + 3)))


if __name__ == "__main__":
    main()
