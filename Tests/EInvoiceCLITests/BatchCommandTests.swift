import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import Testing

@Suite(.serialized) struct BatchCommandTests {
    /// A folder with a JSONL archive of `count` signed responses and the key that signed them.
    func archive(count: Int, lines: Int = 3) throws -> (folder: URL, input: String, key: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let signer = try #require(TestSigner.shared)
        let response = try SyntheticInvoice.response(lines: lines, signer: signer)
        let object: [String: Any] = ["AckNo": 112010009045094, "AckDt": "2023-05-12 14:11:00", "Irn": response.irn ?? "",
                                     "SignedInvoice": response.signedInvoice ?? "", "SignedQRCode": response.signedQRCode ?? "", "Status": "ACT"]
        let line = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        let input = folder.appendingPathComponent("archive.jsonl").path
        try Data((Array(repeating: line, count: count) + [#"{"Status":0,"ErrorDetails":[{"ErrorCode":"2150","ErrorMessage":"Duplicate IRN"}]}"#])
            .joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: input))
        let key = folder.appendingPathComponent("key.pem").path
        try Data(signer.publicKeyPEM().utf8).write(to: URL(fileURLWithPath: key))
        return (folder, input, key)
    }

    func manifest(_ directory: URL) throws -> [ManifestEntry] {
        let text = try String(contentsOf: directory.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(ManifestEntry.self, from: Data($0.utf8)) }
    }

    func pdfs(in directory: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    @Test func killedBatchResumesWithExactlyOnePDFPerItem() throws {
        let (folder, input, key) = try archive(count: 120)
        let output = folder.appendingPathComponent("out")
        guard let executable = CommandRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        // Start a batch, wait until some items are done, then SIGKILL it mid-run.
        let process = Process()
        process.executableURL = executable
        process.arguments = ["batch", input, "-o", output.path, "--trust", key, "--jobs", "2", "--quiet"]
        process.currentDirectoryURL = Fixtures.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let manifestPath = output.appendingPathComponent("manifest.jsonl").path
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let lines = (try? String(contentsOfFile: manifestPath, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines >= 15 { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try manifest(output).count
        #expect(partial < 121, "the batch finished before it could be killed")

        let resumed = try CommandRunner.run(["batch", input, "-o", output.path, "--trust", key, "--jobs", "2", "--quiet"])
        #expect(resumed.status == 1, "the IRP error line is a failure: \(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("already done"))

        let entries = try manifest(output)
        let latest = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        #expect(latest.count == 121)
        let rendered = latest.values.filter { $0.status == .rendered }
        #expect(rendered.count == 120)
        #expect(latest.values.filter { $0.status == .failed }.count == 1)
        // Every rendered item has exactly one PDF, whose hash is the recorded one; no other PDFs, no temporaries.
        let files = pdfs(in: output)
        #expect(files.count == 120)
        #expect(Set(rendered.compactMap(\.output)) == Set(files))
        for entry in rendered {
            let path = output.appendingPathComponent(entry.output ?? "").path
            #expect(Manifest.sha256(ofFile: path) == entry.sha256, "\(entry.id)")
        }
        let all = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        #expect(!all.contains { ($0 as NSString).lastPathComponent.hasPrefix(AtomicFile.temporaryPrefix) })
        // No rendered id appears twice in the manifest.
        let renderedLines = entries.filter { $0.status == .rendered }.map(\.id)
        #expect(renderedLines.count == Set(renderedLines).count)
    }

    @Test func shardsTogetherCoverTheArchive() throws {
        let (folder, input, key) = try archive(count: 30, lines: 1)
        var ids: [String] = []
        for index in 0..<3 {
            let output = folder.appendingPathComponent("shard\(index)")
            let result = try CommandRunner.run(["batch", input, "-o", output.path, "--trust", key, "--shards", "3", "--quiet"],
                                               environment: ["JOB_COMPLETION_INDEX": "\(index)"])
            #expect([0, 1].contains(result.status))
            ids += try manifest(output).map(\.id)
        }
        #expect(ids.count == 31)
        #expect(Set(ids).count == 31)
    }

    @Test func forceRendersAgainAndBadInputIsADiagnostic() throws {
        let (folder, input, key) = try archive(count: 3, lines: 1)
        let output = folder.appendingPathComponent("out")
        _ = try CommandRunner.run(["batch", input, "-o", output.path, "--trust", key, "--quiet"])
        let again = try CommandRunner.run(["batch", input, "-o", output.path, "--trust", key, "--quiet", "--force", "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(summary["rendered"] as? Int == 3)
        #expect(summary["failed"] as? Int == 1)
        let failure = try #require(try manifest(output).last { $0.status == .failed })
        #expect(failure.error?.contains("2150") == true)
    }

    @Test func untrustedItemsAreNotRenderedButReported() throws {
        let (folder, input, _) = try archive(count: 2, lines: 1)
        let output = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["batch", input, "-o", output.path, "--quiet"])
        #expect(result.status == 1)
        #expect(try manifest(output).filter { $0.status == .unverified }.count == 2)
        #expect(pdfs(in: output).isEmpty)
    }

    @Test func sandboxItemsHaveTheirOwnStatusAndExitCode() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("batch-sandbox-\(UUID())")
        defer { try? FileManager.default.removeItem(at: output) }
        // Batch input is JSON Lines: the sample response on one line.
        let object = try JSONSerialization.jsonObject(with: try Fixtures.data("samples/sandbox-goods-nic-data.json"))
        let input = output.path + ".jsonl"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let result = try CommandRunner.run(["batch", input, "-o", output.path, "--quiet", "--json"])
        #expect(result.status == 5, "\(result.stdout)\(result.stderr)")
        #expect(try manifest(output).map(\.status) == [.renderedSandbox])
        #expect(result.stdout.contains("\"renderedSandbox\":1"))
    }

    @Test(arguments: [
        (["batch", "/nonexistent", "-o", "/tmp/x"], Int32(66)),
        (["batch", "x", "-o", "/tmp/x", "--shard", "5/2"], 64),
        (["batch", "x", "-o", "/tmp/x", "--name", "{Bad}.pdf"], 64),
        (["batch", "x", "-o", "/tmp/x", "--jobs", "0"], 64),
    ] as [([String], Int32)])
    func badArgumentsExitWithTheSharedCodes(_ arguments: [String], _ status: Int32) throws {
        #expect(try CommandRunner.run(arguments).status == status)
    }
}
