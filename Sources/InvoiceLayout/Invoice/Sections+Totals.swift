import EInvoiceModel
import Foundation

extension InvoiceLayoutEngine {
    /// The HSN-wise tax summary (left) and the value summary (right), with the total in words
    /// under the tax summary (or in its place) when it fits beside the values, else below them;
    /// the summary and the words are left out when the template says so.
    func totalsBlock(_ invoice: Invoice, width: Points) -> Block {
        var block = Block()
        let showSummary = template.show.hsnSummary
        let rightWidth = showSummary ? min(220, width * 0.42) : min(260, width * 0.6)
        let leftWidth = width - rightWidth - 16
        var left: Points = 0
        if showSummary {
            left = builder.text(labels(.taxSummary).uppercased(), styles.label, x: 0, y: 0, width: leftWidth, into: &block) + 2
            left = taxSummary(invoice.items, x: 0, y: left, width: leftWidth, into: &block)
        }

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
        let amount = currency + IndianNumberFormat.format(totals.totalInvoiceValue ?? 0)
        // The amount keeps the width it needs; the label wraps only if the two cannot share a line.
        let amountWidth = min(rightWidth * 0.6, builder.width(amount, totalStyle) + 2)
        let h = builder.text(labels(.totalInvoiceValue), totalStyle, x: x, y: y, width: rightWidth - amountWidth - 4, into: &block)
        builder.text(amount, totalStyle, x: x + rightWidth - amountWidth, y: y, width: amountWidth, alignment: .trailing, into: &block)
        y += h + 2
        if let foreign = totals.totalInvoiceValueForeignCurrency, foreign != 0 {
            y += builder.text("In foreign currency: \(IndianNumberFormat.format(foreign)) \(invoice.export?.foreignCurrency ?? "")",
                              styles.muted, x: x, y: y, width: rightWidth, alignment: .trailing, into: &block)
        }
        var bottom = max(left, y)
        if template.show.amountInWords {
            let words = AmountInWords.rupees(totals.totalInvoiceValue ?? 0)
            let wordsHeight = builder.height(labels(.amountInWords).uppercased(), styles.label, width: leftWidth) + 1
                + builder.height(words, styles.base.bold(), width: leftWidth)
            // Beside the value summary (under the tax summary, if any) when it fits there; else across the page.
            let besideTop = showSummary ? left + 6 : 0
            let beside = besideTop + wordsHeight <= y
            let top = beside ? besideTop : bottom + 6
            let wordsWidth = beside ? leftWidth : width
            var wordsY = top + builder.text(labels(.amountInWords).uppercased(), styles.label, x: 0, y: top, width: wordsWidth, into: &block) + 1
            wordsY += builder.text(words, styles.base.bold(), x: 0, y: wordsY, width: wordsWidth, into: &block)
            bottom = max(bottom, wordsY)
        }
        block.height = bottom
        return block
    }

    /// Rows per HSN/SAC code and GST rate: taxable value and each tax head with its rate
    /// (Rule 46 (g), (l), (m)).
    private func taxSummary(_ items: [LineItem], x: Points, y: Points, width: Points, into block: inout Block) -> Points {
        struct Key: Hashable, Comparable {
            var hsn: String, rate: Decimal
            static func < (a: Key, b: Key) -> Bool { (a.hsn, a.rate) < (b.hsn, b.rate) }
        }
        struct Sums { var taxable: Decimal = 0, cgst: Decimal = 0, sgst: Decimal = 0, igst: Decimal = 0, cess: Decimal = 0 }
        var byRate: [Key: Sums] = [:]
        for item in items {
            let key = Key(hsn: item.hsnCode ?? "", rate: item.gstRate ?? 0)
            var sums = byRate[key] ?? Sums()
            sums.taxable += item.assessableAmount ?? 0
            sums.cgst += item.cgstAmount ?? 0
            sums.sgst += item.sgstAmount ?? 0
            sums.igst += item.igstAmount ?? 0
            sums.cess += item.totalCess
            byRate[key] = sums
        }
        let hasIGST = byRate.values.contains { $0.igst != 0 }
        let hasCGST = byRate.values.contains { $0.cgst != 0 || $0.sgst != 0 } || !hasIGST
        let hasCess = byRate.values.contains { $0.cess != 0 }
        var headers = [labels(.hsn), labels(.taxable), labels(.gstRate)]
        if hasCGST { headers += [labels(.cgst), labels(.sgst)] }
        if hasIGST { headers.append(labels(.igst)) }
        if hasCess { headers.append(labels(.cess)) }
        let columnWidth = width / Double(headers.count)
        var cursor = y
        let headerHeight = headers.map { builder.height($0, styles.tableHeader, width: columnWidth - 4) }.max() ?? 0
        block.add(.box(Box(frame: Rect(x: x, y: cursor, width: width, height: headerHeight + 4),
                           fill: template.colors.headerFill, stroke: nil, strokeWidth: 0)))
        for (index, header) in headers.enumerated() {
            builder.text(header, styles.tableHeader, x: x + Double(index) * columnWidth + 2, y: cursor + 2,
                         width: columnWidth - 4, alignment: index == 0 ? .leading : .trailing, into: &block)
        }
        cursor += headerHeight + 5
        for key in byRate.keys.sorted() {
            guard let sums = byRate[key] else { continue }
            var cells = [key.hsn, IndianNumberFormat.format(sums.taxable), "\(IndianNumberFormat.formatTrimmed(key.rate))%"]
            if hasCGST { cells += [IndianNumberFormat.format(sums.cgst), IndianNumberFormat.format(sums.sgst)] }
            if hasIGST { cells.append(IndianNumberFormat.format(sums.igst)) }
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
