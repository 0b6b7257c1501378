import EInvoiceModel
import Foundation

extension InvoiceLayoutEngine {
    /// Payment, reference, export and transport details, each only when present, in columns.
    func detailsBlock(_ doc: PrintableInvoice, width: Points) -> Block? {
        let invoice = doc.invoice
        var sections: [(String, [(String, String)])] = []
        if let pay = invoice.payment {
            sections.append(("Payment", [
                ("Payee", pay.payeeName ?? ""), ("Account", pay.accountNumber ?? ""), ("IFSC", pay.ifsc ?? ""),
                ("Mode", pay.mode ?? ""), ("Terms", pay.terms ?? ""), ("Instruction", pay.instruction ?? ""),
                ("Credit days", pay.creditDays == "0" ? "" : pay.creditDays ?? ""),
                ("Paid", pay.paidAmount.flatMap { $0 == 0 ? nil : IndianNumberFormat.format($0) } ?? ""),
                ("Amount due", pay.amountDue.flatMap { $0 == 0 ? nil : IndianNumberFormat.format($0) } ?? ""),
            ]))
        }
        if let ref = invoice.reference {
            var rows: [(String, String)] = [("Remarks", ref.remarks ?? "")]
            if ref.periodStart != nil || ref.periodEnd != nil {
                rows.append(("Period", "\(ref.periodStart ?? "?") – \(ref.periodEnd ?? "?")"))
            }
            rows += ref.precedingDocuments.map { ("Original invoice", [$0.number, $0.date.map { "dated \($0)" }, $0.otherReference]
                .compactMap { $0 }.joined(separator: " ")) }
            rows += ref.contractReferences.flatMap { $0.map { ($0.label, $0.value) } }
            sections.append(("Reference", rows))
        }
        if let export = invoice.export {
            sections.append(("Export", [
                ("Shipping bill", [export.shippingBillNumber, export.shippingBillDate].compactMap { $0 }.joined(separator: " dated ")),
                ("Port", export.port ?? ""), ("Country", export.countryCode ?? ""), ("Currency", export.foreignCurrency ?? ""),
                ("Refund claim", export.refundClaim ?? ""),
                ("Export duty", export.exportDuty.flatMap { $0 == 0 ? nil : IndianNumberFormat.format($0) } ?? ""),
            ]))
        }
        if let ewb = invoice.ewayBill, template.show.ewayBill {
            sections.append(("Transport", [
                ("Transporter", [ewb.transporterName, ewb.transporterId].compactMap { $0 }.joined(separator: " · ")),
                ("Mode", ewb.transportModeName ?? ""), ("Distance", ewb.distance.map { "\($0) km" } ?? ""),
                ("Document", [ewb.transportDocNo, ewb.transportDocDate].compactMap { $0 }.joined(separator: " dated ")),
                ("Vehicle", [ewb.vehicleNumber, ewb.vehicleType == "O" ? "ODC" : nil].compactMap { $0 }.joined(separator: " · ")),
            ]))
        }
        sections = sections.filter { $0.1.contains { !$0.1.isEmpty } }
        guard !sections.isEmpty else { return nil }
        var block = Block()
        let gap: Points = 12
        let perRow = min(sections.count, 3)
        let columnWidth = (width - gap * Double(perRow - 1)) / Double(perRow)
        var rowTop: Points = 0
        for start in stride(from: 0, to: sections.count, by: perRow) {
            var rowBottom = rowTop
            for (offset, section) in sections[start..<min(start + perRow, sections.count)].enumerated() {
                let x = Double(offset) * (columnWidth + gap)
                let y = rowTop + builder.text(section.0.uppercased(), styles.label, x: x, y: rowTop, width: columnWidth, into: &block) + 1
                rowBottom = max(rowBottom, builder.rows(section.1, x: x, y: y, width: columnWidth, labelWidth: 62, into: &block))
            }
            rowTop = rowBottom + 4
        }
        block.height = rowTop
        return block
    }

    /// The template's bank details as label/value rows (empty when it has none).
    private func bankRows() -> [(String, String)] {
        guard let payment = template.payment else { return [] }
        let rows: [(String, String)] = [
            (labels(.accountName), payment.accountName ?? ""), (labels(.bank), payment.bank ?? ""),
            (labels(.accountNumber), payment.accountNumber ?? ""), (labels(.ifsc), payment.ifsc ?? ""),
            (labels(.branch), payment.branch ?? ""), (labels(.upiId), payment.upiId ?? ""),
        ]
        return rows.contains { !$0.1.isEmpty } ? rows : []
    }

    /// The company's bank details, terms and declaration on the left; the signature box on the
    /// right: "For {seller}", the signature or stamp image, and the signatory line.
    func signatureBlock(_ doc: PrintableInvoice, width: Points) -> Block {
        var block = Block()
        let boxWidth = min(200, width * 0.4)
        let leftWidth = width - boxWidth - 16
        let bank = bankRows()
        let hasText = !template.terms.isEmpty || (template.show.declaration && !template.declaration.isEmpty)
        // Bank details and terms side by side when both are there: a short invoice stays on one page.
        let bankWidth = bank.isEmpty ? 0 : hasText ? min(170, leftWidth * 0.42) : leftWidth
        var bankBottom: Points = 0
        if !bank.isEmpty {
            bankBottom = builder.text(labels(.bankDetails).uppercased(), styles.label, x: 0, y: 0, width: bankWidth, into: &block) + 1
            bankBottom = builder.rows(bank, x: 0, y: bankBottom, width: bankWidth, labelWidth: min(58, bankWidth * 0.38),
                                      valueStyle: styles.small, codes: true, into: &block)
        }
        let textX = bank.isEmpty ? 0 : bankWidth + 12
        let textWidth = leftWidth - textX
        var left: Points = 0
        if !template.terms.isEmpty {
            left += builder.text(labels(.terms).uppercased(), styles.label, x: textX, y: left, width: textWidth, into: &block) + 1
            for (index, term) in template.terms.enumerated() {
                builder.text("\(index + 1).", styles.small, x: textX, y: left, width: 12, into: &block)
                left += builder.text(term, styles.small, x: textX + 12, y: left, width: textWidth - 12, into: &block) + 0.5
            }
            left += 4
        }
        if template.show.declaration, !template.declaration.isEmpty {
            left += builder.text(labels(.declaration).uppercased(), styles.label, x: textX, y: left, width: textWidth, into: &block) + 1
            left += builder.text(template.declaration, styles.small, x: textX, y: left, width: textWidth, into: &block)
        }
        left = max(left, bankBottom)
        let x = width - boxWidth
        let inner = boxWidth - 12
        var y: Points = 6
        if template.signature.forSeller {
            let seller = template.company.name ?? doc.invoice.seller.displayName
            y += builder.text("\(labels(.forSeller)) \(seller)", styles.base.bold(), x: x + 6, y: y, width: inner, into: &block) + 3
        }
        if let image = template.signature.image {
            let path = template.resolve(image)
            let aspect = template.imageAspects[path] ?? 3
            let height = min(Points.mm(template.signature.imageHeightMM ?? 15), inner / aspect)
            block.add(.image(ImagePlacement(path: path, frame: Rect(x: x + boxWidth - 6 - height * aspect, y: y, width: height * aspect,
                                                                    height: height))))
            y += height + 2
        } else {
            y += 26
        }
        y += builder.text(labels(.signatory), styles.muted, x: x + 6, y: y, width: inner, alignment: .trailing, into: &block) + 6
        block.add(.box(Box(frame: Rect(x: x, y: 0, width: boxWidth, height: y), fill: nil, stroke: template.colors.rule, strokeWidth: 0.75)))
        block.height = max(left, y)
        return block
    }
}
