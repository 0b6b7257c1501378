import EInvoiceKit
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

@Suite struct ReportTests {
    @Test func jsonCarriesEveryRequiredField() throws {
        let documents = IRPDocumentReader.read(try Fixtures.data("samples/production-odoo-nic-data.json"), source: "odoo")
        let result = try #require(documents.flatMap { Verifier().verify($0) }.first { $0.token?.kind == .signedQRCode })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.jsonLine.utf8)) as? [String: Any])
        for key in ["verdict", "environment", "kid", "issuer", "irn", "irnMatches", "docType", "docNo", "docDate",
                    "sellerGstin", "buyerGstin", "totalInvoiceValue", "warnings", "errors"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["verdict"] as? String == "valid")
        #expect(object["environment"] as? String == "production")
        #expect(object["totalInvoiceValue"] as? String == "763541.89")
        #expect(object["irnMatches"] as? Bool == true)
        #expect(object["docNo"] as? String == "SAJ/2023/0627")
    }

    @Test func humanSummaryLeadsWithTheVerdict() throws {
        let documents = IRPDocumentReader.read(try Fixtures.data("wrappers/mismatched-pair.json"), source: "pair")
        let text = documents.flatMap { Verifier().verify($0) }.map(\.text).joined(separator: "\n")
        #expect(text.hasPrefix("pair: INVALID"))
        #expect(text.contains("Total value       ₹ 7,63,541.89"))
    }

    @Test func exitStatusPrefersInvalidThenUntrustedThenMalformed() {
        #expect(ExitStatus.success.rawValue == 0)
        #expect(ExitStatus.invalid.rawValue == 1)
        #expect(ExitStatus.untrusted.rawValue == 2)
        #expect(ExitStatus.malformedInput.rawValue == 65)
        #expect(ExitStatus.usage.rawValue == 64)
    }
}
