import EInvoiceKit
import Foundation
import Testing

/// Reading an input argument: every byte of a file, whichever buffer it is read into, and a clear
/// refusal of what is not a readable file of a sane size.
@Suite struct InputSourceTests {
    /// A file in a fresh temporary folder, removed with it by the caller.
    func file(_ bytes: Data) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("input.txt")
        try bytes.write(to: url)
        return (folder, url.path)
    }

    /// A few bytes to a few MB (a page, the allocator's mapping threshold and beyond).
    @Test(arguments: [3, 4095, (1 << 20) - 1, 1 << 20, 3 << 20 + 17])
    func readsEveryByte(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let (folder, path) = try file(bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try InputSource.read(path) == bytes)
    }

    @Test func refusesAFileOverTheCapBeforeReadingIt() throws {
        let (folder, path) = try file(Data())
        defer { try? FileManager.default.removeItem(at: folder) }
        // Sparse: the size is all the check looks at.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputSource.maximumSize + 1))
        try handle.close()
        #expect(throws: InputSource.ReadError.self) { try InputSource.read(path) }
    }

    @Test func refusesAFolderAndAMissingFile() throws {
        let (folder, _) = try file(Data())
        defer { try? FileManager.default.removeItem(at: folder) }
        let refusals = [folder.path, folder.appendingPathComponent("absent.txt").path].map { path in
            do throws(InputSource.ReadError) {
                _ = try InputSource.read(path)
                return ""
            } catch {
                return error.reason
            }
        }
        #expect(refusals == ["is a directory", "no such file"])
    }
}
