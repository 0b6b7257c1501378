import Foundation
import InvoiceLedger

/// A fresh ledger file in its own temporary folder (real SQLite, no mocks).
struct TemporaryLedger {
    let folder: URL
    var path: String { folder.appendingPathComponent("ledger.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func open() throws -> InvoiceLedger { try InvoiceLedger(path: path) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// An entry with plausible values; tests override what they are about.
func entry(irn: String = String(repeating: "a", count: 64), supplier: String = "29AAGCB7383J1Z4",
           number: String = "INV/2025/001", total: String = "763541.89", verdict: String = "valid",
           file: String = "first.pdf") -> LedgerEntry {
    LedgerEntry(irn: irn, supplierGstin: supplier, buyerGstin: "27AAACI1195H1ZK", documentType: "INV",
                documentNumber: number, documentDate: "12/05/2023", total: total, verdict: verdict,
                environment: "production", ackNo: "162313992950709", ackDate: "2023-05-12 14:11:00",
                fileName: file, fileSHA256: String(repeating: "0", count: 64))
}

/// 2026-11-02 10:15:30 UTC plus `minutes`.
func day(_ minutes: Double = 0) -> Date { Date(timeIntervalSince1970: 1_793_614_530 + minutes * 60) }
