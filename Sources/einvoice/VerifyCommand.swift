public import ArgumentParser
public import EInvoiceKit
import EInvoiceVerification
import Foundation

/// `einvoice verify`: check IRP responses or tokens offline against pinned IRP keys.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify IRP responses or signed tokens offline.",
        discussion: """
            Reads the NIC Data object or envelope, GSP wrappers (Adaequare, ClearTax, Masters India,
            sandbox.co.in), JSON Lines of those, or bare compact JWS tokens one per line. Checks the RS256
            signature against the pinned IRP keys, recomputes the IRN, compares the QR with the signed
            invoice, and checks GSTIN check digits. The built-in keys were derived from public IRP tokens,
            not taken from NIC certificates: see `einvoice keys list`.
            """
    )

    @Argument(help: "Files to verify; - reads standard input.")
    var inputs: [String] = ["-"]

    @Option(help: ArgumentHelp("Read the input as this format instead of detecting it: \(ResponseFormat.selectable.map(\.rawValue).joined(separator: ", ")).", valueName: "FORMAT"))
    var format: ResponseFormat?

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let verifier = try verification.makeVerifier()
        var writer = ReportWriter(path: output.output)
        var results: [VerificationResult] = []
        var inputCount = 0
        let unreadable = forEachInput(inputs) { name, data in
            inputCount += 1
            for document in IRPDocumentReader.read(data, source: name, format: format) {
                for result in verifier.verify(document) {
                    writer.write(output.json ? result.jsonLine : result.text)
                    results.append(result)
                }
            }
        }
        if !output.json, results.contains(where: { $0.token != nil }) {
            writer.write("\nNote: \(VerificationPolicy.cancellationNote)")
        }
        let summary = VerificationSummary(results, inputs: inputCount)
        writer.write(output.json ? summary.jsonLine : summary.text)
        try writer.finish()
        let status = unreadable && results.isEmpty ? ExitStatus.noInput : ExitStatus.of(results)
        if unreadable, status == .success { throw ExitCode(ExitStatus.noInput.rawValue) }
        if status != .success { throw ExitCode(status.rawValue) }
    }
}

extension ResponseFormat: ExpressibleByArgument {}
