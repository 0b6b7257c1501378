import EInvoiceModel

/// Printed labels: the template's override for a ``LabelKey``, else its English default.
struct Labels {
    let template: InvoiceTemplate

    func callAsFunction(_ key: LabelKey) -> String { template.label(key) }

    func documentNumber(_ type: DocumentType?) -> String {
        switch type {
        case .creditNote: self(.creditNoteNumber)
        case .debitNote: self(.debitNoteNumber)
        default: self(.invoiceNumber)
        }
    }

    func column(_ id: ColumnID) -> String {
        LabelKey(rawValue: id.rawValue).map { self($0) } ?? id.rawValue
    }

    /// `SupTyp` in words.
    static func supplyType(_ code: String) -> String {
        switch code.uppercased() {
        case "B2B": "B2B"
        case "SEZWP": "SEZ with payment"
        case "SEZWOP": "SEZ without payment"
        case "EXPWP": "Export with payment"
        case "EXPWOP": "Export without payment"
        case "DEXP": "Deemed export"
        default: code
        }
    }
}
