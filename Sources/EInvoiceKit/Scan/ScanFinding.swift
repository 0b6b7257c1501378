public import EInvoiceVerification
public import Foundation
public import InvoiceScanning
import RasterIO

/// One thing `scan` reports: a QR on a page (with its verification for IRP QRs), a page with
/// none, or a file that could not be read.
public struct ScanFinding: Sendable {
    public var input: String
    public var page: InvoiceScanner.PageResult?
    public var code: ScannedCode?
    /// For IRP QRs: the verification, as `verify` reports it.
    public var result: VerificationResult?
    public var outcome: VerificationResult.Outcome
    public var errors: [String]
    /// A token embedded in an archive PDF rather than read from its printed QR.
    public var isEmbedded = false

    /// Every finding for one file's pages.
    public static func findings(input: String, pages: [InvoiceScanner.PageResult]) -> [ScanFinding] {
        var findings: [ScanFinding] = []
        for page in pages {
            if page.codes.isEmpty {
                findings.append(ScanFinding(input: input, page: page, outcome: .malformed, errors: [page.note ?? "no QR code found"]))
            }
            for code in page.codes {
                guard let token = code.verification else {
                    let message = code.kind == .upi
                        ? "a UPI payment QR, not an e-invoice QR: it proves nothing about the invoice"
                        : "a QR code that is not an e-invoice QR (\(code.text.prefix(60)))"
                    findings.append(ScanFinding(input: input, page: page, code: code, outcome: .malformed, errors: [message]))
                    continue
                }
                var result = VerificationResult(input: input, format: .jws, token: token, response: nil)
                if !code.printedMismatches.isEmpty {
                    result.errors += code.printedMismatches.map { "printed invoice disagrees with the signed QR: \($0)" }
                    if result.outcome == .valid { result.outcome = .invalid }
                }
                findings.append(ScanFinding(input: input, page: page, code: code, result: result, outcome: result.outcome,
                                            errors: result.errors))
            }
        }
        return findings
    }

    /// The tokens an archive PDF carries (`render --archive`), verified, with the QRs already read
    /// from its `pages` compared to them (no second scan); empty for other files.
    public static func embedded(input: String, data: Data, pages: [InvoiceScanner.PageResult],
                                verifier: Verifier) -> [ScanFinding] {
        guard ImageFormat.detect(data) == .pdf, let response = ArchivedTokens.read(data) else { return [] }
        let printed = pages.flatMap(\.codes).filter { $0.kind == .irp }.map(\.text)
        let document = InputDocument(id: input, format: .pdfArchive, content: .response(response),
                                     problems: ArchivedTokens.printedQRProblems(printed: printed, embedded: response))
        return verifier.verify(document).map { result in
            ScanFinding(input: input, result: result, outcome: result.outcome, errors: result.errors, isEmbedded: true)
        }
    }

    /// A file that could not be read at all.
    public static func unreadable(input: String, reason: String) -> ScanFinding {
        ScanFinding(input: input, outcome: .malformed, errors: [reason])
    }

    public var json: VerificationResult.JSON {
        var json = result?.json ?? VerificationResult(input: input, format: nil, outcome: outcome, errors: errors).json
        json.verdict = isEmbedded ? outcome.rawValue
            : code == nil ? (page == nil ? "unreadable" : "no-qr") : (result == nil ? "not-an-e-invoice-qr" : outcome.rawValue)
        if isEmbedded { json.qrKind = "embedded-token" }
        json.page = page?.pageNumber
        json.qrKind = isEmbedded ? "embedded-token" : code?.kind.rawValue
        json.position = code.map {
            .init(x: $0.box.x, y: $0.box.y, width: $0.box.width, height: $0.box.height,
                  pageWidth: page?.width ?? 0, pageHeight: page?.height ?? 0)
        }
        if code?.kind == .irp {
            json.printedMatches = code?.printedMatches
            json.printedMismatches = code?.printedMismatches
        }
        json.upi = code?.upi
        json.format = nil
        return json
    }

    public var text: String {
        let place = [input, page?.label].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: ", ")
        if isEmbedded, let result {
            return result.text.replacingOccurrences(of: "\(input): ", with: "\(input), embedded token: ")
        }
        if let result, let code {
            var lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[0] = lines[0].replacingOccurrences(of: "\(input): ", with: "\(place): QR at \(code.box.x),\(code.box.y): ")
            if !code.printedMatches.isEmpty {
                lines.append("  printed = signed:  \(code.printedMatches.joined(separator: ", "))")
            }
            return lines.joined(separator: "\n")
        }
        if let code, let upi = code.upi {
            var lines = ["\(place): UPI PAYMENT QR at \(code.box.x),\(code.box.y) (not an e-invoice QR)"]
            let rows: [(String, String?)] = [("Payee", [upi.payeeName, upi.payeeAddress.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")),
                                             ("Amount", upi.amount.map { "₹ \($0) \(upi.currency ?? "")" }), ("GSTIN", upi.gstin),
                                             ("Invoice", [upi.invoiceNumber, upi.invoiceDate].compactMap { $0 }.joined(separator: " dated ")),
                                             ("GST breakup", upi.gstBreakup.map { $0.joined(separator: " ") }.joined(separator: ", "))]
            for case let (label, value?) in rows where !value.isEmpty {
                lines.append("  \(label.padding(toLength: 17, withPad: " ", startingAt: 0)) \(value)")
            }
            if !upi.missingFields.isEmpty { lines.append("  warning: lacks \(upi.missingFields.joined(separator: ", ")) (Circular 146/2021)") }
            return lines.joined(separator: "\n")
        }
        let headline = page == nil ? "UNREADABLE" : code == nil ? "NO E-INVOICE QR" : "NOT AN E-INVOICE QR"
        return "\(place): \(headline)\n" + errors.map { "  \($0)" }.joined(separator: "\n")
    }
}
