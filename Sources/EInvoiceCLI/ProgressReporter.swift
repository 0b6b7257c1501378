import EInvoiceKit
import Foundation

/// Batch progress on standard error: a live bar with count, rate and ETA on a terminal; a plain
/// line every few seconds otherwise (CI logs, files); nothing with `--quiet`.
final class ProgressReporter: @unchecked Sendable {
    private let quiet: Bool
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastDraw = 0.0
    private var last: BatchProgress?

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ progress: BatchProgress) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        last = progress
        let interval = isTerminal ? 0.1 : 5
        guard progress.elapsed - lastDraw >= interval else { return }
        lastDraw = progress.elapsed
        write(progress)
    }

    func finish() {
        guard !quiet, let last else { return }
        lock.lock()
        defer { lock.unlock() }
        write(last)
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func write(_ progress: BatchProgress) {
        let rate = progress.rate
        var parts = ["\(progress.done)\(progress.total.map { "/\($0)" } ?? "")", String(format: "%.1f/s", rate)]
        if let total = progress.total, rate > 0 {
            let remaining = Double(max(0, total - progress.done)) / rate
            parts.append("ETA " + String(format: "%d:%02d", Int(remaining) / 60, Int(remaining) % 60))
        }
        if progress.failed + progress.unverified > 0 { parts.append("\(progress.failed + progress.unverified) not rendered") }
        let line: String
        if isTerminal, let total = progress.total, total > 0 {
            let width = 30
            let filled = min(width, progress.done * width / total)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            line = "\r[\(bar)] " + parts.joined(separator: "  ") + "   "
        } else {
            line = (isTerminal ? "\r" : "") + "batch: " + parts.joined(separator: ", ") + (isTerminal ? "   " : "\n")
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
