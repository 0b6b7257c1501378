import EInvoiceModel
import EInvoiceTestSupport
@testable import InvoiceLayout
import Testing

@Suite struct PositionTests {
    @Test func fixedAdvanceMeasurerWrapsAtWordsAndBreaksLongWords() {
        let measurer = FixedAdvanceMeasurer()
        let style = TextStyle(size: 10)
        // 5 pt a character, 50 pt = 10 characters a line: "aaaa bbbb" | "cccc".
        #expect(measurer.measure("aaaa bbbb cccc", style: style, width: 50).lineCount == 2)
        #expect(measurer.measure("aaaaaaaaaaaaaaaaaaaaaaaaa", style: style, width: 50).lineCount == 3)
        #expect(measurer.measure("x", style: style, width: nil).height == 12.5)
    }

    @Test func sellerNameStartsAtTheContentOrigin() throws {
        let page = try #require(try LayoutSupport.layout(lines: 1).pages.first)
        let name = try #require(page.textRuns.first { $0.text.hasPrefix("शर्मा ट्रेडर्स") })
        // Left margin 11 mm = 31.18 pt. Top: 11 mm margin + running header (6.5 pt × 1.25 + 5 = 13.125)
        // + 4 pt gap = 48.3 pt.
        #expect(abs(name.frame.x - Points.mm(11)) < 0.01)
        #expect(abs(name.frame.y - (Points.mm(11) + 6.5 * 1.25 + 5 + 4)) < 0.01)
    }

    @Test func amountsAreRightAlignedOnOneEdge() throws {
        let page = try #require(try LayoutSupport.layout(lines: 5).pages.first)
        let amounts = page.textRuns.filter { $0.text == "1,180.00" }
        #expect(amounts.count == 5)
        #expect(amounts.allSatisfy { $0.alignment == .trailing })
        let edges = Set(amounts.map { ($0.frame.maxX * 100).rounded() })
        #expect(edges.count == 1)
    }

    @Test func allZeroTaxColumnsAreLeftOut() throws {
        let intra = try SyntheticInvoice.invoice(lines: 3)
        let inter = try SyntheticInvoice.invoice(lines: 3, interState: true)
        let engine = InvoiceLayoutEngine(template: try LayoutSupport.template(), measurer: LayoutSupport.measurer)
        #expect(engine.lineTable(intra.items, width: 500).columns.map(\.id).contains(.cgst))
        #expect(!engine.lineTable(intra.items, width: 500).columns.map(\.id).contains(.igst))
        #expect(engine.lineTable(inter.items, width: 500).columns.map(\.id).contains(.igst))
        #expect(!engine.lineTable(inter.items, width: 500).columns.map(\.id).contains(.discount))
    }
}
