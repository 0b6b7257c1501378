import EInvoiceModel
import EInvoiceTestSupport
import InvoiceLayout
import Testing

@Suite struct PaginationTests {
    @Test func oneLineInvoiceFitsOnePage() throws {
        let document = try LayoutSupport.layout(lines: 1)
        #expect(document.pages.count == 1)
        #expect(document.pages[0].texts.contains("Page 1 of 1"))
    }

    @Test func thousandLinesFlowOverPagesWithTheHeaderRepeated() throws {
        let document = try LayoutSupport.layout(lines: 1000)
        let pages = document.pages
        // Fixed advance: 7 pt table text, line height 1.25 × 7 = 8.75 pt, + 2 × 2.5 pt padding = 13.75 pt a row.
        // A4 content height is 841.89 − 2 × 31.18 (11 mm margins) − running header and footer ≈ 760 pt,
        // so about 54 rows a page after the first: 1000 lines need 19 or more pages.
        #expect(pages.count >= 19)
        #expect(pages.count <= 25)
        for (index, page) in pages.enumerated() {
            #expect(page.texts.contains("Page \(index + 1) of \(pages.count)"))
            #expect(page.texts.contains(SyntheticInvoice.irn), "page \(index + 1) lacks the IRN in its footer")
            let hasRows = page.texts.contains { $0.hasPrefix("Item ") }
            if hasRows { #expect(page.texts.contains("HSN/SAC"), "page \(index + 1) has rows but no table header") }
        }
        // Every line is printed exactly once.
        let rows = pages.flatMap(\.texts).filter { $0.hasPrefix("Item ") && $0.hasSuffix("steel fastener kit") }
        #expect(rows.count == 1000)
        // Totals and signature only on the last page.
        for page in pages.dropLast() {
            #expect(!page.texts.contains("Total invoice value"))
            #expect(!page.texts.contains { $0.hasPrefix("For ") })
        }
        #expect(pages.last?.texts.contains("Total invoice value") == true)
        #expect(pages.last?.texts.contains { $0.hasPrefix("For ") } == true)
    }

    @Test(arguments: 1...80)
    func totalsAndSignatureShareTheLastPage(_ lines: Int) throws {
        let last = try #require(try LayoutSupport.layout(lines: lines, longDescriptions: true).pages.last)
        #expect(last.texts.contains("Total invoice value"))
        #expect(last.texts.contains { $0.hasPrefix("For ") })
        #expect(last.texts.contains("DECLARATION"))
    }

    /// Totals never stand alone: whatever the length, the last page carries the last rows too.
    @Test(arguments: ["standard", "classic", "compact", "letterhead"])
    func theLastPageHasRowsBesideTheTotals(_ name: String) throws {
        let engine = InvoiceLayoutEngine(template: try LayoutSupport.template(name), measurer: LayoutSupport.measurer)
        for lines in 1...70 {
            let pages = engine.layout(try LayoutSupport.printable(lines: lines), metadata: LayoutSupport.metadata).pages
            let last = try #require(pages.last)
            #expect(last.texts.contains("Total invoice value"), "\(name), \(lines) lines")
            #expect(last.texts.contains("Item \(lines) — steel fastener kit"), "\(name), \(lines) lines: totals without rows")
            if lines > 1 {
                #expect(last.texts.contains("Item \(lines - 1) — steel fastener kit"), "\(name), \(lines) lines: a widowed row")
            }
            for page in pages.dropLast() {
                let rows = page.texts.filter { $0.hasPrefix("Item ") }.count
                #expect(rows == 0 || rows >= 2, "\(name), \(lines) lines: an orphaned row at a page's foot")
            }
        }
    }

    @Test func extrasNeverSitInsideTheEInvoicePanel() throws {
        var doc = try LayoutSupport.printable(lines: 3)
        try doc.extras.set("poNumber", "PO-4471")
        try doc.extras.set("notes", "Deliver to gate 3")
        let page = InvoiceLayoutEngine(template: try LayoutSupport.template(), measurer: LayoutSupport.measurer)
            .layout(doc, metadata: LayoutSupport.metadata).pages[0]
        let qr = try #require(page.items.compactMap { if case .qr(let qr) = $0 { qr.frame } else { nil } }.first)
        // The panel is the stroked box holding the signed QR.
        let panel = try #require(page.items.compactMap { item -> Rect? in
            if case .box(let box) = item, box.stroke != nil, box.frame.contains(qr) { box.frame } else { nil }
        }.first)
        let extras = page.textRuns.filter { ["PO-4471", "Deliver to gate 3"].contains($0.text) }
        #expect(extras.count == 2)
        for run in extras { #expect(!run.frame.intersects(panel), "\(run.text) is inside the e-invoice panel") }
    }

    @Test func copiesShareOneLayoutWithTheirOwnLabels() throws {
        let engine = InvoiceLayoutEngine(template: try LayoutSupport.template(), measurer: LayoutSupport.measurer)
        let single = engine.layout(try LayoutSupport.printable(lines: 80), metadata: LayoutSupport.metadata)
        let three = engine.layout(try LayoutSupport.printable(lines: 80), metadata: LayoutSupport.metadata,
                                  copies: ["original", "duplicate", "triplicate"])
        #expect(three.pages.count == single.pages.count * 3)
        for (index, page) in three.pages.enumerated() {
            let label = ["ORIGINAL FOR RECIPIENT", "DUPLICATE FOR TRANSPORTER", "TRIPLICATE FOR SUPPLIER"][index / single.pages.count]
            #expect(page.texts.contains(label))
            #expect(page.texts.contains("Page \(index % single.pages.count + 1) of \(single.pages.count)"))
        }
    }

    @Test func theIRNIsSplitOnlyAtFixedPositions() throws {
        var template = try LayoutSupport.template("compact")
        template.typeSizes = .init(base: 11, small: 9, title: 16, sellerName: 14, table: 9)
        let page = InvoiceLayoutEngine(template: template, measurer: LayoutSupport.measurer)
            .layout(try LayoutSupport.printable(lines: 1), metadata: LayoutSupport.metadata).pages[0]
        let irn = SyntheticInvoice.irn
        let parts = page.textRuns.filter { $0.style.family == .mono }.map(\.text)
        #expect(parts.joined() == irn)
        #expect(parts.count > 1 && parts.allSatisfy { $0.count == irn.count / parts.count }, "\(parts)")
    }

    @Test func pagesThatContinueSaySo() throws {
        let pages = try LayoutSupport.layout(lines: 200).pages
        for (index, page) in pages.enumerated() where page.texts.contains("Continued on page \(index + 2)") {
            #expect(pages[index + 1].texts.contains { $0.contains("line items, continued") })
        }
        #expect(pages.dropLast().allSatisfy { page in page.texts.contains { $0.hasPrefix("Continued on page") } })
    }

    @Test(arguments: [40, 50, 60, 70, 80])
    func aPageNeverEndsWithTheTableHeader(_ lines: Int) throws {
        for page in try LayoutSupport.layout(lines: lines).pages {
            let runs = page.textRuns
            // The line table's header (the tax summary has an HSN/SAC column too).
            guard let header = runs.last(where: { $0.text == "Description of goods / services" }) else { continue }
            // Some item row must sit below the last header on the page.
            #expect(runs.contains { $0.text.hasPrefix("Item ") && $0.frame.y > header.frame.y })
        }
    }

    @Test func theSignedQRIsOnPageOneWholeAndAtLeast40mm() throws {
        let pages = try LayoutSupport.layout(lines: 1000).pages
        let qrs = pages.map { $0.items.compactMap { if case .qr(let qr) = $0 { qr } else { nil } } }
        #expect(qrs[0].count == 1)
        #expect(qrs.dropFirst().allSatisfy { $0.isEmpty })
        let qr = try #require(qrs[0].first)
        #expect(qr.frame.width >= Points.mm(40))
        #expect(qr.frame.width == qr.frame.height)
        #expect(Rect(x: 0, y: 0, width: pages[0].size.width, height: pages[0].size.height).contains(qr.frame))
        // 54 mm over 117 modules + 2 × 4 quiet-zone modules = 125: 1.22 pt (0.43 mm) a module,
        // which is 2.55 px at 150 DPI, above zbar's limit of about 2.4 (DOMAIN.md §8).
        #expect(abs(qr.moduleSize - Points.mm(54) / 125) < 0.001)
    }

    @Test func nothingOverlapsOnAPage() throws {
        for page in try LayoutSupport.layout(lines: 60, marks: [.sandbox], longDescriptions: true).pages {
            let runs = page.textRuns
            for (i, a) in runs.enumerated() {
                for b in runs[(i + 1)...] where a.frame.intersects(b.frame) {
                    Issue.record("\"\(a.text)\" overlaps \"\(b.text)\"")
                }
            }
            let qr = page.items.compactMap { if case .qr(let qr) = $0 { qr.frame } else { nil } }
            for frame in qr {
                #expect(!runs.contains { $0.frame.intersects(frame) }, "text over the QR")
            }
        }
    }

    @Test func textStaysInsideThePage() throws {
        for page in try LayoutSupport.layout(lines: 120, longDescriptions: true).pages {
            let bounds = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
            for run in page.textRuns { #expect(bounds.contains(run.frame), "\"\(run.text)\" is cut off") }
        }
    }

    @Test func marksAppearOnEveryPage() throws {
        let pages = try LayoutSupport.layout(lines: 150, marks: [.unverified, .sandbox]).pages
        for page in pages {
            #expect(page.texts.contains("SIGNATURE NOT VERIFIED  ·  SANDBOX — NOT A TAX INVOICE"))
            #expect(page.items.contains { if case .watermark = $0 { true } else { false } })
        }
    }
}
