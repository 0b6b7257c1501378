public import Foundation

/// Reads an input argument: a file path, or `-` for standard input, with a size cap for inputs
/// read whole.
public enum InputSource {
    /// Inputs read whole are refused past this size rather than read into memory. Files of tokens
    /// and JSON Lines are read line by line instead (``OpenedInput/lines()``) and have no cap.
    public static let maximumSize = 64 << 20

    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Every byte of the input at `path`.
    public static func read(_ path: String) throws(ReadError) -> Data {
        try open(path).readAll()
    }

    /// The input at `path` (`-`: standard input), opened and its head read.
    public static func open(_ path: String) throws(ReadError) -> OpenedInput {
        guard path != "-" else { return try OpenedInput(path: path, handle: .standardInput, size: nil) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(path: path, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(path: path, reason: "cannot be opened (permissions?)")
        }
        return try OpenedInput(path: path, handle: handle, size: regularFileSize(path))
    }

    /// The size of a regular file; nil for pipes, devices and files whose size the file system does
    /// not know (those of /proc say 0), which are read as a stream.
    private static func regularFileSize(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int, size > 0
        else { return nil }
        return size
    }
}

/// An input opened for reading with its first ``headSize`` bytes read: enough to tell what it is,
/// so that a file of tokens or JSON Lines can be read line by line however large it is
/// (``lines()``), and anything else whole (``readAll()``).
public final class OpenedInput {
    /// Bytes read before deciding how to read the rest.
    public static let headSize = 1 << 20

    public let path: String
    /// The first bytes of the input (all of it when ``isComplete``).
    public let head: Data
    /// Whether the head is the whole input.
    public let isComplete: Bool
    private let handle: FileHandle
    /// A regular file's size when it was opened.
    private let size: Int?

    init(path: String, handle: FileHandle, size: Int?) throws(InputSource.ReadError) {
        self.path = path
        self.handle = handle
        self.size = size
        var head = Data(count: min(size ?? Self.headSize, Self.headSize))
        let filled = try Self.fill(&head, from: 0, handle: handle, path: path)
        if filled < head.count { head.removeSubrange(filled...) }
        self.head = head
        // A regular file smaller than the head size is whole once read; anything else is whole
        // only when reading it found its end.
        isComplete = filled < Self.headSize
    }

    deinit {
        if path != "-" { try? handle.close() }
    }

    /// Every byte of the input, refused past ``InputSource/maximumSize``.
    ///
    /// A regular file is read into one buffer of its size: `FileHandle.read(upToCount:)` grows its
    /// buffer as it reads, and for a 19 MB file of tokens that was 70 MB at peak and 10 900 page
    /// faults, against 53 MB and 6 200 read this way.
    public func readAll() throws(InputSource.ReadError) -> Data {
        guard !isComplete else { return head }
        let tooLarge = InputSource.ReadError(path: path, reason: "larger than \(InputSource.maximumSize >> 20) MB")
        if let size {
            guard size <= InputSource.maximumSize else { throw tooLarge }
            var data = Data(count: max(size, head.count))
            data.replaceSubrange(0..<head.count, with: head)
            let filled = try Self.fill(&data, from: head.count, handle: handle, path: path)
            // A file that shrank while it was read ends where reading did.
            if filled < data.count { data.removeSubrange(filled...) }
            return data
        }
        do {
            let rest = try handle.read(upToCount: InputSource.maximumSize + 1 - head.count) ?? Data()
            guard head.count + rest.count <= InputSource.maximumSize else { throw tooLarge }
            return head + rest
        } catch let error as InputSource.ReadError {
            throw error
        } catch {
            throw InputSource.ReadError(path: path, reason: "read failed (\(error.localizedDescription))")
        }
    }

    /// The input's lines, from the first: the head, then the rest as it is read. Lines are cut at
    /// ``IRPDocumentReader/maximumLineLength``.
    public func lines() -> LineReader {
        LineReader(handle: handle, startingWith: head, atEnd: isComplete, maximumLine: IRPDocumentReader.maximumLineLength)
    }

    /// Reads into `data` from offset `start` until it is full or the input ends; the bytes filled.
    private static func fill(_ data: inout Data, from start: Int, handle: FileHandle, path: String) throws(InputSource.ReadError) -> Int {
        let descriptor = handle.fileDescriptor
        var filled = start
        var failure: Int32 = 0
        let size = data.count
        data.withUnsafeMutableBytes { buffer in
            while filled < size, let base = buffer.baseAddress {
                let count = Foundation.read(descriptor, base + filled, size - filled)
                if count > 0 { filled += count } else if count == 0 { break } else if errno != EINTR { failure = errno; break }
            }
        }
        guard failure == 0 else {
            throw InputSource.ReadError(path: path, reason: "read failed (\(String(cString: strerror(failure))))")
        }
        return filled
    }
}

@available(*, unavailable)
extension OpenedInput: Sendable {}
