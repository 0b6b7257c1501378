/// The kind of document an IRN was generated for (`DocDtls.Typ`, QR `DocTyp`).
public enum DocumentType: String, Sendable, CaseIterable {
    case invoice = "INV"
    case creditNote = "CRN"
    case debitNote = "DBN"

    /// The title a printed document carries.
    public var title: String {
        switch self {
        case .invoice: "Tax Invoice"
        case .creditNote: "Credit Note"
        case .debitNote: "Debit Note"
        }
    }
}
