public import EInvoiceModel

/// One thing found in the input: an IRP response, an IRP refusal, a bare token, or an unreadable part.
public struct InputDocument: Sendable {
    public enum Content: Sendable {
        case response(IRPResponse)
        case failure(IRPFailure)
        case token(String)
        case unreadable(String)
    }

    /// Stable identity: the path, plus `:line` for one line of a multi-line input.
    public var id: String
    public var format: ResponseFormat?
    public var content: Content
    /// Problems found around the content (an archive PDF whose printed QR is not its token).
    public var problems: [String] = []

    public init(id: String, format: ResponseFormat?, content: Content, problems: [String] = []) {
        self.id = id
        self.format = format
        self.content = content
        self.problems = problems
    }
}
