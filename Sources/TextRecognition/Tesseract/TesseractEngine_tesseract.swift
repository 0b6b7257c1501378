internal import CTesseract
import Foundation
import PrintedText
import EInvoiceBasics

/// One word as Tesseract read it, in the pixels of the image it was given.
struct RecognizedWord {
    var text: String
    var box: WordBox
    /// Tesseract's word confidence, 0…100.
    var confidence: Double
}

/// What one recognition pass returned.
struct RecognizedPage {
    var words: [RecognizedWord]
    /// The angle (radians) Tesseract measured the text lines to lean by; 0 when it found no lines.
    var deskewAngle: Double
}

/// A Tesseract instance (`TessBaseAPI`), owned: `init` creates and loads the language data,
/// `deinit` ends and frees it. Not thread-safe, so not `Sendable`: one per reading.
final class TesseractEngine {
    private let handle: OpaquePointer
    /// Tesseract's functions, from the library opened on first use.
    private let tess: einv_tesseract

    /// How Tesseract should segment what it is given.
    enum Segmentation {
        /// A whole page: find blocks, columns and lines first (`PSM_AUTO`).
        case page
        /// A cut-out region: one block of lines (`PSM_SINGLE_BLOCK`).
        case block
        /// One word or a few on one line (`PSM_SINGLE_LINE`).
        case line

        fileprivate var mode: TessPageSegMode {
            switch self {
            case .page: PSM_AUTO
            case .block: PSM_SINGLE_BLOCK
            case .line: PSM_SINGLE_LINE
            }
        }
    }

    /// Loads `languages` (Tesseract's `eng`, `eng+hin`) from the system's tessdata, or from
    /// `TESSDATA_PREFIX` when set.
    init(languages: String) throws(OCRError) {
        let tess = try TesseractLibrary.load()
        guard let handle = tess.TessBaseAPICreate() else {
            throw OCRError(.unavailable, "Tesseract could not be started")
        }
        // Warnings go nowhere: results and failures are reported through return values.
        _ = tess.TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        let status = tess.TessBaseAPIInit3(handle, nil, languages)
        do throws(OCRError) {
            try Self.check(status, "loading the \(languages) language data (Debian: tesseract-ocr-eng, tesseract-ocr-hin)",
                           code: .unavailable)
        } catch {
            tess.TessBaseAPIDelete(handle)
            throw error
        }
        self.handle = handle
        self.tess = tess
        // Printed invoices are dark on light; trying every weak line inverted costs a third of the time.
        _ = tess.TessBaseAPISetVariable(handle, "tessedit_do_invert", "0")
    }

    deinit {
        tess.TessBaseAPIEnd(handle)
        tess.TessBaseAPIDelete(handle)
    }

    /// Reads the words of `image` (its pixels scanned at `resolution` DPI) before `deadline`.
    /// Tesseract copies the pixels, so they need to live only for the call.
    func read(_ image: GreyImage, resolution: Int, segmentation: Segmentation,
              deadline: ContinuousClock.Instant) throws(OCRError) -> RecognizedPage {
        let milliseconds = Self.milliseconds(until: deadline)
        guard milliseconds > 0, image.width > 0, image.height > 0 else {
            throw OCRError(.timeLimit, "no time was left to read the page")
        }
        image.pixels.withUnsafeBufferPointer {
            tess.TessBaseAPISetImage(handle, $0.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        tess.TessBaseAPISetSourceResolution(handle, Int32(max(70, min(resolution, 2400))))
        tess.TessBaseAPISetPageSegMode(handle, segmentation.mode)
        defer { tess.TessBaseAPIClear(handle) }
        guard let monitor = tess.TessMonitorCreate() else { throw OCRError(.recognitionFailed, "Tesseract's monitor could not be made") }
        defer { tess.TessMonitorDelete(monitor) }
        tess.TessMonitorSetDeadlineMSecs(monitor, Int32(min(milliseconds, Int(Int32.max))))
        let status = tess.TessBaseAPIRecognize(handle, monitor)
        if status != 0, ContinuousClock.now >= deadline {
            throw OCRError(.timeLimit, "the time for reading the page was spent")
        }
        try Self.check(status, "recognising the page", code: .recognitionFailed)
        return collect()
    }

    /// Copies every word, its box and confidence out of Tesseract's result iterator, walking it
    /// symbol by symbol. A word's confidence is its letters' and digits' lowest: Tesseract's own
    /// word confidence drops to 0 when it leaves out a glyph it could not place (a `₹` before an
    /// amount) even though every character it kept is read at 99.
    private func collect() -> RecognizedPage {
        guard let iterator = tess.TessBaseAPIGetIterator(handle) else { return RecognizedPage(words: [], deskewAngle: 0) }
        defer { tess.TessResultIteratorDelete(iterator) }
        let page = tess.TessResultIteratorGetPageIterator(iterator)
        var orientation = ORIENTATION_PAGE_UP, direction = WRITING_DIRECTION_LEFT_TO_RIGHT
        var order = TEXTLINE_ORDER_TOP_TO_BOTTOM, angle: Float = 0
        tess.TessPageIteratorOrientation(page, &orientation, &direction, &order, &angle)
        var words: [RecognizedWord] = []
        var current: RecognizedWord?
        var lowest = Double.infinity
        func finish() {
            if var word = current, !word.text.isEmpty {
                if lowest.isFinite { word.confidence = lowest }
                words.append(word)
            }
            current = nil
            lowest = .infinity
        }
        repeat {
            if tess.TessPageIteratorIsAtBeginningOf(page, RIL_WORD) != 0 {
                finish()
                var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
                if let text = tess.TessResultIteratorGetUTF8Text(iterator, RIL_WORD),
                   tess.TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 {
                    current = RecognizedWord(text: String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines),
                                             box: WordBox(minX: Double(left), minY: Double(top), maxX: Double(right), maxY: Double(bottom)),
                                             confidence: Double(tess.TessResultIteratorConfidence(iterator, RIL_WORD)))
                    tess.TessDeleteText(text)
                }
            }
            if current != nil, let symbol = tess.TessResultIteratorGetUTF8Text(iterator, RIL_SYMBOL) {
                if String(cString: symbol).contains(where: { $0.isLetter || $0.isNumber }) {
                    lowest = min(lowest, Double(tess.TessResultIteratorConfidence(iterator, RIL_SYMBOL)))
                }
                tess.TessDeleteText(symbol)
            }
        } while tess.TessResultIteratorNext(iterator, RIL_SYMBOL) != 0
        finish()
        return RecognizedPage(words: words, deskewAngle: Double(angle))
    }

    /// Tesseract's one error convention, a status that is 0 on success and -1 otherwise,
    /// translated here and only here.
    private static func check(_ status: Int32, _ what: String, code: OCRError.Code) throws(OCRError) {
        guard status != 0 else { return }
        throw OCRError(code, "Tesseract failed \(what) (status \(status))")
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int {
        let left = ContinuousClock.now.duration(to: deadline).components
        return Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
    }
}

@available(*, unavailable)
extension TesseractEngine: Sendable {}
