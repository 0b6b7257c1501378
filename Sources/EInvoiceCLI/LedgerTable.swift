import Foundation
import InvoiceLedger

/// The ledger as people read it in a terminal.
enum LedgerTable {
    /// One line per check: when, verdict, supplier, document, total, file, IRN prefix.
    static func render(_ records: [LedgerRecord]) -> String {
        let header = ["Checked (UTC)", "Verdict", "Supplier GSTIN", "Document", "Total", "File", "IRN"]
        let rows = records.map { record -> [String] in
            let entry = record.entry
            return [record.checkedAtForDisplay.replacingOccurrences(of: " UTC", with: ""), entry.verdict,
                    entry.supplierGstin ?? "-", [entry.documentType, entry.documentNumber].compactMap { $0 }.joined(separator: " "),
                    entry.total ?? "-", entry.fileName.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "-",
                    String(entry.irn.prefix(12)) + "…"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// Every field of one check.
    static func detail(_ record: LedgerRecord) -> String {
        let entry = record.entry
        let rows: [(String, String?)] = [
            ("Checked", record.checkedAtForDisplay), ("Verdict", "\(entry.verdict) (\(entry.environment))"),
            ("IRN", entry.irn), ("Seller GSTIN", entry.supplierGstin), ("Buyer GSTIN", entry.buyerGstin),
            ("Document", [entry.documentType, entry.documentNumber, entry.documentDate.map { "dated \($0)" }]
                .compactMap { $0 }.joined(separator: " ")),
            ("Total value", entry.total), ("Ack No / Date", [entry.ackNo, entry.ackDate].compactMap { $0 }.joined(separator: " / ")),
            ("File", entry.fileName), ("File SHA-256", entry.fileSHA256),
        ]
        let lines = rows.compactMap { label, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "  \(label.padding(toLength: 14, withPad: " ", startingAt: 0)) \(value)"
        }
        return "Check #\(record.id)\n" + lines.joined(separator: "\n")
    }
}
