/// A page design as data: page size, margins, colours, type sizes, QR size, columns and labels.
///
/// Templates are versioned JSON files in `Templates/`; ``TemplateLoader`` checks the header
/// (`format`, `version`) before decoding anything else, so an unknown version is refused clearly.
public struct InvoiceTemplate: Sendable, Codable, Hashable {
    public static let format = "einvoice-template"
    public static let supportedVersion = 1

    public struct PageSpec: Sendable, Codable, Hashable {
        /// `A4`, `Letter`, or `custom` with `widthMM`/`heightMM`.
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
    }

    public struct QRSpec: Sendable, Codable, Hashable {
        /// Printed size of the signed QR including its quiet zone; never below 40 mm.
        public var sizeMM: Double
        /// Default error correction (L, M, Q, H); `--qr-ecc` overrides.
        public var errorCorrection: String
        public var quietZoneModules: Int
    }

    public struct Letterhead: Sendable, Codable, Hashable {
        /// A PNG logo, relative to the template file.
        public var logo: String?
        public var logoHeightMM: Double?
        public var tagline: String?
    }

    public var format: String
    public var version: Int
    public var name: String
    public var page: PageSpec
    public var colors: Colors
    public var typeSizes: TypeSizes
    public var qr: QRSpec
    public var letterhead: Letterhead?
    /// Line-table columns in order; columns whose values are all zero or absent are left out.
    public var columns: [ColumnID]
    /// Label overrides by key (column ids and block names); see ``Labels``.
    public var labels: [String: String]
    public var declaration: String
    /// Folder the template was read from (for the logo); not part of the JSON.
    public var baseDirectory: String?

    enum CodingKeys: String, CodingKey {
        case format, version, name, page, colors, typeSizes, qr, letterhead, columns, labels, declaration
    }

    /// Page size in points.
    public var pageSize: Size {
        switch page.size.lowercased() {
        case "letter": Size(width: 612, height: 792)
        case "custom": Size(width: .mm(page.widthMM ?? 210), height: .mm(page.heightMM ?? 297))
        default: Size(width: .mm(210), height: .mm(297))
        }
    }

    public func label(_ key: String, _ fallback: String) -> String { labels[key] ?? fallback }
}

/// The line-table columns a template can choose from.
public enum ColumnID: String, Sendable, Codable, Hashable, CaseIterable {
    case serial, description, hsn, quantity, rate, discount, taxable, gstRate, cgst, sgst, igst, cess, total
}
