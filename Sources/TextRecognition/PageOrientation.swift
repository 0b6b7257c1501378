import Foundation

/// Which way a page image lies, read from its signed QR: a QR is printed upright on the page, so
/// the direction of its top edge is the direction of the page's lines. Tesseract reads only
/// upright lines (an upside-down or sideways page gives noise) and the regions it is asked to
/// read closely are level boxes, so the page is turned upright before OCR.
public struct PageOrientation: Sendable, Hashable, Codable {
    /// The angle, in radians, by which the page is turned clockwise as seen in the image
    /// (y down): π/2 for a page lying on its right side, π for one upside down.
    public var angle: Double

    public init(angle: Double) {
        self.angle = atan2(sin(angle), cos(angle))
    }

    public static let upright = PageOrientation(angle: 0)

    /// Below this lean (0.25°: 11 px over an A4 width at 300 DPI) turning the image costs more
    /// than it gains; Tesseract's own line finding absorbs it.
    static let negligible = 0.25 * Double.pi / 180

    /// Whether the image is worth turning before it is read.
    public var needsTurning: Bool { abs(angle) > Self.negligible }

    /// The orientation of a QR from its corners as zbar reports them: the symbol's top-left,
    /// bottom-left, bottom-right and top-right corners, in image pixels. The four edges are
    /// averaged (a photo's perspective makes opposite edges disagree a little); `nil` when the
    /// corners do not form a plausible, unmirrored square (a decoder that reports only the box of
    /// the area it read, in another order).
    public init?(qrCorners corners: [(x: Double, y: Double)]) {
        guard corners.count == 4 else { return nil }
        let (tl, bl, br, tr) = (corners[0], corners[1], corners[2], corners[3])
        let top = (x: tr.x - tl.x, y: tr.y - tl.y), bottom = (x: br.x - bl.x, y: br.y - bl.y)
        let left = (x: bl.x - tl.x, y: bl.y - tl.y), right = (x: br.x - tr.x, y: br.y - tr.y)
        let lengths = [top, bottom, left, right].map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }
        guard let shortest = lengths.min(), let longest = lengths.max(), shortest > 8, longest < 1.6 * shortest else { return nil }
        // Going right along the top and down the left side must turn clockwise (y down): otherwise mirrored or another order.
        guard top.x * left.y - top.y * left.x > 0 else { return nil }
        // The left and right edges point along the top edge turned by a quarter clockwise; turn them back and average.
        var x = 0.0, y = 0.0
        for (vector, length) in zip([top, bottom, (x: left.y, y: -left.x), (x: right.y, y: -right.x)], lengths) {
            x += vector.x / length
            y += vector.y / length
        }
        // The four directions must agree (within ~15°) for the average to mean anything.
        guard (x * x + y * y).squareRoot() > 4 * cos(15 * Double.pi / 180) else { return nil }
        self.init(angle: atan2(y, x))
    }
}
