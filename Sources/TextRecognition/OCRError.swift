public import EInvoiceBasics

/// The error type of text recognition. Equality is on ``code``.
public struct OCRError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case unavailable, recognitionFailed, timeLimit }
        fileprivate let value: Value
        /// The engine or its language data could not be loaded (Debian: `tesseract-ocr-eng`).
        public static let unavailable = Code(value: .unavailable)
        public static let recognitionFailed = Code(value: .recognitionFailed)
        /// The time allowed for the page was spent before the reading ended.
        public static let timeLimit = Code(value: .timeLimit)
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }
}
