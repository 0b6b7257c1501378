public import Foundation
import InvoiceLayout

/// One input of a batch: a stable identity (path, or file + line) and its bytes.
public struct BatchItem: Sendable {
    public var id: String
    public var data: Data
    /// Why the item's file could not be read (it vanished, permissions, too large); `data` is then empty.
    public var unreadable: String?
    /// The item's `NAME.extras.json` (unsigned details for the page), for a file in a folder.
    public var sideCar: Data?

    public init(id: String, data: Data, unreadable: String? = nil, sideCar: Data? = nil) {
        self.id = id
        self.data = data
        self.unreadable = unreadable
        self.sideCar = sideCar
    }
}

/// Streams batch items from a directory (recursive, `*.json`, in the file system's order), a JSON Lines file,
/// or standard input (`-`, JSON Lines) without loading the whole input.
///
/// Not `Sendable`: one reader is shared by workers through ``BatchSource``.
public final class BatchInputReader {
    public enum Kind: Sendable { case directory, jsonLines, standardInput }

    public let kind: Kind
    private let base: String
    /// Walks the folder lazily: a listing of a million files is never held in memory.
    private var files: FileManager.DirectoryEnumerator?
    private var lines: LineReader?
    private var lineNumber = 0
    /// Set once the item standing for an input that could not be read to its end has been handed out.
    private var reportedReadError = false
    private let name: String

    /// Opens `path` (`-` for standard input).
    public init(path: String) throws(InputSource.ReadError) {
        var isDirectory: ObjCBool = false
        if path == "-" {
            kind = .standardInput
            base = ""
            name = "<stdin>"
            lines = LineReader(handle: FileHandle.standardInput)
        } else if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                kind = .directory
                base = path
                name = path
                files = FileManager.default.enumerator(atPath: path)
            } else {
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    throw InputSource.ReadError(path: path, reason: "cannot be opened (permissions?)")
                }
                kind = .jsonLines
                base = ""
                name = path
                lines = LineReader(handle: handle)
            }
        } else {
            throw InputSource.ReadError(path: path, reason: "no such file or directory")
        }
    }

    /// Item count, when it can be known cheaply (a directory, or by counting a file's lines);
    /// `nil` for standard input.
    public static func count(path: String) -> Int? {
        var isDirectory: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            guard let enumerator = FileManager.default.enumerator(atPath: path) else { return nil }
            var count = 0
            while let next = enumerator.nextObject() as? String { if isJSONFile(next) { count += 1 } }
            return count
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let reader = LineReader(handle: handle)
        var count = 0
        while let line = reader.next() { if line.contains(where: { $0 > 0x20 }) { count += 1 } }
        return count
    }

    /// The next item, or `nil` at the end. Blank lines are skipped; their numbers still count.
    public func next() -> BatchItem? {
        switch kind {
        case .directory:
            while let relative = files?.nextObject() as? String {
                guard Self.isJSONFile(relative) else { continue }
                let full = (base as NSString).appendingPathComponent(relative)
                // A file that vanished or cannot be read is still an item: it fails with the reason.
                do {
                    return BatchItem(id: relative, data: try InputSource.read(full),
                                     sideCar: FileManager.default.contents(atPath: InvoiceExtras.sideCarPath(for: full)))
                } catch {
                    return BatchItem(id: relative, data: Data(), unreadable: error.reason)
                }
            }
            return nil
        case .jsonLines, .standardInput:
            while let line = lines?.next() {
                lineNumber += 1
                guard line.contains(where: { $0 > 0x20 }) else { continue }
                return BatchItem(id: "\(name):\(lineNumber)", data: line)
            }
            // An input that fails mid-way is not a short input: the rest becomes one failed item, in words.
            if let error = lines?.readError, !reportedReadError {
                reportedReadError = true
                return BatchItem(id: "\(name):\(lineNumber + 1)", data: Data(),
                                 unreadable: "reading stopped after line \(lineNumber) (\(error.localizedDescription)); later lines were not read")
            }
            return nil
        }
    }

    /// `*.json`, not hidden, not a side-car (`*.extras.json`). Ids are paths relative to the folder,
    /// so they are stable between runs.
    static func isJSONFile(_ relative: String) -> Bool {
        let lowered = relative.lowercased()
        return lowered.hasSuffix(".json") && !lowered.hasSuffix(".extras.json") && !(relative as NSString).lastPathComponent.hasPrefix(".")
    }
}

@available(*, unavailable)
extension BatchInputReader: Sendable {}
