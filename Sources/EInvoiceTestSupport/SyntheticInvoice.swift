public import EInvoiceModel
import Foundation

/// Synthetic signed-invoice data for layout and rendering tests (long descriptions, many lines,
/// Devanagari names), in the IRP's JSON shape so it goes through the real decoder.
public enum SyntheticInvoice {
    public static func json(lines: Int, interState: Bool = false, longDescriptions: Bool = false) -> String {
        var items: [String] = []
        for index in 1...max(lines, 1) {
            let description = longDescriptions && index % 3 == 0
                ? "Precision ball bearing assembly type \(index) with stainless steel housing, double seal and lubrication for heavy industrial use — दोहरी सील"
                : "Item \(index) — steel fastener kit"
            let tax = interState
                ? #""IgstAmt":180.00,"CgstAmt":0,"SgstAmt":0"#
                : #""IgstAmt":0,"CgstAmt":90.00,"SgstAmt":90.00"#
            items.append(#"{"SlNo":"\#(index)","PrdDesc":"\#(description)","IsServc":"N","HsnCd":"73181500","Qty":10,"Unit":"NOS","UnitPrice":100.00,"TotAmt":1000.00,"Discount":0,"AssAmt":1000.00,"GstRt":18,\#(tax),"CesAmt":0,"TotItemVal":1180.00}"#)
        }
        let count = Decimal(max(lines, 1))
        let assessable = 1000 * count, tax = 180 * count
        let taxes = interState ? #""IgstVal":\#(tax),"CgstVal":0,"SgstVal":0"# : #""IgstVal":0,"CgstVal":\#(tax / 2),"SgstVal":\#(tax / 2)"#
        return #"{"AckNo":112010009045094,"AckDt":"2023-05-12 14:11:00","Irn":"\#(irn)","Version":"1.1","TranDtls":{"TaxSch":"GST","SupTyp":"B2B","RegRev":"N"},"DocDtls":{"Typ":"INV","No":"KA/2023/0001","Dt":"09/05/2023"},"SellerDtls":{"Gstin":"29AAFCC9980M1ZR","LglNm":"शर्मा ट्रेडर्स Sharma Traders Private Limited","Addr1":"12, Industrial Layout, Peenya 2nd Stage","Loc":"Bengaluru","Pin":560058,"Stcd":"29"},"BuyerDtls":{"Gstin":"27AAPFU0939F1ZV","LglNm":"Unique Engineering Works","Pos":"\#(interState ? "27" : "29")","Addr1":"Plot 7, MIDC Bhosari","Loc":"Pune","Pin":411026,"Stcd":"27"},"ItemList":[\#(items.joined(separator: ","))],"ValDtls":{"AssVal":\#(assessable),\#(taxes),"CesVal":0,"RndOffAmt":0,"TotInvVal":\#(assessable + tax)}}"#
    }

    /// The IRN these fields hash to.
    public static var irn: String {
        IRN.compute(sellerGstin: "29AAFCC9980M1ZR", financialYear: "2023-24", docType: "INV", docNo: "KA/2023/0001")
    }

    public static func invoice(lines: Int, interState: Bool = false, longDescriptions: Bool = false) throws -> Invoice {
        try JSONDecoder().decode(Invoice.self, from: Data(json(lines: lines, interState: interState, longDescriptions: longDescriptions).utf8))
    }

    /// QR data matching the synthetic invoice, for signing with a ``TestSigner``.
    public static func qrData(lines: Int, interState: Bool = false) -> String {
        let total = (1180 * Decimal(max(lines, 1)))
        return #"{"SellerGstin":"29AAFCC9980M1ZR","BuyerGstin":"27AAPFU0939F1ZV","DocNo":"KA/2023/0001","DocTyp":"INV","DocDt":"09/05/2023","TotInvVal":\#(total),"ItemCnt":\#(max(lines, 1)),"MainHsnCode":"73181500","Irn":"\#(irn)","IrnDt":"2023-05-12 14:11:00"}"#
    }

    /// An IRP response with both tokens signed by `signer` (trust it with `signer.trustStore()`).
    public static func response(lines: Int, signer: TestSigner, interState: Bool = false,
                                longDescriptions: Bool = false) throws -> IRPResponse {
        var response = IRPResponse()
        response.signedInvoice = try signer.sign(data: json(lines: lines, interState: interState, longDescriptions: longDescriptions))
        response.signedQRCode = try signer.sign(data: qrData(lines: lines, interState: interState))
        response.irn = irn
        response.ackNo = "112010009045094"
        response.ackDate = "2023-05-12 14:11:00"
        response.status = "ACT"
        return response
    }
}
