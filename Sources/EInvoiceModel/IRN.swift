import Crypto

/// The Invoice Reference Number: `hex(SHA-256(SellerGstin + FY + DocTyp + DocNo))` (DOMAIN.md §4).
public enum IRN {
    /// How a recomputed IRN matched the signed one.
    public enum Match: String, Sendable {
        /// The document number as submitted (every IRN seen so far).
        case asSubmitted = "as submitted"
        /// The document number upper-cased (the IRP may do this since June 2025).
        case upperCased = "upper-cased document number"
    }

    /// The IRN for these fields, exactly as the IRP computes it: no separators, no case change.
    public static func compute(sellerGstin: String, financialYear: String, docType: String, docNo: String) -> String {
        let digest = SHA256.hash(data: Array((sellerGstin + financialYear + docType + docNo).utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Recomputes the IRN and compares it with `irn`, first as submitted, then upper-cased.
    ///
    /// - Returns: how it matched, or `nil` when neither matches or the date is not `dd/MM/yyyy`.
    public static func match(
        _ irn: String, sellerGstin: String, docDate: String, docType: String, docNo: String
    ) -> Match? {
        guard let date = DocumentDate(docDate) else { return nil }
        let expected = irn.lowercased()
        let fy = date.financialYear
        if compute(sellerGstin: sellerGstin, financialYear: fy, docType: docType, docNo: docNo) == expected {
            return .asSubmitted
        }
        let upper = docNo.uppercased()
        if upper != docNo,
           compute(sellerGstin: sellerGstin, financialYear: fy, docType: docType, docNo: upper) == expected {
            return .upperCased
        }
        return nil
    }
}
