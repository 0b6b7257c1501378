import ArgumentParser
import Foundation

/// Where a command's report goes: standard output, or the `-o` file (written whole at the end).
struct ReportWriter {
    private let path: String?
    private var buffer: [UInt8] = []

    init(path: String?) { self.path = path }

    mutating func write(_ text: String, terminator: String = "\n") {
        if path == nil {
            StandardOutput.write(text)
            StandardOutput.write(terminator)
        } else {
            buffer += text.utf8
            buffer += terminator.utf8
        }
    }

    /// One line given as UTF-8 bytes (`verify`'s report of a token, made on the thread that
    /// verified it), written with its newline in one call, never made a `String`.
    mutating func writeLine(_ bytes: [UInt8]) {
        if path == nil {
            StandardOutput.writeLine(bytes)
        } else {
            buffer += bytes
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    func finish() throws {
        guard let path, path != "-" else { return }
        do {
            try Data(buffer).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("einvoice: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(73)
        }
    }
}

/// Prints a message on standard error, prefixed with the tool name.
public func warn(_ message: String) {
    FileHandle.standardError.write(Data("einvoice: \(message)\n".utf8))
}
