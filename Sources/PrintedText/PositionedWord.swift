/// A word as printed on a page, with where it is: the only input the label reader needs.
///
/// PDF text layers (poppler), OCR engines and test tables all produce these, so the reader
/// works the same on a born-digital PDF and on a scan. Units are whatever the source uses
/// (PDF points, image pixels); the reader only compares sizes with the words' own heights.
public struct PositionedWord: Sendable, Hashable {
    /// The word exactly as printed (no spaces inside).
    public var text: String
    /// Its box on the page, origin top-left, y growing downwards.
    public var box: WordBox
    /// 1-based page number within the file.
    public var page: Int
    /// How sure the source is that `text` is exactly what is printed, 0…1; `nil` for a text
    /// layer, whose characters are the document's own. OCR sets it, and a value read with less
    /// than ``PositionedWord/certain`` may match the signed one but is never reported as differing.
    public var confidence: Double?

    public init(text: String, box: WordBox, page: Int, confidence: Double? = nil) {
        self.text = text
        self.box = box
        self.page = page
        self.confidence = confidence
    }

    /// The confidence from which an OCR read counts as what is printed (two agreeing reads, each
    /// word at least this sure).
    public static let certain = 0.7

    /// Whether the word can be taken as printed: from a text layer, or OCR at least ``certain``.
    public var isCertain: Bool { (confidence ?? 1) >= Self.certain }
}

/// An axis-aligned box, origin top-left.
public struct WordBox: Sendable, Hashable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = min(minX, maxX)
        self.minY = min(minY, maxY)
        self.maxX = max(minX, maxX)
        self.maxY = max(minY, maxY)
    }

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(minX: x, minY: y, maxX: x + width, maxY: y + height)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var midX: Double { (minX + maxX) / 2 }
    public var midY: Double { (minY + maxY) / 2 }

    /// The smallest box holding both.
    public func union(_ other: WordBox) -> WordBox {
        WordBox(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    /// Whether the two boxes share a text line: their vertical extents overlap by at least half
    /// the smaller height (a bold 11 pt amount beside a 9 pt label still counts).
    public func sharesLine(with other: WordBox) -> Bool {
        let overlap = min(maxY, other.maxY) - max(minY, other.minY)
        return overlap >= 0.5 * min(height, other.height)
    }

    /// Horizontal distance between the two boxes (0 when they overlap).
    public func horizontalGap(to other: WordBox) -> Double {
        max(0, max(minX, other.minX) - min(maxX, other.maxX))
    }
}
