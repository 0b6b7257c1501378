import EInvoiceBasics
import EInvoiceTestSupport
@testable import InvoiceScanning
import QRCodec
import Testing

/// The outline of a symbol whose finders are too small for their runs: the four corners found
/// from the averaged grey blob must lie on the symbol's true corners (drawn through a known map)
/// to within two and a half modules; the finders placed by matching must lie within half a module
/// of their true centres (so the corner without a finder is the bottom-right), and the fourth
/// corner placed by the timing patterns within two modules.
@Suite struct SymbolOutlineTests {
    static let cases: [GeometricReaderTests.Case] = [
        .init(degrees: 3, keystone: 0, pixelsPerModule: 1.0),
        .init(degrees: -8, keystone: 0.15, pixelsPerModule: 1.2, blur: 0.5),
        .init(degrees: 100, keystone: 0.17, pixelsPerModule: 1.3),
        .init(degrees: -20, keystone: 0.1, pixelsPerModule: 1.0),
    ]

    @Test(arguments: cases)
    func cornersLieOnTheTrueCorners(_ item: GeometricReaderTests.Case) throws {
        let matrix = try QREncoder.encode(GeometricReaderTests.token, errorCorrection: .medium)
        let image = GeometricReaderTests.draw(matrix, item)
        let h = GeometricReaderTests.forwardMap(item, symbolSize: matrix.size, side: image.width)
        let map = Homography(m: h.map { $0 / h[8] })
        let n = Double(matrix.size)
        let truth = [PlanePoint(x: 4, y: 4), PlanePoint(x: 4 + n, y: 4), PlanePoint(x: 4 + n, y: 4 + n), PlanePoint(x: 4, y: 4 + n)]
            .map { map.apply($0) }
        let corners = try #require(SymbolOutline.corners(in: image))
        let module = item.pixelsPerModule
        // The same four corners, in some turn, each within two and a half modules (the edge rows
        // are half data, so each side's line is off by a module or two at its ends): the finders
        // are then placed by matching, and the fourth corner by the timing patterns.
        let turn = try #require((0..<4).min { a, b in
            (0..<4).map { corners[($0 + a) % 4].distance(to: truth[$0]) }.reduce(0, +)
                < (0..<4).map { corners[($0 + b) % 4].distance(to: truth[$0]) }.reduce(0, +)
        })
        for k in 0..<4 {
            #expect(corners[(k + turn) % 4].distance(to: truth[k]) < 2.5 * module, "corner \(k): \(corners) against \(truth)")
        }
        // The finders are at the first three of the true corners.
        let arrangement = try #require(SymbolOutline.arrangements(corners, in: image).first?.arrangement)
        #expect(arrangement.outerCorner.map { $0.distance(to: truth[2]) < 2 * module } == true)
        for (found, centre) in zip(arrangement.points, [PlanePoint(x: 7.5, y: 7.5), PlanePoint(x: n + 0.5, y: 7.5), PlanePoint(x: 7.5, y: n + 0.5)]) {
            #expect(found.distance(to: map.apply(centre)) < module / 2, "finder \(found) against \(map.apply(centre)); \(SymbolOutline.arrangements(corners, in: image).map { ($0.version, $0.arrangement.points) })")
        }
    }
}
