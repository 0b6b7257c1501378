import Foundation
import RasterIO

/// Every image and PDF loader (PNG through Cairo, JPEG through libturbojpeg, TIFF through libtiff, PDF
/// through poppler): any bytes end in pages or a `RasterError`, within the limits, never a crash.
/// `FUZZ_FORMAT=png|jpeg|tiff|pdf` keeps only inputs of one format, so each loader gets its own run.
let only = ProcessInfo.processInfo.environment["FUZZ_FORMAT"]
let limits: RasterLimits = {
    var limits = RasterLimits()
    limits.maxPixels = 4_000_000
    limits.maxPages = 4
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let only, ImageFormat.detect(data)?.rawValue != only { return -1 }
    _ = try? RasterLoader.load(data, dpi: 72, limits: limits)
    return 0
}
