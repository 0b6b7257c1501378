internal import CTurboJPEG
import EInvoiceBasics
import Foundation

/// JPEG decoding with libjpeg-turbo's TurboJPEG API, which reports errors by return code (the
/// classic libjpeg API exits the process unless given a longjmp handler, which Swift cannot be).
enum JPEGDecoder {
    /// libturbojpeg, opened on the first JPEG (see ``DynamicLibrary``).
    private static let library = DynamicLibrary.load("libturbojpeg.so.0", package: "libturbojpeg0",
                                                     resolve: einv_turbojpeg_resolve)

    static func decode(_ data: Data, limits: RasterLimits) throws(RasterError) -> GreyImage {
        let tj = try library.mapError { RasterError(.decoderFailed, "JPEG: \($0)") }.get()
        guard let handle = tj.tjInitDecompress() else { throw RasterError(.corrupt, "the JPEG decoder could not start") }
        defer { _ = tj.tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colorspace: Int32 = 0
        let header = data.withUnsafeBytes { bytes in
            tj.tjDecompressHeader3(handle, bytes.bindMemory(to: UInt8.self).baseAddress, UInt(bytes.count),
                                   &width, &height, &subsampling, &colorspace)
        }
        guard header == 0 else { throw RasterError(.corrupt, "not a readable JPEG (\(message(handle, tj)))") }
        guard width > 0, height > 0, Int(width) * Int(height) <= limits.maxPixels else {
            throw RasterError(.tooLarge, "a JPEG of \(width)×\(height) pixels is over the \(limits.maxPixels / 1_000_000) MP limit")
        }
        // libjpeg-turbo converts CMYK (print workflows, some scanners) to nothing but CMYK.
        let cmyk = colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue)
        var pixels = [UInt8](repeating: 255, count: Int(width) * Int(height) * (cmyk ? 4 : 1))
        let status = data.withUnsafeBytes { bytes in
            pixels.withUnsafeMutableBufferPointer { out in
                tj.tjDecompress2(handle, bytes.bindMemory(to: UInt8.self).baseAddress, UInt(bytes.count), out.baseAddress,
                                 width, 0, height, Int32((cmyk ? TJPF_CMYK : TJPF_GRAY).rawValue), 0)
            }
        }
        // A truncated JPEG decodes with a warning: keep what was decoded (the QR may be there).
        if status != 0, tj.tjGetErrorCode(handle) != Int32(TJERR_WARNING.rawValue) {
            throw RasterError(.corrupt, "the JPEG is damaged (\(message(handle, tj)))")
        }
        if cmyk { pixels = grey(fromCMYK: pixels, inverted: hasAdobeMarker(data)) }
        return GreyImage(width: Int(width), height: Int(height), pixels: pixels)
    }

    /// Luma of CMYK pixels. Adobe's writers (an APP14 "Adobe" segment) store each ink inverted,
    /// 255 meaning none; others store the ink itself. Paper must come out light, ink dark.
    static func grey(fromCMYK cmyk: [UInt8], inverted: Bool) -> [UInt8] {
        (0..<(cmyk.count / 4)).map { index in
            // Each channel as "light let through": 255 where there is no ink.
            func light(_ channel: Int) -> Int {
                let value = Int(cmyk[4 * index + channel])
                return inverted ? value : 255 - value
            }
            let black = light(3)
            let red = light(0) * black, green = light(1) * black, blue = light(2) * black
            return UInt8((red * 299 + green * 587 + blue * 114) / 255_000)
        }
    }

    /// Whether an APP14 segment naming "Adobe" comes before the image data.
    static func hasAdobeMarker(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(65_536))
        let adobe = Array("Adobe".utf8)
        guard bytes.count > 9 else { return false }
        return (0..<(bytes.count - 9)).contains { at in
            bytes[at] == 0xff && bytes[at + 1] == 0xee && Array(bytes[(at + 4)..<(at + 9)]) == adobe
        }
    }

    private static func message(_ handle: tjhandle, _ tj: einv_turbojpeg) -> String {
        tj.tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
    }
}
