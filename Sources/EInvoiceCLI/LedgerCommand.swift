import ArgumentParser
import EInvoiceKit
import Foundation
import InvoiceLedger

/// `einvoice ledger`: what the duplicate-invoice ledger holds — list, show one IRN, export CSV.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "List, show or export the invoices recorded by `scan --ledger`, `verify --ledger` and the desk.",
        discussion: """
            The ledger is an SQLite file, by default $XDG_DATA_HOME/einvoice/ledger.sqlite (else \
            ~/.local/share/einvoice/ledger.sqlite). Times are UTC. `ledger show` exits 1 when the IRN was never recorded.
            """,
        subcommands: [List.self, Show.self, Export.self],
        defaultSubcommand: List.self
    )

    /// `--ledger PATH` and the filters shared by `list` and `export`.
    struct Selection: ParsableArguments {
        @Option(name: .customLong("ledger"), help: ArgumentHelp("The ledger file (default: the user's ledger).", valueName: "PATH"))
        var path: String?

        @Option(help: ArgumentHelp("Checks on or after this day (yyyy-mm-dd, UTC) or time (ISO 8601).", valueName: "DATE"))
        var from: String?

        @Option(help: ArgumentHelp("Checks on or before this day (yyyy-mm-dd, UTC, inclusive) or time.", valueName: "DATE"))
        var to: String?

        @Option(help: ArgumentHelp("Only this supplier GSTIN.", valueName: "GSTIN"))
        var supplier: String?

        @Option(help: ArgumentHelp("Only this verdict: \(LedgerFilter.verdicts.joined(separator: ", ")).", valueName: "VERDICT"))
        var verdict: String?

        func filter(limit: Int?) throws -> LedgerFilter {
            do {
                return try LedgerFilter(from: from, to: to, supplier: supplier, verdict: verdict, limit: limit).validated()
            } catch {
                throw ValidationError(error.reason)
            }
        }

        /// The ledger, which must already exist: listing never creates one.
        func open() throws -> InvoiceLedger {
            let resolved = path ?? LedgerLocation.defaultPath()
            do {
                return try InvoiceLedger(path: resolved, mustExist: true)
            } catch {
                warn(error.reason)
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded checks, newest first.")

        @OptionGroup var selection: Selection

        @Option(help: ArgumentHelp("Show at most N checks (0: all).", valueName: "N"))
        var limit = 50

        @OptionGroup var output: OutputOptions

        func run() throws {
            let records = try readingLedger { try selection.open().checks(selection.filter(limit: limit == 0 ? nil : limit)) }
            var writer = ReportWriter(path: output.output)
            if output.json {
                for record in records { writer.write(record.jsonLine) }
            } else if records.isEmpty {
                writer.write("No checks recorded\(selection.isFiltered ? " that match" : "").")
            } else {
                writer.write(LedgerTable.render(records))
            }
            try writer.finish()
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every check of one IRN, oldest first.")

        @Argument(help: "The IRN (64 hex digits).")
        var irn: String

        @OptionGroup var selection: Selection
        @OptionGroup var output: OutputOptions

        func run() throws {
            let key = irn.trimmingCharacters(in: .whitespaces).lowercased()
            let records = try readingLedger { try selection.open().checks(irn: key) }
            var writer = ReportWriter(path: output.output)
            if records.isEmpty {
                warn("IRN \(key) is not in the ledger")
                try writer.finish()
                throw ExitCode(1)
            }
            for record in records {
                writer.write(output.json ? record.jsonLine : LedgerTable.detail(record))
            }
            try writer.finish()
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", 
            abstract: "Export recorded checks as CSV (oldest first) for a spreadsheet.",
            discussion: "Cells a spreadsheet would run as a formula get a leading apostrophe.")

        @OptionGroup var selection: Selection

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        func run() throws {
            let records = try readingLedger { try selection.open().checks(selection.filter(limit: nil)) }
            var writer = ReportWriter(path: output)
            writer.write(LedgerCSV.render(Array(records.reversed())), terminator: "")
            try writer.finish()
        }
    }
}

extension LedgerCommand.Selection {
    var isFiltered: Bool { from != nil || to != nil || supplier != nil || verdict != nil }
}

/// Runs a ledger read, turning a read failure into a message and exit 66.
private func readingLedger<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LedgerError {
        warn(error.reason)
        throw ExitCode(ExitStatus.noInput.rawValue)
    }
}
