#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rapport's benchmark, side by side with its anchors.  Generates (once, with fixed seeds) a
# 200,000-tweet X archive, an Instagram export with 1,000,000 followers and a TikTok export with
# 500,000 followers, each also zipped, and crafted zips whose one large file takes far more
# memory to parse than its size (see generate-crafted-exports.py).  Then measures in one run:
# import time and peak memory of each export, unpacked and zipped, against python3's json.load
# of the same file; the peak memory of every import against 1.5 times the largest file it reads,
# crafted zips included (which may also be refused as too large); `rapport report` on the big
# account, the time to the first drawn frame of the Overview, and the chart's frame time.
# Prints one table and writes the numbers as JSON.
#
#   build-aux/dev bench [--runs N] [--data DIR]

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


# Every import's peak memory must stay within this many times the largest file it reads.
MEMORY_TARGET = 1.5


def run_measured(argv, env=None, capture=False, may_fail=False):
    """Runs argv; returns (seconds, peak RSS in bytes, stdout, or stderr when it failed and
    @may_fail allows that)."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    if proc.returncode != 0:
        message = err.read().decode(errors="replace")
        if may_fail:
            return elapsed, usage.ru_maxrss * 1024, message.strip()
        sys.exit(f"bench: {' '.join(argv)} failed:\n{message}")
    return elapsed, usage.ru_maxrss * 1024, out.read().decode(errors="replace") if capture else ""


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


def generate(data_dir):
    os.makedirs(data_dir, exist_ok=True)
    jobs = [
        ("twitter", ["generate-twitter-archive.py", "{out}"]),
        ("instagram-bench.creator-2025-01-01", ["generate-instagram-export.py", "{out}"]),
        ("tiktok", ["generate-tiktok-export.py", "{out}"]),
    ]
    for name, argv in jobs:
        out = os.path.join(data_dir, name)
        if os.path.exists(os.path.join(out, ".complete")):
            continue
        print(f"bench: generating {name} (once) …", file=sys.stderr)
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, argv[0])] +
                       [a.format(out=out) for a in argv[1:]], check=True)
        open(os.path.join(out, ".complete"), "w").close()


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


def largest_file(folder):
    return max(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(folder) for f in fs)


def memory_verdict(peak, largest):
    ratio = peak / largest
    return ratio, ("met" if ratio <= MEMORY_TARGET else "MISSED") + f" (≤ {MEMORY_TARGET}× file)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--data", help="where generated exports are kept (default: BUILD/bench-data)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    rapport = os.path.join(args.build_dir, "src", "rapport")
    data_dir = args.data or os.path.join(args.build_dir, "bench-data")
    generate(data_dir)
    work = tempfile.mkdtemp(prefix="rapport-bench-")
    env = dict(os.environ, LC_ALL="C.UTF-8")
    rows = []
    results = {}

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
                js_prefix_length(tweets), ratio_target=0.5, largest=largest_file(twitter))
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
    # Without the report command the app would take "report" for a file to open.
    help_check = subprocess.run([rapport, "report", "--help"], env=env, capture_output=True,
                                text=True, timeout=30)
    if help_check.returncode == 0 and "--account" in help_check.stdout:
        seconds, peak, _ = median_run(args.runs, [rapport, "report", "--data-dir",
                                                  os.path.join(work, "db")], env)
        json_seconds, _, _ = median_run(args.runs, [rapport, "report", "--json", "--data-dir",
                                                    os.path.join(work, "db")], env)
        results["report"] = {"seconds": seconds, "json_seconds": json_seconds, "peak_bytes": peak}
        rows.append(("report, 1,000,000 followers", f"{seconds:.2f} s", f"--json {json_seconds:.2f} s",
                     "", ("met" if max(seconds, json_seconds) <= 1.0 else "MISSED") + " (≤ 1 s)"))
    else:
        rows.append(("report, 1,000,000 followers", "not measured", "", "",
                     "`rapport report` is not available in this build"))

    # The window: first frame of the Overview with the big account, against the first frame of
    # an empty window (the welcome page) in the same run; and chart frame time.
    def first_frame(data_dir):
        times = []
        for _ in range(args.runs):
            _, _, out = run_measured([rapport, "--data-dir", data_dir, "--measure-first-frame"],
                                     env, capture=True)
            times.append(float(out.strip().split()[-1]))
        return statistics.median(times)

    empty_dir = os.path.join(work, "empty")
    os.makedirs(empty_dir, exist_ok=True)
    empty = first_frame(empty_dir)
    first = first_frame(os.path.join(work, "db"))
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

    shutil.rmtree(work, ignore_errors=True)

    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    print(f"Rapport benchmark, median of {args.runs} runs, {os.cpu_count()} cores")
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    out_path = os.path.join(args.build_dir, "benchmark.json")
    with open(out_path, "w") as f:
        json.dump({"runs": args.runs, "results": results}, f, indent=2)
    print(f"Numbers written to {out_path}")


if __name__ == "__main__":
    main()
