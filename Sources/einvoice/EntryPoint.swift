import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's start: the command line parsed and a synchronous command run on the main thread.
///
/// `AsyncParsableCommand.main` runs every command as a task on Swift's concurrency pool, whose
/// start creates Dispatch's worker and manager threads — on a 2-core virtual machine about 150 µs
/// each, for `einvoice --version` or one `render` that never awaits anything. Only the commands
/// that are asynchronous (`batch`, `serve`) start the pool here; the main thread then serves
/// Dispatch's main queue until the command ends, as an async `main` would. Parsing, errors, help
/// and exit codes are ArgumentParser's own.
@main
enum EntryPoint {
    static func main() {
        let arguments = LedgerArgument.normalised(Array(CommandLine.arguments.dropFirst()))
        let parsed: any ParsableCommand
        do {
            parsed = try EInvoiceCommand.parseAsRoot(arguments)
        } catch {
            EInvoiceCommand.exit(withError: error)
        }
        if let asynchronous = parsed as? any AsyncParsableCommand {
            runOnTheConcurrencyPool(asynchronous)
        }
        var command = parsed
        do {
            try command.run()
        } catch {
            EInvoiceCommand.exit(withError: error)
        }
    }

    private static func runOnTheConcurrencyPool(_ command: sending any AsyncParsableCommand) -> Never {
        Task {
            var command = command
            do {
                try await command.run()
            } catch {
                EInvoiceCommand.exit(withError: error)
            }
            exit(EXIT_SUCCESS)
        }
        dispatchMain()
    }
}
