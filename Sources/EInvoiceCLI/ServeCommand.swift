public import ArgumentParser
import EInvoiceBasics
import EInvoiceKit
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `einvoice serve`: the verification desk, a local web page and JSON API for accounts payable.
///
/// The desk itself is the `einvoice-serve` executable beside `einvoice`: its web server (Hummingbird,
/// SwiftNIO) is a fifth of all the type conformances a Swift binary searches at start-up, which
/// every `einvoice render` or `--version` paid for without ever serving. `einvoice serve` checks its
/// options here, so usage errors read the same as every command's, then replaces itself with
/// `einvoice-serve serve …`, which reads them again and serves.
public struct ServeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the verification desk: a web page and JSON API (/api/v1/verify, /api/v1/scan, /api/v1/render).",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise (then it warns: anyone who can reach the address can \
            use it). Uploads are processed in memory and dropped; what was signed and the verdict of each check are \
            recorded in the ledger (file name and SHA-256, not the file) unless --no-ledger; /history shows them. \
            The API is described at /api/v1/openapi.yaml (also docs/openapi.yaml).
            """
    )

    @Option(help: "Address to listen on (default: loopback only).")
    public var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    public var port = 8080

    @Option(help: ArgumentHelp("Largest upload in MB.", valueName: "MB"))
    public var maxUploadMb = 20

    @Option(help: ArgumentHelp("Seconds a request may take; then it is answered 503 and its work is stopped.", valueName: "SECONDS"))
    public var timeout: Double = 30

    @Option(help: ArgumentHelp("Seconds a connection may stay silent (also bounds sending the headers).", valueName: "SECONDS"))
    public var idleTimeout: Double = 15

    @Option(help: ArgumentHelp("Open connections at most; more wait to be accepted.", valueName: "N"))
    public var maxConnections = 4096

    @Option(name: .customLong("allowed-host"), help: ArgumentHelp(
        "Also answer API requests whose Host/Origin is NAME (repeatable; loopback and --host always are).", valueName: "NAME"))
    public var allowedHosts: [String] = []

    @Option(help: ArgumentHelp("Requests processed at once (default: cores).", valueName: "N"))
    public var jobs = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup public var verification: VerificationOptions
    @OptionGroup(title: "Limits per upload") public var limits: LimitOptions
    @OptionGroup public var resources: ResourceOptions

    @Option(name: .customLong("ledger"), help: ArgumentHelp("Record checks in this ledger (default: the user's ledger).", valueName: "PATH"))
    public var ledgerPath: String?

    @Flag(help: "Record nothing: no ledger, no history page.")
    public var noLedger = false

    public init() {}

    public func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard (1...512).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb must be 1–512") }
        if noLedger, ledgerPath != nil { throw ValidationError("--ledger and --no-ledger exclude each other") }
        guard timeout > 0, idleTimeout > 0, jobs >= 1, maxConnections >= 16 else {
            throw ValidationError("--timeout, --idle-timeout and --jobs must be positive, --max-connections at least 16")
        }
    }

    /// The executable that serves: `einvoice-serve` in the folder of this one.
    public static let deskExecutableName = "einvoice-serve"

    public func run() throws {
        guard let folder = ResourceLocator.currentExecutable()?.deletingLastPathComponent() else {
            warn("serve: this executable's path is unknown (no /proc/self/exe), so \(Self.deskExecutableName) cannot be found beside it")
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        let desk = folder.appendingPathComponent(Self.deskExecutableName).path
        guard FileManager.default.isExecutableFile(atPath: desk) else {
            warn("serve: the desk is the program \(desk), which is not installed (a source build makes it with `swift build --product \(Self.deskExecutableName)`)")
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        // The arguments as given (`serve` first): einvoice-serve reads them as this parser did.
        let arguments = [desk] + CommandLine.arguments.dropFirst()
        let argv = arguments.map { strdup($0) } + [nil]
        execv(desk, argv)
        let reason = String(cString: strerror(errno))
        warn("serve: \(desk) cannot be started (\(reason))")
        throw ExitCode(ExitStatus.noInput.rawValue)
    }
}
