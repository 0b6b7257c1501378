internal import CCairo

/// A PNG decoded once into a Cairo image surface, drawn as often as needed.
///
/// Templates draw the same logo and signature on every invoice; decoding them per invoice
/// would be a per-invoice cost that a batch does not need to pay. Not `Sendable`.
public final class PNGImage {
    let surface: OpaquePointer
    public let width: Int
    public let height: Int

    /// Decodes the PNG at `path`; a missing or broken file is an error naming it.
    public init(path: String) throws(CairoError) {
        try GraphicsLibrary.require()
        guard let image = graphics.cairo_image_surface_create_from_png(path) else { throw CairoError("\(path): cannot be read") }
        do {
            try CairoError.check(graphics.cairo_surface_status(image), "\(path): not a readable PNG")
        } catch {
            graphics.cairo_surface_destroy(image)
            throw error
        }
        width = Int(graphics.cairo_image_surface_get_width(image))
        height = Int(graphics.cairo_image_surface_get_height(image))
        guard width > 0, height > 0 else {
            graphics.cairo_surface_destroy(image)
            throw CairoError("\(path): the image is empty")
        }
        surface = image
    }

    deinit { graphics.cairo_surface_destroy(surface) }
}

@available(*, unavailable)
extension PNGImage: Sendable {}

extension GraphicsContext {
    /// Paints `image` scaled into the rectangle, keeping its aspect ratio.
    public func draw(_ image: PNGImage, x: Double, y: Double, width: Double, height: Double) {
        let factor = min(width / Double(image.width), height / Double(image.height))
        graphics.cairo_save(pointer)
        graphics.cairo_translate(pointer, x, y)
        graphics.cairo_scale(pointer, factor, factor)
        graphics.cairo_set_source_surface(pointer, image.surface, 0, 0)
        graphics.cairo_paint(pointer)
        graphics.cairo_restore(pointer)
    }
}
