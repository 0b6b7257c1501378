import Foundation
public import PrintedText
public import EInvoiceBasics

/// Reads the printed words of a page image (a scan, a photo, a PDF page without text) with
/// Tesseract, in the shape ``PrintedValueReader`` reads a text layer in, so that one label reader
/// serves both.
///
/// Time goes where the compared values are. An overview pass reads the whole page at about
/// 150 DPI, enough to find the labels ("Grand Total", "Invoice No", "GSTIN", …); then the regions
/// beside and below those labels, and any GSTIN-like word, are read again closer (about
/// 300 DPI). A value counts as certainly read only when both reads agree on it, word for word,
/// with good confidence and a consistent structure (a GSTIN's check character, an amount's
/// grouping); anything else may still match the signed value but is never reported as
/// differing from it (``PositionedWord/isCertain``).
public final class PageTextReader {
    public struct Options: Sendable, Codable {
        /// Tesseract languages (`eng`; `eng+hin` also reads Hindi labels at about three times the cost).
        public var languages = "eng"
        /// Resolution of the overview pass (finding labels).
        public var overviewDPI = 150.0
        /// Resolution of the close reads of the regions near labels.
        public var closeDPI = 300.0
        /// Tesseract's word confidence (0–100) the close read needs before a value counts as certain.
        public var certainConfidence = 60.0
        /// The confidence the overview's agreeing read needs (it is made at half the resolution).
        public var overviewConfidence = 25.0

        public init() {}
    }

    /// What was read on one page.
    public struct Reading: Sendable {
        /// The words, in the page image's pixels, with their confidence.
        public var words: [PositionedWord]
        /// Regions read closely.
        public var regions: Int
        /// Wall-clock time of the whole reading.
        public var milliseconds: Double
        /// The time ran out before every region was read closely.
        public var incomplete: Bool

        public init(words: [PositionedWord], regions: Int, milliseconds: Double, incomplete: Bool) {
            self.words = words
            self.regions = regions
            self.milliseconds = milliseconds
            self.incomplete = incomplete
        }
    }

    public let options: Options
    private let engine: TesseractEngine

    /// Loads Tesseract with the languages of `options`.
    public init(options: Options = Options()) throws(OCRError) {
        self.options = options
        engine = try TesseractEngine(languages: options.languages)
    }

    /// Reads page `page` of a file from `image`, scanned at `dpi` (`nil`: unknown, as for a photo;
    /// then it is estimated from the page's width), before `deadline`. Areas in `blank` (the QR
    /// codes) are not read.
    public func read(_ image: GreyImage, page: Int, dpi: Double?, blank: [WordBox] = [],
                     deadline: ContinuousClock.Instant) throws(OCRError) -> Reading {
        let start = ContinuousClock.now
        let blanked = Self.blanking(blank, in: image)
        let image = PagePreparation.evenedLight(blanked) ?? blanked
        let dpi = Self.resolution(of: image, given: dpi)
        let overviewScale = min(1, options.overviewDPI / dpi)
        let overviewImage = overviewScale < 0.95 ? image.resized(by: overviewScale) : image
        let overview = try engine.read(overviewImage, resolution: Int(dpi * overviewScale), segmentation: .page, deadline: deadline)
        let back = Double(image.width) / Double(overviewImage.width)
        let overviewWords = OCRCorrection.tidied(overview.words.map { $0.scaled(by: back, offsetX: 0, offsetY: 0) })

        let regions = RegionPlanner.regions(around: overviewWords, page: page, width: image.width, height: image.height)
        let closeScale = min(2.5, max(0.5, options.closeDPI / dpi))
        var close: [(word: RecognizedWord, region: Int)] = []
        var incomplete = false
        for (index, region) in regions.enumerated() {
            let x = Int(region.minX), y = Int(region.minY)
            let crop = image.cropped(x: x, y: y, width: Int(region.width), height: Int(region.height))
            let scaled = abs(closeScale - 1) < 0.05 ? crop : crop.resized(by: closeScale)
            do {
                let read = try engine.read(scaled, resolution: Int(dpi * closeScale), segmentation: .block, deadline: deadline)
                let factor = Double(crop.width) / Double(scaled.width)
                close += OCRCorrection.tidied(read.words.map { $0.scaled(by: factor, offsetX: Double(x), offsetY: Double(y)) })
                    .map { ($0, index) }
            } catch where error.code == .timeLimit {
                incomplete = true
                break
            }
        }
        let words = agreed(close: close.map(\.word), overview: overviewWords, regions: regions, page: page) { word in
            self.reread(word, in: image, dpi: dpi, deadline: deadline)
        }
        let rotated = Self.levelled(words, angle: overview.deskewAngle, width: image.width, height: image.height)
        return Reading(words: rotated, regions: regions.count, milliseconds: start.duration(to: .now).milliseconds, incomplete: incomplete)
    }

    /// The close reads, each as certain as its agreement with the overview allows, and the overview's
    /// words outside every region (read once, at low resolution: never certain).
    ///
    /// When a close read is a GSTIN whose check character holds, read with good confidence, and the
    /// overview's half-resolution read of it differs, `reread` reads the word a third time at yet
    /// another resolution; that read, agreeing exactly and as confident as a close read, stands in
    /// for the overview's. Two agreeing reads are still needed.
    func agreed(close: [RecognizedWord], overview: [RecognizedWord], regions: [WordBox], page: Int,
                reread: (RecognizedWord) -> RecognizedWord? = { _ in nil }) -> [PositionedWord] {
        let uncertain = PositionedWord.certain / 2
        var words: [PositionedWord] = []
        for word in close {
            let corrected = OCRCorrection.corrected(word.text)
            let key = OCRCorrection.agreementKey(corrected.text)
            let twin = overview.filter { $0.box.overlapRatio(with: word.box) >= 0.3 }
                .max { $0.box.overlapRatio(with: word.box) < $1.box.overlapRatio(with: word.box) }
            var agrees = twin.map { OCRCorrection.agreementKey(OCRCorrection.corrected($0.text).text) == key } ?? false
            var twinConfidence = twin?.confidence ?? 0
            if !agrees, corrected.trustworthy, word.confidence >= options.certainConfidence, OCRCorrection.isSelfChecking(corrected.text),
               let third = reread(word), OCRCorrection.agreementKey(OCRCorrection.corrected(third.text).text) == key,
               third.confidence >= options.certainConfidence {
                agrees = true
                twinConfidence = third.confidence
            }
            let certain = agrees && corrected.trustworthy && word.confidence >= options.certainConfidence
                && twinConfidence >= options.overviewConfidence
            words.append(PositionedWord(text: corrected.text, box: word.box, page: page,
                                        confidence: certain ? max(PositionedWord.certain, word.confidence / 100) : min(uncertain, word.confidence / 100)))
        }
        for word in overview where !regions.contains(where: { $0.contains(x: word.box.midX, y: word.box.midY) }) {
            words.append(PositionedWord(text: OCRCorrection.corrected(word.text).text, box: word.box, page: page,
                                        confidence: min(uncertain, word.confidence / 100)))
        }
        return words
    }

    /// The word read once more, alone on its line, at about 400 DPI (the close read is at 300, the
    /// overview at 150): the read nearest its box, in the page's pixels; `nil` when nothing was
    /// read there or no time is left.
    func reread(_ word: RecognizedWord, in image: GreyImage, dpi: Double, deadline: ContinuousClock.Instant) -> RecognizedWord? {
        let h = word.box.height
        guard let area = WordBox(minX: word.box.minX - 0.6 * h, minY: word.box.minY - 0.4 * h, maxX: word.box.maxX + 0.6 * h,
                                 maxY: word.box.maxY + 0.4 * h).clipped(to: WordBox(minX: 0, minY: 0, maxX: Double(image.width), maxY: Double(image.height)))
        else { return nil }
        let crop = image.cropped(x: Int(area.minX), y: Int(area.minY), width: Int(area.width), height: Int(area.height))
        let scale = min(3, max(0.75, 400 / dpi))
        let scaled = crop.resized(by: scale)
        do throws(OCRError) {
            let read = try engine.read(scaled, resolution: Int(dpi * scale), segmentation: .line, deadline: deadline)
            let factor = Double(crop.width) / Double(scaled.width)
            return OCRCorrection.tidied(read.words.map { $0.scaled(by: factor, offsetX: area.minX, offsetY: area.minY) })
                .max { $0.box.overlapRatio(with: word.box) < $1.box.overlapRatio(with: word.box) }
        } catch {
            return nil
        }
    }

    /// The page's resolution: as given, or estimated from its narrower side taken as A4's 8.27 inches.
    static func resolution(of image: GreyImage, given dpi: Double?) -> Double {
        let estimate = dpi ?? Double(min(image.width, image.height)) / 8.27
        return max(72, min(1200, estimate))
    }

    /// The image with `areas` painted white (a QR read as text is only noise and time).
    static func blanking(_ areas: [WordBox], in image: GreyImage) -> GreyImage {
        guard !areas.isEmpty else { return image }
        var copy = image
        for area in areas {
            let x0 = max(0, Int(area.minX)), x1 = min(image.width, Int(area.maxX.rounded(.up)))
            let y0 = max(0, Int(area.minY)), y1 = min(image.height, Int(area.maxY.rounded(.up)))
            guard x0 < x1, y0 < y1 else { continue }
            for row in y0..<y1 { copy.pixels.replaceSubrange((row * image.width + x0)..<(row * image.width + x1), with: repeatElement(255, count: x1 - x0)) }
        }
        return copy
    }

    /// The words with their boxes turned about the page's centre by the lean Tesseract measured,
    /// so that the words of one printed line share a line for the label reader on a skewed scan.
    static func levelled(_ words: [PositionedWord], angle: Double, width: Int, height: Int) -> [PositionedWord] {
        guard abs(angle) > 0.002 else { return words }
        let cx = Double(width) / 2, cy = Double(height) / 2, c = cos(angle), s = sin(angle)
        return words.map { word in
            var word = word
            let x = word.box.midX - cx, y = word.box.midY - cy
            let mx = cx + x * c - y * s, my = cy + x * s + y * c
            word.box = WordBox(x: mx - word.box.width / 2, y: my - word.box.height / 2, width: word.box.width, height: word.box.height)
            return word
        }
    }
}

@available(*, unavailable)
extension PageTextReader: Sendable {}

extension RecognizedWord {
    /// The word in the coordinates of the image a cut-out or reduced copy was taken from.
    func scaled(by factor: Double, offsetX: Double, offsetY: Double) -> RecognizedWord {
        RecognizedWord(text: text, box: WordBox(minX: box.minX * factor + offsetX, minY: box.minY * factor + offsetY,
                                                maxX: box.maxX * factor + offsetX, maxY: box.maxY * factor + offsetY),
                       confidence: confidence)
    }
}

extension WordBox {
    /// The shared area over the smaller box's area (0 when apart).
    func overlapRatio(with other: WordBox) -> Double {
        let width = min(maxX, other.maxX) - max(minX, other.minX), height = min(maxY, other.maxY) - max(minY, other.minY)
        guard width > 0, height > 0 else { return 0 }
        return width * height / max(1, min(self.width * self.height, other.width * other.height))
    }

    func contains(x: Double, y: Double) -> Bool { (minX...maxX).contains(x) && (minY...maxY).contains(y) }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
