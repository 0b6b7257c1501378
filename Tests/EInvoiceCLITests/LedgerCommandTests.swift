import EInvoiceTestSupport
import Foundation
import InvoiceLedger
import Testing

/// The ledger end to end: the built binary writing a real SQLite file, read back by the library.
@Suite struct LedgerCommandTests {
    static let sample = "Tests/Fixtures/samples/production-odoo-nic-data.json"
    static let sampleIRN = "ee72a3fd6a501a6f53948e89a4989a1ee4abfd0b2ed52bf54793ececd527e620"

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func secondCheckOfTheSameInvoiceSaysAlreadyReceived() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("books.sqlite").path
        let first = try CommandRunner.run(["verify", "--ledger", path, Self.sample])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("ALREADY RECEIVED"))
        let second = try CommandRunner.run(["verify", "--json", "--ledger=\(path)", Self.sample])
        #expect(second.status == 0, "\(second.stderr)")
        // The response's two tokens are one invoice: one record, one finding on the first result only.
        let objects = try second.stdout.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["verdict"] != nil }
        #expect(objects.count == 2)
        #expect(objects.filter { $0["ledger"] != nil }.count == 1)
        let object = try #require(objects.first)
        let ledger = try #require(object["ledger"] as? [String: Any])
        let findings = try #require(ledger["findings"] as? [[String: Any]])
        #expect(findings.first?["kind"] as? String == "already-received")
        #expect((findings.first?["message"] as? String)?.contains("(\(Self.sample))") == true)
        #expect(try InvoiceLedger(path: path).count() == 2)
    }

    @Test func bareLedgerUsesTheXDGDataFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path]
        let first = try CommandRunner.run(["scan", "--ledger", "Tests/Fixtures/scan/odoo-invoice.pdf"], environment: environment)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let path = folder.appendingPathComponent("einvoice/ledger.sqlite").path
        #expect(try InvoiceLedger(path: path).checks(irn: Self.sampleIRN).count == 1)
        let again = try CommandRunner.run(["scan", "--ledger", "Tests/Fixtures/scan/odoo-page-200dpi.png"], environment: environment)
        #expect(again.stdout.contains("ledger: ALREADY RECEIVED on "), "\(again.stdout)")
        #expect(again.stdout.contains("(Tests/Fixtures/scan/odoo-invoice.pdf)"))

        let list = try CommandRunner.run(["ledger", "list"], environment: environment)
        #expect(list.status == 0)
        #expect(list.stdout.contains("odoo-page-200dpi.png") && list.stdout.contains("odoo-invoice.pdf"))
        let show = try CommandRunner.run(["ledger", "show", Self.sampleIRN.uppercased()], environment: environment)
        #expect(show.stdout.components(separatedBy: "Check #").count == 3, "\(show.stdout)")
        let csv = try CommandRunner.run(["ledger", "export", "--verdict", "valid"], environment: environment)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        try #require(rows.count == 3)
        #expect(rows[1].hasSuffix(",Tests/Fixtures/scan/odoo-invoice.pdf," + (try sha256(of: "Tests/Fixtures/scan/odoo-invoice.pdf"))))
    }

    /// The same supplier's document number again, with another IRN (another financial year) and
    /// then with the first IRN but another total: each a warning naming the first check, in text and JSON.
    @Test func sameDocumentNumberWithAnotherIRNOrTotalIsAWarningNamingTheEarlierCheck() throws {
        let signer = try #require(TestSigner.shared)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("books.sqlite").path
        let key = folder.appendingPathComponent("test-key.pem")
        try Data(signer.publicKeyPEM().utf8).write(to: key)
        func token(_ name: String, docDate: String, total: String) throws -> String {
            let file = folder.appendingPathComponent(name)
            try Data(try signer.sign(data: TestSigner.qrData(docNo: "KA/7", docDate: docDate, total: total)).utf8).write(to: file)
            return file.path
        }
        let march = try token("march.jws", docDate: "15/07/2019", total: "100.00")
        let nextYear = try token("next-year.jws", docDate: "15/07/2020", total: "100.00")
        let otherTotal = try token("other-total.jws", docDate: "15/07/2019", total: "250.00")
        let verify = { (arguments: [String]) in try CommandRunner.run(["verify", "--trust", key.path, "--ledger=\(path)"] + arguments) }

        #expect(try verify([march]).status == 0)
        let firstIRN = try #require(try InvoiceLedger(path: path).checks().first?.entry.irn)
        let text = try verify([nextYear])
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("ledger warning: document INV KA/7 of 29AAFCC9980M1ZR was received on "), "\(text.stdout)")
        #expect(text.stdout.contains("(\(march)) with another IRN \(firstIRN)"), "\(text.stdout)")
        #expect(!text.stdout.contains("ALREADY RECEIVED"))

        let json = try verify(["--json", otherTotal])
        let object = try #require(try json.stdout.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.first { $0["verdict"] as? String == "valid" })
        let findings = try #require((object["ledger"] as? [String: Any])?["findings"] as? [[String: Any]])
        // Its IRN was seen (march), its number under another IRN (next year), its IRN with another total (march).
        #expect(findings.compactMap { $0["kind"] as? String } == ["already-received", "same-document-other-irn", "same-document-other-total"])
        #expect(findings.compactMap { $0["earlierFile"] as? String } == [march, nextYear, march])
        #expect(findings.first?["earlierIrn"] as? String == firstIRN)
        #expect(findings.last?["earlierTotal"] as? String == "100")
        #expect((findings.last?["message"] as? String)?.contains("with another total 100") == true)
        #expect(try InvoiceLedger(path: path).count() == 3)
    }

    @Test func ledgerCommandsExplainBadInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CommandRunner.run(["ledger", "list", "--ledger", folder.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no ledger at"))
        let path = folder.appendingPathComponent("l.sqlite").path
        _ = try CommandRunner.run(["verify", "--ledger", path, Self.sample])
        #expect(try CommandRunner.run(["ledger", "list", "--ledger", path, "--from", "01/11/2026"]).status == 64)
        #expect(try CommandRunner.run(["ledger", "show", "--ledger", path, String(repeating: "0", count: 64)]).status == 1)
    }

    /// 1 000 checks, one transaction each, killed with SIGKILL part-way: the file stays sound and
    /// holds a whole number of complete checks, and the next writer carries on.
    @Test func killDuringABurstOfWritesLeavesAConsistentLedger() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("burst.sqlite").path
        let burst = folder.appendingPathComponent("burst.jsonl")
        try Data(try Self.jsonLines(count: 1000).utf8).write(to: burst)
        let errors = folder.appendingPathComponent("stderr.txt")
        let process = try Self.start(["verify", "--ledger=\(path)", burst.path], standardError: errors)
        let observer = try waitForLedger(at: path)
        let deadline = Date().addingTimeInterval(60)
        while try observer.count() < 50, process.isRunning, Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let childErrors = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""  // context for a failure message only
        #expect(process.terminationReason == .uncaughtSignal, "the burst ended before it could be interrupted: \(childErrors)")

        let ledger = try InvoiceLedger(path: path)
        #expect(try ledger.integrityCheck() == ["ok"])
        let records = try ledger.checks()
        #expect(records.count >= 50 && records.count < 1000, "\(childErrors)")
        #expect(records.map(\.id).sorted() == (1...Int64(max(records.count, 1))).prefix(records.count).map { $0 })
        #expect(records.allSatisfy { $0.entry.irn == Self.sampleIRN && $0.entry.fileSHA256?.count == 64 && $0.entry.total != nil })
        let after = try CommandRunner.run(["verify", "--ledger=\(path)", Self.sample])
        #expect(after.status == 0)
        #expect(try ledger.count() == records.count + 1)
    }

    /// The sample response, compacted to one line, `count` times: one check per line.
    static func jsonLines(count: Int) throws -> String {
        let object = try JSONSerialization.jsonObject(with: try Fixtures.data("samples/production-odoo-nic-data.json"))
        let line = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        return Array(repeating: line, count: count).joined(separator: "\n") + "\n"
    }

    static func start(_ arguments: [String], standardError: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try #require(CommandRunner.executable)
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        process.standardOutput = FileHandle.nullDevice
        if let standardError {
            FileManager.default.createFile(atPath: standardError.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: standardError)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// Opens the ledger once the child has created it.
    func waitForLedger(at path: String) throws -> InvoiceLedger {
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: path), Date() < deadline { usleep(2_000) }
        return try InvoiceLedger(path: path)
    }

    func sha256(of path: String) throws -> String {
        LedgerFile(name: path, data: try Data(contentsOf: Fixtures.root.appendingPathComponent(path))).sha256
    }
}
