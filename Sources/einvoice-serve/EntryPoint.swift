import EInvoiceCLI

/// `einvoice-serve`: the verification desk that `einvoice serve` starts (see ``ServeCommand``).
///
/// Started as `einvoice-serve serve OPTIONS`, it serves; with any other arguments it is the whole
/// `einvoice` command line — the desk's scans run their decoders in a child process of this very
/// executable (`_decode`), as the CLI's do.
@main
enum EntryPoint {
    static func main() {
        // Read exactly as `einvoice` read it before handing over (the same root command, the same
        // handling of `--ledger`), so the two can never disagree about `serve`'s options.
        let parsed = CommandLineEntry.parse(Array(CommandLine.arguments.dropFirst()))
        guard let serve = parsed as? ServeCommand else {
            CommandLineEntry.run(parsed)
            return
        }
        CommandLineEntry.runOnTheConcurrencyPool { try await Desk.serve(serve) }
    }
}
