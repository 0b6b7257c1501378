#!/usr/bin/env python3
"""Decode rate per degradation kind and time per image: einvoice vs zbarimg vs zxing-cpp, same corpus.

    compare.py CORPUS_DIR EINVOICE_BENCH_BINARY [TABLE.md]

einvoice is run through `einvoice-bench scan-corpus` (one process loads and scans every image, the way a
desk or a batch does, and times each image from file bytes to result). zbarimg runs once per image; zxing-cpp
(PyPI `zxing-cpp`) reads each image loaded by PIL. The references are cached in CORPUS_DIR/references.json
(they do not change between einvoice runs; delete the file to re-run them).
"""
import collections, json, os, statistics, subprocess, sys, time

corpus, bench = sys.argv[1], sys.argv[2]
table_path = sys.argv[3] if len(sys.argv) > 3 else ""
labels = json.load(open(os.path.join(corpus, "labels.json")))
files = sorted(labels)


def references():
    cache = os.path.join(corpus, "references.json")
    if os.path.exists(cache):
        return json.load(open(cache))
    zbar, zxing, seconds = {}, {}, {"zbar": 0.0, "zxing": None}
    start = time.monotonic()
    for f in files:
        result = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", os.path.join(corpus, f)],
                                capture_output=True, text=True)
        zbar[f] = result.stdout.split()
    seconds["zbar"] = time.monotonic() - start
    try:
        import zxingcpp
        from PIL import Image
        start = time.monotonic()
        for f in files:
            zxing[f] = [r.text for r in zxingcpp.read_barcodes(Image.open(os.path.join(corpus, f)))]
        seconds["zxing"] = time.monotonic() - start
    except ImportError:
        pass
    refs = {"zbar": zbar, "zxing": zxing, "seconds": seconds}
    json.dump(refs, open(cache, "w"))
    return refs


refs = references()
if bench == "--references-only":
    sys.exit(0)
ours, times, steps = {}, {}, collections.Counter()
# OURS_JSONL: results already made (same JSON lines as `scan-corpus`, file names relative to the corpus).
if os.environ.get("OURS_JSONL"):
    out = open(os.environ["OURS_JSONL"]).read()
else:
    out = subprocess.run([bench, "scan-corpus", corpus], capture_output=True, text=True).stdout
for line in out.splitlines():
    record = json.loads(line)
    ours[record["file"]] = record["texts"]
    times[record["file"]] = record["ms"]
    if labels[record["file"]]["token"] in record["texts"]:
        steps.update(record["steps"][:1])

kinds = collections.OrderedDict()
for f in files:
    kinds.setdefault(labels[f]["kind"], []).append(f)
pct = lambda a, b: f"{100 * a / b:5.1f} %" if b else "  -  "
has_zxing = bool(refs["zxing"])
lines = ["| degradation | images | einvoice scan | zbarimg (plain zbar) | zxing-cpp | einvoice median / max ms |",
         "|---|---|---|---|---|---|"]
totals = [0, 0, 0, 0]
for kind, names in kinds.items():
    n = len(names)
    token = lambda f: labels[f]["token"]
    a = sum(token(f) in ours.get(f, []) for f in names)
    b = sum(token(f) in refs["zbar"].get(f, []) for f in names)
    c = sum(token(f) in refs["zxing"].get(f, []) for f in names) if has_zxing else 0
    kind_times = [times.get(f, 0) for f in names]
    lines.append(f"| {kind} | {n} | {a} ({pct(a, n)}) | {b} ({pct(b, n)}) | "
                 + (f"{c} ({pct(c, n)})" if has_zxing else "n/a")
                 + f" | {statistics.median(kind_times):.0f} / {max(kind_times):.0f} |")
    totals = [totals[0] + n, totals[1] + a, totals[2] + b, totals[3] + c]
n = totals[0]
all_times = sorted(times.values()) or [0]
p90 = all_times[min(len(all_times) - 1, int(0.9 * len(all_times)))]
lines.append(f"| **all** | {n} | **{totals[1]} ({pct(totals[1], n)})** | {totals[2]} ({pct(totals[2], n)}) | "
             + (f"{totals[3]} ({pct(totals[3], n)})" if has_zxing else "n/a")
             + f" | {statistics.median(all_times):.0f} / {max(all_times):.0f} |")
lines.append("")
lines.append(f"Time per image, loading included: einvoice median {statistics.median(all_times):.0f} ms, "
             f"p90 {p90:.0f} ms, max {max(all_times):.0f} ms (one process, `einvoice-bench scan-corpus`); "
             f"zbarimg {1000 * refs['seconds']['zbar'] / n:.0f} ms mean (a process each)"
             + (f", zxing-cpp {1000 * refs['seconds']['zxing'] / n:.0f} ms mean (in Python, PIL loading)" if has_zxing else "")
             + ".")
lines.append("")
lines.append("Reads by cascade step: " + ", ".join(f"{k} {v}" for k, v in steps.most_common()) + ".")
print("\n".join(lines))
if table_path:
    with open(table_path, "w") as f:
        f.write("# Scan decode rates on the degraded corpus\n\n")
        f.write("Made by `bench/scan` (generator: `bench/corpus/make_corpus.py`, every real SignedQRCode × every kind × "
                "3 seeds; the hard kinds of issue 17 are tiny-25mm-ecc-h-150-220dpi, small-ecc-m-150dpi, keystone-photo, "
                "defocus, stamp-over-finder, inverted-200dpi and two-qrs). All three decoders read the same files in the "
                "same run.\n\n")
        f.write("\n".join(lines) + "\n")
