/// A print format as data: page, fonts, colours, type sizes, the signed QR, the company's own
/// blocks (letterhead, bank, terms, signature, footer), copies, what shows, columns and labels.
///
/// Templates are versioned JSON files in `Templates/`. ``TemplateLoader`` checks the header
/// (`format`, `version`) first, then the whole file against ``TemplateSchema`` (so an unknown key
/// or a wrong type is an error naming its key path), then decodes these values. Every key is
/// documented in `Templates/schema.json`, generated from the same schema.
public struct InvoiceTemplate: Sendable, Codable, Hashable {
    public static let format = "einvoice-template"
    public static let supportedVersion = 2

    public struct PageSpec: Sendable, Codable, Hashable {
        /// `A4`, `A5`, `Letter`, or `custom` with `widthMM`/`heightMM`.
        public var size: String
        public var widthMM: Double?
        public var heightMM: Double?
        public var marginsMM: Margins
    }

    public struct Margins: Sendable, Codable, Hashable {
        public var top: Double
        public var right: Double
        public var bottom: Double
        public var left: Double
    }

    /// Font families, looked up among the fonts loaded from `Fonts/` (or `--font-path`).
    public struct Fonts: Sendable, Codable, Hashable {
        /// Running text, e.g. `Noto Sans`.
        public var text: String
        /// Identifiers (IRN), e.g. `Noto Sans Mono`.
        public var identifiers: String

        public static let bundled = Fonts(text: "Noto Sans", identifiers: "Noto Sans Mono")
    }

    public struct Colors: Sendable, Codable, Hashable {
        public var text: Color
        public var muted: Color
        public var accent: Color
        public var rule: Color
        public var headerFill: Color
        public var mark: Color
    }

    public struct TypeSizes: Sendable, Codable, Hashable {
        public var base: Double
        public var small: Double
        public var title: Double
        public var sellerName: Double
        public var table: Double

        public init(base: Double, small: Double, title: Double, sellerName: Double, table: Double) {
            self.base = base
            self.small = small
            self.title = title
            self.sellerName = sellerName
            self.table = table
        }
    }

    public struct QRSpec: Sendable, Codable, Hashable {
        /// Printed size of the signed QR including its quiet zone; never below 40 mm.
        public var sizeMM: Double
        /// Default error correction (L, M, Q, H); `--qr-ecc` overrides.
        public var errorCorrection: String
        public var quietZoneModules: Int
    }

    /// The supplier's letterhead. Name and address override what the signed invoice says; the
    /// signed legal name is still printed beneath a differing name, as Rule 46 (a) asks.
    public struct Company: Sendable, Codable, Hashable {
        public var logo: String?
        public var logoHeightMM: Double?
        public var name: String?
        public var tagline: String?
        public var address: [String]?
        public var cin: String?
        public var pan: String?
        public var phone: String?
        public var email: String?
        public var website: String?
    }

    /// Bank details printed for payment; `upiId` is also the UPI QR's payee when `--upi` has no VPA.
    public struct Payment: Sendable, Codable, Hashable {
        public var accountName: String?
        public var bank: String?
        public var accountNumber: String?
        public var ifsc: String?
        public var branch: String?
        public var upiId: String?
    }

    public struct Signature: Sendable, Codable, Hashable {
        /// A PNG of the signature or stamp, relative to the template file.
        public var image: String?
        public var imageHeightMM: Double?
        /// Whether "For {seller}" heads the signature box.
        public var forSeller: Bool

        enum CodingKeys: String, CodingKey { case image, imageHeightMM, forSeller }
    }

    /// Copy labels by copy name, and the copies printed when `--copies` is not given.
    public struct Copies: Sendable, Codable, Hashable {
        public var `default`: [String]
        public var labels: [String: String]

        enum CodingKeys: String, CodingKey { case `default`, labels }
    }

    /// Optional blocks and columns: each `false` leaves it off the page.
    public struct Show: Sendable, Codable, Hashable {
        public var hsnSummary: Bool
        public var amountInWords: Bool
        public var shipTo: Bool
        public var dispatchFrom: Bool
        public var ewayBill: Bool
        public var declaration: Bool

        enum CodingKeys: String, CodingKey { case hsnSummary, amountInWords, shipTo, dispatchFrom, ewayBill, declaration }

        public init(hsnSummary: Bool = true, amountInWords: Bool = true, shipTo: Bool = true, dispatchFrom: Bool = true,
                    ewayBill: Bool = true, declaration: Bool = true) {
            self.hsnSummary = hsnSummary
            self.amountInWords = amountInWords
            self.shipTo = shipTo
            self.dispatchFrom = dispatchFrom
            self.ewayBill = ewayBill
            self.declaration = declaration
        }
    }

    public var format: String
    public var version: Int
    public var name: String
    public var page: PageSpec
    public var fonts: Fonts
    public var colors: Colors
    public var typeSizes: TypeSizes
    public var qr: QRSpec
    public var company: Company
    public var payment: Payment?
    public var terms: [String]
    public var signature: Signature
    public var declaration: String
    /// Free text at the foot of every page (nothing by default).
    public var footer: String?
    public var copies: Copies
    public var show: Show
    /// Line-table columns in order; columns whose values are all zero or absent are left out.
    public var columns: [ColumnID]
    /// Label overrides by key; every key is listed in ``LabelKey``.
    public var labels: [String: String]
    /// Folder the template was read from (for images); not part of the JSON.
    public var baseDirectory: String?
    /// Width ÷ height of each image, by resolved path, read from the PNG header on load (layout
    /// sizes images without decoding them).
    public var imageAspects: [String: Double] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, version, name, page, fonts, colors, typeSizes, qr, company, payment, terms, signature, declaration,
             footer, copies, show, columns, labels
    }

    /// Page size in points.
    public var pageSize: Size {
        switch page.size.lowercased() {
        case "letter": Size(width: 612, height: 792)
        case "a5": Size(width: .mm(148), height: .mm(210))
        case "custom": Size(width: .mm(page.widthMM ?? 210), height: .mm(page.heightMM ?? 297))
        default: Size(width: .mm(210), height: .mm(297))
        }
    }

    public func label(_ key: LabelKey) -> String { labels[key.rawValue] ?? key.defaultText }

    /// The printed label of copy `name` (`original`, `duplicate`, `triplicate`, or a template's own).
    public func copyLabel(_ name: String) -> String? { copies.labels[name] }

    /// Absolute path of a file named in the template (relative to the template's folder).
    public func resolve(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return (baseDirectory ?? ".") + "/" + relative
    }

    /// Every image the template draws, by key path: loaded once per printer, checked on load.
    public var images: [(keyPath: String, path: String)] {
        var result: [(keyPath: String, path: String)] = []
        if let logo = company.logo { result.append(("company.logo", resolve(logo))) }
        if let image = signature.image { result.append(("signature.image", resolve(image))) }
        return result
    }
}

/// The line-table columns a template can choose from.
public enum ColumnID: String, Sendable, Codable, Hashable, CaseIterable {
    case serial, description, hsn, quantity, rate, discount, taxable, gstRate, cgst, sgst, igst, cess, total
}
