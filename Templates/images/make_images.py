"""Draws the example letterhead's logo and signature/stamp PNGs (dev-side; Pillow).

Run from the repository root: python3 Templates/images/make_images.py
The company is fictional; the images are ours (same licence as the project).
"""
import math
from PIL import Image, ImageDraw, ImageFont

BOLD = "Fonts/NotoSans-Bold.ttf"
REGULAR = "Fonts/NotoSans-Regular.ttf"
NAVY = (31, 58, 95, 255)
TEAL = (22, 128, 122, 255)


def logo(path):
    scale = 4
    width, height = 360 * scale, 120 * scale
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    # A mark: two interlocking rounded squares.
    draw.rounded_rectangle([8 * scale, 14 * scale, 98 * scale, 104 * scale], radius=18 * scale, fill=NAVY)
    draw.rounded_rectangle([38 * scale, 34 * scale, 112 * scale, 108 * scale], radius=16 * scale, fill=TEAL)
    draw.text((30 * scale, 36 * scale), "A", font=ImageFont.truetype(BOLD, 52 * scale), fill=(255, 255, 255, 255))
    draw.text((128 * scale, 18 * scale), "ARUNA", font=ImageFont.truetype(BOLD, 46 * scale), fill=NAVY)
    draw.text((130 * scale, 74 * scale), "TEXTILE MILLS", font=ImageFont.truetype(REGULAR, 24 * scale), fill=TEAL)
    image.resize((width // scale * 2, height // scale * 2), Image.LANCZOS).save(path, optimize=True)


def signature(path):
    scale = 4
    width, height = 300 * scale, 110 * scale
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    # Round company stamp, faint blue.
    stamp = (60, 80, 170, 150)
    cx, cy, r = 225 * scale, 55 * scale, 48 * scale
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=stamp, width=3 * scale)
    draw.ellipse([cx - r + 9 * scale, cy - r + 9 * scale, cx + r - 9 * scale, cy + r - 9 * scale], outline=stamp, width=1 * scale)
    small = ImageFont.truetype(BOLD, 9 * scale)
    for index, letter in enumerate("ARUNA TEXTILE MILLS · COIMBATORE ·"):
        angle = math.radians(-90 + index * 360 / 34)
        x, y = cx + (r - 5 * scale) * math.cos(angle), cy + (r - 5 * scale) * math.sin(angle)
        glyph = Image.new("RGBA", (14 * scale, 14 * scale), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((2 * scale, 0), letter, font=small, fill=stamp)
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        image.alpha_composite(glyph, (int(x - 7 * scale), int(y - 7 * scale)))
    draw.text((cx - 24 * scale, cy - 8 * scale), "PARTNER", font=small, fill=stamp)
    # A signature: a few smooth strokes in ink.
    ink = (20, 30, 90, 255)
    points = []
    for step in range(0, 400):
        t = step / 399
        x = 20 + 170 * t
        y = 62 - 22 * math.sin(t * math.pi * 5.2) * (1 - 0.6 * t) - 10 * math.sin(t * math.pi * 1.3)
        points.append((x * scale, y * scale))
    draw.line(points, fill=ink, width=3 * scale, joint="curve")
    draw.line([(40 * scale, 84 * scale), (175 * scale, 78 * scale)], fill=ink, width=2 * scale)
    image.resize((width // scale * 2, height // scale * 2), Image.LANCZOS).save(path, optimize=True)


if __name__ == "__main__":
    logo("Templates/images/aruna-logo.png")
    signature("Templates/images/aruna-signature.png")
