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
                #expect(results.allSatisfy { $0.outcome == .sandbox && $0.token?.environment == .sandbox }, "\(name)")
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
        #expect(results.allSatisfy { $0.failures.map(\.code) == [.cancelled] })
        #expect(ExitStatus.of(results) == .cancelled)
    }

    @Test func mismatchedTokensInOneResponseAreInvalid() throws {
        let results = try results("wrappers/mismatched-pair.json")
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.outcome == .invalid })
        #expect(results.allSatisfy { $0.failures.contains { $0.code == .tokensDisagree } })
        let errors = results[0].errors.joined(separator: "\n")
        #expect(errors.contains("QR seller GSTIN 01AMBPG7773M002 ≠ signed invoice seller GSTIN 24AACCT6304M1ZB"))
        #expect(errors.contains("QR total"))
        #expect(ExitStatus.of(results) == .invalid)
    }

    @Test func bareTokensOnePerLineKeepTheirLineNumbers() throws {
        let results = try results("wrappers/tokens.txt")
        #expect(results.map(\.input) == ["wrappers/tokens.txt:1", "wrappers/tokens.txt:3"])
        #expect(results.allSatisfy { $0.outcome.isGenuine })
    }

    /// Token files from other desks: Windows line ends, quoted tokens, blank and padded lines.
    /// The lines are split as bytes; every token and line number must come out as written.
    @Test func tokenLinesSplitAsBytesWhateverTheLineEnds() throws {
        let tokens = Fixtures.realTokens.prefix(3).map(\.token)
        let text = "\(tokens[0])\r\n\r\n  \"\(tokens[1])\"\t\r\n\u{0C}\n\(tokens[2])\u{00A0}\n\u{00A0}\n"
        let documents = IRPDocumentReader.read(Data(text.utf8), source: "t.txt")
        #expect(documents.map(\.id) == ["t.txt:1", "t.txt:3", "t.txt:5"])
        let read = documents.compactMap { document -> String? in
            if case .token(let token) = document.content { return token }
            return nil
        }
        #expect(read == Array(tokens))
        let one = IRPDocumentReader.read(Data("\n\(tokens[0])\r\n".utf8), source: "one.txt")
        #expect(one.map(\.id) == ["one.txt"])
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

/// Every response in a file is found and named; ambiguous JSON is refused.
@Suite struct EveryResponseFoundTests {
    func read(_ text: String, source: String = "in.json") -> [InputDocument] {
        IRPDocumentReader.read(Data(text.utf8), source: source)
    }

    @Test func sixResponsesUnderNamedKeysYieldTwelveTokens() throws {
        let fixture = "real/india-compliance_test_e_invoice.json"
        let documents = IRPDocumentReader.read(try Fixtures.data(fixture), source: fixture)
        let results = documents.flatMap { Verifier().verify($0) }
        let tokens = results.filter { $0.token != nil }
        #expect(tokens.count == 12)
        #expect(Set(tokens.map(\.input)).count == 6)
        #expect(tokens.map(\.input).contains("\(fixture)#/service_item/response_data"))
        // The two cancellations and the duplicate-IRN refusal are reported too, not dropped.
        #expect(results.filter { $0.token == nil }.map(\.input).sorted() == [
            "\(fixture)#/cancel_e_invoice/response_data", "\(fixture)#/cancel_e_waybill/response_data",
            "\(fixture)#/duplicate_irn/response_data",
        ])
    }

    @Test func aWrapperHoldingTwoResponsesGivesBoth() throws {
        let odoo = String(decoding: try Fixtures.data("samples/production-odoo-nic-data.json"), as: UTF8.self)
        let documents = read(#"{"batch": {"first": \#(odoo), "second": {"Status": 1, "Data": \#(odoo)}}}"#)
        #expect(documents.map(\.id) == ["in.json#/batch/first", "in.json#/batch/second"])
        #expect(documents.allSatisfy { $0.carriesTokenForTests })
    }

    @Test func jsonLinesOfWrappersAreNamedByLineAndPointer() throws {
        let odoo = String(decoding: try Fixtures.data("samples/production-odoo-nic-data.json"), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        let documents = read("{\"a\": [\(odoo), \(odoo)]}\n\n\(odoo)\n")
        #expect(documents.map(\.id) == ["in.json:1#/a/0", "in.json:1#/a/1", "in.json:3"])
    }

    @Test func bareTokensInsideAnUnknownWrapperAreFound() throws {
        let odoo = try JSONSerialization.jsonObject(with: try Fixtures.data("samples/production-odoo-nic-data.json"))
        let token = try #require((odoo as? [String: Any])?["SignedQRCode"] as? String)
        let documents = read(#"{"qr": {"text": "\#(token)"}, "note": "eyJ not a token"}"#)
        #expect(documents.map(\.id) == ["in.json#/qr/text"])
        #expect(Verifier().verify(documents[0]).map(\.outcome) == [.valid])
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let data = Data([0xef, 0xbb, 0xbf]) + (try Fixtures.data("samples/production-odoo-nic-data.json"))
        let results = IRPDocumentReader.read(data, source: "bom.json").flatMap { Verifier().verify($0) }
        #expect(results.map(\.outcome) == [.valid, .valid])
    }

    @Test(arguments: ["Status", "Irn", "SignedInvoice"])
    func duplicateKeysMakeTheResponseMalformed(_ key: String) throws {
        let odoo = String(decoding: try Fixtures.data("samples/production-odoo-nic-data.json"), as: UTF8.self)
        let doubled = odoo.replacingOccurrences(of: "{", with: "{\"\(key)\": \"CNL\", ", options: [], range: odoo.range(of: "{"))
        let results = IRPDocumentReader.read(Data(#"{"Status": 1, "Data": \#(doubled)}"#.utf8), source: "dup.json")
            .flatMap { Verifier().verify($0) }
        #expect(results.map(\.outcome) == [.malformed])
        let reason = results.first?.errors.first ?? ""
        #expect(reason.contains("duplicate key \"\(key)\"") && reason.contains("/Data"), "\(reason)")
        #expect(ExitStatus.of(results) == .malformedInput)
    }

    /// Past `maximumDocuments`, documents are counted, not read, and one unreadable document says so
    /// (tokens one per line, JSON Lines, and a JSON array of tokens alike).
    @Test(arguments: ["tokens", "jsonl", "array"])
    func documentsPastTheLimitAreCountedNotRead(_ shape: String) throws {
        let count = IRPDocumentReader.maximumDocuments + 5
        let text: String = switch shape {
        case "tokens": String(repeating: "x.y.z\n", count: count)
        case "jsonl": String(repeating: "{\"SignedQRCode\":\"x.y.z\"}\n", count: count)
        default: "[" + Array(repeating: "\"x.y.z\"", count: count).joined(separator: ",") + "]"
        }
        let documents = IRPDocumentReader.read(Data(text.utf8), source: "big")
        #expect(documents.count == IRPDocumentReader.maximumDocuments + 1)
        guard case .unreadable(let reason)? = documents.last?.content else {
            Issue.record("the last document is not the note on the unread ones")
            return
        }
        #expect(reason.contains("holds \(count) documents"), "\(reason)")
        #expect(reason.contains("5 were not"), "\(reason)")
    }

    @Test func aBrokenPrettyPrintedFileIsOneError() {
        let documents = read("{\n  \"Status\": 1,\n  \"Data\": {\n    \"Irn\": \"x\",,\n  }\n}\n")
        #expect(documents.count == 1)
        guard case .unreadable(let reason) = documents.first?.content else { Issue.record("not unreadable"); return }
        #expect(reason.contains("line 4"), "\(reason)")
    }
}

extension InputDocument {
    var carriesTokenForTests: Bool {
        if case .response = content { return true }
        return false
    }
}
