import Foundation

/// The ledger as CSV for the AP team's spreadsheet (RFC 4180: comma, CRLF, quotes doubled).
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
/// get a leading apostrophe: a file name or document number from a supplier is never executed.
public enum LedgerCSV {
    public static let header = [
        "checked_at", "irn", "supplier_gstin", "buyer_gstin", "document_type", "document_number", "document_date",
        "total", "verdict", "environment", "ack_no", "ack_date", "file_name", "file_sha256",
    ]

    public static func render(_ records: [LedgerRecord]) -> String {
        var lines = [header.joined(separator: ",")]
        for record in records {
            let entry = record.entry
            let cells = [record.checkedAt, entry.irn, entry.supplierGstin, entry.buyerGstin, entry.documentType,
                         entry.documentNumber, entry.documentDate, entry.total, entry.verdict, entry.environment,
                         entry.ackNo, entry.ackDate, entry.fileName, entry.fileSHA256]
            lines.append(cells.map { cell($0 ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        // Scalars, not Characters: "\r\n" is one Character, and a lone "\n" must be quoted too.
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
