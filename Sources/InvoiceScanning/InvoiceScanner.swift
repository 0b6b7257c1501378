public import EInvoiceBasics
import EInvoiceModel
public import EInvoiceVerification
public import Foundation
public import PrintedText
import QRCodec
public import RasterIO
public import TextRecognition

/// Scanning: load a file's pages once, read their QR codes, classify and verify them, split the
/// file into documents at each new signed QR, and compare each QR with the printed text of its
/// whole document.
public struct InvoiceScanner: Sendable {
    public var verifier: Verifier
    public var dpi: Double
    public var scanner: QRScanner
    public var limits: RasterLimits
    /// Whether printed values are read by OCR from page images (``OCRMode``).
    public var ocr: OCRMode
    public var ocrOptions = PageTextReader.Options()

    public init(verifier: Verifier = Verifier(), dpi: Double = 300, scanner: QRScanner = QRScanner(),
                limits: RasterLimits = RasterLimits(), ocr: OCRMode = .off) {
        self.verifier = verifier
        self.dpi = dpi
        self.scanner = scanner
        self.limits = limits
        self.ocr = ocr
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
        /// The page's text layer as positioned words (PDF pages; empty for images).
        public var words: [PositionedWord] = []
        /// A reduced copy of the page image, when the scan was asked for thumbnails.
        public var thumbnail: GreyImage?
        /// An image embedded in a PDF page rather than the page itself.
        public var isEmbeddedImage = false
        /// `words` were read by OCR from the page image (not taken from a text layer).
        public var wordsByOCR = false
        /// Why OCR did not read the page, or read it only in part, when it was to.
        public var ocrNote: String?
        /// Wall-clock milliseconds OCR spent on the page.
        public var ocrMilliseconds: Double?
    }

    /// Scans every page of `data` (each rendered once, streamed) and compares each signed QR with its document.
    /// - Parameter thumbnailWidth: also keep each page reduced to this width (the desk's previews).
    public func scan(_ data: Data, thumbnailWidth: Int? = nil) throws(RasterError) -> [PageResult] {
        // zbar is opened on first use: without it every page would read as "no QR".
        do { try QRDecoder.requireLibrary() } catch { throw RasterError(.decoderFailed, error.reason) }
        var results: [PageResult] = []
        var seenTokens = Set<String>()
        var recognition = PrintedTextRecognition(mode: ocr, options: ocrOptions, limits: limits)
        // Pages arrive one at a time (never the whole file in memory); what was not read comes back as notes.
        let notes = try RasterLoader.forEachPage(data, dpi: dpi, limits: limits) { page in
            let read = scanner.scan(page.image)
            var codes: [ScannedCode] = []
            for symbol in read.symbols {
                // A PDF page and the image embedded in it often show the same QR once each.
                guard seenTokens.insert("\(page.pageNumber ?? 0):\(symbol.text)").inserted else { continue }
                codes.append(analyse(symbol))
            }
            let isEmbedded = if case .pdfImage = page.origin { true } else { false }
            if isEmbedded && codes.isEmpty { return }
            let thumbnail = isEmbedded ? nil : thumbnailWidth.map { width in
                page.image.width > width ? page.image.resized(by: Double(width) / Double(page.image.width)) : page.image
            }
            var result = PageResult(
                label: page.label, pageNumber: page.pageNumber, width: page.image.width, height: page.image.height, codes: codes,
                step: read.step, hasText: !page.words.isEmpty, note: codes.isEmpty ? noQRNote(page) : nil,
                words: page.words, thumbnail: thumbnail, isEmbeddedImage: isEmbedded)
            if !isEmbedded { recognition.read(page, into: &result) }
            results.append(result)
        }
        DocumentSplitter.compareEachQRWithItsDocument(&results)
        // Pages not read (budgets, limits) come last, each with its reason.
        for note in notes {
            results.append(PageResult(label: note.label, pageNumber: note.pages?.lowerBound, width: 0, height: 0, codes: [],
                                      step: "not read", hasText: false, note: [note.label, note.message].filter { !$0.isEmpty }.joined(separator: ": ")))
        }
        return results
    }

    func analyse(_ symbol: DecodedSymbol) -> ScannedCode {
        let kind = ScannedCode.classify(symbol.text)
        var code = ScannedCode(kind: kind, text: symbol.text, box: symbol.bounds)
        code.corners = symbol.points
        switch kind {
        case .irp: code.verification = verifier.verify(token: symbol.text)
        case .upi: code.upi = UPIPayment(symbol.text)
        case .other: break
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
