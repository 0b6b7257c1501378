import EInvoiceBasics
import EInvoiceModel
import RasterIO
public import Foundation

/// Tells what an input is (NIC envelope, GSP wrapper, bare tokens) and pulls the IRP data out of it.
///
/// Never throws: anything it cannot read becomes an `.unreadable` document with the reason.
public enum IRPDocumentReader {
    /// Reads `data` from `source`; `format` skips detection. A UTF-8 byte-order mark is skipped.
    public static func read(_ data: Data, source: String, format: ResponseFormat? = nil) -> [InputDocument] {
        var documents: [InputDocument] = []
        read(data, source: source, format: format) { documents.append($0) }
        return documents
    }

    /// The same, handing each document to `each` as it is read: a file of bare tokens (up to
    /// ``maximumDocuments`` of them) is then never held as documents, only verified line by line.
    public static func read(_ data: Data, source: String, format: ResponseFormat? = nil, each: (InputDocument) -> Void) {
        let data = data.starts(with: byteOrderMark) ? Data(data.dropFirst(byteOrderMark.count)) : data
        guard !data.isEmpty, data.contains(where: { !isSpace($0) }) else {
            each(InputDocument(id: source, format: format, content: .unreadable("the input is empty")))
            return
        }
        if format == nil, ImageFormat.detect(data) == .pdf {
            guard let response = ArchivedTokens.read(data) else {
                each(InputDocument(id: source, format: .pdfArchive, content: .unreadable(
                    "the PDF carries no embedded IRP tokens (only `render --archive` PDFs do): use `einvoice scan` to read its printed QR")))
                return
            }
            // Only the embedded tokens: comparing them with the QR printed on the pages is the received-file
            // check's work (`scan`, `verify FILE.pdf`), done on the page images it reads anyway. Rendering
            // or batch-verifying an archive needs no rasterised page.
            each(InputDocument(id: source, format: .pdfArchive, content: .response(response)))
            return
        }
        if data.starts(with: [0xff, 0xfe]) || data.starts(with: [0xfe, 0xff]) {
            each(InputDocument(id: source, format: format, content: .unreadable("the input is not UTF-8 text but UTF-16: save it as UTF-8")))
            return
        }
        guard format == .jws || isValidUTF8(data) else {
            each(InputDocument(id: source, format: format, content: .unreadable("the input is not UTF-8 text (a binary file?)")))
            return
        }
        if format == .jws || (format == nil && !looksLikeJSON(data)) {
            readTokens(data, source: source, each: each)
            return
        }
        for document in jsonDocuments(data, source: source, format: format) { each(document) }
    }

    /// One JSON document, or JSON Lines of them.
    private static func jsonDocuments(_ data: Data, source: String, format: ResponseFormat?) -> [InputDocument] {
        do throws(ModelError) {
            return documents(in: try JSONValue.parse(data), source: source, format: format)
        } catch where error.code == .notJSON && isJSONLines(data) {
            return readJSONLines(data, source: source, format: format)
        } catch {
            return [InputDocument(id: source, format: format, content: .unreadable(jsonProblem(error)))]
        }
    }

    static let byteOrderMark: [UInt8] = [0xef, 0xbb, 0xbf]

    /// JSON Lines when the first non-blank line is a whole JSON value and another line follows it;
    /// otherwise a broken pretty-printed document would be reported once per line.
    static func isJSONLines(_ data: Data) -> Bool {
        var lines: [Data] = []
        forEachLine(of: data) { _, line in
            if line.contains(where: { !isSpace($0) }) { lines.append(Data(line)) }
            return lines.count < 2
        }
        guard lines.count > 1 else { return false }
        return (try? JSONValue.parse(lines[0])) != nil  // a probe: is the first line a JSON value of its own?
    }

    /// Calls `body` with each line's number (from 1) and bytes, without the newline, until it
    /// returns `false`. Lines are visited in place: splitting a 64 MB file of short lines into
    /// slices first took a gigabyte.
    static func forEachLine(of data: Data, _ body: (Int, UnsafeRawBufferPointer) -> Bool) {
        data.withUnsafeBytes { bytes in
            var lineNumber = 0
            var start = 0
            while start <= bytes.count {
                lineNumber += 1
                let end = bytes.offset(of: UInt8(ascii: "\n"), from: start) ?? bytes.count
                guard body(lineNumber, UnsafeRawBufferPointer(rebasing: bytes[start..<end])) else { return }
                start = end + 1
            }
        }
    }

    /// One JSON value per line (JSONL); used when the whole input is not one JSON value.
    static func readJSONLines(_ data: Data, source: String, format: ResponseFormat?) -> [InputDocument] {
        var found = FoundDocuments()
        forEachLine(of: data) { lineNumber, line in
            guard line.contains(where: { !isSpace($0) }) else { return true }
            guard !found.isFull else {
                found.countUnread()
                return true
            }
            for document in documents(inLine: line, id: "\(source):\(lineNumber)", format: format) { found.append(document) }
            return true
        }
        return found.finished(source: source)
    }

    /// The documents of one line of JSON Lines, or an `.unreadable` one saying why there are none.
    static func documents(inLine line: UnsafeRawBufferPointer, id: String, format: ResponseFormat?) -> [InputDocument] {
        do throws(ModelError) {
            return documents(in: try JSONValue.parse(Data(line)), source: id, format: format)
        } catch {
            return [InputDocument(id: id, format: format, content: .unreadable(jsonProblem(error)))]
        }
    }

    /// One token per line. Works on bytes, not `Character`s: grapheme breaking and Foundation's
    /// trimming of a 20 000-line file cost more than its RSA checks, and a CRLF pair is one
    /// `Character`, so splitting the text on "\n" never split a Windows file into its lines.
    ///
    /// Each document goes to `each` as its line is read, except the first, held until a second
    /// shows it is not alone: a lone token is the input itself (its id is `source`, not `source:line`).
    static func readTokens(_ data: Data, source: String, each: (InputDocument) -> Void) {
        readTokens({ forEachLine(of: data, $0) }, source: source, limit: maximumDocuments) { document in
            each(document)
            return true
        }
    }

    /// The same over any lines (`forEachLine` calls its body with each line's number and bytes until
    /// it returns `false`): past `limit` documents, lines are counted, not read, and one last document
    /// says how many were left; `each` returns `false` to stop reading.
    static func readTokens(_ forEachLine: @escaping ((Int, UnsafeRawBufferPointer) -> Bool) -> Void, source: String, limit: Int?,
                           each: (InputDocument) -> Bool) {
        var kept = 0
        var unread = 0
        var first: InputDocument?
        var stopped = false
        forEachLine { lineNumber, line in
            if let limit, kept >= limit {
                if line.contains(where: { !isSpace($0) }) { unread += 1 }
            } else if let token = token(in: line) {
                let document = InputDocument(id: "\(source):\(lineNumber)", format: .jws, content: .token(token))
                kept += 1
                if kept == 1 {
                    first = document
                } else {
                    if let held = first.take(), !each(held) { stopped = true }
                    if !stopped, !each(document) { stopped = true }
                }
            }
            return !stopped
        }
        guard !stopped else { return }
        if var lone = first {
            lone.id = source
            guard each(lone) else { return }
        }
        if unread > 0 { _ = each(FoundDocuments.unreadNote(kept: kept, unread: unread, source: source)) }
    }

    /// The line without surrounding white space and one pair of enclosing double quotes; `nil` when blank.
    private static func token(in line: UnsafeRawBufferPointer) -> String? {
        var start = 0
        var end = line.count
        // ASCII white space as `.whitespacesAndNewlines` has it (form feed and vertical tab too).
        let isBlank: (UInt8) -> Bool = { isSpace($0) || $0 == 0x0b || $0 == 0x0c }
        while start < end, isBlank(line[start]) { start += 1 }
        while end > start, isBlank(line[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var token = String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
        // Unicode white space (no-break space, U+2028, …) is trimmed as before, on the rare line
        // that starts or ends in a non-ASCII byte.
        if line[start] >= 0x80 || line[end - 1] >= 0x80 {
            token = token.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { return nil }
        }
        if token.utf8.count >= 2, token.utf8.first == UInt8(ascii: "\""), token.utf8.last == UInt8(ascii: "\"") {
            token = String(token.dropFirst().dropLast())
        }
        return token
    }

    private static func jsonProblem(_ error: ModelError) -> String {
        error.code == .duplicateKey ? "ambiguous JSON: \(error.reason)" : "the input looks like JSON but is not valid: \(error.reason)"
    }

    /// Whether `data` is UTF-8. Token files and IRP JSON are ASCII: eight bytes at a time are checked
    /// for a high bit first, and only text with one is decoded (a `String` made of a 20 MB file
    /// just to validate it cost more than the file's JSON parsing).
    static func isValidUTF8(_ data: Data) -> Bool {
        let ascii = data.withUnsafeBytes { bytes -> Bool in
            var index = 0
            var high: UInt64 = 0
            while index + 8 <= bytes.count {
                high |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < bytes.count {
                high |= UInt64(bytes[index])
                index += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
        return ascii || String(validating: data, as: UTF8.self) != nil
    }

    private static func looksLikeJSON(_ data: Data) -> Bool {
        guard let first = data.first(where: { !isSpace($0) }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }
}
