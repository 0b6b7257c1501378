import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceScanning
import RasterIO
import Testing

/// The tool's own renders, checked as a buyer receives them: no false alarm at any length, and
/// bulk PDFs split into one document per signed QR.
@Suite struct OwnRenderScanTests {
    /// A check whose QR cascade and file budget are not cut short by a loaded test machine (the
    /// page budget and --max-seconds are wall-clock).
    static func check(_ verifier: Verifier) -> ReceivedFileCheck {
        var limits = RasterLimits()
        limits.maxSeconds = 600
        var check = ReceivedFileCheck(verifier: verifier, dpi: 200, limits: limits)
        check.scanner.scanner = QRScanner(timeBudget: 60)
        return check
    }

    @Test(arguments: [(1, 1), (30, 2), (120, 4), (1000, 15)])
    func ownRenderHasNoFalseAlarm(_ lines: Int, _ minimumPages: Int) throws {
        let signer = try #require(TestSigner.shared)
        let verifier = Verifier(trustStore: signer.trustStore())
        let rendered = try RenderSupport.printer(verifier: verifier)
            .render(try SyntheticInvoice.response(lines: lines, signer: signer, longDescriptions: lines > 500), options: RenderSupport.options())
        let pages = rendered.pageCount
        #expect(lines > 500 ? pages >= minimumPages : pages == minimumPages)
        let report = Self.check(verifier).check(rendered.pdf, name: "own.pdf")
        let signed = report.findings.filter { $0.result != nil }
        try #require(signed.count == 1, "\(report.findings.map(\.text))")
        #expect(report.findings.allSatisfy { $0.kind == .qr }, "\(report.findings.map(\.text))")
        #expect(signed[0].outcome == .valid, "\(signed[0].text)")
        #expect(signed[0].code?.documentPages == Array(1...pages))
        let checks = signed[0].code?.printedChecks ?? []
        #expect(Set(checks.filter { $0.outcome == .matches }.map(\.field)) == Set(PrintedFieldCheck.Field.allCases), "\(checks)")
        #expect(report.status == .success)
    }

    @Test func bulkPDFIsSplitAtEachNewQR() throws {
        let printer = try RenderSupport.printer()
        let responses = try RenderSupport.realResponses()
        let chosen = [responses.first { $0.name == "odoo-production" }, responses.first { $0.name != "odoo-production" }].compactMap { $0 }
        try #require(chosen.count == 2)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts: [String] = []
        var pageCounts: [Int] = []
        for (index, item) in (chosen + [chosen[0]]).enumerated() {
            let rendered = try printer.render(item.response, options: RenderSupport.options())
            let path = folder.appendingPathComponent("\(index).pdf").path
            try rendered.pdf.write(to: URL(fileURLWithPath: path))
            parts.append(path)
            pageCounts.append(rendered.pageCount)
        }
        let bulk = folder.appendingPathComponent("bulk.pdf").path
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        qpdf.arguments = ["qpdf", "--empty", "--pages"] + parts + ["--", bulk]
        try qpdf.run()
        qpdf.waitUntilExit()
        try #require(qpdf.terminationStatus == 0)
        let report = Self.check(Verifier()).check(try Data(contentsOf: URL(fileURLWithPath: bulk)), name: "bulk.pdf")
        let signed = report.findings.filter { $0.result != nil }
        #expect(signed.count == 3, "\(report.findings.map(\.text))")
        #expect(signed.map(\.outcome) == [.valid, .sandbox, .valid])
        var start = 1
        for (finding, count) in zip(signed, pageCounts) {
            #expect(finding.code?.documentPages == Array(start..<(start + count)))
            #expect(finding.failures.filter { $0.code == .printedDiffers }.isEmpty, "\(finding.text)")
            start += count
        }
        #expect(report.status == .sandbox)
    }
}
