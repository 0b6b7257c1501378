import Crypto
import Foundation
import _CryptoExtras

/// One RSA public key the verifier accepts, pinned to the `kid` it signs under.
public struct TrustedKey: Sendable {
    /// Where a key came from, shown to the user next to the key.
    public enum Origin: Sendable, Hashable {
        /// Built into the tool (derived from public tokens, see ``BuiltInKeys``).
        case builtIn
        /// A bare public key from a `--trust` file.
        case publicKeyFile(path: String)
        /// An X.509 certificate from a `--trust` file; its SHA-1 thumbprint is the kid.
        case certificate(path: String, subject: String)
    }

    /// Upper-case hex SHA-1 thumbprint the key is pinned to; `nil` for a key given without one,
    /// which is then tried only for tokens whose kid no pinned key claims.
    public let kid: String?
    public let environment: Environment
    public let label: String
    public let origin: Origin
    public let provenance: String
    let publicKey: _RSA.Signing.PublicKey
    /// The same key for the IFMA code, when the CPU has it and the key is 2048-bit with exponent 65537.
    let accelerated: AcceleratedRSAKey?
    /// The warning every token this (sandbox) key verifies carries: written once per key, not per token.
    let sandboxWarning: String

    init(kid: String?, environment: Environment, label: String, origin: Origin, provenance: String,
         publicKey: _RSA.Signing.PublicKey) {
        self.kid = kid?.uppercased()
        self.environment = environment
        self.label = label
        self.origin = origin
        self.provenance = provenance
        self.publicKey = publicKey
        accelerated = AcceleratedRSAKey(publicKey)
        sandboxWarning = "genuine sandbox signature (the \(label) key) — a test document, not a tax invoice"
    }

    /// A key from an SPKI or PKCS#1 PEM, for library users who keep their own key list.
    ///
    /// - Throws: ``VerificationError/Code/badTrustFile`` when the PEM is not an RSA public key.
    public init(kid: String?, environment: Environment, label: String, provenance: String, pem: String)
        throws(VerificationError)
    {
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(pemRepresentation: pem)
        } catch {
            throw VerificationError(.badTrustFile, "\(label): not an RSA public key PEM of 2048 bits or more")
        }
        self.init(kid: kid, environment: environment, label: label, origin: .builtIn, provenance: provenance,
                  publicKey: key)
    }

    /// Modulus size in bits.
    public var bits: Int { publicKey.keySizeInBits }

    /// SHA-256 of the SubjectPublicKeyInfo DER, to compare keys across tools.
    public var spkiSHA256: String { SHA256.hash(data: publicKey.derRepresentation).hexString }

    /// The key as an SPKI PEM.
    public var pem: String { publicKey.pemRepresentation }

    /// Where the key came from, in words.
    public var source: String {
        switch origin {
        case .builtIn: "built-in"
        case .publicKeyFile(let path): "public key from \(path)"
        case .certificate(let path, let subject): "certificate \(subject) from \(path)"
        }
    }

    /// RSASSA-PKCS1-v1_5 over a SHA-256 digest (RS256).
    func verifiesRS256(signature: [UInt8], digest: SHA256.Digest) -> Bool {
        guard signature.count * 8 == publicKey.keySizeInBits else { return false }
        if let accelerated { return accelerated.verifiesRS256(signature: signature, digest: digest) }
        return publicKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature), for: digest, padding: .insecurePKCS1v1_5)
    }
}
