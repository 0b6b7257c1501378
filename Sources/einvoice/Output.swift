import ArgumentParser
import Foundation

/// Where a command's report goes: standard output, or the `-o` file (written whole at the end).
struct ReportWriter {
    private let path: String?
    private var buffer = ""

    init(path: String?) { self.path = path }

    mutating func write(_ text: String, terminator: String = "\n") {
        if path == nil {
            StandardOutput.write(text)
            StandardOutput.write(terminator)
        } else {
            buffer += text + terminator
        }
    }

    func finish() throws {
        guard let path, path != "-" else { return }
        do {
            try Data(buffer.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("einvoice: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(73)
        }
    }
}

/// Prints a message on standard error, prefixed with the tool name.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("einvoice: \(message)\n".utf8))
}
