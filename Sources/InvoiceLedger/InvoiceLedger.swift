public import Foundation
import GRDB

/// The duplicate-invoice ledger: every checked invoice, in one SQLite file shared by the desk and the CLI.
///
/// Why SQLite through GRDB: one file the AP team can copy, WAL mode so a running desk and a CLI
/// `scan --ledger` write to it at the same time, and transactions so a crash never leaves half a
/// record. Each ``record(_:at:)`` looks for earlier checks and inserts the new one in a single
/// immediate transaction, so two writers can never both miss each other's copy of an invoice.
///
/// The class is `Sendable`: the pool serialises writers and lets readers run beside them.
public final class InvoiceLedger: Sendable {
    /// Where the database lives.
    public let path: String
    let pool: DatabasePool

    /// Opens the ledger at `path`, creating it (and its folder) unless `mustExist`, and brings its
    /// schema up to date.
    ///
    /// - Throws: ``LedgerError/Code/cannotOpen`` when the file cannot be created, is not SQLite, is
    ///   another application's database, or was written by a newer einvoice.
    public init(path: String, mustExist: Bool = false) throws(LedgerError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if mustExist, !exists {
            throw LedgerError(.cannotOpen, "no ledger at \(path): nothing has been recorded there yet")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw LedgerError(.cannotOpen, "cannot create the ledger folder \(folder.path): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.label = "einvoice-ledger"
        // Another process (the desk, a second CLI) may hold the write lock for a moment.
        configuration.busyMode = .timeout(15)
        configuration.prepareDatabase { db in
            // A committed check survives power loss, not only a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try Self.open(path: path, configuration: configuration)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(.cannotOpen, "cannot open the ledger \(path): \(Self.describe(error))")
        }
    }

    /// Opens the pool, checks the file is an einvoice ledger and migrates it. Two processes that
    /// open a new ledger at the same moment (the desk and a CLI) race to switch it to WAL and to
    /// create its tables: SQLite answers the loser "database is locked" at once, without waiting
    /// through the busy timeout, or both see no migration applied and the second `CREATE TABLE`
    /// fails with "already exists". Either way the whole opening is tried again, for a while; the
    /// winner's migrations are then seen as applied.
    private static func open(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try pool.write { db in try checkOwnership(db, path: path) }
                try LedgerSchema.migrator.migrate(pool)
                return pool
            } catch let error as DatabaseError where isOpeningRace(error) && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    private static func isOpeningRace(_ error: DatabaseError) -> Bool {
        [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
            || (error.resultCode == .SQLITE_ERROR && error.message?.contains("already exists") == true)
    }

    /// Refuses a database that holds other tables but no einvoice migrations, and one migrated
    /// by a newer einvoice (its rows may mean something this version does not know).
    private static func checkOwnership(_ db: Database, path: String) throws {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if !tables.isEmpty, !tables.contains("grdb_migrations") {
            throw LedgerError(.cannotOpen, "\(path) is an SQLite database but not an einvoice ledger")
        }
        if tables.contains("grdb_migrations"), try LedgerSchema.migrator.hasBeenSuperseded(db) {
            throw LedgerError(.cannotOpen, "\(path) was written by a newer einvoice; this version cannot use it")
        }
    }

    /// Records one check and says what the ledger knew about the invoice before it.
    ///
    /// The look-up and the insert are one transaction: the check is either fully recorded, with its
    /// findings computed against every earlier committed check, or not at all.
    public func record(_ entry: LedgerEntry, at date: Date = Date()) throws(LedgerError) -> [LedgerFinding] {
        let checkedAt = LedgerClock.stored(date)
        do {
            return try pool.write { db in
                let findings = try Self.findings(for: entry, in: db)
                try LedgerSchema.insert(entry, checkedAt: checkedAt, into: db)
                return findings
            }
        } catch {
            throw LedgerError(.cannotWrite, "cannot record \(entry.irn.prefix(16))… in the ledger \(path): \(Self.describe(error))")
        }
    }

    static func findings(for entry: LedgerEntry, in db: Database) throws -> [LedgerFinding] {
        var findings: [LedgerFinding] = []
        if let finding = try first(.alreadyReceived, in: db, where: "irn = ?", [entry.irn]) {
            findings.append(finding)
        }
        guard let supplier = entry.supplierGstin, let key = entry.documentKey, !key.isEmpty else { return findings }
        if let finding = try first(.sameDocumentOtherIRN, in: db, where: "supplierGstin = ? AND documentKey = ? AND irn <> ?",
                                   [supplier, key, entry.irn]) {
            findings.append(finding)
        }
        // Totals differ as numbers, not as text ("100.5" is "100.50"): the few rows whose text differs are compared in Swift.
        if let total = entry.totalAmount {
            let otherText = try LedgerSchema.fetch(db, where: "supplierGstin = ? AND documentKey = ? AND irn = ? AND total <> ?",
                                                   [supplier, key, entry.irn, entry.total])
            let otherTotal = otherText.filter { $0.entry.totalAmount.map { $0 != total } ?? false }
            if let earliest = otherTotal.first {
                findings.append(LedgerFinding(kind: .sameDocumentOtherTotal, earlier: earliest, count: otherTotal.count))
            }
        }
        return findings
    }

    /// The earliest matching check and how many match, in two indexed queries.
    private static func first(_ kind: LedgerFinding.Kind, in db: Database, where clause: String,
                              _ arguments: [(any DatabaseValueConvertible)?]) throws -> LedgerFinding? {
        guard let earliest = try LedgerSchema.fetch(db, where: clause, arguments, limit: 1).first else { return nil }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM checks WHERE \(clause)",
                                     arguments: StatementArguments(arguments)) ?? 1
        return LedgerFinding(kind: kind, earlier: earliest, count: count)
    }

    /// Checks matching `filter`, newest first.
    public func checks(_ filter: LedgerFilter = LedgerFilter()) throws(LedgerError) -> [LedgerRecord] {
        let (clause, arguments) = filter.sql
        do {
            return try pool.read { db in
                try LedgerSchema.fetch(db, where: clause, arguments.map { $0 as (any DatabaseValueConvertible)? },
                                       newestFirst: true, limit: filter.limit)
            }
        } catch {
            throw LedgerError(.cannotRead, "cannot read the ledger \(path): \(Self.describe(error))")
        }
    }

    /// Every check of one IRN, oldest first.
    public func checks(irn: String) throws(LedgerError) -> [LedgerRecord] {
        do {
            return try pool.read { db in try LedgerSchema.fetch(db, where: "irn = ?", [irn]) }
        } catch {
            throw LedgerError(.cannotRead, "cannot read the ledger \(path): \(Self.describe(error))")
        }
    }

    /// The number of recorded checks.
    public func count() throws(LedgerError) -> Int {
        do {
            return try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM checks") ?? 0 }
        } catch {
            throw LedgerError(.cannotRead, "cannot read the ledger \(path): \(Self.describe(error))")
        }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, else what is wrong.
    public func integrityCheck() throws(LedgerError) -> [String] {
        do {
            return try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw LedgerError(.cannotRead, "cannot check the ledger \(path): \(Self.describe(error))")
        }
    }

    /// Closes the database now rather than when the last reference goes (the WAL is checkpointed
    /// into the file); any later use of this ledger throws.
    public func close() throws(LedgerError) {
        do {
            try pool.close()
        } catch {
            throw LedgerError(.cannotWrite, "cannot close the ledger \(path): \(Self.describe(error))")
        }
    }

    /// The one place SQLite and GRDB errors become words.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        if let error = error as? LedgerError { return error.reason }
        return "\(error)"
    }
}
