import Synchronization

/// Remembers decoded JOSE headers, with what is derived from them, by their base64url text.
///
/// Every token an IRP key signs carries the same header bytes, so a batch of thousands of tokens
/// has a handful of distinct headers; decoding each once saves a JSON parse per token. The cache
/// is bounded and only ever holds what the bytes decode to, so it cannot change a verdict.
final class HeaderCache: Sendable {
    static let shared = HeaderCache()
    private static let capacity = 64
    private let entries = Mutex<[Substring: CompactJWS.ReadHeader]>([:])

    func header(
        for segment: Substring, decode: () throws(VerificationError) -> CompactJWS.ReadHeader
    ) throws(VerificationError) -> CompactJWS.ReadHeader {
        if segment.utf8.count <= 512, let cached = entries.withLock({ $0[segment] }) { return cached }
        let header = try decode()
        guard segment.utf8.count <= 512 else { return header }
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[segment] = header
        }
        return header
    }
}
