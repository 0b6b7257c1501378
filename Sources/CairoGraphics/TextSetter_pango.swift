internal import CCairo
import Foundation

/// Measures and draws text with Pango; the same code path for both, so layout and page agree.
public struct TextSetter {
    public enum Alignment { case leading, center, trailing }

    /// What to set: a Pango font description string (`"Noto Sans Bold 8"`), with tabular digits.
    public struct Font: Hashable {
        public var description: String
        public var tabularFigures: Bool
        public init(description: String, tabularFigures: Bool = true) {
            self.description = description
            self.tabularFigures = tabularFigures
        }
    }

    public let fonts: FontSystem

    public init(fonts: FontSystem) { self.fonts = fonts }

    /// Width, height and line count of `text`, wrapped at `width` points when given.
    public func measure(_ text: String, font: Font, width: Double?) -> (width: Double, height: Double, lines: Int) {
        guard let layout = prepared(text, font: font, width: width, alignment: .leading, keep: true) else { return (0, 0, 0) }
        var logical = PangoRectangle()
        graphics.pango_layout_get_extents(layout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return (Double(logical.width) / scale, Double(logical.height) / scale, Int(graphics.pango_layout_get_line_count(layout)))
    }

    /// Draws `text` with its top-left at (x, y) in `context`'s current colour.
    public func draw(_ text: String, font: Font, x: Double, y: Double, width: Double?, alignment: Alignment,
                     in context: GraphicsContext) {
        guard let layout = prepared(text, font: font, width: width, alignment: alignment, keep: false) else { return }
        graphics.cairo_move_to(context.pointer, x, y)
        graphics.pango_cairo_show_layout(context.pointer, layout)
    }

    private func prepared(_ text: String, font: Font, width: Double?, alignment: Alignment, keep: Bool) -> OpaquePointer? {
        let pangoAlignment = switch alignment {
        case .leading: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .trailing: PANGO_ALIGN_RIGHT
        }
        return fonts.shapedLayout(text: text, font: font.description, tabularFigures: font.tabularFigures,
                                  width: width.map { Int32(($0 * Double(PANGO_SCALE)).rounded(.down)) } ?? -1, alignment: pangoAlignment,
                                  keep: keep)
    }
}
