import EInvoiceModel
import EInvoiceVerification
import Foundation

extension VerificationResult {
    /// A human summary: the verdict in words first, then the signed values and each check.
    public var text: String {
        var lines = [headline]
        if let token {
            let fields = token.fields
            let rows: [(String, String?)] = [
                ("Token", token.kind == .unknown ? nil : token.kind.rawValue),
                ("Key", token.keyLabel.map { "\($0), kid \(token.kid ?? "?") (\(token.keySource ?? ""))" }
                    ?? token.kid.map { "kid \($0)" }),
                ("Issuer", token.issuer),
                ("IRN", fields.irn),
                ("IRN check", token.irnCheck.map { $0.matches ? "recomputed, matches (\($0.matchedAs?.rawValue ?? ""))" : "DOES NOT MATCH" }),
                ("IRN date", fields.irnDate),
                ("Ack No / Date", [fields.ackNo ?? response?.ackNo, fields.ackDate ?? response?.ackDate].compactMap { $0 }.joined(separator: " / ").nilIfEmpty),
                ("Document", [fields.docType, fields.docNo, fields.docDate.map { "dated \($0)" }].compactMap { $0 }.joined(separator: " ").nilIfEmpty),
                ("Seller GSTIN", fields.sellerGstin),
                ("Buyer GSTIN", fields.buyerGstin),
                ("Total value", fields.totalInvoiceValue.map { "₹ \(IndianNumberFormat.format($0))" }),
                ("Items / main HSN", fields.itemCount.map { "\($0) / \(fields.mainHsnCode ?? "?")" }),
                ("Status", response?.status),
            ]
            for case let (label, value?) in rows {
                lines.append("  \(label.padding(toLength: 17, withPad: " ", startingAt: 0)) \(value)")
            }
            lines += token.warnings.map { "  warning: \($0)" }
        }
        lines += failures.map { "  error: \($0.message)" }
        return lines.joined(separator: "\n")
    }

    private var headline: String {
        let environment = token.map { $0.environment == .unknown ? "" : " (\($0.environment.rawValue))" } ?? ""
        let what: String
        switch outcome {
        case .valid: what = isCancelled ? "VALID signature, but the IRN is CANCELLED" : "VALID: genuine IRP signature"
        case .sandbox: what = "SANDBOX: genuine sandbox signature — a test document, not a tax invoice"
        case .invalid: what = "INVALID: does not hold"
        case .untrusted where failures.contains(where: { $0.code == .sandboxRefused }):
            what = "REFUSED: genuine sandbox signature, refused by --production-only — a test document, not a tax invoice"
        case .untrusted: what = "UNTRUSTED: the signing key is not in the trust store"
        case .malformed: what = "MALFORMED: not a readable IRP token or response"
        case .irpError: what = "IRP ERROR: the IRP refused the request; there is no signed invoice"
        }
        return "\(input): \(what)\(environment)"
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
