import ArgumentParser
import EInvoiceCLI

/// `einvoice-serve`: the verification desk that `einvoice serve` starts (see ``ServeCommand``).
///
/// Started as `einvoice-serve serve OPTIONS`, it serves; with any other arguments it is the whole
/// `einvoice` command line — the desk's scans run their decoders in a child process of this very
/// executable (`_decode`), as the CLI's do.
@main
enum EntryPoint {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == ServeCommand.configuration.commandName else {
            CommandLineEntry.run(arguments)
            return
        }
        let command: ServeCommand
        do {
            command = try ServeCommand.parse(LedgerArgument.normalised(Array(arguments.dropFirst())))
        } catch {
            ServeCommand.exit(withError: error)
        }
        CommandLineEntry.runOnTheConcurrencyPool { try await Desk.serve(command) }
    }
}
