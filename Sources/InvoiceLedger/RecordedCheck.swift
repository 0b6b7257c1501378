public import EInvoiceKit
public import Foundation

/// One file's check as reported with the ledger: each result with what the ledger knew about it.
///
/// The one hook after a check: `scan --ledger`, `verify --ledger` and the desk run their check
/// through ``ReceivedFileCheck`` or `Verifier.verify(_:source:format:)`, then hand the results
/// here, so recording and its failure handling are written once.
public struct RecordedCheck: Sendable {
    /// The results in their order, each with its ledger report (absent when nothing was recorded).
    public var results: [LedgerReport.Annotated<VerificationResult.JSON>]
    /// Why the file's checks could not be recorded, if they could not: the results then say
    /// `recorded: false` rather than losing the verdict.
    public var failure: String?

    /// Records `results`, the checks of one file named `name` with bytes `data`, in `ledger`;
    /// without a ledger the results pass through unannotated.
    public init(_ results: [VerificationResult.JSON], name: String, data: Data, in ledger: InvoiceLedger?,
                at date: Date = Date()) {
        guard let ledger else {
            self.results = results.map { .init($0, ledger: nil) }
            return
        }
        let file = LedgerFile(name: name, data: data)
        do {
            let reports = try ledger.record(results, file: file, at: date)
            self.results = zip(results, reports).map { .init($0, ledger: $1) }
        } catch {
            failure = error.reason
            self.results = results.map {
                .init($0, ledger: LedgerEntry($0, file: file) == nil ? nil : LedgerReport(failure: error.reason))
            }
        }
    }

    /// The ledger's lines for each result's text report, in order.
    public var textLines: [[String]] { results.map { $0.ledger.map(Self.textLines) ?? [] } }

    static func textLines(_ report: LedgerReport) -> [String] {
        if let error = report.error { return ["  ledger: NOT RECORDED: \(error)"] }
        return report.textLines
    }
}
