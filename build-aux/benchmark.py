#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rapport's benchmark, side by side with its anchors.  Generates (once, with fixed seeds) a
# 200,000-tweet X archive, an Instagram export with 1,000,000 followers and a TikTok export with
# 500,000 followers, then measures in one run: import time and peak memory of each against
# python3's json.load of the same file, `rapport report` on the big account, the time to the
# first drawn frame of the Overview, and the chart's frame time.  Prints one table and writes
# the numbers as JSON.
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

HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(argv, env=None, capture=False):
    """Runs argv; returns (seconds, peak RSS in bytes, stdout)."""
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
        sys.exit(f"bench: {' '.join(argv)} failed:\n{err.read().decode(errors='replace')}")
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


def folder_size(path):
    return sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(path) for f in fs)


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
                    ratio_target=None, memory_target=None):
        size = sum(os.path.getsize(f) for f in anchor_files)
        seconds, peak, _ = median_run(args.runs, [rapport, "import", "--data-dir",
                                                  os.path.join(work, "db"), folder], env, fresh_store)
        py_seconds, py_peak, _ = median_run(args.runs, python_parse(anchor_files, anchor_offset), env)
        results[key] = {"seconds": seconds, "peak_bytes": peak, "file_bytes": size,
                        "python_seconds": py_seconds, "python_peak_bytes": py_peak}
        ratio = seconds / py_seconds
        verdict = []
        if ratio_target:
            verdict.append(("met" if ratio <= ratio_target else "MISSED") + f" (≤ {ratio_target}× python)")
        if time_target:
            verdict.append(("met" if seconds <= time_target else "MISSED") + f" (≤ {time_target} s)")
        rows.append((f"{label}: import time", f"{seconds:.2f} s", f"python json.load {py_seconds:.2f} s",
                     f"{ratio:.2f}×", "; ".join(verdict)))
        mem_ratio = peak / size
        rows.append((f"{label}: peak memory", f"{peak / 2**20:.0f} MB",
                     f"python {py_peak / 2**20:.0f} MB; file {size / 2**20:.0f} MB",
                     f"{mem_ratio:.2f}× file",
                     (("met" if mem_ratio <= memory_target else "MISSED") + f" (≤ {memory_target}× file)")
                     if memory_target else ""))

    tweets = os.path.join(data_dir, "twitter", "data", "tweets.js")
    import_case("twitter_import", "X 200,000 tweets", os.path.join(data_dir, "twitter"), [tweets],
                js_prefix_length(tweets), ratio_target=0.5, memory_target=1.5)
    instagram = os.path.join(data_dir, "instagram-bench.creator-2025-01-01")
    lists = os.path.join(instagram, "connections", "followers_and_following")
    # The anchor parses every follower and following file; the import reads the posts too.
    import_case("instagram_import", "Instagram 1,000,000 followers", instagram,
                sorted(os.path.join(lists, f) for f in os.listdir(lists) if f.endswith(".json")),
                time_target=3.0)
    tiktok = os.path.join(data_dir, "tiktok")
    import_case("tiktok_import", "TikTok 500,000 followers", tiktok,
                [os.path.join(tiktok, "user_data_tiktok.json")], memory_target=1.5)

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

    # The window: first frame of the Overview with the big account, and chart frame time.
    probe = subprocess.run([rapport, "--help-all"], env=env, capture_output=True, text=True,
                           timeout=30)
    if "--measure-first-frame" in probe.stdout:
        times = []
        for _ in range(args.runs):
            _, _, out = run_measured([rapport, "--data-dir", os.path.join(work, "db"),
                                      "--measure-first-frame"], env, capture=True)
            times.append(float(out.strip().split()[-1]))
        first = statistics.median(times)
        results["first_frame_ms"] = first
        rows.append(("window to first Overview frame", f"{first:.0f} ms", "", "",
                     ("met" if first <= 500 else "MISSED") + " (≤ 500 ms)"))
    else:
        rows.append(("window to first Overview frame", "not measured", "", "",
                     "the app has no --measure-first-frame yet"))
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
