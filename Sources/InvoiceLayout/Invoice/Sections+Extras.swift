extension InvoiceLayoutEngine {
    /// The per-invoice extras (PO, due date, vehicle, …) under their own heading, outside the
    /// e-invoice panel: they are the desk's, not the IRP's. Notes take the full width.
    func extrasBlock(_ extras: InvoiceExtras, width: Points) -> Block? {
        guard !extras.isEmpty else { return nil }
        var block = Block()
        var y = builder.text(labels(.details).uppercased(), styles.label, x: 0, y: 0, width: width, into: &block) + 2
        let short = extras.entries.filter { $0.key != .notes }
        let perRow = max(1, min(3, short.count))
        let gap: Points = 12
        let columnWidth = (width - gap * Double(perRow - 1)) / Double(perRow)
        let labelWidth = min(62, columnWidth * 0.4)
        for start in stride(from: 0, to: short.count, by: perRow) {
            var bottom = y
            for (offset, entry) in short[start..<min(start + perRow, short.count)].enumerated() {
                let x = Double(offset) * (columnWidth + gap)
                bottom = max(bottom, builder.rows([(labels(entry.key), entry.value)], x: x, y: y, width: columnWidth,
                                                  labelWidth: labelWidth, valueStyle: styles.base, codes: true, into: &block))
            }
            y = bottom
        }
        if let notes = extras.values[.notes] {
            y = builder.rows([(labels(.notes), notes)], x: 0, y: y, width: width, labelWidth: labelWidth, valueStyle: styles.base,
                             into: &block)
        }
        block.height = y
        return block
    }
}
