/// One reason a verification does not hold: a code that programs and tests compare, and words
/// a clerk reads.
///
/// Messages may be reworded at will; codes are the contract (`--json` prints both).
public struct Failure: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of failure this is. A struct over a private enum, so codes can be added without
    /// breaking `switch`es in callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible, Codable {
        fileprivate enum Value: String, Codable {
            case malformedToken = "malformed-token"
            case refusedAlgorithm = "refused-algorithm"
            case unknownKey = "unknown-key"
            case badSignature = "bad-signature"
            case sandboxRefused = "sandbox-refused"
            case unreadableData = "unreadable-signed-data"
            case irnMismatch = "irn-mismatch"
            case tokensDisagree = "tokens-disagree"
            case cancelled
            case printedDiffers = "printed-differs"
            case irpError = "irp-error"
            case unreadableInput = "unreadable-input"
            case noEInvoiceQR = "no-e-invoice-qr"
            case notAnEInvoiceQR = "not-an-e-invoice-qr"
            case pagesNotRead = "pages-not-read"
        }
        fileprivate let value: Value

        /// Not a compact JWS of the IRP's shape, or its header or payload cannot be read.
        public static let malformedToken = Code(value: .malformedToken)
        /// Signed with an algorithm other than RS256.
        public static let refusedAlgorithm = Code(value: .refusedAlgorithm)
        /// No trusted key has the token's kid: nothing is known about forgery.
        public static let unknownKey = Code(value: .unknownKey)
        /// The signature does not match the key its kid names.
        public static let badSignature = Code(value: .badSignature)
        /// A genuine sandbox signature, refused by `--production-only`.
        public static let sandboxRefused = Code(value: .sandboxRefused)
        /// The signed `data` is not a readable IRP document.
        public static let unreadableData = Code(value: .unreadableData)
        /// The IRN does not recompute from the signed fields.
        public static let irnMismatch = Code(value: .irnMismatch)
        /// The QR, the signed invoice and the response around them disagree.
        public static let tokensDisagree = Code(value: .tokensDisagree)
        /// The IRP reports the IRN as cancelled.
        public static let cancelled = Code(value: .cancelled)
        /// A value printed on the document differs from the signed one.
        public static let printedDiffers = Code(value: .printedDiffers)
        /// The input is an IRP error response: there is no token.
        public static let irpError = Code(value: .irpError)
        /// The input cannot be read at all.
        public static let unreadableInput = Code(value: .unreadableInput)
        /// No page of the file carries an e-invoice QR.
        public static let noEInvoiceQR = Code(value: .noEInvoiceQR)
        /// A QR that is not the IRP's (a UPI payment QR, a web link, …).
        public static let notAnEInvoiceQR = Code(value: .notAnEInvoiceQR)
        /// Pages of the file were not read (a limit or the file's time budget): the check is incomplete.
        public static let pagesNotRead = Code(value: .pagesNotRead)

        public var description: String { value.rawValue }

        public init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
        public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
        fileprivate init(value: Value) { self.value = value }
    }

    public let code: Code
    /// The failure in words, for people.
    public let message: String
    /// For ``Code/printedDiffers``: which printed field (e.g. `grand-total`, `seller-gstin`).
    public var field: String?
    /// For ``Code/printedDiffers``: the value exactly as printed.
    public var printed: String?

    public init(_ code: Code, _ message: String, field: String? = nil, printed: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.printed = printed
    }

    public var description: String { message }
}
