public import ArgumentParser
import EInvoiceBasics
public import RasterIO

/// Limits on what one input file may cost (`scan`, `verify FILE`, `serve`); defaults in docs/reliability.md.
public struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Pages read per PDF or TIFF (default: scan 50, serve 20).", valueName: "N"))
    var maxPages: Int?

    @Option(help: ArgumentHelp("Largest single image or rendered page, in megapixels.", valueName: "MP"))
    var maxImageMegapixels = RasterLimits().maxPixels / 1_000_000

    @Option(help: ArgumentHelp("Pixels decoded per file, all pages together, in megapixels.", valueName: "MP"))
    var maxFileMegapixels = RasterLimits().maxFilePixels / 1_000_000

    @Option(help: ArgumentHelp("Wall-clock seconds per file; pages not reached are reported.", valueName: "SECONDS"))
    var maxSeconds = RasterLimits().maxSeconds

    @Option(help: ArgumentHelp("Scans in one progressive JPEG.", valueName: "N"))
    var maxJpegScans = RasterLimits().maxJPEGScans

    @Option(help: ArgumentHelp("How deeply a PDF's form XObjects may nest.", valueName: "N"))
    var maxFormDepth = RasterLimits().maxFormDepth

    @Option(help: ArgumentHelp("Memory allowance of the decoder process, in MB.", valueName: "MB"))
    var decoderMemoryMb = 1024

    @Flag(help: "Run the image and PDF decoders inside this process (no time or memory isolation; for debugging).")
    var inProcess = false

    public init() {}

    public func validate() throws {
        guard (maxPages ?? 1) >= 1, maxImageMegapixels >= 1, maxFileMegapixels >= 1, maxSeconds > 0, maxJpegScans >= 1,
              maxFormDepth >= 1
        else { throw ValidationError("--max-pages, --max-*-megapixels, --max-seconds, --max-jpeg-scans and --max-form-depth must be positive") }
        guard decoderMemoryMb >= 256 else { throw ValidationError("--decoder-memory-mb must be at least 256") }
    }

    /// The limits these options describe, `defaultPages` unless --max-pages is given.
    public func rasterLimits(defaultPages: Int) -> RasterLimits {
        var limits = RasterLimits()
        limits.maxPages = maxPages ?? defaultPages
        limits.maxPixels = maxImageMegapixels * 1_000_000
        limits.maxFilePixels = maxFileMegapixels * 1_000_000
        limits.maxSeconds = maxSeconds
        limits.maxJPEGScans = maxJpegScans
        limits.maxFormDepth = maxFormDepth
        limits.isolation = inProcess ? nil : DecoderIsolation.currentExecutable(memoryBytes: decoderMemoryMb << 20)
        return limits
    }
}

/// `einvoice _decode`: the child process of ``DecoderIsolation``; not for people.
struct DecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: DecoderIsolation.subcommand, shouldDisplay: false)

    @Argument var request: String

    func run() throws {
        let status = DecoderChild.run(argument: request)
        if status != 0 { throw ExitCode(status) }
    }
}
