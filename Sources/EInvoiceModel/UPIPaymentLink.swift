public import Foundation

/// The B2C dynamic QR's content: a UPI deep link with the GST fields of Circular 146/156
/// (`upi://pay?pa=…&pn=…&am=…&cu=INR&gstIn=…&invoiceNo=…&invoiceDate=…&gstBrkUp=…`, DOMAIN.md §7).
public struct UPIPaymentLink: Sendable, Hashable {
    public var payeeAddress: String
    public var payeeName: String
    public var amount: Decimal
    public var gstin: String?
    public var invoiceNumber: String?
    /// ISO 8601 with offset, e.g. `2023-05-09T00:00:00+05:30`.
    public var invoiceDate: String?
    /// Tax heads in order, e.g. `[("CGST", 9), ("SGST", 9)]`; `GST` (their sum) is put first.
    public var breakup: [(String, Decimal)]

    public init(payeeAddress: String, payeeName: String, amount: Decimal, gstin: String?, invoiceNumber: String?,
                invoiceDate: String?, breakup: [(String, Decimal)]) {
        self.payeeAddress = payeeAddress
        self.payeeName = payeeName
        self.amount = amount
        self.gstin = gstin
        self.invoiceNumber = invoiceNumber
        self.invoiceDate = invoiceDate
        self.breakup = breakup
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.uri == rhs.uri }
    public func hash(into hasher: inout Hasher) { hasher.combine(uri) }

    /// A VPA is `handle@provider`: letters, digits, `.`, `-`, `_` on both sides.
    public static func isValidVPA(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || ".-_".contains(c)) }
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 64 && $0.allSatisfy(allowed) }
    }

    /// The link, with every value percent-encoded (the pipes of `gstBrkUp` too).
    public var uri: String {
        let gst = breakup.map(\.1).reduce(0, +)
        let pieces = [("GST", gst)] + breakup
        let breakupText = pieces.map { "\($0.0):\(IndianNumberFormat.format($0.1).replacingOccurrences(of: ",", with: ""))" }
            .joined(separator: "|")
        let fields: [(String, String?)] = [
            ("pa", payeeAddress), ("pn", payeeName),
            ("am", IndianNumberFormat.format(amount).replacingOccurrences(of: ",", with: "")), ("cu", "INR"),
            ("gstIn", gstin), ("invoiceNo", invoiceNumber), ("invoiceDate", invoiceDate), ("gstBrkUp", breakupText),
        ]
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        let query = fields.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0)" }
        }.joined(separator: "&")
        return "upi://pay?" + query
    }
}
