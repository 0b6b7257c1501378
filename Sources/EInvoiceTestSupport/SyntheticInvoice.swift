public import EInvoiceModel
import Foundation

/// Synthetic signed-invoice data for layout and rendering tests (long descriptions, many lines,
/// Devanagari names), in the IRP's JSON shape so it goes through the real decoder.
public enum SyntheticInvoice {
    /// - Parameter variant: 0 is the fixed invoice tests compare against; others differ in number,
    ///   buyer, descriptions, quantities and prices (amounts stay consistent), as a batch's invoices do.
    public static func json(lines: Int, interState: Bool = false, longDescriptions: Bool = false, variant: Int = 0) -> String {
        var items: [String] = []
        var assessable: Decimal = 0
        for index in 1...max(lines, 1) {
            let description = longDescriptions && index % 3 == 0
                ? "Precision ball bearing assembly type \(index) with stainless steel housing, double seal and lubrication for heavy industrial use — दोहरी सील"
                : variant == 0 ? "Item \(index) — steel fastener kit" : "Item \(index) — steel fastener kit, lot \(variant * 31 + index)"
            let quantity = variant == 0 ? 10 : 1 + (index * 7 + variant * 13) % 50
            let price = variant == 0 ? 100 : 100 + (index * 11 + variant * 37) % 900
            let cents = quantity * price * 100
            assessable += Decimal(cents / 100)
            let tax = interState
                ? #""IgstAmt":\#(money(cents * 18 / 100)),"CgstAmt":0,"SgstAmt":0"#
                : #""IgstAmt":0,"CgstAmt":\#(money(cents * 9 / 100)),"SgstAmt":\#(money(cents * 9 / 100))"#
            items.append(#"{"SlNo":"\#(index)","PrdDesc":"\#(description)","IsServc":"N","HsnCd":"73181500","Qty":\#(quantity),"Unit":"NOS","UnitPrice":\#(money(price * 100)),"TotAmt":\#(money(cents)),"Discount":0,"AssAmt":\#(money(cents)),"GstRt":18,\#(tax),"CesAmt":0,"TotItemVal":\#(money(cents * 118 / 100))}"#)
        }
        let tax = assessable * 18 / 100
        let taxes = interState ? #""IgstVal":\#(tax),"CgstVal":0,"SgstVal":0"# : #""IgstVal":0,"CgstVal":\#(tax / 2),"SgstVal":\#(tax / 2)"#
        let buyer = variant == 0 ? "Unique Engineering Works" : "Unique Engineering Works Unit \(variant)"
        return #"{"AckNo":\#(ackNumber(variant: variant)),"AckDt":"2023-05-12 14:11:00","Irn":"\#(irn(variant: variant))","Version":"1.1","TranDtls":{"TaxSch":"GST","SupTyp":"B2B","RegRev":"N"},"DocDtls":{"Typ":"INV","No":"\#(documentNumber(variant: variant))","Dt":"09/05/2023"},"SellerDtls":{"Gstin":"29AAFCC9980M1ZR","LglNm":"शर्मा ट्रेडर्स Sharma Traders Private Limited","Addr1":"12, Industrial Layout, Peenya 2nd Stage","Loc":"Bengaluru","Pin":560058,"Stcd":"29"},"BuyerDtls":{"Gstin":"27AAPFU0939F1ZV","LglNm":"\#(buyer)","Pos":"\#(interState ? "27" : "29")","Addr1":"Plot 7, MIDC Bhosari","Loc":"Pune","Pin":411026,"Stcd":"27"},"ItemList":[\#(items.joined(separator: ","))],"ValDtls":{"AssVal":\#(assessable),\#(taxes),"CesVal":0,"RndOffAmt":0,"TotInvVal":\#(assessable + tax)}}"#
    }

    /// The IRN these fields hash to.
    public static var irn: String { irn(variant: 0) }

    /// The IRN of one variant's fields.
    public static func irn(variant: Int) -> String {
        IRN.compute(sellerGstin: "29AAFCC9980M1ZR", financialYear: "2023-24", docType: "INV", docNo: documentNumber(variant: variant))
    }

    /// An amount in paise as the IRP's JSON writes it, with two decimals.
    static func money(_ paise: Int) -> String { "\(paise / 100).\(paise % 100 < 10 ? "0" : "")\(paise % 100)" }

    static func documentNumber(variant: Int) -> String { "KA/2023/\(String(format: "%04d", variant + 1))" }

    static func ackNumber(variant: Int) -> Int { 112_010_009_045_094 + variant }

    public static func invoice(lines: Int, interState: Bool = false, longDescriptions: Bool = false) throws -> Invoice {
        try JSONDecoder().decode(Invoice.self, from: Data(json(lines: lines, interState: interState, longDescriptions: longDescriptions).utf8))
    }

    /// QR data matching the synthetic invoice, for signing with a ``TestSigner``.
    public static func qrData(lines: Int, interState: Bool = false, variant: Int = 0) -> String {
        var assessable: Decimal = 0
        for index in 1...max(lines, 1) {
            assessable += Decimal(variant == 0 ? 1000 : (1 + (index * 7 + variant * 13) % 50) * (100 + (index * 11 + variant * 37) % 900))
        }
        let total = assessable * 118 / 100
        return #"{"SellerGstin":"29AAFCC9980M1ZR","BuyerGstin":"27AAPFU0939F1ZV","DocNo":"\#(documentNumber(variant: variant))","DocTyp":"INV","DocDt":"09/05/2023","TotInvVal":\#(total),"ItemCnt":\#(max(lines, 1)),"MainHsnCode":"73181500","Irn":"\#(irn(variant: variant))","IrnDt":"2023-05-12 14:11:00"}"#
    }

    /// An IRP response with both tokens signed by `signer` (trust it with `signer.trustStore()`).
    public static func response(lines: Int, signer: TestSigner, interState: Bool = false,
                                longDescriptions: Bool = false, variant: Int = 0) throws -> IRPResponse {
        var response = IRPResponse()
        response.signedInvoice = try signer.sign(data: json(lines: lines, interState: interState, longDescriptions: longDescriptions,
                                                            variant: variant))
        response.signedQRCode = try signer.sign(data: qrData(lines: lines, interState: interState, variant: variant))
        response.irn = irn(variant: variant)
        response.ackNo = String(ackNumber(variant: variant))
        response.ackDate = "2023-05-12 14:11:00"
        response.status = "ACT"
        return response
    }
}
