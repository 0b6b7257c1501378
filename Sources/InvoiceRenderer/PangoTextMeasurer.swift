public import CairoGraphics
public import InvoiceLayout

/// ``TextMeasuring`` with Pango and the bundled fonts: what layout measures is what the PDF shows.
public final class PangoTextMeasurer: TextMeasuring {
    let setter: TextSetter
    let families: InvoiceTemplate.Fonts
    private var cache: [CacheKey: TextMeasurement] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var style: TextStyle
        var width: Points?
    }

    public init(fonts: FontSystem, families: InvoiceTemplate.Fonts = .bundled) {
        self.setter = TextSetter(fonts: fonts)
        self.families = families
    }

    public func measure(_ text: String, style: TextStyle, width: Points?) -> TextMeasurement {
        // Labels and short numbers repeat on every row; caching them saves most Pango calls.
        let key = CacheKey(text: text, style: style, width: width)
        if let cached = cache[key] { return cached }
        let size = setter.measure(text, font: Self.font(style, families: families), width: width)
        let result = TextMeasurement(width: size.width, height: size.height, lineCount: size.lines)
        if cache.count > 20_000 { cache.removeAll(keepingCapacity: true) }
        cache[key] = result
        return result
    }

    /// The Pango font description for a style, in the template's families.
    static func font(_ style: TextStyle, families: InvoiceTemplate.Fonts) -> TextSetter.Font {
        let family = style.family == .mono ? families.identifiers : families.text
        let size = (style.size * 100).rounded() / 100
        return TextSetter.Font(description: "\(family)\(style.bold ? " Bold" : "") \(size)", tabularFigures: style.family == .sans)
    }
}

@available(*, unavailable)
extension PangoTextMeasurer: Sendable {}
