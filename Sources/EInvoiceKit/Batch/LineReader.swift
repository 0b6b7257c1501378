public import Foundation

/// Reads newline-separated records from a file handle in 1 MB chunks: memory stays bounded by
/// the longest line, however long the file (a month of JSONL is many gigabytes).
///
/// One buffer is kept and refilled in place: the unread tail of a chunk moves to its front and the
/// next chunk is read behind it with `read(2)`. (A new `Data` per chunk, joined to the tail, copied
/// every byte of the input once more and mapped a fresh megabyte each time.)
public final class LineReader {
    /// Held so that its descriptor stays open while lines are read from it.
    private let handle: FileHandle
    private let descriptor: Int32
    private var buffer: [UInt8]
    /// The unread bytes are `buffer[start..<end]`; the rest is room to read into.
    private var start = 0
    private var end: Int
    private var finished = false
    /// Bytes of the input before `buffer[start]`.
    private var consumed: UInt64 = 0
    /// Byte offset in the input where the line last returned by ``next()`` starts.
    public private(set) var lastLineOffset: UInt64 = 0
    public static let chunkSize = 1 << 20
    /// A single record larger than this is returned truncated rather than exhausting memory.
    public static let maximumLine = 64 << 20
    /// This reader's cut-off for one line (``maximumLine`` unless given).
    public let maximumLine: Int
    /// Whether the line last returned by ``next()`` was cut at ``maximumLine`` bytes (the rest of
    /// it comes as the next line).
    public private(set) var lastLineWasCut = false

    /// Why reading stopped before the end of the input (an I/O error), if it did. ``next()`` then
    /// returns `nil` as at the end, so callers that must not lose records check this afterwards.
    public private(set) var readError: (any Error)?

    public convenience init(handle: FileHandle) {
        self.init(handle: handle, startingWith: Data(), atEnd: false)
    }

    /// Lines of `prefix`, bytes already read from `handle`, and then of the rest of it (none when
    /// `atEnd`, the input having ended within `prefix`), each cut at `maximumLine` bytes.
    public init(handle: FileHandle, startingWith prefix: Data, atEnd: Bool, maximumLine: Int = LineReader.maximumLine) {
        self.handle = handle
        descriptor = handle.fileDescriptor
        buffer = Array(prefix)
        end = buffer.count
        finished = atEnd
        self.maximumLine = maximumLine
    }

    /// The next line without its `\n` (and `\r`), or `nil` at the end of the input.
    public func next() -> Data? {
        while true {
            lastLineWasCut = false
            let unread = end - start
            if let newline = Self.firstNewline(in: buffer, from: start, to: end), newline - start <= maximumLine {
                var lineEnd = newline
                if lineEnd > start, buffer[lineEnd - 1] == 0x0d { lineEnd -= 1 }
                return take(Data(buffer[start..<lineEnd]), through: newline + 1)
            }
            // No newline within the limit: an unterminated last line, or one cut at the limit.
            if finished || unread > maximumLine {
                guard unread > 0 else { return nil }
                let length = min(unread, maximumLine)
                lastLineWasCut = !finished || length < unread
                return take(Data(buffer[start..<(start + length)]), through: start + length)
            }
            fill()
        }
    }

    /// Hands out `line`, whose bytes and separator end at `lineEnd` in the buffer.
    private func take(_ line: Data, through lineEnd: Int) -> Data {
        lastLineOffset = consumed
        consumed += UInt64(lineEnd - start)
        start = lineEnd
        return line
    }

    /// Moves the unread bytes to the front and reads behind them: up to a chunk, or what room the
    /// buffer has (grown by a chunk only when a line fills it).
    private func fill() {
        if start > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                memmove(base, base + start, end - start)
            }
            end -= start
            start = 0
        }
        if buffer.count - end < Self.chunkSize / 2 {
            buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        }
        let room = buffer.count - end
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + end, room) }
        } while count < 0 && errno == EINTR
        if count < 0 { readError = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if count <= 0 { finished = true } else { end += count }
    }

    /// The index of the first `\n` in `bytes[start..<end]`: `memchr`, where `firstIndex(of:)`
    /// stepped through a generic subscript byte by byte (1 % of `batch` on 7 KB response lines).
    static func firstNewline(in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        bytes.withUnsafeBytes { bytes -> Int? in
            guard start < end, let base = bytes.baseAddress, let found = memchr(base + start, 0x0a, end - start) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }
}

@available(*, unavailable)
extension LineReader: Sendable {}
