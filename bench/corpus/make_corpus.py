#!/usr/bin/env python3
"""Degraded scan corpus from the real IRP tokens (dev-side tool; numpy, opencv, Pillow from PyPI).

Each real SignedQRCode is encoded with libqrencode (the `qrencode` CLI, byte mode, quiet zone 4),
placed on an A4 page with invoice-like text at a scan resolution, and degraded the way real desks
degrade paper: resolution, rotation, perspective, blur, noise, JPEG, low contrast, faded thermal
print, small QRs at ECC H, stamps over the quiet zone, and phone photos combining several; and the hard
kinds of issue 17 (HARD_KINDS): modules of 0.9-1.8 px, keystone photos to 17 %, defocus to 0.6 module,
stamps or signatures over a finder, inverted prints, and a second (UPI) QR on the page.

    make_corpus.py OUT_DIR [--seeds N] [--first-seed K] [--kinds a,b]

Seeds 0, 1, 2 … make the measured corpus (docs/scan-decode-rates.md); develop on others
(`--first-seed 100`), so the table is measured on images the code was never looked at with.

writes OUT_DIR/<kind>/<token>-<seed>.(png|jpg) and OUT_DIR/labels.json ({file: {kind, token}}).
"""
import argparse, json, os, random, subprocess, sys, tempfile

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def tokens():
    with open(os.path.join(ROOT, "Tests/Fixtures/real/tokens/signed_qr_codes.json")) as f:
        return [r["token"] for r in json.load(f)]


def qr_modules(token, level):
    """The symbol as a 0/255 array, one pixel a module, with libqrencode's 4-module quiet zone."""
    with tempfile.NamedTemporaryFile(suffix=".png") as out:
        subprocess.run(["qrencode", "-8", "-l", level, "-s", "1", "-m", "4", "-o", out.name, token], check=True)
        symbol = Image.open(out.name).convert("RGBA")
        white = Image.new("RGBA", symbol.size, (255, 255, 255, 255))
        return np.array(Image.alpha_composite(white, symbol).convert("L"))


def page(dpi, rng):
    """A white A4 page with lines of invoice-like text, at `dpi`."""
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype(os.path.join(ROOT, "Fonts/NotoSans-Regular.ttf"), max(8, int(dpi * 0.12)))
    except OSError:
        font = ImageFont.load_default()
    y = int(dpi * 0.6)
    while y < height - dpi:
        words = " ".join(rng.choice(["Tax", "Invoice", "GSTIN", "27AAPFU0939F1ZV", "HSN", "998315", "1,19,261.00",
                                     "CGST", "9%", "Qty", "Steel", "bolts", "Rate", "Amount", "Total"]) for _ in range(rng.randint(4, 12)))
        draw.text((int(dpi * 0.5), y), words, fill=20, font=font)
        y += int(dpi * 0.22)
    return np.array(image)


def place(page_img, symbol, dpi, size_mm, rng):
    """Scales the symbol (nearest, as a printer would) to size_mm and pastes it on the page."""
    side = int(size_mm / 25.4 * dpi)
    scaled = cv2.resize(symbol, (side, side), interpolation=cv2.INTER_AREA)
    h, w = page_img.shape
    x = int(w - side - dpi * rng.uniform(0.5, 1.2))
    y = int(dpi * rng.uniform(1.2, 2.5))
    page_img[y:y + side, x:x + side] = np.minimum(page_img[y:y + side, x:x + side], scaled)
    return page_img, (x, y, side)


def rotate(img, angle):
    """Rotates about the centre on a canvas large enough to keep the whole page (as a scanner
    bed or photo would)."""
    quarter = int(round(angle / 90)) % 4
    img = np.rot90(img, quarter).copy()
    angle -= quarter * 90
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * s + w * c), int(h * c + w * s)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(img, m, (nw, nh), flags=cv2.INTER_LINEAR, borderValue=255)


def perspective(img, rng, strength):
    h, w = img.shape
    d = lambda: rng.uniform(0, strength) * min(w, h)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[d(), d()], [w - d(), d()], [w - d(), h - d()], [d(), h - d()]])
    return cv2.warpPerspective(img, cv2.getPerspectiveTransform(src, dst), (w, h), borderValue=255)


def noise(img, rng, sigma):
    n = np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, sigma, img.shape)
    return np.clip(img.astype(np.float32) + n, 0, 255).astype(np.uint8)


def uneven_light(img, rng, depth):
    h, w = img.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    shade = 1 - depth * np.sqrt(((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2)
    return np.clip(img.astype(np.float32) * shade, 0, 255).astype(np.uint8)


def stamp(img, box, rng):
    """A round rubber stamp and a signature stroke across the QR's quiet zone and one corner."""
    x, y, side = box
    overlay = img.copy()
    cx, cy = x + int(side * rng.uniform(-0.05, 0.1)), y + side + int(side * rng.uniform(-0.05, 0.05))
    cv2.circle(overlay, (cx, cy), int(side * 0.35), 90, thickness=max(2, side // 60))
    cv2.circle(overlay, (cx, cy), int(side * 0.27), 90, thickness=max(1, side // 90))
    pts = np.array([[x - side // 6 + i * side // 12, y + side // 10 + int(12 * np.sin(i))] for i in range(8)], np.int32)
    cv2.polylines(overlay, [pts], False, 40, thickness=max(2, side // 80))
    return np.minimum(img, overlay)


def jpeg(img, quality):
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE)


KINDS = ["clean-300dpi", "scan-150dpi", "scan-600dpi", "small-25mm-ecc-h", "rotated", "perspective", "blur",
         "noise", "jpeg-heavy", "low-contrast", "faded-thermal", "stamp-over-quiet-zone", "phone-photo"]

# The kinds desks send that plain decoders miss (issue 17): modules of 0.9-1.8 px, keystone photos,
# defocus of up to 0.6 module, a stamp or signature over a finder, inverted prints.
HARD_KINDS = ["tiny-25mm-ecc-h-150-220dpi", "small-ecc-m-150dpi", "keystone-photo", "defocus",
              "stamp-over-finder", "inverted-200dpi", "two-qrs"]

MODULES = {"L": 105 + 8, "M": 117 + 8, "Q": 137 + 8, "H": 157 + 8}  # modules across, quiet zone included


def keystone(img, rng, amount):
    """A photo taken at an angle: one edge of the page shorter than the opposite one by `amount`
    (a trapezoid), the shorter edge chosen at random, plus a small turn."""
    h, w = img.shape
    k = amount / 2
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    side = rng.randrange(4)
    dst = src.copy()
    if side == 0: dst[0, 0] += k * w; dst[1, 0] -= k * w      # top edge shorter
    if side == 1: dst[3, 0] += k * w; dst[2, 0] -= k * w      # bottom edge shorter
    if side == 2: dst[0, 1] += k * h; dst[3, 1] -= k * h      # left edge shorter
    if side == 3: dst[1, 1] += k * h; dst[2, 1] -= k * h      # right edge shorter
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(img, m, (w, h), flags=cv2.INTER_AREA, borderValue=200)


def stamp_over_finder(img, box, rng):
    """A filled rubber-stamp impression or a signature scrawl across one of the three finders."""
    x, y, side = box
    quiet = side * 4 / 125
    corners = [(x + quiet, y + quiet), (x + side - quiet, y + quiet), (x + quiet, y + side - quiet)]
    cx, cy = corners[rng.randrange(3)]
    overlay = img.copy()
    finder = side * 7 / 125
    if rng.random() < 0.5:
        r = int(finder * rng.uniform(1.0, 1.6))
        centre = (int(cx + rng.uniform(-0.3, 0.3) * finder), int(cy + rng.uniform(-0.3, 0.3) * finder))
        cv2.circle(overlay, centre, r, int(rng.uniform(60, 110)), thickness=-1)
        cv2.circle(overlay, centre, int(r * 1.4), 70, thickness=max(2, side // 50))
    else:
        pts = [(cx - finder * 1.5 + i * finder / 4, cy + finder * 0.8 * np.sin(i * 1.3 + rng.random()))
               for i in range(14)]
        cv2.polylines(overlay, [np.array(pts, np.int32)], False, 30, thickness=max(2, int(finder / 3)))
    return np.minimum(img, overlay)


def make_hard(kind, token, rng, tokens_all):
    """Returns (image, ext) for one of HARD_KINDS; every size is derived from a module size in
    pixels so the corpus covers 0.9-1.8 px per module evenly."""
    ext = "png"
    if kind == "tiny-25mm-ecc-h-150-220dpi":
        dpi, level, size = rng.uniform(150, 220), "H", 25
    elif kind == "small-ecc-m-150dpi":
        dpi, level, size = 150, "M", rng.uniform(25, 35)
    elif kind == "keystone-photo":
        level = "M"
        px_module = rng.uniform(1.2, 1.8)
        size = rng.uniform(35, 50)
        dpi = px_module * MODULES[level] / (size / 25.4)
    elif kind == "defocus":
        level, size = rng.choice(["M", "L"]), rng.uniform(40, 50)
        dpi = rng.uniform(200, 300)
    elif kind == "stamp-over-finder":
        level, size, dpi = rng.choice(["M", "Q", "H"]), rng.uniform(35, 50), rng.choice([200, 300])
    elif kind == "inverted-200dpi":
        level, size, dpi = "M", rng.uniform(40, 50), 200
    else:  # two-qrs
        level, size, dpi = "M", rng.uniform(38, 50), rng.choice([200, 300])
    dpi = int(round(dpi))
    symbol = qr_modules(token, level)
    img, box = place(page(dpi, rng), symbol, dpi, size, rng)
    x, y, side = box
    if kind == "keystone-photo":
        img = rotate(img, rng.uniform(-12, 12))
        img = keystone(img, rng, rng.uniform(0.05, 0.17))
        img = uneven_light(img, rng, 0.3)
        img = cv2.GaussianBlur(img, (0, 0), 0.5)
        img = jpeg(noise(img, rng, 6), rng.randint(50, 80)); ext = "jpg"
    elif kind == "defocus":
        module_px = side / MODULES[level]
        img = cv2.GaussianBlur(img, (0, 0), module_px * rng.uniform(0.3, 0.6))
        img = noise(img, rng, 2)
    elif kind == "stamp-over-finder":
        img = stamp_over_finder(img, box, rng)
    elif kind == "inverted-200dpi":
        if rng.random() < 0.5:
            img = 255 - img  # a negative scan of the whole page
        else:
            img[y:y + side, x:x + side] = 255 - img[y:y + side, x:x + side]  # white-on-black print
        img = cv2.GaussianBlur(img, (0, 0), 0.6)
    elif kind == "two-qrs":
        # A UPI payment QR beside the signed QR (B2C-style pages carry both).
        other = qr_modules("upi://pay?pa=shop@okaxis&pn=Shop&am=1180.00&cu=INR&gstIn=27AAPFU0939F1ZV"
                           "&invoiceNo=INV-" + str(rng.randint(1, 9999)) + "&gstBrkUp=GST:180|CGST:90|SGST:90", "M")
        oside = int(25 / 25.4 * dpi)
        small = cv2.resize(other, (oside, oside), interpolation=cv2.INTER_AREA)
        ox, oy = int(dpi * 0.6), y
        img[oy:oy + oside, ox:ox + oside] = np.minimum(img[oy:oy + oside, ox:ox + oside], small)
        img = cv2.GaussianBlur(img, (0, 0), 0.6)
    return img, ext


def make(kind, token, rng):
    dpi, size, level = 300, 50, "M"
    if kind == "scan-150dpi": dpi, size = 150, rng.uniform(40, 50)
    if kind == "scan-600dpi": dpi = 600
    if kind == "small-25mm-ecc-h": size, level = rng.uniform(22, 25), "H"
    if kind == "faded-thermal": dpi = 200
    symbol = qr_modules(token, level)
    img, box = place(page(dpi, rng), symbol, dpi, size, rng)
    ext = "png"
    if kind == "rotated":
        img = rotate(img, rng.choice([rng.uniform(-30, 30), 90 + rng.uniform(-10, 10), 180 + rng.uniform(-10, 10)]))
    elif kind == "perspective":
        img = perspective(img, rng, 0.13)
    elif kind == "blur":
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(1.6, 3.0))
    elif kind == "noise":
        img = cv2.GaussianBlur(img, (0, 0), 0.7)
        img = noise(img, rng, rng.uniform(30, 50))
        mask = np.random.default_rng(rng.randint(0, 1 << 30)).random(img.shape)
        img[mask < 0.02] = 0
        img[mask > 0.98] = 255
    elif kind == "jpeg-heavy":
        img = jpeg(cv2.GaussianBlur(img, (0, 0), 0.8), rng.randint(5, 10)); ext = "jpg"
    elif kind == "low-contrast":
        img = (125 + img.astype(np.float32) * (rng.uniform(45, 70) / 255)).astype(np.uint8)
        img = noise(cv2.GaussianBlur(img, (0, 0), 0.8), rng, 5)
    elif kind == "faded-thermal":
        img = (img.astype(np.float32) * 0.35 + 255 * 0.65 * rng.uniform(0.8, 1.0)).astype(np.uint8)
        img = uneven_light(img, rng, 0.4)
        img = cv2.GaussianBlur(img, (0, 0), 0.8)
        img = noise(img, rng, 6)
    elif kind == "stamp-over-quiet-zone":
        img = stamp(img, box, rng)
    elif kind == "phone-photo":
        img = perspective(rotate(img, rng.uniform(-20, 20)), rng, 0.09)
        img = uneven_light(img, rng, 0.5)
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(1.0, 2.0))
        img = noise(img, rng, 14)
        img = jpeg(img, rng.randint(20, 40)); ext = "jpg"
    return img, ext


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--first-seed", type=int, default=0, help="develop on other seeds than the measured corpus's")
    parser.add_argument("--kinds", default="", help="comma-separated subset of kinds")
    args = parser.parse_args()
    labels = {}
    wanted = [k for k in args.kinds.split(",") if k] or KINDS + HARD_KINDS
    all_tokens = tokens()
    for kind in wanted:
        os.makedirs(os.path.join(args.out, kind), exist_ok=True)
        for t, token in enumerate(all_tokens):
            for seed in range(args.first_seed, args.first_seed + args.seeds):
                rng = random.Random(f"{kind}-{t}-{seed}")
                img, ext = make_hard(kind, token, rng, all_tokens) if kind in HARD_KINDS else make(kind, token, rng)
                name = f"{kind}/token{t}-{seed}.{ext}"
                path = os.path.join(args.out, name)
                if ext == "png":
                    Image.fromarray(img).save(path, optimize=False, compress_level=1)
                else:
                    Image.fromarray(img).save(path, quality=95 if kind == "phone-photo" else 100)
                labels[name] = {"kind": kind, "token": token}
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump(labels, f)
    print(f"{len(labels)} images in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
