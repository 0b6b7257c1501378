import EInvoiceCLI

/// `einvoice`: the command line of ``EInvoiceCLI`` (`serve` hands over to `einvoice-serve`).
@main
enum EntryPoint {
    static func main() {
        CommandLineEntry.run(Array(CommandLine.arguments.dropFirst()))
    }
}
