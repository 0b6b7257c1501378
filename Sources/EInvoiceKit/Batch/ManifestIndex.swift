import Foundation

/// A compact index of an existing manifest, for resuming: where each id's last line is, and
/// which output paths are taken — hashes and offsets only (about 32 bytes an item), so resuming
/// an archive of millions of invoices stays small. Lines are re-read on demand and their id
/// compared, so a hash collision can never skip the wrong item.
public final class ManifestIndex: @unchecked Sendable {
    private var lineOffsets: [Int: UInt64] = [:]
    private var pathClaims: [Int: Int] = [:]
    private let handle: FileHandle?
    private let lock = NSLock()
    private let decoder = JSONDecoder()

    /// An empty index (no manifest yet, or `--force`).
    public init() { handle = nil }

    /// Reads `directory/manifest.jsonl`, if there is one; torn or foreign lines are ignored.
    public init(directory: String) {
        let path = (directory as NSString).appendingPathComponent(Manifest.fileName)
        handle = FileHandle(forReadingAtPath: path)
        guard let handle else { return }
        let reader = LineReader(handle: handle)
        while let line = reader.next() {
            lineCount += 1
            guard let entry = try? decoder.decode(ManifestEntry.self, from: line) else { continue }
            lineOffsets[Self.key(entry.id)] = reader.lastLineOffset
            if let output = entry.output { pathClaims[Self.key(output.lowercased())] = Self.key(entry.id) }
        }
        readError = reader.readError
    }

    deinit { try? handle?.close() }  // read-only: closing cannot lose anything

    /// Why the manifest could not be read to its end, if so: the index then knows only the items
    /// before that point (a resumed run renders the others again; compaction refuses).
    public private(set) var readError: (any Error)?

    public var count: Int { lineOffsets.count }
    /// Lines in the file, including repeats and unreadable ones: more than ``count`` means it needs compacting.
    public private(set) var lineCount = 0

    /// Whether the line at `offset` is the last one for `id` (the one that counts).
    func isLatest(_ id: String, at offset: UInt64) -> Bool { lineOffsets[Self.key(id)] == offset }

    /// The last manifest entry for `id`, read back from the file.
    public func entry(for id: String) -> ManifestEntry? {
        guard let offset = lineOffsets[Self.key(id)], let handle else { return nil }
        lock.lock()
        defer { lock.unlock() }
        // A failed seek or read answers "not done": the item is rendered again, which loses nothing.
        try? handle.seek(toOffset: offset)
        let reader = LineReader(handle: handle)
        guard let line = reader.next(), let entry = try? decoder.decode(ManifestEntry.self, from: line), entry.id == id
        else { return nil }
        return entry
    }

    /// Who holds an output path (by id hash), for ``OutputNamer``.
    func claims() -> [Int: Int] { pathClaims }

    static func key(_ text: String) -> Int {
        var hasher = Hasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
