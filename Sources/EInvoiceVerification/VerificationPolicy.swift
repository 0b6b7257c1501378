/// What a verification accepts beyond a matching signature.
public struct VerificationPolicy: Sendable, Hashable {
    /// Sandbox-signed tokens are reported untrusted (`--production-only`).
    public var productionOnly: Bool

    public init(productionOnly: Bool = false) {
        self.productionOnly = productionOnly
    }

    /// The line every offline verdict comes with (DOMAIN.md §0.9).
    public static let cancellationNote =
        "An offline check cannot know whether the IRN was cancelled later; only the IRP's Get IRN API can (within 2-3 days)."
}
