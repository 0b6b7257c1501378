public import EInvoiceModel
import Foundation

extension Verifier {
    /// Verifies both tokens of an IRP response and checks that they, and the response around
    /// them, agree: a QR taken from one invoice and pasted next to another is caught here.
    public func verify(response: IRPResponse) -> [TokenVerification] {
        var reports = [response.signedInvoice, response.signedQRCode].compactMap { $0 }.map { verify(token: $0) }
        var problems: [String] = []
        let signedInvoice = reports.first { $0.kind == .signedInvoice }
        let signedQR = reports.first { $0.kind == .signedQRCode }
        if let invoice = signedInvoice?.fields, let qr = signedQR?.fields {
            problems += Self.disagreements(qr: qr, invoice: invoice)
        }
        for report in reports {
            let fields = report.fields
            if let irn = response.irn, let signed = fields.irn, irn.lowercased() != signed.lowercased() {
                problems.append("the response's Irn \(irn) differs from the \(report.kind.rawValue)'s \(signed)")
            }
        }
        if let ackNo = response.ackNo, let signed = signedInvoice?.fields.ackNo, ackNo != signed {
            problems.append("the response's AckNo \(ackNo) differs from the SignedInvoice's \(signed)")
        }
        for index in reports.indices {
            if !problems.isEmpty {
                reports[index].failures += problems.map { Failure(.tokensDisagree, $0) }
                if reports[index].verdict == .valid { reports[index].verdict = .invalid }
            }
            if response.isCancelled {
                reports[index].fail(.cancelled, "the IRP reports this IRN as CANCELLED (Status CNL)")
            }
        }
        return reports
    }

    /// Each field on which the QR and the signed invoice disagree, in words.
    static func disagreements(qr: SignedFields, invoice: SignedFields) -> [String] {
        func compare<T: Equatable>(_ name: String, _ a: T?, _ b: T?, _ text: (T) -> String) -> String? {
            guard let a, let b, a != b else { return nil }
            return "QR \(name) \(text(a)) ≠ signed invoice \(name) \(text(b))"
        }
        let same: (String) -> String = { $0 }
        return [
            compare("seller GSTIN", qr.sellerGstin, invoice.sellerGstin, same),
            compare("buyer GSTIN", qr.buyerGstin, invoice.buyerGstin, same),
            compare("document number", qr.docNo, invoice.docNo, same),
            compare("document type", qr.docType, invoice.docType, same),
            compare("document date", qr.docDate, invoice.docDate, same),
            compare("total", qr.totalInvoiceValue, invoice.totalInvoiceValue) { "\($0)" },
            compare("item count", qr.itemCount, invoice.itemCount) { "\($0)" },
            compare("main HSN", qr.mainHsnCode, invoice.mainHsnCode, same),
            compare("IRN", qr.irn?.lowercased(), invoice.irn?.lowercased(), same),
        ].compactMap { $0 }
    }
}
