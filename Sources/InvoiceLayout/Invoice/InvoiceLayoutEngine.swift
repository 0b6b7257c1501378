public import EInvoiceBasics
import EInvoiceModel

/// Lays out a ``PrintableInvoice`` into pages of positioned items, using a ``TextMeasuring``.
///
/// Order on the page: running header, letterhead and title, the e-invoice panel with the signed
/// QR, the unsigned extras and the parties (beside the panel when there is room, else below it),
/// the line table (flowing over pages with its header repeated), then totals, details and the signature — together, on the last page, with at
/// least the table's last rows. "Page i of N" and the copy label are stamped after pagination,
/// so copies share one layout.
public struct InvoiceLayoutEngine {
    public let template: InvoiceTemplate
    let measurer: any TextMeasuring
    let styles: Styles
    let labels: Labels
    let builder: BlockBuilder

    /// Rows kept with the totals, and the fewest rows left at a page's foot.
    static let rowsKeptTogether = 2
    /// The space between blocks: 10 pt on an A4 or Letter page, less on a narrower one (A5),
    /// where white space costs a short invoice its second sheet.
    let gap: Points

    public init(template: InvoiceTemplate, measurer: any TextMeasuring) {
        self.template = template
        self.measurer = measurer
        self.styles = Styles(template)
        self.labels = Labels(template: template)
        self.builder = BlockBuilder(measurer: measurer, styles: styles, template: template)
        let margins = template.page.marginsMM
        let contentWidth = template.pageSize.width - .mm(margins.left) - .mm(margins.right)
        self.gap = 10 * min(1, max(0.7, contentWidth / 500))
    }

    /// Lays out `doc` once, then stamps each copy's pages with its label (`copies` are copy
    /// names of the template, such as `original`; none prints no label).
    public func layout(_ doc: PrintableInvoice, metadata: DocumentMetadata, copies: [String] = []) -> LaidOutDocument {
        let size = template.pageSize
        let margins = template.page.marginsMM
        let headerHeight = runningHeaderHeight(doc)
        let footer = footerHeight(doc, width: size.width - .mm(margins.left) - .mm(margins.right))
        let content = Rect(x: .mm(margins.left), y: .mm(margins.top) + headerHeight + 4,
                           width: size.width - .mm(margins.left) - .mm(margins.right),
                           height: size.height - .mm(margins.top) - .mm(margins.bottom) - headerHeight - 4 - footer - 4)
        var composer = PageComposer(pageSize: size, content: content)
        let width = content.width
        let band = topBand(doc, width: width)
        if let band {
            composer.place(band.block, spacing: gap)
        } else {
            composer.place(headerBlock(doc, width: width), spacing: gap * 0.8)
            composer.place(eInvoiceBlock(doc, width: width), spacing: gap)
        }
        if band?.holdsParties != true, let parties = partiesBlock(doc.invoice, width: width) {
            composer.place(parties, spacing: gap)
        }
        if band?.holdsExtras != true, let extras = extrasBlock(doc.extras, width: width) { composer.place(extras, spacing: gap) }
        placeTableAndClosing(doc, into: &composer, width: width)
        let bodies = composer.finish()
        let copyLabels: [String?] = copies.isEmpty ? [nil] : copies.map { template.copyLabel($0) ?? $0.uppercased() }
        let pages = copyLabels.flatMap { copyLabel in
            bodies.enumerated().map { index, items in
                let chrome = chrome(doc, page: index, of: bodies.count, copyLabel: copyLabel, pageSize: size, margins: margins)
                return Page(size: size, items: chrome.under + items + chrome.over)
            }
        }
        return LaidOutDocument(pages: pages, metadata: metadata)
    }

    /// Rows flow down the pages with the header repeated (never alone at a page's foot, never
    /// with a single row there), and the closing blocks — totals, details, signature — end the
    /// document with at least the last ``rowsKeptTogether`` rows beside them, never alone.
    private func placeTableAndClosing(_ doc: PrintableInvoice, into composer: inout PageComposer, width: Points) {
        let table = lineTable(doc.invoice.items, width: width)
        let header = tableHeader(table, width: width)
        let rows = table.rows.map { tableRow($0, table: table, width: width) }
        let closing = closingBlocks(doc, width: width)
        let spacing = gap * 1.2, tableGap = gap
        let closingHeight = closing.map(\.height).reduce(0, +) + spacing * Double(max(closing.count - 1, 0)) + tableGap
        let marker = note("", width: width).height + builder.height("A", styles.muted, width: nil)
        let continuation = continuedNote(doc, width: width).height + 2
        var index = 0
        var needsHeader = true
        var rowsPlaced = false
        // A page holding only the continuation note: whatever comes must go here.
        var fresh = false
        while index < rows.count {
            // How many of the remaining rows fit here, with the header and room for the "continued" note.
            var count = 0
            var used = needsHeader ? header.height : 0
            while index + count < rows.count {
                let last = index + count == rows.count - 1
                guard composer.fits(used + rows[index + count].height + (last ? 0 : marker)) else { break }
                used += rows[index + count].height
                count += 1
            }
            let remaining = rows.count - index
            if count == remaining, !composer.fits(used + closingHeight) {
                // The rest fits but the totals do not: carry the last rows over with them, if a fresh
                // page can hold those rows and the totals together.
                let keep = min(Self.rowsKeptTogether, remaining)
                let carried = rows.suffix(keep).map(\.height).reduce(0, +)
                if header.height + carried + closingHeight <= composer.content.height - continuation {
                    count = remaining - keep
                    if count < Self.rowsKeptTogether, !fresh { count = 0 }
                }
            } else if count < remaining {
                if count < Self.rowsKeptTogether, !fresh { count = 0 }
                if remaining - count == 1, count > Self.rowsKeptTogether { count -= 1 }
            }
            if fresh { count = max(count, 1) }
            if count > 0 {
                if needsHeader { composer.place(header) }
                for row in rows[index..<(index + count)] { composer.place(row) }
                index += count
                needsHeader = false
                rowsPlaced = true
                fresh = false
            }
            guard index < rows.count || !composer.fits(closingHeight) else { break }
            if rowsPlaced, index < rows.count { composer.place(note("Continued on page \(composer.pageIndex + 2)", width: width)) }
            composer.newPage()
            composer.place(continuedNote(doc, width: width, lineItems: index < rows.count), spacing: 2)
            needsHeader = true
            fresh = true
        }
        composer.skip(tableGap)
        for block in closing {
            // Only a group taller than a whole page breaks inside, between blocks.
            if !composer.fits(block.height) { composer.newPage() }
            composer.place(block, spacing: spacing)
        }
    }

    /// Totals, then the signed invoice's details, then bank, terms and signature.
    private func closingBlocks(_ doc: PrintableInvoice, width: Points) -> [Block] {
        [totalsBlock(doc.invoice, width: width), detailsBlock(doc, width: width), signatureBlock(doc, width: width)].compactMap { $0 }
    }

    /// The note heading a page that continues the invoice.
    private func continuedNote(_ doc: PrintableInvoice, width: Points, lineItems: Bool = true) -> Block {
        let what = lineItems ? "line items, \(labels(.continued))" : labels(.continued)
        return note("\(doc.title) \(doc.invoice.document.number ?? "") — \(what)", width: width, alignment: .leading)
    }
}
