#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeRawBufferPointer {
    /// The offset of the first `byte` at or after `start`, or `nil`: `memchr`, which reads a word
    /// at a time. Lines, a token's dots and the invoice marker are all found with it: generic
    /// `firstIndex(of:)` loops stepped byte by byte and showed in the `verify` profile.
    public func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard start >= 0, start < count, let base = baseAddress,
              let found = memchr(base + start, Int32(byte), count - start)
        else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// Whether `needle` occurs as a contiguous run of bytes: candidates for its first byte by
    /// ``offset(of:from:)``, each compared with `memcmp`.
    public func contains(bytes needle: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, let needleBase = needle.baseAddress else { return true }
        guard count >= needle.count, let base = baseAddress else { return false }
        var start = 0
        while let candidate = offset(of: first, from: start), candidate <= count - needle.count {
            if memcmp(base + candidate, needleBase, needle.count) == 0 { return true }
            start = candidate + 1
        }
        return false
    }
}
