public import EInvoiceBasics

/// Why an archive PDF could not be made. Equality is on ``code``.
public struct ArchiveError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case readFailed, writeFailed, unavailable }
        fileprivate let value: Value
        public static let readFailed = Code(value: .readFailed)
        public static let writeFailed = Code(value: .writeFailed)
        /// libqpdf is not installed, or not a version einvoice can use.
        public static let unavailable = Code(value: .unavailable)
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }
}
