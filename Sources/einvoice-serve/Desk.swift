import ArgumentParser
import EInvoiceBasics
import EInvoiceCLI
import EInvoiceKit
import EInvoiceServer
import Foundation
import Hummingbird
import InvoiceLedger
import RasterIO
#if canImport(Glibc)
import Glibc
#endif

/// Starts the verification desk as `einvoice serve`'s options describe it.
enum Desk {
    static func serve(_ command: ServeCommand) async throws {
        let rasterLimits = command.limits.rasterLimits(defaultPages: 20)
        let ledger: InvoiceLedger? = try command.noLedger ? nil : LedgerOptions.open(command.ledgerPath ?? "")
        var configuration = ServerConfiguration(
            host: command.host, port: command.port, maxUploadBytes: command.maxUploadMb << 20, maxPages: rasterLimits.maxPages, timeoutSeconds: command.timeout,
            maxConcurrent: command.jobs, idleTimeoutSeconds: command.idleTimeout, maxConnections: raisedFileLimit(for: command.maxConnections),
            allowedHosts: command.allowedHosts, limits: rasterLimits, verifier: try command.verification.makeVerifier(), ledger: ledger)
        // POST /api/v1/render needs the Templates/ and Fonts/ folders; without them it answers 404.
        // `root()` has already said on standard error why the folders were not found; the desk still verifies.
        if let root = try? command.resources.root() {
            configuration.resources = RenderResources(templatesDirectory: command.resources.templatesDirectory(root: root),
                                                      fontsDirectory: command.resources.fontsDirectory(root: root),
                                                      colorProfile: command.resources.colorProfile(root: root))
        } else {
            warn("no Templates/ and Fonts/ found: POST /api/v1/render is off (set EINVOICE_HOME or --template-path and --font-path)")
        }
        if !configuration.isLoopback {
            warn("listening on \(command.host): anyone who can reach this address can use the desk (uploads are not stored)")
        }
        if let problem = PortAvailability.problem(host: command.host, port: command.port) {
            warn(problem)
            throw ExitCode(ExitStatus.busy.rawValue)
        }
        // On standard error, unbuffered: it shows whether standard output is a terminal, a pipe or a log file.
        warn("verification desk on http://\(command.host.contains(":") ? "[\(command.host)]" : command.host):\(command.port)/")
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
