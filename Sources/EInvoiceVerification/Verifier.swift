import EInvoiceBasics
import EInvoiceModel
import Foundation

/// Verifies IRP tokens offline against a ``TrustStore`` (DOMAIN.md §2.5).
///
/// `verify(token:)` never throws: every outcome, including unreadable input, is a
/// ``TokenVerification`` with a ``Verdict``.
public struct Verifier: Sendable {
    public let trustStore: TrustStore
    public let policy: VerificationPolicy

    public init(trustStore: TrustStore = .builtIn, policy: VerificationPolicy = VerificationPolicy()) {
        self.trustStore = trustStore
        self.policy = policy
    }

    /// Verifies one compact JWS: signature, then what the signed data says.
    public func verify(token rawToken: String) -> TokenVerification {
        let token = Self.trimmed(rawToken)
        let jws: CompactJWS
        do {
            jws = try CompactJWS(token)
        } catch {
            var report = TokenVerification(verdict: .malformed, token: token)
            report.fail(.malformedToken, error.reason)
            return report
        }
        var report = checkSignature(jws)
        guard report.verdict != .malformed else { return report }
        decodeSignedData(jws, into: &report)
        return report
    }

    private func checkSignature(_ jws: CompactJWS) -> TokenVerification {
        var report = TokenVerification(verdict: .valid, token: jws.compact)
        report.kid = jws.keyID
        report.issuer = jws.payload.iss
        report.algorithm = jws.header.alg
        guard let alg = jws.header.alg else {
            report.verdict = .malformed
            report.fail(.malformedToken, "the header has no \"alg\"")
            return report
        }
        guard alg == "RS256" else {
            report.verdict = .invalid
            report.fail(.refusedAlgorithm, "algorithm \"\(alg)\" is refused: IRP tokens are signed RS256 and nothing else is accepted")
            return report
        }
        if let kid = jws.keyID, let x5t = jws.x5tHex, x5t != kid {
            report.warnings.append("x5t (\(x5t)) and kid (\(kid)) name different certificates")
        }
        let pinned = jws.keyID.map(trustStore.pinned(toUpperCased:)) ?? []
        let candidates = pinned.isEmpty ? trustStore.unpinned : pinned
        guard !candidates.isEmpty else {
            report.verdict = .untrusted
            report.environment = jws.payload.iss == "NIC Sandbox" ? Environment.sandbox : Environment.unknown
            report.fail(.unknownKey,
                jws.keyID.map { "no trusted IRP key has kid \($0): the signature cannot be checked (this does not mean it is forged)" }
                    ?? "the header has no kid, and no unpinned --trust key is given")
            return report
        }
        let digest = jws.signingInputDigest
        guard let key = candidates.first(where: { $0.verifiesRS256(signature: jws.signature, digest: digest) })
        else {
            report.verdict = .invalid
            report.environment = candidates[0].environment
            report.fail(.badSignature, pinned.isEmpty
                ? "the signature matches none of the unpinned --trust keys"
                : "the signature does not match the \(candidates[0].label) key for kid \(jws.keyID ?? "")")
            return report
        }
        report.environment = key.environment
        report.keyLabel = key.label
        report.keySource = key.source
        if key.kid == nil {
            report.warnings.append("verified with a --trust key that is not pinned to a kid (\(key.source))")
        }
        if key.environment == .sandbox {
            if policy.productionOnly {
                report.verdict = .untrusted
                report.fail(.sandboxRefused,
                            "genuine sandbox signature (the \(key.label) key), refused by --production-only: a test document, not a tax invoice")
            } else {
                report.warnings.append(key.sandboxWarning)
            }
        }
        return report
    }

    private func decodeSignedData(_ jws: CompactJWS, into report: inout TokenVerification) {
        guard let data = jws.payload.data else {
            report.verdict = .malformed
            report.fail(.malformedToken, "the payload has no \"data\" string")
            return
        }
        do {
            if data.utf8.contains(subsequence: Self.invoiceMarker) {
                report.kind = .signedInvoice
                report.invoice = try CompactJWS.decoder.decode(Invoice.self, from: Data(data.utf8))
            } else {
                report.kind = .signedQRCode
                // The strict flat reader first (a QR's data is one flat object); it steps aside
                // for anything `JSONDecoder` might read otherwise, whose reading then stands.
                let qr = try FlatJSONObject(data).flatMap(QRPayload.init(flat:))
                    ?? CompactJWS.decoder.decode(QRPayload.self, from: Data(data.utf8))
                if !qr.missingFields.isEmpty {
                    report.warnings.append("the QR data lacks \(qr.missingFields.joined(separator: ", "))")
                }
                report.qr = consume qr  // moved, not copied: a QR payload is a dozen strings to retain
            }
        } catch {
            report.verdict = report.verdict == .valid ? .malformed : report.verdict
            report.fail(.unreadableData, "the signed \"data\" is not a readable IRP document (\(ModelError.describe(error)))")
            return
        }
        let fields = report.fields
        report.irnCheck = IRNChecking.check(fields)
        if let check = report.irnCheck, !check.matches {
            report.fail(.irnMismatch, check.detail)
        }
        GSTINChecking.addWarnings(fields, to: &report.warnings)
    }

    /// The token without surrounding white space; checks the ends first, as tokens rarely have any
    /// (Foundation's `trimmingCharacters` costs as much as the signature check).
    static func trimmed(_ text: String) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }
        guard let first = text.utf8.first, let last = text.utf8.last, isSpace(first) || isSpace(last) else {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static let invoiceMarker = Array(#""DocDtls""#.utf8)
}

extension String.UTF8View {
    /// Whether `needle` occurs as a contiguous run of bytes, searched in the string's own storage
    /// (a native string always has it).
    func contains(subsequence needle: [UInt8]) -> Bool {
        needle.withUnsafeBytes { needle in
            if let found = withContiguousStorageIfAvailable({ UnsafeRawBufferPointer($0).contains(bytes: needle) }) { return found }
            return Array(self).withUnsafeBytes { $0.contains(bytes: needle) }
        }
    }
}
