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
        var hasher = SHA256()
        // Part by part, no array of the four: this runs once or twice per verified token.
        // Each part hashed from its own storage, borrowed: a mutable copy for `withUTF8` retained it.
        func add(_ part: String) {
            if part.utf8.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
                hasher.update(data: Array(part.utf8))
            }
        }
        add(sellerGstin)
        add(financialYear)
        add(docType)
        add(docNo)
        let digits: StaticString = "0123456789abcdef"  // static bytes: an array of them was made per call
        return hasher.finalize().withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[2 * index] = digits.utf8Start[Int(byte >> 4)]
                    buffer[2 * index + 1] = digits.utf8Start[Int(byte & 0x0f)]
                }
                return bytes.count * 2
            }
        }
    }

    /// `irn` in lower case, itself when it has no upper-case ASCII letter (IRNs are lower-case hex):
    /// checked over the string's own bytes, as a generic walk of its UTF-8 view cost 2 000
    /// instructions per token.
    public static func lowercased(_ irn: String) -> String {
        var irn = irn
        let hasUpperCase = irn.withUTF8 { bytes in bytes.contains { (0x41...0x5a).contains($0) } }
        return hasUpperCase ? irn.lowercased() : irn
    }

    /// Recomputes the IRN and compares it with `irn`, first as submitted, then upper-cased.
    ///
    /// - Returns: how it matched, or `nil` when neither matches or the date is not `dd/MM/yyyy`.
    public static func match(
        _ irn: String, sellerGstin: String, docDate: String, docType: String, docNo: String
    ) -> Match? {
        guard let date = DocumentDate(docDate) else { return nil }
        return match(irn, sellerGstin: sellerGstin, financialYear: date.financialYear, docType: docType, docNo: docNo)
    }

    /// The same, for a financial year already worked out (a verifier works it out once, for the
    /// check and for its words).
    public static func match(
        _ irn: String, sellerGstin: String, financialYear fy: String, docType: String, docNo: String
    ) -> Match? {
        let expected = lowercased(irn)
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
