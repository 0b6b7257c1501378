import Foundation

/// The creation date written into a PDF: injected, never read from the clock, so the same
/// input renders byte-identical files (reproducible-builds' `SOURCE_DATE_EPOCH` is honoured).
///
/// The Ack Date and the epoch are converted with calendar arithmetic, not `DateFormatter`: the
/// first formatter of a process loads ICU's calendar and time-zone data, about 10 million
/// instructions — 5 % of rendering one invoice in its own process — for one fixed-format date.
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
            return utc(secondsSinceEpoch: seconds)
        }
        if let ackDate, let timestamp = CivilTime(irpTimestamp: ackDate) {
            return timestamp.iso8601 + "+05:30"
        }
        return "1970-01-01T00:00:00Z"
    }

    static func normalise(_ text: String) -> String? {
        let withZone = ISO8601DateFormatter()
        if withZone.date(from: text) != nil { return text }
        return nil
    }

    /// `seconds` after 1970-01-01T00:00:00Z, as ISO 8601 in UTC (`…Z`).
    static func utc(secondsSinceEpoch seconds: Int) -> String {
        let days = seconds.floorDivided(by: 86_400), second = seconds - days * 86_400
        return CivilTime(daysSinceEpoch: days, secondOfDay: second).iso8601 + "Z"
    }
}

/// A date and time of day without a zone, for the two conversions above.
struct CivilTime: Equatable {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// An IRP timestamp, `yyyy-MM-dd HH:mm:ss` (Indian Standard Time); nil unless every field is
    /// in range, the day included (no 30 February), as a strict `DateFormatter` would.
    init?(irpTimestamp text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    init(daysSinceEpoch days: Int, secondOfDay: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss`, without a zone.
    var iso8601: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
    }
}

extension Int {
    /// Division rounding toward negative infinity (dates before 1970 have negative day numbers).
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
