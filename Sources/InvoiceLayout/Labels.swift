import EInvoiceModel

/// Printed labels, English by default, each overridable from the template's `labels` by key.
struct Labels {
    let template: InvoiceTemplate

    private func text(_ key: String, _ fallback: String) -> String { template.label(key, fallback) }

    var gstin: String { text("gstin", "GSTIN") }
    var state: String { text("state", "State") }
    var contact: String { text("contact", "Contact") }
    var documentDate: String { text("documentDate", "Date") }
    var supplyType: String { text("supplyType", "Supply type") }
    var reverseCharge: String { text("reverseCharge", "Reverse charge") }
    var igstOnIntra: String { text("igstOnIntra", "IGST on intra-state") }
    var ecommerceGstin: String { text("ecommerceGstin", "E-commerce GSTIN") }
    var eInvoice: String { text("eInvoice", "e-Invoice") }
    var irn: String { text("irn", "IRN") }
    var ackNo: String { text("ackNo", "Ack No.") }
    var ackDate: String { text("ackDate", "Ack Date") }
    var ewayBill: String { text("ewayBill", "E-way bill") }
    var qrCaption: String { text("qrCaption", "Signed QR (IRP) — scan to verify") }
    var payByUPI: String { text("payByUPI", "Pay by UPI") }
    var billedTo: String { text("billedTo", "Billed to (recipient)") }
    var shippedTo: String { text("shippedTo", "Shipped to") }
    var dispatchedFrom: String { text("dispatchedFrom", "Dispatched from") }
    var placeOfSupply: String { text("placeOfSupply", "Place of supply") }
    var continued: String { text("continued", "continued") }
    var taxSummary: String { text("taxSummary", "Tax summary by rate") }
    var amountInWords: String { text("amountInWords", "Amount in words") }
    var signatory: String { text("signatory", "Authorised signatory") }
    var digitallySigned: String { text("digitallySigned", "Digitally signed by the Invoice Registration Portal (IRP)") }

    func documentNumber(_ type: DocumentType?) -> String {
        switch type {
        case .creditNote: text("creditNoteNumber", "Credit note no.")
        case .debitNote: text("debitNoteNumber", "Debit note no.")
        default: text("invoiceNumber", "Invoice no.")
        }
    }

    func column(_ id: ColumnID) -> String {
        let defaults: [ColumnID: String] = [
            .serial: "#", .description: "Description of goods / services", .hsn: "HSN/SAC", .quantity: "Qty",
            .rate: "Rate", .discount: "Discount", .taxable: "Taxable value", .gstRate: "GST %", .cgst: "CGST",
            .sgst: "SGST", .igst: "IGST", .cess: "Cess", .total: "Amount",
        ]
        return text(id.rawValue, defaults[id] ?? id.rawValue)
    }

    /// `SupTyp` in words.
    static func supplyType(_ code: String) -> String {
        switch code.uppercased() {
        case "B2B": "B2B"
        case "SEZWP": "SEZ with payment"
        case "SEZWOP": "SEZ without payment"
        case "EXPWP": "Export with payment"
        case "EXPWOP": "Export without payment"
        case "DEXP": "Deemed export"
        default: code
        }
    }
}
