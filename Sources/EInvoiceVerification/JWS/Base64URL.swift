import ExtrasBase64

/// base64url without padding (RFC 7515 §2), decoded by swift-extras-base64.
enum Base64URL {
    /// Decodes one JWS segment, or throws a ``VerificationError`` naming the segment.
    static func decode(_ segment: Substring, name: String) throws(VerificationError) -> [UInt8] {
        do {
            return try Base64.decode(bytes: segment.utf8, options: [.base64UrlAlphabet, .omitPaddingCharacter])
        } catch {
            throw VerificationError(.malformedToken, "the \(name) is not valid base64url")
        }
    }

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Base64.encodeToString(bytes: bytes, options: [.base64UrlAlphabet, .omitPaddingCharacter])
    }
}
