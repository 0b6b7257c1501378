import EInvoiceTestSupport
import Foundation
import Testing

@Suite struct VerifyCommandTests {
    @Test func verifiesTheBundledSampleAndExitsZero() throws {
        let result = try CommandRunner.run(["verify", "Tests/Fixtures/samples/production-odoo-nic-data.json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("VALID: genuine IRP signature (production)"))
        #expect(result.stdout.contains("cannot know whether the IRN was cancelled"))
    }

    @Test func jsonIsOneObjectPerToken() throws {
        let result = try CommandRunner.run(["verify", "--json", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"])
        var lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(lines.removeLast().utf8)) as? [String: Any])
        #expect((summary["summary"] as? [String: Any])?["tokens"] as? Int == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["verdict"] as? String == "sandbox")
            #expect(object["environment"] as? String == "sandbox")
        }
    }

    @Test func countsEveryResponseFoundAtTheEnd() throws {
        let result = try CommandRunner.run(["verify", "Tests/Fixtures/real/india-compliance_test_e_invoice.json"])
        #expect(result.stdout.contains("india-compliance_test_e_invoice.json#/service_item/response_data: SANDBOX"))
        let last = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("Found 12 tokens in 6 responses (1 input): 10 sandbox, 2 invalid; also 1 IRP error, 2 unreadable."),
                "\(last)")
        #expect(result.status == 1)
    }

    /// `--jobs` changes how fast, never what: the same lines, in the same order, and the same status.
    @Test func jobsGiveTheSameOutput() throws {
        let tokens = Fixtures.realTokens.map(\.token)
        let lines = (0..<300).map { tokens[$0 % tokens.count] } + ["not.a-token"]
        let stdin = Data(lines.joined(separator: "\n").utf8)
        let one = try CommandRunner.run(["verify", "--json", "--jobs", "1", "-"], stdin: stdin)
        let two = try CommandRunner.run(["verify", "--json", "--jobs", "2", "-"], stdin: stdin)
        #expect(one.stdout.split(separator: "\n").count == 302)
        #expect(two.stdout == one.stdout && two.status == one.status)
        // Refused before any input is read (no stdin: the runner would write into a closed pipe).
        #expect(try CommandRunner.run(["verify", "--jobs", "0", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"]).status == 64)
    }

    @Test func readsStandardInput() throws {
        let token = try #require(Fixtures.realTokens.first { $0.environment == "production" }).token
        let result = try CommandRunner.run(["verify", "-"], stdin: Data(token.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<stdin>: VALID"))
    }

    static let exitCases: [([String], Int32)] = [
        (["verify", "Tests/Fixtures/wrappers/mismatched-pair.json"], 1),
        (["verify", "--production-only", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"], 2),
        (["verify", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"], 5),
        // PDFs get a wide time budget: the suite runs the debug build, about ten times slower than
        // release, and a budget spent is exit 65 (incomplete), not the verdict under test.
        (["verify", "--max-seconds", "60", "Tests/Fixtures/foreign/weasyprint-b5-honest.pdf"], 5),
        (["verify", "--max-seconds", "60", "Tests/Fixtures/foreign/reportlab-a0-total-transposed.pdf"], 1),
        (["verify", "Tests/Fixtures/wrappers/nic-envelope-error-2143.json"], 3),
        (["verify", "Tests/Fixtures/wrappers/nic-data-cancelled.json"], 4),
        (["verify", "--bogus"], 64),
        (["verify", "--format", "xml", "x"], 64),
        (["verify", "--trust", "/nonexistent.pem", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"], 64),
        (["verify", "Package.swift"], 65),
        (["verify", "/nonexistent/file.json"], 66),
    ]

    @Test(arguments: exitCases)
    func exitCodesAreTheDocumentedOnes(_ arguments: [String], _ status: Int32) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
    }

    @Test func sandboxIsNeverAPlainPass() throws {
        let result = try CommandRunner.run(["verify", "--json", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"])
        #expect(result.status == 5)
        let refused = try CommandRunner.run(["verify", "--json", "--production-only", "Tests/Fixtures/samples/sandbox-goods-nic-data.json"])
        #expect(refused.status == 2)
        for line in refused.stdout.split(separator: "\n") where !line.hasPrefix("{\"summary\"") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let codes = (object["failures"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes == ["sandbox-refused"])
        }
    }

    @Test func outputOptionWritesTheReportToAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID()).jsonl").path
        let result = try CommandRunner.run(["verify", "--json", "-o", path, "Tests/Fixtures/samples/production-odoo-nic-data.json"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 3)
    }

    @Test func keysListShowsProvenance() throws {
        let result = try CommandRunner.run(["keys", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8  production"))
        #expect(result.stdout.contains("derived from public IRP tokens"))
        let json = try CommandRunner.run(["keys", "list", "--json"])
        #expect(json.stdout.split(separator: "\n").count == 4)
    }
}
