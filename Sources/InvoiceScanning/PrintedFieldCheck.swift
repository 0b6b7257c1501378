public import EInvoiceVerification

/// One printed value compared with the signed one: it matches, it differs (the document does not
/// hold), or it was not found (a warning: the check could not be made).
public struct PrintedFieldCheck: Sendable, Hashable {
    public enum Field: String, Sendable, Hashable, CaseIterable, Codable {
        case grandTotal = "grand-total"
        case sellerGstin = "seller-gstin"
        case buyerGstin = "buyer-gstin"
        case documentNumber = "document-number"
        case documentDate = "document-date"
        case irn

        /// The field in words.
        public var name: String {
            switch self {
            case .grandTotal: "grand total"
            case .sellerGstin: "supplier GSTIN"
            case .buyerGstin: "buyer GSTIN"
            case .documentNumber: "document number"
            case .documentDate: "document date"
            case .irn: "IRN"
            }
        }
    }

    public enum Outcome: String, Sendable, Hashable, Codable {
        case matches, differs
        case notFound = "not-found"
    }

    public var field: Field
    public var outcome: Outcome
    /// The value exactly as printed (for ``Outcome/matches`` and ``Outcome/differs``), or as OCR
    /// read it without certainty (``Outcome/notFound``).
    public var printed: String?
    /// The signed value, as the QR carries it.
    public var signed: String
    /// Where the printed value is (1-based page), when found.
    public var page: Int?

    /// The check in words.
    public var message: String {
        let place = page.map { " (page \($0))" } ?? ""
        switch outcome {
        case .matches: return "printed \(field.name) \(printed ?? "") = signed"
        case .differs: return "printed \(field.name) \(printed ?? "")\(place) ≠ signed \(signed)"
        case .notFound:
            guard let printed else { return "no printed \(field.name) found to compare with the signed \(signed)" }
            return "printed \(field.name)\(place) read by OCR as \(printed), not certain enough to compare with the signed \(signed)"
        }
    }

    /// A difference as a verification failure (code ``Failure/Code/printedDiffers``).
    public var failure: Failure? {
        outcome == .differs ? Failure(.printedDiffers, message, field: field.rawValue, printed: printed) : nil
    }
}
