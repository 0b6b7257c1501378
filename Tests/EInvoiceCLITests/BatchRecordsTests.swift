import EInvoiceKit
import EInvoiceTestSupport
import Foundation
import Testing

/// Records that hold: one writer per folder, one manifest line per item, write failures in words.
extension BatchCommandTests {
    func run(_ input: String, _ output: URL, _ key: String, _ extra: [String] = []) throws -> CommandResult {
        try CommandRunner.run(["batch", input, "-o", output.path, "--trust", key, "--quiet"] + extra)
    }

    func manifestText(_ output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(Manifest.fileName), encoding: .utf8)
    }

    @Test func aSecondRunOnABusyFolderIsRefusedAndTheManifestKept() throws {
        let (folder, input, key) = try archive(count: 3, lines: 1)
        let output = folder.appendingPathComponent("out")
        _ = try run(input, output, key)
        let before = try manifestText(output)
        // This process holds the folder as a running batch would; the lock is a flock, so a second
        // process is refused exactly as a second `einvoice batch` would be.
        let holder = try OutputFolderLock(directory: output.path)
        let second = try run(input, output, key, ["--force"])
        #expect(second.status == 75)
        #expect(second.stderr.contains("is busy: another batch run (pid \(getpid())"), "\(second.stderr)")
        #expect(try manifestText(output) == before)
        withExtendedLifetime(holder) {}
    }

    @Test func twoProcessesAtOnceNeverShareAFolder() throws {
        let (folder, input, key) = try archive(count: 40, lines: 1)
        let output = folder.appendingPathComponent("out")
        let results = try [0, 1].map { _ in try launch(input, output, key) }.map { try finish($0) }
        let statuses = results.map(\.status).sorted()
        // Either the second started while the first ran (refused, 75), or after it finished (resumed).
        #expect(statuses == [1, 75] || statuses == [1, 1], "\(results.map(\.stderr))")
        let entries = try manifest(output)
        #expect(entries.count == 41)
        #expect(Set(entries.map(\.id)).count == 41)
    }

    @Test func threeResumesLeaveOneLinePerItem() throws {
        let (folder, input, key) = try archive(count: 4, lines: 1)
        let output = folder.appendingPathComponent("out")
        for _ in 0..<3 { _ = try run(input, output, key) }
        // A torn line, as a killed run leaves, and a line for an item rendered again.
        let handle = try FileHandle(forWritingTo: output.appendingPathComponent(Manifest.fileName))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"id":"archive.jsonl:2","status":"rend"#.utf8))
        try handle.close()
        _ = try run(input, output, key)
        let entries = try manifest(output)
        let text = try manifestText(output)
        #expect(entries.count == 5, "\(text)")
        #expect(Set(entries.map(\.id)).count == 5)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func everyResponseInAFileIsAnItemAndResumesOnItsOwn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.url("real/india-compliance_test_e_invoice.json"),
                                         to: input.appendingPathComponent("gsp.json"))
        let output = folder.appendingPathComponent("out")
        let first = try CommandRunner.run(["batch", input.path, "-o", output.path, "--quiet", "--json"])
        let entries = try manifest(output)
        #expect(entries.count == 9, "\(first.stdout)\(first.stderr)")
        // india-compliance's responses are signed by the sandbox IRP: rendered, and recorded as sandbox.
        #expect(entries.contains { $0.id == "gsp.json#/service_item/response_data" && $0.status == .renderedSandbox })
        #expect(entries.filter { $0.status == .renderedSandbox }.count == 5)
        let second = try CommandRunner.run(["batch", input.path, "-o", output.path, "--quiet", "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(summary["skipped"] as? Int == 5, "\(second.stdout)")
        #expect(try manifest(output).count == 9)
    }

    @Test func aFileThatCannotBeReadFailsWithTheReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.json").path,
                                                   withDestinationPath: "/nonexistent/gone.json")
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["batch", folder.path, "-o", output.path, "--quiet"])
        #expect(result.status == 1)
        #expect(try manifest(output).map(\.error) == ["no such file"], "\(result.stdout)")
    }

    @Test func theSummaryNamesTheItemsNotRendered() throws {
        let (folder, input, key) = try archive(count: 2, lines: 1)
        let result = try run(input, folder.appendingPathComponent("out"), key)
        #expect(result.status == 1)
        #expect(result.stdout.contains("not rendered: \(input):3: IRP error 2150"), "\(result.stdout)")
    }

    /// A file-size limit makes every PDF write fail as a full disk does (EFBIG instead of ENOSPC), on
    /// any machine: the run stops with the reason in words, exit 73, and no partial PDF.
    @Test func aWriteErrorStopsTheRunWithExit73AndNoPartialPDF() throws {
        let (folder, input, key) = try archive(count: 5, lines: 1)
        let output = folder.appendingPathComponent("out")
        let result = try shell("trap '' XFSZ; ulimit -f 16; exec \"$0\" batch \"$1\" -o \"$2\" --trust \"$3\" --quiet",
                               [input, output.path, key])
        #expect(result.status == 73, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("File too large"), "\(result.stderr)")
        #expect(result.stderr.contains("the run stopped"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(pdfs(in: output).isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(!leftovers.contains { $0.hasPrefix(AtomicFile.temporaryPrefix) }, "\(leftovers)")
    }

    /// A real full disk: a 400 kB tmpfs in a private mount namespace (`unshare`, no root needed where
    /// user namespaces are allowed). Every PDF left is whole and in the manifest.
    @Test(.enabled(if: BatchCommandTests.canMountTmpfs))
    func aFullDiskStopsTheRunWithExit73AndNoPartialPDF() throws {
        let (folder, input, key) = try archive(count: 40, lines: 1)
        let mount = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let script = """
            mount -t tmpfs -o size=400k none "$2" || exit 99
            "$0" batch "$1" -o "$2/out" --trust "$3" --quiet; echo "exit=$?"
            cd "$2/out" && find . -name .einvoice-tmp-\\* && find . -name \\*.pdf -exec sha256sum {} +
            for f in $(find . -name \\*.pdf); do tail -c 7 "$f" | grep -q EOF || echo "PARTIAL $f"; done
            echo ---; cat manifest.jsonl
            """
        let result = try shell("unshare -rm sh -c '\(script)' \"$0\" \"$@\"", [input, mount.path, key])
        #expect(result.stdout.contains("exit=73"), "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
        let parts = result.stdout.components(separatedBy: "---\n")
        let listing = parts.first ?? ""
        #expect(!listing.contains(AtomicFile.temporaryPrefix), "\(listing)")
        let hashes = listing.split(separator: "\n").filter { $0.hasSuffix(".pdf") }
            .map { $0.replacingOccurrences(of: "  ./", with: "  ") }
        #expect(!hashes.isEmpty, "some PDFs fit before the disk filled")
        let entries = (parts.last ?? "").split(separator: "\n").compactMap {
            try? JSONDecoder().decode(ManifestEntry.self, from: Data($0.utf8))
        }
        let recorded = Set(entries.compactMap { entry in entry.sha256.map { "\($0)  \(entry.output ?? "")" } })
        #expect(!listing.contains("PARTIAL"), "\(listing)")
        // A PDF renamed into place just before its manifest line hit the full disk has no line (it is
        // rendered again on resume); at most one per worker.
        #expect(Set(hashes).subtracting(recorded).count <= 2, "\(listing)")
    }

    static let canMountTmpfs: Bool = {
        let result = try? BatchCommandTests().shell(
            "d=$(mktemp -d) && unshare -rm sh -c 'mount -t tmpfs -o size=64k none \"$0\"' \"$d\"; s=$?; rmdir \"$d\"; exit $s", [])
        return result?.status == 0
    }()

    func shell(_ script: String, _ arguments: [String]) throws -> ShellResult {
        guard let executable = CommandRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, executable.path] + arguments
        process.currentDirectoryURL = Fixtures.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ShellResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    func launch(_ input: String, _ output: URL, _ key: String) throws -> (Process, Pipe) {
        guard let executable = CommandRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["batch", input, "-o", output.path, "--trust", key, "--quiet", "--jobs", "1"]
        process.currentDirectoryURL = Fixtures.root
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    func finish(_ launched: (Process, Pipe)) throws -> ShellResult {
        let errData = launched.1.fileHandleForReading.readDataToEndOfFile()
        launched.0.waitUntilExit()
        return ShellResult(status: launched.0.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// What a shell or a launched process printed.
struct ShellResult {
    let status: Int32
    let stdout: String
    let stderr: String
}
