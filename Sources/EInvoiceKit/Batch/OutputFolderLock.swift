public import Foundation

/// One writer per batch output folder: an advisory `flock(2)` on `DIR/.einvoice-batch.lock`, held for
/// the whole run and released by the kernel when the process ends, however it ends (no stale locks).
///
/// Two runs into one folder would interleave manifest lines and claim the same file names; the
/// second run is refused at once with who holds the folder, rather than waiting or corrupting it.
public final class OutputFolderLock: Sendable {
    public static let fileName = ".einvoice-batch.lock"

    /// Another run holds the folder.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public let directory: String
        public let holder: String
        public var description: String {
            "\(directory) is busy: another batch run (\(holder)) is writing to it; wait for it to finish or choose another folder"
        }
    }

    private let descriptor: Int32

    /// Takes the lock or throws ``Busy`` at once; creates the folder if needed.
    /// - Throws: ``Busy``, or ``AtomicFile/WriteError`` if the lock file cannot be created.
    public init(directory: String) throws {
        try AtomicFile.createDirectory(directory)
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFile.WriteError(path, "cannot create the lock file", errorNumber: errno)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let number = errno
            let holder = Self.holder(descriptor)
            close(descriptor)
            if number == EAGAIN { throw Busy(directory: directory, holder: holder) }
            throw AtomicFile.WriteError(path, "cannot lock", errorNumber: number)
        }
        // Who holds it, for the message a second run prints; the lock itself is the flock.
        let note = Data("pid \(getpid()) since \(ISO8601DateFormatter().string(from: Date()))\n".utf8)
        if ftruncate(descriptor, 0) == 0 { try? AtomicFile.writeAll(note, to: descriptor, path: path) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    private static func holder(_ descriptor: Int32) -> String {
        let capacity = 128
        var bytes = [UInt8](repeating: 0, count: capacity)
        let count = pread(descriptor, &bytes, capacity, 0)
        let text = count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        return text.isEmpty ? "pid unknown" : text
    }
}
