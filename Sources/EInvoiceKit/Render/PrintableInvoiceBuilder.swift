public import EInvoiceBasics
public import EInvoiceModel
public import EInvoiceVerification
public import Foundation
public import InvoiceLayout
public import QRCodec

/// Options that change what is printed.
public struct RenderOptions: Sendable {
    /// QR error correction; `nil` takes the template's (M by default).
    public var qrErrorCorrection: QREncoder.ErrorCorrection?
    /// Render even when the signature does not hold, with a "SIGNATURE NOT VERIFIED" mark.
    public var allowUnverified: Bool
    /// Add the B2C dynamic UPI QR for this payee address (VPA).
    public var upiAddress: String?
    public var upiPayeeName: String?
    /// ISO 8601; else `SOURCE_DATE_EPOCH`, else the Ack Date.
    public var creationDate: String?
    public var environment: [String: String]
    /// PDF/A-3b with the tokens embedded as associated files.
    public var archive: Bool
    /// Add the UPI QR paying the template's `payment.upiId` (when `upiAddress` is not given).
    public var upiFromTemplate: Bool
    /// Copy names (`original`, `duplicate`, `triplicate`); `nil` takes the template's default.
    public var copies: [String]?
    /// Unsigned per-invoice facts (PO, vehicle, …) for the details block.
    public var extras: InvoiceExtras

    public init(qrErrorCorrection: QREncoder.ErrorCorrection? = nil, allowUnverified: Bool = false, upiAddress: String? = nil,
                upiPayeeName: String? = nil, creationDate: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, archive: Bool = false,
                upiFromTemplate: Bool = false, copies: [String]? = nil, extras: InvoiceExtras = InvoiceExtras()) {
        self.archive = archive
        self.upiFromTemplate = upiFromTemplate
        self.copies = copies
        self.extras = extras
        self.qrErrorCorrection = qrErrorCorrection
        self.allowUnverified = allowUnverified
        self.upiAddress = upiAddress
        self.upiPayeeName = upiPayeeName
        self.creationDate = creationDate
        self.environment = environment
    }
}

/// Verifies an IRP response and turns it into what layout needs: the step before any drawing,
/// so it is testable without Cairo.
public struct PrintableInvoiceBuilder {
    public let verifier: Verifier
    public let template: InvoiceTemplate

    public init(verifier: Verifier, template: InvoiceTemplate) {
        self.verifier = verifier
        self.template = template
    }

    /// The IRP's line limit.
    public static let maximumLines = 1000

    public struct Prepared: Sendable {
        public var printable: PrintableInvoice
        public var metadata: DocumentMetadata
        public var verifications: [TokenVerification]
        public var warnings: [String]
        /// The copies laid out, in order (names from the template).
        public var copies: [String]
    }

    public func prepare(_ response: IRPResponse, options: RenderOptions) throws(RenderError) -> Prepared {
        guard let signedQRCode = response.signedQRCode else {
            throw RenderError(.missingToken, "the response has no SignedQRCode: the signed QR cannot be printed")
        }
        guard response.signedInvoice != nil else {
            throw RenderError(.missingToken, "the response has no SignedInvoice: there is no signed invoice to print")
        }
        let reports = verifier.verify(response: response)
        guard let invoiceReport = reports.first(where: { $0.kind == .signedInvoice }), let invoice = invoiceReport.invoice else {
            let reason = reports.first?.errors.first ?? "unreadable"
            throw RenderError(.unreadable, "the SignedInvoice cannot be read: \(reason)")
        }
        // The IRP accepts at most 1000 lines (DOMAIN.md §5); more can only come from a forged or
        // hostile token, and would cost unbounded time and memory to lay out.
        guard invoice.items.count <= Self.maximumLines else {
            throw RenderError(.unreadable, "the signed invoice has \(invoice.items.count) lines; the IRP allows at most \(Self.maximumLines)")
        }
        var marks: [PrintableInvoice.Mark] = []
        let failing = reports.filter { $0.verdict != .valid }
        if !failing.isEmpty {
            let reasons = failing.map { "\($0.kind.rawValue) \($0.verdict.rawValue): \($0.errors.first ?? "")" }.joined(separator: "; ")
            guard options.allowUnverified else {
                throw RenderError(.unverified, "not rendered, the signature does not hold (\(reasons)); --allow-unverified prints it marked SIGNATURE NOT VERIFIED")
            }
            marks.append(.unverified)
        }
        if reports.contains(where: { $0.environment == .sandbox }) { marks.append(.sandbox) }
        if response.isCancelled { marks.append(.cancelled) }

        let qrPayload = signedQRCode.trimmingCharacters(in: .whitespacesAndNewlines)
        let ecc = options.qrErrorCorrection ?? QREncoder.ErrorCorrection(rawValue: template.qr.errorCorrection) ?? .medium
        let matrix: QRMatrix
        do {
            matrix = try QREncoder.encode(qrPayload, errorCorrection: ecc)
        } catch {
            throw RenderError(.qr, "the signed QR cannot be encoded: \(error.reason)")
        }
        let irn = invoice.irn ?? response.irn ?? ""
        let ackNo = invoice.ackNo ?? response.ackNo
        let ackDate = invoice.ackDate ?? response.ackDate
        var printable = PrintableInvoice(
            invoice: invoice, irn: irn, ackNo: ackNo, ackDate: ackDate,
            signedQR: .init(matrix: matrix, payload: qrPayload),
            ewayBill: response.ewayBillNo.map { .init(number: $0, date: response.ewayBillDate, validTill: response.ewayBillValidTill) },
            marks: marks, signatureNote: signatureNote(invoiceReport), extras: options.extras)
        if let vpa = try upiAddress(options) {
            try addUPI(vpa: vpa, name: options.upiPayeeName, to: &printable, ackDate: ackDate, ecc: .medium)
        }
        let creation = try CreationDate.resolve(explicit: options.creationDate, environment: options.environment, ackDate: ackDate)
        let docNo = invoice.document.number ?? ""
        let metadata = DocumentMetadata(
            title: "\(printable.title) \(docNo)", subject: "GST e-invoice \(docNo) dated \(invoice.document.date ?? ""), IRN \(irn)",
            keywords: ["IRN \(irn)", docNo, invoice.seller.gstin ?? "", invoice.buyer.gstin ?? ""].filter { !$0.isEmpty }
                .joined(separator: ", "),
            author: invoice.seller.displayName, creator: "einvoice \(EInvoiceVersion.string)", creationDate: creation)
        return Prepared(printable: printable, metadata: metadata, verifications: reports,
                        warnings: reports.flatMap(\.warnings) + reports.flatMap(\.errors), copies: try copies(options))
    }

    /// The copies to print: `--copies`, else the template's default; each must have a label.
    public func copies(_ options: RenderOptions) throws(RenderError) -> [String] {
        let names = options.copies ?? template.copies.default
        for name in names where template.copyLabel(name) == nil {
            throw RenderError(.usage, "copy \"\(name)\" has no label in template \(template.name); expected one of "
                + template.copies.labels.keys.sorted().joined(separator: ", "))
        }
        return names
    }

    /// `--upi VPA`, or the template's UPI ID when asked for.
    private func upiAddress(_ options: RenderOptions) throws(RenderError) -> String? {
        if let vpa = options.upiAddress { return vpa }
        guard options.upiFromTemplate else { return nil }
        guard let vpa = template.payment?.upiId, !vpa.isEmpty else {
            throw RenderError(.usage, "--upi template: template \(template.name) has no payment.upiId")
        }
        return vpa
    }

    private func signatureNote(_ report: TokenVerification) -> String {
        guard report.verdict == .valid else {
            return "Signature NOT verified (\(report.verdict.rawValue)): \(report.errors.first ?? "")"
        }
        let kid = report.kid.map { " \($0.prefix(8))" } ?? ""
        return "Signature of the IRP (\(report.issuer ?? "NIC"), \(report.environment.rawValue) key\(kid)) verified before printing."
    }

    private func addUPI(vpa: String, name: String?, to printable: inout PrintableInvoice, ackDate: String?,
                        ecc: QREncoder.ErrorCorrection) throws(RenderError) {
        guard UPIPayment.isValidVPA(vpa) else { throw RenderError(.usage, "--upi \(vpa) is not a UPI address (name@bank)") }
        let invoice = printable.invoice
        let totals = invoice.totals
        var breakup: [(String, Decimal)] = []
        for (head, value) in [("CGST", totals.cgst), ("SGST", totals.sgst), ("IGST", totals.igst), ("CESS", totals.cess)] {
            if let value, value != 0 { breakup.append((head, value)) }
        }
        let date = invoice.document.date.flatMap(DocumentDate.init).map { "\($0.iso8601)T00:00:00+05:30" }
        let payee = name ?? invoice.seller.tradeName ?? invoice.seller.displayName, amount = totals.totalInvoiceValue ?? 0
        let link = UPIPayment(payeeAddress: vpa, payeeName: payee, amount: amount, gstin: invoice.seller.gstin,
                              invoiceNumber: invoice.document.number, invoiceDate: date, breakup: breakup)
        do {
            printable.upiQR = .init(matrix: try QREncoder.encode(link.uri, errorCorrection: ecc), payload: link.uri)
        } catch {
            throw RenderError(.qr, "the UPI QR cannot be encoded: \(error.reason)")
        }
        printable.upiDetails = [
            "UPI: \(vpa)", "Payee: \(payee)", "Amount: ₹ \(IndianNumberFormat.format(amount))",
            "GST: " + (breakup.isEmpty ? "nil" : breakup.map { "\($0.0) \(IndianNumberFormat.format($0.1))" }.joined(separator: ", ")),
        ]
    }
}

/// The tool's version, written into PDFs and `--version`.
public enum EInvoiceVersion {
    public static let string = "0.2.0"
}
