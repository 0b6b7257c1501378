#!/usr/bin/env python3
"""OCR read rates per field and per degradation, and milliseconds per page (dev-side tool).

Scans every page made by bench/ocr/make_pages.py with `einvoice scan --json`, once with `--ocr
auto` and, as the reference in the same run, once with `--ocr off` (the QR alone), and writes a
Markdown table: per kind of page, how often each printed field was read and matched on honest
pages, how many honest pages had any "differs" (must be 0), how often a doctored value was
caught as "differs", and the median milliseconds per page (wall clock, and CPU of the einvoice
processes, which is what a shared machine's load does not move).

    read_rates.py PAGES_DIR [--einvoice PATH] [-o docs/ocr-read-rates.md]
"""
import argparse, json, os, resource, statistics, subprocess, sys, time

FIELDS = ["grand-total", "seller-gstin", "buyer-gstin", "document-number", "document-date", "irn"]


def scan(einvoice, path, ocr):
    """(first IRP finding as JSON or None, wall ms, CPU ms of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    run = subprocess.run([einvoice, "scan", "--json", "--ocr", ocr, "--max-seconds", "120", path], capture_output=True, text=True)
    wall = (time.monotonic() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    findings = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    signed = [f for f in findings if f.get("qrKind") == "irp-signed-qr"]
    return (signed[0] if signed else None), wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages")
    parser.add_argument("--einvoice", default=os.path.join(os.path.dirname(__file__), "../../.build/release/einvoice"))
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    labels = json.load(open(os.path.join(args.pages, "labels.json")))
    kinds = sorted({v["kind"] for v in labels.values()}, key=lambda k: list(dict.fromkeys(v["kind"] for v in labels.values())).index(k))
    rows = []
    totals = {"honest": 0, "false": 0, "doctored": 0, "caught": 0, "noqr": 0}
    for kind in kinds:
        files = sorted(f for f, v in labels.items() if v["kind"] == kind)
        matched = {f: 0 for f in FIELDS}
        honest = false_differs = doctored = caught = noqr = 0
        walls, cpus, ref_walls, ref_cpus = [], [], [], []
        for name in files:
            label = labels[name]
            path = os.path.join(args.pages, name)
            finding, wall, cpu = scan(args.einvoice, path, "auto")
            _, ref_wall, ref_cpu = scan(args.einvoice, path, "off")
            walls.append(wall); cpus.append(cpu); ref_walls.append(ref_wall); ref_cpus.append(ref_cpu)
            if finding is None:
                noqr += 1
                continue
            checks = {c["field"]: c for c in finding.get("printedChecks") or []}
            differs = {f for f, c in checks.items() if c["outcome"] == "differs"}
            if label["variant"] == "honest":
                honest += 1
                false_differs += 1 if differs else 0
                for field in FIELDS:
                    matched[field] += checks.get(field, {}).get("outcome") == "matches"
            else:
                doctored += 1
                others = differs - {label["field"]}
                caught += label["field"] in differs and checks[label["field"]].get("printed") == label["printed"]
                false_differs += 1 if others else 0
            print(f"{name}: {sorted((f, c['outcome']) for f, c in checks.items())} {wall:.0f} ms", file=sys.stderr)
        rate = lambda n, d: f"{n}/{d}" if d else "–"
        rows.append([kind] + [rate(matched[f], honest) for f in FIELDS] + [str(false_differs), rate(caught, doctored),
                    f"{statistics.median(walls):.0f} ({statistics.median(ref_walls):.0f})",
                    f"{statistics.median(cpus):.0f} ({statistics.median(ref_cpus):.0f})"] + ([f"{noqr} no QR"] if noqr else [""]))
        for key, value in [("honest", honest), ("false", false_differs), ("doctored", doctored), ("caught", caught), ("noqr", noqr)]:
            totals[key] += value
    header = ["page kind"] + [f"{f} matched" for f in FIELDS] + ["pages with a false differs", "doctored value caught",
              "ms/page wall (QR only)", "ms/page CPU (QR only)", "note"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines.append("")
    lines.append(f"Totals: {totals['honest']} honest pages, {totals['false']} with a false \"differs\"; "
                 f"{totals['caught']}/{totals['doctored']} doctored values caught; {totals['noqr']} pages without a readable QR.")
    text = "\n".join(lines) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        open(args.output, "w").write(text)


if __name__ == "__main__":
    main()
