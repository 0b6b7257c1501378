import EInvoiceTestSupport
import Foundation
import Testing

@Suite struct ScanCommandTests {
    static let cases: [([String], Int32)] = [
        (["scan", "Tests/Fixtures/scan/odoo-invoice.pdf"], 0),
        (["scan", "Tests/Fixtures/scan/blank.png"], 65),
        (["scan", "Tests/Fixtures/scan/encrypted.pdf"], 65),
        (["scan", "Package.swift"], 65),
        (["scan", "/nonexistent.png"], 66),
        (["scan", "--dpi", "5000", "Tests/Fixtures/scan/blank.png"], 64),
        (["scan", "--production-only", "Tests/Fixtures/scan/odoo-invoice.pdf"], 0),
        (["scan", "Tests/Fixtures/foreign/weasyprint-b5-honest.pdf"], 5),
        (["scan", "--production-only", "Tests/Fixtures/foreign/weasyprint-b5-honest.pdf"], 2),
        (["scan", "Tests/Fixtures/foreign/typst-b7-honest.pdf"], 0),
        (["scan", "Tests/Fixtures/foreign/typst-b7-total-moved.pdf"], 1),
    ]

    @Test(arguments: cases)
    func exitCodesAreTheSharedOnes(_ arguments: [String], _ status: Int32) throws {
        // --max-seconds is wall-clock: a loaded test machine must not cut a second page short.
        let result = try CommandRunner.run(arguments.count > 1 ? arguments + ["--max-seconds", "120"] : arguments)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
    }

    @Test func jsonReportsKindPositionVerdictAndPrintedChecks() throws {
        let result = try CommandRunner.run(["scan", "--json", "Tests/Fixtures/scan/odoo-upi-200dpi.png"])
        #expect(result.status == 0)
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let irp = try #require(objects.first { $0["qrKind"] as? String == "irp-signed-qr" })
        #expect(irp["verdict"] as? String == "valid")
        #expect(irp["irnMatches"] as? Bool == true)
        #expect((irp["position"] as? [String: Int])?["width"] ?? 0 > 100)
        let upi = try #require(objects.first { $0["qrKind"] as? String == "upi-payment" })
        #expect(upi["verdict"] as? String == "not-an-e-invoice-qr")
        #expect((upi["upi"] as? [String: Any])?["payeeAddress"] as? String == "odoo@okaxis")
    }

    @Test func doctoredTotalIsNamedByCodeFieldAndPrintedValue() throws {
        let result = try CommandRunner.run(["scan", "--json", "--max-seconds", "600",
                                                "Tests/Fixtures/foreign/weasyprint-a3-total-transposed.pdf"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "invalid")
        let failure = try #require((object["failures"] as? [[String: Any]])?.first { $0["code"] as? String == "printed-differs" })
        #expect(failure["field"] as? String == "grand-total")
        #expect(failure["printed"] as? String == "7,63,514.89")
        #expect(object["documentPages"] as? [Int] == [1])
    }

    @Test func multiPageGenuineInvoiceIsOneFindingWithoutNoQRPages() throws {
        // --max-seconds is wall-clock: on a loaded machine the default 8 s can end the file before
        // pages 2-3 are read, and this test is about splitting, not budgets.
        let result = try CommandRunner.run(["scan", "--json", "--max-seconds", "600", "Tests/Fixtures/foreign/reportlab-b1-honest.pdf"])
        #expect(result.status == 0, "\(result.stdout)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(object["documentPages"] as? [Int] == [1, 2, 3])
    }

    @Test func readsStandardInput() throws {
        let result = try CommandRunner.run(["scan", "-"], stdin: try Fixtures.data("scan/odoo-page-200dpi.jpg"))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<stdin>: QR at"))
    }

    @Test func pagesNotReadAreNamedAndTheFileDoesNotPass() throws {
        // --max-pages 1 stops reading after page 1 as deterministically as a spent time budget would.
        let arguments = ["--max-pages", "1", "--max-seconds", "600", "Tests/Fixtures/foreign/reportlab-b1-honest.pdf"]
        let json = try CommandRunner.run(["scan", "--json"] + arguments)
        #expect(json.status == 65, "\(json.stdout)\(json.stderr)")
        let objects = try json.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.contains { $0["verdict"] as? String == "valid" })
        let notRead = try #require(objects.first { $0["verdict"] as? String == "not-read" }, "\(json.stdout)")
        #expect(notRead["page"] as? Int == 2)
        let failure = try #require((notRead["failures"] as? [[String: Any]])?.first)
        #expect(failure["code"] as? String == "pages-not-read")
        #expect((failure["message"] as? String)?.contains("pages 2–3") == true)

        let text = try CommandRunner.run(["scan"] + arguments)
        #expect(text.status == 65)
        #expect(text.stdout.contains("pages 2–3: NOT READ"), "\(text.stdout)")
    }

    @Test func aSpentTimeBudgetIsNeverACleanPass() throws {
        // A budget of a millisecond: no page can be read in it; the file must say so and not pass.
        let result = try CommandRunner.run(["scan", "--max-seconds", "0.001", "Tests/Fixtures/foreign/reportlab-b1-honest.pdf"])
        #expect(result.status == 65, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("--max-seconds"), "\(result.stdout)")
    }
}
