public import EInvoiceVerification
public import Foundation
public import InvoiceScanning
import RasterIO

/// One thing a check of a received file reports: a QR (with its verification and printed
/// comparison for IRP QRs), a token embedded in an archive PDF, a file with no e-invoice QR,
/// or a file that could not be read.
public struct ScanFinding: Sendable {
    public enum Kind: String, Sendable {
        /// A QR read from a page.
        case qr
        /// A token embedded in an archive PDF (`render --archive`), not read from its print.
        case embeddedToken = "embedded-token"
        /// No page of the file carries an e-invoice QR (said once per file).
        case noEInvoiceQR = "no-qr"
        /// The file cannot be read at all.
        case unreadable
        /// Pages of the file that were not read (`--max-pages`, `--max-seconds`, pixel budgets):
        /// the check is incomplete, so the file never passes clean.
        case pagesNotRead = "not-read"
    }

    public var kind: Kind
    public var input: String
    public var page: InvoiceScanner.PageResult?
    public var code: ScannedCode?
    /// For IRP QRs and embedded tokens: the verification, as `verify` reports it, with the
    /// printed-vs-signed differences among its failures.
    public var result: VerificationResult?
    public var outcome: VerificationResult.Outcome
    public var failures: [Failure]

    public var errors: [String] { failures.map(\.message) }

    /// Every finding for one file's pages: one per QR, one "no e-invoice QR" for the file when
    /// no page has one, and one per run of pages that was not read (with its reason). Pages read
    /// without a QR in a document that has one are not findings.
    public static func findings(input: String, pages: [InvoiceScanner.PageResult]) -> [ScanFinding] {
        var findings: [ScanFinding] = []
        var reported = Set<String>()
        for page in pages {
            // A QR repeated on every page of its document is one finding.
            for code in page.codes where reported.insert("\(code.documentPages.first ?? 0):\(code.text)").inserted {
                findings.append(finding(input: input, page: page, code: code))
            }
        }
        if !pages.contains(where: { $0.codes.contains { $0.kind == .irp } }) {
            let pageCount = Set(pages.compactMap(\.pageNumber)).count
            let note = pageCount > 1
                ? "no e-invoice QR on any of the \(pageCount) pages: the file may have none, or it is printed too small or blurred (try --dpi 600)"
                : pages.first?.note ?? "no e-invoice QR found"
            findings.append(ScanFinding(kind: .noEInvoiceQR, input: input, page: pageCount > 1 ? nil : pages.first,
                                        outcome: .malformed, failures: [Failure(.noEInvoiceQR, note)]))
        }
        // Pages not read (a limit, the file's time budget) are said, never dropped: a QR found on
        // page 1 must not make pages 2–3 look checked. Notes about a page that was itself read
        // (its embedded images skipped) do not make the check incomplete.
        let readPages = Set(pages.filter { $0.step != notReadStep }.compactMap(\.pageNumber))
        for page in pages where page.step == notReadStep && !(page.pageNumber.map(readPages.contains) ?? false) {
            let note = page.note ?? "\(page.label): not read"
            findings.append(ScanFinding(kind: .pagesNotRead, input: input, page: page, outcome: .malformed,
                                        failures: [Failure(.pagesNotRead, note + " (the check of this file is incomplete)")]))
        }
        return findings
    }

    /// The step of a page result that stands for pages not read (``InvoiceScanner``'s notes).
    static let notReadStep = "not read"

    static func finding(input: String, page: InvoiceScanner.PageResult, code: ScannedCode) -> ScanFinding {
        guard let token = code.verification else {
            let message = code.kind == .upi
                ? "a UPI payment QR, not an e-invoice QR: it proves nothing about the invoice"
                : "a QR code that is not an e-invoice QR (\(code.text.prefix(60)))"
            return ScanFinding(kind: .qr, input: input, page: page, code: code, outcome: .malformed,
                               failures: [Failure(.notAnEInvoiceQR, message)])
        }
        var result = VerificationResult(input: input, format: .jws, token: token, response: nil)
        let differences = code.printedChecks.compactMap(\.failure)
        result.failures += differences
        result.token?.warnings += code.printedNotFound
        result.token?.warnings += code.ocrNotes
        if code.printedChecks.isEmpty, page.hasText == false {
            // Say what was not checked: a clerk must not read VALID as "the paper matches".
            result.token?.warnings.append("printed values not compared: the page has no text layer (a scan or photo)"
                + (code.ocrNotes.isEmpty ? " and OCR is off (--ocr auto reads it)" : "") + "; compare the fields above with the paper")
        } else if code.printedByOCR {
            result.token?.warnings.append(ScanFinding.readByOCR)
        }
        if !differences.isEmpty, result.outcome.isGenuine { result.outcome = .invalid }
        return ScanFinding(kind: .qr, input: input, page: page, code: code, result: result, outcome: result.outcome,
                           failures: result.failures)
    }

    /// Said of every comparison made from OCR: what it can and cannot promise.
    public static let readByOCR = "printed values read by OCR (Tesseract) from the page image: a value OCR could not read "
        + "with certainty is \"not found\", never \"differs\"; check those on the paper"

    /// The tokens an archive PDF carries (`render --archive`), verified, with the QRs already read
    /// from its `pages` compared to them (no second scan); empty for other files.
    public static func embedded(input: String, data: Data, pages: [InvoiceScanner.PageResult],
                                verifier: Verifier) -> [ScanFinding] {
        guard ImageFormat.detect(data) == .pdf, let response = ArchivedTokens.read(data) else { return [] }
        let printed = pages.flatMap(\.codes).filter { $0.kind == .irp }.map(\.text)
        let document = InputDocument(id: input, format: .pdfArchive, content: .response(response),
                                     problems: ArchivedTokens.printedQRProblems(printed: printed, embedded: response))
        return verifier.verify(document).map { result in
            ScanFinding(kind: .embeddedToken, input: input, result: result, outcome: result.outcome, failures: result.failures)
        }
    }

    /// A file that could not be read at all.
    public static func unreadable(input: String, reason: String) -> ScanFinding {
        ScanFinding(kind: .unreadable, input: input, outcome: .malformed, failures: [Failure(.unreadableInput, reason)])
    }
}
