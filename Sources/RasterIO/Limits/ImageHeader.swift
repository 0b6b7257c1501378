import Foundation

/// An image's size as its own header states it, read before any decoder runs, so that a file
/// claiming 23 000 × 23 000 pixels is refused in microseconds rather than after 2 GB of decoding.
///
/// Pure Swift over the bytes (no C): a header that cannot be parsed is `corrupt`.
struct ImageHeader: Equatable {
    struct Size: Equatable {
        var width: Int
        var height: Int
        /// Width × height, saturating: a header may claim 2³² × 2³² pixels, which must read as
        /// "too large", not trap on overflow (found by bench/fuzz).
        var pixels: Int {
            let (product, overflow) = width.multipliedReportingOverflow(by: height)
            return overflow ? Int.max : product
        }
        /// How many times wider than tall one pixel is: the file's vertical resolution ÷ its
        /// horizontal one (PNG pHYs, JPEG JFIF density, TIFF XResolution/YResolution). A fax of
        /// 204 × 98 DPI has pixels 2.08 times taller than wide, so 0.48; 1 when the file says nothing.
        var pixelAspect = 1.0

        init(width: Int, height: Int, resolution: (x: Double, y: Double)? = nil) {
            self.width = width
            self.height = height
            if let resolution, resolution.x > 0, resolution.y > 0 {
                let aspect = resolution.y / resolution.x
                // Within 4 % is square (rounding in the writer); beyond 4:1 the header is not believed.
                if abs(aspect - 1) > 0.04, (0.25...4).contains(aspect) { pixelAspect = aspect }
            }
        }

        /// The size once pixels are square: the coarser axis is stretched (never shrunk, so no
        /// module loses resolution). This is the size charged to the budget and decoded to.
        var squarePixels: Size {
            if pixelAspect < 1 { return Size(width: width, height: Int((Double(height) / pixelAspect).rounded())) }
            if pixelAspect > 1 { return Size(width: Int((Double(width) * pixelAspect).rounded()), height: height) }
            return self
        }
    }

    /// One entry per page (one for PNG and JPEG, one per directory for TIFF).
    var pages: [Size]
    /// For JPEG: how many scans (SOS segments) the file holds; 1 for a baseline JPEG.
    var jpegScans = 0

    static func read(_ data: Data, format: ImageFormat, pageLimit: Int = 10_000) throws(RasterError) -> ImageHeader {
        let bytes = [UInt8](data)
        switch format {
        case .png: return try png(bytes)
        case .jpeg: return try jpeg(bytes)
        case .tiff: return try tiff(bytes, pageLimit: pageLimit)
        case .pdf: throw RasterError(.unsupported, "a PDF has no image header; its pages are measured when it is opened")
        }
    }

    /// PNG: the IHDR chunk must come first, right after the 8-byte signature (PNG spec §5.6).
    static func png(_ bytes: [UInt8]) throws(RasterError) -> ImageHeader {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw RasterError(.corrupt, "not a readable PNG (no IHDR header)")
        }
        let size = Size(width: Int(bigEndian32(bytes, 16)), height: Int(bigEndian32(bytes, 20)), resolution: pngResolution(bytes))
        guard size.width > 0, size.height > 0 else { throw RasterError(.corrupt, "the PNG header gives no size") }
        return ImageHeader(pages: [size])
    }

    /// The pHYs chunk's pixels per unit in x and y, if it comes before the image data (PNG spec §11.3.5.3).
    private static func pngResolution(_ bytes: [UInt8]) -> (x: Double, y: Double)? {
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bigEndian32(bytes, offset))
            let type = bytes[(offset + 4)..<(offset + 8)]
            if type.elementsEqual("IDAT".utf8) || type.elementsEqual("IEND".utf8) { return nil }
            if type.elementsEqual("pHYs".utf8), length == 9, offset + 17 <= bytes.count {
                return (Double(bigEndian32(bytes, offset + 8)), Double(bigEndian32(bytes, offset + 12)))
            }
            offset += 12 + length
        }
        return nil
    }

    /// JPEG: walks the marker segments for the frame header (SOF0–SOF15 but DHT, JPG and DAC) and
    /// counts the scans (SOS), skipping each scan's entropy-coded data up to the next marker.
    static func jpeg(_ bytes: [UInt8]) throws(RasterError) -> ImageHeader {
        var size: Size?
        var resolution: (x: Double, y: Double)?
        var scans = 0
        var offset = 2
        while offset + 1 < bytes.count {
            guard bytes[offset] == 0xff else { throw RasterError(.corrupt, "not a readable JPEG (bad marker at byte \(offset))") }
            let marker = bytes[offset + 1]
            offset += 2
            switch marker {
            case 0xff: offset -= 1  // fill byte before a marker
                continue
            case 0xd8, 0x01, 0xd0...0xd7: continue
            case 0xd9: offset = bytes.count
                continue
            default: break
            }
            guard offset + 1 < bytes.count else { break }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            guard length >= 2 else { throw RasterError(.corrupt, "not a readable JPEG (segment of length \(length))") }
            if (0xc0...0xcf).contains(marker), ![0xc4, 0xc8, 0xcc].contains(marker), offset + 6 < bytes.count, size == nil {
                size = Size(width: Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]),
                            height: Int(bytes[offset + 3]) << 8 | Int(bytes[offset + 4]), resolution: resolution)
            }
            // APP0 "JFIF\0": version (2 bytes), units, then X and Y density (JFIF 1.02 §4).
            if marker == 0xe0, length >= 14, offset + 14 <= bytes.count, bytes[(offset + 2)..<(offset + 7)].elementsEqual("JFIF\0".utf8) {
                resolution = (Double(Int(bytes[offset + 10]) << 8 | Int(bytes[offset + 11])),
                              Double(Int(bytes[offset + 12]) << 8 | Int(bytes[offset + 13])))
            }
            offset += length
            if marker == 0xda {
                scans += 1
                offset = nextMarker(bytes, from: offset)
            }
        }
        guard let size else { throw RasterError(.corrupt, "not a readable JPEG (no frame header)") }
        guard size.width > 0, size.height > 0 else { throw RasterError(.corrupt, "the JPEG header gives no size") }
        return ImageHeader(pages: [size], jpegScans: scans)
    }

    /// The offset of the first marker after entropy-coded data: 0xFF followed by neither a stuffed
    /// 0x00 nor a restart marker.
    private static func nextMarker(_ bytes: [UInt8], from start: Int) -> Int {
        var offset = start
        while offset + 1 < bytes.count {
            if bytes[offset] == 0xff, bytes[offset + 1] != 0, !(0xd0...0xd7).contains(bytes[offset + 1]) { return offset }
            offset += 1
        }
        return bytes.count
    }

    /// TIFF: follows the chain of image file directories (TIFF 6.0 §2), reading ImageWidth (256)
    /// and ImageLength (257) from each; a loop in the chain ends it.
    static func tiff(_ bytes: [UInt8], pageLimit: Int) throws(RasterError) -> ImageHeader {
        guard bytes.count >= 8 else { throw RasterError(.corrupt, "not a readable TIFF (short header)") }
        let little = bytes[0] == 0x49
        func read(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= bytes.count else { return nil }
            var value = 0
            for index in 0..<count { value |= Int(bytes[at + (little ? index : count - 1 - index)]) << (8 * index) }
            return value
        }
        var pages: [Size] = []
        var seen = Set<Int>()
        var directory = read(4, 4) ?? 0
        while directory != 0, pages.count < pageLimit, seen.insert(directory).inserted {
            guard let entries = read(directory, 2) else { throw RasterError(.corrupt, "not a readable TIFF (directory past the end)") }
            var width = 0, height = 0, xResolution = 0.0, yResolution = 0.0
            for entry in 0..<entries {
                let at = directory + 2 + 12 * entry
                guard let tag = read(at, 2), let type = read(at + 2, 2) else {
                    throw RasterError(.corrupt, "not a readable TIFF (directory cut short)")
                }
                switch tag {
                case 256, 257:
                    let value = (type == 3 ? read(at + 8, 2) : read(at + 8, 4)) ?? 0
                    if tag == 256 { width = value } else { height = value }
                case 282, 283:
                    // RATIONAL (type 5): two 32-bit words at the offset the entry holds.
                    guard type == 5, let offset = read(at + 8, 4), let numerator = read(offset, 4),
                          let denominator = read(offset + 4, 4), denominator > 0 else { continue }
                    let value = Double(numerator) / Double(denominator)
                    if tag == 282 { xResolution = value } else { yResolution = value }
                default: continue
                }
            }
            guard width > 0, height > 0 else {
                throw RasterError(.corrupt, "TIFF page \(pages.count + 1) has no width or height")
            }
            pages.append(Size(width: width, height: height, resolution: (xResolution, yResolution)))
            directory = read(directory + 2 + 12 * entries, 4) ?? 0
        }
        guard !pages.isEmpty else { throw RasterError(.corrupt, "the TIFF has no readable page") }
        return ImageHeader(pages: pages)
    }

    private static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
