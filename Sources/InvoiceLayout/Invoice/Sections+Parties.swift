import EInvoiceModel

extension InvoiceLayoutEngine {
    /// Recipient, ship-to and dispatch-from side by side, with place of supply; one under the
    /// other when side by side they would be narrower than `minimumColumn`, and nil when even
    /// one is (at full width, `minimumColumn` is 0: the parties always print).
    func partiesBlock(_ invoice: Invoice, width: Points, minimumColumn: Points = 0) -> Block? {
        var columns: [(String, Party, Bool)] = [(labels(.billedTo), invoice.buyer, true)]
        if let ship = invoice.shipTo, template.show.shipTo { columns.append((labels(.shippedTo), ship, false)) }
        if let dispatch = invoice.dispatchFrom, template.show.dispatchFrom { columns.append((labels(.dispatchedFrom), dispatch, false)) }
        let gap: Points = 12
        let count = Double(max(columns.count, 2))
        var columnWidth = (width - gap * (count - 1)) / count
        let stacked = columnWidth < minimumColumn
        if stacked {
            guard width >= minimumColumn else { return nil }
            columnWidth = width
        }
        var block = Block()
        for (index, (title, party, isBuyer)) in columns.enumerated() {
            let x = stacked ? 0 : Double(index) * (columnWidth + gap)
            let top = stacked && index > 0 ? block.height + 8 : 0
            var y = top + builder.text(title.uppercased(), styles.label, x: x, y: top, width: columnWidth, into: &block) + 2
            y += builder.text(party.displayName, styles.base.bold(), x: x, y: y, width: columnWidth, into: &block)
            if let trade = party.tradeName, trade != party.legalName, !trade.isEmpty {
                y += builder.text(trade, styles.small, x: x, y: y, width: columnWidth, into: &block)
            }
            y = builder.lines(party.addressLines, styles.base, x: x, y: y, width: columnWidth, into: &block)
            var rows: [(String, String)] = []
            if let gstin = party.gstin {
                rows.append((labels(.gstin), gstin == "URP" ? "URP (unregistered)" : gstin))
            }
            rows.append((labels(.state), StateCode.label(party.stateCode) ?? ""))
            if isBuyer {
                rows.append((labels(.placeOfSupply), StateCode.label(party.placeOfSupply) ?? ""))
                rows.append((labels(.contact), [party.phone, party.email].compactMap { $0 }.joined(separator: " · ")))
            }
            builder.rows(rows, x: x, y: y + 1, width: columnWidth, labelWidth: 58, valueStyle: styles.base, codes: true,
                         into: &block)
        }
        return block
    }
}
