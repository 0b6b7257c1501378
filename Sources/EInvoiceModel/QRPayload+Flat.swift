package import Foundation

extension QRPayload {
    /// The QR fields from a flat object, read as ``init(from:)`` reads them through `JSONDecoder`:
    /// strings, or a number's exact digits; amounts never through `Double`.
    ///
    /// - Returns: `nil` where only `JSONDecoder` can say what it would read (a `true` or `false`,
    ///   or an `ItemCnt` that is not plain integer digits); the caller then decodes the bytes with it.
    package init?(flat object: FlatJSONObject) {
        func text(_ key: String) -> String?? {
            switch object[key] {
            case .string(let value): value
            case .number(let digits): .some(Self.amount(digits)?.text)
            case .null, nil: .some(nil)
            case .bool: nil
            }
        }
        guard let sellerGstin = text("SellerGstin"), let buyerGstin = text("BuyerGstin"), let docNo = text("DocNo"),
              let docType = text("DocTyp"), let docDate = text("DocDt"), let mainHsnCode = text("MainHsnCode"),
              let irn = text("Irn"), let irnDate = text("IrnDt")
        else { return nil }
        switch object["TotInvVal"] {
        case .number(let digits):
            let amount = Self.amount(digits)
            totalInvoiceValue = amount?.value
            totalInvoiceValueText = amount?.text
        case .string(let value):
            totalInvoiceValue = Decimal.exact(value)
            totalInvoiceValueText = totalInvoiceValue?.description
        case .null, nil: totalInvoiceValue = nil
        case .bool: return nil
        }
        switch object["ItemCnt"] {
        case .number(let digits):
            guard digits.utf8.count <= 18, digits.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) })
            else { return nil }
            itemCount = Int(digits)
        case .string(let value): itemCount = Int(value)
        case .null, nil: itemCount = nil
        case .bool: return nil
        }
        self.sellerGstin = sellerGstin
        self.buyerGstin = buyerGstin
        self.docNo = docNo
        self.docType = docType
        self.docDate = docDate
        self.mainHsnCode = mainHsnCode
        self.irn = irn
        self.irnDate = irnDate
    }

    /// A JSON number's text as `Decimal`, parsed from the digits as `JSONDecoder` does.
    ///
    /// No locale: without one `Decimal` reads `.` as the decimal separator, as en_US_POSIX does,
    /// without looking the separator up in a locale for every token (a test holds the two equal).
    package static func decimal(_ digits: String) -> Decimal? {
        amount(digits)?.value
    }

    /// ``decimal(_:)`` with its `description`; plain digits are read and spelled without Foundation
    /// (``Foundation/Decimal/plainDigits(_:)``), anything else by `Decimal(string:)`.
    static func amount(_ digits: String) -> (value: Decimal, text: String)? {
        if let plain = Decimal.plainDigits(digits) { return plain }
        return Decimal(string: digits).map { ($0, $0.description) }
    }
}
