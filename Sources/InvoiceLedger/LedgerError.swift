public import EInvoiceBasics

/// Why the ledger could not be opened, read or written. Equality is on ``code``.
public struct LedgerError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case cannotOpen, cannotWrite, cannotRead, badFilter }
        fileprivate let value: Value
        /// The database file cannot be created or opened, or is not a ledger.
        public static let cannotOpen = Code(value: .cannotOpen)
        /// A check could not be committed (the database is unchanged).
        public static let cannotWrite = Code(value: .cannotWrite)
        public static let cannotRead = Code(value: .cannotRead)
        /// A filter value (date, verdict) is not understood.
        public static let badFilter = Code(value: .badFilter)
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }
}
