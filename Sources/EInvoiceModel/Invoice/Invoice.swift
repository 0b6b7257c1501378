import Foundation

/// The invoice the IRP signed into `SignedInvoice` (schema INV-01 v1.1, DOMAIN.md §5).
///
/// This is the authoritative data a printed invoice is rendered from. It is read leniently:
/// the IRP re-emits numbers in its own style and early tokens use older names.
public struct Invoice: Sendable, Hashable, Decodable {
    /// Present inside `SignedInvoice`: the IRP's acknowledgement and the IRN.
    public var ackNo: String?
    public var ackDate: String?
    public var irn: String?

    public var version: String?
    public var transaction: TransactionDetails
    public var document: DocumentDetails
    public var seller: Party
    public var buyer: Party
    public var dispatchFrom: Party?
    public var shipTo: Party?
    public var items: [LineItem]
    public var totals: ValueDetails
    public var payment: PaymentDetails?
    public var reference: ReferenceDetails?
    public var export: ExportDetails?
    public var ewayBill: EwayBillDetails?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        guard let document = c.object(DocumentDetails.self, "DocDtls"),
              let seller = c.object(Party.self, "SellerDtls")
        else {
            throw ModelError(.missingField, "the signed invoice has no DocDtls or SellerDtls")
        }
        ackNo = c.text("AckNo")
        ackDate = c.text("AckDt")
        irn = c.text("Irn")
        version = c.text("Version")
        transaction = c.object(TransactionDetails.self, "TranDtls") ?? TransactionDetails()
        self.document = document
        self.seller = seller
        buyer = c.object(Party.self, "BuyerDtls") ?? Party()
        dispatchFrom = c.object(Party.self, "DispDtls")
        shipTo = c.object(Party.self, "ShipDtls")
        items = c.list(LineItem.self, "ItemList")
        totals = c.object(ValueDetails.self, "ValDtls") ?? ValueDetails()
        payment = c.object(PaymentDetails.self, "PayDtls")
        reference = c.object(ReferenceDetails.self, "RefDtls")
        export = c.object(ExportDetails.self, "ExpDtls")
        ewayBill = c.object(EwayBillDetails.self, "EwbDtls")
    }

    /// The HSN code of the line with the highest taxable value, as the IRP puts in the QR.
    public var mainHsnCode: String? {
        items.max { ($0.assessableAmount ?? 0) < ($1.assessableAmount ?? 0) }?.hsnCode
    }
}

/// `TranDtls`: tax scheme, supply type, reverse charge and e-commerce operator.
public struct TransactionDetails: Sendable, Hashable, Decodable {
    public var taxScheme: String?
    public var supplyType: String?
    public var reverseCharge: Bool = false
    public var ecommerceGstin: String?
    public var igstOnIntraState: Bool = false

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        taxScheme = c.text("TaxSch")
        supplyType = c.text("SupTyp")
        reverseCharge = c.text("RegRev")?.uppercased() == "Y"
        ecommerceGstin = c.text("EcmGstin")
        igstOnIntraState = c.text("IgstOnIntra")?.uppercased() == "Y"
    }
}

/// `DocDtls`: document type, number and date.
public struct DocumentDetails: Sendable, Hashable, Decodable {
    public var type: String?
    public var number: String?
    public var date: String?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        type = c.text("Typ")
        number = c.text("No")
        date = c.text("Dt")
    }

    public var documentType: DocumentType? { type.flatMap(DocumentType.init(rawValue:)) }
}
