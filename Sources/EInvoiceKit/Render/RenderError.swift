public import EInvoiceBasics

/// Why an invoice was not rendered. Equality is on ``code``.
public struct RenderError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case usage, unverified, missingToken, unreadable, qr, drawing, notAResponse }
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
        /// The input is a bare token or an IRP error response: there is no invoice to print.
        public static let notAResponse = Code(value: .notAResponse)
    }

    public let code: Code
    public let reason: String
    private let statusOverride: ExitStatus?

    public init(_ code: Code, _ reason: String, status: ExitStatus? = nil) {
        self.code = code
        self.reason = reason
        self.statusOverride = status
    }

    /// The shared exit status for this failure (the CLI's code, the batch manifest's kind).
    public var exitStatus: ExitStatus {
        if let statusOverride, statusOverride != .success { return statusOverride }
        switch code.value {
        case .unverified: return .invalid
        case .missingToken, .unreadable, .notAResponse: return .malformedInput
        case .usage: return .usage
        case .qr, .drawing: return .cannotCreateOutput
        }
    }

}
