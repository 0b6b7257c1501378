import Crypto
public import Foundation

/// One line of `manifest.jsonl`: what happened to one input item.
public struct ManifestEntry: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Rendered; signature valid.
        case rendered
        /// Rendered with `--allow-unverified`, marked SIGNATURE NOT VERIFIED.
        case renderedUnverified = "rendered-unverified"
        /// Rendered, marked SANDBOX: a genuine sandbox signature, a test document, not a tax invoice.
        case renderedSandbox = "rendered-sandbox"
        /// Not rendered: the signature does not hold.
        case unverified
        /// Not rendered: unreadable input, an IRP error response, a drawing or writing error.
        case failed
    }

    public var id: String
    public var status: Status
    public var irn: String?
    public var verdict: String?
    public var environment: String?
    /// Relative to the output directory.
    public var output: String?
    public var sha256: String?
    public var pages: Int?
    public var milliseconds: Int
    public var error: String?
}

/// The batch manifest: read at start to resume, appended to as items finish.
///
/// The file is opened `O_APPEND` and each line goes out in one `write(2)` as soon as its PDF has been
/// renamed into place, so the manifest is true at every moment: a killed run leaves at worst a PDF
/// without its line (re-rendered identically on resume) or a torn last line, which the next run
/// cuts off before appending. ``compact(directory:)`` then keeps one line per item. Only one run
/// writes a folder at a time (``OutputFolderLock``).
public final class Manifest: @unchecked Sendable {
    public static let fileName = "manifest.jsonl"
    private let descriptor: Int32
    private let path: String
    private let lock = NSLock()
    private let encoder: JSONEncoder

    /// Opens the manifest for appending, first cutting off a torn last line left by a killed run.
    public init(directory: String) throws(AtomicFile.WriteError) {
        try AtomicFile.createDirectory(directory)
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.WriteError(path, "cannot open for appending", errorNumber: errno) }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try Self.cutTornLine(path: path, descriptor: descriptor)
    }

    deinit { close(descriptor) }

    /// Appends one entry (one write call, then it is in the file).
    public func append(_ entry: ManifestEntry) throws(AtomicFile.WriteError) {
        var line: Data
        do {
            line = try encoder.encode(entry)
        } catch {
            throw AtomicFile.WriteError(description: "\(path): cannot encode the line for \(entry.id)")
        }
        line.append(0x0a)
        lock.lock()
        defer { lock.unlock() }
        try AtomicFile.writeAll(line, to: descriptor, path: path)
    }

    /// Flushes to disk (at the end of a run; lines are in the file as soon as they are written).
    public func synchronize() throws(AtomicFile.WriteError) {
        guard fsync(descriptor) == 0 else { throw AtomicFile.WriteError(path, "cannot flush to disk", errorNumber: errno) }
    }

    /// Drops everything after the last newline: a line a killed run did not finish.
    private static func cutTornLine(path: String, descriptor: Int32) throws(AtomicFile.WriteError) {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0, let reader = FileHandle(forReadingAtPath: path) else { return }
        defer { try? reader.close() }  // read-only: closing cannot lose anything
        var end = UInt64(size)
        while end > 0 {
            let start = end > 65_536 ? end - 65_536 : 0
            let chunk: Data
            do {
                try reader.seek(toOffset: start)
                chunk = try reader.read(upToCount: Int(end - start)) ?? Data()
            } catch {
                // Appending after a torn line we could not find would glue the next record to it.
                throw AtomicFile.WriteError(description: "\(path): cannot read its end to cut off a torn line (\(error.localizedDescription))")
            }
            guard !chunk.isEmpty else { return }
            if let newline = chunk.lastIndex(of: 0x0a) {
                let keep = start + UInt64(newline - chunk.startIndex) + 1
                if keep < UInt64(size), ftruncate(descriptor, off_t(keep)) != 0 {
                    throw AtomicFile.WriteError(path, "cannot cut off a torn last line", errorNumber: errno)
                }
                return
            }
            end = start
        }
        if ftruncate(descriptor, 0) != 0 { throw AtomicFile.WriteError(path, "cannot cut off a torn line", errorNumber: errno) }
    }

    /// SHA-256 of a file's contents, lower-case hex; `nil` if it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return sha256(data)
    }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
