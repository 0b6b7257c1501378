/// Measures text for layout: the one question layout asks of the font system.
///
/// The renderer implements it with Pango (so measured and drawn text agree); tests use a
/// fixed-advance fake, so layout is testable without Cairo.
public protocol TextMeasuring {
    /// The size `text` takes in `style`, wrapped at word boundaries to `width` when given
    /// (a single line otherwise). `lineCount` is the number of lines after wrapping.
    func measure(_ text: String, style: TextStyle, width: Points?) -> TextMeasurement
}

public struct TextMeasurement: Sendable, Hashable {
    public var width: Points
    public var height: Points
    public var lineCount: Int

    public init(width: Points, height: Points, lineCount: Int) {
        self.width = width
        self.height = height
        self.lineCount = lineCount
    }
}

/// A measurer that gives every character the same advance: layout tests use it so positions can
/// be worked out by hand (advance = `advance × size`, line height = `lineHeight × size`).
public struct FixedAdvanceMeasurer: TextMeasuring, Sendable {
    public var advance: Double
    public var lineHeight: Double

    public init(advance: Double = 0.5, lineHeight: Double = 1.25) {
        self.advance = advance
        self.lineHeight = lineHeight
    }

    public func measure(_ text: String, style: TextStyle, width: Points?) -> TextMeasurement {
        let characterWidth = advance * style.size
        var lines: [Int] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let width else {
                lines.append(paragraph.count)
                continue
            }
            let perLine = max(1, Int((width / characterWidth).rounded(.down)))
            var current = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var length = word.count
                let needed = current == 0 ? length : current + 1 + length
                if needed <= perLine {
                    current = needed
                    continue
                }
                if current > 0 { lines.append(current) }
                // Words longer than a line are broken, as Pango's WORD_CHAR wrap does.
                while length > perLine {
                    lines.append(perLine)
                    length -= perLine
                }
                current = length
            }
            lines.append(current)
        }
        let widest = lines.max() ?? 0
        return TextMeasurement(width: Double(widest) * characterWidth,
                               height: Double(max(lines.count, 1)) * lineHeight * style.size,
                               lineCount: max(lines.count, 1))
    }
}
