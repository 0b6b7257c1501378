#!/usr/bin/env python3
"""Invoice pages for the OCR read rates (dev-side tool; numpy, opencv, Pillow from PyPI; poppler-utils).

Each bundled IRP response (Tests/Fixtures/samples/*.json) is rendered by `einvoice render
--template NAME`, rasterised in grey by pdftoppm at the kind's resolution, and degraded with
bench/corpus/make_corpus.py's functions. Besides the honest page, two doctored copies are made
from the same raster, as a forger with an image editor would: the printed grand total painted
over with two neighbouring digits swapped, and the supplier GSTIN painted over with one of its
PAN's digits changed and the check character recomputed, so that it is a well-formed GSTIN. The
QR stays the IRP's. The painted text is drawn with the bundled Noto font (regular, bold or mono)
whose rendering of the original word fits the original ink best, at the original's size and place.

    make_pages.py OUT_DIR [--einvoice PATH] [--templates standard] [--seeds N] [--first-seed K] [--kinds a,b]

Seed 0 makes the measured pages (docs/ocr-read-rates.md); develop on others (`--first-seed 100`).
Everything is derived from (kind, sample, variant, seed), so the same command makes the same pages.

writes OUT_DIR/<kind>/<sample>-<variant>-<seed>.(png|jpg) and OUT_DIR/labels.json:
{file: {kind, sample, variant: honest|doctored, field (doctored: grand-total|seller-gstin),
printed (doctored: the forged value as the check quotes it), dpi, params}}.
"""
import argparse, base64, json, os, random, re, subprocess, sys, tempfile

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench/corpus"))
import make_corpus as corpus  # noqa: E402  (degradations shared with the QR corpus)

KINDS = ["clean-200dpi", "clean-300dpi", "scan-150dpi", "blur", "noise-jpeg", "low-contrast", "rotated-2deg",
         "rotated-180", "rotated-90", "phone-photo"]
FONTS = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansMono-Regular.ttf"]
GSTIN_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def signed_fields(response):
    """TotInvVal and SellerGstin from the SignedQRCode's payload (its `data` is a JSON string)."""
    payload = response["SignedQRCode"].split(".")[1]
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data = json.loads(data["data"]) if isinstance(data.get("data"), str) else data
    return data["TotInvVal"], data["SellerGstin"]


def indian(amount):
    """7,63,541.89: the last three digits, then pairs (the way the renderer prints rupees)."""
    whole, _, fraction = f"{float(amount):.2f}".partition(".")
    head, tail = whole[:-3], whole[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join(([head] if head else []) + pairs + [tail]) + "." + fraction


def gstin_check(first14):
    """The GSTIN's mod-36 check character (factors 1, 2, 1, 2 … from the left)."""
    total = 0
    for index, character in enumerate(first14):
        product = GSTIN_CHARS.index(character) * (2 if index % 2 else 1)
        total += product // 36 + product % 36
    return GSTIN_CHARS[(36 - total % 36) % 36]


def swapped_digits(amount_text, rng):
    """The amount with two neighbouring, different digits of its rupees swapped, never to a
    leading zero; an amount with no such pair (100.00) gets another first digit instead."""
    digits = [i for i, c in enumerate(amount_text.split(".")[0]) if c.isdigit()]
    pairs = [(a, b) for a, b in zip(digits, digits[1:]) if amount_text[a] != amount_text[b] and not (a == digits[0] and amount_text[b] == "0")]
    chars = list(amount_text)
    if pairs:
        a, b = rng.choice(pairs)
        chars[a], chars[b] = chars[b], chars[a]
    else:
        chars[digits[0]] = rng.choice([d for d in "23456789" if d != chars[digits[0]]])
    return "".join(chars)


def forged_gstin(gstin, rng):
    """One of the PAN's four digits (places 8–11) changed; the check character made to hold."""
    place = rng.choice([7, 8, 9, 10])
    digit = rng.choice([d for d in "0123456789" if d != gstin[place]])
    first14 = gstin[:place] + digit + gstin[place + 1:14]
    return first14 + gstin_check(first14)


def render(einvoice, template, sample, out_pdf):
    run = subprocess.run([einvoice, "render", "--template", template, "-o", out_pdf, sample], capture_output=True, text=True)
    if not os.path.exists(out_pdf):  # exit 5 (sandbox) still writes the PDF
        sys.exit(f"render failed for {sample}: {run.stderr}")


def words(pdf):
    """[(text, xMin, yMin, xMax, yMax)] in PDF points, page 1, from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [(m[4].replace("&amp;", "&"), float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in re.findall(pattern, html)]


def rasterise(pdf, dpi):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", "1", "-l", "1", pdf, os.path.join(tmp, "p")], check=True)
        name = next(f for f in os.listdir(tmp) if f.endswith(".png"))
        return np.array(Image.open(os.path.join(tmp, name)).convert("L"))


def ink_box(img, threshold=160):
    ys, xs = np.nonzero(img < threshold)
    return (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1) if len(xs) else None


def drawn(text, font_file, size):
    """The text drawn black on white at `size` px, cropped to its ink."""
    font = ImageFont.truetype(os.path.join(ROOT, "Fonts", font_file), size)
    left, top, right, bottom = font.getbbox(text)
    image = Image.new("L", (right - left + 8, bottom - top + 8), 255)
    ImageDraw.Draw(image).text((4 - left, 4 - top), text, fill=0, font=font)
    array = np.array(image)
    box = ink_box(array)
    return array[box[1]:box[3], box[0]:box[2]]


def repaint(img, box_pt, dpi, original, forged):
    """Paints the word at box_pt white and draws `forged` over it in the font whose drawing of
    `original` fits the ink there best, scaled to the original ink's width and placed on it."""
    scale = dpi / 72
    x0, y0 = int(box_pt[0] * scale) - 2, int(box_pt[1] * scale) - 2
    x1, y1 = int(box_pt[2] * scale + 0.999) + 2, int(box_pt[3] * scale + 0.999) + 2
    region = img[y0:y1, x0:x1]
    ink = ink_box(region)
    if ink is None:
        return False
    target = region[ink[1]:ink[3], ink[0]:ink[2]]
    width, height = ink[2] - ink[0], ink[3] - ink[1]
    tone = int(np.percentile(target, 2))
    best = None
    for font_file in FONTS:
        size = max(6, int(height * 1.3))
        for _ in range(3):  # settle the size on the ink width
            trial = drawn(original, font_file, size)
            size = max(6, round(size * width / trial.shape[1]))
        trial = cv2.resize(drawn(original, font_file, size), (width, height), interpolation=cv2.INTER_AREA)
        error = float(np.mean(np.abs(trial.astype(np.float32) - target.astype(np.float32))))
        if best is None or error < best[0]:
            best = (error, font_file, size)
    _, font_file, size = best
    forged_ink = drawn(forged, font_file, size)
    region[:, :] = 255
    h, w = forged_ink.shape
    h, w = min(h, region.shape[0] - ink[1]), min(w, region.shape[1] - ink[0])
    patch = forged_ink[:h, :w].astype(np.float32) / 255
    # Dark as the original print was: 0 ink maps to its tone, 255 stays paper.
    region[ink[1]:ink[1] + h, ink[0]:ink[0] + w] = (tone + patch * (255 - tone)).astype(np.uint8)
    return True


def doctor(img, dpi, page_words, original, forged):
    """Every word holding `original` (a `₹` or a label before it stays) repainted with `forged`."""
    count = 0
    for text, *box in page_words:
        if original in text and repaint(img, box, dpi, text, text.replace(original, forged)):
            count += 1
    if count == 0:
        sys.exit(f"{original} is not printed on the page")
    return img


def degrade(kind, img, rng):
    """The kind's degradation of a clean raster; returns (image, extension, parameters)."""
    if kind == "blur":
        sigma = rng.uniform(0.9, 1.6)
        return cv2.GaussianBlur(img, (0, 0), sigma), "png", {"sigma": round(sigma, 2)}
    if kind == "noise-jpeg":
        sigma, quality = rng.uniform(8, 16), rng.randint(40, 70)
        return corpus.jpeg(corpus.noise(cv2.GaussianBlur(img, (0, 0), 0.6), rng, sigma), quality), "jpg", \
            {"noise": round(sigma, 1), "quality": quality}
    if kind == "low-contrast":
        # make_corpus's low-contrast (ink and paper 45–70 levels apart around grey) with uneven light.
        span = rng.uniform(45, 70)
        img = (125 + img.astype(np.float32) * (span / 255)).astype(np.uint8)
        img = corpus.uneven_light(img, rng, 0.3)
        return corpus.noise(cv2.GaussianBlur(img, (0, 0), 0.8), rng, 5), "png", {"span": round(span, 1)}
    if kind == "rotated-2deg":
        angle = rng.choice([-1, 1]) * rng.uniform(1.5, 2.5)
        return corpus.rotate(img, angle), "png", {"angle": round(angle, 2)}
    if kind in ("rotated-180", "rotated-90"):
        angle = (180 if kind == "rotated-180" else rng.choice([90, -90])) + rng.uniform(-1, 1)
        return corpus.rotate(img, angle), "png", {"angle": round(angle, 2)}
    if kind == "phone-photo":
        # A handheld photo: turned up to 3°, a slight keystone, uneven light, soft focus, JPEG.
        angle, light, sigma, quality = rng.uniform(-3, 3), rng.uniform(0.2, 0.45), rng.uniform(0.6, 1.2), rng.randint(50, 75)
        img = corpus.perspective(corpus.rotate(img, angle), rng, 0.03)
        img = corpus.uneven_light(img, rng, light)
        img = corpus.noise(cv2.GaussianBlur(img, (0, 0), sigma), rng, 6)
        return corpus.jpeg(img, quality), "jpg", {"angle": round(angle, 2), "light": round(light, 2), "sigma": round(sigma, 2),
                                                   "quality": quality}
    return img, "png", {}


def dpi_of(kind, rng):
    fixed = {"clean-200dpi": 200, "clean-300dpi": 300, "scan-150dpi": 150}
    return fixed.get(kind) or rng.choice([200, 300])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--einvoice", default=os.path.join(ROOT, ".build/release/einvoice"))
    parser.add_argument("--templates", default="standard")
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--kinds", default="", help="comma-separated subset of kinds")
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k] or KINDS
    samples_dir = os.path.join(ROOT, "Tests/Fixtures/samples")
    samples = sorted(f for f in os.listdir(samples_dir) if f.endswith(".json"))
    labels = {}
    with tempfile.TemporaryDirectory() as tmp:
        for template in args.templates.split(","):
            for sample in samples:
                name = os.path.splitext(sample)[0].replace("-nic-data", "") + ("" if template == "standard" else "-" + template)
                pdf = os.path.join(tmp, name + ".pdf")
                render(args.einvoice, template, os.path.join(samples_dir, sample), pdf)
                total, seller = signed_fields(json.load(open(os.path.join(samples_dir, sample))))
                page_words = words(pdf)
                total_text = indian(total)
                rasters = {}
                for kind in kinds:
                    os.makedirs(os.path.join(args.out, kind), exist_ok=True)
                    for seed in range(args.first_seed, args.first_seed + args.seeds):
                        for variant in ["honest", "total", "gstin"]:
                            rng = random.Random(f"{kind}-{name}-{variant}-{seed}")
                            dpi = dpi_of(kind, random.Random(f"{kind}-{name}-{seed}"))
                            if dpi not in rasters:
                                rasters[dpi] = rasterise(pdf, dpi)
                            img = rasters[dpi].copy()
                            label = {"kind": kind, "sample": name, "variant": "honest" if variant == "honest" else "doctored", "dpi": dpi}
                            if variant == "total":
                                forged = swapped_digits(total_text, rng)
                                img = doctor(img, dpi, page_words, total_text, forged)
                                label.update(field="grand-total", printed=forged)
                            elif variant == "gstin":
                                forged = forged_gstin(seller, rng)
                                img = doctor(img, dpi, page_words, seller, forged)
                                label.update(field="seller-gstin", printed=forged)
                            img, ext, params = degrade(kind, img, rng)
                            label["params"] = params
                            file = f"{kind}/{name}-{variant}-{seed}.{ext}"
                            if ext == "png":
                                Image.fromarray(img).save(os.path.join(args.out, file), compress_level=1)
                            else:
                                Image.fromarray(img).save(os.path.join(args.out, file), quality=95)
                            labels[file] = label
    with open(os.path.join(args.out, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1)
    print(f"{len(labels)} pages in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
