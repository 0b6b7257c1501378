/// The shape every module's one error type shares: a `code` to match on, a `reason` for people.
///
/// Equality and hashing use the code only, so tests can check the kind of failure without
/// depending on the wording (apple/swift-certificates' `X509Error` does the same).
public protocol CodedError: Error, Hashable, CustomStringConvertible, Sendable {
    associatedtype Code: Hashable & Sendable
    var code: Code { get }
    var reason: String { get }
}

extension CodedError {
    public var description: String { reason }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
