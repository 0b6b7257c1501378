public import EInvoiceBasics
import EInvoiceModel

/// One positioned thing on a page. The renderer is a single `switch` over these.
public enum LayoutItem: Sendable, Hashable {
    case text(TextRun)
    case rule(Rule)
    case box(Box)
    case qr(QRPlacement)
    case image(ImagePlacement)
    /// A mark drawn across the page (SANDBOX, CANCELLED, …), rotated by `angle` degrees.
    case watermark(Watermark)
}

/// Text set in `frame`: wrapped to `frame.width` when `wraps`, else one line.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var style: TextStyle
    public var frame: Rect
    public var alignment: TextAlignment
    public var wraps: Bool

    public init(_ text: String, style: TextStyle, frame: Rect, alignment: TextAlignment = .leading, wraps: Bool = true) {
        self.text = text
        self.style = style
        self.frame = frame
        self.alignment = alignment
        self.wraps = wraps
    }
}

/// A straight line.
public struct Rule: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var width: Points
    public var color: Color
}

/// A rectangle, filled and/or stroked.
public struct Box: Sendable, Hashable {
    public var frame: Rect
    public var fill: Color?
    public var stroke: Color?
    public var strokeWidth: Points
}

/// A QR symbol drawn as vector squares in `frame`, which includes the quiet zone.
public struct QRPlacement: Sendable, Hashable {
    public var matrix: QRMatrix
    public var frame: Rect
    public var quietZoneModules: Int
    /// What the symbol encodes, for tests and the PDF's accessibility text.
    public var payload: String

    public init(matrix: QRMatrix, frame: Rect, quietZoneModules: Int, payload: String) {
        self.matrix = matrix
        self.frame = frame
        self.quietZoneModules = quietZoneModules
        self.payload = payload
    }

    /// Side of one module in points.
    public var moduleSize: Points { frame.width / Double(matrix.size + 2 * quietZoneModules) }
}

/// A raster image (PNG) from a file, scaled into `frame`.
public struct ImagePlacement: Sendable, Hashable {
    public var path: String
    public var frame: Rect
}

public struct Watermark: Sendable, Hashable {
    public var text: String
    public var center: Point
    public var angle: Double
    public var style: TextStyle
}

/// A laid-out page.
public struct Page: Sendable, Hashable {
    public var size: Size
    public var items: [LayoutItem]

    public init(size: Size, items: [LayoutItem] = []) {
        self.size = size
        self.items = items
    }

    /// The text of every run on the page, in order: for tests and page dumps.
    public var texts: [String] {
        items.compactMap { if case .text(let run) = $0 { run.text } else { nil } }
    }

    public var textRuns: [TextRun] {
        items.compactMap { if case .text(let run) = $0 { run } else { nil } }
    }
}

/// The finished layout: what renderers take.
public struct LaidOutDocument: Sendable, Hashable {
    public var pages: [Page]
    public var metadata: DocumentMetadata

    public init(pages: [Page], metadata: DocumentMetadata) {
        self.pages = pages
        self.metadata = metadata
    }
}
