import Foundation

/// One checked invoice as the ledger stores it: what the IRP signed, what the check concluded,
/// and which file it came from.
///
/// Every value is text as signed (amounts keep the token's exact decimal digits), so a record read
/// back compares equal to what was written and exports to CSV without rounding.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public var irn: String
    public var supplierGstin: String?
    public var buyerGstin: String?
    public var documentType: String?
    public var documentNumber: String?
    /// As signed (dd/mm/yyyy).
    public var documentDate: String?
    /// The total invoice value, exactly as the token's decimal.
    public var total: String?
    /// `valid`, `sandbox`, `invalid` or `untrusted`, as `--json` prints it.
    public var verdict: String
    /// `production`, `sandbox` or `unknown`.
    public var environment: String
    public var ackNo: String?
    public var ackDate: String?
    public var fileName: String?
    /// Lower-case hex SHA-256 of the checked file's bytes.
    public var fileSHA256: String?

    public init(irn: String, supplierGstin: String? = nil, buyerGstin: String? = nil, documentType: String? = nil,
                documentNumber: String? = nil, documentDate: String? = nil, total: String? = nil, verdict: String,
                environment: String = "unknown", ackNo: String? = nil, ackDate: String? = nil, fileName: String? = nil,
                fileSHA256: String? = nil) {
        self.irn = irn
        self.supplierGstin = supplierGstin
        self.buyerGstin = buyerGstin
        self.documentType = documentType
        self.documentNumber = documentNumber
        self.documentDate = documentDate
        self.total = total
        self.verdict = verdict
        self.environment = environment
        self.ackNo = ackNo
        self.ackDate = ackDate
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
    }

    /// The document number as the IRP compares it: case-insensitively, surrounding blanks ignored.
    var documentKey: String? {
        documentNumber.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
    }

    /// The total as a number, so `100.5` and `100.50` are the same amount.
    var totalAmount: Decimal? { total.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) } }
}

/// A stored check: the entry, when it was recorded, and its row number.
public struct LedgerRecord: Sendable, Hashable {
    public var id: Int64
    /// UTC, ISO 8601 with milliseconds (`2026-12-01T03:10:42.125Z`): text order is time order.
    public var checkedAt: String
    public var entry: LedgerEntry

    /// `2026-12-01 03:10 UTC`, the form a clerk reads.
    public var checkedAtForDisplay: String {
        guard checkedAt.count >= 16 else { return checkedAt }
        return checkedAt.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}

extension LedgerRecord: Encodable {
    private enum Key: String, CodingKey { case id, checkedAt }

    /// The entry's fields with `id` and `checkedAt` beside them, in one flat object.
    public func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(checkedAt, forKey: .checkedAt)
    }

    /// One line of JSON, keys sorted (`ledger list --json`).
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        } catch {
            return #"{"error":"the record could not be encoded"}"#
        }
    }
}
