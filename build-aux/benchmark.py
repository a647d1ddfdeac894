#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rapport's benchmark, side by side with its anchors.  Generates (once, with fixed seeds) a
# 200,000-tweet X archive, an Instagram export with 1,000,000 followers and a TikTok export with
# 500,000 followers, each also zipped, crafted zips whose one large file takes far more memory
# to parse than its size (see generate-crafted-exports.py), and a history of 24 monthly
# Instagram exports of one 1,000,000-follower account at 2 % churn.  Then measures in one run:
# import time and peak memory of each export, unpacked and zipped, against python3's json.load
# of the same file; the peak memory of every import against 1.5 times the largest file it reads,
# crafted zips included (which may also be refused as too large); `rapport report` on the big
# account, the time to the first drawn frame of the Overview, and the chart's frame time.
# The history case imports the 24 exports in turn into one store (one run each, the median of
# --runs for the first and the last) and measures each import's time and peak memory and the
# database's size after it, and the report and the first frame (against an empty window's)
# after 1, 6, 12 and 24 exports: what keeping years of exports costs against keeping one.  Its
# targets are taken side by side at the end: the last export into a copy of the store as it was
# before it in turn with the first into an empty store, and the report and the frame of the
# whole history in turn with those of the first export alone.  Prints one table of targets and
# the history's table, and writes the numbers as JSON.
#
# The memory table measures every other importer the same way, on one large export of each
# (build-aux/generate-platform-exports.py), unpacked and zipped (Mastodon's tarball) where the
# platform ships it so: peak memory against 1.5 times the largest file, and the import's time.
# With --compare OLD_BINARY the same exports are imported by that binary too, in the same run,
# side by side.
#
# Every time and peak is that of the command alone, measured by a small C launcher that forks
# and execs it (tests/bench-peak.c); its floor, the peak of `true` through it, is printed.
#
#   build-aux/dev bench [--runs N] [--data DIR] [--only history | --only memory |
#                        --skip-history] [--compare OLD_BINARY]

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


# Every import's peak memory must stay within this many times the largest file it reads.
MEMORY_TARGET = 1.5

# The history case: monthly exports of one account, and the counts of exports after which the
# report and the window are measured.
HISTORY_EXPORTS = 24
HISTORY_FOLLOWERS = 1000000
HISTORY_CHURN = 0.02
HISTORY_CHECKPOINTS = (1, 6, 12, 24)
# The history's targets are taken side by side, in turn at least this many times: a frame takes
# half a second, and three of them each moved the median by tens of milliseconds on these
# shared machines.
HISTORY_SIDE_BY_SIDE_RUNS = 9


# The launcher that measures every peak (tests/bench-peak.c), set by main().  A child that
# Python starts itself is charged at exec the peak of the Python process it replaces (27 MB for
# `true`); the launcher fork()s from a process of a megabyte or so and reads the peak from
# wait4().
LAUNCHER = None


def run_measured(argv, env=None, capture=False, may_fail=False):
    """Runs argv through the launcher; returns (seconds, peak RSS in bytes, stdout, or stderr
    when it failed and @may_fail allows that)."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen([LAUNCHER, "--fd", str(write_end)] + list(argv), stdout=out,
                                stderr=err, env=env, pass_fds=(write_end,))
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as report:
        line = report.read().decode()
    returncode = proc.wait()
    fields = dict(f.split("=", 1) for f in line.split()[1:]) if line.startswith("bench-peak ") \
        else {}
    out.seek(0)
    err.seek(0)
    if "maxrss-kb" not in fields:
        sys.exit(f"bench: the launcher reported nothing for {' '.join(argv)}:\n"
                 + err.read().decode(errors="replace"))
    elapsed, peak = float(fields["seconds"]), int(fields["maxrss-kb"]) * 1024
    if returncode != 0:
        message = err.read().decode(errors="replace")
        if may_fail:
            return elapsed, peak, message.strip()
        sys.exit(f"bench: {' '.join(argv)} failed:\n{message}")
    return elapsed, peak, out.read().decode(errors="replace") if capture else ""


def launcher_floor(runs):
    """The peak of `true` through the launcher: what any measured command peaks at least."""
    return max(run_measured(["true"])[1] for _ in range(runs))


def median_run(runs, argv, env=None, before=None):
    times, peaks, output = [], [], ""
    for _ in range(runs):
        if before:
            before()
        seconds, peak, output = run_measured(argv, env, capture=True)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks), output


def python_parse(paths, offset=0):
    """python3 parsing every file of @paths with json.load, the first from @offset."""
    code = ("import json, sys\n"
            "for i, path in enumerate(sys.argv[2:]):\n"
            "    f = open(path, 'rb'); f.seek(int(sys.argv[1]) if i == 0 else 0); json.load(f)\n")
    return [sys.executable, "-c", code, str(offset)] + list(paths)


def js_prefix_length(path):
    with open(path, "rb") as f:
        head = f.read(4096)
    return head.index(b"=") + 1


# What each case reads, by the folder it is generated into.
GENERATORS = {
    "twitter": ["generate-twitter-archive.py", "{out}"],
    "instagram-bench.creator-2025-01-01": ["generate-instagram-export.py", "{out}"],
    "tiktok": ["generate-tiktok-export.py", "{out}"],
    "instagram-history": ["generate-instagram-export.py", "{out}", "--history",
                          str(HISTORY_EXPORTS), "--followers", str(HISTORY_FOLLOWERS),
                          "--churn", str(HISTORY_CHURN)],
}

# The memory table: label, the generator's platform, the export inside its folder, and how the
# platform ships it besides (None: as it is).
MEMORY_CASES = (
    ("Facebook 300,000 followers", "facebook", "facebook-bench.page-2025-01-01-Fb0001", "zip"),
    ("Bluesky repo, 200,000 records", "bluesky", "repo-bench.bsky.social.car", None),
    ("LinkedIn 30,000 connections, 50,000 shares", "linkedin",
     "Basic_LinkedInDataExport_01-01-2025", "zip"),
    ("LinkedIn analytics XLSX, 50,000 rows", "linkedin-analytics",
     "AggregateAnalytics_Bench Member_2004-06-20_2025-01-01.xlsx", None),
    ("YouTube Takeout, 100,000 videos", "youtube-takeout", "takeout-20250101T080000Z-001", "zip"),
    ("YouTube Studio, 100,000 rows", "youtube-studio",
     "Content 2017-01-01_2025-01-01 Bench Channel", "zip"),
    ("Medium 20,000 posts, 150,000 followed", "medium", "medium-export-2025-01-01", "zip"),
    ("Mastodon outbox, 100,000 posts", "mastodon", "archive-20250101080000-be4c40000000001a",
     "tar.gz"),
    ("Threads 100,000 posts, 200,000 followers", "threads",
     "instagram-bench.threads-2025-01-01-Th0001", "zip"),
    ("Meta posts CSV, 100,000 rows", "meta", "meta-business-suite-bench", None),
    ("X analytics CSV, 100,000 rows", "x-analytics",
     "account_analytics_content_2017-01-01_2025-01-01.csv", None),
    ("TikTok Studio, 100,000 videos", "tiktok-studio", "tiktok-bench.dancer-2025-01-01-studio",
     "zip"),
)
for _, _platform, _, _ in MEMORY_CASES:
    GENERATORS["platform-" + _platform] = ["generate-platform-exports.py", _platform, "{out}"]


def generate(data_dir, names):
    """Generates the exports of the cases @names that are not there yet, once."""
    os.makedirs(data_dir, exist_ok=True)
    for name in names:
        out = os.path.join(data_dir, name)
        if os.path.exists(os.path.join(out, ".complete")):
            continue
        print(f"bench: generating {name} (once) …", file=sys.stderr)
        start = time.perf_counter()
        shutil.rmtree(out, ignore_errors=True)
        argv = GENERATORS[name]
        subprocess.run([sys.executable, os.path.join(HERE, argv[0])] +
                       [a.format(out=out) for a in argv[1:]], check=True)
        open(os.path.join(out, ".complete"), "w").close()
        print(f"bench: generated {name} in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def zipped(folder):
    """@folder as a zip beside it, made once; its files sit in a folder of the same name."""
    path = folder + ".zip"
    if os.path.exists(path):
        return path
    print(f"bench: zipping {os.path.basename(folder)} (once) …", file=sys.stderr)
    name = os.path.basename(folder)
    with zipfile.ZipFile(path + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for root, _, files in sorted(os.walk(folder)):
            for f in sorted(files):
                if f != ".complete":
                    full = os.path.join(root, f)
                    z.write(full, os.path.join(name, os.path.relpath(full, folder)))
    os.replace(path + ".part", path)
    return path


def tarred(folder):
    """@folder as a gzipped tarball beside it, made once, its files at the top as Mastodon
    writes its archive."""
    path = folder + ".tar.gz"
    if os.path.exists(path):
        return path
    print(f"bench: packing {os.path.basename(folder)} (once) …", file=sys.stderr)
    with tarfile.open(path + ".part", "w:gz", compresslevel=1) as tar:
        for name in sorted(os.listdir(folder)):
            tar.add(os.path.join(folder, name), name)
    os.replace(path + ".part", path)
    return path


def crafted(data_dir):
    """The crafted zips as (name, path, size of the large file), made once."""
    out = os.path.join(data_dir, "crafted")
    listing = os.path.join(out, "listing.tsv")
    if not os.path.exists(listing):
        print("bench: generating crafted exports (once) …", file=sys.stderr)
        shutil.rmtree(out, ignore_errors=True)
        made = subprocess.run([sys.executable, os.path.join(HERE, "generate-crafted-exports.py"),
                               out], check=True, capture_output=True, text=True).stdout
        with open(listing + ".part", "w") as f:
            f.write(made)
        os.replace(listing + ".part", listing)
    with open(listing) as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return [(name, os.path.join(out, name), int(size)) for name, _, size in rows]


def report_available(rapport, env):
    """Whether this build has `rapport report`: without it the app would take "report" for a
    file to open."""
    help_check = subprocess.run([rapport, "report", "--help"], env=env, capture_output=True,
                                text=True, timeout=30)
    return help_check.returncode == 0 and "--account" in help_check.stdout


def report_seconds(runs, rapport, db, env):
    """The median times of the text and the JSON report of the store in @db, and the text
    report's peak memory."""
    seconds, peak, _ = median_run(runs, [rapport, "report", "--data-dir", db], env)
    json_seconds, _, _ = median_run(runs, [rapport, "report", "--json", "--data-dir", db], env)
    return seconds, json_seconds, peak


def first_frame(runs, rapport, data_dir, env):
    """The median time in ms from the window's start to its first drawn frame, as the app
    measures it itself."""
    times = []
    for _ in range(runs):
        _, _, out = run_measured([rapport, "--data-dir", data_dir, "--measure-first-frame"],
                                 env, capture=True)
        times.append(float(out.strip().split()[-1]))
    return statistics.median(times)


def side_by_side(runs, rapport, stores, reported, env):
    """The first frame of each store of @stores (name to folder), and the report of those named
    in @reported, taken in turn @runs times, so that the drift of this shared machine's load
    falls on all of them alike; the medians by name."""
    taken = {name: {"report": [], "json": [], "frame": []} for name in stores}
    for _ in range(runs):
        for name, folder in stores.items():
            if name in reported:
                seconds, json_seconds, _ = report_seconds(1, rapport, folder, env)
                taken[name]["report"].append(seconds)
                taken[name]["json"].append(json_seconds)
            taken[name]["frame"].append(first_frame(1, rapport, folder, env))
    return {name: {key: statistics.median(values) for key, values in measured.items() if values}
            for name, measured in taken.items()}


def imports_side_by_side(runs, rapport, before_last, last_export, first_export, scratch, env):
    """The last export imported into a copy of the store as it was before it (@before_last) and
    the first export into an empty store, in turn @runs times: the target compares the two,
    and the load of these shared machines drifts over the minutes between them by more than
    it allows.  Returns the times of each."""
    taken = {"last": [], "first": []}
    for _ in range(runs):
        for name, store, export in (("last", before_last, last_export),
                                    ("first", None, first_export)):
            shutil.rmtree(scratch, ignore_errors=True)
            if store is not None:
                shutil.copytree(store, scratch)
            seconds, _, _ = run_measured([rapport, "import", "--data-dir", scratch, export], env)
            taken[name].append(seconds)
    shutil.rmtree(scratch, ignore_errors=True)
    return taken


def largest_file(folder):
    return max(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(folder) for f in fs)


def memory_verdict(peak, largest):
    ratio = peak / largest
    return ratio, ("met" if ratio <= MEMORY_TARGET else "MISSED") + f" (≤ {MEMORY_TARGET}× file)"


def single_cases(run, data_dir):
    """The cases of one export each: imports against their anchors, crafted files, the report
    and the window on the big account."""
    args, rapport, work, env = run.args, run.rapport, run.work, run.env
    rows, results = run.rows, run.results

    def fresh_store():
        shutil.rmtree(os.path.join(work, "db"), ignore_errors=True)

    def import_case(key, label, folder, anchor_files, anchor_offset=0, time_target=None,
                    ratio_target=None, largest=None):
        """Imports @folder (a zip too); @anchor_files are what python parses, and None for a
        zip, whose anchor is that of its folder."""
        seconds, peak, _ = median_run(args.runs, [rapport, "import", "--data-dir",
                                                  os.path.join(work, "db"), folder], env, fresh_store)
        results[key] = {"seconds": seconds, "peak_bytes": peak, "largest_file_bytes": largest}
        if anchor_files is not None:
            size = sum(os.path.getsize(f) for f in anchor_files)
            py_seconds, py_peak, _ = median_run(args.runs,
                                                python_parse(anchor_files, anchor_offset), env)
            results[key].update({"file_bytes": size, "python_seconds": py_seconds,
                                 "python_peak_bytes": py_peak})
            ratio = seconds / py_seconds
            verdict = []
            if ratio_target:
                verdict.append(("met" if ratio <= ratio_target else "MISSED")
                               + f" (≤ {ratio_target}× python)")
            if time_target:
                verdict.append(("met" if seconds <= time_target else "MISSED")
                               + f" (≤ {time_target} s)")
            rows.append((f"{label}: import time", f"{seconds:.2f} s",
                         f"python json.load {py_seconds:.2f} s", f"{ratio:.2f}×",
                         "; ".join(verdict)))
            anchor = f"python {py_peak / 2**20:.0f} MB; largest file {largest / 2**20:.0f} MB"
        else:
            rows.append((f"{label}: import time", f"{seconds:.2f} s", "", "", ""))
            anchor = f"largest file {largest / 2**20:.0f} MB"
        mem_ratio, verdict = memory_verdict(peak, largest)
        rows.append((f"{label}: peak memory", f"{peak / 2**20:.0f} MB", anchor,
                     f"{mem_ratio:.2f}× file", verdict))

    tweets = os.path.join(data_dir, "twitter", "data", "tweets.js")
    twitter = os.path.join(data_dir, "twitter")
    import_case("twitter_import", "X 200,000 tweets", twitter, [tweets],
                js_prefix_length(tweets), ratio_target=0.35, largest=largest_file(twitter))
    import_case("twitter_zip_import", "X 200,000 tweets, zipped", zipped(twitter), None,
                largest=largest_file(twitter))
    instagram = os.path.join(data_dir, "instagram-bench.creator-2025-01-01")
    lists = os.path.join(instagram, "connections", "followers_and_following")
    # The anchor parses every follower and following file; the import reads the posts too.
    import_case("instagram_import", "Instagram 1,000,000 followers", instagram,
                sorted(os.path.join(lists, f) for f in os.listdir(lists) if f.endswith(".json")),
                time_target=3.0, largest=largest_file(instagram))
    import_case("instagram_zip_import", "Instagram 1,000,000 followers, zipped", zipped(instagram),
                None, largest=largest_file(instagram))
    tiktok = os.path.join(data_dir, "tiktok")
    import_case("tiktok_import", "TikTok 500,000 followers", tiktok,
                [os.path.join(tiktok, "user_data_tiktok.json")], largest=largest_file(tiktok))
    import_case("tiktok_zip_import", "TikTok 500,000 followers, zipped", zipped(tiktok), None,
                largest=largest_file(tiktok))

    # Crafted files: each reader must import them within the bound or refuse them, never more.
    for name, path, size in crafted(data_dir):
        fresh_store()
        seconds, peak, message = run_measured([rapport, "import", "--data-dir",
                                               os.path.join(work, "db"), path], env,
                                              capture=True, may_fail=True)
        outcome = message.splitlines()[-1] if message else ""
        outcome = outcome.replace("rapport: ", "").split(": ", 1)[-1][:60]
        mem_ratio, verdict = memory_verdict(peak, size)
        results["crafted_" + name] = {"seconds": seconds, "peak_bytes": peak, "file_bytes": size,
                                      "outcome": outcome}
        rows.append((f"crafted {name[:-4]}", f"{peak / 2**20:.0f} MB",
                     f"file {size / 2**20:.0f} MB, {seconds:.1f} s: {outcome}",
                     f"{mem_ratio:.2f}× file", verdict))

    # The report on the big Instagram account.
    fresh_store()
    run_measured([rapport, "import", "--data-dir", os.path.join(work, "db"), instagram], env)
    if report_available(rapport, env):
        seconds, json_seconds, peak = report_seconds(args.runs, rapport, os.path.join(work, "db"),
                                                     env)
        results["report"] = {"seconds": seconds, "json_seconds": json_seconds, "peak_bytes": peak}
        rows.append(("report, 1,000,000 followers", f"{seconds:.2f} s",
                     f"--json {json_seconds:.2f} s", "",
                     ("met" if max(seconds, json_seconds) <= 1.0 else "MISSED") + " (≤ 1 s)"))
    else:
        rows.append(("report, 1,000,000 followers", "not measured", "", "",
                     "`rapport report` is not available in this build"))

    # The window: first frame of the Overview with the big account, against the first frame of
    # an empty window (the welcome page) in the same run; and chart frame time.
    empty_dir = os.path.join(work, "empty")
    os.makedirs(empty_dir, exist_ok=True)
    empty = first_frame(args.runs, rapport, empty_dir, env)
    first = first_frame(args.runs, rapport, os.path.join(work, "db"), env)
    results["first_frame_ms"] = first
    results["empty_window_first_frame_ms"] = empty
    rows.append(("window to first Overview frame", f"{first:.0f} ms",
                 f"empty window {empty:.0f} ms", f"+{first - empty:.0f} ms",
                 ("met" if first - empty <= 100 else "MISSED") + " (≤ +100 ms)"))
    chart_bench = os.path.join(args.build_dir, "tests", "bench-chart")
    if os.path.exists(chart_bench):
        _, _, out = run_measured([chart_bench], env, capture=True)
        frame = float(out.strip().split()[-1])
        results["chart_frame_ms"] = frame
        rows.append(("chart frame, 200,000 points", f"{frame:.2f} ms", "", "",
                     ("met" if frame <= 4 else "MISSED") + " (≤ 4 ms)"))
    else:
        rows.append(("chart frame, 200,000 points", "not measured", "", "", "no chart benchmark yet"))


def memory_cases(run, data_dir):
    """Every other importer on one large export: peak memory against the largest file and the
    import's time, and with --compare the same of the older binary beside it.  As the files of
    some platforms stay small (Medium's pages, a YouTube Studio table), the peak above that of
    an import of a tiny export is shown too: what the import itself takes."""
    args, env = run.args, run.env
    binaries = [run.rapport] + ([os.path.abspath(args.compare)] if args.compare else [])
    db = os.path.join(run.work, "memory-db")
    columns = ("import", "peak memory", "", "above empty", "verdict")
    table = [("export", "largest file") + columns
             + (tuple("before: " + c if i == 0 else c for i, c in enumerate(columns))
                if args.compare else ())]

    def fresh_store():
        shutil.rmtree(db, ignore_errors=True)

    # The empty import: the program, its libraries and an empty store.
    tiny = os.path.join(HERE, "..", "tests", "fixtures", "meta", "export")
    empty = []
    for binary in binaries:
        _, peak, _ = median_run(args.runs, [binary, "import", "--data-dir", db, tiny], env,
                                fresh_store)
        empty.append(peak)
    run.results["memory_empty_import_peak_bytes"] = empty[0]

    for label, platform, name, shipped in MEMORY_CASES:
        export = os.path.join(data_dir, "platform-" + platform, name)
        largest = largest_file(export) if os.path.isdir(export) else os.path.getsize(export)
        paths = [(label, export)]
        if shipped == "zip":
            paths.append((label + ", zipped", zipped(export)))
        elif shipped == "tar.gz":
            paths.append((label + ", tar.gz", tarred(export)))
        for case_label, path in paths:
            key = "memory_" + platform + ("" if path == export else "_packed")
            row = [case_label, f"{largest / 2**20:.0f} MB"]
            for which, binary in enumerate(binaries):
                seconds, peak, _ = median_run(args.runs, [binary, "import", "--data-dir", db,
                                                          path], env, fresh_store)
                ratio, verdict = memory_verdict(peak, largest)
                suffix = "" if which == 0 else "_before"
                run.results[key + suffix] = {"seconds": seconds, "peak_bytes": peak,
                                             "largest_file_bytes": largest}
                row += [f"{seconds:.2f} s", f"{peak / 2**20:.0f} MB", f"{ratio:.2f}× file",
                        f"{(peak - empty[which]) / largest:.2f}× file", verdict]
            table.append(tuple(row))
            print("bench: " + "  ".join(row), file=sys.stderr)
    fresh_store()
    title = (f"Memory: every importer on one large export, median of {args.runs} runs; an "
             f"empty import peaks at {empty[0] / 2**20:.0f} MB"
             + (f" ({empty[1] / 2**20:.0f} MB before: {args.compare})" if args.compare else ""))
    return [title] + format_table(table)


def database_bytes(db_dir):
    """The database as it stands on disk after an import: rapport.db and its write-ahead log."""
    paths = (os.path.join(db_dir, name) for name in ("rapport.db", "rapport.db-wal"))
    return sum(os.path.getsize(p) for p in paths if os.path.exists(p))


def read_through(folder):
    """Reads every file of @folder once, so an import's time does not depend on whether the
    generator's writes are still in the page cache (the one-export cases get that from their
    repeated runs)."""
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def history_import(runs, rapport, db, export, env):
    """Imports @export into the store @db; for a median, first @runs - 1 times into a copy of
    the store as it is before.  Returns the times of every run and the largest peak memory."""
    read_through(export)
    times, peaks = [], []
    again = db + "-again"
    for _ in range(runs - 1):
        shutil.rmtree(again, ignore_errors=True)
        if os.path.exists(db):
            shutil.copytree(db, again)
        seconds, peak, _ = run_measured([rapport, "import", "--data-dir", again, export], env)
        times.append(seconds)
        peaks.append(peak)
    shutil.rmtree(again, ignore_errors=True)
    seconds, peak, _ = run_measured([rapport, "import", "--data-dir", db, export], env)
    return times + [seconds], max(peaks + [peak])


def history_case(run, folder):
    """The monthly exports of @folder imported one by one into one store, as a user keeps
    importing one account: each import's time, peak memory and the database's size after it,
    and at HISTORY_CHECKPOINTS the report and the window's first frame.  Returns the lines of
    the history table; the targets go into the main table."""
    args, rapport, env = run.args, run.rapport, run.env
    exports = sorted(n for n in os.listdir(folder) if n.startswith("instagram-"))
    db = os.path.join(run.work, "history")
    first_db = os.path.join(run.work, "history-1")
    before_last_db = os.path.join(run.work, "history-before-last")
    empty_dir = os.path.join(run.work, "history-empty")
    os.makedirs(empty_dir, exist_ok=True)
    with_report = report_available(rapport, env)
    imports, checkpoints = [], []
    for count, name in enumerate(exports, 1):
        # The first and the last import, which the target compares, take the median of
        # --runs; the others one run each, as repeating them all would take most of an hour.
        runs = args.runs if count in (1, len(exports)) else 1
        if count == len(exports) and count > 1:
            shutil.rmtree(before_last_db, ignore_errors=True)
            shutil.copytree(db, before_last_db)
        times, peak = history_import(runs, rapport, db, os.path.join(folder, name), env)
        imports.append({"export": name, "seconds": statistics.median(times), "times": times,
                        "peak_bytes": peak, "database_bytes": database_bytes(db)})
        if count == 1:
            shutil.rmtree(first_db, ignore_errors=True)
            shutil.copytree(db, first_db)
        if count not in HISTORY_CHECKPOINTS:
            continue
        point = {"exports": count}
        if with_report:
            point["report_seconds"], point["report_json_seconds"], _ = \
                report_seconds(args.runs, rapport, db, env)
        # The anchor is measured beside each point, as the machine's load drifts.
        point["empty_window_first_frame_ms"] = first_frame(args.runs, rapport, empty_dir, env)
        point["first_frame_ms"] = first_frame(args.runs, rapport, db, env)
        checkpoints.append(point)

    # The targets compare the last import with the first, and the report and the frame of the
    # whole history with those of the first export alone and of an empty window, all taken side
    # by side at the end.
    side_runs = max(args.runs, HISTORY_SIDE_BY_SIDE_RUNS)
    paired = {"last": [], "first": []}
    if len(exports) > 1:
        paired = imports_side_by_side(side_runs, rapport, before_last_db,
                                      os.path.join(folder, exports[-1]),
                                      os.path.join(folder, exports[0]),
                                      os.path.join(run.work, "history-again"), env)
        shutil.rmtree(before_last_db, ignore_errors=True)
    final = side_by_side(side_runs, rapport, {"first": first_db, "all": db, "empty": empty_dir},
                         ("first", "all") if with_report else (), env)
    shutil.rmtree(first_db, ignore_errors=True)

    sizes = [i["database_bytes"] for i in imports]
    steps = [b - a for a, b in zip(sizes, sizes[1:])]
    growth = statistics.mean(steps) if steps else 0
    run.results["history"] = {"exports": len(exports), "followers": HISTORY_FOLLOWERS,
                              "churn": HISTORY_CHURN, "imports": imports,
                              "side_by_side_import_times": paired,
                              "growth_bytes_per_export": growth, "checkpoints": checkpoints,
                              "side_by_side": final}
    history_targets(run, imports, paired, final, growth, steps)

    mb = 2**20
    table = [("export", "import", "peak memory", "database", "growth")]
    for count, i in enumerate(imports, 1):
        step = i["database_bytes"] - (sizes[count - 2] if count > 1 else 0)
        table.append((f"{count:2d}  {i['export'][-10:]}", f"{i['seconds']:.2f} s",
                      f"{i['peak_bytes'] / mb:.0f} MB", f"{i['database_bytes'] / mb:.1f} MB",
                      f"{step / mb:+.1f} MB"))
    table.append(("",) * 5)
    table.append(("exports", "report", "report --json", "first frame", "empty window"))
    for p in checkpoints:
        table.append((str(p["exports"]),
                      f"{p['report_seconds']:.2f} s" if with_report else "not measured",
                      f"{p['report_json_seconds']:.2f} s" if with_report else "",
                      f"{p['first_frame_ms']:.0f} ms",
                      f"{p['empty_window_first_frame_ms']:.0f} ms"))
    title = [f"History: {len(exports)} monthly exports of {HISTORY_FOLLOWERS:,} followers at "
             f"{HISTORY_CHURN * 100:g} % churn imported in turn into one store;",
             f"one run per import, median of {args.runs} for the first and the last import, "
             "the report and the frames;",
             f"after export {len(exports)}, {side_runs} times in turn: export {len(exports)} "
             f"into the store as it was before it and export 1 into an empty one"
             + (f" ({statistics.median(paired['last']):.2f} / "
                f"{statistics.median(paired['first']):.2f} s); " if paired["last"] else "; ")
             + "the store of export 1 alone, the whole history and an empty window"
             " (the targets above)"
             + (f": report {final['first']['report']:.2f} / {final['all']['report']:.2f} s, "
                f"--json {final['first']['json']:.2f} / {final['all']['json']:.2f} s"
                if with_report else "")
             + f", first frame {final['first']['frame']:.0f} / {final['all']['frame']:.0f} / "
             f"{final['empty']['frame']:.0f} ms"]
    return title + format_table(table)


def history_targets(run, imports, paired, final, growth, steps):
    """The issue's targets for a long history, judged against the same run's first export (its
    import in turn with the last's, @paired; its report and frame side by side with the whole
    history's, @final) and empty window."""
    mb = 2**20
    last = len(imports)
    label = f"history, {last} exports"
    if steps:
        run.rows.append((f"{label}: database growth per export", f"{growth / mb:.1f} MB",
                         f"largest step {max(steps) / mb:.1f} MB", "",
                         ("met" if growth <= 5 * mb else "MISSED") + " (≤ 5 MB)"))
        last_seconds = statistics.median(paired["last"])
        first_seconds = statistics.median(paired["first"])
        ratio = last_seconds / first_seconds
        run.rows.append((f"{label}: import of export {last}", f"{last_seconds:.2f} s",
                         f"export 1 {first_seconds:.2f} s", f"{ratio:.2f}×",
                         ("met" if ratio <= 1.1 else "MISSED") + " (≤ 1.1× export 1)"))
    first, whole, empty = final["first"], final["all"], final["empty"]
    if "report" in whole and last > 1:
        # As in the one-export case, the slower of the text and the JSON report counts.
        seconds = max(whole["report"], whole["json"])
        one = max(first["report"], first["json"])
        verdict = "; ".join([("met" if seconds <= 1.0 else "MISSED") + " (≤ 1 s)",
                             ("met" if seconds <= 1.2 * one else "MISSED")
                             + " (≤ 1.2× 1 export)"])
        run.rows.append((f"{label}: report", f"{seconds:.2f} s", f"1 export {one:.2f} s",
                         f"{seconds / one:.2f}×", verdict))
    extra = whole["frame"] - empty["frame"]
    run.rows.append((f"{label}: first Overview frame", f"{whole['frame']:.0f} ms",
                     f"empty window {empty['frame']:.0f} ms",
                     f"{extra:+.0f} ms", ("met" if extra <= 100 else "MISSED") + " (≤ +100 ms)"))


def format_table(rows):
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip()
            for row in rows]


class Run:
    """What every case of one run shares: its options, the binary, a scratch folder, the
    environment, and the rows and numbers it gathers."""

    def __init__(self, args):
        self.args = args
        self.rapport = os.path.join(args.build_dir, "src", "rapport")
        self.work = tempfile.mkdtemp(prefix="rapport-bench-")
        self.env = dict(os.environ, LC_ALL="C.UTF-8")
        self.rows = []
        self.results = {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--data", help="where generated exports are kept (default: BUILD/bench-data)")
    parser.add_argument("--runs", type=int, default=3)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--only", choices=["history", "memory"],
                       help="run only the history case or only the memory table")
    which.add_argument("--skip-history", action="store_true",
                       help="leave out the history case, the longest")
    parser.add_argument("--compare", metavar="OLD_BINARY",
                        help="an older rapport binary, copied aside, to measure in the memory "
                             "table beside this build's")
    args = parser.parse_args()

    data_dir = args.data or os.path.join(args.build_dir, "bench-data")
    cases = [] if args.only else ["twitter", "instagram-bench.creator-2025-01-01", "tiktok"]
    if args.only in (None, "memory"):
        cases += ["platform-" + platform for _, platform, _, _ in MEMORY_CASES]
    if args.only in (None, "history") and not args.skip_history:
        cases.append("instagram-history")
    generate(data_dir, cases)
    global LAUNCHER
    LAUNCHER = os.path.join(args.build_dir, "tests", "bench-peak")
    if not os.access(LAUNCHER, os.X_OK):
        sys.exit(f"bench: {LAUNCHER} is missing; build the tests first")
    run = Run(args)
    floor = launcher_floor(args.runs)
    run.results["launcher_floor_bytes"] = floor
    history, memory = [], []
    if not args.only:
        single_cases(run, data_dir)
    if args.only in (None, "memory"):
        memory = memory_cases(run, data_dir)
    if args.only in (None, "history") and not args.skip_history:
        history = history_case(run, os.path.join(data_dir, "instagram-history"))
    shutil.rmtree(run.work, ignore_errors=True)

    print(f"Rapport benchmark, median of {args.runs} runs, {os.cpu_count()} cores; every peak "
          f"through tests/bench-peak (fork, exec, wait4), where `true` peaks at "
          f"{floor / 2**20:.1f} MB")
    if run.rows:
        for line in format_table(run.rows):
            print(line)
    for table in (memory, history):
        if table:
            print()
            for line in table:
                print(line)
    out_path = os.path.join(args.build_dir, "benchmark.json")
    with open(out_path, "w") as f:
        json.dump({"runs": args.runs, "results": run.results}, f, indent=2)
    print(f"Numbers written to {out_path}")


if __name__ == "__main__":
    main()
