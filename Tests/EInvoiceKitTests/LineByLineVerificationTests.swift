import EInvoiceKit
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

/// `verify` of an input larger than its head (``OpenedInput/headSize``): files of tokens and JSON
/// Lines are read line by line, with no size cap, and give exactly the results of reading them
/// whole; anything else is still read whole; and a large input of garbage lines stops early.
@Suite struct LineByLineVerificationTests {
    /// `data` as a file in a fresh temporary folder, opened; the folder goes with `body`.
    static func withOpened<T>(_ data: Data, _ body: (OpenedInput) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("line-by-line-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("input").path
        try data.write(to: URL(fileURLWithPath: path))
        return try body(try InputSource.open(path))
    }

    /// The report lines of `input` verified through the opened-input path, and whether it was a received file.
    static func lines(of input: OpenedInput, jobs: Int) throws -> [String] {
        var out: [String] = []
        let report = try ReceivedFileCheck(verifier: Verifier()).verify(input, name: "input", jobs: jobs) { result in
            result.jsonLineBytes
        } each: { _, line in
            out.append(String(decoding: line, as: UTF8.self))
        }
        #expect(report == nil)
        return out
    }

    /// `lines` repeated until past the head, so that the input is read line by line.
    static func pastTheHead(_ lines: [String]) -> Data {
        var text = ""
        var index = 0
        while text.utf8.count <= OpenedInput.headSize + 4096 {
            text += lines[index % lines.count] + (index % 5 == 4 ? "\r\n" : "\n")
            index += 1
        }
        return Data(text.utf8)
    }

    @Test func aLargeFileOfTokensGivesTheResultsOfReadingItWhole() throws {
        let data = ParallelVerificationTests.lines(1500)  // about 1.4 MB: real, tampered, malformed and blank lines
        try #require(data.count > OpenedInput.headSize)
        let whole = ParallelVerificationTests.lines(of: data, jobs: 1).map { $0.replacingOccurrences(of: "tokens.txt", with: "input") }
        try Self.withOpened(data) { input throws in
            #expect(IRPDocumentReader.lineShape(of: input, format: nil) == .tokens)
            #expect(try Self.lines(of: input, jobs: 1) == whole)
        }
        try Self.withOpened(data) { input throws in #expect(try Self.lines(of: input, jobs: 2) == whole) }
    }

    @Test func largeJSONLinesGiveTheResultsOfReadingThemWhole() throws {
        let responses = try String(decoding: Fixtures.data("wrappers/responses.jsonl"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let data = Self.pastTheHead(responses + ["{not json", ""])
        var whole: [String] = []
        Verifier().verify(data, source: "input", jobs: 1) { $0.jsonLineBytes } each: { _, line in
            whole.append(String(decoding: line, as: UTF8.self))
        }
        #expect(whole.contains { $0.contains("\"verdict\":\"valid\"") })
        #expect(whole.contains { $0.contains("unreadable-input") })
        try Self.withOpened(data) { input throws in
            #expect(IRPDocumentReader.lineShape(of: input, format: nil) == .jsonLines)
            #expect(try Self.lines(of: input, jobs: 2) == whole)
        }
    }

    /// What cannot be read a line at a time is read whole, as before (and capped as before).
    @Test func otherInputsAreReadWhole() throws {
        let pretty = Data(("{\n  \"Irn\": \"" + String(repeating: "a", count: OpenedInput.headSize) + "\"\n}\n").utf8)
        let binary = Data([0x00, 0xff, 0xfe, 0x0a] + (0..<OpenedInput.headSize).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let pdf = Data(("%PDF-1.7\n" + String(repeating: "x\n", count: OpenedInput.headSize / 2)).utf8)
        let small = Data("eyJhbGciOiJSUzI1NiJ9.e30.AAAA\n".utf8)
        for data in [pretty, binary, pdf, small] {
            try Self.withOpened(data) { input throws in
                #expect(IRPDocumentReader.lineShape(of: input, format: nil) == nil)
                #expect(try input.readAll() == data)
            }
        }
        try Self.withOpened(small) { input throws in #expect(input.isComplete) }
    }

    /// Garbage lines stop after ``Verifier/maximumUnreadableDocuments`` malformed documents, at a
    /// block end, with one last result saying so, for any number of jobs.
    @Test func manyGarbageLinesStopEarlyWithAReason() throws {
        let limit = Verifier.maximumUnreadableDocuments
        let data = Data(String(repeating: "x.y.z\n", count: limit * 2).utf8)
        let one = try Self.withOpened(data) { try Self.lines(of: $0, jobs: 1) }
        let two = try Self.withOpened(data) { try Self.lines(of: $0, jobs: 2) }
        #expect(one == two)
        #expect(one.count > limit && one.count < limit + 1100)
        #expect(one.last?.contains("the rest of the input was not read") == true)
        #expect(one.dropLast().allSatisfy { $0.contains("\"verdict\":\"malformed\"") })
    }

    /// A line longer than any token or response (an endless one, on a pipe) ends reading with a reason.
    @Test func anOverlongLineStopsReading() throws {
        let token = Fixtures.realTokens[0].token
        var data = Data((token + "\n" + token + "\n").utf8)
        data.append(Data(count: IRPDocumentReader.maximumLineLength + 10))
        data.append(Data(("\n" + token + "\n").utf8))
        let lines = try Self.withOpened(data) { try Self.lines(of: $0, jobs: 1) }
        #expect(lines.count == 3)
        #expect(lines.prefix(2).allSatisfy { !$0.contains("\"verdict\":\"malformed\"") })
        #expect(lines.last?.contains("line 3 is longer than 16 MB") == true)
    }

    /// Past the size cap a file of tokens is still opened (it is read line by line); read whole, it is refused.
    @Test func theSizeCapIsOnReadingWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("line-by-line-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tokens.txt").path
        try Data("x.y.z\n".utf8).write(to: URL(fileURLWithPath: path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputSource.maximumSize + 1))  // sparse: the rest is NUL bytes
        try handle.close()
        let input = try InputSource.open(path)
        #expect(!input.isComplete)
        #expect(throws: InputSource.ReadError.self) { try input.readAll() }
    }
}
