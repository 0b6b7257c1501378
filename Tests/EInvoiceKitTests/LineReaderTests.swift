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

    @Test func aReadErrorIsKeptNotTakenForTheEnd() throws {
        // read(2) on a directory fails with EISDIR: the reader stops, and says why.
        let handle = try #require(FileHandle(forReadingAtPath: FileManager.default.temporaryDirectory.path))
        let reader = LineReader(handle: handle)
        #expect(reader.next() == nil)
        #expect(reader.readError != nil)
    }
}
