"""Hostile input files for bench/reliability/run.py and bench/reliability/desk_attack.py.

Every file is generated here, small on disk and built to cost a reader time or memory: the cases
of issue 18 plus our own. Nothing is downloaded and nothing large is committed.
"""
import io
import struct
import zlib
from pathlib import Path


# ---------------------------------------------------------------- PDF

def pdf(objects, root=1):
    """A PDF from object bodies (bytes, 1-based numbering) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(dictionary, data):
    return b"<< %s /Length %d >>\nstream\n" % (dictionary, len(data)) + data + b"\nendstream"


def pages_pdf(page_count, width_pt=595, height_pt=842, resources=b"<< >>", content=b"", extra=()):
    """`page_count` pages sharing one content stream and one resource dictionary.

    Objects: 1 catalog, 2 pages, 3 content, 4 resources, then `extra`, then the pages."""
    first_page = 5 + len(extra)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(page_count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count),
        stream(b"", content),
        resources,
        *extra,
    ]
    for _ in range(page_count):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 3 0 R /Resources 4 0 R >>"
                       % (width_pt, height_pt))
    return pdf(objects)


def fanout_pdf(levels=40, calls=4):
    """Form XObjects that each draw the one below `calls` times: calls**levels fills (issue 18)."""
    extra = [stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"0 0 1 1 re f")]
    for level in range(1, levels + 1):
        below = 4 + level  # object number of the previous form
        extra.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X %d 0 R >> >>" % below,
                            b" ".join([b"/X Do"] * calls)))
    top = 4 + levels + 1
    return pages_pdf(1, resources=b"<< /XObject << /X %d 0 R >> >>" % top, content=b"q 50 0 0 50 100 600 cm /X Do Q",
                     extra=extra)


def form_cycle_pdf():
    """A form that draws itself."""
    extra = [stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>", b"/X Do")]
    return pages_pdf(1, resources=b"<< /XObject << /X 5 0 R >> >>", content=b"/X Do", extra=extra)


def flate_zeros(size, value=0):
    compressor = zlib.compressobj(9)
    chunk = bytes([value]) * min(size, 1 << 20)
    out = bytearray()
    left = size
    while left > 0:
        n = min(left, len(chunk))
        out += compressor.compress(chunk[:n])
        left -= n
    return bytes(out + compressor.flush())


def image_xobject(width, height, value=255):
    return stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 /ColorSpace /DeviceGray "
                  b"/Filter /FlateDecode" % (width, height), flate_zeros(width * height, value))


def big_image_pdf(side=20000):
    """One A4 page showing one side×side image (issue 18: 20000² → 1.96 GB)."""
    return pages_pdf(1, resources=b"<< /XObject << /I 5 0 R >> >>", content=b"q 500 0 0 700 40 70 cm /I Do Q",
                     extra=[image_xobject(side, side)])


def many_images_pdf(pages=50, images=8, side=10000):
    """`pages` pages each showing `images` distinct 100-MP images (issue 18: past 5.9 GB)."""
    extra = [image_xobject(side, side, value=255 - i) for i in range(images)]
    names = b" ".join(b"/I%d %d 0 R" % (i, 5 + i) for i in range(images))
    content = b" ".join(b"q 60 0 0 60 %d 400 cm /I%d Do Q" % (40 + 65 * i, i) for i in range(images))
    return pages_pdf(pages, resources=b"<< /XObject << %s >> >>" % names, content=content, extra=extra)


def huge_pages_pdf(pages=50, megapixels=119, dpi=300):
    """`pages` blank pages whose MediaBox is `megapixels` at `dpi` (issue 18: 6.1 GB, 158 s)."""
    side_px = int((megapixels * 1e6) ** 0.5)
    side_pt = int(side_px * 72 / dpi)
    return pages_pdf(pages, width_pt=side_pt, height_pt=side_pt, content=b"0 0 1 1 re f")


def absurd_mediabox_pdf():
    return pages_pdf(1, width_pt=10**9, height_pt=10**9)


# ---------------------------------------------------------------- PNG

def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def huge_png(side=23000):
    """A grey PNG of side×side white pixels: ~0.5 MB on disk, side² bytes decoded (issue 18: 23000²)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * side
    body = bytearray()
    for _ in range(side):
        body += compressor.compress(row)
    body += compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
            + png_chunk(b"IDAT", bytes(body)) + png_chunk(b"IEND", b""))


# ---------------------------------------------------------------- JPEG

def progressive_jpeg_bomb(side=2000, scans=5000):
    """A progressive JPEG whose last refinement scan is repeated until there are `scans` scans.

    Each scan is a pass over every coefficient of the image, so the file costs scans × pixels of
    work (issue 18: 5 000 scans, 1.3 MB, 63 s of CPU)."""
    from PIL import Image  # dev-side only (PyPI), as the brief allows for generators
    # A flat image: its refinement scans are a few bytes of end-of-band runs, so repeating one is cheap on disk.
    image = Image.new("L", (side, side), 255)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, progressive=True)
    data = buffer.getvalue()
    segments = jpeg_scans(data)
    start, end = segments[-1]
    last_scan = data[start:end]
    repeated = last_scan * max(0, scans - len(segments))
    return data[:end] + repeated + data[end:]


def jpeg_scans(data):
    """(start, end) of each SOS segment with its entropy-coded data."""
    scans, offset = [], 2
    while offset + 4 <= len(data):
        marker = data[offset + 1]
        if marker == 0xD9:
            break
        length = struct.unpack(">H", data[offset + 2:offset + 4])[0]
        if marker == 0xDA:
            end = offset + 2 + length
            while end + 1 < len(data) and not (data[end] == 0xFF and data[end + 1] not in (0x00, *range(0xD0, 0xD8))):
                end += 1
            scans.append((offset, end))
            offset = end
        else:
            offset += 2 + length
    return scans


def huge_jpeg_header(width=65000, height=65000):
    """A baseline JPEG header claiming width×height, with no real data."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + sof + b"\xff\xd9"


# ---------------------------------------------------------------- TIFF

def bilevel_tiff(pages=50, width=10954, height=10954, loop=False):
    """`pages` white bilevel pages of width×height (120 MP each) sharing one Deflate strip
    (issue 18: 50 × 120 MP → 6.2 GB); with `loop` the last directory points back at the first."""
    row_bytes = (width + 7) // 8
    strip = flate_zeros(row_bytes * height, 0)  # PhotometricInterpretation 0: 0 is white
    out = bytearray(b"II*\x00" + struct.pack("<I", 8 + len(strip)) + strip)
    if len(out) % 2:
        out += b"\x00"
    entries = [(256, 4, width), (257, 4, height), (258, 3, 1), (259, 3, 8), (262, 3, 0), (273, 4, 8),
               (277, 3, 1), (278, 4, height), (279, 4, len(strip))]
    first = len(out)
    size = 2 + 12 * len(entries) + 4
    for page in range(pages):
        here = len(out)
        next_ifd = here + size if page + 1 < pages else (first if loop else 0)
        out += struct.pack("<H", len(entries))
        for tag, kind, value in entries:
            out += struct.pack("<HHI", tag, kind, 1) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
        out += struct.pack("<I", next_ifd)
    out[4:8] = struct.pack("<I", first)
    return bytes(out)


def write_all(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "fanout-4x40.pdf": fanout_pdf(),
        "form-cycle.pdf": form_cycle_pdf(),
        "progressive-5000-scans.jpg": progressive_jpeg_bomb(),
        "png-23000x23000.png": huge_png(),
        "jpeg-header-65000x65000.jpg": huge_jpeg_header(),
        "pdf-image-20000x20000.pdf": big_image_pdf(),
        "tiff-50x120MP.tiff": bilevel_tiff(),
        "tiff-directory-loop.tiff": bilevel_tiff(pages=3, width=1000, height=1000, loop=True),
        "pdf-50x119MP-pages.pdf": huge_pages_pdf(),
        "pdf-50x8x100MP-images.pdf": many_images_pdf(),
        "pdf-55-pages.pdf": pages_pdf(55, content=b"0 0 1 1 re f"),
        "pdf-mediabox-1e9.pdf": absurd_mediabox_pdf(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in files}


if __name__ == "__main__":
    import sys
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/einvoice-hostile")
    for name, path in write_all(folder).items():
        print(f"{path.stat().st_size:>10}  {name}")
