import Crypto
public import Foundation

/// One line of `manifest.jsonl`: what happened to one input item.
public struct ManifestEntry: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Rendered; signature valid.
        case rendered
        /// Rendered with `--allow-unverified`, marked SIGNATURE NOT VERIFIED.
        case renderedUnverified = "rendered-unverified"
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
/// Each line is written with one `write(2)` as soon as its PDF has been renamed into place, so
/// the manifest is true at every moment: a killed run leaves at worst a PDF without its line
/// (re-rendered identically on resume) or a torn last line (ignored on reading).
public final class Manifest: @unchecked Sendable {
    public static let fileName = "manifest.jsonl"
    private let handle: FileHandle
    private let lock = NSLock()
    private let encoder: JSONEncoder


    /// Opens the manifest for appending, starting on a fresh line if a killed run left a torn one.
    public init(directory: String) throws(AtomicFile.WriteError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(description: "\(directory): cannot create the output folder")
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw AtomicFile.WriteError(description: "\(path): cannot be opened for writing")
        }
        self.handle = handle
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let end = (try? handle.seekToEnd()) ?? 0
        if end > 0 {
            try? handle.seek(toOffset: end - 1)
            if let last = try? handle.read(upToCount: 1), last != Data([0x0a]) { try? handle.write(contentsOf: Data([0x0a])) }
            _ = try? handle.seekToEnd()
        }
    }

    deinit { try? handle.close() }

    /// Appends one entry (one write call, then it is in the file).
    public func append(_ entry: ManifestEntry) throws {
        var line = try encoder.encode(entry)
        line.append(0x0a)
        lock.lock()
        defer { lock.unlock() }
        try handle.write(contentsOf: line)
    }

    /// Flushes to disk (at the end of a run; lines are in the file as soon as they are written).
    public func synchronize() { try? handle.synchronize() }

    /// SHA-256 of a file's contents, lower-case hex; `nil` if it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return sha256(data)
    }

    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
