import ArgumentParser
import EInvoiceBasics
import EInvoiceKit
import EInvoiceServer
import Foundation
import Hummingbird
import InvoiceLedger
import RasterIO

/// `einvoice serve`: the verification desk, a local web page and JSON API for accounts payable.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the verification desk: a web page and JSON API (/api/v1/verify, /api/v1/scan, /api/v1/render).",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise (then it warns: anyone who can reach the address can
            use it). Uploads are processed in memory and dropped; what was signed and the verdict of each check are
            recorded in the ledger (file name and SHA-256, not the file) unless --no-ledger; /history shows them.
            The API is described at /api/v1/openapi.yaml (also docs/openapi.yaml).
            """
    )

    @Option(help: "Address to listen on (default: loopback only).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Largest upload in MB.", valueName: "MB"))
    var maxUploadMb = 20

    @Option(help: ArgumentHelp("Seconds a request may take; then it is answered 503 and its work is stopped.", valueName: "SECONDS"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Seconds a connection may stay silent (also bounds sending the headers).", valueName: "SECONDS"))
    var idleTimeout: Double = 15

    @Option(help: ArgumentHelp("Open connections at most; more wait to be accepted.", valueName: "N"))
    var maxConnections = 4096

    @Option(name: .customLong("allowed-host"), help: ArgumentHelp(
        "Also answer API requests whose Host/Origin is NAME (repeatable; loopback and --host always are).", valueName: "NAME"))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp("Requests processed at once (default: cores).", valueName: "N"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var verification: VerificationOptions
    @OptionGroup(title: "Limits per upload") var limits: LimitOptions
    @OptionGroup var resources: ResourceOptions

    @Option(name: .customLong("ledger"), help: ArgumentHelp("Record checks in this ledger (default: the user's ledger).", valueName: "PATH"))
    var ledgerPath: String?

    @Flag(help: "Record nothing: no ledger, no history page.")
    var noLedger = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard (1...512).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb must be 1–512") }
        if noLedger, ledgerPath != nil { throw ValidationError("--ledger and --no-ledger exclude each other") }
        guard timeout > 0, idleTimeout > 0, jobs >= 1, maxConnections >= 16 else {
            throw ValidationError("--timeout, --idle-timeout and --jobs must be positive, --max-connections at least 16")
        }
    }

    func run() async throws {
        let rasterLimits = limits.rasterLimits(defaultPages: 20)
        let ledger: InvoiceLedger? = try noLedger ? nil : LedgerOptions.open(ledgerPath ?? "")
        var configuration = ServerConfiguration(
            host: host, port: port, maxUploadBytes: maxUploadMb << 20, maxPages: rasterLimits.maxPages, timeoutSeconds: timeout,
            maxConcurrent: jobs, idleTimeoutSeconds: idleTimeout, maxConnections: raisedFileLimit(for: maxConnections),
            allowedHosts: allowedHosts, limits: rasterLimits, verifier: try verification.makeVerifier(), ledger: ledger)
        // POST /api/v1/render needs the Templates/ and Fonts/ folders; without them it answers 404.
        // `root()` has already said on standard error why the folders were not found; the desk still verifies.
        if let root = try? resources.root() {
            configuration.resources = RenderResources(templatesDirectory: resources.templatesDirectory(root: root),
                                                      fontsDirectory: resources.fontsDirectory(root: root),
                                                      colorProfile: resources.colorProfile(root: root))
        } else {
            warn("no Templates/ and Fonts/ found: POST /api/v1/render is off (set EINVOICE_HOME or --template-path and --font-path)")
        }
        if !configuration.isLoopback {
            warn("listening on \(host): anyone who can reach this address can use the desk (uploads are not stored)")
        }
        if let problem = PortAvailability.problem(host: host, port: port) {
            warn(problem)
            throw ExitCode(ExitStatus.busy.rawValue)
        }
        // On standard error, unbuffered: it shows whether standard output is a terminal, a pipe or a log file.
        warn("verification desk on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
        warn(configuration.ledger.map { "recording checks in \($0.path) (history: /history)" } ?? "recording nothing (--no-ledger)")
        try await DeskApplication.application(configuration: configuration).runService()
    }
}

/// Raises the soft open-file limit to the hard one so `--max-connections` can be honoured; the
/// connection cap actually used (a few descriptors stay free for decoders and files).
func raisedFileLimit(for connections: Int) -> Int {
    var files = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files) == 0 else { return connections }
    if files.rlim_cur < files.rlim_max {
        files.rlim_cur = files.rlim_max
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files)
        _ = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &files)
    }
    let usable = Int(min(files.rlim_cur, rlim_t(Int.max))) - 64
    if usable < connections { warn("--max-connections \(connections) lowered to \(max(16, usable)): the open-file limit is \(files.rlim_cur)") }
    return max(16, min(connections, usable))
}
