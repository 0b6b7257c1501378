import Crypto
public import EInvoiceKit
public import Foundation

extension LedgerEntry {
    /// The entry for one reported check, or `nil` when there is no signed invoice to remember
    /// (unreadable input, IRP error responses, pages without a QR, UPI payment QRs).
    public init?(_ json: VerificationResult.JSON, file: LedgerFile) {
        guard let irn = json.irn, !irn.isEmpty, LedgerFilter.verdicts.contains(json.verdict) else { return nil }
        self.init(irn: irn, supplierGstin: json.sellerGstin, buyerGstin: json.buyerGstin, documentType: json.docType,
                  documentNumber: json.docNo, documentDate: json.docDate, total: json.totalInvoiceValue,
                  verdict: json.verdict, environment: json.environment, ackNo: json.ackNo, ackDate: json.ackDate,
                  fileName: file.name, fileSHA256: file.sha256)
    }
}

/// The checked file as the ledger names it: its name and the SHA-256 of its bytes.
public struct LedgerFile: Sendable, Hashable {
    public var name: String
    public var sha256: String

    public init(name: String, data: Data) {
        self.name = name
        self.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

extension InvoiceLedger {
    /// Records each check of one file that carries a signed invoice, once per document and IRN (a
    /// response's SignedInvoice and SignedQRCode, or an archive's embedded token and its printed QR,
    /// are one invoice; two lines of a JSON Lines file are two receipts), and returns what the ledger
    /// knew, in the order of `results`; `nil` where nothing was recorded.
    public func record(_ results: [VerificationResult.JSON], file: LedgerFile,
                       at date: Date = Date()) throws(LedgerError) -> [LedgerReport?] {
        var seen: Set<[String]> = []
        var reports: [LedgerReport?] = []
        for json in results {
            guard let entry = LedgerEntry(json, file: file), seen.insert([json.input, entry.irn]).inserted else {
                reports.append(nil)
                continue
            }
            reports.append(LedgerReport(findings: try record(entry, at: date)))
        }
        return reports
    }
}
