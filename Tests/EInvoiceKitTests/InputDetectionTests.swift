import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

@Suite struct InputDetectionTests {
    func results(_ fixture: String, format: ResponseFormat? = nil) throws -> [VerificationResult] {
        let documents = IRPDocumentReader.read(try Fixtures.data(fixture), source: fixture, format: format)
        return documents.flatMap { Verifier().verify($0) }
    }

    @Test(arguments: [
        ("wrappers/nic-envelope-success.json", ResponseFormat.nicEnvelope),
        ("wrappers/nic-envelope-string-status.json", .nicEnvelope),
        ("wrappers/cleartax-success.json", .clearTax),
        ("wrappers/masters-india-success.json", .mastersIndia),
        ("wrappers/sandbox-co-in-success.json", .sandboxCoIn),
        ("wrappers/unknown-wrapper.json", .nested),
        ("samples/production-odoo-nic-data.json", .nicData),
    ])
    func successfulWrappersYieldBothValidTokens(_ fixture: String, _ format: ResponseFormat) throws {
        let results = try results(fixture)
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.outcome == .valid && $0.format == format }, "\(results.map(\.errors))")
        #expect(Set(results.compactMap { $0.token?.kind }) == [.signedInvoice, .signedQRCode])
        #expect(results.allSatisfy { $0.token?.environment == .production })
        #expect(ExitStatus.of(results) == .success)
    }

    @Test func everyIndiaComplianceResponseIsRead() throws {
        let responses = try Fixtures.indiaComplianceResponses()
        #expect(responses.count >= 8)
        for (name, json) in responses {
            let documents = IRPDocumentReader.read(json, source: name)
            #expect(documents.allSatisfy { $0.format == .adaequare }, "\(name)")
            let results = documents.flatMap { Verifier().verify($0) }
            switch name {
            case "duplicate_irn":
                #expect(results.map(\.outcome) == [.irpError])
                #expect(results.first?.failure?.duplicate?.ackNo == "232210036743849")
                #expect(results.first?.errors.first?.contains("2150") == true)
            case "get_e_invoice_by_irn":
                // The fixture's response Irn (706dae…) belongs to another invoice than its tokens
                // (2ecc42…): both signatures are genuine, but the response does not hold together.
                #expect(results.count == 2)
                #expect(results.allSatisfy { $0.outcome == .invalid && $0.token?.verdict == .invalid })
                #expect(results.allSatisfy { $0.errors.contains { $0.contains("the response's Irn 706dae") } })
            case "cancel_e_invoice", "cancel_e_waybill":
                // Cancel responses carry no token; they are reported as such, not as a crash.
                #expect(results.map(\.outcome) == [.malformed], "\(name)")
            default:
                #expect(results.count == 2, "\(name)")
                #expect(results.allSatisfy { $0.outcome == .valid && $0.token?.environment == .sandbox }, "\(name)")
                #expect(results.allSatisfy { $0.token?.irnCheck?.matches == true }, "\(name)")
            }
        }
    }

    @Test(arguments: [
        ("wrappers/nic-envelope-error-2143.json", "2143"),
        ("wrappers/nic-envelope-duplicate-2150.json", "2150"),
        ("wrappers/cleartax-failure.json", "2150"),
        ("wrappers/masters-india-failure.json", "2150"),
        ("wrappers/sandbox-co-in-error.json", "2143"),
    ])
    func irpErrorsAreReportedAsTheResult(_ fixture: String, _ code: String) throws {
        let results = try results(fixture)
        #expect(results.map(\.outcome) == [.irpError])
        #expect(results.first?.errors.first?.contains(code) == true, "\(results.first?.errors ?? [])")
        #expect(ExitStatus.of(results) == .irpError)
    }

    @Test func duplicateIRNNamesTheExistingRegistration() throws {
        let result = try #require(try results("wrappers/nic-envelope-duplicate-2150.json").first)
        #expect(result.failure?.duplicate?.irn == "706daeccda0ef6f818da78f3a2a05a1288731057373002289b46c3229289a2e7")
        #expect(result.errors.contains { $0.contains("already exists") })
    }

    @Test func encryptedDataSaysToDecryptFirst() throws {
        let results = try results("wrappers/nic-envelope-encrypted.json")
        #expect(results.map(\.outcome) == [.malformed])
        #expect(results.first?.errors.first?.contains("decrypt") == true)
    }

    @Test func cancelledResponseIsValidButCancelled() throws {
        let results = try results("wrappers/nic-data-cancelled.json")
        #expect(results.allSatisfy { $0.outcome == .valid && $0.isCancelled })
        #expect(results.allSatisfy { $0.errors.contains { $0.contains("CANCELLED") } })
        #expect(ExitStatus.of(results) == .cancelled)
    }

    @Test func mismatchedTokensInOneResponseAreInvalid() throws {
        let results = try results("wrappers/mismatched-pair.json")
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.outcome == .invalid })
        let errors = results[0].errors.joined(separator: "\n")
        #expect(errors.contains("QR seller GSTIN 01AMBPG7773M002 ≠ signed invoice seller GSTIN 24AACCT6304M1ZB"))
        #expect(errors.contains("QR total"))
        #expect(ExitStatus.of(results) == .invalid)
    }

    @Test func bareTokensOnePerLineKeepTheirLineNumbers() throws {
        let results = try results("wrappers/tokens.txt")
        #expect(results.map(\.input) == ["wrappers/tokens.txt:1", "wrappers/tokens.txt:3"])
        #expect(results.allSatisfy { $0.outcome == .valid })
    }

    @Test func jsonLinesAreReadLineByLine() throws {
        let results = try results("wrappers/responses.jsonl")
        #expect(results.map(\.outcome) == [.valid, .valid, .irpError, .malformed])
        #expect(results.last?.input == "wrappers/responses.jsonl:3")
    }

    @Test(arguments: [
        (Data(), "empty"),
        (Data("   \n".utf8), "empty"),
        (Data([0xff, 0xfe, 0x00, 0x41]), "not UTF-8"),
        (Data(#"{"Status":1,"#.utf8), "looks like JSON"),
        (Data(#"{"hello":"world"}"#.utf8), "no SignedInvoice or SignedQRCode"),
        (Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "looks like JSON"),
    ])
    func unreadableInputIsMalformedWithAReason(_ data: Data, _ reason: String) {
        let results = IRPDocumentReader.read(data, source: "x").flatMap { Verifier().verify($0) }
        #expect(results.map(\.outcome) == [.malformed])
        #expect(results.first?.errors.first?.contains(reason) == true, "\(results.first?.errors ?? [])")
    }

    @Test func forcedFormatOverridesDetection() throws {
        let results = try results("samples/production-odoo-nic-data.json", format: .jws)
        #expect(results.allSatisfy { $0.outcome == .malformed })
    }
}
