/// How a run of text is set: family, size, weight and colour.
public struct TextStyle: Sendable, Hashable {
    public enum Family: String, Sendable, Hashable {
        /// Proportional text (Noto Sans, with Indian-script fallbacks).
        case sans
        /// Identifiers such as the IRN (Noto Sans Mono).
        case mono
    }

    public var family: Family
    public var size: Points
    public var bold: Bool
    public var color: Color

    public init(family: Family = .sans, size: Points, bold: Bool = false, color: Color = .black) {
        self.family = family
        self.size = size
        self.bold = bold
        self.color = color
    }

    public func bold(_ on: Bool = true) -> TextStyle {
        var copy = self
        copy.bold = on
        return copy
    }

    public func sized(_ size: Points) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }

    public func colored(_ color: Color) -> TextStyle {
        var copy = self
        copy.color = color
        return copy
    }
}

/// Horizontal alignment of text within its box.
public enum TextAlignment: Sendable, Hashable {
    case leading, center, trailing
}
