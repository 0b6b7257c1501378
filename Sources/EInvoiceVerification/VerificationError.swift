public import EInvoiceBasics

/// The one error type of verification: a token or trust file that cannot be read at all.
///
/// A token that parses but whose signature fails is not an error: it is a ``Verdict``.
/// Equality is on ``code`` only.
public struct VerificationError: CodedError {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Value: String { case malformedToken, badTrustFile }
        fileprivate let value: Value
        /// The token is not a compact JWS of the IRP's shape.
        public static let malformedToken = Code(value: .malformedToken)
        /// A `--trust` file holds no usable key or certificate.
        public static let badTrustFile = Code(value: .badTrustFile)
        public var description: String { value.rawValue }
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: Int

    public init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }


}
