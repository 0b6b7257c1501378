#!/usr/bin/env python3
"""More degradations, beside make_corpus.py's: a check that the scanner is general, written in
session 32 without looking at what the scanner missed first (docs/scan-decode-rates.md has the table).

    make_fresh_kinds.py OUT_DIR [SEEDS] [kind,kind...]

Kinds: fax (204 x 98 DPI, one bit, CCITT G3 TIFF with its resolution tags), shadow (a shadow's soft
edge across the QR in a colour photo), colour-stamp (a coloured rubber stamp over the QR), screen-photo
(the page on a monitor at about 150 % zoom, photographed: pixel grid, glare level, blur), photo-12mp (a
4000 x 3000 phone photo of the page), crumpled (a sinusoidal warp of 1-3 modules across the symbol),
halftone (the QR printed grey with an ordered dither). Seeds start at 500; writes OUT_DIR/<kind>/...
and OUT_DIR/labels.json like make_corpus.py, so bench/corpus/compare.py measures it the same way.
"""
import json, os, random, sys
import cv2, numpy as np
from PIL import Image
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_corpus as mc

def colour(img):
    return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)

def save_jpg(path, bgr, q):
    cv2.imwrite(path, bgr, [cv2.IMWRITE_JPEG_QUALITY, q])

def make(kind, token, rng):
    dpi, size, level = 300, rng.uniform(35, 50), rng.choice(["M", "Q"])
    sym = mc.qr_modules(token, level)
    img, (x, y, side) = mc.place(mc.page(dpi, rng), sym, dpi, size, rng)
    if kind == "fax":
        # 204 x 98 dpi fax: half vertical resolution, 1-bit
        dpi_scale = 204 / 300
        img = cv2.resize(img, (int(img.shape[1] * dpi_scale), int(img.shape[0] * 98 / 300)), interpolation=cv2.INTER_AREA)
        img = np.where(img > rng.uniform(110, 150), 255, 0).astype(np.uint8)
        return ("tif", Image.fromarray(img).convert("1"))
    if kind == "shadow":
        h, w = img.shape
        img = mc.rotate(img, rng.uniform(-8, 8)); h, w = img.shape
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        a = rng.uniform(0, np.pi); cx, cy = x + side / 2, y + side / 2
        d = (xx - cx) * np.cos(a) + (yy - cy) * np.sin(a)
        soft = rng.uniform(2, 30)
        shade = 1 - rng.uniform(0.45, 0.65) / (1 + np.exp(-d / soft))
        img = np.clip(img.astype(np.float32) * shade, 0, 255).astype(np.uint8)
        img = cv2.GaussianBlur(img, (0, 0), 1.0)
        img = mc.noise(img, rng, 5)
        bgr = colour(img).astype(np.float32) * np.array([0.85, 0.95, 1.0])
        return ("jpg", np.clip(bgr, 0, 255).astype(np.uint8))
    if kind == "colour-stamp":
        bgr = colour(img)
        cx, cy = int(x + side * rng.uniform(0.2, 0.8)), int(y + side * rng.uniform(0.2, 0.8))
        ink = rng.choice([(200, 60, 30), (40, 40, 200), (150, 40, 120)])
        over = bgr.copy()
        cv2.circle(over, (cx, cy), int(side * 0.3), ink, thickness=max(3, side // 40))
        cv2.circle(over, (cx, cy), int(side * 0.22), ink, thickness=max(2, side // 70))
        cv2.putText(over, "RECEIVED", (cx - int(side * 0.2), cy), cv2.FONT_HERSHEY_SIMPLEX, side / 500, ink, max(2, side // 80))
        bgr = cv2.addWeighted(bgr, 0.35, np.minimum(bgr, over), 0.65, 0)
        bgr = cv2.GaussianBlur(bgr, (0, 0), 0.8)
        return ("jpg", bgr)
    if kind == "screen-photo":
        # The page shown on a monitor at 150 screen pixels an inch of paper (96 DPI at about 150 %
        # zoom; 2-3 pixels a module), photographed: pixel grid, raised black level, blur, moire.
        page = cv2.resize(img, (int(img.shape[1] / 2), int(img.shape[0] / 2)), interpolation=cv2.INTER_AREA)
        crop = page[max(0, y // 2 - 300): y // 2 + side // 2 + 300, max(0, x // 2 - 400): x // 2 + side // 2 + 200]
        up = cv2.resize(crop, (crop.shape[1] * 4, crop.shape[0] * 4), interpolation=cv2.INTER_NEAREST).astype(np.float32)
        grid = np.ones_like(up); grid[::4, :] *= 0.7; grid[:, ::4] *= 0.7
        up = up * grid
        up = 40 + up * 0.7
        up = mc.perspective(up.astype(np.uint8), rng, 0.06)
        up = cv2.GaussianBlur(up, (0, 0), rng.uniform(1.2, 2.0))
        scale = rng.uniform(0.55, 0.8)
        up = cv2.resize(up, (int(up.shape[1] * scale), int(up.shape[0] * scale)), interpolation=cv2.INTER_AREA)
        up = mc.noise(up, rng, 6)
        bgr = colour(up).astype(np.float32) * np.array([1.0, 0.95, 0.85])
        return ("jpg", np.clip(bgr, 0, 255).astype(np.uint8))
    if kind == "photo-12mp":
        img = mc.rotate(img, rng.uniform(-15, 15))
        img = mc.perspective(img, rng, 0.07)
        img = cv2.resize(img, (3000, int(3000 * img.shape[0] / img.shape[1])), interpolation=cv2.INTER_AREA)
        canvas = np.full((4000, 3000), 90, np.uint8)
        canvas[:min(4000, img.shape[0]), :] = img[:4000, :]
        canvas = mc.uneven_light(canvas, rng, 0.4)
        canvas = cv2.GaussianBlur(canvas, (0, 0), rng.uniform(1.0, 1.8))
        canvas = mc.noise(canvas, rng, 8)
        return ("jpg", colour(canvas))
    if kind == "crumpled":
        h, w = img.shape
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        amp, period = side * rng.uniform(0.01, 0.025), side * rng.uniform(0.6, 1.2)
        mapx = xx + amp * np.sin(2 * np.pi * yy / period + rng.random() * 6)
        mapy = yy + amp * np.sin(2 * np.pi * xx / period + rng.random() * 6)
        img = cv2.remap(img, mapx, mapy, cv2.INTER_LINEAR, borderValue=255)
        img = mc.uneven_light(img, rng, 0.3)
        img = cv2.GaussianBlur(img, (0, 0), 0.8)
        return ("jpg", colour(mc.noise(img, rng, 5)))
    if kind == "halftone":
        # Printed grey (60-75 % black) with an ordered dither, scanned at 300 dpi.
        level_black = rng.uniform(0.6, 0.75)
        g = 255 - (255 - img.astype(np.float32)) * level_black
        bayer = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], np.float32) / 16 * 255
        t = np.tile(bayer, (g.shape[0] // 4 + 1, g.shape[1] // 4 + 1))[:g.shape[0], :g.shape[1]]
        img = np.where(g > t, 255, 0).astype(np.uint8)
        img = cv2.GaussianBlur(img, (0, 0), 0.7)
        return ("png", mc.noise(img, rng, 4))
    raise SystemExit(kind)

KINDS = ["fax", "shadow", "colour-stamp", "screen-photo", "photo-12mp", "crumpled", "halftone"]
out = sys.argv[1]; seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
labels = {}
for kind in (sys.argv[3].split(",") if len(sys.argv) > 3 else KINDS):
    os.makedirs(os.path.join(out, kind), exist_ok=True)
    for t, token in enumerate(mc.tokens()):
        for seed in range(500, 500 + seeds):
            rng = random.Random(f"fresh-{kind}-{t}-{seed}")
            ext, img = make(kind, token, rng)
            name = f"{kind}/token{t}-{seed}.{ext}"; path = os.path.join(out, name)
            if ext == "tif": img.save(path, compression="group3", dpi=(204, 98))
            elif ext == "jpg": save_jpg(path, img, rng.randint(60, 90))
            else: Image.fromarray(img).save(path, compress_level=1)
            labels[name] = {"kind": kind, "token": token}
json.dump(labels, open(os.path.join(out, "labels.json"), "w"))
print(len(labels), "images")
