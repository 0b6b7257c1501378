import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceScanning
import PrintedText
import RasterIO
import Testing

/// Invoices printed by other stacks (reportlab, WeasyPrint, Typst) around real IRP QRs, honest
/// and doctored: `bench/foreign/generate.py`, table in docs/foreign-corpus.md.
@Suite struct ForeignCorpusTests {
    struct Entry: Decodable, CustomTestStringConvertible, Sendable {
        struct Expectation: Decodable, Sendable {
            var verdict: String
            var field: String?
            var printedValue: String?
        }
        var file: String
        var pages: Int
        var variant: String
        var expect: Expectation
        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        guard let data = try? Fixtures.data("foreign/corpus.json") else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }()

    /// The QR cascade's page budget and the file's --max-seconds are wall-clock: a loaded test
    /// machine must not cut either short.
    let check: ReceivedFileCheck = {
        var limits = RasterLimits()
        limits.maxSeconds = 600
        var check = ReceivedFileCheck(verifier: Verifier(), limits: limits)
        check.scanner.scanner = QRScanner(timeBudget: 60)
        return check
    }()

    @Test func corpusIsThere() {
        #expect(Self.entries.count >= 30)
        #expect(Set(Self.entries.map { $0.file.split(separator: "-")[0] }).count >= 3)
    }

    @Test(arguments: entries)
    func verdictIsRightAndNamesTheDoctoredValue(_ entry: Entry) throws {
        let report = check.check(try Fixtures.data("foreign/\(entry.file)"), name: entry.file)
        let findings = report.findings.filter { $0.result != nil }
        try #require(findings.count == 1, "\(report.findings.map(\.text))")
        let finding = findings[0]
        #expect(finding.outcome.rawValue == entry.expect.verdict, "\(finding.text)")
        #expect(!report.findings.contains { $0.kind == .noEInvoiceQR })
        let differences = finding.failures.filter { $0.code == .printedDiffers }
        if entry.variant == "honest" {
            #expect(differences.isEmpty, "\(finding.text)")
            #expect(finding.code?.documentPages == Array(1...entry.pages))
        } else {
            let difference = try #require(differences.first { $0.field == entry.expect.field }, "\(finding.text)")
            let printed = try #require(difference.printed)
            let expected = entry.expect.printedValue ?? "-"
            if entry.expect.field == "grand-total" {
                #expect(PrintedValueSyntax.amount(printed.filter { !$0.isWhitespace }) == Decimal.exact(expected), "\(printed)")
            } else {
                #expect(printed.uppercased().filter { !$0.isWhitespace } == expected.uppercased(), "\(printed)")
            }
        }
    }
}
