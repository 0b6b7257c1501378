/// Every printed label a template can rename, with its English default and what it labels.
///
/// The one list: ``Labels`` reads it, ``TemplateSchema`` turns it into the `labels` object of
/// `Templates/schema.json`, and the loader refuses a key that is not here.
public enum LabelKey: String, CaseIterable, Sendable {
    case gstin, state, contact, documentDate, supplyType, reverseCharge, igstOnIntra, ecommerceGstin
    case invoiceNumber, creditNoteNumber, debitNoteNumber
    case eInvoice, irn, ackNo, ackDate, ewayBill, qrCaption, payByUPI
    case billedTo, shippedTo, dispatchedFrom, placeOfSupply, continued
    case taxSummary, amountInWords, totalInvoiceValue, signatory, forSeller, declaration
    case cin, pan, phone, email, website
    case bankDetails, accountName, bank, accountNumber, ifsc, branch, upiId, terms
    case details, poNumber, poDate, dueDate, vehicle, transporter, notes
    case page
    // Line-table column headers, by column id.
    case serial, description, hsn, quantity, rate, discount, taxable, gstRate, cgst, sgst, igst, cess, total

    public var defaultText: String { Self.table[self]?.text ?? rawValue }
    /// What the label is printed beside, for the schema's descriptions.
    public var meaning: String { Self.table[self]?.meaning ?? rawValue }

    private static let table: [LabelKey: (text: String, meaning: String)] = [
        .gstin: ("GSTIN", "GSTIN rows of seller and parties"),
        .state: ("State", "state name and code rows"),
        .contact: ("Contact", "phone and e-mail from the signed invoice"),
        .documentDate: ("Date", "document date"),
        .supplyType: ("Supply type", "SupTyp in words"),
        .reverseCharge: ("Reverse charge", "whether tax is payable on reverse charge (Rule 46 (p))"),
        .igstOnIntra: ("IGST on intra-state", "IGST charged on an intra-state supply"),
        .ecommerceGstin: ("E-commerce GSTIN", "e-commerce operator's GSTIN"),
        .invoiceNumber: ("Invoice no.", "number of a tax invoice"),
        .creditNoteNumber: ("Credit note no.", "number of a credit note"),
        .debitNoteNumber: ("Debit note no.", "number of a debit note"),
        .eInvoice: ("e-Invoice", "heading of the e-invoice panel"),
        .irn: ("IRN", "Invoice Reference Number"),
        .ackNo: ("Ack No.", "IRP acknowledgement number"),
        .ackDate: ("Ack Date", "IRP acknowledgement date"),
        .ewayBill: ("E-way bill", "e-way bill number, date and validity"),
        .qrCaption: ("e-Invoice QR — signed by the IRP", "caption under the signed QR"),
        .payByUPI: ("Pay by UPI", "heading beside the UPI payment QR"),
        .billedTo: ("Billed to (recipient)", "recipient block"),
        .shippedTo: ("Shipped to", "ship-to block"),
        .dispatchedFrom: ("Dispatched from", "dispatch-from block"),
        .placeOfSupply: ("Place of supply", "place of supply row"),
        .continued: ("continued", "note on pages that continue the invoice"),
        .taxSummary: ("HSN-wise tax summary", "tax summary by HSN and rate"),
        .amountInWords: ("Amount in words", "total in words"),
        .totalInvoiceValue: ("Total invoice value", "grand total"),
        .signatory: ("Authorised signatory", "line under the signature"),
        .forSeller: ("For", "word before the seller's name above the signature"),
        .declaration: ("Declaration", "heading of the declaration"),
        .cin: ("CIN", "corporate identity number"),
        .pan: ("PAN", "permanent account number"),
        .phone: ("Phone", "company phone"),
        .email: ("E-mail", "company e-mail"),
        .website: ("Web", "company website"),
        .bankDetails: ("Bank details", "heading of the payment block"),
        .accountName: ("Account name", "bank account holder"),
        .bank: ("Bank", "bank name"),
        .accountNumber: ("A/c no.", "bank account number"),
        .ifsc: ("IFSC", "bank IFSC"),
        .branch: ("Branch", "bank branch"),
        .upiId: ("UPI ID", "UPI address for payment"),
        .terms: ("Terms and conditions", "heading of the terms list"),
        .details: ("Order and dispatch details", "heading of the per-invoice extras (not signed by the IRP)"),
        .poNumber: ("PO no.", "buyer's purchase order number (extra)"),
        .poDate: ("PO date", "purchase order date (extra)"),
        .dueDate: ("Due date", "payment due date (extra)"),
        .vehicle: ("Vehicle no.", "vehicle number (extra)"),
        .transporter: ("Transporter", "transporter name (extra)"),
        .notes: ("Notes", "free notes (extra)"),
        .page: ("Page", "word before \"i of N\" in the footer"),
        .serial: ("#", "column: line number"),
        .description: ("Description of goods / services", "column: description"),
        .hsn: ("HSN/SAC", "column: HSN or SAC code"),
        .quantity: ("Qty", "column: quantity and unit"),
        .rate: ("Rate", "column: unit price"),
        .discount: ("Discount", "column: discount"),
        .taxable: ("Taxable value", "column: taxable value"),
        .gstRate: ("GST %", "column: GST rate"),
        .cgst: ("CGST", "column: CGST amount"),
        .sgst: ("SGST", "column: SGST/UTGST amount"),
        .igst: ("IGST", "column: IGST amount"),
        .cess: ("Cess", "column: cess"),
        .total: ("Amount", "column: line total"),
    ]
}
