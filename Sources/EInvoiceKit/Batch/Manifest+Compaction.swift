public import Foundation

extension Manifest {
    /// Rewrites the manifest with one line per item, the last one written for it (a resumed run
    /// appends a new line for each item it renders again), dropping lines that cannot be read.
    ///
    /// Streams the file twice (index, then copy) so memory stays at the index's size; the new file
    /// is written beside the old one, flushed and renamed over it, so a crash leaves one or the other.
    /// Call it while holding the folder's ``OutputFolderLock`` and with no ``Manifest`` open for appending.
    /// - Returns: how many lines were removed.
    @discardableResult
    public static func compact(directory: String) throws(AtomicFile.WriteError) -> Int {
        let index = ManifestIndex(directory: directory)
        if let error = index.readError {
            throw AtomicFile.WriteError(description: "\(directory)/\(fileName): cannot be read to compact it (\(error.localizedDescription)); left as it was")
        }
        guard index.lineCount > index.count else { return 0 }
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard let input = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? input.close() }  // read-only: closing cannot lose anything
        let temporary = (directory as NSString).appendingPathComponent("\(AtomicFile.temporaryPrefix)\(UUID().uuidString)-\(fileName)")
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw AtomicFile.WriteError(temporary, "cannot create", errorNumber: errno) }
        var isOpen = true
        do throws(AtomicFile.WriteError) {
            let decoder = JSONDecoder()
            let reader = LineReader(handle: input)
            var pending = Data()
            var kept = 0
            while let line = reader.next() {
                guard let entry = try? decoder.decode(ManifestEntry.self, from: line),
                      index.isLatest(entry.id, at: reader.lastLineOffset)
                else { continue }
                pending.append(line)
                pending.append(0x0a)
                kept += 1
                if pending.count >= 1 << 20 {
                    try AtomicFile.writeAll(pending, to: output, path: temporary)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if let error = reader.readError {
                // Renaming a copy that stops here over the manifest would lose every record after it.
                throw AtomicFile.WriteError(description: "\(path): reading stopped while compacting (\(error.localizedDescription)); left as it was")
            }
            try AtomicFile.writeAll(pending, to: output, path: temporary)
            guard fsync(output) == 0 else { throw AtomicFile.WriteError(temporary, "cannot flush to disk", errorNumber: errno) }
            isOpen = false
            guard close(output) == 0 else { throw AtomicFile.WriteError(temporary, "cannot close", errorNumber: errno) }
            guard rename(temporary, path) == 0 else { throw AtomicFile.WriteError(path, "cannot replace", errorNumber: errno) }
            return index.lineCount - kept
        } catch {
            if isOpen { close(output) }
            unlink(temporary)
            throw error
        }
    }
}
