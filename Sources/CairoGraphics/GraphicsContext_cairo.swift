internal import CCairo
import Foundation

/// A drawing context on a ``Surface`` (keeps the surface alive).
public final class GraphicsContext {
    let pointer: OpaquePointer
    public let surface: Surface

    public init(surface: Surface) throws(CairoError) {
        guard let context = cairo_create(surface.pointer) else { throw CairoError("cairo_create returned NULL") }
        do {
            try CairoError.check(cairo_status(context), "creating a drawing context")
        } catch {
            cairo_destroy(context)
            throw error
        }
        self.pointer = context
        self.surface = surface
    }

    deinit { cairo_destroy(pointer) }

    /// Lends the `cairo_t *` to C code that draws with Cairo itself (poppler's page renderer).
    ///
    /// The pointer is valid only inside `body` and must not be stored, destroyed or escaped: this
    /// context owns it and destroys it in `deinit`. Call ``status()`` afterwards to learn whether
    /// the borrowed drawing failed.
    public func withUnsafeCairoContext<Result, Failure: Error>(
        _ body: (OpaquePointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        defer { withExtendedLifetime(self) {} }
        return try body(pointer)
    }

    public func setColor(red: Double, green: Double, blue: Double) { cairo_set_source_rgb(pointer, red, green, blue) }

    public func fillRectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(pointer, x, y, width, height)
        cairo_fill(pointer)
    }

    public func strokeRectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double) {
        cairo_set_line_width(pointer, lineWidth)
        cairo_rectangle(pointer, x, y, width, height)
        cairo_stroke(pointer)
    }

    public func line(from: (Double, Double), to: (Double, Double), width: Double) {
        cairo_set_line_width(pointer, width)
        cairo_move_to(pointer, from.0, from.1)
        cairo_line_to(pointer, to.0, to.1)
        cairo_stroke(pointer)
    }

    /// Adds a rectangle to the current path (QR modules are collected, then filled at once).
    public func addRectangle(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(pointer, x, y, width, height)
    }

    public func fill() { cairo_fill(pointer) }

    /// Runs `body` with the state saved, restoring it after (transformations, colours).
    public func withSavedState(_ body: () throws -> Void) rethrows {
        cairo_save(pointer)
        defer { cairo_restore(pointer) }
        try body()
    }

    public func translate(x: Double, y: Double) { cairo_translate(pointer, x, y) }
    public func rotate(degrees: Double) { cairo_rotate(pointer, degrees * .pi / 180) }
    public func scale(_ factor: Double) { cairo_scale(pointer, factor, factor) }

    /// Fills unit squares given as rectangles in a grid of `gridSize` cells, scaled so a cell is
    /// `cellSize` points, with the grid's top left at (x, y).
    ///
    /// The cells are drawn on a recording surface in whole-number grid coordinates and painted
    /// scaled: the PDF gets one compact vector form (`12 5 3 1 re`), not thousands of transformed
    /// points — a QR symbol's content stream shrinks about ten times.
    public func fillCells(_ rectangles: [(x: Int, y: Int, width: Int, height: Int)], gridSize: Int,
                          x: Double, y: Double, cellSize: Double) throws(CairoError) {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: Double(gridSize), height: Double(gridSize))
        guard let recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else {
            throw CairoError("cairo_recording_surface_create returned NULL")
        }
        defer { cairo_surface_destroy(recording) }
        try CairoError.check(cairo_surface_status(recording), "creating a recording surface")
        guard let cells = cairo_create(recording) else { throw CairoError("cairo_create returned NULL") }
        defer { cairo_destroy(cells) }
        cairo_set_source_rgb(cells, 0, 0, 0)
        cairo_set_line_cap(cells, CAIRO_LINE_CAP_BUTT)
        // Each rectangle as one stroked line along its long side, as wide as its short side, with
        // butt caps: exactly the rectangle's area, with half the coordinates of a filled path.
        // Lines of one width share one stroke.
        var byWidth: [Int: [(x: Int, y: Int, width: Int, height: Int)]] = [:]
        for rect in rectangles { byWidth[min(rect.width, rect.height), default: []].append(rect) }
        for (lineWidth, group) in byWidth.sorted(by: { $0.key < $1.key }) {
            let half = Double(lineWidth) / 2
            for rect in group {
                if rect.width >= rect.height {
                    cairo_move_to(cells, Double(rect.x), Double(rect.y) + half)
                    cairo_line_to(cells, Double(rect.x + rect.width), Double(rect.y) + half)
                } else {
                    cairo_move_to(cells, Double(rect.x) + half, Double(rect.y))
                    cairo_line_to(cells, Double(rect.x) + half, Double(rect.y + rect.height))
                }
            }
            cairo_set_line_width(cells, Double(lineWidth))
            cairo_stroke(cells)
        }
        try CairoError.check(cairo_status(cells), "drawing cells")
        cairo_save(pointer)
        cairo_translate(pointer, x, y)
        cairo_scale(pointer, cellSize, cellSize)
        cairo_set_source_surface(pointer, recording, 0, 0)
        cairo_paint(pointer)
        cairo_restore(pointer)
    }

    /// Ends the page (PDF) and starts the next.
    public func showPage() { cairo_show_page(pointer) }

    public func status() throws(CairoError) { try CairoError.check(cairo_status(pointer), "drawing") }
}

@available(*, unavailable)
extension GraphicsContext: Sendable {}
