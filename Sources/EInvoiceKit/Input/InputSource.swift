public import Foundation

/// Reads an input argument: a file path, or `-` for standard input, with a size cap.
public enum InputSource {
    /// Larger inputs are refused rather than read into memory (a month of JSONL belongs in `batch`).
    public static let maximumSize = 64 << 20

    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func read(_ path: String) throws(ReadError) -> Data {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw ReadError(path: path, reason: "is a directory") }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw ReadError(path: path, reason: "cannot be opened (permissions?)")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            let data = try handle.read(upToCount: maximumSize + 1) ?? Data()
            guard data.count <= maximumSize else {
                throw ReadError(path: path, reason: "larger than \(maximumSize >> 20) MB")
            }
            return data
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(path: path, reason: "read failed (\(error.localizedDescription))")
        }
    }
}
