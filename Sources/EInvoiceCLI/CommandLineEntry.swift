public import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The start of an einvoice process: the command line parsed and a synchronous command run on the
/// main thread.
///
/// `AsyncParsableCommand.main` runs every command as a task on Swift's concurrency pool, whose
/// start creates Dispatch's worker and manager threads — on a 2-core virtual machine about 150 µs
/// each, for `einvoice --version` or one `render` that never awaits anything. Only the commands
/// that are asynchronous (`batch`) start the pool here; the main thread then serves Dispatch's main
/// queue until the command ends, as an async `main` would. Parsing, errors, help and exit codes are
/// ArgumentParser's own.
public enum CommandLineEntry {
    /// Runs `einvoice` with `arguments` (without the program's name); returns when a synchronous
    /// command has run, and never when the command fails or is asynchronous (the process exits).
    public static func run(_ arguments: [String]) {
        run(parse(arguments))
    }

    /// The command `arguments` (without the program's name) ask for, read as `einvoice` reads them;
    /// a usage error, `--help` or `--version` ends the process here, as ArgumentParser does.
    public static func parse(_ arguments: [String]) -> sending any ParsableCommand {
        do {
            return try EInvoiceCommand.parseAsRoot(LedgerArgument.normalised(arguments))
        } catch {
            EInvoiceCommand.exit(withError: error)
        }
    }

    /// Runs a parsed command: on the main thread, or on the concurrency pool when it is asynchronous.
    public static func run(_ parsed: sending any ParsableCommand) {
        guard let asynchronous = parsed as? any AsyncParsableCommand else {
            var command = parsed
            do {
                try command.run()
            } catch {
                EInvoiceCommand.exit(withError: error)
            }
            return
        }
        runOnTheConcurrencyPool { () async throws in
            var command = asynchronous
            try await command.run()
        }
    }

    /// Runs `body` as a task on the concurrency pool while the main thread serves Dispatch's main
    /// queue. The process exits with 0 when `body` returns, and as ArgumentParser exits for the
    /// error when it throws.
    public static func runOnTheConcurrencyPool(_ body: sending @escaping () async throws -> Void) -> Never {
        Task {
            do {
                try await body()
            } catch {
                EInvoiceCommand.exit(withError: error)
            }
            exit(EXIT_SUCCESS)
        }
        dispatchMain()
    }
}
