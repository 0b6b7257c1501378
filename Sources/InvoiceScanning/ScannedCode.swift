public import EInvoiceModel
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
    /// Its corners as the decoder reported them (zbar: the symbol's top-left, bottom-left,
    /// bottom-right, top-right), which tell which way up the page lies.
    var corners: [(x: Int, y: Int)] = []
    /// For IRP QRs: the full verification.
    public var verification: TokenVerification?
    /// For UPI QRs: the payment fields.
    public var upi: UPIPayment?
    /// Each printed value compared with the signed one (PDFs with a text layer; empty otherwise).
    public var printedChecks: [PrintedFieldCheck] = []
    /// The 1-based pages of the document this QR belongs to (its own page and those after it
    /// up to the next signed QR).
    public var documentPages: [Int] = []
    /// The printed values compared were read by OCR from page images, not from a text layer.
    public var printedByOCR = false
    /// What kept OCR from reading the document's pages, in words (`nil` when nothing did).
    public var ocrNotes: [String] = []

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
