/// Which IRP environment signed a token: taken from the key that verified it.
///
/// `iss` cannot tell: sandbox tokens said `"NIC"` until 2022 (DOMAIN.md §0.6).
public enum Environment: String, Sendable, Codable, CaseIterable {
    case production
    case sandbox
    /// The key is not known, so neither is the environment.
    case unknown
}
