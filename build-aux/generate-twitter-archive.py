#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a synthetic X/Twitter archive for benchmarks: data/tweets.js with N tweets formatted the
# way X writes them (window.YTD prefix, two-space indent, " : " separators, "[ ]" for empty
# lists, counts and indices as strings), plus account.js, manifest.js, follower.js and
# following.js.  The output is the same for the same arguments (fixed seed).
#
#   build-aux/generate-twitter-archive.py OUTPUT [--tweets N] [--zip] [--seed S]
#
# With the default 200,000 tweets data/tweets.js is about 190 MB.

import argparse
import datetime
import json
import os
import random
import sys
import zipfile

USERNAME = "benchcreator"
ACCOUNT_ID = "1187654321098765432"
DISPLAY_NAME = "Bench Creator"

WORDS = (
    "the a of to and in is it you that for on with this was are be at have not from but what all "
    "were when we there can an your which their said if do will each about how up out them then "
    "she many some so these would other into has more her two like him see time could no make "
    "than first been its who now people my made over did down only way find use may water long "
    "little very after words called just where most know get through back much before go good new "
    "write our used me man too any day same right look think also around another came come work "
    "three word must because does part even place well such here take why things help put years "
    "different away again off went old number great tell men say small every found still between "
    "coffee launch thread photo video garden morning design music city friends weekend update"
).split()
HASHTAGS = ("photography", "design", "GNOME", "opensource", "coffee", "travel", "music", "art",
            "followforfollow", "f4f", "MondayMotivation", "Linux", "writing", "food", "nature")
MENTIONS = ("alice_dev", "bob", "CarolDesigns", "dave_photos", "eve", "frank_m", "GNOME",
            "heidi_writes", "ivan", "judy_art")
EMOJI = ("\U0001F600", "\U0001F389", "\u2615", "\U0001F4F8", "\u2728", "\U0001F680", "\u2764\uFE0F",
         "\U0001F44D\U0001F3FD")
SOURCES = (
    "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
    "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
    "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
)
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EDIT_START = datetime.datetime(2022, 9, 1, tzinfo=datetime.timezone.utc)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def dump(value, out, indent=0):
    """Appends @value to the list @out as X's archive writer formats it."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            out.append("{ }")
            return
        out.append("{\n")
        items = list(value.items())
        for i, (key, item) in enumerate(items):
            out.append(pad + "  " + json.dumps(key, ensure_ascii=False) + " : ")
            dump(item, out, indent + 1)
            out.append(",\n" if i + 1 < len(items) else "\n")
        out.append(pad + "}")
    elif isinstance(value, list):
        if not value:
            out.append("[ ]")
            return
        out.append("[\n")
        for i, item in enumerate(value):
            out.append(pad + "  ")
            dump(item, out, indent + 1)
            out.append(",\n" if i + 1 < len(value) else "\n")
        out.append(pad + "]")
    else:
        out.append(json.dumps(value, ensure_ascii=False))


def twitter_date(moment):
    return "%s %s %02d %02d:%02d:%02d +0000 %d" % (
        DAYS[moment.weekday()], MONTHS[moment.month - 1], moment.day,
        moment.hour, moment.minute, moment.second, moment.year)


def iso_date(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def snowflake(rng, moment):
    millis = int(moment.timestamp() * 1000) - 1288834974657
    return str((millis << 22) | rng.getrandbits(22))


def make_text(rng, reply_to=None):
    """Returns (text, hashtags, mentions) with the indices X would give them."""
    parts = []
    hashtags = []
    mentions = []
    length = 0

    def add(piece):
        nonlocal length
        if parts:
            parts.append(" ")
            length += 1
        start = length
        parts.append(piece)
        length += len(piece)
        return start

    if reply_to:
        start = add("@" + reply_to)
        mentions.append((reply_to, start, start + len(reply_to) + 1))
    for _ in range(rng.randint(5, 18)):
        roll = rng.random()
        if roll < 0.035:
            tag = rng.choice(HASHTAGS)
            start = add("#" + tag)
            hashtags.append((tag, start, start + len(tag) + 1))
        elif roll < 0.05:
            name = rng.choice(MENTIONS)
            start = add("@" + name)
            mentions.append((name, start, start + len(name) + 1))
        elif roll < 0.08:
            add(rng.choice(EMOJI))
        elif roll < 0.09:
            add("&amp;")
        else:
            add(rng.choice(WORDS))
    return "".join(parts), hashtags, mentions


def media_entry(rng, tweet_id, media_type):
    media_id = str(int(tweet_id) - rng.randint(1000, 100000))
    key = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                  for _ in range(15))
    entry = {
        "expanded_url": "https://x.com/%s/status/%s/photo/1" % (USERNAME, tweet_id),
        "indices": ["120", "143"],
        "url": "https://t.co/" + key[:10],
        "media_url": "http://pbs.twimg.com/media/%s.jpg" % key,
        "id_str": media_id,
        "id": media_id,
        "media_url_https": "https://pbs.twimg.com/media/%s.jpg" % key,
        "sizes": {
            "thumb": {"w": "150", "h": "150", "resize": "crop"},
            "large": {"w": "2048", "h": "1536", "resize": "fit"},
        },
        "type": media_type,
        "display_url": "pic.x.com/" + key[:10],
    }
    if media_type != "photo":
        entry["video_info"] = {
            "aspect_ratio": ["16", "9"],
            "variants": [
                {"bitrate": "2176000", "content_type": "video/mp4",
                 "url": "https://video.twimg.com/ext_tw_video/%s/pu/vid/1280x720/%s.mp4" % (media_id, key)},
            ],
        }
    return entry


def make_tweet(rng, moment):
    tweet_id = snowflake(rng, moment)
    roll = rng.random()
    reply_to = rng.choice(MENTIONS) if 0.08 <= roll < 0.2 else None
    text, hashtags, mentions = make_text(rng, reply_to)
    tweet = {}
    # Posts made since editing exists carry edit_info.
    if moment >= EDIT_START:
        tweet["edit_info"] = {
            "initial": {
                "editTweetIds": [tweet_id],
                "editableUntil": iso_date(moment + datetime.timedelta(hours=1)),
                "editsRemaining": "5",
                "isEditEligible": rng.random() < 0.5,
            }
        }
    tweet.update({
        "retweeted": False,
        "source": rng.choice(SOURCES),
        "entities": {
            "hashtags": [{"text": tag, "indices": [str(a), str(b)]} for tag, a, b in hashtags],
            "symbols": [],
            "user_mentions": [
                {"name": name.replace("_", " ").title(), "screen_name": name,
                 "indices": [str(a), str(b)], "id_str": str(10000 + len(name) * 7919),
                 "id": str(10000 + len(name) * 7919)}
                for name, a, b in mentions
            ],
            "urls": [],
        },
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(int(rng.paretovariate(1.2)) - 1),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": str(int(rng.paretovariate(1.6)) - 1),
        "id": tweet_id,
        "created_at": twitter_date(moment),
        "favorited": False,
        "full_text": text,
        "lang": "en",
    })
    if roll < 0.08:
        original = rng.choice(MENTIONS)
        tweet["full_text"] = "RT @%s: %s" % (original, text)
        tweet["favorite_count"] = "0"
    elif reply_to:
        status_id = str(int(tweet_id) - rng.randint(10 ** 9, 10 ** 12))
        tweet["in_reply_to_status_id_str"] = status_id
        tweet["in_reply_to_status_id"] = status_id
        tweet["in_reply_to_user_id"] = "12345678"
        tweet["in_reply_to_user_id_str"] = "12345678"
        tweet["in_reply_to_screen_name"] = reply_to
    if rng.random() < 0.035:
        media_type = rng.choice(("photo", "photo", "photo", "video", "animated_gif"))
        media = [media_entry(rng, tweet_id, media_type)]
        tweet["entities"]["media"] = media
        tweet["extended_entities"] = {"media": media}
        tweet["possibly_sensitive"] = False
    return {"tweet": tweet}


def write_js(path, global_name, value):
    out = ["window.%s = " % global_name]
    dump(value, out)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_tweets(path, rng, count, start, end):
    span = (end - start).total_seconds()
    # Newest first, as X writes them.
    moments = sorted((start + datetime.timedelta(seconds=rng.random() * span) for _ in range(count)),
                     reverse=True)
    newest = moments[0] if moments else end
    with open(path, "w", encoding="utf-8") as f:
        # Streamed element by element: the whole list would not fit comfortably in memory.
        if not moments:
            f.write("window.YTD.tweets.part0 = [ ]")
            return newest
        f.write("window.YTD.tweets.part0 = [\n")
        for i, moment in enumerate(moments):
            out = ["  "]
            dump(make_tweet(rng, moment.replace(microsecond=0)), out, 1)
            out.append(",\n" if i + 1 < count else "\n")
            f.write("".join(out))
        f.write("]")
    return newest


def build(output, count, seed):
    rng = random.Random(seed)
    data = os.path.join(output, "data")
    os.makedirs(data, exist_ok=True)
    start = datetime.datetime(2012, 1, 1, tzinfo=datetime.timezone.utc)
    end = datetime.datetime(2024, 11, 9, 12, 0, 0, tzinfo=datetime.timezone.utc)
    generated = end + datetime.timedelta(days=1)

    write_tweets(os.path.join(data, "tweets.js"), rng, count, start, end)

    write_js(os.path.join(data, "account.js"), "YTD.account.part0", [{
        "account": {
            "email": "bench@example.org",
            "createdVia": "web",
            "username": USERNAME,
            "accountId": ACCOUNT_ID,
            "createdAt": "2011-12-24T10:00:00.000Z",
            "accountDisplayName": DISPLAY_NAME,
        }
    }])

    followers = [{"follower": {"accountId": str(100000 + i * 37),
                               "userLink": "https://twitter.com/intent/user?user_id=%d" % (100000 + i * 37)}}
                 for i in range(max(1, count // 20))]
    following = [{"following": {"accountId": str(100000 + i * 53),
                                "userLink": "https://twitter.com/intent/user?user_id=%d" % (100000 + i * 53)}}
                 for i in range(max(1, count // 40))]
    write_js(os.path.join(data, "follower.js"), "YTD.follower.part0", followers)
    write_js(os.path.join(data, "following.js"), "YTD.following.part0", following)

    def files(name, n):
        return {"files": [{"fileName": "data/%s.js" % name, "globalName": "YTD.%s.part0" % name,
                           "count": str(n)}]}

    manifest = {
        "userInfo": {"accountId": ACCOUNT_ID, "userName": USERNAME, "displayName": DISPLAY_NAME},
        "archiveInfo": {
            "sizeBytes": "0",
            "generationDate": iso_date(generated),
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/",
                       "name": "README.txt"},
        "dataTypes": {
            "account": files("account", 1),
            "follower": files("follower", len(followers)),
            "following": files("following", len(following)),
            "tweets": files("tweets", count),
        },
    }
    write_js(os.path.join(data, "manifest.js"), "__THAR_CONFIG", manifest)


def main():
    parser = argparse.ArgumentParser(description="Write a synthetic X/Twitter archive.")
    parser.add_argument("output", help="folder to write, or a .zip file with --zip")
    parser.add_argument("--tweets", type=int, default=200000, help="number of tweets (200000)")
    parser.add_argument("--seed", type=int, default=20241109, help="random seed")
    parser.add_argument("--zip", action="store_true", help="write a zip instead of a folder")
    args = parser.parse_args()

    if not args.zip:
        build(args.output, args.tweets, args.seed)
        return 0

    folder = args.output + ".d"
    build(folder, args.tweets, args.seed)
    with zipfile.ZipFile(args.output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(os.listdir(os.path.join(folder, "data"))):
            archive.write(os.path.join(folder, "data", name), "twitter-archive/data/" + name)
    for name in os.listdir(os.path.join(folder, "data")):
        os.remove(os.path.join(folder, "data", name))
    os.rmdir(os.path.join(folder, "data"))
    os.rmdir(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
