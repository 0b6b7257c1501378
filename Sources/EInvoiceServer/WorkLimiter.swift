/// Bounds how many CPU-heavy requests run at once (scans take a core each), queueing a few more
/// and refusing the rest, so a burst of uploads cannot exhaust memory. Requests are admitted
/// here before their bodies are read, so a queued upload stays in the kernel's socket buffer.
actor WorkLimiter {
    private let limit: Int
    private let queueLimit: Int
    private var running = 0
    private var nextTicket: UInt64 = 0
    private var waiting: [(ticket: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []

    init(limit: Int, queueLimit: Int) {
        self.limit = max(1, limit)
        self.queueLimit = queueLimit
    }

    /// Waits for a slot until `deadline`; `false` when the queue is full or the deadline passes
    /// first (the caller answers 503).
    func acquire(before deadline: ContinuousClock.Instant) async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        guard waiting.count < queueLimit else { return false }
        nextTicket += 1
        let ticket = nextTicket
        Task { [weak self] in
            try? await Task.sleep(until: deadline)
            await self?.expire(ticket)
        }
        return await withCheckedContinuation { waiting.append((ticket, $0)) }
    }

    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().continuation.resume(returning: true)
        }
    }

    private func expire(_ ticket: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }
}
