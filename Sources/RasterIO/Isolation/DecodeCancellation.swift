import Synchronization

/// Set from another thread (a timed-out or abandoned desk request) to stop a decode: the child
/// process is killed within about 50 ms and the file ends with a `timeLimit` error.
public final class DecodeCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}
