import EInvoiceKit
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

/// `verify --jobs N`: documents verified side by side give the same results, in the same order,
/// as one thread, across blocks and for every kind of line.
@Suite struct ParallelVerificationTests {
    /// Real tokens, one per line, with a blank line, a malformed line and a tampered token among
    /// them: `count` lines in all, so that a run spans several blocks and a partial last one.
    static func lines(_ count: Int) -> Data {
        let tokens = Fixtures.realTokens.map(\.token)
        var lines: [String] = []
        for index in 0..<count {
            switch index % 97 {
            case 13: lines.append("not.a-token")
            case 41: lines.append("")
            case 58: lines.append(String(tokens[index % tokens.count].dropLast(2)) + "AA")
            default: lines.append(tokens[index % tokens.count])
            }
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func lines(of data: Data, jobs: Int) -> [String] {
        var out: [String] = []
        Verifier().verify(data, source: "tokens.txt", jobs: jobs) { result in
            result.jsonLineBytes
        } each: { result, line in
            #expect(line == result.jsonLineBytes)
            out.append(String(decoding: line, as: UTF8.self))
        }
        return out
    }

    @Test(arguments: [1, 31, 32, 2 * 1024 + 77])
    func twoOrThreeJobsGiveOneJobsLinesInOrder(count: Int) {
        let data = Self.lines(count)
        let one = Self.lines(of: data, jobs: 1)
        #expect(one.count == count - (0..<count).count { $0 % 97 == 41 })  // a blank line is no document
        #expect(Self.lines(of: data, jobs: 2) == one)
        #expect(Self.lines(of: data, jobs: 3) == one)
    }

    @Test func aResponseFileGivesTheSameResultsOnTwoJobs() throws {
        let data = try Fixtures.data("real/india-compliance_test_e_invoice.json")
        #expect(Self.lines(of: data, jobs: 2) == Self.lines(of: data, jobs: 1))
        #expect(Self.lines(of: data, jobs: 1).count == 15)
    }
}
