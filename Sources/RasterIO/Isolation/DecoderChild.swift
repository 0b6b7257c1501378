import EInvoiceBasics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The child side of ``DecoderIsolation``: limits itself, reads the file from stdin, decodes it
/// page by page within the limits, and writes ``PageFrame``s to stdout.
public enum DecoderChild {
    /// Runs the child; the process exit status. `argument` is the parent's JSON request.
    public static func run(argument: String) -> Int32 {
        // Only the parent writes this argument: anything else gets the usage line, not a decoder error.
        guard let request = try? JSONDecoder().decode(DecodeRequest.self, from: Data(argument.utf8)) else {
            FileHandle.standardError.write(Data("_decode is internal to einvoice: it takes the parent's request\n".utf8))
            return 64
        }
        let limits = request.rasterLimits
        // The kernel enforces these even inside C code: allocation fails past RLIMIT_AS, SIGXCPU past RLIMIT_CPU.
        let cpu = rlim_t(limits.maxSeconds.rounded(.up)) + 1
        var cpuLimit = rlimit(rlim_cur: cpu, rlim_max: cpu + 1)
        var memoryLimit = rlimit(rlim_cur: rlim_t(request.memoryBytes), rlim_max: rlim_t(request.memoryBytes))
        guard setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpuLimit) == 0,
              setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memoryLimit) == 0 else {
            return emit(.error(RasterError(.decoderFailed, "the decoder could not limit itself"))) ? 70 : 74
        }
        let data: Data
        do {
            data = try FileHandle.standardInput.readToEnd() ?? Data()
        } catch {
            return emit(.error(RasterError(.decoderFailed, "the decoder could not read the file (\(error.localizedDescription))"))) ? 70 : 74
        }
        guard !data.isEmpty else { return emit(.error(RasterError(.empty, "the file is empty"))) ? 0 : 74 }
        if let ocr = request.ocr { return OCRChild.run(ocr, input: data, emit: emit) }
        guard let format = ImageFormat.detect(data) else {
            return emit(.error(RasterError(.unsupported, "not a PNG, JPEG, TIFF or PDF file"))) ? 0 : 74
        }
        // The parent holds the hard deadline; stopping a little earlier lets the child say which pages it missed.
        var own = limits
        own.maxSeconds = max(0.1, limits.maxSeconds - 0.25)
        var budget = FileBudget(limits: own)
        do throws(RasterError) {
            let notes = try RasterLoader.decode(data, format: format, dpi: request.dpi, budget: &budget,
                                                pageCount: { _ = emit(.pageCount(read: min($0, limits.maxPages), total: $0)) }) { page throws(RasterError) in
                guard emit(.page(page)) else { throw RasterError(.decoderFailed, "the parent stopped reading") }
            }
            for note in notes { guard emit(.note(note)) else { return 74 } }
            return emit(.done) ? 0 : 74
        } catch {
            return emit(.error(error)) ? 0 : 74
        }
    }

    private static func emit(_ frame: PageFrame) -> Bool {
        PageFrame.write(frame) { ChildProcess.writeAll(1, $0) }
    }
}
