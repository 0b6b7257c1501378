public import ArgumentParser
public import EInvoiceVerification

/// `--trust` and `--production-only`: accepted by every command that verifies.
public struct VerificationOptions: ParsableArguments {
    @Option(name: .customLong("trust"), help: ArgumentHelp(
        "Also trust the keys in FILE: PEM public keys or X.509 certificates (repeatable).",
        valueName: "FILE"))
    var trustFiles: [String] = []

    @Flag(help: "Trust production IRP keys only: sandbox-signed tokens are refused (exit 2).")
    var productionOnly = false

    public init() {}

    /// The verifier these options describe; a bad trust file is a usage error naming the file.
    public func makeVerifier() throws -> Verifier {
        var store = TrustStore.builtIn
        for path in trustFiles {
            do {
                store = try store.adding(contentsOf: path)
            } catch {
                throw ValidationError("--trust \(error.reason)")
            }
        }
        return Verifier(trustStore: store, policy: VerificationPolicy(productionOnly: productionOnly))
    }
}

/// `--json` and `-o/--output`.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Machine-readable output: one JSON object per line.")
    var json = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?
}
