public import EInvoiceBasics
public import EInvoiceModel

/// Everything a printed e-invoice shows: the signed invoice plus what the IRP and the
/// verification added (IRN, acknowledgement, the signed QR, marks).
///
/// Built by the pipeline after verification; layout never sees unverified data without a mark.
public struct PrintableInvoice: Sendable {
    /// Page-wide marks, printed as a banner and a watermark on every page.
    public enum Mark: String, Sendable, CaseIterable {
        case unverified = "SIGNATURE NOT VERIFIED"
        case sandbox = "SANDBOX — NOT A TAX INVOICE"
        case cancelled = "CANCELLED"
    }

    /// A QR symbol with the text it encodes.
    public struct Code: Sendable, Hashable {
        public var matrix: QRMatrix
        public var payload: String
        public init(matrix: QRMatrix, payload: String) {
            self.matrix = matrix
            self.payload = payload
        }
    }

    public struct EwayBill: Sendable, Hashable {
        public var number: String
        public var date: String?
        public var validTill: String?
        public init(number: String, date: String?, validTill: String?) {
            self.number = number
            self.date = date
            self.validTill = validTill
        }
    }

    public var invoice: Invoice
    public var irn: String
    public var ackNo: String?
    public var ackDate: String?
    public var signedQR: Code
    /// The B2C dynamic UPI QR (Circular 146/156), when asked for.
    public var upiQR: Code?
    /// UPI payee details printed beside the UPI QR as its text fallback.
    public var upiDetails: [String]
    public var ewayBill: EwayBill?
    public var marks: [Mark]
    /// Who signed, e.g. "NIC production key B8D63ECB (verified offline)".
    public var signatureNote: String
    /// Unsigned per-invoice facts (PO, vehicle, …), printed apart from the signed data.
    public var extras: InvoiceExtras

    public init(invoice: Invoice, irn: String, ackNo: String?, ackDate: String?, signedQR: Code,
                upiQR: Code? = nil, upiDetails: [String] = [], ewayBill: EwayBill? = nil, marks: [Mark] = [],
                signatureNote: String, extras: InvoiceExtras = InvoiceExtras()) {
        self.invoice = invoice
        self.irn = irn
        self.ackNo = ackNo
        self.ackDate = ackDate
        self.signedQR = signedQR
        self.upiQR = upiQR
        self.upiDetails = upiDetails
        self.ewayBill = ewayBill
        self.marks = marks
        self.signatureNote = signatureNote
        self.extras = extras
    }

    /// "Tax Invoice", "Credit Note" or "Debit Note".
    public var title: String {
        invoice.document.documentType?.title ?? "Tax Invoice"
    }
}
