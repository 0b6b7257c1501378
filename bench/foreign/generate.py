#!/usr/bin/env python3
"""Foreign-layout corpus: invoices printed by other stacks (reportlab, WeasyPrint, Typst) around
real IRP QR tokens, honest and doctored, for the printed-vs-signed check of `einvoice scan`.

Writes Tests/Fixtures/foreign/*.pdf, Tests/Fixtures/foreign/corpus.json (what each file is and
the verdict it must get) and docs/foreign-corpus.md (the same as a table). The PDFs are
committed, so tests never need these generators:

    pip install reportlab weasyprint typst segno
    python3 bench/foreign/generate.py

Layouts differ on purpose (label left of or above the value, tables or free text, Indian or
Western grouping, ₹ / Rs. / INR, date formats, fonts, totals on the last of 1-3 pages, QR on
the first) so that the label reader is tested as a general reader, not tuned to one page.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import segno

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/Fixtures/foreign"
TOKENS = ROOT / "Tests/Fixtures/real/tokens/signed_qr_codes.json"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def indian(value: Decimal, paise=True) -> str:
    """7,63,541.89 (Indian grouping)."""
    text = f"{value:.2f}"
    whole, frac = text.split(".")
    head, tail = whole[:-3], whole[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    grouped = ",".join(groups + [tail]) if groups else tail
    return f"{grouped}.{frac}" if paise or frac != "00" else grouped


def western(value: Decimal) -> str:
    return f"{value:,.2f}"


def date_text(ddmmyyyy: str, style: str) -> str:
    d, m, y = ddmmyyyy.split("/")
    return {
        "slash": ddmmyyyy,
        "dash": f"{d}-{m}-{y}",
        "dot": f"{d}.{m}.{y}",
        "mon": f"{int(d):02d}-{MONTHS[int(m) - 1][:3]}-{y}",
        "long": f"{int(d)} {MONTHS[int(m) - 1]} {y}",
        "iso": f"{y}-{m}-{d}",
    }[style]


class Invoice:
    """An invoice around one real QR token: the signed values plus invented line items whose
    taxable value and tax add up to the signed total."""

    def __init__(self, record, lines, seed):
        data = record["data"]
        self.token = record["token"]
        self.environment = "production" if "production" in record["verifies_with"][0] else "sandbox"
        self.seller = data["SellerGstin"]
        self.buyer = data["BuyerGstin"]
        self.doc_no = data["DocNo"]
        self.doc_type = data["DocTyp"]
        self.doc_date = data["DocDt"]
        self.irn = data["Irn"]
        self.total = Decimal(str(data["TotInvVal"])).quantize(Decimal("0.01"))
        self.hsn = data["MainHsnCode"]
        taxable = (self.total / Decimal("1.18")).quantize(Decimal("0.01"))
        self.tax = self.total - taxable
        self.taxable = taxable
        rng = random.Random(seed)
        weights = [rng.randint(5, 40) for _ in range(lines)]
        amounts = [(taxable * w / sum(weights)).quantize(Decimal("0.01")) for w in weights]
        amounts[-1] += taxable - sum(amounts)
        words = ["Consulting services", "Annual maintenance", "Software licence", "Installation", "Training session",
                 "Cloud hosting", "Support retainer", "Data migration", "Network audit", "Hardware rental"]
        self.items = [(i + 1, f"{rng.choice(words)} - batch {rng.randint(100, 999)}", self.hsn, rng.randint(1, 9), amt)
                      for i, amt in enumerate(amounts)]
        # Printed values: what doctoring changes.
        self.printed_total = self.total
        self.moved_total = None
        self.printed_seller = self.seller
        self.printed_doc_no = self.doc_no
        self.printed_irn = self.irn

    def doctor(self, variant):
        """Applies one doctoring; returns (field, printed value as the layout prints it later)."""
        if variant == "total-transposed":
            digits = list(f"{self.total:.2f}")
            i = next(i for i in range(len(digits) - 4, 0, -1)
                     if digits[i].isdigit() and digits[i - 1].isdigit() and digits[i] != digits[i - 1])
            digits[i - 1], digits[i] = digits[i], digits[i - 1]
            self.printed_total = Decimal("".join(digits))
            return "grand-total"
        if variant == "total-moved":
            self.moved_total = self.total
            self.printed_total = (self.total * Decimal("1.0625")).quantize(Decimal("0.01"))
            return "grand-total"
        if variant == "gstin":
            chars = list(self.seller)
            chars[6] = "X" if chars[6] != "X" else "Y"
            self.printed_seller = "".join(chars)
            return "seller-gstin"
        if variant == "docno":
            self.printed_doc_no = self.doc_no[:-2] + self.doc_no[-1] + self.doc_no[-2] \
                if self.doc_no[-1] != self.doc_no[-2] else self.doc_no[:-1] + "9"
            return "document-number"
        if variant == "irn":
            chars = list(self.irn)
            chars[20] = "0" if chars[20] != "0" else "1"
            self.printed_irn = "".join(chars)
            return "irn"
        raise ValueError(variant)

    def qr_png(self, path):
        segno.make(self.token, error="m", mode="byte").save(path, scale=4, border=4)


# ---------------------------------------------------------------- reportlab (two layouts)

def reportlab_pdf(inv, path, qr, style):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(f"Invoice {inv.printed_doc_no}")
    width, height = A4
    font, bold = ("Helvetica", "Helvetica-Bold") if style == "a" else ("Times-Roman", "Times-Bold")
    money = (lambda v: "Rs. " + western(v)) if style == "b" else (lambda v: indian(v))

    def header(first):
        c.setFont(bold, 16)
        c.drawString(20 * mm, height - 20 * mm, "TAX INVOICE" if style == "a" else "Invoice")
        c.setFont(font, 9)
        if not first:
            c.drawString(20 * mm, height - 27 * mm, f"(continued) {inv.printed_doc_no}")

    header(True)
    y = height - 32 * mm
    c.setFont(font, 9)
    if style == "a":
        # Parties side by side under headings; number and date label: value on one line.
        c.setFont(bold, 10)
        c.drawString(20 * mm, y, "Supplier")
        c.drawString(105 * mm, y, "Buyer")
        c.setFont(font, 9)
        for i, (left, right) in enumerate([("Acme Technologies Pvt Ltd", "Wayne Retail LLP"),
                                           ("12 Ring Road, Ahmedabad 380015", "44 MG Road, Lucknow 226001"),
                                           (f"GSTIN: {inv.printed_seller}", f"GSTIN: {inv.buyer}")]):
            c.drawString(20 * mm, y - (i + 1) * 5 * mm, left)
            c.drawString(105 * mm, y - (i + 1) * 5 * mm, right)
        y -= 26 * mm
        c.drawString(20 * mm, y, f"Invoice No.: {inv.printed_doc_no}")
        c.drawString(20 * mm, y - 5 * mm, f"Invoice Date: {date_text(inv.doc_date, 'mon')}")
        c.drawString(20 * mm, y - 10 * mm, f"IRN: {inv.printed_irn}")
        y -= 16 * mm
    else:
        # Letterhead GSTIN without a heading, then "Bill To"/"Ship To" blocks; labels above values.
        c.drawString(20 * mm, y, "Globex Engineering Works, Plot 7 GIDC, Vapi")
        c.drawString(20 * mm, y - 5 * mm, f"GSTIN {inv.printed_seller}")
        y -= 14 * mm
        c.setFont(bold, 10)
        c.drawString(20 * mm, y, "Bill To")
        c.drawString(80 * mm, y, "Ship To")
        c.setFont(font, 9)
        c.drawString(20 * mm, y - 5 * mm, "Initech Distributors")
        c.drawString(20 * mm, y - 10 * mm, f"GSTIN: {inv.buyer}")
        c.drawString(80 * mm, y - 5 * mm, "Initech Warehouse 3")
        c.drawString(80 * mm, y - 10 * mm, "Same as billing")
        y -= 20 * mm
        for x, label, value in [(20, "Document No", inv.printed_doc_no), (70, "Dated", date_text(inv.doc_date, "long"))]:
            c.setFont(bold, 9)
            c.drawString(x * mm, y, label)
            c.setFont(font, 9)
            c.drawString(x * mm, y - 5 * mm, value)
        y -= 12 * mm
        c.drawString(20 * mm, y, "IRN")
        c.drawString(32 * mm, y, inv.printed_irn[:40])
        c.drawString(32 * mm, y - 4.5 * mm, inv.printed_irn[40:])
        y -= 12 * mm
    c.drawImage(str(qr), width - 70 * mm, height - 75 * mm, 50 * mm, 50 * mm)
    y = min(y, height - 85 * mm)

    def row(cells, ypos, fonts=font):
        c.setFont(fonts, 9)
        xs = [20, 32, 110, 135, 150]
        for x, text in zip(xs, cells[:-1]):
            c.drawString(x * mm, ypos, str(text))
        c.drawRightString(190 * mm, ypos, cells[-1])

    row(["Sr", "Description", "HSN/SAC", "Qty", "", "Amount"], y, bold)
    y -= 6 * mm
    page_total = Decimal(0)
    for item in inv.items:
        if y < 30 * mm:
            row(["", "Page Total carried forward", "", "", "", money(page_total)], y, bold)
            c.showPage()
            header(False)
            y = height - 40 * mm
            row(["Sr", "Description", "HSN/SAC", "Qty", "", "Amount"], y, bold)
            y -= 6 * mm
        row([item[0], item[1], item[2], item[3], "", money(item[4])], y)
        page_total += item[4]
        y -= 5.5 * mm
    if y < 70 * mm:
        c.showPage()
        header(False)
        y = height - 40 * mm
    y -= 4 * mm
    taxable_shown = inv.moved_total if inv.moved_total is not None else inv.taxable
    if style == "a":
        for label, value in [("Taxable Value", taxable_shown), ("IGST @ 18%", inv.tax)]:
            c.drawString(120 * mm, y, label)
            c.drawRightString(190 * mm, y, money(value))
            y -= 5.5 * mm
        c.setFont(bold, 11)
        c.drawString(120 * mm, y, "Grand Total (₹)".replace("₹", "INR"))
        c.drawRightString(190 * mm, y, money(inv.printed_total))
    else:
        # Label above the value, in a box.
        c.rect(120 * mm, y - 14 * mm, 70 * mm, 18 * mm)
        c.setFont(font, 9)
        c.drawString(123 * mm, y, f"Taxable {money(taxable_shown)}   Tax {money(inv.tax)}")
        c.setFont(bold, 10)
        c.drawString(123 * mm, y - 6 * mm, "Invoice Total")
        c.setFont(bold, 12)
        c.drawString(123 * mm, y - 11.5 * mm, money(inv.printed_total))
    c.setFont(font, 8)
    c.drawString(20 * mm, 15 * mm, "Amount in words: as per total above. Subject to Ahmedabad jurisdiction.")
    c.save()


# ---------------------------------------------------------------- WeasyPrint (HTML tables)

def weasy_pdf(inv, path, qr, style):
    from weasyprint import HTML

    money = (lambda v: "₹ " + indian(v)) if style == "a" else (lambda v: indian(v))
    rows = "".join(f"<tr><td>{n}</td><td>{d}</td><td>{h}</td><td>{q}</td><td class=r>{money(a)}</td></tr>"
                   for n, d, h, q, a in inv.items)
    taxable_shown = inv.moved_total if inv.moved_total is not None else inv.taxable
    if style == "a":
        parties = f"""<table class=parties><tr><th>Details of Supplier</th><th>Details of Receiver (Billed to)</th></tr>
        <tr><td>Stark Components Ltd<br>Sector 5, Noida<br>GSTIN/UIN: {inv.printed_seller}</td>
        <td>Umbrella Pharma Pvt Ltd<br>Baner, Pune<br>GSTIN/UIN: {inv.buyer}</td></tr></table>
        <table class=meta><tr><td>Invoice Number</td><td>{inv.printed_doc_no}</td><td>Date of Invoice</td>
        <td>{date_text(inv.doc_date, 'slash')}</td></tr></table>"""
        totals = f"""<table class=totals><tr><td>Total Taxable Value</td><td class=r>{money(taxable_shown)}</td></tr>
        <tr><td>CGST 9%</td><td class=r>{money(inv.tax / 2)}</td></tr><tr><td>SGST 9%</td><td class=r>{money(inv.tax - inv.tax / 2)}</td></tr>
        <tr class=b><td>Total Invoice Value (₹)</td><td class=r>{indian(inv.printed_total)}</td></tr></table>"""
        font = "DejaVu Sans"
    else:
        parties = f"""<div class=cols><div><h3>Seller</h3>Oscorp Industries<br>Andheri East, Mumbai<br>
        GSTIN {inv.printed_seller}</div><div><h3>Customer</h3>Cyberdyne Systems<br>Whitefield, Bengaluru<br>
        GSTIN {inv.buyer}</div></div>
        <p>Inv No: <b>{inv.printed_doc_no}</b> &nbsp; Inv Date: {date_text(inv.doc_date, 'dot')}</p>"""
        totals = f"""<div class=sum><div>Sub total <span>{money(taxable_shown)}</span></div>
        <div>Tax (IGST) <span>{money(inv.tax)}</span></div>
        <div class=b>AMOUNT PAYABLE<br><span class=big>INR {indian(inv.printed_total)}</span></div></div>"""
        font = "DejaVu Serif"
    html = f"""<html><head><style>
    @page {{ size: A4; margin: 16mm; }}
    body {{ font-family: '{font}'; font-size: 9pt; }}
    table {{ border-collapse: collapse; width: 100%; margin: 4mm 0; }} td, th {{ border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; }}
    .r {{ text-align: right; }} .b {{ font-weight: bold; }} .qr {{ float: right; width: 48mm; }}
    .cols {{ display: flex; gap: 20mm; }} .cols h3 {{ margin: 0 0 2pt; font-size: 10pt; }}
    .irn {{ width: 60mm; word-break: break-all; font-family: 'DejaVu Sans Mono'; font-size: 8pt; }}
    .totals {{ width: 60%; margin-left: 40%; }} .sum {{ margin-left: 55%; }} .sum span {{ float: right; }} .big {{ font-size: 12pt; }}
    </style></head><body>
    <img class=qr src="{qr.as_uri()}">
    <h1>{'Tax Invoice' if style == 'a' else 'INVOICE'}</h1>
    {parties}
    <p>IRN:</p><div class=irn>{inv.printed_irn}</div>
    <table><tr><th>#</th><th>Item</th><th>HSN</th><th>Qty</th><th class=r>Value</th></tr>{rows}</table>
    {totals}
    <p>Certified that the particulars given above are true and correct.</p>
    </body></html>"""
    HTML(string=html, base_url=str(qr.parent)).write_pdf(str(path))


# ---------------------------------------------------------------- Typst (grid layout)

def typst_pdf(inv, path, qr, style):
    import typst

    def esc(text):
        return str(text).replace("\\", "\\\\").replace("#", "\\#").replace("$", "\\$").replace("/", "\\/") \
            .replace("*", "\\*").replace("_", "\\_").replace("@", "\\@").replace("<", "\\<")

    money = (lambda v: f"{v:.2f}") if style == "a" else (lambda v: western(v))
    taxable_shown = inv.moved_total if inv.moved_total is not None else inv.taxable
    items = ",\n".join(f"[{n}], [{esc(d)}], [{h}], [{q}], align(right)[{money(a)}]" for n, d, h, q, a in inv.items)
    if style == "a":
        head = f"""#grid(columns: (1fr, 1fr), gutter: 8mm,
  [*Seller* \\ Initrode Textiles \\ Surat, Gujarat \\ GSTIN: {esc(inv.printed_seller)}],
  [*Purchaser* \\ Hooli Apparel \\ Chennai \\ GSTIN: {esc(inv.buyer)}])
#v(4mm)
#table(columns: (auto, 1fr), stroke: none,
  [Doc No.], [{esc(inv.printed_doc_no)}],
  [Doc Date], [{date_text(inv.doc_date, 'iso')}],
  [IRN No.], [#text(size: 7pt)[{inv.printed_irn}]])"""
        totals = f"""#align(right)[#table(columns: (auto, auto), stroke: 0.4pt,
  [Taxable amount], [{money(taxable_shown)}],
  [IGST], [{money(inv.tax)}],
  [*Total Amount Payable (INR)*], [*{money(inv.printed_total)}*])]"""
    else:
        head = f"""#text(size: 8pt)[Sold by: Vandelay Imports, Kochi — GSTIN {esc(inv.printed_seller)}]
#v(3mm)
#block(stroke: 0.4pt, inset: 6pt)[*BILLED TO* \\ Soylent Foods \\ Indore \\ {esc(inv.buyer)}]
#v(3mm)
Bill No #h(2mm) *{esc(inv.printed_doc_no)}* #h(1fr) Bill Date #h(2mm) {date_text(inv.doc_date, 'dash')}
#v(2mm)
#block(width: 55mm)[IRN #h(2mm) #text(font: "DejaVu Sans Mono", size: 7pt)[{inv.printed_irn[:32]} {inv.printed_irn[32:]}]]"""
        totals = f"""#v(3mm)
#align(right)[#block(width: 70mm)[
  #grid(columns: (1fr, auto), row-gutter: 2mm,
  [Assessable value], [{money(taxable_shown)}],
  [Tax], [{money(inv.tax)}],
  [#text(size: 11pt)[*NET AMOUNT*]], [#text(size: 11pt)[*₹{money(inv.printed_total)}*]])]]"""
    source = f"""#set page(paper: "a4", margin: 15mm)
#set text(font: "{'DejaVu Sans' if style == 'a' else 'DejaVu Serif'}", size: 9pt)
#place(top + right, image("qr.png", width: 46mm))
#text(size: 15pt)[*{'TAX INVOICE' if style == 'a' else 'e-Invoice'}*]
#v(6mm)
{head}
#v(30mm)
#table(columns: (auto, 1fr, auto, auto, auto), stroke: 0.3pt,
  [*S.No*], [*Particulars*], [*HSN*], [*Qty*], [*Amount*],
{items})
{totals}
"""
    work = qr.parent
    (work / "invoice.typ").write_text(source)
    typst.compile(str(work / "invoice.typ"), output=str(path), root=str(work))


STACKS = {"reportlab": reportlab_pdf, "weasyprint": weasy_pdf, "typst": typst_pdf}

# (stack, style, token index, line count): line counts give 1, 2 and 3 pages with totals last.
LAYOUTS = [
    ("reportlab", "a", 7, 8), ("reportlab", "b", 7, 70), ("reportlab", "a", 8, 95),
    ("weasyprint", "a", 7, 10), ("weasyprint", "b", 7, 60), ("weasyprint", "b", 6, 4),
    ("typst", "a", 7, 12), ("typst", "b", 7, 55), ("typst", "a", 4, 90),
]
DOCTORED = ["total-transposed", "total-moved", "gstin", "docno", "irn"]


def page_count(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main():
    tokens = json.loads(TOKENS.read_text())
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (stack, style, token_index, lines) in enumerate(LAYOUTS):
            variants = ["honest"] + (DOCTORED if tokens[token_index]["verifies_with"][0].startswith("nic_production")
                                     and index % 3 != 2 else [])
            for variant in variants:
                inv = Invoice(tokens[token_index], lines, seed=index)
                field = None if variant == "honest" else inv.doctor(variant)
                work = Path(tmp) / f"{index}-{variant}"
                work.mkdir()
                qr = work / "qr.png"
                inv.qr_png(qr)
                name = f"{stack}-{style}{index}-{variant}.pdf"
                STACKS[stack](inv, OUT / name, qr, style)
                printed = {"grand-total": None, "seller-gstin": inv.printed_seller, "document-number": inv.printed_doc_no,
                           "irn": inv.printed_irn}.get(field)
                if field == "grand-total":
                    printed = f"{inv.printed_total:.2f}"
                entries.append({
                    "file": name, "stack": stack, "layout": f"{stack}-{style}", "pages": page_count(OUT / name),
                    "environment": inv.environment, "variant": variant, "docNo": inv.doc_no,
                    "expect": {"verdict": ("valid" if inv.environment == "production" else "sandbox")
                               if variant == "honest" else "invalid",
                               "field": field, "printedValue": printed},
                })
                print(name, entries[-1]["pages"], "pages", variant, file=sys.stderr)
    (OUT / "corpus.json").write_text(json.dumps(entries, indent=1) + "\n")
    table = ["| File | Stack | Pages | Token | Variant | Expected verdict | Doctored field | Doctored value (digits) |",
             "|---|---|---|---|---|---|---|---|"]
    for e in entries:
        table.append(f"| `{e['file']}` | {e['stack']} | {e['pages']} | {e['environment']} {e['docNo']} | {e['variant']} | "
                     f"{e['expect']['verdict']} | {e['expect']['field'] or ''} | {e['expect']['printedValue'] or ''} |")
    doc = ROOT / "docs/foreign-corpus.md"
    doc.write_text("# Foreign-layout corpus\n\n"
                   "Invoices printed by other stacks around real IRP QR tokens (`Tests/Fixtures/real/tokens`), honest and\n"
                   "doctored, generated by `bench/foreign/generate.py` into `Tests/Fixtures/foreign/` (committed).\n"
                   "`ForeignCorpusTests` checks every one: honest ones valid (or sandbox) with no printed difference,\n"
                   "doctored ones invalid with a `printed-differs` failure naming the doctored field and value.\n\n"
                   + "\n".join(table) + "\n")
    print(f"{len(entries)} PDFs, {sum(f.stat().st_size for f in OUT.glob('*.pdf')) // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()
