import Foundation

/// How the ledger writes times: UTC, ISO 8601 with milliseconds, so text order is time order.
enum LedgerClock {
    /// The stored form, e.g. `2026-12-01T03:10:42.125Z`.
    static func stored(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }
}
