import Foundation

/// The creation date written into a PDF: injected, never read from the clock, so the same
/// input renders byte-identical files (reproducible-builds' `SOURCE_DATE_EPOCH` is honoured).
public enum CreationDate {
    /// `explicit` (ISO 8601) if given, else `SOURCE_DATE_EPOCH`, else the Ack Date (IST), else the epoch.
    public static func resolve(explicit: String?, environment: [String: String], ackDate: String?) throws(RenderError) -> String {
        if let explicit {
            guard let normalised = normalise(explicit) else {
                throw RenderError(.usage, "--creation-date must be ISO 8601, e.g. 2023-05-12T14:11:00+05:30 (got \(explicit))")
            }
            return normalised
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(epoch) else { throw RenderError(.usage, "SOURCE_DATE_EPOCH must be whole seconds (got \(epoch))") }
            return iso(Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds: 0)
        }
        if let ackDate, let date = istFormatter.date(from: ackDate) {
            return iso(date, offsetSeconds: 19_800)
        }
        return "1970-01-01T00:00:00Z"
    }

    static func normalise(_ text: String) -> String? {
        let withZone = ISO8601DateFormatter()
        if withZone.date(from: text) != nil { return text }
        return nil
    }

    static func iso(_ date: Date, offsetSeconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: offsetSeconds)
        return formatter.string(from: date)
    }

    /// IRP timestamps: `yyyy-MM-dd HH:mm:ss`, Indian Standard Time.
    static var istFormatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 19_800)
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }
}
