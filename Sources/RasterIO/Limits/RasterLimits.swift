public import EInvoiceBasics

/// The ``ImageLimits`` of one file, and how its C decoders are run.
///
/// Reads and writes the limits by their own names (`limits.maxPixels`), so callers need not know
/// the limits live in the C-free floor.
@dynamicMemberLookup
public struct RasterLimits: Sendable {
    /// Pixels, pages, seconds and the rest (see ``ImageLimits``).
    public var image = ImageLimits()
    /// When set, the C decoders (poppler, libtiff, libjpeg, libpng) run in a child process with
    /// these resource limits, so a hang or a crash ends the file with an error and nothing else.
    public var isolation: DecoderIsolation?

    public init() {}

    public subscript<Value>(dynamicMember path: WritableKeyPath<ImageLimits, Value>) -> Value {
        get { image[keyPath: path] }
        set { image[keyPath: path] = newValue }
    }
}
