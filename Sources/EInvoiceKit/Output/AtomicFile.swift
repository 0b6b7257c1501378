public import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#else
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes files so that a reader never sees a partial one: a temporary file in the same folder,
/// flushed to disk, then renamed over the target (rename is atomic within a file system).
///
/// Plain `open`/`write`/`fsync`/`rename`, so a failure keeps its `errno` and is told in words
/// ("No space left on device"), and the temporary file is removed whatever failed.
public enum AtomicFile {
    /// A file or folder that cannot be written, with the system's reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let description: String
        /// The `errno` behind it, when there is one.
        public let errorNumber: Int32?

        public init(description: String, errorNumber: Int32? = nil) {
            self.description = description
            self.errorNumber = errorNumber
        }

        /// `path: what failed: strerror(errno)`.
        public init(_ path: String, _ action: String, errorNumber: Int32) {
            self.init(description: "\(path): \(action): \(String(cString: strerror(errorNumber)))", errorNumber: errorNumber)
        }

        /// Disk full, quota, read-only or permission problems: every later write to the same folder
        /// fails the same way, so a batch stops rather than failing each item with the same reason.
        public var affectsEveryWrite: Bool {
            guard let errorNumber else { return false }
            return [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, EIO, EFBIG, EMFILE, ENFILE].contains(errorNumber)
        }
    }

    /// Prefix of temporary files, so a crashed run's leftovers can be recognised and removed.
    public static let temporaryPrefix = ".einvoice-tmp-"

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try createDirectory(directory)
        let temporary = (directory as NSString)
            .appendingPathComponent("\(temporaryPrefix)\(UUID().uuidString)-\(url.lastPathComponent)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path, "cannot create a file in \(directory)", errorNumber: errno) }
        var isOpen = true
        do throws(WriteError) {
            try writeAll(data, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw WriteError(path, "cannot flush to disk", errorNumber: errno) }
            isOpen = false
            guard close(descriptor) == 0 else { throw WriteError(path, "cannot close", errorNumber: errno) }
            guard rename(temporary, path) == 0 else { throw WriteError(path, "cannot rename into place", errorNumber: errno) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    /// Every byte of `data` to `descriptor`, retrying short writes and interruptions.
    public static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(WriteError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw WriteError(path, "cannot write", errorNumber: failure) }
    }

    /// `mkdir -p`, with the reason in words.
    public static func createDirectory(_ directory: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            let number = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            if let number {
                throw WriteError(directory, "cannot create the folder", errorNumber: Int32(number))
            }
            throw WriteError(description: "\(directory): cannot create the folder")
        }
    }
}
