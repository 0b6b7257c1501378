import Foundation

/// The labels printed beside or above the values a buyer must compare, as they appear on the
/// invoices of many ERPs and print stacks (DOMAIN.md §11). Labels are compared as lower-case
/// letters and digits with spaces and punctuation removed, so `Invoice No.:`, `INVOICE NO` and
/// `InvoiceNo` are one label.
public enum LabelVocabulary {
    /// What a label introduces.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case grandTotal = "grand-total"
        case documentNumber = "document-number"
        case documentDate = "document-date"
        case irn
    }

    /// A label and how strongly it names its field (1 is strongest): when several are printed,
    /// the strongest tier present decides, and weaker ones are ignored.
    public struct Label: Sendable, Hashable {
        public var field: Field
        public var key: String
        public var tier: Int
    }

    static let grandTotal: [(String, Int)] = [
        ("grand total", 1), ("total invoice value", 1), ("invoice total", 1), ("total invoice amount", 1),
        ("amount payable", 1), ("total amount payable", 1), ("net amount payable", 1), ("net payable", 1),
        ("total payable", 1), ("net payable amount", 1), ("invoice value", 1), ("total invoice value in figures", 1),
        ("कुल देय राशि", 1), ("कुल बीजक मूल्य", 1), ("कुल योग", 1), ("देय राशि", 1),
        ("total amount", 2), ("net amount", 2), ("total value", 2), ("invoice amount", 2), ("total inr", 2),
        ("total rs", 2), ("कुल राशि", 2), ("कुल", 3), ("total", 3),
    ]

    static let documentNumber: [(String, Int)] = [
        ("invoice no", 1), ("invoice number", 1), ("invoice num", 1), ("inv no", 1), ("invoice", 3),
        ("document no", 1), ("document number", 1), ("doc no", 1), ("doc number", 1), ("bill no", 1),
        ("bill number", 1), ("credit note no", 1), ("debit note no", 1), ("note no", 2), ("invoice id", 2),
        ("बीजक संख्या", 1), ("चालान संख्या", 1),
    ]

    static let documentDate: [(String, Int)] = [
        ("invoice date", 1), ("date of invoice", 1), ("inv date", 1), ("document date", 1), ("doc date", 1),
        ("bill date", 1), ("invoice dt", 1), ("doc dt", 1), ("date of issue", 1), ("issue date", 1), ("dated", 2),
        ("date", 2), ("dt", 3), ("दिनांक", 2), ("तारीख", 2),
    ]

    static let irn: [(String, Int)] = [
        ("irn", 1), ("irn no", 1), ("irn number", 1), ("invoice reference number", 1), ("invoice reference no", 1),
    ]

    /// Every label, keyed by its normalised text.
    public static let labels: [Label] = {
        func make(_ field: Field, _ list: [(String, Int)]) -> [Label] {
            list.map { Label(field: field, key: PrintedValueSyntax.normalized($0.0.replacingOccurrences(of: " ", with: "")), tier: $0.1) }
        }
        return make(.grandTotal, grandTotal) + make(.documentNumber, documentNumber) + make(.documentDate, documentDate)
            + make(.irn, irn)
    }()

    /// Headings under which a party's GSTIN is printed; `nil` role headings (ship-to, consignee,
    /// transporter) are read too, so their GSTINs are not taken for the buyer's.
    public enum Party: String, Sendable, Hashable {
        case supplier, buyer, other
    }

    static let partyHeadings: [(String, Party)] = [
        ("supplier", .supplier), ("seller", .supplier), ("sold by", .supplier), ("billed by", .supplier),
        ("bill from", .supplier), ("vendor", .supplier), ("issued by", .supplier), ("from", .supplier), ("our gstin", .supplier),
        ("details of supplier", .supplier), ("आपूर्तिकर्ता", .supplier), ("विक्रेता", .supplier),
        ("buyer", .buyer), ("recipient", .buyer), ("receiver", .buyer), ("bill to", .buyer), ("billed to", .buyer),
        ("billing to", .buyer), ("customer", .buyer), ("sold to", .buyer), ("invoice to", .buyer), ("client", .buyer),
        ("purchaser", .buyer), ("party", .buyer), ("to", .buyer), ("your gstin", .buyer), ("details of receiver", .buyer),
        ("खरीदार", .buyer), ("प्राप्तकर्ता", .buyer),
        ("ship to", .other), ("shipped to", .other), ("consignee", .other), ("delivery address", .other), ("deliver to", .other),
        ("dispatch from", .other), ("dispatched from", .other), ("ship from", .other), ("transporter", .other), ("place of supply", .other),
    ]

    static let headings: [(key: String, party: Party)] = partyHeadings.map {
        (PrintedValueSyntax.normalized($0.0.replacingOccurrences(of: " ", with: "")), $0.1)
    }

    /// Words that may sit between a total label and its amount without ending the value's run
    /// (units in a totals row).
    static let units: Set<String> = ["nos", "no", "pcs", "pc", "kg", "kgs", "units", "unit", "box", "mtr", "ltr", "set", "sets",
                                     "each", "qty", "hrs", "days", "ea", "in", "inr", "rs", "rupees", "figures"]
}
