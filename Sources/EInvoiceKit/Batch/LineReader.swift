public import Foundation

/// Reads newline-separated records from a file handle in 1 MB chunks: memory stays bounded by
/// the longest line, however long the file (a month of JSONL is many gigabytes).
public final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false
    /// Bytes of the input before the current buffer.
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

    public init(handle: FileHandle) {
        self.handle = handle
        maximumLine = Self.maximumLine
    }

    /// Lines of `prefix`, bytes already read from `handle`, and then of the rest of it (none when
    /// `atEnd`, the input having ended within `prefix`), each cut at `maximumLine` bytes.
    public init(handle: FileHandle, startingWith prefix: Data, atEnd: Bool, maximumLine: Int = LineReader.maximumLine) {
        self.handle = handle
        buffer = prefix
        finished = atEnd
        self.maximumLine = maximumLine
    }

    /// The next line without its `\n` (and `\r`), or `nil` at the end of the input.
    public func next() -> Data? {
        while true {
            lastLineWasCut = false
            if let newline = Self.firstNewline(in: buffer), newline - buffer.startIndex <= maximumLine {
                var line = buffer[buffer.startIndex..<newline]
                if line.last == 0x0d { line = line.dropLast() }
                lastLineOffset = consumed
                consumed += UInt64(newline - buffer.startIndex + 1)
                buffer = buffer[buffer.index(after: newline)...]
                return Data(line)
            }
            // No newline within the limit: an unterminated last line, or one cut at the limit.
            if finished || buffer.count > maximumLine {
                guard !buffer.isEmpty else { return nil }
                let line = buffer.prefix(maximumLine)
                lastLineWasCut = !finished || line.count < buffer.count
                lastLineOffset = consumed
                consumed += UInt64(line.count)
                buffer = buffer.dropFirst(line.count)
                return Data(line)
            }
            do {
                if let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                    buffer = buffer.isEmpty ? chunk : buffer + chunk
                } else {
                    finished = true
                }
            } catch {
                readError = error
                finished = true
            }
        }
    }

    /// The index of the first `\n` in `data`: `memchr`, where `Data.firstIndex(of:)` stepped
    /// through a generic subscript byte by byte (1 % of `batch` on 7 KB response lines).
    static func firstNewline(in data: Data) -> Data.Index? {
        data.withUnsafeBytes { bytes -> Data.Index? in
            guard let base = bytes.baseAddress, let found = memchr(base, 0x0a, bytes.count) else { return nil }
            return data.startIndex + (UnsafeRawPointer(found) - base)
        }
    }
}

@available(*, unavailable)
extension LineReader: Sendable {}
