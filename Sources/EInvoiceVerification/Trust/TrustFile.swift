import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// Reads `--trust` files: PEM public keys (SPKI or PKCS#1) and X.509 certificates.
///
/// For a certificate the kid is its SHA-1 thumbprint, as the IRP's `kid`/`x5t` are. A bare key
/// has no thumbprint, so it may be preceded by annotation lines that pin it:
///
///     kid: B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8
///     environment: production
///     -----BEGIN PUBLIC KEY-----
///
/// A bare key without `kid:` is tried for any token whose kid no pinned key claims.
enum TrustFile {
    static let maximumSize = 1 << 20

    static func load(path: String) throws(VerificationError) -> [TrustedKey] {
        let text = try readText(path)
        let blocks = annotatedBlocks(text)
        guard !blocks.isEmpty else {
            throw VerificationError(.badTrustFile, "\(path): no PEM block (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE)")
        }
        var keys: [TrustedKey] = []
        for (index, block) in blocks.enumerated() {
            let name = blocks.count == 1 ? path : "\(path) (block \(index + 1))"
            keys.append(try key(from: block, name: name, path: path))
        }
        return keys
    }

    private static func readText(_ path: String) throws(VerificationError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw VerificationError(.badTrustFile, "\(path): cannot open the trust file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumSize + 1)) ?? nil
        guard let data, data.count <= maximumSize else {
            throw VerificationError(.badTrustFile, "\(path): empty, unreadable or larger than 1 MB")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw VerificationError(.badTrustFile, "\(path): not a PEM text file (DER is not accepted; convert with openssl)")
        }
        return text
    }

    private struct Block {
        var annotations: [String: String]
        var pem: String
    }

    /// Splits the text into PEM blocks, each with the `key: value` lines written above it.
    private static func annotatedBlocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var annotations: [String: String] = [:]
        var current: [Substring]?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("-----BEGIN ") {
                current = [Substring(line)]
            } else if line.hasPrefix("-----END "), var lines = current {
                lines.append(Substring(line))
                blocks.append(Block(annotations: annotations, pem: lines.joined(separator: "\n")))
                annotations = [:]
                current = nil
            } else if current != nil {
                current?.append(Substring(line))
            } else if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                annotations[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return blocks
    }

    private static func key(from block: Block, name: String, path: String) throws(VerificationError) -> TrustedKey {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: block.pem)
        } catch {
            throw VerificationError(.badTrustFile, "\(name): the PEM block cannot be decoded")
        }
        let environment = try environment(block.annotations["environment"], name: name)
        let annotatedKid = block.annotations["kid"]?.uppercased()
        if let annotatedKid, !isThumbprint(annotatedKid) {
            throw VerificationError(.badTrustFile, "\(name): kid must be 40 hex digits (a SHA-1 thumbprint)")
        }
        switch document.discriminator {
        case "CERTIFICATE":
            let certificate: Certificate
            do {
                certificate = try Certificate(derEncoded: document.derBytes)
            } catch {
                throw VerificationError(.badTrustFile, "\(name): not a valid X.509 certificate")
            }
            guard let publicKey = _RSA.Signing.PublicKey(certificate.publicKey) else {
                throw VerificationError(.badTrustFile, "\(name): the certificate's key is not RSA")
            }
            let thumbprint = Insecure.SHA1.hash(data: document.derBytes).hexString.uppercased()
            if let annotatedKid, annotatedKid != thumbprint {
                throw VerificationError(
                    .badTrustFile, "\(name): kid \(annotatedKid) does not match the certificate's thumbprint \(thumbprint)")
            }
            let subject = certificate.subject.description
            return TrustedKey(
                kid: thumbprint, environment: environment, label: subject,
                origin: .certificate(path: path, subject: subject),
                provenance: "X.509 certificate given with --trust; kid = its SHA-1 thumbprint", publicKey: publicKey)
        case "PUBLIC KEY", "RSA PUBLIC KEY":
            let publicKey: _RSA.Signing.PublicKey
            do {
                publicKey = try _RSA.Signing.PublicKey(derRepresentation: document.derBytes)
            } catch {
                throw VerificationError(.badTrustFile, "\(name): not an RSA public key of 2048 bits or more")
            }
            return TrustedKey(
                kid: annotatedKid, environment: environment, label: block.annotations["label"] ?? "key from \(path)",
                origin: .publicKeyFile(path: path),
                provenance: annotatedKid == nil
                    ? "public key given with --trust, not pinned to a kid" : "public key given with --trust, pinned by kid",
                publicKey: publicKey)
        default:
            throw VerificationError(
                .badTrustFile, "\(name): a \(document.discriminator) block is not a public key or certificate")
        }
    }

    private static func environment(_ text: String?, name: String) throws(VerificationError) -> Environment {
        guard let text else { return .production }
        guard let value = Environment(rawValue: text.lowercased()), value != .unknown else {
            throw VerificationError(.badTrustFile, "\(name): environment must be production or sandbox")
        }
        return value
    }

    private static func isThumbprint(_ text: String) -> Bool {
        text.count == 40 && text.allSatisfy(\.isHexDigit)
    }
}
