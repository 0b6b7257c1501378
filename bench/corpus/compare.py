#!/usr/bin/env python3
"""Decode rate per degradation kind: einvoice scan vs zbarimg vs zxing-cpp, same corpus, same run.

    compare.py CORPUS_DIR EINVOICE_BINARY [TABLE.md]
"""
import collections, json, os, subprocess, sys, time

corpus, einvoice = sys.argv[1], sys.argv[2]
table_path = sys.argv[3] if len(sys.argv) > 3 else ""
labels = json.load(open(os.path.join(corpus, "labels.json")))
files = sorted(labels)

# einvoice: one process for the whole corpus (as a desk would run it), JSON Lines per QR.
start = time.monotonic()
out = subprocess.run([einvoice, "scan", "--json"] + [os.path.join(corpus, f) for f in files],
                     capture_output=True, text=True).stdout
ours_seconds = time.monotonic() - start
ours = collections.defaultdict(set)
for line in out.splitlines():
    try:
        record = json.loads(line)
    except ValueError:
        continue
    if record.get("qrKind") == "irp-signed-qr":
        # The token itself is not in the JSON; a valid verdict for the file's IRN stands for a read.
        ours[os.path.relpath(record["input"], corpus)].add(record.get("irn"))

def token_irn(token):
    import base64
    payload = token.split(".")[1]
    payload += "=" * (-len(payload) % 4)
    return json.loads(json.loads(base64.urlsafe_b64decode(payload))["data"])["Irn"]

zbar = {}
start = time.monotonic()
for f in files:
    result = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", os.path.join(corpus, f)],
                            capture_output=True, text=True)
    zbar[f] = set(result.stdout.split())
zbar_seconds = time.monotonic() - start

zxing = {}
try:
    import zxingcpp
    from PIL import Image
    start = time.monotonic()
    for f in files:
        image = Image.open(os.path.join(corpus, f))
        zxing[f] = {r.text for r in zxingcpp.read_barcodes(image)}
    zxing_seconds = time.monotonic() - start
except ImportError:
    zxing_seconds = None

kinds = collections.OrderedDict()
for f in files:
    kinds.setdefault(labels[f]["kind"], []).append(f)

rows = []
totals = [0, 0, 0, 0]
for kind, names in kinds.items():
    n = len(names)
    ours_ok = sum(token_irn(labels[f]["token"]) in ours.get(f, set()) for f in names)
    zbar_ok = sum(labels[f]["token"] in zbar[f] for f in names)
    zxing_ok = sum(labels[f]["token"] in zxing.get(f, set()) for f in names) if zxing else 0
    rows.append((kind, n, ours_ok, zbar_ok, zxing_ok))
    totals = [totals[0] + n, totals[1] + ours_ok, totals[2] + zbar_ok, totals[3] + zxing_ok]

pct = lambda a, b: f"{100 * a / b:5.1f} %" if b else "  -  "
lines = ["| degradation | images | einvoice scan | zbarimg (plain zbar) | zxing-cpp |", "|---|---|---|---|---|"]
for kind, n, a, b, c in rows:
    lines.append(f"| {kind} | {n} | {a} ({pct(a, n)}) | {b} ({pct(b, n)}) | {c if zxing else '-'} ({pct(c, n) if zxing else 'n/a'}) |")
n = totals[0]
lines.append(f"| **all** | {n} | **{totals[1]} ({pct(totals[1], n)})** | {totals[2]} ({pct(totals[2], n)}) | "
             f"{totals[3] if zxing else '-'} ({pct(totals[3], n) if zxing else 'n/a'}) |")
lines.append("")
lines.append(f"Time per image, loading included: einvoice {1000 * ours_seconds / n:.0f} ms (one process for all), "
             f"zbarimg {1000 * zbar_seconds / n:.0f} ms (a process each)"
             + (f", zxing-cpp {1000 * zxing_seconds / n:.0f} ms (in Python, PIL loading)" if zxing_seconds else "") + ".")
print("\n".join(lines))
if table_path:
    with open(table_path, "w") as f:
        f.write("# Scan decode rates on the degraded corpus\n\n")
        f.write("Made by `bench/scan` (generator: `bench/corpus/make_corpus.py`, every real SignedQRCode × every kind).\n\n")
        f.write("\n".join(lines) + "\n")
