import Foundation
import GRDB
import InvoiceLedger
import Testing

@Suite struct LedgerStoreTests {
    @Test func filtersByDateRangeSupplierAndVerdict() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        let day1 = Date(timeIntervalSince1970: 1_793_577_600)  // 2026-11-02 00:00 UTC
        _ = try ledger.record(entry(irn: "1", supplier: "29AAGCB7383J1Z4", verdict: "valid"), at: day1)
        _ = try ledger.record(entry(irn: "2", supplier: "29AAGCB7383J1Z4", verdict: "invalid"), at: day1 + 86_399)
        _ = try ledger.record(entry(irn: "3", supplier: "27AAACI1195H1ZK", verdict: "valid"), at: day1 + 86_400)
        func irns(_ filter: LedgerFilter) throws -> [String] { try ledger.checks(filter.validated()).map(\.entry.irn) }
        #expect(try irns(LedgerFilter()) == ["3", "2", "1"])
        // `to` a day includes the whole day; `from` a day starts at its midnight.
        #expect(try irns(LedgerFilter(to: "2026-11-02")) == ["2", "1"])
        #expect(try irns(LedgerFilter(from: "2026-11-03")) == ["3"])
        #expect(try irns(LedgerFilter(supplier: "29aagcb7383j1z4")) == ["2", "1"])
        #expect(try irns(LedgerFilter(verdict: "invalid")) == ["2"])
        #expect(try irns(LedgerFilter(limit: 1)) == ["3"])
    }

    @Test(arguments: [
        LedgerFilter(from: "02/11/2026"), LedgerFilter(to: "yesterday"), LedgerFilter(verdict: "ok"), LedgerFilter(limit: -1),
    ])
    func badFiltersAreErrorsNotEmptyLists(_ filter: LedgerFilter) {
        #expect(throws: LedgerError(.badFilter, "")) { try filter.validated() }
    }

    @Test func csvQuotesAndDefusesFormulas() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        _ = try ledger.record(entry(number: "=HYPERLINK(\"x\")", file: "a, \"b\".pdf"), at: day())
        let csv = LedgerCSV.render(try ledger.checks())
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == LedgerCSV.header.joined(separator: ","))
        #expect(lines[1].contains(#"'=HYPERLINK(""x"")"#))
        #expect(lines[1].contains(#""a, ""b"".pdf""#))
        #expect(lines[1].contains(",763541.89,valid,production,"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func anotherApplicationsDatabaseIsRefused() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let foreign = temp.folder.appendingPathComponent("accounts.sqlite").path
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE accounts (id INTEGER)") }
        #expect(throws: LedgerError(.cannotOpen, "")) { try InvoiceLedger(path: foreign) }
        let text = temp.folder.appendingPathComponent("notes.sqlite")
        try Data("not a database at all, just some text that is long enough".utf8).write(to: text)
        #expect(throws: LedgerError(.cannotOpen, "")) { try InvoiceLedger(path: text.path) }
    }

    @Test func listingNeverCreatesALedger() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        #expect(throws: LedgerError(.cannotOpen, "")) { try InvoiceLedger(path: temp.path, mustExist: true) }
        #expect(!FileManager.default.fileExists(atPath: temp.path))
    }

    @Test func defaultLocationFollowsXDG() {
        #expect(LedgerLocation.defaultPath(environment: ["XDG_DATA_HOME": "/srv/data", "HOME": "/home/a"])
            == "/srv/data/einvoice/ledger.sqlite")
        #expect(LedgerLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
            == "/home/a/.local/share/einvoice/ledger.sqlite")
        #expect(LedgerLocation.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/einvoice/ledger.sqlite")
    }

    @Test func twoConnectionsWritingAtOnceLoseNothing() async throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let first = try temp.open(), second = try temp.open()
        let failures = await withTaskGroup(of: [String].self) { group in
            for (name, ledger) in [("a", first), ("b", second)] {
                group.addTask {
                    var failures: [String] = []
                    for index in 0..<150 {
                        do {
                            _ = try ledger.record(entry(irn: "\(name)\(index)", number: "\(name)-\(index)"))
                        } catch {
                            failures.append("\(error)")
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.isEmpty)
        #expect(try first.count() == 300)
        #expect(try second.integrityCheck() == ["ok"])
    }
}
