/// What a verification concluded about one token.
///
/// A bad signature is a verdict, not an exception; only input that cannot be read at all is
/// reported as ``malformed``.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// The signature matches a trusted key.
    case valid
    /// The signature does not match the key its kid names, the algorithm is refused, or the signed
    /// values contradict each other.
    case invalid
    /// Well formed, but no trusted key has its kid. This says nothing about forgery.
    case untrusted
    /// Not a token the IRP could have issued: the reason says why.
    case malformed
}

/// Which of the IRP's two tokens this is, told from the signed data itself.
public enum TokenKind: String, Sendable, Codable {
    case signedQRCode = "SignedQRCode"
    case signedInvoice = "SignedInvoice"
    case unknown
}
