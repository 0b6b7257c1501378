import EInvoiceKit
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

/// `JSONLineEncoder` must write exactly what `JSONEncoder([.sortedKeys, .withoutEscapingSlashes])`
/// writes, so `--json` output did not change when the faster encoder replaced it.
@Suite struct JSONLineEncoderTests {
    static func foundationLine(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static let inputs = [
        "samples/production-odoo-nic-data.json", "samples/sandbox-goods-nic-data.json", "wrappers/mismatched-pair.json",
        "wrappers/cleartax-failure.json", "wrappers/nic-envelope-duplicate-2150.json", "wrappers/nic-data-cancelled.json",
        "wrappers/responses.jsonl", "wrappers/tokens.txt", "wrappers/unknown-wrapper.json",
        "wrappers/nic-envelope-encrypted.json",
    ]

    @Test(arguments: JSONLineEncoderTests.inputs)
    func everyReportLineIsByteForByteFoundations(path: String) throws {
        let results = IRPDocumentReader.read(try Fixtures.data(path), source: path).flatMap { Verifier().verify($0) }
        #expect(!results.isEmpty)
        for result in results {
            #expect(try JSONLineEncoder.line(result.json) == Self.foundationLine(result.json))
            // verify's own line, written member by member.
            #expect(try result.jsonLine == Self.foundationLine(result.json))
        }
    }

    @Test func realTokensVerifiedOrNot() throws {
        let untrusting = Verifier(trustStore: TrustStore(keys: []))
        for token in Fixtures.realTokens {
            for verifier in [Verifier(), untrusting] {
                let result = verifier.verify(InputDocument(id: "t", format: .jws, content: .token(token.token)))[0]
                #expect(try JSONLineEncoder.line(result.json) == Self.foundationLine(result.json))
                #expect(try result.jsonLine == Self.foundationLine(result.json))
            }
        }
    }

    /// `verify`'s line is written into memory sized beforehand for the longest escaping of every
    /// field: fields made only of characters that escape to six bytes each, in every member, still
    /// come out as `JSONEncoder`'s bytes (and within the size worked out).
    @Test func verifyLinesOfTheLongestEscapesAreFoundations() throws {
        let token = try #require(Fixtures.realTokens.first)
        var json = Verifier().verify(InputDocument(id: "t", format: .jws, content: .token(token.token)))[0].json
        let worst = String(repeating: "\u{1}", count: 300)
        json.input = worst
        json.format = worst
        json.irn = worst
        json.docNo = worst
        json.sellerGstin = worst
        json.buyerGstin = worst
        json.kid = worst
        json.status = worst
        json.totalInvoiceValue = worst
        json.itemCount = Int.min
        json.warnings = [worst, worst, ""]
        json.notes = [worst]
        json.errors = [worst, worst, worst]
        json.failures = [Failure(.badSignature, worst), Failure(.printedDiffers, worst)]
        json.irpErrors = [["code": worst, "message": worst], [:]]
        #expect(try json.line == Self.foundationLine(json))
    }

    /// Non-ASCII keys leave the whole line to `JSONEncoder`.
    @Test func nonASCIIKeysAreLeftToFoundation() throws {
        let value = ["é": 1, "e": 2, "z": 3, "É": 4, "😀": 5]
        #expect(try JSONLineEncoder.line(value) == Self.foundationLine(value))
    }

    /// A type that sets some keys more than once: the later value wins, as in `JSONEncoder`.
    struct Repeated: Encodable {
        enum Keys: String, CodingKey { case b, a, c }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("first", forKey: .b)
            try container.encode(1, forKey: .a)
            try container.encode("second", forKey: .b)
            try container.encode([1, 2], forKey: .c)
            try container.encodeNil(forKey: .a)
            try container.encode("third", forKey: .b)
        }
    }

    @Test func aKeySetTwiceKeepsItsLastValue() throws {
        let line = try JSONLineEncoder.line(Repeated())
        #expect(line == #"{"a":null,"b":"third","c":[1,2]}"#)
        #expect(line == (try Self.foundationLine(Repeated())))
    }

    struct Awkward: Encodable {
        var text: String
        var slash = "a/b"
        var nested: [String: [Int]] = ["b": [1, -2], "a": [], "B": [3]]
        var numbers: [Int64] = [.max, .min]
        var unsigned: UInt8 = 255
        var amount = Decimal(string: "763541.89")
        var ratio = 0.1
        var whole = 2.0
        var flags: [Bool?] = [true, nil, false]
        var none: String?
        var camelCase = 1
        var camelcase = 2
        var zebra = "z"
        var alpha = "a"
        var item10 = 10
        var item9 = 9
    }

    /// ASCII keys, which the fast encoder sorts itself (case ties included).
    struct Letters: Encodable {
        var text: String
        var camelCase = 1
        var camelcase = 2
        var CamelCase = 3
        var zebra = "z"
        var alpha = "a"
        var Alpha = "A"
        var b = [Int]()
        var B: Bool? = true
        var ab: [String: String] = ["ba": "1", "Ba": "2", "aB": "3", "ab": "4", "abc": "5", "a": "6"]
        var failures = [Failure(.badSignature, "x")]
        var item10 = 10
        var item9 = 9
        var under_score = "_"
    }

    @Test(arguments: JSONLineEncoderTests.awkwardTexts)
    func letterKeysSortAsFoundationSortsThem(text: String) throws {
        let value = Letters(text: text)
        let fast = try JSONLineEncoder.line(value)
        let foundation = try Self.foundationLine(value)
        #expect(fast == foundation, "\(fast)\n\(foundation)")
    }

    static let awkwardTexts: [String] = [
        "", "plain", "quote \" backslash \\ slash /", "₹ 7,63,541.89 — नमस्ते 😀", "\u{7f}\u{2028}\u{2029}",
        String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self),
    ]

    /// The escape test reads eight bytes at a time: a byte that needs escaping (or one that looks
    /// close to it) is found at every position of a word and of the tail.
    @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\u{20}", "\u{7f}", "!", "#", "[", "]", "é", "\u{a2}", "\u{dc}"])
    func everyPositionOfAnEscapeIsFound(character: String) throws {
        for position in 0..<20 {
            let text = String(repeating: "a", count: position) + character + String(repeating: "b", count: 19 - position)
            let value = Awkward(text: text)
            #expect(try JSONLineEncoder.line(value) == Self.foundationLine(value), "at \(position)")
        }
    }

    @Test(arguments: JSONLineEncoderTests.awkwardTexts)
    func awkwardValuesAndKeys(text: String) throws {
        let value = Awkward(text: text)
        #expect(try JSONLineEncoder.line(value) == Self.foundationLine(value))
    }
}
