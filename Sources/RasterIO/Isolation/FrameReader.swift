import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a child's stdout against a deadline, collecting what it says on stderr on the way.
///
/// `poll` waits at most 50 ms at a time so a cancellation is seen promptly.
struct FrameReader {
    let output: Int32
    let errors: Int32
    let deadline: ContinuousClock.Instant
    let cancellation: DecodeCancellation?
    /// The first 4 KB the child wrote to stderr (a crash message, an allocation failure).
    private(set) var stderr = Data()
    private var errorsOpen = true

    init(output: Int32, errors: Int32, deadline: ContinuousClock.Instant, cancellation: DecodeCancellation?) {
        self.output = output
        self.errors = errors
        self.deadline = deadline
        self.cancellation = cancellation
    }

    mutating func value<T: BitwiseCopyable>(_ type: T.Type) throws(RasterError) -> T {
        guard let bytes = try bytes(MemoryLayout<T>.size) else { throw RasterError(.decoderFailed, "the decoder stopped mid-page") }
        return bytes.withUnsafeBytes { $0.loadUnaligned(as: T.self) }
    }

    /// Exactly `count` bytes; `nil` when the stream ends first (before any byte, if `allowEnd`).
    mutating func bytes(_ count: Int, allowEnd: Bool = false) throws(RasterError) -> [UInt8]? {
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let read = result.withUnsafeMutableBytes { buffer in
                Result { () throws(RasterError) in try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])) }
            }
            let got = try read.get()
            if got == 0 {
                if filled == 0 && allowEnd { return nil }
                throw RasterError(.decoderFailed, "the decoder stopped mid-page")
            }
            filled += got
        }
        return result
    }

    /// Drains what is left on stderr once the child has ended.
    mutating func drainErrors() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while errorsOpen {
            let got = read(errors, &buffer, buffer.count)
            if got == 0 { errorsOpen = false }
            guard got > 0 else { break }
            guard stderr.count < 4096 else { continue }
            stderr.append(contentsOf: buffer[0..<got])
        }
    }

    /// Some bytes (0 at the end of the stream); throws `timeLimit` at the deadline or on cancellation.
    private mutating func readSome(into buffer: UnsafeMutableRawBufferPointer) throws(RasterError) -> Int {
        while true {
            if cancellation?.isCancelled == true { throw RasterError(.timeLimit, "cancelled") }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw RasterError(.timeLimit, "deadline") }
            let milliseconds = min(50, max(1, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errorsOpen ? errors : -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, Int32(milliseconds))
            if ready < 0, errno != EINTR { throw RasterError(.decoderFailed, "cannot read the decoder's output") }
            if fds[1].revents != 0 { drainErrors() }
            guard fds[0].revents != 0 else { continue }
            let got = read(output, buffer.baseAddress, buffer.count)
            if got > 0 { return got }
            if got == 0 { return 0 }
            if errno != EAGAIN, errno != EINTR { throw RasterError(.decoderFailed, "cannot read the decoder's output") }
        }
    }
}
