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
