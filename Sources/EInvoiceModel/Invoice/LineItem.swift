public import Foundation

/// One `ItemList` entry. Amounts are exact `Decimal`s from the token's text.
public struct LineItem: Sendable, Hashable, Decodable {
    public var serialNumber: String?
    public var description: String?
    public var isService: Bool = false
    public var hsnCode: String?
    public var barcode: String?
    public var quantity: Decimal?
    public var freeQuantity: Decimal?
    public var unit: String?
    public var unitPrice: Decimal?
    public var totalAmount: Decimal?
    public var discount: Decimal?
    public var preTaxValue: Decimal?
    public var assessableAmount: Decimal?
    public var gstRate: Decimal?
    public var igstAmount: Decimal?
    public var cgstAmount: Decimal?
    public var sgstAmount: Decimal?
    public var cessRate: Decimal?
    public var cessAmount: Decimal?
    public var cessNonAdvaloremAmount: Decimal?
    public var stateCessRate: Decimal?
    public var stateCessAmount: Decimal?
    public var stateCessNonAdvaloremAmount: Decimal?
    public var otherCharges: Decimal?
    public var totalItemValue: Decimal?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        serialNumber = c.text("SlNo")
        description = c.text("PrdDesc")
        isService = c.text("IsServc")?.uppercased() == "Y"
        hsnCode = c.text("HsnCd")
        barcode = c.text("Barcde")
        quantity = c.decimal("Qty")
        freeQuantity = c.decimal("FreeQty")
        unit = c.text("Unit")
        unitPrice = c.decimal("UnitPrice")
        totalAmount = c.decimal("TotAmt")
        discount = c.decimal("Discount")
        preTaxValue = c.decimal("PreTaxVal")
        assessableAmount = c.decimal("AssAmt")
        gstRate = c.decimal("GstRt")
        igstAmount = c.decimal("IgstAmt")
        cgstAmount = c.decimal("CgstAmt")
        sgstAmount = c.decimal("SgstAmt")
        cessRate = c.decimal("CesRt")
        cessAmount = c.decimal("CesAmt")
        cessNonAdvaloremAmount = c.decimal("CesNonAdvlAmt")
        stateCessRate = c.decimal("StateCesRt")
        stateCessAmount = c.decimal("StateCesAmt")
        stateCessNonAdvaloremAmount = c.decimal("StateCesNonAdvlAmt")
        otherCharges = c.decimal("OthChrg")
        totalItemValue = c.decimal("TotItemVal")
    }

    /// Every cess on the line added up (ad valorem, non-ad valorem, state).
    public var totalCess: Decimal {
        [cessAmount, cessNonAdvaloremAmount, stateCessAmount, stateCessNonAdvaloremAmount]
            .compactMap { $0 }.reduce(0, +)
    }
}
