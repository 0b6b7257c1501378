internal import CTIFF
import EInvoiceBasics
import Foundation

/// TIFF decoding with libtiff, every page (directory), from memory through `TIFFClientOpen`.
enum TIFFDecoder {
    /// libtiff, opened on the first TIFF (see ``DynamicLibrary``).
    private static let library = DynamicLibrary.load("libtiff.so.6", package: "libtiff6", resolve: einv_tiff_resolve)

    /// The bytes libtiff reads through the client callbacks; lives for one `decode` call.
    private final class Source {
        let data: Data
        var offset: Int = 0
        init(_ data: Data) { self.data = data }
    }

    /// Decodes the directories `wanted` (0-based, ascending; sizes already checked against the
    /// limits from the header), handing each to `onPage` as soon as it is decoded.
    static func decode(_ data: Data, pages wanted: [Int], limits: RasterLimits,
                       onPage: (Int, GreyImage) throws(RasterError) -> Void) throws(RasterError) {
        var tiffAPI = try library.mapError { RasterError(.decoderFailed, "TIFF: \($0)") }.get()
        CTIFF_silence(&tiffAPI)
        let source = Source(data)
        let context = Unmanaged.passUnretained(source).toOpaque()
        let tiff: OpaquePointer? = withExtendedLifetime(source) {
            tiffAPI.TIFFClientOpen("input.tiff", "rm", context, { handle, buffer, size in
                guard let handle, let buffer else { return -1 }
                let source = Unmanaged<Source>.fromOpaque(handle).takeUnretainedValue()
                let count = max(0, min(Int(size), source.data.count - source.offset))
                source.data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), from: source.offset..<(source.offset + count))
                source.offset += count
                return tmsize_t(count)
            }, { _, _, _ in -1 }, { handle, offset, whence in
                guard let handle else { return UInt64.max }
                let source = Unmanaged<Source>.fromOpaque(handle).takeUnretainedValue()
                let base: Int = switch whence {
                case SEEK_CUR: source.offset
                case SEEK_END: source.data.count
                default: 0
                }
                let target = base + Int(Int64(bitPattern: offset))
                guard target >= 0 else { return UInt64.max }
                source.offset = target
                return UInt64(target)
            }, { _ in 0 }, { handle in
                guard let handle else { return 0 }
                return UInt64(Unmanaged<Source>.fromOpaque(handle).takeUnretainedValue().data.count)
            }, { _, _, _ in 0 }, { _, _, _ in })
        }
        guard let tiff else { throw RasterError(.corrupt, "not a readable TIFF") }
        defer { tiffAPI.TIFFClose(tiff) }
        for index in wanted {
            var width: UInt32 = 0, height: UInt32 = 0
            guard withExtendedLifetime(source, { tiffAPI.TIFFSetDirectory(tiff, tdir_t(index)) }) == 1,
                  CTIFF_getUInt32(&tiffAPI, tiff, UInt32(TIFFTAG_IMAGEWIDTH), &width) == 1,
                  CTIFF_getUInt32(&tiffAPI, tiff, UInt32(TIFFTAG_IMAGELENGTH), &height) == 1, width > 0, height > 0
            else { throw RasterError(.corrupt, "TIFF page \(index + 1) cannot be read") }
            // The header was measured in Swift; libtiff must agree before it allocates.
            guard Int(width) * Int(height) <= limits.maxPixels else {
                throw RasterError(.tooLarge, "a TIFF page of \(width)×\(height) pixels is over the \(ImageLimits.megapixels(limits.maxPixels)) limit")
            }
            var rgba = [UInt32](repeating: 0xffffffff, count: Int(width) * Int(height))
            let ok = withExtendedLifetime(source) {
                rgba.withUnsafeMutableBufferPointer { tiffAPI.TIFFReadRGBAImageOriented(tiff, width, height, $0.baseAddress, ORIENTATION_TOPLEFT, 0) }
            }
            guard ok == 1 else {
                throw RasterError(.corrupt, "TIFF page \(index + 1): the image data is damaged or in an unsupported encoding")
            }
            // ABGR packed, as libtiff's RGBA interface returns it; alpha composited over white.
            let pixels = rgba.map { value -> UInt8 in
                let a = (value >> 24) & 0xff, r = value & 0xff, g = (value >> 8) & 0xff, b = (value >> 16) & 0xff
                let grey = (r * 299 + g * 587 + b * 114) / 1000
                return UInt8((grey * a + 255 * (255 - a)) / 255)
            }
            rgba = []
            try onPage(index, GreyImage(width: Int(width), height: Int(height), pixels: pixels))
        }
    }
}
