import EInvoiceModel

extension InvoiceLayoutEngine {
    static let cellPadding: Points = 2.5

    /// Sizes the columns: numeric columns as wide as their widest text, the description the rest.
    func lineTable(_ items: [LineItem], width: Points) -> LineTable {
        let ids = LineTable.activeColumns(template.columns, items: items)
        let rows = items.enumerated().map { index, item in ids.map { LineTable.cell($0, item, index: index) } }
        let pad = Self.cellPadding * 2
        var widths: [Points] = ids.enumerated().map { column, id in
            guard id != .description else { return 0 }
            // Digits are the same width, so the longest text by characters is the widest.
            let longest = rows.lazy.map { $0[column] }.max { $0.count < $1.count } ?? ""
            let title = labels.column(id)
            let word = title.split(separator: " ").map { builder.width(String($0), styles.tableHeader) }.max() ?? 0
            let cell = max(builder.width(longest, styles.table), word, id == .serial ? 8 : 18)
            // A short title ("GST %") a little wider than its cells stays on one line: a header
            // row of one line instead of two.
            let whole = builder.width(title, styles.tableHeader)
            return (whole - cell <= styles.table.size ? max(whole, cell) : cell) + pad
        }
        let fixed = widths.reduce(0, +)
        let minimumDescription: Points = 110
        if fixed > width - minimumDescription {
            // Too many wide columns: shrink the numeric ones in proportion (rare: both IGST and CGST).
            let scale = (width - minimumDescription) / fixed
            widths = widths.map { $0 * scale }
        }
        if let description = ids.firstIndex(of: .description) {
            widths[description] = width - widths.reduce(0, +)
        }
        var x: Points = 0
        var columns: [LineTable.Column] = []
        for (id, columnWidth) in zip(ids, widths) {
            let alignment: TextAlignment = [.serial, .description, .hsn].contains(id) ? .leading : .trailing
            columns.append(.init(id: id, title: labels.column(id), x: x, width: columnWidth, alignment: alignment))
            x += columnWidth
        }
        return LineTable(columns: columns, rows: rows)
    }

    /// The header row: filled, bold titles that may wrap to two lines.
    func tableHeader(_ table: LineTable, width: Points) -> Block {
        var block = Block()
        let pad = Self.cellPadding
        let height = table.columns.map { builder.height($0.title, styles.tableHeader, width: $0.width - 2 * pad) }.max() ?? 0
        let rowHeight = height + 2 * pad
        block.add(.box(Box(frame: Rect(x: 0, y: 0, width: width, height: rowHeight), fill: template.colors.headerFill,
                           stroke: nil, strokeWidth: 0)))
        for column in table.columns {
            block.add(.text(TextRun(column.title, style: styles.tableHeader,
                                    frame: Rect(x: column.x + pad, y: pad, width: column.width - 2 * pad, height: height),
                                    alignment: column.alignment)))
        }
        builder.rule(x: 0, y: rowHeight, width: width, weight: 0.75, into: &block)
        block.height = rowHeight
        return block
    }

    /// One item row; only the description wraps, so only it is measured.
    func tableRow(_ cells: [String], table: LineTable, width: Points) -> Block {
        var block = Block()
        let pad = Self.cellPadding
        let lineHeight = builder.height("0", styles.table, width: nil)
        var height = lineHeight
        for (column, text) in zip(table.columns, cells) where column.id == .description && !text.isEmpty {
            height = max(height, builder.height(text, styles.table, width: column.width - 2 * pad))
        }
        for (column, text) in zip(table.columns, cells) where !text.isEmpty {
            block.add(.text(TextRun(text, style: styles.table,
                                    frame: Rect(x: column.x + pad, y: pad, width: column.width - 2 * pad, height: height),
                                    alignment: column.alignment, wraps: column.id == .description)))
        }
        block.height = height + 2 * pad
        block.add(.rule(Rule(from: Point(x: 0, y: block.height), to: Point(x: width, y: block.height), width: 0.25,
                             color: template.colors.rule)))
        return block
    }

    /// A one-line note such as "continued on page 3".
    func note(_ text: String, width: Points, alignment: TextAlignment = .trailing) -> Block {
        var block = Block()
        builder.text(text, styles.muted, x: 0, y: 2, width: width, alignment: alignment, into: &block)
        block.height += 2
        return block
    }
}
