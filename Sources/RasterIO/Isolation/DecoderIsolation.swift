import EInvoiceBasics
public import Foundation

/// Runs the C decoders (poppler, libtiff, libjpeg, libpng) for one file in a child process — the
/// einvoice binary itself, started with the hidden `_decode` subcommand — with `RLIMIT_AS`,
/// `RLIMIT_CPU` and a wall-clock deadline, so that a decoder that hangs, crashes or allocates
/// without end ends that file with a clear error and nothing else.
///
/// C code cannot be interrupted from Swift (a task can be cancelled only where it checks), and a
/// crash in C takes the whole process with it; a process boundary is the one isolation that holds
/// for both. Starting the child costs a few milliseconds per file; pages stream back as they are
/// drawn, so the parent scans page 1 while the child draws page 2.
public struct DecoderIsolation: Sendable {
    /// The einvoice executable (for the CLI, `/proc/self/exe`).
    public var executable: String
    /// The child's address-space limit (`RLIMIT_AS`), which bounds what any decoder can allocate.
    public var memoryBytes: Int
    /// Set to stop the decode early (the child is killed).
    public var cancellation: DecodeCancellation?

    /// The hidden subcommand the child runs.
    public static let subcommand = "_decode"

    public init(executable: String, memoryBytes: Int = 1 << 30, cancellation: DecodeCancellation? = nil) {
        self.executable = executable
        self.memoryBytes = memoryBytes
        self.cancellation = cancellation
    }

    /// This very executable, for a command-line tool that isolates its own decoders.
    public static func currentExecutable(memoryBytes: Int = 1 << 30) -> DecoderIsolation {
        // A probe: without /proc (not Linux), the path the program was started by.
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return DecoderIsolation(executable: path, memoryBytes: memoryBytes)
    }

    /// Decodes `data` in a child, handing pages to `onPage` as they arrive.
    func decode(_ data: Data, dpi: Double, limits: RasterLimits,
                _ onPage: (RasterPage) throws(RasterError) -> Void) throws(RasterError) -> [RasterNote] {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(limits.maxSeconds * 1000)))
        let request = DecodeRequest(dpi: dpi, limits: limits, memoryBytes: memoryBytes)
        let child = try ChildProcess(executable: executable, arguments: [Self.subcommand, request.argument], input: data)
        var reader = FrameReader(output: child.output, errors: child.errors, deadline: deadline, cancellation: cancellation)
        var notes: [RasterNote] = []
        var pageCount: Int?
        var limitNote: RasterNote?
        var lastPage = 0
        var delivered = 0
        do throws(RasterError) {
            while let frame = try PageFrame.read(from: &reader) {
                switch frame {
                case .pageCount(let read, let total):
                    pageCount = read
                    // Said now, in case the child is stopped before it can send its own notes.
                    if total > read {
                        limitNote = RasterNote(pages: (read + 1)...total,
                                               message: "not read: the file has \(total) pages and \(read) are read (--max-pages)")
                    }
                case .words:
                    throw RasterError(.decoderFailed, "the decoder's output is garbled")
                case .page(let page):
                    delivered += 1
                    lastPage = max(lastPage, page.pageNumber ?? 1)
                    try onPage(page)
                case .note(let note): notes.append(note)
                case .error(let error):
                    child.kill()
                    throw error
                case .done:
                    child.wait()
                    return try RasterLoader.checked(notes.sorted { ($0.pages?.lowerBound ?? 0) < ($1.pages?.lowerBound ?? 0) },
                                                    delivered: delivered)
                }
            }
        } catch {
            if error.code == .decoderFailed { child.end() } else { child.kill() }
            reader.drainErrors()
            let why: String
            switch error.code {
            case .timeLimit where cancellation?.isCancelled == true:
                throw RasterError(.timeLimit, "the request was cancelled; the decoder was stopped")
            case .timeLimit:
                why = "the file's time budget of \(FileBudget.seconds(limits.maxSeconds)) is spent (--max-seconds); the decoder was stopped"
            case .decoderFailed:
                why = child.ending(stderr: String(decoding: reader.stderr, as: UTF8.self), limits: limits, memoryBytes: memoryBytes)
                    ?? error.reason
            default:
                throw error
            }
            guard delivered > 0 else { throw RasterError(error.code, why) }
            let first = lastPage + 1
            notes.append(RasterNote(pages: first...max(first, pageCount ?? first), message: "not read: \(why)"))
            return notes + [limitNote].compactMap { $0 }
        }
        // The stream ended without `done`: the child died.
        child.end()
        reader.drainErrors()
        let why = child.ending(stderr: String(decoding: reader.stderr, as: UTF8.self), limits: limits, memoryBytes: memoryBytes)
            ?? "the decoder ended without finishing"
        guard delivered > 0 else { throw RasterError(.decoderFailed, why) }
        let first = lastPage + 1
        notes.append(RasterNote(pages: first...max(first, pageCount ?? first), message: "not read: \(why)"))
        return notes + [limitNote].compactMap { $0 }
    }
}

/// What the parent tells the child: the limits and DPI, as one JSON argument; with `ocr`, the
/// child reads the words of the raw grey page on its stdin instead of decoding a file.
struct DecodeRequest: Codable {
    var ocr: OCRRequest?
    var dpi: Double
    var limits: ImageLimits
    var memoryBytes: Int

    init(dpi: Double, limits: RasterLimits, memoryBytes: Int) {
        self.dpi = dpi
        self.limits = limits.image
        self.memoryBytes = memoryBytes
    }

    /// Limits the CLI has checked to be finite, so encoding holds; were one not, the child would refuse
    /// the empty request and the parent report a decoder failure, never a silent success.
    var argument: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self) }

    /// The limits the child decodes within (it is the isolation, so it has none of its own).
    var rasterLimits: RasterLimits {
        var limits = RasterLimits()
        limits.image = self.limits
        return limits
    }
}
