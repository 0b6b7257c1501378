public import Foundation

/// What one check adds to a report: that it was recorded, and what the ledger knew before.
///
/// It rides along the verification report (``Annotated``) rather than inside it, so the ledger
/// stays a module of its own and reports without `--ledger` are unchanged.
public struct LedgerReport: Sendable, Encodable {
    public var recorded = true
    public var findings: [Finding]
    /// Why the check could not be recorded (then `recorded` is false).
    public var error: String?

    public struct Finding: Sendable, Encodable {
        public var kind: String
        public var message: String
        public var earlierIrn: String
        public var earlierCheckedAt: String
        public var earlierFile: String?
        public var earlierVerdict: String
        public var earlierTotal: String?
        public var count: Int
    }

    public init(findings: [LedgerFinding]) {
        self.findings = findings.map {
            Finding(kind: $0.kind.rawValue, message: $0.message, earlierIrn: $0.earlier.entry.irn,
                    earlierCheckedAt: $0.earlier.checkedAt, earlierFile: $0.earlier.entry.fileName,
                    earlierVerdict: $0.earlier.entry.verdict, earlierTotal: $0.earlier.entry.total, count: $0.count)
        }
    }

    /// A check that could not be recorded: the report says so rather than failing.
    public init(failure reason: String) {
        recorded = false
        findings = []
        error = reason
    }

    /// Lines for the text report, indented like its other lines.
    public var textLines: [String] {
        findings.map { $0.kind == LedgerFinding.Kind.alreadyReceived.rawValue
            ? "  ledger: " + $0.message.replacingOccurrences(of: "already received", with: "ALREADY RECEIVED", options: .anchored)
            : "  ledger warning: \($0.message)" }
    }

    /// A report object with a `ledger` member added; absent (not `null`) when nothing was recorded.
    public struct Annotated<Base: Encodable & Sendable>: Encodable, Sendable {
        public var base: Base
        public var ledger: LedgerReport?

        public init(_ base: Base, ledger: LedgerReport?) {
            self.base = base
            self.ledger = ledger
        }

        private enum Key: String, CodingKey { case ledger }

        public func encode(to encoder: any Encoder) throws {
            try base.encode(to: encoder)
            guard let ledger else { return }
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(ledger, forKey: .ledger)
        }

        /// One line of JSON with sorted keys, like the reports without a ledger.
        public var line: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            do {
                return String(decoding: try encoder.encode(self), as: UTF8.self)
            } catch {
                return #"{"error":"the report could not be encoded"}"#
            }
        }
    }
}
