public import Foundation

/// A UPI payment link, the B2C dynamic QR with the GST fields of Circular 146/156
/// (`upi://pay?pa=…&pn=…&am=…&cu=INR&gstIn=…&invoiceNo=…&invoiceDate=…&gstBrkUp=…`, DOMAIN.md §7).
///
/// One type both ways: `render` builds one from the invoice and prints ``uri``; `scan` reads one
/// from a QR (``init(_:)``) and reports its fields and what it lacks. The fields hold the link's
/// text as written, amounts too, so a link read back says exactly what its QR says.
public struct UPIPayment: Sendable, Hashable, Codable {
    public let payeeAddress: String?
    public let payeeName: String?
    /// The amount as written in the link, e.g. `1180.00`.
    public let amount: String?
    public let currency: String?
    public let gstin: String?
    public let invoiceNumber: String?
    /// ISO 8601 with offset, e.g. `2023-05-09T00:00:00+05:30`, when the link follows the circular.
    public let invoiceDate: String?
    /// `gstBrkUp` as pairs, e.g. `[["GST", "18.00"], ["CGST", "9.00"], ["SGST", "9.00"]]`.
    public let gstBreakup: [[String]]
    /// What a dynamic B2C QR should carry but this one does not (Circular 146).
    public let missingFields: [String]

    /// The link for an invoice. `breakup` is the tax heads in order, e.g. `[("CGST", 9), ("SGST", 9)]`;
    /// `GST` (their sum) is put first, as the circular asks.
    public init(payeeAddress: String, payeeName: String, amount: Decimal, gstin: String?, invoiceNumber: String?,
                invoiceDate: String?, breakup: [(String, Decimal)]) {
        let plain = { (value: Decimal) in IndianNumberFormat.format(value).replacingOccurrences(of: ",", with: "") }
        let gst = breakup.map(\.1).reduce(0, +)
        self.init(payeeAddress: payeeAddress, payeeName: payeeName, amount: plain(amount), currency: "INR", gstin: gstin,
                  invoiceNumber: invoiceNumber, invoiceDate: invoiceDate,
                  gstBreakup: ([("GST", gst)] + breakup).map { [$0.0, plain($0.1)] })
    }

    /// The fields of a `upi://pay?…` link (keys are matched without regard to case); `nil` for any other text.
    public init?(_ link: String) {
        guard let components = URLComponents(string: link), components.scheme?.lowercased() == "upi" else { return nil }
        var values: [String: String] = [:]
        for item in components.queryItems ?? [] { values[item.name.lowercased()] = item.value }
        let breakup = (values["gstbrkup"] ?? "").split(separator: "|").map {
            $0.split(separator: ":", maxSplits: 1).map(String.init)
        }
        self.init(payeeAddress: values["pa"], payeeName: values["pn"], amount: values["am"], currency: values["cu"],
                  gstin: values["gstin"], invoiceNumber: values["invoiceno"], invoiceDate: values["invoicedate"],
                  gstBreakup: breakup)
    }

    private init(payeeAddress: String?, payeeName: String?, amount: String?, currency: String?, gstin: String?,
                 invoiceNumber: String?, invoiceDate: String?, gstBreakup: [[String]]) {
        self.payeeAddress = payeeAddress
        self.payeeName = payeeName
        self.amount = amount
        self.currency = currency
        self.gstin = gstin
        self.invoiceNumber = invoiceNumber
        self.invoiceDate = invoiceDate
        self.gstBreakup = gstBreakup
        let required: [(String, String?)] = [("pa (UPI ID)", payeeAddress), ("am (amount)", amount), ("gstIn", gstin),
                                             ("invoiceNo", invoiceNumber), ("invoiceDate", invoiceDate),
                                             ("gstBrkUp", gstBreakup.isEmpty ? nil : "present")]
        missingFields = required.filter { $0.1 == nil }.map(\.0)
    }

    /// A VPA is `handle@provider`: letters, digits, `.`, `-`, `_` on both sides.
    public static func isValidVPA(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || ".-_".contains(c)) }
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 64 && $0.allSatisfy(allowed) }
    }

    /// The link, with every value percent-encoded (the pipes of `gstBrkUp` too).
    public var uri: String {
        let breakup = gstBreakup.isEmpty ? nil : gstBreakup.map { $0.joined(separator: ":") }.joined(separator: "|")
        let fields: [(String, String?)] = [
            ("pa", payeeAddress), ("pn", payeeName), ("am", amount), ("cu", currency),
            ("gstIn", gstin), ("invoiceNo", invoiceNumber), ("invoiceDate", invoiceDate), ("gstBrkUp", breakup),
        ]
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        let query = fields.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0)" }
        }.joined(separator: "&")
        return "upi://pay?" + query
    }
}
