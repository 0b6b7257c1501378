import EInvoiceModel
public import EInvoiceVerification
public import Foundation
import QRCodec
public import RasterIO

/// Scanning: load a file's pages, read their QR codes, classify and verify them, and compare
/// the printed text with the signed values.
public struct InvoiceScanner: Sendable {
    public var verifier: Verifier
    public var dpi: Double
    public var scanner: QRScanner
    public var limits: RasterLimits

    public init(verifier: Verifier = Verifier(), dpi: Double = 300, scanner: QRScanner = QRScanner(),
                limits: RasterLimits = RasterLimits()) {
        self.verifier = verifier
        self.dpi = dpi
        self.scanner = scanner
        self.limits = limits
    }

    /// What was found on one page (or image).
    public struct PageResult: Sendable {
        public var label: String
        public var pageNumber: Int?
        public var width: Int
        public var height: Int
        public var codes: [ScannedCode]
        public var step: String
        public var hasText: Bool
        /// Why nothing was found, in words, when `codes` is empty.
        public var note: String?
    }

    public func scan(_ data: Data) throws(RasterError) -> [PageResult] {
        var results: [PageResult] = []
        var seenTokens = Set<String>()
        // Pages arrive one at a time (never the whole file in memory); what was not read comes back as notes.
        let notes = try RasterLoader.forEachPage(data, dpi: dpi, limits: limits) { page in
            let read = scanner.scan(page.image)
            var codes: [ScannedCode] = []
            for symbol in read.symbols {
                // A PDF page and the image embedded in it often show the same QR once each.
                guard !seenTokens.contains("\(page.pageNumber ?? 0):\(symbol.text)") else { continue }
                seenTokens.insert("\(page.pageNumber ?? 0):\(symbol.text)")
                codes.append(analyse(symbol, text: page.text))
            }
            let isEmbedded = if case .pdfImage = page.origin { true } else { false }
            if isEmbedded && codes.isEmpty { return }
            results.append(PageResult(
                label: page.label, pageNumber: page.pageNumber, width: page.image.width, height: page.image.height, codes: codes,
                step: read.step, hasText: !(page.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                note: codes.isEmpty ? noQRNote(page) : nil))
        }
        for note in notes {
            results.append(PageResult(label: note.label, pageNumber: note.pages?.lowerBound, width: 0, height: 0, codes: [],
                                      step: "not read", hasText: false, note: [note.label, note.message].filter { !$0.isEmpty }.joined(separator: ": ")))
        }
        return results
    }

    func analyse(_ symbol: DecodedSymbol, text: String?) -> ScannedCode {
        let kind = ScannedCode.classify(symbol.text)
        var code = ScannedCode(kind: kind, text: symbol.text, box: symbol.bounds)
        switch kind {
        case .irp:
            let report = verifier.verify(token: symbol.text)
            code.verification = report
            if let text, !text.isEmpty, report.qr != nil {
                let outcome = PrintedTextCheck.compare(text, with: report.fields)
                code.printedMatches = outcome.matches
                code.printedMismatches = outcome.mismatches
            }
        case .upi:
            code.upi = UPIPayment(symbol.text)
        case .other:
            break
        }
        return code
    }

    private func noQRNote(_ page: RasterPage) -> String {
        switch page.origin {
        case .pdfPage(_, let dpi):
            return "no QR code found on \(page.label) rendered at \(Int(dpi)) DPI: the page may have none, or it is printed too small or blurred (try --dpi 600)"
        default:
            return "no QR code found in the \(page.image.width)×\(page.image.height) image: it may have none, or the QR is too small, blurred or cut off (scan at 300 DPI or more, the whole QR with its white margin in view)"
        }
    }
}
