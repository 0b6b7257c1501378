public import Foundation

/// The fields the IRP signs into `SignedQRCode` (DOMAIN.md §2.3).
///
/// Every field is optional so that a token with a missing field is still reported field by
/// field; ``missingFields`` says what a complete payload would have had.
public struct QRPayload: Sendable, Hashable, Decodable {
    public var sellerGstin: String?
    public var buyerGstin: String?
    public var docNo: String?
    public var docType: String?
    public var docDate: String?
    public var totalInvoiceValue: Decimal? {
        didSet { totalInvoiceValueText = totalInvoiceValue?.description }
    }
    /// ``totalInvoiceValue`` as its `description` spells it (what reports print), kept from the
    /// token's own digits when they were read as plain digits: spelling a `Decimal` per token
    /// showed in `verify --json`'s profile.
    public internal(set) var totalInvoiceValueText: String?
    public var itemCount: Int?
    public var mainHsnCode: String?
    public var irn: String?
    /// Missing in 2020-era tokens.
    public var irnDate: String?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        sellerGstin = c.text("SellerGstin")
        buyerGstin = c.text("BuyerGstin")
        docNo = c.text("DocNo")
        docType = c.text("DocTyp")
        docDate = c.text("DocDt")
        totalInvoiceValue = c.decimal("TotInvVal")
        totalInvoiceValueText = totalInvoiceValue?.description
        itemCount = c.integer("ItemCnt")
        mainHsnCode = c.text("MainHsnCode")
        irn = c.text("Irn")
        irnDate = c.text("IrnDt")
    }

    /// Names of the required fields that are absent (`IrnDt` is not required: 2020 tokens lack it).
    /// Asked once per token: plain tests, without boxing each field as `Any`.
    public var missingFields: [String] {
        var missing: [String] = []
        if sellerGstin == nil { missing.append("SellerGstin") }
        if buyerGstin == nil { missing.append("BuyerGstin") }
        if docNo == nil { missing.append("DocNo") }
        if docType == nil { missing.append("DocTyp") }
        if docDate == nil { missing.append("DocDt") }
        if totalInvoiceValue == nil { missing.append("TotInvVal") }
        if itemCount == nil { missing.append("ItemCnt") }
        if mainHsnCode == nil { missing.append("MainHsnCode") }
        if irn == nil { missing.append("Irn") }
        return missing
    }
}
