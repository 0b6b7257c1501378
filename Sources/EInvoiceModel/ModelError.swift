public import EInvoiceBasics
/// The one error type of the model: input that cannot be read as IRP data.
///
/// Equality is on ``code`` only, so tests can match the kind of failure without the wording.
public struct ModelError: CodedError {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Value: String { case notJSON, duplicateKey, missingField, badValue }
        fileprivate let value: Value
        public static let notJSON = Code(value: .notJSON)
        /// An object names the same key twice: readers disagree on which value counts, so it is refused.
        public static let duplicateKey = Code(value: .duplicateKey)
        public static let missingField = Code(value: .missingField)
        public static let badValue = Code(value: .badValue)
        public var description: String { value.rawValue }
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }



    /// A short, user-facing account of a Foundation decoding error (no type dumps).
    public static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context):
            return context.underlyingError.map { "\($0.localizedDescriptionText)" } ?? context.debugDescription
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

private extension Error {
    var localizedDescriptionText: String { String(describing: self) }
}
