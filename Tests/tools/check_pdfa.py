#!/usr/bin/env python3
"""Independent PDF/A-3b structure check with pikepdf (a qpdf-based reader from PyPI).

    check_pdfa.py FILE.pdf [EXPECTED_IRN]

Checks what `render --archive` promises: PDF/A identification in XMP, an sRGB output intent,
Info/XMP agreement, every font embedded, /AF associated files (AFRelationship /Source) with MIME
subtypes, a trailer /ID, no encryption or JavaScript. Prints one line per failed check; exit 1 if any.
"""
import sys

import pikepdf

path = sys.argv[1]
irn = sys.argv[2] if len(sys.argv) > 2 else None
problems = []
pdf = pikepdf.open(path)
root = pdf.Root

if pdf.is_encrypted:
    problems.append("encrypted")
if "/ID" not in pdf.trailer:
    problems.append("no trailer /ID")
if pdf.pdf_version < "1.7":
    problems.append(f"PDF version {pdf.pdf_version} < 1.7")

meta = pdf.open_metadata()
if meta.get("pdfaid:part") != "3" or meta.get("pdfaid:conformance") != "B":
    problems.append(f"XMP PDF/A id is part={meta.get('pdfaid:part')} conformance={meta.get('pdfaid:conformance')}")
info = pdf.docinfo
if str(info.get("/Title", "")) != str(meta.get("dc:title", "")):
    problems.append("Info /Title and XMP dc:title differ")
if str(info.get("/Producer", "")) != str(meta.get("pdf:Producer", "")):
    problems.append("Info /Producer and XMP pdf:Producer differ")
if not str(info.get("/CreationDate", "")).startswith("D:"):
    problems.append("Info /CreationDate is not a PDF date")
if irn and irn not in str(meta.get("dc:description", "")) + str(meta.get("pdf:Keywords", "")):
    problems.append("the IRN is not in the XMP")

intents = root.get("/OutputIntents", [])
if not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i and i.DestOutputProfile.get("/N") == 3 for i in intents):
    problems.append("no GTS_PDFA1 output intent with an RGB ICC profile")

for page in pdf.pages:
    fonts = page.Resources.get("/Font", {})
    for name, font in fonts.items():
        descriptors = [font.get("/FontDescriptor")] + [d.get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
        if not any(d is not None and any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in descriptors):
            problems.append(f"font {name} ({font.get('/BaseFont')}) is not embedded")

af = root.get("/AF", [])
if len(af) < 2:
    problems.append(f"{len(af)} associated files in /AF (expected the SignedInvoice and SignedQRCode)")
for spec in af:
    if spec.get("/AFRelationship") != "/Source":
        problems.append(f"{spec.get('/F')}: AFRelationship is {spec.get('/AFRelationship')}")
    stream = spec.get("/EF", {}).get("/F")
    if stream is None or "/Subtype" not in stream:
        problems.append(f"{spec.get('/F')}: embedded file without a MIME /Subtype")
    if irn and irn not in str(spec.get("/F")):
        problems.append(f"{spec.get('/F')}: the name lacks the IRN")

if "/OpenAction" in root or "/JavaScript" in root.get("/Names", {}):
    problems.append("JavaScript or an open action")

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
