public import ArgumentParser
import EInvoiceKit

/// `einvoice`: verify, render, scan and archive Indian GST e-invoices (a process starts in
/// ``CommandLineEntry``).
public struct EInvoiceCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "einvoice",
        abstract: "Verify and print Indian GST e-invoices signed by the IRP.",
        discussion: """
            Exit codes (all commands):
              0   every token valid
              1   some token invalid (batch: some item not rendered)
              2   some token untrusted, none invalid (or a sandbox key refused by --production-only)
              3   the input is an IRP error response
              4   valid, but the IRN is cancelled (Status CNL)
              5   genuine sandbox signature: a test document, not a tax invoice
              64  usage error
              65  malformed input (scan: no e-invoice QR)
              66  an input cannot be opened (also: the Fonts/ and Templates/ folders, or serve's einvoice-serve, are not found)
              73  output cannot be written (disk full, permissions)
              75  batch: the output folder is busy (another run)
            """,
        version: EInvoiceVersion.string,
        subcommands: [VerifyCommand.self, RenderCommand.self, ScanCommand.self, BatchCommand.self, KeysCommand.self, ServeCommand.self,
                      DecodeCommand.self, TemplatesCommand.self, LedgerCommand.self]
    )

    public init() {}
}
