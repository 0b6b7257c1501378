import Foundation
public import PrintedText
import EInvoiceBasics
import RasterIO
import TextRecognition

/// When the printed values of page images are read by OCR, to compare them with a signed QR.
public enum OCRMode: String, Sendable, CaseIterable, Codable {
    /// Pages without a text layer: scans, photos, image-only PDFs.
    case auto
    /// Every page, also those with a text layer (whose words OCR's then replace).
    case on
    /// Never: pages without text say their printed values were not compared.
    case off
}

/// OCR of the pages of one scanned file, spent only where it can matter: pages of a document
/// that has a signed QR (the QR's page and the pages after it), within a share of the file's
/// time budget so that OCR never costs the QR reading of later pages.
///
/// With ``RasterLimits/isolation`` Tesseract runs in a child process, like the decoders (see
/// `DecoderIsolation.recognize`); without, in this process, with a deadline it checks word by word.
struct PrintedTextRecognition {
    let mode: OCRMode
    let options: PageTextReader.Options
    /// OCR stops after this: the rest of the file's budget stays for reading QR codes.
    let deadline: ContinuousClock.Instant
    let budgetSeconds: Double
    /// Set: Tesseract runs in a child process, as the decoders do.
    let isolation: DecoderIsolation?
    private var reader: PageTextReader?
    private var unavailable: String?
    private var documentHasSignedQR = false
    /// Which way up the document's pages lie: its signed QR's orientation, kept for the pages after it.
    private var documentOrientation = PageOrientation.upright

    /// Share of the file's time budget that OCR may use.
    static let budgetShare = 0.7

    init(mode: OCRMode, options: PageTextReader.Options, limits: RasterLimits, start: ContinuousClock.Instant = .now) {
        self.mode = mode
        self.options = options
        isolation = limits.isolation
        budgetSeconds = limits.maxSeconds * Self.budgetShare
        deadline = start.advanced(by: .milliseconds(Int(budgetSeconds * 1000)))
    }

    /// Reads the page's words by OCR into `result` when the mode and the file call for it.
    mutating func read(_ page: RasterPage, into result: inout InvoiceScanner.PageResult) {
        documentHasSignedQR = documentHasSignedQR || result.codes.contains { $0.kind == .irp }
        guard documentHasSignedQR, mode == .on || (mode == .auto && page.words.isEmpty) else { return }
        if let unavailable {
            result.ocrNote = "printed values not read by OCR: \(unavailable)"
            return
        }
        guard ContinuousClock.now < deadline else {
            result.ocrNote = "printed values not read by OCR: the \(String(format: "%.1f", budgetSeconds)) s of the file's time "
                + "budget allowed for OCR were spent on earlier pages (--max-seconds)"
            return
        }
        let dpi: Double? = if case .pdfPage(_, let dpi) = page.origin { dpi } else { nil }
        let signed = result.codes.filter { $0.kind == .irp }
        if !signed.isEmpty {
            documentOrientation = signed.lazy.compactMap { PageOrientation(qrCorners: $0.corners.map { (x: Double($0.x), y: Double($0.y)) }) }
                .first ?? .upright
        }
        let (image, map) = PagePreparation.turned(page.image, documentOrientation)
        let blank = result.codes.map { code in
            let margin = Double(code.box.width) / 10
            return PagePreparation.mapped(WordBox(x: Double(code.box.x) - margin, y: Double(code.box.y) - margin,
                                                  width: Double(code.box.width) + 2 * margin, height: Double(code.box.height) + 2 * margin), map)
        }
        if let isolation {
            do throws(RasterError) {
                let reading = try isolation.recognize(image, page: page.pageNumber ?? 1, dpi: dpi, blank: blank, options: options,
                                                      deadline: deadline)
                record(reading, into: &result)
            } catch {
                if error.reason.contains("language data") { unavailable = error.reason }
                result.ocrNote = "printed values not read by OCR: \(error.reason)"
            }
            return
        }
        do throws(OCRError) {
            if self.reader == nil { self.reader = try PageTextReader(options: options) }
            guard let reader else { return }
            let reading = try reader.read(image, page: page.pageNumber ?? 1, dpi: dpi, blank: blank, deadline: deadline)
            record(reading, into: &result)
        } catch where error.code == .unavailable {
            unavailable = error.reason
            result.ocrNote = "printed values not read by OCR: \(error.reason)"
        } catch {
            result.ocrNote = "printed values not read by OCR: \(error.reason)"
        }
    }

    private func record(_ reading: PageTextReader.Reading, into result: inout InvoiceScanner.PageResult) {
        result.words = reading.words
        result.wordsByOCR = true
        result.ocrMilliseconds = reading.milliseconds
        if reading.incomplete {
            result.ocrNote = "OCR read only part of the page before its time ran out (--max-seconds): values not read are \"not found\""
        }
    }
}
