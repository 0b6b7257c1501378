import EInvoiceKit
import Foundation
import Testing

/// Records read from a file: an I/O error is not the end of the input.
@Suite struct LineReaderTests {
    @Test func linesAndATornLastLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("one\r\n\ntwo\nthree".utf8).write(to: url)
        let reader = LineReader(handle: try FileHandle(forReadingFrom: url))
        var lines: [String] = []
        while let line = reader.next() { lines.append(String(decoding: line, as: UTF8.self)) }
        #expect(lines == ["one", "", "two", "three"])
        #expect(reader.readError == nil)
    }

    @Test func linesAcrossChunksKeepTheirBytesAndOffsets() throws {
        // Lines of 1 to 70 000 bytes over 2.5 chunks: some cross a chunk's end, and every one after
        // the first is found in a buffer that no longer starts at index 0.
        var expected: [(offset: UInt64, text: String)] = []
        var file = Data()
        var length = 1
        while file.count < LineReader.chunkSize * 5 / 2 {
            let text = String(repeating: Character(UnicodeScalar(UInt8(97 + expected.count % 26))), count: length)
            expected.append((UInt64(file.count), text))
            file.append(contentsOf: Array(text.utf8) + [0x0a])
            length = length * 7 % 70_001 + 1
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try file.write(to: url)
        let reader = LineReader(handle: try FileHandle(forReadingFrom: url))
        var read: [(offset: UInt64, text: String)] = []
        while let line = reader.next() { read.append((reader.lastLineOffset, String(decoding: line, as: UTF8.self))) }
        #expect(read.map(\.text) == expected.map(\.text))
        #expect(read.map(\.offset) == expected.map(\.offset))
    }

    /// A line past the reader's limit comes in pieces of the limit, each marked as cut, whether its
    /// newline is read with it or not; the lines after it are whole again.
    @Test func aLineLongerThanTheLimitIsCut() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("short\n\(String(repeating: "x", count: 25))\nend".utf8).write(to: url)
        let handle = try FileHandle(forReadingFrom: url)
        let reader = LineReader(handle: handle, startingWith: Data("pre".utf8), atEnd: false, maximumLine: 10)
        var lines: [(text: String, cut: Bool)] = []
        while let line = reader.next() { lines.append((String(decoding: line, as: UTF8.self), reader.lastLineWasCut)) }
        #expect(lines.map(\.text) == ["preshort", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx", "end"])
        #expect(lines.map(\.cut) == [false, true, true, false, false])
    }

    @Test func aReadErrorIsKeptNotTakenForTheEnd() throws {
        // read(2) on a directory fails with EISDIR: the reader stops, and says why.
        let handle = try #require(FileHandle(forReadingAtPath: FileManager.default.temporaryDirectory.path))
        let reader = LineReader(handle: handle)
        #expect(reader.next() == nil)
        #expect(reader.readError != nil)
    }
}
