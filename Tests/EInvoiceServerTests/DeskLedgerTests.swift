import EInvoiceServer
import EInvoiceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import InvoiceLedger
import NIOCore
import Testing

/// The desk records every check in its ledger and shows the history; `--no-ledger` records nothing.
@Suite struct DeskLedgerTests {
    func withLedger(_ body: (InvoiceLedger, Application<RouterResponder<BasicRequestContext>>) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-ledger-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try InvoiceLedger(path: folder.appendingPathComponent("ledger.sqlite").path)
        // Closed before the folder goes: an open ledger would recreate its WAL files there.
        defer { try? ledger.close() }
        let app = Application(router: DeskApplication.router(configuration: ServerConfiguration(ledger: ledger)))
        try await body(ledger, app)
    }

    func json(_ buffer: ByteBuffer) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
    }

    @Test func secondUploadOfAnInvoiceSaysAlreadyReceived() async throws {
        let pdf = ByteBuffer(bytes: try Fixtures.data("scan/odoo-invoice.pdf"))
        try await withLedger { ledger, app in
            try await app.test(.router) { client in
                for index in 0..<2 {
                    try await client.execute(uri: "/api/v1/scan", method: .post, headers: [.contentType: "application/pdf"],
                                             body: pdf) { response in
                        #expect(response.status == .ok)
                        let results = try #require(try json(response.body) as? [[String: Any]])
                        let report = try #require(results.first?["ledger"] as? [String: Any])
                        #expect(report["recorded"] as? Bool == true)
                        let findings = try #require(report["findings"] as? [[String: Any]])
                        #expect(findings.count == index)
                        if index == 1 {
                            #expect(findings.first?["kind"] as? String == "already-received")
                            #expect(findings.first?["earlierFile"] as? String == "upload")
                        }
                    }
                }
            }
            #expect(try ledger.count() == 2)
        }
    }

    /// A pasted token with a document number the ledger has seen under another IRN: the desk's JSON
    /// (what the page shows as a "Ledger:" line) names the earlier check. The test key is not
    /// trusted, so the checks are recorded as `untrusted`, which the ledger keeps too.
    @Test func sameDocumentNumberWithAnotherIRNIsAWarningOnTheDesk() async throws {
        let signer = try #require(TestSigner.shared)
        let first = try signer.sign(data: TestSigner.qrData(docNo: "KA/9", docDate: "15/07/2019"))
        let second = try signer.sign(data: TestSigner.qrData(docNo: "KA/9", docDate: "15/07/2020"))
        try await withLedger { ledger, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: first)) { _ in }
                try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: second)) { response in
                    let results = try #require(try json(response.body) as? [[String: Any]])
                    let findings = try #require((results.first?["ledger"] as? [String: Any])?["findings"] as? [[String: Any]])
                    #expect(findings.compactMap { $0["kind"] as? String } == ["same-document-other-irn"])
                    let message = try #require(findings.first?["message"] as? String)
                    #expect(message.hasPrefix("document INV KA/9 of 29AAFCC9980M1ZR was received on "), "\(message)")
                    #expect(message.contains("(pasted) with another IRN "))
                }
            }
            let records = try ledger.checks()
            #expect(records.map(\.entry.verdict) == ["untrusted", "untrusted"])
            #expect(Set(records.map(\.entry.irn)).count == 2)
        }
    }

    /// The desk's own code path (``DeskService``, as its HTTP handler calls it) and an `einvoice verify
    /// --ledger` process write one file at the same time: nothing is lost, every desk check is
    /// recorded, and the file stays sound.
    @Test func deskAndCLIWriteTheSameLedgerAtOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-cli-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shared.sqlite").path
        let sample = try Fixtures.data("samples/production-odoo-nic-data.json")
        let object = try JSONSerialization.jsonObject(with: sample)
        let line = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let burst = folder.appendingPathComponent("burst.jsonl")
        try Data((Array(repeating: line, count: 200).joined(separator: "\n") + "\n").utf8).write(to: burst)

        let service = DeskService(configuration: ServerConfiguration(ledger: try InvoiceLedger(path: path)))
        let process = Process()
        process.executableURL = try #require(CommandRunner.executable)
        process.arguments = ["verify", "--ledger=\(path)", burst.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var deskChecks = 0, unrecorded = 0, whileCLIRan = 0
        while process.isRunning || deskChecks < 50 {
            if process.isRunning { whileCLIRan += 1 }
            // One pasted response is one check: its first result carries the ledger report.
            let report = service.verify(Data(line.utf8), name: "desk-\(deskChecks).json").first?.ledger
            if report?.recorded != true { unrecorded += 1 }
            deskChecks += 1
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(unrecorded == 0)
        let ledger = try InvoiceLedger(path: path)
        #expect(try ledger.count() == 200 + deskChecks)
        let records = try ledger.checks()
        let cli = records.filter { $0.entry.fileName == burst.path }.map(\.id)
        #expect(cli.count == 200)
        // Whether the row ids interleave depends on the scheduler (a fast CLI may commit its burst between
        // two desk checks), so the test asserts only that the desk did write while the CLI process ran.
        #expect(whileCLIRan > 0, "the desk never wrote while the CLI was running")
        #expect(try ledger.integrityCheck() == ["ok"])
    }

    @Test func historyListsFiltersAndDownloadsCSV() async throws {
        let response = ByteBuffer(bytes: try Fixtures.data("samples/production-odoo-nic-data.json"))
        try await withLedger { _, app in
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/v1/verify", method: .post, body: response) { _ in }
                try await client.execute(uri: "/api/v1/ledger?limit=10", method: .get) { answer in
                    let records = try #require(try json(answer.body) as? [[String: Any]])
                    #expect(records.count == 1)
                    #expect(records.first?["documentNumber"] as? String == "SAJ/2023/0627")
                    #expect(records.first?["fileName"] as? String == "pasted")
                }
                try await client.execute(uri: "/api/v1/ledger?verdict=invalid", method: .get) { answer in
                    let records = try json(answer.body) as? [Any]
                    #expect(records?.isEmpty == true)
                }
                try await client.execute(uri: "/api/v1/ledger?from=last-week", method: .get) { answer in
                    #expect(answer.status == .badRequest)
                }
                try await client.execute(uri: "/api/v1/ledger.csv", method: .get) { answer in
                    #expect(answer.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(answer.headers[.contentDisposition]?.contains("einvoice-ledger.csv") == true)
                    let lines = String(buffer: answer.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                    #expect(lines.count == 2)
                    #expect(lines.first?.hasPrefix("checked_at,irn,supplier_gstin") == true)
                }
                try await client.execute(uri: "/history", method: .get) { answer in
                    let html = String(buffer: answer.body)
                    #expect(html.contains("Download CSV"))
                    #expect(!html.contains("http://") && !html.contains("https://"))
                }
            }
        }
    }

    @Test func deskWithoutALedgerRecordsNothingAndSaysSo() async throws {
        let app = Application(router: DeskApplication.router(configuration: ServerConfiguration()))
        let response = ByteBuffer(bytes: try Fixtures.data("samples/production-odoo-nic-data.json"))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, body: response) { answer in
                let results = try #require(try json(answer.body) as? [[String: Any]])
                #expect(results.allSatisfy { $0["ledger"] == nil })
            }
            try await client.execute(uri: "/api/v1/ledger", method: .get) { answer in
                #expect(answer.status == .notFound)
            }
        }
    }
}
