import ArgumentParser
import EInvoiceVerification
import Foundation

/// `einvoice keys`: show which IRP keys are trusted and where they come from.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List or export the trusted IRP signing keys.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List trusted keys with kid, environment and provenance.")

        @OptionGroup var verification: VerificationOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try verification.makeVerifier().trustStore
            var writer = ReportWriter(path: output.output)
            if output.json {
                for key in store.keys { writer.write(KeyJSON(key).line) }
            } else {
                for key in store.keys {
                    writer.write("""
                        \(key.kid ?? "(no kid: tried for unknown kids)")  \(key.environment.rawValue)  \(key.label)
                          source:     \(key.source)
                          provenance: \(key.provenance)
                          RSA-\(key.bits), SPKI SHA-256 \(key.spkiSHA256)
                        """)
                }
                writer.write("""

                    Note: NIC publishes no signature certificate we could obtain. The built-in keys were derived
                    from public IRP tokens; they verify every known token, but their kid cannot be checked against
                    a certificate. Pin NIC's certificate with --trust when you have it.
                    """)
            }
            try writer.finish()
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one trusted key as PEM.")

        @Argument(help: "The kid (40 hex digits, or a unique prefix).")
        var kid: String

        @OptionGroup var verification: VerificationOptions

        func run() throws {
            let store = try verification.makeVerifier().trustStore
            let matches = store.keys.filter { $0.kid?.hasPrefix(kid.uppercased()) == true }
            guard matches.count == 1, let key = matches.first else {
                throw ValidationError(matches.isEmpty ? "no trusted key has kid \(kid)" : "kid prefix \(kid) is ambiguous")
            }
            print(key.pem)
        }
    }
}

/// The `--json` form of a trusted key.
private struct KeyJSON: Encodable {
    var kid: String?
    var environment: String
    var label: String
    var source: String
    var provenance: String
    var bits: Int
    var spkiSHA256: String

    init(_ key: TrustedKey) {
        kid = key.kid
        environment = key.environment.rawValue
        label = key.label
        source = key.source
        provenance = key.provenance
        bits = key.bits
        spkiSHA256 = key.spkiSHA256
    }

    var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"  // strings and booleans only
    }
}
