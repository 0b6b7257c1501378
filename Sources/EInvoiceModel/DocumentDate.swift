/// A document date as the IRP writes it, `dd/MM/yyyy`, with the financial year it falls in.
public struct DocumentDate: Hashable, Sendable, CustomStringConvertible {
    public let day: Int
    public let month: Int
    public let year: Int

    /// Parses `dd/MM/yyyy`; `nil` for anything else or an impossible date.
    public init?(_ text: String) {
        if let date = Self.plain(text) {
            self = date
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.day = day
        self.month = month
        self.year = year
    }

    /// The usual spelling, ten ASCII bytes `dd/MM/yyyy` of digits, read without splitting into
    /// strings (a `Character` split cost about as much as recomputing the IRN, per token); `nil` for
    /// anything else, which the general reading above then decides.
    private static func plain(_ text: String) -> DocumentDate? {
        var text = text
        return text.withUTF8 { bytes -> DocumentDate? in
            guard bytes.count == 10, bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let day = number(0..<2), let month = number(3..<5), let year = number(6..<10),
                  (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
            else { return nil }
            return DocumentDate(day: day, month: month, year: year)
        }
    }

    private init(day: Int, month: Int, year: Int) {
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
        guard (1000...9998).contains(start) else { return "\(start)-\(Self.twoDigits((start + 1) % 100))" }
        // Seven ASCII bytes written in place: an interpolated string was half the cost of the IRN
        // recomputation that asks for this once or twice per token.
        let next = (start + 1) % 100
        let digits = [start / 1000, start / 100 % 10, start / 10 % 10, start % 10, -3, next / 10, next % 10]
        return String(unsafeUninitializedCapacity: 7) { buffer in
            for (index, digit) in digits.enumerated() { buffer[index] = UInt8(truncatingIfNeeded: 0x30 + digit) }
            return 7
        }
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
