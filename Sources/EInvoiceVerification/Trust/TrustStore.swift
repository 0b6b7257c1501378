import Foundation
import _CryptoExtras

/// The keys a verification trusts, looked up by `kid`.
///
/// Built from the keys built into the tool plus any `--trust` files. A kid that no key claims
/// makes a token *untrusted*, which says nothing about forgery.
public struct TrustStore: Sendable {
    public private(set) var keys: [TrustedKey] {
        didSet { lookup = KeyLookup(keys) }
    }
    /// The keys by kid, worked out once per store instead of filtering all keys once per token.
    private var lookup: KeyLookup

    public init(keys: [TrustedKey]) {
        self.keys = keys
        lookup = KeyLookup(keys)
    }

    /// The four NIC keys built into the tool (see ``BuiltInKeys`` for their provenance).
    public static let builtIn: TrustStore = {
        let keys = BuiltInKeys.all.compactMap { entry -> TrustedKey? in
            // The PEMs are constants checked by a unit test; a bad one is skipped, not a crash.
            guard let key = try? _RSA.Signing.PublicKey(pemRepresentation: entry.pem) else { return nil }
            return TrustedKey(
                kid: entry.kid, environment: entry.environment, label: entry.label, origin: .builtIn,
                provenance: "\(BuiltInKeys.provenance); seen \(entry.observed)", publicKey: key)
        }
        return TrustStore(keys: keys)
    }()

    /// The store with the keys of a `--trust` file added (they take precedence for their kid).
    public func adding(contentsOf path: String) throws(VerificationError) -> TrustStore {
        var copy = self
        copy.keys = try TrustFile.load(path: path) + keys
        return copy
    }

    /// Keys pinned to `kid` (normally one).
    public func pinned(to kid: String) -> [TrustedKey] {
        pinned(toUpperCased: kid.uppercased())
    }

    /// The same for a kid already upper-cased (``CompactJWS/keyID``), as keys store theirs.
    func pinned(toUpperCased kid: String) -> [TrustedKey] {
        lookup.pinned[kid] ?? []
    }

    /// Keys given without a kid: tried when no pinned key claims a token's kid.
    public var unpinned: [TrustedKey] { lookup.unpinned }
}

/// The keys of a store grouped by kid, each group in the store's order (earlier keys are tried first).
private struct KeyLookup: Sendable {
    var pinned: [String: [TrustedKey]] = [:]
    var unpinned: [TrustedKey] = []

    init(_ keys: [TrustedKey]) {
        for key in keys {
            if let kid = key.kid { pinned[kid, default: []].append(key) } else { unpinned.append(key) }
        }
    }
}
