import EInvoiceModel

extension InvoiceLayoutEngine {
    /// The company's letterhead on the left, document title and numbers on the right.
    func headerBlock(_ doc: PrintableInvoice, width: Points) -> Block {
        var block = Block()
        let rightWidth = min(200, width * 0.4)
        let y = letterhead(doc.invoice.seller, width: width - rightWidth - 12, into: &block)
        let document = documentBlock(doc, width: rightWidth, alignment: .trailing)
        block.append(document, at: 0, dx: width - rightWidth)
        block.height = max(y, document.height)
        return block
    }

    /// What the top band holds besides the letterhead, the document numbers and the panel.
    struct Band {
        var block: Block
        var holdsExtras = false
        var holdsParties = false
    }

    /// Letterhead and document numbers in a column beside a narrow e-invoice panel (QR above,
    /// IRN below), so the signed QR costs no page height of its own. The room the taller panel
    /// leaves in that column is filled: the order details (the desk's extras) go there when they
    /// fit in it, and the parties when that is shorter than printing them across the page below
    /// (on an A5 page this keeps a short invoice on one sheet). Nil when the column would be too
    /// narrow for a letterhead, or a UPI QR shares the panel.
    func topBand(_ doc: PrintableInvoice, width: Points) -> Band? {
        let panelWidth = Points.mm(template.qr.sizeMM) + 16
        let columnWidth = width - panelWidth - 12
        guard doc.upiQR == nil, columnWidth >= Self.minimumBandColumn else { return nil }
        var band = Band(block: Block())
        var y = letterhead(doc.invoice.seller, width: columnWidth, into: &band.block) + 8
        band.block.append(documentBlock(doc, width: min(columnWidth, 260), alignment: .leading), at: y)
        y = band.block.height
        let panel = eInvoiceBlock(doc, width: panelWidth, stacked: true)
        if let extras = extrasBlock(doc.extras, width: columnWidth), y + gap + extras.height <= panel.height {
            band.block.append(extras, at: y + gap)
            y = band.block.height
            band.holdsExtras = true
        }
        // Parties below extras only when the extras are here too: the order of blocks is kept.
        let below = partiesBlock(doc.invoice, width: width).map { $0.height + gap } ?? 0
        if band.holdsExtras || doc.extras.isEmpty,
           let parties = partiesBlock(doc.invoice, width: columnWidth, minimumColumn: Self.minimumPartyColumn),
           max(y + gap + parties.height, panel.height) < max(y, panel.height) + below {
            band.block.append(parties, at: y + gap)
            y = band.block.height
            band.holdsParties = true
        }
        band.block.append(panel, at: 0, dx: width - panelWidth)
        band.block.height = max(y, panel.height)
        return band
    }

    /// The narrowest column a letterhead and the document numbers take beside the panel.
    static let minimumBandColumn: Points = 200
    /// The narrowest party column beside the panel: a GSTIN on one line after its label.
    static let minimumPartyColumn: Points = 150

    /// The document title with its number, date, supply type and reverse charge.
    private func documentBlock(_ doc: PrintableInvoice, width: Points, alignment: TextAlignment) -> Block {
        var block = Block()
        let invoice = doc.invoice
        var y = builder.text(doc.title.uppercased(), styles.title, x: 0, y: 0, width: width, alignment: alignment, into: &block) + 4
        let transaction = invoice.transaction
        let rows: [(String, String)] = [
            (labels.documentNumber(invoice.document.documentType), invoice.document.number ?? ""),
            (labels(.documentDate), invoice.document.date ?? ""),
            (labels(.supplyType), transaction.supplyType.map(Labels.supplyType) ?? ""),
            (labels(.reverseCharge), transaction.reverseCharge ? "Yes" : "No"),
            (labels(.igstOnIntra), transaction.igstOnIntraState ? "Yes" : ""),
            (labels(.ecommerceGstin), transaction.ecommerceGstin ?? ""),
        ]
        let labelWidth = alignment == .trailing ? width * 0.5 : min(90, width * 0.4)
        for (index, (label, value)) in rows.enumerated() where !value.isEmpty {
            let h1 = builder.text(label, styles.label, x: 0, y: y + 0.5, width: labelWidth - 4, alignment: alignment, into: &block)
            let style = index == 0 ? styles.base.bold() : styles.base
            let h2 = builder.code(value, style, x: labelWidth, y: y, width: width - labelWidth, alignment: alignment, into: &block)
            y += max(h1, h2) + 1
        }
        block.height = y
        return block
    }

    /// Logo, name (the template's, with the signed legal name beneath when it differs), tagline,
    /// address, GSTIN and state, registration numbers and contacts. Returns the height.
    private func letterhead(_ seller: Party, width: Points, into block: inout Block) -> Points {
        let company = template.company
        var y: Points = 0
        if let logo = company.logo {
            let path = template.resolve(logo)
            let aspect = template.imageAspects[path] ?? 3
            let height = min(Points.mm(company.logoHeightMM ?? 14), width / aspect)
            block.add(.image(ImagePlacement(path: path, frame: Rect(x: 0, y: 0, width: height * aspect, height: height))))
            y += height + 4
        }
        let name = company.name ?? seller.displayName
        y += builder.text(name, styles.sellerName, x: 0, y: y, width: width, into: &block)
        // Rule 46 (a): the signed legal name stays on the page when the letterhead says otherwise.
        if let beneath = [seller.legalName, seller.tradeName].compactMap({ $0 }).first(where: { !$0.isEmpty && $0 != name }) {
            y += builder.text(beneath, styles.small.colored(template.colors.muted), x: 0, y: y, width: width, into: &block)
        }
        if let tagline = company.tagline {
            y += builder.text(tagline, styles.muted, x: 0, y: y, width: width, into: &block)
        }
        y += 2
        y = builder.lines(company.address ?? seller.addressLines, styles.base, x: 0, y: y, width: width, into: &block)
        y = builder.rows([(labels(.gstin), seller.gstin ?? ""), (labels(.state), StateCode.label(seller.stateCode) ?? "")],
                         x: 0, y: y + 2, width: width, labelWidth: 44, valueStyle: styles.base, codes: true, into: &block)
        // Registration numbers on one line, contacts on another: a letterhead, not a form.
        let registration: [(LabelKey, String?)] = [(.cin, company.cin), (.pan, company.pan)]
        let contacts: [(LabelKey, String?)] = company.phone == nil && company.email == nil
            ? [(.contact, [seller.phone, seller.email].compactMap { $0 }.joined(separator: " · "))]
            : [(.phone, company.phone), (.email, company.email)]
        for line in [registration, contacts + [(.website, company.website)]] {
            let parts = line.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(labels(key)) \($0)" } }
            y += builder.text(parts.joined(separator: "  ·  "), styles.small, x: 0, y: y, width: width, into: &block)
        }
        return y
    }

    /// The e-invoice panel: IRN, Ack No/Date, e-way bill, and the signed QR (and UPI QR): the
    /// text beside the QR, or below it when `stacked`. Only what the IRP signed or issued goes
    /// here; unsigned extras have their own block.
    func eInvoiceBlock(_ doc: PrintableInvoice, width: Points, stacked: Bool = false) -> Block {
        var block = Block()
        let padding: Points = 8
        let qrSide = Points.mm(template.qr.sizeMM)
        let qrX = stacked ? (width - qrSide) / 2 : width - padding - qrSide
        var qrY = padding
        var textY = padding
        var textWidth = qrX - padding * 2
        if stacked {
            qrY += builder.text(labels(.eInvoice), styles.section, x: padding, y: padding, width: width - 2 * padding, into: &block) + 3
            textWidth = width - 2 * padding
        } else {
            let upiWidth: Points = doc.upiQR == nil ? 0 : Points.mm(28) + 98
            textWidth -= upiWidth
            textY += builder.text(labels(.eInvoice), styles.section, x: padding, y: textY, width: textWidth, into: &block) + 3
            if let upi = doc.upiQR { textY = max(textY, upiBlock(upi, details: doc.upiDetails, x: qrX - upiWidth, into: &block)) }
        }
        block.add(.qr(QRPlacement(matrix: doc.signedQR.matrix, frame: Rect(x: qrX, y: qrY, width: qrSide, height: qrSide),
                                  quietZoneModules: template.qr.quietZoneModules, payload: doc.signedQR.payload)))
        let captionY = qrY + qrSide + 1
        let captionBottom = captionY + builder.text(labels(.qrCaption), styles.muted, x: qrX, y: captionY, width: qrSide,
                                                    alignment: .center, into: &block)
        if stacked { textY = captionBottom + 5 }
        let textBottom = panelText(doc, x: padding, y: textY, width: textWidth, into: &block)
        let height = max(textBottom, captionBottom) + padding
        block.items.insert(.box(Box(frame: Rect(x: 0, y: 0, width: width, height: height), fill: nil,
                                    stroke: template.colors.rule, strokeWidth: 0.75)), at: 0)
        block.height = height
        return block
    }

    /// IRN, acknowledgement, e-way bill and the signature note, from `y`; returns the bottom.
    private func panelText(_ doc: PrintableInvoice, x: Points, y: Points, width: Points, into block: inout Block) -> Points {
        var y = y
        let labelWidth: Points = min(52, width * 0.3)
        // In a narrow panel the IRN takes the full width under its label: two lines of 32, not four of 16.
        let irnX = width < 200 ? x : x + labelWidth
        let labelHeight = builder.text(labels(.irn), styles.label, x: x, y: y + 0.5, width: labelWidth, into: &block)
        if width < 200 { y += labelHeight + 1 }
        y += builder.identifier(doc.irn, styles.mono, x: irnX, y: y, width: width - (irnX - x), into: &block) + 2
        var rows: [(String, String)] = [(labels(.ackNo), doc.ackNo ?? ""), (labels(.ackDate), doc.ackDate ?? "")]
        if let ewb = doc.ewayBill, template.show.ewayBill {
            rows.append((labels(.ewayBill), [ewb.number, ewb.date.map { "dated \($0)" }, ewb.validTill.map { "valid till \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")))
        }
        // In a narrow panel the values take the small size, so an Ack Date keeps to one line.
        y = builder.rows(rows, x: x, y: y, width: width, labelWidth: labelWidth, valueStyle: width < 200 ? styles.small : styles.base,
                         into: &block) + 3
        return y + builder.text(doc.signatureNote, styles.muted, x: x, y: y, width: width, into: &block)
    }

    /// The B2C UPI payment QR with its text fallback, at `x`; returns its bottom.
    private func upiBlock(_ upi: PrintableInvoice.Code, details: [String], x: Points, into block: inout Block) -> Points {
        let side = Points.mm(28), padding: Points = 8
        block.add(.qr(QRPlacement(matrix: upi.matrix, frame: Rect(x: x, y: padding, width: side, height: side),
                                  quietZoneModules: 4, payload: upi.payload)))
        let detailX = x + side + 4
        var detailY = padding + builder.text(labels(.payByUPI), styles.section, x: detailX, y: padding, width: 86, into: &block)
        detailY = builder.lines(details, styles.muted, x: detailX, y: detailY + 1, width: 86, into: &block)
        return max(detailY, padding + side)
    }
}
