import EInvoiceModel

extension InvoiceLayoutEngine {
    /// Recipient, ship-to and dispatch-from side by side, with place of supply.
    func partiesBlock(_ invoice: Invoice, width: Points) -> Block {
        var columns: [(String, Party, Bool)] = [(labels(.billedTo), invoice.buyer, true)]
        if let ship = invoice.shipTo, template.show.shipTo { columns.append((labels(.shippedTo), ship, false)) }
        if let dispatch = invoice.dispatchFrom, template.show.dispatchFrom { columns.append((labels(.dispatchedFrom), dispatch, false)) }
        let gap: Points = 12
        let count = Double(max(columns.count, 2))
        let columnWidth = (width - gap * (count - 1)) / count
        var block = Block()
        for (index, (title, party, isBuyer)) in columns.enumerated() {
            let x = Double(index) * (columnWidth + gap)
            var y = builder.text(title.uppercased(), styles.label, x: x, y: 0, width: columnWidth, into: &block) + 2
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
