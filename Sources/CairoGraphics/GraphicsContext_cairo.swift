internal import CCairo
import Foundation

/// A drawing context on a ``Surface`` (keeps the surface alive).
public final class GraphicsContext {
    let pointer: OpaquePointer
    public let surface: Surface

    public init(surface: Surface) throws(CairoError) {
        guard let context = graphics.cairo_create(surface.pointer) else { throw CairoError("cairo_create returned NULL") }
        do {
            try CairoError.check(graphics.cairo_status(context), "creating a drawing context")
        } catch {
            graphics.cairo_destroy(context)
            throw error
        }
        self.pointer = context
        self.surface = surface
    }

    deinit { graphics.cairo_destroy(pointer) }

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

    public func setColor(red: Double, green: Double, blue: Double) { graphics.cairo_set_source_rgb(pointer, red, green, blue) }

    public func fillRectangle(x: Double, y: Double, width: Double, height: Double) {
        graphics.cairo_rectangle(pointer, x, y, width, height)
        graphics.cairo_fill(pointer)
    }

    public func strokeRectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double) {
        graphics.cairo_set_line_width(pointer, lineWidth)
        graphics.cairo_rectangle(pointer, x, y, width, height)
        graphics.cairo_stroke(pointer)
    }

    public func line(from: (Double, Double), to: (Double, Double), width: Double) {
        graphics.cairo_set_line_width(pointer, width)
        graphics.cairo_move_to(pointer, from.0, from.1)
        graphics.cairo_line_to(pointer, to.0, to.1)
        graphics.cairo_stroke(pointer)
    }

    /// Adds a rectangle to the current path (QR modules are collected, then filled at once).
    public func addRectangle(x: Double, y: Double, width: Double, height: Double) {
        graphics.cairo_rectangle(pointer, x, y, width, height)
    }

    public func fill() { graphics.cairo_fill(pointer) }

    /// Runs `body` with the state saved, restoring it after (transformations, colours).
    public func withSavedState(_ body: () throws -> Void) rethrows {
        graphics.cairo_save(pointer)
        defer { graphics.cairo_restore(pointer) }
        try body()
    }

    public func translate(x: Double, y: Double) { graphics.cairo_translate(pointer, x, y) }
    public func rotate(degrees: Double) { graphics.cairo_rotate(pointer, degrees * .pi / 180) }
    public func scale(_ factor: Double) { graphics.cairo_scale(pointer, factor, factor) }

    /// Fills the dark cells of a `gridSize` × `gridSize` grid, a cell `cellSize` points square, with
    /// the grid's top left at (x, y), as one 1-bit stencil image scaled without interpolation.
    ///
    /// In a PDF this is an `/ImageMask` of a few kilobytes deflated, where vector cells cost
    /// thousands of printed coordinates — the largest share of a page's drawing time (a QR alone
    /// took 6.8 ms to write as vectors, 0.2 ms as a mask). Each cell is `pixelsPerCell` source
    /// pixels square, so a viewer that smooths images anyway (pdfium does, despite
    /// `/Interpolate false`) blurs only half a cell's edge, and a printer or poppler at any
    /// resolution draws every edge where the grid puts it. Measured on a 113-module QR: zbar reads
    /// pdfium's page from 100 DPI (vectors: 120) and poppler's from 100 DPI (vectors: 90); with one
    /// pixel per cell pdfium's smoothing hid it below 200 DPI.
    public func fillCellMask(gridSize: Int, pixelsPerCell: Int = 2, x: Double, y: Double, cellSize: Double,
                             isDark: (_ row: Int, _ column: Int) -> Bool) throws(CairoError) {
        let side = gridSize * pixelsPerCell
        guard let mask = graphics.cairo_image_surface_create(CAIRO_FORMAT_A1, Int32(side), Int32(side)) else {
            throw CairoError("cairo_image_surface_create returned NULL")
        }
        defer { graphics.cairo_surface_destroy(mask) }
        try CairoError.check(graphics.cairo_surface_status(mask), "creating a \(side)×\(side) cell mask")
        graphics.cairo_surface_flush(mask)
        let wordsPerRow = Int(graphics.cairo_image_surface_get_stride(mask)) / 4
        guard let data = graphics.cairo_image_surface_get_data(mask) else { throw CairoError("cell mask has no pixels") }
        data.withMemoryRebound(to: UInt32.self, capacity: wordsPerRow * side) { words in
            for row in 0..<gridSize {
                let firstLine = row * pixelsPerCell * wordsPerRow
                for column in 0..<gridSize where isDark(row, column) {
                    for pixel in column * pixelsPerCell..<(column + 1) * pixelsPerCell {
                        words[firstLine + pixel / 32] |= Self.a1Bit(pixel % 32)
                    }
                }
                // The cell's other pixel lines repeat its first.
                for line in 1..<pixelsPerCell {
                    (words + firstLine + line * wordsPerRow).update(from: words + firstLine, count: wordsPerRow)
                }
            }
        }
        graphics.cairo_surface_mark_dirty(mask)
        guard let pattern = graphics.cairo_pattern_create_for_surface(mask) else {
            throw CairoError("cairo_pattern_create_for_surface returned NULL")
        }
        defer { graphics.cairo_pattern_destroy(pattern) }
        graphics.cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        graphics.cairo_save(pointer)
        graphics.cairo_translate(pointer, x, y)
        graphics.cairo_scale(pointer, cellSize / Double(pixelsPerCell), cellSize / Double(pixelsPerCell))
        graphics.cairo_mask(pointer, pattern)
        graphics.cairo_restore(pointer)
        try CairoError.check(graphics.cairo_status(pointer), "filling the cell mask")
    }

    /// The bit of A1 pixel `index` (0–31) in its native-endian 32-bit word: pixman keeps the first
    /// pixel in the lowest bit on little-endian machines and in the highest on big-endian ones.
    private static func a1Bit(_ index: Int) -> UInt32 {
        #if _endian(big)
        UInt32(1) << UInt32(31 - index)
        #else
        UInt32(1) << UInt32(index)
        #endif
    }

    /// Ends the page (PDF) and starts the next.
    public func showPage() { graphics.cairo_show_page(pointer) }

    public func status() throws(CairoError) { try CairoError.check(graphics.cairo_status(pointer), "drawing") }
}

@available(*, unavailable)
extension GraphicsContext: Sendable {}
