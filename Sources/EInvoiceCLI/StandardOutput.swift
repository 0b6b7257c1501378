// `stdout` is a C global; `@preconcurrency` lets Swift 6 read it (only the CLI's one thread writes).
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Writes text to C's `stdout` stream, exactly where `print` puts it: the same stdio buffer and
/// buffering (line by line on a terminal, in blocks into a file or pipe), so the order with any
/// other `print` and with standard error is unchanged.
///
/// Why: `print` takes its items as `[Any]` and finds how to write each by dynamic casts; for
/// `verify --json`'s one line per token that boxing and casting is work the line does not need.
enum StandardOutput {
    /// Gives `stdout` a 256 KB block buffer when it is a file or pipe (stdio's default is 4 KB, one
    /// `write` per four `verify --json` lines). Call before anything is written; a terminal keeps
    /// its line buffering.
    ///
    /// The buffer is given, not just its size: glibc ignores the size when the buffer is `nil`, so
    /// 20 000 tokens were still 4 817 `write` calls of 4 KB (now 76). It lives as long as the
    /// process, as `stdout` does.
    static func bufferLargeBlocks() {
        guard isatty(STDOUT_FILENO) == 0 else { return }
        let size = 1 << 18
        _ = setvbuf(stdout, UnsafeMutablePointer<CChar>.allocate(capacity: size), _IOFBF, size)
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            _ = fwrite(base, 1, bytes.count, stdout)
        }
    }

    /// `bytes`, then a newline.
    static func writeLine(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress { _ = fwrite(base, 1, bytes.count, stdout) }
        }
        _ = fputc(0x0a, stdout)
    }
}
