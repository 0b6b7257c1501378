#!/usr/bin/env python3
"""Reference for bench/render: a warm Typst (PyPI `typst`) rendering the same invoice in one process.

Reads an IRP response (the bench's synthetic sample), decodes its SignedInvoice payload, and for
SECONDS compiles a one-page A4 tax invoice to PDF again and again: seller and buyer blocks, IRN,
Ack No/Date, a line-item table with every line of the invoice, totals, and the signed QR as a PNG.
What Typst is not asked to do, and einvoice does per invoice: verify the two RS256 signatures and
encode the QR (made once here by `qrencode`, outside the timed loop). Prints `typst RATE invoices/s`.

    python3 bench/reference/typst_render.py SAMPLE.json SECONDS
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time

import typst


def payload(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def escape(text):
    return "".join("\\" + c if c in "\\#[]*_`$<>@\"~/" else c for c in str(text))


def document(response):
    invoice = json.loads(payload(response["SignedInvoice"])["data"])
    seller, buyer, doc = invoice["SellerDtls"], invoice["BuyerDtls"], invoice["DocDtls"]
    rows = "\n".join(
        f"[{escape(i['SlNo'])}], [{escape(i['PrdDesc'])}], [{escape(i['HsnCd'])}], [{escape(i['Qty'])}], "
        f"[{escape(i['UnitPrice'])}], [{escape(i['GstRt'])}], [{escape(i['TotItemVal'])}],"
        for i in invoice["ItemList"])
    return f"""
#set page(paper: "a4", margin: 12mm)
#set text(size: 8pt)
#grid(columns: (1fr, 32mm), [
  = Tax Invoice
  *{escape(seller['LglNm'])}* \\ GSTIN {escape(seller['Gstin'])} \\ {escape(seller['Addr1'])}, {escape(seller['Loc'])}
  #v(2mm)
  Bill to: *{escape(buyer['LglNm'])}* \\ GSTIN {escape(buyer['Gstin'])} \\ {escape(buyer['Addr1'])}, {escape(buyer['Loc'])}
  #v(2mm)
  Invoice {escape(doc['No'])} dated {escape(doc['Dt'])} \\
  IRN {escape(response['Irn'])} \\ Ack No {escape(response['AckNo'])}, Ack Date {escape(response['AckDt'])}
], image("qr.png", width: 32mm))
#table(columns: (auto, 1fr, auto, auto, auto, auto, auto), align: (left, left, left, right, right, right, right),
  [*No*], [*Description*], [*HSN*], [*Qty*], [*Rate*], [*GST %*], [*Amount*],
{rows}
)
#align(right)[Grand total: *{escape(invoice['ValDtls']['TotInvVal'])}*]
"""


def main():
    sample, seconds = sys.argv[1], float(sys.argv[2])
    response = json.load(open(sample))
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["qrencode", "-l", "M", "-s", "4", "-o", os.path.join(work, "qr.png"), response["SignedQRCode"]], check=True)
        source = os.path.join(work, "invoice.typ")
        with open(source, "w") as f:
            f.write(document(response))
        typst.compile(source)  # warm: fonts scanned, caches filled
        count, start = 0, time.process_time()
        while time.process_time() - start < seconds:
            with open(source, "w") as f:  # a new document each time, as a desk renders a new invoice
                f.write(document(response) + f"\n// {count}\n")
            if not typst.compile(source):
                sys.exit("typst produced no PDF")
            count += 1
        print(f"typst {count / (time.process_time() - start):.1f} invoices/s")


main()
