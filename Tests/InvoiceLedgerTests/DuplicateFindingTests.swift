import Foundation
import InvoiceLedger
import Testing

@Suite struct DuplicateFindingTests {
    @Test func firstCheckHasNoFindings() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        #expect(try ledger.record(entry(), at: day()).isEmpty)
        #expect(try ledger.count() == 1)
    }

    @Test func sameIRNIsAlreadyReceivedNamingTheFirstDateAndFile() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        _ = try ledger.record(entry(file: "first.pdf"), at: day())
        _ = try ledger.record(entry(file: "second.pdf"), at: day(60))
        let findings = try ledger.record(entry(file: "third.pdf"), at: day(120))
        #expect(findings.map(\.kind) == [.alreadyReceived])
        let finding = try #require(findings.first)
        #expect(finding.count == 2)
        #expect(finding.earlier.entry.fileName == "first.pdf")
        #expect(finding.message == "already received on 2026-11-02 10:15 UTC (first.pdf); 1 more time since")
        #expect(try ledger.count() == 3)
    }

    @Test func sameDocumentNumberWithAnotherIRNIsAWarningNamingTheEarlierOne() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        let first = String(repeating: "a", count: 64), second = String(repeating: "b", count: 64)
        _ = try ledger.record(entry(irn: first, number: "inv/2025/001", file: "march.pdf"), at: day())
        // Document numbers compare case-insensitively, as the IRP compares them.
        let findings = try ledger.record(entry(irn: second, number: "INV/2025/001", file: "april.pdf"), at: day(5))
        #expect(findings.map(\.kind) == [.sameDocumentOtherIRN])
        #expect(findings.first?.earlier.entry.irn == first)
        #expect(findings.first?.message.contains("another IRN \(first)") == true)
        #expect(findings.first?.message.contains("(march.pdf)") == true)
    }

    @Test func anotherSupplierWithTheSameNumberIsNoFinding() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        _ = try ledger.record(entry(irn: String(repeating: "a", count: 64), supplier: "29AAGCB7383J1Z4"), at: day())
        let findings = try ledger.record(entry(irn: String(repeating: "c", count: 64), supplier: "27AAACI1195H1ZK"), at: day(1))
        #expect(findings.isEmpty)
    }

    @Test func sameDocumentAndIRNWithAnotherTotalIsReported() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let ledger = try temp.open()
        _ = try ledger.record(entry(total: "100.5"), at: day())
        // The same amount written differently is the same total.
        #expect(try ledger.record(entry(total: "100.50"), at: day(1)).map(\.kind) == [.alreadyReceived])
        let findings = try ledger.record(entry(total: "105.00"), at: day(2))
        #expect(findings.map(\.kind) == [.alreadyReceived, .sameDocumentOtherTotal])
        #expect(findings.last?.message.contains("another total 100.5") == true)
    }

    @Test func valuesComeBackExactlyAfterReopening() throws {
        let temp = try TemporaryLedger()
        defer { temp.remove() }
        let written = entry(total: "12345678901234567.07")
        do {
            let ledger = try temp.open()
            _ = try ledger.record(written, at: day())
        }
        let reopened = try temp.open()
        let records = try reopened.checks(irn: written.irn)
        #expect(records.map(\.entry) == [written])
        #expect(records.first?.checkedAt == "2026-11-02T10:15:30.000Z")
        #expect(try reopened.integrityCheck() == ["ok"])
    }
}
