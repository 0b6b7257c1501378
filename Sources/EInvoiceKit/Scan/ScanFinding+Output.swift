import EInvoiceModel
import EInvoiceVerification
import Foundation
import InvoiceScanning

extension ScanFinding {
    /// The `--json` object: `verify`'s, plus where the QR is and what was compared.
    public var json: VerificationResult.JSON {
        var json = result?.json ?? VerificationResult(input: input, format: nil, outcome: outcome, failures: failures).json
        switch kind {
        case .qr: json.verdict = result == nil ? "not-an-e-invoice-qr" : outcome.rawValue
        case .embeddedToken: json.verdict = outcome.rawValue
        case .noEInvoiceQR, .unreadable, .pagesNotRead: json.verdict = kind.rawValue
        }
        json.page = page?.pageNumber
        json.qrKind = kind == .embeddedToken ? "embedded-token" : code?.kind.rawValue
        json.position = code.map {
            .init(x: $0.box.x, y: $0.box.y, width: $0.box.width, height: $0.box.height,
                  pageWidth: page?.width ?? 0, pageHeight: page?.height ?? 0)
        }
        if let code, code.kind == .irp {
            json.printedMatches = code.printedMatches
            json.printedMismatches = code.printedMismatches
            json.printedChecks = code.printedChecks.map {
                .init(field: $0.field.rawValue, outcome: $0.outcome.rawValue, printed: $0.printed, signed: $0.signed, page: $0.page)
            }
            json.documentPages = code.documentPages
            json.printedReadBy = code.printedChecks.isEmpty ? nil : code.printedByOCR ? "ocr" : "text-layer"
        }
        json.upi = code?.upi
        json.format = nil
        return json
    }

    public var text: String {
        let place = [input, page?.label].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: ", ")
        if kind == .embeddedToken, let result {
            return result.text.replacingOccurrences(of: "\(input): ", with: "\(input), embedded token: ")
        }
        if let result, let code {
            var lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines[0] = lines[0].replacingOccurrences(of: "\(input): ", with: "\(place): QR at \(code.box.x),\(code.box.y): ")
            if code.documentPages.count > 1, let first = code.documentPages.first, let last = code.documentPages.last {
                lines.insert("  Document          pages \(first)–\(last) of the file", at: 1)
            }
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
        let headline = switch kind {
        case .unreadable: "UNREADABLE"
        case .noEInvoiceQR: "NO E-INVOICE QR"
        case .pagesNotRead: "NOT READ"
        default: "NOT AN E-INVOICE QR"
        }
        return "\(place): \(headline)\n" + errors.map { "  \($0)" }.joined(separator: "\n")
    }
}
