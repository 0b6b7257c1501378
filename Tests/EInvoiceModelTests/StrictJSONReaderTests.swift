import EInvoiceModel
import Foundation
import Testing

@Suite struct StrictJSONReaderTests {
    func parse(_ text: String) throws -> JSONValue { try StrictJSONReader.parse(Data(text.utf8)) }

    func failure(_ text: String) -> ModelError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as ModelError {
            return error
        } catch {
            return nil
        }
    }

    @Test func duplicateKeysAreRefusedNamingKeyAndPath() throws {
        let error = try #require(failure(#"{"Data": {"Status": "ACT", "Irn": "1", "Status": "CNL"}}"#))
        #expect(error.code == .duplicateKey)
        #expect(error.reason.contains(#"duplicate key "Status""#), "\(error.reason)")
        #expect(error.reason.contains("at /Data"), "\(error.reason)")
        #expect(error.reason.contains("line 1, column 40"), "\(error.reason)")
    }

    @Test func duplicateKeysInsideArraysNameTheIndex() throws {
        let error = try #require(failure("[{}, {\"a/b\": {\"x\": 1, \"x\": 1}}]"))
        #expect(error.code == .duplicateKey)
        #expect(error.reason.contains("at /1/a~1b"), "\(error.reason)")
    }

    @Test func sameKeyInSiblingObjectsIsFine() throws {
        let value = try parse(#"[{"Irn": "a"}, {"Irn": "b"}]"#)
        #expect(value == .array([.object(["Irn": .string("a")]), .object(["Irn": .string("b")])]))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let value = try StrictJSONReader.parse(Data([0xef, 0xbb, 0xbf]) + Data(#"{"a": true}"#.utf8))
        #expect(value["a"] == .bool(true))
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", #"{"a":1,}"#, "[1 2]", "01", "-", "1.", "1e", "+1", ".5", "NaN", "Infinity",
        "tru", "nul", "'a'", #"{"a" 1}"#, #"{a: 1}"#, "// c\n1", "1 2", "\"\u{1}\"", #""\x""#, #""\u12""#,
        #""\uD800""#, #""\uDC00""#, #""\uD800\u0041""#, "\"abc", "[", "{\"a\":", #"{"a":1"#, "1e99999",
        "12345678901234567890123456789012345678901234567890",
    ])
    func outsideRFC8259IsRefused(_ text: String) {
        #expect(failure(text)?.code == .notJSON, "\(text.debugDescription)")
    }

    @Test func invalidUTF8InAStringIsRefused() {
        let data = Data(#"{"a": ""#.utf8) + Data([0xc3, 0x28]) + Data(#""}"#.utf8)
        #expect(throws: ModelError(.notJSON, "")) { try StrictJSONReader.parse(data) }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep)?.reason.contains("nested deeper than") == true)
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(failure(fine) == nil)
    }

    @Test func stringsAndEscapes() throws {
        let value = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u20B9 \uD83D\uDE00", "₹ é", ""]"#)
        #expect(value == .array([.string("a\"b\\c/d\u{8}\u{c}\n\r\t"), .string("₹ 😀"), .string("₹ é"), .string("")]))
    }

    /// The text of every number is what Foundation's `Decimal(string:)` gives: `AckNo` and amounts stay exact.
    @Test(arguments: [
        "0", "-0", "7", "-12", "232210036743849", "100000.0", "118000.00", "0.05", "-3.25", "1e3", "2.5E-2", "1E+2",
        "18446744073709551615", "123456789012345678901234567890", "0.000001", "9.99",
    ])
    func numbersAreExact(_ text: String) throws {
        let value = try parse(text)
        let expected = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(value == .number(expected), "\(text)")
        #expect(value.text == expected.description, "\(text)")
    }

    /// A document of millions of tiny values is refused before it fills memory.
    @Test func tooManyValuesAreRefused() throws {
        let count = StrictJSONReader.maximumValues
        let data = Data(("[" + String(repeating: "0,", count: count) + "0]").utf8)
        #expect(throws: ModelError.self) { try StrictJSONReader.parse(data) }
        do {
            _ = try StrictJSONReader.parse(data)
        } catch {
            #expect(error.reason.contains("more than \(count) values"), "\(error.reason)")
        }
        let justUnder = Data(("[" + String(repeating: "0,", count: count - 2) + "0]").utf8)
        #expect(throws: Never.self) { try StrictJSONReader.parse(justUnder) }
    }

    @Test func agreesWithFoundationOnTheFixtures() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/wrappers").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        #expect(files.count > 5)
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(try StrictJSONReader.parse(data) == JSONDecoder().decode(JSONValue.self, from: data), "\(file)")
        }
    }
}
