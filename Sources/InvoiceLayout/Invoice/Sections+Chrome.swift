import EInvoiceModel

extension InvoiceLayoutEngine {
    /// Height reserved at the top of each page for the running header (and marks banner).
    func runningHeaderHeight(_ doc: PrintableInvoice) -> Points {
        let line = max(builder.height("A", styles.muted, width: nil), builder.height("A", copyStyle, width: nil)) + 5
        return doc.marks.isEmpty ? line : line + bannerHeight + 4
    }

    var bannerHeight: Points { builder.height("A", styles.mark, width: nil) + 6 }
    var copyStyle: TextStyle { styles.label.colored(template.colors.accent) }

    /// The footer: the template's text (if any), then the IRN and "Page i of N".
    func footerHeight(_ doc: PrintableInvoice, width: Points) -> Points {
        var scratch = Block()
        return footer(doc, text: "Page 0 of 0", width: width, into: &scratch) + 4
    }

    /// Lays the footer out from y = 0 and returns its height.
    private func footer(_ doc: PrintableInvoice, text pageText: String, width: Points, into block: inout Block) -> Points {
        var y: Points = 3
        if let footer = template.footer, !footer.isEmpty {
            y += builder.text(footer, styles.muted, x: 0, y: y, width: width, alignment: .center, into: &block) + 1
        }
        let labelWidth = builder.width(labels(.irn) + " ", styles.muted)
        builder.text(labels(.irn), styles.muted, x: 0, y: y, width: labelWidth, into: &block)
        let irn = builder.identifier(doc.irn, styles.muted, x: labelWidth, y: y, width: width * 0.78 - labelWidth, into: &block)
        let page = builder.text(pageText, styles.muted.bold(), x: width * 0.78, y: y, width: width * 0.22, alignment: .trailing,
                                into: &block)
        return y + max(irn, page)
    }

    /// Running header (document and copy label), marks banner, footer, watermark.
    func chrome(_ doc: PrintableInvoice, page index: Int, of count: Int, copyLabel: String?, pageSize: Size,
                margins: InvoiceTemplate.Margins) -> (under: [LayoutItem], over: [LayoutItem]) {
        let left = Points.mm(margins.left)
        let width = pageSize.width - left - .mm(margins.right)
        let top = Points.mm(margins.top)
        var block = Block()
        let title = [doc.title, doc.invoice.document.number, doc.invoice.document.date].compactMap { $0 }.joined(separator: " · ")
        builder.text(title, styles.muted, x: 0, y: 0, width: width * 0.55, into: &block)
        if let copyLabel {
            builder.text(copyLabel, copyStyle, x: width * 0.45, y: 0, width: width * 0.55, alignment: .trailing, into: &block)
        }
        let line = max(builder.height("A", styles.muted, width: nil), builder.height("A", copyStyle, width: nil)) + 2
        builder.rule(x: 0, y: line, width: width, weight: 0.5, into: &block)
        if !doc.marks.isEmpty {
            let text = doc.marks.map(\.rawValue).joined(separator: "  ·  ")
            block.add(.box(Box(frame: Rect(x: 0, y: line + 4, width: width, height: bannerHeight), fill: template.colors.mark,
                               stroke: nil, strokeWidth: 0)))
            builder.text(text, styles.mark, x: 0, y: line + 7, width: width, alignment: .center, into: &block)
        }
        let bottom = pageSize.height - .mm(margins.bottom) - footerHeight(doc, width: width) - top
        builder.rule(x: 0, y: bottom + 2, width: width, weight: 0.5, into: &block)
        var footerBlock = Block()
        footer(doc, text: "\(labels(.page)) \(index + 1) of \(count)", width: width, into: &footerBlock)
        block.append(footerBlock, at: bottom + 2)
        var under: [LayoutItem] = []
        if !doc.marks.isEmpty {
            let markText = doc.marks.first?.rawValue ?? ""
            under.append(.watermark(Watermark(
                text: markText, center: Point(x: pageSize.width / 2, y: pageSize.height / 2), angle: -35,
                style: TextStyle(size: markText.count > 16 ? 32 : 54, bold: true, color: Color(red: 0.98, green: 0.88, blue: 0.88)))))
        }
        return (under, block.items.map { $0.offsetBy(dx: left, dy: top) })
    }
}
