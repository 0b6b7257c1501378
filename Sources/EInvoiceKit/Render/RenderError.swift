public import EInvoiceModel

/// Why an invoice was not rendered. Equality is on ``code``.
public struct RenderError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case usage, unverified, missingToken, unreadable, qr, drawing }
        fileprivate let value: Value
        /// Bad options (template, dates, UPI address).
        public static let usage = Code(value: .usage)
        /// The signature does not hold and `--allow-unverified` was not given.
        public static let unverified = Code(value: .unverified)
        /// The response lacks the SignedInvoice or SignedQRCode needed to print.
        public static let missingToken = Code(value: .missingToken)
        /// The signed invoice could not be read.
        public static let unreadable = Code(value: .unreadable)
        public static let qr = Code(value: .qr)
        public static let drawing = Code(value: .drawing)
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

}
