#!/usr/bin/env python3
"""Hostile inputs against `einvoice scan`: each case's outcome, seconds and peak memory.

Generates the hostile files (bench/reliability/hostile.py) into a temporary folder, runs
`einvoice scan --json` on each under GNU `time -v`, samples the resident memory of the whole
process tree (einvoice and its decoder child) every 10 ms, and writes docs/reliability.md.
Every case must end within 10 s and 1 GB with a clear error or note; the script exits 1 if not.

Usage: bench/reliability/run.py [--einvoice PATH] [--out docs/reliability.md]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
import hostile  # noqa: E402

LIMIT_SECONDS = 10
LIMIT_MB = 1024

# (case, file, extra arguments, what it attacks)
CASES = [
    ("Fan-out form XObjects (4 calls × 40 levels, 8 KB)", "fanout-4x40.pdf", [],
     "issue 18: scan ran forever"),
    ("Same fan-out, structure check lifted (--max-form-depth 100)", "fanout-4x40.pdf", ["--max-form-depth", "100"],
     "poppler really draws: the child is stopped at the deadline"),
    ("Form XObject that draws itself", "form-cycle.pdf", [], "ours"),
    ("Progressive JPEG, 5 000 scans", "progressive-5000-scans.jpg", [], "issue 18: 63 s of CPU"),
    ("Same JPEG, scan limit lifted (--max-jpeg-scans 100000)", "progressive-5000-scans.jpg",
     ["--max-jpeg-scans", "100000"], "libjpeg really decodes: the child is stopped at the deadline"),
    ("PNG 23 000 × 23 000", "png-23000x23000.png", [], "issue 18: 2 GB and 7 s before the limit"),
    ("JPEG header claiming 65 000 × 65 000 (17 bytes)", "jpeg-header-65000x65000.jpg", [], "ours"),
    ("PDF with one 20 000 × 20 000 image", "pdf-image-20000x20000.pdf", [], "issue 18: 1.96 GB"),
    ("TIFF 50 pages × 120 MP", "tiff-50x120MP.tiff", [], "issue 18: 6.2 GB, 3 min 12 s"),
    ("TIFF whose directories loop", "tiff-directory-loop.tiff", [], "ours"),
    ("PDF 50 pages × 119 MP (7 KB)", "pdf-50x119MP-pages.pdf", [], "issue 18: 6.1 GB, 158 s"),
    ("PDF 50 pages × 8 images of 100 MP", "pdf-50x8x100MP-images.pdf", [], "issue 18: past 5.9 GB after 5 min"),
    ("PDF of 55 pages", "pdf-55-pages.pdf", [], "issue 18: pages past 50 skipped silently"),
    ("PDF page box of 10⁹ points", "pdf-mediabox-1e9.pdf", [], "ours"),
    ("Reference: a real invoice PDF", str(ROOT / "Tests/Fixtures/scan/odoo-invoice.pdf"), [], "normal input"),
]


def tree_rss_kb(pid):
    """Resident memory of `pid` and its descendants, in KB (from /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{current}/task/{current}/children") as children:
                stack += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            pass
    return total


def run_case(einvoice, path, extra):
    command = ["/usr/bin/time", "-v", einvoice, "scan", "--json", *extra, str(path)]
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_kb(process.pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    seconds = time.monotonic() - start
    sampler.join()
    time_rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    status = re.search(r"Exit status: (\d+)", stderr)
    signal = re.search(r"Command terminated by signal (\d+)", stderr)
    return {
        "seconds": seconds,
        "tree_mb": peak[0] / 1024,
        "time_mb": int(time_rss.group(1)) / 1024 if time_rss else float("nan"),
        "status": f"signal {signal.group(1)}" if signal else (status.group(1) if status else "?"),
        "outcome": outcome(stdout),
    }


def outcome(stdout):
    """The first error or note of each result line, shortened: what a user would read."""
    said = []
    for line in stdout.splitlines():
        try:
            result = json.loads(line)
        except json.JSONDecodeError:
            continue
        verdict = result.get("verdict", "?")
        message = (result.get("errors") or result.get("notes") or [""])[0]
        text = f"{verdict}: {message}" if message else verdict
        if text not in said:
            said.append(text)
    return " / ".join(said)[:400] or "(no output)"


def isolation_cost(einvoice, runs=int(os.environ.get("RUNS", "15"))):
    """Median wall time of scanning one real A4 page with and without the decoder child."""
    path = ROOT / "Tests/Fixtures/scan/odoo-invoice.pdf"
    medians = {}
    for label, extra in (("decoders in a child process (default)", []), ("--in-process (reference)", ["--in-process"])):
        times = []
        for _ in range(runs):
            start = time.monotonic()
            subprocess.run([einvoice, "scan", "--json", *extra, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.monotonic() - start)
        medians[label] = statistics.median(times)
    return medians


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--einvoice", default=str(ROOT / ".build/release/einvoice"))
    parser.add_argument("--out", default=str(ROOT / "docs/reliability.md"))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="einvoice-hostile-"))
    files = hostile.write_all(folder)
    rows, failures = [], []
    for case, name, extra, attacks in CASES:
        path = files.get(name, Path(name))
        result = run_case(args.einvoice, path, extra)
        ok = (result["seconds"] <= LIMIT_SECONDS and max(result["tree_mb"], result["time_mb"]) <= LIMIT_MB
              and not result["status"].startswith("signal") and result["outcome"] != "(no output)")
        if not ok:
            failures.append(case)
        size = path.stat().st_size
        rows.append((case, f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} B", attacks, result, ok))
        print(f"{'ok ' if ok else 'BAD'} {result['seconds']:6.2f} s {result['tree_mb']:7.0f} MB  {case}: {result['outcome'][:120]}",
              flush=True)
    cost = isolation_cost(args.einvoice)
    for label, median in cost.items():
        print(f"scan of one A4 PDF page, median: {median * 1000:.0f} ms  ({label})")
    write_report(Path(args.out), args.einvoice, rows, cost)
    for path in files.values():
        path.unlink()
    folder.rmdir()
    if failures:
        print("over the bounds: " + "; ".join(failures), file=sys.stderr)
        sys.exit(1)


def write_report(out, einvoice, rows, cost):
    version = subprocess.run([einvoice, "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# Reliability: hostile inputs",
        "",
        "Generated by `bench/reliability/run.py` (do not edit by hand). Every file is made by",
        "`bench/reliability/hostile.py` at run time; each is run as `einvoice scan --json FILE` under GNU `time -v`,",
        f"with the resident memory of the process tree (einvoice and its decoder child) sampled every 10 ms.",
        f"Bound for every case: ≤ {LIMIT_SECONDS} s and ≤ {LIMIT_MB} MB, with a clear error or note.",
        "",
        f"einvoice {version}; {os.cpu_count()} cores; {time.strftime('%Y-%m-%d', time.gmtime())}.",
        "",
        "| Case | File | Was | Outcome (what `scan` says) | Exit | Seconds | Peak MB (tree) | Peak MB (`time -v`) | Within bounds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for case, size, attacks, result, ok in rows:
        outcome_text = result["outcome"].replace("|", "\\|")
        lines.append(f"| {case} | {size} | {attacks} | {outcome_text} | {result['status']} | {result['seconds']:.2f} | "
                     f"{result['tree_mb']:.0f} | {result['time_mb']:.0f} | {'yes' if ok else '**no**'} |")
    lines += [
        "",
        "## Cost of the decoder child process",
        "",
        "Scanning one A4 PDF page (`Tests/Fixtures/scan/odoo-invoice.pdf`), median wall time of the whole CLI (RUNS, default 15):",
        "",
        "| Mode | Median |",
        "|---|---|",
    ]
    for label, median in cost.items():
        lines.append(f"| {label} | {median * 1000:.0f} ms |")
    lines += ["", DEFAULTS]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")


DEFAULTS = """## Limits and their defaults

Checked from each file's headers before anything is decoded where the format allows it (PNG IHDR,
JPEG frame header and scan count, TIFF directories, PDF page boxes and image dictionaries, PDF form
nesting measured with libqpdf), and counted per **file**, not per image. Pages that are not read are
reported as a note naming the flag that raises the limit; a file of which no page can be read is an
error. `scan` and `serve` take the same flags.

| Limit | Default | Flag |
|---|---|---|
| Pages read per PDF or TIFF | 50 (`serve`: 20) | `--max-pages` |
| Largest single image or rendered page | 120 MP | `--max-image-megapixels` |
| Pixels decoded per file, all pages together | 500 MP | `--max-file-megapixels` |
| Wall-clock time per file | 8 s (`serve`: at most 0.8 × `--timeout`) | `--max-seconds` |
| Scans in a progressive JPEG | 100 | `--max-jpeg-scans` |
| Nesting of PDF form XObjects | 12 | `--max-form-depth` |
| Memory of the decoder process (`RLIMIT_AS`) | 1024 MB | `--decoder-memory-mb` |
| CPU of the decoder process (`RLIMIT_CPU`) | the time budget + 1 s | (follows `--max-seconds`) |

The C decoders (poppler, libtiff, libjpeg-turbo, libpng through Cairo, and qpdf's structure check)
run in a child process: the einvoice binary itself, started with `posix_spawn` and a hidden
`_decode` subcommand (never `fork`, which is unsafe in a multithreaded Swift process). The file
reaches it as an unlinked temporary file on its stdin; pages come back over a pipe as they are drawn, so the
parent scans page 1 while the child draws page 2. A child that crashes, runs out of memory or
passes the deadline is killed and ends that file with a clear error (or a note for the pages not
reached); the process and every other file go on. `--in-process` turns the isolation off (for
debugging).

## The desk (`serve`)

| Protection | Default | Flag |
|---|---|---|
| Request deadline: answered 503 on time, work cancelled, decoder child killed | 30 s | `--timeout` |
| Idle connections closed (also bounds a client that sends its headers slowly) | 15 s | `--idle-timeout` |
| Open connections (more wait in the listen backlog) | 4096 | `--max-connections` |
| Requests worked on at once; up to 256 more wait (admitted before the body is read) | cores | `--jobs` |
| Upload size (Content-Length checked first, body streamed against the cap) | 20 MB | `--max-upload-mb` |
| API Host/Origin | loopback names and `--host` | `--allowed-host` (repeatable) |

Every response carries `Content-Security-Policy` (the page's inline script and style by hash,
`frame-ancestors 'none'`), `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` and
`Referrer-Policy: no-referrer`. SIGTERM and SIGINT drain requests in flight (each bounded by
`--timeout`) and exit. `bench/reliability/desk_attack.py` attacks a running desk on loopback.
"""

if __name__ == "__main__":
    main()
