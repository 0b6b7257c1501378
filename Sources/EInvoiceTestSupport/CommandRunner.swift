public import Foundation

/// Runs the built `einvoice` binary end to end and captures what it prints.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum CommandRunner {
    /// The `einvoice` executable next to the test bundle (SwiftPM puts all products in one folder).
    public static var executable: URL? {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + CommandLine.arguments.prefix(1).map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("einvoice") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// What a system tool (`/usr/bin/readelf`, `/usr/bin/pdfdetach`, …) prints to standard output.
    public static func output(ofTool path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// Runs `einvoice arguments…` with `stdin` fed to it, in the repository root; `executable`
    /// overrides the built binary (e.g. a copy of it), `environment` is merged into this process's.
    public static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                           executable: URL? = nil) throws -> CommandResult {
        guard let executable = executable ?? Self.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently with the write, so a large output cannot deadlock the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
