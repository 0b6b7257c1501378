import EInvoiceModel

/// Lays out a ``PrintableInvoice`` into pages of positioned items, using a ``TextMeasuring``.
///
/// Order on the page: running header, seller and title, the e-invoice panel with the signed QR,
/// the parties, the line table (flowing over pages with its header repeated), then totals,
/// details and the signature — on the last page. "Page i of N" is stamped after pagination.
public struct InvoiceLayoutEngine {
    public let template: InvoiceTemplate
    let measurer: any TextMeasuring
    let styles: Styles
    let labels: Labels
    let builder: BlockBuilder

    public init(template: InvoiceTemplate, measurer: any TextMeasuring) {
        self.template = template
        self.measurer = measurer
        self.styles = Styles(template)
        self.labels = Labels(template: template)
        self.builder = BlockBuilder(measurer: measurer, styles: styles, template: template)
    }

    public func layout(_ doc: PrintableInvoice, metadata: DocumentMetadata) -> LaidOutDocument {
        let size = template.pageSize
        let margins = template.page.marginsMM
        let headerHeight = runningHeaderHeight(doc)
        let content = Rect(x: .mm(margins.left), y: .mm(margins.top) + headerHeight + 4,
                           width: size.width - .mm(margins.left) - .mm(margins.right),
                           height: size.height - .mm(margins.top) - .mm(margins.bottom) - headerHeight - 4 - footerHeight - 4)
        var composer = PageComposer(pageSize: size, content: content)
        let width = content.width
        composer.place(headerBlock(doc, width: width), spacing: 8)
        composer.place(eInvoiceBlock(doc, width: width), spacing: 10)
        composer.place(partiesBlock(doc.invoice, width: width), spacing: 10)
        placeTable(doc, into: &composer, width: width)
        placeClosingBlocks(doc, into: &composer, width: width)
        let bodies = composer.finish()
        let pages = bodies.enumerated().map { index, items in
            let chrome = chrome(doc, page: index, of: bodies.count, pageSize: size, margins: margins)
            return Page(size: size, items: chrome.under + items + chrome.over)
        }
        return LaidOutDocument(pages: pages, metadata: metadata)
    }

    /// Rows flow down the pages; the header row repeats, and is never left alone at a page's foot.
    private func placeTable(_ doc: PrintableInvoice, into composer: inout PageComposer, width: Points) {
        let table = lineTable(doc.invoice.items, width: width)
        let header = tableHeader(table, width: width)
        let marker = note("", width: width).height + builder.height("A", styles.muted, width: nil)
        var needsHeader = true
        for (index, cells) in table.rows.enumerated() {
            let row = tableRow(cells, table: table, width: width)
            let isLast = index == table.rows.count - 1
            // Room for the row, and for the "continued" note unless the table ends here.
            let needed = row.height + (needsHeader ? header.height : 0) + (isLast ? 0 : marker)
            if !composer.fits(needed) {
                if !needsHeader {
                    composer.place(note("Continued on page \(composer.pageIndex + 2)", width: width))
                }
                composer.newPage()
                composer.place(note("\(doc.title) \(doc.invoice.document.number ?? "") — line items, \(labels.continued)",
                                    width: width, alignment: .leading), spacing: 2)
                needsHeader = true
            }
            if needsHeader {
                composer.place(header)
                needsHeader = false
            }
            composer.place(row)
        }
        composer.skip(10)
    }

    /// Totals, details and the signature stay together on the last page: if they do not all fit
    /// below the table, they start a page of their own (one that says it continues the invoice).
    private func placeClosingBlocks(_ doc: PrintableInvoice, into composer: inout PageComposer, width: Points) {
        let spacing: Points = 12
        let blocks = [totalsBlock(doc.invoice, width: width), detailsBlock(doc, width: width), signatureBlock(doc, width: width)]
            .compactMap { $0 }
        let height = blocks.map(\.height).reduce(0, +) + spacing * Double(blocks.count - 1)
        if !composer.fits(height) {
            composer.newPage()
            composer.place(note("\(doc.title) \(doc.invoice.document.number ?? "") — \(labels.continued)", width: width,
                                alignment: .leading), spacing: 4)
        }
        for block in blocks {
            // Only a group taller than a whole page breaks inside, between blocks.
            if !composer.fits(block.height) { composer.newPage() }
            composer.place(block, spacing: spacing)
        }
    }
}
