#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes one large synthetic export of a platform for the benchmark's memory table: big enough
# that its largest file is tens of MB, in the formats of /work/shared/FORMATS.md and the
# fixtures under tests/fixtures/.  The writers of the sample data (DAG-CBOR and the search tree
# of Bluesky, Mastodon's notes, Meta's mis-encoding) are imported from
# generate-sample-data.py.  A fixed seed per platform: the same bytes on every run.
#
#   build-aux/generate-platform-exports.py PLATFORM OUTPUT_FOLDER
#
# PLATFORM is one of the keys of PLATFORMS below; OUTPUT_FOLDER receives the export as a folder
# (or a single file) named as the platform names it.

import argparse
import csv
import datetime
import functools
import importlib.util
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# No __pycache__ beside the fixtures' generator.
sys.dont_write_bytecode = True


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sample = load("sample_data", os.path.join(HERE, "generate-sample-data.py"))
xlsx = load("xlsx_fixtures", os.path.join(HERE, "..", "tests", "fixtures",
                                          "generate-xlsx-fixtures.py"))

SEED = 20250101
DAY = 86400
UTC = datetime.timezone.utc
EXPORT = sample.ts(2025, 1, 1)
# Follows, posts and rows spread over the eight years before the export.
SPAN = 8 * 365 * DAY
# The first names of the sample data, with some that Meta mis-encodes.
FIRST = sample.FIRST + ("andré", "zoë", "jürgen", "søren", "chloé", "józef")
LAST = ("lind", "okafor", "martin", "lee", "chen", "park", "müller", "ferreira", "novák",
        "kowalski", "rossi", "dubois", "nakamura", "silva")
WORDS = sample.WORDS


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def when(rng):
    return EXPORT - rng.randrange(DAY, SPAN)


def person(rng):
    return f"{rng.choice(FIRST).title()} {rng.choice(LAST).title()}"


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def csv_text(rows, lineterminator="\n"):
    out = io.StringIO()
    csv.writer(out, lineterminator=lineterminator).writerows(rows)
    return out.getvalue()


def meta_json(value):
    """As Meta writes JSON: two-space indent, every non-ASCII byte a \\u00XX escape."""
    return json.dumps(value, indent=2, ensure_ascii=True)


# ── Facebook ──────────────────────────────────────────────────────────────────────────────────

def facebook(out):
    """300,000 followers, 5,000 friends (some names twice), 1,000 followings, 20,000 posts."""
    rng = random.Random(SEED + 1)
    root = os.path.join(out, "facebook-bench.page-2025-01-01-Fb0001")
    base = os.path.join(root, "connections")
    followers = [{"name": sample.mojibake(person(rng)), "timestamp": when(rng)}
                 for _ in range(300000)]
    followers.sort(key=lambda row: -row["timestamp"])
    write(os.path.join(base, "followers", "people_who_followed_you.json"), meta_json(followers))
    write(os.path.join(base, "followers", "who_you've_followed.json"), meta_json(
        {"following_v3": [{"name": sample.mojibake(person(rng)), "timestamp": when(rng)}
                          for _ in range(1000)]}))
    write(os.path.join(base, "friends", "your_friends.json"), meta_json(
        {"friends_v2": [{"name": sample.mojibake(person(rng)), "timestamp": when(rng)}
                        for _ in range(5000)]}))
    posts = []
    for i in range(20000):
        t = when(rng)
        posts.append({"timestamp": t,
                      "data": [{"post": sample.mojibake(sentence(rng, 12) + " #pottery")},
                               {"update_timestamp": t + 60}],
                      "title": sample.mojibake("Bench Page updated their status.")})
    posts.sort(key=lambda row: -row["timestamp"])
    write(os.path.join(root, "your_facebook_activity", "posts",
                       "your_posts__check_ins__photos_and_videos_1.json"), meta_json(posts))
    write(os.path.join(root, "personal_information", "profile_information",
                       "profile_information.json"), meta_json(
        {"profile_v2": {"name": {"full_name": "Bench Page", "first_name": "Bench",
                                 "middle_name": "", "last_name": "Page"},
                        "profile_uri": "https://www.facebook.com/bench.page"}}))


# ── Bluesky ───────────────────────────────────────────────────────────────────────────────────

def bluesky(out):
    """A repository of 200,000 records: 20,000 posts, 30,000 follows, 150,000 likes."""
    rng = random.Random(SEED + 2)
    # Each key's layer is asked once per level of the tree.
    sample.mst_layer = functools.lru_cache(maxsize=None)(sample.mst_layer)
    did = sample.bluesky_did("bench.bsky.social")
    records = {"app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile",
                                               "displayName": "Bench"}}
    clock = 0

    def add(collection, t, record):
        nonlocal clock
        clock += 1
        records[f"{collection}/{sample.tid(t, clock)}"] = record

    others = [sample.bluesky_did(f"user{i}.bsky.social") for i in range(30000)]
    for _ in range(20000):
        t = when(rng)
        text, facets = sample.bluesky_facets(sentence(rng, 10),
                                             rng.sample(sample.BLUESKY_TAGS, 2))
        add("app.bsky.feed.post", t, {"$type": "app.bsky.feed.post", "text": text,
                                      "facets": facets, "langs": ["en"],
                                      "createdAt": sample.iso_time(t)})
    for subject in others:
        t = when(rng)
        add("app.bsky.graph.follow", t, {"$type": "app.bsky.graph.follow", "subject": subject,
                                         "createdAt": sample.iso_time(t)})
    for n in range(150000):
        t = when(rng)
        author = rng.choice(others)
        add("app.bsky.feed.like", t, {
            "$type": "app.bsky.feed.like", "createdAt": sample.iso_time(t),
            "subject": {"uri": f"at://{author}/app.bsky.feed.post/{sample.tid(t - DAY, n)}",
                        "cid": "bafyreib2rxk3rybk3aobmv5cjuql3bm2twh4jo5uxgf5qmxhrz2dnpfafm"}})

    blocks = []
    entries = []
    for key in sorted(records):
        block = sample.cbor(records[key])
        cid = sample.cid_of(block)
        blocks.append((cid, block))
        entries.append((key, cid))
    top = max(sample.mst_layer(k) for k, _ in entries)
    data = sample.mst_node(entries, top, blocks)
    commit = sample.cbor({"did": did, "version": 3, "data": sample.Link(data),
                          "rev": sample.tid(EXPORT), "prev": None, "sig": bytes(64)})
    root = sample.cid_of(commit)
    blocks.append((root, commit))
    header = sample.cbor({"roots": [sample.Link(root)], "version": 1})
    parts = [sample.varint(len(header)), header]
    for cid, block in blocks:
        parts += [sample.varint(len(cid) + len(block)), cid, block]
    write(os.path.join(out, "repo-bench.bsky.social.car"), b"".join(parts))


# ── LinkedIn ──────────────────────────────────────────────────────────────────────────────────

def linkedin(out):
    """The member export: 30,000 connections (LinkedIn's most), 50,000 shares, 100,000
    reactions and 50,000 comments."""
    rng = random.Random(SEED + 3)
    root = os.path.join(out, "Basic_LinkedInDataExport_01-01-2025")

    def day(t, form):
        return datetime.datetime.fromtimestamp(t, UTC).strftime(form)

    notes = ("Notes:\n\"When exporting your connection data, you may notice that some of the "
             "email addresses are missing.\"\n\n")
    rows = [("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
             "Connected On")]
    for i in range(30000):
        first, last = rng.choice(FIRST).title(), rng.choice(LAST).title()
        rows.append((first, last, f"https://www.linkedin.com/in/{first}-{last}-{i:x}".lower(),
                     "", f"{rng.choice(WORDS).title()} Studio", "Potter",
                     day(when(rng), "%d %b %Y")))
    write(os.path.join(root, "Connections.csv"), notes + csv_text(rows))
    write(os.path.join(root, "Profile.csv"), csv_text([
        ("First Name", "Last Name", "Maiden Name", "Headline"),
        ("Bench", "Member", "", "Potter and teacher")]))

    def stamp(t):
        return day(t, "%Y-%m-%d %H:%M:%S")

    def activity(n):
        return f"https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A{7100000000000000000 + n}"

    rows = [("Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility")]
    rows += [(stamp(when(rng)), activity(n), sentence(rng, 30) + "\n#pottery #glaze", "", "",
              "PUBLIC") for n in range(50000)]
    write(os.path.join(root, "Shares.csv"), csv_text(rows))
    rows = [("Date", "Type", "Link")]
    rows += [(stamp(when(rng)), rng.choice(("LIKE", "PRAISE", "EMPATHY")),
              activity(rng.randrange(10**9)).replace("%3A", ":")) for _ in range(100000)]
    write(os.path.join(root, "Reactions.csv"), csv_text(rows))
    rows = [("Date", "Link", "Message")]
    rows += [(stamp(when(rng)), activity(rng.randrange(10**9)), sentence(rng, 15))
             for _ in range(50000)]
    write(os.path.join(root, "Comments.csv"), csv_text(rows))


def linkedin_analytics(out):
    """A creator analytics workbook as the web exporter writes it (stored entries, numbers as
    text, inline strings) with 50,000 rows: TOP POSTS with 35,000 rows of two tables,
    ENGAGEMENT and FOLLOWERS with 7,500 days each (since 2004, the oldest date Rapport keeps)."""
    rng = random.Random(SEED + 4)
    first = EXPORT - 7500 * DAY

    def day(t):
        d = datetime.datetime.fromtimestamp(t, UTC)
        return f"{d.month}/{d.day}/{d.year}"

    def post(n):
        return f"https://www.linkedin.com/feed/update/urn:li:activity:{7200000000000000000 + n}/"

    top = [["Maximum of 50 posts available to include in this list"], [],
           ["Post URL", "Post publish date", "Engagements", None,
            "Post URL", "Post publish date", "Impressions"]]
    for n in range(35000):
        a, b = rng.randrange(10**6), rng.randrange(10**6)
        top.append([post(a), day(first + a % 7500 * DAY), f"{rng.randrange(5000):,}", None,
                    post(b), day(first + b % 7500 * DAY), f"{rng.randrange(10**6):,}"])
    engagement = [["Date", "Impressions", "Engagements"]]
    followers = [["Total followers on 1/1/2025: 250,000"], [], ["Date", "New followers"]]
    for n in range(7500):
        t = first + n * DAY
        engagement.append([day(t), f"{rng.randrange(10**5):,}", str(rng.randrange(2000))])
        followers.append([day(t), str(rng.randrange(80))])
    sheets = [("DISCOVERY", [["Overall Performance", f"{day(first)} - {day(EXPORT)}"],
                             ["Impressions", "81,204,221"], ["Members reached", "9,017,330"]]),
              ("ENGAGEMENT", engagement), ("TOP POSTS", top), ("FOLLOWERS", followers),
              ("AUDIENCE DEMOGRAPHICS", [["Top Demographics", "Value", "Percentage"],
                                         ["Locations", "Berlin", "2%"]])]
    path = os.path.join(out, f"AggregateAnalytics_Bench Member_{sample.day_string(first)}"
                             "_2025-01-01.xlsx")
    xlsx.write_workbook(path, sheets, False)


# ── YouTube ───────────────────────────────────────────────────────────────────────────────────

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def video_ids(rng, n):
    seen = set()
    while len(seen) < n:
        seen.add("".join(rng.choice(ALPHABET) for _ in range(11)))
    return sorted(seen)


def youtube_takeout(out):
    """A Takeout of a channel with 100,000 videos and 10,000 subscriptions."""
    rng = random.Random(SEED + 5)
    root = os.path.join(out, "takeout-20250101T080000Z-001", "Takeout",
                        "YouTube and YouTube Music")
    channel = "UCbEnChChAnNeL0000000001"

    def stamp(t):
        return datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")

    write(os.path.join(root, "channels", "channel.csv"), csv_text([
        ("Channel ID", "Channel Title (Original)", "Channel Visibility"),
        (channel, "Bench Channel", "Public")]))
    rows = [("Video ID", "Approx Duration (ms)", "Video Audio Language", "Video Category",
             "Video Description (Original)", "Channel ID", "Video Title (Original)", "Privacy",
             "Video State", "Video Create Timestamp", "Video Publish Timestamp")]
    for video in video_ids(rng, 100000):
        t = when(rng)
        rows.append((video, str(rng.randrange(60, 3600) * 1000), "en", "Howto & Style",
                     sentence(rng, 20), channel, sentence(rng, 6) + " #pottery", "Public",
                     "Processed", stamp(t - DAY), stamp(t)))
    write(os.path.join(root, "video metadata", "videos.csv"), csv_text(rows))
    rows = [("Channel Id", "Channel Url", "Channel Title")]
    for i in range(10000):
        other = f"UC{i:022d}"
        rows.append((other, f"http://www.youtube.com/channel/{other}", person(rng)))
    write(os.path.join(root, "subscriptions", "subscriptions.csv"), csv_text(rows))


def youtube_studio(out):
    """A Studio export whose Table data.csv has 100,000 videos, with Subscribers.csv."""
    rng = random.Random(SEED + 6)
    root = os.path.join(out, "Content 2017-01-01_2025-01-01 Bench Channel")
    header = ("Content", "Video title", "Video publish time", "Duration", "Views",
              "Watch time (hours)", "Subscribers", "Impressions",
              "Impressions click-through rate (%)", "Likes", "Comments added", "Shares",
              "Subscribers gained")
    rows = []
    for video in video_ids(rng, 100000):
        d = datetime.datetime.fromtimestamp(when(rng), UTC)
        views = rng.randrange(10, 10**6)
        rows.append((video, sentence(rng, 8) + " #pottery",
                     f"{sample.MONTHS[d.month - 1]} {d.day}, {d.year}",
                     str(rng.randrange(60, 3600)), str(views), f"{views * 0.07:.1f}",
                     str(views // 300), str(views * 11), f"{rng.uniform(1, 9):.1f}",
                     str(views // 20), str(views // 200), str(views // 300), str(views // 250)))
    total = ("Total", "", "", "", "1", "", "", "", "", "", "", "", "")
    write(os.path.join(root, "Table data.csv"), csv_text([header, total] + rows))
    days = [(sample.day_string(t), str(1000 + n * 30))
            for n, t in enumerate(range(EXPORT - 2900 * DAY, EXPORT, DAY))]
    write(os.path.join(root, "Subscribers.csv"), csv_text([("Date", "Subscribers")] + days))


# ── Medium ────────────────────────────────────────────────────────────────────────────────────

MEDIUM_STORY = (
    '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
    'charset=utf-8"><title>{title}</title></head><body><article class="h-entry">\n'
    '<header><h1 class="p-name">{title}</h1></header>\n'
    '<section data-field="body" class="e-content"><section class="section section--body">'
    '<div class="section-content"><div class="section-inner">{body}</div></div></section>'
    '</section>\n<footer><p>By <a href="https://medium.com/@bench.writer" class="p-author '
    'h-card">Bench Writer</a> on <a href="https://medium.com/p/{id}"><time class="dt-published" '
    'datetime="{time}">{day}</time></a>.</p><p><a href="https://medium.com/@bench.writer/'
    '{slug}-{id}" class="p-canonical">Canonical link</a></p><p>Exported from <a '
    'href="https://medium.com">Medium</a> on January 1, 2025.</p></footer></article></body>'
    '</html>\n')


def medium(out):
    """20,000 stories of a few paragraphs, and 150,000 followed users in one page (13 MB: the
    importer reads no page over 16 MB)."""
    rng = random.Random(SEED + 7)
    root = os.path.join(out, "medium-export-2025-01-01")
    for n in range(20000):
        t = when(rng)
        title = sentence(rng, 5)
        slug = title.lower().replace(" ", "-")
        story = f"{n:06x}{rng.randrange(16**6):06x}"
        body = "".join(f'<p class="graf graf--p">{sentence(rng, 40)}.</p>' for _ in range(6))
        d = datetime.datetime.fromtimestamp(t, UTC)
        page = MEDIUM_STORY.format(title=title, body=body, id=story, slug=slug,
                                   time=d.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                                   day=d.strftime("%B %d, %Y"))
        write(os.path.join(root, "posts", f"{d.strftime('%Y-%m-%d')}_{slug.title()}-{story}.html"),
              page)
    people = "".join(f'<li><a class="h-card" href="https://medium.com/@{rng.choice(FIRST)}.'
                     f'{rng.choice(WORDS)}{i}">{person(rng)}</a></li>\n' for i in range(150000))
    write(os.path.join(root, "users-following", "users-following.html"),
          '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; '
          'charset=utf-8"><title>Users following</title></head><body><h3>Users following</h3>'
          f'<ul>\n{people}</ul></body></html>\n')
    write(os.path.join(root, "profile", "profile.html"),
          '<!DOCTYPE html><html><head><title>Profile</title></head><body><ul>'
          '<li>Display name: Bench Writer</li><li>Profile: <a href="https://medium.com/'
          '@bench.writer">@bench.writer</a></li></ul></body></html>\n')


# ── Mastodon ──────────────────────────────────────────────────────────────────────────────────

def mastodon(out):
    """An archive whose outbox holds 100,000 posts and boosts, with 50,000 likes and 5,000
    followed accounts."""
    rng = random.Random(SEED + 8)
    root = os.path.join(out, "archive-20250101080000-be4c40000000001a")
    items = []
    for n in range(100000):
        t = when(rng)
        if rng.random() < 0.1:
            status = sample.mastodon_status_id(t, n)
            items.append((t, {"id": f"{sample.MASTODON_ACTOR}/statuses/{status}/activity",
                              "type": "Announce", "actor": sample.MASTODON_ACTOR,
                              "published": sample.iso_time(t),
                              "to": ["https://www.w3.org/ns/activitystreams#Public"],
                              "cc": [f"{sample.MASTODON_ACTOR}/followers"],
                              "object": sample.mastodon_post_url("kate@kiln.club", n)}))
            continue
        tags = rng.sample(sample.MASTODON_TAGS, rng.randrange(1, 4))
        mentions = ("jun@glaze.garden",) if rng.random() < 0.05 else ()
        items.append((t, sample.mastodon_note(t, n, sentence(rng, 25), tags, mentions)))
    items.sort(key=lambda item: item[0], reverse=True)
    context = "https://www.w3.org/ns/activitystreams"
    outbox = {"@context": context, "id": "outbox.json", "type": "OrderedCollection",
              "totalItems": len(items), "orderedItems": [item for _, item in items]}
    actor = {"@context": context, "id": sample.MASTODON_ACTOR, "type": "Person",
             "preferredUsername": sample.MASTODON_USER, "name": "Bench Toots",
             "url": f"https://{sample.MASTODON_HOST}/@{sample.MASTODON_USER}",
             "published": sample.iso_time(EXPORT - SPAN), "outbox": "outbox.json",
             "likes": "likes.json", "bookmarks": "bookmarks.json"}
    likes = [sample.mastodon_post_url(f"user{n % 997}@{rng.choice(sample.MASTODON_SERVERS)}",
                                      n) for n in range(50000)]
    # Mastodon writes its archive's JSON without indentation.
    write(os.path.join(root, "outbox.json"), json.dumps(outbox, ensure_ascii=False))
    write(os.path.join(root, "actor.json"), json.dumps(actor, indent=1))
    write(os.path.join(root, "likes.json"), json.dumps(
        {"@context": context, "id": "likes.json", "type": "OrderedCollection",
         "totalItems": len(likes), "orderedItems": likes}, indent=1))
    write(os.path.join(root, "bookmarks.json"), json.dumps(
        {"@context": context, "id": "bookmarks.json", "type": "OrderedCollection",
         "totalItems": 0, "orderedItems": []}, indent=1))
    write(os.path.join(root, "following_accounts.csv"),
          "Account address,Show boosts,Notify on new posts,Languages\n" +
          "".join(f"user{n}@{rng.choice(sample.MASTODON_SERVERS)},true,false,\n"
                  for n in range(5000)))


# ── Threads ───────────────────────────────────────────────────────────────────────────────────

def threads(out):
    """The Threads part of an Instagram export alone: 100,000 threads and replies, 200,000
    followers and 2,000 followings."""
    rng = random.Random(SEED + 9)
    root = os.path.join(out, "instagram-bench.threads-2025-01-01-Th0001")
    base = os.path.join(root, "your_instagram_activity", "threads")
    posts = []
    for _ in range(100000):
        t = when(rng)
        reply = rng.random() < 0.3
        text = sentence(rng, 12) + " \u2728 #" + rng.choice(sample.THREADS_TAGS)
        posts.append((t, {"media": [{"uri": "", "creation_timestamp": t,
                                     "title": sample.threads_partly_mojibake(text),
                                     "text_app_post": {"reply_control": "everyone",
                                                       "is_reply": reply}}]}))
    posts.sort(key=lambda item: -item[0])
    write(os.path.join(base, "threads_and_replies.json"),
          meta_json({"text_post_app_text_posts": [p for _, p in posts]}))

    def people(n, prefix):
        rows = sorted(((when(rng), f"{prefix}{i}.{rng.choice(WORDS)}") for i in range(n)),
                      reverse=True)
        return [sample.threads_relation_row(name, t) for t, name in rows]

    write(os.path.join(base, "followers_1.json"),
          meta_json({"text_post_app_text_post_app_followers": people(200000, "fan")}))
    write(os.path.join(base, "following.json"),
          meta_json({"text_post_app_text_post_app_following": people(2000, "pal")}))


# ── Meta Business Suite, X analytics, TikTok Studio ───────────────────────────────────────────

def meta(out):
    """The Instagram posts CSV with 100,000 posts, and Follows.csv of 2,900 days."""
    rng = random.Random(SEED + 10)
    root = os.path.join(out, "meta-business-suite-bench")
    account = "17841400000000099"
    rows = [("Post ID", "Account ID", "Account username", "Account name", "Description",
             "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
             "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves")]
    for n in range(100000):
        t = when(rng)
        kind = rng.choice(("IG image", "IG carousel", "IG reel"))
        reach = rng.randrange(100, 10**5)
        rows.append((str(18040000000000000 + n), account, "bench.creator", "Bench Creator",
                     f"{sentence(rng, 14)}\n#pottery #glaze with @clay.collective",
                     rng.randrange(8, 60) if kind == "IG reel" else 0,
                     datetime.datetime.fromtimestamp(t, UTC).strftime("%m/%d/%Y %H:%M"),
                     f"https://www.instagram.com/p/B{n:08d}/", kind, "", "Lifetime",
                     f"{reach * 2:,}", reach, reach // 12, reach // 90, rng.randrange(4),
                     reach // 150, reach // 40))
    first = EXPORT - 2900 * DAY
    write(os.path.join(root, f"{sample.meta_day(first)}_{sample.meta_day(EXPORT)}_{account}.csv"),
          "\ufeff" + csv_text(rows, "\r\n"))
    lines = ["sep=,", '"Instagram follows"', '"Date","Primary"']
    for t in range(first, EXPORT, DAY):
        stamp = datetime.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT00:00:00")
        lines.append(f'"{stamp}","{rng.randrange(200)}"')
    write(os.path.join(root, "Follows.csv"),
          ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le"))


def x_analytics(out):
    """The content export of 2025 with 100,000 posts."""
    rng = random.Random(SEED + 11)
    rows = [("Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements",
             "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "Profile visits",
             "Detail Expands", "URL Clicks", "Hashtag Clicks", "Permalink Clicks")]
    for n in range(100000):
        post = str(1800000000000000000 + n * 7919)
        d = datetime.datetime.fromtimestamp(when(rng), UTC)
        impressions = rng.randrange(50, 10**5)
        rows.append((post, f"{d:%a}, {d:%b} {d.day}, {d.year}",
                     f"{sentence(rng, 14)}\n#pottery with @clay_collective",
                     f"https://x.com/BenchPoster/status/{post}", impressions, impressions // 50,
                     impressions // 20, rng.randrange(20), rng.randrange(20), rng.randrange(5),
                     rng.randrange(30), rng.randrange(30), rng.randrange(50), rng.randrange(90),
                     rng.randrange(10), rng.randrange(5), rng.randrange(5)))
    # No trailing newline, as X writes it.
    write(os.path.join(out, "account_analytics_content_2017-01-01_2025-01-01.csv"),
          csv_text(rows).rstrip("\n"))


def tiktok_studio(out):
    """A Studio export whose Content.csv has 100,000 videos, with 60 days of followers."""
    rng = random.Random(SEED + 12)
    root = os.path.join(out, "tiktok-bench.dancer-2025-01-01-studio")

    def quoted(rows):
        return "\ufeff" + "\r\n".join(",".join(f'"{field}"' for field in row) for row in rows)

    def day(t):
        d = datetime.datetime.fromtimestamp(t, UTC)
        return f"{sample.MONTH_NAMES[d.month - 1]} {d.day}"

    rows = [("Time", "Video title", "Video link", "Post time", "Total likes", "Total comments",
             "Total shares", "Total views")]
    for n in range(100000):
        t = EXPORT - rng.randrange(DAY, 360 * DAY)
        views = rng.randrange(100, 10**6)
        rows.append((day(t), sentence(rng, 8) + " #dance #fyp",
                     f"https://www.tiktok.com/@bench.dancer/video/{7300000000000000000 + n}",
                     day(t), f"{views // 15:,}", str(views // 400), str(views // 300),
                     f"{views:,}"))
    write(os.path.join(root, "Content.csv"), quoted(rows))
    rows = [("Date", "Followers", "Difference in followers from previous day")]
    for n, t in enumerate(range(EXPORT - 60 * DAY, EXPORT, DAY)):
        rows.append((day(t), f"{250000 + n * 40:,}", "undefined" if n == 0 else "40"))
    write(os.path.join(root, "FollowerHistory.csv"), quoted(rows))


PLATFORMS = {
    "facebook": facebook,
    "bluesky": bluesky,
    "linkedin": linkedin,
    "linkedin-analytics": linkedin_analytics,
    "youtube-takeout": youtube_takeout,
    "youtube-studio": youtube_studio,
    "medium": medium,
    "mastodon": mastodon,
    "threads": threads,
    "meta": meta,
    "x-analytics": x_analytics,
    "tiktok-studio": tiktok_studio,
}


def main():
    parser = argparse.ArgumentParser(description="Write a large export of one platform.")
    parser.add_argument("platform", choices=sorted(PLATFORMS))
    parser.add_argument("output")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    PLATFORMS[args.platform](args.output)


if __name__ == "__main__":
    sys.exit(main())
