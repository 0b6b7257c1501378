import EInvoiceModel
public import Foundation
import RasterIO

/// Inputs read line by line: a file of tokens or of JSON Lines responses can be far larger than
/// anything read whole (a million responses is gigabytes), and each line is one or more documents
/// of its own. What the input is, is told from its head (``OpenedInput/head``).
extension IRPDocumentReader {
    /// The kinds of input read a line at a time.
    public enum LineShape: Sendable {
        /// One compact JWS per line.
        case tokens
        /// One JSON value (a response or an array of them) per line.
        case jsonLines
    }

    /// How an input beginning with `head` is read line by line; `nil` when it must be read whole
    /// (a PDF or image, UTF-16 or binary bytes, one JSON document, a head of blank lines, a BOM).
    /// A complete input is always read whole, as ``read(_:source:format:each:)`` reads it.
    public static func lineShape(of input: OpenedInput, format: ResponseFormat?) -> LineShape? {
        guard !input.isComplete else { return nil }
        let head = input.head
        guard !head.starts(with: byteOrderMark), !head.starts(with: [0xff, 0xfe]), !head.starts(with: [0xfe, 0xff]),
              format != .pdfArchive,
              format != nil || ImageFormat.detect(head) == nil
        else { return nil }
        // Whole lines only: the head may end inside a multi-byte character.
        guard let lastNewline = head.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        let lines = Data(head[head.startIndex..<lastNewline])
        guard format == .jws || isValidUTF8(lines) else { return nil }
        guard let first = lines.first(where: { !isSpace($0) }) else { return nil }
        if format == .jws || (format == nil && first != UInt8(ascii: "{") && first != UInt8(ascii: "[")) { return .tokens }
        return isJSONLines(lines) ? .jsonLines : nil
    }

    /// The longest line read line by line: a compact JWS is at most ``CompactJWS/maximumLength``
    /// (16 MB), and no response carries more. Past it, what follows is not lines of IRP data.
    public static let maximumLineLength = 16 << 20

    /// Reads the documents of `lines`, each handed to `each` as its line is read, until `each`
    /// returns `false`. A line that cannot be read becomes an `.unreadable` document; so does an
    /// input that fails mid-way, or a line longer than ``maximumLineLength``, after which reading
    /// stops (an endless line would otherwise never end). Nothing is counted or capped: memory holds
    /// one line at a time. `lines` should cut lines at ``maximumLineLength``
    /// (``OpenedInput/lines()`` does).
    ///
    /// - Returns: the number of the last line read.
    @discardableResult
    public static func read(lines: LineReader, shape: LineShape, source: String, format: ResponseFormat?,
                            each: (InputDocument) -> Bool) -> Int {
        var lastLine = 0
        var longLine = false
        let forEachLine: ((Int, UnsafeRawBufferPointer) -> Bool) -> Void = { body in
            while let line = lines.next() {
                lastLine += 1
                guard !lines.lastLineWasCut else {
                    longLine = true
                    return
                }
                let more = line.withUnsafeBytes { body(lastLine, $0) }
                if !more { return }
            }
        }
        var stopped = false
        switch shape {
        case .tokens:
            readTokens(forEachLine, source: source, limit: nil) { document in
                stopped = !each(document)
                return !stopped
            }
        case .jsonLines:
            forEachLine { lineNumber, line in
                guard line.contains(where: { !isSpace($0) }) else { return true }
                for document in documents(inLine: line, id: "\(source):\(lineNumber)", format: format) {
                    guard each(document) else {
                        stopped = true
                        return false
                    }
                }
                return true
            }
        }
        if !stopped, longLine {
            _ = each(InputDocument(id: "\(source):\(lastLine)", format: format, content: .unreadable(
                "line \(lastLine) is longer than \(maximumLineLength >> 20) MB, so it is no token or response; reading stopped there")))
        } else if !stopped, let error = lines.readError {
            _ = each(InputDocument(id: "\(source):\(lastLine + 1)", format: format, content: .unreadable(
                "reading stopped after line \(lastLine): \(error.localizedDescription)")))
        }
        return lastLine
    }
}
