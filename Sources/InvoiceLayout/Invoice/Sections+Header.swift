import EInvoiceModel

extension InvoiceLayoutEngine {
    /// Seller (letterhead) on the left, document title and numbers on the right.
    func headerBlock(_ doc: PrintableInvoice, width: Points) -> Block {
        var block = Block()
        let invoice = doc.invoice
        let seller = invoice.seller
        let rightWidth = min(200, width * 0.38)
        let leftWidth = width - rightWidth - 12
        var y: Points = 0
        if let logo = template.letterhead?.logo, let base = template.baseDirectory {
            let height = Points.mm(template.letterhead?.logoHeightMM ?? 14)
            block.add(.image(ImagePlacement(path: base + "/" + logo, frame: Rect(x: 0, y: 0, width: height * 3, height: height))))
            y += height + 4
        }
        y += builder.text(seller.displayName, styles.sellerName, x: 0, y: y, width: leftWidth, into: &block)
        if let trade = seller.tradeName, trade != seller.legalName, !trade.isEmpty {
            y += builder.text(trade, styles.small.colored(template.colors.muted), x: 0, y: y, width: leftWidth, into: &block)
        }
        if let tagline = template.letterhead?.tagline {
            y += builder.text(tagline, styles.muted, x: 0, y: y, width: leftWidth, into: &block)
        }
        y += 2
        y = builder.lines(seller.addressLines, styles.base, x: 0, y: y, width: leftWidth, into: &block)
        y = builder.rows([
            (labels.gstin, seller.gstin ?? ""),
            (labels.state, StateCode.label(seller.stateCode) ?? ""),
            (labels.contact, [seller.phone, seller.email].compactMap { $0 }.joined(separator: " · ")),
        ], x: 0, y: y + 2, width: leftWidth, labelWidth: 44, valueStyle: styles.base, into: &block)

        var right: Points = 0
        let x = width - rightWidth
        right += builder.text(doc.title.uppercased(), styles.title, x: x, y: 0, width: rightWidth, alignment: .trailing, into: &block)
        right += 4
        let transaction = invoice.transaction
        let rows: [(String, String)] = [
            (labels.documentNumber(invoice.document.documentType), invoice.document.number ?? ""),
            (labels.documentDate, invoice.document.date ?? ""),
            (labels.supplyType, transaction.supplyType.map(Labels.supplyType) ?? ""),
            (labels.reverseCharge, transaction.reverseCharge ? "Yes" : "No"),
            (labels.igstOnIntra, transaction.igstOnIntraState ? "Yes" : ""),
            (labels.ecommerceGstin, transaction.ecommerceGstin ?? ""),
        ]
        for (label, value) in rows where !value.isEmpty {
            let labelWidth = rightWidth * 0.5
            let h1 = builder.text(label, styles.label, x: x, y: right + 0.5, width: labelWidth - 4, alignment: .trailing, into: &block)
            let bold = label == rows[0].0 ? styles.base.bold() : styles.base
            let h2 = builder.text(value, bold, x: x + labelWidth, y: right, width: rightWidth - labelWidth, alignment: .trailing, into: &block)
            right += max(h1, h2) + 1
        }
        block.height = max(y, right)
        return block
    }

    /// The e-invoice panel: IRN, Ack No/Date, e-way bill, and the signed QR (and UPI QR).
    func eInvoiceBlock(_ doc: PrintableInvoice, width: Points) -> Block {
        var block = Block()
        let padding: Points = 8
        let qrSide = Points.mm(template.qr.sizeMM)
        var qrX = width - padding - qrSide
        var upiWidth: Points = 0
        if doc.upiQR != nil { upiWidth = Points.mm(28) + 90 }
        let textWidth = qrX - padding * 2 - upiWidth - 8
        var y = padding
        y += builder.text(labels.eInvoice, styles.section, x: padding, y: y, width: textWidth, into: &block) + 3
        let labelWidth: Points = 52
        builder.text(labels.irn, styles.label, x: padding, y: y + 0.5, width: labelWidth, into: &block)
        y += builder.text(doc.irn, styles.mono, x: padding + labelWidth, y: y, width: textWidth - labelWidth, into: &block) + 2
        var rows: [(String, String)] = [(labels.ackNo, doc.ackNo ?? ""), (labels.ackDate, doc.ackDate ?? "")]
        if let ewb = doc.ewayBill {
            rows.append((labels.ewayBill, [ewb.number, ewb.date.map { "dated \($0)" }, ewb.validTill.map { "valid till \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")))
        }
        y = builder.rows(rows, x: padding, y: y, width: textWidth, labelWidth: labelWidth, valueStyle: styles.base, into: &block)
        y += 4
        y += builder.text(doc.signatureNote, styles.muted, x: padding, y: y, width: textWidth, into: &block)

        if let upi = doc.upiQR {
            let side = Points.mm(28)
            let upiX = qrX - upiWidth - 4
            block.add(.qr(QRPlacement(matrix: upi.matrix, frame: Rect(x: upiX, y: padding, width: side, height: side),
                                      quietZoneModules: 4, payload: upi.payload)))
            var detailY = padding + builder.text(labels.payByUPI, styles.section, x: upiX + side + 4, y: padding, width: 86, into: &block)
            detailY = builder.lines(doc.upiDetails, styles.muted, x: upiX + side + 4, y: detailY + 1, width: 86, into: &block)
            y = max(y, detailY, padding + side)
        }
        qrX = width - padding - qrSide
        block.add(.qr(QRPlacement(matrix: doc.signedQR.matrix, frame: Rect(x: qrX, y: padding, width: qrSide, height: qrSide),
                                  quietZoneModules: template.qr.quietZoneModules, payload: doc.signedQR.payload)))
        let captionY = padding + qrSide + 1
        let caption = builder.text(labels.qrCaption, styles.muted, x: qrX, y: captionY, width: qrSide, alignment: .center, into: &block)
        let height = max(y, captionY + caption) + padding
        block.items.insert(.box(Box(frame: Rect(x: 0, y: 0, width: width, height: height), fill: nil,
                                    stroke: template.colors.rule, strokeWidth: 0.75)), at: 0)
        block.height = height
        return block
    }
}
