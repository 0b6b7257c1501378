import EInvoiceModel

extension InvoiceLayoutEngine {
    /// Height reserved at the top of each page for the running header (and marks banner).
    func runningHeaderHeight(_ doc: PrintableInvoice) -> Points {
        let line = builder.height("A", styles.muted, width: nil) + 5
        return doc.marks.isEmpty ? line : line + bannerHeight + 4
    }

    var bannerHeight: Points { builder.height("A", styles.mark, width: nil) + 6 }
    var footerHeight: Points { builder.height("A", styles.muted, width: nil) + 6 }

    /// Running header (document and IRN), marks banner, footer with "Page i of N", watermark.
    func chrome(_ doc: PrintableInvoice, page index: Int, of count: Int, pageSize: Size, margins: InvoiceTemplate.Margins)
        -> (under: [LayoutItem], over: [LayoutItem])
    {
        let left = Points.mm(margins.left)
        let width = pageSize.width - left - .mm(margins.right)
        let top = Points.mm(margins.top)
        var block = Block()
        let title = [doc.title, doc.invoice.document.number, doc.invoice.document.date].compactMap { $0 }.joined(separator: " · ")
        builder.text(title, styles.muted, x: 0, y: 0, width: width * 0.35, into: &block)
        builder.text("IRN \(doc.irn)", styles.muted, x: width * 0.35, y: 0, width: width * 0.65, alignment: .trailing, into: &block)
        let line = builder.height("A", styles.muted, width: nil) + 2
        builder.rule(x: 0, y: line, width: width, weight: 0.5, into: &block)
        if !doc.marks.isEmpty {
            let text = doc.marks.map(\.rawValue).joined(separator: "  ·  ")
            block.add(.box(Box(frame: Rect(x: 0, y: line + 4, width: width, height: bannerHeight), fill: template.colors.mark,
                               stroke: nil, strokeWidth: 0)))
            builder.text(text, styles.mark, x: 0, y: line + 7, width: width, alignment: .center, into: &block)
        }
        let bottom = pageSize.height - .mm(margins.bottom) - footerHeight - top
        builder.rule(x: 0, y: bottom + 2, width: width, weight: 0.5, into: &block)
        builder.text("Printed from the IRP-signed e-invoice. Verify the QR with the GST e-invoice verifier app or `einvoice scan`.",
                     styles.muted, x: 0, y: bottom + 5, width: width * 0.8, into: &block)
        builder.text("Page \(index + 1) of \(count)", styles.muted.bold(), x: width * 0.8, y: bottom + 5, width: width * 0.2,
                     alignment: .trailing, into: &block)
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
