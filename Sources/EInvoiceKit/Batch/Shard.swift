import Crypto
import Foundation

/// A deterministic 1/N of the items, chosen by a hash of each item's id, so N machines (or the
/// pods of a Kubernetes Indexed Job) split one archive with no coordination.
public struct Shard: Sendable, Hashable {
    public let index: Int
    public let count: Int

    /// `I/N` with 0 ≤ I < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public init?(index: Int, count: Int) {
        guard count > 0, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Whether the item with this id belongs to this shard (first 8 bytes of SHA-256, mod N).
    public func contains(_ id: String) -> Bool {
        let digest = SHA256.hash(data: Data(id.utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(value % UInt64(count)) == index
    }
}
