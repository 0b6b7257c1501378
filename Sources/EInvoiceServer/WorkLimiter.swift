/// Bounds how many CPU-heavy requests run at once (scans take a core each), queueing a few more
/// and refusing the rest, so a burst of uploads cannot exhaust memory.
actor WorkLimiter {
    private let limit: Int
    private let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int, queueLimit: Int) {
        self.limit = max(1, limit)
        self.queueLimit = queueLimit
    }

    /// Waits for a slot; `false` when the queue is full (the caller answers 503).
    func acquire() async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        guard waiting.count < queueLimit else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
