import Foundation
import GRDB

/// The ledger's tables, their migrations, and the SQL that reads and writes rows.
///
/// Migrations are append-only: a released migration is never edited, a change is a new one.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-checks") { db in
            try db.create(table: "checks") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("checkedAt", .text).notNull()
                table.column("irn", .text).notNull()
                table.column("supplierGstin", .text)
                table.column("buyerGstin", .text)
                table.column("documentType", .text)
                table.column("documentNumber", .text)
                // Upper-cased, trimmed document number: the IRP compares them case-insensitively.
                table.column("documentKey", .text)
                table.column("documentDate", .text)
                // Exact decimal text from the token, never a floating-point number.
                table.column("total", .text)
                table.column("verdict", .text).notNull()
                table.column("environment", .text).notNull()
                table.column("ackNo", .text)
                table.column("ackDate", .text)
                table.column("fileName", .text)
                table.column("fileSHA256", .text)
            }
            try db.create(index: "checks_irn", on: "checks", columns: ["irn"])
            try db.create(index: "checks_document", on: "checks", columns: ["supplierGstin", "documentKey"])
            try db.create(index: "checks_checkedAt", on: "checks", columns: ["checkedAt"])
        }
        return migrator
    }

    static let columns = """
        id, checkedAt, irn, supplierGstin, buyerGstin, documentType, documentNumber, documentDate, total,
        verdict, environment, ackNo, ackDate, fileName, fileSHA256
        """

    static func insert(_ entry: LedgerEntry, checkedAt: String, into db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO checks (checkedAt, irn, supplierGstin, buyerGstin, documentType, documentNumber, documentKey,
                    documentDate, total, verdict, environment, ackNo, ackDate, fileName, fileSHA256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [checkedAt, entry.irn, entry.supplierGstin, entry.buyerGstin, entry.documentType,
                        entry.documentNumber, entry.documentKey, entry.documentDate, entry.total, entry.verdict,
                        entry.environment, entry.ackNo, entry.ackDate, entry.fileName, entry.fileSHA256])
    }

    static func fetch(_ db: Database, where clause: String, _ arguments: [(any DatabaseValueConvertible)?],
                      newestFirst: Bool = false, limit: Int? = nil) throws -> [LedgerRecord] {
        var sql = "SELECT \(columns) FROM checks"
        if !clause.isEmpty { sql += " WHERE \(clause)" }
        sql += newestFirst ? " ORDER BY id DESC" : " ORDER BY id"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(record)
    }

    static func record(_ row: Row) -> LedgerRecord {
        let entry = LedgerEntry(
            irn: row["irn"], supplierGstin: row["supplierGstin"], buyerGstin: row["buyerGstin"],
            documentType: row["documentType"], documentNumber: row["documentNumber"], documentDate: row["documentDate"],
            total: row["total"], verdict: row["verdict"], environment: row["environment"], ackNo: row["ackNo"],
            ackDate: row["ackDate"], fileName: row["fileName"], fileSHA256: row["fileSHA256"])
        return LedgerRecord(id: row["id"], checkedAt: row["checkedAt"], entry: entry)
    }
}
