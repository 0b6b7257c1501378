public import Crypto
import EInvoiceBasics
import EInvoiceModel
import Foundation

/// A compact JWS as the IRP issues it (`header.payload.signature`), parsed but not yet trusted.
///
/// The raw string is kept next to its decoded parts: the signature is checked over the received
/// base64url bytes, never over a re-serialisation (key order differs between IRP releases).
public struct CompactJWS: Sendable, Hashable {
    /// The JOSE header, `{"alg":"RS256","kid":"…","typ":"JWT","x5t":"…"}`.
    public struct Header: Sendable, Hashable, Decodable {
        public var alg: String?
        public var kid: String?
        public var typ: String?
        public var x5t: String?
    }

    /// The payload, `{"data":"<JSON text>","iss":"NIC"}`.
    public struct Payload: Sendable, Hashable, Decodable {
        public var data: String?
        public var iss: String?

        /// `nil` unless both members are strings, `null` or absent (what `JSONDecoder` reads the same way).
        init?(flat object: FlatJSONObject) {
            func text(_ key: String) -> String?? {
                switch object[key] {
                case .string(let value): value
                case .null, nil: .some(nil)
                case .number, .bool: nil
                }
            }
            guard let data = text("data"), let iss = text("iss") else { return nil }
            self.data = data
            self.iss = iss
        }
    }

    /// The token exactly as received.
    public let compact: String
    public let header: Header
    public let payload: Payload
    public let signature: [UInt8]
    /// Where the signed part (`header.payload`) ends in ``compact``.
    private let signingInputEnd: String.Index

    /// One decoder for every token: it holds no per-call state (Foundation's is thread-safe), and
    /// making one per token shows up in the verify benchmark.
    static let decoder = JSONDecoder()

    /// Tokens longer than this are refused before any decoding (a 1000-line invoice is ~0.6 MB).
    public static let maximumLength = 16 << 20

    /// Parses a compact JWS, refusing anything that is not three base64url segments of JSON.
    ///
    /// - Throws: ``VerificationError/Code/malformedToken`` with the reason.
    public init(_ compact: String) throws(VerificationError) {
        guard compact.utf8.count <= Self.maximumLength else {
            throw VerificationError(.malformedToken, "the token is longer than \(Self.maximumLength >> 20) MB")
        }
        // Split on the UTF-8 bytes: Character-level splitting costs more than the RSA verification,
        // and even a generic search of the UTF-8 view, index by index, showed in the profile.
        let bytes = compact.utf8
        let dots = Self.dotOffsets(compact)
        let firstDot = dots.first.map { bytes.index(bytes.startIndex, offsetBy: $0) }
        let secondDot = dots.second.map { bytes.index(bytes.startIndex, offsetBy: $0) }
        guard let firstDot, let secondDot, dots.third == nil else {
            throw VerificationError(
                .malformedToken,
                compact.isEmpty
                    ? "the token is empty"
                    : "a compact JWS has 3 dot-separated parts, this has \(compact.utf8.count(where: { $0 == UInt8(ascii: ".") }) + 1)"
            )
        }
        let parts = (compact[..<firstDot], compact[bytes.index(after: firstDot)..<secondDot], compact[bytes.index(after: secondDot)...])
        guard !parts.0.isEmpty, !parts.1.isEmpty else {
            throw VerificationError(.malformedToken, "the token's header or payload is empty")
        }
        let decoder = Self.decoder
        let read = try HeaderCache.shared.header(for: parts.0) { () throws(VerificationError) in
            let headerBytes = try Base64URL.decode(parts.0, name: "header")
            do {
                return ReadHeader(try decoder.decode(Header.self, from: Data(headerBytes)))
            } catch {
                throw VerificationError(.malformedToken, "the header is not a JSON object of string fields")
            }
        }
        header = read.header
        keyID = read.keyID
        x5tHex = read.x5tHex
        payload = try Self.payload(try Base64URL.decode(parts.1, name: "payload"))
        signature = try Base64URL.decode(parts.2, name: "signature")
        self.compact = compact
        signingInputEnd = parts.1.endIndex
    }

    /// The payload, read by the strict flat reader when it can (a QR token's payload always is
    /// `{"data":"…","iss":"…"}`), else by `JSONDecoder` as before: the fast path steps aside for
    /// anything it cannot read exactly as `JSONDecoder` would, so it never changes a verdict.
    private static func payload(_ bytes: [UInt8]) throws(VerificationError) -> Payload {
        if let object = bytes.withUnsafeBytes({ FlatJSONObject($0) }), let payload = Payload(flat: object) {
            return payload
        }
        do {
            return try decoder.decode(Payload.self, from: Data(bytes))
        } catch {
            throw VerificationError(.malformedToken, "the payload is not a JSON object with a string \"data\"")
        }
    }

    /// SHA-256 of what the signature covers: the ASCII bytes `header_b64 + "." + payload_b64`
    /// exactly as received.
    public var signingInputDigest: SHA256.Digest {
        var signed = compact[..<signingInputEnd]
        return signed.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    }

    /// `kid` normalised to upper-case hex, as the trust store keys it.
    public let keyID: String?

    /// `x5t` decoded to upper-case hex (`nil` when absent or not base64url); for IRP tokens it equals `kid`.
    public let x5tHex: String?

    /// Byte offsets of the first three dots (a compact JWS has exactly two), found in the string's
    /// own contiguous UTF-8 storage.
    private static func dotOffsets(_ compact: String) -> (first: Int?, second: Int?, third: Int?) {
        var compact = compact
        return compact.withUTF8 { bytes in
            let bytes = UnsafeRawBufferPointer(bytes)
            let dot = UInt8(ascii: ".")
            let first = bytes.offset(of: dot)
            let second = first.flatMap { bytes.offset(of: dot, from: $0 + 1) }
            return (first, second, second.flatMap { bytes.offset(of: dot, from: $0 + 1) })
        }
    }
}

extension CompactJWS {
    /// A header with what is derived from it alone, worked out once per distinct header text
    /// (``HeaderCache``) rather than once per token: a batch holds a handful of headers.
    struct ReadHeader: Sendable {
        let header: Header
        let keyID: String?
        let x5tHex: String?

        init(_ header: Header) {
            self.header = header
            keyID = header.kid?.uppercased()
            if let x5t = header.x5t, let bytes = try? Base64URL.decode(Substring(x5t), name: "x5t") {
                x5tHex = bytes.hexString.uppercased()  // an undecodable x5t is no thumbprint to compare
            } else {
                x5tHex = nil
            }
        }
    }
}

extension Sequence<UInt8> {
    /// Lower-case hex of the bytes.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
