#!/usr/bin/env python3
"""Writes the committed seed corpus for bench/fuzz (small files: libFuzzer mutates small inputs best).

Images are drawn here with Pillow (a QR-like grid, so decoders reach their pixel paths); JSON and token
seeds are copied from Tests/Fixtures (real public IRP tokens, provenance in Tests/Fixtures/real/PROVENANCE.md).
Run from the repository root: python3 bench/fuzz/make-seeds.py
"""
import json, os, random, shutil
from PIL import Image

root = os.path.join(os.path.dirname(__file__), "corpus")
random.seed(18)

def out(target, name, data):
    os.makedirs(os.path.join(root, target), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(root, target, name), mode) as f:
        f.write(data)

def grid(size=48, modules=12):
    image = Image.new("L", (size, size), 255)
    cell = size // modules
    for y in range(modules):
        for x in range(modules):
            if random.random() < 0.5 or (x < 3 and y < 3):
                for dy in range(cell):
                    for dx in range(cell):
                        image.putpixel((x * cell + dx, y * cell + dy), 0)
    return image

def saved(image, **options):
    from io import BytesIO
    buffer = BytesIO()
    image.save(buffer, **options)
    return buffer.getvalue()

g = grid()
out("png", "grey.png", saved(g, format="PNG"))
out("png", "rgb-interlaced.png", saved(g.convert("RGB"), format="PNG", interlace=1))
out("png", "palette.png", saved(g.convert("P"), format="PNG"))
out("png", "bilevel.png", saved(g.convert("1"), format="PNG"))
out("jpeg", "baseline.jpg", saved(g, format="JPEG", quality=80))
out("jpeg", "progressive.jpg", saved(g.convert("RGB"), format="JPEG", quality=70, progressive=True))
out("jpeg", "cmyk.jpg", saved(g.convert("CMYK"), format="JPEG", quality=60))
out("tiff", "lzw.tiff", saved(g, format="TIFF", compression="tiff_lzw"))
out("tiff", "g4.tiff", saved(g.convert("1"), format="TIFF", compression="group4"))
out("tiff", "two-pages.tiff", saved(g, format="TIFF", save_all=True, append_images=[grid()]))
out("tiff", "rgb-raw.tiff", saved(g.convert("RGB"), format="TIFF"))
out("pdf", "image.pdf", saved(g.convert("RGB"), format="PDF", resolution=72))
out("pdf", "two-pages.pdf", saved(g, format="PDF", save_all=True, append_images=[grid()]))
text_pdf = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 12 Tf 10 50 Td (IRN 706dae) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""
out("pdf", "text.pdf", text_pdf)

fixtures = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Fixtures")
wrappers = os.path.join(fixtures, "wrappers")
for name in sorted(os.listdir(wrappers)):
    path = os.path.join(wrappers, name)
    if name.endswith((".json", ".jsonl", ".txt")) and os.path.getsize(path) < 16_000:
        os.makedirs(os.path.join(root, "input"), exist_ok=True)
        shutil.copy(path, os.path.join(root, "input", name))
        if name.endswith(".json"):
            out("json", name, open(path).read())
for name, text in {
    "nested.json": '{"a": [{"b": {"c": [1, 2.5, -0, 1e3, "\\u20b9\\ud83d\\ude00"]}}], "d": null, "e": true}',
    "duplicate.json": '{"Status": "ACT", "Status": "CNL"}',
    "bom.json": "\ufeff{\"x\": []}",
    "lines.jsonl": '{"a": 1}\n\n["eyJ.e30.x"]\n',
}.items():
    out("json", name, text)
    out("input", name, text)

odoo = json.load(open(os.path.join(fixtures, "samples", "production-odoo-nic-data.json")))
out("jws", "signed-qr.txt", odoo["SignedQRCode"])
out("jws", "header-only.txt", odoo["SignedQRCode"].split(".")[0] + "..")
out("jws", "bad-base64.txt", "eyJhbGciOiJSUzI1NiJ9.eyJkYXRhIjoi!!.AAAA")
