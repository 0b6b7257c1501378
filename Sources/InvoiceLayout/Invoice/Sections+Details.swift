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
        if let ewb = invoice.ewayBill {
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

    /// Declaration on the left; the IRP signature statement and signatory box on the right.
    func signatureBlock(_ doc: PrintableInvoice, width: Points) -> Block {
        var block = Block()
        let boxWidth = min(220, width * 0.42)
        let leftWidth = width - boxWidth - 16
        var left = builder.text("DECLARATION", styles.label, x: 0, y: 0, width: leftWidth, into: &block) + 1
        left += builder.text(template.declaration, styles.small, x: 0, y: left, width: leftWidth, into: &block)
        let x = width - boxWidth
        var y: Points = 6
        y += builder.text("For \(doc.invoice.seller.displayName)", styles.base.bold(), x: x + 6, y: y, width: boxWidth - 12, into: &block) + 3
        y += builder.text(labels.digitallySigned, styles.small.bold(), x: x + 6, y: y, width: boxWidth - 12, into: &block)
        y += builder.text(doc.signatureNote, styles.muted, x: x + 6, y: y, width: boxWidth - 12, into: &block) + 14
        y += builder.text(labels.signatory, styles.muted, x: x + 6, y: y, width: boxWidth - 12, alignment: .trailing, into: &block) + 6
        block.add(.box(Box(frame: Rect(x: x, y: 0, width: boxWidth, height: y), fill: nil, stroke: template.colors.rule, strokeWidth: 0.75)))
        block.height = max(left, y)
        return block
    }
}
