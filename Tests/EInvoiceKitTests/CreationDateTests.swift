import EInvoiceKit
import Foundation
import Testing

/// `CreationDate` converts with calendar arithmetic instead of `DateFormatter`; these compare it
/// with Foundation's formatters over many dates, leap days and century years included.
@Suite struct CreationDateTests {
    static func isoFormatter(offset: Int) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: offset)
        return formatter
    }

    @Test func sourceDateEpochMatchesFoundationOverFourCenturies() throws {
        let formatter = Self.isoFormatter(offset: 0)
        var generator = SystemRandomNumberGenerator()
        // Fixed landmarks (leap days, century years, the epoch itself) and random seconds from 1900 to 2300.
        let landmarks = [0, 951_782_400, 951_868_799, 4_107_542_400, 1_700_000_000, -2_208_988_800, 68_169_600]
        let samples = landmarks + (0..<2_000).map { _ in Int.random(in: -2_208_988_800...10_413_792_000, using: &generator) }
        for seconds in samples {
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let got = try CreationDate.resolve(explicit: nil, environment: ["SOURCE_DATE_EPOCH": String(seconds)], ackDate: nil)
            #expect(got == expected, "SOURCE_DATE_EPOCH=\(seconds)")
        }
    }

    @Test func ackDatesMatchFoundationInIndianStandardTime() throws {
        let irp = DateFormatter()
        irp.locale = Locale(identifier: "en_US_POSIX")
        irp.timeZone = TimeZone(secondsFromGMT: 19_800)
        irp.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let iso = Self.isoFormatter(offset: 19_800)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int.random(in: 946_684_800...4_102_444_800, using: &generator)))
            let ack = irp.string(from: date)
            #expect(try CreationDate.resolve(explicit: nil, environment: [:], ackDate: ack) == iso.string(from: date), "\(ack)")
        }
    }

    @Test(arguments: ["2023-02-29 10:00:00", "2023-13-01 10:00:00", "2023-04-31 10:00:00", "2023-05-12 24:00:00",
                      "2023-05-12 10:60:00", "2023-05-12T10:00:00", "2023-5-12 10:00:00", "12/05/2023 10:00:00", "", "2023-05-12 10:00:0x"])
    func anAckDateThatIsNotAValidIRPTimestampFallsBackToTheEpoch(_ ack: String) throws {
        #expect(try CreationDate.resolve(explicit: nil, environment: [:], ackDate: ack) == "1970-01-01T00:00:00Z")
    }

    @Test func aLeapDayIsAValidAckDate() throws {
        #expect(try CreationDate.resolve(explicit: nil, environment: [:], ackDate: "2024-02-29 23:59:59") == "2024-02-29T23:59:59+05:30")
    }
}
