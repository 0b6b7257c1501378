import EInvoiceModel
import Foundation

extension InvoiceLayoutEngine {
    /// Tax by rate (left) and the value summary (right), then the total in words.
    func totalsBlock(_ invoice: Invoice, width: Points) -> Block {
        var block = Block()
        let rightWidth = min(220, width * 0.42)
        let leftWidth = width - rightWidth - 16
        var left = builder.text(labels.taxSummary.uppercased(), styles.label, x: 0, y: 0, width: leftWidth, into: &block) + 2
        left = taxSummary(invoice.items, x: 0, y: left, width: leftWidth, into: &block)

        let totals = invoice.totals
        let rows: [(String, Decimal?)] = [
            ("Taxable value", totals.assessableValue),
            ("CGST", totals.cgst), ("SGST / UTGST", totals.sgst), ("IGST", totals.igst),
            ("Cess", totals.cess), ("State cess", totals.stateCess),
            ("Discount", totals.discount.map { -$0 }), ("Other charges", totals.otherCharges),
            ("Round off", totals.roundOff),
        ]
        var y: Points = 0
        let x = width - rightWidth
        for (label, value) in rows {
            guard let value, value != 0 || label == "Taxable value" else { continue }
            let h = builder.text(label, styles.base, x: x, y: y, width: rightWidth * 0.55, into: &block)
            builder.text(IndianNumberFormat.format(value), styles.base, x: x + rightWidth * 0.55, y: y,
                         width: rightWidth * 0.45, alignment: .trailing, into: &block)
            y += h + 1.5
        }
        builder.rule(x: x, y: y + 1, width: rightWidth, weight: 0.75, into: &block)
        y += 4
        let totalStyle = styles.base.sized(template.typeSizes.base + 2).bold()
        let currency = (totals.totalInvoiceValueForeignCurrency ?? 0) != 0 ? "" : "₹ "
        let h = builder.text("Total invoice value", totalStyle, x: x, y: y, width: rightWidth * 0.45, into: &block)
        builder.text(currency + IndianNumberFormat.format(totals.totalInvoiceValue ?? 0), totalStyle,
                     x: x + rightWidth * 0.45, y: y, width: rightWidth * 0.55, alignment: .trailing, into: &block)
        y += h + 2
        if let foreign = totals.totalInvoiceValueForeignCurrency, foreign != 0 {
            y += builder.text("In foreign currency: \(IndianNumberFormat.format(foreign)) \(invoice.export?.foreignCurrency ?? "")",
                              styles.muted, x: x, y: y, width: rightWidth, alignment: .trailing, into: &block)
        }
        var bottom = max(left, y) + 6
        bottom += builder.text(labels.amountInWords.uppercased(), styles.label, x: 0, y: bottom, width: width, into: &block) + 1
        bottom += builder.text(AmountInWords.rupees(totals.totalInvoiceValue ?? 0), styles.base.bold(), x: 0, y: bottom,
                               width: width, into: &block)
        block.height = bottom
        return block
    }

    /// Rows per GST rate: taxable value and each tax head with its rate (Rule 46 (l), (m)).
    private func taxSummary(_ items: [LineItem], x: Points, y: Points, width: Points, into block: inout Block) -> Points {
        struct Sums { var taxable: Decimal = 0, cgst: Decimal = 0, sgst: Decimal = 0, igst: Decimal = 0, cess: Decimal = 0 }
        var byRate: [Decimal: Sums] = [:]
        for item in items {
            var sums = byRate[item.gstRate ?? 0] ?? Sums()
            sums.taxable += item.assessableAmount ?? 0
            sums.cgst += item.cgstAmount ?? 0
            sums.sgst += item.sgstAmount ?? 0
            sums.igst += item.igstAmount ?? 0
            sums.cess += item.totalCess
            byRate[item.gstRate ?? 0] = sums
        }
        let hasIGST = byRate.values.contains { $0.igst != 0 }
        let hasCGST = byRate.values.contains { $0.cgst != 0 || $0.sgst != 0 } || !hasIGST
        let hasCess = byRate.values.contains { $0.cess != 0 }
        var headers = ["GST rate", "Taxable value"]
        if hasCGST { headers += ["CGST", "SGST/UTGST"] }
        if hasIGST { headers.append("IGST") }
        if hasCess { headers.append("Cess") }
        let columnWidth = width / Double(headers.count)
        var cursor = y
        block.add(.box(Box(frame: Rect(x: x, y: cursor, width: width, height: builder.height("A", styles.table, width: nil) + 4),
                           fill: template.colors.headerFill, stroke: nil, strokeWidth: 0)))
        for (index, header) in headers.enumerated() {
            builder.text(header, styles.tableHeader, x: x + Double(index) * columnWidth + 2, y: cursor + 2,
                         width: columnWidth - 4, alignment: index == 0 ? .leading : .trailing, into: &block)
        }
        cursor += builder.height("A", styles.table, width: nil) + 5
        for rate in byRate.keys.sorted() {
            guard let sums = byRate[rate] else { continue }
            let half = rate / 2
            var cells = ["\(IndianNumberFormat.formatTrimmed(rate))%", IndianNumberFormat.format(sums.taxable)]
            if hasCGST {
                cells += ["\(IndianNumberFormat.format(sums.cgst)) @\(IndianNumberFormat.formatTrimmed(half))%",
                          "\(IndianNumberFormat.format(sums.sgst)) @\(IndianNumberFormat.formatTrimmed(half))%"]
            }
            if hasIGST { cells.append("\(IndianNumberFormat.format(sums.igst)) @\(IndianNumberFormat.formatTrimmed(rate))%") }
            if hasCess { cells.append(IndianNumberFormat.format(sums.cess)) }
            var rowHeight: Points = 0
            for (index, cell) in cells.enumerated() {
                rowHeight = max(rowHeight, builder.text(cell, styles.table, x: x + Double(index) * columnWidth + 2, y: cursor,
                                                        width: columnWidth - 4, alignment: index == 0 ? .leading : .trailing,
                                                        into: &block))
            }
            cursor += rowHeight + 1
            builder.rule(x: x, y: cursor, width: width, weight: 0.25, into: &block)
            cursor += 1.5
        }
        return cursor
    }
}
