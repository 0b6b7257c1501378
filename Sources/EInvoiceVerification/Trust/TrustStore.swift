import Foundation
import _CryptoExtras

/// The keys a verification trusts, looked up by `kid`.
///
/// Built from the keys built into the tool plus any `--trust` files. A kid that no key claims
/// makes a token *untrusted*, which says nothing about forgery.
public struct TrustStore: Sendable {
    public private(set) var keys: [TrustedKey]

    public init(keys: [TrustedKey]) { self.keys = keys }

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
        let wanted = kid.uppercased()
        return keys.filter { $0.kid == wanted }
    }

    /// Keys given without a kid: tried when no pinned key claims a token's kid.
    public var unpinned: [TrustedKey] { keys.filter { $0.kid == nil } }
}
