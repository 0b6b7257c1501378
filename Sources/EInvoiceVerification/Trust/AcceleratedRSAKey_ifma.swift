import CRSAPublicIFMA
import Crypto
import Foundation
import _CryptoExtras

/// A 2048-bit RSA public key with exponent 65537 (every IRP key's shape), checked by the AVX-512
/// IFMA code of `CRSAPublicIFMA` instead of BoringSSL where the CPU has it: the RSA operation was
/// half of `verify`'s time, and this one takes well under half of BoringSSL's.
///
/// Only the public operation is done here, on public data, and its result is compared with the
/// whole PKCS #1 v1.5 encoding of the digest, exactly as BoringSSL's `RSA_verify` does. Any other
/// key, or a CPU without IFMA, stays on BoringSSL. `EINVOICE_RSA=boringssl` turns this off (to
/// compare the two).
final class AcceleratedRSAKey: Sendable {
    private let key: einvoice_rsa2048_key

    /// Whether the CPU runs IFMA code and the environment does not ask for BoringSSL.
    static let isAvailable = einvoice_rsa2048_ifma_available() != 0
        && ProcessInfo.processInfo.environment["EINVOICE_RSA"] != "boringssl"

    /// `nil` for a key of another size or exponent, or when IFMA cannot be used.
    convenience init?(_ publicKey: _RSA.Signing.PublicKey) {
        // A key whose numbers cannot be read is simply checked by BoringSSL.
        guard Self.isAvailable, let primitives = try? publicKey.getKeyPrimitives() else { return nil }
        self.init(modulus: Array(primitives.modulus.drop { $0 == 0 }), exponent: Array(primitives.publicExponent.drop { $0 == 0 }))
    }

    /// `nil` unless `modulus` is 2048 bits (big-endian, no leading zero), odd, and `exponent` is 65537.
    init?(modulus: [UInt8], exponent: [UInt8]) {
        guard Self.isAvailable, modulus.count == 256, exponent == [0x01, 0x00, 0x01] else { return nil }
        var key = einvoice_rsa2048_key()
        guard einvoice_rsa2048_key_init(&key, modulus) == 0 else { return nil }
        self.key = key
    }

    /// `signature`^65537 mod n, big-endian in 256 bytes; `nil` when the signature is not 256 bytes
    /// or not below the modulus.
    func publicOperation(_ signature: [UInt8]) -> [UInt8]? {
        guard signature.count == 256 else { return nil }
        var recovered = [UInt8](repeating: 0, count: 256)
        let status = withUnsafePointer(to: key) { key in
            recovered.withUnsafeMutableBufferPointer { einvoice_rsa2048_public(key, signature, $0.baseAddress) }
        }
        return status == 0 ? recovered : nil
    }

    /// RSASSA-PKCS1-v1_5 with SHA-256: the recovered block must be exactly the digest's encoding.
    func verifiesRS256(signature: [UInt8], digest: SHA256.Digest) -> Bool {
        guard let recovered = publicOperation(signature) else { return false }
        let prefixLength = Self.encodingPrefix.count
        return recovered.withUnsafeBytes { block in
            // memcmp: the generic `elementsEqual` over slices showed in `verify`'s profile.
            memcmp(block.baseAddress!, Self.encodingPrefix, prefixLength) == 0
                && digest.withUnsafeBytes { digest in
                    digest.count == block.count - prefixLength && memcmp(block.baseAddress! + prefixLength, digest.baseAddress!, digest.count) == 0
                }
        }
    }

    /// `00 01 FF…FF 00` and SHA-256's DigestInfo header (RFC 8017 §9.2): the 224 bytes before the digest.
    static let encodingPrefix: [UInt8] = [0x00, 0x01] + [UInt8](repeating: 0xff, count: 202) + [0x00]
        + [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]
}

extension Verifier {
    /// Which code checks RS256 signatures on this machine, in words (for benchmarks and diagnostics).
    public static var rsaImplementation: String {
        AcceleratedRSAKey.isAvailable
            ? "AVX-512 IFMA for 2048-bit keys with exponent 65537 (all IRP keys), BoringSSL for others"
            : "BoringSSL (no AVX-512 IFMA on this CPU, or EINVOICE_RSA=boringssl)"
    }
}
