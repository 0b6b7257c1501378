public import Foundation

/// Writes files so that a reader never sees a partial one: a temporary file in the same folder,
/// flushed to disk, then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Prefix of temporary files, so a crashed run's leftovers can be recognised and removed.
    public static let temporaryPrefix = ".einvoice-tmp-"

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "\(directory.path): cannot create the folder (\(error.localizedDescription))")
        }
        let temporary = directory.appendingPathComponent("\(temporaryPrefix)\(UUID().uuidString)-\(url.lastPathComponent)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary.path)
        else { throw WriteError(description: "\(path): cannot create a file in \(directory.path)") }
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw WriteError(description: "\(path): rename failed (errno \(errno))")
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw (error as? WriteError) ?? WriteError(description: "\(path): \(error.localizedDescription)")
        }
    }
}
