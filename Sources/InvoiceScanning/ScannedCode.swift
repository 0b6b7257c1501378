import EInvoiceModel
public import EInvoiceVerification
import Foundation

/// A QR read from a page, classified.
public struct ScannedCode: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// A compact JWS: the IRP's signed QR (or something shaped like one).
        case irp = "irp-signed-qr"
        /// A UPI payment link (the B2C dynamic QR).
        case upi = "upi-payment"
        case other
    }

    public var kind: Kind
    public var text: String
    /// Where it was found, in the page image's pixels.
    public var box: (x: Int, y: Int, width: Int, height: Int)
    /// For IRP QRs: the full verification.
    public var verification: TokenVerification?
    /// For UPI QRs: the payment fields.
    public var upi: UPIPayment?
    /// Each printed value compared with the signed one (PDFs with a text layer; empty otherwise).
    public var printedChecks: [PrintedFieldCheck] = []
    /// The 1-based pages of the document this QR belongs to (its own page and those after it
    /// up to the next signed QR).
    public var documentPages: [Int] = []

    /// Printed values that disagree with the signed ones, in words.
    public var printedMismatches: [String] { printedChecks.filter { $0.outcome == .differs }.map(\.message) }
    /// Printed values that agree (so the user sees what was compared).
    public var printedMatches: [String] { printedChecks.filter { $0.outcome == .matches }.map(\.field.name) }
    /// Fields that could not be compared, in words (warnings).
    public var printedNotFound: [String] { printedChecks.filter { $0.outcome == .notFound }.map(\.message) }

    static func classify(_ text: String) -> Kind {
        if text.lowercased().hasPrefix("upi://") { return .upi }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].hasPrefix("eyJ") { return .irp }
        return .other
    }
}

/// The fields of a `upi://pay?…` link, with the GST extensions of Circular 146/156.
public struct UPIPayment: Sendable, Hashable, Codable {
    public var payeeAddress: String?
    public var payeeName: String?
    public var amount: String?
    public var currency: String?
    public var gstin: String?
    public var invoiceNumber: String?
    public var invoiceDate: String?
    /// `gstBrkUp` as pairs, e.g. `[["CGST", "9.00"], ["SGST", "9.00"]]`.
    public var gstBreakup: [[String]]
    /// What a dynamic B2C QR should carry but this one does not (Circular 146).
    public var missingFields: [String]

    public init?(_ link: String) {
        guard let components = URLComponents(string: link), components.scheme?.lowercased() == "upi" else { return nil }
        var values: [String: String] = [:]
        for item in components.queryItems ?? [] { values[item.name.lowercased()] = item.value }
        payeeAddress = values["pa"]
        payeeName = values["pn"]
        amount = values["am"]
        currency = values["cu"]
        gstin = values["gstin"]
        invoiceNumber = values["invoiceno"]
        invoiceDate = values["invoicedate"]
        gstBreakup = (values["gstbrkup"] ?? "").split(separator: "|").map { $0.split(separator: ":", maxSplits: 1).map(String.init) }
        let required: [(String, String?)] = [("pa (UPI ID)", payeeAddress), ("am (amount)", amount), ("gstIn", gstin),
                                             ("invoiceNo", invoiceNumber), ("invoiceDate", invoiceDate),
                                             ("gstBrkUp", gstBreakup.isEmpty ? nil : "x")]
        missingFields = required.filter { $0.1 == nil }.map(\.0)
    }
}
