/// Limits that keep one hostile image or document from exhausting memory or time.
///
/// Each limit is checked from the file's headers before any pixel is decoded where the format
/// allows it (PNG IHDR, JPEG SOF and scan count, TIFF directories, PDF page boxes and image
/// dictionaries), and the budgets are per **file**, not per image: a file of many pages that
/// are each under ``maxPixels`` still stops at ``maxFilePixels``. Pages past a budget are
/// reported as a note, never dropped silently.
///
/// Plain numbers, so that any module can state or check them and the decoder child receives
/// them as JSON; how the decoders are run (in process or isolated) is RasterIO's `RasterLimits`.
public struct ImageLimits: Sendable, Hashable, Codable {
    /// Largest single decoded image or rendered page, in pixels; 120 MP is a 600-DPI A3 scan with room to spare.
    public var maxPixels: Int = 120_000_000
    /// Pixels decoded for one file, all pages and embedded images together: 50 A4 pages at 300 DPI
    /// are 435 MP, so the default reads them all while 50 pages of 119 MP stop after four.
    public var maxFilePixels: Int = 500_000_000
    /// Pages read from a PDF or multi-page TIFF.
    public var maxPages: Int = 50
    /// Wall-clock seconds for one file; pages not reached by then are reported, and a decoder that
    /// is still running is stopped (see ``isolation``).
    public var maxSeconds: Double = 8
    /// Scans in one progressive JPEG; each scan is a full pass over the image, so thousands of tiny
    /// scans cost minutes of CPU. Encoders write about 10.
    public var maxJPEGScans: Int = 100
    /// Images embedded in one PDF page that are decoded on their own (besides the rendered page).
    public var maxImagesPerPage: Int = 8
    /// How deeply form XObjects may nest in a PDF; a document whose forms call each other in a
    /// fan-out (4 calls × 40 levels) would take longer than the age of the universe to draw.
    public var maxFormDepth: Int = 12

    public init() {}

    /// A pixel count as the `--max-*-megapixels` flags name it, for messages that tell the user how to raise one.
    public static func megapixels(_ pixels: Int) -> String { "\((pixels + 500_000) / 1_000_000) MP" }
}
