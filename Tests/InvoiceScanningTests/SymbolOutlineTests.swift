import EInvoiceBasics
import EInvoiceTestSupport
@testable import InvoiceScanning
import QRCodec
import Testing

/// The outline of a symbol whose finders are too small for their runs: the four corners found
/// from the averaged grey blob must lie on the symbol's true corners (drawn through a known map)
/// to within half a module, and the corner without a finder must come out as the bottom-right.
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
        let halfModule = item.pixelsPerModule / 2
        // The same four corners, in some turn.
        let turn = try #require((0..<4).first { t in (0..<4).allSatisfy { corners[($0 + t) % 4].distance(to: truth[$0]) < 3 * halfModule } })
        for k in 0..<4 {
            #expect(corners[(k + turn) % 4].distance(to: truth[k]) < halfModule * 1.5, "corner \(k)")
        }
        // The finders are at the first three of the true corners.
        let arrangement = try #require(SymbolOutline.arrangements(corners, in: image).first?.arrangement)
        #expect(arrangement.outerCorner.map { $0.distance(to: truth[2]) < 2 * halfModule } == true)
        #expect(arrangement.topLeft.distance(to: map.apply(PlanePoint(x: 7.5, y: 7.5))) < halfModule)
    }
}
