/// A document date as the IRP writes it, `dd/MM/yyyy`, with the financial year it falls in.
public struct DocumentDate: Hashable, Sendable, CustomStringConvertible {
    public let day: Int
    public let month: Int
    public let year: Int

    /// Parses `dd/MM/yyyy`; `nil` for anything else or an impossible date.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.day = day
        self.month = month
        self.year = year
    }

    public var description: String {
        "\(Self.twoDigits(day))/\(Self.twoDigits(month))/\(year)"
    }

    /// The Indian financial year (1 April – 31 March) as the IRN formula writes it, `YYYY-YY`.
    public var financialYear: String {
        let start = month >= 4 ? year : year - 1
        return "\(start)-\(Self.twoDigits((start + 1) % 100))"
    }

    /// ISO 8601 date, `yyyy-MM-dd`.
    public var iso8601: String { "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))" }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
