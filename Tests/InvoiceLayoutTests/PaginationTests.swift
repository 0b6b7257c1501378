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
            #expect(page.texts.contains("IRN \(SyntheticInvoice.irn)"), "page \(index + 1) lacks the IRN header")
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
            guard let header = runs.last(where: { $0.text == "HSN/SAC" }) else { continue }
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
