import Foundation

/// Which checks `ledger list`/`export` and the desk's history show.
public struct LedgerFilter: Sendable, Hashable {
    /// First day (UTC, `yyyy-mm-dd`) or instant (ISO 8601) of the range, inclusive.
    public var from: String?
    /// Last day (UTC, `yyyy-mm-dd`, the whole day) or instant, inclusive.
    public var to: String?
    /// Supplier GSTIN, exact (case-insensitive).
    public var supplier: String?
    /// `valid`, `sandbox`, `invalid` or `untrusted`
    public var verdict: String?
    /// Newest checks first; `nil` for all.
    public var limit: Int?

    public init(from: String? = nil, to: String? = nil, supplier: String? = nil, verdict: String? = nil, limit: Int? = nil) {
        self.from = from
        self.to = to
        self.supplier = supplier
        self.verdict = verdict
        self.limit = limit
    }

    /// The verdicts a recorded check can have, as `--json` prints them (malformed input and IRP errors carry no invoice).
    public static let verdicts = ["valid", "sandbox", "invalid", "untrusted"]

    /// Checks the values before any query, so a typo is an error rather than an empty list.
    public func validated() throws(LedgerError) -> LedgerFilter {
        for (name, value) in [("from", from), ("to", to)] {
            guard let value else { continue }
            guard Self.isDateOrInstant(value) else {
                throw LedgerError(.badFilter, "--\(name) \(value): expected a date yyyy-mm-dd or an ISO 8601 time")
            }
        }
        if let verdict, !Self.verdicts.contains(verdict) {
            throw LedgerError(.badFilter, "--verdict \(verdict): expected one of \(Self.verdicts.joined(separator: ", "))")
        }
        if let limit, limit < 0 { throw LedgerError(.badFilter, "--limit must not be negative") }
        return self
    }

    static func isDateOrInstant(_ text: String) -> Bool {
        let day = /\d{4}-\d{2}-\d{2}/
        let instant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?/
        return text.wholeMatch(of: day) != nil || text.wholeMatch(of: instant) != nil
    }

    /// The WHERE clause and its arguments. Times are stored as ISO 8601 UTC text, so text order is
    /// time order; `to` compares only as many characters as it has, which makes a day inclusive.
    var sql: (String, [String]) {
        var clauses: [String] = []
        var arguments: [String] = []
        if let from {
            clauses.append("checkedAt >= ?")
            arguments.append(from)
        }
        if let to {
            clauses.append("substr(checkedAt, 1, \(to.count)) <= ?")
            arguments.append(to)
        }
        if let supplier {
            clauses.append("supplierGstin = ? COLLATE NOCASE")
            arguments.append(supplier)
        }
        if let verdict {
            clauses.append("verdict = ?")
            arguments.append(verdict)
        }
        return (clauses.joined(separator: " AND "), arguments)
    }
}
