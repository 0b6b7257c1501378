internal import CZBar
public import EInvoiceBasics

/// A decoded symbol: its text and where it was found (pixel corners, as zbar reports them).
public struct DecodedSymbol: Sendable, Hashable {
    public var text: String
    public var points: [(x: Int, y: Int)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.text == rhs.text && lhs.points.map { [$0.x, $0.y] } == rhs.points.map { [$0.x, $0.y] }
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The bounding box of the corner points.
    public var bounds: (x: Int, y: Int, width: Int, height: Int) {
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        return (minX, minY, (xs.max() ?? 0) - minX, (ys.max() ?? 0) - minY)
    }
}

/// Reads QR codes from grey images with zbar.
///
/// One call is one zbar pass over the image as given; the scale cascade that makes dense IRP QRs
/// readable lives in ``QRReader``.
public enum QRDecoder {
    /// libzbar, opened on the first image scanned (see ``DynamicLibrary``).
    private static let library = DynamicLibrary.load("libzbar.so.0", package: "libzbar0", resolve: einv_zbar_resolve)

    /// Throws when zbar cannot be opened (not installed, or a version without a function einvoice
    /// calls): a scan checks this first, so a missing decoder is an error and never "no QR found".
    public static func requireLibrary() throws(QRCodecError) {
        _ = try library.mapError { QRCodecError(.decodingFailed, "QR decoder: \($0)") }.get()
    }

    /// Every QR symbol zbar finds in `image`, as UTF-8 text (binary mode: bytes are not re-encoded);
    /// none when zbar cannot be opened (``requireLibrary()`` says why).
    public static func decode(_ image: GreyImage) -> [DecodedSymbol] {
        guard image.width > 0, image.height > 0, case .success(let zbar) = library,
              let scanner = zbar.zbar_image_scanner_create()
        else { return [] }
        defer { zbar.zbar_image_scanner_destroy(scanner) }
        _ = zbar.zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0)
        _ = zbar.zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1)
        _ = zbar.zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1)
        guard let zimage = zbar.zbar_image_create() else { return [] }
        defer { zbar.zbar_image_destroy(zimage) }
        zbar.zbar_image_set_format(zimage, CZBar_fourccY800())
        zbar.zbar_image_set_size(zimage, UInt32(image.width), UInt32(image.height))
        return image.pixels.withUnsafeBytes { bytes -> [DecodedSymbol] in
            // A nil cleanup handler: zbar borrows Swift's buffer for this call and never frees it.
            zbar.zbar_image_set_data(zimage, bytes.baseAddress, UInt(bytes.count), nil)
            guard zbar.zbar_scan_image(scanner, zimage) > 0 else { return [] }
            var symbols: [DecodedSymbol] = []
            var symbol = zbar.zbar_image_first_symbol(zimage)
            while let current = symbol {
                let length = Int(zbar.zbar_symbol_get_data_length(current))
                if let data = zbar.zbar_symbol_get_data(current) {
                    let text = data.withMemoryRebound(to: UInt8.self, capacity: length) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                    }
                    let points = (0..<zbar.zbar_symbol_get_loc_size(current)).map {
                        (x: Int(zbar.zbar_symbol_get_loc_x(current, $0)), y: Int(zbar.zbar_symbol_get_loc_y(current, $0)))
                    }
                    symbols.append(DecodedSymbol(text: text, points: points))
                }
                symbol = zbar.zbar_symbol_next(current)
            }
            // Detach the borrowed buffer before it goes out of scope.
            zbar.zbar_image_set_data(zimage, nil, 0, nil)
            return symbols
        }
    }
}
