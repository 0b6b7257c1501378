import ArgumentParser
import EInvoiceKit

/// `einvoice`: verify, render, scan and archive Indian GST e-invoices.
@main
struct EInvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "einvoice",
        abstract: "Verify and print Indian GST e-invoices signed by the IRP.",
        discussion: """
            Exit codes (all commands): 0 all valid; 1 any invalid; 2 any untrusted (and none invalid);
            3 the input is an IRP error response; 4 valid but cancelled (Status CNL); 64 usage error;
            65 malformed input; 66 input cannot be opened; 73 output cannot be written.
            """,
        version: EInvoiceVersion.string,
        subcommands: [VerifyCommand.self, RenderCommand.self, ScanCommand.self, BatchCommand.self, KeysCommand.self, ServeCommand.self]
    )
}
