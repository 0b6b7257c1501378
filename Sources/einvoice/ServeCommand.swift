import ArgumentParser
import EInvoiceKit
import EInvoiceServer
import Foundation
import Hummingbird

/// `einvoice serve`: the verification desk, a local web page and JSON API for accounts payable.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the verification desk: a web page and JSON API (/api/v1/verify, /api/v1/scan).",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise (then it warns: anyone who can reach the address can
            use it). Uploads are processed in memory and dropped; nothing is stored or logged beyond counts.
            The API is described at /api/v1/openapi.yaml (also docs/openapi.yaml).
            """
    )

    @Option(help: "Address to listen on (default: loopback only).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("Largest upload in MB.", valueName: "MB"))
    var maxUploadMb = 20

    @Option(help: ArgumentHelp("PDF pages read per upload.", valueName: "N"))
    var maxPages = 20

    @Option(help: ArgumentHelp("Seconds a request may take.", valueName: "SECONDS"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Requests processed at once (default: cores).", valueName: "N"))
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var verification: VerificationOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard (1...512).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb must be 1–512") }
        guard maxPages >= 1, timeout > 0, jobs >= 1 else { throw ValidationError("--max-pages, --timeout and --jobs must be positive") }
    }

    func run() async throws {
        let configuration = ServerConfiguration(
            host: host, port: port, maxUploadBytes: maxUploadMb << 20, maxPages: maxPages, timeoutSeconds: timeout,
            maxConcurrent: jobs, verifier: try verification.makeVerifier())
        if !configuration.isLoopback {
            warn("listening on \(host): anyone who can reach this address can use the desk (uploads are not stored)")
        }
        if let problem = PortAvailability.problem(host: host, port: port) {
            warn(problem)
            throw ExitCode(ExitStatus.busy.rawValue)
        }
        // On standard error, unbuffered: it shows whether standard output is a terminal, a pipe or a log file.
        warn("verification desk on http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
        try await DeskApplication.application(configuration: configuration).runService()
    }
}
