public import ArgumentParser
import EInvoiceKit
import Foundation
public import InvoiceLedger

/// `--ledger[=PATH]`: record each checked invoice in the duplicate-invoice ledger.
public struct LedgerOptions: ParsableArguments {
    @Option(name: .customLong("ledger"), help: ArgumentHelp(
        "Record each checked invoice in the ledger and report earlier receipts of it; a bare --ledger uses the default ledger.",
        valueName: "PATH"))
    var path: String?

    public init() {}

    /// The ledger these options name, opened; `nil` without `--ledger`.
    func open() throws -> InvoiceLedger? { try Self.open(path) }

    /// Opens the ledger at `path` (empty: the default one); a failure is a message and exit 73.
    public static func open(_ path: String?) throws -> InvoiceLedger? {
        guard let path else { return nil }
        do {
            return try InvoiceLedger(path: path.isEmpty ? LedgerLocation.defaultPath() : path)
        } catch {
            warn(error.reason)
            throw ExitCode(ExitStatus.cannotCreateOutput.rawValue)
        }
    }
}

/// Lets `--ledger` stand without a value, as GNU tools allow for optional arguments.
///
/// The parser needs every option value spelled out, so a bare `--ledger` becomes `--ledger=DEFAULT`
/// (the user's ledger), unless the next argument names a database (`.sqlite`, `.sqlite3`, `.db`): then it
/// is the path, as in `--ledger books.sqlite`. `--ledger=PATH` always works.
public enum LedgerArgument {
    public static func normalised(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                result += arguments[index...]
                break
            }
            if argument == "--ledger", !(result.first.map { ["ledger", "serve"].contains($0) } ?? false) {
                let next = arguments.index(after: index)
                if next < arguments.endIndex, isDatabasePath(arguments[next]) {
                    result += [argument, arguments[next]]
                    index = arguments.index(after: next)
                    continue
                }
                // The parser reads an empty `--ledger=` as a missing value: spell the default path out.
                result.append("--ledger=" + LedgerLocation.defaultPath())
            } else {
                result.append(argument)
            }
            index = arguments.index(after: index)
        }
        return result
    }

    static func isDatabasePath(_ argument: String) -> Bool {
        !argument.hasPrefix("-") && [".sqlite", ".sqlite3", ".db"].contains { argument.lowercased().hasSuffix($0) }
    }
}

/// Writes each input file's report lines with what the ledger knew added to the text or JSON,
/// after recording the file's checks through ``RecordedCheck``.
struct LedgerRecorder {
    let ledger: InvoiceLedger?
    /// Whether some check could not be recorded (the command then exits 73).
    private(set) var failed = false

    init(_ ledger: InvoiceLedger?) { self.ledger = ledger }

    /// Whether checks are recorded (`--ledger` was given).
    var isRecording: Bool { ledger != nil }

    mutating func write(_ results: [(json: VerificationResult.JSON, text: String)], input: String, data: Data,
                        asJSON: Bool, to writer: inout ReportWriter) {
        let recorded = RecordedCheck(results.map(\.json), name: input, data: data, in: ledger)
        if let failure = recorded.failure {
            warn(failure)
            failed = true
        }
        for (index, result) in recorded.results.enumerated() {
            writer.write(asJSON ? result.line : ([results[index].text] + recorded.textLines[index]).joined(separator: "\n"))
        }
    }
}
